//! The hatch of `RendererAgg::_draw_path`: the hatch path (unit square) scaled by
//! `hatch_size` with y flipped, rendered into a `hatch_size`² tile cleared to
//! (255, 255, 255, 0) — filled, then stroked (square caps, Agg's default miter join and
//! limit 4) in the hatch colour, without clipping — and the path's pixels painted from
//! that tile repeated from the canvas origin (`span_pattern_rgba` over
//! `image_accessor_wrap`), blended at their cover, always anti-aliased.

use super::cells::Rasterizer;
use super::curves::CurveFlattener;
use super::pathconv::PathSource;
use super::strokegen::{Sink, StrokeSink};
use super::Band;
use crate::error::Result;
use crate::scene::{CapStyle, Hatch, JoinStyle, Path};

/// `math_stroke`'s default miter limit (the hatch stroke does not set one).
const DEFAULT_MITER_LIMIT: f64 = 4.0;

/// The rendered tile, `size * size` straight RGBA8 pixels, top row first.
pub(super) struct Tile {
    size: usize,
    data: Vec<u8>,
}

/// Renders the hatch tile. The rasterizer is left reset without a clip box.
pub(super) fn tile(ras: &mut Rasterizer, h: &Hatch) -> Result<Tile> {
    let hs = h.size_px;
    let s = hs as f64;
    let mut data = vec![0u8; hs * hs * 4];
    for px in data.chunks_exact_mut(4) {
        px.copy_from_slice(&[255, 255, 255, 0]);
    }
    // scaling(1, -1) * translation(0, 1) * scaling(hs, hs), applied as Agg's affine.
    let path = Path {
        vertices: h
            .path
            .vertices
            .iter()
            .map(|&(x, y)| ((x * s + y * 0.0) + 0.0, (x * 0.0 + y * -s) + s))
            .collect(),
        codes: h.path.codes.clone(),
    };
    let mut band = Band {
        data: &mut data,
        width: hs,
        height: hs,
        y0: 0,
        y1: hs as i64,
        failed: false,
    };
    let color = h.color;
    ras.reset();
    ras.clip_box(None);
    for (c, x, y) in CurveFlattener::new(PathSource::new(&path)) {
        ras.vertex(c, x, y);
    }
    ras.sweep(|y, x, len, c| band.span(y, x, len, color, c));
    ras.reset();
    let mut st = StrokeSink::new(
        ras,
        h.linewidth_px,
        CapStyle::Projecting,
        JoinStyle::Miter,
        DEFAULT_MITER_LIMIT,
    );
    for (c, x, y) in CurveFlattener::new(PathSource::new(&path)) {
        st.vertex(c, x, y);
    }
    let res = st.finish();
    ras.sweep(|y, x, len, c| band.span(y, x, len, color, c));
    ras.reset();
    res?;
    Ok(Tile { size: hs, data })
}

impl Band<'_> {
    /// `len` pixels of row `y` from column `x` painted from the tile at `cover`.
    pub(super) fn pattern_span(&mut self, t: &Tile, y: i64, x: i64, len: i64, cover: u8) {
        if y < self.y0 || y >= self.y1 || t.size == 0 {
            return;
        }
        let x0 = x.max(0);
        let x1 = (x + len).min(self.width as i64);
        let row = self.row(y);
        let n = t.size as i64;
        let trow = y.rem_euclid(n) as usize * t.size;
        for px in x0..x1 {
            let k = (trow + px.rem_euclid(n) as usize) * 4;
            let c = [t.data[k], t.data[k + 1], t.data[k + 2], t.data[k + 3]];
            let d = row + px as usize * 4;
            super::blend::copy_or_blend(&mut self.data[d..d + 4], c, cover);
        }
    }
}
