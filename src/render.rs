//! Lowering a laid-out figure to a draw list, and the [`Renderer`] that runs the pipeline
//! (model -> layout -> draw list -> raster -> frame) with caches kept between frames.
//! Over 800 lines: the lowering of every decoration of the imshow figure plus the Axes'
//! artists in z-order (the artists lower in `artists/`), and the render's schedule
//! (`Renderer::render_pass`: which stage runs beside which; its parts in `render/`).

use crate::artists::{grid, legend, paint, DrawCtx, GridOptions, TickDirection};
use crate::color::Norm;
use crate::color::{colormap_rgba8, lut_indices_scanned, AsScalarData, DirectIndices, ScalarData};
use crate::colorbar::Orientation;
use crate::figure::Figure;
use crate::frame::Frame;
use crate::image::Image;
use crate::layout::{self, AxesLayout, AxisLayout, Bbox, ColorbarLayout, Layout, Side, TextItem};
use crate::raster;
use crate::raster::stroke::{stroke, Cap};
use crate::resample::{self, Interpolation, Stage, DEFAULT_FILTERRAD};
use crate::scene::{
    CapStyle, DrawList, DrawOp, IRect, JoinStyle, Mask, Path, PathCode, Snap, Stroke,
};
use crate::style::pt_to_px;
use crate::text::{GlyphCache, GlyphMaskRef, PlacedBlock};
use crate::Result;
use ndarray::Array2;

mod early;
mod image_alpha;
mod straight;

use early::EarlyIndices;

/// Runs the rendering pipeline and keeps what can be reused between frames (shaped text
/// and glyph bitmaps). Rendering the same kind of figure many times (video frames, a
/// server) through one `Renderer` skips all glyph work after the first frame.
///
/// ```
/// use figbuf::{Figure, Renderer};
/// let mut renderer = Renderer::new();
/// let mut fig = Figure::new(3.0, 2.0, 100.0);
/// let ax = fig.add_subplot();
/// fig[ax].imshow(&ndarray::Array2::<f64>::eye(8))?;
/// for _ in 0..3 {
///     let frame = renderer.render(&fig)?;
///     assert_eq!(frame.width(), 300);
/// }
/// # Ok::<(), figbuf::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct Renderer {
    glyphs: GlyphCache,
    /// The LUT-index arrays of the last render's colour-mapped images (4 bytes a data
    /// pixel), written again by the next one: a fresh 4096² array costs the kernel's
    /// zeroing of 64 MiB of new pages every render (a quarter of such a render's time).
    index_buffers: Vec<Vec<u32>>,
}

impl Renderer {
    /// A renderer with empty caches.
    pub fn new() -> Self {
        Self::default()
    }

    /// Lays `fig` out.
    pub(crate) fn layout(&mut self, fig: &Figure) -> Result<Layout> {
        layout::layout(fig, &mut self.glyphs)
    }

    /// Renders `fig` to a frame.
    ///
    /// The whole render runs on rayon's thread pool, so that its parallel stages (the
    /// colour-map indices, the resampling, the bands drawn over the image) start from a
    /// worker thread instead of each handing work over from the caller's thread and
    /// sleeping until it is done: measured 1.34 -> 1.29 ms for the default figure on two
    /// threads. (Images are autoscaled at `imshow`, as matplotlib does.)
    pub fn render(&mut self, fig: &Figure) -> Result<Frame> {
        self.render_reusing(fig, Vec::new())
    }

    /// Renders `fig` into `frame`, reusing its memory: the same pixels as
    /// [`Renderer::render`], without the fresh allocation (whose pages the OS clears on
    /// first touch: a 3840 x 2160 frame is 33 MB) when `frame` is at least as large. This
    /// is how matplotlib redraws a canvas of unchanged size into the buffer it keeps.
    ///
    /// ```
    /// use figbuf::{Figure, Renderer};
    /// let mut renderer = Renderer::new();
    /// let mut fig = Figure::new(3.0, 2.0, 100.0);
    /// let ax = fig.add_subplot();
    /// fig[ax].imshow(&ndarray::Array2::<f64>::eye(8))?;
    /// let mut frame = renderer.render(&fig)?;
    /// for _ in 0..3 {
    ///     renderer.render_into(&fig, &mut frame)?;
    ///     assert_eq!(frame, renderer.render(&fig)?);
    /// }
    /// # Ok::<(), figbuf::Error>(())
    /// ```
    ///
    /// Errors: those of [`Renderer::render`]; `frame` is then left empty (0 x 0).
    pub fn render_into(&mut self, fig: &Figure, frame: &mut Frame) -> Result<()> {
        let memory = frame.take_data();
        *frame = self.render_reusing(fig, memory)?;
        Ok(())
    }

    /// [`Renderer::render`] into `memory` when it is large enough (else a fresh canvas).
    fn render_reusing(&mut self, fig: &Figure, memory: Vec<u8>) -> Result<Frame> {
        // Shared axes as matplotlib has them (src/share.rs).
        let resolved = fig.resolved();
        let fig: &Figure = &resolved;
        // The caches are bounded: a long-running renderer drawing ever new titles, sizes
        // or dpis starts them afresh past MAX_CACHED_GLYPH_ENTRIES (issue 18's load test).
        if self.glyphs.entries() > MAX_CACHED_GLYPH_ENTRIES {
            self.glyphs.clear();
        }
        match self.render_pass(fig, memory, true)? {
            Ok(frame) => Ok(frame),
            // An image meant to be written straight into the canvas met a colour that is
            // not opaque: the usual way (which never asks to start over).
            Err(memory) => self.render_pass(fig, memory, false)?.map_err(|_| {
                crate::Error::Data("the render asked to start over a second time".into())
            }),
        }
    }

    /// One render into `memory` (see [`Renderer::render_reusing`]); with `straight`, an
    /// image may be resampled straight into the canvas ([`straight`]), and `Err(memory)`
    /// asks for a render without (that image met a colour that is not opaque).
    fn render_pass(
        &mut self,
        fig: &Figure,
        memory: Vec<u8>,
        straight: bool,
    ) -> Result<std::result::Result<Frame, Vec<u8>>> {
        let mut buffers = std::mem::take(&mut self.index_buffers);
        let frame = rayon::scope(|_| {
            let _render = crate::pool::enter_render();
            // The layout and the lowering, while the other thread writes the images' LUT
            // indices (they need neither: early.rs).
            let laid = std::sync::OnceLock::new();
            let (laid, glyphs) = (&laid, &mut self.glyphs);
            let mut lower = move || {
                let lay = layout::layout(fig, glyphs)?;
                let lay = laid.get_or_init(move || lay);
                lower_deferred(fig, lay, glyphs)
            };
            let (lowered, mut early) = if EarlyIndices::wanted(fig) {
                rayon::join(lower, || EarlyIndices::of(fig, &mut buffers))
            } else {
                (lower(), EarlyIndices::default())
            };
            let (mut list, images) = lowered?;
            // The canvas is checked before anything is drawn: a refused allocation is an
            // error, not an abort.
            crate::alloc::probe(
                list.width as u128 * list.height as u128 * 4,
                &format!("the {} x {} canvas", list.width, list.height),
            )?;
            // The images are resampled while the operations that cannot touch their pixels
            // (nor those of anything drawn after them) are rasterized; the rest follow.
            let pending: Vec<usize> = images.iter().map(|(i, _)| *i).collect();
            let (now, later) = raster::schedule(&list.ops, &pending);
            let (w, h) = (list.width, list.height);
            let candidate = straight
                .then(|| straight::Candidate::of(&list.ops, &images, &later, w, h, &early))
                .flatten();
            let mut memory = Some(memory);
            let mut rasterize = |waited: bool| {
                let memory = memory.take().unwrap_or_default();
                match waited {
                    true => raster::rasterize_some_waited(w, h, &list.ops, &now, memory),
                    false => raster::rasterize_some(w, h, &list.ops, &now, memory),
                }
            };
            // A canvas drawn while the straight image's filter was planned, when the plan
            // turned out not to write into it.
            let mut drawn = None;
            let mut straight_image = None;
            match candidate {
                // Planned first (the indices come from the data), the usual way if the plan
                // does not write into lines.
                Some(c) if c.large() => {
                    straight_image = c.finish(&mut early);
                    if straight_image.is_some() {
                        drawn = Some(rasterize(true)?);
                    }
                }
                // Planned while the canvas's first pass is drawn.
                Some(c) => {
                    let (s, canvas) = rayon::join(|| c.finish(&mut early), || rasterize(true));
                    straight_image = s;
                    drawn = Some(canvas?);
                }
                None => {}
            }
            if let (Some(s), Some(mut canvas)) = (straight_image, drawn.take()) {
                // The canvas's first pass, then the image into it, then the rest.
                if !s.draw(&mut canvas, w)? {
                    return Ok(Err(canvas.into_data()));
                }
                canvas.draw_some_in_bands(&list.ops, later.get(1..).unwrap_or_default())?;
                buffers.extend(s.into_buffer());
                give_back(&mut buffers, early);
                return Frame::from_rgba8(w, h, fig.dpi(), canvas.into_data()).map(Ok);
            }
            // Without images nothing waits: no join, no bands for an empty rest.
            let (pixels, canvas) = if let Some(canvas) = drawn {
                (images_pixels(&images, &mut buffers, &mut early), Ok(canvas))
            } else if images.is_empty() {
                (Ok(Vec::new()), rasterize(false))
            } else {
                rayon::join(
                    || images_pixels(&images, &mut buffers, &mut early),
                    || rasterize(false),
                )
            };
            give_back(&mut buffers, early);
            let mut canvas = canvas?;
            put_pixels(&mut list.ops, &images, pixels?);
            if !later.is_empty() {
                canvas.draw_some_in_bands(&list.ops, &later)?;
            }
            Frame::from_rgba8(w, h, fig.dpi(), canvas.into_data()).map(Ok)
        });
        buffers.truncate(MAX_INDEX_BUFFERS);
        self.index_buffers = buffers;
        frame
    }
}

/// Puts the index arrays `early` holds (not used) into `buffers`, which are sorted for the
/// next render, the largest first.
fn give_back(buffers: &mut Vec<Vec<u32>>, early: EarlyIndices<'_>) {
    buffers.extend(early.into_buffers());
    buffers.sort_by_key(|b| std::cmp::Reverse(b.capacity()));
}

/// How many LUT-index arrays a [`Renderer`] keeps for its next render (one a colour-mapped
/// image, the largest first).
const MAX_INDEX_BUFFERS: usize = 4;

/// How many shaped lines, hinting sizes and glyph bitmaps a [`Renderer`] keeps before it
/// drops them all (a few megabytes at ordinary sizes).
const MAX_CACHED_GLYPH_ENTRIES: usize = 8192;

/// matplotlib's `mpl_round`.
fn mpl_round(v: f64) -> f64 {
    if v >= 0.0 {
        (v + 0.5).trunc()
    } else {
        (v - 0.5).trunc()
    }
}

/// Agg's snapping of a rectilinear path: `floor(v + 0.5) + o`, with `o = 0.5` for strokes
/// whose rounded pixel width is odd.
fn snap_offset(linewidth_px: f64) -> f64 {
    if (mpl_round(linewidth_px) as i64) % 2 == 1 {
        0.5
    } else {
        0.0
    }
}

fn snap(v: f64, o: f64) -> f64 {
    (v + 0.5).floor() + o
}

/// The pixels a snapped, unstroked box covers (`floor(v + 0.5)` on every edge).
fn snapped_rect(b: &Bbox, h: f64) -> IRect {
    let r = |v: f64| (v + 0.5).floor() as i64;
    IRect {
        x0: r(b.x0),
        y0: r(h - b.y1),
        x1: r(b.x1),
        y1: r(h - b.y0),
    }
}

struct Lowering<'a> {
    ops: Vec<DrawOp>,
    h: f64,
    dpi: f64,
    glyphs: &'a mut GlyphCache,
    text_color: [u8; 4],
    edge_color: [u8; 4],
    linewidth_px: f64,
}

impl Lowering<'_> {
    fn text(&mut self, t: &TextItem) {
        let mut masks = Vec::new();
        let push = |m: GlyphMaskRef<'_>| {
            masks.push(Mask {
                left: i64::from(m.left),
                top: i64::from(m.top),
                width: m.width as usize,
                height: m.height as usize,
                coverage: m.coverage.to_vec(),
            })
        };
        let height = self.h as u32;
        let mut rules = Vec::new();
        let placed = PlacedBlock {
            pens: t.pens.clone(),
            extent: (t.bbox.x0, t.bbox.y0, t.bbox.x1, t.bbox.y1),
            corner: t.box_corner,
        };
        t.block
            .draw(self.glyphs, &placed, height, t.angle_deg, push, |c| {
                rules.push(c)
            });
        let color = t.color.map_or(self.text_color, |c| c.to_rgba8_round());
        self.ops.push(DrawOp::Masks { masks, color });
        // Mathtext rules (fraction bars, overlines): filled boxes after the glyphs.
        if !rules.is_empty() {
            self.ops.push(DrawOp::Polygons {
                contours: rules,
                color,
                antialiased: true,
            });
        }
    }

    /// A snapped, stroked path given in display coordinates.
    fn path(&mut self, pts: &[(f64, f64)], closed: bool, cap: Cap) {
        let dev: Vec<(f64, f64)> = pts.iter().map(|&(x, y)| (x, self.h - y)).collect();
        self.path_device(&dev, closed, cap);
    }

    /// [`Lowering::path`] of points already in device pixels (y down).
    fn path_device(&mut self, pts: &[(f64, f64)], closed: bool, cap: Cap) {
        let o = snap_offset(self.linewidth_px);
        let dev: Vec<(f64, f64)> = pts.iter().map(|&(x, y)| (snap(x, o), snap(y, o))).collect();
        let contours = stroke(&dev, closed, self.linewidth_px, cap, self.linewidth_px);
        self.ops.push(DrawOp::Polygons {
            contours,
            color: self.edge_color,
            antialiased: true,
        });
    }

    /// A closed stroked path given in device coordinates: the raster's `draw_path`
    /// pipeline (snap auto, canvas `PathClipper`, projecting caps, miter joins).
    fn stroke_device_closed(&mut self, dev: &[(f64, f64)]) {
        let Some(&first) = dev.first() else {
            return;
        };
        let mut vertices = dev.to_vec();
        vertices.push(first);
        let mut codes = vec![PathCode::LineTo; vertices.len()];
        codes[0] = PathCode::MoveTo;
        codes[vertices.len() - 1] = PathCode::ClosePoly;
        self.ops.push(DrawOp::Path {
            path: Path {
                vertices,
                codes: Some(codes),
            },
            fill: None,
            stroke: Some(Stroke {
                width_px: self.linewidth_px,
                color: self.edge_color,
                cap: CapStyle::Projecting,
                join: JoinStyle::Miter,
                dashes: None,
            }),
            clip: None,
            snap: Snap::Auto,
            simplify: false,
            antialiased: true,
            hatch: None,
        });
    }

    /// A tick marker at the device pixel (col, row) (`draw_markers`' floored anchor),
    /// drawn as `draw_markers` does: translated to whole pixels; the marker outline snapped about the origin when the tick is at least
    /// 1 px long (`Line2D.draw`: `points_to_pixels(markersize) >= snap_threshold`, 1.0
    /// for the tick markers), else shifted by half a pixel to the pixel centre (sub-pixel
    /// ticks: tiny dpi or tick lengths).
    fn tick(
        &mut self,
        side: Side,
        col: f64,
        row: f64,
        size_pt: f64,
        width_pt: f64,
        dir: TickDirection,
    ) {
        let size = pt_to_px(size_pt, self.dpi);
        let width = pt_to_px(width_pt, self.dpi);
        let o = snap_offset(width);
        let out = match side {
            Side::Bottom => (0.0, size),
            Side::Left => (-size, 0.0),
            Side::Right => (size, 0.0),
        };
        // TICKDOWN/TICKUP markers from the spine, or '|' (half a size each way) for inout.
        let (start, end) = match dir {
            TickDirection::Out => ((0.0, 0.0), out),
            TickDirection::In => ((0.0, 0.0), (-out.0, -out.1)),
            TickDirection::InOut => ((-out.0 * 0.5, -out.1 * 0.5), (out.0 * 0.5, out.1 * 0.5)),
        };
        let place = |v: f64| {
            if size >= 1.0 {
                snap(v, o)
            } else {
                v + 0.5
            }
        };
        let pts = [
            (place(start.0) + col, place(start.1) + row),
            (place(end.0) + col, place(end.1) + row),
        ];
        let contours = stroke(&pts, false, width, Cap::Butt, width);
        self.ops.push(DrawOp::Polygons {
            contours,
            color: self.text_color,
            antialiased: true,
        });
    }

    fn axis(
        &mut self,
        axis: &AxisLayout,
        style: &crate::style::Style,
        grid: Option<(&[Option<GridOptions>; 2], &DrawCtx)>,
    ) {
        for t in &axis.ticks {
            // The tick's own grid: [major, minor].
            if let Some((gs, ctx)) = grid {
                if let Some(g) = &gs[usize::from(!t.major)] {
                    paint::emit(
                        &mut self.ops,
                        &grid::gridline(g, axis.side == Side::Bottom, t.value, ctx),
                    );
                }
            }
            // `draw_markers`' anchor pixel: Agg composes the blended transform's affine
            // with `scale(1, -1)` and `translate(0.5, h + 0.5)`, then floors.
            let (sa, ta) = axis.along;
            let (col, row) = match axis.side {
                Side::Bottom => (
                    (t.scaled * sa + (ta + 0.5)).floor(),
                    (-axis.line + (self.h + 0.5)).floor(),
                ),
                Side::Left | Side::Right => (
                    (axis.line + 0.5).floor(),
                    (-(t.scaled * sa) + (-ta + (self.h + 0.5))).floor(),
                ),
            };
            let p = &axis.params;
            let (size_pt, width_pt, dir, color, labelcolor) = if t.major {
                (
                    axis.major_length_pt,
                    p.width.unwrap_or(style.major_tick_width_pt),
                    axis.direction,
                    p.color,
                    p.labelcolor,
                )
            } else {
                (
                    p.minor_length.unwrap_or(style.minor_tick_size_pt),
                    p.minor_width.unwrap_or(style.minor_tick_width_pt),
                    TickDirection::Out,
                    p.minor_color,
                    p.minor_labelcolor,
                )
            };
            let keep = self.text_color;
            if let Some(c) = color {
                self.text_color = c.to_rgba8_round();
            }
            self.tick(axis.side, col, row, size_pt, width_pt, dir);
            self.text_color = keep;
            if let Some(l) = &t.label {
                if let Some(c) = labelcolor {
                    self.text_color = c.to_rgba8_round();
                }
                self.text(l);
                self.text_color = keep;
            }
        }
        if let Some(l) = &axis.label {
            self.text(l);
        }
        if let Some(l) = &axis.offset_text {
            let keep = self.text_color;
            if let Some(c) = axis.params.labelcolor {
                self.text_color = c.to_rgba8_round();
            }
            self.text(l);
            self.text_color = keep;
        }
    }
}

/// What an Axes draws, in the order of its children.
enum Layer {
    Image(usize),
    Artist(usize),
    Axes,
    Spines,
    Title,
    Legend,
}

/// Where an image lands on the canvas and how it is resampled; its pixels come from
/// [`ImagePlan::pixels`] (separately, so that a render can draw the rest meanwhile).
struct ImagePlan<'a> {
    image: &'a Image,
    norm: &'a Norm,
    placement: resample::Placement,
    interp: Interpolation,
    stage: Stage,
}

/// Where `image` lands on the Axes `ax`: its [`DrawOp::Image`] without pixels, and the
/// plan that makes them; `None` when nothing of it is visible.
fn image_plan<'a>(
    image: &'a Image,
    norm: &'a Norm,
    ax: &AxesLayout,
    h: f64,
) -> Option<(DrawOp, ImagePlan<'a>)> {
    let (rows, cols) = image.data().shape();
    let b = &ax.bbox;
    let placement = resample::place(
        image.extent(),
        image.origin,
        rows,
        cols,
        ax.view_x,
        ax.view_y,
        [b.x0, b.y0, b.x1, b.y1],
    )?;
    let (interp, stage) = resample::resolve(
        image.interpolation,
        image.stage,
        &placement,
        image.data().as_scalar().is_some(),
    );
    let op = DrawOp::Image {
        left: placement.x0,
        top: h as i64 - (placement.y0 + placement.height as i64),
        width: placement.width,
        height: placement.height,
        rgba: Vec::new(),
        clip: snapped_rect(b, h),
    };
    let plan = ImagePlan {
        image,
        norm,
        placement,
        interp,
        stage,
    };
    Some((op, plan))
}

impl ImagePlan<'_> {
    /// The resampled straight-RGBA8 pixels of the image's [`DrawOp::Image`].
    /// `early`: LUT indices computed ahead ([`EarlyIndices`]), taken when they are this
    /// image's under its norm (the rgba stage's).
    fn pixels(&self, buffers: &mut Vec<Vec<u32>>, early: &mut EarlyIndices<'_>) -> Result<Vec<u8>> {
        let (image, placement, interp) = (self.image, &self.placement, self.interp);
        if self.stage == Stage::Rgba {
            // matplotlib normalises the data itself here (`to_rgba`).
            image.data().check_norm(self.norm)?;
        }
        let pixels: Vec<[u8; 4]> = match (&image.data().as_scalar(), image.alpha) {
            (Some(data), Some(alpha)) if self.stage == Stage::Rgba => {
                image_alpha::scalar_rgba_stage(image, self.norm, data, placement, interp, alpha)?
            }
            (Some(data), Some(alpha)) => {
                let mut pixels = scalar_pixels(
                    image, self.norm, data, placement, interp, self.stage, buffers, None,
                )?;
                image_alpha::apply_data_alpha(&mut pixels, alpha);
                pixels
            }
            (None, Some(alpha)) => image_alpha::rgb(image, placement, interp, alpha)?,
            (Some(data), None) => {
                let early = match self.stage {
                    Stage::Rgba => early.take(image, self.norm),
                    Stage::Data => None,
                };
                scalar_pixels(
                    image, self.norm, data, placement, interp, self.stage, buffers, early,
                )?
            }
            (None, None) => match image.data().rgba_u8() {
                // Bytes are divided by 255 in float32 and resampled in float32, as matplotlib
                // does.
                Some(bytes) => {
                    let mut src = resample::rgba_u8_to_f32(&bytes);
                    resample::premultiply_f32(&mut src);
                    resample::rgba_f32_to_bytes(&resample::resample_rgba_f32(
                        &src,
                        placement,
                        interp,
                        DEFAULT_FILTERRAD,
                    )?)
                }
                None => {
                    let src = image.data().rgba_f64_premultiplied().unwrap_or_default();
                    resample::rgba_to_bytes(&resample::resample_rgba(
                        &src,
                        placement,
                        interp,
                        DEFAULT_FILTERRAD,
                    )?)
                }
            },
        };
        Ok(pixels.into_flattened())
    }
}

/// The pixels of every planned image, in order, with the indices `early` holds for them.
/// Index arrays are taken from `buffers` and given back to it.
fn images_pixels(
    images: &[(usize, ImagePlan<'_>)],
    buffers: &mut Vec<Vec<u32>>,
    early: &mut EarlyIndices<'_>,
) -> Result<Vec<Vec<u8>>> {
    images
        .iter()
        .map(|(_, plan)| plan.pixels(buffers, early))
        .collect()
}

/// Puts each image's pixels into its operation (`images[k].0` indexes `ops`).
fn put_pixels(ops: &mut [DrawOp], images: &[(usize, ImagePlan<'_>)], pixels: Vec<Vec<u8>>) {
    for ((i, _), pixels) in images.iter().zip(pixels) {
        if let Some(DrawOp::Image { rgba, .. }) = ops.get_mut(*i) {
            *rgba = pixels;
        }
    }
}

/// The least pixels of an image whose filter takes its indices from the data
/// ([`resample::resample_direct`]).
const DIRECT_MIN_PIXELS: usize = 1 << 20;

/// `early`: the image's indices and their scan, computed ahead for the rgba stage.
#[allow(clippy::too_many_arguments)]
fn scalar_pixels(
    image: &Image,
    norm: &Norm,
    data: &ScalarData<'_>,
    placement: &resample::Placement,
    interp: Interpolation,
    stage: Stage,
    buffers: &mut Vec<Vec<u32>>,
    early: Option<EarlyIdx>,
) -> Result<Vec<[u8; 4]>> {
    let idx = match early {
        Some(early) => IdxFrom::Early(early),
        None => IdxFrom::Buffer(buffers.pop()),
    };
    let (pixels, idx) = scalar_pixels_with(image, norm, data, placement, interp, stage, idx)?;
    buffers.extend(idx);
    Ok(pixels)
}

/// An image's LUT indices and their scan over the table's transparent rows.
type EarlyIdx = (Vec<u32>, Option<resample::IndexScan>);

/// Where [`scalar_pixels_with`] takes its LUT indices from.
enum IdxFrom {
    /// Computed into this buffer of an earlier render when it fits.
    Buffer(Option<Vec<u32>>),
    /// Computed ahead ([`EarlyIndices`]), for the rgba stage.
    Early(EarlyIdx),
}

/// [`scalar_pixels`] with the index array written into `idx_buffer` when it fits; also
/// returns the index array, for the next render.
#[allow(clippy::type_complexity)]
fn scalar_pixels_with(
    image: &Image,
    norm: &Norm,
    data: &ScalarData<'_>,
    placement: &resample::Placement,
    interp: Interpolation,
    stage: Stage,
    idx_from: IdxFrom,
) -> Result<(Vec<[u8; 4]>, Option<Vec<u32>>)> {
    let (idx_buffer, early) = match idx_from {
        IdxFrom::Buffer(b) => (b, None),
        IdxFrom::Early(e) => (None, Some(e)),
    };
    let cmap = image.cmap();
    let norm = data.autoscaled(norm);
    let rows: Vec<[f64; 4]> = (0..cmap.n() + 3).map(|i| cmap.lut_row(i)).collect();
    let alphas_exact = rows.iter().all(|r| r[3] == 0.0 || r[3] == 1.0);
    // The rgba stage reads `cmap(norm(data))` as float RGBA through the LUT. Premultiplying
    // the rows equals premultiplying the pixels (a factor of 1 is exact).
    let table = match stage {
        Stage::Rgba => {
            let mut table = rows;
            resample::premultiply(&mut table);
            table
        }
        Stage::Data => Vec::new(),
    };
    // Every pixel's LUT row (under, over and bad included): the common core of both stages.
    // Meanwhile the rgba stage's filter is planned (taps, tables, output), on the other
    // thread when one is free: it does not need the indices. Its scan of the indices
    // (largest, any transparent row) is taken on the way.
    let other = match stage {
        Stage::Rgba => resample::transparent_rows(&table),
        Stage::Data => None,
    };
    // The data stage normalises float16 data after its cast to float32.
    let data_for_idx = match stage {
        Stage::Rgba => data.as_scalar_data(),
        Stage::Data => data.without_half(),
    };
    // A filter that reads colour tiles takes the indices straight from the data (large
    // images: no index array written and read again; issue 21), unless a pixel turns out
    // not opaque (NaN), where the index array's path below decides. Below a megapixel the
    // array is cheap, and the plan is better made while it is written.
    let mut ahead_plan = None;
    let (rows, cols) = data.shape();
    if let (Stage::Rgba, Some(watch)) = (stage, other) {
        let direct = (rows.saturating_mul(cols) >= DIRECT_MIN_PIXELS)
            .then(|| DirectIndices::of(&data_for_idx, &norm, cmap.n(), watch))
            .flatten();
        if let Some(direct) = direct {
            match resample::plan_narrow(&table, placement, interp, DEFAULT_FILTERRAD) {
                Some(plan) if plan.reads_tiles() => {
                    if let Some(pixels) = resample::resample_direct(plan, &direct, placement)? {
                        return Ok((pixels, idx_buffer.or(early.map(|e| e.0))));
                    }
                }
                plan => ahead_plan = plan,
            }
        }
    }
    let plan_ahead = || match (stage, ahead_plan) {
        (Stage::Rgba, Some(plan)) => Some(plan),
        (Stage::Rgba, None) => resample::plan_narrow(&table, placement, interp, DEFAULT_FILTERRAD),
        (Stage::Data, _) => None,
    };
    let ((idx, scan), ahead) = match early {
        // Written while the figure was laid out: the plan alone.
        Some(early) => (early, plan_ahead()),
        None => {
            let (idx, ahead) = rayon::join(
                || lut_indices_scanned(&data_for_idx, &norm, cmap.n(), other, idx_buffer),
                plan_ahead,
            );
            let (idx, scan) = idx?;
            ((idx.into_raw_vec_and_offset().0, scan), ahead)
        }
    };
    // Nearest sampling picks one source pixel per output pixel: colour-map the picks.
    // (In the rgba stage this equals the float path when every alpha is 0 or 1.)
    if interp.is_nearest() && (stage == Stage::Data || alphas_exact) {
        if let Ok(map) = resample::nearest_indices(placement, interp) {
            let lut = cmap.lut_rgba8_trunc();
            let pixels = map.iter().map(|&s| lut[idx[s as usize] as usize]).collect();
            return Ok((pixels, Some(idx)));
        }
    }
    let pixels = match stage {
        Stage::Rgba => resample::resample_rgba_lut_ahead(
            &idx,
            &table,
            placement,
            interp,
            DEFAULT_FILTERRAD,
            ahead,
            scan,
        ),
        Stage::Data => {
            // The input mask is imshow's (`safe_masked_invalid`: the array's mask, NaN,
            // +-inf); what the norm masks (LogNorm's non-positive values) is masked after
            // resampling, by the norm of the resampled values, as `_make_image` does.
            let values: Vec<f64> = data_values(data);
            let masked: Vec<bool> = match data.mask() {
                Some(m) => values
                    .iter()
                    .zip(m.iter())
                    .map(|(v, &m)| m || !v.is_finite())
                    .collect(),
                None => values.iter().map(|v| !v.is_finite()).collect(),
            };
            let bad = resample::resample_mask(&masked, placement, interp, DEFAULT_FILTERRAD)?;
            // `np.ma.masked_array(A_resampled, out_mask)`: the resampled mask is the bad
            // mask (so equal limits, which fill every value with 0, keep bad pixels bad,
            // and an unmasked NaN, from NaN limits, takes row 0 when any pixel is masked).
            let shape = (placement.height, placement.width);
            let bad = Array2::from_shape_vec(shape, bad)
                .map_err(|e| crate::Error::Data(e.to_string()))?;
            let fixed = norm.clone();
            let shape_err = |e: ndarray::ShapeError| crate::Error::Data(e.to_string());
            // The dtype `_make_image` resamples in, and the norm then works in.
            let (out64, out32) = if resamples_in_f32(data, &values) {
                let src: Vec<f32> = values
                    .iter()
                    .zip(&masked)
                    .map(|(&v, &m)| if m { 0.0 } else { v as f32 })
                    .collect();
                let out =
                    resample::resample_scalar_f32(&src, placement, interp, DEFAULT_FILTERRAD)?;
                (
                    None,
                    Some(Array2::from_shape_vec(shape, out).map_err(shape_err)?),
                )
            } else {
                let src: Vec<f64> = values
                    .iter()
                    .zip(&masked)
                    .map(|(&v, &m)| if m { 0.0 } else { v })
                    .collect();
                let out = resample::resample_scalar(&src, placement, interp, DEFAULT_FILTERRAD)?;
                (
                    Some(Array2::from_shape_vec(shape, out).map_err(shape_err)?),
                    None,
                )
            };
            let masked = match (&out64, &out32) {
                (Some(a), _) => ScalarData::new(a.view()),
                (None, Some(a)) => ScalarData::new(a.view()),
                (None, None) => unreachable!("one of the two is set above"),
            }
            .with_mask(bad.view())?;
            let bytes = colormap_rgba8(&masked, &fixed, cmap)?;
            Ok(bytes
                .into_raw_vec_and_offset()
                .0
                .chunks_exact(4)
                .map(|c| [c[0], c[1], c[2], c[3]])
                .collect())
        }
    }?;
    Ok((pixels, Some(idx)))
}

/// `_make_image`'s dtype for the `'data'` stage: float32 for float32 (and float16) data,
/// float64 for float64; integer data in float32 when its range `A.max() - A.min()` (in
/// float64) is at most 1e8, else float64.
fn resamples_in_f32(data: &ScalarData<'_>, values: &[f64]) -> bool {
    use crate::color::Values;
    match data.values() {
        Values::F64(_) => false,
        Values::F32(_) => true,
        _ => {
            let (lo, hi) = values
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
                    (lo.min(v), hi.max(v))
                });
            hi - lo <= 1e8
        }
    }
}

/// The data as float64, row-major (NaN where masked or invalid).
fn data_values(data: &ScalarData<'_>) -> Vec<f64> {
    use crate::color::Values;
    macro_rules! conv {
        ($v:expr) => {
            $v.iter().map(|&x| x as f64).collect()
        };
    }
    match data.values() {
        Values::F64(v) => v.iter().copied().collect(),
        Values::F32(v) => conv!(v),
        Values::I8(v) => conv!(v),
        Values::I16(v) => conv!(v),
        Values::I32(v) => conv!(v),
        Values::I64(v) => conv!(v),
        Values::U8(v) => conv!(v),
        Values::U16(v) => conv!(v),
        Values::U32(v) => conv!(v),
        Values::U64(v) => conv!(v),
    }
}

fn colorbar_ops(low: &mut Lowering<'_>, fig: &Figure, cb: &ColorbarLayout) {
    let style = fig.style();
    let h = low.h;
    let b = &cb.bbox;
    let clip = snapped_rect(b, h);
    let face = style.axes_facecolor.to_rgba8_round();
    if face[3] != 0 {
        low.ops.push(DrawOp::Rect {
            rect: clip,
            color: face,
        });
    }
    // The outline in axes coordinates: around the box through the edge midpoints and, when
    // extended, the triangles' apexes (colorbar.py's `xyout`).
    let (bot, top) = (-cb.extend_lower, 1.0 + cb.extend_upper);
    let mut unit = [
        (0.0, 0.0),
        (0.5, bot),
        (1.0, 0.0),
        (1.0, 1.0),
        (0.5, top),
        (0.0, 1.0),
    ];
    if cb.orientation == Orientation::Horizontal {
        unit = unit.map(|(x, y)| (y, x));
    }
    // Axes coordinates straight to device pixels with the one affine Agg composes
    // (transAxes, then the y flip), so unsnapped vertices round as they do there.
    let to_device = |(x, y): (f64, f64)| (x * b.width() + b.x0, y * -b.height() + (h - b.y0));
    // Extend triangles: unsnapped, not anti-aliased, in the under/over colours, drawn right
    // after the background (their zorder is just below it).
    // Vertex order as colorbar.py lists them: it decides Agg's rounding on edge pixels.
    let mut lower = [(0.0, 0.0), (0.5, bot), (1.0, 0.0)];
    let mut upper = [(0.0, 1.0), (0.5, top), (1.0, 1.0)];
    if cb.orientation == Orientation::Horizontal {
        lower = lower.map(|(x, y)| (y, x));
        upper = upper.map(|(x, y)| (y, x));
    }
    let (under, over) = match &cb.contour {
        Some(c) => (c.under, c.over),
        None => (Some(cb.cmap.under()), Some(cb.cmap.over())),
    };
    for (on, tri, color) in [
        (cb.extend_lower > 0.0, lower, under),
        (cb.extend_upper > 0.0, upper, over),
    ] {
        // Line sets draw no triangles (`_do_extends` returns before them).
        let Some(color) = color else { continue };
        // `_do_extends`: the patches take the colorbar's alpha (the mappable's).
        let color = match cb.alpha {
            Some(a) => color.with_alpha(a),
            None => color,
        }
        .to_rgba8_round();
        if on && color[3] != 0 {
            let dev = tri.iter().map(|&p| to_device(p)).collect();
            low.ops.push(DrawOp::Polygons {
                contours: vec![dev],
                color,
                antialiased: false,
            });
        }
    }
    // The solids: one snapped cell per colormap entry, coloured with rounded bytes.
    let lut: Vec<[u8; 4]> = match (&cb.contour, cb.alpha) {
        (Some(c), _) => c.cell_colors.iter().map(|c| c.to_rgba8_round()).collect(),
        (None, None) => cb.cmap.lut_rgba8_round(),
        (None, Some(a)) => (0..cb.cmap.n())
            .map(|i| {
                crate::Color::from_array(cb.cmap.lut_row(i))
                    .with_alpha(a)
                    .to_rgba8_round()
            })
            .collect(),
    };
    let r = |v: f64| (v + 0.5).floor() as i64;
    for (edge, color) in cb.cell_edges_device.windows(2).zip(&lut) {
        let rect = match cb.orientation {
            Orientation::Vertical => IRect {
                x0: r(b.x0),
                x1: r(b.x1),
                y0: r(edge[1]),
                y1: r(edge[0]),
            },
            Orientation::Horizontal => IRect {
                x0: r(edge[0]),
                x1: r(edge[1]),
                y0: r(h - b.y1),
                y1: r(h - b.y0),
            },
        };
        let rect = rect.intersect(&clip);
        if !rect.is_empty() && color[3] != 0 {
            low.ops.push(DrawOp::Rect {
                rect,
                color: *color,
            });
        }
    }
    low.axis(&cb.axis, style, None);
    // `add_lines`: a contour line set's lines across the bar (a LineCollection: snapped,
    // butt caps), between the axis and the outline.
    if let Some(c) = &cb.contour {
        let (width, color) = (low.linewidth_px, low.edge_color);
        for &(y, lc, w_pt) in &c.lines {
            low.linewidth_px = w_pt * low.dpi / 72.0;
            low.edge_color = lc.to_rgba8_round();
            match cb.orientation {
                Orientation::Vertical => {
                    // The clip path's x edges are the bar's, snapped: an odd-width line's
                    // snapped right end (half a pixel past the edge) is cut there.
                    let w = low.linewidth_px;
                    let o = snap_offset(w);
                    let yd = snap(h - y, o);
                    let (c0, c1) = ((b.x0 + 0.5).floor(), (b.x1 + 0.5).floor());
                    let (x0, x1) = (snap(b.x0, o).max(c0), snap(b.x1, o).min(c1));
                    if x1 > x0 {
                        low.ops.push(DrawOp::Polygons {
                            contours: vec![vec![
                                (x0, yd - 0.5 * w),
                                (x1, yd - 0.5 * w),
                                (x1, yd + 0.5 * w),
                                (x0, yd + 0.5 * w),
                            ]],
                            color: low.edge_color,
                            antialiased: true,
                        });
                    }
                }
                Orientation::Horizontal => {
                    // The clip path widens the bar by a linewidth along axes y only: a
                    // vertical line at either end is cut at the bar's x edges (the butt
                    // stroke as its rectangle, clipped). A vertical bar's end lines stay
                    // inside the widened clip.
                    let w = low.linewidth_px;
                    let o = snap_offset(w);
                    let x = snap(y, o);
                    let (ya, yb) = (snap(h - b.y0, o), snap(h - b.y1, o));
                    // Agg snaps the clip path (rectilinear, width 0): whole-pixel edges.
                    let (c0, c1) = ((b.x0 + 0.5).floor(), (b.x1 + 0.5).floor());
                    let (x0, x1) = ((x - 0.5 * w).max(c0), (x + 0.5 * w).min(c1));
                    if x1 > x0 {
                        low.ops.push(DrawOp::Polygons {
                            contours: vec![vec![(x0, yb), (x1, yb), (x1, ya), (x0, ya)]],
                            color: low.edge_color,
                            antialiased: true,
                        });
                    }
                }
            }
        }
        (low.linewidth_px, low.edge_color) = (width, color);
    }
    // Through the path pipeline as `_ColorbarSpine` draws it (snap auto: the extend
    // triangles' diagonal segments switch snapping off for the whole outline). A bar
    // narrower than a pixel snaps to a degenerate outline, stroked as Agg strokes it.
    low.stroke_device_closed(&unit.map(to_device));
}

/// Lowers a layout to draw operations in matplotlib's drawing order, with every image's
/// operation still without pixels: the list, and each image's operation index and plan.
fn lower_deferred<'a>(
    fig: &'a Figure,
    lay: &'a Layout,
    glyphs: &mut GlyphCache,
) -> Result<(DrawList, Vec<(usize, ImagePlan<'a>)>)> {
    let mut images = Vec::new();
    let style = fig.style();
    let h = lay.height_px as f64;
    let mut low = Lowering {
        ops: Vec::new(),
        h,
        dpi: lay.dpi,
        glyphs,
        text_color: style.text_color.to_rgba8_round(),
        edge_color: style.axes_edgecolor.to_rgba8_round(),
        linewidth_px: pt_to_px(style.axes_linewidth_pt, lay.dpi),
    };
    let face = fig.facecolor().to_rgba8_round();
    if face[3] != 0 {
        let fig_box = Bbox {
            x0: 0.0,
            y0: 0.0,
            x1: lay.width_f,
            y1: lay.height_f,
        };
        low.ops.push(DrawOp::Rect {
            rect: snapped_rect(&fig_box, h),
            color: face,
        });
    }
    let mut ctxs = Vec::with_capacity(fig.axes.len());
    for (ax, al) in fig.axes.iter().zip(&lay.axes) {
        if ax.axis_on {
            let face = ax
                .facecolor
                .unwrap_or(style.axes_facecolor)
                .to_rgba8_round();
            if face[3] != 0 {
                low.ops.push(DrawOp::Rect {
                    rect: snapped_rect(&al.bbox, h),
                    color: face,
                });
            }
        }
        let ctx = DrawCtx::for_axes(al, lay);
        ctxs.push(ctx.clone());
        // Children sorted stably by zorder in matplotlib's order: images and artists in
        // call order, spines, x axis, y axis, title.
        let mut layers: Vec<(f64, Layer)> = Vec::new();
        for i in 0..ax.images.len() {
            layers.push((0.0, Layer::Image(i)));
        }
        for (i, a) in ax.plot.artists.iter().enumerate() {
            layers.push((a.zorder(), Layer::Artist(i)));
        }
        if al.xaxis.is_some() && al.yaxis.is_some() {
            layers.push((2.5, Layer::Spines));
            layers.push((1.5, Layer::Axes));
        }
        layers.push((3.0, Layer::Title));
        if ax.plot.legend.is_some() {
            layers.push((5.0, Layer::Legend));
        }
        layers.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
        for (_, layer) in layers {
            match layer {
                Layer::Image(i) => {
                    let (image, norm) = (&ax.images[i], &al.image_norms[i]);
                    if let Some((op, plan)) = image_plan(image, norm, al, h) {
                        images.push((low.ops.len(), plan));
                        low.ops.push(op);
                    }
                }
                Layer::Artist(i) => {
                    if let crate::artists::Artist::Text(t) = &ax.plot.artists[i] {
                        if !t.drawn(&ctx) {
                            continue;
                        }
                        let (paints, item) = t.paint(&ctx, low.glyphs)?;
                        for p in paints {
                            paint::emit(&mut low.ops, &p);
                        }
                        let keep = low.text_color;
                        low.text_color = t.color.to_rgba8_round();
                        low.text(&item);
                        low.text_color = keep;
                        if t.clip_to_axes {
                            clip_last_masks(&mut low.ops, &al.bbox, h);
                        }
                    } else {
                        for p in ax.plot.artists[i].paint(&ctx) {
                            paint::emit_owned(&mut low.ops, p);
                        }
                    }
                }
                Layer::Axes => {
                    if let (Some(xa), Some(ya)) = (&al.xaxis, &al.yaxis) {
                        low.axis(xa, style, Some((&ax.plot.grid[0], &ctx)));
                        low.axis(ya, style, Some((&ax.plot.grid[1], &ctx)));
                    }
                }
                Layer::Spines => {
                    let b = &al.bbox;
                    let (xlo, xhi) = x_span(al);
                    let (ylo, yhi) = y_span_device(al, h);
                    low.path_device(&[(b.x0, ylo), (b.x0, yhi)], false, Cap::Projecting);
                    low.path_device(&[(b.x1, ylo), (b.x1, yhi)], false, Cap::Projecting);
                    low.path(&[(xlo, b.y0), (xhi, b.y0)], false, Cap::Projecting);
                    low.path(&[(xlo, b.y1), (xhi, b.y1)], false, Cap::Projecting);
                }
                Layer::Title => {
                    // Axes.get_children: title, _left_title, _right_title.
                    let [l, r] = &al.side_titles;
                    for t in [&al.title, l, r].into_iter().flatten() {
                        low.text(t);
                    }
                }
                Layer::Legend => {
                    if let Some(opts) = &ax.plot.legend {
                        let items = legend::paint_legend(ax, opts, &ctx, &al.bbox, low.glyphs)?;
                        for it in items {
                            match it {
                                legend::LegendItem::Paint(p) => paint::emit(&mut low.ops, &p),
                                legend::LegendItem::Text(t) => low.text(&t),
                                legend::LegendItem::Extent(_) => {}
                            }
                        }
                    }
                }
            }
        }
    }
    for cb in &lay.colorbars {
        colorbar_ops(&mut low, fig, cb);
    }
    for t in &lay.figure_texts {
        low.text(t);
    }
    let fig_box = Bbox {
        x0: 0.0,
        y0: 0.0,
        x1: lay.width_f,
        y1: lay.height_f,
    };
    let items =
        crate::artists::figure_legend::paint_figure_legend(fig, &ctxs, &fig_box, low.glyphs)?;
    for it in items {
        match it {
            legend::LegendItem::Paint(p) => paint::emit(&mut low.ops, &p),
            legend::LegendItem::Text(t) => low.text(&t),
            legend::LegendItem::Extent(_) => {}
        }
    }
    let list = DrawList {
        width: lay.width_px,
        height: lay.height_px,
        ops: low.ops,
    };
    Ok((list, images))
}

/// Display x of the view's first and second limits (a spine runs from the first to the
/// second, as matplotlib's `viewLim.intervalx`).
fn x_span(al: &AxesLayout) -> (f64, f64) {
    (
        al.trans_data.apply(al.xscale.transform(al.view_x.0), 0.0).0,
        al.trans_data.apply(al.xscale.transform(al.view_x.1), 0.0).0,
    )
}

/// Device rows (y down) of the view's first and second y limits, as Agg's `draw_path`
/// maps them: the data affine composed with `scale(1, -1)` and `translate(0, h)` first
/// (`v * -sy + (-ty + h)`), which can round across a pixel centre where `h - (v * sy + ty)`
/// does not.
fn y_span_device(al: &AxesLayout, h: f64) -> (f64, f64) {
    let t = &al.trans_data;
    let dev = |v: f64| 0.0 * -t.shy + al.yscale.transform(v) * -t.sy + (-t.ty + h);
    (dev(al.view_y.0), dev(al.view_y.1))
}

/// Agg's text clip box (`set_clipbox`: the box rounded to whole pixels) applied to the
/// glyph masks of the last text: coverage outside it is dropped.
fn clip_last_masks(ops: &mut [DrawOp], b: &Bbox, h: f64) {
    let r = |v: f64| (v + 0.5).floor() as i64;
    let (x0, x1, y0, y1) = (r(b.x0), r(b.x1), r(h - b.y1), r(h - b.y0));
    let Some(DrawOp::Masks { masks, .. }) = ops
        .iter_mut()
        .rev()
        .find(|o| matches!(o, DrawOp::Masks { .. }))
    else {
        return;
    };
    for m in masks {
        for row in 0..m.height {
            let y = m.top + row as i64;
            for col in 0..m.width {
                let x = m.left + col as i64;
                if x < x0 || x >= x1 || y < y0 || y >= y1 {
                    m.coverage[row * m.width + col] = 0;
                }
            }
        }
    }
}

#[cfg(test)]
mod index_buffer_tests {
    use crate::{Figure, Renderer};
    use ndarray::Array2;

    fn figure(n: usize, seed: u64, colorbar: bool) -> Figure {
        let mut s = seed;
        let data = Array2::from_shape_simple_fn((n, n + 3), || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 11) as f64 / (1u64 << 53) as f64
        });
        let mut fig = Figure::new(3.0, 2.0, 100.0);
        let ax = fig.add_subplot();
        let im = fig[ax].imshow(data).unwrap();
        if colorbar {
            fig.colorbar(im).unwrap();
        }
        fig
    }

    /// A renderer writes each render's LUT indices into the last one's arrays: larger,
    /// smaller and equal sizes after each other give what fresh renderers give.
    #[test]
    fn reused_index_arrays_change_nothing() {
        let figs = [
            figure(700, 1, true),
            figure(90, 2, false),
            figure(700, 3, true),
            figure(1000, 4, true),
            figure(700, 5, false),
        ];
        let mut renderer = Renderer::new();
        for (i, fig) in figs.iter().enumerate() {
            let reused = renderer.render(fig).unwrap();
            assert_eq!(reused, fig.render().unwrap(), "figure {i}");
        }
        assert!(!renderer.index_buffers.is_empty());
    }
}
