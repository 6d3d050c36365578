//! Large `.npy` inputs through the `figbuf` binary (issue 21): data from 4 MiB on is left
//! in a read-only map of its file (or read by position on the worker threads where it
//! cannot be mapped), and must draw exactly what the plain read draws, in every dtype,
//! byte order and memory order; an input cut short while it is mapped is an error that
//! names it, not a crash.
//!
//! The `.npy` inputs are written by the test itself (no Python at test time).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_figbuf");

/// A version-1.0 `.npy` file, padded as numpy pads it.
fn npy(descr: &str, fortran: bool, shape: (usize, usize), data: &[u8]) -> Vec<u8> {
    let order = if fortran { "True" } else { "False" };
    let dict = format!(
        "{{'descr': '{descr}', 'fortran_order': {order}, 'shape': ({}, {}), }}",
        shape.0, shape.1
    );
    common::npy_raw(&dict, data)
}

/// A fresh, empty directory under the target directory.
fn scratch(name: &str) -> PathBuf {
    common::scratch("large_input", name)
}

/// Runs figbuf with `args` (and `FIGBUF_NO_MMAP` when `read`), returning the output file.
fn run(args: &[&str], out: &Path, read: bool) -> Vec<u8> {
    let mut cmd = Command::new(BIN);
    cmd.args(args).arg("-o").arg(out);
    if read {
        cmd.env("FIGBUF_NO_MMAP", "1");
    } else {
        cmd.env_remove("FIGBUF_NO_MMAP");
    }
    let result = cmd.output().expect("run figbuf");
    assert!(
        result.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&result.stderr)
    );
    std::fs::read(out).expect("output written")
}

/// A smooth field with some structure, `rows x cols`, as values of each dtype.
fn field(rows: usize, cols: usize) -> Vec<f64> {
    (0..rows * cols)
        .map(|i| {
            let (r, c) = ((i / cols) as f64, (i % cols) as f64);
            (r * 0.013).sin() * 40.0 + (c * 0.021).cos() * 60.0 + ((i * 7919) % 13) as f64
        })
        .collect()
}

#[test]
fn mapped_inputs_draw_what_read_inputs_draw() {
    let dir = scratch("alike");
    let (rows, cols) = (1536, 1400);
    let v = field(rows, cols);
    let le_f64: Vec<u8> = v.iter().flat_map(|x| x.to_le_bytes()).collect();
    let mut inputs: Vec<(&str, Vec<u8>)> = vec![
        ("f64", npy("<f8", false, (rows, cols), &le_f64)),
        ("f64-fortran", npy("<f8", true, (rows, cols), &le_f64)),
        (
            "f64-big-endian",
            npy(
                ">f8",
                false,
                (rows, cols),
                &v.iter().flat_map(|x| x.to_be_bytes()).collect::<Vec<_>>(),
            ),
        ),
        (
            "f32",
            npy(
                "<f4",
                false,
                (rows, cols),
                &v.iter()
                    .flat_map(|&x| (x as f32).to_le_bytes())
                    .collect::<Vec<_>>(),
            ),
        ),
        (
            "i32",
            npy(
                "<i4",
                false,
                (rows, cols),
                &v.iter()
                    .flat_map(|&x| (x as i32).to_le_bytes())
                    .collect::<Vec<_>>(),
            ),
        ),
        (
            "u16",
            npy(
                "<u2",
                true,
                (rows, cols),
                &v.iter()
                    .flat_map(|&x| ((x + 100.0) as u16).to_le_bytes())
                    .collect::<Vec<_>>(),
            ),
        ),
    ];
    // Non-finite values are masked the same way from a map.
    let mut holes = v.clone();
    holes[12_345] = f64::NAN;
    holes[700_000] = f64::INFINITY;
    inputs.push((
        "f64-nan-inf",
        npy(
            "<f8",
            false,
            (rows, cols),
            &holes
                .iter()
                .flat_map(|x| x.to_le_bytes())
                .collect::<Vec<_>>(),
        ),
    ));
    for (name, bytes) in &inputs {
        let input = dir.join(format!("{name}.npy"));
        std::fs::write(&input, bytes).expect("write input");
        let input = input.to_str().expect("utf-8 path");
        for (command, ext) in [
            (vec!["imshow", input, "--colorbar", "vertical"], "png"),
            (vec!["imshow", input, "--interpolation", "bilinear"], "npy"),
            (vec!["colormap", input, "--cmap", "magma"], "npy"),
        ] {
            let mapped = run(&command, &dir.join(format!("mapped.{ext}")), false);
            let read = run(&command, &dir.join(format!("read.{ext}")), true);
            assert!(
                mapped == read,
                "{name}: {command:?} differs mapped and read"
            );
        }
    }
}

/// What `figbuf COMMAND` left in its scratch folder besides its input.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn left_beside_input(dir: &std::path::Path) -> Vec<std::ffi::OsString> {
    std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .filter(|n| n != "cut.npy")
        .collect()
}

/// Runs `figbuf COMMAND cut.npy -o OUT` on `rows` x `cols` float64 data, held by the test
/// hook `hold` (an environment variable, 3-4 s), cuts the input short after `wait_ms`, and
/// checks the named error (exit status 1) and that nothing is left beside the input.
/// Returns what was beside the input just before the cut.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn cut_short_while_held(
    name: &str,
    command: &str,
    (rows, cols): (usize, usize),
    out: &str,
    hold: (&str, &str),
    wait_ms: u64,
) -> Vec<std::ffi::OsString> {
    let dir = scratch(name);
    let data: Vec<u8> = field(rows, cols)
        .iter()
        .flat_map(|x| x.to_le_bytes())
        .collect();
    let input = dir.join("cut.npy");
    std::fs::write(&input, npy("<f8", false, (rows, cols), &data)).expect("write input");
    let child = Command::new(BIN)
        .arg(command)
        .arg(&input)
        .arg("-o")
        .arg(dir.join(out))
        .env(hold.0, hold.1)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run figbuf");
    std::thread::sleep(std::time::Duration::from_millis(wait_ms));
    let before_cut = left_beside_input(&dir);
    std::fs::OpenOptions::new()
        .write(true)
        .open(&input)
        .and_then(|f| f.set_len(4096))
        .expect("cut the input short");
    let result = child.wait_with_output().expect("wait for figbuf");
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("error: ") && stderr.contains("cut.npy: the file was cut short"),
        "{stderr}"
    );
    let left = left_beside_input(&dir);
    assert!(left.is_empty(), "left behind: {left:?}");
    before_cut
}

/// The input cut short while figbuf holds it mapped: `SIGBUS` when the lost pages are
/// read, reported as an error naming the input (exit status 1), and no output left.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn an_input_cut_short_under_the_map_is_a_named_error() {
    cut_short_while_held(
        "cut",
        "imshow",
        (1024, 1024),
        "out.png",
        ("FIGBUF_TEST_HOLD_AFTER_READ_MS", "3000"),
        1000,
    );
}

/// The input cut short while `colormap` streams its `.npy` output block by block (after
/// the first block is written): the same named error, and the temporary output file is
/// removed by the `SIGBUS` handler.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn an_input_cut_short_while_colormap_writes_leaves_nothing() {
    let partial = cut_short_while_held(
        "cut-colormap",
        "colormap",
        (2048, 1024),
        "out.npy",
        ("FIGBUF_TEST_HOLD_AFTER_BLOCK_MS", "4000"),
        1500,
    );
    // The temporary file existed while the first block was held.
    assert_eq!(partial.len(), 1, "{partial:?}");
}
