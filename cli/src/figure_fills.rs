//! figure.json's `fill_between`, `fill_betweenx`, `errorbar`, `step`, `stairs` and
//! `stackplot` calls.

use crate::figure_args::{linestyle, plot_options};
use crate::figure_json::{err, Ctx, Kw, Returned, R};
use figbuf::{
    AxesId, ErrorSize, ErrorbarOptions, Figure, FillBetweenOptions, StackplotOptions,
    StairsOptions, StepWhere,
};
use serde_json::Value;

fn at_most(call: &str, args: &[Value], n: usize) -> R<()> {
    if args.len() > n {
        return err(format!(
            "'{call}' takes at most {n} positional arguments, got {}",
            args.len()
        ));
    }
    Ok(())
}

fn arg_or_kw(args: &[Value], i: usize, kw: &mut Kw, name: &str) -> Option<Value> {
    args.get(i).cloned().or_else(|| kw.take(&[name]))
}

fn need(call: &str, v: Option<Value>, name: &str) -> R<Value> {
    v.map_or_else(|| err(format!("'{call}' needs {name}")), Ok)
}

/// The calls of this file, dispatched by name.
pub(crate) fn call(
    fig: &mut Figure,
    ax: AxesId,
    ctx: &Ctx,
    method: &str,
    args: &[Value],
    kw: &mut Kw,
) -> R<Returned> {
    match method {
        "fill_between" | "fill_betweenx" => fill_between(fig, ax, ctx, method, args, kw),
        "errorbar" => errorbar(fig, ax, ctx, args, kw),
        "step" => step(fig, ax, ctx, args, kw),
        "stairs" => stairs(fig, ax, ctx, args, kw),
        "stackplot" => stackplot(fig, ax, ctx, args, kw),
        _ => err(format!("'{method}' is not supported")),
    }
}

fn fill_between(
    fig: &mut Figure,
    ax: AxesId,
    ctx: &Ctx,
    method: &str,
    args: &[Value],
    kw: &mut Kw,
) -> R<Returned> {
    at_most(method, args, 4)?;
    let x_name = if method == "fill_between" { "x" } else { "y" };
    let f_name = if method == "fill_between" { "y" } else { "x" };
    let t = need(method, arg_or_kw(args, 0, kw, x_name), x_name)?;
    let f1 = need(
        method,
        arg_or_kw(args, 1, kw, &format!("{f_name}1")),
        "values",
    )?;
    let t = ctx.data(&t, &format!("'{method}' {x_name}"))?;
    let f1 = ctx.data(&f1, &format!("'{method}' {f_name}1"))?;
    let mut o = FillBetweenOptions::default();
    if let Some(v) = arg_or_kw(args, 2, kw, &format!("{f_name}2")) {
        o = o.y2(ctx.data(&v, &format!("'{method}' {f_name}2"))?);
    }
    if let Some(w) = arg_or_kw(args, 3, kw, "where") {
        let Value::Array(items) = &w else {
            return err(format!("'{method}' where = {w} is not a list of booleans"));
        };
        let flags: Option<Vec<bool>> = items.iter().map(Value::as_bool).collect();
        match flags {
            Some(f) => o = o.where_(f),
            None => return err(format!("'{method}' where = {w} is not a list of booleans")),
        }
    }
    if let Some(i) = kw.bool(&["interpolate"])? {
        o = o.interpolate(i);
    }
    if let Some(s) = kw.string(&["step"])? {
        o = o.step(s.parse::<StepWhere>()?);
    }
    o.color = kw.color(&["color"])?;
    o.facecolor = kw.color(&["facecolor", "fc"])?;
    o.edgecolor = kw.color(&["edgecolor", "ec"])?;
    o.alpha = kw.f64(&["alpha"])?;
    o.label = kw.string(&["label"])?;
    o.linewidth = kw.f64(&["linewidth", "lw"])?;
    o.hatch = kw.string(&["hatch"])?;
    if let Some(ls) = kw.string(&["linestyle", "ls"])? {
        o.linestyle = Some(linestyle(method, &ls)?);
    }
    o.zorder = kw.f64(&["zorder"])?;
    let h = if method == "fill_between" {
        fig[ax].fill_between(t, f1, o)?
    } else {
        fig[ax].fill_betweenx(t, f1, o)?
    };
    Ok(Returned::Artist(h))
}

fn error_size(ctx: &Ctx, v: &Value, what: &str) -> R<ErrorSize> {
    match v {
        Value::Number(_) => match ctx.data(v, what)?.first() {
            Some(&e) => Ok(ErrorSize::Scalar(e)),
            None => err(format!("{what}: {v} is not a number")),
        },
        Value::Array(rows) if rows.iter().all(Value::is_array) => match &rows[..] {
            [lo, hi] => Ok(ErrorSize::Asymmetric(
                ctx.data(lo, what)?,
                ctx.data(hi, what)?,
            )),
            _ => err(format!("{what}: {} rows; a (2, n) array has 2", rows.len())),
        },
        _ => Ok(ErrorSize::PerPoint(ctx.data(v, what)?)),
    }
}

fn errorbar(fig: &mut Figure, ax: AxesId, ctx: &Ctx, args: &[Value], kw: &mut Kw) -> R<Returned> {
    at_most("errorbar", args, 4)?;
    let x = need("errorbar", arg_or_kw(args, 0, kw, "x"), "x")?;
    let y = need("errorbar", arg_or_kw(args, 1, kw, "y"), "y")?;
    let x = ctx.data(&x, "'errorbar' x")?;
    let y = ctx.data(&y, "'errorbar' y")?;
    let mut o = ErrorbarOptions::default();
    if let Some(v) = arg_or_kw(args, 2, kw, "yerr") {
        o = o.yerr(error_size(ctx, &v, "'errorbar' yerr")?);
    }
    if let Some(v) = arg_or_kw(args, 3, kw, "xerr") {
        o = o.xerr(error_size(ctx, &v, "'errorbar' xerr")?);
    }
    o.fmt = kw.string(&["fmt"])?;
    o.capsize = kw.f64(&["capsize"])?;
    o.capthick = kw.f64(&["capthick"])?;
    o.ecolor = kw.color(&["ecolor"])?;
    o.elinewidth = kw.f64(&["elinewidth"])?;
    o.errorevery = crate::figure_audit::errorevery(kw)?;
    o.line = plot_options(kw)?;
    let c = fig[ax].errorbar(x, y, o)?;
    Ok(match c.data_line.or(c.barlinecols.first().copied()) {
        Some(h) => Returned::Artist(h),
        None => Returned::Nothing,
    })
}

fn step(fig: &mut Figure, ax: AxesId, ctx: &Ctx, args: &[Value], kw: &mut Kw) -> R<Returned> {
    at_most("step", args, 3)?;
    let x = need("step", args.first().cloned(), "x")?;
    let y = need("step", args.get(1).cloned(), "y")?;
    let x = ctx.data(&x, "'step' x")?;
    let y = ctx.data(&y, "'step' y")?;
    let w = match kw.string(&["where"])? {
        Some(s) => s
            .parse::<StepWhere>()
            .map_err(|e| crate::figure_json::FigError(format!("'step' where: {e}")))?,
        None => StepWhere::Pre,
    };
    let mut o = plot_options(kw)?;
    match args.get(2) {
        Some(Value::String(f)) => o.fmt = Some(f.clone()),
        Some(v) => return err(format!("'step' fmt = {v} is not a string")),
        None => {}
    }
    Ok(Returned::Artist(fig[ax].step(x, y, w, o)?))
}

fn stairs(fig: &mut Figure, ax: AxesId, ctx: &Ctx, args: &[Value], kw: &mut Kw) -> R<Returned> {
    at_most("stairs", args, 2)?;
    let v = need("stairs", arg_or_kw(args, 0, kw, "values"), "values")?;
    let values = ctx.data(&v, "'stairs' values")?;
    let mut o = StairsOptions::default();
    if let Some(e) = arg_or_kw(args, 1, kw, "edges") {
        o = o.edges(ctx.data(&e, "'stairs' edges")?);
    }
    match kw.take_nullable("baseline") {
        None => {}
        Some(Value::Null) => o = o.baseline(None),
        Some(b) => o = o.baseline(Some(ctx.data(&b, "'stairs' baseline")?)),
    }
    if let Some(f) = kw.bool(&["fill"])? {
        o = o.fill(f);
    }
    if let Some(or) = kw.string(&["orientation"])? {
        o = o.orientation(or.parse()?);
    }
    o.color = kw.color(&["color"])?;
    o.linewidth = kw.f64(&["linewidth", "lw"])?;
    if let Some(ls) = kw.string(&["linestyle", "ls"])? {
        o.linestyle = Some(linestyle("stairs", &ls)?);
    }
    o.alpha = kw.f64(&["alpha"])?;
    o.label = kw.string(&["label"])?;
    o.zorder = kw.f64(&["zorder"])?;
    Ok(Returned::Artist(fig[ax].stairs(values, o)?))
}

fn stackplot(fig: &mut Figure, ax: AxesId, ctx: &Ctx, args: &[Value], kw: &mut Kw) -> R<Returned> {
    let x = need("stackplot", args.first().cloned(), "x")?;
    let x = ctx.data(&x, "'stackplot' x")?;
    let mut ys = Vec::new();
    for (i, a) in args.iter().enumerate().skip(1) {
        match a {
            Value::Array(rows) if rows.iter().all(Value::is_array) => {
                for r in rows {
                    ys.push(ctx.data(r, &format!("'stackplot' argument {i}"))?);
                }
            }
            _ => ys.push(ctx.data(a, &format!("'stackplot' argument {i}"))?),
        }
    }
    let strings = |v: Value, what: &str| -> R<Vec<String>> {
        match v {
            Value::Array(items) if items.iter().all(Value::is_string) => Ok(items
                .iter()
                .map(|s| s.as_str().unwrap_or_default().to_string())
                .collect()),
            other => err(format!(
                "'stackplot' {what} = {other} is not a list of strings"
            )),
        }
    };
    let mut o = StackplotOptions::default();
    if let Some(l) = kw.take(&["labels"]) {
        o = o.labels(strings(l, "labels")?);
    }
    if let Some(c) = kw.take(&["colors"]) {
        let list = match crate::figure_json::color_list(&c) {
            Some(list) => list,
            None => strings(c, "colors")?,
        };
        o = o.colors(list);
    }
    o.baseline = kw.string(&["baseline"])?;
    o.alpha = kw.f64(&["alpha"])?;
    o.edgecolor = kw.color(&["edgecolor", "ec"])?;
    o.linewidth = kw.f64(&["linewidth", "lw"])?;
    o.zorder = kw.f64(&["zorder"])?;
    let hs = fig[ax].stackplot(x, &ys, o)?;
    Ok(match hs.first() {
        Some(&h) => Returned::Artist(h),
        None => Returned::Nothing,
    })
}
