//! The legend's handles, drawn in their DrawingArea: `HandlerLine2D`, `HandlerPatch`,
//! `HandlerPolyCollection`, `HandlerStepPatch` and `HandlerPathCollection`.

use super::legend_options::LegendOptions;
use super::line::{Blend, Line2D};
use super::markevery::MarkEvery;
use super::paint::{Paint, PathCmd};
use super::{Artist, DrawCtx};

/// The handle of one entry, drawn in the DrawingArea at display offset `off`.
pub(crate) fn handle(
    a: &Artist,
    fs: f64,
    opts: &LegendOptions,
    dc: f64,
    off: (f64, f64),
    ctx: &DrawCtx,
) -> Vec<Paint> {
    let h = ctx.h;
    // dpi_transform + offset, then Agg's flip.
    let to_dev = move |x: f64, y: f64| (x * dc + off.0, y * (-dc) + (h - off.1));
    let (width, height) = (opts.handlelength * fs, fs * 0.7 - 0.0);
    let ms = opts.markerscale;
    match a {
        Artist::Line(l) => {
            let mut leg: Line2D = l.clone();
            let x0 = -0.0;
            let x1 = -0.0 + width;
            let yv = (height - 0.0) / 2.0;
            if opts.numpoints > 1 {
                // HandlerLine2D: numpoints markers on linspace(pad, width - pad), pad 0.3 em.
                let pad = 0.3 * fs;
                let (a, b) = (-0.0 + pad, -0.0 + width - pad);
                let n = opts.numpoints;
                let step = (b - a) / (n - 1) as f64;
                leg.x = (0..n)
                    .map(|i| if i == n - 1 { b } else { i as f64 * step + a })
                    .collect();
                leg.y = vec![yv; n];
                leg.markevery = None;
            } else {
                leg.x = vec![x0, x0 + (x1 - x0) * 0.5, x1];
                leg.y = vec![yv; 3];
                leg.markevery = Some(MarkEvery::Indices(vec![1]));
            }
            leg.drawstyle = super::line::DrawStyle::Default;
            if ms != 1.0 {
                leg.markersize_pt *= ms;
            }
            leg.paint_in(ctx.dpi, &to_dev, None)
        }
        Artist::Patch(p) => {
            // HandlerPatch: a Rectangle (-xdescent, -ydescent, width, height).
            let corners = [(0.0, 0.0), (width, 0.0), (width, height), (0.0, height)];
            let mut path: Vec<PathCmd> = corners
                .iter()
                .enumerate()
                .map(|(i, &(x, y))| {
                    let d = to_dev(x, y);
                    if i == 0 {
                        PathCmd::MoveTo(d.0, d.1)
                    } else {
                        PathCmd::LineTo(d.0, d.1)
                    }
                })
                .collect();
            path.push(PathCmd::ClosePoly);
            let mut legp = p.clone();
            legp.rect = (0.0, 0.0, width, height);
            let mut paints = p.paint_path(path, ctx.dpi, None);
            paints.truncate(1);
            paints
        }
        Artist::Text(_) | Artist::Mesh(_) | Artist::Contour(_) => Vec::new(),
        Artist::Collection(c) => {
            // HandlerPolyCollection: a Rectangle with the collection's first colours
            // (alpha already in them) and line width.
            let p = super::patch::Patch {
                hatch: None,
                rect: (0.0, 0.0, width, height),
                blend: Blend::Data,
                face: c.face_rgba(),
                edge: c.edge_rgba(),
                linewidth_pt: c.linewidth_pt,
                linestyle: c.linestyle.clone(),
                alpha: None,
                zorder: c.zorder,
                label: None,
            };
            handle(&Artist::Patch(p), fs, opts, dc, off, ctx)
        }
        Artist::StepPatch(pp) => match pp.legend_line(width, height) {
            Some(l) => l.paint_in(ctx.dpi, &to_dev, None),
            None => handle(&Artist::Patch(pp.patch.clone()), fs, opts, dc, off, ctx),
        },
        Artist::Polygon(pg) => handle(&Artist::Patch(pg.patch.clone()), fs, opts, dc, off, ctx),
        Artist::PathPatch(pp) => handle(&Artist::Patch(pp.patch.clone()), fs, opts, dc, off, ctx),
        Artist::Scatter(c) => {
            // HandlerPathCollection: scatterpoints markers, at the handle's middle (one)
            // or on linspace(pad, width - pad) (pad 0.3 em), at heights scatteryoffsets
            // (tiled to scatterpoints) times the handle height.
            let n = opts.scatterpoints.max(1);
            let xs: Vec<f64> = if n > 1 {
                let pad = 0.3 * fs;
                let (a, b) = (-0.0 + pad, -0.0 + width - pad);
                let step = (b - a) / (n - 1) as f64;
                (0..n)
                    .map(|i| if i == n - 1 { b } else { i as f64 * step + a })
                    .collect()
            } else {
                vec![-0.0 + 0.5 * width]
            };
            let default_offsets = [3.0 / 8.0, 4.0 / 8.0, 2.5 / 8.0];
            let yoffs: &[f64] = opts.scatteryoffsets.as_deref().unwrap_or(&default_offsets);
            let at: Vec<(f64, f64)> = xs
                .iter()
                .enumerate()
                .map(|(i, &x)| {
                    let y = height * yoffs[i % yoffs.len().max(1)];
                    (x * dc + off.0, y * dc + off.1)
                })
                .collect();
            c.paint_handle(ctx, &at, ms)
        }
    }
}
