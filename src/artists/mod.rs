//! Artists: what plotting calls add to an Axes (lines, scatter collections, patches, text),
//! each resolved in its own module and lowered to [`paint::Paint`]s by the Axes drawing
//! code in zorder, then call order, as matplotlib draws an Axes' children.

mod annotation_arrow;
mod annotation_simple;
mod api;
mod api_limits;
pub mod autoscale;
pub mod axline;
pub mod bar;
pub mod boxplot;
mod collection;
pub mod contour;
pub mod errorbar;
pub mod figure_legend;
pub mod fills;
pub(crate) mod grid;
mod grid_keywords;
mod hatch;
pub mod hist;
mod hist_draw;
pub mod legend;
mod legend_frame;
mod legend_handles;
mod legend_labelcolor;
pub mod legend_options;
pub mod line;
mod line_subslice;
mod marker_half_table;
mod marker_table;
pub(crate) mod markers;
pub mod markevery;
pub mod mesh;
mod mesh_gouraud;
pub mod paint;
pub mod patch;
pub mod pathpatch;
pub mod pie;
pub mod polygon;
pub mod scatter;
pub mod stairs;
pub mod text;
mod text_box;
mod tick_params;
pub mod values;
pub mod violin;

use crate::color::Color;
use crate::layout::Bbox;
use crate::ticks::AxisScale;
use crate::transform::Affine;
use line::{Blend, Line2D};
use paint::{ClipBox, Paint};
use patch::Patch;

pub use api::{GridOptions, SpanOptions};
pub use grid_keywords::GridKeywords;
pub use tick_params::{TickLabelOptions, TickParamsOptions};

/// A handle to an artist on an Axes (what `plot`, `scatter`, `axvspan`... return); cheap
/// to copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ArtistHandle {
    pub(crate) axes: crate::AxesId,
    pub(crate) index: usize,
}

impl ArtistHandle {
    /// The Axes the artist is on.
    pub fn axes(&self) -> crate::AxesId {
        self.axes
    }
}

/// One artist of an Axes. (Variants differ in size; an Axes holds few artists, each
/// owning its data on the heap, so they are not boxed.)
#[derive(Debug, Clone)]
#[allow(clippy::large_enum_variant)]
pub(crate) enum Artist {
    /// `plot`, `axhline`, `axvline`.
    Line(Line2D),
    /// `axhspan`, `axvspan`.
    Patch(Patch),
    /// `scatter`.
    Scatter(scatter::PathCollection),
    /// `hist(histtype='step' | 'stepfilled')`.
    Polygon(polygon::Polygon),
    /// `pie` wedges (`Wedge`), `PathPatch`es.
    PathPatch(pathpatch::PathPatch),
    /// `text`, `annotate` (painted with the glyph cache by the Axes drawing code).
    Text(text::TextArtist),
    /// `fill_between`, `fill_betweenx`, `stackplot`, `errorbar`'s bars.
    Collection(collection::Collection),
    /// `stairs`.
    StepPatch(stairs::StepPatch),
    /// `pcolormesh`.
    Mesh(mesh::QuadMesh),
    /// `contour`, `contourf`.
    Contour(contour::ContourSet),
}

impl Artist {
    pub(crate) fn zorder(&self) -> f64 {
        match self {
            Artist::Line(l) => l.zorder,
            Artist::Patch(p) => p.zorder,
            Artist::Polygon(p) => p.patch.zorder,
            Artist::PathPatch(p) => p.patch.zorder,
            Artist::Scatter(c) => c.zorder,
            Artist::Text(t) => t.zorder,
            Artist::Collection(c) => c.zorder,
            Artist::StepPatch(p) => p.patch.zorder,
            Artist::Mesh(m) => m.zorder,
            Artist::Contour(c) => c.zorder,
        }
    }

    pub(crate) fn paint(&self, ctx: &DrawCtx) -> Vec<Paint> {
        match self {
            Artist::Line(l) => l.paint(ctx),
            Artist::Patch(p) => p.paint(ctx),
            Artist::Polygon(p) => p.paint(ctx),
            Artist::PathPatch(p) => p.paint(ctx),
            Artist::Scatter(c) => c.paint(ctx, None),
            Artist::Text(_) => Vec::new(),
            Artist::Collection(c) => c.paint(ctx),
            Artist::StepPatch(p) => p.paint(ctx),
            Artist::Mesh(m) => m.paint(ctx, None),
            Artist::Contour(c) => c.paint(ctx),
        }
    }

    pub(crate) fn data_limits(&self) -> DataLim {
        match self {
            Artist::Line(l) => l.data_limits(),
            Artist::Patch(p) => p.data_limits(),
            Artist::Polygon(p) => p.data_limits(),
            Artist::PathPatch(p) => p.data_limits(),
            Artist::Scatter(c) => c.data_limits(),
            Artist::Text(_) => DataLim::default(),
            Artist::Collection(c) => c.limits,
            Artist::StepPatch(p) => p.data_limits(),
            Artist::Mesh(m) => m.data_limits(),
            Artist::Contour(c) => c.data_limits(),
        }
    }

    /// The artist's `alpha`.
    pub(crate) fn alpha(&self) -> Option<f64> {
        match self {
            Artist::Line(l) => l.alpha,
            Artist::Patch(p) => p.alpha,
            Artist::Polygon(p) => p.patch.alpha,
            Artist::PathPatch(p) => p.patch.alpha,
            Artist::Scatter(c) => c.alpha,
            Artist::Text(t) => Some(t.color.a),
            Artist::Collection(c) => c.alpha,
            Artist::StepPatch(p) => p.patch.alpha,
            Artist::Mesh(m) => m.alpha,
            Artist::Contour(c) => c.alpha,
        }
    }

    /// The norm and colormap of a colour-mapped artist.
    pub(crate) fn mapping(&self) -> Option<(&crate::color::Norm, &crate::color::Colormap)> {
        match self {
            Artist::Scatter(c) => c.mapping(),
            Artist::Mesh(m) => Some((&m.norm, &m.cmap)),
            _ => None,
        }
    }

    /// What `Colorbar.__init__` does to its mappable's norm (`_process_values`: limits made
    /// non-singular with expander 0.1). False when the artist is not colour-mapped.
    pub(crate) fn colorbar_norm(&mut self) -> bool {
        if let Artist::Contour(_) = self {
            // `_process_values` returns before touching the norm: values and boundaries
            // are the contour set's.
            return true;
        }
        if let Artist::Mesh(m) = self {
            let (a, b) = (m.norm.vmin().unwrap_or(0.0), m.norm.vmax().unwrap_or(1.0));
            let (a, b) = crate::ticks::nonsingular(a, b, 0.1, 1e-15);
            m.norm = m.norm.clone().with_limits(Some(a), Some(b));
            return true;
        }
        if let Artist::Scatter(c) = self {
            if let scatter::Faces::Mapped { norm, .. } = &mut c.faces {
                let (a, b) = (norm.vmin().unwrap_or(0.0), norm.vmax().unwrap_or(1.0));
                let (a, b) = crate::ticks::nonsingular(a, b, 0.1, 1e-15);
                *norm = norm.clone().with_limits(Some(a), Some(b));
                return true;
            }
        }
        false
    }
}

/// Finite data limits of artists (matplotlib's `dataLim` with `minpos`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct DataLim {
    pub x: (f64, f64),
    pub y: (f64, f64),
    pub minpos: (f64, f64),
}

impl Default for DataLim {
    fn default() -> Self {
        DataLim {
            x: (f64::INFINITY, f64::NEG_INFINITY),
            y: (f64::INFINITY, f64::NEG_INFINITY),
            minpos: (f64::INFINITY, f64::INFINITY),
        }
    }
}

impl DataLim {
    /// Adds a vertex; `None` coordinates are not data (blended transforms). A vertex with
    /// a non-finite coordinate is skipped (the NaN remover of `update_path_extents`).
    pub(crate) fn add(&mut self, x: Option<f64>, y: Option<f64>) {
        if x.is_some_and(|v| !v.is_finite()) || y.is_some_and(|v| !v.is_finite()) {
            return;
        }
        if let Some(x) = x {
            self.x = (self.x.0.min(x), self.x.1.max(x));
            if x > 0.0 {
                self.minpos.0 = self.minpos.0.min(x);
            }
        }
        if let Some(y) = y {
            self.y = (self.y.0.min(y), self.y.1.max(y));
            if y > 0.0 {
                self.minpos.1 = self.minpos.1.min(y);
            }
        }
    }

    /// The limits of the points `(x[i], y[i])` (both data): [`DataLim::add`] of each pair,
    /// the same `min`/`max` in the same order, with the six limits kept in registers
    /// (~57 -> ~20 instructions a point: the 20,000-point walk's autoscale).
    /// A line long enough to be simplified and stroked on two threads has its halves'
    /// limits computed on two threads and combined: `min`/`max` of two different values
    /// is the one the serial pass keeps, and of equal non-zero ones the same bits; only
    /// two zeros (whose sign the serial order decides) send it back to the serial pass.
    pub(crate) fn of_points(x: &[f64], y: &[f64]) -> DataLim {
        let n = x.len().min(y.len());
        // (Outside a render, or on one thread, serially.)
        if n < crate::raster::SPLIT_SIMPLIFY_MIN || !crate::pool::keep_helper_awake() {
            return Self::of_points_serial(x, y);
        }
        let (x, y) = (&x[..n], &y[..n]);
        let m = n / 2;
        let (a, b) = crate::pool::join(
            || Self::of_points_serial(&x[..m], &y[..m]),
            || Self::of_points_serial(&x[m..], &y[m..]),
        );
        let zeros = |p: f64, q: f64| p == 0.0 && q == 0.0;
        if zeros(a.x.0, b.x.0) || zeros(a.x.1, b.x.1) || zeros(a.y.0, b.y.0) || zeros(a.y.1, b.y.1)
        {
            return Self::of_points_serial(x, y);
        }
        let lo = |p: f64, q: f64| if q < p { q } else { p };
        let hi = |p: f64, q: f64| if q > p { q } else { p };
        DataLim {
            x: (lo(a.x.0, b.x.0), hi(a.x.1, b.x.1)),
            y: (lo(a.y.0, b.y.0), hi(a.y.1, b.y.1)),
            minpos: (lo(a.minpos.0, b.minpos.0), lo(a.minpos.1, b.minpos.1)),
        }
    }

    /// [`DataLim::of_points`] in one pass.
    fn of_points_serial(x: &[f64], y: &[f64]) -> DataLim {
        let d = DataLim::default();
        let (mut x0, mut x1, mut px) = (d.x.0, d.x.1, d.minpos.0);
        let (mut y0, mut y1, mut py) = (d.y.0, d.y.1, d.minpos.1);
        for (&a, &b) in x.iter().zip(y) {
            if !(a.is_finite() && b.is_finite()) {
                continue;
            }
            x0 = x0.min(a);
            x1 = x1.max(a);
            px = if a > 0.0 { px.min(a) } else { px };
            y0 = y0.min(b);
            y1 = y1.max(b);
            py = if b > 0.0 { py.min(b) } else { py };
        }
        DataLim {
            x: (x0, x1),
            y: (y0, y1),
            minpos: (px, py),
        }
    }

    pub(crate) fn union(&self, o: &DataLim) -> DataLim {
        DataLim {
            x: (self.x.0.min(o.x.0), self.x.1.max(o.x.1)),
            y: (self.y.0.min(o.y.0), self.y.1.max(o.y.1)),
            minpos: (self.minpos.0.min(o.minpos.0), self.minpos.1.min(o.minpos.1)),
        }
    }
}

/// The plotting state of an Axes: artists, property cycles, limits, scales, grid.
#[derive(Debug, Clone, Default)]
pub(crate) struct PlotState {
    pub artists: std::sync::Arc<Vec<Artist>>,
    pub line_cycle: usize,
    pub patch_cycle: usize,
    pub x: AxisState,
    pub y: AxisState,
    /// The grid options of x and y, each `[major, minor]` (`grid(which=...)` sets one or
    /// both).
    pub grid: [[Option<GridOptions>; 2]; 2],
    /// The grid style each `[axis][major, minor]` keeps while off too (matplotlib's
    /// `_major_tick_kw`/`_minor_tick_kw` `grid_*`; `grid_keywords` updates it).
    pub grid_style: [[Option<GridOptions>; 2]; 2],
    pub legend: Option<legend_options::LegendOptions>,
    /// Artist indices of the first patch of each `bar` container: the container's label
    /// rides on that patch, and the legend lists containers after the other artists.
    pub bar_containers: Vec<usize>,
    /// Labelled `errorbar` containers (listed after the other artists in the legend).
    pub errorbar_containers: Vec<errorbar::ErrorbarEntry>,
}

/// One axis' limits and scale.
#[derive(Debug, Clone)]
pub(crate) struct AxisState {
    /// The stored view limits (what `get_xlim` returns when not stale).
    pub lim: (f64, f64),
    /// Autoscale on (`set_xlim` turns it off).
    pub auto: bool,
    /// An autoscale was requested since the limits were stored.
    pub stale: bool,
    pub scale: AxisScale,
    pub margin: f64,
    /// `set_xticks`: positions and optional labels.
    pub ticks: Option<(Vec<f64>, Option<Vec<String>>)>,
    /// `tick_params` of the major ticks.
    pub tick_params: TickParams,
    /// Sticky edges of this axis' artists (bars' baselines, histograms' zero).
    pub stickies: Vec<f64>,
    /// String categories of this axis (`StrCategoryConverter`'s mapping: value i is
    /// the i-th name).
    pub categories: Vec<String>,
    /// The symlog scale's `subs` (`None`: `[1.0]`, no minor ticks besides the majors).
    pub subs: Option<Vec<f64>>,
    /// A scale change set the share group's locators (`_set_axes_scale` sets them on
    /// every member in group order, so the last member's axis measures the tick space);
    /// `false`: the root's, set when the group was made.
    pub locator_last: bool,
}

/// Where tick marks point (`tick_params(direction=...)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TickDirection {
    /// Outside the Axes (rc default).
    #[default]
    Out,
    /// Inside the Axes.
    In,
    /// Across the spine.
    InOut,
}

impl std::str::FromStr for TickDirection {
    type Err = crate::Error;
    fn from_str(s: &str) -> crate::Result<TickDirection> {
        match s {
            "out" => Ok(TickDirection::Out),
            "in" => Ok(TickDirection::In),
            "inout" => Ok(TickDirection::InOut),
            _ => Err(crate::Error::invalid(
                "tick direction",
                format!("{s:?}"),
                "'in', 'out' or 'inout'",
            )),
        }
    }
}

/// `tick_params` of one axis' major ticks.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct TickParams {
    /// `labelsize` in points.
    pub labelsize: Option<f64>,
    /// `direction`.
    pub direction: TickDirection,
    /// `length` in points.
    pub length: Option<f64>,
    /// `labelbottom=False` / `labelleft=False`: the tick labels (and offset text) hidden,
    /// as `label_outer` does to the inner Axes of a shared grid.
    pub labels_hidden: bool,
    /// `width` of the major tick marks in points (rc 0.8).
    pub width: Option<f64>,
    /// `color` of the major tick marks (rc black).
    pub color: Option<Color>,
    /// `labelcolor` of the major tick labels and the offset text.
    pub labelcolor: Option<Color>,
    /// `pad` between the major tick marks and their labels in points (rc 3.5).
    pub pad: Option<f64>,
    /// `length` of the minor tick marks in points (rc 2).
    pub minor_length: Option<f64>,
    /// `width` of the minor tick marks in points (rc 0.6).
    pub minor_width: Option<f64>,
    /// `color` of the minor tick marks.
    pub minor_color: Option<Color>,
    /// `labelcolor` of the minor tick labels.
    pub minor_labelcolor: Option<Color>,
    /// `pad` of the minor tick labels in points (rc 3.4).
    pub minor_pad: Option<f64>,
    /// `minorticks_on()` (`Some(true)`: `AutoMinorLocator` on a linear axis) or
    /// `minorticks_off()` (`Some(false)`); `None`: the scale's default.
    pub minor_ticks: Option<bool>,
    /// `labelrotation` of the tick labels in degrees (rotation_mode 'default').
    pub labelrotation: Option<f64>,
    /// `set_xticks(..., labels, multialignment=..., linespacing=...)`: how the lines of
    /// the major tick labels align and their spacing (set by `set_xticks_with`).
    pub(crate) label_lines: (Option<crate::text::HorizontalAlignment>, Option<f64>),
}

impl Default for AxisState {
    fn default() -> Self {
        AxisState {
            lim: (0.0, 1.0),
            auto: true,
            stale: false,
            scale: AxisScale::Linear,
            margin: 0.05,
            ticks: None,
            tick_params: TickParams::default(),
            stickies: Vec::new(),
            categories: Vec::new(),
            subs: None,
            locator_last: false,
        }
    }
}

/// The tab10 property cycle (`axes.prop_cycle`).
pub(crate) fn cycle_color(i: usize) -> Color {
    // 'C0'..'C9' always parse.
    Color::parse(&format!("C{}", i % 10)).unwrap_or(Color::BLACK)
}

/// What an artist needs to turn itself into device paths.
#[derive(Debug, Clone)]
pub(crate) struct DrawCtx {
    /// Dots per inch.
    pub dpi: f64,
    /// The artists' clip box (the Axes box) in device pixels.
    pub clip: ClipBox,
    /// Scaled data -> device (y down).
    pub data: Affine,
    /// x axes fraction, y scaled data -> device.
    pub x_axes: Affine,
    /// x scaled data, y axes fraction -> device.
    pub y_axes: Affine,
    /// Scaled data -> display (y up), for `loc='best'`.
    pub data_display: Affine,
    /// Axes fraction -> display (y up): `transAxes`.
    pub axes_display: Affine,
    /// Canvas height.
    pub h: f64,
    pub xscale: AxisScale,
    pub yscale: AxisScale,
    /// Canvas width and height in pixels (the raster's canvas, to which paths are clipped).
    pub canvas_px: (usize, usize),
    /// The x view limits (`get_xlim`), for the subslicing of long lines.
    pub view_x: (f64, f64),
    /// The y view limits (`get_ylim`).
    pub view_y: (f64, f64),
    /// The figure's size in display pixels, unfloored (`fig.bbox`, what `transFigure`
    /// scales by).
    pub fig_px: (f64, f64),
}

impl DrawCtx {
    /// The context of the Axes laid out as `al` in the figure laid out as `lay`.
    pub(crate) fn for_axes(al: &crate::layout::AxesLayout, lay: &crate::layout::Layout) -> DrawCtx {
        let mut ctx = DrawCtx::new(
            &al.trans_data,
            &al.bbox,
            lay.height_px as f64,
            lay.dpi,
            al.xscale,
            al.yscale,
            lay.width_px,
            al.view_x,
            al.view_y,
        );
        ctx.fig_px = (lay.width_f, lay.height_f);
        ctx
    }

    /// `trans_data` maps scaled data to display; `bbox` is the Axes box (display); `h`
    /// the canvas height, `width_px` its width; `view_x` the x view limits.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        trans_data: &Affine,
        bbox: &Bbox,
        h: f64,
        dpi: f64,
        xscale: AxisScale,
        yscale: AxisScale,
        width_px: usize,
        view_x: (f64, f64),
        view_y: (f64, f64),
    ) -> DrawCtx {
        let flip = Affine {
            sx: 1.0,
            shy: 0.0,
            shx: 0.0,
            sy: -1.0,
            tx: 0.0,
            ty: h,
        };
        let trans_axes = Affine {
            sx: bbox.width(),
            shy: 0.0,
            shx: 0.0,
            sy: bbox.height(),
            tx: bbox.x0,
            ty: bbox.y0,
        };
        let x_axes = Affine {
            sx: trans_axes.sx,
            tx: trans_axes.tx,
            shx: 0.0,
            shy: 0.0,
            sy: trans_data.sy,
            ty: trans_data.ty,
        };
        let y_axes = Affine {
            sx: trans_data.sx,
            tx: trans_data.tx,
            shx: 0.0,
            shy: 0.0,
            sy: trans_axes.sy,
            ty: trans_axes.ty,
        };
        DrawCtx {
            dpi,
            clip: ClipBox {
                x0: bbox.x0,
                y0: h - bbox.y1,
                x1: bbox.x1,
                y1: h - bbox.y0,
            },
            data: trans_data.then(&flip),
            x_axes: x_axes.then(&flip),
            y_axes: y_axes.then(&flip),
            data_display: *trans_data,
            axes_display: trans_axes,
            h,
            xscale,
            yscale,
            canvas_px: (width_px, h as usize),
            view_x,
            view_y,
            fig_px: (width_px as f64, h),
        }
    }

    /// A data point to display coordinates (y up).
    pub(crate) fn to_display(&self, x: f64, y: f64) -> (f64, f64) {
        let s = |sc: AxisScale, v: f64| if v.is_nan() { v } else { sc.transform(v) };
        let (x, y) = (s(self.xscale, x), s(self.yscale, y));
        let t = &self.data_display;
        (x * t.sx + y * t.shx + t.tx, x * t.shy + y * t.sy + t.ty)
    }

    /// `draw_markers`' anchor of a data point, less half a pixel: Agg composes the data
    /// affine with `scale(1, -1)` then `translate(0.5, h + 0.5)` (the half pixel folded
    /// into the offsets) and floors; the raster adds the half pixel back (exactly, for any
    /// anchor within 2^52 px not in (-1e-16, 0)) and floors, so the anchor pixel is Agg's
    /// even when `h - y` and its half-pixel shift round across a whole pixel.
    pub(crate) fn marker_anchor(&self, x: f64, y: f64) -> (f64, f64) {
        let s = |sc: AxisScale, v: f64| if v.is_nan() { v } else { sc.transform(v) };
        let (x, y) = (s(self.xscale, x), s(self.yscale, y));
        let t = &self.data_display;
        let ax = x * t.sx + y * t.shx + (t.tx + 0.5);
        let ay = x * -t.shy + y * -t.sy + (-t.ty + (self.h + 0.5));
        (ax - 0.5, ay - 0.5)
    }

    /// A point in the given coordinates to device pixels.
    pub(crate) fn to_device_blend(&self, x: f64, y: f64, blend: Blend) -> (f64, f64) {
        let s = |sc: AxisScale, v: f64| if v.is_nan() { v } else { sc.transform(v) };
        let (t, x, y) = match blend {
            Blend::Data => (&self.data, s(self.xscale, x), s(self.yscale, y)),
            Blend::XAxes => (&self.x_axes, x, s(self.yscale, y)),
            Blend::YAxes => (&self.y_axes, s(self.xscale, x), y),
        };
        (x * t.sx + y * t.shx + t.tx, x * t.shy + y * t.sy + t.ty)
    }
}

#[cfg(test)]
mod datalim_tests {
    use super::DataLim;
    use proptest::prelude::*;

    fn value() -> impl Strategy<Value = f64> {
        prop_oneof![
            8 => -1e3..1e3f64,
            1 => Just(0.0),
            1 => Just(-0.0),
            1 => Just(f64::NAN),
            1 => Just(f64::INFINITY),
        ]
    }

    proptest! {
        /// The limits are `add`'s, bit for bit, whatever the points.
        #[test]
        fn of_points_is_add_of_each_point(
            pts in prop::collection::vec((value(), value()), 0..40),
            finite_only in any::<bool>(),
        ) {
            let pts: Vec<(f64, f64)> = if finite_only {
                pts.into_iter().filter(|(a, b)| a.is_finite() && b.is_finite()).collect()
            } else {
                pts
            };
            let (x, y): (Vec<f64>, Vec<f64>) = pts.iter().copied().unzip();
            let mut want = DataLim::default();
            for &(a, b) in &pts {
                want.add(Some(a), Some(b));
            }
            let got = DataLim::of_points(&x, &y);
            let bits = |l: &DataLim| {
                [l.x.0, l.x.1, l.y.0, l.y.1, l.minpos.0, l.minpos.1].map(f64::to_bits)
            };
            prop_assert_eq!(bits(&got), bits(&want));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        /// A long line's limits from two halves are the serial pass's bits: zeros of both
        /// signs (also as the extremes of both halves), NaN, infinities.
        #[test]
        fn halves_give_the_serial_limits(
            pts in prop::collection::vec((value(), value()), crate::raster::SPLIT_SIMPLIFY_MIN..crate::raster::SPLIT_SIMPLIFY_MIN + 64),
            mode in 0..3u8,
        ) {
            // 1: most points shifted (zeros no longer the extremes: the halves combined);
            // 2: negatives flipped, keeping -0.0 (zeros of both signs the minima).
            let (x, y): (Vec<f64>, Vec<f64>) = pts
                .iter()
                .enumerate()
                .map(|(i, &(a, b))| match mode {
                    1 if i % 3 != 0 => (a + 1e4, b - 1e4),
                    2 => (if a < 0.0 { -a } else { a }, if b < 0.0 { -b } else { b }),
                    _ => (a, b),
                })
                .unzip();
            // In a render (with its helper): the halves; the serial pass otherwise.
            let got = rayon::scope(|_| crate::pool::during_render(|| DataLim::of_points(&x, &y)));
            let want = DataLim::of_points_serial(&x, &y);
            let bits = |l: &DataLim| {
                [l.x.0, l.x.1, l.y.0, l.y.1, l.minpos.0, l.minpos.1].map(f64::to_bits)
            };
            prop_assert_eq!(bits(&got), bits(&want));
        }
    }
}
