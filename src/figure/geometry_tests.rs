//! Layout geometry against the numbers measured from matplotlib 3.11.2
//! (shared/reference/matplotlib-figure-spec.md). The layout is internal, so these are unit
//! tests (they were in tests/api.rs while the layout was public).

use crate::{ColorbarOptions, Figure, Orientation};
use ndarray::Array2;

fn random(rows: usize, cols: usize) -> Array2<f64> {
    let mut s = 0x2545_F491_4F6C_DD1Du64;
    Array2::from_shape_simple_fn((rows, cols), || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        (s >> 11) as f64 / (1u64 << 53) as f64
    })
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

#[test]
fn standard_figure_geometry_matches_matplotlib() {
    let mut fig = Figure::default();
    let ax = fig.add_subplot();
    let im = fig[ax].imshow(random(512, 512)).expect("imshow");
    fig.colorbar(im).expect("colorbar");
    let lay = fig.layout().expect("layout");
    let b = lay.axes[0].bbox;
    // spec 2 and 11: the image Axes after aspect, anchored E by the colorbar.
    assert!(
        close(b.x0, 107.2) && close(b.x1, 476.8) && close(b.y0, 52.8) && close(b.y1, 422.4),
        "{b:?}"
    );
    // spec 7.1: colorbar box x 501.6..520.08.
    let c = lay.colorbars[0].bbox;
    assert!(
        close(c.x0, 501.6) && close(c.x1, 520.08) && close(c.y0, 52.8) && close(c.y1, 422.4),
        "{c:?}"
    );
    // spec 11: x ticks at 0..500 step 100, first at display x 107.5609.
    let xa = lay.axes[0].xaxis.as_ref().expect("x axis");
    let values: Vec<f64> = xa.ticks.iter().map(|t| t.value).collect();
    assert_eq!(values, vec![0.0, 100.0, 200.0, 300.0, 400.0, 500.0]);
    assert!((xa.ticks[0].pos - 107.5609).abs() < 1e-4);
    let labels: Vec<&str> = lay.colorbars[0]
        .axis
        .ticks
        .iter()
        .filter_map(|t| t.label.as_ref())
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(labels, vec!["0.2", "0.4", "0.6", "0.8"]);
}

#[test]
fn horizontal_colorbar_geometry() {
    // spec 7.1: horizontal colorbar box x 80..576, y 83.44..108.24.
    let mut fig = Figure::default();
    let ax = fig.add_subplot();
    let im = fig[ax].imshow(random(64, 64)).expect("imshow");
    fig.colorbar_with(
        im,
        ColorbarOptions::default().orientation(Orientation::Horizontal),
    )
    .expect("colorbar");
    let c = fig.layout().expect("layout").colorbars[0].bbox;
    assert!(
        close(c.x0, 80.0) && close(c.x1, 576.0) && close(c.y0, 83.44) && close(c.y1, 108.24),
        "{c:?}"
    );
}
