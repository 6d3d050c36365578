//! Issue 18 through the library: zero-size data costs nothing, sizes never wrap, handles
//! cannot be confused across figures, style values and resampling have bounded cost,
//! refused allocations are errors, and matplotlib's own refusals are errors here too.

use figbuf::{
    colormap_rgba8, Colormap, Figure, Frame, ImshowOptions, Interpolation, Norm, ScalarData,
};
use ndarray::{Array2, ArrayView2};
use std::time::{Duration, Instant};

fn ramp() -> Array2<f64> {
    Array2::from_shape_fn((3, 4), |(r, c)| (r * 4 + c) as f64)
}

fn viridis() -> Colormap {
    Colormap::named("viridis").unwrap()
}

/// Runs `f`, which must finish within `limit` (it used to run for minutes or forever).
fn quick<T>(limit: Duration, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let v = f();
    assert!(t.elapsed() < limit, "took {:?}", t.elapsed());
    v
}

#[test]
fn frame_sizes_do_not_wrap() {
    let e = Frame::from_rgba8(1 << 62, 1, 100.0, vec![0; 0]).unwrap_err();
    assert!(e.to_string().contains("4611686018427387904 x 1"), "{e}");
    assert!(Frame::from_rgba8(usize::MAX, 2, 100.0, Vec::new()).is_err());
}

#[test]
fn zero_size_data_costs_nothing() {
    let cmap = viridis();
    // (0, 2^62) and (2^62, 0): no pixels, whatever the rows.
    let data: Vec<u8> = Vec::new();
    for shape in [(0usize, 1usize << 62), (1 << 62, 0)] {
        let view = ArrayView2::from_shape(shape, &data[..]).unwrap();
        let r = quick(Duration::from_secs(2), || {
            colormap_rgba8(ScalarData::new(view), &Norm::linear(), &cmap)
        });
        // (2^62, 0, 4) or (0, 2^62, 4) holds no pixel but is no valid ndarray shape.
        let e = r.unwrap_err();
        assert!(e.to_string().contains("4611686018427387904"), "{e}");
    }
    let view = ArrayView2::from_shape((1000, 0), &data[..]).unwrap();
    let out = colormap_rgba8(ScalarData::new(view), &Norm::linear(), &cmap).unwrap();
    assert_eq!(out.dim(), (1000, 0, 4));
    // The .npy path (a 128-byte file declaring (2^62, 0)) is in cli/tests/cli_errors.rs.
}

#[test]
fn axes_handles_belong_to_their_figure() {
    let mut a = Figure::default();
    let mut b = Figure::default();
    let ax_a = a.add_subplot();
    let ax_b = b.add_subplot();
    assert!(a.axes(ax_b).is_none());
    assert!(a.axes_mut(ax_b).is_none());
    assert!(a.axes(ax_a).is_some());
    let im_b = b[ax_b].imshow(ramp()).unwrap();
    a[ax_a].imshow(ramp()).unwrap();
    let e = a.colorbar(im_b).unwrap_err();
    assert!(e.to_string().contains("another figure"), "{e}");
    // A clone keeps its identity: the same Axes.
    let c = b.clone();
    assert!(c.axes(ax_b).is_some());
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _ = &a[ax_b];
    }));
    assert!(
        r.is_err(),
        "fig[foreign handle] must not return one of this figure's Axes"
    );
}

#[test]
fn style_values_are_bounded() {
    for (field, v) in [
        ("axes_linewidth_pt", 1e7),
        ("axes_linewidth_pt", 1e9),
        ("axes_linewidth_pt", 1e20),
        ("axes_linewidth_pt", f64::NAN),
        ("font_size_pt", 9999.0),
        ("font_size_pt", -1.0),
        ("major_tick_size_pt", 1e300),
    ] {
        let mut fig = Figure::new(3.0, 2.0, 100.0);
        let ax = fig.add_subplot();
        fig[ax].imshow(ramp()).unwrap();
        match field {
            "axes_linewidth_pt" => fig.style_mut().axes_linewidth_pt = v,
            "font_size_pt" => fig.style_mut().font_size_pt = v,
            _ => fig.style_mut().major_tick_size_pt = v,
        }
        let e = quick(Duration::from_secs(2), || fig.render()).unwrap_err();
        assert!(e.to_string().contains(field), "{field} = {v}: {e}");
    }
    // Large but sane values still render.
    let mut fig = Figure::new(3.0, 2.0, 100.0);
    fig.style_mut().axes_linewidth_pt = 50.0;
    fig.style_mut().font_size_pt = 200.0;
    let ax = fig.add_subplot();
    fig[ax].imshow(ramp()).unwrap();
    quick(Duration::from_secs(10), || fig.render()).unwrap();
}

#[test]
fn resampling_work_is_bounded() {
    let mut fig = Figure::new(100.0, 100.0, 100.0);
    fig.subplots_adjust(0.0, 0.0, 1.0, 1.0).unwrap();
    let ax = fig.add_subplot();
    let opts = ImshowOptions::default().interpolation(Interpolation::Sinc);
    fig[ax].imshow_with(ramp(), opts).unwrap();
    let e = quick(Duration::from_secs(10), || fig.render()).unwrap_err();
    assert!(e.to_string().contains("filter taps"), "{e}");
    assert!(
        e.to_string()
            .contains(&figbuf::MAX_RESAMPLE_TAPS.to_string()),
        "{e}"
    );
}

#[test]
fn refused_allocations_are_errors() {
    let mut fig = Figure::new(1e6, 1e6, 100.0);
    fig.set_max_pixels(u64::MAX);
    let ax = fig.add_subplot();
    fig[ax].imshow(ramp()).unwrap();
    let e = quick(Duration::from_secs(10), || fig.render()).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("cannot allocate 40000000000000000 bytes"),
        "{e}"
    );
}

#[test]
fn matplotlib_refusals() {
    let data = ramp();
    let cmap = viridis();
    let sd = ScalarData::new(data.view());
    // TwoSlopeNorm: vmin < vcenter < vmax.
    for (vc, lo, hi) in [
        (0.0, 0.0, 1.0),
        (1.0, 0.0, 1.0),
        (1.0, 1.0, 1.0),
        (0.5, 1.0, 0.0),
        (-5.0, 0.0, 1.0),
    ] {
        let norm = Norm::two_slope(vc).with_limits(Some(lo), Some(hi));
        let e = colormap_rgba8(&sd, &norm, &cmap).unwrap_err();
        assert!(e.to_string().contains(&format!("{lo}")), "{e}");
        let mut fig = Figure::default();
        let ax = fig.add_subplot();
        let opts = ImshowOptions::default().norm(norm);
        assert!(fig[ax].imshow_with(&data, opts).is_err());
    }
    // Extents whose span overflows.
    let mut fig = Figure::default();
    let ax = fig.add_subplot();
    let opts = ImshowOptions::default().extent([-1.7e308, 1.7e308, 0.0, 1.0]);
    let e = fig[ax].imshow_with(&data, opts).unwrap_err();
    assert!(
        e.to_string().contains("extent") && e.to_string().contains("1.7e308"),
        "{e}"
    );
}

/// `cmap(LogNorm()(d), bytes=True)` for data without a positive value: matplotlib's limits
/// are both 0.0 and every value maps to 0, the first colour (measured with matplotlib
/// 3.11.2: `LogNorm()(-arange(1, 7))` is all 0.0, unmasked; `imshow` draws viridis(0)).
#[test]
fn log_norm_of_nonpositive_data_draws_the_first_colour() {
    let data = Array2::from_shape_fn((2, 3), |(r, c)| -((r * 3 + c + 1) as f64));
    let cmap = viridis();
    let out = colormap_rgba8(ScalarData::new(data.view()), &Norm::log(), &cmap).unwrap();
    for px in out.exact_chunks((1, 1, 4)) {
        assert_eq!(
            px.iter().copied().collect::<Vec<u8>>(),
            vec![68, 1, 84, 255]
        );
    }
    let mut fig = Figure::default();
    let ax = fig.add_subplot();
    let opts = ImshowOptions::default().norm(Norm::log());
    fig[ax].imshow_with(&data, opts).unwrap();
    let frame = fig.render().unwrap();
    assert_eq!(frame.pixel(320, 240), Some([68, 1, 84, 255]));
}
