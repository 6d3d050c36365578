//! `MaxNLocator` as `AutoLocator` configures it (matplotlib `ticker.MaxNLocator`).

use super::pyfloat::{divmod, floordiv};
use crate::{Error, Result};

/// Upper bound on the number of ticks one call may produce; matplotlib only logs a warning
/// past `Locator.MAXTICKS` (1000), we refuse absurd counts instead of allocating them.
const TICK_LIMIT: f64 = 1.0e6;

/// matplotlib's `transforms._nonsingular(vmin, vmax, expander, tiny, increasing=True)`:
/// sorts the interval and widens it when it is (nearly) empty.
pub fn nonsingular(vmin: f64, vmax: f64, expander: f64, tiny: f64) -> (f64, f64) {
    if !vmin.is_finite() || !vmax.is_finite() {
        return (-expander, expander);
    }
    let (mut lo, mut hi) = if vmax < vmin {
        (vmax, vmin)
    } else {
        (vmin, vmax)
    };
    let maxabs = lo.abs().max(hi.abs());
    if maxabs < (1e6 / tiny) * f64::MIN_POSITIVE {
        lo = -expander;
        hi = expander;
    } else if hi - lo <= maxabs * tiny {
        if hi == 0.0 && lo == 0.0 {
            lo = -expander;
            hi = expander;
        } else {
            lo -= expander * lo.abs();
            hi += expander * hi.abs();
        }
    }
    (lo, hi)
}

/// matplotlib's `ticker.scale_range(vmin, vmax, n)`: returns `(scale, offset)`.
pub fn scale_range(vmin: f64, vmax: f64, n: f64) -> (f64, f64) {
    let threshold = 100.0;
    let dv = (vmax - vmin).abs();
    let meanv = (vmax + vmin) / 2.0;
    let offset = if meanv.abs() / dv < threshold {
        0.0
    } else {
        10f64
            .powf(floordiv(meanv.abs().log10(), 1.0))
            .copysign(meanv)
    };
    let scale = 10f64.powf(floordiv((dv / n).log10(), 1.0));
    (scale, offset)
}

/// matplotlib's `ticker._Edge_integer`: integer multiples of a step with a tolerance that
/// grows with the offset.
struct EdgeInteger {
    step: f64,
    offset: f64,
}

impl EdgeInteger {
    fn closeto(&self, ms: f64, edge: f64) -> bool {
        let tol = if self.offset > 0.0 {
            let digits = (self.offset / self.step).log10();
            1e-10_f64.max(10f64.powf(digits - 12.0)).min(0.4999)
        } else {
            1e-10
        };
        (ms - edge).abs() < tol
    }

    /// Largest n with n * step <= x.
    fn le(&self, x: f64) -> f64 {
        let (d, m) = divmod(x, self.step);
        if self.closeto(m / self.step, 1.0) {
            d + 1.0
        } else {
            d
        }
    }

    /// Smallest n with n * step >= x.
    fn ge(&self, x: f64) -> f64 {
        let (d, m) = divmod(x, self.step);
        if self.closeto(m / self.step, 0.0) {
            d
        } else {
            d + 1.0
        }
    }
}

/// matplotlib's `MaxNLocator` with `prune=None`, `symmetric=False`, `integer=False` and
/// `axes.autolimit_mode = 'data'`, i.e. the locator behind `AutoLocator`.
#[derive(Debug, Clone, PartialEq)]
pub struct MaxNLocator {
    nbins: usize,
    steps: Vec<f64>,
    min_n_ticks: usize,
}

impl MaxNLocator {
    /// `AutoLocator()` with a resolved `nbins`: steps `[1, 2, 2.5, 5, 10]`, `min_n_ticks = 2`.
    ///
    /// `nbins` is the number of intervals; with `nbins='auto'` matplotlib uses
    /// [`auto_nbins`](super::auto_nbins) of the axis (9 when the locator has no axis).
    pub fn auto(nbins: usize) -> Result<Self> {
        Self::new(nbins, &[1.0, 2.0, 2.5, 5.0, 10.0], 2)
    }

    /// A `MaxNLocator(nbins, steps=steps, min_n_ticks=min_n_ticks)`. `steps` must be
    /// increasing and within [1, 10]; 1 and 10 are added when missing, as matplotlib does.
    pub fn new(nbins: usize, steps: &[f64], min_n_ticks: usize) -> Result<Self> {
        if nbins == 0 {
            return Err(Error::invalid("nbins", nbins, "at least 1"));
        }
        let valid = !steps.is_empty()
            && steps.windows(2).all(|w| w[1] > w[0])
            && steps.iter().all(|s| (1.0..=10.0).contains(s));
        if !valid {
            return Err(Error::invalid(
                "steps",
                format!("{steps:?}"),
                "an increasing sequence of numbers between 1 and 10 inclusive",
            ));
        }
        let mut s = steps.to_vec();
        if s.first() != Some(&1.0) {
            s.insert(0, 1.0);
        }
        if s.last() != Some(&10.0) {
            s.push(10.0);
        }
        Ok(Self {
            nbins,
            steps: s,
            min_n_ticks: min_n_ticks.max(1),
        })
    }

    /// matplotlib's `MaxNLocator._staircase`: `0.1 * steps[:-1]`, `steps`, `10 * steps[1]`.
    fn extended_steps(&self) -> Vec<f64> {
        let n = self.steps.len();
        let mut out: Vec<f64> = self.steps[..n - 1].iter().map(|s| 0.1 * s).collect();
        out.extend_from_slice(&self.steps);
        out.push(10.0 * self.steps[1.min(n - 1)]);
        out
    }

    /// `MaxNLocator.tick_values(vmin, vmax)`: the tick locations covering the interval,
    /// including (normally) one beyond each end. The interval may be given in either order
    /// and is widened first if degenerate. Use [`visible_ticks`](super::visible_ticks)
    /// to get the ones matplotlib draws.
    pub fn tick_values(&self, vmin: f64, vmax: f64) -> Result<Vec<f64>> {
        let (vmin, vmax) = nonsingular(vmin, vmax, 1e-13, 1e-14);
        self.raw_ticks(vmin, vmax)
    }

    /// `MaxNLocator._raw_ticks` for `autolimit_mode = 'data'`.
    fn raw_ticks(&self, vmin: f64, vmax: f64) -> Result<Vec<f64>> {
        let nbins = self.nbins as f64;
        let (scale, offset) = scale_range(vmin, vmax, nbins);
        let lo = vmin - offset;
        let hi = vmax - offset;
        let steps: Vec<f64> = self.extended_steps().iter().map(|s| s * scale).collect();
        let raw_step = (hi - lo) / nbins;
        let istep = steps
            .iter()
            .position(|&s| s >= raw_step)
            .unwrap_or(steps.len() - 1);

        let mut ticks = Vec::new();
        for &step in steps[..=istep].iter().rev() {
            let best_vmin = floordiv(lo, step) * step;
            let edge = EdgeInteger {
                step,
                offset: offset.abs(),
            };
            let low = edge.le(lo - best_vmin);
            let high = edge.ge(hi - best_vmin);
            // np.arange(low, high + 1): ceil(high + 1 - low) values.
            let count = (high + 1.0 - low).ceil();
            if !count.is_finite() || count > TICK_LIMIT {
                return Err(Error::invalid(
                    "tick interval",
                    format!("({vmin:e}, {vmax:e})"),
                    "an interval that yields a manageable number of ticks",
                ));
            }
            let count = count.max(0.0) as usize;
            ticks = (0..count)
                .map(|i| (low + i as f64) * step + best_vmin)
                .collect::<Vec<f64>>();
            let nticks = ticks.iter().filter(|&&t| t <= hi && t >= lo).count();
            if nticks >= self.min_n_ticks {
                break;
            }
        }
        Ok(ticks.into_iter().map(|t| t + offset).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worked_examples() {
        // matplotlib.ticker.MaxNLocator(nbins=n, steps=[1, 2, 2.5, 5, 10]).tick_values(a, b)
        let cases: &[(usize, f64, f64, &[f64])] = &[
            (
                8,
                -0.5,
                511.5,
                &[-100.0, 0.0, 100.0, 200.0, 300.0, 400.0, 500.0, 600.0],
            ),
            (
                9,
                6.8676e-7,
                0.99999677,
                &[0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0],
            ),
            (
                9,
                -1.0,
                1.0,
                &[-1.0, -0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75, 1.0],
            ),
            (
                9,
                0.0,
                0.0,
                &[
                    -1e-13,
                    -7.500000000000001e-14,
                    -5e-14,
                    -2.4999999999999994e-14,
                    0.0,
                    2.4999999999999994e-14,
                    5.0000000000000014e-14,
                    7.500000000000001e-14,
                    1e-13,
                ],
            ),
        ];
        for &(nbins, lo, hi, want) in cases {
            let got = MaxNLocator::auto(nbins)
                .unwrap()
                .tick_values(lo, hi)
                .unwrap();
            assert_eq!(got, want, "nbins {nbins}, ({lo}, {hi})");
        }
    }

    #[test]
    fn rejects_bad_parameters() {
        assert!(MaxNLocator::auto(0).is_err());
        assert!(MaxNLocator::new(5, &[2.0, 1.0], 2).is_err());
        assert!(MaxNLocator::new(5, &[0.5], 2).is_err());
    }
}
