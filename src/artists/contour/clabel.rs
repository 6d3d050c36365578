//! `ax.clabel(cs, ...)`: matplotlib 3.11's `ContourLabeler` on a contour set. Like
//! matplotlib, the labels are placed when `clabel` is called, with the Axes' transform of
//! that moment: `labels` walks each labelled level's connected components,
//! `locate_label` picks the straightest block of about one label width (in pixels) not
//! too close to an earlier label, `_split_path_and_get_label_rotation` takes the angle
//! half a label width either side along the path and (inline) cuts the path there plus
//! `inline_spacing`, and each label becomes a centred, rotated text in data coordinates,
//! clipped to the Axes.

use super::placement::{label_near, labels, Labeler};
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
    // The scales' inverse transforms: InvertedLogTransform (base ** value) and
    // InvertedSymmetricalLogTransform.
    let unscale = |s: AxisScale, v: f64| match s {
        AxisScale::Linear => v,
        AxisScale::Log { base, .. } => base.powf(v),
        s @ AxisScale::SymLog { .. } => s.inverse(v),
    };
    let ctx = DrawCtx::for_axes(al, &lay);
    let inverse = al
        .trans_data
        .inverted()
        .ok_or_else(|| Error::invalid("clabel", "a singular data transform", "non-empty limits"))?;
    let dpi = lay.dpi;
    let face = text_face(None, None, None)?;
    let ax = fig.axes_mut(cs.axes).ok_or_else(not_cs)?;
    let Some(Artist::Contour(set)) =
        std::sync::Arc::make_mut(&mut ax.plot.artists).get_mut(cs.index)
    else {
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
            ma: None,
            linespacing: None,
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

    /// The symlog inverse undoes the forward transform, inside and outside linthresh.
    #[test]
    fn symlog_inverse_undoes_the_scale() {
        let s = AxisScale::SymLog {
            base: 10.0,
            linthresh: 2.0,
            linscale: 0.5,
        };
        for v in [-500.0, -2.0, -0.3, 0.0, 1.5, 2.0, 40.0, 1e6] {
            let back = s.inverse(s.transform(v));
            assert!(
                (back - v).abs() <= 1e-12 * v.abs().max(1.0),
                "{v} -> {back}"
            );
        }
    }
}
