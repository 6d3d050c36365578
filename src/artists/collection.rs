//! Path collections of polygons and segments: the `FillBetweenPolyCollection` of
//! `fill_between` / `fill_betweenx` / `stackplot` and the `LineCollection` of `errorbar`'s
//! bars, drawn as matplotlib's `Collection.draw` does: `draw_path_collection` (one path
//! at a time, never simplified) or, for one path with one face and one edge colour, the
//! single-path `draw_markers` shortcut.

use super::line::LineStyle;
use super::paint::{CapStyle, JoinStyle, MarkersDraw, Paint, PathCmd, PathDraw, Snap, Stroke};
use super::{DataLim, DrawCtx};
use crate::color::Color;

/// A collection of paths in data coordinates sharing one face, edge and line width.
#[derive(Debug, Clone)]
pub(crate) struct Collection {
    /// The paths' vertices (a closed path without its closing vertex).
    pub paths: Vec<Vec<(f64, f64)>>,
    /// Polygons (`CLOSEPOLY` after the last vertex) or open polylines.
    pub closed: bool,
    /// Face colour (`None` = 'none').
    pub face: Option<Color>,
    /// Edge colour (`None` = 'none').
    pub edge: Option<Color>,
    pub linewidth_pt: f64,
    pub linestyle: LineStyle,
    pub alpha: Option<f64>,
    pub zorder: f64,
    pub label: Option<String>,
    /// The data limits the collection added when it was made (`add_collection` /
    /// `vlines`' corners).
    pub limits: DataLim,
    /// The figure-size limit of the single-path shortcut is checked at draw time.
    pub single_path_shortcut: bool,
    /// `capstyle` of the edges (the graphics context's butt by default).
    pub capstyle: CapStyle,
    /// `hatch` of every path (validated when set).
    pub hatch: Option<String>,
}

impl Collection {
    fn with_alpha(&self, c: Color) -> Color {
        match self.alpha {
            Some(a) => c.with_alpha(a),
            None => c,
        }
    }

    /// The face colour as drawn (alpha applied), `None` for 'none'.
    pub(crate) fn face_rgba(&self) -> Option<Color> {
        self.face.map(|c| self.with_alpha(c))
    }

    /// The edge colour as drawn (alpha applied), `None` for 'none'.
    pub(crate) fn edge_rgba(&self) -> Option<Color> {
        self.edge.map(|c| self.with_alpha(c))
    }

    fn stroke(&self, dpi: f64) -> Option<Stroke> {
        let edge = self.edge_rgba()?.to_rgba8_round();
        let lw = self.linewidth_pt;
        if lw <= 0.0 || edge[3] == 0 || self.linestyle == LineStyle::None {
            return None;
        }
        let k = dpi / 72.0;
        let dashes = match &self.linestyle {
            LineStyle::Dashed => Some((0.0, vec![3.7, 1.6])),
            LineStyle::DashDot => Some((0.0, vec![6.4, 1.6, 1.0, 1.6])),
            LineStyle::Dotted => Some((0.0, vec![1.0, 1.65])),
            LineStyle::Dashes(o, p) => Some((*o, p.clone())),
            _ => None,
        }
        .map(|(o, p)| super::paint::Dashes {
            offset_px: (o * lw) * k,
            pattern_px: p.iter().map(|v| (v * lw) * k).collect(),
        });
        // The graphics context's defaults: butt caps (unless set), round joins.
        Some(Stroke {
            width_px: lw * k,
            color: edge,
            cap: self.capstyle,
            join: JoinStyle::Round,
            dashes,
        })
    }

    fn commands(&self, pts: &[(f64, f64)], to: &dyn Fn(f64, f64) -> (f64, f64)) -> Vec<PathCmd> {
        let mut path: Vec<PathCmd> = pts
            .iter()
            .enumerate()
            .map(|(i, &(x, y))| {
                let p = to(x, y);
                if i == 0 {
                    PathCmd::MoveTo(p.0, p.1)
                } else {
                    PathCmd::LineTo(p.0, p.1)
                }
            })
            .collect();
        if self.closed && !path.is_empty() {
            path.push(PathCmd::ClosePoly);
        }
        path
    }

    /// `Collection.draw`.
    pub(crate) fn paint(&self, ctx: &DrawCtx) -> Vec<Paint> {
        let face = self.face_rgba().map(|c| c.to_rgba8_round());
        let stroke = self.stroke(ctx.dpi);
        if self.single_path_shortcut
            && self.paths.len() == 1
            && self.face.is_some()
            && self.edge.is_some()
            && self.linestyle_is_solid()
        {
            // draw_markers with the path as the marker at the offset (0, 0): the marker
            // is the path in display coordinates, flipped, stamped at (0, H).
            let disp: Vec<(f64, f64)> = self.paths[0]
                .iter()
                .map(|&(x, y)| ctx.to_display(x, y))
                .collect();
            let fin = disp.iter().filter(|p| p.0.is_finite() && p.1.is_finite());
            let (mut x0, mut x1, mut y0, mut y1) = (
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::INFINITY,
                f64::NEG_INFINITY,
            );
            for p in fin {
                x0 = x0.min(p.0);
                x1 = x1.max(p.0);
                y0 = y0.min(p.1);
                y1 = y1.max(p.1);
            }
            let (fw, fh) = (ctx.canvas_px.0 as f64, ctx.h);
            if x1 - x0 < fw && y1 - y0 < fh {
                let to = |x: f64, y: f64| {
                    let d = ctx.to_display(x, y);
                    (d.0, -d.1)
                };
                return vec![Paint::Markers(MarkersDraw {
                    marker: self.commands(&self.paths[0], &to),
                    fill: face.filter(|c| c[3] != 0),
                    stroke,
                    positions: vec![(0.0, ctx.h)],
                    clip: Some(ctx.clip),
                    snap: Snap::Auto,
                })];
            }
        }
        let to = |x: f64, y: f64| ctx.to_device_blend(x, y, super::line::Blend::Data);
        self.paint_paths(ctx.dpi, &to, Some(ctx.clip))
    }

    /// `draw_path_collection`: one path at a time through `to` (device pixels).
    pub(crate) fn paint_paths(
        &self,
        dpi: f64,
        to: &dyn Fn(f64, f64) -> (f64, f64),
        clip: Option<super::paint::ClipBox>,
    ) -> Vec<Paint> {
        let face = self.face_rgba().map(|c| c.to_rgba8_round());
        let stroke = self.stroke(dpi);
        // Collection.get_hatchcolor: the edge colours, or rc patch.edgecolor (black) with
        // the collection's alpha when the edge is 'none'.
        let hatch = self
            .hatch
            .as_deref()
            .filter(|h| !h.is_empty())
            .and_then(|h| {
                let color = match self.edge {
                    Some(e) => self.with_alpha(e),
                    None => self.with_alpha(Color::BLACK),
                };
                super::hatch::patch_hatch(h, color, dpi)
            });
        let mut out = Vec::with_capacity(self.paths.len());
        for p in &self.paths {
            if p.is_empty() || (face.is_none() && stroke.is_none()) {
                continue;
            }
            let draw = PathDraw {
                path: self.commands(p, to),
                fill: face,
                stroke: stroke.clone(),
                clip,
                snap: Snap::Auto,
                simplify: false,
                antialiased: true,
            };
            out.push(match &hatch {
                Some(h) => Paint::HatchedPath(draw, h.clone()),
                None => Paint::Path(draw),
            });
        }
        out
    }

    fn linestyle_is_solid(&self) -> bool {
        matches!(self.linestyle, LineStyle::Solid | LineStyle::None)
    }

    /// The display paths (closing vertex included) for the legend's `'best'` test.
    pub(crate) fn display_paths(&self, ctx: &DrawCtx) -> Vec<Vec<(f64, f64)>> {
        self.paths
            .iter()
            .map(|p| {
                let mut v: Vec<(f64, f64)> = p.iter().map(|&(x, y)| ctx.to_display(x, y)).collect();
                if self.closed {
                    if let Some(&f) = v.first() {
                        v.push(f);
                    }
                }
                v
            })
            .collect()
    }
}
