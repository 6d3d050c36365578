//! figure.json's figure call `legend(**kwargs)`: `fig.legend` of the labelled artists of
//! all Axes, with the Axes legend's keywords (cli/src/figure_legend.rs).

use crate::figure_json::{FigError, Kw, Returned, R};
use crate::figure_legend::{legend_options, Refs};
use figbuf::Figure;
use serde_json::Value;

/// `fig.legend(...)`.
pub(crate) fn legend(
    fig: &mut Figure,
    returned: &[Vec<Returned>],
    args: &[Value],
    kw: &mut Kw,
) -> R<Returned> {
    let refs = Refs {
        done: returned,
        current: &[],
    };
    let o = legend_options(args, kw, &refs)?;
    fig.legend(o)?;
    Ok(Returned::Nothing)
}

/// `colorbar(..., ax=[{"axes": i}, ...])`: the parents of a colorbar of several Axes
/// (`make_axes`); a single `{"axes": i}` keeps the mappable's Axes (`None`).
pub(crate) fn colorbar_axes(ids: &[figbuf::AxesId], kw: &mut Kw) -> R<Option<Vec<figbuf::AxesId>>> {
    let Some(v) = kw.take(&["ax"]) else {
        return Ok(None);
    };
    let index = |x: &Value| -> R<usize> {
        x.get("axes")
            .and_then(Value::as_u64)
            .map(|i| i as usize)
            .ok_or_else(|| FigError(format!("'colorbar' ax {x} is not {{\"axes\": i}}")))
    };
    match &v {
        Value::Array(items) => items
            .iter()
            .map(|x| {
                let i = index(x)?;
                ids.get(i).copied().ok_or_else(|| {
                    FigError(format!(
                        "'colorbar' ax {x}: no Axes {i} (there are {})",
                        ids.len()
                    ))
                })
            })
            .collect::<R<Vec<_>>>()
            .map(Some),
        _ => {
            index(&v)?;
            Ok(None)
        }
    }
}
