//! Stroke outlines: a polyline of a given width turned into polygons, as Agg's
//! `vcgen_stroke` does for the cases matplotlib's figure uses (butt and projecting caps, miter
//! joins). The polygons are filled with the non-zero rule.

/// How the open ends of a stroke end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cap {
    /// The stroke ends at the end point.
    Butt,
    /// The stroke extends half its width past the end point (matplotlib's 'projecting').
    Projecting,
}

type Pt = (f64, f64);

fn unit_normal(a: Pt, b: Pt) -> Option<Pt> {
    let dx = b.0 - a.0;
    let dy = b.1 - a.1;
    let len = (dx * dx + dy * dy).sqrt();
    (len > 0.0).then(|| (dy / len, -dx / len))
}

/// The intersection of the line through `p` with direction `d` and the line through `q` with
/// direction `e`, if they are not parallel.
fn intersect(p: Pt, d: Pt, q: Pt, e: Pt) -> Option<Pt> {
    let den = d.0 * e.1 - d.1 * e.0;
    if den.abs() < 1e-12 {
        return None;
    }
    let t = ((q.0 - p.0) * e.1 - (q.1 - p.1) * e.0) / den;
    Some((p.0 + d.0 * t, p.1 + d.1 * t))
}

/// Offsets a closed polygon by `w` along its edge normals, joining edges the way Agg's
/// `math_stroke::calc_join` does with `miter_join_revert`: an outer corner gets the miter
/// point when it lies within `miter_limit * |w|` of the vertex and a bevel otherwise; an
/// inner corner gets the miter point within `max(min(len1, len2) / |w|, 1.01) * |w|`.
fn offset_closed(pts: &[Pt], w: f64, miter_limit: f64) -> Vec<Pt> {
    let n = pts.len();
    let mut out = Vec::with_capacity(n * 2);
    for i in 0..n {
        let v0 = pts[(i + n - 1) % n];
        let v1 = pts[i];
        let v2 = pts[(i + 1) % n];
        let len1 = ((v1.0 - v0.0).powi(2) + (v1.1 - v0.1).powi(2)).sqrt();
        let len2 = ((v2.0 - v1.0).powi(2) + (v2.1 - v1.1).powi(2)).sqrt();
        if len1 == 0.0 || len2 == 0.0 {
            continue;
        }
        let (dx1, dy1) = (w * (v1.1 - v0.1) / len1, w * (v1.0 - v0.0) / len1);
        let (dx2, dy2) = (w * (v2.1 - v1.1) / len2, w * (v2.0 - v1.0) / len2);
        let p1 = (v1.0 + dx1, v1.1 - dy1);
        let p2 = (v1.0 + dx2, v1.1 - dy2);
        let cp = (v2.0 - v1.0) * (v1.1 - v0.1) - (v2.1 - v1.1) * (v1.0 - v0.0);
        let inner = cp != 0.0 && (cp > 0.0) == (w > 0.0);
        let limit = if inner {
            (len1.min(len2) / w.abs()).max(1.01)
        } else {
            miter_limit
        };
        let d0 = (v1.0 - v0.0, v1.1 - v0.1);
        let d1 = (v2.0 - v1.0, v2.1 - v1.1);
        match intersect((v0.0 + dx1, v0.1 - dy1), d0, p2, d1) {
            Some(xi) => {
                let di = ((xi.0 - v1.0).powi(2) + (xi.1 - v1.1).powi(2)).sqrt();
                if di <= w.abs() * limit {
                    out.push(xi);
                } else {
                    out.push(p1);
                    out.push(p2);
                }
            }
            // Collinear: the segments continue each other.
            None => out.push(p1),
        }
    }
    out
}

/// The outline of a stroke of width `width` along `pts`, as polygons to fill with the non-zero
/// rule. A closed path gets miter joins everywhere; an open one gets `cap` at both ends and
/// miter joins inside.
///
/// `miter_limit` bounds outer miter joins: a corner whose miter point lies farther than
/// `miter_limit * width / 2` from the vertex is bevelled. Measured on matplotlib's Agg
/// output: a corner is mitered while its miter ratio `1 / sin(angle / 2)` stays within
/// the line width in pixels (1.5 pt at 100 dpi switches between 56 and 58 degrees, where the
/// ratio crosses 2.08), so callers pass the width in pixels.
pub fn stroke(pts: &[Pt], closed: bool, width: f64, cap: Cap, miter_limit: f64) -> Vec<Vec<Pt>> {
    let w = width / 2.0;
    let mut pts: Vec<Pt> = pts.to_vec();
    pts.dedup();
    if closed {
        if pts.len() > 1 && pts.first() == pts.last() {
            pts.pop();
        }
        if pts.len() < 3 {
            return Vec::new();
        }
        let outer = offset_closed(&pts, w, miter_limit);
        let mut inner = offset_closed(&pts, -w, miter_limit);
        inner.reverse();
        return vec![outer, inner];
    }
    if pts.len() < 2 {
        return Vec::new();
    }
    if cap == Cap::Projecting {
        let n = pts.len();
        let extend = |a: Pt, b: Pt| {
            let dx = b.0 - a.0;
            let dy = b.1 - a.1;
            let len = (dx * dx + dy * dy).sqrt();
            (b.0 + dx / len * w, b.1 + dy / len * w)
        };
        let first = extend(pts[1], pts[0]);
        let last = extend(pts[n - 2], pts[n - 1]);
        pts[0] = first;
        pts[n - 1] = last;
    }
    // Left side forward, right side backward; inner vertices joined with miters.
    let side = |pts: &[Pt], w: f64| -> Vec<Pt> {
        let n = pts.len();
        let mut out = Vec::with_capacity(n);
        for i in 0..n {
            let (a, b) = if i + 1 < n {
                (pts[i], pts[i + 1])
            } else {
                (pts[i - 1], pts[i])
            };
            let Some(nr) = unit_normal(a, b) else {
                continue;
            };
            if i == 0 || i + 1 == n {
                out.push((pts[i].0 + nr.0 * w, pts[i].1 + nr.1 * w));
            } else {
                let prev = pts[i - 1];
                let Some(n0) = unit_normal(prev, pts[i]) else {
                    continue;
                };
                let p = (prev.0 + n0.0 * w, prev.1 + n0.1 * w);
                let q = (pts[i].0 + nr.0 * w, pts[i].1 + nr.1 * w);
                let d0 = (pts[i].0 - prev.0, pts[i].1 - prev.1);
                let d1 = (pts[i + 1].0 - pts[i].0, pts[i + 1].1 - pts[i].1);
                out.push(intersect(p, d0, q, d1).unwrap_or(q));
            }
        }
        out
    };
    let mut outline = side(&pts, w);
    let mut back = side(&pts, -w);
    back.reverse();
    outline.extend(back);
    vec![outline]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projecting_vertical_segment_is_a_rectangle() {
        let polys = stroke(&[(2.5, 1.5), (2.5, 5.5)], false, 1.0, Cap::Projecting, 4.0);
        assert_eq!(polys.len(), 1);
        let p = &polys[0];
        let xs: Vec<f64> = p.iter().map(|q| q.0).collect();
        let ys: Vec<f64> = p.iter().map(|q| q.1).collect();
        assert_eq!(xs.iter().cloned().fold(f64::INFINITY, f64::min), 2.0);
        assert_eq!(xs.iter().cloned().fold(f64::NEG_INFINITY, f64::max), 3.0);
        assert_eq!(ys.iter().cloned().fold(f64::INFINITY, f64::min), 1.0);
        assert_eq!(ys.iter().cloned().fold(f64::NEG_INFINITY, f64::max), 6.0);
    }

    #[test]
    fn closed_rectangle_gives_outer_and_inner_rings() {
        let square = [(1.0, 1.0), (5.0, 1.0), (5.0, 4.0), (1.0, 4.0)];
        let polys = stroke(&square, true, 1.0, Cap::Butt, 4.0);
        assert_eq!(polys.len(), 2);
        assert_eq!(polys[0].len(), 4);
        assert!(polys[0].contains(&(0.5, 0.5)) || polys[0].contains(&(5.5, 4.5)));
        assert!(polys[1].contains(&(1.5, 1.5)) || polys[1].contains(&(4.5, 3.5)));
        // Below the miter limit the outer corners are bevelled: two points each.
        let bevelled = stroke(&square, true, 1.0, Cap::Butt, 0.8);
        assert_eq!(bevelled[0].len(), 8);
    }
}
