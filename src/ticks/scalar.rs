//! `ScalarFormatter` with matplotlib's default rcParams (matplotlib `ticker.ScalarFormatter`).

use super::pyfloat::{fix_minus, floordiv, fmt_f, fmt_g, np_round, pow10};

/// Safety net for the offset search loops, which terminate long before this for finite
/// input (they walk down from `ceil(log10(max))` one power of ten at a time).
const MAX_OOM_STEPS: usize = 2000;

/// matplotlib's `ScalarFormatter` with `useMathText=False`, `useLocale=False` and
/// `axes.unicode_minus=True` (minus signs are U+2212).
#[derive(Debug, Clone, PartialEq)]
pub struct ScalarFormatter {
    /// `axes.formatter.useoffset` (automatic offset mode).
    pub use_offset: bool,
    /// `axes.formatter.offset_threshold`: digits an offset must save to be used.
    pub offset_threshold: i32,
    /// `axes.formatter.limits`: scientific notation when the order of magnitude is
    /// `<= .0` or `>= .1`.
    pub power_limits: (i32, i32),
    /// `set_scientific`: whether an order of magnitude may be factored out at all.
    pub scientific: bool,
}

impl Default for ScalarFormatter {
    fn default() -> Self {
        Self {
            use_offset: true,
            offset_threshold: 4,
            power_limits: (-5, 6),
            scientific: true,
        }
    }
}

/// What `ScalarFormatter.format_ticks` plus `get_offset` produce for one axis.
#[derive(Debug, Clone, PartialEq)]
pub struct ScalarLabels {
    /// One label per input location, in order (labels of undrawn ticks included).
    pub labels: Vec<String>,
    /// The offset / scientific text drawn at the end of the axis (`get_offset()`),
    /// e.g. `"1e6"`, `"+1.234e7"`, `"1e\u{2212}5+1.2e3"`; empty when unused.
    pub offset_text: String,
    /// The additive offset subtracted from every location.
    pub offset: f64,
    /// The power of ten the locations were divided by.
    pub order_of_magnitude: i32,
    /// The printf decimals used for every label (`'%1.{decimals}f'`).
    pub decimals: usize,
}

impl ScalarFormatter {
    /// `format_ticks(locs)` followed by `get_offset()`, for an axis whose view interval is
    /// `(view_min, view_max)` (either order). `locs` are all locations the locator
    /// returned, including those outside the view.
    pub fn format_ticks(&self, locs: &[f64], view_min: f64, view_max: f64) -> ScalarLabels {
        if locs.is_empty() {
            return ScalarLabels {
                labels: Vec::new(),
                offset_text: String::new(),
                offset: 0.0,
                order_of_magnitude: 0,
                decimals: 0,
            };
        }
        let (vmin, vmax) = if view_max < view_min {
            (view_max, view_min)
        } else {
            (view_min, view_max)
        };
        let visible: Vec<f64> = locs
            .iter()
            .copied()
            .filter(|&l| vmin <= l && l <= vmax)
            .collect();
        let offset = if self.use_offset {
            self.compute_offset(&visible)
        } else {
            0.0
        };
        let oom = self.order_of_magnitude(&visible, offset, vmin, vmax);
        let decimals = set_format(locs, offset, oom, view_min, view_max);
        let divisor = pow10(i64::from(oom));
        let labels = locs
            .iter()
            .map(|&x| {
                let mut xp = (x - offset) / divisor;
                if xp.abs() < 1e-8 {
                    xp = 0.0;
                }
                fix_minus(&fmt_f(xp, decimals))
            })
            .collect();
        ScalarLabels {
            labels,
            offset_text: offset_text(offset, oom),
            offset,
            order_of_magnitude: oom,
            decimals,
        }
    }

    /// `ScalarFormatter._compute_offset` on the visible locations.
    fn compute_offset(&self, visible: &[f64]) -> f64 {
        let Some(lmin) = visible.iter().copied().reduce(f64::min) else {
            return 0.0;
        };
        let lmax = visible.iter().copied().fold(lmin, f64::max);
        if lmin == lmax || (lmin <= 0.0 && 0.0 <= lmax) {
            return 0.0;
        }
        let (abs_min, abs_max) = {
            let (a, b) = (lmin.abs(), lmax.abs());
            if a <= b {
                (a, b)
            } else {
                (b, a)
            }
        };
        let sign = 1f64.copysign(lmin);
        let oom_max = abs_max.log10().ceil();
        // Smallest power of ten at which abs_min and abs_max agree.
        let Some(found) = count_down(oom_max, |oom| {
            floordiv(abs_min, 10f64.powf(oom)) != floordiv(abs_max, 10f64.powf(oom))
        }) else {
            return 0.0;
        };
        let mut oom = 1.0 + found;
        if (abs_max - abs_min) / 10f64.powf(oom) <= 1e-2 {
            // Straddling a multiple of a large power of ten: the power at which they
            // differ by more than one unit.
            let Some(found) = count_down(oom_max, |oom| {
                floordiv(abs_max, 10f64.powf(oom)) - floordiv(abs_min, 10f64.powf(oom)) > 1.0
            }) else {
                return 0.0;
            };
            oom = 1.0 + found;
        }
        let n = self.offset_threshold - 1;
        let scaled = floordiv(abs_max, 10f64.powf(oom));
        if scaled >= pow10(i64::from(n)) {
            sign * scaled * 10f64.powf(oom)
        } else {
            0.0
        }
    }

    /// `ScalarFormatter._set_order_of_magnitude`.
    fn order_of_magnitude(&self, visible: &[f64], offset: f64, vmin: f64, vmax: f64) -> i32 {
        if !self.scientific {
            return 0;
        }
        let (lo_lim, hi_lim) = self.power_limits;
        if lo_lim == hi_lim && lo_lim != 0 {
            return lo_lim;
        }
        if visible.is_empty() {
            return 0;
        }
        let oom = if offset != 0.0 {
            floor_log10(vmax - vmin)
        } else {
            let val = visible.iter().map(|v| v.abs()).fold(0.0, f64::max);
            if val == 0.0 {
                0
            } else {
                floor_log10(val)
            }
        };
        if oom <= lo_lim || oom >= hi_lim {
            oom
        } else {
            0
        }
    }
}

/// `math.floor(math.log10(x))` as an integer (saturating for 0 / non-finite input).
fn floor_log10(x: f64) -> i32 {
    let v = x.log10().floor();
    if v.is_finite() {
        v.clamp(f64::from(i32::MIN), f64::from(i32::MAX)) as i32
    } else {
        0
    }
}

/// First `oom` in `start, start - 1, ...` for which `pred` holds.
fn count_down(start: f64, pred: impl Fn(f64) -> bool) -> Option<f64> {
    let mut oom = start;
    for _ in 0..MAX_OOM_STEPS {
        if pred(oom) {
            return Some(oom);
        }
        oom -= 1.0;
    }
    None
}

/// `ScalarFormatter._set_format`: the number of decimals of `'%1.{n}f'`.
fn set_format(locs: &[f64], offset: f64, oom: i32, view_a: f64, view_b: f64) -> usize {
    let divisor = pow10(i64::from(oom));
    let mut scaled: Vec<f64> = locs.to_vec();
    let augmented = locs.len() < 2;
    if augmented {
        scaled.push(view_a);
        scaled.push(view_b);
    }
    for v in &mut scaled {
        *v = (*v - offset) / divisor;
    }
    let max = scaled.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let min = scaled.iter().copied().fold(f64::INFINITY, f64::min);
    let mut loc_range = max - min;
    if loc_range == 0.0 {
        loc_range = scaled.iter().map(|v| v.abs()).fold(0.0, f64::max);
    }
    if loc_range == 0.0 {
        loc_range = 1.0;
    }
    if augmented {
        scaled.truncate(locs.len());
    }
    let range_oom = i64::from(floor_log10(loc_range));
    let mut sigfigs = (3 - range_oom).max(0);
    let thresh = 1e-3 * pow10(range_oom);
    while sigfigs >= 0 {
        let err = scaled
            .iter()
            .map(|&v| (v - np_round(v, sigfigs)).abs())
            .fold(f64::NEG_INFINITY, f64::max);
        if err < thresh {
            sigfigs -= 1;
        } else {
            break;
        }
    }
    (sigfigs + 1).max(0) as usize
}

/// `ScalarFormatter.format_data(value)` without mathtext: `"1.2345e5"`, `"1e6"`, `"2.5"`.
fn format_data(value: f64) -> String {
    let e = value.abs().log10().floor();
    let e = if e.is_finite() { e as i64 } else { 0 };
    // The offset is a numpy float64, so Python's `round(s, 10)` is numpy's rounding
    // (scale by 1e10, round half to even), not the correctly rounded decimal.
    let s = np_round(value / pow10(e), 10);
    let significand = if s % 1.0 == 0.0 {
        format!("{s:.0}")
    } else {
        fmt_g(s, 10)
    };
    if e == 0 {
        fix_minus(&significand)
    } else {
        fix_minus(&format!("{significand}e{e}"))
    }
}

/// `ScalarFormatter.get_offset()` without mathtext.
fn offset_text(offset: f64, oom: i32) -> String {
    if oom == 0 && offset == 0.0 {
        return String::new();
    }
    let mut offset_str = String::new();
    if offset != 0.0 {
        offset_str = format_data(offset);
        if offset > 0.0 {
            offset_str.insert(0, '+');
        }
    }
    let sci = if oom != 0 {
        format!("1e{oom}")
    } else {
        String::new()
    };
    fix_minus(&format!("{sci}{offset_str}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// locs, view min, view max, labels, offset text.
    type Case<'a> = (&'a [f64], f64, f64, &'a [&'a str], &'a str);

    #[test]
    fn spec_examples() {
        // ax.set_xlim(a, b); ScalarFormatter().format_ticks(AutoLocator locs), get_offset()
        let cases: &[Case] = &[
            (
                &[0.0, 5e5, 1e6, 1.5e6, 2e6, 2.5e6, 3e6],
                0.0,
                3e6,
                &["0.0", "0.5", "1.0", "1.5", "2.0", "2.5", "3.0"],
                "1e6",
            ),
            (
                &[-1.0, -0.5, 0.0, 0.5, 1.0],
                -1.0,
                1.0,
                &["\u{2212}1.0", "\u{2212}0.5", "0.0", "0.5", "1.0"],
                "",
            ),
            (&[], 0.0, 1.0, &[], ""),
        ];
        for &(locs, a, b, labels, offset) in cases {
            let got = ScalarFormatter::default().format_ticks(locs, a, b);
            assert_eq!(got.labels, labels, "{locs:?}");
            assert_eq!(got.offset_text, offset, "{locs:?}");
        }
    }

    #[test]
    fn offset_strings() {
        // ScalarFormatter.format_data(v) and get_offset() for given offset / oom.
        assert_eq!(offset_text(12340000.0, 0), "+1.234e7");
        assert_eq!(offset_text(0.0, -7), "1e\u{2212}7");
        assert_eq!(offset_text(1200.0, -5), "1e\u{2212}5+1.2e3");
        assert_eq!(offset_text(-1e6, 0), "\u{2212}1e6");
        assert_eq!(offset_text(2.5, -8), "1e\u{2212}8+2.5");
        // ax.set_ylim(2.4229163225552473e-12, 2.4229163225506793e-12): the offset
        // 2.42291632255e-12 rounds through np.round(x, 10), giving ...323, not ...322.
        assert_eq!(
            offset_text(2.42291632255e-12, -24),
            "1e\u{2212}24+2.422916323e\u{2212}12"
        );
    }
}
