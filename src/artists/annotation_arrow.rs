//! An annotation's `FancyArrowPatch` in display coordinates: the arc3 or angle3 connection,
//! clipped by the text's box patch (`patchA`, tested as `Patch.contains` does) and shrunk by
//! `shrinkA`/`shrinkB` (bisection on the quadratic
//! Bézier, as matplotlib's `split_bezier_intersecting_with_closedpath`), then the arrow
//! style's shaft and heads. Split from `text.rs`, which lays out and draws the text.

use super::paint::{CapStyle, JoinStyle, Paint, PathCmd, PathDraw, Snap, Stroke};
use super::text::{ArrowPaint, ArrowStyle};
use super::DrawCtx;
use crate::layout::Bbox;
use crate::raster::contains::ContainsPath;
use crate::{Error, Result};

type Pt = (f64, f64);

/// The connection styles whose path is one quadratic Bézier (`ConnectionStyle.Arc3`,
/// `ConnectionStyle.Angle3`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Connect {
    /// `arc3,rad=`: the control point `rad` times the chord off its middle.
    Arc3 { rad: f64 },
    /// `angle3,angleA=,angleB=`: the control point where the lines leaving the ends at
    /// those angles (degrees) cross.
    Angle3 { angle_a: f64, angle_b: f64 },
}

impl Connect {
    /// `_Style.__new__`'s parsing: 'name,key=value,...' (spaces dropped, name in any
    /// case, values `float`s).
    pub(crate) fn parse(s: &str) -> Result<Connect> {
        let bad = |what: &str| {
            Error::invalid(
                "arrowprops connectionstyle",
                format!("{s:?}"),
                format!("{what} ('arc3', 'arc3,rad=R', 'angle3', 'angle3,angleA=A,angleB=B')"),
            )
        };
        let compact: String = s.chars().filter(|&c| c != ' ').collect();
        let mut parts = compact.split(',');
        let name = parts.next().unwrap_or("").to_lowercase();
        let mut kw = Vec::new();
        for p in parts {
            let (k, v) = p.split_once('=').ok_or_else(|| bad("key=value pairs"))?;
            let v: f64 = v.parse().map_err(|_| bad("numbers as values"))?;
            kw.push((k.to_string(), v));
        }
        let mut take = |key: &str, default: f64| match kw.iter().position(|(k, _)| k == key) {
            Some(i) => kw.remove(i).1,
            None => default,
        };
        let c = match name.as_str() {
            "arc3" => Connect::Arc3 {
                rad: take("rad", 0.0),
            },
            "angle3" => {
                let (angle_a, angle_b) = (take("angleA", 90.0), take("angleB", 0.0));
                let c = Connect::Angle3 { angle_a, angle_b };
                if c.control((0.0, 0.0), (1.0, 1.0)).is_none() {
                    return Err(bad(
                        "angles whose lines cross (not equal, nor 180 degrees apart)",
                    ));
                }
                c
            }
            _ => return Err(bad("a supported style")),
        };
        if let Some((k, _)) = kw.first() {
            return Err(bad(&format!("no keyword '{k}'")));
        }
        Ok(c)
    }

    /// The Bézier's control point from `a` to `b` (`None`: angle3's lines do not cross).
    fn control(self, a: Pt, b: Pt) -> Option<Pt> {
        match self {
            Connect::Arc3 { rad } => {
                let (x12, y12) = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
                let (dx, dy) = (b.0 - a.0, b.1 - a.1);
                Some((x12 + rad * dy, y12 - rad * dx))
            }
            Connect::Angle3 { angle_a, angle_b } => {
                let (ra, rb) = (angle_a.to_radians(), angle_b.to_radians());
                intersection(a, ra.cos(), ra.sin(), b, rb.cos(), rb.sin())
            }
        }
    }
}

/// `bezier.get_intersection`: where the line through `p1` at (cos, sin) `t1` meets the
/// one through `p2` at `t2`.
pub(super) fn intersection(
    p1: Pt,
    cos1: f64,
    sin1: f64,
    p2: Pt,
    cos2: f64,
    sin2: f64,
) -> Option<Pt> {
    let line1_rhs = sin1 * p1.0 - cos1 * p1.1;
    let line2_rhs = sin2 * p2.0 - cos2 * p2.1;
    let (a, b) = (sin1, -cos1);
    let (c, d) = (sin2, -cos2);
    let ad_bc = a * d - b * c;
    if ad_bc.abs() < 1e-12 {
        return None;
    }
    let (a_, b_, c_, d_) = (d / ad_bc, -b / ad_bc, -c / ad_bc, a / ad_bc);
    Some((
        a_ * line1_rhs + b_ * line2_rhs,
        c_ * line1_rhs + d_ * line2_rhs,
    ))
}

/// `BezierSegment(points)(t)` for a quadratic: `((1-t)^2, (1-t) t, t^2) @ (p0, 2 p1, p2)`.
pub(super) fn bezier3(b: &[Pt; 3], t: f64) -> Pt {
    let u = 1.0 - t;
    let (w0, w1, w2) = (u * u * 1.0, u * t, 1.0 * (t * t));
    let px = [b[0], (b[1].0 * 2.0, b[1].1 * 2.0), b[2]];
    (
        w0 * px[0].0 + w1 * px[1].0 + w2 * px[2].0,
        w0 * px[0].1 + w1 * px[1].1 + w2 * px[2].1,
    )
}

/// `split_de_casteljau` of a quadratic at `t`: (left, right).
fn split3(b: &[Pt; 3], t: f64) -> ([Pt; 3], [Pt; 3]) {
    let lerp = |p: Pt, q: Pt| (p.0 * (1.0 - t) + q.0 * t, p.1 * (1.0 - t) + q.1 * t);
    let (a0, a1) = (lerp(b[0], b[1]), lerp(b[1], b[2]));
    let m = lerp(a0, a1);
    ([b[0], a0, m], [m, a1, b[2]])
}

/// `split_path_inout` of a quadratic path: where `inside` changes, bisected to 0.01 px
/// (`find_bezier_t_intersecting_with_closedpath`). `None` when both ends are on the same
/// side (matplotlib's ValueError, which the connection style ignores).
pub(super) fn split_inout(b: &[Pt; 3], inside: &dyn Fn(Pt) -> bool) -> Option<([Pt; 3], [Pt; 3])> {
    // A non-finite point (an annotation's `xy` of NaN) never meets the tolerance: the
    // bisection below would not end (issue 18's figure.json stress test found it).
    if !b.iter().all(|p| p.0.is_finite() && p.1.is_finite()) {
        return None;
    }
    let begin_inside = inside(b[0]);
    if inside(b[2]) == begin_inside {
        return None;
    }
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    let mut start = bezier3(b, t0);
    let mut end = bezier3(b, t1);
    let mut start_inside = inside(start);
    loop {
        if (start.0 - end.0).hypot(start.1 - end.1) < 0.01 {
            break;
        }
        let mt = 0.5 * (t0 + t1);
        let middle = bezier3(b, mt);
        let middle_inside = inside(middle);
        if start_inside ^ middle_inside {
            t1 = mt;
            if end == middle {
                break;
            }
            end = middle;
        } else {
            t0 = mt;
            if start == middle {
                break;
            }
            start = middle;
            start_inside = middle_inside;
        }
    }
    Some(split3(b, (t0 + t1) / 2.0))
}

/// The FancyArrowPatch of an annotation from `a` (text centre) to `b`, in display
/// coordinates: arc3 (rad 0) connection, clipped by `patch_a` (the text's box patch),
/// shrunk by `shrinkA`/`shrinkB`, then the arrow style's shaft and heads. Also returns the
/// patch's window extent (`Path.get_extents` of the shaft and heads, display, y up).
/// `dpi_cor` scales the shrink, the mutation scale and the line width of the geometry:
/// `FancyArrowPatch._dpi_cor`, `dpi / 72` once drawn, 1 before the figure's first draw
/// (what `tight_layout` measures in a script that has not drawn yet).
#[allow(clippy::too_many_arguments)]
pub(super) fn arrow(
    a: (f64, f64),
    b: (f64, f64),
    patch_a: Option<&ContainsPath>,
    style: ArrowStyle,
    mutation_pt: f64,
    props: &ArrowPaint,
    ctx: &DrawCtx,
    dpi_cor: f64,
) -> (Vec<Paint>, Bbox) {
    let dc = dpi_cor;
    let control = props
        .connect
        .control(a, b)
        .unwrap_or(((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0));
    let mut path = [a, control, b];
    if let Some(patch) = patch_a {
        let in_patch = |p: Pt| patch.contains(p.0, p.1);
        if let Some((_, right)) = split_inout(&path, &in_patch) {
            path = right;
        }
    }
    // inside_circle(*path.vertices[0], shrinkA * dpi_cor), skipped for a shrink of 0.
    let (ca, cb) = (path[0], path[2]);
    let (sa, sb) = (props.shrink_a_pt * dc, props.shrink_b_pt * dc);
    let (ra2, rb2) = (sa * sa, sb * sb);
    let in_a = move |p: Pt| (p.0 - ca.0).powi(2) + (p.1 - ca.1).powi(2) < ra2;
    let in_b = move |p: Pt| (p.0 - cb.0).powi(2) + (p.1 - cb.1).powi(2) < rb2;
    if sa != 0.0 {
        if let Some((_, right)) = split_inout(&path, &in_a) {
            path = right;
        }
    }
    if sb != 0.0 {
        if let Some((left, _)) = split_inout(&path, &in_b) {
            path = left;
        }
    }
    if style == ArrowStyle::YaArrow {
        return simple_arrow(&path, mutation_pt, props, ctx, dc);
    }
    let lw = props.linewidth_pt * dc;
    let ms = mutation_pt * dc;
    let (head_length, head_width) = (0.4 * ms, 0.2 * ms);
    let head_dist = head_length.hypot(head_width);
    let (cos_t, sin_t) = (head_length / head_dist, head_width / head_dist);
    let wedge = |x0: f64, y0: f64, x1: f64, y1: f64| {
        let (dx, dy) = (x0 - x1, y0 - y1);
        let mut cp = dx.hypot(dy);
        let pad = 0.5 * lw / sin_t;
        if cp == 0.0 {
            cp = 1.0;
        }
        let (ddx, ddy) = (pad * dx / cp, pad * dy / cp);
        let (dx, dy) = (dx / cp * head_dist, dy / cp * head_dist);
        let (dx1, dy1) = (cos_t * dx + sin_t * dy, -sin_t * dx + cos_t * dy);
        let (dx2, dy2) = (cos_t * dx - sin_t * dy, sin_t * dx + cos_t * dy);
        (
            [
                (x1 + ddx + dx1, y1 + ddy + dy1),
                (x1 + ddx, y1 + ddy),
                (x1 + ddx + dx2, y1 + ddy + dy2),
            ],
            ddx,
            ddy,
        )
    };
    let (begin, end) = match style {
        ArrowStyle::Line | ArrowStyle::YaArrow => (false, false),
        ArrowStyle::Open | ArrowStyle::Filled => (false, true),
        ArrowStyle::Both => (true, true),
    };
    let [(x0, y0), (x1, y1), (x3, y3)] = path;
    let (x2, y2) = (x1, y1);
    let has_begin = begin && (x0, y0) != (x1, y1);
    let has_end = end && (x2, y2) != (x3, y3);
    let (wa, ddxa, ddya) = if has_begin {
        wedge(x1, y1, x0, y0)
    } else {
        ([(0.0, 0.0); 3], 0.0, 0.0)
    };
    let (wb, ddxb, ddyb) = if has_end {
        wedge(x2, y2, x3, y3)
    } else {
        ([(0.0, 0.0); 3], 0.0, 0.0)
    };
    let h = ctx.h;
    let dev = |p: Pt| (p.0, h - p.1);
    let stroke = Stroke {
        // GraphicsContext: points_to_pixels(linewidth) = lw * dpi / 72.
        width_px: props.linewidth_pt * ctx.dpi / 72.0,
        color: props.edge,
        cap: CapStyle::Round,
        join: JoinStyle::Round,
        dashes: None,
    };
    // The face (rc patch.facecolor 'C0' unless set) fills the closed heads.
    let face = props.face;
    let draw = |path: Vec<PathCmd>, fill: bool| {
        Paint::Path(PathDraw {
            path,
            fill: fill.then_some(face),
            stroke: Some(stroke.clone()),
            clip: None,
            snap: Snap::Auto,
            simplify: false,
            antialiased: true,
        })
    };
    let (s0, c1, e3) = (
        dev((x0 + ddxa, y0 + ddya)),
        dev((x1, y1)),
        dev((x3 + ddxb, y3 + ddyb)),
    );
    let mut out = vec![draw(
        vec![
            PathCmd::MoveTo(s0.0, s0.1),
            PathCmd::Curve3(c1.0, c1.1, e3.0, e3.1),
        ],
        false,
    )];
    let filled = style == ArrowStyle::Filled;
    let head = |w: [Pt; 3]| {
        let p: Vec<Pt> = w.iter().map(|&q| dev(q)).collect();
        let mut cmds = vec![
            PathCmd::MoveTo(p[0].0, p[0].1),
            PathCmd::LineTo(p[1].0, p[1].1),
            PathCmd::LineTo(p[2].0, p[2].1),
        ];
        if filled {
            cmds.push(PathCmd::ClosePoly);
        }
        cmds
    };
    if has_begin {
        out.push(draw(head(wa), filled));
    }
    if has_end {
        out.push(draw(head(wb), filled));
    }
    // The shaft's ends, its extrema (`BezierSegment.axis_aligned_extrema`: where the
    // derivative `C1 + 2 C2 t` of an axis is 0 within [0, 1]) and the heads' vertices.
    let (p0, p2) = ((x0 + ddxa, y0 + ddya), (x3 + ddxb, y3 + ddyb));
    let mut pts = vec![p0, p2];
    let shaft = [p0, (x1, y1), p2];
    for axis in [0, 1] {
        let v = |p: Pt| if axis == 0 { p.0 } else { p.1 };
        let c1 = 2.0 * (-v(p0) + v((x1, y1)));
        let c2 = v(p0) - 2.0 * v((x1, y1)) + v(p2);
        if c2 != 0.0 {
            let t = -c1 / (2.0 * c2);
            if (0.0..=1.0).contains(&t) {
                pts.push(bezier3(&shaft, t));
            }
        }
    }
    if has_begin {
        pts.extend(wa);
    }
    if has_end {
        pts.extend(wb);
    }
    let extent = extent_of(&pts);
    (out, extent)
}

/// The arrow of `arrowprops` without `arrowstyle`: `ArrowStyle.Simple` with
/// `head_length=headlength / ms`, `head_width=headwidth / ms`, `tail_width=width / ms`
/// (`ms` the mutation scale, the text size) transmuted at `ms * dpi_cor`, filled with the
/// face colour and stroked with the edge.
fn simple_arrow(
    path: &[Pt; 3],
    mutation_pt: f64,
    props: &ArrowPaint,
    ctx: &DrawCtx,
    dc: f64,
) -> (Vec<Paint>, Bbox) {
    let ya = props.yaarrow;
    let ms = mutation_pt * dc;
    let segs = super::annotation_simple::simple(
        path,
        ya.headlength_pt / mutation_pt * ms,
        ya.headwidth_pt / mutation_pt * ms,
        ya.width_pt / mutation_pt * ms,
    );
    let h = ctx.h;
    let dev = |p: Pt| (p.0, h - p.1);
    let paint = Paint::Path(PathDraw {
        path: super::annotation_simple::to_cmds(&segs, &dev),
        fill: Some(props.face),
        stroke: Some(Stroke {
            width_px: props.linewidth_pt * ctx.dpi / 72.0,
            color: props.edge,
            cap: CapStyle::Round,
            join: JoinStyle::Round,
            dashes: None,
        }),
        clip: None,
        snap: Snap::Auto,
        simplify: false,
        antialiased: true,
    });
    let pts = super::annotation_simple::extent_points(&segs);
    let extent = extent_of(&pts);
    (vec![paint], extent)
}

/// The box around `pts` (the arrow's extent, folded with `min`/`max` in the points' order).
fn extent_of(pts: &[Pt]) -> Bbox {
    let fold =
        |f: fn(f64, f64) -> f64, init: f64, k: fn(&Pt) -> f64| pts.iter().map(k).fold(init, f);
    Bbox {
        x0: fold(f64::min, f64::INFINITY, |p| p.0),
        y0: fold(f64::min, f64::INFINITY, |p| p.1),
        x1: fold(f64::max, f64::NEG_INFINITY, |p| p.0),
        y1: fold(f64::max, f64::NEG_INFINITY, |p| p.1),
    }
}
