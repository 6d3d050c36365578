//! `tick_params(...)` of a figure description.

use crate::figure_json::{Kw, R};
use figbuf::{AxesId, Figure, TickParamsOptions};

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
