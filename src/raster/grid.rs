//! A canvas-sized accumulator for the rasterizer's cells: when a clipped path produces more
//! cells than the clip box has pixels (a long unsimplified line), the cells are summed into
//! this grid instead of being kept in a list, so memory is bounded by the clip box, not by
//! the path. Cells of one pixel only add up, and the sweep below walks a row's cells left
//! to right as Agg's `sweep_scanline` does, so the coverage is the same.

/// Per-pixel sums of cell cover and area over a rectangle of cells.
#[derive(Debug)]
pub(crate) struct Grid {
    x0: i64,
    y0: i64,
    w: usize,
    h: usize,
    cover: Vec<i64>,
    area: Vec<i64>,
}

impl Grid {
    /// A zeroed grid for cells (x, y) with `x0 <= x <= x1`, `y0 <= y <= y1`; `None` when the
    /// memory cannot be had.
    pub(crate) fn new(x0: i64, y0: i64, x1: i64, y1: i64) -> Option<Grid> {
        let w = usize::try_from(x1.checked_sub(x0)?.checked_add(1)?).ok()?;
        let h = usize::try_from(y1.checked_sub(y0)?.checked_add(1)?).ok()?;
        let n = w.checked_mul(h)?;
        let mut cover = Vec::new();
        let mut area = Vec::new();
        cover.try_reserve_exact(n).ok()?;
        area.try_reserve_exact(n).ok()?;
        cover.resize(n, 0);
        area.resize(n, 0);
        Some(Grid {
            x0,
            y0,
            w,
            h,
            cover,
            area,
        })
    }

    /// Adds one cell's cover and area (cells outside the grid cannot carry coverage when the
    /// rasterizer clips to the same box, and are dropped).
    #[inline]
    pub(crate) fn add(&mut self, x: i64, y: i64, cover: i64, area: i64) {
        let (dx, dy) = (x - self.x0, y - self.y0);
        if dx >= 0 && dy >= 0 && (dx as usize) < self.w && (dy as usize) < self.h {
            let i = dy as usize * self.w + dx as usize;
            self.cover[i] += cover;
            self.area[i] += area;
        }
    }

    /// Every pixel's non-zero sums as a cell `(x, y, cover, area)`.
    pub(crate) fn cells(&self) -> impl Iterator<Item = (i64, i64, i64, i64)> + '_ {
        (0..self.w * self.h).filter_map(move |i| {
            let (c, a) = (self.cover[i], self.area[i]);
            (c != 0 || a != 0).then(|| {
                (
                    self.x0 + (i % self.w) as i64,
                    self.y0 + (i / self.w) as i64,
                    c,
                    a,
                )
            })
        })
    }

    /// The sweep: for each row, pixels up to the row's last non-zero cell get
    /// `alpha((cover_sum << 9) - area)`; runs of equal non-zero coverage are merged.
    pub(crate) fn sweep(&self, alpha: impl Fn(i64) -> u8, mut span: impl FnMut(i64, i64, i64, u8)) {
        for row in 0..self.h {
            let cov = &self.cover[row * self.w..(row + 1) * self.w];
            let area = &self.area[row * self.w..(row + 1) * self.w];
            let Some(last) = (0..self.w).rev().find(|&i| cov[i] != 0 || area[i] != 0) else {
                continue;
            };
            let y = self.y0 + row as i64;
            let mut acc = 0i64;
            let mut run: Option<(i64, i64, u8)> = None;
            for i in 0..=last {
                acc += cov[i];
                let a = alpha((acc << 9) - area[i]);
                let x = self.x0 + i as i64;
                match run {
                    Some((rx, len, ra)) if ra == a && rx + len == x => {
                        run = Some((rx, len + 1, ra))
                    }
                    _ => {
                        if let Some((rx, len, ra)) = run.take() {
                            span(y, rx, len, ra);
                        }
                        if a != 0 {
                            run = Some((x, 1, a));
                        }
                    }
                }
            }
            if let Some((rx, len, ra)) = run {
                span(y, rx, len, ra);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::cells::Rasterizer;
    use proptest::prelude::*;

    fn coverage(r: &mut Rasterizer, w: usize, h: usize) -> Vec<u8> {
        let mut out = vec![0u8; w * h];
        r.sweep(|y, x, len, a| {
            for xx in x..x + len {
                if (0..w as i64).contains(&xx) && (0..h as i64).contains(&y) {
                    out[y as usize * w + xx as usize] = a;
                }
            }
        });
        out
    }

    proptest! {
        /// Summing cells into the grid gives the coverage of the sorted cell list, for
        /// clipped, overlapping, self-intersecting contours.
        #[test]
        fn grid_sweep_is_the_cell_sweep(
            contours in prop::collection::vec(
                prop::collection::vec((-10.0..50.0f64, -10.0..40.0f64), 3..12),
                1..5,
            ),
        ) {
            let draw = |r: &mut Rasterizer| {
                r.clip_box(Some((0.0, 0.0, 40.0, 30.0)));
                for c in &contours {
                    r.move_to_d(c[0].0, c[0].1);
                    for p in &c[1..] {
                        r.line_to_d(p.0, p.1);
                    }
                }
            };
            let mut list = Rasterizer::new();
            draw(&mut list);
            let mut grid = Rasterizer::new();
            draw(&mut grid);
            grid.fold_every_cell();
            prop_assert_eq!(coverage(&mut list, 41, 31), coverage(&mut grid, 41, 31));
        }
    }
}
