//! figbuf: matplotlib's `imshow` + `colorbar` + `savefig`, pixel for pixel, in pure Rust.
//!
//! A figure model (figure, axes, image layer, ticks, colorbar) is laid out and rasterized
//! into an in-memory RGBA framebuffer, which you take as an `ndarray::Array3<u8>` of shape
//! (height, width, 4), as PNG bytes, or as a file. matplotlib 3.11 (Agg) is the oracle:
//! same canvas size, boxes, ticks, hinted text, colours and resampling.
//!
//! The pipeline is a chain of plain functions of their input:
//!
//! ```text
//! Figure (model) -> layout -> draw list -> raster -> Frame -> ndarray / PNG
//! ```
//!
//! # Quick start
//!
//! ```
//! use figbuf::{Figure, ImshowOptions, Colormap};
//! use ndarray::Array2;
//!
//! let data = Array2::from_shape_fn((64, 64), |(r, c)| ((r as f64) / 8.0).sin() * (c as f64 / 8.0).cos());
//! let mut fig = Figure::default();              // 6.4 x 4.8 in at 100 dpi
//! let ax = fig.add_subplot();
//! let im = fig[ax].imshow_with(&data, ImshowOptions {
//!     cmap: Some(Colormap::named("plasma")?),
//!     ..Default::default()
//! })?;
//! fig.colorbar(im)?;
//! fig[ax].set_title("sin x cos");
//! let frame = fig.render()?;
//! let pixels = frame.to_ndarray();              // (480, 640, 4) uint8, like buffer_rgba()
//! assert_eq!(pixels.dim(), (480, 640, 4));
//! let png: Vec<u8> = frame.to_png()?;
//! # Ok::<(), figbuf::Error>(())
//! ```
//!
//! Colour-mapping without a figure, `cmap(norm(data), bytes=True)`:
//!
//! ```
//! use figbuf::{colormap_rgba8, Colormap, Norm, ScalarData};
//! let data = ndarray::array![[0.0, 0.5], [1.0, f64::NAN]];
//! let rgba = colormap_rgba8(&ScalarData::new(data.view()), &Norm::linear(), &Colormap::named("viridis")?)?;
//! assert_eq!(rgba.dim(), (2, 2, 4));
//! assert_eq!(rgba[[0, 0, 0]], 68); // viridis(0) = (68, 1, 84, 255)
//! # Ok::<(), figbuf::Error>(())
//! ```
//!
//! Text is rendered with a rasterizer that follows FreeType 2.14's gray rasterizer.
//! Portions of this software are copyright © The FreeType Project (www.freetype.org). All
//! rights reserved. (FreeType License.)
// `unsafe` is denied everywhere but in `cpu`, which holds three documented, measured uses.
#![deny(unsafe_code)]
#![warn(missing_docs)]

pub mod artists;
mod axes;
pub mod color;
mod colorbar;
mod cpu;
mod error;
mod figure;
mod frame;
mod image;
pub mod layout;
#[cfg(feature = "npy")]
pub mod npy;
pub mod raster;
mod render;
pub mod resample;
pub mod scene;
mod style;
pub mod text;
pub mod ticks;
pub mod transform;

pub use artists::legend::LegendOptions;
pub use artists::line::{DrawStyle, LineStyle, MarkEvery, PlotOptions};
pub use artists::scatter::{ScatterColor, ScatterOptions};
pub use artists::text::{ArrowStyle, TextBox, TextOptions};
pub use artists::values::{PlotData, PlotNumber};
pub use artists::{ArtistHandle, GridOptions, SpanOptions, TickDirection, TickParams};
pub use axes::{Anchor, Axes, AxesId, AxesPosition, ImageHandle};
pub use color::{
    colormap_names, colormap_rgba, colormap_rgba8, colormap_rgba8_into, lut_indices, Color,
    Colormap, Element, Extend, Norm, ScalarData,
};
pub use colorbar::{Colorbar, ColorbarOptions, Mappable, Orientation};
pub use error::{Error, Result};
pub use figure::{Figure, DEFAULT_MAX_PIXELS};
pub use frame::{Frame, PngCompression};
pub use image::{Aspect, Image, ImageData, ImshowOptions};
pub use render::Renderer;
pub use resample::{Interpolation, Origin, Stage};
pub use style::{pt_to_px, Style, SubplotParams};
pub use ticks::AxisScale;
