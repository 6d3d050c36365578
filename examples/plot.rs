//! Line plots with figbuf: lines with markers, a legend and a log axis, as matplotlib draws
//! them — the same pixels as this script gives with matplotlib 3.11.2 (Agg):
//!
//! ```python
//! fig, ax = plt.subplots()                      # 6.4 x 4.8 in at 100 dpi
//! ax.plot(n, n**2, "o-", label="n²")
//! ax.plot(n, n**3, "s--", mfc="white", label="n³")
//! ax.plot(n, 2**n, "^:", color="tab:red", label="2ⁿ")
//! ax.set_yscale("log"); ax.grid(True, which="major")
//! ax.set_xlabel("n"); ax.set_ylabel("operations"); ax.set_title("Growth")
//! ax.legend(loc="upper left")
//! fig.savefig("plot.png")
//! ```
//!
//! Run: `cargo run --release --example plot` (writes target/examples/plot.png)

use figbuf::{AxisScale, Figure, GridOptions, LegendOptions, PlotOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: Vec<f64> = (1..=12).map(f64::from).collect();
    let squares: Vec<f64> = n.iter().map(|v| v * v).collect();
    let cubes: Vec<f64> = n.iter().map(|v| v * v * v).collect();
    let powers: Vec<f64> = n.iter().map(|v| 2f64.powf(*v)).collect();

    let mut fig = Figure::default(); // 640 x 480 px
    let ax = fig.add_subplot();
    // `fig[ax]` is the Axes; every plotting call takes matplotlib's keywords as chained
    // setters on an options value (unset ones keep matplotlib's defaults and rcParams).
    let a = &mut fig[ax];
    a.plot_with(&n, &squares, PlotOptions::default().fmt("o-").label("n²"))?;
    a.plot_with(
        &n,
        &cubes,
        PlotOptions::default().fmt("s--").mfc("white").label("n³"),
    )?;
    a.plot_with(
        &n,
        &powers,
        PlotOptions::default()
            .fmt("^:")
            .color("tab:red")
            .label("2ⁿ"),
    )?;
    a.set_yscale(AxisScale::LOG10);
    a.grid(GridOptions::default())?;
    a.set_xlabel("n")
        .set_ylabel("operations")
        .set_title("Growth");
    a.legend(LegendOptions::default().loc("upper left"))?;

    // Render once: the frame is the RGBA canvas (`buffer_rgba()`), as an ndarray or PNG.
    let frame = fig.render()?;
    let pixels = frame.to_ndarray(); // (480, 640, 4) u8
    assert_eq!(pixels.dim(), (480, 640, 4));
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/examples");
    std::fs::create_dir_all(&out)?;
    let path = out.join("plot.png");
    frame.save_png(&path)?;
    println!("wrote {}", path.display());
    Ok(())
}
