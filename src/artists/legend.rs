//! `ax.legend()`: matplotlib's legend geometry (offsetbox packers in pixels), `loc`
//! including `'best'`, the rounded frame, and the handles drawn by `HandlerLine2D` and
//! `HandlerPatch`.
//! (About 830 lines: packing, `loc='best'` and the frame share the legend's box and stay
//! together; the handles themselves are in `legend_handles.rs`.)
//!
//! The handles themselves are drawn in `legend_handles.rs`.

use super::legend_frame::frame;
use super::legend_handles::handle;
use super::line::Blend;
use super::paint::Paint;
use super::{Artist, DrawCtx};
use crate::axes::Axes;
use crate::layout::{place_text, Align, Bbox, TextItem};
use crate::text::{GlyphCache, HorizontalAlignment as Ha, VerticalAlignment as Va};
use crate::{Error, Result};

use super::legend_options::LegendOptions;

const LOCS: [&str; 11] = [
    "best",
    "upper right",
    "upper left",
    "lower left",
    "lower right",
    "right",
    "center left",
    "center right",
    "lower center",
    "upper center",
    "center",
];

/// The `loc` code of a name.
pub(crate) fn loc_code(loc: &str) -> Result<usize> {
    if loc.starts_with("outside") {
        return Err(Error::invalid(
            "legend loc",
            format!("{loc:?}"),
            "a location inside the Axes ('outside' locations only work for figure legends)",
        ));
    }
    LOCS.iter()
        .position(|l| *l == loc)
        .or_else(|| loc.parse::<usize>().ok().filter(|&c| c <= 10))
        .ok_or_else(|| {
            Error::invalid(
                "legend loc",
                format!("{loc:?}"),
                "'best', 'upper right', 'upper left', 'lower left', 'lower right', 'right', 'center left', 'center right', 'lower center', 'upper center' or 'center'",
            )
        })
}

/// `offsetbox._get_anchored_bbox`: the lower-left corner of a `w` x `h` box at `loc` in
/// `parent` shrunk by `pad`.
fn anchored(loc: usize, w: f64, h: f64, parent: &Bbox, pad: f64) -> (f64, f64) {
    let (cx, cy) = match loc {
        1 => (1.0, 1.0),
        2 => (0.0, 1.0),
        3 => (0.0, 0.0),
        4 => (1.0, 0.0),
        5 | 7 => (1.0, 0.5),
        6 => (0.0, 0.5),
        8 => (0.5, 0.0),
        9 => (0.5, 1.0),
        _ => (0.5, 0.5),
    };
    let (l, b) = (parent.x0 + pad, parent.y0 + pad);
    let (cw, ch) = ((parent.x1 - pad) - l, (parent.y1 - pad) - b);
    (l + cx * (cw - w), b + cy * (ch - h))
}

/// What a legend draws, in order.
pub(crate) enum LegendItem {
    Paint(Paint),
    Text(Box<TextItem>),
    /// The legend's window extent (`Legend.get_window_extent`), first; draws nothing.
    Extent(Bbox),
}

/// What an entry's handle is drawn from.
#[derive(Clone, Copy)]
pub(crate) enum Handle<'a> {
    Artist(&'a Artist),
    Errorbar(&'a super::errorbar::ErrorbarEntry),
}

/// One entry: its handle artist and label.
struct Entry<'a> {
    ax: &'a Axes,
    artist: Handle<'a>,
    label: TextItem,
}

/// A box relative to its offset, kept as matplotlib's `Bbox` keeps it: by its extents,
/// its width and height taken as `x1 - x0` and `y1 - y0` when asked (the last bits of
/// the legend's frame corners depend on it).
#[derive(Debug, Clone, Copy)]
struct Bx {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Bx {
    /// `Bbox.from_bounds`.
    fn from_bounds(x0: f64, y0: f64, w: f64, h: f64) -> Bx {
        Bx {
            x0,
            y0,
            x1: x0 + w,
            y1: y0 + h,
        }
    }

    fn w(&self) -> f64 {
        self.x1 - self.x0
    }

    fn h(&self) -> f64 {
        self.y1 - self.y0
    }

    /// `Bbox.padded(pad)`.
    fn padded(self, pad: f64) -> Bx {
        Bx {
            x0: self.x0 - pad,
            y0: self.y0 - pad,
            x1: self.x1 + pad,
            y1: self.y1 + pad,
        }
    }
}

/// `_get_packed_offsets` in 'fixed' mode: (total, offsets).
fn packed(widths: &[f64], sep: f64) -> (f64, Vec<f64>) {
    let mut offs = Vec::with_capacity(widths.len() + 1);
    let mut acc = 0.0;
    offs.push(acc);
    for w in widths {
        acc += w + sep;
        offs.push(acc);
    }
    let total = offs[offs.len() - 1] - sep;
    offs.pop();
    (total, offs)
}

/// `HPacker(align='baseline')`: the packed box and the children's offsets.
fn hpack(children: &[Bx], sep: f64) -> (Bx, Vec<(f64, f64)>) {
    let y0 = children.iter().map(|b| b.y0).fold(f64::INFINITY, f64::min);
    let y1 = children
        .iter()
        .map(|b| b.y1)
        .fold(f64::NEG_INFINITY, f64::max);
    let widths: Vec<f64> = children.iter().map(Bx::w).collect();
    let (width, xoffs) = packed(&widths, sep);
    let x0 = children[0].x0;
    let offs = xoffs
        .iter()
        .zip(children)
        .map(|(&o, b)| (o - (b.x0 - x0), 0.0))
        .collect();
    (Bx::from_bounds(x0, y0, width, y1 - y0), offs)
}

/// How a packer aligns its children across its direction (`_get_aligned_offsets`).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Across {
    Baseline,
    Left,
    Center,
    Right,
}

/// `VPacker` with `align` 'baseline' (x offsets 0), 'left', 'center' or 'right', padded
/// by `pad`.
fn vpack(children: &[Bx], sep: f64, pad: f64, align: Across) -> (Bx, Vec<(f64, f64)>) {
    let (x0, x1, xoffs): (f64, f64, Vec<f64>) = if align == Across::Baseline {
        (
            children.iter().map(|b| b.x0).fold(f64::INFINITY, f64::min),
            children
                .iter()
                .map(|b| b.x1)
                .fold(f64::NEG_INFINITY, f64::max),
            vec![0.0; children.len()],
        )
    } else {
        let w = children.iter().map(Bx::w).fold(f64::NEG_INFINITY, f64::max);
        let offs = children
            .iter()
            .map(|b| match align {
                Across::Left => -b.x0,
                Across::Right => w - b.x1,
                _ => (w - b.w()) * 0.5 - b.x0,
            })
            .collect();
        (0.0, w, offs)
    };
    let heights: Vec<f64> = children.iter().map(Bx::h).collect();
    let (height, yoffs) = packed(&heights, sep);
    let yo: Vec<f64> = yoffs
        .iter()
        .zip(children)
        .map(|(&o, b)| height - (o + b.y1))
        .collect();
    let ydescent = yo[0];
    let offs = xoffs
        .into_iter()
        .zip(yo.iter().map(|y| y - ydescent))
        .collect();
    (
        Bx::from_bounds(x0, -ydescent, x1 - x0, height).padded(pad),
        offs,
    )
}

fn label_of(a: &Artist) -> Option<&str> {
    match a {
        Artist::Line(l) => l.label.as_deref(),
        Artist::Patch(p) => p.label.as_deref(),
        Artist::Polygon(p) => p.patch.label.as_deref(),
        Artist::PathPatch(p) => p.patch.label.as_deref(),
        Artist::Scatter(c) => c.label.as_deref(),
        Artist::Text(_) | Artist::Mesh(_) | Artist::Contour(_) => None,
        Artist::Collection(c) => c.label.as_deref(),
        Artist::StepPatch(p) => p.patch.label.as_deref(),
    }
    .filter(|s| !s.is_empty() && !s.starts_with('_'))
}

/// `Legend._find_best_position`'s badness of a candidate box.
fn badness(ax: &Axes, ctx: &DrawCtx, b: &Bbox, text_boxes: &[Bbox]) -> usize {
    let inside = |x: f64, y: f64| b.x0 < x && x < b.x1 && b.y0 < y && y < b.y1;
    let (cx, cy, w, h) = (
        (b.x0 + b.x1) * 0.5,
        (b.y0 + b.y1) * 0.5,
        (b.x0 - b.x1).abs(),
        (b.y0 - b.y1).abs(),
    );
    let seg = |x1: f64, y1: f64, x2: f64, y2: f64| {
        (x1 + x2 - 2.0 * cx).abs() < (x1 - x2).abs() + w
            && (y1 + y2 - 2.0 * cy).abs() < (y1 - y2).abs() + h
            && 2.0 * ((x1 - cx) * (y1 - y2) - (y1 - cy) * (x1 - x2)).abs()
                < w * (y1 - y2).abs() + h * (x1 - x2).abs()
    };
    let mut count = 0;
    let mut crossing = 0;
    let mut overlaps = 0;
    for a in ax.plot.artists.iter() {
        match a {
            Artist::Line(l) => {
                // `Line2D.get_path()`: the drawstyle's steps, except that drawing the
                // markers of a stepped line (before the legend: zorder <= 5) recaches
                // the path with the default drawstyle, leaving the data points (audit7).
                let marked = l.marker.is_some() && l.markersize_pt > 0.0 && l.zorder <= 5.0;
                let (xs, ys) = if marked {
                    (
                        std::borrow::Cow::Borrowed(&l.x[..]),
                        std::borrow::Cow::Borrowed(&l.y[..]),
                    )
                } else {
                    l.drawn_xy_borrowed()
                };
                let pts: Vec<(f64, f64)> = l.axline_display(ctx).unwrap_or_else(|| {
                    xs.iter()
                        .zip(ys.iter())
                        .map(|(&x, &y)| match l.blend {
                            Blend::Data => ctx.to_display(x, y),
                            other => {
                                let d = ctx.to_device_blend(x, y, other);
                                (d.0, ctx.h - d.1)
                            }
                        })
                        .collect()
                });
                count += pts.iter().filter(|p| inside(p.0, p.1)).count();
                let finite: Vec<&(f64, f64)> = pts
                    .iter()
                    .filter(|p| p.0.is_finite() && p.1.is_finite())
                    .collect();
                let mut hit = false;
                for wdw in finite.windows(2) {
                    let (p, q) = (wdw[0], wdw[1]);
                    if p == q {
                        continue;
                    }
                    if seg(p.0, p.1, q.0, q.1) {
                        hit = true;
                        break;
                    }
                }
                crossing += usize::from(hit);
            }
            Artist::Scatter(c) => {
                count += c
                    .display_offsets(ctx)
                    .iter()
                    .filter(|p| inside(p.0, p.1))
                    .count();
            }
            Artist::Text(_) | Artist::Mesh(_) | Artist::Contour(_) => {}
            Artist::Collection(c) if c.closed => {
                // A PolyCollection counts as lines, one per path.
                for pts in c.display_paths(ctx) {
                    count += pts.iter().filter(|p| inside(p.0, p.1)).count();
                    let hit = pts
                        .windows(2)
                        .any(|w| w[0] != w[1] && seg(w[0].0, w[0].1, w[1].0, w[1].1));
                    crossing += usize::from(hit);
                }
            }
            // Other collections count by their offsets: (0, 0), never inside.
            Artist::Collection(_) => {}
            Artist::StepPatch(pp) => {
                let paths = pp.display_paths(ctx);
                for pts in &paths {
                    count += pts.iter().filter(|p| inside(p.0, p.1)).count();
                }
                let hit = paths.iter().any(|pts| {
                    pts.windows(2)
                        .any(|w| w[0] != w[1] && seg(w[0].0, w[0].1, w[1].0, w[1].1))
                });
                crossing += usize::from(hit);
            }
            Artist::Polygon(pg) => {
                // A non-Rectangle patch counts as a line (its path's vertices and
                // whether the path crosses the box).
                let mut pts: Vec<(f64, f64)> = pg
                    .points
                    .iter()
                    .map(|&(x, y)| ctx.to_display(x, y))
                    .collect();
                count += pts.iter().filter(|p| inside(p.0, p.1)).count();
                if pg.closed {
                    if let Some(&f) = pts.first() {
                        pts.push(f);
                    }
                }
                let hit = pts
                    .windows(2)
                    .any(|w| w[0] != w[1] && seg(w[0].0, w[0].1, w[1].0, w[1].1));
                crossing += usize::from(hit);
            }
            Artist::PathPatch(pp) => {
                let (n, hit) = super::pathpatch::badness(&pp.display_verts(ctx), inside, seg);
                count += n;
                crossing += usize::from(hit);
            }
            Artist::Patch(p) => {
                let (x0, y0, pw, ph) = p.rect;
                let c0 = ctx.to_device_blend(x0, y0, p.blend);
                let c1 = ctx.to_device_blend(x0 + pw, y0 + ph, p.blend);
                let (ax0, ax1) = (c0.0.min(c1.0), c0.0.max(c1.0));
                let (ay0, ay1) = (
                    (ctx.h - c0.1).min(ctx.h - c1.1),
                    (ctx.h - c0.1).max(ctx.h - c1.1),
                );
                let apart = ax1 <= b.x0 || ax0 >= b.x1 || ay1 <= b.y0 || ay0 >= b.y1;
                overlaps += usize::from(!apart);
            }
        }
    }
    // Texts count by their window extents (`count_overlaps`).
    for t in text_boxes {
        let apart = t.x1 <= b.x0 || t.x0 >= b.x1 || t.y1 <= b.y0 || t.y0 >= b.y1;
        overlaps += usize::from(!apart);
    }
    count + overlaps + crossing
}

/// The entries `_parse_legend_args` lists: (handle artist, label).
pub(crate) fn legend_entries<'a>(
    ax: &'a Axes,
    opts: &LegendOptions,
) -> Result<Vec<(Handle<'a>, String)>> {
    // `_get_legend_handles`: the children first, then the containers (bars, errorbars)
    // in call order.
    let containers = &ax.plot.bar_containers;
    let children = (0..ax.plot.artists.len())
        .filter(|i| !containers.contains(i))
        .filter_map(|i| ax.plot.artists.get(i).map(Handle::Artist));
    let mut conts: Vec<(usize, Handle)> = containers
        .iter()
        .filter_map(|&i| ax.plot.artists.get(i).map(|a| (i, Handle::Artist(a))))
        .collect();
    conts.extend(
        ax.plot
            .errorbar_containers
            .iter()
            .map(|e| (e.first_index(), Handle::Errorbar(e))),
    );
    conts.sort_by_key(|c| c.0);
    let all: Vec<Handle> = children.chain(conts.into_iter().map(|c| c.1)).collect();
    let raw = |h: &Handle<'a>| match h {
        Handle::Artist(a) => raw_label(a),
        Handle::Errorbar(e) => Some(e.label.as_str()),
    };
    let mut out: Vec<(Handle, String)> = match (&opts.handles, &opts.labels) {
        (None, None) => all
            .into_iter()
            .filter_map(|h| {
                let l = match h {
                    Handle::Artist(a) => label_of(a),
                    Handle::Errorbar(e) => Some(e.label.as_str()).filter(|s| !s.starts_with('_')),
                };
                l.map(|l| (h, l.to_string()))
            })
            .collect(),
        (None, Some(labels)) => all
            .into_iter()
            .filter(|h| {
                !matches!(h, Handle::Artist(Artist::Text(_))) && raw(h) != Some("_nolegend_")
            })
            .zip(labels.iter().cloned())
            .collect(),
        (Some(handles), labels) => {
            let mut v = Vec::new();
            for (k, h) in handles.iter().enumerate() {
                let a = ax
                    .plot
                    .artists
                    .get(h.index)
                    .filter(|_| h.axes == ax.id)
                    .ok_or_else(|| {
                        Error::invalid(
                            "legend handles",
                            format!("handle {k}"),
                            "an artist of this Axes",
                        )
                    })?;
                let l = match labels {
                    Some(ls) => match ls.get(k) {
                        Some(l) => l.clone(),
                        None => break,
                    },
                    None => raw_label(a).unwrap_or("").to_string(),
                };
                v.push((Handle::Artist(a), l));
            }
            v
        }
    };
    if opts.reverse {
        out.reverse();
    }
    Ok(out)
}

/// An artist's label as set (`get_label`), unfiltered.
fn raw_label(a: &Artist) -> Option<&str> {
    match a {
        Artist::Line(l) => l.label.as_deref(),
        Artist::Patch(p) => p.label.as_deref(),
        Artist::Polygon(p) => p.patch.label.as_deref(),
        Artist::Scatter(c) => c.label.as_deref(),
        Artist::Collection(c) => c.label.as_deref(),
        Artist::StepPatch(p) => p.patch.label.as_deref(),
        Artist::PathPatch(p) => p.patch.label.as_deref(),
        Artist::Text(_) | Artist::Mesh(_) | Artist::Contour(_) => None,
    }
}

/// Lays out and paints the legend of `ax`: frame, then each entry's handle and label.
pub(crate) fn paint_legend(
    ax: &Axes,
    opts: &LegendOptions,
    ctx: &DrawCtx,
    axes_bbox: &Bbox,
    glyphs: &mut GlyphCache,
) -> Result<Vec<LegendItem>> {
    let list = legend_entries(ax, opts)?
        .into_iter()
        .map(|(h, l)| (ax, h, l))
        .collect();
    paint_entries(list, Some(ax), opts, ctx, axes_bbox, glyphs)
}

/// Lays out and paints a legend of `list` (each entry with its Axes) anchored in
/// `axes_bbox` (display pixels); `best_ax` is the Axes `loc='best'` avoids (none for a
/// figure legend).
pub(crate) fn paint_entries<'a>(
    list: Vec<(&'a Axes, Handle<'a>, String)>,
    best_ax: Option<&'a Axes>,
    opts: &LegendOptions,
    ctx: &DrawCtx,
    axes_bbox: &Bbox,
    glyphs: &mut GlyphCache,
) -> Result<Vec<LegendItem>> {
    let dpi = ctx.dpi;
    let fs = opts.fontsize;
    let dc = dpi / 72.0;
    let fs_px = fs * dpi / 72.0;
    let base = Align {
        ha: Ha::Left,
        va: Va::Baseline,
        angle: 0.0,
        ma: None,
        linespacing: None,
    };
    let mut entries = Vec::new();
    for (ax, a, l) in list {
        let label = place_text(glyphs, &l, fs, dpi, (0.0, 0.0), base)?;
        entries.push(Entry {
            ax,
            artist: a,
            label,
        });
    }
    // An Axes legend of no entries (matplotlib warns "No artists with labels found") is
    // still drawn: its frame around an empty handle box, 2 * borderpad square (audit7).
    if entries.is_empty() && best_ax.is_none() {
        return Ok(Vec::new());
    }
    // TextArea heights: at least the ink ascent of "lp" above the baseline.
    let lp = glyphs.shape("lp", fs, dpi)?.ink_ascent_px;
    // TextArea.get_bbox: one line sits on its baseline, at least "lp" tall; several
    // lines (multilinebaseline, the entries) are centred on the "lp" x-height middle and
    // moved up by the returned shift; several lines without it keep the last baseline.
    let text_box = |t: &TextItem, lp: f64, multilinebaseline: bool| -> (Bx, f64) {
        let b = &t.block;
        let (w, h, yd) = (b.width_px, b.height_px, b.descent_px);
        if b.lines.len() > 1 && multilinebaseline {
            let yd_new = 0.5 * h - 0.5 * lp;
            let bx = Bx::from_bounds(0.0, -yd_new, w, h);
            (bx, yd - yd_new)
        } else {
            let h_d = lp.max(h - yd);
            let bx = Bx::from_bounds(0.0, -yd, w, h_d + yd);
            (bx, 0.0)
        }
    };
    // Item boxes: handle DrawingArea (20 x 7 pt, no descent) and the TextArea.
    let hb = Bx::from_bounds(
        -0.0 * dc,
        -0.0 * dc,
        (opts.handlelength * fs) * dc,
        (fs * 0.7 - 0.0) * dc,
    );
    let items: Vec<(Bx, Vec<(f64, f64)>)> = entries
        .iter()
        .map(|e| {
            let t = text_box(&e.label, lp, true).0;
            let pair = if opts.markerfirst { [hb, t] } else { [t, hb] };
            hpack(&pair, (opts.handletextpad * fs) * dc)
        })
        .collect();
    // The handle's and the label's place in an item (markerfirst=False: label first).
    let (hk, tk) = if opts.markerfirst { (0, 1) } else { (1, 0) };
    // Columns: np.array_split into ncols.
    let n = items.len();
    let ncols = opts.ncols.max(1).min(n.max(1));
    let (q, r) = (n / ncols, n % ncols);
    let mut cols: Vec<std::ops::Range<usize>> = Vec::new();
    let mut start = 0;
    for c in 0..ncols {
        let len = q + usize::from(c < r);
        if len > 0 {
            cols.push(start..start + len);
        }
        start += len;
    }
    let colboxes: Vec<(Bx, Vec<(f64, f64)>)> = cols
        .iter()
        .map(|rg| {
            let bxs: Vec<Bx> = items[rg.clone()].iter().map(|i| i.0).collect();
            let align = if opts.markerfirst {
                Across::Baseline
            } else {
                Across::Right
            };
            vpack(&bxs, (opts.labelspacing * fs) * dc, 0.0, align)
        })
        .collect();
    let colbx: Vec<Bx> = colboxes.iter().map(|c| c.0).collect();
    // HPacker of no children: Bbox.from_bounds(0, 0, 0, 0).
    let (handle_box, col_offs) = if colbx.is_empty() {
        (Bx::from_bounds(0.0, 0.0, 0.0, 0.0), Vec::new())
    } else {
        hpack(&colbx, (opts.columnspacing * fs) * dc)
    };
    let title = match &opts.title {
        Some(t) => Some(place_text(
            glyphs,
            t,
            opts.title_fontsize,
            dpi,
            (0.0, 0.0),
            base,
        )?),
        None => None,
    };
    let mut top_children = Vec::new();
    if let Some(t) = &title {
        let lp_title = glyphs.shape("lp", opts.title_fontsize, dpi)?.ink_ascent_px;
        top_children.push(text_box(t, lp_title, false).0);
    }
    top_children.push(handle_box);
    let align = match opts.alignment.as_str() {
        "center" => Across::Center,
        "left" => Across::Left,
        "right" => Across::Right,
        other => {
            return Err(Error::invalid(
                "legend alignment",
                format!("{other:?}"),
                "'center', 'left' or 'right'",
            ))
        }
    };
    let (legend_box, top_offs) = vpack(
        &top_children,
        (opts.labelspacing * fs) * dc,
        (opts.borderpad * fs) * dc,
        align,
    );
    // Placement.
    let (w, h) = (legend_box.w(), legend_box.h());
    let pad = opts.borderaxespad * fs_px;
    let code = loc_code(&opts.loc)?;
    let anchor_box = match opts.bbox_to_anchor.as_deref() {
        None => *axes_bbox,
        Some(v) => {
            let (x, y, bw, bh) = match *v {
                [x, y] => (x, y, 0.0, 0.0),
                [x, y, w, h] => (x, y, w, h),
                _ => {
                    return Err(Error::invalid(
                        "legend bbox_to_anchor",
                        format!("{v:?}"),
                        "2 or 4 numbers",
                    ))
                }
            };
            // Bbox.from_bounds in Axes coordinates through transAxes.
            let (aw, ah) = (axes_bbox.width(), axes_bbox.height());
            let tr = |u: f64, v: f64| (aw * u + axes_bbox.x0, ah * v + axes_bbox.y0);
            let (p0, p1) = (tr(x, y), tr(x + bw, y + bh));
            Bbox {
                x0: p0.0.min(p1.0),
                y0: p0.1.min(p1.1),
                x1: p0.0.max(p1.0),
                y1: p0.1.max(p1.1),
            }
        }
    };
    let axes_bbox = &anchor_box;
    let mut text_boxes = Vec::new();
    let code = if opts.loc_xy.is_some() { 1 } else { code };
    let ax = match (code, best_ax) {
        (_, Some(ax)) => ax,
        (0, None) => {
            return Err(Error::invalid(
                "figure legend loc",
                "'best'",
                "a fixed location (figure legends have no 'best')",
            ))
        }
        (_, None) => match entries.first() {
            Some(e) => e.ax,
            None => return Ok(Vec::new()),
        },
    };
    if code == 0 {
        for a in ax.plot.artists.iter() {
            if let Artist::Text(t) = a {
                // A hidden annotation's window extent is Bbox.unit().
                text_boxes.push(if t.drawn(ctx) {
                    t.paint(ctx, glyphs)?.1.bbox
                } else {
                    Bbox {
                        x0: 0.0,
                        y0: 0.0,
                        x1: 1.0,
                        y1: 1.0,
                    }
                });
            }
        }
    }
    let (l, b) = if code == 0 {
        let mut best: Option<(usize, usize, (f64, f64))> = None;
        let mut found = None;
        for idx in 1..=10 {
            let (l, b) = anchored(idx, w, h, axes_bbox, pad);
            let bx = Bbox {
                x0: l,
                y0: b,
                x1: l + w,
                y1: b + h,
            };
            let bad = badness(ax, ctx, &bx, &text_boxes);
            if bad == 0 {
                found = Some((l, b));
                break;
            }
            if best.is_none_or(|(bb, _, _)| bad < bb) {
                best = Some((bad, idx, (l, b)));
            }
        }
        found.or(best.map(|b| b.2)).unwrap_or((0.0, 0.0))
    } else {
        anchored(code, w, h, axes_bbox, pad)
    };
    // loc=(x, y): the lower left corner at that fraction of the anchor box.
    let (l, b) = match opts.loc_xy {
        Some((fx, fy)) => (
            axes_bbox.x0 + axes_bbox.width() * fx,
            axes_bbox.y0 + axes_bbox.height() * fy,
        ),
        None => (l, b),
    };
    let (px, py) = (l + -legend_box.x0, b + -legend_box.y0);
    // `_legend_box.get_window_extent`: its bbox translated by the offset.
    let mut out = vec![LegendItem::Extent(Bbox {
        x0: legend_box.x0 + px,
        y0: legend_box.y0 + py,
        x1: legend_box.x1 + px,
        y1: legend_box.y1 + py,
    })];
    if opts.frameon {
        let fb = Bbox {
            x0: legend_box.x0 + px,
            y0: legend_box.y0 + py,
            x1: legend_box.x1 + px,
            y1: legend_box.y1 + py,
        };
        if opts.shadow {
            // Shadow(legendPatch, ox=2, oy=-2): the frame moved by (ox, oy) points.
            out.push(LegendItem::Paint(frame(fb, fs_px, opts, ctx, true)?));
        }
        out.push(LegendItem::Paint(frame(fb, fs_px, opts, ctx, false)?));
    }
    let mut k = 0;
    if let Some(t) = &title {
        let (ox, oy) = (px + top_offs[0].0, py + top_offs[0].1);
        let mut t = t.clone();
        t.translate(ox, oy);
        out.push(LegendItem::Text(Box::new(t)));
        k = 1;
    }
    let (hx, hy) = (px + top_offs[k].0, py + top_offs[k].1);
    for (ci, rg) in cols.iter().enumerate() {
        let (cx, cy) = (hx + col_offs[ci].0, hy + col_offs[ci].1);
        for (j, ei) in rg.clone().enumerate() {
            let (ix, iy) = (cx + colboxes[ci].1[j].0, cy + colboxes[ci].1[j].1);
            let offs = &items[ei].1;
            let (dx, dy) = (ix + offs[hk].0, iy + offs[hk].1);
            out.extend(
                match entries[ei].artist {
                    Handle::Artist(a) => handle(a, fs, opts, dc, (dx, dy), ctx),
                    Handle::Errorbar(e) => {
                        let h = ctx.h;
                        let to_dev = move |x: f64, y: f64| (x * dc + dx, y * (-dc) + (h - dy));
                        e.legend_paints(
                            &entries[ei].ax.plot.artists,
                            fs,
                            ctx.dpi,
                            (opts.handlelength, opts.markerscale),
                            &to_dev,
                        )
                    }
                }
                .into_iter()
                .map(LegendItem::Paint),
            );
            let shift = text_box(&entries[ei].label, lp, true).1;
            let (tx, ty) = (ix + offs[tk].0, iy + offs[tk].1 + shift);
            let mut t = entries[ei].label.clone();
            t.translate(tx, ty);
            let h = &entries[ei].artist;
            let arts = &entries[ei].ax.plot.artists;
            if let Some(c) = super::legend_labelcolor::label_color(&opts.labelcolor, ei, h, arts)? {
                t.color = Some(c);
            }
            out.push(LegendItem::Text(Box::new(t)));
        }
    }
    Ok(out)
}
