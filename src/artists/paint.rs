//! What the artists hand to the raster: paths in device pixels (origin top-left, y down)
//! with a fill, a stroke, a clip box and a snapping mode, and stamped markers — the
//! arguments of Agg's `draw_path` and `draw_markers`.
//!
//! [`emit`] turns them into the raster's [`DrawOp::Path`] and [`DrawOp::Markers`].

pub use crate::scene::{
    CapStyle, ClipBox, Dashes, GouraudTriangle, Hatch, JoinStyle, Snap, Stroke,
};
use crate::scene::{DrawOp, Path, PathCode};

/// One path command, in device pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PathCmd {
    /// Starts a sub-path.
    MoveTo(f64, f64),
    /// A straight segment.
    LineTo(f64, f64),
    /// A quadratic Bézier: control point, end point.
    Curve3(f64, f64, f64, f64),
    /// A cubic Bézier: two control points, end point.
    Curve4(f64, f64, f64, f64, f64, f64),
    /// Closes the sub-path.
    ClosePoly,
}

/// `draw_path`'s arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct PathDraw {
    /// The path in device pixels.
    pub path: Vec<PathCmd>,
    /// Face colour.
    pub fill: Option<[u8; 4]>,
    /// Stroke.
    pub stroke: Option<Stroke>,
    /// Clip box.
    pub clip: Option<ClipBox>,
    /// Snapping.
    pub snap: Snap,
    /// `path.should_simplify`.
    pub simplify: bool,
    /// Anti-aliased.
    pub antialiased: bool,
}

/// `draw_path`'s arguments for a path of moves and lines without a fill (what `Line2D`
/// draws): the raster's path as it is, 16 bytes a vertex where a [`PathCmd`] takes 56 —
/// a code-less polyline, or a long one already simplified
/// ([`crate::raster::simplified_polyline`]).
#[derive(Debug, Clone, PartialEq)]
pub struct PolylineDraw {
    /// The path in device pixels.
    pub path: Path,
    /// Stroke.
    pub stroke: Option<Stroke>,
    /// Clip box.
    pub clip: Option<ClipBox>,
    /// Snapping.
    pub snap: Snap,
    /// `path.should_simplify`.
    pub simplify: bool,
    /// Anti-aliased.
    pub antialiased: bool,
}

/// `draw_markers`' arguments: one marker path (device pixels about the origin) stamped at
/// every position (device pixels; the raster floors them after the +0.5 shift).
#[derive(Debug, Clone, PartialEq)]
pub struct MarkersDraw {
    /// The marker outline about (0, 0).
    pub marker: Vec<PathCmd>,
    /// Face colour.
    pub fill: Option<[u8; 4]>,
    /// Edge stroke.
    pub stroke: Option<Stroke>,
    /// Marker positions.
    pub positions: Vec<(f64, f64)>,
    /// Clip box.
    pub clip: Option<ClipBox>,
    /// Snapping.
    pub snap: Snap,
}

/// Something an artist draws.
#[derive(Debug, Clone, PartialEq)]
pub enum Paint {
    /// A path.
    Path(PathDraw),
    /// A code-less polyline's path.
    Polyline(PolylineDraw),
    /// Stamped markers.
    Markers(MarkersDraw),
    /// A path with a hatch drawn between its fill and its stroke.
    HatchedPath(PathDraw, Box<Hatch>),
    /// Gouraud-shaded triangles (`draw_gouraud_triangles`).
    Gouraud {
        /// The triangles in device pixels with their corner colours.
        triangles: Vec<GouraudTriangle>,
        /// Clip box.
        clip: Option<ClipBox>,
    },
}

/// The raster's path of a list of commands: a polyline without codes when it is one
/// `MoveTo` followed by `LineTo`s (matplotlib's code-less `Line2D` path), codes otherwise.
fn to_path(cmds: &[PathCmd]) -> Path {
    let polyline = matches!(cmds.first(), Some(PathCmd::MoveTo(..)))
        && cmds[1..].iter().all(|c| matches!(c, PathCmd::LineTo(..)));
    let mut vertices = Vec::with_capacity(cmds.len());
    let mut codes = Vec::with_capacity(cmds.len());
    let mut first = (0.0, 0.0);
    for c in cmds {
        match *c {
            PathCmd::MoveTo(x, y) => {
                first = (x, y);
                vertices.push((x, y));
                codes.push(PathCode::MoveTo);
            }
            PathCmd::LineTo(x, y) => {
                vertices.push((x, y));
                codes.push(PathCode::LineTo);
            }
            PathCmd::Curve3(a, b, x, y) => {
                vertices.extend([(a, b), (x, y)]);
                codes.extend([PathCode::Curve3; 2]);
            }
            PathCmd::Curve4(a, b, c2, d, x, y) => {
                vertices.extend([(a, b), (c2, d), (x, y)]);
                codes.extend([PathCode::Curve4; 3]);
            }
            PathCmd::ClosePoly => {
                vertices.push(first);
                codes.push(PathCode::ClosePoly);
            }
        }
    }
    Path {
        vertices,
        codes: (!polyline).then_some(codes),
    }
}

/// [`emit`] of an owned [`Paint`]: a polyline's vertices move into the operation instead of
/// being copied.
pub fn emit_owned(ops: &mut Vec<DrawOp>, paint: Paint) {
    match paint {
        Paint::Polyline(p) => ops.push(polyline_op(p)),
        other => emit(ops, &other),
    }
}

/// The draw operation of a polyline.
fn polyline_op(p: PolylineDraw) -> DrawOp {
    DrawOp::Path {
        path: p.path,
        fill: None,
        stroke: p.stroke,
        clip: p.clip,
        snap: p.snap,
        simplify: p.simplify,
        antialiased: p.antialiased,
        hatch: None,
    }
}

/// Lowers a [`Paint`] to its draw operation.
pub fn emit(ops: &mut Vec<DrawOp>, paint: &Paint) {
    match paint {
        Paint::Polyline(p) => ops.push(polyline_op(p.clone())),
        Paint::Path(p) => ops.push(DrawOp::Path {
            path: to_path(&p.path),
            fill: p.fill,
            stroke: p.stroke.clone(),
            clip: p.clip,
            snap: p.snap,
            simplify: p.simplify,
            antialiased: p.antialiased,
            hatch: None,
        }),
        Paint::Markers(m) => ops.push(DrawOp::Markers {
            marker: to_path(&m.marker),
            fill: m.fill,
            stroke: m.stroke.clone(),
            positions: m.positions.clone(),
            clip: m.clip,
            snap: m.snap,
        }),
        Paint::HatchedPath(p, h) => ops.push(DrawOp::Path {
            path: to_path(&p.path),
            fill: p.fill,
            stroke: p.stroke.clone(),
            clip: p.clip,
            snap: p.snap,
            simplify: p.simplify,
            antialiased: p.antialiased,
            hatch: Some(h.clone()),
        }),
        Paint::Gouraud { triangles, clip } => ops.push(DrawOp::Gouraud {
            triangles: triangles.clone(),
            clip: *clip,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polylines_have_no_codes() {
        let p = to_path(&[PathCmd::MoveTo(0.0, 0.0), PathCmd::LineTo(1.0, 1.0)]);
        assert!(p.codes.is_none());
        let p = to_path(&[
            PathCmd::MoveTo(0.0, 0.0),
            PathCmd::Curve3(1.0, 0.0, 1.0, 1.0),
            PathCmd::ClosePoly,
        ]);
        assert_eq!(p.vertices.len(), 4);
        assert_eq!(p.codes.as_ref().map(|c| c[3]), Some(PathCode::ClosePoly));
    }
}
