//! The public API as a user holds it (this file is an external crate): sizes, arrays, PNG
//! output, the inputs ndarray users have (owned arrays, references, views; scalar and
//! RGB(A)), the option builders, parsing colours and norms, and errors. The layout
//! geometry against matplotlib's numbers is a unit test (src/figure/geometry_tests.rs):
//! the layout is internal.

// References to arrays and views are passed on purpose: they are what is under test.
#![allow(clippy::needless_borrows_for_generic_args)]

use figbuf::{
    colormap_rgba, colormap_rgba8, colormap_rgba8_into, lut_indices, Color, ColorbarOptions,
    Colormap, Error, Extend, Figure, ImshowOptions, Interpolation, Norm, NormKind, Orientation,
    PngCompression, Renderer, ScalarData,
};
use ndarray::{array, Array2, Array3};

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
    let opts = ImshowOptions::default().extent([0.0, f64::NAN, 1.0, 2.0]);
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
    assert_eq!(fig[ax].get_xlim(), (-0.5, 2.5));
    assert_eq!(fig[ax].get_ylim(), (-0.525, -0.475));
    assert!(fig.render().is_ok());
    let mut fig = Figure::default();
    let ax = fig.add_subplot();
    let opts = ImshowOptions::default().extent([1.0, 1.0, 0.0, 1.0]);
    fig[ax]
        .imshow_with(random(3, 3), opts)
        .expect("zero-width extent");
    assert_eq!(fig[ax].get_xlim(), (0.95, 1.05));
    assert!(fig.render().is_ok());
}

#[test]
fn colour_mapping_takes_owned_arrays_references_and_views() {
    let data = array![[0.0f64, 0.25], [0.75, 1.0]];
    let (norm, cmap) = (Norm::linear(), Colormap::named("viridis").expect("viridis"));
    let want = colormap_rgba8(&ScalarData::new(data.view()), &norm, &cmap).expect("scalar data");
    let view = data.view();
    assert_eq!(colormap_rgba8(&data, &norm, &cmap).expect("&Array2"), want);
    assert_eq!(
        colormap_rgba8(data.view(), &norm, &cmap).expect("view"),
        want
    );
    assert_eq!(colormap_rgba8(&view, &norm, &cmap).expect("&view"), want);
    assert_eq!(
        colormap_rgba8(data.clone(), &norm, &cmap).expect("owned"),
        want
    );
    // Any layout: the transpose maps to the transposed colours.
    let t = colormap_rgba8(data.t(), &norm, &cmap).expect("transposed view");
    assert_eq!(t[[0, 1, 0]], want[[1, 0, 0]]);
    // The other entry points take the same.
    let idx = lut_indices(&data, &norm, cmap.n()).expect("indices");
    assert_eq!(idx.dim(), (2, 2));
    assert_eq!(
        colormap_rgba(&view, &norm, &cmap).expect("floats").dim(),
        (2, 2, 4)
    );
    let mut out = Array3::<u8>::zeros((2, 2, 4));
    colormap_rgba8_into(&data, &norm, &cmap, out.view_mut()).expect("into");
    assert_eq!(out, want);
    // Integer dtypes too.
    let ints = array![[0u16, 100], [200, 300]];
    assert_eq!(
        colormap_rgba8(&ints, &norm, &cmap).expect("u16").dim(),
        (2, 2, 4)
    );
}

#[test]
fn imshow_takes_owned_arrays_references_and_views_scalar_and_rgba() {
    let data = Array2::from_shape_fn((6, 8), |(r, c)| (r * 8 + c) as f32);
    let render = |f: &dyn Fn(&mut Figure, figbuf::AxesId)| {
        let mut fig = Figure::new(2.0, 1.5, 50.0);
        let ax = fig.add_subplot();
        f(&mut fig, ax);
        fig.render().expect("render")
    };
    let want = render(&|fig, ax| {
        fig[ax].imshow(data.clone()).expect("owned");
    });
    let view = data.view();
    for got in [
        render(&|fig, ax| {
            fig[ax].imshow(&data).expect("&Array2");
        }),
        render(&|fig, ax| {
            fig[ax].imshow(data.view()).expect("view");
        }),
        render(&|fig, ax| {
            fig[ax].imshow(&view).expect("&view");
        }),
        render(&|fig, ax| {
            fig[ax]
                .imshow(ScalarData::new(data.view()))
                .expect("ScalarData");
        }),
    ] {
        assert_eq!(got, want);
    }
    // RGB(A) colours: u8 and f64, owned, borrowed or viewed, draw the same pixels.
    let rgb = Array3::from_shape_fn((6, 8, 3), |(r, c, k)| {
        ((r * 40 + c * 20 + k * 60) % 256) as u8
    });
    let rgbf = rgb.mapv(|v| f64::from(v) / 255.0);
    let rgba = Array3::from_shape_fn(
        (6, 8, 4),
        |(r, c, k)| if k == 3 { 255 } else { rgb[[r, c, k]] },
    );
    let want = render(&|fig, ax| {
        fig[ax].imshow(rgb.clone()).expect("owned RGB");
    });
    for got in [
        render(&|fig, ax| {
            fig[ax].imshow(&rgb).expect("&RGB");
        }),
        render(&|fig, ax| {
            fig[ax].imshow(rgb.view()).expect("RGB view");
        }),
        render(&|fig, ax| {
            fig[ax].imshow(&rgba).expect("&RGBA");
        }),
    ] {
        assert_eq!(got, want);
    }
    render(&|fig, ax| {
        fig[ax].imshow(&rgbf).expect("float RGB");
    });
    let mut fig = Figure::default();
    let ax = fig.add_subplot();
    let err = fig[ax]
        .imshow(Array3::<u8>::zeros((6, 8, 2)))
        .expect_err("two channels");
    assert!(err.to_string().contains("(6, 8, 2)"), "{err}");
}

#[test]
fn options_are_built_with_setters_named_after_matplotlib() {
    let cmap = Colormap::named("plasma").expect("plasma");
    let opts = ImshowOptions::default()
        .cmap(cmap.clone())
        .norm(Norm::log())
        .vmin(1.0)
        .vmax(100.0)
        .interpolation(Interpolation::Nearest)
        .extent([0.0, 1.0, 0.0, 1.0]);
    assert_eq!(opts.cmap.as_ref(), Some(&cmap));
    assert_eq!((opts.vmin, opts.vmax), (Some(1.0), Some(100.0)));
    assert_eq!(opts.interpolation, Interpolation::Nearest);
    let cb = ColorbarOptions::default()
        .orientation(Orientation::Horizontal)
        .extend(Extend::Both)
        .label("counts")
        .shrink(0.8)
        .pad(0.1);
    assert_eq!(cb.label.as_deref(), Some("counts"));
    assert_eq!((cb.shrink, cb.pad), (0.8, Some(0.1)));
    let mut fig = Figure::default();
    let ax = fig.add_subplot();
    let im = fig[ax]
        .imshow_with(random(10, 10).mapv(|v| v * 99.0 + 1.0), opts)
        .expect("imshow");
    fig.colorbar_with(im, cb).expect("colorbar");
    fig.render().expect("render");
}

#[test]
fn colours_and_norms_parse_from_strings() {
    let blue: Color = "tab:blue".parse().expect("tab:blue");
    assert_eq!(blue.to_rgba8_round(), [0x1f, 0x77, 0xb4, 255]);
    assert_eq!(
        "C1".parse::<Color>().expect("C1"),
        "tab:orange".parse().expect("tab:orange")
    );
    assert!("notacolour".parse::<Color>().is_err());
    let norm: Norm = "symlog:2".parse().expect("symlog:2");
    assert!(matches!(norm.kind(), NormKind::SymLog { linthresh, .. } if *linthresh == 2.0));
    assert_eq!("log".parse::<Norm>().expect("log").kind(), &NormKind::Log);
    let err = "bogus".parse::<Norm>().expect_err("unknown norm");
    assert!(err.to_string().contains("\"bogus\""), "{err}");
    assert!("linear:3".parse::<Norm>().is_err());
    assert!("power".parse::<Norm>().is_err());
}

/// A writer that fails like a closed pipe.
struct BrokenPipe;

impl std::io::Write for BrokenPipe {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::Error::new(
            std::io::ErrorKind::BrokenPipe,
            "closed",
        ))
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn png_goes_to_any_writer_and_io_errors_keep_their_source() {
    let frame = Figure::new(1.0, 1.0, 20.0).render().expect("render");
    let mut out = Vec::new();
    frame
        .write_png(&mut out, PngCompression::default())
        .expect("to a Vec");
    assert_eq!(out, frame.to_png().expect("to_png"));
    for compression in [
        PngCompression::Fast,
        PngCompression::Balanced,
        PngCompression::Best,
    ] {
        let mut other = Vec::new();
        frame.write_png(&mut other, compression).expect("to a Vec");
        assert!(other.starts_with(b"\x89PNG"), "{compression:?}");
        let err = frame
            .write_png(BrokenPipe, compression)
            .expect_err("broken pipe");
        let source = std::error::Error::source(&err)
            .and_then(|s| s.downcast_ref::<std::io::Error>())
            .expect("the io::Error is the source");
        assert_eq!(source.kind(), std::io::ErrorKind::BrokenPipe);
        assert!(matches!(err, Error::Io { path: None, .. }));
    }
    let missing = std::env::temp_dir().join("figbuf-no-such-dir/x/out.png");
    match frame.save_png(&missing).expect_err("no such directory") {
        Error::Io { path, source } => {
            assert_eq!(path.as_deref(), Some(missing.as_path()));
            assert_eq!(source.kind(), std::io::ErrorKind::NotFound);
        }
        other => panic!("expected Error::Io, got {other:?}"),
    }
}
