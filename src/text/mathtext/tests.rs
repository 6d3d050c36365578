//! Checks against matplotlib 3.11.2: `tests/fixtures/mathtext/manifest.json` and
//! `renders/*.png`, written by `tests/fixtures/mathtext/gen.py`.

use super::*;
use crate::text::fixture::{self, composite_mask, f, read_gray_png};
use serde_json::Value;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mathtext");

fn manifest() -> Value {
    fixture::manifest(FIXTURES)
}

#[test]
fn is_math_counts_unescaped_dollars() {
    // cbook.is_math_text
    for (s, want) in [
        (r"$\mathdefault{10^{2}}$", true),
        ("0.5", false),
        ("$x", false),
        (r"\$5\$", false),
        ("$a$ and $b$", true),
        ("", false),
    ] {
        assert_eq!(is_math(s), want, "{s:?}");
    }
}

#[test]
fn quad_is_the_italic_m_advance() {
    // DejaVuSansFonts.get_quad('normal', 10, 100) = 13.531158447265625 (the Oblique "m").
    let mut cache = GlyphCache::new();
    let fonts = fonts::Fonts {
        cache: &mut cache,
        dpi: 100.0,
        text_face: crate::text::FontFace::Sans,
    };
    assert_eq!(fonts.quad(10.0).unwrap(), 13.531158447265625);
}

#[test]
fn unsupported_input_is_an_error() {
    let mut cache = GlyphCache::new();
    for s in [
        r"$\mathdefault{10^{2}",  // unbalanced $
        r"$\mathdefault{10^{2}$", // unclosed group
        r"$\foo$",                // unknown command
        r"$a}$",                  // unbalanced brace
        r"$x_1_2$",               // double subscript
        r"$\frac{1}$",            // missing argument
    ] {
        assert!(layout_math(&mut cache, s, 10.0, 100.0).is_err(), "{s:?}");
    }
    // Nesting deeper than MAX_DEPTH.
    let deep = format!("$\\mathdefault{{{}1{}}}$", "{".repeat(100), "}".repeat(100));
    assert!(layout_math(&mut cache, &deep, 10.0, 100.0).is_err());
    let ok = format!("$\\mathdefault{{{}1{}}}$", "{".repeat(10), "}".repeat(10));
    assert!(layout_math(&mut cache, &ok, 10.0, 100.0).is_ok());
    assert!(layout_math(&mut cache, r"$\mathdefault{1}$", 0.0, 100.0).is_err());
    assert!(layout_math(&mut cache, r"$\mathdefault{1}$", 10.0, f64::NAN).is_err());
}

#[test]
fn spec_6_6_numbers() {
    // MathTextParser('path').parse(s, 100, FontProperties(size=10)) (spec §6.6):
    // (label, box w, h, d, [(size pt, dx, dy)]).
    let m = "\u{2212}";
    type Case = (&'static str, f64, f64, f64, &'static [(f64, f64, f64)]);
    let cases: &[Case] = &[
        (
            r"$\mathdefault{10^{2}}$",
            25.0,
            14.0,
            1.0,
            &[
                (10.0, 0.0, 0.045138888888889284),
                (10.0, 8.837646484375, 0.045138888888889284),
                (7.0, 17.808213975694443, 5.78125),
            ],
        ),
        (
            r"$\mathdefault{10^{-2}}$",
            33.0,
            14.0,
            1.0,
            &[
                (10.0, 0.0, 0.045138888888889284),
                (10.0, 8.837646484375, 0.045138888888889284),
                (7.0, 17.808213975694443, 5.78125),
                (7.0, 25.955391099717882, 5.78125),
            ],
        ),
        (
            r"$\mathdefault{-10^{1}}$",
            37.0,
            14.0,
            1.0,
            &[
                (10.0, 0.0, 0.1763888888888907),
                (10.0, 11.638824462890625, 0.1763888888888907),
                (10.0, 20.476470947265625, 0.1763888888888907),
                (7.0, 29.447038438585068, 5.912500000000001),
            ],
        ),
        (
            r"$\mathdefault{2\times10^{3}}$",
            51.0,
            14.0,
            1.0,
            &[
                (10.0, 0.0, 0.045138888888889284),
                (10.0, 11.543878173828125, 0.045138888888889284),
                (10.0, 25.888934326171874, 0.045138888888889284),
                (10.0, 34.72658081054688, 0.045138888888889284),
                (7.0, 43.69714830186632, 5.78125),
            ],
        ),
        (r"$\mathdefault{0}$", 9.0, 12.0, 1.0, &[(10.0, 0.0, 0.6875)]),
    ];
    let mut cache = GlyphCache::new();
    for &(s, w, h, d, glyphs) in cases {
        let got = layout_math(&mut cache, s, 10.0, 100.0).unwrap();
        assert_eq!(
            (got.width_px, got.height_px, got.depth_px),
            (w, h, d),
            "{s}"
        );
        let want: Vec<_> = glyphs
            .iter()
            .map(|&(pt, dx, dy)| (font_size_26_6(pt, 100.0).unwrap(), dx, dy))
            .collect();
        let have: Vec<_> = got
            .glyphs
            .iter()
            .map(|g| (g.size_26_6, g.dx, g.dy))
            .collect();
        assert_eq!(have, want, "{s}");
    }
    // The unicode minus typed directly lays out like "-".
    let a = layout_math(
        &mut cache,
        &format!("$\\mathdefault{{{m}10^{{2}}}}$"),
        10.0,
        100.0,
    );
    let b = layout_math(&mut cache, r"$\mathdefault{-10^{2}}$", 10.0, 100.0);
    assert_eq!(a.unwrap(), b.unwrap());
}

#[test]
fn layouts_match_matplotlib_exactly() {
    // MathTextParser('path').parse(s, dpi, FontProperties(size=size)): width, height,
    // depth and every glyph's (size, index, dx, dy), compared bit for bit.
    let m = manifest();
    let mut cache = GlyphCache::new();
    let cases = m["layouts"].as_array().unwrap();
    let mut bad = Vec::new();
    for c in cases {
        let (s, size, dpi) = (c["text"].as_str().unwrap(), f(&c["size_pt"]), f(&c["dpi"]));
        let got = match layout_math(&mut cache, s, size, dpi) {
            Ok(g) => g,
            Err(e) => {
                bad.push(format!("{s} {size} {dpi}: {e}"));
                continue;
            }
        };
        let want: Vec<PlacedGlyph> = c["glyphs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| PlacedGlyph {
                face: FontFace::Sans,
                glyph_id: g[1].as_u64().unwrap() as u16,
                size_26_6: font_size_26_6(f(&g[0]), dpi).unwrap(),
                dx: f(&g[2]),
                dy: f(&g[3]),
            })
            .collect();
        let boxes = (got.width_px, got.height_px, got.depth_px);
        let want_box = (f(&c["width"]), f(&c["height"]), f(&c["depth"]));
        if boxes != want_box || got.glyphs != want {
            bad.push(format!(
                "{s} {size} {dpi}: box {boxes:?} vs {want_box:?}\n  {:?}\n  {:?}",
                got.glyphs, want
            ));
        }
    }
    assert!(
        bad.is_empty(),
        "{}/{} differ:\n{}",
        bad.len(),
        cases.len(),
        bad.join("\n")
    );
}

fn ha(s: &str) -> HorizontalAlignment {
    match s {
        "left" => HorizontalAlignment::Left,
        "center" => HorizontalAlignment::Center,
        _ => HorizontalAlignment::Right,
    }
}

fn va(s: &str) -> VerticalAlignment {
    match s {
        "top" => VerticalAlignment::Top,
        "bottom" => VerticalAlignment::Bottom,
        "baseline" => VerticalAlignment::Baseline,
        "center" => VerticalAlignment::Center,
        _ => VerticalAlignment::CenterBaseline,
    }
}

#[test]
fn renders_match_matplotlib_bit_for_bit() {
    // fig.text(x, y, label, ha=..., va=..., fontsize=..., transform=IdentityTransform())
    // drawn by Agg on a white canvas; whole buffers compared, plus
    // Text.get_window_extent().
    let m = manifest();
    let mut cache = GlyphCache::new();
    let cases = m["renders"].as_array().unwrap();
    let mut bad = Vec::new();
    for c in cases {
        let (s, size, dpi) = (c["text"].as_str().unwrap(), f(&c["size_pt"]), f(&c["dpi"]));
        let (w, h, want) = read_gray_png(&format!("{FIXTURES}/{}", c["file"].as_str().unwrap()));
        let math = layout_math(&mut cache, s, size, dpi).unwrap();
        let line = math.to_shaped_like();
        let anchor = (f(&c["anchor"][0]), f(&c["anchor"][1]));
        let angle = f(&c["angle"]);
        let (x, y) = pen_origin(
            &line,
            anchor,
            ha(c["ha"].as_str().unwrap()),
            va(c["va"].as_str().unwrap()),
            angle,
        );
        let mut canvas = vec![255u8; w * h];
        rasterize_math(&mut cache, &math, x, y, h as u32, angle, |mask| {
            composite_mask(&mut canvas, w, h, mask)
        });
        let n_diff = canvas.iter().zip(&want).filter(|(a, b)| a != b).count();
        let ext: Vec<f64> = c["window_extent"]
            .as_array()
            .unwrap()
            .iter()
            .map(f)
            .collect();
        // Text.get_window_extent: the rotated [0, w] x [-d, a] box about the pen.
        let corners = [
            (0.0, -line.descent_px),
            (0.0, line.ascent_px),
            (line.width_px, line.ascent_px),
            (line.width_px, -line.descent_px),
        ]
        .map(|(cx, cy)| crate::text::rotate_point(angle, cx, cy));
        let xs = corners.map(|p| p.0 + x);
        let ys = corners.map(|p| p.1 + y);
        let lo = |v: [f64; 4]| v.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = |v: [f64; 4]| v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let got_ext = [lo(xs), lo(ys), hi(xs), hi(ys)];
        let ext_ok = got_ext.iter().zip(&ext).all(|(g, w)| (g - w).abs() < 1e-9);
        if n_diff != 0 || !ext_ok {
            bad.push(format!(
                "{} {s} {size}pt {dpi}dpi {} {} {angle}: {n_diff} px differ, extent {got_ext:?} vs {ext:?}",
                c["file"], c["ha"], c["va"]
            ));
        }
    }
    assert!(
        bad.is_empty(),
        "{}/{} differ:\n{}",
        bad.len(),
        cases.len(),
        bad.join("\n")
    );
}

/// The face of a font file named in `tests/fixtures/mathtext_layouts/layouts.json`.
fn face_of_file(name: &str) -> Option<FontFace> {
    Some(match name {
        "DejaVuSans.ttf" => FontFace::Sans,
        "DejaVuSans-Oblique.ttf" => FontFace::SansOblique,
        "DejaVuSans-Bold.ttf" => FontFace::SansBold,
        "DejaVuSans-BoldOblique.ttf" => FontFace::SansBoldOblique,
        "DejaVuSansDisplay.ttf" => FontFace::SansDisplay,
        "DejaVuSansMono.ttf" => FontFace::SansMono,
        "STIXGeneral.ttf" => FontFace::StixGeneral,
        "STIXGeneralItalic.ttf" => FontFace::StixGeneralItalic,
        "STIXGeneralBol.ttf" => FontFace::StixGeneralBold,
        "STIXGeneralBolIta.ttf" => FontFace::StixGeneralBoldItalic,
        "STIXNonUni.ttf" => FontFace::StixNonUnicode,
        "STIXNonUniIta.ttf" => FontFace::StixNonUnicodeItalic,
        "STIXNonUniBol.ttf" => FontFace::StixNonUnicodeBold,
        "STIXSizOneSymReg.ttf" => FontFace::StixSizeOneSym,
        "STIXSizTwoSymReg.ttf" => FontFace::StixSizeTwoSym,
        "STIXSizThreeSymReg.ttf" => FontFace::StixSizeThreeSym,
        "STIXSizFourSymReg.ttf" => FontFace::StixSizeFourSym,
        "STIXSizFiveSymReg.ttf" => FontFace::StixSizeFiveSym,
        "cmsy10.ttf" => FontFace::Cmsy10,
        _ => return None,
    })
}

/// Exact layouts of `layouts_table_matches_matplotlib`: only ever raised.
const EXACT_LAYOUTS_FLOOR: usize = 813;

#[test]
fn layouts_table_matches_matplotlib() {
    // tests/fixtures/mathtext_layouts/layouts.json (gen.py): matplotlib's test-suite
    // expressions and plot labels, MathTextParser('path').parse boxes, glyphs (font
    // file, size, index, dx, dy) and rects, or matplotlib's error. figbuf must match
    // bit for bit, or refuse with an error; it must never lay out differently, and it
    // must refuse what matplotlib refuses.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/mathtext_layouts"
    );
    let m = fixture::manifest_file(&format!("{path}/layouts.json"));
    let mut cache = GlyphCache::new();
    let cases = m["cases"].as_array().unwrap();
    let (mut exact, mut refused, mut both_err) = (0, Vec::new(), 0);
    let mut bad = Vec::new();
    let mut exact_texts = std::collections::BTreeSet::new();
    for c in cases {
        let (s, size, dpi) = (c["text"].as_str().unwrap(), f(&c["size_pt"]), f(&c["dpi"]));
        let got = layout_math(&mut cache, s, size, dpi);
        if c.get("error").is_some() {
            match got {
                Err(_) => both_err += 1,
                Ok(_) => bad.push(format!("{s:?}: matplotlib errors, figbuf lays it out")),
            }
            continue;
        }
        let got = match got {
            Ok(g) => g,
            Err(e) => {
                refused.push(format!("{s:?} {size} {dpi}: {e}"));
                continue;
            }
        };
        let want_glyphs: Option<Vec<PlacedGlyph>> = c["glyphs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| {
                Some(PlacedGlyph {
                    face: face_of_file(g[0].as_str().unwrap())?,
                    glyph_id: g[2].as_u64().unwrap() as u16,
                    size_26_6: font_size_26_6(f(&g[1]), dpi).unwrap(),
                    dx: f(&g[3]),
                    dy: f(&g[4]),
                })
            })
            .collect();
        let want_rects: Vec<MathRect> = c["rects"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| MathRect {
                dx: f(&r[0]),
                dy: f(&r[1]),
                width: f(&r[2]),
                height: f(&r[3]),
            })
            .collect();
        let want_box = (f(&c["width"]), f(&c["height"]), f(&c["depth"]));
        let boxes = (got.width_px, got.height_px, got.depth_px);
        if Some(&got.glyphs) == want_glyphs.as_ref() && got.rects == want_rects && boxes == want_box
        {
            exact += 1;
            exact_texts.insert(s);
        } else {
            let wg = want_glyphs.unwrap_or_default();
            let first = (0..got.glyphs.len().max(wg.len()))
                .find(|&i| got.glyphs.get(i) != wg.get(i))
                .map(|i| format!("glyph {i}: {:?} vs {:?}", got.glyphs.get(i), wg.get(i)))
                .unwrap_or_default();
            bad.push(format!(
                "{s:?} {size} {dpi}: box {boxes:?} vs {want_box:?}; {first}; rects {:?} vs {:?}",
                got.rects, want_rects
            ));
        }
    }
    eprintln!(
        "mathtext layout table: {exact}/{} cases exact ({} distinct expressions), {} refused, \
         {both_err} errors as matplotlib, {} differ",
        cases.len(),
        exact_texts.len(),
        refused.len(),
        bad.len()
    );
    for r in &refused {
        eprintln!("refused: {r}");
    }
    assert!(bad.is_empty(), "{} differ:\n{}", bad.len(), bad.join("\n"));
    assert!(
        exact >= EXACT_LAYOUTS_FLOOR,
        "{exact} < {EXACT_LAYOUTS_FLOOR}"
    );
}

#[test]
fn bad_input_is_bounded_and_named() {
    let mut cache = GlyphCache::new();
    // 10,000 characters of math: laid out, in bounded time.
    let long = format!("${}$", "x+".repeat(5_000));
    let t = std::time::Instant::now();
    assert!(layout_math(&mut cache, &long, 10.0, 100.0).is_ok());
    assert!(t.elapsed().as_secs_f64() < 5.0, "{:?}", t.elapsed());
    // Over MAX_LEN bytes: an error, not a long parse.
    let huge = format!("${}$", "x".repeat(200_000));
    assert!(layout_math(&mut cache, &huge, 10.0, 100.0).is_err());
    // Deep nesting of every recursive construct: errors naming the text, no overflow.
    for (open, close) in [
        ("{", "}"),
        ("x^{", "}"),
        (r"\frac{", "}{2}"),
        (r"\hat{", "}"),
        (r"\sqrt{", "}"),
        (r"\sqrt[{", "}]{x}"),
        (r"\left(", r"\right)"),
        (r"\widehat{", "}"),
        (r"\substack{", "}"),
        (r"\genfrac{}{}{0}{}{", "}{y}"),
        (r"\boldsymbol{a", "}"),
        (r"\operatorname{a", "}"),
    ] {
        let s = format!("${}x{}$", open.repeat(500), close.repeat(500));
        let e = layout_math(&mut cache, &s, 10.0, 100.0).unwrap_err();
        assert!(e.to_string().contains("mathtext"), "{e}");
        let ok = format!("${}x{}$", open.repeat(8), close.repeat(8));
        assert!(layout_math(&mut cache, &ok, 10.0, 100.0).is_ok(), "{ok}");
    }
    // 10,000 characters of each sized construct: bounded time.
    for unit in [
        r"\sqrt{x}",
        r"\left(x\right)",
        "f'",
        r"\mathcal{A}",
        r"\widehat{x}",
        r"\left(a\middle|b\right)",
    ] {
        let s = format!("${}$", unit.repeat(10_000 / unit.len()));
        let t = std::time::Instant::now();
        let _ = layout_math(&mut cache, &s, 10.0, 100.0);
        assert!(t.elapsed().as_secs_f64() < 5.0, "{unit}: {:?}", t.elapsed());
    }
    // Unknown commands and unbalanced braces name the text.
    for s in [
        r"$\foo$",
        r"${x$",
        r"$x}$",
        r"$\left( x$",
        r"$x^$",
        r"$\frac{1}$",
        r"$\sqrt[3$",
        r"$\genfrac{(}{)}{x}{}{a}{b}$",
        r"$\substack{}$",
        r"$\left( \middle$",
    ] {
        let e = layout_math(&mut cache, s, 10.0, 100.0).unwrap_err();
        assert!(e.to_string().contains(&s[1..3]), "{s}: {e}");
    }
}

#[test]
fn warm_math_layout_is_cached() {
    let mut cache = GlyphCache::new();
    let s = r"$\alpha_{i}^{2} + \frac{1}{2}$ map";
    let first = layout_math(&mut cache, s, 10.0, 100.0).unwrap();
    let t = std::time::Instant::now();
    for _ in 0..1000 {
        assert_eq!(layout_math(&mut cache, s, 10.0, 100.0).unwrap(), first);
    }
    // A cache hit is a hash lookup and a clone, far below a fresh parse.
    assert!(t.elapsed().as_secs_f64() < 0.5, "{:?}", t.elapsed());
}

#[test]
fn random_token_soup_never_panics() {
    // Deterministic xorshift over pieces of the grammar: every result is Ok or Err.
    const PIECES: &[&str] = &[
        "$",
        "{",
        "}",
        "^",
        "_",
        "x",
        "1",
        " ",
        "\\",
        "\\frac",
        "\\left(",
        "\\right)",
        "\\hat",
        "\\alpha",
        "\\mathrm{",
        "\\text{",
        "\\sqrt",
        "\\,",
        "'",
        "-",
        "+",
        "=",
        "\\$",
        "\\sum",
        "\\overline",
        "\\rm",
        "\\left",
        "\\right",
        ".",
        "\\foo",
        "\u{6f22}",
        "\\\\",
        "\\hspace{",
        "0.5",
        "\\phantom",
        "\\genfrac",
        "\\substack{",
        "\\middle",
        "\\boldsymbol{",
        "\\operatorname{",
        "\\sqrt[",
        "]",
        "\\mathcal{",
        "\\mathbb{",
        "\\widehat",
        "''",
        "\\prime",
        "0.5}",
        "\\underset",
        "\\dot",
        "(",
        ")",
        "|",
        "\n",
    ];
    let mut cache = GlyphCache::new();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..20_000 {
        let n = (next() % 12) as usize;
        let mut s = String::from("$");
        for _ in 0..n {
            s.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
        }
        s.push('$');
        let _ = layout_math(&mut cache, &s, 10.0, 100.0);
    }
}

/// The layout of a log-axis tick label: its box and glyph count.
#[test]
fn layout_math_of_a_tick_label() {
    let mut cache = GlyphCache::new();
    let m = layout_math(&mut cache, r"$\mathdefault{10^{2}}$", 10.0, 100.0).expect("layout");
    assert_eq!((m.width_px, m.height_px, m.depth_px), (25.0, 14.0, 1.0));
    assert_eq!(m.glyphs.len(), 3);
}
