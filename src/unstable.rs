//! Internals that figbuf's own benches time, with no stability promise: hidden from the
//! documentation, listed in `tests/public-api.txt` so that it only grows on purpose.

use crate::{Figure, Renderer, Result};

/// Lays `fig` out (boxes, ticks, shaped text) with `renderer`'s caches, without drawing:
/// the layout stage alone, as `benches/render.rs` times it. The layout itself is internal.
pub fn layout(renderer: &mut Renderer, fig: &Figure) -> Result<()> {
    renderer.layout(fig).map(drop)
}
