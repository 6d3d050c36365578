//! Right-to-left text as matplotlib 3.11.2 lays it out: `FT2Font._layout` hands a line to
//! libraqm, which runs the Unicode bidi algorithm with the paragraph direction of the
//! first strong character (left to right without one), splits the line into runs of one
//! embedding level and one script (common characters take the script of the text before
//! them), and shapes each run with HarfBuzz in its direction: a right-to-left run comes
//! out reversed (visual order), its joined scripts (Arabic) in their contextual forms and
//! its mirrored characters (brackets) swapped.
//!
//! [`visual_items`] does the reordering and itemisation with `unicode-bidi`; the caller
//! shapes each item with swash in its script and direction and reverses right-to-left
//! items' glyphs, as HarfBuzz does.

use std::ops::Range;

use swash::text::{Codepoint, Script};
use unicode_bidi::BidiInfo;

/// One run to shape: a byte range of the line, its direction and script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Item {
    /// Byte range in the line.
    pub(crate) range: Range<usize>,
    /// Shaped right to left (an odd embedding level).
    pub(crate) rtl: bool,
    /// The run's script (raqm's resolution of common characters).
    pub(crate) script: Script,
}

/// Whether `text` needs the bidi algorithm: it holds a character that is right to left
/// or that can start right-to-left text (only characters from U+0590 on can).
pub(crate) fn needs_bidi(text: &str) -> bool {
    if !text.chars().any(|c| c >= '\u{0590}') {
        return false;
    }
    BidiInfo::new(text, None).has_rtl()
}

/// The line's runs in visual order (left to right on the page). Each run has one
/// embedding level and one script; `split` breaks runs further before and after each
/// byte offset it accepts (characters drawn from another font, shaped on their own).
pub(crate) fn visual_items(text: &str, split: impl Fn(char) -> bool) -> Vec<Item> {
    let scripts = resolved_scripts(text);
    // `None`: the paragraph direction comes from the first strong character (rules P2,
    // P3), left to right without one, as raqm's RAQM_DIRECTION_DEFAULT.
    let info = BidiInfo::new(text, None);
    let mut items = Vec::new();
    for para in &info.paragraphs {
        let (levels, runs) = info.visual_runs(para, para.range.clone());
        for run in runs {
            let rtl = levels[run.start].is_rtl();
            let mut pieces: Vec<Item> = Vec::new();
            let mut start = run.start;
            let mut current: Option<Script> = None;
            for (off, c) in text[run.clone()].char_indices() {
                let i = run.start + off;
                let script = scripts.get(i).copied().unwrap_or(Script::Common);
                if split(c) {
                    if i > start {
                        pieces.push(Item {
                            range: start..i,
                            rtl,
                            script: current.unwrap_or(script),
                        });
                    }
                    pieces.push(Item {
                        range: i..i + c.len_utf8(),
                        rtl,
                        script,
                    });
                    start = i + c.len_utf8();
                    current = None;
                    continue;
                }
                if current.is_some_and(|s| s != script) && i > start {
                    pieces.push(Item {
                        range: start..i,
                        rtl,
                        script: current.unwrap_or(script),
                    });
                    start = i;
                }
                current = Some(script);
            }
            if run.end > start {
                pieces.push(Item {
                    range: start..run.end,
                    rtl,
                    script: current.unwrap_or(Script::Common),
                });
            }
            if rtl {
                pieces.reverse();
            }
            items.extend(pieces);
        }
    }
    items
}

/// Each byte's script, with common and inherited characters resolved as raqm does: to the
/// script of the text before them, or, at the start, of the first text after them.
fn resolved_scripts(text: &str) -> Vec<Script> {
    let mut out = vec![Script::Common; text.len()];
    let real = |s: Script| !matches!(s, Script::Common | Script::Inherited | Script::Unknown);
    let first = text.chars().map(|c| c.script()).find(|&s| real(s));
    let mut last = first.unwrap_or(Script::Common);
    for (i, c) in text.char_indices() {
        let s = c.script();
        if real(s) {
            last = s;
        }
        for b in &mut out[i..i + c.len_utf8()] {
            *b = last;
        }
    }
    out
}

/// HarfBuzz's modified combining classes (`hb-unicode.hh`): Hebrew points and Arabic
/// harakat are ordered for their fonts, not by their Unicode classes (shin and sin dots
/// first, dagesh, rafe, holam, then the vowels; shadda before the other harakat).
fn modified_combining_class(c: char) -> u8 {
    let ccc = c.combining_class();
    match ccc {
        10 => 22,
        11 => 15,
        12 => 16,
        13 => 17,
        14 => 23,
        15 => 18,
        16 => 19,
        17 => 20,
        18 => 21,
        19 => 14,
        20 => 24,
        21 => 12,
        22 => 25,
        23 => 13,
        24 => 10,
        25 => 11,
        27 => 28,
        28 => 29,
        29 => 30,
        30 => 31,
        31 => 32,
        32 => 33,
        33 => 27,
        _ => ccc,
    }
}

/// Sorts each sequence of combining marks by [`modified_combining_class`] (stable), as
/// HarfBuzz's normalisation does before shaping.
fn reorder_marks(run: &mut String) {
    let chars: Vec<char> = run.chars().collect();
    if !chars.iter().any(|&c| c.combining_class() != 0) {
        return;
    }
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i].combining_class() == 0 {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = out.len();
        while i < chars.len() && chars[i].combining_class() != 0 {
            out.push(chars[i]);
            i += 1;
        }
        out[start..].sort_by_key(|&c| modified_combining_class(c));
    }
    *run = out.into_iter().collect();
}

/// Unicode's Default_Ignorable_Code_Point (HarfBuzz draws these as the space glyph
/// with no advance, whether or not the font has them).
pub(crate) fn is_default_ignorable(c: char) -> bool {
    matches!(c,
        '\u{00ad}' | '\u{034f}' | '\u{061c}' | '\u{115f}'..='\u{1160}' | '\u{17b4}'..='\u{17b5}'
        | '\u{180b}'..='\u{180f}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}' | '\u{3164}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}'
        | '\u{ffa0}' | '\u{fff0}'..='\u{fff8}' | '\u{1bca0}'..='\u{1bca3}'
        | '\u{1d173}'..='\u{1d17a}' | '\u{e0000}'..='\u{e0fff}')
}

/// The character HarfBuzz substitutes for `c` in a right-to-left run: Unicode's
/// Bidi_Mirroring_Glyph (all of BidiMirroring.txt, Unicode 16, generated into
/// `bidi_mirroring.rs`), or `c` itself. HarfBuzz substitutes only when the font has the
/// mirrored character's glyph; [`super::GlyphCache::shape_units_bidi`] checks that.
pub(crate) fn mirrored(c: char) -> char {
    use super::bidi_mirroring::BIDI_MIRRORING;
    BIDI_MIRRORING
        .binary_search_by(|&(k, _)| k.cmp(&c))
        .map_or(c, |i| BIDI_MIRRORING[i].1)
}

/// The first paragraph of a line, its separator kept: FT2Font's layout (libraqm) draws
/// and measures a line only up to and including its first paragraph separator (bidi
/// class B other than `\n`, which splits lines before: `\r`, U+001C-U+001E, U+0085 NEL,
/// U+2029 PARAGRAPH SEPARATOR); the rest of the line is dropped.
pub(crate) fn first_paragraph(text: &str) -> &str {
    match text.char_indices().find(|&(_, c)| {
        matches!(
            c,
            '\r' | '\u{1c}' | '\u{1d}' | '\u{1e}' | '\u{85}' | '\u{2029}'
        )
    }) {
        Some((i, c)) => &text[..i + c.len_utf8()],
        None => text,
    }
}

/// One shaped glyph before hinting: its font, id, swash's advance in font units (hmtx
/// plus GPOS), whether HarfBuzz gives it no advance (a mark attached to a base), and its
/// GPOS offset (x, y up) in font units.
pub(crate) type Unit = (super::FontFace, u16, f32, bool, f32, f32);

impl super::GlyphCache {
    /// Glyph ids and advances of a line that holds right-to-left text, in visual order:
    /// raqm's runs ([`visual_items`]) shaped one by one with swash in their script and
    /// direction, right-to-left runs reversed glyph by glyph as HarfBuzz returns them.
    /// Characters `main` lacks come from Last Resort, each on its own.
    pub(crate) fn shape_units_bidi(&mut self, text: &str, main: super::FontFace) -> Vec<Unit> {
        use super::FontFace;
        use skrifa::raw::TableProvider;
        use skrifa::MetadataProvider;
        let sans_map = self.face(main).font.charmap();
        let lacks =
            |c: char| !is_default_ignorable(c) && sans_map.map(c).is_none_or(|g| g.to_u32() == 0);
        let items = visual_items(text, lacks);
        let space = sans_map
            .map(' ')
            .map_or(0, |g| u16::try_from(g.to_u32()).unwrap_or(0));
        let lr_cmap = self.face(FontFace::LastResort).font.cmap().ok();
        let lr_sub = lr_cmap
            .as_ref()
            .and_then(|c| c.best_subtable())
            .map(|t| t.2);
        let mut units: Vec<Unit> = Vec::with_capacity(text.len());
        let mut run = String::new();
        for item in items {
            let piece = &text[item.range.clone()];
            let mut chars = piece.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                if lacks(c) {
                    // Its cmap is format 13 (many-to-one), which FreeType reads.
                    let gid = lr_sub
                        .as_ref()
                        .and_then(|t| t.map_codepoint(c))
                        .and_then(|g| u16::try_from(g.to_u32()).ok())
                        .unwrap_or(0);
                    units.push((FontFace::LastResort, gid, f32::NAN, false, 0.0, 0.0));
                    continue;
                }
            }
            let Some(font) = swash::FontRef::from_index(main.data(), 0) else {
                continue;
            };
            run.clear();
            if item.rtl {
                run.extend(piece.chars().map(|c| {
                    let m = mirrored(c);
                    if m != c && lacks(m) {
                        c
                    } else {
                        m
                    }
                }));
            } else {
                run.push_str(piece);
            }
            reorder_marks(&mut run);
            let direction = if item.rtl {
                swash::shape::Direction::RightToLeft
            } else {
                swash::shape::Direction::LeftToRight
            };
            let mut shaper = self
                .shaper
                .builder(font)
                .script(item.script)
                .direction(direction)
                .retain_ignorables(true)
                .build();
            shaper.add_str(&run);
            let start = units.len();
            let rtl = item.rtl;
            let text_run = run.as_str();
            shaper.shape_with(|cluster| {
                // HarfBuzz draws a default-ignorable character (joiners, marks and
                // overrides of direction) as the space glyph with no advance.
                let src = text_run
                    .get(cluster.source.start as usize..cluster.source.end as usize)
                    .unwrap_or("");
                if src.chars().next().is_some_and(is_default_ignorable) {
                    units.extend(
                        cluster
                            .glyphs
                            .iter()
                            .map(|_| (main, space, 0.0, true, 0.0, 0.0)),
                    );
                    return;
                }
                // swash places a mark attached by GPOS from the pen after its base
                // (logical order); in a right-to-left run HarfBuzz's offset is from the
                // base's own origin. Unattached marks (no offset) stay at the pen.
                // A joiner inside a cluster (after a letter) is hidden the same way.
                let hidden = |id: u16| {
                    src.chars().any(|c| {
                        is_default_ignorable(c)
                            && sans_map.map(c).is_some_and(|g| g.to_u32() == u32::from(id))
                    })
                };
                let mut before = 0.0;
                units.extend(cluster.glyphs.iter().map(|g| {
                    if hidden(g.id) {
                        return (main, space, 0.0, true, 0.0, 0.0);
                    }
                    let mark = g.advance == 0.0;
                    let attached = g.x != 0.0 || g.y != 0.0;
                    let x = if mark && rtl && attached {
                        g.x + before
                    } else {
                        g.x
                    };
                    before += g.advance;
                    (main, g.id, g.advance, mark, x, g.y)
                }));
            });
            if item.rtl {
                units[start..].reverse();
            }
        }
        units
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_paragraph_stops_after_separator() {
        assert_eq!(first_paragraph("ab\u{85}cd"), "ab\u{85}");
        assert_eq!(first_paragraph("ab\rcd\u{2029}e"), "ab\r");
        assert_eq!(first_paragraph("ab\u{1e}"), "ab\u{1e}");
        assert_eq!(
            first_paragraph("ab\u{2028}cd\x0bx\x0cy"),
            "ab\u{2028}cd\x0bx\x0cy"
        );
    }

    fn order(text: &str) -> Vec<(&str, bool)> {
        visual_items(text, |_| false)
            .into_iter()
            .map(|i| (&text[i.range], i.rtl))
            .collect()
    }

    #[test]
    fn paragraph_direction_comes_from_the_first_strong_character() {
        // Right-to-left paragraph: the Latin word is drawn first, the space stays with
        // the Hebrew (rule N1 with the paragraph's direction).
        assert_eq!(order("שלום abc"), [("abc", false), ("שלום ", true)]);
        // Left-to-right paragraph: the Hebrew word is one reversed run.
        assert_eq!(order("abc שלום"), [("abc ", false), ("שלום", true)]);
        // No strong character: left to right.
        assert!(!needs_bidi("123 ()"));
        assert!(needs_bidi("abc שלום"));
        assert!(!needs_bidi("abc \u{0416}"));
    }

    #[test]
    fn digits_inside_right_to_left_text_keep_their_order() {
        // European digits after Hebrew are Arabic numbers (W2) at level 2 in a
        // left-to-right paragraph, next to the Hebrew in visual order.
        assert_eq!(
            order("Price: שלום 42"),
            [("Price: ", false), ("42", false), ("שלום ", true)]
        );
        // In an Arabic paragraph the number sits between the words, read left to right.
        assert_eq!(
            order("عدد 123 قيم"),
            [(" قيم", true), ("123", false), ("عدد ", true)]
        );
    }

    #[test]
    fn runs_split_at_script_changes_and_fallback_characters() {
        let text = "abc \u{05d0}\u{2603}\u{05d1}";
        let items = visual_items(text, |c| c == '\u{2603}');
        let got: Vec<(&str, bool)> = items
            .iter()
            .map(|i| (&text[i.range.clone()], i.rtl))
            .collect();
        assert_eq!(
            got,
            [
                ("abc ", false),
                ("\u{05d1}", true),
                ("\u{2603}", true),
                ("\u{05d0}", true)
            ]
        );
        assert_eq!(items[1].script, Script::Hebrew);
    }

    /// Every character of DejaVu Sans, in a right-to-left run, is drawn with the glyph
    /// matplotlib 3.11.2 (HarfBuzz) draws: tests/fixtures/text_bidi/mirroring.txt
    /// (gen_mirroring.py) lists the ones drawn with another glyph than their own.
    #[test]
    fn mirroring_matches_matplotlib_for_every_dejavu_character() {
        use skrifa::MetadataProvider;
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/text_bidi/mirroring.txt"
        ))
        .unwrap();
        let drawn: std::collections::HashMap<u32, u32> = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| {
                let (c, g) = l.split_once(' ').unwrap();
                (
                    u32::from_str_radix(c.trim_start_matches("U+"), 16).unwrap(),
                    g.parse().unwrap(),
                )
            })
            .collect();
        let cache = crate::text::GlyphCache::new();
        let map = cache.face(crate::text::FontFace::Sans).font.charmap();
        let glyph = |c: char| map.map(c).map_or(0, |g| g.to_u32());
        let (mut tested, mut mirrored_count, mut bad) = (0, 0, Vec::new());
        for (c, own) in map.mappings() {
            let Some(ch) = char::from_u32(c) else {
                continue;
            };
            if is_default_ignorable(ch) {
                continue;
            }
            tested += 1;
            let m = mirrored(ch);
            let ours = if m != ch && glyph(m) != 0 {
                glyph(m)
            } else {
                own.to_u32()
            };
            let want = drawn.get(&c).copied().unwrap_or(own.to_u32());
            mirrored_count += usize::from(want != own.to_u32());
            if ours != want {
                bad.push(format!("U+{c:04X}: ours {ours}, matplotlib {want}"));
            }
        }
        assert!(
            tested > 5000 && mirrored_count > 200,
            "{tested} {mirrored_count}"
        );
        assert!(bad.is_empty(), "{} differ:\n{}", bad.len(), bad.join("\n"));
    }

    /// The Bidi_Mirroring_Glyph table is sorted, each character once, and every pair
    /// swaps both ways; the brackets and relations labels use are in it.
    #[test]
    fn mirroring_table_is_sorted_and_symmetric() {
        use crate::text::bidi_mirroring::BIDI_MIRRORING;
        assert!(BIDI_MIRRORING.len() > 400, "{}", BIDI_MIRRORING.len());
        assert!(BIDI_MIRRORING.windows(2).all(|w| w[0].0 < w[1].0));
        for &(c, m) in BIDI_MIRRORING {
            assert_ne!(c, m);
            assert_eq!(mirrored(m), c, "{c:?} -> {m:?}");
        }
        for (a, b) in [
            ('(', ')'),
            ('[', ']'),
            ('{', '}'),
            ('<', '>'),
            ('\u{ab}', '\u{bb}'),
            ('\u{2264}', '\u{2265}'),
            ('\u{2208}', '\u{220b}'),
            ('\u{2215}', '\u{29f5}'),
        ] {
            assert_eq!((mirrored(a), mirrored(b)), (b, a));
        }
        assert_eq!(mirrored('a'), 'a');
    }

    #[test]
    fn layouts_match_matplotlib_raqm() {
        // tests/fixtures/text_bidi/layouts.json (gen_bidi.py): FT2Font._layout's glyphs
        // and pens, and get_text_width_height_descent, for Hebrew, Arabic and mixed text.
        use crate::text::fixture::{f, manifest_file};
        use crate::text::GlyphCache;
        let m = manifest_file(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/text_bidi/layouts.json"
        ));
        let mut cache = GlyphCache::new();
        let mut bad = Vec::new();
        let cases = m.as_array().unwrap();
        for r in cases {
            let text = r["text"].as_str().unwrap();
            let t = cache.shape(text, f(&r["size_pt"]), f(&r["dpi"])).unwrap();
            let want: Vec<(String, u16, i64, i64)> = r["glyphs"]
                .as_array()
                .unwrap()
                .iter()
                .map(|g| {
                    (
                        g[0].as_str().unwrap().to_owned(),
                        g[1].as_u64().unwrap() as u16,
                        g[2].as_i64().unwrap(),
                        g[3].as_i64().unwrap(),
                    )
                })
                .collect();
            let got: Vec<(String, u16, i64, i64)> = t
                .glyphs
                .iter()
                .map(|g| {
                    let file = match g.face {
                        crate::text::FontFace::LastResort => "LastResortHE-Regular.ttf",
                        _ => "DejaVuSans.ttf",
                    };
                    (file.to_owned(), g.glyph_id, g.x_64, g.y_64)
                })
                .collect();
            let whd = &r["width_height_descent"];
            let (w, h, d) = (f(&whd[0]), f(&whd[1]), f(&whd[2]));
            if got != want || t.width_px != w || t.ink_ascent_px != h - d || t.ink_descent_px != d {
                bad.push(format!(
                    "{text:?} {} pt {} dpi:\n got  {got:?} w {} a {} d {}\n want {want:?} w {w} a {} d {d}",
                    r["size_pt"], r["dpi"], t.width_px, t.ink_ascent_px, t.ink_descent_px, h - d
                ));
            }
        }
        assert!(
            bad.is_empty(),
            "{}/{} layouts differ:\n{}",
            bad.len(),
            cases.len(),
            bad.join("\n")
        );
    }
}
