//! A port of contourpy's `mpl2014` contour generator (contourpy 1.3, `src/mpl2014.cpp`,
//! BSD-3-Clause, © contourpy developers), the algorithm matplotlib 3.11 uses by default
//! (rc `contour.algorithm`), without chunking (matplotlib's `nchunk=0`). Lines come out as
//! contourpy's `LineType.SeparateCode` and filled polygons as `FillType.OuterCode`
//! (each outer boundary, `CLOSEPOLY`-closed, followed by its holes), in the same order
//! and with the same float arithmetic, so the paths are bit-identical.

/// One output path piece: vertices and matplotlib path codes (1 MOVETO, 2 LINETO,
/// 79 CLOSEPOLY).
pub(crate) type Piece = (Vec<(f64, f64)>, Vec<u8>);

pub(crate) const MOVETO: u8 = 1;
pub(crate) const LINETO: u8 = 2;
pub(crate) const CLOSEPOLY: u8 = 79;

pub(super) type Cache = u32;
pub(super) const MASK_Z_LEVEL: Cache = 0x0003;
pub(super) const MASK_Z_LEVEL_1: Cache = 0x0001;
pub(super) const MASK_Z_LEVEL_2: Cache = 0x0002;
pub(super) const MASK_VISITED_1: Cache = 0x0004;
pub(super) const MASK_VISITED_2: Cache = 0x0008;
pub(super) const MASK_SADDLE_1: Cache = 0x0010;
pub(super) const MASK_SADDLE_2: Cache = 0x0020;
pub(super) const MASK_SADDLE_LEFT_1: Cache = 0x0040;
pub(super) const MASK_SADDLE_LEFT_2: Cache = 0x0080;
pub(super) const MASK_SADDLE_START_SW_1: Cache = 0x0100;
pub(super) const MASK_SADDLE_START_SW_2: Cache = 0x0200;
pub(super) const MASK_BOUNDARY_S: Cache = 0x0400;
pub(super) const MASK_BOUNDARY_W: Cache = 0x0800;
pub(super) const MASK_EXISTS_QUAD: Cache = 0x1000;
pub(super) const MASK_EXISTS_SW_CORNER: Cache = 0x2000;
pub(super) const MASK_EXISTS_SE_CORNER: Cache = 0x3000;
pub(super) const MASK_EXISTS_NW_CORNER: Cache = 0x4000;
pub(super) const MASK_EXISTS_NE_CORNER: Cache = 0x5000;
pub(super) const MASK_EXISTS: Cache = 0x7000;
pub(super) const MASK_VISITED_S: Cache = 0x10000;
pub(super) const MASK_VISITED_W: Cache = 0x20000;
pub(super) const MASK_VISITED_CORNER: Cache = 0x40000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Edge {
    None,
    E,
    N,
    W,
    S,
    NE,
    NW,
    SW,
    SE,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct QuadEdge {
    pub(super) quad: isize,
    pub(super) edge: Edge,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Dir {
    Right,
    Straight,
    Left,
}

#[derive(Debug, Default)]
pub(super) struct Line {
    pub(super) pts: Vec<(f64, f64)>,
    pub(super) is_hole: bool,
    pub(super) parent: Option<usize>,
    pub(super) children: Vec<usize>,
}

/// The generator: the grid, its cache and the filled polygons' parent cache.
pub(crate) struct Mpl2014 {
    pub(super) x: Vec<f64>,
    pub(super) y: Vec<f64>,
    pub(super) z: Vec<f64>,
    pub(super) nx: isize,
    pub(super) n: isize,
    pub(super) corner_mask: bool,
    pub(super) x_chunk: isize,
    pub(super) y_chunk: isize,
    pub(super) cache: Vec<Cache>,
    pub(super) lines: Vec<Line>,
    pub(super) parents: Vec<Option<usize>>,
}

pub(super) fn li_mask(li: u32, one: Cache, two: Cache) -> Cache {
    if li == 1 {
        one
    } else {
        two
    }
}

impl Mpl2014 {
    /// `x`, `y`, `z` row-major `ny x nx` (at least 2 x 2); `mask` true where z is masked.
    pub(crate) fn new(
        x: Vec<f64>,
        y: Vec<f64>,
        z: Vec<f64>,
        mask: Option<Vec<bool>>,
        nx: usize,
        ny: usize,
        corner_mask: bool,
    ) -> Mpl2014 {
        let n = nx * ny;
        let mut g = Mpl2014 {
            x,
            y,
            z,
            nx: nx as isize,
            n: n as isize,
            corner_mask,
            x_chunk: (nx as isize - 1).max(1),
            y_chunk: (ny as isize - 1).max(1),
            cache: vec![0; n],
            lines: Vec::new(),
            parents: vec![None; n],
        };
        g.init_cache_grid(mask.as_deref(), nx as isize, ny as isize);
        g
    }

    #[inline]
    pub(super) fn c(&self, q: isize) -> Cache {
        if q >= 0 && q < self.n {
            self.cache[q as usize]
        } else {
            0
        }
    }
    #[inline]
    pub(super) fn set(&mut self, q: isize, m: Cache) {
        if q >= 0 && q < self.n {
            self.cache[q as usize] |= m;
        }
    }
    pub(super) fn z_level(&self, p: isize) -> u32 {
        self.c(p) & MASK_Z_LEVEL
    }
    pub(super) fn z_ne(&self, q: isize) -> u32 {
        self.z_level(q + self.nx + 1)
    }
    pub(super) fn z_nw(&self, q: isize) -> u32 {
        self.z_level(q + self.nx)
    }
    pub(super) fn z_se(&self, q: isize) -> u32 {
        self.z_level(q + 1)
    }
    pub(super) fn z_sw(&self, q: isize) -> u32 {
        self.z_level(q)
    }
    pub(super) fn visited(&self, q: isize, li: u32) -> bool {
        self.c(q) & li_mask(li, MASK_VISITED_1, MASK_VISITED_2) != 0
    }
    pub(super) fn visited_s(&self, q: isize) -> bool {
        self.c(q) & MASK_VISITED_S != 0
    }
    pub(super) fn visited_w(&self, q: isize) -> bool {
        self.c(q) & MASK_VISITED_W != 0
    }
    pub(super) fn visited_corner(&self, q: isize) -> bool {
        self.c(q) & MASK_VISITED_CORNER != 0
    }
    pub(super) fn saddle(&self, q: isize, li: u32) -> bool {
        self.c(q) & li_mask(li, MASK_SADDLE_1, MASK_SADDLE_2) != 0
    }
    pub(super) fn saddle_left(&self, q: isize, li: u32) -> bool {
        self.c(q) & li_mask(li, MASK_SADDLE_LEFT_1, MASK_SADDLE_LEFT_2) != 0
    }
    pub(super) fn saddle_start_sw(&self, q: isize, li: u32) -> bool {
        self.c(q) & li_mask(li, MASK_SADDLE_START_SW_1, MASK_SADDLE_START_SW_2) != 0
    }
    pub(super) fn boundary_s(&self, q: isize) -> bool {
        self.c(q) & MASK_BOUNDARY_S != 0
    }
    pub(super) fn boundary_w(&self, q: isize) -> bool {
        self.c(q) & MASK_BOUNDARY_W != 0
    }
    pub(super) fn boundary_n(&self, q: isize) -> bool {
        self.boundary_s(q + self.nx)
    }
    pub(super) fn boundary_e(&self, q: isize) -> bool {
        self.boundary_w(q + 1)
    }
    pub(super) fn exists(&self, q: isize) -> Cache {
        self.c(q) & MASK_EXISTS
    }
    pub(super) fn exists_quad(&self, q: isize) -> bool {
        self.exists(q) == MASK_EXISTS_QUAD
    }
    pub(super) fn exists_none(&self, q: isize) -> bool {
        self.exists(q) == 0
    }
    pub(super) fn exists_sw(&self, q: isize) -> bool {
        self.exists(q) == MASK_EXISTS_SW_CORNER
    }
    pub(super) fn exists_se(&self, q: isize) -> bool {
        self.exists(q) == MASK_EXISTS_SE_CORNER
    }
    pub(super) fn exists_nw(&self, q: isize) -> bool {
        self.exists(q) == MASK_EXISTS_NW_CORNER
    }
    pub(super) fn exists_ne(&self, q: isize) -> bool {
        self.exists(q) == MASK_EXISTS_NE_CORNER
    }
    pub(super) fn exists_any_corner(&self, q: isize) -> bool {
        !self.exists_none(q) && !self.exists_quad(q)
    }
    pub(super) fn exists_w_edge(&self, q: isize) -> bool {
        self.exists_quad(q) || self.exists_sw(q) || self.exists_nw(q)
    }
    pub(super) fn exists_e_edge(&self, q: isize) -> bool {
        self.exists_quad(q) || self.exists_se(q) || self.exists_ne(q)
    }
    pub(super) fn exists_s_edge(&self, q: isize) -> bool {
        self.exists_quad(q) || self.exists_sw(q) || self.exists_se(q)
    }
    pub(super) fn exists_n_edge(&self, q: isize) -> bool {
        self.exists_quad(q) || self.exists_nw(q) || self.exists_ne(q)
    }

    pub(super) fn pt(&self, p: isize) -> usize {
        p.clamp(0, self.n - 1) as usize
    }

    pub(super) fn init_cache_grid(&mut self, mask: Option<&[bool]>, nx: isize, ny: isize) {
        let (xc, yc) = (self.x_chunk, self.y_chunk);
        match mask {
            None => {
                let mut quad = 0usize;
                for j in 0..ny {
                    for i in 0..nx {
                        let mut v = 0;
                        if i < nx - 1 && j < ny - 1 {
                            v |= MASK_EXISTS_QUAD;
                        }
                        if (i % xc == 0 || i == nx - 1) && j < ny - 1 {
                            v |= MASK_BOUNDARY_W;
                        }
                        if (j % yc == 0 || j == ny - 1) && i < nx - 1 {
                            v |= MASK_BOUNDARY_S;
                        }
                        self.cache[quad] = v;
                        quad += 1;
                    }
                }
            }
            Some(m) => {
                let mb = |p: isize| u32::from(m[p as usize]);
                let mut quad: isize = 0;
                for j in 0..ny {
                    for i in 0..nx {
                        self.cache[quad as usize] = 0;
                        if i < nx - 1 && j < ny - 1 {
                            let config = (mb(quad + nx) << 3)
                                | (mb(quad + nx + 1) << 2)
                                | (mb(quad) << 1)
                                | mb(quad + 1);
                            if self.corner_mask {
                                self.cache[quad as usize] = match config {
                                    0 => MASK_EXISTS_QUAD,
                                    1 => MASK_EXISTS_NW_CORNER,
                                    2 => MASK_EXISTS_NE_CORNER,
                                    4 => MASK_EXISTS_SW_CORNER,
                                    8 => MASK_EXISTS_SE_CORNER,
                                    _ => 0,
                                };
                            } else if config == 0 {
                                self.cache[quad as usize] = MASK_EXISTS_QUAD;
                            }
                        }
                        quad += 1;
                    }
                }
                let mut quad: isize = 0;
                for j in 0..ny {
                    for i in 0..nx {
                        if self.corner_mask {
                            let w_none = i == 0 || self.exists_none(quad - 1);
                            let s_none = j == 0 || self.exists_none(quad - nx);
                            let w_e = i > 0 && self.exists_e_edge(quad - 1);
                            let s_n = j > 0 && self.exists_n_edge(quad - nx);
                            if (self.exists_w_edge(quad) && w_none)
                                || (self.exists_none(quad) && w_e)
                                || (i % xc == 0 && self.exists_w_edge(quad) && w_e)
                            {
                                self.set(quad, MASK_BOUNDARY_W);
                            }
                            if (self.exists_s_edge(quad) && s_none)
                                || (self.exists_none(quad) && s_n)
                                || (j % yc == 0 && self.exists_s_edge(quad) && s_n)
                            {
                                self.set(quad, MASK_BOUNDARY_S);
                            }
                        } else {
                            let w_q = i > 0 && self.exists_quad(quad - 1);
                            let s_q = j > 0 && self.exists_quad(quad - nx);
                            if (self.exists_quad(quad) != w_q)
                                || (i % xc == 0 && self.exists_quad(quad) && w_q)
                            {
                                self.set(quad, MASK_BOUNDARY_W);
                            }
                            if (self.exists_quad(quad) != s_q)
                                || (j % yc == 0 && self.exists_quad(quad) && s_q)
                            {
                                self.set(quad, MASK_BOUNDARY_S);
                            }
                        }
                        quad += 1;
                    }
                }
            }
        }
    }

    pub(super) fn init_cache_levels(&mut self, lower: f64, upper: f64) {
        let two = lower != upper;
        let keep = if self.corner_mask {
            MASK_EXISTS | MASK_BOUNDARY_S | MASK_BOUNDARY_W
        } else {
            MASK_EXISTS_QUAD | MASK_BOUNDARY_S | MASK_BOUNDARY_W
        };
        for (c, &z) in self.cache.iter_mut().zip(&self.z) {
            *c &= keep;
            if two {
                if z > upper {
                    *c |= MASK_Z_LEVEL_2;
                } else if z > lower {
                    *c |= MASK_Z_LEVEL_1;
                }
            } else if z > lower {
                *c |= MASK_Z_LEVEL_1;
            }
        }
    }

    pub(super) fn edge_point(&self, qe: QuadEdge, start: bool) -> isize {
        let q = qe.quad;
        let (sw, se, nw, ne) = (q, q + 1, q + self.nx, q + self.nx + 1);
        match qe.edge {
            Edge::E => {
                if start {
                    se
                } else {
                    ne
                }
            }
            Edge::N => {
                if start {
                    ne
                } else {
                    nw
                }
            }
            Edge::W => {
                if start {
                    nw
                } else {
                    sw
                }
            }
            Edge::S => {
                if start {
                    sw
                } else {
                    se
                }
            }
            Edge::NE => {
                if start {
                    se
                } else {
                    nw
                }
            }
            Edge::NW => {
                if start {
                    ne
                } else {
                    sw
                }
            }
            Edge::SW => {
                if start {
                    nw
                } else {
                    se
                }
            }
            Edge::SE => {
                if start {
                    sw
                } else {
                    ne
                }
            }
            Edge::None => 0,
        }
    }

    pub(super) fn interp(&self, p1: isize, p2: isize, level: f64, line: &mut Vec<(f64, f64)>) {
        let (p1, p2) = (self.pt(p1), self.pt(p2));
        let f = (self.z[p2] - level) / (self.z[p2] - self.z[p1]);
        line.push((
            self.x[p1] * f + self.x[p2] * (1.0 - f),
            self.y[p1] * f + self.y[p2] * (1.0 - f),
        ));
    }

    pub(super) fn edge_interp(&self, qe: QuadEdge, level: f64, line: &mut Vec<(f64, f64)>) {
        self.interp(
            self.edge_point(qe, true),
            self.edge_point(qe, false),
            level,
            line,
        );
    }

    pub(super) fn point_xy(&self, p: isize, line: &mut Vec<(f64, f64)>) {
        let p = self.pt(p);
        line.push((self.x[p], self.y[p]));
    }

    pub(super) fn is_boundary(&self, qe: QuadEdge) -> bool {
        let q = qe.quad;
        match qe.edge {
            Edge::E => self.boundary_e(q),
            Edge::N => self.boundary_n(q),
            Edge::W => self.boundary_w(q),
            Edge::S => self.boundary_s(q),
            Edge::NE => self.exists_sw(q),
            Edge::NW => self.exists_se(q),
            Edge::SW => self.exists_ne(q),
            Edge::SE => self.exists_nw(q),
            Edge::None => true,
        }
    }

    pub(super) fn exit_edge(&self, qe: QuadEdge, dir: Dir) -> Edge {
        let q = qe.quad;
        let l = dir == Dir::Left;
        let r = dir == Dir::Right;
        if self.exists_any_corner(q) {
            match qe.edge {
                Edge::E => {
                    if self.exists_se(q) {
                        if l {
                            Edge::S
                        } else {
                            Edge::NW
                        }
                    } else if r {
                        Edge::N
                    } else {
                        Edge::SW
                    }
                }
                Edge::N => {
                    if self.exists_nw(q) {
                        if r {
                            Edge::W
                        } else {
                            Edge::SE
                        }
                    } else if l {
                        Edge::E
                    } else {
                        Edge::SW
                    }
                }
                Edge::W => {
                    if self.exists_sw(q) {
                        if r {
                            Edge::S
                        } else {
                            Edge::NE
                        }
                    } else if l {
                        Edge::N
                    } else {
                        Edge::SE
                    }
                }
                Edge::S => {
                    if self.exists_sw(q) {
                        if l {
                            Edge::W
                        } else {
                            Edge::NE
                        }
                    } else if r {
                        Edge::E
                    } else {
                        Edge::NW
                    }
                }
                Edge::NE => {
                    if l {
                        Edge::S
                    } else {
                        Edge::W
                    }
                }
                Edge::NW => {
                    if l {
                        Edge::E
                    } else {
                        Edge::S
                    }
                }
                Edge::SW => {
                    if l {
                        Edge::N
                    } else {
                        Edge::E
                    }
                }
                Edge::SE => {
                    if l {
                        Edge::W
                    } else {
                        Edge::N
                    }
                }
                Edge::None => Edge::None,
            }
        } else {
            match qe.edge {
                Edge::E => {
                    if l {
                        Edge::S
                    } else if r {
                        Edge::N
                    } else {
                        Edge::W
                    }
                }
                Edge::N => {
                    if l {
                        Edge::E
                    } else if r {
                        Edge::W
                    } else {
                        Edge::S
                    }
                }
                Edge::W => {
                    if l {
                        Edge::N
                    } else if r {
                        Edge::S
                    } else {
                        Edge::E
                    }
                }
                Edge::S => {
                    if l {
                        Edge::W
                    } else if r {
                        Edge::E
                    } else {
                        Edge::N
                    }
                }
                _ => Edge::None,
            }
        }
    }

    pub(super) fn corner_start_edge(&self, q: isize, li: u32) -> Edge {
        let (sw, se, nw, ne) = (q, q + 1, q + self.nx, q + self.nx + 1);
        let (p1, p2, p3, e12, e23, e31) = match self.exists(q) {
            MASK_EXISTS_SW_CORNER => (se, sw, nw, Edge::S, Edge::W, Edge::NE),
            MASK_EXISTS_SE_CORNER => (ne, se, sw, Edge::E, Edge::S, Edge::NW),
            MASK_EXISTS_NW_CORNER => (sw, nw, ne, Edge::W, Edge::N, Edge::SE),
            MASK_EXISTS_NE_CORNER => (nw, ne, se, Edge::N, Edge::E, Edge::SW),
            _ => return Edge::None,
        };
        let mut config = (u32::from(self.z_level(p1) >= li) << 2)
            | (u32::from(self.z_level(p2) >= li) << 1)
            | u32::from(self.z_level(p3) >= li);
        if li == 2 {
            config = 7 - config;
        }
        match config {
            1 => e23,
            2 | 3 => e12,
            4 => e31,
            5 => e23,
            6 => e31,
            _ => Edge::None,
        }
    }

    pub(super) fn quad_start_edge(&self, q: isize, li: u32) -> Edge {
        let b = |v: u32| u32::from(v >= li);
        let mut config = (b(self.z_nw(q)) << 3)
            | (b(self.z_ne(q)) << 2)
            | (b(self.z_sw(q)) << 1)
            | b(self.z_se(q));
        if li == 2 {
            config = 15 - config;
        }
        let saddle_sw = !self.saddle(q, li) || self.saddle_start_sw(q, li);
        match config {
            1 => Edge::E,
            2 => Edge::S,
            3 => Edge::E,
            4 => Edge::N,
            5 => Edge::N,
            6 => {
                if saddle_sw {
                    Edge::S
                } else {
                    Edge::N
                }
            }
            7 => Edge::N,
            8 => Edge::W,
            9 => {
                if saddle_sw {
                    Edge::W
                } else {
                    Edge::E
                }
            }
            10 => Edge::S,
            11 => Edge::E,
            12 => Edge::W,
            13 => Edge::W,
            14 => Edge::S,
            _ => Edge::None,
        }
    }

    pub(super) fn start_edge(&self, q: isize, li: u32) -> Edge {
        if self.exists_any_corner(q) {
            self.corner_start_edge(q, li)
        } else {
            self.quad_start_edge(q, li)
        }
    }

    pub(super) fn move_to_next_quad(&self, qe: &mut QuadEdge) {
        match qe.edge {
            Edge::E => {
                *qe = QuadEdge {
                    quad: qe.quad + 1,
                    edge: Edge::W,
                }
            }
            Edge::N => {
                *qe = QuadEdge {
                    quad: qe.quad + self.nx,
                    edge: Edge::S,
                }
            }
            Edge::W => {
                *qe = QuadEdge {
                    quad: qe.quad - 1,
                    edge: Edge::E,
                }
            }
            Edge::S => {
                *qe = QuadEdge {
                    quad: qe.quad - self.nx,
                    edge: Edge::N,
                }
            }
            _ => {}
        }
    }

    pub(super) fn move_to_next_boundary_edge(&self, qe: &mut QuadEdge) {
        let nx = self.nx;
        let quad = self.edge_point(*qe, false);
        let mut index: i32 = match qe.edge {
            Edge::E => 0,
            Edge::SE => 1,
            Edge::S => 2,
            Edge::SW => 3,
            Edge::W => 4,
            Edge::NW => 5,
            Edge::N => 6,
            Edge::NE => 7,
            Edge::None => 0,
        };
        if !self.corner_mask {
            index += 1;
        }
        let start = index;
        loop {
            let found = match index {
                0 => self
                    .exists_se(quad - nx - 1)
                    .then_some((quad - nx - 1, Edge::NW)),
                1 => self
                    .boundary_n(quad - nx - 1)
                    .then_some((quad - nx - 1, Edge::N)),
                2 => self.exists_sw(quad - 1).then_some((quad - 1, Edge::NE)),
                3 => self.boundary_e(quad - 1).then_some((quad - 1, Edge::E)),
                4 => self.exists_nw(quad).then_some((quad, Edge::SE)),
                5 => self.boundary_s(quad).then_some((quad, Edge::S)),
                6 => self.exists_ne(quad - nx).then_some((quad - nx, Edge::SW)),
                7 => self.boundary_w(quad - nx).then_some((quad - nx, Edge::W)),
                _ => None,
            };
            if let Some((q, e)) = found {
                *qe = QuadEdge { quad: q, edge: e };
                return;
            }
            index = if self.corner_mask {
                (index + 1) % 8
            } else {
                (index + 2) % 8
            };
            if index == start {
                // Not reachable for a consistent cache; stop the walk.
                *qe = QuadEdge {
                    quad,
                    edge: Edge::None,
                };
                return;
            }
        }
    }
}
