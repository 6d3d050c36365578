//! `figbuf`: matplotlib's imshow + colorbar on the command line.
//!
//! Exit status: 0 on success; 2 for a usage error (the command line is wrong in itself:
//! a malformed or out-of-range option, an unknown colormap or colour, an unsupported output
//! extension, a canvas over the pixel limit); 1 for a runtime error (unreadable or
//! unsupported data, options that do not fit the data, I/O failures). Messages go to
//! stderr and start with `error:`. Output is written to a temporary file beside the target
//! and renamed into place only when complete, so a failure never leaves or clobbers a file.
#![deny(unsafe_code)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

#[allow(unsafe_code)] // the global allocator (cpu.rs documents why)
mod cpu;

use clap::{Args, Parser, Subcommand};
use figbuf::{
    Color, ColorbarOptions, Colormap, Extend, Figure, ImageData, ImshowOptions, Interpolation,
    Norm, NormKind, Orientation, Origin,
};
use std::path::PathBuf;

mod output;
use output::Format;
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "figbuf",
    version,
    about = "matplotlib's imshow + colorbar, pixel for pixel, without Python",
    after_help = "Exit status: 0 on success, 2 for usage errors, 1 for runtime errors (messages start with 'error:').\n\
                  Output is written to a temporary file and renamed into place only on success."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Render a figure (image, axes, ticks, colorbar) like matplotlib's imshow + savefig.
    /// DATA is a .npy of 2-D numbers (colour-mapped) or an (H, W, 3) RGB / (H, W, 4) RGBA
    /// colour image (floats 0..1 or integers 0..255, drawn as it is).
    Imshow(Box<ImshowArgs>),
    /// Render a figure described as matplotlib calls (figure.json; see docs/figure-json.md).
    Render(RenderArgs),
    /// Colour-map data without a figure: matplotlib's cmap(norm(data), bytes=True).
    /// DATA is a .npy of 2-D numbers (colour images are refused); the output is its
    /// (H, W, 4) uint8 RGBA array, as .npy or .png.
    Colormap(Box<ColormapArgs>),
    /// List every colormap name, one a line; with --swatch, also write a PNG of them all.
    Colormaps(ColormapsArgs),
}

/// `figbuf colormaps`.
#[derive(Args, Debug)]
struct ColormapsArgs {
    /// Also write a .png swatch: one 256 x 12 px gradient row a colormap, top to bottom in
    /// the order of the list.
    #[arg(long, value_name = "OUT.png")]
    swatch: Option<PathBuf>,
}

/// Options shared by both commands: the output and the colour mapping.
#[derive(Args, Debug)]
struct MapArgs {
    /// Output file: .png, or .npy for the (H, W, 4) uint8 array; - for standard output.
    #[arg(short = 'o', long = "output", allow_hyphen_values = true)]
    output: PathBuf,
    /// Encoding of -o - (standard output): png (the default) or npy.
    #[arg(long, value_enum)]
    format: Option<output::Format>,
    /// Colormap name: any of matplotlib's 182, '_r' reversed included (list them with
    /// `figbuf colormaps`) [default: viridis].
    #[arg(long, allow_hyphen_values = true)]
    cmap: Option<String>,
    /// Norm: linear, log, symlog:T, power:G, centered, twoslope:C [default: linear].
    #[arg(long, allow_hyphen_values = true, value_parser = parse_from_str::<Norm>)]
    norm: Option<Norm>,
    /// Lower limit of the norm.
    #[arg(long, allow_hyphen_values = true, value_parser = parse_limit)]
    vmin: Option<f64>,
    /// Upper limit of the norm.
    #[arg(long, allow_hyphen_values = true, value_parser = parse_limit)]
    vmax: Option<f64>,
    /// Colour for NaN (bad) values: a matplotlib colour ('red', '#ff000080', '0.5', 'C1', 'none').
    #[arg(long, allow_hyphen_values = true, value_parser = parse_from_str::<Color>)]
    bad: Option<Color>,
    /// Colour for values above vmax.
    #[arg(long, allow_hyphen_values = true, value_parser = parse_from_str::<Color>)]
    over: Option<Color>,
    /// Colour for values below vmin.
    #[arg(long, allow_hyphen_values = true, value_parser = parse_from_str::<Color>)]
    under: Option<Color>,
}

#[derive(Args, Debug)]
struct ColormapArgs {
    /// Input .npy: a 2-D array of numbers (float16/32/64, int8..64, uint8..64, bool).
    data: PathBuf,
    #[command(flatten)]
    map: MapArgs,
}

#[derive(Args, Debug)]
struct ImshowArgs {
    /// Input .npy: a 2-D array of numbers (colour-mapped), or an (H, W, 3) RGB / (H, W, 4)
    /// RGBA colour image of floats in 0..1 or integers 0..255 (drawn as it is).
    data: PathBuf,
    #[command(flatten)]
    map: MapArgs,
    /// Resampling: auto, antialiased, nearest, bilinear, bicubic, hanning, ...
    #[arg(long, value_parser = parse_from_str::<Interpolation>)]
    interpolation: Option<Interpolation>,
    /// Where row 0 goes: upper or lower.
    #[arg(long, value_parser = parse_from_str::<Origin>)]
    origin: Option<Origin>,
    /// Data extent: left,right,bottom,top.
    #[arg(long, allow_hyphen_values = true, value_parser = parse_extent)]
    extent: Option<[f64; 4]>,
    /// Axes aspect: equal, auto or a number.
    #[arg(long, allow_hyphen_values = true, value_parser = parse_from_str::<figbuf::Aspect>)]
    aspect: Option<figbuf::Aspect>,
    /// Add a colorbar: vertical or horizontal.
    #[arg(long, value_parser = parse_from_str::<Orientation>)]
    colorbar: Option<Orientation>,
    /// Colorbar extend triangles: neither, min, max, both.
    #[arg(long, value_parser = parse_from_str::<Extend>, requires = "colorbar")]
    extend: Option<Extend>,
    /// Colorbar label.
    #[arg(long = "cbar-label", allow_hyphen_values = true, requires = "colorbar")]
    cbar_label: Option<String>,
    /// Axes title.
    #[arg(long, allow_hyphen_values = true)]
    title: Option<String>,
    /// x axis label.
    #[arg(long, allow_hyphen_values = true)]
    xlabel: Option<String>,
    /// y axis label.
    #[arg(long, allow_hyphen_values = true)]
    ylabel: Option<String>,
    /// Figure size in inches: W,H.
    #[arg(long, allow_hyphen_values = true, value_parser = parse_figsize)]
    figsize: Option<[f64; 2]>,
    /// Dots per inch.
    #[arg(long, allow_hyphen_values = true, value_parser = parse_dpi)]
    dpi: Option<f64>,
    /// Refuse canvases of more than this many pixels (int(W*dpi) * int(H*dpi)), checked
    /// before anything is allocated or read [default: 100000000, figbuf::DEFAULT_MAX_PIXELS].
    #[arg(long = "max-pixels", value_parser = parse_max_pixels)]
    max_pixels: Option<u64>,
    /// Hide spines, ticks and labels of the image Axes.
    #[arg(long = "axis-off")]
    axis_off: bool,
    /// Let the Axes fill the figure (subplots_adjust(0, 0, 1, 1)).
    #[arg(long)]
    fill: bool,
    /// Transparent figure and Axes backgrounds.
    #[arg(long)]
    transparent: bool,
}

fn parse_from_str<T: std::str::FromStr<Err = figbuf::Error>>(s: &str) -> Result<T, String> {
    s.parse::<T>().map_err(|e| e.to_string())
}

fn parse_number(what: &str, s: &str) -> Result<f64, String> {
    s.trim()
        .parse::<f64>()
        .map_err(|_| format!("{what} must be a number, got {s:?}"))
}

/// `--vmin`/`--vmax`: any number, `nan` and `inf` included, as matplotlib takes them
/// (`vmin=nan` normalises everything to NaN; a colorbar's `nonsingular` turns non-finite
/// limits into (-0.1, 0.1)). Limits matplotlib refuses are refused when the figure is drawn.
fn parse_limit(s: &str) -> Result<f64, String> {
    parse_number("the value", s)
}

fn parse_dpi(s: &str) -> Result<f64, String> {
    let v = parse_number("--dpi", s)?;
    if v.is_finite() && v > 0.0 {
        Ok(v)
    } else {
        Err(format!("--dpi must be a positive number, got {s}"))
    }
}

fn parse_max_pixels(s: &str) -> Result<u64, String> {
    match s.trim().parse::<u64>() {
        Ok(v) if v > 0 => Ok(v),
        _ => Err(format!(
            "--max-pixels must be a positive whole number of pixels, got {s:?}"
        )),
    }
}

fn parse_list<const N: usize>(what: &str, s: &str) -> Result<[f64; N], String> {
    let parts: Vec<&str> = s.split(',').collect();
    if parts.len() != N {
        return Err(format!(
            "{what} takes {N} comma-separated numbers, got {s:?}"
        ));
    }
    let mut out = [0.0; N];
    for (o, p) in out.iter_mut().zip(parts) {
        *o = parse_number(what, p)?;
        if !o.is_finite() {
            return Err(format!("{what} takes finite numbers, got {s:?}"));
        }
    }
    Ok(out)
}

/// `--extent left,right,bottom,top`: four finite numbers. Equal edges are matplotlib's too:
/// it warns and widens the view limits (`nonsingular`), and the image is too thin to draw.
fn parse_extent(s: &str) -> Result<[f64; 4], String> {
    let e = parse_list::<4>("--extent", s)?;
    if !((e[1] - e[0]).is_finite() && (e[3] - e[2]).is_finite()) {
        return Err(format!(
            "--extent needs finite spans right - left and top - bottom (limits within about ±8.9e307), got {s:?}"
        ));
    }
    Ok(e)
}

fn parse_figsize(s: &str) -> Result<[f64; 2], String> {
    let v = parse_list::<2>("--figsize", s)?;
    if v.iter().all(|&x| x > 0.0) {
        Ok(v)
    } else {
        Err(format!(
            "--figsize takes two positive numbers of inches, got {s:?}"
        ))
    }
}

/// What went wrong, and which exit status it earns.
pub(crate) enum Failure {
    Usage(String),
    Runtime(String),
}

/// Errors from reading data, rendering and writing are runtime errors; option errors are
/// turned into usage errors explicitly with [`usage`].
impl From<figbuf::Error> for Failure {
    fn from(e: figbuf::Error) -> Self {
        Failure::Runtime(e.to_string())
    }
}

fn usage(e: figbuf::Error) -> Failure {
    Failure::Usage(e.to_string())
}

/// Checks the norm limits given on the command line against each other, as matplotlib
/// does when it first normalises (`Normalize`: "minvalue must be less than or equal to
/// maxvalue"; `LogNorm`: "Invalid vmin or vmax").
fn check_limits(map: &MapArgs) -> Result<(), Failure> {
    if let (Some(lo), Some(hi)) = (map.vmin, map.vmax) {
        if lo > hi {
            return Err(Failure::Usage(format!(
                "--vmin must be less than or equal to --vmax, got --vmin {lo} and --vmax {hi}"
            )));
        }
    }
    if matches!(map.norm.as_ref().map(|n| n.kind()), Some(NormKind::Log)) {
        for (what, v) in [("--vmin", map.vmin), ("--vmax", map.vmax)] {
            if let Some(v) = v.filter(|&v| v <= 0.0) {
                return Err(Failure::Usage(format!(
                    "{what} must be positive with --norm log, got {v}"
                )));
            }
        }
    }
    // TwoSlopeNorm's ascending order (and anything else matplotlib refuses up front).
    norm_of(map)
        .check_limits()
        .map_err(|e| Failure::Usage(format!("{e} (from --norm, --vmin and --vmax)")))
}

fn colormap_of(map: &MapArgs) -> Result<Colormap, Failure> {
    let cmap = Colormap::named(map.cmap.as_deref().unwrap_or("viridis")).map_err(usage)?;
    Ok(cmap.with_extremes(map.bad, map.under, map.over))
}

fn norm_of(map: &MapArgs) -> Norm {
    map.norm
        .clone()
        .unwrap_or_default()
        .with_vmin(map.vmin)
        .with_vmax(map.vmax)
}

fn run_colormap(args: &ColormapArgs) -> Result<(), Failure> {
    let (target, kind) = output::target(&args.map.output, args.map.format)?;
    let cmap = colormap_of(&args.map)?;
    check_limits(&args.map)?;
    let norm = norm_of(&args.map);
    let data = cpu::map_npy(&args.data)?;
    hold_after_read();
    let scalar = data.as_scalar().ok_or_else(|| {
        let (h, w) = data.shape();
        let c = data.channels().unwrap_or(0);
        Failure::Runtime(format!(
            "{}: colormap needs a 2-D array of numbers, got a ({h}, {w}, {c}) colour image",
            args.data.display()
        ))
    })?;
    data.check_norm(&norm)?;
    if kind == Format::Npy {
        if let Some(written) = colormap_npy_in_blocks(&target, &scalar, &norm, &cmap) {
            leave_to_exit(data);
            return written;
        }
    }
    let rgba = figbuf::colormap_rgba8(&scalar, &norm, &cmap)?;
    leave_to_exit(data);
    let bytes = match kind {
        Format::Npy => {
            let written = output::write_npy(&target, &rgba);
            leave_to_exit(rgba);
            return written;
        }
        Format::Png => {
            let (h, w, _) = rgba.dim();
            if h == 0 || w == 0 {
                return Err(Failure::Runtime(format!(
                    "{}: cannot write a PNG of an empty ({h}, {w}) array; expected at least one row and one column (write an empty array to a .npy output instead)",
                    args.data.display()
                )));
            }
            let frame = figbuf::Frame::from_rgba8(w, h, 100.0, rgba.into_raw_vec_and_offset().0)?;
            let png = frame.to_png()?;
            leave_to_exit(frame);
            png
        }
    };
    output::write(&target, &bytes)
}

/// Values a block of [`colormap_npy_in_blocks`] maps at least: the library's large-data
/// route (parallel, byte permutes) takes blocks from this size.
const BLOCK_VALUES: usize = 1 << 20;

/// `colormap` of large unmasked data to `.npy`, a block of rows at a time through one
/// reused buffer: the limits are autoscaled from the whole array first, then each block is
/// mapped with them (the colours of a value depend only on the value and the limits) and
/// written while it is still in the cache. A 2048² input's 16 MB output was a fresh
/// array (page faults, zeroing) whose write then copied it back from memory. `None` when
/// this does not apply (small or masked data, limits that stay unset).
fn colormap_npy_in_blocks(
    target: &output::Target,
    scalar: &figbuf::ScalarData<'_>,
    norm: &Norm,
    cmap: &Colormap,
) -> Option<Result<(), Failure>> {
    let (h, w) = scalar.shape();
    if scalar.mask().is_some() || w == 0 || h.saturating_mul(w) < 2 * BLOCK_VALUES {
        return None;
    }
    if let Err(e) = norm.check_limits() {
        return Some(Err(e.into()));
    }
    let scaled = scalar.autoscaled(norm);
    if !scaled.scaled() {
        return None;
    }
    let rows = BLOCK_VALUES.div_ceil(w).min(h);
    let len = rows.saturating_mul(w).saturating_mul(4);
    let mut buf = Vec::new();
    if buf.try_reserve_exact(len).is_err() {
        return Some(Err(Failure::Runtime(format!(
            "cannot allocate {len} bytes for the colour-mapped pixels"
        ))));
    }
    buf.resize(len, 0u8);
    let written = output::write_streamed(target, |sink| {
        sink.put(&output::npy_header((h, w, 4)))?;
        for start in (0..h).step_by(rows) {
            let block = scalar.rows(start..start.saturating_add(rows));
            let n = block.shape().0 * w * 4;
            let out = buf.get_mut(..n).unwrap_or_default();
            figbuf::colormap_rgba8_into_slice(&block, &scaled, cmap, out)?;
            sink.put(out)?;
            if start == 0 {
                hold("FIGBUF_TEST_HOLD_AFTER_BLOCK_MS");
            }
        }
        Ok(())
    });
    leave_to_exit(buf);
    Some(written)
}

/// For the test of an input cut short while it is mapped only: wait this long after
/// reading the input (`FIGBUF_TEST_HOLD_AFTER_READ_MS`).
fn hold_after_read() {
    hold("FIGBUF_TEST_HOLD_AFTER_READ_MS");
}

/// For the tests of an input cut short only: waits as many milliseconds as the
/// environment variable `var` says (at most a minute).
fn hold(var: &str) {
    if let Some(ms) = std::env::var(var).ok().and_then(|v| v.parse::<u64>().ok()) {
        std::thread::sleep(std::time::Duration::from_millis(ms.min(60_000)));
    }
}

/// Leaves `value`'s memory to the process's exit instead of freeing it: the CLI exits
/// right after its command, and the kernel takes back every page then anyway, so freeing
/// a large buffer first (an `munmap` with TLB shootdowns on the worker threads) would pay
/// for its pages twice.
fn leave_to_exit<T>(value: T) {
    std::mem::forget(value);
}

fn run_imshow(args: &ImshowArgs) -> Result<(), Failure> {
    let (target, kind) = output::target(&args.map.output, args.map.format)?;
    let cmap = colormap_of(&args.map)?;
    check_limits(&args.map)?;
    let norm = norm_of(&args.map);
    let [w, h] = args.figsize.unwrap_or([6.4, 4.8]);
    let mut fig = Figure::new(w, h, args.dpi.unwrap_or(100.0));
    fig.set_max_pixels(args.max_pixels.unwrap_or(figbuf::DEFAULT_MAX_PIXELS));
    // The canvas size is checked before the data is read or anything allocated.
    fig.size_px().map_err(usage)?;
    if args.fill {
        fig.subplots_adjust(0.0, 0.0, 1.0, 1.0).map_err(usage)?;
    }
    let data: ImageData = cpu::map_npy(&args.data)?;
    hold_after_read();
    let ax = fig.add_subplot();
    let mut opts = ImshowOptions::default()
        .cmap(cmap)
        .norm(norm)
        .interpolation(args.interpolation.unwrap_or_default())
        .origin(args.origin.unwrap_or_default())
        .aspect(args.aspect.unwrap_or_default());
    opts.extent = args.extent;
    let im = fig[ax].imshow_with(data, opts)?;
    if let Some(orientation) = args.colorbar {
        let mut options = ColorbarOptions::default()
            .orientation(orientation)
            .extend(args.extend.unwrap_or_default());
        options.label = args.cbar_label.clone();
        fig.colorbar_with(im, options)?;
    }
    if let Some(t) = &args.title {
        fig[ax].set_title(t.clone());
    }
    if let Some(t) = &args.xlabel {
        fig[ax].set_xlabel(t.clone());
    }
    if let Some(t) = &args.ylabel {
        fig[ax].set_ylabel(t.clone());
    }
    if args.axis_off {
        fig[ax].set_axis_off();
    }
    if args.transparent {
        fig.set_facecolor(Color::TRANSPARENT);
        fig[ax].set_facecolor(Color::TRANSPARENT);
        fig.style_mut().axes_facecolor = Color::TRANSPARENT;
    }
    let frame = fig.render()?;
    leave_to_exit(fig);
    let bytes = match kind {
        Format::Png => frame.to_png()?,
        Format::Npy => {
            let array = frame.into_ndarray();
            let written = output::write_npy(&target, &array);
            leave_to_exit(array);
            return written;
        }
    };
    leave_to_exit(frame);
    output::write(&target, &bytes)
}

#[derive(Args, Debug)]
struct RenderArgs {
    /// The figure description (figure.json).
    figure: PathBuf,
    /// Output file: .png, or .npy for the (H, W, 4) uint8 array; - for standard output.
    #[arg(short, long, allow_hyphen_values = true)]
    output: PathBuf,
    /// Encoding of -o - (standard output): png (the default) or npy.
    #[arg(long, value_enum)]
    format: Option<output::Format>,
}

fn run_render(args: &RenderArgs) -> Result<(), Failure> {
    let (target, kind) = output::target(&args.output, args.format)?;
    let fig = figbuf_cli::build(&args.figure).map_err(|e| Failure::Runtime(e.0))?;
    let frame = fig.render()?;
    let bytes = match kind {
        Format::Png => frame.to_png()?,
        Format::Npy => return output::write_npy(&target, &frame.into_ndarray()),
    };
    output::write(&target, &bytes)
}

/// Width and height in pixels of one colormap's row in the swatch.
const SWATCH_ROW: (usize, usize) = (256, 12);

fn run_colormaps(args: &ColormapsArgs) -> Result<(), Failure> {
    let names: Vec<&str> = figbuf::colormap_names().collect();
    if let Some(path) = &args.swatch {
        let (target, kind) = output::target(path, None)?;
        if kind != Format::Png {
            return Err(Failure::Usage(format!(
                "--swatch must name a .png file, got {:?}",
                path.display().to_string()
            )));
        }
        let (w, h) = SWATCH_ROW;
        // One row of `w` values 0..1 per colormap, repeated `h` times: the LUT gradient.
        let ramp = ndarray::Array2::from_shape_fn((h, w), |(_, c)| c as f64 / (w - 1) as f64);
        let norm = Norm::linear().with_limits(Some(0.0), Some(1.0));
        let mut pixels = Vec::with_capacity(names.len() * w * h * 4);
        for name in &names {
            let rgba = figbuf::colormap_rgba8(&ramp, &norm, &Colormap::named(name)?)?;
            pixels.extend(rgba.iter());
        }
        let frame = figbuf::Frame::from_rgba8(w, h * names.len(), 100.0, pixels)?;
        output::write(&target, &frame.to_png()?)?;
    }
    let mut out = String::with_capacity(names.len() * 12);
    for name in &names {
        out.push_str(name);
        out.push('\n');
    }
    use std::io::Write;
    std::io::stdout()
        .lock()
        .write_all(out.as_bytes())
        .map_err(|e| Failure::Runtime(format!("writing the list: {e}")))
}

/// The system allocator with a reserve for the error path (see `cpu.rs`).
#[global_allocator]
static ALLOCATOR: cpu::WithReserve = cpu::WithReserve;

fn main() -> ExitCode {
    cpu::make_reserve();
    cpu::tune_allocator();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    output::install_signal_cleanup();
    let run = || match &cli.command {
        Command::Imshow(a) => run_imshow(a),
        Command::Colormap(a) => run_colormap(a),
        Command::Render(a) => run_render(a),
        Command::Colormaps(a) => run_colormaps(a),
    };
    // rayon starts its threads lazily and panics when it cannot (under a memory or process
    // ulimit): start them here, and when they do not start, work on this thread alone.
    let result = match rayon::ThreadPoolBuilder::new().build_global() {
        Ok(()) => run(),
        Err(_) => match rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .use_current_thread()
            .build()
        {
            Ok(pool) => pool.install(run),
            Err(e) => Err(Failure::Runtime(format!("cannot start a thread: {e}"))),
        },
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(m)) => {
            eprintln!("error: {m}");
            ExitCode::from(2)
        }
        Err(Failure::Runtime(m)) => {
            eprintln!("error: {m}");
            ExitCode::from(1)
        }
    }
}
