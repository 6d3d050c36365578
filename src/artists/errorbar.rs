//! `errorbar`: the data line (zorder + 0.1), the bars as `LineCollection`s (`hlines` for
//! `xerr`, `vlines` for `yerr`) and the caps as `'|'` / `'_'` marker lines, in
//! matplotlib's order; the container's label makes one legend entry.

use super::collection::Collection;
use super::line::{Line2D, LineStyle, PlotOptions};
use super::paint::{CapStyle, Paint};
use super::values::PlotData;
use super::{cycle_color, Artist, ArtistHandle, DataLim};
use crate::axes::Axes;
use crate::{Error, Result};

/// An error size: `xerr=` / `yerr=`.
#[derive(Debug, Clone, PartialEq)]
pub enum ErrorSize {
    /// One value for every point (`yerr=0.2`).
    Scalar(f64),
    /// One symmetric value per point.
    PerPoint(Vec<f64>),
    /// `[lower, upper]`, each one value per point (a 2xN array).
    Asymmetric(Vec<f64>, Vec<f64>),
}

/// Options of [`Axes::errorbar`] (matplotlib's keywords; the `Line2D` keywords of the
/// data line are in `line`).
///
/// ```
/// use figbuf::{ErrorSize, ErrorbarOptions, Figure};
/// let mut fig = Figure::new(6.4, 4.8, 100.0);
/// let ax = fig.add_subplot();
/// let o = ErrorbarOptions::default()
///     .yerr(ErrorSize::Scalar(0.2))
///     .fmt("o")
///     .capsize(3.0)
///     .color("k");
/// fig[ax].errorbar(&[1.0, 2.0, 3.0], &[1.0, 4.0, 9.0], o).unwrap();
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ErrorbarOptions {
    /// `yerr=`.
    pub yerr: Option<ErrorSize>,
    /// `xerr=`.
    pub xerr: Option<ErrorSize>,
    /// `fmt=`: the data line's format ('' a line, 'o' markers, 'none' no data line).
    pub fmt: Option<String>,
    /// `capsize=` in points (rc `errorbar.capsize`, 0: no caps).
    pub capsize: Option<f64>,
    /// `capthick=` in points (the caps' marker edge width).
    pub capthick: Option<f64>,
    /// `ecolor=`: the bars' and caps' colour (the data colour).
    pub ecolor: Option<String>,
    /// `elinewidth=` in points (the data line's `linewidth`, else 1.5).
    pub elinewidth: Option<f64>,
    /// `color`, `alpha`, `label`, `zorder`, `linewidth`, `marker*`... of the data line.
    pub line: PlotOptions,
    /// `errorevery=(start, step)` (an integer N is `(0, N)`): bars and caps on the points
    /// `start, start + step, ...` only (all when `None`).
    pub errorevery: Option<(usize, usize)>,
}

option_setters!(ErrorbarOptions {
    /// `yerr=`.
    yerr: ErrorSize => yerr = Some;
    /// `xerr=`.
    xerr: ErrorSize => xerr = Some;
    /// `capsize=` in points.
    capsize: f64 => capsize = Some;
    /// `capthick=` in points.
    capthick: f64 => capthick = Some;
    /// `ecolor=`.
    ecolor: impl Into<String> => ecolor = some_into;
    /// `elinewidth=` in points.
    elinewidth: f64 => elinewidth = Some;
    /// The data line's keywords.
    line: PlotOptions => line;
    /// `errorevery=(start, step)`.
    errorevery: (usize, usize) => errorevery = Some;
});

impl ErrorbarOptions {
    /// `fmt=`.
    #[must_use]
    pub fn fmt(mut self, v: impl Into<String>) -> Self {
        self.fmt = Some(v.into());
        self
    }
    /// `color=` of the data line (and the bars unless `ecolor`).
    #[must_use]
    pub fn color(mut self, v: impl Into<String>) -> Self {
        self.line.color = Some(v.into());
        self
    }
    /// `alpha=`.
    #[must_use]
    pub fn alpha(mut self, v: f64) -> Self {
        self.line.alpha = Some(v);
        self
    }
    /// `label=` of the errorbar container.
    #[must_use]
    pub fn label(mut self, v: impl Into<String>) -> Self {
        self.line.label = Some(v.into());
        self
    }
    /// `zorder=` (2; the data line draws at zorder + 0.1).
    #[must_use]
    pub fn zorder(mut self, v: f64) -> Self {
        self.line.zorder = Some(v);
        self
    }
}

/// What `errorbar` added: the data line (unless `fmt='none'`), the caps, the bars.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorbarContainer {
    /// The data line.
    pub data_line: Option<ArtistHandle>,
    /// The cap lines.
    pub caplines: Vec<ArtistHandle>,
    /// The bar collections (x bars first).
    pub barlinecols: Vec<ArtistHandle>,
}

/// A labelled errorbar container: what its legend entry draws.
#[derive(Debug, Clone)]
pub(crate) struct ErrorbarEntry {
    pub label: String,
    pub data_line: Option<usize>,
    pub caplines: Vec<usize>,
    pub barlinecols: Vec<usize>,
    pub has_xerr: bool,
    pub has_yerr: bool,
}

impl ErrorbarEntry {
    /// The index of the container's first artist (containers are listed in call order).
    pub(crate) fn first_index(&self) -> usize {
        self.data_line
            .into_iter()
            .chain(self.barlinecols.iter().copied())
            .chain(self.caplines.iter().copied())
            .min()
            .unwrap_or(0)
    }

    /// `HandlerErrorbar`: bars, caps, the line and its marker, in the handle box of
    /// `fs` points (`to_dev` maps handle points to device pixels).
    pub(crate) fn legend_paints(
        &self,
        artists: &[Artist],
        fs: f64,
        dpi: f64,
        (handlelength, markerscale): (f64, f64),
        to_dev: super::line::ToDevice<'_>,
    ) -> Vec<Paint> {
        // HandlerErrorbar: the legend's handlelength, and markerscale on the data marker
        // only (audit7).
        let (width, height) = (handlelength * fs, 0.7 * fs);
        let (xm, ym) = (-0.0 + 0.5 * width, (height - 0.0) / 2.0);
        let e = 0.5 * fs;
        let mut out = Vec::new();
        let bars = self
            .barlinecols
            .first()
            .and_then(|&i| match artists.get(i) {
                Some(Artist::Collection(c)) => Some(c),
                _ => None,
            });
        let cap = self.caplines.first().and_then(|&i| match artists.get(i) {
            Some(Artist::Line(l)) => Some(l),
            _ => None,
        });
        let mut caps = Vec::new();
        for (on, horizontal) in [(self.has_xerr, true), (self.has_yerr, false)] {
            if !on {
                continue;
            }
            let (a, b) = if horizontal {
                ((xm - e, ym), (xm + e, ym))
            } else {
                ((xm, ym - e), (xm, ym + e))
            };
            if let Some(c) = bars {
                let mut c = c.clone();
                c.paths = vec![vec![a, b]];
                out.extend(c.paint_paths(dpi, to_dev, None));
            }
            if let Some(l) = cap {
                for p in [a, b] {
                    let mut l = l.clone();
                    l.marker = super::markers::find(if horizontal { "|" } else { "_" })
                        .ok()
                        .flatten();
                    l.markevery = None;
                    l.x = vec![p.0];
                    l.y = vec![p.1];
                    caps.push(l);
                }
            }
        }
        for l in caps {
            out.extend(l.paint_in(dpi, to_dev, None));
        }
        if let Some(Artist::Line(d)) = self.data_line.and_then(|i| artists.get(i)) {
            let mut line = d.clone();
            line.x = vec![-0.0, -0.0 + width];
            line.y = vec![ym; 2];
            line.marker = None;
            line.markevery = None;
            line.drawstyle = super::line::DrawStyle::Default;
            out.extend(line.paint_in(dpi, to_dev, None));
            let mut mk = d.clone();
            mk.x = vec![xm];
            mk.y = vec![ym];
            mk.linestyle = LineStyle::None;
            mk.markevery = None;
            if markerscale != 1.0 {
                mk.markersize_pt *= markerscale;
            }
            out.extend(mk.paint_in(dpi, to_dev, None));
        }
        out
    }
}

/// `(low, high)` per point, refusing negative errors as matplotlib does.
fn bounds(what: &str, dep: &[f64], err: &ErrorSize) -> Result<(Vec<f64>, Vec<f64>)> {
    let n = dep.len();
    let one = |v: &[f64]| -> Result<Vec<f64>> {
        match v.len() {
            1 => Ok(vec![v[0]; n]),
            m if m == n => Ok(v.to_vec()),
            m => Err(Error::invalid(
                "errorbar",
                format!("'{what}' of size {m}"),
                format!("a scalar or a 1D or (2, n) array-like whose shape matches ({n},)"),
            )),
        }
    };
    let (lo, hi) = match err {
        ErrorSize::Scalar(e) => (vec![*e; n], vec![*e; n]),
        ErrorSize::PerPoint(v) => (one(v)?, one(v)?),
        ErrorSize::Asymmetric(a, b) => (one(a)?, one(b)?),
    };
    if let Some(e) = lo.iter().chain(&hi).find(|e| **e < -**e) {
        return Err(Error::invalid(
            "errorbar",
            format!("'{what}' containing {e}"),
            format!("'{what}' without negative values"),
        ));
    }
    let low = dep.iter().zip(&lo).map(|(d, e)| d + -e).collect();
    let high = dep.iter().zip(&hi).map(|(d, e)| d + e).collect();
    Ok((low, high))
}

impl Axes {
    /// `ax.errorbar(x, y, yerr, xerr, fmt, ecolor, elinewidth, capsize, capthick, ...)`.
    pub fn errorbar(
        &mut self,
        x: impl PlotData,
        y: impl PlotData,
        o: ErrorbarOptions,
    ) -> Result<ErrorbarContainer> {
        let (x, y) = (x.to_f64_vec(), y.to_f64_vec());
        if x.len() != y.len() {
            return Err(Error::invalid(
                "errorbar",
                format!("x of size {} and y of size {}", x.len(), y.len()),
                "'x' and 'y' of the same size",
            ));
        }
        let xb = o.xerr.as_ref().map(|e| bounds("xerr", &x, e)).transpose()?;
        let yb = o.yerr.as_ref().map(|e| bounds("yerr", &y, e)).transpose()?;
        let fmt = o.fmt.clone().unwrap_or_default();
        let none = fmt.eq_ignore_ascii_case("none");
        let zorder = o.line.zorder.unwrap_or(2.0);
        let mut lo = o.line.clone();
        lo.label = None;
        lo.zorder = Some(zorder + 0.1);
        lo.fmt = if fmt.is_empty() || none {
            None
        } else {
            Some(fmt.clone())
        };
        let cycle = &mut self.plot.line_cycle;
        let mut next = || {
            let c = cycle_color(*cycle);
            *cycle += 1;
            c
        };
        // fmt='none' parses as the colour 'none': the cycle is not advanced.
        let mut keep = || cycle_color(0);
        let next_color: &mut dyn FnMut() -> crate::color::Color =
            if none { &mut keep } else { &mut next };
        let data_line = Line2D::new(x.clone(), y.clone(), &lo, next_color)?;
        let base = if none {
            match &o.line.color {
                Some(c) => super::fills::color_of("color", c)?,
                None => cycle_color(0),
            }
        } else {
            data_line.color
        };
        let ecolor = match &o.ecolor {
            Some(c) => super::fills::color_of("ecolor", c)?,
            None => base,
        };
        let elw = o.elinewidth.or(o.line.linewidth).unwrap_or(1.5);
        let capsize = o.capsize.unwrap_or(0.0);
        for (what, v) in [("elinewidth", elw), ("capsize", capsize)] {
            if !(v.is_finite() && v >= 0.0) {
                return Err(Error::invalid(what, v, "a finite, non-negative number"));
            }
        }
        // `everymask[slice(start, None, step)] = True`, applied to the bars and caps.
        let every: Vec<usize> = match o.errorevery {
            None => (0..x.len()).collect(),
            Some((_, 0)) => {
                return Err(Error::invalid(
                    "errorbar",
                    "'errorevery' step 0",
                    "a positive step",
                ))
            }
            Some((start, step)) => (start..x.len()).step_by(step).collect(),
        };
        let pick = |v: &[f64]| -> Vec<f64> { every.iter().map(|&i| v[i]).collect() };
        let mut out = ErrorbarContainer {
            data_line: None,
            caplines: Vec::new(),
            barlinecols: Vec::new(),
        };
        if !none {
            std::sync::Arc::make_mut(&mut self.plot.artists).push(Artist::Line(data_line));
            out.data_line = Some(self.last_handle());
        }
        let mut caps: Vec<Line2D> = Vec::new();
        let cap_opts = |marker: &str| PlotOptions {
            marker: Some(marker.to_string()),
            linestyle: Some(LineStyle::None),
            markersize: Some(2.0 * capsize),
            markeredgewidth: o.capthick.or(o.line.markeredgewidth),
            alpha: o.line.alpha,
            zorder: Some(zorder),
            ..PlotOptions::default()
        };
        for (horizontal, b) in [(true, &xb), (false, &yb)] {
            let Some((low, high)) = b else { continue };
            let (low, high) = (&pick(low), &pick(high));
            let (xs, ys) = (pick(&x), pick(&y));
            let indep = if horizontal { &ys } else { &xs };
            let segs: Vec<Vec<(f64, f64)>> = (0..xs.len())
                .map(|i| {
                    if horizontal {
                        vec![(low[i], indep[i]), (high[i], indep[i])]
                    } else {
                        vec![(indep[i], low[i]), (indep[i], high[i])]
                    }
                })
                .collect();
            // vlines/hlines: the corners of the segments' extents.
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
            let c = Collection {
                paths: segs,
                closed: false,
                face: None,
                edge: Some(ecolor),
                linewidth_pt: elw,
                linestyle: LineStyle::Solid,
                alpha: o.line.alpha,
                zorder,
                label: None,
                limits,
                single_path_shortcut: false,
                capstyle: CapStyle::Butt,
                hatch: None,
            };
            std::sync::Arc::make_mut(&mut self.plot.artists).push(Artist::Collection(c));
            out.barlinecols.push(self.last_handle());
            if capsize > 0.0 {
                let marker = if horizontal { "|" } else { "_" };
                for dep in [low, high] {
                    let (cx, cy) = if horizontal {
                        (dep.clone(), ys.clone())
                    } else {
                        (xs.clone(), dep.clone())
                    };
                    let mut base_color = || base;
                    let mut l = Line2D::new(cx, cy, &cap_opts(marker), &mut base_color)?;
                    l.mec = Some(ecolor);
                    caps.push(l);
                }
            }
        }
        for l in caps {
            std::sync::Arc::make_mut(&mut self.plot.artists).push(Artist::Line(l));
            out.caplines.push(self.last_handle());
        }
        if let Some(label) = &o.line.label {
            self.plot.errorbar_containers.push(ErrorbarEntry {
                label: label.clone(),
                data_line: out.data_line.map(|h| h.index),
                caplines: out.caplines.iter().map(|h| h.index).collect(),
                barlinecols: out.barlinecols.iter().map(|h| h.index).collect(),
                has_xerr: o.xerr.is_some(),
                has_yerr: o.yerr.is_some(),
            });
        }
        self.request_autoscale(true, true);
        Ok(out)
    }

    fn last_handle(&self) -> ArtistHandle {
        ArtistHandle {
            axes: self.id,
            index: self.plot.artists.len() - 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_broadcast_and_refuse_negatives() {
        let (lo, hi) = bounds("yerr", &[1.0, 2.0], &ErrorSize::Scalar(0.5)).unwrap();
        assert_eq!((lo, hi), (vec![0.5, 1.5], vec![1.5, 2.5]));
        let (lo, hi) = bounds(
            "yerr",
            &[1.0, 2.0],
            &ErrorSize::Asymmetric(vec![0.1], vec![0.2, 0.3]),
        )
        .unwrap();
        assert_eq!((lo, hi), (vec![0.9, 1.9], vec![1.2, 2.3]));
        // NaN errors are allowed (they skip the bar); negative ones are not.
        assert!(bounds("yerr", &[1.0], &ErrorSize::PerPoint(vec![f64::NAN])).is_ok());
        let e = bounds("xerr", &[1.0, 2.0], &ErrorSize::PerPoint(vec![0.1, -1.0]));
        assert!(e.unwrap_err().to_string().contains("-1"));
        assert!(bounds("yerr", &[1.0, 2.0], &ErrorSize::PerPoint(vec![0.1; 3])).is_err());
    }
}
