//! The narrow filter's colour tiles for two row taps and two column taps a pixel: hanning
//! and bilinear upsampling (issue 21's 3840 x 2160 canvas upsamples 1024² data by ~1.6).
//! The general tiled kernel ([`super::TileLine`]) pads a pixel's two column taps to a run
//! of four (half of its lanes multiply zero weights), writes the 2-D weights of each row
//! tap to a scratch buffer and finishes the sums pixel by pixel; here a pixel's four taps
//! fill one 16-lane register (AVX-512; two 8-lane ones with AVX2), the weights are
//! computed in the lanes from the integer ones, and four (two) pixels are finished
//! together ([`cpu::TapSimd::two_by_two_bytes`]).
//!
//! Same bytes: a pixel's sum per channel is its four products added in a tree two
//! additions deep, inside the bound [`super::margin`] takes for four products (any
//! summation tree of `n` products at most `n + 1` deep; module docs of
//! [`super`]), with the same finish and the same test of each `y` against it; the
//! pixels it leaves open go the general kernel's way ([`super::tile_pixel_f64`], then
//! [`super::exact_pixel`]).

use super::{margin, margin_f64, redo_unsure, tile_pixel_f64, Exact, TileCols};
use crate::cpu;
use crate::resample::engine::PaddedCols;

/// Whether a line of the tiled filter goes through [`line`]: two column taps a pixel
/// (one run of four in the tiles) and two row taps.
pub(super) fn applies(padded: &PaddedCols, tiles: &TileCols, row_taps: &[(usize, i32)]) -> bool {
    padded.taps == 2 && tiles.runs == 1 && row_taps.len() == 2
}

/// One output row of the tiled filter where [`applies`]: `rows` are the two row taps'
/// tile rows (floats into `tile`), `doubt` a scratch (one bit a pixel).
#[allow(clippy::too_many_arguments)]
pub(super) fn line(
    simd: cpu::TapSimd,
    tile: &[f32],
    rows: &[usize],
    row_taps: &[(usize, i32)],
    tiles: &TileCols,
    padded: &PaddedCols,
    exact: Exact<'_>,
    doubt: &mut Vec<u64>,
    line: &mut [[u8; 4]],
) {
    let (&[r0, r1], &[(_, y0), (_, y1)]) = (rows, row_taps) else {
        unreachable!("two row taps (`applies`)");
    };
    // Four products a channel, summed in a tree two additions deep.
    let m = margin(2 * 2) as f32 * (1.0 + f32::EPSILON);
    let run = cpu::TwoByTwo {
        tile,
        rows: [r0, r1],
        weight_y: [y0, y1],
        first: &tiles.first,
        weight_x: &padded.weight,
    };
    doubt.resize(line.len().div_ceil(64), 0);
    if !simd.two_by_two_bytes(run, m, line, doubt) {
        return;
    }
    let m_f64 = margin_f64(2 * 4);
    let mut unsure = [false; 64];
    let w = line.len();
    for (k, &bits) in doubt.iter().enumerate().filter(|(_, &b)| b != 0) {
        let c0 = 64 * k;
        let line = &mut line[c0..(c0 + 64).min(w)];
        let unsure = &mut unsure[..line.len()];
        for (j, (px, u)) in line.iter_mut().zip(unsure.iter_mut()).enumerate() {
            *u = bits >> j & 1 != 0;
            if *u {
                // As the general kernel: in f64 over the tile first (its weights padded
                // to four a pixel), from the table only what that leaves open.
                let ws = &tiles.weight[(c0 + j) * 4..][..4];
                let at = 4 * tiles.first[c0 + j];
                if let Some(b) = tile_pixel_f64(tile, rows, row_taps, at, ws, m_f64) {
                    *px = b;
                    *u = false;
                }
            }
        }
        let (offsets, weights) = (&padded.offset[c0 * 2..], &padded.weight[c0 * 2..]);
        redo_unsure::<2>(exact, row_taps, offsets, weights, unsure, line);
    }
}
