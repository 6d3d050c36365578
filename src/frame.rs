//! The rendered figure: straight-alpha RGBA8 pixels, top row first, and its encodings.

use crate::{Error, Result};
use ndarray::Array3;
use std::path::Path;

/// How hard PNG encoding compresses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PngCompression {
    /// Least CPU time: the "up" filter and fdeflate's fastest mode (fixed Huffman codes),
    /// about 1 ms of one core for a 640 x 480 figure, files ~20% larger than matplotlib's
    /// (for smooth images up to twice as large). For many frames a second.
    Fast,
    /// The default: files within about 1.5% of matplotlib's `savefig` (zlib-rs: run lengths
    /// over Paeth-filtered rows, level 4 over "up"-filtered rows where the content
    /// repeats; bands of rows compressed in parallel), about 5 ms of CPU time for a
    /// 640 x 480 figure of noisy data (~2.2 ms on two free cores).
    #[default]
    Balanced,
    /// Smaller files (adaptive filters, zlib level 9), about 100 ms for the same figure.
    Best,
}

/// A rendered figure: straight (not premultiplied) RGBA8, row-major, top row first; byte for
/// byte what matplotlib's `np.asarray(fig.canvas.buffer_rgba())` holds.
///
/// ```
/// let frame = figbuf::Figure::new(2.0, 1.0, 50.0).render()?;
/// assert_eq!((frame.width(), frame.height()), (100, 50));
/// assert_eq!(frame.pixel(0, 0), Some([255, 255, 255, 255]));
/// let array = frame.into_ndarray(); // (50, 100, 4), no copy
/// assert_eq!(array.dim(), (50, 100, 4));
/// # Ok::<(), figbuf::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    width: usize,
    height: usize,
    dpi: f64,
    data: Vec<u8>,
}

impl Frame {
    /// Wraps `data` (`width * height * 4` bytes of straight RGBA8). `dpi` goes into PNG files.
    pub fn from_rgba8(width: usize, height: usize, dpi: f64, data: Vec<u8>) -> Result<Frame> {
        let Some(len) = width.checked_mul(height).and_then(|p| p.checked_mul(4)) else {
            return Err(Error::invalid(
                "frame size",
                format!("{width} x {height}"),
                "at most usize::MAX / 4 pixels",
            ));
        };
        if data.len() != len {
            return Err(Error::invalid(
                "frame data length",
                data.len(),
                format!("width * height * 4 = {len}"),
            ));
        }
        Ok(Frame {
            width,
            height,
            dpi,
            data,
        })
    }

    /// Takes the pixel memory out (for the next render to write over), leaving an empty
    /// 0 x 0 frame.
    pub(crate) fn take_data(&mut self) -> Vec<u8> {
        self.width = 0;
        self.height = 0;
        std::mem::take(&mut self.data)
    }

    /// Width in pixels.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Height in pixels.
    pub fn height(&self) -> usize {
        self.height
    }

    /// The dots per inch the figure was rendered at.
    pub fn dpi(&self) -> f64 {
        self.dpi
    }

    /// The pixels: row-major straight RGBA8, top row first.
    pub fn as_rgba8(&self) -> &[u8] {
        &self.data
    }

    /// The pixel at column `x`, row `y` (from the top), if inside.
    pub fn pixel(&self, x: usize, y: usize) -> Option<[u8; 4]> {
        if x >= self.width || y >= self.height {
            return None;
        }
        let i = (y * self.width + x) * 4;
        Some([
            self.data[i],
            self.data[i + 1],
            self.data[i + 2],
            self.data[i + 3],
        ])
    }

    /// The pixels as an `(height, width, 4)` array, adopting the buffer without a copy.
    pub fn into_ndarray(self) -> Array3<u8> {
        let shape = (self.height, self.width, 4);
        match Array3::from_shape_vec(shape, self.data) {
            Ok(a) => a,
            // The length is checked on construction, so the shape always fits.
            Err(_) => Array3::zeros(shape),
        }
    }

    /// The pixels as an `(height, width, 4)` array (a copy).
    pub fn to_ndarray(&self) -> Array3<u8> {
        self.clone().into_ndarray()
    }

    /// Encodes the frame as an RGBA PNG with the default compression, carrying the dpi (pHYs) and a
    /// Software text chunk as matplotlib's `savefig` writes them.
    pub fn to_png(&self) -> Result<Vec<u8>> {
        self.to_png_with(PngCompression::default())
    }

    /// Like [`Frame::to_png`], with a choice of compression.
    pub fn to_png_with(&self, compression: PngCompression) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        self.write_png(&mut out, compression)?;
        Ok(out)
    }

    /// Encodes the frame as a PNG (see [`Frame::to_png`]) into any writer: a file, a socket,
    /// stdout, a `Vec<u8>`. An I/O failure is an [`Error::Io`] with the writer's
    /// [`std::io::Error`] as its source.
    ///
    /// ```
    /// use figbuf::{Figure, PngCompression};
    /// let frame = Figure::new(1.0, 1.0, 10.0).render()?;
    /// let mut out = std::io::Cursor::new(Vec::new());
    /// frame.write_png(&mut out, PngCompression::Fast)?;
    /// assert!(out.get_ref().starts_with(b"\x89PNG"));
    /// # Ok::<(), figbuf::Error>(())
    /// ```
    pub fn write_png(&self, w: impl std::io::Write, compression: PngCompression) -> Result<()> {
        let err = |e: png::EncodingError| match e {
            png::EncodingError::IoError(source) => Error::Io { path: None, source },
            other => Error::Data(format!("PNG encoding: {other}")),
        };
        let width = u32::try_from(self.width)
            .map_err(|_| Error::invalid("PNG width", self.width, "at most 4294967295 pixels"))?;
        let height = u32::try_from(self.height)
            .map_err(|_| Error::invalid("PNG height", self.height, "at most 4294967295 pixels"))?;
        let ppm = (self.dpi / 0.0254).round();
        let pixels_per_metre =
            (ppm.is_finite() && ppm > 0.0 && ppm < u32::MAX as f64).then_some(ppm as u32);
        let software = concat!("figbuf ", env!("CARGO_PKG_VERSION"));
        if compression == PngCompression::Balanced {
            let info = crate::pngenc::PngInfo {
                pixels_per_metre,
                text: ("Software", software),
            };
            return crate::pngenc::write_rgba8(w, width, height, &self.data, &info);
        }
        let mut enc = png::Encoder::new(w, width, height);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(match compression {
            PngCompression::Fast => png::Compression::Fastest,
            _ => png::Compression::High,
        });
        if let Some(ppm) = pixels_per_metre {
            enc.set_pixel_dims(Some(png::PixelDimensions {
                xppu: ppm,
                yppu: ppm,
                unit: png::Unit::Meter,
            }));
        }
        enc.add_text_chunk("Software".into(), software.into())
            .map_err(err)?;
        let mut writer = enc.write_header().map_err(err)?;
        writer.write_image_data(&self.data).map_err(err)?;
        writer.finish().map_err(err)
    }

    /// Writes the frame as a PNG file (see [`Frame::to_png`]).
    pub fn save_png(&self, path: impl AsRef<Path>) -> Result<()> {
        let path = path.as_ref();
        let bytes = self.to_png()?;
        std::fs::write(path, bytes).map_err(|e| Error::io(path, e))
    }
}
