//! The image filling the whole figure, axis off: `subplots_adjust(0, 0, 1, 1)` +
//! `ax.axis('off')`, with one output pixel per data pixel (a 256 x 192 array on a
//! 2.56 x 1.92 in figure at 100 dpi). This is plain colour mapping through the figure path.
//!
//! Run: `cargo run --release --example fill`

use figbuf::{Colormap, Figure, ImshowOptions};
use ndarray::Array2;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let data = Array2::from_shape_fn((192, 256), |(r, c)| {
        ((r as f64 / 24.0).sin() * (c as f64 / 32.0).cos()).abs()
    });
    let mut fig = Figure::new(2.56, 1.92, 100.0);
    fig.subplots_adjust(0.0, 0.0, 1.0, 1.0)?;
    let ax = fig.add_subplot();
    fig[ax].imshow_with(
        &data,
        ImshowOptions::default().cmap(Colormap::named("inferno")?),
    )?;
    fig[ax].set_axis_off();
    let frame = fig.render()?;
    assert_eq!((frame.width(), frame.height()), (256, 192));

    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/examples");
    std::fs::create_dir_all(&out)?;
    frame.save_png(out.join("fill.png"))?;
    println!("wrote {}", out.join("fill.png").display());
    Ok(())
}
