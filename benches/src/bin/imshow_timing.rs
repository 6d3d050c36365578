//! Times figbuf on the image jobs of `benches/imshow_timing_vs_mpl.py` (which runs it
//! interleaved with matplotlib) in one process and prints one JSON line of medians in
//! milliseconds. The data comes from the `.npy` files that script writes (so both sides
//! draw the same pixels and their PNG files compare):
//!
//! ```text
//! cargo build --release -p figbuf-benches --bin imshow-timing
//! target/release/imshow-timing DATA_DIR ITERATIONS [SIZES...]
//! ```
//!
//! Jobs (each the median wall time of one iteration after a warm-up, at least
//! `ITERATIONS` iterations and [`MIN_BATCH_S`]):
//!
//! - `imshow N`: the default figure (6.4 x 4.8 in at 100 dpi, `imshow` of N x N f64 data
//!   and a colorbar) rendered to an RGBA array with a warm `Renderer`, as matplotlib's
//!   `im.set_data(data); fig.canvas.draw(); np.asarray(buffer_rgba())`;
//! - `canvas 3840x2160 1024`: the same at 38.4 x 21.6 in; `canvas_into 3840x2160 1024`:
//!   rendered into the previous frame's memory (`Renderer::render_into`), as matplotlib
//!   redraws into the buffer its canvas keeps;
//! - `colormap 4096`: `colormap_rgba8` of 4096² f64 with an autoscaled `Normalize` into a
//!   fresh array; `floor 4096`: one pass reading the same input and writing a fresh array
//!   of the output's size (the memory-bandwidth floor of that job), on every thread
//!   rayon would use; `floor_into 4096`, `colormap_into 4096`: both into a reused buffer;
//! - `paired 4096`: `colormap 4096` and `floor 4096` alternated in one process (the order
//!   swapped every pair), at least `ITERATIONS` pairs and [`MIN_BATCH_S`] each: reports
//!   `paired colormap 4096` and `paired floor 4096`, the best wall time of each, and
//!   `paired ratio 4096`, the median over pairs of colormap / floor (run it with
//!   `GLIBC_TUNABLES=glibc.malloc.hugetlb=1` so that the floor's fresh output is on huge
//!   pages too, as `colormap_rgba8` asks for its own);
//! - `read N`: one pass reading N x N f64 data (a sum), on every thread rayon would use:
//!   the floor of any figure of that data (the input read once);
//! - `png 512`: the default figure to PNG bytes with the default encoding, as `savefig`
//!   to a buffer; `png_bytes 512` and `png_bytes smooth`: the file sizes in bytes.
//!
//! Each job also reports `cpu JOB`: the process CPU time (every thread) per iteration,
//! the mean over the batch (on Linux), which a loaded machine inflates less than the wall
//! time (with one thread, `RAYON_NUM_THREADS=1`, it counts no idle spinning).
//!
//! The thread count is rayon's (`RAYON_NUM_THREADS`); the CPU path follows
//! `FIGBUF_NO_AVX512` / `FIGBUF_NO_AVX2`.

use figbuf::{colormap_rgba8, colormap_rgba8_into_slice, Colormap, Figure, Norm, Renderer};
use figbuf_benches::floors::{floor_pass, load_f64_npy, read_pass, threads};
use ndarray::Array2;
use std::time::Instant;

/// The least wall time a job's timed batch lasts (more iterations than asked if needed).
const MIN_BATCH_S: f64 = 0.5;

/// A timed job.
type Job<'a> = Box<dyn FnMut() + 'a>;

/// CPU time of the whole process (every thread, exited ones too: the floor's scoped
/// threads end with each pass) in nanoseconds, from Linux's `/proc/self/stat` (user and
/// system time, in ticks of 10 ms); `None` elsewhere. Read around a batch of at least
/// [`MIN_BATCH_S`] rather than around one iteration.
fn process_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name (in parentheses, which may hold spaces).
    let mut fields = stat.rsplit_once(')')?.1.split_whitespace();
    let utime: u64 = fields.nth(11)?.parse().ok()?;
    let stime: u64 = fields.next()?.parse().ok()?;
    Some((utime + stime) * 10_000_000)
}

/// (median wall ms per iteration, mean process CPU ms per iteration).
type Timing = (f64, Option<f64>);

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
        (Some(a), Some(b)) => Some(b.saturating_sub(a) as f64 / 1e6 / t.len() as f64),
        _ => None,
    };
    t.sort_by(f64::total_cmp);
    (t[t.len() / 2], cpu)
}

/// Records a job's median wall time as `job` and its mean CPU time as `cpu job`.
fn record(out: &mut Vec<(String, f64)>, job: &str, (wall, cpu): Timing) {
    out.push((job.to_string(), wall));
    if let Some(cpu) = cpu {
        out.push((format!("cpu {job}"), cpu));
    }
}

fn figure(data: Array2<f64>, width_in: f64, height_in: f64) -> figbuf::Result<Figure> {
    let mut fig = Figure::new(width_in, height_in, 100.0);
    let ax = fig.add_subplot();
    let im = fig[ax].imshow(data)?;
    fig.colorbar(im)?;
    Ok(fig)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: imshow-timing DATA_DIR ITERATIONS [JOB...]";
    let dir = std::path::PathBuf::from(args.next().ok_or(usage)?);
    let iterations: usize = args.next().ok_or(usage)?.parse()?;
    let jobs: Vec<String> = args.collect();
    let want = |j: &str| jobs.is_empty() || jobs.iter().any(|x| x == j);
    let mut r = Renderer::new();
    let mut wall = Vec::<(String, f64)>::new();
    for n in [256usize, 512, 1024, 2048, 4096] {
        let job = format!("imshow {n}");
        if want(&job) {
            let fig = figure(load_f64_npy(&dir.join(format!("rand{n}.npy")))?, 6.4, 4.8)?;
            let t = time_job(iterations, || {
                std::hint::black_box(r.render(&fig).expect("render").into_ndarray());
            });
            record(&mut wall, &job, t);
        }
        let job = format!("read {n}");
        if want(&job) {
            let a = load_f64_npy(&dir.join(format!("rand{n}.npy")))?;
            let input = a.as_slice().ok_or("the data is not contiguous")?;
            let t = threads();
            let t = time_job(iterations, || {
                std::hint::black_box(read_pass(input, t));
            });
            record(&mut wall, &job, t);
        }
    }
    if want("canvas 3840x2160 1024") || want("canvas_into 3840x2160 1024") {
        let fig = figure(load_f64_npy(&dir.join("rand1024.npy"))?, 38.4, 21.6)?;
        if want("canvas 3840x2160 1024") {
            let t = time_job(iterations, || {
                std::hint::black_box(r.render(&fig).expect("render").into_ndarray());
            });
            record(&mut wall, "canvas 3840x2160 1024", t);
        }
        if want("canvas_into 3840x2160 1024") {
            let mut frame = r.render(&fig)?;
            let t = time_job(iterations, || {
                r.render_into(&fig, &mut frame).expect("render");
                std::hint::black_box(frame.as_rgba8());
            });
            record(&mut wall, "canvas_into 3840x2160 1024", t);
        }
    }
    if want("paired 4096") {
        let a = load_f64_npy(&dir.join("rand4096.npy"))?;
        let cmap = Colormap::named("viridis")?;
        let norm = Norm::linear();
        let input = a.as_slice().ok_or("rand4096.npy is not contiguous")?;
        let t = threads();
        let cm = || {
            let t0 = Instant::now();
            std::hint::black_box(colormap_rgba8(&a, &norm, &cmap).expect("colormap"));
            t0.elapsed().as_secs_f64() * 1e3
        };
        let fl = || {
            let t0 = Instant::now();
            let mut out = vec![0u32; input.len()];
            floor_pass(input, &mut out, t);
            std::hint::black_box(out);
            t0.elapsed().as_secs_f64() * 1e3
        };
        cm();
        fl();
        let (mut c, mut f) = (Vec::new(), Vec::new());
        let start = Instant::now();
        while c.len() < iterations || start.elapsed().as_secs_f64() < 2.0 * MIN_BATCH_S {
            if c.len() % 2 == 0 {
                c.push(cm());
                f.push(fl());
            } else {
                f.push(fl());
                c.push(cm());
            }
        }
        let mut ratios: Vec<f64> = c.iter().zip(&f).map(|(x, y)| x / y).collect();
        ratios.sort_by(f64::total_cmp);
        let best = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
        wall.push(("paired colormap 4096".into(), best(&c)));
        wall.push(("paired floor 4096".into(), best(&f)));
        wall.push(("paired ratio 4096".into(), ratios[ratios.len() / 2]));
        wall.push(("paired pairs 4096".into(), c.len() as f64));
    }
    if [
        "colormap 4096",
        "floor 4096",
        "colormap_into 4096",
        "floor_into 4096",
    ]
    .iter()
    .any(|j| want(j))
    {
        let a = load_f64_npy(&dir.join("rand4096.npy"))?;
        let cmap = Colormap::named("viridis")?;
        let norm = Norm::linear();
        let input = a.as_slice().ok_or("rand4096.npy is not contiguous")?;
        let t = threads();
        let mut buf = vec![0u8; a.len() * 4];
        let mut words = vec![0u32; a.len()];
        let list: [(&str, Job<'_>); 4] = [
            (
                "colormap 4096",
                Box::new(|| {
                    std::hint::black_box(colormap_rgba8(&a, &norm, &cmap).expect("colormap"));
                }),
            ),
            (
                "floor 4096",
                Box::new(|| {
                    let mut out = vec![0u32; input.len()];
                    floor_pass(input, &mut out, t);
                    std::hint::black_box(out);
                }),
            ),
            (
                "colormap_into 4096",
                Box::new(|| {
                    colormap_rgba8_into_slice(&a, &norm, &cmap, &mut buf).expect("colormap");
                    std::hint::black_box(&buf);
                }),
            ),
            (
                "floor_into 4096",
                Box::new(|| {
                    floor_pass(input, &mut words, t);
                    std::hint::black_box(&words);
                }),
            ),
        ];
        for (name, mut job) in list {
            if want(name) {
                let t = time_job(iterations, &mut job);
                record(&mut wall, name, t);
            }
        }
    }
    if want("png 512") {
        let fig = figure(load_f64_npy(&dir.join("rand512.npy"))?, 6.4, 4.8)?;
        let t = time_job(iterations, || {
            std::hint::black_box(r.render(&fig).expect("render").to_png().expect("png"));
        });
        record(&mut wall, "png 512", t);
        let bytes = r.render(&fig)?.to_png()?.len();
        wall.push(("png_bytes 512".into(), bytes as f64));
        let smooth = figure(load_f64_npy(&dir.join("smooth2048.npy"))?, 6.4, 4.8)?;
        let bytes = r.render(&smooth)?.to_png()?.len();
        wall.push(("png_bytes smooth".into(), bytes as f64));
    }
    let body: Vec<String> = wall.iter().map(|(k, v)| format!("\"{k}\": {v}")).collect();
    println!("{{{}}}", body.join(", "));
    Ok(())
}
