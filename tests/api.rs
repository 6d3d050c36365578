//! The public API: sizes, arrays, PNG output, layout geometry against the numbers measured
//! from matplotlib 3.11.2 (shared/reference/matplotlib-figure-spec.md), and errors.

use figbuf::{Color, ColorbarOptions, Figure, ImshowOptions, Orientation, Renderer};
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

fn standard_figure() -> Figure {
    let mut fig = Figure::default();
    let ax = fig.add_subplot();
    let im = fig[ax].imshow(random(512, 512)).expect("imshow");
    fig.colorbar(im).expect("colorbar");
    fig
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

#[test]
fn canvas_size_truncates_like_agg() {
    // spec 1.1: int(w * dpi) x int(h * dpi).
    for (w, h, dpi, px) in [
        (6.4, 4.8, 100.0, (640, 480)),
        (6.4, 4.8, 72.0, (460, 345)),
        (3.333, 2.222, 100.0, (333, 222)),
        (5.0, 5.0, 96.5, (482, 482)),
    ] {
        let frame = Figure::new(w, h, dpi).render().expect("render");
        assert_eq!((frame.width(), frame.height()), px, "{w}x{h} at {dpi}");
    }
}

#[test]
fn standard_figure_geometry_matches_matplotlib() {
    let lay = standard_figure().layout().expect("layout");
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
fn ndarray_matches_the_frame_and_rendering_is_deterministic() {
    let fig = standard_figure();
    let mut renderer = Renderer::new();
    let a = renderer.render(&fig).expect("render");
    let b = renderer.render(&fig).expect("render again");
    assert_eq!(a, b, "a warm renderer draws the same bytes");
    assert_eq!(a, fig.render().expect("fresh renderer"));
    let arr = a.to_ndarray();
    assert_eq!(arr.dim(), (480, 640, 4));
    assert_eq!(a.pixel(0, 0), Some([255, 255, 255, 255]));
    // spec 9.3: the left spine is column 107, black, its neighbours 241.
    assert_eq!(a.pixel(107, 200), Some([0, 0, 0, 255]));
    assert_eq!(a.pixel(106, 200), Some([241, 241, 241, 255]));
    let px = a.pixel(300, 200).expect("inside");
    assert_eq!(
        [
            arr[[200, 300, 0]],
            arr[[200, 300, 1]],
            arr[[200, 300, 2]],
            arr[[200, 300, 3]]
        ],
        px
    );
}

#[test]
fn png_carries_dpi_and_round_trips() {
    let frame = Figure::new(2.0, 1.0, 150.0).render().expect("render");
    let png_bytes = frame.to_png().expect("png");
    let dec = png::Decoder::new(std::io::Cursor::new(png_bytes));
    let mut reader = dec.read_info().expect("header");
    let dims = reader.info().pixel_dims.expect("pHYs");
    assert_eq!(dims.xppu, 5906); // 150 dpi / 0.0254, rounded
    assert_eq!(dims.unit, png::Unit::Meter);
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("frame");
    assert_eq!((info.width, info.height), (300, 150));
    assert_eq!(&buf[..info.buffer_size()], frame.as_rgba8());
}

#[test]
fn transparent_figure_keeps_the_cleared_canvas() {
    // With transparent face colours matplotlib's canvas holds (255, 255, 255, 0).
    let mut fig = Figure::new(1.0, 1.0, 50.0);
    fig.set_facecolor(Color::TRANSPARENT);
    let frame = fig.render().expect("render");
    assert!(frame
        .as_rgba8()
        .chunks_exact(4)
        .all(|p| p == [255, 255, 255, 0]));
}

#[test]
fn horizontal_colorbar_geometry() {
    // spec 7.1: horizontal colorbar box x 80..576, y 83.44..108.24.
    let mut fig = Figure::default();
    let ax = fig.add_subplot();
    let im = fig[ax].imshow(random(64, 64)).expect("imshow");
    fig.colorbar_with(
        im,
        ColorbarOptions {
            orientation: Orientation::Horizontal,
            ..Default::default()
        },
    )
    .expect("colorbar");
    let c = fig.layout().expect("layout").colorbars[0].bbox;
    assert!(
        close(c.x0, 80.0) && close(c.x1, 576.0) && close(c.y0, 83.44) && close(c.y1, 108.24),
        "{c:?}"
    );
}

#[test]
fn bad_values_are_errors_that_name_them() {
    let err = Figure::new(6.4, 4.8, -5.0)
        .render()
        .expect_err("negative dpi");
    assert!(err.to_string().contains("-5"), "{err}");
    let err = Figure::new(0.0, 4.8, 100.0)
        .render()
        .expect_err("zero width");
    assert!(err.to_string().contains("width"), "{err}");
    let mut huge = Figure::new(1e6, 1e6, 100.0);
    assert!(huge.render().is_err(), "canvas over the pixel limit");
    huge.set_max_pixels(u64::MAX);
    assert!(huge.size_px().is_ok());
    let mut fig = Figure::default();
    let ax = fig.add_subplot();
    let opts = ImshowOptions {
        extent: Some([0.0, f64::NAN, 1.0, 2.0]),
        ..Default::default()
    };
    assert!(
        fig[ax].imshow_with(random(3, 3), opts).is_err(),
        "non-finite extent"
    );
    assert!(figbuf::Colormap::named("viridiss").is_err());
}

/// What matplotlib draws is drawn: an empty array is an empty Axes (limits from its extent,
/// widened by `nonsingular`), an extent of zero width widens the limits too.
#[test]
fn empty_data_and_zero_extents_render() {
    let mut fig = Figure::default();
    let ax = fig.add_subplot();
    fig[ax]
        .imshow(Array2::<f64>::zeros((0, 3)))
        .expect("empty data");
    let lay = fig.layout().expect("layout");
    assert_eq!(lay.axes[0].view_x, (-0.5, 2.5));
    assert_eq!(lay.axes[0].view_y, (-0.525, -0.475));
    assert!(fig.render().is_ok());
    let mut fig = Figure::default();
    let ax = fig.add_subplot();
    let opts = ImshowOptions {
        extent: Some([1.0, 1.0, 0.0, 1.0]),
        ..Default::default()
    };
    fig[ax]
        .imshow_with(random(3, 3), opts)
        .expect("zero-width extent");
    let lay = fig.layout().expect("layout");
    assert_eq!(lay.axes[0].view_x, (0.95, 1.05));
    assert!(fig.render().is_ok());
}
