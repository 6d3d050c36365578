//! Test support shared by the text and mathtext tests: reading the matplotlib fixtures
//! (`tests/fixtures/text`, `tests/fixtures/mathtext`) and compositing glyph masks on a gray
//! canvas with the raster's own blender, as matplotlib's Agg does.

use super::GlyphMaskRef;
use crate::raster::blend::copy_or_blend;
use serde_json::Value;

/// The `manifest.json` of a fixture folder.
pub(crate) fn manifest(dir: &str) -> Value {
    let text = std::fs::read_to_string(format!("{dir}/manifest.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// A number from a manifest: floats are stored as exact decimal strings (Rust's
/// `str::parse` rounds correctly), integers as JSON numbers.
pub(crate) fn f(v: &Value) -> f64 {
    match v {
        Value::String(s) => s.parse().unwrap(),
        _ => v.as_f64().unwrap(),
    }
}

/// An 8-bit grayscale PNG: (width, height, pixels).
pub(crate) fn read_gray_png(path: &str) -> (usize, usize, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(info.color_type, png::ColorType::Grayscale);
    assert_eq!(info.bit_depth, png::BitDepth::Eight);
    buf.truncate(info.buffer_size());
    (info.width as usize, info.height as usize, buf)
}

/// Composites one black glyph mask on an opaque white gray canvas, glyph by glyph as
/// matplotlib draws text (Agg's plain blender, `alpha = mult(255, coverage)`).
pub(crate) fn composite_mask(canvas: &mut [u8], width: usize, height: usize, m: GlyphMaskRef<'_>) {
    for row in 0..m.height as i64 {
        for col in 0..m.width as i64 {
            let (x, y) = (i64::from(m.left) + col, i64::from(m.top) + row);
            if x < 0 || y < 0 || x >= width as i64 || y >= height as i64 {
                continue;
            }
            let cov = m.coverage[(row * i64::from(m.width) + col) as usize];
            let px = &mut canvas[y as usize * width + x as usize];
            let mut rgba = [*px, *px, *px, 255];
            copy_or_blend(&mut rgba, [0, 0, 0, 255], cov);
            *px = rgba[0];
        }
    }
}

/// A JSON fixture file.
pub(crate) fn manifest_file(path: &str) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    serde_json::from_str(&text).unwrap()
}
