//! figure.json's `clabel(CS, levels=None, **kwargs)`: labels of a contour set that an
//! earlier call of the description returned (`{"ref": [i, j]}`).

use crate::figure_json::{color_list, color_value, err, num, FigError, Kw, Returned, R};
use crate::figure_legend::Refs;
use figbuf::{ClabelOptions, Figure, LabelFormat};
use serde_json::Value;

/// The contour set a `{"ref": [i, j]}` names.
fn contour_ref(refs: &Refs, v: Option<&Value>) -> R<figbuf::ArtistHandle> {
    let r = v
        .and_then(|v| v.get("ref"))
        .and_then(|r| r.as_array())
        .ok_or_else(|| FigError("'clabel' needs the contour set as {\"ref\": [i, j]}".into()))?;
    let (i, j) = match r[..] {
        [Value::Number(ref i), Value::Number(ref j)] => (i.as_u64(), j.as_u64()),
        _ => (None, None),
    };
    let (Some(i), Some(j)) = (i, j) else {
        return err(format!(
            "'clabel' contour ref {r:?} needs [i, j] of an Axes call"
        ));
    };
    let list = if i as usize == refs.done.len() {
        Some(refs.current)
    } else {
        refs.done.get(i as usize).map(|v| v.as_slice())
    };
    match list.and_then(|l| l.get(j as usize)) {
        Some(Returned::Artist(h)) => Ok(*h),
        _ => err(format!(
            "'clabel' contour ref {r:?} is not what 'contour' or 'contourf' returned"
        )),
    }
}

fn levels(v: &Value) -> R<Vec<f64>> {
    match v {
        Value::Array(items) => items
            .iter()
            .map(|x| {
                num(x).ok_or_else(|| FigError(format!("'clabel' levels: {x} is not a number")))
            })
            .collect(),
        other => num(other)
            .map(|x| vec![x])
            .ok_or_else(|| FigError(format!("'clabel' levels must be numbers, got {other}"))),
    }
}

/// `clabel`: the set's labels; returns nothing a later call can refer to.
pub(crate) fn clabel(fig: &mut Figure, args: &[Value], kw: &mut Kw, refs: &Refs) -> R<Returned> {
    if args.len() > 2 {
        return err(format!(
            "'clabel' takes at most 2 positional arguments (CS, levels), got {}",
            args.len()
        ));
    }
    let cs = contour_ref(refs, args.first())?;
    let mut o = ClabelOptions::default();
    let lv = args
        .get(1)
        .cloned()
        .filter(|v| !v.is_null())
        .or(kw.take(&["levels"]));
    if let Some(v) = lv {
        o.levels = Some(levels(&v)?);
    }
    o.fontsize = crate::figure_args::fontsize(kw, &["fontsize"])?;
    if let Some(b) = kw.bool(&["inline"])? {
        o.inline = b;
    }
    if let Some(s) = kw.f64(&["inline_spacing"])? {
        o.inline_spacing = s;
    }
    match kw.take(&["fmt"]) {
        None => {}
        Some(Value::String(s)) => o.fmt = Some(LabelFormat::Printf(s)),
        Some(Value::Object(m)) => {
            let mut pairs = Vec::with_capacity(m.len());
            for (k, v) in m {
                let level: f64 = k
                    .trim()
                    .parse()
                    .map_err(|_| FigError(format!("'clabel' fmt key {k:?} is not a level")))?;
                let Value::String(text) = v else {
                    return err(format!(
                        "'clabel' fmt value for {k:?} must be a string, got {v}"
                    ));
                };
                pairs.push((level, text));
            }
            o.fmt = Some(LabelFormat::Map(pairs));
        }
        Some(other) => {
            return err(format!(
                "'clabel' fmt must be a %-format string or an object of level: text, got {other}"
            ))
        }
    }
    if let Some(v) = kw.take(&["colors"]) {
        let one = match &v {
            Value::String(s) => Some(vec![s.clone()]),
            _ => None,
        };
        o.colors = Some(
            one.or_else(|| color_list(&v))
                .or_else(|| color_value(&v).map(|c| vec![c]))
                .ok_or_else(|| {
                    FigError(format!(
                        "'clabel' colors must be a colour or a list of colours, got {v}"
                    ))
                })?,
        );
    }
    if let Some(b) = kw.bool(&["use_clabeltext"])? {
        o.use_clabeltext = b;
    }
    match kw.take(&["manual"]) {
        None | Some(Value::Bool(false)) => {}
        Some(Value::Array(points)) => {
            let mut xy = Vec::with_capacity(points.len());
            for p in &points {
                let v: Vec<Option<f64>> = p
                    .as_array()
                    .map(|a| a.iter().map(num).collect())
                    .unwrap_or_default();
                match v[..] {
                    [Some(x), Some(y)] => xy.push((x, y)),
                    _ => return err(format!("'clabel' manual point {p} is not [x, y]")),
                }
            }
            o.manual = Some(xy);
        }
        Some(v) => {
            return err(format!(
                "'clabel' keyword 'manual' {v} is not supported (false or a list of [x, y] points; true waits for mouse clicks)"
            ))
        }
    }
    if let Some(b) = kw.bool(&["rightside_up"])? {
        o.rightside_up = b;
    }
    o.zorder = kw.f64(&["zorder"])?;
    fig.clabel(cs, o)?;
    Ok(Returned::Nothing)
}
