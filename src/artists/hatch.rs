//! `matplotlib.hatch.get_path(pattern, density=6)`: the hatch pattern's path in the unit
//! square (line families '-', '|', '/', '\\', '+', 'x', 'X'), and the hatch of a patch's
//! `draw_path` (`Patch.get_hatchcolor`, rc `hatch.linewidth` 1 pt, tile `int(dpi)` px).

use crate::color::Color;
use crate::scene::{Hatch, Path, PathCode};
use crate::{Error, Result};

/// `GraphicsContextBase.get_hatch_path`'s density.
const DENSITY: usize = 6;

/// Checks a hatch string (`_validate_hatch_pattern`, plus the shapes figbuf does not draw).
pub(crate) fn validate(pattern: &str) -> Result<()> {
    if let Some(bad) = pattern.chars().find(|c| !"-+|/\\xX".contains(*c)) {
        return Err(Error::invalid(
            "hatch",
            format!("{pattern:?} (character {bad:?})"),
            "a string of '/', '\\\\', '|', '-', '+', 'x', 'X' (the shapes 'o', 'O', '.', '*' \
             are not supported)",
        ));
    }
    Ok(())
}

fn count(p: &str, chars: &str) -> usize {
    p.chars().filter(|c| chars.contains(*c)).count()
}

/// `hatch.get_path(pattern, 6)`; `None` when it has no vertices.
pub(crate) fn hatch_path(pattern: &str) -> Option<Path> {
    let mut v: Vec<(f64, f64)> = Vec::new();
    // HorizontalHatch, VerticalHatch: np.linspace(0, 1, n, False, retstep=True), + step/2.
    let half_steps = |n: usize| -> Vec<f64> {
        let step = 1.0 / n as f64;
        (0..n)
            .map(|i| (i as f64 * step + 0.0) + step / 2.0)
            .collect()
    };
    let n = count(pattern, "-+") * DENSITY;
    if n > 0 {
        for s in half_steps(n) {
            v.extend([(0.0, s), (1.0, s)]);
        }
    }
    let n = count(pattern, "|+") * DENSITY;
    if n > 0 {
        for s in half_steps(n) {
            v.extend([(s, 0.0), (s, 1.0)]);
        }
    }
    // NorthEastHatch, SouthEastHatch: np.linspace(-0.5, 0.5, n + 1).
    let diag_steps = |n: usize| -> Vec<f64> {
        let step = 1.0 / n as f64;
        (0..=n)
            .map(|i| if i == n { 0.5 } else { i as f64 * step + -0.5 })
            .collect()
    };
    let n = count(pattern, "/xX") * DENSITY;
    if n > 0 {
        for s in diag_steps(n) {
            v.extend([(0.0 + s, 0.0 - s), (1.0 + s, 1.0 - s)]);
        }
    }
    let n = count(pattern, "\\xX") * DENSITY;
    if n > 0 {
        for s in diag_steps(n) {
            v.extend([(0.0 + s, 1.0 + s), (1.0 + s, 0.0 + s)]);
        }
    }
    if v.is_empty() {
        return None;
    }
    let codes = (0..v.len())
        .map(|i| {
            if i % 2 == 0 {
                PathCode::MoveTo
            } else {
                PathCode::LineTo
            }
        })
        .collect();
    Some(Path {
        vertices: v,
        codes: Some(codes),
    })
}

/// The hatch of a patch's `draw_path`: `hatch_color` is `Patch.get_hatchcolor()` (the
/// edge colour, or rc `patch.edgecolor` black when the edge is transparent).
pub(crate) fn patch_hatch(pattern: &str, hatch_color: Color, dpi: f64) -> Option<Box<Hatch>> {
    let path = hatch_path(pattern)?;
    Some(Box::new(Hatch {
        path,
        color: hatch_color.to_rgba8_round(),
        linewidth_px: 1.0 * dpi / 72.0,
        size_px: dpi as usize,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slash_has_seven_lines_at_density_six() {
        let p = hatch_path("/").unwrap();
        assert_eq!(p.vertices.len(), 14);
        assert_eq!(p.vertices[0], (-0.5, 0.5));
        assert_eq!(p.vertices[13], (1.5, 0.5));
        assert!(hatch_path("").is_none());
        assert!(validate("o").is_err());
        assert!(validate("//x+").is_ok());
    }
}
