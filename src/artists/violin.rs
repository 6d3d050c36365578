//! `violinplot`: `cbook.violin_stats` with `mlab.GaussianKDE` (Scott's factor by default,
//! numpy's `cov` with ddof 1) and `Axes.violin`'s artists: one `fill_betweenx` (or
//! `fill_between`) body per dataset in the line cycle's next colour at alpha 0.3, then the
//! `hlines`/`vlines` `LineCollection`s of the means, extrema, bars, medians and quantiles
//! in the same colour (matplotlib 3.11).

use super::collection::Collection;
use super::fills::FillBetweenOptions;
use super::hist::pairwise_sum;
use super::line::LineStyle;
use super::{ArtistHandle, DataLim};
use crate::axes::Axes;
use crate::color::Color;
use crate::scene::CapStyle;
use crate::{Error, Result};

/// Line segments in data coordinates.
type Segments = Vec<Vec<(f64, f64)>>;

/// `bw_method=` of [`Axes::violinplot`]: the KDE's bandwidth factor.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum BwMethod {
    /// `'scott'` (the default): `n ** (-1/5)`.
    #[default]
    Scott,
    /// `'silverman'`: `(n * 3 / 4) ** (-1/5)`.
    Silverman,
    /// A number: the factor itself.
    Factor(f64),
}

/// Options of [`Axes::violinplot`] (matplotlib's keywords).
///
/// ```
/// use figbuf::{Figure, ViolinplotOptions};
/// let mut fig = Figure::new(6.4, 4.8, 100.0);
/// let ax = fig.add_subplot();
/// let o = ViolinplotOptions::default().showmeans(true).widths(vec![0.3]);
/// fig[ax].violinplot(&[vec![1.0, 2.0, 2.5, 4.0]], o).unwrap();
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq)]
pub struct ViolinplotOptions {
    /// `positions` (1, 2, ...).
    pub positions: Option<Vec<f64>>,
    /// `widths`: one value or one per violin (0.5).
    pub widths: Vec<f64>,
    /// `orientation='horizontal'` (or `vert=False`) when true.
    pub horizontal: bool,
    /// `showmeans` (false).
    pub showmeans: bool,
    /// `showextrema` (true).
    pub showextrema: bool,
    /// `showmedians` (false).
    pub showmedians: bool,
    /// `quantiles`: per dataset, the quantiles (0..=1) to mark.
    pub quantiles: Option<Vec<Vec<f64>>>,
    /// `points`: the KDE's evaluation points per violin (100).
    pub points: usize,
    /// `bw_method`.
    pub bw_method: BwMethod,
    /// `facecolor`: one colour or a list cycled over the violins (no body alpha then).
    pub facecolor: Option<Vec<String>>,
    /// `linecolor`: one colour or a list cycled over the violins.
    pub linecolor: Option<Vec<String>>,
    /// `side`: both halves, or only the one below / above the position.
    pub side: ViolinSide,
}

/// `violinplot`'s `side`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ViolinSide {
    /// Both halves ('both').
    #[default]
    Both,
    /// The half below (left of) the position ('low').
    Low,
    /// The half above (right of) the position ('high').
    High,
}

impl std::str::FromStr for ViolinSide {
    type Err = Error;
    fn from_str(s: &str) -> Result<ViolinSide> {
        match s {
            "both" => Ok(ViolinSide::Both),
            "low" => Ok(ViolinSide::Low),
            "high" => Ok(ViolinSide::High),
            _ => Err(Error::invalid(
                "violinplot side",
                format!("{s:?}"),
                "'both', 'low' or 'high'",
            )),
        }
    }
}

impl Default for ViolinplotOptions {
    fn default() -> Self {
        ViolinplotOptions {
            positions: None,
            widths: vec![0.5],
            horizontal: false,
            showmeans: false,
            showextrema: true,
            showmedians: false,
            quantiles: None,
            points: 100,
            bw_method: BwMethod::Scott,
            facecolor: None,
            linecolor: None,
            side: ViolinSide::Both,
        }
    }
}

option_setters!(ViolinplotOptions {
    /// `side=`: which halves to draw.
    side: ViolinSide => side;
    /// `positions=`.
    positions: Vec<f64> => positions = Some;
    /// `widths=`: one value or one per violin.
    widths: Vec<f64> => widths;
    /// `orientation='horizontal'`.
    horizontal: bool => horizontal;
    /// `showmeans=`.
    showmeans: bool => showmeans;
    /// `showextrema=`.
    showextrema: bool => showextrema;
    /// `showmedians=`.
    showmedians: bool => showmedians;
    /// `quantiles=`: one list per dataset.
    quantiles: Vec<Vec<f64>> => quantiles = Some;
    /// `points=`.
    points: usize => points;
    /// `bw_method=`.
    bw_method: BwMethod => bw_method;
    /// `facecolor=`: one colour or one per violin (cycled).
    facecolor: Vec<String> => facecolor = Some;
    /// `linecolor=`: one colour or one per violin (cycled).
    linecolor: Vec<String> => linecolor = Some;
});

/// One dataset's statistics (`cbook.violin_stats`).
#[derive(Debug, Clone, PartialEq)]
pub struct ViolinStats {
    /// The KDE's evaluation points (`linspace(min, max, points)`).
    pub coords: Vec<f64>,
    /// The KDE at `coords`.
    pub vals: Vec<f64>,
    /// Mean.
    pub mean: f64,
    /// Median.
    pub median: f64,
    /// Minimum.
    pub min: f64,
    /// Maximum.
    pub max: f64,
    /// The requested quantiles' values.
    pub quantiles: Vec<f64>,
}

/// `np.linspace(a, b, n)`.
fn linspace(a: f64, b: f64, n: usize) -> Vec<f64> {
    if n == 1 {
        return vec![a];
    }
    let div = (n - 1) as f64;
    let delta = b - a;
    let step = delta / div;
    let mut v: Vec<f64> = (0..n)
        .map(|i| {
            if step == 0.0 {
                (i as f64 / div) * delta + a
            } else {
                i as f64 * step + a
            }
        })
        .collect();
    if let Some(l) = v.last_mut() {
        *l = b;
    }
    v
}

/// `mlab.GaussianKDE(x, bw_method).evaluate(coords)` (one dimension).
fn gaussian_kde(x: &[f64], bw: BwMethod, coords: &[f64]) -> Vec<f64> {
    let n = x.len();
    let nf = n as f64;
    let factor = match bw {
        BwMethod::Scott => nf.powf(-1.0 / 5.0),
        BwMethod::Silverman => (nf * 3.0 / 4.0).powf(-1.0 / 5.0),
        BwMethod::Factor(f) => f,
    };
    // np.cov(ddof=1): (X - mean) . (X - mean) * (1 / (n - 1)).
    let avg = pairwise_sum(x) / nf;
    let d: Vec<f64> = x.iter().map(|v| v - avg).collect();
    let dot = d.iter().fold(0.0, |s, v| s + v * v);
    let cov = dot * (1.0 / (nf - 1.0));
    let inv = 1.0 / cov;
    let covariance = cov * (factor * factor);
    let inv_cov = inv / (factor * factor);
    let norm = (2.0 * std::f64::consts::PI * covariance).sqrt() * nf;
    let m = coords.len();
    let mut out = vec![0.0; m];
    if m >= n {
        for &xi in x {
            for (o, &p) in out.iter_mut().zip(coords) {
                let diff = xi - p;
                let energy = diff * (inv_cov * diff) / 2.0;
                *o += (-energy).exp();
            }
        }
    } else {
        let mut e = vec![0.0; n];
        for (o, &p) in out.iter_mut().zip(coords) {
            for (ei, &xi) in e.iter_mut().zip(x) {
                let diff = xi - p;
                *ei = (-(diff * (inv_cov * diff) / 2.0)).exp();
            }
            *o = pairwise_sum(&e);
        }
    }
    out.iter().map(|v| v / norm).collect()
}

/// `cbook.violin_stats(x, GaussianKDE, points, quantiles)` of one dataset (non-finite
/// values dropped).
pub fn violin_stats(
    x: &[f64],
    points: usize,
    bw: BwMethod,
    quantiles: &[f64],
) -> Result<ViolinStats> {
    let x: Vec<f64> = x.iter().copied().filter(|v| v.is_finite()).collect();
    if x.is_empty() {
        return Err(Error::invalid(
            "violinplot dataset",
            "no finite values",
            "at least one finite value",
        ));
    }
    if points == 0 {
        return Err(Error::invalid("violinplot points", 0, "at least 1"));
    }
    if let BwMethod::Factor(f) = bw {
        if !(f.is_finite() && f > 0.0) {
            return Err(Error::invalid(
                "violinplot bw_method",
                f,
                "a finite, positive number",
            ));
        }
    }
    let mut sorted = x.clone();
    sorted.sort_by(f64::total_cmp);
    let (min, max) = (sorted[0], sorted[sorted.len() - 1]);
    let coords = linspace(min, max, points);
    let vals = if x.iter().all(|&v| v == x[0]) {
        coords
            .iter()
            .map(|&c| if c == x[0] { 1.0 } else { 0.0 })
            .collect()
    } else {
        gaussian_kde(&x, bw, &coords)
    };
    let n = sorted.len();
    let median = if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    };
    let mut qs = Vec::with_capacity(quantiles.len());
    for &q in quantiles {
        if !(0.0..=1.0).contains(&q) {
            return Err(Error::invalid("violinplot quantiles", q, "within 0..=1"));
        }
        qs.push(super::boxplot::percentile(&sorted, 100.0 * q));
    }
    Ok(ViolinStats {
        coords,
        vals,
        mean: pairwise_sum(&x) / n as f64,
        median,
        min,
        max,
        quantiles: qs,
    })
}

/// `mcolors.to_rgba_array(colors)` cycled over `n` violins.
fn cycled(what: &str, colors: &[String], n: usize) -> Result<Vec<Color>> {
    if colors.is_empty() {
        return Err(Error::invalid(what, "[]", "at least one colour"));
    }
    let parsed: Vec<Color> = colors
        .iter()
        .map(|c| Color::parse(c).map_err(|_| Error::invalid(what, format!("{c:?}"), "a colour")))
        .collect::<Result<_>>()?;
    Ok((0..n).map(|i| parsed[i % parsed.len()]).collect())
}

impl Axes {
    /// `ax.violinplot(dataset, positions, widths, showmeans, showextrema, showmedians,
    /// quantiles, points, bw_method, orientation, facecolor, linecolor)`: one KDE body per
    /// dataset plus the statistics lines. Returns the bodies' handles.
    pub fn violinplot(
        &mut self,
        dataset: &[Vec<f64>],
        o: ViolinplotOptions,
    ) -> Result<Vec<ArtistHandle>> {
        let n = dataset.len();
        let positions = match &o.positions {
            None => (1..=n).map(|i| i as f64).collect(),
            Some(p) if p.len() == n => p.clone(),
            Some(p) => {
                return Err(Error::invalid(
                    "violinplot positions",
                    format!("{} values", p.len()),
                    format!("one per dataset ({n})"),
                ))
            }
        };
        let widths = match o.widths.len() {
            1 => vec![o.widths[0]; n],
            k if k == n => o.widths.clone(),
            k => {
                return Err(Error::invalid(
                    "violinplot widths",
                    format!("{k} values"),
                    format!("one or one per dataset ({n})"),
                ))
            }
        };
        if let Some(w) = widths.iter().find(|w| !w.is_finite()) {
            return Err(Error::invalid("violinplot widths", w, "finite numbers"));
        }
        let empty = Vec::new();
        let quantiles = match &o.quantiles {
            None => vec![empty; n],
            Some(q) if q.len() == n => q.clone(),
            Some(q) => {
                return Err(Error::invalid(
                    "violinplot quantiles",
                    format!("{} lists", q.len()),
                    format!("one per dataset ({n})"),
                ))
            }
        };
        if let Some(i) = dataset
            .iter()
            .position(|x| !x.iter().any(|v| v.is_finite()))
        {
            return Err(Error::invalid(
                format!("violinplot dataset[{i}]"),
                "no finite values",
                "at least one finite value",
            ));
        }
        let stats: Vec<ViolinStats> = dataset
            .iter()
            .zip(&quantiles)
            .map(|(x, q)| violin_stats(x, o.points, o.bw_method, q))
            .collect::<Result<_>>()?;
        // The colours: the line cycle's next colour unless both are given.
        let next = if o.facecolor.is_none() || o.linecolor.is_none() {
            let i = self.plot.line_cycle;
            self.plot.line_cycle += 1;
            Some(format!("C{}", i % 10))
        } else {
            None
        };
        let next_list = || vec![next.clone().unwrap_or_default()];
        let (faces, body_alpha) = match &o.facecolor {
            Some(f) => (cycled("violinplot facecolor", f, n)?, None),
            None => (cycled("violinplot facecolor", &next_list(), n)?, Some(0.3)),
        };
        let lines = match &o.linecolor {
            Some(l) => cycled("violinplot linecolor", l, n)?,
            None => cycled("violinplot linecolor", &next_list(), n)?,
        };
        let mut bodies = Vec::with_capacity(n);
        for ((st, &pos), (&w, face)) in stats.iter().zip(&positions).zip(widths.iter().zip(&faces))
        {
            let vmax = st.vals.iter().fold(f64::NEG_INFINITY, |a, &b| a.max(b));
            let vals: Vec<f64> = st.vals.iter().map(|v| 0.5 * w * v / vmax).collect();
            let low = o.side != ViolinSide::High;
            let high = o.side != ViolinSide::Low;
            let lo: Vec<f64> = vals
                .iter()
                .map(|v| if low { -v + pos } else { pos })
                .collect();
            let hi: Vec<f64> = vals
                .iter()
                .map(|v| if high { v + pos } else { pos })
                .collect();
            // The face colour exactly (rgba floats) is set on the made collection below.
            let mut fo = FillBetweenOptions::default().y2(hi).facecolor("k");
            if let Some(al) = body_alpha {
                fo = fo.alpha(al);
            }
            let h = if o.horizontal {
                self.fill_between(&st.coords, &lo, fo)?
            } else {
                self.fill_betweenx(&st.coords, &lo, fo)?
            };
            if let Some(super::Artist::Collection(c)) =
                std::sync::Arc::make_mut(&mut self.plot.artists).get_mut(h.index)
            {
                c.face = Some(*face);
            }
            bodies.push(h);
        }
        let ends: Vec<(f64, f64)> = positions
            .iter()
            .zip(&widths)
            .map(|(p, w)| {
                let a = if o.side != ViolinSide::High {
                    -0.25
                } else {
                    0.0
                };
                let b = if o.side != ViolinSide::Low { 0.25 } else { 0.0 };
                (a * w + p, b * w + p)
            })
            .collect();
        let perp = |vals: &[f64], ends: &[(f64, f64)]| -> Vec<Vec<(f64, f64)>> {
            vals.iter()
                .zip(ends)
                .map(|(&v, &(a, b))| vec![(a, v), (b, v)])
                .collect()
        };
        let pick = |f: fn(&ViolinStats) -> f64| -> Vec<f64> { stats.iter().map(f).collect() };
        let mut groups: Vec<(Segments, Vec<Color>)> = Vec::new();
        if o.showmeans {
            groups.push((perp(&pick(|s| s.mean), &ends), lines.clone()));
        }
        if o.showextrema {
            groups.push((perp(&pick(|s| s.max), &ends), lines.clone()));
            groups.push((perp(&pick(|s| s.min), &ends), lines.clone()));
            let bars = positions
                .iter()
                .zip(&stats)
                .map(|(&p, s)| vec![(p, s.min), (p, s.max)])
                .collect();
            groups.push((bars, lines.clone()));
        }
        if o.showmedians {
            groups.push((perp(&pick(|s| s.median), &ends), lines.clone()));
        }
        let mut qv = Vec::new();
        let mut qe = Vec::new();
        let mut qc = Vec::new();
        for ((s, e), c) in stats.iter().zip(&ends).zip(&lines) {
            for &q in &s.quantiles {
                qv.push(q);
                qe.push(*e);
                qc.push(*c);
            }
        }
        if !qv.is_empty() {
            groups.push((perp(&qv, &qe), qc));
        }
        for (segs, colors) in groups {
            // (value, a..b) segments in "perpendicular" order: swap to data (x, y).
            let segs: Vec<Vec<(f64, f64)>> = segs
                .into_iter()
                .map(|s| {
                    s.into_iter()
                        .map(|(a, b)| if o.horizontal { (b, a) } else { (a, b) })
                        .collect()
                })
                .collect();
            // hlines/vlines with capstyle='projecting' for one side.
            let cap = if o.side == ViolinSide::Both {
                CapStyle::Butt
            } else {
                CapStyle::Projecting
            };
            self.push_line_collection(segs, &colors, cap);
        }
        self.request_autoscale(true, true);
        Ok(bodies)
    }

    /// `hlines`/`vlines`' `LineCollection` (rc `lines.linewidth`, zorder 2) with the
    /// corners of its extent as data limits; one collection per run of equal colours
    /// (`draw_path_collection` draws path by path, so the pixels are the same).
    fn push_line_collection(
        &mut self,
        segs: Vec<Vec<(f64, f64)>>,
        colors: &[Color],
        cap: CapStyle,
    ) {
        let mut ext = DataLim::default();
        for s in &segs {
            for &(a, b) in s {
                ext.add(Some(a), Some(b));
            }
        }
        let mut limits = DataLim::default();
        if ext.x.0 <= ext.x.1 && ext.y.0 <= ext.y.1 {
            limits.add(Some(ext.x.0), Some(ext.y.0));
            limits.add(Some(ext.x.1), Some(ext.y.1));
        }
        let mut i = 0;
        while i < segs.len() {
            let mut j = i + 1;
            while j < segs.len() && colors[j] == colors[i] {
                j += 1;
            }
            let c = Collection {
                paths: segs[i..j].to_vec(),
                closed: false,
                face: None,
                edge: Some(colors[i]),
                linewidth_pt: 1.5,
                linestyle: LineStyle::Solid,
                alpha: None,
                zorder: 2.0,
                label: None,
                limits: if i == 0 { limits } else { DataLim::default() },
                single_path_shortcut: false,
                capstyle: cap,
                hatch: None,
            };
            std::sync::Arc::make_mut(&mut self.plot.artists).push(super::Artist::Collection(c));
            i = j;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linspace_ends_exactly() {
        let v = linspace(-1.0, 2.0, 7);
        assert_eq!(v.len(), 7);
        assert_eq!(v[0], -1.0);
        assert_eq!(v[6], 2.0);
        assert_eq!(linspace(3.0, 3.0, 4), vec![3.0; 4]);
    }

    #[test]
    fn stats_of_small_data() {
        let s = violin_stats(&[4.0, 1.0, f64::NAN, 3.0, 2.0], 5, BwMethod::Scott, &[0.5]).unwrap();
        assert_eq!((s.min, s.max, s.median, s.mean), (1.0, 4.0, 2.5, 2.5));
        assert_eq!(s.quantiles, vec![2.5]);
        assert_eq!(s.coords, vec![1.0, 1.75, 2.5, 3.25, 4.0]);
        // Symmetric data: a symmetric density, largest in the middle.
        assert!((s.vals[0] - s.vals[4]).abs() < 1e-15);
        assert!(s.vals[2] > s.vals[0]);
        let c = violin_stats(&[2.0, 2.0], 3, BwMethod::Scott, &[]).unwrap();
        assert_eq!(c.vals, vec![1.0, 1.0, 1.0]);
    }
}
