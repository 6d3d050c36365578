//! How a canvas starts: the background colour and the opaque rectangles drawn first (the
//! figure's and the Axes' patches) written in one pass over the memory (issue 21: on a
//! 3840 x 2160 canvas, 33 MB, the fill and the Axes patch over 20 MB of it were written
//! one after the other; with the kernel's page faults behind the fresh allocation they
//! were ~45% of a one-thread render of that figure). Memory given back from a previous
//! frame ([`crate::Renderer::render_into`]) is written over by every thread.
//!
//! An opaque [`DrawOp::Rect`] is a copy of its colour onto every pixel of its rectangle
//! (clipped to the canvas), so painting the background and then such rectangles in order,
//! pixel by pixel, gives the canvas that drawing them as operations gives.

use super::PARALLEL_BAND_BYTES;
use crate::scene::{DrawOp, IRect};
use rayon::prelude::*;

/// Bytes (whole rows at least) a task of [`Start::write_over`] writes.
const TASK_BYTES: usize = 256 << 10;

/// A canvas's first pixels: `color` everywhere, then `rects` in order.
pub(super) struct Start {
    pub color: [u8; 4],
    pub rects: Vec<(IRect, [u8; 4])>,
}

impl Start {
    /// The start of a canvas drawn with `ops[i]`, `i` in `order`, and the operations left
    /// to draw after it: the first operation when it is an opaque rectangle over the whole
    /// `full` canvas gives the colour (else (255, 255, 255, 0), Agg's clear colour), and
    /// the opaque rectangles that follow it are painted too.
    pub(super) fn of<'o>(ops: &[DrawOp], order: &'o [usize], full: &IRect) -> (Start, &'o [usize]) {
        let opaque_rect = |i: &usize| match ops.get(*i) {
            Some(DrawOp::Rect { rect, color }) if color[3] == 255 => Some((*rect, *color)),
            _ => None,
        };
        let (color, mut rest) = match order.split_first() {
            Some((first, rest)) => match opaque_rect(first) {
                Some((rect, color)) if rect.intersect(full) == *full => (color, rest),
                _ => ([255, 255, 255, 0], order),
            },
            None => ([255, 255, 255, 0], order),
        };
        let mut rects = Vec::new();
        while let Some((r, tail)) = rest
            .split_first()
            .and_then(|(i, t)| Some((opaque_rect(i)?, t)))
        {
            rects.push(r);
            rest = tail;
        }
        (Start { color, rects }, rest)
    }

    /// Pixels `x..x + out.len()` of row `y`.
    fn row_part(&self, y: i64, x: i64, out: &mut [[u8; 4]]) {
        out.fill(self.color);
        let n = out.len() as i64;
        for (r, c) in &self.rects {
            if (r.y0..r.y1).contains(&y) {
                let a = (r.x0 - x).clamp(0, n) as usize;
                let b = (r.x1 - x).clamp(0, n) as usize;
                if a < b {
                    out[a..b].fill(*c);
                }
            }
        }
    }

    /// The canvas's rows: rows between the same rectangle edges are equal, so each run of
    /// them is one template row.
    fn rows(&self, width: usize, height: usize) -> Rows {
        let h = height as i64;
        let mut edges: Vec<i64> = vec![0, h];
        for (r, _) in &self.rects {
            edges.extend([r.y0.clamp(0, h), r.y1.clamp(0, h)]);
        }
        edges.sort_unstable();
        edges.dedup();
        let mut templates = Vec::with_capacity(edges.len());
        let mut class = Vec::with_capacity(height);
        for (k, w) in edges.windows(2).enumerate() {
            let mut row = vec![self.color; width];
            self.row_part(w[0], 0, &mut row);
            templates.push(row);
            class.extend(std::iter::repeat_n(k, (w[1] - w[0]) as usize));
        }
        Rows { templates, class }
    }

    /// The `width` x `height` canvas's bytes in a fresh allocation, row after row by this
    /// thread (which runs beside the images' resampling). Measured on the 3840 x 2160
    /// figure: filled in parallel, on huge pages or not, the fresh canvas took more CPU
    /// time than on one thread (the OS clears each new page at its first write; two
    /// threads faulting pages of one allocation contend for it). Filled by one thread, a
    /// large canvas on transparent huge pages ([`crate::cpu::vec_with_capacity`]) takes
    /// ~16 page faults instead of ~8,100 where the allocation is a fresh mapping every
    /// render (seen with one rayon thread: its malloc arena's heap is unmapped when the
    /// caller drops the frame): 3840 x 2160, one thread, 35-41 -> 22-26 CPU ms a render
    /// (sixth session, docs/performance-log.md).
    pub(super) fn fresh(&self, width: usize, height: usize, what: &str) -> crate::Result<Vec<u8>> {
        let mut data: Vec<u8> = crate::cpu::vec_with_capacity(width * height * 4, what)?;
        let rows = self.rows(width, height);
        for &c in &rows.class {
            if let Some(t) = rows.templates.get(c) {
                data.extend_from_slice(t.as_flattened());
            }
        }
        Ok(data)
    }

    /// [`Start::fresh`] written by every thread (the OS's clearing of the new pages too),
    /// for a render that waits for the canvas's first pass (an image written straight
    /// into it next): on huge pages the two threads take ~16 page faults, not thousands.
    pub(super) fn fresh_parallel(
        &self,
        width: usize,
        height: usize,
        what: &str,
    ) -> crate::Result<Vec<u8>> {
        let rows = self.rows(width, height);
        let stride = width * 4;
        let rows_per_task = (TASK_BYTES / stride.max(1)).max(1);
        let row = |y: usize| {
            rows.class
                .get(y)
                .and_then(|&c| rows.templates.get(c))
                .map_or(&[][..], |t| t.as_flattened())
        };
        crate::cpu::rows_vec(height, stride, rows_per_task, row, what)
    }

    /// The canvas's bytes written over `data` (`width` pixels a row, whole rows), by every
    /// thread when large.
    pub(super) fn write_over(&self, data: &mut [u8], width: usize) {
        let stride = width * 4;
        if stride == 0 {
            return;
        }
        let rows = self.rows(width, data.len() / stride);
        let write = |(first, part): (usize, &mut [u8])| {
            for (i, row) in part.chunks_exact_mut(stride).enumerate() {
                if let Some(t) = rows
                    .class
                    .get(first + i)
                    .and_then(|&c| rows.templates.get(c))
                {
                    row.copy_from_slice(t.as_flattened());
                }
            }
        };
        let rows_per_task = (TASK_BYTES / stride).max(1);
        if data.len() >= PARALLEL_BAND_BYTES && rayon::current_num_threads() > 1 {
            data.par_chunks_mut(rows_per_task * stride)
                .enumerate()
                .for_each(|(k, part)| write((k * rows_per_task, part)));
        } else {
            write((0, data));
        }
    }
}

/// A canvas's rows as [`Start::rows`] makes them: row `y` is `templates[class[y]]`.
struct Rows {
    templates: Vec<Vec<[u8; 4]>>,
    class: Vec<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raster::Canvas;
    use crate::scene::DrawList;

    fn rect(x0: i64, y0: i64, x1: i64, y1: i64, color: [u8; 4]) -> DrawOp {
        DrawOp::Rect {
            rect: IRect { x0, y0, x1, y1 },
            color,
        }
    }

    /// Every way of starting equals drawing the operations on a cleared canvas.
    #[test]
    fn starts_as_drawn() {
        let sizes = [(1, 1), (3, 2), (17, 5), (300, 400), (1000, 70), (5, 1000)];
        for (w, h) in sizes {
            let (wi, hi) = (w as i64, h as i64);
            let lists = [
                vec![],
                vec![rect(0, 0, wi, hi, [1, 2, 3, 255])],
                vec![
                    rect(-2, -1, wi + 3, hi, [1, 2, 3, 255]),
                    rect(1, 1, wi / 2, hi, [9, 8, 7, 255]),
                ],
                vec![
                    rect(0, 0, wi, hi, [1, 2, 3, 255]),
                    rect(1, 0, wi - 1, hi - 1, [4, 5, 6, 255]),
                    rect(-5, hi / 3, wi / 3 + 1, hi + 9, [7, 7, 7, 255]),
                    rect(2, 2, 3, 3, [7, 7, 7, 100]),
                    rect(0, 0, wi, hi, [6, 6, 6, 255]),
                ],
                vec![
                    rect(0, 0, wi - 1, hi, [1, 2, 3, 255]),
                    rect(0, 0, 2, 2, [3, 3, 3, 255]),
                ],
            ];
            for ops in lists {
                let order: Vec<usize> = (0..ops.len()).collect();
                let full = IRect {
                    x0: 0,
                    y0: 0,
                    x1: wi,
                    y1: hi,
                };
                let (start, rest) = Start::of(&ops, &order, &full);
                let mut whole = Canvas::new(w, h);
                whole.draw(&DrawList {
                    width: w,
                    height: h,
                    ops: ops.clone(),
                });
                let mut fresh = Canvas {
                    width: w,
                    height: h,
                    data: start.fresh(w, h, "the test").unwrap(),
                };
                fresh.draw_some(&ops, rest).unwrap();
                assert_eq!(fresh.data, whole.data, "{w} x {h} {ops:?}");
                let mut both = Canvas {
                    width: w,
                    height: h,
                    data: start.fresh_parallel(w, h, "the test").unwrap(),
                };
                both.draw_some(&ops, rest).unwrap();
                assert_eq!(both.data, whole.data, "{w} x {h} {ops:?}");
                let mut over = Canvas {
                    width: w,
                    height: h,
                    data: vec![42; w * h * 4],
                };
                start.write_over(&mut over.data, w);
                over.draw_some(&ops, rest).unwrap();
                assert_eq!(over.data, whole.data, "{w} x {h} {ops:?}");
            }
        }
    }
}
