//! Gridlines: each a two-point `Line2D` across the Axes at a tick (`Tick.gridline`), drawn
//! with the ticks at zorder 1.5 (rc `grid.*`).

use super::line::{Blend, LineStyle};
use super::{paint, DrawCtx, GridOptions};
use crate::color::Color;

/// A gridline: a two-point `Line2D` across the Axes at `value` (`Tick.gridline`).
pub(crate) fn gridline(g: &GridOptions, x_axis: bool, value: f64, ctx: &DrawCtx) -> paint::Paint {
    let (a, b) = match x_axis {
        true => (
            ctx.to_device_blend(value, 0.0, Blend::YAxes),
            ctx.to_device_blend(value, 1.0, Blend::YAxes),
        ),
        false => (
            ctx.to_device_blend(0.0, value, Blend::XAxes),
            ctx.to_device_blend(1.0, value, Blend::XAxes),
        ),
    };
    let mut color = Color::parse(&g.color).unwrap_or(Color::BLACK);
    if let Some(al) = g.alpha {
        color = color.with_alpha(al);
    }
    let lw = g.linewidth;
    let k = ctx.dpi / 72.0;
    let dashes = match &g.linestyle {
        LineStyle::Dashed => Some((0.0, vec![3.7, 1.6])),
        LineStyle::DashDot => Some((0.0, vec![6.4, 1.6, 1.0, 1.6])),
        LineStyle::Dotted => Some((0.0, vec![1.0, 1.65])),
        LineStyle::Dashes(o, p) => Some((*o, p.clone())),
        _ => None,
    };
    let dashed = dashes.is_some();
    paint::Paint::Path(paint::PathDraw {
        path: vec![
            paint::PathCmd::MoveTo(a.0, a.1),
            paint::PathCmd::LineTo(b.0, b.1),
        ],
        fill: None,
        stroke: Some(paint::Stroke {
            width_px: lw * ctx.dpi / 72.0,
            color: color.to_rgba8_round(),
            cap: if dashed {
                paint::CapStyle::Butt
            } else {
                paint::CapStyle::Projecting
            },
            join: paint::JoinStyle::Round,
            dashes: dashes.map(|(o, p)| paint::Dashes {
                offset_px: (o * lw) * k,
                pattern_px: p.iter().map(|v| (v * lw) * k).collect(),
            }),
        }),
        clip: Some(ctx.clip),
        snap: paint::Snap::Auto,
        simplify: false,
        antialiased: true,
    })
}
