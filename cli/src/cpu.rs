//! The process's allocator: the system allocator with a reserve for the error path. This
//! is the CLI's only `unsafe` (a `GlobalAlloc` must be `unsafe impl`), kept here as the
//! library keeps its own in `src/cpu.rs`.
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
