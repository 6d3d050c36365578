//! One pass over large float64 data for `imshow` (issue 21): whether any value is
//! non-finite (`safe_masked_invalid` then masks them) and the finite min and max (what
//! `autoscale_None` then takes) together. The CLI's `imshow` of a 2048² `.npy` read its
//! 32 MB twice at `imshow` for these (the non-finite scan, then the autoscale pass).

use rayon::prelude::*;

use super::large::LARGE_MIN_PIXELS;
use super::{ScalarData, Values};
use crate::color::norm::{DataStats, Norm, NormKind};
use crate::cpu::{self, Kernel};

/// Values a task scans.
const TASK_VALUES: usize = 1 << 16;

/// The exponent bits of a float64: all set for ±inf and NaN.
const EXP: u64 = 0x7ff0_0000_0000_0000;

/// The integer key that orders float64 bit patterns like their values (the magnitude bits
/// of negative values flipped; -0 just below +0), as `finite_min_max_f64` orders them.
/// The map is its own inverse.
#[inline(always)]
fn key(bits: u64) -> i64 {
    let b = bits as i64;
    b ^ (((b >> 63) as u64) >> 1) as i64
}

/// The finite min and max keys of a slice and whether any value was not finite.
struct Scan<'a>(&'a [f64]);

impl Kernel for Scan<'_> {
    type Output = (i64, i64, bool);
    #[inline(always)]
    fn run(self) -> (i64, i64, bool) {
        let mut lo = i64::MAX;
        let mut hi = i64::MIN;
        let mut bad = 0u64;
        for x in self.0 {
            let bits = x.to_bits();
            let finite = (bits & EXP) != EXP;
            let k = key(bits);
            lo = lo.min(if finite { k } else { i64::MAX });
            hi = hi.max(if finite { k } else { i64::MIN });
            bad |= u64::from(!finite);
        }
        (lo, hi, bad != 0)
    }
}

/// `Some((min, max))` of the finite values of `xs` (`(inf, -inf)` when there is none) when
/// every value is finite, `None` when any is not (NaN or ±inf), in parallel; from
/// [`LARGE_MIN_PIXELS`] values (`None` below, without reading them). The tasks' keys are
/// merged as keys, so the limits are those of `finite_min_max_f64` over the whole slice
/// (-0 below +0) whatever the split.
pub(crate) fn all_finite_min_max(xs: &[f64]) -> Option<(f64, f64)> {
    if xs.len() < LARGE_MIN_PIXELS {
        return None;
    }
    let (lo, hi) = xs
        .par_chunks(TASK_VALUES)
        .map(|c| match cpu::vectorized(Scan(c)) {
            (_, _, true) => None,
            (lo, hi, false) => Some((lo, hi)),
        })
        .try_reduce(
            || (i64::MAX, i64::MIN),
            |a, b| Some((a.0.min(b.0), a.1.max(b.1))),
        )?;
    if lo > hi {
        return Some((f64::INFINITY, f64::NEG_INFINITY));
    }
    let value = |k: i64| f64::from_bits(key(k as u64) as u64);
    Some((value(lo), value(hi)))
}

impl ScalarData<'_> {
    /// [`ScalarData::autoscaled`] for data of which [`all_finite_min_max`] gave `(lo, hi)`:
    /// the limits the autoscale pass would take, without that pass, where that pass is the
    /// large float64 route's min/max (unmasked contiguous float64 from
    /// [`LARGE_MIN_PIXELS`] values, not `LogNorm`, which needs the positive values); the
    /// pass otherwise.
    pub(crate) fn autoscaled_from_min_max(&self, norm: &Norm, (lo, hi): (f64, f64)) -> Norm {
        let large_f64 = match (&self.values, &self.mask) {
            (Values::F64(v), None) => v.to_slice().is_some_and(|xs| xs.len() >= LARGE_MIN_PIXELS),
            _ => false,
        };
        if !large_f64 || self.half || matches!(norm.kind(), NormKind::Log) {
            return self.autoscaled(norm);
        }
        self.autoscaled_with(norm, || DataStats::f64_min_max(lo, hi))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    /// The one pass gives the autoscale pass's limits, and `None` for any non-finite value
    /// wherever it is.
    #[test]
    fn one_pass_matches_the_autoscale_pass() {
        let n = LARGE_MIN_PIXELS + 12_345;
        let mut xs: Vec<f64> = (0..n)
            .map(|i| ((i as f64) * 0.618_033_988_75).fract() * 2e3 - 1e3)
            .collect();
        xs[77] = -0.0;
        xs[n / 5 * 5 - 1] = 1e300;
        xs[n / 2] = -3e299;
        let data = ndarray::ArrayView2::from_shape((n / 5, 5), &xs[..n / 5 * 5]).unwrap();
        let d = ScalarData::new(data);
        let mm = all_finite_min_max(data.as_slice().unwrap()).unwrap();
        assert_eq!(mm, (-3e299, 1e300));
        let stats = d.stats(false);
        assert_eq!((stats.min, stats.max), (Some(mm.0), Some(mm.1)));
        let norm = Norm::linear();
        let a = d.autoscaled(&norm);
        let b = d.autoscaled_from_min_max(&norm, mm);
        assert_eq!((a.vmin(), a.vmax()), (b.vmin(), b.vmax()));
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            for at in [0, 1, n / 3, n - 1] {
                let mut ys = xs.clone();
                ys[at] = bad;
                assert_eq!(all_finite_min_max(&ys), None, "{bad} at {at}");
            }
        }
        assert_eq!(all_finite_min_max(&xs[..LARGE_MIN_PIXELS - 1]), None);
        let zeros = vec![0.0; LARGE_MIN_PIXELS];
        assert_eq!(all_finite_min_max(&zeros), Some((0.0, 0.0)));
    }
}
