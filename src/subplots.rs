//! Grids of subplots (`Figure.subplots`): the grid spec, shared axes (autoscaled on the
//! union of the group's data, inner tick labels hidden as `label_outer` does) and the
//! figure's own texts (`suptitle`, `supxlabel`).

use crate::artists::autoscale::{self, Which};
use crate::axes::{Axes, AxesId, AxesPosition};
use crate::figure::Figure;
use crate::{Error, Result};

/// How the Axes of a grid share an axis (`sharex=` / `sharey=` of `plt.subplots`).
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
    /// `sharex`.
    pub sharex: Share,
    /// `sharey`.
    pub sharey: Share,
    /// `width_ratios` (one per column; equal when `None`).
    pub width_ratios: Option<Vec<f64>>,
    /// `height_ratios` (one per row; equal when `None`).
    pub height_ratios: Option<Vec<f64>>,
}

impl SubplotsOptions {
    /// `sharex=`.
    pub fn sharex(mut self, v: Share) -> Self {
        self.sharex = v;
        self
    }
    /// `sharey=`.
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
    /// grid of Axes, returned row by row. Shared axes autoscale on the union of their
    /// group's data; with `sharex` `'col'`/`'all'` only the bottom row keeps x tick
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

impl Figure {
    /// `ax.get_xlim()` of Axes `id` as it stands in the figure: with `sharex`, autoscaled
    /// over its whole share group (what a `None` bound of `set_xlim` keeps). An error for a
    /// handle of another figure.
    pub fn get_xlim(&self, id: AxesId) -> Result<(f64, f64)> {
        self.lim_of(id, Which::X)
    }

    /// `ax.get_ylim()` of Axes `id`: as [`Figure::get_xlim`] for y.
    pub fn get_ylim(&self, id: AxesId) -> Result<(f64, f64)> {
        self.lim_of(id, Which::Y)
    }

    /// `ax.set_xlim(left, right)` on Axes `id` of this figure: as [`Axes::set_xlim`], a
    /// `None` (or on a log scale non-positive) bound keeping the current limit of the
    /// whole `sharex` group, and every Axes of the group given the new limits. Returns
    /// them; an error for a handle of another figure or a bound that is not finite.
    pub fn set_xlim(
        &mut self,
        id: AxesId,
        left: Option<f64>,
        right: Option<f64>,
    ) -> Result<(f64, f64)> {
        self.set_lim_of(id, Which::X, left, right)
    }

    /// `ax.set_ylim(bottom, top)` on Axes `id`: as [`Figure::set_xlim`] for y.
    pub fn set_ylim(
        &mut self,
        id: AxesId,
        bottom: Option<f64>,
        top: Option<f64>,
    ) -> Result<(f64, f64)> {
        self.set_lim_of(id, Which::Y, bottom, top)
    }

    fn set_lim_of(
        &mut self,
        id: AxesId,
        which: Which,
        v0: Option<f64>,
        v1: Option<f64>,
    ) -> Result<(f64, f64)> {
        self.unstale(id);
        let current = self.lim_of(id, which)?;
        let l = self.axes[id.index].set_lim_from(which, v0, v1, current)?;
        self.sync_shared(id);
        Ok(l)
    }

    /// matplotlib's `_unstale_viewLim` of Axes `id`, which a call reading its view runs
    /// (`axhline`'s `get_ybound`, `invert_xaxis`): a share group with a requested
    /// autoscale is autoscaled now with `id`'s margins and the group's data, and keeps
    /// that view until the next request. Nothing happens for a foreign handle.
    pub fn unstale_view(&mut self, id: AxesId) -> &mut Self {
        if self.axes(id).is_some() {
            self.unstale(id);
        }
        self
    }

    /// `_unstale_viewLim` of Axes `id` (a call reading its limits): every stale share
    /// group it belongs to is autoscaled now, with `id`'s margins, and stored. Setting a
    /// group's limits reads each sibling's view (`Axis._set_lim` on the siblings), which
    /// unstales the siblings' other axis with their own margins, as in matplotlib.
    fn unstale(&mut self, id: AxesId) {
        let i = id.index;
        let members = |axes: &[Axes], k: usize| -> Vec<usize> {
            let root = axes[i].share[k];
            (0..axes.len())
                .filter(|&j| axes[j].share[k] == root)
                .collect()
        };
        fn state(a: &mut Axes, k: usize) -> &mut crate::artists::AxisState {
            if k == 0 {
                &mut a.plot.x
            } else {
                &mut a.plot.y
            }
        }
        let groups = [members(&self.axes, 0), members(&self.axes, 1)];
        // Only share groups: a lone Axes autoscales itself (`Axes::unstale_view`).
        let need: Vec<bool> = (0..2)
            .map(|k| {
                groups[k].len() > 1
                    && groups[k].iter().any(|&j| {
                        let st = state(&mut self.axes[j], k);
                        st.auto && st.stale
                    })
            })
            .collect();
        if !need.iter().any(|&n| n) {
            return;
        }
        let mut views = [None, None];
        for (k, which) in [(0, Which::X), (1, Which::Y)] {
            if need[k] {
                views[k] = Some(group_autoscale(&self.axes, i, which));
                for &j in &groups[k] {
                    state(&mut self.axes[j], k).stale = false;
                }
            }
        }
        for k in 0..2 {
            let Some(v) = views[k] else { continue };
            for &j in &groups[k] {
                state(&mut self.axes[j], k).lim = v;
            }
            for &j in &groups[k] {
                if j != i {
                    self.unstale(AxesId {
                        figure: id.figure,
                        index: j,
                    });
                }
            }
        }
    }

    fn lim_of(&self, id: AxesId, which: Which) -> Result<(f64, f64)> {
        if self.axes(id).is_none() {
            return Err(Error::invalid(
                "Axes",
                format!("{id:?}"),
                "an Axes of this figure",
            ));
        }
        Ok(shared_view(&self.axes, id.index, which))
    }

    /// After a call on Axes `id`, gives the Axes sharing an axis with it (`sharex=` /
    /// `sharey=`) what matplotlib keeps once per share group: the axis scale
    /// (`set_yscale`, `semilogy`, ...), its minor `subs`, the fixed ticks (`set_xticks`,
    /// `pie`'s empty ticks), the string categories, and the view limits a call stored
    /// (`set_xlim`, `invert_xaxis`, `imshow`'s extent, `pie`'s square limits) with their
    /// autoscale switch. Nothing happens for an Axes sharing nothing or a foreign handle.
    pub fn sync_shared(&mut self, id: AxesId) -> &mut Self {
        if self.axes(id).is_none() {
            return self;
        }
        let i = id.index;
        for k in 0..2 {
            let root = self.axes[i].share[k];
            let me = match k {
                0 => self.axes[i].plot.x.clone(),
                _ => self.axes[i].plot.y.clone(),
            };
            for (j, other) in self.axes.iter_mut().enumerate() {
                if j == i || other.share[k] != root {
                    continue;
                }
                let st = match k {
                    0 => &mut other.plot.x,
                    _ => &mut other.plot.y,
                };
                if st.scale != me.scale || st.subs != me.subs {
                    st.scale = me.scale;
                    st.subs = me.subs.clone();
                    if st.auto {
                        st.stale = true;
                    }
                }
                // One Locator / Formatter (and one category mapping) per share group.
                if st.ticks != me.ticks {
                    st.ticks = me.ticks.clone();
                }
                if st.categories != me.categories {
                    st.categories = me.categories.clone();
                }
                if st.lim != me.lim || st.auto != me.auto {
                    st.lim = me.lim;
                    st.auto = me.auto;
                    if !me.auto {
                        st.stale = false;
                    }
                }
            }
        }
        self
    }
}

/// [`shared_view`] of both axes of Axes `i`; an Axes sharing neither computes its data
/// limits once for both.
pub(crate) fn shared_views(axes: &[Axes], i: usize) -> ((f64, f64), (f64, f64)) {
    let alone = |k: usize| {
        axes.iter()
            .filter(|a| a.share[k] == axes[i].share[k])
            .count()
            <= 1
    };
    if alone(0) && alone(1) {
        return autoscale::views(&axes[i]);
    }
    (
        shared_view(axes, i, Which::X),
        shared_view(axes, i, Which::Y),
    )
}

/// The view limits of Axes `i` for drawing: `autoscale_view` over its share group (data
/// limits, minpos and sticky edges of every sibling) when the group autoscales.
pub(crate) fn shared_view(axes: &[Axes], i: usize, which: Which) -> (f64, f64) {
    shared_view_by(axes, i, which, None)
}

/// `autoscale_view` of Axes `i`'s share group now (requested or not), with `i`'s margins.
fn group_autoscale(axes: &[Axes], i: usize, which: Which) -> (f64, f64) {
    let k = match which {
        Which::X => 0,
        Which::Y => 1,
    };
    let root = axes[i].share[k];
    let state = |a: &Axes| match which {
        Which::X => a.plot.x.clone(),
        Which::Y => a.plot.y.clone(),
    };
    let me = state(&axes[i]);
    let group: Vec<&Axes> = axes.iter().filter(|a| a.share[k] == root).collect();
    if let Some(fixed) = group.iter().rev().map(|a| state(a)).find(|s| !s.auto) {
        return fixed.lim;
    }
    let mut lim = crate::artists::DataLim::default();
    let mut stickies = Vec::new();
    for a in &group {
        lim = lim.union(&autoscale::data_limits(a));
        stickies.extend(autoscale::stickies(a, which));
    }
    let (l, minpos) = match which {
        Which::X => (lim.x, lim.minpos.0),
        Which::Y => (lim.y, lim.minpos.1),
    };
    if autoscale::keeps_view(l, me.lim) {
        return me.lim;
    }
    let (a, b) = autoscale::autoscale(l, minpos, &stickies, me.margin, me.scale);
    if me.lim.0 > me.lim.1 {
        (b, a)
    } else {
        (a, b)
    }
}

/// [`shared_view`], a stale group autoscaled with the margins of Axes `by` (the Axes
/// whose call read the limits) instead of its first Axes'.
fn shared_view_by(axes: &[Axes], i: usize, which: Which, by: Option<usize>) -> (f64, f64) {
    let k = match which {
        Which::X => 0,
        Which::Y => 1,
    };
    let root = axes[i].share[k];
    let group: Vec<&Axes> = axes.iter().filter(|a| a.share[k] == root).collect();
    if group.len() <= 1 {
        return autoscale::view(&axes[i], which);
    }
    let state = |a: &Axes| match which {
        Which::X => a.plot.x.clone(),
        Which::Y => a.plot.y.clone(),
    };
    let me = state(&axes[i]);
    // `set_xlim` on one Axes sets every sibling's limits and turns their autoscale off.
    if let Some(fixed) = group.iter().rev().map(|a| state(a)).find(|s| !s.auto) {
        return fixed.lim;
    }
    if !group.iter().any(|a| state(a).stale) {
        return me.lim;
    }
    let mut lim = crate::artists::DataLim::default();
    let mut stickies = Vec::new();
    for a in &group {
        lim = lim.union(&autoscale::data_limits(a));
        stickies.extend(autoscale::stickies(a, which));
    }
    let (l, minpos) = match which {
        Which::X => (lim.x, lim.minpos.0),
        Which::Y => (lim.y, lim.minpos.1),
    };
    if autoscale::keeps_view(l, me.lim) {
        return me.lim;
    }
    // The first Axes of the group drawn autoscales the whole group with its own margins.
    let margin = match by.and_then(|j| axes.get(j)) {
        Some(a) => state(a).margin,
        None => group.first().map_or(me.margin, |a| state(a).margin),
    };
    let (a, b) = autoscale::autoscale(l, minpos, &stickies, margin, me.scale);
    if me.lim.0 > me.lim.1 {
        (b, a)
    } else {
        (a, b)
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
