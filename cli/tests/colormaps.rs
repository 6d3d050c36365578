//! `figbuf colormaps` (the list and its swatch) and the help texts: each subcommand says
//! exactly what input it takes.

#[path = "../../tests/common/mod.rs"]
mod common;

use common::{decode_png, failure_dir};
use std::process::{Command, Output};

fn figbuf(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_figbuf"))
        .args(args)
        .output()
        .expect("run figbuf")
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("utf-8")
}

#[test]
fn colormaps_lists_every_name_and_draws_their_swatch() {
    let listed = stdout(&figbuf(&["colormaps"]));
    let names: Vec<&str> = listed.lines().collect();
    let all: Vec<&str> = figbuf::colormap_names().collect();
    assert_eq!(names, all);
    assert_eq!(names.len(), 182);
    assert!(names.contains(&"viridis") && names.contains(&"tab20c"));

    let dir = failure_dir("cli-colormaps");
    std::fs::create_dir_all(&dir).expect("dir");
    let swatch = dir.join("swatch.png");
    let _ = std::fs::remove_file(&swatch);
    let again = stdout(&figbuf(&[
        "colormaps",
        "--swatch",
        swatch.to_str().expect("path"),
    ]));
    assert_eq!(again, listed);
    let png = decode_png(&swatch);
    let (w, pixels) = (png.width, &png.data);
    assert_eq!((png.width, png.height), (256, 12 * names.len()));
    // Row band k is colormap k: its first and last columns are the LUT's ends.
    let px = |x: usize, y: usize| -> [u8; 4] {
        let i = (y * w + x) * 4;
        [pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]]
    };
    for (k, name) in names.iter().enumerate() {
        let lut = figbuf::Colormap::named(name)
            .expect("named")
            .lut_rgba8_trunc();
        let n = lut.len() - 3;
        assert_eq!(px(0, 12 * k + 5), lut[0], "{name}: first colour");
        assert_eq!(px(255, 12 * k + 5), lut[n - 1], "{name}: last colour");
    }
    let bad = figbuf(&["colormaps", "--swatch", "out.npy"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--swatch must name a .png"));
}

#[test]
fn help_says_what_each_subcommand_takes() {
    let colormap = stdout(&figbuf(&["colormap", "--help"]));
    assert!(colormap.contains("2-D array of numbers"), "{colormap}");
    assert!(
        !colormap.contains("3|4") && !colormap.contains("(H, W, 3)"),
        "colormap refuses colour images, its help must not offer them:\n{colormap}"
    );
    let imshow = stdout(&figbuf(&["imshow", "--help"]));
    assert!(imshow.contains("(H, W, 3) RGB / (H, W, 4)"), "{imshow}");
    let top = stdout(&figbuf(&["--help"]));
    assert!(top.contains("colormaps"), "{top}");
}
