//! The narrow filter for strong downsampling as two 1-D passes, with a bound that says
//! which bytes they decide (the rest are summed the 2-D way, then in f64 if need be).
//!
//! Agg's 2-D weight of a tap is `w2 = (wy * wx + 8192) >> 14`, so the sum of a pixel,
//! `S = Σ w2 v`, and its total `t = Σ w2`, are not separable. Their separable
//! approximations `S' = Σ_y wy Σ_x wx v / 16384` and `t' = Σ wy Σ wx / 16384` differ by
//! `a = Σ e v` and `b = Σ e`, with `e = w2 - wy wx / 16384` in `(-0.5, 0.5]` a tap (0 where
//! either weight is 0). Then `S / t - S' / t' = (a - ȳ b) / t` with `ȳ = S' / t'`, and
//! `|a - ȳ b| = |Σ e (v - ȳ)| <= E max(ȳ - vmin, vmax - ȳ)` where `E = Σ |e|` over the
//! pixel's taps and `[vmin, vmax]` the channel's range over the table; `t >= t' - E`. So
//! the real `y = 255 S / t` is within `255 E max(ȳ - vmin, vmax - ȳ) / (t' - E)` of
//! `255 S' / t'`. `E` is exact: `Σ_x |e(wy, wx)|` depends only on a row tap's weight and
//! the output column, so it is tabulated once a render for each distinct `wy` ([`Rounding`])
//! and a pixel's `E` is the sum over its row taps (about `n / 4` for `n` taps; the worst
//! case `n / 2` left about twice as many bytes undecided). `E / t'` is ~`(2s)² / 4 /
//! (16384 s²)` at any downsampling factor `s`: ~0.01 of a byte. [`decide`] uses the
//! tighter `(E h + |ȳ - c| |b|) / t` (`c`, `h` the middle and half-width of the range,
//! `b = Σ e` tabulated with `E`, `t = t' + b` exactly): the signed roundings mostly cancel
//! (issue 21: 7,850 -> 6,316 undecided pixels of the 136,530 of a 4096² random figure).
//!
//! The f32 sums add their own error: each product `wy wx v` passes through one rounding
//! for `wx v`, at most `K + 2` for the horizontal sum (any tree, see the parent module), one
//! for `wy H` and at most `R` for the vertical sum, so [`super::margin`] of
//! `K + R + 4` products bounds it; the finish is in f64. A byte is kept where the fast
//! `y` is farther than both margins from every whole number.
//!
//! The work: the horizontal pass reads each source row the block needs once (its colours
//! into a tile row, then each output column's `K` taps), the vertical pass adds `R` rows
//! of horizontal sums a pixel, so the cost grows with the source pixels times ~2 column
//! taps plus the output pixels times `R`, instead of the output pixels times `R K`.
//!
//! Planned where the CPU has AVX-512 or AVX2 with FMA, summed with intrinsics
//! ([`cpu::TapSimd`]): with AVX2 the passes summed in plain Rust had measured ~15% slower
//! than the gathering kernel at 4096² on one thread. The plain-Rust sums below keep the
//! module correct on any path.
//!
//! With indices from the data over whole rows (any image shown whole), [`Fused`] keeps no
//! colour tile: each source row's colours are computed into one row and summed
//! horizontally at once, and only their positions are kept for the pixels summed again
//! (issue 21: 4096² one thread ~66 -> ~57 ms of CPU with AVX-512, ~88 -> ~61 ms with AVX2).
//!
//! A pixel neither bound decides is summed in f64 over the tile's f32 colours
//! ([`super::tile_pixel_f64`], whose margin is ~1000 times smaller than the f32 sums' at these
//! tap counts), and only where that is undecided too in f64 from the table through the
//! indices ([`exact_pixel`]), as Agg does.
//!
//! (Over 800 lines: the bound, the passes it covers and their proptest against the f64
//! filter stay together, so that the proof and the code are read side by side.)

use super::super::engine::{try_for_row_blocks_of, weight_2d, PaddedCols, SMALL_TABLE};
use super::super::filters::FILTER_SCALE;
use super::{
    exact_pixel, margin, margin_f64, narrow_bytes, tile_pixel_f64, Exact, Indices, TileCols,
};
use crate::color::{DirectIndices, POSITION_TABLE};
use crate::cpu;
use std::sync::atomic::{AtomicBool, Ordering};

/// The least padded column taps (and row taps) for which the separable passes run.
pub(super) const MIN_TAPS: usize = 16;

/// Output pixels a block of rows aims for (at least [`MIN_BLOCK_ROWS`] rows): each
/// block reads the rows its taps reach past its own again.
const BLOCK_PIXELS: usize = 16384;
const MIN_BLOCK_ROWS: usize = 16;

/// What the separable passes need besides the narrow plan's taps and tables.
pub(super) struct Separable {
    tiles: TileCols,
    /// Each output column's weights in f32, padded as in `tiles.weight`.
    col_weight: Vec<f32>,
    /// Each output column's sum of weights.
    col_sum: Vec<i64>,
    /// Each colour channel's least and largest value over the table.
    range: [(f64, f64); 3],
}

impl Separable {
    /// The separable passes over `padded` columns for a table of `colours`, when the
    /// column taps are at least [`MIN_TAPS`] and a pixel's rounding sums over at most
    /// `row_taps` row taps fit an `i32` ([`Rounding`]: at most 8192 a tap; Agg's scale
    /// limit keeps real figures far below that).
    pub(super) fn new(
        padded: &PaddedCols,
        colours: &[[f64; 4]],
        row_taps: usize,
    ) -> Option<Separable> {
        let most = (FILTER_SCALE as u64 / 2)
            .saturating_mul(padded.taps as u64)
            .saturating_mul(row_taps as u64);
        if padded.taps < MIN_TAPS || most > i32::MAX as u64 {
            return None;
        }
        let tiles = TileCols::new(padded)?;
        let col_weight = tiles.weight.iter().map(|&w| w as f32).collect();
        let col_sum = padded
            .weight
            .chunks_exact(padded.taps)
            .map(|ws| ws.iter().map(|&w| i64::from(w)).sum())
            .collect();
        let mut range = [(f64::INFINITY, f64::NEG_INFINITY); 3];
        for c in colours {
            for (r, &v) in range.iter_mut().zip(c) {
                *r = (r.0.min(v), r.1.max(v));
            }
        }
        Some(Separable {
            tiles,
            col_weight,
            col_sum,
            range,
        })
    }
}

/// The plan's parts the separable passes read.
pub(super) struct Parts<'a> {
    pub w: usize,
    pub row_start: &'a [usize],
    pub row_taps: &'a [(usize, i32)],
    pub padded: &'a PaddedCols,
    pub narrow: &'a [[f32; 4]; SMALL_TABLE],
    pub wide: &'a [[f64; 4]; SMALL_TABLE],
    pub simd: Option<cpu::TapSimd>,
}

/// Runs the separable passes over `index` into `out` (every output pixel written) and
/// returns true; false (with `out` partly written) when a tile met a colour that is not
/// opaque (only from [`Indices::Direct`]).
///
/// Errors: a refused block tile or sum buffer.
pub(super) fn run(
    sep: &Separable,
    parts: &Parts<'_>,
    index: Indices<'_>,
    out: &mut [[u8; 4]],
) -> crate::Result<bool> {
    let w = parts.w.max(1);
    // A block's tile holds every source row its lines reach (their own, and the taps'
    // reach past its first and last line): within TILE_MAX_BYTES where that leaves at
    // least a few lines a block.
    let out_rows = (out.len() / w).max(1);
    let src_rows = index.len() / parts.padded.cols.max(1);
    let row_bytes = sep.tiles.source.len().max(1) * 16;
    let step = src_rows.div_ceil(out_rows).max(1);
    let reach = parts.row_taps.len() / out_rows + 1;
    let fit = (super::TILE_MAX_BYTES / row_bytes).saturating_sub(reach) / step;
    let mut lines = fit.clamp(4, (BLOCK_PIXELS / w).max(MIN_BLOCK_ROWS));
    // Whole rows from the data: no colour tile is kept, so blocks need not fit one.
    let fused = match index {
        Indices::Direct(d) if whole_rows(&sep.tiles, parts.padded.cols) => Some(d),
        _ => None,
    };
    if fused.is_some() {
        lines = (BLOCK_PIXELS / w).clamp(MIN_BLOCK_ROWS, FUSED_BLOCK_ROWS);
    }
    let rounding = Rounding::new(parts);
    let transparent = AtomicBool::new(false);
    try_for_row_blocks_of(out, w, lines * w, |first, block| {
        if transparent.load(Ordering::Relaxed) {
            return Ok(());
        }
        let opaque = if let Some(d) = fused {
            let kernel = Fused {
                sep,
                parts,
                rounding: &rounding,
                d,
                first,
                block,
            };
            match parts.simd {
                Some(simd) => simd.run(kernel),
                None => cpu::vectorized(kernel),
            }?
        } else {
            let kernel = Block {
                sep,
                parts,
                rounding: &rounding,
                index,
                first,
                block,
            };
            match parts.simd {
                Some(simd) => simd.run(kernel),
                None => cpu::vectorized(kernel),
            }?
        };
        if !opaque {
            transparent.store(true, Ordering::Relaxed);
        }
        Ok(())
    })?;
    Ok(!transparent.load(Ordering::Relaxed))
}

/// `Σ |e|` and `Σ e` of Agg's rounding of the 2-D weights (module docs) over one row
/// tap's column taps, for every distinct vertical weight and output column: a pixel's are
/// the sums over its row taps (`Σ |e|` about half of `n / 2` on average).
struct Rounding {
    /// The distinct vertical weights, sorted.
    wy: Vec<i32>,
    /// `[16384 Σ_x |e(wy, wx)|, 16384 Σ_x e(wy, wx)]` of vertical weight `wy[j]` and output
    /// column `i` at `j * w + i` (whole numbers: at most 8192 a tap; [`Separable::new`]
    /// checks that a pixel's sums over its row taps fit an `i32`, in which they are added).
    e: Vec<[i32; 2]>,
}

impl Rounding {
    fn new(parts: &Parts<'_>) -> Rounding {
        use rayon::prelude::*;
        let mut wy: Vec<i32> = parts.row_taps.iter().map(|t| t.1).collect();
        wy.sort_unstable();
        wy.dedup();
        let (w, k) = (parts.w, parts.padded.taps);
        let mut e = vec![[0i32; 2]; wy.len() * w];
        let weights = &parts.padded.weight;
        e.par_chunks_mut(w.max(1))
            .zip(&wy)
            .for_each(|(row, &y)| cpu::vectorized(RoundingRow { y, k, weights, row }));
        Rounding { wy, e }
    }

    /// Adds row tap weight `y`'s column sums to `e` (one pair a column).
    #[inline(always)]
    fn add(&self, y: i32, e: &mut [[i32; 2]]) {
        if let Ok(j) = self.wy.binary_search(&y) {
            let w = e.len();
            for (o, a) in e.iter_mut().zip(&self.e[j * w..][..w]) {
                o[0] += a[0];
                o[1] += a[1];
            }
        }
    }
}

/// One row of [`Rounding`]'s table (vertical weight `y`, every output column), as a
/// [`cpu::Kernel`]: in `i32` lanes, `16384 e = 8192 - ((y wx + 8192) & 16383)` (the
/// product is below 2^30: both weights are `i16`), at most 8192 in size a tap.
struct RoundingRow<'a> {
    y: i32,
    k: usize,
    weights: &'a [i32],
    row: &'a mut [[i32; 2]],
}

impl cpu::Kernel for RoundingRow<'_> {
    type Output = ();
    #[inline(always)]
    fn run(self) {
        let RoundingRow { y, k, weights, row } = self;
        let half = FILTER_SCALE / 2;
        for (o, wxs) in row.iter_mut().zip(weights.chunks_exact(k.max(1))) {
            let (mut abs, mut signed) = (0i32, 0i32);
            for &x in wxs {
                let e = half - ((y * x + half) & (FILTER_SCALE - 1));
                abs += e.abs();
                signed += e;
            }
            *o = [abs, signed];
        }
    }
}

/// One block of output rows, as a [`cpu::Kernel`].
struct Block<'a, 'p> {
    sep: &'a Separable,
    parts: &'a Parts<'p>,
    rounding: &'a Rounding,
    index: Indices<'a>,
    first: usize,
    block: &'a mut [[u8; 4]],
}

impl cpu::Kernel for Block<'_, '_> {
    /// False when the tile met a colour that is not opaque ([`run`]).
    type Output = crate::Result<bool>;
    #[inline(always)]
    fn run(self) -> crate::Result<bool> {
        let Block {
            sep,
            parts,
            rounding,
            index,
            first,
            block,
        } = self;
        let (w, cols) = (parts.w, parts.padded.cols);
        let lines = block.len() / w;
        let tiles = &sep.tiles;
        let width = tiles.source.len();
        let row_taps = |k: usize| &parts.row_taps[parts.row_start[k]..parts.row_start[k + 1]];
        // The block's tile: the colours of every source row its taps reach.
        let taps = &parts.row_taps[parts.row_start[first]..parts.row_start[first + lines]];
        let top = taps.iter().map(|t| t.0).min().unwrap_or(0) / cols;
        let bottom = taps.iter().map(|t| t.0).max().unwrap_or(0) / cols;
        let Some(tile) = super::fill_tile(index, cols, top..bottom + 1, tiles, parts.narrow)?
        else {
            return Ok(false);
        };
        // Every (tile row, line of the block, weight) of the block's row taps, by row.
        let mut by_row: Vec<(usize, usize, f32)> = Vec::with_capacity(taps.len());
        for l in 0..lines {
            for &(off, wy) in row_taps(first + l) {
                by_row.push((off / cols - top, l, wy as f32));
            }
        }
        by_row.sort_by_key(|t| t.0);
        let mut acc = cpu::zeroed_vec::<[f32; 4]>(lines * w, "the resampler's row sums")?;
        let mut h = vec![[0.0f32; 4]; w];
        let mut last_row = usize::MAX;
        for &(r, l, wy) in &by_row {
            if r != last_row {
                last_row = r;
                horizontal(sep, parts.simd, &tile[r * width..][..width], &mut h);
            }
            for (a, hv) in acc[l * w..][..w].iter_mut().zip(&h) {
                for ch in 0..4 {
                    a[ch] += wy * hv[ch];
                }
            }
        }
        let exact = Exact {
            index,
            table: parts.wide,
        };
        let tile = tile.as_flattened();
        let k_taps = parts.padded.taps;
        let mut redo = Redo::default();
        let mut abs_e = vec![[0i32; 2]; w];
        for (l, line) in block.chunks_mut(w).enumerate() {
            let taps = row_taps(first + l);
            let row_sum: i64 = taps.iter().map(|t| i64::from(t.1)).sum();
            abs_e.fill([0; 2]);
            for t in taps {
                rounding.add(t.1, &mut abs_e);
            }
            let m = margin(k_taps + taps.len() + 4);
            // The 2-D sums' trees (parent module): chains of a run of four column taps with
            // the vector sums, sequential without them.
            let m_2d = match parts.simd {
                Some(_) => margin(taps.len() * tiles.runs + 2),
                None => margin(taps.len() * 4 * tiles.runs + 2),
            };
            let m_f64 = margin_f64(taps.len() * 4 * tiles.runs);
            let sums = &acc[l * w..][..w];
            redo.rows.clear();
            redo.rows
                .extend(taps.iter().map(|t| (t.0 / cols - top) * width * 4));
            for (i, (px, a)) in line.iter_mut().zip(sums).enumerate() {
                let col_sum = sep.col_sum[i];
                if let Some(bytes) = decide(a, row_sum * col_sum, abs_e[i], m, sep) {
                    *px = bytes;
                    continue;
                }
                let sum = redo.sum(sep, parts.simd, tile, taps, i, &[tiles.first[i]]);
                let mut one = [[0u8; 4]];
                if !narrow_bytes(&[sum], m_2d, &mut one, &mut [false]) {
                    *px = one[0];
                } else if let Some(bytes) = tile_pixel_f64(
                    tile,
                    &redo.rows,
                    taps,
                    4 * tiles.first[i],
                    &tiles.weight[i * 4 * tiles.runs..][..4 * tiles.runs],
                    m_f64,
                ) {
                    *px = bytes;
                } else {
                    let cols = &parts.padded.offset[i * k_taps..][..k_taps];
                    let wxs = &parts.padded.weight[i * k_taps..][..k_taps];
                    *px = exact_pixel(exact, taps, cols, wxs);
                }
            }
        }
        Ok(true)
    }
}

/// Rows of output a block of [`Fused`] takes at most (16 to 24 with the default figure's
/// ~500 columns: enough blocks that the two threads end together).
const FUSED_BLOCK_ROWS: usize = 24;

/// Whether the tile columns take in every source column (reflected ones aside): then
/// [`Fused`] reads whole rows of the data.
fn whole_rows(tiles: &TileCols, cols: usize) -> bool {
    tiles.inside == (0..cols) && tiles.lead + cols <= tiles.source.len()
}

/// [`Block`] over whole rows with indices from the data, without the block's colour tile:
/// each source row's colours go into a one-row buffer ([`DirectIndices::extend_colours`])
/// and are summed horizontally at once (while in L1/L2, instead of a tile of several MB
/// written and read back); only their positions (2 bytes a pixel) are kept, from which
/// the pixels the separable bound leaves open get their colours ([`Fused::mini_tile`]).
/// The sums, the bounds and the order of the vertical pass are [`Block`]'s.
struct Fused<'a, 'p> {
    sep: &'a Separable,
    parts: &'a Parts<'p>,
    rounding: &'a Rounding,
    d: &'a DirectIndices<'a>,
    first: usize,
    block: &'a mut [[u8; 4]],
}

impl cpu::Kernel for Fused<'_, '_> {
    /// False when a row met a colour that is not opaque ([`run`]).
    type Output = crate::Result<bool>;
    #[inline(always)]
    fn run(self) -> crate::Result<bool> {
        let Fused {
            sep,
            parts,
            rounding,
            d,
            first,
            block,
        } = self;
        let (w, cols) = (parts.w, parts.padded.cols);
        let lines = block.len() / w;
        let tiles = &sep.tiles;
        let (source, lead) = (&tiles.source, tiles.lead);
        let width = source.len();
        let row_taps = |k: usize| &parts.row_taps[parts.row_start[k]..parts.row_start[k + 1]];
        let taps = &parts.row_taps[parts.row_start[first]..parts.row_start[first + lines]];
        let top = taps.iter().map(|t| t.0).min().unwrap_or(0) / cols;
        let bottom = taps.iter().map(|t| t.0).max().unwrap_or(0) / cols;
        let by_position = d.by_position(parts.narrow);
        let mut by_row: Vec<(usize, usize, f32)> = Vec::with_capacity(taps.len());
        for l in 0..lines {
            for &(off, wy) in row_taps(first + l) {
                by_row.push((off / cols - top, l, wy as f32));
            }
        }
        by_row.sort_by_key(|t| t.0);
        let rows = bottom + 1 - top;
        let mut positions: Vec<u16> = crate::alloc::with_capacity(
            rows.saturating_mul(width),
            "the resampler's tile of positions",
        )?;
        let mut row: Vec<[f32; 4]> =
            crate::alloc::with_capacity(width, "the resampler's row of colours")?;
        let mut acc = cpu::zeroed_vec::<[f32; 4]>(lines * w, "the resampler's row sums")?;
        let mut h = vec![[0.0f32; 4]; w];
        // Each line's last tile row: once it is summed, the line is finished while the
        // positions of its rows are still in the cache.
        let last: Vec<usize> = (0..lines)
            .map(|l| {
                let taps = row_taps(first + l).iter();
                taps.map(|t| t.0 / cols - top).max().unwrap_or(0)
            })
            .collect();
        let finish = FusedLines {
            sep,
            parts,
            rounding,
            exact: Exact {
                index: Indices::Direct(d),
                table: parts.wide,
            },
            by_position: &by_position,
            first,
            top,
            width,
        };
        let mut scratch = FusedScratch {
            redo: Redo::default(),
            mini: Vec::new(),
            abs_e: vec![[0i32; 2]; w],
        };
        let (mut next, mut done) = (0, 0);
        for r in 0..rows {
            let p0 = positions.len();
            row.clear();
            row.extend(std::iter::repeat_n([0.0; 4], lead));
            positions.extend(std::iter::repeat_n(0u16, lead));
            let start = (top + r) * cols;
            if d.extend_colours(start, cols, &by_position, &mut row, Some(&mut positions)) {
                return Ok(false);
            }
            // Reflected columns are columns of the row (`whole_rows`).
            for (t, &c) in source[..lead].iter().enumerate() {
                row[t] = row[lead + c];
                positions[p0 + t] = positions[p0 + lead + c];
            }
            for &c in &source[lead + cols..] {
                row.push(row[lead + c]);
                positions.push(positions[p0 + lead + c]);
            }
            let from = next;
            while next < by_row.len() && by_row[next].0 == r {
                next += 1;
            }
            if next > from {
                horizontal(sep, parts.simd, &row, &mut h);
                for &(_, l, wy) in &by_row[from..next] {
                    for (a, hv) in acc[l * w..][..w].iter_mut().zip(&h) {
                        for ch in 0..4 {
                            a[ch] += wy * hv[ch];
                        }
                    }
                }
            }
            while done < lines && last[done] <= r {
                let line = &mut block[done * w..][..w];
                finish.line(done, line, &acc[done * w..][..w], &positions, &mut scratch);
                done += 1;
            }
        }
        for l in done..lines {
            let line = &mut block[l * w..][..w];
            finish.line(l, line, &acc[l * w..][..w], &positions, &mut scratch);
        }
        Ok(true)
    }
}

/// What [`Fused`] needs to turn a line's separable sums into bytes.
struct FusedLines<'a, 'p> {
    sep: &'a Separable,
    parts: &'a Parts<'p>,
    rounding: &'a Rounding,
    exact: Exact<'a>,
    by_position: &'a [[f32; 4]; POSITION_TABLE],
    /// The block's first output row, its first tile row's source row, the tile width.
    first: usize,
    top: usize,
    width: usize,
}

/// [`FusedLines::line`]'s buffers.
struct FusedScratch {
    redo: Redo,
    mini: Vec<[f32; 4]>,
    abs_e: Vec<[i32; 2]>,
}

impl FusedLines<'_, '_> {
    /// The bytes of the block's line `l` from its sums `sums` ([`Block`]'s decisions), the
    /// pixels left open summed again over their colours from `positions`.
    #[inline(always)]
    fn line(
        &self,
        l: usize,
        line: &mut [[u8; 4]],
        sums: &[[f32; 4]],
        positions: &[u16],
        scratch: &mut FusedScratch,
    ) {
        let FusedLines {
            sep,
            parts,
            rounding,
            exact,
            by_position,
            first,
            top,
            width,
        } = *self;
        let FusedScratch { redo, mini, abs_e } = scratch;
        let (tiles, cols) = (&sep.tiles, parts.padded.cols);
        let k_taps = parts.padded.taps;
        let per_px = 4 * tiles.runs;
        let k = first + l;
        let taps = &parts.row_taps[parts.row_start[k]..parts.row_start[k + 1]];
        let row_sum: i64 = taps.iter().map(|t| i64::from(t.1)).sum();
        abs_e.fill([0; 2]);
        for t in taps {
            rounding.add(t.1, abs_e);
        }
        let m = margin(k_taps + taps.len() + 4);
        let m_2d = match parts.simd {
            Some(_) => margin(taps.len() * tiles.runs + 2),
            None => margin(taps.len() * 4 * tiles.runs + 2),
        };
        let m_f64 = margin_f64(taps.len() * 4 * tiles.runs);
        // The mini tile's rows: one a row tap, `per_px` colours each.
        redo.rows.clear();
        redo.rows.extend((0..taps.len()).map(|j| j * per_px * 4));
        for (i, (px, a)) in line.iter_mut().zip(sums).enumerate() {
            let col_sum = sep.col_sum[i];
            if let Some(bytes) = decide(a, row_sum * col_sum, abs_e[i], m, sep) {
                *px = bytes;
                continue;
            }
            // The pixel's colours, row tap after row tap, from the kept positions.
            mini.clear();
            for t in taps {
                let at = (t.0 / cols - top) * width + tiles.first[i];
                mini.extend(
                    positions[at..at + per_px]
                        .iter()
                        .map(|&p| by_position[usize::from(p) & (POSITION_TABLE - 1)]),
                );
            }
            let tile = mini.as_flattened();
            let sum = redo.sum(sep, parts.simd, tile, taps, i, &[0]);
            let mut one = [[0u8; 4]];
            if !narrow_bytes(&[sum], m_2d, &mut one, &mut [false]) {
                *px = one[0];
            } else if let Some(bytes) = tile_pixel_f64(
                tile,
                &redo.rows,
                taps,
                0,
                &tiles.weight[i * per_px..][..per_px],
                m_f64,
            ) {
                *px = bytes;
            } else {
                let cols = &parts.padded.offset[i * k_taps..][..k_taps];
                let wxs = &parts.padded.weight[i * k_taps..][..k_taps];
                *px = exact_pixel(exact, taps, cols, wxs);
            }
        }
    }
}

/// The 2-D f32 sums of the pixels the separable bound leaves open, over the block's tile
/// (then [`narrow_bytes`] decides them, or the f64 sum).
#[derive(Default)]
struct Redo {
    /// Where each row tap of the current line starts in the flattened tile.
    rows: Vec<usize>,
    /// A pixel's 2-D weights, row tap after row tap, padded as the tile columns.
    weight: Vec<f32>,
}

impl Redo {
    /// Pixel `i`'s sums over the row taps `taps` (whose tile rows are in `self.rows`).
    #[inline(always)]
    fn sum(
        &mut self,
        sep: &Separable,
        simd: Option<cpu::TapSimd>,
        tile: &[f32],
        taps: &[(usize, i32)],
        i: usize,
        first: &[usize; 1],
    ) -> [f32; 4] {
        let per_px = 4 * sep.tiles.runs;
        let wxs = &sep.tiles.weight[i * per_px..][..per_px];
        // Four weights at a time (`per_px` is a multiple of four): a fixed-length body the
        // compiler turns into vector operations, where a row tap's `per_px` (24 at 4096²)
        // was too short for its vector loop and ran one weight at a time.
        self.weight.clear();
        self.weight.resize(taps.len() * per_px, 0.0);
        for (row, &(_, wy)) in self.weight.chunks_exact_mut(per_px).zip(taps) {
            for (o, x) in row.chunks_exact_mut(4).zip(wxs.chunks_exact(4)) {
                for k in 0..4 {
                    o[k] = weight_2d(wy, x[k]) as f32;
                }
            }
        }
        if let Some(simd) = simd {
            let run = cpu::TapRun {
                tile,
                first,
                weights: &self.weight,
                stride: per_px,
            };
            let mut sum = [[0.0f32; 4]];
            simd.tap_sums(sep.tiles.runs, run, &self.rows, &mut sum);
            return sum[0];
        }
        let first = 4 * first[0];
        let mut sum = [0.0f32; 4];
        for (&row, ws) in self.rows.iter().zip(self.weight.chunks_exact(per_px)) {
            let colours = &tile[row + first..][..4 * per_px];
            for (c, &f) in colours.chunks_exact(4).zip(ws) {
                for ch in 0..4 {
                    sum[ch] += c[ch] * f;
                }
            }
        }
        sum
    }
}

/// Each output column's horizontal sum over a tile row: `K` consecutive colours from its
/// first tile column times its weights.
#[inline(always)]
fn horizontal(
    sep: &Separable,
    simd: Option<cpu::TapSimd>,
    tile_row: &[[f32; 4]],
    h: &mut [[f32; 4]],
) {
    let tiles = &sep.tiles;
    let per_px = 4 * tiles.runs;
    if let Some(simd) = simd {
        let run = cpu::TapRun {
            tile: tile_row.as_flattened(),
            first: &tiles.first,
            weights: &sep.col_weight,
            stride: 0,
        };
        simd.tap_sums(tiles.runs, run, &[0], h);
        return;
    }
    for ((o, &f), ws) in h
        .iter_mut()
        .zip(&tiles.first)
        .zip(sep.col_weight.chunks_exact(per_px))
    {
        let mut sum = [0.0f32; 4];
        for (c, &wx) in tile_row[f..][..per_px].iter().zip(ws) {
            for ch in 0..4 {
                sum[ch] += c[ch] * wx;
            }
        }
        *o = sum;
    }
}

/// The bytes of a pixel from its separable f32 sums `a` (scaled by 16384 against Agg's),
/// its separable total `t2` (likewise), the sums `e = [16384 Σ |e|, 16384 Σ e]` of Agg's
/// rounding of its 2-D weights ([`Rounding`]) and the f32 margin `m`; `None` where they do
/// not decide every byte.
///
/// With `E = Σ |e|`, `b = Σ e` and `c` the middle of a channel's range over the table
/// (half-width `h`), `a - ȳ b = Σ e (v - ȳ) = Σ e (v - c) + (c - ȳ) b`, so
/// `|a - ȳ b| <= E h + |ȳ - c| |b|`, never more than the module docs' `E max(ȳ - vmin,
/// vmax - ȳ) = E (h + |ȳ - c|)` (`|b| <= E`), and much less where the roundings cancel
/// (`|b|` grows like the square root of the taps, `E` like the taps). Agg's total is
/// `t = t' + b` exactly (the `t' - E` of the module docs is its lower bound).
#[inline(always)]
fn decide(a: &[f32; 4], t2: i64, e: [i32; 2], m: f64, sep: &Separable) -> Option<[u8; 4]> {
    let e = e.map(i64::from);
    // 16384 t, a whole number.
    let t16 = t2 + e[1];
    if t16 <= 0 || t2 <= 0 {
        return None;
    }
    let s = 255.0 / t2 as f64;
    // 255 / (16384 t): the rounding term in units of y.
    let r = 255.0 / t16 as f64;
    let (abs_e, signed) = (e[0] as f64, e[1].unsigned_abs() as f64);
    let mut px = [255u8; 4];
    for ((b, &sum), &(vmin, vmax)) in px.iter_mut().zip(&a[..3]).zip(&sep.range) {
        let y = f64::from(sum) * s;
        if y.is_nan() || y >= 255.0 {
            return None;
        }
        let ybar = y / 255.0;
        let (half, mid) = ((vmax - vmin) / 2.0, (vmax + vmin) / 2.0);
        // The 1e-6 covers the f32 sums' error in ȳ (as in the module docs' bound).
        let off = (ybar - mid).abs() + 1e-6;
        let mc = m + r * (abs_e * (half + 1e-6) + off * signed);
        let whole = y.trunc();
        let frac = y - whole;
        if (frac < mc && whole != 0.0) || frac > 1.0 - mc {
            return None;
        }
        *b = whole as u8;
    }
    Some(px)
}

#[cfg(test)]
mod tests {
    use super::super::super::engine::{plan, Plan};
    use super::super::super::{resample_rgba, rgba_to_bytes, Interpolation, Origin};
    use super::super::tests::image_place;
    use super::super::{filtered, plan_on};
    use proptest::prelude::*;

    /// A colour channel: arbitrary, or at a whole byte exactly or a hair either side
    /// (where no bound decides and pixels are summed again), or 0 or 1.
    fn channel() -> impl Strategy<Value = f64> {
        prop_oneof![
            4 => 0.0..=1.0f64,
            1 => (1u32..255, prop::sample::select(vec![0.0, 1e-12, -1e-9, 2e-5, -3e-4]))
                .prop_map(|(k, d)| (f64::from(k) + d) / 255.0),
            1 => prop::sample::select(vec![0.0, 1.0]),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]

        /// Strong downsampling (16 to 32 padded taps both ways) through the separable
        /// passes: the f64 filter's bytes (Agg's), on noise, flat patches and gradients,
        /// where the CPU has AVX-512 or AVX2 with FMA (the passes run only there).
        #[test]
        fn separable_matches_f64(
            rows in 60usize..260,
            cols in 60usize..260,
            patch in 1usize..9,
            table in prop::collection::vec([channel(), channel(), channel()], 2..48),
            seed in any::<u64>(),
            sx in 3.2f64..16.0,
            sy in 3.2f64..16.0,
            x0 in 0.0f64..1.0,
            lower in any::<bool>(),
        ) {
            let table: Vec<[f64; 4]> = table.iter().map(|&[r, g, b]| [r, g, b, 1.0]).collect();
            let mut state = seed | 1;
            let mut next = || {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state
            };
            let n = table.len() as u64;
            let picks: Vec<u32> = (0..rows * cols).map(|_| (next() % n) as u32).collect();
            let index: Vec<u32> = (0..rows * cols)
                .map(|i| picks[(i / cols / patch * patch) * cols + i % cols / patch * patch])
                .collect();
            let expanded: Vec<[f64; 4]> = index.iter().map(|&i| table[i as usize]).collect();
            let origin = if lower { Origin::Lower } else { Origin::Upper };
            let (w, h) = (cols as f64 / sx, rows as f64 / sy);
            let p = image_place(rows, cols, origin, [x0, 1.5, x0 + w, 1.5 + h]);
            let Ok(Plan::Filtered { inverse, lut }) = plan(&p, Interpolation::Hanning, 4.0) else {
                return Ok(());
            };
            let simd = crate::cpu::TapSimd::detect();
            let Some(narrow) = plan_on(&table, &p, &inverse, &lut, simd) else {
                return Ok(());
            };
            // Hanning reaches ~2 s rows: at s >= 8.5, at least 17.
            let strong = narrow.padded.taps >= super::MIN_TAPS && sy >= 8.5;
            prop_assert!(narrow.sep.is_some() || !strong || simd.is_none());
            let Some((gathered, tiled)) = filtered(&index, &table, &p, &inverse, &lut) else {
                return Ok(());
            };
            let want = rgba_to_bytes(
                &resample_rgba(&expanded, &p, Interpolation::Hanning, 4.0).unwrap(),
            );
            prop_assert_eq!(&gathered, &want, "gathered");
            if let Some(tiled) = tiled {
                prop_assert_eq!(&tiled, &want, "tiled");
            }
        }
    }
}
