//! The image layer's model: data as given to `imshow`, and its options.
//!
//! (Over 800 lines: the data in every dtype imshow takes, float16 and long double
//! included, data left in a `.npy` file's map, with its masking and colour rules, and
//! `ImshowOptions`; ~80 lines are unit tests.)

use crate::color::{Colormap, Norm, ScalarData, Values, Work};
use crate::resample::{Interpolation, Origin, Stage};
use crate::{Error, Result};
use ndarray::{Array2, Array3, ArrayBase, Data, Ix2, Ix3};

/// Scalar data owned by the figure, in the dtype it was given (matplotlib normalises float32
/// and small integers in float32, the rest in float64, so the dtype matters).
#[derive(Debug, Clone)]
#[allow(missing_docs)]
enum OwnedValues {
    F64(Array2<f64>),
    F32(Array2<f32>),
    /// float16 data, held exactly in float32.
    F16(Array2<f32>),
    /// Long double data, rounded to float64 (what matplotlib resamples it in).
    LongDouble(Array2<f64>),
    I8(Array2<i8>),
    I16(Array2<i16>),
    I32(Array2<i32>),
    I64(Array2<i64>),
    U8(Array2<u8>),
    U16(Array2<u16>),
    U32(Array2<u32>),
    U64(Array2<u64>),
    /// Values in a read-only map of their `.npy` file (`npy::map_image_data`).
    Mapped(std::sync::Arc<dyn MappedData>),
}

/// A 2-D array of one number type in a map of its file ([`MappedArray`]).
trait MappedData: std::fmt::Debug + Send + Sync {
    fn view(&self) -> ScalarData<'_>;
}

/// `(rows, columns)` values in C or Fortran order in a map of their file.
struct MappedArray<T> {
    values: crate::cpu::MappedSlice<T>,
    shape: (usize, usize),
    fortran: bool,
}

impl<T> std::fmt::Debug for MappedArray<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MappedArray")
            .field("shape", &self.shape)
            .field("fortran", &self.fortran)
            .finish()
    }
}

impl<T: crate::color::Element + crate::cpu::Plain> MappedData for MappedArray<T> {
    fn view(&self) -> ScalarData<'_> {
        use ndarray::ShapeBuilder;
        let shape = self.shape.set_f(self.fortran);
        // The length was checked when the array was made (`ImageData::mapped`).
        let view = ndarray::ArrayView2::from_shape(shape, self.values.as_slice())
            .unwrap_or_else(|_| ndarray::aview2::<T, 0>(&[]));
        ScalarData::new(view)
    }
}

impl OwnedValues {
    fn from_view(values: &Values<'_>, half: bool) -> OwnedValues {
        match values {
            Values::F32(v) if half => OwnedValues::F16(v.to_owned()),
            Values::F64(v) => OwnedValues::F64(v.to_owned()),
            Values::F32(v) => OwnedValues::F32(v.to_owned()),
            Values::I8(v) => OwnedValues::I8(v.to_owned()),
            Values::I16(v) => OwnedValues::I16(v.to_owned()),
            Values::I32(v) => OwnedValues::I32(v.to_owned()),
            Values::I64(v) => OwnedValues::I64(v.to_owned()),
            Values::U8(v) => OwnedValues::U8(v.to_owned()),
            Values::U16(v) => OwnedValues::U16(v.to_owned()),
            Values::U32(v) => OwnedValues::U32(v.to_owned()),
            Values::U64(v) => OwnedValues::U64(v.to_owned()),
        }
    }

    /// `array` itself, without a copy: the one variant whose element type is `T`.
    fn from_owned<T: crate::color::Element>(array: Array2<T>) -> OwnedValues {
        let any: Box<dyn std::any::Any> = Box::new(array);
        macro_rules! first_of {
            ($any:expr, $($variant:ident($t:ty)),+) => {{
                let any = $any;
                $(
                    let any = match any.downcast::<Array2<$t>>() {
                        Ok(a) => return OwnedValues::$variant(*a),
                        Err(any) => any,
                    };
                )+
                unreachable!("Element is sealed: {:?}", any.type_id())
            }};
        }
        first_of!(
            any,
            F64(f64),
            F32(f32),
            I8(i8),
            I16(i16),
            I32(i32),
            I64(i64),
            U8(u8),
            U16(u16),
            U32(u32),
            U64(u64)
        )
    }

    fn view(&self) -> ScalarData<'_> {
        match self {
            OwnedValues::F64(a) => ScalarData::new(a.view()),
            OwnedValues::F32(a) => ScalarData::new(a.view()),
            OwnedValues::F16(a) => ScalarData::float16_unchecked(a.view()),
            OwnedValues::LongDouble(a) => ScalarData::new(a.view()),
            OwnedValues::I8(a) => ScalarData::new(a.view()),
            OwnedValues::I16(a) => ScalarData::new(a.view()),
            OwnedValues::I32(a) => ScalarData::new(a.view()),
            OwnedValues::I64(a) => ScalarData::new(a.view()),
            OwnedValues::U8(a) => ScalarData::new(a.view()),
            OwnedValues::U16(a) => ScalarData::new(a.view()),
            OwnedValues::U32(a) => ScalarData::new(a.view()),
            OwnedValues::U64(a) => ScalarData::new(a.view()),
            OwnedValues::Mapped(m) => m.view(),
        }
    }
}

/// What `imshow` draws: scalar data to colour-map, or colours drawn as they are.
#[derive(Debug, Clone)]
pub struct ImageData {
    kind: DataKind,
}

#[derive(Debug, Clone)]
enum DataKind {
    Scalar {
        values: OwnedValues,
        mask: Option<Array2<bool>>,
    },
    /// (H, W, 3 or 4) floats in 0..1 (clipped), as given.
    RgbFloat(Array3<f64>),
    /// (H, W, 3 or 4) bytes.
    RgbU8(Array3<u8>),
}

impl ImageData {
    /// Scalar data from a borrowed [`ScalarData`] (copied), keeping its mask.
    pub fn from_scalar(data: &ScalarData<'_>) -> ImageData {
        ImageData {
            kind: DataKind::Scalar {
                values: OwnedValues::from_view(data.values(), data.work() == Work::F16),
                mask: data.mask().map(|m| m.to_owned()),
            },
        }
    }

    /// float16 scalar data, given as the float32 values that hold it exactly (numpy's
    /// `astype(np.float32)` of the float16 array): drawn as matplotlib draws a float16
    /// array, which it normalises in half precision in the `'rgba'` stage (see
    /// [`ScalarData::float16`]). An error names the first value that is not a half.
    pub fn float16(data: Array2<f32>) -> Result<ImageData> {
        ScalarData::float16(data.view())?;
        Ok(ImageData {
            kind: DataKind::Scalar {
                values: OwnedValues::F16(data),
                mask: None,
            },
        })
    }

    /// Scalar data of `shape` (C or Fortran order) left in the map of its `.npy` file, not
    /// copied; `None` when the values do not have that many elements. Non-finite values
    /// are masked as [`ImageData::from`]'s are at `imshow`.
    #[cfg_attr(not(feature = "npy"), allow(dead_code))]
    pub(crate) fn mapped<T: crate::color::Element + crate::cpu::Plain>(
        values: crate::cpu::MappedSlice<T>,
        shape: (usize, usize),
        fortran: bool,
    ) -> Option<ImageData> {
        if shape.0.checked_mul(shape.1) != Some(values.as_slice().len()) {
            return None;
        }
        let array = MappedArray {
            values,
            shape,
            fortran,
        };
        Some(ImageData {
            kind: DataKind::Scalar {
                values: OwnedValues::Mapped(std::sync::Arc::new(array)),
                mask: None,
            },
        })
    }

    /// Long double scalar data (numpy's `np.longdouble`), given as its values rounded to
    /// float64 (`astype(np.float64)`; `npy` (feature `npy`) reads x86's 80-bit format so):
    /// matplotlib resamples such data in float64. Its normalisation keeps long double
    /// precision, which only decides a pixel whose value lies on a colormap bin edge to
    /// within float64's precision (DESIGN.md, Colour); `TwoSlopeNorm` is refused where
    /// matplotlib fails on it ([`ImageData::check_norm`]).
    pub fn long_double(data: Array2<f64>) -> ImageData {
        ImageData {
            kind: DataKind::Scalar {
                values: OwnedValues::LongDouble(data),
                mask: None,
            },
        }
    }

    /// Refuses a norm matplotlib cannot apply to this data: `TwoSlopeNorm` on long double
    /// data (`np.interp` cannot cast float128 to float64). matplotlib raises when it
    /// normalises the data itself (`cmap(norm(data))`, the `'rgba'` stage) or draws a
    /// colorbar (its `norm.inverse`); it does draw the `'data'` stage, which resamples in
    /// float64 first. figbuf checks at those three places. Every other pair is `Ok`.
    pub fn check_norm(&self, norm: &Norm) -> Result<()> {
        if let DataKind::Scalar {
            values: OwnedValues::LongDouble(_),
            ..
        } = &self.kind
        {
            if let crate::color::NormKind::TwoSlope { .. } = norm.kind() {
                return Err(Error::invalid(
                    "norm",
                    "TwoSlopeNorm on long double data",
                    "another norm (matplotlib's TwoSlopeNorm fails on long double data: np.interp cannot cast float128 to float64)",
                ));
            }
        }
        Ok(())
    }

    /// Colours as an (H, W, 3) RGB or (H, W, 4) RGBA float array in 0..1 (values outside are
    /// clipped, as matplotlib does).
    pub fn rgb_f64(data: Array3<f64>) -> Result<ImageData> {
        check_channels(data.dim())?;
        Ok(ImageData {
            kind: DataKind::RgbFloat(data),
        })
    }

    /// Colours as an (H, W, 3) RGB or (H, W, 4) RGBA byte array.
    pub fn rgb_u8(data: Array3<u8>) -> Result<ImageData> {
        check_channels(data.dim())?;
        Ok(ImageData {
            kind: DataKind::RgbU8(data),
        })
    }

    /// `(rows, columns)`.
    pub fn shape(&self) -> (usize, usize) {
        match &self.kind {
            DataKind::Scalar { values, .. } => values.view().shape(),
            DataKind::RgbFloat(a) => (a.dim().0, a.dim().1),
            DataKind::RgbU8(a) => (a.dim().0, a.dim().1),
        }
    }

    /// The number of colour channels (3 for RGB, 4 for RGBA) of a colour image; `None`
    /// for scalar data.
    pub fn channels(&self) -> Option<usize> {
        match &self.kind {
            DataKind::Scalar { .. } => None,
            DataKind::RgbFloat(a) => Some(a.dim().2),
            DataKind::RgbU8(a) => Some(a.dim().2),
        }
    }

    /// The scalar data, if this image is colour-mapped.
    pub fn as_scalar(&self) -> Option<ScalarData<'_>> {
        match &self.kind {
            DataKind::Scalar { values, mask } => {
                let data = values.view();
                Some(match mask {
                    Some(m) => data.with_mask(m.view()).unwrap_or_else(|_| values.view()),
                    None => data,
                })
            }
            _ => None,
        }
    }

    /// For float colour images, the straight RGBA of every pixel (row-major), clipped to 0..1
    /// as matplotlib does before resampling.
    /// `cbook.safe_masked_invalid`, as `AxesImage.set_data` applies it: float data holding
    /// NaN, +inf or -inf gets a mask of its non-finite values, so the infinities are bad
    /// values like NaN, not over/under, are left out of autoscaling and are resampled as
    /// masked, and a NaN that a NaN limit makes of a valid value takes the colormap's row
    /// 0, not the bad colour, once any value is masked (`Colormap.__call__` then takes the
    /// bad mask from the array's mask). Finite data is left as it is: one scan.
    #[cfg(test)]
    fn with_invalid_masked(self) -> ImageData {
        self.with_invalid_masked_and_min_max().0
    }

    /// [`Self::with_invalid_masked`], and the finite min and max of large unmasked float64
    /// data found finite by the same pass (`None` otherwise: then the autoscale reads the
    /// data itself).
    fn with_invalid_masked_and_min_max(self) -> (ImageData, Option<(f64, f64)>) {
        fn any_of<T: Copy + Sync>(
            a: &ndarray::ArrayView2<'_, T>,
            test: impl Fn(T) -> bool + Sync,
        ) -> bool {
            // Branch-free per chunk, so the scan vectorises.
            let chunk_any = |c: &[T]| {
                c.chunks(1024)
                    .any(|c| c.iter().fold(false, |acc, &x| acc | test(x)))
            };
            match a.as_slice_memory_order() {
                // Large data (a 2048² .npy is 32 MB) on every worker: the scan waits on
                // memory, and it is a whole-process step of the CLI's `imshow`.
                Some(s) if s.len() >= 1 << 20 => {
                    use rayon::prelude::*;
                    s.par_chunks(1 << 16).any(chunk_any)
                }
                Some(s) => chunk_any(s),
                None => a.iter().any(|&x| test(x)),
            }
        }
        let DataKind::Scalar { values, mask } = &self.kind else {
            return (self, None);
        };
        // Float64 (long double too) and float32 (float16 too) values: the other dtypes
        // have no non-finite values.
        let view = values.view();
        if let (Values::F64(a), None) = (view.values(), mask) {
            // Large float64: one pass for the non-finite values and the autoscale's limits.
            let min_max = a.as_slice().and_then(crate::color::all_finite_min_max);
            if min_max.is_some() {
                return (self, min_max);
            }
        }
        let invalid: Option<Array2<bool>> = match view.values() {
            Values::F64(a) if any_of(a, |x: f64| !x.is_finite()) => {
                Some(a.mapv(|x| !x.is_finite()))
            }
            Values::F32(a) if any_of(a, |x: f32| !x.is_finite()) => {
                Some(a.mapv(|x| !x.is_finite()))
            }
            _ => None,
        };
        let Some(mut invalid) = invalid else {
            return (self, None);
        };
        if let Some(m) = mask {
            invalid.zip_mut_with(m, |a, &b| *a |= b);
        }
        let DataKind::Scalar { values, .. } = self.kind else {
            unreachable!("checked above")
        };
        let masked = ImageData {
            kind: DataKind::Scalar {
                values,
                mask: Some(invalid),
            },
        };
        (masked, None)
    }

    /// The float RGB(A) pixels as matplotlib's `_make_image` hands them to the resampler:
    /// [`Self::rgba_f64`] premultiplied by alpha (`A * A[..., 3]` on the masked array) when
    /// any valid alpha is not 1. numpy.ma keeps a masked element's data through the product,
    /// so a channel that was NaN or +-inf, and every channel of a pixel whose alpha was,
    /// keeps its (clipped) value unmultiplied.
    pub(crate) fn rgba_f64_premultiplied(&self) -> Option<Vec<[f64; 4]>> {
        let mut out = self.rgba_f64()?;
        let DataKind::RgbFloat(a) = &self.kind else {
            return Some(out);
        };
        let (_, w, c) = a.dim();
        let bad = |i: usize, k: usize| k < c && !a[(i / w.max(1), i % w.max(1), k)].is_finite();
        let any = out
            .iter()
            .enumerate()
            .any(|(i, p)| !bad(i, 3) && p[3] != 1.0);
        if !any {
            return Some(out);
        }
        for (i, p) in out.iter_mut().enumerate() {
            if bad(i, 3) {
                continue;
            }
            for k in 0..3 {
                if !bad(i, k) {
                    p[k] *= p[3];
                }
            }
        }
        Some(out)
    }

    pub(crate) fn rgba_f64(&self) -> Option<Vec<[f64; 4]>> {
        match &self.kind {
            DataKind::Scalar { .. } => None,
            DataKind::RgbFloat(a) => {
                let (h, w, c) = a.dim();
                // `_normalize_image_array`: clipped to [0, 1] (`np.clip`, NaN stays NaN,
                // +-inf become 1 and 0) only when the valid values (`safe_masked_invalid`:
                // finite) go outside it; otherwise NaN and +-inf reach the resampler.
                let (lo, hi) = a
                    .iter()
                    .filter(|v| v.is_finite())
                    .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
                        (lo.min(v), hi.max(v))
                    });
                let clip = lo < 0.0 || hi > 1.0;
                let mut out = Vec::with_capacity(h * w);
                for r in 0..h {
                    for col in 0..w {
                        let ch = |k: usize| {
                            if k >= c {
                                1.0
                            } else if clip {
                                a[(r, col, k)].clamp(0.0, 1.0)
                            } else {
                                a[(r, col, k)]
                            }
                        };
                        out.push([ch(0), ch(1), ch(2), ch(3)]);
                    }
                }
                Some(out)
            }
            DataKind::RgbU8(_) => None,
        }
    }

    pub(crate) fn rgba_u8(&self) -> Option<Vec<[u8; 4]>> {
        match &self.kind {
            DataKind::RgbU8(a) => {
                let (h, w, c) = a.dim();
                let mut out = Vec::with_capacity(h * w);
                for r in 0..h {
                    for col in 0..w {
                        let ch = |k: usize| if k < c { a[(r, col, k)] } else { 255 };
                        out.push([ch(0), ch(1), ch(2), ch(3)]);
                    }
                }
                Some(out)
            }
            _ => None,
        }
    }
}

fn check_channels(dim: (usize, usize, usize)) -> Result<()> {
    if dim.2 == 3 || dim.2 == 4 {
        Ok(())
    } else {
        Err(Error::invalid(
            "colour image shape",
            format!("{dim:?}"),
            "(rows, columns, 3) for RGB or (rows, columns, 4) for RGBA",
        ))
    }
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for f64 {}
    impl Sealed for u8 {}
}

/// An element type of colour images: `f64` (0..1, clipped) or `u8`.
pub trait RgbElement: Copy + 'static + sealed::Sealed {
    /// The (H, W, 3|4) array as image data.
    #[doc(hidden)]
    fn image_data(array: Array3<Self>) -> Result<ImageData>;
}

impl RgbElement for f64 {
    fn image_data(array: Array3<f64>) -> Result<ImageData> {
        ImageData::rgb_f64(array)
    }
}

impl RgbElement for u8 {
    fn image_data(array: Array3<u8>) -> Result<ImageData> {
        ImageData::rgb_u8(array)
    }
}

/// What `imshow` takes, as an ndarray user holds it: 2-D scalar data of any supported
/// dtype ([`crate::Element`]) or (H, W, 3|4) colours of `f64` or `u8`, owned, borrowed or
/// viewed; a [`ScalarData`] (with its mask) or an [`ImageData`].
///
/// An owned array is moved into the figure as it is; a view or a reference is copied (the
/// figure owns its data). Colour images with another channel count are refused.
///
/// ```
/// use figbuf::Figure;
/// use ndarray::{Array2, Array3};
/// let data = Array2::<f32>::zeros((4, 6));
/// let rgb = Array3::<u8>::zeros((4, 6, 3));
/// let mut fig = Figure::default();
/// let ax = fig.add_subplot();
/// fig[ax].imshow(&data)?;          // a reference: copied
/// fig[ax].imshow(data.view())?;    // a view: copied
/// fig[ax].imshow(&data.view())?;   // a reference to a view
/// fig[ax].imshow(data)?;           // owned: moved, no copy
/// fig[ax].imshow(&rgb)?;           // RGB(A) colours
/// assert!(fig[ax].imshow(Array3::<u8>::zeros((4, 6, 2))).is_err());
/// # Ok::<(), figbuf::Error>(())
/// ```
pub trait IntoImageData {
    /// The data as the figure keeps it.
    fn into_image_data(self) -> Result<ImageData>;
}

impl IntoImageData for ImageData {
    fn into_image_data(self) -> Result<ImageData> {
        Ok(self)
    }
}

impl IntoImageData for &ImageData {
    fn into_image_data(self) -> Result<ImageData> {
        Ok(self.clone())
    }
}

impl IntoImageData for ScalarData<'_> {
    fn into_image_data(self) -> Result<ImageData> {
        Ok(ImageData::from_scalar(&self))
    }
}

impl IntoImageData for &ScalarData<'_> {
    fn into_image_data(self) -> Result<ImageData> {
        Ok(ImageData::from_scalar(self))
    }
}

/// An owned `Array2` is taken as it is, without a copy; a view is copied.
impl<S: Data> IntoImageData for ArrayBase<S, Ix2>
where
    S::Elem: crate::color::Element,
{
    fn into_image_data(self) -> Result<ImageData> {
        Ok(ImageData::from(self.into_owned()))
    }
}

impl<S: Data> IntoImageData for &ArrayBase<S, Ix2>
where
    S::Elem: crate::color::Element,
{
    fn into_image_data(self) -> Result<ImageData> {
        Ok(ImageData::from_scalar(&ScalarData::new(self.view())))
    }
}

/// Takes the array as it is, without a copy.
impl<T: crate::color::Element> From<Array2<T>> for ImageData {
    fn from(a: Array2<T>) -> Self {
        ImageData {
            kind: DataKind::Scalar {
                values: OwnedValues::from_owned(a),
                mask: None,
            },
        }
    }
}

/// An owned `Array3` is taken as it is, without a copy; a view is copied.
impl<S: Data> IntoImageData for ArrayBase<S, Ix3>
where
    S::Elem: RgbElement,
{
    fn into_image_data(self) -> Result<ImageData> {
        S::Elem::image_data(self.into_owned())
    }
}

impl<S: Data> IntoImageData for &ArrayBase<S, Ix3>
where
    S::Elem: RgbElement,
{
    fn into_image_data(self) -> Result<ImageData> {
        S::Elem::image_data(self.to_owned())
    }
}

/// `imshow`'s aspect: how the Axes box is shaped to the data.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Aspect {
    /// One data unit is as long in x as in y (matplotlib's default for images).
    #[default]
    Equal,
    /// The Axes keeps its box; pixels stretch.
    Auto,
    /// y units are this many times as long as x units.
    Ratio(f64),
}

impl std::str::FromStr for Aspect {
    type Err = Error;
    fn from_str(s: &str) -> Result<Aspect> {
        match s {
            "equal" => Ok(Aspect::Equal),
            "auto" => Ok(Aspect::Auto),
            _ => match s.parse::<f64>() {
                Ok(v) if v.is_finite() && v > 0.0 => Ok(Aspect::Ratio(v)),
                _ => Err(Error::invalid(
                    "aspect",
                    s,
                    "'equal', 'auto' or a positive number",
                )),
            },
        }
    }
}

/// The options of `imshow`, with matplotlib's defaults; set them with the chained setters
/// named after `imshow`'s keywords (the fields are public to read and to set in place).
///
/// ```
/// use figbuf::{Colormap, ImshowOptions, Interpolation, Origin};
/// let opts = ImshowOptions::default()
///     .cmap(Colormap::named("plasma")?)
///     .vmin(0.0)
///     .interpolation(Interpolation::Nearest)
///     .origin(Origin::Lower);
/// assert_eq!(opts.vmin, Some(0.0));
/// # Ok::<(), figbuf::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ImshowOptions {
    /// The colormap (viridis when `None`).
    pub cmap: Option<Colormap>,
    /// The norm (linear `Normalize` when `None`); its limits are autoscaled from the data
    /// unless set here or by `vmin`/`vmax`.
    pub norm: Option<Norm>,
    /// Lower limit of the norm.
    pub vmin: Option<f64>,
    /// Upper limit of the norm.
    pub vmax: Option<f64>,
    /// Resampling filter; `Auto` picks as matplotlib does.
    pub interpolation: Interpolation,
    /// Resample the data or the colours; `None` picks as matplotlib does.
    pub interpolation_stage: Option<Stage>,
    /// Where row 0 goes.
    pub origin: Origin,
    /// `(left, right, bottom, top)` in data coordinates.
    pub extent: Option<[f64; 4]>,
    /// The Axes aspect.
    pub aspect: Aspect,
    /// A scalar alpha in [0, 1] for the whole image (`None`: the colours' own).
    pub alpha: Option<f64>,
}

option_setters!(ImshowOptions {
    /// `cmap=`: the colormap.
    cmap: Colormap => cmap = Some;
    /// `norm=`: the norm; its unset limits are autoscaled from the data.
    norm: Norm => norm = Some;
    /// `vmin=`: the lower limit of the norm.
    vmin: f64 => vmin = Some;
    /// `vmax=`: the upper limit of the norm.
    vmax: f64 => vmax = Some;
    /// `interpolation=`: the resampling filter.
    interpolation: Interpolation => interpolation;
    /// `interpolation_stage=`: resample the data or the colours.
    interpolation_stage: Stage => interpolation_stage = Some;
    /// `origin=`: where row 0 goes.
    origin: Origin => origin;
    /// `extent=`: `(left, right, bottom, top)` in data coordinates.
    extent: [f64; 4] => extent = Some;
    /// `aspect=`: the Axes aspect.
    aspect: Aspect => aspect;
    /// `alpha=`: a scalar alpha in [0, 1] for the whole image.
    alpha: f64 => alpha = Some;
});

/// An image on an Axes: data plus how to colour and place it.
#[derive(Debug, Clone)]
pub struct Image {
    pub(crate) data: ImageData,
    pub(crate) cmap: Colormap,
    pub(crate) norm: Norm,
    /// `norm` with its unset limits filled from the data, once, at `imshow` (the data and
    /// the norm do not change afterwards).
    autoscaled: Norm,
    pub(crate) interpolation: Interpolation,
    pub(crate) stage: Option<Stage>,
    pub(crate) origin: Origin,
    pub(crate) extent: Option<[f64; 4]>,
    /// `alpha=`: the scalar alpha (`None` when not given).
    pub(crate) alpha: Option<f64>,
}

impl Image {
    pub(crate) fn new(data: ImageData, opts: ImshowOptions) -> Result<Image> {
        // An empty array (0 x N, N x 0) is an image that draws nothing, as in matplotlib
        // (`AxesImage.draw` skips it); its extent still sets the view limits.
        if let Some(e) = opts.extent {
            // Equal edges are allowed: the Axes widens singular limits (`nonsingular`).
            if e.iter().any(|v| !v.is_finite()) {
                return Err(Error::invalid(
                    "extent",
                    format!("{e:?}"),
                    "four finite numbers",
                ));
            }
            // The view limits are padded and divided by these spans: they must be finite.
            if !((e[1] - e[0]).is_finite() && (e[3] - e[2]).is_finite()) {
                return Err(Error::invalid(
                    "extent",
                    format!("{e:?}"),
                    "spans right - left and top - bottom that are finite numbers (each limit within about ±8.9e307)",
                ));
            }
        }
        // `set_alpha`: a scalar in [0, 1]; 1 draws exactly as no alpha (every stage multiplies
        // by it or broadcasts it as the alpha channel).
        let alpha = match opts.alpha {
            Some(a) if !(0.0..=1.0).contains(&a) => {
                return Err(Error::invalid("alpha", a, "a number in [0, 1]"));
            }
            Some(1.0) => None,
            a => a,
        };
        // Non-finite vmin/vmax are matplotlib's too (NaN normalises everything to NaN, a
        // colorbar widens them to (-0.1, 0.1)); limits it refuses fail at draw time.
        let cmap = match opts.cmap {
            Some(c) => c,
            None => Colormap::named("viridis")?,
        };
        let mut norm = opts.norm.unwrap_or_default();
        if opts.vmin.is_some() {
            norm = norm.with_vmin(opts.vmin);
        }
        if opts.vmax.is_some() {
            norm = norm.with_vmax(opts.vmax);
        }
        let (data, min_max) = data.with_invalid_masked_and_min_max();
        if data.as_scalar().is_some() {
            norm.check_limits()?;
        }
        // matplotlib autoscales at `imshow` too (`_scale_norm` -> `autoscale_None`), and a
        // draw finds the limits set: one pass over the data, not one a render (none of its
        // own for large float64 data, whose limits the non-finite scan took).
        let autoscaled = match (data.as_scalar(), min_max) {
            (Some(d), Some(min_max)) => d.autoscaled_from_min_max(&norm, min_max),
            (Some(d), None) => d.autoscaled(&norm),
            (None, _) => norm.clone(),
        };
        Ok(Image {
            data,
            cmap,
            norm,
            autoscaled,
            interpolation: opts.interpolation,
            stage: opts.interpolation_stage,
            origin: opts.origin,
            extent: opts.extent,
            alpha,
        })
    }

    /// The data.
    pub fn data(&self) -> &ImageData {
        &self.data
    }

    /// The colormap.
    pub fn cmap(&self) -> &Colormap {
        &self.cmap
    }

    /// The norm as given (limits may still be unset).
    pub fn norm(&self) -> &Norm {
        &self.norm
    }

    /// The norm with its unset limits filled from the data (`autoscale_None`), as
    /// matplotlib fills them at `imshow`. Computed once, when the image was made.
    pub fn autoscaled_norm(&self) -> Norm {
        self.autoscaled.clone()
    }

    /// The norm the image is drawn with. A colorbar makes its image's limits non-singular
    /// (`Colorbar._process_values`: unset limits become (0, 1), equal limits are widened by
    /// 10 %), and the image shares that norm.
    pub fn drawing_norm(&self, with_colorbar: bool) -> Norm {
        let norm = self.autoscaled_norm();
        if !with_colorbar {
            return norm;
        }
        let (a, b) = match (norm.vmin(), norm.vmax()) {
            (Some(a), Some(b)) => (a, b),
            _ => (0.0, 1.0),
        };
        let (a, b) = colorbar_limits((a, b), 0);
        norm.with_limits_set(a, b)
    }

    /// `(left, right, bottom, top)`: the given extent, or matplotlib's default for the
    /// array's shape and origin.
    pub fn extent(&self) -> [f64; 4] {
        if let Some(e) = self.extent {
            return e;
        }
        let (rows, cols) = self.data.shape();
        let (m, n) = (rows as f64, cols as f64);
        match self.origin {
            Origin::Upper => [-0.5, n - 0.5, m - 0.5, -0.5],
            Origin::Lower => [-0.5, n - 0.5, -0.5, m - 0.5],
        }
    }
}

/// The limits `Colorbar._process_values` leaves on the norm, from `cur`: it assigns
/// `norm.vmin, norm.vmax = _nonsingular(vmin, vmax, expander=0.1)`, vmin first. Each setter
/// that changes its value fires the norm's 'changed' callback, which redraws the colorbar
/// (`update_normal`), running `_process_values` again on the limits as they are at that
/// moment. So with vmin above vmax (swapped to `(vmax, vmin)`), setting vmin makes them equal
/// for the nested pass, which widens them by 10 % before the outer pass sets vmax: the final
/// vmin is `vmax - 0.1 |vmax|`. `depth` bounds the recursion (it ends after two levels).
fn colorbar_limits(cur: (f64, f64), depth: usize) -> (f64, f64) {
    let new = crate::ticks::nonsingular(cur.0, cur.1, 0.1, 1e-15);
    if depth > 8 {
        return new;
    }
    let mut state = cur;
    // `if value != self._vmin` (true for NaN).
    if new.0 != state.0 {
        state.0 = new.0;
        state = colorbar_limits(state, depth + 1);
    }
    if new.1 != state.1 {
        state.1 = new.1;
        state = colorbar_limits(state, depth + 1);
    }
    state
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::color::Values;

    #[test]
    fn colorbar_limits_as_the_nested_redraw_leaves_them() {
        // matplotlib: LogNorm(5.0) over data with max 3.583049605219697, then a colorbar.
        let (a, b) = colorbar_limits((5.0, 3.583049605219697), 0);
        assert_eq!((a, b), (3.2247446446977275, 5.0));
        assert_eq!(colorbar_limits((1.0, 2.0), 0), (1.0, 2.0));
        assert_eq!(colorbar_limits((2.0, 2.0), 0), (1.8, 2.2));
        assert_eq!(colorbar_limits((f64::NAN, 2.0), 0), (-0.1, 0.1));
    }
    use ndarray::array;

    /// An owned array is taken as it is: the image reads the caller's buffer, with its
    /// element type, and a view is copied.
    #[test]
    fn owned_arrays_are_moved_not_copied() {
        fn moved<T: crate::color::Element>(a: Array2<T>) -> bool {
            let ptr = a.as_ptr();
            let data = a.into_image_data().expect("scalar data");
            let scalar = data.as_scalar().expect("scalar data");
            let got = match scalar.values() {
                Values::F64(v) => v.as_ptr().cast::<u8>(),
                Values::F32(v) => v.as_ptr().cast(),
                Values::I8(v) => v.as_ptr().cast(),
                Values::I16(v) => v.as_ptr().cast(),
                Values::I32(v) => v.as_ptr().cast(),
                Values::I64(v) => v.as_ptr().cast(),
                Values::U8(v) => v.as_ptr().cast(),
                Values::U16(v) => v.as_ptr().cast(),
                Values::U32(v) => v.as_ptr().cast(),
                Values::U64(v) => v.as_ptr().cast(),
            };
            got == ptr.cast()
        }
        assert!(moved(array![[1.0f64, 2.0], [3.0, 4.0]]));
        assert!(moved(array![[1.0f32, 2.0]]));
        assert!(moved(array![[1i8, -2]]));
        assert!(moved(array![[1i16, -2]]));
        assert!(moved(array![[1i32, -2]]));
        assert!(moved(array![[1i64, -2]]));
        assert!(moved(array![[1u8, 2]]));
        assert!(moved(array![[1u16, 2]]));
        assert!(moved(array![[1u32, 2]]));
        assert!(moved(array![[1u64, 2]]));
        let a = array![[1.0f64, 2.0]];
        let copied = a.view().into_image_data().expect("scalar data");
        let Some(Values::F64(v)) = copied.as_scalar().map(|s| s.values().clone()) else {
            panic!("f64 data");
        };
        assert_ne!(v.as_ptr(), a.as_ptr());
        assert_eq!(v, a);
    }

    /// numpy's cast of out-of-range floats (measured: `np.array([300.0, -5.0, inf,
    /// 4294967301.0, nan]).astype(np.uint8)` is `[44, 251, 0, 0, 0]`).
    #[test]
    fn numpy_u8_wraps_like_numpy() {
        use crate::resample::numpy_u8;
        let got: Vec<u8> = [300.0, -5.0, f64::INFINITY, 4294967301.0, f64::NAN, 255.9]
            .map(numpy_u8)
            .to_vec();
        assert_eq!(got, [44, 251, 0, 0, 0, 255]);
    }

    /// imshow masks NaN and +-inf like `safe_masked_invalid`; finite data keeps no mask.
    #[test]
    fn invalid_values_are_masked_at_imshow() {
        let data = ImageData::from(array![[1.0, f64::INFINITY], [f64::NAN, f64::NEG_INFINITY]]);
        let masked = data.with_invalid_masked();
        let mask = masked
            .as_scalar()
            .and_then(|s| s.mask().map(|m| m.to_owned()));
        assert_eq!(mask, Some(array![[false, true], [true, true]]));
        let plain = ImageData::from(array![[1.0f32, 2.0]]).with_invalid_masked();
        assert!(plain.as_scalar().is_some_and(|s| s.mask().is_none()));
    }
}
