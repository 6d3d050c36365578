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
