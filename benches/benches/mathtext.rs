//! Issue 19's performance bar: a figure whose labels hold mathtext renders within 10% of
//! the same figure with plain labels once the renderer is warm (text and mathtext layouts
//! are cached across renders). Both figures: 64 x 64 data, imshow, colorbar, title, axis
//! labels and a colorbar label.

use criterion::{criterion_group, criterion_main, Criterion};
use figbuf::{Figure, Renderer};
use ndarray::Array2;

/// `[title, xlabel, ylabel, colorbar label]`: plain labels with about as many glyphs as
/// the mathtext ones below draw.
const PLAIN: [&str; 4] = [
    "α map with √x2+y2",
    "xi (m), F(ω)",
    "θ [°] (a/b)2",
    "W/m2 f'(x)",
];
const MATH: [&str; 4] = [
    r"$\alpha$ map with $\sqrt{x^2+y^2}$",
    r"$x_i$ (m), $\mathcal{F}(\omega)$",
    r"$\theta$ [$^\circ$] $\left(\frac{a}{b}\right)^2$",
    r"$\frac{W}{m^2}$ $f'(x)$",
];

fn figure(labels: [&str; 4]) -> Figure {
    let data = Array2::from_shape_fn((64, 64), |(i, j)| ((i * 7 + j * 3) % 17) as f64);
    let mut fig = Figure::default();
    let ax = fig.add_subplot();
    let im = fig[ax].imshow(data).expect("imshow");
    fig[ax]
        .set_title(labels[0])
        .set_xlabel(labels[1])
        .set_ylabel(labels[2]);
    fig.colorbar(im).expect("colorbar").set_label(labels[3]);
    fig
}

fn bench(c: &mut Criterion) {
    let plain = figure(PLAIN);
    let math = figure(MATH);
    let mut renderer = Renderer::new();
    c.bench_function("labels: plain (warm renderer)", |b| {
        b.iter(|| renderer.render(&plain).expect("render").into_ndarray())
    });
    c.bench_function("labels: mathtext (warm renderer)", |b| {
        b.iter(|| renderer.render(&math).expect("render").into_ndarray())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
