//! A line of ten million points through the public API (`ax.plot(y)` then render to PNG):
//! matplotlib's path simplification (on by default, threshold 1/9 px) runs first, so the
//! stroker sees a few thousand vertices; what remains linear in the points is the copy into
//! the figure, the autoscale and the simplifier's pass. Prints the time of each step and
//! the peak resident memory (Linux: VmHWM), which stays the input (16 bytes a point for x
//! and y) plus a canvas-sized working set.
//!
//! Run: `cargo run --release --example ten_million_points [POINTS]` (default 10,000,000;
//! writes target/examples/ten_million_points.png). Try 1e6, 3e6 and 1e7 in separate runs
//! to see the time grow linearly and the memory with the input only.

use figbuf::{Figure, PlotOptions};
use std::time::Instant;

/// Peak resident set size in MB (Linux), if the system says.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: usize = match std::env::args().nth(1) {
        Some(a) => a
            .parse::<f64>()
            .ok()
            .filter(|v| *v >= 2.0 && *v <= 1e9)
            .map(|v| v as usize)
            .ok_or_else(|| format!("POINTS must be a count from 2 to 1e9, not {a:?}"))?,
        None => 10_000_000,
    };
    // A long noisy signal: a slow sine plus uniform noise (LCG), deterministic.
    let t0 = Instant::now();
    let mut state = 12345u64;
    let y: Vec<f64> = (0..n)
        .map(|i| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let noise = (state >> 11) as f64 / (1u64 << 53) as f64 - 0.5;
            (i as f64 * 50.0 / n as f64).sin() + 0.3 * noise
        })
        .collect();
    let t_data = t0.elapsed();

    let t0 = Instant::now();
    let mut fig = Figure::default();
    let ax = fig.add_subplot();
    fig[ax].plot_y(y, PlotOptions::default().lw(1.0))?;
    fig[ax].set_title(format!("{n} points"));
    let t_build = t0.elapsed();

    let t0 = Instant::now();
    let frame = fig.render()?;
    let t_render = t0.elapsed();
    let t0 = Instant::now();
    let png = frame.to_png()?;
    let t_png = t0.elapsed();

    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/examples");
    std::fs::create_dir_all(&out)?;
    std::fs::write(out.join("ten_million_points.png"), &png)?;
    let rss = peak_rss_mb().map_or("n/a".into(), |mb| format!("{mb:.0} MB"));
    println!(
        "{n} points: data {:.0} ms, plot (copy in) {:.0} ms, render {:.0} ms, PNG {:.0} ms; \
         peak RSS {rss} (input y alone: {:.0} MB)",
        t_data.as_secs_f64() * 1e3,
        t_build.as_secs_f64() * 1e3,
        t_render.as_secs_f64() * 1e3,
        t_png.as_secs_f64() * 1e3,
        (n * 8) as f64 / 1048576.0
    );
    Ok(())
}
