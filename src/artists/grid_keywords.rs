//! `ax.grid(visible, which, axis, **kwargs)` as matplotlib applies it (audit7): the
//! keywords update a grid style kept per axis and major/minor (`Axis.grid` →
//! `set_tick_params(grid_*)` into `_major_tick_kw` / `_minor_tick_kw`), so
//! `grid(ls=':')` then `grid(True)` stays dotted and `grid(False)` keeps the style for a
//! later `grid(True)`; keywords switch the grid on; no `visible` and no keywords toggles.

use super::line::LineStyle;
use crate::axes::Axes;
use crate::{Error, Result};

/// The arguments of `ax.grid(visible, which, axis, **kwargs)`; `None` leaves the kept
/// value (see the module documentation).
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct GridKeywords {
    /// `visible`: `None` toggles each grid unless a line keyword is given (then on).
    pub visible: Option<bool>,
    /// `which`: 'major' (default), 'minor' or 'both'.
    pub which: Option<String>,
    /// `axis`: 'both' (default), 'x' or 'y'.
    pub axis: Option<String>,
    /// `color`.
    pub color: Option<String>,
    /// `linestyle`.
    pub linestyle: Option<LineStyle>,
    /// `linewidth` in points.
    pub linewidth: Option<f64>,
    /// `alpha`.
    pub alpha: Option<f64>,
}

option_setters!(GridKeywords {
    /// `visible=`: show (`true`) or hide the grid lines.
    visible: bool => visible = Some;
    /// `which=`: 'major', 'minor' or 'both'.
    which: &str => which = some_into;
    /// `axis=`: 'both', 'x' or 'y'.
    axis: &str => axis = some_into;
    /// `color=`: the lines' colour.
    color: &str => color = some_into;
    /// `linestyle=`: the lines' style.
    linestyle: LineStyle => linestyle = Some;
    /// `linewidth=`: the lines' width in points.
    linewidth: f64 => linewidth = Some;
    /// `alpha=`: the lines' alpha.
    alpha: f64 => alpha = Some;
});

impl Axes {
    /// `ax.grid(visible, which, axis, **kwargs)` with matplotlib's accumulation of the
    /// line keywords per axis and major/minor ([`GridKeywords`]); [`Axes::grid`] sets a
    /// complete style instead.
    pub fn grid_keywords(&mut self, k: GridKeywords) -> Result<&mut Self> {
        let kwargs = k.color.is_some()
            || k.linestyle.is_some()
            || k.linewidth.is_some()
            || k.alpha.is_some();
        let visible = if kwargs { Some(true) } else { k.visible };
        let axes: &[(usize, &str)] = match k.axis.as_deref().unwrap_or("both") {
            "both" => &[(0, "x"), (1, "y")],
            "x" => &[(0, "x")],
            "y" => &[(1, "y")],
            other => {
                return Err(Error::invalid(
                    "grid axis",
                    format!("{other:?}"),
                    "'both', 'x' or 'y'",
                ))
            }
        };
        let kinds: &[(usize, &str)] = match k.which.as_deref().unwrap_or("major") {
            "major" => &[(0, "major")],
            "minor" => &[(1, "minor")],
            "both" => &[(1, "minor"), (0, "major")],
            other => {
                return Err(Error::invalid(
                    "grid which",
                    format!("{other:?}"),
                    "'major', 'minor' or 'both'",
                ))
            }
        };
        for &(a, axis) in axes {
            for &(kind, which) in kinds {
                let mut o = self.plot.grid_style[a][kind].clone().unwrap_or_default();
                o.axis = axis.into();
                o.which = which.into();
                if let Some(c) = &k.color {
                    o.color = c.clone();
                }
                if let Some(ls) = &k.linestyle {
                    o.linestyle = ls.clone();
                }
                if let Some(w) = k.linewidth {
                    o.linewidth = w;
                }
                if k.alpha.is_some() {
                    o.alpha = k.alpha;
                }
                o.visible = visible.unwrap_or(self.plot.grid[a][kind].is_none());
                self.grid(o)?;
            }
        }
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Figure;

    #[test]
    fn keywords_accumulate_and_survive_off() {
        let mut fig = Figure::new(6.4, 4.8, 100.0);
        let ax = fig.add_subplot();
        let a = &mut fig[ax];
        a.grid_keywords(GridKeywords::default().linestyle(LineStyle::Dotted))
            .unwrap();
        a.grid_keywords(GridKeywords::default().visible(true))
            .unwrap();
        let g = a.plot.grid[0][0].clone().unwrap();
        assert_eq!(g.linestyle, LineStyle::Dotted);
        a.grid_keywords(GridKeywords::default().visible(false))
            .unwrap();
        assert!(a.plot.grid[1][0].is_none());
        // No visible and no keyword toggles.
        a.grid_keywords(GridKeywords::default()).unwrap();
        assert_eq!(
            a.plot.grid[1][0].clone().unwrap().linestyle,
            LineStyle::Dotted
        );
        assert!(a.plot.grid[0][1].is_none());
    }
}
