//! figure.json's `violinplot(dataset, positions, widths, showmeans, showextrema,
//! showmedians, quantiles, points, bw_method, orientation / vert, facecolor, linecolor)`.

use crate::figure_json::{err, num, Ctx, Kw, Returned, R};
use figbuf::{AxesId, BwMethod, Figure, ViolinplotOptions};
use serde_json::Value;

/// One colour or a list of colours.
fn colors(v: Value, what: &str) -> R<Vec<String>> {
    match v {
        Value::String(s) => Ok(vec![s]),
        Value::Array(items) => items
            .into_iter()
            .map(|i| match i {
                Value::String(s) => Ok(s),
                other => err(format!("{what}: {other} is not a colour string")),
            })
            .collect(),
        other => err(format!(
            "{what} = {other} is not a colour or a list of colours"
        )),
    }
}

/// `violinplot(...)`: returns the first body.
pub(crate) fn violinplot(
    fig: &mut Figure,
    ax: AxesId,
    ctx: &Ctx,
    args: &[Value],
    kw: &mut Kw,
) -> R<Returned> {
    if args.len() > 2 {
        return err("'violinplot' takes at most 2 positional arguments (dataset, positions)");
    }
    let Some(dv) = args.first().cloned().or_else(|| kw.take(&["dataset"])) else {
        return err("'violinplot' needs dataset");
    };
    let data = crate::figure_stats::datasets(ctx, &dv, "'violinplot' dataset")?;
    let mut o = ViolinplotOptions::default();
    if let Some(p) = args.get(1).cloned().or_else(|| kw.take(&["positions"])) {
        o = o.positions(ctx.data(&p, "'violinplot' positions")?);
    }
    if let Some(w) = kw.take(&["widths"]) {
        o = o.widths(ctx.data(&w, "'violinplot' widths")?);
    }
    if let Some(b) = kw.bool(&["showmeans"])? {
        o = o.showmeans(b);
    }
    if let Some(b) = kw.bool(&["showextrema"])? {
        o = o.showextrema(b);
    }
    if let Some(b) = kw.bool(&["showmedians"])? {
        o = o.showmedians(b);
    }
    if let Some(q) = kw.take(&["quantiles"]) {
        o = o.quantiles(crate::figure_stats::datasets(
            ctx,
            &q,
            "'violinplot' quantiles",
        )?);
    }
    if let Some(p) = kw.take(&["points"]) {
        match num(&p) {
            Some(n) if n >= 1.0 && n.fract() == 0.0 && n <= 1e6 => o = o.points(n as usize),
            _ => {
                return err(format!(
                    "'violinplot' points = {p} is not a positive integer"
                ))
            }
        }
    }
    match kw.take(&["bw_method"]) {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if s == "scott" => o = o.bw_method(BwMethod::Scott),
        Some(Value::String(s)) if s == "silverman" => o = o.bw_method(BwMethod::Silverman),
        Some(v) => match num(&v) {
            Some(f) => o = o.bw_method(BwMethod::Factor(f)),
            None => {
                return err(format!(
                    "'violinplot' bw_method = {v} is not 'scott', 'silverman' or a number"
                ))
            }
        },
    }
    if let Some(v) = kw.bool(&["vert"])? {
        o = o.horizontal(!v);
    }
    if let Some(or) = kw.string(&["orientation"])? {
        match or.as_str() {
            "vertical" => {}
            "horizontal" => o = o.horizontal(true),
            _ => {
                return err(format!(
                    "'violinplot' orientation = {or:?} is not supported"
                ))
            }
        }
    }
    if let Some(side) = kw.string(&["side"])? {
        o = o.side(side.parse()?);
    }
    if let Some(c) = kw.take(&["facecolor"]) {
        o = o.facecolor(colors(c, "'violinplot' facecolor")?);
    }
    if let Some(c) = kw.take(&["linecolor"]) {
        o = o.linecolor(colors(c, "'violinplot' linecolor")?);
    }
    let bodies = fig[ax].violinplot(&data, o)?;
    Ok(match bodies.first() {
        Some(&h) => Returned::Artist(h),
        None => Returned::Nothing,
    })
}
