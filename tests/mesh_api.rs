//! The mesh API from Rust, checked against matplotlib's pixels: the public case p12
//! (pcolormesh with a colorbar beside contourf with black contour lines) built with
//! `PcolormeshOptions` / `ContourOptions` instead of figure.json.

mod common;

use common::decode_png;
use figbuf::{
    Array2D, Colormap, ContourOptions, Figure, Levels, MeshCoords, PcolormeshOptions, Shading,
    SubplotsOptions,
};
use std::path::PathBuf;

fn case_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/reference/plots_mesh/p12_pcolormesh_contourf")
}

/// A 2-D little-endian float64 .npy (format 1.0, C order), as numpy writes it.
fn npy2(name: &str) -> Array2D {
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
    Array2D::new(dims[0], dims[1], data).expect("shape")
}

#[test]
fn pcolormesh_contourf_from_rust() {
    let (x, y, z) = (npy2("gx.npy"), npy2("gy.npy"), npy2("z.npy"));
    let mut fig = Figure::new(10.0, 4.0, 100.0);
    let axes = fig
        .subplots(1, 2, SubplotsOptions::default())
        .expect("subplots");
    let mesh = fig[axes[0]]
        .pcolormesh(
            x.clone(),
            y.clone(),
            z.clone(),
            PcolormeshOptions::default()
                .cmap(Colormap::named("RdBu_r").expect("RdBu_r"))
                .shading(Shading::Auto),
        )
        .expect("pcolormesh");
    let xy = || Some((MeshCoords::D2(x.clone()), MeshCoords::D2(y.clone())));
    fig[axes[1]]
        .contourf(
            xy(),
            z.clone(),
            ContourOptions::default().levels(Levels::Count(10)),
        )
        .expect("contourf");
    fig[axes[1]]
        .contour(
            xy(),
            z.clone(),
            ContourOptions::default()
                .levels(Levels::Count(10))
                .colors(vec!["k".into()])
                .linewidths(vec![0.5]),
        )
        .expect("contour");
    fig.colorbar(mesh).expect("colorbar");
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
    assert_eq!(same, expected.data.len(), "p12 from Rust: not byte-exact");
}
