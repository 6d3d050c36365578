//! `RendererAgg::draw_path` and `RendererAgg::draw_markers` (matplotlib 3.11.2,
//! `src/_backend_agg.h`) on a [`Band`]: the clip box, the path converters, curve
//! flattening, fill, dashes and stroke, in matplotlib's order.

use super::cells::Rasterizer;
use super::curves::CurveFlattener;
use super::pathconv::{
    mpl_round, should_snap, Clipper, Cmd, NanRemover, PathSource, Simplifier, Snapper, Vtx,
    SIMPLIFY_THRESHOLD,
};
use super::strokegen::{DashSink, Sink, StrokeSink};
use super::Band;
use crate::error::Result;
use crate::scene::{ClipBox, Hatch, IRect, Path, PathCode, Snap, Stroke};

/// Code-less polylines longer than this are never snapped by `draw_path` (Agg's
/// `SNAP_AUTO` looks at paths of at most 1024 vertices), so [`simplified_polyline`] may
/// stand for them.
pub const SIMPLIFIED_POLYLINE_MIN: usize = 1025;

/// The path `draw_path` strokes for a code-less polyline of more than 1024 device
/// vertices `points` (`Line2D`'s: a move to the first, lines to the rest), no fill,
/// `Snap::Auto` and `simplify` on, on a `width` x `height` canvas: the vertices after NaN
/// removal, clipping to the canvas (never snapped: too long) and simplification, computed
/// streaming over `points` so that nothing a point is stored. Drawn as a [`DrawOp::Path`]
/// with `snap: Snap::Off` and `simplify: false` it gives the canvas the polyline's own
/// operation gives (the NaN remover and the clipper leave such a path as it is; a test
/// checks it), and holds only the simplified vertices: a 10-million-point random walk's
/// are ~10^4.
///
/// [`DrawOp::Path`]: crate::scene::DrawOp::Path
pub fn simplified_polyline(
    points: impl Iterator<Item = (f64, f64)> + Clone,
    width: usize,
    height: usize,
) -> Path {
    let (w, h) = (width as f64, height as f64);
    let src = points.enumerate().map(|(i, (x, y))| {
        let cmd = if i == 0 { Cmd::MoveTo } else { Cmd::LineTo };
        (cmd, x, y)
    });
    // With every vertex finite and inside the clipper's rectangle (the canvas +-1 px, as
    // `Clipper::new` sets it), the NaN remover (code-less rule) and the clipper give back
    // their input as it is: each segment has both ends inside, so `clip_line_segment`
    // moves nothing and the clipper emits the first move and every line. Skipping both
    // saves ~13% of the 20,000-point walk's render (perf); the unit tests compare both
    // routes. The check runs as the points stream into the simplifier; at the first vertex
    // outside (or not finite) that route stops and the points are taken again through both.
    let outside = std::cell::Cell::new(false);
    let checked = src.clone().map_while(|v| {
        let inside = v.1 >= -1.0 && v.1 <= w + 1.0 && v.2 >= -1.0 && v.2 <= h + 1.0;
        if outside.get() || !inside {
            outside.set(true);
            return None;
        }
        Some(v)
    });
    let path = simplified(checked);
    if !outside.get() {
        return path;
    }
    drop(path);
    simplified(Clipper::new(NanRemover::new(src, false), true, w, h))
}

/// The simplified vertices of `src` as a path with codes.
fn simplified(src: impl Iterator<Item = Vtx>) -> Path {
    let mut path = Path {
        vertices: Vec::new(),
        codes: Some(Vec::new()),
    };
    for (cmd, x, y) in Simplifier::new(src, true, SIMPLIFY_THRESHOLD) {
        let code = match cmd {
            Cmd::MoveTo => PathCode::MoveTo,
            Cmd::LineTo => PathCode::LineTo,
            // A polyline without NaN has only moves and lines after the converters.
            _ => continue,
        };
        path.vertices.push((x, y));
        if let Some(codes) = path.codes.as_mut() {
            codes.push(code);
        }
    }
    path
}

/// How far outside the canvas a clip box may reach (px): matplotlib clamps each edge on one
/// side only, so a clip box may extend far below or above the canvas; beyond 2^16 px it is
/// cut here so that no edge walks millions of rows outside the canvas. (This can change
/// the coverage only of paths reaching 65536 px past the canvas under such a clip box.)
const CLIP_REACH: i64 = 1 << 16;

/// Markers reaching farther than this from their anchor (px) are not drawn: no plot has
/// them, Agg's fixed-point cells overflow from 2^23 px, and rasterizing them would take
/// time and memory in proportion to their size.
const MARKER_REACH: f64 = 65536.0;

/// `set_clipbox`'s integer rectangle (x1, y1, x2, y2), not normalised, or the canvas.
pub(super) fn agg_clip_rect(clip: Option<&ClipBox>, w: usize, h: usize) -> (i64, i64, i64, i64) {
    let (w, h) = (w as i64, h as i64);
    let r = |v: f64, dim: i64| {
        let v = (v + 0.5).floor();
        if v.is_nan() {
            0
        } else {
            v.clamp(-CLIP_REACH as f64, (dim + CLIP_REACH) as f64) as i64
        }
    };
    match clip {
        Some(c) if c.x0 != 0.0 || c.y0 != 0.0 || c.x1 != 0.0 || c.y1 != 0.0 => (
            r(c.x0, w).max(0),
            r(c.y0, h).max(0),
            r(c.x1, w).min(w),
            r(c.y1, h).min(h),
        ),
        _ => (0, 0, w, h),
    }
}

/// A stroke the pipeline can draw: a finite non-zero width, and dashes (if any) finite,
/// non-negative and not all zero (matplotlib's `set_dashes` rejects the others; they are
/// drawn solid here rather than looping forever).
fn usable(s: &Stroke) -> Option<Stroke> {
    if !s.width_px.is_finite() || s.width_px == 0.0 {
        return None;
    }
    let mut s = s.clone();
    if let Some(d) = &s.dashes {
        let ok = d.offset_px.is_finite()
            && d.pattern_px.iter().all(|v| v.is_finite() && *v >= 0.0)
            && d.pattern_px.iter().any(|v| *v > 0.0);
        if !ok {
            s.dashes = None;
        }
    }
    Some(s)
}

/// matplotlib's `Path.should_simplify` minus the rc/threshold part: at least 128 vertices
/// and only MOVETO/LINETO codes.
fn path_should_simplify(path: &Path) -> bool {
    path.vertices.len() >= 128
        && path.codes.as_ref().is_none_or(|c| {
            c.iter()
                .all(|k| matches!(k, PathCode::MoveTo | PathCode::LineTo | PathCode::Stop))
        })
}

/// Whether the clipper (`Clipper::new(_, true, w, h)`) gives `path` back unchanged after
/// the NaN remover: no codes, or a move first and then only moves and lines, and every
/// vertex finite and inside the rectangle (-1, -1, w + 1, h + 1). The NaN remover passes
/// such a path as it is (both rules); the clipper then finds both ends of every segment
/// inside (`clip_line_segment` moves nothing), emits a move where the path has one (a
/// move followed by a move is emitted when the second comes, a final one at the end) and
/// every line.
fn plain_inside(path: &Path, w: usize, h: usize) -> bool {
    let (w, h) = (w as f64, h as f64);
    let codes_plain = path.codes.as_ref().is_none_or(|c| {
        c.first().is_none_or(|k| matches!(k, PathCode::MoveTo))
            && c.iter()
                .all(|k| matches!(k, PathCode::MoveTo | PathCode::LineTo))
    });
    codes_plain
        && path
            .vertices
            .iter()
            .all(|&(x, y)| x >= -1.0 && x <= w + 1.0 && y >= -1.0 && y <= h + 1.0)
}

/// The front of draw_path's pipeline: NaN remover and clipper.
fn front(path: &Path, clip: bool, w: usize, h: usize) -> impl Iterator<Item = Vtx> + '_ {
    let nan = NanRemover::new(PathSource::new(path), path.codes.is_some());
    Clipper::new(nan, clip, w as f64, h as f64)
}

/// Everything [`DrawOp::Path`](crate::scene::DrawOp::Path) needs, borrowed.
pub(super) struct PathOp<'a> {
    pub path: &'a Path,
    pub fill: Option<[u8; 4]>,
    pub stroke: Option<&'a Stroke>,
    pub clip: Option<&'a ClipBox>,
    pub snap: Snap,
    pub simplify: bool,
    pub antialiased: bool,
    pub hatch: Option<&'a Hatch>,
}

/// Everything [`DrawOp::Markers`](crate::scene::DrawOp::Markers) needs, borrowed.
pub(super) struct MarkersOp<'a> {
    pub marker: &'a Path,
    pub fill: Option<[u8; 4]>,
    pub stroke: Option<&'a Stroke>,
    pub positions: &'a [(f64, f64)],
    pub clip: Option<&'a ClipBox>,
    pub snap: Snap,
}

fn feed(ras: &mut impl Sink, it: impl Iterator<Item = Vtx>) {
    for (c, x, y) in it {
        ras.vertex(c, x, y);
    }
}

thread_local! {
    /// The rasterizer a thread gives the second half of a long stroke's outline to
    /// ([`StrokeSink::finish_split`]), kept as `raster::KEPT_RASTERIZER` is.
    static SECOND_RASTERIZER: std::cell::Cell<Option<Rasterizer>> =
        const { std::cell::Cell::new(None) };
}

/// Rasterizes a solid stroke of `path` (already flattened) into `ras`; `vertices`: how
/// many `it` gives when known (room is made for them), else 0.
/// `polyline`: the points `it` gives when it is one move and lines (fed to a solid
/// stroke at once: [`StrokeSink::polyline`]).
fn stroke_into(
    ras: &mut Rasterizer,
    it: impl Iterator<Item = Vtx>,
    (vertices, polyline): (usize, Option<&[(f64, f64)]>),
    s: &Stroke,
    aa: bool,
) -> Result<()> {
    let w = s.width_px;
    match &s.dashes {
        None => {
            let mut st = StrokeSink::new(ras, w, s.cap, s.join, w);
            st.reserve(vertices);
            match polyline {
                Some(pts) => st.polyline(pts),
                None => feed(&mut st, it),
            }
            // A long sub-path's outline is rasterized in two halves on two threads (the
            // second half into a kept second rasterizer), with the same cells.
            let mut other = SECOND_RASTERIZER.take().unwrap_or_default();
            let res = st.finish_split(&mut other);
            other.reset();
            if other.scratch_bytes() <= super::KEPT_RASTERIZER_BYTES {
                SECOND_RASTERIZER.set(Some(other));
            }
            res
        }
        Some(d) => {
            let (width, pattern): (f64, Vec<f64>) = if aa {
                (w, d.pattern_px.clone())
            } else {
                let width = if w < 0.5 { 0.5 } else { mpl_round(w) };
                (
                    width,
                    d.pattern_px
                        .iter()
                        .map(|&v| (v as i64) as f64 + 0.5)
                        .collect(),
                )
            };
            let mut st = StrokeSink::new(ras, width, s.cap, s.join, w);
            let mut dash = DashSink::new(&mut st, &pattern, d.offset_px);
            feed(&mut dash, it);
            dash.finish()?;
            st.finish()
        }
    }
}

impl Band<'_> {
    /// `RendererAgg::draw_path`.
    pub(super) fn draw_path(&mut self, ras: &mut Rasterizer, op: &PathOp<'_>) -> Result<()> {
        let (w, h) = (self.width, self.height);
        let (x1, y1, x2, y2) = agg_clip_rect(op.clip, w, h);
        ras.reset();
        ras.clip_box(Some((x1 as f64, y1 as f64, x2 as f64, y2 as f64)));
        let has_face = op.fill.is_some();
        let clip = !has_face && op.hatch.is_none();
        let simplify = op.simplify && clip && path_should_simplify(op.path);
        // The clipper leaves a path of moves and lines with every vertex inside its
        // rectangle as it is: skipped then (a long line's simplified path, p02's lines).
        let clipper = clip && !plain_inside(op.path, w, h);
        let snap_lw = match op.stroke {
            Some(s) if s.color[3] != 0 => s.width_px,
            _ => 0.0,
        };
        let snap = should_snap(
            op.snap,
            front(op.path, clipper, w, h),
            op.path.vertices.len(),
        );
        let pipeline = || {
            let snapped = Snapper::new(front(op.path, clipper, w, h), snap, snap_lw);
            CurveFlattener::new(Simplifier::new(snapped, simplify, SIMPLIFY_THRESHOLD))
        };
        let aa = op.antialiased;
        if let Some(color) = op.fill {
            ras.reset();
            feed(ras, pipeline());
            ras.sweep(|y, x, len, c| self.span(y, x, len, color, if aa { c } else { 255 }));
        }
        if let Some(h) = op.hatch {
            let tile = super::hatch::tile(ras, h)?;
            ras.clip_box(Some((x1 as f64, y1 as f64, x2 as f64, y2 as f64)));
            feed(ras, pipeline());
            ras.sweep(|y, x, len, c| self.pattern_span(&tile, y, x, len, c));
        }
        if let Some(s) = op.stroke.and_then(usable) {
            ras.reset();
            // With the clipper skipped (moves and lines, every vertex finite and inside),
            // no snapping and no simplification, every converter above passes the path
            // as it is: its vertices go to the stroke directly (a long line's simplified
            // path: ~180 instructions a vertex saved).
            let res = if clip && !clipper && !snap && !simplify {
                let path = op.path;
                let polyline = match &path.codes {
                    None => true,
                    Some(c) => {
                        c.len() == path.vertices.len()
                            && c.first() == Some(&PathCode::MoveTo)
                            && c.iter().skip(1).all(|&k| k == PathCode::LineTo)
                    }
                };
                let pts = polyline.then_some(&path.vertices[..]);
                stroke_into(
                    ras,
                    PathSource::new(path),
                    (path.vertices.len(), pts),
                    &s,
                    aa,
                )
            } else {
                stroke_into(ras, pipeline(), (0, None), &s, aa)
            };
            let color = s.color;
            let cover = move |c: u8| if aa { c } else { 255 };
            match ras.halves_row() {
                // A long stroke's two grids: added and swept by rows on two threads.
                Some(y) if y > self.y0 && y < self.y1 => {
                    let (mut top, mut bottom) = self.split_at(y);
                    ras.sweep_halves(
                        y,
                        |r, x, len, c| top.span(r, x, len, color, cover(c)),
                        |r, x, len, c| bottom.span(r, x, len, color, cover(c)),
                    );
                }
                _ => ras.sweep(|y, x, len, c| self.span(y, x, len, color, cover(c))),
            }
            res?;
        }
        ras.clip_box(None);
        Ok(())
    }

    /// `RendererAgg::draw_markers`: the marker's fill and stroke rasterized once, stamped at
    /// `floor(x + 0.5), floor(y + 0.5)` of every finite position, fill then stroke per
    /// point, clipped to the inclusive pixel clip box.
    pub(super) fn draw_markers(&mut self, ras: &mut Rasterizer, op: &MarkersOp<'_>) -> Result<()> {
        let (w, h) = (self.width, self.height);
        let lw = op.stroke.map_or(0.0, |s| s.width_px);
        let nan = || NanRemover::new(PathSource::new(op.marker), op.marker.codes.is_some());
        let snap = should_snap(op.snap, nan(), op.marker.vertices.len());
        let shift = if snap { 0.0 } else { 0.5 };
        let marker = || {
            let shifted = nan().map(move |(c, x, y)| {
                if c.is_vertex() {
                    (c, x + shift, y + shift)
                } else {
                    (c, x, y)
                }
            });
            CurveFlattener::new(Snapper::new(shifted, snap, lw))
        };
        let stroke_reach = op.stroke.map_or(0.0, |s| {
            if s.width_px.is_finite() {
                s.width_px.abs()
            } else {
                0.0
            }
        });
        let too_big = nan().any(|(c, x, y)| {
            c.is_vertex()
                && (x.abs() + stroke_reach > MARKER_REACH || y.abs() + stroke_reach > MARKER_REACH)
        });
        if too_big || op.positions.is_empty() {
            return Ok(());
        }
        ras.reset();
        ras.clip_box(None);
        type Spans = Vec<(i64, i64, i64, u8)>;
        let mut bounds = (
            i64::from(i32::MAX),
            i64::from(i32::MAX),
            -i64::from(i32::MAX),
            -i64::from(i32::MAX),
        );
        let mut collect = |ras: &mut Rasterizer| -> Spans {
            let mut spans = Vec::new();
            ras.sweep(|y, x, len, c| {
                spans.push((y, x, len, c));
                bounds = (
                    bounds.0.min(x),
                    bounds.1.min(y),
                    bounds.2.max(x + len - 1),
                    bounds.3.max(y),
                );
            });
            spans
        };
        let fill_spans = match op.fill {
            Some(_) => {
                feed(ras, marker());
                collect(ras)
            }
            None => Vec::new(),
        };
        let mut res = Ok(());
        let stroke_spans = match op.stroke.and_then(usable) {
            Some(s) => {
                ras.reset();
                let mut st = StrokeSink::new(ras, s.width_px, s.cap, s.join, s.width_px);
                feed(&mut st, marker());
                res = st.finish();
                collect(ras)
            }
            None => Vec::new(),
        };
        let (mx1, my1, mx2, my2) = bounds;
        // The renderer's clip box, inclusive, clipped to the canvas.
        let (cx1, cy1, cx2, cy2) = agg_clip_rect(op.clip, w, h);
        let clip = IRect {
            x0: cx1.min(cx2).max(0),
            y0: cy1.min(cy2).max(0),
            x1: cx1.max(cx2).min(w as i64 - 1) + 1,
            y1: cy1.max(cy2).min(h as i64 - 1) + 1,
        };
        let cull = (
            -1.0 - mx2 as f64,
            -1.0 - my2 as f64,
            1.0 + w as f64 - mx1 as f64,
            1.0 + h as f64 - my1 as f64,
        );
        let stroke_color = op.stroke.map(|s| s.color);
        for &(px, py) in op.positions {
            if !(px.is_finite() && py.is_finite()) {
                continue;
            }
            let (x, y) = ((px + 0.5).floor(), (py + 0.5).floor());
            if !(x >= cull.0 && x <= cull.2 && y >= cull.1 && y <= cull.3) {
                continue;
            }
            let (dx, dy) = (x as i64, y as i64);
            if let Some(color) = op.fill {
                self.stamp(&fill_spans, dx, dy, &clip, color);
            }
            if let Some(color) = stroke_color {
                self.stamp(&stroke_spans, dx, dy, &clip, color);
            }
        }
        res
    }

    fn stamp(
        &mut self,
        spans: &[(i64, i64, i64, u8)],
        dx: i64,
        dy: i64,
        clip: &IRect,
        color: [u8; 4],
    ) {
        for &(y, x, len, c) in spans {
            let (y, x) = (y + dy, x + dx);
            if y < clip.y0 || y >= clip.y1 {
                continue;
            }
            let x0 = x.max(clip.x0);
            let x1 = (x + len).min(clip.x1);
            if x0 < x1 {
                self.span(y, x0, x1 - x0, color, c);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Canvas;
    use super::*;
    use crate::scene::{CapStyle, Dashes, DrawList, DrawOp, JoinStyle};
    use proptest::prelude::*;

    const W: usize = 48;
    const H: usize = 36;

    /// What draw_path's converters give for `path` (a line's: no fill, Snap::Auto).
    fn converted(path: &Path, simplify: bool, snap: Snap) -> Vec<Vtx> {
        let simplify = simplify && path_should_simplify(path);
        let snap = should_snap(snap, front(path, true, W, H), path.vertices.len());
        let snapped = Snapper::new(front(path, true, W, H), snap, 1.5);
        CurveFlattener::new(Simplifier::new(snapped, simplify, SIMPLIFY_THRESHOLD)).collect()
    }

    fn line_op(path: Path, snap: Snap, simplify: bool, dashed: bool) -> DrawOp {
        DrawOp::Path {
            path,
            fill: None,
            stroke: Some(Stroke {
                width_px: 2.1,
                color: [31, 119, 180, 255],
                cap: CapStyle::Projecting,
                join: JoinStyle::Round,
                dashes: dashed.then(|| Dashes {
                    offset_px: 0.0,
                    pattern_px: vec![7.4, 3.2],
                }),
            }),
            clip: Some(ClipBox {
                x0: 5.0,
                y0: 4.0,
                x1: 43.0,
                y1: 31.0,
            }),
            snap,
            simplify,
            antialiased: true,
            hatch: None,
        }
    }

    fn draw(op: DrawOp) -> Vec<u8> {
        let mut c = Canvas::new(W, H);
        c.draw(&DrawList {
            width: W,
            height: H,
            ops: vec![op],
        });
        c.into_data()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        /// A long polyline (random walk steps, some NaN, some far outside the canvas; or,
        /// `!wild`, all inside the canvas: the route without NaN remover and clipper)
        /// drawn from its simplified path gives draw_path's vertices and pixels.
        #[test]
        fn simplified_polyline_draws_the_polyline(
            steps in prop::collection::vec(
                (-3.0..3.0f64, -3.0..3.0f64, 0..40u8),
                SIMPLIFIED_POLYLINE_MIN..2500,
            ),
            start in (-20.0..70.0f64, -20.0..60.0f64),
            dashed in any::<bool>(),
            wild in any::<bool>(),
        ) {
            let mut p = start;
            let tame = |(x, y): (f64, f64)| (x.clamp(0.0, W as f64), y.clamp(0.0, H as f64));
            let pts: Vec<(f64, f64)> = steps
                .iter()
                .map(|&(dx, dy, k)| {
                    p = (p.0 + dx * 0.1, p.1 + dy);
                    match k {
                        _ if !wild => tame(p),
                        0 => (f64::NAN, p.1),
                        1 => (p.0 + 500.0, p.1),
                        2 => (p.0, -1e6),
                        _ => p,
                    }
                })
                .collect();
            let whole = Path { vertices: pts.clone(), codes: None };
            let simple = simplified_polyline(pts.iter().copied(), W, H);
            prop_assert_eq!(
                converted(&simple, false, Snap::Off),
                converted(&whole, true, Snap::Auto)
            );
            prop_assert_eq!(
                draw(line_op(simple, Snap::Off, false, dashed)),
                draw(line_op(whole, Snap::Auto, true, dashed))
            );
        }
    }
}
