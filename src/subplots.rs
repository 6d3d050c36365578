//! Grids of subplots (`Figure.subplots`): the grid spec, shared axes (autoscaled on the
//! union of the group's data, inner tick labels hidden as `label_outer` does) and the
//! figure's own texts (`suptitle`, `supxlabel`).

use crate::axes::{Axes, AxesId, AxesPosition};
use crate::figure::Figure;
use crate::{Error, Result};

/// How the Axes of a grid share an axis (`sharex=` / `sharey=` of `plt.subplots`).
///
/// The Axes of a group act as one axis, as matplotlib's shared Axes do: a scale, subs,
/// fixed ticks (`set_xticks`), string categories or limits (`set_xlim`, `invert_xaxis`,
/// `margins`' autoscale, `imshow`'s extent, `pie`) set through `fig[ax]` on any member
/// hold for the whole group, calls reading the limits read the group's, and the group
/// autoscales on the union of its members' data. No call is needed to propagate them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Share {
    /// `False` / `'none'`: each Axes on its own.
    #[default]
    None,
    /// `True` / `'all'`: every Axes shares with the first.
    All,
    /// `'row'`: each row shares with its first Axes.
    Row,
    /// `'col'`: each column shares with its top Axes.
    Col,
}

impl std::str::FromStr for Share {
    type Err = Error;
    fn from_str(s: &str) -> Result<Share> {
        match s {
            "none" => Ok(Share::None),
            "all" => Ok(Share::All),
            "row" => Ok(Share::Row),
            "col" => Ok(Share::Col),
            _ => Err(Error::invalid(
                "share",
                format!("{s:?}"),
                "'none', 'all', 'row' or 'col' (or true / false)",
            )),
        }
    }
}

/// Options of [`Figure::subplots`] (matplotlib's keywords).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SubplotsOptions {
    /// `sharex`: which Axes share one x axis (scale, ticks, categories, limits).
    pub sharex: Share,
    /// `sharey`: which Axes share one y axis.
    pub sharey: Share,
    /// `width_ratios` (one per column; equal when `None`).
    pub width_ratios: Option<Vec<f64>>,
    /// `height_ratios` (one per row; equal when `None`).
    pub height_ratios: Option<Vec<f64>>,
}

impl SubplotsOptions {
    /// `sharex=`: which Axes share one x axis (see [`Share`]).
    pub fn sharex(mut self, v: Share) -> Self {
        self.sharex = v;
        self
    }
    /// `sharey=`: which Axes share one y axis (see [`Share`]).
    pub fn sharey(mut self, v: Share) -> Self {
        self.sharey = v;
        self
    }
    /// `width_ratios=`.
    pub fn width_ratios(mut self, v: Vec<f64>) -> Self {
        self.width_ratios = Some(v);
        self
    }
    /// `height_ratios=`.
    pub fn height_ratios(mut self, v: Vec<f64>) -> Self {
        self.height_ratios = Some(v);
        self
    }
}

/// The figure's grid of subplots.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GridSpec {
    pub(crate) height_ratios: Vec<f64>,
    pub(crate) width_ratios: Vec<f64>,
}

/// The figure's own texts.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct SupTexts {
    pub(crate) suptitle: Option<String>,
    pub(crate) suptitle_opts: crate::axes_text::SupTitleOptions,
    pub(crate) supxlabel: Option<String>,
    pub(crate) supxlabel_opts: crate::axes_text::SupTitleOptions,
    pub(crate) supylabel: Option<String>,
    pub(crate) supylabel_opts: crate::axes_text::SupTitleOptions,
}

fn ratios(v: Option<Vec<f64>>, n: usize, what: &str) -> Result<Vec<f64>> {
    let v = v.unwrap_or_else(|| vec![1.0; n]);
    if v.len() != n || v.iter().any(|r| !(r.is_finite() && *r > 0.0)) {
        return Err(Error::invalid(
            what,
            format!("{v:?}"),
            format!("{n} positive numbers"),
        ));
    }
    Ok(v)
}

impl Figure {
    /// `fig.subplots(nrows, ncols, sharex=, sharey=, width_ratios=, height_ratios=)`: a
    /// grid of Axes, returned row by row. Shared axes are one axis per group (see
    /// [`Share`]: whatever a call on one member sets holds for all) and autoscale on the
    /// union of their group's data; with `sharex` `'col'`/`'all'` only the bottom row keeps x tick
    /// labels, with `sharey` `'row'`/`'all'` only the first column keeps y tick labels
    /// (`label_outer`).
    pub fn subplots(
        &mut self,
        nrows: usize,
        ncols: usize,
        options: SubplotsOptions,
    ) -> Result<Vec<AxesId>> {
        if nrows == 0 || ncols == 0 {
            return Err(Error::invalid(
                "subplots",
                format!("nrows={nrows}, ncols={ncols}"),
                "at least one row and one column",
            ));
        }
        if self.grid.is_some() || !self.axes.is_empty() {
            return Err(Error::invalid(
                "subplots",
                format!("{} Axes already", self.axes.len()),
                "a figure without Axes",
            ));
        }
        self.grid = Some(GridSpec {
            height_ratios: ratios(options.height_ratios, nrows, "height_ratios")?,
            width_ratios: ratios(options.width_ratios, ncols, "width_ratios")?,
        });
        let mut ids = Vec::with_capacity(nrows * ncols);
        let (figure, base) = (self.id, self.axes.len());
        let axes_id = |index: usize| AxesId { figure, index };
        for row in 0..nrows {
            for col in 0..ncols {
                let id = axes_id(self.axes.len());
                let mut ax = Axes::new(id, AxesPosition::Cell { row, col });
                for (k, share) in [options.sharex, options.sharey].into_iter().enumerate() {
                    ax.share[k] = match share {
                        Share::None => id,
                        Share::All => axes_id(base),
                        Share::Row => axes_id(base + row * ncols),
                        Share::Col => axes_id(base + col),
                    };
                }
                if matches!(options.sharex, Share::Col | Share::All) && row + 1 < nrows {
                    ax.plot.x.tick_params.labels_hidden = true;
                    ax.xlabel = None;
                }
                if matches!(options.sharey, Share::Row | Share::All) && col > 0 {
                    ax.plot.y.tick_params.labels_hidden = true;
                    ax.ylabel = None;
                }
                self.axes.push(ax);
                ids.push(id);
            }
        }
        Ok(ids)
    }

    /// `fig.suptitle(t)`: centred at the top (x 0.5, y 0.98, 'large').
    pub fn suptitle(&mut self, t: &str) -> &mut Self {
        self.sup.suptitle = Some(t.to_string());
        self.sup.suptitle_opts = Default::default();
        self
    }

    /// `fig.suptitle(t, x=..., y=..., ha=..., fontsize=..., color=..., fontweight=...)`.
    /// An unknown `ha` is an error naming it.
    pub fn suptitle_with(
        &mut self,
        t: &str,
        opts: crate::axes_text::SupTitleOptions,
    ) -> Result<&mut Self> {
        crate::axes_text::ha_of(opts.ha.as_deref())?;
        self.sup.suptitle = Some(t.to_string());
        self.sup.suptitle_opts = opts;
        Ok(self)
    }

    /// `fig.supxlabel(t)`: centred at the bottom (x 0.5, y 0.01, 'large').
    pub fn supxlabel(&mut self, t: &str) -> &mut Self {
        self.sup.supxlabel = Some(t.to_string());
        self.sup.supxlabel_opts = Default::default();
        self
    }

    /// `fig.supxlabel(t, x=..., y=..., ha=..., fontsize=..., color=..., fontweight=...,
    /// multialignment=..., linespacing=...)`: the keywords of [`Figure::suptitle_with`],
    /// `y` being the bottom of the text (va 'bottom'). An unknown `ha` is an error naming it.
    pub fn supxlabel_with(
        &mut self,
        t: &str,
        opts: crate::axes_text::SupTitleOptions,
    ) -> Result<&mut Self> {
        crate::axes_text::ha_of(opts.ha.as_deref())?;
        crate::axes_text::line_layout(
            "supxlabel",
            opts.multialignment.as_deref(),
            opts.linespacing,
        )?;
        self.sup.supxlabel = Some(t.to_string());
        self.sup.supxlabel_opts = opts;
        Ok(self)
    }

    /// `fig.supylabel(t)`: centred at the left (x 0.02, y 0.5, ha 'left', va 'center',
    /// vertical, 'large').
    pub fn supylabel(&mut self, t: &str) -> &mut Self {
        self.sup.supylabel = Some(t.to_string());
        self.sup.supylabel_opts = Default::default();
        self
    }

    /// `fig.supylabel(t, x=..., y=..., fontsize=..., color=..., fontweight=...,
    /// multialignment=..., linespacing=...)`: `x` is the left edge of the vertical text,
    /// `y` its middle. `ha` other than 'left' is refused (an error naming it).
    pub fn supylabel_with(
        &mut self,
        t: &str,
        opts: crate::axes_text::SupTitleOptions,
    ) -> Result<&mut Self> {
        if let Some(ha) = opts.ha.as_deref().filter(|&h| h != "left") {
            return Err(Error::invalid("supylabel ha", format!("{ha:?}"), "'left'"));
        }
        crate::axes_text::line_layout(
            "supylabel",
            opts.multialignment.as_deref(),
            opts.linespacing,
        )?;
        self.sup.supylabel = Some(t.to_string());
        self.sup.supylabel_opts = opts;
        Ok(self)
    }

    /// `fig.subplots_adjust(wspace=, hspace=)`: the space between subplots, as fractions
    /// of the mean Axes width / height; `None` keeps the current value.
    pub fn subplots_adjust_space(
        &mut self,
        wspace: Option<f64>,
        hspace: Option<f64>,
    ) -> Result<&mut Self> {
        for (what, v) in [("wspace", wspace), ("hspace", hspace)] {
            if let Some(v) = v {
                if !(v.is_finite() && v >= 0.0) {
                    return Err(Error::invalid(what, v, "a finite fraction >= 0"));
                }
            }
        }
        let sp = &mut self.style_mut().subplot;
        sp.wspace = wspace.unwrap_or(sp.wspace);
        sp.hspace = hspace.unwrap_or(sp.hspace);
        Ok(self)
    }
}

/// Places `suptitle` (x 0.5, y 0.98, ha 'center', va 'top'), `supxlabel` (x 0.5,
/// y 0.01, ha 'center', va 'bottom') and `supylabel` in figure fractions, 'large' (1.2 x
/// font size).
pub(crate) fn figure_texts(
    fig: &Figure,
    glyphs: &mut crate::text::GlyphCache,
    wf: f64,
    hf: f64,
) -> Result<Vec<crate::layout::TextItem>> {
    use crate::text::{HorizontalAlignment as Ha, VerticalAlignment as Va};
    let size_pt = fig.style().font_size_pt * 1.2;
    let mut out = Vec::new();
    if let Some(t) = &fig.sup.suptitle {
        let o = &fig.sup.suptitle_opts;
        let (ma, linespacing) =
            crate::axes_text::line_layout("suptitle", o.multialignment.as_deref(), o.linespacing)?;
        let x = match o.x {
            Some(x) if x != 0.5 => x * wf,
            _ => 0.5 * wf,
        };
        let mut item = crate::layout::place_text_in(
            glyphs,
            t,
            o.fontsize.unwrap_or(size_pt),
            fig.dpi(),
            (x, o.y.unwrap_or(0.98) * hf),
            crate::layout::Align {
                ha: crate::axes_text::ha_of(o.ha.as_deref())?,
                va: Va::Top,
                angle: 0.0,
                ma,
                linespacing,
            },
            crate::axes_text::face(o.fontweight.as_deref())?,
            true,
        )?;
        item.color = crate::axes_text::text_color(o.color.as_deref())?;
        out.push(item);
    }
    if let Some(t) = &fig.sup.supxlabel {
        let o = &fig.sup.supxlabel_opts;
        let (ma, linespacing) =
            crate::axes_text::line_layout("supxlabel", o.multialignment.as_deref(), o.linespacing)?;
        let mut item = crate::layout::place_text_in(
            glyphs,
            t,
            o.fontsize.unwrap_or(size_pt),
            fig.dpi(),
            (o.x.unwrap_or(0.5) * wf, o.y.unwrap_or(0.01) * hf),
            crate::layout::Align {
                ha: crate::axes_text::ha_of(o.ha.as_deref())?,
                va: Va::Bottom,
                angle: 0.0,
                ma,
                linespacing,
            },
            crate::axes_text::face(o.fontweight.as_deref())?,
            true,
        )?;
        item.color = crate::axes_text::text_color(o.color.as_deref())?;
        out.push(item);
    }
    if let Some(t) = &fig.sup.supylabel {
        let o = &fig.sup.supylabel_opts;
        let (ma, linespacing) =
            crate::axes_text::line_layout("supylabel", o.multialignment.as_deref(), o.linespacing)?;
        // rotation 'vertical' in the default rotation mode with ha 'left', va 'center':
        // the rotated box's left edge at x, its middle at y. At 90 degrees that puts the
        // pen where rotation_mode='anchor' with ha 'center', va 'top' puts it.
        let mut item = crate::layout::place_text_in(
            glyphs,
            t,
            o.fontsize.unwrap_or(size_pt),
            fig.dpi(),
            (o.x.unwrap_or(0.02) * wf, o.y.unwrap_or(0.5) * hf),
            crate::layout::Align {
                ha: Ha::Center,
                va: Va::Top,
                angle: 90.0,
                // Several lines align as the text's own ha 'left' unless multialignment.
                ma: ma.or(Some(Ha::Left)),
                linespacing,
            },
            crate::axes_text::face(o.fontweight.as_deref())?,
            true,
        )?;
        item.color = crate::axes_text::text_color(o.color.as_deref())?;
        out.push(item);
    }
    Ok(out)
}
