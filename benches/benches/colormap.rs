//! `cmap(norm(data), bytes=True)` with autoscaled `Normalize` and viridis, fresh output,
//! for 512², 2048² and 4096² float64 and float32 inputs (the same inputs as
//! `benches/mpl_colormap_timing.py` times in matplotlib).
//!
//! The `_into` variants reuse one output buffer: the difference to the fresh-output
//! variants is the page faults of a new 4 × N² byte array. With transparent huge pages in
//! `madvise` mode, `GLIBC_TUNABLES=glibc.malloc.hugetlb=1 cargo bench --bench colormap`
//! measures fresh outputs on huge pages (as numpy gets them for its own arrays).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use figbuf::{colormap_rgba8, colormap_rgba8_into_slice, Colormap, Norm};
use ndarray::Array2;

/// Deterministic pseudo-random data in [0, 1) (a 64-bit LCG; no dependency needed).
fn data(n: usize) -> Array2<f64> {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    Array2::from_shape_simple_fn((n, n), || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    })
}

fn bench(c: &mut Criterion) {
    let cmap = Colormap::named("viridis").expect("viridis is registered");
    let norm = Norm::linear();
    let mut group = c.benchmark_group("colormap_rgba8");
    group.sample_size(10);
    for n in [512usize, 2048, 4096] {
        let a64 = data(n);
        let a32 = a64.mapv(|v| v as f32);
        group.throughput(Throughput::Elements((n * n) as u64));
        group.bench_with_input(BenchmarkId::new("f64", n), &a64, |b, a| {
            b.iter(|| colormap_rgba8(a, &norm, &cmap))
        });
        group.bench_with_input(BenchmarkId::new("f32", n), &a32, |b, a| {
            b.iter(|| colormap_rgba8(a, &norm, &cmap))
        });
        // Breakdown: the same work into a reused buffer (no page faults of a fresh
        // output), with autoscale and with explicit limits (no autoscale pass either).
        let mut buf = vec![0u8; n * n * 4];
        group.bench_with_input(BenchmarkId::new("f64_into", n), &a64, |b, a| {
            b.iter(|| colormap_rgba8_into_slice(a, &norm, &cmap, &mut buf))
        });
        group.bench_with_input(BenchmarkId::new("f32_into", n), &a32, |b, a| {
            b.iter(|| colormap_rgba8_into_slice(a, &norm, &cmap, &mut buf))
        });
        let fixed = Norm::linear().with_limits(Some(0.0), Some(1.0));
        group.bench_with_input(
            BenchmarkId::new("f64_fixed_limits_into", n),
            &a64,
            |b, a| b.iter(|| colormap_rgba8_into_slice(a, &fixed, &cmap, &mut buf)),
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
