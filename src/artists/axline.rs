//! `ax.axline(xy1, xy2=None, slope=None, **kwargs)`: matplotlib's `AxLine`, an infinite
//! straight line through `xy1` and `xy2` (or through `xy1` with `slope`), drawn as the
//! `Line2D` `[0, 1] x [0, 1]` through `BboxTransformTo(Bbox([start, stop])) +
//! transLimits + transAxes`, where start and stop are where the line crosses the view
//! box (in scaled coordinates). It adds `xy1` (and `xy2`) to the data limits.

use super::line::{Line2D, PlotOptions};
use super::{cycle_color, Artist, ArtistHandle, DataLim, DrawCtx};
use crate::axes::Axes;
use crate::ticks::AxisScale;
use crate::transform::Affine;
use crate::{Error, Result};

/// `axline`'s keywords: the second point or the slope, and the line's own keywords.
///
/// ```
/// use figbuf::{AxLineOptions, PlotOptions};
/// let o = AxLineOptions::default().slope(0.5).line(PlotOptions::default().color("r"));
/// assert_eq!(o.slope, Some(0.5));
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct AxLineOptions {
    /// `xy2`: a second point on the line (exactly one of `xy2` and `slope`).
    pub xy2: Option<(f64, f64)>,
    /// `slope`: the line's slope (linear scales only).
    pub slope: Option<f64>,
    /// The `Line2D` keywords (`color` defaults to 'C0', not the next cycle colour; `fmt`
    /// is not accepted).
    pub line: PlotOptions,
}

option_setters!(AxLineOptions {
    /// Sets `xy2`.
    xy2: (f64, f64) => xy2 = Some;
    /// Sets `slope`.
    slope: f64 => slope = Some;
    /// Sets the line's keywords.
    line: PlotOptions => line;
});

/// Where an axline passes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct AxLineGeom {
    pub(crate) xy1: (f64, f64),
    pub(crate) xy2: Option<(f64, f64)>,
    pub(crate) slope: Option<f64>,
}

impl AxLineGeom {
    /// `AxLine.get_transform()` (the unit square to display), or `None` when the line
    /// cannot be placed (a scaled point that is not finite).
    pub(crate) fn transform(&self, ctx: &DrawCtx) -> Option<Affine> {
        let sc = |s: AxisScale, v: f64| s.transform(v);
        let (x1, y1) = (sc(ctx.xscale, self.xy1.0), sc(ctx.yscale, self.xy1.1));
        let slope = match (self.xy2, self.slope) {
            (Some((a, b)), _) => {
                let (x2, y2) = (sc(ctx.xscale, a), sc(ctx.yscale, b));
                let (dx, dy) = (x2 - x1, y2 - y1);
                if dx == 0.0 {
                    f64::INFINITY
                } else {
                    dy / dx
                }
            }
            (None, Some(s)) => s,
            (None, None) => return None,
        };
        let (vxlo, vxhi) = (sc(ctx.xscale, ctx.view_x.0), sc(ctx.xscale, ctx.view_x.1));
        let (vylo, vyhi) = (sc(ctx.yscale, ctx.view_y.0), sc(ctx.yscale, ctx.view_y.1));
        if ![x1, y1, slope, vxlo, vxhi, vylo, vyhi]
            .iter()
            .all(|v| !v.is_nan())
        {
            return None;
        }
        let (start, stop) = if slope == 0.0 {
            ((vxlo, y1), (vxhi, y1))
        } else if slope.is_infinite() {
            ((x1, vylo), (x1, vyhi))
        } else {
            let mut p = [
                (vxlo, y1 + (vxlo - x1) * slope),
                (vxhi, y1 + (vxhi - x1) * slope),
                (x1 + (vylo - y1) / slope, vylo),
                (x1 + (vyhi - y1) / slope, vyhi),
            ];
            // Python's sorted() on tuples.
            p.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
            (p[1], p[2])
        };
        // BboxTransformTo(Bbox([start, stop])) + transLimits + transAxes.
        let to = Affine {
            sx: stop.0 - start.0,
            shy: 0.0,
            shx: 0.0,
            sy: stop.1 - start.1,
            tx: start.0,
            ty: start.1,
        };
        let (xs, ys) = (1.0 / (vxhi - vxlo), 1.0 / (vyhi - vylo));
        let limits = Affine {
            sx: xs,
            shy: 0.0,
            shx: 0.0,
            sy: ys,
            tx: -vxlo * xs,
            ty: -vylo * ys,
        };
        Some(to.then(&limits).then(&ctx.axes_display))
    }

    /// `update_datalim([xy1, xy2])`.
    pub(crate) fn data_limits(&self) -> DataLim {
        let mut lim = DataLim::default();
        lim.add(Some(self.xy1.0), Some(self.xy1.1));
        if let Some((x, y)) = self.xy2 {
            lim.add(Some(x), Some(y));
        }
        lim
    }
}

impl Axes {
    /// `ax.axline(xy1, xy2=None, slope=None, **kwargs)`: an infinite line through `xy1`
    /// and `opts.xy2`, or through `xy1` with `opts.slope` (linear scales only). It adds
    /// its points to the data limits and is clipped to the Axes.
    pub fn axline(&mut self, xy1: (f64, f64), opts: AxLineOptions) -> Result<ArtistHandle> {
        let geom = AxLineGeom {
            xy1,
            xy2: opts.xy2,
            slope: opts.slope,
        };
        match (opts.xy2, opts.slope) {
            (Some(_), Some(_)) | (None, None) => {
                return Err(Error::invalid(
                    "axline",
                    format!("xy2 {:?} and slope {:?}", opts.xy2, opts.slope),
                    "exactly one of xy2 and slope",
                ))
            }
            (Some(xy2), None) if xy2 == xy1 => {
                return Err(Error::invalid(
                    "axline xy2",
                    format!("{xy2:?}"),
                    "a point other than xy1",
                ))
            }
            (None, Some(_))
                if self.plot.x.scale != AxisScale::Linear
                    || self.plot.y.scale != AxisScale::Linear =>
            {
                return Err(Error::invalid(
                    "axline slope",
                    "an Axes with a non-linear scale",
                    "linear x and y scales ('slope' cannot be used with non-linear scales)",
                ))
            }
            _ => {}
        }
        let finite = |p: (f64, f64)| p.0.is_finite() && p.1.is_finite();
        if !finite(xy1) || !opts.xy2.is_none_or(finite) || opts.slope.is_some_and(|s| s.is_nan()) {
            return Err(Error::invalid(
                "axline",
                format!("xy1 {xy1:?}, xy2 {:?}, slope {:?}", opts.xy2, opts.slope),
                "finite points and a slope that is a number",
            ));
        }
        if opts.line.fmt.is_some() {
            return Err(Error::invalid(
                "axline",
                "a format string",
                "Line2D keywords (axline takes no fmt)",
            ));
        }
        // Line2D(color=None) is rc lines.color, 'C0'; the cycle does not advance.
        let mut c0 = || cycle_color(0);
        let mut line = Line2D::new(vec![0.0, 1.0], vec![0.0, 1.0], &opts.line, &mut c0)?;
        line.axline = Some(geom);
        let h = self.push_artist(Artist::Line(line));
        self.request_autoscale(true, true);
        Ok(h)
    }
}
