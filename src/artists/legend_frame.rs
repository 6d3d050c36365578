//! The legend's frame (`legendPatch`) and its `Shadow`.

use super::legend_options::LegendOptions;
use super::paint::{CapStyle, ClipBox, JoinStyle, Paint, PathCmd, PathDraw, Snap, Stroke};
use super::DrawCtx;
use crate::color::Color;
use crate::layout::Bbox;
use crate::{Error, Result};

/// The legend frame: `FancyBboxPatch` 'round,pad=0,rounding_size=0.2' (`fancybox`) or
/// 'square,pad=0', snapped, face (rc 'inherit': white) and edge ('0.8') with
/// `framealpha`, `linewidth` 1 pt. With `shadow`, the `Shadow` patch instead: the same
/// path moved by (ox, oy) points, face and edge `(1 - shade)` times the frame's face
/// colour (or the shadow's colours), alpha 0.5, not snapped.
pub(crate) fn frame(
    b: Bbox,
    fs_px: f64,
    opts: &LegendOptions,
    ctx: &DrawCtx,
    shadow: bool,
) -> Result<Paint> {
    let sh = &opts.shadow_props;
    let (x0, y0, x1, y1) = (b.x0, b.y0, b.x0 + (b.x1 - b.x0), b.y0 + (b.y1 - b.y0));
    let h = ctx.h;
    let off = (sh.ox_pt * ctx.dpi / 72.0, sh.oy_pt * ctx.dpi / 72.0);
    let p = |x: f64, y: f64| {
        if shadow {
            (x + off.0, h - (y + off.1))
        } else {
            (x, h - y)
        }
    };
    let mut path = Vec::new();
    if opts.fancybox {
        let dr = fs_px * 0.2;
        let (a, bq) = (p(x0 + dr, y0), p(x1 - dr, y0));
        path.push(PathCmd::MoveTo(a.0, a.1));
        path.push(PathCmd::LineTo(bq.0, bq.1));
        let c = |cx: f64, cy: f64, ex: f64, ey: f64| {
            let (c1, e1) = (p(cx, cy), p(ex, ey));
            PathCmd::Curve3(c1.0, c1.1, e1.0, e1.1)
        };
        path.push(c(x1, y0, x1, y0 + dr));
        let q = p(x1, y1 - dr);
        path.push(PathCmd::LineTo(q.0, q.1));
        path.push(c(x1, y1, x1 - dr, y1));
        let q = p(x0 + dr, y1);
        path.push(PathCmd::LineTo(q.0, q.1));
        path.push(c(x0, y1, x0, y1 - dr));
        let q = p(x0, y0 + dr);
        path.push(PathCmd::LineTo(q.0, q.1));
        path.push(c(x0, y0, x0 + dr, y0));
    } else {
        // BoxStyle.Square(pad=0): Path._create_closed of the four corners.
        for (i, &(x, y)) in [(x0, y0), (x1, y0), (x1, y1), (x0, y1)].iter().enumerate() {
            let q = p(x, y);
            path.push(if i == 0 {
                PathCmd::MoveTo(q.0, q.1)
            } else {
                PathCmd::LineTo(q.0, q.1)
            });
        }
    }
    path.push(PathCmd::ClosePoly);
    let alpha = opts.framealpha;
    let parse = |what: &str, s: &str| {
        Color::parse(s).map_err(|_| Error::invalid(what, format!("{s:?}"), "a matplotlib colour"))
    };
    let colour = |c: &Option<String>, inherit: Color, default: Color| -> Result<Color> {
        Ok(match c.as_deref() {
            None => default,
            Some("inherit") => inherit,
            Some(s) => parse("legend colour", s)?,
        })
    };
    let face = colour(&opts.facecolor, Color::WHITE, Color::WHITE)?;
    let edge = colour(&opts.edgecolor, Color::BLACK, Color::rgb(0.8, 0.8, 0.8))?;
    // to_rgba(c, alpha): 'none' stays transparent, any other colour takes the alpha.
    let with = |c: Color, alpha: Option<f64>| match alpha {
        Some(_) if c.a == 0.0 && c.r == 0.0 && c.g == 0.0 && c.b == 0.0 => c,
        Some(a) => c.with_alpha(a),
        None => c,
    };
    let (face, edge) = if shadow {
        if !(0.0..=1.0).contains(&sh.shade) {
            return Err(Error::invalid(
                "legend shadow shade",
                sh.shade,
                "between 0 and 1",
            ));
        }
        // Shadow.__init__: update({'facecolor', 'edgecolor', 'alpha', ..., **kwargs}) in
        // that order, a `color` keyword last.
        let k = 1.0 - sh.shade;
        let base = Color::new(k * face.r, k * face.g, k * face.b, 1.0);
        let mut fc = match &sh.facecolor {
            Some(s) => parse("legend shadow facecolor", s)?,
            None => base,
        };
        let mut ec = match &sh.edgecolor {
            Some(s) => parse("legend shadow edgecolor", s)?,
            None => base,
        };
        if let Some(s) = &sh.color {
            fc = parse("legend shadow color", s)?;
            ec = fc;
        }
        (
            with(fc, sh.alpha).to_rgba8_round(),
            with(ec, sh.alpha).to_rgba8_round(),
        )
    } else {
        (
            with(face, Some(alpha)).to_rgba8_round(),
            with(edge, Some(alpha)).to_rgba8_round(),
        )
    };
    let lw = match (shadow, sh.linewidth) {
        (true, Some(w)) => w,
        _ => opts.linewidth.unwrap_or(1.0),
    };
    Ok(Paint::Path(PathDraw {
        path,
        fill: (face[3] != 0).then_some(face),
        stroke: (edge[3] != 0 && lw > 0.0).then(|| Stroke {
            width_px: lw * ctx.dpi / 72.0,
            color: edge,
            cap: CapStyle::Butt,
            join: JoinStyle::Miter,
            dashes: None,
        }),
        clip: None::<ClipBox>,
        // legendPatch has snap=True; its Shadow does not copy it (snap None).
        snap: if shadow { Snap::Auto } else { Snap::On },
        simplify: false,
        antialiased: true,
    }))
}
