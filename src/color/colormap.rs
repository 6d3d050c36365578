//! [`Colormap`]: matplotlib's lookup table of `N` colours plus *under*, *over* and *bad*
//! (spec section 3).

use std::sync::{Arc, OnceLock};

use super::rgba::{round_byte, trunc_byte, Color};
use crate::{Error, Result};

/// The 182 registered colormaps of matplotlib 3.11.2, dumped by
/// `assets/gen_colormaps.py` (format described there).
static COLORMAP_TABLES: &[u8] = include_bytes!("../../assets/colormaps.bin");

/// Where one built-in colormap sits inside [`COLORMAP_TABLES`].
#[derive(Debug, Clone, Copy)]
struct TableEntry {
    name: &'static str,
    n: usize,
    has_alpha: bool,
    /// Byte offset of the first row.
    offset: usize,
}

/// The parsed, read-only index of the embedded tables (names and offsets only; rows are
/// decoded per lookup).
fn table_index() -> &'static [TableEntry] {
    static INDEX: OnceLock<Vec<TableEntry>> = OnceLock::new();
    INDEX.get_or_init(|| parse_index(COLORMAP_TABLES).unwrap_or_default())
}

fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn read_f64(bytes: &[u8], at: usize) -> Option<f64> {
    let b: [u8; 8] = bytes.get(at..at + 8)?.try_into().ok()?;
    Some(f64::from_le_bytes(b))
}

fn parse_index(bytes: &'static [u8]) -> Option<Vec<TableEntry>> {
    if bytes.get(..8)? != b"FBCMAP01" {
        return None;
    }
    let count = read_u32(bytes, 8)? as usize;
    let mut at = 12;
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        let len = usize::from(*bytes.get(at)?);
        let name = std::str::from_utf8(bytes.get(at + 1..at + 1 + len)?).ok()?;
        at += 1 + len;
        let n = read_u32(bytes, at)? as usize;
        let has_alpha = *bytes.get(at + 4)? & 1 == 1;
        at += 5;
        out.push(TableEntry {
            name,
            n,
            has_alpha,
            offset: at,
        });
        at += n * if has_alpha { 4 } else { 3 } * 8 + 3 * 4 * 8;
    }
    (at == bytes.len()).then_some(out)
}

/// A decoded built-in table: the `N` colour rows and `[under, over, bad]`.
type DecodedTable = (Vec<[f64; 4]>, [[f64; 4]; 3]);

/// Decode one built-in table.
fn decode_table(e: &TableEntry) -> Option<DecodedTable> {
    let width = if e.has_alpha { 4 } else { 3 };
    let mut rows = Vec::with_capacity(e.n);
    let mut at = e.offset;
    for _ in 0..e.n {
        let mut row = [1.0; 4];
        for v in row.iter_mut().take(width) {
            *v = read_f64(COLORMAP_TABLES, at)?;
            at += 8;
        }
        rows.push(row);
    }
    let mut ext = [[0.0; 4]; 3];
    for row in ext.iter_mut() {
        for v in row.iter_mut() {
            *v = read_f64(COLORMAP_TABLES, at)?;
            at += 8;
        }
    }
    Some((rows, ext))
}

/// The names of all built-in colormaps (182, the `*_r` versions included), sorted.
pub fn colormap_names() -> impl Iterator<Item = &'static str> {
    table_index().iter().map(|e| e.name)
}

/// A colormap: `N` RGBA colours plus the colours for *under* (below 0), *over* (above 1)
/// and *bad* (NaN or masked) values, as matplotlib's `Colormap` keeps them in its
/// `N + 3` row lookup table. Cheap to clone (the table is shared).
#[derive(Debug, Clone, PartialEq)]
pub struct Colormap {
    name: Arc<str>,
    /// The `N` colours.
    colors: Arc<[[f64; 4]]>,
    /// Under colour; `None` means `colors[0]`.
    under: Option<[f64; 4]>,
    /// Over colour; `None` means `colors[N - 1]`.
    over: Option<[f64; 4]>,
    bad: [f64; 4],
    /// `with_alpha`: replaces the alpha of every LUT row, extremes included.
    alpha: Option<f64>,
    /// Whether `name` is a registered colormap whose table this is (so `reversed` can
    /// look up `name_r` instead of flipping the table).
    builtin: bool,
    /// Extremes set by the user, kept apart so that `reversed` can swap them.
    user_under: Option<[f64; 4]>,
    user_over: Option<[f64; 4]>,
    user_bad: Option<[f64; 4]>,
}

impl Colormap {
    /// A registered colormap by name, e.g. `"viridis"` or `"RdBu_r"` (all 182 names of
    /// `matplotlib.colormaps`). An unknown name gives [`Error::UnknownColormap`] with the
    /// nearest registered names.
    ///
    /// ```
    /// use figbuf::Colormap;
    /// let viridis = Colormap::named("viridis").unwrap();
    /// assert_eq!(viridis.n(), 256);
    /// assert!(Colormap::named("virdis").is_err());
    /// ```
    pub fn named(name: &str) -> Result<Colormap> {
        let index = table_index();
        let Some(entry) = index.iter().find(|e| e.name == name) else {
            return Err(Error::UnknownColormap {
                name: name.to_string(),
                suggestions: nearest_names(name, index.iter().map(|e| e.name)),
            });
        };
        let (rows, [under, over, bad]) = decode_table(entry).ok_or_else(|| {
            Error::Data(format!(
                "embedded colormap table {:?} is corrupt",
                entry.name
            ))
        })?;
        Ok(Colormap {
            name: Arc::from(entry.name),
            colors: Arc::from(rows),
            under: Some(under),
            over: Some(over),
            bad,
            alpha: None,
            builtin: true,
            user_under: None,
            user_over: None,
            user_bad: None,
        })
    }

    /// matplotlib's `ListedColormap(colors, name)`: the LUT is the colour list itself.
    /// Needs at least one colour.
    pub fn listed(name: &str, colors: &[Color]) -> Result<Colormap> {
        if colors.is_empty() {
            return Err(Error::invalid(
                "ListedColormap colors",
                "[]",
                "at least one colour",
            ));
        }
        Ok(Colormap::from_rows(
            name,
            colors.iter().map(|c| c.to_array()).collect(),
        ))
    }

    /// matplotlib's `LinearSegmentedColormap.from_list(name, colors, N)`: the colours are
    /// spaced evenly over [0, 1] and the `n` table entries are interpolated between them
    /// with matplotlib's f64 arithmetic (`_create_lookup_table`, gamma 1).
    pub fn from_list(name: &str, colors: &[Color], n: usize) -> Result<Colormap> {
        if colors.is_empty() {
            return Err(Error::invalid(
                "from_list colors",
                "[]",
                "at least one colour",
            ));
        }
        let vals = linspace01(colors.len());
        let stops: Vec<(f64, Color)> = vals.into_iter().zip(colors.iter().copied()).collect();
        Colormap::from_stops(name, &stops, n)
    }

    /// matplotlib's `LinearSegmentedColormap.from_list(name, [(value, color), ...], N)`:
    /// the values must start at 0, end at 1 and not decrease.
    pub fn from_stops(name: &str, stops: &[(f64, Color)], n: usize) -> Result<Colormap> {
        if n == 0 {
            return Err(Error::invalid("N", n, "at least 1"));
        }
        let x: Vec<f64> = stops.iter().map(|s| s.0).collect();
        if x.first() != Some(&0.0) || x.last() != Some(&1.0) || x.windows(2).any(|w| w[1] < w[0]) {
            return Err(Error::invalid(
                "from_list values",
                format!("{x:?}"),
                "increasing from 0 to 1",
            ));
        }
        let mut rows = vec![[1.0; 4]; n];
        for channel in 0..4 {
            let y: Vec<f64> = stops.iter().map(|s| s.1.to_array()[channel]).collect();
            let lut = create_lookup_table(n, &x, &y, &y);
            for (row, v) in rows.iter_mut().zip(lut) {
                row[channel] = v;
            }
        }
        Ok(Colormap::from_rows(name, rows))
    }

    fn from_rows(name: &str, rows: Vec<[f64; 4]>) -> Colormap {
        Colormap {
            name: Arc::from(name),
            colors: Arc::from(rows),
            under: None,
            over: None,
            bad: [0.0; 4],
            alpha: None,
            builtin: false,
            user_under: None,
            user_over: None,
            user_bad: None,
        }
    }

    /// The colormap's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// `N`, the number of colours (not counting under, over and bad).
    pub fn n(&self) -> usize {
        self.colors.len()
    }

    /// matplotlib's `with_extremes(bad=, under=, over=)`: a copy with the given extreme
    /// colours replaced (`None` leaves one unchanged).
    pub fn with_extremes(
        &self,
        bad: Option<Color>,
        under: Option<Color>,
        over: Option<Color>,
    ) -> Colormap {
        let mut c = self.clone();
        if let Some(b) = bad {
            c.bad = b.to_array();
            c.user_bad = Some(b.to_array());
        }
        if let Some(u) = under {
            c.under = Some(u.to_array());
            c.user_under = Some(u.to_array());
        }
        if let Some(o) = over {
            c.over = Some(o.to_array());
            c.user_over = Some(o.to_array());
        }
        c
    }

    /// A copy with the *bad* colour replaced.
    pub fn with_bad(&self, bad: Color) -> Colormap {
        self.with_extremes(Some(bad), None, None)
    }

    /// A copy with the *under* colour replaced.
    pub fn with_under(&self, under: Color) -> Colormap {
        self.with_extremes(None, Some(under), None)
    }

    /// A copy with the *over* colour replaced.
    pub fn with_over(&self, over: Color) -> Colormap {
        self.with_extremes(None, None, Some(over))
    }

    /// matplotlib's `with_alpha(alpha)`: a copy whose every LUT row (extremes included)
    /// has alpha `alpha`, which must lie in `[0, 1]`.
    pub fn with_alpha(&self, alpha: f64) -> Result<Colormap> {
        if !(0.0..=1.0).contains(&alpha) {
            return Err(Error::invalid("alpha", alpha, "within 0..=1"));
        }
        let mut c = self.clone();
        c.alpha = Some(alpha);
        Ok(c)
    }

    /// matplotlib's `reversed()`. For a registered map this is the registered `name_r`
    /// (or `name` for a `*_r` map), whose table matplotlib builds from reversed segment
    /// data and which differs from the flipped table by float noise; otherwise the colours
    /// are flipped. User-set under and over colours are swapped, as matplotlib does.
    pub fn reversed(&self) -> Colormap {
        let rname = match self.name.strip_suffix("_r") {
            Some(base) => base.to_string(),
            None => format!("{}_r", self.name),
        };
        let mut r = match (self.builtin, Colormap::named(&rname)) {
            (true, Ok(c)) => c,
            _ => {
                let mut rows = self.colors.to_vec();
                rows.reverse();
                let mut c = Colormap::from_rows(&rname, rows);
                c.bad = self.bad;
                c
            }
        };
        // matplotlib's reversed() rebuilds the table from its colours or segments, so a
        // with_alpha() alpha does not carry over.
        r.alpha = None;
        r.with_extremes(
            self.user_bad.map(Color::from_array),
            self.user_over.map(Color::from_array),
            self.user_under.map(Color::from_array),
        )
    }

    /// The *under* colour (row `N` of the LUT).
    pub fn under(&self) -> Color {
        Color::from_array(self.lut_row(self.n()))
    }

    /// The *over* colour (row `N + 1` of the LUT).
    pub fn over(&self) -> Color {
        Color::from_array(self.lut_row(self.n() + 1))
    }

    /// The *bad* colour (row `N + 2` of the LUT).
    pub fn bad(&self) -> Color {
        Color::from_array(self.lut_row(self.n() + 2))
    }

    /// Row `i` of matplotlib's float LUT (`0..N` colours, `N` under, `N + 1` over,
    /// `N + 2` bad); larger indices clamp to bad, like numpy's `take(mode='clip')`.
    pub fn lut_row(&self, i: usize) -> [f64; 4] {
        let n = self.colors.len();
        let mut row = if i < n {
            self.colors[i]
        } else if i == n {
            self.under.unwrap_or(self.colors[0])
        } else if i == n + 1 {
            self.over.unwrap_or(self.colors[n - 1])
        } else {
            self.bad
        };
        if let Some(a) = self.alpha {
            row[3] = a;
        }
        row
    }

    /// The float LUT, `N + 3` rows (matplotlib's `cmap._lut`).
    pub fn lut(&self) -> Vec<[f64; 4]> {
        (0..self.n() + 3).map(|i| self.lut_row(i)).collect()
    }

    /// The byte LUT with truncation, `uint8(lut * 255)`: what `cmap(x, bytes=True)` and
    /// the 'data' image stage use. `N + 3` entries.
    pub fn lut_rgba8_trunc(&self) -> Vec<[u8; 4]> {
        (0..self.n() + 3)
            .map(|i| self.lut_row(i).map(trunc_byte))
            .collect()
    }

    /// The byte LUT with round-half-up, `floor(lut * 255 + 0.5)`: what colorbar cells and
    /// patches use (colours that reach Agg directly). `N + 3` entries.
    pub fn lut_rgba8_round(&self) -> Vec<[u8; 4]> {
        (0..self.n() + 3)
            .map(|i| self.lut_row(i).map(round_byte))
            .collect()
    }

    /// The LUT index of a normalised f64 value (spec 3.2): `floor(x * N)` on `[0, 1)`,
    /// `N - 1` for exactly 1, `N` (under) for `x * N < 0`, `N + 1` (over) for `x > 1`,
    /// `N + 2` (bad) for NaN.
    pub fn index(&self, x: f64) -> usize {
        index_f64(x, self.n())
    }

    /// [`Colormap::index`] for float32 data: matplotlib computes `xa = X * N` in the
    /// array's dtype, so float32 input is scaled and compared in f32.
    pub fn index_f32(&self, x: f32) -> usize {
        index_f32(x, self.n())
    }

    /// The LUT index of an integer value: integers index the table directly, negative is
    /// under, `N` or more is over.
    pub fn index_int(&self, i: i64) -> usize {
        index_int(i, self.n())
    }

    /// `cmap(x)`: the float RGBA colour of a normalised value.
    pub fn rgba(&self, x: f64) -> Color {
        Color::from_array(self.lut_row(self.index(x)))
    }

    /// `cmap(x, bytes=True)`: the truncated bytes of a normalised value.
    pub fn rgba8(&self, x: f64) -> [u8; 4] {
        self.lut_row(self.index(x)).map(trunc_byte)
    }
}

/// matplotlib's float index rule (spec 3.2) in the float type of the normalised data:
/// `xa = x * N`, exactly N becomes N - 1, then NaN -> bad (N + 2), below 0 -> under (N),
/// N or more -> over (N + 1), else the truncated `xa`.
macro_rules! float_index {
    ($name:ident, $t:ty, $doc:literal) => {
        #[doc = $doc]
        #[inline]
        pub(crate) fn $name(x: $t, n: usize) -> usize {
            let nf = n as $t;
            let mut xa = x * nf;
            if xa == nf {
                xa = nf - 1.0;
            }
            if xa.is_nan() {
                n + 2
            } else if xa < 0.0 {
                n
            } else if xa >= nf {
                n + 1
            } else {
                xa as usize
            }
        }
    };
}

float_index!(index_f64, f64, "See [`Colormap::index`].");
float_index!(index_f32, f32, "See [`Colormap::index_f32`].");

/// See [`Colormap::index_int`].
#[inline]
pub(crate) fn index_int(i: i64, n: usize) -> usize {
    if i < 0 {
        n
    } else if i as u64 >= n as u64 {
        n + 1
    } else {
        i as usize
    }
}

/// numpy's `linspace(0, 1, num)`: `i * (1 / (num - 1))`, last value exactly 1.
fn linspace01(num: usize) -> Vec<f64> {
    if num == 1 {
        return vec![0.0];
    }
    let step = 1.0 / (num - 1) as f64;
    let mut v: Vec<f64> = (0..num).map(|i| i as f64 * step).collect();
    if let Some(last) = v.last_mut() {
        *last = 1.0;
    }
    v
}

/// matplotlib's `_create_lookup_table(N, data)` (gamma 1) for rows `(x, y0, y1)`; `x`
/// starts at 0, ends at 1 and does not decrease (checked by the caller).
fn create_lookup_table(n: usize, x: &[f64], y0: &[f64], y1: &[f64]) -> Vec<f64> {
    let clip = |v: f64| v.clamp(0.0, 1.0);
    let (Some(&y1_first), Some(&y0_last)) = (y1.first(), y0.last()) else {
        return vec![0.0; n];
    };
    if n == 1 {
        return vec![clip(y0_last)];
    }
    let scale = (n - 1) as f64;
    let xs: Vec<f64> = x.iter().map(|v| v * scale).collect();
    let xind: Vec<f64> = linspace01(n).into_iter().map(|v| scale * v).collect();
    let mut lut = Vec::with_capacity(n);
    lut.push(y1_first);
    for &xi in &xind[1..n - 1] {
        // np.searchsorted(x, xi, side='left'): first k with xs[k] >= xi.
        let k = xs.partition_point(|&v| v < xi).clamp(1, xs.len() - 1);
        let distance = (xi - xs[k - 1]) / (xs[k] - xs[k - 1]);
        lut.push(distance * (y0[k] - y1[k - 1]) + y1[k - 1]);
    }
    lut.push(y0_last);
    lut.into_iter().map(clip).collect()
}

/// Up to three registered names closest to `name` by (case-insensitive) edit distance:
/// those within one edit of the best match, and not further than a third of the name's
/// length (at least 2), so that a garbled name gets no random suggestions.
fn nearest_names<'a>(name: &str, names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let lower = name.to_lowercase();
    let mut scored: Vec<(usize, &str)> = names
        .map(|n| (levenshtein(&lower, &n.to_lowercase()), n))
        .collect();
    scored.sort();
    let best = scored.first().map_or(0, |s| s.0);
    let limit = (best + 1).min((name.chars().count() / 3).max(2));
    scored
        .into_iter()
        .filter(|(d, _)| *d <= limit)
        .take(3)
        .map(|(_, n)| n.to_string())
        .collect()
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_has_182_maps() {
        // len(matplotlib.colormaps) == 182 in matplotlib 3.11.2.
        assert_eq!(colormap_names().count(), 182);
        for name in colormap_names() {
            let c = Colormap::named(name).unwrap();
            assert!(c.n() > 0);
            assert_eq!(c.lut().len(), c.n() + 3);
        }
    }

    #[test]
    fn sizes() {
        // matplotlib.colormaps[name].N
        for (name, n) in [
            ("viridis", 256),
            ("twilight", 510),
            ("tab10", 10),
            ("tab20", 20),
            ("Set3", 12),
            ("gray_r", 256),
        ] {
            assert_eq!(Colormap::named(name).unwrap().n(), n, "{name}");
        }
    }

    #[test]
    fn spec_3_2_examples() {
        // cmap = matplotlib.colormaps['viridis']; cmap(x, bytes=True)
        let v = Colormap::named("viridis").unwrap();
        let cases: &[(f64, [u8; 4])] = &[
            (0.0, [68, 1, 84, 255]),
            (0.5, [32, 144, 140, 255]),
            (1.0, [253, 231, 36, 255]),
            (1.0000001, [253, 231, 36, 255]),
            (-1e-9, [68, 1, 84, 255]),
            (f64::NAN, [0, 0, 0, 0]),
        ];
        for (x, want) in cases {
            assert_eq!(v.rgba8(*x), *want, "{x}");
        }
    }

    #[test]
    fn index_rule() {
        // Spec 3.2 with N = 256.
        let cases: &[(f64, usize)] = &[
            (0.0, 0),
            (1.0 / 256.0, 1),
            (0.999, 255),
            (1.0, 255),
            (1.0 + 1e-12, 257),
            (-1e-300, 256),
            (-0.0, 0),
            (f64::INFINITY, 257),
            (f64::NEG_INFINITY, 256),
            (f64::NAN, 258),
        ];
        for (x, want) in cases {
            assert_eq!(index_f64(*x, 256), *want, "{x}");
        }
        assert_eq!(index_int(-1, 10), 10);
        assert_eq!(index_int(10, 10), 11);
        assert_eq!(index_int(9, 10), 9);
    }

    #[test]
    fn gray_byte_table_is_not_identity() {
        // (matplotlib.colormaps['gray']._lut * 255).astype(np.uint8)[122] == 121 (spec 3.3)
        let g = Colormap::named("gray").unwrap();
        assert_eq!(g.lut_rgba8_trunc()[122][0], 121);
        assert_eq!(g.lut_rgba8_round()[122][0], 122);
    }

    #[test]
    fn unknown_name_suggests() {
        match Colormap::named("virdis") {
            Err(Error::UnknownColormap { suggestions, .. }) => {
                assert_eq!(suggestions.first().map(String::as_str), Some("viridis"));
            }
            other => panic!("{other:?}"),
        }
        // Case slips and a missing '_r' are found; garbage gets no suggestions.
        for (bad, want) in [("Viridis", "viridis"), ("rdbu", "RdBu"), ("gray_", "gray")] {
            match Colormap::named(bad) {
                Err(Error::UnknownColormap { suggestions, .. }) => {
                    assert!(
                        suggestions.iter().any(|s| s == want),
                        "{bad}: {suggestions:?}"
                    );
                }
                other => panic!("{other:?}"),
            }
        }
        match Colormap::named("qqqqqqqqqqqqqqqqqqqq") {
            Err(Error::UnknownColormap { suggestions, .. }) => assert!(suggestions.is_empty()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn reversed_uses_registered_table() {
        let g = Colormap::named("gray").unwrap();
        assert_eq!(g.reversed(), Colormap::named("gray_r").unwrap());
        assert_eq!(g.reversed().reversed(), g);
        let u = g.with_under(Color::WHITE).reversed();
        assert_eq!(u.over(), Color::WHITE);
    }

    #[test]
    fn extremes() {
        let v = Colormap::named("viridis").unwrap().with_extremes(
            Some(Color::WHITE),
            Some(Color::BLACK),
            None,
        );
        assert_eq!(v.bad(), Color::WHITE);
        assert_eq!(v.under(), Color::BLACK);
        assert_eq!(v.rgba8(-0.5), [0, 0, 0, 255]);
        assert_eq!(v.rgba8(f64::NAN), [255, 255, 255, 255]);
        let a = v.with_alpha(0.5).unwrap();
        assert_eq!(a.lut_row(3)[3], 0.5);
        assert!(v.with_alpha(1.5).is_err());
    }
}
