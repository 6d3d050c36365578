//! Autoscaling (`Axes.autoscale_view`): data limits of the artists, the locator's
//! `nonsingular`, margins added in scale space, sticky edges, `view_limits`.

use super::{AxisState, DataLim};
use crate::axes::Axes;
use crate::ticks::{nonsingular, AxisScale};

/// Which axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Which {
    X,
    Y,
}

/// The union of the data limits of an Axes' artists and images.
pub(crate) fn data_limits(ax: &Axes) -> DataLim {
    let mut lim = DataLim::default();
    for a in ax.plot.artists.iter() {
        lim = lim.union(&a.data_limits());
    }
    for im in ax.images.iter() {
        let e = im.extent();
        lim.add(Some(e[0]), Some(e[2]));
        lim.add(Some(e[1]), Some(e[3]));
    }
    lim
}

pub(crate) fn stickies(ax: &Axes, which: Which) -> Vec<f64> {
    let mut v = match which {
        Which::X => ax.plot.x.stickies.clone(),
        Which::Y => ax.plot.y.stickies.clone(),
    };
    for im in ax.images.iter() {
        let e = im.extent();
        match which {
            Which::X => v.extend([e[0], e[1]]),
            Which::Y => v.extend([e[2], e[3]]),
        }
    }
    v
}

/// `_decade_less` / `_decade_greater` (`base ** floor(log(x) / log(base))`).
fn decade_less(x: f64, base: f64) -> f64 {
    if x < 0.0 {
        return -decade_greater(-x, base);
    }
    let mut less = if x == 0.0 {
        0.0
    } else {
        base.powf((x.ln() / base.ln()).floor())
    };
    if less == x {
        less /= base;
    }
    less
}

fn decade_greater(x: f64, base: f64) -> f64 {
    if x < 0.0 {
        return -decade_less(-x, base);
    }
    let mut greater = if x == 0.0 {
        0.0
    } else {
        base.powf((x.ln() / base.ln()).ceil())
    };
    if greater == x {
        greater *= base;
    }
    greater
}

/// The major locator's `nonsingular` for a scale.
pub(crate) fn locator_nonsingular(a: f64, b: f64, scale: AxisScale, minpos: f64) -> (f64, f64) {
    match scale.log_base() {
        Some(base) => {
            let (mut lo, mut hi) = if a > b { (b, a) } else { (a, b) };
            if !lo.is_finite() || !hi.is_finite() || hi <= 0.0 {
                return (1.0, 10.0);
            }
            let minpos = if minpos.is_finite() { minpos } else { 1e-300 };
            if lo <= 0.0 {
                lo = minpos;
            }
            if lo == hi {
                lo = decade_less(lo, base);
                hi = decade_greater(hi, base);
            }
            (lo, hi)
        }
        _ => nonsingular(a, b, 0.05, 1e-15),
    }
}

/// `limit_range_for_scale`.
pub(crate) fn limit_range(a: f64, b: f64, scale: AxisScale, minpos: f64) -> (f64, f64) {
    match scale {
        AxisScale::Log { .. } => {
            let minpos = if minpos.is_finite() { minpos } else { 1e-300 };
            (
                if a <= 0.0 { minpos } else { a },
                if b <= 0.0 { minpos } else { b },
            )
        }
        _ => (a, b),
    }
}

/// The inverse of a scale's transform.
pub(crate) fn inverse(scale: AxisScale, t: f64) -> f64 {
    match scale {
        AxisScale::Linear => t,
        // InvertedLogTransform: np.exp(values * np.log(base)). numpy's vectorised exp can
        // differ from libm's in the last bit (about 5 % of arguments, measured).
        AxisScale::Log { base, .. } => crate::ticks::inverse_log(base, t),
        AxisScale::SymLog {
            base,
            linthresh,
            linscale,
        } => {
            let adj = linscale / (1.0 - 1.0 / base);
            let inv_lin = scale.transform(linthresh);
            if t.abs() <= inv_lin {
                t / adj
            } else {
                t.signum() * linthresh * base.powf(t.abs() / linthresh - adj)
            }
        }
    }
}

/// `autoscale_view` for one axis: the new bounds, low first.
pub(crate) fn autoscale(
    lim: (f64, f64),
    minpos: f64,
    stickies: &[f64],
    margin: f64,
    scale: AxisScale,
) -> (f64, f64) {
    let (x0, x1) = if lim.0 <= lim.1 {
        lim
    } else {
        (f64::NEG_INFINITY, f64::INFINITY)
    };
    let (x0, x1) = locator_nonsingular(x0, x1, scale, minpos);
    let tol = 1e-5 * (x1 - x0).abs();
    let mut st: Vec<f64> = stickies
        .iter()
        .copied()
        .filter(|&v| scale.log_base().is_none() || v > 0.0)
        .collect();
    if margin == 0.0 {
        st.clear();
    }
    let x0bound = st
        .iter()
        .copied()
        .filter(|&v| v <= x0 + tol)
        .fold(f64::NEG_INFINITY, f64::max);
    let x1bound = st
        .iter()
        .copied()
        .filter(|&v| v >= x1 - tol)
        .fold(f64::INFINITY, f64::min);
    let (x0, x1) = limit_range(x0, x1, scale, minpos);
    let (x0t, x1t) = (scale.transform(x0), scale.transform(x1));
    let mut delta = (x1t - x0t) * margin;
    if !delta.is_finite() {
        delta = 0.0;
    }
    let (a, b) = (inverse(scale, x0t - delta), inverse(scale, x1t + delta));
    let (a, b) = (a.max(x0bound), b.min(x1bound));
    // view_limits: _nonsingular(vmin, vmax) with the default expander.
    match scale {
        AxisScale::Log { .. } => locator_nonsingular(a, b, scale, minpos),
        _ => nonsingular(a, b, 0.001, 1e-15),
    }
}

/// The view limits of one axis as drawn: autoscaled when autoscaling is on and was
/// requested, the stored limits otherwise; oriented like the stored limits.
pub(crate) fn view(ax: &Axes, which: Which) -> (f64, f64) {
    view_with(ax, which, &mut None)
}

/// [`view`] of both axes, the artists' data limits computed once (a long line's are a
/// pass over its points).
pub(crate) fn views(ax: &Axes) -> ((f64, f64), (f64, f64)) {
    let mut lim = None;
    (
        view_with(ax, Which::X, &mut lim),
        view_with(ax, Which::Y, &mut lim),
    )
}

/// [`view`] with the data limits taken from `lim`, computed there when `None`.
fn view_with(ax: &Axes, which: Which, lim: &mut Option<DataLim>) -> (f64, f64) {
    let st: &AxisState = match which {
        Which::X => &ax.plot.x,
        Which::Y => &ax.plot.y,
    };
    if !(st.auto && st.stale) {
        return st.lim;
    }
    autoscaled_with(ax, which, lim)
}

/// `autoscale_view` of one axis of a lone Axes now (whether requested or not), oriented
/// like the stored limits.
pub(crate) fn autoscaled(ax: &Axes, which: Which) -> (f64, f64) {
    autoscaled_with(ax, which, &mut None)
}

fn autoscaled_with(ax: &Axes, which: Which, lim: &mut Option<DataLim>) -> (f64, f64) {
    let st: &AxisState = match which {
        Which::X => &ax.plot.x,
        Which::Y => &ax.plot.y,
    };
    let lim = *lim.get_or_insert_with(|| data_limits(ax));
    let (l, minpos) = match which {
        Which::X => (lim.x, lim.minpos.0),
        Which::Y => (lim.y, lim.minpos.1),
    };
    if keeps_view(l, st.lim) {
        return st.lim;
    }
    let (a, b) = autoscale(l, minpos, &stickies(ax, which), st.margin, st.scale);
    if st.lim.0 > st.lim.1 {
        (b, a)
    } else {
        (a, b)
    }
}

/// `handle_single_axis` without data: a view already set (`viewLim.mutatedx()`: not the
/// initial (0, 1)) is kept.
pub(crate) fn keeps_view(data: (f64, f64), view: (f64, f64)) -> bool {
    let has_data = data.0 <= data.1;
    !has_data && view != (0.0, 1.0)
}

/// `set_xlim` / `set_ylim` arithmetic (`Axis._set_lim`): fills `None` sides from `current`,
/// ignores non-positive sides on log axes, makes the range non-singular.
pub(crate) fn set_lim(
    current: (f64, f64),
    v0: Option<f64>,
    v1: Option<f64>,
    scale: AxisScale,
    minpos: f64,
) -> (f64, f64) {
    let mut a = v0.unwrap_or(current.0);
    let mut b = v1.unwrap_or(current.1);
    if scale.log_base().is_some() {
        if a <= 0.0 {
            a = current.0;
        }
        if b <= 0.0 {
            b = current.1;
        }
    }
    let reverse = a > b;
    let (a, b) = locator_nonsingular(a, b, scale, minpos);
    let (a, b) = limit_range(a, b, scale, minpos);
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    if reverse {
        (hi, lo)
    } else {
        (lo, hi)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn margins_and_singular_ranges() {
        // Measured with matplotlib 3.11: plot([1, 1]) -> y (0.945, 1.0550000000000002).
        let y = autoscale((1.0, 1.0), 1.0, &[], 0.05, AxisScale::Linear);
        assert_eq!(y, (0.945, 1.0550000000000002));
        // plot([]) -> (-0.05500000000000001, 0.05500000000000001).
        let e = autoscale(
            (f64::INFINITY, f64::NEG_INFINITY),
            f64::INFINITY,
            &[],
            0.05,
            AxisScale::Linear,
        );
        assert_eq!(e, (-0.05500000000000001, 0.05500000000000001));
        // x 0..2 -> (-0.1, 2.1).
        assert_eq!(
            autoscale((0.0, 2.0), 1.0, &[], 0.05, AxisScale::Linear),
            (-0.1, 2.1)
        );
        // log y of 1..100 -> (0.7943282347242815, 125.89254117941677).
        assert_eq!(
            autoscale((1.0, 100.0), 1.0, &[], 0.05, AxisScale::LOG10),
            (0.7943282347242815, 125.89254117941677)
        );
    }
}
