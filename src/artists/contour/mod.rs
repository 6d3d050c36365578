//! `contour` and `contourf` → `QuadContourSet`: levels (`MaxNLocator(N + 1)` over the z
//! range, trimmed as `_autolev` does, or explicit), `extend`, colours from the norm at the
//! levels (lines) or layer midpoints (filled) or from a colour list, dashed negative levels
//! for monochrome lines, and the paths of contourpy's `mpl2014` generator
//! ([`mpl2014`]), drawn as one path collection (one path per level).

pub(crate) mod clabel;
pub(crate) mod mpl2014;
mod placement;
mod trace;

pub use clabel::{ClabelOptions, LabelFormat};

use super::line::LineStyle;
use super::mesh::{Array2D, MeshCoords};
use super::paint::{CapStyle, Dashes, JoinStyle, Paint, PathCmd, PathDraw, Snap, Stroke};
use super::{DataLim, DrawCtx};
use crate::color::{Color, Colormap, Norm};
use crate::ticks::{AxisScale, LogLocator, MaxNLocator};
use crate::{Error, Result};
use mpl2014::{Mpl2014, Piece, CLOSEPOLY, LINETO, MOVETO};

/// `levels`: a count for the locator, or the levels themselves.
#[derive(Debug, Clone, PartialEq)]
pub enum Levels {
    /// About this many levels, chosen by `MaxNLocator(n + 1)`.
    Count(usize),
    /// These levels (increasing).
    Values(Vec<f64>),
}

/// `extend` of a filled contour set: open-ended layers below/above the levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ContourExtend {
    /// No extra layers.
    #[default]
    Neither,
    /// A layer below the lowest level.
    Min,
    /// A layer above the highest level.
    Max,
    /// Both.
    Both,
}

impl std::str::FromStr for ContourExtend {
    type Err = Error;
    fn from_str(s: &str) -> Result<ContourExtend> {
        match s {
            "neither" => Ok(ContourExtend::Neither),
            "min" => Ok(ContourExtend::Min),
            "max" => Ok(ContourExtend::Max),
            "both" => Ok(ContourExtend::Both),
            _ => Err(Error::invalid(
                "contour extend",
                format!("{s:?}"),
                "'neither', 'min', 'max' or 'both'",
            )),
        }
    }
}

/// The keywords of `contour` and `contourf`.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ContourOptions {
    /// `levels` (7 levels chosen by the locator when `None`).
    pub levels: Option<Levels>,
    /// `colors`: one colour or a list (exclusive with `cmap`).
    pub colors: Option<Vec<String>>,
    /// `cmap` (viridis).
    pub cmap: Option<Colormap>,
    /// `norm` (linear); its unset limits come from the levels.
    pub norm: Option<Norm>,
    /// `vmin`.
    pub vmin: Option<f64>,
    /// `vmax`.
    pub vmax: Option<f64>,
    /// `alpha`.
    pub alpha: Option<f64>,
    /// `extend` (filled contours' open-ended layers; lines only use it for levels).
    pub extend: ContourExtend,
    /// `linewidths` in points, cycled over the levels (rc `lines.linewidth`, 1.5).
    pub linewidths: Option<Vec<f64>>,
    /// `linestyles`, cycled over the levels (solid; negative levels of monochrome lines
    /// dashed).
    pub linestyles: Option<Vec<LineStyle>>,
    /// `negative_linestyles` (rc `contour.negative_linestyle`, dashed).
    pub negative_linestyles: Option<LineStyle>,
    /// `antialiased` (False for filled contours, True for lines).
    pub antialiased: Option<bool>,
    /// `corner_mask` (rc `contour.corner_mask`, True).
    pub corner_mask: Option<bool>,
    /// `zorder` (1 filled, 2 lines).
    pub zorder: Option<f64>,
    /// `cs.logscale`: levels from a `LogLocator`, geometric layer midpoints, z <= 0 masked.
    /// `None`: true when `norm` is a LogNorm (`norm=LogNorm()`); `Some(false)` is what
    /// matplotlib 3.11 does for `norm='log'` given as a string (its check runs before the
    /// string becomes a LogNorm; the colorbar still gets a log axis).
    pub logscale: Option<bool>,
}

option_setters!(ContourOptions {
    /// `levels=`: a count or the levels.
    levels: Levels => levels = Some;
    /// `colors=`: the colours of the levels or layers.
    colors: Vec<String> => colors = Some;
    /// `cmap=`: the colormap.
    cmap: Colormap => cmap = Some;
    /// `norm=`: the norm.
    norm: Norm => norm = Some;
    /// `vmin=`: the norm's lower limit.
    vmin: f64 => vmin = Some;
    /// `vmax=`: the norm's upper limit.
    vmax: f64 => vmax = Some;
    /// `alpha=`: the alpha of every path.
    alpha: f64 => alpha = Some;
    /// `extend=`: open-ended layers.
    extend: ContourExtend => extend;
    /// `linewidths=`: line widths in points.
    linewidths: Vec<f64> => linewidths = Some;
    /// `linestyles=`: line styles.
    linestyles: Vec<LineStyle> => linestyles = Some;
    /// `negative_linestyles=`: the style of negative levels of monochrome lines.
    negative_linestyles: LineStyle => negative_linestyles = Some;
    /// `antialiased=`: anti-aliased paths.
    antialiased: bool => antialiased = Some;
    /// `corner_mask=`: mask only the triangle at a masked corner.
    corner_mask: bool => corner_mask = Some;
    /// `zorder=`: the drawing order.
    zorder: f64 => zorder = Some;
    /// Log-scaled levels and layers (see the field).
    logscale: bool => logscale = Some;
});

/// A `QuadContourSet`: one path per level (lines) or layer (filled), data coordinates.
#[derive(Debug, Clone)]
pub struct ContourSet {
    pub(crate) filled: bool,
    pub(crate) paths: Vec<Vec<Piece>>,
    pub(crate) colors: Vec<Color>,
    pub(crate) linewidths_pt: Vec<f64>,
    pub(crate) linestyles: Vec<LineStyle>,
    pub(crate) antialiased: bool,
    pub(crate) alpha: Option<f64>,
    pub(crate) zorder: f64,
    /// `(xmin, xmax, ymin, ymax)` of the grid (sticky edges and data limits).
    pub(crate) extent: (f64, f64, f64, f64),
    /// `cs.levels`.
    pub(crate) levels: Vec<f64>,
    /// `cs._levels`: the levels with -1e250 / 1e250 added for `extend` min / max.
    pub(crate) boundaries: Vec<f64>,
    /// Whether `extend` adds a lower / upper layer.
    pub(crate) extended: (bool, bool),
    /// Whether the norm is a LogNorm: the colorbar gets a log axis.
    pub(crate) lognorm: bool,
}

fn call(filled: bool) -> &'static str {
    if filled {
        "contourf"
    } else {
        "contour"
    }
}

/// `_autolev`: the locator's levels trimmed to the z range.
fn autolev(n: usize, zmin: f64, zmax: f64, extend: ContourExtend) -> Result<Vec<f64>> {
    let loc = MaxNLocator::new(
        n + 1,
        &[1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0],
        1,
    )?;
    let lev = loc.tick_values(zmin, zmax)?;
    Ok(trim_levels(&lev, zmin, zmax, extend))
}

/// The rest of `_autolev`: the locator's levels trimmed to the z range.
fn trim_levels(lev: &[f64], zmin: f64, zmax: f64, extend: ContourExtend) -> Vec<f64> {
    let under: Vec<usize> = (0..lev.len()).filter(|&i| lev[i] < zmin).collect();
    let mut i0 = under.last().copied().unwrap_or(0);
    let over: Vec<usize> = (0..lev.len()).filter(|&i| lev[i] > zmax).collect();
    let mut i1 = over.first().map_or(lev.len(), |&i| i + 1);
    if matches!(extend, ContourExtend::Min | ContourExtend::Both) {
        i0 += 1;
    }
    if matches!(extend, ContourExtend::Max | ContourExtend::Both) {
        i1 = i1.saturating_sub(1);
    }
    if i1 < i0 + 3 {
        i0 = 0;
        i1 = lev.len();
    }
    lev[i0..i1].to_vec()
}

impl ContourSet {
    /// `QuadContourSet(ax, [X, Y,] Z, levels, filled=...)`.
    pub(crate) fn new(
        xy: Option<(MeshCoords, MeshCoords)>,
        z: Array2D,
        filled: bool,
        opts: ContourOptions,
    ) -> Result<ContourSet> {
        let name = call(filled);
        let (ny, nx) = (z.rows, z.cols);
        if ny < 2 || nx < 2 {
            return Err(Error::invalid(
                name,
                format!("Z of shape ({ny}, {nx})"),
                "Z of at least (2, 2)",
            ));
        }
        let (x, y) = grid(name, xy, ny, nx)?;
        // A LogNorm makes the set log-scaled: z <= 0 is masked (after zmax is taken),
        // levels come from a LogLocator, layers are geometric midpoints.
        let lognorm = opts
            .norm
            .as_ref()
            .is_some_and(|n| matches!(n.kind(), crate::color::NormKind::Log));
        let logscale = opts.logscale.unwrap_or(lognorm);
        let finite = z.data.iter().copied().filter(|v| v.is_finite());
        let zmax = finite.fold(f64::NEG_INFINITY, f64::max);
        let masked: Vec<bool> = z
            .data
            .iter()
            .map(|&v| !v.is_finite() || (logscale && v <= 0.0))
            .collect();
        let kept = z.data.iter().zip(&masked).filter(|(_, &m)| !m);
        let zmin = kept.fold(f64::INFINITY, |a, (&v, _)| a.min(v));
        if !zmin.is_finite() {
            return Err(Error::invalid(
                name,
                "Z with no finite value",
                "finite values",
            ));
        }
        let levels = match opts.levels.clone().unwrap_or(Levels::Count(7)) {
            Levels::Count(n) if !logscale => autolev(n.max(1), zmin, zmax, opts.extend)?,
            Levels::Count(n) => {
                // `LogLocator(numticks=N)`; `levels=None` means numticks 'auto' (9
                // without an axis).
                let n = if opts.levels.is_none() { 9 } else { n.max(1) };
                let lev = LogLocator::major(10.0, n)?.tick_values(zmin, zmax)?;
                trim_levels(&lev, zmin, zmax, opts.extend)
            }
            Levels::Values(v) => v,
        };
        if filled && levels.len() < 2 {
            return Err(Error::invalid(
                "contourf levels",
                format!("{levels:?}"),
                "at least 2 levels",
            ));
        }
        if levels.windows(2).any(|w| w[1] - w[0] <= 0.0) {
            return Err(Error::invalid(
                format!("{name} levels"),
                format!("{levels:?}"),
                "increasing levels",
            ));
        }
        if lognorm && levels.iter().any(|&l| l <= 0.0) {
            return Err(Error::invalid(
                format!("{name} levels"),
                format!("{levels:?}"),
                "positive levels with a LogNorm",
            ));
        }
        if opts.colors.is_some() && opts.cmap.is_some() {
            return Err(Error::invalid(name, "both colors and cmap", "one of them"));
        }
        let (ext_min, ext_max) = (
            matches!(opts.extend, ContourExtend::Min | ContourExtend::Both),
            matches!(opts.extend, ContourExtend::Max | ContourExtend::Both),
        );
        // _process_levels
        let mut all = levels.clone();
        if ext_min {
            all.insert(0, if logscale { 1e-250 } else { -1e250 });
        }
        if ext_max {
            all.push(1e250);
        }
        let (colors, monochrome) =
            colors_of(&opts, &levels, &all, filled, (ext_min, ext_max), logscale)?;
        // The paths.
        let any_mask = masked.iter().any(|&m| m);
        let zdata: Vec<f64> = z.data.clone();
        let mut gen = Mpl2014::new(
            x.data.clone(),
            y.data.clone(),
            zdata,
            any_mask.then_some(masked),
            nx,
            ny,
            opts.corner_mask.unwrap_or(true),
        );
        let paths: Vec<Vec<Piece>> = if filled {
            let mut lowers: Vec<f64> = all[..all.len() - 1].to_vec();
            if zmin == lowers[0] {
                if logscale {
                    lowers[0] = 0.99 * zmin;
                } else {
                    lowers[0] -= 1.0;
                }
            }
            lowers
                .iter()
                .zip(&all[1..])
                .map(|(&lo, &up)| gen.filled(lo, up))
                .collect()
        } else {
            levels.iter().map(|&l| gen.lines(l)).collect()
        };
        let nlev = levels.len();
        let linewidths_pt = match &opts.linewidths {
            None => vec![1.5; nlev],
            Some(v) if v.is_empty() => vec![1.5; nlev],
            Some(v) => (0..nlev).map(|i| v[i % v.len()]).collect(),
        };
        let linestyles = match &opts.linestyles {
            Some(v) if !v.is_empty() => (0..nlev).map(|i| v[i % v.len()].clone()).collect(),
            _ => {
                let neg = opts
                    .negative_linestyles
                    .clone()
                    .unwrap_or(LineStyle::Dashed);
                let eps = -(zmax - zmin) * 1e-15;
                levels
                    .iter()
                    .map(|&l| {
                        if monochrome && l < eps {
                            neg.clone()
                        } else {
                            LineStyle::Solid
                        }
                    })
                    .collect()
            }
        };
        let mm = |v: &[f64]| {
            v.iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &x| {
                    (a.min(x), b.max(x))
                })
        };
        let ((x0, x1), (y0, y1)) = (mm(&x.data), mm(&y.data));
        Ok(ContourSet {
            filled,
            paths,
            colors,
            linewidths_pt,
            linestyles,
            antialiased: opts.antialiased.unwrap_or(!filled),
            alpha: opts.alpha,
            zorder: opts.zorder.unwrap_or(if filled { 1.0 } else { 2.0 }),
            extent: (x0, x1, y0, y1),
            boundaries: all,
            levels,
            extended: (ext_min, ext_max),
            lognorm,
        })
    }

    pub(crate) fn data_limits(&self) -> DataLim {
        let (x0, x1, y0, y1) = self.extent;
        let mut lim = DataLim::default();
        lim.add(Some(x0), Some(y0));
        lim.add(Some(x1), Some(y1));
        lim
    }

    /// `Collection.draw` → `draw_path_collection`: one path per level or layer.
    pub(crate) fn paint(&self, ctx: &DrawCtx) -> Vec<Paint> {
        let linear = ctx.xscale == AxisScale::Linear && ctx.yscale == AxisScale::Linear;
        let dev = |x: f64, y: f64| {
            if linear {
                ctx.to_device_blend(x, y, super::line::Blend::Data)
            } else {
                let (dx, dy) = ctx.to_display(x, y);
                (dx, ctx.h - dy)
            }
        };
        let k = ctx.dpi / 72.0;
        let mut out = Vec::new();
        for (i, pieces) in self.paths.iter().enumerate() {
            if pieces.is_empty() {
                continue;
            }
            let mut path = Vec::new();
            for (v, c) in pieces {
                for (&(x, y), &code) in v.iter().zip(c) {
                    path.push(match code {
                        MOVETO => {
                            let p = dev(x, y);
                            PathCmd::MoveTo(p.0, p.1)
                        }
                        LINETO => {
                            let p = dev(x, y);
                            PathCmd::LineTo(p.0, p.1)
                        }
                        CLOSEPOLY => PathCmd::ClosePoly,
                        _ => continue,
                    });
                }
            }
            let color = self.colors[i % self.colors.len()].to_rgba8_round();
            if self.filled {
                out.push(Paint::Path(PathDraw {
                    path,
                    fill: Some(color),
                    stroke: None,
                    clip: Some(ctx.clip),
                    snap: Snap::Auto,
                    simplify: false,
                    antialiased: self.antialiased,
                }));
            } else {
                let lw = self.linewidths_pt[i % self.linewidths_pt.len()];
                if lw <= 0.0 || color[3] == 0 {
                    continue;
                }
                let ls = &self.linestyles[i % self.linestyles.len()];
                if *ls == LineStyle::None {
                    continue;
                }
                let dashes = ls.pattern().map(|(off, pat)| Dashes {
                    offset_px: (off * lw) * k,
                    pattern_px: pat.iter().map(|v| (v * lw) * k).collect(),
                });
                out.push(Paint::Path(PathDraw {
                    path,
                    fill: None,
                    stroke: Some(Stroke {
                        width_px: lw * k,
                        color,
                        cap: CapStyle::Butt,
                        join: JoinStyle::Round,
                        dashes,
                    }),
                    clip: Some(ctx.clip),
                    snap: Snap::Auto,
                    simplify: false,
                    antialiased: self.antialiased,
                }));
            }
        }
        out
    }
}

/// X and Y as `ny x nx` grids (`_check_xyz` / `_initialize_x_y`).
fn grid(
    name: &str,
    xy: Option<(MeshCoords, MeshCoords)>,
    ny: usize,
    nx: usize,
) -> Result<(Array2D, Array2D)> {
    let (x, y) = match xy {
        None => (
            MeshCoords::D1((0..nx).map(|i| i as f64).collect()),
            MeshCoords::D1((0..ny).map(|i| i as f64).collect()),
        ),
        Some(p) => p,
    };
    match (x, y) {
        (MeshCoords::D1(x), MeshCoords::D1(y)) => {
            if x.len() != nx || y.len() != ny {
                return Err(Error::invalid(
                    name,
                    format!(
                        "x of length {} and y of length {} for Z of shape ({ny}, {nx})",
                        x.len(),
                        y.len()
                    ),
                    "len(x) == Z columns and len(y) == Z rows",
                ));
            }
            let xs = Array2D::new(ny, nx, x.repeat(ny))?;
            let ys = Array2D::new(ny, nx, y.iter().flat_map(|&v| vec![v; nx]).collect())?;
            Ok((xs, ys))
        }
        (MeshCoords::D2(x), MeshCoords::D2(y)) => {
            if (x.rows, x.cols) != (ny, nx) || (y.rows, y.cols) != (ny, nx) {
                return Err(Error::invalid(
                    name,
                    format!(
                        "x of shape ({}, {}) and y of shape ({}, {}) for Z of shape ({ny}, {nx})",
                        x.rows, x.cols, y.rows, y.cols
                    ),
                    "x and y of Z's shape",
                ));
            }
            Ok((x, y))
        }
        _ => Err(Error::invalid(
            name,
            "x and y of different dimensions",
            "both 1-D or both 2-D",
        )),
    }
}

/// `_process_colors` (and the `colors=` colormap of `__init__`): one colour per path,
/// and whether the colormap is monochrome.
fn colors_of(
    opts: &ContourOptions,
    levels: &[f64],
    all: &[f64],
    filled: bool,
    (ext_min, ext_max): (bool, bool),
    logscale: bool,
) -> Result<(Vec<Color>, bool)> {
    let with_alpha = |c: Color| opts.alpha.map_or(c, |a| c.with_alpha(a.clamp(0.0, 1.0)));
    if let Some(list) = &opts.colors {
        let parsed = list
            .iter()
            .map(|s| {
                Color::parse(s).map_err(|_| {
                    Error::invalid("contour colors", format!("{s:?}"), "a matplotlib colour")
                })
            })
            .collect::<Result<Vec<Color>>>()?;
        if parsed.is_empty() {
            return Err(Error::invalid(
                "contour colors",
                "[]",
                "at least one colour",
            ));
        }
        let ncolors = levels.len() - usize::from(filled);
        let total = ncolors + usize::from(ext_min) + usize::from(ext_max);
        let use_under_over = parsed.len() == total && (ext_min || ext_max);
        let i0 = usize::from(use_under_over && ext_min);
        let rest = &parsed[i0..];
        let resized: Vec<Color> = (0..ncolors).map(|i| rest[i % rest.len()]).collect();
        let under = if use_under_over && ext_min {
            parsed[0]
        } else {
            resized[0]
        };
        let over = if use_under_over && ext_max {
            parsed[parsed.len() - 1]
        } else {
            resized[ncolors - 1]
        };
        let monochrome = resized.len() <= 1
            || resized
                .iter()
                .all(|c| c.to_array() == resized[0].to_array());
        // cvalues: range(i0, i1) with -1 / ncolors for the extended layers.
        let mut out = Vec::new();
        if filled && ext_min {
            out.push(under);
        }
        out.extend(resized.iter().copied());
        if filled && ext_max {
            out.push(over);
        }
        return Ok((out.into_iter().map(with_alpha).collect(), monochrome));
    }
    let cmap = match &opts.cmap {
        Some(c) => c.clone(),
        None => Colormap::named("viridis")?,
    };
    let mut norm = opts.norm.clone().unwrap_or_else(Norm::linear);
    if opts.vmin.is_some() {
        norm = norm.with_vmin(opts.vmin);
    }
    if opts.vmax.is_some() {
        norm = norm.with_vmax(opts.vmax);
    }
    let (lo, hi) = levels
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
            (a.min(v), b.max(v))
        });
    if norm.vmin().is_none() {
        norm = norm.with_vmin(Some(lo));
    }
    if norm.vmax().is_none() {
        norm = norm.with_vmax(Some(hi));
    }
    let cvalues: Vec<f64> = if filled {
        all.windows(2)
            .map(|w| {
                if logscale {
                    w[0].sqrt() * w[1].sqrt()
                } else {
                    0.5 * (w[0] + w[1])
                }
            })
            .collect()
    } else {
        levels.to_vec()
    };
    let lut = cmap.lut();
    let monochrome = cmap.n() <= 1 || lut[1..cmap.n()].iter().all(|r| *r == lut[0]);
    let colors = cvalues
        .iter()
        .map(|&v| with_alpha(cmap.rgba(crate::layout::norm_forward(&norm, v))))
        .collect();
    Ok((colors, monochrome))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(v: &serde_json::Value) -> Vec<Piece> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|p| {
                let verts = p[0]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|xy| (xy[0].as_f64().unwrap(), xy[1].as_f64().unwrap()))
                    .collect();
                let codes = p[1]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c.as_u64().unwrap() as u8)
                    .collect();
                (verts, codes)
            })
            .collect()
    }

    /// The port against contourpy's own output (tests/fixtures/contour/gen_contourpy.py):
    /// every line and polygon, vertex for vertex, bit for bit.
    #[test]
    fn mpl2014_matches_contourpy() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/contour/contourpy.json"
        );
        let cases: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        for (k, c) in cases.as_array().unwrap().iter().enumerate() {
            let f = |key: &str| -> Vec<f64> {
                c[key]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_f64().unwrap_or(f64::NAN))
                    .collect()
            };
            let (nx, ny) = (
                c["nx"].as_u64().unwrap() as usize,
                c["ny"].as_u64().unwrap() as usize,
            );
            let z = f("z");
            let mask: Vec<bool> = z.iter().map(|v| v.is_nan()).collect();
            let any = mask.iter().any(|&m| m);
            let mut g = Mpl2014::new(
                f("x"),
                f("y"),
                z,
                any.then_some(mask),
                nx,
                ny,
                c["corner_mask"].as_bool().unwrap(),
            );
            for (l, lev) in f("levels").iter().enumerate() {
                assert_eq!(
                    g.lines(*lev),
                    pieces(&c["lines"][l]),
                    "case {k} level {lev}"
                );
            }
            for (p, pair) in c["pairs"].as_array().unwrap().iter().enumerate() {
                let (lo, up) = (pair[0].as_f64().unwrap(), pair[1].as_f64().unwrap());
                assert_eq!(
                    g.filled(lo, up),
                    pieces(&c["filled"][p]),
                    "case {k} {lo}..{up}"
                );
            }
        }
    }

    #[test]
    fn shape_mismatch_names_call_and_shapes() {
        let z = Array2D::new(3, 4, vec![0.0; 12]).unwrap();
        let e = ContourSet::new(
            Some((vec![0.0, 1.0].into(), vec![0.0, 1.0, 2.0].into())),
            z,
            true,
            ContourOptions::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("contourf") && e.contains("(3, 4)"), "{e}");
    }
}
