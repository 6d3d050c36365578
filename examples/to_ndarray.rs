//! "How do I turn pyplot.imshow() into a numpy array?" -- in Rust: render the figure and
//! read its pixels as an (H, W, 4) uint8 array, like `np.asarray(fig.canvas.buffer_rgba())`.
//! Also the figure-free answer, `cmap(norm(data), bytes=True)`.
//!
//! Run: `cargo run --release --example to_ndarray`

use figbuf::{colormap_rgba8, Colormap, Figure, Norm};
use ndarray::{s, Array2};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let data = Array2::from_shape_fn((64, 96), |(r, c)| {
        (r as f64 * 0.2).sin() + (c as f64 * 0.1).cos()
    });

    // 1. The whole figure: axes, ticks, labels, colorbar.
    let mut fig = Figure::default();
    let ax = fig.add_subplot();
    let im = fig[ax].imshow(&data)?;
    fig.colorbar(im)?;
    let pixels = fig.render()?.into_ndarray(); // no copy
    println!("figure array: shape {:?}", pixels.dim());
    println!(
        "top-left pixel (figure background): {:?}",
        pixels.slice(s![0, 0, ..]).to_vec()
    );
    let centre = pixels.slice(s![240, 290, ..]).to_vec();
    println!("a pixel inside the image: {centre:?}");

    // 2. No figure: one RGBA pixel per data value.
    let rgba = colormap_rgba8(&data, &Norm::linear(), &Colormap::named("viridis")?)?;
    println!(
        "colour-mapped array: shape {:?}, first pixel {:?}",
        rgba.dim(),
        rgba.slice(s![0, 0, ..]).to_vec()
    );

    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/examples");
    std::fs::create_dir_all(&out)?;
    let (h, w, _) = pixels.dim();
    figbuf::Frame::from_rgba8(w, h, 100.0, pixels.into_raw_vec_and_offset().0)?
        .save_png(out.join("to_ndarray.png"))?;
    println!("wrote {}", out.join("to_ndarray.png").display());
    Ok(())
}
