//! Normalising float16 data as matplotlib does (`Normalize.process_value` keeps float16,
//! so the `'rgba'` stage, `to_rgba` on the float16 array, normalises in half precision):
//! numpy 2's float16 loops compute in float32 (libm for `log`, `log10`, `power`) and round
//! the result to half; a float64 scalar operand (the limits `process_value` returns)
//! promotes the step to float64, rounded to half on the store; a Python float (weak, NEP 50)
//! is first cast to half.
//!
//! Measured with numpy 2.4 without AVX-512 (`NPY_DISABLE_CPU_FEATURES="X86_V4 AVX512_ICL"`)
//! over every positive finite half: `np.log10`, `np.log` and `np.power` on float16 equal
//! libm's `log10f`, `logf`, `powf` rounded to half (with AVX-512, `np.log10` on float16
//! differs from it for 3 of the 31743 values).

use super::{clip_f32, finite_or_masked, sign32, Normed, Op, Prepared};

/// `x` rounded to the nearest IEEE half (ties to even), as numpy's `npy_double_to_half`
/// (and `npy_float_to_half` for values that came from a float32): overflow to ±inf, NaN
/// kept, subnormal halves (multiples of 2^-24) below 2^-14. The result is returned as the
/// float32 that holds the half exactly.
pub(crate) fn round_to_half(x: f64) -> f32 {
    if !x.is_finite() {
        return x as f32;
    }
    let a = x.abs();
    // The half spacing at `a`: 2^(e - 10) for a normal half of exponent e, 2^-24 below 2^-14.
    let e = if a < f64::from(f32::from_bits(0x3880_0000)) {
        -14
    } else {
        // Exponent field of the f64 (a is normal here: a >= 2^-14).
        ((a.to_bits() >> 52) as i32) - 1023
    };
    let ulp_exp = e - 10;
    let scale = pow2(-ulp_exp);
    let r = (a * scale).round_ties_even() / scale;
    let r = if r > 65504.0 { f64::INFINITY } else { r };
    (r as f32).copysign(x as f32)
}

/// 2^k for |k| < 1023 (exact).
fn pow2(k: i32) -> f64 {
    f64::from_bits(((1023 + i64::from(k)) as u64) << 52)
}

/// One float16 operation: computed in float32, rounded to half.
#[inline]
fn h32(x: f32) -> f32 {
    round_to_half(f64::from(x))
}

/// Whether `x` (a float32) holds an IEEE half exactly (NaN counts as one).
pub(crate) fn is_half(x: f32) -> bool {
    x.is_nan() || round_to_half(f64::from(x)) == x
}

#[inline]
fn finite_or_masked16(v: f32) -> Normed {
    if v.is_finite() {
        Normed::F16(v)
    } else {
        Normed::Masked
    }
}

/// The LUT index of a float16 normalised value for a colormap of `n` colours
/// (`Colormap.__call__` on a float16 array): `xa *= N` in float16 (N cast to half, the
/// product rounded to half), exactly N becomes N - 1, then NaN -> bad (N + 2), below 0 ->
/// under (N), N or more -> over (N + 1), else the truncated `xa`.
#[inline]
pub(crate) fn index_f16(x: f32, n: usize) -> usize {
    let nf = round_to_half(n as f64);
    let mut xa = round_to_half(f64::from(x) * f64::from(nf));
    if xa == nf {
        xa = round_to_half(n as f64 - 1.0);
    }
    if xa.is_nan() {
        n + 2
    } else if xa < 0.0 {
        n
    } else if xa >= nf {
        n + 1
    } else {
        xa as usize
    }
}

impl Prepared {
    /// Normalise one unmasked value of float16 data (held exactly in a float32), with
    /// numpy's float16 rules (see the module comment).
    #[inline]
    pub fn map_f16(&self, x: f32) -> Normed {
        let (vmin, vmax) = (self.vmin, self.vmax);
        match &self.op {
            Op::Linear => {
                if self.equal {
                    return Normed::F16(0.0);
                }
                if self.clip {
                    // np.clip with float64 limits promotes the data to float64.
                    return self.map_f64(f64::from(x));
                }
                // resdat -= vmin; resdat /= (vmax - vmin): float64 scalars, stored as half.
                let r = round_to_half(f64::from(x) - vmin);
                Normed::F16(round_to_half(f64::from(r) / (vmax - vmin)))
            }
            Op::Power { gamma } => {
                if self.equal {
                    return Normed::F16(0.0);
                }
                // Python-float limits and gamma: weak scalars, cast to half.
                let (lo, hi) = (round_to_half(vmin), round_to_half(vmax));
                let x = if self.clip { clip_f32(x, lo, hi) } else { x };
                let r = h32(x - lo);
                let r = h32(r / round_to_half(vmax - vmin));
                Normed::F16(if r > 0.0 {
                    h32(r.powf(round_to_half(*gamma)))
                } else {
                    r
                })
            }
            Op::Log { t0, t1 } => {
                if self.equal {
                    return Normed::F16(0.0);
                }
                let x = if self.clip {
                    clip_f32(x, round_to_half(vmin), round_to_half(vmax))
                } else {
                    x
                };
                if x.is_nan() || x <= 0.0 {
                    return Normed::Masked;
                }
                // np.log10 on float16: libm's log10f, rounded to half; then float64
                // scalars t_vmin, t_vmax.
                let t = round_to_half(f64::from(h32(x.log10())) - t0);
                finite_or_masked16(round_to_half(f64::from(t) / (t1 - t0)))
            }
            Op::SymLog { s, t0, t1, .. } => {
                if self.equal {
                    return Normed::F16(0.0);
                }
                let x = if self.clip {
                    clip_f32(x, round_to_half(vmin), round_to_half(vmax))
                } else {
                    x
                };
                // As for float32 (numpy.ma makes the Python scalars float64 arrays), but
                // np.log(|x|) runs on float16: libm's logf, rounded to half.
                let x64 = f64::from(x);
                let t = if x64.abs() <= s.linthresh {
                    x64 * s.adj
                } else {
                    let sg = f64::from(sign32(x)) * s.linthresh;
                    sg * ((s.adj - s.linthresh.ln() / s.log_base)
                        + f64::from(h32(x.abs().ln())) / s.log_base)
                };
                finite_or_masked((t - t0) / (t1 - t0))
            }
            Op::NoNorm => Normed::F16(x),
            Op::TwoSlope { .. } => self.map_f64(f64::from(x)),
            Op::Boundary { .. } => {
                let (lo, hi) = (round_to_half(vmin), round_to_half(vmax));
                let x = if self.clip { clip_f32(x, lo, hi) } else { x };
                self.boundary_raw(f64::from(x), x < lo, x >= hi)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float16_data_must_hold_halves() {
        let ok = ndarray::array![[0.5f32, -65504.0, f32::NAN, f32::INFINITY]];
        assert!(crate::color::ScalarData::float16(ok.view()).is_ok());
        let bad = ndarray::array![[0.5f32, 0.1]];
        let err = crate::color::ScalarData::float16(bad.view()).unwrap_err();
        assert!(err.to_string().contains("0.1"), "{err}");
        assert!(crate::ImageData::float16(bad).is_err());
    }

    #[test]
    fn rounds_like_numpy() {
        // np.array([...]).astype(np.float16).astype(np.float64)
        let cases: [(f64, f64); 12] = [
            (0.1, 0.0999755859375),
            (1.0 + 1.0 / 2048.0, 1.0),         // tie: to even
            (1.0 + 3.0 / 2048.0, 1.001953125), // tie: to even (up)
            (65504.0, 65504.0),
            (65519.99, 65504.0),
            (65520.0, f64::INFINITY),
            (-70000.0, f64::NEG_INFINITY),
            (2f64.powi(-25), 0.0), // tie with 0: to even (0)
            (2f64.powi(-25) * 1.5, 2f64.powi(-24)),
            (3.0 * 2f64.powi(-25), 2f64.powi(-23)), // tie 1.5 ulp: to even (2)
            (6.1e-5, 6.097555160522461e-05),
            (-2.5e-7, -2.384185791015625e-07),
        ];
        for (x, want) in cases {
            assert_eq!(f64::from(round_to_half(x)), want, "{x}");
        }
        assert!(round_to_half(f64::NAN).is_nan());
        assert_eq!(round_to_half(-0.0).to_bits(), (-0.0f32).to_bits());
        assert!(is_half(0.5) && is_half(65504.0) && !is_half(0.1) && is_half(f32::NAN));
        // tab20 (N = 20): 0.33325 * 20 = 6.665 rounds to the half 6.664 -> 6; 0.95 * 20.
        assert_eq!(index_f16(round_to_half(1.0 / 3.0), 20), 6);
        assert_eq!(index_f16(1.0, 256), 255);
        assert_eq!(index_f16(-0.0, 256), 0);
        assert_eq!(index_f16(f32::NAN, 256), 258);
        assert_eq!(index_f16(1.5, 256), 257);
    }
}
