//! The plotting calls of an Axes: `plot`, `axhline`/`axvline`, `axhspan`/`axvspan`, ticks
//! and grid, with matplotlib's names and defaults. Limits and scales (`set_xlim`,
//! `margins`, `invert_xaxis`, `set_xscale`, ...) are in api_limits.rs.

use super::autoscale::Which;
use super::line::{Blend, Line2D, LineStyle, PlotOptions};
use super::patch::Patch;
use super::values::PlotData;
use super::{cycle_color, Artist, ArtistHandle};
use crate::axes::Axes;
use crate::color::Color;
use crate::ticks::AxisScale;
use crate::{Error, Result};

/// Options of `axhline`, `axvline`, `axhspan` and `axvspan`.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct SpanOptions {
    /// `color` (face and edge of a span).
    pub color: Option<String>,
    /// `facecolor` of a span.
    pub facecolor: Option<String>,
    /// `edgecolor` of a span.
    pub edgecolor: Option<String>,
    /// `linewidth` / `lw` in points.
    pub linewidth: Option<f64>,
    /// `linestyle` / `ls`.
    pub linestyle: Option<LineStyle>,
    /// `alpha`.
    pub alpha: Option<f64>,
    /// `zorder`.
    pub zorder: Option<f64>,
    /// `label`.
    pub label: Option<String>,
    /// Start along the other axis, as an axes fraction (0).
    pub min: Option<f64>,
    /// End along the other axis, as an axes fraction (1).
    pub max: Option<f64>,
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

impl SpanOptions {
    setters!(
        color: String => color,
        facecolor: String => facecolor,
        edgecolor: String => edgecolor,
        linewidth: f64 => linewidth,
        lw: f64 => linewidth,
        linestyle: LineStyle => linestyle,
        ls: LineStyle => linestyle,
        alpha: f64 => alpha,
        zorder: f64 => zorder,
        label: String => label,
        xmin: f64 => min,
        xmax: f64 => max,
        ymin: f64 => min,
        ymax: f64 => max,
    );
}

/// `grid`'s options (rc `grid.*` defaults: '#b0b0b0', solid, 0.8 pt, alpha 1).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct GridOptions {
    /// `visible`.
    pub visible: bool,
    /// `which`: 'major', 'minor' or 'both'.
    pub which: String,
    /// `axis`: 'both', 'x' or 'y'.
    pub axis: String,
    /// `color`.
    pub color: String,
    /// `linestyle`.
    pub linestyle: LineStyle,
    /// `linewidth` in points.
    pub linewidth: f64,
    /// `alpha`.
    pub alpha: Option<f64>,
}

impl Default for GridOptions {
    fn default() -> Self {
        GridOptions {
            visible: true,
            which: "major".into(),
            axis: "both".into(),
            color: "#b0b0b0".into(),
            linestyle: LineStyle::Solid,
            linewidth: 0.8,
            alpha: None,
        }
    }
}

impl GridOptions {
    /// Sets `visible`.
    pub fn visible(mut self, v: bool) -> Self {
        self.visible = v;
        self
    }
    /// Sets `which`.
    pub fn which(mut self, v: impl Into<String>) -> Self {
        self.which = v.into();
        self
    }
    /// Sets `axis`.
    pub fn axis(mut self, v: impl Into<String>) -> Self {
        self.axis = v.into();
        self
    }
    /// Sets `color`.
    pub fn color(mut self, v: impl Into<String>) -> Self {
        self.color = v.into();
        self
    }
    /// Sets `linestyle`.
    pub fn linestyle(mut self, v: LineStyle) -> Self {
        self.linestyle = v;
        self
    }
    /// Sets `linewidth`.
    pub fn linewidth(mut self, v: f64) -> Self {
        self.linewidth = v;
        self
    }
    /// Sets `alpha`.
    pub fn alpha(mut self, v: f64) -> Self {
        self.alpha = Some(v);
        self
    }
}

fn color_of(what: &str, s: &str) -> Result<Color> {
    Color::parse(s).map_err(|_| Error::invalid(what, format!("{s:?}"), "a matplotlib colour"))
}

impl Axes {
    pub(crate) fn push_artist(&mut self, a: Artist) -> ArtistHandle {
        std::sync::Arc::make_mut(&mut self.plot.artists).push(a);
        ArtistHandle {
            axes: self.id,
            index: self.plot.artists.len() - 1,
        }
    }

    pub(crate) fn request_autoscale(&mut self, x: bool, y: bool) {
        if x && self.plot.x.auto {
            self.plot.x.stale = true;
        }
        if y && self.plot.y.auto {
            self.plot.y.stale = true;
        }
    }

    /// `ax.plot(x, y)` with every default.
    pub fn plot(&mut self, x: impl PlotData, y: impl PlotData) -> Result<ArtistHandle> {
        self.plot_with(x, y, PlotOptions::default())
    }

    /// `ax.plot(y)`: x is `0, 1, 2, ...`.
    pub fn plot_y(&mut self, y: impl PlotData, opts: PlotOptions) -> Result<ArtistHandle> {
        let y = y.to_f64_vec();
        let x = (0..y.len()).map(|i| i as f64).collect::<Vec<f64>>();
        self.plot_with(x, y, opts)
    }

    /// `ax.plot(x, y, fmt, **kwargs)`: one line; the fmt string goes in
    /// [`PlotOptions::fmt`].
    pub fn plot_with(
        &mut self,
        x: impl PlotData,
        y: impl PlotData,
        opts: PlotOptions,
    ) -> Result<ArtistHandle> {
        let cycle = &mut self.plot.line_cycle;
        let mut next = || {
            let c = cycle_color(*cycle);
            *cycle += 1;
            c
        };
        let line = Line2D::new(x.to_f64_vec(), y.to_f64_vec(), &opts, &mut next)?;
        let h = self.push_artist(Artist::Line(line));
        self.request_autoscale(true, true);
        Ok(h)
    }

    /// `ax.scatter(x, y, **kwargs)`: markers at (x, y), sized in pt² and coloured by
    /// colour(s) or by values through a colormap (then a colorbar can take the handle).
    pub fn scatter(
        &mut self,
        x: impl PlotData,
        y: impl PlotData,
        opts: super::scatter::ScatterOptions,
    ) -> Result<ArtistHandle> {
        let cycle = &mut self.plot.patch_cycle;
        let mut next = || {
            let c = cycle_color(*cycle);
            *cycle += 1;
            c
        };
        let c =
            super::scatter::PathCollection::new(x.to_f64_vec(), y.to_f64_vec(), opts, &mut next)?;
        self.unstale_for_collection();
        let h = self.push_artist(Artist::Scatter(c));
        self.request_autoscale(true, true);
        Ok(h)
    }

    /// `ax.pcolormesh(X, Y, C, **kwargs)`: a quad mesh coloured by C through a colormap;
    /// X and Y are corners (`shading='flat'`) or centres (`'nearest'`), 1-D or 2-D. The
    /// handle can be a colorbar's mappable.
    pub fn pcolormesh(
        &mut self,
        x: impl Into<super::mesh::MeshCoords>,
        y: impl Into<super::mesh::MeshCoords>,
        c: super::mesh::Array2D,
        opts: super::mesh::PcolormeshOptions,
    ) -> Result<ArtistHandle> {
        self.pcolormesh_xy(Some((x.into(), y.into())), c, opts)
    }

    /// `ax.pcolormesh(C, **kwargs)`: corners at the integers.
    pub fn pcolormesh_c(
        &mut self,
        c: super::mesh::Array2D,
        opts: super::mesh::PcolormeshOptions,
    ) -> Result<ArtistHandle> {
        self.pcolormesh_xy(None, c, opts)
    }

    fn pcolormesh_xy(
        &mut self,
        xy: Option<(super::mesh::MeshCoords, super::mesh::MeshCoords)>,
        c: super::mesh::Array2D,
        opts: super::mesh::PcolormeshOptions,
    ) -> Result<ArtistHandle> {
        let m = super::mesh::QuadMesh::new(xy, c, opts)?;
        let (x0, x1, y0, y1) = m.extent();
        self.plot.x.stickies.extend([x0, x1]);
        self.plot.y.stickies.extend([y0, y1]);
        let h = self.push_artist(Artist::Mesh(m));
        self.request_autoscale(true, true);
        Ok(h)
    }

    /// `ax.contour([X, Y,] Z, **kwargs)`: contour lines of Z (X and Y 1-D or 2-D, or
    /// `None` for the indices), traced by contourpy's `mpl2014` algorithm.
    pub fn contour(
        &mut self,
        xy: Option<(super::mesh::MeshCoords, super::mesh::MeshCoords)>,
        z: super::mesh::Array2D,
        opts: super::contour::ContourOptions,
    ) -> Result<ArtistHandle> {
        self.contour_set(xy, z, false, opts)
    }

    /// `ax.contourf([X, Y,] Z, **kwargs)`: filled layers between the levels of Z.
    pub fn contourf(
        &mut self,
        xy: Option<(super::mesh::MeshCoords, super::mesh::MeshCoords)>,
        z: super::mesh::Array2D,
        opts: super::contour::ContourOptions,
    ) -> Result<ArtistHandle> {
        self.contour_set(xy, z, true, opts)
    }

    fn contour_set(
        &mut self,
        xy: Option<(super::mesh::MeshCoords, super::mesh::MeshCoords)>,
        z: super::mesh::Array2D,
        filled: bool,
        opts: super::contour::ContourOptions,
    ) -> Result<ArtistHandle> {
        let c = super::contour::ContourSet::new(xy, z, filled, opts)?;
        let (x0, x1, y0, y1) = c.extent;
        self.plot.x.stickies.extend([x0, x1]);
        self.plot.y.stickies.extend([y0, y1]);
        let h = self.push_artist(Artist::Contour(c));
        self.request_autoscale(true, true);
        Ok(h)
    }

    /// `ax.text(x, y, s, **kwargs)` in data coordinates.
    pub fn text(
        &mut self,
        x: f64,
        y: f64,
        s: impl Into<String>,
        opts: super::text::TextOptions,
    ) -> Result<ArtistHandle> {
        let t = super::text::TextArtist::new(x, y, s.into(), &opts)?;
        Ok(self.push_artist(Artist::Text(t)))
    }

    /// `ax.annotate(text, xy, xytext, arrowprops=dict(arrowstyle=...))` in data
    /// coordinates; `arrowstyle` `None` draws no arrow.
    pub fn annotate(
        &mut self,
        s: impl Into<String>,
        xy: (f64, f64),
        xytext: Option<(f64, f64)>,
        arrowstyle: Option<super::text::ArrowStyle>,
        opts: super::text::TextOptions,
    ) -> Result<ArtistHandle> {
        let (x, y) = xytext.unwrap_or(xy);
        let mut t = super::text::TextArtist::new(x, y, s.into(), &opts)?;
        t.arrow = arrowstyle.map(|a| (xy, a));
        t.xy = xy;
        t.check_xy = true;
        Ok(self.push_artist(Artist::Text(t)))
    }

    /// `ax.annotate(s, xy, xytext, xycoords, textcoords, arrowprops, **text_kwargs)`.
    pub fn annotate_with(
        &mut self,
        s: impl Into<String>,
        xy: (f64, f64),
        o: super::text::AnnotateOptions,
    ) -> Result<ArtistHandle> {
        use super::text::TextCoords;
        if matches!(
            o.xycoords,
            TextCoords::OffsetPoints | TextCoords::OffsetPixels
        ) {
            return Err(Error::invalid(
                "xycoords",
                format!("{:?}", o.xycoords),
                "'data' or 'axes fraction' (offsets are for textcoords)",
            ));
        }
        let (x, y) = o.xytext.unwrap_or(xy);
        let mut t = super::text::TextArtist::new(x, y, s.into(), &o.text)?;
        t.arrow = o.arrowstyle.map(|a| (xy, a));
        t.xy = xy;
        t.coords = (o.xycoords, o.textcoords.unwrap_or(o.xycoords));
        t.arrow_paint = o.arrow_paint()?;
        t.check_xy = o.annotation_clip.unwrap_or(o.xycoords == TextCoords::Data);
        Ok(self.push_artist(Artist::Text(t)))
    }

    /// `ax.semilogx(x, y, ...)`: `plot` then a log x axis.
    pub fn semilogx(
        &mut self,
        x: impl PlotData,
        y: impl PlotData,
        opts: PlotOptions,
    ) -> Result<ArtistHandle> {
        self.set_xscale(AxisScale::LOG10);
        self.plot_with(x, y, opts)
    }

    /// `ax.semilogy(x, y, ...)`.
    pub fn semilogy(
        &mut self,
        x: impl PlotData,
        y: impl PlotData,
        opts: PlotOptions,
    ) -> Result<ArtistHandle> {
        self.set_yscale(AxisScale::LOG10);
        self.plot_with(x, y, opts)
    }

    /// `ax.loglog(x, y, ...)`.
    pub fn loglog(
        &mut self,
        x: impl PlotData,
        y: impl PlotData,
        opts: PlotOptions,
    ) -> Result<ArtistHandle> {
        self.set_xscale(AxisScale::LOG10);
        self.set_yscale(AxisScale::LOG10);
        self.plot_with(x, y, opts)
    }

    fn line_of_span(&mut self, v: f64, horizontal: bool, opts: &SpanOptions) -> Result<Line2D> {
        let (a, b) = (opts.min.unwrap_or(0.0), opts.max.unwrap_or(1.0));
        let p = PlotOptions {
            color: opts.color.clone(),
            linewidth: opts.linewidth,
            linestyle: opts.linestyle.clone(),
            alpha: opts.alpha,
            zorder: opts.zorder,
            label: opts.label.clone(),
            ..PlotOptions::default()
        };
        // Line2D(color=None) is rc lines.color, 'C0'; the cycle does not advance.
        let mut next = || cycle_color(0);
        let (x, y, blend) = if horizontal {
            (vec![a, b], vec![v, v], Blend::XAxes)
        } else {
            (vec![v, v], vec![a, b], Blend::YAxes)
        };
        let mut line = Line2D::new(x, y, &p, &mut next)?;
        line.blend = blend;
        Ok(line)
    }

    /// `ax.axhline(y, xmin, xmax, **kwargs)`: a horizontal line across the Axes.
    pub fn axhline(&mut self, y: f64, opts: SpanOptions) -> Result<ArtistHandle> {
        let (lo, hi) = sorted(self.unstale_view(Which::Y));
        let scaley = y < lo || y > hi;
        let line = self.line_of_span(y, true, &opts)?;
        let h = self.push_artist(Artist::Line(line));
        self.request_autoscale(false, scaley);
        Ok(h)
    }

    /// `ax.axvline(x, ymin, ymax, **kwargs)`: a vertical line across the Axes.
    pub fn axvline(&mut self, x: f64, opts: SpanOptions) -> Result<ArtistHandle> {
        let (lo, hi) = sorted(self.unstale_view(Which::X));
        let scalex = x < lo || x > hi;
        let line = self.line_of_span(x, false, &opts)?;
        let h = self.push_artist(Artist::Line(line));
        self.request_autoscale(scalex, false);
        Ok(h)
    }

    fn span(&mut self, a: f64, b: f64, horizontal: bool, opts: &SpanOptions) -> Result<Patch> {
        let (m0, m1) = (opts.min.unwrap_or(0.0), opts.max.unwrap_or(1.0));
        let parse = |what: &str, c: &Option<String>| -> Result<Option<Color>> {
            c.as_deref().map(|s| color_of(what, s)).transpose()
        };
        let color = parse("color", &opts.color)?;
        // A plain Rectangle: rc patch.facecolor ('C0'); the patch cycle does not advance.
        let face = Some(
            parse("facecolor", &opts.facecolor)?
                .or(color)
                .unwrap_or(cycle_color(0)),
        );
        let edge = parse("edgecolor", &opts.edgecolor)?.or(color);
        let (rect, blend) = if horizontal {
            ((m0, a, m1 - m0, b - a), Blend::XAxes)
        } else {
            ((a, m0, b - a, m1 - m0), Blend::YAxes)
        };
        Ok(Patch {
            hatch: None,
            rect,
            blend,
            face,
            edge,
            linewidth_pt: opts.linewidth.unwrap_or(1.0),
            linestyle: opts.linestyle.clone().unwrap_or(LineStyle::Solid),
            alpha: opts.alpha,
            zorder: opts.zorder.unwrap_or(1.0),
            label: opts.label.clone(),
        })
    }

    /// `ax.axvspan(xmin, xmax, ymin, ymax, **kwargs)`: a rectangle spanning the Axes'
    /// height (face rc `patch.facecolor`, C0, unless coloured).
    pub fn axvspan(&mut self, xmin: f64, xmax: f64, opts: SpanOptions) -> Result<ArtistHandle> {
        let p = self.span(xmin, xmax, false, &opts)?;
        let h = self.push_artist(Artist::Patch(p));
        self.request_autoscale(true, false);
        Ok(h)
    }

    /// `ax.axhspan(ymin, ymax, xmin, xmax, **kwargs)`.
    pub fn axhspan(&mut self, ymin: f64, ymax: f64, opts: SpanOptions) -> Result<ArtistHandle> {
        let p = self.span(ymin, ymax, true, &opts)?;
        let h = self.push_artist(Artist::Patch(p));
        self.request_autoscale(false, true);
        Ok(h)
    }

    /// `ax.set_xticks(ticks, labels)`: fixed tick positions, optionally labelled.
    pub fn set_xticks(
        &mut self,
        ticks: impl PlotData,
        labels: Option<Vec<String>>,
    ) -> Result<&mut Self> {
        let t = ticks.to_f64_vec();
        check_labels("set_xticks", &t, &labels)?;
        self.expand_view_to_ticks(Which::X, &t);
        self.plot.x.ticks = Some((t, labels));
        Ok(self)
    }

    /// `set_xticks`/`set_yticks` with labels and their text keywords, on the axis `axis`
    /// picks (named `call` in errors).
    fn ticks_with(
        &mut self,
        call: &str,
        ticks: Vec<f64>,
        labels: Vec<String>,
        opts: super::TickLabelOptions,
        axis: fn(&mut super::PlotState) -> &mut super::AxisState,
        which: Which,
    ) -> Result<&mut Self> {
        let lines =
            crate::axes_text::line_layout(call, opts.multialignment.as_deref(), opts.linespacing)?;
        let labels = Some(labels);
        check_labels(call, &ticks, &labels)?;
        self.expand_view_to_ticks(which, &ticks);
        let state = axis(&mut self.plot);
        state.ticks = Some((ticks, labels));
        state.tick_params.label_lines = lines;
        Ok(self)
    }

    /// `ax.set_xticks(ticks, labels, multialignment=..., linespacing=...)`: fixed ticks
    /// whose labels take the text keywords (kept for later ticks, as matplotlib copies a
    /// tick's label properties to new ticks).
    pub fn set_xticks_with(
        &mut self,
        ticks: impl PlotData,
        labels: Vec<String>,
        opts: super::TickLabelOptions,
    ) -> Result<&mut Self> {
        let t = ticks.to_f64_vec();
        self.ticks_with("set_xticks", t, labels, opts, |p| &mut p.x, Which::X)
    }

    /// `ax.set_yticks(ticks, labels, multialignment=..., linespacing=...)`.
    pub fn set_yticks_with(
        &mut self,
        ticks: impl PlotData,
        labels: Vec<String>,
        opts: super::TickLabelOptions,
    ) -> Result<&mut Self> {
        let t = ticks.to_f64_vec();
        self.ticks_with("set_yticks", t, labels, opts, |p| &mut p.y, Which::Y)
    }

    /// `ax.set_yticks(ticks, labels)`.
    pub fn set_yticks(
        &mut self,
        ticks: impl PlotData,
        labels: Option<Vec<String>>,
    ) -> Result<&mut Self> {
        let t = ticks.to_f64_vec();
        check_labels("set_yticks", &t, &labels)?;
        self.expand_view_to_ticks(Which::Y, &t);
        self.plot.y.ticks = Some((t, labels));
        Ok(self)
    }

    /// `ax.legend(**kwargs)`: a legend of the labelled artists.
    pub fn legend(&mut self, opts: super::legend_options::LegendOptions) -> Result<&mut Self> {
        super::legend::loc_code(&opts.loc)?;
        if !(opts.fontsize.is_finite() && opts.fontsize > 0.0) {
            return Err(Error::invalid(
                "legend fontsize",
                opts.fontsize,
                "a positive size in points",
            ));
        }
        if !(0.0..=1.0).contains(&opts.framealpha) {
            return Err(Error::invalid(
                "legend framealpha",
                opts.framealpha,
                "within 0..=1",
            ));
        }
        self.plot.legend = Some(opts);
        Ok(self)
    }

    /// `ax.tick_params(axis, labelsize, direction, length)` for the major ticks; `axis` is
    /// 'x', 'y' or 'both'.
    pub fn tick_params(
        &mut self,
        axis: &str,
        labelsize: Option<f64>,
        direction: Option<super::TickDirection>,
        length: Option<f64>,
    ) -> Result<&mut Self> {
        let mut o = super::TickParamsOptions::default().axis(axis);
        o.labelsize = labelsize;
        o.direction = direction;
        o.length = length;
        self.tick_params_with(o)
    }

    /// `ax.grid(visible, which, axis, **kwargs)`.
    pub fn grid(&mut self, opts: GridOptions) -> Result<&mut Self> {
        color_of("grid color", &opts.color)?;
        let (x, y) = match opts.axis.as_str() {
            "both" => (true, true),
            "x" => (true, false),
            "y" => (false, true),
            other => {
                return Err(Error::invalid(
                    "grid axis",
                    format!("{other:?}"),
                    "'both', 'x' or 'y'",
                ))
            }
        };
        if !matches!(opts.which.as_str(), "major" | "minor" | "both") {
            return Err(Error::invalid(
                "grid which",
                format!("{:?}", opts.which),
                "'major', 'minor' or 'both'",
            ));
        }
        // Axis.grid: the major and the minor ticks' grid settings are separate.
        let kinds = [
            matches!(opts.which.as_str(), "major" | "both"),
            matches!(opts.which.as_str(), "minor" | "both"),
        ];
        for (axis, on) in [x, y].into_iter().enumerate() {
            for (kind, set) in kinds.into_iter().enumerate() {
                if on && set {
                    self.plot.grid_style[axis][kind] = Some(opts.clone());
                    self.plot.grid[axis][kind] = opts.visible.then(|| opts.clone());
                }
            }
        }
        Ok(self)
    }
}

fn check_labels(call: &str, t: &[f64], labels: &Option<Vec<String>>) -> Result<()> {
    if let Some(l) = labels {
        if l.len() != t.len() {
            return Err(Error::invalid(
                call,
                format!("{} ticks and {} labels", t.len(), l.len()),
                "as many labels as ticks",
            ));
        }
    }
    Ok(())
}

fn sorted(v: (f64, f64)) -> (f64, f64) {
    if v.0 <= v.1 {
        v
    } else {
        (v.1, v.0)
    }
}
