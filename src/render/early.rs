//! Colour-mapped images' LUT indices written while the figure is laid out (issue 21, the
//! second thread at 512²). The indices depend on the data, the norm and the colormap, not
//! on where the image lands, so a render hands them to the other thread before its layout
//! and lowering, which ran alone before (the default figure on two threads: the other
//! thread idle for the first ~15-20% of the render, docs/performance-log.md, "threads7").
//!
//! An image's indices made here are those `scalar_pixels_with` makes for the rgba stage:
//! the same data, the norm its layout gives it (compared when they are used: another norm
//! and they are computed again), the same table and transparent rows. Images that take
//! their indices from the data (a megapixel or more) are left to their own path.

use super::DIRECT_MIN_PIXELS;
use crate::axes::ImageHandle;
use crate::color::{lut_indices_scanned, AsScalarData, Norm};
use crate::colorbar::Mappable;
use crate::figure::Figure;
use crate::image::Image;
use crate::resample::{self, IndexScan};

/// One image's LUT indices, computed ahead, and the norm they were computed with.
pub(super) struct Early<'a> {
    image: &'a Image,
    norm: Norm,
    indices: Vec<u32>,
    scan: Option<IndexScan>,
}

/// The indices computed ahead for a render's images.
#[derive(Default)]
pub(super) struct EarlyIndices<'a> {
    done: Vec<Early<'a>>,
}

/// The fewest data pixels an image's indices are computed ahead for: below, the job's
/// hand-over costs about what it saves.
const EARLY_MIN_PIXELS: usize = 1 << 14;

impl<'a> EarlyIndices<'a> {
    /// Whether `fig` has an image whose indices [`EarlyIndices::of`] computes.
    pub(super) fn wanted(fig: &Figure) -> bool {
        fig.axes
            .iter()
            .flat_map(|ax| ax.images.iter())
            .any(|image| qualifies(image).is_some())
    }

    /// The indices of `fig`'s colour-mapped images below a megapixel (each index array
    /// taken from `buffers` when one is left there, as the render does); an image whose
    /// indices fail is left out (its own path reports the error).
    pub(super) fn of(fig: &'a Figure, buffers: &mut Vec<Vec<u32>>) -> EarlyIndices<'a> {
        let mut done = Vec::new();
        for ax in &fig.axes {
            for (index, image) in ax.images.iter().enumerate() {
                if qualifies(image).is_none() {
                    continue;
                }
                let handle = Mappable::Image(ImageHandle { axes: ax.id, index });
                let with_colorbar = fig.colorbars.iter().any(|c| c.mappable == handle);
                let norm = image.drawing_norm(with_colorbar);
                if let Some((indices, scan)) = indices_of(image, &norm, buffers.pop()) {
                    done.push(Early {
                        image,
                        norm,
                        indices,
                        scan,
                    });
                }
            }
        }
        EarlyIndices { done }
    }

    /// Where the indices of `image` under `norm` are in `done`.
    fn find(&self, image: &Image, norm: &Norm) -> Option<usize> {
        self.done
            .iter()
            .position(|e| std::ptr::eq(e.image, image) && e.norm == *norm)
    }

    /// Whether indices were computed for `image` drawn with `norm` and `test` accepts
    /// them and their scan.
    pub(super) fn peek(
        &self,
        image: &Image,
        norm: &Norm,
        test: impl FnOnce(&[u32], Option<IndexScan>) -> bool,
    ) -> bool {
        self.find(image, norm)
            .and_then(|at| self.done.get(at))
            .is_some_and(|e| test(&e.indices, e.scan))
    }

    /// The indices computed for `image` drawn with `norm` in the rgba stage, if any.
    pub(super) fn take(
        &mut self,
        image: &Image,
        norm: &Norm,
    ) -> Option<(Vec<u32>, Option<IndexScan>)> {
        let e = self.done.swap_remove(self.find(image, norm)?);
        Some((e.indices, e.scan))
    }

    /// The index arrays not used, for the next render.
    pub(super) fn into_buffers(self) -> Vec<Vec<u32>> {
        self.done.into_iter().map(|e| e.indices).collect()
    }
}

/// `Some(())` when `image` is scalar data of [`EARLY_MIN_PIXELS`] up to a megapixel.
fn qualifies(image: &Image) -> Option<()> {
    // An image with a scalar alpha takes its own path (`image_alpha`), not these indices.
    if image.alpha.is_some() {
        return None;
    }
    let data = image.data().as_scalar()?;
    let (rows, cols) = data.shape();
    let n = rows.saturating_mul(cols);
    (EARLY_MIN_PIXELS..DIRECT_MIN_PIXELS)
        .contains(&n)
        .then_some(())
}

/// The rgba stage's LUT indices of `image` under `norm` and their scan, as
/// `scalar_pixels_with` computes them.
fn indices_of(
    image: &Image,
    norm: &Norm,
    buffer: Option<Vec<u32>>,
) -> Option<(Vec<u32>, Option<IndexScan>)> {
    let data = image.data().as_scalar()?;
    let cmap = image.cmap();
    let norm = data.autoscaled(norm);
    let mut table: Vec<[f64; 4]> = (0..cmap.n() + 3).map(|i| cmap.lut_row(i)).collect();
    resample::premultiply(&mut table);
    let other = resample::transparent_rows(&table);
    let (idx, scan) =
        lut_indices_scanned(&data.as_scalar_data(), &norm, cmap.n(), other, buffer).ok()?;
    Some((idx.into_raw_vec_and_offset().0, scan))
}
