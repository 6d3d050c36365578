//! `hist`: numpy's `histogram` binning (float order included) drawn as bars
//! (`histtype='bar'`) or one polygon (`'step'`, `'stepfilled'`), as `Axes.hist` does.

use super::bar::{BarAlign, BarOptions};
use super::line::{Blend, LineStyle};
use super::patch::Patch;
use super::{cycle_color, Artist, ArtistHandle};
use crate::axes::Axes;
use crate::color::Color;
use crate::{Error, Result};

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
    /// `'bar'` (default).
    #[default]
    Bar,
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
            "step" => Ok(HistType::Step),
            "stepfilled" => Ok(HistType::StepFilled),
            _ => Err(Error::invalid(
                "histtype",
                format!("{s:?}"),
                "'bar', 'step' or 'stepfilled'",
            )),
        }
    }
}

/// Options of [`Axes::hist_with`] (matplotlib's keywords).
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
}

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
            // The edges and counts (16 bytes a bin): a count no allocation can hold is an
            // error, not a capacity-overflow panic or an abort (bins = 2^62 did).
            crate::alloc::probe((nb as u128 + 1) * 16, &format!("the histogram's {nb} bins"))?;
            let edges = linspace(first, last, nb + 1);
            counts = vec![0.0; nb];
            let denom = last - first;
            for &v in a {
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
                counts[i] += 1.0;
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
            let mut sorted: Vec<f64> = a.iter().copied().filter(|v| !v.is_nan()).collect();
            sorted.sort_by(|x, y| x.total_cmp(y));
            // searchsorted(a, edges[:-1], 'left'), searchsorted(a, edges[-1], 'right').
            let left = |t: f64| sorted.partition_point(|&v| v < t);
            let right = |t: f64| sorted.partition_point(|&v| v <= t);
            let mut cum: Vec<usize> = e[..nb].iter().map(|&t| left(t)).collect();
            cum.push(right(e[nb]));
            for i in 0..nb {
                counts[i] = (cum[i + 1] - cum[i]) as f64;
            }
            e.clone()
        }
    };
    if density {
        let total: f64 = counts.iter().sum();
        for (i, c) in counts.iter_mut().enumerate() {
            *c = *c / (edges[i + 1] - edges[i]) / total;
        }
    }
    Ok((counts, edges))
}

impl Axes {
    /// `ax.hist(x, **kwargs)` for one dataset.
    pub fn hist_with(&mut self, x: &[f64], o: HistOptions) -> Result<HistResult> {
        let parse = |what: &str, s: &Option<String>| -> Result<Option<Color>> {
            s.as_deref()
                .map(|s| {
                    Color::parse(s)
                        .map_err(|_| Error::invalid(what, format!("{s:?}"), "a matplotlib colour"))
                })
                .transpose()
        };
        let color = match parse("color", &o.color)? {
            Some(c) => c,
            None => {
                let c = cycle_color(self.plot.line_cycle);
                self.plot.line_cycle += 1;
                c
            }
        };
        let edgecolor = parse("edgecolor", &o.edgecolor)?;
        let (mut n, bins) = histogram(x, &o.bins, o.range, o.density)?;
        if o.cumulative != 0 {
            if o.density {
                for (i, v) in n.iter_mut().enumerate() {
                    *v *= bins[i + 1] - bins[i];
                }
            }
            let mut acc = 0.0;
            if o.cumulative < 0 {
                for v in n.iter_mut().rev() {
                    acc += *v;
                    *v = acc;
                }
            } else {
                for v in n.iter_mut() {
                    acc += *v;
                    *v = acc;
                }
            }
        }
        let nb = n.len();
        let mut patches = Vec::new();
        match o.histtype {
            HistType::Bar => {
                let tw: Vec<f64> = bins.windows(2).map(|w| w[1] - w[0]).collect();
                // dr = 1, nx = 1: width = dr * totwidth / nx; boffset = -0.5 * dr *
                // totwidth * (1 - 1 / nx) + 0.5 * totwidth.
                let width: Vec<f64> = tw.iter().map(|t| 1.0 * t / 1.0).collect();
                let pos: Vec<f64> = (0..nb)
                    .map(|i| bins[i] + (-0.5 * 1.0 * tw[i] * 0.0 + 0.5 * tw[i]))
                    .collect();
                let mut bo = BarOptions::default()
                    .width(width)
                    .bottom(vec![0.0])
                    .align(BarAlign::Center);
                bo.color = Some(vec!["k".to_string()]);
                let c = if o.horizontal {
                    self.barh_with(&pos, &n, bo)?
                } else {
                    self.bar_with(&pos, &n, bo)?
                };
                // hist's label rides on its first Rectangle, a child, not a container.
                self.plot.bar_containers.pop();
                for (k, h) in c.patches.iter().enumerate() {
                    if let Some(Artist::Patch(p)) = self.plot.artists.get_mut(h.index) {
                        p.face = Some(color);
                        if let Some(e) = edgecolor {
                            p.edge = Some(e);
                        }
                        if let Some(lw) = o.linewidth {
                            p.linewidth_pt = lw;
                        }
                        p.alpha = o.alpha;
                        p.label = if k == 0 { o.label.clone() } else { None };
                    }
                }
                patches = c.patches;
            }
            HistType::Step | HistType::StepFilled => {
                let fill = o.histtype == HistType::StepFilled;
                let m = bins.len();
                let mut xs = vec![0.0; 4 * m - 3];
                let mut ys = vec![0.0; 4 * m - 3];
                for i in 0..m {
                    xs[2 * i] = bins[i];
                }
                for i in 0..m - 1 {
                    xs[2 * i + 1] = bins[i];
                }
                for k in 0..(2 * m - 2) {
                    xs[2 * m - 1 + k] = xs[2 * m - 2 - k];
                }
                for i in 0..nb {
                    ys[2 * i + 1] = n[i];
                    ys[2 * i + 2] = n[i];
                }
                // The reversed half stays at the bottom (0); y[0] = y[-1] closes it.
                ys[0] = ys[4 * m - 4];
                let split = if fill { 4 * m - 4 } else { 2 * m };
                let pts: Vec<(f64, f64)> = (0..split)
                    .map(|i| {
                        if o.horizontal {
                            (ys[i], xs[i])
                        } else {
                            (xs[i], ys[i])
                        }
                    })
                    .collect();
                // fill() takes the patch cycle's next colour though facecolor is given.
                self.plot.patch_cycle += 1;
                let poly = super::polygon::Polygon {
                    points: pts,
                    closed: fill,
                    patch: Patch {
                        rect: (0.0, 0.0, 0.0, 0.0),
                        blend: Blend::Data,
                        face: if fill { Some(color) } else { None },
                        edge: edgecolor.or(if fill { None } else { Some(color) }),
                        linewidth_pt: o.linewidth.unwrap_or(1.0),
                        linestyle: LineStyle::Solid,
                        alpha: o.alpha,
                        zorder: if fill { 1.0 } else { 2.0 },
                        label: o.label.clone(),
                    },
                };
                let st = if o.horizontal {
                    &mut self.plot.x
                } else {
                    &mut self.plot.y
                };
                st.stickies.push(0.0);
                self.plot.artists.push(Artist::Polygon(poly));
                patches.push(ArtistHandle {
                    axes: self.id,
                    index: self.plot.artists.len() - 1,
                });
                self.request_autoscale(true, true);
            }
        }
        Ok(HistResult { n, bins, patches })
    }
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
}
