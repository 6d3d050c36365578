//! Fuzz target: a label of arbitrary (lossily decoded) text, mathtext included, as the
//! title of a small figure, rendered. Must render or return a clear `Err` naming the
//! text, never panic (deep nesting, unknown commands, unbalanced braces and `$`, sized
//! delimiters, `\sqrt`, `\substack`, `\middle`, …).
#![no_main]

use figbuf::Figure;
use libfuzzer_sys::fuzz_target;
use ndarray::Array2;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut fig = Figure::default();
    let ax = fig.add_subplot();
    if fig[ax].imshow(Array2::<f64>::zeros((2, 2))).is_err() {
        return;
    }
    fig[ax].set_title(text.as_ref());
    let _ = fig.render();
});
