//! A clip-box-sized accumulator for the rasterizer's cells: each cell's cover and area are
//! added to its pixel's sums instead of being kept in a list. Used when a clipped path
//! produces more cells than the clip box has pixels (a long unsimplified line: memory is
//! then bounded by the clip box, not by the path), and from the start for a long stroke's
//! outline (no list, no bucketing by rows, no per-row summing at the sweep). Cells of one
//! pixel only add up, and the sweep below walks a row's pixels left to right as Agg's
//! `sweep_scanline` walks its cells, so the coverage is the same.
//!
//! The sums are kept zero outside each row's touched columns, and the sweep (or
//! [`Grid::clear`]) zeroes what it read, so a grid is reused render after render without
//! being cleared whole.

/// Per-pixel sums of cell cover and area over a rectangle of cells, with each row's touched
/// columns.
#[derive(Debug, Default)]
pub(crate) struct Grid {
    x0: i64,
    y0: i64,
    w: usize,
    h: usize,
    /// (cover, area) sums, row by row (`w * h` of them, zero outside `rows`' ranges).
    sums: Vec<[i64; 2]>,
    /// Each row's touched columns `lo..=hi` (`lo > hi`: none).
    rows: Vec<(usize, usize)>,
}

/// A row with no touched column.
const UNTOUCHED: (usize, usize) = (usize::MAX, 0);

impl Grid {
    /// A zeroed grid for cells (x, y) with `x0 <= x <= x1`, `y0 <= y <= y1`, reusing the
    /// memory of `spare` (a cleared grid) if given; `None` when the memory cannot be had.
    pub(crate) fn fit(spare: Option<Grid>, x0: i64, y0: i64, x1: i64, y1: i64) -> Option<Grid> {
        let w = usize::try_from(x1.checked_sub(x0)?.checked_add(1)?).ok()?;
        let h = usize::try_from(y1.checked_sub(y0)?.checked_add(1)?).ok()?;
        let n = w.checked_mul(h)?;
        let mut g = spare.unwrap_or_default();
        g.sums
            .try_reserve_exact(n.saturating_sub(g.sums.len()))
            .ok()?;
        g.rows
            .try_reserve_exact(h.saturating_sub(g.rows.len()))
            .ok()?;
        // A cleared grid's sums are all zero, so any shape over them is zeroed.
        g.sums.resize(n.max(g.sums.len()), [0, 0]);
        g.rows.clear();
        g.rows.resize(h, UNTOUCHED);
        (g.x0, g.y0, g.w, g.h) = (x0, y0, w, h);
        Some(g)
    }

    /// The bytes it holds.
    pub(crate) fn bytes(&self) -> usize {
        self.sums.capacity() * std::mem::size_of::<[i64; 2]>()
            + self.rows.capacity() * std::mem::size_of::<(usize, usize)>()
    }

    /// Adds one cell's cover and area (cells outside the grid cannot carry coverage when the
    /// rasterizer clips to the same box, and are dropped).
    #[inline(always)]
    pub(crate) fn add(&mut self, x: i64, y: i64, cover: i64, area: i64) {
        let (dx, dy) = (
            x.wrapping_sub(self.x0) as u64,
            y.wrapping_sub(self.y0) as u64,
        );
        if dx < self.w as u64 && dy < self.h as u64 {
            let (dx, dy) = (dx as usize, dy as usize);
            if let Some(s) = self.sums.get_mut(dy * self.w + dx) {
                s[0] += cover;
                s[1] += area;
            }
            if let Some(r) = self.rows.get_mut(dy) {
                *r = (r.0.min(dx), r.1.max(dx));
            }
        }
    }

    /// Adds every sum of `o` (which is left cleared); `false`, and nothing done, when the
    /// two grids have different shapes.
    pub(crate) fn absorb(&mut self, o: &mut Grid) -> bool {
        if (self.x0, self.y0, self.w, self.h) != (o.x0, o.y0, o.w, o.h) {
            return false;
        }
        for (r, (&(lo, hi), mine)) in o.rows.iter().zip(self.rows.iter_mut()).enumerate() {
            if lo > hi {
                continue;
            }
            let (a, b) = (r * self.w + lo, r * self.w + hi + 1);
            for (d, s) in self.sums[a..b].iter_mut().zip(&mut o.sums[a..b]) {
                d[0] += s[0];
                d[1] += s[1];
                *s = [0, 0];
            }
            *mine = (mine.0.min(lo), mine.1.max(hi));
        }
        o.rows.fill(UNTOUCHED);
        true
    }

    /// Zeroes every touched sum.
    pub(crate) fn clear(&mut self) {
        for (r, row) in self.rows.iter_mut().enumerate() {
            if row.0 <= row.1 {
                self.sums[r * self.w + row.0..=r * self.w + row.1].fill([0, 0]);
            }
            *row = UNTOUCHED;
        }
    }

    /// Every pixel's non-zero sums as a cell `(x, y, cover, area)`.
    pub(crate) fn cells(&self) -> impl Iterator<Item = (i64, i64, i64, i64)> + '_ {
        self.rows
            .iter()
            .enumerate()
            .filter(|(_, &(lo, hi))| lo <= hi)
            .flat_map(move |(r, &(lo, hi))| {
                (lo..=hi).filter_map(move |i| {
                    let [c, a] = self.sums[r * self.w + i];
                    (c != 0 || a != 0).then(|| (self.x0 + i as i64, self.y0 + r as i64, c, a))
                })
            })
    }

    /// The sweep, which clears the grid: in each row, the pixels up to the row's last one
    /// with non-zero sums get `alpha((cover_sum << 9) - area)`, that last one only if its
    /// area is not 0 (as Agg's sweep gives a row's last cell); runs of equal non-zero
    /// coverage are given as one span.
    pub(crate) fn sweep(&mut self, alpha: impl Fn(i64) -> u8, span: impl FnMut(i64, i64, i64, u8)) {
        let (x0, y0, w) = (self.x0, self.y0, self.w);
        sweep_rows(
            &mut self.rows,
            &mut self.sums,
            None,
            (x0, y0, w),
            &alpha,
            span,
        );
    }

    /// Whether `o` has this grid's shape (its sums can be added to these).
    pub(crate) fn same_shape(&self, o: &Grid) -> bool {
        (self.x0, self.y0, self.w, self.h) == (o.x0, o.y0, o.w, o.h)
    }

    /// The first row (in cell coordinates) of the lower of two parts of about equal work
    /// for [`Grid::sweep_pair`] (touched pixels of this grid and `o`).
    pub(crate) fn middle_row(&self, o: &Grid) -> i64 {
        let width = |&(lo, hi): &(usize, usize)| if lo > hi { 0 } else { hi - lo + 1 };
        let work: Vec<usize> = self
            .rows
            .iter()
            .zip(&o.rows)
            .map(|(a, b)| width(a) + width(b))
            .collect();
        let total: usize = work.iter().sum();
        let mut acc = 0;
        let k = work
            .iter()
            .position(|&n| {
                acc += n;
                2 * acc >= total
            })
            .unwrap_or(0);
        self.y0 + k as i64
    }

    /// [`Grid::absorb`] of `o` (same shape, see [`Grid::same_shape`]; left cleared) and
    /// [`Grid::sweep`], the rows above `y` into `top` and the others into `bottom`, the two
    /// parts on two threads. Each row gets the sums and sweep of `absorb` + `sweep`.
    pub(crate) fn sweep_pair(
        &mut self,
        o: &mut Grid,
        y: i64,
        alpha: &(impl Fn(i64) -> u8 + Sync),
        top: impl FnMut(i64, i64, i64, u8) + Send,
        bottom: impl FnMut(i64, i64, i64, u8) + Send,
    ) {
        let (x0, y0, w) = (self.x0, self.y0, self.w);
        let k = (y.saturating_sub(y0).max(0) as usize)
            .min(self.rows.len())
            .min(o.rows.len());
        let (r1, r2) = self.rows.split_at_mut(k);
        let at = (k * w).min(self.sums.len());
        let (s1, s2) = self.sums.split_at_mut(at);
        let (or1, or2) = o.rows.split_at_mut(k);
        let at = (k * w).min(o.sums.len());
        let (os1, os2) = o.sums.split_at_mut(at);
        crate::pool::join(
            || sweep_rows(r1, s1, Some((or1, os1)), (x0, y0, w), alpha, top),
            || {
                sweep_rows(
                    r2,
                    s2,
                    Some((or2, os2)),
                    (x0, y0 + k as i64, w),
                    alpha,
                    bottom,
                )
            },
        );
    }
}

/// Some rows of a grid: their touched columns and their sums.
type RowsAndSums<'a> = (&'a mut [(usize, usize)], &'a mut [[i64; 2]]);

/// The sweep of [`Grid::sweep`] over rows `rows` (first at cell row `y0`) of sums `sums`
/// (`w` a row, first column `x0`), clearing them; with `other`, another grid's same rows
/// are first added into them (and cleared).
fn sweep_rows(
    rows: &mut [(usize, usize)],
    sums: &mut [[i64; 2]],
    mut other: Option<RowsAndSums<'_>>,
    (x0, y0, w): (i64, i64, usize),
    alpha: &impl Fn(i64) -> u8,
    mut span: impl FnMut(i64, i64, i64, u8),
) {
    for (r, row) in rows.iter_mut().enumerate() {
        let (mut lo, mut hi) = std::mem::replace(row, UNTOUCHED);
        if let Some((orows, osums)) = other.as_mut() {
            if let Some(orow) = orows.get_mut(r) {
                let (olo, ohi) = std::mem::replace(orow, UNTOUCHED);
                if olo <= ohi {
                    let (a, b) = (r * w + olo, r * w + ohi + 1);
                    if let (Some(d), Some(s)) = (sums.get_mut(a..b), osums.get_mut(a..b)) {
                        for (d, s) in d.iter_mut().zip(s) {
                            d[0] += s[0];
                            d[1] += s[1];
                            *s = [0, 0];
                        }
                    }
                    (lo, hi) = (lo.min(olo), hi.max(ohi));
                }
            }
        }
        if lo > hi {
            continue;
        }
        let Some(sums) = sums.get_mut(r * w + lo..=r * w + hi) else {
            continue;
        };
        let Some(last) = sums.iter().rposition(|s| *s != [0, 0]) else {
            continue;
        };
        let y = y0 + r as i64;
        let x_lo = x0 + lo as i64;
        let mut cover = 0i64;
        let mut runs = super::cells::Runs::new(y, x_lo);
        for (i, s) in sums[..=last].iter_mut().enumerate() {
            let [cv, area] = std::mem::take(s);
            cover += cv;
            let a = if area != 0 || i < last {
                alpha((cover << 9) - area)
            } else {
                0
            };
            runs.push(x_lo + i as i64, a, &mut span);
        }
        runs.end(x_lo + last as i64 + 1, &mut span);
        sums[last..].fill([0, 0]);
    }
}
#[cfg(test)]
mod tests {
    use super::super::cells::Rasterizer;
    use proptest::prelude::*;

    /// Writes a swept span into a `w`-wide coverage image, dropping what falls outside.
    fn put(out: &mut [u8], w: usize, y: i64, x: i64, len: i64, a: u8) {
        let h = out.len() / w;
        for xx in x..x + len {
            if (0..w as i64).contains(&xx) && (0..h as i64).contains(&y) {
                out[y as usize * w + xx as usize] = a;
            }
        }
    }

    fn coverage(r: &mut Rasterizer, w: usize, h: usize) -> Vec<u8> {
        let mut out = vec![0u8; w * h];
        r.sweep(|y, x, len, a| put(&mut out, w, y, x, len, a));
        out
    }

    /// One contour: a move to its first point and lines through the rest.
    fn draw(r: &mut Rasterizer, c: &[(f64, f64)]) {
        r.move_to_d(c[0].0, c[0].1);
        for p in &c[1..] {
            r.line_to_d(p.0, p.1);
        }
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
            let draw_all = |r: &mut Rasterizer| {
                r.clip_box(Some((0.0, 0.0, 40.0, 30.0)));
                for c in &contours {
                    draw(r, c);
                }
            };
            let mut list = Rasterizer::new();
            draw_all(&mut list);
            let mut grid = Rasterizer::new();
            draw_all(&mut grid);
            grid.fold_every_cell();
            prop_assert_eq!(coverage(&mut list, 41, 31), coverage(&mut grid, 41, 31));
        }

        /// Two rasterizers' grids, one absorbed by the other and swept in two parts of rows
        /// (`sweep_halves`, at the balanced row or any other), cover every pixel as one
        /// rasterizer given both contours does; then reused, they start from zero.
        #[test]
        fn paired_grids_swept_in_halves(
            a in prop::collection::vec((-10.0..50.0f64, -10.0..40.0f64), 3..12),
            b in prop::collection::vec((-10.0..50.0f64, -10.0..40.0f64), 3..12),
            cut in prop::option::of(-3..35i64),
        ) {
            let clip = (0.0, 0.0, 40.0, 30.0);
            let mut list = Rasterizer::new();
            list.clip_box(Some(clip));
            draw(&mut list, &a);
            draw(&mut list, &b);
            let want = coverage(&mut list, 41, 31);
            let mut r = Rasterizer::new();
            let mut other = Rasterizer::new();
            for _ in 0..3 {
                r.clip_box(Some(clip));
                r.sum_into_grid();
                draw(&mut r, &a);
                other.reset_like(&r);
                other.sum_into_grid();
                draw(&mut other, &b);
                r.absorb(&mut other);
                let y = match cut {
                    Some(y) => y,
                    None => r.halves_row().unwrap_or(15),
                };
                let (mut top, mut bottom) = (vec![0u8; 41 * 31], vec![0u8; 41 * 31]);
                r.sweep_halves(
                    y,
                    |yy, x, len, c| {
                        assert!(yy < y);
                        put(&mut top, 41, yy, x, len, c)
                    },
                    |yy, x, len, c| {
                        assert!(yy >= y);
                        put(&mut bottom, 41, yy, x, len, c)
                    },
                );
                let got: Vec<u8> = top.iter().zip(&bottom).map(|(t, b)| t | b).collect();
                prop_assert_eq!(&got, &want);
                r.reset();
            }
        }

        /// A kept rasterizer's grid, reused after a sweep, a reset or a new clip box (its
        /// memory kept, not cleared whole), sums only the new cells; a grid handed to
        /// another (`absorb`) adds its sums.
        #[test]
        fn reused_grids_start_from_zero(
            a in prop::collection::vec((-10.0..50.0f64, -10.0..40.0f64), 3..12),
            b in prop::collection::vec((-10.0..50.0f64, -10.0..40.0f64), 3..12),
            small in any::<bool>(),
        ) {
            let clip = if small { (3.0, 2.0, 20.0, 30.0) } else { (0.0, 0.0, 40.0, 30.0) };
            let mut list = Rasterizer::new();
            list.clip_box(Some(clip));
            draw(&mut list, &a);
            draw(&mut list, &b);
            let want = coverage(&mut list, 41, 31);
            let mut r = Rasterizer::new();
            let mut other = Rasterizer::new();
            for clip_first in [(0.0, 0.0, 40.0, 30.0), (1.0, 5.0, 33.0, 17.0)] {
                r.clip_box(Some(clip_first));
                r.sum_into_grid();
                draw(&mut r, &b);
                coverage(&mut r, 41, 31);
                r.sum_into_grid();
                draw(&mut r, &a);
                r.reset();
                other.clip_box(Some(clip_first));
                other.sum_into_grid();
                draw(&mut other, &a);
                other.reset();
            }
            r.clip_box(Some(clip));
            r.sum_into_grid();
            draw(&mut r, &a);
            other.reset_like(&r);
            other.sum_into_grid();
            draw(&mut other, &b);
            r.absorb(&mut other);
            prop_assert_eq!(coverage(&mut r, 41, 31), want);
        }
    }
}
