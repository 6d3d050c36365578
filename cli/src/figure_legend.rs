//! `legend(...)` of a figure description: handles given as `{"ref": [i, j]}` (or
//! `[i, j, k]`: the k-th line a `plot` call returned), labels, and the layout keywords.

use crate::figure_json::{err, num, FigError, Kw, Returned, R};
use figbuf::{ArtistHandle, AxesId, Figure, LegendOptions};
use serde_json::Value;

/// What earlier calls returned: every finished Axes' results and the current Axes' so far.
pub(crate) struct Refs<'a> {
    pub(crate) done: &'a [Vec<Returned>],
    pub(crate) current: &'a [Returned],
}

impl Refs<'_> {
    fn artist(&self, v: &Value) -> R<ArtistHandle> {
        let r = v
            .get("ref")
            .and_then(|r| r.as_array())
            .ok_or_else(|| FigError(format!("'legend' handle {v} is not a {{\"ref\": [i, j]}}")))?;
        let idx: Vec<Option<i64>> = r.iter().map(|x| x.as_i64()).collect();
        let (i, j, k) = match idx[..] {
            [Some(i), Some(j)] => (i, j, None),
            [Some(i), Some(j), Some(k)] => (i, j, Some(k)),
            _ => return err(format!("'legend' handle ref {v} needs [i, j] or [i, j, k]")),
        };
        let list = if i >= 0 && i as usize == self.done.len() {
            Some(self.current)
        } else if i >= 0 {
            self.done.get(i as usize).map(|v| v.as_slice())
        } else {
            None
        };
        let found = list.and_then(|l| usize::try_from(j).ok().and_then(|j| l.get(j)));
        match (found, k) {
            (Some(Returned::Artist(h)), None) => Ok(*h),
            (Some(Returned::Lines(ls)), Some(k)) => usize::try_from(k)
                .ok()
                .and_then(|k| ls.get(k).copied())
                .ok_or_else(|| FigError(format!("'legend' handle ref {v}: no such line"))),
            (Some(Returned::Lines(_)), None) => err(format!(
                "'legend' handle ref {v} is the list 'plot' returned; name a line with [i, j, k]"
            )),
            _ => err(format!("'legend' handle ref {v} is not an artist")),
        }
    }
}

fn labels_of(v: &Value) -> R<Vec<String>> {
    match v {
        Value::Array(items) => items
            .iter()
            .map(|x| match x {
                Value::String(s) => Ok(s.clone()),
                Value::Number(n) => Ok(n.to_string()),
                other => err(format!("'legend' label {other} is not a string")),
            })
            .collect(),
        other => err(format!("'legend' labels must be a list, got {other}")),
    }
}

/// `ax.legend(*args, **kwargs)`.
pub(crate) fn legend(
    fig: &mut Figure,
    ax: AxesId,
    args: &[Value],
    kw: &mut Kw,
    refs: &Refs,
) -> R<()> {
    let o = legend_options(args, kw, refs)?;
    fig[ax].legend(o)?;
    Ok(())
}

/// The options of `legend(*args, **kwargs)` (an Axes' or the figure's).
pub(crate) fn legend_options(args: &[Value], kw: &mut Kw, refs: &Refs) -> R<LegendOptions> {
    let mut o = LegendOptions::default();
    let (mut handles, mut labels) = (kw.take(&["handles"]), kw.take(&["labels"]));
    if !args.is_empty() && (handles.is_some() || labels.is_some()) {
        return err("'legend': pass handles and labels both positionally or both as keywords");
    }
    match args {
        [] => {}
        [l] => labels = Some(l.clone()),
        [h, l] => {
            handles = Some(h.clone());
            labels = Some(l.clone());
        }
        _ => return err("'legend' takes at most 2 positional arguments (handles, labels)"),
    }
    if let Some(h) = handles {
        let Value::Array(items) = h else {
            return err(format!("'legend' handles must be a list, got {h}"));
        };
        o.handles = Some(items.iter().map(|v| refs.artist(v)).collect::<R<_>>()?);
    }
    if let Some(l) = labels {
        o.labels = Some(labels_of(&l)?);
    }
    if let Some(l) = kw.take(&["loc"]) {
        o.loc = match l {
            Value::String(s) => s,
            Value::Number(n) => n.to_string(),
            Value::Array(ref v) if v.len() == 2 && v.iter().all(|x| x.is_number()) => {
                let xy: Vec<f64> = v.iter().filter_map(num).collect();
                if let [x, y] = xy[..] {
                    o.loc_xy = Some((x, y));
                }
                o.loc.clone()
            }
            other => return err(format!("'legend' keyword 'loc' {other} is not supported")),
        };
    }
    if let Some(b) = kw.take(&["bbox_to_anchor"]) {
        let v = match &b {
            Value::Array(items) => items.iter().map(num).collect::<Option<Vec<f64>>>(),
            _ => None,
        };
        match v {
            Some(v) if v.len() == 2 || v.len() == 4 => o.bbox_to_anchor = Some(v),
            _ => {
                return err(format!(
                    "'legend' bbox_to_anchor needs 2 or 4 numbers, got {b}"
                ))
            }
        }
    }
    if let Some(n) = kw.f64(&["ncols", "ncol"])? {
        o.ncols = n as usize;
    }
    o.title = kw.string(&["title"])?;
    if let Some(f) = crate::figure_args::fontsize(kw, &["fontsize"])? {
        o.fontsize = f;
    }
    if let Some(f) = crate::figure_args::fontsize(kw, &["title_fontsize"])? {
        o.title_fontsize = f;
    }
    if let Some(f) = kw.bool(&["frameon"])? {
        o.frameon = f;
    }
    match kw.take(&["shadow"]) {
        None | Some(Value::Null) => {}
        Some(Value::Bool(s)) => {
            o.shadow = s;
        }
        Some(Value::Object(m)) => {
            o.shadow_props = shadow_props(&m)?;
            o.shadow = true;
        }
        Some(other) => {
            return err(format!(
                "'legend' shadow must be a bool or a dict, got {other}"
            ))
        }
    }
    if o.shadow {
        // framealpha None: 1 with a shadow.
        o.framealpha = 1.0;
    }
    if let Some(f) = kw.bool(&["fancybox"])? {
        o.fancybox = f;
    }
    if let Some(f) = kw.bool(&["markerfirst"])? {
        o.markerfirst = f;
    }
    match kw.take(&["labelcolor"]) {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) => o.labelcolor = vec![s],
        Some(v) => match crate::figure_json::color_list(&v)
            .or_else(|| crate::figure_json::color_value(&v).map(|c| vec![c]))
        {
            Some(list) if !list.is_empty() => o.labelcolor = list,
            _ => {
                return err(format!(
                    "'legend' labelcolor {v} is not a colour or a list of colours"
                ))
            }
        },
    }
    if let Some(a) = kw.f64(&["framealpha"])? {
        o.framealpha = a;
    }
    let mut set = |name: &str, field: &mut f64| -> R<()> {
        if let Some(v) = kw.f64(&[name])? {
            *field = v;
        }
        Ok(())
    };
    set("markerscale", &mut o.markerscale)?;
    set("borderpad", &mut o.borderpad)?;
    set("labelspacing", &mut o.labelspacing)?;
    set("handlelength", &mut o.handlelength)?;
    set("handletextpad", &mut o.handletextpad)?;
    set("borderaxespad", &mut o.borderaxespad)?;
    set("columnspacing", &mut o.columnspacing)?;
    o.edgecolor = kw.color(&["edgecolor"])?;
    o.facecolor = kw.color(&["facecolor"])?;
    o.linewidth = kw.f64(&["linewidth"])?;
    if let Some(a) = kw.string(&["alignment"])? {
        o.alignment = a;
    }
    if let Some(r) = kw.bool(&["reverse"])? {
        o.reverse = r;
    }
    if let Some(n) = kw.f64(&["numpoints"])? {
        if !(n >= 1.0 && n.fract() == 0.0 && n <= 1000.0) {
            return err(format!("'legend' numpoints must be a count >= 1, got {n}"));
        }
        o.numpoints = n as usize;
    }
    if let Some(n) = kw.f64(&["scatterpoints"])? {
        if !(n >= 1.0 && n.fract() == 0.0 && n <= 1000.0) {
            return err(format!(
                "'legend' scatterpoints must be a count >= 1, got {n}"
            ));
        }
        o.scatterpoints = n as usize;
    }
    if let Some(v) = kw.take(&["scatteryoffsets"]) {
        let offs = match &v {
            Value::Array(items) => items.iter().map(num).collect::<Option<Vec<f64>>>(),
            _ => None,
        };
        match offs {
            Some(o2) if !o2.is_empty() && o2.iter().all(|x| x.is_finite()) => {
                o.scatteryoffsets = Some(o2)
            }
            _ => {
                return err(format!(
                    "'legend' scatteryoffsets must be a non-empty list of finite numbers, got {v}"
                ))
            }
        }
    }
    Ok(o)
}

/// `legend(shadow={...})`: `ox`, `oy`, `shade` and the patch keywords figbuf draws.
fn shadow_props(m: &serde_json::Map<String, Value>) -> R<figbuf::ShadowOptions> {
    let mut s = figbuf::ShadowOptions::default();
    for (k, v) in m {
        let number =
            || num(v).ok_or_else(|| FigError(format!("'legend' shadow {k} {v} is not a number")));
        let colour = || {
            crate::figure_json::color_value(v)
                .ok_or_else(|| FigError(format!("'legend' shadow {k} {v} is not a colour")))
        };
        match k.as_str() {
            "ox" => s.ox_pt = number()?,
            "oy" => s.oy_pt = number()?,
            "shade" => s.shade = number()?,
            "alpha" => s.alpha = if v.is_null() { None } else { Some(number()?) },
            "linewidth" | "lw" => s.linewidth = Some(number()?),
            "color" => s.color = Some(colour()?),
            "facecolor" | "fc" => s.facecolor = Some(colour()?),
            "edgecolor" | "ec" => s.edgecolor = Some(colour()?),
            _ => return err(format!("'legend' shadow keyword '{k}' is not supported")),
        }
    }
    Ok(s)
}
