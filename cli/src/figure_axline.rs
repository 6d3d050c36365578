//! figure.json's `axline(xy1, xy2=None, *, slope=None, **Line2D keywords)`; `transform`
//! names one of matplotlib's transforms ("transData", "transAxes", "transFigure").

use crate::figure_json::{err, Ctx, Kw, Returned, R};
use figbuf::{AxLineOptions, AxesId, Figure, NamedTransform};
use serde_json::Value;

/// `ax.axline(xy1, xy2, slope=...)`: the points as two numbers each, the line keywords
/// as `plot`'s.
pub(crate) fn axline(
    fig: &mut Figure,
    ax: AxesId,
    ctx: &Ctx,
    args: &[Value],
    kw: &mut Kw,
) -> R<Returned> {
    if args.len() > 2 {
        return err(format!(
            "'axline' takes at most 2 positional arguments, got {}",
            args.len()
        ));
    }
    let point = |v: Option<Value>, what: &str| -> R<Option<(f64, f64)>> {
        match v {
            None | Some(Value::Null) => Ok(None),
            Some(v) => {
                let d = ctx.data(&v, &format!("'axline' {what}"))?;
                match d[..] {
                    [a, b] => Ok(Some((a, b))),
                    _ => err(format!("'axline' {what} needs two numbers, got {v}")),
                }
            }
        }
    };
    let xy1 = point(args.first().cloned().or(kw.take(&["xy1"])), "xy1")?
        .ok_or_else(|| crate::figure_json::FigError("'axline' needs xy1".into()))?;
    let xy2 = point(args.get(1).cloned().or(kw.take(&["xy2"])), "xy2")?;
    let slope = match kw.take(&["slope"]) {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => n.as_f64(),
        Some(other) => return err(format!("'axline' slope must be a number, got {other}")),
    };
    let transform = match kw.string(&["transform"])? {
        None => None,
        Some(t) => Some(t.parse::<NamedTransform>().map_err(|_| {
            crate::figure_json::FigError(format!(
                "'axline' transform {t:?} is not supported ('transData', 'transAxes' or 'transFigure')"
            ))
        })?),
    };
    let mut o = AxLineOptions::default();
    o.transform = transform;
    o.xy2 = xy2;
    o.slope = slope;
    o.line = crate::figure_args::plot_options(kw)?;
    Ok(Returned::Artist(fig[ax].axline(xy1, o)?))
}
