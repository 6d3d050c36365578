//! The `figbuf colormap` command: `cmap(norm(data), bytes=True)` without a figure. The fill
//! case draws one output pixel per data pixel, so matplotlib's canvas for it is exactly the
//! colour-mapped array: both outputs must equal it byte for byte.

#[path = "../../tests/common/mod.rs"]
mod common;

use common::{cases_dir, decode_png, failure_dir};
use ndarray::Array3;
use ndarray_npy::ReadNpyExt;
use std::process::Command;

fn run(args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_figbuf"))
        .args(args)
        .output()
        .expect("run figbuf");
    assert!(
        out.status.success(),
        "figbuf {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn colormap_command_equals_matplotlib_bytes() {
    let case = cases_dir().join("03_fill_noaxes");
    let data = case.join("data.npy");
    let expected = decode_png(&case.join("ref.png"));
    let dir = failure_dir("cli-colormap");
    std::fs::create_dir_all(&dir).expect("dir");

    let npy = dir.join("mapped.npy");
    run(&[
        "colormap",
        data.to_str().expect("path"),
        "-o",
        npy.to_str().expect("path"),
        "--cmap",
        "inferno",
    ]);
    let file = std::fs::File::open(&npy).expect("npy");
    let arr = Array3::<u8>::read_npy(file).expect("read npy");
    assert_eq!(arr.dim(), (expected.height, expected.width, 4));
    assert!(
        arr.iter().copied().eq(expected.data.iter().copied()),
        "colormap .npy differs from matplotlib"
    );

    let png = dir.join("mapped.png");
    run(&[
        "colormap",
        data.to_str().expect("path"),
        "-o",
        png.to_str().expect("path"),
        "--cmap",
        "inferno",
    ]);
    assert!(
        decode_png(&png).data == expected.data,
        "colormap .png differs from matplotlib"
    );
}

#[test]
fn imshow_writes_the_canvas_as_npy() {
    let case = cases_dir().join("01_default");
    let dir = failure_dir("cli-imshow-npy");
    std::fs::create_dir_all(&dir).expect("dir");
    let npy = dir.join("canvas.npy");
    let data = case.join("data.npy");
    run(&[
        "imshow",
        data.to_str().expect("path"),
        "-o",
        npy.to_str().expect("path"),
        "--colorbar",
        "vertical",
    ]);
    let arr = Array3::<u8>::read_npy(std::fs::File::open(&npy).expect("npy")).expect("read npy");
    let expected = decode_png(&case.join("ref.png"));
    assert_eq!(arr.dim(), (480, 640, 4));
    assert!(
        arr.iter().copied().eq(expected.data.iter().copied()),
        "imshow .npy differs from matplotlib"
    );
}
