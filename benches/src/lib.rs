//! The figures of figbuf's plot benchmarks, shared by the criterion bench (`benches/plot.rs`)
//! and the timing binary the interleaved comparison with matplotlib runs
//! (`src/bin/plot_timing.rs`, `plot_timing_vs_mpl.py`).
//!
//! - [`p02_figure`]: matplotlib's plot case p02_lines_cycle_legend (four lines of 120 points
//!   through the colour cycle, four linestyles, a legend at 'best', title and labels), from
//!   the case's data ([`p02_data`]).
//! - [`random_walk_figure`]: `plt.plot(np.cumsum(np.random.randn(20000)))`, with the walk
//!   generated here ([`random_walk`]) and written to `data/random_walk_20000.npy` for the
//!   matplotlib side.

#[path = "../../examples/data/p02_data.rs"]
pub mod p02_data;

pub mod floors;

use figbuf::{Figure, LegendOptions, LineStyle, PlotOptions, Result};
use std::io::Write;
use std::path::Path;

/// The number of points of the benchmarked random walk.
pub const RANDOM_WALK_POINTS: usize = 20_000;

/// The plot case p02_lines_cycle_legend, built with the library API:
///
/// ```python
/// fig, ax = plt.subplots()
/// ax.plot(t, np.sin(t), label="sin")
/// ax.plot(t, np.cos(t), "--", label="cos")
/// ax.plot(t, 0.5 * np.sin(2 * t), "-.", label="sin 2t")
/// ax.plot(t, 0.3 * np.cos(3 * t), ":", lw=2.5, label="cos 3t")
/// ax.set_title("Trigonometry"); ax.set_xlabel("t (rad)"); ax.set_ylabel("amplitude")
/// ax.legend()
/// ```
pub fn p02_figure() -> Result<Figure> {
    use p02_data::{X, Y0, Y1, Y2, Y3};
    let mut fig = Figure::default();
    let ax = fig.add_subplot();
    let a = &mut fig[ax];
    a.plot_with(&X[..], &Y0[..], PlotOptions::default().label("sin"))?;
    a.plot_with(
        &X[..],
        &Y1[..],
        PlotOptions::default()
            .linestyle(LineStyle::Dashed)
            .label("cos"),
    )?;
    a.plot_with(
        &X[..],
        &Y2[..],
        PlotOptions::default()
            .linestyle(LineStyle::DashDot)
            .label("sin 2t"),
    )?;
    a.plot_with(
        &X[..],
        &Y3[..],
        PlotOptions::default()
            .linestyle(LineStyle::Dotted)
            .linewidth(2.5)
            .label("cos 3t"),
    )?;
    a.set_title("Trigonometry")
        .set_xlabel("t (rad)")
        .set_ylabel("amplitude");
    a.legend(LegendOptions::default())?;
    Ok(fig)
}

/// `np.cumsum(randn(n))` from a fixed seed: xorshift64 uniforms, Box-Muller normals.
pub fn random_walk(n: usize) -> Vec<f64> {
    let mut s = 0x9E37_79B9_7F4A_7C15u64;
    let mut uniform = || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        // (0, 1]: never 0, so the logarithm is finite.
        ((s >> 11) + 1) as f64 / (1u64 << 53) as f64
    };
    let mut walk = Vec::with_capacity(n);
    let mut sum = 0.0;
    while walk.len() < n {
        let (u1, u2) = (uniform(), uniform());
        let r = (-2.0 * u1.ln()).sqrt();
        let a = std::f64::consts::TAU * u2;
        for z in [r * a.cos(), r * a.sin()] {
            if walk.len() < n {
                sum += z;
                walk.push(sum);
            }
        }
    }
    walk
}

/// `fig, ax = plt.subplots(); ax.plot(walk)`.
pub fn random_walk_figure(walk: &[f64]) -> Result<Figure> {
    let mut fig = Figure::default();
    let ax = fig.add_subplot();
    fig[ax].plot_y(walk, PlotOptions::default())?;
    Ok(fig)
}

/// Writes `values` as a 1-D little-endian float64 `.npy` file (format 1.0), as `np.save`.
pub fn write_npy_f64(path: &Path, values: &[f64]) -> std::io::Result<()> {
    let dict = format!(
        "{{'descr': '<f8', 'fortran_order': False, 'shape': ({},), }}",
        values.len()
    );
    // Magic (6) + version (2) + header length (2) + dict + padding + '\n': a multiple of 64.
    let unpadded = 10 + dict.len() + 1;
    let header = format!(
        "{dict}{}\n",
        " ".repeat(unpadded.next_multiple_of(64) - unpadded)
    );
    let mut out = Vec::with_capacity(10 + header.len() + 8 * values.len());
    out.extend_from_slice(b"\x93NUMPY\x01\x00");
    out.extend_from_slice(&(header.len() as u16).to_le_bytes());
    out.extend_from_slice(header.as_bytes());
    for v in values {
        out.extend_from_slice(&v.to_le_bytes());
    }
    std::fs::File::create(path)?.write_all(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed .npy the matplotlib side reads is the walk this crate generates.
    #[test]
    fn committed_random_walk_matches() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/random_walk_20000.npy");
        let committed = std::fs::read(&path).expect("data/random_walk_20000.npy");
        let tmp = std::env::temp_dir().join(format!("figbuf-walk-{}.npy", std::process::id()));
        write_npy_f64(&tmp, &random_walk(RANDOM_WALK_POINTS)).expect("written");
        let fresh = std::fs::read(&tmp).expect("read back");
        let _ = std::fs::remove_file(&tmp);
        assert!(
            committed == fresh,
            "regenerate with `plot-timing --write-data`"
        );
    }

    #[test]
    fn figures_build() {
        p02_figure().expect("p02");
        random_walk_figure(&random_walk(1000)).expect("walk");
    }
}
