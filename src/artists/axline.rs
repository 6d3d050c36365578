//! `ax.axline(xy1, xy2=None, slope=None, **kwargs)`: matplotlib's `AxLine`, an infinite
//! straight line through `xy1` and `xy2` (or through `xy1` with `slope`), drawn as the
//! `Line2D` `[0, 1] x [0, 1]` through `BboxTransformTo(Bbox([start, stop])) +
//! transLimits + transAxes`, where start and stop are where the line crosses the view
//! box (in scaled coordinates). It adds `xy1` (and `xy2`) to the data limits, unless its
//! points are given in another `transform` (`ax.transAxes`, `fig.transFigure`, or even
//! `ax.transData`), which matplotlib maps back to scaled data with
//! `transform - ax.transData + ax.transScale`.

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
    /// `transform`: the coordinates of `xy1` and `xy2` (`None`: data, and the points
    /// join the data limits; with any transform, even `TransData`, they do not).
    pub transform: Option<NamedTransform>,
}

/// One of matplotlib's named transforms, as a `transform=` keyword takes them.
///
/// ```
/// use figbuf::NamedTransform;
/// assert_eq!("transAxes".parse::<NamedTransform>().unwrap(), NamedTransform::TransAxes);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum NamedTransform {
    /// `ax.transData`: data coordinates.
    TransData,
    /// `ax.transAxes`: (0, 0) is the lower left of the Axes, (1, 1) the upper right.
    TransAxes,
    /// `fig.transFigure`: (0, 0) is the lower left of the figure, (1, 1) the upper right.
    TransFigure,
}

impl std::str::FromStr for NamedTransform {
    type Err = Error;
    fn from_str(s: &str) -> Result<NamedTransform> {
        match s {
            "transData" => Ok(NamedTransform::TransData),
            "transAxes" => Ok(NamedTransform::TransAxes),
            "transFigure" => Ok(NamedTransform::TransFigure),
            _ => Err(Error::invalid(
                "transform",
                format!("{s:?}"),
                "'transData', 'transAxes' or 'transFigure'",
            )),
        }
    }
}

option_setters!(AxLineOptions {
    /// Sets `xy2`.
    xy2: (f64, f64) => xy2 = Some;
    /// Sets `slope`.
    slope: f64 => slope = Some;
    /// Sets the line's keywords.
    line: PlotOptions => line;
    /// Sets `transform`.
    transform: NamedTransform => transform = Some;
});

/// Where an axline passes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct AxLineGeom {
    pub(crate) xy1: (f64, f64),
    pub(crate) xy2: Option<(f64, f64)>,
    pub(crate) slope: Option<f64>,
    pub(crate) transform: Option<NamedTransform>,
}

/// `BboxTransformTo` / `BboxTransformFrom` matrices inverted as `np.linalg.inv` (LAPACK's
/// `gesv` in OpenBLAS) inverts them: `1 / s` on the diagonal, `-t * (1 / s)` for the
/// translation (measured on 20,000 random matrices). Only for matrices without shear.
fn inv_no_shear(m: &Affine) -> Affine {
    let (rx, ry) = (1.0 / m.sx, 1.0 / m.sy);
    Affine {
        sx: rx,
        shy: 0.0,
        shx: 0.0,
        sy: ry,
        tx: -m.tx * rx,
        ty: -m.ty * ry,
    }
}

impl AxLineGeom {
    /// `AxLine.get_transform()` (the unit square to display), or `None` when the line
    /// cannot be placed (a scaled point that is not finite).
    pub(crate) fn transform(&self, ctx: &DrawCtx) -> Option<Affine> {
        let sc = |s: AxisScale, v: f64| s.transform(v);
        let (vxlo, vxhi) = (sc(ctx.xscale, ctx.view_x.0), sc(ctx.xscale, ctx.view_x.1));
        let (vylo, vyhi) = (sc(ctx.yscale, ctx.view_y.0), sc(ctx.yscale, ctx.view_y.1));
        let (xs, ys) = (1.0 / (vxhi - vxlo), 1.0 / (vyhi - vylo));
        // transLimits: BboxTransformFrom(TransformedBbox(viewLim, transScale)).
        let limits = Affine {
            sx: xs,
            shy: 0.0,
            shx: 0.0,
            sy: ys,
            tx: -vxlo * xs,
            ty: -vylo * ys,
        };
        let points = self.points_transform(ctx, &limits);
        let (x1, y1) = points(self.xy1);
        let slope = match (self.xy2, self.slope) {
            (Some(p2), _) => {
                let (x2, y2) = points(p2);
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
        Some(to.then(&limits).then(&ctx.axes_display))
    }

    /// `self._transform - ax.transData + ax.transScale`: a point to scaled data. For
    /// `transAxes` that is `transLimits.inverted()`, for `transFigure` `transFigure` then
    /// `(transLimits + transAxes).inverted()` (one product when both scales are affine),
    /// then the scales' inverse and forward transforms (exact on a linear axis).
    fn points_transform<'a>(
        &self,
        ctx: &'a DrawCtx,
        limits: &Affine,
    ) -> impl Fn((f64, f64)) -> (f64, f64) + 'a {
        let linear = ctx.xscale == AxisScale::Linear && ctx.yscale == AxisScale::Linear;
        let (first, second) = match self.transform {
            None | Some(NamedTransform::TransData) => (None, None),
            Some(NamedTransform::TransAxes) => (Some(inv_no_shear(limits)), None),
            Some(NamedTransform::TransFigure) => {
                let fig = Affine {
                    sx: ctx.fig_px.0,
                    shy: 0.0,
                    shx: 0.0,
                    sy: ctx.fig_px.1,
                    tx: 0.0,
                    ty: 0.0,
                };
                let back = inv_no_shear(&ctx.axes_display).then(&inv_no_shear(limits));
                if linear {
                    (Some(fig.then(&back)), None)
                } else {
                    (Some(fig), Some(back))
                }
            }
        };
        let (xscale, yscale) = (ctx.xscale, ctx.yscale);
        let round_trip = first.is_some();
        move |(x, y): (f64, f64)| {
            let (mut x, mut y) = (x, y);
            if let Some(m) = first {
                (x, y) = m.apply(x, y);
            }
            if let Some(m) = second {
                (x, y) = m.apply(x, y);
            }
            if round_trip {
                (x, y) = (xscale.inverse(x), yscale.inverse(y));
            }
            (xscale.transform(x), yscale.transform(y))
        }
    }

    /// `update_datalim([xy1, xy2])`, nothing when a `transform` was given.
    pub(crate) fn data_limits(&self) -> DataLim {
        let mut lim = DataLim::default();
        if self.transform.is_some() {
            return lim;
        }
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
            transform: opts.transform,
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

#[cfg(test)]
mod tests {
    use super::*;

    /// numpy's inverse of a matrix without shear: reciprocals, translations times them.
    #[test]
    fn inverse_without_shear_is_numpys() {
        let m = Affine {
            sx: 3.0,
            shy: 0.0,
            shx: 0.0,
            sy: 0.7,
            tx: -1.9,
            ty: 2.3,
        };
        let i = inv_no_shear(&m);
        assert_eq!((i.sx, i.sy), (1.0 / 3.0, 1.0 / 0.7));
        assert_eq!((i.tx, i.ty), (1.9 * (1.0 / 3.0), -2.3 * (1.0 / 0.7)));
        let (x, y) = i.apply(m.apply(0.25, 0.5).0, m.apply(0.25, 0.5).1);
        assert!((x - 0.25).abs() < 1e-15 && (y - 0.5).abs() < 1e-15);
    }

    /// Points in another transform do not join the data limits.
    #[test]
    fn a_transform_keeps_the_data_limits_out() {
        let g = AxLineGeom {
            xy1: (0.2, 0.3),
            xy2: None,
            slope: Some(1.0),
            transform: Some(NamedTransform::TransAxes),
        };
        assert_eq!(g.data_limits(), DataLim::default());
        let d = AxLineGeom {
            transform: None,
            ..g
        };
        assert_ne!(d.data_limits(), DataLim::default());
        assert!("transAxis".parse::<NamedTransform>().is_err());
    }
}
