//! The draw list: a figure lowered to device operations (pixels, origin top-left, y down), in
//! matplotlib's drawing order. The raster executes it and knows nothing else.

/// An integer pixel rectangle, half-open: columns `x0..x1`, rows `y0..y1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IRect {
    /// First column.
    pub x0: i64,
    /// First row.
    pub y0: i64,
    /// One past the last column.
    pub x1: i64,
    /// One past the last row.
    pub y1: i64,
}

impl IRect {
    /// The overlap of two rectangles (possibly empty).
    pub fn intersect(&self, o: &IRect) -> IRect {
        IRect {
            x0: self.x0.max(o.x0),
            y0: self.y0.max(o.y0),
            x1: self.x1.min(o.x1),
            y1: self.y1.min(o.y1),
        }
    }

    /// True when no pixel is inside.
    pub fn is_empty(&self) -> bool {
        self.x0 >= self.x1 || self.y0 >= self.y1
    }
}

/// A coverage mask placed in device pixels (one glyph, for instance).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mask {
    /// Device column of the mask's first column.
    pub left: i64,
    /// Device row of the mask's first row.
    pub top: i64,
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
    /// Row-major coverage, 0..=255.
    pub coverage: Vec<u8>,
}

/// One drawing operation. Colours are straight RGBA8.
#[derive(Debug, Clone, PartialEq)]
pub enum DrawOp {
    /// Fills whole pixels with a colour (snapped patches, colorbar cells).
    Rect {
        /// The pixels to fill.
        rect: IRect,
        /// The colour.
        color: [u8; 4],
    },
    /// Fills polygons (device coordinates) with the non-zero rule. Anti-aliased coverage as
    /// Agg computes it, or, when `antialiased` is false, every touched pixel fully.
    Polygons {
        /// Closed contours.
        contours: Vec<Vec<(f64, f64)>>,
        /// The colour.
        color: [u8; 4],
        /// Anti-aliased (true) or binary (false) coverage.
        antialiased: bool,
    },
    /// Blends a straight-RGBA8 image block with its top-left pixel at (`left`, `top`),
    /// clipped to `clip`.
    Image {
        /// Device column of the block's first column.
        left: i64,
        /// Device row of the block's first row.
        top: i64,
        /// Block width.
        width: usize,
        /// Block height.
        height: usize,
        /// Row-major straight RGBA8, `width * height * 4` bytes.
        rgba: Vec<u8>,
        /// Pixels outside are not touched.
        clip: IRect,
    },
    /// Composites coverage masks one after another in one colour (a run of glyphs).
    Masks {
        /// The masks, in drawing order.
        masks: Vec<Mask>,
        /// The colour.
        color: [u8; 4],
    },
    /// matplotlib's `RendererAgg::draw_path`, the whole pipeline in its order: the clip box
    /// (Agg's rounding, then geometric clipping of the outline in double precision; the
    /// canvas when `None`), NaN removal, clipping to the canvas ± 1 px (only without a
    /// fill), snapping, simplification (only without a fill, from 128 vertices of only
    /// MoveTo/LineTo, when `simplify`), curve flattening, then the fill, then the stroke
    /// (dashed first when it has dashes).
    ///
    /// One item of a path collection (`draw_path_collection`: scatter with per-point
    /// colours or sizes, fill_between) is this op with `simplify: false`, the marker path
    /// already offset to its sub-pixel position, and `fill: Some(..)` for every item when
    /// the collection has face colours (even an item whose face alpha is 0, so that the
    /// canvas clipping is off as in matplotlib). What it cannot express: a collection item
    /// with an invisible edge (alpha 0) but a width still snaps with that width.
    Path {
        /// The path, device pixels.
        path: Path,
        /// The face colour; `Some` whenever matplotlib's float face alpha is non-zero.
        fill: Option<[u8; 4]>,
        /// The edge; `None` when the line width is 0. An edge colour of alpha 0 stands for
        /// matplotlib's float alpha 0: snapping then ignores the width, as `draw_path` does.
        stroke: Option<Stroke>,
        /// The artist's clip rectangle.
        clip: Option<ClipBox>,
        /// The snapping mode.
        snap: Snap,
        /// matplotlib's `path.simplify` (rc and artist): the simplifier may run.
        simplify: bool,
        /// Anti-aliased coverage, or binary (every touched pixel fully).
        antialiased: bool,
        /// A hatch drawn between the fill and the stroke (the canvas clipping is then off).
        hatch: Option<Box<Hatch>>,
    },
    /// matplotlib's `RendererAgg::draw_markers`: `marker` (device pixels, centred on its
    /// anchor at (0, 0), y down: the marker transform times `scale(1, -1)`) is rasterized
    /// once, shifted by (0.5, 0.5) when it is not snapped, and stamped with its fill then
    /// its stroke at `(floor(x + 0.5), floor(y + 0.5))` of each finite position in order.
    /// Pixels outside the clip box (inclusive of its right and bottom edge, as Agg's
    /// renderer clip box is) are not touched. Always anti-aliased; dashes are ignored.
    Markers {
        /// The marker outline.
        marker: Path,
        /// The face colour, `None` when matplotlib's float face alpha is 0.
        fill: Option<[u8; 4]>,
        /// The edge (`markeredgewidth` px); `None` when that width is 0.
        stroke: Option<Stroke>,
        /// Anchor points, device pixels. Agg folds the +0.5 into its composed affine
        /// (`x*sx + y*shx + (tx + 0.5)`); the raster adds it to the device point, which
        /// can differ only when the two roundings straddle a whole pixel (a data line's
        /// markers give Agg's anchor less the half pixel, which round-trips exactly).
        positions: Vec<(f64, f64)>,
        /// The artist's clip rectangle.
        clip: Option<ClipBox>,
        /// The marker's snapping mode.
        snap: Snap,
    },
    /// matplotlib's `RendererAgg::draw_gouraud_triangles`: each triangle dilated by half a
    /// pixel, rasterized anti-aliased in the clip box and coloured by Agg's
    /// `span_gouraud_rgba` from its corners' colours, one triangle after another.
    Gouraud {
        /// The triangles, device pixels.
        triangles: Vec<GouraudTriangle>,
        /// The artist's clip rectangle.
        clip: Option<ClipBox>,
    },
}

/// A hatch of [`DrawOp::Path`]: `Path.hatch(pattern, 6)` in the unit square, rendered by
/// Agg into a `size_px` square tile (cleared to transparent white; the path filled, then
/// stroked `linewidth_px` wide with square caps, in `color`) that the path's pixels repeat
/// from the canvas origin.
#[derive(Debug, Clone, PartialEq)]
pub struct Hatch {
    /// The hatch path, unit-square coordinates (y up).
    pub path: Path,
    /// The hatch colour.
    pub color: [u8; 4],
    /// The hatch line width in pixels (`hatch.linewidth` points).
    pub linewidth_px: f64,
    /// The tile's side, `int(dpi)` pixels.
    pub size_px: usize,
}

/// One triangle of [`DrawOp::Gouraud`]: corners in device pixels and their straight RGBA8
/// colours (Agg's rounding of matplotlib's float colours).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GouraudTriangle {
    /// The corners.
    pub points: [(f64, f64); 3],
    /// The corners' colours.
    pub colors: [[u8; 4]; 3],
}

/// The whole figure as draw operations, plus the canvas it is drawn on.
#[derive(Debug, Clone, PartialEq)]
pub struct DrawList {
    /// Canvas width in pixels.
    pub width: usize,
    /// Canvas height in pixels.
    pub height: usize,
    /// Operations in drawing order.
    pub ops: Vec<DrawOp>,
}

/// One command of a [`Path`], matplotlib's `Path` codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathCode {
    /// Starts a sub-path at the vertex (`Path.MOVETO`, 1).
    MoveTo,
    /// A straight segment to the vertex (`Path.LINETO`, 2).
    LineTo,
    /// One of the two vertices of a quadratic Bézier: control point, end point
    /// (`Path.CURVE3`, 3).
    Curve3,
    /// One of the three vertices of a cubic Bézier: two control points, end point
    /// (`Path.CURVE4`, 4).
    Curve4,
    /// Closes the sub-path; the vertex is ignored (`Path.CLOSEPOLY`, 79).
    ClosePoly,
    /// Ends the path early; the vertex is ignored (`Path.STOP`, 0).
    Stop,
}

impl PathCode {
    /// The code of matplotlib's numeric value (0, 1, 2, 3, 4, 79); `None` for any other.
    #[cfg(test)]
    pub fn from_mpl(code: u8) -> Option<PathCode> {
        Some(match code {
            0 => PathCode::Stop,
            1 => PathCode::MoveTo,
            2 => PathCode::LineTo,
            3 => PathCode::Curve3,
            4 => PathCode::Curve4,
            79 => PathCode::ClosePoly,
            _ => return None,
        })
    }
}

/// A path in device pixels (x right, y down, origin top-left), matplotlib's path model:
/// vertices plus optional codes. Without codes the first vertex is a `MoveTo` and every
/// other a `LineTo` (and, as in matplotlib, non-finite vertices are removed by the faster
/// rule for code-less paths).
///
/// The vertices are what Agg's `conv_transform` hands on: matplotlib composes the artist's
/// affine with `scale(1, -1) * translate(0, H)` into one matrix, so a caller that wants
/// bit-identical coordinates computes `x*sx + y*shx + tx` and `x*shy' + y*sy' + ty'` with that
/// composed matrix (for an identity artist transform this is exactly `(x, H - y)`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Path {
    /// The vertices, device pixels. NaN or infinite vertices break the path as in matplotlib.
    pub vertices: Vec<(f64, f64)>,
    /// One code per vertex, or `None` for a polyline.
    pub codes: Option<Vec<PathCode>>,
}

impl Path {
    /// A polyline through `vertices` (no codes).
    #[cfg(test)]
    pub fn polyline(vertices: Vec<(f64, f64)>) -> Path {
        Path {
            vertices,
            codes: None,
        }
    }
}

/// matplotlib's snapping mode (`Artist.set_snap`: None, True, False).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Snap {
    /// `snap=None`: snap paths of at most 1024 vertices made only of horizontal and
    /// vertical segments (Agg's `SNAP_AUTO`).
    #[default]
    Auto,
    /// `snap=True`: snap every vertex, Bézier control points included.
    On,
    /// `snap=False`: never snap.
    Off,
}

/// How open stroke ends look (matplotlib's `CapStyle`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CapStyle {
    /// Ends at the end point.
    #[default]
    Butt,
    /// A half-disc past the end point.
    Round,
    /// A half-square past the end point ('projecting', Agg's `square_cap`).
    Projecting,
}

/// How stroke corners look (matplotlib's `JoinStyle`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum JoinStyle {
    /// Mitered up to a miter limit of the line width in pixels, bevelled past it (Agg's
    /// `miter_join_revert`).
    #[default]
    Miter,
    /// A circular arc.
    Round,
    /// Cut straight.
    Bevel,
}

/// A dash pattern in device pixels, as Agg's `conv_dash` receives it: matplotlib's
/// points times `dpi / 72.0` (computed as `v * (dpi / 72.0)`), Line2D's `lw` scaling
/// already applied. Restarts at every sub-path.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dashes {
    /// Where in the pattern the path starts, px.
    pub offset_px: f64,
    /// On, off, on, off, ... lengths, px (an odd count is walked twice, as matplotlib's
    /// dash converter does; at most 16 on/off pairs are used, as Agg).
    pub pattern_px: Vec<f64>,
}

/// A stroke: width, colour, caps, joins, dashes.
#[derive(Debug, Clone, PartialEq)]
pub struct Stroke {
    /// Line width in pixels (`linewidth_pt * dpi / 72.0`, computed in that order).
    pub width_px: f64,
    /// Straight RGBA8 (matplotlib's `uround(v * 255)` of the gc colour, alpha applied).
    pub color: [u8; 4],
    /// End caps.
    pub cap: CapStyle,
    /// Corner joins.
    pub join: JoinStyle,
    /// A dash pattern, or `None` for a solid line.
    pub dashes: Option<Dashes>,
}

/// An artist's clip rectangle in device pixels *before* Agg rounds it: matplotlib's clip
/// bbox `(x0, y0, x1, y1)` (display, y up) with each y replaced by `H - y`, so `y0` is
/// normally the lower edge on screen (the larger device y). The raster applies Agg's
/// `set_clipbox`: `max(floor(x0 + .5), 0)`, `max(floor(y0 + .5), 0)`,
/// `min(floor(x1 + .5), W)`, `min(floor(y1 + .5), H)`, then normalises.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClipBox {
    /// Device x of the bbox's x0.
    pub x0: f64,
    /// Device y of the bbox's y0 (`H - y0_display`).
    pub y0: f64,
    /// Device x of the bbox's x1.
    pub x1: f64,
    /// Device y of the bbox's y1 (`H - y1_display`).
    pub y1: f64,
}
