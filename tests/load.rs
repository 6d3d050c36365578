//! Load test (issue 18): 1,000 renders of random valid options in one process with one
//! reused `Renderer`; the resident memory must stay flat. Prints the RSS at the start and
//! the end (`cargo test --release --test load -- --nocapture`).

use figbuf::{
    Color, ColorbarOptions, Colormap, Figure, ImshowOptions, Interpolation, Norm, Orientation,
    Origin, Renderer,
};
use ndarray::Array2;

/// Resident set size in bytes (Linux; 0 elsewhere).
fn rss() -> u64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map_or(0, |pages| pages * 4096)
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn random_figure(rng: &mut Rng) -> Figure {
    let w = 1.0 + 3.0 * rng.unit();
    let h = 1.0 + 3.0 * rng.unit();
    let dpi = 40.0 + rng.below(100) as f64;
    let mut fig = Figure::new(w, h, dpi);
    let ax = fig.add_subplot();
    let (rows, cols) = (1 + rng.below(64) as usize, 1 + rng.below(64) as usize);
    let scale = 10f64.powi(rng.below(7) as i32 - 3);
    let data = Array2::from_shape_fn((rows, cols), |(r, c)| {
        scale * (0.1 + ((r * 7 + c * 3) % 17) as f64)
    });
    let names = [
        "viridis", "plasma", "gray", "RdBu", "tab10", "twilight", "jet",
    ];
    let cmap = Colormap::named(names[rng.below(names.len() as u64) as usize]).expect("cmap");
    let norm = match rng.below(6) {
        0 => Norm::linear(),
        1 => Norm::log(),
        2 => Norm::symlog(scale, 1.0, 10.0).expect("symlog"),
        3 => Norm::power(0.5 + rng.unit()),
        4 => Norm::centered(scale * 3.0, None),
        _ => Norm::two_slope(scale * 3.0),
    };
    let interpolations = Interpolation::ALL;
    let opts = ImshowOptions::default()
        .cmap(cmap)
        .norm(norm)
        .interpolation(interpolations[rng.below(interpolations.len() as u64) as usize])
        .origin(if rng.below(2) == 0 {
            Origin::Upper
        } else {
            Origin::Lower
        });
    let im = fig[ax].imshow_with(data, opts).expect("imshow");
    if rng.below(2) == 0 {
        let orientation = if rng.below(2) == 0 {
            Orientation::Vertical
        } else {
            Orientation::Horizontal
        };
        let options = ColorbarOptions::default().orientation(orientation);
        fig.colorbar_with(im, options).expect("colorbar");
    }
    if rng.below(2) == 0 {
        fig[ax].set_title(format!("render {}", rng.below(1000)));
    }
    if rng.below(4) == 0 {
        fig.set_facecolor(Color::TRANSPARENT);
    }
    fig
}

#[test]
fn a_thousand_renders_with_one_renderer_keep_memory_flat() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut renderer = Renderer::new();
    // Warm up: glyph caches, rayon's pool, the allocator's arenas.
    for _ in 0..100 {
        renderer.render(&random_figure(&mut rng)).expect("render");
    }
    let start = rss();
    let mut half = 0;
    for i in 0..1000 {
        let frame = renderer.render(&random_figure(&mut rng)).expect("render");
        assert!(frame.width() > 0);
        if i == 499 {
            half = rss();
        }
    }
    let end = rss();
    println!(
        "load test: RSS after warm-up {:.1} MB, after 500 renders {:.1} MB, after 1000 renders {:.1} MB",
        start as f64 / 1e6,
        half as f64 / 1e6,
        end as f64 / 1e6
    );
    // Flat: the allocator's high-water mark settles; a leak of even 16 KB a render would
    // add 8 MB over the second half.
    assert!(
        end <= start + 32_000_000,
        "RSS grew from {start} to {end} bytes over 1000 renders"
    );
    assert!(
        end <= half + 8_000_000,
        "RSS grew from {half} to {end} bytes over the last 500 renders"
    );
}
