//! Layout: the figure model resolved into boxes, transforms, ticks and positioned text, with
//! matplotlib's arithmetic (gridspec positions, aspect shrink and anchor, colorbar space
//! stealing, tick locators and formatters, text alignment). No pixels.
//! One axis's ticks and labels are laid out in `axis`, colorbars in `colorbar`.

use crate::artists::{TickDirection, TickParams};
use crate::axes::{Anchor, AxesId, AxesPosition, ImageHandle};
use crate::color::Prepared;
use crate::color::{Colormap, Extend, Norm, NormKind, Normed, Work};
use crate::colorbar::{Mappable, Orientation};
use crate::colorbar_contour::ContourScale;
use crate::figure::Figure;
use crate::image::Aspect;
use crate::text::{
    FontFace, GlyphCache, HorizontalAlignment as Ha, MathText, ShapedText, TextBlock,
    VerticalAlignment as Va,
};
use crate::ticks::{self, AxisKind, AxisScale, MaxNLocator, ScalarFormatter, TickLabel};
use crate::transform::Affine;
use crate::{Error, Result};

mod axis;
mod colorbar;

use axis::{layout_axis, place_axis_label, AxisSpec};

/// A box in display coordinates (pixels, origin bottom-left, y up) or figure fractions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bbox {
    /// Left.
    pub x0: f64,
    /// Bottom.
    pub y0: f64,
    /// Right.
    pub x1: f64,
    /// Top.
    pub y1: f64,
}

impl Bbox {
    /// Width (`x1 - x0`).
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    /// Height (`y1 - y0`).
    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    fn union(&self, o: &Bbox) -> Bbox {
        Bbox {
            x0: self.x0.min(o.x0),
            y0: self.y0.min(o.y0),
            x1: self.x1.max(o.x1),
            y1: self.y1.max(o.y1),
        }
    }

    /// matplotlib's `Bbox.shrunk_to_aspect(box_aspect, self, fig_aspect)`.
    fn shrunk_to_aspect(&self, box_aspect: f64, fig_aspect: f64) -> Bbox {
        let (w, h) = (self.width(), self.height());
        let mut big_h = w * box_aspect / fig_aspect;
        let big_w = if big_h <= h {
            w
        } else {
            big_h = h;
            h * fig_aspect / box_aspect
        };
        Bbox {
            x0: self.x0,
            y0: self.y0,
            x1: self.x0 + big_w,
            y1: self.y0 + big_h,
        }
    }

    /// matplotlib's `Bbox.anchored(anchor, container)`.
    fn anchored(&self, a: Anchor, container: &Bbox) -> Bbox {
        let (l, b, w, h) = (
            container.x0,
            container.y0,
            container.width(),
            container.height(),
        );
        let dx = (l + a.x * (w - self.width())) - self.x0;
        let dy = (b + a.y * (h - self.height())) - self.y0;
        Bbox {
            x0: self.x0 + dx,
            y0: self.y0 + dy,
            x1: self.x1 + dx,
            y1: self.y1 + dy,
        }
    }

    fn scaled(&self, sx: f64, sy: f64) -> Bbox {
        Bbox {
            x0: self.x0 * sx,
            y0: self.y0 * sy,
            x1: self.x1 * sx,
            y1: self.y1 * sy,
        }
    }
}

/// Which side of its Axes an axis' ticks and labels are on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Below (x axis).
    Bottom,
    /// Left (y axis).
    Left,
    /// Right (vertical colorbar).
    Right,
}

/// A line of text, shaped and placed.
#[derive(Debug, Clone, PartialEq)]
pub struct TextItem {
    /// The string.
    pub text: String,
    /// Its shaping at its size (for mathtext: the line metrics only, no glyphs).
    pub shaped: ShapedText,
    /// The mathtext layout, when the string is mathtext (`$...$`).
    pub math: Option<MathText>,
    /// Pen origin (left end of the baseline) in display coordinates.
    pub pen: (f64, f64),
    /// Rotation in degrees, counter-clockwise.
    pub angle_deg: f64,
    /// The text's window extent, as `Text.get_window_extent` reports it.
    pub bbox: Bbox,
    /// All lines (`shaped`, `math` and `pen` above are the first one's).
    pub block: TextBlock,
    /// Pen origin of every line of `block`.
    pub pens: Vec<(f64, f64)>,
    /// The rotated lower-left corner of the unrotated text box (see
    /// [`PlacedBlock::corner`](crate::text::PlacedBlock)).
    pub box_corner: (f64, f64),
    /// Its own colour (a title's or label's `color`); None: the default text colour.
    pub color: Option<crate::color::Color>,
}

impl TextItem {
    /// Moves the text by `(dx, dy)` display pixels: every line's pen and the extent.
    pub(crate) fn translate(&mut self, dx: f64, dy: f64) {
        self.pen = (self.pen.0 + dx, self.pen.1 + dy);
        for p in &mut self.pens {
            *p = (p.0 + dx, p.1 + dy);
        }
        self.box_corner = (self.box_corner.0 + dx, self.box_corner.1 + dy);
        let b = &mut self.bbox;
        (b.x0, b.y0, b.x1, b.y1) = (b.x0 + dx, b.y0 + dy, b.x1 + dx, b.y1 + dy);
    }
}

/// One drawn tick.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// The tick's value in data coordinates.
    pub value: f64,
    /// Its display coordinate along the axis (x for bottom, y for left/right).
    pub pos: f64,
    /// Its value in the scale's coordinates (`transScale`'s output), which Agg maps to
    /// device pixels with [`AxisLayout::along`] for its tick marks.
    pub scaled: f64,
    /// Its label, if labelled.
    pub label: Option<TextItem>,
    /// Major (true) or minor tick.
    pub major: bool,
}

/// An axis' ticks and labels.
#[derive(Debug, Clone, PartialEq)]
pub struct AxisLayout {
    /// Where the ticks are.
    pub side: Side,
    /// Display coordinate of the axis line across the axis (y for bottom, x for left/right).
    pub line: f64,
    /// The data transform's scale and offset along the axis (`sx, tx` for bottom, `sy, ty`
    /// for left/right): `draw_markers` composes them with its y flip and half-pixel shift.
    pub along: (f64, f64),
    /// Drawn ticks, in matplotlib's order.
    pub ticks: Vec<Tick>,
    /// The axis label.
    pub label: Option<TextItem>,
    /// Offset or scientific multiplier text.
    pub offset_text: Option<TextItem>,
    /// Length of the major tick marks in points.
    pub major_length_pt: f64,
    /// Where the major tick marks point.
    pub direction: TickDirection,
    /// The axis' `tick_params` (widths, colours, minor length).
    pub params: TickParams,
}

/// A laid-out image Axes.
#[derive(Debug, Clone, PartialEq)]
pub struct AxesLayout {
    /// The Axes.
    pub id: AxesId,
    /// Its box after aspect, in display coordinates.
    pub bbox: Bbox,
    /// x view limits.
    pub view_x: (f64, f64),
    /// y view limits.
    pub view_y: (f64, f64),
    /// data -> display.
    pub trans_data: Affine,
    /// x axis (None when the axis is off).
    pub xaxis: Option<AxisLayout>,
    /// y axis (None when the axis is off).
    pub yaxis: Option<AxisLayout>,
    /// Title (the center one).
    pub title: Option<TextItem>,
    /// The left and right titles (`set_title(loc='left' | 'right')`).
    pub side_titles: [Option<TextItem>; 2],
    /// Each image's norm with its limits resolved (autoscaled, and made non-singular when a
    /// colorbar shows the image), in image order.
    pub image_norms: Vec<Norm>,
    /// The x axis scale.
    pub xscale: AxisScale,
    /// The y axis scale.
    pub yscale: AxisScale,
}

/// A laid-out colorbar.
#[derive(Debug, Clone, PartialEq)]
pub struct ColorbarLayout {
    /// Index into the figure's colorbars.
    pub index: usize,
    /// The colorbar Axes box (the interior), in display coordinates.
    pub bbox: Bbox,
    /// Orientation.
    pub orientation: Orientation,
    /// The norm with its limits resolved.
    pub norm: Norm,
    /// The colormap.
    pub cmap: Colormap,
    /// The long axis.
    pub axis: AxisLayout,
    /// Length of the lower (or left) extend triangle as a fraction of the interior; 0 when
    /// not extended.
    pub extend_lower: f64,
    /// Length of the upper (or right) extend triangle; 0 when not extended.
    pub extend_upper: f64,
    /// Display coordinates along the long axis of the `N + 1` colour-cell boundaries.
    pub cell_edges: Vec<f64>,
    /// The same boundaries in device pixels (y down) as Agg transforms the mesh: the y flip
    /// is composed into the affine, so a vertical bar's `t * -sy + (h - ty)` can round
    /// differently from `h - (t * sy + ty)`.
    pub cell_edges_device: Vec<f64>,
    /// The mappable's alpha, applied to the colour cells.
    pub alpha: Option<f64>,
    /// A contour set's cells, triangles and lines (`None` for other mappables).
    pub contour: Option<crate::colorbar_contour::ContourBar>,
}

/// The whole figure laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Canvas width in pixels (truncated).
    pub width_px: usize,
    /// Canvas height in pixels (truncated).
    pub height_px: usize,
    /// Figure width in display units (`width_in * dpi`, not truncated).
    pub width_f: f64,
    /// Figure height in display units.
    pub height_f: f64,
    /// Dots per inch.
    pub dpi: f64,
    /// The image Axes, in creation order.
    pub axes: Vec<AxesLayout>,
    /// The colorbars, in creation order.
    pub colorbars: Vec<ColorbarLayout>,
    /// The figure's own texts (`suptitle`, `supxlabel`), drawn after the Axes.
    pub figure_texts: Vec<TextItem>,
}

/// `GridSpecBase.get_grid_positions` for a grid inside `(left, bottom, right, top)`:
/// returns (bottoms, tops, lefts, rights), in matplotlib's order of float operations.
#[allow(clippy::too_many_arguments)]
pub(crate) fn grid_positions(
    cell: Bbox,
    wspace: f64,
    hspace: f64,
    row_ratios: &[f64],
    col_ratios: &[f64],
) -> (Vec<f64>, Vec<f64>, Vec<f64>, Vec<f64>) {
    let (nrows, ncols) = (row_ratios.len() as f64, col_ratios.len() as f64);
    let tot_width = cell.x1 - cell.x0;
    let tot_height = cell.y1 - cell.y0;
    let cumsum = |cell: f64, sep: f64, n: f64, ratios: &[f64]| {
        let norm = cell * n / ratios.iter().fold(0.0, |a, b| a + b);
        let mut acc = 0.0;
        let mut out = Vec::with_capacity(ratios.len() * 2);
        for (i, r) in ratios.iter().enumerate() {
            acc += if i == 0 { 0.0 } else { sep };
            out.push(acc);
            acc += r * norm;
            out.push(acc);
        }
        out
    };
    let cell_h = tot_height / (nrows + hspace * (nrows - 1.0));
    let hs = cumsum(cell_h, hspace * cell_h, nrows, row_ratios);
    let cell_w = tot_width / (ncols + wspace * (ncols - 1.0));
    let ws = cumsum(cell_w, wspace * cell_w, ncols, col_ratios);
    let (mut tops, mut bottoms, mut lefts, mut rights) = (vec![], vec![], vec![], vec![]);
    for pair in hs.chunks_exact(2) {
        tops.push(cell.y1 - pair[0]);
        bottoms.push(cell.y1 - pair[1]);
    }
    for pair in ws.chunks_exact(2) {
        lefts.push(cell.x0 + pair[0]);
        rights.push(cell.x0 + pair[1]);
    }
    (bottoms, tops, lefts, rights)
}

/// The extents of the sub-grid cells rows `r0..=r1`, columns `c0..=c1`
/// (`SubplotSpec.get_position`).
pub(crate) fn grid_cell(
    pos: &(Vec<f64>, Vec<f64>, Vec<f64>, Vec<f64>),
    rows: std::ops::RangeInclusive<usize>,
    cols: std::ops::RangeInclusive<usize>,
) -> Bbox {
    let (b, t, l, r) = pos;
    let min = |v: &[f64], idx: std::ops::RangeInclusive<usize>| {
        idx.map(|i| v[i]).fold(f64::INFINITY, f64::min)
    };
    let max = |v: &[f64], idx: std::ops::RangeInclusive<usize>| {
        idx.map(|i| v[i]).fold(f64::NEG_INFINITY, f64::max)
    };
    Bbox {
        x0: min(l, cols.clone()),
        y0: min(b, rows.clone()),
        x1: max(r, cols),
        y1: max(t, rows),
    }
}

/// Text alignment and rotation for [`place_text`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Align {
    pub(crate) ha: Ha,
    pub(crate) va: Va,
    pub(crate) angle: f64,
    /// `multialignment`: how the lines align among themselves (None: as `ha`).
    pub(crate) ma: Option<Ha>,
    /// `linespacing`: None for 'normal', else the line step in multiples of the font's
    /// ascent + descent.
    pub(crate) linespacing: Option<f64>,
}

/// Shapes `s` and places it at `anchor` (display) the way `Text.draw` does; mathtext
/// (`$...$`) goes through the mathtext layout.
pub(crate) fn place_text(
    glyphs: &mut GlyphCache,
    s: &str,
    size_pt: f64,
    dpi: f64,
    anchor: (f64, f64),
    al: Align,
) -> Result<TextItem> {
    place_text_in(glyphs, s, size_pt, dpi, anchor, al, FontFace::Sans, true)
}

/// [`place_text`] in another font `face`, with `rotation_mode` 'anchor' (`anchor_mode`)
/// or 'default'.
#[allow(clippy::too_many_arguments)]
pub(crate) fn place_text_in(
    glyphs: &mut GlyphCache,
    s: &str,
    size_pt: f64,
    dpi: f64,
    anchor: (f64, f64),
    al: Align,
    face: FontFace,
    anchor_mode: bool,
) -> Result<TextItem> {
    let block = glyphs.layout_text_face(
        s,
        size_pt,
        dpi,
        al.ma.unwrap_or(al.ha),
        face,
        al.linespacing,
    )?;
    let placed = block.place_mode(anchor, al.ha, al.va, al.angle, anchor_mode);
    let (x0, y0, x1, y1) = placed.extent;
    let first = &block.lines[0];
    Ok(TextItem {
        text: s.to_string(),
        shaped: first.shaped.clone(),
        math: first.math.clone(),
        pen: placed.pens[0],
        angle_deg: al.angle,
        bbox: Bbox { x0, y0, x1, y1 },
        pens: placed.pens,
        box_corner: placed.corner,
        block,
        color: None,
    })
}

/// The `BboxTransformFrom(view) + BboxTransformTo(bbox)` data transform, in matplotlib's
/// multiplication order.
fn trans_data(view_x: (f64, f64), view_y: (f64, f64), bbox: &Bbox) -> Affine {
    let (sx, sy) = (1.0 / (view_x.1 - view_x.0), 1.0 / (view_y.1 - view_y.0));
    let limits = Affine {
        sx,
        shy: 0.0,
        shx: 0.0,
        sy,
        tx: -view_x.0 * sx,
        ty: -view_y.0 * sy,
    };
    let axes = Affine {
        sx: bbox.width(),
        shy: 0.0,
        shx: 0.0,
        sy: bbox.height(),
        tx: bbox.x0,
        ty: bbox.y0,
    };
    limits.then(&axes)
}

/// How data values along an axis map to the linear space the data transform works in
/// (matplotlib's axis scale).
#[derive(Debug, Clone)]
pub enum AxisMap {
    /// A linear, log or symlog scale.
    Scale(AxisScale),
    /// `'function'` with the norm as forward transform (colorbars of PowerNorm,
    /// TwoSlopeNorm, CenteredNorm).
    Norm(Box<Norm>),
    /// `'function'` with `_forward_boundaries` (colorbars of contour sets): the boundaries
    /// spaced uniformly.
    Boundaries(Vec<f64>),
}

impl AxisMap {
    /// The scale transform of one value.
    pub fn forward(&self, v: f64) -> f64 {
        match self {
            AxisMap::Scale(s) => s.transform(v),
            AxisMap::Norm(n) => norm_forward(n, v),
            AxisMap::Boundaries(b) => crate::colorbar_contour::forward_boundaries(b, v),
        }
    }

    fn tick_scale(&self) -> Option<AxisScale> {
        match self {
            AxisMap::Scale(s) => Some(*s),
            AxisMap::Norm(_) | AxisMap::Boundaries(_) => None,
        }
    }

    /// The scale a colorbar's long axis gets for `norm`.
    fn for_norm(norm: &Norm) -> AxisMap {
        match norm.kind() {
            NormKind::Linear | NormKind::NoNorm => AxisMap::Scale(AxisScale::Linear),
            NormKind::Log => AxisMap::Scale(AxisScale::LOG10),
            NormKind::SymLog {
                linthresh,
                linscale,
                base,
            } => AxisMap::Scale(AxisScale::SymLog {
                base: *base,
                linthresh: *linthresh,
                linscale: *linscale,
            }),
            _ => AxisMap::Norm(Box::new(norm.clone())),
        }
    }
}

/// `norm(v)` for one float64 value (NaN when masked or when the limits are unset).
pub(crate) fn norm_forward(norm: &Norm, v: f64) -> f64 {
    match norm.prepare(Work::F64, false) {
        Ok(Some(p)) => prepared_value(&p, v),
        _ => f64::NAN,
    }
}

fn prepared_value(p: &Prepared, v: f64) -> f64 {
    match p.map_f64(v) {
        Normed::F64(x) => x,
        Normed::F32(x) | Normed::F16(x) => f64::from(x),
        Normed::Int(i) => i as f64,
        Normed::Masked => f64::NAN,
    }
}

/// Lays out `fig`, shaping text with `glyphs`.
pub fn layout(fig: &Figure, glyphs: &mut GlyphCache) -> Result<Layout> {
    let resolved = fig.resolved(); // shared axes as one (src/share.rs)
    let fig: &Figure = &resolved;
    let (width_px, height_px) = fig.size_px()?;
    let dpi = fig.dpi();
    let (wf, hf) = (fig.width_in() * dpi, fig.height_in() * dpi);
    let fig_aspect = hf / wf;
    let style = fig.style();
    let sp = style.subplot;

    // Slots in figure fractions: every subplot is the one cell of a 1x1 grid spec.
    let subplot_cell = {
        let pos = grid_positions(
            Bbox {
                x0: sp.left,
                y0: sp.bottom,
                x1: sp.right,
                y1: sp.top,
            },
            0.2,
            0.2,
            &[1.0],
            &[1.0],
        );
        grid_cell(&pos, 0..=0, 0..=0)
    };
    let mut slots: Vec<Bbox> = fig
        .axes
        .iter()
        .map(|a| match a.position {
            AxesPosition::Subplot => subplot_cell,
            AxesPosition::Cell { row, col } => match &fig.grid {
                Some(g) => {
                    let pos = grid_positions(
                        Bbox {
                            x0: sp.left,
                            y0: sp.bottom,
                            x1: sp.right,
                            y1: sp.top,
                        },
                        sp.wspace,
                        sp.hspace,
                        &g.height_ratios,
                        &g.width_ratios,
                    );
                    grid_cell(&pos, row..=row, col..=col)
                }
                None => subplot_cell,
            },
            AxesPosition::Rect([l, b, w, h]) => Bbox {
                x0: l,
                y0: b,
                x1: l + w,
                y1: b + h,
            },
        })
        .collect();
    let mut anchors: Vec<Anchor> = fig.axes.iter().map(|a| a.anchor).collect();

    // Colorbars steal space from their parent's slot (make_axes_gridspec).
    let cbar_cells = colorbar::colorbar_cells(fig, &mut slots, &mut anchors);

    let mut axes_out = Vec::with_capacity(fig.axes.len());
    let views = crate::share::draw_views(&fig.axes);
    // Every Axes' box first: a shared axis' locator may measure a later Axes' box.
    let boxes: Vec<Bbox> = fig
        .axes
        .iter()
        .enumerate()
        .map(|(i, ax)| {
            let (view_x, view_y) = views[i];
            let (xscale, yscale) = (ax.plot.x.scale, ax.plot.y.scale);
            let scaled_x = (xscale.transform(view_x.0), xscale.transform(view_x.1));
            let scaled_y = (yscale.transform(view_y.0), yscale.transform(view_y.1));
            let slot = slots[i];
            let aspect = match ax.aspect {
                Aspect::Equal => Some(1.0),
                Aspect::Ratio(r) => Some(r),
                Aspect::Auto => None,
            };
            let pos = match aspect {
                Some(a) => {
                    let xsize = (scaled_x.1 - scaled_x.0).abs().max(1e-30);
                    let ysize = (scaled_y.1 - scaled_y.0).abs().max(1e-30);
                    slot.shrunk_to_aspect(a * (ysize / xsize), fig_aspect)
                        .anchored(anchors[i], &slot)
                }
                None => slot,
            };
            pos.scaled(wf, hf)
        })
        .collect();
    for (i, ax) in fig.axes.iter().enumerate() {
        let (view_x, view_y) = views[i];
        let (xscale, yscale) = (ax.plot.x.scale, ax.plot.y.scale);
        let scaled_x = (xscale.transform(view_x.0), xscale.transform(view_x.1));
        let scaled_y = (yscale.transform(view_y.0), yscale.transform(view_y.1));
        let bbox = boxes[i];
        let trans = trans_data(scaled_x, scaled_y, &bbox);
        let (mut xaxis, mut yaxis) = (None, None);
        // A shared axis ticks with its group's locator, sized by the box of the Axes the
        // locator was set on (`crate::share::locator_axes`: the root's, or after a scale
        // change the group's last member's).
        let owner = |k: usize| crate::share::locator_axes(&fig.axes, i, k);
        let root_len = |k: usize| {
            let b = boxes.get(owner(k)).filter(|_| owner(k) != i)?;
            Some(if k == 0 { b.width() } else { b.height() })
        };
        if ax.axis_on {
            let mut xa = layout_axis(
                fig,
                glyphs,
                AxisSpec {
                    side: Side::Bottom,
                    view: view_x,
                    map: &AxisMap::Scale(xscale),
                    bbox: &bbox,
                    trans: &trans,
                    fixed: ax.plot.x.ticks.as_ref(),
                    params: ax.plot.x.tick_params,
                    subs: ax.plot.x.subs.as_deref(),
                    outline_top: None,
                    locator_len_px: root_len(0),
                    locator_label_pt: fig
                        .axes
                        .get(owner(0))
                        .and_then(|r| r.plot.x.tick_params.labelsize),
                },
            )?;
            let mut ya = layout_axis(
                fig,
                glyphs,
                AxisSpec {
                    side: Side::Left,
                    view: view_y,
                    map: &AxisMap::Scale(yscale),
                    bbox: &bbox,
                    trans: &trans,
                    fixed: ax.plot.y.ticks.as_ref(),
                    params: ax.plot.y.tick_params,
                    subs: ax.plot.y.subs.as_deref(),
                    outline_top: None,
                    locator_len_px: root_len(1),
                    locator_label_pt: fig
                        .axes
                        .get(owner(1))
                        .and_then(|r| r.plot.y.tick_params.labelsize),
                },
            )?;
            if let Some(l) = &ax.xlabel {
                place_axis_label(fig, glyphs, &mut xa, &bbox, l, &ax.xlabel_opts)?;
            }
            if let Some(l) = &ax.ylabel {
                place_axis_label(fig, glyphs, &mut ya, &bbox, l, &ax.ylabel_opts)?;
            }
            xaxis = Some(xa);
            yaxis = Some(ya);
        }
        let [left_title, title, right_title] = crate::axes_text::place_titles(
            glyphs,
            &ax.titles,
            ax.title_auto_pos,
            ax.title_pad_pt.unwrap_or(style.title_pad_pt),
            style.title_size_pt,
            dpi,
            (
                &bbox,
                yaxis
                    .as_ref()
                    .and_then(|a| a.offset_text.as_ref())
                    .map(|t| t.bbox),
            ),
        )?;
        let image_norms = ax
            .images
            .iter()
            .enumerate()
            .map(|(index, image)| {
                let handle = Mappable::Image(ImageHandle { axes: ax.id, index });
                image.drawing_norm(fig.colorbars.iter().any(|c| c.mappable == handle))
            })
            .collect();
        axes_out.push(AxesLayout {
            id: ax.id,
            bbox,
            view_x,
            view_y,
            trans_data: trans,
            xaxis,
            yaxis,
            title,
            side_titles: [left_title, right_title],
            image_norms,
            xscale,
            yscale,
        });
    }

    let colorbars = colorbar::layout_colorbars(
        fig, glyphs, cbar_cells, &axes_out, wf, hf, fig_aspect, height_px,
    )?;

    Ok(Layout {
        width_px,
        height_px,
        width_f: wf,
        height_f: hf,
        dpi,
        axes: axes_out,
        colorbars,
        figure_texts: crate::subplots::figure_texts(fig, glyphs, wf, hf)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_subplot_box() {
        // spec 1.3: x 80..576, y 52.8..422.4 at 640x480.
        let pos = grid_positions(
            Bbox {
                x0: 0.125,
                y0: 0.11,
                x1: 0.9,
                y1: 0.88,
            },
            0.2,
            0.2,
            &[1.0],
            &[1.0],
        );
        let b = grid_cell(&pos, 0..=0, 0..=0).scaled(640.0, 480.0);
        assert!((b.x0 - 80.0).abs() < 1e-9 && (b.x1 - 576.0).abs() < 1e-9);
        assert!((b.y0 - 52.8).abs() < 1e-9 && (b.y1 - 422.4).abs() < 1e-9);
    }

    #[test]
    fn aspect_shrink_and_anchor() {
        // spec 2: a square image with a right colorbar: parent x 80..476.8 shrunk to 369.6 wide, anchored E.
        let slot = Bbox {
            x0: 80.0 / 640.0,
            y0: 0.11,
            x1: 476.8 / 640.0,
            y1: 0.88,
        };
        let b = slot
            .shrunk_to_aspect(1.0, 0.75)
            .anchored(Anchor { x: 1.0, y: 0.5 }, &slot)
            .scaled(640.0, 480.0);
        assert!((b.x0 - 107.2).abs() < 1e-9, "{b:?}");
        assert!((b.x1 - 476.8).abs() < 1e-9, "{b:?}");
    }
}
