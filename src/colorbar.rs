//! The colorbar model: which image it explains and how it is shaped.

use crate::artists::ArtistHandle;
use crate::axes::{AxesId, ImageHandle};
use crate::color::Extend;

/// What a colorbar explains: an image, a colour-mapped scatter, a pcolormesh or a contour
/// set (`contour`/`contourf`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mappable {
    /// An image (`imshow`).
    Image(ImageHandle),
    /// A colour-mapped artist (`scatter` with values for `c`, `pcolormesh`, `contour`,
    /// `contourf`).
    Artist(ArtistHandle),
}

impl Mappable {
    /// The Axes it is on.
    pub fn axes(&self) -> AxesId {
        match self {
            Mappable::Image(h) => h.axes(),
            Mappable::Artist(h) => h.axes(),
        }
    }
}

impl From<ImageHandle> for Mappable {
    fn from(h: ImageHandle) -> Self {
        Mappable::Image(h)
    }
}

impl From<ArtistHandle> for Mappable {
    fn from(h: ArtistHandle) -> Self {
        Mappable::Artist(h)
    }
}

/// Vertical (right of the Axes) or horizontal (below it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Orientation {
    /// A tall bar on the right, ticks on its right.
    #[default]
    Vertical,
    /// A wide bar below, ticks below it.
    Horizontal,
}

impl std::str::FromStr for Orientation {
    type Err = crate::Error;
    fn from_str(s: &str) -> crate::Result<Self> {
        match s {
            "vertical" => Ok(Orientation::Vertical),
            "horizontal" => Ok(Orientation::Horizontal),
            _ => Err(crate::Error::invalid(
                "colorbar orientation",
                s,
                "'vertical' or 'horizontal'",
            )),
        }
    }
}

/// `fig.colorbar`'s options, with matplotlib's defaults; set them with the chained setters
/// named after `colorbar`'s keywords.
///
/// ```
/// use figbuf::{ColorbarOptions, Extend, Orientation};
/// let opts = ColorbarOptions::default()
///     .orientation(Orientation::Horizontal)
///     .extend(Extend::Both)
///     .label("counts");
/// assert_eq!(opts.label.as_deref(), Some("counts"));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ColorbarOptions {
    /// Orientation.
    pub orientation: Orientation,
    /// Triangles for out-of-range values.
    pub extend: Extend,
    /// The long axis' label.
    pub label: Option<String>,
    /// Share of the parent's slot given to the colorbar (0.15).
    pub fraction: f64,
    /// Gap between parent and colorbar, as a share of the parent's slot (0.05 vertical,
    /// 0.15 horizontal when `None`).
    pub pad: Option<f64>,
    /// Length of the colorbar relative to its slot (1.0).
    pub shrink: f64,
    /// Ratio of long to short side (20).
    pub aspect: f64,
    /// `ax=[a, b, ...]`: the parents whose positions the colorbar shrinks together
    /// (`colorbar.make_axes`; `None`: the mappable's Axes, `make_axes_gridspec`).
    pub ax: Option<Vec<AxesId>>,
}

impl Default for ColorbarOptions {
    fn default() -> Self {
        ColorbarOptions {
            orientation: Orientation::Vertical,
            extend: Extend::Neither,
            label: None,
            fraction: 0.15,
            pad: None,
            shrink: 1.0,
            aspect: 20.0,
            ax: None,
        }
    }
}

option_setters!(ColorbarOptions {
    /// `orientation=`.
    orientation: Orientation => orientation;
    /// `extend=`: triangles for out-of-range values.
    extend: Extend => extend;
    /// `fraction=`: share of the parent's slot given to the colorbar.
    fraction: f64 => fraction;
    /// `pad=`: gap between parent and colorbar, as a share of the parent's slot.
    pad: f64 => pad = Some;
    /// `shrink=`: length of the colorbar relative to its slot.
    shrink: f64 => shrink;
    /// `aspect=`: ratio of long to short side.
    aspect: f64 => aspect;
    /// `ax=[a, b, ...]`: several parents (`make_axes`).
    ax: Vec<AxesId> => ax = Some;
});

impl ColorbarOptions {
    /// `label=`: the long axis' label.
    #[must_use]
    pub fn label(mut self, v: impl Into<String>) -> Self {
        self.label = Some(v.into());
        self
    }
}

/// A colorbar for an image, stealing space from the image's Axes.
#[derive(Debug, Clone)]
pub struct Colorbar {
    pub(crate) mappable: Mappable,
    pub(crate) options: ColorbarOptions,
}

impl Colorbar {
    /// What it explains.
    pub fn mappable(&self) -> Mappable {
        self.mappable
    }

    /// The Axes it takes space from.
    pub fn parent(&self) -> AxesId {
        self.mappable.axes()
    }

    /// The options.
    pub fn options(&self) -> &ColorbarOptions {
        &self.options
    }

    /// `cb.set_label`.
    pub fn set_label(&mut self, label: impl Into<String>) -> &mut Self {
        self.options.label = Some(label.into());
        self
    }

    /// Sets the orientation.
    pub fn set_orientation(&mut self, orientation: Orientation) -> &mut Self {
        self.options.orientation = orientation;
        self
    }

    /// Sets the extend triangles.
    pub fn set_extend(&mut self, extend: Extend) -> &mut Self {
        self.options.extend = extend;
        self
    }
}

/// `colorbar.make_axes(parents, ...)`: the colorbar's cell (figure fractions) and anchor
/// for a colorbar of several Axes; the parents' `slots` shrink into the union's remaining
/// part (`BboxTransform(union, pb1)`) and take the parent anchor.
pub(crate) fn make_axes(
    slots: &mut [crate::layout::Bbox],
    anchors: &mut [crate::axes::Anchor],
    parents: &[AxesId],
    o: &ColorbarOptions,
) -> (crate::layout::Bbox, crate::axes::Anchor) {
    use crate::axes::Anchor;
    use crate::layout::Bbox;
    let mut pb: Option<Bbox> = None;
    for p in parents {
        let s = slots[p.index];
        pb = Some(match pb {
            None => s,
            Some(u) => Bbox {
                x0: u.x0.min(s.x0),
                y0: u.y0.min(s.y0),
                x1: u.x1.max(s.x1),
                y1: u.y1.max(s.y1),
            },
        });
    }
    let pb = pb.unwrap_or(slots[0]);
    let (f, shrink) = (o.fraction, o.shrink);
    let split = |a: f64, b: f64, lo: f64, hi: f64| {
        let w = hi - lo;
        (lo + a * w, lo + b * w)
    };
    // Bbox.anchored(c, container) of a box shrunk within its container.
    let anchored = |b: Bbox, c: Anchor, cont: Bbox| {
        let (l, bt, w, h) = (cont.x0, cont.y0, cont.x1 - cont.x0, cont.y1 - cont.y0);
        let (ww, hh) = (b.x1 - b.x0, b.y1 - b.y0);
        let dx = (l + c.x * (w - ww)) - b.x0;
        let dy = (bt + c.y * (h - hh)) - b.y0;
        Bbox {
            x0: b.x0 + dx,
            y0: b.y0 + dy,
            x1: b.x1 + dx,
            y1: b.y1 + dy,
        }
    };
    let (pb1, pbcb, anchor, panchor) = match o.orientation {
        Orientation::Vertical => {
            // location 'right': pb1, _, pbcb = pb.splitx(1 - f - pad, 1 - f).
            let pad = o.pad.unwrap_or(0.05);
            let (a, b) = split(1.0 - f - pad, 1.0 - f, pb.x0, pb.x1);
            let (_, end) = split(0.0, 1.0, pb.x0, pb.x1);
            let pb1 = Bbox { x1: a, ..pb };
            let cb = Bbox {
                x0: b,
                x1: end,
                ..pb
            };
            let shrunk = Bbox {
                x1: cb.x0 + (cb.x1 - cb.x0),
                y1: cb.y0 + shrink * (cb.y1 - cb.y0),
                ..cb
            };
            let anchor = Anchor { x: 0.0, y: 0.5 };
            (
                pb1,
                anchored(shrunk, anchor, cb),
                anchor,
                Anchor { x: 1.0, y: 0.5 },
            )
        }
        Orientation::Horizontal => {
            // location 'bottom': pbcb, _, pb1 = pb.splity(f, f + pad).
            let pad = o.pad.unwrap_or(0.15);
            let (a, b) = split(f, f + pad, pb.y0, pb.y1);
            let (_, end) = split(0.0, 1.0, pb.y0, pb.y1);
            let cb = Bbox { y1: a, ..pb };
            let pb1 = Bbox {
                y0: b,
                y1: end,
                ..pb
            };
            let shrunk = Bbox {
                x1: cb.x0 + shrink * (cb.x1 - cb.x0),
                y1: cb.y0 + (cb.y1 - cb.y0),
                ..cb
            };
            let anchor = Anchor { x: 0.5, y: 1.0 };
            (
                pb1,
                anchored(shrunk, anchor, cb),
                anchor,
                Anchor { x: 0.5, y: 0.0 },
            )
        }
    };
    // BboxTransform(pb, pb1): x * sx + (-inl * sx + outl).
    let sx = (pb1.x1 - pb1.x0) / (pb.x1 - pb.x0);
    let sy = (pb1.y1 - pb1.y0) / (pb.y1 - pb.y0);
    let (tx, ty) = (-pb.x0 * sx + pb1.x0, -pb.y0 * sy + pb1.y0);
    for p in parents {
        let s = slots[p.index];
        slots[p.index] = Bbox {
            x0: s.x0 * sx + tx,
            y0: s.y0 * sy + ty,
            x1: s.x1 * sx + tx,
            y1: s.y1 * sy + ty,
        };
        anchors[p.index] = panchor;
    }
    (pbcb, anchor)
}

#[cfg(test)]
mod make_axes_tests {
    use super::*;
    use crate::axes::Anchor;
    use crate::layout::Bbox;

    #[test]
    fn parents_shrink_into_the_union_left_of_the_bar() {
        let b = |x0, y0, x1, y1| Bbox { x0, y0, x1, y1 };
        let mut slots = vec![
            b(0.1, 0.1, 0.4, 0.9),
            b(0.5, 0.1, 0.9, 0.9),
            b(0.0, 0.0, 0.05, 0.05),
        ];
        let mut anchors = vec![Anchor { x: 0.5, y: 0.5 }; 3];
        let ids = [
            AxesId {
                figure: 0,
                index: 0,
            },
            AxesId {
                figure: 0,
                index: 1,
            },
        ];
        let o = ColorbarOptions::default().shrink(0.5);
        let (cb, anchor) = make_axes(&mut slots, &mut anchors, &ids, &o);
        // Union 0.1..0.9 (w 0.8): parents in 0.1..0.1 + 0.8 * 0.8, bar at 0.1 + 0.85 * 0.8.
        assert!((slots[1].x1 - (0.1 + 0.8 * 0.8)).abs() < 1e-12);
        assert!((slots[0].x0 - 0.1).abs() < 1e-12);
        assert!((cb.x0 - (0.1 + 0.85 * 0.8)).abs() < 1e-12);
        assert!((cb.x1 - 0.9).abs() < 1e-12);
        // Half as tall, centred (anchor (0, 0.5)); the third Axes is untouched.
        assert!((cb.y0 - 0.3).abs() < 1e-12 && (cb.y1 - 0.7).abs() < 1e-12);
        assert_eq!(anchor, Anchor { x: 0.0, y: 0.5 });
        assert_eq!(anchors[0], Anchor { x: 1.0, y: 0.5 });
        assert_eq!(slots[2], b(0.0, 0.0, 0.05, 0.05));
        assert_eq!(anchors[2], Anchor { x: 0.5, y: 0.5 });
    }
}
