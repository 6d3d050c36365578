//! Renders one line figure many times, for profilers (perf, callgrind) and whole-process
//! timing of long lines:
//!
//! ```text
//! line-profile walk [ITERATIONS]   # the 20,000-point random walk to an array
//! line-profile big [POINTS]        # one render of a POINTS-long random walk (10^7)
//! line-profile walk-png [N]        # the walk built and drawn to PNG bytes N times
//! line-profile p02 [N]             # p02 built and drawn to an array N times
//! line-profile p02-png [N]         # p02 built and drawn to PNG bytes N times
//! ```
//!
//! Prints the median wall time of a render (ms); `big` also the time to build the figure
//! and the peak resident memory after building it and after rendering it.

use figbuf::{Figure, Renderer};
use figbuf_benches::{random_walk, random_walk_figure};
use std::time::Instant;

/// CPU time of the whole process (every thread) in nanoseconds, from Linux's
/// `/proc/self/task/*/schedstat`; 0 elsewhere.
fn process_cpu_ns() -> u64 {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return 0;
    };
    tasks
        .filter_map(|t| std::fs::read_to_string(t.ok()?.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .sum()
}

/// The process's peak resident memory (kB), from Linux's `/proc/self/status`; 0 elsewhere.
fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mode = std::env::args().nth(1).unwrap_or_else(|| "walk".into());
    let n: usize = match std::env::args().nth(2) {
        Some(a) => a.parse().map_err(|_| format!("not a count: {a:?}"))?,
        None => match mode.as_str() {
            "big" => 10_000_000,
            _ => 200,
        },
    };
    let mut r = Renderer::new();
    let mut times = Vec::new();
    match mode.as_str() {
        "walk" => {
            let walk = random_walk(figbuf_benches::RANDOM_WALK_POINTS);
            let fig = random_walk_figure(&walk)?;
            for _ in 0..n {
                let t0 = Instant::now();
                std::hint::black_box(r.render(&fig)?.into_ndarray());
                times.push(t0.elapsed().as_secs_f64() * 1e3);
            }
        }
        "big" => {
            let walk = random_walk(n);
            let t0 = Instant::now();
            let fig: Figure = random_walk_figure(&walk)?;
            let built = t0.elapsed().as_secs_f64() * 1e3;
            drop(walk);
            let peak_built = peak_rss_kb();
            let (t1, cpu1) = (Instant::now(), process_cpu_ns());
            std::hint::black_box(r.render(&fig)?.into_ndarray());
            times.push(t1.elapsed().as_secs_f64() * 1e3);
            let cpu_ms = process_cpu_ns().saturating_sub(cpu1) as f64 / 1e6;
            println!(
                "built in {built:.1} ms (peak RSS {peak_built} kB), rendered in {:.1} ms \
                 ({cpu_ms:.1} ms CPU; peak RSS {} kB; data held by the figure: {} kB)",
                times[0],
                peak_rss_kb(),
                2 * 8 * n / 1024
            );
        }
        "walk-png" | "p02" | "p02-png" => {
            let walk = random_walk(figbuf_benches::RANDOM_WALK_POINTS);
            for _ in 0..n {
                let t0 = Instant::now();
                let fig = if mode == "walk-png" {
                    random_walk_figure(&walk)?
                } else {
                    figbuf_benches::p02_figure()?
                };
                let frame = r.render(&fig)?;
                if mode == "p02" {
                    std::hint::black_box(frame.into_ndarray());
                } else {
                    std::hint::black_box(frame.to_png()?);
                }
                times.push(t0.elapsed().as_secs_f64() * 1e3);
            }
        }
        m => {
            return Err(
                format!("mode must be walk, walk-png, p02, p02-png or big, not {m:?}").into(),
            )
        }
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{mode}: median {:.3} ms over {}",
        times[times.len() / 2],
        times.len()
    );
    Ok(())
}
