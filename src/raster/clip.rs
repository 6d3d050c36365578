//! matplotlib's `PathClipper` (src/path_converters.h) for straight-line paths: what Agg's
//! `draw_path` does to a path without a face (a stroke) before stroking it. Each segment is
//! clipped to the canvas grown by one pixel, `(-1, -1)..(width + 1, height + 1)`, with Agg's
//! `clip_line_segment` (Liang-Barsky flags, `clip_move_point` arithmetic); a segment whose
//! first point moved starts a new sub-path, and a closed path is only closed again when no
//! segment was clipped.

type Pt = (f64, f64);

const X2: u32 = 1; // x > x2
const Y2: u32 = 2; // y > y2
const X1: u32 = 4; // x < x1
const Y1: u32 = 8; // y < y1
const X_CLIPPED: u32 = X1 | X2;
const Y_CLIPPED: u32 = Y1 | Y2;

/// `(x1, y1, x2, y2)` of the clip box.
type Rect = (f64, f64, f64, f64);

fn flags(x: f64, y: f64, r: Rect) -> u32 {
    (u32::from(x > r.2) * X2)
        | (u32::from(y > r.3) * Y2)
        | (u32::from(x < r.0) * X1)
        | (u32::from(y < r.1) * Y1)
}

/// `agg::clip_move_point`: moves `p` (an end of `a`-`b` with clip `flags`) onto the box.
fn move_point(a: Pt, b: Pt, r: Rect, p: &mut Pt, f: u32) -> bool {
    if f & X_CLIPPED != 0 {
        if a.0 == b.0 {
            return false;
        }
        let bound = if f & X1 != 0 { r.0 } else { r.2 };
        p.1 = (bound - a.0) * (b.1 - a.1) / (b.0 - a.0) + a.1;
        p.0 = bound;
    }
    let f = (u32::from(p.1 > r.3) * Y2) | (u32::from(p.1 < r.1) * Y1);
    if f & Y_CLIPPED != 0 {
        if a.1 == b.1 {
            return false;
        }
        let bound = if f & Y1 != 0 { r.1 } else { r.3 };
        p.0 = (bound - a.1) * (b.0 - a.0) / (b.1 - a.1) + a.0;
        p.1 = bound;
    }
    true
}

/// `agg::clip_line_segment`: the clipped segment and `moved` (0 visible, bit 0 first point
/// moved, bit 1 second point moved, 4 fully clipped).
fn clip_segment(a: Pt, b: Pt, r: Rect) -> (Pt, Pt, u32) {
    let f1 = flags(a.0, a.1, r);
    let f2 = flags(b.0, b.1, r);
    if f1 | f2 == 0 {
        return (a, b, 0);
    }
    if f1 & X_CLIPPED != 0 && f1 & X_CLIPPED == f2 & X_CLIPPED {
        return (a, b, 4);
    }
    if f1 & Y_CLIPPED != 0 && f1 & Y_CLIPPED == f2 & Y_CLIPPED {
        return (a, b, 4);
    }
    let (mut p, mut q) = (a, b);
    let mut ret = 0;
    if f1 != 0 {
        if !move_point(a, b, r, &mut p, f1) || p == q {
            return (p, q, 4);
        }
        ret |= 1;
    }
    if f2 != 0 {
        if !move_point(a, b, r, &mut q, f2) || p == q {
            return (p, q, 4);
        }
        ret |= 2;
    }
    (p, q, ret)
}

/// The sub-paths `PathClipper` makes of the polyline `pts` (closed: back to the first
/// point), on a `width` x `height` canvas in device pixels. `None` when no segment needed
/// clipping: the path goes to the stroker unchanged.
pub fn clip_to_canvas(
    pts: &[Pt],
    closed: bool,
    width: f64,
    height: f64,
) -> Option<Vec<(Vec<Pt>, bool)>> {
    let r = (-1.0, -1.0, width + 1.0, height + 1.0);
    let first = *pts.first()?;
    let mut segments: Vec<(Pt, Pt)> = pts.windows(2).map(|w| (w[0], w[1])).collect();
    if closed {
        segments.push((pts[pts.len() - 1], first));
    }
    if segments
        .iter()
        .all(|&(a, b)| flags(a.0, a.1, r) | flags(b.0, b.1, r) == 0)
    {
        return None;
    }
    let mut out: Vec<(Vec<Pt>, bool)> = Vec::new();
    let mut moveto = true;
    for (a, b) in segments {
        let (p, q, moved) = clip_segment(a, b, r);
        if moved >= 4 {
            continue;
        }
        if moved & 1 != 0 || moveto {
            out.push((vec![p], false));
        }
        if let Some((sub, _)) = out.last_mut() {
            sub.push(q);
        }
        moveto = false;
    }
    // Some segment was clipped (checked above), so the path is not closed again.
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_triangle_poking_out_of_the_top_is_cut_at_y_minus_one() {
        // A closed outline whose apex is 10 px above a 100 x 100 canvas.
        let pts = [(40.0, 20.0), (50.0, -10.0), (60.0, 20.0)];
        let subs = clip_to_canvas(&pts, true, 100.0, 100.0).expect("clipped");
        assert_eq!(
            subs,
            vec![
                (vec![(40.0, 20.0), (47.0, -1.0)], false),
                (vec![(53.0, -1.0), (60.0, 20.0), (40.0, 20.0)], false),
            ]
        );
        assert!(clip_to_canvas(&[(1.0, 1.0), (5.0, 5.0)], true, 10.0, 10.0).is_none());
    }
}
