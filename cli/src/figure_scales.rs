//! figure.json's `set_xscale` / `set_yscale` keywords beyond the scale itself: `subs`
//! (log and symlog).

use crate::figure_json::{err, Kw, R};
use figbuf::{AxesId, Figure};
use serde_json::Value;

/// `subs=[...]` of `set_xscale('log' | 'symlog', ...)` / `set_yscale(...)` (after the scale
/// is set).
pub(crate) fn subs(fig: &mut Figure, ax: AxesId, method: &str, kw: &mut Kw) -> R<()> {
    let Some(v) = kw.take(&["subs"]) else {
        return Ok(());
    };
    let list = match &v {
        Value::Null => return Ok(()),
        Value::Array(items) => items
            .iter()
            .map(Value::as_f64)
            .collect::<Option<Vec<f64>>>(),
        _ => None,
    };
    let Some(list) = list else {
        return err(format!(
            "'{method}' subs must be a list of numbers, got {v}"
        ));
    };
    if method == "set_xscale" {
        fig[ax].set_xscale_subs(list)?;
    } else {
        fig[ax].set_yscale_subs(list)?;
    }
    Ok(())
}
