//! One call per axis: what `Axis._update_ticks` computes for the default locators and
//! formatters of each scale (and hence of each colorbar norm).

use super::log::LogSubs;
use super::{
    nbins_from_tick_space, remove_overlapping_locs, view_filter, AxisScale,
    LogFormatterSciNotation, LogLocator, MaxNLocator, ScalarFormatter, SymmetricalLogLocator,
    TickLabel,
};
use crate::Result;

/// One tick of an axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// Location in data coordinates.
    pub loc: f64,
    /// The label text (may be [`TickLabel::Empty`]).
    pub label: TickLabel,
}

/// The ticks of one axis as matplotlib draws them.
#[derive(Debug, Clone, PartialEq)]
pub struct AxisTicks {
    /// Drawn major ticks, in locator order.
    pub major: Vec<Tick>,
    /// Drawn minor ticks (log axes only; linear axes have minor ticks off by default).
    pub minor: Vec<Tick>,
    /// The offset / scientific-notation text at the axis end (`ScalarFormatter` only).
    pub offset_text: String,
    /// Every location the major locator returned, drawn or not.
    pub major_locs: Vec<f64>,
}

/// The ticks of an axis with the default locators and formatters for `scale`:
///
/// * linear: `AutoLocator` (nbins from `tick_space`) + `ScalarFormatter`;
/// * log10: `LogLocator` majors + `LogLocator(subs='auto')` minors, both labelled by
///   `LogFormatterSciNotation` (minor labels only appear when at most one decade is ticked);
/// * symlog: `SymmetricalLogLocator` + `LogFormatterSciNotation`, no minor ticks.
///
/// `view` is the axis' view interval in either order and `tick_space` the value of
/// [`tick_space`](super::tick_space) for the axis.
pub fn axis_ticks(view: (f64, f64), tick_space: i64, scale: AxisScale) -> Result<AxisTicks> {
    let (a, b) = view;
    match scale {
        AxisScale::Linear => {
            let locs = MaxNLocator::auto(nbins_from_tick_space(tick_space))?.tick_values(a, b)?;
            let formatted = ScalarFormatter::default().format_ticks(&locs, a, b);
            let labels = formatted.labels.into_iter().map(TickLabel::Plain).collect();
            Ok(AxisTicks {
                major: drawn(&locs, labels, view, scale),
                minor: Vec::new(),
                offset_text: formatted.offset_text,
                major_locs: locs,
            })
        }
        AxisScale::Log { .. } => {
            let base = scale.log_base().unwrap_or(10.0);
            let n = LogLocator::auto_numticks(tick_space);
            let locs = LogLocator::major(base, n)?.tick_values(a, b)?;
            let minor_raw = LogLocator::minor(base, n)?.tick_values(a, b)?;
            let minor_locs = remove_overlapping_locs(&minor_raw, &locs, a, b, scale);
            let labels = LogFormatterSciNotation::major(base)?.format_ticks(&locs, a, b);
            let minor_labels =
                LogFormatterSciNotation::minor(base)?.format_ticks(&minor_locs, a, b);
            Ok(AxisTicks {
                major: drawn(&locs, labels, view, scale),
                minor: drawn(&minor_locs, minor_labels, view, scale),
                offset_text: String::new(),
                major_locs: locs,
            })
        }
        AxisScale::SymLog {
            base, linthresh, ..
        } => {
            let locs = SymmetricalLogLocator::new(base, linthresh)?.tick_values(a, b)?;
            let labels =
                LogFormatterSciNotation::symlog(base, linthresh)?.format_ticks(&locs, a, b);
            Ok(AxisTicks {
                major: drawn(&locs, labels, view, scale),
                minor: Vec::new(),
                offset_text: String::new(),
                major_locs: locs,
            })
        }
    }
}

/// `AutoMinorLocator()` (rc `xtick.minor.ndivs` 'auto') of a linear axis with major
/// locations `major_locs` (every one the major locator returned) and view `view`,
/// minus the locations that coincide with a major tick, and only the drawn ones.
pub fn auto_minor_ticks(major_locs: &[f64], view: (f64, f64)) -> Vec<Tick> {
    let mut majors: Vec<f64> = major_locs.to_vec();
    majors.sort_by(f64::total_cmp);
    majors.dedup();
    if majors.len() < 2 {
        return Vec::new();
    }
    let majorstep = majors[1] - majors[0];
    let mantissa = 10f64.powf(majorstep.log10().rem_euclid(1.0));
    let close = |b: f64| (mantissa - b).abs() <= 1e-8 + 1e-5 * b.abs();
    let ndivs = if [1.0, 2.5, 5.0, 10.0].into_iter().any(close) {
        5.0
    } else {
        4.0
    };
    let minorstep = majorstep / ndivs;
    let (vmin, vmax) = if view.0 <= view.1 {
        view
    } else {
        (view.1, view.0)
    };
    let t0 = majors[0];
    let tmin = ((vmin - t0) / minorstep).round_ties_even();
    let tmax = ((vmax - t0) / minorstep).round_ties_even() + 1.0;
    let mut locs = Vec::new();
    let mut k = tmin;
    while k < tmax && locs.len() <= 10_000 {
        locs.push(k * minorstep + t0);
        k += 1.0;
    }
    let scale = AxisScale::Linear;
    let kept = remove_overlapping_locs(&locs, &majors, view.0, view.1, scale);
    let labels = vec![TickLabel::Empty; kept.len()];
    drawn(&kept, labels, view, scale)
}

/// The minor ticks of a symlog axis: `SymmetricalLogLocator(transform, subs)` (the scale's
/// default minor locator and what `minorticks_on()` sets), minus the locations that
/// coincide with a major one (`major_locs`, every one the major locator returned), only
/// the drawn ones, unlabelled (`NullFormatter`). With the default `subs` (`None`, i.e.
/// `[1.0]`) they are the majors' decades, so none is left.
pub(crate) fn symlog_minor_ticks(
    scale: AxisScale,
    subs: Option<&[f64]>,
    major_locs: &[f64],
    view: (f64, f64),
) -> Result<Vec<Tick>> {
    let AxisScale::SymLog {
        base, linthresh, ..
    } = scale
    else {
        return Ok(Vec::new());
    };
    let subs = subs.map_or_else(|| vec![1.0], <[f64]>::to_vec);
    let raw =
        SymmetricalLogLocator::with_subs(base, linthresh, subs)?.tick_values(view.0, view.1)?;
    let kept = remove_overlapping_locs(&raw, major_locs, view.0, view.1, scale);
    let labels = vec![TickLabel::Empty; kept.len()];
    Ok(drawn(&kept, labels, view, scale))
}

/// The minor ticks of a log axis set with `subs` (`set_xscale('log', subs=...)`):
/// `LogLocator(base, subs)` with the major locator's `numticks` (from `tick_space`),
/// minus the locations on a major one (`major_locs`), labelled by
/// `LogFormatterSciNotation(base, labelOnlyBase=True)` as `LogScale` sets it when `subs`
/// is given; only the drawn ones.
pub(crate) fn log_minor_ticks(
    base: f64,
    subs: &[f64],
    tick_space: i64,
    major_locs: &[f64],
    view: (f64, f64),
) -> Result<Vec<Tick>> {
    let scale = AxisScale::log(base);
    let n = LogLocator::auto_numticks(tick_space);
    let raw =
        LogLocator::new(base, LogSubs::List(subs.to_vec()), n)?.tick_values(view.0, view.1)?;
    let kept = remove_overlapping_locs(&raw, major_locs, view.0, view.1, scale);
    let labels = LogFormatterSciNotation::new(base, true)?.format_ticks(&kept, view.0, view.1);
    Ok(drawn(&kept, labels, view, scale))
}

/// Pairs locations with labels and keeps the drawn ones.
fn drawn(locs: &[f64], labels: Vec<TickLabel>, view: (f64, f64), scale: AxisScale) -> Vec<Tick> {
    let inside = view_filter(view.0, view.1, |v| scale.transform(v));
    locs.iter()
        .zip(labels)
        .filter(|(&l, _)| inside(l))
        .map(|(&loc, label)| Tick { loc, label })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Symlog minors: none beyond the majors without subs; subs times each decade (not 0)
    /// with the ones on a major removed.
    #[test]
    fn symlog_minors_follow_subs() {
        let s = AxisScale::SymLog {
            base: 10.0,
            linthresh: 2.0,
            linscale: 1.0,
        };
        let view = (-400.0, 800.0);
        let majors = SymmetricalLogLocator::new(10.0, 2.0)
            .unwrap()
            .tick_values(view.0, view.1)
            .unwrap();
        assert!(symlog_minor_ticks(s, None, &majors, view)
            .unwrap()
            .is_empty());
        let m = symlog_minor_ticks(s, Some(&[1.0, 5.0]), &majors, view).unwrap();
        let locs: Vec<f64> = m.iter().map(|t| t.loc).collect();
        assert_eq!(locs, [-50.0, -5.0, 5.0, 50.0, 500.0]);
        assert!(m.iter().all(|t| t.label == TickLabel::Empty));
        let lin = symlog_minor_ticks(AxisScale::Linear, Some(&[2.0]), &[], (0.0, 1.0));
        assert!(lin.unwrap().is_empty());
    }

    /// Log minors with subs: subs times each decade, none on a major, unlabelled
    /// (labelOnlyBase) even over one decade, where the default minors are labelled.
    #[test]
    fn log_minors_follow_subs() {
        let m = log_minor_ticks(
            10.0,
            &[2.0, 5.0],
            6,
            &[1.0, 10.0, 100.0, 1000.0],
            (1.0, 1000.0),
        )
        .unwrap();
        let locs: Vec<f64> = m.iter().map(|t| t.loc).collect();
        assert_eq!(locs, [2.0, 5.0, 20.0, 50.0, 200.0, 500.0]);
        assert!(m.iter().all(|t| t.label == TickLabel::Empty));
        let short = log_minor_ticks(10.0, &[2.0, 4.0], 6, &[10.0], (2.0, 7.0)).unwrap();
        let locs: Vec<f64> = short.iter().map(|t| t.loc).collect();
        assert_eq!(locs, [2.0, 4.0]);
        assert!(short.iter().all(|t| t.label == TickLabel::Empty));
    }

    #[test]
    fn auto_minor_divides_a_step_of_2_in_4_and_skips_majors() {
        // AutoMinorLocator on majors 0, 0.2, ... 1 (mantissa 2: 4 divisions), view 0..1.
        let majors: Vec<f64> = (0..6).map(|i| i as f64 * 0.2).collect();
        let m = auto_minor_ticks(&majors, (0.0, 1.0));
        assert_eq!(m.len(), 15);
        assert!((m[0].loc - 0.05).abs() < 1e-12);
        // Step 2.5: 5 divisions.
        let m = auto_minor_ticks(&[0.0, 2.5, 5.0], (0.0, 5.0));
        assert_eq!(m.len(), 8);
        assert!(auto_minor_ticks(&[1.0], (0.0, 2.0)).is_empty());
    }

    #[test]
    fn standard_colorbar() {
        // fig.colorbar(imshow(rand)) on the standard figure: view (6.8676e-7, 0.99999677),
        // tick space 13; drawn labels "0.2" ... "0.8", no offset.
        let t = axis_ticks((6.8676e-7, 0.99999677), 13, AxisScale::Linear).unwrap();
        let labels: Vec<String> = t.major.iter().map(|t| t.label.to_mathtext()).collect();
        assert_eq!(labels, ["0.2", "0.4", "0.6", "0.8"]);
        assert_eq!(t.offset_text, "");
        assert_eq!(t.major_locs.len(), 6);
        // LogNorm colorbar of data 1..1000: majors 10^1, 10^2 drawn, minors unlabelled.
        let t = axis_ticks((1.0007, 999.997), 13, AxisScale::LOG10).unwrap();
        let locs: Vec<f64> = t.major.iter().map(|t| t.loc).collect();
        assert_eq!(locs, [10.0, 100.0]);
        assert!(t.minor.iter().all(|t| t.label == TickLabel::Empty));
    }
}
