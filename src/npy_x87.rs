//! x86 long double (`<f16` in a `.npy` written on x86-64: the x87 80-bit extended format in
//! 16 bytes) to float64, as numpy's `astype(np.float64)` converts it (the x87 `fstp`):
//! rounded to nearest, ties to even, into float64's normal and subnormal range; values
//! below half the smallest subnormal (every x87 denormal and pseudo-denormal among them)
//! become a signed zero; too large values ±inf; NaNs keep their sign and their payload's
//! top bits and become quiet; encodings the x87 refuses (unnormals, pseudo-infinities,
//! pseudo-NaNs: the explicit integer bit clear with a non-zero exponent) give the default
//! NaN (`0xfff8_0000_0000_0000`).
//!
//! (On AArch64 numpy's long double is IEEE quadruple precision under the same `<f16`
//! descriptor; a `.npy` says nothing about which, and matplotlib on x86-64 reads it as
//! x87 as figbuf does.)

/// The 16 stored bytes (little-endian; bytes 10..16 are padding) as float64.
pub(crate) fn x87_to_f64(b: [u8; 16]) -> f64 {
    let mut m = [0u8; 8];
    m.copy_from_slice(&b[..8]);
    let mant = u64::from_le_bytes(m);
    let se = u16::from_le_bytes([b[8], b[9]]);
    extended_to_f64(mant, se)
}

/// The x87 value with significand `mant` (bit 63 the explicit integer bit) and
/// sign-and-exponent word `se` as float64.
pub(crate) fn extended_to_f64(mant: u64, se: u16) -> f64 {
    const DEFAULT_NAN: u64 = 0xfff8_0000_0000_0000;
    let negative = se & 0x8000 != 0;
    let exp = i32::from(se & 0x7fff);
    let integer_bit = mant >> 63 != 0;
    let sign = |x: f64| if negative { -x } else { x };
    if exp == 0x7fff {
        let frac = mant & (u64::MAX >> 1);
        return match (integer_bit, frac) {
            (true, 0) => sign(f64::INFINITY),
            (true, _) => {
                let bits = 0x7ff8_0000_0000_0000 | (frac >> 11);
                f64::from_bits(bits | (u64::from(negative) << 63))
            }
            (false, _) => f64::from_bits(DEFAULT_NAN),
        };
    }
    if exp == 0 {
        // Denormals and pseudo-denormals: below 2^-16382, far under float64's range.
        return sign(0.0);
    }
    if !integer_bit {
        // Unnormals (and pseudo-zero).
        return f64::from_bits(DEFAULT_NAN);
    }
    // value = mant * 2^(e - 63) with 2^e <= value < 2^(e + 1).
    let e = exp - 16383;
    if e > 1023 {
        return sign(f64::INFINITY);
    }
    // Significand bits float64 keeps at this magnitude: 53, fewer for subnormals.
    let kept = if e >= -1022 { 53 } else { e + 1075 };
    if kept < 0 {
        return sign(0.0);
    }
    let shift = (64 - kept) as u32; // 11..=64
    let m = u128::from(mant);
    let q = m >> shift;
    let rem = m & ((1u128 << shift) - 1);
    let half = 1u128 << (shift - 1);
    let q = if rem > half || (rem == half && q & 1 == 1) {
        q + 1
    } else {
        q
    };
    let q = q as u64; // < 2^54
    let magnitude = if e >= -1022 {
        // q in [2^52, 2^53]: q * 2^(e - 52), exact (or inf when rounding reached 2^1024).
        (q as f64) * pow2(e - 52)
    } else {
        // Subnormal: q units of 2^-1074 (q = 2^52 is the smallest normal).
        f64::from_bits(q)
    };
    sign(magnitude)
}

/// 2^k for -1074 <= k <= 1023, exact.
fn pow2(k: i32) -> f64 {
    if k >= -1022 {
        f64::from_bits(((1023 + k) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (k + 1074))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edge_bit_patterns_as_numpy_converts_them() {
        // (significand, sign/exponent, float64 bits): numpy 2.4 on x86-64,
        // np.frombuffer(bytes, np.longdouble).astype(np.float64).
        let cases: [(u64, u16, u64); 23] = [
            (0x8000000000000000, 0x3fff, 0x3ff0000000000000), // 1.0
            (0x0000000000000000, 0x7fff, 0xfff8000000000000), // pseudo-infinity
            (0x8000000000000000, 0x7fff, 0x7ff0000000000000), // inf
            (0xc000000000000000, 0x7fff, 0x7ff8000000000000), // quiet NaN
            (0x4000000000000000, 0x7fff, 0xfff8000000000000), // pseudo-NaN
            (0x0000000000000001, 0x0000, 0x0000000000000000), // denormal
            (0x8000000000000000, 0x0000, 0x0000000000000000), // pseudo-denormal
            (0x4000000000000000, 0x3fff, 0xfff8000000000000), // unnormal
            (0x0000000000000000, 0x3fff, 0xfff8000000000000), // pseudo-zero (unnormal)
            (0x8000000000000400, 0x3fff, 0x3ff0000000000000), // tie, to even (down)
            (0x8000000000000c00, 0x3fff, 0x3ff0000000000002), // tie, to even (up)
            (0x8000000000000401, 0x3fff, 0x3ff0000000000001), // above the tie
            (0xffffffffffffffff, 0x43fe, 0x7ff0000000000000), // rounds up to 2^1024: inf
            (0xfffffffffffff800, 0x43fe, 0x7fefffffffffffff), // f64::MAX
            (0x8000000000000000, 0x3bcd, 0x0000000000000001), // 2^-1074
            (0x8000000000000000, 0x3bcc, 0x0000000000000000), // 2^-1075: tie, to even (0)
            (0x8000000000000001, 0x3bcc, 0x0000000000000001), // just above 2^-1075
            (0xc000000000000000, 0x3bcc, 0x0000000000000001), // 1.5 * 2^-1075
            (0x8000000000000000, 0x3bcb, 0x0000000000000000), // 2^-1076
            (0xffffffffffffffff, 0x3c00, 0x0010000000000000), // rounds up to 2^-1022
            (0x8000000000000000, 0x43ff, 0x7ff0000000000000), // 2^1024
            (0x8000000000000000, 0xbfff, 0xbff0000000000000), // -1.0
            (0x0000000000000000, 0x8000, 0x8000000000000000), // -0.0
        ];
        for (mant, se, want) in cases {
            let got = extended_to_f64(mant, se).to_bits();
            assert_eq!(got, want, "{mant:#018x} {se:#06x}: {got:#018x}");
        }
        let mut b = [0u8; 16];
        b[..8].copy_from_slice(&0xc000_0000_0000_0000u64.to_le_bytes());
        b[8..10].copy_from_slice(&0x4000u16.to_le_bytes());
        b[10..].copy_from_slice(&[0xab; 6]); // padding is ignored
        assert_eq!(x87_to_f64(b), 3.0);
    }
}
