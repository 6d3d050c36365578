//! Mathtext layout of tick labels, as matplotlib 3.11.2's `mathtext` lays them out for
//! the Agg backend (`MathTextParser('path')`, the default `dejavusans` fontset).
//!
//! [`layout_math`] ports the subset of `matplotlib._mathtext` that the labels of
//! `LogFormatterSciNotation` and `SymmetricalLogLocator` need, e.g.
//! `$\mathdefault{10^{-2}}$`, `$\mathdefault{2\times10^{3}}$`, `$\mathdefault{0}$`:
//!
//! * the parser actions (`symbol` with its operator and punctuation spacing, `group`,
//!   `subsuper` for a lone superscript or subscript, `\mathdefault` / `\mathrm` /
//!   `\mathregular`, the spaces `\,` … `\qquad`, text outside `$…$`);
//! * the TeX box model (`Char`, `Kern`, `Hlist` with `kern` and `hpack`, `shrink` by
//!   `SHRINK_FACTOR` 0.7) and `ship`, in the same floating-point order;
//! * the glyph metrics of `TruetypeFonts._get_info` with `LoadFlags.NO_HINTING`:
//!   FreeType's unrounded 16.16 scale, `linearHoriAdvance` and the 26.6 control box;
//!   kerning as `FT_Get_Kerning(FT_KERNING_DEFAULT)` on the `kern` table;
//! * `Output.to_vector`: the box is rounded up (`ceil`) and glyph offsets become
//!   `(ox, ceil(height) − oy)`, y up.
//!
//! [`rasterize_math`] then draws the glyphs the way `RendererAgg.draw_mathtext` does,
//! through [`GlyphCache::for_each_placed_mask`], and [`MathText::to_shaped_like`] gives
//! the line metrics `Text._get_layout` aligns with (for [`super::pen_origin`]).
//!
//! Everything inside math must sit in a `\mathdefault{…}` (or `\mathrm`, `\mathregular`)
//! group: matplotlib sets other math in DejaVu Sans Oblique (`mathtext.default: it`),
//! which figbuf does not embed, so [`layout_math`] reports such input as an error, like
//! every other TeX construct outside the subset above.

use skrifa::instance::{LocationRef, Size};
use skrifa::raw::tables::kern::SubtableKind;
use skrifa::raw::TableProvider;
use skrifa::{GlyphId, MetadataProvider};

use super::outline::{div_fix, mul_fix};
use super::{font_size_26_6, GlyphCache, GlyphMaskRef, PlacedGlyph, ShapedText};
#[cfg(test)]
use super::{pen_origin, HorizontalAlignment, VerticalAlignment};
use crate::{Error, Result};

/// `_mathtext.SHRINK_FACTOR`: how much smaller each script level is.
const SHRINK_FACTOR: f64 = 0.7;
/// `_mathtext.NUM_SIZE_LEVELS`: levels after which scripts stop shrinking.
const NUM_SIZE_LEVELS: u32 = 6;

/// `DejaVuSansFontConstants` (values from the TeX table of DejaVuSans.ttf).
mod consts {
    /// Design x-height in font units.
    const X_HEIGHT_UNITS: f64 = 1120.0;
    /// `x_height`: x-height as a fraction of the em.
    pub const X_HEIGHT: f64 = X_HEIGHT_UNITS / 2048.0;
    /// `sup1`: superscript raise, in x-heights.
    pub const SUP1: f64 = 845.824 / X_HEIGHT_UNITS;
    /// `sub1`: subscript drop, in x-heights.
    pub const SUB1: f64 = 307.199 / X_HEIGHT_UNITS;
    /// `FontConstantsBase.delta`: script offset from the nucleus, in x-heights.
    pub const DELTA: f64 = 0.025;
    /// `FontConstantsBase.script_space`: space after a script, in x-heights.
    pub const SCRIPT_SPACE: f64 = 0.05;
}

/// Code points of DejaVu Sans Display: matplotlib's `DejaVuFonts._get_glyph` takes
/// these from that font (which figbuf does not embed) instead of DejaVu Sans.
const DISPLAY_FONT_CHARS: &[u32] = &[
    8211, 8212, 8216, 8217, 8218, 8220, 8221, 8222, 8226, 8249, 8250, 8719, 8720, 8721, 8747, 8748,
    8749, 8750, 8751, 8752, 8753, 8754, 8755, 8896, 8897, 8898, 8899, 10752, 10753, 10754, 10764,
    10765, 10766, 10767, 10768, 10769, 10770, 10771, 10772, 10773, 10774, 10775, 10776, 10777,
    10778, 10779, 10780,
];

/// The TeX symbol names accepted (a subset of `_mathtext_data.tex2uni`).
const TEX_SYMBOLS: &[(&str, char)] = &[
    ("times", '\u{d7}'),
    ("cdot", '\u{22c5}'),
    ("pm", '\u{b1}'),
    ("mp", '\u{2213}'),
    ("div", '\u{f7}'),
    ("ast", '\u{2217}'),
    ("infty", '\u{221e}'),
    ("degree", '\u{b0}'),
    ("circ", '\u{2218}'),
    ("bullet", '\u{2219}'),
    ("ldotp", '.'),
    ("cdotp", '\u{b7}'),
    ("prime", '\u{2032}'),
];

/// `Parser._binary_operators` among the accepted symbols (as written in the source).
const BINARY_OPERATORS: &[&str] = &[
    "+", "*", "-", "\u{2212}", r"\pm", r"\mp", r"\times", r"\div", r"\ast", r"\circ", r"\bullet",
    r"\cdot",
];
/// `Parser._relation_symbols` among the accepted symbols.
const RELATION_SYMBOLS: &[&str] = &["=", "<", ">", ":"];
/// `Parser._punctuation_symbols`.
const PUNCTUATION_SYMBOLS: &[&str] = &[",", ";", ".", "!", r"\ldotp", r"\cdotp"];
/// Single characters of `_left_delims` and `_relation_symbols`: a binary operator
/// right after one of these (or `{`) is not spaced.
const NO_SPACE_AFTER: &[char] = &['{', '(', '[', '<', '=', '>', ':'];

/// `Parser._space_widths`, in em.
const SPACE_WIDTHS: &[(&str, f64)] = &[
    (r"\,", 0.16667),
    (r"\thinspace", 0.16667),
    (r"\/", 0.16667),
    (r"\>", 0.22222),
    (r"\:", 0.22222),
    (r"\;", 0.27778),
    (r"\ ", 0.33333),
    ("~", 0.33333),
    (r"\enspace", 0.5),
    (r"\quad", 1.0),
    (r"\qquad", 2.0),
    (r"\!", -0.16667),
];

/// Advance width of "m" in DejaVu Sans Oblique, in font units: mathtext's em
/// (`get_quad('normal', …)` measures the italic "m"). Equal to DejaVu Sans' own "m",
/// which the tests check.
const OBLIQUE_M_ADVANCE_UNITS: i64 = 1995;

/// A laid-out mathtext string: the glyphs as `MathTextParser('path').parse` places them
/// and the box it reports.
#[derive(Debug, Clone, PartialEq)]
pub struct MathText {
    /// Glyphs in drawing order, offsets relative to the left end of the baseline, in px,
    /// y up (`VectorParse.glyphs`).
    pub glyphs: Vec<PlacedGlyph>,
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

    /// The display point where [`rasterize_math`] must start (left end of the baseline)
    /// for this label anchored at `anchor` with `ha`/`va`, rotated `rotation_deg` with
    /// `rotation_mode='anchor'`: [`pen_origin`] on [`MathText::to_shaped_like`].
    #[cfg(test)]
    pub fn pen_origin(
        &self,
        anchor: (f64, f64),
        ha: HorizontalAlignment,
        va: VerticalAlignment,
        rotation_deg: f64,
    ) -> (f64, f64) {
        pen_origin(&self.to_shaped_like(), anchor, ha, va, rotation_deg)
    }
}

/// Whether matplotlib treats `s` as mathtext (`cbook.is_math_text`): an even, non-zero
/// number of unescaped `$`.
pub fn is_math(s: &str) -> bool {
    let dollars = s.matches('$').count() - s.matches(r"\$").count();
    dollars > 0 && dollars.is_multiple_of(2)
}

/// Lays out `s` (e.g. `$\mathdefault{10^{-2}}$`) at `size_pt` points and `dpi` as
/// `MathTextParser('path').parse(s, dpi, FontProperties(size=size_pt))` does, plus the
/// line ascent and descent `Text._get_layout` derives from it.
///
/// Errors on a bad size or dpi and on input outside the supported subset (see the
/// module documentation), naming the offending part.
pub fn layout_math(cache: &mut GlyphCache, s: &str, size_pt: f64, dpi: f64) -> Result<MathText> {
    font_size_26_6(size_pt, dpi)?;
    let mut fonts = Fonts { cache, dpi };
    let root = parse_main(&mut fonts, s, size_pt)?;
    let output = ship(&root);
    // Output.to_vector.
    let (w, h, d) = (root.width.ceil(), root.height.ceil(), root.depth.ceil());
    let mut glyphs = Vec::with_capacity(output.len());
    for (ox, oy, glyph_id, fontsize) in output {
        glyphs.push(PlacedGlyph {
            glyph_id,
            size_26_6: font_size_26_6(fontsize, dpi)?,
            dx: ox,
            dy: h - oy + 0.0,
        });
    }
    let (height, depth) = (h + d, d);
    // Text._get_layout: scale = 1 / units_per_em * fontsize * dpi / 72.
    let info = &fonts.cache.info;
    let scale = 1.0 / info.units_per_em as f64 * size_pt * dpi / 72.0;
    let min_ascent = info.typo_ascender * scale;
    let min_descent = -(info.typo_descender * scale);
    let a = height - depth;
    Ok(MathText {
        glyphs,
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
/// rotated `angle_deg` counter-clockwise: `RendererAgg.draw_mathtext`, bit for bit.
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

/// FreeType's `FT_MulDiv`: `a·b / c` rounded half away from zero.
fn mul_div(a: i64, b: i64, c: i64) -> i64 {
    if c == 0 {
        return 0x7FFF_FFFF;
    }
    let negative = ((a < 0) != (b < 0)) != (c < 0);
    let (a, b, c) = (a.abs(), b.abs(), c.abs());
    let d = (a * b + c / 2) / c;
    if negative {
        -d
    } else {
        d
    }
}

/// The glyph metrics `TruetypeFonts._get_info` records with `LoadFlags.NO_HINTING`
/// (`FontMetrics`), in px.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Metrics {
    glyph_id: u16,
    /// `linearHoriAdvance / 65536`.
    advance: f64,
    /// Control-box width.
    width: f64,
    /// Control-box height.
    height: f64,
    /// `horiBearingY`: top of the control box.
    iceberg: f64,
}

/// Font access for the layout: the subset of `DejaVuSansFonts` needed.
struct Fonts<'a> {
    cache: &'a mut GlyphCache,
    dpi: f64,
}

impl Fonts<'_> {
    /// FreeType's unrounded 16.16 scale (`size->metrics.x_scale` for unhinted loads)
    /// and the requested 26.6 size.
    fn scale(&self, fontsize: f64) -> Result<(i64, i64)> {
        let s26 = font_size_26_6(fontsize, self.dpi)?;
        Ok((div_fix(s26, self.cache.info.units_per_em), s26))
    }

    /// `_get_info(...).metrics` for `c` in DejaVu Sans at `fontsize`.
    fn metrics(&self, c: char, fontsize: f64) -> Result<Metrics> {
        if DISPLAY_FONT_CHARS.contains(&u32::from(c)) {
            return Err(Error::invalid(
                "mathtext symbol",
                c,
                "a character DejaVu Sans Display does not cover",
            ));
        }
        let font = &self.cache.font;
        let gid = font
            .charmap()
            .map(c)
            .ok_or_else(|| Error::invalid("mathtext symbol", c, "a character of DejaVu Sans"))?;
        let glyph_id = u16::try_from(gid.to_u32())
            .map_err(|_| Error::invalid("mathtext symbol", c, "a character of DejaVu Sans"))?;
        let (x_scale, _) = self.scale(fontsize)?;
        let units = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        let advance_units = units.advance_width(gid).unwrap_or(0.0) as i64;
        let (x0, y0, x1, y1) = units
            .bounds(gid)
            .map(|b| {
                (
                    b.x_min as i64,
                    b.y_min as i64,
                    b.x_max as i64,
                    b.y_max as i64,
                )
            })
            .unwrap_or((0, 0, 0, 0));
        let linear = mul_div(advance_units, x_scale, 64);
        let (x0, x1) = (mul_fix(x0, x_scale), mul_fix(x1, x_scale));
        let (y0, y1) = (mul_fix(y0, x_scale), mul_fix(y1, x_scale));
        Ok(Metrics {
            glyph_id,
            advance: linear as f64 / 65536.0,
            width: (x1 - x0) as f64 / 64.0,
            height: (y1 - y0) as f64 / 64.0,
            iceberg: y1 as f64 / 64.0 + 0.0,
        })
    }

    /// `TruetypeFonts.get_kern` for two glyphs of the same font and size:
    /// `FT_Get_Kerning(FT_KERNING_DEFAULT) / 64`.
    fn kern(&self, left: u16, right: u16, fontsize: f64) -> Result<f64> {
        let mut units: i64 = 0;
        if let Ok(kern) = self.cache.font.kern() {
            for subtable in kern.subtables().flatten() {
                if !subtable.is_horizontal() || subtable.is_cross_stream() {
                    continue;
                }
                if let Ok(SubtableKind::Format0(t)) = subtable.kind() {
                    let pair = t.kerning(GlyphId::new(left.into()), GlyphId::new(right.into()));
                    units += i64::from(pair.unwrap_or(0));
                }
            }
        }
        if units == 0 {
            return Ok(0.0);
        }
        let (x_scale, s26) = self.scale(fontsize)?;
        let mut x = mul_fix(units, x_scale);
        let x_ppem = (s26 + 32) >> 6;
        if x_ppem < 25 {
            x = mul_div(x, x_ppem, 25);
        }
        Ok(((x + 32) & !63) as f64 / 64.0)
    }

    /// `get_quad('normal', fontsize, dpi)`: the advance of the italic "m".
    fn quad(&self, fontsize: f64) -> Result<f64> {
        let (x_scale, _) = self.scale(fontsize)?;
        Ok(mul_div(OBLIQUE_M_ADVANCE_UNITS, x_scale, 64) as f64 / 65536.0)
    }

    /// `get_xheight(font, fontsize, dpi)` with the DejaVu Sans constant.
    fn x_height(&self, fontsize: f64) -> f64 {
        consts::X_HEIGHT * fontsize * self.dpi / 72.0
    }
}

/// The box-model nodes used (`Char`, `Kern`, `Hlist`).
#[derive(Debug, Clone, PartialEq)]
enum Node {
    Char(CharNode),
    Kern(KernNode),
    Hlist(HlistNode),
}

/// `_mathtext.Char`.
#[derive(Debug, Clone, PartialEq)]
struct CharNode {
    /// Font name of the state (`'default'`, `'regular'`, `'rm'`): kerning needs equal
    /// names.
    font: &'static str,
    fontsize: f64,
    metrics: Metrics,
    width: f64,
    height: f64,
    depth: f64,
    size: u32,
}

/// `_mathtext.Kern`.
#[derive(Debug, Clone, PartialEq)]
struct KernNode {
    width: f64,
    size: u32,
}

/// `_mathtext.Hlist` (natural width: no glue is used by the subset).
#[derive(Debug, Clone, PartialEq)]
struct HlistNode {
    children: Vec<Node>,
    width: f64,
    height: f64,
    depth: f64,
    shift_amount: f64,
    size: u32,
}

impl CharNode {
    /// `Char.__init__` / `_update_metrics`.
    fn new(fonts: &Fonts<'_>, c: char, font: &'static str, fontsize: f64) -> Result<Self> {
        let metrics = fonts.metrics(c, fontsize)?;
        let width = if c == ' ' {
            metrics.advance
        } else {
            metrics.width
        };
        Ok(CharNode {
            font,
            fontsize,
            metrics,
            width,
            height: metrics.iceberg,
            depth: -(metrics.iceberg - metrics.height),
            size: 0,
        })
    }

    /// `Char.get_kerning`.
    fn kerning(&self, fonts: &Fonts<'_>, next: Option<&Node>) -> Result<f64> {
        let advance = self.metrics.advance - self.width;
        let mut kern = 0.0;
        if let Some(Node::Char(n)) = next {
            if self.font == n.font && self.fontsize == n.fontsize {
                kern = fonts.kern(self.metrics.glyph_id, n.metrics.glyph_id, self.fontsize)?;
            }
        }
        Ok(advance + kern)
    }
}

impl Node {
    /// `shrink()` of each node type.
    fn shrink(&mut self) {
        match self {
            Node::Char(c) => {
                c.size += 1;
                if c.size < NUM_SIZE_LEVELS {
                    c.fontsize *= SHRINK_FACTOR;
                    c.width *= SHRINK_FACTOR;
                    c.height *= SHRINK_FACTOR;
                    c.depth *= SHRINK_FACTOR;
                }
            }
            Node::Kern(k) => {
                k.size += 1;
                if k.size < NUM_SIZE_LEVELS {
                    k.width *= SHRINK_FACTOR;
                }
            }
            Node::Hlist(h) => {
                for child in &mut h.children {
                    child.shrink();
                }
                h.size += 1;
                if h.size < NUM_SIZE_LEVELS {
                    h.width *= SHRINK_FACTOR;
                    h.height *= SHRINK_FACTOR;
                    h.depth *= SHRINK_FACTOR;
                    h.shift_amount *= SHRINK_FACTOR;
                }
            }
        }
    }
}

impl HlistNode {
    /// `Hlist(elements, do_kern=...)`: kerning nodes, then `hpack()`.
    fn new(fonts: &Fonts<'_>, elements: Vec<Node>, do_kern: bool) -> Result<Self> {
        let children = if do_kern {
            // Hlist.kern
            let mut out = Vec::with_capacity(elements.len() * 2);
            let mut iter = elements.into_iter().peekable();
            while let Some(elem) = iter.next() {
                let distance = match &elem {
                    Node::Char(c) => c.kerning(fonts, iter.peek())?,
                    _ => 0.0,
                };
                out.push(elem);
                if distance != 0.0 {
                    out.push(Node::Kern(KernNode {
                        width: distance,
                        size: 0,
                    }));
                }
            }
            out
        } else {
            elements
        };
        let mut h = HlistNode {
            children,
            width: 0.0,
            height: 0.0,
            depth: 0.0,
            shift_amount: 0.0,
            size: 0,
        };
        h.hpack();
        Ok(h)
    }

    /// `Hlist.hpack()` with the defaults (natural width).
    fn hpack(&mut self) {
        let (mut h, mut d, mut x) = (0.0, 0.0, 0.0);
        for p in &self.children {
            match p {
                Node::Char(c) => {
                    x += c.width;
                    h = py_max(h, c.height);
                    d = py_max(d, c.depth);
                }
                Node::Hlist(b) => {
                    x += b.width;
                    if b.height.is_finite() && b.depth.is_finite() {
                        let s = b.shift_amount;
                        h = py_max(h, b.height - s);
                        d = py_max(d, b.depth + s);
                    }
                }
                Node::Kern(k) => x += k.width,
            }
        }
        self.height = h;
        self.depth = d;
        self.width = 0.0 + x;
    }
}

/// `ship(box)`: the glyphs as `(ox, oy, glyph_id, fontsize)`, y down from the top.
fn ship(root: &HlistNode) -> Vec<(f64, f64, u16, f64)> {
    struct State {
        cur_v: f64,
        cur_h: f64,
        off_h: f64,
        off_v: f64,
        out: Vec<(f64, f64, u16, f64)>,
    }
    fn hlist_out(st: &mut State, hbox: &HlistNode) {
        let base_line = st.cur_v;
        for p in &hbox.children {
            match p {
                Node::Char(c) => {
                    st.out.push((
                        st.cur_h + st.off_h,
                        st.cur_v + st.off_v,
                        c.metrics.glyph_id,
                        c.fontsize,
                    ));
                    st.cur_h += c.width;
                }
                Node::Kern(k) => st.cur_h += k.width,
                Node::Hlist(h) => {
                    if h.children.is_empty() {
                        st.cur_h += h.width;
                    } else {
                        let edge = st.cur_h;
                        st.cur_v = base_line + h.shift_amount;
                        hlist_out(st, h);
                        st.cur_h = edge + h.width;
                        st.cur_v = base_line;
                    }
                }
            }
        }
    }
    let mut st = State {
        cur_v: 0.0,
        cur_h: 0.0,
        off_h: 0.0,
        off_v: 0.0 + root.height,
        out: Vec::new(),
    };
    hlist_out(&mut st, root);
    st.out
}

/// `Parser.parse` → `main`: text outside `$…$` in the default font, math inside.
fn parse_main(fonts: &mut Fonts<'_>, s: &str, fontsize: f64) -> Result<HlistNode> {
    let mut parts = Vec::new();
    let mut rest = s;
    loop {
        // non_math: up to the next unescaped '$'.
        let end = find_unescaped_dollar(rest).unwrap_or(rest.len());
        let text = rest[..end].replace(r"\$", "$");
        let mut chars = Vec::new();
        for c in text.chars() {
            chars.push(Node::Char(CharNode::new(fonts, c, "default", fontsize)?));
        }
        parts.push(Node::Hlist(HlistNode::new(fonts, chars, true)?));
        if end == rest.len() {
            break;
        }
        let after = &rest[end + 1..];
        let close = find_unescaped_dollar(after)
            .ok_or_else(|| Error::invalid("mathtext", s, "balanced '$' signs"))?;
        let inner = &after[..close];
        let mut parser = MathParser {
            fonts,
            s: inner,
            pos: 0,
            fontsize,
            font: None,
            depth: 0,
        };
        let tokens = parser.tokens(false)?;
        if tokens.is_empty() {
            return Err(Error::invalid("mathtext", s, "a non-empty math expression"));
        }
        parts.push(Node::Hlist(HlistNode::new(fonts, tokens, true)?));
        rest = &after[close + 1..];
    }
    HlistNode::new(fonts, parts, true)
}

/// Byte offset of the first `$` not preceded by a backslash.
fn find_unescaped_dollar(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    (0..bytes.len()).find(|&i| bytes[i] == b'$' && (i == 0 || bytes[i - 1] != b'\\'))
}

/// A recursive-descent parser for the supported mathtext subset, running the same
/// actions as `_mathtext.Parser` in the same order.
struct MathParser<'p, 'c> {
    fonts: &'p mut Fonts<'c>,
    /// The math string (between the `$`), as the parse actions see it.
    s: &'p str,
    pos: usize,
    fontsize: f64,
    /// Font of the parser state: `None` is math italic (`mathtext.default: it`).
    font: Option<&'static str>,
    /// Current group nesting, bounded by [`MAX_GROUP_DEPTH`].
    depth: usize,
}

/// Deepest group nesting accepted (keeps the recursive parser's stack bounded).
const MAX_GROUP_DEPTH: usize = 32;

impl MathParser<'_, '_> {
    fn peek(&self) -> Option<char> {
        self.s[self.pos..].chars().next()
    }

    fn unsupported(&self, what: &str) -> Error {
        Error::invalid(
            "mathtext",
            format!("{} (at {what:?})", self.s),
            r"LogFormatter-style math: \mathdefault{...} groups of digits, signs, \times, ^{...}, _{...}",
        )
    }

    /// `ZeroOrMore(token)` up to the end (or the closing `}` of a group).
    fn tokens(&mut self, in_group: bool) -> Result<Vec<Node>> {
        let mut out = Vec::new();
        loop {
            match self.peek() {
                None if in_group => return Err(self.unsupported("end, expected '}'")),
                None => return Ok(out),
                Some('}') if in_group => return Ok(out),
                Some('}') => return Err(self.unsupported("}")),
                Some(_) => {
                    if let Some(space) = self.space()? {
                        out.push(space);
                    } else {
                        out.push(self.subsuper()?);
                    }
                }
            }
        }
    }

    /// `p.space`: a spacing command, as a `Kern` of `_make_space`.
    fn space(&mut self) -> Result<Option<Node>> {
        let rest = &self.s[self.pos..];
        for &(name, pct) in SPACE_WIDTHS {
            let alpha = name.ends_with(|c: char| c.is_ascii_alphabetic());
            if rest.starts_with(name)
                && !(alpha && rest[name.len()..].starts_with(|c: char| c.is_ascii_alphabetic()))
            {
                self.pos += name.len();
                return Ok(Some(self.make_space(pct)?));
            }
        }
        Ok(None)
    }

    /// `Parser._make_space`.
    fn make_space(&self, percentage: f64) -> Result<Node> {
        let width = self.fonts.quad(self.fontsize)?;
        Ok(Node::Kern(KernNode {
            width: width * percentage,
            size: 0,
        }))
    }

    /// `p.subsuper`: an optional nucleus followed by `^`/`_` scripts.
    fn subsuper(&mut self) -> Result<Node> {
        let nucleus = self.placeable()?;
        let (mut sup, mut sub) = (None, None);
        while let Some(op @ ('^' | '_')) = self.peek() {
            self.pos += 1;
            let arg = self
                .placeable()?
                .ok_or_else(|| self.unsupported("missing script"))?;
            let slot = if op == '^' { &mut sup } else { &mut sub };
            if slot.is_some() {
                return Err(self.unsupported("double script"));
            }
            *slot = Some(arg);
        }
        if self.peek() == Some('\'') {
            return Err(self.unsupported("'"));
        }
        let Some(nucleus) = nucleus else {
            return Err(self.unsupported("script without nucleus"));
        };
        match (sup, sub) {
            (None, None) => Ok(nucleus),
            (Some(sup), None) => self.script(nucleus, sup, true),
            (None, Some(sub)) => self.script(nucleus, sub, false),
            (Some(_), Some(_)) => Err(self.unsupported("both ^ and _")),
        }
    }

    /// The regular sub/superscript branch of `Parser.subsuper` (no dropsub, nucleus not
    /// slanted, single script).
    fn script(&mut self, nucleus: Node, script: Node, superscript: bool) -> Result<Node> {
        let fonts = &*self.fonts;
        let x_height = fonts.x_height(self.fontsize);
        let nucleus = match nucleus {
            Node::Hlist(h) => {
                let mut children = h.children;
                let n = children.len();
                if n >= 2
                    && matches!(children[n - 1], Node::Kern(_))
                    && matches!(children[n - 2], Node::Char(_))
                {
                    children.pop();
                }
                if let Some(Node::Char(c)) = children.last_mut() {
                    c.width = c.metrics.advance;
                }
                HlistNode::new(fonts, children, false)?
            }
            Node::Char(mut c) => {
                c.width = c.metrics.advance;
                HlistNode::new(fonts, vec![Node::Char(c)], true)?
            }
            Node::Kern(_) => return Err(self.unsupported("script on a space")),
        };
        // The nucleus holds no Vlist, so it is a char node: the minimum shifts are 0.
        let kern = consts::DELTA * x_height;
        let mut x = HlistNode::new(
            fonts,
            vec![
                Node::Kern(KernNode {
                    width: kern,
                    size: 0,
                }),
                script,
            ],
            true,
        )?;
        let mut node = Node::Hlist(x);
        node.shrink();
        let Node::Hlist(shrunk) = node else {
            return Err(self.unsupported("script"));
        };
        x = shrunk;
        if superscript {
            let shift_up = py_max(
                py_max(0.0, consts::SUP1 * x_height),
                x.depth + x_height / 4.0,
            );
            x.shift_amount = -shift_up;
        } else {
            let shift_down = py_max(
                py_max(0.0, consts::SUB1 * x_height),
                x.height - x_height * 4.0 / 5.0,
            );
            x.shift_amount = shift_down;
        }
        x.width += consts::SCRIPT_SPACE * x_height;
        let result = HlistNode::new(fonts, vec![Node::Hlist(nucleus), Node::Hlist(x)], true)?;
        Ok(Node::Hlist(result))
    }

    /// `p.placeable`: a symbol or a group; `None` when neither starts here.
    fn placeable(&mut self) -> Result<Option<Node>> {
        let rest = &self.s[self.pos..];
        let Some(c) = rest.chars().next() else {
            return Ok(None);
        };
        if c == '{' || rest.starts_with(r"\math") {
            return self.group().map(Some);
        }
        if c == '^' || c == '_' || c == '}' {
            return Ok(None);
        }
        self.symbol().map(Some)
    }

    /// `p.group`: `{…}` or `\mathdefault{…}` (and `\mathrm`, `\mathregular`).
    fn group(&mut self) -> Result<Node> {
        let rest = &self.s[self.pos..];
        let (font, skip) = if rest.starts_with('{') {
            (self.font, 1)
        } else {
            let name: String = rest[5..]
                .chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect();
            let font = match name.as_str() {
                "default" => "default",
                "regular" => "regular",
                "rm" => "rm",
                _ => return Err(self.unsupported(&format!(r"\math{name}"))),
            };
            if !rest[5 + name.len()..].starts_with('{') {
                return Err(self.unsupported(&format!(r"\math{name} without {{")));
            }
            (Some(font), 5 + name.len() + 1)
        };
        if self.depth >= MAX_GROUP_DEPTH {
            return Err(self.unsupported("groups nested too deeply"));
        }
        self.pos += skip;
        self.depth += 1;
        // start_group pushes the state, end_group pops it.
        let saved = self.font;
        self.font = font;
        let tokens = self.tokens(true);
        self.font = saved;
        self.depth -= 1;
        let tokens = tokens?;
        self.pos += 1; // '}'
        Ok(Node::Hlist(HlistNode::new(self.fonts, tokens, true)?))
    }

    /// `p.symbol` and the `Parser.symbol` action: one character or `\name`, with the
    /// spacing of binary operators, relations and punctuation.
    fn symbol(&mut self) -> Result<Node> {
        let loc = self.pos;
        let rest = &self.s[loc..];
        let first = rest.chars().next().ok_or_else(|| self.unsupported("end"))?;
        let (sym, c): (String, char) = if first == '\\' {
            let second = rest[1..]
                .chars()
                .next()
                .ok_or_else(|| self.unsupported("\\"))?;
            if "%${}[]_|".contains(second) {
                self.pos += 1 + second.len_utf8();
                (format!("\\{second}"), second)
            } else {
                let name: String = rest[1..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphabetic())
                    .collect();
                let &(_, c) = TEX_SYMBOLS
                    .iter()
                    .find(|(n, _)| *n == name)
                    .ok_or_else(|| self.unsupported(&format!("\\{name}")))?;
                if name == "prime" {
                    // DejaVuFonts takes \prime from the BaKoMa fonts.
                    return Err(self.unsupported("\\prime"));
                }
                self.pos += 1 + name.len();
                (format!("\\{name}"), c)
            }
        } else {
            let ok = first.is_ascii_alphanumeric()
                || "+-*/<>=:,.;!?&@()[]|".contains(first)
                || ('\u{80}'..='\u{1ffff}').contains(&first);
            if !ok {
                return Err(self.unsupported(&first.to_string()));
            }
            self.pos += first.len_utf8();
            if first == '-' {
                // Parser.symbol: "-" becomes U+2212 MINUS SIGN.
                ("\u{2212}".to_owned(), '\u{2212}')
            } else {
                (first.to_string(), first)
            }
        };
        let Some(font) = self.font else {
            return Err(Error::invalid(
                "mathtext",
                self.s,
                "math inside \\mathdefault{...} (math italic needs DejaVu Sans Oblique)",
            ));
        };
        let char = Node::Char(CharNode::new(self.fonts, c, font, self.fontsize)?);
        let before = &self.s[..loc];
        let prev_char = before.chars().rev().find(|&c| c != ' ');
        let binary = BINARY_OPERATORS.contains(&sym.as_str());
        if binary || RELATION_SYMBOLS.contains(&sym.as_str()) {
            let at_start = before.split_whitespace().next().is_none();
            if binary && (at_start || prev_char.is_some_and(|p| NO_SPACE_AFTER.contains(&p))) {
                return Ok(char);
            }
            let elements = vec![self.make_space(0.2)?, char, self.make_space(0.2)?];
            return Ok(Node::Hlist(HlistNode::new(self.fonts, elements, true)?));
        }
        if PUNCTUATION_SYMBOLS.contains(&sym.as_str()) {
            let next_char = self.s[loc..].chars().skip(1).find(|&c| c != ' ');
            if sym == "," && prev_char == Some('{') && next_char == Some('}') {
                return Ok(char);
            }
            let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
            if sym == "." && digit(prev_char) && digit(next_char) {
                return Ok(char);
            }
            let elements = vec![char, self.make_space(0.2)?];
            return Ok(Node::Hlist(HlistNode::new(self.fonts, elements, true)?));
        }
        Ok(char)
    }
}

#[cfg(test)]
mod tests {
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
    fn italic_m_advance_matches_regular_m() {
        // FT2Font('DejaVuSans-Oblique.ttf').load_char(ord('m')) advance: 1995 units, as
        // DejaVu Sans' own "m"; the quad at 10 pt/100 dpi is 13.531158447265625
        // (DejaVuSansFonts.get_quad('normal', 10, 100)).
        let cache = GlyphCache::new();
        let gid = cache.font.charmap().map('m').unwrap();
        let m = cache
            .font
            .glyph_metrics(Size::unscaled(), LocationRef::default());
        assert_eq!(m.advance_width(gid), Some(OBLIQUE_M_ADVANCE_UNITS as f32));
        let mut cache = GlyphCache::new();
        let fonts = Fonts {
            cache: &mut cache,
            dpi: 100.0,
        };
        assert_eq!(fonts.quad(10.0).unwrap(), 13.531158447265625);
    }

    #[test]
    fn unsupported_input_is_an_error() {
        let mut cache = GlyphCache::new();
        for s in [
            r"$10^{2}$",                    // math italic (Oblique) digits
            r"$\mathdefault{10^{2}",        // unbalanced $
            r"$\mathdefault{10^{2}$",       // unclosed group
            r"$\mathit{x}$",                // other fonts
            r"$\mathdefault{\frac{1}{2}}$", // unsupported command
            r"$\mathdefault{x_1^2}$",       // sub and superscript together
            r"$\mathdefault{a b}$",         // spaces inside math
            "$\\mathdefault{\u{2013}}$",    // a DejaVu Sans Display glyph
        ] {
            assert!(layout_math(&mut cache, s, 10.0, 100.0).is_err(), "{s:?}");
        }
        // Nesting deeper than MAX_GROUP_DEPTH.
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
            let (w, h, want) =
                read_gray_png(&format!("{FIXTURES}/{}", c["file"].as_str().unwrap()));
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
}

/// The examples that documented these internals, as unit tests.
#[cfg(test)]
mod examples {
    #[test]
    fn math_pen_origin_of_a_colorbar_label() {
        use super::layout_math;
        use crate::text::{GlyphCache, HorizontalAlignment, VerticalAlignment};
        let mut cache = GlyphCache::new();
        let m = layout_math(&mut cache, r"$\mathdefault{10^{2}}$", 10.0, 100.0).unwrap();
        // A colorbar tick label: ha='left', va='center_baseline' (a = h − d = 13 px).
        let (x, y) = m.pen_origin(
            (529.8, 200.0),
            HorizontalAlignment::Left,
            VerticalAlignment::CenterBaseline,
            0.0,
        );
        assert_eq!((x, y), (529.8, 200.0 - 13.0 / 2.0));
    }

    #[test]
    fn layout_math_of_a_power_of_ten() {
        use super::layout_math;
        use crate::text::GlyphCache;
        let mut cache = GlyphCache::new();
        let m = layout_math(&mut cache, r"$\mathdefault{10^{2}}$", 10.0, 100.0).unwrap();
        assert_eq!((m.width_px, m.height_px, m.depth_px), (25.0, 14.0, 1.0));
        assert_eq!(m.glyphs.len(), 3);
    }
}
