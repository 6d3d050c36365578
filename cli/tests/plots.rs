//! Plot parity with matplotlib 3.11.2: every figure description in
//! tests/reference/plots (the public round-1 cases) and tests/reference/plots_extra (made by
//! its gen_plots.py: one case per keyword and edge) rendered with `figbuf render` and
//! compared with matplotlib's canvas. Each folder's `budgets.json` holds RMS and bad-pixel
//! budgets that only ever tighten; a failure leaves actual/expected/diff PNGs under
//! target/figbuf-test-output/.
//!
//! (Just over 800 lines: one runner and one short, documented `#[test]` per case set, so a
//! failing set is named by its test; the cases themselves live in tests/reference/.)

#[path = "../../tests/common/mod.rs"]
mod common;

use common::{decode_png, metrics, workspace_dir, write_failure};
use std::path::Path;
use std::process::Command;

fn run_set(set: &str, min_cases: usize) {
    let dir = workspace_dir().join("tests/reference").join(set);
    let budgets: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("budgets.json")).expect("budgets.json"),
    )
    .expect("budgets json");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("cases")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("case.json").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(
        names.len() >= min_cases,
        "{set}: cases missing: {}",
        names.len()
    );
    let failures: Vec<String> = names
        .iter()
        .filter_map(|n| run_case(&dir, &budgets, n).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn run_case(set: &Path, budgets: &serde_json::Value, name: &str) -> Result<(), String> {
    let dir = set.join(name);
    let out_dir = common::failure_dir("plots-out");
    std::fs::create_dir_all(&out_dir).map_err(|e| e.to_string())?;
    let out = out_dir.join(format!("{name}.png"));
    let status = Command::new(env!("CARGO_BIN_EXE_figbuf"))
        .arg("render")
        .arg(dir.join("figure.json"))
        .arg("-o")
        .arg(&out)
        .status()
        .map_err(|e| format!("{name}: cannot run figbuf: {e}"))?;
    if !status.success() {
        return Err(format!("{name}: figbuf exited with {status}"));
    }
    let actual = decode_png(&out);
    let expected = decode_png(&dir.join("ref.png"));
    if (actual.width, actual.height) != (expected.width, expected.height) {
        return Err(format!(
            "{name}: canvas {}x{}, expected {}x{}",
            actual.width, actual.height, expected.width, expected.height
        ));
    }
    let (rms, bad) = metrics(&actual, &expected);
    let budget = &budgets[name];
    let (Some(max_rms), Some(max_bad)) = (budget["rms"].as_f64(), budget["bad_percent"].as_f64())
    else {
        return Err(format!("{name}: no budget in budgets.json"));
    };
    println!("{name}: rms {rms:.4} (budget {max_rms}), bad {bad:.3}% (budget {max_bad}%)");
    if rms > max_rms || bad > max_bad {
        let images = write_failure(name, &actual, &expected);
        return Err(format!(
            "{name}: rms {rms:.4} > {max_rms} or bad {bad:.3}% > {max_bad}%; images in {}",
            images.display()
        ));
    }
    Ok(())
}

/// Renders the figure description `json` (written to `fig`) and asserts the CLI refused
/// it: exit 1 and no output file beside it. Returns the error message.
fn refused(fig: &Path, json: &str) -> String {
    std::fs::write(fig, json).expect("write");
    let out = fig.with_extension("png");
    let _ = std::fs::remove_file(&out);
    let o = Command::new(env!("CARGO_BIN_EXE_figbuf"))
        .arg("render")
        .arg(fig)
        .arg("-o")
        .arg(&out)
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1), "{json}");
    assert!(!out.exists(), "{json}: output written");
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The public round-1 plot cases (p01-p08).
#[test]
fn public_plot_cases() {
    run_set("plots", 8);
}

/// The generated cases: fmt strings, every marker, linestyles x widths, log/symlog axes,
/// limits with None, inverted axes, empty, all-NaN and inf data, steps, scatter paths,
/// spans, grids, legend locations and options, ticks and tick_params, annotations, text boxes.
#[test]
fn extra_plot_cases() {
    run_set("plots_extra", 30);
}

/// The round-2 cases (tests/reference/plots_round2, made by its gen_plots_r2.py): the
/// public p09/p10 and one case per keyword of subplots (sharex/sharey, ratios, wspace/hspace,
/// suptitle/supxlabel, a colorbar per Axes), bar/barh (categories, tick_label) and hist
/// (edges, density, range, cumulative, step/stepfilled, horizontal), legend order of bar
/// containers.
#[test]
fn round2_plot_cases() {
    run_set("plots_round2", 15);
}

/// Everyday round-1 figures checked against matplotlib by hand (tests/reference/plots_qa,
/// made by its gen_plots_qa.py): mixed calls, hollow markers, scatter legends and 'none'
/// colours.
#[test]
fn qa_plot_cases() {
    run_set("plots_qa", 64);
}

/// The statistics cases (hist with several datasets, pie, boxplot, ...):
/// tests/reference/plots_stats/gen_plots_stats.py.
#[test]
fn stats_plot_cases() {
    run_set("plots_stats", 17);
}

/// The fills cases (tests/reference/plots_fills, made by its gen_plots_fills.py): the public
/// p11 and fill_between/fill_betweenx (where gaps, interpolate, step variants, NaN, edges,
/// the single-path shortcut), errorbar (scalar/array/asymmetric, xerr, caps, fmt 'none',
/// ecolor, elinewidth, log axes, legend handles and container order), step, stairs (long
/// simplified paths too), stackplot (zero, sym, wiggle).
#[test]
fn fills_plot_cases() {
    run_set("plots_fills", 19);
}

/// Bad input to the fills calls is an error naming the call and the value.
#[test]
fn fills_bad_input_is_named() {
    let dir = common::failure_dir("plots-fills-errors");
    std::fs::create_dir_all(&dir).expect("dir");
    let fig = dir.join("bad.json");
    for (json, msg) in [
        (
            r#"{"method": "errorbar", "args": [[0, 1], [1, 0]], "kwargs": {"yerr": [0.1, -0.2]}}"#,
            "errorbar must be 'yerr' without negative values, got 'yerr' containing -0.2",
        ),
        (
            r#"{"method": "fill_between", "args": [[0, 1, 2], [1, 0]]}"#,
            "fill_between must be arrays of the same size, got positions of size 3",
        ),
        (
            r#"{"method": "fill_betweenx", "args": [[0, 1, 2], [1, 0, 1]], "kwargs": {"where": [true, false]}}"#,
            "fill_betweenx must be one flag per position (3), got where of size 2",
        ),
        (
            r#"{"method": "fill_between", "args": [[0, 1], [1, 0]], "kwargs": {"step": "side"}}"#,
            "got \"side\"",
        ),
        (
            r#"{"method": "stairs", "args": [[1, 2], [0, 1]]}"#,
            "stairs must be len(values) + 1 == len(edges), got 2 values and 2 edges",
        ),
    ] {
        let err = refused(&fig, &format!(r#"{{"axes": [[{json}]]}}"#));
        assert!(err.contains(msg), "unexpected message: {err}");
    }
}

/// The round-1b cases (tests/reference/plots_r1b, made by its gen_plots_r1b.py): legend
/// handles/labels, bbox_to_anchor and layout keywords, rotated text and annotations, font
/// weight/style/family, tick_params width/colours/pad and minor ticks, minorticks_on/off,
/// spans on log axes.
#[test]
fn round1b_plot_cases() {
    run_set("plots_r1b", 30);
}

/// An unsupported keyword is an error naming the call and the keyword; nothing is written.
#[test]
fn unsupported_keyword_is_named() {
    let dir = common::failure_dir("plots-errors");
    std::fs::create_dir_all(&dir).expect("dir");
    let fig = dir.join("bad.json");
    std::fs::write(
        &fig,
        r#"{"axes": [[{"method": "plot", "args": [[0, 1], [1, 0]]},
                      {"method": "set_title", "args": ["t"]},
                      {"method": "grid", "args": [true]},
                      {"method": "plot", "args": [[0, 1]], "kwargs": {"dash_joinstyle": "miter", "foo": 1}}]]}"#,
    )
    .expect("write");
    let out = dir.join("bad.png");
    let _ = std::fs::remove_file(&out);
    let o = Command::new(env!("CARGO_BIN_EXE_figbuf"))
        .arg("render")
        .arg(&fig)
        .arg("-o")
        .arg(&out)
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("axes[0] call 3: 'plot' keyword"),
        "unexpected message: {err}"
    );
    assert!(!out.exists());
    std::fs::write(
        &fig,
        r#"{"axes": [[{"method": "hexbin", "args": [[1, 2], [3, 4]]}]]}"#,
    )
    .expect("write");
    let o = Command::new(env!("CARGO_BIN_EXE_figbuf"))
        .arg("render")
        .arg(&fig)
        .arg("-o")
        .arg(&out)
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("axes[0] call 0: 'hexbin' is not supported")
    );
    // A round-2 call with a keyword not supported yet.
    std::fs::write(
        &fig,
        r#"{"axes": [[{"method": "bar", "args": [[0, 1], [1, 0]], "kwargs": {"joinstyle": "round"}}]]}"#,
    )
    .expect("write");
    let o = Command::new(env!("CARGO_BIN_EXE_figbuf"))
        .arg("render")
        .arg(&fig)
        .arg("-o")
        .arg(&out)
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("'bar' keyword 'joinstyle' is not supported")
    );
    assert!(!out.exists());
    // A hatch shape figbuf does not draw is named.
    std::fs::write(
        &fig,
        r#"{"axes": [[{"method": "bar", "args": [[0, 1], [1, 0]], "kwargs": {"hatch": "/*"}}]]}"#,
    )
    .expect("write");
    let o = Command::new(env!("CARGO_BIN_EXE_figbuf"))
        .arg("render")
        .arg(&fig)
        .arg("-o")
        .arg(&out)
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("\"/*\" (character '*')"));
    assert!(!out.exists());
}

/// Bad statistics input is an error naming the call and the value (exit 1).
#[test]
fn stats_bad_input_is_named() {
    let dir = std::env::temp_dir().join(format!("figbuf-stats-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("mkdir");
    let fig = dir.join("figure.json");
    for (json, needle) in [
        (
            r#"{"axes": [[{"method": "pie", "args": [[1, -2]]}]]}"#,
            "pie x must be finite, non-negative wedge sizes, got -2",
        ),
        (
            r#"{"axes": [[{"method": "hist", "args": [[[1, 2], [3]]], "kwargs": {"color": ["r"]}}]]}"#,
            "hist color must be one colour per dataset (2)",
        ),
        (
            r#"{"axes": [[{"method": "boxplot", "args": [[[1, 2], [3]]], "kwargs": {"positions": [1]}}]]}"#,
            "boxplot positions must be one per dataset (2)",
        ),
    ] {
        let err = refused(&fig, json);
        assert!(
            err.contains("axes[0] call 0: ") && err.contains(needle),
            "{err}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The round-2c cases (tests/reference/plots_r2c, made by its gen_plots_r2c.py):
/// violinplot (KDE bandwidths, positions, widths, orientation, means/medians/extrema,
/// quantiles, colours, constant data) and figure legends (handles of all Axes, loc,
/// bbox_to_anchor, keywords, beside an Axes legend) and colorbars of several Axes
/// (make_axes: right and bottom, a column of a grid).
#[test]
fn r2c_plot_cases() {
    run_set("plots_r2c", 18);
}

/// Bad violinplot and figure-legend input is an error naming the call and the value (exit 1).
#[test]
fn r2c_bad_input_is_named() {
    let dir = std::env::temp_dir().join(format!("figbuf-r2c-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("mkdir");
    let fig = dir.join("figure.json");
    for (json, needle) in [
        (
            r#"{"axes": [[{"method": "violinplot", "args": [[[1, 2], [3, 4]]], "kwargs": {"positions": [1]}}]]}"#,
            "violinplot positions must be one per dataset (2), got 1 values",
        ),
        (
            r#"{"axes": [[{"method": "violinplot", "args": [[[1, 2], []]]}]]}"#,
            "violinplot dataset[1] must be at least one finite value, got no finite values",
        ),
        (
            r#"{"axes": [[{"method": "violinplot", "args": [[1, 2, 3]], "kwargs": {"bw_method": -1}}]]}"#,
            "violinplot bw_method must be a finite, positive number, got -1",
        ),
        (
            r#"{"axes": [[{"method": "violinplot", "args": [[1, 2, 3]], "kwargs": {"side": "middle"}}]]}"#,
            "violinplot side must be 'both', 'low' or 'high', got \"middle\"",
        ),
        (
            r#"{"axes": [[{"method": "violinplot", "args": [[1, 2, 3]], "kwargs": {"facecolor": "nocolour"}}]]}"#,
            "violinplot facecolor must be a colour, got \"nocolour\"",
        ),
        (
            r#"{"axes": [[{"method": "violinplot", "args": [[1, 2, 3]], "kwargs": {"quantiles": [1.5]}}]]}"#,
            "violinplot quantiles must be within 0..=1, got 1.5",
        ),
        (
            r#"{"axes": [[{"method": "violinplot", "args": [[1, 2, 3]], "kwargs": {"points": 0}}]]}"#,
            "'violinplot' points = 0 is not a positive integer",
        ),
        (
            r#"{"axes": [[]], "figure_calls": [{"method": "legend", "kwargs": {"loc": "nowhere"}}]}"#,
            "figure call 0: legend loc must be 'best'",
        ),
        (
            r#"{"axes": [[]], "figure_calls": [{"method": "legend", "kwargs": {"handles": 3}}]}"#,
            "figure call 0: 'legend' handles must be a list, got 3",
        ),
        (
            r#"{"axes": [[{"method": "scatter", "args": [[1, 2], [1, 2]], "kwargs": {"c": [1, 2]}}]], "figure_calls": [{"method": "colorbar", "args": [{"ref": [0, 0]}], "kwargs": {"ax": [{"axes": 3}]}}]}"#,
            "'colorbar' ax {\"axes\":3}: no Axes 3 (there are 1)",
        ),
    ] {
        let err = refused(&fig, json);
        assert!(err.contains(needle) && err.contains("call 0: "), "{err}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The mesh cases (tests/reference/plots_mesh, made by its gen_mesh.py): pcolormesh
/// flat/nearest/auto with 1-D and 2-D, non-uniform and skewed grids, NaN cells, edges, log
/// norm, colorbars; contour/contourf with int and explicit levels, colours, extend, dashed
/// negative levels, NaN in Z; colorbars of contour sets (filled, extended, lines, norm='log'); the
/// public p12.
#[test]
fn mesh_plot_cases() {
    run_set("plots_mesh", 24);
}

/// The contour label cases (tests/reference/plots_clabel, made by its gen_clabel.py):
/// clabel's defaults, inline on/off, fontsize, fmt as %-string, literal string and dict,
/// label colours, a levels subset, black dashed negative levels, a filled set, log-spaced
/// levels, two Axes, 72 and 150 dpi, rightside_up, inline_spacing and zorder, long paths of a
/// fine grid, a colorbar and set_xlim after clabel (placed at clabel's moment), alpha, manual
/// points (with a levels subset, not inline), use_clabeltext (also with a later colorbar), a NaN hole, two clabel calls on one set, log x and y axes.
#[test]
fn clabel_plot_cases() {
    run_set("plots_clabel", 30);
}

/// clabel: a ref that is not a contour set, levels that are not the set's, manual=true
/// (mouse clicks), a fmt of the wrong type, manual on a filled set: errors naming the
/// value; nothing is written.
#[test]
fn clabel_errors_are_named() {
    let dir = common::failure_dir("plots-clabel-errors");
    std::fs::create_dir_all(&dir).expect("dir");
    let fig = dir.join("bad.json");
    let z = "[[1, 2, 3], [4, 5, 6], [7, 8, 9]]";
    let with = |first: &str, kw: &str| {
        format!(
            r#"{{"axes": [[{{"method": "{first}", "args": [{z}]}}, {{"method": "clabel", "args": [{{"ref": [0, 0]}}], "kwargs": {kw}}}]]}}"#
        )
    };
    let cases = [
        (
            r#"{"axes": [[{"method": "plot", "args": [[1, 2]]}, {"method": "clabel", "args": [{"ref": [0, 0]}]}]]}"#.to_string(),
            "is not what 'contour' or 'contourf' returned",
        ),
        (with("contour", r#"{"levels": [4.5]}"#), "[4.5]"),
        (with("contour", r#"{"manual": true}"#), "'manual' true is not supported"),
        (with("contour", r#"{"fmt": 3}"#), "fmt must be a %-format string"),
        (with("contourf", r#"{"manual": [[1, 1]]}"#), "filled contour set"),
    ];
    for (json, want) in cases {
        let err = refused(&fig, &json);
        assert!(err.contains(want), "{json}: unexpected message: {err}");
    }
}

/// Mesh calls: shape mismatches, gouraud shading, clabel without its contour set and a colorbar of a missing artist are errors
/// naming the call and the value; nothing is written.
#[test]
fn mesh_errors_are_named() {
    let dir = common::failure_dir("plots-mesh-errors");
    std::fs::create_dir_all(&dir).expect("dir");
    let fig = dir.join("bad.json");
    let z = "[[1, 2, 3], [4, 5, 6], [7, 8, 9]]";
    let cases = [
        (
            format!(
                r#"{{"axes": [[{{"method": "pcolormesh", "args": [[0, 1, 2], [0, 1], {z}]}}]]}}"#
            ),
            "C of shape (3, 3) with X(3) and Y(2) under shading='flat'",
        ),
        (
            format!(
                r#"{{"axes": [[{{"method": "pcolormesh", "args": [[0, 1, 2, 3], [0, 1, 2, 3], {z}], "kwargs": {{"shading": "gouraud"}}}}]]}}"#
            ),
            "C of shape (3, 3) with X(4) and Y(4) under shading='gouraud'",
        ),
        (
            format!(
                r#"{{"axes": [[{{"method": "contourf", "args": [[0, 1], [0, 1, 2], {z}]}}]]}}"#
            ),
            "contourf must be len(x) == Z columns",
        ),
        (
            format!(
                r#"{{"axes": [[{{"method": "contour", "args": [{z}]}}, {{"method": "clabel", "args": []}}]]}}"#
            ),
            "'clabel' needs the contour set as {\"ref\": [i, j]}",
        ),
        (
            format!(
                r#"{{"axes": [[{{"method": "contourf", "args": [{z}]}}]], "figure_calls": [{{"method": "colorbar", "args": [{{"ref": [0, 1]}}]}}]}}"#
            ),
            "is not an image, a scatter, a pcolormesh or a contour set",
        ),
    ];
    for (json, want) in cases {
        let err = refused(&fig, &json);
        assert!(err.contains(want), "{json}: unexpected message: {err}");
    }
}

/// matplotlib's Line2D subslicing (tests/reference/lines_subslice/gen_lines_subslice.py):
/// lines of more than 1000 points with sorted x in a zoomed view, solid, dashed, with NaN
/// x, inverted limits with steps and markers, a walk; and an unsorted line (not cut).
#[test]
fn lines_subslice_cases() {
    run_set("lines_subslice", 6);
}

/// The keyword cases (tests/reference/plots_kw, made by its gen_plots_kw.py): RGB(A)
/// tuples as colours, custom dash patterns (`dashes`, `(offset, [on, off])` linestyles),
/// imshow with inline 2-D data, title locations and title/label keywords.
#[test]
fn keyword_plot_cases() {
    run_set("plots_kw", 43);
}

/// Bad values of the keyword-set keywords are errors naming the value; nothing is written.
#[test]
fn keyword_values_are_checked() {
    let dir = common::failure_dir("plots-kw-errors");
    std::fs::create_dir_all(&dir).expect("dir");
    let fig = dir.join("bad.json");
    for (call, needle) in [
        (
            r#"{"method": "set_title", "args": ["t"], "kwargs": {"loc": "up"}}"#,
            "\"up\"",
        ),
        (
            r#"{"method": "set_ylabel", "args": ["t"], "kwargs": {"loc": "left"}}"#,
            "\"left\"",
        ),
        (
            r#"{"method": "plot", "args": [[0, 1]], "kwargs": {"color": [0.1, 0.2]}}"#,
            "[0.1,0.2]",
        ),
        (
            r#"{"method": "plot", "args": [[0, 1]], "kwargs": {"dashes": [2, -1]}}"#,
            "dashes",
        ),
        (
            r#"{"method": "plot", "args": [[0, 1]], "kwargs": {"ls": [0, []]}}"#,
            "empty dash sequence",
        ),
        (r#"{"method": "imshow", "args": [[[1, 2], [3]]]}"#, "imshow"),
    ] {
        let err = refused(&fig, &format!(r#"{{"axes": [[{call}]]}}"#));
        assert!(err.contains(needle), "{call}: unexpected message: {err}");
    }
}

/// `figure.tight_layout(pad, h_pad, w_pad, rect)` (tests/reference/plots_tight, made by its
/// gen_plots_tight.py): single Axes and 2x2 / 1x3 / 3x1 grids with titles, labels, long and
/// rotated tick labels, log axes, sharex/sharey, suptitle/supxlabel/supylabel, legends
/// inside and outside, colorbars (vertical, horizontal with extends), offset texts, texts
/// beyond the Axes, axis('off') images (negative hspace), 72/100/150 dpi, and the
/// "not applied" warning path; plus the refusals (a colorbar of several Axes, bad rect).
#[test]
fn tight_layout_cases() {
    run_set("plots_tight", 38);
    let dir = common::failure_dir("plots-tight-refused");
    std::fs::create_dir_all(&dir).expect("dir");
    let fig = dir.join("figure.json");
    let img = r#"{"method": "imshow", "args": [[[1, 2], [3, 4]]]}"#;
    for (json, needle) in [
        (
            format!(
                r#"{{"subplots": {{"ncols": 2}}, "axes": [[{img}], [{img}]], "figure_calls": [
                {{"method": "colorbar", "args": [{{"ref": [0, 0]}}], "kwargs": {{"ax": [{{"axes": 0}}, {{"axes": 1}}]}}}},
                {{"method": "tight_layout"}}]}}"#
            ),
            "several Axes",
        ),
        (
            r#"{"figure_calls": [{"method": "tight_layout", "kwargs": {"rect": [0, 1]}}]}"#
                .to_string(),
            "rect",
        ),
        (
            r#"{"figure_calls": [{"method": "tight_layout", "args": [1.0]}]}"#.to_string(),
            "keyword arguments only",
        ),
        (
            r#"{"figure_calls": [{"method": "tight_layout", "kwargs": {"pads": 1}}]}"#.to_string(),
            "pads",
        ),
    ] {
        let err = refused(&fig, &json);
        assert!(err.contains(needle), "{json}: unexpected message: {err}");
    }
}

/// The round-1c cases (tests/reference/plots_r1c, made by its gen_plots_r1c.py): half-filled
/// markers (fillstyle, markerfacecoloralt) in lines and legend handles, axline (two points,
/// slope, log axes, legend), legend scatterpoints/scatteryoffsets, annotations whose xy
/// lies outside the Axes (annotation_clip), symlog minor ticks (subs, minorticks_on/off).
#[test]
fn r1c_plot_cases() {
    run_set("plots_r1c", 34);
}

/// Bad axline, fillstyle, scatterpoints and subs input is an error naming the value.
#[test]
fn r1c_bad_input_is_named() {
    let dir = std::env::temp_dir().join(format!("figbuf-r1c-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("mkdir");
    let fig = dir.join("figure.json");
    for (json, needle) in [
        (
            r#"{"axes": [[{"method": "axline", "args": [[0, 0], [1, 1]], "kwargs": {"slope": 2}}]]}"#,
            "exactly one of xy2 and slope",
        ),
        (
            r#"{"axes": [[{"method": "axline", "args": [[0, 0]]}]]}"#,
            "exactly one of xy2 and slope",
        ),
        (
            r#"{"axes": [[{"method": "axline", "args": [[1, 1], [1, 1]]}]]}"#,
            "a point other than xy1",
        ),
        (
            r#"{"axes": [[{"method": "set_yscale", "args": ["log"]}, {"method": "axline", "args": [[1, 1]], "kwargs": {"slope": 1}}]]}"#,
            "non-linear",
        ),
        (
            r#"{"axes": [[{"method": "plot", "args": [[0, 1]], "kwargs": {"marker": "o", "fillstyle": "half"}}]]}"#,
            "\"half\"",
        ),
        (
            r#"{"axes": [[{"method": "scatter", "args": [[0], [0]], "kwargs": {"label": "a"}}, {"method": "legend", "kwargs": {"scatterpoints": 0}}]]}"#,
            "scatterpoints",
        ),
        (
            r#"{"axes": [[{"method": "scatter", "args": [[0], [0]], "kwargs": {"label": "a"}}, {"method": "legend", "kwargs": {"scatteryoffsets": []}}]]}"#,
            "scatteryoffsets",
        ),
        (
            r#"{"axes": [[{"method": "loglog", "args": [[1, 2], [1, 2]], "kwargs": {"base": 1}}]]}"#,
            "'loglog' keyword 'base' 1 is not supported (a number in (1, 1e6])",
        ),
        (
            r#"{"axes": [[{"method": "set_xscale", "args": ["linear"], "kwargs": {"subs": [2]}}]]}"#,
            "symlog",
        ),
    ] {
        let msg = refused(&fig, json);
        assert!(msg.contains(needle), "{json}: {msg}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Below 1 dpi and sub-pixel ticks (tests/reference/plots_tinydpi, made by its
/// gen_plots_tinydpi.py; issue 18): figures at 0.3 to 0.9 dpi (glyphs at FreeType's 72 dpi,
/// layout at the true dpi), and ticks shorter than a pixel at 100 and 150 dpi (not snapped).
#[test]
fn tiny_dpi_plot_cases() {
    run_set("plots_tinydpi", 7);
}

/// Text everywhere (tests/reference/text_more, made by its gen_text_more.py): Hebrew,
/// Arabic and mixed labels rotated (titles, ylabels, text at 30 and 45 degrees in both
/// rotation modes, annotate, legend entries, colorbar labels) at dpi 72, 100 and 200;
/// mathtext and several lines in user tick labels, legend entries and titles, colorbar
/// labels, annotate and suptitle; glyph boxes between pixels; bidi controls and joiners.
#[test]
fn text_more_cases() {
    run_set("text_more", 21);
}

/// Several lines with `linespacing` and `multialignment` (tests/reference/text_lines, made
/// by its gen_text_lines.py): text, annotate, titles, axis labels and suptitle, dpi 72,
/// 100 and 150.
#[test]
fn text_lines_cases() {
    run_set("text_lines", 8);
}

/// Issue 19's text audit (tests/reference/text_audit, gen_text_audit.py): annotation arrows
/// leaving round and square boxes through their corners (pad, shrinkA/shrinkB, rotated
/// text), several lines in legend entries, legend titles and tick labels, and every text
/// position (contour labels and the figure's sup labels included) with mathtext, dollars,
/// CJK/Hebrew/Arabic, several lines and rotations at dpi 72/100/200.
#[test]
fn text_audit_cases() {
    run_set("text_audit", 47);
}

/// The text audit's keywords refuse what matplotlib refuses, naming it: tick-label text
/// keywords without labels, a supylabel ha other than 'left', a non-number shrinkA.
#[test]
fn text_audit_bad_input_is_named() {
    let dir = std::env::temp_dir().join(format!("figbuf-text-audit-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("mkdir");
    let fig = dir.join("figure.json");
    for (json, needle) in [
        (
            r#"{"axes": [[{"method": "set_xticks", "args": [[0, 1]], "kwargs": {"linespacing": 2}}]]}"#,
            "labels argument cannot be None",
        ),
        (
            r#"{"axes": [[{"method": "set_yticks", "args": [[0, 1], ["a", "b"]], "kwargs": {"ma": "middle"}}]]}"#,
            "middle",
        ),
        (
            r#"{"axes": [[]], "figure_calls": [{"method": "supylabel", "args": ["y"], "kwargs": {"ha": "right"}}]}"#,
            "supylabel ha",
        ),
        (
            r#"{"axes": [[{"method": "annotate", "args": ["t", [0, 0]], "kwargs": {"xytext": [1, 1], "arrowprops": {"arrowstyle": "->", "shrinkA": "x"}}}]]}"#,
            "shrinkA",
        ),
    ] {
        let err = refused(&fig, json);
        assert!(err.contains(needle), "{json}: {err}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The second keyword cases (tests/reference/plots_kw2, made by its gen_plots_kw2.py):
/// `subs` and `nonpositive='clip'` on log scales (also of semilogx/semilogy/loglog), major
/// and minor grids set apart,
/// `axline(..., transform=...)`, figure legends with explicit handles/labels, `clabel` on
/// symlog Axes, `tight_layout(rect=...)` with None sides, `tight_layout` with annotation
/// arrows, the default colour of axhline/axvline.
#[test]
fn keyword2_plot_cases() {
    run_set("plots_kw2", 64);
}

/// Log scales with bases other than 10 (tests/reference/plots_logbase, made by its
/// gen_plots_logbase.py): bases 2, e, 3 and 5 on few and many decades, minor ticks, explicit
/// subs, grids, semilogx/semilogy/loglog with `base`; `nonpositive='mask'`.
#[test]
fn log_base_plot_cases() {
    run_set("plots_logbase", 20);
}

/// Legends with columns mixing line, scatter and bar handles (Axes and figure legends,
/// titles) and texts holding paragraph separators (tests/reference/plots_legend2, made
/// by its gen_plots_legend2.py).
#[test]
fn legend2_plot_cases() {
    run_set("plots_legend2", 18);
}

/// What the second keyword set still refuses is an error naming the keyword and the value.
#[test]
fn keyword2_refusals_are_named() {
    let dir = std::env::temp_dir().join(format!("figbuf-kw2-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("mkdir");
    let fig = dir.join("figure.json");
    for (json, needle) in [
        (
            r#"{"axes": [[{"method": "set_xscale", "args": ["log"], "kwargs": {"nonpositive": "drop"}}]]}"#,
            "'set_xscale' keyword 'nonpositive' \"drop\" is not supported ('clip' or 'mask')",
        ),
        (
            r#"{"axes": [[{"method": "set_yscale", "args": ["log"], "kwargs": {"base": 0.5}}]]}"#,
            "'set_yscale' keyword 'base' 0.5 of a log scale is not supported (a number in (1, 1e6])",
        ),
        (
            r#"{"axes": [[{"method": "set_xscale", "args": ["linear"], "kwargs": {"subs": [2]}}]]}"#,
            "subs must be a log or symlog axis",
        ),
        (
            r#"{"axes": [[{"method": "axline", "args": [[0, 0]], "kwargs": {"slope": 1, "transform": "transBlah"}}]]}"#,
            "'axline' transform \"transBlah\" is not supported",
        ),
        (
            r#"{"axes": [[]], "figure_calls": [{"method": "tight_layout", "kwargs": {"rect": [0, 0, "a", 1]}}]}"#,
            "'tight_layout' keyword 'rect' [0,0,\"a\",1] is not four numbers or nulls",
        ),
    ] {
        let err = refused(&fig, json);
        assert!(err.contains(needle) && err.contains("call 0: "), "{err}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The round-2d cases (tests/reference/plots_r2d, made by its gen_plots_r2d.py):
/// pcolormesh shading='gouraud' (C only, 2-D, skewed, curvilinear, non-uniform 1-D, NaN,
/// alpha, log norm and log axes, colorbars, dpi 72 and 200); hatches on bar/barh (one or
/// a list, edge-coloured, dense, dpi 72/200, legend handle), hist (bars, stepfilled), pie,
/// fill_between, circle hatches;
/// boxplot notch (lines and patches), meanline (vertical and horizontal); pie shadow;
/// violinplot side low/high (vertical and horizontal).
#[test]
fn round2d_plot_cases() {
    run_set("plots_r2d", 27);
}

/// Large canvases (tests/reference/plots_canvas, made by its gen_plots_canvas.py; issue 21):
/// imshow upsampled ~2.8x (hanning) with a colorbar on 3840 x 2160 canvases at 100 and 300
/// dpi, the figure of the `canvas 3840x2160 1024` benchmark job.
#[test]
fn large_canvas_cases() {
    run_set("plots_canvas", 2);
}

/// The last refused keywords of round 1 (tests/reference/plots_kw3, made by its
/// gen_plots_kw3.py): `markevery` as a float, a (start, float) tuple, a slice and a mask
/// (linear, log and zoomed axes, NaN gaps, repeated points, steps); legends with
/// `fancybox=False`, `shadow` dicts, `labelcolor` (colours, lists, the getter names over
/// lines, scatters, bars, fills and errorbars), `markerfirst=False`, and figure legends at
/// `loc='outside ...'`; annotation arrows with connectionstyle 'arc3,rad=...' and
/// 'angle3,...', and without arrowstyle (the 'simple' YAArrow imitation); scale changes
/// on empty Axes (symlog keeps the view (0, 1)).
#[test]
fn keyword3_plot_cases() {
    run_set("plots_kw3", 44);
}

/// What the third keyword set refuses, as matplotlib does, is an error naming the value.
#[test]
fn keyword3_refusals_are_named() {
    let dir = std::env::temp_dir().join(format!("figbuf-kw3-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("mkdir");
    let fig = dir.join("figure.json");
    for (json, needle) in [
        (
            r#"{"axes": [[{"method": "plot", "args": [[0, 1, 2]], "kwargs": {"marker": "o", "markevery": 0.0}}]]}"#,
            "markevery",
        ),
        (
            r#"{"axes": [[{"method": "plot", "args": [[0, 1, 2]], "kwargs": {"marker": "o", "markevery": [true, false]}}]]}"#,
            "a mask of 2 entries",
        ),
        (
            r#"{"axes": [[{"method": "plot", "args": [[0, 1, 2]], "kwargs": {"marker": "o", "markevery": {"slice": [0, null, 0]}}}]]}"#,
            "a slice step other than 0",
        ),
        (
            r#"{"axes": [[{"method": "plot", "args": [[0, 1]], "kwargs": {"label": "a"}}, {"method": "legend", "kwargs": {"loc": "outside upper right"}}]]}"#,
            "only work for figure legends",
        ),
        (
            r#"{"axes": [[{"method": "plot", "args": [[0, 1]], "kwargs": {"label": "a"}}, {"method": "legend", "kwargs": {"shadow": {"hatch": "/"}}}]]}"#,
            "'legend' shadow keyword 'hatch' is not supported",
        ),
        (
            r#"{"axes": [[{"method": "annotate", "args": ["a"], "kwargs": {"xy": [0, 0], "xytext": [1, 1], "arrowprops": {"arrowstyle": "->", "connectionstyle": "angle3,angleA=0,angleB=180"}}}]]}"#,
            "angles whose lines cross",
        ),
        (
            r#"{"axes": [[{"method": "annotate", "args": ["a"], "kwargs": {"xy": [0, 0], "xytext": [1, 1], "arrowprops": {"arrowstyle": "->", "connectionstyle": "bar,fraction=0.3"}}}]]}"#,
            "arrowprops connectionstyle must be a supported style",
        ),
    ] {
        let err = refused(&fig, json);
        assert!(err.contains(needle), "{err}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The randomized audit of the figure.json calls (tests/reference/plots_audit, made by its
/// gen_audit.py from seeds): random grids (shared axes, ratios of dpi and size), line,
/// scatter, span, text, fill, step, stairs, errorbar, bar, hist (bins by name), stackplot,
/// pie, mesh, contour, box/violin and image calls with random keywords, mathtext titles,
/// legends at every loc, colorbars, suptitles and tight_layout: the figures that differed
/// before this audit's fixes and a sample of those already exact.
#[test]
fn audit_plot_cases() {
    run_set("plots_audit", 125);
}

/// `imshow(alpha=)`: a scalar alpha in both stages (small upsampled and large downsampled
/// data), with NaNs, nearest and bilinear, float RGB and RGBA, colorbars and facecolours
/// (tests/reference/imshow_alpha/gen_imshow_alpha.py).
#[test]
fn imshow_alpha_cases() {
    run_set("imshow_alpha", 21);
}

/// An array `imshow(alpha=)` and a scalar outside [0, 1] are errors naming them (exit 1,
/// nothing written).
#[test]
fn imshow_alpha_refusals_are_named() {
    let dir = common::failure_dir("imshow-alpha-errors");
    std::fs::create_dir_all(&dir).expect("dir");
    let fig = dir.join("bad.json");
    let out = dir.join("bad.png");
    for (alpha, expect) in [
        ("[[0.5, 1], [1, 0.5]]", "an array alpha is not"),
        ("1.5", "alpha"),
    ] {
        std::fs::write(
            &fig,
            format!(
                r#"{{"axes": [[{{"method": "imshow", "args": [[[1, 2], [3, 4]]], "kwargs": {{"alpha": {alpha}}}}}]]}}"#
            ),
        )
        .expect("write");
        let _ = std::fs::remove_file(&out);
        let o = Command::new(env!("CARGO_BIN_EXE_figbuf"))
            .arg("render")
            .arg(&fig)
            .arg("-o")
            .arg(&out)
            .output()
            .expect("run");
        assert_eq!(o.status.code(), Some(1));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(expect), "unexpected message: {err}");
        assert!(
            err.contains("1.5") || alpha != "1.5",
            "value not named: {err}"
        );
        assert!(!out.exists());
    }
}
