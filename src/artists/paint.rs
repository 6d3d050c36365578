//! What the artists hand to the raster: paths in device pixels (origin top-left, y down)
//! with a fill, a stroke, a clip box and a snapping mode, and stamped markers — the
//! arguments of Agg's `draw_path` and `draw_markers`.
//!
//! [`emit`] turns them into draw operations. Until the raster has its path pipeline (clip
//! box, NaN removal, clipping, snapping, simplification, curves, dashes, joins and caps as
//! Agg draws them), it approximates them with the operations it has: flattened polylines,
//! NaN breaks, SNAP_AUTO, dashes, the stroke outliner (miter joins), and polygons clipped to
//! the clip box. Only this module changes when the raster gains the real operations.

use crate::raster::stroke::{stroke, Cap};
use crate::scene::DrawOp;

/// One path command, in device pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PathCmd {
    /// Starts a sub-path.
    MoveTo(f64, f64),
    /// A straight segment.
    LineTo(f64, f64),
    /// A quadratic Bézier: control point, end point.
    Curve3(f64, f64, f64, f64),
    /// A cubic Bézier: two control points, end point.
    Curve4(f64, f64, f64, f64, f64, f64),
    /// Closes the sub-path.
    ClosePoly,
}

/// matplotlib's `snap` (None = auto).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Snap {
    /// Snap rectilinear paths of at most 1024 vertices (SNAP_AUTO).
    Auto,
    /// Snap every vertex.
    On,
    /// Never snap.
    Off,
}

/// How open stroke ends end (matplotlib's capstyle).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CapStyle {
    /// 'butt'.
    Butt,
    /// 'round'.
    Round,
    /// 'projecting'.
    Projecting,
}

/// How stroke segments meet (matplotlib's joinstyle).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinStyle {
    /// 'miter'.
    Miter,
    /// 'round'.
    Round,
    /// 'bevel'.
    Bevel,
}

/// A dash pattern in device pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Dashes {
    /// Offset into the pattern.
    pub offset_px: f64,
    /// On, off, on, off... lengths.
    pub pattern_px: Vec<f64>,
}

/// A stroke.
#[derive(Debug, Clone, PartialEq)]
pub struct Stroke {
    /// Width in pixels.
    pub width_px: f64,
    /// Straight RGBA8.
    pub color: [u8; 4],
    /// Cap style.
    pub cap: CapStyle,
    /// Join style.
    pub join: JoinStyle,
    /// Dashes, if dashed.
    pub dashes: Option<Dashes>,
}

/// A clip box in device pixels (x0 <= x1, y0 <= y1, y down), as Agg's `set_clipbox`
/// receives it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClipBox {
    /// Left.
    pub x0: f64,
    /// Top.
    pub y0: f64,
    /// Right.
    pub x1: f64,
    /// Bottom.
    pub y1: f64,
}

/// `draw_path`'s arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct PathDraw {
    /// The path in device pixels.
    pub path: Vec<PathCmd>,
    /// Face colour.
    pub fill: Option<[u8; 4]>,
    /// Stroke.
    pub stroke: Option<Stroke>,
    /// Clip box.
    pub clip: Option<ClipBox>,
    /// Snapping.
    pub snap: Snap,
    /// `path.should_simplify`.
    pub simplify: bool,
    /// Anti-aliased.
    pub antialiased: bool,
}

/// `draw_markers`' arguments: one marker path (device pixels about the origin) stamped at
/// every position (device pixels; the raster floors them after the +0.5 shift).
#[derive(Debug, Clone, PartialEq)]
pub struct MarkersDraw {
    /// The marker outline about (0, 0).
    pub marker: Vec<PathCmd>,
    /// Face colour.
    pub fill: Option<[u8; 4]>,
    /// Edge stroke.
    pub stroke: Option<Stroke>,
    /// Marker positions.
    pub positions: Vec<(f64, f64)>,
    /// Clip box.
    pub clip: Option<ClipBox>,
    /// Snapping.
    pub snap: Snap,
}

/// Something an artist draws.
#[derive(Debug, Clone, PartialEq)]
pub enum Paint {
    /// A path.
    Path(PathDraw),
    /// Stamped markers.
    Markers(MarkersDraw),
}

type Pt = (f64, f64);

/// Flattens a path into polylines (closed flag), breaking at non-finite vertices.
fn polylines(path: &[PathCmd]) -> Vec<(Vec<Pt>, bool)> {
    let mut out: Vec<(Vec<Pt>, bool)> = Vec::new();
    let mut cur: Vec<Pt> = Vec::new();
    let finite = |x: f64, y: f64| x.is_finite() && y.is_finite();
    let flush = |cur: &mut Vec<Pt>, out: &mut Vec<(Vec<Pt>, bool)>, closed: bool| {
        if !cur.is_empty() {
            out.push((std::mem::take(cur), closed));
        }
    };
    let mut broken = false;
    for c in path {
        match *c {
            PathCmd::MoveTo(x, y) => {
                flush(&mut cur, &mut out, false);
                broken = !finite(x, y);
                if !broken {
                    cur.push((x, y));
                }
            }
            PathCmd::LineTo(x, y) => {
                if finite(x, y) {
                    if broken {
                        flush(&mut cur, &mut out, false);
                        broken = false;
                    }
                    cur.push((x, y));
                } else {
                    broken = true;
                }
            }
            PathCmd::Curve3(cx, cy, x, y) => {
                if let Some(&p0) = cur.last() {
                    for k in 1..=8 {
                        let t = f64::from(k) / 8.0;
                        let u = 1.0 - t;
                        cur.push((
                            u * u * p0.0 + 2.0 * u * t * cx + t * t * x,
                            u * u * p0.1 + 2.0 * u * t * cy + t * t * y,
                        ));
                    }
                }
            }
            PathCmd::Curve4(c1x, c1y, c2x, c2y, x, y) => {
                if let Some(&p0) = cur.last() {
                    for k in 1..=12 {
                        let t = f64::from(k) / 12.0;
                        let u = 1.0 - t;
                        let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
                        cur.push((
                            a * p0.0 + b * c1x + c * c2x + d * x,
                            a * p0.1 + b * c1y + c * c2y + d * y,
                        ));
                    }
                }
            }
            PathCmd::ClosePoly => flush(&mut cur, &mut out, !broken),
        }
    }
    flush(&mut cur, &mut out, false);
    out
}

fn mpl_round(v: f64) -> f64 {
    if v >= 0.0 {
        (v + 0.5).trunc()
    } else {
        (v - 0.5).trunc()
    }
}

fn snap_lines(lines: &mut [(Vec<Pt>, bool)], mode: Snap, width_px: f64) {
    let n: usize = lines.iter().map(|l| l.0.len()).sum();
    let rectilinear = lines.iter().all(|(l, _)| {
        l.windows(2)
            .all(|w| (w[0].0 - w[1].0).abs() < 1e-4 || (w[0].1 - w[1].1).abs() < 1e-4)
    });
    let on = match mode {
        Snap::On => true,
        Snap::Off => false,
        Snap::Auto => n <= 1024 && rectilinear,
    };
    if !on {
        return;
    }
    let o = if (mpl_round(width_px) as i64) % 2 == 1 {
        0.5
    } else {
        0.0
    };
    for (l, _) in lines.iter_mut() {
        for p in l.iter_mut() {
            *p = ((p.0 + 0.5).floor() + o, (p.1 + 0.5).floor() + o);
        }
    }
}

fn dash(line: &[Pt], d: &Dashes) -> Vec<Vec<Pt>> {
    let total: f64 = d.pattern_px.iter().sum();
    if total <= 0.0 || d.pattern_px.is_empty() {
        return vec![line.to_vec()];
    }
    let mut idx = 0;
    let mut left = d.pattern_px[0];
    let mut off = d.offset_px.rem_euclid(total);
    while off > 0.0 {
        if off >= left {
            off -= left;
            idx = (idx + 1) % d.pattern_px.len();
            left = d.pattern_px[idx];
        } else {
            left -= off;
            off = 0.0;
        }
    }
    let mut out = Vec::new();
    let mut cur: Vec<Pt> = Vec::new();
    if idx % 2 == 0 {
        if let Some(&p) = line.first() {
            cur.push(p);
        }
    }
    for w in line.windows(2) {
        let (a, b) = (w[0], w[1]);
        let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
        let mut pos = 0.0;
        while len - pos > left {
            pos += left;
            let t = pos / len;
            let p = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
            if idx % 2 == 0 {
                cur.push(p);
                out.push(std::mem::take(&mut cur));
            } else {
                cur.push(p);
            }
            idx = (idx + 1) % d.pattern_px.len();
            left = d.pattern_px[idx];
        }
        left -= len - pos;
        if idx % 2 == 0 {
            cur.push(b);
        }
    }
    if idx % 2 == 0 && cur.len() > 1 {
        out.push(cur);
    }
    out
}

/// Sutherland–Hodgman against one half-plane.
fn clip_half(poly: &[Pt], inside: impl Fn(Pt) -> bool, cut: impl Fn(Pt, Pt) -> Pt) -> Vec<Pt> {
    let mut out = Vec::with_capacity(poly.len());
    for i in 0..poly.len() {
        let a = poly[i];
        let b = poly[(i + 1) % poly.len()];
        match (inside(a), inside(b)) {
            (true, true) => out.push(b),
            (true, false) => out.push(cut(a, b)),
            (false, true) => {
                out.push(cut(a, b));
                out.push(b);
            }
            (false, false) => {}
        }
    }
    out
}

fn clip_poly(poly: &[Pt], c: &ClipBox) -> Vec<Pt> {
    let lerp_x = |a: Pt, b: Pt, x: f64| (x, a.1 + (b.1 - a.1) * (x - a.0) / (b.0 - a.0));
    let lerp_y = |a: Pt, b: Pt, y: f64| (a.0 + (b.0 - a.0) * (y - a.1) / (b.1 - a.1), y);
    let p = clip_half(poly, |p| p.0 >= c.x0, |a, b| lerp_x(a, b, c.x0));
    let p = clip_half(&p, |p| p.0 <= c.x1, |a, b| lerp_x(a, b, c.x1));
    let p = clip_half(&p, |p| p.1 >= c.y0, |a, b| lerp_y(a, b, c.y0));
    clip_half(&p, |p| p.1 <= c.y1, |a, b| lerp_y(a, b, c.y1))
}

/// Agg's pixel clip box from a clip box: `floor(v + 0.5)` on each edge.
fn pixel_clip(c: &ClipBox) -> ClipBox {
    let r = |v: f64| (v + 0.5).floor();
    ClipBox {
        x0: r(c.x0).max(0.0),
        y0: r(c.y0).max(0.0),
        x1: r(c.x1),
        y1: r(c.y1),
    }
}

fn push_polys(
    ops: &mut Vec<DrawOp>,
    polys: Vec<Vec<Pt>>,
    clip: Option<ClipBox>,
    color: [u8; 4],
    aa: bool,
) {
    let contours: Vec<Vec<Pt>> = match clip {
        Some(c) => polys
            .iter()
            .map(|p| clip_poly(p, &pixel_clip(&c)))
            .filter(|p| p.len() >= 3)
            .collect(),
        None => polys,
    };
    if !contours.is_empty() && color[3] != 0 {
        ops.push(DrawOp::Polygons {
            contours,
            color,
            antialiased: aa,
        });
    }
}

fn stroke_lines(lines: &[(Vec<Pt>, bool)], s: &Stroke) -> Vec<Vec<Pt>> {
    let cap = match s.cap {
        CapStyle::Butt => Cap::Butt,
        CapStyle::Projecting | CapStyle::Round => Cap::Projecting,
    };
    let mut polys = Vec::new();
    for (l, closed) in lines {
        let pieces = match &s.dashes {
            Some(d) => {
                let mut l2 = l.clone();
                if *closed {
                    if let Some(&p) = l.first() {
                        l2.push(p);
                    }
                }
                dash(&l2, d).into_iter().map(|p| (p, false)).collect()
            }
            None => vec![(l.clone(), *closed)],
        };
        for (p, c) in pieces {
            polys.extend(stroke(&p, c, s.width_px, cap, s.width_px));
        }
    }
    polys
}

/// Lowers a [`Paint`] to draw operations (see the module docs for what is approximated).
pub fn emit(ops: &mut Vec<DrawOp>, paint: &Paint) {
    match paint {
        Paint::Path(p) => {
            let mut lines = polylines(&p.path);
            let w = p
                .stroke
                .as_ref()
                .map_or(0.0, |s| if s.color[3] == 0 { 0.0 } else { s.width_px });
            snap_lines(&mut lines, p.snap, w);
            if let Some(f) = p.fill {
                let polys = lines.iter().map(|l| l.0.clone()).collect();
                push_polys(ops, polys, p.clip, f, p.antialiased);
            }
            if let Some(s) = &p.stroke {
                push_polys(ops, stroke_lines(&lines, s), p.clip, s.color, p.antialiased);
            }
        }
        Paint::Markers(m) => {
            let mut base = polylines(&m.marker);
            let w = m.stroke.as_ref().map_or(0.0, |s| s.width_px);
            let snapped = matches!(m.snap, Snap::On);
            snap_lines(&mut base, m.snap, w);
            let shift = if snapped { 0.0 } else { 0.5 };
            let clip = m.clip.map(|c| ClipBox {
                x1: c.x1 + 1.0,
                y1: c.y1 + 1.0,
                ..c
            });
            for &(x, y) in &m.positions {
                if !(x.is_finite() && y.is_finite()) {
                    continue;
                }
                let (ox, oy) = ((x + 0.5).floor() + shift, (y + 0.5).floor() + shift);
                let moved: Vec<(Vec<Pt>, bool)> = base
                    .iter()
                    .map(|(l, c)| (l.iter().map(|p| (p.0 + ox, p.1 + oy)).collect(), *c))
                    .collect();
                if let Some(f) = m.fill {
                    push_polys(
                        ops,
                        moved.iter().map(|l| l.0.clone()).collect(),
                        clip,
                        f,
                        true,
                    );
                }
                if let Some(s) = &m.stroke {
                    push_polys(ops, stroke_lines(&moved, s), clip, s.color, true);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nan_breaks_a_line() {
        let p = [
            PathCmd::MoveTo(0.0, 0.0),
            PathCmd::LineTo(1.0, 1.0),
            PathCmd::LineTo(f64::NAN, 1.0),
            PathCmd::LineTo(3.0, 1.0),
            PathCmd::LineTo(4.0, 1.0),
        ];
        let l = polylines(&p);
        assert_eq!(l.len(), 2);
        assert_eq!(l[1].0, vec![(3.0, 1.0), (4.0, 1.0)]);
    }

    #[test]
    fn dashes_cut_a_segment() {
        let d = Dashes {
            offset_px: 0.0,
            pattern_px: vec![2.0, 1.0],
        };
        let parts = dash(&[(0.0, 0.0), (7.0, 0.0)], &d);
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0], vec![(0.0, 0.0), (2.0, 0.0)]);
        assert_eq!(parts[2], vec![(6.0, 0.0), (7.0, 0.0)]);
    }
}
