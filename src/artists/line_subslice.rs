//! matplotlib's `Line2D` subslicing of long sorted lines to the view (`recache`, `draw`,
//! `_x_filled`).

use std::ops::Range;

/// Lines of more points than this are subsliced to the view (`_subslice_optim_min_size`).
const SUBSLICE_MIN_POINTS: usize = 1000;

/// matplotlib's `Line2D` subslicing (`recache` and `draw`, 3.11.2): a line of more than
/// 1000 points whose x is sorted (NaNs ignored, at least one not NaN), on a linear x scale,
/// in data coordinates, clipped, without markevery, draws only the points from one before
/// the first at or after the view's lower x bound to one after the last at or before its
/// upper bound (`searchsorted` on x with its NaNs interpolated, `_x_filled`). This changes
/// pixels in a zoomed view: the simplifier and the dash pattern start at the subslice, and
/// markers outside it are not stamped. The points drawn, as a range; all of them otherwise.
pub(crate) fn subslice(x: &[f64], view_x: (f64, f64)) -> Range<usize> {
    let n = x.len();
    let mut last = f64::NEG_INFINITY;
    let mut sorted = false;
    for &v in x {
        if !v.is_nan() {
            if v < last {
                return 0..n;
            }
            (last, sorted) = (v, true);
        }
    }
    if n <= SUBSLICE_MIN_POINTS || !sorted {
        return 0..n;
    }
    // `get_xbound`: the view limits in increasing order.
    let (x0, x1) = if view_x.0 < view_x.1 {
        view_x
    } else {
        (view_x.1, view_x.0)
    };
    let filled = x_filled(x);
    let x = filled.as_deref().unwrap_or(x);
    let i0 = x.partition_point(|&v| v < x0);
    let i1 = x.partition_point(|&v| v <= x1);
    i0.saturating_sub(1)..(i1 + 1).min(n)
}

/// `_x_filled` when x has NaNs: each NaN replaced by `np.interp` of its index over the
/// indices and values of the others (the first or last such value beyond them); `None`
/// without NaNs (x itself).
fn x_filled(x: &[f64]) -> Option<Vec<f64>> {
    if !x.iter().any(|v| v.is_nan()) {
        return None;
    }
    let known: Vec<usize> = (0..x.len()).filter(|&i| !x[i].is_nan()).collect();
    let (&first, &last) = (known.first()?, known.last()?);
    let mut out = x.to_vec();
    let mut k = 0;
    for (i, v) in out.iter_mut().enumerate() {
        if !v.is_nan() {
            continue;
        }
        *v = if i < first {
            x[first]
        } else if i > last {
            x[last]
        } else {
            while known[k + 1] < i {
                k += 1;
            }
            // numpy's `interp`: slope * (x - xp[j]) + fp[j].
            let (j, l) = (known[k], known[k + 1]);
            let slope = (x[l] - x[j]) / (l as f64 - j as f64);
            slope * (i as f64 - j as f64) + x[j]
        };
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `_x_filled` is `np.interp` over the NaNs (clamped beyond the known values), and the
    /// subslice runs from one point before the view to one after it, only for more than
    /// 1000 sorted points.
    #[test]
    fn subslice_of_sorted_long_lines() {
        let nan = f64::NAN;
        let filled = x_filled(&[nan, 1.0, nan, nan, 4.0, nan]);
        assert_eq!(filled, Some(vec![1.0, 1.0, 2.0, 3.0, 4.0, 4.0]));
        assert_eq!(x_filled(&[0.0, 1.0]), None);
        let x: Vec<f64> = (0..2000).map(f64::from).collect();
        assert_eq!(subslice(&x, (100.5, 200.0)), 100..202);
        assert_eq!(subslice(&x, (200.0, 100.5)), 100..202);
        assert_eq!(subslice(&x, (-5.0, 5000.0)), 0..2000);
        assert_eq!(subslice(&x[..1000], (100.5, 200.0)), 0..1000);
        let mut unsorted = x.clone();
        unsorted.swap(3, 4);
        assert_eq!(subslice(&unsorted, (100.5, 200.0)), 0..2000);
        assert_eq!(subslice(&[nan; 2000], (100.5, 200.0)), 0..2000);
    }
}
