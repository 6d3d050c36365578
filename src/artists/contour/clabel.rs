//! `ax.clabel(cs, ...)`: matplotlib 3.11's `ContourLabeler` on a contour set. Like
//! matplotlib, the labels are placed when `clabel` is called, with the Axes' transform of
//! that moment: `labels` walks each labelled level's connected components,
//! `locate_label` picks the straightest block of about one label width (in pixels) not
//! too close to an earlier label, `_split_path_and_get_label_rotation` takes the angle
//! half a label width either side along the path and (inline) cuts the path there plus
//! `inline_spacing`, and each label becomes a centred, rotated text in data coordinates,
//! clipped to the Axes.

use super::mpl2014::{Piece, CLOSEPOLY, LINETO, MOVETO};
use super::ContourSet;
use crate::artists::text::{text_face, TextArtist, TextOptions};
use crate::artists::{Artist, ArtistHandle, DrawCtx};
use crate::color::Color;
use crate::layout::{place_text_in, Align};
use crate::text::{GlyphCache, HorizontalAlignment as Ha, VerticalAlignment as Va};
use crate::ticks::{AxisScale, ScalarFormatter};
use crate::{Error, Figure, Result};

/// How `clabel` turns a level into its text (`fmt`).
#[derive(Debug, Clone, PartialEq)]
pub enum LabelFormat {
    /// A %-format string applied to the level (`fmt % level`, ASCII minus; a string
    /// without a conversion is the label itself, as Python formats it).
    Printf(String),
    /// Levels mapped to their texts (`fmt` a dict); a level not in it reads `%1.3f`, as
    /// matplotlib's `fmt.get(lev, '%1.3f')` does.
    Map(Vec<(f64, String)>),
}

/// The keywords of `clabel`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ClabelOptions {
    /// `levels`: the levels to label, a subset of the set's levels (all when `None`).
    pub levels: Option<Vec<f64>>,
    /// `fontsize` in points (rc `font.size`).
    pub fontsize: Option<f64>,
    /// `inline`: cut the contour under each label (True).
    pub inline: bool,
    /// `inline_spacing`: pixels left free either side of a label (5).
    pub inline_spacing: f64,
    /// `fmt` (`ScalarFormatter(useOffset=False)` on a dummy axis when `None`).
    pub fmt: Option<LabelFormat>,
    /// `colors`: the label colours, cycled over the labelled levels (the levels' own
    /// colours when `None`).
    pub colors: Option<Vec<String>>,
    /// `rightside_up`: keep the text within 90 degrees of upright (True).
    pub rightside_up: bool,
    /// `zorder` (2 + the contour set's).
    pub zorder: Option<f64>,
    /// `use_clabeltext`: the rotation is kept in data space and turned by the data
    /// transform when drawn (`transform_rotates_text`).
    pub use_clabeltext: bool,
    /// `manual`: label the contour nearest (on screen) to each of these data points, at
    /// its closest point, instead of placing labels automatically (`add_label_near`).
    pub manual: Option<Vec<(f64, f64)>>,
}

impl Default for ClabelOptions {
    fn default() -> Self {
        ClabelOptions {
            levels: None,
            fontsize: None,
            inline: true,
            inline_spacing: 5.0,
            fmt: None,
            colors: None,
            rightside_up: true,
            zorder: None,
            use_clabeltext: false,
            manual: None,
        }
    }
}

option_setters!(ClabelOptions {
    /// `levels=`: the levels to label.
    levels: Vec<f64> => levels = Some;
    /// `fontsize=`: the label size in points.
    fontsize: f64 => fontsize = Some;
    /// `inline=`: cut the contours under the labels.
    inline: bool => inline;
    /// `inline_spacing=`: free pixels either side of a label.
    inline_spacing: f64 => inline_spacing;
    /// `fmt=`: how levels become texts.
    fmt: LabelFormat => fmt = Some;
    /// `colors=`: the label colours.
    colors: Vec<String> => colors = Some;
    /// `rightside_up=`: never upside-down labels.
    rightside_up: bool => rightside_up;
    /// `zorder=`: the labels' drawing order.
    zorder: f64 => zorder = Some;
    /// `use_clabeltext=`: rotations follow the data transform at drawing.
    use_clabeltext: bool => use_clabeltext;
    /// `manual=`: data points to label near.
    manual: Vec<(f64, f64)> => manual = Some;
});

/// `Figure::clabel`: labels the contour set `cs` and returns the label texts' handles.
pub(crate) fn clabel(
    fig: &mut Figure,
    cs: ArtistHandle,
    opts: ClabelOptions,
) -> Result<Vec<ArtistHandle>> {
    let not_cs = || Error::invalid("clabel", "the handle", "a contour set's handle");
    if fig.axes(cs.axes).is_none() {
        return Err(not_cs());
    }
    if !(opts.inline_spacing.is_finite()) {
        return Err(Error::invalid(
            "clabel inline_spacing",
            opts.inline_spacing,
            "a finite number of pixels",
        ));
    }
    let size_pt = opts.fontsize.unwrap_or(fig.style().font_size_pt);
    if !(size_pt.is_finite() && size_pt > 0.0) {
        return Err(Error::invalid(
            "clabel fontsize",
            size_pt,
            "a positive size in points",
        ));
    }
    // The transform of this moment (matplotlib places the labels now).
    let mut glyphs = GlyphCache::new();
    let lay = crate::layout::layout(fig, &mut glyphs)?;
    let al = lay
        .axes
        .iter()
        .find(|a| a.id == cs.axes)
        .ok_or_else(not_cs)?;
    let (xscale, yscale) = (al.xscale, al.yscale);
    if [xscale, yscale]
        .iter()
        .any(|s| matches!(s, AxisScale::SymLog { .. }))
    {
        return Err(Error::invalid(
            "clabel",
            "a contour set on a symlog Axes",
            "linear or log axes",
        ));
    }
    // InvertedLogTransform: base ** value.
    let unscale = |s: AxisScale, v: f64| {
        if s == AxisScale::Log10 {
            10f64.powf(v)
        } else {
            v
        }
    };
    let ctx = DrawCtx::new(
        &al.trans_data,
        &al.bbox,
        lay.height_px as f64,
        lay.dpi,
        al.xscale,
        al.yscale,
        lay.width_px,
        al.view_x,
    );
    let inverse = al
        .trans_data
        .inverted()
        .ok_or_else(|| Error::invalid("clabel", "a singular data transform", "non-empty limits"))?;
    let dpi = lay.dpi;
    let face = text_face(None, None, None)?;
    let ax = fig.axes_mut(cs.axes).ok_or_else(not_cs)?;
    let Some(Artist::Contour(set)) = ax.plot.artists.get_mut(cs.index) else {
        return Err(not_cs());
    };
    // Which levels, with their path indices.
    let (indices, levels): (Vec<usize>, Vec<f64>) = match &opts.levels {
        None => {
            let n = set.levels.len().min(set.paths.len());
            ((0..n).collect(), set.levels[..n].to_vec())
        }
        Some(want) => {
            let picked: Vec<(usize, f64)> = set
                .levels
                .iter()
                .enumerate()
                .filter(|(_, l)| want.contains(l))
                .map(|(i, &l)| (i, l))
                .collect();
            if picked.len() < want.len() || picked.iter().any(|&(i, _)| i >= set.paths.len()) {
                return Err(Error::invalid(
                    "clabel levels",
                    format!("{want:?}"),
                    format!("a subset of the contour levels {:?}", set.levels),
                ));
            }
            picked.into_iter().unzip()
        }
    };
    let texts = levels
        .iter()
        .map(|&l| label_text(l, &levels, opts.fmt.as_ref()))
        .collect::<Result<Vec<String>>>()?;
    let colors: Vec<Color> = match &opts.colors {
        None => indices
            .iter()
            .map(|&i| set.colors[i % set.colors.len()])
            .collect(),
        Some(list) => {
            let parsed = list
                .iter()
                .map(|s| {
                    Color::parse(s).map_err(|_| {
                        Error::invalid("clabel colors", format!("{s:?}"), "a matplotlib colour")
                    })
                })
                .collect::<Result<Vec<Color>>>()?;
            if parsed.is_empty() {
                return Err(Error::invalid("clabel colors", "[]", "at least one colour"));
            }
            (0..levels.len())
                .map(|k| {
                    let c = parsed[k % parsed.len()];
                    set.alpha.map_or(c, |a| c.with_alpha(a.clamp(0.0, 1.0)))
                })
                .collect()
        }
    };
    let mut widths = Vec::with_capacity(texts.len());
    for t in &texts {
        let al0 = Align {
            ha: Ha::Left,
            va: Va::Baseline,
            angle: 0.0,
        };
        let item = place_text_in(&mut glyphs, t, size_pt, dpi, (0.0, 0.0), al0, face, false)?;
        widths.push(item.bbox.x1 - item.bbox.x0);
    }
    let screen = |x: f64, y: f64| ctx.to_display(x, y);
    let data = |x: f64, y: f64| {
        let (a, b) = inverse.apply(x, y);
        (unscale(xscale, a), unscale(yscale, b))
    };
    let lb = Labeler {
        screen: &screen,
        data: &data,
        inline: opts.inline,
        spacing: opts.inline_spacing,
        rightside_up: opts.rightside_up,
    };
    let placed = match &opts.manual {
        None => labels(set, &indices, &widths, &lb),
        Some(points) => {
            if set.filled {
                return Err(Error::invalid(
                    "clabel manual",
                    "a filled contour set",
                    "contour lines (matplotlib: 'Method does not support filled contours')",
                ));
            }
            let mut placed = Vec::with_capacity(points.len());
            for &(x, y) in points {
                if let Some(p) = label_near(set, &indices, &widths, screen(x, y), &lb) {
                    placed.push(p);
                }
            }
            placed
        }
    };
    let zorder = opts.zorder.unwrap_or(2.0 + set.zorder);
    let mut handles = Vec::with_capacity(placed.len());
    for p in placed {
        let (dx, dy) = data(p.x, p.y);
        let o = TextOptions {
            fontsize: Some(size_pt),
            ha: Some("center".into()),
            va: Some("center".into()),
            zorder: Some(zorder),
            rotation: Some(p.rotation),
            ..TextOptions::default()
        };
        let mut o = o;
        if opts.use_clabeltext {
            // `transData.inverted().transform_angles([rotation], [[x, y]])`.
            o.rotation = Some(crate::artists::text::transform_angle(
                p.rotation,
                (p.x, p.y),
                &data,
            ));
        }
        let mut t = TextArtist::new(dx, dy, texts[p.k].clone(), &o)?;
        t.transform_rotates_text = opts.use_clabeltext;
        t.color = colors[p.k];
        t.clip_to_axes = true;
        handles.push(ax.push_artist(Artist::Text(t)));
    }
    Ok(handles)
}

/// `get_text`: the label of `lev`.
fn label_text(lev: f64, all: &[f64], fmt: Option<&LabelFormat>) -> Result<String> {
    match fmt {
        None => {
            let f = ScalarFormatter {
                use_offset: false,
                ..ScalarFormatter::default()
            };
            let mut locs = all.to_vec();
            locs.push(lev);
            // `create_dummy_axis`: the view interval is (0, 1).
            let labels = f.format_ticks(&locs, 0.0, 1.0).labels;
            Ok(labels.last().cloned().unwrap_or_default())
        }
        Some(LabelFormat::Map(m)) => Ok(m
            .iter()
            .find(|(l, _)| *l == lev)
            .map_or_else(|| "%1.3f".to_string(), |(_, s)| s.clone())),
        Some(LabelFormat::Printf(f)) => percent_format(f, lev),
    }
}

/// Python's `fmt % x` for one float: `%[flags][width][.precision]` with the conversions
/// `d i u f F e E g G %`; a string without a conversion is returned as it is (a NumPy
/// float is a mapping to `%`, so Python raises nothing).
pub(crate) fn percent_format(fmt: &str, x: f64) -> Result<String> {
    let bad = |why: &str| Error::invalid("clabel fmt", format!("{fmt:?}"), why.to_string());
    let mut out = String::new();
    let mut used = false;
    let mut it = fmt.chars().peekable();
    while let Some(ch) = it.next() {
        if ch != '%' {
            out.push(ch);
            continue;
        }
        let (mut left, mut plus, mut space, mut zero, mut alt) =
            (false, false, false, false, false);
        while let Some(&f) = it.peek() {
            match f {
                '-' => left = true,
                '+' => plus = true,
                ' ' => space = true,
                '0' => zero = true,
                '#' => alt = true,
                _ => break,
            }
            it.next();
        }
        let mut width = 0usize;
        while let Some(d) = it.peek().and_then(|c| c.to_digit(10)) {
            width = width * 10 + d as usize;
            it.next();
        }
        let mut prec: Option<usize> = None;
        if it.peek() == Some(&'.') {
            it.next();
            let mut p = 0usize;
            while let Some(d) = it.peek().and_then(|c| c.to_digit(10)) {
                p = p * 10 + d as usize;
                it.next();
            }
            prec = Some(p);
        }
        let Some(conv) = it.next() else {
            return Err(bad("a complete % conversion"));
        };
        if conv == '%' {
            out.push('%');
            continue;
        }
        if used {
            return Err(bad("one % conversion (a level is one value)"));
        }
        used = true;
        let body = match conv {
            'd' | 'i' | 'u' => {
                if !x.is_finite() {
                    return Err(bad("a finite level for an integer conversion"));
                }
                format!("{}", x.trunc().abs())
            }
            'f' | 'F' => crate::ticks::pyfloat::fmt_f(x.abs(), prec.unwrap_or(6)),
            'e' | 'E' => {
                let p = prec.unwrap_or(6);
                let s = format!("{:.p$e}", x.abs());
                let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
                let e: i64 = e.parse().unwrap_or(0);
                let sign = if e < 0 { '-' } else { '+' };
                let m = if alt && p == 0 {
                    format!("{m}.")
                } else {
                    m.to_string()
                };
                format!("{m}e{sign}{:02}", e.unsigned_abs())
            }
            'g' | 'G' => crate::ticks::pyfloat::fmt_g(x.abs(), prec.unwrap_or(6)),
            _ => return Err(bad("a conversion d, i, f, e or g")),
        };
        let body = if conv.is_ascii_uppercase() {
            body.to_uppercase()
        } else {
            body
        };
        let neg = x.is_sign_negative() && !(matches!(conv, 'd' | 'i' | 'u') && x.trunc() == 0.0);
        let sign = if neg {
            "-"
        } else if plus {
            "+"
        } else if space {
            " "
        } else {
            ""
        };
        let len = sign.chars().count() + body.chars().count();
        let pad = width.saturating_sub(len);
        if left {
            out.push_str(sign);
            out.push_str(&body);
            out.extend(std::iter::repeat_n(' ', pad));
        } else if zero && x.is_finite() {
            out.push_str(sign);
            out.extend(std::iter::repeat_n('0', pad));
            out.push_str(&body);
        } else {
            out.extend(std::iter::repeat_n(' ', pad));
            out.push_str(sign);
            out.push_str(&body);
        }
    }
    Ok(out)
}

/// The transforms and switches of one `labels` run.
struct Labeler<'a> {
    /// Data -> display.
    screen: &'a dyn Fn(f64, f64) -> (f64, f64),
    /// Display -> data (`transData.inverted()`).
    data: &'a dyn Fn(f64, f64) -> (f64, f64),
    inline: bool,
    spacing: f64,
    rightside_up: bool,
}

/// One placed label: display position, rotation (degrees) and its index in the label list.
struct Placed {
    x: f64,
    y: f64,
    rotation: f64,
    k: usize,
}

/// One connected component: vertices and codes.
type Component = (Vec<(f64, f64)>, Vec<u8>);

/// `_iter_connected_components` of a level's pieces: split at every MOVETO.
fn components(pieces: &[Piece]) -> Vec<Component> {
    let mut out: Vec<Component> = Vec::new();
    for (v, c) in pieces {
        for (&p, &code) in v.iter().zip(c) {
            if code == MOVETO || out.is_empty() {
                out.push((Vec::new(), Vec::new()));
            }
            if let Some(last) = out.last_mut() {
                last.0.push(p);
                last.1.push(code);
            }
        }
    }
    out
}

/// `ContourLabeler.labels`.
fn labels(set: &mut ContourSet, indices: &[usize], widths: &[f64], lb: &Labeler) -> Vec<Placed> {
    let mut placed: Vec<Placed> = Vec::new();
    for (k, &icon) in indices.iter().enumerate() {
        let lw = widths[k];
        let mut additions: Vec<Piece> = Vec::new();
        for (verts, codes) in components(&set.paths[icon]) {
            let scr: Vec<(f64, f64)> = verts.iter().map(|&(x, y)| (lb.screen)(x, y)).collect();
            if print_label(&scr, lw) {
                let xys: Vec<(f64, f64)> = placed.iter().map(|p| (p.x, p.y)).collect();
                let (x, y, idx) = locate_label(&scr, lw, &xys);
                let (rotation, broken) = split_path(&verts, &codes, idx, (x, y), lw, lb);
                placed.push(Placed { x, y, rotation, k });
                additions.push(broken);
            } else {
                additions.push((verts, codes));
            }
        }
        if lb.inline {
            set.paths[icon] = additions;
        }
    }
    placed
}

/// `print_label`: whether a component is long enough for a label.
fn print_label(scr: &[(f64, f64)], lw: f64) -> bool {
    if scr.len() as f64 > 10.0 * lw {
        return true;
    }
    if scr.is_empty() {
        return false;
    }
    let ptp = |f: fn(&(f64, f64)) -> f64| {
        let (lo, hi) = scr
            .iter()
            .map(f)
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
                (a.min(v), b.max(v))
            });
        hi - lo
    };
    ptp(|p| p.0) > 1.2 * lw || ptp(|p| p.1) > 1.2 * lw
}

/// NumPy's pairwise summation of a contiguous row (`np.add.reduce`).
fn pairwise_sum(a: &[f64]) -> f64 {
    let n = a.len();
    if n < 8 {
        let mut res = 0.0;
        for &v in a {
            res += v;
        }
        res
    } else if n <= 128 {
        let mut r = [0.0f64; 8];
        r.copy_from_slice(&a[..8]);
        let mut i = 8;
        while i < n - (n % 8) {
            for j in 0..8 {
                r[j] += a[i + j];
            }
            i += 8;
        }
        let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        while i < n {
            res += a[i];
            i += 1;
        }
        res
    } else {
        let mut n2 = n / 2;
        n2 -= n2 % 8;
        pairwise_sum(&a[..n2]) + pairwise_sum(&a[n2..])
    }
}

/// `locate_label`: the middle of the straightest block of about one label width that is
/// not too close to an earlier label (else the straightest), as (x, y, vertex index).
fn locate_label(scr: &[(f64, f64)], lw: f64, placed: &[(f64, f64)]) -> (f64, f64, usize) {
    let n = scr.len();
    let n_blocks = if lw > 1.0 {
        ((n as f64 / lw).ceil() as usize).max(1)
    } else {
        1
    };
    let bs = if n_blocks == 1 {
        n
    } else {
        (lw as usize).max(1)
    };
    // np.resize: the contour repeated cyclically over n_blocks x bs.
    let at = |b: usize, i: usize| scr[(b * bs + i) % n];
    let mut distances = Vec::with_capacity(n_blocks);
    let mut terms = vec![0.0; bs];
    for b in 0..n_blocks {
        let (xf, yf) = at(b, 0);
        let (xl, yl) = at(b, bs - 1);
        let l = (xl - xf).hypot(yl - yf);
        for (i, t) in terms.iter_mut().enumerate() {
            let (x, y) = at(b, i);
            let s = (yf - y) * (xl - xf) - (xf - x) * (yl - yf);
            *t = s.abs() / l;
        }
        distances.push(pairwise_sum(&terms));
    }
    let mut adist: Vec<usize> = (0..n_blocks).collect();
    adist.sort_by(|&a, &b| {
        let (x, y) = (distances[a], distances[b]);
        match (x.is_nan(), y.is_nan()) {
            (true, true) => std::cmp::Ordering::Equal,
            (true, false) => std::cmp::Ordering::Greater,
            (false, true) => std::cmp::Ordering::Less,
            _ => x.partial_cmp(&y).unwrap_or(std::cmp::Ordering::Equal),
        }
    });
    let hb = bs / 2;
    let thresh = (1.2 * lw) * (1.2 * lw);
    let too_close = |x: f64, y: f64| {
        placed
            .iter()
            .any(|&(px, py)| (x - px) * (x - px) + (y - py) * (y - py) < thresh)
    };
    let first = adist[0];
    let mut pick = first;
    for &idx in adist.iter().chain(std::iter::once(&first)) {
        pick = idx;
        let (x, y) = at(idx, hb);
        if !too_close(x, y) {
            break;
        }
    }
    let (x, y) = at(pick, hb);
    (x, y, (pick * bs + hb) % n)
}

/// `np.interp(x, xp, fp, left, right)` for increasing `xp` (NumPy's `arr_interp`).
fn np_interp(x: f64, xp: &[f64], fp: &[f64], left: f64, right: f64) -> f64 {
    let n = xp.len();
    if x.is_nan() {
        return x;
    }
    if n == 1 {
        return if x < xp[0] {
            left
        } else if x > xp[0] {
            right
        } else {
            fp[0]
        };
    }
    if x > xp[n - 1] {
        return right;
    }
    if x < xp[0] {
        return left;
    }
    let j = xp.partition_point(|&v| v <= x).saturating_sub(1);
    if j == n - 1 || xp[j] == x {
        return fp[j];
    }
    let slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
    let mut r = slope * (x - xp[j]) + fp[j];
    if r.is_nan() {
        r = slope * (x - xp[j + 1]) + fp[j + 1];
        if r.is_nan() && fp[j] == fp[j + 1] {
            r = fp[j];
        }
    }
    r
}

/// `np.allclose` of two points (rtol 1e-5, atol 1e-8).
fn allclose(a: (f64, f64), b: (f64, f64)) -> bool {
    let c = |x: f64, y: f64| (x - y).abs() <= 1e-8 + 1e-5 * y.abs();
    c(a.0, b.0) && c(a.1, b.1)
}

/// `_split_path_and_get_label_rotation` on one connected component: the label's angle
/// and the component cut `lw / 2 + spacing` pixels either side of the label.
fn split_path(
    verts: &[(f64, f64)],
    codes: &[u8],
    idx: usize,
    screen_pos: (f64, f64),
    lw: f64,
    lb: &Labeler,
) -> (f64, Piece) {
    let mut xys = verts.to_vec();
    let mut codes = codes.to_vec();
    let pos = (lb.data)(screen_pos.0, screen_pos.1);
    if !allclose(pos, xys[idx]) {
        xys.insert(idx, pos);
        codes.insert(idx, LINETO);
    }
    // The connected component holding idx (an implicit MOVETO closes the path).
    let start = (0..=idx).rev().find(|&i| codes[i] == MOVETO).unwrap_or(0);
    let stop = (idx + 1..codes.len())
        .find(|&i| codes[i] == MOVETO)
        .unwrap_or(codes.len());
    let mut idx = idx - start;
    let closed = codes[stop - 1] == CLOSEPOLY;
    let cc: Vec<(f64, f64)> = if closed {
        let part = &xys[start..stop];
        let n = part.len();
        let mut v = part[idx..n - 1].to_vec();
        v.extend_from_slice(&part[..=idx]);
        idx = 0;
        v
    } else {
        xys[start..stop].to_vec()
    };
    let scr: Vec<(f64, f64)> = cc.iter().map(|&(x, y)| (lb.screen)(x, y)).collect();
    let mut cpl = Vec::with_capacity(scr.len());
    cpl.push(0.0);
    let mut acc = 0.0;
    for w in scr.windows(2) {
        acc += (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1);
        cpl.push(acc);
    }
    let c0 = cpl[idx];
    for v in &mut cpl {
        *v -= c0;
    }
    let mut t0 = -lw / 2.0;
    let mut t1 = lw / 2.0;
    if closed {
        t0 += cpl[cpl.len() - 1] - cpl[0];
    }
    let sx: Vec<f64> = scr.iter().map(|p| p.0).collect();
    let sy: Vec<f64> = scr.iter().map(|p| p.1).collect();
    let ip = |t: f64, f: &[f64]| np_interp(t, &cpl, f, f[0], f[f.len() - 1]);
    let (sx0, sx1, sy0, sy1) = (ip(t0, &sx), ip(t1, &sx), ip(t0, &sy), ip(t1, &sy));
    let mut angle = (sy1 - sy0).atan2(sx1 - sx0).to_degrees();
    if lb.rightside_up {
        angle = py_mod(angle + 90.0, 180.0) - 90.0;
    }
    t0 -= lb.spacing;
    t1 += lb.spacing;
    let index: Vec<f64> = (0..cpl.len()).map(|i| i as f64).collect();
    let i0 = np_interp(t0, &cpl, &index, -1.0, -1.0).floor();
    let i1 = np_interp(t1, &cpl, &index, -1.0, -1.0).ceil();
    let cx: Vec<f64> = cc.iter().map(|p| p.0).collect();
    let cy: Vec<f64> = cc.iter().map(|p| p.1).collect();
    let p0 = (ip(t0, &cx), ip(t0, &cy));
    let p1 = (ip(t1, &cx), ip(t1, &cy));
    let mut v = Vec::new();
    let mut c = Vec::new();
    if closed {
        if i0 != -1.0 && i1 != -1.0 {
            let (a, b) = (i1 as usize, i0 as usize + 1);
            v.push(p1);
            c.push(MOVETO);
            if a < b {
                v.extend_from_slice(&cc[a..b.min(cc.len())]);
            }
            v.push(p0);
            c.resize(v.len(), LINETO);
        }
    } else {
        if i0 != -1.0 {
            let b = (i0 as usize + 1).min(cc.len());
            v.extend_from_slice(&cc[..b]);
            v.push(p0);
            c.push(MOVETO);
            c.resize(v.len(), LINETO);
        }
        if i1 != -1.0 {
            let a = (i1 as usize).min(cc.len());
            v.push(p1);
            v.extend_from_slice(&cc[a..]);
            c.push(MOVETO);
            c.resize(v.len(), LINETO);
        }
    }
    // Back to the full path.
    let mut all_v = xys[..start].to_vec();
    let mut all_c = codes[..start].to_vec();
    all_v.extend(v);
    all_c.extend(c);
    all_v.extend_from_slice(&xys[stop..]);
    all_c.extend_from_slice(&codes[stop..]);
    (angle, (all_v, all_c))
}

/// `add_label_near`: the label of the labelled level nearest (on screen) to `xy`, at the
/// closest point of its path (`_find_nearest_contour`).
fn label_near(
    set: &mut ContourSet,
    indices: &[usize],
    widths: &[f64],
    xy: (f64, f64),
    lb: &Labeler,
) -> Option<Placed> {
    let mut best: Option<(f64, usize, usize, (f64, f64))> = None;
    for &icon in indices {
        let mut start = 0;
        for (verts, _) in components(&set.paths[icon]) {
            if verts.is_empty() {
                continue;
            }
            let scr: Vec<(f64, f64)> = verts.iter().map(|&(x, y)| (lb.screen)(x, y)).collect();
            let (d2, proj, leg) = closest_point_on_path(&scr, xy);
            if best.is_none_or(|b| d2 < b.0) {
                best = Some((d2, icon, leg + start, proj));
            }
            start += verts.len();
        }
    }
    let (_, icon, idx, proj) = best?;
    let k = indices.iter().position(|&i| i == icon)?;
    let (verts, codes): Component = components(&set.paths[icon]).into_iter().fold(
        (Vec::new(), Vec::new()),
        |(mut v, mut c), (pv, pc)| {
            v.extend(pv);
            c.extend(pc);
            (v, c)
        },
    );
    let (rotation, broken) = split_path(&verts, &codes, idx, proj, widths[k], lb);
    if lb.inline {
        set.paths[icon] = vec![broken];
    }
    Some(Placed {
        x: proj.0,
        y: proj.1,
        rotation,
        k,
    })
}

/// `_find_closest_point_on_path`: squared distance, projection and the index of the end
/// vertex of the closest segment.
fn closest_point_on_path(xys: &[(f64, f64)], p: (f64, f64)) -> (f64, (f64, f64), usize) {
    if xys.len() == 1 {
        let (dx, dy) = (p.0 - xys[0].0, p.1 - xys[0].1);
        return (dx * dx + dy * dy, xys[0], 0);
    }
    let mut best = (f64::INFINITY, xys[0], 1);
    let mut first = true;
    for (i, w) in xys.windows(2).enumerate() {
        let (dx, dy) = (w[1].0 - w[0].0, w[1].1 - w[0].1);
        let mut norm = dx * dx + dy * dy;
        if norm == 0.0 {
            norm = 1.0;
        }
        let rel = (((p.0 - w[0].0) * dx + (p.1 - w[0].1) * dy) / norm).clamp(0.0, 1.0);
        let proj = (w[0].0 + rel * dx, w[0].1 + rel * dy);
        let (ex, ey) = (proj.0 - p.0, proj.1 - p.1);
        let d2 = ex * ex + ey * ey;
        // np.argmin: the first minimum (NaN wins, as NumPy's argmin returns it).
        if first || d2 < best.0 || (d2.is_nan() && !best.0.is_nan()) {
            best = (d2, proj, i + 1);
            first = false;
        }
    }
    best
}

/// Python's float `%` for a positive divisor.
fn py_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 && m < 0.0 {
        m + b
    } else if m == 0.0 {
        0.0
    } else {
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_format_is_pythons() {
        let f = |s: &str, x: f64| percent_format(s, x).unwrap();
        assert_eq!(f("%1.2f", -0.2), "-0.20");
        assert_eq!(f("%1.3f", 0.5), "0.500");
        assert_eq!(f("%g", 1000.0), "1000");
        assert_eq!(f("%g", 0.1), "0.1");
        assert_eq!(f("%g", 1e6), "1e+06");
        assert_eq!(f("%5.1f", 2.25), "  2.2");
        assert_eq!(f("%+.1f", 2.0), "+2.0");
        assert_eq!(f("%d", -3.7), "-3");
        assert_eq!(f("%.2e", 12345.0), "1.23e+04");
        assert_eq!(f("{:.1f}", 1.0), "{:.1f}");
        assert_eq!(f("%.0f%%", 50.0), "50%");
        assert!(percent_format("%f %f", 1.0).is_err());
    }

    #[test]
    fn np_interp_matches_numpy() {
        let xp = [0.0, 1.0, 1.0, 3.0];
        let fp = [0.0, 10.0, 20.0, 40.0];
        assert_eq!(np_interp(1.0, &xp, &fp, -1.0, -1.0), 20.0);
        assert_eq!(np_interp(2.0, &xp, &fp, -1.0, -1.0), 30.0);
        assert_eq!(np_interp(-0.5, &xp, &fp, -1.0, -1.0), -1.0);
        assert_eq!(np_interp(3.5, &xp, &fp, -1.0, -2.0), -2.0);
        assert_eq!(np_interp(3.0, &xp, &fp, -1.0, -2.0), 40.0);
    }

    #[test]
    fn pairwise_sum_matches_sequential_for_short_rows() {
        let a: Vec<f64> = (0..300).map(|i| (i as f64).sqrt()).collect();
        let s = pairwise_sum(&a);
        let seq: f64 = a.iter().sum();
        assert!((s - seq).abs() < 1e-9);
        assert_eq!(pairwise_sum(&a[..5]), a[..5].iter().sum::<f64>());
    }
}
