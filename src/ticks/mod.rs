//! Tick locators and formatters, exact with matplotlib 3.11.2's `ticker` module.
//!
//! * [`MaxNLocator`] (what `AutoLocator` is) with the `nbins='auto'` rule [`auto_nbins`];
//! * [`ScalarFormatter`] with its offset / scientific text;
//! * [`LogLocator`] and [`LogFormatterSciNotation`] for log axes (colorbars with `LogNorm`),
//!   labels as structured [`TickLabel`]s for the mathtext layout;
//! * [`visible_ticks`], the filter `Axis._update_ticks` applies before drawing.
//!
//! [`axis_ticks`] does it all for one axis of a given scale.
//!
//! # Which locator and formatter a colorbar uses (matplotlib 3.11.2, measured)
//!
//! | norm | long-axis scale | major locator | formatter | minor ticks |
//! |---|---|---|---|---|
//! | `Normalize` | linear | `AutoLocator` | `ScalarFormatter` | none |
//! | `LogNorm` | log | `LogLocator` | `LogFormatterSciNotation` | `LogLocator(subs='auto')`, labelled only when at most one decade is ticked |
//! | `SymLogNorm` | symlog | `SymmetricalLogLocator` | `LogFormatterSciNotation` | none (same locations as the majors) |
//! | `PowerNorm`, `TwoSlopeNorm`, `CenteredNorm` | function (the norm) | `AutoLocator` on the data view `(vmin, vmax)` | `ScalarFormatter` | none |
//! | `BoundaryNorm` | function (uniform spacing) | `FixedLocator(boundaries, nbins=10)` ([`fixed_locator`]) | `ScalarFormatter` | none (all overlap) |
//! | `AsinhNorm` | asinh | `AsinhLocator` (not implemented) | `LogFormatterSciNotation` | none |
//!
//! For the function scales only the drawing filter differs: use [`visible_ticks_by`] with
//! the norm as forward transform.
//!
//! Everything follows matplotlib's floating-point operations step by step (Python floor
//! division, numpy rounding, printf formatting), because tick positions and label strings
//! must match bit for bit.

mod axis;
mod log;
mod max_n;
pub(crate) mod pyfloat;
mod scalar;
mod symlog;

#[cfg(test)]
mod fixtures;

pub use axis::{auto_minor_ticks, axis_ticks, AxisTicks, Tick};
pub(crate) use axis::{log_minor_ticks, symlog_minor_ticks};
pub use log::{LogFormatterSciNotation, LogLocator, TickLabel};
pub use max_n::{nonsingular, MaxNLocator};
pub use scalar::ScalarFormatter;
#[cfg(test)]
pub use symlog::fixed_locator;
pub use symlog::SymmetricalLogLocator;

use crate::{Error, Result};

/// Which kind of axis a tick locator serves; matplotlib's `XAxis` and `YAxis` estimate their
/// tick space differently. A vertical colorbar's long axis is a y axis, a horizontal
/// colorbar's an x axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AxisKind {
    /// Horizontal axis: labels are assumed at most 3:1 wide, so one tick per 3 label sizes.
    X,
    /// Vertical axis: one tick per 2 label sizes.
    Y,
}

/// The scale of an axis, which decides in what space ticks are compared.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AxisScale {
    /// `'linear'`.
    Linear,
    /// `'log'` (`LogTransform(base, nonpositive)`: `np.log10` for 10, `np.log2` for 2,
    /// `np.log` for e, else `log(x) / log(base)`). Build it with [`AxisScale::log`]
    /// ('clip', matplotlib's default), [`AxisScale::log_masked`] or [`AxisScale::LOG10`].
    Log {
        /// The logarithm base, > 1.
        base: f64,
        /// `nonpositive='mask'`: values <= 0 transform to NaN (lines break there) instead
        /// of being clipped to -1000.
        nonpositive_mask: bool,
    },
    /// `'symlog'` (`SymmetricalLogTransform`).
    SymLog {
        /// The logarithm base.
        base: f64,
        /// Half-width of the linear range around 0.
        linthresh: f64,
        /// Length of the linear range (per side) in decades.
        linscale: f64,
    },
}

impl AxisScale {
    /// `'log'` with base 10 and `nonpositive='clip'`: `set_yscale('log')`.
    pub const LOG10: AxisScale = AxisScale::Log {
        base: 10.0,
        nonpositive_mask: false,
    };

    /// `'log'` with `base` and `nonpositive='clip'`.
    pub fn log(base: f64) -> Self {
        AxisScale::Log {
            base,
            nonpositive_mask: false,
        }
    }

    /// `'log'` with `base` and `nonpositive='mask'`.
    pub fn log_masked(base: f64) -> Self {
        AxisScale::Log {
            base,
            nonpositive_mask: true,
        }
    }

    /// The base of a log scale (`None` for linear and symlog).
    pub fn log_base(self) -> Option<f64> {
        match self {
            AxisScale::Log { base, .. } => Some(base),
            _ => None,
        }
    }

    /// The scale's inverse transform of one value, in numpy's operation order:
    /// `InvertedLogTransform` (`exp(v * log(10))`) and `InvertedSymmetricalLogTransform`
    /// (linear inside `linthresh * linscale_adj`, else `sign * linthresh *
    /// exp((|v| / linthresh - linscale_adj) * log(base))`).
    pub(crate) fn inverse(self, v: f64) -> f64 {
        match self {
            AxisScale::Linear => v,
            AxisScale::Log { base, .. } => inverse_log(base, v),
            AxisScale::SymLog {
                base,
                linthresh,
                linscale,
            } => {
                let linscale_adj = linscale / (1.0 - 1.0 / base);
                let a = v.abs();
                if a <= linthresh * linscale_adj {
                    v / linscale_adj
                } else {
                    let sign = if v > 0.0 {
                        1.0
                    } else if v < 0.0 {
                        -1.0
                    } else {
                        v
                    };
                    sign * linthresh * ((a / linthresh - linscale_adj) * base.ln()).exp()
                }
            }
        }
    }

    /// The scale's forward transform of one value (matplotlib's `Scale.get_transform()`).
    pub fn transform(self, v: f64) -> f64 {
        match self {
            AxisScale::Linear => v,
            AxisScale::Log {
                base,
                nonpositive_mask,
            } => {
                // log of a NaN is NaN; 'clip' sets values <= 0 to -1000, 'mask' to NaN.
                if v > 0.0 || v.is_nan() {
                    if base == 10.0 {
                        v.log10()
                    } else if base == 2.0 {
                        v.log2()
                    } else if base == std::f64::consts::E {
                        v.ln()
                    } else {
                        v.ln() / base.ln()
                    }
                } else if nonpositive_mask {
                    f64::NAN
                } else {
                    -1000.0
                }
            }
            AxisScale::SymLog {
                base,
                linthresh,
                linscale,
            } => {
                let linscale_adj = linscale / (1.0 - 1.0 / base);
                if v.abs() <= linthresh {
                    v * linscale_adj
                } else {
                    let log_base = base.ln();
                    v.signum()
                        * linthresh
                        * (linscale_adj - linthresh.ln() / log_base + v.abs().ln() / log_base)
                }
            }
        }
    }
}

/// `InvertedLogTransform(base)`: `np.exp2` for 2, `np.exp` for e, else
/// `np.exp(v * np.log(base))`.
pub(crate) fn inverse_log(base: f64, v: f64) -> f64 {
    if base == 2.0 {
        v.exp2()
    } else if base == std::f64::consts::E {
        v.exp()
    } else {
        (v * base.ln()).exp()
    }
}

/// `Axis.get_tick_space()`: how many ticks fit along an axis of `axis_len_px` device pixels
/// at `dpi`, with tick labels of `label_size_pt` points.
///
/// x: `floor(len_pt / (3 * size))`, y: `floor(len_pt / (2 * size))`; `len_pt = px / dpi * 72`.
pub fn tick_space(axis_len_px: f64, dpi: f64, label_size_pt: f64, axis: AxisKind) -> Result<i64> {
    if !(axis_len_px.is_finite() && axis_len_px >= 0.0) {
        return Err(Error::invalid(
            "axis length",
            axis_len_px,
            "a finite, non-negative number of pixels",
        ));
    }
    if !(dpi.is_finite() && dpi > 0.0) {
        return Err(Error::invalid("dpi", dpi, "a positive finite number"));
    }
    if !label_size_pt.is_finite() {
        return Err(Error::invalid(
            "tick label size",
            label_size_pt,
            "a finite number of points",
        ));
    }
    let length = axis_len_px / dpi * 72.0;
    let size = label_size_pt
        * match axis {
            AxisKind::X => 3.0,
            AxisKind::Y => 2.0,
        };
    if size > 0.0 {
        Ok((length / size).floor() as i64)
    } else {
        Ok(i64::from(i32::MAX))
    }
}

/// `nbins='auto'` of `MaxNLocator` on an axis: `clip(get_tick_space(), 1, 9)`.
#[cfg(test)]
pub fn auto_nbins(axis_len_px: f64, dpi: f64, label_size_pt: f64, axis: AxisKind) -> Result<usize> {
    Ok(nbins_from_tick_space(tick_space(
        axis_len_px,
        dpi,
        label_size_pt,
        axis,
    )?))
}

/// `clip(tick_space, max(1, min_n_ticks - 1), 9)` for the default `min_n_ticks = 2`.
pub fn nbins_from_tick_space(tick_space: i64) -> usize {
    tick_space.clamp(1, 9) as usize
}

/// The ticks `Axis._update_ticks` draws: those within the view interval widened by
/// `1e-10` of its length, compared in scale space (`transforms._interval_contains_close`).
#[cfg(test)]
pub fn visible_ticks(locs: &[f64], view_a: f64, view_b: f64, scale: AxisScale) -> Vec<f64> {
    visible_ticks_by(locs, view_a, view_b, |v| scale.transform(v))
}

/// [`visible_ticks`] for any scale, given its forward transform. A colorbar whose norm
/// is not a plain `Normalize` (`PowerNorm`, `TwoSlopeNorm`, `CenteredNorm`, `BoundaryNorm`)
/// has a `'function'` scale whose forward transform is the norm itself (for
/// `BoundaryNorm` with uniform spacing, the position among the boundaries).
pub fn visible_ticks_by(
    locs: &[f64],
    view_a: f64,
    view_b: f64,
    forward: impl Fn(f64) -> f64,
) -> Vec<f64> {
    let inside = view_filter(view_a, view_b, forward);
    locs.iter().copied().filter(|&l| inside(l)).collect()
}

/// `transforms._interval_contains_close(forward(view), forward(loc), rtol=1e-10)` as a
/// predicate on `loc`.
fn view_filter(view_a: f64, view_b: f64, forward: impl Fn(f64) -> f64) -> impl Fn(f64) -> bool {
    let (mut a, mut b) = (forward(view_a), forward(view_b));
    if a > b {
        std::mem::swap(&mut a, &mut b);
    }
    let tol = (b - a) * 1e-10;
    move |loc| {
        let t = forward(loc);
        a - tol <= t && t <= b + tol
    }
}

/// `Axis.get_minorticklocs`: drops minor locations that coincide with a major one, within
/// `1e-5` of the view length in scale space (`np.isclose(..., atol=tol, rtol=0)`).
pub fn remove_overlapping_locs(
    minor: &[f64],
    major: &[f64],
    view_a: f64,
    view_b: f64,
    scale: AxisScale,
) -> Vec<f64> {
    let (a, b) = (scale.transform(view_a), scale.transform(view_b));
    let tol = (b - a).abs() * 1e-5;
    let major_t: Vec<f64> = major.iter().map(|&m| scale.transform(m)).collect();
    minor
        .iter()
        .copied()
        .filter(|&m| {
            let t = scale.transform(m);
            !major_t.iter().any(|&j| (t - j).abs() <= tol)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `log(10)` is the plain base-10 scale; other bases and 'mask' transform per
    /// LogTransform and invert back.
    #[test]
    fn log_scales_of_any_base() {
        assert_eq!(AxisScale::log(10.0), AxisScale::LOG10);
        assert_eq!(AxisScale::log(2.0).log_base(), Some(2.0));
        assert_eq!(AxisScale::log(2.0).transform(8.0), 3.0);
        assert_eq!(AxisScale::log(2.0).transform(0.0), -1000.0);
        assert_eq!(AxisScale::log(2.0).inverse(3.0), 8.0);
        assert_eq!(AxisScale::log(3.0).transform(9.0), 9f64.ln() / 3f64.ln());
        assert!(AxisScale::log_masked(10.0).transform(-1.0).is_nan());
        assert_eq!(AxisScale::log_masked(10.0).transform(100.0), 2.0);
        let t = axis_ticks((1.0, 16.0), 6, AxisScale::log(2.0)).unwrap();
        let locs: Vec<f64> = t.major.iter().map(|t| t.loc).collect();
        assert_eq!(locs, [1.0, 2.0, 4.0, 8.0, 16.0]);
    }

    #[test]
    fn tick_space_examples() {
        // ax.xaxis.get_tick_space() / ax.yaxis.get_tick_space() on the standard figure
        // (6.4x4.8 in, dpi 100, axes 369.6 px high); cax height 369.6 px (vertical cb).
        let cases = [
            (369.6, 100.0, 10.0, AxisKind::X, 8),
            (369.6, 100.0, 10.0, AxisKind::Y, 13),
            (95.0, 100.0, 10.0, AxisKind::Y, 3),
            (150.0, 100.0, 10.0, AxisKind::X, 3),
        ];
        for (px, dpi, size, kind, want) in cases {
            assert_eq!(tick_space(px, dpi, size, kind).unwrap(), want);
        }
        assert_eq!(auto_nbins(369.6, 100.0, 10.0, AxisKind::Y).unwrap(), 9);
        assert_eq!(auto_nbins(10.0, 100.0, 10.0, AxisKind::X).unwrap(), 1);
        assert!(tick_space(100.0, 0.0, 10.0, AxisKind::X).is_err());
    }

    #[test]
    fn extreme_inputs_do_not_panic() {
        // Whatever matplotlib does with these (overflow warnings, empty results), the
        // port must return a value or an error, never panic or allocate without bound.
        let extremes = [
            (-1e308, 1e308),
            (1e308, 1.7e308),
            (5e-324, 1e-323),
            (f64::NAN, 1.0),
            (f64::NEG_INFINITY, f64::INFINITY),
            (0.0, 0.0),
            (-0.0, 5e-324),
            (1e-300, 1e300),
        ];
        for (a, b) in extremes {
            for space in [0, 1, 13, 1000] {
                for scale in [
                    AxisScale::Linear,
                    AxisScale::LOG10,
                    AxisScale::SymLog {
                        base: 10.0,
                        linthresh: 1.0,
                        linscale: 1.0,
                    },
                ] {
                    let _ = axis_ticks((a, b), space, scale);
                }
            }
            let _ = ScalarFormatter::default().format_ticks(&[a, b], a, b);
            let _ = LogFormatterSciNotation::major(10.0)
                .unwrap()
                .format_ticks(&[a, b], a, b);
        }
        assert!(LogLocator::minor(1e300, 9).is_err());
    }

    #[test]
    fn drawing_filter() {
        // Axis._update_ticks on (6.8676e-7, 0.99999677): 0 and 1 fall outside.
        let locs = [0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0];
        assert_eq!(
            visible_ticks(&locs, 6.8676e-7, 0.99999677, AxisScale::Linear),
            [0.2, 0.4, 0.6000000000000001, 0.8]
        );
        // Within 1e-10 of the length counts as inside.
        assert_eq!(
            visible_ticks(&[1.0 + 5e-11], 1.0, 0.0, AxisScale::Linear),
            [1.0 + 5e-11]
        );
    }
}
