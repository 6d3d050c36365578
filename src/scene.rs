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
