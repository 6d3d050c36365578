//! Bad input through the `figbuf` binary: every case must exit with the right status (2 for
//! usage errors, 1 for runtime errors), print a message starting with `error:` that names
//! the bad value, never panic, and leave no output (or temporary) file behind.
//!
//! The `.npy` inputs are written by the test itself (no Python at test time).
//!
//! (Over 800 lines: a table of bad inputs, one case each, through one runner.)

mod common;

use common::npy_raw;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_figbuf");

/// `np.save` of an array with dtype `descr` and shape `shape` (a Python tuple literal).
fn npy(descr: &str, shape: &str, data: &[u8]) -> Vec<u8> {
    npy_raw(
        &format!("{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}"),
        data,
    )
}

fn f64s(values: &[f64]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// A well-formed 3 x 4 float64 ramp, `np.arange(12.0).reshape(3, 4)`.
fn good() -> Vec<u8> {
    npy(
        "<f8",
        "(3, 4)",
        &f64s(&(0..12).map(f64::from).collect::<Vec<_>>()),
    )
}

/// A fresh, empty directory under the target directory.
fn scratch(name: &str) -> PathBuf {
    common::scratch("cli_errors", name)
}

/// One bad input: the command line (`{in}` and `{out}` are replaced by the input and
/// output paths), the input bytes (`None`: no input file is written), the expected exit
/// status and text the message must contain.
struct Case {
    name: &'static str,
    args: &'static [&'static str],
    input: Option<Vec<u8>>,
    out: &'static str,
    code: i32,
    needle: &'static str,
}

/// x86 long doubles (significand, sign and exponent) as the 16 bytes numpy stores.
fn long_doubles(values: &[(u64, u16)]) -> Vec<u8> {
    let mut out = Vec::new();
    for &(mant, se) in values {
        out.extend(mant.to_le_bytes());
        out.extend(se.to_le_bytes());
        out.extend([0; 6]);
    }
    out
}

fn case(
    name: &'static str,
    args: &'static [&'static str],
    input: Option<Vec<u8>>,
    code: i32,
    needle: &'static str,
) -> Case {
    Case {
        name,
        args,
        input,
        out: "out.png",
        code,
        needle,
    }
}

const IM: &[&str] = &["imshow", "{in}", "-o", "{out}"];

fn cases() -> Vec<Case> {
    let g = || Some(good());
    // Shorthand: imshow of the good array plus extra options.
    macro_rules! im {
        ($name:expr, [$($a:expr),*], $code:expr, $needle:expr) => {
            case($name, &["imshow", "{in}", "-o", "{out}", $($a),*], g(), $code, $needle)
        };
    }
    vec![
        // --- options (usage errors, exit 2) ---
        im!(
            "dpi_negative",
            ["--dpi", "-5"],
            2,
            "--dpi must be a positive number, got -5"
        ),
        im!("dpi_zero", ["--dpi", "0"], 2, "got 0"),
        im!("dpi_nan", ["--dpi", "NaN"], 2, "got NaN"),
        im!("dpi_text", ["--dpi", "abc"], 2, "\"abc\""),
        im!(
            "dpi_huge",
            ["--dpi", "1e9"],
            2,
            "6400000000 x 4800000000 px"
        ),
        im!("figsize_zero", ["--figsize", "0,1"], 2, "\"0,1\""),
        im!(
            "figsize_huge",
            ["--figsize", "1e6,1e6"],
            2,
            "100000000 x 100000000 px"
        ),
        im!("figsize_three", ["--figsize", "1,2,3"], 2, "\"1,2,3\""),
        im!("figsize_tiny", ["--figsize", "0.001,0.001"], 2, "0 x 0 px"),
        im!("figsize_inf", ["--figsize", "inf,2"], 2, "\"inf,2\""),
        im!(
            "vmin_above_vmax",
            ["--vmin", "2", "--vmax", "1"],
            2,
            "--vmin 2 and --vmax 1"
        ),
        // matplotlib: "minvalue must be less than or equal to maxvalue", when drawing.
        im!("vmax_minus_inf", ["--vmax", "-inf"], 1, "-inf"),
        im!("vmin_plus_inf", ["--vmin", "inf"], 1, "inf"),
        im!(
            "log_vmin_zero",
            ["--norm", "log", "--vmin", "0"],
            2,
            "--vmin must be positive with --norm log, got 0"
        ),
        im!(
            "log_vmax_negative",
            ["--norm", "log", "--vmax", "-3"],
            2,
            "got -3"
        ),
        im!("power_abc", ["--norm", "power:abc"], 2, "\"abc\""),
        im!("power_no_gamma", ["--norm", "power"], 2, "\"power\""),
        im!("symlog_zero", ["--norm", "symlog:0"], 2, "got 0"),
        im!("linear_with_arg", ["--norm", "linear:3"], 2, "\"linear:3\""),
        im!("norm_unknown", ["--norm", "bogus"], 2, "\"bogus\""),
        im!("extent_three", ["--extent", "1,2,3"], 2, "\"1,2,3\""),
        im!("extent_nan", ["--extent", "1,2,3,nan"], 2, "\"1,2,3,nan\""),
        im!(
            "cmap_typo",
            ["--cmap", "virdis"],
            2,
            "\"virdis\"; did you mean viridis"
        ),
        im!("cmap_empty", ["--cmap", ""], 2, "unknown colormap \"\""),
        im!("bad_colour", ["--bad", "notacolor"], 2, "\"notacolor\""),
        im!("over_short_hex", ["--over", "#12345"], 2, "#12345"),
        im!("under_css", ["--under", "rgb(1,2,3)"], 2, "rgb(1,2,3)"),
        im!("aspect_negative", ["--aspect", "-1"], 2, "got -1"),
        im!(
            "interpolation_unknown",
            ["--interpolation", "foo"],
            2,
            "got foo"
        ),
        im!("origin_unknown", ["--origin", "middle"], 2, "middle"),
        im!(
            "colorbar_orientation",
            ["--colorbar", "diagonal"],
            2,
            "diagonal"
        ),
        im!(
            "extend_without_colorbar",
            ["--extend", "both"],
            2,
            "--colorbar"
        ),
        im!(
            "max_pixels_exceeded",
            ["--max-pixels", "1000"],
            2,
            "at most 1000 pixels"
        ),
        im!("max_pixels_zero", ["--max-pixels", "0"], 2, "\"0\""),
        im!("unknown_flag", ["--frobnicate"], 2, "--frobnicate"),
        case(
            "colormap_vmin_above_vmax",
            &[
                "colormap", "{in}", "-o", "{out}", "--vmin", "3", "--vmax", "1",
            ],
            g(),
            2,
            "--vmin 3",
        ),
        // --- output paths ---
        Case {
            out: "out.bmp",
            ..case("output_bmp", IM, g(), 2, "out.bmp")
        },
        Case {
            out: "out",
            ..case("output_no_extension", IM, g(), 2, "out\"")
        },
        Case {
            out: "nodir/out.png",
            ..case("output_dir_missing", IM, g(), 1, "nodir")
        },
        // --- data files (runtime errors, exit 1) ---
        case("data_missing", IM, None, 1, "in.npy"),
        case(
            "data_garbage",
            IM,
            Some(b"hello, world".to_vec()),
            1,
            "not a .npy file",
        ),
        case(
            "data_png",
            IM,
            Some(b"\x89PNG\r\n\x1a\n0000".to_vec()),
            1,
            "89 50 4e 47",
        ),
        case(
            "data_empty_file",
            IM,
            Some(Vec::new()),
            1,
            "not a .npy file",
        ),
        case(
            "data_magic_only",
            IM,
            Some(b"\x93NUMPY".to_vec()),
            1,
            "format version",
        ),
        case(
            "data_bad_version",
            IM,
            Some(b"\x93NUMPY\x07\x00\x10\x00".to_vec()),
            1,
            "version 7.0",
        ),
        case(
            "data_header_too_long",
            IM,
            Some(b"\x93NUMPY\x02\x00\xff\xff\xff\x7f".to_vec()),
            1,
            "2147483647",
        ),
        case(
            "data_header_cut",
            IM,
            Some(good()[..40].to_vec()),
            1,
            "truncated",
        ),
        case(
            "data_header_garbage",
            IM,
            Some(npy_raw("{'descr': <f8}", &[])),
            1,
            "malformed .npy header",
        ),
        case(
            "data_header_deep",
            IM,
            Some(npy_raw(&"[".repeat(40), &[])),
            1,
            "nesting too deep",
        ),
        case(
            "data_truncated",
            IM,
            Some(good()[..good().len() - 1].to_vec()),
            1,
            "= 96 data bytes, but the file holds only 95",
        ),
        case(
            "data_huge_shape",
            IM,
            Some(npy("<f8", "(1000000000, 1000000000)", &[0; 64])),
            1,
            "(1000000000, 1000000000)",
        ),
        case(
            "data_overflow_shape",
            IM,
            Some(npy("<f8", "(4294967296, 4294967296, 4)", &[])),
            1,
            "overflows",
        ),
        case(
            "data_complex",
            IM,
            Some(npy("<c16", "(2, 2)", &[0; 64])),
            1,
            "'<c16'",
        ),
        case(
            "data_object_pickle",
            IM,
            Some(npy("|O", "(2, 2)", &[0x80, 4, 0x95])),
            1,
            "'|O'",
        ),
        case(
            "data_strings",
            IM,
            Some(npy("<U3", "(1, 2)", &[0; 24])),
            1,
            "'<U3'",
        ),
        // Long double colours: matplotlib's resampler refuses them (2-D long double data is
        // drawn: what_matplotlib_draws_is_not_refused).
        case(
            "data_long_double_rgb",
            IM,
            Some(npy("<f16", "(1, 1, 3)", &[0; 48])),
            1,
            "'<f16'",
        ),
        case(
            "data_float16_rgba",
            IM,
            Some(npy("<f2", "(1, 1, 4)", &[0; 8])),
            1,
            "float16 RGBA",
        ),
        case(
            "data_long_double_i386",
            IM,
            Some(npy("<f12", "(1, 1)", &[0; 12])),
            1,
            "'<f12'",
        ),
        // matplotlib's TwoSlopeNorm fails on long double data (np.interp cannot cast
        // float128 to float64) where it normalises the data itself (the 'rgba' stage,
        // `colormap`) and in a colorbar; the 'data' stage (float64) is drawn.
        case(
            "data_long_double_twoslope_colorbar",
            &[
                "imshow",
                "{in}",
                "-o",
                "{out}",
                "--norm",
                "twoslope:0.5",
                "--colorbar",
                "vertical",
            ],
            Some(npy(
                "<f16",
                "(1, 2)",
                &long_doubles(&[(1 << 63, 0x3fff), (0, 0)]),
            )),
            1,
            "TwoSlopeNorm on long double data",
        ),
        case(
            "data_long_double_twoslope_rgba_stage",
            &["imshow", "{in}", "-o", "{out}", "--norm", "twoslope:0.5"],
            Some(npy(
                "<f16",
                "(2, 1000)",
                &long_doubles(&[(1 << 63, 0x3fff), (0, 0)].repeat(1000)),
            )),
            1,
            "TwoSlopeNorm on long double data",
        ),
        case(
            "colormap_long_double_twoslope",
            &["colormap", "{in}", "-o", "{out}", "--norm", "twoslope:0.5"],
            Some(npy(
                "<f16",
                "(1, 2)",
                &long_doubles(&[(1 << 63, 0x3fff), (0, 0)]),
            )),
            1,
            "TwoSlopeNorm on long double data",
        ),
        case(
            "data_structured",
            IM,
            Some(npy_raw(
                "{'descr': [('x', '<f8')], 'fortran_order': False, 'shape': (2,), }",
                &[0; 16],
            )),
            1,
            "structured",
        ),
        case(
            "data_1d",
            IM,
            Some(npy("<f8", "(5,)", &[0; 40])),
            1,
            "invalid shape (5,)",
        ),
        case(
            "data_4d",
            IM,
            Some(npy("<f8", "(2, 2, 2, 2)", &[0; 128])),
            1,
            "invalid shape (2, 2, 2, 2)",
        ),
        case(
            "data_hw2",
            IM,
            Some(npy("<f8", "(3, 4, 2)", &[0; 192])),
            1,
            "invalid shape (3, 4, 2)",
        ),
        case(
            "data_scalar",
            IM,
            Some(npy("<f8", "()", &[0; 8])),
            1,
            "invalid shape ()",
        ),
        im!("vmin_above_data", ["--vmin", "50"], 1, "50"),
        case(
            "colormap_of_rgb",
            &["colormap", "{in}", "-o", "{out}"],
            Some(npy("|u1", "(1, 1, 3)", &[1, 2, 3])),
            1,
            "got a (1, 1, 3) colour image",
        ),
        // --- issue 18 ---
        // Below 1 dpi matplotlib draws (cases g99*); a canvas of 0 x 0 px it cannot save
        // either ("cannot write empty image").
        im!(
            "dpi_below_one_empty_canvas",
            ["--dpi", "0.1"],
            2,
            "got 0 x 0 px"
        ),
        // Validated before the data is read: there is no input file.
        case(
            "dpi_huge_figure_tiny_no_input",
            &[
                "imshow",
                "{in}",
                "-o",
                "{out}",
                "--dpi",
                "1e6",
                "--figsize",
                "0.001,0.001",
            ],
            None,
            2,
            "dpi 1000000",
        ),
        im!(
            "twoslope_center_below_vmin",
            ["--norm", "twoslope:-5", "--vmin", "0", "--vmax", "1"],
            2,
            "(0, -5, 1)"
        ),
        im!(
            "twoslope_center_at_vmin",
            ["--norm", "twoslope:0", "--vmin", "0", "--vmax", "1"],
            2,
            "(0, 0, 1)"
        ),
        im!(
            "twoslope_center_at_vmax",
            ["--norm", "twoslope:1", "--vmin", "0", "--vmax", "1"],
            2,
            "(0, 1, 1)"
        ),
        im!(
            "twoslope_all_equal",
            ["--norm", "twoslope:1", "--vmin", "1", "--vmax", "1"],
            2,
            "(1, 1, 1)"
        ),
        im!(
            "twoslope_vmin_above_vmax",
            ["--norm", "twoslope:0.5", "--vmin", "1", "--vmax", "0"],
            2,
            "--vmin 1 and --vmax 0"
        ),
        im!(
            "extent_span_overflows",
            ["--extent=-1.7e308,1.7e308,0,1"],
            2,
            "-1.7e308,1.7e308,0,1"
        ),
        im!(
            "symlog_denormal_threshold_colorbar",
            ["--norm", "symlog:1e-310", "--colorbar", "vertical"],
            1,
            "SymLogNorm linthresh must be large enough"
        ),
        im!(
            "canvas_cannot_be_allocated",
            [
                "--max-pixels",
                "100000000000000000",
                "--figsize",
                "1000000,1000000"
            ],
            1,
            "cannot allocate 40000000000000000 bytes for the 100000000 x 100000000 canvas"
        ),
        im!(
            "resampling_work_limit",
            ["--interpolation", "sinc", "--figsize", "100,100", "--fill"],
            1,
            "more than the limit of 4000000000"
        ),
        case(
            "empty_with_2_62_rows_colormap",
            &["colormap", "{in}", "-o", "{out}"],
            Some(npy("<f8", "(4611686018427387904, 0)", &[])),
            1,
            "4611686018427387904",
        ),
        case(
            "format_contradicts_output",
            &["colormap", "{in}", "-o", "{out}", "--format", "npy"],
            g(),
            2,
            "--format npy",
        ),
        case(
            "colormap_empty_png",
            &["colormap", "{in}", "-o", "{out}"],
            Some(npy("<f8", "(0, 4)", &[])),
            1,
            "(0, 4)",
        ),
    ]
}

struct Outcome {
    code: Option<i32>,
    stderr: String,
    leftovers: Vec<String>,
}

/// Runs one case in its own directory; `leftovers` lists files other than the input.
fn run(case: &Case, existing_output: Option<&[u8]>) -> Outcome {
    let prefix = if existing_output.is_some() {
        "keep_"
    } else {
        ""
    };
    let dir = scratch(&format!("{prefix}{}", case.name));
    let input = dir.join("in.npy");
    if let Some(bytes) = &case.input {
        std::fs::write(&input, bytes).expect("write input");
    }
    let output = dir.join(case.out);
    if let Some(bytes) = existing_output {
        std::fs::write(&output, bytes).expect("write existing output");
    }
    let args: Vec<String> = case
        .args
        .iter()
        .map(|a| {
            a.replace("{in}", &input.to_string_lossy())
                .replace("{out}", &output.to_string_lossy())
        })
        .collect();
    let result = Command::new(BIN).args(&args).output().expect("run figbuf");
    let mut leftovers: Vec<String> = std::fs::read_dir(&dir)
        .expect("read scratch dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "in.npy")
        .collect();
    leftovers.sort();
    Outcome {
        code: result.status.code(),
        stderr: String::from_utf8_lossy(&result.stderr).into_owned(),
        leftovers,
    }
}

#[test]
fn bad_inputs_fail_cleanly() {
    let cases = cases();
    assert!(
        cases.len() >= 40,
        "the battery needs at least 40 cases, has {}",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in &cases {
        let o = run(case, None);
        let mut problems = Vec::new();
        if o.code != Some(case.code) {
            problems.push(format!("exit status {:?}, expected {}", o.code, case.code));
        }
        if !o.stderr.starts_with("error:") {
            problems.push("stderr does not start with `error:`".to_string());
        }
        if !o.stderr.contains(case.needle) {
            problems.push(format!(
                "message does not name the bad value {:?}",
                case.needle
            ));
        }
        if o.stderr.contains("panicked") {
            problems.push("panicked".to_string());
        }
        if !o.leftovers.is_empty() {
            problems.push(format!("left files behind: {:?}", o.leftovers));
        }
        if !problems.is_empty() {
            failures.push(format!(
                "{}: {}\n    stderr: {}",
                case.name,
                problems.join("; "),
                o.stderr.trim()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn failures_never_clobber_an_existing_output() {
    let sentinel = b"previous output, must survive";
    // Failures at every stage: option parsing, data reading, norm limits at render time.
    for case in cases().into_iter().filter(|c| {
        [
            "dpi_negative",
            "cmap_typo",
            "data_truncated",
            "data_huge_shape",
            "vmin_above_data",
            "data_1d",
        ]
        .contains(&c.name)
    }) {
        let o = run(&case, Some(sentinel));
        assert_eq!(o.code, Some(case.code), "{}: {}", case.name, o.stderr);
        let kept = std::fs::read(scratch_path(&format!("keep_{}", case.name), case.out))
            .expect("output still there");
        assert_eq!(
            kept, sentinel,
            "{}: the existing output was changed",
            case.name
        );
        assert_eq!(
            o.leftovers,
            vec![case.out.to_string()],
            "{}: temporary files left",
            case.name
        );
    }
}

fn scratch_path(name: &str, file: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli_errors")
        .join(name)
        .join(file)
}

/// Unusual but valid data renders (exit 0), as matplotlib renders it, and a successful run
/// replaces an existing output and leaves no temporary file.
#[test]
fn unusual_valid_data_renders() {
    let be: Vec<u8> = (0..12).flat_map(|v| f64::from(v).to_be_bytes()).collect();
    // A 2000-character title, far wider than the figure (matplotlib draws it clipped).
    let long_title = "0123456789".repeat(200);
    let long_title_args = ["--title", long_title.as_str()];
    let ok_cases = vec![
        (
            "all_nan",
            npy("<f8", "(3, 4)", &f64s(&[f64::NAN; 12])),
            &["--colorbar", "vertical"][..],
        ),
        (
            "plus_minus_inf",
            npy(
                "<f8",
                "(2, 2)",
                &f64s(&[f64::INFINITY, f64::NEG_INFINITY, 0.0, 1.0]),
            ),
            &["--colorbar", "vertical"],
        ),
        (
            "constant",
            npy("<f8", "(3, 4)", &f64s(&[7.0; 12])),
            &["--colorbar", "horizontal"],
        ),
        (
            "huge_values",
            npy("<f8", "(2, 2)", &f64s(&[1e308, -1e308, 0.0, 1.0])),
            &[],
        ),
        ("big_endian", npy(">f8", "(3, 4)", &be), &[]),
        ("single_channel", npy("<f4", "(2, 2, 1)", &[0; 16]), &[]),
        (
            "float16",
            npy("<f2", "(1, 2)", &[0x00, 0x3c, 0x00, 0xc0]),
            &[],
        ),
        ("bool", npy("|b1", "(2, 2)", &[0, 1, 1, 0]), &[]),
        (
            "int_rgb_clipped",
            npy(
                "<i8",
                "(1, 1, 3)",
                &[
                    44, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0,
                ],
            ),
            &[],
        ),
        ("long_title", good(), &long_title_args[..]),
        (
            "missing_glyphs_and_empty_text",
            good(),
            &[
                "--title",
                "日本語 😀 \u{10ffff}",
                "--xlabel",
                "",
                "--ylabel",
                "",
                "--colorbar",
                "vertical",
                "--cbar-label",
                "",
            ],
        ),
    ];
    for (name, bytes, extra) in ok_cases {
        let dir = scratch(&format!("ok_{name}"));
        let input = dir.join("in.npy");
        std::fs::write(&input, bytes).expect("write input");
        let output = dir.join("out.png");
        std::fs::write(&output, b"old").expect("write old output");
        let result = Command::new(BIN)
            .args([
                "imshow".as_ref(),
                input.as_os_str(),
                "-o".as_ref(),
                output.as_os_str(),
                "--figsize".as_ref(),
                "2,1.5".as_ref(),
            ])
            .args(extra)
            .output()
            .expect("run figbuf");
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert_eq!(result.status.code(), Some(0), "{name}: {stderr}");
        let png = std::fs::read(&output).expect("output written");
        assert!(png.starts_with(b"\x89PNG"), "{name}: output is not a PNG");
        let files = std::fs::read_dir(&dir).expect("read dir").count();
        assert_eq!(files, 2, "{name}: temporary files left behind");
    }
}

/// Big-endian and Fortran-ordered files render exactly like the native C-ordered file
/// with the same values (numpy reads them to the same array).
#[test]
fn byte_order_and_memory_order_do_not_change_the_picture() {
    let values: Vec<f64> = (0..12).map(|v| f64::from(v) * 0.37 - 1.0).collect();
    let native = npy("<f8", "(3, 4)", &f64s(&values));
    let big = npy(
        ">f8",
        "(3, 4)",
        &values
            .iter()
            .flat_map(|v| v.to_be_bytes())
            .collect::<Vec<u8>>(),
    );
    // np.asfortranarray(a): column-major storage of the same 3 x 4 array.
    let column_major: Vec<f64> = (0..4)
        .flat_map(|c| (0..3).map(move |r| r * 4 + c))
        .map(|i| values[i])
        .collect();
    let fortran = npy_raw(
        "{'descr': '<f8', 'fortran_order': True, 'shape': (3, 4), }",
        &f64s(&column_major),
    );
    let dir = scratch("byte_order");
    let mut pngs = Vec::new();
    for (name, bytes) in [("native", native), ("big", big), ("fortran", fortran)] {
        let input = dir.join(format!("{name}.npy"));
        let output = dir.join(format!("{name}.png"));
        std::fs::write(&input, bytes).expect("write input");
        let result = Command::new(BIN)
            .args([
                "imshow".as_ref(),
                input.as_os_str(),
                "-o".as_ref(),
                output.as_os_str(),
            ])
            .args(["--figsize", "2,1.5", "--colorbar", "vertical"])
            .output()
            .expect("run figbuf");
        assert_eq!(
            result.status.code(),
            Some(0),
            "{name}: {}",
            String::from_utf8_lossy(&result.stderr)
        );
        pngs.push((name, std::fs::read(&output).expect("output")));
    }
    for (name, png) in &pngs[1..] {
        assert!(
            png == &pngs[0].1,
            "{name} renders differently from the native file"
        );
    }
}

/// What matplotlib 3.11.2 draws (with at most a warning) is drawn, not refused: empty arrays
/// (an empty Axes), an extent of zero width or height (`nonsingular` widens the limits),
/// NaN and infinite norm limits. The pictures themselves are the parity cases g10-g13,
/// g85-g89 and g90-g97d (tests/reference/gen_edges.py).
#[test]
fn what_matplotlib_draws_is_not_refused() {
    let drawn: Vec<(&str, Vec<u8>, &[&str])> = vec![
        (
            "empty_rows",
            npy("<f8", "(0, 4)", &[]),
            &["--colorbar", "vertical"],
        ),
        ("empty_columns", npy("<f8", "(4, 0)", &[]), &[]),
        ("empty_both", npy("<f4", "(0, 0)", &[]), &[]),
        // Zero-size data costs nothing however many empty rows it declares (issue 18):
        // matplotlib draws an empty Axes with the extent's limits.
        (
            "empty_with_2_62_rows",
            npy("<f8", "(4611686018427387904, 0)", &[]),
            &[],
        ),
        ("extent_zero_width", good(), &["--extent", "1,1,0,1"]),
        ("extent_zero_height", good(), &["--extent", "0,1,2,2"]),
        (
            "vmin_nan",
            good(),
            &["--vmin", "nan", "--colorbar", "vertical"],
        ),
        ("vmax_nan", good(), &["--vmax", "NaN"]),
        // Below 1 dpi (issue 18): FreeType draws the text at 72 dpi, the picture is the
        // parity cases g120*.
        (
            "dpi_half",
            good(),
            &["--dpi", "0.5", "--colorbar", "vertical"],
        ),
        ("dpi_0_9", good(), &["--dpi", "0.9", "--title", "t"]),
        ("vmax_inf", good(), &["--vmax", "inf"]),
        // x86 long double data (issue 17): read as float64, as matplotlib resamples it; the
        // pictures are the parity cases g160-g169.
        (
            "long_double",
            npy(
                "<f16",
                "(2, 2)",
                &long_doubles(&[
                    (1 << 63, 0x3fff),
                    (0xc000_0000_0000_0000, 0xc000),
                    (0xc000_0000_0000_0000, 0x7fff),
                    (1 << 63, 0x7fff),
                ]),
            ),
            &["--colorbar", "vertical", "--norm", "centered"],
        ),
        // Upsampled: the 'data' stage, in float64 (parity case g170).
        (
            "long_double_twoslope_data_stage",
            npy(
                "<f16",
                "(1, 2)",
                &long_doubles(&[(1 << 63, 0x3fff), (0, 0)]),
            ),
            &["--norm", "twoslope:0.5"],
        ),
        (
            "long_double_big_endian",
            {
                let mut v = long_doubles(&[(1 << 63, 0x3fff), (0xc000_0000_0000_0000, 0x4000)]);
                for item in v.chunks_mut(16) {
                    item.reverse();
                }
                npy(">f16", "(1, 2)", &v)
            },
            &["--norm", "log"],
        ),
        (
            "vmin_minus_inf",
            good(),
            &["--vmin", "-inf", "--colorbar", "horizontal"],
        ),
    ];
    for (name, bytes, extra) in drawn {
        let dir = scratch(&format!("drawn_{name}"));
        let input = dir.join("in.npy");
        std::fs::write(&input, bytes).expect("write input");
        let output = dir.join("out.png");
        let result = Command::new(BIN)
            .args([
                "imshow".as_ref(),
                input.as_os_str(),
                "-o".as_ref(),
                output.as_os_str(),
            ])
            .args(extra)
            .output()
            .expect("run figbuf");
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert_eq!(result.status.code(), Some(0), "{name}: {stderr}");
        let png = std::fs::read(&output).expect("output written");
        assert!(png.starts_with(b"\x89PNG"), "{name}: output is not a PNG");
    }
}
