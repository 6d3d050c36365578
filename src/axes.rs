//! An Axes: a box on the figure holding images, ticks, spines, a title and labels.

use crate::axes_text::{LabelOptions, TitleOptions};
use crate::color::Color;
use crate::image::{Aspect, Image, ImshowOptions, IntoImageData};
use crate::Result;

/// A handle to an Axes of a [`crate::Figure`]; cheap to copy. It names its figure (see
/// [`crate::Figure::new`] for where figure identities come from), so a handle of another
/// figure is never taken for one of this figure's Axes: [`crate::Figure::axes`] returns
/// `None` for it and `colorbar` an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AxesId {
    pub(crate) figure: u64,
    pub(crate) index: usize,
}

/// A handle to an image drawn on an Axes (what `imshow` returns), for `colorbar`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ImageHandle {
    pub(crate) axes: AxesId,
    pub(crate) index: usize,
}

impl ImageHandle {
    /// The Axes the image is on.
    pub fn axes(&self) -> AxesId {
        self.axes
    }
}

/// Where an Axes sits on the figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AxesPosition {
    /// The single subplot: follows the figure's subplot parameters.
    Subplot,
    /// `[left, bottom, width, height]` in figure fractions.
    Rect([f64; 4]),
    /// Cell `(row, col)` of the figure's `subplots` grid.
    Cell {
        /// Row, 0 at the top.
        row: usize,
        /// Column, 0 at the left.
        col: usize,
    },
}

/// Where an Axes box shrunk to its aspect sits inside its slot (matplotlib's anchor).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Anchor {
    /// 0 = left, 0.5 = centre, 1 = right.
    pub x: f64,
    /// 0 = bottom, 0.5 = centre, 1 = top.
    pub y: f64,
}

impl Anchor {
    /// 'C', the default.
    pub const CENTER: Anchor = Anchor { x: 0.5, y: 0.5 };
}

/// An Axes: position, images, decorations. Obtain one with [`crate::Figure::add_subplot`]
/// and reach it with `fig[ax]`.
#[derive(Debug, Clone)]
pub struct Axes {
    pub(crate) id: AxesId,
    pub(crate) position: AxesPosition,
    pub(crate) images: std::sync::Arc<Vec<Image>>,
    pub(crate) aspect: Aspect,
    pub(crate) anchor: Anchor,
    /// The left, center and right titles.
    pub(crate) titles: [Option<crate::axes_text::Title>; 3],
    /// The titles' shared `pad` (points; None: the style's).
    pub(crate) title_pad_pt: Option<f64>,
    /// False once a title was given its own `y`.
    pub(crate) title_auto_pos: bool,
    pub(crate) xlabel: Option<String>,
    pub(crate) ylabel: Option<String>,
    pub(crate) xlabel_opts: LabelOptions,
    pub(crate) ylabel_opts: LabelOptions,
    pub(crate) axis_on: bool,
    pub(crate) facecolor: Option<Color>,
    /// Plotted artists, property cycles, limits, scales, grid.
    pub(crate) plot: crate::artists::PlotState,
    /// The first Axes of this Axes' sharex / sharey group (itself when not shared).
    pub(crate) share: [AxesId; 2],
    /// While this Axes is borrowed (`fig[ax]`), what its x / y share group's other
    /// members contribute to the group's view (see src/share.rs); `None` when alone.
    pub(crate) group: [Option<crate::share::GroupView>; 2],
    /// A call on this Axes read its share group's stale view (`_unstale_viewLim`): the
    /// whole group is autoscaled now, its members' requests cleared at the next flush.
    pub(crate) unstaled: [bool; 2],
}

impl Axes {
    pub(crate) fn new(id: AxesId, position: AxesPosition) -> Axes {
        Axes {
            id,
            position,
            images: Default::default(),
            aspect: Aspect::Auto,
            anchor: Anchor::CENTER,
            titles: [None, None, None],
            title_pad_pt: None,
            title_auto_pos: true,
            xlabel: None,
            ylabel: None,
            xlabel_opts: LabelOptions::default(),
            ylabel_opts: LabelOptions::default(),
            axis_on: true,
            facecolor: None,
            plot: crate::artists::PlotState::default(),
            share: [id, id],
            group: [None, None],
            unstaled: [false, false],
        }
    }

    /// This Axes' handle.
    pub fn id(&self) -> AxesId {
        self.id
    }

    /// Draws `data` as an image with matplotlib's defaults (viridis, linear norm autoscaled
    /// from the data, 'auto' interpolation, origin 'upper', aspect 'equal').
    ///
    /// `data` is 2-D scalar data or (H, W, 3|4) colours, owned, borrowed or viewed (see
    /// [`IntoImageData`]): an owned array is moved into the figure as it is; a view or a
    /// reference is copied (the figure owns its data).
    pub fn imshow(&mut self, data: impl IntoImageData) -> Result<ImageHandle> {
        self.imshow_with(data, ImshowOptions::default())
    }

    /// Draws `data` as an image with the given options.
    pub fn imshow_with(
        &mut self,
        data: impl IntoImageData,
        opts: ImshowOptions,
    ) -> Result<ImageHandle> {
        let aspect = opts.aspect;
        let image = Image::new(data.into_image_data()?, opts)?;
        // `AxesImage.set_extent`: while autoscaling is on, `set_xlim`/`set_ylim` to the
        // image's extent (oriented as the extent is), which `Axis._set_lim` makes
        // non-singular (a zero-width extent is widened, `nonsingular(expander=0.05)`).
        let e = image.extent();
        if self.plot.x.auto || self.plot.y.auto {
            // `set_xlim` reads `viewLim` first: a stale share group is autoscaled now
            // (with this Axes' margins) and its requests cleared (src/share.rs).
            self.read_view(crate::artists::autoscale::Which::X);
        }
        for (st, lo, hi) in [
            (&mut self.plot.x, e[0], e[1]),
            (&mut self.plot.y, e[2], e[3]),
        ] {
            if st.auto {
                st.lim = crate::artists::autoscale::set_lim(
                    st.lim,
                    Some(lo),
                    Some(hi),
                    st.scale,
                    f64::INFINITY,
                );
                st.stale = false;
            }
        }
        std::sync::Arc::make_mut(&mut self.images).push(image);
        self.aspect = aspect;
        Ok(ImageHandle {
            axes: self.id,
            index: self.images.len() - 1,
        })
    }

    /// The images, in drawing order.
    pub fn images(&self) -> &[Image] {
        &self.images
    }

    /// `ax.set_title` (the center title, default keywords).
    pub fn set_title(&mut self, title: impl Into<String>) -> &mut Self {
        self.titles[1] = Some(crate::axes_text::Title {
            text: title.into(),
            opts: TitleOptions::default(),
        });
        self.title_pad_pt = None;
        self
    }

    /// `ax.set_title(label, loc=..., pad=..., fontsize=..., color=..., fontweight=...,
    /// y=...)`: sets the title slot `loc` names (left, center and right titles coexist).
    /// An unknown `loc` is an error naming it.
    pub fn set_title_with(
        &mut self,
        title: impl Into<String>,
        opts: TitleOptions,
    ) -> Result<&mut Self> {
        let slot = crate::axes_text::title_slot(opts.loc.as_deref())?;
        self.title_pad_pt = opts.pad;
        if opts.y.is_some() {
            self.title_auto_pos = false;
        }
        self.titles[slot] = Some(crate::axes_text::Title {
            text: title.into(),
            opts,
        });
        Ok(self)
    }

    /// `ax.set_xlabel`.
    pub fn set_xlabel(&mut self, label: impl Into<String>) -> &mut Self {
        self.xlabel = Some(label.into());
        // labelpad is the axis' (it stays); the rest is this call's.
        self.xlabel_opts = LabelOptions {
            labelpad: self.xlabel_opts.labelpad,
            ..LabelOptions::default()
        };
        self
    }

    /// `ax.set_xlabel(label, fontsize=..., color=..., labelpad=..., loc=...)`. An unknown
    /// `loc` is an error naming it.
    pub fn set_xlabel_with(
        &mut self,
        label: impl Into<String>,
        opts: LabelOptions,
    ) -> Result<&mut Self> {
        crate::axes_text::label_loc(opts.loc.as_deref(), false)?;
        self.xlabel = Some(label.into());
        let labelpad = opts.labelpad.or(self.xlabel_opts.labelpad);
        self.xlabel_opts = LabelOptions { labelpad, ..opts };
        Ok(self)
    }

    /// `ax.set_ylabel`.
    pub fn set_ylabel(&mut self, label: impl Into<String>) -> &mut Self {
        self.ylabel = Some(label.into());
        // labelpad is the axis' (it stays); the rest is this call's.
        self.ylabel_opts = LabelOptions {
            labelpad: self.ylabel_opts.labelpad,
            ..LabelOptions::default()
        };
        self
    }

    /// `ax.set_ylabel(label, fontsize=..., color=..., labelpad=..., loc=...)`. An unknown
    /// `loc` is an error naming it.
    pub fn set_ylabel_with(
        &mut self,
        label: impl Into<String>,
        opts: LabelOptions,
    ) -> Result<&mut Self> {
        crate::axes_text::label_loc(opts.loc.as_deref(), true)?;
        self.ylabel = Some(label.into());
        let labelpad = opts.labelpad.or(self.ylabel_opts.labelpad);
        self.ylabel_opts = LabelOptions { labelpad, ..opts };
        Ok(self)
    }

    /// `ax.axis('off')`: no spines, ticks, tick labels or axis labels (the title stays).
    pub fn set_axis_off(&mut self) -> &mut Self {
        self.axis_on = false;
        self
    }

    /// `ax.axis('on')`.
    pub fn set_axis_on(&mut self) -> &mut Self {
        self.axis_on = true;
        self
    }

    /// The Axes background colour (the style's `axes.facecolor` when unset).
    pub fn set_facecolor(&mut self, color: Color) -> &mut Self {
        self.facecolor = Some(color);
        self
    }

    /// `ax.set_aspect`.
    pub fn set_aspect(&mut self, aspect: Aspect) -> &mut Self {
        self.aspect = aspect;
        self
    }
}
