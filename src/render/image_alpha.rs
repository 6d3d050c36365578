//! `imshow(alpha=)`: a scalar alpha below 1, as matplotlib 3.11.2's `_make_image` applies it
//! (the fast paths of `render.rs` assume the alpha is the colours' own; with a scalar alpha
//! the pixels come from here).
//!
//! - 'data' stage (2-D data): the colour-mapped bytes, then their alpha channel
//!   `uint8(float32(a) * out_alpha * alpha)` in float32 (`out_alpha` is 1 on every drawn
//!   pixel), truncated.
//! - 'rgba' stage (2-D data, or RGBA floats): the premultiplied float colours resampled,
//!   demultiplied, then the alpha channel times `alpha` in float64 (`post_apply_alpha`), and
//!   `(x * 255).astype(uint8)`.
//! - RGB floats: `alpha` (as float32) is the alpha channel before premultiplying and
//!   resampling.

use crate::color::{lut_indices_scanned, AsScalarData, Norm, ScalarData};
use crate::image::Image;
use crate::resample::{self, Interpolation, DEFAULT_FILTERRAD};
use crate::{Error, Result};

/// The 'data' stage's alpha: `uint8(float32(a) * 1 * float32(alpha))` per pixel.
pub(super) fn apply_data_alpha(pixels: &mut [[u8; 4]], alpha: f64) {
    let a32 = alpha as f32;
    for p in pixels {
        p[3] = (f32::from(p[3]) * a32) as u8;
    }
}

/// Resampled float RGBA (premultiplied) to bytes, matplotlib's way: demultiplied, the alpha
/// channel times `alpha` when given (float64), `(x * 255).astype(uint8)`, a pixel with a NaN
/// all zeros.
fn to_bytes(pixels: &[[f64; 4]], alpha: Option<f64>) -> Vec<[u8; 4]> {
    pixels
        .iter()
        .map(|&p| {
            let a = p[3];
            let d = if a != 0.0 { a } else { 1.0 };
            let v = [p[0] / d, p[1] / d, p[2] / d, alpha.map_or(a, |s| a * s)];
            if v.iter().any(|x| x.is_nan()) {
                [0; 4]
            } else {
                v.map(|x| resample::numpy_u8(x * 255.0))
            }
        })
        .collect()
}

/// The 'rgba' stage of 2-D data with a scalar alpha: `to_rgba(A)` through the LUT,
/// premultiplied, resampled in float64, then [`to_bytes`] with the alpha.
pub(super) fn scalar_rgba_stage(
    image: &Image,
    norm: &Norm,
    data: &ScalarData<'_>,
    placement: &resample::Placement,
    interp: Interpolation,
    alpha: f64,
) -> Result<Vec<[u8; 4]>> {
    let cmap = image.cmap();
    let norm = data.autoscaled(norm);
    let mut table: Vec<[f64; 4]> = (0..cmap.n() + 3).map(|i| cmap.lut_row(i)).collect();
    resample::premultiply(&mut table);
    let (idx, _) = lut_indices_scanned(&data.as_scalar_data(), &norm, cmap.n(), None, None)?;
    let src: Vec<[f64; 4]> = idx
        .iter()
        .map(|&i| table.get(i as usize).copied().unwrap_or([0.0; 4]))
        .collect();
    let out = resample::resample_rgba(&src, placement, interp, DEFAULT_FILTERRAD)?;
    Ok(to_bytes(&out, Some(alpha)))
}

/// RGB(A) data with a scalar alpha: RGB takes `alpha` (as float32) as its alpha channel
/// (premultiplied before resampling), RGBA multiplies its resampled alpha by `alpha`. uint8
/// data is divided by 255 and resampled in float32, as `_make_image` does; float RGB with
/// non-finite values is refused (its mask is not drawn exactly with an alpha yet).
pub(super) fn rgb(
    image: &Image,
    placement: &resample::Placement,
    interp: Interpolation,
    alpha: f64,
) -> Result<Vec<[u8; 4]>> {
    let data = image.data();
    let channels = data.channels();
    let a32 = alpha as f32;
    if let Some(bytes) = data.rgba_u8() {
        let mut src = resample::rgba_u8_to_f32(&bytes);
        if channels == Some(3) {
            for p in &mut src {
                p[3] = a32;
            }
        }
        resample::premultiply_f32(&mut src);
        let out = resample::resample_rgba_f32(&src, placement, interp, DEFAULT_FILTERRAD)?;
        // RGBA: demultiplied by the resampled alpha, then `res[..., 3] *= alpha` (float32).
        let post = (channels == Some(4)).then_some(a32);
        return Ok(out
            .iter()
            .map(|&p| {
                let a = p[3];
                let d = if a != 0.0 { a } else { 1.0 };
                let v = [p[0] / d, p[1] / d, p[2] / d, post.map_or(a, |s| a * s)];
                if v.iter().any(|x| x.is_nan()) {
                    [0; 4]
                } else {
                    v.map(|x| resample::numpy_u8(f64::from(x * 255.0)))
                }
            })
            .collect());
    }
    let refuse = |why: &str| {
        Err(Error::invalid(
            "imshow alpha",
            alpha,
            format!("no alpha for {why} (not supported yet)"),
        ))
    };
    match channels {
        Some(3) => {
            let Some(mut src) = data.rgba_f64() else {
                return refuse("this RGB data");
            };
            if src.iter().any(|p| p[..3].iter().any(|v| !v.is_finite())) {
                return refuse("RGB data with NaN or infinite values");
            }
            let a = f64::from(a32);
            for p in &mut src {
                *p = [p[0] * a, p[1] * a, p[2] * a, a];
            }
            let out = resample::resample_rgba(&src, placement, interp, DEFAULT_FILTERRAD)?;
            Ok(to_bytes(&out, None))
        }
        Some(4) => {
            let Some(src) = data.rgba_f64_premultiplied() else {
                return refuse("this RGBA data");
            };
            let out = resample::resample_rgba(&src, placement, interp, DEFAULT_FILTERRAD)?;
            Ok(to_bytes(&out, Some(alpha)))
        }
        _ => refuse("this data"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_alpha_truncates_the_float32_product() {
        // float32(255) * float32(0.3) = 76.5 (float32) -> 76; 0.5 -> 127; bad pixels stay 0.
        let mut p = [[1, 2, 3, 255], [0, 0, 0, 0], [9, 9, 9, 200]];
        apply_data_alpha(&mut p, 0.3);
        assert_eq!(p, [[1, 2, 3, 76], [0, 0, 0, 0], [9, 9, 9, 60]]);
        let mut q = [[1, 2, 3, 255]];
        apply_data_alpha(&mut q, 0.5);
        assert_eq!(q[0][3], 127);
    }

    #[test]
    fn rgba_stage_post_applies_alpha_after_demultiplying() {
        // Premultiplied (0.25, 0.5, 0, 0.5): colours divided by 0.5, then alpha 0.5 * 0.3.
        let out = to_bytes(
            &[[0.25, 0.5, 0.0, 0.5], [f64::NAN, 0.0, 0.0, 1.0]],
            Some(0.3),
        );
        assert_eq!(out, [[127, 255, 0, 38], [0, 0, 0, 0]]);
    }
}
