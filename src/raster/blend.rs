//! Agg's "fixed plain" blender on straight-alpha RGBA8, the one matplotlib's canvas uses.

/// Agg's `mult_cover`: `a * b / 255` rounded the way Agg's `int8u` multiply rounds.
#[inline]
pub fn mult(a: u8, b: u8) -> u8 {
    let t = u32::from(a) * u32::from(b) + 128;
    (((t >> 8) + t) >> 8) as u8
}

/// Blends the straight colour `c` (its own alpha ignored) with effective alpha `alpha` into the
/// straight-alpha pixel `p`, exactly as matplotlib's `fixed_blender_rgba_plain::blend_pix`.
#[inline]
pub fn blend_pix(p: &mut [u8], c: [u8; 4], alpha: u8) {
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

/// Agg's `copy_or_blend_pix(p, c, cover)`: a fully opaque colour at full cover is copied,
/// anything else blended with `mult(c.a, cover)`.
#[inline]
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
