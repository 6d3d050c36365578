//! Tests of the text engine against matplotlib 3.11.2 (Agg). The fixtures in
//! `tests/fixtures/text/` were written by `tests/fixtures/text/gen_text.py`.

use super::*;

use super::fixture::{self, f, read_gray_png};
use serde_json::Value;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/text");

fn manifest() -> Value {
    fixture::manifest(FIXTURES)
}

/// Composites black text glyph by glyph on an opaque white gray canvas.
fn composite(width: usize, height: usize, masks: &[GlyphMask]) -> Vec<u8> {
    let mut canvas = vec![255u8; width * height];
    for m in masks {
        let mask = GlyphMaskRef {
            left: m.left,
            top: m.top,
            width: m.width,
            height: m.height,
            coverage: &m.coverage,
        };
        fixture::composite_mask(&mut canvas, width, height, mask);
    }
    canvas
}

#[test]
fn embedded_font_parses() {
    assert!(FontRef::new(DEJAVU_SANS).is_ok());
}

#[test]
fn size_26_6_follows_ft_set_char_size() {
    // FT_Set_Char_Size(pt·64, 0, dpi, dpi): (640·100 + 36) div 72 = 889 (13.89 px).
    for (pt, dpi, want) in [(10.0, 100.0, 889), (12.0, 72.0, 768), (10.0, 72.0, 640)] {
        assert_eq!(size_26_6(pt, dpi).unwrap(), want, "{pt} pt {dpi} dpi");
    }
    assert!(size_26_6(0.0, 100.0).is_err());
    assert!(size_26_6(f64::NAN, 100.0).is_err());
    assert!(size_26_6(10.0, -1.0).is_err());
    // 9000 pt at 50000 dpi would be 6.25 million px per em.
    assert!(size_26_6(9000.0, 50000.0).is_err());
}

#[test]
fn odd_positions_and_angles_do_not_panic() {
    let mut cache = GlyphCache::new();
    let t = cache.shape("Ag", 10.0, 100.0).unwrap();
    for (x, y, angle) in [
        (f64::NAN, 0.0, 0.0),
        (0.0, f64::INFINITY, 0.0),
        (1e300, -1e300, 0.0),
        (5.0, 5.0, f64::NAN),
        (5.0, 5.0, -720.5),
    ] {
        let _ = cache.rasterize(&t, x, y, 20, angle);
        let _ = pen_origin(
            &t,
            (x, y),
            HorizontalAlignment::Center,
            VerticalAlignment::Top,
            angle,
        );
    }
    // An empty line has no glyphs and matplotlib's typographic metrics.
    let empty = cache.shape("", 10.0, 100.0).unwrap();
    assert!(empty.glyphs.is_empty());
    assert_eq!(empty.width_px, 0.0);
}

#[test]
fn measured_widths_and_line_metrics_match_matplotlib() {
    // (text, pt, dpi, width, ascent, descent): width from
    // RendererAgg.get_text_width_height_descent, ascent/descent as Text._get_layout
    // uses them (matplotlib 3.11.2, spec §8.2).
    let cases: &[(&str, f64, f64, f64, f64, f64)] = &[
        (
            "0",
            10.0,
            100.0,
            9.0,
            1556.0 * 1000.0 / 72.0 / 2048.0,
            492.0 * 1000.0 / 72.0 / 2048.0,
        ),
        (
            "\u{2212}",
            10.0,
            100.0,
            12.0,
            1556.0 * 1000.0 / 72.0 / 2048.0,
            492.0 * 1000.0 / 72.0 / 2048.0,
        ),
        (
            ".",
            10.0,
            100.0,
            4.0,
            1556.0 * 1000.0 / 72.0 / 2048.0,
            492.0 * 1000.0 / 72.0 / 2048.0,
        ),
        (
            "Title",
            12.0,
            100.0,
            2335.0 / 64.0,
            13.0,
            492.0 * 1200.0 / 72.0 / 2048.0,
        ),
    ];
    let mut cache = GlyphCache::new();
    for &(s, pt, dpi, w, a, d) in cases {
        let t = cache.shape(s, pt, dpi).unwrap();
        assert_eq!(t.width_px, w, "{s}");
        assert!(
            (t.ascent_px - a).abs() < 1e-9,
            "{s}: {} vs {a}",
            t.ascent_px
        );
        assert!(
            (t.descent_px - d).abs() < 1e-9,
            "{s}: {} vs {d}",
            t.descent_px
        );
    }
}

#[test]
fn layout_matches_matplotlib_layout() {
    // Glyph ids and pens from FT2Font._layout, width/height/descent from
    // RendererAgg.get_text_width_height_descent, for every fixture.
    let m = manifest();
    let mut cache = GlyphCache::new();
    let mut bad = Vec::new();
    for r in m["renders"].as_array().unwrap() {
        let text = r["text"].as_str().unwrap();
        let t = cache.shape(text, f(&r["size_pt"]), f(&r["dpi"])).unwrap();
        let want: Vec<(u16, i64)> = r["glyphs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| (g[0].as_u64().unwrap() as u16, g[1].as_i64().unwrap()))
            .collect();
        let got: Vec<(u16, i64)> = t.glyphs.iter().map(|g| (g.glyph_id, g.x_64)).collect();
        let whd = &r["width_height_descent"];
        let (w, h, d) = (f(&whd[0]), f(&whd[1]), f(&whd[2]));
        if got != want || t.width_px != w || t.ink_ascent_px != h - d || t.ink_descent_px != d {
            bad.push(format!(
                "{text:?} {} pt {} dpi: got {got:?} w {} a {} d {}, want {want:?} w {w} a {} d {d}",
                r["size_pt"],
                r["dpi"],
                t.width_px,
                t.ink_ascent_px,
                t.ink_descent_px,
                h - d
            ));
        }
    }
    assert!(
        bad.is_empty(),
        "{} layouts differ:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn pen_origin_matches_matplotlib_draw_text() {
    // The (x, y) RendererAgg.draw_text received (y flipped: H − y) for
    // fig.text(anchor, s, ha, va, rotation, rotation_mode='anchor').
    let m = manifest();
    let mut cache = GlyphCache::new();
    let mut bad = Vec::new();
    let mut n = 0;
    for c in m["alignment"].as_array().unwrap() {
        let text = c["text"].as_str().unwrap();
        let t = cache.shape(text, f(&c["size_pt"]), f(&c["dpi"])).unwrap();
        let ha = match c["ha"].as_str().unwrap() {
            "left" => HorizontalAlignment::Left,
            "center" => HorizontalAlignment::Center,
            _ => HorizontalAlignment::Right,
        };
        let va = match c["va"].as_str().unwrap() {
            "top" => VerticalAlignment::Top,
            "bottom" => VerticalAlignment::Bottom,
            "baseline" => VerticalAlignment::Baseline,
            "center" => VerticalAlignment::Center,
            _ => VerticalAlignment::CenterBaseline,
        };
        let anchor = (f(&c["anchor"][0]), f(&c["anchor"][1]));
        let (x, y) = pen_origin(&t, anchor, ha, va, f(&c["angle"]));
        let call = &c["draw_text"];
        let h = f(&call["canvas_h"]);
        n += 1;
        if x != f(&call["x"]) || h - y != f(&call["y_down"]) {
            bad.push(format!(
                "{text:?} {} {} {}: got ({x}, {}), want ({}, {})",
                c["ha"],
                c["va"],
                c["angle"],
                h - y,
                call["x"],
                call["y_down"]
            ));
        }
    }
    assert!(
        bad.is_empty(),
        "{}/{n} pen origins differ:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn renders_match_matplotlib_bit_for_bit() {
    // Each fixture is the gray channel of a matplotlib Agg canvas with one
    // fig.text(x, y, s, ha='left', va='baseline', rotation, rotation_mode='anchor').
    let m = manifest();
    let mut cache = GlyphCache::new();
    let renders = m["renders"].as_array().unwrap();
    let mut report = Vec::new();
    let mut exact = 0;
    for r in renders {
        let text = r["text"].as_str().unwrap();
        let (w, h, want) = read_gray_png(&format!("{FIXTURES}/{}", r["file"].as_str().unwrap()));
        let t = cache.shape(text, f(&r["size_pt"]), f(&r["dpi"])).unwrap();
        let angle = f(&r["angle"]);
        let (x, y) = pen_origin(
            &t,
            (f(&r["x"]), f(&r["y"])),
            HorizontalAlignment::Left,
            VerticalAlignment::Baseline,
            angle,
        );
        let masks = cache.rasterize(&t, x, y, h as u32, angle);
        let got = composite(w, h, &masks);
        let diff: Vec<i32> = got
            .iter()
            .zip(&want)
            .map(|(&a, &b)| i32::from(a) - i32::from(b))
            .collect();
        let n_diff = diff.iter().filter(|&&d| d != 0).count();
        if n_diff == 0 {
            exact += 1;
        } else {
            let max = diff.iter().map(|d| d.abs()).max().unwrap_or(0);
            report.push(format!(
                "{} {text:?} {} pt {} dpi {angle}°: {n_diff} px differ, max {max}",
                r["file"], r["size_pt"], r["dpi"]
            ));
        }
    }
    eprintln!("text renders exact: {exact}/{}", renders.len());
    assert!(
        report.is_empty(),
        "{exact}/{} exact; differing:\n{}",
        renders.len(),
        report.join("\n")
    );
}

#[test]
fn warm_cache_reuses_bitmaps() {
    let mut cache = GlyphCache::new();
    let t = cache.shape("100", 10.0, 100.0).unwrap();
    let first = cache.rasterize(&t, 10.25, 20.5, 50, 0.0);
    let n = cache.bitmaps.len();
    // Same phase, whole pixels apart: no new bitmaps, masks shifted by (3, −2).
    let second = cache.rasterize(&t, 13.25, 22.5, 50, 0.0);
    assert_eq!(cache.bitmaps.len(), n);
    for (a, b) in first.iter().zip(&second) {
        assert_eq!((a.left + 3, a.top - 2), (b.left, b.top));
        assert_eq!(a.coverage, b.coverage);
    }
}

#[test]
#[ignore = "timing report, run with --ignored --nocapture"]
fn timing_ten_tick_labels() {
    use std::time::Instant;
    let labels = [
        "0",
        "100",
        "200",
        "300",
        "400",
        "500",
        "0.2",
        "0.4",
        "\u{2212}0.5",
        "1e\u{2212}5",
    ];
    let t0 = Instant::now();
    let mut cache = GlyphCache::new();
    let t1 = Instant::now();
    let cold: Vec<ShapedText> = labels
        .iter()
        .map(|s| cache.shape(s, 10.0, 100.0).unwrap())
        .collect();
    let t2 = Instant::now();
    let mut n = 0;
    for (i, t) in cold.iter().enumerate() {
        n += cache
            .rasterize(t, 50.0 + i as f64 * 0.3, 40.7, 480, 0.0)
            .len();
    }
    let t3 = Instant::now();
    let reps = 1000;
    for _ in 0..reps {
        for (i, s) in labels.iter().enumerate() {
            let t = cache.shape(s, 10.0, 100.0).unwrap();
            cache.for_each_mask(&t, 50.0 + i as f64 * 0.3, 40.7, 480, 0.0, |m| {
                n += m.coverage.len()
            });
        }
    }
    let t4 = Instant::now();
    eprintln!(
        "new {:?}, cold shape x10 {:?}, cold raster x10 {:?}, warm shape+raster x10 {:?} ({n})",
        t1 - t0,
        t2 - t1,
        t3 - t2,
        (t4 - t3) / reps
    );
}

#[test]
fn box_matches_text_get_window_extent() {
    // Text.get_window_extent() for fig.text(x, y, s, ha='left', va='baseline',
    // rotation, rotation_mode='anchor'): the box [0, w] x [−d, a] about the pen origin,
    // rotated, axis-aligned.
    let m = manifest();
    let mut cache = GlyphCache::new();
    for r in m["renders"].as_array().unwrap() {
        let text = r["text"].as_str().unwrap();
        let t = cache.shape(text, f(&r["size_pt"]), f(&r["dpi"])).unwrap();
        let angle = f(&r["angle"]);
        let (x, y) = (f(&r["x"]), f(&r["y"]));
        let corners = [
            (0.0, -t.descent_px),
            (0.0, t.ascent_px),
            (t.width_px, t.ascent_px),
            (t.width_px, -t.descent_px),
        ]
        .map(|(cx, cy)| rotate_point(angle, cx, cy));
        let x0 = corners.iter().map(|c| c.0).fold(f64::INFINITY, f64::min) + x;
        let x1 = corners
            .iter()
            .map(|c| c.0)
            .fold(f64::NEG_INFINITY, f64::max)
            + x;
        let y0 = corners.iter().map(|c| c.1).fold(f64::INFINITY, f64::min) + y;
        let y1 = corners
            .iter()
            .map(|c| c.1)
            .fold(f64::NEG_INFINITY, f64::max)
            + y;
        let ext = &r["window_extent"];
        for (got, want) in [x0, y0, x1, y1].iter().zip(ext.as_array().unwrap()) {
            assert!(
                (got - f(want)).abs() < 1e-9,
                "{text:?} {angle}: {got} vs {want}"
            );
        }
    }
}

#[test]
fn mathtext_glyphs_render_bit_for_bit_from_matplotlib_placement() {
    // fig.text(x, y, r'$\mathdefault{10^{-2}}$', ...): the glyph placement
    // (size, glyph, dx, dy) is matplotlib's mathtext output recorded by the fixture
    // generator; the test checks the per-glyph FreeType path at mixed sizes with a
    // vertical offset, at 0° and 90°.
    let m = manifest();
    let mut cache = GlyphCache::new();
    let cases = m["mathtext"].as_array().unwrap();
    let mut report = Vec::new();
    for c in cases {
        let call = &c["draw_mathtext"];
        let dpi = f(&c["dpi"]);
        let (w, h, want) = read_gray_png(&format!("{FIXTURES}/{}", c["file"].as_str().unwrap()));
        let glyphs: Vec<PlacedGlyph> = call["glyphs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| PlacedGlyph {
                face: super::FontFace::Sans,
                glyph_id: g[1].as_u64().unwrap() as u16,
                size_26_6: font_size_26_6(f(&g[0]), dpi).unwrap(),
                dx: f(&g[2]),
                dy: f(&g[3]),
            })
            .collect();
        let canvas_h = f(&call["canvas_h"]);
        let (x, y) = (f(&call["x"]), canvas_h - f(&call["y_down"]));
        let mut masks = Vec::new();
        cache.for_each_placed_mask(glyphs, x, y, h as u32, f(&call["angle"]), |m| {
            masks.push(GlyphMask {
                left: m.left,
                top: m.top,
                width: m.width,
                height: m.height,
                coverage: m.coverage.to_vec(),
            })
        });
        let got = composite(w, h, &masks);
        let n_diff = got.iter().zip(&want).filter(|(a, b)| a != b).count();
        if n_diff != 0 {
            report.push(format!("{} {}: {n_diff} px differ", c["file"], c["text"]));
        }
    }
    assert!(
        report.is_empty(),
        "{}/{} differ:\n{}",
        report.len(),
        cases.len(),
        report.join("\n")
    );
}

#[test]
fn missing_glyphs_fall_back_to_last_resort_at_matplotlibs_advances() {
    // FT2Font._layout('Temperature 漢字 map') at 12 pt/100 dpi: the two ideographs
    // from LastResortHE-Regular.ttf (glyph 122) at x = 111.8125 and 130.8125 px (the
    // auto-hinter's 19 px advance), the line 12340/64 px wide (get_width_height).
    let mut c = GlyphCache::new();
    let s = c
        .shape("Temperature \u{6f22}\u{5b57} map", 12.0, 100.0)
        .unwrap();
    let lr: Vec<(u16, f64)> = s
        .glyphs
        .iter()
        .filter(|g| g.face == super::FontFace::LastResort)
        .map(|g| (g.glyph_id, g.x_64 as f64 / 64.0))
        .collect();
    assert_eq!(lr, vec![(122, 111.8125), (122, 130.8125)]);
    assert_eq!(s.width_px, 12340.0 / 64.0);
    // Tab and control characters are Last Resort boxes too (glyph 2).
    let t = c.shape("A\tB\u{1}C", 12.0, 100.0).unwrap();
    let pens: Vec<f64> = t.glyphs.iter().map(|g| g.x_64 as f64 / 64.0).collect();
    assert_eq!(pens, vec![0.0, 12.0, 31.0, 43.0, 62.0]);
    assert_eq!(t.glyphs[1].glyph_id, 2);
}
