//! Text of one or more lines, each plain or mathtext, laid out and aligned as
//! matplotlib 3.11.2's `Text._get_layout` does: lines split at `\n`; with
//! `linespacing='normal'` (the default) every line at least the font's typographic ascent
//! and descent tall plus half the line gap above and below (the gap only with several
//! lines), with a number `k` every line `k` × (ascent + descent) tall, the difference to
//! its own height split evenly above and below; lines
//! aligned among themselves by the multialignment, the block aligned about its anchor
//! with `rotation_mode='anchor'` (`va='baseline'` is the *last* line's baseline).

use super::mathtext::{is_math, layout_math_face, MathText};
use super::{rotate_point, FontFace, GlyphCache, HorizontalAlignment, ShapedText};
use super::{GlyphMaskRef, VerticalAlignment};
use crate::Result;

/// One line of a [`TextBlock`].
#[derive(Debug, Clone, PartialEq)]
pub struct BlockLine {
    /// The line as written (before `\$` is unescaped in plain text).
    pub text: String,
    /// Its metrics (for mathtext: the line metrics only, no glyphs).
    pub shaped: ShapedText,
    /// The mathtext layout, when the line is mathtext.
    pub math: Option<MathText>,
    /// Pen origin of the line relative to the top-left of the unrotated block, y up
    /// (`offset_layout` of `Text._get_layout`).
    pub offset: (f64, f64),
    /// Whether the line draws anything (empty lines are skipped, as `Text.draw` does).
    pub drawn: bool,
}

/// A laid-out text block: [`GlyphCache::layout_text_face`].
#[derive(Debug, Clone, PartialEq)]
pub struct TextBlock {
    /// The lines, top to bottom.
    pub lines: Vec<BlockLine>,
    /// Width: the widest line, px.
    pub width_px: f64,
    /// Height of the unrotated box, px (`ymax − ymin`).
    pub height_px: f64,
    /// Descent of the last line below its baseline, px.
    pub descent_px: f64,
    /// Distance from the top of the box to the last line's baseline, px.
    pub baseline_px: f64,
}

/// A [`TextBlock`] placed at an anchor: every line's pen origin and the window extent.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedBlock {
    /// Pen origin (left end of the baseline) of each line, display coordinates (y up).
    pub pens: Vec<(f64, f64)>,
    /// `Text.get_window_extent`: `(x0, y0, x1, y1)` in display coordinates.
    pub extent: (f64, f64, f64, f64),
    /// The rotated lower-left corner of the unrotated box, display coordinates: where
    /// the text's bbox patch is translated to (`posx + x_box`, `posy + y_box`).
    pub corner: (f64, f64),
}

impl GlyphCache {
    /// Lays out `s` at `size_pt` and `dpi` as `Text._get_layout` does: one line per
    /// `\n`, each mathtext when it has an even number of unescaped `$` (else plain text
    /// with `\$` shown as `$`), lines aligned by `multialignment` (matplotlib uses `ha`
    /// when it is not set). Mathtext errors are reported as errors naming the line.
    /// Plain lines are in `face`, whose OS/2 metrics set the minimum line ascent and
    /// descent (as `Text._get_layout` reads them from the font in use). `linespacing`
    /// `None` is 'normal' (line heights from each line's own metrics, at least the
    /// font's); a number fixes every line's height to that multiple of the font's
    /// typographic ascent + descent.
    pub fn layout_text_face(
        &mut self,
        s: &str,
        size_pt: f64,
        dpi: f64,
        multialignment: HorizontalAlignment,
        face: FontFace,
        linespacing: Option<f64>,
    ) -> Result<TextBlock> {
        let parts: Vec<&str> = s.split('\n').collect();
        let info = &self.face(face).info;
        let scale = 1.0 / info.units_per_em as f64 * size_pt * dpi / 72.0;
        let line_gap = if parts.len() == 1 {
            0.0
        } else {
            info.typo_line_gap * scale
        };
        let min_ascent = info.typo_ascender * scale;
        let min_descent = -(info.typo_descender * scale);
        let mut lines = Vec::with_capacity(parts.len());
        let mut thisy = 0.0;
        let (mut baseline, mut descent) = (0.0, 0.0);
        let mut ws = Vec::with_capacity(parts.len());
        for part in parts {
            let (shaped, math) = if is_math(part) {
                let m = layout_math_face(self, part, size_pt, dpi, face)?;
                (m.to_shaped_like(), Some(m))
            } else {
                (
                    self.shape_face(&part.replace(r"\$", "$"), size_pt, dpi, face)?,
                    None,
                )
            };
            let drawn = !part.is_empty();
            let (w, h, d) = if drawn {
                (
                    shaped.width_px,
                    shaped.ink_ascent_px + shaped.ink_descent_px,
                    shaped.ink_descent_px,
                )
            } else {
                (0.0, 0.0, 0.0)
            };
            let a = h - d;
            let (a, d) = match linespacing {
                None => (
                    py_max(a, min_ascent) + line_gap / 2.0,
                    py_max(d, min_descent) + line_gap / 2.0,
                ),
                Some(k) => {
                    let line_height = k * (min_ascent + min_descent);
                    let leading = line_height - (a + d);
                    (a + leading / 2.0, d + leading / 2.0)
                }
            };
            baseline = a - thisy;
            thisy -= a;
            ws.push(w);
            lines.push(BlockLine {
                text: part.to_owned(),
                shaped,
                math,
                offset: (0.0, thisy),
                drawn,
            });
            thisy -= d;
            descent = d;
        }
        let width = ws
            .iter()
            .copied()
            .fold(f64::NAN, |m, w| if m.is_nan() { w } else { py_max(m, w) });
        for (line, w) in lines.iter_mut().zip(&ws) {
            line.offset.0 = match multialignment {
                HorizontalAlignment::Left => 0.0,
                HorizontalAlignment::Center => 0.0 + width / 2.0 - w / 2.0,
                HorizontalAlignment::Right => 0.0 + width - w,
            };
        }
        let ymin = lines.last().map_or(0.0, |l| l.offset.1) - descent;
        Ok(TextBlock {
            lines,
            width_px: width,
            height_px: 0.0 - ymin,
            descent_px: descent,
            baseline_px: baseline,
        })
    }
}

/// Python's `min(a, b)`.
fn py_min(a: f64, b: f64) -> f64 {
    if b < a {
        b
    } else {
        a
    }
}

/// Python's `max(a, b)`.
fn py_max(a: f64, b: f64) -> f64 {
    if b > a {
        b
    } else {
        a
    }
}

impl TextBlock {
    /// Places the block at `anchor` (display, y up) with `ha`/`va`, rotated
    /// `rotation_deg`, as `Text._get_layout` and `Text.draw` do, with `rotation_mode` 'anchor' (`anchor_mode` true: the
    /// unrotated box is aligned, then rotated about the anchor) or 'default' (false: the
    /// box is rotated, then its axis-aligned extent is aligned with the anchor).
    pub fn place_mode(
        &self,
        anchor: (f64, f64),
        ha: HorizontalAlignment,
        va: VerticalAlignment,
        rotation_deg: f64,
        anchor_mode: bool,
    ) -> PlacedBlock {
        let angle = rotation_deg.rem_euclid(360.0);
        let (xmin, xmax, ymax) = (0.0, self.width_px, 0.0);
        let ymin = 0.0 - self.height_px;
        let baseline = self.baseline_px;
        let offset_x = match ha {
            HorizontalAlignment::Left => xmin,
            HorizontalAlignment::Right => xmax,
            HorizontalAlignment::Center => (xmin + xmax) / 2.0,
        };
        let offset_y = match va {
            VerticalAlignment::Bottom => ymin,
            VerticalAlignment::Top => ymax,
            VerticalAlignment::Center => (ymin + ymax) / 2.0,
            VerticalAlignment::Baseline => ymax - baseline,
            VerticalAlignment::CenterBaseline => ymax - baseline / 2.0,
        };
        let corners = [(xmin, ymin), (xmin, ymax), (xmax, ymax), (xmax, ymin)]
            .map(|(x, y)| rotate_point(angle, x, y));
        let lo = |v: [f64; 4]| v.iter().copied().fold(f64::INFINITY, py_min);
        let hi = |v: [f64; 4]| v.iter().copied().fold(f64::NEG_INFINITY, py_max);
        let (cx, cy) = (corners.map(|c| c.0), corners.map(|c| c.1));
        let (rx0, rx1, ry0, ry1) = (lo(cx), hi(cx), lo(cy), hi(cy));
        let (w_rot, h_rot) = (rx1 - rx0, ry1 - ry0);
        let (ox, oy) = if anchor_mode {
            rotate_point(angle, offset_x, offset_y)
        } else {
            let ox = match ha {
                HorizontalAlignment::Left => rx0,
                HorizontalAlignment::Right => rx1,
                HorizontalAlignment::Center => (rx0 + rx1) / 2.0,
            };
            let oy = match va {
                VerticalAlignment::Bottom => ry0,
                VerticalAlignment::Top => ry1,
                VerticalAlignment::Center => (ry0 + ry1) / 2.0,
                VerticalAlignment::Baseline => ry0 + self.descent_px,
                VerticalAlignment::CenterBaseline => ry0 + h_rot - baseline / 2.0,
            };
            (ox, oy)
        };
        let pens = self
            .lines
            .iter()
            .map(|l| {
                let (lx, ly) = rotate_point(angle, l.offset.0, l.offset.1);
                ((lx - ox) + anchor.0, (ly - oy) + anchor.1)
            })
            .collect();
        let (x0, y0) = (rx0 - ox, ry0 - oy);
        let extent = (
            x0 + anchor.0,
            y0 + anchor.1,
            (x0 + w_rot) + anchor.0,
            (y0 + h_rot) + anchor.1,
        );
        let corner = (
            anchor.0 + (corners[0].0 - ox),
            anchor.1 + (corners[0].1 - oy),
        );
        PlacedBlock {
            pens,
            extent,
            corner,
        }
    }

    /// Calls `glyph` with every glyph mask and `rule` with every mathtext rule (device
    /// contours) of the block drawn with the line pens of `placed`, on a canvas
    /// `canvas_height_px` rows high, rotated `angle_deg`: what `Text.draw` draws.
    pub fn draw(
        &self,
        cache: &mut GlyphCache,
        placed: &PlacedBlock,
        canvas_height_px: u32,
        angle_deg: f64,
        mut glyph: impl FnMut(GlyphMaskRef<'_>),
        mut rule: impl FnMut(Vec<(f64, f64)>),
    ) {
        for (line, &(x, y)) in self.lines.iter().zip(&placed.pens) {
            if !line.drawn {
                continue;
            }
            match &line.math {
                Some(m) => {
                    super::rasterize_math(cache, m, x, y, canvas_height_px, angle_deg, &mut glyph);
                    for c in m.rect_contours(x, y, canvas_height_px, angle_deg) {
                        rule(c);
                    }
                }
                None => {
                    cache.for_each_mask(&line.shaped, x, y, canvas_height_px, angle_deg, &mut glyph)
                }
            }
        }
    }
}
