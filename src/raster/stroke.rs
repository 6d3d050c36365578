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

/// Offsets a closed polygon by `w` along its edge normals with miter joins.
fn offset_closed(pts: &[Pt], w: f64) -> Vec<Pt> {
    let n = pts.len();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let prev = pts[(i + n - 1) % n];
        let cur = pts[i];
        let next = pts[(i + 1) % n];
        let (Some(n0), Some(n1)) = (unit_normal(prev, cur), unit_normal(cur, next)) else {
            continue;
        };
        let a = (prev.0 + n0.0 * w, prev.1 + n0.1 * w);
        let b = (cur.0 + n1.0 * w, cur.1 + n1.1 * w);
        let d0 = (cur.0 - prev.0, cur.1 - prev.1);
        let d1 = (next.0 - cur.0, next.1 - cur.1);
        out.push(intersect(a, d0, b, d1).unwrap_or((cur.0 + n1.0 * w, cur.1 + n1.1 * w)));
    }
    out
}

/// The outline of a stroke of width `width` along `pts`, as polygons to fill with the non-zero
/// rule. A closed path gets miter joins everywhere; an open one gets `cap` at both ends and
/// miter joins inside.
pub fn stroke(pts: &[Pt], closed: bool, width: f64, cap: Cap) -> Vec<Vec<Pt>> {
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
        let outer = offset_closed(&pts, w);
        let mut inner = offset_closed(&pts, -w);
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
            let (a, b) = if i + 1 < n { (pts[i], pts[i + 1]) } else { (pts[i - 1], pts[i]) };
            let Some(nr) = unit_normal(a, b) else { continue };
            if i == 0 || i + 1 == n {
                out.push((pts[i].0 + nr.0 * w, pts[i].1 + nr.1 * w));
            } else {
                let prev = pts[i - 1];
                let Some(n0) = unit_normal(prev, pts[i]) else { continue };
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
        let polys = stroke(&[(2.5, 1.5), (2.5, 5.5)], false, 1.0, Cap::Projecting);
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
        let polys = stroke(&[(1.0, 1.0), (5.0, 1.0), (5.0, 4.0), (1.0, 4.0)], true, 1.0, Cap::Butt);
        assert_eq!(polys.len(), 2);
        assert!(polys[0].contains(&(0.5, 0.5)) || polys[0].contains(&(5.5, 4.5)));
        assert!(polys[1].contains(&(1.5, 1.5)) || polys[1].contains(&(4.5, 3.5)));
    }
}
