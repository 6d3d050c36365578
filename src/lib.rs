//! figbuf: matplotlib's `imshow` + `colorbar` + `savefig`, pixel for pixel, in pure Rust.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod color;
mod error;
pub mod resample;
pub mod text;
pub mod ticks;
pub mod transform;

pub use error::{Error, Result};
pub mod raster;
pub mod scene;
