//! figure.json's statistics calls: `hist` (one or several datasets) and `pie`.

use crate::figure_json::{err, num, Ctx, FigError, Kw, Returned, R};
use figbuf::{AxesId, Bins, BoxplotOptions, Figure, HistOptions, PieOptions};
use serde_json::Value;
use std::path::Path;

/// A 2-D `.npy` as rows of f64 (shape (rows, cols)).
fn read_npy_2d(path: &Path) -> R<Vec<Vec<f64>>> {
    use ndarray::ArrayD;
    use ndarray_npy::ReadNpyExt;
    let open =
        || std::fs::File::open(path).map_err(|e| FigError(format!("{}: {e}", path.display())));
    let a: ArrayD<f64> = if let Ok(a) = ArrayD::<f64>::read_npy(open()?) {
        a
    } else if let Ok(a) = ArrayD::<f32>::read_npy(open()?) {
        a.mapv(f64::from)
    } else {
        match ArrayD::<i64>::read_npy(open()?) {
            Ok(a) => a.mapv(|v| v as f64),
            Err(e) => return err(format!("{}: {e}", path.display())),
        }
    };
    match a.ndim() {
        1 => Ok(vec![a.iter().copied().collect()]),
        2 => Ok(a
            .outer_iter()
            .map(|row| row.iter().copied().collect())
            .collect()),
        n => err(format!(
            "{}: {n}-D array, expected 1-D or 2-D",
            path.display()
        )),
    }
}

/// Columns of rows.
fn transpose(rows: Vec<Vec<f64>>, what: &str) -> R<Vec<Vec<f64>>> {
    let n = rows.first().map_or(0, Vec::len);
    if rows.iter().any(|r| r.len() != n) {
        return err(format!("{what}: rows of different lengths"));
    }
    Ok((0..n)
        .map(|j| {
            rows.iter()
                .map(|r| r.get(j).copied().unwrap_or(f64::NAN))
                .collect()
        })
        .collect())
}

/// `cbook._reshape_2D`: a list of lists is one dataset per item; a 2-D array (`{"array":
/// [[...]]}`, a 2-D `.npy`) one per column; 1-D data one dataset.
pub(crate) fn datasets(ctx: &Ctx, v: &Value, what: &str) -> R<Vec<Vec<f64>>> {
    match v {
        Value::Array(items)
            if !items.is_empty() && items.iter().all(|i| !i.is_number() && !i.is_null()) =>
        {
            items.iter().map(|i| ctx.data(i, what)).collect()
        }
        Value::Object(o) if o.contains_key("npy") => {
            let file = o["npy"]
                .as_str()
                .ok_or_else(|| FigError(format!("{what}: 'npy' must name a file")))?;
            let rows = read_npy_2d(&ctx.dir.join(file))?;
            if rows.len() == 1 {
                Ok(rows)
            } else {
                transpose(rows, what)
            }
        }
        Value::Object(o)
            if o.get("array")
                .is_some_and(|a| matches!(a, Value::Array(r) if r.iter().any(Value::is_array))) =>
        {
            let Value::Array(rows) = &o["array"] else {
                return err(format!("{what}: expected numbers"));
            };
            let rows: Vec<Vec<f64>> = rows.iter().map(|r| ctx.data(r, what)).collect::<R<_>>()?;
            transpose(rows, what)
        }
        _ => Ok(vec![ctx.data(v, what)?]),
    }
}

/// One string or a list of strings.
fn strings(v: Value, what: &str) -> R<Vec<String>> {
    if v.as_array().is_some_and(|a| a.iter().all(Value::is_number)) {
        if let Some(c) = crate::figure_json::color_value(&v) {
            return Ok(vec![c]);
        }
    }
    match v {
        Value::String(s) => Ok(vec![s]),
        Value::Array(items) => items
            .into_iter()
            .map(|i| match i {
                Value::String(s) => Ok(s),
                Value::Number(n) => Ok(n.to_string()),
                other => crate::figure_json::color_value(&other)
                    .ok_or_else(|| FigError(format!("{what}: {other} is not a string"))),
            })
            .collect(),
        other => err(format!(
            "{what} = {other} is not a string or a list of strings"
        )),
    }
}

/// `hist(x, bins, range, density, weights, cumulative, bottom, histtype, align,
/// orientation, rwidth, log, color, label, stacked, edgecolor, linewidth, alpha)`.
pub(crate) fn hist(
    fig: &mut Figure,
    ax: AxesId,
    ctx: &Ctx,
    args: &[Value],
    kw: &mut Kw,
) -> R<Returned> {
    if args.len() > 2 {
        return err("'hist' takes at most 2 positional arguments (x, bins)");
    }
    let Some(xv) = args.first().cloned().or_else(|| kw.take(&["x"])) else {
        return err("'hist' needs x");
    };
    let x = datasets(ctx, &xv, "'hist' x")?;
    let mut o = HistOptions::default();
    let mut named_bins = None;
    if let Some(b) = args.get(1).cloned().or_else(|| kw.take(&["bins"])) {
        o = o.bins(match &b {
            Value::Number(n) => match n.as_u64() {
                Some(k) if k >= 1 => Bins::Count(k as usize),
                _ => return err(format!("'hist' bins = {b} is not a positive count")),
            },
            Value::String(s) => {
                named_bins = Some(s.clone());
                Bins::default()
            }
            _ => Bins::Edges(ctx.data(&b, "'hist' bins")?),
        });
    }
    if let Some(r) = kw.take(&["range"]) {
        let r = ctx.data(&r, "'hist' range")?;
        let [lo, hi] = r[..] else {
            return err("'hist' range needs two numbers");
        };
        o = o.range((lo, hi));
    }
    if let Some(d) = kw.bool(&["density"])? {
        o = o.density(d);
    }
    if let Some(w) = kw.take(&["weights"]) {
        o = o.weights(datasets(ctx, &w, "'hist' weights")?);
    }
    if let Some(name) = named_bins {
        if o.weights.is_some() {
            return err("'hist' bins given by name cannot take weights (numpy refuses them)");
        }
        let all: Vec<f64> = x.concat();
        let n = figbuf::histogram_bin_count(&all, &name, o.range)?;
        o = o.bins(Bins::Count(n));
    }
    match kw.take(&["cumulative"]) {
        None | Some(Value::Bool(false)) => {}
        Some(Value::Bool(true)) => o = o.cumulative(1),
        Some(Value::Number(n)) if n.as_f64().is_some_and(|v| v < 0.0) => o = o.cumulative(-1),
        Some(Value::Number(n)) if n.as_f64().is_some_and(|v| v > 0.0) => o = o.cumulative(1),
        Some(Value::Number(_)) => {}
        Some(v) => return err(format!("'hist' cumulative = {v} is not supported")),
    }
    if let Some(b) = kw.take(&["bottom"]) {
        o = o.bottom(ctx.data(&b, "'hist' bottom")?);
    }
    if let Some(t) = kw.string(&["histtype"])? {
        o = o.histtype(t.parse()?);
    }
    if let Some(a) = kw.string(&["align"])? {
        o = o.align(a.parse()?);
    }
    if let Some(or) = kw.string(&["orientation"])? {
        match or.as_str() {
            "vertical" => {}
            "horizontal" => o = o.horizontal(true),
            _ => return err(format!("'hist' orientation = {or:?} is not supported")),
        }
    }
    if let Some(r) = kw.f64(&["rwidth"])? {
        o = o.rwidth(r);
    }
    if let Some(l) = kw.bool(&["log"])? {
        o = o.log(l);
    }
    match kw.take(&["color"]) {
        None => {}
        Some(Value::String(c)) => o = o.color(&c),
        Some(v) => o = o.colors(strings(v, "'hist' color")?),
    }
    match kw.take(&["label"]) {
        None => {}
        Some(Value::String(l)) => o = o.label(&l),
        Some(v) => o = o.labels(strings(v, "'hist' label")?),
    }
    if let Some(s) = kw.bool(&["stacked"])? {
        o = o.stacked(s);
    }
    if let Some(c) = kw.color(&["edgecolor", "ec"])? {
        o = o.edgecolor(&c);
    }
    if let Some(lw) = kw.f64(&["linewidth", "lw"])? {
        o = o.linewidth(lw);
    }
    if let Some(a) = kw.f64(&["alpha"])? {
        o = o.alpha(a);
    }
    if let Some(h) = kw.string(&["hatch"])? {
        o = o.hatch(h);
    }
    let r = fig[ax].hist_datasets_with(&x, o)?;
    Ok(match r.first().and_then(|r| r.patches.first()) {
        Some(&h) => Returned::Artist(h),
        None => Returned::Nothing,
    })
}

/// A dict keyword (`wedgeprops`, `textprops`) as (name, value) pairs.
fn props(v: Option<Value>, what: &str) -> R<Vec<(String, Value)>> {
    match v {
        None => Ok(Vec::new()),
        Some(Value::Object(m)) => Ok(m.into_iter().collect()),
        Some(other) => err(format!("'pie' {what} = {other} is not a dict")),
    }
}

/// `pie(x, explode, labels, colors, autopct, pctdistance, shadow=False, labeldistance,
/// startangle, radius, counterclock, wedgeprops, textprops, center)`.
pub(crate) fn pie(
    fig: &mut Figure,
    ax: AxesId,
    ctx: &Ctx,
    args: &[Value],
    kw: &mut Kw,
) -> R<Returned> {
    if args.len() > 1 {
        return err("'pie' takes 1 positional argument (x)");
    }
    let Some(xv) = args.first().cloned().or_else(|| kw.take(&["x"])) else {
        return err("'pie' needs x");
    };
    let x = ctx.data(&xv, "'pie' x")?;
    let mut o = PieOptions::default();
    if let Some(e) = kw.take(&["explode"]) {
        o = o.explode(ctx.data(&e, "'pie' explode")?);
    }
    if let Some(l) = kw.take(&["labels"]) {
        o = o.labels(strings(l, "'pie' labels")?);
    }
    if let Some(c) = kw.take(&["colors"]) {
        o = o.colors(strings(c, "'pie' colors")?);
    }
    if let Some(a) = kw.string(&["autopct"])? {
        o = o.autopct(a);
    }
    if let Some(d) = kw.f64(&["pctdistance"])? {
        o = o.pctdistance(d);
    }
    if let Some(h) = kw.take(&["hatch"]) {
        o = o.hatch(crate::figure_hatch::patterns(&h, "pie")?);
    }
    if let Some(s) = kw.bool(&["shadow"])? {
        o = o.shadow(s);
    }
    match kw.take_raw("labeldistance") {
        None => {}
        Some(Value::Null) => o = o.labeldistance(None),
        Some(v) => match num(&v) {
            Some(d) => o = o.labeldistance(Some(d)),
            None => return err(format!("'pie' labeldistance = {v} is not a number")),
        },
    }
    if let Some(a) = kw.f64(&["startangle"])? {
        o = o.startangle(a);
    }
    if let Some(r) = kw.f64(&["radius"])? {
        o = o.radius(r);
    }
    if let Some(c) = kw.bool(&["counterclock"])? {
        o = o.counterclock(c);
    }
    if let Some(c) = kw.take(&["center"]) {
        let c = ctx.data(&c, "'pie' center")?;
        let [cx, cy] = c[..] else {
            return err("'pie' center needs two numbers");
        };
        o = o.center((cx, cy));
    }
    if let Some(f) = kw.bool(&["frame"])? {
        if f {
            return err("'pie' frame = true is not supported");
        }
    }
    for (k, v) in props(kw.take(&["wedgeprops"]), "wedgeprops")? {
        match (k.as_str(), &v) {
            ("linewidth" | "lw", _) if num(&v).is_some() => {
                o = o.wedge_linewidth(num(&v).unwrap_or(1.0));
            }
            ("edgecolor" | "ec", Value::String(s)) => o = o.wedge_edgecolor(s.clone()),
            ("alpha", _) if num(&v).is_some() => o = o.wedge_alpha(num(&v).unwrap_or(1.0)),
            _ => return err(format!("'pie' wedgeprops '{k}' = {v} is not supported")),
        }
    }
    for (k, v) in props(kw.take(&["textprops"]), "textprops")? {
        match (k.as_str(), &v) {
            ("fontsize" | "size", _) if num(&v).is_some() => {
                o = o.text_fontsize(num(&v).unwrap_or(10.0));
            }
            ("color" | "c", Value::String(s)) => o = o.text_color(s.clone()),
            _ => return err(format!("'pie' textprops '{k}' = {v} is not supported")),
        }
    }
    let pc = fig[ax].pie_with(&x, o)?;
    Ok(match pc.wedges.first() {
        Some(&h) => Returned::Artist(h),
        None => Returned::Nothing,
    })
}

/// `boxplot(x, notch=False, whis, positions, widths, patch_artist, showmeans, showfliers,
/// tick_labels, orientation, vert)`.
pub(crate) fn boxplot(
    fig: &mut Figure,
    ax: AxesId,
    ctx: &Ctx,
    args: &[Value],
    kw: &mut Kw,
) -> R<Returned> {
    if args.len() > 1 {
        return err("'boxplot' takes 1 positional argument (x)");
    }
    let Some(xv) = args.first().cloned().or_else(|| kw.take(&["x"])) else {
        return err("'boxplot' needs x");
    };
    let x = datasets(ctx, &xv, "'boxplot' x")?;
    let mut o = BoxplotOptions::default();
    if let Some(n) = kw.bool(&["notch"])? {
        o = o.notch(n);
    }
    if let Some(m) = kw.bool(&["meanline"])? {
        o = o.meanline(m);
    }
    match kw.take(&["whis"]) {
        None => {}
        Some(Value::Number(w)) => o = o.whis(w.as_f64().unwrap_or(1.5)),
        Some(v) => {
            let w = ctx.data(&v, "'boxplot' whis")?;
            let [lo, hi] = w[..] else {
                return err(format!(
                    "'boxplot' whis = {v} is not a number or two percentiles"
                ));
            };
            o = o.whis_percentiles((lo, hi));
        }
    }
    if let Some(p) = kw.take(&["positions"]) {
        o = o.positions(ctx.data(&p, "'boxplot' positions")?);
    }
    if let Some(w) = kw.take(&["widths"]) {
        o = o.widths(ctx.data(&w, "'boxplot' widths")?);
    }
    if let Some(p) = kw.bool(&["patch_artist"])? {
        o = o.patch_artist(p);
    }
    if let Some(m) = kw.bool(&["showmeans"])? {
        o = o.showmeans(m);
    }
    if let Some(f) = kw.bool(&["showfliers"])? {
        o = o.showfliers(f);
    }
    if let Some(l) = kw.take(&["tick_labels"]) {
        o = o.tick_labels(strings(l, "'boxplot' tick_labels")?);
    }
    if let Some(v) = kw.bool(&["vert"])? {
        o = o.horizontal(!v);
    }
    if let Some(or) = kw.string(&["orientation"])? {
        match or.as_str() {
            "vertical" => {}
            "horizontal" => o = o.horizontal(true),
            _ => return err(format!("'boxplot' orientation = {or:?} is not supported")),
        }
    }
    fig[ax].boxplot_with(&x, o)?;
    Ok(Returned::Nothing)
}
