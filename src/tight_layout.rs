//! `Figure.tight_layout`: subplot parameters that fit every subplot's decorations (tick
//! labels, axis labels, titles, offset texts, legends, texts, colorbars) inside the figure,
//! as matplotlib's `_tight_layout.get_tight_layout_figure` computes them from each Axes'
//! `get_tightbbox(for_layout_only=True)`, then applied with `subplots_adjust`.
//!
//! It runs when called, on the figure as it is then (as matplotlib does): what is added
//! afterwards does not move the subplots again.

use crate::artists::{legend, Artist, DrawCtx, TickDirection};
use crate::axes::AxesPosition;
use crate::colorbar::Orientation;
use crate::figure::Figure;
use crate::layout::{AxesLayout, AxisLayout, Bbox, ColorbarLayout, Layout, Side};
use crate::text::GlyphCache;
use crate::{Error, Result};

/// Options of [`Figure::tight_layout`] (matplotlib's keywords).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq)]
pub struct TightLayoutOptions {
    /// `pad`: the padding between the figure edge and the subplots' decorations, as a
    /// fraction of the font size (1.08).
    pub pad: f64,
    /// `h_pad`: the padding between rows, as a fraction of the font size (`pad`).
    pub h_pad: Option<f64>,
    /// `w_pad`: the padding between columns, as a fraction of the font size (`pad`).
    pub w_pad: Option<f64>,
    /// `rect`: `(left, bottom, right, top)` in figure fractions that the subplots and
    /// their decorations fit into (the whole figure); a `None` side (Python's `None`) is
    /// fitted as without `rect`.
    pub rect: Option<[Option<f64>; 4]>,
}

impl Default for TightLayoutOptions {
    /// matplotlib's defaults: `pad=1.08`, `h_pad`/`w_pad` = `pad`, the whole figure.
    fn default() -> Self {
        TightLayoutOptions {
            pad: 1.08,
            h_pad: None,
            w_pad: None,
            rect: None,
        }
    }
}

option_setters!(TightLayoutOptions {
    /// Sets `pad` (fraction of the font size).
    pad: f64 => pad;
    /// Sets `h_pad` (fraction of the font size).
    h_pad: f64 => h_pad = Some;
    /// Sets `w_pad` (fraction of the font size).
    w_pad: f64 => w_pad = Some;
});

impl TightLayoutOptions {
    /// Sets `rect` (`[left, bottom, right, top]`, figure fractions).
    pub fn rect(mut self, rect: [f64; 4]) -> Self {
        self.rect = Some(rect.map(Some));
        self
    }

    /// Sets `rect` with open sides: `rect=(left, bottom, None, top)` leaves the right
    /// margin to the decorations, as without `rect`.
    pub fn rect_partial(mut self, rect: [Option<f64>; 4]) -> Self {
        self.rect = Some(rect);
        self
    }
}

/// A subplot spec: the grid it belongs to (`None`: the 1 x 1 grid of `add_subplot`), its
/// shape, and its cell.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Spec {
    grid: bool,
    nrows: usize,
    ncols: usize,
    row: usize,
    col: usize,
}

impl Figure {
    /// `fig.tight_layout(pad=, h_pad=, w_pad=, rect=)`: sets the subplot parameters
    /// (`left`, `bottom`, `right`, `top` and, with several columns / rows, `wspace` /
    /// `hspace`) so that every subplot's decorations fit, from the figure as it is now.
    ///
    /// Returns `Ok(None)` when applied, and `Ok(Some(warning))` with matplotlib's warning
    /// when matplotlib leaves the subplots as they are (margins that cannot fit, Axes
    /// that are not subplots). A colorbar of several Axes (`ax=[...]`) is an error:
    /// matplotlib moves its parents back to their cells and leaves the colorbar where it
    /// was, which figbuf does not reproduce.
    pub fn tight_layout(&mut self, options: TightLayoutOptions) -> Result<Option<String>> {
        let o = &options;
        let pads = [Some(o.pad), o.h_pad, o.w_pad];
        if pads.iter().flatten().any(|p| !p.is_finite()) {
            return Err(Error::invalid(
                "tight_layout pad",
                format!("pad={}, h_pad={:?}, w_pad={:?}", o.pad, o.h_pad, o.w_pad),
                "finite numbers",
            ));
        }
        if let Some(r) = o.rect {
            if r.iter().flatten().any(|v| !v.is_finite()) {
                return Err(Error::invalid(
                    "tight_layout rect",
                    format!("{r:?}"),
                    "four finite figure fractions",
                ));
            }
        }
        if let Some(cb) = self.colorbars.iter().find(|c| c.options().ax.is_some()) {
            return Err(Error::invalid(
                "tight_layout",
                format!("a colorbar of Axes {:?}", cb.options().ax),
                "colorbars of one Axes (a colorbar of several Axes is not compatible with tight_layout)",
            ));
        }
        let mut glyphs = GlyphCache::new();
        let lay = crate::layout::layout(self, &mut glyphs)?;
        let (kwargs, warning) = tight_params(self, &lay, &mut glyphs, o)?;
        if let Some(k) = kwargs {
            self.subplots_adjust(k.left, k.bottom, k.right, k.top)?;
            // Set directly: tight_layout's spaces can be negative (Axes shrunk by their
            // aspect leave room in their cells), which `subplots_adjust` takes.
            let sp = &mut self.style_mut().subplot;
            sp.wspace = k.wspace.unwrap_or(sp.wspace);
            sp.hspace = k.hspace.unwrap_or(sp.hspace);
        }
        Ok(warning)
    }
}

/// What `_auto_adjust_subplotpars` returns.
#[derive(Debug, Clone, Copy)]
struct Params {
    left: f64,
    bottom: f64,
    right: f64,
    top: f64,
    wspace: Option<f64>,
    hspace: Option<f64>,
}

const INCOMPATIBLE: &str =
    "This figure includes Axes that are not compatible with tight_layout, so results might be incorrect.";

/// `get_tight_layout_figure`: the parameters (None: not applied) and the warning, if any.
fn tight_params(
    fig: &Figure,
    lay: &Layout,
    glyphs: &mut GlyphCache,
    o: &TightLayoutOptions,
) -> Result<(Option<Params>, Option<String>)> {
    let specs: Vec<Option<Spec>> = fig
        .axes
        .iter()
        .map(|a| match (a.position, &fig.grid) {
            (AxesPosition::Cell { row, col }, Some(g)) => Some(Spec {
                grid: true,
                nrows: g.height_ratios.len(),
                ncols: g.width_ratios.len(),
                row,
                col,
            }),
            (AxesPosition::Subplot | AxesPosition::Cell { .. }, _) => Some(Spec {
                grid: false,
                nrows: 1,
                ncols: 1,
                row: 0,
                col: 0,
            }),
            (AxesPosition::Rect(_), _) => None,
        })
        .collect();
    // Each Axes' tight box (display), keyed by its subplot spec in fig.axes order; a
    // colorbar joins its parent's spec (make_axes_gridspec keeps the topmost spec).
    let mut groups: Vec<(Spec, Vec<Bbox>)> = Vec::new();
    let mut warning = None;
    let mut add = |spec: Option<Spec>, bb: Option<Bbox>, warning: &mut Option<String>| match spec {
        None => *warning = Some(INCOMPATIBLE.to_string()),
        Some(s) => {
            let at = match groups.iter().position(|g| g.0 == s) {
                Some(i) => i,
                None => {
                    groups.push((s, Vec::new()));
                    groups.len() - 1
                }
            };
            groups[at].1.extend(bb);
        }
    };
    for (i, (ax, al)) in fig.axes.iter().zip(&lay.axes).enumerate() {
        let bb = axes_tightbbox(fig, lay, ax, al, glyphs)?;
        add(specs[i], bb, &mut warning);
    }
    for cl in &lay.colorbars {
        let parent = fig.colorbars[cl.index].parent().index;
        add(specs[parent], colorbar_tightbbox(cl), &mut warning);
    }
    if groups.is_empty() {
        return Ok((None, warning));
    }
    let max_nrows = groups.iter().map(|g| g.0.nrows).max().unwrap_or(1);
    let max_ncols = groups.iter().map(|g| g.0.ncols).max().unwrap_or(1);
    let mut cells = Vec::with_capacity(groups.len());
    let sp = fig.style().subplot;
    let sub_box = Bbox {
        x0: sp.left,
        y0: sp.bottom,
        x1: sp.right,
        y1: sp.top,
    };
    for (s, bbs) in &groups {
        if max_nrows % s.nrows != 0 {
            let w = "tight_layout not applied: number of rows in subplot specifications must be multiples of one another.";
            return Ok((None, Some(w.into())));
        }
        if max_ncols % s.ncols != 0 {
            let w = "tight_layout not applied: number of columns in subplot specifications must be multiples of one another.";
            return Ok((None, Some(w.into())));
        }
        let (dr, dc) = (max_nrows / s.nrows, max_ncols / s.ncols);
        let (rows, cols) = match (&fig.grid, s.grid) {
            (Some(g), true) => (g.height_ratios.clone(), g.width_ratios.clone()),
            _ => (vec![1.0], vec![1.0]),
        };
        let pos = crate::layout::grid_positions(sub_box, sp.wspace, sp.hspace, &rows, &cols);
        let ax_bbox = crate::layout::grid_cell(&pos, s.row..=s.row, s.col..=s.col);
        let span = (s.row * dr, (s.row + 1) * dr, s.col * dc, (s.col + 1) * dc);
        cells.push((union(bbs), ax_bbox, span));
    }
    let shape = (max_nrows, max_ncols);
    let first = auto_adjust(fig, lay, shape, &cells, o, None)?;
    let params = match (o.rect, first) {
        (Some([l, b, r, t]), Ok(k)) => {
            let rect = [
                l.map(|l| l + k.left),
                b.map(|b| b + k.bottom),
                r.map(|r| r - (1.0 - k.right)),
                t.map(|t| t - (1.0 - k.top)),
            ];
            auto_adjust(fig, lay, shape, &cells, o, Some(rect))?
        }
        (_, k) => k,
    };
    match params {
        Ok(k) => {
            if !(k.left < k.right && k.bottom < k.top) {
                return Err(Error::invalid(
                    "tight_layout",
                    format!(
                        "left={}, bottom={}, right={}, top={}",
                        k.left, k.bottom, k.right, k.top
                    ),
                    "left < right and bottom < top (subplots_adjust refuses the result)",
                ));
            }
            Ok((Some(k), warning))
        }
        Err(w) => Ok((None, Some(w))),
    }
}

type Cell = (Option<Bbox>, Bbox, (usize, usize, usize, usize));

/// `_auto_adjust_subplotpars` with `ax_bbox_list` given: `Err(warning)` when not applied.
fn auto_adjust(
    fig: &Figure,
    lay: &Layout,
    (rows, cols): (usize, usize),
    cells: &[Cell],
    o: &TightLayoutOptions,
    rect: Option<[Option<f64>; 4]>,
) -> Result<std::result::Result<Params, String>> {
    let font_size_inch = fig.style().font_size_pt / 72.0;
    let pad_inch = o.pad * font_size_inch;
    let vpad_inch = o.h_pad.map_or(pad_inch, |h| h * font_size_inch);
    let hpad_inch = o.w_pad.map_or(pad_inch, |w| w * font_size_inch);
    // `if not margin` / `if _right` below: 0 counts as unset, as does None.
    let set = |v: Option<f64>| v.filter(|&v| v != 0.0);
    let (mut m_left, mut m_bottom, mut m_right, mut m_top) = match rect {
        None => (None, None, None, None),
        Some([l, b, r, t]) => (
            set(l),
            set(b),
            set(r).map(|r| 1.0 - r),
            set(t).map(|t| 1.0 - t),
        ),
    };
    // vspaces[rows + 1][cols], hspaces[rows][cols + 1], accumulated in group order.
    let mut vspaces = vec![vec![0.0f64; cols]; rows + 1];
    let mut hspaces = vec![vec![0.0f64; cols + 1]; rows];
    let (wf, hf) = (lay.width_f, lay.height_f);
    let (iw, ih) = (1.0 / wf, 1.0 / hf);
    for (tight, ax_bbox, (r0, r1, c0, c1)) in cells {
        let Some(t) = tight else { continue };
        // fig.transFigure.inverted().transform_bbox: the points times the inverse scale.
        let t = frac(t, iw, ih);
        let (txmin, txmax) = (t.x0.min(t.x1), t.x0.max(t.x1));
        let (tymin, tymax) = (t.y0.min(t.y1), t.y0.max(t.y1));
        for row in hspaces.iter_mut().take(*r1).skip(*r0) {
            row[*c0] += ax_bbox.x0 - txmin;
        }
        for row in hspaces.iter_mut().take(*r1).skip(*r0) {
            row[*c1] += txmax - ax_bbox.x1;
        }
        for v in vspaces[*r0].iter_mut().take(*c1).skip(*c0) {
            *v += tymax - ax_bbox.y1;
        }
        for v in vspaces[*r1].iter_mut().take(*c1).skip(*c0) {
            *v += ax_bbox.y0 - tymin;
        }
    }
    let fmax = |it: &mut dyn Iterator<Item = f64>| it.fold(f64::NEG_INFINITY, f64::max);
    let fig_w = fig.width_in();
    let fig_h = fig.height_in();
    // lay.figure_texts holds suptitle, supxlabel, supylabel, the ones set, in that order.
    let mut it = lay.figure_texts.iter();
    let suptitle = fig.sup.suptitle.as_ref().and_then(|_| it.next());
    let supxlabel = fig.sup.supxlabel.as_ref().and_then(|_| it.next());
    let supylabel = fig.sup.supylabel.as_ref().and_then(|_| it.next());
    let left = match m_left {
        Some(v) => v,
        None => {
            let mut m = fmax(&mut hspaces.iter().map(|r| r[0])).max(0.0) + pad_inch / fig_w;
            if let Some(t) = supylabel {
                let b = frac(&t.bbox, iw, ih);
                m += b.width() + pad_inch / fig_w;
            }
            m
        }
    };
    m_left = Some(left);
    let right = match m_right {
        Some(v) => v,
        None => fmax(&mut hspaces.iter().map(|r| r[cols])).max(0.0) + pad_inch / fig_w,
    };
    m_right = Some(right);
    let top = match m_top {
        Some(v) => v,
        None => {
            let mut m = fmax(&mut vspaces[0].iter().copied()).max(0.0) + pad_inch / fig_h;
            if let Some(t) = suptitle {
                let b = frac(&t.bbox, iw, ih);
                m += b.height() + pad_inch / fig_h;
            }
            m
        }
    };
    m_top = Some(top);
    let bottom = match m_bottom {
        Some(v) => v,
        None => {
            let mut m = fmax(&mut vspaces[rows].iter().copied()).max(0.0) + pad_inch / fig_h;
            if let Some(t) = supxlabel {
                let b = frac(&t.bbox, iw, ih);
                m += b.height() + pad_inch / fig_h;
            }
            m
        }
    };
    m_bottom = Some(bottom);
    let _ = (m_left, m_right, m_top, m_bottom);
    if left + right >= 1.0 {
        return Ok(Err("Tight layout not applied. The left and right margins cannot be made large enough to accommodate all Axes decorations.".into()));
    }
    if bottom + top >= 1.0 {
        return Ok(Err("Tight layout not applied. The bottom and top margins cannot be made large enough to accommodate all Axes decorations.".into()));
    }
    let mut k = Params {
        left,
        right: 1.0 - right,
        bottom,
        top: 1.0 - top,
        wspace: None,
        hspace: None,
    };
    if cols > 1 {
        let inner = fmax(&mut hspaces.iter().flat_map(|r| r[1..cols].iter().copied()));
        let hspace = inner + hpad_inch / fig_w;
        let h_axes = (1.0 - right - left - hspace * (cols - 1) as f64) / cols as f64;
        if h_axes < 0.0 {
            return Ok(Err("Tight layout not applied. tight_layout cannot make Axes width small enough to accommodate all Axes decorations".into()));
        }
        k.wspace = Some(hspace / h_axes);
    }
    if rows > 1 {
        let inner = fmax(&mut vspaces[1..rows].iter().flat_map(|r| r.iter().copied()));
        let vspace = inner + vpad_inch / fig_h;
        let v_axes = (1.0 - top - bottom - vspace * (rows - 1) as f64) / rows as f64;
        if v_axes < 0.0 {
            return Ok(Err("Tight layout not applied. tight_layout cannot make Axes height small enough to accommodate all Axes decorations.".into()));
        }
        k.hspace = Some(vspace / v_axes);
    }
    Ok(Ok(k))
}

/// A display box in figure fractions (`transFigure.inverted()`: times 1 / size).
fn frac(b: &Bbox, iw: f64, ih: f64) -> Bbox {
    Bbox {
        x0: b.x0 * iw,
        y0: b.y0 * ih,
        x1: b.x1 * iw,
        y1: b.y1 * ih,
    }
}

/// `Bbox.union` of the boxes; None for none.
fn union(bbs: &[Bbox]) -> Option<Bbox> {
    let mut it = bbs.iter();
    let first = it.next()?;
    let lo = |b: &Bbox| {
        (
            b.x0.min(b.x1),
            b.y0.min(b.y1),
            b.x0.max(b.x1),
            b.y0.max(b.y1),
        )
    };
    let mut u = lo(first);
    for b in it {
        let v = lo(b);
        u = (u.0.min(v.0), u.1.min(v.1), u.2.max(v.2), u.3.max(v.3));
    }
    Some(Bbox {
        x0: u.0,
        y0: u.1,
        x1: u.2,
        y1: u.3,
    })
}

/// `0 < width < inf and 0 < height < inf`.
fn drawn(b: &Bbox) -> bool {
    let (w, h) = (b.width(), b.height());
    w > 0.0 && w < f64::INFINITY && h > 0.0 && h < f64::INFINITY
}

/// `Axis.get_tightbbox(for_layout_only=True)`: offset text, tick labels, and the axis
/// label collapsed to 1 px along the axis.
fn axis_tightbbox(axis: &AxisLayout) -> Option<Bbox> {
    let mut bbs: Vec<Bbox> = Vec::new();
    bbs.extend(axis.offset_text.as_ref().map(|t| t.bbox));
    bbs.extend(
        axis.ticks
            .iter()
            .filter_map(|t| t.label.as_ref().map(|l| l.bbox)),
    );
    if let Some(l) = &axis.label {
        let mut b = l.bbox;
        match axis.side {
            Side::Bottom if b.width() > 0.0 => {
                b.x0 = (b.x0 + b.x1) / 2.0 - 0.5;
                b.x1 = b.x0 + 1.0;
            }
            Side::Left | Side::Right if b.height() > 0.0 => {
                b.y0 = (b.y0 + b.y1) / 2.0 - 0.5;
                b.y1 = b.y0 + 1.0;
            }
            _ => {}
        }
        bbs.push(b);
    }
    bbs.retain(drawn);
    union(&bbs)
}

/// `Spine.get_window_extent` of the left or bottom spine: the spine line, grown by the
/// part of the first drawn major and minor tick outside (and inside) the Axes.
fn spine_extent(fig: &Figure, al: &AxesLayout, axis: &AxisLayout) -> Vec<Bbox> {
    let b = &al.bbox;
    let line = match axis.side {
        Side::Bottom => {
            let x = |v: f64| al.trans_data.apply(al.xscale.transform(v), 0.0).0;
            let (a, c) = (x(al.view_x.0), x(al.view_x.1));
            Bbox {
                x0: a.min(c),
                y0: b.y0,
                x1: a.max(c),
                y1: b.y0,
            }
        }
        _ => {
            let y = |v: f64| al.trans_data.apply(0.0, al.yscale.transform(v)).1;
            let (a, c) = (y(al.view_y.0), y(al.view_y.1));
            Bbox {
                x0: b.x0,
                y0: a.min(c),
                x1: b.x0,
                y1: a.max(c),
            }
        }
    };
    let dpi = fig.dpi();
    let (pout, pin) = match axis.direction {
        TickDirection::Out => (1.0, 0.0),
        TickDirection::In => (0.0, 1.0),
        TickDirection::InOut => (0.5, 0.5),
    };
    let mut out = vec![line];
    let minor_len = axis
        .params
        .minor_length
        .unwrap_or(fig.style().minor_tick_size_pt);
    for (major, len) in [(true, axis.major_length_pt), (false, minor_len)] {
        if !axis.ticks.iter().any(|t| t.major == major) {
            continue;
        }
        let padout = pout * len / 72.0 * dpi;
        let padin = pin * len / 72.0 * dpi;
        let mut b0 = line;
        if axis.side == Side::Bottom {
            b0.y0 -= padout;
            b0.y1 += padin;
        } else {
            b0.x0 -= padout;
            b0.x1 += padin;
        }
        out.push(b0);
    }
    union(&out).into_iter().collect()
}

/// `Axes.get_tightbbox(for_layout_only=True)` in display coordinates.
fn axes_tightbbox(
    fig: &Figure,
    lay: &Layout,
    ax: &crate::axes::Axes,
    al: &AxesLayout,
    glyphs: &mut GlyphCache,
) -> Result<Option<Bbox>> {
    let mut bb: Vec<Bbox> = Vec::new();
    if ax.axis_on {
        bb.extend(al.xaxis.as_ref().and_then(axis_tightbbox));
        bb.extend(al.yaxis.as_ref().and_then(axis_tightbbox));
    }
    bb.push(al.bbox);
    let [l, r] = &al.side_titles;
    for t in [&al.title, l, r].into_iter().flatten() {
        let mut b = t.bbox;
        if b.width() > 0.0 {
            b.x0 = (b.x0 + b.x1) / 2.0 - 0.5;
            b.x1 = b.x0 + 1.0;
        }
        bb.push(b);
    }
    // get_default_bbox_extra_artists: the spines (with the axis on), texts and the legend;
    // lines, patches, collections and images are clipped to the Axes.
    let mut extra: Vec<Bbox> = Vec::new();
    if ax.axis_on {
        for a in [&al.xaxis, &al.yaxis].into_iter().flatten() {
            extra.extend(spine_extent(fig, al, a));
        }
    }
    let ctx = DrawCtx::for_axes(al, lay);
    for a in ax.plot.artists.iter() {
        if let Artist::Text(t) = a {
            // Annotation.get_tightbbox: nothing when xy is outside (`_check_xy`), else
            // the text's extent joined with the arrow patch's, whose geometry is in
            // unscaled points (`_dpi_cor` = 1) until the figure is first drawn: figbuf's
            // figure is, for matplotlib, never drawn before.
            if !t.drawn(&ctx) {
                continue;
            }
            let (_, item, arrow) = t.paint_with_arrow_extent(&ctx, glyphs, 1.0)?;
            let mut b = item.bbox;
            if let Some(e) = arrow {
                b = union(&[b, e]).unwrap_or(b);
            }
            extra.push(b);
        }
    }
    if let Some(opts) = &ax.plot.legend {
        for it in legend::paint_legend(ax, opts, &ctx, &al.bbox, glyphs)? {
            if let legend::LegendItem::Extent(b) = it {
                extra.push(b);
            }
        }
    }
    extra.retain(drawn);
    bb.extend(extra);
    bb.retain(|b| b.width() != 0.0 || b.height() != 0.0);
    Ok(union(&bb))
}

/// A colorbar Axes' tight box: its long axis, its box, and the outline (with the extend
/// triangles' apexes).
fn colorbar_tightbbox(cl: &ColorbarLayout) -> Option<Bbox> {
    let mut bb: Vec<Bbox> = Vec::new();
    bb.extend(axis_tightbbox(&cl.axis));
    let b = &cl.bbox;
    bb.push(*b);
    let (bot, top) = (-cl.extend_lower, 1.0 + cl.extend_upper);
    let mut unit = [(0.0, bot), (1.0, top)];
    if cl.orientation == Orientation::Horizontal {
        unit = unit.map(|(x, y)| (y, x));
    }
    let to_display = |(x, y): (f64, f64)| (b.width() * x + b.x0, b.height() * y + b.y0);
    let (p0, p1) = (to_display(unit[0]), to_display(unit[1]));
    let outline = Bbox {
        x0: p0.0,
        y0: p0.1,
        x1: p1.0,
        y1: p1.1,
    };
    if drawn(&outline) {
        bb.push(outline);
    }
    bb.retain(|b| b.width() != 0.0 || b.height() != 0.0);
    union(&bb)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_line() -> Figure {
        let mut fig = Figure::default();
        let ax = fig.add_subplot();
        fig[ax].plot(vec![0.0, 1.0], vec![0.0, 1.0]).ok();
        fig
    }

    #[test]
    fn single_axes_matches_matplotlib() {
        // matplotlib 3.11.2: plt.subplots(); ax.plot([0, 1], [0, 1]); fig.tight_layout().
        let mut fig = one_line();
        assert_eq!(
            fig.tight_layout(TightLayoutOptions::default()).ok(),
            Some(None)
        );
        let sp = fig.style().subplot;
        assert_eq!(
            (sp.left, sp.bottom, sp.right, sp.top),
            (0.07300347222222223, 0.08043981481481481, 0.9765625, 0.96875)
        );
    }

    #[test]
    fn margins_that_cannot_fit_warn_and_change_nothing() {
        let mut fig = one_line();
        let before = fig.style().subplot;
        let w = fig.tight_layout(TightLayoutOptions::default().pad(40.0));
        assert!(matches!(w, Ok(Some(ref s)) if s.contains("left and right margins")));
        assert_eq!(fig.style().subplot, before);
    }

    #[test]
    fn bad_options_and_colorbars_of_several_axes_are_errors() {
        let mut fig = one_line();
        let nan = TightLayoutOptions::default().pad(f64::NAN);
        assert!(fig.tight_layout(nan).is_err());
        let rect = TightLayoutOptions::default().rect([0.0, 0.0, f64::INFINITY, 1.0]);
        assert!(fig.tight_layout(rect).is_err());

        let mut fig = Figure::default();
        let Ok(ids) = fig.subplots(1, 2, Default::default()) else {
            panic!("subplots")
        };
        let data = ndarray::Array2::from_shape_fn((2, 2), |(r, c)| (r + c) as f64);
        let Ok(im) = fig[ids[0]].imshow(&data) else {
            panic!("imshow")
        };
        let o = crate::ColorbarOptions::default().ax(ids.clone());
        assert!(fig.colorbar_with(im, o).is_ok());
        let e = fig.tight_layout(TightLayoutOptions::default());
        assert!(matches!(e, Err(ref e) if e.to_string().contains("several Axes")));
    }
}
