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
//! let opts = ImshowOptions::default().cmap(Colormap::named("plasma")?);
//! let im = fig[ax].imshow_with(&data, opts)?;  // an owned array, a reference or a view
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
//! use figbuf::{colormap_rgba8, Colormap, Norm};
//! let data = ndarray::array![[0.0, 0.5], [1.0, f64::NAN]];
//! let norm: Norm = "linear".parse()?;              // or Norm::linear()
//! let rgba = colormap_rgba8(&data, &norm, &Colormap::named("viridis")?)?;
//! assert_eq!(rgba.dim(), (2, 2, 4));
//! assert_eq!(rgba[[0, 0, 0]], 68); // viridis(0) = (68, 1, 84, 255)
//! # Ok::<(), figbuf::Error>(())
//! ```
//!
//! # The public surface
//!
//! The figure model ([`Figure`], [`Axes`], [`Image`], [`Colorbar`]), its options
//! ([`ImshowOptions`], [`ColorbarOptions`], [`Style`]: `#[non_exhaustive]`, with `Default`
//! and chained setters named after matplotlib's keywords), [`Colormap`], [`Norm`],
//! [`Color`] (both `FromStr`), the colour-mapping functions ([`colormap_rgba8`] and
//! friends), [`Frame`], [`Renderer`] and [`Error`]. Entry points take data as ndarray
//! users hold it ([`IntoImageData`], [`AsScalarData`]). The stages (layout, ticks, text,
//! resampling, rasterization) are private. `tests/public-api.txt` lists every public item.
//!
//! Text is rendered with a rasterizer that follows FreeType 2.14's gray rasterizer.
//! Portions of this software are copyright © The FreeType Project (www.freetype.org). All
//! rights reserved. (FreeType License.)
// `unsafe` is denied everywhere but in `cpu`, which holds three documented, measured uses.
#![deny(unsafe_code)]
#![warn(missing_docs)]

#[macro_use]
mod options;
mod artists;
mod pool;

mod alloc;
mod axes;
mod axes_text;
mod color;
mod colorbar;
mod colorbar_contour;
mod cpu;
mod error;
mod figure;
mod frame;
mod image;
mod layout;
#[cfg(feature = "npy")]
pub mod npy;
mod pngenc;
mod raster;
mod render;
mod resample;
mod scene;
mod share;
mod style;
mod subplots;
mod text;
mod ticks;
mod tight_layout;
mod transform;
#[doc(hidden)]
pub mod unstable;

pub use artists::axline::{AxLineOptions, NamedTransform};
pub use artists::bar::{BarAlign, BarContainer, BarOptions};
pub use artists::boxplot::{boxplot_stats, BoxStats, BoxplotOptions};
pub use artists::contour::{ClabelOptions, ContourExtend, ContourOptions, LabelFormat, Levels};
pub use artists::errorbar::{ErrorSize, ErrorbarContainer, ErrorbarOptions};
pub use artists::fills::{FillBetweenOptions, StackplotOptions, StepWhere};
pub use artists::hist::{
    histogram, histogram_bin_count, histogram_weighted, Bins, HistAlign, HistOptions, HistResult,
    HistType,
};
pub use artists::legend_options::{LegendOptions, ShadowOptions};
pub use artists::line::{DrawStyle, LineStyle, PlotOptions};
pub use artists::markevery::MarkEvery;
pub use artists::mesh::{Array2D, MeshCoords, PcolormeshOptions, Shading};
pub use artists::pie::{PieContainer, PieOptions};
pub use artists::scatter::{ScatterColor, ScatterOptions};
pub use artists::stairs::{StairsOptions, StairsOrientation};
pub use artists::text::{AnnotateOptions, ArrowStyle, TextBox, TextCoords, TextOptions};
pub use artists::values::{PlotData, PlotNumber};
pub use artists::violin::{violin_stats, BwMethod, ViolinSide, ViolinStats, ViolinplotOptions};
pub use artists::{
    ArtistHandle, GridKeywords, GridOptions, SpanOptions, TickDirection, TickLabelOptions,
    TickParams, TickParamsOptions,
};
pub use axes::{Anchor, Axes, AxesId, AxesPosition, ImageHandle};
pub use axes_text::{LabelOptions, SupTitleOptions, TitleOptions};
pub use color::{
    colormap_names, colormap_rgba, colormap_rgba8, colormap_rgba8_into, colormap_rgba8_into_slice,
    lut_indices, AsScalarData, Color, Colormap, Element, Extend, Norm, NormKind, Normed,
    ScalarData, Values, Work,
};
pub use colorbar::{Colorbar, ColorbarOptions, Mappable, Orientation};
pub use error::{Error, Result};
pub use figure::{Figure, DEFAULT_MAX_PIXELS};
pub use frame::{Frame, PngCompression};
pub use image::{Aspect, Image, ImageData, ImshowOptions, IntoImageData, RgbElement};
pub use render::Renderer;
pub use resample::{Interpolation, Origin, Stage, MAX_RESAMPLE_TAPS};
pub use style::{Style, SubplotParams, MAX_STYLE_PT, MAX_STYLE_PX};
pub use subplots::{Share, SubplotsOptions};
pub use ticks::AxisScale;
pub use tight_layout::TightLayoutOptions;

/// The README's code blocks, compiled and run as doc tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
