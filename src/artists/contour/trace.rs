//! The tracing half of the `mpl2014` port ([`super::mpl2014`]): following contours
//! through the interior and along boundaries, the filled polygons' parent cache, and the
//! two sweeps (`filled`, `lines`) in contourpy's order.

use super::mpl2014::*;

impl Mpl2014 {
    fn set_parent(&mut self, quad: isize, line: usize) {
        if quad < 0 || quad >= self.n {
            return;
        }
        let slot = &mut self.parents[quad as usize];
        if slot.is_none() {
            let l = &self.lines[line];
            *slot = if l.is_hole { l.parent } else { Some(line) };
        }
    }

    fn get_parent(&self, quad: isize) -> Option<usize> {
        let mut index = quad;
        while index >= 0 && index < self.n {
            if let Some(p) = self.parents[index as usize] {
                return Some(p);
            }
            index -= self.nx;
        }
        None
    }

    /// Follows a contour through the interior; `line` is an index into `self.lines`
    /// when parents are tracked (filled), else the points go to `pts`.
    #[allow(clippy::too_many_arguments)]
    fn follow_interior(
        &mut self,
        pts: &mut Vec<(f64, f64)>,
        line: Option<usize>,
        qe: &mut QuadEdge,
        li: u32,
        level: f64,
        want_initial_point: bool,
        start: Option<QuadEdge>,
        start_li: u32,
    ) {
        if want_initial_point {
            self.edge_interp(*qe, level, pts);
        }
        let visited_mask = li_mask(li, MASK_VISITED_1, MASK_VISITED_2);
        let saddle_mask = li_mask(li, MASK_SADDLE_1, MASK_SADDLE_2);
        let mut guard = 0usize;
        loop {
            guard += 1;
            if guard > 4 * self.cache.len() + 16 || self.exists_none(qe.quad) {
                break;
            }
            let quad = qe.quad;
            let (sw, se, nw, ne) = (quad, quad + 1, quad + self.nx, quad + self.nx + 1);
            let dir;
            if self.c(quad) & saddle_mask != 0 {
                dir = if self.saddle_left(quad, li) {
                    Dir::Left
                } else {
                    Dir::Right
                };
                self.set(quad, visited_mask);
            } else if self.exists_any_corner(quad) {
                let opp = match qe.edge {
                    Edge::E => {
                        if self.exists_se(quad) {
                            sw
                        } else {
                            nw
                        }
                    }
                    Edge::N => {
                        if self.exists_nw(quad) {
                            sw
                        } else {
                            se
                        }
                    }
                    Edge::W => {
                        if self.exists_sw(quad) {
                            se
                        } else {
                            ne
                        }
                    }
                    Edge::S => {
                        if self.exists_sw(quad) {
                            nw
                        } else {
                            ne
                        }
                    }
                    Edge::NE => sw,
                    Edge::NW => se,
                    Edge::SW => ne,
                    Edge::SE => nw,
                    Edge::None => sw,
                };
                dir = if (self.z_level(opp) >= li) ^ (li == 2) {
                    Dir::Right
                } else {
                    Dir::Left
                };
                self.set(quad, visited_mask);
            } else {
                let (pl, pr) = match qe.edge {
                    Edge::E => (sw, nw),
                    Edge::N => (se, sw),
                    Edge::W => (ne, se),
                    Edge::S => (nw, ne),
                    _ => (sw, sw),
                };
                let mut config =
                    (u32::from(self.z_level(pl) >= li) << 1) | u32::from(self.z_level(pr) >= li);
                if li == 2 {
                    config = 3 - config;
                }
                if config == 1 {
                    let (a, b, c, d) = (self.pt(sw), self.pt(se), self.pt(nw), self.pt(ne));
                    let zmid = 0.25 * (self.z[a] + self.z[b] + self.z[c] + self.z[d]);
                    self.set(quad, saddle_mask);
                    if (zmid > level) ^ (li == 2) {
                        dir = Dir::Right;
                    } else {
                        dir = Dir::Left;
                        self.set(quad, li_mask(li, MASK_SADDLE_LEFT_1, MASK_SADDLE_LEFT_2));
                    }
                    if qe.edge == Edge::N || qe.edge == Edge::E {
                        self.set(
                            quad,
                            li_mask(li, MASK_SADDLE_START_SW_1, MASK_SADDLE_START_SW_2),
                        );
                    }
                } else {
                    dir = match config {
                        0 => Dir::Left,
                        3 => Dir::Right,
                        _ => Dir::Straight,
                    };
                    self.set(quad, visited_mask);
                }
            }
            qe.edge = self.exit_edge(*qe, dir);
            if let Some(l) = line {
                if qe.edge == Edge::E {
                    self.set_parent(quad + 1, l);
                } else if qe.edge == Edge::W {
                    self.set_parent(quad, l);
                }
            }
            self.edge_interp(*qe, level, pts);
            if self.is_boundary(*qe) {
                break;
            }
            self.move_to_next_quad(qe);
            if start.is_some_and(|s| *qe == s) && li == start_li {
                break;
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn follow_boundary(
        &mut self,
        pts: &mut Vec<(f64, f64)>,
        line: usize,
        qe: &mut QuadEdge,
        lower: f64,
        upper: f64,
        mut li: u32,
        start: QuadEdge,
    ) -> u32 {
        let mut end_level = 0;
        let mut first = true;
        let mut stop = false;
        let mut guard = 0usize;
        loop {
            guard += 1;
            if guard > 4 * self.cache.len() + 16 || qe.edge == Edge::None {
                break;
            }
            let start_level = if first {
                self.z_level(self.edge_point(*qe, true))
            } else {
                end_level
            };
            let end_point = self.edge_point(*qe, false);
            end_level = self.z_level(end_point);
            if li == 1 {
                if start_level <= li && end_level == 2 {
                    li = 2;
                    stop = true;
                } else if start_level >= 1 && end_level == 0 {
                    stop = true;
                }
            } else if start_level <= li && end_level == 2 {
                stop = true;
            } else if start_level >= 1 && end_level == 0 {
                li = 1;
                stop = true;
            }
            if !first && !stop && *qe == start {
                break;
            }
            let q = qe.quad;
            match qe.edge {
                Edge::E => self.set(q + 1, MASK_VISITED_W),
                Edge::N => self.set(q + self.nx, MASK_VISITED_S),
                Edge::W => self.set(q, MASK_VISITED_W),
                Edge::S => self.set(q, MASK_VISITED_S),
                _ => self.set(q, MASK_VISITED_CORNER),
            }
            if stop {
                self.edge_interp(*qe, if li == 1 { lower } else { upper }, pts);
                break;
            }
            self.move_to_next_boundary_edge(qe);
            let q = qe.quad;
            match qe.edge {
                Edge::W | Edge::SW | Edge::S | Edge::SE => {
                    if !self.exists_se(q) {
                        self.set_parent(q, line);
                    }
                }
                Edge::E | Edge::NE | Edge::N | Edge::NW => {
                    if !self.exists_sw(q) {
                        self.set_parent(q + 1, line);
                    }
                }
                Edge::None => break,
            }
            self.point_xy(end_point, pts);
            first = false;
        }
        li
    }

    #[allow(clippy::too_many_arguments)]
    fn start_filled(
        &mut self,
        contour: &mut Vec<usize>,
        quad: isize,
        edge: Edge,
        start_li: u32,
        hole: bool,
        mut boundary: bool,
        lower: f64,
        upper: f64,
    ) {
        let idx = self.lines.len();
        self.lines.push(Line {
            is_hole: hole,
            ..Line::default()
        });
        if hole {
            if let Some(p) = self.get_parent(quad + 1) {
                self.lines[idx].parent = Some(p);
                self.lines[idx].children.clear();
                self.lines[p].children.push(idx);
            }
        }
        let start = QuadEdge { quad, edge };
        let mut qe = start;
        let mut li = start_li;
        let mut pts = Vec::new();
        let mut guard = 0usize;
        loop {
            guard += 1;
            if guard > 4 * self.cache.len() + 16 {
                break;
            }
            if !boundary {
                let level = if li == 1 { lower } else { upper };
                self.follow_interior(
                    &mut pts,
                    Some(idx),
                    &mut qe,
                    li,
                    level,
                    false,
                    Some(start),
                    start_li,
                );
            } else {
                li = self.follow_boundary(&mut pts, idx, &mut qe, lower, upper, li, start);
            }
            if qe == start && (boundary || li == start_li) {
                break;
            }
            if qe.edge == Edge::None {
                break;
            }
            boundary = !boundary;
        }
        self.lines[idx].pts = pts;
        contour.push(idx);
    }

    fn single_quad_filled(&mut self, contour: &mut Vec<usize>, quad: isize, lo: f64, up: f64) {
        let q = quad;
        macro_rules! start {
            ($edge:expr, $li:expr, $hole:expr, $bnd:expr) => {
                self.start_filled(contour, q, $edge, $li, $hole, $bnd, lo, up)
            };
        }
        let (hole, not_hole, bnd, int) = (true, false, true, false);
        if self.boundary_s(q) && self.exists_s_edge(q) {
            if !self.visited_s(q) && self.z_sw(q) >= 1 && self.z_se(q) == 0 {
                start!(Edge::S, 1, not_hole, int);
            }
            if !self.visited_s(q) && self.z_sw(q) < 2 && self.z_se(q) == 2 {
                start!(Edge::S, 2, not_hole, int);
            }
            if !self.visited_s(q) && self.z_sw(q) <= 1 && self.z_se(q) == 1 {
                start!(Edge::S, 1, not_hole, bnd);
            }
            if !self.visited_s(q) && self.z_sw(q) == 2 && self.z_se(q) == 1 {
                start!(Edge::S, 2, not_hole, bnd);
            }
        }
        if self.boundary_w(q) && self.exists_w_edge(q) {
            if !self.visited_w(q) && self.z_nw(q) >= 1 && self.z_sw(q) == 0 {
                start!(Edge::W, 1, not_hole, int);
            }
            if !self.visited_w(q) && self.z_nw(q) < 2 && self.z_sw(q) == 2 {
                start!(Edge::W, 2, not_hole, int);
            }
            if !self.visited_w(q) && self.z_nw(q) <= 1 && self.z_sw(q) == 1 {
                start!(Edge::W, 1, not_hole, bnd);
            }
            if !self.visited_w(q) && self.z_nw(q) == 2 && self.z_sw(q) == 1 {
                start!(Edge::W, 2, not_hole, bnd);
            }
        }
        if self.exists_sw(q) {
            if !self.visited_corner(q) && self.z_nw(q) == 1 && self.z_se(q) == 1 {
                start!(Edge::NE, 1, hole, bnd);
            }
        } else if self.exists_nw(q) {
            if !self.visited(q, 1) && self.z_nw(q) == 0 && self.z_sw(q) == 0 && self.z_ne(q) >= 1 {
                start!(Edge::N, 1, not_hole, int);
            }
            if !self.visited(q, 2) && self.z_nw(q) < 2 && self.z_sw(q) < 2 && self.z_ne(q) == 2 {
                start!(Edge::SE, 2, hole, int);
            }
            if !self.visited(q, 2) && self.z_nw(q) == 2 && self.z_sw(q) == 2 && self.z_ne(q) < 2 {
                start!(Edge::N, 2, not_hole, int);
            }
            if !self.visited(q, 1) && self.z_nw(q) >= 1 && self.z_sw(q) >= 1 && self.z_ne(q) == 0 {
                start!(Edge::SE, 1, hole, int);
            }
        } else if self.exists_se(q) {
            if !self.visited(q, 1) && self.z_sw(q) == 0 && self.z_se(q) == 0 && self.z_ne(q) >= 1 {
                start!(Edge::NW, 1, not_hole, int);
            }
            if !self.visited(q, 2) && self.z_sw(q) < 2 && self.z_se(q) < 2 && self.z_ne(q) == 2 {
                start!(Edge::E, 2, hole, int);
            }
            if !self.visited(q, 2) && self.z_sw(q) == 2 && self.z_se(q) == 2 && self.z_ne(q) < 2 {
                start!(Edge::NW, 2, not_hole, int);
            }
            if !self.visited(q, 1) && self.z_sw(q) >= 1 && self.z_se(q) >= 1 && self.z_ne(q) == 0 {
                start!(Edge::E, 1, hole, int);
            }
        } else if self.exists_ne(q) {
            if !self.visited_corner(q) && self.z_nw(q) >= 1 && self.z_se(q) == 0 {
                start!(Edge::SW, 1, not_hole, int);
            }
            if !self.visited_corner(q) && self.z_nw(q) < 2 && self.z_se(q) == 2 {
                start!(Edge::SW, 2, not_hole, int);
            }
            if !self.visited_corner(q) && self.z_nw(q) <= 1 && self.z_se(q) == 1 {
                start!(Edge::SW, 1, not_hole, bnd);
            }
            if !self.visited_corner(q) && self.z_nw(q) == 2 && self.z_se(q) == 1 {
                start!(Edge::SW, 2, not_hole, bnd);
            }
        }
        if self.exists_quad(q) || self.exists_ne(q) {
            if !self.visited(q, 1)
                && self.z_nw(q) == 0
                && self.z_se(q) == 0
                && self.z_ne(q) >= 1
                && (!self.saddle(q, 1) || self.saddle_left(q, 1))
            {
                start!(Edge::N, 1, not_hole, int);
            }
            if !self.visited(q, 2)
                && self.z_nw(q) < 2
                && self.z_se(q) < 2
                && self.z_ne(q) == 2
                && (!self.saddle(q, 2) || !self.saddle_left(q, 2))
            {
                start!(Edge::E, 2, hole, int);
            }
            if !self.visited(q, 2)
                && self.z_nw(q) == 2
                && self.z_se(q) == 2
                && self.z_ne(q) < 2
                && (!self.saddle(q, 2) || self.saddle_left(q, 2))
            {
                start!(Edge::N, 2, not_hole, int);
            }
            if !self.visited(q, 1)
                && self.z_nw(q) >= 1
                && self.z_se(q) >= 1
                && self.z_ne(q) == 0
                && (!self.saddle(q, 1) || !self.saddle_left(q, 1))
            {
                start!(Edge::E, 1, hole, int);
            }
        }
        if self.boundary_n(q)
            && self.exists_n_edge(q)
            && !self.visited_s(q + self.nx)
            && self.z_nw(q) == 1
            && self.z_ne(q) == 1
        {
            start!(Edge::N, 1, hole, bnd);
        }
    }

    /// `create_filled_contour(lower, upper)`: polygons (outer boundary then its holes).
    pub(crate) fn filled(&mut self, lower: f64, upper: f64) -> Vec<Piece> {
        self.init_cache_levels(lower, upper);
        self.lines.clear();
        self.parents.iter_mut().for_each(|p| *p = None);
        let mut contour = Vec::new();
        for quad in 0..self.n {
            if !self.exists_none(quad) {
                self.single_quad_filled(&mut contour, quad, lower, upper);
            }
        }
        let mut out = Vec::new();
        for &i in &contour {
            let line = &self.lines[i];
            if line.is_hole || line.pts.is_empty() {
                continue;
            }
            let mut v = Vec::new();
            let mut c = Vec::new();
            for l in std::iter::once(i).chain(line.children.iter().copied()) {
                let pts = &self.lines[l].pts;
                if pts.is_empty() {
                    continue;
                }
                for (k, &p) in pts.iter().enumerate() {
                    v.push(p);
                    c.push(if k == 0 { MOVETO } else { LINETO });
                }
                v.push(pts[0]);
                c.push(CLOSEPOLY);
            }
            out.push((v, c));
        }
        out
    }

    fn push_line(pts: &mut Vec<(f64, f64)>, out: &mut Vec<Piece>) {
        let n = pts.len();
        let mut c: Vec<u8> = (0..n)
            .map(|k| if k == 0 { MOVETO } else { LINETO })
            .collect();
        if n > 1 && pts[0] == pts[n - 1] {
            c[n - 1] = CLOSEPOLY;
        }
        out.push((std::mem::take(pts), c));
    }

    fn start_line(&mut self, out: &mut Vec<Piece>, quad: isize, edge: Edge, level: f64) -> bool {
        let mut qe = QuadEdge { quad, edge };
        let mut pts = Vec::new();
        self.follow_interior(&mut pts, None, &mut qe, 1, level, true, None, 1);
        Self::push_line(&mut pts, out);
        self.visited(quad, 1)
    }

    /// `create_contour(level)`: open lines from boundaries, then closed loops.
    pub(crate) fn lines(&mut self, level: f64) -> Vec<Piece> {
        self.init_cache_levels(level, level);
        let mut out = Vec::new();
        for quad in 0..self.n {
            if self.exists_none(quad) || self.visited(quad, 1) {
                continue;
            }
            let (zsw, zse, znw, zne) = (
                self.z_sw(quad),
                self.z_se(quad),
                self.z_nw(quad),
                self.z_ne(quad),
            );
            if self.boundary_s(quad)
                && zsw >= 1
                && zse < 1
                && self.start_line(&mut out, quad, Edge::S, level)
            {
                continue;
            }
            if self.boundary_w(quad)
                && znw >= 1
                && zsw < 1
                && self.start_line(&mut out, quad, Edge::W, level)
            {
                continue;
            }
            if self.boundary_n(quad)
                && zne >= 1
                && znw < 1
                && self.start_line(&mut out, quad, Edge::N, level)
            {
                continue;
            }
            if self.boundary_e(quad)
                && zse >= 1
                && zne < 1
                && self.start_line(&mut out, quad, Edge::E, level)
            {
                continue;
            }
            if self.corner_mask {
                if self.exists_sw(quad)
                    && zse >= 1
                    && znw < 1
                    && self.start_line(&mut out, quad, Edge::NE, level)
                {
                    continue;
                }
                if self.exists_se(quad)
                    && zne >= 1
                    && zsw < 1
                    && self.start_line(&mut out, quad, Edge::NW, level)
                {
                    continue;
                }
                if self.exists_nw(quad)
                    && zsw >= 1
                    && zne < 1
                    && self.start_line(&mut out, quad, Edge::SE, level)
                {
                    continue;
                }
                if self.exists_ne(quad)
                    && znw >= 1
                    && zse < 1
                    && self.start_line(&mut out, quad, Edge::SW, level)
                {
                    continue;
                }
            }
        }
        let mut pts = Vec::new();
        let mut quad = 0;
        while quad < self.n {
            if self.exists_none(quad) || self.visited(quad, 1) {
                quad += 1;
                continue;
            }
            let start_edge = self.start_edge(quad, 1);
            if start_edge == Edge::None {
                quad += 1;
                continue;
            }
            let mut qe = QuadEdge {
                quad,
                edge: start_edge,
            };
            let start = qe;
            let ignore_first = start_edge == Edge::N;
            self.follow_interior(
                &mut pts,
                None,
                &mut qe,
                1,
                level,
                !ignore_first,
                Some(start),
                1,
            );
            if ignore_first && !pts.is_empty() {
                pts.push(pts[0]);
            }
            Self::push_line(&mut pts, &mut out);
            if !self.saddle(quad, 1) || self.visited(quad, 1) {
                quad += 1;
            }
        }
        out
    }
}
