//! Line plots end to end: matplotlib's plot case p02 (four lines of 120 points, dashes, a
//! legend at 'best', title and labels) and a 20,000-point random walk
//! (`plt.plot(np.cumsum(randn(20000)))`), each to an RGBA array and to PNG with a warm
//! `Renderer`, plus the "built and rendered" variant matplotlib's timing
//! (`benches/mpl_plot_timing.py`) measures.

use criterion::{criterion_group, criterion_main, Criterion};
use figbuf::Renderer;
use figbuf_benches::{p02_figure, random_walk, random_walk_figure, RANDOM_WALK_POINTS};

fn bench(c: &mut Criterion) {
    let mut renderer = Renderer::new();
    let p02 = p02_figure().expect("p02");
    let walk = random_walk(RANDOM_WALK_POINTS);
    let walk_fig = random_walk_figure(&walk).expect("walk");
    for (name, fig) in [("p02", &p02), ("random walk 20000", &walk_fig)] {
        c.bench_function(&format!("{name} -> ndarray (warm renderer)"), |b| {
            b.iter(|| renderer.render(fig).expect("render").into_ndarray())
        });
        c.bench_function(&format!("{name} -> PNG (warm renderer)"), |b| {
            b.iter(|| renderer.render(fig).expect("render").to_png().expect("png"))
        });
    }
    c.bench_function("p02 built and rendered -> ndarray", |b| {
        b.iter(|| {
            renderer
                .render(&p02_figure().expect("p02"))
                .expect("render")
                .into_ndarray()
        })
    });
    c.bench_function("random walk 20000 built and rendered -> ndarray", |b| {
        b.iter(|| {
            renderer
                .render(&random_walk_figure(&walk).expect("walk"))
                .expect("render")
                .into_ndarray()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
