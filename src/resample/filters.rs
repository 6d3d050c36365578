//! Agg's image filter kernels and its int16 weight table (`image_filter_lut`), with
//! matplotlib's LUT fix and Agg's normalisation.

use std::f64::consts::PI;

use super::Interpolation;

/// Agg's fixed-point filter scale: weights are in units of 1/16384.
pub const FILTER_SHIFT: u32 = 14;
/// `1 << FILTER_SHIFT`.
pub const FILTER_SCALE: i32 = 1 << FILTER_SHIFT;
/// Agg's subpixel shift: coordinates are in units of 1/256 pixel.
pub const SUBPIXEL_SHIFT: u32 = 8;
/// `1 << SUBPIXEL_SHIFT`.
pub const SUBPIXEL_SCALE: i32 = 1 << SUBPIXEL_SHIFT;

/// Agg's `iround`: round half away from zero, then truncate to `int`.
pub(crate) fn iround(v: f64) -> i32 {
    if v < 0.0 {
        (v - 0.5) as i32
    } else {
        (v + 0.5) as i32
    }
}

/// One of Agg's filter shapes, evaluated at a non-negative distance in source pixels.
#[derive(Debug, Clone, Copy)]
enum Kernel {
    Bilinear,
    Hanning,
    Hamming,
    Hermite,
    Quadric,
    Bicubic,
    Kaiser {
        a: f64,
        i0a: f64,
    },
    Catrom,
    Mitchell {
        p0: f64,
        p2: f64,
        p3: f64,
        q0: f64,
        q1: f64,
        q2: f64,
        q3: f64,
    },
    Spline16,
    Spline36,
    Gaussian,
    Bessel,
    Sinc {
        radius: f64,
    },
    Lanczos {
        radius: f64,
    },
    Blackman {
        radius: f64,
    },
}

/// Agg's `bessel_i0` series (used by the Kaiser window), epsilon 1e-12.
fn bessel_i0(x: f64) -> f64 {
    let epsilon = 1e-12;
    let mut sum = 1.0;
    let y = x * x / 4.0;
    let mut t = y;
    let mut i: i32 = 2;
    while t > epsilon {
        sum += t;
        t *= y / f64::from(i * i);
        i += 1;
    }
    sum
}

/// Agg's `besj`: Bessel function of the first kind of order `n`, by downward recurrence.
fn besj(x: f64, n: i32) -> f64 {
    if n < 0 {
        return 0.0;
    }
    let d = 1e-6;
    let mut b = 0.0;
    if x.abs() <= d {
        return if n != 0 { 0.0 } else { 1.0 };
    }
    let mut b1 = 0.0;
    let mut m1 = x.abs() as i32 + 6;
    if x.abs() > 5.0 {
        m1 = (1.4 * x + 60.0 / x).abs() as i32;
    }
    let mut m2 = (f64::from(n + 2) + x.abs() / 4.0) as i32;
    if m1 > m2 {
        m2 = m1;
    }
    // The recurrence converges in a handful of rounds; the cap only guards against a
    // pathological input looping forever.
    for _ in 0..1000 {
        let mut c3 = 0.0;
        let mut c2 = 1e-30;
        let mut c4 = 0.0;
        let mut m8: i32 = if m2 / 2 * 2 == m2 { -1 } else { 1 };
        let imax = m2 - 2;
        for i in 1..=imax {
            let c6 = f64::from(2 * (m2 - i)) * c2 / x - c3;
            c3 = c2;
            c2 = c6;
            if m2 - i - 1 == n {
                b = c6;
            }
            m8 = -m8;
            if m8 > 0 {
                c4 += 2.0 * c6;
            }
        }
        let c6 = 2.0 * c2 / x - c3;
        if n == 0 {
            b = c6;
        }
        c4 += c6;
        b /= c4;
        if (b - b1).abs() < d {
            return b;
        }
        b1 = b;
        m2 += 3;
    }
    b
}

impl Kernel {
    fn new(interpolation: Interpolation, filterrad: f64) -> Option<Kernel> {
        let windowed = if filterrad < 2.0 { 2.0 } else { filterrad };
        Some(match interpolation {
            Interpolation::Bilinear => Kernel::Bilinear,
            Interpolation::Hanning => Kernel::Hanning,
            Interpolation::Hamming => Kernel::Hamming,
            Interpolation::Hermite => Kernel::Hermite,
            Interpolation::Quadric => Kernel::Quadric,
            Interpolation::Bicubic => Kernel::Bicubic,
            Interpolation::Kaiser => {
                let a = 6.33;
                Kernel::Kaiser {
                    a,
                    i0a: 1.0 / bessel_i0(a),
                }
            }
            Interpolation::Catrom => Kernel::Catrom,
            Interpolation::Mitchell => {
                let (b, c) = (1.0 / 3.0, 1.0 / 3.0);
                Kernel::Mitchell {
                    p0: (6.0 - 2.0 * b) / 6.0,
                    p2: (-18.0 + 12.0 * b + 6.0 * c) / 6.0,
                    p3: (12.0 - 9.0 * b - 6.0 * c) / 6.0,
                    q0: (8.0 * b + 24.0 * c) / 6.0,
                    q1: (-12.0 * b - 48.0 * c) / 6.0,
                    q2: (6.0 * b + 30.0 * c) / 6.0,
                    q3: (-b - 6.0 * c) / 6.0,
                }
            }
            Interpolation::Spline16 => Kernel::Spline16,
            Interpolation::Spline36 => Kernel::Spline36,
            Interpolation::Gaussian => Kernel::Gaussian,
            Interpolation::Bessel => Kernel::Bessel,
            Interpolation::Sinc => Kernel::Sinc { radius: windowed },
            Interpolation::Lanczos => Kernel::Lanczos { radius: windowed },
            Interpolation::Blackman => Kernel::Blackman { radius: windowed },
            Interpolation::Auto
            | Interpolation::Antialiased
            | Interpolation::Nearest
            | Interpolation::None => return None,
        })
    }

    fn radius(&self) -> f64 {
        match *self {
            Kernel::Bilinear
            | Kernel::Hanning
            | Kernel::Hamming
            | Kernel::Hermite
            | Kernel::Kaiser { .. } => 1.0,
            Kernel::Quadric => 1.5,
            Kernel::Bicubic
            | Kernel::Catrom
            | Kernel::Mitchell { .. }
            | Kernel::Spline16
            | Kernel::Gaussian => 2.0,
            Kernel::Spline36 => 3.0,
            Kernel::Bessel => 3.2383,
            Kernel::Sinc { radius } | Kernel::Lanczos { radius } | Kernel::Blackman { radius } => {
                radius
            }
        }
    }

    fn weight(&self, x: f64) -> f64 {
        match *self {
            Kernel::Bilinear => 1.0 - x,
            Kernel::Hanning => 0.5 + 0.5 * (PI * x).cos(),
            Kernel::Hamming => 0.54 + 0.46 * (PI * x).cos(),
            Kernel::Hermite => (2.0 * x - 3.0) * x * x + 1.0,
            Kernel::Quadric => {
                if x < 0.5 {
                    0.75 - x * x
                } else if x < 1.5 {
                    let t = x - 1.5;
                    0.5 * t * t
                } else {
                    0.0
                }
            }
            Kernel::Bicubic => {
                let pow3 = |v: f64| if v <= 0.0 { 0.0 } else { v * v * v };
                (1.0 / 6.0)
                    * (pow3(x + 2.0) - 4.0 * pow3(x + 1.0) + 6.0 * pow3(x) - 4.0 * pow3(x - 1.0))
            }
            Kernel::Kaiser { a, i0a } => bessel_i0(a * (1.0 - x * x).sqrt()) * i0a,
            Kernel::Catrom => {
                if x < 1.0 {
                    0.5 * (2.0 + x * x * (-5.0 + x * 3.0))
                } else if x < 2.0 {
                    0.5 * (4.0 + x * (-8.0 + x * (5.0 - x)))
                } else {
                    0.0
                }
            }
            Kernel::Mitchell {
                p0,
                p2,
                p3,
                q0,
                q1,
                q2,
                q3,
            } => {
                if x < 1.0 {
                    p0 + x * x * (p2 + x * p3)
                } else if x < 2.0 {
                    q0 + x * (q1 + x * (q2 + x * q3))
                } else {
                    0.0
                }
            }
            Kernel::Spline16 => {
                if x < 1.0 {
                    ((x - 9.0 / 5.0) * x - 1.0 / 5.0) * x + 1.0
                } else {
                    let u = x - 1.0;
                    ((-1.0 / 3.0 * u + 4.0 / 5.0) * u - 7.0 / 15.0) * u
                }
            }
            Kernel::Spline36 => {
                if x < 1.0 {
                    ((13.0 / 11.0 * x - 453.0 / 209.0) * x - 3.0 / 209.0) * x + 1.0
                } else if x < 2.0 {
                    let u = x - 1.0;
                    ((-6.0 / 11.0 * u + 270.0 / 209.0) * u - 156.0 / 209.0) * u
                } else {
                    let u = x - 2.0;
                    ((1.0 / 11.0 * u - 45.0 / 209.0) * u + 26.0 / 209.0) * u
                }
            }
            Kernel::Gaussian => (-2.0 * x * x).exp() * (2.0 / PI).sqrt(),
            Kernel::Bessel => {
                if x == 0.0 {
                    PI / 4.0
                } else {
                    besj(PI * x, 1) / (2.0 * x)
                }
            }
            Kernel::Sinc { .. } => {
                if x == 0.0 {
                    1.0
                } else {
                    let x = x * PI;
                    x.sin() / x
                }
            }
            Kernel::Lanczos { radius } => {
                if x == 0.0 {
                    1.0
                } else if x > radius {
                    0.0
                } else {
                    let x = x * PI;
                    let xr = x / radius;
                    (x.sin() / x) * (xr.sin() / xr)
                }
            }
            Kernel::Blackman { radius } => {
                if x == 0.0 {
                    1.0
                } else if x > radius {
                    0.0
                } else {
                    let x = x * PI;
                    let xr = x / radius;
                    (x.sin() / x) * (0.42 + 0.5 * xr.cos() + 0.08 * (2.0 * xr).cos())
                }
            }
        }
    }
}

/// Agg's `image_filter_lut` for one kernel: `diameter * 256` int16 weights indexed in
/// 1/256 source pixels, built with matplotlib's LUT fix and normalised (filternorm).
#[derive(Debug, Clone, PartialEq)]
pub struct FilterLut {
    /// `2 * ceil(radius)`.
    pub diameter: usize,
    /// The weights, in units of 1/16384.
    pub weights: Vec<i16>,
}

impl FilterLut {
    /// The normalised table for `interpolation` (`filterrad` is used by sinc, lanczos and
    /// blackman, as matplotlib's `filterrad`, default 4). `None` for nearest and the
    /// unresolved `auto`, and when `filterrad` is not in `(0, MAX_FILTERRAD]`.
    pub fn new(interpolation: Interpolation, filterrad: f64) -> Option<FilterLut> {
        if !(filterrad > 0.0 && filterrad <= super::MAX_FILTERRAD) {
            return None;
        }
        let kernel = Kernel::new(interpolation, filterrad)?;
        let radius = kernel.radius();
        let diameter = (radius.ceil() as usize).max(1) * 2;
        let size = diameter << SUBPIXEL_SHIFT;
        let mut weights = vec![0i16; size];
        let pivot = (diameter << (SUBPIXEL_SHIFT - 1)) - 1;
        for i in 0..=pivot {
            let x = i as f64 / f64::from(SUBPIXEL_SCALE);
            let w = iround(kernel.weight(x) * f64::from(FILTER_SCALE)) as i16;
            weights[pivot + i] = w;
            weights[pivot - i] = w;
        }
        weights[size - 1] =
            iround(kernel.weight((diameter / 2) as f64) * f64::from(FILTER_SCALE)) as i16;
        normalize(&mut weights, diameter);
        Some(FilterLut { diameter, weights })
    }
}

/// Agg's `image_filter_lut::normalize`: make every phase sum to 16384, handing out the
/// rounding corrections from the centre outwards with a persistent `flip` toggle. No
/// re-mirroring afterwards (matplotlib's fix).
fn normalize(weights: &mut [i16], diameter: usize) {
    let step = SUBPIXEL_SCALE as usize;
    let mut flip = 1;
    for i in 0..step {
        // Converges in one or two rounds for every Agg kernel; the cap only guards
        // against looping forever.
        for _ in 0..64 {
            let sum: i32 = (0..diameter)
                .map(|j| i32::from(weights[j * step + i]))
                .sum();
            if sum == FILTER_SCALE || sum == 0 {
                break;
            }
            let k = f64::from(FILTER_SCALE) / f64::from(sum);
            let mut sum = 0;
            for j in 0..diameter {
                let v = iround(f64::from(weights[j * step + i]) * k) as i16;
                weights[j * step + i] = v;
                sum += i32::from(v);
            }
            sum -= FILTER_SCALE;
            let inc: i16 = if sum > 0 { -1 } else { 1 };
            let mut j = 0;
            while j < diameter && sum != 0 {
                flip ^= 1;
                let idx = if flip != 0 {
                    diameter / 2 + j / 2
                } else {
                    diameter / 2 - j / 2
                };
                let v = weights[idx * step + i];
                if i32::from(v) < FILTER_SCALE {
                    weights[idx * step + i] += inc;
                    sum += i32::from(inc);
                }
                j += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hanning_table_matches_spec() {
        // Spec §5.6: hanning R = 1 starts 1, 2, 6, 10, 15, peaks at 16384 (index 255) and
        // ends ..., 10, 6, 2, 1, 0.
        let lut = FilterLut::new(Interpolation::Hanning, 4.0).unwrap();
        assert_eq!(lut.diameter, 2);
        assert_eq!(&lut.weights[..5], &[1, 2, 6, 10, 15]);
        assert_eq!(lut.weights[255], 16384);
        assert_eq!(&lut.weights[507..], &[10, 6, 2, 1, 0]);
    }

    #[test]
    fn every_phase_sums_to_one() {
        for interp in Interpolation::FILTERED {
            let lut = FilterLut::new(interp, 4.0).unwrap();
            for i in 0..256 {
                let sum: i32 = (0..lut.diameter)
                    .map(|j| i32::from(lut.weights[j * 256 + i]))
                    .sum();
                assert_eq!(sum, FILTER_SCALE, "{interp:?} phase {i}");
            }
        }
    }

    #[test]
    fn diameters() {
        // agg_image_filters.h radii: diameter = 2 * ceil(radius).
        let table = [
            (Interpolation::Hanning, 2),
            (Interpolation::Quadric, 4),
            (Interpolation::Bicubic, 4),
            (Interpolation::Spline36, 6),
            (Interpolation::Bessel, 8),
            (Interpolation::Sinc, 8),
        ];
        for (interp, d) in table {
            assert_eq!(
                FilterLut::new(interp, 4.0).unwrap().diameter,
                d,
                "{interp:?}"
            );
        }
    }
}
