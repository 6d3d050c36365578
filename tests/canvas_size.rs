//! The canvas size: `figsize * dpi` in pixels exactly as matplotlib 3.11.2 computes it
//! (`FigureCanvasBase.get_width_height`: `int(size_in * dpi + 1e-8)`), checked against a
//! table matplotlib made (tests/reference/canvas/gen_canvas_sizes.py) and, as a property,
//! against that formula over random figure sizes and dpis, through `size_px` and through a
//! full render.

use figbuf::Figure;
use proptest::prelude::*;

/// matplotlib's formula, written out: the figure bbox is `size_in * dpi`, and the canvas is
/// `int(bbox.max + 1e-8)`.
fn matplotlib_px(size_in: f64, dpi: f64) -> usize {
    (size_in * dpi + 1e-8) as usize
}

#[test]
fn canvas_sizes_match_matplotlib_table() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/reference/canvas/canvas_sizes.json");
    let rows: Vec<(String, String, String, usize, usize)> =
        serde_json::from_str(&std::fs::read_to_string(path).expect("canvas_sizes.json"))
            .expect("rows");
    assert!(rows.len() > 1000, "table too short: {}", rows.len());
    let mut rounded_up = 0;
    for (w, h, dpi, wp, hp) in &rows {
        let (w, h, dpi): (f64, f64, f64) = (
            w.parse().expect("w"),
            h.parse().expect("h"),
            dpi.parse().expect("dpi"),
        );
        let mut fig = Figure::new(w, h, dpi);
        fig.set_max_pixels(u64::MAX);
        let got = fig.size_px().expect("valid size");
        assert_eq!(got, (*wp, *hp), "figsize ({w}, {h}) at dpi {dpi}");
        if ((w * dpi) as usize, (h * dpi) as usize) != (*wp, *hp) {
            rounded_up += 1;
        }
    }
    // The table holds products a float tick below an integer (plain truncation is wrong).
    assert!(rounded_up > 20, "only {rounded_up} rows need the epsilon");
}

#[test]
fn four_point_one_by_two_point_three_at_100_dpi_is_410_by_230() {
    let mut fig = Figure::new(4.1, 2.3, 100.0);
    fig.add_subplot();
    let frame = fig.render().expect("render");
    assert_eq!((frame.width(), frame.height()), (410, 230));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any figure size (with one or two decimals, as typed, or arbitrary) at any dpi.
    #[test]
    fn size_px_is_matplotlibs_formula(
        w in prop_oneof![(1u32..3000).prop_map(|k| f64::from(k) / 100.0), 0.05..40.0f64],
        h in prop_oneof![(1u32..3000).prop_map(|k| f64::from(k) / 10.0), 0.05..40.0f64],
        dpi in prop_oneof![
            prop::sample::select(vec![50.0, 72.0, 96.0, 100.0, 120.0, 150.0, 200.0, 300.0]),
            (100u32..6000).prop_map(|k| f64::from(k) / 10.0),
            5.0..600.0f64
        ],
    ) {
        let want = (matplotlib_px(w, dpi), matplotlib_px(h, dpi));
        let fig = Figure::new(w, h, dpi);
        if want.0 >= 1 && want.1 >= 1 && want.0 * want.1 <= figbuf::DEFAULT_MAX_PIXELS as usize {
            prop_assert_eq!(fig.size_px().ok(), Some(want));
        } else {
            prop_assert!(fig.size_px().is_err());
        }
    }

    /// The rendered frame has that size (small canvases, so the renders stay quick).
    #[test]
    fn rendered_frame_has_matplotlibs_size(
        w in (5u32..300).prop_map(|k| f64::from(k) / 100.0),
        h in (5u32..300).prop_map(|k| f64::from(k) / 100.0),
        dpi in prop_oneof![Just(100.0), Just(72.0), (300u32..1500).prop_map(|k| f64::from(k) / 10.0)],
    ) {
        let want = (matplotlib_px(w, dpi), matplotlib_px(h, dpi));
        prop_assume!(want.0 >= 1 && want.1 >= 1);
        let frame = Figure::new(w, h, dpi).render().expect("render");
        prop_assert_eq!((frame.width(), frame.height()), want);
    }
}
