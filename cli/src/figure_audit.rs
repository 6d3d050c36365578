//! Keywords the randomized audit (audit7) found refused that a user reaches:
//! `errorbar(errorevery=)`, `bar(log=True)`.

use serde_json::Value;

use crate::figure_json::{FigError, Kw, R};
use figbuf::{AxesId, AxisScale, Figure};

/// `bar(..., log=True)` / `barh`: `set_yscale('log', nonpositive='clip')` (x for
/// `barh`) before the bars are added, as matplotlib's `bar` does.
pub(crate) fn bar_log(fig: &mut Figure, ax: AxesId, vertical: bool, log: bool) {
    if !log {
        return;
    }
    if vertical {
        fig[ax].set_yscale(AxisScale::log(10.0));
    } else {
        fig[ax].set_xscale(AxisScale::log(10.0));
    }
}

/// `errorevery`: an integer N (every Nth point from 0) or `[start, N]`.
pub(crate) fn errorevery(kw: &mut Kw) -> R<Option<(usize, usize)>> {
    let bad = |v: &Value| {
        FigError(format!(
            "'errorbar' keyword 'errorevery' must be a positive integer or [start, step], got {v}"
        ))
    };
    let int = |v: &Value| v.as_u64().and_then(|n| usize::try_from(n).ok());
    match kw.take(&["errorevery"]) {
        None => Ok(None),
        Some(v) => match &v {
            Value::Number(_) => match int(&v) {
                Some(n) if n > 0 => Ok(Some((0, n))),
                _ => Err(bad(&v)),
            },
            Value::Array(a) => match a.as_slice() {
                [s, n] => match (int(s), int(n)) {
                    (Some(s), Some(n)) if n > 0 => Ok(Some((s, n))),
                    _ => Err(bad(&v)),
                },
                _ => Err(bad(&v)),
            },
            _ => Err(bad(&v)),
        },
    }
}
