//! `tick_params(...)` of a figure description.

use crate::figure_json::{err, Kw, R};
use figbuf::{AxesId, Figure, TickLabelOptions, TickParamsOptions};

/// `ax.tick_params(axis, which, labelsize, direction, length, width, color, colors,
/// labelcolor, pad)`.
pub(crate) fn tick_params(fig: &mut Figure, ax: AxesId, kw: &mut Kw) -> R<()> {
    let mut o = TickParamsOptions::default();
    if let Some(a) = kw.string(&["axis"])? {
        o.axis = a;
    }
    if let Some(w) = kw.string(&["which"])? {
        o.which = w;
    }
    o.labelsize = crate::figure_args::fontsize(kw, &["labelsize"])?;
    o.direction = match kw.string(&["direction"])? {
        Some(d) => Some(d.parse()?),
        None => None,
    };
    o.length = kw.f64(&["length"])?;
    o.width = kw.f64(&["width"])?;
    o.color = kw.color(&["color"])?;
    o.colors = kw.color(&["colors"])?;
    o.labelcolor = kw.color(&["labelcolor"])?;
    o.pad = kw.f64(&["pad"])?;
    o.labelrotation = kw.f64(&["labelrotation"])?;
    fig[ax].tick_params_with(o)?;
    Ok(())
}

/// `ax.minorticks_on()` / `ax.minorticks_off()`.
pub(crate) fn minorticks(
    fig: &mut Figure,
    ax: AxesId,
    method: &str,
    args: &[serde_json::Value],
) -> R<()> {
    if !args.is_empty() {
        return crate::figure_json::err(format!("'{method}' takes no arguments"));
    }
    if method == "minorticks_on" {
        fig[ax].minorticks_on();
    } else {
        fig[ax].minorticks_off();
    }
    Ok(())
}

/// `ax.set_xticks(ticks, labels, multialignment=..., linespacing=...)` (and `set_yticks`):
/// the text keywords need labels, as matplotlib's ValueError says.
pub(crate) fn set_ticks(
    fig: &mut Figure,
    ax: AxesId,
    method: &str,
    ticks: Vec<f64>,
    labels: Option<Vec<String>>,
    kw: &mut Kw,
) -> R<()> {
    let (ma, ls) = crate::figure_titles::line_kw(kw)?;
    let x = method == "set_xticks";
    match labels {
        Some(l) if ma.is_some() || ls.is_some() => {
            let mut o = TickLabelOptions::default();
            (o.multialignment, o.linespacing) = (ma, ls);
            if x {
                fig[ax].set_xticks_with(ticks, l, o)?;
            } else {
                fig[ax].set_yticks_with(ticks, l, o)?;
            }
        }
        None if ma.is_some() || ls.is_some() => {
            return err(format!(
                "'{method}': labels argument cannot be None when kwargs are passed"
            ))
        }
        labels if x => {
            fig[ax].set_xticks(ticks, labels)?;
        }
        labels => {
            fig[ax].set_yticks(ticks, labels)?;
        }
    }
    Ok(())
}
