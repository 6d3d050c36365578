//! Fuzz target: a figure description (figure.json, as `figbuf render` reads it) built and
//! rendered end to end. Building and rendering must return `Ok` or a clear error, never
//! panic. `{"npy": ...}` references name files in a directory that does not exist (they
//! must fail cleanly); canvases are capped at 200 000 pixels to keep each run fast.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(mut fig) = figbuf_cli::build_from_str(text, Path::new("/nonexistent-figbuf-fuzz"))
    else {
        return;
    };
    fig.set_max_pixels(200_000);
    if let Ok(frame) = fig.render() {
        assert_eq!(frame.as_rgba8().len() % 4, 0);
    }
});
