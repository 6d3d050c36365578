//! `RendererAgg::draw_gouraud_triangles`: each triangle dilated by 0.5 px into Agg's
//! six-vertex bevelled polygon (`span_gouraud::triangle`), rasterized anti-aliased in the
//! clip box, and its pixels coloured by `span_gouraud_rgba` (integer colours, per-scanline
//! edge interpolation with 1/16-px x, `dda_line_interpolator<14>` across the span), blended
//! with `copy_or_blend_pix` at each pixel's cover.

use super::cells::Rasterizer;
use super::pathdraw::agg_clip_rect;
use super::Band;
use crate::scene::{ClipBox, GouraudTriangle};

const INTERSECTION_EPSILON: f64 = 1.0e-30;
const SUBPIXEL_SHIFT: i32 = 4;
const SUBPIXEL_SCALE: i32 = 1 << SUBPIXEL_SHIFT;

fn cross_product(x1: f64, y1: f64, x2: f64, y2: f64, x: f64, y: f64) -> f64 {
    (x - x2) * (y2 - y1) - (y - y2) * (x2 - x1)
}

/// Agg's `iround` into an `int`.
fn iround(v: f64) -> i32 {
    if v < 0.0 {
        (v - 0.5) as i32
    } else {
        (v + 0.5) as i32
    }
}

fn calc_orthogonal(thickness: f64, x1: f64, y1: f64, x2: f64, y2: f64) -> (f64, f64) {
    let dx = x2 - x1;
    let dy = y2 - y1;
    let d = (dx * dx + dy * dy).sqrt();
    (thickness * dy / d, -thickness * dx / d)
}

/// `agg::dilate_triangle`: the six vertices of the bevelled, dilated triangle.
fn dilate_triangle(p: [(f64, f64); 3], d: f64) -> [(f64, f64); 6] {
    let [(x1, y1), (x2, y2), (x3, y3)] = p;
    let (mut d1, mut d2, mut d3) = ((0.0, 0.0), (0.0, 0.0), (0.0, 0.0));
    let loc = cross_product(x1, y1, x2, y2, x3, y3);
    if loc.abs() > INTERSECTION_EPSILON {
        let d = if cross_product(x1, y1, x2, y2, x3, y3) > 0.0 {
            -d
        } else {
            d
        };
        d1 = calc_orthogonal(d, x1, y1, x2, y2);
        d2 = calc_orthogonal(d, x2, y2, x3, y3);
        d3 = calc_orthogonal(d, x3, y3, x1, y1);
    }
    [
        (x1 + d1.0, y1 + d1.1),
        (x2 + d1.0, y2 + d1.1),
        (x2 + d2.0, y2 + d2.1),
        (x3 + d2.0, y3 + d2.1),
        (x3 + d3.0, y3 + d3.1),
        (x1 + d3.0, y1 + d3.1),
    ]
}

/// `agg::calc_intersection` of lines a-b and c-d.
fn calc_intersection(
    a: (f64, f64),
    b: (f64, f64),
    c: (f64, f64),
    d: (f64, f64),
) -> Option<(f64, f64)> {
    let num = (a.1 - c.1) * (d.0 - c.0) - (a.0 - c.0) * (d.1 - c.1);
    let den = (b.0 - a.0) * (d.1 - c.1) - (b.1 - a.1) * (d.0 - c.0);
    if den.abs() < INTERSECTION_EPSILON {
        return None;
    }
    let r = num / den;
    Some((a.0 + r * (b.0 - a.0), a.1 + r * (b.1 - a.1)))
}

#[derive(Clone, Copy)]
struct Coord {
    x: f64,
    y: f64,
    c: [u8; 4],
}

/// `span_gouraud_rgba::rgba_calc`.
#[derive(Default, Clone, Copy)]
struct Calc {
    x1: f64,
    y1: f64,
    dx: f64,
    inv_dy: f64,
    c1: [i32; 4],
    dc: [i32; 4],
    c: [i32; 4],
    x: i32,
}

impl Calc {
    fn new(a: &Coord, b: &Coord) -> Calc {
        let dy = b.y - a.y;
        let c1 = a.c.map(i32::from);
        let mut dc = [0; 4];
        for i in 0..4 {
            dc[i] = i32::from(b.c[i]) - c1[i];
        }
        Calc {
            x1: a.x - 0.5,
            y1: a.y - 0.5,
            dx: b.x - a.x,
            inv_dy: if dy < 1e-5 { 1e5 } else { 1.0 / dy },
            c1,
            dc,
            ..Calc::default()
        }
    }

    fn calc(&mut self, y: f64) {
        let k = ((y - self.y1) * self.inv_dy).clamp(0.0, 1.0);
        for i in 0..4 {
            self.c[i] = self.c1[i] + iround(f64::from(self.dc[i]) * k);
        }
        self.x = iround((self.x1 + self.dx * k) * f64::from(SUBPIXEL_SCALE));
    }
}

/// `span_gouraud_rgba` after `prepare()`.
struct SpanGouraud {
    swap: bool,
    y2: i32,
    calcs: [Calc; 3],
}

impl SpanGouraud {
    fn new(coord: [Coord; 3]) -> SpanGouraud {
        // arrange_vertices: sorted by y.
        let mut c = coord;
        if coord[0].y > coord[2].y {
            c[0] = coord[2];
            c[2] = coord[0];
        }
        if c[0].y > c[1].y {
            c.swap(0, 1);
        }
        if c[1].y > c[2].y {
            c.swap(1, 2);
        }
        SpanGouraud {
            y2: c[1].y as i32,
            swap: cross_product(c[0].x, c[0].y, c[2].x, c[2].y, c[1].x, c[1].y) < 0.0,
            calcs: [
                Calc::new(&c[0], &c[2]),
                Calc::new(&c[0], &c[1]),
                Calc::new(&c[1], &c[2]),
            ],
        }
    }

    /// `generate(span, x, y, len)`, one colour per pixel into `out`.
    fn generate(&mut self, out: &mut Vec<[u8; 4]>, x: i32, y: i32, len: usize) {
        out.clear();
        self.calcs[0].calc(f64::from(y));
        let second = if y <= self.y2 {
            let dy = self.calcs[1].inv_dy;
            self.calcs[1].calc(f64::from(y) + dy);
            1
        } else {
            let dy = self.calcs[2].inv_dy;
            self.calcs[2].calc(f64::from(y) - dy);
            2
        };
        let (mut p1, mut p2) = (&self.calcs[0], &self.calcs[second]);
        if self.swap {
            std::mem::swap(&mut p1, &mut p2);
        }
        let mut nlen = (p2.x.wrapping_sub(p1.x)).wrapping_abs();
        if nlen <= 0 {
            nlen = 1;
        }
        // dda_line_interpolator<14>: m_y, m_inc, m_dy (wrapping, as Agg's int/unsigned mix).
        let mut inc = [0i32; 4];
        for (i, v) in inc.iter_mut().enumerate() {
            *v = (p2.c[i].wrapping_sub(p1.c[i]).wrapping_shl(14)) / nlen;
        }
        let base = p1.c;
        let mut start = p1.x.wrapping_sub(x.wrapping_shl(SUBPIXEL_SHIFT as u32));
        let mut dy = [0i32; 4];
        for i in 0..4 {
            dy[i] = dy[i].wrapping_sub((inc[i] as u32).wrapping_mul(start as u32) as i32);
        }
        nlen = nlen.wrapping_add(start);
        let value = |dy: &[i32; 4], i: usize| base[i].wrapping_add(dy[i] >> 14);
        let clamped = |dy: &[i32; 4]| {
            let mut c = [0u8; 4];
            for (i, v) in c.iter_mut().enumerate() {
                *v = value(dy, i).clamp(0, 255) as u8;
            }
            c
        };
        let step = |dy: &mut [i32; 4]| {
            for i in 0..4 {
                dy[i] = dy[i].wrapping_add(inc[i].wrapping_mul(SUBPIXEL_SCALE));
            }
        };
        let mut left = len;
        while left > 0 && start > 0 {
            out.push(clamped(&dy));
            step(&mut dy);
            nlen = nlen.wrapping_sub(SUBPIXEL_SCALE);
            start = start.wrapping_sub(SUBPIXEL_SCALE);
            left -= 1;
        }
        while left > 0 && nlen > 0 {
            let mut c = [0u8; 4];
            for (i, v) in c.iter_mut().enumerate() {
                *v = value(&dy, i) as u8;
            }
            out.push(c);
            step(&mut dy);
            nlen = nlen.wrapping_sub(SUBPIXEL_SCALE);
            left -= 1;
        }
        while left > 0 {
            out.push(clamped(&dy));
            step(&mut dy);
            left -= 1;
        }
    }
}

/// Agg's `span_gouraud::triangle(.., d = 0.5)`: the polygon to rasterize and the (miter)
/// vertices the colours are interpolated between.
fn dilated(t: &GouraudTriangle) -> ([(f64, f64); 6], [Coord; 3]) {
    let p = t.points;
    let mut coord = [0, 1, 2].map(|i| Coord {
        x: p[i].0,
        y: p[i].1,
        c: t.colors[i],
    });
    let v = dilate_triangle(p, 0.5);
    let pairs = [(4, 5, 0, 1), (0, 1, 2, 3), (2, 3, 4, 5)];
    for (k, &(a, b, c, d)) in pairs.iter().enumerate() {
        if let Some((x, y)) = calc_intersection(v[a], v[b], v[c], v[d]) {
            coord[k].x = x;
            coord[k].y = y;
        }
    }
    (v, coord)
}

impl Band<'_> {
    /// `RendererAgg::draw_gouraud_triangles` (no clip path).
    pub(super) fn draw_gouraud(
        &mut self,
        ras: &mut Rasterizer,
        triangles: &[GouraudTriangle],
        clip: Option<&ClipBox>,
    ) {
        let (x1, y1, x2, y2) = agg_clip_rect(clip, self.width, self.height);
        ras.clip_box(Some((x1 as f64, y1 as f64, x2 as f64, y2 as f64)));
        let mut colors = Vec::new();
        for t in triangles {
            let (poly, coord) = dilated(t);
            ras.reset();
            ras.move_to_d(poly[0].0, poly[0].1);
            for &(x, y) in &poly[1..] {
                ras.line_to_d(x, y);
            }
            let mut span_gen = SpanGouraud::new(coord);
            let (y0, y1, w) = (self.y0, self.y1, self.width as i64);
            let mut spans = Vec::new();
            ras.sweep(|y, x, len, cover| {
                if y >= y0 && y < y1 {
                    spans.push((y, x, len, cover));
                }
            });
            for (y, x, len, cover) in spans {
                let (Ok(xi), Ok(yi), Ok(n)) =
                    (i32::try_from(x), i32::try_from(y), usize::try_from(len))
                else {
                    continue;
                };
                span_gen.generate(&mut colors, xi, yi, n);
                let row = self.row(y);
                for (k, &c) in colors.iter().enumerate() {
                    let px = x + k as i64;
                    if px < 0 || px >= w {
                        continue;
                    }
                    let d = row + px as usize * 4;
                    super::blend::copy_or_blend(&mut self.data[d..d + 4], c, cover);
                }
            }
        }
        ras.clip_box(None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dilation_moves_each_edge_out_by_half_a_pixel() {
        let v = dilate_triangle([(0.0, 0.0), (10.0, 0.0), (0.0, 10.0)], 0.5);
        // Edge (0,0)-(10,0) moves to y = -0.5 (outwards, away from the third vertex).
        assert_eq!(v[0], (0.0, -0.5));
        assert_eq!(v[1], (10.0, -0.5));
        assert_eq!(v[5], (-0.5, 0.0));
    }

    #[test]
    fn one_colour_triangle_spans_are_that_colour() {
        let t = GouraudTriangle {
            points: [(1.0, 1.0), (20.0, 2.0), (5.0, 15.0)],
            colors: [[10, 20, 30, 255]; 3],
        };
        let (_, coord) = dilated(&t);
        let mut g = SpanGouraud::new(coord);
        let mut out = Vec::new();
        for y in 0..17 {
            g.generate(&mut out, -2, y, 30);
            assert!(out.iter().all(|c| *c == [10, 20, 30, 255]), "{y}: {out:?}");
        }
    }
}
