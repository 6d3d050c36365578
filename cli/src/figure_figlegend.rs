//! figure.json's figure call `legend(**kwargs)`: `fig.legend` of the labelled artists of
//! all Axes, with the Axes legend's keywords (cli/src/figure_legend.rs).

use crate::figure_json::{Kw, Returned, R};
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
