//! `figbuf render FIGURE.json`: a figure described as the matplotlib calls that draw it
//! (see the figure.json format description), replayed on figbuf's model. Every method, positional argument
//! and keyword is matplotlib's; anything figbuf does not support is an error naming it.
//! (About 830 lines: the value helpers every call parser shares and the two dispatchers;
//! each call's own parsing lives in a `figure_<area>.rs` beside it.)

use crate::figure_args::{
    imshow, linestyle, opt_num, plot_groups, plot_options, scale_of, span_options, text_options,
};
use figbuf::{
    ArrowStyle, Aspect, AxesId, Color, ColorbarOptions, Figure, ImageHandle, Mappable,
    ScatterColor, ScatterOptions,
};
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

/// An error in a figure description, with where it happened.
pub struct FigError(pub String);

pub(crate) type R<T> = Result<T, FigError>;

pub(crate) fn err<T>(msg: impl Into<String>) -> R<T> {
    Err(FigError(msg.into()))
}

impl From<figbuf::Error> for FigError {
    fn from(e: figbuf::Error) -> Self {
        FigError(e.to_string())
    }
}

/// What a call returned, for `{"ref": [i, j]}`.
#[derive(Clone)]
pub(crate) enum Returned {
    Nothing,
    Image(ImageHandle),
    Artist(figbuf::ArtistHandle),
    /// The lines one `plot` call drew.
    Lines(Vec<figbuf::ArtistHandle>),
}

/// The keywords of one call; each handler takes what it supports, and what is left over
/// is an error.
pub(crate) struct Kw {
    pub(crate) call: String,
    map: Map<String, Value>,
}

impl Kw {
    /// The keyword's value, `null` included (where `None` means something).
    pub(crate) fn take_raw(&mut self, name: &str) -> Option<Value> {
        self.map.remove(name)
    }

    pub(crate) fn take(&mut self, names: &[&str]) -> Option<Value> {
        let mut found = None;
        for n in names {
            if let Some(v) = self.map.remove(*n) {
                found = Some(v);
            }
        }
        found.filter(|v| !v.is_null())
    }

    /// A keyword's value, JSON null (Python's None) included.
    pub(crate) fn take_nullable(&mut self, name: &str) -> Option<Value> {
        self.map.remove(name)
    }

    pub(crate) fn f64(&mut self, names: &[&str]) -> R<Option<f64>> {
        match self.take(names) {
            None => Ok(None),
            Some(v) => num(&v).map(Some).ok_or_else(|| {
                FigError(format!(
                    "'{}' keyword '{}' must be a number, got {v}",
                    self.call,
                    names.first().unwrap_or(&"?")
                ))
            }),
        }
    }

    pub(crate) fn string(&mut self, names: &[&str]) -> R<Option<String>> {
        match self.take(names) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(v) => err(format!(
                "'{}' keyword '{}' must be a string, got {v}",
                self.call,
                names.first().unwrap_or(&"?")
            )),
        }
    }

    /// A colour: a string, or 3 or 4 numbers (an RGB(A) tuple, passed on in the text form
    /// `(r, g, b)` that [`Color::parse`] reads; `{}` keeps every f64 exactly).
    pub(crate) fn color(&mut self, names: &[&str]) -> R<Option<String>> {
        match self.take(names) {
            None => Ok(None),
            Some(v) => color_value(&v).map(Some).ok_or_else(|| {
                FigError(format!(
                    "'{}' keyword '{}' must be a colour (a string or 3 or 4 numbers), got {v}",
                    self.call,
                    names.first().unwrap_or(&"?")
                ))
            }),
        }
    }

    pub(crate) fn bool(&mut self, names: &[&str]) -> R<Option<bool>> {
        match self.take(names) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(b)),
            Some(v) => err(format!(
                "'{}' keyword '{}' must be true or false, got {v}",
                self.call,
                names.first().unwrap_or(&"?")
            )),
        }
    }

    fn finish(self) -> R<()> {
        match self.map.keys().next() {
            Some(k) => err(format!("'{}' keyword '{k}' is not supported", self.call)),
            None => Ok(()),
        }
    }
}

/// One colour as text: a string as it is, an RGB(A) tuple (3 or 4 numbers) as `(r, g, b)`.
pub(crate) fn color_value(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Array(items) if matches!(items.len(), 3 | 4) => {
            let parts = items
                .iter()
                .map(|x| x.as_f64().map(|f| format!("{f}")))
                .collect::<Option<Vec<String>>>()?;
            Some(format!("({})", parts.join(", ")))
        }
        _ => None,
    }
}

/// A list of colours (strings or RGB(A) tuples); `None` if any item is not a colour.
pub(crate) fn color_list(v: &Value) -> Option<Vec<String>> {
    match v {
        Value::Array(items) if !items.is_empty() => items.iter().map(color_value).collect(),
        _ => None,
    }
}

pub(crate) fn num(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::Null => Some(f64::NAN),
        _ => None,
    }
}

/// The figure description's folder, for `{"npy": ...}`.
pub(crate) struct Ctx {
    pub(crate) dir: PathBuf,
}

impl Ctx {
    /// 1-D data: a list of numbers, `{"array": [...]}` or `{"npy": "file.npy"}`.
    pub(crate) fn data(&self, v: &Value, what: &str) -> R<Vec<f64>> {
        match v {
            Value::Array(items) => items
                .iter()
                .map(|x| num(x).ok_or_else(|| FigError(format!("{what}: {x} is not a number"))))
                .collect(),
            Value::Object(o) if o.contains_key("array") => self.data(&o["array"], what),
            Value::Object(o) if o.contains_key("npy") => {
                let file = o["npy"]
                    .as_str()
                    .ok_or_else(|| FigError(format!("{what}: 'npy' must name a file")))?;
                read_npy_1d(&self.dir.join(file))
            }
            Value::Number(_) => Ok(vec![num(v).unwrap_or(f64::NAN)]),
            _ => err(format!("{what}: expected numbers, got {v}")),
        }
    }
}

/// `path` if it is a regular file: a FIFO would block `open` forever without a writer, and
/// a device (`/dev/zero`) would be read without end.
fn regular_file<'a>(path: &'a Path, what: &str) -> R<&'a Path> {
    let meta = std::fs::metadata(path).map_err(|e| FigError(format!("{}: {e}", path.display())))?;
    if meta.is_file() {
        return Ok(path);
    }
    #[cfg(unix)]
    let kind = {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            "a FIFO (named pipe)"
        } else if t.is_char_device() || t.is_block_device() {
            "a device"
        } else if t.is_socket() {
            "a socket"
        } else if t.is_dir() {
            "a directory"
        } else {
            "not a regular file"
        }
    };
    #[cfg(not(unix))]
    let kind = if meta.is_dir() {
        "a directory"
    } else {
        "not a regular file"
    };
    err(format!(
        "{}: is {kind}, expected a regular {what} file",
        path.display()
    ))
}

/// A 1-D `.npy` file's values. The header is checked against the file's length before
/// ndarray-npy reads it (ndarray-npy allocates the header's declared shape first, so a
/// 128-byte file declaring 2^62 values would abort the process).
fn read_npy_1d(path: &Path) -> R<Vec<f64>> {
    use ndarray::ArrayD;
    use ndarray_npy::ReadNpyExt;
    use std::io::Read;
    let io = |e: std::io::Error| FigError(format!("{}: {e}", path.display()));
    let file = std::fs::File::open(regular_file(path, ".npy")?).map_err(io)?;
    let file_len = file.metadata().map_err(io)?.len();
    let mut prefix = Vec::new();
    file.take(12 + figbuf::npy::MAX_HEADER_LEN as u64)
        .read_to_end(&mut prefix)
        .map_err(io)?;
    let named = |e: figbuf::Error| FigError(format!("{}: {e}", path.display()));
    let header = figbuf::npy::parse_header(&prefix).map_err(named)?;
    let data_len = header.data_len().map_err(named)?;
    if header.data_offset as u128 + data_len as u128 > u128::from(file_len) {
        return err(format!(
            "{}: truncated .npy file: header declares shape {} of '{}' = {data_len} data bytes, but the file holds only {}",
            path.display(),
            header.shape_str(),
            header.descr,
            file_len.saturating_sub(header.data_offset as u64)
        ));
    }
    let open = || std::fs::File::open(path).map_err(io);
    if let Ok(a) = ArrayD::<f64>::read_npy(open()?) {
        return Ok(a.iter().copied().collect());
    }
    if let Ok(a) = ArrayD::<f32>::read_npy(open()?) {
        return Ok(a.iter().map(|&v| f64::from(v)).collect());
    }
    match ArrayD::<i64>::read_npy(open()?) {
        Ok(a) => Ok(a.iter().map(|&v| v as f64).collect()),
        Err(e) => err(format!("{}: {e}", path.display())),
    }
}

pub(crate) fn is_data(v: &Value) -> bool {
    match v {
        Value::Array(_) => true,
        Value::Object(o) => o.contains_key("array") || o.contains_key("npy"),
        _ => false,
    }
}

/// Runs one Axes call.
fn axes_call(
    fig: &mut Figure,
    ax: AxesId,
    ctx: &Ctx,
    method: &str,
    args: &[Value],
    kw: &mut Kw,
    refs: &crate::figure_legend::Refs,
) -> R<Returned> {
    let arg = |i: usize| args.get(i);
    let text_arg = |i: usize| -> R<String> {
        match arg(i) {
            Some(Value::String(s)) => Ok(s.clone()),
            other => err(format!(
                "'{method}' argument {i} must be a string, got {other:?}"
            )),
        }
    };
    let nargs = |n: usize| -> R<()> {
        if args.len() > n {
            err(format!(
                "'{method}' takes at most {n} positional arguments, got {}",
                args.len()
            ))
        } else {
            Ok(())
        }
    };
    let mut ret = Returned::Nothing;
    match method {
        "plot" | "semilogx" | "semilogy" | "loglog" => {
            let groups = plot_groups(ctx, method, args)?;
            crate::figure_scales::semilog(fig, ax, method, kw)?;
            let opts = plot_options(kw)?;
            let mut lines = Vec::new();
            for (x, y, fmt) in groups {
                let mut o = opts.clone();
                o.fmt = fmt;
                let h = match x {
                    Some(x) => fig[ax].plot_with(x, y, o)?,
                    None => fig[ax].plot_y(y, o)?,
                };
                lines.push(h);
            }
            ret = Returned::Lines(lines);
        }
        "imshow" => ret = imshow(fig, ax, ctx, args, kw)?,
        "boxplot" => ret = crate::figure_stats::boxplot(fig, ax, ctx, args, kw)?,
        "pie" => ret = crate::figure_stats::pie(fig, ax, ctx, args, kw)?,
        "violinplot" => ret = crate::figure_violin::violinplot(fig, ax, ctx, args, kw)?,
        "fill_between" | "fill_betweenx" | "errorbar" | "step" | "stairs" | "stackplot" => {
            ret = crate::figure_fills::call(fig, ax, ctx, method, args, kw)?;
        }
        "pcolormesh" => ret = crate::figure_mesh::pcolormesh(fig, ax, ctx, args, kw)?,
        "clabel" => ret = crate::figure_clabel::clabel(fig, args, kw, refs)?,
        "contour" | "contourf" => {
            ret = crate::figure_mesh::contour(fig, ax, ctx, method, args, kw)?
        }
        "bar" | "barh" | "hist" => {
            ret = crate::figure_bars::call(fig, ax, ctx, method, args, kw)?;
        }
        "axline" => ret = crate::figure_axline::axline(fig, ax, ctx, args, kw)?,
        "scatter" => {
            nargs(4)?;
            let (Some(xv), Some(yv)) = (arg(0), arg(1)) else {
                return err("'scatter' needs x and y");
            };
            let x = ctx.data(xv, "'scatter' x")?;
            let y = ctx.data(yv, "'scatter' y")?;
            let mut o = ScatterOptions::default();
            if let Some(sv) = arg(2).cloned().or(kw.take(&["s"])) {
                o.s = Some(ctx.data(&sv, "'scatter' s")?);
            }
            let c = arg(3)
                .cloned()
                .or(kw.take(&["c"]))
                .or(kw.take(&["color"]))
                .or(kw.take(&["facecolors", "facecolor", "fc"]));
            o.c = match c {
                None => None,
                Some(Value::String(s)) => Some(ScatterColor::Color(s)),
                Some(Value::Array(v))
                    if v.iter().all(|x| x.is_string() || x.is_array())
                        && color_list(&Value::Array(v.clone())).is_some() =>
                {
                    // One colour in a list (c=[[r, g, b]]) is that colour for every point.
                    let mut list = color_list(&Value::Array(v)).unwrap_or_default();
                    match (list.len(), list.pop()) {
                        (1, Some(one)) => Some(ScatterColor::Color(one)),
                        (_, last) => {
                            list.extend(last);
                            Some(ScatterColor::Colors(list))
                        }
                    }
                }
                Some(v @ Value::Array(_))
                    if color_value(&v).is_some()
                        && !matches!(v.as_array().map(Vec::len), Some(n) if n == x.len()) =>
                {
                    Some(ScatterColor::Color(color_value(&v).unwrap_or_default()))
                }
                Some(v) => Some(ScatterColor::Values(ctx.data(&v, "'scatter' c")?)),
            };
            o.marker = kw.string(&["marker"])?;
            crate::figure_args::mapping_keywords!(kw, o);
            o.alpha = kw.f64(&["alpha"])?;
            o.linewidths = kw.f64(&["linewidths", "linewidth", "lw"])?;
            o.edgecolors = kw.color(&["edgecolors", "edgecolor", "ec"])?;
            o.label = kw.string(&["label"])?;
            o.zorder = kw.f64(&["zorder"])?;
            ret = Returned::Artist(fig[ax].scatter(x, y, o)?);
        }
        "text" => {
            nargs(3)?;
            let (Some(x), Some(y)) = (opt_num(arg(0)), opt_num(arg(1))) else {
                return err("'text' needs x, y and a string");
            };
            let s = text_arg(2)?;
            let o = text_options(kw)?;
            ret = Returned::Artist(fig[ax].text(x, y, s, o)?);
        }
        "annotate" => {
            let s = match arg(0).cloned().or(kw.take(&["text"])) {
                Some(Value::String(s)) => s,
                other => return err(format!("'annotate' needs a text, got {other:?}")),
            };
            let pair = |v: Option<Value>, what: &str| -> R<Option<(f64, f64)>> {
                match v {
                    None => Ok(None),
                    Some(v) => {
                        let d = ctx.data(&v, what)?;
                        let [a, b] = d[..] else {
                            return err(format!("'annotate' {what} needs two numbers"));
                        };
                        Ok(Some((a, b)))
                    }
                }
            };
            let xy = pair(arg(1).cloned().or(kw.take(&["xy"])), "xy")?
                .ok_or_else(|| FigError("'annotate' needs xy".into()))?;
            let xytext = pair(arg(2).cloned().or(kw.take(&["xytext"])), "xytext")?;
            let mut o = figbuf::AnnotateOptions::default();
            let style = match kw.take(&["arrowprops"]) {
                None => None,
                Some(Value::Object(mut m)) => {
                    let st = m.remove("arrowstyle");
                    crate::figure_args::arrowprops(&mut m, &mut o)?;
                    if st.is_none() {
                        crate::figure_args::yaarrow_props(&mut m, &mut o)?;
                    }
                    if let Some(k) = m.keys().next() {
                        return err(format!("'annotate' arrowprops key '{k}' is not supported"));
                    }
                    match st {
                        Some(Value::String(s)) => Some(s.parse::<ArrowStyle>()?),
                        None => Some(ArrowStyle::YaArrow),
                        Some(other) => {
                            return err(format!("'annotate' arrowstyle {other} is not a string"))
                        }
                    }
                }
                Some(other) => {
                    return err(format!("'annotate' arrowprops {other} is not supported"))
                }
            };
            o.xytext = xytext;
            o.arrowstyle = style;
            if let Some(c) = kw.string(&["xycoords"])? {
                o.xycoords = c.parse()?;
            }
            if let Some(c) = kw.string(&["textcoords"])? {
                o.textcoords = Some(c.parse()?);
            }
            o.annotation_clip = kw.bool(&["annotation_clip"])?;
            o.text = text_options(kw)?;
            ret = Returned::Artist(fig[ax].annotate_with(s, xy, o)?);
        }
        "legend" => crate::figure_legend::legend(fig, ax, args, kw, refs)?,
        "axhline" | "axvline" => {
            nargs(3)?;
            let (lo, hi) = if method == "axhline" {
                ("xmin", "xmax")
            } else {
                ("ymin", "ymax")
            };
            let v = opt_num(arg(0))
                .or(kw.f64(&[if method == "axhline" { "y" } else { "x" }])?)
                .unwrap_or(0.0);
            let mut o = span_options(kw, lo, hi)?;
            o.min = opt_num(arg(1)).or(o.min);
            o.max = opt_num(arg(2)).or(o.max);
            let h = if method == "axhline" {
                fig[ax].axhline(v, o)?
            } else {
                fig[ax].axvline(v, o)?
            };
            ret = Returned::Artist(h);
        }
        "axhspan" | "axvspan" => {
            nargs(4)?;
            let (lo, hi) = if method == "axhspan" {
                ("xmin", "xmax")
            } else {
                ("ymin", "ymax")
            };
            let (Some(a), Some(b)) = (opt_num(arg(0)), opt_num(arg(1))) else {
                return err(format!("'{method}' needs two numbers"));
            };
            let mut o = span_options(kw, lo, hi)?;
            o.min = opt_num(arg(2)).or(o.min);
            o.max = opt_num(arg(3)).or(o.max);
            let h = if method == "axhspan" {
                fig[ax].axhspan(a, b, o)?
            } else {
                fig[ax].axvspan(a, b, o)?
            };
            ret = Returned::Artist(h);
        }
        "set_xlim" | "set_ylim" => {
            let (n0, n1) = if method == "set_xlim" {
                ("left", "right")
            } else {
                ("bottom", "top")
            };
            let (mut a, mut b) = (kw.take(&[n0]), kw.take(&[n1]));
            match args {
                [Value::Array(v)] if v.len() == 2 => {
                    a = v.first().cloned();
                    b = v.get(1).cloned();
                }
                [x] => a = Some(x.clone()),
                [x, y] => {
                    a = Some(x.clone());
                    b = Some(y.clone());
                }
                [] => {}
                _ => return err(format!("'{method}' takes (low, high)")),
            }
            let (a, b) = (opt_num(a.as_ref()), opt_num(b.as_ref()));
            // The figure's: a None bound keeps the current one, with shared axes the group's.
            if method == "set_xlim" {
                fig.set_xlim(ax, a, b)?;
            } else {
                fig.set_ylim(ax, a, b)?;
            }
        }
        "margins" => {
            let (x, y) = match args {
                [m] => (opt_num(Some(m)), opt_num(Some(m))),
                [x, y] => (opt_num(Some(x)), opt_num(Some(y))),
                _ => (None, None),
            };
            let x = kw.f64(&["x"])?.or(x);
            let y = kw.f64(&["y"])?.or(y);
            fig[ax].margins(x, y)?;
        }
        "invert_xaxis" => {
            nargs(0)?;
            fig[ax].invert_xaxis();
        }
        "invert_yaxis" => {
            nargs(0)?;
            fig[ax].invert_yaxis();
        }
        "set_xscale" | "set_yscale" => {
            let s = scale_of(method, args, kw)?;
            if method == "set_xscale" {
                fig[ax].set_xscale(s);
            } else {
                fig[ax].set_yscale(s);
            }
            crate::figure_scales::subs(fig, ax, method, kw)?;
        }
        "set_xticks" | "set_yticks" => {
            let t = ctx.data(arg(0).unwrap_or(&Value::Array(vec![])), method)?;
            let labels = match arg(1).cloned().or(kw.take(&["labels"])) {
                Some(Value::Array(v)) => Some(
                    v.iter()
                        .map(|s| s.as_str().unwrap_or("").to_string())
                        .collect(),
                ),
                _ => None,
            };
            crate::figure_ticks::set_ticks(fig, ax, method, t, labels, kw)?;
        }
        "grid" => {
            let mut g = figbuf::GridKeywords::default();
            g.visible = match arg(0) {
                Some(Value::Bool(b)) => Some(*b),
                _ => kw.bool(&["visible", "b"])?,
            };
            g.which = kw.string(&["which"])?;
            g.axis = kw.string(&["axis"])?;
            g.color = kw.color(&["color", "c"])?;
            if let Some(ls) = kw.string(&["linestyle", "ls"])? {
                g.linestyle = Some(linestyle("grid", &ls)?);
            }
            g.linewidth = kw.f64(&["linewidth", "lw"])?;
            g.alpha = kw.f64(&["alpha"])?;
            fig[ax].grid_keywords(g)?;
        }
        "tick_params" => {
            nargs(0)?;
            crate::figure_ticks::tick_params(fig, ax, kw)?;
        }
        "minorticks_on" | "minorticks_off" => {
            crate::figure_ticks::minorticks(fig, ax, method, args)?
        }
        "set_aspect" => {
            let a = match arg(0).or(kw.take(&["aspect"]).as_ref()) {
                Some(Value::String(s)) => s.parse::<Aspect>()?,
                Some(Value::Number(n)) => Aspect::Ratio(n.as_f64().unwrap_or(1.0)),
                other => {
                    return err(format!(
                        "'set_aspect' needs 'equal', 'auto' or a number, got {other:?}"
                    ))
                }
            };
            fig[ax].set_aspect(a);
        }
        "set_facecolor" => {
            let c = arg(0).and_then(color_value).ok_or_else(|| {
                FigError(format!("'set_facecolor' needs a colour, got {:?}", arg(0)))
            })?;
            fig[ax].set_facecolor(Color::parse(&c)?);
        }
        "set_title" | "set_xlabel" | "set_ylabel" => {
            crate::figure_titles::call(fig, ax, method, args, kw)?
        }
        "axis" => match arg(0).and_then(|v| v.as_str()) {
            Some("off") => {
                fig[ax].set_axis_off();
            }
            Some("on") => {
                fig[ax].set_axis_on();
            }
            other => {
                return err(format!(
                    "'axis' argument {other:?} is not supported ('on', 'off')"
                ))
            }
        },
        other => return err(format!("'{other}' is not supported")),
    }
    Ok(ret)
}

fn figure_call(
    fig: &mut Figure,
    returned: &[Vec<Returned>],
    axs: &[AxesId],
    method: &str,
    args: &[Value],
    kw: &mut Kw,
) -> R<Returned> {
    match method {
        "colorbar" => {
            let mappable = match args.first() {
                Some(Value::Object(o)) if o.contains_key("ref") => {
                    let r = &o["ref"];
                    let i = r.get(0).and_then(|v| v.as_i64()).unwrap_or(-2);
                    let j = r.get(1).and_then(|v| v.as_u64()).unwrap_or(u64::MAX) as usize;
                    let found = if i < 0 {
                        None
                    } else {
                        returned.get(i as usize).and_then(|v| v.get(j))
                    };
                    match found {
                        Some(Returned::Image(h)) => Mappable::Image(*h),
                        Some(Returned::Artist(h)) => Mappable::Artist(*h),
                        _ => {
                            return err(format!(
                                "'colorbar' mappable {r} is not an image, a scatter, a pcolormesh or a contour set"
                            ))
                        }
                    }
                }
                _ => return err("'colorbar' needs a mappable {\"ref\": [i, j]}"),
            };
            let mut o = ColorbarOptions::default();
            if let Some(list) = crate::figure_figlegend::colorbar_axes(axs, kw)? {
                o = o.ax(list);
            }
            if let Some(or) = kw.string(&["orientation"])? {
                o.orientation = or.parse()?;
            }
            if let Some(e) = kw.string(&["extend"])? {
                o.extend = e.parse()?;
            }
            o.label = kw.string(&["label"])?;
            if let Some(s) = kw.f64(&["shrink"])? {
                o.shrink = s;
            }
            o.pad = kw.f64(&["pad"])?;
            if let Some(f) = kw.f64(&["fraction"])? {
                o.fraction = f;
            }
            fig.colorbar_with(mappable, o)?;
        }
        "subplots_adjust" => {
            let sp = fig.style().subplot;
            let l = kw.f64(&["left"])?.unwrap_or(sp.left);
            let b = kw.f64(&["bottom"])?.unwrap_or(sp.bottom);
            let r = kw.f64(&["right"])?.unwrap_or(sp.right);
            let t = kw.f64(&["top"])?.unwrap_or(sp.top);
            let (ws, hs) = (kw.f64(&["wspace"])?, kw.f64(&["hspace"])?);
            fig.subplots_adjust(l, b, r, t)?;
            fig.subplots_adjust_space(ws, hs)?;
        }
        "suptitle" => crate::figure_titles::suptitle(fig, args, kw)?,
        "supxlabel" | "supylabel" => crate::figure_titles::sup_label(fig, method, args, kw)?,
        "legend" => return crate::figure_figlegend::legend(fig, returned, args, kw),
        "tight_layout" => crate::figure_tight::call(fig, args, kw)?,
        other => return err(format!("'{other}' is not supported")),
    }
    Ok(Returned::Nothing)
}

/// Builds the figure the description in the file `path` draws (its `{"npy": ...}` files
/// are read beside it).
pub fn build(path: &Path) -> R<Figure> {
    let text = std::fs::read_to_string(regular_file(path, "figure description")?)
        .map_err(|e| FigError(format!("{}: {e}", path.display())))?;
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    build_named(&text, &dir, &path.display().to_string())
}

/// Builds the figure the description `text` draws, reading its `{"npy": ...}` files in
/// `dir`.
pub fn build_from_str(text: &str, dir: &Path) -> R<Figure> {
    build_named(text, dir, "figure description")
}

/// [`build_from_str`], naming the description `name` in a JSON syntax error.
fn build_named(text: &str, dir: &Path, name: &str) -> R<Figure> {
    let doc: Value = serde_json::from_str(text).map_err(|e| FigError(format!("{name}: {e}")))?;
    let ctx = Ctx {
        dir: dir.to_path_buf(),
    };
    let obj = doc
        .as_object()
        .ok_or_else(|| FigError("figure.json: expected an object".into()))?;
    for k in obj.keys() {
        if !matches!(
            k.as_str(),
            "figure" | "subplots" | "axes" | "figure_calls" | "transparent"
        ) {
            return err(format!("figure.json: key '{k}' is not supported"));
        }
    }
    let mut fkw = Kw {
        call: "figure".into(),
        map: obj
            .get("figure")
            .and_then(|v| v.as_object())
            .cloned()
            .unwrap_or_default(),
    };
    let figsize = match fkw.take(&["figsize"]) {
        Some(v) => ctx.data(&v, "figsize")?,
        None => vec![6.4, 4.8],
    };
    let dpi = fkw.f64(&["dpi"])?.unwrap_or(100.0);
    let face = fkw.color(&["facecolor"])?;
    fkw.finish()
        .map_err(|e| FigError(format!("figure.json: {}", e.0)))?;
    let [w, h] = figsize[..] else {
        return err("figure.json: figsize needs two numbers");
    };
    let mut fig = Figure::new(w, h, dpi);
    if let Some(f) = face {
        fig.set_facecolor(Color::parse(&f)?);
    }
    let axs = crate::figure_grid::subplots(&mut fig, obj.get("subplots"))?;
    let axes_calls = obj
        .get("axes")
        .and_then(|v| v.as_array())
        .cloned()
        .unwrap_or_default();
    if axes_calls.len() > axs.len() {
        return err(format!(
            "figure.json: {} Axes described, the grid has {}",
            axes_calls.len(),
            axs.len()
        ));
    }
    let mut returned: Vec<Vec<Returned>> = Vec::new();
    for (i, (calls, &ax)) in axes_calls.iter().zip(&axs).enumerate() {
        let mut rets = Vec::new();
        let calls = calls.as_array().cloned().unwrap_or_default();
        for (j, c) in calls.iter().enumerate() {
            let refs = crate::figure_legend::Refs {
                done: &returned,
                current: &rets,
            };
            let r = one_call(c, |method, args, kw| {
                axes_call(&mut fig, ax, &ctx, method, args, kw, &refs)
            })
            .map_err(|e| FigError(format!("figure.json: axes[{i}] call {j}: {}", e.0)))?;
            rets.push(r);
        }
        returned.push(rets);
    }
    let fcalls = obj
        .get("figure_calls")
        .and_then(|v| v.as_array())
        .cloned()
        .unwrap_or_default();
    for (j, c) in fcalls.iter().enumerate() {
        let r = returned.clone();
        one_call(c, |method, args, kw| {
            figure_call(&mut fig, &r, &axs, method, args, kw)
        })
        .map_err(|e| FigError(format!("figure.json: figure call {j}: {}", e.0)))?;
    }
    if obj.get("transparent").and_then(|v| v.as_bool()) == Some(true) {
        fig.set_facecolor(Color::TRANSPARENT);
        for &ax in &axs {
            fig[ax].set_facecolor(Color::TRANSPARENT);
        }
    }
    Ok(fig)
}

fn one_call(c: &Value, f: impl FnOnce(&str, &[Value], &mut Kw) -> R<Returned>) -> R<Returned> {
    let method = c
        .get("method")
        .and_then(|m| m.as_str())
        .ok_or_else(|| FigError("a call needs a 'method'".into()))?;
    let args = c
        .get("args")
        .and_then(|a| a.as_array())
        .cloned()
        .unwrap_or_default();
    let mut kw = Kw {
        call: method.to_string(),
        map: c
            .get("kwargs")
            .and_then(|k| k.as_object())
            .cloned()
            .unwrap_or_default(),
    };
    let r = f(method, &args, &mut kw)?;
    kw.finish()?;
    Ok(r)
}
