//! The process's allocator: the system allocator with a reserve for the error path, and
//! glibc's thresholds for large blocks set for a short-lived process ([`tune_allocator`]).
//! This is the CLI's only `unsafe` (a `GlobalAlloc` must be `unsafe impl`; `mallopt` is a C
//! call; mapping the input is `unsafe` by contract, [`map_npy`]), kept here as the library keeps its own in `src/cpu.rs`.
//!
//! figbuf allocates every large buffer fallibly and reports a refusal as `error: cannot
//! allocate N bytes for ...`. Near an address-space or memory limit, though, the *small*
//! allocations that follow (formatting that message, another thread's bookkeeping, a
//! worker's first allocation, which needs a fresh glibc arena) failed too, and a failed
//! small allocation aborts the process. Measured: `imshow` of a 2048² f64 `.npy` on a
//! 20-inch figure under `prlimit --as` of 80 MiB aborted in 8 of 20 runs. So a 4 MiB
//! block is reserved at start (address space only: it is never touched) and released the
//! first time a small allocation (up to 64 KiB) is refused, which is then retried; a
//! refused large buffer never takes it, so the error path keeps its room. Measured after:
//! 0 aborts in 80 runs at 76-88 MiB, and the sweep of `tests/robustness.rs` passes.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicPtr, Ordering};

/// The reserve's size.
const RESERVE_BYTES: usize = 4 << 20;

/// The reserve, or null once released (or if it could not be made).
static RESERVE: AtomicPtr<u8> = AtomicPtr::new(std::ptr::null_mut());

fn reserve_layout() -> Layout {
    // 4 MiB with 4 KiB alignment is a valid layout (non-zero, power-of-two alignment).
    Layout::from_size_align(RESERVE_BYTES, 4096).unwrap_or(Layout::new::<u8>())
}

/// Makes the reserve (once, at start; a second call does nothing).
pub(crate) fn make_reserve() {
    if RESERVE.load(Ordering::Acquire).is_null() {
        // SAFETY: the layout has a non-zero size.
        let p = unsafe { System.alloc(reserve_layout()) };
        if RESERVE
            .compare_exchange(std::ptr::null_mut(), p, Ordering::AcqRel, Ordering::Acquire)
            .is_err()
            && !p.is_null()
        {
            // SAFETY: `p` came from `System.alloc` with this layout and was not stored.
            unsafe { System.dealloc(p, reserve_layout()) };
        }
    }
}

/// Blocks up to this size come from malloc's arenas, never from a fresh `mmap` of their
/// own (glibc's largest allowed value on 64-bit systems: `HEAP_MAX_SIZE / 2`).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MMAP_THRESHOLD_BYTES: i32 = 32 << 20;

/// Free memory at the top of an arena is handed back to the kernel only past this size.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const TRIM_THRESHOLD_BYTES: i32 = 1 << 30;

/// Sets glibc malloc's thresholds for large blocks for a process that renders once and
/// exits. By default every block from 128 KiB up is a fresh `mmap` of its own, unmapped
/// when freed (the threshold then rises to the freed size, but a worker's arena gives
/// back its free top past twice that): the resampler's colour tiles (1-3 MB, one per block
/// of output rows, on both workers) were fresh pages every time, faulted in and cleared
/// by the kernel, and unmapped again: 2,600 of the 4,150 page faults of `figbuf imshow` on
/// a 2048² `.npy` (perf, 2026-12-07). With blocks below 32 MiB kept in the arenas and
/// nothing trimmed below 1 GiB, a freed tile is reused by the next one. Blocks from 32
/// MiB on (the 2048² f64 data itself) are still mapped on their own, on huge pages where
/// the library asks for them. Call it after [`make_reserve`]: the reserve stays a mapping
/// of its own, so that releasing it gives its address space back.
pub(crate) fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only sets malloc's parameters (it takes malloc's lock); a refused
    // value leaves the default in place.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES);
        libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES);
    }
}

/// The message of a `SIGBUS`, set with the input's name before it is read.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
static SIGBUS_MESSAGE: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();

/// Turns a `SIGBUS` into `error: INPUT: ...` and exit status 1. The library leaves a
/// large `.npy` in a read-only map of its file (`src/cpu.rs`, `FileMap`); when another
/// process cuts the file short while figbuf runs, reading the lost pages raises `SIGBUS`,
/// which would otherwise kill the process with no message. (Only a mapped file cut short
/// raises it here. `colormap` streams a `.npy` output while it reads the input: the
/// handler then removes that temporary file, [`remove_on_sigbus`].)
fn report_sigbus_for(input: &std::path::Path) {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        let message = format!(
            "error: {}: the file was cut short while figbuf read it (it must not change until figbuf exits)\n",
            input.display()
        );
        if SIGBUS_MESSAGE.set(message.into_bytes()).is_err() {
            return;
        }
        // SAFETY: a zeroed `sigaction` is a valid empty one; the handler has the
        // `SA_SIGINFO` signature and only makes async-signal-safe calls.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_sigbus as *const () as usize;
            action.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(libc::SIGBUS, &action, std::ptr::null_mut());
        }
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    let _ = input;
}

/// Reads the `.npy` at `input` with [`figbuf::npy::map_image_data`], after
/// [`report_sigbus_for`] has set up the error for a file cut short.
pub(crate) fn map_npy(input: &std::path::Path) -> figbuf::Result<figbuf::ImageData> {
    report_sigbus_for(input);
    // SAFETY: the CLI's documented contract is numpy's `mmap_mode='r'`: its input must not
    // change until figbuf exits. A file cut short meanwhile raises `SIGBUS`, which
    // `report_sigbus_for` turns into a named error before any output exists; the values
    // are numbers for which every bit pattern is valid, so a concurrent writer can make
    // a wrong picture but the reads themselves are plain loads of mapped memory.
    unsafe { figbuf::npy::map_image_data(input) }
}

/// The temporary output file the `SIGBUS` handler removes (a NUL-terminated path, leaked
/// when replaced: one or two a process), or null.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
static SIGBUS_REMOVES: std::sync::atomic::AtomicPtr<libc::c_char> =
    std::sync::atomic::AtomicPtr::new(std::ptr::null_mut());

/// Names the temporary output file that a `SIGBUS` must remove (`None`: none). `colormap`
/// streams its `.npy` output while it still reads the mapped input, so an input cut short
/// then must not leave a partial temporary file behind.
pub(crate) fn remove_on_sigbus(tmp: Option<&std::path::Path>) {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        use std::os::unix::ffi::OsStrExt;
        let c = tmp
            .and_then(|p| std::ffi::CString::new(p.as_os_str().as_bytes()).ok())
            .map_or(std::ptr::null_mut(), std::ffi::CString::into_raw);
        // The previous path (if any) is leaked: the handler may be reading it.
        SIGBUS_REMOVES.swap(c, Ordering::AcqRel);
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    let _ = tmp;
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
extern "C" fn on_sigbus(_: libc::c_int, _: *mut libc::siginfo_t, _: *mut libc::c_void) {
    let message = SIGBUS_MESSAGE
        .get()
        .map_or(&b"error: SIGBUS\n"[..], |m| &m[..]);
    let tmp = SIGBUS_REMOVES.load(Ordering::Acquire);
    // SAFETY: `unlink`, `write` and `_exit` are async-signal-safe; `message` is a static
    // buffer written before the handler was installed; `tmp` is null or a NUL-terminated
    // string that is never freed.
    unsafe {
        if !tmp.is_null() {
            libc::unlink(tmp);
        }
        libc::write(2, message.as_ptr().cast(), message.len());
        libc::_exit(1);
    }
}

/// The largest allocation the reserve is released for: the error path's small ones. A
/// refused large buffer is reported by its caller; letting it take the reserve would leave
/// nothing for the message.
const SMALL_BYTES: usize = 64 << 10;

/// Releases the reserve for a refused allocation of `size` bytes when it is small; true
/// when there was one to release.
fn release_reserve_for(size: usize) -> bool {
    size <= SMALL_BYTES && release_reserve()
}

/// Releases the reserve; true when there was one to release.
fn release_reserve() -> bool {
    let p = RESERVE.swap(std::ptr::null_mut(), Ordering::AcqRel);
    if p.is_null() {
        return false;
    }
    // SAFETY: `p` came from `System.alloc` with this layout, and the swap took it out of
    // `RESERVE`, so it is freed exactly once.
    unsafe { System.dealloc(p, reserve_layout()) };
    true
}

/// The system allocator; a refused allocation releases the reserve and is tried again.
pub(crate) struct WithReserve;

// SAFETY: every method forwards to `System` with the caller's arguments unchanged; the
// reserve is a separate `System` block that only this module frees.
unsafe impl GlobalAlloc for WithReserve {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's layout (non-zero size by the trait's contract).
        let p = unsafe { System.alloc(layout) };
        if p.is_null() && release_reserve_for(layout.size()) {
            // SAFETY: as above.
            return unsafe { System.alloc(layout) };
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's layout.
        let p = unsafe { System.alloc_zeroed(layout) };
        if p.is_null() && release_reserve_for(layout.size()) {
            // SAFETY: as above.
            return unsafe { System.alloc_zeroed(layout) };
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by this allocator (that is, by `System`) with `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded with the caller's pointer, layout and size.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if p.is_null() && release_reserve_for(new_size) {
            // SAFETY: a failed realloc leaves `ptr` valid, so it may be tried again.
            return unsafe { System.realloc(ptr, layout, new_size) };
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reserve_is_released_once() {
        make_reserve();
        let made = !RESERVE.load(Ordering::Acquire).is_null();
        assert_eq!(release_reserve(), made);
        assert!(!release_reserve());
        make_reserve();
    }
}
