//! The figure: the owned root of the model, and where rendering starts.

use crate::axes::{Axes, AxesId, AxesPosition};
use crate::color::Color;
use crate::colorbar::{Colorbar, ColorbarOptions, Mappable};
use crate::frame::Frame;
#[cfg(test)]
use crate::layout::Layout;
use crate::render::Renderer;
use crate::style::Style;
use crate::{Error, Result};

/// The largest canvas rendered unless [`Figure::set_max_pixels`] says otherwise: 100
/// megapixels (400 MB of RGBA).
pub const DEFAULT_MAX_PIXELS: u64 = 100_000_000;

/// A figure: size, resolution, style, and the Axes and colorbars on it.
///
/// ```
/// use figbuf::Figure;
/// use ndarray::Array2;
///
/// let mut fig = Figure::default(); // 6.4 x 4.8 in at 100 dpi: 640 x 480 px
/// let ax = fig.add_subplot();
/// let data = Array2::from_shape_fn((32, 32), |(r, c)| (r * c) as f64);
/// let im = fig[ax].imshow(&data)?;
/// fig.colorbar(im)?;
/// let frame = fig.render()?;
/// assert_eq!((frame.width(), frame.height()), (640, 480));
/// # Ok::<(), figbuf::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Figure {
    /// This figure's identity, carried by its [`AxesId`]s (a clone keeps it: the clone's
    /// Axes are the same Axes).
    pub(crate) id: u64,
    width_in: f64,
    height_in: f64,
    dpi: f64,
    facecolor: Option<Color>,
    style: Style,
    max_pixels: u64,
    pub(crate) axes: Vec<Axes>,
    pub(crate) colorbars: Vec<Colorbar>,
    /// The grid of `subplots` (see src/subplots.rs).
    pub(crate) grid: Option<crate::subplots::GridSpec>,
    /// `suptitle`, `supxlabel`, `supylabel`.
    pub(crate) sup: crate::subplots::SupTexts,
    /// `fig.legend(...)` (src/artists/figure_legend.rs).
    pub(crate) figure_legend: Option<crate::artists::legend_options::LegendOptions>,
    /// The Axes handed out last by `fig[ax]` / [`Figure::axes_mut`] when it shares an
    /// axis: its share groups take its scale, ticks, categories and limits at the next
    /// flush (src/share.rs).
    pub(crate) pending: Option<usize>,
}

impl Default for Figure {
    /// matplotlib's default figure: 6.4 x 4.8 inches at 100 dpi.
    fn default() -> Self {
        Figure::new(6.4, 4.8, 100.0)
    }
}

impl Figure {
    /// A figure of `width_in` x `height_in` inches at `dpi` dots per inch. The canvas is
    /// `int(width_in * dpi + 1e-8)` x `int(height_in * dpi + 1e-8)` pixels (matplotlib's
    /// `FigureCanvasBase.get_width_height`: truncated, but a size within 1e-8 px below an
    /// integer rounds up, so 4.1 in at 100 dpi is 410 px). Sizes are checked when rendering.
    ///
    /// Each figure gets a new identity from a process-wide counter (an atomic used only to
    /// mint identities; the model holds no other global state), which its Axes handles
    /// carry: handles cannot be confused across figures.
    pub fn new(width_in: f64, height_in: f64, dpi: f64) -> Figure {
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        Figure {
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            width_in,
            height_in,
            dpi,
            facecolor: None,
            style: Style::default(),
            max_pixels: DEFAULT_MAX_PIXELS,
            axes: Vec::new(),
            colorbars: Vec::new(),
            grid: None,
            sup: Default::default(),
            figure_legend: None,
            pending: None,
        }
    }

    /// Width in inches.
    pub fn width_in(&self) -> f64 {
        self.width_in
    }

    /// Height in inches.
    pub fn height_in(&self) -> f64 {
        self.height_in
    }

    /// Dots per inch.
    pub fn dpi(&self) -> f64 {
        self.dpi
    }

    /// The figure background (the style's `figure.facecolor` when unset).
    pub fn facecolor(&self) -> Color {
        self.facecolor.unwrap_or(self.style.figure_facecolor)
    }

    /// Sets the figure background; `Color::TRANSPARENT` leaves the canvas transparent.
    pub fn set_facecolor(&mut self, color: Color) -> &mut Self {
        self.facecolor = Some(color);
        self
    }

    /// The style (rcParams).
    pub fn style(&self) -> &Style {
        &self.style
    }

    /// The style, to change.
    pub fn style_mut(&mut self) -> &mut Style {
        &mut self.style
    }

    /// Refuse to render canvases of more than `max_pixels` pixels (default
    /// [`DEFAULT_MAX_PIXELS`]); checked before anything is allocated.
    pub fn set_max_pixels(&mut self, max_pixels: u64) -> &mut Self {
        self.max_pixels = max_pixels;
        self
    }

    /// The canvas size in pixels, `(int(width_in * dpi + 1e-8), int(height_in * dpi + 1e-8))`
    /// as matplotlib's `FigureCanvasBase.get_width_height` computes it, after checking that
    /// the size and dpi are usable.
    pub fn size_px(&self) -> Result<(usize, usize)> {
        // Below 1 dpi matplotlib hands FreeType a resolution of 0, which it takes as 72 dpi
        // for the glyphs alone (see `text::font_size_26_6`).
        if !(self.dpi.is_finite() && self.dpi > 0.0) {
            return Err(Error::invalid("dpi", self.dpi, "a positive number"));
        }
        for (what, v) in [
            ("figure width", self.width_in),
            ("figure height", self.height_in),
        ] {
            if !(v.is_finite() && v > 0.0) {
                return Err(Error::invalid(
                    what,
                    format!("{v} in"),
                    "a positive number of inches",
                ));
            }
        }
        let w = canvas_px(self.width_in, self.dpi);
        let h = canvas_px(self.height_in, self.dpi);
        if w < 1.0 || h < 1.0 {
            return Err(Error::invalid(
                "canvas size",
                format!("{w} x {h} px"),
                "at least 1 x 1 pixel (figure size in inches times dpi)",
            ));
        }
        if w * h > self.max_pixels as f64 {
            return Err(Error::invalid(
                "canvas size",
                format!("{w} x {h} px"),
                format!(
                    "at most {} pixels (see Figure::set_max_pixels)",
                    self.max_pixels
                ),
            ));
        }
        // Style sizes are checked with the canvas: their cost grows with them.
        self.style.check(self.dpi)?;
        Ok((w as usize, h as usize))
    }

    /// `fig.subplots_adjust(left, bottom, right, top)`: moves every subplot.
    pub fn subplots_adjust(
        &mut self,
        left: f64,
        bottom: f64,
        right: f64,
        top: f64,
    ) -> Result<&mut Self> {
        let ordered = left < right && bottom < top;
        if !ordered || [left, bottom, right, top].iter().any(|v| !v.is_finite()) {
            return Err(Error::invalid(
                "subplots_adjust",
                format!("left={left}, bottom={bottom}, right={right}, top={top}"),
                "finite fractions with left < right and bottom < top",
            ));
        }
        self.style.subplot = crate::style::SubplotParams {
            left,
            bottom,
            right,
            top,
            ..self.style.subplot
        };
        Ok(self)
    }

    /// Adds the figure's subplot (`fig.add_subplot()`), placed by the subplot parameters.
    pub fn add_subplot(&mut self) -> AxesId {
        self.push_axes(AxesPosition::Subplot)
    }

    /// Adds an Axes at `[left, bottom, width, height]` in figure fractions.
    pub fn add_axes(&mut self, rect: [f64; 4]) -> AxesId {
        self.push_axes(AxesPosition::Rect(rect))
    }

    fn push_axes(&mut self, position: AxesPosition) -> AxesId {
        let id = AxesId {
            figure: self.id,
            index: self.axes.len(),
        };
        self.axes.push(Axes::new(id, position));
        id
    }

    /// The Axes behind a handle.
    /// `None` for a handle of another figure.
    pub fn axes(&self, id: AxesId) -> Option<&Axes> {
        self.axes.get(id.index).filter(|_| id.figure == self.id)
    }

    /// The Axes behind a handle, to change.
    /// `None` for a handle of another figure.
    /// The Axes of a share group (`sharex=` / `sharey=`) act as one: a change of scale,
    /// ticks, categories or limits made through this borrow reaches the whole group, and
    /// calls that read the view (`set_xlim(None, ..)`, `invert_xaxis`, `axhline`) read
    /// the group's.
    pub fn axes_mut(&mut self, id: AxesId) -> Option<&mut Axes> {
        if id.figure != self.id || id.index >= self.axes.len() {
            return None;
        }
        self.borrow_shared(id.index);
        self.axes.get_mut(id.index)
    }

    /// `ax.clabel(cs, **kwargs)`: labels the contour set `cs` (the handle `contour` or
    /// `contourf` returned) as matplotlib does when it is called, with the Axes' layout
    /// and limits of this moment, and (inline) cuts the contours under the labels.
    /// Returns the labels' text handles.
    pub fn clabel(
        &mut self,
        cs: crate::ArtistHandle,
        opts: crate::ClabelOptions,
    ) -> Result<Vec<crate::ArtistHandle>> {
        self.flush_shared();
        crate::artists::contour::clabel::clabel(self, cs, opts)
    }

    /// `fig.colorbar(im, ax=im's axes)` with default options.
    pub fn colorbar(&mut self, image: impl Into<Mappable>) -> Result<&mut Colorbar> {
        self.colorbar_with(image, ColorbarOptions::default())
    }

    /// `fig.colorbar` with options.
    pub fn colorbar_with(
        &mut self,
        image: impl Into<Mappable>,
        options: ColorbarOptions,
    ) -> Result<&mut Colorbar> {
        let image: Mappable = image.into();
        let foreign = match image {
            Mappable::Image(h) => h.axes.figure != self.id,
            Mappable::Artist(h) => h.axes.figure != self.id,
        };
        let exists = !foreign
            && match image {
                Mappable::Image(h) => self
                    .axes
                    .get(h.axes.index)
                    .is_some_and(|a| h.index < a.images.len()),
                Mappable::Artist(h) => self
                    .axes
                    .get_mut(h.axes.index)
                    .and_then(|a| std::sync::Arc::make_mut(&mut a.plot.artists).get_mut(h.index))
                    .is_some_and(|a| a.colorbar_norm()),
            };
        if !exists {
            return Err(Error::invalid(
                "colorbar mappable",
                format!("{image:?}"),
                if foreign {
                    "an image, a colour-mapped scatter, a pcolormesh or a contour set of this figure (the handle is another figure's)"
                } else {
                    "an image, a colour-mapped scatter, a pcolormesh or a contour set of this figure"
                },
            ));
        }
        if let Mappable::Image(h) = image {
            // matplotlib's colorbar fails on some norm/data pairs (TwoSlopeNorm on long
            // double data).
            if let Some(im) = self
                .axes
                .get(h.axes.index)
                .and_then(|a| a.images.get(h.index))
            {
                im.data().check_norm(im.norm())?;
            }
        }
        if let Some(list) = &options.ax {
            let own = |a: &AxesId| a.figure == self.id && a.index < self.axes.len();
            if list.is_empty() || !list.iter().all(own) {
                return Err(Error::invalid(
                    "colorbar ax",
                    format!("{list:?}"),
                    "a non-empty list of this figure's Axes",
                ));
            }
        }
        let fraction_ok = options.fraction > 0.0 && options.fraction < 1.0;
        let shrink_ok = options.shrink > 0.0 && options.shrink <= 1.0;
        let aspect_ok = options.aspect.is_finite() && options.aspect > 0.0;
        if !(fraction_ok && shrink_ok && aspect_ok) {
            return Err(Error::invalid(
                "colorbar options",
                format!("{options:?}"),
                "0 < fraction < 1, 0 < shrink <= 1 and a positive aspect",
            ));
        }
        self.colorbars.push(Colorbar {
            mappable: image,
            options,
        });
        let last = self.colorbars.len() - 1;
        Ok(&mut self.colorbars[last])
    }

    /// The colorbars, in creation order.
    pub fn colorbars(&self) -> &[Colorbar] {
        &self.colorbars
    }

    /// Lays the figure out (boxes, ticks, positioned text) without drawing it (for tests).
    #[cfg(test)]
    pub(crate) fn layout(&self) -> Result<Layout> {
        Renderer::new().layout(self)
    }

    /// Renders the figure: what matplotlib's `fig.canvas.draw()` paints. Use a
    /// [`Renderer`] to keep glyph caches between frames.
    pub fn render(&self) -> Result<Frame> {
        Renderer::new().render(self)
    }
}

/// `fig[ax]`: the Axes behind a handle. Handles come from this figure's `add_subplot` /
/// `add_axes`. Like slice indexing, a handle of another figure panics (always, naming the
/// mistake; it is never taken for one of this figure's Axes): use [`Figure::axes`] /
/// [`Figure::axes_mut`] for a checked lookup.
impl std::ops::Index<AxesId> for Figure {
    type Output = Axes;
    fn index(&self, id: AxesId) -> &Axes {
        match self.axes(id) {
            Some(a) => a,
            None => foreign(id, self.id),
        }
    }
}

/// `fig[ax]` to change the Axes (see the `Index` impl).
impl std::ops::IndexMut<AxesId> for Figure {
    fn index_mut(&mut self, id: AxesId) -> &mut Axes {
        let me = self.id;
        match self.axes_mut(id) {
            Some(a) => a,
            None => foreign(id, me),
        }
    }
}

/// One side of the canvas in pixels from inches and dpi, as matplotlib's
/// `FigureCanvasBase.get_width_height` computes it: `int(size_in * dpi + 1e-8)` (the figure
/// bbox is `size_in * dpi` exactly; the 1e-8 rounds a product a float tick below an integer
/// up, e.g. 4.1 * 100 = 409.99999999999994 -> 410). Returned as a float, truncated.
pub(crate) fn canvas_px(size_in: f64, dpi: f64) -> f64 {
    (size_in * dpi + 1e-8).floor()
}

#[cfg(test)]
mod canvas_tests {
    use super::*;

    #[test]
    fn a_product_a_float_tick_below_an_integer_rounds_up() {
        assert_eq!(4.1 * 100.0, 409.99999999999994);
        assert_eq!(
            Figure::new(4.1, 2.3, 100.0).size_px().ok(),
            Some((410, 230))
        );
        assert_eq!(
            Figure::new(6.4, 4.8, 100.0).size_px().ok(),
            Some((640, 480))
        );
        // A genuine fraction still truncates.
        assert_eq!(
            Figure::new(3.333, 2.222, 100.0).size_px().ok(),
            Some((333, 222))
        );
    }
}

#[cfg(test)]
mod geometry_tests;

#[cold]
fn foreign(id: AxesId, me: u64) -> ! {
    panic!(
        "AxesId {id:?} is not an Axes of this figure (figure {me}); use Figure::axes for a checked lookup"
    )
}
