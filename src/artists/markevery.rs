//! `markevery`: which of a line's points get a marker (`lines._mark_every_path`).
//!
//! Integers, `(start, n)`, slices, index lists and boolean masks pick data indices. A float
//! (or a `(start, step)` of floats) picks the points nearest to marks spaced `step` times
//! the Axes' diagonal apart along the line's length in display pixels, with numpy's
//! arithmetic: `np.hypot` of the steps, `cumsum`, `np.remainder`, `union1d` and the two
//! `searchsorted` of matplotlib 3.11.

use crate::{Error, Result};

/// `markevery`.
#[derive(Debug, Clone, PartialEq)]
pub enum MarkEvery {
    /// Every n-th point from the first.
    Every(usize),
    /// `(start, n)`.
    StartEvery(usize, usize),
    /// These indices.
    Indices(Vec<usize>),
    /// A float `step` or a `(start, step)` of floats: markers at the points nearest to
    /// `start + k * step` times the Axes' diagonal, measured along the line in display
    /// pixels (`markevery=0.1`, `markevery=(0.05, 0.1)`).
    Fraction {
        /// Where the first mark is, in Axes diagonals along the line.
        start: f64,
        /// The distance between marks, in Axes diagonals (positive).
        step: f64,
    },
    /// A slice `start:stop:step` with Python's meaning (negative counts from the end;
    /// `None`: the default end).
    Slice {
        /// `start`.
        start: Option<i64>,
        /// `stop`.
        stop: Option<i64>,
        /// `step` (not 0; `None`: 1).
        step: Option<i64>,
    },
    /// A boolean mask with one entry per point.
    Mask(Vec<bool>),
}

impl MarkEvery {
    /// Refuses what `_mark_every_path` refuses for a line of `n` points (matplotlib's
    /// ValueError when the markers are drawn).
    pub(crate) fn check(&self, n: usize) -> Result<()> {
        match self {
            MarkEvery::Every(0) | MarkEvery::StartEvery(_, 0) => Err(Error::invalid(
                "markevery",
                format!("{self:?}"),
                "a positive step (numpy: slice step cannot be zero)",
            )),
            MarkEvery::Fraction { start, step } => {
                if !(step.is_finite() && *step > 0.0 && start.is_finite()) {
                    return Err(Error::invalid(
                        "markevery",
                        format!("({start}, {step})"),
                        "a finite start and a positive, finite step",
                    ));
                }
                Ok(())
            }
            MarkEvery::Slice { step: Some(0), .. } => Err(Error::invalid(
                "markevery",
                format!("{self:?}"),
                "a slice step other than 0",
            )),
            MarkEvery::Indices(v) => match v.iter().find(|&&i| i >= n) {
                Some(i) => Err(Error::invalid(
                    "markevery",
                    format!("index {i}"),
                    format!("indices below the line's {n} points"),
                )),
                None => Ok(()),
            },
            MarkEvery::Mask(m) if m.len() != n => Err(Error::invalid(
                "markevery",
                format!("a mask of {} entries", m.len()),
                format!("one entry per point ({n})"),
            )),
            _ => Ok(()),
        }
    }

    /// The indices of the `n` points that get a marker. `display` maps a point to display
    /// pixels and `diagonal` is the Axes' diagonal in pixels (for [`MarkEvery::Fraction`]).
    pub(crate) fn indices(
        &self,
        n: usize,
        x: &[f64],
        y: &[f64],
        display: &dyn Fn(f64, f64) -> (f64, f64),
        diagonal: f64,
    ) -> Vec<usize> {
        match self {
            MarkEvery::Every(k) => (0..n).step_by((*k).max(1)).collect(),
            MarkEvery::StartEvery(s, k) => (*s..n).step_by((*k).max(1)).collect(),
            MarkEvery::Indices(v) => v.iter().copied().filter(|&i| i < n).collect(),
            MarkEvery::Mask(m) => (0..n).filter(|&i| m.get(i) == Some(&true)).collect(),
            MarkEvery::Slice { start, stop, step } => slice_indices(*start, *stop, *step, n),
            MarkEvery::Fraction { start, step } => {
                fraction_indices(n, x, y, display, *start * diagonal, *step * diagonal)
            }
        }
    }
}

/// Python's `range(*slice(start, stop, step).indices(n))`.
fn slice_indices(start: Option<i64>, stop: Option<i64>, step: Option<i64>, n: usize) -> Vec<usize> {
    let n = n as i64;
    let step = step.unwrap_or(1);
    if step == 0 {
        return Vec::new();
    }
    let (lower, upper) = if step > 0 { (0, n) } else { (-1, n - 1) };
    let fix = |v: Option<i64>, default: i64| match v {
        None => default,
        Some(v) if v < 0 => (v + n).max(lower),
        Some(v) => v.min(upper),
    };
    let (a, b) = if step > 0 {
        (fix(start, lower), fix(stop, upper))
    } else {
        (fix(start, upper), fix(stop, lower))
    };
    let mut out = Vec::new();
    let mut i = a;
    while (step > 0 && i < b) || (step < 0 && i > b) {
        out.push(i as usize);
        i += step;
    }
    out
}

/// numpy's `np.remainder` of floats (`npy_divmod`: `fmod`, moved to the divisor's sign).
fn np_remainder(a: f64, b: f64) -> f64 {
    let m = a % b;
    if b == 0.0 {
        return m;
    }
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    }
}

/// The float branch of `_mark_every_path`, with `start` and `step` already in pixels.
fn fraction_indices(
    n: usize,
    x: &[f64],
    y: &[f64],
    display: &dyn Fn(f64, f64) -> (f64, f64),
    marker_start: f64,
    marker_step: f64,
) -> Vec<usize> {
    // fin = np.isfinite(verts).all(axis=1); disp_coords = affine.transform(verts[fin]).
    // (The scaled vertices are finite exactly when their display coordinates are: the
    // affine of a finite point overflows only beyond 1e300.)
    let (fin, disp): (Vec<usize>, Vec<(f64, f64)>) = (0..n.min(x.len()).min(y.len()))
        .map(|i| (i, display(x[i], y[i])))
        .filter(|(_, d)| d.0.is_finite() && d.1.is_finite())
        .unzip();
    if fin.is_empty() || marker_step.is_nan() || marker_step <= 0.0 {
        return Vec::new();
    }
    // delta = np.hypot(*steps).cumsum(), the first step (0, 0).
    let mut delta = Vec::with_capacity(disp.len());
    let mut sum = 0.0f64;
    for k in 0..disp.len() {
        let h = if k == 0 {
            0.0f64.hypot(0.0)
        } else {
            (disp[k].0 - disp[k - 1].0).hypot(disp[k].1 - disp[k - 1].1)
        };
        sum += h;
        delta.push(sum);
    }
    let last = delta[delta.len() - 1];
    // marker_delta = delta - np.remainder(delta - start, step), its union with itself
    // plus step, within [start, delta[-1]).
    let mut md: Vec<f64> = Vec::with_capacity(2 * delta.len());
    for &d in &delta {
        let m = d - np_remainder(d - marker_start, marker_step);
        md.push(m);
        md.push(m + marker_step);
    }
    md.sort_unstable_by(f64::total_cmp);
    md.dedup_by(|a, b| a == b);
    md.retain(|&m| m >= marker_start && m < last);
    let search = |v: f64| delta.partition_point(|&d| d < v);
    let mut inds: Vec<usize> = md
        .iter()
        .map(|&m| {
            let right = search(m);
            let left = right.saturating_sub(1);
            let right = right.min(delta.len() - 1);
            let i = if (delta[right] - m).abs() < (m - delta[left]).abs() {
                right
            } else {
                left
            };
            // The first of several vertices at the same distance.
            search(delta[i])
        })
        .collect();
    inds.sort_unstable();
    inds.dedup();
    inds.into_iter().map(|k| fin[k]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_follow_python() {
        assert_eq!(slice_indices(None, None, Some(3), 10), vec![0, 3, 6, 9]);
        assert_eq!(slice_indices(Some(2), Some(-2), Some(2), 10), vec![2, 4, 6]);
        assert_eq!(slice_indices(None, None, Some(-4), 10), vec![9, 5, 1]);
        assert_eq!(slice_indices(Some(-3), None, None, 10), vec![7, 8, 9]);
        assert_eq!(slice_indices(Some(20), None, None, 10), Vec::<usize>::new());
    }

    #[test]
    fn remainder_takes_the_divisor_sign() {
        assert_eq!(np_remainder(-1.0, 3.0), 2.0);
        assert_eq!(np_remainder(4.0, 3.0), 1.0);
        assert!(np_remainder(3.0, 3.0) == 0.0 && np_remainder(3.0, 3.0).is_sign_positive());
    }

    #[test]
    fn evenly_spaced_points_are_picked_by_distance() {
        let x: Vec<f64> = (0..11).map(f64::from).collect();
        let y = vec![0.0; 11];
        let id = |a: f64, b: f64| (a, b);
        // Marks every 2.5 px from 0: nearest points 0, 2 (2.5: tie goes left), 5, 7, and 10
        // is excluded (marks stop before the line's length).
        let got = fraction_indices(11, &x, &y, &id, 0.0, 2.5);
        assert_eq!(got, vec![0, 2, 5, 7]);
    }
}
