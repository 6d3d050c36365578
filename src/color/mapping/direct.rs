//! LUT indices computed where they are read, without an index array (issue 21): the
//! narrow filter's colour tiles of a large image take each source row's indices straight
//! from the data, so a 4096² float64 figure neither writes nor reads 64 MiB of indices.
//! The arithmetic is [`super::lut_indices`]'s dedicated loop (plain `Normalize`, float64 or
//! float32, no mask), so the indices are the same. For float64 data the division of
//! `Normalize` is first replaced by a multiplication with its reciprocal, and a block
//! where that could have moved a value across a colour boundary is computed again with the
//! division ([`ReciprocalF64`]).

use super::{
    index_of_position, position, scaled_position, scaled_position_f32, BlockKernel, LinearF32,
    LinearF64, LinearKernel, ScalarData, BLOCK, F32_KERNEL_MAX_N, ROUNDER, ROUNDER_F32,
};
use crate::color::Norm;
use crate::cpu;

/// The contiguous data of one image and its dedicated index loop.
enum Kind<'a> {
    F64(&'a [f64], LinearF64),
    F64Fast(&'a [f64], ReciprocalF64),
    F32(&'a [f32], LinearF32),
}

/// Plain `Normalize` on float64 data as [`LinearF64`], with `(x - vmin) * r` (`r` the
/// rounded reciprocal of `vmax - vmin`) in place of the division.
///
/// Why the indices are the same. With `a = x - vmin` (the same in both), matplotlib's
/// `xa = fl(fl(a / d) * N)` and this `xa' = fl(fl(a * r) * N)` are both within about
/// `2u` and `3u` relative (u = 2^-53) of `a N / d`, so `|xa - xa'| <= 5.01 u |xa'|`,
/// below `tol = (N + 1) 2^-49` wherever `|xa'| < N + 1/2`. The index of `xa` depends
/// only on the unit interval `(k, k + 1)` it lies in for `k` in `-1..N`, on whether it
/// is exactly `N`, and on being below `0` or above `N` (or NaN, which both are for the
/// same `x`: `a` is NaN). So where `xa'` is at least `tol` from every whole number, or
/// `<= -1/2`, or `>= N + 1/2`, the index of `xa'` is that of `xa`. A block with any other
/// value is computed again with the division (rare on real data: within `tol` of a
/// colour boundary). Used only where `d` and `r` are normal and positive.
///
/// The positions are first computed in f32 ([`ReciprocalF64::positions_f32`]): `xa` by one
/// multiplication with `r N` (rounded), then converted to f32, whose index is `xa`'s
/// where it is at least `tol32` from every whole number (or outside `(-1/2, N + 1/2)`),
/// the same argument with the f32 rounding (`2^-24` relative) in the tolerance; a block
/// with any other value goes through the f64 loop above (issue 21: half the vector width
/// for the clamps, floor and checks).
struct ReciprocalF64 {
    exact: LinearF64,
    r: f64,
    tol: f64,
    /// `r N` rounded, and the f32 loop's constants (`nf32` zero: no f32 loop).
    rn: f64,
    nf32: f32,
    tol32: f32,
}

impl ReciprocalF64 {
    fn of(exact: LinearF64) -> Result<ReciprocalF64, LinearF64> {
        let r = 1.0 / exact.d;
        let normal = |v: f64| v.is_normal() && v > 0.0;
        if !(normal(exact.d) && normal(r) && exact.nf < f64::from(1u32 << 24)) {
            return Err(exact);
        }
        let tol = (exact.nf + 1.0) * f64::powi(2.0, -49);
        let rn = r * exact.nf;
        // The f32 loop: positions up to N + 2 below 2^22 (`ROUNDER_F32`), `r N` normal.
        let (nf32, tol32) = if exact.nf <= F32_KERNEL_MAX_N as f64 && normal(rn) {
            // |xa32 - xa| <= 2^-24 |xa'| + ~6u |xa'| (the f64 steps), |xa'| <= N + 1/2
            // where it matters: 2^-24 (N + 1) with a 1/1024 margin, rounded up.
            let t = (exact.nf + 1.0) * f64::powi(2.0, -24) * (1.0 + 1.0 / 1024.0);
            (exact.nf as f32, (t as f32).next_up())
        } else {
            (0.0, 0.0)
        };
        Ok(ReciprocalF64 {
            exact,
            r,
            tol,
            rn,
            nf32,
            tol32,
        })
    }

    /// The f64 reciprocal loop (the type docs): true when a value was near a boundary (then
    /// `idx` must be computed again with the division).
    #[inline(always)]
    fn positions_f64(&self, xs: &[f64], idx: &mut [u32]) -> bool {
        let (vmin, r, nf, tol) = (self.exact.vmin, self.r, self.exact.nf, self.tol);
        let top = nf + 0.5;
        let mut near = false;
        for (slot, x) in idx.iter_mut().zip(xs) {
            let xa = (x - vmin) * r * nf;
            let whole = (xa + ROUNDER) - ROUNDER;
            near |= ((xa - whole).abs() < tol) & (xa > -0.5) & (xa < top);
            *slot = scaled_position(xa, nf);
        }
        near
    }

    /// The f32 loop (the type docs): `xa32 = f32(fl((x - vmin) rn))`, its position by
    /// [`scaled_position_f32`]; true when a value was within `tol32` of a whole number
    /// inside `(-1/2, N + 1/2)` (then `idx` must be computed again).
    ///
    /// Why the positions are the same where it returns false. With `xa = fl(fl(a / d) N)`
    /// (matplotlib's) and `xa'` this loop's f64 value, both are within `3u` relative of
    /// `a N / d` (u = 2^-53), and `xa32` within `2^-24 |xa'|` of `xa'`, so `|xa32 - xa|
    /// < tol32` wherever `|xa32| < N + 1/2`. A value at least `tol32` from every whole
    /// number is then on the same side of each as `xa`, and not equal to `N`: the same
    /// floor, clamp and position. At or beyond `N + 1/2` both clamp to `N` (over), at or
    /// below `-1/2` both floor to `-1` (under: their floors, or their clamps at `-1`);
    /// values past f32's range become ±inf, which clamp the same way; NaN stays NaN (bad).
    #[inline(always)]
    fn positions_f32(&self, xs: &[f64], idx: &mut [u32]) -> bool {
        let (vmin, rn, nf, tol) = (self.exact.vmin, self.rn, self.nf32, self.tol32);
        let top = nf + 0.5;
        let mut near = false;
        // Two loops: the f64 one stores the f32 values (their bits, in `idx`), so that
        // the second runs in full f32 vectors (one loop ran its f32 half in f64's lane
        // count; a buffer of its own cost a memset a call).
        for (slot, x) in idx.iter_mut().zip(xs) {
            *slot = (((x - vmin) * rn) as f32).to_bits();
        }
        for slot in idx.iter_mut().take(xs.len()) {
            let xa = f32::from_bits(*slot);
            let whole = (xa + ROUNDER_F32) - ROUNDER_F32;
            near |= ((xa - whole).abs() < tol) & (xa > -0.5) & (xa < top);
            *slot = scaled_position_f32(xa, nf);
        }
        near
    }
}

impl BlockKernel<f64> for ReciprocalF64 {
    #[inline(always)]
    fn indices(&self, xs: &[f64], idx: &mut [u32]) {
        if self.nf32 > 0.0 && !self.positions_f32(xs, idx) {
            return;
        }
        if self.positions_f64(xs, idx) {
            self.exact.indices(xs, idx);
        }
    }
}

/// The LUT indices of contiguous, unmasked float data under plain `Normalize`, computed on
/// request ([`DirectIndices::fill`]); see the module docs.
pub(crate) struct DirectIndices<'a> {
    kind: Kind<'a>,
    n32: u32,
    /// The indices [`DirectIndices::fill`] looks for (`u32::MAX`: none).
    watch: [u32; 4],
}

impl<'a> DirectIndices<'a> {
    /// The indices of `data` under `norm` (autoscaled first where unset) for a colormap
    /// of `n` colours, when the dedicated loop applies: contiguous float64 or float32 data
    /// without a mask, plain `Normalize`. `None` otherwise (and on any error, which the
    /// index array's path then reports). [`DirectIndices::fill`] says whether it met one
    /// of the indices in `watch` (the table's transparent rows; `u32::MAX` pads).
    pub(crate) fn of(
        data: &ScalarData<'a>,
        norm: &Norm,
        n: usize,
        watch: [u32; 4],
    ) -> Option<Self> {
        let n32 = u32::try_from(n).ok().filter(|&n| n <= u32::MAX - 3)?;
        let norm = data.autoscaled(norm);
        norm.check_limits().ok()?;
        let prep = data.prepare(&norm).ok()??;
        let kind = match LinearKernel::of(data, Some(&prep), n)? {
            LinearKernel::F64(v, k) => match ReciprocalF64::of(k) {
                Ok(fast) => Kind::F64Fast(v.to_slice()?, fast),
                Err(k) => Kind::F64(v.to_slice()?, k),
            },
            LinearKernel::F32(v, k) => Kind::F32(v.to_slice()?, k),
        };
        Some(DirectIndices { kind, n32, watch })
    }

    /// The number of indices (the data's pixels).
    pub(crate) fn len(&self) -> usize {
        match &self.kind {
            Kind::F64(xs, _) | Kind::F64Fast(xs, _) => xs.len(),
            Kind::F32(xs, _) => xs.len(),
        }
    }

    /// The indices of pixels `start..start + out.len()` (row-major) into `out`; true when
    /// one of them is watched (see [`DirectIndices::of`]), looked for in the same pass.
    ///
    /// # Panics
    ///
    /// When that range passes the data's end (a bug of the caller).
    pub(crate) fn fill(&self, start: usize, out: &mut [u32]) -> bool {
        let (n32, watch) = (self.n32, self.watch);
        // One arm a dtype and index rule: `Fill` is generic over both.
        macro_rules! fill {
            ($xs:expr, $k:expr) => {
                cpu::vectorized(Fill {
                    kernel: $k,
                    xs: &$xs[start..start + out.len()],
                    n32,
                    watch,
                    out,
                })
            };
        }
        match &self.kind {
            Kind::F64(xs, k) => fill!(xs, k),
            Kind::F64Fast(xs, k) => fill!(xs, k),
            Kind::F32(xs, k) => fill!(xs, k),
        }
    }

    /// The index of pixel `i` (the same as [`DirectIndices::fill`]'s).
    ///
    /// # Panics
    ///
    /// When `i` is not below [`DirectIndices::len`].
    #[inline]
    pub(crate) fn get(&self, i: usize) -> u32 {
        // One value: the same loop, without the dispatch (the arithmetic does not depend
        // on the CPU path).
        let mut one = [0u32];
        match &self.kind {
            Kind::F64(xs, k) => k.indices(&xs[i..i + 1], &mut one),
            Kind::F64Fast(xs, k) => k.exact.indices(&xs[i..i + 1], &mut one),
            Kind::F32(xs, k) => k.indices(&xs[i..i + 1], &mut one),
        }
        index_of_position(one[0], self.n32)
    }

    /// A table of `by_index` (a row a LUT index, [`POSITION_TABLE`] rows) reordered by the
    /// index loop's *positions* (under, the colours, over, bad), for
    /// [`DirectIndices::extend_colours`].
    pub(crate) fn by_position<C: Copy>(
        &self,
        by_index: &[C; POSITION_TABLE],
    ) -> [C; POSITION_TABLE] {
        std::array::from_fn(|p| {
            by_index[index_of_position(p as u32, self.n32) as usize & (POSITION_TABLE - 1)]
        })
    }

    /// Appends to `out` the rows of `table` (made by [`DirectIndices::by_position`]) of the
    /// indices of pixels `start..start + len`: [`DirectIndices::fill`] and a lookup in one
    /// pass, without the indices written and read back (each block of positions is looked
    /// up while it is in registers or L1), and their positions to `positions` when given
    /// (rows of `table`). True when one of them is watched (then `out` holds them all the
    /// same).
    ///
    /// # Panics
    ///
    /// When that range passes the data's end (a bug of the caller).
    pub(crate) fn extend_colours<C: Copy>(
        &self,
        start: usize,
        len: usize,
        table: &[C; POSITION_TABLE],
        out: &mut Vec<C>,
        positions: Option<&mut Vec<u16>>,
    ) -> bool {
        let n = self.n32 as usize;
        // The watched indices as positions (`u32::MAX` stays out of reach).
        let watch = self
            .watch
            .map(|i| u32::try_from(position(i as usize, n)).unwrap_or(u32::MAX));
        macro_rules! fill {
            ($xs:expr, $k:expr) => {
                cpu::vectorized(ExtendColours {
                    kernel: $k,
                    xs: &$xs[start..start + len],
                    watch,
                    table,
                    out,
                    positions,
                })
            };
        }
        match &self.kind {
            Kind::F64(xs, k) => fill!(xs, k),
            Kind::F64Fast(xs, k) => fill!(xs, k),
            Kind::F32(xs, k) => fill!(xs, k),
        }
    }
}

/// Rows of the tables [`DirectIndices::by_position`] makes: a power of two above any
/// position (`N + 2` with `N` at most 256 + 3 colours), so that a position masked with
/// `POSITION_TABLE - 1` (unchanged) needs no bounds check.
pub(crate) const POSITION_TABLE: usize = 512;

/// [`DirectIndices::extend_colours`] as a [`cpu::Kernel`].
struct ExtendColours<'a, T, K, C> {
    kernel: &'a K,
    xs: &'a [T],
    /// Watched positions.
    watch: [u32; 4],
    table: &'a [C; POSITION_TABLE],
    out: &'a mut Vec<C>,
    /// Where the positions go too, when given.
    positions: Option<&'a mut Vec<u16>>,
}

impl<T: Copy + Default, K: BlockKernel<T>, C: Copy> cpu::Kernel for ExtendColours<'_, T, K, C> {
    type Output = bool;
    #[inline(always)]
    fn run(mut self) -> bool {
        let [a, b, c, d] = self.watch;
        let mut hit = false;
        let mut block = [0u32; BLOCK];
        for xs in self.xs.chunks(BLOCK) {
            let pos = &mut block[..xs.len()];
            self.kernel.indices(xs, pos);
            for &p in pos.iter() {
                hit |= (p == a) | (p == b) | (p == c) | (p == d);
            }
            let table = self.table;
            self.out.extend(
                pos.iter()
                    .map(|&p| table[p as usize & (POSITION_TABLE - 1)]),
            );
            if let Some(out) = self.positions.as_deref_mut() {
                // Positions are below POSITION_TABLE (512).
                out.extend(
                    pos.iter()
                        .map(|&p| (p & (POSITION_TABLE as u32 - 1)) as u16),
                );
            }
        }
        hit
    }
}

/// [`DirectIndices::fill`] as a [`cpu::Kernel`]: positions a block at a time, then indices.
struct Fill<'a, T, K> {
    kernel: &'a K,
    xs: &'a [T],
    n32: u32,
    watch: [u32; 4],
    out: &'a mut [u32],
}

impl<T: Copy + Default, K: BlockKernel<T>> cpu::Kernel for Fill<'_, T, K> {
    type Output = bool;
    #[inline(always)]
    fn run(self) -> bool {
        let [a, b, c, d] = self.watch;
        let mut hit = false;
        for (xs, out) in self.xs.chunks(BLOCK).zip(self.out.chunks_mut(BLOCK)) {
            self.kernel.indices(xs, out);
            for o in out.iter_mut() {
                let i = index_of_position(*o, self.n32);
                hit |= (i == a) | (i == b) | (i == c) | (i == d);
                *o = i;
            }
        }
        hit
    }
}

#[cfg(test)]
mod tests {
    use super::super::{lut_indices, AsScalarData};
    use super::*;
    use ndarray::Array2;

    /// The reciprocal's claim ([`ReciprocalF64`]): a value its check lets through has the
    /// division's index, at and around every colour boundary (up to 64 ulps either side
    /// of `vmin + d k / N`), at random values and at the limits; and whole blocks give the
    /// division's indices.
    #[test]
    fn reciprocal_matches_the_division() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        let limits = [
            (0.0, 1.0, 256usize),
            (-0.7, 1.8, 256),
            (0.1, 0.3, 7),
            (3.0, 3.0 + 1e-9, 256),
            (-1e10, 3e10, 1000),
            (1e-300, 3e-300, 256),
            (-5.5, 123.25, 3),
        ];
        let mut checked = 0;
        for (vmin, vmax, n) in limits {
            let d = vmax - vmin;
            let nf = n as f64;
            let exact = LinearF64 { vmin, d, nf };
            let fast = ReciprocalF64::of(LinearF64 { vmin, d, nf }).ok().unwrap();
            let mut xs = vec![vmin, vmax, f64::NAN, f64::INFINITY, -f64::INFINITY, -0.0];
            for k in -2..=(n as i64 + 2) {
                let mut up = vmin + d * k as f64 / nf;
                let mut down = up;
                for _ in 0..64 {
                    xs.extend([up, down]);
                    up = up.next_up();
                    down = down.next_down();
                }
            }
            xs.extend((0..20_000).map(|_| vmin + d * (next() * 1.4 - 0.2)));
            // Around the f32 loop's tolerance either side of every boundary and of ±1/2
            // and N + 1/2 (fractions of it to a few times it).
            let tol32 = f64::from(fast.tol32);
            for k in -2..=(n as i64 + 2) {
                for edge in [k as f64, k as f64 - 0.5] {
                    for f in [0.5, 0.9, 0.99, 0.999, 1.0, 1.001, 1.01, 1.1, 2.0, 4.0] {
                        for sign in [-1.0, 1.0] {
                            xs.push(vmin + d * (edge + sign * f * tol32) / nf);
                        }
                    }
                }
            }
            let (mut checked_f32, mut near_f32) = (0, 0);
            for &x in &xs {
                let mut want = [0u32];
                exact.indices(&[x], &mut want);
                let xa = (x - vmin) * fast.r * nf;
                let whole = (xa + ROUNDER) - ROUNDER;
                let near = ((xa - whole).abs() < fast.tol) & (xa > -0.5) & (xa < nf + 0.5);
                if !near {
                    assert_eq!(
                        scaled_position(xa, nf),
                        want[0],
                        "x = {x:e}, {vmin}..{vmax}"
                    );
                    checked += 1;
                }
                let mut got = [0u32];
                if fast.positions_f32(&[x], &mut got) {
                    near_f32 += 1;
                } else {
                    assert_eq!(got[0], want[0], "f32: x = {x:e}, {vmin}..{vmax}");
                    checked_f32 += 1;
                }
            }
            // The f32 check lets most values through (all but the ones near a boundary on
            // purpose), and stops few of the random ones.
            assert!(fast.nf32 > 0.0);
            assert!(checked_f32 > 15_000, "{checked_f32} through the f32 check");
            assert!(near_f32 > 0, "no value stopped by the f32 check");
            let random: Vec<f64> = (0..20_000).map(|_| vmin + d * next()).collect();
            let mut idx = [0u32; 1];
            let stopped = random
                .iter()
                .filter(|&&x| fast.positions_f32(&[x], &mut idx))
                .count();
            assert!(stopped < 100, "{stopped} of 20,000 random values stopped");
            for block in xs.chunks(BLOCK) {
                let (mut want, mut got) = (vec![0u32; block.len()], vec![0u32; block.len()]);
                exact.indices(block, &mut want);
                fast.indices(block, &mut got);
                assert_eq!(got, want, "{vmin}..{vmax}");
            }
        }
        assert!(checked > 100_000, "{checked} values through the fast check");
    }

    /// The same indices as the index array's path ([`lut_indices`]), for float64 and
    /// float32 data with values under, inside and over the limits, ±inf and NaN, autoscaled
    /// or with fixed limits, through `fill` (any start and length) and `get`.
    #[test]
    fn direct_indices_match_lut_indices() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        let mut v64 = Array2::from_shape_fn((67, 129), |_| next() * 3.0 - 1.0);
        v64[(3, 5)] = f64::NAN;
        v64[(10, 0)] = f64::INFINITY;
        v64[(11, 7)] = f64::NEG_INFINITY;
        v64[(12, 8)] = 0.25;
        let v32 = v64.mapv(|x| x as f32);
        let norms = [
            Norm::linear(),
            Norm::linear().with_limits(Some(0.0), Some(1.0)),
        ];
        for n in [256usize, 7, 1] {
            for norm in &norms {
                for data in [v64.as_scalar_data(), v32.as_scalar_data()] {
                    let want = lut_indices(&data, norm, n).unwrap();
                    let want = want.as_slice().unwrap();
                    // Bad (NaN) watched: at pixel 3 * 129 + 5 only.
                    let watch = [n as u32 + 2, u32::MAX, u32::MAX, u32::MAX];
                    let direct = DirectIndices::of(&data, norm, n, watch).unwrap();
                    assert_eq!(direct.len(), want.len());
                    let mut got = vec![0u32; want.len()];
                    assert!(direct.fill(0, &mut got));
                    assert_eq!(got, want);
                    let mut part = vec![0u32; 1000];
                    assert!(!direct.fill(3 * 129 + 6, &mut part));
                    assert_eq!(part, want[3 * 129 + 6..3 * 129 + 1006]);
                    for i in [0, 1, 3 * 129 + 5, 10 * 129, want.len() - 1] {
                        assert_eq!(direct.get(i), want[i], "pixel {i}");
                    }
                }
            }
        }
    }
}
