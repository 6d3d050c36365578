//! Reading `.npy` files into [`ImageData`] (feature `npy`), with ndarray-npy.

use crate::image::ImageData;
use crate::{Error, Result};
use ndarray::{Array2, Array3};
use ndarray_npy::ReadNpyExt;
use std::path::Path;

/// The `descr` and `shape` entries of a `.npy` header, for error messages.
fn header_summary(bytes: &[u8]) -> Option<(String, String)> {
    if bytes.len() < 10 || &bytes[..6] != b"\x93NUMPY" {
        return None;
    }
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).into_owned();
    let field = |key: &str, close: char| -> Option<String> {
        let at = text.find(key)? + key.len();
        let rest = text[at..].trim_start_matches([':', ' ']);
        let end = rest.find(close)? + 1;
        Some(
            rest[..end]
                .trim_matches(|c| c == '\'' || c == ',')
                .to_string(),
        )
    };
    Some((
        field("'descr'", ',')?
            .trim_end_matches(',')
            .trim_matches('\'')
            .to_string(),
        field("'shape'", ')')?,
    ))
}

/// Reads a `.npy` file as `imshow` data: a 2-D array of float64, float32 or any integer
/// type (colour-mapped), or an (H, W, 3|4) float or uint8 array (drawn as colours).
pub fn read_image_data(path: impl AsRef<Path>) -> Result<ImageData> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|e| Error::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    from_bytes(&bytes).map_err(|e| match e {
        Error::Data(m) => Error::Data(format!("{}: {m}", path.display())),
        other => other,
    })
}

/// Parses `.npy` bytes (see [`read_image_data`]).
pub fn from_bytes(bytes: &[u8]) -> Result<ImageData> {
    macro_rules! try2 {
        ($($t:ty),*) => {
            $(if let Ok(a) = Array2::<$t>::read_npy(bytes) {
                return Ok(ImageData::from(a));
            })*
        };
    }
    try2!(f64, f32, i64, i32, i16, i8, u64, u32, u16, u8);
    if let Ok(a) = Array3::<f64>::read_npy(bytes) {
        return ImageData::rgb_f64(a);
    }
    if let Ok(a) = Array3::<f32>::read_npy(bytes) {
        return ImageData::rgb_f64(a.mapv(f64::from));
    }
    if let Ok(a) = Array3::<u8>::read_npy(bytes) {
        return ImageData::rgb_u8(a);
    }
    match header_summary(bytes) {
        Some((descr, shape)) => Err(Error::Data(format!(
            "unsupported array: dtype '{descr}', shape {shape}; expected a 2-D array of floats or integers, or an (H, W, 3|4) float or uint8 image, complete and without pickles"
        ))),
        None => Err(Error::Data("not a .npy file (missing \\x93NUMPY header)".to_string())),
    }
}
