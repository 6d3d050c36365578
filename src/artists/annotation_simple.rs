//! The arrow of an annotation whose `arrowprops` has no `arrowstyle`: matplotlib's
//! imitation of the old YAArrow, `ArrowStyle.Simple(head_length, head_width, tail_width)`
//! (`Simple.transmute` with bezier.py's `get_parallels` and `make_wedged_bezier2`).

use super::annotation_arrow::{bezier3, intersection, split_inout};
use super::paint::PathCmd;

type Pt = (f64, f64);

/// `bezier.get_cos_sin`.
fn cos_sin(p0: Pt, p1: Pt) -> Pt {
    let (dx, dy) = (p1.0 - p0.0, p1.1 - p0.1);
    let d = (dx * dx + dy * dy).sqrt();
    if d == 0.0 {
        return (0.0, 0.0);
    }
    (dx / d, dy / d)
}

/// `bezier.get_normal_points`: (left, right) at `length` across the line at (cos, sin).
fn normal_points(c: Pt, cs: Pt, length: f64) -> (Pt, Pt) {
    if length == 0.0 {
        return (c, c);
    }
    let (cos_t, sin_t) = cs;
    let (cos1, sin1) = (sin_t, -cos_t);
    let (cos2, sin2) = (-sin_t, cos_t);
    (
        (length * cos1 + c.0, length * sin1 + c.1),
        (length * cos2 + c.0, length * sin2 + c.1),
    )
}

/// `bezier.find_control_points`: the quadratic through `c1`, `mm` (at t = 0.5) and `c2`.
fn control_points(c1: Pt, mm: Pt, c2: Pt) -> [Pt; 3] {
    let cm = (
        0.5 * (4.0 * mm.0 - (c1.0 + c2.0)),
        0.5 * (4.0 * mm.1 - (c1.1 + c2.1)),
    );
    [c1, cm, c2]
}

/// `bezier.check_if_parallel(...) == -1`: the two directions are opposite.
fn opposite(d1: Pt, d2: Pt) -> bool {
    let (t1, t2) = (d1.0.atan2(d1.1), d2.0.atan2(d2.1));
    let dtheta = (t1 - t2).abs();
    dtheta >= 1e-5 && (dtheta - std::f64::consts::PI).abs() < 1e-5
}

/// `bezier.get_parallels`: (left, right) quadratics `width` either side of `b`.
fn parallels(b: &[Pt; 3], width: f64) -> ([Pt; 3], [Pt; 3]) {
    let [c1, cm, c2] = *b;
    let (cs1, cs2) = if opposite((c1.0 - cm.0, c1.1 - cm.1), (cm.0 - c2.0, cm.1 - c2.1)) {
        let cs = cos_sin(c1, c2);
        (cs, cs)
    } else {
        (cos_sin(c1, cm), cos_sin(cm, c2))
    };
    let (c1l, c1r) = normal_points(c1, cs1, width);
    let (c2l, c2r) = normal_points(c2, cs2, width);
    let meet = |p1: Pt, p2: Pt| {
        intersection(p1, cs1.0, cs1.1, p2, cs2.0, cs2.1)
            .unwrap_or((0.5 * (p1.0 + p2.0), 0.5 * (p1.1 + p2.1)))
    };
    ([c1l, meet(c1l, c2l), c2l], [c1r, meet(c1r, c2r), c2r])
}

/// `bezier.make_wedged_bezier2(b, width, w1=1, wm=0.5, w2=0)`: (left, right).
fn wedged(b: &[Pt; 3], width: f64) -> ([Pt; 3], [Pt; 3]) {
    let [c1, cm, c3] = *b;
    let (cs1, cs2) = (cos_sin(c1, cm), cos_sin(cm, c3));
    let (c1l, c1r) = normal_points(c1, cs1, width * 1.0);
    let (c3l, c3r) = normal_points(c3, cs2, width * 0.0);
    let c12 = ((c1.0 + cm.0) * 0.5, (c1.1 + cm.1) * 0.5);
    let c23 = ((cm.0 + c3.0) * 0.5, (cm.1 + c3.1) * 0.5);
    let c123 = ((c12.0 + c23.0) * 0.5, (c12.1 + c23.1) * 0.5);
    let cs123 = cos_sin(c12, c23);
    let (c123l, c123r) = normal_points(c123, cs123, width * 0.5);
    (
        control_points(c1l, c123l, c3l),
        control_points(c1r, c123r, c3r),
    )
}

/// One step of the arrow's outline in display coordinates (y up).
#[derive(Debug, Clone, Copy)]
pub(super) enum Seg {
    Move(Pt),
    Line(Pt),
    /// Control point, end.
    Curve(Pt, Pt),
    Close,
}

/// `Simple.transmute` of the quadratic `path` with lengths in pixels: the closed outline
/// of the tail (when the head does not take the whole path) and the wedged head.
pub(super) fn simple(
    path: &[Pt; 3],
    head_length: f64,
    head_width: f64,
    tail_width: f64,
) -> Vec<Seg> {
    let [_, (x1, y1), (x2, y2)] = *path;
    let r2 = head_length * head_length;
    let in_f = move |p: Pt| (p.0 - x2).powi(2) + (p.1 - y2).powi(2) < r2;
    let (arrow_out, arrow_in) = match split_inout(path, &in_f) {
        Some((out, inn)) => (Some(out), inn),
        None => {
            // _point_along_a_line(x2, y2, x1, y1, head_length).
            let (dx, dy) = (x2 - x1, y2 - y1);
            let ff = head_length / (dx * dx + dy * dy).sqrt();
            let (x0, y0) = (x2 - ff * dx, y2 - ff * dy);
            (
                None,
                [(x0, y0), (0.5 * (x0 + x2), 0.5 * (y0 + y2)), (x2, y2)],
            )
        }
    };
    let (hl, hr) = wedged(&arrow_in, head_width / 2.0);
    match arrow_out {
        Some(out) => {
            let (tl, tr) = parallels(&out, tail_width / 2.0);
            vec![
                Seg::Move(tr[0]),
                Seg::Curve(tr[1], tr[2]),
                Seg::Line(hr[0]),
                Seg::Curve(hr[1], hr[2]),
                Seg::Curve(hl[1], hl[0]),
                Seg::Line(tl[2]),
                Seg::Curve(tl[1], tl[0]),
                Seg::Line(tr[0]),
                Seg::Close,
            ]
        }
        None => vec![
            Seg::Move(hr[0]),
            Seg::Curve(hr[1], hr[2]),
            Seg::Curve(hl[1], hl[0]),
            Seg::Close,
        ],
    }
}

/// The outline as device path commands (`dev` flips to rows).
pub(super) fn to_cmds(segs: &[Seg], dev: &dyn Fn(Pt) -> Pt) -> Vec<PathCmd> {
    segs.iter()
        .map(|s| match *s {
            Seg::Move(p) => {
                let q = dev(p);
                PathCmd::MoveTo(q.0, q.1)
            }
            Seg::Line(p) => {
                let q = dev(p);
                PathCmd::LineTo(q.0, q.1)
            }
            Seg::Curve(c, e) => {
                let (c, e) = (dev(c), dev(e));
                PathCmd::Curve3(c.0, c.1, e.0, e.1)
            }
            Seg::Close => PathCmd::ClosePoly,
        })
        .collect()
}

/// The points `Path.get_extents` takes of the outline: every segment's ends and each
/// quadratic's axis extrema inside it.
pub(super) fn extent_points(segs: &[Seg]) -> Vec<Pt> {
    let mut pts = Vec::new();
    let mut last = (0.0, 0.0);
    for s in segs {
        match *s {
            Seg::Move(p) | Seg::Line(p) => {
                pts.push(p);
                last = p;
            }
            Seg::Curve(c, e) => {
                let b = [last, c, e];
                pts.push(e);
                for axis in 0..2 {
                    let v = |p: Pt| if axis == 0 { p.0 } else { p.1 };
                    let c1 = 2.0 * (-v(b[0]) + v(b[1]));
                    let c2 = v(b[0]) - 2.0 * v(b[1]) + v(b[2]);
                    if c2 != 0.0 {
                        let t = -c1 / (2.0 * c2);
                        if (0.0..=1.0).contains(&t) {
                            pts.push(bezier3(&b, t));
                        }
                    }
                }
                last = e;
            }
            Seg::Close => {}
        }
    }
    pts
}
