//! The raster: executes a [`DrawList`] on a straight-alpha RGBA8 canvas with Agg's coverage
//! and blending rules. It knows nothing about axes or figures.

pub mod blend;
pub mod cells;
pub mod stroke;

use crate::scene::{DrawList, DrawOp, IRect, Mask};
use blend::{copy_or_blend, mult};
use cells::Rasterizer;

/// A straight-alpha RGBA8 pixel buffer, top row first.
#[derive(Debug, Clone)]
pub struct Canvas {
    width: usize,
    height: usize,
    data: Vec<u8>,
}

impl Canvas {
    /// A canvas cleared to (255, 255, 255, 0), as Agg clears matplotlib's.
    pub fn new(width: usize, height: usize) -> Self {
        let data = [255u8, 255, 255, 0].repeat(width * height);
        Canvas {
            width,
            height,
            data,
        }
    }

    /// Width in pixels.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Height in pixels.
    pub fn height(&self) -> usize {
        self.height
    }

    /// The pixels, row-major RGBA8.
    pub fn into_data(self) -> Vec<u8> {
        self.data
    }

    fn bounds(&self) -> IRect {
        IRect {
            x0: 0,
            y0: 0,
            x1: self.width as i64,
            y1: self.height as i64,
        }
    }

    /// Blends `len` pixels of row `y` from column `x` with one colour and coverage.
    fn span(&mut self, y: i64, x: i64, len: i64, color: [u8; 4], cover: u8) {
        if y < 0 || y >= self.height as i64 {
            return;
        }
        let x0 = x.max(0);
        let x1 = (x + len).min(self.width as i64);
        if x0 >= x1 {
            return;
        }
        let row = y as usize * self.width * 4;
        let pixels = &mut self.data[row + x0 as usize * 4..row + x1 as usize * 4];
        if color[3] == 255 && cover == 255 {
            // Opaque at full cover: a copy (the common case of patches), as a plain fill.
            for px in pixels.chunks_exact_mut(4) {
                px.copy_from_slice(&color);
            }
        } else {
            for px in pixels.chunks_exact_mut(4) {
                copy_or_blend(px, color, cover);
            }
        }
    }

    fn rect(&mut self, r: &IRect, color: [u8; 4]) {
        let r = r.intersect(&self.bounds());
        for y in r.y0..r.y1 {
            self.span(y, r.x0, r.x1 - r.x0, color, 255);
        }
    }

    fn polygons(
        &mut self,
        ras: &mut Rasterizer,
        contours: &[Vec<(f64, f64)>],
        color: [u8; 4],
        aa: bool,
    ) {
        ras.reset();
        for c in contours {
            ras.polygon(c);
        }
        ras.sweep(|y, x, len, cover| self.span(y, x, len, color, if aa { cover } else { 255 }));
    }

    fn image(
        &mut self,
        left: i64,
        top: i64,
        width: usize,
        height: usize,
        rgba: &[u8],
        clip: &IRect,
    ) {
        let r = IRect {
            x0: left,
            y0: top,
            x1: left + width as i64,
            y1: top + height as i64,
        }
        .intersect(clip)
        .intersect(&self.bounds());
        if r.is_empty() || rgba.len() < width * height * 4 {
            return;
        }
        let n = (r.x1 - r.x0) as usize * 4;
        for y in r.y0..r.y1 {
            let s = (y - top) as usize * width * 4 + (r.x0 - left) as usize * 4;
            let d = y as usize * self.width * 4 + r.x0 as usize * 4;
            let (src, dst) = (&rgba[s..s + n], &mut self.data[d..d + n]);
            if src.chunks_exact(4).all(|c| c[3] == 255) {
                // An opaque row is copied pixel for pixel by copy_or_blend anyway.
                dst.copy_from_slice(src);
            } else {
                for (p, c) in dst.chunks_exact_mut(4).zip(src.chunks_exact(4)) {
                    copy_or_blend(p, [c[0], c[1], c[2], c[3]], 255);
                }
            }
        }
    }

    fn mask(&mut self, m: &Mask, color: [u8; 4]) {
        let r = IRect {
            x0: m.left,
            y0: m.top,
            x1: m.left + m.width as i64,
            y1: m.top + m.height as i64,
        }
        .intersect(&self.bounds());
        for y in r.y0..r.y1 {
            let src_row = (y - m.top) as usize * m.width;
            let dst_row = y as usize * self.width * 4;
            for x in r.x0..r.x1 {
                let cov = m.coverage[src_row + (x - m.left) as usize];
                if cov != 0 {
                    let d = dst_row + x as usize * 4;
                    blend::blend_pix(&mut self.data[d..d + 4], color, mult(color[3], cov));
                }
            }
        }
    }

    /// Executes every operation of `list` in order.
    pub fn draw(&mut self, list: &DrawList) {
        let mut ras = Rasterizer::new();
        for op in &list.ops {
            match op {
                DrawOp::Rect { rect, color } => self.rect(rect, *color),
                DrawOp::Polygons {
                    contours,
                    color,
                    antialiased,
                } => self.polygons(&mut ras, contours, *color, *antialiased),
                DrawOp::Image {
                    left,
                    top,
                    width,
                    height,
                    rgba,
                    clip,
                } => self.image(*left, *top, *width, *height, rgba, clip),
                DrawOp::Masks { masks, color } => {
                    for m in masks {
                        self.mask(m, *color);
                    }
                }
            }
        }
    }
}

/// Rasterizes a draw list into a fresh canvas.
pub fn rasterize(list: &DrawList) -> Canvas {
    let mut canvas = Canvas::new(list.width, list.height);
    canvas.draw(list);
    canvas
}
