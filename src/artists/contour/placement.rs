//! The placement half of `clabel` (matplotlib 3.11's `ContourLabeler.labels`,
//! `locate_label`, `_split_path_and_get_label_rotation`, `add_label_near` and
//! `_find_closest_point_on_path`), in display pixels, with NumPy's arithmetic (pairwise
//! sums, `np.interp`'s search) so the chosen blocks, angles and cuts are matplotlib's.

use super::mpl2014::{Piece, CLOSEPOLY, LINETO, MOVETO};
use super::ContourSet;
use crate::artists::hist::pairwise_sum;

/// The transforms and switches of one `labels` run.
pub(crate) struct Labeler<'a> {
    /// Data -> display.
    pub(crate) screen: &'a dyn Fn(f64, f64) -> (f64, f64),
    /// Display -> data (`transData.inverted()`).
    pub(crate) data: &'a dyn Fn(f64, f64) -> (f64, f64),
    pub(crate) inline: bool,
    pub(crate) spacing: f64,
    pub(crate) rightside_up: bool,
}

/// One placed label: display position, rotation (degrees) and its index in the label list.
pub(crate) struct Placed {
    pub(crate) x: f64,
    pub(crate) y: f64,
    pub(crate) rotation: f64,
    pub(crate) k: usize,
}

/// One connected component: vertices and codes.
type Component = (Vec<(f64, f64)>, Vec<u8>);

/// `_iter_connected_components` of a level's pieces: split at every MOVETO.
fn components(pieces: &[Piece]) -> Vec<Component> {
    let mut out: Vec<Component> = Vec::new();
    for (v, c) in pieces {
        for (&p, &code) in v.iter().zip(c) {
            if code == MOVETO || out.is_empty() {
                out.push((Vec::new(), Vec::new()));
            }
            if let Some(last) = out.last_mut() {
                last.0.push(p);
                last.1.push(code);
            }
        }
    }
    out
}

/// `ContourLabeler.labels`.
pub(crate) fn labels(
    set: &mut ContourSet,
    indices: &[usize],
    widths: &[f64],
    lb: &Labeler,
) -> Vec<Placed> {
    let mut placed: Vec<Placed> = Vec::new();
    for (k, &icon) in indices.iter().enumerate() {
        let lw = widths[k];
        let mut additions: Vec<Piece> = Vec::new();
        for (verts, codes) in components(&set.paths[icon]) {
            let scr: Vec<(f64, f64)> = verts.iter().map(|&(x, y)| (lb.screen)(x, y)).collect();
            if print_label(&scr, lw) {
                let xys: Vec<(f64, f64)> = placed.iter().map(|p| (p.x, p.y)).collect();
                let (x, y, idx) = locate_label(&scr, lw, &xys);
                let (rotation, broken) = split_path(&verts, &codes, idx, (x, y), lw, lb);
                placed.push(Placed { x, y, rotation, k });
                additions.push(broken);
            } else {
                additions.push((verts, codes));
            }
        }
        if lb.inline {
            set.paths[icon] = additions;
        }
    }
    placed
}

/// `print_label`: whether a component is long enough for a label.
fn print_label(scr: &[(f64, f64)], lw: f64) -> bool {
    if scr.len() as f64 > 10.0 * lw {
        return true;
    }
    if scr.is_empty() {
        return false;
    }
    let ptp = |f: fn(&(f64, f64)) -> f64| {
        let (lo, hi) = scr
            .iter()
            .map(f)
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
                (a.min(v), b.max(v))
            });
        hi - lo
    };
    ptp(|p| p.0) > 1.2 * lw || ptp(|p| p.1) > 1.2 * lw
}

/// `locate_label`: the middle of the straightest block of about one label width that is
/// not too close to an earlier label (else the straightest), as (x, y, vertex index).
fn locate_label(scr: &[(f64, f64)], lw: f64, placed: &[(f64, f64)]) -> (f64, f64, usize) {
    let n = scr.len();
    let n_blocks = if lw > 1.0 {
        ((n as f64 / lw).ceil() as usize).max(1)
    } else {
        1
    };
    let bs = if n_blocks == 1 {
        n
    } else {
        (lw as usize).max(1)
    };
    // np.resize: the contour repeated cyclically over n_blocks x bs.
    let at = |b: usize, i: usize| scr[(b * bs + i) % n];
    let mut distances = Vec::with_capacity(n_blocks);
    let mut terms = vec![0.0; bs];
    for b in 0..n_blocks {
        let (xf, yf) = at(b, 0);
        let (xl, yl) = at(b, bs - 1);
        let l = (xl - xf).hypot(yl - yf);
        for (i, t) in terms.iter_mut().enumerate() {
            let (x, y) = at(b, i);
            let s = (yf - y) * (xl - xf) - (xf - x) * (yl - yf);
            *t = s.abs() / l;
        }
        distances.push(pairwise_sum(&terms));
    }
    let mut adist: Vec<usize> = (0..n_blocks).collect();
    adist.sort_by(|&a, &b| {
        let (x, y) = (distances[a], distances[b]);
        match (x.is_nan(), y.is_nan()) {
            (true, true) => std::cmp::Ordering::Equal,
            (true, false) => std::cmp::Ordering::Greater,
            (false, true) => std::cmp::Ordering::Less,
            _ => x.partial_cmp(&y).unwrap_or(std::cmp::Ordering::Equal),
        }
    });
    let hb = bs / 2;
    let thresh = (1.2 * lw) * (1.2 * lw);
    let too_close = |x: f64, y: f64| {
        placed
            .iter()
            .any(|&(px, py)| (x - px) * (x - px) + (y - py) * (y - py) < thresh)
    };
    let first = adist[0];
    let mut pick = first;
    for &idx in adist.iter().chain(std::iter::once(&first)) {
        pick = idx;
        let (x, y) = at(idx, hb);
        if !too_close(x, y) {
            break;
        }
    }
    let (x, y) = at(pick, hb);
    (x, y, (pick * bs + hb) % n)
}

/// `np.interp(x, xp, fp, left, right)` for increasing `xp` (NumPy's `arr_interp`).
fn np_interp(x: f64, xp: &[f64], fp: &[f64], left: f64, right: f64) -> f64 {
    let n = xp.len();
    if x.is_nan() {
        return x;
    }
    if n == 1 {
        return if x < xp[0] {
            left
        } else if x > xp[0] {
            right
        } else {
            fp[0]
        };
    }
    if x > xp[n - 1] {
        return right;
    }
    if x < xp[0] {
        return left;
    }
    let j = xp.partition_point(|&v| v <= x).saturating_sub(1);
    if j == n - 1 || xp[j] == x {
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

/// `np.allclose` of two points (rtol 1e-5, atol 1e-8).
fn allclose(a: (f64, f64), b: (f64, f64)) -> bool {
    let c = |x: f64, y: f64| (x - y).abs() <= 1e-8 + 1e-5 * y.abs();
    c(a.0, b.0) && c(a.1, b.1)
}

/// `_split_path_and_get_label_rotation` on one connected component: the label's angle
/// and the component cut `lw / 2 + spacing` pixels either side of the label.
fn split_path(
    verts: &[(f64, f64)],
    codes: &[u8],
    idx: usize,
    screen_pos: (f64, f64),
    lw: f64,
    lb: &Labeler,
) -> (f64, Piece) {
    let mut xys = verts.to_vec();
    let mut codes = codes.to_vec();
    let pos = (lb.data)(screen_pos.0, screen_pos.1);
    if !allclose(pos, xys[idx]) {
        xys.insert(idx, pos);
        codes.insert(idx, LINETO);
    }
    // The connected component holding idx (an implicit MOVETO closes the path).
    let start = (0..=idx).rev().find(|&i| codes[i] == MOVETO).unwrap_or(0);
    let stop = (idx + 1..codes.len())
        .find(|&i| codes[i] == MOVETO)
        .unwrap_or(codes.len());
    let mut idx = idx - start;
    let closed = codes[stop - 1] == CLOSEPOLY;
    let cc: Vec<(f64, f64)> = if closed {
        let part = &xys[start..stop];
        let n = part.len();
        let mut v = part[idx..n - 1].to_vec();
        v.extend_from_slice(&part[..=idx]);
        idx = 0;
        v
    } else {
        xys[start..stop].to_vec()
    };
    let scr: Vec<(f64, f64)> = cc.iter().map(|&(x, y)| (lb.screen)(x, y)).collect();
    let mut cpl = Vec::with_capacity(scr.len());
    cpl.push(0.0);
    let mut acc = 0.0;
    for w in scr.windows(2) {
        acc += (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1);
        cpl.push(acc);
    }
    let c0 = cpl[idx];
    for v in &mut cpl {
        *v -= c0;
    }
    let mut t0 = -lw / 2.0;
    let mut t1 = lw / 2.0;
    if closed {
        t0 += cpl[cpl.len() - 1] - cpl[0];
    }
    let sx: Vec<f64> = scr.iter().map(|p| p.0).collect();
    let sy: Vec<f64> = scr.iter().map(|p| p.1).collect();
    let ip = |t: f64, f: &[f64]| np_interp(t, &cpl, f, f[0], f[f.len() - 1]);
    let (sx0, sx1, sy0, sy1) = (ip(t0, &sx), ip(t1, &sx), ip(t0, &sy), ip(t1, &sy));
    let mut angle = (sy1 - sy0).atan2(sx1 - sx0).to_degrees();
    if lb.rightside_up {
        angle = py_mod(angle + 90.0, 180.0) - 90.0;
    }
    t0 -= lb.spacing;
    t1 += lb.spacing;
    let index: Vec<f64> = (0..cpl.len()).map(|i| i as f64).collect();
    let i0 = np_interp(t0, &cpl, &index, -1.0, -1.0).floor();
    let i1 = np_interp(t1, &cpl, &index, -1.0, -1.0).ceil();
    let cx: Vec<f64> = cc.iter().map(|p| p.0).collect();
    let cy: Vec<f64> = cc.iter().map(|p| p.1).collect();
    let p0 = (ip(t0, &cx), ip(t0, &cy));
    let p1 = (ip(t1, &cx), ip(t1, &cy));
    let mut v = Vec::new();
    let mut c = Vec::new();
    if closed {
        if i0 != -1.0 && i1 != -1.0 {
            let (a, b) = (i1 as usize, i0 as usize + 1);
            v.push(p1);
            c.push(MOVETO);
            if a < b {
                v.extend_from_slice(&cc[a..b.min(cc.len())]);
            }
            v.push(p0);
            c.resize(v.len(), LINETO);
        }
    } else {
        if i0 != -1.0 {
            let b = (i0 as usize + 1).min(cc.len());
            v.extend_from_slice(&cc[..b]);
            v.push(p0);
            c.push(MOVETO);
            c.resize(v.len(), LINETO);
        }
        if i1 != -1.0 {
            let a = (i1 as usize).min(cc.len());
            v.push(p1);
            v.extend_from_slice(&cc[a..]);
            c.push(MOVETO);
            c.resize(v.len(), LINETO);
        }
    }
    // Back to the full path.
    let mut all_v = xys[..start].to_vec();
    let mut all_c = codes[..start].to_vec();
    all_v.extend(v);
    all_c.extend(c);
    all_v.extend_from_slice(&xys[stop..]);
    all_c.extend_from_slice(&codes[stop..]);
    (angle, (all_v, all_c))
}

/// `add_label_near`: the label of the labelled level nearest (on screen) to `xy`, at the
/// closest point of its path (`_find_nearest_contour`).
pub(crate) fn label_near(
    set: &mut ContourSet,
    indices: &[usize],
    widths: &[f64],
    xy: (f64, f64),
    lb: &Labeler,
) -> Option<Placed> {
    let mut best: Option<(f64, usize, usize, (f64, f64))> = None;
    for &icon in indices {
        let mut start = 0;
        for (verts, _) in components(&set.paths[icon]) {
            if verts.is_empty() {
                continue;
            }
            let scr: Vec<(f64, f64)> = verts.iter().map(|&(x, y)| (lb.screen)(x, y)).collect();
            let (d2, proj, leg) = closest_point_on_path(&scr, xy);
            if best.is_none_or(|b| d2 < b.0) {
                best = Some((d2, icon, leg + start, proj));
            }
            start += verts.len();
        }
    }
    let (_, icon, idx, proj) = best?;
    let k = indices.iter().position(|&i| i == icon)?;
    let (verts, codes): Component = components(&set.paths[icon]).into_iter().fold(
        (Vec::new(), Vec::new()),
        |(mut v, mut c), (pv, pc)| {
            v.extend(pv);
            c.extend(pc);
            (v, c)
        },
    );
    let (rotation, broken) = split_path(&verts, &codes, idx, proj, widths[k], lb);
    if lb.inline {
        set.paths[icon] = vec![broken];
    }
    Some(Placed {
        x: proj.0,
        y: proj.1,
        rotation,
        k,
    })
}

/// `_find_closest_point_on_path`: squared distance, projection and the index of the end
/// vertex of the closest segment.
fn closest_point_on_path(xys: &[(f64, f64)], p: (f64, f64)) -> (f64, (f64, f64), usize) {
    if xys.len() == 1 {
        let (dx, dy) = (p.0 - xys[0].0, p.1 - xys[0].1);
        return (dx * dx + dy * dy, xys[0], 0);
    }
    let mut best = (f64::INFINITY, xys[0], 1);
    let mut first = true;
    for (i, w) in xys.windows(2).enumerate() {
        let (dx, dy) = (w[1].0 - w[0].0, w[1].1 - w[0].1);
        let mut norm = dx * dx + dy * dy;
        if norm == 0.0 {
            norm = 1.0;
        }
        let rel = (((p.0 - w[0].0) * dx + (p.1 - w[0].1) * dy) / norm).clamp(0.0, 1.0);
        let proj = (w[0].0 + rel * dx, w[0].1 + rel * dy);
        let (ex, ey) = (proj.0 - p.0, proj.1 - p.1);
        let d2 = ex * ex + ey * ey;
        // np.argmin: the first minimum (NaN wins, as NumPy's argmin returns it).
        if first || d2 < best.0 || (d2.is_nan() && !best.0.is_nan()) {
            best = (d2, proj, i + 1);
            first = false;
        }
    }
    best
}

/// Python's float `%` for a positive divisor.
fn py_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 && m < 0.0 {
        m + b
    } else if m == 0.0 {
        0.0
    } else {
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn np_interp_matches_numpy() {
        let xp = [0.0, 1.0, 1.0, 3.0];
        let fp = [0.0, 10.0, 20.0, 40.0];
        assert_eq!(np_interp(1.0, &xp, &fp, -1.0, -1.0), 20.0);
        assert_eq!(np_interp(2.0, &xp, &fp, -1.0, -1.0), 30.0);
        assert_eq!(np_interp(-0.5, &xp, &fp, -1.0, -1.0), -1.0);
        assert_eq!(np_interp(3.5, &xp, &fp, -1.0, -2.0), -2.0);
        assert_eq!(np_interp(3.0, &xp, &fp, -1.0, -2.0), 40.0);
    }

    #[test]
    fn pairwise_sum_matches_sequential_for_short_rows() {
        let a: Vec<f64> = (0..300).map(|i| (i as f64).sqrt()).collect();
        let s = pairwise_sum(&a);
        let seq: f64 = a.iter().sum();
        assert!((s - seq).abs() < 1e-9);
        assert_eq!(pairwise_sum(&a[..5]), a[..5].iter().sum::<f64>());
    }
}
