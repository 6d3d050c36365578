//! The crate's only `unsafe` code: measured speed-ups that safe Rust cannot express.
//! (Over 800 lines on purpose: keeping every `unsafe` item of the crate in one file, each
//! with its safety argument, is the rule this file exists for.)
//!
//! 1. **Runtime CPU dispatch** ([`vectorized`]). The crate is built for the baseline
//!    x86-64 (SSE2: two f64 lanes); the hot loops of colour mapping and resampling run
//!    1.3-1.6x faster compiled for AVX2 (four lanes), and faster again for AVX-512 (eight
//!    lanes, masks, gathers: see DESIGN.md). Calling a `#[target_feature]` function needs
//!    `unsafe`; it is sound once the CPU is known to support those features, which is
//!    checked right before. The arithmetic is the same IEEE arithmetic in wider registers
//!    (Rust never contracts `a * b + c` into a fused multiply-add), so the output is
//!    bit-identical on every path; the parity tests render every case on each of them
//!    (`FIGBUF_NO_AVX512=1` stops at AVX2, `FIGBUF_NO_AVX2=1` forces the baseline).
//! 2. **Huge pages for large fresh outputs** ([`zeroed_vec`]). A fresh 4096² RGBA8 output
//!    is 64 MiB; its first write costs 16,384 page faults of 4 KiB, about as long as the
//!    colour mapping itself. numpy asks Linux for transparent huge pages on such arrays
//!    (`madvise(MADV_HUGEPAGE)`), and so do we, on the untouched interior of the
//!    allocation. The call only changes how the kernel backs the range, never its
//!    contents. Measured (DESIGN.md): a map pass of 4096² f64 into a fresh 64 MiB output,
//!    36 ms without the advice, 15 ms with it.
//! 3. **AVX-512 tap sums of the narrow filter** ([`Avx512::tap_sums`]). The default
//!    figure's filter sums 3 x 3 colours a pixel; written as plain Rust, the compiler
//!    keeps one colour (four lanes) a register. Written with AVX-512 intrinsics, four
//!    colours share a register (one fused multiply-add a run of four column taps) and four
//!    pixels' sums are reduced together. The intrinsics' loads take raw pointers; every
//!    range is asserted once a pixel before them. The f32 sums differ from the other
//!    paths' in their last bits, but the narrow filter turns a sum into a byte only where
//!    its error bound decides the byte (any summation order, fused or not, stays inside
//!    it) and redoes the others in f64, so the bytes are the same on every path (the
//!    parity tests run on each). Measured (DESIGN.md): the default figure 1.09 -> 1.00 ms
//!    on two threads, 1.82 -> 1.56 ms on one (Intel Xeon); 0.80-0.87 -> 0.71-0.76 ms
//!    under criterion (AMD Zen 4). With AVX2 and FMA the same tiles are summed eight lanes
//!    a register ([`TapSimd`]) on images from a megapixel (indices straight from the
//!    data); smaller images keep the gathering kernel there.
//! 4. **Reading a file straight into a number array** ([`bytes_mut`]). A `.npy` of
//!    little-endian numbers is the array's memory as it is on this CPU: viewing a fresh
//!    `[f64]` (or `[i32]`, ...) as bytes lets `read_exact` fill the final array, where a
//!    64 KiB bounce buffer and an element-by-element copy made a second pass over it
//!    (see DESIGN.md for the CLI's whole-process time at 2048²).
//! 5. **Leaving a `.npy` in a map of its file** ([`FileMap`], `npy::map_image_data`).
//!    Reading 32 MB into fresh memory costs the kernel clearing 32 MB of new pages and
//!    copying the page cache into them, ~7 ms of the CLI's ~40 ms `imshow` at 2048² (and
//!    up to 3x that in minutes when other processes contend for memory); a read-only,
//!    private `mmap` of the file makes the page cache's pages the array's. `mmap` and
//!    `munmap` are C calls, and viewing the map as `[f64]` needs `from_raw_parts`; ranges
//!    and alignment are checked when a [`MappedSlice`] is made, and it keeps the map
//!    alive. The file must not change while it is mapped (the contract of
//!    `map_image_data`; the CLI turns the `SIGBUS` of a file cut short into an error).
//! 6. **Colour lookup by byte permutes, streamed stores** ([`Vbmi::rgba8_blocks`], issue
//!    21). Large float64 colour mapping looked each colour up with a 16-lane gather, which
//!    cost more than the rest of a value's work (Zen 4, one core, in L1: 0.8 against 0.4
//!    ns a value) and kept the pass above the memory floor; AVX-512 VBMI's `vpermi2b`
//!    looks 64 bytes up in a 128-byte table, so the four byte planes of a 256-colour map
//!    take eight of them for 64 values. Outputs larger than the cache are written by
//!    non-temporal stores (no read for ownership), fenced before the task ends.
//! 7. **Vector positions, scalar lookups** ([`rgba8_words`], [`float_min_max_f64`], issue
//!    21). Without VBMI (AVX2 CPUs, the baseline) the same mapping computed positions in
//!    plain Rust and let the compiler gather the words (AVX2) or stay scalar (SSE2 has no
//!    blend, rounding or 64-bit compare); intrinsics compute the positions four or two
//!    lanes at a time, the words come from scalar loads, large outputs are streamed. The
//!    baseline's autoscale pass compares floats in SSE2 registers.
//! 8. **A fresh canvas written by every thread** ([`rows_vec`], issue 21). Where a render
//!    waits for the canvas's first pass (its image is then resampled straight into the
//!    canvas's rows), both threads write the fresh rows, and so take the OS's clearing
//!    of the new pages between them. Safe Rust gives threads only initialized memory,
//!    and zeroing it first is a pass of its own; the rows are copied into the spare
//!    capacity (`MaybeUninit::write`, safe), and the one `unsafe` is `set_len` once every
//!    row is known written.
#![allow(unsafe_code)]

/// A hot loop to compile three times: for the baseline CPU, for AVX2 and for AVX-512.
///
/// Implement [`Kernel::run`] with `#[inline(always)]` (and `#[inline(always)]` callees):
/// only an always-inlined body is compiled into the vector copies. (Closures and `fn`
/// items passed as `FnOnce` are called through a shim that is not inlined into a
/// `target_feature` function, which is why this is a trait.)
pub(crate) trait Kernel {
    /// What the loop produces.
    type Output;
    /// The loop.
    fn run(self) -> Self::Output;
}

/// The code paths of [`vectorized`].
#[cfg(target_arch = "x86_64")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Path {
    Baseline,
    Avx2,
    /// AVX-512 F, VL, BW and DQ (with AVX2).
    Avx512,
}

/// Runs `kernel` compiled for the widest vector extension the CPU has; the result does not
/// depend on the path taken.
#[inline(always)]
pub(crate) fn vectorized<K: Kernel>(kernel: K) -> K::Output {
    #[cfg(target_arch = "x86_64")]
    {
        match path() {
            // SAFETY: `path` returns `Avx512` only when the CPU supports every feature
            // `with_avx512` enables.
            Path::Avx512 => return unsafe { with_avx512(kernel) },
            // SAFETY: `path` returns `Avx2` only when the CPU supports AVX2.
            Path::Avx2 => return unsafe { with_avx2(kernel) },
            Path::Baseline => {}
        }
    }
    kernel.run()
}

/// The path [`vectorized`] takes: the widest the CPU has, capped by the environment
/// (`FIGBUF_NO_AVX2` forces the baseline, `FIGBUF_NO_AVX512` stops at AVX2; the parity
/// tests use them to check every copy). Decided once per process.
#[cfg(target_arch = "x86_64")]
fn path() -> Path {
    static PATH: std::sync::OnceLock<Path> = std::sync::OnceLock::new();
    *PATH.get_or_init(|| {
        let off = |name: &str| std::env::var_os(name).is_some();
        let avx2 = std::arch::is_x86_feature_detected!("avx2") && !off("FIGBUF_NO_AVX2");
        let avx512 = avx2
            && std::arch::is_x86_feature_detected!("avx512f")
            && std::arch::is_x86_feature_detected!("avx512vl")
            && std::arch::is_x86_feature_detected!("avx512bw")
            && std::arch::is_x86_feature_detected!("avx512dq")
            && !off("FIGBUF_NO_AVX512");
        if avx512 {
            Path::Avx512
        } else if avx2 {
            Path::Avx2
        } else {
            Path::Baseline
        }
    })
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
fn with_avx2<K: Kernel>(kernel: K) -> K::Output {
    kernel.run()
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,avx512f,avx512vl,avx512bw,avx512dq")]
#[inline]
fn with_avx512<K: Kernel>(kernel: K) -> K::Output {
    kernel.run()
}

/// Proof that the CPU runs [`vectorized`]'s AVX-512 path (and that the environment does
/// not cap it): kernels written with AVX-512 instructions take one. Only [`Avx512::detect`]
/// makes one.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Avx512(());

/// Where [`Avx512::tap_sums`] reads a run of pixels: pixel `p`'s colours for row tap `i`
/// start at `rows[i] + 4 * first[p]` in `tile`, its weights at `i * stride + 4 * chunks *
/// p` in `weights` (`chunks` runs of four column taps a pixel).
#[derive(Debug, Clone, Copy)]
pub(crate) struct TapRun<'a> {
    /// RGBA colours in f32, tile row after tile row.
    pub tile: &'a [f32],
    /// Each pixel's first tile column.
    pub first: &'a [usize],
    /// Each row tap's weights, every pixel's padded to `4 * chunks`.
    pub weights: &'a [f32],
    /// Where each row tap's weights start after the previous one's.
    pub stride: usize,
}

/// Calls `$f::<C>(args)` with the chunk count `$chunks` as the const generic `C`: the
/// narrow filter pads its column taps to 1-6, 8, 12, 16, 24 or 32 (1-4, 6 or 8 chunks).
#[cfg(target_arch = "x86_64")]
macro_rules! with_chunk_count {
    ($chunks:expr, $f:ident($($arg:expr),*)) => {
        match $chunks {
            1 => $f::<1>($($arg),*),
            2 => $f::<2>($($arg),*),
            3 => $f::<3>($($arg),*),
            4 => $f::<4>($($arg),*),
            6 => $f::<6>($($arg),*),
            8 => $f::<8>($($arg),*),
            _ => unreachable!("the narrow filter pads to 1-6, 8, 12, 16, 24 or 32 column taps"),
        }
    };
}

impl Avx512 {
    /// The proof, on a CPU with AVX-512 F, VL, BW and DQ where `FIGBUF_NO_AVX512` and
    /// `FIGBUF_NO_AVX2` are unset; `None` elsewhere.
    pub(crate) fn detect() -> Option<Avx512> {
        #[cfg(target_arch = "x86_64")]
        if path() == Path::Avx512 {
            return Some(Avx512(()));
        }
        None
    }

    /// Runs `kernel` compiled for AVX-512 (so that [`Avx512::tap_sums`] inlines into it).
    #[inline(always)]
    pub(crate) fn run<K: Kernel>(self, kernel: K) -> K::Output {
        #[cfg(target_arch = "x86_64")]
        {
            // SAFETY: an `Avx512` exists only when the CPU supports every feature
            // `with_avx512` enables (`detect`).
            unsafe { with_avx512(kernel) }
        }
        #[cfg(not(target_arch = "x86_64"))]
        kernel.run()
    }

    /// A run of pixels of the narrow filter's colour tiles. Pixel `p` (of `sums`) sums, for
    /// each row tap `i` (at `rows[i]` in the tile), `chunks` runs of four RGBA colours (16
    /// floats) of `run`'s tile, each colour times its weight ([`TapRun`]): sixteen lanes,
    /// one fused multiply-add a run of colours, the four colours' lanes added at the end:
    /// the products of a sum in order, added in another order (see `resample::narrow` for
    /// why any order gives the same bytes there).
    ///
    /// # Panics
    ///
    /// When a run of colours or weights lies outside the tile or the weights (a bug of the
    /// caller; checked once a pixel, before its loads).
    #[inline(always)]
    pub(crate) fn tap_sums(
        self,
        chunks: usize,
        run: TapRun<'_>,
        rows: &[usize],
        sums: &mut [[f32; 4]],
    ) {
        #[cfg(target_arch = "x86_64")]
        {
            // SAFETY: the CPU has AVX-512 F and DQ (`self`).
            unsafe { with_chunk_count!(chunks, tap_sums_avx512(run, rows, sums)) }
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            let _ = (chunks, run, rows, sums);
            unreachable!("an Avx512 exists only on x86-64")
        }
    }
}

/// Proof that the CPU runs [`vectorized`]'s AVX2 path (not AVX-512) and has FMA: the
/// separable passes of the narrow filter sum with [`TapSimd::tap_sums`] on it. Only
/// [`TapSimd::detect`] makes one.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Avx2Fma(());

/// The vector tap sums of the narrow filter's colour tiles the CPU offers: sixteen lanes
/// (four colours a register, [`Avx512::tap_sums`]) or eight (two colours, AVX2 with FMA).
/// The same sums in another order: the filter's bound decides the same bytes.
#[derive(Debug, Clone, Copy)]
pub(crate) enum TapSimd {
    /// AVX-512 F, VL, BW and DQ.
    Avx512(Avx512),
    /// AVX2 and FMA, without AVX-512 (or with it capped by `FIGBUF_NO_AVX512`).
    Avx2(Avx2Fma),
}

impl TapSimd {
    /// [`Avx512::detect`], else AVX2 with FMA where [`vectorized`] takes the AVX2 path;
    /// `None` on the baseline path.
    pub(crate) fn detect() -> Option<TapSimd> {
        if let Some(avx) = Avx512::detect() {
            return Some(TapSimd::Avx512(avx));
        }
        #[cfg(target_arch = "x86_64")]
        if path() == Path::Avx2 && std::arch::is_x86_feature_detected!("fma") {
            return Some(TapSimd::Avx2(Avx2Fma(())));
        }
        None
    }

    /// Runs `kernel` compiled for this extension (so that [`TapSimd::tap_sums`] inlines
    /// into it).
    #[inline(always)]
    pub(crate) fn run<K: Kernel>(self, kernel: K) -> K::Output {
        match self {
            TapSimd::Avx512(avx) => avx.run(kernel),
            #[cfg(target_arch = "x86_64")]
            // SAFETY: an `Avx2Fma` exists only when the CPU supports AVX2 and FMA (`detect`).
            TapSimd::Avx2(_) => unsafe { with_avx2_fma(kernel) },
            #[cfg(not(target_arch = "x86_64"))]
            TapSimd::Avx2(_) => kernel.run(),
        }
    }

    /// [`Avx512::tap_sums`] on either extension (same arguments, same panics).
    #[inline(always)]
    pub(crate) fn tap_sums(
        self,
        chunks: usize,
        run: TapRun<'_>,
        rows: &[usize],
        sums: &mut [[f32; 4]],
    ) {
        match self {
            TapSimd::Avx512(avx) => avx.tap_sums(chunks, run, rows, sums),
            TapSimd::Avx2(_) => {
                #[cfg(target_arch = "x86_64")]
                {
                    // SAFETY: the CPU has AVX2 and FMA (`Avx2Fma`).
                    unsafe { with_chunk_count!(chunks, tap_sums_avx2(run, rows, sums)) }
                }
                #[cfg(not(target_arch = "x86_64"))]
                {
                    let _ = (chunks, run, rows, sums);
                    unreachable!("an Avx2Fma exists only on x86-64")
                }
            }
        }
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
#[inline]
fn with_avx2_fma<K: Kernel>(kernel: K) -> K::Output {
    kernel.run()
}

/// The colour runs (`len` floats from each pixel's first tile column) and weights
/// (`weights_len` from `per_pixel` a pixel on) of pixels `p..p + 4` of `run`, for the
/// four-pixel loops of the tap sums (panics past the tile or weights, before any load).
/// Plain slicing, inlined into each caller (a closure there was called, not inlined).
#[inline(always)]
fn quad_runs<'a>(
    run: &TapRun<'a>,
    p: usize,
    len: usize,
    per_pixel: usize,
    weights_len: usize,
) -> ([&'a [f32]; 4], [&'a [f32]; 4]) {
    let (tile, first, weights) = (run.tile, run.first, run.weights);
    (
        [
            &tile[4 * first[p]..][..len],
            &tile[4 * first[p + 1]..][..len],
            &tile[4 * first[p + 2]..][..len],
            &tile[4 * first[p + 3]..][..len],
        ],
        [
            &weights[per_pixel * p..][..weights_len],
            &weights[per_pixel * (p + 1)..][..weights_len],
            &weights[per_pixel * (p + 2)..][..weights_len],
            &weights[per_pixel * (p + 3)..][..weights_len],
        ],
    )
}

/// [`TapSimd::tap_sums`] with AVX2 and FMA: pixel `p`'s sum over the row taps `rows` of
/// `CHUNKS` runs of four colours, two colours (eight lanes) a register, two registers
/// (colours 0 and 1, 2 and 3 of each run), added at the end, then their halves. Four
/// pixels at a time, their eight chains interleaved in one loop (each pixel's two chains in
/// the same order as alone, so the same bits): one pixel at a time ran at the fused
/// multiply-add's latency (issue 21).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
#[inline]
fn tap_sums_avx2<const CHUNKS: usize>(run: TapRun<'_>, rows: &[usize], sums: &mut [[f32; 4]]) {
    use std::arch::x86_64::*;
    let n = sums.len().min(run.first.len());
    let Some(&last_row) = rows.iter().max() else {
        sums[..n].fill([0.0; 4]);
        return;
    };
    let stride = run.stride;
    let per_pixel = 4 * CHUNKS;
    let weights_len = (rows.len() - 1) * stride + per_pixel;
    // Lane l takes weight l / 4 of the low (colours 0, 1) or high (2, 3) pair.
    let lo = _mm256_set_epi32(1, 1, 1, 1, 0, 0, 0, 0);
    let hi = _mm256_set_epi32(3, 3, 3, 3, 2, 2, 2, 2);
    let mut quads = sums[..n].chunks_exact_mut(4);
    for (q, out) in quads.by_ref().enumerate() {
        let p = 4 * q;
        let (colours, ws) = quad_runs(&run, p, last_row + 16 * CHUNKS, per_pixel, weights_len);
        let mut a = [[_mm256_setzero_ps(); 2]; 4];
        for (i, &row) in rows.iter().enumerate() {
            for c in 0..CHUNKS {
                for j in 0..4 {
                    // SAFETY: as in the single pixel's loop below, for pixel `p + j`.
                    let (v0, v1, w) = unsafe {
                        let at = colours[j].as_ptr().add(row + 16 * c);
                        (
                            _mm256_loadu_ps(at),
                            _mm256_loadu_ps(at.add(8)),
                            _mm256_castps128_ps256(_mm_loadu_ps(
                                ws[j].as_ptr().add(i * stride + 4 * c),
                            )),
                        )
                    };
                    a[j][0] = _mm256_fmadd_ps(v0, _mm256_permutevar8x32_ps(w, lo), a[j][0]);
                    a[j][1] = _mm256_fmadd_ps(v1, _mm256_permutevar8x32_ps(w, hi), a[j][1]);
                }
            }
        }
        for (sum, [a0, a1]) in out.iter_mut().zip(a) {
            *sum = reduce_pair(a0, a1);
        }
    }
    let done = n - quads.into_remainder().len();
    for (p, sum) in sums[..n].iter_mut().enumerate().skip(done) {
        let colours = &run.tile[4 * run.first[p]..][..last_row + 16 * CHUNKS];
        let ws = &run.weights[per_pixel * p..][..weights_len];
        let mut a0 = _mm256_setzero_ps();
        let mut a1 = _mm256_setzero_ps();
        for (i, &row) in rows.iter().enumerate() {
            for c in 0..CHUNKS {
                // SAFETY: `row <= last_row` and `c < CHUNKS`, so the 16 colour floats from
                // `row + 16 * c` lie in `colours`; `i < rows.len()`, so the 4 weights from
                // `i * stride + 4 * c` lie in `ws`. The loads are unaligned.
                let (v0, v1, w) = unsafe {
                    let at = colours.as_ptr().add(row + 16 * c);
                    (
                        _mm256_loadu_ps(at),
                        _mm256_loadu_ps(at.add(8)),
                        _mm256_castps128_ps256(_mm_loadu_ps(ws.as_ptr().add(i * stride + 4 * c))),
                    )
                };
                a0 = _mm256_fmadd_ps(v0, _mm256_permutevar8x32_ps(w, lo), a0);
                a1 = _mm256_fmadd_ps(v1, _mm256_permutevar8x32_ps(w, hi), a1);
            }
        }
        *sum = reduce_pair(a0, a1);
    }
}

/// The sum of a pixel's two AVX2 chains of [`tap_sums_avx2`], then of their halves.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
#[inline]
fn reduce_pair(a0: std::arch::x86_64::__m256, a1: std::arch::x86_64::__m256) -> [f32; 4] {
    use std::arch::x86_64::*;
    let two = _mm256_add_ps(a0, a1);
    let one = _mm_add_ps(_mm256_castps256_ps128(two), _mm256_extractf128_ps::<1>(two));
    let mut sum = [0.0f32; 4];
    // SAFETY: `sum` holds four floats; the store is unaligned.
    unsafe { _mm_storeu_ps(sum.as_mut_ptr(), one) };
    sum
}

/// [`Avx512::tap_sums`], with the common row tap counts (1 to 4) unrolled.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,avx512f,avx512vl,avx512bw,avx512dq")]
#[inline]
fn tap_sums_avx512<const CHUNKS: usize>(run: TapRun<'_>, rows: &[usize], sums: &mut [[f32; 4]]) {
    match *rows {
        [a] => tap_sums_rows::<CHUNKS, 1>(run, [a], sums),
        [a, b] => tap_sums_rows::<CHUNKS, 2>(run, [a, b], sums),
        [a, b, c] => tap_sums_rows::<CHUNKS, 3>(run, [a, b, c], sums),
        [a, b, c, d] => tap_sums_rows::<CHUNKS, 4>(run, [a, b, c, d], sums),
        _ => tap_sums_any::<CHUNKS>(run, rows, sums),
    }
}

/// Pixel `p`'s sixteen-lane sum (four colours' channels) of [`Avx512::tap_sums`] over the
/// row taps at `rows` of a [`TapRun`]; panics when those runs do not lie in `tile` and `weights` (checked
/// before the loads). A macro, not a function: the body must be inlined into each
/// AVX-512 function (a `#[target_feature]` function cannot be `#[inline(always)]`, and
/// left to `#[inline]` it was called, 1.17 -> 1.87 ms a default figure on one thread).
#[cfg(target_arch = "x86_64")]
macro_rules! pixel_sum {
    ($chunks:expr, $run:expr, $rows:expr, $p:expr) => {{
        use std::arch::x86_64::*;
        let (run, rows, p): (TapRun<'_>, &[usize], usize) = ($run, $rows, $p);
        let stride = run.stride;
        let mut acc = _mm512_setzero_ps();
        if let Some(&last_row) = rows.iter().max() {
            let per_pixel = 4 * $chunks;
            let colours = &run.tile[4 * run.first[p]..][..last_row + 16 * $chunks];
            let ws = &run.weights[per_pixel * p..][..(rows.len() - 1) * stride + per_pixel];
            // Lane l takes weight l / 4: each colour's four channels share its weight.
            let spread = _mm512_set_epi32(3, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 0, 0, 0, 0);
            for (i, &row) in rows.iter().enumerate() {
                for c in 0..$chunks {
                    // SAFETY: `row <= last_row` and `c < CHUNKS`, so the 16 colour floats
                    // from `row + 16 * c` lie in `colours`; `i < rows.len()`, so the 4
                    // weights from `i * stride + 4 * c` lie in `ws`. Both loads are
                    // unaligned.
                    let (v, w) = unsafe {
                        (
                            _mm512_loadu_ps(colours.as_ptr().add(row + 16 * c)),
                            _mm_loadu_ps(ws.as_ptr().add(i * stride + 4 * c)),
                        )
                    };
                    let w = _mm512_permutexvar_ps(spread, _mm512_castps128_ps512(w));
                    acc = _mm512_fmadd_ps(v, w, acc);
                }
            }
        }
        acc
    }};
}

/// [`tap_sums_avx512`] for `R` row taps: four pixels at a time, whose sixteen-lane sums are
/// reduced together (six shuffles and three adds for four pixels).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,avx512f,avx512vl,avx512bw,avx512dq")]
#[inline]
fn tap_sums_rows<const CHUNKS: usize, const R: usize>(
    run: TapRun<'_>,
    rows: [usize; R],
    sums: &mut [[f32; 4]],
) {
    let n = sums.len().min(run.first.len());
    let pixel = |p: usize| pixel_sum!(CHUNKS, run, &rows, p);
    let mut quads = sums[..n].chunks_exact_mut(4);
    for (q, out) in quads.by_ref().enumerate() {
        let p = 4 * q;
        let (a0, a1, a2, a3) = (pixel(p), pixel(p + 1), pixel(p + 2), pixel(p + 3));
        store_four(out, [a0, a1, a2, a3]);
    }
    let done = n - quads.into_remainder().len();
    for (p, sum) in sums[..n].iter_mut().enumerate().skip(done) {
        *sum = reduce_colours(pixel(p));
    }
}

/// [`tap_sums_avx512`] for any number of row taps: four pixels at a time, their four
/// chains of fused multiply-adds interleaved in one loop over the row taps (each pixel's
/// chain is [`pixel_sum!`]'s, in the same order, so the sums are the same bits), then
/// reduced together as in [`tap_sums_rows`]. One pixel at a time, a pixel's chain of
/// `rows * CHUNKS` dependent multiply-adds (36 at 2048², 144 at 4096²) ran at the
/// multiply-add's latency, not its throughput (issue 21).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,avx512f,avx512vl,avx512bw,avx512dq")]
#[inline]
fn tap_sums_any<const CHUNKS: usize>(run: TapRun<'_>, rows: &[usize], sums: &mut [[f32; 4]]) {
    use std::arch::x86_64::*;
    let n = sums.len().min(run.first.len());
    let Some(&last_row) = rows.iter().max() else {
        sums[..n].fill([0.0; 4]);
        return;
    };
    let stride = run.stride;
    let per_pixel = 4 * CHUNKS;
    let weights_len = (rows.len() - 1) * stride + per_pixel;
    // Lane l takes weight l / 4: each colour's four channels share its weight.
    let spread = _mm512_set_epi32(3, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 0, 0, 0, 0);
    let mut quads = sums[..n].chunks_exact_mut(4);
    for (q, out) in quads.by_ref().enumerate() {
        let p = 4 * q;
        let (colours, ws) = quad_runs(&run, p, last_row + 16 * CHUNKS, per_pixel, weights_len);
        let mut acc = [_mm512_setzero_ps(); 4];
        for (i, &row) in rows.iter().enumerate() {
            for c in 0..CHUNKS {
                for j in 0..4 {
                    // SAFETY: `row <= last_row` and `c < CHUNKS`, so the 16 colour floats
                    // from `row + 16 * c` lie in `colours[j]`; `i < rows.len()`, so the 4
                    // weights from `i * stride + 4 * c` lie in `ws[j]`. Both loads are
                    // unaligned.
                    let (v, w) = unsafe {
                        (
                            _mm512_loadu_ps(colours[j].as_ptr().add(row + 16 * c)),
                            _mm_loadu_ps(ws[j].as_ptr().add(i * stride + 4 * c)),
                        )
                    };
                    let w = _mm512_permutexvar_ps(spread, _mm512_castps128_ps512(w));
                    acc[j] = _mm512_fmadd_ps(v, w, acc[j]);
                }
            }
        }
        store_four(out, acc);
    }
    let done = n - quads.into_remainder().len();
    for (p, sum) in sums[..n].iter_mut().enumerate().skip(done) {
        *sum = reduce_colours(pixel_sum!(CHUNKS, run, rows, p));
    }
}

/// Four pixels' sums of [`pixel_sum!`] (or of four products), each a register of four
/// blocks of four channels, summed per pixel into one register (pixel `j` in block `j`):
/// blocks 0 + 2 and 1 + 3 of each pixel, then those two halves, as [`reduce_colours`]
/// adds them.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,avx512f,avx512vl,avx512bw,avx512dq")]
#[inline]
fn sum_four(a: [std::arch::x86_64::__m512; 4]) -> std::arch::x86_64::__m512 {
    use std::arch::x86_64::*;
    let [a0, a1, a2, a3] = a;
    let s01 = _mm512_add_ps(
        _mm512_shuffle_f32x4::<0x44>(a0, a1),
        _mm512_shuffle_f32x4::<0xEE>(a0, a1),
    );
    let s23 = _mm512_add_ps(
        _mm512_shuffle_f32x4::<0x44>(a2, a3),
        _mm512_shuffle_f32x4::<0xEE>(a2, a3),
    );
    _mm512_add_ps(
        _mm512_shuffle_f32x4::<0x88>(s01, s23),
        _mm512_shuffle_f32x4::<0xDD>(s01, s23),
    )
}

/// Stores [`sum_four`] of four pixels' sums into `out`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,avx512f,avx512vl,avx512bw,avx512dq")]
#[inline]
fn store_four(out: &mut [[f32; 4]], a: [std::arch::x86_64::__m512; 4]) {
    let four = sum_four(a);
    let out = &mut out[..4];
    // SAFETY: `out` holds four pixels of four floats (checked above); the store is
    // unaligned.
    unsafe { std::arch::x86_64::_mm512_storeu_ps(out.as_mut_ptr().cast(), four) };
}

/// The sum of the four colours (128-bit blocks) of `acc`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,avx512f,avx512vl,avx512bw,avx512dq")]
#[inline]
fn reduce_colours(acc: std::arch::x86_64::__m512) -> [f32; 4] {
    use std::arch::x86_64::*;
    let half = _mm256_add_ps(
        _mm512_castps512_ps256(acc),
        _mm512_extractf32x8_ps::<1>(acc),
    );
    let quarter = _mm_add_ps(
        _mm256_castps256_ps128(half),
        _mm256_extractf128_ps::<1>(half),
    );
    let mut sum = [0.0f32; 4];
    // SAFETY: `sum` holds four floats; the store is unaligned.
    unsafe { _mm_storeu_ps(sum.as_mut_ptr(), quarter) };
    sum
}

/// A run of output pixels of the narrow filter with two row taps and two column taps a
/// pixel (hanning or bilinear upsampling), for [`TapSimd::two_by_two_bytes`]: pixel `p`
/// reads the colours at tile columns `first[p]` and `first[p] + 1` of the tile rows that
/// start at floats `rows[0]` and `rows[1]`, with the 2-D weights
/// `(weight_y[i] * weight_x[2 p + j] + 2^13) >> 14` (Agg's `weight_2d`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct TwoByTwo<'a> {
    /// RGBA colours in f32, tile row after tile row.
    pub tile: &'a [f32],
    /// Where the two row taps' tile rows start in `tile` (floats).
    pub rows: [usize; 2],
    /// The two row taps' vertical weights.
    pub weight_y: [i32; 2],
    /// Each pixel's first tile column.
    pub first: &'a [usize],
    /// Each pixel's two horizontal weights.
    pub weight_x: &'a [i32],
}

impl TwoByTwo<'_> {
    /// Checks that the first `n` pixels' colours lie in the tile (eight floats from
    /// `rows[i] + 4 * first[p]`, both rows) and their weights in `weight_x`: the kernels
    /// then read them without further checks.
    ///
    /// # Panics
    ///
    /// When they do not (a bug of the caller).
    #[inline(always)]
    fn check(&self, n: usize) {
        let most = self.first[..n].iter().copied().max().unwrap_or(0);
        let end = self.rows[0]
            .max(self.rows[1])
            .saturating_add(most.saturating_mul(4))
            .saturating_add(8);
        assert!(
            n == 0 || end <= self.tile.len(),
            "a two-by-two pixel's colours pass the tile's end"
        );
        assert!(
            self.weight_x.len() / 2 >= n,
            "fewer horizontal weights than pixels"
        );
    }
}

/// The pixel-to-lane pattern of [`TwoByTwo`] in a 16-lane register: lane `4 j + k` holds
/// tap `k` (row tap `k / 2`, column tap `k % 2`) of pixel `j`.
#[cfg(target_arch = "x86_64")]
const TWO_BY_TWO_WX: [i32; 16] = [0, 1, 0, 1, 2, 3, 2, 3, 4, 5, 4, 5, 6, 7, 6, 7];

impl TapSimd {
    /// The bytes of a run of [`TwoByTwo`] pixels, as the narrow filter's tiles give them
    /// (`resample::narrow`): each pixel's four colours times their 2-D weights summed in
    /// f32 (a tree two additions deep, the products exact in f32 or rounded once), then
    /// `y = min(sum * (255 / t), 255)` for each colour channel (`t`, the total weight,
    /// is the alpha sum) and its whole part as the byte, alpha 255. A pixel whose `y` lies
    /// within `margin` of a whole number (above 0), or above `1 - margin` of one, or whose
    /// total is not positive, has its bit set in `doubt` (pixel `p` at bit `p % 64` of
    /// `doubt[p / 64]`; the others are cleared); returns whether any has. The same
    /// arithmetic, lane by lane, as the narrow filter's portable finish.
    ///
    /// # Panics
    ///
    /// When a pixel's colours lie outside the tile, `run` has fewer pixels than `out`, or
    /// `doubt` fewer than `out.len().div_ceil(64)` words (bugs of the caller).
    pub(crate) fn two_by_two_bytes(
        self,
        run: TwoByTwo<'_>,
        margin: f32,
        out: &mut [[u8; 4]],
        doubt: &mut [u64],
    ) -> bool {
        let doubt = &mut doubt[..out.len().div_ceil(64)];
        doubt.fill(0);
        match self {
            #[cfg(target_arch = "x86_64")]
            // SAFETY: the CPU has AVX-512 F, VL, BW and DQ (`Avx512`).
            TapSimd::Avx512(_) => unsafe { two_by_two_avx512(run, margin, out, doubt) },
            #[cfg(target_arch = "x86_64")]
            // SAFETY: the CPU has AVX2 and FMA (`Avx2Fma`).
            TapSimd::Avx2(_) => unsafe { two_by_two_avx2(run, margin, out, doubt) },
            #[cfg(not(target_arch = "x86_64"))]
            _ => {
                let _ = (run, margin, out, doubt);
                unreachable!("a TapSimd exists only on x86-64")
            }
        }
    }
}

/// Which of four pixels a 16-lane doubt mask (four lanes a pixel) marks: bit `j` for
/// pixel `j`.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn pixels_in_doubt(lanes: u32) -> u64 {
    // Bit 3 of each nibble set when the nibble is not zero...
    let nz = (((lanes & 0x7777) + 0x7777) | lanes) & 0x8888;
    // ... and those four bits (0, 4, 8, 12 after the shift) gathered to bits 9-12 by one
    // multiply (the sixteen partial products fall on distinct bits: no carries).
    u64::from((((nz >> 3) * 0x249) >> 9) & 0xF)
}

/// [`TapSimd::two_by_two_bytes`] with AVX-512: four pixels a register (sixteen products),
/// their sums reduced together (as in [`tap_sums_rows`]) and finished in the lanes.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,avx512f,avx512vl,avx512bw,avx512dq")]
#[inline]
fn two_by_two_avx512(
    run: TwoByTwo<'_>,
    margin: f32,
    out: &mut [[u8; 4]],
    doubts: &mut [u64],
) -> bool {
    use std::arch::x86_64::*;
    let n = out.len().min(64 * doubts.len());
    run.check(n);
    let [r0, r1] = run.rows;
    let wy = run.weight_y;
    let wy: [i32; 16] = std::array::from_fn(|l| wy[(l % 4) / 2]);
    // SAFETY (both loads): each reads 16 i32 from an array of 16.
    let (wy, wx_lanes) = unsafe {
        (
            _mm512_loadu_si512(wy.as_ptr().cast()),
            _mm512_loadu_si512(TWO_BY_TWO_WX.as_ptr().cast()),
        )
    };
    let half = _mm512_set1_epi32(1 << 13);
    let (c255, m, one_m, zero) = (
        _mm512_set1_ps(255.0),
        _mm512_set1_ps(margin),
        _mm512_set1_ps(1.0 - margin),
        _mm512_setzero_ps(),
    );
    let alpha = _mm512_set1_epi32(255);
    let tile = run.tile.as_ptr();
    // Four pixels from `first` (their first tile columns) and `wx` (their eight
    // horizontal weights): their bytes (16) and which of their lanes are in doubt. A macro
    // (a closure was not inlined).
    macro_rules! quad {
        ($first:expr, $wx:expr) => {{
            let (first, wx): (*const usize, *const i32) = ($first, $wx);
            // SAFETY: the caller passes eight weights at `wx`.
            let wx = _mm512_castsi256_si512(unsafe { _mm256_loadu_si256(wx.cast()) });
            let w = _mm512_permutexvar_epi32(wx_lanes, wx);
            let w = _mm512_srai_epi32::<14>(_mm512_add_epi32(_mm512_mullo_epi32(w, wy), half));
            let w = _mm512_cvtepi32_ps(w);
            macro_rules! product {
                ($j:literal) => {{
                    // SAFETY: the caller passes four first columns at `first`, and `check`
                    // put eight floats from `r + 4 * first` inside the tile for both rows.
                    let v = unsafe {
                        let at = 4 * *first.add($j);
                        _mm512_insertf32x8::<1>(
                            _mm512_castps256_ps512(_mm256_loadu_ps(tile.add(r0 + at))),
                            _mm256_loadu_ps(tile.add(r1 + at)),
                        )
                    };
                    const K: i32 = 4 * $j;
                    let spread = _mm512_set_epi32(
                        K + 3,
                        K + 3,
                        K + 3,
                        K + 3,
                        K + 2,
                        K + 2,
                        K + 2,
                        K + 2,
                        K + 1,
                        K + 1,
                        K + 1,
                        K + 1,
                        K,
                        K,
                        K,
                        K,
                    );
                    _mm512_mul_ps(v, _mm512_permutexvar_ps(spread, w))
                }};
            }
            let (a0, a1, a2, a3) = (product!(0), product!(1), product!(2), product!(3));
            // Taps (blocks) 0 + 2 and 1 + 3 of each pixel, then those two halves.
            let sum = sum_four([a0, a1, a2, a3]);
            // The finish: lane 3 of each pixel is its total weight.
            let t = _mm512_permute_ps::<0xFF>(sum);
            let y = _mm512_mul_ps(sum, _mm512_div_ps(c255, t));
            // `y < 255 ? y : 255` (a NaN y gives 255: `vminps` returns its second operand).
            let y = _mm512_min_ps(y, c255);
            let whole = _mm512_roundscale_ps::<{ _MM_FROUND_TO_ZERO | _MM_FROUND_NO_EXC }>(y);
            let frac = _mm512_sub_ps(y, whole);
            let low = _mm512_cmp_ps_mask::<_CMP_LT_OQ>(frac, m)
                & _mm512_cmp_ps_mask::<_CMP_NEQ_UQ>(whole, zero);
            let high = _mm512_cmp_ps_mask::<_CMP_GT_OQ>(frac, one_m);
            let bad_total = _mm512_cmp_ps_mask::<_CMP_NGT_UQ>(t, zero);
            let doubt = ((low | high) & 0x7777) | (bad_total & 0x8888);
            let bytes = _mm512_mask_blend_epi32(0x8888, _mm512_cvttps_epi32(whole), alpha);
            (_mm512_cvtepi32_epi8(bytes), doubt)
        }};
    }
    let mut any = 0;
    let whole_quads = n / 4;
    for q in 0..whole_quads {
        let p = 4 * q;
        // SAFETY: `p + 4 <= n`, so four first columns lie in `run.first` and eight
        // weights in `run.weight_x` (`check`).
        let (bytes, doubt) = quad!(unsafe { run.first.as_ptr().add(p) }, unsafe {
            run.weight_x.as_ptr().add(2 * p)
        });
        // SAFETY: `p + 4 <= n`: four pixels (16 bytes) of `out` from `p` (an unaligned
        // store).
        unsafe { _mm_storeu_si128(out.as_mut_ptr().add(p).cast(), bytes) };
        // `p % 64` is a multiple of four: the four bits stay in one word.
        if doubt != 0 {
            doubts[p / 64] |= pixels_in_doubt(u32::from(doubt)) << (p % 64);
        }
        any |= doubt;
    }
    let p = 4 * whole_quads;
    if p < n {
        // The last one to three pixels, the last of them repeated.
        let first: [usize; 4] = std::array::from_fn(|j| run.first[(p + j).min(n - 1)]);
        let wx: [i32; 8] =
            std::array::from_fn(|k| run.weight_x[2 * (p + k / 2).min(n - 1) + k % 2]);
        let (bytes, doubt) = quad!(first.as_ptr(), wx.as_ptr());
        let mut px = [[0u8; 4]; 4];
        // SAFETY: `px` holds 16 bytes (an unaligned store).
        unsafe { _mm_storeu_si128(px.as_mut_ptr().cast(), bytes) };
        let valid = (1u64 << (n - p)) - 1;
        out[p..n].copy_from_slice(&px[..n - p]);
        let bits = pixels_in_doubt(u32::from(doubt)) & valid;
        doubts[p / 64] |= bits << (p % 64);
        any |= u16::from(bits != 0);
    }
    any != 0
}

/// [`TapSimd::two_by_two_bytes`] with AVX2 and FMA: a pixel's two row taps two registers
/// (two colours each), two pixels' sums reduced together and finished in the lanes.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
#[inline]
fn two_by_two_avx2(
    run: TwoByTwo<'_>,
    margin: f32,
    out: &mut [[u8; 4]],
    doubts: &mut [u64],
) -> bool {
    use std::arch::x86_64::*;
    let n = out.len().min(64 * doubts.len());
    run.check(n);
    let [r0, r1] = run.rows;
    let [y0, y1] = run.weight_y;
    let wy = _mm256_set_epi32(y1, y1, y0, y0, y1, y1, y0, y0);
    let wx_lanes = _mm256_set_epi32(3, 2, 3, 2, 1, 0, 1, 0);
    let half = _mm256_set1_epi32(1 << 13);
    let (c255, m, one_m, zero) = (
        _mm256_set1_ps(255.0),
        _mm256_set1_ps(margin),
        _mm256_set1_ps(1.0 - margin),
        _mm256_setzero_ps(),
    );
    let alpha = _mm256_set1_epi32(255);
    let tile = run.tile.as_ptr();
    // Two pixels from `first` and `wx` (four weights): their bytes (the low 8) and which
    // of their lanes are in doubt.
    macro_rules! pair {
        ($first:expr, $wx:expr) => {{
            let (first, wx): (*const usize, *const i32) = ($first, $wx);
            // SAFETY: the caller passes four weights at `wx`.
            let wx = _mm256_castsi128_si256(unsafe { _mm_loadu_si128(wx.cast()) });
            let w = _mm256_permutevar8x32_epi32(wx, wx_lanes);
            let w = _mm256_srai_epi32::<14>(_mm256_add_epi32(_mm256_mullo_epi32(w, wy), half));
            let w = _mm256_cvtepi32_ps(w);
            macro_rules! pixel {
                ($j:literal) => {{
                    // SAFETY: the caller passes two first columns at `first`, and `check`
                    // put eight floats from `r + 4 * first` inside the tile for both rows.
                    let (va, vb) = unsafe {
                        let at = 4 * *first.add($j);
                        (
                            _mm256_loadu_ps(tile.add(r0 + at)),
                            _mm256_loadu_ps(tile.add(r1 + at)),
                        )
                    };
                    const K: i32 = 4 * $j;
                    let wa = _mm256_set_epi32(K + 1, K + 1, K + 1, K + 1, K, K, K, K);
                    let wb =
                        _mm256_set_epi32(K + 3, K + 3, K + 3, K + 3, K + 2, K + 2, K + 2, K + 2);
                    let wa = _mm256_permutevar8x32_ps(w, wa);
                    let wb = _mm256_permutevar8x32_ps(w, wb);
                    _mm256_fmadd_ps(vb, wb, _mm256_mul_ps(va, wa))
                }};
            }
            let (s0, s1) = (pixel!(0), pixel!(1));
            // Column taps 0 + 1 of each pixel: pixel 0 in the low half, pixel 1 in the high.
            let sum = _mm256_add_ps(
                _mm256_permute2f128_ps::<0x20>(s0, s1),
                _mm256_permute2f128_ps::<0x31>(s0, s1),
            );
            let t = _mm256_permute_ps::<0xFF>(sum);
            let y = _mm256_mul_ps(sum, _mm256_div_ps(c255, t));
            // `y < 255 ? y : 255` (a NaN y gives 255: `vminps` returns its second operand).
            let y = _mm256_min_ps(y, c255);
            let whole = _mm256_round_ps::<{ _MM_FROUND_TO_ZERO | _MM_FROUND_NO_EXC }>(y);
            let frac = _mm256_sub_ps(y, whole);
            let low = _mm256_and_ps(
                _mm256_cmp_ps::<_CMP_LT_OQ>(frac, m),
                _mm256_cmp_ps::<_CMP_NEQ_UQ>(whole, zero),
            );
            let high = _mm256_cmp_ps::<_CMP_GT_OQ>(frac, one_m);
            let bad_total = _mm256_cmp_ps::<_CMP_NGT_UQ>(t, zero);
            let doubt = (_mm256_movemask_ps(_mm256_or_ps(low, high)) & 0x77)
                | (_mm256_movemask_ps(bad_total) & 0x88);
            let bytes = _mm256_blend_epi32::<0x88>(_mm256_cvttps_epi32(whole), alpha);
            let words = _mm_packus_epi32(
                _mm256_castsi256_si128(bytes),
                _mm256_extracti128_si256::<1>(bytes),
            );
            (_mm_packus_epi16(words, words), doubt)
        }};
    }
    let mut any = 0;
    let whole_pairs = n / 2;
    for q in 0..whole_pairs {
        let p = 2 * q;
        // SAFETY: `p + 2 <= n`, so two first columns lie in `run.first` and four weights
        // in `run.weight_x` (`check`).
        let (bytes, doubt) = pair!(unsafe { run.first.as_ptr().add(p) }, unsafe {
            run.weight_x.as_ptr().add(2 * p)
        });
        // SAFETY: `p + 2 <= n`: two pixels (8 bytes) of `out` from `p` (an unaligned
        // store).
        unsafe { _mm_storel_epi64(out.as_mut_ptr().add(p).cast(), bytes) };
        if doubt != 0 {
            let bits = u64::from(doubt & 0xF != 0) | u64::from(doubt & 0xF0 != 0) << 1;
            doubts[p / 64] |= bits << (p % 64);
        }
        any |= doubt;
    }
    let p = 2 * whole_pairs;
    if p < n {
        // The last pixel, twice.
        let first = [run.first[p]; 2];
        let wx = [run.weight_x[2 * p], run.weight_x[2 * p + 1]].repeat(2);
        let (bytes, doubt) = pair!(first.as_ptr(), wx.as_ptr());
        let mut px = [[0u8; 4]; 4];
        // SAFETY: `px` holds 16 bytes (an unaligned store).
        unsafe { _mm_storeu_si128(px.as_mut_ptr().cast(), bytes) };
        out[p] = px[0];
        let bit = u64::from(doubt & 0xF != 0);
        doubts[p / 64] |= bit << (p % 64);
        any |= doubt & 0xF;
    }
    any != 0
}

/// Proof that the CPU runs [`vectorized`]'s AVX-512 path and has AVX-512 VBMI (byte
/// permutes over 128-byte tables: Ice Lake, Zen 4 and later). Only [`Vbmi::detect`] makes
/// one.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Vbmi(());

/// A colormap of at most 256 colours as four byte planes (red, green, blue and alpha of
/// colour `i` at `planes[c][i]`), for [`Vbmi::rgba8_blocks`].
pub(crate) struct BytePlanes(pub [[u8; 256]; 4]);

/// Plain `Normalize` on float64 data for a colormap of `n <= 256` colours: the colour of
/// `x` is `(x - vmin) / d * n`, truncated (see [`Vbmi::rgba8_blocks`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct LinearMap {
    /// The norm's `vmin`.
    pub vmin: f64,
    /// `vmax - vmin`.
    pub d: f64,
    /// The colormap's N as f64.
    pub nf: f64,
}

/// Pixels a block of [`Vbmi::rgba8_blocks`].
pub(crate) const VBMI_BLOCK: usize = 64;

impl Vbmi {
    /// The proof, where [`Avx512::detect`] gives one and the CPU has AVX-512 VBMI.
    pub(crate) fn detect() -> Option<Vbmi> {
        #[cfg(target_arch = "x86_64")]
        if Avx512::detect().is_some() && std::arch::is_x86_feature_detected!("avx512vbmi") {
            return Some(Vbmi(()));
        }
        None
    }

    /// RGBA8 words of `xs` into `out` (4 bytes a value), [`VBMI_BLOCK`] values a block:
    /// `xa = (x - vmin) / d * nf` as eight f64 lanes (the scalar loop's arithmetic); where
    /// `floor(xa)` (converted with rounding down, one instruction) is a colour `0..nf`, that
    /// is the colour (matplotlib's truncation of `xa` in `[0, nf)`), looked up in the byte
    /// planes by `vpermi2b` (two 128-byte halves a plane, chosen by the index's top bit)
    /// and interleaved into RGBA words. A block with any other value (under, over, NaN,
    /// and `xa == nf`, whose colour is `nf - 1`) is handed to `fix(first value, mask of
    /// those values, words)` before it is stored, to put their words in. (The range test
    /// on the converted integers replaced two float comparisons and a `min` a lane: the
    /// pass went from ~1.2-1.3x to ~1.0x the time of a plain read-and-write pass over the
    /// same memory, 4096² on a Zen 4, one and two threads.) With `stream`, blocks are written by non-temporal stores where `out` is
    /// 64-byte aligned (a large output that is not read soon: no read for ownership of its
    /// lines), fenced before returning, so that another thread that synchronises with this
    /// one afterwards sees them.
    ///
    /// # Panics
    ///
    /// When `xs.len()` is not a multiple of [`VBMI_BLOCK`] or `out` is not `4 * xs.len()`
    /// bytes, or `nf` is not within 1..=256 (bugs of the caller).
    pub(crate) fn rgba8_blocks(
        self,
        map: LinearMap,
        planes: &BytePlanes,
        xs: &[f64],
        out: &mut [u8],
        stream: bool,
        fix: &mut dyn FnMut(usize, u64, &mut [u32; VBMI_BLOCK]),
    ) {
        assert!(xs.len().is_multiple_of(VBMI_BLOCK) && out.len() == 4 * xs.len());
        assert!(map.nf >= 1.0 && map.nf <= 256.0 && map.nf.fract() == 0.0);
        #[cfg(target_arch = "x86_64")]
        // SAFETY: the CPU has AVX-512 F, VL, BW, DQ and VBMI (`self`); lengths checked above.
        unsafe {
            rgba8_blocks_vbmi(map, planes, xs, out, stream, fix)
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            let _ = (map, planes, xs, out, stream, fix);
            unreachable!("a Vbmi exists only on x86-64")
        }
    }
}

/// [`Vbmi::rgba8_blocks`]; `xs.len()` a multiple of 64 and `out.len() == 4 * xs.len()`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,avx512f,avx512vl,avx512bw,avx512dq,avx512vbmi")]
fn rgba8_blocks_vbmi(
    map: LinearMap,
    planes: &BytePlanes,
    xs: &[f64],
    out: &mut [u8],
    stream: bool,
    fix: &mut dyn FnMut(usize, u64, &mut [u32; VBMI_BLOCK]),
) {
    use std::arch::x86_64::*;
    let stream = stream && (out.as_ptr() as usize).is_multiple_of(64);
    let vmin = _mm512_set1_pd(map.vmin);
    let d = _mm512_set1_pd(map.d);
    let nf = _mm512_set1_pd(map.nf);
    // `nf` is a whole number in 1..=256 (checked by the caller).
    let n32 = _mm512_set1_epi32(map.nf as i32);
    // The unpacks below interleave within 128-bit lanes: output word 4 * l + i of vector v
    // (pixel 16 v + 4 l + i) comes from index byte 16 l + 4 v + i, so the indices are put
    // there first.
    let mut order = [0u8; 64];
    for (k, o) in order.iter_mut().enumerate() {
        let (l, v, i) = (k / 16, (k / 4) % 4, k % 4);
        *o = (16 * v + 4 * l + i) as u8;
    }
    // SAFETY: `order` holds 64 bytes; the loads are unaligned.
    let order = unsafe { _mm512_loadu_si512(order.as_ptr().cast()) };
    // SAFETY: each plane holds 256 bytes: four unaligned 64-byte loads.
    let plane =
        |c: usize, k: usize| unsafe { _mm512_loadu_si512(planes.0[c][64 * k..].as_ptr().cast()) };
    let p = [0, 1, 2, 3].map(|c| [plane(c, 0), plane(c, 1), plane(c, 2), plane(c, 3)]);
    let mut words = [0u32; VBMI_BLOCK];
    for (b, (x, o)) in xs
        .chunks_exact(VBMI_BLOCK)
        .zip(out.chunks_exact_mut(4 * VBMI_BLOCK))
        .enumerate()
    {
        let mut normal = 0u64;
        let mut quarters = [_mm_setzero_si128(); 4];
        for (q, quarter) in quarters.iter_mut().enumerate() {
            // SAFETY: `x` holds 64 values: 16 q + 15 < 64.
            let (x0, x1) = unsafe {
                (
                    _mm512_loadu_pd(x[16 * q..].as_ptr()),
                    _mm512_loadu_pd(x[16 * q + 8..].as_ptr()),
                )
            };
            let xa0 = _mm512_mul_pd(_mm512_div_pd(_mm512_sub_pd(x0, vmin), d), nf);
            let xa1 = _mm512_mul_pd(_mm512_div_pd(_mm512_sub_pd(x1, vmin), d), nf);
            // floor(xa) (NaN and values beyond the i32 range: i32::MIN); normal where it is
            // a colour, `0..n` (`xa == nf`, whose colour is `n - 1`, takes `fix`).
            const FLOOR: i32 = _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC;
            let i0 = _mm512_cvt_roundpd_epi32::<FLOOR>(xa0);
            let i1 = _mm512_cvt_roundpd_epi32::<FLOOR>(xa1);
            let i = _mm512_inserti64x4::<1>(_mm512_castsi256_si512(i0), i1);
            let ok = _mm512_cmplt_epu32_mask(i, n32);
            normal |= u64::from(ok) << (16 * q);
            *quarter = _mm512_cvtepi32_epi8(i);
        }
        let lo = _mm256_inserti128_si256::<1>(_mm256_castsi128_si256(quarters[0]), quarters[1]);
        let hi = _mm256_inserti128_si256::<1>(_mm256_castsi128_si256(quarters[2]), quarters[3]);
        let idx = _mm512_permutexvar_epi8(
            order,
            _mm512_inserti64x4::<1>(_mm512_castsi256_si512(lo), hi),
        );
        let upper = _mm512_movepi8_mask(idx);
        let look = |t: &[__m512i; 4]| {
            _mm512_mask_blend_epi8(
                upper,
                _mm512_permutex2var_epi8(t[0], idx, t[1]),
                _mm512_permutex2var_epi8(t[2], idx, t[3]),
            )
        };
        let (r, g, bl, a) = (look(&p[0]), look(&p[1]), look(&p[2]), look(&p[3]));
        let (rg0, rg1) = (_mm512_unpacklo_epi8(r, g), _mm512_unpackhi_epi8(r, g));
        let (ba0, ba1) = (_mm512_unpacklo_epi8(bl, a), _mm512_unpackhi_epi8(bl, a));
        let mut v = [
            _mm512_unpacklo_epi16(rg0, ba0),
            _mm512_unpackhi_epi16(rg0, ba0),
            _mm512_unpacklo_epi16(rg1, ba1),
            _mm512_unpackhi_epi16(rg1, ba1),
        ];
        if normal != u64::MAX {
            for (k, w) in v.iter().enumerate() {
                // SAFETY: `words` holds 64 words: 16 k + 15 < 64.
                unsafe { _mm512_storeu_si512(words[16 * k..].as_mut_ptr().cast(), *w) };
            }
            fix(VBMI_BLOCK * b, !normal, &mut words);
            // SAFETY: as above.
            v = [0, 1, 2, 3]
                .map(|k| unsafe { _mm512_loadu_si512(words[16 * k..].as_ptr().cast()) });
        }
        for (k, w) in v.into_iter().enumerate() {
            let dst = o[64 * k..].as_mut_ptr().cast();
            // SAFETY: `o` holds 256 bytes: 64 k + 63 < 256; aligned when streaming.
            unsafe {
                if stream {
                    _mm512_stream_si512(dst, w);
                } else {
                    _mm512_storeu_si512(dst, w);
                }
            }
        }
    }
    if stream {
        _mm_sfence();
    }
}

/// Values a block of [`rgba8_words`].
pub(crate) const WORD_BLOCK: usize = 64;

/// RGBA8 words of `xs` into `out` (4 bytes a value) where [`Vbmi`] does not apply: the
/// [`LinearMap`] position of each value (`0` under, `1..=n` the colours, `n + 1` over,
/// `n + 2` NaN: the scalar loop's `scaled_position`) computed in vector registers (AVX2:
/// four f64 lanes; otherwise SSE2, which every x86-64 has: two), [`WORD_BLOCK`] values a
/// block, then each word loaded from `table` (in position order; a table of 512 words is
/// indexed without a bounds check, by a mask) by a scalar load: an
/// eight-lane gather cost more than the rest of a value's work (Zen 4, one core, in L1:
/// 0.89 against 0.59 ns a value with AVX2; the scalar baseline loop 1.9, SSE2 1.2). With
/// `stream` (outputs larger than the cache), blocks are copied to `out` by non-temporal
/// stores where it is aligned for them, fenced before returning.
///
/// # Panics
///
/// When `xs.len()` is not a multiple of [`WORD_BLOCK`] or `out` is not `4 * xs.len()`
/// bytes, `nf` is not an integer in `1..2^24`, or `table` has fewer than `nf + 3` words
/// (bugs of the caller).
pub(crate) fn rgba8_words(map: LinearMap, table: &[u32], xs: &[f64], out: &mut [u8], stream: bool) {
    assert!(xs.len().is_multiple_of(WORD_BLOCK) && out.len() == 4 * xs.len());
    assert!(map.nf >= 1.0 && map.nf < 16_777_216.0 && map.nf.fract() == 0.0);
    assert!(table.len() as f64 >= map.nf + 3.0);
    #[cfg(target_arch = "x86_64")]
    {
        if path() == Path::Baseline {
            // SAFETY: every x86-64 CPU has SSE2.
            unsafe { words_sse2(map, table, xs, out, stream) };
        } else {
            // SAFETY: `path` is AVX2 or AVX-512 only when the CPU has AVX2.
            unsafe { words_avx2(map, table, xs, out, stream) };
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let _ = (map, table, xs, out, stream);
        unreachable!("the large float64 route calls rgba8_words only on x86-64")
    }
}

/// The paths of [`rgba8_words`] this CPU can run (tests call each, whatever the
/// environment caps).
#[cfg(all(test, target_arch = "x86_64"))]
pub(crate) fn rgba8_words_paths() -> Vec<&'static str> {
    let mut paths = vec!["sse2"];
    if std::arch::is_x86_feature_detected!("avx2") {
        paths.push("avx2");
    }
    paths
}

/// [`rgba8_words`] on the path named by [`rgba8_words_paths`].
#[cfg(all(test, target_arch = "x86_64"))]
pub(crate) fn rgba8_words_on(
    path: &str,
    map: LinearMap,
    table: &[u32],
    xs: &[f64],
    out: &mut [u8],
    stream: bool,
) {
    assert!(xs.len().is_multiple_of(WORD_BLOCK) && out.len() == 4 * xs.len());
    assert!(table.len() as f64 >= map.nf + 3.0);
    if path == "avx2" {
        assert!(std::arch::is_x86_feature_detected!("avx2"));
        // SAFETY: the CPU has AVX2 (asserted).
        unsafe { words_avx2(map, table, xs, out, stream) };
    } else {
        // SAFETY: every x86-64 CPU has SSE2.
        unsafe { words_sse2(map, table, xs, out, stream) };
    }
}

/// Looks the positions of a block up by `$look` and writes the words into `o` (256
/// bytes), by non-temporal `$store`s of `$lanes` words where `stream`.
#[cfg(target_arch = "x86_64")]
macro_rules! store_words {
    ($pos:expr, $look:expr, $o:expr, $stream:expr, $vec:ty, $lanes:expr, $store:ident) => {{
        let look = $look;
        if $stream {
            let mut words = [0u32; WORD_BLOCK];
            for (w, p) in words.iter_mut().zip($pos.iter()) {
                *w = look(*p);
            }
            for (k, dst) in $o.chunks_exact_mut(4 * $lanes).enumerate() {
                // SAFETY: `words` holds 64 words and `dst` 4 * lanes bytes, aligned for
                // the store (checked by the caller); the load is unaligned.
                unsafe {
                    let w = std::ptr::read_unaligned(words[$lanes * k..].as_ptr().cast::<$vec>());
                    $store(dst.as_mut_ptr().cast(), w);
                }
            }
        } else {
            for (dst, p) in $o.chunks_exact_mut(4).zip($pos.iter()) {
                dst.copy_from_slice(&look(*p).to_ne_bytes());
            }
        }
    }};
}

/// [`store_words`] with the lookup a table of 512 words allows (a mask, no bounds check:
/// four instructions a value less) or any other (positions past the end take the last
/// word, which no valid position does).
#[cfg(target_arch = "x86_64")]
macro_rules! look_up_words {
    ($pos:expr, $table:expr, $o:expr, $stream:expr, $vec:ty, $lanes:expr, $store:ident) => {{
        match <&[u32; 512]>::try_from($table) {
            Ok(t) => {
                store_words!(
                    $pos,
                    |p: u32| t[p as usize & 511],
                    $o,
                    $stream,
                    $vec,
                    $lanes,
                    $store
                )
            }
            Err(_) => {
                let last = $table.len().saturating_sub(1);
                let look = |p: u32| $table[(p as usize).min(last)];
                store_words!($pos, look, $o, $stream, $vec, $lanes, $store)
            }
        }
    }};
}

/// [`rgba8_words`] with AVX2: `floor(clamp(xa, -1, nf))` by a rounding instruction (`xa`
/// equal to `nf` first moved to `nf - 1`, NaN kept by the operand order of `max`/`min`),
/// converted, plus one, and NaN's conversion (`0x8000_0000`) clamped to `n + 2` by an
/// unsigned `min`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn words_avx2(map: LinearMap, table: &[u32], xs: &[f64], out: &mut [u8], stream: bool) {
    use std::arch::x86_64::*;
    let stream = stream && (out.as_ptr() as usize).is_multiple_of(32);
    let vmin = _mm256_set1_pd(map.vmin);
    let d = _mm256_set1_pd(map.d);
    let nf = _mm256_set1_pd(map.nf);
    let top = _mm256_set1_pd(map.nf - 1.0);
    let neg1 = _mm256_set1_pd(-1.0);
    let one = _mm_set1_epi32(1);
    let bad = _mm_set1_epi32(map.nf as i32 + 2);
    let mut pos = [0u32; WORD_BLOCK];
    for (x, o) in xs
        .chunks_exact(WORD_BLOCK)
        .zip(out.chunks_exact_mut(4 * WORD_BLOCK))
    {
        for (q, p) in pos.chunks_exact_mut(4).enumerate() {
            // SAFETY: `x` holds 64 values: 4 q + 3 < 64.
            let v = unsafe { _mm256_loadu_pd(x[4 * q..].as_ptr()) };
            let xa = _mm256_mul_pd(_mm256_div_pd(_mm256_sub_pd(v, vmin), d), nf);
            let y = _mm256_blendv_pd(xa, top, _mm256_cmp_pd::<_CMP_EQ_OQ>(xa, nf));
            // `max(a, b)` and `min(a, b)` return `b` when either is NaN.
            let c = _mm256_min_pd(nf, _mm256_max_pd(neg1, y));
            let f = _mm256_round_pd::<{ _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC }>(c);
            let i = _mm_min_epu32(_mm_add_epi32(_mm256_cvttpd_epi32(f), one), bad);
            // SAFETY: `p` holds four words; the store is unaligned.
            unsafe { _mm_storeu_si128(p.as_mut_ptr().cast(), i) };
        }
        look_up_words!(pos, table, o, stream, __m256i, 8, _mm256_stream_si256);
    }
    if stream {
        _mm_sfence();
    }
}

/// [`rgba8_words`] with SSE2 (no rounding instruction, blend or unsigned `min`): the
/// truncating conversion, minus one where it rounded up (negative non-integers); NaN's
/// conversion plus one (`0x8000_0001`, the only negative result) moved to `n + 2` by adding
/// the difference where the sign is set.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn words_sse2(map: LinearMap, table: &[u32], xs: &[f64], out: &mut [u8], stream: bool) {
    use std::arch::x86_64::*;
    let stream = stream && (out.as_ptr() as usize).is_multiple_of(16);
    let vmin = _mm_set1_pd(map.vmin);
    let d = _mm_set1_pd(map.d);
    let nf = _mm_set1_pd(map.nf);
    let one_f = _mm_set1_pd(1.0);
    let neg1 = _mm_set1_pd(-1.0);
    let one = _mm_set1_epi32(1);
    let to_bad = _mm_set1_epi32((map.nf as i32 + 2).wrapping_sub(0x8000_0001_u32 as i32));
    let two = |x: &[f64]| {
        // SAFETY: the caller passes two values; the load is unaligned.
        let v = unsafe { _mm_loadu_pd(x.as_ptr()) };
        let xa = _mm_mul_pd(_mm_div_pd(_mm_sub_pd(v, vmin), d), nf);
        // `nf` (exactly) to `nf - 1`.
        let y = _mm_sub_pd(xa, _mm_and_pd(_mm_cmpeq_pd(xa, nf), one_f));
        let c = _mm_min_pd(nf, _mm_max_pd(neg1, y));
        let i = _mm_cvttpd_epi32(c);
        let up = _mm_castpd_si128(_mm_cmpgt_pd(_mm_cvtepi32_pd(i), c));
        _mm_add_epi32(i, _mm_shuffle_epi32::<0b1000>(up))
    };
    let mut pos = [0u32; WORD_BLOCK];
    for (x, o) in xs
        .chunks_exact(WORD_BLOCK)
        .zip(out.chunks_exact_mut(4 * WORD_BLOCK))
    {
        for (q, p) in pos.chunks_exact_mut(4).enumerate() {
            let (a, b) = (two(&x[4 * q..4 * q + 2]), two(&x[4 * q + 2..4 * q + 4]));
            let i = _mm_unpacklo_epi64(a, b);
            let i = _mm_add_epi32(i, one);
            let i = _mm_add_epi32(i, _mm_and_si128(_mm_srai_epi32::<31>(i), to_bad));
            // SAFETY: `p` holds four words; the store is unaligned.
            unsafe { _mm_storeu_si128(p.as_mut_ptr().cast(), i) };
        }
        look_up_words!(pos, table, o, stream, __m128i, 4, _mm_stream_si128);
    }
    if stream {
        _mm_sfence();
    }
}

/// True where [`vectorized`] runs its baseline copy (no AVX2, or `FIGBUF_NO_AVX2`).
pub(crate) fn baseline() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        path() == Path::Baseline
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        true
    }
}

/// The smallest and largest finite value of `xs` (`(inf, -inf)` when there is none) by
/// float comparisons in SSE2 registers (four pairs of lanes): which zero a tie of `-0` and
/// `+0` returns is not specified (callers that care look for the other one). The integer
/// key reduction of the other paths needs 64-bit compares that SSE2 lacks, so the baseline
/// compiler keeps it scalar: 0.73 against 0.38 ns a value (Zen 4, one core, in L1).
pub(crate) fn float_min_max_f64(xs: &[f64]) -> (f64, f64) {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: every x86-64 CPU has SSE2.
        unsafe { min_max_sse2(xs) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        xs.iter()
            .filter(|x| x.is_finite())
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), &x| {
                (l.min(x), h.max(x))
            })
    }
}

/// [`float_min_max_f64`]: a value is finite where `x - x == 0` (NaN for NaN and ±inf);
/// the others are replaced by `inf` for the min and `-inf` for the max.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn min_max_sse2(xs: &[f64]) -> (f64, f64) {
    use std::arch::x86_64::*;
    let inf = _mm_set1_pd(f64::INFINITY);
    let ninf = _mm_set1_pd(f64::NEG_INFINITY);
    let zero = _mm_setzero_pd();
    let mut lo = [inf; 4];
    let mut hi = [ninf; 4];
    let mut runs = xs.chunks_exact(8);
    for run in runs.by_ref() {
        for (k, (l, h)) in lo.iter_mut().zip(hi.iter_mut()).enumerate() {
            // SAFETY: `run` holds eight values: 2 k + 1 < 8; the load is unaligned.
            let v = unsafe { _mm_loadu_pd(run[2 * k..].as_ptr()) };
            let finite = _mm_cmpeq_pd(_mm_sub_pd(v, v), zero);
            let kept = _mm_and_pd(finite, v);
            *l = _mm_min_pd(*l, _mm_or_pd(kept, _mm_andnot_pd(finite, inf)));
            *h = _mm_max_pd(*h, _mm_or_pd(kept, _mm_andnot_pd(finite, ninf)));
        }
    }
    let l = _mm_min_pd(_mm_min_pd(lo[0], lo[1]), _mm_min_pd(lo[2], lo[3]));
    let h = _mm_max_pd(_mm_max_pd(hi[0], hi[1]), _mm_max_pd(hi[2], hi[3]));
    let (mut a, mut b) = ([0.0; 2], [0.0; 2]);
    // SAFETY: `a` and `b` hold two values; the stores are unaligned.
    unsafe {
        _mm_storeu_pd(a.as_mut_ptr(), l);
        _mm_storeu_pd(b.as_mut_ptr(), h);
    }
    let (mut lo, mut hi) = (a[0].min(a[1]), b[0].max(b[1]));
    for &x in runs.remainder().iter().filter(|x| x.is_finite()) {
        lo = lo.min(x);
        hi = hi.max(x);
    }
    (lo, hi)
}

/// Outputs from this size on ask for huge pages (two 2 MiB pages at least).
const HUGE_PAGE_MIN_BYTES: usize = 4 << 20;

/// The transparent huge page size on x86-64 and aarch64 Linux.
#[cfg(target_os = "linux")]
const HUGE_PAGE_BYTES: usize = 2 << 20;

/// Number types whose all-zero bit pattern is the value 0 (their `Default`), so that a
/// zeroed allocation is a valid vector of them.
///
/// # Safety
/// Implement only for types for which every all-zero byte pattern is a valid value.
pub(crate) unsafe trait Zeroable: Copy + Default {}
// SAFETY: plain integers and IEEE floats: all-zero bits are 0 / 0.0.
unsafe impl Zeroable for u8 {}
// SAFETY: as above.
unsafe impl Zeroable for u16 {}
// SAFETY: as above.
unsafe impl Zeroable for u32 {}
// SAFETY: as above.
unsafe impl Zeroable for u64 {}
// SAFETY: as above.
unsafe impl Zeroable for f32 {}
// SAFETY: as above.
unsafe impl Zeroable for f64 {}
// SAFETY: as above.
unsafe impl Zeroable for i8 {}
// SAFETY: as above.
unsafe impl Zeroable for i16 {}
// SAFETY: as above.
unsafe impl Zeroable for i32 {}
// SAFETY: as above.
unsafe impl Zeroable for i64 {}
// SAFETY: arrays of such numbers: all-zero bytes are an array of zeros.
unsafe impl<T: Zeroable> Zeroable for [T; 1] {}
// SAFETY: as above.
unsafe impl<T: Zeroable> Zeroable for [T; 4] {}

/// `vec![T::default(); len]` for plain number types, allocated fallibly (a refused
/// allocation is `Error::Data("cannot allocate N bytes for WHAT")`, never an abort) and on
/// transparent huge pages where the OS gives them on request (Linux in `madvise` mode):
/// the zeroed allocation (calloc: untouched pages) is still untouched, so the advice
/// decides how its first write is backed.
pub(crate) fn zeroed_vec<T: Zeroable>(len: usize, what: &str) -> crate::Result<Vec<T>> {
    let size = std::mem::size_of::<T>();
    let refused = || crate::alloc::error(len as u128 * size as u128, what);
    if len == 0 || size == 0 {
        return Ok(vec![T::default(); len]);
    }
    let layout = std::alloc::Layout::array::<T>(len).map_err(|_| refused())?;
    // SAFETY: `layout` has a non-zero size (len > 0, size > 0).
    let ptr = unsafe { std::alloc::alloc_zeroed(layout) }.cast::<T>();
    if ptr.is_null() {
        return Err(refused());
    }
    // SAFETY: `ptr` was allocated by the global allocator with `Layout::array::<T>(len)`,
    // the layout a `Vec<T>` of capacity `len` has; its `len` elements are zeroed, which
    // `T: Zeroable` makes valid values.
    let v = unsafe { Vec::from_raw_parts(ptr, len, len) };
    advise_if_large(v.as_ptr(), len);
    Ok(v)
}

/// An empty vector with room for `capacity` elements, reserved fallibly (see
/// [`zeroed_vec`]) and on transparent huge pages like [`zeroed_vec`] for large capacities:
/// for outputs written once in place (rayon's `collect_into_vec` keeps a large enough
/// allocation), without zeroing them first.
pub(crate) fn vec_with_capacity<T>(capacity: usize, what: &str) -> crate::Result<Vec<T>> {
    let v: Vec<T> = crate::alloc::with_capacity(capacity, what)?;
    advise_if_large(v.as_ptr(), capacity);
    Ok(v)
}

/// A fresh vector of `rows` rows of `stride` bytes, row `y` a copy of `row(y)`, written by
/// every rayon thread in tasks of `rows_per_task` rows, on transparent huge pages like
/// [`vec_with_capacity`]: a canvas's first pass when the render waits for it (issue 21:
/// an image written straight into the canvas next). Safe Rust can only hand threads
/// initialized memory, and initializing it first (zeros) is a pass of its own over memory
/// the OS clears anyway. Errors: a refused allocation; a row of another length than
/// `stride` (nothing is returned then).
pub(crate) fn rows_vec<'r>(
    rows: usize,
    stride: usize,
    rows_per_task: usize,
    row: impl Fn(usize) -> &'r [u8] + Sync,
    what: &str,
) -> crate::Result<Vec<u8>> {
    use rayon::prelude::*;
    let len = rows
        .checked_mul(stride)
        .ok_or_else(|| crate::alloc::error(rows as u128 * stride as u128, what))?;
    let mut v: Vec<u8> = vec_with_capacity(len, what)?;
    if len == 0 {
        return Ok(v);
    }
    let task = rows_per_task.max(1).saturating_mul(stride);
    let written = v.spare_capacity_mut()[..len]
        .par_chunks_mut(task)
        .enumerate()
        .all(|(k, part)| {
            part.chunks_mut(stride).enumerate().all(|(i, dst)| {
                let src = row(k * rows_per_task.max(1) + i);
                if src.len() != dst.len() {
                    return false;
                }
                // (`write_copy_of_slice` is newer than the crate's MSRV.)
                for (d, &b) in dst.iter_mut().zip(src) {
                    d.write(b);
                }
                true
            })
        });
    if !written {
        return Err(crate::Error::Data(format!(
            "a row of {what} is not {stride} bytes long"
        )));
    }
    // SAFETY: `v` has capacity for `len` bytes (reserved above), and every byte of
    // `0..len` was written: the chunks of `task` bytes cover `0..len`, each chunk's rows
    // of `stride` bytes (the last one possibly shorter) cover the chunk, and `all`
    // returned true, so every row was visited and copied from a slice of its length.
    unsafe { v.set_len(len) };
    Ok(v)
}

/// Asks for huge pages on an allocation at `ptr` with room for `len` elements, from
/// [`HUGE_PAGE_MIN_BYTES`] on.
fn advise_if_large<T>(ptr: *const T, len: usize) {
    let bytes = len.saturating_mul(std::mem::size_of::<T>());
    if bytes >= HUGE_PAGE_MIN_BYTES {
        advise_huge_pages(ptr as usize, bytes);
    }
}

#[cfg(target_os = "linux")]
fn advise_huge_pages(addr: usize, len: usize) {
    // Only whole huge pages inside the allocation: [start, end) is mapped and ours.
    let start = addr.div_ceil(HUGE_PAGE_BYTES) * HUGE_PAGE_BYTES;
    let end = (addr + len) / HUGE_PAGE_BYTES * HUGE_PAGE_BYTES;
    if end > start {
        // SAFETY: the range lies inside a live allocation of ours and is page-aligned;
        // MADV_HUGEPAGE changes how the kernel backs it, never its contents. A failure
        // (THP disabled, old kernel) only means the advice is not taken.
        unsafe {
            libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn advise_huge_pages(_addr: usize, _len: usize) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_vec_copies_every_row() {
        let rows: Vec<Vec<u8>> = (0..37u8).map(|y| vec![y; 12]).collect();
        for per_task in [0, 1, 5, 37, 100] {
            let v = rows_vec(37, 12, per_task, |y| &rows[y], "the test").unwrap();
            assert_eq!(v, rows.concat());
        }
        assert!(rows_vec(0, 12, 3, |y| &rows[y], "the test")
            .unwrap()
            .is_empty());
        let e = rows_vec(3, 11, 1, |y| &rows[y], "the test").unwrap_err();
        assert!(e.to_string().contains("not 11 bytes"), "{e}");
        let big: Vec<u8> = (0..=255).cycle().take(15360).collect();
        let v = rows_vec(400, 15360, 17, |_| &big, "the test").unwrap();
        assert!(v.chunks(15360).all(|r| r == big));
    }

    #[test]
    fn zeroed_vec_is_zeroed_at_every_size() {
        for len in [0, 1, 1000, (5 << 20) + 3] {
            let v: Vec<u8> = zeroed_vec(len, "the test").unwrap();
            assert_eq!(v.len(), len);
            assert!(v.iter().all(|&b| b == 0));
        }
        let w: Vec<u32> = zeroed_vec(3 << 20, "the test").unwrap();
        assert!(w.iter().all(|&b| b == 0));
        let f: Vec<f64> = zeroed_vec(7, "the test").unwrap();
        assert_eq!(f, vec![0.0; 7]);
        let e = zeroed_vec::<u64>(usize::MAX / 4, "the test").unwrap_err();
        assert!(e.to_string().starts_with("cannot allocate "), "{e}");
        let e = vec_with_capacity::<u64>(usize::MAX / 8, "the test").unwrap_err();
        assert!(e.to_string().ends_with(" bytes for the test"), "{e}");
    }

    struct Sum<'a>(&'a [f64], f64);

    impl Kernel for Sum<'_> {
        type Output = f64;
        #[inline(always)]
        fn run(self) -> f64 {
            self.0.iter().map(|x| x * self.1).sum()
        }
    }

    #[test]
    fn vectorized_returns_the_kernel_value() {
        let xs: Vec<f64> = (0..1000).map(f64::from).collect();
        assert_eq!(vectorized(Sum(&xs, 2.0)), 999_000.0);
    }
}

/// Number types with no padding and no invalid bit patterns: any bytes are a value.
#[cfg_attr(not(feature = "npy"), allow(dead_code))]
pub(crate) trait Plain: Zeroable + plain::Sealed {}

mod plain {
    /// Only the types below are [`super::Plain`].
    pub trait Sealed {}
}

macro_rules! plain_types {
    ($($t:ty),*) => {$(
        impl plain::Sealed for $t {}
        impl Plain for $t {}
    )*};
}
plain_types!(f64, f32, i8, i16, i32, i64, u8, u16, u32, u64);

/// The memory of `values` as bytes (native byte order), to read into.
#[cfg_attr(not(feature = "npy"), allow(dead_code))]
pub(crate) fn bytes_mut<T: Plain>(values: &mut [T]) -> &mut [u8] {
    let len = std::mem::size_of_val(values);
    // SAFETY: `T` is a plain number type (sealed [`Plain`]): no padding, every byte
    // pattern is a valid value, so the bytes may be read and written freely. The slice
    // covers exactly the `len` bytes of `values` (one allocation), u8 needs no alignment,
    // and the borrow of `values` is held for the result's lifetime.
    unsafe { std::slice::from_raw_parts_mut(values.as_mut_ptr().cast::<u8>(), len) }
}

#[cfg(test)]
mod bytes_tests {
    #[test]
    fn bytes_mut_is_native_memory() {
        let mut v = [0.0f64, 0.0];
        super::bytes_mut(&mut v)[..8].copy_from_slice(&1.5f64.to_ne_bytes());
        assert_eq!(v, [1.5, 0.0]);
        let mut w = [0u16; 3];
        assert_eq!(super::bytes_mut(&mut w).len(), 6);
    }
}

/// [`read_image_data`](crate::npy::read_image_data), except that large 2-D number data (from 4 MiB, in this CPU's byte
/// order) is left in a read-only, private map of the file (Linux) instead of being read
/// into fresh memory: the kernel neither copies it from the page cache nor clears new
/// pages for it (a 2048² f64 file: ~7 ms less CPU time for the `figbuf` CLI's `imshow`).
/// Other data is read as [`read_image_data`](crate::npy::read_image_data) reads it.
///
/// # Safety
///
/// The contract of numpy's `np.load(mmap_mode='r')`: the file must not be written to or
/// truncated while the returned data (or a figure holding it) lives. Values another
/// process writes into it meanwhile may show through (Rust's aliasing rules make that
/// undefined behaviour, which is why this function is `unsafe`), and reading data that a
/// truncation cut off raises `SIGBUS`, which kills the process unless it handles that
/// signal (the `figbuf` CLI reports it as an error naming the input).
///
/// ```no_run
/// // SAFETY: nothing else writes to frame.npy while the figure is drawn.
/// let data = unsafe { figbuf::npy::map_image_data("frame.npy") }?;
/// # Ok::<(), figbuf::Error>(())
/// ```
#[cfg(feature = "npy")]
pub unsafe fn map_image_data(
    path: impl AsRef<std::path::Path>,
) -> crate::Result<crate::image::ImageData> {
    crate::npy::read_npy(path.as_ref(), true)
}

/// A read-only, private map of the start of a file: its page-cache pages mapped into the
/// process, neither copied nor cleared (item 5 of the module docs). Linux only; elsewhere
/// [`FileMap::map`] declines and the data is read.
///
/// The contract, as for numpy's `np.load(mmap_mode='r')`: the file must not change while
/// the map lives. Values another process writes into the file meanwhile may show through
/// (pages not yet read), and a file truncated meanwhile makes reading the pages past its
/// new end a `SIGBUS` (the CLI reports it as an error naming the input; see its
/// `cpu.rs`). figbuf maps only regular files of at least [`FileMap::MIN_BYTES`], after
/// checking their length against the header.
pub(crate) struct FileMap {
    #[cfg(target_os = "linux")]
    ptr: std::ptr::NonNull<u8>,
    #[cfg(target_os = "linux")]
    len: usize,
    #[cfg(not(target_os = "linux"))]
    _never: std::convert::Infallible,
}

// SAFETY: the map is read-only memory owned by the `FileMap` (unmapped once, on drop), so
// it can be moved to and read from any thread.
unsafe impl Send for FileMap {}
// SAFETY: as above: `&FileMap` only gives shared, read-only access.
unsafe impl Sync for FileMap {}

#[cfg_attr(not(feature = "npy"), allow(dead_code))]
impl FileMap {
    /// Smaller data is read: below a few MB a map saves nothing measurable.
    pub(crate) const MIN_BYTES: usize = 4 << 20;

    /// Maps the first `len` bytes of `file` read-only and private; `None` when `len` is 0
    /// or the system refuses (then the caller reads the file).
    #[cfg(target_os = "linux")]
    pub(crate) fn map(file: &std::fs::File, len: usize) -> Option<FileMap> {
        use std::os::fd::AsRawFd;
        if len == 0 {
            return None;
        }
        // SAFETY: a new mapping chosen by the kernel (no fixed address), read-only and
        // private, of a file descriptor that is open for reading; it overlaps nothing of
        // ours, and only `Drop` unmaps it.
        let p = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ,
                libc::MAP_PRIVATE,
                file.as_raw_fd(),
                0,
            )
        };
        if p == libc::MAP_FAILED {
            return None;
        }
        let ptr = std::ptr::NonNull::new(p.cast::<u8>())?;
        Some(FileMap { ptr, len })
    }

    /// Declines: the data is read instead.
    #[cfg(not(target_os = "linux"))]
    pub(crate) fn map(_file: &std::fs::File, _len: usize) -> Option<FileMap> {
        None
    }

    /// The mapped bytes.
    pub(crate) fn bytes(&self) -> &[u8] {
        #[cfg(target_os = "linux")]
        // SAFETY: `ptr` is the start of a live read-only mapping of `len` bytes, unmapped
        // only when `self` is dropped, which the borrow prevents meanwhile.
        return unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) };
        #[cfg(not(target_os = "linux"))]
        match self._never {}
    }

    /// `count` values of `T` from byte `offset` of the map, when they lie inside it and
    /// `offset` is aligned for `T`.
    pub(crate) fn values<T: Plain>(
        map: &std::sync::Arc<FileMap>,
        offset: usize,
        count: usize,
    ) -> Option<MappedSlice<T>> {
        let bytes = count.checked_mul(std::mem::size_of::<T>())?;
        let range = map.bytes().get(offset..offset.checked_add(bytes)?)?;
        let ptr = range.as_ptr().cast::<T>();
        if !ptr.is_aligned() {
            return None;
        }
        Some(MappedSlice {
            _map: std::sync::Arc::clone(map),
            ptr,
            len: count,
        })
    }
}

#[cfg(target_os = "linux")]
impl Drop for FileMap {
    fn drop(&mut self) {
        // SAFETY: the mapping `map` made, unmapped once; no borrow of it outlives `self`.
        unsafe {
            libc::munmap(self.ptr.as_ptr().cast(), self.len);
        }
    }
}

/// `len` values of a plain number type in a [`FileMap`], which it keeps alive.
#[derive(Clone)]
pub(crate) struct MappedSlice<T> {
    _map: std::sync::Arc<FileMap>,
    ptr: *const T,
    len: usize,
}

// SAFETY: read-only values in a map the slice keeps alive; `T: Plain` numbers are `Send`.
unsafe impl<T: Plain + Send> Send for MappedSlice<T> {}
// SAFETY: as above; only shared access is given.
unsafe impl<T: Plain + Sync> Sync for MappedSlice<T> {}

impl<T> std::fmt::Debug for MappedSlice<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MappedSlice")
            .field("len", &self.len)
            .finish()
    }
}

impl<T: Plain> MappedSlice<T> {
    /// The values.
    pub(crate) fn as_slice(&self) -> &[T] {
        // SAFETY: `FileMap::values` checked that the `len` values lie inside the map and
        // that `ptr` is aligned; `_map` keeps the map alive as long as `self`; `T: Plain`
        // takes any bytes as a value. (The map's contract: the file does not change.)
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

#[cfg(all(test, target_os = "linux"))]
mod map_tests {
    #[test]
    fn maps_a_file_and_checks_ranges() {
        let path = std::env::temp_dir().join(format!("figbuf-map-{}", std::process::id()));
        let values: Vec<u8> = (0..64u8).collect();
        std::fs::write(&path, &values).unwrap();
        let file = std::fs::File::open(&path).unwrap();
        let map = std::sync::Arc::new(super::FileMap::map(&file, 64).unwrap());
        assert_eq!(map.bytes(), &values[..]);
        let s = super::FileMap::values::<u32>(&map, 8, 14).unwrap();
        assert_eq!(s.as_slice()[0], u32::from_ne_bytes([8, 9, 10, 11]));
        assert!(
            super::FileMap::values::<u32>(&map, 8, 15).is_none(),
            "past the end"
        );
        assert!(
            super::FileMap::values::<u32>(&map, 2, 1).is_none(),
            "misaligned"
        );
        assert!(super::FileMap::map(&file, 0).is_none());
        drop(map);
        assert_eq!(s.as_slice().len(), 14, "the slice keeps the map alive");
        let _ = std::fs::remove_file(&path);
    }
}
