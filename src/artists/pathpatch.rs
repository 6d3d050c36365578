//! Path patches (`matplotlib.patches.PathPatch`, `Wedge`): a path with codes in data
//! coordinates (lines and cubic Béziers), drawn with the patch's `draw_path`.

use super::line::Blend;
use super::paint::{Paint, PathCmd};
use super::patch::Patch;
use super::{DataLim, DrawCtx};
use crate::raster::pathconv::{Cmd, Vtx};
use crate::ticks::AxisScale;
use crate::transform::Affine;

/// A path patch in data coordinates with a patch's colours and line.
#[derive(Debug, Clone)]
pub struct PathPatch {
    /// matplotlib's vertices and codes, one command per vertex (a cubic is three
    /// `Curve4` vertices; `Close` keeps its vertex, as `Path` does).
    pub(crate) verts: Vec<Vtx>,
    /// Colours, line, alpha, zorder and label (its `rect` is unused).
    pub(crate) patch: Patch,
    /// `clip_on`: clipped to the Axes box.
    pub(crate) clip_on: bool,
    /// A `Shadow`'s shift `(ox, oy)` in points, applied in data coordinates before
    /// `transData` (`Affine2D().translate(ox * dpi / 72, oy * dpi / 72) + transData`).
    pub(crate) shadow_offset_pt: Option<(f64, f64)>,
}

impl PathPatch {
    /// The path in device pixels (`transData` then Agg's flip).
    fn device_path(&self, ctx: &DrawCtx) -> Vec<PathCmd> {
        let shifted = self.shadow_offset_pt.map(|(ox, oy)| {
            let flip = Affine {
                sx: 1.0,
                shy: 0.0,
                shx: 0.0,
                sy: -1.0,
                tx: 0.0,
                ty: ctx.h,
            };
            Affine::translate(ox * ctx.dpi / 72.0, oy * ctx.dpi / 72.0)
                .then(&ctx.data_display)
                .then(&flip)
        });
        let dev = |x: f64, y: f64| match &shifted {
            Some(t) => {
                let s = |sc: AxisScale, v: f64| if v.is_nan() { v } else { sc.transform(v) };
                t.apply(s(ctx.xscale, x), s(ctx.yscale, y))
            }
            None => ctx.to_device_blend(x, y, Blend::Data),
        };
        let mut out = Vec::with_capacity(self.verts.len());
        let mut i = 0;
        while i < self.verts.len() {
            let (cmd, x, y) = self.verts[i];
            let p = dev(x, y);
            match cmd {
                Cmd::MoveTo => out.push(PathCmd::MoveTo(p.0, p.1)),
                Cmd::LineTo => out.push(PathCmd::LineTo(p.0, p.1)),
                Cmd::Curve3 if i + 1 < self.verts.len() => {
                    let q = dev(self.verts[i + 1].1, self.verts[i + 1].2);
                    out.push(PathCmd::Curve3(p.0, p.1, q.0, q.1));
                    i += 1;
                }
                Cmd::Curve4 if i + 2 < self.verts.len() => {
                    let q = dev(self.verts[i + 1].1, self.verts[i + 1].2);
                    let r = dev(self.verts[i + 2].1, self.verts[i + 2].2);
                    out.push(PathCmd::Curve4(p.0, p.1, q.0, q.1, r.0, r.1));
                    i += 2;
                }
                Cmd::Close => out.push(PathCmd::ClosePoly),
                _ => {}
            }
            i += 1;
        }
        out
    }

    /// `Patch.draw` of the path.
    pub(crate) fn paint(&self, ctx: &DrawCtx) -> Vec<Paint> {
        let clip = self.clip_on.then_some(ctx.clip);
        self.patch.paint_path(self.device_path(ctx), ctx.dpi, clip)
    }

    /// The vertices in display coordinates (y up), for the legend's `loc='best'`.
    pub(crate) fn display_verts(&self, ctx: &DrawCtx) -> Vec<Vtx> {
        self.verts
            .iter()
            .map(|&(c, x, y)| {
                let (u, v) = ctx.to_display(x, y);
                (c, u, v)
            })
            .collect()
    }

    /// The data limits of the path's vertices (the end points of its segments; a
    /// cubic's extrema between them are not added).
    pub(crate) fn data_limits(&self) -> DataLim {
        let mut lim = DataLim::default();
        let mut k = 0;
        for &(c, x, y) in &self.verts {
            match c {
                Cmd::Curve4 => {
                    k += 1;
                    if k % 3 == 0 {
                        lim.add(Some(x), Some(y));
                    }
                }
                Cmd::MoveTo | Cmd::LineTo => {
                    k = 0;
                    lim.add(Some(x), Some(y));
                }
                _ => {}
            }
        }
        lim
    }
}

/// `Legend._find_best_position`'s share of a non-Rectangle patch: how many of its
/// vertices (display coordinates) lie in the box, and whether the path, its curves
/// flattened as `path_intersects_rectangle` does, crosses it.
pub(crate) fn badness(
    verts: &[Vtx],
    inside: impl Fn(f64, f64) -> bool,
    seg: impl Fn(f64, f64, f64, f64) -> bool,
) -> (usize, bool) {
    let count = verts.iter().filter(|v| inside(v.1, v.2)).count();
    let mut flat = crate::raster::curves::CurveFlattener::new(verts.iter().copied());
    let Some((_, mut x1, mut y1)) = flat.next() else {
        return (count, false);
    };
    if inside(x1, y1) {
        return (count, true);
    }
    for (_, x2, y2) in flat {
        if seg(x1, y1, x2, y2) {
            return (count, true);
        }
        (x1, y1) = (x2, y2);
    }
    (count, false)
}

/// `Path.arc(theta1, theta2)` (degrees): the unit-circle arc as cubic Béziers, with
/// numpy's float order (`linspace` of the angles, `np.cos`/`np.sin` from libm).
pub(crate) fn unit_arc(theta1: f64, theta2: f64) -> Vec<Vtx> {
    let halfpi = std::f64::consts::PI * 0.5;
    let n_turns = (theta2 - theta1) / 360.0;
    let nearest = n_turns.round_ties_even();
    let full = nearest != 0.0 && (n_turns - nearest).abs() <= 1e-12;
    let eta2 = if full {
        theta1 + 360.0
    } else {
        theta2 - 360.0 * n_turns.floor()
    };
    let d2r = std::f64::consts::PI / 180.0;
    let (eta1, eta2) = (theta1 * d2r, eta2 * d2r);
    let n = 2f64.powf(((eta2 - eta1) / halfpi).ceil()) as usize;
    let n = n.max(1);
    let deta = (eta2 - eta1) / n as f64;
    let t = (0.5 * deta).tan();
    let alpha = deta.sin() * ((4.0 + 3.0 * t * t).sqrt() - 1.0) / 3.0;
    let step = (eta2 - eta1) / n as f64;
    let steps: Vec<f64> = (0..=n)
        .map(|i| if i == n { eta2 } else { i as f64 * step + eta1 })
        .collect();
    let cos: Vec<f64> = steps.iter().map(|s| s.cos()).collect();
    let sin: Vec<f64> = steps.iter().map(|s| s.sin()).collect();
    let mut v = Vec::with_capacity(3 * n + 1);
    v.push((Cmd::MoveTo, cos[0], sin[0]));
    for i in 0..n {
        let (xa, ya, xb, yb) = (cos[i], sin[i], cos[i + 1], sin[i + 1]);
        v.push((Cmd::Curve4, xa + alpha * -ya, ya + alpha * xa));
        v.push((Cmd::Curve4, xb - alpha * -yb, yb - alpha * xb));
        v.push((Cmd::Curve4, xb, yb));
    }
    v
}

/// `Wedge(center, r, theta1, theta2)._path`: the arc, a line to the centre, closed (a
/// full circle moves to the centre instead).
pub(crate) fn wedge_path(center: (f64, f64), r: f64, theta1: f64, theta2: f64) -> Vec<Vtx> {
    let (t1, t2, connector) = if ((theta2 - theta1) - 360.0).abs() <= 1e-12 {
        (0.0, 360.0, Cmd::MoveTo)
    } else {
        (theta1, theta2, Cmd::LineTo)
    };
    let mut v = unit_arc(t1, t2);
    v.push((connector, 0.0, 0.0));
    v.push((Cmd::Close, 0.0, 0.0));
    v.iter()
        .map(|&(c, x, y)| (c, x * r + center.0, y * r + center.1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarter_arc_is_two_cubics() {
        let a = unit_arc(0.0, 90.0);
        // n = 2 ** ceil(1.0) = 2 segments.
        assert_eq!(a.len(), 7);
        assert_eq!(a[0], (Cmd::MoveTo, 1.0, 0.0));
        assert!((a[6].1).abs() < 1e-15 && (a[6].2 - 1.0).abs() < 1e-15);
        let w = wedge_path((0.0, 0.0), 1.0, 0.0, 360.0);
        assert_eq!(w[w.len() - 2].0, Cmd::MoveTo);
    }
}
