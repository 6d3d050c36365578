//! Polygons (`matplotlib.patches.Polygon`): what `fill` and `hist(histtype='step' |
//! 'stepfilled')` add, drawn with the patch's `draw_path`.

use super::line::Blend;
use super::paint::{Paint, PathCmd};
use super::patch::Patch;
use super::{DataLim, DrawCtx};

/// A polygon in data coordinates with a patch's colours and line.
#[derive(Debug, Clone)]
pub struct Polygon {
    /// The vertices (without the closing vertex).
    pub(crate) points: Vec<(f64, f64)>,
    /// Closed (`CLOSEPOLY` after the last vertex) or open.
    pub(crate) closed: bool,
    /// Colours, line, alpha, zorder and label (its `rect` is unused).
    pub(crate) patch: Patch,
}

impl Polygon {
    /// `Patch.draw` of the polygon's path.
    pub(crate) fn paint(&self, ctx: &DrawCtx) -> Vec<Paint> {
        let mut path: Vec<PathCmd> = self
            .points
            .iter()
            .enumerate()
            .map(|(i, &(x, y))| {
                let p = ctx.to_device_blend(x, y, Blend::Data);
                if i == 0 {
                    PathCmd::MoveTo(p.0, p.1)
                } else {
                    PathCmd::LineTo(p.0, p.1)
                }
            })
            .collect();
        if self.closed {
            // Path(xy, closed=True): the repeated first vertex becomes CLOSEPOLY.
            path.push(PathCmd::ClosePoly);
        }
        self.patch.paint_path(path, ctx.dpi, Some(ctx.clip))
    }

    /// The vertices' data limits.
    pub(crate) fn data_limits(&self) -> DataLim {
        let mut lim = DataLim::default();
        for &(x, y) in &self.points {
            lim.add(Some(x), Some(y));
        }
        lim
    }
}
