//! figure.json's `set_title`, `set_xlabel` and `set_ylabel` with their keywords.

use crate::figure_args::fontsize;
use crate::figure_json::{err, Kw, R};
use figbuf::{AxesId, Figure, LabelOptions, SupTitleOptions, TitleOptions};
use serde_json::Value;

/// `ax.set_title(label, loc, pad, fontsize, color, fontweight, y)`,
/// `ax.set_xlabel(label, fontsize, color, labelpad, loc)` and `ax.set_ylabel(...)`.
pub(crate) fn call(
    fig: &mut Figure,
    ax: AxesId,
    method: &str,
    args: &[Value],
    kw: &mut Kw,
) -> R<()> {
    let label = match (args.first().cloned().or(kw.take(&["label"])), args.len()) {
        (Some(Value::String(s)), 0..=1) => s,
        (other, n) if n > 1 => {
            return err(format!(
                "'{method}' takes one positional argument, got {n} ({other:?} first)"
            ))
        }
        (other, _) => return err(format!("'{method}' needs a string, got {other:?}")),
    };
    if method == "set_title" {
        let mut o = TitleOptions::default();
        o.loc = kw.string(&["loc"])?;
        o.pad = kw.f64(&["pad"])?;
        o.fontsize = fontsize(kw, &["fontsize", "size"])?;
        o.color = kw.color(&["color", "c"])?;
        o.fontweight = match kw.take(&["fontweight", "weight"]) {
            None => None,
            Some(Value::String(s)) => Some(s),
            Some(Value::Number(n)) => Some(n.to_string()),
            Some(v) => {
                return err(format!(
                    "'set_title' keyword 'fontweight' {v} is not a weight"
                ))
            }
        };
        o.y = kw.f64(&["y"])?;
        (o.multialignment, o.linespacing) = line_kw(kw)?;
        fig[ax].set_title_with(label, o)?;
    } else {
        let mut o = LabelOptions::default();
        o.fontsize = fontsize(kw, &["fontsize", "size"])?;
        o.color = kw.color(&["color", "c"])?;
        o.labelpad = kw.f64(&["labelpad"])?;
        o.loc = kw.string(&["loc"])?;
        (o.multialignment, o.linespacing) = line_kw(kw)?;
        if method == "set_xlabel" {
            fig[ax].set_xlabel_with(label, o)?;
        } else {
            fig[ax].set_ylabel_with(label, o)?;
        }
    }
    Ok(())
}

/// The `multialignment` ('ma') and `linespacing` keywords of a text-taking call:
/// `linespacing` is a number or 'normal' (None).
pub(crate) fn line_kw(kw: &mut Kw) -> R<(Option<String>, Option<f64>)> {
    let ma = kw.string(&["multialignment", "ma"])?;
    let ls = match kw.take(&["linespacing"]) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s == "normal" => None,
        Some(Value::Number(n)) => n.as_f64(),
        Some(v) => {
            return err(format!(
                "'{}' keyword 'linespacing' must be a number or 'normal', got {v}",
                kw.call
            ))
        }
    };
    Ok((ma, ls))
}

fn weight(kw: &mut Kw) -> R<Option<String>> {
    match kw.take(&["fontweight", "weight"]) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(v) => err(format!(
            "'{}' keyword 'fontweight' {v} is not a weight",
            kw.call
        )),
    }
}

/// `fig.suptitle(t, x, y, ha, fontsize, color, fontweight, multialignment, linespacing)`.
pub(crate) fn suptitle(fig: &mut Figure, args: &[Value], kw: &mut Kw) -> R<()> {
    let (t, o) = sup_text("suptitle", args, kw)?;
    fig.suptitle_with(&t, o)?;
    Ok(())
}

/// `fig.supxlabel(t, x, y, ha, fontsize, color, fontweight, multialignment, linespacing)`
/// and `fig.supylabel(...)` (whose `ha` can only be 'left').
pub(crate) fn sup_label(fig: &mut Figure, method: &str, args: &[Value], kw: &mut Kw) -> R<()> {
    let (t, o) = sup_text(method, args, kw)?;
    if method == "supylabel" {
        fig.supylabel_with(&t, o)?;
    } else {
        fig.supxlabel_with(&t, o)?;
    }
    Ok(())
}

/// The text and keywords `suptitle`, `supxlabel` and `supylabel` share.
fn sup_text(method: &str, args: &[Value], kw: &mut Kw) -> R<(String, SupTitleOptions)> {
    let t = match (args.first().cloned().or(kw.take(&["t"])), args.len()) {
        (Some(Value::String(s)), 0..=1) => s,
        (other, _) => return err(format!("'{method}' needs one string, got {other:?}")),
    };
    let mut o = SupTitleOptions::default();
    o.x = kw.f64(&["x"])?;
    o.y = kw.f64(&["y"])?;
    o.ha = kw.string(&["ha", "horizontalalignment"])?;
    o.fontsize = fontsize(kw, &["fontsize", "size"])?;
    o.color = kw.color(&["color", "c"])?;
    o.fontweight = weight(kw)?;
    (o.multialignment, o.linespacing) = line_kw(kw)?;
    Ok((t, o))
}
