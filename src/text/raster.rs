//! An anti-aliased scan converter that computes exactly what FreeType 2.14's "smooth"
//! rasteriser (`ftgrays`, 64-bit build) computes, so that glyph coverage matches
//! matplotlib's Agg text bit for bit.
//!
//! This module is a port of the algorithm of FreeType's `src/smooth/ftgrays.c`, written
//! from its description. Portions of this software are copyright © The FreeType Project
//! (www.freetype.org). All rights reserved. It is distributed under the FreeType License
//! (see `fonts/README.md`).
//!
//! The model: the plane is cut into cells of one pixel, and every edge is walked in
//! 1/256-px units. Each cell accumulates `cover` (the signed height of edge inside the
//! cell) and `area` (twice the signed area to the left of the edge, in 1/256² px²). A
//! sweep along each row turns the running cover and the cell areas into 8-bit coverage
//! with the non-zero winding rule.

/// Bits of sub-pixel precision of the rasteriser: one pixel is 256 units.
const PIXEL_BITS: u32 = 8;
/// One pixel in rasteriser units.
const ONE_PIXEL: i64 = 1 << PIXEL_BITS;

/// A point in 26.6 fixed point (1/64 px), y up, as FreeType's `FT_Vector`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Vec26 {
    pub x: i64,
    pub y: i64,
}

/// One accumulation cell.
#[derive(Debug, Clone, Copy, Default)]
struct Cell {
    cover: i64,
    area: i64,
}

/// The gray rasteriser for one bitmap of `width` x `height` pixels whose bottom-left
/// corner is the origin of the (already translated) outline.
pub(crate) struct GrayRaster {
    width: i64,
    height: i64,
    /// Row-major cells, `width + 1` per row: column 0 holds everything left of the
    /// bitmap (FreeType's `min_ex - 1` cell), column `x + 1` the pixel `x`.
    cells: Vec<Cell>,
    /// Current position in 1/256 px.
    x: i64,
    y: i64,
    /// Current cell, `None` when it is clipped away.
    cell: Option<usize>,
}

impl GrayRaster {
    /// A rasteriser for a `width` x `height` bitmap.
    pub(crate) fn new(width: u32, height: u32) -> Self {
        let (w, h) = (i64::from(width), i64::from(height));
        GrayRaster {
            width: w,
            height: h,
            cells: vec![Cell::default(); ((w + 1) * h) as usize],
            x: 0,
            y: 0,
            cell: None,
        }
    }

    /// FreeType's `gray_set_cell`: cells beyond the right or outside the rows are
    /// dropped, cells left of the bitmap collapse into one column.
    fn set_cell(&mut self, ex: i64, ey: i64) {
        self.cell = if ey < 0 || ey >= self.height || ex >= self.width {
            None
        } else {
            let col = if ex < 0 { 0 } else { ex + 1 };
            Some((ey * (self.width + 1) + col) as usize)
        };
    }

    fn accumulate(&mut self, cover: i64, area: i64) {
        if let Some(i) = self.cell {
            // `i` was built by `set_cell` from in-range coordinates.
            let c = &mut self.cells[i];
            c.cover += cover;
            c.area += area;
        }
    }

    /// Starts a contour at `to` (26.6).
    pub(crate) fn move_to(&mut self, to: Vec26) {
        let (x, y) = (to.x << (PIXEL_BITS - 6), to.y << (PIXEL_BITS - 6));
        self.set_cell(x >> PIXEL_BITS, y >> PIXEL_BITS);
        self.x = x;
        self.y = y;
    }

    /// A straight edge to `to` (26.6).
    pub(crate) fn line_to(&mut self, to: Vec26) {
        self.render_line(to.x << (PIXEL_BITS - 6), to.y << (PIXEL_BITS - 6));
    }

    /// The line walker of the 64-bit build: exits from each cell are found with the
    /// "prod" cross product and divisions by a 32.32 reciprocal.
    fn render_line(&mut self, to_x: i64, to_y: i64) {
        let mut ey1 = self.y >> PIXEL_BITS;
        let ey2 = to_y >> PIXEL_BITS;
        if (ey1 >= self.height && ey2 >= self.height) || (ey1 < 0 && ey2 < 0) {
            self.x = to_x;
            self.y = to_y;
            return;
        }
        let mut ex1 = self.x >> PIXEL_BITS;
        let ex2 = to_x >> PIXEL_BITS;
        let mut fx1 = self.x & (ONE_PIXEL - 1);
        let mut fy1 = self.y & (ONE_PIXEL - 1);
        let dx = to_x - self.x;
        let dy = to_y - self.y;

        if ex1 == ex2 && ey1 == ey2 {
            // Inside one cell.
        } else if dy == 0 {
            // Horizontal: no cover, only a move.
            self.set_cell(ex2, ey2);
            self.x = to_x;
            self.y = to_y;
            return;
        } else if dx == 0 {
            if dy > 0 {
                while ey1 != ey2 {
                    let fy2 = ONE_PIXEL;
                    self.accumulate(fy2 - fy1, (fy2 - fy1) * fx1 * 2);
                    fy1 = 0;
                    ey1 += 1;
                    self.set_cell(ex1, ey1);
                }
            } else {
                while ey1 != ey2 {
                    let fy2 = 0;
                    self.accumulate(fy2 - fy1, (fy2 - fy1) * fx1 * 2);
                    fy1 = ONE_PIXEL;
                    ey1 -= 1;
                    self.set_cell(ex1, ey1);
                }
            }
        } else {
            let mut prod = dx * fy1 - dy * fx1;
            let dx_r = if ex1 != ex2 { 0xFFFF_FFFF_i64 / dx } else { 0 };
            let dy_r = if ey1 != ey2 { 0xFFFF_FFFF_i64 / dy } else { 0 };
            // FT_UDIV: unsigned 64-bit product of the operands' bit patterns, >> 32.
            let udiv = |a: i64, r: i64| ((a as u64).wrapping_mul(r as u64) >> 32) as i64;
            loop {
                let (fx2, fy2);
                if prod - dx * ONE_PIXEL > 0 && prod <= 0 {
                    // Exit through the left side.
                    fx2 = 0;
                    fy2 = udiv(-prod, -dx_r);
                    prod -= dy * ONE_PIXEL;
                    self.accumulate(fy2 - fy1, (fy2 - fy1) * (fx1 + fx2));
                    fx1 = ONE_PIXEL;
                    fy1 = fy2;
                    ex1 -= 1;
                } else if prod - dx * ONE_PIXEL + dy * ONE_PIXEL > 0 && prod - dx * ONE_PIXEL <= 0 {
                    // Up.
                    prod -= dx * ONE_PIXEL;
                    fx2 = udiv(-prod, dy_r);
                    fy2 = ONE_PIXEL;
                    self.accumulate(fy2 - fy1, (fy2 - fy1) * (fx1 + fx2));
                    fx1 = fx2;
                    fy1 = 0;
                    ey1 += 1;
                } else if prod + dy * ONE_PIXEL >= 0 && prod - dx * ONE_PIXEL + dy * ONE_PIXEL <= 0
                {
                    // Right.
                    prod += dy * ONE_PIXEL;
                    fx2 = ONE_PIXEL;
                    fy2 = udiv(prod, dx_r);
                    self.accumulate(fy2 - fy1, (fy2 - fy1) * (fx1 + fx2));
                    fx1 = 0;
                    fy1 = fy2;
                    ex1 += 1;
                } else {
                    // Down.
                    fx2 = udiv(prod, -dy_r);
                    fy2 = 0;
                    prod += dx * ONE_PIXEL;
                    self.accumulate(fy2 - fy1, (fy2 - fy1) * (fx1 + fx2));
                    fx1 = fx2;
                    fy1 = ONE_PIXEL;
                    ey1 -= 1;
                }
                self.set_cell(ex1, ey1);
                if ex1 == ex2 && ey1 == ey2 {
                    break;
                }
            }
        }
        let fx2 = to_x & (ONE_PIXEL - 1);
        let fy2 = to_y & (ONE_PIXEL - 1);
        self.accumulate(fy2 - fy1, (fy2 - fy1) * (fx1 + fx2));
        self.x = to_x;
        self.y = to_y;
    }

    /// A quadratic arc, flattened by forward differencing (FreeType's DDA in 32.32
    /// fixed point) into `2^n` segments, `n` chosen so each bisection's deviation is at
    /// most 1/4 px.
    pub(crate) fn conic_to(&mut self, control: Vec26, to: Vec26) {
        let (p0x, p0y) = (self.x, self.y);
        let (p1x, p1y) = (control.x << (PIXEL_BITS - 6), control.y << (PIXEL_BITS - 6));
        let (p2x, p2y) = (to.x << (PIXEL_BITS - 6), to.y << (PIXEL_BITS - 6));
        let tr = |v: i64| v >> PIXEL_BITS;
        if (tr(p0y) >= self.height && tr(p1y) >= self.height && tr(p2y) >= self.height)
            || (tr(p0y) < 0 && tr(p1y) < 0 && tr(p2y) < 0)
        {
            self.x = p2x;
            self.y = p2y;
            return;
        }
        let bx = p1x - p0x;
        let by = p1y - p0y;
        let ax = p2x - p1x - bx;
        let ay = p2y - p1y - by;
        let mut d = ax.abs().max(ay.abs());
        if d <= ONE_PIXEL / 4 {
            self.render_line(p2x, p2y);
            return;
        }
        let mut shift = 0u32;
        while d > ONE_PIXEL / 4 {
            d >>= 2;
            shift += 1;
        }
        let lsh = |v: i64, s: u32| v.wrapping_mul(1i64.wrapping_shl(s));
        let rx = lsh(ax, 33 - 2 * shift);
        let ry = lsh(ay, 33 - 2 * shift);
        let mut qx = lsh(bx, 33 - shift).wrapping_add(lsh(ax, 32 - 2 * shift));
        let mut qy = lsh(by, 33 - shift).wrapping_add(lsh(ay, 32 - 2 * shift));
        let mut px = lsh(p0x, 32);
        let mut py = lsh(p0y, 32);
        for _ in 0..(1u32 << shift) {
            px = px.wrapping_add(qx);
            py = py.wrapping_add(qy);
            qx = qx.wrapping_add(rx);
            qy = qy.wrapping_add(ry);
            self.render_line(px >> 32, py >> 32);
        }
    }

    /// A cubic arc, split recursively at t = 1/2 until flat (FreeType's
    /// `gray_render_cubic`). TrueType glyphs have none; this is for completeness.
    pub(crate) fn cubic_to(&mut self, c1: Vec26, c2: Vec26, to: Vec26) {
        let up = |v: Vec26| (v.x << (PIXEL_BITS - 6), v.y << (PIXEL_BITS - 6));
        let mut arc = [(0i64, 0i64); 16 * 3 + 1];
        arc[0] = up(to);
        arc[1] = up(c2);
        arc[2] = up(c1);
        arc[3] = (self.x, self.y);
        let tr = |v: i64| v >> PIXEL_BITS;
        if arc[..4].iter().all(|p| tr(p.1) >= self.height) || arc[..4].iter().all(|p| tr(p.1) < 0) {
            self.x = arc[0].0;
            self.y = arc[0].1;
            return;
        }
        let mut top: usize = 0;
        loop {
            let flat = {
                let a = &arc[top..top + 4];
                // Control points must lie within 1/2 px of the chord's third points.
                (2 * a[0].0 - 3 * a[1].0 + a[3].0).abs() <= ONE_PIXEL / 2
                    && (2 * a[0].1 - 3 * a[1].1 + a[3].1).abs() <= ONE_PIXEL / 2
                    && (a[0].0 - 3 * a[2].0 + 2 * a[3].0).abs() <= ONE_PIXEL / 2
                    && (a[0].1 - 3 * a[2].1 + 2 * a[3].1).abs() <= ONE_PIXEL / 2
            };
            if flat || top + 7 > arc.len() {
                let (x, y) = arc[top];
                self.render_line(x, y);
                if top == 0 {
                    return;
                }
                top -= 3;
                continue;
            }
            split_cubic(&mut arc[top..top + 7]);
            top += 3;
        }
    }

    /// The sweep: turns the cells into 8-bit coverage, rows top-down.
    pub(crate) fn finish(self) -> Vec<u8> {
        let (w, h) = (self.width as usize, self.height as usize);
        let mut out = vec![0u8; w * h];
        for ey in 0..h {
            let row = &self.cells[ey * (w + 1)..(ey + 1) * (w + 1)];
            let dst = &mut out[(h - 1 - ey) * w..(h - ey) * w];
            let mut cover = row[0].cover * (ONE_PIXEL * 2);
            for (x, cell) in row[1..].iter().enumerate() {
                cover += cell.cover * (ONE_PIXEL * 2);
                dst[x] = coverage_to_gray(cover - cell.area);
            }
        }
        out
    }
}

/// FreeType's `gray_hline` scaling for the non-zero rule: 2·256² units to 0..=255.
fn coverage_to_gray(area: i64) -> u8 {
    let mut c = area >> (PIXEL_BITS * 2 + 1 - 8);
    if c < 0 {
        c = !c;
    }
    c.min(255) as u8
}

/// Splits the cubic `base[0..4]` (stored end-first) into two, written to `base[0..7]`.
fn split_cubic(base: &mut [(i64, i64)]) {
    for k in 0..2 {
        let get = |p: (i64, i64)| if k == 0 { p.0 } else { p.1 };
        let (p0, p1, p2, p3) = (get(base[0]), get(base[1]), get(base[2]), get(base[3]));
        let a = (p0 + p1) / 2;
        let b = (p2 + p3) / 2;
        let c = (p1 + p2) / 2;
        let d1 = (a + c) / 2;
        let d2 = (c + b) / 2;
        let m = (d1 + d2) / 2;
        let vals = [p0, a, d1, m, d2, b, p3];
        for (slot, v) in base.iter_mut().zip(vals) {
            if k == 0 {
                slot.0 = v;
            } else {
                slot.1 = v;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(x: i64, y: i64) -> Vec26 {
        Vec26 { x, y }
    }

    #[test]
    fn full_pixel_square_is_255_and_half_pixel_is_127_or_128() {
        // A clockwise (TrueType-oriented) 1x1 px square covers its pixel fully.
        let mut r = GrayRaster::new(2, 1);
        r.move_to(v(0, 0));
        r.line_to(v(0, 64));
        r.line_to(v(64, 64));
        r.line_to(v(64, 0));
        r.line_to(v(0, 0));
        assert_eq!(r.finish(), vec![255, 0]);
        // A half-covered pixel: exact area 1/2 gives 128 (>> 9 of 2*256*128).
        let mut r = GrayRaster::new(1, 1);
        r.move_to(v(0, 0));
        r.line_to(v(0, 64));
        r.line_to(v(32, 64));
        r.line_to(v(32, 0));
        r.line_to(v(0, 0));
        let got = r.finish()[0];
        assert!(got == 127 || got == 128, "{got}");
    }
}
