//! The crate's only `unsafe` code: two measured speed-ups that safe Rust cannot express.
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

/// Outputs from this size on ask for huge pages (two 2 MiB pages at least).
const HUGE_PAGE_MIN_BYTES: usize = 4 << 20;

/// The transparent huge page size on x86-64 and aarch64 Linux.
#[cfg(target_os = "linux")]
const HUGE_PAGE_BYTES: usize = 2 << 20;

/// `vec![T::default(); len]` for plain number types, on transparent huge pages where the
/// OS gives them on request (Linux in `madvise` mode): the zeroed allocation is still
/// untouched, so the advice decides how its first write is backed.
pub(crate) fn zeroed_vec<T: Copy + Default>(len: usize) -> Vec<T> {
    let v = vec![T::default(); len];
    advise_if_large(v.as_ptr(), len);
    v
}

/// An empty vector with room for `capacity` elements, on transparent huge pages like
/// [`zeroed_vec`] for large capacities: for outputs written once in place (rayon's
/// `collect_into_vec` keeps a large enough allocation), without zeroing them first.
pub(crate) fn vec_with_capacity<T>(capacity: usize) -> Vec<T> {
    let v: Vec<T> = Vec::with_capacity(capacity);
    advise_if_large(v.as_ptr(), capacity);
    v
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
    fn zeroed_vec_is_zeroed_at_every_size() {
        for len in [0, 1, 1000, (5 << 20) + 3] {
            let v: Vec<u8> = zeroed_vec(len);
            assert_eq!(v.len(), len);
            assert!(v.iter().all(|&b| b == 0));
        }
        let w: Vec<u32> = zeroed_vec(3 << 20);
        assert!(w.iter().all(|&b| b == 0));
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
