//! Share groups (`sharex=` / `sharey=` of `subplots`): matplotlib keeps one scale,
//! Locator/Formatter, category mapping and view limits per group. figbuf keeps a copy in
//! every Axes of the group and keeps the copies equal itself, so that `fig[ax]` stays a
//! plain `&mut Axes`:
//! - the Axes handed out by `fig[ax]` / [`Figure::axes_mut`] becomes the group's writer
//!   (`Figure::pending`), first brought up to date with the previous writer's changes,
//!   and given what the group's other members contribute to its view ([`GroupView`]), so
//!   that calls reading the view (`set_xlim(None, ..)`, `invert_xaxis`, `axhline`) read
//!   the group's and, when it is stale, autoscale it with this Axes' margins
//!   (`_unstale_viewLim`);
//! - the writer's scale, subs, fixed ticks, categories and stored limits (with their
//!   autoscale switch) reach its siblings at the next borrow (`flush_shared`), and when
//!   the figure is laid out or its limits read ([`Figure::resolved`]: a copy flushed when
//!   the last writer changed something).

use std::borrow::Cow;

use crate::artists::autoscale::{self, Which};
use crate::artists::{AxisState, DataLim};
use crate::axes::{Axes, AxesId};
use crate::figure::Figure;
use crate::{Error, Result};

/// What the other members of an Axes' share group contribute to the group's view, taken
/// when the Axes is borrowed (the others cannot change while it is).
#[derive(Debug, Clone)]
pub(crate) struct GroupView {
    /// The union of their data limits.
    data: DataLim,
    /// Their sticky edges, in group order: those before this Axes and those after it.
    stickies: (Vec<f64>, Vec<f64>),
    /// One of them has an autoscale request pending.
    stale: bool,
}

fn k_of(which: Which) -> usize {
    match which {
        Which::X => 0,
        Which::Y => 1,
    }
}

fn which_of(k: usize) -> Which {
    if k == 0 {
        Which::X
    } else {
        Which::Y
    }
}

fn state(a: &Axes, k: usize) -> &AxisState {
    if k == 0 {
        &a.plot.x
    } else {
        &a.plot.y
    }
}

fn state_mut(a: &mut Axes, k: usize) -> &mut AxisState {
    if k == 0 {
        &mut a.plot.x
    } else {
        &mut a.plot.y
    }
}

/// What one Axis object of a share group holds in matplotlib.
fn same_shared(a: &AxisState, b: &AxisState) -> bool {
    a.scale == b.scale
        && a.subs == b.subs
        && a.ticks == b.ticks
        && a.categories == b.categories
        && a.lim == b.lim
        && a.auto == b.auto
        && a.locator_last == b.locator_last
        && a.tick_params.minor_ticks == b.tick_params.minor_ticks
}

/// The Axes whose axis `k` the locator of Axes `i` measures (`get_tick_space` reads the
/// locator's axis): the share root's, or after a scale change the group's last member's
/// in the `Grouper`'s join order (audit7: a narrow root and a wide last member of a
/// `sharex=True` grid with `width_ratios` tick a log axis differently). The first
/// `join(member, root)` registers the member, then the root: a group of two is ordered
/// (member, root) and its last is the root (audit8, seed 1775); a larger one ends with
/// its last member.
pub(crate) fn locator_axes(axes: &[Axes], i: usize, k: usize) -> usize {
    let Some(a) = axes.get(i) else {
        return i;
    };
    let root = a.share[k];
    if !state(a, k).locator_last {
        return root.index;
    }
    let mut members = (0..axes.len()).filter(|&j| axes[j].share[k] == root);
    match (members.next(), members.next(), members.next_back()) {
        (Some(_), Some(_), Some(last)) => last,
        _ => root.index,
    }
}

impl Axes {
    /// The view of axis `which` with its share group's data and requests, as a call on
    /// this Axes sees it (`None` when the axis is not shared), and whether the group was
    /// stale (autoscaled here with this Axes' margins).
    fn group_view(&self, which: Which) -> Option<((f64, f64), bool)> {
        let k = k_of(which);
        let g = self.group[k].as_ref()?;
        let st = state(self, k);
        if !st.auto || !(st.stale || g.stale) {
            return Some((st.lim, false));
        }
        let lim = autoscale::data_limits(self).union(&g.data);
        let (l, minpos) = match which {
            Which::X => (lim.x, lim.minpos.0),
            Which::Y => (lim.y, lim.minpos.1),
        };
        if autoscale::keeps_view(l, st.lim) {
            return Some((st.lim, true));
        }
        let mut stickies = g.stickies.0.clone();
        stickies.extend(autoscale::stickies(self, which));
        stickies.extend_from_slice(&g.stickies.1);
        let (a, b) = autoscale::autoscale(l, minpos, &stickies, st.margin, st.scale);
        let v = if st.lim.0 > st.lim.1 { (b, a) } else { (a, b) };
        Some((v, true))
    }

    /// `ax.get_xlim()`. A shared x axis' limits depend on its whole group: through a
    /// `&Axes` they are the group's only while this Axes is the one `fig[ax]` handed out
    /// last; [`crate::Figure::get_xlim`] always gives the group's.
    pub fn get_xlim(&self) -> (f64, f64) {
        self.peek_view(Which::X)
    }

    /// `ax.get_ylim()` (see [`Axes::get_xlim`] for shared axes).
    pub fn get_ylim(&self) -> (f64, f64) {
        self.peek_view(Which::Y)
    }

    /// The view of axis `which` without side effects (`get_xlim` through `&Axes`): its
    /// share group's while this Axes is the one borrowed last, its own otherwise.
    pub(crate) fn peek_view(&self, which: Which) -> (f64, f64) {
        match self.group_view(which) {
            Some((v, _)) => v,
            None => autoscale::view(self, which),
        }
    }

    /// The view of axis `which` as a call reading `viewLim` gets it: as
    /// `_unstale_viewLim`, every stale share group of this Axes (x and y) is autoscaled
    /// now with this Axes' margins and stored, its requests cleared (for the other
    /// members at the next flush). An axis sharing nothing reads its own view and keeps
    /// its request (it autoscales to the same limits when drawn).
    pub(crate) fn read_view(&mut self, which: Which) -> (f64, f64) {
        for w in [Which::X, Which::Y] {
            self.unstale_group(w);
        }
        self.peek_view(which)
    }

    /// `_unstale_viewLim` as a call reading the view runs it (`axhline`'s `get_ybound`,
    /// `invert_xaxis`): [`Axes::read_view`], and an axis sharing nothing autoscales now
    /// too when requested, keeping that view until the next request. Returns the view of
    /// axis `which`.
    pub(crate) fn unstale_view(&mut self, which: Which) -> (f64, f64) {
        let v = self.read_view(which);
        for k in 0..2 {
            let st = state(self, k);
            if self.group[k].is_none() && st.auto && st.stale {
                let lone = autoscale::view(self, which_of(k));
                let st = state_mut(self, k);
                st.lim = lone;
                st.stale = false;
            }
        }
        v
    }

    /// `Axes.add_collection(autolim=True)` (`scatter`, `fill_between`, `fill_betweenx`,
    /// and through them `stackplot`'s layers and `violinplot`'s bodies) unstales the view
    /// before adding the collection's data limits.
    pub(crate) fn unstale_for_collection(&mut self) {
        self.unstale_view(Which::X);
    }

    /// `Axis._set_axes_scale`'s `autoscale_view` after a scale change that moves the
    /// locator's default limits: a shared group is autoscaled now with this Axes' margins
    /// ([`Axes::read_view`]); an axis sharing nothing takes its autoscaled view now (an
    /// Axes without data keeps it) and keeps its request.
    pub(crate) fn autoscale_now(&mut self, which: Which) {
        let k = k_of(which);
        // `set_xbound` reads `viewLim`: `_unstale_viewLim` autoscales the other axis too
        // when it is stale, with its scale of now (audit7: `set_xscale('log')` then
        // `set_yscale('symlog')` keeps the linear margins of y).
        let o = 1 - k;
        let other_lone = self.group[o].is_none() && state(self, o).auto && state(self, o).stale;
        if other_lone {
            let v = autoscale::view(self, which_of(o));
            let st = state_mut(self, o);
            st.lim = v;
            st.stale = false;
        }
        if self.group[k].is_some() {
            state_mut(self, k).stale = true;
            self.read_view(which);
        } else {
            self.read_view(which);
            let v = autoscale::autoscaled(self, which);
            let st = state_mut(self, k);
            st.lim = v;
            st.stale = true;
        }
    }

    /// `Axis._set_tick_locations` (`set_xticks`/`set_yticks`): `set_view_interval(min,
    /// max)` reads the view as `viewLim` does ([`Axes::unstale_view`]), grows it to hold
    /// the ticks keeping its direction, and stores it without touching the autoscale
    /// switch (`ignore=True` on the Bbox), so a later autoscale request recomputes it
    /// (audit7: `set_yticks([0, 0.5, 1])` on data below 0.3 shows 1.0 as matplotlib does).
    pub(crate) fn expand_view_to_ticks(&mut self, which: Which, ticks: &[f64]) {
        let mut it = ticks.iter().copied().filter(|t| !t.is_nan());
        let Some(first) = it.next() else {
            return;
        };
        let (lo, hi) = it.fold((first, first), |(a, b), t| (a.min(t), b.max(t)));
        let (a, b) = self.unstale_view(which);
        let new = if a < b {
            (lo.min(a), hi.max(b))
        } else {
            (hi.max(a), lo.min(b))
        };
        state_mut(self, k_of(which)).lim = new;
    }

    fn unstale_group(&mut self, which: Which) {
        let Some((v, true)) = self.group_view(which) else {
            return;
        };
        let k = k_of(which);
        let st = state_mut(self, k);
        st.lim = v;
        st.stale = false;
        if let Some(g) = self.group[k].as_mut() {
            g.stale = false;
        }
        self.unstaled[k] = true;
    }
}

impl Figure {
    /// The Axes sharing axis `k` with Axes `i` (`i` included), in figure order.
    fn members(&self, i: usize, k: usize) -> Vec<usize> {
        let root = self.axes[i].share[k];
        (0..self.axes.len())
            .filter(|&j| self.axes[j].share[k] == root)
            .collect()
    }

    /// Before Axes `i` is handed out mutably: the previous writer's changes reach its
    /// groups, and `i` (when it shares an axis) becomes the writer, with its groups'
    /// other members' data limits, sticky edges and requests at hand.
    pub(crate) fn borrow_shared(&mut self, i: usize) {
        if self.pending == Some(i) {
            return;
        }
        self.flush_shared();
        let mut data: Vec<Option<DataLim>> = vec![None; self.axes.len()];
        for k in 0..2 {
            let members = self.members(i, k);
            if members.len() <= 1 {
                continue;
            }
            let which = which_of(k);
            let mut g = GroupView {
                data: DataLim::default(),
                stickies: (Vec::new(), Vec::new()),
                stale: false,
            };
            let mut after = false;
            for j in members {
                if j == i {
                    after = true;
                    continue;
                }
                let a = &self.axes[j];
                let d = *data[j].get_or_insert_with(|| autoscale::data_limits(a));
                g.data = g.data.union(&d);
                let s = autoscale::stickies(a, which);
                if after {
                    g.stickies.1.extend(s);
                } else {
                    g.stickies.0.extend(s);
                }
                g.stale |= state(a, k).stale;
            }
            self.axes[i].group[k] = Some(g);
            self.pending = Some(i);
        }
    }

    /// The last writer's changes reach the other members of its share groups.
    pub(crate) fn flush_shared(&mut self) {
        let Some(w) = self.pending.take() else {
            return;
        };
        if w >= self.axes.len() {
            return;
        }
        let mut cascade = Vec::new();
        for k in 0..2 {
            self.axes[w].group[k] = None;
            if std::mem::take(&mut self.axes[w].unstaled[k]) {
                // `_unstale_viewLim` cleared every sibling's request.
                for j in self.members(w, k) {
                    if j != w {
                        state_mut(&mut self.axes[j], k).stale = false;
                        cascade.push(j);
                    }
                }
            }
        }
        self.sync_from(w);
        // Setting the group's limits read each sibling's view: its other stale groups
        // were autoscaled then with its margins. Those without the writer have not
        // changed since (the writer's own groups were unstaled by the same read).
        for j in cascade {
            self.unstale(j, Some(w));
        }
    }

    /// This figure as matplotlib would draw it now: itself, or a copy whose last writer's
    /// changes reached its share groups (made only when they change something).
    pub(crate) fn resolved(&self) -> Cow<'_, Figure> {
        let Some(w) = self.pending.filter(|&w| w < self.axes.len()) else {
            return Cow::Borrowed(self);
        };
        let a = &self.axes[w];
        let changes = (0..2).any(|k| {
            a.unstaled[k]
                || self
                    .members(w, k)
                    .into_iter()
                    .any(|j| !same_shared(state(&self.axes[j], k), state(a, k)))
        });
        if !changes {
            return Cow::Borrowed(self);
        }
        let mut f = self.clone();
        f.flush_shared();
        Cow::Owned(f)
    }

    /// Gives the Axes sharing an axis with Axes `i` what matplotlib keeps once per share
    /// group: the axis scale (`set_yscale`, `semilogy`, ...), its minor `subs`, the fixed
    /// ticks (`set_xticks`, `pie`'s empty ticks), the string categories, and the view
    /// limits a call stored (`set_xlim`, `invert_xaxis`, `imshow`'s extent, `pie`'s
    /// square limits) with their autoscale switch.
    fn sync_from(&mut self, i: usize) {
        for k in 0..2 {
            let root = self.axes[i].share[k];
            let me = state(&self.axes[i], k).clone();
            for (j, other) in self.axes.iter_mut().enumerate() {
                if j == i || other.share[k] != root {
                    continue;
                }
                let st = state_mut(other, k);
                // The autoscale a scale change may request is the writer's (any member's
                // request is the group's).
                if st.scale != me.scale || st.subs != me.subs {
                    st.scale = me.scale;
                    st.subs = me.subs.clone();
                }
                // One Locator / Formatter (and one category mapping) per share group.
                if st.ticks != me.ticks {
                    st.ticks = me.ticks.clone();
                }
                if st.categories != me.categories {
                    st.categories = me.categories.clone();
                }
                st.locator_last = me.locator_last;
                // `minorticks_on`/`_off` set the group's (one) minor locator (audit7).
                st.tick_params.minor_ticks = me.tick_params.minor_ticks;
                if st.lim != me.lim || st.auto != me.auto {
                    st.lim = me.lim;
                    st.auto = me.auto;
                    if !me.auto {
                        st.stale = false;
                    }
                }
            }
        }
    }

    /// `ax.get_xlim()` of Axes `id` as it stands in the figure: with `sharex`, its share
    /// group's (autoscaled over the whole group with `id`'s margins when a request is
    /// pending). An error for a handle of another figure.
    pub fn get_xlim(&self, id: AxesId) -> Result<(f64, f64)> {
        self.lim_of(id, Which::X)
    }

    /// `ax.get_ylim()` of Axes `id`: as [`Figure::get_xlim`] for y.
    pub fn get_ylim(&self, id: AxesId) -> Result<(f64, f64)> {
        self.lim_of(id, Which::Y)
    }

    /// `ax.set_xlim(left, right)` on Axes `id` of this figure: `fig[id].set_xlim(left,
    /// right)` (a shared axis' `None` or, on a log scale, non-positive bound keeps its
    /// group's current limit; the whole group takes the new limits), with an error
    /// instead of a panic for a handle of another figure. Returns the new limits; an
    /// error for a bound that is not finite.
    pub fn set_xlim(
        &mut self,
        id: AxesId,
        left: Option<f64>,
        right: Option<f64>,
    ) -> Result<(f64, f64)> {
        self.own(id)?.set_lim(Which::X, left, right)
    }

    /// `ax.set_ylim(bottom, top)` on Axes `id`: as [`Figure::set_xlim`] for y.
    pub fn set_ylim(
        &mut self,
        id: AxesId,
        bottom: Option<f64>,
        top: Option<f64>,
    ) -> Result<(f64, f64)> {
        self.own(id)?.set_lim(Which::Y, bottom, top)
    }

    /// `_unstale_viewLim` of Axes `i` with its cascade (no writer pending); the groups
    /// holding Axes `skip` are left alone.
    fn unstale(&mut self, i: usize, skip: Option<usize>) {
        let mut lims = lims_of(&self.axes);
        cascade(&self.axes, &mut lims, i, skip);
        for (a, l) in self.axes.iter_mut().zip(lims) {
            for (k, l) in l.into_iter().enumerate() {
                let st = state_mut(a, k);
                st.lim = l.lim;
                st.stale = l.stale;
            }
        }
    }

    fn own(&mut self, id: AxesId) -> Result<&mut Axes> {
        self.axes_mut(id).ok_or_else(|| foreign(id))
    }

    fn lim_of(&self, id: AxesId, which: Which) -> Result<(f64, f64)> {
        if self.axes(id).is_none() {
            return Err(foreign(id));
        }
        let f = self.resolved();
        Ok(shared_view_by(&f.axes, id.index, which, Some(id.index)))
    }
}

fn foreign(id: AxesId) -> Error {
    Error::invalid("Axes", format!("{id:?}"), "an Axes of this figure")
}

/// The view limits and autoscale request of one axis of an Axes: what
/// `_unstale_viewLim` changes.
#[derive(Debug, Clone, Copy)]
struct Lims {
    lim: (f64, f64),
    stale: bool,
}

fn lims_of(axes: &[Axes]) -> Vec<[Lims; 2]> {
    axes.iter()
        .map(|a| {
            [0, 1].map(|k| Lims {
                lim: state(a, k).lim,
                stale: state(a, k).stale,
            })
        })
        .collect()
}

fn members_of(axes: &[Axes], i: usize, k: usize) -> Vec<usize> {
    let root = axes[i].share[k];
    (0..axes.len())
        .filter(|&j| axes[j].share[k] == root)
        .collect()
}

/// matplotlib's `_unstale_viewLim` of Axes `i` on `lims`: a share group with a requested
/// autoscale is autoscaled now with `i`'s margins and keeps that view until the next
/// request; setting the group's limits reads each sibling's view (`Axis._set_lim` on the
/// siblings), which unstales the siblings' other groups with their own margins. Groups
/// holding Axes `skip` are left alone; a lone axis is its Axes' own (`Axes::unstale_view`).
fn cascade(axes: &[Axes], lims: &mut [[Lims; 2]], i: usize, skip: Option<usize>) {
    let groups = [members_of(axes, i, 0), members_of(axes, i, 1)];
    let need = [0, 1].map(|k| {
        groups[k].len() > 1
            && !skip.is_some_and(|w| groups[k].contains(&w))
            && groups[k]
                .iter()
                .any(|&j| state(&axes[j], k).auto && lims[j][k].stale)
    });
    if !need.iter().any(|&n| n) {
        return;
    }
    let mut views = [None, None];
    for k in 0..2 {
        if need[k] {
            views[k] = Some(group_autoscale(axes, lims, i, which_of(k)));
            for &j in &groups[k] {
                lims[j][k].stale = false;
            }
        }
    }
    for k in 0..2 {
        let Some(v) = views[k] else { continue };
        for &j in &groups[k] {
            lims[j][k].lim = v;
        }
        for &j in &groups[k] {
            if j != i {
                cascade(axes, lims, j, skip);
            }
        }
    }
}

/// The view limits of every Axes as the first draw sees them: it unstales each Axes'
/// view in figure order (`_unstale_viewLim` with its cascades through share groups), so
/// a stale group autoscales with the margins of the first of its Axes reached (its
/// first Axes, or a sibling's sibling through a cascade); an axis sharing nothing
/// autoscales itself when requested.
pub(crate) fn draw_views(axes: &[Axes]) -> Vec<((f64, f64), (f64, f64))> {
    let mut lims = lims_of(axes);
    for i in 0..axes.len() {
        cascade(axes, &mut lims, i, None);
    }
    (0..axes.len())
        .map(|i| {
            let shared = [0, 1].map(|k| members_of(axes, i, k).len() > 1);
            match shared {
                [false, false] => autoscale::views(&axes[i]),
                _ => {
                    let view = |k: usize| {
                        if shared[k] {
                            lims[i][k].lim
                        } else {
                            autoscale::view(&axes[i], which_of(k))
                        }
                    };
                    (view(0), view(1))
                }
            }
        })
        .collect()
}

/// The data limits of axis `which` over the Axes of `group`, their smallest positive value
/// and their sticky edges, as one autoscale of the share group reads them.
fn group_data(group: &[&Axes], which: Which) -> ((f64, f64), f64, Vec<f64>) {
    let mut lim = DataLim::default();
    let mut stickies = Vec::new();
    for a in group {
        lim = lim.union(&autoscale::data_limits(a));
        stickies.extend(autoscale::stickies(a, which));
    }
    match which {
        Which::X => (lim.x, lim.minpos.0, stickies),
        Which::Y => (lim.y, lim.minpos.1, stickies),
    }
}

/// `autoscale_view` of Axes `i`'s share group now (requested or not), with `i`'s margins.
fn group_autoscale(axes: &[Axes], lims: &[[Lims; 2]], i: usize, which: Which) -> (f64, f64) {
    let k = k_of(which);
    let root = axes[i].share[k];
    let me = state(&axes[i], k);
    let my_lim = lims[i][k].lim;
    let members: Vec<usize> = (0..axes.len())
        .filter(|&j| axes[j].share[k] == root)
        .collect();
    if let Some(&j) = members.iter().rev().find(|&&j| !state(&axes[j], k).auto) {
        return lims[j][k].lim;
    }
    let group: Vec<&Axes> = members.iter().map(|&j| &axes[j]).collect();
    let (l, minpos, stickies) = group_data(&group, which);
    if autoscale::keeps_view(l, my_lim) {
        return my_lim;
    }
    let (a, b) = autoscale::autoscale(l, minpos, &stickies, me.margin, me.scale);
    if my_lim.0 > my_lim.1 {
        (b, a)
    } else {
        (a, b)
    }
}

/// The view of axis `which` of Axes `i` over its share group (data limits, minpos and
/// sticky edges of every member), a stale group autoscaled with the margins of Axes `by` (the Axes
/// whose call read the limits) instead of its first Axes'.
fn shared_view_by(axes: &[Axes], i: usize, which: Which, by: Option<usize>) -> (f64, f64) {
    let k = k_of(which);
    let root = axes[i].share[k];
    let group: Vec<&Axes> = axes.iter().filter(|a| a.share[k] == root).collect();
    if group.len() <= 1 {
        return autoscale::view(&axes[i], which);
    }
    let me = state(&axes[i], k);
    // `set_xlim` on one Axes sets every sibling's limits and turns their autoscale off.
    if let Some(fixed) = group.iter().rev().map(|a| state(a, k)).find(|s| !s.auto) {
        return fixed.lim;
    }
    if !group.iter().any(|a| state(a, k).stale) {
        return me.lim;
    }
    let (l, minpos, stickies) = group_data(&group, which);
    if autoscale::keeps_view(l, me.lim) {
        return me.lim;
    }
    // The first Axes of the group drawn autoscales the whole group with its own margins.
    let margin = match by.and_then(|j| axes.get(j)) {
        Some(a) => state(a, k).margin,
        None => group.first().map_or(me.margin, |a| state(a, k).margin),
    };
    let (a, b) = autoscale::autoscale(l, minpos, &stickies, margin, me.scale);
    if me.lim.0 > me.lim.1 {
        (b, a)
    } else {
        (a, b)
    }
}

#[cfg(test)]
mod tests;
