//! Property tests: norm and colormap invariants that hold in matplotlib, and "never
//! panics" for the colour mapping and the whole renderer on small random inputs.
//!
//! Invariants (matplotlib 3.11 `colors.Normalize` and friends, `Colormap.__call__`):
//! * a norm maps `[vmin, vmax]` into `[0, 1]`, monotonically for `Normalize`, `LogNorm`,
//!   `SymLogNorm`, `PowerNorm` (gamma > 0) and `TwoSlopeNorm`;
//! * NaN is masked and drawn in the colormap's *bad* colour;
//! * the LUT index is always one of the `N + 3` rows, under for `x < 0`, over for `x > 1`;
//! * nothing panics: bad combinations come back as `Err`.
//!
//! Case counts are kept small so the whole file runs in a few seconds.

use figbuf::{
    colormap_names, colormap_rgba8, lut_indices, ColorbarOptions, Colormap, Extend, Figure,
    ImshowOptions, Interpolation, Norm, Normed, Orientation, Origin, ScalarData,
};
use ndarray::Array2;
use proptest::prelude::*;

/// Finite values of every magnitude, plus a few exact edge values.
fn finite() -> impl Strategy<Value = f64> {
    prop_oneof![
        -1e3..1e3f64,
        -1e300..1e300f64,
        Just(0.0),
        Just(-0.0),
        Just(f64::MAX),
        Just(f64::MIN),
        Just(f64::MIN_POSITIVE),
    ]
}

/// Any f64, including NaN and the infinities.
fn any_value() -> impl Strategy<Value = f64> {
    prop_oneof![4 => finite(), 1 => Just(f64::NAN), 1 => Just(f64::INFINITY), 1 => Just(f64::NEG_INFINITY)]
}

/// The norms whose mapping is monotone in matplotlib, with limits `lo < hi` fit for them.
fn monotone_norm() -> impl Strategy<Value = (Norm, f64, f64)> {
    (0..5usize, -1e6..1e6f64, 1e-3..1e6f64, 0.1..5.0f64).prop_map(|(k, lo, width, p)| {
        let hi = lo + width;
        match k {
            0 => (Norm::linear(), lo, hi),
            1 => (Norm::log(), width * 1e-3, width),
            2 => (Norm::symlog(p, 1.0, 10.0).unwrap_or_default(), lo, hi),
            3 => (Norm::power(p), lo, hi),
            _ => (Norm::two_slope(lo + width / 3.0), lo, hi),
        }
    })
}

fn normed_value(n: Normed) -> Option<f64> {
    match n {
        Normed::F64(v) => Some(v),
        Normed::F32(v) | Normed::F16(v) => Some(f64::from(v)),
        Normed::Int(i) => Some(i as f64),
        Normed::Masked => None,
    }
}

/// `norm(values)` for float64 data with the norm's limits fixed to `(lo, hi)`.
fn normalize(norm: &Norm, lo: f64, hi: f64, values: &[f64]) -> Vec<Normed> {
    let data = Array2::from_shape_vec((1, values.len()), values.to_vec()).expect("1 x n");
    let norm = norm.clone().with_limits(Some(lo), Some(hi));
    let out = ScalarData::new(data.view())
        .normalized(&norm)
        .expect("valid limits");
    out.iter().copied().collect()
}

fn cmap_names() -> Vec<&'static str> {
    colormap_names().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    /// Values inside [vmin, vmax] normalise into [0, 1] (small float tolerance), and the
    /// mapping is non-decreasing.
    #[test]
    fn norm_in_range_and_monotone((norm, lo, hi) in monotone_norm(), t in proptest::collection::vec(0.0..=1.0f64, 2..16)) {
        let mut xs: Vec<f64> = t.iter().map(|t| lo + t * (hi - lo)).map(|x| x.clamp(lo, hi)).collect();
        xs.sort_by(f64::total_cmp);
        let out = normalize(&norm, lo, hi, &xs);
        let mut prev = f64::NEG_INFINITY;
        for (x, n) in xs.iter().zip(out) {
            let v = normed_value(n);
            prop_assert!(v.is_some(), "{x} in [{lo}, {hi}] was masked by {norm:?}");
            let v = v.unwrap_or_default();
            prop_assert!((-1e-9..=1.0 + 1e-9).contains(&v), "{norm:?}({x}) = {v} outside [0, 1] for [{lo}, {hi}]");
            prop_assert!(v >= prev - 1e-12, "{norm:?} not monotone at {x}: {v} < {prev}");
            prev = v;
        }
    }

    /// NaN is masked by every norm and drawn in the bad colour.
    #[test]
    fn nan_is_bad((norm, lo, hi) in monotone_norm(), cmap in proptest::sample::select(cmap_names())) {
        // `norm(nan)` is nan (or masked); either way the colormap draws it as bad.
        let out = normalize(&norm, lo, hi, &[f64::NAN, lo]);
        prop_assert!(normed_value(out[0]).is_none_or(f64::is_nan), "{:?}", out[0]);
        let cmap = Colormap::named(cmap).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let data = ndarray::array![[f64::NAN, lo, hi]];
        let norm = norm.with_limits(Some(lo), Some(hi));
        let idx = lut_indices(&data, &norm, cmap.n()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(idx[(0, 0)] as usize, cmap.n() + 2);
        let rgba = colormap_rgba8(&data, &norm, &cmap).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let bad = cmap.rgba8(f64::NAN);
        prop_assert_eq!([rgba[(0, 0, 0)], rgba[(0, 0, 1)], rgba[(0, 0, 2)], rgba[(0, 0, 3)]], bad);
    }

    /// The LUT index of any normalised value is one of the N + 3 rows; it is monotone on
    /// [0, 1], under below 0 and over above 1 (`Colormap.__call__`).
    #[test]
    fn colormap_index_in_range(cmap in proptest::sample::select(cmap_names()), a in any_value(), b in any_value()) {
        let cmap = Colormap::named(cmap).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let n = cmap.n();
        for x in [a, b] {
            let i = cmap.index(x);
            prop_assert!(i < n + 3);
            if x.is_nan() { prop_assert_eq!(i, n + 2); }
            else if x < 0.0 { prop_assert_eq!(i, n); }
            else if x > 1.0 { prop_assert_eq!(i, n + 1); }
            else { prop_assert!(i < n); }
        }
        if (0.0..=1.0).contains(&a) && (0.0..=1.0).contains(&b) {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            prop_assert!(cmap.index(lo) <= cmap.index(hi));
        }
    }

    /// Colour mapping never panics, whatever the data, norm and limits; when it succeeds
    /// the output has the data's shape and every index is a LUT row.
    #[test]
    fn colour_mapping_never_panics(
        values in proptest::collection::vec(any_value(), 0..24),
        cols in 1..6usize,
        kind in 0..7usize,
        lo in proptest::option::of(any_value()),
        hi in proptest::option::of(any_value()),
        p in any_value(),
        cmap in proptest::sample::select(cmap_names()),
    ) {
        let rows = values.len() / cols;
        let data = Array2::from_shape_vec((rows, cols), values[..rows * cols].to_vec()).expect("shape");
        let norm = match kind {
            0 => Norm::linear(),
            1 => Norm::log(),
            2 => match Norm::symlog(p, 1.0, 10.0) { Ok(n) => n, Err(_) => return Ok(()) },
            3 => Norm::power(p),
            4 => Norm::two_slope(p),
            5 => Norm::centered(if p.is_finite() { p } else { 0.0 }, None),
            _ => Norm::no_norm(),
        }.with_limits(lo, hi);
        let cmap = Colormap::named(cmap).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let scalar = ScalarData::new(data.view());
        if let Ok(rgba) = colormap_rgba8(&scalar, &norm, &cmap) {
            prop_assert_eq!(rgba.dim(), (rows, cols, 4));
        }
        if let Ok(idx) = lut_indices(&scalar, &norm, cmap.n()) {
            prop_assert!(idx.iter().all(|&i| (i as usize) < cmap.n() + 3));
        }
        // The same data as float32 takes matplotlib's float32 path.
        let data32 = data.mapv(|v| v as f32);
        let _ = colormap_rgba8(&data32, &norm, &cmap);
    }
}

/// Options for one random figure.
#[derive(Debug, Clone)]
struct FigureCase {
    rows: usize,
    cols: usize,
    values: Vec<f64>,
    figsize: (f64, f64),
    dpi: f64,
    cmap: &'static str,
    norm: usize,
    limits: (Option<f64>, Option<f64>),
    interpolation: &'static str,
    origin: Origin,
    extent: Option<[f64; 4]>,
    colorbar: Option<(Orientation, Extend)>,
    title: String,
}

const INTERPOLATIONS: &[&str] = &[
    "auto",
    "antialiased",
    "nearest",
    "bilinear",
    "bicubic",
    "hanning",
    "lanczos",
    "none",
];

fn figure_case() -> impl Strategy<Value = FigureCase> {
    (
        (
            1..6usize,
            1..6usize,
            proptest::collection::vec(any_value(), 36),
        ),
        (0.3..3.0f64, 0.3..3.0f64, 10.0..120.0f64),
        (proptest::sample::select(cmap_names()), 0..4usize),
        (
            proptest::option::of(finite()),
            proptest::option::of(finite()),
        ),
        (proptest::sample::select(INTERPOLATIONS), any::<bool>()),
        proptest::option::of(proptest::array::uniform4(finite())),
        proptest::option::of((any::<bool>(), 0..4usize)),
        ".{0,40}",
    )
        .prop_map(
            |(
                (rows, cols, values),
                (w, h, dpi),
                (cmap, norm),
                limits,
                (interpolation, lower),
                extent,
                colorbar,
                title,
            )| {
                FigureCase {
                    rows,
                    cols,
                    values,
                    figsize: (w, h),
                    dpi,
                    cmap,
                    norm,
                    limits,
                    interpolation,
                    origin: if lower { Origin::Lower } else { Origin::Upper },
                    extent,
                    colorbar: colorbar.map(|(horizontal, e)| {
                        let orientation = if horizontal {
                            Orientation::Horizontal
                        } else {
                            Orientation::Vertical
                        };
                        let extend = [Extend::Neither, Extend::Min, Extend::Max, Extend::Both][e];
                        (orientation, extend)
                    }),
                    title,
                }
            },
        )
}

fn render(case: &FigureCase) -> figbuf::Result<(usize, usize)> {
    let data = Array2::from_shape_vec(
        (case.rows, case.cols),
        case.values[..case.rows * case.cols].to_vec(),
    )
    .map_err(|e| figbuf::Error::Data(e.to_string()))?;
    let mut fig = Figure::new(case.figsize.0, case.figsize.1, case.dpi);
    let ax = fig.add_subplot();
    let norm = match case.norm {
        0 => Norm::linear(),
        1 => Norm::log(),
        2 => Norm::symlog(1.0, 1.0, 10.0)?,
        _ => Norm::power(0.5),
    };
    let mut opts = ImshowOptions::default()
        .cmap(Colormap::named(case.cmap)?)
        .norm(norm)
        .interpolation(case.interpolation.parse::<Interpolation>()?)
        .origin(case.origin);
    (opts.vmin, opts.vmax, opts.extent) = (case.limits.0, case.limits.1, case.extent);
    let im = fig[ax].imshow_with(&data, opts)?;
    if let Some((orientation, extend)) = case.colorbar {
        fig.colorbar_with(
            im,
            ColorbarOptions::default()
                .orientation(orientation)
                .extend(extend),
        )?;
    }
    fig[ax].set_title(case.title.clone());
    let frame = fig.render()?;
    Ok((frame.width(), frame.height()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    /// The renderer never panics on small random arrays and options; when it succeeds the
    /// canvas is `int(W * dpi) x int(H * dpi)`.
    #[test]
    fn renderer_never_panics(case in figure_case()) {
        let result = render(&case);
        if std::env::var_os("FIGBUF_PROP_DEBUG").is_some() {
            eprintln!("{:?}", result.as_ref().map_err(|e| e.to_string()));
        }
        if let Ok((w, h)) = result {
            prop_assert_eq!(w, (case.figsize.0 * case.dpi).floor() as usize);
            prop_assert_eq!(h, (case.figsize.1 * case.dpi).floor() as usize);
        }
    }
}

/// A valid `.npy` file (`np.save` of a 3 x 4 float64 ramp) to mutate.
#[cfg(feature = "npy")]
fn valid_npy() -> Vec<u8> {
    let dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }";
    let mut header = dict.as_bytes().to_vec();
    while !(10 + header.len() + 1).is_multiple_of(64) {
        header.push(b' ');
    }
    header.push(b'\n');
    let mut out = b"\x93NUMPY\x01\x00".to_vec();
    out.extend_from_slice(&(header.len() as u16).to_le_bytes());
    out.extend_from_slice(&header);
    out.extend((0..12).flat_map(|v| f64::from(v).to_le_bytes()));
    out
}

#[cfg(feature = "npy")]
proptest! {
    #![proptest_config(ProptestConfig { cases: 500, failure_persistence: None, ..ProptestConfig::default() })]

    /// The `.npy` reader never panics on arbitrary bytes, and whatever it accepts fits in
    /// the bytes given (nothing is taken from the header on trust).
    #[test]
    fn npy_reader_never_panics_on_garbage(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        if let Ok(image) = figbuf::npy::from_bytes(&bytes) {
            let (rows, cols) = image.shape();
            prop_assert!(rows.saturating_mul(cols) <= bytes.len());
        }
    }

    /// Nor on a valid file with bytes overwritten and the end cut off.
    #[test]
    fn npy_reader_never_panics_on_mutations(
        edits in proptest::collection::vec((0..256usize, any::<u8>()), 0..6),
        cut in 0..256usize,
    ) {
        let mut bytes = valid_npy();
        for (at, b) in edits {
            if let Some(x) = bytes.get_mut(at) {
                *x = b;
            }
        }
        bytes.truncate(bytes.len().saturating_sub(cut % 8 * 16));
        if let Ok(image) = figbuf::npy::from_bytes(&bytes) {
            let (rows, cols) = image.shape();
            prop_assert!(rows.saturating_mul(cols) <= bytes.len());
        }
    }
}
