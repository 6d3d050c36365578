//! `pcolormesh` → `QuadMesh`: `_pcolorargs`' grid rules (flat, nearest, auto; 1-D or 2-D
//! X and Y), colour mapping of C, and `RendererAgg::draw_quad_mesh`: every quad one
//! five-vertex code-less path (`(r, c), (r+1, c), (r+1, c+1), (r, c+1), (r, c)`), snapped
//! (rc `pcolormesh.snap` True), filled without anti-aliasing, in row-major order.

use super::paint::{CapStyle, JoinStyle, Paint, PathCmd, PathDraw, Snap, Stroke};
use super::{DataLim, DrawCtx};
use crate::color::{Color, Colormap, Norm};
use crate::ticks::AxisScale;
use crate::{Error, Result};

/// A 2-D array of numbers, row-major (`rows` rows of `cols` values): `C` of `pcolormesh`,
/// `Z` of `contour`, or 2-D `X`/`Y`.
#[derive(Debug, Clone, PartialEq)]
pub struct Array2D {
    /// Row count.
    pub rows: usize,
    /// Column count.
    pub cols: usize,
    /// The values, row after row (`rows * cols` of them).
    pub data: Vec<f64>,
}

impl Array2D {
    /// An array of `rows` rows of `cols` values; errors when the lengths disagree.
    pub fn new(rows: usize, cols: usize, data: Vec<f64>) -> Result<Array2D> {
        if rows.checked_mul(cols) != Some(data.len()) {
            return Err(Error::invalid(
                "2-D array",
                format!("{} values for shape ({rows}, {cols})", data.len()),
                "rows * cols values",
            ));
        }
        Ok(Array2D { rows, cols, data })
    }

    /// An array from its rows; errors when they are ragged.
    pub fn from_rows(rows: &[Vec<f64>]) -> Result<Array2D> {
        let cols = rows.first().map_or(0, Vec::len);
        if let Some(r) = rows.iter().find(|r| r.len() != cols) {
            return Err(Error::invalid(
                "2-D array",
                format!("a row of {} values among rows of {cols}", r.len()),
                "rows of one length",
            ));
        }
        Array2D::new(rows.len(), cols, rows.concat())
    }

    /// The value at row `r`, column `c`.
    pub fn at(&self, r: usize, c: usize) -> f64 {
        self.data[r * self.cols + c]
    }

    fn transposed(&self) -> Array2D {
        let mut data = Vec::with_capacity(self.data.len());
        for c in 0..self.cols {
            for r in 0..self.rows {
                data.push(self.at(r, c));
            }
        }
        Array2D {
            rows: self.cols,
            cols: self.rows,
            data,
        }
    }
}

/// Mesh coordinates: one value per column (X) or row (Y), or a 2-D grid.
#[derive(Debug, Clone, PartialEq)]
pub enum MeshCoords {
    /// 1-D: repeated along the other axis.
    D1(Vec<f64>),
    /// 2-D, the shape of the grid.
    D2(Array2D),
}

impl From<Vec<f64>> for MeshCoords {
    fn from(v: Vec<f64>) -> Self {
        MeshCoords::D1(v)
    }
}

impl From<Array2D> for MeshCoords {
    fn from(v: Array2D) -> Self {
        MeshCoords::D2(v)
    }
}

/// `pcolormesh`'s `shading`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shading {
    /// X and Y are the quads' corners (one more than C each way).
    Flat,
    /// X and Y are the quads' centres (C's shape); corners are the midpoints.
    Nearest,
    /// Nearest when X and Y have C's shape, else flat (rc `pcolor.shading`).
    #[default]
    Auto,
    /// X and Y are the grid points (C's shape); each quad is four Gouraud-shaded
    /// triangles about its centre, coloured by C at its corners.
    Gouraud,
}

impl std::str::FromStr for Shading {
    type Err = Error;
    fn from_str(s: &str) -> Result<Shading> {
        match s.to_ascii_lowercase().as_str() {
            "flat" => Ok(Shading::Flat),
            "nearest" => Ok(Shading::Nearest),
            "auto" => Ok(Shading::Auto),
            "gouraud" => Ok(Shading::Gouraud),
            _ => Err(Error::invalid(
                "pcolormesh shading",
                format!("{s:?}"),
                "'flat', 'nearest', 'auto' or 'gouraud'",
            )),
        }
    }
}

/// `pcolormesh`'s keywords.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct PcolormeshOptions {
    /// `shading` ('auto').
    pub shading: Shading,
    /// `cmap` (viridis).
    pub cmap: Option<Colormap>,
    /// `norm` (linear); unset limits are autoscaled from the finite values of C.
    pub norm: Option<Norm>,
    /// `vmin`.
    pub vmin: Option<f64>,
    /// `vmax`.
    pub vmax: Option<f64>,
    /// `alpha`.
    pub alpha: Option<f64>,
    /// `edgecolors` ('none'; 'face' strokes with the face colours).
    pub edgecolors: Option<String>,
    /// `linewidth` of the edges in points (rc `patch.linewidth`, 1).
    pub linewidth: Option<f64>,
    /// `antialiased` (False).
    pub antialiased: bool,
    /// `zorder` (1).
    pub zorder: Option<f64>,
}

option_setters!(PcolormeshOptions {
    /// `shading=`: how X and Y relate to C.
    shading: Shading => shading;
    /// `cmap=`: the colormap.
    cmap: Colormap => cmap = Some;
    /// `norm=`: the norm.
    norm: Norm => norm = Some;
    /// `vmin=`: the norm's lower limit.
    vmin: f64 => vmin = Some;
    /// `vmax=`: the norm's upper limit.
    vmax: f64 => vmax = Some;
    /// `alpha=`: the quads' alpha.
    alpha: f64 => alpha = Some;
    /// `edgecolors=`: the quads' edge colour ('none', 'face' or a colour).
    edgecolors: impl Into<String> => edgecolors = some_into;
    /// `linewidth=`: the edge width in points.
    linewidth: f64 => linewidth = Some;
    /// `antialiased=`: anti-aliased quads.
    antialiased: bool => antialiased;
    /// `zorder=`: the drawing order.
    zorder: f64 => zorder = Some;
});

/// Edge colours of a mesh.
#[derive(Debug, Clone)]
pub(crate) enum Edges {
    None,
    Face,
    Color(Color),
}

/// A `QuadMesh`: `(rows + 1) x (cols + 1)` corners and `rows x cols` values.
#[derive(Debug, Clone)]
pub struct QuadMesh {
    /// Corner x, y: `(rows + 1) * (cols + 1)` each, row-major.
    pub(crate) x: Vec<f64>,
    pub(crate) y: Vec<f64>,
    pub(crate) rows: usize,
    pub(crate) cols: usize,
    /// C, masked values as NaN.
    pub(crate) values: Vec<f64>,
    pub(crate) cmap: Colormap,
    pub(crate) norm: Norm,
    pub(crate) alpha: Option<f64>,
    pub(crate) edges: Edges,
    pub(crate) linewidth_pt: f64,
    pub(crate) antialiased: bool,
    pub(crate) zorder: f64,
    /// `shading='gouraud'`: `x`, `y` are `rows * cols` grid points, one per value.
    pub(crate) gouraud: bool,
}

fn shape_err(what: String) -> Error {
    Error::invalid("pcolormesh", what, "X, Y and C shapes matplotlib accepts")
}

/// `_interp_grid`: corners at the midpoints of the columns' centres.
fn interp_grid(x: &Array2D) -> Array2D {
    let (r, c) = (x.rows, x.cols);
    let mut out = Vec::with_capacity(r * (c + 1));
    for i in 0..r {
        let row = &x.data[i * c..(i + 1) * c];
        if c > 1 {
            let dx: Vec<f64> = row.windows(2).map(|w| (w[1] - w[0]) * 0.5).collect();
            out.push(row[0] - dx[0]);
            for j in 0..c - 1 {
                out.push(row[j] + dx[j]);
            }
            out.push(row[c - 1] + dx[c - 2]);
        } else {
            out.extend_from_slice(row);
            out.extend_from_slice(row);
        }
    }
    Array2D {
        rows: r,
        cols: if c > 1 { c + 1 } else { 2 * c },
        data: out,
    }
}

/// `Axes._pcolorargs`: the corner grids of `C` (rows x cols) from X and Y.
pub(crate) fn pcolorargs(
    xy: Option<(MeshCoords, MeshCoords)>,
    rows: usize,
    cols: usize,
    shading: Shading,
) -> Result<(Array2D, Array2D)> {
    let (x, y, shading) = match xy {
        None => {
            let (nx, ny, sh) = match shading {
                Shading::Nearest | Shading::Gouraud => (cols, rows, shading),
                _ => (cols + 1, rows + 1, Shading::Flat),
            };
            let xs: Vec<f64> = (0..nx).map(|i| i as f64).collect();
            let ys: Vec<f64> = (0..ny).map(|i| i as f64).collect();
            (MeshCoords::D1(xs), MeshCoords::D1(ys), sh)
        }
        Some((x, y)) => (x, y, shading),
    };
    // X.shape[-1], Y.shape[0]
    let nx = match &x {
        MeshCoords::D1(v) => v.len(),
        MeshCoords::D2(a) => a.cols,
    };
    let ny = match &y {
        MeshCoords::D1(v) => v.len(),
        MeshCoords::D2(a) => a.rows,
    };
    let x2 = match x {
        MeshCoords::D2(a) if a.rows != 1 => a,
        MeshCoords::D2(a) => Array2D::new(ny, nx, a.data.repeat(ny))?,
        MeshCoords::D1(v) => Array2D::new(ny, nx, v.repeat(ny))?,
    };
    let y2 = match y {
        MeshCoords::D2(a) if a.cols != 1 => a,
        MeshCoords::D2(a) => {
            Array2D::new(ny, nx, a.data.iter().flat_map(|&v| vec![v; nx]).collect())?
        }
        MeshCoords::D1(v) => Array2D::new(ny, nx, v.iter().flat_map(|&v| vec![v; nx]).collect())?,
    };
    if (x2.rows, x2.cols) != (y2.rows, y2.cols) {
        return Err(shape_err(format!(
            "X of shape ({}, {}) and Y of shape ({}, {})",
            x2.rows, x2.cols, y2.rows, y2.cols
        )));
    }
    let shading = match shading {
        Shading::Auto if cols == nx && rows == ny => Shading::Nearest,
        Shading::Auto => Shading::Flat,
        s => s,
    };
    if shading == Shading::Flat {
        if (nx, ny) != (cols + 1, rows + 1) {
            return Err(shape_err(format!(
                "C of shape ({rows}, {cols}) with X({nx}) and Y({ny}) under shading='flat'"
            )));
        }
        return Ok((x2, y2));
    }
    if (nx, ny) != (cols, rows) {
        let name = if shading == Shading::Gouraud {
            "gouraud"
        } else {
            "nearest"
        };
        return Err(shape_err(format!(
            "C of shape ({rows}, {cols}) with X({nx}) and Y({ny}) under shading='{name}'"
        )));
    }
    if shading == Shading::Gouraud {
        return Ok((x2, y2));
    }
    let (mut x2, mut y2) = (x2, y2);
    if cols == nx {
        x2 = interp_grid(&x2);
        y2 = interp_grid(&y2);
    }
    if rows == ny {
        x2 = interp_grid(&x2.transposed()).transposed();
        y2 = interp_grid(&y2.transposed()).transposed();
    }
    Ok((x2, y2))
}

/// The norm with its unset limits taken from the finite values (`autoscale_None`).
pub(crate) fn autoscaled_norm(
    norm: Option<Norm>,
    vmin: Option<f64>,
    vmax: Option<f64>,
    values: &[f64],
) -> Norm {
    let mut norm = norm.unwrap_or_else(Norm::linear);
    if vmin.is_some() {
        norm = norm.with_vmin(vmin);
    }
    if vmax.is_some() {
        norm = norm.with_vmax(vmax);
    }
    let (lo, hi) = values
        .iter()
        .copied()
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| {
            (a.min(x), b.max(x))
        });
    if norm.vmin().is_none() && lo.is_finite() {
        norm = norm.with_vmin(Some(lo));
    }
    if norm.vmax().is_none() && hi.is_finite() {
        norm = norm.with_vmax(Some(hi));
    }
    norm
}

/// `cmap(norm(v), alpha)` as a float colour: the bad colour keeps its zero alpha.
pub(crate) fn mapped_color(cmap: &Colormap, norm: &Norm, v: f64, alpha: Option<f64>) -> Color {
    let n = if v.is_finite() {
        crate::layout::norm_forward(norm, v)
    } else {
        f64::NAN
    };
    let c = cmap.rgba(n);
    match alpha {
        Some(a) if !(n.is_nan() && c.r == 0.0 && c.g == 0.0 && c.b == 0.0 && c.a == 0.0) => {
            c.with_alpha(a.clamp(0.0, 1.0))
        }
        _ => c,
    }
}

impl QuadMesh {
    pub(crate) fn new(
        xy: Option<(MeshCoords, MeshCoords)>,
        c: Array2D,
        opts: PcolormeshOptions,
    ) -> Result<QuadMesh> {
        let (x, y) = pcolorargs(xy, c.rows, c.cols, opts.shading)?;
        if x.data.iter().chain(&y.data).any(|v| !v.is_finite()) {
            return Err(Error::invalid(
                "pcolormesh",
                "X or Y with non-finite values",
                "finite coordinates",
            ));
        }
        let cmap = match opts.cmap {
            Some(c) => c,
            None => Colormap::named("viridis")?,
        };
        let values: Vec<f64> = c
            .data
            .iter()
            .map(|&v| if v.is_finite() { v } else { f64::NAN })
            .collect();
        let norm = autoscaled_norm(opts.norm, opts.vmin, opts.vmax, &values);
        let with_alpha = |c: Color| opts.alpha.map_or(c, |a| c.with_alpha(a));
        let edges = match opts.edgecolors.as_deref() {
            None | Some("none") | Some("None") => Edges::None,
            Some("face") => Edges::Face,
            Some(s) => Edges::Color(with_alpha(Color::parse(s).map_err(|_| {
                Error::invalid(
                    "pcolormesh edgecolors",
                    format!("{s:?}"),
                    "a matplotlib colour",
                )
            })?)),
        };
        Ok(QuadMesh {
            x: x.data,
            y: y.data,
            rows: c.rows,
            cols: c.cols,
            values,
            cmap,
            norm,
            alpha: opts.alpha,
            edges,
            linewidth_pt: opts.linewidth.unwrap_or(1.0),
            antialiased: opts.antialiased,
            zorder: opts.zorder.unwrap_or(1.0),
            gouraud: opts.shading == Shading::Gouraud,
        })
    }

    /// The corners' extent: `(xmin, xmax, ymin, ymax)` (the sticky edges).
    pub(crate) fn extent(&self) -> (f64, f64, f64, f64) {
        let mm = |v: &[f64]| {
            v.iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &x| {
                    (a.min(x), b.max(x))
                })
        };
        let ((x0, x1), (y0, y1)) = (mm(&self.x), mm(&self.y));
        (x0, x1, y0, y1)
    }

    pub(crate) fn data_limits(&self) -> DataLim {
        let mut lim = DataLim::default();
        for (&x, &y) in self.x.iter().zip(&self.y) {
            lim.add(Some(x), Some(y));
        }
        lim
    }

    /// `QuadMesh.draw` → `draw_quad_mesh` (or `draw_gouraud_triangles`).
    pub(crate) fn paint(&self, ctx: &DrawCtx, norm_override: Option<&Norm>) -> Vec<Paint> {
        let norm = norm_override.unwrap_or(&self.norm);
        if self.gouraud {
            return vec![super::mesh_gouraud::paint(self, ctx, norm)];
        }
        let w = self.cols + 1;
        let linear = ctx.xscale == AxisScale::Linear && ctx.yscale == AxisScale::Linear;
        // An affine transData goes to Agg whole; otherwise the corners are transformed to
        // display first and Agg only flips them.
        let dev: Vec<(f64, f64)> = self
            .x
            .iter()
            .zip(&self.y)
            .map(|(&x, &y)| {
                if linear {
                    ctx.to_device_blend(x, y, super::line::Blend::Data)
                } else {
                    let (dx, dy) = ctx.to_display(x, y);
                    (dx, ctx.h - dy)
                }
            })
            .collect();
        let lw_px = self.linewidth_pt * ctx.dpi / 72.0;
        let mut out = Vec::with_capacity(self.rows * self.cols);
        for r in 0..self.rows {
            for c in 0..self.cols {
                let face =
                    mapped_color(&self.cmap, norm, self.values[r * self.cols + c], self.alpha)
                        .to_rgba8_round();
                let edge = match &self.edges {
                    Edges::None => None,
                    Edges::Face => Some(face),
                    Edges::Color(e) => Some(e.to_rgba8_round()),
                };
                if face[3] == 0 && edge.is_none_or(|e| e[3] == 0) {
                    continue;
                }
                let p = |rr: usize, cc: usize| dev[rr * w + cc];
                let pts = [p(r, c), p(r + 1, c), p(r + 1, c + 1), p(r, c + 1), p(r, c)];
                let path = pts
                    .iter()
                    .enumerate()
                    .map(|(i, &(x, y))| {
                        if i == 0 {
                            PathCmd::MoveTo(x, y)
                        } else {
                            PathCmd::LineTo(x, y)
                        }
                    })
                    .collect();
                out.push(Paint::Path(PathDraw {
                    path,
                    fill: Some(face),
                    stroke: edge.map(|color| Stroke {
                        width_px: lw_px,
                        color,
                        cap: CapStyle::Butt,
                        join: JoinStyle::Round,
                        dashes: None,
                    }),
                    clip: Some(ctx.clip),
                    snap: Snap::On,
                    simplify: false,
                    antialiased: self.antialiased,
                }));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_corners_are_midpoints() {
        let c = Array2D::new(2, 3, vec![0.0; 6]).unwrap();
        let (x, y) = pcolorargs(
            Some((vec![0.0, 1.0, 3.0].into(), vec![0.0, 2.0].into())),
            c.rows,
            c.cols,
            Shading::Auto,
        )
        .unwrap();
        assert_eq!((x.rows, x.cols), (3, 4));
        assert_eq!(&x.data[..4], &[-0.5, 0.5, 2.0, 4.0]);
        assert_eq!(
            y.data.iter().step_by(4).copied().collect::<Vec<_>>(),
            vec![-1.0, 1.0, 3.0]
        );
    }

    #[test]
    fn flat_shape_mismatch_names_the_shapes() {
        let e = pcolorargs(
            Some((vec![0.0, 1.0].into(), vec![0.0, 1.0].into())),
            3,
            3,
            Shading::Flat,
        )
        .unwrap_err();
        assert!(e.to_string().contains("(3, 3)"), "{e}");
    }
}
