//! [`Color`]: a straight (non-premultiplied) RGBA colour in f64, parsed like matplotlib's
//! `matplotlib.colors.to_rgba`.

use super::named::NAMED_COLORS;
use crate::{Error, Result};

/// A straight-alpha RGBA colour with f64 channels in `[0, 1]`, as matplotlib's
/// `to_rgba` returns it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Color {
    /// Red, 0..=1.
    pub r: f64,
    /// Green, 0..=1.
    pub g: f64,
    /// Blue, 0..=1.
    pub b: f64,
    /// Alpha (opacity), 0..=1.
    pub a: f64,
}

/// matplotlib's `BASE_COLORS` (one-letter names), as float tuples.
const BASE_COLORS: [(char, [f64; 3]); 8] = [
    ('b', [0.0, 0.0, 1.0]),
    ('g', [0.0, 0.5, 0.0]),
    ('r', [1.0, 0.0, 0.0]),
    ('c', [0.0, 0.75, 0.75]),
    ('m', [0.75, 0.0, 0.75]),
    ('y', [0.75, 0.75, 0.0]),
    ('k', [0.0, 0.0, 0.0]),
    ('w', [1.0, 1.0, 1.0]),
];

/// The default property cycle (`axes.prop_cycle`), used by `'C0'`..`'C9'`.
const PROP_CYCLE: [&str; 10] = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf",
];

/// Parses a colour as [`Color::parse`] does (`matplotlib.colors.to_rgba`).
///
/// ```
/// let c: figbuf::Color = "tab:blue".parse()?;
/// assert_eq!(c.to_rgba8_round(), [0x1f, 0x77, 0xb4, 255]);
/// # Ok::<(), figbuf::Error>(())
/// ```
impl std::str::FromStr for Color {
    type Err = Error;
    fn from_str(s: &str) -> Result<Color> {
        Color::parse(s)
    }
}

impl Color {
    /// Fully transparent black, matplotlib's `'none'` and the default *bad* colour.
    pub const TRANSPARENT: Color = Color::new(0.0, 0.0, 0.0, 0.0);
    /// Opaque black.
    pub const BLACK: Color = Color::new(0.0, 0.0, 0.0, 1.0);
    /// Opaque white.
    pub const WHITE: Color = Color::new(1.0, 1.0, 1.0, 1.0);

    /// A colour from its four channels (not validated).
    pub const fn new(r: f64, g: f64, b: f64, a: f64) -> Self {
        Color { r, g, b, a }
    }

    /// An opaque colour from red, green and blue.
    pub const fn rgb(r: f64, g: f64, b: f64) -> Self {
        Color { r, g, b, a: 1.0 }
    }

    /// The channels as `[r, g, b, a]`.
    pub const fn to_array(self) -> [f64; 4] {
        [self.r, self.g, self.b, self.a]
    }

    /// A colour from `[r, g, b, a]`.
    pub const fn from_array(v: [f64; 4]) -> Self {
        Color::new(v[0], v[1], v[2], v[3])
    }

    /// A checked colour from channels: each must lie in `[0, 1]` (matplotlib's
    /// "RGBA values should be within 0-1 range").
    pub fn try_new(r: f64, g: f64, b: f64, a: f64) -> Result<Self> {
        for (what, v) in [("red", r), ("green", g), ("blue", b), ("alpha", a)] {
            if !(0.0..=1.0).contains(&v) {
                return Err(Error::invalid(
                    format!("colour channel {what}"),
                    v,
                    "within 0..=1",
                ));
            }
        }
        Ok(Color::new(r, g, b, a))
    }

    /// The same colour with its alpha replaced.
    pub const fn with_alpha(self, a: f64) -> Self {
        Color { a, ..self }
    }

    /// Parse a colour string the way `matplotlib.colors.to_rgba` does: `'#rgb'`,
    /// `'#rgba'`, `'#rrggbb'`, `'#rrggbbaa'`, `'none'`, the one-letter base colours
    /// (`'r'`, `'g'`, `'b'`, `'c'`, `'m'`, `'y'`, `'k'`, `'w'`), the CSS4/X11 names,
    /// `'tab:*'`, `'xkcd:*'`, `'C0'`.. (the default property cycle), grey levels such as
    /// `'0.5'` and RGB(A) tuples written as text, `'(0.2, 0.4, 0.6)'`. Names are looked up as given and then lower-cased (except one-letter
    /// names), as matplotlib does.
    ///
    /// ```
    /// use figbuf::Color;
    /// assert_eq!(Color::parse("r").unwrap(), Color::rgb(1.0, 0.0, 0.0));
    /// assert_eq!(Color::parse("#ff000080").unwrap().a, 128.0 / 255.0);
    /// assert_eq!(Color::parse("(0.2, 0.4, 0.6)").unwrap(), Color::rgb(0.2, 0.4, 0.6));
    /// assert!(Color::parse("notacolour").is_err());
    /// ```
    pub fn parse(s: &str) -> Result<Color> {
        let bad = |expected: &str| Error::invalid("colour", format!("{s:?}"), expected);
        if s.eq_ignore_ascii_case("none") {
            return Ok(Color::TRANSPARENT);
        }
        // Colour-cycle syntax 'C<n>' (matplotlib's `_is_nth_color`).
        if let Some(digits) = s.strip_prefix('C') {
            if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                let n = digits
                    .bytes()
                    .fold(0usize, |acc, d| (acc * 10 + usize::from(d - b'0')) % 10);
                return parse_hex(PROP_CYCLE[n]).ok_or_else(|| bad("a colour"));
            }
        }
        let mut chars = s.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if let Some((_, rgb)) = BASE_COLORS.iter().find(|(name, _)| *name == c) {
                return Ok(Color::rgb(rgb[0], rgb[1], rgb[2]));
            }
        }
        let named = lookup_name(s).or_else(|| {
            if s.chars().count() != 1 {
                lookup_name(&s.to_lowercase())
            } else {
                None
            }
        });
        if let Some(hex) = named {
            return parse_hex(hex).ok_or_else(|| bad("a colour"));
        }
        if s.starts_with('#') {
            return parse_hex(s)
                .ok_or_else(|| bad("a hex colour '#rgb', '#rgba', '#rrggbb' or '#rrggbbaa'"));
        }
        // An RGB or RGBA tuple written as text, '(0.2, 0.4, 0.6)' or '(1, 0, 0, 0.5)':
        // matplotlib's tuple colours (each value within 0..=1).
        if let Some(inner) = s.trim().strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
            let v: Vec<f64> = inner
                .split(',')
                .map(|p| p.trim().parse::<f64>())
                .collect::<std::result::Result<_, _>>()
                .map_err(|_| bad("an RGB(A) tuple of numbers '(r, g, b)' or '(r, g, b, a)'"))?;
            if !(v.len() == 3 || v.len() == 4) {
                return Err(bad("an RGB(A) tuple of 3 or 4 values"));
            }
            if !v.iter().all(|x| (0.0..=1.0).contains(x)) {
                return Err(bad("RGBA values within 0..=1"));
            }
            return Ok(Color::new(
                v[0],
                v[1],
                v[2],
                v.get(3).copied().unwrap_or(1.0),
            ));
        }
        // A grey level, Python's float(): surrounding whitespace is allowed.
        if let Ok(v) = s.trim().parse::<f64>() {
            if (0.0..=1.0).contains(&v) {
                return Ok(Color::rgb(v, v, v));
            }
            return Err(bad("a grey level within 0..=1"));
        }
        Err(bad(
            "a matplotlib colour (name, '#rrggbb', grey level '0.5', 'C0', ...)",
        ))
    }

    /// Agg's rule for colours that reach the rasteriser directly (patches, colorbar
    /// cells, lines, text): `floor(v * 255 + 0.5)` per channel.
    pub fn to_rgba8_round(self) -> [u8; 4] {
        self.to_array().map(round_byte)
    }

    /// The image rule `uint8(v * 255)`: truncation, as `cmap(x, bytes=True)` does.
    pub fn to_rgba8_trunc(self) -> [u8; 4] {
        self.to_array().map(trunc_byte)
    }
}

/// `floor(v * 255 + 0.5)` clamped into `0..=255` (Agg's colour conversion).
pub(crate) fn round_byte(v: f64) -> u8 {
    (v * 255.0 + 0.5).floor().clamp(0.0, 255.0) as u8
}

/// `uint8(v * 255)`: truncation toward zero (numpy's float -> uint8 cast for values in
/// range), clamped into `0..=255`.
pub(crate) fn trunc_byte(v: f64) -> u8 {
    (v * 255.0).clamp(0.0, 255.0) as u8
}

fn lookup_name(name: &str) -> Option<&'static str> {
    NAMED_COLORS
        .binary_search_by(|(n, _)| n.cmp(&name))
        .ok()
        .and_then(|i| NAMED_COLORS.get(i))
        .map(|(_, hex)| *hex)
}

/// `'#rgb'`, `'#rgba'`, `'#rrggbb'`, `'#rrggbbaa'` with matplotlib's arithmetic
/// (`n / 0xff` for two-digit channels, `n / 0xf` for one-digit channels).
fn parse_hex(s: &str) -> Option<Color> {
    let digits = s.strip_prefix('#')?;
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let nibble = |i: usize| -> Option<u32> { char::from(*digits.as_bytes().get(i)?).to_digit(16) };
    let values: [f64; 4] = match digits.len() {
        3 | 4 => {
            let mut v = [1.0; 4];
            for (i, slot) in v.iter_mut().enumerate().take(digits.len()) {
                *slot = f64::from(nibble(i)?) / 15.0;
            }
            v
        }
        6 | 8 => {
            let mut v = [1.0; 4];
            for (i, slot) in v.iter_mut().enumerate().take(digits.len() / 2) {
                *slot = f64::from(nibble(2 * i)? * 16 + nibble(2 * i + 1)?) / 255.0;
            }
            v
        }
        _ => return None,
    };
    Some(Color::from_array(values))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_like_to_rgba() {
        // Expected values: matplotlib.colors.to_rgba(s) in matplotlib 3.11.2.
        let cases: &[(&str, [f64; 4])] = &[
            ("none", [0.0, 0.0, 0.0, 0.0]),
            ("NONE", [0.0, 0.0, 0.0, 0.0]),
            ("r", [1.0, 0.0, 0.0, 1.0]),
            ("g", [0.0, 0.5, 0.0, 1.0]),
            ("c", [0.0, 0.75, 0.75, 1.0]),
            ("k", [0.0, 0.0, 0.0, 1.0]),
            ("#ff8000", [1.0, 128.0 / 255.0, 0.0, 1.0]),
            ("#FF8000", [1.0, 128.0 / 255.0, 0.0, 1.0]),
            ("#f80", [1.0, 8.0 / 15.0, 0.0, 1.0]),
            ("#f808", [1.0, 8.0 / 15.0, 0.0, 8.0 / 15.0]),
            ("#ff800080", [1.0, 128.0 / 255.0, 0.0, 128.0 / 255.0]),
            ("0.5", [0.5, 0.5, 0.5, 1.0]),
            ("0", [0.0, 0.0, 0.0, 1.0]),
            ("white", [1.0, 1.0, 1.0, 1.0]),
            ("Red", [1.0, 0.0, 0.0, 1.0]),
            (
                "tab:blue",
                [31.0 / 255.0, 119.0 / 255.0, 180.0 / 255.0, 1.0],
            ),
            ("C0", [31.0 / 255.0, 119.0 / 255.0, 180.0 / 255.0, 1.0]),
            ("C11", [1.0, 127.0 / 255.0, 14.0 / 255.0, 1.0]),
            (
                "xkcd:sky blue",
                [117.0 / 255.0, 187.0 / 255.0, 253.0 / 255.0, 1.0],
            ),
            (
                "rebeccapurple",
                [102.0 / 255.0, 51.0 / 255.0, 153.0 / 255.0, 1.0],
            ),
        ];
        for (s, want) in cases {
            assert_eq!(Color::parse(s).unwrap().to_array(), *want, "{s}");
        }
    }

    #[test]
    fn rejects_bad_strings_naming_them() {
        for s in [
            "",
            "#12",
            "#gggggg",
            "1.5",
            "-0.1",
            "R",
            "notacolour",
            "#1234567",
        ] {
            let err = Color::parse(s).unwrap_err().to_string();
            assert!(err.contains(&format!("{s:?}")), "{err}");
        }
    }

    #[test]
    fn byte_rules() {
        // viridis[128] = (0.127568, 0.566949, 0.550556): image bytes (32, 144, 140),
        // colorbar-cell bytes (33, 145, 140) (spec 3.3).
        let c = Color::rgb(0.127568, 0.566949, 0.550556);
        assert_eq!(c.to_rgba8_trunc(), [32, 144, 140, 255]);
        assert_eq!(c.to_rgba8_round(), [33, 145, 140, 255]);
    }
}
