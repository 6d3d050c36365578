//! Colours, colormaps and norms, bit-exact with matplotlib 3.11.2.
//!
//! * [`Color`]: straight RGBA f64, parsed like `matplotlib.colors.to_rgba`.
//! * [`Colormap`]: the `N + 3` row lookup table (colours, under, over, bad) of every
//!   registered matplotlib colormap (embedded, dumped by `assets/gen_colormaps.py`), or
//!   built from colours (`ListedColormap`, `LinearSegmentedColormap.from_list`).
//! * [`Norm`]: `Normalize`, `LogNorm`, `SymLogNorm`, `PowerNorm`, `TwoSlopeNorm`,
//!   `CenteredNorm`, `BoundaryNorm`, `NoNorm`, in matplotlib's precision (float32 for
//!   float32 and small-integer data) and order of operations.
//! * [`colormap_rgba8`]: `cmap(norm(data), bytes=True)` on a [`ScalarData`] view.
//!
//! Byte rules (spec 3.3): images use truncation (`uint8(v * 255)`,
//! [`Colormap::lut_rgba8_trunc`]); colours drawn by Agg directly (colorbar cells,
//! patches) round half up (`floor(v * 255 + 0.5)`, [`Colormap::lut_rgba8_round`],
//! [`Color::to_rgba8_round`]).

mod colormap;
mod mapping;
mod named;
mod norm;
mod rgba;

pub use colormap::{colormap_names, Colormap};
pub(crate) use mapping::{all_finite_min_max, lut_indices_scanned, DirectIndices, POSITION_TABLE};
pub use mapping::{
    colormap_rgba, colormap_rgba8, colormap_rgba8_into, colormap_rgba8_into_slice, lut_indices,
    AsScalarData, Element, ScalarData, Values,
};
pub(crate) use norm::Prepared;
pub use norm::{Extend, Norm, NormKind, Normed, Work};
pub use rgba::Color;

#[cfg(test)]
mod vector_tests;
