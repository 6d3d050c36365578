//! Mathtext, as matplotlib 3.11.2's `mathtext` lays it out for the Agg backend
//! (`MathTextParser('path')`, the default `dejavusans` fontset, `mathtext.default:
//! normal`).
//!
//! [`layout_math`] ports `matplotlib._mathtext`:
//!
//! * the parser (`parser.rs`, `commands.rs`): text outside `$…$`, several math segments,
//!   `\$`; symbols (`tex2uni`, generated into `symbols.rs`) with the operator, relation,
//!   arrow and punctuation spacing; math italic letters (`normal`), `\mathrm`, `\mathit`,
//!   `\mathbf`, `\mathbfit`, `\mathsf`, `\mathtt`, `\mathdefault`, `\mathregular` and the
//!   `\rm`-style switches; the spaces `\,` … `\qquad`, `\hspace`; sub/superscripts
//!   (nested, both at once, over/under limits of `\sum`); `\frac`, `\dfrac`, `\binom`;
//!   accents (`\hat`, `\bar`, `\vec`, `\dot`, `\tilde`, …); `\sin`-style functions;
//!   `\overline`, `\underline`, `\overset`, `\underset`, `\text`, `\phantom`, `\llap`,
//!   `\rlap`; `\left…\right`, `\sqrt[root]{…}` and the wide accents sized from the STIX
//!   fonts (`sized.rs`: `AutoHeightChar`, `AutoWidthChar`); primes (`f'`, `\prime` from
//!   BaKoMa `cmsy10`);
//! * the TeX box model and `ship` (`boxes.rs`) in the same floating-point order;
//! * the glyph metrics of `TruetypeFonts._get_info` with `LoadFlags.NO_HINTING` and the
//!   font choice of `DejaVuFonts._get_glyph` (`fonts.rs`) over the embedded DejaVu Sans,
//!   Oblique, Bold, Bold Oblique, Mono and Display, with the STIX Sans fallback
//!   (`StixSansFonts`: virtual fonts `\mathcal`, `\mathbb`, `\mathfrak`, `\mathscr`
//!   from `stix.rs`, private-use glyphs, the size fonts);
//! * `Output.to_vector`: the box is rounded up (`ceil`), glyph offsets become
//!   `(ox, ceil(height) − oy)` and rules `(x, ceil(h) − (y + h), w, h)`, y up.
//!
//! Commands not ported yet are reported as errors naming the text, as are matplotlib's
//! own parse errors. Nesting is bounded ([`MAX_DEPTH`]).
//!
//! [`rasterize_math`] then draws the glyphs the way `RendererAgg.draw_mathtext` does,
//! and [`MathText::rect_contours`] gives the rules as the filled paths it draws.

mod boxes;
mod commands;
mod constructs;
mod fonts;
mod parser;
mod sized;
#[rustfmt::skip]
mod stix;
#[rustfmt::skip]
mod symbols;
#[cfg(test)]
mod tests;

use boxes::{ListNode, Node};
use fonts::Fonts;
use parser::Parser;

use super::{font_size_26_6, FontFace, GlyphCache, GlyphMaskRef, PlacedGlyph, ShapedText};
#[cfg(test)]
use super::{pen_origin, HorizontalAlignment, VerticalAlignment};
use crate::{Error, Result};

/// A filled rule of a mathtext layout (fraction bar, overline), relative to the left
/// end of the baseline, in px, y up (`VectorParse.rects`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MathRect {
    /// Left edge.
    pub dx: f64,
    /// Bottom edge (up from the baseline).
    pub dy: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// A laid-out mathtext string: the glyphs and rules as `MathTextParser('path').parse`
/// places them and the box it reports.
#[derive(Debug, Clone, PartialEq)]
pub struct MathText {
    /// Glyphs in drawing order, offsets relative to the left end of the baseline, in px,
    /// y up (`VectorParse.glyphs`).
    pub glyphs: Vec<PlacedGlyph>,
    /// Filled rules (`VectorParse.rects`).
    pub rects: Vec<MathRect>,
    /// Box width, whole px (`ceil` of the box model's width).
    pub width_px: f64,
    /// Box height including the depth, whole px (`ceil(h) + ceil(d)`).
    pub height_px: f64,
    /// Box depth below the baseline, whole px (`ceil(d)`).
    pub depth_px: f64,
    /// Font size in points.
    pub size_pt: f64,
    /// Resolution in dots per inch.
    pub dpi: f64,
    /// Line ascent as `Text._get_layout` uses it: `max(h − d, sTypoAscender·scale)`.
    pub ascent_px: f64,
    /// Line descent as `Text._get_layout` uses it: `max(d, −sTypoDescender·scale)`.
    pub descent_px: f64,
}

impl MathText {
    /// The line as [`super::pen_origin`] and bounding-box code expect it: a
    /// [`ShapedText`] without glyphs carrying this box's width, ascent and descent
    /// (`ink_ascent_px = h − d`, `ink_descent_px = d` as reported by
    /// `get_text_width_height_descent`).
    pub fn to_shaped_like(&self) -> ShapedText {
        ShapedText {
            glyphs: Vec::new(),
            width_px: self.width_px,
            ascent_px: self.ascent_px,
            descent_px: self.descent_px,
            ink_ascent_px: self.height_px - self.depth_px,
            ink_descent_px: self.depth_px,
            size_pt: self.size_pt,
            dpi: self.dpi,
            size_26_6: font_size_26_6(self.size_pt, self.dpi).unwrap_or(0),
        }
    }

    /// The rules of this layout drawn with the pen origin at display point `(x, y)` on a
    /// canvas `canvas_height_px` rows high, rotated `angle_deg`, as closed contours in
    /// device pixels (y down) ready for a non-zero, anti-aliased fill: what
    /// `RendererAgg._draw_text_glyphs_and_boxes` draws for `boxes` — rules thinner than
    /// 1 px grown symmetrically to 1 px, the rectangle rotated and translated, then snapped
    /// to pixel centres (`floor(v + 0.5)`) when it stays axis-aligned.
    pub fn rect_contours(
        &self,
        x: f64,
        y: f64,
        canvas_height_px: u32,
        angle_deg: f64,
    ) -> Vec<Vec<(f64, f64)>> {
        let h = f64::from(canvas_height_px);
        // Affine2D().rotate_deg(angle).translate(x, H − y_down), then Agg's flip.
        let a = angle_deg.to_radians();
        let (cos, sin) = if angle_deg == 0.0 {
            (1.0, 0.0)
        } else {
            (a.cos(), a.sin())
        };
        let y_down = h - y;
        let ty = h - y_down;
        let mut out = Vec::with_capacity(self.rects.len());
        for r in &self.rects {
            let (mut dx, mut dy, mut w, mut rh) = (r.dx, r.dy, r.width, r.height);
            if w < 1.0 {
                dx -= (1.0 - w) / 2.0;
                w = 1.0;
            }
            if rh < 1.0 {
                dy -= (1.0 - rh) / 2.0;
                rh = 1.0;
            }
            let corners = [(dx, dy), (dx + w, dy), (dx + w, dy + rh), (dx, dy + rh)];
            let dev: Vec<(f64, f64)> = corners
                .iter()
                .map(|&(px, py)| {
                    let gx = cos * px + -sin * py + x;
                    let gy = sin * px + cos * py + ty;
                    (gx, h - gy)
                })
                .collect();
            // PathSnapper (SNAP_AUTO): only paths of horizontal/vertical segments.
            let rectilinear = (0..4).all(|i| {
                let (p, q) = (dev[i], dev[(i + 1) % 4]);
                (p.0 - q.0).abs() < 1e-4 || (p.1 - q.1).abs() < 1e-4
            });
            let dev = if rectilinear {
                dev.iter()
                    .map(|&(px, py)| ((px + 0.5).floor(), (py + 0.5).floor()))
                    .collect()
            } else {
                dev
            };
            out.push(dev);
        }
        out
    }
}

/// Whether matplotlib treats `s` as mathtext (`cbook.is_math_text`): an even, non-zero
/// number of unescaped `$`.
pub fn is_math(s: &str) -> bool {
    let dollars = s.matches('$').count() - s.matches(r"\$").count();
    dollars > 0 && dollars.is_multiple_of(2)
}

/// Lays out `s` (e.g. `$\alpha_{i}^{2}$ map`) at `size_pt` points and `dpi` as
/// `MathTextParser('path').parse(s, dpi, FontProperties(size=size_pt))` does, plus the
/// line ascent and descent `Text._get_layout` derives from it.
///
/// Errors on a bad size or dpi, on matplotlib's parse errors and on input outside the
/// supported subset (see the module documentation), naming the text. (A private stage:
/// `tests::layout_math_of_a_tick_label` shows a use.)
// The documented entry of this stage (DejaVu Sans text); the text layout calls
// `layout_math_face` with the text's own face.
#[cfg_attr(not(test), allow(dead_code))]
pub fn layout_math(cache: &mut GlyphCache, s: &str, size_pt: f64, dpi: f64) -> Result<MathText> {
    layout_math_face(cache, s, size_pt, dpi, FontFace::Sans)
}

/// [`layout_math`] of a text whose own face is `face` (`fontweight`, `fontstyle`,
/// `family`): the non-math parts (TeX font `default`) are set in it, as matplotlib's
/// `TruetypeFonts` loads `findfont(prop)` for them (audit7).
pub(crate) fn layout_math_face(
    cache: &mut GlyphCache,
    s: &str,
    size_pt: f64,
    dpi: f64,
    face: FontFace,
) -> Result<MathText> {
    font_size_26_6(size_pt, dpi)?;
    // The cache key names a face other than DejaVu Sans before the text.
    let name = if face == FontFace::Sans {
        s.to_owned()
    } else {
        format!("{face:?}\u{0}{s}")
    };
    let key = (name, size_pt.to_bits(), dpi.to_bits());
    if let Some(m) = cache.maths.get(&key) {
        return Ok(m.clone());
    }
    let m = layout_math_uncached(cache, s, size_pt, dpi, face)?;
    cache.maths.insert(key, m.clone());
    Ok(m)
}

/// [`layout_math`] without the cache.
fn layout_math_uncached(
    cache: &mut GlyphCache,
    s: &str,
    size_pt: f64,
    dpi: f64,
    text_face: FontFace,
) -> Result<MathText> {
    let fonts = Fonts {
        cache,
        dpi,
        text_face,
    };
    let mut root = parse_main(&fonts, s, size_pt)?;
    let output = boxes::ship(&mut root);
    // Output.to_vector.
    let (w, h, d) = (root.width.ceil(), root.height.ceil(), root.depth.ceil());
    let mut glyphs = Vec::with_capacity(output.glyphs.len());
    for g in output.glyphs {
        glyphs.push(PlacedGlyph {
            face: g.face,
            glyph_id: g.glyph_id,
            size_26_6: font_size_26_6(g.fontsize, dpi)?,
            dx: g.ox,
            dy: h - g.oy + 0.0,
        });
    }
    let rects = output
        .rects
        .iter()
        .map(|&(bx, by, bw, bh)| MathRect {
            dx: bx,
            dy: h - (by + bh),
            width: bw,
            height: bh,
        })
        .collect();
    let (height, depth) = (h + d, d);
    // Text._get_layout: scale = 1 / units_per_em * fontsize * dpi / 72.
    let info = &fonts.cache.face(FontFace::Sans).info;
    let scale = 1.0 / info.units_per_em as f64 * size_pt * dpi / 72.0;
    let min_ascent = info.typo_ascender * scale;
    let min_descent = -(info.typo_descender * scale);
    let a = height - depth;
    Ok(MathText {
        glyphs,
        rects,
        width_px: w,
        height_px: height,
        depth_px: depth,
        size_pt,
        dpi,
        ascent_px: py_max(a, min_ascent),
        descent_px: py_max(depth, min_descent),
    })
}

/// Calls `f` with each glyph mask of `math` drawn with its pen origin (left end of the
/// baseline) at display point `(x, y)` (y up) on a canvas `canvas_height_px` rows high,
/// rotated `angle_deg` counter-clockwise: the glyphs of `RendererAgg.draw_mathtext`, bit
/// for bit (the rules are [`MathText::rect_contours`]).
pub fn rasterize_math(
    cache: &mut GlyphCache,
    math: &MathText,
    x: f64,
    y: f64,
    canvas_height_px: u32,
    angle_deg: f64,
    f: impl FnMut(GlyphMaskRef<'_>),
) {
    cache.for_each_placed_mask(
        math.glyphs.iter().copied(),
        x,
        y,
        canvas_height_px,
        angle_deg,
        f,
    );
}

/// Python's `max(a, b)`: `a` unless `b` is strictly greater.
fn py_max(a: f64, b: f64) -> f64 {
    if b > a {
        b
    } else {
        a
    }
}

/// Longest text accepted (matplotlib has no limit; this bounds time and memory).
const MAX_LEN: usize = 100_000;

/// `Parser.parse` → `main`: text outside `$…$` in the default font, math inside.
fn parse_main(fonts: &Fonts<'_>, s: &str, fontsize: f64) -> Result<ListNode> {
    if s.len() > MAX_LEN {
        return Err(Error::invalid(
            "mathtext",
            format!(
                "{}… ({} bytes)",
                s.chars().take(40).collect::<String>(),
                s.len()
            ),
            format!("at most {MAX_LEN} bytes"),
        ));
    }
    let mut parts = Vec::new();
    let mut rest = s;
    loop {
        // non_math: up to the next unescaped '$'.
        let end = find_unescaped_dollar(rest).unwrap_or(rest.len());
        let text = rest[..end].replace(r"\$", "$");
        let mut chars = Vec::with_capacity(text.len());
        for c in text.chars() {
            let sym = c.encode_utf8(&mut [0; 4]).to_owned();
            chars.push(Node::Char(boxes::CharNode::new(
                fonts, &sym, "default", "rm", fontsize, false,
            )?));
        }
        parts.push(Node::Hlist(ListNode::hlist(fonts, chars, true)?));
        if end == rest.len() {
            break;
        }
        let after = &rest[end + 1..];
        let close = find_closing_dollar(after)
            .ok_or_else(|| Error::invalid("mathtext", s, "balanced '$' signs"))?;
        let inner = &after[..close];
        let mut parser = Parser::new(fonts, inner, fontsize);
        parts.push(Node::Hlist(parser.math()?));
        rest = &after[close + 1..];
    }
    ListNode::hlist(fonts, parts, true)
}

/// Byte offset of the first `$` not preceded by a backslash (`non_math`'s end).
fn find_unescaped_dollar(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    (0..bytes.len()).find(|&i| bytes[i] == b'$' && (i == 0 || bytes[i - 1] != b'\\'))
}

/// The closing `$` of `QuotedString('$', '\\')`: a backslash escapes the next character.
fn find_closing_dollar(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'$' => return Some(i),
            _ => i += 1,
        }
    }
    None
}
