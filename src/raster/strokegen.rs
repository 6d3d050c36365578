//! Agg's stroke and dash generators (`vcgen_stroke` with `math_stroke`, `vcgen_dash`, both
//! behind `conv_adaptor_vcgen`), ported operation for operation: caps butt/square/round,
//! joins miter_join_revert/round/bevel with Agg's inner miter joins, round arcs stepped by
//! `da = 2 acos(w / (w + 0.125))`. They are push sinks: a path's vertices go in one by one,
//! the outline goes out to another [`Sink`] (the rasterizer).

use super::pathconv::Cmd;
use crate::error::{Error, Result};
use crate::scene::{CapStyle, JoinStyle};
use std::f64::consts::PI;

mod split;

/// Receives path vertices (Agg's `add_vertex`).
pub trait Sink {
    /// One vertex or command.
    fn vertex(&mut self, cmd: Cmd, x: f64, y: f64);
}

impl Sink for super::cells::Rasterizer {
    #[inline]
    fn vertex(&mut self, cmd: Cmd, x: f64, y: f64) {
        match cmd {
            Cmd::MoveTo => self.move_to_d(x, y),
            Cmd::LineTo | Cmd::Curve3 | Cmd::Curve4 => self.line_to_d(x, y),
            Cmd::Close => self.close_polygon(),
            Cmd::Stop => {}
        }
    }
}

const VERTEX_DIST_EPSILON: f64 = 1e-14;
const INTERSECTION_EPSILON: f64 = 1e-30;

/// Agg's `vertex_dist`: a point and the distance to the next one.
#[derive(Debug, Clone, Copy)]
struct VDist {
    x: f64,
    y: f64,
    dist: f64,
}

impl VDist {
    fn new(x: f64, y: f64) -> Self {
        VDist { x, y, dist: 0.0 }
    }
    /// `vertex_dist::operator()`: stores the distance to `o`, true when not coincident.
    fn measure(&mut self, o: &VDist) -> bool {
        self.dist = ((o.x - self.x) * (o.x - self.x) + (o.y - self.y) * (o.y - self.y)).sqrt();
        let ret = self.dist > VERTEX_DIST_EPSILON;
        if !ret {
            self.dist = 1.0 / VERTEX_DIST_EPSILON;
        }
        ret
    }
}

/// Agg's `vertex_sequence<vertex_dist>`, with fallible growth.
#[derive(Debug, Default)]
struct VSeq {
    v: Vec<VDist>,
    failed: bool,
}

impl VSeq {
    fn measure(&mut self, i: usize, j: usize) -> bool {
        let o = self.v[j];
        self.v[i].measure(&o)
    }
    fn add(&mut self, p: VDist) {
        let n = self.v.len();
        if n > 1 && !self.measure(n - 2, n - 1) {
            self.v.pop();
        }
        if self.v.len() == self.v.capacity() && self.v.try_reserve(self.v.len().max(16)).is_err() {
            self.failed = true;
            return;
        }
        self.v.push(p);
    }
    fn modify_last(&mut self, p: VDist) {
        self.v.pop();
        self.add(p);
    }
    fn close(&mut self, closed: bool) {
        while self.v.len() > 1 {
            let n = self.v.len();
            if self.measure(n - 2, n - 1) {
                break;
            }
            let t = self.v[n - 1];
            self.v.pop();
            self.modify_last(t);
        }
        if closed {
            while self.v.len() > 1 {
                let n = self.v.len();
                if self.measure(n - 1, 0) {
                    break;
                }
                self.v.pop();
            }
        }
    }
}

pub(super) fn cross_product(x1: f64, y1: f64, x2: f64, y2: f64, x: f64, y: f64) -> f64 {
    (x - x2) * (y2 - y1) - (y - y2) * (x2 - x1)
}

#[allow(clippy::too_many_arguments)]
pub(super) fn calc_intersection(
    ax: f64,
    ay: f64,
    bx: f64,
    by: f64,
    cx: f64,
    cy: f64,
    dx: f64,
    dy: f64,
) -> Option<(f64, f64)> {
    let num = (ay - cy) * (dx - cx) - (ax - cx) * (dy - cy);
    let den = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx);
    if den.abs() < INTERSECTION_EPSILON {
        return None;
    }
    let r = num / den;
    Some((ax + r * (bx - ax), ay + r * (by - ay)))
}

/// The last `atan2` a chain's round joins computed: the next join's first angle is the
/// last one's second (the offset of the segment they share), the same bits.
#[derive(Debug, Default)]
struct AtanMemo {
    last: Option<(u64, u64, f64)>,
}

impl AtanMemo {
    /// `y.atan2(x)`, from the memo when its arguments are the last ones (bit for bit).
    #[inline]
    fn atan2(&mut self, y: f64, x: f64) -> f64 {
        let key = (y.to_bits(), x.to_bits());
        match self.last {
            Some((a, b, r)) if (a, b) == key => r,
            _ => {
                let r = y.atan2(x);
                self.last = Some((key.0, key.1, r));
                r
            }
        }
    }
}

/// Agg's `math_stroke` with matplotlib's settings (inner_miter joins, inner miter limit
/// 1.01, approximation scale 1).
#[derive(Debug, Clone)]
struct MathStroke {
    width: f64,
    width_abs: f64,
    width_eps: f64,
    width_sign: f64,
    miter_limit: f64,
    cap: CapStyle,
    join: JoinStyle,
    /// The angle step of round joins and caps, `acos(w / (w + 0.125)) * 2` (Agg computes
    /// it at every arc; once here, the same value).
    da: f64,
}

impl MathStroke {
    fn new(width: f64, cap: CapStyle, join: JoinStyle, miter_limit: f64) -> Self {
        let w = width * 0.5;
        MathStroke {
            width: w,
            width_abs: w.abs(),
            da: (w.abs() / (w.abs() + 0.125)).acos() * 2.0,
            width_eps: w / 1024.0,
            width_sign: if w < 0.0 { -1.0 } else { 1.0 },
            miter_limit,
            cap,
            join,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn arc(
        &self,
        out: &mut Vec<(f64, f64)>,
        x: f64,
        y: f64,
        dx1: f64,
        dy1: f64,
        dx2: f64,
        dy2: f64,
        memo: &mut AtanMemo,
    ) {
        let mut a1 = memo.atan2(dy1 * self.width_sign, dx1 * self.width_sign);
        let mut a2 = memo.atan2(dy2 * self.width_sign, dx2 * self.width_sign);
        let mut da = self.da;
        out.push((x + dx1, y + dy1));
        if self.width_sign > 0.0 {
            if a1 > a2 {
                a2 += 2.0 * PI;
            }
            let n = ((a2 - a1) / da) as i32;
            da = (a2 - a1) / f64::from(n + 1);
            a1 += da;
            for _ in 0..n {
                out.push((x + a1.cos() * self.width, y + a1.sin() * self.width));
                a1 += da;
            }
        } else {
            if a1 < a2 {
                a2 -= 2.0 * PI;
            }
            let n = ((a1 - a2) / da) as i32;
            da = (a1 - a2) / f64::from(n + 1);
            a1 -= da;
            for _ in 0..n {
                out.push((x + a1.cos() * self.width, y + a1.sin() * self.width));
                a1 -= da;
            }
        }
        out.push((x + dx2, y + dy2));
    }

    /// `calc_miter` for `miter_join_revert` (the only miter kind matplotlib asks for).
    #[allow(clippy::too_many_arguments)]
    fn miter(
        &self,
        out: &mut Vec<(f64, f64)>,
        v0: &VDist,
        v1: &VDist,
        v2: &VDist,
        dx1: f64,
        dy1: f64,
        dx2: f64,
        dy2: f64,
        mlimit: f64,
    ) {
        let lim = self.width_abs * mlimit;
        let mut exceeded = true;
        if let Some((xi, yi)) = calc_intersection(
            v0.x + dx1,
            v0.y - dy1,
            v1.x + dx1,
            v1.y - dy1,
            v1.x + dx2,
            v1.y - dy2,
            v2.x + dx2,
            v2.y - dy2,
        ) {
            let di = ((xi - v1.x) * (xi - v1.x) + (yi - v1.y) * (yi - v1.y)).sqrt();
            if di <= lim {
                out.push((xi, yi));
                exceeded = false;
            }
        } else {
            let x2 = v1.x + dx1;
            let y2 = v1.y - dy1;
            if (cross_product(v0.x, v0.y, v1.x, v1.y, x2, y2) < 0.0)
                == (cross_product(v1.x, v1.y, v2.x, v2.y, x2, y2) < 0.0)
            {
                out.push((v1.x + dx1, v1.y - dy1));
                exceeded = false;
            }
        }
        if exceeded {
            out.push((v1.x + dx1, v1.y - dy1));
            out.push((v1.x + dx2, v1.y - dy2));
        }
    }

    fn calc_cap(&self, out: &mut Vec<(f64, f64)>, v0: &VDist, v1: &VDist, len: f64) {
        out.clear();
        let mut dx1 = (v1.y - v0.y) / len;
        let mut dy1 = (v1.x - v0.x) / len;
        dx1 *= self.width;
        dy1 *= self.width;
        if self.cap != CapStyle::Round {
            let (mut dx2, mut dy2) = (0.0, 0.0);
            if self.cap == CapStyle::Projecting {
                dx2 = dy1 * self.width_sign;
                dy2 = dx1 * self.width_sign;
            }
            out.push((v0.x - dx1 - dx2, v0.y + dy1 - dy2));
            out.push((v0.x + dx1 - dx2, v0.y - dy1 - dy2));
        } else {
            let mut da = self.da;
            let n = (PI / da) as i32;
            da = PI / f64::from(n + 1);
            out.push((v0.x - dx1, v0.y + dy1));
            if self.width_sign > 0.0 {
                let mut a1 = dy1.atan2(-dx1);
                a1 += da;
                for _ in 0..n {
                    out.push((v0.x + a1.cos() * self.width, v0.y + a1.sin() * self.width));
                    a1 += da;
                }
            } else {
                let mut a1 = (-dy1).atan2(dx1);
                a1 -= da;
                for _ in 0..n {
                    out.push((v0.x + a1.cos() * self.width, v0.y + a1.sin() * self.width));
                    a1 -= da;
                }
            }
            out.push((v0.x + dx1, v0.y - dy1));
        }
    }

    /// `calc_join` at each `(p, i, q, len1, len2)` of `js` (the join at `v[i]` between
    /// `v[p]` and `v[q]`), in order, each join's outline given to `emit`. When a join's
    /// first segment is the last one's second (`p`, `i`, `len1` = the last `i`, `q`,
    /// `len2`), its offset is the last one's: the same expression on the same operands.
    fn joins(
        &self,
        v: &[VDist],
        js: impl Iterator<Item = (usize, usize, usize, f64, f64)>,
        buf: &mut Vec<(f64, f64)>,
        mut emit: impl FnMut(&[(f64, f64)]),
    ) {
        let mut memo = AtanMemo::default();
        let mut carry: Option<(usize, usize, u64, (f64, f64))> = None;
        for (p, i, q, len1, len2) in js {
            let n1 = match carry {
                Some((a, b, l, n)) if (a, b, l) == (p, i, len1.to_bits()) => n,
                _ => self.normal(&v[p], &v[i], len1),
            };
            let n2 = self.normal(&v[i], &v[q], len2);
            carry = Some((i, q, len2.to_bits(), n2));
            self.join(buf, [&v[p], &v[i], &v[q]], len1, len2, n1, n2, &mut memo);
            emit(buf);
        }
    }

    /// `calc_join`'s offset `(dx, dy)` of the segment from `a` to `b` of length `len`.
    /// Consecutive joins of a chain compute it for the segment they share from the same
    /// operands in the same order (the same bits), so a chain computes it once
    /// ([`MathStroke::join`]).
    #[inline]
    fn normal(&self, a: &VDist, b: &VDist, len: f64) -> (f64, f64) {
        (
            self.width * (b.y - a.y) / len,
            self.width * (b.x - a.x) / len,
        )
    }

    /// Agg's `calc_join` given the two segments' offsets ([`MathStroke::normal`]) and the
    /// chain's `atan2` memo.
    #[allow(clippy::too_many_arguments)]
    fn join(
        &self,
        out: &mut Vec<(f64, f64)>,
        [v0, v1, v2]: [&VDist; 3],
        len1: f64,
        len2: f64,
        (dx1, dy1): (f64, f64),
        (dx2, dy2): (f64, f64),
        memo: &mut AtanMemo,
    ) {
        out.clear();
        let cp = cross_product(v0.x, v0.y, v1.x, v1.y, v2.x, v2.y);
        if cp != 0.0 && (cp > 0.0) == (self.width > 0.0) {
            // Inner join: inner_miter.
            let mut limit = (if len1 < len2 { len1 } else { len2 }) / self.width_abs;
            if limit < 1.01 {
                limit = 1.01;
            }
            self.miter(out, v0, v1, v2, dx1, dy1, dx2, dy2, limit);
            return;
        }
        let dx = (dx1 + dx2) / 2.0;
        let dy = (dy1 + dy2) / 2.0;
        let dbevel = (dx * dx + dy * dy).sqrt();
        if matches!(self.join, JoinStyle::Round | JoinStyle::Bevel)
            && self.width_abs - dbevel < self.width_eps
        {
            match calc_intersection(
                v0.x + dx1,
                v0.y - dy1,
                v1.x + dx1,
                v1.y - dy1,
                v1.x + dx2,
                v1.y - dy2,
                v2.x + dx2,
                v2.y - dy2,
            ) {
                Some(p) => out.push(p),
                None => out.push((v1.x + dx1, v1.y - dy1)),
            }
            return;
        }
        match self.join {
            JoinStyle::Miter => self.miter(out, v0, v1, v2, dx1, dy1, dx2, dy2, self.miter_limit),
            JoinStyle::Round => self.arc(out, v1.x, v1.y, dx1, -dy1, dx2, -dy2, memo),
            JoinStyle::Bevel => {
                out.push((v1.x + dx1, v1.y - dy1));
                out.push((v1.x + dx2, v1.y - dy2));
            }
        }
    }
}

/// `conv_adaptor_vcgen`'s sub-path accumulation in push form: the first vertex (whatever
/// its command) starts a sub-path, a MoveTo flushes and starts the next, a close flushes
/// and restarts at the sub-path's start point.
#[derive(Debug, Default)]
struct Accumulator {
    seq: VSeq,
    closed: bool,
    start: Option<(f64, f64)>,
}

impl Accumulator {
    /// Starts a sub-path at (x, y) (`remove_all` + the generator's `add_vertex(move_to)`).
    fn begin(&mut self, x: f64, y: f64) {
        self.seq.v.clear();
        self.closed = false;
        self.seq.modify_last(VDist::new(x, y));
    }
}

/// A solid stroke (`conv_stroke`) feeding a sink.
pub struct StrokeSink<'a, S: Sink> {
    acc: Accumulator,
    ms: MathStroke,
    out: &'a mut S,
    buf: Vec<(f64, f64)>,
}

impl<'a, S: Sink> StrokeSink<'a, S> {
    /// A stroke of `width` px with matplotlib's cap/join mapping and `miter_limit`.
    pub fn new(
        out: &'a mut S,
        width: f64,
        cap: CapStyle,
        join: JoinStyle,
        miter_limit: f64,
    ) -> Self {
        StrokeSink {
            acc: Accumulator::default(),
            ms: MathStroke::new(width, cap, join, miter_limit),
            out,
            buf: Vec::new(),
        }
    }

    /// Room for `n` vertices of a sub-path, when it can be had (a long line's stroke: no
    /// copies as its vertex list grows).
    pub(crate) fn reserve(&mut self, n: usize) {
        let v = &mut self.acc.seq.v;
        let _ = v.try_reserve(n.saturating_sub(v.len()));
    }

    /// Generates the last sub-path; fails when its vertices could not be stored.
    pub fn finish(mut self) -> Result<()> {
        self.flush();
        if self.acc.seq.failed {
            return Err(Error::Data(
                "stroke: out of memory for the path's vertices".into(),
            ));
        }
        Ok(())
    }

    /// `vcgen_stroke::rewind` + `vertex` over the accumulated sub-path.
    fn flush(&mut self) {
        if self.acc.start.is_none() {
            return;
        }
        let mut closed = self.acc.closed;
        self.acc.seq.close(closed);
        let v = std::mem::take(&mut self.acc.seq.v);
        if v.len() < 3 {
            closed = false;
        }
        let n = v.len();
        if n < 2 + usize::from(closed) {
            self.acc.seq.v = v;
            return;
        }
        let mut buf = std::mem::take(&mut self.buf);
        let mut first = true;
        let (ms, out) = (&self.ms, &mut *self.out);
        let prev = |i: usize| if i == 0 { n - 1 } else { i - 1 };
        let next = |i: usize| if i + 1 >= n { 0 } else { i + 1 };
        if closed {
            let fwd = (0..n).map(|i| (prev(i), i, next(i), v[prev(i)].dist, v[i].dist));
            ms.joins(&v, fwd, &mut buf, |b| split::emit(out, b, &mut first));
            out.vertex(Cmd::Close, 0.0, 0.0);
            first = true;
            let back = (0..n)
                .rev()
                .map(|i| (next(i), i, prev(i), v[i].dist, v[prev(i)].dist));
            ms.joins(&v, back, &mut buf, |b| split::emit(out, b, &mut first));
            out.vertex(Cmd::Close, 0.0, 0.0);
        } else {
            ms.calc_cap(&mut buf, &v[0], &v[1], v[0].dist);
            split::emit(out, &buf, &mut first);
            let fwd = (1..n - 1).map(|i| (i - 1, i, i + 1, v[i - 1].dist, v[i].dist));
            ms.joins(&v, fwd, &mut buf, |b| split::emit(out, b, &mut first));
            ms.calc_cap(&mut buf, &v[n - 1], &v[n - 2], v[n - 2].dist);
            split::emit(out, &buf, &mut first);
            let back = (1..n - 1)
                .rev()
                .map(|i| (i + 1, i, i - 1, v[i].dist, v[i - 1].dist));
            ms.joins(&v, back, &mut buf, |b| split::emit(out, b, &mut first));
            out.vertex(Cmd::Close, 0.0, 0.0);
        }
        self.buf = buf;
        self.acc.seq.v = v;
    }
}

impl<S: Sink> Sink for StrokeSink<'_, S> {
    fn vertex(&mut self, cmd: Cmd, x: f64, y: f64) {
        adaptor_vertex(self, cmd, x, y);
    }
}

/// The generator side of `conv_adaptor_vcgen`.
trait Generator {
    fn acc(&mut self) -> &mut Accumulator;
    fn flush(&mut self);
}

impl<S: Sink> Generator for StrokeSink<'_, S> {
    fn acc(&mut self) -> &mut Accumulator {
        &mut self.acc
    }
    fn flush(&mut self) {
        StrokeSink::flush(self);
    }
}

fn adaptor_vertex<G: Generator>(g: &mut G, cmd: Cmd, x: f64, y: f64) {
    if cmd == Cmd::Stop {
        return;
    }
    let Some(start) = g.acc().start else {
        if cmd.is_vertex() {
            g.acc().start = Some((x, y));
            g.acc().begin(x, y);
        }
        return;
    };
    match cmd {
        Cmd::MoveTo => {
            g.flush();
            g.acc().start = Some((x, y));
            g.acc().begin(x, y);
        }
        Cmd::Close => {
            g.acc().closed = true;
            g.flush();
            g.acc().begin(start.0, start.1);
        }
        _ => g.acc().seq.add(VDist::new(x, y)),
    }
}

/// A dash generator (`conv_dash`) feeding a sink (the stroke).
pub struct DashSink<'a, S: Sink> {
    acc: Accumulator,
    dashes: Vec<f64>,
    dash_start: f64,
    out: &'a mut S,
    /// Dash ends emitted so far (bounded by [`MAX_DASH_ENDS`]).
    ends: u64,
}

/// The most dash ends one path may be cut into. A pattern far finer than a pixel
/// (`(0, (1e-9, 1e-9))`) would otherwise cut a 500-px line into 10^13 dashes and never
/// finish; matplotlib 3.11.2 raises "Exceeded cell block limit" on that one (after 62 s
/// here) once its rasterizer holds 2^27 cells, and draws `(0, (1e-5, 1e-5))` (2.8 * 10^7
/// ends, 32 s), which this limit still lets through.
pub const MAX_DASH_ENDS: u64 = 1 << 26;

impl<'a, S: Sink> DashSink<'a, S> {
    /// Dashes `pattern` (on, off, ...) starting `offset` into it. As matplotlib's dash
    /// converter, an odd-length pattern is walked twice: pairs `(p[i % n], p[(i + 1) % n])`
    /// for even `i < 2n` (`i < n` when `n` is even); Agg keeps at most 16 pairs.
    pub fn new(out: &'a mut S, pattern: &[f64], offset: f64) -> Self {
        let mut dashes = Vec::new();
        let n = pattern.len();
        let len = if n % 2 == 1 { 2 * n } else { n };
        let mut i = 0;
        while i < len && dashes.len() < 32 {
            dashes.push(pattern[i % n]);
            dashes.push(pattern[(i + 1) % n]);
            i += 2;
        }
        DashSink {
            acc: Accumulator::default(),
            dashes,
            dash_start: offset,
            out,
            ends: 0,
        }
    }

    /// Generates the last sub-path.
    pub fn finish(mut self) -> Result<()> {
        DashSink::flush(&mut self);
        if self.ends > MAX_DASH_ENDS {
            return Err(Error::Data(format!(
                "dashes: the dash pattern {:?} (px) cuts the path into more than {MAX_DASH_ENDS} dashes (matplotlib: \"Exceeded cell block limit\")",
                self.dashes
            )));
        }
        if self.acc.seq.failed {
            return Err(Error::Data(
                "dashes: out of memory for the path's vertices".into(),
            ));
        }
        Ok(())
    }

    fn calc_dash_start(&self, mut ds: f64) -> (usize, f64) {
        let (mut cur, mut cur_start) = (0usize, 0.0);
        while ds > 0.0 {
            if ds > self.dashes[cur] {
                ds -= self.dashes[cur];
                cur += 1;
                cur_start = 0.0;
                if cur >= self.dashes.len() {
                    cur = 0;
                }
            } else {
                cur_start = ds;
                ds = 0.0;
            }
        }
        (cur, cur_start)
    }

    fn flush(&mut self) {
        if self.acc.start.is_none() {
            return;
        }
        let closed = self.acc.closed;
        self.acc.seq.close(closed);
        let v = std::mem::take(&mut self.acc.seq.v);
        let n = v.len();
        if self.dashes.len() < 2 || n < 2 {
            self.acc.seq.v = v;
            return;
        }
        // `dash_start(ds)` computed `calc_dash_start(fabs(ds))`; `ready` recomputes with the
        // signed value when it is >= 0.
        let (mut cur, mut cur_start) = self.calc_dash_start(self.dash_start.abs());
        if self.dash_start >= 0.0 {
            (cur, cur_start) = self.calc_dash_start(self.dash_start);
        }
        self.out.vertex(Cmd::MoveTo, v[0].x, v[0].y);
        let mut src = 1usize;
        let mut v1 = 0usize;
        let mut v2 = 1usize;
        let mut rest = v[v1].dist;
        loop {
            let dash_rest = self.dashes[cur] - cur_start;
            let cmd = if cur & 1 == 1 {
                Cmd::MoveTo
            } else {
                Cmd::LineTo
            };
            if rest > dash_rest {
                self.ends += 1;
                if self.ends > MAX_DASH_ENDS {
                    break;
                }
                rest -= dash_rest;
                cur += 1;
                if cur >= self.dashes.len() {
                    cur = 0;
                }
                cur_start = 0.0;
                let (a, b) = (&v[v1], &v[v2]);
                let x = b.x - (b.x - a.x) * rest / a.dist;
                let y = b.y - (b.y - a.y) * rest / a.dist;
                self.out.vertex(cmd, x, y);
            } else {
                cur_start += rest;
                let (x, y) = (v[v2].x, v[v2].y);
                self.out.vertex(cmd, x, y);
                src += 1;
                v1 = v2;
                rest = v[v1].dist;
                if closed {
                    if src > n {
                        break;
                    }
                    v2 = if src >= n { 0 } else { src };
                } else {
                    if src >= n {
                        break;
                    }
                    v2 = src;
                }
            }
        }
        self.acc.seq.v = v;
    }
}

impl<S: Sink> Generator for DashSink<'_, S> {
    fn acc(&mut self) -> &mut Accumulator {
        &mut self.acc
    }
    fn flush(&mut self) {
        DashSink::flush(self);
    }
}

impl<S: Sink> Sink for DashSink<'_, S> {
    fn vertex(&mut self, cmd: Cmd, x: f64, y: f64) {
        adaptor_vertex(self, cmd, x, y);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct Record(Vec<(Cmd, f64, f64)>);
    impl Sink for Record {
        fn vertex(&mut self, cmd: Cmd, x: f64, y: f64) {
            self.0.push((cmd, x, y));
        }
    }

    fn stroke(cap: CapStyle, pts: &[(f64, f64)], width: f64) -> Vec<(Cmd, f64, f64)> {
        let mut rec = Record::default();
        let mut s = StrokeSink::new(&mut rec, width, cap, JoinStyle::Miter, width);
        for (i, &(x, y)) in pts.iter().enumerate() {
            s.vertex(if i == 0 { Cmd::MoveTo } else { Cmd::LineTo }, x, y);
        }
        s.finish().expect("stroked");
        rec.0
    }

    #[test]
    fn butt_and_square_caps_outline_a_segment() {
        let butt = stroke(CapStyle::Butt, &[(0.0, 0.0), (10.0, 0.0)], 2.0);
        let pts: Vec<_> = butt
            .iter()
            .filter(|v| v.0 != Cmd::Close)
            .map(|v| (v.1, v.2))
            .collect();
        assert_eq!(
            pts,
            vec![(0.0, 1.0), (0.0, -1.0), (10.0, -1.0), (10.0, 1.0)]
        );
        let square = stroke(CapStyle::Projecting, &[(0.0, 0.0), (10.0, 0.0)], 2.0);
        assert!(square.iter().any(|v| v.1 == -1.0) && square.iter().any(|v| v.1 == 11.0));
        assert_eq!(butt.first().map(|v| v.0), Some(Cmd::MoveTo));
        assert_eq!(butt.last().map(|v| v.0), Some(Cmd::Close));
    }

    #[test]
    fn round_cap_steps_by_aggs_angle() {
        let w = 4.0;
        let out = stroke(CapStyle::Round, &[(0.0, 0.0), (10.0, 0.0)], 2.0 * w);
        let da = (w / (w + 0.125)).acos() * 2.0;
        let n = (PI / da) as usize;
        // Two caps of n + 2 points each, one polygon.
        assert_eq!(
            out.iter().filter(|v| v.0 != Cmd::Close).count(),
            2 * (n + 2)
        );
    }

    #[test]
    fn dashes_cut_a_line_into_pieces() {
        let mut rec = Record::default();
        let mut d = DashSink::new(&mut rec, &[3.0, 2.0], 0.0);
        d.vertex(Cmd::MoveTo, 0.0, 0.0);
        d.vertex(Cmd::LineTo, 10.0, 0.0);
        d.finish().expect("dashed");
        let xs: Vec<_> = rec.0.iter().map(|v| (v.0, v.1)).collect();
        assert_eq!(
            xs,
            vec![
                (Cmd::MoveTo, 0.0),
                (Cmd::LineTo, 3.0),
                (Cmd::MoveTo, 5.0),
                (Cmd::LineTo, 8.0),
                (Cmd::MoveTo, 10.0)
            ]
        );
    }
}
