//! Agg's "fixed plain" blender on straight-alpha RGBA8, the one matplotlib's canvas uses.

/// Agg's `mult_cover`: `a * b / 255` rounded the way Agg's `int8u` multiply rounds.
#[inline]
pub fn mult(a: u8, b: u8) -> u8 {
    let t = u32::from(a) * u32::from(b) + 128;
    (((t >> 8) + t) >> 8) as u8
}

/// Blends the straight colour `c` (its own alpha ignored) with effective alpha `alpha` into the
/// straight-alpha pixel `p`, exactly as matplotlib's `fixed_blender_rgba_plain::blend_pix`.
///
/// Agg divides integers, `(((c << 8) - r) * alpha + (r << 8)) / a_new` with `r = p * a`.
/// The dividend `n = (c << 8) * alpha + r * (256 - alpha)` is never negative and below
/// 2^26, and `256 <= a_new <= 65535`, so a quotient that is not whole lies at least
/// `2^-16` below the next integer. `n * (1 / a_new)` is within `2^-34` of `n / a_new`
/// (both below 2^18), so adding `2^-20` and truncating gives Agg's
/// integer quotient, whole quotients included: one f64 division a pixel instead of three
/// 64-bit integer divisions, for every anti-aliased edge of every stroke and glyph.
#[inline]
pub fn blend_pix(p: &mut [u8], c: [u8; 4], alpha: u8) {
    if alpha == 0 {
        return;
    }
    let alpha = u32::from(alpha);
    let a = u32::from(p[3]);
    // alpha * (256 - a) + (a << 8): at least 256.
    let a_new = ((alpha + a) << 8) - alpha * a;
    p[3] = (a_new >> 8) as u8;
    let inv = 1.0 / f64::from(a_new);
    for ch in 0..3 {
        let n = (u32::from(c[ch]) << 8) * alpha + u32::from(p[ch]) * a * (256 - alpha);
        // The whole quotient (< 2^18), cast to the byte as Agg casts it.
        p[ch] = (f64::from(n) * inv + QUOTIENT_NUDGE) as u32 as u8;
    }
}

/// See [`blend_pix`]: lifts a product that lands a rounding error below a whole quotient
/// back above it, and no other across an integer.
const QUOTIENT_NUDGE: f64 = 1.0 / 1_048_576.0;

/// Agg's `copy_or_blend_pix(p, c, cover)`: a fully opaque colour at full cover is copied,
/// anything else blended with `mult(c.a, cover)`.
#[inline(always)]
pub fn copy_or_blend(p: &mut [u8], c: [u8; 4], cover: u8) {
    if c[3] == 255 && cover == 255 {
        p.copy_from_slice(&c);
    } else if c[3] != 0 {
        blend_pix(p, c, mult(c[3], cover));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mult_matches_agg() {
        assert_eq!(mult(255, 14), 14);
        assert_eq!(mult(255, 255), 255);
        assert_eq!(mult(0, 200), 0);
        assert_eq!(mult(128, 128), 64);
    }

    /// Agg's blend in its own integer arithmetic.
    fn blend_pix_agg(p: &mut [u8], c: [u8; 4], alpha: u8) {
        if alpha == 0 {
            return;
        }
        let alpha = i64::from(alpha);
        let a = i64::from(p[3]);
        let a_new = ((alpha + a) << 8) - alpha * a;
        p[3] = (a_new >> 8) as u8;
        for ch in 0..3 {
            let r = i64::from(p[ch]) * a;
            let v = (((i64::from(c[ch]) << 8) - r) * alpha + (r << 8)) / a_new;
            p[ch] = v as u8;
        }
    }

    #[test]
    fn blend_pix_is_aggs_integer_blend() {
        // Every destination alpha and blend alpha; every destination and source value
        // for a few alphas, a spread of them for the rest.
        let spread: Vec<u8> = (0..=255).step_by(15).chain([1, 127, 128, 254]).collect();
        for a in 0..=255u8 {
            for alpha in 0..=255u8 {
                let all = a % 51 == 0 && alpha % 51 == 1;
                let values: Vec<u8> = if all {
                    (0..=255).collect()
                } else {
                    spread.clone()
                };
                for &pv in &values {
                    for &cv in &values {
                        let (mut ours, mut agg) =
                            ([pv, 255 - pv, pv / 2, a], [pv, 255 - pv, pv / 2, a]);
                        let c = [cv, cv / 3, 255 - cv, 9];
                        blend_pix(&mut ours, c, alpha);
                        blend_pix_agg(&mut agg, c, alpha);
                        assert_eq!(ours, agg, "p {pv} a {a} c {cv} alpha {alpha}");
                    }
                }
            }
        }
    }

    #[test]
    fn spine_neighbour_over_white_is_241() {
        // spec 9.3: a 5.6 % covered neighbour of a black spine reads 241 over white.
        let mut p = [255u8, 255, 255, 255];
        copy_or_blend(&mut p, [0, 0, 0, 255], 14);
        assert_eq!(p, [241, 241, 241, 255]);
    }

    #[test]
    fn half_alpha_over_transparent_keeps_colour() {
        // spec 9.1: facecolor (1, 0, 0, 0.5) over the cleared (255,255,255,0) canvas reads (255,0,0,128).
        let mut p = [255u8, 255, 255, 0];
        copy_or_blend(&mut p, [255, 0, 0, 128], 255);
        assert_eq!(p, [255, 0, 0, 128]);
    }
}
