//! Renders one line figure many times, for profilers (perf, callgrind) and whole-process
//! timing of long lines:
//!
//! ```text
//! line-profile walk [ITERATIONS]   # the 20,000-point random walk to an array
//! line-profile big [POINTS]        # one render of a POINTS-long random walk (10^7)
//! ```
//!
//! Prints the median wall time of a render (ms).

use figbuf::{Figure, Renderer};
use figbuf_benches::{random_walk, random_walk_figure};
use std::time::Instant;

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
            drop(walk);
            std::hint::black_box(r.render(&fig)?.into_ndarray());
            times.push(t0.elapsed().as_secs_f64() * 1e3);
        }
        m => return Err(format!("mode must be walk or big, not {m:?}").into()),
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{mode}: median {:.3} ms over {}",
        times[times.len() / 2],
        times.len()
    );
    Ok(())
}
