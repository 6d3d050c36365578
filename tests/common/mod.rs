//! Shared helpers of the integration tests: PNG decoding, matplotlib's RMS metric, and
//! actual/expected/diff images on failure.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// A decoded straight-RGBA8 image.
pub struct Rgba {
    pub width: usize,
    pub height: usize,
    pub data: Vec<u8>,
}

/// Decodes a PNG file to RGBA8 (RGB gets alpha 255).
pub fn decode_png(path: &Path) -> Rgba {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut dec = png::Decoder::new(std::io::BufReader::new(file));
    dec.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = dec.read_info().expect("png header");
    let mut buf = vec![0; reader.output_buffer_size().expect("png size")];
    let info = reader.next_frame(&mut buf).expect("png frame");
    let (w, h) = (info.width as usize, info.height as usize);
    let data = match info.color_type {
        png::ColorType::Rgba => buf[..w * h * 4].to_vec(),
        png::ColorType::Rgb => buf[..w * h * 3]
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        other => panic!("unexpected colour type {other:?}"),
    };
    Rgba {
        width: w,
        height: h,
        data,
    }
}

/// matplotlib's `compare_images` RMS over every RGBA value (0-255 scale) and the percentage
/// of pixels whose largest channel difference exceeds 16.
pub fn metrics(a: &Rgba, b: &Rgba) -> (f64, f64) {
    assert_eq!(
        (a.width, a.height),
        (b.width, b.height),
        "image sizes differ"
    );
    let mut sq = 0.0f64;
    let mut bad = 0usize;
    for (pa, pb) in a.data.chunks_exact(4).zip(b.data.chunks_exact(4)) {
        let mut worst = 0;
        for k in 0..4 {
            let d = i32::from(pa[k]) - i32::from(pb[k]);
            sq += f64::from(d * d);
            worst = worst.max(d.abs());
        }
        if worst > 16 {
            bad += 1;
        }
    }
    let rms = (sq / a.data.len() as f64).sqrt();
    (rms, 100.0 * bad as f64 / (a.width * a.height) as f64)
}

/// Where a failing test leaves its images.
pub fn failure_dir(name: &str) -> PathBuf {
    workspace_dir()
        .join("target")
        .join("figbuf-test-output")
        .join(name)
}

fn write_png(path: &Path, img: &Rgba) {
    let file = std::fs::File::create(path).expect("create png");
    let mut enc = png::Encoder::new(
        std::io::BufWriter::new(file),
        img.width as u32,
        img.height as u32,
    );
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    let mut w = enc.write_header().expect("png header");
    w.write_image_data(&img.data).expect("png data");
}

/// Writes actual.png, expected.png and diff.png (differences x10, opaque) for a failure.
pub fn write_failure(name: &str, actual: &Rgba, expected: &Rgba) -> PathBuf {
    let dir = failure_dir(name);
    std::fs::create_dir_all(&dir).expect("failure dir");
    write_png(&dir.join("actual.png"), actual);
    write_png(&dir.join("expected.png"), expected);
    let diff: Vec<u8> = actual
        .data
        .chunks_exact(4)
        .zip(expected.data.chunks_exact(4))
        .flat_map(|(a, e)| {
            let d = |k: usize| {
                (i32::from(a[k]) - i32::from(e[k]))
                    .unsigned_abs()
                    .saturating_mul(10)
                    .min(255) as u8
            };
            let m = d(0).max(d(1)).max(d(2)).max(d(3));
            [m, d(1).min(m), d(2).min(m), 255]
        })
        .collect();
    write_png(
        &dir.join("diff.png"),
        &Rgba {
            width: actual.width,
            height: actual.height,
            data: diff,
        },
    );
    dir
}

/// The reference cases shipped with the tests.
pub fn cases_dir() -> PathBuf {
    workspace_dir()
        .join("tests")
        .join("reference")
        .join("cases")
}

/// The workspace root, where `target/` and the reference data in `tests/reference/` live:
/// the library package's folder, or the parent of the CLI package's (`cli/`). These
/// helpers are shared by both packages' integration tests (`#[path]` from `cli/tests`).
pub fn workspace_dir() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest
        .ancestors()
        .find(|dir| dir.join("tests").join("reference").is_dir())
        .unwrap_or(manifest)
        .to_path_buf()
}
