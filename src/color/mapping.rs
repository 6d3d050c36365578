//! Scalar data in, colours out: [`ScalarData`] (a 2-D view of any numeric dtype plus an
//! optional mask), [`lut_indices`] (the per-pixel LUT index, the core both image stages
//! share) and [`colormap_rgba8`] (`cmap(norm(data), bytes=True)`).
//!
//! (Over 800 lines: the one colour-mapping pass, dispatched over every dtype, mask and norm
//! with its dedicated SIMD loops, which share one set of block helpers; about 320 lines are
//! unit tests.)

use ndarray::{Array2, Array3, ArrayBase, ArrayView2, ArrayViewMut3, Axis, Data, Ix2};
use rayon::prelude::*;

use super::colormap::{index_f32, index_f64, index_int, Colormap};
use super::norm::{index_f16, is_half, DataStats, Norm, NormKind, Normed, Op, Prepared, Work};
use super::rgba::trunc_byte;
use crate::resample::IndexScan;
use crate::{cpu, Error, Result};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

mod direct;
mod large;
mod scan;
pub(crate) use direct::{DirectIndices, POSITION_TABLE};
pub(crate) use scan::all_finite_min_max;

/// Inputs with at least this many pixels are processed in parallel over rows.
const PARALLEL_MIN_PIXELS: usize = 1 << 16;

mod sealed {
    pub trait Sealed {}
}

/// A numeric element type that [`ScalarData`] accepts: f64, f32, i8..i64, u8..u64.
pub trait Element: Copy + Send + Sync + 'static + sealed::Sealed {
    /// The precision matplotlib normalises this dtype in.
    const WORK: Work;
    /// The value as float64 (numpy's cast).
    fn to_f64(self) -> f64;
    /// The value as float32 (numpy's cast; exact for the dtypes whose [`Element::WORK`]
    /// is [`Work::F32`]).
    fn to_f32(self) -> f32;
    /// For integer dtypes, the value as a LUT index (`NoNorm`); `None` for floats.
    fn to_index(self) -> Option<i64>;
    /// `(bits, signed)` for integer dtypes.
    const INT_KIND: Option<(u32, bool)>;
    /// Wraps a view of this dtype.
    fn wrap(view: ArrayView2<'_, Self>) -> Values<'_>;
}

macro_rules! element {
    ($t:ty, $work:ident, $variant:ident, float) => {
        impl sealed::Sealed for $t {}
        impl Element for $t {
            const WORK: Work = Work::$work;
            const INT_KIND: Option<(u32, bool)> = None;
            #[inline]
            fn to_f64(self) -> f64 {
                self as f64
            }
            #[inline]
            fn to_f32(self) -> f32 {
                self as f32
            }
            #[inline]
            fn to_index(self) -> Option<i64> {
                None
            }
            fn wrap(view: ArrayView2<'_, Self>) -> Values<'_> {
                Values::$variant(view)
            }
        }
    };
    ($t:ty, $work:ident, $variant:ident, int) => {
        impl sealed::Sealed for $t {}
        impl Element for $t {
            const WORK: Work = Work::$work;
            const INT_KIND: Option<(u32, bool)> = Some((<$t>::BITS, <$t>::MIN != 0));
            #[inline]
            fn to_f64(self) -> f64 {
                self as f64
            }
            #[inline]
            fn to_f32(self) -> f32 {
                self as f32
            }
            #[inline]
            fn to_index(self) -> Option<i64> {
                Some(i64::try_from(self).unwrap_or(i64::MAX))
            }
            fn wrap(view: ArrayView2<'_, Self>) -> Values<'_> {
                Values::$variant(view)
            }
        }
    };
}

element!(f64, F64, F64, float);
element!(f32, F32, F32, float);
element!(i8, F32, I8, int);
element!(i16, F32, I16, int);
element!(i32, F64, I32, int);
element!(i64, F64, I64, int);
element!(u8, F32, U8, int);
element!(u16, F32, U16, int);
element!(u32, F64, U32, int);
element!(u64, F64, U64, int);

/// A 2-D view of scalar data of one of the supported dtypes.
#[derive(Debug, Clone)]
pub enum Values<'a> {
    /// float64
    F64(ArrayView2<'a, f64>),
    /// float32
    F32(ArrayView2<'a, f32>),
    /// int8
    I8(ArrayView2<'a, i8>),
    /// int16
    I16(ArrayView2<'a, i16>),
    /// int32
    I32(ArrayView2<'a, i32>),
    /// int64
    I64(ArrayView2<'a, i64>),
    /// uint8
    U8(ArrayView2<'a, u8>),
    /// uint16
    U16(ArrayView2<'a, u16>),
    /// uint32
    U32(ArrayView2<'a, u32>),
    /// uint64
    U64(ArrayView2<'a, u64>),
}

macro_rules! dispatch {
    ($values:expr, $v:ident => $body:expr) => {
        match $values {
            Values::F64($v) => $body,
            Values::F32($v) => $body,
            Values::I8($v) => $body,
            Values::I16($v) => $body,
            Values::I32($v) => $body,
            Values::I64($v) => $body,
            Values::U8($v) => $body,
            Values::U16($v) => $body,
            Values::U32($v) => $body,
            Values::U64($v) => $body,
        }
    };
}

/// 2-D scalar data to colour-map: a view of any supported dtype (any strides) and an
/// optional mask (`true` = masked, as in `numpy.ma`), like a numpy masked array.
#[derive(Debug, Clone)]
pub struct ScalarData<'a> {
    values: Values<'a>,
    mask: Option<ArrayView2<'a, bool>>,
    /// float16 data held in float32 ([`ScalarData::float16`]).
    half: bool,
}

impl<'a, T: Element> From<ArrayView2<'a, T>> for ScalarData<'a> {
    fn from(view: ArrayView2<'a, T>) -> Self {
        ScalarData::new(view)
    }
}

/// What the colour-mapping functions take: a 2-D array of a supported dtype as an ndarray
/// user holds it (owned, `&Array2`, a view, a reference to a view, any layout) or a
/// [`ScalarData`] (a view with a mask). Nothing is copied.
///
/// ```
/// use figbuf::{colormap_rgba8, Colormap, Norm, ScalarData};
/// let data = ndarray::array![[0.0f32, 1.0], [2.0, 3.0]];
/// let (norm, cmap) = (Norm::linear(), Colormap::named("viridis")?);
/// let a = colormap_rgba8(&data, &norm, &cmap)?;
/// let b = colormap_rgba8(data.view(), &norm, &cmap)?;
/// let c = colormap_rgba8(&data.t(), &norm, &cmap)?; // transposed: any strides
/// let d = colormap_rgba8(ScalarData::new(data.view()), &norm, &cmap)?;
/// assert_eq!(a, b);
/// assert_eq!(a, d);
/// assert_eq!(c[[0, 1, 0]], a[[1, 0, 0]]);
/// # Ok::<(), figbuf::Error>(())
/// ```
pub trait AsScalarData {
    /// The data as a borrowed [`ScalarData`].
    fn as_scalar_data(&self) -> ScalarData<'_>;
}

impl<S: Data> AsScalarData for ArrayBase<S, Ix2>
where
    S::Elem: Element,
{
    fn as_scalar_data(&self) -> ScalarData<'_> {
        ScalarData::new(self.view())
    }
}

impl AsScalarData for ScalarData<'_> {
    fn as_scalar_data(&self) -> ScalarData<'_> {
        // ndarray's views are invariant in their lifetime: reborrow each one.
        let values = match &self.values {
            Values::F64(v) => Values::F64(v.view()),
            Values::F32(v) => Values::F32(v.view()),
            Values::I8(v) => Values::I8(v.view()),
            Values::I16(v) => Values::I16(v.view()),
            Values::I32(v) => Values::I32(v.view()),
            Values::I64(v) => Values::I64(v.view()),
            Values::U8(v) => Values::U8(v.view()),
            Values::U16(v) => Values::U16(v.view()),
            Values::U32(v) => Values::U32(v.view()),
            Values::U64(v) => Values::U64(v.view()),
        };
        ScalarData {
            values,
            mask: self.mask.as_ref().map(|m| m.view()),
            half: self.half,
        }
    }
}

impl<X: AsScalarData + ?Sized> AsScalarData for &X {
    fn as_scalar_data(&self) -> ScalarData<'_> {
        (**self).as_scalar_data()
    }
}

impl<'a> ScalarData<'a> {
    /// Data from a view of any supported dtype, unmasked.
    pub fn new<T: Element>(view: ArrayView2<'a, T>) -> Self {
        ScalarData {
            values: T::wrap(view),
            mask: None,
            half: false,
        }
    }

    /// float16 data, given as the float32 values that hold it exactly (numpy's
    /// `astype(np.float32)` of a float16 array): colour-mapped as matplotlib maps a float16
    /// array, which it normalises in half precision (see [`Work::F16`]). An error names
    /// the first value that is not a half (NaN and ±inf are halves).
    pub fn float16(view: ArrayView2<'a, f32>) -> Result<Self> {
        if let Some(x) = view.iter().find(|&&x| !is_half(x)) {
            return Err(Error::invalid(
                "float16 value",
                x,
                "a value an IEEE half holds exactly",
            ));
        }
        Ok(ScalarData {
            values: Values::F32(view),
            mask: None,
            half: true,
        })
    }

    /// The same data without the float16 mark: what `_make_image`'s `'data'` stage
    /// normalises after its `astype(np.float32)`.
    pub(crate) fn without_half(&self) -> ScalarData<'_> {
        let mut d = self.as_scalar_data();
        d.half = false;
        d
    }

    /// [`ScalarData::float16`] for values already known to be halves.
    pub(crate) fn float16_unchecked(view: ArrayView2<'a, f32>) -> Self {
        ScalarData {
            values: Values::F32(view),
            mask: None,
            half: true,
        }
    }

    /// The rows `range` of the data (and of its mask), clamped to the rows there are: a
    /// view, nothing copied. Colour-mapping a block of rows with a norm whose limits are
    /// set gives the block's rows of the whole array's colours.
    pub fn rows(&self, range: std::ops::Range<usize>) -> ScalarData<'a> {
        let rows = self.shape().0;
        let end = range.end.min(rows);
        let s = ndarray::s![range.start.min(end)..end, ..];
        let values = dispatch!(&self.values, v => Element::wrap((*v).slice_move(s)));
        ScalarData {
            values,
            mask: self.mask.map(|m| m.slice_move(s)),
            half: self.half,
        }
    }

    /// Adds a mask (`true` = masked); it must have the data's shape.
    pub fn with_mask(mut self, mask: ArrayView2<'a, bool>) -> Result<Self> {
        if mask.dim() != self.shape() {
            return Err(Error::invalid(
                "mask shape",
                format!("{:?}", mask.dim()),
                format!("the data's shape {:?}", self.shape()),
            ));
        }
        self.mask = Some(mask);
        Ok(self)
    }

    /// The view.
    pub fn values(&self) -> &Values<'a> {
        &self.values
    }

    /// The mask, if any.
    pub fn mask(&self) -> Option<&ArrayView2<'a, bool>> {
        self.mask.as_ref()
    }

    /// `(rows, columns)`.
    pub fn shape(&self) -> (usize, usize) {
        dispatch!(&self.values, v => v.dim())
    }

    /// The precision matplotlib normalises this dtype in.
    pub fn work(&self) -> Work {
        if self.half {
            return Work::F16;
        }
        dispatch!(&self.values, v => work_of(v))
    }

    fn any_masked(&self) -> bool {
        self.mask.as_ref().is_some_and(|m| m.iter().any(|&b| b))
    }

    /// min/max of the valid values (unmasked, finite), in the working precision.
    pub(crate) fn stats(&self, need_pos: bool) -> DataStats {
        let work = self.work();
        if let (Values::F64(v), None, false) = (&self.values, &self.mask, need_pos) {
            if let Some(xs) = v
                .to_slice()
                .filter(|xs| xs.len() >= large::LARGE_MIN_PIXELS)
            {
                let (lo, hi) = large::min_max(xs, None);
                let any = lo <= hi;
                return DataStats {
                    work,
                    int_kind: None,
                    min: any.then_some(lo),
                    max: any.then_some(hi),
                    pos_min: None,
                    pos_max: None,
                };
            }
        }
        let mask = self.mask.as_ref();
        let acc = dispatch!(&self.values, v => stats_of(v, mask, work, need_pos));
        DataStats {
            work,
            int_kind: dispatch!(&self.values, v => int_kind_of(v)),
            min: acc.min,
            max: acc.max,
            pos_min: acc.pos_min,
            pos_max: acc.pos_max,
        }
    }

    /// The norm with its unset limits filled from this data, as `imshow` does
    /// (`norm.autoscale_None(masked_invalid(data))`): NaN, ±inf and masked values are
    /// ignored, and `LogNorm` considers only positive values. When no value is valid, the
    /// limits are matplotlib's for a fully masked array (see `Norm::fully_masked_limits`).
    pub fn autoscaled(&self, norm: &Norm) -> Norm {
        self.autoscaled_with(norm, || self.stats(matches!(norm.kind(), NormKind::Log)))
    }

    /// [`ScalarData::autoscaled`] with the data's statistics from `stats` (called only
    /// when a limit is unset): the large float64 route takes them in a pass of its own.
    fn autoscaled_with(&self, norm: &Norm, stats: impl FnOnce() -> DataStats) -> Norm {
        // Nothing to autoscale: skip the pass over the data.
        if norm.scaled() || matches!(norm.kind(), NormKind::NoNorm | NormKind::Boundary { .. }) {
            return norm.clone();
        }
        if let NormKind::Centered {
            halfrange: Some(_), ..
        } = norm.kind()
        {
            return norm.autoscale_from(&DataStats::empty(self.work()));
        }
        let n = norm.autoscale_from(&stats());
        let (rows, cols) = self.shape();
        if n.scaled() || rows == 0 || cols == 0 {
            n
        } else {
            n.fully_masked_limits()
        }
    }

    /// `norm(data)` after [`ScalarData::autoscaled`]: every value in the type matplotlib
    /// passes on to the colormap (float64, float32, integer index, or masked).
    pub fn normalized(&self, norm: &Norm) -> Result<Array2<Normed>> {
        let norm = self.autoscaled(norm);
        let prep = self.prepare(&norm)?;
        let mask = self.mask.as_ref();
        Ok(dispatch!(&self.values, v => {
            Array2::from_shape_fn(v.dim(), |(r, c)| {
                if mask.is_some_and(|m| m[(r, c)]) {
                    return Normed::Masked;
                }
                match &prep {
                    Some(p) => normed_one(v[(r, c)], p),
                    None => Normed::Masked,
                }
            })
        }))
    }

    fn prepare(&self, norm: &Norm) -> Result<Option<Prepared>> {
        let work = self.work();
        let all_inside = match norm.kind() {
            NormKind::SymLog { linthresh, .. } if work == Work::F32 => {
                let lt = *linthresh as f32;
                let mask = self.mask.as_ref();
                dispatch!(&self.values, v => v.indexed_iter().all(|((r, c), x)| {
                    mask.is_some_and(|m| m[(r, c)]) || x.to_f32().abs() <= lt
                }))
            }
            _ => false,
        };
        norm.prepare(work, all_inside)
    }
}

fn int_kind_of<T: Element>(_: &ArrayView2<'_, T>) -> Option<(u32, bool)> {
    T::INT_KIND
}

fn work_of<T: Element>(_: &ArrayView2<'_, T>) -> Work {
    T::WORK
}

#[derive(Debug, Clone, Copy, Default)]
struct Acc {
    min: Option<f64>,
    max: Option<f64>,
    pos_min: Option<f64>,
    pos_max: Option<f64>,
}

impl Acc {
    #[inline]
    fn push(&mut self, x: f64) {
        if !x.is_finite() {
            return;
        }
        self.min = Some(self.min.map_or(x, |m| m.min(x)));
        self.max = Some(self.max.map_or(x, |m| m.max(x)));
        if x > 0.0 {
            self.pos_min = Some(self.pos_min.map_or(x, |m| m.min(x)));
            self.pos_max = Some(self.pos_max.map_or(x, |m| m.max(x)));
        }
    }

    fn merge(self, o: Acc) -> Acc {
        let lo = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let hi = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        Acc {
            min: lo(self.min, o.min),
            max: hi(self.max, o.max),
            pos_min: lo(self.pos_min, o.pos_min),
            pos_max: hi(self.pos_max, o.pos_max),
        }
    }
}

/// [`row_acc`] as a [`cpu::Kernel`]: row, mask row, working precision, whether positive
/// extremes are needed.
struct RowAcc<'a, T>(
    ndarray::ArrayView1<'a, T>,
    Option<ndarray::ArrayView1<'a, bool>>,
    Work,
    bool,
);

impl<T: Element> cpu::Kernel for RowAcc<'_, T> {
    type Output = Acc;
    #[inline(always)]
    fn run(self) -> Acc {
        row_acc(self.0, self.1, self.2, self.3)
    }
}

/// `finite_min_max_f64` / `_f32`: the smallest and largest finite value of a slice
/// (`(inf, -inf)` when there is none). Floats are compared as integers: flipping the
/// magnitude bits of negative values makes the bit patterns order like the values
/// (-0 just below +0), and an integer min/max reduction vectorises where a float one
/// (a serial chain the compiler may not reorder) does not: ~4x faster.
macro_rules! finite_min_max {
    ($name:ident, $f:ty, $i:ty, $u:ty, $to:ident, $exp:expr) => {
        #[inline(always)]
        fn $name<T: Element>(s: &[T]) -> ($f, $f) {
            const SHIFT: u32 = <$i>::BITS - 1;
            let key = |x: $f| {
                let b = x.to_bits() as $i;
                b ^ (((b >> SHIFT) as $u) >> 1) as $i
            };
            let mut lo = <$i>::MAX;
            let mut hi = <$i>::MIN;
            for x in s {
                let x = x.$to();
                let finite = (x.to_bits() & $exp) != $exp;
                let k = key(x);
                lo = lo.min(if finite { k } else { <$i>::MAX });
                hi = hi.max(if finite { k } else { <$i>::MIN });
            }
            if lo > hi {
                return (<$f>::INFINITY, <$f>::NEG_INFINITY);
            }
            // The key map is its own inverse.
            let value = |k: $i| <$f>::from_bits(key(<$f>::from_bits(k as $u)) as $u);
            (value(lo), value(hi))
        }
    };
}

finite_min_max!(
    finite_min_max_f64,
    f64,
    i64,
    u64,
    to_f64,
    0x7ff0_0000_0000_0000
);
// float32-precision dtypes in f32: twice the lanes; widening to f64 is exact.
finite_min_max!(finite_min_max_f32, f32, i32, u32, to_f32, 0x7f80_0000);

/// Per-row min/max without `Option` in the inner loop.
#[inline(always)]
fn row_acc<T: Element>(
    row: ndarray::ArrayView1<'_, T>,
    mrow: Option<ndarray::ArrayView1<'_, bool>>,
    work: Work,
    need_pos: bool,
) -> Acc {
    if let (None, false, Some(s)) = (mrow.as_ref(), need_pos, row.as_slice()) {
        // min/max of the finite values (see `finite_min_max`).
        let (lo, hi) = match work {
            Work::F64 => finite_min_max_f64(s),
            Work::F32 | Work::F16 => {
                let (lo, hi) = finite_min_max_f32(s);
                (f64::from(lo), f64::from(hi))
            }
        };
        let mut acc = Acc::default();
        if lo <= hi {
            acc.min = Some(lo);
            acc.max = Some(hi);
        }
        return acc;
    }
    let conv = |x: T| match work {
        Work::F64 => x.to_f64(),
        Work::F32 | Work::F16 => f64::from(x.to_f32()),
    };
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    let mut plo = f64::INFINITY;
    let mut phi = f64::NEG_INFINITY;
    let mut any = false;
    let mut any_pos = false;
    let mut visit = |x: f64| {
        if x.is_finite() {
            any = true;
            lo = lo.min(x);
            hi = hi.max(x);
            if x > 0.0 {
                any_pos = true;
                plo = plo.min(x);
                phi = phi.max(x);
            }
        }
    };
    match mrow {
        Some(m) => {
            for (x, &masked) in row.iter().zip(m.iter()) {
                if !masked {
                    visit(conv(*x));
                }
            }
        }
        None => {
            if let Some(s) = row.as_slice() {
                for x in s {
                    visit(conv(*x));
                }
            } else {
                for x in row.iter() {
                    visit(conv(*x));
                }
            }
        }
    }
    let mut acc = Acc::default();
    if any {
        acc.push(lo);
        acc.push(hi);
    }
    if any_pos {
        acc.pos_min = Some(plo);
        acc.pos_max = Some(phi);
    }
    acc
}

fn stats_of<T: Element>(
    v: &ArrayView2<'_, T>,
    mask: Option<&ArrayView2<'_, bool>>,
    work: Work,
    need_pos: bool,
) -> Acc {
    let (rows, cols) = v.dim();
    if rows == 0 || cols == 0 {
        // Zero-size data costs nothing, however many empty rows it declares.
        return Acc::default();
    }
    if let (None, Some(flat)) = (mask, v.as_slice()) {
        if rows * cols >= PARALLEL_MIN_PIXELS {
            // Contiguous data: fold blocks of the flat slice, whatever the row length.
            return flat
                .par_chunks(TASK_PIXELS)
                .map(|block| {
                    cpu::vectorized(RowAcc(
                        ndarray::ArrayView1::from(block),
                        None,
                        work,
                        need_pos,
                    ))
                })
                .reduce(Acc::default, Acc::merge);
        }
    }
    let one = |r: usize| cpu::vectorized(RowAcc(v.row(r), mask.map(|m| m.row(r)), work, need_pos));
    if rows * cols >= PARALLEL_MIN_PIXELS {
        (0..rows)
            .into_par_iter()
            .map(one)
            .reduce(Acc::default, Acc::merge)
    } else {
        (0..rows).map(one).fold(Acc::default(), Acc::merge)
    }
}

#[inline]
fn normed_one<T: Element>(x: T, p: &Prepared) -> Normed {
    if let Op::NoNorm = p.op {
        if let Some(i) = x.to_index() {
            return Normed::Int(i);
        }
    }
    match p.work {
        Work::F64 => p.map_f64(x.to_f64()),
        Work::F32 => p.map_f32(x.to_f32()),
        Work::F16 => p.map_f16(x.to_f32()),
    }
}

/// The LUT index of one normalised value for a colormap of `n` colours (spec 3.2);
/// `nan_index` is where an unmasked NaN goes: bad (`n + 2`) normally, but 0 when the
/// array carries a mask with any masked element (matplotlib then takes the bad mask from
/// the array's mask, and `int(NaN)` clips to row 0).
#[inline]
fn lut_index_of(v: Normed, n: usize, nan_index: usize) -> usize {
    match v {
        Normed::F64(x) if x.is_nan() => nan_index,
        Normed::F32(x) | Normed::F16(x) if x.is_nan() => nan_index,
        Normed::F64(x) => index_f64(x, n),
        Normed::F32(x) => index_f32(x, n),
        Normed::F16(x) => index_f16(x, n),
        Normed::Int(i) => index_int(i, n),
        Normed::Masked => n + 2,
    }
}

/// A closure-free description of how to turn one pixel into its LUT index.
struct Indexer<'p> {
    prep: Option<&'p Prepared>,
    n: usize,
    nan_index: usize,
}

impl Indexer<'_> {
    #[inline]
    fn index<T: Element>(&self, x: T) -> usize {
        match self.prep {
            Some(p) => lut_index_of(normed_one(x, p), self.n, self.nan_index),
            None => self.n + 2,
        }
    }

    /// Fills one output row through `put(column, lut_index)`.
    #[inline]
    fn row<T: Element>(
        &self,
        row: ndarray::ArrayView1<'_, T>,
        mrow: Option<ndarray::ArrayView1<'_, bool>>,
        mut put: impl FnMut(usize, usize),
    ) {
        match mrow {
            Some(m) => {
                for (c, (x, &masked)) in row.iter().zip(m.iter()).enumerate() {
                    put(c, if masked { self.n + 2 } else { self.index(*x) });
                }
            }
            None => {
                // The common case (plain Normalize on float64) with the generic path's
                // exact arithmetic, kept monomorphic so that it vectorises.
                if let (Some(p), Some(s)) = (self.prep, row.as_slice()) {
                    if let Some((vmin, vmax)) = p.plain_linear_f64() {
                        if T::WORK == Work::F64 {
                            let d = vmax - vmin;
                            for (c, x) in s.iter().enumerate() {
                                let t = (x.to_f64() - vmin) / d;
                                let i = if t.is_nan() {
                                    self.nan_index
                                } else {
                                    index_f64(t, self.n)
                                };
                                put(c, i);
                            }
                            return;
                        }
                    }
                }
                for (c, x) in row.iter().enumerate() {
                    put(c, self.index(*x));
                }
            }
        }
    }
}

/// Pixels per block of the dedicated loops: indices are computed for a block first (a
/// branch-free loop the compiler vectorises), then looked up.
const BLOCK: usize = 256;

/// Pixels per parallel task: big enough that scheduling costs nothing next to the work.
const TASK_PIXELS: usize = 1 << 16;

/// 1.5 * 2^52: from -2^51 to 2^51, `x + ROUNDER` lies in [2^52, 2^53), where the f64
/// spacing is 1, so `(x + ROUNDER) - ROUNDER` is `x` rounded to the nearest integer; and an
/// integer `p` in `0..2^32` added to it sits in the low 32 bits of the representation.
const ROUNDER: f64 = 6_755_399_441_055_744.0;

/// The byte LUT as 4-byte words (one store per pixel), in *position* order: under, the
/// `N` colours, over, bad, so that the position of a value is `floor(xa) + 1` once `xa` is
/// clamped to `[-1, N]` (see [`scaled_position`]). Colormaps of up to `STACK_LUT - 3`
/// colours (256: every registered one) live on the stack, so that the `_into` calls
/// allocate nothing.
struct WordLut {
    /// The table when it has at most `STACK_LUT` entries (`len` of them used).
    stack: [u32; STACK_LUT],
    len: usize,
    /// The table otherwise (empty, so unallocated, for small colormaps).
    heap: Vec<u32>,
}

/// Entries of the stack LUT: N = 256 plus under, over and bad fit, and a power of two,
/// so that masking a position with `STACK_LUT - 1` (which changes no valid position)
/// proves it in range: the per-pixel lookup has no bounds check and vectorises.
const STACK_LUT: usize = 512;

/// The [`WordLut`] position of matplotlib's LUT index `i` (`0..N` colours, `N` under,
/// `N + 1` over, `N + 2` bad).
#[inline]
fn position(i: usize, n: usize) -> usize {
    match i.cmp(&n) {
        std::cmp::Ordering::Less => i + 1,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => i,
    }
}

impl WordLut {
    fn new(cmap: &Colormap) -> WordLut {
        let n = cmap.n();
        let len = n + 3;
        // Row 0 is under (matplotlib's N), rows 1..=N the colours.
        let word =
            |p: usize| u32::from_ne_bytes(cmap.lut_row(index_of_position(p, n)).map(trunc_byte));
        let mut table = WordLut {
            stack: [0u32; STACK_LUT],
            len,
            heap: Vec::new(),
        };
        if len <= STACK_LUT {
            for (p, w) in table.stack.iter_mut().enumerate().take(len) {
                *w = word(p);
            }
        } else {
            table.heap = (0..len).map(word).collect();
        }
        table
    }

    /// The whole stack table (unused entries zero) when it holds the colours, else the
    /// heap one: what [`crate::cpu::rgba8_words`] looks positions up in.
    fn padded(&self) -> &[u32] {
        if self.len <= STACK_LUT {
            &self.stack
        } else {
            &self.heap
        }
    }

    fn as_slice(&self) -> &[u32] {
        if self.len <= STACK_LUT {
            &self.stack[..self.len]
        } else {
            &self.heap
        }
    }
}

/// Looks the positions of one block up (`p <= N + 2 < lut.len`): a 4-byte store each.
#[inline(always)]
fn write_block(pos: &[u32], lut: &WordLut, out: &mut [u8]) {
    if lut.len <= STACK_LUT {
        for (p, px) in pos.iter().zip(out.chunks_exact_mut(4)) {
            let word = lut.stack[*p as usize & (STACK_LUT - 1)];
            px.copy_from_slice(&word.to_ne_bytes());
        }
    } else {
        for (p, px) in pos.iter().zip(out.chunks_exact_mut(4)) {
            px.copy_from_slice(&lut.heap[*p as usize].to_ne_bytes());
        }
    }
}

/// The [`WordLut`] position of `xa = X * N` (already scaled, `N < 2^24`) by the spec 3.2
/// rule, in f64 arithmetic only so that it vectorises: `N - 1` for exactly `N`,
/// `floor(xa)` on `[0, N)`, under below 0 (so `(-1, 0)` too, as numpy takes its masks
/// before the integer cast), over from `N`, bad for NaN. Clamping to `[-1, N]` makes
/// `floor + 1` the position of under (0), the colours (1..=N) and over (N + 1) at once.
/// Exact for float32 `xa` widened to f64.
#[inline(always)]
fn scaled_position(xa: f64, nf: f64) -> u32 {
    let y = if xa == nf { nf - 1.0 } else { xa };
    let c = if y > -1.0 { y } else { -1.0 };
    let c = if c < nf { c } else { nf };
    // floor(c) for -1 <= c <= N: nearest integer, one less if that rounded up.
    let r = (c + ROUNDER) - ROUNDER;
    let fl = if r > c { r - 1.0 } else { r };
    let k = if xa.is_nan() { nf + 1.0 } else { fl };
    // k + 1 is an integer in 0..=N + 2: its value sits in the low 32 bits of the sum.
    (k + (ROUNDER + 1.0)).to_bits() as u32
}

/// 1.5 * 2^23, [`ROUNDER`] for f32: from -2^22 to 2^22, `x + ROUNDER_F32` lies in
/// [2^23, 2^24), where the f32 spacing is 1; an integer `p` in `0..2^22` added to it sits
/// in the low 22 bits of the representation.
const ROUNDER_F32: f32 = 12_582_912.0;

/// The largest colormap the float32 kernel handles: positions up to `N + 2` must stay
/// below 2^22 (see [`ROUNDER_F32`]).
const F32_KERNEL_MAX_N: usize = (1 << 22) - 3;

/// [`scaled_position`] for float32 `xa` in f32 arithmetic (four lanes instead of two;
/// the same steps, exact in f32 for `N <= F32_KERNEL_MAX_N`).
#[inline(always)]
fn scaled_position_f32(xa: f32, nf: f32) -> u32 {
    let y = if xa == nf { nf - 1.0 } else { xa };
    let c = if y > -1.0 { y } else { -1.0 };
    let c = if c < nf { c } else { nf };
    let r = (c + ROUNDER_F32) - ROUNDER_F32;
    let fl = if r > c { r - 1.0 } else { r };
    let k = if xa.is_nan() { nf + 1.0 } else { fl };
    (k + (ROUNDER_F32 + 1.0)).to_bits() & 0x003f_ffff
}

/// Element-wise kernel of a dedicated loop: data block in, LUT indices out.
trait BlockKernel<T: Copy + Default> {
    fn indices(&self, xs: &[T], idx: &mut [u32]);
}

/// Plain `Normalize` on float64 data: `(x - vmin) / (vmax - vmin)`, then `X * N`.
struct LinearF64 {
    vmin: f64,
    d: f64,
    nf: f64,
}

impl BlockKernel<f64> for LinearF64 {
    #[inline(always)]
    fn indices(&self, xs: &[f64], idx: &mut [u32]) {
        for (slot, x) in idx.iter_mut().zip(xs) {
            *slot = scaled_position((x - self.vmin) / self.d * self.nf, self.nf);
        }
    }
}

/// Plain `Normalize` on float32 data: numpy computes `x - vmin` and `/ (vmax - vmin)` in
/// float64 and stores float32, then `X * N` in float32.
struct LinearF32 {
    vmin: f64,
    d: f64,
    nf: f32,
}

impl BlockKernel<f32> for LinearF32 {
    #[inline(always)]
    fn indices(&self, xs: &[f32], idx: &mut [u32]) {
        for (slot, x) in idx.iter_mut().zip(xs) {
            let r = (f64::from(*x) - self.vmin) as f32;
            let t = (f64::from(r) / self.d) as f32;
            *slot = scaled_position_f32(t * self.nf, self.nf);
        }
    }
}

/// Runs a kernel over one row in blocks of [`BLOCK`] pixels (strided rows are gathered
/// into a block buffer first) and hands each block's positions to `sink` with the block's
/// part of `out` (`per` elements a pixel).
#[inline(always)]
fn kernel_row<T: Copy + Default, K: BlockKernel<T>, E>(
    kernel: &K,
    row: ndarray::ArrayView1<'_, T>,
    per: usize,
    sink: &impl Fn(&[u32], &mut [E]),
    out: &mut [E],
) {
    let mut idx = [0u32; BLOCK];
    match row.as_slice() {
        Some(s) => {
            for (xs, o) in s.chunks(BLOCK).zip(out.chunks_mut(per * BLOCK)) {
                let idx = &mut idx[..xs.len()];
                kernel.indices(xs, idx);
                sink(idx, o);
            }
        }
        None => {
            let mut buf = [T::default(); BLOCK];
            let mut values = row.iter();
            for o in out.chunks_mut(per * BLOCK) {
                let len = o.len() / per;
                for (b, x) in buf.iter_mut().zip(values.by_ref().take(len)) {
                    *b = *x;
                }
                let idx = &mut idx[..len];
                kernel.indices(&buf[..len], idx);
                sink(idx, o);
            }
        }
    }
}

/// One row through [`kernel_row`], as a [`cpu::Kernel`].
struct KernelRow<'a, 'r, T, K, S, E> {
    kernel: &'a K,
    row: ndarray::ArrayView1<'r, T>,
    per: usize,
    sink: &'a S,
    out: &'a mut [E],
}

impl<T: Copy + Default, K: BlockKernel<T>, E, S: Fn(&[u32], &mut [E])> cpu::Kernel
    for KernelRow<'_, '_, T, K, S, E>
{
    type Output = ();
    #[inline(always)]
    fn run(self) {
        kernel_row(self.kernel, self.row, self.per, self.sink, self.out);
    }
}

/// The dedicated loops for the common case, plain `Normalize` without a mask: writes
/// every pixel's [`WordLut`] position through `sink` (into `per` elements of `out` a
/// pixel) and returns true, or returns false (writing nothing) when the general path is
/// needed. Same arithmetic as the general path.
fn fast_positions<E: Send, S: Fn(&[u32], &mut [E]) + Sync>(
    data: &ScalarData<'_>,
    prep: Option<&Prepared>,
    n: usize,
    out: &mut [E],
    per: usize,
    sink: S,
) -> bool {
    let (rows, cols) = data.shape();
    let Some(kernel) = LinearKernel::of(data, prep, n) else {
        return false;
    };
    macro_rules! run {
        ($k:expr, $v:expr) => {{
            let kernel = $k;
            for_rows(out, cols * per, rows * cols, |r, orow| {
                cpu::vectorized(KernelRow {
                    kernel: &kernel,
                    row: $v.row(r),
                    per,
                    sink: &sink,
                    out: orow,
                });
            });
            true
        }};
    }
    match kernel {
        LinearKernel::F64(v, k) => run!(k, v),
        LinearKernel::F32(v, k) => run!(k, v),
    }
}

/// The dedicated loop of plain `Normalize` without a mask, for float64 or float32 data
/// and a colormap of `n` colours within the loop's range.
enum LinearKernel<'a, 'd> {
    F64(&'a ArrayView2<'d, f64>, LinearF64),
    F32(&'a ArrayView2<'d, f32>, LinearF32),
}

impl<'a, 'd> LinearKernel<'a, 'd> {
    fn of(data: &'a ScalarData<'d>, prep: Option<&Prepared>, n: usize) -> Option<Self> {
        let (vmin, vmax) = prep?.plain_linear()?;
        if data.mask.is_some() {
            return None;
        }
        let d = vmax - vmin;
        match &data.values {
            Values::F64(v) if n < 1 << 24 => Some(LinearKernel::F64(
                v,
                LinearF64 {
                    vmin,
                    d,
                    nf: n as f64,
                },
            )),
            Values::F32(v) if n <= F32_KERNEL_MAX_N => Some(LinearKernel::F32(
                v,
                LinearF32 {
                    vmin,
                    d,
                    nf: n as f32,
                },
            )),
            _ => None,
        }
    }
}

/// matplotlib's LUT index of a [`WordLut`] position (the inverse of [`position`]).
/// Generic so that the per-pixel loop stays in `u32` lanes while the table builds in
/// `usize`.
#[inline(always)]
fn index_of_position<T>(p: T, n: T) -> T
where
    T: Copy + PartialOrd + std::ops::Sub<Output = T> + From<u8>,
{
    if p == T::from(0) {
        n
    } else if p <= n {
        p - T::from(1)
    } else {
        p
    }
}

/// Runs `f(row_index, output_row)` over the rows of `out` (`row_len` elements each),
/// in parallel over blocks of about [`TASK_PIXELS`] pixels for large inputs.
fn for_rows<E: Send>(
    out: &mut [E],
    row_len: usize,
    pixels: usize,
    f: impl Fn(usize, &mut [E]) + Sync,
) {
    if row_len == 0 {
        return;
    }
    if pixels >= PARALLEL_MIN_PIXELS {
        let cols = pixels / (out.len() / row_len).max(1);
        let rows_per_task = (TASK_PIXELS / cols.max(1)).max(1);
        // Front to back: consecutive rows continue one stream for the prefetchers. (Back
        // to front, to reuse the autoscale pass's last megabytes from the cache, measured
        // 40% slower at 4096² f64 with fixed limits: 10.2 against 7.1 ms.)
        out.par_chunks_mut(row_len * rows_per_task)
            .enumerate()
            .for_each(|(t, block)| {
                for (r, chunk) in block.chunks_mut(row_len).enumerate() {
                    f(t * rows_per_task + r, chunk);
                }
            });
    } else {
        out.chunks_mut(row_len)
            .enumerate()
            .for_each(|(r, chunk)| f(r, chunk));
    }
}

/// The checked size of a `(rows, cols, channels)` output, and whether it holds no pixel
/// (empty data costs nothing, whatever its number of rows).
fn output_size(rows: usize, cols: usize, channels: usize, elem: usize) -> Result<(usize, bool)> {
    let n = rows
        .checked_mul(cols)
        .and_then(|p| p.checked_mul(channels))
        .filter(|&p| p.checked_mul(elem).is_some_and(|b| b <= isize::MAX as usize))
        .ok_or_else(|| {
            Error::Data(format!(
                "the colour-mapped output of data of shape ({rows}, {cols}) would hold more than isize::MAX bytes"
            ))
        })?;
    Ok((n, rows == 0 || cols == 0))
}

/// An empty output of `shape`, as ndarray allows it.
fn empty_array<T, D>(shape: D, what: &str) -> Result<ndarray::Array<T, D>>
where
    D: ndarray::Dimension + ndarray::ShapeBuilder<Dim = D>,
{
    let s = format!("{:?}", shape.slice());
    ndarray::Array::from_shape_vec(shape, Vec::new())
        .map_err(|_| Error::Data(format!("{what} of shape {s} is too large for an array")))
}

/// The per-pixel LUT index of `cmap(norm(data))` for a colormap of `n` colours: `0..n`
/// colours, `n` under, `n + 1` over, `n + 2` bad. The norm's unset limits are autoscaled
/// from the data first ([`ScalarData::autoscaled`]).
pub fn lut_indices(data: impl AsScalarData, norm: &Norm, n: usize) -> Result<Array2<u32>> {
    norm.check_limits()?;
    lut_indices_scanned(&data.as_scalar_data(), norm, n, None, None).map(|(indices, _)| indices)
}

/// [`lut_indices`], and with rows `other` to look for, their [`IndexScan`], taken while each
/// block of indices is still in registers: the filters need it, and a pass of its own came
/// after the indices on the default figure's critical path (35 µs or more).
///
/// `reuse`: a buffer of an earlier call to write the indices into when it is large enough
/// (contiguous unmasked float data), instead of a fresh array.
pub(crate) fn lut_indices_scanned(
    data: &ScalarData<'_>,
    norm: &Norm,
    n: usize,
    other: Option<[u32; 4]>,
    reuse: Option<Vec<u32>>,
) -> Result<(Array2<u32>, Option<IndexScan>)> {
    if n == 0 || n > (u32::MAX - 3) as usize {
        return Err(Error::invalid("colormap N", n, "within 1..=4294967292"));
    }
    let (rows, cols) = data.shape();
    if output_size(rows, cols, 1, 4)?.1 {
        return Ok((
            empty_array(ndarray::Ix2(rows, cols), "the LUT indices")?,
            other.map(|_| IndexScan::default()),
        ));
    }
    crate::alloc::probe(rows as u128 * cols as u128 * 4, "the LUT indices")?;
    let mut collected = None;
    let mut out = Vec::new();
    let scan = SharedScan::default();
    with_indexer(data, norm, n, |ix| {
        // n fits u32 (checked above).
        let n32 = n as u32;
        let to_indices = |pos: &[u32], o: &mut [u32]| {
            for (o, &p) in o.iter_mut().zip(pos) {
                *o = index_of_position(p, n32);
            }
            scan.add(o, other);
        };
        collected = collected_fast::<_, BLOCK>(data, ix.prep, n32, to_indices, reuse);
        if collected.is_some() {
            return;
        }
        out = match cpu::zeroed_vec(rows * cols, "the LUT indices") {
            Ok(v) => v,
            Err(e) => {
                collected = Some(Err(e));
                return;
            }
        };
        if fast_positions(data, ix.prep, n, &mut out, 1, to_indices) {
            return;
        }
        let mask = data.mask.as_ref();
        dispatch!(&data.values, v => for_rows(&mut out, cols, rows * cols, |r, orow| {
            ix.row(v.row(r), mask.map(|m| m.row(r)), |c, i| orow[c] = i as u32);
            scan.add(orow, other);
        }));
    })?;
    let out = match collected {
        Some(r) => r?,
        None => out,
    };
    let indices =
        Array2::from_shape_vec((rows, cols), out).map_err(|e| Error::Data(e.to_string()))?;
    Ok((indices, other.map(|_| scan.get())))
}

/// An [`IndexScan`] that parallel tasks add their blocks to.
#[derive(Default)]
struct SharedScan {
    max: AtomicU32,
    hit: AtomicBool,
}

impl SharedScan {
    /// Adds the scan of `index` for the rows `other` (nothing when there are none to look
    /// for).
    #[inline(always)]
    fn add(&self, index: &[u32], other: Option<[u32; 4]>) {
        let Some(other) = other else {
            return;
        };
        let s = IndexScan::default().fold(index, other);
        self.max.fetch_max(s.max, Ordering::Relaxed);
        if s.hit {
            self.hit.store(true, Ordering::Relaxed);
        }
    }

    fn get(&self) -> IndexScan {
        IndexScan {
            max: self.max.load(Ordering::Relaxed),
            hit: self.hit.load(Ordering::Relaxed),
        }
    }
}

/// The dedicated loops of [`fast_positions`] for contiguous data without a mask, into a new
/// vector that is written once: blocks of [`BLOCK`] pixels (`M / BLOCK` elements each, by
/// `sink`) are collected in place (rayon writes each block where it belongs), where the
/// other paths zero the output first (a quarter of the time of a 512² float64 image's LUT
/// indices, perf). `None` when the dedicated loops do not apply; the allocation error when
/// the output cannot be allocated.
fn collected_fast<E, const M: usize>(
    data: &ScalarData<'_>,
    prep: Option<&Prepared>,
    n32: u32,
    sink: impl Fn(&[u32], &mut [E]) + Sync,
    reuse: Option<Vec<E>>,
) -> Option<Result<Vec<E>>>
where
    E: Copy + Default + Send + Sync,
{
    Some(match LinearKernel::of(data, prep, n32 as usize)? {
        LinearKernel::F64(v, k) => collect_blocks::<_, _, _, M>(v.as_slice()?, &k, &sink, reuse),
        LinearKernel::F32(v, k) => collect_blocks::<_, _, _, M>(v.as_slice()?, &k, &sink, reuse),
    })
}

/// The output of `xs` by `kernel` and `sink`, block after block, collected in place.
fn collect_blocks<T, K, E, const M: usize>(
    xs: &[T],
    kernel: &K,
    sink: &(impl Fn(&[u32], &mut [E]) + Sync),
    reuse: Option<Vec<E>>,
) -> Result<Vec<E>>
where
    T: Copy + Default + Sync,
    K: BlockKernel<T> + Sync,
    E: Copy + Default + Send + Sync,
{
    let per = M / BLOCK;
    let len = xs.len() * per;
    if let Some(mut flat) = reuse.filter(|v| v.capacity() >= len && len > 0) {
        // A buffer of an earlier render: written in place, block by block (its pages are
        // mapped already; a fresh array's first writes fault and the kernel zeroes them).
        // Every element is overwritten, so only a longer length needs filling.
        flat.resize(len, E::default());
        let write = |(b, out): (usize, &mut [E])| {
            let xs = &xs[b * BLOCK..xs.len().min((b + 1) * BLOCK)];
            cpu::vectorized(SinkBlock {
                kernel,
                xs,
                sink,
                out,
            });
        };
        if xs.len() >= PARALLEL_MIN_PIXELS {
            let blocks = xs.len().div_ceil(BLOCK);
            let per_task = (blocks / (8 * rayon::current_num_threads()))
                .clamp(TASK_PIXELS / 4 / BLOCK, TASK_PIXELS / BLOCK);
            flat.par_chunks_mut(M)
                .enumerate()
                .with_min_len(per_task)
                .for_each(write);
        } else {
            flat.chunks_mut(M).enumerate().for_each(write);
        }
        return Ok(flat);
    }
    let block = |b: usize| {
        let mut out = [E::default(); M];
        let xs = &xs[b * BLOCK..xs.len().min((b + 1) * BLOCK)];
        cpu::vectorized(SinkBlock {
            kernel,
            xs,
            sink,
            out: &mut out[..xs.len() * per],
        });
        out
    };
    let blocks = xs.len().div_ceil(BLOCK);
    let mut out = cpu::vec_with_capacity(blocks, "the colour-mapped output")?;
    if xs.len() >= PARALLEL_MIN_PIXELS {
        // At least eight tasks a thread, of 16 to 64 Ki pixels: a thread that joins late
        // (a 512² image's indices start while the other thread rasterizes) still takes
        // its share, and large images keep tasks long enough that scheduling costs nothing.
        let per_task = (blocks / (8 * rayon::current_num_threads()))
            .clamp(TASK_PIXELS / 4 / BLOCK, TASK_PIXELS / BLOCK);
        (0..blocks)
            .into_par_iter()
            .with_min_len(per_task)
            .map(block)
            .collect_into_vec(&mut out);
    } else {
        out.extend((0..blocks).map(block));
    }
    let mut flat = out.into_flattened();
    flat.truncate(xs.len() * per);
    Ok(flat)
}

/// One block of [`collect_blocks`], as a [`cpu::Kernel`]: positions, then the sink.
struct SinkBlock<'a, T, K, S, E> {
    kernel: &'a K,
    xs: &'a [T],
    sink: &'a S,
    out: &'a mut [E],
}

impl<T: Copy + Default, K: BlockKernel<T>, S: Fn(&[u32], &mut [E]), E> cpu::Kernel
    for SinkBlock<'_, T, K, S, E>
{
    type Output = ();
    #[inline(always)]
    fn run(self) {
        let mut pos = [0u32; BLOCK];
        let pos = &mut pos[..self.xs.len()];
        self.kernel.indices(self.xs, pos);
        (self.sink)(pos, self.out);
    }
}

fn with_indexer(
    data: &ScalarData<'_>,
    norm: &Norm,
    n: usize,
    run: impl FnOnce(&Indexer<'_>),
) -> Result<()> {
    let norm = data.autoscaled(norm);
    let prep = data.prepare(&norm)?;
    let nan_index = if data.any_masked() { 0 } else { n + 2 };
    run(&Indexer {
        prep: prep.as_ref(),
        n,
        nan_index,
    });
    Ok(())
}

/// matplotlib's `cmap(norm(data), bytes=True)`: an `(rows, columns, 4)` RGBA8 array with
/// the truncated byte LUT (`uint8(lut * 255)`). The norm's unset limits are autoscaled
/// from the data first, ignoring NaN, ±inf and masked values.
///
/// Large inputs are mapped in parallel. A fresh output of tens of megabytes costs page
/// faults on its first write; on Linux it is allocated on transparent huge pages where
/// the system offers them on request, as numpy does for its arrays. In loops, reusing a
/// buffer with [`colormap_rgba8_into_slice`] saves the faults altogether.
///
/// ```
/// use figbuf::{colormap_rgba8, Colormap, Norm};
/// let data = ndarray::array![[0.0, 0.5], [1.0, f64::NAN]];
/// let rgba = colormap_rgba8(&data, &Norm::linear(), &Colormap::named("viridis")?)?;
/// assert_eq!(rgba.shape(), &[2, 2, 4]);
/// assert_eq!(rgba.as_slice().map(|s| &s[..4]), Some(&[68, 1, 84, 255][..]));
/// # Ok::<(), figbuf::Error>(())
/// ```
pub fn colormap_rgba8(data: impl AsScalarData, norm: &Norm, cmap: &Colormap) -> Result<Array3<u8>> {
    let data = &data.as_scalar_data();
    norm.check_limits()?;
    let (rows, cols) = data.shape();
    let (bytes, empty) = output_size(rows, cols, 4, 1)?;
    if empty {
        return empty_array(ndarray::Ix3(rows, cols, 4), "the colour-mapped output");
    }
    crate::alloc::probe(bytes as u128, "the colour-mapped pixels")?;
    let n = cmap.n();
    let table = WordLut::new(cmap);
    if let Some(out) = large::colormap_rgba8_fresh(data, norm, cmap, &table) {
        return Array3::from_shape_vec((rows, cols, 4), out?)
            .map_err(|e| Error::Data(e.to_string()));
    }
    let mut out = Ok(Vec::new());
    with_indexer(data, norm, n, |ix| {
        let sink = |pos: &[u32], o: &mut [u8]| write_block(pos, &table, o);
        let fast = u32::try_from(n)
            .ok()
            .and_then(|n32| collected_fast::<_, { 4 * BLOCK }>(data, ix.prep, n32, sink, None));
        out = match fast {
            Some(r) => r,
            None => cpu::zeroed_vec(rows * cols * 4, "the colour-mapped pixels").map(|mut v| {
                fill_rgba8(data, ix, &table, &mut v);
                v
            }),
        }
    })?;
    let out = out?;
    Array3::from_shape_vec((rows, cols, 4), out).map_err(|e| Error::Data(e.to_string()))
}

/// [`colormap_rgba8`] into the caller's buffer: `out` is row-major RGBA8 of exactly
/// `rows * columns * 4` bytes. Allocates nothing but the (N + 3)-entry byte table.
pub fn colormap_rgba8_into_slice(
    data: impl AsScalarData,
    norm: &Norm,
    cmap: &Colormap,
    out: &mut [u8],
) -> Result<()> {
    let data = &data.as_scalar_data();
    norm.check_limits()?;
    let (rows, cols) = data.shape();
    let (bytes, empty) = output_size(rows, cols, 4, 1)?;
    if out.len() != bytes {
        return Err(Error::invalid(
            "output buffer length",
            out.len(),
            format!("rows * columns * 4 = {bytes}"),
        ));
    }
    if empty {
        return Ok(());
    }
    let table = WordLut::new(cmap);
    with_indexer(data, norm, cmap.n(), |ix| fill_rgba8(data, ix, &table, out))
}

/// The RGBA8 pixels of `data` into `out` (`rows * columns * 4` bytes).
fn fill_rgba8(data: &ScalarData<'_>, ix: &Indexer<'_>, table: &WordLut, out: &mut [u8]) {
    let (rows, cols) = data.shape();
    let n = ix.n;
    if large::map_f64(data, ix, table, out) {
        return;
    }
    if fast_positions(data, ix.prep, n, out, 4, |pos, o| {
        write_block(pos, table, o)
    }) {
        return;
    }
    let lut = table.as_slice();
    let mask = data.mask.as_ref();
    dispatch!(&data.values, v => for_rows(out, cols * 4, rows * cols, |r, orow| {
        ix.row(v.row(r), mask.map(|m| m.row(r)), |c, i| {
            let word = lut.get(position(i, n));
            if let (Some(px), Some(rgba)) = (orow.get_mut(4 * c..4 * c + 4), word) {
                px.copy_from_slice(&rgba.to_ne_bytes());
            }
        });
    }));
}

/// [`colormap_rgba8`] into the caller's `(rows, columns, 4)` array view (any layout).
pub fn colormap_rgba8_into(
    data: impl AsScalarData,
    norm: &Norm,
    cmap: &Colormap,
    mut out: ArrayViewMut3<'_, u8>,
) -> Result<()> {
    let data = &data.as_scalar_data();
    let (rows, cols) = data.shape();
    if out.dim() != (rows, cols, 4) {
        return Err(Error::invalid(
            "output shape",
            format!("{:?}", out.dim()),
            format!("{:?}", (rows, cols, 4)),
        ));
    }
    if let Some(slice) = out.as_slice_mut() {
        return colormap_rgba8_into_slice(data, norm, cmap, slice);
    }
    let idx = lut_indices(data, norm, cmap.n())?;
    let lut = cmap.lut_rgba8_trunc();
    for (mut px, &i) in out.lanes_mut(Axis(2)).into_iter().zip(idx.iter()) {
        if let Some(rgba) = lut.get(i as usize) {
            for (d, s) in px.iter_mut().zip(rgba) {
                *d = *s;
            }
        }
    }
    Ok(())
}

/// The float RGBA of `cmap(norm(data))` (bad = the colormap's bad colour), for the
/// 'rgba' image stage, which resamples floats.
pub fn colormap_rgba(data: impl AsScalarData, norm: &Norm, cmap: &Colormap) -> Result<Array3<f64>> {
    let data = &data.as_scalar_data();
    norm.check_limits()?;
    let (rows, cols) = data.shape();
    let (n, empty) = output_size(rows, cols, 4, 8)?;
    if empty {
        return empty_array(ndarray::Ix3(rows, cols, 4), "the colour-mapped output");
    }
    crate::alloc::probe(n as u128 * 8, "the colour-mapped pixels")?;
    let idx = lut_indices(data, norm, cmap.n())?;
    let lut = cmap.lut();
    let (rows, cols) = idx.dim();
    Ok(Array3::from_shape_fn((rows, cols, 4), |(r, c, k)| {
        lut.get(idx[(r, c)] as usize).map_or(0.0, |row| row[k])
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{ShapeBuilder, Slice};

    fn px(a: &Array3<u8>, r: usize, c: usize) -> [u8; 4] {
        [a[(r, c, 0)], a[(r, c, 1)], a[(r, c, 2)], a[(r, c, 3)]]
    }

    /// Pseudo-random values in [-0.2, 1.2) with NaN and ±inf sprinkled in.
    fn data(rows: usize, cols: usize) -> Array2<f64> {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        Array2::from_shape_simple_fn((rows, cols), || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            match state >> 60 {
                0 => f64::NAN,
                1 if state & 1 == 0 => f64::INFINITY,
                1 => f64::NEG_INFINITY,
                _ => (state >> 11) as f64 / (1u64 << 53) as f64 * 1.4 - 0.2,
            }
        })
    }

    /// The dedicated Normalize loops and the parallel path agree with the general
    /// per-value path (`normalized` + the spec 3.2 index rule), for contiguous and strided
    /// views, float64 and float32, with and without a mask.
    #[test]
    fn fast_paths_match_general_path() {
        let cmap = Colormap::named("viridis").unwrap();
        let lut = cmap.lut_rgba8_trunc();
        let a = data(300, 402);
        let a32 = a.mapv(|v| v as f32);
        let mask = a.mapv(|v| v > 1.1);
        // Small and contiguous: the dedicated loops' serial collection (a tail block too).
        let small = data(7, 41);
        for norm in [
            Norm::linear(),
            Norm::linear().with_limits(Some(0.1), Some(0.9)),
            Norm::power(0.5),
        ] {
            let views = [
                ScalarData::new(a.view()),
                ScalarData::new(a.slice_axis(Axis(1), Slice::new(0, None, 2))),
                ScalarData::new(a32.view()),
                ScalarData::new(a32.slice_axis(Axis(0), Slice::new(0, None, -1))),
                ScalarData::new(a.view()).with_mask(mask.view()).unwrap(),
                ScalarData::new(small.view()),
            ];
            for d in &views {
                let got = colormap_rgba8(d, &norm, &cmap).unwrap();
                let normed = d.normalized(&norm).unwrap();
                let nan_index = if d.any_masked() { 0 } else { cmap.n() + 2 };
                let idx = lut_indices(d, &norm, cmap.n()).unwrap();
                // The scan taken on the way is the scan of the indices.
                let other = [3, 100, 258, u32::MAX];
                let (again, scan) =
                    lut_indices_scanned(d, &norm, cmap.n(), Some(other), None).unwrap();
                assert_eq!(again, idx);
                let flat: Vec<u32> = idx.iter().copied().collect();
                assert_eq!(scan, Some(IndexScan::default().fold(&flat, other)));
                for ((r, c), v) in normed.indexed_iter() {
                    let i = lut_index_of(*v, cmap.n(), nan_index);
                    assert_eq!(px(&got, r, c), lut[i], "{norm:?} ({r}, {c})");
                    assert_eq!(idx[(r, c)] as usize, i, "{norm:?} ({r}, {c})");
                }
                let mut again = Array3::<u8>::zeros(got.dim());
                colormap_rgba8_into(d, &norm, &cmap, again.view_mut()).unwrap();
                assert_eq!(again, got);
                // A column-major (non-contiguous in C order) output view.
                let mut fortran = Array3::<u8>::zeros(got.dim().f());
                colormap_rgba8_into(d, &norm, &cmap, fortran.view_mut()).unwrap();
                assert_eq!(fortran, got);
                for ((r, c), i) in idx.indexed_iter() {
                    assert_eq!(px(&got, r, c), lut[*i as usize]);
                }
            }
        }
    }

    /// The vectorised position rule agrees with the spec 3.2 rule of `index_f64` /
    /// `index_f32` (matplotlib's `Colormap.__call__`: `xa *= N; xa[xa == N] = N - 1`,
    /// under `xa < 0`, over `xa >= N`, bad NaN, else `int(xa)`) at the edge values.
    #[test]
    fn scaled_position_matches_spec_rule() {
        let tiny = f64::from_bits(1);
        for n in [1usize, 2, 5, 256, 1000, F32_KERNEL_MAX_N, (1 << 24) - 1] {
            let nf = n as f64;
            let k = 1.0 / nf;
            let xs = [
                0.0,
                -0.0,
                tiny,
                -tiny,
                -1e-300,
                -0.3 / nf,
                -0.5 / nf,
                -0.7 / nf,
                -1.0 / nf,
                -1.3 / nf,
                0.3 / nf,
                0.7 / nf,
                1.0 + 0.3 / nf,
                -1.0,
                k,
                k * (1.0 - f64::EPSILON),
                k * (1.0 + f64::EPSILON),
                0.5,
                1.0 - f64::EPSILON,
                1.0 - f64::EPSILON / 2.0,
                1.0,
                1.0 + f64::EPSILON,
                1.0 + 1.0 / nf,
                2.0,
                1e300,
                -1e300,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NAN,
            ];
            for x in xs {
                let want = if x.is_nan() { n + 2 } else { index_f64(x, n) };
                assert_eq!(
                    scaled_position(x * nf, nf) as usize,
                    position(want, n),
                    "f64 x = {x:e}, N = {n}"
                );
                let x32 = x as f32;
                let nf32 = n as f32;
                if n < 1 << 24 {
                    let want = if x32.is_nan() {
                        n + 2
                    } else {
                        index_f32(x32, n)
                    };
                    let got = scaled_position(f64::from(x32 * nf32), f64::from(nf32));
                    assert_eq!(got as usize, position(want, n), "f32 x = {x32:e}, N = {n}");
                    if n <= F32_KERNEL_MAX_N {
                        let got = scaled_position_f32(x32 * nf32, nf32);
                        assert_eq!(got as usize, position(want, n), "f32 x = {x32:e}, N = {n}");
                    }
                }
            }
        }
    }

    /// A colormap too large for the stack table (a 300-colour `ListedColormap`, heap
    /// table): the float64/float32 fast loops and the masked general path agree with the
    /// per-value indices of [`lut_indices`] looked up in `lut_rgba8_trunc`.
    #[test]
    fn large_colormaps_match_per_value_lookup() {
        let colors: Vec<crate::color::Color> = (0..300)
            .map(|i| {
                let t = f64::from(i) / 299.0;
                crate::color::Color::new(t, 0.5, 1.0 - t, 1.0)
            })
            .collect();
        let cmap = Colormap::listed("big", &colors).unwrap();
        let lut = cmap.lut_rgba8_trunc();
        let a = data(60, 70);
        let a32 = a.mapv(|v| v as f32);
        let mask = a.mapv(|v| v < 0.0);
        let views = [
            ScalarData::new(a.view()),
            ScalarData::new(a32.view()),
            ScalarData::new(a.view()).with_mask(mask.view()).unwrap(),
        ];
        for d in &views {
            let got = colormap_rgba8(d, &Norm::linear(), &cmap).unwrap();
            let idx = lut_indices(d, &Norm::linear(), cmap.n()).unwrap();
            for ((r, c), i) in idx.indexed_iter() {
                assert_eq!(px(&got, r, c), lut[*i as usize], "({r}, {c})");
            }
        }
    }

    /// The vectorised min/max of contiguous rows (float64 in f64, float32 in f32) and the
    /// element-wise fold of strided rows give the same autoscaled limits, NaN and ±inf
    /// ignored (`norm.autoscale_None(masked_invalid(data))`), large inputs included (the
    /// parallel block fold).
    #[test]
    fn autoscale_paths_agree() {
        for (rows, cols) in [(3, 5), (300, 402)] {
            let a = data(rows, cols);
            let a32 = a.mapv(|v| v as f32);
            let rev = |d: ScalarData<'_>| d.autoscaled(&Norm::linear());
            let pairs = [
                (
                    rev(ScalarData::new(a.view())),
                    rev(ScalarData::new(
                        a.slice_axis(Axis(1), Slice::new(0, None, -1)),
                    )),
                ),
                (
                    rev(ScalarData::new(a32.view())),
                    rev(ScalarData::new(
                        a32.slice_axis(Axis(1), Slice::new(0, None, -1)),
                    )),
                ),
            ];
            for (fast, strided) in pairs {
                assert!(fast.vmin().is_some_and(f64::is_finite), "{fast:?}");
                assert_eq!(fast.vmin(), strided.vmin());
                assert_eq!(fast.vmax(), strided.vmax());
            }
        }
    }

    #[test]
    fn finite_min_max_orders_like_the_values() {
        let mut v: Vec<f64> = (0..1000)
            .map(|i| (f64::from(i) * 0.618).fract() - 0.3)
            .collect();
        let plain = |v: &[f64]| {
            v.iter()
                .filter(|x| x.is_finite())
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &x| {
                    (lo.min(x), hi.max(x))
                })
        };
        assert_eq!(finite_min_max_f64(&v), plain(&v));
        v.extend([
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            -0.0,
            5e-324,
            -1e308,
        ]);
        assert_eq!(finite_min_max_f64(&v), (-1e308, plain(&v).1));
        let zeros = [0.0f64, -0.0, f64::NAN];
        let (lo, hi) = finite_min_max_f64(&zeros);
        assert!(lo == 0.0 && lo.is_sign_negative() && hi == 0.0 && hi.is_sign_positive());
        let none = [f64::NAN, f64::INFINITY];
        assert_eq!(
            finite_min_max_f64(&none),
            (f64::INFINITY, f64::NEG_INFINITY)
        );
        let w: Vec<f32> = vec![3.5, -2.25, f32::NAN, f32::NEG_INFINITY, 1e30, -0.0];
        assert_eq!(finite_min_max_f32(&w), (-2.25, 1e30));
        let e: [f64; 0] = [];
        assert_eq!(finite_min_max_f64(&e), (f64::INFINITY, f64::NEG_INFINITY));
    }

    #[test]
    fn errors_name_the_problem() {
        let a = Array2::<f64>::zeros((2, 3));
        let m = Array2::<bool>::from_elem((3, 2), false);
        let e = ScalarData::new(a.view()).with_mask(m.view()).unwrap_err();
        assert!(e.to_string().contains("(3, 2)"), "{e}");
        let cmap = Colormap::named("viridis").unwrap();
        let mut small = vec![0u8; 5];
        let e = colormap_rgba8_into_slice(
            ScalarData::new(a.view()),
            &Norm::linear(),
            &cmap,
            &mut small,
        )
        .unwrap_err();
        assert!(e.to_string().contains('5'), "{e}");
    }

    #[test]
    fn all_nan_maps_as_matplotlib_maps_it() {
        // `cmap(norm(d))` after `norm.autoscale_None(masked_invalid(d))` of an all-NaN
        // array: matplotlib's limits are (0.0, 0.0) and every value maps to 0, the first
        // colour (measured, matplotlib 3.11.2: viridis (68, 1, 84)).
        let a = Array2::from_elem((2, 2), f64::NAN);
        let cmap = Colormap::named("viridis").unwrap();
        let got = colormap_rgba8(ScalarData::new(a.view()), &Norm::linear(), &cmap).unwrap();
        assert!(got
            .exact_chunks((1, 1, 4))
            .into_iter()
            .all(|p| p.iter().eq(&[68, 1, 84, 255])));
        // Masked values (imshow masks NaN) stay bad.
        let m = Array2::from_elem((2, 2), true);
        let masked = ScalarData::new(a.view()).with_mask(m.view()).unwrap();
        let got = colormap_rgba8(masked, &Norm::linear(), &cmap).unwrap();
        assert!(got.iter().all(|&b| b == 0));
    }
}

#[cfg(test)]
mod timing {
    use super::*;

    /// Not a correctness test: `cargo test --lib color::mapping::timing -- --ignored
    /// --nocapture` prints the best-of-15 time of the mapping stages (load-robust).
    #[test]
    #[ignore]
    fn best_of_times() {
        let n = 4096;
        let a = Array2::from_shape_fn((n, n), |(r, c)| ((r * 31 + c * 17) % 1000) as f64 / 999.0);
        let cmap = Colormap::named("viridis").unwrap();
        let mut buf = vec![0u8; n * n * 4];
        let best = |f: &mut dyn FnMut()| {
            (0..15)
                .map(|_| {
                    let t = std::time::Instant::now();
                    f();
                    t.elapsed().as_secs_f64() * 1e3
                })
                .fold(f64::INFINITY, f64::min)
        };
        let d = ScalarData::new(a.view());
        let fixed = Norm::linear().with_limits(Some(0.0), Some(1.0));
        let t_map = best(&mut || colormap_rgba8_into_slice(&d, &fixed, &cmap, &mut buf).unwrap());
        let t_auto = best(&mut || {
            std::hint::black_box(d.autoscaled(&Norm::linear()));
        });
        let t_all = best(&mut || {
            std::hint::black_box(colormap_rgba8(&d, &Norm::linear(), &cmap).unwrap());
        });
        eprintln!(
            "4096^2 f64: map {t_map:.1} ms, autoscale {t_auto:.1} ms, total fresh {t_all:.1} ms"
        );
    }
}
