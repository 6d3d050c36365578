//! Fuzz target: `.npy` bytes through figbuf's reader. Any input must give `Ok` or a clear
//! `Err`, never a panic, and never allocate more than the input's size (plus the decoded
//! copy): a header declaring a huge shape must be refused before any allocation.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(header) = figbuf::npy::parse_header(data) {
        // A header that parses has a well-defined declared size (or a clear overflow error).
        let _ = header.data_len();
        let _ = header.dtype();
    }
    if let Ok(image) = figbuf::npy::from_bytes(data) {
        let (rows, cols) = image.shape();
        // Whatever was accepted fits in the bytes given.
        assert!(rows.saturating_mul(cols) <= data.len());
    }
});
