//! `Path.contains_point(point, transform, radius)` as matplotlib's `_path.h` computes it
//! (`points_in_path`): the transformed path's curves flattened by Agg's `conv_curve`, then,
//! for a radius other than 0, offset by `conv_contour` (`vcgen_contour` with `math_stroke`'s
//! defaults: miter joins, miter limit 4, inner miter joins with limit 1.01, width
//! `radius / 2` to the right of the path's direction), and the point tested by
//! `point_in_path_impl`'s crossing rule. `Patch.contains` (an annotation arrow's `patchA`)
//! passes its edge width in points as the radius, in display pixels.

use super::curves::CurveFlattener;
use super::pathconv::{Cmd, Vtx};
use super::strokegen::{calc_intersection, cross_product};

const VERTEX_DIST_EPSILON: f64 = 1e-14;

fn calc_distance(x1: f64, y1: f64, x2: f64, y2: f64) -> f64 {
    let (dx, dy) = (x2 - x1, y2 - y1);
    (dx * dx + dy * dy).sqrt()
}

/// Agg's `vertex_dist`: a point and the distance to the next one.
#[derive(Debug, Clone, Copy)]
struct VDist {
    x: f64,
    y: f64,
    dist: f64,
}

/// `vertex_dist::operator()`: stores the distance to `b` in `a`; false when they coincide.
fn measure(a: &mut VDist, b: &VDist) -> bool {
    a.dist = calc_distance(a.x, a.y, b.x, b.y);
    let ret = a.dist > VERTEX_DIST_EPSILON;
    if !ret {
        a.dist = 1.0 / VERTEX_DIST_EPSILON;
    }
    ret
}

/// Agg's `vertex_sequence<vertex_dist>`.
#[derive(Debug, Default)]
struct Sequence(Vec<VDist>);

impl Sequence {
    fn check(&mut self, i: usize, j: usize) -> bool {
        let b = self.0[j];
        measure(&mut self.0[i], &b)
    }

    fn add(&mut self, v: VDist) {
        let n = self.0.len();
        if n > 1 && !self.check(n - 2, n - 1) {
            self.0.pop();
        }
        self.0.push(v);
    }

    fn modify_last(&mut self, v: VDist) {
        self.0.pop();
        self.add(v);
    }

    fn close(&mut self, closed: bool) {
        while self.0.len() > 1 {
            let n = self.0.len();
            if self.check(n - 2, n - 1) {
                break;
            }
            if let Some(t) = self.0.pop() {
                self.modify_last(t);
            }
        }
        if closed {
            while self.0.len() > 1 {
                let n = self.0.len();
                if self.check(n - 1, 0) {
                    break;
                }
                self.0.pop();
            }
        }
    }
}

/// `math_stroke` with Agg's defaults (the contour's settings) at `width / 2`.
struct Joiner {
    width: f64,
    width_abs: f64,
    width_sign: f64,
}

impl Joiner {
    fn new(w: f64) -> Self {
        let width = w * 0.5;
        Joiner {
            width,
            width_abs: width.abs(),
            width_sign: if width < 0.0 { -1.0 } else { 1.0 },
        }
    }

    /// `calc_miter` for `miter_join` (outer joins) and `miter_join_revert` (inner joins).
    fn miter(
        &self,
        out: &mut Vec<(f64, f64)>,
        v: [&VDist; 3],
        (dx1, dy1, dx2, dy2): (f64, f64, f64, f64),
        revert: bool,
        mut mlimit: f64,
        dbevel: f64,
    ) {
        let [v0, v1, v2] = v;
        let lim = self.width_abs * mlimit;
        let mut exceeded = true;
        let mut failed = true;
        let mut di = 1.0;
        let (mut xi, mut yi) = (v1.x, v1.y);
        match calc_intersection(
            v0.x + dx1,
            v0.y - dy1,
            v1.x + dx1,
            v1.y - dy1,
            v1.x + dx2,
            v1.y - dy2,
            v2.x + dx2,
            v2.y - dy2,
        ) {
            Some((x, y)) => {
                (xi, yi) = (x, y);
                di = calc_distance(v1.x, v1.y, xi, yi);
                if di <= lim {
                    out.push((xi, yi));
                    exceeded = false;
                }
                failed = false;
            }
            None => {
                let (x2, y2) = (v1.x + dx1, v1.y - dy1);
                if (cross_product(v0.x, v0.y, v1.x, v1.y, x2, y2) < 0.0)
                    == (cross_product(v1.x, v1.y, v2.x, v2.y, x2, y2) < 0.0)
                {
                    out.push((v1.x + dx1, v1.y - dy1));
                    exceeded = false;
                }
            }
        }
        if !exceeded {
            return;
        }
        if revert {
            out.push((v1.x + dx1, v1.y - dy1));
            out.push((v1.x + dx2, v1.y - dy2));
        } else if failed {
            mlimit *= self.width_sign;
            out.push((v1.x + dx1 + dy1 * mlimit, v1.y - dy1 + dx1 * mlimit));
            out.push((v1.x + dx2 - dy2 * mlimit, v1.y - dy2 - dx2 * mlimit));
        } else {
            let (x1, y1) = (v1.x + dx1, v1.y - dy1);
            let (x2, y2) = (v1.x + dx2, v1.y - dy2);
            di = (lim - dbevel) / (di - dbevel);
            out.push((x1 + (xi - x1) * di, y1 + (yi - y1) * di));
            out.push((x2 + (xi - x2) * di, y2 + (yi - y2) * di));
        }
    }

    /// `calc_join` with `miter_join` outside and `inner_miter` inside.
    fn join(&self, out: &mut Vec<(f64, f64)>, v: [&VDist; 3], len1: f64, len2: f64) {
        let [v0, v1, v2] = v;
        let w = self.width;
        let dx1 = w * (v1.y - v0.y) / len1;
        let dy1 = w * (v1.x - v0.x) / len1;
        let dx2 = w * (v2.y - v1.y) / len2;
        let dy2 = w * (v2.x - v1.x) / len2;
        out.clear();
        let d = (dx1, dy1, dx2, dy2);
        let cp = cross_product(v0.x, v0.y, v1.x, v1.y, v2.x, v2.y);
        if cp != 0.0 && (cp > 0.0) == (w > 0.0) {
            let mut limit = if len1 < len2 { len1 } else { len2 } / self.width_abs;
            if limit < 1.01 {
                limit = 1.01;
            }
            self.miter(out, v, d, true, limit, 0.0);
        } else {
            let (dx, dy) = ((dx1 + dx2) / 2.0, (dy1 + dy2) / 2.0);
            let dbevel = (dx * dx + dy * dy).sqrt();
            self.miter(out, v, d, false, 4.0, dbevel);
        }
    }
}

/// `conv_contour` (through `conv_adaptor_vcgen`) of a flattened path.
fn contour(src: &[Vtx], width: f64) -> Vec<Vtx> {
    let mut out = Vec::new();
    let Some(&(first, mut sx, mut sy)) = src.first() else {
        return out;
    };
    let joiner = Joiner::new(width);
    let mut last_stop = first == Cmd::Stop;
    let mut i = 1;
    let mut joins = Vec::new();
    while !last_stop {
        let mut seq = Sequence::default();
        let mut closed = false;
        seq.modify_last(VDist {
            x: sx,
            y: sy,
            dist: 0.0,
        });
        loop {
            let Some(&(cmd, x, y)) = src.get(i) else {
                last_stop = true;
                break;
            };
            i += 1;
            if cmd.is_vertex() {
                if cmd == Cmd::MoveTo {
                    (sx, sy) = (x, y);
                    break;
                }
                seq.add(VDist { x, y, dist: 0.0 });
            } else if cmd == Cmd::Close {
                closed = true;
                break;
            } else if cmd == Cmd::Stop {
                last_stop = true;
                break;
            }
        }
        seq.close(true);
        let n = seq.0.len();
        if n < 2 + usize::from(closed) {
            continue;
        }
        let mut cmd = Cmd::MoveTo;
        for k in 0..n {
            let (p, c, nx) = (&seq.0[(k + n - 1) % n], &seq.0[k], &seq.0[(k + 1) % n]);
            joiner.join(&mut joins, [p, c, nx], p.dist, c.dist);
            for &(x, y) in &joins {
                out.push((cmd, x, y));
                cmd = Cmd::LineTo;
            }
        }
        if closed {
            out.push((Cmd::Close, 0.0, 0.0));
        }
    }
    out
}

/// A closed path prepared for `contains_point` tests: flattened (and contoured for a
/// radius other than 0) once, tested many times.
#[derive(Debug, Clone)]
pub struct ContainsPath {
    stream: Vec<Vtx>,
}

impl ContainsPath {
    /// `path` (already in the coordinates of the points to test, its curves as Agg
    /// commands with their control points) with `radius` as `Path.contains_point` takes it.
    pub fn new(path: &[Vtx], radius: f64) -> Self {
        // point_in_path answers false for paths of fewer than 3 vertices.
        if path.len() < 3 {
            return ContainsPath { stream: Vec::new() };
        }
        let flat: Vec<Vtx> = CurveFlattener::new(path.iter().copied()).collect();
        let stream = if radius != 0.0 {
            contour(&flat, radius)
        } else {
            flat
        };
        ContainsPath { stream }
    }

    /// `point_in_path_impl` for one point.
    pub fn contains(&self, tx: f64, ty: f64) -> bool {
        if !(tx.is_finite() && ty.is_finite()) {
            return false;
        }
        let s = &self.stream;
        let mut i = 0;
        let mut next = || {
            let v = s.get(i).copied().unwrap_or((Cmd::Stop, 0.0, 0.0));
            i += 1;
            v
        };
        let is_end = |c: Cmd| c == Cmd::Stop || c == Cmd::Close;
        let mut inside = false;
        let mut code = Cmd::Stop;
        let mut started = false;
        let (mut x, mut y) = (0.0, 0.0);
        loop {
            if !started || code != Cmd::MoveTo {
                started = true;
                let v = next();
                (code, x, y) = v;
                if is_end(code) {
                    if code == Cmd::Stop {
                        break;
                    }
                    continue;
                }
            }
            let (sx, sy) = (x, y);
            let (mut vtx0, mut vty0, mut vtx1, mut vty1) = (x, y, x, y);
            let mut yflag0 = vty0 >= ty;
            let mut flag = false;
            loop {
                (code, x, y) = next();
                if is_end(code) {
                    (x, y) = (sx, sy);
                } else if code == Cmd::MoveTo {
                    break;
                }
                let yflag1 = vty1 >= ty;
                if yflag0 != yflag1
                    && (((vty1 - ty) * (vtx0 - vtx1) >= (vtx1 - tx) * (vty0 - vty1)) == yflag1)
                {
                    flag = !flag;
                }
                yflag0 = yflag1;
                (vtx0, vty0) = (vtx1, vty1);
                (vtx1, vty1) = (x, y);
                if is_end(code) {
                    break;
                }
            }
            let yflag1 = vty1 >= ty;
            if yflag0 != yflag1
                && (((vty1 - ty) * (vtx0 - vtx1) >= (vtx1 - tx) * (vty0 - vty1)) == yflag1)
            {
                flag = !flag;
            }
            inside |= flag;
            if inside || code == Cmd::Stop {
                break;
            }
        }
        inside
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(r: f64) -> ContainsPath {
        let p = [
            (Cmd::MoveTo, 0.0, 0.0),
            (Cmd::LineTo, 10.0, 0.0),
            (Cmd::LineTo, 10.0, 10.0),
            (Cmd::LineTo, 0.0, 10.0),
            (Cmd::Close, 0.0, 0.0),
        ];
        ContainsPath::new(&p, r)
    }

    #[test]
    fn a_square_holds_its_inside() {
        let s = square(0.0);
        assert!(s.contains(5.0, 5.0));
        assert!(!s.contains(10.2, 5.0));
        assert!(!s.contains(-0.2, 5.0));
    }

    #[test]
    fn a_radius_grows_a_counterclockwise_square_by_half() {
        let s = square(1.0);
        assert!(s.contains(10.4, 5.0));
        assert!(s.contains(10.4, 10.4));
        assert!(!s.contains(10.6, 5.0));
        assert!(!s.contains(5.0, -0.6));
    }

    #[test]
    fn rounded_corners_leave_the_corner_out() {
        // The round box of BoxStyle.Round: quadratic corners of radius 3.
        let (x0, y0, x1, y1, r) = (0.0, 0.0, 20.0, 10.0, 3.0);
        let p = [
            (Cmd::MoveTo, x0 + r, y0),
            (Cmd::LineTo, x1 - r, y0),
            (Cmd::Curve3, x1, y0),
            (Cmd::Curve3, x1, y0 + r),
            (Cmd::LineTo, x1, y1 - r),
            (Cmd::Curve3, x1, y1),
            (Cmd::Curve3, x1 - r, y1),
            (Cmd::LineTo, x0 + r, y1),
            (Cmd::Curve3, x0, y1),
            (Cmd::Curve3, x0, y1 - r),
            (Cmd::LineTo, x0, y0 + r),
            (Cmd::Curve3, x0, y0),
            (Cmd::Curve3, x0 + r, y0),
            (Cmd::Close, x0 + r, y0),
        ];
        for radius in [0.0, 1.0] {
            let s = ContainsPath::new(&p, radius);
            assert!(!s.contains(19.8, 9.8));
            assert!(!s.contains(0.2, 0.2));
            assert!(s.contains(18.0, 8.0));
            assert!(s.contains(10.0, 5.0));
        }
    }
}
