//! The parser of `figbuf render`'s figure descriptions (figure.json: a figure as the
//! matplotlib calls that draw it), as a library so that the fuzz target
//! (`fuzz/fuzz_targets/figure_json.rs`) can link it; the `figbuf` binary is its other user.
#![deny(unsafe_code)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod figure_args;
mod figure_audit;
mod figure_axline;
mod figure_bars;
mod figure_clabel;
mod figure_figlegend;
mod figure_fills;
mod figure_grid;
mod figure_hatch;
mod figure_json;
mod figure_legend;
mod figure_mesh;
mod figure_scales;
mod figure_stats;
mod figure_ticks;
mod figure_tight;
mod figure_titles;
mod figure_violin;

pub use figure_json::{build, build_from_str, FigError};
