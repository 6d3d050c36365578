//! Agg's `conv_curve` with `curve3_div` / `curve4_div` (approximation scale 1, angle
//! tolerance 0, cusp limit 0): Bézier segments flattened by recursive subdivision exactly as
//! `agg_curves.cpp` does, so the line segments are bit-identical.

use super::pathconv::{Cmd, Vtx};

const COLLINEARITY_EPSILON: f64 = 1e-30;
/// Agg's limit is 32 levels (up to 2^32 segments a curve). figbuf stops at 20 (2^20): no
/// curve below about 10^11 px across reaches level 20 (each level quarters the flatness
/// error, 0.25 px² at the end), and above that matplotlib itself runs for minutes or hours
/// (a scatter marker of `s=1e308` never finishes), where figbuf's time stays bounded.
const RECURSION_LIMIT: u32 = 20;
/// `(0.5 / approximation_scale)^2` with approximation scale 1.
const DISTANCE_TOLERANCE_SQUARE: f64 = 0.25;

#[inline]
fn sq_dist(x1: f64, y1: f64, x2: f64, y2: f64) -> f64 {
    let dx = x2 - x1;
    let dy = y2 - y1;
    dx * dx + dy * dy
}

#[allow(clippy::too_many_arguments)]
fn bezier3(
    out: &mut Vec<(f64, f64)>,
    x1: f64,
    y1: f64,
    x2: f64,
    y2: f64,
    x3: f64,
    y3: f64,
    level: u32,
) {
    if level > RECURSION_LIMIT {
        return;
    }
    let x12 = (x1 + x2) / 2.0;
    let y12 = (y1 + y2) / 2.0;
    let x23 = (x2 + x3) / 2.0;
    let y23 = (y2 + y3) / 2.0;
    let x123 = (x12 + x23) / 2.0;
    let y123 = (y12 + y23) / 2.0;
    let dx = x3 - x1;
    let dy = y3 - y1;
    let mut d = ((x2 - x3) * dy - (y2 - y3) * dx).abs();
    if d > COLLINEARITY_EPSILON {
        if d * d <= DISTANCE_TOLERANCE_SQUARE * (dx * dx + dy * dy) {
            // Angle tolerance 0 (< curve_angle_tolerance_epsilon): stop here.
            out.push((x123, y123));
            return;
        }
    } else {
        let da = dx * dx + dy * dy;
        if da == 0.0 {
            d = sq_dist(x1, y1, x2, y2);
        } else {
            d = ((x2 - x1) * dx + (y2 - y1) * dy) / da;
            if d > 0.0 && d < 1.0 {
                return;
            }
            d = if d <= 0.0 {
                sq_dist(x2, y2, x1, y1)
            } else if d >= 1.0 {
                sq_dist(x2, y2, x3, y3)
            } else {
                sq_dist(x2, y2, x1 + d * dx, y1 + d * dy)
            };
        }
        if d < DISTANCE_TOLERANCE_SQUARE {
            out.push((x2, y2));
            return;
        }
    }
    bezier3(out, x1, y1, x12, y12, x123, y123, level + 1);
    bezier3(out, x123, y123, x23, y23, x3, y3, level + 1);
}

#[allow(clippy::too_many_arguments)]
fn bezier4(
    out: &mut Vec<(f64, f64)>,
    x1: f64,
    y1: f64,
    x2: f64,
    y2: f64,
    x3: f64,
    y3: f64,
    x4: f64,
    y4: f64,
    level: u32,
) {
    if level > RECURSION_LIMIT {
        return;
    }
    let x12 = (x1 + x2) / 2.0;
    let y12 = (y1 + y2) / 2.0;
    let x23 = (x2 + x3) / 2.0;
    let y23 = (y2 + y3) / 2.0;
    let x34 = (x3 + x4) / 2.0;
    let y34 = (y3 + y4) / 2.0;
    let x123 = (x12 + x23) / 2.0;
    let y123 = (y12 + y23) / 2.0;
    let x234 = (x23 + x34) / 2.0;
    let y234 = (y23 + y34) / 2.0;
    let x1234 = (x123 + x234) / 2.0;
    let y1234 = (y123 + y234) / 2.0;
    let dx = x4 - x1;
    let dy = y4 - y1;
    let mut d2 = ((x2 - x4) * dy - (y2 - y4) * dx).abs();
    let mut d3 = ((x3 - x4) * dy - (y3 - y4) * dx).abs();
    let case = (u32::from(d2 > COLLINEARITY_EPSILON) << 1) + u32::from(d3 > COLLINEARITY_EPSILON);
    match case {
        0 => {
            let k = dx * dx + dy * dy;
            if k == 0.0 {
                d2 = sq_dist(x1, y1, x2, y2);
                d3 = sq_dist(x4, y4, x3, y3);
            } else {
                let k = 1.0 / k;
                let (da1, da2) = (x2 - x1, y2 - y1);
                d2 = k * (da1 * dx + da2 * dy);
                let (da1, da2) = (x3 - x1, y3 - y1);
                d3 = k * (da1 * dx + da2 * dy);
                if d2 > 0.0 && d2 < 1.0 && d3 > 0.0 && d3 < 1.0 {
                    return;
                }
                d2 = if d2 <= 0.0 {
                    sq_dist(x2, y2, x1, y1)
                } else if d2 >= 1.0 {
                    sq_dist(x2, y2, x4, y4)
                } else {
                    sq_dist(x2, y2, x1 + d2 * dx, y1 + d2 * dy)
                };
                d3 = if d3 <= 0.0 {
                    sq_dist(x3, y3, x1, y1)
                } else if d3 >= 1.0 {
                    sq_dist(x3, y3, x4, y4)
                } else {
                    sq_dist(x3, y3, x1 + d3 * dx, y1 + d3 * dy)
                };
            }
            if d2 > d3 {
                if d2 < DISTANCE_TOLERANCE_SQUARE {
                    out.push((x2, y2));
                    return;
                }
            } else if d3 < DISTANCE_TOLERANCE_SQUARE {
                out.push((x3, y3));
                return;
            }
        }
        1 => {
            if d3 * d3 <= DISTANCE_TOLERANCE_SQUARE * (dx * dx + dy * dy) {
                out.push((x23, y23));
                return;
            }
        }
        2 => {
            if d2 * d2 <= DISTANCE_TOLERANCE_SQUARE * (dx * dx + dy * dy) {
                out.push((x23, y23));
                return;
            }
        }
        _ => {
            if (d2 + d3) * (d2 + d3) <= DISTANCE_TOLERANCE_SQUARE * (dx * dx + dy * dy) {
                out.push((x23, y23));
                return;
            }
        }
    }
    bezier4(out, x1, y1, x12, y12, x123, y123, x1234, y1234, level + 1);
    bezier4(out, x1234, y1234, x234, y234, x34, y34, x4, y4, level + 1);
}

/// `conv_curve`: passes lines through, flattens Curve3/Curve4 into LineTos.
#[derive(Debug, Clone)]
pub struct CurveFlattener<I> {
    src: std::iter::Fuse<I>,
    points: Vec<(f64, f64)>,
    at: usize,
    last: (f64, f64),
}

impl<I: Iterator<Item = Vtx>> CurveFlattener<I> {
    /// Flattens the curves of `src`.
    pub fn new(src: I) -> Self {
        CurveFlattener {
            src: src.fuse(),
            points: Vec::new(),
            at: 0,
            last: (0.0, 0.0),
        }
    }

    fn end(&mut self) -> (f64, f64) {
        self.src.next().map_or((0.0, 0.0), |v| (v.1, v.2))
    }
}

impl<I: Iterator<Item = Vtx>> Iterator for CurveFlattener<I> {
    type Item = Vtx;
    fn next(&mut self) -> Option<Vtx> {
        if let Some(&p) = self.points.get(self.at) {
            self.at += 1;
            self.last = p;
            return Some((Cmd::LineTo, p.0, p.1));
        }
        let (cmd, x, y) = self.src.next()?;
        let (x1, y1) = self.last;
        match cmd {
            Cmd::Curve3 => {
                let (ex, ey) = self.end();
                self.points.clear();
                self.points.push((x1, y1));
                bezier3(&mut self.points, x1, y1, x, y, ex, ey, 0);
                self.points.push((ex, ey));
            }
            Cmd::Curve4 => {
                let (cx, cy) = self.end();
                let (ex, ey) = self.end();
                self.points.clear();
                self.points.push((x1, y1));
                bezier4(&mut self.points, x1, y1, x, y, cx, cy, ex, ey, 0);
                self.points.push((ex, ey));
            }
            _ => {
                self.last = (x, y);
                return Some((cmd, x, y));
            }
        }
        // The first point is the start, already emitted.
        self.at = 2;
        let p = self.points[1];
        self.last = p;
        Some((Cmd::LineTo, p.0, p.1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn straight_cubic_gives_its_end_points() {
        let src = vec![
            (Cmd::MoveTo, 0.0, 0.0),
            (Cmd::Curve4, 1.0, 0.0),
            (Cmd::Curve4, 2.0, 0.0),
            (Cmd::Curve4, 3.0, 0.0),
        ];
        let out: Vec<_> = CurveFlattener::new(src.into_iter()).collect();
        assert_eq!(out, vec![(Cmd::MoveTo, 0.0, 0.0), (Cmd::LineTo, 3.0, 0.0)]);
    }

    #[test]
    fn quarter_circle_is_flattened_within_tolerance() {
        let k = 0.552_284_749_8 * 50.0;
        let src = vec![
            (Cmd::MoveTo, 50.0, 0.0),
            (Cmd::Curve4, 50.0, k),
            (Cmd::Curve4, k, 50.0),
            (Cmd::Curve4, 0.0, 50.0),
        ];
        let out: Vec<_> = CurveFlattener::new(src.into_iter()).collect();
        assert!(out.len() > 8);
        for &(_, x, y) in &out {
            assert!(((x * x + y * y).sqrt() - 50.0).abs() < 0.6);
        }
    }
}
