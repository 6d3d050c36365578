//! `QuadMesh.draw` with `shading='gouraud'`: `_convert_mesh_to_triangles` (each quad's
//! corners a, b, c, d and their mean as the centre, four triangles a-b-centre,
//! b-c-centre, c-d-centre, d-a-centre; a quad with a masked corner is dropped) handed to
//! `draw_gouraud_triangles`.

use super::mesh::{mapped_color, QuadMesh};
use super::paint::{GouraudTriangle, Paint};
use super::DrawCtx;
use crate::color::{Color, Norm};
use crate::ticks::AxisScale;

/// numpy's `(a + b + c + d) / 4.0`, element by element.
fn mean4(a: f64, b: f64, c: f64, d: f64) -> f64 {
    (((a + b) + c) + d) / 4.0
}

fn mean_color(c: [Color; 4]) -> Color {
    Color {
        r: mean4(c[0].r, c[1].r, c[2].r, c[3].r),
        g: mean4(c[0].g, c[1].g, c[2].g, c[3].g),
        b: mean4(c[0].b, c[1].b, c[2].b, c[3].b),
        a: mean4(c[0].a, c[1].a, c[2].a, c[3].a),
    }
}

pub(super) fn paint(m: &QuadMesh, ctx: &DrawCtx, norm: &Norm) -> Paint {
    let (rows, cols) = (m.rows, m.cols);
    let linear = ctx.xscale == AxisScale::Linear && ctx.yscale == AxisScale::Linear;
    // An affine transData goes to Agg with the points; otherwise the points are display
    // coordinates (the centres computed there) and Agg only flips them.
    let pts: Vec<(f64, f64)> = if linear {
        m.x.iter().zip(&m.y).map(|(&x, &y)| (x, y)).collect()
    } else {
        m.x.iter()
            .zip(&m.y)
            .map(|(&x, &y)| ctx.to_display(x, y))
            .collect()
    };
    let dev = |(x, y): (f64, f64)| {
        if linear {
            ctx.to_device_blend(x, y, super::line::Blend::Data)
        } else {
            (x, ctx.h - y)
        }
    };
    let colors: Vec<Color> = m
        .values
        .iter()
        .map(|&v| mapped_color(&m.cmap, norm, v, m.alpha))
        .collect();
    let mut triangles = Vec::with_capacity(4 * rows.saturating_sub(1) * cols.saturating_sub(1));
    for r in 0..rows.saturating_sub(1) {
        for c in 0..cols.saturating_sub(1) {
            let idx = [
                r * cols + c,
                r * cols + c + 1,
                (r + 1) * cols + c + 1,
                (r + 1) * cols + c,
            ];
            // A masked corner makes the centre's alpha NaN: the quad's triangles are dropped.
            if idx.iter().any(|&i| m.values[i].is_nan()) {
                continue;
            }
            let p = idx.map(|i| pts[i]);
            let centre = (
                mean4(p[0].0, p[1].0, p[2].0, p[3].0),
                mean4(p[0].1, p[1].1, p[2].1, p[3].1),
            );
            let col = idx.map(|i| colors[i]);
            let cc = mean_color(col).to_rgba8_round();
            let col8 = col.map(Color::to_rgba8_round);
            let (dp, dc) = (p.map(dev), dev(centre));
            for k in 0..4 {
                let n = (k + 1) % 4;
                triangles.push(GouraudTriangle {
                    points: [dp[k], dp[n], dc],
                    colors: [col8[k], col8[n], cc],
                });
            }
        }
    }
    Paint::Gouraud {
        triangles,
        clip: Some(ctx.clip),
    }
}
