//! The `'rgba'` stage's filter for opaque colour-mapped images with the sums in f32,
//! checked pixel by pixel against a bound and redone in f64 where the bound cannot
//! decide the byte. The same bytes as the f64 path (and so as Agg), about a third less
//! work in the tap loop (half the width of every sample, load and add).
//!
//! Why it is exact. The output byte of a channel is `trunc(min(acc / t, 1) * 255)` with
//! `acc` Agg's f64 sum of `sample * weight` and `t` the total weight (both sums in Agg's
//! order; see [`super::engine`]'s `OpaqueBytes`). Here the samples are the table's
//! colours rounded to f32 and the sum is taken in f32. With every
//! weight `>= 0` and every colour in `[0, 1]`, the f32 sum of `n` products is within
//! `γ(n + 2) = (n + 2)u / (1 - (n + 2)u)` (u = 2^-24) relative of the real sum; the fast
//! `y = sum * (255 / t)` in f32 adds two roundings, so it is within `255 γ(n + 4)` of the
//! real `y` (the real quotient is at most 1), and Agg's f64 sum, division and scaling
//! stay within a few f64 ulps of it. [`margin`] is twice that bound in units of `y`:
//! when the fast `y` is farther than it from every integer, the exact `y` has the same
//! whole part. Totals are sums of integer weights, exact in f32 below 2^24 (checked from
//! the largest weight and the most taps a pixel before the path is taken). Pixels the
//! bound cannot decide (263 of the default figure's 136,530) are summed again in f64
//! exactly as Agg does.
//!
//! The sums may be taken in any order (lanes, then the lanes added; fused multiply-adds or
//! not): the bound `γ(n + 2)` holds for any summation tree of the `n` products at most
//! `n + 1` deep (each product and each addition on a path adds at most one rounding; a
//! fused multiply-add, one for both). The vector tap sums ([`cpu::TapSimd`]) keep each
//! lane a chain of one fused multiply-add per row tap and run of four column taps, then
//! add the colours of a pixel in two levels, so their trees are at most
//! `row taps * ceil(column taps / 4) + 2` deep, and [`margin`] is taken for that many
//! products (the sequential sums of the gathering kernel: `row taps * column taps`).
//!
//! How the sums are laid out. Without AVX-512 (and on AVX2 below a megapixel of source,
//! [`AVX2_TILE_MIN_PIXELS`]), each pixel's taps gather their colours from the f32 table
//! through the indices ([`NarrowRow`]). With AVX-512, or AVX2 and FMA on a large image, a
//! block of output rows
//! first copies the colours of the source rows it reads into a *tile*, f32 RGBA at
//! consecutive source columns (reflected past the image's edges, as Agg's
//! `wrap_mode_reflect` reads them), so that each output pixel's column taps are
//! consecutive tile colours: a run of four taps is one 16-float load. Per output row, the
//! 2-D weights of a run of pixels go to a scratch buffer, [`cpu::TapSimd::tap_sums`] sums
//! each pixel's taps, and [`narrow_bytes`] turns sums into bytes ([`TileLine`]).
//!
//! Measured on a 2-core Zen 1 (fbprof, interleaved runs): the default figure on one
//! thread ~6.0 -> ~5.1 ms (the f32 finish is ~0.5 ms of that), on two ~4.05 -> ~3.45 ms.
//! The tiles with AVX-512 sums, on a 2-core Xeon: ~1.09 -> ~1.00 ms on two threads,
//! ~1.82 -> ~1.56 ms on one; on a 2-core Zen 4, criterion 0.80-0.87 -> 0.71-0.76 ms.
//!
//! Over 800 lines: about 290 are the tests of both kernels (and of the indices taken from
//! the data) against the f64 filter and the index array; the separable passes for strong
//! downsampling are the child module [`separable`].
//!
//! The tiles read their indices from an [`Indices`] source: the index array, or, for large
//! images, the data itself through [`DirectIndices`] (no index array written and read
//! back: issue 21); a transparent colour met there hands the image back to the index
//! array's path. Pixels the f32 bound leaves open are summed in f64 over the tile's f32
//! colours first ([`tile_pixel_f64`], a margin ~1000 times smaller), and only the few
//! that leaves open through the indices from the table ([`exact_pixel`]).
//!
//! (Over 800 lines: the proof, the plan and both kernels of one filter stay together so the
//! bound and the code it covers are read side by side; about 290 lines are unit tests.)

use super::engine::{
    for_row_blocks, padded_block, reflect, try_for_line_blocks, weight_2d, with_wide_taps, Finish,
    Lines, OpaqueBytes, PaddedCols, Sample, SmallIndexed, Spans, PADDED_BLOCK, SMALL_TABLE,
};
use super::filters::{FilterLut, FILTER_SCALE, FILTER_SHIFT};
use super::Placement;
use crate::color::DirectIndices;
use crate::cpu;
use crate::transform::Affine;
use std::sync::atomic::{AtomicBool, Ordering};

mod separable;
mod two_taps;

/// The narrow filter of an opaque colour-mapped image (`table[index[i]]`, every index
/// below the table's length, every alpha 1) to bytes, when it applies (see [`plan`]);
/// `None` otherwise. Where the CPU has AVX-512, both kernels run: the tiled one's bytes
/// come second (the gathering one's first).
#[cfg(test)]
#[allow(clippy::type_complexity)]
pub(super) fn filtered(
    index: &[u32],
    table: &[[f64; 4]],
    placement: &Placement,
    inverse: &Affine,
    lut: &FilterLut,
) -> Option<(Vec<[u8; 4]>, Option<Vec<[u8; 4]>>)> {
    let run = |simd| plan_on(table, placement, inverse, lut, simd).and_then(|p| p.run(index).ok());
    let gathered = run(None)?;
    let tiled = cpu::TapSimd::detect().and_then(|simd| run(Some(simd)));
    Some((gathered, tiled))
}

/// Everything the narrow filter needs but the indices: every output row's and column's
/// taps, both tables and the output. It can be made while the indices are computed.
pub(crate) struct NarrowPlan {
    w: usize,
    /// Where output row `k`'s taps start in `row_taps` (and a final end).
    row_start: Vec<usize>,
    /// Source row offset and vertical weight of each row tap, row after row.
    row_taps: Vec<(usize, i32)>,
    padded: PaddedCols,
    /// The colour tiles' columns, with the vector sums over them; `None`: gather.
    tiles: Option<(cpu::TapSimd, TileCols)>,
    /// The colours in f32, and in f64 for the pixels summed again.
    narrow: Box<[[f32; 4]; SMALL_TABLE]>,
    wide: Box<[[f64; 4]; SMALL_TABLE]>,
    /// For strong downsampling: the two 1-D passes ([`separable`]) and their tap sums.
    sep: Option<(cpu::TapSimd, separable::Separable)>,
    /// Output rows.
    h: usize,
}

/// The columns of the colour tiles: a tile row holds a source row's colours at
/// consecutive source columns (reflected into the image where they pass its edges), so
/// that each output pixel's column taps are consecutive tile columns, read in runs of
/// four colours.
struct TileCols {
    /// The source column of each tile column.
    source: Vec<usize>,
    /// The tile columns before the first inside the image.
    lead: usize,
    /// The source columns inside the image (not reflected), at the tile columns from
    /// `lead` on.
    inside: std::ops::Range<usize>,
    /// The tile column of each output column's first tap.
    first: Vec<usize>,
    /// Each output column's horizontal weights, padded with zeros to `4 * runs`.
    weight: Vec<i32>,
    /// Runs of four column taps a pixel.
    runs: usize,
}

impl TileCols {
    fn new(padded: &PaddedCols) -> Option<TileCols> {
        let runs = padded.taps.div_ceil(4);
        let lo = *padded.first.iter().min()?;
        let hi = *padded.first.iter().max()?;
        let width = usize::try_from(hi - lo).ok()? + 4 * runs;
        let source = (0..width as i64)
            .map(|t| reflect(lo + t, padded.cols))
            .collect();
        let cols = i64::try_from(padded.cols).ok()?;
        let lead = (-lo).clamp(0, width as i64);
        let end = (cols - lo).clamp(lead, width as i64);
        let inside = (lo + lead) as usize..(lo + end) as usize;
        let lead = lead as usize;
        let first = padded.first.iter().map(|&f| (f - lo) as usize).collect();
        let mut weight = Vec::with_capacity(padded.first.len() * 4 * runs);
        for ws in padded.weight.chunks_exact(padded.taps) {
            weight.extend(ws);
            weight.extend(std::iter::repeat_n(0, 4 * runs - padded.taps));
        }
        Some(TileCols {
            source,
            lead,
            inside,
            first,
            weight,
            runs,
        })
    }
}

/// Output pixels a block of rows of the tiled filter aims for: its tile repeats the
/// source rows its first and last rows share with the neighbouring blocks.
const TILE_BLOCK_PIXELS: usize = 4096;

/// [`TILE_BLOCK_PIXELS`] when upsampling (fewer source rows than output rows): a block of
/// ~6 output rows of issue 21's 3840 x 2160 canvas (1024² data, ~1.6x) filled ~5.7 source
/// rows into its tile for ~3.7 new ones; ~20 rows a block fill ~14 for ~12 (one thread,
/// `canvas_into`, four interleaved rounds at load ~15: 14.0-15.3 -> 13.3-14.0 CPU ms a
/// render; two threads within noise).
const UPSAMPLING_TILE_BLOCK_PIXELS: usize = 1 << 15;

/// The most bytes a colour tile holds (16 a source pixel): a small output of a large image
/// would otherwise make one tile of the whole image.
const TILE_MAX_BYTES: usize = 8 << 20;

/// The [`NarrowPlan`] of `table` (the image's colours, premultiplied) resampled by
/// `placement`, `inverse` and `lut`, when the narrow path applies: [`applies`], the
/// transform neither rotates nor shears, the column taps pad, and every partial sum of
/// weights stays a whole number below 2^24 (exact in f32). `None` otherwise.
pub(super) fn plan(
    table: &[[f64; 4]],
    placement: &Placement,
    inverse: &Affine,
    lut: &FilterLut,
) -> Option<NarrowPlan> {
    let simd = cpu::TapSimd::detect().filter(|s| {
        matches!(s, cpu::TapSimd::Avx512(_))
            || placement.rows.saturating_mul(placement.cols) >= AVX2_TILE_MIN_PIXELS
    });
    plan_on(table, placement, inverse, lut, simd)
}

/// The least source pixels for which the colour tiles run with AVX2 (eight-lane tap
/// sums): from a megapixel they read their indices from the data (no index array), and
/// the default figure went from ~9 to ~5 ms of CPU a render at 1024² (2-core Zen 4,
/// `FIGBUF_NO_AVX512=1`, interleaved runs); at 512², with the index array, the gathering
/// kernel stays ~10% faster.
const AVX2_TILE_MIN_PIXELS: usize = 1 << 20;

/// [`plan`] for colour tiles summed with `tile_simd` when it is given, else for
/// gathering each tap's colour from the table (the same bytes either way). With AVX2 the
/// tiles pay for their copy only on large images ([`AVX2_TILE_MIN_PIXELS`]); with
/// plain-Rust sums they never did (1.70 against the gathering kernel's 1.50 ms, default
/// figure, one thread).
fn plan_on(
    table: &[[f64; 4]],
    placement: &Placement,
    inverse: &Affine,
    lut: &FilterLut,
    tile_simd: Option<cpu::TapSimd>,
) -> Option<NarrowPlan> {
    if !applies(table, &lut.weights) {
        return None;
    }
    let spans = Spans::new(placement, inverse, lut);
    let axis = spans.axis_taps()?;
    let padded = axis.padded_wide()?;
    let max_weight = lut.weights.iter().map(|&w| i64::from(w)).max().unwrap_or(0);
    let max_2d = (max_weight * max_weight + i64::from(FILTER_SCALE / 2)) >> FILTER_SHIFT;
    let taps = (spans.max_row_taps() * padded.taps) as i64;
    if taps.saturating_mul(max_2d) >= 1 << 24 {
        return None;
    }
    let mut wide = Box::new([[0.0; 4]; SMALL_TABLE]);
    wide[..table.len()].copy_from_slice(table);
    let mut narrow = Box::new([[0.0f32; 4]; SMALL_TABLE]);
    for (n, c) in narrow.iter_mut().zip(table) {
        *n = c.map(|v| v as f32);
    }
    let mut row_start = Vec::with_capacity(spans.h + 1);
    let mut row_taps = Vec::with_capacity(spans.h * 4);
    for k in 0..spans.h {
        row_start.push(row_taps.len());
        row_taps.extend(axis.row_taps(k));
    }
    row_start.push(row_taps.len());
    // The separable passes sum over colour tiles with the vector tap sums
    // (`cpu::TapSimd`; in plain Rust they measured ~15% slower than the gathering kernel
    // at 4096², one thread). A plan for the gathering kernel on an AVX-512 CPU (the
    // tests') keeps to it; on an AVX2 CPU it still takes the passes.
    let simd = match tile_simd {
        Some(simd) => Some(simd),
        None => cpu::TapSimd::detect().filter(|s| matches!(s, cpu::TapSimd::Avx2(_))),
    };
    let sep = simd
        .filter(|_| spans.max_row_taps() >= separable::MIN_TAPS)
        .and_then(|simd| {
            Some((
                simd,
                separable::Separable::new(&padded, table, spans.max_row_taps())?,
            ))
        });
    let tiles = tile_simd.and_then(|simd| Some((simd, TileCols::new(&padded)?)));
    Some(NarrowPlan {
        w: spans.w,
        row_start,
        row_taps,
        padded,
        tiles,
        narrow,
        wide,
        sep,
        // The output is allocated when the plan runs into a buffer of its own
        // ([`NarrowPlan::run`]); [`NarrowPlan::run_direct_into`] writes a canvas's rows.
        h: spans.h,
    })
}

impl NarrowPlan {
    /// The filter over `index` (the image's `rows * cols` indices, checked by the caller).
    ///
    /// Errors: a refused tile (the colours of the source rows a block of lines reads).
    pub(super) fn run(self, index: &[u32]) -> crate::Result<Vec<[u8; 4]>> {
        self.run_on(Indices::Array(index))?.ok_or_else(|| {
            crate::Error::Data(
                "the narrow filter met a transparent colour in an index array".into(),
            )
        })
    }

    /// Whether the filter reads the image through colour tiles (with AVX-512, or the
    /// separable passes), so that it can take its indices from the data
    /// ([`NarrowPlan::run_direct`]).
    pub(crate) fn reads_tiles(&self) -> bool {
        self.tiles.is_some() || self.sep.is_some()
    }

    /// The filter over indices computed from the data where the tiles read them, when
    /// [`NarrowPlan::reads_tiles`] (the caller checks the length); `None` when the
    /// filter does not read tiles or a sampled pixel's colour is not opaque (NaN data:
    /// the bad colour), where the index array's path decides.
    ///
    /// Errors: a refused tile.
    pub(crate) fn run_direct(
        self,
        direct: &DirectIndices<'_>,
    ) -> crate::Result<Option<Vec<[u8; 4]>>> {
        if !self.reads_tiles() {
            return Ok(None);
        }
        self.run_on(Indices::Direct(direct))
    }

    /// Whether [`NarrowPlan::run_direct_into`] writes the image (the colour tiles without
    /// the separable passes).
    pub(crate) fn writes_into(&self) -> bool {
        self.tiles.is_some() && self.sep.is_none()
    }

    /// [`NarrowPlan::run_direct`] writing each output row `k` into `dst`'s line `k` (a
    /// canvas's rows: issue 21's 3840 x 2160 canvas no longer allocates, fills and copies
    /// an 11 MB image), when [`NarrowPlan::writes_into`] (else `false`, nothing written).
    /// `false` too when a sampled colour is not opaque, with `dst`'s lines partly written.
    ///
    /// Errors: a refused tile; `dst` too small for the output rows.
    pub(crate) fn run_direct_into(
        &self,
        direct: &DirectIndices<'_>,
        dst: Lines<'_>,
    ) -> crate::Result<bool> {
        if !self.writes_into() {
            return Ok(false);
        }
        self.tiles_into(Indices::Direct(direct), dst)
    }

    /// [`NarrowPlan::run`] writing each output row `k` into `dst`'s line `k` (a canvas's
    /// rows: the default figure's 512² image no longer allocates, clears and copies its
    /// own output), when [`NarrowPlan::writes_into`] (else `false`, nothing written); for
    /// an `index` the caller has scanned and found opaque.
    ///
    /// Errors: a refused tile; `dst` too small for the output rows.
    pub(crate) fn run_into(&self, index: &[u32], dst: Lines<'_>) -> crate::Result<bool> {
        if !self.writes_into() {
            return Ok(false);
        }
        self.tiles_into(Indices::Array(index), dst)
    }

    /// [`NarrowPlan::run`] over either source; `None` as in [`NarrowPlan::run_direct`].
    fn run_on(self, index: Indices<'_>) -> crate::Result<Option<Vec<[u8; 4]>>> {
        let mut out = cpu::zeroed_vec(self.w * self.h, "the resampled image")?;
        if self.writes_into() {
            let dst = Lines {
                bytes: out.as_flattened_mut(),
                stride: self.w * 4,
                x0: 0,
            };
            let opaque = self.tiles_into(index, dst)?;
            return Ok(opaque.then_some(out));
        }
        let NarrowPlan {
            w,
            row_start,
            row_taps,
            padded,
            tiles: _,
            narrow,
            wide,
            sep,
            h: _,
        } = self;
        if let Some((simd, sep)) = &sep {
            let parts = separable::Parts {
                w,
                row_start: &row_start,
                row_taps: &row_taps,
                padded: &padded,
                narrow: &narrow,
                wide: &wide,
                simd: Some(*simd),
            };
            let opaque = separable::run(sep, &parts, index, &mut out)?;
            return Ok(opaque.then_some(out));
        }
        // No tiles here (with tiles and no separable passes the plan wrote above): gather.
        {
            let Indices::Array(index) = index else {
                return Ok(None);
            };
            let exact = SmallIndexed {
                index,
                table: &wide,
            };
            for_row_blocks(&mut out, w, |first, block| {
                let mut scratch = NarrowScratch::new(w, padded.taps);
                for (i, line) in block.chunks_mut(w).enumerate() {
                    let k = first + i;
                    let taps = &row_taps[row_start[k]..row_start[k + 1]];
                    macro_rules! run {
                        ($k:literal) => {
                            cpu::vectorized(NarrowRow::<$k> {
                                src: Source {
                                    index,
                                    table: &narrow,
                                    exact,
                                },
                                row_taps: taps,
                                col_offset: &padded.offset,
                                col_weight: &padded.weight,
                                scratch: &mut scratch,
                                line,
                            })
                        };
                    }
                    with_wide_taps!(padded.taps, run)
                }
            });
            Ok(Some(out))
        }
    }

    /// The tiled filter over `index` into `dst`'s lines (one a output row); whether every
    /// sampled colour was opaque (else the lines are partly written). Without tiles,
    /// nothing is written and the answer is `false`.
    fn tiles_into(&self, index: Indices<'_>, dst: Lines<'_>) -> crate::Result<bool> {
        let Some((simd, tiles)) = &self.tiles else {
            return Ok(false);
        };
        let (simd, w, padded) = (*simd, self.w, &self.padded);
        let (row_start, row_taps, narrow) = (&self.row_start, &self.row_taps, &*self.narrow);
        let exact = Exact {
            index,
            table: &self.wide,
        };
        let cols = padded.cols;
        // A tile holds the colours of every source row its output lines reach: bound its
        // size by splitting a block (a small output is one block) into runs of lines.
        let width = tiles.source.len();
        let out_rows = self.h.max(1);
        let src_rows = index.len() / cols.max(1);
        let line_bytes = (src_rows.div_ceil(out_rows) + 1) * width.max(1) * 16;
        let max_lines = (TILE_MAX_BYTES / line_bytes).max(1);
        let transparent = AtomicBool::new(false);
        let block_pixels = if src_rows < out_rows {
            UPSAMPLING_TILE_BLOCK_PIXELS
        } else {
            TILE_BLOCK_PIXELS
        };
        try_for_line_blocks(dst, w, self.h, block_pixels, |first_line, whole| {
            for (run_no, block) in whole.chunks_mut(max_lines).enumerate() {
                if transparent.load(Ordering::Relaxed) {
                    return Ok(());
                }
                let first = first_line + run_no * max_lines;
                let last = first + block.len();
                let taps = &row_taps[row_start[first]..row_start[last]];
                let top = taps.iter().map(|t| t.0).min().unwrap_or(0) / cols;
                let bottom = taps.iter().map(|t| t.0).max().unwrap_or(0) / cols;
                // Lines whose last row never goes back (origin 'upper') fill their tile
                // row by row as they reach it ([`LazyTile`]): each row is first read from
                // L2, not after a whole tile of several MB was written.
                let line_end = |k: usize| {
                    let taps = &row_taps[row_start[k]..row_start[k + 1]];
                    taps.iter().map(|t| t.0 / cols + 1).max().unwrap_or(top)
                };
                let rising = (first + 1..last).all(|k| line_end(k) >= line_end(k - 1));
                let mut lazy = match index {
                    Indices::Direct(d) if rising => LazyTile::new(d, cols, top, tiles, narrow),
                    _ => None,
                };
                let filled = match lazy {
                    Some(_) => Vec::new(),
                    None => {
                        let Some(tile) = fill_tile(index, cols, top..bottom + 1, tiles, narrow)?
                        else {
                            transparent.store(true, Ordering::Relaxed);
                            return Ok(());
                        };
                        tile
                    }
                };
                if let Some(lazy) = lazy.as_mut() {
                    lazy.reserve(bottom + 1 - top)?;
                }
                let line_taps = (first..last).map(|k| row_start[k + 1] - row_start[k]);
                let most_taps = line_taps.clone().max().unwrap_or(0);
                let mut scratch = TileScratch::for_lines(w, tiles.runs, line_taps)?;
                let mut rows = crate::alloc::with_capacity(most_taps, "the resampler's row taps")?;
                for (i, line) in block.iter_mut().enumerate() {
                    let line: &mut [[u8; 4]] = line;
                    let k = first + i;
                    let taps = &row_taps[row_start[k]..row_start[k + 1]];
                    let tile = match lazy.as_mut() {
                        Some(lazy) => {
                            if !lazy.fill_to(line_end(k)) {
                                transparent.store(true, Ordering::Relaxed);
                                return Ok(());
                            }
                            lazy.tile.as_flattened()
                        }
                        None => filled.as_flattened(),
                    };
                    rows.clear();
                    rows.extend(taps.iter().map(|t| (t.0 / cols - top) * width * 4));
                    if two_taps::applies(padded, tiles, taps) {
                        let doubt = &mut scratch.doubt;
                        two_taps::line(simd, tile, &rows, taps, tiles, padded, exact, doubt, line);
                        continue;
                    }
                    macro_rules! run {
                        ($k:literal) => {
                            simd.run(TileLine::<$k> {
                                simd,
                                tile,
                                rows: &rows,
                                row_taps: taps,
                                tiles,
                                padded,
                                exact,
                                scratch: &mut scratch,
                                line,
                            })
                        };
                    }
                    with_wide_taps!(padded.taps, run)
                }
            }
            Ok(())
        })?;
        Ok(!transparent.load(Ordering::Relaxed))
    }
}

/// Where the narrow filter reads an image's LUT indices: an index array, or the data
/// through its index loop, row by row as the tiles need them.
#[derive(Clone, Copy)]
pub(super) enum Indices<'a> {
    Array(&'a [u32]),
    Direct(&'a DirectIndices<'a>),
}

impl Indices<'_> {
    fn len(&self) -> usize {
        match self {
            Indices::Array(a) => a.len(),
            Indices::Direct(d) => d.len(),
        }
    }

    #[inline(always)]
    fn get(&self, i: usize) -> u32 {
        match self {
            Indices::Array(a) => a[i],
            Indices::Direct(d) => d.get(i),
        }
    }
}

/// The source in f64 through either kind of [`Indices`], for the pixels summed again
/// ([`exact_pixel`]).
#[derive(Clone, Copy)]
pub(super) struct Exact<'a> {
    pub index: Indices<'a>,
    pub table: &'a [[f64; 4]; SMALL_TABLE],
}

impl Sample<4> for Exact<'_> {
    const FINITE: bool = true;
    #[inline(always)]
    fn sample(&self, i: usize) -> [f64; 4] {
        self.table[self.index.get(i) as usize & (SMALL_TABLE - 1)]
    }
}

/// The colours of source rows `rows` at the tile columns `source` (row after row): the
/// columns inside the image, `inside`, are read straight along the row. From
/// [`Indices::Direct`], each row's indices are computed first, and `None` is returned when
/// one of them is a transparent row (which that source watches for).
fn fill_tile(
    index: Indices<'_>,
    cols: usize,
    rows: std::ops::Range<usize>,
    tiles: &TileCols,
    table: &[[f32; 4]; SMALL_TABLE],
) -> crate::Result<Option<Vec<[f32; 4]>>> {
    let source = &tiles.source;
    let (lead, inside) = (tiles.lead, tiles.inside.clone());
    let colour = |i: u32| table[i as usize & (SMALL_TABLE - 1)];
    let mut tile = crate::alloc::with_capacity(
        rows.len().saturating_mul(source.len()),
        "the resampler's colour tile",
    )?;
    if let Indices::Direct(d) = index {
        if inside == (0..cols) && lead + cols <= source.len() {
            return Ok(fill_tile_direct(d, cols, rows, tiles, table, tile));
        }
    }
    let mut computed = Vec::new();
    if let Indices::Direct(_) = index {
        computed = crate::alloc::with_capacity(cols, "the resampler's row of indices")?;
        computed.resize(cols, 0u32);
    }
    for r in rows {
        let row = match index {
            Indices::Array(a) => &a[r * cols..][..cols],
            Indices::Direct(d) => {
                if d.fill(r * cols, &mut computed) {
                    return Ok(None);
                }
                &computed[..]
            }
        };
        tile.extend(source[..lead].iter().map(|&c| colour(row[c])));
        tile.extend(row[inside.clone()].iter().map(|&i| colour(i)));
        tile.extend(
            source[lead + inside.len()..]
                .iter()
                .map(|&c| colour(row[c])),
        );
    }
    Ok(Some(tile))
}

/// A colour tile filled from the data as its lines reach its rows (whole rows, as
/// [`fill_tile_direct`] fills them), for lines whose last row never goes back.
struct LazyTile<'a> {
    d: &'a DirectIndices<'a>,
    cols: usize,
    tiles: &'a TileCols,
    by_position: [[f32; 4]; crate::color::POSITION_TABLE],
    /// The end of the source rows filled (from the tile's first).
    end: usize,
    tile: Vec<[f32; 4]>,
}

impl<'a> LazyTile<'a> {
    /// `None` where [`fill_tile`] would not read whole rows from the data.
    fn new(
        d: &'a DirectIndices<'a>,
        cols: usize,
        top: usize,
        tiles: &'a TileCols,
        table: &[[f32; 4]; SMALL_TABLE],
    ) -> Option<LazyTile<'a>> {
        let whole = tiles.inside == (0..cols) && tiles.lead + cols <= tiles.source.len();
        whole.then(|| LazyTile {
            d,
            cols,
            tiles,
            by_position: d.by_position(table),
            end: top,
            tile: Vec::new(),
        })
    }

    /// Room for `rows` tile rows (no reallocation while the lines read the tile).
    fn reserve(&mut self, rows: usize) -> crate::Result<()> {
        let n = rows.saturating_mul(self.tiles.source.len());
        self.tile = crate::alloc::with_capacity(n, "the resampler's colour tile")?;
        Ok(())
    }

    /// Fills the rows up to source row `end` (exclusive); false when one holds a watched
    /// (transparent) colour.
    fn fill_to(&mut self, end: usize) -> bool {
        while self.end < end {
            if !fill_direct_row(
                self.d,
                self.cols,
                self.end,
                self.tiles,
                &self.by_position,
                &mut self.tile,
            ) {
                return false;
            }
            self.end += 1;
        }
        true
    }
}

/// Appends source row `r`'s tile row (its colours from the data, the reflected columns
/// copied from them); false when it holds a watched (transparent) colour.
fn fill_direct_row(
    d: &DirectIndices<'_>,
    cols: usize,
    r: usize,
    tiles: &TileCols,
    by_position: &[[f32; 4]; crate::color::POSITION_TABLE],
    tile: &mut Vec<[f32; 4]>,
) -> bool {
    let (source, lead) = (&tiles.source, tiles.lead);
    let base = tile.len();
    tile.extend(std::iter::repeat_n([0.0; 4], lead));
    if d.extend_colours(r * cols, cols, by_position, tile, None) {
        return false;
    }
    // Every reflected column is a column of the row (`inside` is all of them).
    let row = base + lead;
    for (t, &c) in source[..lead].iter().enumerate() {
        tile[base + t] = tile[row + c];
    }
    for &c in &source[lead + cols..] {
        let colour = tile[row + c];
        tile.push(colour);
    }
    true
}

/// [`fill_tile`] from the data when the tile's columns take in every source column (the
/// whole rows, as for any image shown whole): each row's colours come straight from its
/// values ([`DirectIndices::extend_colours`]), and the columns reflected past the edges
/// are copied from them. `None` when a row holds a watched (transparent) colour.
fn fill_tile_direct(
    d: &DirectIndices<'_>,
    cols: usize,
    rows: std::ops::Range<usize>,
    tiles: &TileCols,
    table: &[[f32; 4]; SMALL_TABLE],
    mut tile: Vec<[f32; 4]>,
) -> Option<Vec<[f32; 4]>> {
    let by_position = d.by_position(table);
    for r in rows {
        if !fill_direct_row(d, cols, r, tiles, &by_position, &mut tile) {
            return None;
        }
    }
    Some(tile)
}

/// Per-task buffers of [`TileLine`]: the 2-D weights of every row tap of a run of
/// pixels, each pixel's sums, and which pixels the bound did not decide.
#[derive(Default)]
struct TileScratch {
    weight: Vec<f32>,
    acc: Vec<[f32; 4]>,
    unsure: Vec<bool>,
    /// One bit a pixel ([`two_taps`]).
    doubt: Vec<u64>,
}

impl TileScratch {
    /// The buffers [`TileLine`] uses for lines of `width` pixels with `line_taps` row taps
    /// each, allocated fallibly up front (the kernel's `resize`s then stay within them).
    fn for_lines(
        width: usize,
        runs: usize,
        line_taps: impl Iterator<Item = usize>,
    ) -> crate::Result<TileScratch> {
        let (mut n_max, mut weights) = (0, 0);
        for taps in line_taps {
            let n = tile_run_px(taps).min(width);
            n_max = n_max.max(n);
            weights = weights.max(n * 4 * runs * taps);
        }
        let what = "the resampler's per-line sums";
        let mut weight = crate::alloc::with_capacity(weights, what)?;
        weight.resize(weights, 0.0);
        let mut acc = crate::alloc::with_capacity(n_max, what)?;
        acc.resize(n_max, [0.0; 4]);
        let mut unsure = crate::alloc::with_capacity(n_max, what)?;
        unsure.resize(n_max, false);
        Ok(TileScratch {
            weight,
            acc,
            unsure,
            doubt: Vec::new(),
        })
    }
}

/// Pixels a run of [`TileLine`] with `taps` row taps: the weights of all their row taps
/// stay in the L1 cache.
fn tile_run_px(taps: usize) -> usize {
    (PADDED_BLOCK * 4 / taps.max(1)).clamp(4, PADDED_BLOCK)
}

/// One output row of the narrow filter over a block's colour tile, as a
/// [`cpu::Kernel`] for [`cpu::TapSimd::run`]: `K` column taps a pixel.
struct TileLine<'a, const K: usize> {
    simd: cpu::TapSimd,
    /// The block's colour tile, flattened.
    tile: &'a [f32],
    /// Where each row tap's tile row starts in `tile`.
    rows: &'a [usize],
    row_taps: &'a [(usize, i32)],
    tiles: &'a TileCols,
    padded: &'a PaddedCols,
    /// The source in f64, for the pixels summed again.
    exact: Exact<'a>,
    scratch: &'a mut TileScratch,
    line: &'a mut [[u8; 4]],
}

impl<const K: usize> cpu::Kernel for TileLine<'_, K> {
    type Output = ();
    #[inline(always)]
    fn run(self) {
        // Sums in another order than the recursive one, each lane a chain of one fused
        // multiply-add a row tap and run of four column taps, then two levels of adds
        // (module docs).
        let margin = margin(self.row_taps.len() * K.div_ceil(4) + 2);
        let m_f64 = margin_f64(self.row_taps.len() * 4 * self.tiles.runs);
        let stride_px = 4 * self.tiles.runs;
        let run_px = tile_run_px(self.rows.len());
        let TileScratch {
            weight,
            acc,
            unsure,
            ..
        } = self.scratch;
        let n_max = run_px.min(self.line.len());
        weight.resize(n_max * stride_px * self.rows.len(), 0.0);
        acc.resize(n_max, [0.0; 4]);
        unsure.resize(n_max, false);
        let runs = self.line.chunks_mut(run_px).zip(
            self.tiles
                .first
                .chunks(run_px)
                .zip(self.tiles.weight.chunks(run_px * stride_px)),
        );
        for (c0, (line, (first, col_weight))) in runs.enumerate() {
            let n = line.len();
            let stride = n * stride_px;
            let weight = &mut weight[..stride * self.rows.len()];
            for (ws, &(_, weight_y)) in weight.chunks_exact_mut(stride).zip(self.row_taps) {
                for (f, &x) in ws.iter_mut().zip(col_weight) {
                    *f = weight_2d(weight_y, x) as f32;
                }
            }
            let (acc, unsure) = (&mut acc[..n], &mut unsure[..n]);
            let run = cpu::TapRun {
                tile: self.tile,
                first,
                weights: weight,
                stride,
            };
            self.simd.tap_sums(K.div_ceil(4), run, self.rows, acc);
            if narrow_bytes(acc, margin, line, unsure) {
                let c0 = c0 * run_px;
                // Summed in f64 over the tile first: the table's f64 colours (through the
                // indices) only for what that leaves open.
                for (j, (px, u)) in line.iter_mut().zip(unsure.iter_mut()).enumerate() {
                    if *u {
                        let ws = &self.tiles.weight[(c0 + j) * stride_px..][..stride_px];
                        let at = 4 * first[j];
                        if let Some(b) =
                            tile_pixel_f64(self.tile, self.rows, self.row_taps, at, ws, m_f64)
                        {
                            *px = b;
                            *u = false;
                        }
                    }
                }
                let (offsets, weights) = (&self.padded.offset, &self.padded.weight);
                let (offsets, weights) = (&offsets[c0 * K..], &weights[c0 * K..]);
                redo_unsure::<K>(self.exact, self.row_taps, offsets, weights, unsure, line);
            }
        }
    }
}

/// One output row of the narrow filter, as a [`cpu::Kernel`]: `K` column taps a pixel
/// (padded as in the f64 path), rows outermost in blocks of [`PADDED_BLOCK`] pixels.
struct NarrowRow<'a, const K: usize> {
    src: Source<'a>,
    row_taps: &'a [(usize, i32)],
    /// Source column of tap `j` of pixel `c` at `c * K + j`.
    col_offset: &'a [usize],
    /// Its horizontal weight (0 for padding).
    col_weight: &'a [i32],
    scratch: &'a mut NarrowScratch,
    line: &'a mut [[u8; 4]],
}

/// Where [`NarrowRow`] reads its samples (a small `Copy` view).
#[derive(Clone, Copy)]
struct Source<'a> {
    index: &'a [u32],
    /// The colours in f32, in a fixed-size table (every index is below the real length).
    table: &'a [[f32; 4]; SMALL_TABLE],
    /// The same source in f64, for the pixels summed again.
    exact: SmallIndexed<'a, 4>,
}

/// Per-task buffers of [`NarrowRow`]: a row tap's 2-D weights, each pixel's sums, and
/// which pixels the bound did not decide.
struct NarrowScratch {
    weight: Vec<f32>,
    acc: Vec<[f32; 4]>,
    unsure: Vec<bool>,
}

impl NarrowScratch {
    fn new(width: usize, taps: usize) -> Self {
        let width = width.min(PADDED_BLOCK);
        NarrowScratch {
            weight: vec![0.0; width * taps],
            acc: vec![[0.0; 4]; width],
            unsure: vec![false; width],
        }
    }
}

impl<const K: usize> cpu::Kernel for NarrowRow<'_, K> {
    type Output = ();
    #[inline(always)]
    fn run(self) {
        let margin = margin(self.row_taps.len() * K);
        let NarrowScratch {
            weight,
            acc,
            unsure,
        } = self.scratch;
        let blocks = self.line.chunks_mut(PADDED_BLOCK).zip(
            self.col_offset
                .chunks(PADDED_BLOCK * K)
                .zip(self.col_weight.chunks(PADDED_BLOCK * K)),
        );
        for (line, (col_offset, col_weight)) in blocks {
            let n = line.len();
            let (weight, acc, unsure) = (&mut weight[..n * K], &mut acc[..n], &mut unsure[..n]);
            let src = self.src;
            padded_block::<K, f32, [f32; 4]>(
                self.row_taps,
                col_offset,
                col_weight,
                weight,
                None,
                acc,
                [0.0; 4],
                |row, cols, ws, sum| src.taps::<K>(row, cols, ws, sum),
            );
            if narrow_bytes(acc, margin, line, unsure) {
                let exact = self.src.exact;
                redo_unsure::<K>(exact, self.row_taps, col_offset, col_weight, unsure, line);
            }
        }
    }
}

impl Source<'_> {
    /// Adds one pixel's `K` taps of one source row (at `row`) to its sums, in order.
    #[inline(always)]
    fn taps<const K: usize>(
        self,
        row: usize,
        cols: &[usize],
        ws: &[f32],
        mut sum: [f32; 4],
    ) -> [f32; 4] {
        for (&col, &f) in cols.iter().zip(ws).take(K) {
            let p = self.table[self.index[row + col] as usize & (SMALL_TABLE - 1)];
            for ch in 0..4 {
                sum[ch] += p[ch] * f;
            }
        }
        sum
    }
}

/// The pixels of `line` marked in `unsure` summed again the f64 way ([`exact_pixel`]),
/// pixel `c`'s `K` column taps at `col_offset[c * K..]` and `col_weight[c * K..]`.
#[inline(always)]
fn redo_unsure<const K: usize>(
    exact: impl Sample<4>,
    row_taps: &[(usize, i32)],
    col_offset: &[usize],
    col_weight: &[i32],
    unsure: &[bool],
    line: &mut [[u8; 4]],
) {
    let pixels = col_offset.chunks_exact(K).zip(col_weight.chunks_exact(K));
    for ((px, &u), (cols, wxs)) in line.iter_mut().zip(unsure).zip(pixels) {
        if u {
            *px = exact_pixel(exact, row_taps, cols, wxs);
        }
    }
}

/// One pixel the f64 way, in Agg's order (the padding taps add exact zeros).
#[inline(always)]
fn exact_pixel(
    exact: impl Sample<4>,
    row_taps: &[(usize, i32)],
    cols: &[usize],
    wxs: &[i32],
) -> [u8; 4] {
    let mut sum = [0.0; 4];
    let mut total = 0;
    for &(row, weight_y) in row_taps {
        for (&col, &weight_x) in cols.iter().zip(wxs) {
            let weight = weight_2d(weight_y, weight_x);
            let p = exact.sample(row + col);
            for ch in 0..4 {
                sum[ch] += p[ch] * f64::from(weight);
            }
            total += weight;
        }
    }
    OpaqueBytes.pixel(sum, total)
}

/// A pixel's bytes from its 2-D sum in f64 over a colour tile's f32 colours, in Agg's tap
/// order: row tap `j` (weight `taps[j].1`) reads the tile from `rows[j] + first` (floats),
/// column tap `c` four floats on with weight `wxs[c]` (padded with zeros). `None` where a
/// channel is within `m` ([`margin_f64`]) of a whole number. Where the f32 sums leave a
/// pixel open, this decides nearly all of them from the tile, instead of gathering every
/// tap's index and f64 colour from the whole image ([`exact_pixel`]: ~15% of a 4096²
/// figure's time, and its indices may have to be computed from the data).
#[inline(always)]
fn tile_pixel_f64(
    tile: &[f32],
    rows: &[usize],
    taps: &[(usize, i32)],
    first: usize,
    wxs: &[i32],
    m: f64,
) -> Option<[u8; 4]> {
    let mut sum = [0.0f64; 3];
    let mut total = 0i64;
    for (&row, &(_, wy)) in rows.iter().zip(taps) {
        let colours = &tile[row + first..][..4 * wxs.len()];
        for (c, &wx) in colours.chunks_exact(4).zip(wxs) {
            let w = weight_2d(wy, wx);
            total += i64::from(w);
            let w = f64::from(w);
            for ch in 0..3 {
                sum[ch] += f64::from(c[ch]) * w;
            }
        }
    }
    if total <= 0 {
        return None;
    }
    let s = 255.0 / total as f64;
    let mut px = [255u8; 4];
    for (b, &v) in px.iter_mut().zip(&sum) {
        let y = v * s;
        if y.is_nan() || y >= 255.0 {
            return None;
        }
        let whole = y.trunc();
        let frac = y - whole;
        // The exact y is >= 0, so a small y with whole part 0 is certain.
        if (frac < m && whole != 0.0) || frac > 1.0 - m {
            return None;
        }
        *b = whole as u8;
    }
    Some(px)
}

/// How close to a whole number `y = 255 S / t` from [`tile_pixel_f64`] (`n` products
/// summed in f64 over colours rounded to f32) may come before the pixel is summed the f64
/// way from the table: each colour is within `2^-24` relative of the table's, each
/// product of an integer weight below 2^24 and an f32 colour is exact in f64, the f64
/// sum of `n` non-negative products adds at most `γ(n)` relative (u = 2^-53) and the
/// scaling two roundings, so the fast `y` (the real one is at most 255) is within
/// `255 (2^-24 + (n + 3) 2^-53)` (to first order) of the real `y`, and Agg's f64 sum and
/// division (as in [`margin`]) within `255 (n + 8) 2^-53`. Twice the larger of both (at
/// least their sum), with a little for the second-order terms, plus a term for subnormal
/// colours.
fn margin_f64(n: usize) -> f64 {
    let u = f64::powi(2.0, -53);
    let bound = f64::powi(2.0, -24) + (n + 8) as f64 * u;
    255.0 * 2.0 * bound * (1.0 + 1e-6) + 1e-30
}

/// Whether the narrow path applies to `table` (colours of an opaque colour-mapped
/// image) with filter weights `weights`: a small table, every value in `[0, 1]`, every
/// weight non-negative, and not a table of mostly whole bytes. (Colours like `k / 255`,
/// as in `gray`, make every pixel of a flat region land on a whole byte, where the bound
/// never decides and each pixel would be summed twice: the f64 path is faster there.)
fn applies(table: &[[f64; 4]], weights: &[i16]) -> bool {
    let whole_bytes = table
        .iter()
        .filter(|c| {
            c[..3].iter().any(|&v| {
                let y = v * 255.0;
                (y - y.round()).abs() < margin(MAX_NARROW_TAPS)
            })
        })
        .count();
    table.len() <= SMALL_TABLE
        && table.iter().flatten().all(|v| (0.0..=1.0).contains(v))
        && weights.iter().all(|&w| w >= 0)
        && whole_bytes * 4 <= table.len()
}

/// The taps a pixel (row taps times column taps) that [`applies`] assumes when it counts
/// whole-byte colours (36 is the most of padded rows; the bound holds for any count).
const MAX_NARROW_TAPS: usize = 36;

/// How close to an integer the fast `y = min(sum * (255 / t), 255)` of a pixel with `n` taps
/// may come before the pixel is summed again in f64 (module docs): twice the error bound,
/// plus a term for subnormal colours.
fn margin(n: usize) -> f64 {
    let u = f64::powi(2.0, -24);
    let m = (n + 4) as f64 * u;
    let gamma = m / (1.0 - m);
    255.0 * 2.0 * (gamma + (n + 8) as f64 * f64::powi(2.0, -53)) + 1e-30
}

/// The bytes of a block from its f32 sums, in f32 (`y = sum * (255 / t)`, two more
/// roundings, inside [`margin`]); marks in `unsure` the pixels whose bytes the bound does
/// not decide (and returns whether there are any). The real `y` is in `[0, 255]`, so a
/// fast `y` at or past 255 is undecided too (byte 255 needs the exact quotient to reach 1).
///
/// The total weight `t` of a pixel is its alpha sum: every sampled colour has alpha
/// exactly 1, so that sum adds the integer weights themselves, exactly (below 2^24), in
/// the same order as Agg's total. No separate pass over the weights is needed.
#[inline(always)]
fn narrow_bytes(acc: &[[f32; 4]], margin: f64, out: &mut [[u8; 4]], unsure: &mut [bool]) -> bool {
    // Adding 2^23 to a whole number in [0, 2^23) puts it in the low mantissa bits.
    const WHOLE_BITS: f32 = 8_388_608.0;
    // Rounded up to f32.
    let m = margin as f32 * (1.0 + f32::EPSILON);
    let mut any = false;
    for ((o, a), u) in out.iter_mut().zip(acc).zip(unsure) {
        let t = a[3];
        let s = 255.0 / t;
        let mut px = [255u8; 4];
        let mut doubt = t.is_nan() | (t <= 0.0);
        for (b, &sum) in px.iter_mut().zip(&a[..3]) {
            let y = sum * s;
            let y = if y < 255.0 { y } else { 255.0 };
            let whole = y.trunc();
            let frac = y - whole;
            // The exact y is >= 0, so a small y with whole part 0 is certain.
            doubt |= ((frac < m) & (whole != 0.0)) | (frac > 1.0 - m);
            *b = (whole + WHOLE_BITS).to_bits() as u8;
        }
        *u = doubt;
        any |= doubt;
        *o = px;
    }
    any
}

#[cfg(test)]
mod tests {
    use super::super::engine::{plan, Plan};
    use super::super::{place, resample_rgba, rgba_to_bytes, Interpolation, Origin};
    use super::*;
    use proptest::prelude::*;

    /// `imshow`'s placement of `rows` x `cols` data with the default extent and view,
    /// into the Axes box `rect`.
    pub(super) fn image_place(
        rows: usize,
        cols: usize,
        origin: Origin,
        rect: [f64; 4],
    ) -> Placement {
        place(
            [-0.5, cols as f64 - 0.5, rows as f64 - 0.5, -0.5],
            origin,
            rows,
            cols,
            (-0.5, cols as f64 - 0.5),
            (rows as f64 - 0.5, -0.5),
            rect,
        )
        .unwrap()
    }

    /// A table channel at a whole byte, exactly or a hair either side (where the f32 sums
    /// cannot decide and pixels are summed again), or 0 or 1.
    fn whole_byte() -> impl Strategy<Value = f64> {
        prop_oneof![
            (
                1u32..255,
                prop::sample::select(vec![0.0, 1e-12, -1e-12, 1e-7, -1e-7, 4e-4, -4e-4])
            )
                .prop_map(|(k, d)| (f64::from(k) + d) / 255.0),
            prop::sample::select(vec![0.0, 1.0]),
        ]
    }

    /// A table of mostly arbitrary colours and up to a quarter of (partly) whole-byte ones.
    fn table() -> impl Strategy<Value = Vec<[f64; 4]>> {
        (
            prop::collection::vec([0.0..=1.0f64, 0.0..=1.0, 0.0..=1.0], 3..40),
            0usize..4,
        )
            .prop_flat_map(|(plain, special)| {
                let special = special.min(plain.len() / 3);
                (
                    Just(plain),
                    prop::collection::vec((whole_byte(), 0.0..=1.0f64, whole_byte()), special),
                )
            })
            .prop_map(|(plain, special)| {
                let special = special.iter().map(|&(r, g, b)| [r, g, b]);
                plain
                    .iter()
                    .copied()
                    .chain(special)
                    .map(|[r, g, b]| [r, g, b, 1.0])
                    .collect()
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]

        /// The narrow filter gives the f64 filter's bytes (Agg's), on images with flat
        /// patches (whole regions at one colour, where the bound decides least), for
        /// every filter it takes, downsampling and upsampling.
        #[test]
        fn narrow_matches_f64(
            rows in 2usize..40,
            cols in 2usize..40,
            patch in 1usize..6,
            table in table(),
            seed in any::<u64>(),
            w in 3.0f64..90.0,
            h in 3.0f64..90.0,
            lower in any::<bool>(),
        ) {
            let mut state = seed | 1;
            let mut next = || {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state
            };
            let picks: Vec<u32> = (0..rows * cols).map(|_| (next() % table.len() as u64) as u32).collect();
            let index: Vec<u32> = (0..rows * cols)
                .map(|i| picks[(i / cols / patch * patch) * cols + i % cols / patch * patch])
                .collect();
            let expanded: Vec<[f64; 4]> = index.iter().map(|&i| table[i as usize]).collect();
            let origin = if lower { Origin::Lower } else { Origin::Upper };
            let p = image_place(rows, cols, origin, [3.0, 2.0, 3.0 + w, 2.0 + h]);
            for interp in Interpolation::ALL {
                let Ok(Plan::Filtered { inverse, lut }) = plan(&p, interp, 4.0) else {
                    continue;
                };
                let got = filtered(&index, &table, &p, &inverse, &lut);
                // Hanning within the padded rows' reach takes the narrow path.
                let near = w * 2.5 >= cols as f64 && h * 2.5 >= rows as f64;
                let hanning = interp == Interpolation::Hanning && near;
                prop_assert!(got.is_some() || !hanning || !applies(&table, &lut.weights));
                let Some((gathered, tiled)) = got else {
                    continue;
                };
                let want = rgba_to_bytes(&resample_rgba(&expanded, &p, interp, 4.0).unwrap());
                prop_assert_eq!(&gathered, &want, "gathered, {:?}", interp);
                if let Some(tiled) = tiled {
                    prop_assert_eq!(&tiled, &want, "tiled, {:?}", interp);
                }
            }
        }
    }

    #[test]
    fn applies_to_colormaps_but_not_whole_byte_tables() {
        let hanning = FilterLut::new(Interpolation::Hanning, 4.0).unwrap();
        let viridis = crate::Colormap::named("viridis").unwrap().lut();
        assert!(applies(&viridis, &hanning.weights));
        let gray: Vec<[f64; 4]> = (0..256)
            .map(|k| {
                let v = f64::from(k) / 255.0;
                [v, v, v, 1.0]
            })
            .collect();
        assert!(!applies(&gray, &hanning.weights));
        // Negative lobes, values outside [0, 1]: the bound does not hold.
        let lanczos = FilterLut::new(Interpolation::Lanczos, 4.0).unwrap();
        assert!(!applies(&viridis, &lanczos.weights));
        assert!(!applies(&[[1.5, 0.0, 0.0, 1.0]], &hanning.weights));
    }

    /// Strong downsampling in y only (hundreds of row taps, few column taps): the f64
    /// filter's bytes either way (the path is refused when weight sums could pass 2^24).
    #[test]
    fn tall_downsampling_matches_f64() {
        let (rows, cols) = (3000, 5);
        let table: Vec<[f64; 4]> = (0..16)
            .map(|i| {
                let t = f64::from(i) / 16.0 + 0.01;
                [t, 1.0 - t, (t * 7.0).fract(), 1.0]
            })
            .collect();
        let index: Vec<u32> = (0..rows * cols)
            .map(|i| ((i * 7 + i / 13) % 16) as u32)
            .collect();
        let expanded: Vec<[f64; 4]> = index.iter().map(|&i| table[i as usize]).collect();
        let hanning = |h: f64| {
            let p = image_place(rows, cols, Origin::Upper, [0.0, 0.0, 4.0, h]);
            let Ok(Plan::Filtered { inverse, lut }) = plan(&p, Interpolation::Hanning, 4.0) else {
                panic!("hanning filters");
            };
            (p, inverse, lut)
        };
        for h in [6.0, 40.0, 700.0] {
            let (p, inverse, lut) = hanning(h);
            let want =
                rgba_to_bytes(&resample_rgba(&expanded, &p, Interpolation::Hanning, 4.0).unwrap());
            if let Some((gathered, tiled)) = filtered(&index, &table, &p, &inverse, &lut) {
                assert_eq!(gathered, want, "gathered, height {h}");
                if let Some(tiled) = tiled {
                    assert_eq!(tiled, want, "tiled, height {h}");
                }
            }
        }
        // At 700 rows the weight sums are small: the narrow path runs.
        let (p, inverse, lut) = hanning(700.0);
        assert!(filtered(&index, &table, &p, &inverse, &lut).is_some());
    }

    /// Strong downsampling in both directions (up to ~15x: 8 to 32 padded column taps,
    /// tens of row taps): the f64 filter's bytes, by the gathering and the tiled kernel.
    #[test]
    fn wide_downsampling_matches_f64() {
        let (rows, cols) = (331, 347);
        let viridis = crate::Colormap::named("viridis").unwrap().lut();
        let mut table = viridis.clone();
        super::super::premultiply(&mut table);
        let mut s = 0x9E37_79B9u32;
        let index: Vec<u32> = (0..rows * cols)
            .map(|i| {
                s = s.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                // Noise over a gradient, so that flat and busy regions both occur.
                (((s >> 27) as usize + (i % cols) * 200 / cols) % 256) as u32
            })
            .collect();
        let expanded: Vec<[f64; 4]> = index.iter().map(|&i| table[i as usize]).collect();
        let mut widths_seen = std::collections::BTreeSet::new();
        for (w, h) in [
            (40.0, 37.0),
            (30.0, 45.0),
            (23.0, 21.0),
            (50.0, 26.0),
            (27.0, 60.0),
            (120.0, 90.0),
        ] {
            let p = image_place(rows, cols, Origin::Upper, [3.25, 1.5, w, h]);
            let Ok(Plan::Filtered { inverse, lut }) = plan(&p, Interpolation::Hanning, 4.0) else {
                panic!("hanning filters");
            };
            let want =
                rgba_to_bytes(&resample_rgba(&expanded, &p, Interpolation::Hanning, 4.0).unwrap());
            let spans = Spans::new(&p, &inverse, &lut);
            let axis = spans.axis_taps().expect("axis-aligned");
            let padded = axis.padded_wide();
            let padded = padded.unwrap_or_else(|| panic!("{w} x {h}: over 32 column taps"));
            widths_seen.insert(padded.taps);
            let (gathered, tiled) = filtered(&index, &table, &p, &inverse, &lut)
                .unwrap_or_else(|| panic!("the narrow filter applies at {w} x {h}"));
            assert_eq!(gathered, want, "gathered, {w} x {h}");
            if let Some(tiled) = tiled {
                assert_eq!(tiled, want, "tiled, {w} x {h}");
            }
        }
        assert!(widths_seen.len() >= 4, "padded widths {widths_seen:?}");
    }

    #[test]
    fn margin_grows_with_taps() {
        assert!(margin(4) < margin(36));
        assert!(margin(36) < 2e-3);
        assert!(margin(1) > 255.0 * 3.0 * f64::powi(2.0, -24));
    }

    /// Indices taken from the data where the tiles read them: the bytes of the index
    /// array's run, at a moderate and a strong downsampling (tiles, separable passes), on
    /// whatever path this CPU takes; with a NaN (the bad colour, transparent) no answer.
    #[test]
    fn direct_indices_match_the_index_array() {
        use crate::color::{lut_indices, AsScalarData, Colormap, Norm};
        let (rows, cols) = (603usize, 517usize);
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut data = ndarray::Array2::from_shape_fn((rows, cols), |(r, _)| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (r as f64 / 97.0).sin() + (state >> 11) as f64 / (1u64 << 53) as f64
        });
        let cmap = Colormap::named("viridis").unwrap();
        let mut table: Vec<[f64; 4]> = (0..cmap.n() + 3).map(|i| cmap.lut_row(i)).collect();
        crate::resample::premultiply(&mut table);
        let norm = Norm::linear().with_limits(Some(-0.7), Some(1.8));
        let mut runs = 0;
        for nan in [false, true] {
            if nan {
                data[(301, 250)] = f64::NAN;
            }
            let scalar = data.as_scalar_data();
            let index = lut_indices(&scalar, &norm, cmap.n()).unwrap();
            let index = index.as_slice().unwrap();
            let watch = crate::resample::transparent_rows(&table).unwrap();
            let direct = DirectIndices::of(&scalar, &norm, cmap.n(), watch).unwrap();
            for (w, h) in [(170.0, 200.0), (45.0, 55.0), (38.5, 46.0)] {
                let p = image_place(rows, cols, Origin::Upper, [0.3, 0.0, w, h]);
                let Ok(Plan::Filtered { inverse, lut }) = plan(&p, Interpolation::Hanning, 4.0)
                else {
                    panic!("hanning filters");
                };
                let fresh = || super::plan(&table, &p, &inverse, &lut);
                let tiles = fresh().expect("the narrow filter applies").reads_tiles();
                let got = fresh().and_then(|p| p.run_direct(&direct).unwrap());
                if nan || !tiles {
                    assert!(got.is_none(), "{w} x {h}, NaN {nan}");
                } else {
                    let want = fresh().map(|p| p.run(index).unwrap());
                    assert_eq!(got, want, "{w} x {h}");
                    runs += 1;
                }
            }
        }
        // The tiles or the separable passes ran where this CPU path has them.
        let simd = crate::cpu::TapSimd::detect().is_some();
        assert!(runs >= usize::from(simd), "{runs} runs");
    }
}
