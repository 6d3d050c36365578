//! Limits and scales of an Axes: `set_xlim`/`set_ylim`, `margins`, `invert_xaxis`/
//! `invert_yaxis`, `get_xscale`/`set_xscale` (and `subs`), with matplotlib's names and
//! rules. The view's unstaling and a shared group's autoscale live in src/share.rs; the
//! autoscale arithmetic in autoscale.rs.

use super::autoscale::{self, Which};
use crate::axes::Axes;
use crate::ticks::AxisScale;
use crate::{Error, Result};

impl Axes {
    pub(crate) fn set_lim(
        &mut self,
        which: Which,
        v0: Option<f64>,
        v1: Option<f64>,
    ) -> Result<(f64, f64)> {
        let current = self.read_view(which);
        self.set_lim_from(which, v0, v1, current)
    }

    /// [`Axes::set_xlim`] with the current limits (what a `None` or, on a log scale, a
    /// non-positive bound keeps) given: a shared axis' are its group's.
    pub(crate) fn set_lim_from(
        &mut self,
        which: Which,
        v0: Option<f64>,
        v1: Option<f64>,
        current: (f64, f64),
    ) -> Result<(f64, f64)> {
        for v in [v0, v1].into_iter().flatten() {
            if !v.is_finite() {
                let name = if which == Which::X {
                    "set_xlim"
                } else {
                    "set_ylim"
                };
                return Err(Error::invalid(name, v, "finite limits (or None)"));
            }
        }
        let lim = autoscale::data_limits(self);
        let (st, minpos) = match which {
            Which::X => (&mut self.plot.x, lim.minpos.0),
            Which::Y => (&mut self.plot.y, lim.minpos.1),
        };
        let l = autoscale::set_lim(current, v0, v1, st.scale, minpos);
        st.lim = l;
        st.auto = false;
        st.stale = false;
        Ok(l)
    }

    /// `ax.set_xlim(left, right)`; a `None` side keeps its current value. Turns x
    /// autoscaling off. Returns the new limits.
    ///
    /// ```
    /// use figbuf::Figure;
    ///
    /// let mut fig = Figure::default();
    /// let ax = fig.add_subplot();
    /// fig[ax].plot([0.0, 1.0, 2.0], [1.0, 3.0, 2.0])?;
    /// assert_eq!(fig[ax].set_xlim(Some(-1.0), Some(5.0))?, (-1.0, 5.0));
    /// assert_eq!(fig[ax].set_xlim(None, Some(4.0))?, (-1.0, 4.0)); // left kept
    /// assert!(fig[ax].set_xlim(Some(f64::NAN), None).is_err()); // the error names it
    /// # Ok::<(), figbuf::Error>(())
    /// ```
    pub fn set_xlim(&mut self, left: Option<f64>, right: Option<f64>) -> Result<(f64, f64)> {
        self.set_lim(Which::X, left, right)
    }

    /// `ax.set_ylim(bottom, top)`.
    pub fn set_ylim(&mut self, bottom: Option<f64>, top: Option<f64>) -> Result<(f64, f64)> {
        self.set_lim(Which::Y, bottom, top)
    }

    /// `ax.margins(x, y)`: padding added when autoscaling, as a fraction of the data
    /// interval (0.05 by default).
    pub fn margins(&mut self, x: Option<f64>, y: Option<f64>) -> Result<&mut Self> {
        for v in [x, y].into_iter().flatten() {
            if !(v.is_finite() && v > -0.5) {
                return Err(Error::invalid("margins", v, "a finite number above -0.5"));
            }
        }
        if let Some(x) = x {
            self.plot.x.margin = x;
        }
        if let Some(y) = y {
            self.plot.y.margin = y;
        }
        self.request_autoscale(x.is_some(), y.is_some());
        Ok(self)
    }

    fn invert(&mut self, which: Which) {
        // Axis.set_inverted reads the view interval (unstaling both axes).
        let v = self.unstale_view(which);
        let st = match which {
            Which::X => &mut self.plot.x,
            Which::Y => &mut self.plot.y,
        };
        st.lim = (v.1, v.0);
    }

    /// `ax.invert_xaxis()`.
    pub fn invert_xaxis(&mut self) -> &mut Self {
        self.invert(Which::X);
        self
    }

    /// `ax.invert_yaxis()`.
    pub fn invert_yaxis(&mut self) -> &mut Self {
        self.invert(Which::Y);
        self
    }

    /// `ax.get_xscale()`: the x axis' scale.
    pub fn get_xscale(&self) -> AxisScale {
        self.plot.x.scale
    }

    /// `ax.get_yscale()`: the y axis' scale.
    pub fn get_yscale(&self) -> AxisScale {
        self.plot.y.scale
    }

    /// `ax.set_xscale(scale)`: linear, log or symlog.
    ///
    /// ```
    /// use figbuf::{AxisScale, Figure};
    ///
    /// let mut fig = Figure::default();
    /// let ax = fig.add_subplot();
    /// fig[ax].plot([1.0, 10.0, 100.0], [0.0, 1.0, 2.0])?;
    /// fig[ax].set_xscale(AxisScale::LOG10); // ax.set_xscale('log')
    /// assert_eq!(fig[ax].get_xscale(), AxisScale::LOG10);
    /// fig[ax].set_xscale(AxisScale::log(2.0)); // ax.set_xscale('log', base=2)
    /// # Ok::<(), figbuf::Error>(())
    /// ```
    pub fn set_xscale(&mut self, scale: AxisScale) -> &mut Self {
        self.set_scale(Which::X, scale)
    }

    /// `ax.set_xscale('symlog', subs=subs)` / `ax.set_xscale('log', subs=subs)`: the minor
    /// ticks of the (symlog or log) x scale set last at `subs` times each decade (a log
    /// scale then labels only its decades, `labelOnlyBase=True`). An error on a linear
    /// scale or with subs that are not finite.
    pub fn set_xscale_subs(&mut self, subs: Vec<f64>) -> Result<&mut Self> {
        self.plot.x.subs = Some(checked_subs(self.plot.x.scale, subs)?);
        Ok(self)
    }

    /// `ax.set_yscale('symlog', subs=subs)`: as [`Axes::set_xscale_subs`] for y.
    pub fn set_yscale_subs(&mut self, subs: Vec<f64>) -> Result<&mut Self> {
        self.plot.y.subs = Some(checked_subs(self.plot.y.scale, subs)?);
        Ok(self)
    }

    /// `ax.set_yscale(scale)`.
    pub fn set_yscale(&mut self, scale: AxisScale) -> &mut Self {
        self.set_scale(Which::Y, scale)
    }

    /// `Axis._set_scale`: the scale's default locator and formatter replace fixed ticks;
    /// `Axis._set_axes_scale`: when the locator's default limits change, `autoscale_view`
    /// now (src/share.rs: a shared group with this Axes' margins).
    fn set_scale(&mut self, which: Which, scale: AxisScale) -> &mut Self {
        let st = if which == Which::X {
            &mut self.plot.x
        } else {
            &mut self.plot.y
        };
        let old = std::mem::replace(&mut st.scale, scale);
        st.subs = None;
        st.ticks = None;
        st.locator_last = true;
        // The scale's default minor locator replaces `minorticks_on`/`_off`'s.
        st.tick_params.minor_ticks = None;
        if default_limits_change(old, scale) && st.auto {
            self.autoscale_now(which);
        }
        self
    }
}

/// `subs` of a log or symlog scale: finite and not empty.
fn checked_subs(scale: AxisScale, subs: Vec<f64>) -> Result<Vec<f64>> {
    if scale == AxisScale::Linear {
        return Err(Error::invalid(
            "subs",
            format!("{subs:?} on a {scale:?} axis"),
            "a log or symlog axis (set_xscale/set_yscale with a log or symlog scale first)",
        ));
    }
    if subs.is_empty() || subs.iter().any(|s| !s.is_finite()) {
        return Err(Error::invalid(
            "subs",
            format!("{subs:?}"),
            "a non-empty list of finite numbers",
        ));
    }
    Ok(subs)
}

/// Whether a scale change moves the major locator's limits for no data
/// (`nonsingular(-inf, inf)`: `(-0.05, 0.05)` for linear and symlog, `(1, 10)` for log of
/// any base): `Axis._set_axes_scale` autoscales only then, so `set_yscale('symlog')` on an
/// empty Axes keeps its `(0, 1)`.
fn default_limits_change(old: AxisScale, new: AxisScale) -> bool {
    old.log_base().is_some() != new.log_base().is_some()
}
