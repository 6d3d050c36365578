//! numpy's float32 `log10` on x86-64 with AVX-512: numpy sends contiguous float32 arrays to
//! Intel's SVML `log10f16`, which is not libm's `log10f` (they differ by one ulp on about
//! 40% of the integers below 65536, enough to move a LogNorm value across a colormap bin).
//! Without AVX-512 numpy calls libm.
//!
//! Not used yet: matplotlib's output depends on the CPU it runs on, and the committed norm
//! vectors (tests/fixtures/color) were made where numpy calls libm, while this session's
//! image references (g57 in tests/reference/extra) were made on an AVX-512 machine. Which
//! numpy figbuf follows is one decision for all of numpy's SIMD math (float64 log10 and exp
//! differ the same way); `Op::Log` in norm.rs switches to this function when it is made.
//!
//! The method: `x = 2^e * m` with `m` in [0.75, 1.5) (`vgetmantps` interval 3), one of 16
//! intervals of `m` picked by its top fraction bits, and a cubic in `r = m - 1` per interval
//! whose last step adds `e * log10(2)`, every step a float32 fused multiply-add. Checked
//! against numpy 2.4 bit for bit on 4 million float32 values (every integer to 70000,
//! random finite values, denormals, zeros, infinities, NaN).

/// Per-interval coefficients (float32 bits) of the cubic, highest degree first; intervals
/// 0..8 cover m in [1, 1.5), 8..16 cover [0.75, 1).
const COEFFS: [[u32; 16]; 4] = [
    [
        0xbdc9_ae9b,
        0xbda6_fcf4,
        0xbd8b_ac76,
        0xbd6b_ca30,
        0xbd48_a99b,
        0xbd2c_0a9f,
        0xbd14_80db,
        0xbd00_faf2,
        0xbe82_3aa9,
        0xbe65_6348,
        0xbe4a_fbb9,
        0xbe34_6895,
        0xbe20_ffff,
        0xbe10_3a0b,
        0xbe01_a91c,
        0xbde9_e84e,
    ],
    [
        0x3e13_d888,
        0x3e10_a87c,
        0x3e0b_95c3,
        0x3e05_7f0b,
        0x3dfd_e038,
        0x3df0_80d9,
        0x3de3_4c1e,
        0x3dd6_8333,
        0x3dac_6e8e,
        0x3dd5_4a51,
        0x3df3_0f40,
        0x3e04_235d,
        0x3e0b_7033,
        0x3e10_2c90,
        0x3e12_ebad,
        0x3e14_1ff8,
    ],
    [
        0xbe5e_5a9b,
        0xbe5e_2677,
        0xbe5d_83f5,
        0xbe5c_6016,
        0xbe5a_bd0b,
        0xbe58_a6fd,
        0xbe56_2e02,
        0xbe53_62f8,
        0xbe68_e27c,
        0xbe64_6747,
        0xbe61_9a73,
        0xbe5f_f05a,
        0xbe5f_0570,
        0xbe5e_92d0,
        0xbe5e_662b,
        0xbe5e_5c08,
    ],
    [
        0x3ede_5bd8,
        0x3ede_5b45,
        0x3ede_57d8,
        0x3ede_4eb1,
        0x3ede_3d37,
        0x3ede_2166,
        0x3edd_f9d9,
        0x3edd_c5bb,
        0x3ede_08ed,
        0x3ede_32e7,
        0x3ede_4967,
        0x3ede_5490,
        0x3ede_597f,
        0x3ede_5b50,
        0x3ede_5bca,
        0x3ede_5bd9,
    ],
];

/// log10(2) as float32.
const LOG10_2: u32 = 0x3e9a_209b;

/// numpy's float32 `np.log10` (module doc): NaN for NaN and negatives, -inf for zeros, inf
/// for inf.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn numpy_log10_f32(x: f32) -> f32 {
    if x.is_nan() || x == f32::INFINITY {
        return x;
    }
    if x < 0.0 {
        return f32::NAN;
    }
    if x == 0.0 {
        return f32::NEG_INFINITY;
    }
    // Exponent and mantissa in [1, 2) (denormals scaled up first, as vgetexp/vgetmant see
    // through them).
    let (bits, shift) = if x < f32::MIN_POSITIVE {
        ((x * 2f32.powi(64)).to_bits(), 64)
    } else {
        (x.to_bits(), 0)
    };
    let e = ((bits >> 23) as i32) - 127 - shift;
    let m = f32::from_bits((bits & 0x007f_ffff) | 0x3f80_0000);
    let (m, e) = if m >= 1.5 { (m * 0.5, e + 1) } else { (m, e) };
    let i = ((m.to_bits() >> 19) & 15) as usize;
    let r = m - 1.0;
    let c = |k: usize| f32::from_bits(COEFFS[k][i]);
    let p = c(0).mul_add(r, c(1));
    let p = r.mul_add(p, c(2));
    let p = r.mul_add(p, c(3));
    r.mul_add(p, e as f32 * f32::from_bits(LOG10_2))
}

#[cfg(test)]
mod tests {
    use super::numpy_log10_f32;

    #[test]
    fn matches_numpy_values() {
        // np.log10(np.float32([...])) on numpy 2.4 (AVX-512), bits.
        for (x, want) in [
            (3.0f32, 0x3ef4_493eu32),
            (7.0, 0x3f58_5859),
            (12.0, 0x3f8a_229d),
            (287.0, 0x401d_4df0),
            (4653.0, 0x406a_bc24),
            (1.0, 0x0000_0000),
            (10.0, 0x3f80_0000),
            (0.5, 0xbe9a_209b),
        ] {
            assert_eq!(numpy_log10_f32(x).to_bits(), want, "{x}");
        }
        assert_eq!(numpy_log10_f32(0.0), f32::NEG_INFINITY);
        assert!(numpy_log10_f32(-1.0).is_nan());
        assert_eq!(numpy_log10_f32(f32::INFINITY), f32::INFINITY);
    }
}
