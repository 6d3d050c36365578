//! `Figure::clabel` from Rust, checked against matplotlib's pixels: the case
//! plots_clabel/k09_levels_subset (contour with explicit levels, three of them labelled)
//! built with `ContourOptions` / `ClabelOptions` instead of figure.json; and its errors.

mod common;

use common::decode_png;
use figbuf::{
    Array2D, ClabelOptions, ContourOptions, Figure, LabelFormat, Levels, MeshCoords,
    SubplotsOptions,
};
use std::path::PathBuf;

fn case_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/reference/plots_clabel/k09_levels_subset")
}

/// A little-endian float64 .npy (format 1.0, C order): shape and data.
fn npy(name: &str) -> (Vec<usize>, Vec<f64>) {
    let b = std::fs::read(case_dir().join(name)).expect("npy");
    let hlen = u16::from_le_bytes([b[8], b[9]]) as usize;
    let header = String::from_utf8_lossy(&b[10..10 + hlen]).to_string();
    assert!(
        header.contains("'<f8'") && header.contains("False"),
        "{header}"
    );
    let shape = &header[header.find("'shape': (").expect("shape") + 10..];
    let dims: Vec<usize> = shape[..shape.find(')').expect(")")]
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let data = b[10 + hlen..]
        .chunks_exact(8)
        .map(|c| f64::from_le_bytes(c.try_into().expect("8 bytes")))
        .collect();
    (dims, data)
}

fn inputs() -> (MeshCoords, MeshCoords, Array2D) {
    let (_, x) = npy("x.npy");
    let (_, y) = npy("y.npy");
    let (dims, z) = npy("z.npy");
    (
        MeshCoords::D1(x),
        MeshCoords::D1(y),
        Array2D::new(dims[0], dims[1], z).expect("shape"),
    )
}

#[test]
fn levels_subset_from_rust() {
    let (x, y, z) = inputs();
    let mut fig = Figure::new(6.4, 4.8, 100.0);
    let ax = fig
        .subplots(1, 1, SubplotsOptions::default())
        .expect("subplots")[0];
    let cs = fig[ax]
        .contour(
            Some((x, y)),
            z,
            ContourOptions::default().levels(Levels::Values(vec![-0.4, -0.2, 0.2, 0.4, 0.6, 0.8])),
        )
        .expect("contour");
    let labels = fig
        .clabel(cs, ClabelOptions::default().levels(vec![-0.2, 0.4, 0.8]))
        .expect("clabel");
    assert!(!labels.is_empty());
    let frame = fig.render().expect("render");
    let expected = decode_png(&case_dir().join("ref.png"));
    assert_eq!(
        (frame.width(), frame.height()),
        (expected.width, expected.height)
    );
    let actual = frame.into_ndarray();
    let same = actual
        .iter()
        .zip(&expected.data)
        .filter(|(a, b)| a == b)
        .count();
    assert_eq!(same, expected.data.len(), "k09 from Rust: not byte-exact");
}

#[test]
fn clabel_errors_name_the_value() {
    let (x, y, z) = inputs();
    let mut fig = Figure::new(6.4, 4.8, 100.0);
    let ax = fig
        .subplots(1, 1, SubplotsOptions::default())
        .expect("subplots")[0];
    let line = fig[ax].plot(vec![0.0, 1.0], vec![0.0, 1.0]).expect("plot");
    let e = fig
        .clabel(line, ClabelOptions::default())
        .unwrap_err()
        .to_string();
    assert!(e.contains("contour set"), "{e}");
    let cs = fig[ax]
        .contourf(Some((x, y)), z, ContourOptions::default())
        .expect("contourf");
    let e = fig
        .clabel(cs, ClabelOptions::default().levels(vec![0.123]))
        .unwrap_err()
        .to_string();
    assert!(e.contains("0.123") && e.contains("subset"), "{e}");
    let e = fig
        .clabel(cs, ClabelOptions::default().manual(vec![(0.0, 0.0)]))
        .unwrap_err()
        .to_string();
    assert!(e.contains("filled"), "{e}");
    let e = fig
        .clabel(
            cs,
            ClabelOptions::default().fmt(LabelFormat::Printf("%f and %f".into())),
        )
        .unwrap_err()
        .to_string();
    assert!(e.contains("%f and %f"), "{e}");
}
