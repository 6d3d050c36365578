//! Text: DejaVu Sans shaped, measured and rasterised exactly as matplotlib 3.11.2's Agg
//! backend does (FreeType 2.14 with native TrueType hinting, HarfBuzz layout).
//!
//! * [`GlyphCache::layout_text_face`] is the entry point for a label: any string, at a size
//!   and dpi, split into lines at `\n`, each line plain text or mathtext (`$…$`), laid
//!   out as `Text._get_layout` does; [`TextBlock::place_mode`] aligns it (`ha`, `va`,
//!   rotation, `rotation_mode='anchor'`) and [`TextBlock::draw`] draws it.
//! * [`GlyphCache::shape`] (or the one-off [`shape`]) lays out one plain line: swash's
//!   shaper for glyph ids (ligatures such as "fi"), GPOS kerning scaled with HarfBuzz's
//!   rounding, whole-pixel hinted advances at FreeType's integer ppem, pens in 1/64 px,
//!   and matplotlib's line ascent/descent. Characters DejaVu Sans lacks come from Last
//!   Resort, as FreeType's fallback list does.
//! * [`layout_math`] lays out mathtext (see [`mathtext`]).
//! * [`GlyphCache::rasterize`] turns a shaped line into per-glyph coverage masks the way
//!   `RendererAgg.draw_text` does: one FreeType render per glyph with the 16.16 rotation
//!   matrix and a 26.6 delta, rasterised by a port of FreeType's `ftgrays`.
//! * [`GlyphCache::for_each_placed_mask`] does the same for freely placed glyphs
//!   ([`PlacedGlyph`]: own face, size and offsets, as mathtext places them).
//! * [`pen_origin`] applies matplotlib's alignment to one line.
//!
//! The fonts are embedded ([`FontFace`]: the files matplotlib ships; `fonts/README.md`).
//!
//! (This file is over 800 lines: the cache's shaping, hinting and rasterising entry points
//! share its private state; right-to-left itemisation lives in `bidi.rs`.)
//!
//! Portions of this software are copyright © The FreeType Project (www.freetype.org). All
//! rights reserved. (The rasteriser in `raster.rs` follows FreeType's `ftgrays` and is
//! used under the FreeType License; see `fonts/README.md`.)

mod autofit_cmap;
mod bidi;
mod bidi_mirroring;
mod block;
mod last_resort_autofit;
pub mod mathtext;
mod outline;
mod raster;

pub use block::{PlacedBlock, TextBlock};
pub use mathtext::{rasterize_math, MathText};

use std::collections::HashMap;

use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{HintingInstance, HintingMode, LcdLayout, OutlineGlyphCollection};
use skrifa::raw::TableProvider;
use skrifa::{FontRef, GlyphId, MetadataProvider};
use swash::shape::ShapeContext;

use crate::{Error, Result};
use outline::{div_fix, mul_fix, Bitmap, HintedGlyph};
use raster::Vec26;

/// DejaVu Sans (Book, version 2.35) exactly as matplotlib 3.11.2 ships it.
pub static DEJAVU_SANS: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
/// DejaVu Sans Oblique, as matplotlib 3.11.2 ships it (mathtext's `it`).
pub static DEJAVU_SANS_OBLIQUE: &[u8] = include_bytes!("../../fonts/DejaVuSans-Oblique.ttf");
/// DejaVu Sans Bold, as matplotlib 3.11.2 ships it (mathtext's `bf`).
pub static DEJAVU_SANS_BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");
/// DejaVu Sans Bold Oblique, as matplotlib 3.11.2 ships it (mathtext's `bfit`).
pub static DEJAVU_SANS_BOLD_OBLIQUE: &[u8] =
    include_bytes!("../../fonts/DejaVuSans-BoldOblique.ttf");
/// DejaVu Sans Display, as matplotlib 3.11.2 ships it (mathtext's `ex`: large operators,
/// dashes and quotes).
pub static DEJAVU_SANS_DISPLAY: &[u8] = include_bytes!("../../fonts/DejaVuSansDisplay.ttf");
/// Last Resort HE (Regular), as matplotlib 3.11.2 ships it: the fallback FreeType
/// layout uses for characters DejaVu Sans lacks (CJK, control characters, …).
pub static LAST_RESORT: &[u8] = include_bytes!("../../fonts/LastResortHE-Regular.ttf");
/// DejaVu Sans Mono, as matplotlib 3.11.2 ships it (mathtext's `tt`).
pub static DEJAVU_SANS_MONO: &[u8] = include_bytes!("../../fonts/DejaVuSansMono.ttf");

/// The mathtext fallback files matplotlib 3.11.2 ships (STIX, BaKoMa `cmsy10`), unchanged,
/// in the order of the `FontFace::Stix…`/`Cmsy10` variants (`fonts/README.md`).
static MATH_FALLBACK_FONTS: [&[u8]; 13] = [
    include_bytes!("../../fonts/STIXGeneral.ttf"),
    include_bytes!("../../fonts/STIXGeneralItalic.ttf"),
    include_bytes!("../../fonts/STIXGeneralBol.ttf"),
    include_bytes!("../../fonts/STIXGeneralBolIta.ttf"),
    include_bytes!("../../fonts/STIXNonUni.ttf"),
    include_bytes!("../../fonts/STIXNonUniIta.ttf"),
    include_bytes!("../../fonts/STIXNonUniBol.ttf"),
    include_bytes!("../../fonts/STIXSizOneSymReg.ttf"),
    include_bytes!("../../fonts/STIXSizTwoSymReg.ttf"),
    include_bytes!("../../fonts/STIXSizThreeSymReg.ttf"),
    include_bytes!("../../fonts/STIXSizFourSymReg.ttf"),
    include_bytes!("../../fonts/STIXSizFiveSymReg.ttf"),
    include_bytes!("../../fonts/cmsy10.ttf"),
];

/// One of the embedded font files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum FontFace {
    /// DejaVu Sans (Book): all plain text.
    #[default]
    Sans,
    /// DejaVu Sans Oblique.
    SansOblique,
    /// DejaVu Sans Bold.
    SansBold,
    /// DejaVu Sans Bold Oblique.
    SansBoldOblique,
    /// DejaVu Sans Display.
    SansDisplay,
    /// DejaVu Sans Mono.
    SansMono,
    /// Last Resort HE: boxes for characters DejaVu Sans lacks.
    LastResort,
    /// STIX General (mathtext fallback `rm`, sized alternative `0`).
    StixGeneral,
    /// STIX General Italic (fallback `it`).
    StixGeneralItalic,
    /// STIX General Bold (fallback `bf`).
    StixGeneralBold,
    /// STIX General Bold Italic (fallback `bfit`).
    StixGeneralBoldItalic,
    /// STIX Non-Unicode (private-use glyphs, `nonunirm`).
    StixNonUnicode,
    /// STIX Non-Unicode Italic (`nonuniit`).
    StixNonUnicodeItalic,
    /// STIX Non-Unicode Bold (`nonunibf`).
    StixNonUnicodeBold,
    /// STIX Size One Symbols (sized alternative `1`).
    StixSizeOneSym,
    /// STIX Size Two Symbols (sized alternative `2`).
    StixSizeTwoSym,
    /// STIX Size Three Symbols (sized alternative `3`).
    StixSizeThreeSym,
    /// STIX Size Four Symbols (sized alternative `4`).
    StixSizeFourSym,
    /// STIX Size Five Symbols (sized alternative `5`).
    StixSizeFiveSym,
    /// BaKoMa cmsy10 (mathtext's `\\prime`).
    Cmsy10,
}

impl FontFace {
    /// Every face, in [`FontFace::index`] order.
    pub const ALL: [FontFace; 20] = [
        FontFace::Sans,
        FontFace::SansOblique,
        FontFace::SansBold,
        FontFace::SansBoldOblique,
        FontFace::SansDisplay,
        FontFace::SansMono,
        FontFace::LastResort,
        FontFace::StixGeneral,
        FontFace::StixGeneralItalic,
        FontFace::StixGeneralBold,
        FontFace::StixGeneralBoldItalic,
        FontFace::StixNonUnicode,
        FontFace::StixNonUnicodeItalic,
        FontFace::StixNonUnicodeBold,
        FontFace::StixSizeOneSym,
        FontFace::StixSizeTwoSym,
        FontFace::StixSizeThreeSym,
        FontFace::StixSizeFourSym,
        FontFace::StixSizeFiveSym,
        FontFace::Cmsy10,
    ];

    /// The font file's bytes.
    pub fn data(self) -> &'static [u8] {
        match self {
            FontFace::Sans => DEJAVU_SANS,
            FontFace::SansOblique => DEJAVU_SANS_OBLIQUE,
            FontFace::SansBold => DEJAVU_SANS_BOLD,
            FontFace::SansBoldOblique => DEJAVU_SANS_BOLD_OBLIQUE,
            FontFace::SansDisplay => DEJAVU_SANS_DISPLAY,
            FontFace::SansMono => DEJAVU_SANS_MONO,
            FontFace::LastResort => LAST_RESORT,
            FontFace::StixGeneral => MATH_FALLBACK_FONTS[0],
            FontFace::StixGeneralItalic => MATH_FALLBACK_FONTS[1],
            FontFace::StixGeneralBold => MATH_FALLBACK_FONTS[2],
            FontFace::StixGeneralBoldItalic => MATH_FALLBACK_FONTS[3],
            FontFace::StixNonUnicode => MATH_FALLBACK_FONTS[4],
            FontFace::StixNonUnicodeItalic => MATH_FALLBACK_FONTS[5],
            FontFace::StixNonUnicodeBold => MATH_FALLBACK_FONTS[6],
            FontFace::StixSizeOneSym => MATH_FALLBACK_FONTS[7],
            FontFace::StixSizeTwoSym => MATH_FALLBACK_FONTS[8],
            FontFace::StixSizeThreeSym => MATH_FALLBACK_FONTS[9],
            FontFace::StixSizeFourSym => MATH_FALLBACK_FONTS[10],
            FontFace::StixSizeFiveSym => MATH_FALLBACK_FONTS[11],
            FontFace::Cmsy10 => MATH_FALLBACK_FONTS[12],
        }
    }

    /// Position in [`FontFace::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Whether FreeType's `FT_LOAD_DEFAULT` hints this face with its auto-hinter: the font
    /// carries no bytecode (Last Resort and the STIX files; DejaVu and cmsy10 do).
    fn autohinted(self) -> bool {
        !matches!(
            self,
            FontFace::Sans
                | FontFace::SansOblique
                | FontFace::SansBold
                | FontFace::SansBoldOblique
                | FontFace::SansDisplay
                | FontFace::SansMono
                | FontFace::Cmsy10
        )
    }
}

/// The hinting mode swash uses (and text-parity.md validated): smooth, with the
/// horizontal-LCD interpreter flavour and linear metrics preserved. For DejaVu Sans it
/// gives FreeType 2.14's `FT_LOAD_DEFAULT` outlines bit for bit.
const HINTING_MODE: HintingMode = HintingMode::Smooth {
    lcd_subpixel: Some(LcdLayout::Horizontal),
    preserve_linear_metrics: true,
};

/// The hinting mode for fonts without bytecode (Last Resort), which FreeType's
/// `FT_LOAD_DEFAULT` hints with its auto-hinter in normal mode.
const AUTOHINT_MODE: HintingMode = HintingMode::Smooth {
    lcd_subpixel: None,
    preserve_linear_metrics: false,
};

/// One glyph of a shaped line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShapedGlyph {
    /// The font of the glyph: DejaVu Sans, or Last Resort for characters it lacks.
    pub face: FontFace,
    /// Glyph index in that font.
    pub glyph_id: u16,
    /// Pen x from the start of the line, in 1/64 px (matplotlib's `LayoutItem.x · 64`).
    pub x_64: i64,
    /// Offset up from the baseline, in 1/64 px (`LayoutItem.y · 64`: marks placed by
    /// GPOS, such as Arabic harakat; 0 for other glyphs).
    pub y_64: i64,
}

/// A single line of text shaped in DejaVu Sans at one size, with matplotlib's metrics.
#[derive(Debug, Clone, PartialEq)]
pub struct ShapedText {
    /// Glyphs in drawing order.
    pub glyphs: Vec<ShapedGlyph>,
    /// Width as `RendererAgg.get_text_width_height_descent` reports it: the sum of
    /// hinted advances and kerning, in px (a multiple of 1/64).
    pub width_px: f64,
    /// Line ascent as `Text._get_layout` uses it: `max(ink ascent, sTypoAscender·scale)`.
    pub ascent_px: f64,
    /// Line descent as `Text._get_layout` uses it: `max(ink descent, −sTypoDescender·scale)`.
    pub descent_px: f64,
    /// Ink ascent: top of the union of the hinted glyph boxes, px (a multiple of 1/64) (`h − d` of
    /// `get_text_width_height_descent`; 0 without ink).
    pub ink_ascent_px: f64,
    /// Ink descent: minus the bottom of the union of the hinted glyph boxes, px (a multiple of 1/64)
    /// (`d` of `get_text_width_height_descent`; negative when all ink is above the
    /// baseline, 0 without ink).
    pub ink_descent_px: f64,
    /// Font size in points.
    pub size_pt: f64,
    /// Resolution in dots per inch.
    pub dpi: f64,
    /// FreeType's character size in 26.6 px: `(⌊64·pt⌋·⌊dpi⌋ + 36) div 72`.
    pub size_26_6: i64,
}

/// One glyph's coverage, placed in device pixels (origin top-left, y down).
#[cfg(test)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlyphMask {
    /// Device column of the leftmost bitmap column (FreeType's `bitmap_left`).
    pub left: i32,
    /// Device row of the top bitmap row (`int(H) − bitmap_top`).
    pub top: i32,
    /// Bitmap width in px.
    pub width: u32,
    /// Bitmap height in px.
    pub height: u32,
    /// Coverage 0..=255, row-major, `width · height` bytes.
    pub coverage: Vec<u8>,
}

/// A borrowed view of a cached [`GlyphMask`], handed out by
/// [`GlyphCache::for_each_mask`] without copying the coverage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GlyphMaskRef<'a> {
    /// Device column of the leftmost bitmap column.
    pub left: i32,
    /// Device row of the top bitmap row.
    pub top: i32,
    /// Bitmap width in px.
    pub width: u32,
    /// Bitmap height in px.
    pub height: u32,
    /// Coverage 0..=255, row-major.
    pub coverage: &'a [u8],
}

/// A glyph placed freely relative to a text origin, for layouts other than one shaped
/// line (mathtext places each glyph with its own size and offsets).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedGlyph {
    /// The font the glyph is drawn from.
    pub face: FontFace,
    /// Glyph index in that font.
    pub glyph_id: u16,
    /// FreeType's 26.6 character size of this glyph (see [`font_size_26_6`]).
    pub size_26_6: i64,
    /// Offset along the baseline from the origin, in px.
    pub dx: f64,
    /// Offset perpendicular to the baseline (up), in px.
    pub dy: f64,
}

/// Horizontal alignment of a text box about its anchor (matplotlib's `ha`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HorizontalAlignment {
    /// `'left'`: the anchor is at the start of the line.
    Left,
    /// `'center'`.
    Center,
    /// `'right'`.
    Right,
}

/// Vertical alignment of a text box about its anchor (matplotlib's `va`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerticalAlignment {
    /// `'top'`: the top of the box (ascent above the baseline).
    Top,
    /// `'bottom'`: the bottom of the box (descent below the baseline).
    Bottom,
    /// `'baseline'`.
    Baseline,
    /// `'center'`: the middle of the box. No figure element is aligned so yet; the text
    /// fixtures (matplotlib's own placements) exercise it.
    #[cfg_attr(not(test), allow(dead_code))]
    Center,
    /// `'center_baseline'`: half the ascent above the baseline.
    CenterBaseline,
}

/// Font-wide numbers needed for layout.
pub(crate) struct FontInfo {
    pub(crate) units_per_em: i64,
    pub(crate) typo_ascender: f64,
    pub(crate) typo_descender: f64,
    pub(crate) typo_line_gap: f64,
}

/// One parsed font file.
pub(crate) struct Face {
    pub(crate) font: FontRef<'static>,
    pub(crate) outlines: OutlineGlyphCollection<'static>,
    pub(crate) info: FontInfo,
}

impl Face {
    fn new(face: FontFace) -> Self {
        // The fonts are compile-time constants checked by the tests; they always parse.
        let font = FontRef::new(face.data()).expect("embedded DejaVu font parses");
        let outlines = font.outline_glyphs();
        let units_per_em = font
            .head()
            .map(|h| i64::from(h.units_per_em()))
            .unwrap_or(2048);
        let (typo_ascender, typo_descender, typo_line_gap) = font
            .os2()
            .map(|t| {
                (
                    f64::from(t.s_typo_ascender()),
                    f64::from(t.s_typo_descender()),
                    f64::from(t.s_typo_line_gap()),
                )
            })
            .unwrap_or((1556.0, -492.0, 410.0));
        Face {
            font,
            outlines,
            info: FontInfo {
                units_per_em,
                typo_ascender,
                typo_descender,
                typo_line_gap,
            },
        }
    }
}

/// Per-size state: the hinting instance and the hinted outlines already loaded.
struct SizeState {
    instance: HintingInstance,
    glyphs: HashMap<u16, Option<HintedGlyph>>,
    /// Unhinted outlines of auto-hinted faces, for skewed transforms.
    scaled: HashMap<u16, Option<HintedGlyph>>,
}

/// Key of a cached bitmap: glyph, 26.6 size, 1/64-px phase of the delta, and matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct BitmapKey {
    face: FontFace,
    glyph_id: u16,
    size_26_6: i64,
    phase_x: u8,
    phase_y: u8,
    matrix: [i64; 4],
}

/// Shapes text and rasterises glyphs, caching hinting instances, hinted outlines and
/// glyph bitmaps. Owned by the caller: there is no global state.
pub struct GlyphCache {
    faces: Vec<Face>,
    shaper: ShapeContext,
    sizes: HashMap<(FontFace, i64), SizeState>,
    bitmaps: HashMap<BitmapKey, Option<Bitmap>>,
    /// Lines already shaped, keyed by text and the bits of size and dpi.
    lines: HashMap<(String, u64, u64, FontFace), ShapedText>,
    /// Mathtext already laid out, keyed like `lines`.
    maths: HashMap<(String, u64, u64), mathtext::MathText>,
}

impl Default for GlyphCache {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for GlyphCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GlyphCache")
            .field("sizes", &self.sizes.len())
            .field("bitmaps", &self.bitmaps.len())
            .finish()
    }
}

/// Largest pixels-per-em accepted (FreeType's 16-bit `x_ppem`).
const MAX_PPEM: i64 = 0xFFFF;
/// Largest 26.6 size accepted (the one that still rounds to [`MAX_PPEM`]).
const MAX_S26: i64 = MAX_PPEM * 64 + 31;

/// FreeType's 26.6 character size for `size_pt` points at `dpi`, as `FT2Font.set_size`
/// requests it (`FT_Set_Char_Size(⌊64·pt⌋, 0, ⌊dpi⌋, ⌊dpi⌋)`), for [`PlacedGlyph`].
/// Errors on a non-positive, non-finite or oversized size or dpi.
pub fn font_size_26_6(size_pt: f64, dpi: f64) -> Result<i64> {
    size_26_6(size_pt, dpi)
}

/// FreeType's character size in 26.6 px for `FT_Set_Char_Size(⌊64·pt⌋, 0, ⌊dpi⌋, ⌊dpi⌋)`.
fn size_26_6(size_pt: f64, dpi: f64) -> Result<i64> {
    if !(size_pt.is_finite() && size_pt > 0.0 && size_pt < 10_000.0) {
        return Err(Error::invalid(
            "fontsize",
            size_pt,
            "a positive number of points",
        ));
    }
    if !(dpi.is_finite() && dpi > 0.0 && dpi < 100_000.0) {
        return Err(Error::invalid("dpi", dpi, "a positive number below 100000"));
    }
    // FT2Font.set_size passes the dpi as FT_UInt: below 1 that is 0, which
    // FT_Set_Char_Size takes as its default resolution, 72 dpi.
    let ft_dpi = match dpi as i64 {
        0 => 72,
        d => d,
    };
    let s26 = ((size_pt * 64.0) as i64 * ft_dpi + 36) / 72;
    if s26 < 1 {
        return Err(Error::invalid("fontsize", size_pt, "at least 1/64 px"));
    }
    // FreeType keeps ppem in 16 bits; beyond that it refuses the size.
    if (s26 + 32) >> 6 > MAX_PPEM {
        return Err(Error::invalid(
            "fontsize",
            size_pt,
            format!("small enough for at most {MAX_PPEM} px per em at {dpi} dpi"),
        ));
    }
    Ok(s26)
}

impl GlyphCache {
    /// An empty cache over the embedded DejaVu fonts.
    pub fn new() -> Self {
        GlyphCache {
            faces: FontFace::ALL.iter().map(|&f| Face::new(f)).collect(),
            shaper: ShapeContext::new(),
            sizes: HashMap::new(),
            bitmaps: HashMap::new(),
            lines: HashMap::new(),
            maths: HashMap::new(),
        }
    }

    /// Drops every cached line, outline, hinting instance, bitmap and mathtext layout (the
    /// caches grow with every new size, angle, phase and text otherwise).
    pub fn clear(&mut self) {
        self.sizes.clear();
        self.bitmaps.clear();
        self.lines.clear();
        self.maths.clear();
    }

    /// A parsed embedded font.
    pub(crate) fn face(&self, face: FontFace) -> &Face {
        &self.faces[face.index()]
    }

    /// How many lines, sizes and bitmaps are cached.
    pub(crate) fn entries(&self) -> usize {
        self.sizes.len() + self.bitmaps.len() + self.lines.len()
    }

    /// The outlines the hinter reads: Last Resort's through a copy whose cmap skrifa's
    /// auto-hinter can read (built on first use), the others' from their font.
    fn hinting_outlines(&self, face: FontFace) -> OutlineGlyphCollection<'static> {
        if face == FontFace::LastResort {
            if let Ok(f) = FontRef::new(autofit_cmap::last_resort_hinting_font()) {
                return f.outline_glyphs();
            }
        }
        self.faces[face.index()].outlines.clone()
    }

    /// The hinting state for a 26.6 size, created on first use.
    fn size_state(&mut self, face: FontFace, s26: i64) -> Option<&mut SizeState> {
        if !self.sizes.contains_key(&(face, s26)) {
            let mode = if face.autohinted() {
                AUTOHINT_MODE
            } else {
                HINTING_MODE
            };
            let instance = HintingInstance::new(
                &self.hinting_outlines(face),
                Size::new(s26 as f32 / 64.0),
                LocationRef::default(),
                mode,
            )
            .ok()?;
            self.sizes.insert(
                (face, s26),
                SizeState {
                    instance,
                    glyphs: HashMap::new(),
                    scaled: HashMap::new(),
                },
            );
        }
        self.sizes.get_mut(&(face, s26))
    }

    /// The hinted outline of a glyph at a 26.6 size (cached).
    fn hinted(&mut self, face: FontFace, glyph_id: u16, s26: i64) -> Option<&HintedGlyph> {
        let outlines = self.hinting_outlines(face);
        let state = self.size_state(face, s26)?;
        let entry = state.glyphs.entry(glyph_id).or_insert_with(|| {
            let glyph = outlines.get(GlyphId::new(u32::from(glyph_id)))?;
            outline::hinted_glyph(&glyph, &state.instance, Size::new(s26 as f32 / 64.0))
        });
        entry.as_ref()
    }

    /// The outline of a glyph of an auto-hinted face (no bytecode) under a transform that
    /// is not a multiple of 90°, where FreeType's `FT_Load_Glyph` does not auto-hint and
    /// the TrueType driver scales the points only: by the rounded ppem when the font's
    /// `head` flags ask for integer scaling (bit 3), else by the 26.6 size (cached).
    fn unhinted(&mut self, face: FontFace, glyph_id: u16, s26: i64) -> Option<&HintedGlyph> {
        let f = &self.faces[face.index()];
        let outlines = f.outlines.clone();
        let upem = f.info.units_per_em;
        let integer_ppem = f.font.head().is_ok_and(|h| h.flags().bits() & 8 != 0);
        let scaled_size = if integer_ppem {
            ((s26 + 32) >> 6) << 6
        } else {
            s26
        };
        let scale = div_fix(scaled_size, upem);
        let state = self.size_state(face, s26)?;
        let entry = state.scaled.entry(glyph_id).or_insert_with(|| {
            let glyph = outlines.get(GlyphId::new(u32::from(glyph_id)))?;
            outline::scaled_glyph(&glyph, scale)
        });
        entry.as_ref()
    }

    /// Shapes one line of `text` at `size_pt` points and `dpi`, as matplotlib 3.11's
    /// `FT2Font._layout` (glyphs, pens) and `get_text_width_height_descent` + `Text`
    /// (metrics) do. Errors on a non-positive or non-finite size or dpi.
    pub fn shape(&mut self, text: &str, size_pt: f64, dpi: f64) -> Result<ShapedText> {
        self.shape_face(text, size_pt, dpi, FontFace::Sans)
    }

    /// [`GlyphCache::shape`] in another text face (DejaVu Sans Bold, Oblique, Bold
    /// Oblique or Mono: `fontweight`, `fontstyle`, `family`); characters the face lacks
    /// come from Last Resort.
    pub fn shape_face(
        &mut self,
        text: &str,
        size_pt: f64,
        dpi: f64,
        face: FontFace,
    ) -> Result<ShapedText> {
        let s26 = size_26_6(size_pt, dpi)?;
        let text = bidi::first_paragraph(text);
        let key = (text.to_owned(), size_pt.to_bits(), dpi.to_bits(), face);
        if let Some(line) = self.lines.get(&key) {
            return Ok(line.clone());
        }
        let line = self.shape_uncached(text, size_pt, dpi, s26, face);
        self.lines.insert(key, line.clone());
        Ok(line)
    }

    /// Glyph ids and advances of a left-to-right line, run by run: characters `main`
    /// lacks come from Last Resort (FT2Font's fallback list), each on its own, and
    /// break the runs (no kerning or ligature across them).
    fn shape_units_ltr(&mut self, text: &str, main: FontFace) -> Vec<bidi::Unit> {
        let mut units: Vec<bidi::Unit> = Vec::with_capacity(text.len());
        let sans_map = self.face(main).font.charmap();
        let lr_cmap = self.face(FontFace::LastResort).font.cmap().ok();
        let lr_sub = lr_cmap
            .as_ref()
            .and_then(|c| c.best_subtable())
            .map(|t| t.2);
        let mut run_start = 0;
        let flush = |units: &mut Vec<bidi::Unit>, run: &str, shaper: &mut ShapeContext| {
            if run.is_empty() {
                return;
            }
            if let Some(font) = swash::FontRef::from_index(main.data(), 0) {
                let mut shaper = shaper.builder(font).build();
                shaper.add_str(run);
                shaper.shape_with(|cluster| {
                    units.extend(
                        cluster
                            .glyphs
                            .iter()
                            .map(|g| (main, g.id, g.advance, false, 0.0, 0.0)),
                    );
                });
            }
        };
        let space = sans_map
            .map(' ')
            .map_or(0, |g| u16::try_from(g.to_u32()).unwrap_or(0));
        for (i, c) in text.char_indices() {
            let ignorable = bidi::is_default_ignorable(c);
            if !ignorable && sans_map.map(c).is_some_and(|g| g.to_u32() != 0) {
                continue;
            }
            flush(&mut units, &text[run_start..i], &mut self.shaper);
            run_start = i + c.len_utf8();
            if ignorable {
                // HarfBuzz hides it: the space glyph, no advance (no Last Resort box).
                units.push((main, space, 0.0, true, 0.0, 0.0));
                continue;
            }
            // Its cmap is format 13 (many-to-one), which FreeType reads.
            let gid = lr_sub
                .as_ref()
                .and_then(|t| t.map_codepoint(c))
                .and_then(|g| u16::try_from(g.to_u32()).ok())
                .unwrap_or(0);
            units.push((FontFace::LastResort, gid, f32::NAN, false, 0.0, 0.0));
        }
        flush(&mut units, &text[run_start..], &mut self.shaper);
        units
    }

    /// [`GlyphCache::shape_face`] without the line cache.
    fn shape_uncached(
        &mut self,
        text: &str,
        size_pt: f64,
        dpi: f64,
        s26: i64,
        main: FontFace,
    ) -> ShapedText {
        let upem = self.face(main).info.units_per_em;
        let ppem = (s26 + 32) >> 6;
        let x_scale = div_fix(ppem * 64, upem);
        // HarfBuzz's em multiplier; its scale is FreeType's requested 26.6 size (not the
        // rounded ppem the hinter uses).
        let hb_mult = (s26 << 16) / upem;

        // Glyph ids and GPOS advances in font units, in visual order (right-to-left text
        // reordered and shaped as raqm does).
        let reordered = bidi::needs_bidi(text);
        let units: Vec<bidi::Unit> = if reordered {
            self.shape_units_bidi(text, main)
        } else {
            self.shape_units_ltr(text, main)
        };
        let metrics = self
            .face(main)
            .font
            .glyph_metrics(Size::unscaled(), LocationRef::default());
        let lr_metrics = self
            .face(FontFace::LastResort)
            .font
            .glyph_metrics(Size::unscaled(), LocationRef::default());
        let lr_upem = self.face(FontFace::LastResort).info.units_per_em;
        let lr_x_scale = div_fix(ppem * 64, lr_upem);

        let mut glyphs = Vec::with_capacity(units.len());
        let mut pen: i64 = 0;
        let (mut cy_min, mut cy_max): (Option<i64>, Option<i64>) = (None, None);
        for &(face, glyph_id, shaped_advance, mark, x_off, y_off) in &units {
            let gid = GlyphId::new(u32::from(glyph_id));
            let (hinted_advance, kern) = if mark {
                // HarfBuzz zeroes the advance of marks.
                (0, 0)
            } else if face == FontFace::LastResort {
                // The auto-hinter's advance (its phantom points move with the edges).
                let hmtx = lr_metrics.advance_width(gid).unwrap_or(0.0);
                let linear = (mul_fix(hmtx as i64, lr_x_scale) + 32) & !63;
                let adjusted = self
                    .hinted(face, glyph_id, s26)
                    .and_then(|g| g.advance_26_6);
                (adjusted.map_or(linear, |a| (a + 32) & !63), 0)
            } else {
                let hmtx = metrics.advance_width(gid).unwrap_or(0.0);
                let kern_units = (f64::from(shaped_advance) - f64::from(hmtx)).round() as i64;
                let kern = (kern_units * hb_mult + (1 << 15)) >> 16;
                ((mul_fix(hmtx as i64, x_scale) + 32) & !63, kern)
            };
            // GPOS offsets (marks) in HarfBuzz's scale.
            let hb = |v: f32| ((v.round() as i64) * hb_mult + (1 << 15)) >> 16;
            let (dx, dy) = (hb(x_off), hb(y_off));
            glyphs.push(ShapedGlyph {
                face,
                glyph_id,
                x_64: pen + dx,
                y_64: dy,
            });
            pen += hinted_advance + kern;
            // FT2Font.set_text's box: the glyphs' control boxes in 26.6
            // (FT_GLYPH_BBOX_SUBPIXELS), moved by their offsets. Most hinted DejaVu
            // glyphs end on whole pixels; '~', 'ø' and Last Resort's boxes do not.
            if let Some((_, b0, _, b1)) =
                self.hinted(face, glyph_id, s26).and_then(|g| g.cbox_26_6())
            {
                let (b0, b1) = (b0 + dy, b1 + dy);
                cy_min = Some(cy_min.map_or(b0, |v| v.min(b0)));
                cy_max = Some(cy_max.map_or(b1, |v| v.max(b1)));
            }
        }
        let (ink_ascent, ink_descent) = (
            cy_max.unwrap_or(0) as f64 / 64.0,
            -(cy_min.unwrap_or(0) as f64) / 64.0,
        );
        // Text._get_layout: scale = 1 / units_per_em * fontsize * dpi / 72.
        let scale = 1.0 / upem as f64 * size_pt * dpi / 72.0;
        let info = &self.face(main).info;
        let min_ascent = info.typo_ascender * scale;
        let min_descent = -(info.typo_descender * scale);
        ShapedText {
            glyphs,
            width_px: pen as f64 / 64.0,
            ascent_px: ink_ascent.max(min_ascent),
            descent_px: ink_descent.max(min_descent),
            ink_ascent_px: ink_ascent,
            ink_descent_px: ink_descent,
            size_pt,
            dpi,
            size_26_6: s26,
        }
    }

    /// Calls `f` with each glyph's coverage mask, in drawing order, for `shaped` drawn
    /// with its pen origin (left end of the baseline) at display point `(x, y)`
    /// (origin bottom-left, y up) on a canvas `canvas_height_px` rows high (the Agg
    /// buffer height, `int(figure height)`), rotated by
    /// `angle_deg` counter-clockwise about the pen origin. Masks come from the cache
    /// when the same glyph was drawn before at the same size, angle and 1/64-px phase.
    pub fn for_each_mask(
        &mut self,
        shaped: &ShapedText,
        x: f64,
        y: f64,
        canvas_height_px: u32,
        angle_deg: f64,
        f: impl FnMut(GlyphMaskRef<'_>),
    ) {
        let s26 = shaped.size_26_6;
        let glyphs = shaped.glyphs.iter().map(|g| PlacedGlyph {
            face: g.face,
            glyph_id: g.glyph_id,
            size_26_6: s26,
            dx: g.x_64 as f64 / 64.0,
            dy: g.y_64 as f64 / 64.0,
        });
        self.for_each_placed_mask(glyphs, x, y, canvas_height_px, angle_deg, f);
    }

    /// Like [`GlyphCache::for_each_mask`] for glyphs placed freely (each with its own
    /// size and offset, as mathtext places them): what
    /// `RendererAgg._draw_text_glyphs_and_boxes` does with `(font, size, glyph, dx, dy)`.
    pub fn for_each_placed_mask(
        &mut self,
        glyphs: impl IntoIterator<Item = PlacedGlyph>,
        x: f64,
        y: f64,
        canvas_height_px: u32,
        angle_deg: f64,
        mut f: impl FnMut(GlyphMaskRef<'_>),
    ) {
        // RendererAgg._draw_text_glyphs_and_boxes.
        let radians = angle_deg.to_radians();
        let (cos, sin) = (radians.cos(), radians.sin());
        let fix = |v: f64| (65536.0 * v).round_ties_even() as i64;
        let matrix = [fix(cos), fix(-sin), fix(sin), fix(cos)];
        let height_int = i64::from(canvas_height_px);
        let canvas_height = f64::from(canvas_height_px);
        // Text.draw flips y for Agg (y_down = H − y); draw_text flips it back.
        let y_down = canvas_height - y;
        for glyph in glyphs {
            let (dx, dy, s26) = (glyph.dx, glyph.dy, glyph.size_26_6);
            let delta_x = (64.0 * (x + dx * cos - dy * sin)).round_ties_even() as i64;
            let delta_y =
                (64.0 * (canvas_height - y_down + dx * sin + dy * cos)).round_ties_even() as i64;
            let key = BitmapKey {
                face: glyph.face,
                glyph_id: glyph.glyph_id,
                size_26_6: s26,
                phase_x: (delta_x & 63) as u8,
                phase_y: (delta_y & 63) as u8,
                matrix,
            };
            if !self.bitmaps.contains_key(&key) {
                let phase = Vec26 {
                    x: delta_x & 63,
                    y: delta_y & 63,
                };
                let identity = matrix == [65536, 0, 0, 65536];
                // FT_Load_Glyph auto-hints only under transforms that keep the axes
                // (xx or yx zero); otherwise a face without bytecode is not hinted.
                let skewed = matrix[0] != 0 && matrix[2] != 0;
                let bitmap = if (1..=MAX_S26).contains(&s26) {
                    let outline = if skewed && glyph.face.autohinted() {
                        self.unhinted(glyph.face, glyph.glyph_id, s26)
                    } else {
                        self.hinted(glyph.face, glyph.glyph_id, s26)
                    };
                    outline.and_then(|g| g.render((!identity).then_some(matrix), phase))
                } else {
                    None
                };
                self.bitmaps.insert(key, bitmap);
            }
            if let Some(Some(b)) = self.bitmaps.get(&key) {
                let left = b.left + (delta_x >> 6);
                let top = height_int - (b.top + (delta_y >> 6));
                f(GlyphMaskRef {
                    left: clamp_i32(left),
                    top: clamp_i32(top),
                    width: b.width,
                    height: b.height,
                    coverage: &b.coverage,
                });
            }
        }
    }

    /// Rasterises `shaped` as [`GlyphCache::for_each_mask`] does, collecting owned masks.
    #[cfg(test)]
    pub fn rasterize(
        &mut self,
        shaped: &ShapedText,
        x: f64,
        y: f64,
        canvas_height_px: u32,
        angle_deg: f64,
    ) -> Vec<GlyphMask> {
        let mut out = Vec::with_capacity(shaped.glyphs.len());
        self.for_each_mask(shaped, x, y, canvas_height_px, angle_deg, |m| {
            out.push(GlyphMask {
                left: m.left,
                top: m.top,
                width: m.width,
                height: m.height,
                coverage: m.coverage.to_vec(),
            })
        });
        out
    }
}

fn clamp_i32(v: i64) -> i32 {
    v.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32
}

/// Shapes one line with a throw-away [`GlyphCache`]. Prefer [`GlyphCache::shape`] for
/// more than one label: it keeps the hinting state.
#[cfg(test)]
pub fn shape(text: &str, size_pt: f64, dpi: f64) -> Result<ShapedText> {
    GlyphCache::new().shape(text, size_pt, dpi)
}

/// matplotlib's `_rotate_point`: exact identity at 0°.
fn rotate_point(angle_deg: f64, x: f64, y: f64) -> (f64, f64) {
    if angle_deg == 0.0 {
        return (x, y);
    }
    let a = angle_deg.to_radians();
    let (cos, sin) = (a.cos(), a.sin());
    (cos * x - sin * y, sin * x + cos * y)
}

/// The display point of the pen origin (left end of the baseline) of a one-line text
/// anchored at `anchor` with `ha`/`va`, rotated `rotation_deg` with
/// `rotation_mode='anchor'`, as `Text._get_layout` + `Text.draw` compute it: the box
/// `[0, w] × [−d, a]` is aligned unrotated, then the offset is rotated.
#[cfg(test)]
pub fn pen_origin(
    shaped: &ShapedText,
    anchor: (f64, f64),
    ha: HorizontalAlignment,
    va: VerticalAlignment,
    rotation_deg: f64,
) -> (f64, f64) {
    let angle = rotation_deg.rem_euclid(360.0);
    let (w, a, d) = (shaped.width_px, shaped.ascent_px, shaped.descent_px);
    let baseline = a - 0.0;
    let line_y = 0.0 - a;
    let (xmin1, ymin1, xmax1, ymax1) = (0.0, line_y - d, w, 0.0);
    let offset_x = match ha {
        HorizontalAlignment::Left => xmin1,
        HorizontalAlignment::Right => xmax1,
        HorizontalAlignment::Center => (xmin1 + xmax1) / 2.0,
    };
    let offset_y = match va {
        VerticalAlignment::Bottom => ymin1,
        VerticalAlignment::Top => ymax1,
        VerticalAlignment::Center => (ymin1 + ymax1) / 2.0,
        VerticalAlignment::Baseline => ymax1 - baseline,
        VerticalAlignment::CenterBaseline => ymax1 - baseline / 2.0,
    };
    let (ox, oy) = rotate_point(angle, offset_x, offset_y);
    let (lx, ly) = rotate_point(angle, 0.0, line_y);
    ((lx - ox) + anchor.0, (ly - oy) + anchor.1)
}

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod tests;

/// The examples that documented these internals, as unit tests.
#[cfg(test)]
mod examples {
    #[test]
    fn glyph_cache_shapes_and_rasterizes() {
        use crate::text::GlyphCache;
        let mut cache = GlyphCache::new();
        let line = cache.shape("0.5", 10.0, 100.0).unwrap();
        assert_eq!(line.width_px, 22.0); // 9 + 4 + 9 px of hinted advances
        let masks = cache.rasterize(&line, 10.0, 20.0, 40, 0.0);
        assert_eq!(masks.len(), 3);
    }

    #[test]
    fn pen_origin_aligns_a_y_tick_label() {
        use crate::text::{pen_origin, shape, HorizontalAlignment, VerticalAlignment};
        // A y tick label: ha='right', va='center_baseline' (spec §6.5).
        let label = shape("0.5", 10.0, 100.0).unwrap();
        let (x, y) = pen_origin(
            &label,
            (70.0, 240.0),
            HorizontalAlignment::Right,
            VerticalAlignment::CenterBaseline,
            0.0,
        );
        assert_eq!(x, 70.0 - label.width_px);
        assert_eq!(y, 240.0 - label.ascent_px / 2.0);
    }
}
