//! `SymmetricalLogLocator` (the locator of a symlog axis and of a colorbar with
//! `SymLogNorm`) and `FixedLocator` (a colorbar with `BoundaryNorm`).

use super::pyfloat::floordiv;
use crate::{Error, Result};

/// matplotlib's `SymmetricalLogLocator(base=..., linthresh=..., subs)` with its fixed
/// `numticks = 15`.
#[derive(Debug, Clone, PartialEq)]
pub struct SymmetricalLogLocator {
    base: f64,
    linthresh: f64,
    subs: Vec<f64>,
    numticks: usize,
}

impl SymmetricalLogLocator {
    /// The major locator of a symlog axis (`subs=None`, i.e. `[1.0]`). The minor locator
    /// of a symlog scale with default `subs` is the same, so every minor tick coincides
    /// with a major one and none is drawn.
    pub fn new(base: f64, linthresh: f64) -> Result<Self> {
        Self::with_subs(base, linthresh, vec![1.0])
    }

    /// `SymmetricalLogLocator(base=base, linthresh=linthresh, subs=subs)`.
    pub fn with_subs(base: f64, linthresh: f64, subs: Vec<f64>) -> Result<Self> {
        if !(base.is_finite() && base > 1.0) {
            return Err(Error::invalid(
                "base",
                base,
                "a finite number greater than 1",
            ));
        }
        if !(linthresh.is_finite() && linthresh > 0.0) {
            return Err(Error::invalid(
                "linthresh",
                linthresh,
                "a positive finite number",
            ));
        }
        if subs.is_empty() || subs.iter().any(|s| !s.is_finite()) {
            return Err(Error::invalid(
                "subs",
                format!("{subs:?}"),
                "a non-empty list of finite numbers",
            ));
        }
        Ok(Self {
            base,
            linthresh,
            subs,
            numticks: 15,
        })
    }

    /// `SymmetricalLogLocator.tick_values(vmin, vmax)`.
    pub fn tick_values(&self, vmin: f64, vmax: f64) -> Result<Vec<f64>> {
        if !(vmin.is_finite() && vmax.is_finite()) {
            return Err(Error::invalid(
                "view interval",
                format!("({vmin}, {vmax})"),
                "finite limits",
            ));
        }
        let t = self.linthresh;
        let (vmin, vmax) = if vmax < vmin {
            (vmax, vmin)
        } else {
            (vmin, vmax)
        };
        if -t <= vmin && vmin < vmax && vmax <= t {
            // Only the linear part: sorted({vmin, 0, vmax}).
            let mut v = vec![vmin, 0.0, vmax];
            v.sort_by(f64::total_cmp);
            v.dedup_by(|a, b| a == b);
            return Ok(v);
        }
        let has_a = vmin < -t;
        let has_c = vmax > t;
        let has_b = (has_a && vmax > -t) || (has_c && vmin < t);
        let base = self.base;
        let log_range =
            |lo: f64, hi: f64| ((lo.ln() / base.ln()).floor(), (hi.ln() / base.ln()).ceil());
        let (mut a_lo, mut a_hi) = (0.0, 0.0);
        if has_a {
            (a_lo, a_hi) = log_range(vmax.min(-t).abs(), vmin.abs() + 1.0);
        }
        let (mut c_lo, mut c_hi) = (0.0, 0.0);
        if has_c {
            (c_lo, c_hi) = log_range(vmin.max(t), vmax + 1.0);
        }
        let mut total = (a_hi - a_lo) + (c_hi - c_lo);
        if has_b {
            total += 1.0;
        }
        let stride = floordiv(total, (self.numticks - 1) as f64).max(1.0);

        let mut decades = Vec::new();
        if has_a {
            let mut exps = arange(a_lo, a_hi, stride)?;
            exps.reverse();
            decades.extend(exps.iter().map(|&e| -base.powf(e)));
        }
        if has_b {
            decades.push(0.0);
        }
        if has_c {
            decades.extend(arange(c_lo, c_hi, stride)?.iter().map(|&e| base.powf(e)));
        }
        if self.subs.len() > 1 || self.subs[0] != 1.0 {
            let mut locs = Vec::new();
            for d in decades {
                if d == 0.0 {
                    locs.push(d);
                } else {
                    locs.extend(self.subs.iter().map(|s| s * d));
                }
            }
            Ok(locs)
        } else {
            Ok(decades)
        }
    }
}

/// `np.arange(start, stop, step)` for floats.
fn arange(start: f64, stop: f64, step: f64) -> Result<Vec<f64>> {
    let n = ((stop - start) / step).ceil();
    if !n.is_finite() || n > 1.0e6 {
        return Err(Error::invalid(
            "symlog view interval",
            format!("{start}..{stop}"),
            "a range with a manageable number of decades",
        ));
    }
    Ok((0..n.max(0.0) as usize)
        .map(|i| start + i as f64 * step)
        .collect())
}

/// `FixedLocator(locs, nbins)`: a colorbar with `BoundaryNorm` uses its boundaries with
/// `nbins=10` (major) and all of them (minor, then dropped as overlapping).
#[cfg(test)]
pub fn fixed_locator(locs: &[f64], nbins: Option<usize>) -> Vec<f64> {
    let Some(nbins) = nbins.filter(|&n| n > 0) else {
        return locs.to_vec();
    };
    if locs.is_empty() {
        return Vec::new();
    }
    let step = locs.len().div_ceil(nbins).max(1);
    let pick =
        |first: usize| -> Vec<f64> { locs.iter().skip(first).step_by(step).copied().collect() };
    let min_abs = |v: &[f64]| v.iter().map(|x| x.abs()).fold(f64::INFINITY, f64::min);
    let mut ticks = pick(0);
    for i in 1..step {
        let cand = pick(i);
        if min_abs(&cand) < min_abs(&ticks) {
            ticks = cand;
        }
    }
    ticks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symlog_colorbar() {
        // SymmetricalLogLocator(base=10, linthresh=1).tick_values(-3, 50), the view of a
        // colorbar with SymLogNorm(linthresh=1, vmin=-3, vmax=50)
        let loc = SymmetricalLogLocator::new(10.0, 1.0).unwrap();
        assert_eq!(loc.tick_values(-3.0, 50.0).unwrap(), [-1.0, 0.0, 1.0, 10.0]);
        // Only the linear part: sorted({vmin, 0, vmax}).
        assert_eq!(loc.tick_values(0.5, -0.5).unwrap(), [-0.5, 0.0, 0.5]);
        assert!(SymmetricalLogLocator::new(10.0, 0.0).is_err());
    }

    #[test]
    fn fixed_locator_thins() {
        // FixedLocator(np.arange(25.0), nbins=10).tick_values(None, None)
        let locs: Vec<f64> = (0..25).map(f64::from).collect();
        assert_eq!(
            fixed_locator(&locs, Some(10)),
            [0.0, 3.0, 6.0, 9.0, 12.0, 15.0, 18.0, 21.0, 24.0]
        );
        // FixedLocator([-3, 0, 10, 20, 50], nbins=10): all of them.
        assert_eq!(
            fixed_locator(&[-3.0, 0.0, 10.0, 20.0, 50.0], Some(10)),
            [-3.0, 0.0, 10.0, 20.0, 50.0]
        );
    }
}
