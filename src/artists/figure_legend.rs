//! `fig.legend(...)`: a legend of the handles of all Axes (in Axes order) anchored in the
//! figure's bbox (`bbox_transform` is the figure), loc 'best' meaning 'upper right', drawn
//! after the Axes, colorbars and figure texts. The layout is the Axes legend's
//! ([`super::legend::paint_entries`]).

use super::legend::{legend_entries, loc_code, paint_entries, LegendItem};
use super::legend_options::LegendOptions;
use super::DrawCtx;
use crate::figure::Figure;
use crate::layout::Bbox;
use crate::text::GlyphCache;
use crate::{Error, Result};

impl Figure {
    /// `fig.legend(loc, ncols, title, fontsize, frameon, ...)`: a figure legend of the
    /// labelled artists of all Axes. Explicit `handles`/`labels` are not supported (an
    /// error naming them).
    pub fn legend(&mut self, opts: LegendOptions) -> Result<&mut Self> {
        if opts.handles.is_some() {
            return Err(Error::invalid(
                "figure legend handles",
                "a list",
                "none (the Axes' labelled artists)",
            ));
        }
        if opts.labels.is_some() {
            return Err(Error::invalid(
                "figure legend labels",
                "a list",
                "none (the Axes' labelled artists)",
            ));
        }
        loc_code(&opts.loc)?;
        self.figure_legend = Some(opts);
        Ok(self)
    }
}

/// The figure legend's paints: `ctxs[i]` is Axes `i`'s draw context, `fig_bbox` the
/// figure in display pixels.
pub(crate) fn paint_figure_legend(
    fig: &Figure,
    ctxs: &[DrawCtx],
    fig_bbox: &Bbox,
    glyphs: &mut GlyphCache,
) -> Result<Vec<LegendItem>> {
    let Some(opts) = &fig.figure_legend else {
        return Ok(Vec::new());
    };
    let Some(ctx) = ctxs.first() else {
        return Ok(Vec::new());
    };
    let mut o = opts.clone();
    if loc_code(&o.loc)? == 0 {
        o.loc = "upper right".into();
    }
    let mut list = Vec::new();
    for ax in &fig.axes {
        for (h, l) in legend_entries(ax, &o)? {
            list.push((ax, h, l));
        }
    }
    paint_entries(list, None, &o, ctx, fig_bbox, glyphs)
}
