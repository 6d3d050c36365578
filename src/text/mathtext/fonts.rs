//! The font side of mathtext: `DejaVuSansFonts` (with `TruetypeFonts._get_info`,
//! `UnicodeFonts._get_glyph` and `DejaVuFonts._get_glyph`) over the embedded faces, and
//! `DejaVuSansFontConstants`.

use skrifa::instance::{LocationRef, Size};
use skrifa::raw::tables::kern::SubtableKind;
use skrifa::raw::TableProvider;
use skrifa::{GlyphId, MetadataProvider};

use super::stix::{STIX_GLYPH_FIXES, STIX_VIRTUAL_FONTS};
use super::symbols::{GREEK_CAPITALS, LETTER_RANGES, TEX2UNI};
use crate::text::outline::{div_fix, mul_fix};
use crate::text::{font_size_26_6, FontFace, GlyphCache};
use crate::{Error, Result};

/// `DejaVuSansFontConstants` (values from the TeX table of DejaVuSans.ttf).
pub(super) mod consts {
    /// Design x-height in font units.
    const X_HEIGHT_UNITS: f64 = 1120.0;
    /// `x_height`: x-height as a fraction of the em.
    pub const X_HEIGHT: f64 = X_HEIGHT_UNITS / 2048.0;
    /// `supdrop`.
    pub const SUPDROP: f64 = 790.527 / X_HEIGHT_UNITS;
    /// `subdrop`.
    pub const SUBDROP: f64 = 102.4 / X_HEIGHT_UNITS;
    /// `sup1`: superscript raise, in x-heights.
    pub const SUP1: f64 = 845.824 / X_HEIGHT_UNITS;
    /// `sub1`: subscript drop, in x-heights.
    pub const SUB1: f64 = 307.199 / X_HEIGHT_UNITS;
    /// `sub2`: subscript drop with a superscript, in x-heights.
    pub const SUB2: f64 = 632.832 / X_HEIGHT_UNITS;
    /// `num1`.
    pub const NUM1: f64 = 1529.86 / X_HEIGHT_UNITS;
    /// `num2`.
    pub const NUM2: f64 = 868.352 / X_HEIGHT_UNITS;
    /// `num3`.
    pub const NUM3: f64 = 970.752 / X_HEIGHT_UNITS;
    /// `denom1`.
    pub const DENOM1: f64 = 1548.29 / X_HEIGHT_UNITS;
    /// `denom2`.
    pub const DENOM2: f64 = 768.0 / X_HEIGHT_UNITS;
    /// `axis_height`, in em.
    pub const AXIS_HEIGHT: f64 = 512.0 / 2048.0;
    /// `FontConstantsBase.delta`.
    pub const DELTA: f64 = 0.025;
    /// `FontConstantsBase.delta_slanted`.
    pub const DELTA_SLANTED: f64 = 0.2;
    /// `FontConstantsBase.delta_integral`.
    pub const DELTA_INTEGRAL: f64 = 0.1;
    /// `FontConstantsBase.script_space`.
    pub const SCRIPT_SPACE: f64 = 0.05;
}

/// `FontMetrics` of `TruetypeFonts._get_info` (`LoadFlags.NO_HINTING`), in px.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Metrics {
    /// `linearHoriAdvance / 65536`.
    pub advance: f64,
    /// Control-box width.
    pub width: f64,
    /// Control-box height.
    pub height: f64,
    pub xmin: f64,
    pub xmax: f64,
    pub ymin: f64,
    pub ymax: f64,
    /// `horiBearingY`: top of the control box.
    pub iceberg: f64,
    /// Set in the italic font (or an integral sign).
    pub slanted: bool,
}

/// A glyph as `_get_info` finds it: face, glyph index and metrics.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct GlyphInfo {
    pub face: FontFace,
    pub glyph_id: u16,
    pub metrics: Metrics,
}

/// Font access for the layout.
pub(super) struct Fonts<'a> {
    pub cache: &'a mut GlyphCache,
    pub dpi: f64,
    /// The text's own face (`findfont(prop)`: `fontweight`/`fontstyle`/`family`), which
    /// TeX font names `default`/`regular` (the non-math parts) use (audit7).
    pub text_face: FontFace,
}

/// `get_unicode_index`: a single character, or a TeX name (`\alpha`) from `tex2uni`.
pub(super) fn unicode_index(sym: &str) -> Option<u32> {
    let mut chars = sym.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(u32::from(c));
    }
    let name = sym.strip_prefix('\\').unwrap_or(sym);
    TEX2UNI
        .binary_search_by(|(n, _)| n.cmp(&name))
        .ok()
        .map(|i| TEX2UNI[i].1)
}

/// `unicodedata.category(c)[0] == "L"` for a BMP code point.
fn is_letter(cp: u32) -> bool {
    let i = LETTER_RANGES.partition_point(|&(_, hi)| hi < cp);
    LETTER_RANGES.get(i).is_some_and(|&(lo, _)| lo <= cp)
}

/// The face a TeX font name maps to in `DejaVuSansFonts` (its `_fontmap` with the STIX
/// size fonts `1`–`5`; `default`/`regular` being the text font); `None` for names it
/// has no font for (`normal`, `cal`, `bb`, …: the STIX Sans fallback handles them).
fn face_of(fontname: &str) -> Option<FontFace> {
    Some(match fontname {
        "default" | "regular" | "rm" | "sf" | "0" => FontFace::Sans,
        "it" => FontFace::SansOblique,
        "bf" => FontFace::SansBold,
        "bfit" => FontFace::SansBoldOblique,
        "tt" => FontFace::SansMono,
        "ex" => FontFace::SansDisplay,
        _ => return size_face(fontname),
    })
}

/// The STIX size fonts `1`–`5` (`STIXSizeOneSym` … `STIXSizeFiveSym`).
fn size_face(fontname: &str) -> Option<FontFace> {
    Some(match fontname {
        "1" => FontFace::StixSizeOneSym,
        "2" => FontFace::StixSizeTwoSym,
        "3" => FontFace::StixSizeThreeSym,
        "4" => FontFace::StixSizeFourSym,
        "5" => FontFace::StixSizeFiveSym,
        _ => return None,
    })
}

/// `StixFonts._fontmap` (plus `default`/`regular`, the text font DejaVu Sans).
fn stix_face(fontname: &str) -> Option<FontFace> {
    Some(match fontname {
        "rm" | "0" => FontFace::StixGeneral,
        "it" => FontFace::StixGeneralItalic,
        "bf" => FontFace::StixGeneralBold,
        "bfit" => FontFace::StixGeneralBoldItalic,
        "nonunirm" => FontFace::StixNonUnicode,
        "nonuniit" => FontFace::StixNonUnicodeItalic,
        "nonunibf" => FontFace::StixNonUnicodeBold,
        "default" | "regular" => FontFace::Sans,
        _ => return size_face(fontname),
    })
}

/// A font name of the virtual-font tables as a `'static` name.
fn static_name(name: &str) -> &'static str {
    match name {
        "rm" => "rm",
        "it" => "it",
        "bf" => "bf",
        "bfit" => "bfit",
        "normal" => "normal",
        "sf" => "sf",
        "tt" => "tt",
        _ => "rm",
    }
}

/// `StixFonts._map_virtual_font` (`sans`: `StixSansFonts`).
fn map_virtual_font(
    fontname: &'static str,
    font_class: &str,
    uni: u32,
    sans: bool,
) -> (&'static str, u32) {
    let lookup = |name: &str| STIX_VIRTUAL_FONTS.iter().find(|(n, _)| *n == name);
    let mut font_mapping = lookup(fontname);
    let mut doing_sans_conversion = false;
    if sans && font_mapping.is_none() && !matches!(fontname, "regular" | "default") {
        font_mapping = lookup("sf");
        doing_sans_conversion = true;
    }
    let (mut fontname, mut uni) = (fontname, uni);
    let mapping = font_mapping.and_then(|(_, classes)| {
        classes
            .iter()
            .find(|(c, _)| c.is_empty() || *c == font_class)
            .or_else(|| classes.iter().find(|(c, _)| *c == "rm"))
            .map(|(_, ranges)| *ranges)
    });
    if let Some(mapping) = mapping {
        let (mut lo, mut hi) = (0, mapping.len());
        let mut range = mapping.first().copied();
        while lo < hi {
            let mid = (lo + hi) / 2;
            let r = mapping[mid];
            range = Some(r);
            if uni < r.0 {
                hi = mid;
            } else if uni <= r.1 {
                break;
            } else {
                lo = mid + 1;
            }
        }
        match range {
            Some((first, last, font, target)) if first <= uni && uni <= last => {
                uni = uni - first + target;
                fontname = static_name(font);
            }
            _ if !doing_sans_conversion => {
                // A dummy glyph in `mathtext.default`.
                uni = 1;
                fontname = "normal";
            }
            _ => {}
        }
    }
    if matches!(fontname, "rm" | "it" | "normal") {
        if let Some(&(_, to)) = STIX_GLYPH_FIXES.iter().find(|(from, _)| *from == uni) {
            uni = to;
        }
    }
    if (0xe000..=0xf8ff).contains(&uni) {
        fontname = match fontname {
            "it" => "nonuniit",
            "rm" => "nonunirm",
            "bf" => "nonunibf",
            "bfit" => "nonunibfit",
            other => other,
        };
    }
    (fontname, uni)
}

/// The control box, in 26.6 px, of a glyph loaded by FreeType without hinting: every
/// point scaled with `FT_MulFix`; a composite's components scaled on their own and
/// moved by their scaled offsets (`TT_Process_Composite_Component`). `None` when the
/// glyph uses point anchors or scaled components (then the header box is used).
fn unhinted_cbox(
    font: &skrifa::FontRef<'_>,
    glyph_id: u16,
    scale: i64,
    depth: u32,
) -> Option<(i64, i64, i64, i64)> {
    let points = scaled_points(font, glyph_id, scale, depth)?;
    if points.is_empty() {
        return Some((0, 0, 0, 0));
    }
    let mut b = (i64::MAX, i64::MAX, i64::MIN, i64::MIN);
    for (x, y) in points {
        b = (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y));
    }
    Some(b)
}

/// The scaled outline points of a glyph (see [`unhinted_cbox`]).
fn scaled_points(
    font: &skrifa::FontRef<'_>,
    glyph_id: u16,
    scale: i64,
    depth: u32,
) -> Option<Vec<(i64, i64)>> {
    use skrifa::raw::tables::glyf::{Anchor, Glyph};
    if depth > 8 {
        return None;
    }
    let loca = font.loca(None).ok()?;
    let glyf = font.glyf().ok()?;
    let glyph = loca
        .get_glyf(GlyphId::new(u32::from(glyph_id)), &glyf)
        .ok()?;
    let Some(glyph) = glyph else {
        return Some(Vec::new());
    };
    match glyph {
        Glyph::Simple(g) => Some(
            g.points()
                .map(|p| {
                    (
                        mul_fix(i64::from(p.x), scale),
                        mul_fix(i64::from(p.y), scale),
                    )
                })
                .collect(),
        ),
        Glyph::Composite(g) => {
            let mut out = Vec::new();
            for c in g.components() {
                let t = c.transform;
                let identity = t.xx.to_f32() == 1.0
                    && t.yy.to_f32() == 1.0
                    && t.xy.to_f32() == 0.0
                    && t.yx.to_f32() == 0.0;
                let Anchor::Offset { x, y } = c.anchor else {
                    return None;
                };
                if !identity {
                    return None;
                }
                let (dx, dy) = (mul_fix(i64::from(x), scale), mul_fix(i64::from(y), scale));
                let pts = scaled_points(font, c.glyph.to_u16(), scale, depth + 1)?;
                out.extend(pts.into_iter().map(|(px, py)| (px + dx, py + dy)));
            }
            Some(out)
        }
    }
}

/// FreeType's `FT_MulDiv`: `a·b / c` rounded half away from zero.
pub(super) fn mul_div(a: i64, b: i64, c: i64) -> i64 {
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

impl Fonts<'_> {
    /// FreeType's unrounded 16.16 scale for unhinted loads and the 26.6 size.
    fn scale(&self, face: FontFace, fontsize: f64) -> Result<(i64, i64)> {
        let s26 = font_size_26_6(fontsize, self.dpi)?;
        Ok((div_fix(s26, self.cache.face(face).info.units_per_em), s26))
    }

    /// Whether `face` maps `c` to a glyph (`get_char_index(c) != 0`).
    pub(super) fn has_char(&self, face: FontFace, c: char) -> bool {
        self.glyph_index(face, u32::from(c)) != 0
    }

    fn glyph_index(&self, face: FontFace, cp: u32) -> u16 {
        let Some(c) = char::from_u32(cp) else {
            return 0;
        };
        self.cache
            .face(face)
            .font
            .charmap()
            .map(c)
            .and_then(|g| u16::try_from(g.to_u32()).ok())
            .unwrap_or(0)
    }

    /// `DejaVuFonts._get_glyph` → `UnicodeFonts._get_glyph`: the face and code point of
    /// `sym` in TeX font `fontname` (class `font_class`), and whether it is slanted;
    /// what the DejaVu faces lack comes from the STIX Sans fallback, `\prime` from BaKoMa.
    fn get_glyph(
        &self,
        fontname: &'static str,
        font_class: &str,
        sym: &str,
    ) -> Result<(FontFace, u32, bool)> {
        if sym == r"\prime" {
            return self.bakoma_glyph(fontname, font_class, sym);
        }
        let uni = unicode_index(sym).ok_or_else(|| {
            Error::invalid(
                "mathtext symbol",
                sym,
                "a single character or a known TeX symbol",
            )
        })?;
        let mut fontname = fontname;
        if self.glyph_index(FontFace::SansDisplay, uni) != 0 {
            fontname = "ex";
        }
        let mut new_fontname = fontname;
        if fontname == "normal" && uni < 0x10000 {
            new_fontname = if !is_letter(uni) || GREEK_CAPITALS.contains(&uni) {
                "rm"
            } else {
                "it"
            };
        }
        let slanted = new_fontname == "it" || sym == r"\int" || sym == r"\oint";
        let face = match new_fontname {
            "default" | "regular" => Some(self.text_face),
            other => face_of(other),
        };
        if let Some(face) = face {
            if self.glyph_index(face, uni) != 0 {
                return Ok((face, uni, slanted));
            }
        }
        let fallback = if matches!(fontname, "it" | "regular" | "normal") {
            "rm"
        } else {
            fontname
        };
        self.stix_glyph(fallback, font_class, sym, true, 0)
    }

    /// `BakomaFonts._get_glyph` for `\prime` (`latex_to_bakoma`: cmsy10, code 48), with
    /// its STIX (serif) fallback.
    fn bakoma_glyph(
        &self,
        fontname: &'static str,
        font_class: &str,
        sym: &str,
    ) -> Result<(FontFace, u32, bool)> {
        const BAKOMA_FONTMAP: &[&str] = &["normal", "cal", "rm", "tt", "it", "bf", "sf", "ex"];
        if BAKOMA_FONTMAP.contains(&fontname) && self.glyph_index(FontFace::Cmsy10, 48) != 0 {
            return Ok((FontFace::Cmsy10, 48, false));
        }
        self.stix_glyph(fontname, font_class, sym, false, 0)
    }

    /// `UnicodeFonts._get_glyph` of `StixFonts` (`sans`: `StixSansFonts`), which has no
    /// fallback of its own: a missing glyph is retried in `rm`, then drawn as matplotlib
    /// draws it, the currency sign `¤` of `rm`.
    fn stix_glyph(
        &self,
        fontname: &'static str,
        font_class: &str,
        sym: &str,
        sans: bool,
        depth: u32,
    ) -> Result<(FontFace, u32, bool)> {
        let uni = unicode_index(sym).unwrap_or(u32::from('?'));
        let (fontname, uni) = map_virtual_font(fontname, font_class, uni, sans);
        let mut new_fontname = fontname;
        if fontname == "normal" && uni < 0x10000 {
            new_fontname = if !is_letter(uni) || GREEK_CAPITALS.contains(&uni) {
                "rm"
            } else {
                "it"
            };
        }
        let slanted = new_fontname == "it" || sym == r"\int" || sym == r"\oint";
        if let Some(face) = stix_face(new_fontname) {
            if self.glyph_index(face, uni) != 0 {
                return Ok((face, uni, slanted));
            }
        }
        if depth == 0 && matches!(fontname, "it" | "regular" | "normal") {
            return self.stix_glyph("rm", font_class, sym, sans, 1);
        }
        Ok((FontFace::StixGeneral, 0xA4, false))
    }

    /// `_get_info(fontname, font_class, sym, fontsize, dpi)`.
    pub(super) fn info(
        &self,
        fontname: &'static str,
        font_class: &str,
        sym: &str,
        fontsize: f64,
    ) -> Result<GlyphInfo> {
        let (face, uni, slanted) = self.get_glyph(fontname, font_class, sym)?;
        let glyph_id = self.glyph_index(face, uni);
        let (x_scale, _) = self.scale(face, fontsize)?;
        let font = &self.cache.face(face).font;
        let gid = GlyphId::new(u32::from(glyph_id));
        let units = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        let advance_units = units.advance_width(gid).unwrap_or(0.0) as i64;
        let linear = mul_div(advance_units, x_scale, 64);
        let (x0, y0, x1, y1) = unhinted_cbox(font, glyph_id, x_scale, 0).unwrap_or_else(|| {
            // Fallback (point anchors, deep composites): the header box, scaled.
            units
                .bounds(gid)
                .map(|b| {
                    (
                        mul_fix(b.x_min as i64, x_scale),
                        mul_fix(b.y_min as i64, x_scale),
                        mul_fix(b.x_max as i64, x_scale),
                        mul_fix(b.y_max as i64, x_scale),
                    )
                })
                .unwrap_or((0, 0, 0, 0))
        });
        let offset = 0.0;
        Ok(GlyphInfo {
            face,
            glyph_id,
            metrics: Metrics {
                advance: linear as f64 / 65536.0,
                width: (x1 - x0) as f64 / 64.0,
                height: (y1 - y0) as f64 / 64.0,
                xmin: x0 as f64 / 64.0,
                xmax: x1 as f64 / 64.0,
                ymin: y0 as f64 / 64.0 + offset,
                ymax: y1 as f64 / 64.0 + offset,
                iceberg: y1 as f64 / 64.0 + offset,
                slanted,
            },
        })
    }

    /// `TruetypeFonts.get_kern` for two glyphs of the same TeX font name and size:
    /// `FT_Get_Kerning(FT_KERNING_DEFAULT) / 64` in the first glyph's face.
    pub(super) fn kern(&self, face: FontFace, left: u16, right: u16, fontsize: f64) -> Result<f64> {
        let mut units: i64 = 0;
        if let Ok(kern) = self.cache.face(face).font.kern() {
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
        let (x_scale, s26) = self.scale(face, fontsize)?;
        let mut x = mul_fix(units, x_scale);
        let x_ppem = (s26 + 32) >> 6;
        if x_ppem < 25 {
            x = mul_div(x, x_ppem, 25);
        }
        Ok(((x + 32) & !63) as f64 / 64.0)
    }

    /// `get_quad('normal', fontsize, dpi)`: the advance of the math-italic "m".
    pub(super) fn quad(&self, fontsize: f64) -> Result<f64> {
        Ok(self.info("normal", "rm", "m", fontsize)?.metrics.advance)
    }

    /// `get_xheight(font, fontsize, dpi)` with the DejaVu Sans constant.
    pub(super) fn x_height(&self, fontsize: f64) -> f64 {
        consts::X_HEIGHT * fontsize * self.dpi / 72.0
    }

    /// `get_axis_height(font, fontsize, dpi)`.
    pub(super) fn axis_height(&self, fontsize: f64) -> f64 {
        consts::AXIS_HEIGHT * fontsize * self.dpi / 72.0
    }

    /// `get_underline_thickness(font, fontsize, dpi)`.
    pub(super) fn underline_thickness(&self, fontsize: f64) -> f64 {
        ((0.75 / 12.0) * fontsize * self.dpi) / 72.0
    }
}
