//! Reading `.npy` files into [`ImageData`] (feature `npy`).
//!
//! The header is parsed and checked here before any data is touched: magic, version,
//! header length (at most [`MAX_HEADER_LEN`] bytes, numpy's own default limit), `descr`,
//! `fortran_order` and `shape`. The number of data bytes the header declares
//! (`prod(shape) * itemsize`, overflow-checked) is compared with the bytes actually
//! present, so a truncated file or a header that declares a shape far larger than the
//! file is refused without reading past the file or allocating the declared size.
//!
//! What `imshow` accepts, as matplotlib 3.11 does:
//!
//! * 2-D arrays of float16/32/64, x86 long double (`<f16`, read as float64: see
//!   `npy_x87.rs`), signed and unsigned integers of 1 to 8 bytes, or bool: colour-mapped
//!   (float16 is held in float32 and marked as half precision, [`ImageData::float16`]; bool
//!   becomes uint8 0/1, which is what matplotlib's `_make_image` computes in);
//! * (H, W, 1) arrays: squeezed to (H, W), as `imshow` does;
//! * (H, W, 3|4) arrays of floats (colours in 0..1, clipped when drawn), uint8, or other
//!   integers (clipped to 0..255 and cast to uint8, as matplotlib does);
//! * little- and big-endian data alike; C or Fortran order.
//!
//! Everything else (1-D, 4-D or (H, W, 2) shapes, complex, object/pickle, string,
//! structured or datetime dtypes, garbage, truncated files) is an [`Error::Data`] that
//! names the offending value and what was expected.
//!
//! (Over 800 lines: one file format, header parsing, dtype decoding and the readers,
//! checked before any data is read; about 220 lines are unit tests.)
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

use crate::cpu;

#[path = "npy_x87.rs"]
mod x87;
use crate::image::ImageData;
use crate::{Error, Result};
use ndarray::{Array2, Array3, ShapeBuilder};
use std::io::Read;
use std::path::Path;

/// The largest `.npy` header accepted, in bytes (numpy's `max_header_size` default).
pub const MAX_HEADER_LEN: usize = 10_000;

/// The magic string that opens every `.npy` file.
const MAGIC: &[u8; 6] = b"\x93NUMPY";

/// Nesting depth allowed in the header's Python literal.
const MAX_DEPTH: usize = 8;

/// The parsed header of a `.npy` file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The `descr` entry as written, e.g. `"<f8"` (structured dtypes are rejected when
    /// parsing).
    pub descr: String,
    /// Whether the data is stored column-major.
    pub fortran_order: bool,
    /// The array's shape.
    pub shape: Vec<usize>,
    /// Where the data starts, in bytes from the start of the file.
    pub data_offset: usize,
}

impl Header {
    /// The shape as numpy prints it: `(3, 4)`, `(5,)`, `()`.
    pub fn shape_str(&self) -> String {
        shape_str(&self.shape)
    }

    /// The data type the `descr` describes.
    pub fn dtype(&self) -> Result<Dtype> {
        Dtype::parse(&self.descr)
    }

    /// `prod(shape) * itemsize`: the number of data bytes the header declares.
    pub fn data_len(&self) -> Result<usize> {
        let dtype = self.dtype()?;
        // An empty array holds no bytes, however many rows it declares.
        if self.shape.contains(&0) {
            return Ok(0);
        }
        self.shape
            .iter()
            .try_fold(dtype.size, |acc, &d| acc.checked_mul(d))
            .ok_or_else(|| {
                Error::Data(format!(
                    "header declares shape {} of '{}', which overflows the address space; expected a shape that fits in memory",
                    self.shape_str(),
                    self.descr
                ))
            })
    }
}

fn shape_str(shape: &[usize]) -> String {
    match shape {
        [one] => format!("({one},)"),
        _ => format!(
            "({})",
            shape
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The kind of a numpy dtype (the character after the byte order in `descr`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DtypeKind {
    /// `f`: IEEE floating point.
    Float,
    /// `i`: signed integer.
    Int,
    /// `u`: unsigned integer.
    Uint,
    /// `b`: bool.
    Bool,
}

/// A numeric dtype figbuf can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dtype {
    /// Float, signed, unsigned or bool.
    pub kind: DtypeKind,
    /// Bytes per element.
    pub size: usize,
    /// Whether multi-byte elements are stored big-endian.
    pub big_endian: bool,
}

impl Dtype {
    /// Parses a simple `descr` such as `<f8`, `>i2`, `|u1` or `|b1`.
    pub fn parse(descr: &str) -> Result<Dtype> {
        let unsupported = |why: &str| {
            Err(Error::Data(format!(
                "unsupported dtype '{descr}' ({why}); expected float16/32/64, long double (x86 '<f16'), (unsigned) integers of 1-8 bytes or bool"
            )))
        };
        let mut chars = descr.chars();
        let (order, rest) = match chars.next() {
            Some(c @ ('<' | '>' | '|' | '=')) => (c, chars.as_str()),
            _ => ('=', descr),
        };
        let mut rest_chars = rest.chars();
        let kind_char = rest_chars.next();
        let size: Option<usize> = rest_chars.as_str().parse().ok();
        let kind = match kind_char {
            Some('f') => DtypeKind::Float,
            Some('i') => DtypeKind::Int,
            Some('u') => DtypeKind::Uint,
            Some('b') => DtypeKind::Bool,
            Some('c') => {
                return unsupported("complex numbers cannot be drawn: matplotlib says 'Image data of dtype complex cannot be converted to float'")
            }
            Some('O') => return unsupported("object arrays are stored as Python pickles, which figbuf never loads"),
            Some('U' | 'S' | 'a') => return unsupported("strings cannot be converted to float"),
            Some('M' | 'm') => return unsupported("datetimes cannot be drawn"),
            Some('V') => return unsupported("raw/structured records cannot be drawn"),
            _ => return unsupported("not a numpy type descriptor"),
        };
        let ok_size = match (kind, size) {
            (DtypeKind::Float, Some(s @ (2 | 4 | 8 | 16))) => Some(s),
            (DtypeKind::Int | DtypeKind::Uint, Some(s @ (1 | 2 | 4 | 8))) => Some(s),
            (DtypeKind::Bool, Some(1)) => Some(1),
            _ => None,
        };
        let Some(size) = ok_size else {
            return unsupported("no such item size for this kind");
        };
        let big_endian = match order {
            '>' => true,
            '<' | '|' => false,
            _ => cfg!(target_endian = "big"),
        };
        Ok(Dtype {
            kind,
            size,
            big_endian,
        })
    }
}

/// A value of the Python literal in a `.npy` header.
#[derive(Debug, Clone, PartialEq)]
enum PyValue {
    Str(String),
    Bool(bool),
    Int(u64),
    None,
    Tuple(Vec<PyValue>),
    List(Vec<PyValue>),
    Dict(Vec<(PyValue, PyValue)>),
}

/// A small parser for the Python literals numpy writes in headers.
struct LiteralParser<'a> {
    text: &'a [u8],
    pos: usize,
}

impl LiteralParser<'_> {
    fn error<T>(&self, expected: &str) -> Result<T> {
        let found = match self.text.get(self.pos) {
            Some(&c) => format!("{:?}", char::from(c)),
            None => "the end of the header".to_string(),
        };
        Err(Error::Data(format!(
            "malformed .npy header: expected {expected} at byte {} of the header dictionary, found {found}",
            self.pos
        )))
    }

    fn skip_space(&mut self) {
        while self
            .text
            .get(self.pos)
            .is_some_and(|c| c.is_ascii_whitespace())
        {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_space();
        self.text.get(self.pos).copied()
    }

    fn expect(&mut self, c: u8) -> Result<()> {
        if self.peek() == Some(c) {
            self.pos += 1;
            Ok(())
        } else {
            self.error(&format!("{:?}", char::from(c)))
        }
    }

    /// Items up to `close`, separated by commas (a trailing comma allowed).
    fn items(&mut self, close: u8, depth: usize, dict: bool) -> Result<Vec<(PyValue, PyValue)>> {
        let mut out = Vec::new();
        loop {
            if self.peek() == Some(close) {
                self.pos += 1;
                return Ok(out);
            }
            let key = self.value(depth + 1)?;
            let value = if dict {
                self.expect(b':')?;
                self.value(depth + 1)?
            } else {
                PyValue::None
            };
            out.push((key, value));
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(c) if c == close => {}
                _ => return self.error(&format!("',' or {:?}", char::from(close))),
            }
        }
    }

    fn value(&mut self, depth: usize) -> Result<PyValue> {
        if depth > MAX_DEPTH {
            return self.error("a shallower literal (nesting too deep)");
        }
        match self.peek() {
            Some(q @ (b'\'' | b'"')) => {
                self.pos += 1;
                let start = self.pos;
                while self
                    .text
                    .get(self.pos)
                    .is_some_and(|&c| c != q && c != b'\\')
                {
                    self.pos += 1;
                }
                if self.text.get(self.pos) != Some(&q) {
                    return self.error("the end of a string (escapes are not used by numpy)");
                }
                let s = String::from_utf8_lossy(self.text.get(start..self.pos).unwrap_or_default())
                    .into_owned();
                self.pos += 1;
                Ok(PyValue::Str(s))
            }
            Some(b'{') => {
                self.pos += 1;
                Ok(PyValue::Dict(self.items(b'}', depth, true)?))
            }
            Some(b'(') => {
                self.pos += 1;
                let items = self.items(b')', depth, false)?;
                Ok(PyValue::Tuple(items.into_iter().map(|(k, _)| k).collect()))
            }
            Some(b'[') => {
                self.pos += 1;
                let items = self.items(b']', depth, false)?;
                Ok(PyValue::List(items.into_iter().map(|(k, _)| k).collect()))
            }
            Some(c) if c.is_ascii_digit() => {
                let start = self.pos;
                while self.text.get(self.pos).is_some_and(|c| c.is_ascii_digit()) {
                    self.pos += 1;
                }
                let digits =
                    std::str::from_utf8(self.text.get(start..self.pos).unwrap_or_default())
                        .unwrap_or("");
                // Python 2 wrote long integers with an `L` suffix.
                if matches!(self.text.get(self.pos), Some(b'L' | b'l')) {
                    self.pos += 1;
                }
                match digits.parse::<u64>() {
                    Ok(v) => Ok(PyValue::Int(v)),
                    Err(_) => Err(Error::Data(format!(
                        "malformed .npy header: dimension {digits} is too large; expected a shape that fits in memory"
                    ))),
                }
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let start = self.pos;
                while self
                    .text
                    .get(self.pos)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
                {
                    self.pos += 1;
                }
                match self.text.get(start..self.pos).unwrap_or_default() {
                    b"True" => Ok(PyValue::Bool(true)),
                    b"False" => Ok(PyValue::Bool(false)),
                    b"None" => Ok(PyValue::None),
                    _ => {
                        self.pos = start;
                        self.error(
                            "True, False, None, a number, a string, a tuple, a list or a dict",
                        )
                    }
                }
            }
            _ => self.error("a Python literal"),
        }
    }
}

/// Parses the header of a `.npy` file from its first bytes (the whole file, or at least
/// the magic, version, length and dictionary).
pub fn parse_header(bytes: &[u8]) -> Result<Header> {
    if bytes.get(..6) != Some(&MAGIC[..]) {
        let shown: String = bytes
            .iter()
            .take(6)
            .map(|b| format!("{b:02x}"))
            .collect::<Vec<_>>()
            .join(" ");
        return Err(Error::Data(format!(
            "not a .npy file: starts with [{shown}], expected the magic string \\x93NUMPY"
        )));
    }
    let (major, minor) = match bytes.get(6..8) {
        Some(&[a, b]) => (a, b),
        _ => {
            return Err(Error::Data(
                "truncated .npy file: ends before the format version".to_string(),
            ))
        }
    };
    let (len_bytes, offset) = match major {
        1 => (2, 10),
        2 | 3 => (4, 12),
        _ => {
            return Err(Error::Data(format!(
                "unsupported .npy format version {major}.{minor}; expected 1.0, 2.0 or 3.0"
            )))
        }
    };
    let Some(len_field) = bytes.get(8..8 + len_bytes) else {
        return Err(Error::Data(
            "truncated .npy file: ends before the header length".to_string(),
        ));
    };
    let header_len = len_field
        .iter()
        .rev()
        .fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
    if header_len > MAX_HEADER_LEN {
        return Err(Error::Data(format!(
            ".npy header length {header_len} bytes is too large; expected at most {MAX_HEADER_LEN}"
        )));
    }
    let data_offset = offset + header_len;
    let Some(text) = bytes.get(offset..data_offset) else {
        return Err(Error::Data(format!(
            "truncated .npy file: the header declares {header_len} bytes of dictionary, the file has only {}",
            bytes.len().saturating_sub(offset)
        )));
    };
    let mut parser = LiteralParser { text, pos: 0 };
    let dict = match parser.value(0)? {
        PyValue::Dict(d) => d,
        _ => {
            return Err(Error::Data(
                "malformed .npy header: expected a dictionary".to_string(),
            ))
        }
    };
    let get = |key: &str| {
        dict.iter()
            .find(|(k, _)| *k == PyValue::Str(key.to_string()))
            .map(|(_, v)| v)
    };
    let descr = match get("descr") {
        Some(PyValue::Str(s)) => s.clone(),
        Some(PyValue::List(_)) => {
            return Err(Error::Data(
                "unsupported dtype: structured (record) arrays cannot be drawn; expected a plain numeric dtype".to_string(),
            ))
        }
        _ => return Err(Error::Data("malformed .npy header: expected a 'descr' string".to_string())),
    };
    let fortran_order = match get("fortran_order") {
        Some(PyValue::Bool(b)) => *b,
        _ => {
            return Err(Error::Data(
                "malformed .npy header: expected 'fortran_order': True or False".to_string(),
            ))
        }
    };
    let shape = match get("shape") {
        Some(PyValue::Tuple(items)) => items
            .iter()
            .map(|v| match v {
                PyValue::Int(d) => usize::try_from(*d).map_err(|_| {
                    Error::Data(format!("malformed .npy header: dimension {d} does not fit in memory"))
                }),
                other => Err(Error::Data(format!(
                    "malformed .npy header: shape entries must be non-negative integers, got {other:?}"
                ))),
            })
            .collect::<Result<Vec<usize>>>()?,
        _ => return Err(Error::Data("malformed .npy header: expected a 'shape' tuple".to_string())),
    };
    Ok(Header {
        descr,
        fortran_order,
        shape,
        data_offset,
    })
}

/// Reads a `.npy` file as `imshow` data (see the [module docs](self) for what is
/// accepted). The header is read and checked against the file's length before the data is
/// read, so no more than the file's actual size is ever allocated.
pub fn read_image_data(path: impl AsRef<Path>) -> Result<ImageData> {
    read_npy(path.as_ref(), false)
}

pub use crate::cpu::map_image_data;

/// [`read_image_data`] (`map: false`) and [`map_image_data`] (`map: true`).
pub(crate) fn read_npy(path: &Path, map: bool) -> Result<ImageData> {
    let io_err = |e: std::io::Error| Error::io(path, e);
    let with_path = |e: Error| match e {
        Error::Data(m) => Error::Data(format!("{}: {m}", path.display())),
        other => other,
    };
    // Checked before opening: opening a FIFO without a writer blocks forever, and a
    // device (/dev/zero, a terminal) has no length to check the header against.
    let kind = std::fs::metadata(path).map_err(io_err)?.file_type();
    if !kind.is_file() {
        return Err(not_regular(path, &kind));
    }
    let file = std::fs::File::open(path).map_err(io_err)?;
    let meta = file.metadata().map_err(io_err)?;
    let file_len = meta.len();
    if !meta.is_file() {
        return Err(not_regular(path, &meta.file_type()));
    }
    // The prefix: magic, version, length field and at most MAX_HEADER_LEN of dictionary
    // (reserved up front: one read, where a growing buffer took ten).
    let prefix_cap = (12 + MAX_HEADER_LEN) as u64;
    let mut prefix = Vec::with_capacity(prefix_cap.min(file_len) as usize);
    (&file)
        .take(prefix_cap.min(file_len))
        .read_to_end(&mut prefix)
        .map_err(io_err)?;
    let header = parse_header(&prefix).map_err(with_path)?;
    let data_len = header.data_len().map_err(with_path)?;
    let needed = header.data_offset.checked_add(data_len);
    let needed = match needed {
        Some(n) if (n as u64) <= file_len => n,
        _ => {
            return Err(with_path(truncated_error(
                &header,
                data_len,
                file_len.saturating_sub(header.data_offset as u64),
            )))
        }
    };
    // Large scalar data in this CPU's byte order stays in the file's map; the rest is
    // decoded straight from the file into the array (peak memory: one copy).
    if let Some(image) = map.then(|| map_scalar(&file, &header, needed)).flatten() {
        return Ok(image);
    }
    let head = prefix
        .get(header.data_offset..needed.min(prefix.len()))
        .unwrap_or_default();
    let rest = (needed as u64).saturating_sub(prefix.len() as u64);
    let mut src = head.chain((&file).take(rest));
    let at = Some((&file, header.data_offset as u64));
    decode_image(&header, &mut src, at).map_err(with_path)
}

/// Scalar data of a plain number type in this CPU's byte order, from
/// [`cpu::FileMap::MIN_BYTES`] on: left in a read-only map of the file's first `needed`
/// bytes instead of read into fresh memory (the kernel neither copies the page cache nor
/// clears new pages: see `cpu::FileMap` for the contract while the map lives). `None` for
/// everything else, which is read, and with `FIGBUF_NO_MMAP` set (to compare the two).
/// The data must not change while the map lives ([`map_image_data`]'s contract).
fn map_scalar(file: &std::fs::File, header: &Header, needed: usize) -> Option<ImageData> {
    let dtype = header.dtype().ok()?;
    let (rows, cols) = match header.shape[..] {
        [rows, cols] | [rows, cols, 1] => (rows, cols),
        _ => return None,
    };
    let foreign = dtype.size > 1 && dtype.big_endian != cfg!(target_endian = "big");
    if header.data_len().ok()? < cpu::FileMap::MIN_BYTES
        || foreign
        || std::env::var_os("FIGBUF_NO_MMAP").is_some()
    {
        return None;
    }
    let map = std::sync::Arc::new(cpu::FileMap::map(file, needed)?);
    let (offset, count, fortran) = (
        header.data_offset,
        rows.checked_mul(cols)?,
        header.fortran_order,
    );
    macro_rules! mapped {
        ($t:ty) => {
            ImageData::mapped(
                cpu::FileMap::values::<$t>(&map, offset, count)?,
                (rows, cols),
                fortran,
            )
        };
    }
    match (dtype.kind, dtype.size) {
        (DtypeKind::Float, 8) => mapped!(f64),
        (DtypeKind::Float, 4) => mapped!(f32),
        (DtypeKind::Int, 1) => mapped!(i8),
        (DtypeKind::Int, 2) => mapped!(i16),
        (DtypeKind::Int, 4) => mapped!(i32),
        (DtypeKind::Int, 8) => mapped!(i64),
        (DtypeKind::Uint, 1) => mapped!(u8),
        (DtypeKind::Uint, 2) => mapped!(u16),
        (DtypeKind::Uint, 4) => mapped!(u32),
        (DtypeKind::Uint, 8) => mapped!(u64),
        _ => None,
    }
}

/// What a non-regular file is, for the error message.
/// The error for an input that is not a regular file (a FIFO, a device, a directory).
fn not_regular(path: &Path, kind: &std::fs::FileType) -> Error {
    Error::io(
        path,
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("is {}, expected a regular .npy file", file_kind(kind)),
        ),
    )
}

fn file_kind(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a directory"
    } else {
        "not a regular file"
    }
}

fn truncated_error(header: &Header, declared: usize, present: u64) -> Error {
    Error::Data(format!(
        "truncated .npy file: header declares shape {} of '{}' = {declared} data bytes, but the file holds only {present}",
        header.shape_str(),
        header.descr
    ))
}

/// Parses `.npy` bytes (see [`read_image_data`]).
pub fn from_bytes(bytes: &[u8]) -> Result<ImageData> {
    let header = parse_header(bytes)?;
    let data_len = header.data_len()?;
    let data = match header
        .data_offset
        .checked_add(data_len)
        .and_then(|end| bytes.get(header.data_offset..end))
    {
        Some(d) => d,
        None => {
            return Err(truncated_error(
                &header,
                data_len,
                bytes.len().saturating_sub(header.data_offset) as u64,
            ))
        }
    };
    // Trailing bytes after the data are ignored, as numpy.load does.
    decode_image(&header, &mut &data[..], None)
}

/// Decodes the data of `header` read from `src` (positioned at the data) into image data;
/// `file` is the file `src` reads and the data's offset in it, when there is one.
fn decode_image(
    header: &Header,
    src: &mut dyn Read,
    file: Option<(&std::fs::File, u64)>,
) -> Result<ImageData> {
    let dtype = header.dtype()?;
    let invalid_shape = || {
        Error::Data(format!(
            "invalid shape {} for image data (dtype '{}'); expected (rows, columns) or (rows, columns, 3|4)",
            header.shape_str(),
            header.descr
        ))
    };
    let source = Source {
        src,
        file,
        header,
        count: header.data_len()? / dtype.size.max(1),
    };
    match header.shape[..] {
        [rows, cols] | [rows, cols, 1] => {
            scalar_image(source, dtype, (rows, cols), header.fortran_order)
        }
        [rows, cols, ch @ (3 | 4)] => {
            colour_image(source, dtype, (rows, cols, ch), header.fortran_order)
        }
        _ => Err(invalid_shape()),
    }
}

/// The data of a `.npy` file: `count` elements to read from `src` or, by position, from
/// `file` at the offset given with it.
struct Source<'a> {
    src: &'a mut dyn Read,
    file: Option<(&'a std::fs::File, u64)>,
    header: &'a Header,
    count: usize,
}

/// Decodes the `count` elements of `data`, each `N` bytes, into values of `T`, reading
/// 64 KiB at a time into an output allocated once (fallibly).
fn decode<T, const N: usize>(
    data: Source<'_>,
    big_endian: bool,
    from: impl Fn([u8; N]) -> T,
) -> Result<Vec<T>> {
    let Source {
        src, header, count, ..
    } = data;
    let mut out = crate::alloc::with_capacity(count, "the .npy data")?;
    let mut buf = [0u8; 65536];
    let per_chunk = buf.len() / N;
    let mut left = count;
    while left > 0 {
        let n = left.min(per_chunk);
        let Some(chunk) = buf.get_mut(..n * N) else {
            break;
        };
        src.read_exact(chunk).map_err(|e| {
            Error::Data(format!(
                "reading the data of shape {} of '{}': {e} after {} of {count} elements",
                header.shape_str(),
                header.descr,
                count - left
            ))
        })?;
        out.extend(chunk.chunks_exact(N).map(|c| {
            let mut b = [0u8; N];
            b.copy_from_slice(c);
            if big_endian {
                b.reverse();
            }
            from(b)
        }));
        left -= n;
    }
    Ok(out)
}

/// Reads the `count` elements of `data` straight into their array: for numbers stored in
/// this CPU's byte order, where an element's bytes are its value. The array is allocated
/// once (fallibly, on huge pages when large) and filled by `read_exact` in 8 MiB steps,
/// or, for large data in a file, by positional reads on the worker threads; other byte
/// orders go through [`decode`]. A file cut short while it is read is an error that says
/// how many elements were read.
fn read_plain<T: cpu::Plain + Send, const N: usize>(
    data: Source<'_>,
    big_endian: bool,
    from: impl Fn([u8; N]) -> T,
) -> Result<Vec<T>> {
    if big_endian != cfg!(target_endian = "big") || N != std::mem::size_of::<T>() {
        return decode(data, big_endian, from);
    }
    let Source {
        src,
        file,
        header,
        count,
    } = data;
    let mut out = cpu::zeroed_vec::<T>(count, "the .npy data")?;
    let failed = |e: std::io::Error, done: usize| {
        Error::Data(format!(
            "reading the data of shape {} of '{}': {e} after {done} of {count} elements",
            header.shape_str(),
            header.descr,
        ))
    };
    #[cfg(unix)]
    if let Some((file, offset)) = file.filter(|_| count * N >= PARALLEL_READ_MIN_BYTES) {
        use rayon::prelude::*;
        use std::os::unix::fs::FileExt;
        let per_step = PARALLEL_READ_STEP_BYTES / N;
        out.par_chunks_mut(per_step)
            .enumerate()
            .try_for_each(|(i, chunk)| {
                let at = offset + (i * per_step * N) as u64;
                file.read_exact_at(cpu::bytes_mut(chunk), at)
                    .map_err(|e| failed(e, i * per_step))
            })?;
        return Ok(out);
    }
    #[cfg(not(unix))]
    let _ = file;
    let per_step = (8 << 20) / N;
    for (i, chunk) in out.chunks_mut(per_step).enumerate() {
        src.read_exact(cpu::bytes_mut(chunk))
            .map_err(|e| failed(e, i * per_step))?;
    }
    Ok(out)
}

/// Data from this size on is read from its file by position, in [`PARALLEL_READ_STEP_BYTES`]
/// steps on the worker threads: the kernel's share of a read (clearing the fresh pages,
/// copying from the page cache) is most of its time and runs on both cores at once.
const PARALLEL_READ_MIN_BYTES: usize = 4 << 20;

/// The step of a parallel read (one huge page).
const PARALLEL_READ_STEP_BYTES: usize = 2 << 20;

/// IEEE half precision to single (exact).
fn f16_to_f32(h: u16) -> f32 {
    let negative = h & 0x8000 != 0;
    let exp = u32::from((h >> 10) & 0x1f);
    let mant = u32::from(h & 0x3ff);
    let magnitude = match exp {
        // Subnormal: mant * 2^-24, exact in f32.
        0 => mant as f32 * f32::from_bits(0x3380_0000),
        0x1f => f32::from_bits(0x7f80_0000 | (mant << 13)),
        _ => f32::from_bits(((exp + 112) << 23) | (mant << 13)),
    };
    if negative {
        -magnitude
    } else {
        magnitude
    }
}

fn array2<T>(shape: (usize, usize), fortran: bool, v: Vec<T>) -> Result<Array2<T>> {
    Array2::from_shape_vec(shape.set_f(fortran), v).map_err(|e| {
        Error::Data(format!(
            "array of shape {shape:?} does not match its data: {e}"
        ))
    })
}

fn array3<T>(shape: (usize, usize, usize), fortran: bool, v: Vec<T>) -> Result<Array3<T>> {
    Array3::from_shape_vec(shape.set_f(fortran), v).map_err(|e| {
        Error::Data(format!(
            "array of shape {shape:?} does not match its data: {e}"
        ))
    })
}

fn scalar_image(
    data: Source<'_>,
    dt: Dtype,
    shape: (usize, usize),
    fortran: bool,
) -> Result<ImageData> {
    let be = dt.big_endian;
    Ok(match (dt.kind, dt.size) {
        (DtypeKind::Float, 8) => ImageData::from(array2(
            shape,
            fortran,
            read_plain(data, be, f64::from_le_bytes)?,
        )?),
        (DtypeKind::Float, 4) => ImageData::from(array2(
            shape,
            fortran,
            read_plain(data, be, f32::from_le_bytes)?,
        )?),
        // x86 long double: matplotlib resamples it as float64 ('data' stage: "Casting input
        // data from float128 to float64"); see DESIGN.md for its long double limits.
        (DtypeKind::Float, 16) => {
            ImageData::long_double(array2(shape, fortran, decode(data, be, x87::x87_to_f64)?)?)
        }
        (DtypeKind::Float, _) => ImageData::float16(array2(
            shape,
            fortran,
            decode(data, be, |b| f16_to_f32(u16::from_le_bytes(b)))?,
        )?)?,
        (DtypeKind::Int, 1) => ImageData::from(array2(
            shape,
            fortran,
            read_plain(data, be, i8::from_le_bytes)?,
        )?),
        (DtypeKind::Int, 2) => ImageData::from(array2(
            shape,
            fortran,
            read_plain(data, be, i16::from_le_bytes)?,
        )?),
        (DtypeKind::Int, 4) => ImageData::from(array2(
            shape,
            fortran,
            read_plain(data, be, i32::from_le_bytes)?,
        )?),
        (DtypeKind::Int, _) => ImageData::from(array2(
            shape,
            fortran,
            read_plain(data, be, i64::from_le_bytes)?,
        )?),
        (DtypeKind::Uint, 1) => ImageData::from(array2(
            shape,
            fortran,
            read_plain(data, false, |[b]: [u8; 1]| b)?,
        )?),
        (DtypeKind::Uint, 2) => ImageData::from(array2(
            shape,
            fortran,
            read_plain(data, be, u16::from_le_bytes)?,
        )?),
        (DtypeKind::Uint, 4) => ImageData::from(array2(
            shape,
            fortran,
            read_plain(data, be, u32::from_le_bytes)?,
        )?),
        (DtypeKind::Uint, _) => ImageData::from(array2(
            shape,
            fortran,
            read_plain(data, be, u64::from_le_bytes)?,
        )?),
        (DtypeKind::Bool, _) => ImageData::from(array2(
            shape,
            fortran,
            decode(data, false, |[b]: [u8; 1]| u8::from(b != 0))?,
        )?),
    })
}

fn colour_image(
    data: Source<'_>,
    dt: Dtype,
    shape: (usize, usize, usize),
    fortran: bool,
) -> Result<ImageData> {
    let be = dt.big_endian;
    // matplotlib clips integer colours to 0..255 and casts them to uint8.
    let clip = |v: i128| v.clamp(0, 255) as u8;
    match (dt.kind, dt.size) {
        // matplotlib's resampler refuses them ("arrays must be of dtype byte, short, float32
        // or float64"): RGB gains a float64 alpha, and the stack stays long double.
        (DtypeKind::Float, 16) => Err(Error::Data(format!(
            "unsupported dtype '{}' for long double colours of shape {}: matplotlib cannot draw them (its resampler takes byte, short, float32 or float64)",
            data.header.descr,
            data.header.shape_str()
        ))),
        (DtypeKind::Float, 8) => ImageData::rgb_f64(array3(
            shape,
            fortran,
            decode(data, be, f64::from_le_bytes)?,
        )?),
        (DtypeKind::Float, 4) => ImageData::rgb_f64(array3(
            shape,
            fortran,
            decode(data, be, |b| f64::from(f32::from_le_bytes(b)))?,
        )?),
        // float16 RGBA stays float16 up to matplotlib's resampler, which refuses it (RGB gains
        // a float64 alpha channel and is drawn).
        (DtypeKind::Float, 2) if shape.2 == 4 => Err(Error::Data(format!(
            "unsupported dtype '{}' for RGBA colours of shape {}: matplotlib cannot draw float16 RGBA (its resampler takes byte, short, float32 or float64)",
            data.header.descr,
            data.header.shape_str()
        ))),
        (DtypeKind::Float, _) => ImageData::rgb_f64(array3(
            shape,
            fortran,
            decode(data, be, |b| f64::from(f16_to_f32(u16::from_le_bytes(b))))?,
        )?),
        (DtypeKind::Bool, _) => ImageData::rgb_f64(array3(
            shape,
            fortran,
            decode(data, false, |[b]: [u8; 1]| f64::from(u8::from(b != 0)))?,
        )?),
        (DtypeKind::Uint, 1) => ImageData::rgb_u8(array3(
            shape,
            fortran,
            decode(data, false, |[b]: [u8; 1]| b)?,
        )?),
        (DtypeKind::Int, 1) => ImageData::rgb_u8(array3(
            shape,
            fortran,
            decode(data, be, |b| clip(i8::from_le_bytes(b).into()))?,
        )?),
        (DtypeKind::Int, 2) => ImageData::rgb_u8(array3(
            shape,
            fortran,
            decode(data, be, |b| clip(i16::from_le_bytes(b).into()))?,
        )?),
        (DtypeKind::Int, 4) => ImageData::rgb_u8(array3(
            shape,
            fortran,
            decode(data, be, |b| clip(i32::from_le_bytes(b).into()))?,
        )?),
        (DtypeKind::Int, _) => ImageData::rgb_u8(array3(
            shape,
            fortran,
            decode(data, be, |b| clip(i64::from_le_bytes(b).into()))?,
        )?),
        (DtypeKind::Uint, 2) => ImageData::rgb_u8(array3(
            shape,
            fortran,
            decode(data, be, |b| clip(u16::from_le_bytes(b).into()))?,
        )?),
        (DtypeKind::Uint, 4) => ImageData::rgb_u8(array3(
            shape,
            fortran,
            decode(data, be, |b| clip(u32::from_le_bytes(b).into()))?,
        )?),
        (DtypeKind::Uint, _) => ImageData::rgb_u8(array3(
            shape,
            fortran,
            decode(data, be, |b| clip(u64::from_le_bytes(b).into()))?,
        )?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A version-1.0 `.npy` file with `dict` as header, padded like numpy pads it.
    fn npy(dict: &str, data: &[u8]) -> Vec<u8> {
        let mut header = dict.as_bytes().to_vec();
        while !(10 + header.len() + 1).is_multiple_of(64) {
            header.push(b' ');
        }
        header.push(b'\n');
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&[1, 0]);
        out.extend_from_slice(&(header.len() as u16).to_le_bytes());
        out.extend_from_slice(&header);
        out.extend_from_slice(data);
        out
    }

    fn dict(descr: &str, shape: &str) -> String {
        format!("{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}")
    }

    fn scalar_f64(image: &ImageData) -> Vec<f64> {
        use crate::color::Values;
        let s = image.as_scalar().expect("scalar");
        match s.values() {
            Values::F64(v) => v.iter().copied().collect(),
            Values::F32(v) => v.iter().map(|&x| f64::from(x)).collect(),
            Values::I16(v) => v.iter().map(|&x| f64::from(x)).collect(),
            Values::I32(v) => v.iter().map(|&x| f64::from(x)).collect(),
            Values::U8(v) => v.iter().map(|&x| f64::from(x)).collect(),
            other => panic!("unexpected dtype {other:?}"),
        }
    }

    #[test]
    fn header_fields() {
        // np.save(f, np.zeros((2, 3))) writes this dictionary.
        let h = parse_header(&npy(&dict("<f8", "(2, 3)"), &[])).unwrap();
        assert_eq!(h.descr, "<f8");
        assert!(!h.fortran_order);
        assert_eq!(h.shape, vec![2, 3]);
        assert_eq!(h.data_offset, 128); // 10 + 60 + padding to a multiple of 64
        assert_eq!(h.data_len().unwrap(), 48);
    }

    #[test]
    fn little_and_big_endian_read_alike() {
        // np.array([[1.5, -2.0]], dtype='<f8') and the same with dtype='>f8'.
        let le: Vec<u8> = [1.5f64, -2.0]
            .iter()
            .flat_map(|v| v.to_le_bytes())
            .collect();
        let be: Vec<u8> = [1.5f64, -2.0]
            .iter()
            .flat_map(|v| v.to_be_bytes())
            .collect();
        let a = from_bytes(&npy(&dict("<f8", "(1, 2)"), &le)).unwrap();
        let b = from_bytes(&npy(&dict(">f8", "(1, 2)"), &be)).unwrap();
        assert_eq!(scalar_f64(&a), vec![1.5, -2.0]);
        assert_eq!(scalar_f64(&b), vec![1.5, -2.0]);
        // np.array([[258, -3]], dtype='>i4')
        let be_i: Vec<u8> = [258i32, -3].iter().flat_map(|v| v.to_be_bytes()).collect();
        let c = from_bytes(&npy(&dict(">i4", "(1, 2)"), &be_i)).unwrap();
        assert_eq!(scalar_f64(&c), vec![258.0, -3.0]);
    }

    #[test]
    fn fortran_order_is_column_major() {
        // np.asfortranarray(np.arange(6.0).reshape(2, 3)) stores 0, 3, 1, 4, 2, 5.
        let data: Vec<u8> = [0.0f64, 3.0, 1.0, 4.0, 2.0, 5.0]
            .iter()
            .flat_map(|v| v.to_le_bytes())
            .collect();
        let d = "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }";
        let a = from_bytes(&npy(d, &data)).unwrap();
        assert_eq!(scalar_f64(&a), vec![0.0, 1.0, 2.0, 3.0, 4.0, 5.0]);
    }

    #[test]
    fn half_floats_widen_exactly() {
        // np.array([1.0, -2.5, 6.1e-05, 5.96e-08, inf], dtype=np.float16).view(np.uint16)
        for (bits, want) in [
            (0x3c00u16, 1.0f32),
            (0xc100, -2.5),
            (0x0400, 6.103_515_6e-5),
            (0x0001, 5.960_464_5e-8),
            (0x7c00, f32::INFINITY),
            (0x7bff, 65504.0),
        ] {
            assert_eq!(f16_to_f32(bits), want, "{bits:#06x}");
        }
        assert!(f16_to_f32(0x7e00).is_nan());
    }

    #[test]
    fn float16_and_long_double_keep_their_precision_rules() {
        use crate::color::Work;
        // float16 data is marked as half precision (normalised in float16).
        let a = from_bytes(&npy(&dict("<f2", "(1, 2)"), &[0x00, 0x3c, 0x00, 0xc1])).unwrap();
        let d = a.as_scalar().unwrap();
        assert_eq!(d.work(), Work::F16);
        // x86 long double 1.0 and -3.0, little- and big-endian, as float64.
        let mut le = Vec::new();
        for (m, se) in [(1u64 << 63, 0x3fffu16), (0xc000_0000_0000_0000, 0xc000)] {
            le.extend(m.to_le_bytes());
            le.extend(se.to_le_bytes());
            le.extend([0; 6]);
        }
        let mut be = le.clone();
        for item in be.chunks_mut(16) {
            item.reverse();
        }
        for bytes in [
            npy(&dict("<f16", "(1, 2)"), &le),
            npy(&dict(">f16", "(1, 2)"), &be),
        ] {
            let a = from_bytes(&bytes).unwrap();
            let d = a.as_scalar().unwrap();
            assert_eq!(d.work(), Work::F64);
            let crate::color::Values::F64(v) = d.values() else {
                panic!("long double is read as float64");
            };
            assert_eq!(v.iter().copied().collect::<Vec<_>>(), [1.0, -3.0]);
        }
    }

    #[test]
    fn squeezes_single_channel_and_clips_integer_colours() {
        // imshow(np.zeros((1, 2, 1))) draws a (1, 2) scalar image.
        let a = from_bytes(&npy(&dict("<f8", "(1, 2, 1)"), &[0; 16])).unwrap();
        assert_eq!(a.shape(), (1, 2));
        assert!(a.as_scalar().is_some());
        // imshow(np.array([[[300, -5, 7]]])) clips to 0..255 and casts to uint8.
        let data: Vec<u8> = [300i64, -5, 7]
            .iter()
            .flat_map(|v| v.to_le_bytes())
            .collect();
        let b = from_bytes(&npy(&dict("<i8", "(1, 1, 3)"), &data)).unwrap();
        assert_eq!(b.rgba_u8().unwrap(), vec![[255, 0, 7, 255]]);
    }

    #[test]
    fn bad_inputs_are_clear_errors() {
        let cases: &[(Vec<u8>, &str)] = &[
            (b"hello world".to_vec(), "not a .npy file"),
            (Vec::new(), "not a .npy file"),
            (MAGIC.to_vec(), "ends before the format version"),
            (
                npy(&dict("<f8", "(2, 3)"), &[0; 47]),
                "declares shape (2, 3) of '<f8' = 48 data bytes, but the file holds only 47",
            ),
            (
                npy(&dict("<f8", "(100000, 100000)"), &[0; 8]),
                "80000000000 data bytes",
            ),
            (
                npy(&dict("<f8", "(18446744073709551615, 3)"), &[]),
                "overflows",
            ),
            (
                npy(&dict("<f8", "(99999999999999999999999, 3)"), &[]),
                "too large",
            ),
            (npy(&dict("<c16", "(1, 1)"), &[0; 16]), "complex"),
            (npy(&dict("|O", "(1, 1)"), &[0; 8]), "pickles"),
            (npy(&dict("<U3", "(1, 1)"), &[0; 12]), "strings"),
            (npy(&dict("<f12", "(1, 1)"), &[0; 12]), "no such item size"),
            (
                npy(&dict("<f16", "(1, 1, 3)"), &[0; 48]),
                "long double colours",
            ),
            (npy(&dict("<f8", "(3,)"), &[0; 24]), "invalid shape (3,)"),
            (
                npy(&dict("<f8", "(1, 1, 1, 1)"), &[0; 8]),
                "invalid shape (1, 1, 1, 1)",
            ),
            (
                npy(&dict("<f8", "(1, 1, 2)"), &[0; 16]),
                "invalid shape (1, 1, 2)",
            ),
            (npy(&dict("<f8", "()"), &[0; 8]), "invalid shape ()"),
            (
                npy(
                    "{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (1,), }",
                    &[0; 8],
                ),
                "structured",
            ),
            (
                npy("{'descr': '<f8', 'shape': (1, 1), }", &[0; 8]),
                "fortran_order",
            ),
            (
                npy(
                    "{'descr': '<f8', 'fortran_order': False, 'shape': (-1, 1), }",
                    &[0; 8],
                ),
                "malformed",
            ),
            (npy("[[[[[[[[[[[[[[[[[[[[", &[]), "nesting too deep"),
            (
                npy("{'descr': '<f8', 'fortran_order': Fals", &[]),
                "malformed",
            ),
        ];
        for (bytes, want) in cases {
            match from_bytes(bytes) {
                Ok(_) => panic!("expected an error containing {want:?}"),
                Err(e) => assert!(
                    e.to_string().contains(want),
                    "{e} does not contain {want:?}"
                ),
            }
        }
    }

    #[test]
    fn header_length_limit_and_versions() {
        let mut v = MAGIC.to_vec();
        v.extend_from_slice(&[2, 0]);
        v.extend_from_slice(&(1_000_000u32).to_le_bytes());
        assert!(from_bytes(&v)
            .unwrap_err()
            .to_string()
            .contains("too large"));
        let mut v = MAGIC.to_vec();
        v.extend_from_slice(&[9, 0, 0, 0]);
        assert!(from_bytes(&v)
            .unwrap_err()
            .to_string()
            .contains("version 9.0"));
    }

    /// Large data is read by position on the worker threads, or mapped: the same values
    /// as the sequential reader, in C and Fortran order, and a file cut short after its length was
    /// checked (another process truncating it) is an error naming the elements read.
    #[test]
    fn large_files_read_in_parallel_alike() {
        let dir = std::env::temp_dir().join(format!("figbuf-npy-par-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (rows, cols) = (1100, 700); // 6.2 MB of f64: past the parallel threshold
        let values: Vec<f64> = (0..rows * cols).map(|i| (i as f64).sin()).collect();
        let data: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
        for fortran in ["False", "True"] {
            let shape = format!("({rows}, {cols})");
            let d = format!("{{'descr': '<f8', 'fortran_order': {fortran}, 'shape': {shape}, }}");
            let bytes = npy(&d, &data);
            let path = dir.join(format!("big-{fortran}.npy"));
            std::fs::write(&path, &bytes).unwrap();
            let owned = scalar_f64(&from_bytes(&bytes).unwrap());
            assert_eq!(scalar_f64(&read_image_data(&path).unwrap()), owned);
            let mapped = read_npy(&path, true).unwrap();
            assert!(format!("{mapped:?}").contains("Mapped"), "{mapped:?}");
            assert_eq!(scalar_f64(&mapped), owned);
            // Cut short after the check: read through `decode_image` as `read_image_data`
            // does, with the file now 1 MB shorter than its header declares.
            let header = parse_header(&bytes).unwrap();
            std::fs::write(&path, &bytes[..bytes.len() - (1 << 20)]).unwrap();
            let file = std::fs::File::open(&path).unwrap();
            let at = Some((&file, header.data_offset as u64));
            let e = decode_image(&header, &mut std::io::empty(), at).unwrap_err();
            let e = e.to_string();
            assert!(
                e.contains("reading the data of shape (1100, 700) of '<f8'"),
                "{e}"
            );
            assert!(e.contains(" of 770000 elements"), "{e}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn reads_files_without_allocating_the_declared_size() {
        let dir = std::env::temp_dir().join(format!("figbuf-npy-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("huge.npy");
        std::fs::write(
            &path,
            npy(&dict("<f8", "(1000000000, 1000000000)"), &[0; 64]),
        )
        .unwrap();
        let e = read_image_data(&path).unwrap_err().to_string();
        assert!(e.contains("huge.npy") && e.contains("holds only 64"), "{e}");
        let ok = dir.join("ok.npy");
        std::fs::write(&ok, npy(&dict("<i2", "(2, 2)"), &[1, 0, 2, 0, 3, 0, 4, 0])).unwrap();
        assert_eq!(
            scalar_f64(&read_image_data(&ok).unwrap()),
            vec![1.0, 2.0, 3.0, 4.0]
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
