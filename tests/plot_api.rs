//! The plotting API from Rust, checked against matplotlib's pixels: the public plot cases
//! p02 (lines, cycle, linestyles, legend) and p04 (colour-mapped scatter with a colorbar)
//! built with `PlotOptions` / `ScatterOptions` instead of figure.json.

mod common;

use common::decode_png;
use figbuf::{
    Colormap, Figure, LegendOptions, LineStyle, PlotOptions, ScatterColor, ScatterOptions,
};
use std::path::PathBuf;

fn case_dir(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/reference/plots")
        .join(name)
}

fn spec(name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(case_dir(name).join("figure.json")).expect("figure.json");
    serde_json::from_str(&text).expect("json")
}

fn floats(v: &serde_json::Value) -> Vec<f64> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| x.as_f64().expect("number"))
        .collect()
}

fn assert_same_pixels(fig: &Figure, name: &str) {
    let frame = fig.render().expect("render");
    let expected = decode_png(&case_dir(name).join("ref.png"));
    assert_eq!(
        (frame.width(), frame.height()),
        (expected.width, expected.height)
    );
    let actual = frame.into_ndarray();
    let same = actual
        .iter()
        .zip(&expected.data)
        .filter(|(a, b)| a == b)
        .count();
    assert_eq!(same, expected.data.len(), "{name}: not byte-exact");
}

#[test]
fn lines_cycle_and_legend_from_rust() {
    let s = spec("p02_lines_cycle_legend");
    let calls = s["axes"][0].as_array().expect("calls");
    let mut fig = Figure::default();
    let ax = fig.add_subplot();
    let styles = [
        LineStyle::Solid,
        LineStyle::Dashed,
        LineStyle::DashDot,
        LineStyle::Dotted,
    ];
    for (i, c) in calls.iter().take(4).enumerate() {
        let (x, y) = (floats(&c["args"][0]), floats(&c["args"][1]));
        let mut o = PlotOptions::default()
            .linestyle(styles[i].clone())
            .label(c["kwargs"]["label"].as_str().expect("label"));
        if let Some(lw) = c["kwargs"]["lw"].as_f64() {
            o = o.lw(lw);
        }
        fig[ax].plot_with(&x, &y, o).expect("plot");
    }
    fig[ax].set_title("Trigonometry");
    fig[ax].set_xlabel("t (rad)");
    fig[ax].set_ylabel("amplitude");
    fig[ax].legend(LegendOptions::default()).expect("legend");
    assert_same_pixels(&fig, "p02_lines_cycle_legend");
}

#[test]
fn scatter_colorbar_from_rust() {
    let s = spec("p04_scatter_cmap_colorbar");
    let c = &s["axes"][0][0];
    let (x, y) = (floats(&c["args"][0]), floats(&c["args"][1]));
    let mut fig = Figure::default();
    let ax = fig.add_subplot();
    let opts = ScatterOptions::default()
        .c(ScatterColor::Values(floats(&c["kwargs"]["c"])))
        .sizes(floats(&c["kwargs"]["s"]))
        .cmap(Colormap::named("plasma").expect("plasma"))
        .alpha(0.7);
    let sc = fig[ax]
        .scatter(ndarray::Array1::from(x), y.as_slice(), opts)
        .expect("scatter");
    fig[ax].set_xlabel("x");
    fig[ax].set_ylabel("y");
    fig.colorbar(sc).expect("colorbar").set_label("x*y");
    assert_same_pixels(&fig, "p04_scatter_cmap_colorbar");
}

#[test]
fn plot_errors_name_the_value() {
    let mut fig = Figure::default();
    let ax = fig.add_subplot();
    let e = fig[ax]
        .plot_with([0.0, 1.0], [1.0], PlotOptions::default())
        .expect_err("length mismatch");
    assert!(
        e.to_string().contains("x of length 2 and y of length 1"),
        "{e}"
    );
    let e = fig[ax]
        .plot_with([0, 1], [1, 2], PlotOptions::default().fmt("q-"))
        .expect_err("bad fmt");
    assert!(e.to_string().contains("\"q-\""), "{e}");
    let e = fig[ax]
        .plot_with([0u8, 1], [1i32, 2], PlotOptions::default().marker("Z"))
        .expect_err("bad marker");
    assert!(e.to_string().contains("\"Z\""), "{e}");
}
