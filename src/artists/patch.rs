//! Patches: the rectangles of `axhspan` / `axvspan` (`matplotlib.patches.Rectangle` in a
//! blended transform), drawn with `draw_path` (face, then edge).

use super::line::{Blend, LineStyle};
use super::paint::{CapStyle, ClipBox, Dashes, JoinStyle, Paint, PathCmd, PathDraw, Snap, Stroke};
use super::{DataLim, DrawCtx};
use crate::color::Color;

/// A rectangle patch.
#[derive(Debug, Clone)]
pub struct Patch {
    /// `(x0, y0, width, height)` in the patch's coordinates.
    pub(crate) rect: (f64, f64, f64, f64),
    pub(crate) blend: Blend,
    /// Face colour (`None` = 'none').
    pub(crate) face: Option<Color>,
    /// Edge colour (`None` = 'none').
    pub(crate) edge: Option<Color>,
    pub(crate) linewidth_pt: f64,
    pub(crate) linestyle: LineStyle,
    pub(crate) alpha: Option<f64>,
    pub(crate) zorder: f64,
    pub(crate) label: Option<String>,
    /// `hatch` (validated when set).
    pub(crate) hatch: Option<String>,
}

impl Patch {
    fn with_alpha(&self, c: Color) -> Color {
        match self.alpha {
            Some(a) => c.with_alpha(a),
            None => c,
        }
    }

    /// `Patch.draw`: one `draw_path` with the face and the edge.
    pub(crate) fn paint(&self, ctx: &DrawCtx) -> Vec<Paint> {
        let (x0, y0, w, h) = self.rect;
        let corners = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)];
        let mut path: Vec<PathCmd> = corners
            .iter()
            .enumerate()
            .map(|(i, &(u, v))| {
                let p = ctx.to_device_blend(u * w + x0, v * h + y0, self.blend);
                if i == 0 {
                    PathCmd::MoveTo(p.0, p.1)
                } else {
                    PathCmd::LineTo(p.0, p.1)
                }
            })
            .collect();
        path.pop();
        path.push(PathCmd::ClosePoly);
        self.paint_path(path, ctx.dpi, Some(ctx.clip))
    }

    /// The patch's `draw_path` for a path already in device pixels.
    pub(crate) fn paint_path(
        &self,
        path: Vec<PathCmd>,
        dpi: f64,
        clip: Option<ClipBox>,
    ) -> Vec<Paint> {
        let edge = self.edge.map(|c| self.with_alpha(c));
        let lw = match edge {
            Some(c) if c.a != 0.0 && self.linestyle != LineStyle::None => self.linewidth_pt,
            _ => 0.0,
        };
        let k = dpi / 72.0;
        let stroke = (lw > 0.0).then(|| Stroke {
            width_px: lw * dpi / 72.0,
            color: edge.unwrap_or(Color::TRANSPARENT).to_rgba8_round(),
            cap: CapStyle::Butt,
            join: JoinStyle::Miter,
            dashes: match &self.linestyle {
                LineStyle::Dashed => Some((0.0, vec![3.7, 1.6])),
                LineStyle::DashDot => Some((0.0, vec![6.4, 1.6, 1.0, 1.6])),
                LineStyle::Dotted => Some((0.0, vec![1.0, 1.65])),
                LineStyle::Dashes(o, p) => Some((*o, p.clone())),
                _ => None,
            }
            .map(|(o, p)| Dashes {
                offset_px: (o * lw) * k,
                pattern_px: p.iter().map(|v| (v * lw) * k).collect(),
            }),
        });
        let face = self
            .face
            .map(|c| self.with_alpha(c).to_rgba8_round())
            .filter(|c| c[3] != 0);
        let draw = PathDraw {
            path,
            fill: face,
            stroke,
            clip,
            snap: Snap::Auto,
            simplify: false,
            antialiased: true,
        };
        // Patch.get_hatchcolor: the edge colour, or rc patch.edgecolor when it is invisible.
        let hatch_color = match edge {
            Some(c) if c.a != 0.0 => c,
            _ => Color::BLACK,
        };
        match self
            .hatch
            .as_deref()
            .and_then(|h| super::hatch::patch_hatch(h, hatch_color, dpi))
        {
            Some(h) => vec![Paint::HatchedPath(draw, h)],
            None => vec![Paint::Path(draw)],
        }
    }

    /// Data limits of the data coordinates of the rectangle.
    pub(crate) fn data_limits(&self) -> DataLim {
        let mut lim = DataLim::default();
        let (x0, y0, w, h) = self.rect;
        for (x, y) in [(x0, y0), (x0 + w, y0 + h)] {
            match self.blend {
                Blend::Data => lim.add(Some(x), Some(y)),
                Blend::XAxes => lim.add(None, Some(y)),
                Blend::YAxes => lim.add(Some(x), None),
            }
        }
        lim
    }
}
