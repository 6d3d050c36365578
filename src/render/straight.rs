//! An image resampled straight into the canvas's rows (issue 21): on the 3840 x 2160
//! canvas with 1024² data, the resampled image (11 MB) was allocated, written, read again
//! for its alphas and copied into the canvas every render. Where that copy is all the
//! drawing of the image does, the narrow filter writes the canvas's rows instead:
//!
//! - one image, the first operation drawn after the canvas's first pass (`later[0]` of
//!   [`raster::schedule`]: every operation before it in the list is drawn by then, none
//!   after it yet);
//! - its rectangle inside its clip box and inside the canvas, so that the copy writes
//!   every pixel of it;
//! - its filter the narrow one over colour tiles, with indices taken from the data
//!   ([`resample::resample_direct`]'s case) or, below a megapixel with AVX-512, from the
//!   index array written while the figure was laid out ([`EarlyIndices`]) and found
//!   opaque: every output pixel is opaque, so `Band::image` copies each row (the default
//!   figure's 512² image: no output of its own to clear, fill and copy);
//! - and if a sampled colour turns out not opaque (NaN data: the bad colour), the render
//!   starts over the usual way ([`Straight::draw`] answers `false`).
//!
//! The same operations reach every pixel in the same order, so the bytes are those of
//! the usual path.

use super::{EarlyIndices, ImagePlan, DIRECT_MIN_PIXELS};
use crate::color::DirectIndices;
use crate::raster::Canvas;
use crate::resample::{self, Lines, Stage, DEFAULT_FILTERRAD};
use crate::scene::{DrawOp, IRect};
use crate::Result;

/// An image to be resampled straight into the canvas's rows `top..top + rows`, columns
/// `left..`.
pub(super) struct Straight<'a> {
    plan: resample::NarrowPlan,
    source: Source<'a>,
    placement: &'a resample::Placement,
    top: usize,
    left: usize,
    rows: usize,
}

/// Where the straight image's LUT indices come from.
enum Source<'a> {
    /// From the data, as the tiles read it (a megapixel or more).
    Direct(DirectIndices<'a>),
    /// An index array written ahead, every index below the table's length and of an opaque
    /// row.
    Array(Vec<u32>),
}

/// An image that passed [`Straight`]'s cheap checks (all but its filter's plan, which
/// [`Candidate::finish`] makes while the canvas's first pass is drawn).
pub(super) struct Candidate<'a> {
    plan: &'a ImagePlan<'a>,
    top: usize,
    left: usize,
    rows: usize,
    /// A megapixel or more: the indices come from the data.
    large: bool,
}

impl<'a> Candidate<'a> {
    /// The image of `images` that may be written straight into the `width` x `height`
    /// canvas (module docs), if any: below a megapixel, with AVX-512 (where the tiles,
    /// which write into lines, run at that size: `narrow::plan`) and indices written
    /// ahead, opaque.
    pub(super) fn of(
        ops: &[DrawOp],
        images: &'a [(usize, ImagePlan<'a>)],
        later: &[usize],
        width: usize,
        height: usize,
        early: &EarlyIndices<'_>,
    ) -> Option<Candidate<'a>> {
        let [(i, plan)] = images else {
            return None;
        };
        // A scalar alpha draws through `image_alpha` (the pixels here are the opaque LUT's).
        if later.first() != Some(i)
            || plan.stage != Stage::Rgba
            || plan.interp.is_nearest()
            || plan.image.alpha.is_some()
        {
            return None;
        }
        let Some(DrawOp::Image {
            left,
            top,
            width: w,
            height: h,
            clip,
            ..
        }) = ops.get(*i)
        else {
            return None;
        };
        let rect = IRect {
            x0: *left,
            y0: *top,
            x1: left.checked_add(i64::try_from(*w).ok()?)?,
            y1: top.checked_add(i64::try_from(*h).ok()?)?,
        };
        let canvas = IRect {
            x0: 0,
            y0: 0,
            x1: i64::try_from(width).ok()?,
            y1: i64::try_from(height).ok()?,
        };
        if rect.is_empty() || rect.intersect(clip) != rect || rect.intersect(&canvas) != rect {
            return None;
        }
        let image = plan.image;
        // The usual path reports a norm the data cannot take.
        image.data().check_norm(plan.norm).ok()?;
        let data = image.data().as_scalar()?;
        let (rows, cols) = data.shape();
        let large = rows.saturating_mul(cols) >= DIRECT_MIN_PIXELS;
        if !large {
            let avx512 = matches!(
                crate::cpu::TapSimd::detect(),
                Some(crate::cpu::TapSimd::Avx512(_))
            );
            // The usual path's checks (`lut_resample`): every index inside the table (of
            // N + 3 rows), none of a transparent row; else that path draws the image.
            let rows_n = image.cmap().n() + 3;
            let fits = |idx: &[u32], scan: Option<resample::IndexScan>| {
                idx.len() == rows * cols
                    && scan.is_some_and(|s| !s.hit && (s.max as usize) < rows_n)
            };
            if !(avx512 && early.peek(image, plan.norm, fits)) {
                return None;
            }
        }
        Some(Candidate {
            plan,
            top: usize::try_from(*top).ok()?,
            left: usize::try_from(*left).ok()?,
            rows: *h,
            large,
        })
    }

    /// Whether the image has a megapixel or more (its indices come from the data).
    pub(super) fn large(&self) -> bool {
        self.large
    }

    /// The [`Straight`] image when its filter writes into lines; the index array it takes
    /// from `early` goes back to the next render through [`Straight::into_buffer`].
    pub(super) fn finish(self, early: &mut EarlyIndices<'_>) -> Option<Straight<'a>> {
        let Candidate {
            plan,
            top,
            left,
            rows,
            large,
        } = self;
        let image = plan.image;
        let data = image.data().as_scalar()?;
        // As `scalar_pixels_with` makes them for the rgba stage.
        let cmap = image.cmap();
        let norm = data.autoscaled(plan.norm);
        let mut table: Vec<[f64; 4]> = (0..cmap.n() + 3).map(|i| cmap.lut_row(i)).collect();
        resample::premultiply(&mut table);
        let watch = resample::transparent_rows(&table)?;
        let direct = match large {
            true => Some(DirectIndices::of(&data, &norm, cmap.n(), watch)?),
            false => None,
        };
        let narrow =
            resample::plan_narrow(&table, &plan.placement, plan.interp, DEFAULT_FILTERRAD)?;
        if !narrow.writes_into() {
            return None;
        }
        let source = match direct {
            Some(direct) => Source::Direct(direct),
            // Checked by `Candidate::of`.
            None => Source::Array(early.take(image, plan.norm)?.0),
        };
        Some(Straight {
            plan: narrow,
            source,
            placement: &plan.placement,
            top,
            left,
            rows,
        })
    }
}

impl<'a> Straight<'a> {
    /// The image of `images` that can be written straight into the `width` x `height`
    /// canvas (module docs), if any ([`Candidate::of`], then [`Candidate::finish`]).
    #[cfg(test)]
    pub(super) fn of(
        ops: &[DrawOp],
        images: &'a [(usize, ImagePlan<'a>)],
        later: &[usize],
        width: usize,
        height: usize,
        early: &mut EarlyIndices<'_>,
    ) -> Option<Straight<'a>> {
        Candidate::of(ops, images, later, width, height, early)?.finish(early)
    }

    /// Resamples the image into `canvas` (`width` pixels a row); `false` when a sampled
    /// colour was not opaque (its rows are then partly written: start the canvas again).
    pub(super) fn draw(&self, canvas: &mut Canvas, width: usize) -> Result<bool> {
        let stride = width * 4;
        let Some(bytes) = canvas.rows_mut(self.top, self.top + self.rows) else {
            return Ok(false);
        };
        let dst = Lines {
            bytes,
            stride,
            x0: self.left,
        };
        match &self.source {
            Source::Direct(direct) => {
                resample::resample_direct_into(&self.plan, direct, self.placement, dst)
            }
            Source::Array(index) => self.plan.run_into(index, dst),
        }
    }

    /// The index array it drew from, for the next render.
    pub(super) fn into_buffer(self) -> Option<Vec<u32>> {
        match self.source {
            Source::Direct(_) => None,
            Source::Array(index) => Some(index),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Straight;
    use crate::color::{Color, Colormap};
    use crate::{Figure, ImshowOptions, Renderer};
    use ndarray::Array2;

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Data {
        Plain,
        /// One NaN: the bad colour.
        Nan,
        /// Values under `vmin` with a transparent `under` colour.
        Under,
    }

    /// A figure of over a megapixel of data (written straight into the canvas where the
    /// CPU has the colour tiles, unless `data` says otherwise).
    fn figure(data: Data, figsize: (f64, f64)) -> Figure {
        figure_of((1024, 1030), data, figsize)
    }

    /// [`figure`] with data of `shape` (its NaN at (shape / 2)).
    fn figure_of(shape: (usize, usize), data: Data, figsize: (f64, f64)) -> Figure {
        let mut values = Array2::from_shape_fn(shape, |(i, j)| {
            ((i * 7 + j * 13) % 101) as f64 / 100.0 + (i as f64 * 0.01).sin()
        });
        let mut opts = ImshowOptions::default();
        match data {
            Data::Plain => {}
            Data::Nan => values[[shape.0 / 2, shape.1 / 2]] = f64::NAN,
            Data::Under => {
                let cmap = Colormap::named("viridis").unwrap();
                opts = opts.cmap(cmap.with_under(Color::TRANSPARENT)).vmin(-0.5);
            }
        }
        let mut fig = Figure::new(figsize.0, figsize.1, 100.0);
        let ax = fig.add_subplot();
        let im = fig[ax].imshow_with(values, opts).unwrap();
        fig.colorbar(im).unwrap();
        fig
    }

    /// Whether the render of `fig` takes its image straight into the canvas.
    fn goes_straight(fig: &Figure) -> bool {
        let mut r = Renderer::new();
        let lay = r.layout(fig).unwrap();
        let (list, images) = super::super::lower_deferred(fig, &lay, &mut r.glyphs).unwrap();
        let pending: Vec<usize> = images.iter().map(|(i, _)| *i).collect();
        let (_, later) = crate::raster::schedule(&list.ops, &pending);
        let mut early = super::EarlyIndices::of(fig, &mut Vec::new());
        Straight::of(
            &list.ops,
            &images,
            &later,
            list.width,
            list.height,
            &mut early,
        )
        .is_some()
    }

    #[test]
    fn straight_into_the_canvas_is_the_usual_image() {
        let tiles = crate::cpu::TapSimd::detect().is_some();
        for data in [Data::Plain, Data::Nan, Data::Under] {
            // Upsampled (two by two taps) and downsampled.
            for figsize in [(19.2, 10.8), (9.0, 7.0)] {
                let fig = figure(data, figsize);
                let case = format!("{data:?} {figsize:?}");
                if data != Data::Nan {
                    assert_eq!(goes_straight(&fig), tiles, "{case}");
                }
                let mut r = Renderer::new();
                let usual = r.render_pass(&fig, Vec::new(), false).unwrap().unwrap();
                let straight = r.render_pass(&fig, Vec::new(), true).unwrap();
                // A transparent colour met in the data asks to start over.
                assert_eq!(straight.is_err(), data == Data::Under && tiles, "{case}");
                if let Ok(straight) = straight {
                    assert_eq!(straight, usual, "{case}");
                }
                assert_eq!(r.render(&fig).unwrap(), usual, "{case}");
                let mut frame = usual.clone();
                r.render_into(&fig, &mut frame).unwrap();
                assert_eq!(frame, usual, "{case}");
            }
        }
    }

    /// Below a megapixel, with AVX-512, an opaque image goes straight into the canvas with
    /// the indices written during the layout; the bytes are the usual path's, and the
    /// index arrays of one render serve the next.
    #[test]
    fn small_images_straight_into_the_canvas_are_the_usual_image() {
        let avx512 = matches!(
            crate::cpu::TapSimd::detect(),
            Some(crate::cpu::TapSimd::Avx512(_))
        );
        for shape in [(512, 512), (301, 257), (128, 129)] {
            for data in [Data::Plain, Data::Nan, Data::Under] {
                // Down- and upsampled.
                for figsize in [(6.4, 4.8), (12.0, 9.0)] {
                    let fig = figure_of(shape, data, figsize);
                    let case = format!("{shape:?} {data:?} {figsize:?}");
                    let straight = goes_straight(&fig);
                    // Only the 512² data reaches below vmin (its transparent `under`).
                    let seen = data == Data::Nan || (data == Data::Under && shape.0 > 400);
                    if seen || !avx512 {
                        assert!(!straight, "{case}");
                    } else if shape == (512, 512) && figsize == (6.4, 4.8) {
                        // The default figure.
                        assert!(straight, "{case}");
                    }
                    let mut r = Renderer::new();
                    let usual = r.render_pass(&fig, Vec::new(), false).unwrap().unwrap();
                    for _ in 0..2 {
                        let frame = r.render_pass(&fig, Vec::new(), true).unwrap();
                        assert_eq!(frame.as_ref().ok(), Some(&usual), "{case}");
                        assert_eq!(r.render(&fig).unwrap(), usual, "{case}");
                    }
                }
            }
        }
    }
}
