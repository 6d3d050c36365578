//! `fig.legend(...)`: a legend of the handles of all Axes (in Axes order, or given) anchored in the
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
    /// labelled artists of all Axes, or of `handles` (artists of any of the figure's
    /// Axes) zipped with `labels`, or of the first legend-able artists of all Axes (in
    /// Axes order) given `labels` alone, as `_parse_legend_args` lists them. An error
    /// names a handle that is not an artist of the figure.
    /// `loc='outside upper right'` and the like place it as the plain location (without
    /// constrained layout, which figbuf does not have, matplotlib does the same).
    pub fn legend(&mut self, mut opts: LegendOptions) -> Result<&mut Self> {
        opts.loc = super::legend_options::outside_loc(&opts.loc);
        for (k, h) in opts.handles.iter().flatten().enumerate() {
            let known = self
                .axes
                .iter()
                .any(|a| a.id == h.axes && h.index < a.plot.artists.len());
            if !known {
                return Err(Error::invalid(
                    "figure legend handles",
                    format!("handle {k}"),
                    "an artist of one of the figure's Axes",
                ));
            }
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
    // Entries per Axes, in order; `reverse` applies to the whole list.
    o.reverse = false;
    let mut list = Vec::new();
    match (&opts.handles, &opts.labels) {
        (Some(handles), labels) => {
            for (k, h) in handles.iter().enumerate() {
                let label = match labels {
                    Some(ls) => match ls.get(k) {
                        Some(l) => Some(vec![l.clone()]),
                        None => break,
                    },
                    None => None,
                };
                let ax = fig.axes.iter().find(|a| a.id == h.axes).ok_or_else(|| {
                    Error::invalid(
                        "figure legend handles",
                        format!("handle {k}"),
                        "an artist of one of the figure's Axes",
                    )
                })?;
                let mut one = o.clone();
                one.handles = Some(vec![*h]);
                one.labels = label;
                for (h, l) in legend_entries(ax, &one)? {
                    list.push((ax, h, l));
                }
            }
        }
        (None, Some(labels)) => {
            // zip(_get_legend_handles(axs), labels) over all Axes.
            let mut rest: &[String] = labels;
            for ax in &fig.axes {
                let mut one = o.clone();
                one.labels = Some(rest.to_vec());
                let entries = legend_entries(ax, &one)?;
                rest = rest.get(entries.len()..).unwrap_or(&[]);
                for (h, l) in entries {
                    list.push((ax, h, l));
                }
            }
        }
        (None, None) => {
            for ax in &fig.axes {
                for (h, l) in legend_entries(ax, &o)? {
                    list.push((ax, h, l));
                }
            }
        }
    }
    if opts.reverse {
        list.reverse();
    }
    paint_entries(list, None, &o, ctx, fig_bbox, glyphs)
}
