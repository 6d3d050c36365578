//! LUT indices computed where they are read, without an index array (issue 21): the
//! narrow filter's colour tiles of a large image take each source row's indices straight
//! from the data, so a 4096² float64 figure neither writes nor reads 64 MiB of indices.
//! The arithmetic is [`super::lut_indices`]'s dedicated loop (plain `Normalize`, float64 or
//! float32, no mask), so the indices are the same.

use super::{
    index_of_position, BlockKernel, LinearF32, LinearF64, LinearKernel, ScalarData, BLOCK,
};
use crate::color::Norm;
use crate::cpu;

/// The contiguous data of one image and its dedicated index loop.
enum Kind<'a> {
    F64(&'a [f64], LinearF64),
    F32(&'a [f32], LinearF32),
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
            LinearKernel::F64(v, k) => Kind::F64(v.to_slice()?, k),
            LinearKernel::F32(v, k) => Kind::F32(v.to_slice()?, k),
        };
        Some(DirectIndices { kind, n32, watch })
    }

    /// The number of indices (the data's pixels).
    pub(crate) fn len(&self) -> usize {
        match &self.kind {
            Kind::F64(xs, _) => xs.len(),
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
        match &self.kind {
            Kind::F64(xs, k) => cpu::vectorized(Fill {
                kernel: k,
                xs: &xs[start..start + out.len()],
                n32,
                watch,
                out,
            }),
            Kind::F32(xs, k) => cpu::vectorized(Fill {
                kernel: k,
                xs: &xs[start..start + out.len()],
                n32,
                watch,
                out,
            }),
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
            Kind::F32(xs, k) => k.indices(&xs[i..i + 1], &mut one),
        }
        index_of_position(one[0], self.n32)
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
