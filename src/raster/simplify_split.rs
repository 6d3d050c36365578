//! [`simplified_polyline`](super::simplified_polyline) on two threads for long lines inside
//! the canvas: matplotlib's simplifier is one sequential state machine, so the second half
//! is simplified speculatively from a fresh state while the first half is simplified as
//! usual; the first then reads on past the middle until, at a vertex where both have
//! drained their queues, its state equals the second's bit for bit
//! ([`Simplifier::idle_state`]). From there both emit the same vertices from the same
//! input, so the output is the first's up to that vertex and the second's after it: the
//! serial output exactly. (A random walk's states meet within a few kept vertices; if
//! they do not meet within [`SNAPSHOTS`] of the second's idle points, the first simply
//! reads on to the end.)

use super::pathconv::{Cmd, Simplifier, Vtx, SIMPLIFY_THRESHOLD};
use crate::scene::{Path, PathCode};

/// Lines of at least this many points are simplified in two halves (fewer: the hand-over
/// costs about what it saves).
pub(crate) const SPLIT_SIMPLIFY_MIN: usize = 4096;

/// How many idle points of the second half are kept to meet the first at.
const SNAPSHOTS: usize = 64;

/// The device points `i..end` of a polyline as the converters' vertices (a move to point
/// 0, lines to the rest), stopping at the first one outside `(-1, -1, w + 1, h + 1)` or not
/// finite (`outside` is then set): the route without NaN remover and clipper, which hand
/// such input on unchanged.
struct Points<'a, F> {
    x: &'a [f64],
    y: &'a [f64],
    to_dev: &'a F,
    i: usize,
    w: f64,
    h: f64,
    outside: bool,
}

impl<F: Fn(f64, f64) -> (f64, f64)> Iterator for Points<'_, F> {
    type Item = Vtx;
    fn next(&mut self) -> Option<Vtx> {
        if self.outside {
            return None;
        }
        let (&x, &y) = (self.x.get(self.i)?, self.y.get(self.i)?);
        let (x, y) = (self.to_dev)(x, y);
        // NaN fails every comparison: not finite counts as outside.
        if !(x >= -1.0 && x <= self.w + 1.0 && y >= -1.0 && y <= self.h + 1.0) {
            self.outside = true;
            return None;
        }
        let cmd = if self.i == 0 {
            Cmd::MoveTo
        } else {
            Cmd::LineTo
        };
        self.i += 1;
        Some((cmd, x, y))
    }
}

/// Appends a simplified vertex (moves and lines: all a polyline inside the canvas gives).
fn put(path: &mut Path, (cmd, x, y): Vtx) {
    let code = match cmd {
        Cmd::MoveTo => PathCode::MoveTo,
        Cmd::LineTo => PathCode::LineTo,
        _ => return,
    };
    path.vertices.push((x, y));
    if let Some(codes) = path.codes.as_mut() {
        codes.push(code);
    }
}

fn empty() -> Path {
    Path {
        vertices: Vec::new(),
        codes: Some(Vec::new()),
    }
}

/// An idle point of the second half: the points read, its state, the vertices it had
/// emitted.
type Snapshot = (usize, [u64; 15], usize);

/// The simplified path of the device points `to_dev(x[i], y[i])` when every one is finite
/// and inside the clipper's rectangle, in two halves on two threads; `None` when one is
/// not (the caller then takes the converters' route). `x` and `y` have the same length, at
/// least [`SPLIT_SIMPLIFY_MIN`].
pub(crate) fn simplified_inside<F>(
    x: &[f64],
    y: &[f64],
    to_dev: &F,
    width: usize,
    height: usize,
) -> Option<Path>
where
    F: Fn(f64, f64) -> (f64, f64) + Sync,
{
    let n = x.len().min(y.len());
    let (x, y) = (&x[..n], &y[..n]);
    let m = n / 2;
    let points = |i| Points {
        x,
        y,
        to_dev,
        i,
        w: width as f64,
        h: height as f64,
        outside: false,
    };
    // Stroked next on two threads too: the other worker is kept awake for the render.
    crate::pool::keep_helper_awake();
    let ((mut first, mut head), (second, tail, snaps)) = crate::pool::join(
        || {
            // The first half, read up to an idle point at or past the middle.
            let mut sim = Simplifier::new(points(0), true, SIMPLIFY_THRESHOLD);
            let mut out = empty();
            while sim.source().i < m || sim.idle_state().is_none() {
                let Some(v) = sim.next() else { break };
                put(&mut out, v);
            }
            (sim, out)
        },
        || {
            // The second half from a fresh state, its first idle points noted.
            let mut sim = Simplifier::new(points(m), true, SIMPLIFY_THRESHOLD);
            let mut out = empty();
            let mut snaps: Vec<Snapshot> = Vec::with_capacity(SNAPSHOTS);
            while let Some(v) = sim.next() {
                put(&mut out, v);
                if snaps.len() < SNAPSHOTS {
                    if let Some(s) = sim.idle_state() {
                        snaps.push((sim.source().i, s, out.vertices.len()));
                    }
                }
            }
            (sim.source().outside, out, snaps)
        },
    );
    if second || first.source().outside {
        return None;
    }
    // Read on until the first meets one of the second's idle points.
    let mut k = 0;
    loop {
        if let Some(state) = first.idle_state() {
            let i = first.source().i;
            while k < snaps.len() && snaps[k].0 < i {
                k += 1;
            }
            if let Some(&(_, s, len)) = snaps.get(k).filter(|s| s.0 == i) {
                if s == state {
                    splice(&mut head, &tail, len);
                    return Some(head);
                }
            }
        }
        let Some(v) = first.next() else { break };
        put(&mut head, v);
    }
    (!first.source().outside).then_some(head)
}

/// `head` followed by the vertices of `tail` from index `from`.
fn splice(head: &mut Path, tail: &Path, from: usize) {
    head.vertices
        .extend_from_slice(tail.vertices.get(from..).unwrap_or_default());
    if let (Some(h), Some(t)) = (head.codes.as_mut(), tail.codes.as_ref()) {
        h.extend_from_slice(t.get(from..).unwrap_or_default());
    }
}

/// [`simplified_polyline`](super::simplified_polyline) of the device points
/// `to_dev(x[i], y[i])`: in two halves on two threads ([`simplified_inside`]) when there
/// are at least [`SPLIT_SIMPLIFY_MIN`] of them, two threads and all inside, else serially.
/// The same path either way.
pub fn simplified_polyline_xy(
    x: &[f64],
    y: &[f64],
    to_dev: &(dyn Fn(f64, f64) -> (f64, f64) + Sync),
    width: usize,
    height: usize,
) -> Path {
    let n = x.len().min(y.len());
    if n >= SPLIT_SIMPLIFY_MIN && rayon::current_num_threads() >= 2 {
        if let Some(p) = simplified_inside(x, y, &to_dev, width, height) {
            return p;
        }
    }
    let pts = x[..n].iter().zip(&y[..n]).map(|(&a, &b)| to_dev(a, b));
    super::simplified_polyline(pts, width, height)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const W: usize = 640;
    const H: usize = 480;

    fn serial(x: &[f64], y: &[f64], f: &(dyn Fn(f64, f64) -> (f64, f64) + Sync)) -> Path {
        let pts = x.iter().zip(y).map(|(&a, &b)| f(a, b));
        super::super::simplified_polyline(pts, W, H)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(40))]
        /// Two halves give the serial simplifier's path: random walks with steps of every
        /// scale against the threshold (mostly kept, mostly dropped, back and forth), some
        /// with a point outside the canvas.
        #[test]
        fn halves_give_the_serial_path(
            steps in prop::collection::vec((-1.0..1.0f64, 0..6u8), SPLIT_SIMPLIFY_MIN..9000),
            scale in prop_oneof![Just(0.01), Just(0.2), Just(1.0), Just(5.0)],
            drift in -0.05..0.05f64,
            out_at in prop::option::of(0..9000usize),
        ) {
            let mut v = 0.0;
            let mut y: Vec<f64> = steps
                .iter()
                .map(|&(d, k)| {
                    v += match k {
                        0 => 0.0,
                        1 => -d * scale * 0.5,
                        _ => d * scale,
                    } + drift;
                    v
                })
                .collect();
            if let Some(i) = out_at {
                if let Some(p) = y.get_mut(i) {
                    *p = 1e9;
                }
            }
            let x: Vec<f64> = (0..y.len()).map(|i| i as f64).collect();
            let (lo, hi) = y.iter().fold((f64::MAX, f64::MIN), |(a, b), &v| (a.min(v), b.max(v.min(1e8))));
            let (sx, sy) = (600.0 / x.len() as f64, 400.0 / (hi - lo).max(1e-9));
            let f = move |a: f64, b: f64| (a * sx + 20.0, 460.0 - (b - lo) * sy);
            let want = serial(&x, &y, &f);
            let got = simplified_inside(&x, &y, &f, W, H);
            if out_at.is_some_and(|i| i < y.len()) {
                prop_assert!(got.is_none());
            } else {
                prop_assert_eq!(got.as_ref(), Some(&want));
            }
            prop_assert_eq!(simplified_polyline_xy(&x, &y, &f, W, H), want);
        }
    }
}
