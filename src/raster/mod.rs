//! The raster: executes a [`DrawList`] on a straight-alpha RGBA8 canvas with Agg's coverage
//! and blending rules. It knows nothing about axes or figures.
//!
//! Paths and markers ([`DrawOp::Path`], [`DrawOp::Markers`]) go through matplotlib's
//! `draw_path` / `draw_markers` pipeline: [`pathconv`] (NaN removal, clipping, snapping,
//! simplification), [`curves`] (Bézier flattening), [`strokegen`] (dashes and strokes),
//! then [`cells`] (Agg's clipped anti-aliased rasterizer).
//! Just over 800 lines: the canvas, its bands and the dispatch of every draw op; the path
//! stages live in their own modules.

pub mod blend;
pub mod cells;
pub mod contains;
pub mod curves;
#[cfg(test)]
mod fixture_tests;
mod gouraud;
mod grid;
mod hatch;
pub mod pathconv;
mod pathdraw;
mod simplify_split;
mod start;
pub use pathdraw::{simplified_polyline, SIMPLIFIED_POLYLINE_MIN};
pub use simplify_split::simplified_polyline_xy;
pub(crate) use simplify_split::SPLIT_SIMPLIFY_MIN;
pub mod stroke;
pub mod strokegen;

#[cfg(test)]
use crate::scene::DrawList;
use crate::scene::{DrawOp, IRect, Mask};
use blend::copy_or_blend;
use cells::Rasterizer;
use rayon::prelude::*;

thread_local! {
    /// Each thread's rasterizer between draws, so that its cell lists are not allocated
    /// (and their pages faulted in) afresh for every render: a 20,000-point random walk's
    /// stroke has ~10^5 cells, and fresh pages were ~10% of its render.
    static KEPT_RASTERIZER: std::cell::Cell<Option<Rasterizer>> =
        const { std::cell::Cell::new(None) };
}

/// The most scratch memory a thread's kept rasterizer may hold (a longer path's is freed):
/// room for its grid and the one it takes over from a long stroke's second rasterizer
/// (`Rasterizer::absorb`), 8 MB each at most, which hands it back at the next such stroke.
const KEPT_RASTERIZER_BYTES: usize = 24 << 20;

/// Canvas bytes from which [`Canvas::draw_some_in_bands`] draws bands in parallel.
const PARALLEL_BAND_BYTES: usize = 256 << 10;

/// A straight-alpha RGBA8 pixel buffer, top row first.
#[derive(Debug, Clone)]
pub struct Canvas {
    width: usize,
    height: usize,
    data: Vec<u8>,
}

impl Canvas {
    /// A canvas cleared to (255, 255, 255, 0), as Agg clears matplotlib's.
    #[cfg(test)]
    pub fn new(width: usize, height: usize) -> Self {
        Self::filled(width, height, [255, 255, 255, 0])
    }

    /// A canvas with every pixel `color`.
    #[cfg(test)]
    fn filled(width: usize, height: usize, color: [u8; 4]) -> Self {
        Canvas {
            width,
            height,
            data: color.repeat(width * height),
        }
    }

    /// A `width` x `height` canvas that starts as `start` says, allocated fallibly: a
    /// canvas that cannot be allocated is `Error::Data("cannot allocate N bytes for the W x
    /// H canvas")`, not an abort.
    ///
    /// `memory` is written over instead when it has room for the canvas (a frame's pixels,
    /// given back for the next render: no fresh pages for the OS to clear).
    /// A fresh canvas is written by every thread when `all_threads`
    /// ([`start::Start::fresh_parallel`]), else by this one.
    fn try_started(
        width: usize,
        height: usize,
        start: &start::Start,
        memory: Vec<u8>,
        all_threads: bool,
    ) -> crate::Result<Self> {
        let what = || format!("the {width} x {height} canvas");
        let len = width
            .checked_mul(height)
            .and_then(|n| n.checked_mul(4))
            .ok_or_else(|| crate::alloc::error(width as u128 * height as u128 * 4, &what()))?;
        let data = if len > 0 && memory.capacity() >= len {
            let mut data = memory;
            data.resize(len, 0);
            start.write_over(&mut data, width);
            data
        } else {
            drop(memory);
            if all_threads {
                start.fresh_parallel(width, height, &what())?
            } else {
                start.fresh(width, height, &what())?
            }
        };
        Ok(Canvas {
            width,
            height,
            data,
        })
    }

    /// The pixels, row-major RGBA8.
    pub fn into_data(self) -> Vec<u8> {
        self.data
    }

    /// The bytes of rows `y0..y1` (`width * 4` a row); `None` past the canvas.
    pub fn rows_mut(&mut self, y0: usize, y1: usize) -> Option<&mut [u8]> {
        let stride = self.width * 4;
        self.data
            .get_mut(y0.checked_mul(stride)?..y1.checked_mul(stride)?)
    }

    /// The whole canvas as one band.
    fn band(&mut self) -> Band<'_> {
        Band {
            data: &mut self.data,
            width: self.width,
            height: self.height,
            y0: 0,
            y1: self.height as i64,
            failed: false,
        }
    }

    /// Executes every operation of `list` in order.
    #[cfg(test)]
    pub fn draw(&mut self, list: &DrawList) {
        self.band().draw_ops(list.ops.iter());
    }

    /// [`Canvas::draw`], failing when a path's stroke could not allocate the memory for its
    /// vertices (that stroke is then incomplete; everything else is drawn).
    #[cfg(test)]
    pub fn try_draw(&mut self, list: &DrawList) -> crate::Result<()> {
        let mut band = self.band();
        band.draw_ops(list.ops.iter());
        if band.failed {
            return Err(stroke_failed());
        }
        Ok(())
    }

    /// Executes the operations `ops[i]` for `i` in `order`, in that order; an error when a
    /// stroke could not be completed (see [`stroke_failed`]; everything else is drawn).
    pub fn draw_some(&mut self, ops: &[DrawOp], order: &[usize]) -> crate::Result<()> {
        let mut band = self.band();
        band.draw_ops(order.iter().filter_map(|&i| ops.get(i)));
        if band.failed {
            return Err(stroke_failed());
        }
        Ok(())
    }

    /// [`Canvas::draw_some`] with the canvas cut into bands of whole rows that are drawn in
    /// parallel, each with every operation in order (clipped to its rows), so every pixel
    /// gets the same operations in the same order: the same pixels. For what is drawn
    /// over a freshly resampled image (its copy, then spines and ticks): each band's rows
    /// stay in one core's cache from the copy to the strokes, where drawing the strokes
    /// after a parallel copy moved each of their cache lines between the cores (a
    /// vertical spine, ~9 µs warm, took ~40 µs there). A polygon that is not an
    /// axis-aligned rectangle is rasterized once a band: there are at most twice as many
    /// bands as threads.
    pub fn draw_some_in_bands(&mut self, ops: &[DrawOp], order: &[usize]) -> crate::Result<()> {
        let bands = 2 * rayon::current_num_threads();
        if self.data.len() < PARALLEL_BAND_BYTES || bands < 2 {
            return self.draw_some(ops, order);
        }
        if self.draw_in_bands(ops, order, bands) {
            return Err(stroke_failed());
        }
        Ok(())
    }

    /// [`Canvas::draw_some`] in about `bands` bands of rows, in parallel; whether a stroke
    /// failed in any band.
    fn draw_in_bands(&mut self, ops: &[DrawOp], order: &[usize], bands: usize) -> bool {
        let stride = self.width * 4;
        if stride == 0 || self.height == 0 {
            return false;
        }
        let rows_per_band = self.height.div_ceil(bands.max(1)).max(1);
        let (width, height) = (self.width, self.height);
        self.data
            .par_chunks_mut(rows_per_band * stride)
            .with_max_len(1)
            .enumerate()
            .map(|(b, data)| {
                let y0 = (b * rows_per_band) as i64;
                let y1 = y0 + (data.len() / stride) as i64;
                let mut band = Band {
                    data,
                    width,
                    height,
                    y0,
                    y1,
                    failed: false,
                };
                band.draw_ops(order.iter().filter_map(|&i| ops.get(i)));
                band.failed
            })
            .reduce(|| false, |a, b| a | b)
    }
}

/// Rows `y0..y1` of a canvas `width` pixels wide (`data` holds exactly them): the whole
/// canvas, or one band of it drawn alongside the others. Drawing clips to these rows;
/// coordinates are the canvas's.
struct Band<'a> {
    data: &'a mut [u8],
    width: usize,
    /// The whole canvas's height (the band may be fewer rows): with the width, Agg's clip
    /// box for paths.
    height: usize,
    y0: i64,
    y1: i64,
    /// A path or marker op could not store its vertices (the rest was drawn).
    failed: bool,
}

impl Band<'_> {
    fn bounds(&self) -> IRect {
        IRect {
            x0: 0,
            y0: self.y0,
            x1: self.width as i64,
            y1: self.y1,
        }
    }

    /// The band's rows above `y` and the others, as two bands (`y0 < y < y1`).
    fn split_at(&mut self, y: i64) -> (Band<'_>, Band<'_>) {
        let at = self.row(y.clamp(self.y0, self.y1)).min(self.data.len());
        let (a, b) = self.data.split_at_mut(at);
        let band = |data, y0, y1| Band {
            data,
            width: self.width,
            height: self.height,
            y0,
            y1,
            failed: false,
        };
        (band(a, self.y0, y), band(b, y, self.y1))
    }

    /// Where canvas row `y` (one of the band's) starts in `data`.
    fn row(&self, y: i64) -> usize {
        (y - self.y0) as usize * self.width * 4
    }

    /// Blends `len` pixels of row `y` from column `x` with one colour and coverage.
    fn span(&mut self, y: i64, x: i64, len: i64, color: [u8; 4], cover: u8) {
        if y < self.y0 || y >= self.y1 {
            return;
        }
        let x0 = x.max(0);
        let x1 = (x + len).min(self.width as i64);
        if x0 >= x1 {
            return;
        }
        let row = self.row(y);
        let pixels = &mut self.data[row + x0 as usize * 4..row + x1 as usize * 4];
        if color[3] == 255 && cover == 255 {
            // Opaque at full cover: a copy (the common case of patches), as a plain fill.
            for px in pixels.chunks_exact_mut(4) {
                px.copy_from_slice(&color);
            }
        } else {
            for px in pixels.chunks_exact_mut(4) {
                copy_or_blend(px, color, cover);
            }
        }
    }

    fn rect(&mut self, r: &IRect, color: [u8; 4]) {
        let r = r.intersect(&self.bounds());
        for y in r.y0..r.y1 {
            self.span(y, r.x0, r.x1 - r.x0, color, 255);
        }
    }

    fn polygons(
        &mut self,
        ras: &mut Rasterizer,
        contours: &[Vec<(f64, f64)>],
        color: [u8; 4],
        aa: bool,
    ) {
        let cover = |c: u8| if aa { c } else { 255 };
        if let [rect] = contours {
            let rows = self.y0..self.y1;
            let mut span = |y, x, len, c| self.span(y, x, len, color, cover(c));
            if cells::axis_rect_spans(rect, rows, &mut span) {
                return;
            }
        }
        ras.reset();
        // matplotlib clips every path to the canvas in the rasterizer; that only changes
        // cells when a contour leaves it, so contours inside take the plain path.
        let (w, h) = (self.width as f64, self.height as f64);
        let inside = |c: &Vec<(f64, f64)>| {
            c.iter()
                .all(|&(x, y)| (0.0..=w).contains(&x) && (0.0..=h).contains(&y))
        };
        for c in contours {
            if inside(c) {
                ras.polygon(c);
            } else {
                ras.polygon_clipped(c, (0.0, 0.0, w, h));
            }
        }
        ras.sweep(|y, x, len, c| self.span(y, x, len, color, cover(c)));
    }

    fn image(
        &mut self,
        left: i64,
        top: i64,
        width: usize,
        height: usize,
        rgba: &[u8],
        clip: &IRect,
    ) {
        let r = IRect {
            x0: left,
            y0: top,
            x1: left + width as i64,
            y1: top + height as i64,
        }
        .intersect(clip)
        .intersect(&self.bounds());
        if r.is_empty() || rgba.len() < width * height * 4 {
            return;
        }
        let n = (r.x1 - r.x0) as usize * 4;
        for y in r.y0..r.y1 {
            let s = (y - top) as usize * width * 4 + (r.x0 - left) as usize * 4;
            let d = self.row(y) + r.x0 as usize * 4;
            let (src, dst) = (&rgba[s..s + n], &mut self.data[d..d + n]);
            // All alphas 255, tested without an early exit so that it vectorises.
            if src.chunks_exact(4).fold(255, |m, c| m & c[3]) == 255 {
                // An opaque row is copied pixel for pixel by copy_or_blend anyway.
                dst.copy_from_slice(src);
            } else {
                for (p, c) in dst.chunks_exact_mut(4).zip(src.chunks_exact(4)) {
                    copy_or_blend(p, [c[0], c[1], c[2], c[3]], 255);
                }
            }
        }
    }

    fn mask(&mut self, m: &Mask, color: [u8; 4]) {
        let r = IRect {
            x0: m.left,
            y0: m.top,
            x1: m.left + m.width as i64,
            y1: m.top + m.height as i64,
        }
        .intersect(&self.bounds());
        for y in r.y0..r.y1 {
            let src_row = (y - m.top) as usize * m.width;
            let dst_row = self.row(y);
            for x in r.x0..r.x1 {
                let cov = m.coverage[src_row + (x - m.left) as usize];
                if cov != 0 {
                    // Agg copies an opaque colour at full cover (`copy_or_blend_pix`,
                    // `blend_solid_hspan`); blending would round it down over a darker
                    // pixel (a contour label over its neighbour layer).
                    let d = dst_row + x as usize * 4;
                    blend::copy_or_blend(&mut self.data[d..d + 4], color, cov);
                }
            }
        }
    }

    fn draw_ops<'a>(&mut self, ops: impl Iterator<Item = &'a DrawOp>) {
        let mut ras = KEPT_RASTERIZER.take().unwrap_or_default();
        self.draw_ops_with(&mut ras, ops);
        ras.clip_box(None);
        ras.reset();
        if ras.scratch_bytes() <= KEPT_RASTERIZER_BYTES {
            KEPT_RASTERIZER.set(Some(ras));
        }
    }

    fn draw_ops_with<'a>(&mut self, ras: &mut Rasterizer, ops: impl Iterator<Item = &'a DrawOp>) {
        for op in ops {
            match op {
                DrawOp::Rect { rect, color } => self.rect(rect, *color),
                DrawOp::Polygons {
                    contours,
                    color,
                    antialiased,
                } => self.polygons(ras, contours, *color, *antialiased),
                DrawOp::Image {
                    left,
                    top,
                    width,
                    height,
                    rgba,
                    clip,
                } => self.image(*left, *top, *width, *height, rgba, clip),
                DrawOp::Masks { masks, color } => {
                    for m in masks {
                        self.mask(m, *color);
                    }
                }
                DrawOp::Path {
                    path,
                    fill,
                    stroke,
                    clip,
                    snap,
                    simplify,
                    antialiased,
                    hatch,
                } => {
                    let op = pathdraw::PathOp {
                        path,
                        fill: *fill,
                        stroke: stroke.as_ref(),
                        clip: clip.as_ref(),
                        snap: *snap,
                        simplify: *simplify,
                        antialiased: *antialiased,
                        hatch: hatch.as_deref(),
                    };
                    // An allocation failure leaves the stroke partly drawn; see try_draw.
                    self.failed |= self.draw_path(ras, &op).is_err();
                }
                DrawOp::Markers {
                    marker,
                    fill,
                    stroke,
                    positions,
                    clip,
                    snap,
                } => {
                    let op = pathdraw::MarkersOp {
                        marker,
                        fill: *fill,
                        stroke: stroke.as_ref(),
                        positions,
                        clip: clip.as_ref(),
                        snap: *snap,
                    };
                    self.failed |= self.draw_markers(ras, &op).is_err();
                }
                DrawOp::Gouraud { triangles, clip } => {
                    self.draw_gouraud(ras, triangles, clip.as_ref());
                }
            }
        }
    }
}

/// Rasterizes a draw list into a fresh canvas.
#[cfg(test)]
pub fn rasterize(list: &DrawList) -> Canvas {
    let all: Vec<usize> = (0..list.ops.len()).collect();
    rasterize_some(list.width, list.height, &list.ops, &all, Vec::new()).expect("canvas allocation")
}

/// Rasterizes the operations `ops[i]`, `i` in `order`, into a `width` x `height` canvas:
/// `memory` when it has room for it (written over), else a fresh allocation.
///
/// When the first of them is an opaque rectangle over the whole canvas (a figure's
/// background), the canvas starts in its colour, and the opaque rectangles right after it
/// (the Axes' patches) are painted in the same pass ([`start`]): each is a copy onto its
/// pixels, so the result is the same with one pass over the memory instead of several. A
/// canvas that cannot be allocated is an error.
pub fn rasterize_some(
    width: usize,
    height: usize,
    ops: &[DrawOp],
    order: &[usize],
    memory: Vec<u8>,
) -> crate::Result<Canvas> {
    rasterize_some_on(width, height, ops, order, memory, false)
}

/// [`rasterize_some`] for a render that waits for it: a fresh canvas is started by every
/// thread ([`start::Start::fresh_parallel`]) instead of by this one beside other work.
pub fn rasterize_some_waited(
    width: usize,
    height: usize,
    ops: &[DrawOp],
    order: &[usize],
    memory: Vec<u8>,
) -> crate::Result<Canvas> {
    rasterize_some_on(width, height, ops, order, memory, true)
}

fn rasterize_some_on(
    width: usize,
    height: usize,
    ops: &[DrawOp],
    order: &[usize],
    memory: Vec<u8>,
    all_threads: bool,
) -> crate::Result<Canvas> {
    let full = IRect {
        x0: 0,
        y0: 0,
        x1: width as i64,
        y1: height as i64,
    };
    let (start, order) = start::Start::of(ops, order, &full);
    let mut canvas = Canvas::try_started(width, height, &start, memory, all_threads)?;
    canvas.draw_some(ops, order)?;
    Ok(canvas)
}

/// The error for a stroke that could not be completed: the memory for its outline's
/// vertices was refused, or its dash pattern cut it into more than
/// [`strokegen::MAX_DASH_ENDS`] dashes (where matplotlib's Agg raises "Exceeded cell block
/// limit").
fn stroke_failed() -> crate::Error {
    crate::Error::Data(format!(
        "a stroke could not be drawn: the memory for its outline was refused, or its dash pattern cuts it into more than {} dashes (matplotlib: \"Exceeded cell block limit\")",
        strokegen::MAX_DASH_ENDS
    ))
}

/// A rectangle containing no pixel, and below (min) or above (max) any other bound: the
/// start of a bounding-box fold.
const NOWHERE: IRect = IRect {
    x0: i64::MAX,
    y0: i64::MAX,
    x1: i64::MIN,
    y1: i64::MIN,
};

/// A rectangle containing every pixel any operation could touch.
const EVERYWHERE: IRect = IRect {
    x0: i64::MIN,
    y0: i64::MIN,
    x1: i64::MAX,
    y1: i64::MAX,
};

/// A rectangle containing every pixel `op` may touch (before clipping to a canvas).
pub fn op_bounds(op: &DrawOp) -> IRect {
    match op {
        DrawOp::Rect { rect, .. } => *rect,
        DrawOp::Image {
            left,
            top,
            width,
            height,
            clip,
            ..
        } => IRect {
            x0: *left,
            y0: *top,
            x1: left.saturating_add(*width as i64),
            y1: top.saturating_add(*height as i64),
        }
        .intersect(clip),
        DrawOp::Masks { masks, .. } => masks.iter().fold(NOWHERE, |b, m| IRect {
            x0: b.x0.min(m.left),
            y0: b.y0.min(m.top),
            x1: b.x1.max(m.left.saturating_add(m.width as i64)),
            y1: b.y1.max(m.top.saturating_add(m.height as i64)),
        }),
        DrawOp::Path { clip, .. } | DrawOp::Markers { clip, .. } | DrawOp::Gouraud { clip, .. } => {
            match clip {
                // Agg's rounded clip box (each edge is its rounded value or a clamp to 0 or to
                // the canvas, never beyond the rounded values and 0), one pixel wider for the
                // markers' inclusive box.
                Some(c)
                    if [c.x0, c.y0, c.x1, c.y1].iter().all(|v| v.is_finite())
                        && [c.x0, c.y0, c.x1, c.y1].iter().any(|v| *v != 0.0) =>
                {
                    let r = |v: f64| (v + 0.5).floor() as i64;
                    let lo = |a: f64, b: f64| r(a).min(r(b)).min(0).saturating_sub(1);
                    let hi = |a: f64, b: f64| r(a).max(r(b)).max(0).saturating_add(2);
                    IRect {
                        x0: lo(c.x0, c.x1),
                        y0: lo(c.y0, c.y1),
                        x1: hi(c.x0, c.x1),
                        y1: hi(c.y0, c.y1),
                    }
                }
                _ => EVERYWHERE,
            }
        }
        DrawOp::Polygons { contours, .. } => {
            let pts = contours.iter().flatten();
            let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
            for &(x, y) in pts {
                if !(x.is_finite() && y.is_finite()) {
                    return EVERYWHERE;
                }
                (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
            }
            if x0 > x1 {
                return NOWHERE;
            }
            // Cells lie in the pixels of the (rounded) vertices' extent; one pixel of margin
            // each side covers the rounding.
            let lo = |v: f64| (v.floor() as i64).saturating_sub(1);
            let hi = |v: f64| (v.floor() as i64).saturating_add(2);
            IRect {
                x0: lo(x0),
                y0: lo(y0),
                x1: hi(x1),
                y1: hi(y1),
            }
        }
    }
}

/// Splits the drawing of `ops` while the operations at `pending` (ascending indices) are
/// not ready: returns `(now, later)`, each in list order, with every pending operation
/// later. Another operation goes now unless it may touch a pixel that a pending operation,
/// or one already put later, may touch; so every pixel still receives its operations in
/// list order, and drawing `now` then `later` gives the same canvas as drawing the list.
pub fn schedule(ops: &[DrawOp], pending: &[usize]) -> (Vec<usize>, Vec<usize>) {
    let (mut now, mut later) = (Vec::new(), Vec::new());
    let mut blocked: Vec<IRect> = Vec::new();
    for (i, op) in ops.iter().enumerate() {
        let b = op_bounds(op);
        if pending.contains(&i) || blocked.iter().any(|r| !r.intersect(&b).is_empty()) {
            later.push(i);
            blocked.push(b);
        } else {
            now.push(i);
        }
    }
    (now, later)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const W: usize = 24;
    const H: usize = 18;

    fn color() -> impl Strategy<Value = [u8; 4]> {
        (
            any::<u8>(),
            any::<u8>(),
            any::<u8>(),
            prop_oneof![Just(255u8), any::<u8>()],
        )
            .prop_map(|(r, g, b, a)| [r, g, b, a])
    }

    fn rect() -> impl Strategy<Value = IRect> {
        (-4i64..28, -4i64..22, 0i64..14, 0i64..14).prop_map(|(x0, y0, w, h)| IRect {
            x0,
            y0,
            x1: x0 + w,
            y1: y0 + h,
        })
    }

    /// Operations of every kind, partly off the canvas.
    fn stroke() -> impl Strategy<Value = Option<crate::scene::Stroke>> {
        use crate::scene::{CapStyle, Dashes, JoinStyle, Stroke};
        let cap = prop_oneof![
            Just(CapStyle::Butt),
            Just(CapStyle::Round),
            Just(CapStyle::Projecting)
        ];
        let join = prop_oneof![
            Just(JoinStyle::Miter),
            Just(JoinStyle::Round),
            Just(JoinStyle::Bevel)
        ];
        prop::option::of((0.3..5.0f64, color(), cap, join, any::<bool>()).prop_map(
            |(w, color, cap, join, d)| Stroke {
                width_px: w,
                color,
                cap,
                join,
                dashes: d.then(|| Dashes {
                    offset_px: 1.5,
                    pattern_px: vec![3.0, 2.0],
                }),
            },
        ))
    }

    fn clip_box() -> impl Strategy<Value = Option<crate::scene::ClipBox>> {
        prop::option::of(
            (-5.0..30.0f64, -5.0..25.0f64, -5.0..30.0f64, -5.0..25.0f64)
                .prop_map(|(x0, y0, x1, y1)| crate::scene::ClipBox { x0, y0, x1, y1 }),
        )
    }

    fn snap() -> impl Strategy<Value = crate::scene::Snap> {
        use crate::scene::Snap;
        prop_oneof![Just(Snap::Auto), Just(Snap::On), Just(Snap::Off)]
    }

    fn op() -> impl Strategy<Value = DrawOp> {
        use crate::scene::Path;
        let point = (-3.0..27.0f64, -3.0..21.0f64);
        let path_op = (
            prop::collection::vec(point.clone(), 2..7),
            prop::option::of(color()),
            stroke(),
            clip_box(),
            snap(),
            any::<bool>(),
        )
            .prop_map(
                |(pts, fill, stroke, clip, snap, antialiased)| DrawOp::Path {
                    path: Path::polyline(pts),
                    fill,
                    stroke,
                    clip,
                    snap,
                    simplify: true,
                    antialiased,
                    hatch: None,
                },
            );
        let markers_op = (
            prop::collection::vec((-3.0..27.0f64, -3.0..21.0f64), 0..5),
            prop::option::of(color()),
            stroke(),
            clip_box(),
            snap(),
        )
            .prop_map(|(positions, fill, stroke, clip, snap)| DrawOp::Markers {
                marker: Path::polyline(vec![(-2.5, -2.5), (2.5, -2.5), (0.0, 3.0), (-2.5, -2.5)]),
                fill,
                stroke,
                positions,
                clip,
                snap,
            });
        prop_oneof![
            path_op,
            markers_op,
            (rect(), color()).prop_map(|(rect, color)| DrawOp::Rect { rect, color }),
            (
                prop::collection::vec(prop::collection::vec(point, 3..6), 1..3),
                color(),
                any::<bool>()
            )
                .prop_map(|(contours, color, antialiased)| DrawOp::Polygons {
                    contours,
                    color,
                    antialiased
                }),
            (rect(), rect(), any::<u8>()).prop_map(|(r, clip, seed)| {
                let (width, height) = ((r.x1 - r.x0) as usize, (r.y1 - r.y0) as usize);
                let rgba = (0..width * height * 4)
                    .map(|i| (i as u8).wrapping_mul(37).wrapping_add(seed))
                    .collect();
                DrawOp::Image {
                    left: r.x0,
                    top: r.y0,
                    width,
                    height,
                    rgba,
                    clip,
                }
            }),
            (prop::collection::vec(rect(), 1..3), color()).prop_map(|(rects, color)| {
                let masks = rects
                    .iter()
                    .map(|r| {
                        let (width, height) = ((r.x1 - r.x0) as usize, (r.y1 - r.y0) as usize);
                        Mask {
                            left: r.x0,
                            top: r.y0,
                            width,
                            height,
                            coverage: (0..width * height).map(|i| (i * 53) as u8).collect(),
                        }
                    })
                    .collect();
                DrawOp::Masks { masks, color }
            }),
        ]
    }

    fn list(ops: Vec<DrawOp>) -> DrawList {
        DrawList {
            width: W,
            height: H,
            ops,
        }
    }

    /// A coordinate for rectangle tests: whole and half pixels, 1/256 steps near them,
    /// arbitrary fractions, and some outside the canvas.
    fn coord(max: f64) -> impl Strategy<Value = f64> {
        prop_oneof![
            (-3i32..(max as i32 + 3)).prop_map(f64::from),
            (-3i32..(max as i32 + 3)).prop_map(|v| f64::from(v) + 0.5),
            ((-3i32..(max as i32 + 3)), -3i32..=3)
                .prop_map(|(v, k)| f64::from(v) + f64::from(k) / 256.0),
            -3.0..(max + 3.0),
        ]
    }

    proptest! {
        /// An axis-aligned rectangle drawn through `cells::axis_rect_spans` gives the
        /// rasterizer's pixels: both orientations, every starting vertex, anti-aliased or
        /// not, over a background.
        #[test]
        fn axis_rect_spans_match_the_rasterizer(
            x0 in coord(W as f64),
            x1 in coord(W as f64),
            y0 in coord(H as f64),
            y1 in coord(H as f64),
            start in 0usize..4,
            reverse in any::<bool>(),
            color in color(),
            antialiased in any::<bool>(),
        ) {
            let mut pts = vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1)];
            if reverse {
                pts.reverse();
            }
            pts.rotate_left(start);
            let background = DrawOp::Rect {
                rect: IRect { x0: 0, y0: 0, x1: W as i64, y1: H as i64 },
                color: [200, 100, 50, 120],
            };
            let draw = |contours: Vec<Vec<(f64, f64)>>| {
                let op = DrawOp::Polygons { contours, color, antialiased };
                rasterize(&list(vec![background.clone(), op])).into_data()
            };
            // With a second (empty) contour the general rasterizer runs.
            let fast = draw(vec![pts.clone()]);
            let general = draw(vec![pts, Vec::new()]);
            prop_assert_eq!(fast, general);
        }

        /// Drawing in bands of rows gives the pixels of drawing the whole canvas.
        #[test]
        fn bands_draw_the_same_pixels(
            ops in prop::collection::vec(op(), 0..6),
            bands in 1usize..8,
        ) {
            let order: Vec<usize> = (0..ops.len()).collect();
            let mut whole = Canvas::new(W, H);
            whole.draw_some(&ops, &order).expect("drawn");
            let mut banded = Canvas::new(W, H);
            banded.draw_in_bands(&ops, &order, bands);
            prop_assert_eq!(whole.data, banded.data);
        }

        /// Every pixel an operation changes lies in its bounds.
        #[test]
        fn op_bounds_contain_every_changed_pixel(op in op()) {
            let before = Canvas::new(W, H);
            let after = rasterize(&list(vec![op.clone()]));
            let b = op_bounds(&op);
            for y in 0..H {
                for x in 0..W {
                    let i = (y * W + x) * 4;
                    if before.data[i..i + 4] != after.data[i..i + 4] {
                        let (x, y) = (x as i64, y as i64);
                        prop_assert!(
                            b.x0 <= x && x < b.x1 && b.y0 <= y && y < b.y1,
                            "pixel ({x}, {y}) changed outside {b:?}"
                        );
                    }
                }
            }
        }

        /// Drawing what `schedule` puts now, then what it puts later, equals drawing the
        /// list in order, whatever operations are pending.
        #[test]
        fn schedule_keeps_the_canvas(
            ops in prop::collection::vec(op(), 0..8),
            pending_mask in any::<u8>(),
            background in any::<bool>(),
        ) {
            let mut ops = ops;
            if background {
                ops.insert(0, DrawOp::Rect {
                    rect: IRect { x0: -1, y0: 0, x1: W as i64, y1: H as i64 + 3 },
                    color: [10, 20, 30, 255],
                });
            }
            let pending: Vec<usize> =
                (0..ops.len()).filter(|i| pending_mask & (1 << (i % 8)) != 0).collect();
            let (now, later) = schedule(&ops, &pending);
            let mut all: Vec<usize> = now.iter().chain(&later).copied().collect();
            all.sort_unstable();
            prop_assert_eq!(all, (0..ops.len()).collect::<Vec<_>>());
            prop_assert!(pending.iter().all(|i| later.contains(i)));
            let mut split = rasterize_some(W, H, &ops, &now, Vec::new()).unwrap();
            split.draw_some(&ops, &later).expect("drawn");
            let mut whole = Canvas::new(W, H);
            whole.draw(&list(ops.clone()));
            prop_assert_eq!(split.data, whole.data);
        }
    }

    #[test]
    fn an_opaque_background_starts_the_canvas() {
        let ops = vec![DrawOp::Rect {
            rect: IRect {
                x0: -5,
                y0: -5,
                x1: 50,
                y1: 50,
            },
            color: [1, 2, 3, 255],
        }];
        let canvas = rasterize(&list(ops));
        assert!(canvas.data.chunks(4).all(|p| p == [1, 2, 3, 255]));
        assert!(rasterize_some(W, H, &[], &[], Vec::new())
            .unwrap()
            .data
            .chunks(4)
            .all(|p| p == [255, 255, 255, 0]));
    }

    #[test]
    fn given_memory_is_written_over() {
        let start = start::Start {
            color: [5, 6, 7, 8],
            rects: vec![],
        };
        // Whatever its length within its capacity.
        for (len, cap) in [
            (0, 300 * 400 * 4),
            (7, 480_004),
            (480_000, 480_000),
            (9, 10),
        ] {
            let mut memory = Vec::with_capacity(cap);
            memory.resize(len, 9u8);
            let c = Canvas::try_started(300, 400, &start, memory, len == 7).unwrap();
            assert_eq!(c.data, [5, 6, 7, 8].repeat(300 * 400));
            let small = Canvas::try_started(3, 2, &start, c.data, len == 9).unwrap();
            assert_eq!(small.data, [5, 6, 7, 8].repeat(6));
        }
    }

    #[test]
    fn non_finite_polygons_are_bounded_by_everything() {
        let op = DrawOp::Polygons {
            contours: vec![vec![(0.0, 0.0), (f64::NAN, 1.0), (2.0, 2.0)]],
            color: [0, 0, 0, 255],
            antialiased: true,
        };
        assert_eq!(op_bounds(&op), EVERYWHERE);
    }
}
