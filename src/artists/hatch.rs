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
    if let Some(bad) = pattern.chars().find(|c| !"-+|/\\xXoO.".contains(*c)) {
        return Err(Error::invalid(
            "hatch",
            format!("{pattern:?} (character {bad:?})"),
            "a string of '/', '\\\\', '|', '-', '+', 'x', 'X', 'o', 'O', '.' (the star '*' \
             is not supported)",
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
    let mut codes: Vec<PathCode> = (0..v.len())
        .map(|i| {
            if i % 2 == 0 {
                PathCode::MoveTo
            } else {
                PathCode::LineTo
            }
        })
        .collect();
    // SmallCircles, LargeCircles, SmallFilledCircles.
    for (ch, size, filled) in [('o', 0.2, false), ('O', 0.35, false), ('.', 0.1, true)] {
        let rows = pattern.chars().filter(|&c| c == ch).count() * DENSITY;
        if rows > 0 {
            circles(rows, size, filled, &mut v, &mut codes);
        }
    }
    if v.is_empty() {
        return None;
    }
    Some(Path {
        vertices: v,
        codes: Some(codes),
    })
}

/// `np.linspace(a, b, n)` (n >= 2): `i * step + a`, the last value `b`.
fn linspace(a: f64, b: f64, n: usize) -> Vec<f64> {
    let step = (b - a) / (n - 1) as f64;
    (0..n)
        .map(|i| if i == n - 1 { b } else { i as f64 * step + a })
        .collect()
}

/// `Path.unit_circle()`: 26 vertices, MOVETO, 24 CURVE4, CLOSEPOLY.
fn unit_circle() -> Vec<(f64, f64)> {
    const MAGIC: f64 = 0.2652031;
    let sh = 0.5f64.sqrt();
    let m45 = sh * MAGIC;
    vec![
        (0.0, -1.0),
        (MAGIC, -1.0),
        (sh - m45, -sh - m45),
        (sh, -sh),
        (sh + m45, -sh + m45),
        (1.0, -MAGIC),
        (1.0, 0.0),
        (1.0, MAGIC),
        (sh + m45, sh - m45),
        (sh, sh),
        (sh - m45, sh + m45),
        (MAGIC, 1.0),
        (0.0, 1.0),
        (-MAGIC, 1.0),
        (-sh + m45, sh + m45),
        (-sh, sh),
        (-sh - m45, sh - m45),
        (-1.0, MAGIC),
        (-1.0, 0.0),
        (-1.0, -MAGIC),
        (-sh - m45, -sh + m45),
        (-sh, -sh),
        (-sh + m45, -sh - m45),
        (-MAGIC, -1.0),
        (0.0, -1.0),
        (0.0, -1.0),
    ]
}

/// `Shapes.set_vertices_and_codes` for circles of `size` on `rows` rows.
fn circles(
    rows: usize,
    size: f64,
    filled: bool,
    v: &mut Vec<(f64, f64)>,
    codes: &mut Vec<PathCode>,
) {
    let offset = 1.0 / rows as f64;
    let mut shape: Vec<(f64, f64)> = unit_circle()
        .into_iter()
        .map(|(x, y)| ((x * offset) * size, (y * offset) * size))
        .collect();
    let n = shape.len();
    let mut shape_codes = vec![PathCode::Curve4; n];
    shape_codes[0] = PathCode::MoveTo;
    shape_codes[n - 1] = PathCode::ClosePoly;
    if !filled {
        // Forward, then backward at 0.9 (the codes repeated as they are).
        let back: Vec<(f64, f64)> = shape
            .iter()
            .rev()
            .map(|&(x, y)| (x * 0.9, y * 0.9))
            .collect();
        shape.extend(back);
        shape_codes.extend(shape_codes.clone());
    }
    for row in 0..=rows {
        let cols = if row % 2 == 0 {
            linspace(0.0, 1.0, rows + 1)
        } else {
            linspace(offset / 2.0, 1.0 - offset / 2.0, rows)
        };
        let row_pos = row as f64 * offset;
        for col in cols {
            v.extend(shape.iter().map(|&(x, y)| (x + col, y + row_pos)));
            codes.extend_from_slice(&shape_codes);
        }
    }
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
        assert!(validate("*").is_err());
        assert!(hatch_path("o").is_some_and(|p| p.vertices.len() == (4 * 7 + 3 * 6) * 52));
        assert!(validate("//x+").is_ok());
    }
}
