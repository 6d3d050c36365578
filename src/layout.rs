//! Layout: the figure model resolved into boxes, transforms, ticks and positioned text, with
//! matplotlib's arithmetic (gridspec positions, aspect shrink and anchor, colorbar space
//! stealing, tick locators and formatters, text alignment). No pixels.
//! Over 800 lines: one pass over the figure (gridspec, aspect, ticks, labels, colorbars) that
//! reproduces matplotlib's float order; the per-axis tick layout and the colorbar geometry are
//! the next pieces to move into modules of their own (left undone, see the last closing note).

use crate::artists::autoscale::Which;
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

/// matplotlib's default `extendfrac`: each extend triangle is 5 % of the interior.
const EXTEND_FRAC: f64 = 0.05;

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
fn grid_positions(
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
fn grid_cell(
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
    let block = glyphs.layout_text_face(s, size_pt, dpi, al.ha, face)?;
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
            NormKind::Log => AxisMap::Scale(AxisScale::Log10),
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
        Normed::F32(x) => f64::from(x),
        Normed::Int(i) => i as f64,
        Normed::Masked => f64::NAN,
    }
}

/// Inputs for laying out one axis.
struct AxisSpec<'a> {
    side: Side,
    /// View limits in data coordinates.
    view: (f64, f64),
    map: &'a AxisMap,
    bbox: &'a Bbox,
    /// Data transform built on the scaled view.
    trans: &'a Affine,
    /// `set_xticks` / `set_yticks`: fixed positions and optional labels.
    fixed: Option<&'a (Vec<f64>, Option<Vec<String>>)>,
    /// `tick_params` of the major ticks.
    params: TickParams,
    /// The symlog scale's `subs` (`None`: `[1.0]`).
    subs: Option<&'a [f64]>,
    /// A colorbar's outline top in display y (the upper extend triangle's apex when
    /// extended): `YAxis._update_offset_text_position` puts the offset text above the
    /// `outline` spine's extent; `None` for an Axes (its box top).
    outline_top: Option<f64>,
}

/// Shapes a tick label; mathtext labels are laid out by the mathtext engine.
fn tick_label_text(
    glyphs: &mut GlyphCache,
    label: &TickLabel,
    size_pt: f64,
    dpi: f64,
    anchor: (f64, f64),
    al: Align,
) -> Result<Option<TextItem>> {
    match label {
        TickLabel::Empty => Ok(None),
        TickLabel::Plain(s) if s.is_empty() => Ok(None),
        TickLabel::Plain(s) => place_tick(glyphs, s, size_pt, dpi, anchor, al).map(Some),
        other => place_tick(glyphs, &other.to_mathtext(), size_pt, dpi, anchor, al).map(Some),
    }
}

/// A tick label: unrotated as [`place_text`]; `labelrotation` with rotation_mode
/// 'default' (rotate, then align the rotated extent).
fn place_tick(
    glyphs: &mut GlyphCache,
    s: &str,
    size_pt: f64,
    dpi: f64,
    anchor: (f64, f64),
    al: Align,
) -> Result<TextItem> {
    let anchor_mode = al.angle == 0.0;
    place_text_in(
        glyphs,
        s,
        size_pt,
        dpi,
        anchor,
        al,
        FontFace::Sans,
        anchor_mode,
    )
}

fn layout_axis(fig: &Figure, glyphs: &mut GlyphCache, spec: AxisSpec<'_>) -> Result<AxisLayout> {
    let style = fig.style();
    let dpi = fig.dpi();
    let size_pt = spec.params.labelsize.unwrap_or(style.font_size_pt);
    let major_len = spec.params.length.unwrap_or(style.major_tick_size_pt);
    // Tick.get_tick_padding: the part of the tick outside the Axes.
    let outside = match spec.params.direction {
        TickDirection::Out => 1.0,
        TickDirection::InOut => 0.5,
        TickDirection::In => 0.0,
    };
    let (kind, len_px) = match spec.side {
        Side::Bottom => (AxisKind::X, spec.bbox.width()),
        Side::Left | Side::Right => (AxisKind::Y, spec.bbox.height()),
    };
    let along = |v: f64| {
        let t = spec.map.forward(v);
        match spec.side {
            Side::Bottom => spec.trans.sx * t + spec.trans.tx,
            _ => spec.trans.sy * t + spec.trans.ty,
        }
    };
    let space = ticks::tick_space(len_px, dpi, size_pt, kind)?;
    let computed = match spec.map.tick_scale() {
        Some(scale) => ticks::axis_ticks(spec.view, space, scale)?,
        None => {
            // Function scales: AutoLocator + ScalarFormatter on the data view, filtered in
            // the norm's space.
            let (lo, hi) = if spec.view.0 <= spec.view.1 {
                spec.view
            } else {
                (spec.view.1, spec.view.0)
            };
            let locs =
                MaxNLocator::auto(ticks::nbins_from_tick_space(space))?.tick_values(lo, hi)?;
            let labels = ScalarFormatter::default().format_ticks(&locs, spec.view.0, spec.view.1);
            let visible =
                ticks::visible_ticks_by(&locs, spec.view.0, spec.view.1, |v| spec.map.forward(v));
            let major = locs
                .iter()
                .zip(labels.labels)
                .filter(|(l, _)| visible.contains(l))
                .map(|(&loc, label)| ticks::Tick {
                    loc,
                    label: TickLabel::Plain(label),
                })
                .collect();
            ticks::AxisTicks {
                major,
                minor: Vec::new(),
                offset_text: labels.offset_text,
                major_locs: locs,
            }
        }
    };
    let mut computed = computed;
    if let Some((locs, labels)) = spec.fixed {
        // FixedLocator + FixedFormatter (labels given) or the scale's formatter.
        let (a, b) = spec.view;
        let texts: Vec<TickLabel> = match (labels, spec.map.tick_scale()) {
            (Some(l), _) => l.iter().map(|s| TickLabel::Plain(s.clone())).collect(),
            (None, Some(AxisScale::Log10)) => {
                ticks::LogFormatterSciNotation::major(10.0)?.format_ticks(locs, a, b)
            }
            (
                None,
                Some(AxisScale::SymLog {
                    base, linthresh, ..
                }),
            ) => ticks::LogFormatterSciNotation::symlog(base, linthresh)?.format_ticks(locs, a, b),
            _ => {
                let f = ScalarFormatter::default().format_ticks(locs, a, b);
                computed.offset_text = f.offset_text;
                f.labels.into_iter().map(TickLabel::Plain).collect()
            }
        };
        if labels.is_some() {
            computed.offset_text = String::new();
        }
        let visible = ticks::visible_ticks_by(locs, a, b, |v| spec.map.forward(v));
        computed.major = locs
            .iter()
            .zip(texts)
            .filter(|(l, _)| visible.contains(l))
            .map(|(&loc, label)| ticks::Tick { loc, label })
            .collect();
    }
    match (spec.params.minor_ticks, spec.map.tick_scale()) {
        (Some(false), _) => computed.minor.clear(),
        (Some(true), Some(AxisScale::Linear)) => {
            let majors = match spec.fixed {
                Some((locs, _)) => locs.clone(),
                None => computed.major_locs.clone(),
            };
            computed.minor = ticks::auto_minor_ticks(&majors, spec.view);
        }
        (_, Some(s @ AxisScale::SymLog { .. })) => {
            let majors = match spec.fixed {
                Some((locs, _)) => locs.clone(),
                None => computed.major_locs.clone(),
            };
            computed.minor = ticks::symlog_minor_ticks(s, spec.subs, &majors, spec.view)?;
        }
        (Some(true), None) => {
            return Err(Error::invalid(
                "minorticks_on",
                "a function-scale axis",
                "a linear, log or symlog axis",
            ))
        }
        _ => {}
    }
    let line = match spec.side {
        Side::Bottom => spec.bbox.y0,
        Side::Left => spec.bbox.x0,
        Side::Right => spec.bbox.x1,
    };
    let mut out = Vec::with_capacity(computed.major.len() + computed.minor.len());
    for (major, t) in computed
        .major
        .iter()
        .map(|t| (true, t))
        .chain(computed.minor.iter().map(|t| (false, t)))
    {
        let pos = along(t.loc);
        let (size, pad) = if major {
            (
                major_len * outside,
                spec.params.pad.unwrap_or(style.major_tick_pad_pt),
            )
        } else {
            (
                spec.params.minor_length.unwrap_or(style.minor_tick_size_pt),
                spec.params.minor_pad.unwrap_or(style.minor_tick_pad_pt),
            )
        };
        let rotation = spec.params.labelrotation.unwrap_or(0.0).rem_euclid(360.0);
        let pad_px = (size + pad) / 72.0 * dpi;
        let (anchor, al) = match spec.side {
            Side::Bottom => (
                (pos, line + -pad_px),
                Align {
                    ha: Ha::Center,
                    va: Va::Top,
                    angle: rotation,
                },
            ),
            Side::Left => (
                (line + -pad_px, pos),
                Align {
                    ha: Ha::Right,
                    va: Va::CenterBaseline,
                    angle: rotation,
                },
            ),
            Side::Right => (
                (line + pad_px, pos),
                Align {
                    ha: Ha::Left,
                    va: Va::CenterBaseline,
                    angle: rotation,
                },
            ),
        };
        let label = if spec.params.labels_hidden {
            None
        } else {
            tick_label_text(glyphs, &t.label, size_pt, dpi, anchor, al)?
        };
        out.push(Tick {
            value: t.loc,
            pos,
            label,
            major,
        });
    }
    let offset_text = if computed.offset_text.is_empty() || spec.params.labels_hidden {
        None
    } else {
        let off_px = 3.0 / 72.0 * dpi;
        let (anchor, al) = match spec.side {
            Side::Bottom => {
                let bottom = out
                    .iter()
                    .filter_map(|t| t.label.as_ref())
                    .map(|l| l.bbox.y0)
                    .fold(spec.bbox.y0, f64::min);
                (
                    (spec.bbox.x1, bottom - off_px),
                    Align {
                        ha: Ha::Right,
                        va: Va::Top,
                        angle: 0.0,
                    },
                )
            }
            Side::Left => (
                (
                    spec.bbox.x0,
                    spec.outline_top.unwrap_or(spec.bbox.y1) + off_px,
                ),
                Align {
                    ha: Ha::Left,
                    va: Va::Baseline,
                    angle: 0.0,
                },
            ),
            Side::Right => (
                (
                    spec.bbox.x1,
                    spec.outline_top.unwrap_or(spec.bbox.y1) + off_px,
                ),
                Align {
                    ha: Ha::Right,
                    va: Va::Baseline,
                    angle: 0.0,
                },
            ),
        };
        Some(place_text(
            glyphs,
            &computed.offset_text,
            size_pt,
            dpi,
            anchor,
            al,
        )?)
    };
    Ok(AxisLayout {
        side: spec.side,
        line,
        ticks: out,
        label: None,
        offset_text,
        major_length_pt: major_len,
        direction: spec.params.direction,
        params: spec.params,
    })
}

/// Places an axis label beside the union of the tick labels and the spine (with its tick
/// marks), as `Axis._update_label_position` does.
fn place_axis_label(
    fig: &Figure,
    glyphs: &mut GlyphCache,
    axis: &mut AxisLayout,
    bbox: &Bbox,
    text: &str,
    opts: &crate::axes_text::LabelOptions,
) -> Result<()> {
    let style = fig.style();
    let (at, ha) = crate::axes_text::label_loc(opts.loc.as_deref(), axis.side != Side::Bottom)?;
    let dpi = fig.dpi();
    let tick_px = style.major_tick_size_pt / 72.0 * dpi;
    let mut union = match axis.side {
        Side::Bottom => Bbox {
            x0: bbox.x0,
            y0: bbox.y0 - tick_px,
            x1: bbox.x1,
            y1: bbox.y0,
        },
        Side::Left => Bbox {
            x0: bbox.x0 - tick_px,
            y0: bbox.y0,
            x1: bbox.x0,
            y1: bbox.y1,
        },
        Side::Right => Bbox {
            x0: bbox.x1,
            y0: bbox.y0,
            x1: bbox.x1 + tick_px,
            y1: bbox.y1,
        },
    };
    for t in &axis.ticks {
        if let Some(l) = &t.label {
            union = union.union(&l.bbox);
        }
    }
    let pad = opts.labelpad.unwrap_or(style.label_pad_pt) * dpi / 72.0;
    let along_x = if at == 0.5 {
        bbox.x0 + 0.5 * bbox.width()
    } else {
        at * bbox.width() + bbox.x0
    };
    let along_y = if at == 0.5 {
        bbox.y0 + 0.5 * bbox.height()
    } else {
        at * bbox.height() + bbox.y0
    };
    let (anchor, al) = match axis.side {
        Side::Bottom => (
            (along_x, union.y0 - pad),
            Align {
                ha,
                va: Va::Top,
                angle: 0.0,
            },
        ),
        Side::Left => (
            (union.x0 - pad, along_y),
            Align {
                ha,
                va: Va::Bottom,
                angle: 90.0,
            },
        ),
        Side::Right => (
            (union.x1 + pad, along_y),
            Align {
                ha,
                va: Va::Top,
                angle: 90.0,
            },
        ),
    };
    let mut item = place_text(
        glyphs,
        text,
        opts.fontsize.unwrap_or(style.font_size_pt),
        dpi,
        anchor,
        al,
    )?;
    item.color = crate::axes_text::text_color(opts.color.as_deref())?;
    axis.label = Some(item);
    Ok(())
}

/// The display coordinates of a colorbar's cell boundaries along its long axis, following
/// `Colorbar._process_values`, `_proportional_y` and `_mesh`: boundaries
/// `norm.inverse(linspace(0, 1, N + 1))`, normalised again, inverted with the colorbar's
/// limits, then transformed.
fn colorbar_edges(
    norm: &Norm,
    limits: (f64, f64),
    map: &AxisMap,
    n: usize,
    trans: &Affine,
    side: Side,
) -> Result<Vec<f64>> {
    let step = 1.0 / n as f64;
    let prepared = norm.prepare(Work::F64, false)?;
    let mut y = Vec::with_capacity(n + 1);
    for k in 0..=n {
        let u = if k == n { 1.0 } else { k as f64 * step };
        let b = norm.inverse(u)?;
        y.push(prepared.as_ref().map_or(f64::NAN, |p| prepared_value(p, b)));
    }
    let (y0, y1) = (y[0], y[n]);
    // `_mesh` inverts with the norm's limits set to the colorbar's own (`limits`).
    let mesh_norm = norm.clone().with_limits(Some(limits.0), Some(limits.1));
    let mut out = Vec::with_capacity(n + 1);
    for v in y {
        let data = mesh_norm.inverse((v - y0) / (y1 - y0))?;
        let t = map.forward(data);
        out.push(match side {
            Side::Bottom => trans.sx * t + trans.tx,
            _ => trans.sy * t + trans.ty,
        });
    }
    Ok(out)
}

/// Lays out `fig`, shaping text with `glyphs`.
pub fn layout(fig: &Figure, glyphs: &mut GlyphCache) -> Result<Layout> {
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
    let mut cbar_cells = Vec::with_capacity(fig.colorbars.len());
    for cb in &fig.colorbars {
        let o = &cb.options;
        if let Some(parents) = &o.ax {
            let cell = crate::colorbar::make_axes(&mut slots, &mut anchors, parents, o);
            cbar_cells.push(cell);
            continue;
        }
        let parent = cb.parent().index;
        let slot = slots[parent];
        let (cell, main, panchor, anchor) = match o.orientation {
            Orientation::Vertical => {
                let pad = o.pad.unwrap_or(0.05);
                let wh_space = 2.0 * pad / (1.0 - pad);
                let anchor = Anchor { x: 0.0, y: 0.5 };
                let rows = [
                    (1.0 - anchor.y) * (1.0 - o.shrink),
                    o.shrink,
                    anchor.y * (1.0 - o.shrink),
                ];
                let cols = [1.0 - o.fraction - pad, o.fraction];
                let pos = grid_positions(slot, wh_space, 0.0, &rows, &cols);
                (
                    grid_cell(&pos, 1..=1, 1..=1),
                    grid_cell(&pos, 0..=2, 0..=0),
                    Anchor { x: 1.0, y: 0.5 },
                    anchor,
                )
            }
            Orientation::Horizontal => {
                let pad = o.pad.unwrap_or(0.15);
                let wh_space = 2.0 * pad / (1.0 - pad);
                let anchor = Anchor { x: 0.5, y: 1.0 };
                let cols = [
                    anchor.x * (1.0 - o.shrink),
                    o.shrink,
                    (1.0 - anchor.x) * (1.0 - o.shrink),
                ];
                let rows = [1.0 - o.fraction - pad, o.fraction];
                let pos = grid_positions(slot, 0.0, wh_space, &rows, &cols);
                (
                    grid_cell(&pos, 1..=1, 1..=1),
                    grid_cell(&pos, 0..=0, 0..=2),
                    Anchor { x: 0.5, y: 0.0 },
                    anchor,
                )
            }
        };
        slots[parent] = main;
        anchors[parent] = panchor;
        cbar_cells.push((cell, anchor));
    }

    let mut axes_out = Vec::with_capacity(fig.axes.len());
    for (i, ax) in fig.axes.iter().enumerate() {
        let view_x = crate::subplots::shared_view(&fig.axes, i, Which::X);
        let view_y = crate::subplots::shared_view(&fig.axes, i, Which::Y);
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
        let bbox = pos.scaled(wf, hf);
        let trans = trans_data(scaled_x, scaled_y, &bbox);
        let (mut xaxis, mut yaxis) = (None, None);
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
            &bbox,
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

    let mut colorbars = Vec::with_capacity(fig.colorbars.len());
    for (index, (cb, (cell, anchor))) in fig.colorbars.iter().zip(cbar_cells).enumerate() {
        let o = &cb.options;
        let alpha = match cb.mappable {
            Mappable::Artist(h) => fig
                .axes(h.axes)
                .and_then(|a| a.plot.artists.get(h.index))
                .and_then(|a| a.alpha()),
            Mappable::Image(_) => None,
        };
        let contour = match cb.mappable {
            Mappable::Artist(h) => fig
                .axes(h.axes)
                .and_then(|a| a.plot.artists.get(h.index))
                .and_then(|a| match a {
                    crate::artists::Artist::Contour(c) => Some(c),
                    _ => None,
                }),
            Mappable::Image(_) => None,
        };
        let cscale = contour.map(ContourScale::new);
        let (norm, cmap) = match (&cscale, cb.mappable) {
            (Some(s), _) => (
                Norm::linear().with_limits(Some(s.limits.0), Some(s.limits.1)),
                Colormap::named("viridis")?,
            ),
            (None, Mappable::Image(h)) => {
                let image = fig
                    .axes(h.axes)
                    .and_then(|a| a.images.get(h.index))
                    .ok_or_else(|| {
                        Error::invalid(
                            "colorbar image",
                            format!("{h:?}"),
                            "an image of this figure",
                        )
                    })?;
                (
                    axes_out[h.axes.index].image_norms[h.index].clone(),
                    image.cmap.clone(),
                )
            }
            (None, Mappable::Artist(h)) => fig
                .axes(h.axes)
                .and_then(|a| a.plot.artists.get(h.index))
                .and_then(|a| a.mapping())
                .map(|(n, c)| (n.clone(), c.clone()))
                .ok_or_else(|| {
                    Error::invalid(
                        "colorbar mappable",
                        format!("{h:?}"),
                        "a colour-mapped scatter or pcolormesh",
                    )
                })?,
        };
        // The long axis spans the first and last colour boundaries,
        // `norm.inverse(0)` and `norm.inverse(1)` (colorbar.py's `vmin`/`vmax`), which can
        // differ from the norm's limits in the last bit.
        let (vmin, vmax) = match (&cscale, norm.vmin(), norm.vmax()) {
            (Some(s), _, _) => s.limits,
            (None, Some(a), Some(b)) => (
                norm.inverse(0.0).unwrap_or(a),
                norm.inverse(1.0).unwrap_or(b),
            ),
            _ => (0.0, 1.0),
        };
        // Extend triangles take their length (5 % of the interior each) out of the cell, as
        // `_ColorbarAxesLocator` does: shrink, shift, and adapt the box aspect.
        // A contour set's own `extend` replaces the keyword.
        let (lower, upper) = match (contour, o.extend) {
            (Some(c), _) => c.extended,
            (None, Extend::Neither) => (false, false),
            (None, Extend::Min) => (true, false),
            (None, Extend::Max) => (false, true),
            (None, Extend::Both) => (true, true),
        };
        let (elo, ehi) = (
            if lower { EXTEND_FRAC } else { 0.0 },
            if upper { EXTEND_FRAC } else { 0.0 },
        );
        let (cell, box_aspect) = if lower || upper {
            let len = (elo + ehi) + 1.0;
            let shrink = 1.0 / len;
            let offset = elo / len;
            match o.orientation {
                Orientation::Vertical => {
                    let dy = offset * cell.height();
                    let h = shrink * cell.height();
                    (
                        Bbox {
                            x0: cell.x0,
                            y0: cell.y0 + dy,
                            x1: cell.x1,
                            y1: cell.y0 + h + dy,
                        },
                        o.aspect * shrink,
                    )
                }
                Orientation::Horizontal => {
                    let dx = offset * cell.width();
                    let w = shrink * cell.width();
                    (
                        Bbox {
                            x0: cell.x0 + dx,
                            y0: cell.y0,
                            x1: cell.x0 + w + dx,
                            y1: cell.y1,
                        },
                        1.0 / (o.aspect * shrink),
                    )
                }
            }
        } else {
            let a = match o.orientation {
                Orientation::Vertical => o.aspect,
                Orientation::Horizontal => 1.0 / o.aspect,
            };
            (cell, a)
        };
        let pos = cell
            .shrunk_to_aspect(box_aspect, fig_aspect)
            .anchored(anchor, &cell);
        let bbox = pos.scaled(wf, hf);
        // `_reset_locator_formatter_scale`: a LogNorm contour set gets a log axis, any other
        // the uniform boundaries; no minor ticks either way (`NullLocator`).
        let map = match &cscale {
            Some(_) if contour.is_some_and(|c| c.lognorm) => AxisMap::Scale(AxisScale::Log10),
            Some(s) => AxisMap::Boundaries(s.boundaries.clone()),
            None => AxisMap::for_norm(&norm),
        };
        let fixed = cscale.as_ref().map(|s| (s.ticks.clone(), None));
        let (fa, fb) = (map.forward(vmin), map.forward(vmax));
        let (side, sview_x, sview_y) = match o.orientation {
            Orientation::Vertical => (Side::Right, (0.0, 1.0), (fa, fb)),
            Orientation::Horizontal => (Side::Bottom, (fa, fb), (0.0, 1.0)),
        };
        let trans = trans_data(sview_x, sview_y, &bbox);
        // The outline's extent (`Patch.get_window_extent`): its vertices in axes
        // coordinates through transAxes; the top is the upper apex when extended.
        let outline_top =
            (bbox.height() * 1.0 + bbox.y0).max(bbox.height() * (1.0 + ehi) + bbox.y0);
        let mut axis = layout_axis(
            fig,
            glyphs,
            AxisSpec {
                side,
                view: (vmin, vmax),
                map: &map,
                bbox: &bbox,
                trans: &trans,
                fixed: fixed.as_ref(),
                params: TickParams {
                    minor_ticks: cscale.as_ref().map(|_| false),
                    ..TickParams::default()
                },
                subs: None,
                outline_top: Some(outline_top),
            },
        )?;
        let along = |v: f64| {
            let t = map.forward(v);
            match side {
                Side::Bottom => trans.sx * t + trans.tx,
                _ => trans.sy * t + trans.ty,
            }
        };
        let (cell_edges, contour) = match (&cscale, contour) {
            (Some(s), Some(c)) => {
                let edges: Vec<f64> = s.mesh.iter().map(|&v| along(v)).collect();
                let bar = ContourScale::bar(c, &edges);
                (edges, Some(bar))
            }
            _ => (
                colorbar_edges(&norm, (vmin, vmax), &map, cmap.n(), &trans, side)?,
                None,
            ),
        };
        if let Some(l) = &o.label {
            place_axis_label(fig, glyphs, &mut axis, &bbox, l, &Default::default())?;
        }
        colorbars.push(ColorbarLayout {
            index,
            bbox,
            orientation: o.orientation,
            norm,
            cmap,
            axis,
            extend_lower: elo,
            extend_upper: ehi,
            cell_edges,
            alpha,
            contour,
        });
    }

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
