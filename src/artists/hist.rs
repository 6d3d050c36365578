//! `hist`: numpy's `histogram` binning (float order included) drawn as bars
//! (`histtype='bar'`) or one polygon (`'step'`, `'stepfilled'`), as `Axes.hist` does.

use super::ArtistHandle;
use crate::{Error, Result};

/// The most bins a `bins` count may ask for (one number whose cost is a bar each).
const MAX_HIST_BINS: usize = 100_000;

/// `bins=`: a count of equal bins or the bin edges.
#[derive(Debug, Clone, PartialEq)]
pub enum Bins {
    /// `bins=n`: n equal bins over the range.
    Count(usize),
    /// `bins=[e0, e1, ...]`: monotonically increasing edges.
    Edges(Vec<f64>),
}

impl Default for Bins {
    /// rc `hist.bins`: 10.
    fn default() -> Self {
        Bins::Count(10)
    }
}

/// `histtype=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HistType {
    /// `'bar'` (default): several datasets side by side (stacked with `stacked`).
    #[default]
    Bar,
    /// `'barstacked'`: bars stacked.
    BarStacked,
    /// `'step'`: the outline only.
    Step,
    /// `'stepfilled'`: the filled outline.
    StepFilled,
}

impl std::str::FromStr for HistType {
    type Err = Error;
    fn from_str(s: &str) -> Result<HistType> {
        match s {
            "bar" => Ok(HistType::Bar),
            "barstacked" => Ok(HistType::BarStacked),
            "step" => Ok(HistType::Step),
            "stepfilled" => Ok(HistType::StepFilled),
            _ => Err(Error::invalid(
                "histtype",
                format!("{s:?}"),
                "'bar', 'barstacked', 'step' or 'stepfilled'",
            )),
        }
    }
}

/// `align=` of `hist`: where the bars sit on their bins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HistAlign {
    /// `'left'`: centred on the left edges.
    Left,
    /// `'mid'` (default): centred between the edges.
    #[default]
    Mid,
    /// `'right'`: centred on the right edges.
    Right,
}

impl std::str::FromStr for HistAlign {
    type Err = Error;
    fn from_str(s: &str) -> Result<HistAlign> {
        match s {
            "left" => Ok(HistAlign::Left),
            "mid" => Ok(HistAlign::Mid),
            "right" => Ok(HistAlign::Right),
            _ => Err(Error::invalid(
                "hist align",
                format!("{s:?}"),
                "'left', 'mid' or 'right'",
            )),
        }
    }
}

/// Options of [`crate::Axes::hist_with`] (matplotlib's keywords).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HistOptions {
    /// `bins`.
    pub bins: Bins,
    /// `range`: the range of equal bins (the data's min and max when unset).
    pub range: Option<(f64, f64)>,
    /// `density`.
    pub density: bool,
    /// `cumulative`: 0 none, 1 cumulative, -1 reverse cumulative.
    pub cumulative: i8,
    /// `histtype`.
    pub histtype: HistType,
    /// `orientation='horizontal'` when true.
    pub horizontal: bool,
    /// `color` (the line cycle's next colour when unset).
    pub color: Option<String>,
    /// `edgecolor`.
    pub edgecolor: Option<String>,
    /// `linewidth` in points.
    pub linewidth: Option<f64>,
    /// `alpha`.
    pub alpha: Option<f64>,
    /// `label`.
    pub label: Option<String>,
    /// `color=[...]`: one colour per dataset (overrides `color`).
    pub colors: Option<Vec<String>>,
    /// `label=[...]`: one label per dataset (overrides `label`; fewer labels leave the
    /// last datasets unlabelled).
    pub labels: Option<Vec<String>>,
    /// `stacked`.
    pub stacked: bool,
    /// `weights`: one list per dataset, each as long as its dataset.
    pub weights: Option<Vec<Vec<f64>>>,
    /// `bottom`: one value or one per bin (0).
    pub bottom: Option<Vec<f64>>,
    /// `rwidth`: the bars' width as a fraction of the bin (clipped to [0, 1]).
    pub rwidth: Option<f64>,
    /// `log`: a log scale on the value axis.
    pub log: bool,
    /// `align`.
    pub align: HistAlign,
    /// `hatch` of every patch (none when unset).
    pub hatch: Option<String>,
}

option_setters!(HistOptions {
    /// `color=[...]` (one colour per dataset).
    colors: Vec<String> => colors = Some;
    /// `label=[...]` (one label per dataset).
    labels: Vec<String> => labels = Some;
    /// `stacked=`.
    stacked: bool => stacked;
    /// `weights=` (one list per dataset).
    weights: Vec<Vec<f64>> => weights = Some;
    /// `bottom=` (one value or one per bin).
    bottom: Vec<f64> => bottom = Some;
    /// `rwidth=`.
    rwidth: f64 => rwidth = Some;
    /// `log=`.
    log: bool => log;
    /// `align=`.
    align: HistAlign => align;
    /// `hatch=`: the patches' hatch pattern, e.g. `"//"`.
    hatch: impl Into<String> => hatch = some_into;
});

impl HistOptions {
    /// `bins=`.
    pub fn bins(mut self, v: Bins) -> Self {
        self.bins = v;
        self
    }
    /// `range=`.
    pub fn range(mut self, v: (f64, f64)) -> Self {
        self.range = Some(v);
        self
    }
    /// `density=`.
    pub fn density(mut self, v: bool) -> Self {
        self.density = v;
        self
    }
    /// `cumulative=` (true = 1, -1 reversed).
    pub fn cumulative(mut self, v: i8) -> Self {
        self.cumulative = v;
        self
    }
    /// `histtype=`.
    pub fn histtype(mut self, v: HistType) -> Self {
        self.histtype = v;
        self
    }
    /// `orientation='horizontal'`.
    pub fn horizontal(mut self, v: bool) -> Self {
        self.horizontal = v;
        self
    }
    /// `color=`.
    pub fn color(mut self, v: &str) -> Self {
        self.color = Some(v.to_string());
        self
    }
    /// `edgecolor=`.
    pub fn edgecolor(mut self, v: &str) -> Self {
        self.edgecolor = Some(v.to_string());
        self
    }
    /// `linewidth=`.
    pub fn linewidth(mut self, v: f64) -> Self {
        self.linewidth = Some(v);
        self
    }
    /// `alpha=`.
    pub fn alpha(mut self, v: f64) -> Self {
        self.alpha = Some(v);
        self
    }
    /// `label=`.
    pub fn label(mut self, v: &str) -> Self {
        self.label = Some(v.to_string());
        self
    }
}

/// What `hist` returns: the bin values, the edges and the patches.
#[derive(Debug, Clone, PartialEq)]
pub struct HistResult {
    /// Counts (or densities, cumulated as asked), one per bin.
    pub n: Vec<f64>,
    /// The `len(n) + 1` bin edges.
    pub bins: Vec<f64>,
    /// The patches drawn.
    pub patches: Vec<ArtistHandle>,
}

/// `np.linspace(a, b, num)`: `arange * step + start`, the last value `b` exactly.
fn linspace(a: f64, b: f64, num: usize) -> Vec<f64> {
    let div = (num - 1) as f64;
    let step = (b - a) / div;
    let mut v: Vec<f64> = if step == 0.0 {
        (0..num).map(|i| i as f64 / div * (b - a) + a).collect()
    } else {
        (0..num).map(|i| i as f64 * step + a).collect()
    };
    if num > 1 {
        v[num - 1] = b;
    }
    v
}

/// `np.histogram(a, bins, range, density)`: (values, edges).
pub fn histogram(
    a: &[f64],
    bins: &Bins,
    range: Option<(f64, f64)>,
    density: bool,
) -> Result<(Vec<f64>, Vec<f64>)> {
    histogram_weighted(a, None, bins, range, density)
}

/// `np.histogram_bin_edges(a, bins=name, range=range)`'s number of equal bins for a
/// named estimator (`'auto'`, `'fd'`, `'sturges'`, `'sqrt'`, `'rice'`, `'scott'`,
/// `'doane'`), as numpy computes it: the width the estimator gives for the values inside
/// the range, then `ceil((last - first) / width)` (1 for a zero width or no data).
/// An error names an unknown estimator or data whose range is not finite.
pub fn histogram_bin_count(a: &[f64], name: &str, range: Option<(f64, f64)>) -> Result<usize> {
    let (first, last) = match range {
        Some(r) => r,
        None if a.is_empty() => (0.0, 1.0),
        None => a
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
                (lo.min(v), hi.max(v))
            }),
    };
    let finite = first.is_finite() && last.is_finite() && first <= last;
    if !finite && !a.is_empty() {
        return Err(Error::invalid(
            "hist range",
            format!("[{first}, {last}]"),
            "a finite range",
        ));
    }
    let (first, last) = if first == last {
        (first - 0.5, last + 0.5)
    } else {
        (first, last)
    };
    let kept: Vec<f64> = match range {
        Some(_) => a
            .iter()
            .copied()
            .filter(|&v| v >= first && v <= last)
            .collect(),
        None => a.to_vec(),
    };
    if kept.is_empty() {
        return Ok(1);
    }
    let width = bin_width(&kept, name)?;
    if width > 0.0 && width.is_finite() {
        let n = ((last - first) / width).ceil();
        if n >= 1.0 && n <= MAX_HIST_BINS as f64 {
            return Ok(n as usize);
        }
        return Err(Error::invalid(
            "hist bins",
            format!("{name:?} ({n} bins)"),
            format!("at most {MAX_HIST_BINS} bins"),
        ));
    }
    Ok(1)
}

/// numpy's `_hist_bin_<name>(x)`: the estimated bin width.
fn bin_width(x: &[f64], name: &str) -> Result<f64> {
    let n = x.len() as f64;
    let (lo, hi) = x
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
            (lo.min(v), hi.max(v))
        });
    let ptp = hi - lo;
    let mean = pairwise_sum(x) / n;
    let std = || {
        let sq: Vec<f64> = x.iter().map(|&v| (v - mean) * (v - mean)).collect();
        (pairwise_sum(&sq) / n).sqrt()
    };
    let sturges = ptp / (n.log2() + 1.0);
    let sqrt = ptp / n.sqrt();
    let fd = || {
        let mut s = x.to_vec();
        s.sort_by(f64::total_cmp);
        2.0 * (percentile(&s, 75.0) - percentile(&s, 25.0)) * n.powf(-1.0 / 3.0)
    };
    Ok(match name {
        "auto" => fd().max(sqrt / 2.0).min(sturges),
        "fd" => fd(),
        "sturges" => sturges,
        "sqrt" => sqrt,
        "rice" => ptp / (2.0 * n.powf(1.0 / 3.0)),
        "scott" => (24.0 * std::f64::consts::PI.sqrt() / n).powf(1.0 / 3.0) * std(),
        "doane" => {
            let sigma = std();
            if x.len() > 2 && sigma > 0.0 {
                let sg1 = (6.0 * (n - 2.0) / ((n + 1.0) * (n + 3.0))).sqrt();
                let cubes: Vec<f64> = x.iter().map(|&v| ((v - mean) / sigma).powi(3)).collect();
                let g1 = pairwise_sum(&cubes) / n;
                ptp / (1.0 + n.log2() + (1.0 + g1.abs() / sg1).log2())
            } else {
                0.0
            }
        }
        _ => return Err(Error::invalid(
            "hist bins",
            format!("{name:?}"),
            "a count, edges or one of 'auto', 'fd', 'sturges', 'sqrt', 'rice', 'scott', 'doane'",
        )),
    })
}

/// `np.percentile(sorted, q)` (linear interpolation, numpy's `_lerp`).
fn percentile(sorted: &[f64], q: f64) -> f64 {
    let idx = q / 100.0 * (sorted.len() - 1) as f64;
    let i = idx.floor() as usize;
    let t = idx - i as f64;
    let a = sorted[i];
    let b = sorted[(i + 1).min(sorted.len() - 1)];
    let d = b - a;
    if t >= 0.5 {
        b - d * (1.0 - t)
    } else {
        a + d * t
    }
}

/// numpy's pairwise summation (`np.add.reduce` of a contiguous float64 array).
pub(crate) fn pairwise_sum(a: &[f64]) -> f64 {
    let n = a.len();
    if n < 8 {
        let mut res = 0.0;
        for &v in a {
            res += v;
        }
        res
    } else if n <= 128 {
        let mut r = [0.0; 8];
        r.copy_from_slice(&a[..8]);
        let mut i = 8;
        while i < n - n % 8 {
            for j in 0..8 {
                r[j] += a[i + j];
            }
            i += 8;
        }
        let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        while i < n {
            res += a[i];
            i += 1;
        }
        res
    } else {
        let mut n2 = n / 2;
        n2 -= n2 % 8;
        pairwise_sum(&a[..n2]) + pairwise_sum(&a[n2..])
    }
}

/// `np.histogram(a, bins, range, weights=weights, density=density)`: (values, edges).
/// Equal bins sum the weights in data order (`bincount`), explicit edges as differences
/// of the cumulated sorted weights, as numpy does.
pub fn histogram_weighted(
    a: &[f64],
    weights: Option<&[f64]>,
    bins: &Bins,
    range: Option<(f64, f64)>,
    density: bool,
) -> Result<(Vec<f64>, Vec<f64>)> {
    if let Some(w) = weights {
        if w.len() != a.len() {
            return Err(Error::invalid(
                "hist weights",
                format!("{} weights", w.len()),
                format!("one weight per value ({})", a.len()),
            ));
        }
    }
    let (first, last) = match range {
        Some((lo, hi)) => {
            if !(lo <= hi && lo.is_finite() && hi.is_finite()) {
                return Err(Error::invalid(
                    "hist range",
                    format!("({lo}, {hi})"),
                    "finite bounds with min <= max",
                ));
            }
            (lo, hi)
        }
        None if a.is_empty() => (0.0, 1.0),
        None => {
            let lo = a.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = a.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            if !(lo.is_finite() && hi.is_finite()) {
                return Err(Error::invalid(
                    "hist data",
                    format!("range [{lo}, {hi}]"),
                    "finite values (or a 'range')",
                ));
            }
            (lo, hi)
        }
    };
    let (first, last) = if first == last {
        (first - 0.5, last + 0.5)
    } else {
        (first, last)
    };
    let mut counts;
    let edges = match bins {
        Bins::Count(nb) => {
            let nb = *nb;
            if nb == 0 {
                return Err(Error::invalid("bins", 0, "at least one bin"));
            }
            // Each bin is a bar to lay out and draw (about 1 KB and 17 us each: 10^6
            // bins took 17 s and 1 GB, 10^8 the OOM killer, 2^62 a capacity-overflow
            // panic): a count is one number, so its cost is bounded here, far beyond what
            // a canvas shows (matplotlib 3.11.2 had not drawn 10^5 after 5 minutes).
            if nb > MAX_HIST_BINS {
                return Err(Error::invalid(
                    "bins",
                    nb,
                    format!(
                        "at most {MAX_HIST_BINS} bins (a bin narrower than a pixel is not seen)"
                    ),
                ));
            }
            let edges = linspace(first, last, nb + 1);
            counts = vec![0.0; nb];
            let denom = last - first;
            for (k, &v) in a.iter().enumerate() {
                if !(v >= first && v <= last) {
                    continue;
                }
                let mut i = (((v - first) / denom) * nb as f64) as usize;
                if i == nb {
                    i -= 1;
                }
                if v < edges[i] {
                    i -= 1;
                }
                if v >= edges[i + 1] && i != nb - 1 {
                    i += 1;
                }
                counts[i] += weights.map_or(1.0, |w| w[k]);
            }
            edges
        }
        Bins::Edges(e) => {
            if e.len() < 2
                || e.windows(2)
                    .any(|w| w[0].is_nan() || w[1].is_nan() || w[0] > w[1])
            {
                return Err(Error::invalid(
                    "bins",
                    format!("{e:?}"),
                    "at least two monotonically increasing edges",
                ));
            }
            let nb = e.len() - 1;
            counts = vec![0.0; nb];
            let mut order: Vec<usize> = (0..a.len()).filter(|&k| !a[k].is_nan()).collect();
            order.sort_by(|&x, &y| a[x].total_cmp(&a[y]));
            let sorted: Vec<f64> = order.iter().map(|&k| a[k]).collect();
            // searchsorted(a, edges[:-1], 'left'), searchsorted(a, edges[-1], 'right').
            let left = |t: f64| sorted.partition_point(|&v| v < t);
            let right = |t: f64| sorted.partition_point(|&v| v <= t);
            let mut cum: Vec<usize> = e[..nb].iter().map(|&t| left(t)).collect();
            cum.push(right(e[nb]));
            match weights {
                None => {
                    for i in 0..nb {
                        counts[i] = (cum[i + 1] - cum[i]) as f64;
                    }
                }
                Some(w) => {
                    // cw = concatenate(([0], sw.cumsum())); n = diff(cw[bin_index]).
                    let mut cw = Vec::with_capacity(order.len() + 1);
                    cw.push(0.0);
                    let mut acc = 0.0;
                    for &k in &order {
                        acc += w[k];
                        cw.push(acc);
                    }
                    for i in 0..nb {
                        counts[i] = cw[cum[i + 1]] - cw[cum[i]];
                    }
                }
            }
            e.clone()
        }
    };
    if density {
        let total = pairwise_sum(&counts);
        for (i, c) in counts.iter_mut().enumerate() {
            *c = *c / (edges[i + 1] - edges[i]) / total;
        }
    }
    Ok((counts, edges))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_bins_include_the_right_edge() {
        let (n, e) = histogram(&[0.0, 1.0, 2.0, 3.0], &Bins::Count(3), None, false).unwrap();
        assert_eq!(n, vec![1.0, 1.0, 2.0]);
        assert_eq!(e, vec![0.0, 1.0, 2.0, 3.0]);
        let (n, _) = histogram(
            &[0.0, 1.0, 2.0, 3.0],
            &Bins::Edges(vec![0.0, 1.5, 3.0]),
            None,
            false,
        )
        .unwrap();
        assert_eq!(n, vec![2.0, 2.0]);
    }

    #[test]
    fn named_bin_counts_match_numpy() {
        // Measured with numpy 2 (matplotlib 3.11.2's venv):
        // a = [(i * i) % 17 + 0.25 * i for i in range(50)];
        // len(np.histogram_bin_edges(a, name[, range=(2, 9)])) - 1.
        let a: Vec<f64> = (0..50)
            .map(|i| ((i * i) % 17) as f64 + 0.25 * i as f64)
            .collect();
        for (name, all, ranged) in [
            ("auto", 7, 6),
            ("fd", 5, 3),
            ("sturges", 7, 6),
            ("sqrt", 8, 5),
            ("rice", 8, 6),
            ("scott", 5, 3),
            ("doane", 7, 6),
        ] {
            assert_eq!(histogram_bin_count(&a, name, None).unwrap(), all, "{name}");
            assert_eq!(
                histogram_bin_count(&a, name, Some((2.0, 9.0))).unwrap(),
                ranged,
                "{name} in (2, 9)"
            );
        }
        assert_eq!(histogram_bin_count(&[3.0, 3.0], "auto", None).unwrap(), 1);
        assert_eq!(histogram_bin_count(&[], "auto", None).unwrap(), 1);
        let e = histogram_bin_count(&a, "stone", None)
            .unwrap_err()
            .to_string();
        assert!(e.contains("stone"), "{e}");
    }
}
