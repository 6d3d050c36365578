//! `fill_between`, `fill_betweenx` and `stackplot`: matplotlib 3.11's
//! `FillBetweenPolyCollection` (one polygon per contiguous `where` region, with `step`
//! and `interpolate`), coloured from the patch cycle (`stackplot`: the line cycle).

use super::collection::Collection;
use super::line::LineStyle;
use super::values::PlotData;
use super::{cycle_color, Artist, ArtistHandle, DataLim};
use crate::axes::Axes;
use crate::color::Color;
use crate::scene::CapStyle;
use crate::{Error, Result};

/// `step=` of `fill_between` and `where=` of `step`: where the steps occur.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StepWhere {
    /// `'pre'`: the interval `(t[i-1], t[i]]` has the value `f[i]` (`step`'s default).
    #[default]
    Pre,
    /// `'mid'`: steps half-way between the positions.
    Mid,
    /// `'post'`: the interval `[t[i], t[i+1])` has the value `f[i]`.
    Post,
}

impl std::str::FromStr for StepWhere {
    type Err = Error;
    fn from_str(s: &str) -> Result<StepWhere> {
        match s {
            "pre" => Ok(StepWhere::Pre),
            "mid" => Ok(StepWhere::Mid),
            "post" => Ok(StepWhere::Post),
            _ => Err(Error::invalid(
                "step",
                format!("{s:?}"),
                "'pre', 'mid' or 'post'",
            )),
        }
    }
}

/// Options of [`Axes::fill_between`] / [`Axes::fill_betweenx`] (matplotlib's keywords).
///
/// ```
/// use figbuf::{Figure, FillBetweenOptions, StepWhere};
/// let mut fig = Figure::new(6.4, 4.8, 100.0);
/// let ax = fig.add_subplot();
/// let x = [0.0, 1.0, 2.0, 3.0];
/// let o = FillBetweenOptions::default()
///     .y2(vec![0.5])
///     .where_(vec![true, true, false, true])
///     .step(StepWhere::Mid)
///     .alpha(0.3)
///     .label("band");
/// fig[ax].fill_between(&x, &[1.0, 2.0, 1.0, 0.0], o).unwrap();
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FillBetweenOptions {
    /// `y2=` (`x2=` of `fill_betweenx`): one value or one per point (0).
    pub y2: Option<Vec<f64>>,
    /// `where=`: the points to fill between (a region needs two adjacent true points).
    pub where_: Option<Vec<bool>>,
    /// `interpolate=`: extend regions to where the curves cross.
    pub interpolate: bool,
    /// `step=`.
    pub step: Option<StepWhere>,
    /// `color` (face and edge).
    pub color: Option<String>,
    /// `facecolor` (the patch cycle's next colour when neither it nor `color` is set).
    pub facecolor: Option<String>,
    /// `edgecolor` ('none').
    pub edgecolor: Option<String>,
    /// `alpha`.
    pub alpha: Option<f64>,
    /// `label`.
    pub label: Option<String>,
    /// `linewidth` in points (rc `patch.linewidth`, 1).
    pub linewidth: Option<f64>,
    /// `linestyle` of the edge (solid).
    pub linestyle: Option<LineStyle>,
    /// `zorder` (1).
    pub zorder: Option<f64>,
    /// `hatch` (none when unset).
    pub hatch: Option<String>,
}

option_setters!(FillBetweenOptions {
    /// `hatch=`: the hatch pattern, e.g. `"//"`.
    hatch: impl Into<String> => hatch = some_into;
    /// `y2=` / `x2=`: one value or one per point.
    y2: Vec<f64> => y2 = Some;
    /// `where=`.
    where_: Vec<bool> => where_ = Some;
    /// `interpolate=`.
    interpolate: bool => interpolate;
    /// `step=`.
    step: StepWhere => step = Some;
    /// `color=`.
    color: impl Into<String> => color = some_into;
    /// `facecolor=`.
    facecolor: impl Into<String> => facecolor = some_into;
    /// `edgecolor=`.
    edgecolor: impl Into<String> => edgecolor = some_into;
    /// `alpha=`.
    alpha: f64 => alpha = Some;
    /// `label=`.
    label: impl Into<String> => label = some_into;
    /// `linewidth=` in points.
    linewidth: f64 => linewidth = Some;
    /// `linestyle=`.
    linestyle: LineStyle => linestyle = Some;
    /// `zorder=`.
    zorder: f64 => zorder = Some;
});

/// Options of [`Axes::stackplot`].
///
/// ```
/// use figbuf::{Figure, StackplotOptions};
/// let mut fig = Figure::new(6.4, 4.8, 100.0);
/// let ax = fig.add_subplot();
/// let o = StackplotOptions::default().labels(vec!["a".into(), "b".into()]);
/// fig[ax].stackplot(&[1.0, 2.0, 3.0], &[vec![1.0, 2.0, 1.0], vec![2.0, 1.0, 2.0]], o).unwrap();
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StackplotOptions {
    /// `labels=`: one per layer (fewer leave the rest unlabelled).
    pub labels: Vec<String>,
    /// `colors=`: cycled over the layers (the line cycle's next colours when unset).
    pub colors: Option<Vec<String>>,
    /// `baseline=`: 'zero' (default), 'sym' or 'wiggle'.
    pub baseline: Option<String>,
    /// `alpha`.
    pub alpha: Option<f64>,
    /// `edgecolor`.
    pub edgecolor: Option<String>,
    /// `linewidth` in points.
    pub linewidth: Option<f64>,
    /// `zorder` (1).
    pub zorder: Option<f64>,
}

option_setters!(StackplotOptions {
    /// `labels=`.
    labels: Vec<String> => labels;
    /// `colors=`.
    colors: Vec<String> => colors = Some;
    /// `baseline=`.
    baseline: impl Into<String> => baseline = some_into;
    /// `alpha=`.
    alpha: f64 => alpha = Some;
    /// `edgecolor=`.
    edgecolor: impl Into<String> => edgecolor = some_into;
    /// `linewidth=` in points.
    linewidth: f64 => linewidth = Some;
    /// `zorder=`.
    zorder: f64 => zorder = Some;
});

pub(crate) fn color_of(what: &str, s: &str) -> Result<Color> {
    Color::parse(s).map_err(|_| Error::invalid(what, format!("{s:?}"), "a matplotlib colour"))
}

/// `cbook.contiguous_regions`: `(start, end)` of every run of true values.
pub(crate) fn contiguous_regions(mask: &[bool]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, &m) in mask.iter().enumerate() {
        match (m, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, mask.len()));
    }
    out
}

/// `cbook.pts_to_{pre,mid,post}step` of `t` and its dependent arrays.
pub(crate) fn steps(kind: StepWhere, t: &[f64], fs: &[&[f64]]) -> (Vec<f64>, Vec<Vec<f64>>) {
    let n = t.len();
    match kind {
        StepWhere::Pre | StepWhere::Post => {
            let m = (2 * n).saturating_sub(1);
            let mut st = vec![0.0; m];
            let mut sf = vec![vec![0.0; m]; fs.len()];
            for i in 0..n {
                st[2 * i] = t[i];
                for (k, f) in fs.iter().enumerate() {
                    sf[k][2 * i] = f[i];
                }
            }
            for i in 0..n.saturating_sub(1) {
                if kind == StepWhere::Pre {
                    st[2 * i + 1] = t[i];
                    for (k, f) in fs.iter().enumerate() {
                        sf[k][2 * i + 1] = f[i + 1];
                    }
                } else {
                    st[2 * i + 1] = t[i + 1];
                    for (k, f) in fs.iter().enumerate() {
                        sf[k][2 * i + 1] = f[i];
                    }
                }
            }
            (st, sf)
        }
        StepWhere::Mid => {
            let m = 2 * n;
            let mut st = vec![0.0; m];
            let mut sf = vec![vec![0.0; m]; fs.len()];
            if n > 0 {
                st[0] = t[0];
                st[m - 1] = t[n - 1];
            }
            for i in 0..n.saturating_sub(1) {
                let mid = (t[i] + t[i + 1]) / 2.0;
                st[2 * i + 1] = mid;
                st[2 * i + 2] = mid;
            }
            for (k, f) in fs.iter().enumerate() {
                for i in 0..n {
                    sf[k][2 * i] = f[i];
                    sf[k][2 * i + 1] = f[i];
                }
            }
            (st, sf)
        }
    }
}

/// `np.interp(x, xp, fp)` for increasing `xp` of one or two points (numpy's rules).
fn interp(x: f64, xp: &[f64], fp: &[f64]) -> f64 {
    let n = xp.len();
    if n == 1 {
        return fp[0];
    }
    let j: isize = if x > xp[n - 1] {
        n as isize
    } else if x < xp[0] {
        -1
    } else {
        let mut i = 1;
        while i < n && x >= xp[i] {
            i += 1;
        }
        i as isize - 1
    };
    if j == -1 {
        return fp[0];
    }
    let j = j as usize;
    if j >= n - 1 {
        return fp[n - 1];
    }
    if xp[j] == x {
        return fp[j];
    }
    let slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
    let mut r = slope * (x - xp[j]) + fp[j];
    if r.is_nan() {
        r = slope * (x - xp[j + 1]) + fp[j + 1];
        if r.is_nan() && fp[j] == fp[j + 1] {
            r = fp[j];
        }
    }
    r
}

/// `_get_diff_root`: `np.interp(x, xp[order], fp[order])` with `order = xp.argsort()`.
fn diff_root(x: f64, xp: &[f64], fp: &[f64]) -> f64 {
    if xp.len() == 2 && (xp[0] > xp[1] || xp[0].is_nan() && !xp[1].is_nan()) {
        interp(x, &[xp[1], xp[0]], &[fp[1], fp[0]])
    } else {
        interp(x, xp, fp)
    }
}

/// `_get_interpolating_points` at index `idx` (masked values are NaN).
fn interpolating_point(t: &[f64], f1: &[f64], f2: &[f64], idx: usize) -> (f64, f64) {
    let im1 = idx.saturating_sub(1);
    let hi = (idx + 1).min(t.len());
    let tv = &t[im1..hi];
    let f1v = &f1[im1..hi];
    let dv: Vec<f64> = (im1..hi).map(|i| f1[i] - f2[i]).collect();
    if dv.len() == 2 {
        if dv[1].is_nan() {
            return (t[im1], f1[im1]);
        } else if dv[0].is_nan() {
            return (t[idx], f1[idx]);
        }
    }
    let rt = diff_root(0.0, &dv, tv);
    let rf = diff_root(rt, tv, f1v);
    (rt, rf)
}

/// Broadcasts a one-or-n list to n (`np.broadcast_arrays`), naming `what` on a mismatch.
pub(crate) fn broadcast(call: &str, what: &str, v: &[f64], n: usize) -> Result<Vec<f64>> {
    match v.len() {
        1 => Ok(vec![v[0]; n]),
        m if m == n => Ok(v.to_vec()),
        m => Err(Error::invalid(
            call,
            format!("{what} of size {m}"),
            format!("one value or {n} (the size of the positions)"),
        )),
    }
}

/// The polygons of `FillBetweenPolyCollection._make_verts` in (t, f) coordinates and
/// the points of its data limits.
#[allow(clippy::type_complexity)]
pub(crate) fn fill_verts(
    call: &str,
    t: &[f64],
    f1: &[f64],
    f2: &[f64],
    where_: Option<&[bool]>,
    interpolate: bool,
    step: Option<StepWhere>,
) -> Result<(Vec<Vec<(f64, f64)>>, Vec<(f64, f64)>)> {
    let n = t.len().max(f1.len()).max(f2.len());
    if t.len() > 1 && f1.len() > 1 && t.len() != f1.len() {
        return Err(Error::invalid(
            call,
            format!(
                "positions of size {} and values of size {}",
                t.len(),
                f1.len()
            ),
            "arrays of the same size",
        ));
    }
    let t = broadcast(call, "positions", t, n)?;
    let f1 = broadcast(call, "first curve", f1, n)?;
    let f2 = broadcast(call, "second curve", f2, n)?;
    let mut mask: Vec<bool> = (0..n)
        .map(|i| t[i].is_finite() && f1[i].is_finite() && f2[i].is_finite())
        .collect();
    if let Some(w) = where_ {
        if w.len() != n {
            return Err(Error::invalid(
                call,
                format!("where of size {}", w.len()),
                format!("one flag per position ({n})"),
            ));
        }
        for (m, &w) in mask.iter_mut().zip(w) {
            *m &= w;
        }
    }
    // masked_invalid: masked values take part in the interpolation as missing.
    let nanify = |v: &[f64]| -> Vec<f64> {
        v.iter()
            .map(|&x| if x.is_finite() { x } else { f64::NAN })
            .collect()
    };
    let (t, f1, f2) = (nanify(&t), nanify(&f1), nanify(&f2));
    let mut lim_pts = Vec::new();
    for i in (0..n).filter(|&i| mask[i]) {
        lim_pts.push((t[i], f1[i]));
    }
    for i in (0..n).filter(|&i| mask[i]) {
        lim_pts.push((t[i], f2[i]));
    }
    let mut polys = Vec::new();
    for (i0, i1) in contiguous_regions(&mask) {
        let (ts, fs) = match step {
            Some(k) => steps(k, &t[i0..i1], &[&f1[i0..i1], &f2[i0..i1]]),
            None => (
                t[i0..i1].to_vec(),
                vec![f1[i0..i1].to_vec(), f2[i0..i1].to_vec()],
            ),
        };
        let (s1, s2) = (&fs[0], &fs[1]);
        let m = ts.len();
        let (start, end) = if interpolate {
            (
                interpolating_point(&t, &f1, &f2, i0),
                interpolating_point(&t, &f1, &f2, i1),
            )
        } else {
            ((ts[0], s2[0]), (ts[m - 1], s2[m - 1]))
        };
        let mut pts = Vec::with_capacity(2 * m + 2);
        pts.push(start);
        pts.extend(ts.iter().copied().zip(s1.iter().copied()));
        pts.push(end);
        pts.extend(ts.iter().rev().copied().zip(s2.iter().rev().copied()));
        polys.push(pts);
    }
    Ok((polys, lim_pts))
}

/// `add_collection`'s data limits: the bbox corners of the points and their `minpos`.
fn collection_limits(pts: &[(f64, f64)]) -> DataLim {
    let mut bb = DataLim::default();
    for &(x, y) in pts {
        bb.add(Some(x), Some(y));
    }
    let mut lim = DataLim::default();
    if bb.x.0 <= bb.x.1 {
        lim.add(Some(bb.x.0), Some(bb.y.0));
        lim.add(Some(bb.x.1), Some(bb.y.1));
        lim.add(Some(bb.minpos.0), Some(bb.minpos.1));
    }
    lim
}

impl Axes {
    /// `ax.fill_between(x, y1, y2=0, where, interpolate, step, **kwargs)`: fills between
    /// two curves of x (a `FillBetweenPolyCollection`).
    pub fn fill_between(
        &mut self,
        x: impl PlotData,
        y1: impl PlotData,
        opts: FillBetweenOptions,
    ) -> Result<ArtistHandle> {
        self.fill_between_dir("fill_between", x.to_f64_vec(), y1.to_f64_vec(), opts, false)
    }

    /// `ax.fill_betweenx(y, x1, x2=0, ...)`: fills between two curves of y (`opts.y2` is
    /// `x2`).
    pub fn fill_betweenx(
        &mut self,
        y: impl PlotData,
        x1: impl PlotData,
        opts: FillBetweenOptions,
    ) -> Result<ArtistHandle> {
        self.fill_between_dir("fill_betweenx", y.to_f64_vec(), x1.to_f64_vec(), opts, true)
    }

    fn fill_between_dir(
        &mut self,
        call: &str,
        t: Vec<f64>,
        f1: Vec<f64>,
        o: FillBetweenOptions,
        swap: bool,
    ) -> Result<ArtistHandle> {
        if let Some(h) = &o.hatch {
            super::hatch::validate(h)?;
        }
        if let Some(a) = o.alpha {
            if !(0.0..=1.0).contains(&a) {
                return Err(Error::invalid("alpha", a, "within 0..=1"));
            }
        }
        if let Some(lw) = o.linewidth {
            if !(lw.is_finite() && lw >= 0.0) {
                return Err(Error::invalid(
                    "linewidth",
                    lw,
                    "a finite, non-negative number",
                ));
            }
        }
        let color = o
            .color
            .as_deref()
            .map(|c| color_of("color", c))
            .transpose()?;
        let face_kw = o
            .facecolor
            .as_deref()
            .map(|c| face_of("facecolor", c))
            .transpose()?;
        let edge_kw = o
            .edgecolor
            .as_deref()
            .map(|c| face_of("edgecolor", c))
            .transpose()?;
        let f2 = o.y2.clone().unwrap_or_else(|| vec![0.0]);
        let (polys, lim_pts) = fill_verts(
            call,
            &t,
            &f1,
            &f2,
            o.where_.as_deref(),
            o.interpolate,
            o.step,
        )?;
        let face = match (face_kw, color) {
            (Some(f), _) => f,
            (None, Some(c)) => Some(c),
            (None, None) => {
                let c = cycle_color(self.plot.patch_cycle);
                self.plot.patch_cycle += 1;
                Some(c)
            }
        };
        let edge = match edge_kw {
            Some(e) => e,
            None => color,
        };
        let sw = |p: (f64, f64)| if swap { (p.1, p.0) } else { p };
        let polys: Vec<Vec<(f64, f64)>> = polys
            .into_iter()
            .map(|p| p.into_iter().map(sw).collect())
            .collect();
        let lim_pts: Vec<(f64, f64)> = lim_pts.into_iter().map(sw).collect();
        let c = Collection {
            paths: polys,
            closed: true,
            face,
            edge,
            linewidth_pt: o.linewidth.unwrap_or(1.0),
            linestyle: o.linestyle.clone().unwrap_or(LineStyle::Solid),
            alpha: o.alpha,
            zorder: o.zorder.unwrap_or(1.0),
            label: o.label.clone(),
            limits: collection_limits(&lim_pts),
            single_path_shortcut: true,
            capstyle: CapStyle::Butt,
            hatch: o.hatch.clone(),
        };
        self.unstale_for_collection();
        std::sync::Arc::make_mut(&mut self.plot.artists).push(Artist::Collection(c));
        self.request_autoscale(true, true);
        Ok(ArtistHandle {
            axes: self.id,
            index: self.plot.artists.len() - 1,
        })
    }

    /// `ax.stackplot(x, *ys, labels, colors, baseline)`: stacked `fill_between` layers,
    /// one handle per layer; the first layer is sticky at y = 0.
    pub fn stackplot(
        &mut self,
        x: impl PlotData,
        ys: &[Vec<f64>],
        o: StackplotOptions,
    ) -> Result<Vec<ArtistHandle>> {
        let x = x.to_f64_vec();
        let n = x.len();
        for y in ys {
            if y.len() != n {
                return Err(Error::invalid(
                    "stackplot",
                    format!("a layer of size {} for {n} x values", y.len()),
                    "layers of the size of x",
                ));
            }
        }
        let colors: Vec<String> = match &o.colors {
            Some(c) if !c.is_empty() => c.clone(),
            Some(_) => return Err(Error::invalid("stackplot", "colors=[]", "some colours")),
            None => (0..ys.len())
                .map(|_| {
                    let i = self.plot.line_cycle;
                    self.plot.line_cycle += 1;
                    format!("C{}", i % 10)
                })
                .collect(),
        };
        let m = ys.len();
        // np.cumsum over the layers.
        let mut stack: Vec<Vec<f64>> = Vec::with_capacity(m);
        for (i, y) in ys.iter().enumerate() {
            let row = match i {
                0 => y.clone(),
                _ => stack[i - 1].iter().zip(y).map(|(a, b)| a + b).collect(),
            };
            stack.push(row);
        }
        let first: Vec<f64> = match o.baseline.as_deref().unwrap_or("zero") {
            "zero" => vec![0.0],
            "sym" => {
                let f: Vec<f64> = (0..n)
                    .map(|j| -ys.iter().fold(0.0, |s, y| s + y[j]) * 0.5)
                    .collect();
                for row in &mut stack {
                    for (v, b) in row.iter_mut().zip(&f) {
                        *v += b;
                    }
                }
                f
            }
            "wiggle" => {
                let mf = m as f64;
                let f: Vec<f64> = (0..n)
                    .map(|j| {
                        let s = ys
                            .iter()
                            .enumerate()
                            .fold(0.0, |s, (i, y)| s + y[j] * (mf - 0.5 - i as f64));
                        s / -mf
                    })
                    .collect();
                for row in &mut stack {
                    for (v, b) in row.iter_mut().zip(&f) {
                        *v += b;
                    }
                }
                f
            }
            other => {
                return Err(Error::invalid(
                    "stackplot baseline",
                    format!("{other:?}"),
                    "'zero', 'sym' or 'wiggle'",
                ))
            }
        };
        let mut out = Vec::with_capacity(m);
        for i in 0..m {
            let (lo, hi) = if i == 0 {
                (first.clone(), stack[0].clone())
            } else {
                (stack[i - 1].clone(), stack[i].clone())
            };
            let mut fo = FillBetweenOptions::default()
                .y2(hi)
                .facecolor(colors[i % colors.len()].clone());
            fo.label = o.labels.get(i).cloned();
            fo.alpha = o.alpha;
            fo.edgecolor = o.edgecolor.clone();
            fo.linewidth = o.linewidth;
            fo.zorder = o.zorder;
            let h = self.fill_between_dir("stackplot", x.clone(), lo, fo, false)?;
            if i == 0 {
                self.plot.y.stickies.push(0.0);
            }
            out.push(h);
        }
        Ok(out)
    }
}

/// A colour or 'none'.
fn face_of(what: &str, s: &str) -> Result<Option<Color>> {
    if s.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    color_of(what, s).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_and_steps() {
        assert_eq!(
            contiguous_regions(&[true, true, false, true]),
            vec![(0, 2), (3, 4)]
        );
        let (t, f) = steps(StepWhere::Pre, &[0.0, 1.0, 2.0], &[&[1.0, 2.0, 3.0]]);
        assert_eq!(t, vec![0.0, 0.0, 1.0, 1.0, 2.0]);
        assert_eq!(f[0], vec![1.0, 2.0, 2.0, 3.0, 3.0]);
        let (t, f) = steps(StepWhere::Post, &[0.0, 1.0, 2.0], &[&[1.0, 2.0, 3.0]]);
        assert_eq!(t, vec![0.0, 1.0, 1.0, 2.0, 2.0]);
        assert_eq!(f[0], vec![1.0, 1.0, 2.0, 2.0, 3.0]);
        let (t, _) = steps(StepWhere::Mid, &[0.0, 1.0, 2.0], &[&[1.0, 2.0, 3.0]]);
        assert_eq!(t, vec![0.0, 0.5, 0.5, 1.5, 1.5, 2.0]);
    }

    #[test]
    fn interpolated_crossing() {
        // f1 - f2 goes from -1 to 1 between t = 0 and 1: the root is at 0.5.
        let p = interpolating_point(&[0.0, 1.0], &[0.0, 2.0], &[1.0, 1.0], 1);
        assert_eq!(p, (0.5, 1.0));
    }
}
