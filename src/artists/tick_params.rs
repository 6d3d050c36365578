//! `ax.tick_params(axis, which, ...)`: the style of the major and minor tick marks and
//! labels (`length`, `width`, `color`/`colors`, `labelcolor`, `labelsize`, `pad`,
//! `direction`).

use super::TickDirection;
use crate::axes::Axes;
use crate::color::Color;
use crate::{Error, Result};

/// `tick_params`' keywords; unset ones keep their current value.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct TickParamsOptions {
    /// `axis`: 'x', 'y' or 'both' (default).
    pub axis: String,
    /// `which`: 'major' (default), 'minor' or 'both'.
    pub which: String,
    /// `labelsize` in points (major labels).
    pub labelsize: Option<f64>,
    /// `direction` (major ticks).
    pub direction: Option<TickDirection>,
    /// `length` in points.
    pub length: Option<f64>,
    /// `width` in points.
    pub width: Option<f64>,
    /// `color` of the tick marks.
    pub color: Option<String>,
    /// `labelcolor` of the tick labels.
    pub labelcolor: Option<String>,
    /// `colors`: both `color` and `labelcolor`.
    pub colors: Option<String>,
    /// `pad` between tick and label in points.
    pub pad: Option<f64>,
    /// `labelrotation` in degrees.
    pub labelrotation: Option<f64>,
}

impl Default for TickParamsOptions {
    fn default() -> Self {
        TickParamsOptions {
            axis: "both".into(),
            which: "major".into(),
            labelsize: None,
            direction: None,
            length: None,
            width: None,
            color: None,
            labelcolor: None,
            colors: None,
            pad: None,
            labelrotation: None,
        }
    }
}

option_setters!(TickParamsOptions {
    /// Sets `axis`.
    axis: impl Into<String> => axis = into;
    /// Sets `which`.
    which: impl Into<String> => which = into;
    /// Sets `labelsize` (points).
    labelsize: f64 => labelsize = Some;
    /// Sets `direction`.
    direction: TickDirection => direction = Some;
    /// Sets `length` (points).
    length: f64 => length = Some;
    /// Sets `width` (points).
    width: f64 => width = Some;
    /// Sets `color`.
    color: impl Into<String> => color = some_into;
    /// Sets `labelcolor`.
    labelcolor: impl Into<String> => labelcolor = some_into;
    /// Sets `colors`.
    colors: impl Into<String> => colors = some_into;
    /// Sets `pad` (points).
    pad: f64 => pad = Some;
    /// Sets `labelrotation` (degrees).
    labelrotation: f64 => labelrotation = Some;
});

fn colour(what: &str, c: &Option<String>) -> Result<Option<Color>> {
    match c {
        None => Ok(None),
        Some(s) => Color::parse(s)
            .map(Some)
            .map_err(|_| Error::invalid(what, format!("{s:?}"), "a matplotlib colour")),
    }
}

impl Axes {
    /// `ax.tick_params(**kwargs)` with every keyword [`TickParamsOptions`] holds.
    pub fn tick_params_with(&mut self, o: TickParamsOptions) -> Result<&mut Self> {
        let (x, y) = match o.axis.as_str() {
            "both" => (true, true),
            "x" => (true, false),
            "y" => (false, true),
            other => {
                return Err(Error::invalid(
                    "tick_params axis",
                    format!("{other:?}"),
                    "'both', 'x' or 'y'",
                ))
            }
        };
        let (major, minor) = match o.which.as_str() {
            "major" => (true, false),
            "minor" => (false, true),
            "both" => (true, true),
            other => {
                return Err(Error::invalid(
                    "tick_params which",
                    format!("{other:?}"),
                    "'major', 'minor' or 'both'",
                ))
            }
        };
        for (what, v) in [
            ("labelsize", o.labelsize),
            ("length", o.length),
            ("width", o.width),
            ("pad", o.pad),
        ] {
            if let Some(v) = v {
                if !(v.is_finite() && (v >= 0.0 || what == "pad")) {
                    return Err(Error::invalid(
                        format!("tick_params {what}"),
                        v,
                        "a finite size in points",
                    ));
                }
            }
        }
        if let Some(r) = o.labelrotation {
            if !r.is_finite() {
                return Err(Error::invalid(
                    "tick_params labelrotation",
                    r,
                    "a finite angle in degrees",
                ));
            }
        }
        if minor && (o.labelsize.is_some() || o.direction.is_some() || o.labelrotation.is_some()) {
            return Err(Error::invalid(
                "tick_params",
                "labelsize, direction or labelrotation with which='minor' or 'both'",
                "those keywords for the major ticks only",
            ));
        }
        let both = colour("tick_params colors", &o.colors)?;
        let color = colour("tick_params color", &o.color)?.or(both);
        let labelcolor = colour("tick_params labelcolor", &o.labelcolor)?.or(both);
        for (on, st) in [(x, &mut self.plot.x), (y, &mut self.plot.y)] {
            if !on {
                continue;
            }
            let p = &mut st.tick_params;
            if major {
                p.labelsize = o.labelsize.or(p.labelsize);
                p.length = o.length.or(p.length);
                if let Some(d) = o.direction {
                    p.direction = d;
                }
                p.width = o.width.or(p.width);
                p.pad = o.pad.or(p.pad);
                p.color = color.or(p.color);
                p.labelcolor = labelcolor.or(p.labelcolor);
                p.labelrotation = o.labelrotation.or(p.labelrotation);
            }
            if minor {
                p.minor_length = o.length.or(p.minor_length);
                p.minor_width = o.width.or(p.minor_width);
                p.minor_pad = o.pad.or(p.minor_pad);
                p.minor_color = color.or(p.minor_color);
                p.minor_labelcolor = labelcolor.or(p.minor_labelcolor);
            }
        }
        Ok(self)
    }

    /// `ax.minorticks_on()`: minor ticks on both axes (`AutoMinorLocator` on linear
    /// axes; log axes have them already; symlog axes are refused at layout).
    pub fn minorticks_on(&mut self) -> &mut Self {
        self.plot.x.tick_params.minor_ticks = Some(true);
        self.plot.y.tick_params.minor_ticks = Some(true);
        self
    }

    /// `ax.minorticks_off()`: no minor ticks on either axis.
    pub fn minorticks_off(&mut self) -> &mut Self {
        self.plot.x.tick_params.minor_ticks = Some(false);
        self.plot.y.tick_params.minor_ticks = Some(false);
        self
    }
}

/// The text keywords of `set_xticks(ticks, labels, **kwargs)` figbuf takes for the
/// labels' lines ([`Axes::set_xticks_with`](crate::Axes::set_xticks_with)).
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct TickLabelOptions {
    /// `multialignment` ('ma'): 'left', 'center' or 'right', how the lines of a multi-line
    /// label align among themselves (None: as the label's `ha`).
    pub multialignment: Option<String>,
    /// `linespacing`: the line step in multiples of the font's ascent + descent (None:
    /// matplotlib's 'normal').
    pub linespacing: Option<f64>,
}

option_setters!(TickLabelOptions {
    /// Sets `multialignment`.
    multialignment: impl Into<String> => multialignment = some_into;
    /// Sets `linespacing`.
    linespacing: f64 => linespacing = Some;
});
