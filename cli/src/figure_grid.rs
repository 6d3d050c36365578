//! figure.json's `subplots` entry.

use crate::figure_json::{err, R};
use figbuf::{AxesId, Figure, Share, SubplotsOptions};
use serde_json::Value;

fn share(key: &str, v: &Value) -> R<Share> {
    match v {
        Value::Bool(true) => Ok(Share::All),
        Value::Bool(false) => Ok(Share::None),
        Value::String(s) => s.parse().or_else(|_| {
            err(format!(
                "figure.json: subplots '{key}' = {v} is not supported"
            ))
        }),
        _ => err(format!(
            "figure.json: subplots '{key}' = {v} is not supported"
        )),
    }
}

fn ratios(key: &str, v: &Value) -> R<Vec<f64>> {
    v.as_array()
        .and_then(|a| a.iter().map(|x| x.as_f64()).collect::<Option<Vec<f64>>>())
        .ok_or_else(|| {
            crate::figure_json::FigError(format!(
                "figure.json: subplots '{key}' = {v} is not a list of numbers"
            ))
        })
}

/// `plt.subplots(nrows, ncols, squeeze=False, **subplots)`: the Axes, row by row.
pub(crate) fn subplots(fig: &mut Figure, sp: Option<&Value>) -> R<Vec<AxesId>> {
    let Some(sp) = sp else {
        return Ok(vec![fig.add_subplot()]);
    };
    let Some(map) = sp.as_object() else {
        return err(format!("figure.json: subplots = {sp} is not an object"));
    };
    let (mut nrows, mut ncols) = (1, 1);
    let mut o = SubplotsOptions::default();
    for (k, v) in map {
        let count = || {
            v.as_u64()
                .filter(|n| (1..=64).contains(n))
                .map(|n| n as usize)
                .ok_or_else(|| {
                    crate::figure_json::FigError(format!(
                        "figure.json: subplots '{k}' = {v} is not a count from 1 to 64"
                    ))
                })
        };
        match k.as_str() {
            "nrows" => nrows = count()?,
            "ncols" => ncols = count()?,
            "sharex" => o = o.sharex(share(k, v)?),
            "sharey" => o = o.sharey(share(k, v)?),
            "width_ratios" => o = o.width_ratios(ratios(k, v)?),
            "height_ratios" => o = o.height_ratios(ratios(k, v)?),
            _ => return err(format!("figure.json: subplots '{k}' is not supported")),
        }
    }
    Ok(fig.subplots(nrows, ncols, o)?)
}
