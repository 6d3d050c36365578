//! figure.json's mesh calls: `pcolormesh`, `contour`, `contourf`, and the 2-D data they
//! take (nested lists, `{"array": [[...]]}` or a 2-D `{"npy": ...}`).

use crate::figure_json::{err, Ctx, FigError, Kw, Returned, R};
use figbuf::{Array2D, AxesId, ContourOptions, Figure, Levels, MeshCoords, PcolormeshOptions};
use serde_json::Value;
use std::path::Path;

/// 1-D or 2-D numbers.
pub(crate) fn coords(ctx: &Ctx, v: &Value, what: &str) -> R<MeshCoords> {
    match v {
        Value::Array(items) if items.first().is_some_and(Value::is_array) => {
            Ok(MeshCoords::D2(rows(ctx, items, what)?))
        }
        Value::Object(o) if o.contains_key("array") => coords(ctx, &o["array"], what),
        Value::Object(o) if o.contains_key("npy") => {
            let file = o["npy"]
                .as_str()
                .ok_or_else(|| FigError(format!("{what}: 'npy' must name a file")))?;
            let (shape, data) = read_npy(&ctx.dir.join(file))?;
            match shape[..] {
                [_] => Ok(MeshCoords::D1(data)),
                [r, c] => Ok(MeshCoords::D2(Array2D::new(r, c, data)?)),
                _ => err(format!(
                    "{what}: {file} has shape {shape:?}, not 1-D or 2-D"
                )),
            }
        }
        _ => Ok(MeshCoords::D1(ctx.data(v, what)?)),
    }
}

/// 2-D numbers (a 1-D list is one row, as `np.atleast_2d` would make it).
pub(crate) fn array2(ctx: &Ctx, v: &Value, what: &str) -> R<Array2D> {
    match coords(ctx, v, what)? {
        MeshCoords::D2(a) => Ok(a),
        MeshCoords::D1(_) => err(format!("{what} must be 2-D, got {v}")),
    }
}

fn rows(ctx: &Ctx, items: &[Value], what: &str) -> R<Array2D> {
    let rows = items
        .iter()
        .map(|r| ctx.data(r, what))
        .collect::<R<Vec<Vec<f64>>>>()?;
    Array2D::from_rows(&rows).map_err(|e| FigError(format!("{what}: {e}")))
}

fn read_npy(path: &Path) -> R<(Vec<usize>, Vec<f64>)> {
    use ndarray::ArrayD;
    use ndarray_npy::ReadNpyExt;
    let open =
        || std::fs::File::open(path).map_err(|e| FigError(format!("{}: {e}", path.display())));
    if let Ok(a) = ArrayD::<f64>::read_npy(open()?) {
        return Ok((a.shape().to_vec(), a.iter().copied().collect()));
    }
    if let Ok(a) = ArrayD::<f32>::read_npy(open()?) {
        return Ok((
            a.shape().to_vec(),
            a.iter().map(|&v| f64::from(v)).collect(),
        ));
    }
    match ArrayD::<i64>::read_npy(open()?) {
        Ok(a) => Ok((a.shape().to_vec(), a.iter().map(|&v| v as f64).collect())),
        Err(e) => err(format!("{}: {e}", path.display())),
    }
}

/// `pcolormesh([X, Y,] C, **kwargs)`.
pub(crate) fn pcolormesh(
    fig: &mut Figure,
    ax: AxesId,
    ctx: &Ctx,
    args: &[Value],
    kw: &mut Kw,
) -> R<Returned> {
    let mut o = PcolormeshOptions::default();
    if let Some(s) = kw.string(&["shading"])? {
        o.shading = s.parse()?;
    }
    crate::figure_args::mapping_keywords!(kw, o);
    o.alpha = kw.f64(&["alpha"])?;
    o.edgecolors = kw.color(&["edgecolors", "edgecolor", "ec"])?;
    o.linewidth = kw.f64(&["linewidth", "linewidths", "lw"])?;
    if let Some(a) = kw.bool(&["antialiased", "aa"])? {
        o.antialiased = a;
    }
    o.zorder = kw.f64(&["zorder"])?;
    let h = match args {
        [c] => fig[ax].pcolormesh_c(array2(ctx, c, "'pcolormesh' C")?, o)?,
        [x, y, c] => {
            let x = coords(ctx, x, "'pcolormesh' X")?;
            let y = coords(ctx, y, "'pcolormesh' Y")?;
            fig[ax].pcolormesh(x, y, array2(ctx, c, "'pcolormesh' C")?, o)?
        }
        _ => {
            return err(format!(
                "'pcolormesh' takes 1 or 3 positional arguments, got {}",
                args.len()
            ))
        }
    };
    Ok(Returned::Artist(h))
}

/// A string or a list of strings.
fn strings(kw: &mut Kw, names: &[&str]) -> R<Option<Vec<String>>> {
    match kw.take(names) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(vec![s])),
        Some(Value::Array(v)) => v
            .iter()
            .map(|x| {
                x.as_str().map(str::to_string).ok_or_else(|| {
                    FigError(format!(
                        "'{}' keyword '{}': {x} is not a string",
                        kw.call,
                        names.first().unwrap_or(&"?")
                    ))
                })
            })
            .collect::<R<Vec<String>>>()
            .map(Some),
        Some(v) => err(format!(
            "'{}' keyword '{}' must be a string or a list, got {v}",
            kw.call,
            names.first().unwrap_or(&"?")
        )),
    }
}

/// `contour([X, Y,] Z, [levels], **kwargs)` and `contourf(...)`.
pub(crate) fn contour(
    fig: &mut Figure,
    ax: AxesId,
    ctx: &Ctx,
    method: &str,
    args: &[Value],
    kw: &mut Kw,
) -> R<Returned> {
    let filled = method == "contourf";
    let (xy, z, lev) = match args {
        [z] => (None, z, None),
        [z, l] => (None, z, Some(l.clone())),
        [x, y, z] => (Some((x, y)), z, None),
        [x, y, z, l] => (Some((x, y)), z, Some(l.clone())),
        _ => {
            return err(format!(
                "'{method}' takes 1 to 4 positional arguments, got {}",
                args.len()
            ))
        }
    };
    let xy = match xy {
        None => None,
        Some((x, y)) => Some((
            coords(ctx, x, &format!("'{method}' X"))?,
            coords(ctx, y, &format!("'{method}' Y"))?,
        )),
    };
    let z = array2(ctx, z, &format!("'{method}' Z"))?;
    let mut o = ContourOptions::default();
    o.levels = match lev.or(kw.take(&["levels"])) {
        None => None,
        Some(Value::Number(n)) => match n.as_u64() {
            Some(k) => Some(Levels::Count(k as usize)),
            None => return err(format!("'{method}' levels {n} is not a count or a list")),
        },
        Some(v) => Some(Levels::Values(ctx.data(&v, &format!("'{method}' levels"))?)),
    };
    o.colors = match kw.take(&["colors"]) {
        None => None,
        // One RGB(A) tuple is one colour; otherwise a colour or a list of colours.
        Some(v) => Some(
            crate::figure_json::color_value(&v)
                .filter(|_| v.as_array().is_none_or(|a| a.iter().all(Value::is_number)))
                .map(|c| vec![c])
                .or_else(|| crate::figure_json::color_list(&v))
                .ok_or_else(|| {
                    FigError(format!(
                        "'{}' keyword 'colors' must be a colour or a list of colours, got {v}",
                        kw.call
                    ))
                })?,
        ),
    };
    crate::figure_args::mapping_keywords!(kw, o);
    if o.norm.is_some() {
        // A norm named by a string is not yet a LogNorm when ContourSet checks for one.
        o.logscale = Some(false);
    }
    o.alpha = kw.f64(&["alpha"])?;
    if let Some(e) = kw.string(&["extend"])? {
        o.extend = e.parse()?;
    }
    if !filled {
        o.linewidths = match kw.take(&["linewidths", "linewidth", "lw"]) {
            None => None,
            Some(v) => Some(ctx.data(&v, "'contour' linewidths")?),
        };
        o.linestyles = match strings(kw, &["linestyles", "linestyle", "ls"])? {
            None => None,
            Some(v) => Some(v.iter().map(|s| s.parse()).collect::<Result<_, _>>()?),
        };
        if let Some(s) = kw.string(&["negative_linestyles"])? {
            o.negative_linestyles = Some(s.parse()?);
        }
    }
    if let Some(a) = kw.bool(&["antialiased"])? {
        o.antialiased = Some(a);
    }
    if let Some(c) = kw.bool(&["corner_mask"])? {
        o.corner_mask = Some(c);
    }
    o.zorder = kw.f64(&["zorder"])?;
    let h = if filled {
        fig[ax].contourf(xy, z, o)?
    } else {
        fig[ax].contour(xy, z, o)?
    };
    Ok(Returned::Artist(h))
}
