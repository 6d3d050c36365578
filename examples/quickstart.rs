//! imshow + colorbar -> PNG: matplotlib's default figure, in Rust.
//!
//! Run: `cargo run --release --example quickstart` (writes target/examples/quickstart.png)

use figbuf::{Colormap, Figure, ImshowOptions};
use ndarray::Array2;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // A smooth field with two bumps, 150 x 200.
    let data = Array2::from_shape_fn((150, 200), |(r, c)| {
        let (x, y) = (c as f64 / 200.0 * 6.0 - 3.0, r as f64 / 150.0 * 4.5 - 2.25);
        (-(x - 1.0).powi(2) - y * y).exp() - 0.7 * (-(x + 1.2).powi(2) - (y - 0.8).powi(2)).exp()
            + 0.05 * x
    });

    let mut fig = Figure::default(); // 6.4 x 4.8 in, 100 dpi -> 640 x 480 px
    let ax = fig.add_subplot();
    let im = fig[ax].imshow_with(
        &data,
        ImshowOptions::default().cmap(Colormap::named("plasma")?),
    )?;
    fig.colorbar(im)?.set_label("height");
    fig[ax]
        .set_title("Two bumps")
        .set_xlabel("x (pixels)")
        .set_ylabel("y (pixels)");

    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/examples");
    std::fs::create_dir_all(&out)?;
    let path = out.join("quickstart.png");
    fig.render()?.save_png(&path)?;
    println!("wrote {}", path.display());
    Ok(())
}
