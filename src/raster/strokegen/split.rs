//! A long solid stroke's outline drawn on two threads: the outline of a sub-path is one
//! closed contour (open: the start cap, the joins along one side, the end cap, the joins
//! back along the other side; closed: two contours, one a side), so its edges split into
//! two chains, each rasterized into its own [`Rasterizer`] from the same vertices with the
//! same arithmetic, and the second's cells are then handed to the first
//! ([`Rasterizer::absorb`]): every pixel gets the sums, hence the coverage, of one
//! rasterizer given the whole contour. A long polyline's vertex list itself is built in
//! two halves ([`StrokeSink::polyline`]).

use super::{Cmd, MathStroke, Sink, StrokeSink, VDist, VSeq};
use crate::error::Result;
use crate::raster::cells::Rasterizer;

/// Sub-paths of at least this many vertices are split (fewer: the hand-over costs more
/// than half the work).
pub(crate) const SPLIT_MIN_VERTICES: usize = 1024;

/// Polylines of at least this many vertices have their vertex list built in two halves.
const SPLIT_SEQ_MIN: usize = 4096;

impl VSeq {
    /// [`VSeq::add`] of each point of `pts`, in order, the second half on another thread
    /// from an empty list: Agg's `vertex_sequence` keeps a vertex when it is farther than
    /// the epsilon from the last one kept, so once the second half's first vertex is kept
    /// at the seam (measured against the first half's last kept vertex, as the serial
    /// `add` measures it) every later decision and distance is the same as from an empty
    /// list. When it is not kept (a coincident vertex at the seam), the rest is added
    /// serially.
    fn extend(&mut self, pts: &[(f64, f64)]) {
        fn serial(s: &mut VSeq, pts: &[(f64, f64)]) {
            for &(x, y) in pts {
                s.add(VDist::new(x, y));
            }
        }
        let m = pts.len() / 2;
        let mut tail = VSeq::default();
        if pts.len() < SPLIT_SEQ_MIN
            || rayon::current_num_threads() < 2
            || tail.v.try_reserve_exact(pts.len() - m).is_err()
        {
            return serial(self, pts);
        }
        let (a, b) = pts.split_at(m);
        crate::pool::join(|| serial(self, a), || serial(&mut tail, b));
        let Some((&(x, y), rest)) = b.split_first() else {
            return;
        };
        self.add(VDist::new(x, y));
        let n = self.v.len();
        let kept = !self.failed && (n < 2 || self.measure(n - 2, n - 1));
        if !kept || tail.failed || self.v.try_reserve(tail.v.len()).is_err() {
            return serial(self, rest);
        }
        // The seam's vertex, as the second half has it (with its distance to the next).
        self.v.pop();
        self.v.extend_from_slice(&tail.v);
    }
}

impl<S: Sink> StrokeSink<'_, S> {
    /// The vertices of a polyline (a move to the first point, lines to the others), as
    /// `vertex` of each gives them; a long one's vertex list is built on two threads.
    pub(crate) fn polyline(&mut self, pts: &[(f64, f64)]) {
        let Some((&(x, y), rest)) = pts.split_first() else {
            return;
        };
        self.vertex(Cmd::MoveTo, x, y);
        self.acc.seq.extend(rest);
    }
}

/// Emits `pts` into `out`, the first as a move when `*first`.
pub(super) fn emit(out: &mut impl Sink, pts: &[(f64, f64)], first: &mut bool) {
    for &(x, y) in pts {
        let cmd = if *first { Cmd::MoveTo } else { Cmd::LineTo };
        *first = false;
        out.vertex(cmd, x, y);
    }
}

/// The first chain of the outline of `v` (`n >= 2`, or `>= 3` when closed).
/// Open: the start cap, the joins forward, and the edge to the end cap's first point (the
/// contour is left open there). Closed: the forward contour, closed.
fn first_chain(ms: &MathStroke, v: &[VDist], closed: bool, out: &mut Rasterizer) {
    let n = v.len();
    let mut buf = Vec::new();
    let mut first = true;
    if closed {
        let fwd = (0..n).map(|i| {
            let p = if i == 0 { n - 1 } else { i - 1 };
            (p, i, (i + 1) % n, v[p].dist, v[i].dist)
        });
        ms.joins(v, fwd, &mut buf, |b| emit(out, b, &mut first));
        out.vertex(Cmd::Close, 0.0, 0.0);
        return;
    }
    ms.calc_cap(&mut buf, &v[0], &v[1], v[0].dist);
    emit(out, &buf, &mut first);
    let fwd = (1..n - 1).map(|i| (i - 1, i, i + 1, v[i - 1].dist, v[i].dist));
    ms.joins(v, fwd, &mut buf, |b| emit(out, b, &mut first));
    ms.calc_cap(&mut buf, &v[n - 1], &v[n - 2], v[n - 2].dist);
    emit(out, &buf[..buf.len().min(1)], &mut first);
    out.leave_open();
}

/// The rest of the outline: open, from the end cap's first point, the end cap, the joins
/// back and the edge to the start cap's first point (left open); closed, the backward
/// contour, closed.
fn second_chain(ms: &MathStroke, v: &[VDist], closed: bool, out: &mut Rasterizer) {
    let n = v.len();
    let mut buf = Vec::new();
    let mut first = true;
    if closed {
        let back = (0..n).rev().map(|i| {
            let p = if i == 0 { n - 1 } else { i - 1 };
            ((i + 1) % n, i, p, v[i].dist, v[p].dist)
        });
        ms.joins(v, back, &mut buf, |b| emit(out, b, &mut first));
        out.vertex(Cmd::Close, 0.0, 0.0);
        return;
    }
    ms.calc_cap(&mut buf, &v[n - 1], &v[n - 2], v[n - 2].dist);
    emit(out, &buf, &mut first);
    let back = (1..n - 1)
        .rev()
        .map(|i| (i + 1, i, i - 1, v[i].dist, v[i - 1].dist));
    ms.joins(v, back, &mut buf, |b| emit(out, b, &mut first));
    ms.calc_cap(&mut buf, &v[0], &v[1], v[0].dist);
    emit(out, &buf[..buf.len().min(1)], &mut first);
    out.leave_open();
}

impl StrokeSink<'_, Rasterizer> {
    /// [`StrokeSink::finish`], with a last sub-path of at least [`SPLIT_MIN_VERTICES`]
    /// vertices rasterized in two chains in a `rayon::join`, the second into `other`
    /// (reset to the stroke's rasterizer's clip box) whose cells the first then takes
    /// over (on a single thread, it is drawn whole). Either way the cells of such a
    /// sub-path are summed into grids ([`Rasterizer::sum_into_grid`]). The cells summed
    /// are those of [`StrokeSink::finish`].
    pub(crate) fn finish_split(mut self, other: &mut Rasterizer) -> Result<()> {
        let long = self.acc.start.is_some() && self.acc.seq.v.len() >= SPLIT_MIN_VERTICES;
        if !long {
            return self.finish();
        }
        if rayon::current_num_threads() < 2 {
            // One thread: the outline as one contour, its cells summed into a grid.
            self.out.sum_into_grid();
            return self.finish();
        }
        self.acc.seq.close(self.acc.closed);
        let v = std::mem::take(&mut self.acc.seq.v);
        let closed = self.acc.closed && v.len() >= 3;
        if v.len() < 2 + usize::from(closed) {
            self.acc.seq.v = v;
            return self.finish();
        }
        other.reset_like(&*self.out);
        // The memory of the grid `out` took over from it last time.
        other.take_paired_spare(&mut *self.out);
        let ms = &self.ms;
        let out = &mut *self.out;
        // Hundreds of cells a row: summed into pixels as they are made.
        out.sum_into_grid();
        other.sum_into_grid();
        crate::pool::join(
            || first_chain(ms, &v, closed, out),
            || second_chain(ms, &v, closed, other),
        );
        out.absorb(other);
        // Nothing is left to flush: the sub-path is drawn.
        self.acc.start = None;
        self.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::super::StrokeSink;
    use super::{Cmd, Sink, SPLIT_MIN_VERTICES};
    use crate::raster::cells::Rasterizer;
    use crate::scene::{CapStyle, JoinStyle};
    use proptest::prelude::*;

    const W: i64 = 60;
    const H: i64 = 40;

    fn coverage(r: &mut Rasterizer) -> Vec<u8> {
        let mut out = vec![0u8; (W * H) as usize];
        r.sweep(|y, x, len, a| {
            for xx in x..x + len {
                if (0..W).contains(&xx) && (0..H).contains(&y) {
                    out[(y * W + xx) as usize] = a;
                }
            }
        });
        out
    }

    /// The coverage of the stroke; `split`: in two chains; `fold`: the first rasterizer's
    /// cells summed into its grid (the other's are handed over cell by cell).
    fn stroke(
        pts: &[(f64, f64)],
        closed: bool,
        style: (f64, CapStyle, JoinStyle),
        split: bool,
        fold: bool,
    ) -> Vec<u8> {
        let mut ras = Rasterizer::new();
        ras.clip_box(Some((0.0, 0.0, W as f64, H as f64)));
        if fold {
            ras.fold_every_cell();
        }
        let mut other = Rasterizer::new();
        let (w, cap, join) = style;
        let mut st = StrokeSink::new(&mut ras, w, cap, join, w);
        for (i, &(x, y)) in pts.iter().enumerate() {
            st.vertex(if i == 0 { Cmd::MoveTo } else { Cmd::LineTo }, x, y);
        }
        if closed {
            st.vertex(Cmd::Close, 0.0, 0.0);
        }
        if split {
            st.finish_split(&mut other).unwrap();
        } else {
            st.finish().unwrap();
        }
        coverage(&mut ras)
    }

    fn style() -> impl Strategy<Value = (f64, CapStyle, JoinStyle)> {
        (
            0.3..6.0f64,
            prop_oneof![
                Just(CapStyle::Butt),
                Just(CapStyle::Round),
                Just(CapStyle::Projecting)
            ],
            prop_oneof![
                Just(JoinStyle::Miter),
                Just(JoinStyle::Round),
                Just(JoinStyle::Bevel)
            ],
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        /// The outline in two chains on two rasterizers covers every pixel as the whole
        /// outline on one does: open and closed, every cap and join, partly outside the
        /// clip box, with repeated points.
        #[test]
        fn split_stroke_is_the_stroke(
            steps in prop::collection::vec((-3.0..3.0f64, -3.0..3.0f64, 0..8u8), SPLIT_MIN_VERTICES..SPLIT_MIN_VERTICES + 300),
            closed in any::<bool>(),
            fold in any::<bool>(),
            style in style(),
        ) {
            let (mut x, mut y) = (30.0, 20.0);
            let pts: Vec<(f64, f64)> = steps
                .iter()
                .map(|&(dx, dy, k)| {
                    if k != 0 {
                        x = (x + dx).clamp(-10.0, 70.0);
                        y = (y + dy).clamp(-10.0, 50.0);
                    }
                    (x, y)
                })
                .collect();
            prop_assert_eq!(
                stroke(&pts, closed, style, true, fold),
                stroke(&pts, closed, style, false, false)
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        /// A polyline's vertex list built in two halves is the one its vertices given one
        /// by one build: coincident runs (also across the seam) included.
        #[test]
        fn polyline_halves_give_the_serial_list(
            steps in prop::collection::vec((-3.0..3.0f64, -3.0..3.0f64, 0..4u8), super::SPLIT_SEQ_MIN..super::SPLIT_SEQ_MIN + 600),
            seam_run in 0..4usize,
        ) {
            let (mut x, mut y) = (30.0, 20.0);
            let mut pts: Vec<(f64, f64)> = steps
                .iter()
                .map(|&(dx, dy, k)| {
                    if k != 0 {
                        x += dx;
                        y += dy * 1e-15f64.powi(i32::from(k == 1));
                    }
                    (x, y)
                })
                .collect();
            // Coincident points around the middle (where the halves meet).
            let m = pts.len() / 2;
            for i in m.saturating_sub(seam_run)..m + seam_run {
                pts[i] = pts[m.saturating_sub(seam_run)];
            }
            let mut a = Rasterizer::new();
            let mut b = Rasterizer::new();
            let mut one = StrokeSink::new(&mut a, 2.0, CapStyle::Butt, JoinStyle::Round, 2.0);
            for (i, &(x, y)) in pts.iter().enumerate() {
                one.vertex(if i == 0 { Cmd::MoveTo } else { Cmd::LineTo }, x, y);
            }
            let mut two = StrokeSink::new(&mut b, 2.0, CapStyle::Butt, JoinStyle::Round, 2.0);
            two.polyline(&pts);
            let key = |v: &[super::VDist]| -> Vec<[u64; 3]> {
                v.iter().map(|d| [d.x.to_bits(), d.y.to_bits(), d.dist.to_bits()]).collect()
            };
            prop_assert_eq!(key(&one.acc.seq.v), key(&two.acc.seq.v));
        }
    }

    /// A short path is stroked on one rasterizer; the other one is left untouched.
    #[test]
    fn short_paths_are_not_split() {
        let pts = [(1.0, 1.0), (20.0, 5.0), (30.0, 30.0)];
        let style = (2.0, CapStyle::Round, JoinStyle::Round);
        assert_eq!(
            stroke(&pts, false, style, true, false),
            stroke(&pts, false, style, false, false)
        );
    }
}
