//! `stairs` (`StepPatch`: a `PathPatch` with one open sub-path per run of finite values)
//! and `step` (`plot` with a steps drawstyle).

use super::fills::StepWhere;
use super::line::{Blend, DrawStyle, Line2D, LineStyle, PlotOptions};
use super::paint::{Paint, PathCmd};
use super::patch::Patch;
use super::values::PlotData;
use super::{Artist, ArtistHandle, DataLim, DrawCtx};
use crate::axes::Axes;
use crate::{Error, Result};

/// `orientation=` of `stairs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StairsOrientation {
    /// Values along y over edges along x (default).
    #[default]
    Vertical,
    /// Values along x over edges along y.
    Horizontal,
}

impl std::str::FromStr for StairsOrientation {
    type Err = Error;
    fn from_str(s: &str) -> Result<StairsOrientation> {
        match s {
            "vertical" => Ok(StairsOrientation::Vertical),
            "horizontal" => Ok(StairsOrientation::Horizontal),
            _ => Err(Error::invalid(
                "stairs orientation",
                format!("{s:?}"),
                "'vertical' or 'horizontal'",
            )),
        }
    }
}

/// Options of [`Axes::stairs`] (matplotlib's keywords).
///
/// ```
/// use figbuf::{Figure, StairsOptions};
/// let mut fig = Figure::new(6.4, 4.8, 100.0);
/// let ax = fig.add_subplot();
/// let o = StairsOptions::default().fill(true).baseline(Some(vec![-1.0])).label("counts");
/// fig[ax].stairs(&[3.0, 1.0, 2.0], o).unwrap();
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq)]
pub struct StairsOptions {
    /// `edges=`: one more than the values (`0, 1, ..., n` when unset).
    pub edges: Option<Vec<f64>>,
    /// `baseline=`: one value or one per value (0); `None` leaves the stairs open.
    pub baseline: Option<Vec<f64>>,
    /// `fill=`.
    pub fill: bool,
    /// `orientation=`.
    pub orientation: StairsOrientation,
    /// `color` (the line cycle's next colour when unset).
    pub color: Option<String>,
    /// `linewidth` in points (1; 0 when filled).
    pub linewidth: Option<f64>,
    /// `linestyle`.
    pub linestyle: Option<LineStyle>,
    /// `alpha`.
    pub alpha: Option<f64>,
    /// `label`.
    pub label: Option<String>,
    /// `zorder` (1).
    pub zorder: Option<f64>,
}

impl Default for StairsOptions {
    fn default() -> Self {
        StairsOptions {
            edges: None,
            baseline: Some(vec![0.0]),
            fill: false,
            orientation: StairsOrientation::Vertical,
            color: None,
            linewidth: None,
            linestyle: None,
            alpha: None,
            label: None,
            zorder: None,
        }
    }
}

option_setters!(StairsOptions {
    /// `edges=`.
    edges: Vec<f64> => edges = Some;
    /// `baseline=` (`None` for open stairs).
    baseline: Option<Vec<f64>> => baseline;
    /// `fill=`.
    fill: bool => fill;
    /// `orientation=`.
    orientation: StairsOrientation => orientation;
    /// `color=`.
    color: impl Into<String> => color = some_into;
    /// `linewidth=` in points.
    linewidth: f64 => linewidth = Some;
    /// `linestyle=`.
    linestyle: LineStyle => linestyle = Some;
    /// `alpha=`.
    alpha: f64 => alpha = Some;
    /// `label=`.
    label: impl Into<String> => label = some_into;
    /// `zorder=`.
    zorder: f64 => zorder = Some;
});

/// A patch drawn from open sub-paths in data coordinates (`StepPatch`).
#[derive(Debug, Clone)]
pub(crate) struct StepPatch {
    pub subpaths: Vec<Vec<(f64, f64)>>,
    /// Colours, line, alpha, zorder and label (its `rect` is unused).
    pub patch: Patch,
    /// `get_fill()`.
    pub fill: bool,
}

impl StepPatch {
    fn vertex_count(&self) -> usize {
        self.subpaths.iter().map(Vec::len).sum()
    }

    /// `Patch.draw` of the path (simplified when it has 128 vertices or more and no face).
    pub(crate) fn paint(&self, ctx: &DrawCtx) -> Vec<Paint> {
        let mut path = Vec::with_capacity(self.vertex_count());
        for sp in &self.subpaths {
            for (i, &(x, y)) in sp.iter().enumerate() {
                let p = ctx.to_device_blend(x, y, Blend::Data);
                path.push(if i == 0 {
                    PathCmd::MoveTo(p.0, p.1)
                } else {
                    PathCmd::LineTo(p.0, p.1)
                });
            }
        }
        if path.is_empty() {
            return Vec::new();
        }
        let mut paints = self.patch.paint_path(path, ctx.dpi, Some(ctx.clip));
        let simplify = self.vertex_count() >= 128;
        for p in &mut paints {
            if let Paint::Path(d) = p {
                d.simplify = simplify && d.fill.is_none();
                // A MOVETO/LINETO path keeps its codes: a single sub-path is still a
                // polyline for the NaN remover, which has nothing to remove here.
            }
        }
        paints
    }

    /// `_update_patch_limits`: every vertex.
    pub(crate) fn data_limits(&self) -> DataLim {
        let mut lim = DataLim::default();
        for &(x, y) in self.subpaths.iter().flatten() {
            lim.add(Some(x), Some(y));
        }
        lim
    }

    /// The display vertices of each sub-path (the legend's `'best'` test).
    pub(crate) fn display_paths(&self, ctx: &DrawCtx) -> Vec<Vec<(f64, f64)>> {
        self.subpaths
            .iter()
            .map(|sp| sp.iter().map(|&(x, y)| ctx.to_display(x, y)).collect())
            .collect()
    }

    /// `HandlerStepPatch`: a filled patch shows as a rectangle, an open one as a line.
    pub(crate) fn legend_line(&self, width: f64, height: f64) -> Option<Line2D> {
        if self.fill {
            return None;
        }
        let edge = self.patch.edge?;
        let edge = match self.patch.alpha {
            Some(a) => edge.with_alpha(a),
            None => edge,
        };
        let o = PlotOptions {
            linewidth: Some(self.patch.linewidth_pt),
            linestyle: Some(self.patch.linestyle.clone()),
            ..PlotOptions::default()
        };
        Line2D::new(
            vec![0.0, width],
            vec![height / 2.0, height / 2.0],
            &o,
            &mut || edge,
        )
        .ok()
    }
}

impl Axes {
    /// `ax.step(x, y, fmt, where=...)`: `plot` with `drawstyle='steps-' + where`.
    pub fn step(
        &mut self,
        x: impl PlotData,
        y: impl PlotData,
        r#where: StepWhere,
        opts: PlotOptions,
    ) -> Result<ArtistHandle> {
        let ds = match r#where {
            StepWhere::Pre => DrawStyle::StepsPre,
            StepWhere::Mid => DrawStyle::StepsMid,
            StepWhere::Post => DrawStyle::StepsPost,
        };
        self.plot_with(x, y, opts.drawstyle(ds))
    }

    /// `ax.stairs(values, edges, baseline, fill, orientation, ...)`: a `StepPatch`.
    pub fn stairs(&mut self, values: impl PlotData, o: StairsOptions) -> Result<ArtistHandle> {
        let values = values.to_f64_vec();
        let n = values.len();
        let edges = o
            .edges
            .clone()
            .unwrap_or_else(|| (0..=n).map(|i| i as f64).collect());
        if edges.iter().any(|e| e.is_nan()) {
            return Err(Error::invalid(
                "stairs",
                "NaN in edges",
                "edges without NaN",
            ));
        }
        if edges.len() != n + 1 {
            return Err(Error::invalid(
                "stairs",
                format!("{n} values and {} edges", edges.len()),
                "len(values) + 1 == len(edges)",
            ));
        }
        let baseline = match &o.baseline {
            None => None,
            Some(b) if b.len() == 1 => Some((b.clone(), true)),
            Some(b) if b.len() == n => Some((b.clone(), false)),
            Some(b) => {
                return Err(Error::invalid(
                    "stairs",
                    format!("baseline of size {}", b.len()),
                    format!("one value or {n} (one per value)"),
                ))
            }
        };
        let color = match &o.color {
            Some(c) => super::fills::color_of("color", c)?,
            None => {
                let c = super::cycle_color(self.plot.line_cycle);
                self.plot.line_cycle += 1;
                c
            }
        };
        let nan: Vec<bool> = (0..n)
            .map(|i| {
                !(values[i].is_nan()
                    || baseline
                        .as_ref()
                        .is_some_and(|(b, s)| b[if *s { 0 } else { i }].is_nan()))
            })
            .collect();
        let mut subpaths = Vec::new();
        for (i0, i1) in super::fills::contiguous_regions(&nan) {
            let mut x: Vec<f64> = edges[i0..=i1].iter().flat_map(|&e| [e, e]).collect();
            let mut y: Vec<f64> = values[i0..i1].iter().flat_map(|&v| [v, v]).collect();
            match &baseline {
                None => {
                    let (f, l) = (y[0], y[y.len() - 1]);
                    y.insert(0, f);
                    y.push(l);
                }
                Some((b, true)) => {
                    y.insert(0, b[0]);
                    y.push(b[0]);
                }
                Some((b, false)) => {
                    let base: Vec<f64> = b[i0..i1].iter().rev().flat_map(|&v| [v, v]).collect();
                    let xr: Vec<f64> = x.iter().rev().copied().collect();
                    x.extend(xr);
                    let mut yy = vec![base[base.len() - 1]];
                    yy.extend(&y);
                    yy.push(base[0]);
                    yy.push(base[0]);
                    yy.extend(&base);
                    yy.push(base[base.len() - 1]);
                    y = yy;
                }
            }
            let pts: Vec<(f64, f64)> = match o.orientation {
                StairsOrientation::Vertical => x.into_iter().zip(y).collect(),
                StairsOrientation::Horizontal => y.into_iter().zip(x).collect(),
            };
            subpaths.push(pts);
        }
        let lw = o.linewidth.unwrap_or(if o.fill { 0.0 } else { 1.0 });
        let patch = Patch {
            hatch: None,
            rect: (0.0, 0.0, 0.0, 0.0),
            blend: Blend::Data,
            face: o.fill.then_some(color),
            edge: (!o.fill).then_some(color),
            linewidth_pt: lw,
            linestyle: o.linestyle.clone().unwrap_or(LineStyle::Solid),
            alpha: o.alpha,
            zorder: o.zorder.unwrap_or(1.0),
            label: o.label.clone(),
        };
        std::sync::Arc::make_mut(&mut self.plot.artists).push(Artist::StepPatch(StepPatch {
            subpaths,
            patch,
            fill: o.fill,
        }));
        let h = ArtistHandle {
            axes: self.id,
            index: self.plot.artists.len() - 1,
        };
        if let Some((b, _)) = &baseline {
            let m = b.iter().copied().fold(f64::INFINITY, f64::min);
            // update_datalim([(edges[0], min(baseline))]): both coordinates are
            // already among the vertices.
            match o.orientation {
                StairsOrientation::Vertical => self.plot.y.stickies.push(m),
                StairsOrientation::Horizontal => self.plot.x.stickies.push(m),
            }
        }
        self.request_autoscale(true, true);
        Ok(h)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subpaths(values: &[f64], o: StairsOptions) -> Vec<Vec<(f64, f64)>> {
        let mut fig = crate::Figure::new(6.4, 4.8, 100.0);
        let ax = fig.add_subplot();
        let h = fig[ax].stairs(values, o).unwrap();
        match &fig[ax].plot.artists[h.index] {
            Artist::StepPatch(p) => p.subpaths.clone(),
            _ => unreachable!(),
        }
    }

    #[test]
    fn step_patch_vertices() {
        // StepPatch._update_path: baseline, the stairs, baseline.
        let p = subpaths(&[3.0, 1.0], StairsOptions::default());
        assert_eq!(
            p,
            vec![vec![
                (0.0, 0.0),
                (0.0, 3.0),
                (1.0, 3.0),
                (1.0, 1.0),
                (2.0, 1.0),
                (2.0, 0.0)
            ]]
        );
        // baseline=None: open at the first and last value; NaN splits the path.
        let p = subpaths(
            &[3.0, f64::NAN, 1.0],
            StairsOptions::default().baseline(None),
        );
        assert_eq!(p.len(), 2);
        assert_eq!(p[0], vec![(0.0, 3.0), (0.0, 3.0), (1.0, 3.0), (1.0, 3.0)]);
    }
}
