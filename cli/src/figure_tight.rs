//! figure.json's `figure.tight_layout(pad, h_pad, w_pad, rect)`.

use crate::figure_json::{err, num, Kw, R};
use figbuf::{Figure, TightLayoutOptions};
use serde_json::Value;

/// `fig.tight_layout(*, pad=1.08, h_pad=None, w_pad=None, rect=None)`: keyword-only, as
/// in matplotlib. When matplotlib would warn and leave the subplots as they are, the
/// warning goes to stderr and the figure is drawn as it is.
pub(crate) fn call(fig: &mut Figure, args: &[Value], kw: &mut Kw) -> R<()> {
    if !args.is_empty() {
        return err(format!(
            "'tight_layout' takes keyword arguments only, got {} positional",
            args.len()
        ));
    }
    let mut o = TightLayoutOptions::default();
    if let Some(p) = kw.f64(&["pad"])? {
        o = o.pad(p);
    }
    o.h_pad = kw.f64(&["h_pad"])?;
    o.w_pad = kw.f64(&["w_pad"])?;
    if let Some(v) = kw.take(&["rect"]) {
        // Each side a number or null (None: fitted as without rect).
        let side = |x: &Value| match x {
            Value::Null => Some(None),
            x => num(x).filter(|n| n.is_finite()).map(Some),
        };
        let r: Option<Vec<Option<f64>>> = v.as_array().and_then(|a| a.iter().map(side).collect());
        match r.as_deref() {
            Some(&[l, b, rt, t]) => o = o.rect_partial([l, b, rt, t]),
            _ => {
                return err(format!(
                "'tight_layout' keyword 'rect' {v} is not four numbers or nulls (left, bottom, right, top)"
            ))
            }
        }
    }
    if let Some(w) = fig.tight_layout(o)? {
        eprintln!("warning: tight_layout: {w}");
    }
    Ok(())
}
