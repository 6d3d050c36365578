//! Times `colormap_rgba8` of 4096² f64 (viridis, autoscaled `Normalize`) and its parts
//! beside the memory floors of the same bytes, all in one process, interleaved (issue 21):
//!
//! ```text
//! cargo build --release -p figbuf-benches --bin colormap-timing
//! GLIBC_TUNABLES=glibc.malloc.hugetlb=1 target/release/colormap-timing DATA_DIR SECONDS [JOB...]
//! ```
//!
//! Every round runs each job once (in a rotating order), until `SECONDS` have passed and
//! at least 5 rounds ran; it prints one JSON line with each job's best and median wall
//! time in milliseconds (`"JOB best"`, `"JOB median"`) and the rounds. `DATA_DIR` holds
//! `rand4096.npy` (`benches/imshow_timing_vs_mpl.py` writes it). Jobs:
//!
//! - `cm_fresh`: `colormap_rgba8` with autoscale into a fresh array (the issue's job);
//! - `cm_into`: the same into a reused buffer (`colormap_rgba8_into_slice`);
//! - `minmax`: the autoscale alone (`ScalarData::autoscaled`: the min/max pass);
//! - `map_fresh`, `map_into`: the mapping with the limits given (no min/max pass), into
//!   a fresh array and into a reused buffer;
//! - `read`: one pass reading the input (a sum in eight lanes);
//! - `write_fresh`, `write_into`: one pass writing a word a value into a fresh array /
//!   a reused buffer;
//! - `fault`: a fresh array of the output's size with one store every 4 KiB (the page
//!   faults and the kernel's zeroing alone);
//! - `floor_fresh`, `floor_into`: one pass reading the input and writing a word a value
//!   (`imshow-timing`'s `floor 4096`), into a fresh array / a reused buffer.
//!
//! The floors run on `RAYON_NUM_THREADS` scoped threads (default: the available
//! parallelism), as figbuf runs on that many rayon threads; the CPU path follows
//! `FIGBUF_NO_AVX512` / `FIGBUF_NO_AVX2`.

use figbuf::{colormap_rgba8, colormap_rgba8_into_slice, Colormap, Norm, ScalarData};
use figbuf_benches::floors::{floor_pass, load_f64_npy, read_pass, threads};
use std::time::Instant;

/// One pass writing a word a value into `out`.
fn write_pass(out: &mut [u32], threads: usize) {
    let chunk = out.len().div_ceil(threads.max(1)).max(1);
    std::thread::scope(|s| {
        for (k, o) in out.chunks_mut(chunk).enumerate() {
            s.spawn(move || {
                for (j, w) in o.iter_mut().enumerate() {
                    *w = (k + j) as u32;
                }
            });
        }
    });
}

type Job<'a> = Box<dyn FnMut() + 'a>;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: colormap-timing DATA_DIR SECONDS [JOB...]";
    let dir = std::path::PathBuf::from(args.next().ok_or(usage)?);
    let seconds: f64 = args.next().ok_or(usage)?.parse()?;
    let wanted: Vec<String> = args.collect();
    let a = load_f64_npy(&dir.join("rand4096.npy"))?;
    let input = a.as_slice().ok_or("rand4096.npy is not contiguous")?;
    let cmap = Colormap::named("viridis")?;
    let norm = Norm::linear();
    let scaled = ScalarData::new(a.view()).autoscaled(&norm);
    let t = threads();
    let mut buf = vec![0u8; input.len() * 4];
    let mut words = vec![0u32; input.len()];
    let mut words2 = vec![0u32; input.len()];
    let mut buf2 = vec![0u8; input.len() * 4];
    let jobs: Vec<(&str, Job<'_>)> = vec![
        (
            "cm_fresh",
            Box::new(|| {
                std::hint::black_box(colormap_rgba8(&a, &norm, &cmap).expect("colormap"));
            }),
        ),
        (
            "cm_into",
            Box::new(|| {
                colormap_rgba8_into_slice(&a, &norm, &cmap, &mut buf).expect("colormap");
                std::hint::black_box(&buf);
            }),
        ),
        (
            "minmax",
            Box::new(|| {
                std::hint::black_box(ScalarData::new(a.view()).autoscaled(&norm));
            }),
        ),
        (
            "map_fresh",
            Box::new(|| {
                std::hint::black_box(colormap_rgba8(&a, &scaled, &cmap).expect("colormap"));
            }),
        ),
        (
            "map_into",
            Box::new(|| {
                colormap_rgba8_into_slice(&a, &scaled, &cmap, &mut buf2).expect("colormap");
                std::hint::black_box(&buf2);
            }),
        ),
        (
            "read",
            Box::new(|| {
                std::hint::black_box(read_pass(input, t));
            }),
        ),
        (
            "write_fresh",
            Box::new(|| {
                let mut out = vec![0u32; input.len()];
                write_pass(&mut out, t);
                std::hint::black_box(out);
            }),
        ),
        (
            "write_into",
            Box::new(|| {
                write_pass(&mut words2, t);
                std::hint::black_box(&words2);
            }),
        ),
        (
            "fault",
            Box::new(|| {
                let mut out = vec![0u32; input.len()];
                for w in out.iter_mut().step_by(1024) {
                    *w = std::hint::black_box(1);
                }
                std::hint::black_box(out);
            }),
        ),
        (
            "floor_fresh",
            Box::new(|| {
                let mut out = vec![0u32; input.len()];
                floor_pass(input, &mut out, t);
                std::hint::black_box(out);
            }),
        ),
        (
            "floor_into",
            Box::new(|| {
                floor_pass(input, &mut words, t);
                std::hint::black_box(&words);
            }),
        ),
    ];
    let mut jobs: Vec<(&str, Job<'_>, Vec<f64>)> = jobs
        .into_iter()
        .filter(|(name, _)| wanted.is_empty() || wanted.iter().any(|w| w == name))
        .map(|(name, job)| (name, job, Vec::new()))
        .collect();
    for (_, job, _) in jobs.iter_mut() {
        job(); // warm-up
    }
    let start = Instant::now();
    let mut rounds = 0;
    while rounds < 5 || start.elapsed().as_secs_f64() < seconds {
        let k = jobs.len();
        for i in 0..k {
            let (_, job, times) = &mut jobs[(i + rounds) % k];
            let t0 = Instant::now();
            job();
            times.push(t0.elapsed().as_secs_f64() * 1e3);
        }
        rounds += 1;
    }
    let mut body = vec![format!("\"rounds\": {rounds}"), format!("\"threads\": {t}")];
    for (name, _, mut times) in jobs {
        times.sort_by(f64::total_cmp);
        body.push(format!("\"{name} best\": {:.3}", times[0]));
        body.push(format!("\"{name} median\": {:.3}", times[times.len() / 2]));
    }
    println!("{{{}}}", body.join(", "));
    Ok(())
}
