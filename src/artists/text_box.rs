//! A text's `bbox` patch (`FancyBboxPatch`, boxstyle 'square' or 'round'): drawn in device
//! space, and as an annotation arrow's `patchA` in display space (y up), where the arrow
//! is clipped at the patch as `Patch.contains` tests points (`raster::contains`).

use super::paint::{CapStyle, JoinStyle, Paint, PathCmd, PathDraw, Snap, Stroke};
use super::text::ResolvedBox;
use super::DrawCtx;
use crate::layout::TextItem;
use crate::raster::contains::ContainsPath;
use crate::raster::pathconv::{Cmd, Vtx};

type Pt = (f64, f64);

/// The box in its own coordinates (`BoxStyle.__call__`'s `x0, y0, x1, y1` and the rounding
/// size) and where `Affine2D().rotate_deg(rotation).translate(...)` puts it.
struct BoxGeom {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    dr: f64,
    round: bool,
    /// The whole block's box rotated about its corner (a rotated text or several lines).
    rotated: bool,
    cos: f64,
    sin: f64,
    /// The rotated box's corner (`posx + x_box`, `posy + y_box`), display y up.
    corner: Pt,
    /// The unrotated line's box origin (pen x, pen y - descent), display y up.
    origin: Pt,
}

impl BoxGeom {
    fn new(bx: &ResolvedBox, item: &TextItem, size_pt: f64, dpi: f64) -> BoxGeom {
        let s = &item.shaped;
        let (w, h) = (s.width_px, s.ascent_px + s.descent_px);
        let m = size_pt * dpi / 72.0;
        let pad = m * bx.pad;
        let (w2, h2) = (w + 2.0 * pad, h + 2.0 * pad);
        let (x0, y0) = (0.0 - pad, 0.0 - pad);
        // One unrotated line keeps its measured box; otherwise the whole block's box,
        // rotated about its corner.
        let rotated = item.angle_deg != 0.0 || item.block.lines.len() > 1;
        let (w2, h2) = if rotated {
            let (w, h) = (item.block.width_px, item.block.height_px);
            (w + 2.0 * pad, h + 2.0 * pad)
        } else {
            (w2, h2)
        };
        let a = item.angle_deg.to_radians();
        BoxGeom {
            x0,
            y0,
            x1: x0 + w2,
            y1: y0 + h2,
            dr: pad,
            round: bx.round,
            rotated,
            cos: a.cos(),
            sin: a.sin(),
            corner: item.box_corner,
            origin: (item.pen.0, item.pen.1 - s.descent_px),
        }
    }

    /// The box path (`BoxStyle.Round` / `BoxStyle.Square`), each vertex through `d`.
    fn outline(&self, d: &dyn Fn(f64, f64) -> Pt) -> Vec<Vtx> {
        let (x0, y0, x1, y1, dr) = (self.x0, self.y0, self.x1, self.y1, self.dr);
        let v = |c: Cmd, x: f64, y: f64| {
            let p = d(x, y);
            (c, p.0, p.1)
        };
        let (l, q) = (Cmd::LineTo, Cmd::Curve3);
        let mut path = Vec::new();
        if self.round {
            path.push(v(Cmd::MoveTo, x0 + dr, y0));
            path.push(v(l, x1 - dr, y0));
            path.push(v(q, x1, y0));
            path.push(v(q, x1, y0 + dr));
            path.push(v(l, x1, y1 - dr));
            path.push(v(q, x1, y1));
            path.push(v(q, x1 - dr, y1));
            path.push(v(l, x0 + dr, y1));
            path.push(v(q, x0, y1));
            path.push(v(q, x0, y1 - dr));
            path.push(v(l, x0, y0 + dr));
            path.push(v(q, x0, y0));
            path.push(v(q, x0 + dr, y0));
            path.push(v(Cmd::Close, x0 + dr, y0));
        } else {
            path.push(v(Cmd::MoveTo, x0, y0));
            path.push(v(l, x1, y0));
            path.push(v(l, x1, y1));
            path.push(v(l, x0, y1));
            path.push(v(Cmd::Close, x0, y0));
        }
        path
    }
}

/// The text's box patch as the annotation arrow's `patchA`: its path in display
/// coordinates (y up, Agg's `conv_transform` of the patch transform), tested with the
/// radius `Patch.contains` passes (the 1 pt edge width, 0 without an edge).
pub(super) fn box_patch(bx: &ResolvedBox, item: &TextItem, size_pt: f64, dpi: f64) -> ContainsPath {
    let g = BoxGeom::new(bx, item, size_pt, dpi);
    let (cos, sin, (cx, cy), (tx, ty)) = (g.cos, g.sin, g.corner, g.origin);
    let rotated = g.rotated;
    let d = move |x: f64, y: f64| {
        if rotated {
            (x * cos + y * -sin + cx, x * sin + y * cos + cy)
        } else {
            (x + tx, y + ty)
        }
    };
    let radius = if bx.edge[3] == 0 { 0.0 } else { 1.0 };
    ContainsPath::new(&g.outline(&d), radius)
}

/// The `Rectangle` an annotation without a box uses as `patchA`: the text's window extent
/// `(x0, y0, x1, y1)` grown by half of 4 pt on each side, edge 'none' (radius 0), its unit
/// square through `BboxTransformTo`.
pub(super) fn extent_patch(extent: (f64, f64, f64, f64), dpi: f64) -> ContainsPath {
    let pad = 4.0 * dpi / 72.0;
    let (x0, y0) = (extent.0 - pad / 2.0, extent.1 - pad / 2.0);
    let (w, h) = ((extent.2 - extent.0) + pad, (extent.3 - extent.1) + pad);
    let (x1, y1) = (x0 + w, y0 + h);
    let (outw, outh) = (x1 - x0, y1 - y0);
    let p = |c: Cmd, u: f64, v: f64| (c, u * outw + v * 0.0 + x0, u * 0.0 + v * outh + y0);
    let path = [
        p(Cmd::MoveTo, 0.0, 0.0),
        p(Cmd::LineTo, 1.0, 0.0),
        p(Cmd::LineTo, 1.0, 1.0),
        p(Cmd::LineTo, 0.0, 1.0),
        p(Cmd::Close, 0.0, 0.0),
    ];
    ContainsPath::new(&path, 0.0)
}

/// The text's `FancyBboxPatch`: the line box `(pen.x, pen.y - descent, width, height)`
/// grown by the pad, square or with quadratic corners of radius pad, stroked 1 pt.
pub(super) fn text_box(bx: &ResolvedBox, item: &TextItem, size_pt: f64, ctx: &DrawCtx) -> Paint {
    let g = BoxGeom::new(bx, item, size_pt, ctx.dpi);
    let hh = ctx.h;
    let (cos, sin, (cx, cy), (tx, ty)) = (g.cos, g.sin, g.corner, g.origin);
    let rotated = g.rotated;
    // Affine2D().rotate_deg(rotation).translate(corner) times Agg's flip, as one matrix.
    let d = move |x: f64, y: f64| {
        if rotated {
            (x * cos + y * -sin + cx, x * -sin + y * -cos + (-cy + hh))
        } else {
            (x + tx, -y + (hh - ty))
        }
    };
    let outline = g.outline(&d);
    let mut path = Vec::with_capacity(outline.len());
    let mut i = 0;
    while let Some(&(c, x, y)) = outline.get(i) {
        i += 1;
        path.push(match c {
            Cmd::MoveTo => PathCmd::MoveTo(x, y),
            Cmd::Close => PathCmd::ClosePoly,
            Cmd::Curve3 => {
                let (ex, ey) = outline.get(i).map_or((x, y), |v| (v.1, v.2));
                i += 1;
                PathCmd::Curve3(x, y, ex, ey)
            }
            _ => PathCmd::LineTo(x, y),
        });
    }
    Paint::Path(PathDraw {
        path,
        fill: bx.face,
        stroke: (bx.edge[3] != 0).then_some(Stroke {
            width_px: 1.0 * ctx.dpi / 72.0,
            color: bx.edge,
            cap: CapStyle::Butt,
            join: JoinStyle::Miter,
            dashes: None,
        }),
        clip: None,
        snap: Snap::Auto,
        simplify: false,
        antialiased: true,
    })
}
