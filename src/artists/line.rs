//! `Line2D`: what `plot` draws, its options (matplotlib's keywords and fmt strings) and its
//! lowering to `draw_path` + `draw_markers`.
//!
//! (Over 800 lines: the code is about 845 lines, the unit tests the rest; `Line2D` and its
//! lowering read as one. The subslicing of long lines is in `line_subslice.rs`, the
//! `markevery` selection in `markevery.rs`.)

use super::line_subslice::subslice;
use super::markers::{self, MarkerDef};
use super::markevery::MarkEvery;
use super::paint::{
    CapStyle, ClipBox, Dashes, JoinStyle, MarkersDraw, Paint, PolylineDraw, Stroke,
};
use super::DrawCtx;
use crate::color::Color;
use crate::raster;
use crate::scene::{Path, Snap};
use crate::ticks::AxisScale;
use crate::{Error, Result};
use std::borrow::Cow;
use std::ops::Range;

/// A line style (`linestyle`/`ls`).
#[derive(Debug, Clone, PartialEq)]
pub enum LineStyle {
    /// `'-'`.
    Solid,
    /// `'--'` (3.7, 1.6 times the line width).
    Dashed,
    /// `'-.'` (6.4, 1.6, 1, 1.6).
    DashDot,
    /// `':'` (1, 1.65).
    Dotted,
    /// `'None'`, `'none'`, `''`, `' '`: no line.
    None,
    /// `(offset, [on, off, ...])` in points, scaled by the line width.
    Dashes(f64, Vec<f64>),
}

impl std::str::FromStr for LineStyle {
    type Err = Error;
    fn from_str(s: &str) -> Result<LineStyle> {
        Ok(match s {
            "-" | "solid" => LineStyle::Solid,
            "--" | "dashed" => LineStyle::Dashed,
            "-." | "dashdot" => LineStyle::DashDot,
            ":" | "dotted" => LineStyle::Dotted,
            "None" | "none" | "" | " " => LineStyle::None,
            _ => {
                return Err(Error::invalid(
                    "linestyle",
                    format!("{s:?}"),
                    "'-', '--', '-.', ':', 'None' or ''",
                ))
            }
        })
    }
}

impl LineStyle {
    /// `(offset, pattern)` in points before scaling, `None` for solid lines.
    pub(crate) fn pattern(&self) -> Option<(f64, Vec<f64>)> {
        match self {
            LineStyle::Solid | LineStyle::None => None,
            LineStyle::Dashed => Some((0.0, vec![3.7, 1.6])),
            LineStyle::DashDot => Some((0.0, vec![6.4, 1.6, 1.0, 1.6])),
            LineStyle::Dotted => Some((0.0, vec![1.0, 1.65])),
            // matplotlib brings the offset into [0, sum of the pattern).
            LineStyle::Dashes(o, p) => {
                let sum: f64 = p.iter().sum();
                let off = if sum > 0.0 { o.rem_euclid(sum) } else { *o };
                Some((off, p.clone()))
            }
        }
    }
}

/// `drawstyle`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DrawStyle {
    /// Straight segments between points.
    #[default]
    Default,
    /// `'steps-pre'` (also `'steps'`).
    StepsPre,
    /// `'steps-mid'`.
    StepsMid,
    /// `'steps-post'`.
    StepsPost,
}

impl std::str::FromStr for DrawStyle {
    type Err = Error;
    fn from_str(s: &str) -> Result<DrawStyle> {
        Ok(match s {
            "default" => DrawStyle::Default,
            "steps" | "steps-pre" => DrawStyle::StepsPre,
            "steps-mid" => DrawStyle::StepsMid,
            "steps-post" => DrawStyle::StepsPost,
            _ => {
                return Err(Error::invalid(
                    "drawstyle",
                    format!("{s:?}"),
                    "'default', 'steps-pre', 'steps-mid' or 'steps-post'",
                ))
            }
        })
    }
}

/// A point's display coordinates (y up) and the Axes' diagonal in pixels.
type Disp<'a> = (Box<dyn Fn(f64, f64) -> (f64, f64) + 'a>, f64);

fn capstyle(s: &str) -> Result<CapStyle> {
    match s {
        "butt" => Ok(CapStyle::Butt),
        "round" => Ok(CapStyle::Round),
        "projecting" => Ok(CapStyle::Projecting),
        _ => Err(Error::invalid(
            "capstyle",
            format!("{s:?}"),
            "'butt', 'round' or 'projecting'",
        )),
    }
}

fn joinstyle(s: &str) -> Result<JoinStyle> {
    match s {
        "miter" => Ok(JoinStyle::Miter),
        "round" => Ok(JoinStyle::Round),
        "bevel" => Ok(JoinStyle::Bevel),
        _ => Err(Error::invalid(
            "joinstyle",
            format!("{s:?}"),
            "'miter', 'round' or 'bevel'",
        )),
    }
}

/// `plot`'s keywords, with matplotlib's defaults when unset.
///
/// ```
/// use figbuf::PlotOptions;
/// let o = PlotOptions::default().fmt("r--o").linewidth(2.0).label("sin");
/// assert_eq!(o.linewidth, Some(2.0));
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct PlotOptions {
    /// A format string such as `"r--o"`, `"C2:"`, `"k^"`.
    pub fmt: Option<String>,
    /// `color`.
    pub color: Option<String>,
    /// `linewidth` / `lw` in points (1.5).
    pub linewidth: Option<f64>,
    /// `linestyle` / `ls`.
    pub linestyle: Option<LineStyle>,
    /// `marker`.
    pub marker: Option<String>,
    /// `markersize` / `ms` in points (6).
    pub markersize: Option<f64>,
    /// `markerfacecolor` / `mfc`.
    pub markerfacecolor: Option<String>,
    /// `markerfacecoloralt` / `mfcalt`: the other half's face with a half `fillstyle`
    /// (`'none'`).
    pub markerfacecoloralt: Option<String>,
    /// `fillstyle`: `'full'` (default), `'left'`, `'right'`, `'bottom'`, `'top'` (half
    /// markers, the other half in `markerfacecoloralt`) or `'none'` (no face).
    pub fillstyle: Option<String>,
    /// `markeredgecolor` / `mec`.
    pub markeredgecolor: Option<String>,
    /// `markeredgewidth` / `mew` in points (1).
    pub markeredgewidth: Option<f64>,
    /// `markevery`.
    pub markevery: Option<MarkEvery>,
    /// `alpha`.
    pub alpha: Option<f64>,
    /// `label` (for the legend).
    pub label: Option<String>,
    /// `zorder` (2).
    pub zorder: Option<f64>,
    /// `drawstyle`.
    pub drawstyle: Option<DrawStyle>,
    /// `solid_capstyle` (`'projecting'`).
    pub solid_capstyle: Option<String>,
    /// `dash_capstyle` (`'butt'`).
    pub dash_capstyle: Option<String>,
    /// `solid_joinstyle` (`'round'`).
    pub solid_joinstyle: Option<String>,
    /// `dash_joinstyle` (`'round'`).
    pub dash_joinstyle: Option<String>,
    /// `antialiased` (true).
    pub antialiased: Option<bool>,
}

macro_rules! setters {
    ($($name:ident : $t:ty => $field:ident),* $(,)?) => {$(
        #[doc = concat!("Sets `", stringify!($name), "`.")]
        pub fn $name(mut self, v: impl Into<$t>) -> Self {
            self.$field = Some(v.into());
            self
        }
    )*};
}

impl PlotOptions {
    setters!(
        fmt: String => fmt,
        color: String => color,
        linewidth: f64 => linewidth,
        lw: f64 => linewidth,
        linestyle: LineStyle => linestyle,
        ls: LineStyle => linestyle,
        marker: String => marker,
        markersize: f64 => markersize,
        ms: f64 => markersize,
        markerfacecolor: String => markerfacecolor,
        mfc: String => markerfacecolor,
        markerfacecoloralt: String => markerfacecoloralt,
        mfcalt: String => markerfacecoloralt,
        fillstyle: String => fillstyle,
        markeredgecolor: String => markeredgecolor,
        mec: String => markeredgecolor,
        markeredgewidth: f64 => markeredgewidth,
        mew: f64 => markeredgewidth,
        markevery: MarkEvery => markevery,
        alpha: f64 => alpha,
        label: String => label,
        zorder: f64 => zorder,
        drawstyle: DrawStyle => drawstyle,
        solid_capstyle: String => solid_capstyle,
        dash_capstyle: String => dash_capstyle,
        solid_joinstyle: String => solid_joinstyle,
        dash_joinstyle: String => dash_joinstyle,
        antialiased: bool => antialiased,
    );
}

/// What a fmt string sets: linestyle, marker, colour.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Fmt {
    pub linestyle: Option<LineStyle>,
    pub marker: Option<String>,
    pub color: Option<String>,
}

/// `_process_plot_format`.
pub(crate) fn parse_fmt(fmt: &str) -> Result<Fmt> {
    let bad = |why: &str| Error::invalid("plot format string", format!("{fmt:?}"), why);
    // A colour spec alone ('C1', 'tab:red', '0.5', 'red'); digits below 4 are markers.
    let is_marker_digit = fmt.len() == 1 && fmt.chars().all(|c| c.is_ascii_digit());
    if !is_marker_digit {
        if let Ok(_c) = Color::parse(fmt) {
            return Ok(Fmt {
                color: Some(fmt.to_string()),
                ..Fmt::default()
            });
        }
    }
    let mut out = Fmt::default();
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let two: String = chars[i..(i + 2).min(chars.len())].iter().collect();
        if two == "--" || two == "-." {
            if out.linestyle.is_some() {
                return Err(bad("at most one linestyle"));
            }
            out.linestyle = Some(two.parse()?);
            i += 2;
        } else if c == '-' || c == ':' {
            if out.linestyle.is_some() {
                return Err(bad("at most one linestyle"));
            }
            out.linestyle = Some(c.to_string().parse()?);
            i += 1;
        } else if markers::find(&c.to_string()).ok().flatten().is_some() {
            if out.marker.is_some() {
                return Err(bad("at most one marker"));
            }
            out.marker = Some(c.to_string());
            i += 1;
        } else if "bgrcmykw".contains(c) {
            if out.color.is_some() {
                return Err(bad("at most one colour"));
            }
            out.color = Some(c.to_string());
            i += 1;
        } else if c == 'C' {
            let digits: String = chars[i + 1..]
                .iter()
                .take_while(|d| d.is_ascii_digit())
                .collect();
            if digits.is_empty() || out.color.is_some() {
                return Err(bad("'C' followed by a cycle index, once"));
            }
            out.color = Some(format!("C{digits}"));
            i += 1 + digits.len();
        } else {
            return Err(bad(&format!("no unrecognised character {c:?}")));
        }
    }
    if out.linestyle.is_none() && out.marker.is_none() {
        out.linestyle = Some(LineStyle::Solid);
    }
    if out.linestyle.is_none() {
        out.linestyle = Some(LineStyle::None);
    }
    Ok(out)
}

/// A resolved line (`matplotlib.lines.Line2D`).
#[derive(Debug, Clone)]
pub struct Line2D {
    pub(crate) x: Vec<f64>,
    pub(crate) y: Vec<f64>,
    pub(crate) color: Color,
    pub(crate) linewidth_pt: f64,
    pub(crate) linestyle: LineStyle,
    pub(crate) marker: Option<&'static MarkerDef>,
    /// The alt half of a half-filled marker (`get_alt_path`, `get_alt_transform`).
    pub(crate) marker_alt: Option<&'static MarkerDef>,
    pub(crate) markersize_pt: f64,
    /// `None` = 'auto' (the line colour).
    pub(crate) mfc: Option<Color>,
    /// The face colour was the string 'none' (then an 'auto' edge keeps its own alpha).
    pub(crate) mfc_none: bool,
    /// `markerfacecoloralt`: `None` = 'auto' (the line colour); 'none' is transparent.
    pub(crate) mfcalt: Option<Color>,
    /// `markerfacecoloralt` is 'none' (its default).
    pub(crate) mfcalt_none: bool,
    pub(crate) mec: Option<Color>,
    pub(crate) mew_pt: f64,
    pub(crate) markevery: Option<MarkEvery>,
    pub(crate) alpha: Option<f64>,
    pub(crate) label: Option<String>,
    pub(crate) zorder: f64,
    pub(crate) drawstyle: DrawStyle,
    pub(crate) solid_cap: CapStyle,
    pub(crate) dash_cap: CapStyle,
    pub(crate) solid_join: JoinStyle,
    pub(crate) dash_join: JoinStyle,
    pub(crate) antialiased: bool,
    /// x in axes coordinates (axhline) or y in axes coordinates (axvline).
    pub(crate) blend: Blend,
    /// An `axline`: x and y are the unit square's diagonal, drawn through its transform.
    pub(crate) axline: Option<super::axline::AxLineGeom>,
    /// Limits only, no smallest positive value (boxplot's widened `dataLim.intervalx`,
    /// which leaves `minposx` alone).
    pub(crate) no_minpos: bool,
}

/// Which coordinates of a line are data (`Data`) or axes fractions (axhline/axvline).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Blend {
    /// Both data.
    Data,
    /// x in axes fractions, y data (`get_yaxis_transform`).
    XAxes,
    /// x data, y in axes fractions (`get_xaxis_transform`).
    YAxes,
}

fn parse_color(what: &str, s: &str) -> Result<Color> {
    Color::parse(s).map_err(|_| Error::invalid(what, format!("{s:?}"), "a matplotlib colour"))
}

/// A data-to-device transform, shareable with a second thread (a long line's simplifier
/// runs in two halves, [`raster::simplified_polyline_xy`]).
pub(crate) type ToDevice<'a> = &'a (dyn Fn(f64, f64) -> (f64, f64) + Sync);

impl Line2D {
    /// Resolves options against matplotlib's defaults; `cycle_color` is the line cycle's
    /// next colour (taken only when no colour is given).
    pub(crate) fn new(
        x: Vec<f64>,
        y: Vec<f64>,
        opts: &PlotOptions,
        next_cycle: &mut dyn FnMut() -> Color,
    ) -> Result<Line2D> {
        if x.len() != y.len() {
            return Err(Error::invalid(
                "plot",
                format!("x of length {} and y of length {}", x.len(), y.len()),
                "x and y of the same length",
            ));
        }
        let fmt = match &opts.fmt {
            Some(f) => parse_fmt(f)?,
            None => Fmt::default(),
        };
        let color = match opts.color.as_ref().or(fmt.color.as_ref()) {
            Some(c) => parse_color("color", c)?,
            None => next_cycle(),
        };
        let linestyle = opts
            .linestyle
            .clone()
            .or(fmt.linestyle)
            .unwrap_or(LineStyle::Solid);
        let marker_name = opts.marker.as_ref().or(fmt.marker.as_ref());
        let marker = match marker_name {
            Some(m) => markers::find(m)?,
            None => None,
        };
        let fillstyle = opts.fillstyle.as_deref().unwrap_or("full");
        if !markers::FILLSTYLES.contains(&fillstyle) {
            return Err(Error::invalid(
                "fillstyle",
                format!("{fillstyle:?}"),
                "'full', 'left', 'right', 'bottom', 'top' or 'none'",
            ));
        }
        // A half fillstyle swaps the marker for its half path and adds the alt half.
        let (marker, marker_alt) = match marker.and_then(|m| markers::find_half(m, fillstyle)) {
            Some((a, b)) => (Some(a), Some(b)),
            None => (marker, None),
        };
        let no_face = fillstyle == "none";
        let opt_color = |what: &str, c: &Option<String>| -> Result<Option<Color>> {
            match c.as_deref() {
                None | Some("auto") => Ok(None),
                Some(s) => parse_color(what, s).map(Some),
            }
        };
        let linewidth_pt = opts.linewidth.unwrap_or(1.5);
        let markersize_pt = opts.markersize.unwrap_or(6.0);
        let mew_pt = opts.markeredgewidth.unwrap_or(1.0);
        for (what, v) in [
            ("linewidth", linewidth_pt),
            ("markersize", markersize_pt),
            ("markeredgewidth", mew_pt),
        ] {
            if !(v.is_finite() && v >= 0.0) {
                return Err(Error::invalid(
                    what,
                    v,
                    "a finite, non-negative number of points",
                ));
            }
        }
        if let Some(a) = opts.alpha {
            if !(0.0..=1.0).contains(&a) {
                return Err(Error::invalid("alpha", a, "within 0..=1"));
            }
        }
        if let Some(me) = &opts.markevery {
            // `_mark_every_path` runs (and raises) only when markers are drawn.
            if marker.is_some() && markersize_pt > 0.0 {
                me.check(x.len())?;
            }
        }
        let cap = |s: &Option<String>, d| s.as_deref().map(capstyle).unwrap_or(Ok(d));
        let join = |s: &Option<String>, d| s.as_deref().map(joinstyle).unwrap_or(Ok(d));
        Ok(Line2D {
            x,
            y,
            color,
            linewidth_pt,
            linestyle,
            marker,
            markersize_pt,
            // fillstyle 'none': `_get_markerfacecolor` is 'none' whatever the colours.
            mfc: if no_face {
                Some(Color::TRANSPARENT)
            } else {
                opt_color("markerfacecolor", &opts.markerfacecolor)?
            },
            mfc_none: no_face
                || opts
                    .markerfacecolor
                    .as_deref()
                    .is_some_and(|s| s.eq_ignore_ascii_case("none")),
            marker_alt,
            mfcalt: opt_color("markerfacecoloralt", &opts.markerfacecoloralt)?,
            mfcalt_none: no_face
                || opts
                    .markerfacecoloralt
                    .as_deref()
                    .is_none_or(|s| s.eq_ignore_ascii_case("none")),
            mec: opt_color("markeredgecolor", &opts.markeredgecolor)?,
            mew_pt,
            markevery: opts.markevery.clone(),
            alpha: opts.alpha,
            label: opts.label.clone(),
            zorder: opts.zorder.unwrap_or(2.0),
            drawstyle: opts.drawstyle.unwrap_or_default(),
            solid_cap: cap(&opts.solid_capstyle, CapStyle::Projecting)?,
            dash_cap: cap(&opts.dash_capstyle, CapStyle::Butt)?,
            solid_join: join(&opts.solid_joinstyle, JoinStyle::Round)?,
            dash_join: join(&opts.dash_joinstyle, JoinStyle::Round)?,
            antialiased: opts.antialiased.unwrap_or(true),
            blend: Blend::Data,
            axline: None,
            no_minpos: false,
        })
    }

    /// `to_rgba(c, alpha)`: alpha replaces the colour's own when given.
    fn with_alpha(&self, c: Color) -> Color {
        match self.alpha {
            Some(a) => c.with_alpha(a),
            None => c,
        }
    }

    /// A marker face: 'none' (`none`) is transparent whatever the alpha (`to_rgba('none',
    /// alpha)`), `None` ('auto') is the line colour.
    fn face(&self, c: Option<Color>, none: bool) -> Color {
        if none {
            Color::TRANSPARENT
        } else {
            self.with_alpha(c.unwrap_or(self.color))
        }
    }

    /// The line's vertices after its drawstyle (`STEP_LOOKUP_MAP`).
    #[cfg(test)]
    pub(crate) fn drawn_xy(&self) -> (Vec<f64>, Vec<f64>) {
        let (x, y) = self.drawn_xy_borrowed();
        (x.into_owned(), y.into_owned())
    }

    /// [`Line2D::drawn_xy`], borrowing the data for the default drawstyle (no copy of a
    /// long line's coordinates).
    pub(crate) fn drawn_xy_borrowed(&self) -> (Cow<'_, [f64]>, Cow<'_, [f64]>) {
        self.drawn_xy_of(0..self.x.len())
    }

    /// The display points `loc='best'` sees of an axline (its transform applied to the
    /// unit diagonal); `None` for other lines.
    pub(crate) fn axline_display(&self, ctx: &DrawCtx) -> Option<Vec<(f64, f64)>> {
        let m = self.axline?.transform(ctx)?;
        Some(
            [(0.0, 0.0), (1.0, 1.0)]
                .iter()
                .map(|&(x, y)| (x * m.sx + y * m.shx + m.tx, x * m.shy + y * m.sy + m.ty))
                .collect(),
        )
    }

    /// [`Line2D::drawn_xy_borrowed`] of the points `range` (matplotlib's subslice).
    fn drawn_xy_of(&self, range: Range<usize>) -> (Cow<'_, [f64]>, Cow<'_, [f64]>) {
        let x = self.x.get(range.clone()).unwrap_or_default();
        let y = self.y.get(range).unwrap_or_default();
        let n = x.len();
        if n == 0 || self.drawstyle == DrawStyle::Default {
            return (Cow::Borrowed(x), Cow::Borrowed(y));
        }
        let mut sx = Vec::with_capacity(2 * n);
        let mut sy = Vec::with_capacity(2 * n);
        match self.drawstyle {
            DrawStyle::StepsPre => {
                for i in 0..n {
                    if i > 0 {
                        sx.push(x[i - 1]);
                        sy.push(y[i]);
                    }
                    sx.push(x[i]);
                    sy.push(y[i]);
                }
            }
            DrawStyle::StepsPost => {
                for i in 0..n {
                    if i > 0 {
                        sx.push(x[i]);
                        sy.push(y[i - 1]);
                    }
                    sx.push(x[i]);
                    sy.push(y[i]);
                }
            }
            DrawStyle::StepsMid => {
                sx.push(x[0]);
                sy.push(y[0]);
                for i in 1..n {
                    let m = 0.5 * (x[i - 1] + x[i]);
                    sx.push(m);
                    sy.push(y[i - 1]);
                    sx.push(m);
                    sy.push(y[i]);
                }
                sx.push(x[n - 1]);
                sy.push(y[n - 1]);
            }
            DrawStyle::Default => {}
        }
        (Cow::Owned(sx), Cow::Owned(sy))
    }

    /// The indices of the points that get a marker; `disp` maps a point to display
    /// pixels and gives the Axes' diagonal, for a float `markevery`.
    fn marker_indices(&self, points: Range<usize>, disp: Option<&Disp>) -> Vec<usize> {
        let n = self.x.len();
        match (&self.markevery, disp) {
            (None, _) => points.collect(),
            (Some(me), Some((f, diag))) => me.indices(n, &self.x, &self.y, f, *diag),
            (Some(me), None) => me.indices(n, &self.x, &self.y, &|x, y| (x, y), 1.0),
        }
    }

    /// Display coordinates (y up) of this line's points in `ctx`, and the Axes' diagonal
    /// `hypot` of `transAxes.transform([[0, 0], [1, 1]])`'s difference, for a float
    /// `markevery` (the axline's through its device transform, flipped back).
    fn display_of<'a>(
        &'a self,
        ctx: &'a DrawCtx,
        to_dev: &'a dyn Fn(f64, f64) -> (f64, f64),
    ) -> Option<Disp<'a>> {
        if !matches!(self.markevery, Some(MarkEvery::Fraction { .. })) {
            return None;
        }
        let t = ctx.axes_display;
        let p0 = (
            0.0 * t.sx + 0.0 * t.shx + t.tx,
            0.0 * t.shy + 0.0 * t.sy + t.ty,
        );
        let p1 = (
            1.0 * t.sx + 1.0 * t.shx + t.tx,
            1.0 * t.shy + 1.0 * t.sy + t.ty,
        );
        let diag = (p1.0 - p0.0).hypot(p1.1 - p0.1);
        let f: Box<dyn Fn(f64, f64) -> (f64, f64) + 'a> = if self.axline.is_some() {
            Box::new(move |x, y| {
                let d = to_dev(x, y);
                (d.0, ctx.h - d.1)
            })
        } else {
            match self.blend {
                Blend::Data => Box::new(move |x, y| ctx.to_display(x, y)),
                Blend::XAxes | Blend::YAxes => Box::new(move |x, y| {
                    let d = ctx.to_device_blend(x, y, self.blend);
                    (d.0, ctx.h - d.1)
                }),
            }
        };
        Some((f, diag))
    }

    /// `draw_path` and `draw_markers` of this line, in that order.
    pub(crate) fn paint(&self, ctx: &DrawCtx) -> Vec<Paint> {
        if let Some(g) = &self.axline {
            // Agg's draw_path: the axline's transform, then the flip to device rows.
            let Some(m) = g.transform(ctx) else {
                return Vec::new();
            };
            let flip = crate::transform::Affine {
                sy: -1.0,
                ty: ctx.h,
                ..crate::transform::Affine::IDENTITY
            };
            let t = m.then(&flip);
            let to_dev =
                |x: f64, y: f64| (x * t.sx + y * t.shx + t.tx, x * t.shy + y * t.sy + t.ty);
            let disp = self.display_of(ctx, &to_dev);
            return self.paint_on(ctx.dpi, &to_dev, Some(ctx.clip), None, disp.as_ref(), None);
        }
        // Data coordinates on linear scales: `to_device_blend`'s affine alone (its scale
        // transforms are the identity there), ~40 instructions a point fewer.
        let t = ctx.data;
        let affine =
            move |x: f64, y: f64| (x * t.sx + y * t.shx + t.tx, x * t.shy + y * t.sy + t.ty);
        let blended = |x: f64, y: f64| ctx.to_device_blend(x, y, self.blend);
        let linear = self.blend == Blend::Data
            && ctx.xscale == AxisScale::Linear
            && ctx.yscale == AxisScale::Linear;
        let to_dev: ToDevice<'_> = if linear { &affine } else { &blended };
        let points = match ctx.xscale {
            AxisScale::Linear if self.blend == Blend::Data && self.markevery.is_none() => {
                subslice(&self.x, ctx.view_x)
            }
            _ => 0..self.x.len(),
        };
        let disp = self.display_of(ctx, to_dev);
        let anchor = |x: f64, y: f64| ctx.marker_anchor(x, y);
        self.paint_on(
            ctx.dpi,
            to_dev,
            Some(ctx.clip),
            Some((ctx.canvas_px, points)),
            disp.as_ref(),
            (self.blend == Blend::Data).then_some(&anchor as ToDevice<'_>),
        )
    }

    /// [`Line2D::paint`] through any transform to device pixels, with any clip box.
    pub(crate) fn paint_in(
        &self,
        dpi: f64,
        to_dev: ToDevice<'_>,
        clip: Option<ClipBox>,
    ) -> Vec<Paint> {
        self.paint_on(dpi, to_dev, clip, None, None, None)
    }

    /// [`Line2D::paint_in`] of the points `on.1` (all without `on`); with the canvas size
    /// `on.0` known, a line of more than 1024 vertices is handed over simplified
    /// ([`raster::simplified_polyline`], streaming over the data: memory for the simplified
    /// vertices, not a copy of the line). `anchor` places the markers (a data line's
    /// [`DrawCtx::marker_anchor`]); `to_dev` does without it.
    fn paint_on(
        &self,
        dpi: f64,
        to_dev: ToDevice<'_>,
        clip: Option<ClipBox>,
        on: Option<((usize, usize), Range<usize>)>,
        disp: Option<&Disp>,
        anchor: Option<ToDevice<'_>>,
    ) -> Vec<Paint> {
        let (canvas_px, points) = match on {
            Some((c, p)) => (Some(c), p),
            None => (None, 0..self.x.len()),
        };
        let mut out = Vec::new();
        let lw_px = self.linewidth_pt * dpi / 72.0;
        if self.linestyle != LineStyle::None && !self.x.is_empty() {
            // A long line's simplified path, or the device vertices of a code-less
            // polyline (a move to the first, lines to the rest), 16 bytes a point: a
            // 10-million-point line no longer holds a copy of its data and a 56-byte
            // command a point besides.
            let (x, y) = self.drawn_xy_of(points.clone());
            let n = x.len();
            let pts = x.iter().zip(y.iter()).map(|(&a, &b)| to_dev(a, b));
            let (path, snap, simplify) = match canvas_px {
                Some((w, h)) if n >= raster::SIMPLIFIED_POLYLINE_MIN => {
                    let path = raster::simplified_polyline_xy(&x, &y, to_dev, w, h);
                    (path, Snap::Off, false)
                }
                _ => {
                    let vertices = pts.collect();
                    (
                        Path {
                            vertices,
                            codes: None,
                        },
                        Snap::Auto,
                        n >= 128,
                    )
                }
            };
            drop((x, y));
            let dashed = self.linestyle.pattern();
            let (cap, join) = if dashed.is_some() {
                (self.dash_cap, self.dash_join)
            } else {
                (self.solid_cap, self.solid_join)
            };
            let dashes = if self.linewidth_pt > 0.0 {
                dashed.map(|(off, pat)| {
                    let lw = self.linewidth_pt;
                    let k = dpi / 72.0;
                    Dashes {
                        offset_px: (off * lw) * k,
                        pattern_px: pat.iter().map(|v| (v * lw) * k).collect(),
                    }
                })
            } else {
                None
            };
            out.push(Paint::Polyline(PolylineDraw {
                simplify,
                path,
                stroke: Some(Stroke {
                    width_px: lw_px,
                    color: self.with_alpha(self.color).to_rgba8_round(),
                    cap,
                    join,
                    dashes,
                }),
                clip,
                snap,
                antialiased: self.antialiased,
            }));
        }
        if let Some(m) = self.marker {
            if self.markersize_pt > 0.0 && !self.x.is_empty() {
                let first = self.markers(points, disp, m, dpi, anchor.unwrap_or(to_dev), clip);
                // `draw_markers` again with the alt path, the same gc, markerfacecoloralt.
                let alt = self.marker_alt.map(|a| {
                    let fill = self.face(self.mfcalt, self.mfcalt_none).to_rgba8_round();
                    MarkersDraw {
                        marker: a.device_path(self.markersize_pt * dpi / 72.0),
                        fill: (a.filled && fill[3] != 0).then_some(fill),
                        positions: first.positions.clone(),
                        stroke: first.stroke.clone(),
                        clip: first.clip,
                        snap: first.snap,
                    }
                });
                out.push(Paint::Markers(first));
                out.extend(alt.map(Paint::Markers));
            }
        }
        out
    }

    fn markers(
        &self,
        points: Range<usize>,
        disp: Option<&Disp>,
        m: &'static MarkerDef,
        dpi: f64,
        to_dev: &dyn Fn(f64, f64) -> (f64, f64),
        clip: Option<ClipBox>,
    ) -> MarkersDraw {
        let size_px = self.markersize_pt * dpi / 72.0;
        let fc = self.face(self.mfc, self.mfc_none);
        let mut ec = self.with_alpha(self.mec.unwrap_or(self.color));
        // An 'auto' edge takes the face's alpha, unless the face is 'none' (Line2D.draw).
        if self.mec.is_none() && !self.mfc_none {
            ec = ec.with_alpha(fc.a);
        }
        let positions = self
            .marker_indices(points, disp)
            .into_iter()
            .map(|i| to_dev(self.x[i], self.y[i]))
            .collect();
        let mew_px = if m.name == "," {
            0.0
        } else {
            self.mew_pt * dpi / 72.0
        };
        let fill = fc.to_rgba8_round();
        MarkersDraw {
            marker: m.device_path(size_px),
            fill: (m.filled && fill[3] != 0).then_some(fill),
            stroke: (mew_px > 0.0).then(|| Stroke {
                width_px: mew_px,
                color: ec.to_rgba8_round(),
                cap: m.cap,
                join: m.join,
                dashes: None,
            }),
            positions,
            clip,
            snap: m.snap(size_px),
        }
    }

    /// The finite data limits `(xmin, xmax, ymin, ymax)` and the minimum positive x and y,
    /// over the coordinates that are data.
    pub(crate) fn data_limits(&self) -> super::DataLim {
        if let Some(g) = &self.axline {
            return g.data_limits();
        }
        let (x, y) = self.drawn_xy_borrowed();
        if self.blend == Blend::Data {
            let mut lim = super::DataLim::of_points(&x, &y);
            if self.no_minpos {
                lim.minpos = (f64::INFINITY, f64::INFINITY);
            }
            return lim;
        }
        let mut lim = super::DataLim::default();
        for (&a, &b) in x.iter().zip(y.iter()) {
            match self.blend {
                Blend::Data => lim.add(Some(a), Some(b)),
                Blend::XAxes => lim.add(None, Some(b)),
                Blend::YAxes => lim.add(Some(a), None),
            }
        }
        lim
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dash_offset_is_brought_into_the_cycle() {
        // _get_dash_pattern: offset %= sum(dashes), Python's (non-negative) modulo.
        let p = |o: f64| LineStyle::Dashes(o, vec![4.0, 2.0]).pattern();
        assert_eq!(p(17.0), Some((5.0, vec![4.0, 2.0])));
        assert_eq!(p(-1.0), Some((5.0, vec![4.0, 2.0])));
        assert_eq!(p(3.0), Some((3.0, vec![4.0, 2.0])));
    }

    #[test]
    fn fmt_strings() {
        let f = parse_fmt("r--o").unwrap();
        assert_eq!(f.linestyle, Some(LineStyle::Dashed));
        assert_eq!(f.marker.as_deref(), Some("o"));
        assert_eq!(f.color.as_deref(), Some("r"));
        let f = parse_fmt("C2:").unwrap();
        assert_eq!(f.color.as_deref(), Some("C2"));
        assert_eq!(f.linestyle, Some(LineStyle::Dotted));
        let f = parse_fmt("k^").unwrap();
        assert_eq!(f.linestyle, Some(LineStyle::None));
        let f = parse_fmt("C1").unwrap();
        assert_eq!(f.linestyle, None);
        assert!(parse_fmt("--:").is_err());
        assert!(parse_fmt("Q").is_err());
    }

    #[test]
    fn steps() {
        let mut cyc = || Color::BLACK;
        let o = PlotOptions::default().drawstyle(DrawStyle::StepsPost);
        let l = Line2D::new(vec![0.0, 1.0, 2.0], vec![5.0, 6.0, 7.0], &o, &mut cyc).unwrap();
        let (x, y) = l.drawn_xy();
        assert_eq!(x, [0.0, 1.0, 1.0, 2.0, 2.0]);
        assert_eq!(y, [5.0, 5.0, 6.0, 6.0, 7.0]);
        let o = PlotOptions::default().drawstyle(DrawStyle::StepsPre);
        let l = Line2D::new(vec![0.0, 1.0, 2.0], vec![5.0, 6.0, 7.0], &o, &mut cyc).unwrap();
        let (x, y) = l.drawn_xy();
        assert_eq!(x, [0.0, 0.0, 1.0, 1.0, 2.0]);
        assert_eq!(y, [5.0, 6.0, 6.0, 7.0, 7.0]);
    }
}
