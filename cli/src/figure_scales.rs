//! figure.json's `set_xscale` / `set_yscale` keywords beyond the scale itself: `subs`
//! (log and symlog); and the scale keywords of `semilogx` / `semilogy` / `loglog`.

use crate::figure_json::{err, Kw, R};
use figbuf::{AxesId, AxisScale, Figure};
use serde_json::Value;

/// `subs=[...]` of `set_xscale('log' | 'symlog', ...)` / `set_yscale(...)` (after the scale
/// is set).
pub(crate) fn subs(fig: &mut Figure, ax: AxesId, method: &str, kw: &mut Kw) -> R<()> {
    let Some(list) = subs_list(method, kw)? else {
        return Ok(());
    };
    if method == "set_xscale" {
        fig[ax].set_xscale_subs(list)?;
    } else {
        fig[ax].set_yscale_subs(list)?;
    }
    Ok(())
}

/// The `subs` keyword: absent or null is `None`.
fn subs_list(method: &str, kw: &mut Kw) -> R<Option<Vec<f64>>> {
    let Some(v) = kw.take(&["subs"]) else {
        return Ok(None);
    };
    let list = match &v {
        Value::Null => return Ok(None),
        Value::Array(items) => items
            .iter()
            .map(Value::as_f64)
            .collect::<Option<Vec<f64>>>(),
        _ => None,
    };
    match list {
        Some(l) => Ok(Some(l)),
        None => err(format!(
            "'{method}' subs must be a list of numbers, got {v}"
        )),
    }
}

/// `semilogx` / `semilogy` / `loglog`: `set_xscale('log', base=, subs=, nonpositive=)` on
/// their axes before the `plot` (any base in (1, 1e6]; nonpositive 'clip' or 'mask', as `set_xscale`).
pub(crate) fn semilog(fig: &mut Figure, ax: AxesId, method: &str, kw: &mut Kw) -> R<()> {
    let (x, y) = match method {
        "semilogx" => (true, false),
        "semilogy" => (false, true),
        "loglog" => (true, true),
        _ => return Ok(()),
    };
    let base = kw.f64(&["base"])?.unwrap_or(10.0);
    if !(base > 1.0 && base <= 1.0e6) {
        return err(format!(
            "'{method}' keyword 'base' {base} is not supported (a number in (1, 1e6])"
        ));
    }
    let scale = if nonpositive_mask(method, kw)? {
        AxisScale::log_masked(base)
    } else {
        AxisScale::log(base)
    };
    let subs = subs_list(method, kw)?;
    if x {
        fig[ax].set_xscale(scale);
        if let Some(l) = &subs {
            fig[ax].set_xscale_subs(l.clone())?;
        }
    }
    if y {
        fig[ax].set_yscale(scale);
        if let Some(l) = &subs {
            fig[ax].set_yscale_subs(l.clone())?;
        }
    }
    Ok(())
}

/// The `nonpositive` keyword of a log scale: 'clip' (the default, `false`) or 'mask'
/// (`true`).
pub(crate) fn nonpositive_mask(method: &str, kw: &mut Kw) -> R<bool> {
    match kw.string(&["nonpositive"])?.as_deref() {
        None | Some("clip") => Ok(false),
        Some("mask") => Ok(true),
        Some(other) => err(format!(
            "'{method}' keyword 'nonpositive' {other:?} is not supported ('clip' or 'mask')"
        )),
    }
}
