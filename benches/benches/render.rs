//! The default figure (512 x 512 random data, viridis, colorbar) end to end, as matplotlib's
//! `fig.canvas.draw(); np.asarray(buffer_rgba())` (55 ms on the reference machine) and
//! `savefig` to PNG (90 ms). matplotlib's timing builds the figure each time; the "built
//! and rendered" variant does too.

use criterion::{criterion_group, criterion_main, Criterion};
use figbuf::{Figure, Renderer};
use ndarray::Array2;

fn random(rows: usize, cols: usize) -> Array2<f64> {
    // xorshift: deterministic, no extra dependency.
    let mut s = 0x9E37_79B9_7F4A_7C15u64;
    Array2::from_shape_simple_fn((rows, cols), || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        (s >> 11) as f64 / (1u64 << 53) as f64
    })
}

fn default_figure() -> Figure {
    figure_of(random(512, 512))
}

/// The default figure of `data`: imshow (which autoscales, as matplotlib's does) and a
/// colorbar.
fn figure_of(data: Array2<f64>) -> Figure {
    sized_figure_of(data, 6.4, 4.8)
}

/// [`figure_of`] on a figure of `width_in` x `height_in` inches at 100 dpi.
fn sized_figure_of(data: Array2<f64>, width_in: f64, height_in: f64) -> Figure {
    let mut fig = Figure::new(width_in, height_in, 100.0);
    let ax = fig.add_subplot();
    let im = fig[ax].imshow(data).expect("imshow");
    fig.colorbar(im).expect("colorbar");
    fig
}

fn bench(c: &mut Criterion) {
    let fig = default_figure();
    let mut renderer = Renderer::new();
    c.bench_function("default figure -> ndarray (warm renderer)", |b| {
        b.iter(|| renderer.render(&fig).expect("render").into_ndarray())
    });
    // As matplotlib's timing does it: the figure built (data copied in, autoscaled) and
    // drawn each time.
    let data = random(512, 512);
    c.bench_function("default figure built and rendered -> ndarray", |b| {
        b.iter(|| {
            renderer
                .render(&figure_of(data.clone()))
                .expect("render")
                .into_ndarray()
        })
    });
    c.bench_function("default figure -> ndarray (fresh renderer)", |b| {
        b.iter(|| fig.render().expect("render").into_ndarray())
    });
    c.bench_function("default figure -> PNG (warm renderer)", |b| {
        b.iter(|| {
            renderer
                .render(&fig)
                .expect("render")
                .to_png()
                .expect("png")
        })
    });
    let frame = renderer.render(&fig).expect("render");
    c.bench_function("PNG encode only", |b| {
        b.iter(|| frame.to_png().expect("png"))
    });
    c.bench_function("layout only", |b| {
        b.iter(|| figbuf::unstable::layout(&mut renderer, &fig).expect("layout"))
    });
}

fn sizes(c: &mut Criterion) {
    let mut group = c.benchmark_group("imshow_sizes");
    group.sample_size(10);
    let mut renderer = Renderer::new();
    let cases = [256usize, 512, 1024, 2048, 4096]
        .map(|n| (format!("{n}x{n} data, 640x480"), n, 6.4, 4.8))
        .into_iter()
        .chain([("1024x1024 data, 3840x2160".to_string(), 1024, 38.4, 21.6)]);
    for (name, n, w, h) in cases {
        let fig = sized_figure_of(random(n, n), w, h);
        group.bench_function(name, |b| {
            b.iter(|| renderer.render(&fig).expect("render").into_ndarray())
        });
    }
    group.finish();
}

criterion_group!(benches, bench, sizes);
criterion_main!(benches);
