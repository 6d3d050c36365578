//! What the timing binaries share: the `.npy` inputs the Python scripts write, the thread
//! count, and the memory floors colour mapping and imshow are compared with (passes with
//! the job's memory traffic and none of its arithmetic).

use ndarray::Array2;
use std::path::Path;

/// Reads a C-order little-endian float64 `.npy` of two dimensions (as `np.save` writes it).
pub fn load_f64_npy(path: &Path) -> Result<Array2<f64>, Box<dyn std::error::Error>> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let bad = || format!("{}: not a 2-D '<f8' C-order .npy", path.display());
    let len = bytes.get(8..10).ok_or_else(bad)?;
    let header_len = usize::from(u16::from_le_bytes([len[0], len[1]]));
    let header = std::str::from_utf8(bytes.get(10..10 + header_len).ok_or_else(bad)?)?;
    if !header.contains("'<f8'") || header.contains("'fortran_order': True") {
        return Err(bad().into());
    }
    let shape = header.split("'shape': (").nth(1).ok_or_else(bad)?;
    let dims: Vec<usize> = shape
        .split(')')
        .next()
        .ok_or_else(bad)?
        .split(',')
        .filter_map(|d| d.trim().parse().ok())
        .collect();
    let [rows, cols] = dims[..] else {
        return Err(bad().into());
    };
    let values: Vec<f64> = bytes[10 + header_len..]
        .chunks_exact(8)
        .map(|c| f64::from_le_bytes(c.try_into().unwrap_or_default()))
        .collect();
    Ok(Array2::from_shape_vec((rows, cols), values)?)
}

/// The threads rayon uses: `RAYON_NUM_THREADS`, else the available parallelism.
pub fn threads() -> usize {
    std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// One pass that reads every input value and writes one 4-byte word per value into `out`,
/// split over `threads` scoped threads: the memory traffic of colour mapping without its
/// arithmetic.
pub fn floor_pass(input: &[f64], out: &mut [u32], threads: usize) {
    let chunk = input.len().div_ceil(threads.max(1)).max(1);
    std::thread::scope(|s| {
        for (i, o) in input.chunks(chunk).zip(out.chunks_mut(chunk)) {
            s.spawn(move || {
                for (v, w) in i.iter().zip(o.iter_mut()) {
                    *w = (v.to_bits() >> 32) as u32;
                }
            });
        }
    });
}

/// One pass that reads every input value (a sum in eight lanes), split over `threads`
/// scoped threads: the single read of the input that any figure of it needs.
pub fn read_pass(input: &[f64], threads: usize) -> f64 {
    let chunk = input.len().div_ceil(threads.max(1)).max(1);
    std::thread::scope(|s| {
        let parts: Vec<_> = input
            .chunks(chunk)
            .map(|i| {
                s.spawn(move || {
                    let mut acc = [0.0f64; 8];
                    let mut lanes = i.chunks_exact(8);
                    for v in lanes.by_ref() {
                        for (a, x) in acc.iter_mut().zip(v) {
                            *a += x;
                        }
                    }
                    acc.iter().sum::<f64>() + lanes.remainder().iter().sum::<f64>()
                })
            })
            .collect();
        parts.into_iter().map(|h| h.join().unwrap_or(0.0)).sum()
    })
}
