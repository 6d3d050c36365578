//! The keyword and argument parsers of `figbuf render`'s calls (plot, imshow, spans, text,
//! scales), split from figure_json.rs to keep files short.

use crate::figure_json::{err, is_data, num, Ctx, FigError, Kw, Returned, R};
use figbuf::{
    Aspect, AxesId, AxisScale, Figure, ImshowOptions, LineStyle, MarkEvery, Norm, PlotOptions,
    SpanOptions, TextBox, TextOptions,
};
use serde_json::Value;

pub(crate) fn linestyle(call: &str, v: &str) -> R<LineStyle> {
    v.parse::<LineStyle>()
        .map_err(|e| FigError(format!("'{call}': {e}")))
}

/// A linestyle: a name, or `(offset, [on, off, ...])` as a JSON `[offset, [on, off, ...]]`.
pub(crate) fn linestyle_value(call: &str, v: &Value) -> R<LineStyle> {
    match v {
        Value::String(s) => linestyle(call, s),
        Value::Array(a) if a.len() == 2 && a.first().is_some_and(Value::is_number) => {
            let off = a.first().and_then(Value::as_f64).unwrap_or(0.0);
            let seq = dash_seq(call, a.get(1).unwrap_or(&Value::Null))?;
            if seq.is_empty() {
                return err(format!(
                    "'{call}': linestyle {v} has an empty dash sequence"
                ));
            }
            Ok(LineStyle::Dashes(off, seq))
        }
        other => err(format!(
            "'{call}' keyword 'linestyle' must be a name or [offset, [on, off, ...]], got {other}"
        )),
    }
}

/// An on/off dash sequence in points (non-negative numbers).
fn dash_seq(call: &str, v: &Value) -> R<Vec<f64>> {
    let bad = || {
        FigError(format!(
            "'{call}': dashes {v} must be a list of non-negative numbers"
        ))
    };
    let items = v.as_array().ok_or_else(bad)?;
    let seq = items
        .iter()
        .map(|x| x.as_f64().filter(|f| f.is_finite() && *f >= 0.0))
        .collect::<Option<Vec<f64>>>()
        .ok_or_else(bad)?;
    if !seq.is_empty() && seq.iter().sum::<f64>() <= 0.0 {
        return Err(bad());
    }
    Ok(seq)
}

/// `plot`'s keywords (shared by semilogx/semilogy/loglog).
pub(crate) fn plot_options(kw: &mut Kw) -> R<PlotOptions> {
    let mut o = PlotOptions::default();
    o.color = kw.color(&["color", "c"])?;
    o.linewidth = kw.f64(&["linewidth", "lw"])?;
    if let Some(ls) = kw.take(&["linestyle", "ls"]) {
        o.linestyle = Some(linestyle_value(&kw.call, &ls)?);
    }
    if let Some(d) = kw.take(&["dashes"]) {
        // `set_dashes(seq)` is `set_linestyle((0, seq))`; an empty sequence is solid.
        let seq = dash_seq(&kw.call, &d)?;
        o.linestyle = Some(if seq.is_empty() {
            LineStyle::Solid
        } else {
            LineStyle::Dashes(0.0, seq)
        });
    }
    if let Some(m) = kw.take(&["marker"]) {
        o.marker = Some(match m {
            Value::String(s) => s,
            other => {
                return err(format!(
                    "'{}' keyword 'marker' must be a string, got {other}",
                    kw.call
                ))
            }
        });
    }
    o.markersize = kw.f64(&["markersize", "ms"])?;
    o.markerfacecolor = kw.color(&["markerfacecolor", "mfc"])?;
    o.markerfacecoloralt = kw.color(&["markerfacecoloralt", "mfcalt"])?;
    o.fillstyle = kw.string(&["fillstyle"])?;
    o.markeredgecolor = kw.color(&["markeredgecolor", "mec"])?;
    o.markeredgewidth = kw.f64(&["markeredgewidth", "mew"])?;
    if let Some(me) = kw.take(&["markevery"]) {
        o.markevery = Some(markevery(&kw.call, &me)?);
    }
    o.alpha = kw.f64(&["alpha"])?;
    o.label = kw.string(&["label"])?;
    o.zorder = kw.f64(&["zorder"])?;
    if let Some(ds) = kw.string(&["drawstyle", "ds"])? {
        o.drawstyle = Some(
            ds.parse()
                .map_err(|e: figbuf::Error| FigError(format!("'{}': {e}", kw.call)))?,
        );
    }
    o.solid_capstyle = kw.string(&["solid_capstyle"])?;
    o.dash_capstyle = kw.string(&["dash_capstyle"])?;
    o.solid_joinstyle = kw.string(&["solid_joinstyle"])?;
    o.antialiased = kw.bool(&["antialiased", "aa"])?;
    Ok(o)
}

/// One `x, y, fmt` group of `plot`.
pub(crate) type PlotGroup = (Option<Vec<f64>>, Vec<f64>, Option<String>);

/// `plot(*args)`: groups of `x, y[, fmt]` or `y[, fmt]`.
pub(crate) fn plot_groups(ctx: &Ctx, call: &str, args: &[Value]) -> R<Vec<PlotGroup>> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(first) = args.get(i) {
        let a = ctx.data(first, &format!("'{call}' argument {i}"))?;
        let (x, y, next) = if let Some(second) = args.get(i + 1).filter(|v| is_data(v)) {
            let b = ctx.data(second, &format!("'{call}' argument {}", i + 1))?;
            (Some(a), b, i + 2)
        } else {
            (None, a, i + 1)
        };
        let (fmt, next) = match args.get(next) {
            Some(Value::String(s)) => (Some(s.clone()), next + 1),
            _ => (None, next),
        };
        if next == i {
            return err(format!("'{call}' argument {i} is not data"));
        }
        out.push((x, y, fmt));
        i = next;
    }
    Ok(out)
}

pub(crate) fn scale_of(call: &str, args: &[Value], kw: &mut Kw) -> R<AxisScale> {
    let name = args.first().and_then(|v| v.as_str()).unwrap_or("");
    let linthresh = kw.f64(&["linthresh"])?;
    let base = kw.f64(&["base"])?;
    let linscale = kw.f64(&["linscale"])?;
    let mut mask = false;
    if name == "log" {
        mask = crate::figure_scales::nonpositive_mask(call, kw)?;
        if let Some(b) = base.filter(|&b| !(b > 1.0 && b <= 1.0e6)) {
            return err(format!(
                "'{call}' keyword 'base' {b} of a log scale is not supported (a number in (1, 1e6])"
            ));
        }
    }
    match name {
        "linear" => Ok(AxisScale::Linear),
        "log" if mask => Ok(AxisScale::log_masked(base.unwrap_or(10.0))),
        "log" => Ok(AxisScale::log(base.unwrap_or(10.0))),
        "symlog" => Ok(AxisScale::SymLog {
            base: base.unwrap_or(10.0),
            linthresh: linthresh.unwrap_or(2.0),
            linscale: linscale.unwrap_or(1.0),
        }),
        other => err(format!(
            "'{call}': scale {other:?} is not supported (linear, log, symlog)"
        )),
    }
}

pub(crate) fn opt_num(v: Option<&Value>) -> Option<f64> {
    v.and_then(num).filter(|x| !x.is_nan())
}

/// Takes the colour-mapping keywords every mappable call has (`cmap`, `norm`, `vmin`, `vmax`)
/// from `$kw` into the fields of the same names of the options `$o`.
macro_rules! mapping_keywords {
    ($kw:expr, $o:expr) => {
        if let Some(c) = $kw.string(&["cmap"])? {
            $o.cmap = Some(figbuf::Colormap::named(&c)?);
        }
        if let Some(n) = $kw.string(&["norm"])? {
            $o.norm = Some($crate::figure_args::norm_of(&n)?);
        }
        $o.vmin = $kw.f64(&["vmin"])?;
        $o.vmax = $kw.f64(&["vmax"])?;
    };
}
pub(crate) use mapping_keywords;

pub(crate) fn norm_of(name: &str) -> R<Norm> {
    match name {
        "linear" => Ok(Norm::linear()),
        "log" => Ok(Norm::log()),
        "symlog" => Ok(Norm::symlog(1.0, 1.0, 10.0)?),
        other => err(format!(
            "norm {other:?} is not supported (linear, log, symlog)"
        )),
    }
}

pub(crate) fn imshow(
    fig: &mut Figure,
    ax: AxesId,
    ctx: &Ctx,
    args: &[Value],
    kw: &mut Kw,
) -> R<Returned> {
    let data = match args.first() {
        Some(Value::Object(o)) if o.get("npy").is_some_and(Value::is_string) => {
            let file = o["npy"].as_str().unwrap_or_default();
            figbuf::npy::read_image_data(ctx.dir.join(file))?
        }
        Some(v @ (Value::Array(_) | Value::Object(_))) => {
            let a = crate::figure_mesh::array2(ctx, v, "'imshow' data")?;
            let a = ndarray::Array2::from_shape_vec((a.rows, a.cols), a.data)
                .map_err(|e| FigError(format!("'imshow' data: {e}")))?;
            figbuf::ImageData::from_scalar(&figbuf::ScalarData::new(a.view()))
        }
        _ => return err("'imshow' needs 2-D data: nested lists or {\"npy\": file}"),
    };
    let mut opts = ImshowOptions::default();
    mapping_keywords!(kw, opts);
    if let Some(i) = kw.string(&["interpolation"])? {
        opts.interpolation = i.parse()?;
    }
    if let Some(i) = kw.string(&["origin"])? {
        opts.origin = i.parse()?;
    }
    if let Some(e) = kw.take(&["extent"]) {
        let v = ctx.data(&e, "'imshow' keyword 'extent'")?;
        let [l, r, b, t] = v[..] else {
            return err("'imshow' keyword 'extent' needs 4 numbers");
        };
        opts.extent = Some([l, r, b, t]);
    }
    if let Some(a) = kw.take(&["aspect"]) {
        opts.aspect = match a {
            Value::String(s) => s.parse::<Aspect>()?,
            Value::Number(n) => Aspect::Ratio(n.as_f64().unwrap_or(1.0)),
            other => {
                return err(format!(
                    "'imshow' keyword 'aspect' {other} is not supported"
                ))
            }
        };
    }
    match kw.take(&["alpha"]) {
        None | Some(Value::Null) => {}
        Some(Value::Number(n)) => opts.alpha = n.as_f64(),
        Some(other) => {
            return err(format!(
                "'imshow' keyword 'alpha' {other} is not supported (only a number: an array alpha is not)"
            ))
        }
    }
    Ok(Returned::Image(fig[ax].imshow_with(data, opts)?))
}

pub(crate) fn span_options(kw: &mut Kw, lo: &str, hi: &str) -> R<SpanOptions> {
    let mut o = SpanOptions::default();
    o.color = kw.color(&["color", "c"])?;
    o.facecolor = kw.color(&["facecolor", "fc"])?;
    o.edgecolor = kw.color(&["edgecolor", "ec"])?;
    o.linewidth = kw.f64(&["linewidth", "lw"])?;
    if let Some(ls) = kw.take(&["linestyle", "ls"]) {
        o.linestyle = Some(linestyle_value(&kw.call, &ls)?);
    }
    o.alpha = kw.f64(&["alpha"])?;
    o.zorder = kw.f64(&["zorder"])?;
    o.label = kw.string(&["label"])?;
    o.min = kw.f64(&[lo])?;
    o.max = kw.f64(&[hi])?;
    Ok(o)
}

pub(crate) fn text_options(kw: &mut Kw) -> R<TextOptions> {
    let mut o = TextOptions::default();
    o.fontsize = fontsize(kw, &["fontsize", "size"])?;
    o.color = kw.color(&["color", "c"])?;
    o.ha = kw.string(&["ha", "horizontalalignment"])?;
    o.va = kw.string(&["va", "verticalalignment"])?;
    o.alpha = kw.f64(&["alpha"])?;
    o.zorder = kw.f64(&["zorder"])?;
    if let Some(b) = kw.take(&["bbox"]) {
        let Value::Object(mut m) = b else {
            return err(format!("'{}' keyword 'bbox' must be a dict", kw.call));
        };
        let mut tb = TextBox::default();
        let mut text = |k: &str| -> R<Option<String>> {
            match m.remove(k) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s)),
                Some(other) => crate::figure_json::color_value(&other)
                    .map(Some)
                    .ok_or_else(|| FigError(format!("bbox '{k}' must be a string, got {other}"))),
            }
        };
        tb.boxstyle = text("boxstyle")?;
        tb.facecolor = text("facecolor")?.or(text("fc")?);
        tb.edgecolor = text("edgecolor")?.or(text("ec")?);
        tb.alpha = m.remove("alpha").as_ref().and_then(num);
        tb.pad = m.remove("pad").as_ref().and_then(num);
        if let Some(k) = m.keys().next() {
            return err(format!("'{}' bbox key '{k}' is not supported", kw.call));
        }
        o.bbox = Some(tb);
    }
    o.rotation = match kw.take(&["rotation"]) {
        None => None,
        Some(Value::String(s)) if s == "horizontal" => Some(0.0),
        Some(Value::String(s)) if s == "vertical" => Some(90.0),
        Some(v) => Some(num(&v).ok_or_else(|| {
            FigError(format!(
                "'{}' keyword 'rotation' must be a number, 'horizontal' or 'vertical', got {v}",
                kw.call
            ))
        })?),
    };
    o.rotation_mode = kw.string(&["rotation_mode"])?;
    o.fontweight = match kw.take(&["fontweight", "weight"]) {
        None => None,
        Some(Value::String(s)) => Some(s),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(v) => {
            return err(format!(
                "'{}' keyword 'fontweight' must be a name or a number, got {v}",
                kw.call
            ))
        }
    };
    o.fontstyle = kw.string(&["fontstyle", "style"])?;
    o.family = kw.string(&["family", "fontfamily"])?;
    (o.multialignment, o.linespacing) = crate::figure_titles::line_kw(kw)?;
    Ok(o)
}

/// A font size: points, or one of matplotlib's names ('xx-small' ... 'xx-large',
/// 'smaller', 'larger'), scaled from the default 10 pt as `FontProperties.set_size` does.
pub(crate) fn fontsize(kw: &mut Kw, names: &[&str]) -> R<Option<f64>> {
    match kw.take(names) {
        None => Ok(None),
        Some(Value::String(s)) => {
            let scale = match s.as_str() {
                "xx-small" => 0.579,
                "x-small" => 0.694,
                "small" | "smaller" => 0.833,
                "medium" => 1.0,
                "large" | "larger" => 1.2,
                "x-large" => 1.44,
                "xx-large" => 1.728,
                other => {
                    return err(format!(
                        "'{}' keyword '{}' {other:?} is not a size",
                        kw.call,
                        names.first().unwrap_or(&"?")
                    ))
                }
            };
            Ok(Some(scale * 10.0))
        }
        Some(v) => num(&v).map(Some).ok_or_else(|| {
            FigError(format!(
                "'{}' keyword '{}' must be a number or a size name, got {v}",
                kw.call,
                names.first().unwrap_or(&"?")
            ))
        }),
    }
}

/// `arrowprops` keys besides `arrowstyle`: `color`, `facecolor`/`fc`, `edgecolor`/`ec`,
/// `linewidth`/`lw`, `shrinkA`, `shrinkB`, `connectionstyle` (taken out of `m`).
pub(crate) fn arrowprops(
    m: &mut serde_json::Map<String, Value>,
    o: &mut figbuf::AnnotateOptions,
) -> R<()> {
    let mut text = |keys: &[&str]| -> R<Option<String>> {
        let mut found = None;
        for k in keys {
            match m.remove(*k) {
                None | Some(Value::Null) => {}
                Some(Value::String(s)) => found = Some(s),
                Some(other) => match crate::figure_json::color_value(&other) {
                    Some(c) => found = Some(c),
                    None => return err(format!("arrowprops '{k}' must be a string, got {other}")),
                },
            }
        }
        Ok(found)
    };
    o.arrow_color = text(&["color"])?;
    o.arrow_facecolor = text(&["facecolor", "fc"])?;
    o.arrow_edgecolor = text(&["edgecolor", "ec"])?;
    o.arrow_connectionstyle = text(&["connectionstyle"])?;
    let mut number = |k: &str| arrowprops_number(m, k);
    for k in ["linewidth", "lw"] {
        if let Some(v) = number(k)? {
            o.arrow_linewidth = Some(v);
        }
    }
    o.arrow_shrink_a_pt = number("shrinkA")?;
    o.arrow_shrink_b_pt = number("shrinkB")?;
    Ok(())
}

/// `arrowprops` without `arrowstyle`: `width`, `headwidth`, `headlength` (points) and
/// `shrink` (a fraction), taken out of `m`.
pub(crate) fn yaarrow_props(
    m: &mut serde_json::Map<String, Value>,
    o: &mut figbuf::AnnotateOptions,
) -> R<()> {
    let mut number = |k: &str| arrowprops_number(m, k);
    o.arrow_width_pt = number("width")?;
    o.arrow_headwidth_pt = number("headwidth")?;
    o.arrow_headlength_pt = number("headlength")?;
    o.arrow_shrink = number("shrink")?;
    Ok(())
}

/// `markevery`: an integer n, a float (distance in Axes diagonals), `[start, step]` with a
/// float step (matplotlib's tuple), `{"slice": [start, stop, step]}` (`null` for a default),
/// a list of indices or a list of booleans (a mask).
fn markevery(call: &str, me: &Value) -> R<MarkEvery> {
    let bad = || {
        FigError(format!(
            "'{call}' keyword 'markevery' must be an integer, a float, [start, float step], \
             {{\"slice\": [start, stop, step]}}, a list of indices or of booleans, got {me}"
        ))
    };
    let int = |v: &Value| v.as_i64().filter(|_| !v.is_f64());
    Ok(match me {
        Value::Bool(b) => MarkEvery::Every(usize::from(*b)),
        Value::Number(n) if n.is_f64() => MarkEvery::Fraction {
            start: 0.0,
            step: n.as_f64().ok_or_else(bad)?,
        },
        Value::Number(n) => match n.as_i64() {
            Some(k) if k >= 0 => MarkEvery::Every(usize::try_from(k).map_err(|_| bad())?),
            // (0, -k): the slice 0::-k.
            Some(k) => MarkEvery::Slice {
                start: Some(0),
                stop: None,
                step: Some(k),
            },
            None => return Err(bad()),
        },
        Value::Array(v) if matches!(&v[..], [a, b] if a.is_number() && b.is_f64()) => {
            let [a, b] = &v[..] else {
                return Err(bad());
            };
            MarkEvery::Fraction {
                start: a.as_f64().ok_or_else(bad)?,
                step: b.as_f64().ok_or_else(bad)?,
            }
        }
        Value::Array(v) if !v.is_empty() && v.iter().all(Value::is_boolean) => {
            MarkEvery::Mask(v.iter().map(|b| b.as_bool() == Some(true)).collect())
        }
        Value::Array(v) if v.iter().all(|x| x.as_u64().is_some()) => MarkEvery::Indices(
            v.iter()
                .filter_map(|x| x.as_u64())
                .filter_map(|x| usize::try_from(x).ok())
                .collect(),
        ),
        Value::Object(m) if m.len() == 1 => {
            let Some([start, stop, step]) =
                m.get("slice").and_then(Value::as_array).map(|p| &p[..])
            else {
                return Err(bad());
            };
            let part = |v: &Value| -> R<Option<i64>> {
                match v {
                    Value::Null => Ok(None),
                    _ => int(v).map(Some).ok_or_else(bad),
                }
            };
            MarkEvery::Slice {
                start: part(start)?,
                stop: part(stop)?,
                step: part(step)?,
            }
        }
        _ => return Err(bad()),
    })
}

/// `arrowprops[k]` taken out of `m` as a number, if given.
fn arrowprops_number(m: &mut serde_json::Map<String, Value>, k: &str) -> R<Option<f64>> {
    match m.remove(k) {
        None => Ok(None),
        Some(v) => Ok(Some(num(&v).ok_or_else(|| {
            FigError(format!("arrowprops '{k}' must be a number, got {v}"))
        })?)),
    }
}
