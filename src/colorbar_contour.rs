//! A colorbar of a contour set (`fig.colorbar(cs)`): colorbar.py with `boundaries =
//! cs._levels` and `values = cs.cvalues`. The long axis gets the `'function'` scale of
//! `_forward_boundaries` (boundaries spaced uniformly), the ticks are
//! `FixedLocator(cs.levels, nbins=10)`, filled sets draw one cell per layer (the extend
//! triangles in the extended layers' colours), line sets draw their lines across the bar
//! (`Colorbar.add_lines`).

use crate::artists::contour::ContourSet;
use crate::color::Color;

/// What a contour set adds to a laid-out colorbar.
#[derive(Debug, Clone, PartialEq)]
pub struct ContourBar {
    /// The colours of the cells inside the bar (filled sets; empty for lines).
    pub cell_colors: Vec<Color>,
    /// The lower extend triangle's colour (filled sets extended below).
    pub under: Option<Color>,
    /// The upper extend triangle's colour.
    pub over: Option<Color>,
    /// The lines across the bar (line sets): display coordinate along the long axis,
    /// colour and width in points.
    pub lines: Vec<(f64, Color, f64)>,
}

/// The colorbar inputs of a contour set.
pub(crate) struct ContourScale {
    /// `_boundaries` (`cs._levels`).
    pub boundaries: Vec<f64>,
    /// `vmin`, `vmax`: the first and last boundary inside the extensions.
    pub limits: (f64, f64),
    /// The boundaries inside the extensions, in colorbar data coordinates (`_mesh`'s `y`).
    pub mesh: Vec<f64>,
    /// The major tick positions (`FixedLocator(cs.levels, nbins=10)`).
    pub ticks: Vec<f64>,
}

impl ContourScale {
    /// `_process_values`, `_proportional_y` and `_mesh` for a contour set.
    pub(crate) fn new(cs: &ContourSet) -> ContourScale {
        let b = cs.boundaries.clone();
        let (lo, hi) = cs.extended;
        let inside = &b[usize::from(lo)..b.len() - usize::from(hi)];
        let (b0, b1) = (inside[0], inside[inside.len() - 1]);
        // y = (b - b_in[0]) / (b_in[-1] - b_in[0]); normalising again from y[0] = 0 to
        // y[-1] = 1 changes nothing; then y * (vmax - vmin) + vmin.
        let mesh = inside
            .iter()
            .map(|&v| {
                let y = (v - b0) / (b1 - b0);
                let y = (y - 0.0) / (1.0 - 0.0);
                y * (b1 - b0) + b0
            })
            .collect();
        ContourScale {
            limits: (b0, b1),
            mesh,
            ticks: fixed_locator(&cs.levels, 10),
            boundaries: b,
        }
    }

    /// The colours a contour set gives its colorbar; `edges` are the display coordinates
    /// of the mesh boundaries.
    pub(crate) fn bar(cs: &ContourSet, edges: &[f64]) -> ContourBar {
        let (lo, hi) = cs.extended;
        if cs.filled {
            let n = cs.colors.len();
            let cells = cs.colors[usize::from(lo)..n - usize::from(hi)].to_vec();
            ContourBar {
                cell_colors: cells,
                under: lo.then(|| cs.colors[0]),
                over: hi.then(|| cs.colors[n - 1]),
                lines: Vec::new(),
            }
        } else {
            // `_locate(levels)` lands exactly on the mesh boundaries (the same normed
            // values); every level is inside the bar.
            let lines = edges
                .iter()
                .zip(&cs.colors)
                .zip(&cs.linewidths_pt)
                .map(|((&y, &c), &w)| (y, c, w))
                .collect();
            ContourBar {
                cell_colors: Vec::new(),
                under: None,
                over: None,
                lines,
            }
        }
    }
}

/// `FixedLocator(locs, nbins).tick_values`: every `step`-th location, starting where the
/// smallest absolute value is reached.
pub(crate) fn fixed_locator(locs: &[f64], nbins: usize) -> Vec<f64> {
    let nbins = nbins.max(2);
    let step = locs.len().div_ceil(nbins).max(1);
    let min_abs = |v: &[f64]| v.iter().fold(f64::INFINITY, |m, x| m.min(x.abs()));
    let mut ticks: Vec<f64> = locs.iter().copied().step_by(step).collect();
    for i in 1..step {
        let t1: Vec<f64> = locs[i..].iter().copied().step_by(step).collect();
        if !t1.is_empty() && min_abs(&t1) < min_abs(&ticks) {
            ticks = t1;
        }
    }
    ticks
}

/// `np.interp(x, xp, fp)` for one value (increasing `xp`).
pub(crate) fn interp(x: f64, xp: &[f64], fp: &[f64]) -> f64 {
    let n = xp.len();
    if x.is_nan() {
        return x;
    }
    if x > xp[n - 1] {
        return fp[n - 1];
    }
    if x < xp[0] {
        return fp[0];
    }
    // xp[j] <= x < xp[j + 1]
    let j = xp.partition_point(|&v| v <= x).saturating_sub(1);
    if j >= n - 1 {
        return fp[n - 1];
    }
    if xp[j] == x {
        return fp[j];
    }
    let slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
    let r = slope * (x - xp[j]) + fp[j];
    if r.is_nan() {
        let r2 = slope * (x - xp[j + 1]) + fp[j + 1];
        if r2.is_nan() && fp[j] == fp[j + 1] {
            return fp[j];
        }
        return r2;
    }
    r
}

/// `Colorbar._forward_boundaries` for one value.
pub(crate) fn forward_boundaries(b: &[f64], x: f64) -> f64 {
    let n = b.len();
    let step = 1.0 / (n - 1) as f64;
    let fp: Vec<f64> = (0..n)
        .map(|k| if k == n - 1 { 1.0 } else { k as f64 * step })
        .collect();
    let y = interp(x, b, &fp);
    let eps = (b[n - 1] - b[0]) * 1e-6;
    if x < b[0] - eps {
        -1.0
    } else if x > b[n - 1] + eps {
        2.0
    } else {
        y
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_locator_subsamples_through_the_smallest() {
        let l: Vec<f64> = (0..12).map(|i| f64::from(i) - 5.0).collect();
        // 12 locations, nbins 10: step 2; the odd offset holds 0.
        assert_eq!(fixed_locator(&l, 10), vec![-4.0, -2.0, 0.0, 2.0, 4.0, 6.0]);
        let l2: Vec<f64> = (0..12).map(|i| f64::from(i) - 6.0).collect();
        assert_eq!(fixed_locator(&l2, 10)[0], -6.0);
        assert_eq!(fixed_locator(&[1.0, 2.0], 10), vec![1.0, 2.0]);
    }

    #[test]
    fn interp_matches_numpy_edges() {
        let xp = [0.0, 1.0, 3.0];
        let fp = [0.0, 0.5, 1.0];
        assert_eq!(interp(-1.0, &xp, &fp), 0.0);
        assert_eq!(interp(3.0, &xp, &fp), 1.0);
        assert_eq!(interp(1.0, &xp, &fp), 0.5);
        assert_eq!(interp(2.0, &xp, &fp), 0.75);
        assert_eq!(forward_boundaries(&xp, -1.0), -1.0);
    }

    #[test]
    fn contour_sets_get_colorbars_and_lines_do_not() {
        use crate::{Array2D, ContourExtend, ContourOptions, Figure, Levels};
        let z = Array2D::from_rows(&[vec![0.0, 1.0, 2.0], vec![1.0, 2.0, 3.0]]).unwrap();
        let mut fig = Figure::new(4.0, 3.0, 100.0);
        let ax = fig.add_subplot();
        let opts = ContourOptions::default()
            .levels(Levels::Values(vec![0.5, 1.5, 2.5]))
            .extend(ContourExtend::Both);
        let cs = fig[ax].contourf(None, z.clone(), opts).unwrap();
        let lines = fig[ax].contour(None, z, ContourOptions::default()).unwrap();
        let line = fig[ax].plot(vec![0.0, 1.0], vec![0.0, 1.0]).unwrap();
        fig.colorbar(cs).unwrap();
        fig.colorbar(lines).unwrap();
        let err = fig.colorbar(line).unwrap_err().to_string();
        assert!(err.contains("a contour set"), "{err}");
        let lay = fig.layout().unwrap();
        let filled = lay.colorbars[0].contour.as_ref().unwrap();
        // Two layers inside, the extend triangles in the extended layers' colours.
        assert_eq!(filled.cell_colors.len(), 2);
        assert!(filled.under.is_some() && filled.over.is_some());
        assert!(lay.colorbars[0].extend_lower > 0.0 && lay.colorbars[0].extend_upper > 0.0);
        assert_eq!(lay.colorbars[0].cell_edges.len(), 3);
        let bar = lay.colorbars[1].contour.as_ref().unwrap();
        assert!(bar.cell_colors.is_empty() && !bar.lines.is_empty());
    }

    /// `norm=LogNorm()`: LogLocator levels (numticks 9 without `levels`), geometric layers
    /// and a log colorbar axis. matplotlib 3.11 gives levels 1e-2 .. 1e2 for this field
    /// (`ax.contourf(X, Y, 10 ** (2 sin X cos Y), norm=LogNorm()).levels`).
    #[test]
    fn lognorm_sets_are_log_scaled() {
        use crate::{Array2D, ContourOptions, Figure, Norm};
        let n = 40;
        let x: Vec<f64> = (0..n)
            .map(|i| -3.0 + 6.0 * f64::from(i) / f64::from(n - 1))
            .collect();
        let mut data = Vec::new();
        for &yv in &x {
            for &xv in &x {
                data.push(10f64.powf(2.0 * xv.sin() * yv.cos()));
            }
        }
        let z = Array2D::new(n as usize, n as usize, data).unwrap();
        let mut fig = Figure::new(4.0, 3.0, 100.0);
        let ax = fig.add_subplot();
        let opts = ContourOptions::default().norm(Norm::log());
        let cs = fig[ax].contourf(None, z, opts).unwrap();
        fig.colorbar(cs).unwrap();
        let crate::artists::Artist::Contour(set) = &fig[ax].plot.artists[cs.index] else {
            panic!("not a contour set");
        };
        let want = [1e-2, 1e-1, 1.0, 1e1, 1e2];
        assert_eq!(set.levels.len(), want.len());
        for (a, b) in set.levels.iter().zip(want) {
            assert!((a / b - 1.0).abs() < 1e-12, "{:?}", set.levels);
        }
        let lay = fig.layout().unwrap();
        let e = &lay.colorbars[0].cell_edges;
        // Decades equally spaced on the log axis.
        let d: Vec<f64> = e.windows(2).map(|w| w[1] - w[0]).collect();
        assert!(d.iter().all(|v| (v - d[0]).abs() < 1e-9), "{e:?}");
    }
}
