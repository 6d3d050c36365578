//! Parity with matplotlib 3.11.2: every reference case rendered through the `figbuf` CLI and
//! compared pixel by pixel with matplotlib's canvas. Two sets: the public cases
//! (tests/reference/cases) and extra ones made by tests/reference/gen_extra.py
//! (tests/reference/extra). Each set has a `budgets.json` whose budgets only ever tighten; a
//! failure leaves actual/expected/diff images under target/figbuf-test-output/.

#[path = "../../tests/common/mod.rs"]
mod common;

use common::{cases_dir, decode_png, metrics, write_failure};
use std::path::{Path, PathBuf};
use std::process::Command;

fn reference_dir() -> PathBuf {
    cases_dir().parent().expect("reference dir").to_path_buf()
}

fn budgets(file: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(file).expect("budgets.json"))
        .expect("budgets json")
}

/// How the CLI runs: on this CPU's fastest code path, or forced onto the baseline one.
#[derive(Clone, Copy, PartialEq)]
enum CpuPath {
    Native,
    /// `FIGBUF_NO_AVX512=1`: the AVX2 copies of the hot loops (on a CPU with AVX-512,
    /// native takes the AVX-512 ones).
    Avx2,
    /// `FIGBUF_NO_AVX2=1`: the copies of the hot loops compiled for the baseline x86-64.
    Baseline,
}

/// Renders case `name` of the folder `cases` through the CLI and checks it against `budgets`.
fn run_case_in(cases: &Path, budgets: &serde_json::Value, name: &str) -> Result<(), String> {
    run_case_on(cases, budgets, name, CpuPath::Native)
}

fn run_case_on(
    cases: &Path,
    budgets: &serde_json::Value,
    name: &str,
    path: CpuPath,
) -> Result<(), String> {
    let dir = cases.join(name);
    let case: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("case.json")).expect("case.json"))
            .expect("json");
    let out_dir = common::failure_dir("parity-out");
    std::fs::create_dir_all(&out_dir).expect("out dir");
    let suffix = match path {
        CpuPath::Native => "",
        CpuPath::Avx2 => "-avx2",
        CpuPath::Baseline => "-baseline",
    };
    let out = out_dir.join(format!("{name}{suffix}.png"));
    let argv: Vec<String> = case["cli"]
        .as_array()
        .expect("cli")
        .iter()
        .skip(1)
        .map(|a| match a.as_str().expect("argv string") {
            "DATA.npy" => dir.join("data.npy").display().to_string(),
            "OUT.png" => out.display().to_string(),
            other => other.to_string(),
        })
        .collect();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_figbuf"));
    match path {
        CpuPath::Native => {}
        CpuPath::Avx2 => {
            cmd.env("FIGBUF_NO_AVX512", "1");
        }
        CpuPath::Baseline => {
            cmd.env("FIGBUF_NO_AVX2", "1");
        }
    }
    let status = cmd.args(&argv).status().expect("run figbuf");
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
    let name = &format!("{name}{suffix}");
    let max_rms = budget["rms"].as_f64().expect("rms budget");
    let max_bad = budget["bad_percent"].as_f64().expect("bad budget");
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

fn run_case(name: &str) {
    let budgets = budgets(&reference_dir().join("budgets.json"));
    run_case_in(&cases_dir(), &budgets, name).unwrap_or_else(|e| panic!("{e}"));
}

macro_rules! cases {
    ($($f:ident => $name:literal),* $(,)?) => {
        $(#[test] fn $f() { run_case($name); })*
    };
}

cases! {
    case_01_default => "01_default",
    case_02_peaks => "02_peaks",
    case_03_fill_noaxes => "03_fill_noaxes",
    case_04_origin_lower_extent => "04_origin_lower_extent",
    case_05_small_6x8 => "05_small_6x8",
    case_06_lognorm => "06_lognorm",
    case_07_negative_centered => "07_negative_centered",
    case_08_title_labels => "08_title_labels",
    case_09_horizontal_colorbar => "09_horizontal_colorbar",
    case_10_nan_bad => "10_nan_bad",
}

/// The byte-exact promise: the fill case is plain colour mapping.
#[test]
fn fill_case_is_byte_exact() {
    run_case("03_fill_noaxes");
    let out = common::failure_dir("parity-out").join("03_fill_noaxes.png");
    let a = decode_png(&out);
    let e = decode_png(&cases_dir().join("03_fill_noaxes/ref.png"));
    assert!(a.data == e.data, "03_fill_noaxes is not byte-exact");
}

/// The extra cases: all run, every failure reported.
#[test]
fn extra_cases() {
    let set = reference_dir().join("extra");
    let budgets = budgets(&set.join("budgets.json"));
    let mut names: Vec<String> = std::fs::read_dir(&set)
        .expect("extra cases")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 25, "extra cases missing: {}", names.len());
    let failures: Vec<String> = names
        .iter()
        .filter_map(|n| run_case_in(&set, &budgets, n).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every public and extra case rendered on `path` meets the same budgets.
fn all_cases_on(path: CpuPath) {
    let public = budgets(&reference_dir().join("budgets.json"));
    let extra_set = reference_dir().join("extra");
    let extra = budgets(&extra_set.join("budgets.json"));
    let mut failures = Vec::new();
    for entry in std::fs::read_dir(cases_dir()).expect("cases") {
        let path_buf = entry.expect("entry").path();
        if path_buf.join("case.json").is_file() {
            let name = path_buf
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            failures.extend(run_case_on(&cases_dir(), &public, &name, path).err());
        }
    }
    for entry in std::fs::read_dir(&extra_set).expect("extra cases") {
        let path_buf = entry.expect("entry").path();
        if path_buf.is_dir() {
            let name = path_buf
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            failures.extend(run_case_on(&extra_set, &extra, &name, path).err());
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The baseline copies of the vectorised loops (taken on CPUs without AVX2) meet the same
/// budgets: every public and extra case rendered with `FIGBUF_NO_AVX2=1`.
#[test]
fn baseline_cpu_path() {
    all_cases_on(CpuPath::Baseline);
}

/// The AVX2 copies (taken on CPUs without AVX-512; native on this one may be AVX-512)
/// meet the same budgets: every case rendered with `FIGBUF_NO_AVX512=1`.
#[test]
fn avx2_cpu_path() {
    all_cases_on(CpuPath::Avx2);
}
