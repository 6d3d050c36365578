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

type Cache = u32;
const MASK_Z_LEVEL: Cache = 0x0003;
const MASK_Z_LEVEL_1: Cache = 0x0001;
const MASK_Z_LEVEL_2: Cache = 0x0002;
const MASK_VISITED_1: Cache = 0x0004;
const MASK_VISITED_2: Cache = 0x0008;
const MASK_SADDLE_1: Cache = 0x0010;
const MASK_SADDLE_2: Cache = 0x0020;
const MASK_SADDLE_LEFT_1: Cache = 0x0040;
const MASK_SADDLE_LEFT_2: Cache = 0x0080;
const MASK_SADDLE_START_SW_1: Cache = 0x0100;
const MASK_SADDLE_START_SW_2: Cache = 0x0200;
const MASK_BOUNDARY_S: Cache = 0x0400;
const MASK_BOUNDARY_W: Cache = 0x0800;
const MASK_EXISTS_QUAD: Cache = 0x1000;
const MASK_EXISTS_SW_CORNER: Cache = 0x2000;
const MASK_EXISTS_SE_CORNER: Cache = 0x3000;
const MASK_EXISTS_NW_CORNER: Cache = 0x4000;
const MASK_EXISTS_NE_CORNER: Cache = 0x5000;
const MASK_EXISTS: Cache = 0x7000;
const MASK_VISITED_S: Cache = 0x10000;
const MASK_VISITED_W: Cache = 0x20000;
const MASK_VISITED_CORNER: Cache = 0x40000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edge {
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
struct QuadEdge {
    quad: isize,
    edge: Edge,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Right,
    Straight,
    Left,
}

#[derive(Debug, Default)]
struct Line {
    pts: Vec<(f64, f64)>,
    is_hole: bool,
    parent: Option<usize>,
    children: Vec<usize>,
}

/// The generator: the grid, its cache and the filled polygons' parent cache.
pub(crate) struct Mpl2014 {
    x: Vec<f64>,
    y: Vec<f64>,
    z: Vec<f64>,
    nx: isize,
    n: isize,
    corner_mask: bool,
    x_chunk: isize,
    y_chunk: isize,
    cache: Vec<Cache>,
    lines: Vec<Line>,
    parents: Vec<Option<usize>>,
}

fn li_mask(li: u32, one: Cache, two: Cache) -> Cache {
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
    fn c(&self, q: isize) -> Cache {
        if q >= 0 && q < self.n {
            self.cache[q as usize]
        } else {
            0
        }
    }
    #[inline]
    fn set(&mut self, q: isize, m: Cache) {
        if q >= 0 && q < self.n {
            self.cache[q as usize] |= m;
        }
    }
    fn z_level(&self, p: isize) -> u32 {
        self.c(p) & MASK_Z_LEVEL
    }
    fn z_ne(&self, q: isize) -> u32 {
        self.z_level(q + self.nx + 1)
    }
    fn z_nw(&self, q: isize) -> u32 {
        self.z_level(q + self.nx)
    }
    fn z_se(&self, q: isize) -> u32 {
        self.z_level(q + 1)
    }
    fn z_sw(&self, q: isize) -> u32 {
        self.z_level(q)
    }
    fn visited(&self, q: isize, li: u32) -> bool {
        self.c(q) & li_mask(li, MASK_VISITED_1, MASK_VISITED_2) != 0
    }
    fn visited_s(&self, q: isize) -> bool {
        self.c(q) & MASK_VISITED_S != 0
    }
    fn visited_w(&self, q: isize) -> bool {
        self.c(q) & MASK_VISITED_W != 0
    }
    fn visited_corner(&self, q: isize) -> bool {
        self.c(q) & MASK_VISITED_CORNER != 0
    }
    fn saddle(&self, q: isize, li: u32) -> bool {
        self.c(q) & li_mask(li, MASK_SADDLE_1, MASK_SADDLE_2) != 0
    }
    fn saddle_left(&self, q: isize, li: u32) -> bool {
        self.c(q) & li_mask(li, MASK_SADDLE_LEFT_1, MASK_SADDLE_LEFT_2) != 0
    }
    fn saddle_start_sw(&self, q: isize, li: u32) -> bool {
        self.c(q) & li_mask(li, MASK_SADDLE_START_SW_1, MASK_SADDLE_START_SW_2) != 0
    }
    fn boundary_s(&self, q: isize) -> bool {
        self.c(q) & MASK_BOUNDARY_S != 0
    }
    fn boundary_w(&self, q: isize) -> bool {
        self.c(q) & MASK_BOUNDARY_W != 0
    }
    fn boundary_n(&self, q: isize) -> bool {
        self.boundary_s(q + self.nx)
    }
    fn boundary_e(&self, q: isize) -> bool {
        self.boundary_w(q + 1)
    }
    fn exists(&self, q: isize) -> Cache {
        self.c(q) & MASK_EXISTS
    }
    fn exists_quad(&self, q: isize) -> bool {
        self.exists(q) == MASK_EXISTS_QUAD
    }
    fn exists_none(&self, q: isize) -> bool {
        self.exists(q) == 0
    }
    fn exists_sw(&self, q: isize) -> bool {
        self.exists(q) == MASK_EXISTS_SW_CORNER
    }
    fn exists_se(&self, q: isize) -> bool {
        self.exists(q) == MASK_EXISTS_SE_CORNER
    }
    fn exists_nw(&self, q: isize) -> bool {
        self.exists(q) == MASK_EXISTS_NW_CORNER
    }
    fn exists_ne(&self, q: isize) -> bool {
        self.exists(q) == MASK_EXISTS_NE_CORNER
    }
    fn exists_any_corner(&self, q: isize) -> bool {
        !self.exists_none(q) && !self.exists_quad(q)
    }
    fn exists_w_edge(&self, q: isize) -> bool {
        self.exists_quad(q) || self.exists_sw(q) || self.exists_nw(q)
    }
    fn exists_e_edge(&self, q: isize) -> bool {
        self.exists_quad(q) || self.exists_se(q) || self.exists_ne(q)
    }
    fn exists_s_edge(&self, q: isize) -> bool {
        self.exists_quad(q) || self.exists_sw(q) || self.exists_se(q)
    }
    fn exists_n_edge(&self, q: isize) -> bool {
        self.exists_quad(q) || self.exists_nw(q) || self.exists_ne(q)
    }

    fn pt(&self, p: isize) -> usize {
        p.clamp(0, self.n - 1) as usize
    }

    fn init_cache_grid(&mut self, mask: Option<&[bool]>, nx: isize, ny: isize) {
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

    fn init_cache_levels(&mut self, lower: f64, upper: f64) {
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

    fn edge_point(&self, qe: QuadEdge, start: bool) -> isize {
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

    fn interp(&self, p1: isize, p2: isize, level: f64, line: &mut Vec<(f64, f64)>) {
        let (p1, p2) = (self.pt(p1), self.pt(p2));
        let f = (self.z[p2] - level) / (self.z[p2] - self.z[p1]);
        line.push((
            self.x[p1] * f + self.x[p2] * (1.0 - f),
            self.y[p1] * f + self.y[p2] * (1.0 - f),
        ));
    }

    fn edge_interp(&self, qe: QuadEdge, level: f64, line: &mut Vec<(f64, f64)>) {
        self.interp(
            self.edge_point(qe, true),
            self.edge_point(qe, false),
            level,
            line,
        );
    }

    fn point_xy(&self, p: isize, line: &mut Vec<(f64, f64)>) {
        let p = self.pt(p);
        line.push((self.x[p], self.y[p]));
    }

    fn is_boundary(&self, qe: QuadEdge) -> bool {
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

    fn exit_edge(&self, qe: QuadEdge, dir: Dir) -> Edge {
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

    fn corner_start_edge(&self, q: isize, li: u32) -> Edge {
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

    fn quad_start_edge(&self, q: isize, li: u32) -> Edge {
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

    fn start_edge(&self, q: isize, li: u32) -> Edge {
        if self.exists_any_corner(q) {
            self.corner_start_edge(q, li)
        } else {
            self.quad_start_edge(q, li)
        }
    }

    fn move_to_next_quad(&self, qe: &mut QuadEdge) {
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

    fn move_to_next_boundary_edge(&self, qe: &mut QuadEdge) {
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
            if !(self.saddle(quad, 1) && !self.visited(quad, 1)) {
                quad += 1;
            }
        }
        out
    }
}
