//! Parity of labels with mathtext and several lines: the cases of
//! tests/reference/text (made by tests/reference/text/gen_text.py with matplotlib 3.11.2)
//! rendered through the `figbuf` CLI and compared pixel by pixel with matplotlib's canvas.
//! Budgets in tests/reference/text/budgets.json only ever tighten; a failure leaves
//! actual/expected/diff images under target/figbuf-test-output/.

mod common;

use common::{cases_dir, decode_png, metrics, write_failure};
use std::path::PathBuf;
use std::process::Command;

fn text_dir() -> PathBuf {
    cases_dir().parent().expect("reference dir").join("text")
}

fn run(name: &str, budgets: &serde_json::Value) -> Result<(), String> {
    let dir = text_dir().join(name);
    let case: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("case.json")).expect("case.json"))
            .expect("json");
    let out_dir = common::failure_dir("text-parity-out");
    std::fs::create_dir_all(&out_dir).expect("out dir");
    let out = out_dir.join(format!("{name}.png"));
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
    let status = Command::new(env!("CARGO_BIN_EXE_figbuf"))
        .args(&argv)
        .status()
        .expect("run figbuf");
    if !status.success() {
        return Err(format!("{name}: figbuf exited with {status}"));
    }
    let actual = decode_png(&out);
    let expected = decode_png(&dir.join("ref.png"));
    if (actual.width, actual.height) != (expected.width, expected.height) {
        return Err(format!("{name}: canvas size differs"));
    }
    let (rms, bad) = metrics(&actual, &expected);
    let max_rms = budgets[name]["rms"].as_f64().expect("rms budget");
    let max_bad = budgets[name]["bad_percent"].as_f64().expect("bad budget");
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

/// Every text case meets its budget (all are byte-exact today: budget 0).
#[test]
fn text_cases() {
    let budgets: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(text_dir().join("budgets.json")).expect("budgets.json"),
    )
    .expect("budgets json");
    let mut names: Vec<String> = std::fs::read_dir(text_dir())
        .expect("text cases")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 10, "text cases missing: {}", names.len());
    let failures: Vec<String> = names
        .iter()
        .filter_map(|n| run(n, &budgets).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
