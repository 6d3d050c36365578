//! The image layer's geometry and resampling, bit-exact with matplotlib 3.11.2's Agg
//! backend (spec §5.2–§5.6).
//!
//! [`place`] computes where `imshow` paints an image and the affine transform from array
//! pixels to output pixels, exactly as `_ImageBase._make_image` does. [`resolve`] applies
//! the `'auto'` interpolation and interpolation-stage rules. [`resample_rgba`],
//! [`resample_scalar`], [`resample_mask`] and [`nearest_indices`] reproduce
//! `matplotlib._image.resample` (Agg's nearest-neighbour and "affine resample" span
//! generators). Outputs are in device order: top row first.
//!
//! Which function for which input (as `_make_image` converts dtypes):
//!
//! | input | stage | call |
//! |---|---|---|
//! | 2-D data | `'rgba'` | colour-map to float64 RGBA, [`premultiply`], [`resample_rgba`], [`rgba_to_bytes`] |
//! | float64 RGB(A); float32 or uint8 RGB (+ float64 alpha) | `'rgba'` | same as above |
//! | float32 RGBA; uint8 RGBA ([`rgba_u8_to_f32`]) | `'rgba'` | [`premultiply_f32`], [`resample_rgba_f32`], [`rgba_f32_to_bytes`] |
//! | float64 2-D data | `'data'` | [`resample_scalar`] + [`resample_mask`] |
//! | float32 2-D data, integers of range <= 1e8 | `'data'` | [`resample_scalar_f32`] + [`resample_mask`] |
//!
//! With nearest neighbour, [`nearest_indices`] gives the same pixels as indices.
//!
//! Every output pixel is computed as fully covered by the image. That is what Agg does
//! for every box [`place`] returns (each edge pixel is at least half covered, and Agg
//! paints such pixels fully). For a hand-made [`Placement`] whose image rectangle covers
//! an edge pixel by less than half, or misses it, matplotlib would instead blend that
//! pixel with its coverage (measured: cover `c/255`) or leave it empty.

mod engine;
pub mod filters;
#[cfg(test)]
mod fixture_tests;
mod narrow;

use std::fmt;
use std::str::FromStr;

use crate::transform::Affine;
use crate::{Error, Result};

#[cfg(test)]
pub(crate) use engine::resample_rgba_lut;
pub use engine::{
    nearest_indices, premultiply, premultiply_f32, resample_mask, resample_rgba, resample_rgba_f32,
    resample_scalar, resample_scalar_f32, rgba_f32_to_bytes, rgba_to_bytes, rgba_u8_to_f32,
    DEFAULT_FILTERRAD, MAX_FILTERRAD, MAX_RESAMPLE_TAPS,
};
pub(crate) use engine::{
    numpy_u8, plan_narrow, resample_direct, resample_direct_into, resample_rgba_lut_ahead,
    transparent_rows, IndexScan, Lines,
};
pub(crate) use narrow::NarrowPlan;

/// Where array row 0 goes: matplotlib's `origin` parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Origin {
    /// Row 0 at the top (`'upper'`, the default).
    #[default]
    Upper,
    /// Row 0 at the bottom (`'lower'`).
    Lower,
}

impl FromStr for Origin {
    type Err = Error;
    fn from_str(s: &str) -> Result<Origin> {
        match s {
            "upper" => Ok(Origin::Upper),
            "lower" => Ok(Origin::Lower),
            _ => Err(Error::invalid("origin", s, "'upper' or 'lower'")),
        }
    }
}

/// matplotlib's `interpolation` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Interpolation {
    /// `'auto'`: nearest or hanning depending on the zoom (§5.3); the default.
    #[default]
    Auto,
    /// `'antialiased'`: the old spelling of `'auto'`.
    Antialiased,
    /// `'none'`: with Agg, nearest neighbour without matplotlib's tie-breaking flip.
    None,
    /// `'nearest'`.
    Nearest,
    /// `'bilinear'`.
    Bilinear,
    /// `'bicubic'`.
    Bicubic,
    /// `'spline16'`.
    Spline16,
    /// `'spline36'`.
    Spline36,
    /// `'hanning'`.
    Hanning,
    /// `'hamming'`.
    Hamming,
    /// `'hermite'`.
    Hermite,
    /// `'kaiser'`.
    Kaiser,
    /// `'quadric'`.
    Quadric,
    /// `'catrom'`.
    Catrom,
    /// `'gaussian'`.
    Gaussian,
    /// `'bessel'`.
    Bessel,
    /// `'mitchell'`.
    Mitchell,
    /// `'sinc'` (radius `filterrad`).
    Sinc,
    /// `'lanczos'` (radius `filterrad`).
    Lanczos,
    /// `'blackman'` (radius `filterrad`).
    Blackman,
}

impl Interpolation {
    /// Every interpolation, in matplotlib's `interpolations_names` spirit.
    pub const ALL: [Interpolation; 20] = [
        Interpolation::Auto,
        Interpolation::Antialiased,
        Interpolation::None,
        Interpolation::Nearest,
        Interpolation::Bilinear,
        Interpolation::Bicubic,
        Interpolation::Spline16,
        Interpolation::Spline36,
        Interpolation::Hanning,
        Interpolation::Hamming,
        Interpolation::Hermite,
        Interpolation::Kaiser,
        Interpolation::Quadric,
        Interpolation::Catrom,
        Interpolation::Gaussian,
        Interpolation::Bessel,
        Interpolation::Mitchell,
        Interpolation::Sinc,
        Interpolation::Lanczos,
        Interpolation::Blackman,
    ];

    /// The kernels that go through Agg's filtered resampler.
    pub const FILTERED: [Interpolation; 16] = [
        Interpolation::Bilinear,
        Interpolation::Bicubic,
        Interpolation::Spline16,
        Interpolation::Spline36,
        Interpolation::Hanning,
        Interpolation::Hamming,
        Interpolation::Hermite,
        Interpolation::Kaiser,
        Interpolation::Quadric,
        Interpolation::Catrom,
        Interpolation::Gaussian,
        Interpolation::Bessel,
        Interpolation::Mitchell,
        Interpolation::Sinc,
        Interpolation::Lanczos,
        Interpolation::Blackman,
    ];

    /// matplotlib's name for it.
    pub fn name(self) -> &'static str {
        match self {
            Interpolation::Auto => "auto",
            Interpolation::Antialiased => "antialiased",
            Interpolation::None => "none",
            Interpolation::Nearest => "nearest",
            Interpolation::Bilinear => "bilinear",
            Interpolation::Bicubic => "bicubic",
            Interpolation::Spline16 => "spline16",
            Interpolation::Spline36 => "spline36",
            Interpolation::Hanning => "hanning",
            Interpolation::Hamming => "hamming",
            Interpolation::Hermite => "hermite",
            Interpolation::Kaiser => "kaiser",
            Interpolation::Quadric => "quadric",
            Interpolation::Catrom => "catrom",
            Interpolation::Gaussian => "gaussian",
            Interpolation::Bessel => "bessel",
            Interpolation::Mitchell => "mitchell",
            Interpolation::Sinc => "sinc",
            Interpolation::Lanczos => "lanczos",
            Interpolation::Blackman => "blackman",
        }
    }

    /// True for `'nearest'` and `'none'` (no filter kernel).
    pub fn is_nearest(self) -> bool {
        matches!(self, Interpolation::Nearest | Interpolation::None)
    }
}

impl fmt::Display for Interpolation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Interpolation {
    type Err = Error;
    fn from_str(s: &str) -> Result<Interpolation> {
        Interpolation::ALL
            .into_iter()
            .find(|i| i.name() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Interpolation::ALL.iter().map(|i| i.name()).collect();
                Error::invalid("interpolation", s, format!("one of {}", names.join(", ")))
            })
    }
}

/// matplotlib's `interpolation_stage`: resample the data or the colour-mapped RGBA.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// `'data'`: resample the raw scalars, then colour-map.
    Data,
    /// `'rgba'`: colour-map first, then resample premultiplied RGBA.
    Rgba,
}

impl FromStr for Stage {
    type Err = Error;
    fn from_str(s: &str) -> Result<Stage> {
        match s {
            "data" => Ok(Stage::Data),
            "rgba" => Ok(Stage::Rgba),
            _ => Err(Error::invalid(
                "interpolation_stage",
                s,
                "'data', 'rgba' or 'auto'",
            )),
        }
    }
}

/// Where and how an image is painted (spec §5.2).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    /// Left edge of the painted block, display px (integer).
    pub x0: i64,
    /// Bottom edge of the painted block, display px (integer, y up).
    pub y0: i64,
    /// Width of the painted block in px: device columns `x0 .. x0 + width`.
    pub width: usize,
    /// Height in px: device rows `H - (y0 + height) .. H - y0 - 1` for canvas height `H`.
    pub height: usize,
    /// Array pixels (u = column, v = row, from the array's first edge) to output pixels
    /// (y up, origin at `(x0, y0)`), composed in matplotlib's multiplication order.
    pub transform: Affine,
    /// The image's origin.
    pub origin: Origin,
    /// Array rows (M).
    pub rows: usize,
    /// Array columns (N).
    pub cols: usize,
}

impl Placement {
    /// The block's top-left corner in device pixels `(column, row)` on a canvas of integer
    /// height `canvas_height`: `(x0, H - (y0 + height))`. May be negative or beyond the
    /// canvas when the Axes sticks out of the figure.
    #[cfg(test)]
    pub fn device_origin(&self, canvas_height: i64) -> (i64, i64) {
        (self.x0, canvas_height - (self.y0 + self.height as i64))
    }
}

/// Computes the painted box and the composed transform, as `AxesImage.make_image` does.
///
/// `extent` is `(left, right, bottom, top)` in data coordinates, `view_x`/`view_y` the
/// Axes view limits (possibly inverted), `axes_box` the Axes bbox `(x0, y0, x1, y1)` in
/// display coordinates (also the clip box). Returns `None` when nothing is visible or
/// the inputs are degenerate (empty array, zero-size limits).
pub fn place(
    extent: [f64; 4],
    origin: Origin,
    rows: usize,
    cols: usize,
    view_x: (f64, f64),
    view_y: (f64, f64),
    axes_box: [f64; 4],
) -> Option<Placement> {
    if rows == 0 || cols == 0 {
        return None;
    }
    let [l, r, b, t] = extent;
    // transData = transScale (identity) + (transLimits + transAxes):
    // BboxTransformFrom(viewLim) then BboxTransformTo(axes bbox).
    let (inl, inb) = (view_x.0, view_y.0);
    let (inw, inh) = (view_x.1 - view_x.0, view_y.1 - view_y.0);
    let x_scale = 1.0 / inw;
    let y_scale = 1.0 / inh;
    let limits = Affine {
        sx: x_scale,
        shy: 0.0,
        shx: 0.0,
        sy: y_scale,
        tx: -inl * x_scale,
        ty: -inb * y_scale,
    };
    let [ax0, ay0, ax1, ay1] = axes_box;
    let axes = Affine {
        sx: ax1 - ax0,
        shy: 0.0,
        shx: 0.0,
        sy: ay1 - ay0,
        tx: ax0,
        ty: ay0,
    };
    let trans_data = limits.then(&axes);
    if !is_finite(&trans_data) {
        return None;
    }

    // The extent's display bbox, clipped to the Axes bbox.
    let corners = [(l, b), (r, b), (l, t), (r, t)].map(|(x, y)| trans_data.apply(x, y));
    let xs = corners.map(|p| p.0);
    let ys = corners.map(|p| p.1);
    let min = |v: [f64; 4]| v.into_iter().fold(f64::INFINITY, f64::min);
    let max = |v: [f64; 4]| v.into_iter().fold(f64::NEG_INFINITY, f64::max);
    let cx0 = min(xs).max(ax0.min(ax1));
    let cx1 = max(xs).min(ax0.max(ax1));
    let cy0 = min(ys).max(ay0.min(ay1));
    let cy1 = max(ys).min(ay0.max(ay1));
    if !(cx0 <= cx1 && cy0 <= cy1) {
        return None;
    }
    // §5.2 rounding (round half up / half down with matplotlib's 1e-8 fudges).
    let x0 = (cx0 + 0.5).floor();
    let y0 = (cy0 - 0.5 - 1e-8).ceil();
    let x1 = (cx1 + 0.5 + 1e-8).floor();
    let y1 = (cy1 - 0.5).ceil();
    let (width, height) = (x1 - x0, y1 - y0);
    if !(width >= 1.0 && height >= 1.0 && width < 1e9 && height < 1e9) {
        return None;
    }

    // t0 = [flip for 'upper'] + scale/translate into the extent + transData;
    // t = t0 + translate(-x0, -y0).
    let (m, n) = (rows as f64, cols as f64);
    let into_extent = Affine {
        sx: (r - l) / n,
        shy: 0.0,
        shx: 0.0,
        sy: (t - b) / m,
        tx: l,
        ty: b,
    };
    let inner = into_extent.then(&trans_data);
    let t0 = match origin {
        Origin::Upper => Affine {
            sx: 1.0,
            shy: 0.0,
            shx: 0.0,
            sy: -1.0,
            tx: 0.0,
            ty: m,
        }
        .then(&inner),
        Origin::Lower => inner,
    };
    let transform = t0.then(&Affine::translate(-x0, -y0));
    Some(Placement {
        x0: x0 as i64,
        y0: y0 as i64,
        width: width as usize,
        height: height as usize,
        transform,
        origin,
        rows,
        cols,
    })
}

fn is_finite(a: &Affine) -> bool {
    [a.sx, a.shy, a.shx, a.sy, a.tx, a.ty]
        .iter()
        .all(|v| v.is_finite())
}

/// The image's size in output pixels per axis, `|T(N, M) - T(0, 0)|`, as matplotlib
/// computes it (`transform.transform([[0, 0], [N, M]])`).
fn displayed_size(placement: &Placement) -> (f64, f64) {
    let t = &placement.transform;
    let (x0, y0) = t.apply(0.0, 0.0);
    let (x1, y1) = t.apply(placement.cols as f64, placement.rows as f64);
    ((x1 - x0).abs(), (y1 - y0).abs())
}

/// Resolves `'auto'` interpolation and interpolation stage (spec §5.3).
///
/// `stage` is `None` for `'auto'`. For RGB(A) input the stage is always [`Stage::Rgba`];
/// pass `scalar = false` then.
pub fn resolve(
    interpolation: Interpolation,
    stage: Option<Stage>,
    placement: &Placement,
    scalar: bool,
) -> (Interpolation, Stage) {
    let (dispx, dispy) = displayed_size(placement);
    let (n, m) = (placement.cols as f64, placement.rows as f64);
    let interp = match interpolation {
        Interpolation::Auto | Interpolation::Antialiased => {
            let ok = |disp: f64, k: f64| disp > 3.0 * k || disp == k || disp == 2.0 * k;
            if ok(dispx, n) && ok(dispy, m) {
                Interpolation::Nearest
            } else {
                Interpolation::Hanning
            }
        }
        other => other,
    };
    let stage = if !scalar {
        Stage::Rgba
    } else {
        match stage {
            Some(s) => s,
            None => {
                if dispx / n < 3.0 || dispy / m < 3.0 {
                    Stage::Rgba
                } else {
                    Stage::Data
                }
            }
        }
    };
    (interp, stage)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_names() {
        for i in Interpolation::ALL {
            assert_eq!(i.name().parse::<Interpolation>().unwrap(), i);
        }
        let err = "bogus".parse::<Interpolation>().unwrap_err().to_string();
        assert!(err.contains("bogus"), "{err}");
        assert!("middle"
            .parse::<Origin>()
            .unwrap_err()
            .to_string()
            .contains("middle"));
        assert!("x".parse::<Stage>().is_err());
    }

    #[test]
    fn standard_figure_placement() {
        // fig = plt.figure(figsize=(6.4, 4.8), dpi=100); ax = fig.add_subplot();
        // im = ax.imshow(np.random.default_rng(0).random((512, 512))); fig.colorbar(im)
        // -> ax.bbox.extents = (107.2, 52.8, 476.8, 422.4) (repr-rounded here), matrix
        // passed to _image.resample = [[0.721875, 0, 0.2000...06], [0, -0.721874..., 369.4]].
        let p = place(
            [-0.5, 511.5, 511.5, -0.5],
            Origin::Upper,
            512,
            512,
            (-0.5, 511.5),
            (511.5, -0.5),
            [107.2, 52.8, 476.8, 422.4],
        )
        .unwrap();
        assert_eq!((p.x0, p.y0, p.width, p.height), (107, 53, 370, 369));
        // Spec §5.2: columns 107..476, rows 58..426 of the 640 x 480 canvas.
        assert_eq!(p.device_origin(480), (107, 58));
        assert_eq!(
            resolve(Interpolation::Auto, None, &p, true),
            (Interpolation::Hanning, Stage::Rgba)
        );
    }
}
