//! What the plotting entry points accept as data: slices, `Vec`s, arrays and ndarray
//! views/arrays of floats or integers, all read as `f64` (matplotlib's `np.asarray(x,
//! float)`).

use ndarray::{ArrayBase, Data, Ix1};

/// A number a plotting call reads as `f64`.
pub trait PlotNumber: Copy {
    /// The value as `f64`.
    fn to_f64(self) -> f64;
}

macro_rules! plot_number {
    ($($t:ty),*) => {$(
        impl PlotNumber for $t {
            #[inline]
            fn to_f64(self) -> f64 {
                self as f64
            }
        }
    )*};
}
plot_number!(f64, f32, i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

/// One-dimensional data for `plot`, `scatter` and friends: `&[T]`, `Vec<T>`, `&Vec<T>`,
/// `[T; N]`, `&[T; N]`, `Array1<T>`, `&Array1<T>` and `ArrayView1<T>` of any
/// [`PlotNumber`].
pub trait PlotData {
    /// The values as `f64`.
    fn to_f64_vec(self) -> Vec<f64>;
}

impl<T: PlotNumber> PlotData for &[T] {
    fn to_f64_vec(self) -> Vec<f64> {
        self.iter().map(|v| v.to_f64()).collect()
    }
}

impl<T: PlotNumber> PlotData for Vec<T> {
    fn to_f64_vec(self) -> Vec<f64> {
        self.iter().map(|v| v.to_f64()).collect()
    }
}

impl<T: PlotNumber> PlotData for &Vec<T> {
    fn to_f64_vec(self) -> Vec<f64> {
        self.iter().map(|v| v.to_f64()).collect()
    }
}

impl<T: PlotNumber, const N: usize> PlotData for [T; N] {
    fn to_f64_vec(self) -> Vec<f64> {
        self.iter().map(|v| v.to_f64()).collect()
    }
}

impl<T: PlotNumber, const N: usize> PlotData for &[T; N] {
    fn to_f64_vec(self) -> Vec<f64> {
        self.iter().map(|v| v.to_f64()).collect()
    }
}

impl<T: PlotNumber, S: Data<Elem = T>> PlotData for ArrayBase<S, Ix1> {
    fn to_f64_vec(self) -> Vec<f64> {
        self.iter().map(|v| v.to_f64()).collect()
    }
}

impl<T: PlotNumber, S: Data<Elem = T>> PlotData for &ArrayBase<S, Ix1> {
    fn to_f64_vec(self) -> Vec<f64> {
        self.iter().map(|v| v.to_f64()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_container_reads_as_f64() {
        assert_eq!([1i32, 2].to_f64_vec(), vec![1.0, 2.0]);
        assert_eq!(vec![1.5f32].to_f64_vec(), vec![1.5]);
        let a = ndarray::array![3u8, 4];
        assert_eq!(a.view().to_f64_vec(), vec![3.0, 4.0]);
        assert_eq!((&a).to_f64_vec(), vec![3.0, 4.0]);
        let s: &[f64] = &[0.25];
        assert_eq!(s.to_f64_vec(), vec![0.25]);
    }
}
