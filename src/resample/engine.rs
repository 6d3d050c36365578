//! The resampler proper: `matplotlib._image.resample` with Agg's nearest-neighbour
//! (`accurate_interpolator_affine_nn`) and "affine resample" span generators.
//!
//! (Over 800 lines: the plans, span generators and kernels share Agg's exact fixed-point
//! arithmetic and its helpers, which a split would spread across files; about 750 of its
//! lines are unit and fixture tests.)

use rayon::prelude::*;

use super::filters::{iround, FilterLut, FILTER_SCALE, FILTER_SHIFT, SUBPIXEL_SHIFT};
use super::narrow::{self, NarrowPlan};
use super::{resolve, Interpolation, Origin, Placement, Stage};
use crate::transform::Affine;
use crate::{cpu, Error, Result};

/// matplotlib's default `filterrad` (radius of sinc, lanczos and blackman).
pub const DEFAULT_FILTERRAD: f64 = 4.0;

/// Largest accepted `filterrad`.
pub const MAX_FILTERRAD: f64 = 1024.0;

/// Output sizes (in pixels) from which rows are computed in parallel.
const PARALLEL_PIXELS: usize = 1 << 15;

/// Agg's `wrap_mode_reflect`: `-1 -> 0`, `n -> n - 1`, period `2n`.
pub(super) fn reflect(v: i64, n: usize) -> usize {
    let n = n as i64;
    let m = v.rem_euclid(2 * n);
    (if m >= n { 2 * n - 1 - m } else { m }) as usize
}

/// Agg's `dda2_line_interpolator`: integer steps from `y1` to `y2` in `count` steps.
struct Dda2 {
    cnt: i32,
    lft: i32,
    rem: i32,
    modulo: i32,
    y: i32,
}

impl Dda2 {
    fn new(y1: i32, y2: i32, count: i32) -> Dda2 {
        let cnt = if count <= 0 { 1 } else { count };
        let d = y2.wrapping_sub(y1);
        let mut dda = Dda2 {
            cnt,
            lft: d / cnt,
            rem: d % cnt,
            modulo: d % cnt,
            y: y1,
        };
        if dda.modulo <= 0 {
            dda.modulo += count;
            dda.rem += count;
            dda.lft -= 1;
        }
        dda.modulo -= count;
        dda
    }

    fn step(&mut self) {
        self.modulo += self.rem;
        self.y = self.y.wrapping_add(self.lft);
        if self.modulo > 0 {
            self.modulo -= self.cnt;
            self.y = self.y.wrapping_add(1);
        }
    }
}

/// What `_resample` + `_image.resample` end up doing for one call.
pub(super) enum Plan {
    /// Nearest neighbour through `transform`, reading the source mirrored as flagged.
    Nearest {
        transform: Affine,
        flip_cols: bool,
        flip_rows: bool,
    },
    /// Filtered affine resampling through the inverse transform.
    Filtered { inverse: Affine, lut: FilterLut },
}

pub(super) fn plan(
    placement: &Placement,
    interpolation: Interpolation,
    filterrad: f64,
) -> Result<Plan> {
    // matplotlib requires a positive radius; the upper bound keeps Agg's int arithmetic
    // (diameter * 256 * scale) in range.
    if !(filterrad > 0.0 && filterrad <= MAX_FILTERRAD) {
        return Err(Error::invalid(
            "filterrad",
            filterrad,
            format!("a positive number no larger than {MAX_FILTERRAD}"),
        ));
    }
    let (interp, _) = resolve(interpolation, Some(Stage::Rgba), placement, false);
    let t = placement.transform;
    let (n, m) = (placement.cols as f64, placement.rows as f64);
    if interp == Interpolation::Nearest {
        // image._resample: flip the columns (and the rows for 'upper') so that Agg's ties
        // resolve toward the left column and the top displayed row.
        let mut transform = Affine {
            sx: -1.0,
            shy: 0.0,
            shx: 0.0,
            sy: 1.0,
            tx: n,
            ty: 0.0,
        }
        .then(&t);
        let flip_rows = placement.origin == Origin::Upper;
        if flip_rows {
            transform = Affine {
                sx: 1.0,
                shy: 0.0,
                shx: 0.0,
                sy: -1.0,
                tx: 0.0,
                ty: m,
            }
            .then(&transform);
        }
        return Ok(Plan::Nearest {
            transform,
            flip_cols: true,
            flip_rows,
        });
    }
    // _image.resample switches any filter to nearest (without the flip) for unit scale.
    let unit = t.sx.abs() == 1.0 && t.sy.abs() == 1.0 && t.shx == 0.0 && t.shy == 0.0;
    if interp == Interpolation::None || unit {
        return Ok(Plan::Nearest {
            transform: t,
            flip_cols: false,
            flip_rows: false,
        });
    }
    let lut = FilterLut::new(interp, filterrad)
        .ok_or_else(|| Error::invalid("interpolation", interp, "a filter kernel"))?;
    let inverse = t
        .inverted()
        .ok_or_else(|| Error::Data(format!("singular image transform {t:?}")))?;
    let work = filter_taps(placement, &inverse, &lut);
    if work > u128::from(MAX_RESAMPLE_TAPS) {
        return Err(Error::Data(format!(
            "resampling a {} x {} image into {} x {} pixels with '{}' takes about {work} filter taps, more than the limit of {MAX_RESAMPLE_TAPS}; use a smaller figure or dpi, fewer data pixels, or a cheaper interpolation (nearest, bilinear)",
            placement.rows,
            placement.cols,
            placement.width,
            placement.height,
            interp.name()
        )));
    }
    Ok(Plan::Filtered { inverse, lut })
}

/// The most filter taps (output pixels times the source pixels each one weighs) an image
/// may take to resample, about 30 s of one core: Agg's filtered resampling costs
/// `diameter² * scale_x * scale_y` taps a pixel (`scale` clamped to 1..200 with their
/// product at most 200), so a sinc or lanczos fill of 100 megapixels, or a large
/// downsampling onto a large canvas, would otherwise run for minutes. Refused with an
/// error above it (docs/robustness.md).
pub const MAX_RESAMPLE_TAPS: u64 = 4_000_000_000;

/// About how many filter taps resampling `placement` through `inverse` takes (Agg's
/// `span_image_resample_affine` reach, see [`Spans::new`]).
fn filter_taps(placement: &Placement, inverse: &Affine, lut: &FilterLut) -> u128 {
    let scale_limit = 200.0;
    let mut scale_x = (inverse.sx * inverse.sx + inverse.shx * inverse.shx).sqrt();
    let mut scale_y = (inverse.shy * inverse.shy + inverse.sy * inverse.sy).sqrt();
    if scale_x * scale_y > scale_limit {
        scale_x = scale_x * scale_limit / (scale_x * scale_y);
        scale_y = scale_y * scale_limit / (scale_x * scale_y);
    }
    let reach = |s: f64| (lut.diameter as f64 * s.clamp(1.0, scale_limit)).ceil() as u128 + 1;
    let pixels = placement.width as u128 * placement.height as u128;
    pixels * reach(scale_x) * reach(scale_y)
}

fn check_len(len: usize, placement: &Placement, what: &str) -> Result<()> {
    let expected = placement.rows.checked_mul(placement.cols);
    if expected != Some(len) {
        return Err(Error::invalid(
            what,
            format!("{len} pixels"),
            format!("{} x {} pixels", placement.rows, placement.cols),
        ));
    }
    Ok(())
}

/// Runs `row(device_row, out_row)` over the output rows, in parallel for large outputs.
fn for_rows<T: Send>(out: &mut [T], width: usize, row: impl Fn(usize, &mut [T]) + Sync) {
    if width == 0 {
        return;
    }
    if out.len() >= PARALLEL_PIXELS {
        out.par_chunks_mut(width)
            .enumerate()
            .for_each(|(k, r)| row(k, r));
    } else {
        out.chunks_mut(width)
            .enumerate()
            .for_each(|(k, r)| row(k, r));
    }
}

/// Runs `block(first_row, rows)` over blocks of whole output rows (about
/// [`PARALLEL_PIXELS`] / 16 pixels each, fewer and larger blocks past ~256 of them), in
/// parallel for large outputs: for work that sets up per-block buffers once. (With blocks
/// four times larger, the default figure's two threads finished their last blocks up to
/// ~120 µs apart, one idle meanwhile; at this size they finish within a few µs of each
/// other.)
pub(super) fn for_row_blocks<T: Send>(
    out: &mut [T],
    width: usize,
    block: impl Fn(usize, &mut [T]) + Sync,
) {
    for_row_blocks_of(out, width, PARALLEL_PIXELS / 16, block);
}

/// [`for_row_blocks`] with blocks of about `pixels` output pixels (whole rows, at least
/// one), fewer and larger past ~256 of them.
pub(super) fn for_row_blocks_of<T: Send>(
    out: &mut [T],
    width: usize,
    pixels: usize,
    block: impl Fn(usize, &mut [T]) + Sync,
) {
    // The closure never fails, so neither does the walk.
    let _ = try_for_row_blocks_of(out, width, pixels, |first, rows| {
        block(first, rows);
        Ok(())
    });
}

/// [`for_row_blocks_of`] for blocks that can fail (a refused per-block buffer): the first
/// error stops the walk and is returned.
pub(super) fn try_for_row_blocks_of<T: Send>(
    out: &mut [T],
    width: usize,
    pixels: usize,
    block: impl Fn(usize, &mut [T]) -> crate::Result<()> + Sync,
) -> crate::Result<()> {
    if width == 0 {
        return Ok(());
    }
    // At most ~256 blocks (jobs), so that large outputs do not pay for thousands of jobs.
    let rows = out.len() / width;
    let rows_per_block = (pixels / width).max(rows / 256).max(1);
    let chunk = rows_per_block * width;
    if out.len() >= PARALLEL_PIXELS {
        // One job a block: rayon's adaptive splitting otherwise stops after a few halvings
        // on two threads and leaves runs of blocks that a thread finishing early cannot
        // take over.
        out.par_chunks_mut(chunk)
            .with_max_len(1)
            .enumerate()
            .try_for_each(|(b, rows)| block(b * rows_per_block, rows))
    } else {
        block(0, out)
    }
}

/// Rows of output pixels inside a larger buffer of bytes: line `k` is the pixels from
/// byte `x0 * 4` of the `stride` bytes at `k * stride` (a canvas's rows under an image, or
/// the image's own buffer with `stride` its width's bytes and `x0` 0).
pub(crate) struct Lines<'a> {
    pub bytes: &'a mut [u8],
    pub stride: usize,
    pub x0: usize,
}

/// [`try_for_row_blocks_of`] over `rows` lines of `width` pixels in `dst`, the same blocks
/// (each a slice of its lines); an error when `dst` does not hold them.
pub(crate) fn try_for_line_blocks(
    dst: Lines<'_>,
    width: usize,
    rows: usize,
    pixels: usize,
    block: impl Fn(usize, &mut [&mut [[u8; 4]]]) -> Result<()> + Sync,
) -> Result<()> {
    if width == 0 || rows == 0 {
        return Ok(());
    }
    let Lines { bytes, stride, x0 } = dst;
    let line = x0 * 4..(x0 + width) * 4;
    let fits = line.end <= stride && rows.checked_mul(stride).is_some_and(|n| n <= bytes.len());
    if !fits {
        return Err(Error::Data(format!(
            "{rows} rows of {width} pixels from pixel {x0} do not fit {} bytes of {stride}-byte rows",
            bytes.len()
        )));
    }
    let bytes = &mut bytes[..rows * stride];
    let rows_per_block = (pixels / width).max(rows / 256).max(1);
    let run = |(b, part): (usize, &mut [u8])| {
        let mut lines: Vec<&mut [[u8; 4]]> = part
            .chunks_mut(stride)
            .map(|r| r[line.clone()].as_chunks_mut::<4>().0)
            .collect();
        block(b * rows_per_block, &mut lines)
    };
    if rows * width >= PARALLEL_PIXELS {
        bytes
            .par_chunks_mut(rows_per_block * stride)
            .with_max_len(1)
            .enumerate()
            .try_for_each(run)
    } else {
        run((0, bytes))
    }
}

/// The nearest-neighbour source index (row-major, into the caller's unflipped array) of
/// every output pixel, device order (top row first). Exact including Agg's tie breaking
/// (spec §5.5).
fn nearest_map(
    placement: &Placement,
    transform: &Affine,
    flip_cols: bool,
    flip_rows: bool,
) -> Result<Vec<u32>> {
    let inverse = transform
        .inverted()
        .ok_or_else(|| Error::Data(format!("singular image transform {transform:?}")))?;
    let (w, h) = (placement.width, placement.height);
    let (rows, cols) = (placement.rows, placement.cols);
    let mut out: Vec<u32> = cpu::zeroed_vec(w * h, "the resampled image's source map")?;
    let scale = f64::from(1u32 << SUBPIXEL_SHIFT);
    let last = (w - 1) as u32;
    // Agg's interpolator at output pixel `cur` of the row whose end points (in 1/256 px)
    // are (x1, y1) and (x2, y2): the source column and row.
    let sample = |cur: u32, (x1, y1, x2, y2): (f64, f64, f64, f64)| -> (usize, usize) {
        let (sx, sy) = if cur == last {
            (x2 as i32, y2 as i32)
        } else {
            let c = f64::from(cur);
            let l = f64::from(last);
            (
                (x1 + (x2 - x1) * c / l + 1e-8) as i32,
                (y1 + (y2 - y1) * c / l + 1e-8) as i32,
            )
        };
        let mut col = reflect(i64::from(sx >> SUBPIXEL_SHIFT), cols);
        let mut row = reflect(i64::from(sy >> SUBPIXEL_SHIFT), rows);
        if flip_cols {
            col = cols - 1 - col;
        }
        if flip_rows {
            row = rows - 1 - row;
        }
        (row, col)
    };
    // Agg row Y (y up) is device row h - 1 - Y.
    let ends = |k: usize| {
        let y = (h - 1 - k) as f64 + 0.5;
        let (x1, y1) = inverse.apply(0.5, y);
        let (x2, y2) = inverse.apply(0.5 + f64::from(last), y);
        (x1 * scale, y1 * scale, x2 * scale, y2 * scale)
    };
    if inverse.shx == 0.0 && inverse.shy == 0.0 {
        // Axis-aligned: x does not depend on the row nor y on the column (the zero terms
        // add nothing), so the columns come from one row and each row from two samples
        // (the last column skips the 1e-8 nudge).
        let first = ends(0);
        let col_of: Vec<usize> = (0..=last).map(|c| sample(c, first).1).collect();
        for_rows(&mut out, w, |k, line| {
            let e = ends(k);
            let row_mid = sample(0, e).0 * cols;
            let row_last = sample(last, e).0 * cols;
            for (px, &col) in line.iter_mut().zip(&col_of) {
                *px = (row_mid + col) as u32;
            }
            if let (Some(px), Some(&col)) = (line.last_mut(), col_of.last()) {
                *px = (row_last + col) as u32;
            }
        });
        return Ok(out);
    }
    for_rows(&mut out, w, |k, line| {
        let e = ends(k);
        for (cur, px) in line.iter_mut().enumerate() {
            let (row, col) = sample(cur as u32, e);
            *px = (row * cols + col) as u32;
        }
    });
    Ok(out)
}

/// For an image resampled with nearest neighbour (`'nearest'`, `'none'`, or a filter at
/// unit scale), the source pixel each output pixel shows: its row-major flat index into
/// the `rows x cols` array, in device order (top row first). Use it to map any
/// per-pixel value (colour indices, masks) without resampling floats.
///
/// Errors if `interpolation` resolves to a filter kernel for this placement.
pub fn nearest_indices(placement: &Placement, interpolation: Interpolation) -> Result<Vec<u32>> {
    check_size(placement)?;
    match plan(placement, interpolation, DEFAULT_FILTERRAD)? {
        Plan::Nearest {
            transform,
            flip_cols,
            flip_rows,
        } => nearest_map(placement, &transform, flip_cols, flip_rows),
        Plan::Filtered { .. } => Err(Error::invalid(
            "interpolation",
            interpolation,
            "nearest neighbour at this zoom",
        )),
    }
}

fn check_size(placement: &Placement) -> Result<()> {
    if placement.rows == 0 || placement.cols == 0 || placement.width == 0 || placement.height == 0 {
        return Err(Error::Data("empty image or output".into()));
    }
    // Agg works in 24.8 fixed point: matplotlib downsamples wider or taller data first.
    let src_ok = placement
        .rows
        .checked_mul(placement.cols)
        .is_some_and(|n| u32::try_from(n).is_ok())
        && placement.cols <= 1 << 23
        && placement.rows <= 1 << 24;
    if !src_ok {
        return Err(Error::Data(format!(
            "image of {} x {} pixels is too large to resample",
            placement.rows, placement.cols
        )));
    }
    let out_ok = placement
        .width
        .checked_mul(placement.height)
        .is_some_and(|n| n <= 1 << 30)
        && placement.width <= 1 << 23
        && placement.height <= 1 << 23;
    if !out_ok {
        return Err(Error::Data(format!(
            "output of {} x {} pixels is too large",
            placement.width, placement.height
        )));
    }
    Ok(())
}

/// Agg's `span_image_resample_affine::prepare`: the filter's reach and stepping in
/// 1/256 source pixels, for one placement.
pub(super) struct Spans<'a> {
    inverse: &'a Affine,
    weights: &'a [i16],
    /// Output width and height.
    pub w: usize,
    pub h: usize,
    /// Source rows and columns.
    rows: usize,
    cols: usize,
    rx_inv: i32,
    ry_inv: i32,
    radius_x: i32,
    radius_y: i32,
    filter_scale: i32,
}

/// Half a source pixel, and the fraction bits, in Agg's 1/256 subpixel units.
const HALF: i32 = 1 << (SUBPIXEL_SHIFT - 1);
const MASK: i32 = (1 << SUBPIXEL_SHIFT) - 1;

impl<'a> Spans<'a> {
    pub(super) fn new(placement: &Placement, inverse: &'a Affine, lut: &'a FilterLut) -> Spans<'a> {
        let scale_limit = 200.0;
        let mut scale_x = (inverse.sx * inverse.sx + inverse.shx * inverse.shx).sqrt();
        let mut scale_y = (inverse.shy * inverse.shy + inverse.sy * inverse.sy).sqrt();
        if scale_x * scale_y > scale_limit {
            scale_x = scale_x * scale_limit / (scale_x * scale_y);
            scale_y = scale_y * scale_limit / (scale_x * scale_y);
        }
        scale_x = scale_x.clamp(1.0, scale_limit);
        scale_y = scale_y.clamp(1.0, scale_limit);
        let uround = |v: f64| (v + 0.5) as i32;
        let rx = uround(scale_x * 256.0);
        let ry = uround(scale_y * 256.0);
        let diameter = lut.diameter as i32;
        Spans {
            inverse,
            weights: &lut.weights,
            w: placement.width,
            h: placement.height,
            rows: placement.rows,
            cols: placement.cols,
            rx_inv: uround(1.0 / scale_x * 256.0),
            ry_inv: uround(1.0 / scale_y * 256.0),
            radius_x: (diameter * rx) >> 1,
            radius_y: (diameter * ry) >> 1,
            filter_scale: diameter << SUBPIXEL_SHIFT,
        }
    }

    /// At most how many row taps an output row has: the filter's reach in steps of
    /// `ry_inv` (the first tap's offset is below one step).
    pub(super) fn max_row_taps(&self) -> usize {
        (self.filter_scale.max(0) as usize).div_ceil(self.ry_inv.max(1) as usize)
    }

    /// The taps of every output column when the transform neither rotates nor shears
    /// (every row steps x the same way and every pixel of a row has the same y); `None`
    /// otherwise.
    pub(super) fn axis_taps(&self) -> Option<AxisTaps<'_>> {
        if self.inverse.shx != 0.0 || self.inverse.shy != 0.0 || self.w == 0 {
            return None;
        }
        let steps = (self.w - 1) as i32;
        let (tx1, _) = self.inverse.apply(0.5, 0.5);
        let (tx2, _) = self.inverse.apply(0.5 + f64::from(steps), 0.5);
        let mut dda_x = Dda2::new(iround(tx1 * 256.0), iround(tx2 * 256.0), steps);
        let mut col_start = Vec::with_capacity(self.w + 1);
        let mut col_taps = Vec::with_capacity(self.w * 4);
        let mut col_first = Vec::with_capacity(self.w);
        for _ in 0..self.w {
            col_start.push(col_taps.len());
            let x = dda_x.y.wrapping_add(HALF - self.radius_x);
            let mut x_hr = ((MASK - (x & MASK)) * self.rx_inv) >> SUBPIXEL_SHIFT;
            let mut sx = i64::from(x >> SUBPIXEL_SHIFT);
            col_first.push(sx);
            loop {
                col_taps.push((
                    reflect(sx, self.cols),
                    i32::from(self.weights[x_hr as usize]),
                ));
                x_hr += self.rx_inv;
                if x_hr >= self.filter_scale {
                    break;
                }
                sx += 1;
            }
            dda_x.step();
        }
        col_start.push(col_taps.len());
        Some(AxisTaps {
            spans: self,
            col_taps,
            col_start,
            col_first,
        })
    }
}

/// The taps of an axis-aligned resampling (see [`Spans::axis_taps`]).
pub(super) struct AxisTaps<'a> {
    spans: &'a Spans<'a>,
    /// Source column and horizontal weight of each tap, pixel after pixel.
    col_taps: Vec<(usize, i32)>,
    /// Where each output column's taps start in `col_taps` (and a final end).
    col_start: Vec<usize>,
    /// The source column of each output column's first tap before reflection (its taps
    /// are that column and the ones after it, each reflected into the image).
    col_first: Vec<i64>,
}

impl AxisTaps<'_> {
    /// The row taps of output row `k` (device order): offset of the source row and
    /// vertical weight.
    pub(super) fn row_taps(&self, k: usize) -> Vec<(usize, i32)> {
        let sp = self.spans;
        let y = (sp.h - 1 - k) as f64 + 0.5;
        let (_, ty) = sp.inverse.apply(0.5, y);
        let y = iround(ty * 256.0).wrapping_add(HALF - sp.radius_y);
        let mut y_hr = ((MASK - (y & MASK)) * sp.ry_inv) >> SUBPIXEL_SHIFT;
        let mut sy = i64::from(y >> SUBPIXEL_SHIFT);
        let mut taps = Vec::with_capacity(4);
        loop {
            taps.push((
                reflect(sy, sp.rows) * sp.cols,
                i32::from(sp.weights[y_hr as usize]),
            ));
            y_hr += sp.ry_inv;
            if y_hr >= sp.filter_scale {
                break;
            }
            sy += 1;
        }
        taps
    }

    /// The column taps padded to the same count `K` for every pixel (see [`PaddedRow`]),
    /// when `K` is at most [`MAX_PADDED_TAPS`].
    pub(super) fn padded(&self) -> Option<PaddedCols> {
        let taps = self.col_start.windows(2).map(|p| p[1] - p[0]).max()?;
        if !(1..=MAX_PADDED_TAPS).contains(&taps) {
            return None;
        }
        self.padded_to(taps)
    }

    /// The column taps padded to the next of 1-6, 8, 12, 16, 24 and 32 taps a pixel
    /// ([`with_wide_taps`]), for the narrow filter: downsampling by up to ~15 in x.
    pub(super) fn padded_wide(&self) -> Option<PaddedCols> {
        let taps = self.col_start.windows(2).map(|p| p[1] - p[0]).max()?;
        let k = match taps {
            0 => return None,
            1..=6 => taps,
            7..=8 => 8,
            9..=12 => 12,
            13..=16 => 16,
            17..=24 => 24,
            25..=32 => 32,
            _ => return None,
        };
        self.padded_to(k)
    }

    /// Every pixel's column taps padded to `taps` (at least its real count).
    fn padded_to(&self, taps: usize) -> Option<PaddedCols> {
        let (mut offset, mut weight) = (Vec::new(), Vec::new());
        for start in self.col_start.windows(2) {
            let real = &self.col_taps[start[0]..start[1]];
            let last = real.last().map_or(0, |t| t.0);
            for j in 0..taps {
                let (col, w) = real.get(j).copied().unwrap_or((last, 0));
                offset.push(col);
                weight.push(w);
            }
        }
        Some(PaddedCols {
            taps,
            offset,
            weight,
            first: self.col_first.clone(),
            cols: self.spans.cols,
        })
    }
}

/// Column taps padded to `taps` a pixel (see [`AxisTaps::padded`]).
pub(super) struct PaddedCols {
    pub taps: usize,
    /// Source column of tap `j` of pixel `c` at `c * taps + j`.
    pub offset: Vec<usize>,
    /// Its horizontal weight (0 for padding).
    pub weight: Vec<i32>,
    /// The source column of pixel `c`'s first tap before reflection: its taps are that
    /// column and the `taps - 1` after it, each reflected into the image.
    pub first: Vec<i64>,
    /// The source image's columns.
    pub cols: usize,
}

/// Agg's `span_image_resample_*_affine` over all output pixels; `finish` turns the
/// accumulated sums and total weight into the output pixel.
fn filtered<const C: usize, S: Sample<C>, O: cpu::Zeroable + Send>(
    src: S,
    placement: &Placement,
    inverse: &Affine,
    lut: &FilterLut,
    product: impl Fn(f64, f64) -> f64 + Sync,
    finish: impl Finish<C, O>,
) -> Result<Vec<O>> {
    let spans = Spans::new(placement, inverse, lut);
    let w = spans.w;
    let mut out: Vec<O> = cpu::zeroed_vec(w * spans.h, "the resampled image")?;
    if let Some(axis) = spans.axis_taps() {
        // Taps computed once per column and once per row. The accumulation order is
        // unchanged (rows outer, columns inner), so the result is bit-identical.
        if let Some(padded) = S::FINITE.then(|| axis.padded()).flatten() {
            for_row_blocks(&mut out, w, |first, block| {
                let mut scratch = Scratch::new(w, padded.taps);
                for (i, line) in block.chunks_mut(w).enumerate() {
                    padded_row(
                        padded.taps,
                        src,
                        &axis.row_taps(first + i),
                        &padded.offset,
                        &padded.weight,
                        &mut scratch,
                        &product,
                        &finish,
                        line,
                    );
                }
            });
            return Ok(out);
        }
        for_rows(&mut out, w, |k, line| {
            cpu::vectorized(TapRow {
                src,
                row_taps: &axis.row_taps(k),
                col_taps: &axis.col_taps,
                col_start: &axis.col_start,
                product: &product,
                finish: &finish,
                line,
            });
        });
        return Ok(out);
    }
    let Spans {
        weights,
        h,
        rows,
        cols,
        rx_inv,
        ry_inv,
        radius_x,
        radius_y,
        filter_scale,
        ..
    } = spans;
    for_rows(&mut out, w, |k, line| {
        // span_interpolator_linear::begin with matplotlib's end-point fix (len - 1).
        let y = (h - 1 - k) as f64 + 0.5;
        let steps = (w - 1) as i32;
        let (tx1, ty1) = inverse.apply(0.5, y);
        let (tx2, ty2) = inverse.apply(0.5 + f64::from(steps), y);
        let mut dda_x = Dda2::new(iround(tx1 * 256.0), iround(tx2 * 256.0), steps);
        let mut dda_y = Dda2::new(iround(ty1 * 256.0), iround(ty2 * 256.0), steps);
        for px in line.iter_mut() {
            let x = dda_x.y.wrapping_add(HALF - radius_x);
            let y = dda_y.y.wrapping_add(HALF - radius_y);
            let x_lr = i64::from(x >> SUBPIXEL_SHIFT);
            let y_lr = i64::from(y >> SUBPIXEL_SHIFT);
            let x_hr0 = ((MASK - (x & MASK)) * rx_inv) >> SUBPIXEL_SHIFT;
            let mut y_hr = ((MASK - (y & MASK)) * ry_inv) >> SUBPIXEL_SHIFT;
            let mut acc = [0.0; C];
            let mut total: i32 = 0;
            let mut sy = y_lr;
            loop {
                let weight_y = i32::from(weights[y_hr as usize]);
                let row = reflect(sy, rows) * cols;
                let mut x_hr = x_hr0;
                let mut sx = x_lr;
                loop {
                    let weight = weight_2d(weight_y, i32::from(weights[x_hr as usize]));
                    let p = src.sample(row + reflect(sx, cols));
                    for c in 0..C {
                        acc[c] += product(p[c], f64::from(weight));
                    }
                    total += weight;
                    x_hr += rx_inv;
                    if x_hr >= filter_scale {
                        break;
                    }
                    sx += 1;
                }
                y_hr += ry_inv;
                if y_hr >= filter_scale {
                    break;
                }
                sy += 1;
            }
            *px = finish.pixel(acc, total);
            dda_x.step();
            dda_y.step();
        }
    });
    Ok(out)
}

/// Where the filter reads source pixels from: row-major pixel `i`. A small `Copy` view,
/// so that the hot loops hold its pointers in registers (read through a reference, they
/// were reloaded from memory after every store of a running sum).
pub(super) trait Sample<const C: usize>: Sync + Copy {
    /// Whether every sample is finite, so that a tap of weight 0 adds exactly nothing
    /// (`v * 0` is a signed zero, and `s + ±0 == s`); then pixels can be padded to the
    /// same number of taps (see [`PaddedRow`]).
    const FINITE: bool = false;
    fn sample(&self, i: usize) -> [f64; C];
}

impl<const C: usize> Sample<C> for &[[f64; C]] {
    #[inline(always)]
    fn sample(&self, i: usize) -> [f64; C] {
        self[i]
    }
}

/// A colour-mapped image read through its LUT: pixel `i` is `table[index[i]]` (the
/// table is checked to cover every index before use).
#[derive(Clone, Copy)]
struct Indexed<'a, const C: usize> {
    index: &'a [u32],
    table: &'a [[f64; C]],
}

impl<const C: usize> Sample<C> for Indexed<'_, C> {
    #[inline(always)]
    fn sample(&self, i: usize) -> [f64; C] {
        self.table[self.index[i] as usize]
    }
}

/// Table entries of [`SmallIndexed`]: colormaps of up to 509 colours (plus under, over
/// and bad), so every `u32 & (SMALL_TABLE - 1)` is in range without a check.
pub(super) const SMALL_TABLE: usize = 512;

/// [`Indexed`] with the table in a fixed-size array (entries past the real table are
/// never read: every index is checked to be below its length first), all finite (the
/// caller checks).
#[derive(Clone, Copy)]
pub(super) struct SmallIndexed<'a, const C: usize> {
    pub index: &'a [u32],
    pub table: &'a [[f64; C]; SMALL_TABLE],
}

impl<const C: usize> Sample<C> for SmallIndexed<'_, C> {
    const FINITE: bool = true;
    #[inline(always)]
    fn sample(&self, i: usize) -> [f64; C] {
        self.table[self.index[i] as usize & (SMALL_TABLE - 1)]
    }
}

/// One output row of the axis-aligned filter (see [`filtered`]), as a [`cpu::Kernel`].
struct TapRow<'a, const C: usize, S, P, F, O> {
    src: S,
    row_taps: &'a [(usize, i32)],
    col_taps: &'a [(usize, i32)],
    col_start: &'a [usize],
    product: &'a P,
    finish: &'a F,
    line: &'a mut [O],
}

impl<const C: usize, S, P, F, O> cpu::Kernel for TapRow<'_, C, S, P, F, O>
where
    S: Sample<C>,
    P: Fn(f64, f64) -> f64,
    F: Finish<C, O>,
{
    type Output = ();
    #[inline(always)]
    fn run(self) {
        // Row taps outermost, then pixels, then column taps: each pixel still sums its
        // samples in Agg's order (rows outer, columns inner), so the result is
        // bit-identical, but consecutive pixels' sums are independent chains that the
        // CPU overlaps (one pixel's chain of dependent additions is the bottleneck).
        // The first row tap starts every sum from zero (no zeroed buffer to allocate).
        let Some((&(row, weight_y), rest)) = self.row_taps.split_first() else {
            return;
        };
        let mut acc: Vec<([f64; C], i32)> = (0..self.line.len())
            .map(|c| self.add_row(c, row, weight_y, ([0.0; C], 0)))
            .collect();
        for &(row, weight_y) in rest {
            for (c, a) in acc.iter_mut().enumerate() {
                *a = self.add_row(c, row, weight_y, *a);
            }
        }
        for (px, &(sum, total)) in self.line.iter_mut().zip(&acc) {
            *px = self.finish.pixel(sum, total);
        }
    }
}

impl<const C: usize, S, P, F, O> TapRow<'_, C, S, P, F, O>
where
    S: Sample<C>,
    P: Fn(f64, f64) -> f64,
{
    /// Adds output pixel `c`'s samples of one source row (at `row`, weight `weight_y`)
    /// to its running sums, in Agg's order.
    #[inline(always)]
    fn add_row(
        &self,
        c: usize,
        row: usize,
        weight_y: i32,
        (mut sum, mut total): ([f64; C], i32),
    ) -> ([f64; C], i32) {
        for &(col, weight_x) in &self.col_taps[self.col_start[c]..self.col_start[c + 1]] {
            let weight = weight_2d(weight_y, weight_x);
            let p = self.src.sample(row + col);
            for ch in 0..C {
                sum[ch] += (self.product)(p[ch], f64::from(weight));
            }
            total += weight;
        }
        (sum, total)
    }
}

/// The most taps per pixel the padded rows handle (Hanning downsampling by up to ~2.5,
/// bilinear and bicubic upsampling); wider filters take [`TapRow`].
const MAX_PADDED_TAPS: usize = 6;

/// [`TapRow`] for finite sources with every pixel padded to `K` column taps (a padding
/// tap repeats a real column with weight 0, which adds exactly nothing to a finite sum):
/// fixed-length inner loops without bounds checks, and the 2-D weights of a row tap
/// computed for the whole row at once in a loop that vectorises. Same sums in the same
/// order as Agg.
struct PaddedRow<'a, const C: usize, const K: usize, S, P, F, O> {
    src: S,
    row_taps: &'a [(usize, i32)],
    /// Source column of tap `j` of pixel `c` at `c * K + j`.
    col_offset: &'a [usize],
    /// Its horizontal weight (0 for padding).
    col_weight: &'a [i32],
    scratch: &'a mut Scratch<C>,
    product: &'a P,
    finish: &'a F,
    line: &'a mut [O],
}

impl<const C: usize, const K: usize, S, P, F, O> cpu::Kernel for PaddedRow<'_, C, K, S, P, F, O>
where
    S: Sample<C>,
    P: Fn(f64, f64) -> f64,
    F: Finish<C, O>,
{
    type Output = ();
    #[inline(always)]
    fn run(self) {
        // Blocks of pixels whose weights, sums and tap columns stay in the L1 cache.
        let Scratch { weight, total, acc } = self.scratch;
        let blocks = self.line.chunks_mut(PADDED_BLOCK).zip(
            self.col_offset
                .chunks(PADDED_BLOCK * K)
                .zip(self.col_weight.chunks(PADDED_BLOCK * K)),
        );
        for (line, (col_offset, col_weight)) in blocks {
            let n = line.len();
            let (weight, total, acc) = (&mut weight[..n * K], &mut total[..n], &mut acc[..n]);
            padded_block::<K, f64, [f64; C]>(
                self.row_taps,
                col_offset,
                col_weight,
                weight,
                Some(&mut *total),
                acc,
                [0.0; C],
                |row, cols, ws, sum| {
                    padded_taps::<C, K, S, P>(self.src, self.product, row, cols, ws, sum)
                },
            );
            self.finish.block(acc, total, line);
        }
    }
}

/// Pixels per block of [`PaddedRow`].
pub(super) const PADDED_BLOCK: usize = 64;

/// Agg's 2-D weight of a tap from its vertical and horizontal weights.
#[inline(always)]
pub(super) fn weight_2d(weight_y: i32, weight_x: i32) -> i32 {
    (weight_y * weight_x + FILTER_SCALE / 2) >> FILTER_SHIFT
}

/// A number type the padded kernels sum weights and samples in (f64, or f32 in
/// [`super::narrow`]): integer weights convert exactly.
pub(super) trait TapWeight: Copy + std::iter::Sum + std::ops::AddAssign {
    /// The integer weight in this type.
    fn of(weight: i32) -> Self;
}

impl TapWeight for f64 {
    #[inline(always)]
    fn of(weight: i32) -> Self {
        f64::from(weight)
    }
}

impl TapWeight for f32 {
    /// Exact for |weight| < 2^24 (2-D weights are below 2^17).
    #[inline(always)]
    fn of(weight: i32) -> Self {
        weight as f32
    }
}

/// One block of padded pixels over every row tap, in Agg's order: for each row tap, the
/// block's 2-D weights in one loop that vectorises, then each pixel's `K` taps added to
/// its running sums by `taps(row, columns, weights, sum)`. The first row tap starts the
/// totals (when asked for) and sums from `zero` (the scratch is reused); integer weights
/// sum exactly.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
pub(super) fn padded_block<const K: usize, V: TapWeight, A: Copy>(
    row_taps: &[(usize, i32)],
    col_offset: &[usize],
    col_weight: &[i32],
    weight: &mut [V],
    mut total: Option<&mut [V]>,
    acc: &mut [A],
    zero: A,
    taps: impl Fn(usize, &[usize], &[V], A) -> A,
) {
    for (k, &(row, weight_y)) in row_taps.iter().enumerate() {
        for (f, &x) in weight.iter_mut().zip(col_weight) {
            *f = V::of(weight_2d(weight_y, x));
        }
        let pixels = col_offset.chunks_exact(K).zip(weight.chunks_exact(K));
        if k == 0 {
            if let Some(total) = total.as_deref_mut() {
                for (t, ws) in total.iter_mut().zip(weight.chunks_exact(K)) {
                    *t = ws.iter().copied().sum();
                }
            }
            for (sum, (cols, ws)) in acc.iter_mut().zip(pixels) {
                *sum = taps(row, cols, ws, zero);
            }
        } else {
            if let Some(total) = total.as_deref_mut() {
                for (t, ws) in total.iter_mut().zip(weight.chunks_exact(K)) {
                    *t += ws.iter().copied().sum();
                }
            }
            for (sum, (cols, ws)) in acc.iter_mut().zip(pixels) {
                *sum = taps(row, cols, ws, *sum);
            }
        }
    }
}

/// Adds one pixel's `K` taps of one source row (at `row`) to its sums, in order.
#[inline(always)]
fn padded_taps<const C: usize, const K: usize, S, P>(
    src: S,
    product: &P,
    row: usize,
    cols: &[usize],
    ws: &[f64],
    mut sum: [f64; C],
) -> [f64; C]
where
    S: Sample<C>,
    P: Fn(f64, f64) -> f64,
{
    for (&col, &f) in cols.iter().zip(ws).take(K) {
        let p = src.sample(row + col);
        for ch in 0..C {
            sum[ch] += product(p[ch], f);
        }
    }
    sum
}

/// Per-task buffers of [`PaddedRow`]: 2-D weights of the current row tap, total weight
/// and running sums of each pixel.
struct Scratch<const C: usize> {
    weight: Vec<f64>,
    total: Vec<f64>,
    acc: Vec<[f64; C]>,
}

impl<const C: usize> Scratch<C> {
    fn new(width: usize, taps: usize) -> Self {
        let width = width.min(PADDED_BLOCK);
        Scratch {
            weight: vec![0.0; width * taps],
            total: vec![0.0; width],
            acc: vec![[0.0; C]; width],
        }
    }
}

/// Runs [`PaddedRow`] with `K` taps a pixel, for `K` in `1..=MAX_PADDED_TAPS`.
#[allow(clippy::too_many_arguments)]
fn padded_row<const C: usize, S, P, F, O>(
    k: usize,
    src: S,
    row_taps: &[(usize, i32)],
    col_offset: &[usize],
    col_weight: &[i32],
    scratch: &mut Scratch<C>,
    product: &P,
    finish: &F,
    line: &mut [O],
) where
    S: Sample<C>,
    P: Fn(f64, f64) -> f64,
    F: Finish<C, O>,
{
    macro_rules! run {
        ($k:literal) => {
            cpu::vectorized(PaddedRow::<C, $k, S, P, F, O> {
                src,
                row_taps,
                col_offset,
                col_weight,
                scratch,
                product,
                finish,
                line,
            })
        };
    }
    with_taps!(k, run)
}

/// `$run!(K)` with the constant `K` of the padded kernels for `$k` column taps a pixel (1 to
/// 5, and 6 for 6: [`MAX_PADDED_TAPS`]).
macro_rules! with_taps {
    ($k:expr, $run:ident) => {
        match $k {
            1 => $run!(1),
            2 => $run!(2),
            3 => $run!(3),
            4 => $run!(4),
            5 => $run!(5),
            _ => $run!(6),
        }
    };
}
pub(super) use with_taps;

/// [`with_taps`] for the padded counts of [`AxisTaps::padded_wide`].
macro_rules! with_wide_taps {
    ($k:expr, $run:ident) => {
        match $k {
            1 => $run!(1),
            2 => $run!(2),
            3 => $run!(3),
            4 => $run!(4),
            5 => $run!(5),
            6 => $run!(6),
            8 => $run!(8),
            12 => $run!(12),
            16 => $run!(16),
            24 => $run!(24),
            _ => $run!(32),
        }
    };
}
pub(super) use with_wide_taps;

/// How Agg's renderer stores one resampled RGBA pixel into matplotlib's zeroed output
/// (`copy_or_blend_pix` of the premultiplied blender at full cover): an opaque pixel is
/// copied, a transparent one leaves zeros, and a partly transparent one is blended, whose
/// `mult_cover(v, 255)` is `v * 255 / 255` in the colour type's precision; blending onto
/// zeros then stores those values. (Measured on matplotlib's `_image.resample`: float32
/// RGBA with partial alpha comes back off by an ulp exactly where this rounding says.)
macro_rules! agg_store {
    ($name:ident, $f:ty) => {
        #[inline(always)]
        fn $name(p: [$f; 4]) -> [$f; 4] {
            let a = p[3];
            if a >= 1.0 {
                p
            } else if a > 0.0 {
                p.map(|v| v * 255.0 / 255.0)
            } else {
                [0.0; 4]
            }
        }
    };
}

agg_store!(agg_store_f64, f64);
agg_store!(agg_store_f32, f32);

/// How the filter turns a pixel's sums and total weight into its output pixel.
/// Closures `|acc: [f64; C], total: i32| -> O` are finishes; [`OpaqueBytes`] adds a
/// faster block form.
pub(super) trait Finish<const C: usize, O>: Sync {
    /// One pixel.
    fn pixel(&self, acc: [f64; C], total: i32) -> O;
    /// A block of pixels, with the totals as (exact, integer-valued) f64; the same
    /// outputs as [`Finish::pixel`] on each.
    #[inline(always)]
    fn block(&self, acc: &[[f64; C]], total: &[f64], out: &mut [O]) {
        finish_each(self, acc, total, out);
    }
}

/// [`Finish::pixel`] on every pixel of a block.
#[inline(always)]
fn finish_each<const C: usize, O, F: Finish<C, O> + ?Sized>(
    finish: &F,
    acc: &[[f64; C]],
    total: &[f64],
    out: &mut [O],
) {
    for ((o, &a), &t) in out.iter_mut().zip(acc).zip(total) {
        *o = finish.pixel(a, t as i32);
    }
}

impl<const C: usize, O, F: Fn([f64; C], i32) -> O + Sync> Finish<C, O> for F {
    #[inline(always)]
    fn pixel(&self, acc: [f64; C], total: i32) -> O {
        self(acc, total)
    }
}

/// The rgba stage's finish to bytes ([`finish_rgba`], then [`rgba_pixel_to_bytes`]) for
/// sources whose every sample has alpha exactly 1. There the output alpha is `t / t = 1`
/// (sums of integer weights are exact), so the division by alpha is by 1 and the colour
/// bytes are `trunc(min(max(acc / t, 0), 1) * 255)`.
///
/// [`Finish::block`] gets those bytes without a division per channel: `q = acc * (1 / t)`
/// is within 3.4e-16 relative of the correctly rounded `acc / t`, so `y = min(q, 1) * 255`
/// is within 1.2e-13 of the exact path's value, and its whole part is the exact byte
/// unless `y` lies within [`OPAQUE_MARGIN`] of an integer. `q <= 0` (byte 0) and
/// `q > 1 + OPAQUE_MARGIN` (byte 255) are certain too, since `q` and `acc / t` have the
/// same sign and differ by far less than the margin. A block with any uncertain channel
/// (or a non-positive total) is finished again the exact way, so the bytes are always
/// [`Finish::pixel`]'s.
pub(super) struct OpaqueBytes;

/// How close to an integer `y` may come before [`OpaqueBytes`] takes the exact path (the
/// fast value's error bound is 1.2e-13).
const OPAQUE_MARGIN: f64 = 1e-12;

impl Finish<4, [u8; 4]> for OpaqueBytes {
    #[inline(always)]
    fn pixel(&self, acc: [f64; 4], total: i32) -> [u8; 4] {
        rgba_pixel_to_bytes(finish_rgba(acc, total))
    }

    #[inline(always)]
    fn block(&self, acc: &[[f64; 4]], total: &[f64], out: &mut [[u8; 4]]) {
        if !opaque_bytes_fast(acc, total, out) {
            finish_each(self, acc, total, out);
        }
    }
}

/// [`OpaqueBytes`]' fast path: writes every pixel's bytes and returns whether all of
/// them are certain (otherwise the block must be finished the exact way).
#[inline(always)]
fn opaque_bytes_fast(acc: &[[f64; 4]], total: &[f64], out: &mut [[u8; 4]]) -> bool {
    // Adding 2^52 to a whole number in [0, 2^52) puts it in the low mantissa bits.
    const WHOLE_BITS: f64 = 4_503_599_627_370_496.0;
    let mut unsure = false;
    for ((o, a), &t) in out.iter_mut().zip(acc).zip(total) {
        let inv = 1.0 / t;
        let mut px = [255u8; 4];
        for (b, &sum) in px.iter_mut().zip(&a[..3]) {
            let q = sum * inv;
            let y = if q < 1.0 { q } else { 1.0 } * 255.0;
            let whole = y.trunc();
            let frac = y - whole;
            let high = q > 1.0 + OPAQUE_MARGIN;
            let low = q <= 0.0;
            unsure |= !(OPAQUE_MARGIN..=1.0 - OPAQUE_MARGIN).contains(&frac) & !high & !low;
            let v = if high {
                255.0
            } else if low {
                0.0
            } else {
                whole
            };
            *b = (v + WHOLE_BITS).to_bits() as u8;
        }
        unsure |= t <= 0.0 || t.is_nan();
        *o = px;
    }
    !unsure
}

/// Agg's RGBA finish: divide by the total weight, clamp below at 0, alpha at most 1 and
/// each colour at most alpha (premultiplied).
fn finish_rgba(acc: [f64; 4], total: i32) -> [f64; 4] {
    let t = f64::from(total);
    let mut v = acc.map(|a| a / t).map(|a| if a < 0.0 { 0.0 } else { a });
    if v[3] > 1.0 {
        v[3] = 1.0;
    }
    for c in 0..3 {
        if v[c] > v[3] {
            v[c] = v[3];
        }
    }
    v
}

/// Sample times weight for float64 data (Agg's `rgba64`/`gray64`: double * int). The
/// integer weight arrives as an f64 (exact: |weight| < 2^15).
#[inline(always)]
fn f64_product(v: f64, weight: f64) -> f64 {
    v * weight
}

/// Sample times weight for float32 data (Agg's `gray32`: the product is taken in float,
/// then accumulated in double). `v` holds an f32 value; `weight` an integer (exact in
/// f32 too).
#[inline(always)]
fn f32_product(v: f64, weight: f64) -> f64 {
    f64::from(v as f32 * weight as f32)
}

/// The common frame of the resamplers: checks the inputs (`src_len` source pixels), then
/// gathers nearest samples with `nearest` (given each output pixel's source index) or
/// runs `filter` with the inverse transform and the filter table.
fn resample_each<T>(
    src_len: usize,
    placement: &Placement,
    interpolation: Interpolation,
    filterrad: f64,
    what: &str,
    nearest: impl FnOnce(&[u32]) -> Result<Vec<T>>,
    filter: impl FnOnce(&Affine, &FilterLut) -> Result<Vec<T>>,
) -> Result<Vec<T>> {
    check_size(placement)?;
    check_len(src_len, placement, what)?;
    match plan(placement, interpolation, filterrad)? {
        Plan::Nearest {
            transform,
            flip_cols,
            flip_rows,
        } => nearest(&nearest_map(placement, &transform, flip_cols, flip_rows)?),
        Plan::Filtered { inverse, lut } => filter(&inverse, &lut),
    }
}

/// The `len` items of `items` in a vector allocated fallibly for them (an allocation the
/// system refuses is `cannot allocate N bytes for WHAT`, not an abort).
fn try_collect<T>(len: usize, items: impl Iterator<Item = T>, what: &str) -> Result<Vec<T>> {
    let mut v = cpu::vec_with_capacity(len, what)?;
    v.extend(items);
    Ok(v)
}

fn gather<T: Copy + Send + Sync>(src: &[T], indices: &[u32]) -> Result<Vec<T>> {
    let items = indices.iter().map(|&i| src[i as usize]);
    try_collect(indices.len(), items, "the resampled image")
}

/// Resamples premultiplied float RGBA (row-major, row 0 = array row 0) onto the
/// placement's output block, as `_image.resample` does for the `'rgba'` stage. Returns
/// `width * height` pixels, device order (top row first), still premultiplied; pass them
/// to [`rgba_to_bytes`].
///
/// `interpolation` may still be `'auto'`; `filterrad` is matplotlib's (default
/// [`DEFAULT_FILTERRAD`]).
pub fn resample_rgba(
    src: &[[f64; 4]],
    placement: &Placement,
    interpolation: Interpolation,
    filterrad: f64,
) -> Result<Vec<[f64; 4]>> {
    resample_each(
        src.len(),
        placement,
        interpolation,
        filterrad,
        "RGBA image",
        |map| {
            let items = map.iter().map(|&i| agg_store_f64(src[i as usize]));
            try_collect(map.len(), items, "the resampled image")
        },
        |inverse, lut| {
            filtered(src, placement, inverse, lut, f64_product, |acc, total| {
                agg_store_f64(finish_rgba(acc, total))
            })
        },
    )
}

/// [`resample_rgba`] + [`rgba_to_bytes`] for a colour-mapped image, without expanding it:
/// source pixel `i` (row-major) is `table[index[i]]`, premultiplied float RGBA (such as
/// the rows of a colormap's LUT). Bit-identical to expanding the image first; reads 4
/// bytes a source pixel instead of 32. Device order (top row first).
#[cfg(test)]
pub fn resample_rgba_lut(
    index: &[u32],
    table: &[[f64; 4]],
    placement: &Placement,
    interpolation: Interpolation,
    filterrad: f64,
) -> Result<Vec<[u8; 4]>> {
    lut_resample(
        index,
        table,
        placement,
        interpolation,
        filterrad,
        Ahead::default(),
    )
}

/// What [`lut_resample`] may be given ready: the narrow plan, and the indices' scan over
/// [`transparent_rows`] of the table (which then were at most four).
#[derive(Default)]
struct Ahead {
    plan: Option<NarrowPlan>,
    scan: Option<IndexScan>,
}

/// Plans the narrow filter [`resample_rgba_lut`] would use for `table`, `placement`,
/// `interpolation` and `filterrad` if the indices turn out opaque, so that the plan is
/// made while the indices are computed; `None` where that filter would not run.
pub(crate) fn plan_narrow(
    table: &[[f64; 4]],
    placement: &Placement,
    interpolation: Interpolation,
    filterrad: f64,
) -> Option<NarrowPlan> {
    check_size(placement).ok()?;
    match plan(placement, interpolation, filterrad).ok()? {
        Plan::Filtered { inverse, lut } => narrow::plan(table, placement, &inverse, &lut),
        Plan::Nearest { .. } => None,
    }
}

/// The narrow filter `plan` (from [`plan_narrow`] for this placement) over indices taken
/// from the data where its colour tiles read them, without an index array: `None` where
/// the plan does not read tiles or the data has a pixel whose colour is not opaque (then
/// the index array's path, [`resample_rgba_lut_ahead`], gives the bytes). The same bytes
/// as that path where it answers.
pub(crate) fn resample_direct(
    plan: NarrowPlan,
    direct: &crate::color::DirectIndices<'_>,
    placement: &Placement,
) -> Result<Option<Vec<[u8; 4]>>> {
    check_len(direct.len(), placement, "colour-mapped image")?;
    plan.run_direct(direct)
}

/// [`resample_direct`] writing output row `k` into `dst`'s line `k` (a canvas's rows),
/// when `plan` [`NarrowPlan::writes_into`]; `false` when it does not (nothing written) or
/// when a sampled colour is not opaque (the lines partly written: the caller draws the
/// image another way over a canvas it starts again).
pub(crate) fn resample_direct_into(
    plan: &NarrowPlan,
    direct: &crate::color::DirectIndices<'_>,
    placement: &Placement,
    dst: Lines<'_>,
) -> Result<bool> {
    check_len(direct.len(), placement, "colour-mapped image")?;
    plan.run_direct_into(direct, dst)
}

/// [`resample_rgba_lut`] with a narrow filter planned ahead by [`plan_narrow`] for the same
/// table, placement, interpolation and filter radius, and the indices' [`IndexScan`] over
/// [`transparent_rows`] of `table` when it was taken while they were written (`None`: they
/// are scanned here): the same bytes.
pub(crate) fn resample_rgba_lut_ahead(
    index: &[u32],
    table: &[[f64; 4]],
    placement: &Placement,
    interpolation: Interpolation,
    filterrad: f64,
    plan: Option<NarrowPlan>,
    scan: Option<IndexScan>,
) -> Result<Vec<[u8; 4]>> {
    let ahead = Ahead { plan, scan };
    lut_resample(index, table, placement, interpolation, filterrad, ahead)
}

/// [`resample_rgba_lut`], with what was made ready ahead: the indices' scan, and the
/// narrow plan (the whole filter when the image turns out opaque).
fn lut_resample(
    index: &[u32],
    table: &[[f64; 4]],
    placement: &Placement,
    interpolation: Interpolation,
    filterrad: f64,
    ahead: Ahead,
) -> Result<Vec<[u8; 4]>> {
    let (max, opaque) = match ahead.scan {
        Some(scan) => scan.answer(true),
        None => scan_indices(index, table),
    };
    if let Some(i) = Some(max).filter(|&i| i as usize >= table.len()) {
        return Err(Error::invalid(
            "colour index",
            i,
            format!("below the table length {}", table.len()),
        ));
    }
    let what = "colour-mapped image";
    // A plan made ahead came from the same placement, filter and table (it checked the
    // size and found a filter): run it without planning the resampling again.
    if let (true, Some(plan)) = (opaque, ahead.plan) {
        check_len(index.len(), placement, what)?;
        return plan.run(index);
    }
    let pixel = |i: u32| table[i as usize];
    resample_each(
        index.len(),
        placement,
        interpolation,
        filterrad,
        what,
        |map| {
            let items = map
                .iter()
                .map(|&s| rgba_pixel_to_bytes(agg_store_f64(pixel(index[s as usize]))));
            try_collect(map.len(), items, "the resampled image")
        },
        |inverse, lut| {
            // Where every sampled row is opaque, every output alpha is exactly 1 (a sum of
            // integer weights divided by itself) and the store is a copy: skip it there
            // (it costs the finish its vectorisation).
            if opaque {
                match narrow::plan(table, placement, inverse, lut) {
                    Some(plan) => plan.run(index),
                    None => lut_filtered(index, table, placement, inverse, lut, OpaqueBytes),
                }
            } else {
                let finish = |acc: [f64; 4], total: i32| {
                    rgba_pixel_to_bytes(agg_store_f64(finish_rgba(acc, total)))
                };
                lut_filtered(index, table, placement, inverse, lut, finish)
            }
        },
    )
}

/// [`filtered`] over a colour-mapped source, with the table in a fixed-size array when it
/// fits (and is finite).
fn lut_filtered(
    index: &[u32],
    table: &[[f64; 4]],
    placement: &Placement,
    inverse: &Affine,
    lut: &FilterLut,
    finish: impl Finish<4, [u8; 4]>,
) -> Result<Vec<[u8; 4]>> {
    if table.len() <= SMALL_TABLE && table.iter().flatten().all(|v| v.is_finite()) {
        let mut small = Box::new([[0.0; 4]; SMALL_TABLE]);
        small[..table.len()].copy_from_slice(table);
        let src = SmallIndexed {
            index,
            table: &small,
        };
        filtered(src, placement, inverse, lut, f64_product, finish)
    } else {
        let src = Indexed { index, table };
        filtered(src, placement, inverse, lut, f64_product, finish)
    }
}

/// One pass over the indices: the largest, and whether every index points at a row with
/// alpha exactly 1 (see [`IndexScan`]). Large index arrays are scanned in parallel blocks.
fn scan_indices(index: &[u32], table: &[[f64; 4]]) -> (u32, bool) {
    let other = transparent_rows(table);
    let rows = other.unwrap_or([u32::MAX; 4]);
    let scan = |block: &[u32]| {
        cpu::vectorized(ScanIndices {
            index: block,
            other: rows,
        })
    };
    let s = if index.len() >= PARALLEL_PIXELS {
        index
            .par_chunks(PARALLEL_PIXELS / 4)
            .map(scan)
            .reduce(IndexScan::default, IndexScan::merge)
    } else {
        scan(index)
    };
    s.answer(other.is_some())
}

/// What the filters need to know of a colour-mapped image's indices: the largest (checked
/// against the table) and whether any is one of the table's rows with an alpha other
/// than 1 ([`transparent_rows`]). Colormap tables have a few such rows (bad, under, over),
/// so this is comparisons against up to four values, which vectorise.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct IndexScan {
    /// The largest index (0 for none).
    pub max: u32,
    /// Whether any index is one of the rows looked for.
    pub hit: bool,
}

impl IndexScan {
    /// This scan continued over `index`, looking for the rows `other` (`u32::MAX`: none).
    #[inline(always)]
    pub(crate) fn fold(self, index: &[u32], other: [u32; 4]) -> IndexScan {
        let [a, b, c, d] = other;
        let (max, hit) = index.iter().fold((self.max, self.hit), |(m, hit), &i| {
            (m.max(i), hit | (i == a) | (i == b) | (i == c) | (i == d))
        });
        IndexScan { max, hit }
    }

    /// The scan of two parts together.
    pub(crate) fn merge(self, other: IndexScan) -> IndexScan {
        IndexScan {
            max: self.max.max(other.max),
            hit: self.hit | other.hit,
        }
    }

    /// The largest index, and whether the image is opaque: no index hit a transparent
    /// row, and the table had at most four of them (`rows_known`).
    fn answer(self, rows_known: bool) -> (u32, bool) {
        (self.max, !self.hit && rows_known)
    }
}

/// The rows of `table` whose alpha is not exactly 1, padded with `u32::MAX`, when there are
/// at most four; `None` when there are more (an image through the table then never counts
/// as opaque).
pub(crate) fn transparent_rows(table: &[[f64; 4]]) -> Option<[u32; 4]> {
    let mut rows = [u32::MAX; 4];
    let mut n = 0;
    for (i, row) in table.iter().enumerate() {
        if row[3] != 1.0 {
            *rows.get_mut(n)? = u32::try_from(i).ok()?;
            n += 1;
        }
    }
    Some(rows)
}

/// [`scan_indices`]' loop over one block.
struct ScanIndices<'a> {
    index: &'a [u32],
    other: [u32; 4],
}

impl cpu::Kernel for ScanIndices<'_> {
    type Output = IndexScan;
    #[inline(always)]
    fn run(self) -> IndexScan {
        IndexScan::default().fold(self.index, self.other)
    }
}

/// Resamples scalar data (row-major) for the `'data'` stage, in f64, as `_image.resample`
/// does for a 2-D float64 array (no clamping). NaN propagates to every output pixel whose
/// filter footprint touches it. Device order (top row first).
pub fn resample_scalar(
    src: &[f64],
    placement: &Placement,
    interpolation: Interpolation,
    filterrad: f64,
) -> Result<Vec<f64>> {
    resample_each(
        src.len(),
        placement,
        interpolation,
        filterrad,
        "data",
        |map| gather(src, map),
        |inverse, lut| {
            let src1 = try_collect(src.len(), src.iter().map(|&v| [v]), "the data's copy")?;
            let out = filtered(
                &src1[..],
                placement,
                inverse,
                lut,
                f64_product,
                |acc: [f64; 1], total: i32| [acc[0] / f64::from(total)],
            )?;
            Ok(out.into_iter().map(|[v]| v).collect())
        },
    )
}

/// [`resample_rgba`] for float32 RGBA, as matplotlib resamples float32 RGBA input and
/// uint8 RGBA input (divided by 255 into float32): Agg's `rgba32` products are taken in
/// float and summed in double, the clamped result is rounded to float32. Premultiply
/// first with [`premultiply_f32`]; finish with [`rgba_f32_to_bytes`].
pub fn resample_rgba_f32(
    src: &[[f32; 4]],
    placement: &Placement,
    interpolation: Interpolation,
    filterrad: f64,
) -> Result<Vec<[f32; 4]>> {
    resample_each(
        src.len(),
        placement,
        interpolation,
        filterrad,
        "RGBA image",
        |map| {
            let items = map.iter().map(|&i| agg_store_f32(src[i as usize]));
            try_collect(map.len(), items, "the resampled image")
        },
        |inverse, lut| {
            let items = src.iter().map(|p| p.map(f64::from));
            let src64 = try_collect(src.len(), items, "the image's float64 copy")?;
            filtered(
                &src64[..],
                placement,
                inverse,
                lut,
                f32_product,
                |acc, total| agg_store_f32(finish_rgba(acc, total).map(|v| v as f32)),
            )
        },
    )
}

/// [`resample_scalar`] for float32 data, as matplotlib resamples float32 input and
/// integer input of small range in the `'data'` stage: sums in double of float products,
/// result rounded to float32. Device order.
pub fn resample_scalar_f32(
    src: &[f32],
    placement: &Placement,
    interpolation: Interpolation,
    filterrad: f64,
) -> Result<Vec<f32>> {
    resample_each(
        src.len(),
        placement,
        interpolation,
        filterrad,
        "data",
        |map| gather(src, map),
        |inverse, lut| {
            let items = src.iter().map(|&v| [f64::from(v)]);
            let src1 = try_collect(src.len(), items, "the data's float64 copy")?;
            let out = filtered(
                &src1[..],
                placement,
                inverse,
                lut,
                f32_product,
                |acc: [f64; 1], total: i32| [acc[0] / f64::from(total)],
            )?;
            Ok(out.into_iter().map(|[v]| v as f32).collect())
        },
    )
}

/// The `'data'` stage's mask resampling: `masked` marks bad input pixels; the result marks
/// output pixels touched by a bad sample (matplotlib resamples NaN-for-masked and tests
/// `isnan`). Device order.
pub fn resample_mask(
    masked: &[bool],
    placement: &Placement,
    interpolation: Interpolation,
    filterrad: f64,
) -> Result<Vec<bool>> {
    let items = masked.iter().map(|&m| if m { f64::NAN } else { 1.0 });
    let values = try_collect(masked.len(), items, "the mask's float copy")?;
    Ok(
        resample_scalar(&values, placement, interpolation, filterrad)?
            .into_iter()
            .map(f64::is_nan)
            .collect(),
    )
}

/// Premultiplies RGB by alpha in place when any alpha differs from 1, as `_make_image`
/// does before resampling; returns whether it did.
pub fn premultiply(pixels: &mut [[f64; 4]]) -> bool {
    if pixels.iter().all(|p| p[3] == 1.0) {
        return false;
    }
    for p in pixels.iter_mut() {
        let a = p[3];
        p[0] *= a;
        p[1] *= a;
        p[2] *= a;
    }
    true
}

/// [`premultiply`] in float32, as numpy does for float32 RGBA.
pub fn premultiply_f32(pixels: &mut [[f32; 4]]) -> bool {
    if pixels.iter().all(|p| p[3] == 1.0) {
        return false;
    }
    for p in pixels.iter_mut() {
        let a = p[3];
        p[0] *= a;
        p[1] *= a;
        p[2] *= a;
    }
    true
}

/// uint8 RGBA input as matplotlib feeds it to the resampler: `np.divide(A, 255,
/// dtype=float32)`.
pub fn rgba_u8_to_f32(pixels: &[[u8; 4]]) -> Vec<[f32; 4]> {
    pixels
        .iter()
        .map(|p| p.map(|v| f32::from(v) / 255.0))
        .collect()
}

/// [`rgba_to_bytes`] in float32: divide by the non-zero alpha, then `uint8(v * 255)`.
pub fn rgba_f32_to_bytes(pixels: &[[f32; 4]]) -> Vec<[u8; 4]> {
    pixels
        .iter()
        .map(|p| {
            let a = p[3];
            let d = if a != 0.0 { a } else { 1.0 };
            let v = [p[0] / d, p[1] / d, p[2] / d, a];
            if v.iter().any(|x| x.is_nan()) {
                [0; 4]
            } else {
                v.map(|x| numpy_u8(f64::from(x * 255.0)))
            }
        })
        .collect()
}

/// The `'rgba'` stage's finish for colour (RGB/RGBA) input (spec §5.4): divide by the
/// resampled alpha where it is non-zero, then `Colormap.to_rgba(..., bytes=True)`: a pixel
/// with NaN in any channel is made (0, 0, 0, 0), and `uint8(v * 255)` is numpy's cast
/// ([`numpy_u8`]: out-of-range values wrap or become 0, as on x86-64). Values in range
/// truncate, as for colour-mapped images.
pub fn rgba_to_bytes(pixels: &[[f64; 4]]) -> Vec<[u8; 4]> {
    pixels
        .iter()
        .map(|&p| {
            let a = p[3];
            let d = if a != 0.0 { a } else { 1.0 };
            let v = [p[0] / d, p[1] / d, p[2] / d, a];
            if v.iter().any(|x| x.is_nan()) {
                [0; 4]
            } else {
                v.map(|x| numpy_u8(x * 255.0))
            }
        })
        .collect()
}

/// numpy's float -> uint8 cast on x86-64 (`astype(np.uint8)`): truncation to int32 (0x80000000
/// for NaN and anything outside int32), then the low byte. So 300.0 -> 44, -5.0 -> 251,
/// inf -> 0.
pub fn numpy_u8(v: f64) -> u8 {
    if v > -2_147_483_649.0 && v < 2_147_483_648.0 {
        v as i32 as u8
    } else {
        0
    }
}

/// [`rgba_to_bytes`] of one pixel.
#[inline(always)]
fn rgba_pixel_to_bytes(p: [f64; 4]) -> [u8; 4] {
    let a = p[3];
    let d = if a != 0.0 { a } else { 1.0 };
    [
        (p[0] / d * 255.0) as u8,
        (p[1] / d * 255.0) as u8,
        (p[2] / d * 255.0) as u8,
        (a * 255.0) as u8,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resample::place;

    #[test]
    fn scan_indices_finds_the_largest_index_and_any_transparent_row() {
        let mut table = vec![[0.5, 0.5, 0.5, 1.0]; 259];
        table[258][3] = 0.0; // bad
        let mut index: Vec<u32> = (0..200_000).map(|i| (i * 7 % 256) as u32).collect();
        // Large enough for the parallel blocks.
        assert!(index.len() >= PARALLEL_PIXELS);
        assert_eq!(scan_indices(&index, &table), (255, true));
        index[123_457] = 257;
        assert_eq!(scan_indices(&index, &table), (257, true));
        index[99_999] = 258;
        assert_eq!(scan_indices(&index, &table), (258, false));
        assert_eq!(scan_indices(&index[..10], &table), (63, true));
        // More than four rows that are not opaque: never opaque.
        for row in &mut table[..5] {
            row[3] = 0.5;
        }
        assert_eq!(scan_indices(&index[1..10], &table), (63, false));
    }

    fn strip(n: usize, width_px: f64) -> Placement {
        // ax = fig.add_axes([0, 0, 1, 1]) on a width_px x 10 px figure;
        // ax.imshow(np.arange(n)[None, :], aspect='auto', interpolation='nearest')
        place(
            [-0.5, n as f64 - 0.5, 0.5, -0.5],
            Origin::Upper,
            1,
            n,
            (-0.5, n as f64 - 0.5),
            (0.5, -0.5),
            [0.0, 0.0, width_px, 10.0],
        )
        .unwrap()
    }

    #[test]
    fn nearest_examples_from_spec() {
        // Spec §5.5 examples, measured with matplotlib 3.11.2.
        let table: [(usize, f64, &[u32]); 4] = [
            (8, 4.0, &[0, 2, 4, 6]),
            (16, 4.0, &[1, 5, 9, 13]),
            (6, 4.0, &[0, 2, 3, 5]),
            (4, 8.0, &[0, 0, 1, 1, 2, 2, 3, 3]),
        ];
        for (n, w, expected) in table {
            let p = strip(n, w);
            let idx = nearest_indices(&p, Interpolation::Nearest).unwrap();
            assert_eq!(&idx[..p.width], expected, "{n} into {w}");
        }
    }

    #[test]
    fn reflect_wraps() {
        let table = [
            (-1, 5, 0),
            (-2, 5, 1),
            (5, 5, 4),
            (6, 5, 3),
            (3, 5, 3),
            (-11, 5, 0),
        ];
        for (v, n, e) in table {
            assert_eq!(reflect(v, n), e, "reflect({v}, {n})");
        }
    }

    #[test]
    fn dda_steps_evenly() {
        // 0 -> 10 in 4 steps: Agg yields 0, 2, 5, 7, 10.
        let mut d = Dda2::new(0, 10, 4);
        let mut seen = vec![d.y];
        for _ in 0..4 {
            d.step();
            seen.push(d.y);
        }
        assert_eq!(seen, [0, 2, 5, 7, 10]);
    }

    #[test]
    fn rejects_bad_input() {
        let p = strip(8, 4.0);
        // Wrong pixel count, non-positive / non-finite filterrad, filter for indices.
        let err = resample_scalar(&[0.0; 7], &p, Interpolation::Hanning, 4.0).unwrap_err();
        assert!(err.to_string().contains("7 pixels"), "{err}");
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            let err = resample_scalar(&[0.0; 8], &p, Interpolation::Sinc, bad).unwrap_err();
            assert!(err.to_string().contains("filterrad"), "{err}");
        }
        assert!(nearest_indices(&p, Interpolation::Hanning).is_err());
        let mut empty = p;
        empty.width = 0;
        assert!(resample_rgba(&[[0.0; 4]; 8], &empty, Interpolation::Nearest, 4.0).is_err());
    }

    #[test]
    fn unit_scale_filter_is_nearest_without_flip() {
        // _image.resample switches to nearest when |sx| = |sy| = 1 and there is no shear;
        // matplotlib's tie-breaking flip only happens for interpolation='nearest'.
        let p = place(
            [-0.5, 7.5, 0.5, -0.5],
            Origin::Upper,
            1,
            8,
            (-0.5, 7.5),
            (0.5, -0.5),
            [0.0, 0.0, 8.0, 1.0],
        )
        .unwrap();
        assert_eq!((p.transform.sx, p.transform.sy), (1.0, -1.0));
        let src: Vec<f64> = (0..8).map(f64::from).collect();
        let got = resample_scalar(&src, &p, Interpolation::Hanning, 4.0).unwrap();
        assert_eq!(got, src);
    }

    /// Reading through the LUT equals expanding the image first, bit for bit, for every
    /// kernel, up- and downsampling, both origins, a table with transparent rows.
    #[test]
    fn lut_source_matches_expanded_image() {
        let (rows, cols) = (23, 37);
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let index: Vec<u32> = (0..rows * cols)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state % 7) as u32
            })
            .collect();
        let mut table: Vec<[f64; 4]> = (0..7)
            .map(|i| {
                let t = f64::from(i) / 7.0;
                [
                    t,
                    1.0 - t,
                    (t * 3.0).fract(),
                    if i == 6 { 0.0 } else { 1.0 - t / 3.0 },
                ]
            })
            .collect();
        premultiply(&mut table);
        // An opaque table too (the fast finish), with channels at 0, 1 and whole bytes.
        let opaque: Vec<[f64; 4]> = (0..7)
            .map(|i| {
                let t = f64::from(i) / 6.0;
                [t, 1.0 - t, f64::from(i * 37) / 255.0, 1.0]
            })
            .collect();
        for table in [table.clone(), opaque] {
            check_lut_source(&index, &table, rows, cols);
        }
        let err = resample_rgba_lut(
            &[7],
            &table,
            &place(
                [-0.5, 0.5, 0.5, -0.5],
                Origin::Upper,
                1,
                1,
                (-0.5, 0.5),
                (0.5, -0.5),
                [0.0, 0.0, 4.0, 4.0],
            )
            .unwrap(),
            Interpolation::Bilinear,
            DEFAULT_FILTERRAD,
        )
        .unwrap_err();
        assert!(err.to_string().contains("colour index"), "{err}");
    }

    /// `resample_rgba_lut` against resampling the expanded image, for every kernel.
    fn check_lut_source(index: &[u32], table: &[[f64; 4]], rows: usize, cols: usize) {
        let expanded: Vec<[f64; 4]> = index.iter().map(|&i| table[i as usize]).collect();
        let extent = [-0.5, cols as f64 - 0.5, rows as f64 - 0.5, -0.5];
        for origin in [Origin::Upper, Origin::Lower] {
            for (w, h) in [(11.0, 7.0), (97.0, 61.5), (37.0, 230.0)] {
                let p = place(
                    extent,
                    origin,
                    rows,
                    cols,
                    (-0.5, cols as f64 - 0.5),
                    (rows as f64 - 0.5, -0.5),
                    [3.0, 2.0, 3.0 + w, 2.0 + h],
                )
                .unwrap();
                for interp in Interpolation::ALL {
                    let want = resample_rgba(&expanded, &p, interp, DEFAULT_FILTERRAD)
                        .map(|v| rgba_to_bytes(&v));
                    let got = resample_rgba_lut(index, table, &p, interp, DEFAULT_FILTERRAD);
                    assert_eq!(got.ok(), want.ok(), "{interp:?} {origin:?} {w}x{h}");
                }
            }
        }
    }

    #[test]
    fn opaque_finish_block_matches_pixels() {
        // Sums around every whole byte (k / 255 of the total, a few ulps either side),
        // above the total, negative, zero, and a zero total.
        let mut acc = Vec::new();
        let mut total = Vec::new();
        for t in [1.0, 3.0, 16384.0, 16383.0, 22937.0, 65535.0] {
            for k in 0..=256 {
                for ulps in -3i64..=3 {
                    let exact = f64::from(k) / 255.0 * t;
                    let v = f64::from_bits((exact.to_bits() as i64 + ulps) as u64);
                    acc.push([v, -v, v * 0.5 + 0.25, t]);
                    total.push(t);
                }
            }
            acc.push([0.0, -0.0, t * 2.0, t]);
            total.push(t);
            // Between whole bytes: sure.
            for k in 0..255 {
                let v = (f64::from(k) + 0.4) / 255.0 * t;
                acc.push([v, t - v, -v, t]);
                total.push(t);
            }
        }
        acc.push([1.0, 2.0, 3.0, 0.0]);
        total.push(0.0);
        // Each pixel alone: where the fast path is sure, its bytes are the exact ones.
        let mut sure = 0;
        for (a, &t) in acc.iter().zip(&total) {
            let want = OpaqueBytes.pixel(*a, t as i32);
            let mut fast = [[0u8; 4]];
            if opaque_bytes_fast(std::slice::from_ref(a), &[t], &mut fast) {
                assert_eq!(fast[0], want, "{a:?} / {t}");
                sure += 1;
            }
            let mut block = [[0u8; 4]];
            OpaqueBytes.block(std::slice::from_ref(a), &[t], &mut block);
            assert_eq!(block[0], want, "{a:?} / {t}");
        }
        assert!(sure >= 6 * 255, "{sure} of {}", acc.len());
        // A whole block with unsure pixels among sure ones.
        let mut got = vec![[0u8; 4]; acc.len()];
        OpaqueBytes.block(&acc, &total, &mut got);
        for ((&g, &a), &t) in got.iter().zip(&acc).zip(&total) {
            assert_eq!(g, OpaqueBytes.pixel(a, t as i32), "{a:?} / {t}");
        }
    }

    #[test]
    fn scan_finds_the_largest_index_and_transparent_rows() {
        let mut table = vec![[0.5, 0.5, 0.5, 1.0]; 10];
        table[9] = [0.0; 4];
        assert_eq!(scan_indices(&[3, 8, 1], &table), (8, true));
        assert_eq!(scan_indices(&[3, 9, 1], &table), (9, false));
        assert_eq!(scan_indices(&[], &table), (0, true));
        // More than four non-opaque rows: not worth the check, answered false.
        for row in table.iter_mut().take(5) {
            row[3] = 0.5;
        }
        assert_eq!(scan_indices(&[7, 8], &table), (8, false));
    }

    #[test]
    fn agg_store_rounds_partial_alpha_only() {
        let v = 0.078_154_564_f32;
        let blended = agg_store_f32([v, 0.5, 0.25, 0.258_823_54]);
        assert_eq!(blended[0], v * 255.0 / 255.0);
        assert_ne!(blended[0], v, "the value matplotlib moves by an ulp");
        assert_eq!(agg_store_f32([v, 0.5, 0.25, 1.0]), [v, 0.5, 0.25, 1.0]);
        assert_eq!(agg_store_f64([0.3, 0.5, 0.25, 0.0]), [0.0; 4]);
    }

    #[test]
    fn bytes_truncate() {
        let out = rgba_to_bytes(&[[0.25, 0.5, 0.0, 0.5], [0.0, 0.0, 0.0, 0.0]]);
        assert_eq!(out, [[127, 255, 0, 127], [0, 0, 0, 0]]);
    }
}

/// The examples that documented these internals, as unit tests.
#[cfg(test)]
mod examples {
    #[test]
    fn resample_rgba_lut_of_a_2x2_image() -> crate::Result<()> {
        use crate::resample::{place, resample_rgba_lut, Interpolation, Origin};
        let table = [[1.0, 0.0, 0.0, 1.0], [0.0, 0.0, 1.0, 1.0]];
        let index = [0, 1, 1, 0];
        // A 2 x 2 image (default extent) filling a 3 x 3 pixel axes box.
        let extent = [-0.5, 1.5, 1.5, -0.5];
        let placement = place(
            extent,
            Origin::Upper,
            2,
            2,
            (-0.5, 1.5),
            (1.5, -0.5),
            [0.0, 0.0, 3.0, 3.0],
        )
        .expect("visible");
        let px = resample_rgba_lut(&index, &table, &placement, Interpolation::Bilinear, 4.0)?;
        assert_eq!(px.len(), 9);
        Ok(())
    }
}
