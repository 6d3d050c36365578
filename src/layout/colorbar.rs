//! Colorbar layout: the cells colorbars take from their parents (`make_axes_gridspec`,
//! `make_axes`), the bar's box with its extend triangles (`_ColorbarAxesLocator`), its long
//! axis and label, and the colour cells' edges (`Colorbar._mesh`).

use super::*;

/// matplotlib's default `extendfrac`: each extend triangle is 5 % of the interior.
const EXTEND_FRAC: f64 = 0.05;

/// The display coordinates of a colorbar's cell boundaries along its long axis, following
/// `Colorbar._process_values`, `_proportional_y` and `_mesh`: boundaries
/// `norm.inverse(linspace(0, 1, N + 1))`, normalised again, inverted with the colorbar's
/// limits, then through the axis scale (`map`).
fn colorbar_edges(norm: &Norm, limits: (f64, f64), map: &AxisMap, n: usize) -> Result<Vec<f64>> {
    let step = 1.0 / n as f64;
    let prepared = norm.prepare(Work::F64, false)?;
    let mut y = Vec::with_capacity(n + 1);
    for k in 0..=n {
        let u = if k == n { 1.0 } else { k as f64 * step };
        let b = norm.inverse(u)?;
        y.push(prepared.as_ref().map_or(f64::NAN, |p| prepared_value(p, b)));
    }
    let (y0, y1) = (y[0], y[n]);
    // `_mesh` inverts with the norm's limits set to the colorbar's own (`limits`).
    let mesh_norm = norm.clone().with_limits(Some(limits.0), Some(limits.1));
    let mut out = Vec::with_capacity(n + 1);
    for v in y {
        let data = mesh_norm.inverse((v - y0) / (y1 - y0))?;
        out.push(map.forward(data));
    }
    Ok(out)
}

/// Display and device coordinates of the scaled values `ts` along a colorbar's long axis
/// (`trans` the colorbar's data transform, `h` the canvas height). With a linear scale the
/// mesh's transform is affine and Agg multiplies the y flip into it (`scale(1, -1)`, then
/// `translate(0, h)`), so a vertical bar's device y is `t * -sy + (h - ty)`; with any other
/// scale `QuadMesh.draw` transforms the coordinates to display first and the flip is
/// `h - y`. x is not flipped.
fn long_axis_coords(
    ts: &[f64],
    trans: &Affine,
    side: Side,
    h: f64,
    affine: bool,
) -> (Vec<f64>, Vec<f64>) {
    match side {
        Side::Bottom => {
            let x: Vec<f64> = ts.iter().map(|&t| trans.sx * t + trans.tx).collect();
            (x.clone(), x)
        }
        _ => ts
            .iter()
            .map(|&t| {
                let y = trans.sy * t + trans.ty;
                let dev = if affine {
                    t * -trans.sy + (h - trans.ty)
                } else {
                    h - y
                };
                (y, dev)
            })
            .unzip(),
    }
}

/// The cells colorbars take out of their parents' slots (`make_axes_gridspec`, or
/// `make_axes` for a colorbar of several parents), with the anchor of each; the parents'
/// slots and anchors are updated in place.
pub(super) fn colorbar_cells(
    fig: &Figure,
    slots: &mut [Bbox],
    anchors: &mut [Anchor],
) -> Vec<(Bbox, Anchor)> {
    let mut cbar_cells = Vec::with_capacity(fig.colorbars.len());
    for cb in &fig.colorbars {
        let o = &cb.options;
        if let Some(parents) = &o.ax {
            let cell = crate::colorbar::make_axes(slots, anchors, parents, o);
            cbar_cells.push(cell);
            continue;
        }
        let parent = cb.parent().index;
        let slot = slots[parent];
        let (cell, main, panchor, anchor) = match o.orientation {
            Orientation::Vertical => {
                let pad = o.pad.unwrap_or(0.05);
                let wh_space = 2.0 * pad / (1.0 - pad);
                let anchor = Anchor { x: 0.0, y: 0.5 };
                let rows = [
                    (1.0 - anchor.y) * (1.0 - o.shrink),
                    o.shrink,
                    anchor.y * (1.0 - o.shrink),
                ];
                let cols = [1.0 - o.fraction - pad, o.fraction];
                let pos = grid_positions(slot, wh_space, 0.0, &rows, &cols);
                (
                    grid_cell(&pos, 1..=1, 1..=1),
                    grid_cell(&pos, 0..=2, 0..=0),
                    Anchor { x: 1.0, y: 0.5 },
                    anchor,
                )
            }
            Orientation::Horizontal => {
                let pad = o.pad.unwrap_or(0.15);
                let wh_space = 2.0 * pad / (1.0 - pad);
                let anchor = Anchor { x: 0.5, y: 1.0 };
                let cols = [
                    anchor.x * (1.0 - o.shrink),
                    o.shrink,
                    (1.0 - anchor.x) * (1.0 - o.shrink),
                ];
                let rows = [1.0 - o.fraction - pad, o.fraction];
                let pos = grid_positions(slot, 0.0, wh_space, &rows, &cols);
                (
                    grid_cell(&pos, 1..=1, 1..=1),
                    grid_cell(&pos, 0..=0, 0..=2),
                    Anchor { x: 0.5, y: 0.0 },
                    anchor,
                )
            }
        };
        slots[parent] = main;
        anchors[parent] = panchor;
        cbar_cells.push((cell, anchor));
    }
    cbar_cells
}

/// Lays out every colorbar in its cell (from [`colorbar_cells`]): box, long axis, extend
/// triangles and colour-cell edges. `axes` are the laid-out Axes (their image norms), `wf`,
/// `hf` the figure size in display units and `height_px` the canvas height.
#[allow(clippy::too_many_arguments)]
pub(super) fn layout_colorbars(
    fig: &Figure,
    glyphs: &mut GlyphCache,
    cbar_cells: Vec<(Bbox, Anchor)>,
    axes_out: &[AxesLayout],
    wf: f64,
    hf: f64,
    fig_aspect: f64,
    height_px: usize,
) -> Result<Vec<ColorbarLayout>> {
    let mut colorbars = Vec::with_capacity(fig.colorbars.len());
    for (index, (cb, (cell, anchor))) in fig.colorbars.iter().zip(cbar_cells).enumerate() {
        let o = &cb.options;
        let alpha = match cb.mappable {
            Mappable::Artist(h) => fig
                .axes(h.axes)
                .and_then(|a| a.plot.artists.get(h.index))
                .and_then(|a| a.alpha()),
            Mappable::Image(h) => fig
                .axes(h.axes)
                .and_then(|a| a.images.get(h.index))
                .and_then(|i| i.alpha),
        };
        let contour = match cb.mappable {
            Mappable::Artist(h) => fig
                .axes(h.axes)
                .and_then(|a| a.plot.artists.get(h.index))
                .and_then(|a| match a {
                    crate::artists::Artist::Contour(c) => Some(c),
                    _ => None,
                }),
            Mappable::Image(_) => None,
        };
        let cscale = contour.map(ContourScale::new);
        let (norm, cmap) = match (&cscale, cb.mappable) {
            (Some(s), _) => (
                Norm::linear().with_limits(Some(s.limits.0), Some(s.limits.1)),
                Colormap::named("viridis")?,
            ),
            (None, Mappable::Image(h)) => {
                let image = fig
                    .axes(h.axes)
                    .and_then(|a| a.images.get(h.index))
                    .ok_or_else(|| {
                        Error::invalid(
                            "colorbar image",
                            format!("{h:?}"),
                            "an image of this figure",
                        )
                    })?;
                (
                    axes_out[h.axes.index].image_norms[h.index].clone(),
                    image.cmap.clone(),
                )
            }
            (None, Mappable::Artist(h)) => fig
                .axes(h.axes)
                .and_then(|a| a.plot.artists.get(h.index))
                .and_then(|a| a.mapping())
                .map(|(n, c)| (n.clone(), c.clone()))
                .ok_or_else(|| {
                    Error::invalid(
                        "colorbar mappable",
                        format!("{h:?}"),
                        "a colour-mapped scatter or pcolormesh",
                    )
                })?,
        };
        // The long axis spans the first and last colour boundaries,
        // `norm.inverse(0)` and `norm.inverse(1)` (colorbar.py's `vmin`/`vmax`), which can
        // differ from the norm's limits in the last bit.
        let (vmin, vmax) = match (&cscale, norm.vmin(), norm.vmax()) {
            (Some(s), _, _) => s.limits,
            (None, Some(a), Some(b)) => (
                norm.inverse(0.0).unwrap_or(a),
                norm.inverse(1.0).unwrap_or(b),
            ),
            _ => (0.0, 1.0),
        };
        // Extend triangles take their length (5 % of the interior each) out of the cell, as
        // `_ColorbarAxesLocator` does: shrink, shift, and adapt the box aspect.
        // A contour set's own `extend` replaces the keyword.
        let (lower, upper) = match (contour, o.extend) {
            (Some(c), _) => c.extended,
            (None, Extend::Neither) => (false, false),
            (None, Extend::Min) => (true, false),
            (None, Extend::Max) => (false, true),
            (None, Extend::Both) => (true, true),
        };
        let (elo, ehi) = (
            if lower { EXTEND_FRAC } else { 0.0 },
            if upper { EXTEND_FRAC } else { 0.0 },
        );
        let (cell, box_aspect) = if lower || upper {
            let len = (elo + ehi) + 1.0;
            let shrink = 1.0 / len;
            let offset = elo / len;
            match o.orientation {
                Orientation::Vertical => {
                    let dy = offset * cell.height();
                    let h = shrink * cell.height();
                    (
                        Bbox {
                            x0: cell.x0,
                            y0: cell.y0 + dy,
                            x1: cell.x1,
                            y1: cell.y0 + h + dy,
                        },
                        o.aspect * shrink,
                    )
                }
                Orientation::Horizontal => {
                    let dx = offset * cell.width();
                    let w = shrink * cell.width();
                    (
                        Bbox {
                            x0: cell.x0 + dx,
                            y0: cell.y0,
                            x1: cell.x0 + w + dx,
                            y1: cell.y1,
                        },
                        1.0 / (o.aspect * shrink),
                    )
                }
            }
        } else {
            let a = match o.orientation {
                Orientation::Vertical => o.aspect,
                Orientation::Horizontal => 1.0 / o.aspect,
            };
            (cell, a)
        };
        let pos = cell
            .shrunk_to_aspect(box_aspect, fig_aspect)
            .anchored(anchor, &cell);
        let bbox = pos.scaled(wf, hf);
        // `_reset_locator_formatter_scale`: a LogNorm contour set gets a log axis, any other
        // the uniform boundaries; no minor ticks either way (`NullLocator`).
        let map = match &cscale {
            Some(_) if contour.is_some_and(|c| c.lognorm) => AxisMap::Scale(AxisScale::LOG10),
            Some(s) => AxisMap::Boundaries(s.boundaries.clone()),
            None => AxisMap::for_norm(&norm),
        };
        let fixed = cscale.as_ref().map(|s| (s.ticks.clone(), None));
        let (fa, fb) = (map.forward(vmin), map.forward(vmax));
        let (side, sview_x, sview_y) = match o.orientation {
            Orientation::Vertical => (Side::Right, (0.0, 1.0), (fa, fb)),
            Orientation::Horizontal => (Side::Bottom, (fa, fb), (0.0, 1.0)),
        };
        let trans = trans_data(sview_x, sview_y, &bbox);
        // The outline's extent (`Patch.get_window_extent`): its vertices in axes
        // coordinates through transAxes; the top is the upper apex when extended.
        let outline_top =
            (bbox.height() * 1.0 + bbox.y0).max(bbox.height() * (1.0 + ehi) + bbox.y0);
        let mut axis = layout_axis(
            fig,
            glyphs,
            AxisSpec {
                side,
                view: (vmin, vmax),
                map: &map,
                bbox: &bbox,
                trans: &trans,
                fixed: fixed.as_ref(),
                params: TickParams {
                    minor_ticks: cscale.as_ref().map(|_| false),
                    ..TickParams::default()
                },
                subs: None,
                outline_top: Some(outline_top),
                locator_len_px: None,
                locator_label_pt: None,
            },
        )?;
        let h = height_px as f64;
        let affine = matches!(map, AxisMap::Scale(AxisScale::Linear));
        let (cell_edges, cell_edges_device, contour) = match (&cscale, contour) {
            (Some(s), Some(c)) => {
                let scaled: Vec<f64> = s.mesh.iter().map(|&v| map.forward(v)).collect();
                let (edges, device) = long_axis_coords(&scaled, &trans, side, h, affine);
                let bar = ContourScale::bar(c, &edges);
                (edges, device, Some(bar))
            }
            _ => {
                let scaled = colorbar_edges(&norm, (vmin, vmax), &map, cmap.n())?;
                let (edges, device) = long_axis_coords(&scaled, &trans, side, h, affine);
                (edges, device, None)
            }
        };
        if let Some(l) = &o.label {
            place_axis_label(fig, glyphs, &mut axis, &bbox, l, &Default::default())?;
        }
        colorbars.push(ColorbarLayout {
            index,
            bbox,
            orientation: o.orientation,
            norm,
            cmap,
            axis,
            extend_lower: elo,
            extend_upper: ehi,
            cell_edges,
            cell_edges_device,
            alpha,
            contour,
        });
    }
    Ok(colorbars)
}
