//! Large float64 colour mapping near the memory floor (issue 21): `colormap_rgba8` of
//! contiguous float64 data under plain `Normalize`, from [`LARGE_MIN_PIXELS`] on.
//!
//! The floor of that job is one read of the input and one write of a fresh output (whose
//! pages the kernel faults in and zeroes on their first write). Autoscaling needs a second
//! read: the limits must be known before the first value is mapped. Three things bring the
//! two reads close to the floor:
//!
//! - the autoscale pass faults the output's pages in as it goes (one store a 4 KiB page),
//!   so the kernel's zeroing overlaps a pass that only reads, instead of the mapping pass,
//!   and reads two streams a thread ([`min_max`]);
//! - with AVX-512 VBMI the mapping looks colours up by byte permutes over the colormap's
//!   four byte planes ([`cpu::Vbmi::rgba8_blocks`]): a gather of 16 words cost more than
//!   the rest of the pixel's work and kept the pass compute-bound (0.8 against 0.4 ns a
//!   value in L1, one Zen 4 core);
//! - outputs from [`STREAM_MIN_BYTES`] (larger than the last-level cache) are written by
//!   non-temporal stores: their lines are not read for ownership first.
//!
//! The arithmetic is the dedicated loop's ([`LinearF64`], [`super::scaled_position`]):
//! values the byte permutes do not cover (under, over, NaN) take the scalar word, so the
//! bytes are the same on every path.

use rayon::prelude::*;

use super::{
    finite_min_max_f64, scaled_position, write_block, Indexer, LinearF64, LinearKernel, ScalarData,
    SinkBlock, Values, WordLut, BLOCK, TASK_PIXELS,
};
use crate::color::norm::{DataStats, Norm, NormKind};
use crate::color::Colormap;
use crate::cpu::{self, Kernel};
use crate::Result;

/// Pixels from which [`colormap_rgba8_fresh`] and [`map_f64`] apply.
pub(super) const LARGE_MIN_PIXELS: usize = 1 << 20;

/// Output bytes from which the mapping streams its stores (the L3 of the machines measured
/// holds 32 MiB: a larger output cannot stay in the cache for its reader anyway).
const STREAM_MIN_BYTES: usize = 32 << 20;

/// Bytes between the stores that fault the output in during the autoscale pass.
const PAGE_BYTES: usize = 4096;

/// The contiguous float64 values of `data` when this route may take it: no mask, not
/// float16, plain `Normalize`, at least [`LARGE_MIN_PIXELS`].
fn plain_f64<'a>(data: &ScalarData<'a>, norm: &Norm) -> Option<&'a [f64]> {
    if data.mask.is_some() || data.half || !matches!(norm.kind(), NormKind::Linear) {
        return None;
    }
    match &data.values {
        Values::F64(v) => v.to_slice().filter(|xs| xs.len() >= LARGE_MIN_PIXELS),
        _ => None,
    }
}

/// `colormap_rgba8` into a fresh array for the data this route takes (`None` otherwise):
/// the autoscale pass faults the zeroed output in, then [`map_f64`] (or the general
/// loop, for limits the dedicated loop does not take) fills it.
pub(super) fn colormap_rgba8_fresh(
    data: &ScalarData<'_>,
    norm: &Norm,
    cmap: &Colormap,
    table: &WordLut,
) -> Option<Result<Vec<u8>>> {
    let xs = plain_f64(data, norm)?;
    let n = cmap.n();
    Some((|| {
        let mut out = cpu::zeroed_vec::<u8>(4 * xs.len(), "the colour-mapped pixels")?;
        let norm = if norm.scaled() {
            norm.clone()
        } else {
            let (lo, hi) = min_max(xs, Some(&mut out));
            data.autoscaled_with(norm, || DataStats::f64_min_max(lo, hi))
        };
        let prep = data.prepare(&norm)?;
        let ix = Indexer {
            prep: prep.as_ref(),
            n,
            nan_index: n + 2,
        };
        super::fill_rgba8(data, &ix, table, &mut out);
        Ok(out)
    })())
}

/// Values of each of a task's two streams in [`min_max`].
const STREAM_PIXELS: usize = TASK_PIXELS / 2;

/// Values a stream reads before the task turns to its other stream.
const SWITCH_PIXELS: usize = 8192;

/// The finite min and max of `xs` (`(inf, -inf)` when none), in parallel. Each task reads
/// two streams, one in each half of the data, 64 KiB in turn: a thread then keeps more
/// reads from memory in flight than with one stream (a Zen 4 under load, 2 threads: 6.0-6.4
/// against 8.5-8.7 ms of CPU for 128 MiB; four streams gave no more). With `out` (zeroed,
/// untouched memory of `4 * xs.len()` bytes), a zero is stored into every [`PAGE_BYTES`] of
/// it beside the values read, so that its page faults (the kernel's zeroing) come during
/// this pass, which only reads, instead of the pass that writes it.
pub(super) fn min_max(xs: &[f64], out: Option<&mut [u8]>) -> (f64, f64) {
    let body = xs.len() / (2 * STREAM_PIXELS) * (2 * STREAM_PIXELS);
    let (a, b) = xs[..body].split_at(body / 2);
    let merge = |p: (f64, f64), q: (f64, f64)| (p.0.min(q.0), p.1.max(q.1));
    let none = || (f64::INFINITY, f64::NEG_INFINITY);
    let pairs = match out {
        Some(out) if out.len() == 4 * xs.len() => {
            let (body_out, tail_out) = out.split_at_mut(4 * body);
            fault(tail_out);
            let (oa, ob) = body_out.split_at_mut(2 * body);
            a.par_chunks(STREAM_PIXELS)
                .zip(b.par_chunks(STREAM_PIXELS))
                .zip(
                    oa.par_chunks_mut(4 * STREAM_PIXELS)
                        .zip(ob.par_chunks_mut(4 * STREAM_PIXELS)),
                )
                .map(|((x, y), (p, q))| {
                    fault(p);
                    fault(q);
                    two_streams(x, y)
                })
                .reduce(none, merge)
        }
        _ => a
            .par_chunks(STREAM_PIXELS)
            .zip(b.par_chunks(STREAM_PIXELS))
            .map(|(x, y)| two_streams(x, y))
            .reduce(none, merge),
    };
    merge(pairs, part_min_max(&xs[body..]))
}

/// Stores a zero into every [`PAGE_BYTES`] of `out` (zeroed memory): faults it in.
fn fault(out: &mut [u8]) {
    for b in out.iter_mut().step_by(PAGE_BYTES) {
        // The value is zero already; `black_box` keeps the store.
        *b = std::hint::black_box(0);
    }
}

/// The finite min and max of `x` and `y`, [`SWITCH_PIXELS`] of each in turn.
fn two_streams(x: &[f64], y: &[f64]) -> (f64, f64) {
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    for (u, v) in x.chunks(SWITCH_PIXELS).zip(y.chunks(SWITCH_PIXELS)) {
        for part in [u, v] {
            let (l, h) = part_min_max(part);
            lo = lo.min(l);
            hi = hi.max(h);
        }
    }
    (lo, hi)
}

/// [`finite_min_max_f64`] as a [`cpu::Kernel`].
struct MinMax<'a>(&'a [f64]);

impl Kernel for MinMax<'_> {
    type Output = (f64, f64);
    #[inline(always)]
    fn run(self) -> (f64, f64) {
        finite_min_max_f64(self.0)
    }
}

/// [`finite_min_max_f64`] of `xs`: on the baseline path by float comparisons (the integer
/// keys need 64-bit compares SSE2 lacks: twice as fast), then a zero limit given the sign
/// the keys give it (`-0` below `+0`): the min is `-0` where any value is `-0`, the max
/// `+0` where any is `+0`.
fn part_min_max(xs: &[f64]) -> (f64, f64) {
    if cpu::baseline() {
        float_min_max(xs)
    } else {
        cpu::vectorized(MinMax(xs))
    }
}

/// [`part_min_max`]'s baseline way, on any path.
fn float_min_max(xs: &[f64]) -> (f64, f64) {
    let (mut lo, mut hi) = cpu::float_min_max_f64(xs);
    let has = |zero: f64| xs.iter().any(|x| x.to_bits() == zero.to_bits());
    if lo == 0.0 {
        lo = if has(-0.0) { -0.0 } else { 0.0 };
    }
    if hi == 0.0 {
        hi = if has(0.0) { 0.0 } else { -0.0 };
    }
    (lo, hi)
}

/// The RGBA8 words of large contiguous float64 data ([`plain_f64`]'s size) into `out` by
/// the dedicated loop of plain `Normalize`, in parallel, with the byte-permute lookup where
/// the CPU has it and the colormap has at most 256 colours. False (nothing written) when
/// the dedicated loop does not apply.
pub(super) fn map_f64(
    data: &ScalarData<'_>,
    ix: &Indexer<'_>,
    table: &WordLut,
    out: &mut [u8],
) -> bool {
    let n = ix.n;
    let Some(LinearKernel::F64(v, kernel)) = LinearKernel::of(data, ix.prep, n) else {
        return false;
    };
    let Some(xs) = v.to_slice().filter(|xs| xs.len() >= LARGE_MIN_PIXELS) else {
        return false;
    };
    if out.len() != 4 * xs.len() {
        return false;
    }
    let vbmi = if n <= 256 { cpu::Vbmi::detect() } else { None };
    let planes = vbmi.map(|_| planes(table, n));
    let stream = out.len() >= STREAM_MIN_BYTES;
    xs.par_chunks(TASK_PIXELS)
        .zip(out.par_chunks_mut(4 * TASK_PIXELS))
        .for_each(|(x, o)| {
            let lookup = match (vbmi, &planes) {
                (Some(vbmi), Some(planes)) => Lookup::Vbmi(vbmi, planes),
                _ if cfg!(target_arch = "x86_64") => Lookup::Words,
                _ => Lookup::Blocks,
            };
            map_task(lookup, &kernel, table, x, o, stream);
        });
    true
}

/// How [`map_task`] looks the colours of its whole blocks up.
#[derive(Clone, Copy)]
enum Lookup<'a> {
    /// Byte permutes ([`cpu::Vbmi::rgba8_blocks`]).
    Vbmi(cpu::Vbmi, &'a cpu::BytePlanes),
    /// Vector positions, scalar word loads ([`cpu::rgba8_words`]).
    Words,
    /// The dedicated loop ([`Blocks`]) throughout.
    Blocks,
}

/// One task's values: the values before the first 64-byte boundary of the output and
/// after the last whole block by the dedicated loop, the blocks between by `lookup`.
fn map_task(
    lookup: Lookup<'_>,
    kernel: &LinearF64,
    table: &WordLut,
    x: &[f64],
    o: &mut [u8],
    stream: bool,
) {
    let block = match lookup {
        Lookup::Vbmi(..) => cpu::VBMI_BLOCK,
        Lookup::Words => cpu::WORD_BLOCK,
        Lookup::Blocks => {
            cpu::vectorized(Blocks {
                kernel,
                table,
                xs: x,
                out: o,
            });
            return;
        }
    };
    let addr = o.as_ptr() as usize;
    let head = if addr.is_multiple_of(4) {
        ((64 - addr % 64) % 64 / 4).min(x.len())
    } else {
        0
    };
    let body = (x.len() - head) / block * block;
    let (x_head, rest) = x.split_at(head);
    let (x_body, x_tail) = rest.split_at(body);
    let (o_head, rest) = o.split_at_mut(4 * head);
    let (o_body, o_tail) = rest.split_at_mut(4 * body);
    for (xs, out) in [(x_head, o_head), (x_tail, o_tail)] {
        cpu::vectorized(Blocks {
            kernel,
            table,
            xs,
            out,
        });
    }
    let map = cpu::LinearMap {
        vmin: kernel.vmin,
        d: kernel.d,
        nf: kernel.nf,
    };
    let lut = table.as_slice();
    let Lookup::Vbmi(vbmi, planes) = lookup else {
        cpu::rgba8_words(map, table.padded(), x_body, o_body, stream);
        return;
    };
    let mut fix = |first: usize, mut mask: u64, words: &mut [u32; cpu::VBMI_BLOCK]| {
        while mask != 0 {
            let j = mask.trailing_zeros() as usize;
            mask &= mask - 1;
            if let (Some(w), Some(&x)) = (words.get_mut(j), x_body.get(first + j)) {
                let p = scaled_position((x - kernel.vmin) / kernel.d * kernel.nf, kernel.nf);
                *w = lut.get(p as usize).copied().unwrap_or(0);
            }
        }
    };
    vbmi.rgba8_blocks(map, planes, x_body, o_body, stream, &mut fix);
}

/// The colours `0..n` of `table` (its positions `1..=n`) as byte planes.
fn planes(table: &WordLut, n: usize) -> cpu::BytePlanes {
    let mut planes = cpu::BytePlanes([[0; 256]; 4]);
    for (i, word) in table.as_slice().iter().skip(1).take(n.min(256)).enumerate() {
        for (plane, byte) in planes.0.iter_mut().zip(word.to_ne_bytes()) {
            plane[i] = byte;
        }
    }
    planes
}

/// The dedicated loop over a run of values, [`BLOCK`] at a time, as a [`cpu::Kernel`].
struct Blocks<'a> {
    kernel: &'a LinearF64,
    table: &'a WordLut,
    xs: &'a [f64],
    out: &'a mut [u8],
}

impl Kernel for Blocks<'_> {
    type Output = ();
    #[inline(always)]
    fn run(self) {
        let sink = |pos: &[u32], o: &mut [u8]| write_block(pos, self.table, o);
        for (xs, out) in self.xs.chunks(BLOCK).zip(self.out.chunks_mut(4 * BLOCK)) {
            SinkBlock {
                kernel: self.kernel,
                xs,
                sink: &sink,
                out,
            }
            .run();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::color::{colormap_rgba8, colormap_rgba8_into_slice, lut_indices};
    use ndarray::Array2;
    use proptest::prelude::*;

    /// Special values first, then pseudo-random ones around `[lo, hi]`.
    fn values(len: usize, seed: u64, lo: f64, hi: f64, specials: bool) -> Vec<f64> {
        let mut state = seed | 1;
        let sp = [
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.0,
            -0.0,
            f64::MIN_POSITIVE / 4.0,
            -f64::MIN_POSITIVE / 3.0,
            5e-324,
        ];
        (0..len)
            .map(|i| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                if specials && (state >> 58) == 0 {
                    return sp[i % sp.len()];
                }
                lo + (hi - lo) * ((state >> 11) as f64 / (1u64 << 53) as f64)
            })
            .collect()
    }

    /// The words by the general per-value index rule (`lut_indices` of small pieces,
    /// which never take this route) and the truncated byte LUT.
    fn reference(xs: &[f64], norm: &Norm, cmap: &Colormap) -> Vec<u8> {
        let lut = cmap.lut_rgba8_trunc();
        let mut out = Vec::with_capacity(4 * xs.len());
        for piece in xs.chunks(1 << 12) {
            let a = Array2::from_shape_vec((1, piece.len()), piece.to_vec()).unwrap();
            for &i in lut_indices(&a, norm, cmap.n()).unwrap().iter() {
                out.extend_from_slice(&lut[i as usize]);
            }
        }
        out
    }

    fn check(xs: Vec<f64>, rows: usize, norm: Norm, cmap: &Colormap) {
        let cols = xs.len() / rows;
        let a = Array2::from_shape_vec((rows, cols), xs).unwrap();
        let d = ScalarData::new(a.view());
        let scaled = d.autoscaled(&norm);
        let want = reference(a.as_slice().unwrap(), &scaled, cmap);
        let got = colormap_rgba8(&a, &norm, cmap).unwrap();
        assert!(got.as_slice().unwrap() == &want[..], "fresh output differs");
        // Into a buffer at every alignment of its start.
        let mut buf = vec![0u8; want.len() + 7];
        for off in [0, 1, 4, 7] {
            let s = &mut buf[off..off + want.len()];
            colormap_rgba8_into_slice(&a, &norm, cmap, s).unwrap();
            assert!(s == &want[..], "into a buffer at offset {off} differs");
        }
    }

    fn value() -> impl Strategy<Value = f64> {
        prop_oneof![
            8 => -1.5..2.5f64,
            1 => Just(0.0),
            1 => Just(-0.0),
            1 => Just(f64::NAN),
            1 => Just(f64::INFINITY),
            1 => Just(f64::NEG_INFINITY),
            2 => (0u32..=256).prop_map(|k| f64::from(k) / 256.0),
            1 => any::<u64>().prop_map(f64::from_bits),
            1 => -1e-300..1e-300f64,
        ]
    }

    proptest! {
        /// The byte-permute blocks and the vector-position blocks (each with the dedicated
        /// loop's head and tail) write the dedicated loop's words, at any length, output
        /// alignment and colormap size; the vector positions on every path the CPU has.
        #[test]
        fn block_lookups_match_the_dedicated_loop(
            xs in prop::collection::vec(value(), 0..400),
            (vmin, vmax) in prop_oneof![
                Just((0.0, 1.0)),
                Just((-0.5, 2.0)),
                (-1.0..1.0f64, 1.0..2.0f64),
                Just((1e-310, 3e-310)),
                Just((-1e300, 1e300)),
            ],
            n in prop_oneof![
                Just(256usize), Just(255), Just(100), Just(10), Just(1), Just(257), Just(70_000)
            ],
            offset in 0usize..8,
            stream in any::<bool>(),
        ) {
            let colors = ["#440154", "#21918c", "#fde725", "#ff000080"]
                .map(|c| c.parse::<crate::Color>().unwrap());
            let cmap = Colormap::from_list("test", &colors, n).unwrap();
            let table = WordLut::new(&cmap);
            let kernel = LinearF64 { vmin, d: vmax - vmin, nf: n as f64 };
            let mut want = vec![0u8; 4 * xs.len()];
            cpu::vectorized(Blocks { kernel: &kernel, table: &table, xs: &xs, out: &mut want });
            let mut buf = vec![0u8; 4 * xs.len() + 80];
            let start = (64 - buf.as_ptr() as usize % 64) % 64 + offset;
            let out = &mut buf[start..start + 4 * xs.len()];
            let planes = planes(&table, n);
            let vbmi = cpu::Vbmi::detect().filter(|_| n <= 256);
            if let Some(vbmi) = vbmi {
                out.fill(0);
                map_task(Lookup::Vbmi(vbmi, &planes), &kernel, &table, &xs, out, stream);
                prop_assert!(out == &want[..], "byte permutes");
            }
            if cfg!(target_arch = "x86_64") {
                out.fill(0);
                map_task(Lookup::Words, &kernel, &table, &xs, out, stream);
                prop_assert!(out == &want[..], "vector positions");
                let map = cpu::LinearMap { vmin, d: vmax - vmin, nf: n as f64 };
                let body = xs.len() / cpu::WORD_BLOCK * cpu::WORD_BLOCK;
                for path in cpu::rgba8_words_paths() {
                    for t in [table.as_slice(), table.padded()] {
                        out.fill(0);
                        let o = &mut out[..4 * body];
                        cpu::rgba8_words_on(path, map, t, &xs[..body], o, stream);
                        prop_assert!(o == &want[..4 * body], "vector positions, {:?}", path);
                    }
                }
            }
        }
    }

    /// The byte-permute blocks (colour by the rounded-down conversion and an unsigned range
    /// test) write the dedicated loop's words at and up to 64 ulps around every colour
    /// boundary (`xa == nf` included), for limit pairs of several scales and colormap sizes.
    #[test]
    fn vbmi_blocks_match_the_dedicated_loop_at_the_edges() {
        let Some(vbmi) = cpu::Vbmi::detect() else {
            return;
        };
        let colors = ["#440154", "#21918c", "#fde725", "#ff000080"]
            .map(|c| c.parse::<crate::Color>().unwrap());
        for (vmin, vmax) in [
            (0.0, 1.0),
            (-0.5, 2.0),
            (0.1, 0.7),
            (-3.7, 1e3),
            (1e-300, 3e-300),
            (-1e300, 1e300),
            (12345.678, 12345.679),
        ] {
            for n in [256usize, 255, 100, 10, 1] {
                let cmap = Colormap::from_list("test", &colors, n).unwrap();
                let table = WordLut::new(&cmap);
                let d = vmax - vmin;
                let kernel = LinearF64 {
                    vmin,
                    d,
                    nf: n as f64,
                };
                let mut xs = Vec::new();
                for k in 0..=n + 1 {
                    let edge = vmin + d * (k as f64 / n as f64);
                    let mut up = edge;
                    let mut down = edge;
                    xs.push(edge);
                    for _ in 0..64 {
                        up = up.next_up();
                        down = down.next_down();
                        xs.extend([up, down]);
                    }
                    xs.push(vmin + d * ((k as f64 + 0.37) / n as f64));
                }
                xs.resize(xs.len().next_multiple_of(cpu::VBMI_BLOCK), vmin);
                let mut want = vec![0u8; 4 * xs.len()];
                cpu::vectorized(Blocks {
                    kernel: &kernel,
                    table: &table,
                    xs: &xs,
                    out: &mut want,
                });
                let planes = planes(&table, n);
                let mut got = vec![0u8; 4 * xs.len()];
                map_task(
                    Lookup::Vbmi(vbmi, &planes),
                    &kernel,
                    &table,
                    &xs,
                    &mut got,
                    false,
                );
                assert!(got == want, "limits ({vmin}, {vmax}), {n} colours");
            }
        }
    }

    /// The two-stream min/max equals the one-pass one at lengths around its task sizes,
    /// with the extremes in the body and in the tail, and leaves the output zero.
    #[test]
    fn two_stream_min_max_matches_one_pass() {
        for len in [
            0,
            1,
            2 * STREAM_PIXELS - 1,
            2 * STREAM_PIXELS,
            6 * STREAM_PIXELS + 5,
        ] {
            for (seed, at) in [(7, 0), (8, len / 2), (9, len.saturating_sub(1))] {
                let mut xs = values(len, seed, -1.0, 1.0, true);
                if let Some(x) = xs.get_mut(at) {
                    *x = 3.5;
                }
                let want = finite_min_max_f64(&xs);
                assert_eq!(min_max(&xs, None), want, "len {len}");
                let mut out = vec![0u8; 4 * len];
                assert_eq!(min_max(&xs, Some(&mut out)), want, "len {len}");
                assert!(out.iter().all(|&b| b == 0));
            }
        }
    }

    /// The float min/max with its zero rule gives the integer keys' limits, bit for bit,
    /// with signed zeros at either end, NaN and infinities, at odd lengths.
    #[test]
    fn float_min_max_matches_the_keys() {
        let same_limits = |xs: &[f64]| {
            let (a, b) = float_min_max(xs);
            let (c, d) = finite_min_max_f64(xs);
            assert_eq!(
                (a.to_bits(), b.to_bits()),
                (c.to_bits(), d.to_bits()),
                "{xs:?}"
            );
        };
        let zeros = [0.0, -0.0];
        for len in [0, 1, 7, 8, 9, 100, 1001] {
            for seed in 0..12u64 {
                let mut xs = values(len, seed + 20, -1.0, 1.0, true);
                for (i, x) in xs.iter_mut().enumerate() {
                    match seed % 4 {
                        // Non-negative with zeros of both signs, or of one sign only.
                        0 => *x = x.abs() * f64::from(u8::from(i % 3 != 0)),
                        1 => *x = if i % 5 == 0 { zeros[i % 2] } else { x.abs() },
                        2 => *x = if i % 4 == 0 { -0.0 } else { -x.abs() },
                        _ => {}
                    }
                }
                same_limits(&xs);
            }
        }
        for xs in [
            vec![-0.0; 9],
            vec![0.0; 9],
            vec![f64::NAN, -0.0, 0.0, f64::INFINITY],
        ] {
            same_limits(&xs);
        }
    }

    #[test]
    fn large_f64_matches_the_index_rule() {
        let viridis = Colormap::named("viridis").unwrap();
        let tab10 = Colormap::named("tab10").unwrap();
        let len = LARGE_MIN_PIXELS + 4099; // odd rows, whole blocks and a tail
        check(values(len, 1, -0.2, 1.2, true), 1, Norm::linear(), &viridis);
        check(values(len, 2, -3.0, 5.0, true), 1, Norm::linear(), &tab10);
        check(
            values(len, 3, -0.5, 1.5, true),
            1,
            Norm::linear().with_limits(Some(0.0), Some(1.0)),
            &viridis,
        );
        check(
            values(len - 3, 4, 1e300, 1.5e300, false),
            1,
            Norm::linear(),
            &viridis,
        );
        check(
            values(len, 5, -1e-310, 1e-310, false),
            1,
            Norm::linear(),
            &viridis,
        );
        // Constant data (vmin == vmax: matplotlib's middle of nothing) and one with NaN.
        let mut flat = vec![0.25; LARGE_MIN_PIXELS + 1];
        check(flat.clone(), 1, Norm::linear(), &viridis);
        flat[17] = f64::NAN;
        check(flat, 1, Norm::linear(), &viridis);
        // No finite value at all.
        check(
            vec![f64::NAN; LARGE_MIN_PIXELS],
            1024,
            Norm::linear(),
            &viridis,
        );
        // Values on the colour edges exactly.
        let edges: Vec<f64> = (0..LARGE_MIN_PIXELS + 64)
            .map(|i| (i % 257) as f64 / 256.0)
            .collect();
        check(edges, 1, Norm::linear(), &viridis);
    }
}
