//! matplotlib's path converters (`src/path_converters.h`), as streaming iterators over
//! device-space vertices: `PathNanRemover`, `PathClipper`, `PathSnapper` and
//! `PathSimplifier`, each a line-for-line port (same queues, same order of floating-point
//! operations) so that the vertices reaching Agg are bit-identical. None of them stores the
//! path: memory is constant in the number of vertices.
//! Just over 800 lines: four converters ported line for line, with their unit tests.

use crate::scene::{Path, PathCode, Snap};

/// An Agg path command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    /// `path_cmd_move_to`.
    MoveTo,
    /// `path_cmd_line_to`.
    LineTo,
    /// `path_cmd_curve3` (one of its two vertices).
    Curve3,
    /// `path_cmd_curve4` (one of its three vertices).
    Curve4,
    /// `path_cmd_end_poly | path_flags_close`.
    Close,
    /// `path_cmd_stop` (only inside queues).
    Stop,
}

impl Cmd {
    /// Agg's `is_vertex`.
    pub fn is_vertex(self) -> bool {
        matches!(self, Cmd::MoveTo | Cmd::LineTo | Cmd::Curve3 | Cmd::Curve4)
    }
}

/// A vertex with its command.
pub type Vtx = (Cmd, f64, f64);

#[inline]
fn finite(x: f64, y: f64) -> bool {
    x.is_finite() && y.is_finite()
}

/// matplotlib's `EmbeddedQueue<N>`.
#[derive(Debug, Clone, Copy)]
struct Queue<const N: usize> {
    items: [Vtx; N],
    read: usize,
    write: usize,
}

impl<const N: usize> Queue<N> {
    fn new() -> Self {
        Queue {
            items: [(Cmd::Stop, 0.0, 0.0); N],
            read: 0,
            write: 0,
        }
    }
    fn push(&mut self, cmd: Cmd, x: f64, y: f64) {
        if self.write < N {
            self.items[self.write] = (cmd, x, y);
            self.write += 1;
        }
    }
    fn nonempty(&self) -> bool {
        self.read < self.write
    }
    fn pop(&mut self) -> Option<Vtx> {
        if self.nonempty() {
            self.read += 1;
            Some(self.items[self.read - 1])
        } else {
            self.read = 0;
            self.write = 0;
            None
        }
    }
    fn clear(&mut self) {
        self.read = 0;
        self.write = 0;
    }
    fn last(&self) -> Vtx {
        self.items[self.write.saturating_sub(1)]
    }
}

/// matplotlib's `PathIterator` over a [`Path`]: codes as given (STOP ends the path), or
/// MOVETO then LINETOs without codes.
#[derive(Debug, Clone)]
pub struct PathSource<'a> {
    path: &'a Path,
    i: usize,
}

impl<'a> PathSource<'a> {
    /// Iterates `path` from its first vertex.
    pub fn new(path: &'a Path) -> Self {
        PathSource { path, i: 0 }
    }
}

impl Iterator for PathSource<'_> {
    type Item = Vtx;
    fn next(&mut self) -> Option<Vtx> {
        let &(x, y) = self.path.vertices.get(self.i)?;
        let cmd = match &self.path.codes {
            None if self.i == 0 => Cmd::MoveTo,
            None => Cmd::LineTo,
            Some(codes) => match codes.get(self.i).copied().unwrap_or(PathCode::Stop) {
                PathCode::Stop => {
                    self.i = self.path.vertices.len();
                    return None;
                }
                PathCode::MoveTo => Cmd::MoveTo,
                PathCode::LineTo => Cmd::LineTo,
                PathCode::Curve3 => Cmd::Curve3,
                PathCode::Curve4 => Cmd::Curve4,
                PathCode::ClosePoly => Cmd::Close,
            },
        };
        self.i += 1;
        Some((cmd, x, y))
    }
}

/// `PathNanRemover` with `remove_nans` true.
#[derive(Debug, Clone)]
pub struct NanRemover<I> {
    src: std::iter::Fuse<I>,
    has_codes: bool,
    queue: Queue<4>,
    valid_segment_exists: bool,
    last_segment_valid: bool,
    was_broken: bool,
    init: (f64, f64),
}

impl<I: Iterator<Item = Vtx>> NanRemover<I> {
    /// `has_codes`: the path has codes (the slower rule, which keeps curves whole).
    pub fn new(src: I, has_codes: bool) -> Self {
        NanRemover {
            src: src.fuse(),
            has_codes,
            queue: Queue::new(),
            valid_segment_exists: false,
            last_segment_valid: false,
            was_broken: false,
            init: (f64::NAN, f64::NAN),
        }
    }
}

impl<I: Iterator<Item = Vtx>> Iterator for NanRemover<I> {
    type Item = Vtx;
    fn next(&mut self) -> Option<Vtx> {
        if !self.has_codes {
            let v = self.src.next()?;
            if v.0 == Cmd::Close && self.valid_segment_exists {
                return Some(v);
            }
            if !finite(v.1, v.2) {
                loop {
                    let w = self.src.next()?;
                    if w.0 == Cmd::Close && self.valid_segment_exists {
                        return Some(w);
                    }
                    if finite(w.1, w.2) {
                        return Some((Cmd::MoveTo, w.1, w.2));
                    }
                }
            }
            self.valid_segment_exists = true;
            return Some(v);
        }
        if let Some(v) = self.queue.pop() {
            return Some(v);
        }
        let mut needs_move_to = false;
        loop {
            let (code, mut x, mut y) = self.src.next()?;
            if code == Cmd::Close && self.valid_segment_exists {
                if self.was_broken {
                    if self.last_segment_valid && finite(self.init.0, self.init.1) {
                        self.queue.push(Cmd::LineTo, self.init.0, self.init.1);
                        break;
                    }
                    continue;
                }
                return Some((code, x, y));
            } else if code == Cmd::MoveTo {
                self.init = (x, y);
                self.was_broken = false;
            }
            if needs_move_to {
                self.queue.push(Cmd::MoveTo, x, y);
            }
            let extra = match code {
                Cmd::Curve3 => 1,
                Cmd::Curve4 => 2,
                _ => 0,
            };
            self.last_segment_valid = finite(x, y);
            self.queue.push(code, x, y);
            for _ in 0..extra {
                (x, y) = self.src.next().map_or((0.0, 0.0), |v| (v.1, v.2));
                self.last_segment_valid = self.last_segment_valid && finite(x, y);
                self.queue.push(code, x, y);
            }
            if self.last_segment_valid {
                self.valid_segment_exists = true;
                break;
            }
            self.was_broken = true;
            self.queue.clear();
            if finite(x, y) {
                self.queue.push(Cmd::MoveTo, x, y);
                needs_move_to = false;
            } else {
                needs_move_to = true;
            }
        }
        self.queue.pop()
    }
}

/// Agg's `clip_move_point` (Liang–Barsky helper) on the box (x1, y1, x2, y2).
fn clip_move_point(
    (x1, y1, x2, y2): (f64, f64, f64, f64),
    c: (f64, f64, f64, f64),
    p: &mut (f64, f64),
    flags: u32,
) -> bool {
    if flags & 5 != 0 {
        if x1 == x2 {
            return false;
        }
        let bound = if flags & 4 != 0 { c.0 } else { c.2 };
        p.1 = (bound - x1) * (y2 - y1) / (x2 - x1) + y1;
        p.0 = bound;
    }
    let flags = (u32::from(p.1 > c.3) << 1) | (u32::from(p.1 < c.1) << 3);
    if flags & 10 != 0 {
        if y1 == y2 {
            return false;
        }
        let bound = if flags & 8 != 0 { c.1 } else { c.3 };
        p.0 = (bound - y1) * (x2 - x1) / (y2 - y1) + x1;
        p.1 = bound;
    }
    true
}

fn flags(x: f64, y: f64, c: (f64, f64, f64, f64)) -> u32 {
    u32::from(x > c.2)
        | (u32::from(y > c.3) << 1)
        | (u32::from(x < c.0) << 2)
        | (u32::from(y < c.1) << 3)
}

/// Agg's `clip_line_segment`: 0 visible, bit 1/2 first/second point moved, >= 4 invisible.
fn clip_line_segment(a: &mut (f64, f64), b: &mut (f64, f64), c: (f64, f64, f64, f64)) -> u32 {
    let f1 = flags(a.0, a.1, c);
    let f2 = flags(b.0, b.1, c);
    if f1 | f2 == 0 {
        return 0;
    }
    if f1 & 5 != 0 && f1 & 5 == f2 & 5 {
        return 4;
    }
    if f1 & 10 != 0 && f1 & 10 == f2 & 10 {
        return 4;
    }
    let seg = (a.0, a.1, b.0, b.1);
    let mut ret = 0;
    if f1 != 0 {
        if !clip_move_point(seg, c, a, f1) || (a.0 == b.0 && a.1 == b.1) {
            return 4;
        }
        ret |= 1;
    }
    if f2 != 0 {
        if !clip_move_point(seg, c, b, f2) || (a.0 == b.0 && a.1 == b.1) {
            return 4;
        }
        ret |= 2;
    }
    ret
}

/// `PathClipper` (Liang–Barsky against a rectangle, curves passed whole).
#[derive(Debug, Clone)]
pub struct Clipper<I> {
    src: std::iter::Fuse<I>,
    on: bool,
    rect: (f64, f64, f64, f64),
    queue: Queue<3>,
    last: (f64, f64),
    moveto: bool,
    init: (f64, f64),
    has_init: bool,
    was_clipped: bool,
}

impl<I: Iterator<Item = Vtx>> Clipper<I> {
    /// Clips to (-1, -1, width + 1, height + 1) when `on`.
    pub fn new(src: I, on: bool, width: f64, height: f64) -> Self {
        Clipper {
            src: src.fuse(),
            on,
            rect: (-1.0, -1.0, width + 1.0, height + 1.0),
            queue: Queue::new(),
            last: (f64::NAN, f64::NAN),
            moveto: true,
            init: (f64::NAN, f64::NAN),
            has_init: false,
            was_clipped: false,
        }
    }

    fn draw_clipped_line(&mut self, mut a: (f64, f64), mut b: (f64, f64), closed: bool) -> bool {
        let moved = clip_line_segment(&mut a, &mut b, self.rect);
        self.was_clipped = self.was_clipped || moved != 0;
        if moved < 4 {
            if moved & 1 != 0 || self.moveto {
                self.queue.push(Cmd::MoveTo, a.0, a.1);
            }
            self.queue.push(Cmd::LineTo, b.0, b.1);
            if closed && !self.was_clipped {
                self.queue.push(Cmd::Close, b.0, b.1);
            }
            self.moveto = false;
            return true;
        }
        false
    }

    fn last_inside(&self) -> bool {
        let (x, y) = self.last;
        let r = self.rect;
        x >= r.0 && x <= r.2 && y >= r.1 && y <= r.3
    }
}

impl<I: Iterator<Item = Vtx>> Iterator for Clipper<I> {
    type Item = Vtx;
    fn next(&mut self) -> Option<Vtx> {
        if !self.on {
            return self.src.next();
        }
        if let Some(v) = self.queue.pop() {
            return Some(v);
        }
        while let Some((code, x, y)) = self.src.next() {
            match code {
                Cmd::Close => {
                    if self.has_init {
                        self.draw_clipped_line(self.last, self.init, true);
                    } else {
                        self.queue.push(Cmd::Close, self.last.0, self.last.1);
                    }
                    if self.queue.nonempty() {
                        break;
                    }
                }
                Cmd::MoveTo => {
                    let emit = self.moveto && self.has_init && self.last_inside();
                    if emit {
                        self.queue.push(Cmd::MoveTo, self.last.0, self.last.1);
                    }
                    self.init = (x, y);
                    self.last = (x, y);
                    self.has_init = true;
                    self.moveto = true;
                    self.was_clipped = false;
                    if emit {
                        break;
                    }
                }
                Cmd::LineTo => {
                    let drawn = self.draw_clipped_line(self.last, (x, y), false);
                    self.last = (x, y);
                    if drawn {
                        break;
                    }
                }
                _ => {
                    if self.moveto {
                        self.queue.push(Cmd::MoveTo, self.last.0, self.last.1);
                        self.moveto = false;
                    }
                    self.queue.push(code, x, y);
                    self.last = (x, y);
                    break;
                }
            }
        }
        if let Some(v) = self.queue.pop() {
            return Some(v);
        }
        if self.moveto && self.has_init && self.last_inside() {
            self.moveto = false;
            return Some((Cmd::MoveTo, self.last.0, self.last.1));
        }
        None
    }
}

/// matplotlib's `mpl_round_to_int`: half away from zero.
pub fn mpl_round(v: f64) -> f64 {
    (v + if v >= 0.0 { 0.5 } else { -0.5 }) as i64 as f64
}

/// `PathSnapper::should_snap` on the vertices `path` yields (the snapper's own source).
pub fn should_snap(mode: Snap, path: impl Iterator<Item = Vtx>, total_vertices: usize) -> bool {
    match mode {
        Snap::Off => false,
        Snap::On => true,
        Snap::Auto => {
            if total_vertices > 1024 {
                return false;
            }
            let mut path = path;
            let Some((_, mut x0, mut y0)) = path.next() else {
                return false;
            };
            let (mut xs, mut ys) = (x0, y0);
            for (code, x1, y1) in path {
                match code {
                    Cmd::Curve3 | Cmd::Curve4 => return false,
                    Cmd::LineTo => {
                        if (x0 - x1).abs() >= 1e-4 && (y0 - y1).abs() >= 1e-4 {
                            return false;
                        }
                    }
                    Cmd::Close => {
                        if (x0 - xs).abs() >= 1e-4 && (y0 - ys).abs() >= 1e-4 {
                            return false;
                        }
                    }
                    Cmd::MoveTo => {
                        xs = x1;
                        ys = y1;
                    }
                    Cmd::Stop => {}
                }
                x0 = x1;
                y0 = y1;
            }
            true
        }
    }
}

/// `PathSnapper`'s vertex rule, decided beforehand by [`should_snap`].
#[derive(Debug, Clone)]
pub struct Snapper<I> {
    src: I,
    value: Option<f64>,
}

impl<I> Snapper<I> {
    /// Snaps when `snap`, to pixel centres when `mpl_round(stroke_width)` is odd, else to
    /// pixel edges.
    pub fn new(src: I, snap: bool, stroke_width: f64) -> Self {
        let odd = (mpl_round(stroke_width) as i64) % 2 != 0;
        Snapper {
            src,
            value: snap.then_some(if odd { 0.5 } else { 0.0 }),
        }
    }
}

impl<I: Iterator<Item = Vtx>> Iterator for Snapper<I> {
    type Item = Vtx;
    fn next(&mut self) -> Option<Vtx> {
        let (c, x, y) = self.src.next()?;
        match self.value {
            Some(s) if c.is_vertex() => Some((c, (x + 0.5).floor() + s, (y + 0.5).floor() + s)),
            _ => Some((c, x, y)),
        }
    }
}

/// matplotlib's `path.simplify_threshold` rc default, the literal 0.111111111111.
pub const SIMPLIFY_THRESHOLD: f64 = 0.111111111111;

/// `PathSimplifier` (enabled), with matplotlib's 9-slot queue and `_push` semantics.
#[derive(Debug, Clone)]
pub struct Simplifier<I> {
    src: I,
    on: bool,
    done: bool,
    queue: Queue<9>,
    threshold: f64,
    moveto: bool,
    after_moveto: bool,
    clipped: bool,
    has_init: bool,
    init: (f64, f64),
    last: (f64, f64),
    orig_d: (f64, f64),
    orig_norm2: f64,
    fwd_max: f64,
    bwd_max: f64,
    last_fwd_max: bool,
    last_bwd_max: bool,
    next: (f64, f64),
    next_bwd: (f64, f64),
    start: (f64, f64),
}

impl<I: Iterator<Item = Vtx>> Simplifier<I> {
    /// A simplifier with matplotlib's threshold (squared inside); a pass-through unless `on`.
    pub fn new(src: I, on: bool, threshold: f64) -> Self {
        Simplifier {
            src,
            on,
            done: false,
            queue: Queue::new(),
            threshold: threshold * threshold,
            moveto: true,
            after_moveto: false,
            clipped: false,
            has_init: false,
            init: (0.0, 0.0),
            last: (0.0, 0.0),
            orig_d: (0.0, 0.0),
            orig_norm2: 0.0,
            fwd_max: 0.0,
            bwd_max: 0.0,
            last_fwd_max: false,
            last_bwd_max: false,
            next: (0.0, 0.0),
            next_bwd: (0.0, 0.0),
            start: (0.0, 0.0),
        }
    }

    /// The source, as far as it has been read.
    pub(crate) fn source(&self) -> &I {
        &self.src
    }

    /// Everything that decides the rest of the output besides the input still to come,
    /// when nothing waits in the queue (else `None`), as bits: two simplifiers with equal
    /// idle states go on to emit the same vertices from the same input. Leaves out the
    /// first vertex `init` (read only at a close, which [`crate::raster::simplified_polyline`]'s
    /// input never has) and `next_bwd` while `bwd_max` is 0 (read only when it is not).
    pub(crate) fn idle_state(&self) -> Option<[u64; 15]> {
        if self.queue.nonempty() || self.done {
            return None;
        }
        let flags = u64::from(self.moveto)
            | u64::from(self.after_moveto) << 1
            | u64::from(self.clipped) << 2
            | u64::from(self.last_fwd_max) << 3
            | u64::from(self.last_bwd_max) << 4;
        let bwd = if self.bwd_max.to_bits() == 0 {
            (0, 0)
        } else {
            (self.next_bwd.0.to_bits(), self.next_bwd.1.to_bits())
        };
        Some([
            flags,
            self.last.0.to_bits(),
            self.last.1.to_bits(),
            self.orig_d.0.to_bits(),
            self.orig_d.1.to_bits(),
            self.orig_norm2.to_bits(),
            self.fwd_max.to_bits(),
            self.bwd_max.to_bits(),
            self.next.0.to_bits(),
            self.next.1.to_bits(),
            bwd.0,
            bwd.1,
            self.start.0.to_bits(),
            self.start.1.to_bits(),
            self.threshold.to_bits(),
        ])
    }

    fn push(&mut self, x: f64, y: f64) {
        if self.bwd_max > 0.0 {
            if self.last_fwd_max {
                self.queue
                    .push(Cmd::LineTo, self.next_bwd.0, self.next_bwd.1);
                self.queue.push(Cmd::LineTo, self.next.0, self.next.1);
            } else {
                self.queue.push(Cmd::LineTo, self.next.0, self.next.1);
                self.queue
                    .push(Cmd::LineTo, self.next_bwd.0, self.next_bwd.1);
            }
        } else {
            self.queue.push(Cmd::LineTo, self.next.0, self.next.1);
        }
        if self.clipped {
            self.queue.push(Cmd::MoveTo, self.last.0, self.last.1);
        } else if !self.last_fwd_max && !self.last_bwd_max {
            self.queue.push(Cmd::LineTo, self.last.0, self.last.1);
        }
        self.orig_d = (x - self.last.0, y - self.last.1);
        self.orig_norm2 = self.orig_d.0 * self.orig_d.0 + self.orig_d.1 * self.orig_d.1;
        self.fwd_max = self.orig_norm2;
        self.last_fwd_max = true;
        let (_, sx, sy) = self.queue.last();
        self.start = (sx, sy);
        self.last = (x, y);
        self.next = (x, y);
        self.bwd_max = 0.0;
        self.last_bwd_max = false;
        self.clipped = false;
    }
}

impl<I: Iterator<Item = Vtx>> Iterator for Simplifier<I> {
    type Item = Vtx;
    fn next(&mut self) -> Option<Vtx> {
        if !self.on {
            return self.src.next();
        }
        if let Some(v) = self.queue.pop() {
            return (v.0 != Cmd::Stop).then_some(v);
        }
        if self.done {
            return None;
        }
        let mut stopped = true;
        while let Some((cmd, mut x, mut y)) = self.src.next() {
            if self.moveto || cmd == Cmd::MoveTo {
                if self.orig_norm2 != 0.0 && !self.after_moveto {
                    self.push(x, y);
                }
                self.after_moveto = true;
                if finite(x, y) {
                    self.has_init = true;
                    self.init = (x, y);
                } else {
                    self.has_init = false;
                }
                self.last = (x, y);
                self.moveto = false;
                self.orig_norm2 = 0.0;
                self.bwd_max = 0.0;
                self.clipped = true;
                if self.queue.nonempty() {
                    stopped = false;
                    break;
                }
                continue;
            }
            self.after_moveto = false;
            if cmd == Cmd::Close {
                if self.has_init {
                    (x, y) = self.init;
                } else {
                    continue;
                }
            }
            if self.orig_norm2 == 0.0 {
                if self.clipped {
                    self.queue.push(Cmd::MoveTo, self.last.0, self.last.1);
                    self.clipped = false;
                }
                self.orig_d = (x - self.last.0, y - self.last.1);
                self.orig_norm2 = self.orig_d.0 * self.orig_d.0 + self.orig_d.1 * self.orig_d.1;
                self.fwd_max = self.orig_norm2;
                self.bwd_max = 0.0;
                self.last_fwd_max = true;
                self.last_bwd_max = false;
                self.start = self.last;
                self.last = (x, y);
                self.next = (x, y);
                continue;
            }
            let tot = (x - self.start.0, y - self.start.1);
            let (ox, oy) = self.orig_d;
            let totdot = ox * tot.0 + oy * tot.1;
            let para = (totdot * ox / self.orig_norm2, totdot * oy / self.orig_norm2);
            let perp = (tot.0 - para.0, tot.1 - para.1);
            let perp2 = perp.0 * perp.0 + perp.1 * perp.1;
            if perp2 < self.threshold {
                let para2 = para.0 * para.0 + para.1 * para.1;
                self.last_fwd_max = false;
                self.last_bwd_max = false;
                if totdot > 0.0 {
                    if para2 > self.fwd_max {
                        self.last_fwd_max = true;
                        self.fwd_max = para2;
                        self.next = (x, y);
                    }
                } else if para2 > self.bwd_max {
                    self.last_bwd_max = true;
                    self.bwd_max = para2;
                    self.next_bwd = (x, y);
                }
                self.last = (x, y);
                continue;
            }
            self.push(x, y);
            stopped = false;
            break;
        }
        if stopped {
            self.done = true;
            let mv = |s: &Self| {
                if s.moveto || s.after_moveto {
                    Cmd::MoveTo
                } else {
                    Cmd::LineTo
                }
            };
            if self.orig_norm2 != 0.0 {
                let c = mv(self);
                self.queue.push(c, self.next.0, self.next.1);
                if self.bwd_max > 0.0 {
                    self.queue.push(c, self.next_bwd.0, self.next_bwd.1);
                }
                self.moveto = false;
            }
            let c = mv(self);
            self.queue.push(c, self.last.0, self.last.1);
            self.moveto = false;
            self.queue.push(Cmd::Stop, 0.0, 0.0);
        }
        let v = self.queue.pop()?;
        (v.0 != Cmd::Stop).then_some(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(x: f64, y: f64) -> Vtx {
        (Cmd::MoveTo, x, y)
    }
    fn l(x: f64, y: f64) -> Vtx {
        (Cmd::LineTo, x, y)
    }

    #[test]
    fn nan_breaks_a_polyline_into_moves() {
        let src = vec![
            m(0.0, 0.0),
            l(1.0, 1.0),
            l(f64::NAN, 1.0),
            l(2.0, 2.0),
            l(3.0, 3.0),
        ];
        let fast: Vec<_> = NanRemover::new(src.clone().into_iter(), false).collect();
        assert_eq!(
            fast,
            vec![m(0.0, 0.0), l(1.0, 1.0), m(2.0, 2.0), l(3.0, 3.0)]
        );
        // With codes a break re-enters with a move and a zero-length line, as matplotlib.
        let slow: Vec<_> = NanRemover::new(src.into_iter(), true).collect();
        assert_eq!(
            slow,
            vec![
                m(0.0, 0.0),
                l(1.0, 1.0),
                m(2.0, 2.0),
                l(2.0, 2.0),
                l(3.0, 3.0)
            ]
        );
    }

    #[test]
    fn broken_closed_loop_closes_with_a_line() {
        let src = vec![
            m(0.0, 0.0),
            l(f64::NAN, 0.0),
            l(5.0, 5.0),
            l(0.0, 5.0),
            (Cmd::Close, 0.0, 0.0),
        ];
        let out: Vec<_> = NanRemover::new(src.into_iter(), true).collect();
        assert_eq!(out.last(), Some(&l(0.0, 0.0)));
        assert!(!out.iter().any(|v| v.0 == Cmd::Close));
    }

    #[test]
    fn clipper_cuts_at_the_canvas_plus_one() {
        let src = vec![m(5.0, 5.0), l(105.0, 5.0)];
        let out: Vec<_> = Clipper::new(src.into_iter(), true, 50.0, 50.0).collect();
        assert_eq!(out, vec![m(5.0, 5.0), l(51.0, 5.0)]);
    }

    #[test]
    fn snapping_follows_the_rounded_width() {
        let src = || vec![m(1.3, 2.6), l(7.8, 2.6)].into_iter();
        let odd: Vec<_> = Snapper::new(src(), true, 1.39).collect();
        assert_eq!(odd, vec![m(1.5, 3.5), l(8.5, 3.5)]);
        // mpl_round(2.5) is 3 (half away from zero): odd.
        let half: Vec<_> = Snapper::new(src(), true, 2.5).collect();
        assert_eq!(half, odd);
        let even: Vec<_> = Snapper::new(src(), true, 2.4).collect();
        assert_eq!(even, vec![m(1.0, 3.0), l(8.0, 3.0)]);
        assert!(should_snap(Snap::Auto, src(), 2));
        let diagonal = vec![m(0.0, 0.0), l(3.0, 4.0)];
        assert!(!should_snap(Snap::Auto, diagonal.into_iter(), 2));
        assert!(!should_snap(Snap::Auto, src(), 1025));
    }

    #[test]
    fn simplifier_merges_collinear_runs() {
        let src: Vec<Vtx> = (0..200)
            .map(|i| {
                let v = (f64::from(i), 10.0 + 0.5 * f64::from(i));
                if i == 0 {
                    m(v.0, v.1)
                } else {
                    l(v.0, v.1)
                }
            })
            .collect();
        let out: Vec<_> = Simplifier::new(src.into_iter(), true, SIMPLIFY_THRESHOLD).collect();
        assert_eq!(out.first(), Some(&m(0.0, 10.0)));
        assert!(out.len() <= 3, "{out:?}");
        assert_eq!(out.last().map(|v| v.1), Some(199.0));
    }
}
