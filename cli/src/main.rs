//! `figbuf`: matplotlib's imshow + colorbar on the command line.
//!
//! Exit status: 0 on success; 2 for a usage error (the command line is wrong in itself:
//! a malformed or out-of-range option, an unknown colormap or colour, an unsupported output
//! extension, a canvas over the pixel limit); 1 for a runtime error (unreadable or
//! unsupported data, options that do not fit the data, I/O failures). Messages go to
//! stderr and start with `error:`. Output is written to a temporary file beside the target
//! and renamed into place only when complete, so a failure never leaves or clobbers a file.
#![forbid(unsafe_code)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod figure_args;
mod figure_json;

use clap::{Args, Parser, Subcommand};
use figbuf::{
    Color, ColorbarOptions, Colormap, Extend, Figure, ImageData, ImshowOptions, Interpolation,
    Norm, Orientation, Origin,
};
use std::path::{Path, PathBuf};
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
    Imshow(Box<ImshowArgs>),
    /// Render a figure described as matplotlib calls (figure.json; see docs/figure-json.md).
    Render(RenderArgs),
    /// Colour-map data without a figure: matplotlib's cmap(norm(data), bytes=True).
    Colormap(Box<ColormapArgs>),
}

/// Options shared by both commands: the data, the output and the colour mapping.
#[derive(Args, Debug)]
struct MapArgs {
    /// Input array (.npy): 2-D numbers, or (H, W, 3|4) colours for imshow.
    data: PathBuf,
    /// Output file: .png, or .npy for the (H, W, 4) uint8 array.
    #[arg(short = 'o', long = "output")]
    output: PathBuf,
    /// Colormap name (any of matplotlib's 182).
    #[arg(long, allow_hyphen_values = true)]
    cmap: Option<String>,
    /// Norm: linear, log, symlog:T, power:G, centered, twoslope:C.
    #[arg(long, allow_hyphen_values = true, value_parser = parse_norm)]
    norm: Option<Norm>,
    /// Lower limit of the norm.
    #[arg(long, allow_hyphen_values = true, value_parser = parse_limit)]
    vmin: Option<f64>,
    /// Upper limit of the norm.
    #[arg(long, allow_hyphen_values = true, value_parser = parse_limit)]
    vmax: Option<f64>,
    /// Colour for NaN (bad) values.
    #[arg(long, allow_hyphen_values = true, value_parser = parse_color)]
    bad: Option<Color>,
    /// Colour for values above vmax.
    #[arg(long, allow_hyphen_values = true, value_parser = parse_color)]
    over: Option<Color>,
    /// Colour for values below vmin.
    #[arg(long, allow_hyphen_values = true, value_parser = parse_color)]
    under: Option<Color>,
}

#[derive(Args, Debug)]
struct ColormapArgs {
    #[command(flatten)]
    map: MapArgs,
}

#[derive(Args, Debug)]
struct ImshowArgs {
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
    parse_list::<4>("--extent", s)
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

fn parse_color(s: &str) -> Result<Color, String> {
    Color::parse(s).map_err(|e| e.to_string())
}

fn parse_norm(s: &str) -> Result<Norm, String> {
    let (kind, arg) = match s.split_once(':') {
        Some((k, a)) => (k, Some(a)),
        None => (s, None),
    };
    let num = |what: &str| -> Result<f64, String> {
        let a =
            arg.ok_or_else(|| format!("--norm {kind} needs a number: {kind}:{what}, got {s:?}"))?;
        let v = parse_number(&format!("the {what} of --norm {kind}"), a)?;
        if v.is_finite() {
            Ok(v)
        } else {
            Err(format!(
                "the {what} of --norm {kind} must be finite, got {a}"
            ))
        }
    };
    let no_arg = || match arg {
        Some(_) => Err(format!("--norm {kind} takes no parameter, got {s:?}")),
        None => Ok(()),
    };
    match kind {
        "linear" => no_arg().map(|_| Norm::linear()),
        "log" => no_arg().map(|_| Norm::log()),
        "centered" => no_arg().map(|_| Norm::centered(0.0, None)),
        "symlog" => Norm::symlog(num("linthresh")?, 1.0, 10.0).map_err(|e| e.to_string()),
        "power" => Ok(Norm::power(num("gamma")?)),
        "twoslope" => Ok(Norm::two_slope(num("vcenter")?)),
        _ => Err(format!(
            "--norm must be one of linear, log, symlog:T, power:G, centered, twoslope:C, got {s:?}"
        )),
    }
}

/// What went wrong, and which exit status it earns.
enum Failure {
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
    if matches!(
        map.norm.as_ref().map(|n| n.kind()),
        Some(figbuf::color::NormKind::Log)
    ) {
        for (what, v) in [("--vmin", map.vmin), ("--vmax", map.vmax)] {
            if let Some(v) = v.filter(|&v| v <= 0.0) {
                return Err(Failure::Usage(format!(
                    "{what} must be positive with --norm log, got {v}"
                )));
            }
        }
    }
    Ok(())
}

#[derive(Clone, Copy)]
enum OutputKind {
    Png,
    Npy,
}

fn output_kind(path: &Path) -> Result<OutputKind, Failure> {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .as_deref()
    {
        Some("png") => Ok(OutputKind::Png),
        Some("npy") => Ok(OutputKind::Npy),
        _ => Err(Failure::Usage(format!(
            "-o must name a .png or .npy file, got {:?}",
            path.display().to_string()
        ))),
    }
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

/// Writes `bytes` to a temporary file beside `path`, then renames it into place.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(Failure::Runtime(format!(
            "output directory {} does not exist",
            dir.display()
        )));
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.figbuf-{}.tmp", std::process::id()));
    let result = std::fs::write(&tmp, bytes).and_then(|_| std::fs::rename(&tmp, path));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Failure::Runtime(format!("{}: {e}", path.display())));
    }
    Ok(())
}

fn encode_npy(array: &ndarray::Array3<u8>) -> Result<Vec<u8>, Failure> {
    use ndarray_npy::WriteNpyExt;
    let mut out = Vec::new();
    array
        .write_npy(&mut out)
        .map_err(|e| Failure::Runtime(format!("writing .npy: {e}")))?;
    Ok(out)
}

fn run_colormap(args: &ColormapArgs) -> Result<(), Failure> {
    let kind = output_kind(&args.map.output)?;
    let cmap = colormap_of(&args.map)?;
    check_limits(&args.map)?;
    let norm = norm_of(&args.map);
    let data = figbuf::npy::read_image_data(&args.map.data)?;
    let scalar = data.as_scalar().ok_or_else(|| {
        let (h, w) = data.shape();
        Failure::Runtime(format!(
            "{}: colormap needs a 2-D array of numbers, got a ({h}, {w}, 3|4) colour image",
            args.map.data.display()
        ))
    })?;
    let rgba = figbuf::colormap_rgba8(&scalar, &norm, &cmap)?;
    let bytes = match kind {
        OutputKind::Npy => encode_npy(&rgba)?,
        OutputKind::Png => {
            let (h, w, _) = rgba.dim();
            if h == 0 || w == 0 {
                return Err(Failure::Runtime(format!(
                    "{}: cannot write a PNG of an empty ({h}, {w}) array; expected at least one row and one column (write an empty array to a .npy output instead)",
                    args.map.data.display()
                )));
            }
            let frame = figbuf::Frame::from_rgba8(w, h, 100.0, rgba.into_raw_vec_and_offset().0)?;
            frame.to_png()?
        }
    };
    write_atomically(&args.map.output, &bytes)
}

fn run_imshow(args: &ImshowArgs) -> Result<(), Failure> {
    let kind = output_kind(&args.map.output)?;
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
    let data: ImageData = figbuf::npy::read_image_data(&args.map.data)?;
    let ax = fig.add_subplot();
    let opts = ImshowOptions {
        cmap: Some(cmap),
        norm: Some(norm),
        interpolation: args.interpolation.unwrap_or_default(),
        origin: args.origin.unwrap_or_default(),
        extent: args.extent,
        aspect: args.aspect.unwrap_or_default(),
        ..Default::default()
    };
    let im = fig[ax].imshow_with(data, opts)?;
    if let Some(orientation) = args.colorbar {
        let options = ColorbarOptions {
            orientation,
            extend: args.extend.unwrap_or_default(),
            label: args.cbar_label.clone(),
            ..Default::default()
        };
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
    let bytes = match kind {
        OutputKind::Png => frame.to_png()?,
        OutputKind::Npy => encode_npy(&frame.into_ndarray())?,
    };
    write_atomically(&args.map.output, &bytes)
}

#[derive(Args, Debug)]
struct RenderArgs {
    /// The figure description (figure.json).
    figure: PathBuf,
    /// Output file: .png, or .npy for the (H, W, 4) uint8 array.
    #[arg(short, long)]
    output: PathBuf,
}

fn run_render(args: &RenderArgs) -> Result<(), Failure> {
    let kind = output_kind(&args.output)?;
    let fig = figure_json::build(&args.figure).map_err(|e| Failure::Runtime(e.0))?;
    let frame = fig.render()?;
    let bytes = match kind {
        OutputKind::Png => frame.to_png()?,
        OutputKind::Npy => encode_npy(&frame.into_ndarray())?,
    };
    write_atomically(&args.output, &bytes)
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match &cli.command {
        Command::Imshow(a) => run_imshow(a),
        Command::Colormap(a) => run_colormap(a),
        Command::Render(a) => run_render(a),
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
