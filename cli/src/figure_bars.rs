//! figure.json's `bar` and `barh` calls (`hist` is in figure_stats.rs).

use crate::figure_json::{err, Ctx, Kw, Returned, R};
use figbuf::{AxesId, Figure};
use figbuf::{BarAlign, BarOptions};
use serde_json::Value;

/// Strings (categories) or numbers.
fn positions(
    fig: &mut Figure,
    ax: AxesId,
    ctx: &Ctx,
    v: &Value,
    x: bool,
    what: &str,
) -> R<Vec<f64>> {
    if let Value::Array(items) = v {
        if !items.is_empty() && items.iter().all(|i| i.is_string()) {
            let names: Vec<String> = items
                .iter()
                .map(|i| i.as_str().unwrap_or_default().to_string())
                .collect();
            return Ok(if x {
                fig[ax].x_categories(&names)
            } else {
                fig[ax].y_categories(&names)
            });
        }
    }
    numbers(ctx, v, what)
}

/// One number or a list of numbers.
fn numbers(ctx: &Ctx, v: &Value, what: &str) -> R<Vec<f64>> {
    match v {
        Value::Number(n) => n
            .as_f64()
            .map(|f| vec![f])
            .ok_or_else(|| crate::figure_json::FigError(format!("{what}: {v} is not a number"))),
        _ => ctx.data(v, what),
    }
}

/// One colour or a list of colours.
fn colors(v: Value, what: &str) -> R<Vec<String>> {
    if let Some(c) = crate::figure_json::color_value(&v)
        .filter(|_| !v.is_array() || v.get(0).is_some_and(Value::is_number))
    {
        return Ok(vec![c]);
    }
    match crate::figure_json::color_list(&v) {
        Some(list) => Ok(list),
        None => err(format!("{what} = {v} is not a colour or a list of colours")),
    }
}

/// `bar(x, height, width, bottom)` / `barh(y, width, height, left)` / `hist(x)`.
pub(crate) fn call(
    fig: &mut Figure,
    ax: AxesId,
    ctx: &Ctx,
    method: &str,
    args: &[Value],
    kw: &mut Kw,
) -> R<Returned> {
    if method == "hist" {
        return crate::figure_stats::hist(fig, ax, ctx, args, kw);
    }
    let vertical = method == "bar";
    let (wname, bname, vname) = if vertical {
        ("width", "bottom", "height")
    } else {
        ("height", "left", "width")
    };
    if args.len() > 4 {
        return err(format!("'{method}' takes at most 4 positional arguments"));
    }
    let pos_v = args
        .first()
        .cloned()
        .or_else(|| kw.take(&[if vertical { "x" } else { "y" }]));
    let val_v = args.get(1).cloned().or_else(|| kw.take(&[vname]));
    let (Some(pos_v), Some(val_v)) = (pos_v, val_v) else {
        return err(format!("'{method}' needs positions and {vname}s"));
    };
    let mut o = BarOptions::default();
    if let Some(w) = args.get(2).cloned().or_else(|| kw.take(&[wname])) {
        o = o.width(numbers(ctx, &w, wname)?);
    }
    if let Some(b) = args.get(3).cloned().or_else(|| kw.take(&[bname])) {
        o = o.bottom(numbers(ctx, &b, bname)?);
    }
    if let Some(a) = kw.string(&["align"])? {
        o = o.align(a.parse::<BarAlign>()?);
    }
    if let Some(c) = kw.take(&["color"]) {
        o = o.color(colors(c, "color")?);
    }
    if let Some(c) = kw.take(&["edgecolor", "ec"]) {
        o = o.edgecolor(colors(c, "edgecolor")?);
    }
    if let Some(lw) = kw.f64(&["linewidth", "lw"])? {
        o = o.linewidth(lw);
    }
    if let Some(l) = kw.string(&["label"])? {
        o = o.label(&l);
    }
    if let Some(t) = kw.take(&["tick_label"]) {
        o = o.tick_label(colors(t, "tick_label")?);
    }
    if let Some(a) = kw.f64(&["alpha"])? {
        o = o.alpha(a);
    }
    if let Some(z) = kw.f64(&["zorder"])? {
        o = o.zorder(z);
    }
    if let Some(h) = kw.take(&["hatch"]) {
        o = o.hatch(crate::figure_hatch::patterns(&h, method)?);
    }
    let log = kw.bool(&["log"])?.unwrap_or(false);
    let pos = positions(fig, ax, ctx, &pos_v, vertical, "bar positions")?;
    let val = positions(fig, ax, ctx, &val_v, !vertical, vname)?;
    crate::figure_audit::bar_log(fig, ax, vertical, log);
    let c = if vertical {
        fig[ax].bar_with(&pos, &val, o)?
    } else {
        fig[ax].barh_with(&pos, &val, o)?
    };
    Ok(match c.patches.first() {
        Some(&h) => Returned::Artist(h),
        None => Returned::Nothing,
    })
}
