//! Times figbuf on the plot benchmark figures in one process and prints one JSON line of
//! medians in milliseconds, for `benches/plot_timing_vs_mpl.py` (which runs it interleaved
//! with matplotlib) or by hand:
//!
//! ```text
//! cargo run --release -p figbuf-benches --bin plot-timing -- [ITERATIONS]
//! cargo run --release -p figbuf-benches --bin plot-timing -- --write-data   # the .npy
//! ```
//!
//! Prints `{"wall_ms": {job: median}, "cpu_ms": {job: mean}}`: the median wall time of an
//! iteration, and the process CPU time (all threads) per iteration over the batch.
//! Each job is timed as matplotlib's side does it: the figure built from its data and
//! drawn to an RGBA array (`fig.canvas.draw(); np.asarray(buffer_rgba())`), or to PNG
//! bytes (`savefig` to a buffer), with a warm `Renderer` (glyph cache filled by a warm-up).

use figbuf::Renderer;
use figbuf_benches::{p02_figure, random_walk, random_walk_figure, write_npy_f64};
use std::time::Instant;

/// CPU time of the whole process (every thread) in nanoseconds, from Linux's
/// `/proc/self/task/*/schedstat`; `None` elsewhere. Updated at scheduler ticks, so it is
/// read around a batch of at least [`MIN_BATCH_S`] rather than around one iteration.
fn process_cpu_ns() -> Option<u64> {
    let mut sum = 0;
    for task in std::fs::read_dir("/proc/self/task").ok()? {
        let stat = std::fs::read_to_string(task.ok()?.path().join("schedstat")).ok()?;
        sum += stat.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(sum)
}

/// The least wall time a job's timed batch lasts (more iterations than asked if needed).
const MIN_BATCH_S: f64 = 1.0;

/// (median wall ms per iteration, mean process CPU ms per iteration).
type Timing = (f64, Option<f64>);

/// [`Timing`] over at least
/// `iterations` runs and [`MIN_BATCH_S`], after one warm-up.
fn time_job(iterations: usize, mut job: impl FnMut()) -> Timing {
    job(); // warm-up
    let mut t = Vec::new();
    let cpu0 = process_cpu_ns();
    let start = Instant::now();
    while t.len() < iterations || start.elapsed().as_secs_f64() < MIN_BATCH_S {
        let t0 = Instant::now();
        job();
        t.push(t0.elapsed().as_secs_f64() * 1e3);
    }
    let cpu = match (cpu0, process_cpu_ns()) {
        (Some(a), Some(b)) => Some((b.saturating_sub(a)) as f64 / 1e6 / t.len() as f64),
        _ => None,
    };
    t.sort_by(f64::total_cmp);
    (t[t.len() / 2], cpu)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let arg = std::env::args().nth(1);
    let walk = random_walk(figbuf_benches::RANDOM_WALK_POINTS);
    if arg.as_deref() == Some("--write-data") {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/random_walk_20000.npy");
        write_npy_f64(&path, &walk)?;
        println!("wrote {}", path.display());
        return Ok(());
    }
    let iterations: usize = match arg {
        Some(a) => a
            .parse()
            .map_err(|_| format!("ITERATIONS must be a count, not {a:?}"))?,
        None => 20,
    };
    if iterations == 0 {
        return Err("ITERATIONS must be at least 1".into());
    }
    let mut r = Renderer::new();
    let mut results = Vec::new();
    results.push((
        "p02 to array",
        time_job(iterations, || {
            let fig = p02_figure().expect("p02");
            std::hint::black_box(r.render(&fig).expect("render").into_ndarray());
        }),
    ));
    results.push((
        "p02 to PNG",
        time_job(iterations, || {
            let fig = p02_figure().expect("p02");
            std::hint::black_box(r.render(&fig).expect("render").to_png().expect("png"));
        }),
    ));
    results.push((
        "random walk 20000 to array",
        time_job(iterations, || {
            let fig = random_walk_figure(&walk).expect("walk");
            std::hint::black_box(r.render(&fig).expect("render").into_ndarray());
        }),
    ));
    results.push((
        "random walk 20000 to PNG",
        time_job(iterations, || {
            let fig = random_walk_figure(&walk).expect("walk");
            std::hint::black_box(r.render(&fig).expect("render").to_png().expect("png"));
        }),
    ));
    let json = |f: &dyn Fn(&Timing) -> String| {
        results
            .iter()
            .map(|(k, v)| format!("\"{k}\": {}", f(v)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!(
        "{{\"wall_ms\": {{{}}}, \"cpu_ms\": {{{}}}}}",
        json(&|v| format!("{:.4}", v.0)),
        json(&|v| v.1.map_or("null".into(), |c| format!("{c:.4}")))
    );
    Ok(())
}
