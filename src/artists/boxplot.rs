//! `boxplot`: `cbook.boxplot_stats` (numpy's linear percentiles) and `Axes.bxp`'s lines
//! (box, whiskers, caps, median, mean, fliers) or box patches, with the rc `boxplot.*`
//! styles and the positions as fixed ticks.

use super::hist::pairwise_sum;
use super::line::{LineStyle, PlotOptions};
use super::patch::Patch;
use super::pathpatch::PathPatch;
use super::Artist;
use crate::axes::Axes;
use crate::color::Color;
use crate::raster::pathconv::Cmd;
use crate::{Error, Result};

/// Options of [`Axes::boxplot_with`] (matplotlib's keywords).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq)]
pub struct BoxplotOptions {
    /// `whis`: the whisker reach in IQRs (1.5), see also `whis_percentiles`.
    pub whis: f64,
    /// `whis=(lo, hi)`: whiskers at these percentiles instead.
    pub whis_percentiles: Option<(f64, f64)>,
    /// `positions` (1, 2, ...).
    pub positions: Option<Vec<f64>>,
    /// `widths`: one value or one per box (0.15 * the positions' span, in [0.15, 0.5]).
    pub widths: Option<Vec<f64>>,
    /// `orientation='horizontal'` (or `vert=False`) when true.
    pub horizontal: bool,
    /// `patch_artist`: boxes as filled patches (rc `patch.facecolor`, 'C0').
    pub patch_artist: bool,
    /// `showmeans`.
    pub showmeans: bool,
    /// `showfliers` (true).
    pub showfliers: bool,
    /// `tick_labels`: one per box (the positions when unset).
    pub tick_labels: Option<Vec<String>>,
    /// `notch`: notched boxes at `med ± 1.57 iqr / sqrt(N)` (no bootstrap).
    pub notch: bool,
    /// `meanline`: the mean as a dashed line across the box (with `showmeans`).
    pub meanline: bool,
}

impl Default for BoxplotOptions {
    fn default() -> Self {
        BoxplotOptions {
            whis: 1.5,
            whis_percentiles: None,
            positions: None,
            widths: None,
            horizontal: false,
            patch_artist: false,
            showmeans: false,
            showfliers: true,
            tick_labels: None,
            notch: false,
            meanline: false,
        }
    }
}

option_setters!(BoxplotOptions {
    /// `whis=` (IQRs).
    whis: f64 => whis;
    /// `whis=(lo, hi)` (percentiles).
    whis_percentiles: (f64, f64) => whis_percentiles = Some;
    /// `positions=`.
    positions: Vec<f64> => positions = Some;
    /// `widths=`.
    widths: Vec<f64> => widths = Some;
    /// `orientation='horizontal'`.
    horizontal: bool => horizontal;
    /// `patch_artist=`.
    patch_artist: bool => patch_artist;
    /// `showmeans=`.
    showmeans: bool => showmeans;
    /// `notch=`.
    notch: bool => notch;
    /// `meanline=`.
    meanline: bool => meanline;
    /// `showfliers=`.
    showfliers: bool => showfliers;
    /// `tick_labels=`.
    tick_labels: Vec<String> => tick_labels = Some;
});

/// One dataset's statistics (`cbook.boxplot_stats`).
#[derive(Debug, Clone, PartialEq)]
pub struct BoxStats {
    /// Mean.
    pub mean: f64,
    /// First quartile.
    pub q1: f64,
    /// Median.
    pub med: f64,
    /// Third quartile.
    pub q3: f64,
    /// Lower whisker end.
    pub whislo: f64,
    /// Upper whisker end.
    pub whishi: f64,
    /// The values beyond the whiskers (low ones first).
    pub fliers: Vec<f64>,
}

/// `np.percentile(sorted, q)` with the default linear method.
pub(crate) fn percentile(sorted: &[f64], q: f64) -> f64 {
    let n = sorted.len();
    let vi = (n as f64 - 1.0) * (q / 100.0);
    let prev = vi.floor();
    let gamma = vi - prev;
    let i = (prev as usize).min(n - 1);
    let (a, b) = (sorted[i], sorted[(i + 1).min(n - 1)]);
    let d = b - a;
    if gamma >= 0.5 {
        b - d * (1.0 - gamma)
    } else {
        a + d * gamma
    }
}

/// `cbook.boxplot_stats(x, whis)` of one dataset.
pub fn boxplot_stats(
    x: &[f64],
    whis: f64,
    whis_percentiles: Option<(f64, f64)>,
) -> Result<BoxStats> {
    if x.is_empty() || x.iter().any(|v| v.is_nan()) {
        return Err(Error::invalid(
            "boxplot x",
            format!("{} values (NaN or none)", x.len()),
            "a non-empty dataset without NaN",
        ));
    }
    let mut s = x.to_vec();
    s.sort_by(f64::total_cmp);
    let mean = pairwise_sum(x) / x.len() as f64;
    let (q1, med, q3) = (
        percentile(&s, 25.0),
        percentile(&s, 50.0),
        percentile(&s, 75.0),
    );
    let iqr = q3 - q1;
    let (lo, hi) = match whis_percentiles {
        Some((a, b)) => (percentile(&s, a), percentile(&s, b)),
        None => (q1 - whis * iqr, q3 + whis * iqr),
    };
    let whishi = match x.iter().copied().filter(|&v| v <= hi).reduce(f64::max) {
        Some(m) if m >= q3 => m,
        _ => q3,
    };
    let whislo = match x.iter().copied().filter(|&v| v >= lo).reduce(f64::min) {
        Some(m) if m <= q1 => m,
        _ => q1,
    };
    let mut fliers: Vec<f64> = x.iter().copied().filter(|&v| v < whislo).collect();
    fliers.extend(x.iter().copied().filter(|&v| v > whishi));
    Ok(BoxStats {
        mean,
        q1,
        med,
        q3,
        whislo,
        whishi,
        fliers,
    })
}

/// Python's `str` of a position (numpy int-like values print without a decimal point
/// when the positions were integers).
fn position_label(v: f64, ints: bool) -> String {
    if ints {
        format!("{}", v as i64)
    } else {
        format!("{v:?}")
    }
}

impl Axes {
    /// `ax.boxplot(x, **kwargs)`: one box per dataset; the statistics are returned.
    pub fn boxplot_with(&mut self, x: &[Vec<f64>], o: BoxplotOptions) -> Result<Vec<BoxStats>> {
        let n = x.len();
        let stats = x
            .iter()
            .map(|d| boxplot_stats(d, o.whis, o.whis_percentiles))
            .collect::<Result<Vec<_>>>()?;
        let check = |what: &str, l: usize| -> Result<()> {
            if l != n {
                return Err(Error::invalid(
                    what,
                    format!("{l} values"),
                    format!("one per dataset ({n})"),
                ));
            }
            Ok(())
        };
        let ints = o.positions.is_none();
        let positions = o
            .positions
            .clone()
            .unwrap_or_else(|| (1..=n).map(|i| i as f64).collect());
        check("boxplot positions", positions.len())?;
        let widths = match &o.widths {
            None => {
                let (lo, hi) = positions
                    .iter()
                    .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &p| {
                        (a.min(p), b.max(p))
                    });
                let ptp = if n == 0 { 0.0 } else { hi - lo };
                vec![(0.15 * ptp).clamp(0.15, 0.5); n]
            }
            Some(w) if w.len() == 1 => vec![w[0]; n],
            Some(w) => {
                check("boxplot widths", w.len())?;
                w.clone()
            }
        };
        if let Some(l) = &o.tick_labels {
            check("boxplot tick_labels", l.len())?;
        }
        let hz = o.horizontal;
        let line = |color: &str, z: f64| PlotOptions {
            color: Some(color.to_string()),
            linewidth: Some(1.0),
            linestyle: Some(LineStyle::Solid),
            marker: Some(String::new()),
            zorder: Some(z),
            label: Some("_nolegend_".to_string()),
            ..PlotOptions::default()
        };
        let plot = |ax: &mut Axes, xs: Vec<f64>, ys: Vec<f64>, p: PlotOptions| {
            if hz {
                ax.plot_with(ys, xs, p)
            } else {
                ax.plot_with(xs, ys, p)
            }
        };
        for (i, s) in stats.iter().enumerate() {
            let (pos, width) = (positions[i], widths[i]);
            let capwidth = 0.5 * width;
            let (cap_l, cap_r) = (pos - capwidth * 0.5, pos + capwidth * 0.5);
            let (box_l, box_r) = (pos - width * 0.5, pos + width * 0.5);
            let (box_x, box_y, med_x) = if o.notch {
                // cbook.boxplot_stats without bootstrap: med -/+ 1.57 * iqr / np.sqrt(N).
                let iqr = s.q3 - s.q1;
                let k = (x[i].len() as f64).sqrt();
                let (cilo, cihi) = (s.med - 1.57 * iqr / k, s.med + 1.57 * iqr / k);
                let (nl, nr) = (pos - width * 0.25, pos + width * 0.25);
                (
                    vec![
                        box_l, box_r, box_r, nr, box_r, box_r, box_l, box_l, nl, box_l, box_l,
                    ],
                    vec![
                        s.q1, s.q1, cilo, s.med, cihi, s.q3, s.q3, cihi, s.med, cilo, s.q1,
                    ],
                    vec![nl, nr],
                )
            } else {
                (
                    vec![box_l, box_r, box_r, box_l, box_l],
                    vec![s.q1, s.q1, s.q3, s.q3, s.q1],
                    vec![box_l, box_r],
                )
            };
            if o.patch_artist {
                let mut verts: Vec<_> = box_x
                    .iter()
                    .zip(&box_y)
                    .enumerate()
                    .map(|(k, (&bx, &by))| {
                        let (u, v) = if hz { (by, bx) } else { (bx, by) };
                        (if k == 0 { Cmd::MoveTo } else { Cmd::LineTo }, u, v)
                    })
                    .collect();
                let first = verts[0];
                verts.push((Cmd::Close, first.1, first.2));
                let pp = PathPatch {
                    verts,
                    patch: Patch {
                        hatch: None,
                        rect: (0.0, 0.0, 0.0, 0.0),
                        blend: super::line::Blend::Data,
                        face: Some(super::cycle_color(0)),
                        edge: Some(Color::BLACK),
                        linewidth_pt: 1.0,
                        linestyle: LineStyle::Solid,
                        alpha: None,
                        zorder: 2.0,
                        label: None,
                    },
                    clip_on: true,
                    shadow_offset_pt: None,
                };
                std::sync::Arc::make_mut(&mut self.plot.artists).push(Artist::PathPatch(pp));
            } else {
                plot(self, box_x, box_y, line("black", 2.0))?;
            }
            plot(
                self,
                vec![pos, pos],
                vec![s.q1, s.whislo],
                line("black", 2.0),
            )?;
            plot(
                self,
                vec![pos, pos],
                vec![s.q3, s.whishi],
                line("black", 2.0),
            )?;
            plot(
                self,
                vec![cap_l, cap_r],
                vec![s.whislo; 2],
                line("black", 2.0),
            )?;
            plot(
                self,
                vec![cap_l, cap_r],
                vec![s.whishi; 2],
                line("black", 2.0),
            )?;
            let mut med = line("C1", 2.1);
            med.solid_capstyle = Some("butt".to_string());
            med.dash_capstyle = Some("butt".to_string());
            plot(self, med_x, vec![s.med; 2], med)?;
            if o.showmeans && o.meanline {
                // meanprops' rc linestyle '--' kept, the marker removed.
                let mut m = line("C2", 2.1);
                m.linestyle = Some(LineStyle::Dashed);
                m.markerfacecolor = Some("C2".to_string());
                m.markeredgecolor = Some("C2".to_string());
                m.markersize = Some(6.0);
                m.solid_capstyle = Some("butt".to_string());
                m.dash_capstyle = Some("butt".to_string());
                plot(self, vec![box_l, box_r], vec![s.mean; 2], m)?;
            } else if o.showmeans {
                let mut m = line("C2", 2.1);
                m.linestyle = Some(LineStyle::None);
                m.marker = Some("^".to_string());
                m.markerfacecolor = Some("C2".to_string());
                m.markeredgecolor = Some("C2".to_string());
                m.markersize = Some(6.0);
                m.solid_capstyle = Some("butt".to_string());
                m.dash_capstyle = Some("butt".to_string());
                plot(self, vec![pos], vec![s.mean], m)?;
            }
            if o.showfliers {
                let mut f = line("black", 2.0);
                f.linestyle = Some(LineStyle::None);
                f.marker = Some("o".to_string());
                f.markerfacecolor = Some("none".to_string());
                f.markeredgecolor = Some("black".to_string());
                f.markeredgewidth = Some(1.0);
                f.markersize = Some(6.0);
                plot(self, vec![pos; s.fliers.len()], s.fliers.clone(), f)?;
            }
        }
        // manage_ticks: the data limits reach half a unit past the outer positions (sticky
        // there), the positions become fixed ticks labelled with the labels or positions.
        if n > 0 {
            let (lo, hi) = positions
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &p| {
                    (a.min(p), b.max(p))
                });
            let st = if hz {
                &mut self.plot.y
            } else {
                &mut self.plot.x
            };
            for p in &positions {
                st.stickies.push(p - 0.5);
                st.stickies.push(p + 0.5);
            }
            let labels: Vec<String> = match &o.tick_labels {
                Some(l) => l.clone(),
                None => positions.iter().map(|&p| position_label(p, ints)).collect(),
            };
            let (mut locs, mut seq) = match st.ticks.take() {
                Some((l, Some(s))) => (l, s),
                _ => (Vec::new(), Vec::new()),
            };
            locs.extend(&positions);
            seq.extend(labels);
            st.ticks = Some((locs, Some(seq)));
            // An invisible line carries the widened data limits.
            let mut inv = line("none", 2.0);
            inv.linestyle = Some(LineStyle::None);
            let m = stats[0].med;
            plot(self, vec![lo - 0.5, hi + 0.5], vec![m, m], inv)?;
            if let Some(Artist::Line(l)) =
                std::sync::Arc::make_mut(&mut self.plot.artists).last_mut()
            {
                l.no_minpos = true;
            }
        }
        self.request_autoscale(true, true);
        Ok(stats)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_percentiles() {
        let s = boxplot_stats(&[1.0, 2.0, 3.0, 4.0, 100.0], 1.5, None).unwrap();
        assert_eq!((s.q1, s.med, s.q3), (2.0, 3.0, 4.0));
        assert_eq!(s.whishi, 4.0);
        assert_eq!(s.fliers, vec![100.0]);
    }
}
