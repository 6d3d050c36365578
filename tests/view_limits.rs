//! The view limits an image's extent gives its Axes, as matplotlib 3.11.2 sets them
//! (`Axis._set_lim`: `nonsingular(v0, v1, expander=0.05)` widens equal or nearly equal
//! limits, e.g. a zero-width extent or 4 units at 1e16, and the order follows `v0 > v1`):
//! against a table matplotlib made (tests/reference/canvas/gen_view_limits.py) and, as a
//! property, against that formula written out.

use figbuf::{Figure, ImshowOptions};
use ndarray::Array2;
use proptest::prelude::*;

fn view_limits(extent: [f64; 4]) -> ((f64, f64), (f64, f64)) {
    let mut fig = Figure::default();
    let ax = fig.add_subplot();
    let opts = ImshowOptions {
        extent: Some(extent),
        ..Default::default()
    };
    fig[ax]
        .imshow_with(Array2::<f64>::zeros((2, 3)), opts)
        .expect("imshow");
    let lay = fig.layout().expect("layout");
    (lay.axes[0].view_x, lay.axes[0].view_y)
}

/// `transforms._nonsingular(v0, v1, expander=0.05, tiny=1e-15)` then `Axis._set_lim`'s
/// re-orientation, written out from matplotlib's source.
fn matplotlib_set_lim(v0: f64, v1: f64) -> (f64, f64) {
    let reverse = v0 > v1;
    let (expander, tiny) = (0.05, 1e-15);
    let (mut lo, mut hi) = if v1 < v0 { (v1, v0) } else { (v0, v1) };
    if !lo.is_finite() || !hi.is_finite() {
        (lo, hi) = (-expander, expander);
    } else {
        let maxabs = lo.abs().max(hi.abs());
        if maxabs < (1e6 / tiny) * f64::MIN_POSITIVE {
            (lo, hi) = (-expander, expander);
        } else if hi - lo <= maxabs * tiny {
            if hi == 0.0 && lo == 0.0 {
                (lo, hi) = (-expander, expander);
            } else {
                lo -= expander * lo.abs();
                hi += expander * hi.abs();
            }
        }
    }
    if reverse {
        (hi, lo)
    } else {
        (lo, hi)
    }
}

#[test]
fn view_limits_match_matplotlib_table() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/reference/canvas/view_limits.json");
    let rows: Vec<Vec<String>> =
        serde_json::from_str(&std::fs::read_to_string(path).expect("view_limits.json"))
            .expect("rows");
    assert!(rows.len() >= 500, "table too short: {}", rows.len());
    let mut widened = 0;
    for row in &rows {
        let v: Vec<f64> = row.iter().map(|s| s.parse().expect("float")).collect();
        let extent = [v[0], v[1], v[2], v[3]];
        let (x, y) = view_limits(extent);
        assert_eq!(x, (v[4], v[5]), "x limits of extent {extent:?}");
        assert_eq!(y, (v[6], v[7]), "y limits of extent {extent:?}");
        if (v[0], v[1]) != (v[4], v[5]) || (v[2], v[3]) != (v[6], v[7]) {
            widened += 1;
        }
    }
    assert!(widened > 100, "only {widened} rows are singular");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any finite extent, singular ones often: the limits are matplotlib's formula.
    #[test]
    fn view_limits_are_set_lims_formula(
        base in prop_oneof![Just(0.0), Just(1e16), Just(-1e16), -1e6..1e6f64, -1e300..1e300f64],
        dl in prop_oneof![Just(0.0), -8.0..8.0f64, -1e3..1e3f64],
        db in prop_oneof![Just(0.0), Just(1e-320), -1e-3..1e-3f64],
        span in prop_oneof![Just(0.0), -4.0..4.0f64, -1e5..1e5f64],
    ) {
        let extent = [base, base + dl, db, db + span];
        let (x, y) = view_limits(extent);
        prop_assert_eq!(x, matplotlib_set_lim(extent[0], extent[1]));
        prop_assert_eq!(y, matplotlib_set_lim(extent[2], extent[3]));
    }
}
