//! The README's gallery: nine figures drawn by figbuf into docs/gallery/*.png.
//!
//! Run: `cargo run --release --example gallery` (rewrites the committed images; each is
//! what matplotlib 3.11.2 draws for the same calls, which docs/gallery/README.md shows for
//! the first one beside matplotlib's own PNG).
//!
//! Every figure is the matplotlib script in its doc comment, with figbuf's names.

use figbuf::{
    Array2D, ArrowStyle, AxisScale, BarOptions, Colormap, ContourOptions, ErrorSize,
    ErrorbarOptions, Figure, FillBetweenOptions, GridOptions, ImshowOptions, LegendOptions, Levels,
    LineStyle, MarkEvery, MeshCoords, PcolormeshOptions, PlotOptions, ScatterColor, ScatterOptions,
    Shading, SpanOptions, SubplotsOptions, TextOptions,
};
use ndarray::Array2;

#[path = "data/p02_data.rs"]
mod p02_data;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// A function drawing one gallery figure.
type MakeFigure = fn() -> Result<Figure>;

/// A deterministic uniform generator on [0, 1) (xorshift64).
struct Uniform(u64);

impl Uniform {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn linspace(a: f64, b: f64, n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| a + (b - a) * i as f64 / (n - 1) as f64)
        .collect()
}

/// matplotlib's plot case p02_lines_cycle_legend, from its data:
/// `plot(t, sin)`, `plot(t, cos, "--")`, `plot(t, 0.5 sin 2t, "-.")`,
/// `plot(t, 0.3 cos 3t, ":", lw=2.5)`, labels, title, `legend()` (loc 'best').
fn lines_legend() -> Result<Figure> {
    use p02_data::{X, Y0, Y1, Y2, Y3};
    let mut fig = Figure::default();
    let ax = fig.add_subplot();
    let a = &mut fig[ax];
    a.plot_with(X, Y0, PlotOptions::default().label("sin"))?;
    a.plot_with(X, Y1, PlotOptions::default().fmt("--").label("cos"))?;
    a.plot_with(X, Y2, PlotOptions::default().fmt("-.").label("sin 2t"))?;
    a.plot_with(
        X,
        Y3,
        PlotOptions::default().fmt(":").lw(2.5).label("cos 3t"),
    )?;
    a.set_title("Trigonometry")
        .set_xlabel("t (rad)")
        .set_ylabel("amplitude");
    a.legend(LegendOptions::default())?;
    Ok(fig)
}

/// Markers: `'o-'`, open squares, `'^--'`, `'x'`, and diamonds every 7th point of a curve,
/// with a two-column legend.
fn markers() -> Result<Figure> {
    let x: Vec<f64> = (0..8).map(f64::from).collect();
    let curve = |k: f64| x.iter().map(|v| k + 0.3 * v).collect::<Vec<_>>();
    let mut fig = Figure::default();
    let ax = fig.add_subplot();
    let a = &mut fig[ax];
    a.plot_with(&x, curve(0.0), PlotOptions::default().fmt("o-").label("o"))?;
    a.plot_with(
        &x,
        curve(1.0),
        PlotOptions::default()
            .marker("s")
            .ms(9.0)
            .mfc("white")
            .mec("C1")
            .mew(2.0)
            .ls(LineStyle::None)
            .label("s"),
    )?;
    a.plot_with(
        &x,
        curve(2.0),
        PlotOptions::default()
            .fmt("^--")
            .color("tab:green")
            .markersize(4.0)
            .label("^"),
    )?;
    a.plot_with(
        &x,
        curve(3.0),
        PlotOptions::default().fmt("x").color("k").label("x"),
    )?;
    let t = linspace(0.0, 7.0, 50);
    let wave: Vec<f64> = t.iter().map(|v| 5.0 + 0.8 * (1.3 * v).sin()).collect();
    a.plot_with(
        &t,
        &wave,
        PlotOptions::default()
            .fmt("D-")
            .markevery(MarkEvery::Every(7))
            .color("purple")
            .label("D"),
    )?;
    a.set_title("Markers");
    a.legend(LegendOptions::default().loc("upper left").ncols(2))?;
    Ok(fig)
}

/// `scatter(x, y, c=x*y, s=sizes, cmap='plasma', alpha=0.7)` and a colorbar on it.
fn scatter_colorbar() -> Result<Figure> {
    let mut u = Uniform(0x2545_F491_4F6C_DD1D);
    let n = 150;
    let x: Vec<f64> = (0..n).map(|_| u.next() * 4.0 - 2.0).collect();
    let y: Vec<f64> = (0..n).map(|_| u.next() * 4.0 - 2.0).collect();
    let c: Vec<f64> = x.iter().zip(&y).map(|(a, b)| a * b).collect();
    let s: Vec<f64> = (0..n).map(|_| 10.0 + 190.0 * u.next()).collect();
    let mut fig = Figure::default();
    let ax = fig.add_subplot();
    let h = fig[ax].scatter(
        &x,
        &y,
        ScatterOptions::default()
            .c(ScatterColor::Values(c))
            .sizes(s)
            .cmap(Colormap::named("plasma")?)
            .alpha(0.7),
    )?;
    fig[ax].set_xlabel("x").set_ylabel("y").set_title("Scatter");
    fig.colorbar(h)?.set_label("x*y");
    Ok(fig)
}

/// A log y axis over five decades with a grid: `semilogy(x, 10**x)`, `semilogy(x, e**x)`,
/// `grid(True)`, `legend(loc='lower right')`.
fn log_grid() -> Result<Figure> {
    let x = linspace(0.0, 5.0, 60);
    let ten: Vec<f64> = x.iter().map(|v| 10f64.powf(*v)).collect();
    let e: Vec<f64> = x.iter().map(|v| v.exp()).collect();
    let mut fig = Figure::default();
    let ax = fig.add_subplot();
    let a = &mut fig[ax];
    a.plot_with(&x, &ten, PlotOptions::default().label("10^x"))?;
    a.plot_with(&x, &e, PlotOptions::default().label("e^x"))?;
    a.set_yscale(AxisScale::LOG10);
    a.grid(GridOptions::default())?;
    a.set_title("Log axis").set_xlabel("x");
    a.legend(LegendOptions::default().loc("lower right"))?;
    Ok(fig)
}

/// A damped oscillation with reference lines, a shaded span, text and an annotation.
fn annotated() -> Result<Figure> {
    let x = linspace(0.0, 10.0, 200);
    let y: Vec<f64> = x
        .iter()
        .map(|v| (-v / 3.0).exp() * (1.1 * v).sin())
        .collect();
    let mut fig = Figure::default();
    let ax = fig.add_subplot();
    let a = &mut fig[ax];
    a.plot(&x, &y)?;
    a.axhline(0.0, SpanOptions::default().color("gray").lw(0.8))?;
    a.axvline(
        3.5,
        SpanOptions::default().color("red").ls(LineStyle::Dashed),
    )?;
    a.axvspan(6.0, 8.0, SpanOptions::default().color("yellow").alpha(0.3))?;
    a.text(
        6.2,
        0.6,
        "damped",
        TextOptions::default().fontsize(14.0).color("navy"),
    )?;
    a.annotate(
        "first peak",
        (1.15, 0.66),
        Some((3.8, 0.85)),
        Some(ArrowStyle::Open),
        TextOptions::default(),
    )?;
    a.set_xlim(Some(0.0), Some(9.0))?;
    a.set_ylim(Some(-0.6), Some(1.0))?;
    a.set_title("Annotations");
    Ok(fig)
}

/// `imshow(field, cmap='gray')` with a line with markers and star markers drawn over it,
/// and a colorbar.
fn imshow_overlay() -> Result<Figure> {
    let field = Array2::from_shape_fn((60, 80), |(r, c)| {
        let (x, y) = (c as f64 / 10.0, r as f64 / 10.0);
        (x.sin() * y.cos() + 0.3 * (0.5 * x * y).sin()).tanh()
    });
    let mut fig = Figure::default();
    let ax = fig.add_subplot();
    // ImshowOptions has no chained setters yet (its fields are public): assign the field.
    #[allow(clippy::field_reassign_with_default)]
    let opts = {
        let mut o = ImshowOptions::default();
        o.cmap = Some(Colormap::named("gray")?);
        o
    };
    let im = fig[ax].imshow_with(&field, opts)?;
    fig[ax].plot_with(
        [5.0, 30.0, 70.0],
        [10.0, 40.0, 20.0],
        PlotOptions::default().fmt("r-o"),
    )?;
    fig[ax].scatter(
        [20.0, 60.0],
        [50.0, 8.0],
        ScatterOptions::default().s(200.0).color("cyan").marker("*"),
    )?;
    fig[ax].set_title("imshow with an overlay");
    fig.colorbar(im)?;
    Ok(fig)
}

/// Mathtext in every label, a band and error bars:
/// `fill_between(x, y - 0.2, y + 0.2, alpha=0.3, label=r"$\pm 1\sigma$")`,
/// `plot(x, y, label=r"$\sin(\omega t)\,e^{-t/\tau}$")`,
/// `errorbar(x[::6], y[::6], yerr=0.2, fmt="o", capsize=3, color="k", label="measured")`.
fn math_fill() -> Result<Figure> {
    let x = linspace(0.0, 4.0, 60);
    let y: Vec<f64> = x
        .iter()
        .map(|v| (1.5 * v).sin() * (-v / 4.0).exp())
        .collect();
    let lo: Vec<f64> = y.iter().map(|v| v - 0.2).collect();
    let hi: Vec<f64> = y.iter().map(|v| v + 0.2).collect();
    let xe: Vec<f64> = x.iter().step_by(6).copied().collect();
    let ye: Vec<f64> = y.iter().step_by(6).copied().collect();
    let mut fig = Figure::default();
    let ax = fig.add_subplot();
    let a = &mut fig[ax];
    a.fill_between(
        &x,
        &lo,
        FillBetweenOptions::default()
            .y2(hi)
            .alpha(0.3)
            .label(r"$\pm 1\sigma$"),
    )?;
    a.plot_with(
        &x,
        &y,
        PlotOptions::default().label(r"$\sin(\omega t)\,e^{-t/\tau}$"),
    )?;
    a.errorbar(
        &xe,
        &ye,
        ErrorbarOptions::default()
            .yerr(ErrorSize::Scalar(0.2))
            .fmt("o")
            .capsize(3.0)
            .color("k")
            .label("measured"),
    )?;
    a.set_title(r"$\alpha = 1.5$, $\tau = 4\,\mu$s")
        .set_xlabel(r"time $t$ [$\mu$s]")
        .set_ylabel(r"$\sqrt{I}$ (a.u.)");
    a.legend(LegendOptions::default())?;
    Ok(fig)
}

/// `pcolormesh(xs, ys, Z, cmap="RdBu_r", shading="auto")` with
/// `contour(xs, ys, Z, levels=8, colors="k", linewidths=0.8)` over it and a colorbar.
fn mesh_contour() -> Result<Figure> {
    let xs = linspace(-2.0, 2.0, 41);
    let ys = linspace(-1.5, 1.5, 31);
    let rows: Vec<Vec<f64>> = ys
        .iter()
        .map(|&y| {
            xs.iter()
                .map(|&x| {
                    (-(x * x) - y * y).exp()
                        - 0.5 * (-((x - 1.0) * (x - 1.0)) - (y - 0.5) * (y - 0.5)).exp()
                })
                .collect()
        })
        .collect();
    let z = Array2D::from_rows(&rows)?;
    let mut fig = Figure::default();
    let ax = fig.add_subplot();
    let m = fig[ax].pcolormesh(
        MeshCoords::D1(xs.clone()),
        MeshCoords::D1(ys.clone()),
        z.clone(),
        PcolormeshOptions::default()
            .cmap(Colormap::named("RdBu_r")?)
            .shading(Shading::Auto),
    )?;
    fig[ax].contour(
        Some((MeshCoords::D1(xs), MeshCoords::D1(ys))),
        z,
        ContourOptions::default()
            .levels(Levels::Count(8))
            .colors(vec!["k".to_string()])
            .linewidths(vec![0.8]),
    )?;
    fig[ax].set_title("pcolormesh and contour");
    fig.colorbar(m)?;
    Ok(fig)
}

/// Round-2 patches and meshes side by side (`fig, (a, b) = plt.subplots(1, 2)`):
/// `a.bar([0, 1, 2, 3], [3, 5, 2, 4], color="w", edgecolor="k", hatch=["//", "xx", "o", "\\\\"])`
/// and `b.pcolormesh(Z, shading="gouraud", cmap="viridis")` with a 5x6 grid `Z`.
fn hatch_gouraud() -> Result<Figure> {
    let mut fig = Figure::default();
    let axs = fig.subplots(1, 2, SubplotsOptions::default())?;
    let hatches = ["//", "xx", "o", "\\\\"].map(String::from).to_vec();
    fig[axs[0]].bar_with(
        &[0.0, 1.0, 2.0, 3.0],
        &[3.0, 5.0, 2.0, 4.0],
        BarOptions::default()
            .color(vec!["w".to_string()])
            .edgecolor(vec!["k".to_string()])
            .hatch(hatches),
    )?;
    fig[axs[0]].set_title("hatched bars");
    let rows: Vec<Vec<f64>> = (0..5)
        .map(|i| {
            (0..6)
                .map(|j| ((i as f64) * 0.9).sin() + ((j as f64) * 0.7).cos())
                .collect()
        })
        .collect();
    fig[axs[1]].pcolormesh_c(
        Array2D::from_rows(&rows)?,
        PcolormeshOptions::default()
            .cmap(Colormap::named("viridis")?)
            .shading(Shading::Gouraud),
    )?;
    fig[axs[1]].set_title("shading='gouraud'");
    Ok(fig)
}

fn main() -> Result<()> {
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/gallery");
    std::fs::create_dir_all(&out)?;
    let figures: [(&str, MakeFigure); 9] = [
        ("lines_legend", lines_legend),
        ("markers", markers),
        ("scatter_colorbar", scatter_colorbar),
        ("log_grid", log_grid),
        ("annotated", annotated),
        ("imshow_overlay", imshow_overlay),
        ("math_fill", math_fill),
        ("mesh_contour", mesh_contour),
        ("hatch_gouraud", hatch_gouraud),
    ];
    let mut renderer = figbuf::Renderer::new();
    for (name, make) in figures {
        let path = out.join(format!("{name}.png"));
        renderer.render(&make()?)?.save_png(&path)?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
