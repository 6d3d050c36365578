//! Markers: matplotlib's `MarkerStyle` paths (the table in `marker_table.rs`) and the
//! transform `Line2D.draw` / `PathCollection` give them.

use super::marker_half_table::HALF_MARKERS;
use super::marker_table::MARKERS;
use super::paint::{CapStyle, JoinStyle, PathCmd};
use crate::{Error, Result};

/// One marker as `matplotlib.markers.MarkerStyle` defines it.
#[derive(Debug)]
pub(crate) struct MarkerDef {
    /// The marker's name (`"o"`, `"s"`, ...).
    pub name: &'static str,
    /// Path vertices in marker units.
    pub vertices: &'static [(f64, f64)],
    /// matplotlib path codes (1 MOVETO, 2 LINETO, 3 CURVE3, 4 CURVE4, 79 CLOSEPOLY).
    pub codes: &'static [u8],
    /// The marker transform `[sx, shy, shx, sy, tx, ty]`.
    pub transform: [f64; 6],
    /// Filled (has a face).
    pub filled: bool,
    /// `get_snap_threshold()`: snapped when the size in pixels is at least this.
    pub snap_threshold: Option<f64>,
    /// Join style of its edge.
    pub join: JoinStyle,
    /// Cap style of its edge.
    pub cap: CapStyle,
}

/// The marker called `name` (`None`, `"None"`, `"none"`, `""` and `" "` are no marker).
pub(crate) fn find(name: &str) -> Result<Option<&'static MarkerDef>> {
    if matches!(name, "None" | "none" | "" | " ") {
        return Ok(None);
    }
    MARKERS
        .iter()
        .find(|m| m.name == name)
        .map(Some)
        .ok_or_else(|| {
            Error::invalid(
                "marker",
                format!("{name:?}"),
                "one of o . , s ^ v < > D d p h H * + x X | _ 8 P or 'None'",
            )
        })
}

/// The fillstyles of `MarkerStyle` (`'full'`, `'left'`, `'right'`, `'bottom'`, `'top'`,
/// `'none'`).
pub(crate) const FILLSTYLES: [&str; 6] = ["full", "left", "right", "bottom", "top", "none"];

/// The marker `m` with the half fillstyle `fillstyle`: its path (filled with
/// markerfacecolor) and alt path (filled with markerfacecoloralt); `None` for a marker
/// without half fills (`+ x | _ ,`) or a fillstyle that is not a half.
pub(crate) fn find_half(
    m: &MarkerDef,
    fillstyle: &str,
) -> Option<(&'static MarkerDef, &'static MarkerDef)> {
    HALF_MARKERS
        .iter()
        .find(|(fs, a, _)| *fs == fillstyle && a.name == m.name)
        .map(|(_, a, b)| (a, b))
}

/// Applies `[sx, shy, shx, sy, tx, ty]` as Agg's `trans_affine::transform` does.
fn apply(t: &[f64; 6], x: f64, y: f64) -> (f64, f64) {
    (x * t[0] + y * t[2] + t[4], x * t[1] + y * t[3] + t[5])
}

/// Turns matplotlib vertices and codes into commands through `t`.
pub(crate) fn path_cmds(vertices: &[(f64, f64)], codes: &[u8], t: &[f64; 6]) -> Vec<PathCmd> {
    let mut out = Vec::with_capacity(vertices.len());
    let mut i = 0;
    while i < vertices.len() {
        let (x, y) = apply(t, vertices[i].0, vertices[i].1);
        match codes.get(i).copied().unwrap_or(2) {
            1 => out.push(PathCmd::MoveTo(x, y)),
            3 if i + 1 < vertices.len() => {
                let (ex, ey) = apply(t, vertices[i + 1].0, vertices[i + 1].1);
                out.push(PathCmd::Curve3(x, y, ex, ey));
                i += 1;
            }
            4 if i + 2 < vertices.len() => {
                let (bx, by) = apply(t, vertices[i + 1].0, vertices[i + 1].1);
                let (ex, ey) = apply(t, vertices[i + 2].0, vertices[i + 2].1);
                out.push(PathCmd::Curve4(x, y, bx, by, ex, ey));
                i += 2;
            }
            79 => out.push(PathCmd::ClosePoly),
            _ => out.push(PathCmd::LineTo(x, y)),
        }
        i += 1;
    }
    out
}

impl MarkerDef {
    /// The marker in device pixels (y down) for a marker of `size_px` (`points_to_pixels(ms)`
    /// for a line, `sqrt(s) * dpi / 72` for scatter): `marker_trans.scale(size)` then Agg's
    /// `scale(1, -1)`. The pixel marker `','` is not scaled.
    pub(crate) fn device_path(&self, size_px: f64) -> Vec<PathCmd> {
        let m = self.transform;
        let w = if self.name == "," { 1.0 } else { size_px };
        // Affine2D.scale(w): every entry times w; then y negated.
        let t = [
            m[0] * w,
            -(m[1] * w),
            m[2] * w,
            -(m[3] * w),
            m[4] * w,
            -(m[5] * w),
        ];
        path_cmds(self.vertices, self.codes, &t)
    }

    /// `gc.set_snap` for a marker of `size_px`: True/False from the threshold, auto without.
    pub(crate) fn snap(&self, size_px: f64) -> super::paint::Snap {
        use super::paint::Snap;
        match self.snap_threshold {
            None => Snap::Auto,
            Some(t) if size_px >= t => Snap::On,
            Some(_) => Snap::Off,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_round_one_marker_is_known() {
        for m in "o . , s ^ v < > D d p h H * + x X | _ 8 P".split(' ') {
            assert!(find(m).unwrap().is_some(), "{m}");
        }
        assert!(find("None").unwrap().is_none());
        assert!(find("Q").is_err());
    }

    /// Every filled marker has the four half fills, the unfilled ones none; the circle's
    /// halves are one path turned by the fillstyle (right 0, top 90, left 180 degrees).
    #[test]
    fn half_fills() {
        for m in "o . s ^ v < > D d p h H * 8 P X".split(' ') {
            let def = find(m).unwrap().unwrap();
            for fs in ["left", "right", "bottom", "top"] {
                let (a, b) = find_half(def, fs).unwrap_or_else(|| panic!("{m} {fs}"));
                assert_eq!((a.name, b.name), (m, m));
            }
            assert!(find_half(def, "full").is_none() && find_half(def, "none").is_none());
        }
        for m in "+ x | _ ,".split(' ') {
            assert!(
                find_half(find(m).unwrap().unwrap(), "left").is_none(),
                "{m}"
            );
        }
        let o = find("o").unwrap().unwrap();
        let (right, alt) = find_half(o, "right").unwrap();
        let (left, _) = find_half(o, "left").unwrap();
        assert_eq!(right.vertices, left.vertices);
        assert_eq!(right.transform[0], 0.5);
        assert_eq!(left.transform[0], -0.5);
        assert_eq!(alt.transform[0], -0.5);
    }

    #[test]
    fn square_of_six_points() {
        let s = find("s").unwrap().unwrap();
        let p = s.device_path(6.0 * 100.0 / 72.0);
        // (-0.5, -0.5) * 8.333 px, y flipped.
        assert_eq!(
            p[0],
            PathCmd::MoveTo(-0.5 * (100.0 / 12.0), 0.5 * (100.0 / 12.0))
        );
        assert_eq!(p.last(), Some(&PathCmd::ClosePoly));
    }
}
