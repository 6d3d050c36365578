//! The default PNG encoding: rows deflated by zlib-rs in bands compressed in parallel and
//! joined into one zlib stream; unfiltered rows at level 2 where the band is flat (a plot's
//! canvas: [`flat`]), else run lengths over Paeth-filtered rows, or level 4 over
//! "up"-filtered rows where the content repeats ([`band`]).
//!
//! matplotlib's `savefig` writes PNG through Pillow: adaptive row filters and zlib at level
//! 6. Measured on the default figure (512² random data, 640 x 480) and on a smooth 2048²
//! image: matplotlib's files are 442,478 and 86,013 bytes; zlib-rs level 4 with the "up"
//! filter gives 445,669 (+0.7%) and 86,783 (+0.9%) bytes of zlib data for the same pixels,
//! where fdeflate's fastest mode (the previous default) gave 535,392 (+21%) and 180,883
//! (+110%), and the run-length strategy over Paeth-filtered rows 446,904 (+1%) and 115,369
//! (+34%). Instructions (callgrind, one encoding of the default figure, AVX2 code): level 4
//! ~89 M, run lengths ~51 M; wall time on one thread of a Zen 4, 4.4 ms against ~9 ms.
//! Adaptive filters cost a fifth more instructions and made the smooth image larger.
//!
//! A band is a run of at most [`BAND_ROWS`] rows (the bands split the rows evenly). Each
//! is filtered and deflated on its own (raw deflate, a sync flush at its end, the last one
//! finished), so the bands compress on every thread rayon has; the deflate streams
//! concatenate into one, each band starting with an empty window (a few bytes larger than
//! one stream). The band count depends only on the image height, so the file is the same
//! whatever the thread count.

use crate::{Error, Result};
use rayon::prelude::*;

mod rle;
use std::io::Write;
use zlib_rs::{Deflate, DeflateConfig, DeflateFlush, Method, ReturnCode, Status, Strategy};

/// The most rows in one independently compressed band.
const BAND_ROWS: usize = 256;

/// zlib-rs's compression level for the default encoding.
const LEVEL: i32 = 4;

/// What goes into a PNG besides the pixels.
pub(crate) struct PngInfo<'a> {
    /// Pixels per metre (pHYs), if any.
    pub pixels_per_metre: Option<u32>,
    /// A `tEXt` chunk: keyword and text (Latin-1 without NUL).
    pub text: (&'a str, &'a str),
}

/// Writes `data` (straight RGBA8, `width * height * 4` bytes, top row first) as a PNG.
pub(crate) fn write_rgba8(
    mut w: impl Write,
    width: u32,
    height: u32,
    data: &[u8],
    info: &PngInfo<'_>,
) -> Result<()> {
    let stride = width as usize * 4;
    let rows = height as usize;
    if data.len() != stride * rows || width == 0 || height == 0 || width > (1 << 31) - 1 {
        return Err(Error::invalid(
            "PNG image size",
            format!("{width} x {height} with {} bytes", data.len()),
            "1 to 2^31 - 1 pixels a side and width * height * 4 bytes",
        ));
    }
    if height > (1 << 31) - 1 {
        return Err(Error::invalid(
            "PNG height",
            height,
            "at most 2147483647 pixels",
        ));
    }
    let io = |source| Error::Io { path: None, source };
    w.write_all(b"\x89PNG\r\n\x1a\n").map_err(io)?;
    let mut ihdr = [0u8; 13];
    ihdr[..4].copy_from_slice(&width.to_be_bytes());
    ihdr[4..8].copy_from_slice(&height.to_be_bytes());
    ihdr[8] = 8; // bit depth
    ihdr[9] = 6; // RGBA
    chunk(&mut w, b"IHDR", &[&ihdr])?;
    if let Some(ppm) = info.pixels_per_metre {
        let b = ppm.to_be_bytes();
        chunk(&mut w, b"pHYs", &[&b, &b, &[1]])?;
    }
    let (key, text) = info.text;
    chunk(&mut w, b"tEXt", &[key.as_bytes(), &[0], text.as_bytes()])?;

    let bands = rows.div_ceil(BAND_ROWS);
    let per_band = rows.div_ceil(bands);
    let parts: Vec<Result<(Vec<u8>, u32, usize)>> = (0..bands)
        .into_par_iter()
        .map(|b| {
            let first = b * per_band;
            let last_row = ((b + 1) * per_band).min(rows);
            band(data, stride, first..last_row, last_row == rows)
        })
        .collect();
    let mut adler = 1u32;
    let n = parts.len();
    for (i, part) in parts.into_iter().enumerate() {
        let (bytes, band_adler, len) = part?;
        adler = zlib_rs::adler32::adler32_combine(adler, band_adler, len as u64);
        // zlib header: deflate, 32 KiB window, "default" level class, no dictionary.
        let head: &[u8] = if i == 0 { &[0x78, 0x5e] } else { &[] };
        let tail = adler.to_be_bytes();
        let tail: &[u8] = if i + 1 == n { &tail } else { &[] };
        // IDAT chunks hold at most 2^31 - 1 bytes; 1 GiB pieces.
        let mut pieces = bytes.chunks(1 << 30).peekable();
        let mut first = true;
        while let Some(p) = pieces.next() {
            let h = if first { head } else { &[] };
            let t = if pieces.peek().is_none() { tail } else { &[] };
            chunk(&mut w, b"IDAT", &[h, p, t])?;
            first = false;
        }
    }
    chunk(&mut w, b"IEND", &[])?;
    w.flush().map_err(io)
}

/// Filters rows `rows` of the image and deflates them (raw deflate): the compressed bytes,
/// the Adler-32 of the filtered bytes and their count.
///
/// A flat band ([`flat`]) is deflated unfiltered at [`FLAT_LEVEL`], kept when that takes
/// it below an eighth of its size. Otherwise:
///
/// First the Paeth filter and run lengths (zlib's `Z_RLE` parse, by the encoder of
/// `pngenc/rle.rs` since issue 21's fifth session; zlib-rs's took ~1.4x its share of the
/// samples in profiles of the CLI's 2048² figure): on busy content (noise,
/// photographs, the default figure's random image) that is as small as level 6 (+1%) in
/// about half of level 4's time. Where it compresses the band below a fifth, the content
/// repeats (smooth gradients, plots on a white background), and matches pay: the band is
/// compressed again with the "up" filter at level 4 (on the smooth 2048² figure, 115,369
/// bytes with run lengths, 86,783 at level 4, matplotlib 86,013).
fn band(
    data: &[u8],
    stride: usize,
    rows: std::ops::Range<usize>,
    last: bool,
) -> Result<(Vec<u8>, u32, usize)> {
    let raw_len = rows.len() * (stride + 1);
    if flat(&data[rows.start * stride..rows.end * stride], stride) {
        // Each row after its filter byte 0 ("none"), straight from the image.
        let parts: Vec<&[u8]> = rows
            .clone()
            .flat_map(|r| [&[0u8][..], &data[r * stride..(r + 1) * stride]])
            .collect();
        let (fast, adler) = deflate(&parts, FLAT_LEVEL, Strategy::Default, last)?;
        if fast.len() * 8 < raw_len {
            return Ok((fast, adler, raw_len));
        }
    }
    let mut kept = FILTERED.take();
    let res = filtered_band(&mut kept, data, stride, rows, last);
    if kept.len() > KEPT_OUT_BYTES {
        kept = Vec::new();
    }
    FILTERED.set(kept);
    res
}

thread_local! {
    /// A thread's buffer for filtered rows, kept between bands and encodings (zeroed only
    /// where it grows: a fresh one a band was ~4% of an encoding in `memset` alone).
    static FILTERED: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
}

/// [`band`] past the flat test: `kept` is the thread's buffer for the filtered rows.
fn filtered_band(
    kept: &mut Vec<u8>,
    data: &[u8],
    stride: usize,
    rows: std::ops::Range<usize>,
    last: bool,
) -> Result<(Vec<u8>, u32, usize)> {
    let raw_len = rows.len() * (stride + 1);
    if kept.len() < raw_len {
        let more = raw_len - kept.len();
        kept.try_reserve_exact(more)
            .map_err(|_| crate::alloc::error(raw_len as u128, "the PNG's filtered rows"))?;
        kept.resize(raw_len, 0);
    }
    let filtered = &mut kept[..raw_len];
    for (dst, r) in filtered.chunks_exact_mut(stride + 1).zip(rows.clone()) {
        dst[0] = 4; // Paeth
        crate::cpu::vectorized(PaethRow {
            row: &data[r * stride..(r + 1) * stride],
            up: above(data, stride, r),
            out: &mut dst[1..],
        });
    }
    let (rle, adler) = rle::deflate_rle(filtered, last)?;
    if rle.len() * 5 >= raw_len {
        return Ok((rle, adler, raw_len));
    }
    drop(rle);
    for (dst, r) in filtered.chunks_exact_mut(stride + 1).zip(rows) {
        dst[0] = 2; // up
        let row = &data[r * stride..(r + 1) * stride];
        match above(data, stride, r) {
            None => dst[1..].copy_from_slice(row),
            Some(up) => {
                for ((d, &v), &u) in dst[1..].iter_mut().zip(row).zip(up) {
                    *d = v.wrapping_sub(u);
                }
            }
        }
    }
    let (matched, adler) = deflate(&[filtered], LEVEL, Strategy::Default, last)?;
    Ok((matched, adler, raw_len))
}

/// zlib-rs's compression level for flat bands ([`flat`]).
const FLAT_LEVEL: i32 = 2;

/// Whether `rows` (whole RGBA8 rows of `stride` bytes) are flat: at least 7 in 8 pixels
/// the same as their left neighbour, as a line plot's white canvas with its lines, text
/// and frame is (p02 and the 20,000-point walk: 93-96%; the default imshow figure's
/// random image 52-54%, a smooth 2048² image 64-66%). Such a band is deflated without
/// a row filter at level 2: measured on the 640 x 480 canvas (zlib-rs, one thread), p02
/// 46,550 bytes in ~0.9 ms and the walk 26,442 in ~0.6 ms, against matplotlib's
/// 56,700 and 27,909 bytes and, for the run-length + level-4 path, ~55,000 / ~27,000
/// bytes in 3-4 ms.
fn flat(rows: &[u8], stride: usize) -> bool {
    let px = stride / 4;
    if px < 2 {
        return false;
    }
    let rows_n = rows.len() / stride;
    let budget = rows_n * (px - 1) / 8;
    let mut differ = 0;
    for row in rows.chunks_exact(stride) {
        differ += row
            .chunks_exact(4)
            .map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]]))
            .zip(
                row.chunks_exact(4)
                    .skip(1)
                    .map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]])),
            )
            .filter(|(a, b)| a != b)
            .count();
        if differ > budget {
            return false;
        }
    }
    true
}

/// The row above row `r`, if any.
fn above(data: &[u8], stride: usize, r: usize) -> Option<&[u8]> {
    r.checked_sub(1).map(|a| &data[a * stride..r * stride])
}

/// [`paeth_row`] as a [`crate::cpu::Kernel`]: compiled for AVX2 and AVX-512 too (32 and
/// 64 bytes a step; the baseline copy takes 16), the same bytes.
struct PaethRow<'a> {
    row: &'a [u8],
    up: Option<&'a [u8]>,
    out: &'a mut [u8],
}

impl crate::cpu::Kernel for PaethRow<'_> {
    type Output = ();
    #[inline(always)]
    fn run(self) {
        paeth_row(self.row, self.up, self.out);
    }
}

/// Writes `row` Paeth-filtered against `up` (zeros for the first row), RGBA8, into `dst`
/// (as long as `row`). Plain loops over slices rather than `extend` over an iterator:
/// `extend`'s `fold` was not inlined into [`PaethRow`]'s AVX2 / AVX-512 copies (it stayed
/// a 16-byte loop).
#[inline(always)]
fn paeth_row(row: &[u8], up: Option<&[u8]>, dst: &mut [u8]) {
    let Some(up) = up else {
        // Above is zero: the predictor is the left neighbour (the "sub" filter).
        let head = 4.min(row.len());
        dst[..head].copy_from_slice(&row[..head]);
        for ((d, &v), &a) in dst.iter_mut().skip(4).zip(row.iter().skip(4)).zip(row) {
            *d = v.wrapping_sub(a);
        }
        return;
    };
    for ((d, &v), &b) in dst.iter_mut().zip(row).zip(up).take(4) {
        *d = v.wrapping_sub(b);
    }
    if row.len() <= 4 || up.len() < row.len() {
        return;
    }
    let (dst, cur, above) = (&mut dst[4..], &row[4..], &up[4..]);
    let (left, corner) = (&row[..row.len() - 4], &up[..row.len() - 4]);
    for i in 0..dst
        .len()
        .min(cur.len())
        .min(above.len())
        .min(left.len())
        .min(corner.len())
    {
        let (v, b, a, c) = (cur[i], above[i], left[i], corner[i]);
        let (a16, b16, c16) = (i16::from(a), i16::from(b), i16::from(c));
        let pa = (b16 - c16).abs();
        let pb = (a16 - c16).abs();
        let pc = (a16 + b16 - 2 * c16).abs();
        let pred = if pa <= pb && pa <= pc {
            a
        } else if pb <= pc {
            b
        } else {
            c
        };
        dst[i] = v.wrapping_sub(pred);
    }
}

/// The longest output buffer a thread keeps between encodings (a longer one is freed).
const KEPT_OUT_BYTES: usize = 16 << 20;

/// A thread's deflate states (one per level and strategy used) and output buffer, kept
/// between encodings: a fresh state and a fresh zeroed output buffer a band were ~17% of
/// the CPU time of p02 to PNG (zeroing, page faults). [`Deflate::reset`] makes a kept state
/// compress as a new one does.
#[derive(Default)]
struct Kept {
    states: Vec<(i32, Strategy, Deflate)>,
    out: Vec<u8>,
}

thread_local! {
    static KEPT: std::cell::Cell<Option<Kept>> = const { std::cell::Cell::new(None) };
}

/// The concatenation of `parts` as raw deflate at `level` with `strategy` (a sync flush at
/// its end, or the final block when `last`), and the Adler-32 of the input.
fn deflate(parts: &[&[u8]], level: i32, strategy: Strategy, last: bool) -> Result<(Vec<u8>, u32)> {
    let mut kept = KEPT.take().unwrap_or_default();
    let res = deflate_with(&mut kept, parts, level, strategy, last);
    if kept.out.len() > KEPT_OUT_BYTES {
        kept.out = Vec::new();
    }
    KEPT.set(Some(kept));
    res
}

fn deflate_with(
    kept: &mut Kept,
    parts: &[&[u8]],
    level: i32,
    strategy: Strategy,
    last: bool,
) -> Result<(Vec<u8>, u32)> {
    let failed = |what: String| Error::Data(format!("PNG encoding: deflate {what}"));
    let at = match kept
        .states
        .iter()
        .position(|(l, s, _)| *l == level && *s == strategy)
    {
        Some(at) => at,
        None => {
            let config = DeflateConfig {
                level,
                method: Method::Deflated,
                window_bits: -15,
                mem_level: 9,
                strategy,
            };
            // zlib-rs 0.6's only `Deflate` constructor asserts that its state was
            // allocated, and its stable API has no fallible constructor or custom
            // allocator. `compress_slice` initialises the identical state (same config,
            // same allocator, same byte count) fallibly and returns `MemError` when it is
            // refused: allocate and release it there first, so a memory limit is an error
            // here; the constructor can then only fail if another thread takes the memory
            // in between. A state is made once per thread, level and strategy, then kept.
            if zlib_rs::compress_slice(&mut [], &[], config).1 == ReturnCode::MemError {
                return Err(crate::alloc::error(
                    DEFLATE_STATE_BYTES,
                    "the PNG encoder's state",
                ));
            }
            let d = Deflate::new_with_config(config);
            kept.states.push((level, strategy, d));
            kept.states.len() - 1
        }
    };
    let d = &mut kept.states[at].2;
    d.reset();
    let len: usize = parts.iter().map(|p| p.len()).sum();
    let bound = zlib_rs::compress_bound(len) + 64;
    if kept.out.len() < bound {
        let more = bound - kept.out.len();
        kept.out
            .try_reserve_exact(more)
            .map_err(|_| crate::alloc::error(bound as u128, "the PNG's compressed data"))?;
        kept.out.resize(bound, 0);
    }
    let out = &mut kept.out[..bound];
    let mut adler = 1;
    for p in parts {
        let at = d.total_out() as usize;
        d.compress(p, &mut out[at..], DeflateFlush::NoFlush)
            .map_err(|e| failed(format!("{e:?}")))?;
        adler = zlib_rs::adler32::adler32(adler, p);
    }
    let flush = if last {
        DeflateFlush::Finish
    } else {
        DeflateFlush::SyncFlush
    };
    let at = d.total_out() as usize;
    let status = d
        .compress(&[], &mut out[at..], flush)
        .map_err(|e| failed(format!("{e:?}")))?;
    if d.total_in() != len as u64 || (last && !matches!(status, Status::StreamEnd)) {
        return Err(failed(format!("stopped early ({status:?})")));
    }
    let n = d.total_out() as usize;
    let mut bytes = crate::alloc::with_capacity::<u8>(n, "the PNG's compressed data")?;
    bytes.extend_from_slice(&out[..n]);
    Ok((bytes, adler))
}

/// The buffers of a zlib-rs 0.6 deflate state at `mem_level` 9 with a 32 KiB window
/// (`DeflateAllocOffsets`: window 64 KiB, prev 64 KiB, head 128 KiB, pending 128 KiB,
/// symbols 96 KiB; the state struct and alignment add a few KiB), for the error message.
const DEFLATE_STATE_BYTES: u128 = 491_520;

/// Writes one chunk: length, type, the data `parts` concatenated, CRC-32.
fn chunk(w: &mut impl Write, kind: &[u8; 4], parts: &[&[u8]]) -> Result<()> {
    let io = |source| Error::Io { path: None, source };
    let len: usize = parts.iter().map(|p| p.len()).sum();
    w.write_all(&(len as u32).to_be_bytes()).map_err(io)?;
    w.write_all(kind).map_err(io)?;
    let mut crc = zlib_rs::crc32::crc32(0, kind);
    for p in parts {
        w.write_all(p).map_err(io)?;
        crc = zlib_rs::crc32::crc32(crc, p);
    }
    w.write_all(&crc.to_be_bytes()).map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(png: &[u8]) -> (u32, u32, Vec<u8>) {
        let mut dec = png::Decoder::new(std::io::Cursor::new(png))
            .read_info()
            .unwrap();
        let mut buf = vec![0; dec.output_buffer_size().unwrap()];
        let info = dec.next_frame(&mut buf).unwrap();
        assert_eq!(info.color_type, png::ColorType::Rgba);
        (info.width, info.height, buf)
    }

    #[test]
    fn round_trips_every_band_split() {
        // Heights around the band size: one band, an even split, an uneven one.
        for (w, h) in [(1u32, 1u32), (3, 255), (5, 256), (7, 257), (13, 700)] {
            let mut s = 0x1234_5678u32;
            // Noise mixed with runs (kept with run lengths), and a gradient (compressed
            // again at level 4).
            let noisy: Vec<u8> = (0..w * h * 4)
                .map(|i| {
                    s = s.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                    if (i / 64) % 3 == 0 {
                        255
                    } else {
                        (s >> 24) as u8
                    }
                })
                .collect();
            let smooth: Vec<u8> = (0..w * h * 4)
                .map(|i| ((i % (w * 4)) / 4 * 3 + i / (w * 4) * 5) as u8)
                .collect();
            // A line plot's canvas: white, a frame, a diagonal line (flat: no filter).
            let plot: Vec<u8> = (0..w * h)
                .flat_map(|i| {
                    let (x, y) = (i % w, i / w);
                    let ink = x == 0 || y == h / 2 || x * h == y * w;
                    if ink {
                        [31, 119, 180, 255]
                    } else {
                        [255; 4]
                    }
                })
                .collect();
            for data in [noisy, smooth, plot] {
                let info = PngInfo {
                    pixels_per_metre: Some(3937),
                    text: ("Software", "figbuf test"),
                };
                let mut out = Vec::new();
                write_rgba8(&mut out, w, h, &data, &info).unwrap();
                let (dw, dh, pixels) = decode(&out);
                assert_eq!((dw, dh), (w, h));
                assert_eq!(pixels, data, "{w} x {h}");
            }
        }
    }

    #[test]
    fn refuses_a_wrong_length() {
        let info = PngInfo {
            pixels_per_metre: None,
            text: ("Software", "x"),
        };
        let e = write_rgba8(Vec::new(), 2, 2, &[0; 15], &info).unwrap_err();
        assert!(e.to_string().contains("2 x 2 with 15 bytes"), "{e}");
    }
}
