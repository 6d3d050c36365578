//! Hinted glyph outlines and their device-space decomposition, done the way FreeType
//! 2.14 does it inside `FT_Load_Glyph` + `FT_Render_Glyph` for matplotlib's
//! `FT2Font._render_glyph` (text-parity.md §5 steps 2–4).

use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, HintingInstance, OutlineGlyph, OutlinePen};

use super::raster::{GrayRaster, Vec26};

/// A glyph's hinted outline in 26.6 units, y up, origin at the glyph's pen position,
/// with TrueType's on/off-curve flags and contour end indices.
#[derive(Debug, Clone, Default)]
pub(crate) struct HintedGlyph {
    /// The hinter's adjusted advance in 26.6 px, when it reports one (the auto-hinter).
    pub advance_26_6: Option<i64>,
    pub points: Vec<Vec26>,
    pub kinds: Vec<PointKind>,
    pub contours: Vec<usize>,
}

/// TrueType point flags: on the curve, quadratic (conic) control, or cubic control
/// (the glyf cubic extension).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PointKind {
    /// On-curve point.
    On,
    /// Quadratic off-curve control point.
    Conic,
    /// Cubic off-curve control point.
    Cubic,
}

/// A rasterised glyph: FreeType's `bitmap_left`, `bitmap_top` (y up), size and rows.
#[derive(Debug, Clone)]
pub(crate) struct Bitmap {
    pub left: i64,
    pub top: i64,
    pub width: u32,
    pub height: u32,
    pub coverage: Vec<u8>,
}

/// Records the points a skrifa pen receives, in order.
#[derive(Default)]
struct RecordingPen {
    points: Vec<(f32, f32)>,
}

impl OutlinePen for RecordingPen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.points.push((x, y));
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.points.push((x, y));
    }
    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        self.points.extend([(cx0, cy0), (x, y)]);
    }
    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.points.extend([(cx0, cy0), (cx1, cy1), (x, y)]);
    }
    fn close(&mut self) {}
}

/// Where a point emitted by skrifa's FreeType-style path conversion comes from.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Slot {
    /// Raw outline point `i`.
    Raw(usize),
    /// An implied point (midpoint or repeated start): carries no raw coordinate.
    Derived,
}

/// Replays skrifa's `PathStyle::FreeType` contour conversion on point indices, giving
/// the origin of every coordinate the pen receives. `None` where skrifa would refuse the
/// contour (a cubic start, unpaired cubic controls).
fn path_slots(kinds: &[PointKind], contours: &[usize]) -> Option<Vec<Slot>> {
    use PointKind::{Conic, Cubic, On};
    /// Off-curve points waiting for their segment's end.
    #[derive(Clone, Copy)]
    enum Pending {
        Empty,
        Quad(usize),
        Cubic(usize),
        TwoCubics(usize, usize),
    }
    let mut slots = Vec::with_capacity(kinds.len() * 2);
    let mut first = 0usize;
    for &last in contours {
        if last < first || last >= kinds.len() {
            return None;
        }
        let (start, range) = match (kinds[first], kinds[last]) {
            (Cubic, _) => return None,
            (Conic, On) => (Slot::Raw(last), first..last),
            (Conic, _) => (Slot::Derived, first..last + 1),
            (On, _) => (Slot::Raw(first), first + 1..last + 1),
        };
        slots.push(start);
        let mut pending = Pending::Empty;
        // The contour ends with an implied on-curve copy of the start point.
        let closing = std::iter::once((None, On));
        for (i, kind) in range.map(|i| (Some(i), kinds[i])).chain(closing) {
            let raw = |i: Option<usize>| i.map_or(Slot::Derived, Slot::Raw);
            pending = match (pending, kind) {
                (Pending::Empty, Conic) => Pending::Quad(i?),
                (Pending::Empty, Cubic) => Pending::Cubic(i?),
                (Pending::Empty, On) => {
                    if i.is_some() {
                        slots.push(raw(i));
                    }
                    Pending::Empty
                }
                (Pending::Quad(q), Conic) => {
                    slots.extend([Slot::Raw(q), Slot::Derived]);
                    Pending::Quad(i?)
                }
                (Pending::Quad(q), On) => {
                    slots.extend([Slot::Raw(q), raw(i)]);
                    Pending::Empty
                }
                (Pending::Cubic(c), Cubic) => Pending::TwoCubics(c, i?),
                (Pending::TwoCubics(c0, c1), Cubic) => {
                    slots.extend([Slot::Raw(c0), Slot::Raw(c1), Slot::Derived]);
                    Pending::Cubic(i?)
                }
                (Pending::TwoCubics(c0, c1), On) => {
                    slots.extend([Slot::Raw(c0), Slot::Raw(c1), raw(i)]);
                    Pending::Empty
                }
                _ => return None,
            };
        }
        first = last + 1;
    }
    Some(slots)
}

/// The glyph's point kinds (on-curve, conic or cubic off-curve) and contour ends, read from
/// its `glyf` outline at `size` (the same with and without hinting).
fn point_kinds(glyph: &OutlineGlyph<'_>, size: Size) -> Option<(Vec<PointKind>, Vec<usize>)> {
    glyph
        .with_scaled_glyf_outline(size, LocationRef::default(), None, |o| {
            let kinds = o.flags.iter().map(|f| {
                if f.is_on_curve() {
                    PointKind::On
                } else if f.is_off_curve_cubic() {
                    PointKind::Cubic
                } else {
                    PointKind::Conic
                }
            });
            Ok((
                kinds.collect(),
                o.contours.iter().map(|&c| usize::from(c)).collect(),
            ))
        })
        .ok()
}

/// The hinted outline of `glyph` at `size` (whose ppem skrifa rounds to an integer, as
/// FreeType does for DejaVu), with its raw points and flags recovered.
pub(crate) fn hinted_glyph(
    glyph: &OutlineGlyph<'_>,
    instance: &HintingInstance,
    size: Size,
) -> Option<HintedGlyph> {
    let (kinds, contours) = point_kinds(glyph, size)?;
    if kinds.is_empty() {
        return Some(HintedGlyph::default());
    }
    let mut pen = RecordingPen::default();
    let adjusted = glyph.draw(instance, &mut pen).ok()?;
    let advance_26_6 = adjusted
        .advance_width
        .map(|a| (f64::from(a) * 64.0).round() as i64);
    let slots = path_slots(&kinds, &contours)?;
    if slots.len() != pen.points.len() {
        return None;
    }
    let mut points = vec![Vec26 { x: 0, y: 0 }; kinds.len()];
    for (slot, &(x, y)) in slots.iter().zip(&pen.points) {
        if let Slot::Raw(i) = *slot {
            // Hinted coordinates are exact multiples of 1/64 px.
            points[i] = Vec26 {
                x: (f64::from(x) * 64.0).round() as i64,
                y: (f64::from(y) * 64.0).round() as i64,
            };
        }
    }
    Some(HintedGlyph {
        advance_26_6,
        points,
        kinds,
        contours,
    })
}

/// The outline FreeType's TrueType driver loads for a glyph without instructions when the
/// auto-hinter may not run (a transform that is not a multiple of 90°): the font-unit
/// points scaled by the 16.16 `scale` with `FT_MulFix`, nothing grid-fitted (the phantom
/// points' rounding moves nothing: these fonts' left side bearings equal `xMin`).
pub(crate) fn scaled_glyph(glyph: &OutlineGlyph<'_>, scale: i64) -> Option<HintedGlyph> {
    let (kinds, contours) = point_kinds(glyph, Size::unscaled())?;
    if kinds.is_empty() {
        return Some(HintedGlyph::default());
    }
    let mut pen = RecordingPen::default();
    glyph
        .draw(
            DrawSettings::unhinted(Size::unscaled(), LocationRef::default()),
            &mut pen,
        )
        .ok()?;
    let slots = path_slots(&kinds, &contours)?;
    if slots.len() != pen.points.len() {
        return None;
    }
    let mut points = vec![Vec26 { x: 0, y: 0 }; kinds.len()];
    for (slot, &(x, y)) in slots.iter().zip(&pen.points) {
        if let Slot::Raw(i) = *slot {
            points[i] = Vec26 {
                x: mul_fix(f64::from(x).round() as i64, scale),
                y: mul_fix(f64::from(y).round() as i64, scale),
            };
        }
    }
    Some(HintedGlyph {
        advance_26_6: None,
        points,
        kinds,
        contours,
    })
}

/// FreeType's `FT_MulFix` (64-bit): `a·b / 65536`, rounded half away from zero.
pub(crate) fn mul_fix(a: i64, b: i64) -> i64 {
    let ab = a * b;
    (ab + 0x8000 + (ab >> 63)) >> 16
}

/// FreeType's `FT_DivFix`: `a·65536 / b`, rounded half away from zero.
pub(crate) fn div_fix(a: i64, b: i64) -> i64 {
    if b == 0 {
        return 0x7FFF_FFFF;
    }
    let negative = (a < 0) != (b < 0);
    let (a, b) = (a.abs(), b.abs());
    let q = ((a << 16) + (b >> 1)) / b;
    if negative {
        -q
    } else {
        q
    }
}

/// Largest glyph bitmap rendered (64 Mpx); bigger glyphs are skipped rather than
/// exhausting memory.
const MAX_BITMAP_PIXELS: u64 = 1 << 26;

/// Control box of points, `None` when there are none.
fn cbox(points: &[Vec26]) -> Option<(i64, i64, i64, i64)> {
    let first = points.first()?;
    Some(points.iter().fold(
        (first.x, first.y, first.x, first.y),
        |(x0, y0, x1, y1), p| (x0.min(p.x), y0.min(p.y), x1.max(p.x), y1.max(p.y)),
    ))
}

impl HintedGlyph {
    /// The control box of the untransformed glyph in 26.6 px (`FT_Glyph_Get_CBox` with
    /// `FT_GLYPH_BBOX_SUBPIXELS`).
    pub(crate) fn cbox_26_6(&self) -> Option<(i64, i64, i64, i64)> {
        cbox(&self.points)
    }

    /// Renders the glyph as `FT_Set_Transform(matrix, delta)` + `FT_Load_Glyph` +
    /// `FT_Render_Glyph(NORMAL)` would: points rotated by the 16.16 `matrix`
    /// (`[xx, xy, yx, yy]`, `None` for identity) with `FT_MulFix`, moved by the 26.6
    /// `delta`, boxed by the floor/ceil of the control box, decomposed as
    /// `FT_Outline_Decompose` does and scan-converted by the `ftgrays` port.
    pub(crate) fn render(&self, matrix: Option<[i64; 4]>, delta: Vec26) -> Option<Bitmap> {
        let moved: Vec<Vec26> = self
            .points
            .iter()
            .map(|p| {
                let (x, y) = match matrix {
                    Some([xx, xy, yx, yy]) => (
                        mul_fix(p.x, xx) + mul_fix(p.y, xy),
                        mul_fix(p.x, yx) + mul_fix(p.y, yy),
                    ),
                    None => (p.x, p.y),
                };
                Vec26 {
                    x: x + delta.x,
                    y: y + delta.y,
                }
            })
            .collect();
        let (x0, y0, x1, y1) = cbox(&moved)?;
        let (left, bottom) = (x0 >> 6, y0 >> 6);
        let (right, top) = ((x1 + 63) >> 6, (y1 + 63) >> 6);
        let width = u32::try_from(right - left).ok()?;
        let height = u32::try_from(top - bottom).ok()?;
        if width == 0 || height == 0 || u64::from(width) * u64::from(height) > MAX_BITMAP_PIXELS {
            return None;
        }
        let origin = Vec26 {
            x: left * 64,
            y: bottom * 64,
        };
        let local: Vec<Vec26> = moved
            .iter()
            .map(|p| Vec26 {
                x: p.x - origin.x,
                y: p.y - origin.y,
            })
            .collect();
        let mut raster = GrayRaster::new(width, height);
        decompose(&local, &self.kinds, &self.contours, &mut raster);
        Some(Bitmap {
            left,
            top,
            width,
            height,
            coverage: raster.finish(),
        })
    }
}

/// Implied on-curve point between two conic controls, as `FT_Outline_Decompose`
/// computes it on the (non-negative) bitmap-relative coordinates: `floor((a + b) / 2)`.
fn midpoint(a: Vec26, b: Vec26) -> Vec26 {
    Vec26 {
        x: (a.x + b.x) >> 1,
        y: (a.y + b.y) >> 1,
    }
}

/// `FT_Outline_Decompose`: start-point rules, implied on-curve midpoints between
/// conic controls in device space, cubic segments from control pairs, and a closing
/// segment back to the start. A malformed contour stops the decomposition, as
/// FreeType's `Invalid_Outline` does.
fn decompose(points: &[Vec26], kinds: &[PointKind], contours: &[usize], raster: &mut GrayRaster) {
    let mut first = 0usize;
    for &last in contours {
        if last < first || last >= points.len() || last >= kinds.len() {
            return;
        }
        // Start point and the range of points walked after it.
        let (v_start, from, limit) = match (kinds[first], kinds[last]) {
            (PointKind::Cubic, _) => return,
            (PointKind::On, _) => (points[first], first + 1, last),
            (PointKind::Conic, PointKind::On) => (points[last], first, last - 1),
            (PointKind::Conic, _) => (midpoint(points[first], points[last]), first, last),
        };
        raster.move_to(v_start);
        if contour(points, kinds, from, limit, v_start, raster).is_none() {
            return;
        }
        first = last + 1;
    }
}

/// The decomposition loop over points `from..=limit` of one contour; `None` on a
/// malformed cubic sequence.
fn contour(
    points: &[Vec26],
    kinds: &[PointKind],
    from: usize,
    limit: usize,
    v_start: Vec26,
    raster: &mut GrayRaster,
) -> Option<()> {
    let mut i = from;
    // `from` may exceed `limit` (a one-point contour); then only the closing line remains.
    while i <= limit {
        match kinds[i] {
            PointKind::On => {
                raster.line_to(points[i]);
                i += 1;
            }
            PointKind::Conic => {
                let mut control = points[i];
                loop {
                    if i >= limit {
                        raster.conic_to(control, v_start);
                        return Some(());
                    }
                    i += 1;
                    let vec = points[i];
                    match kinds[i] {
                        PointKind::On => {
                            raster.conic_to(control, vec);
                            i += 1;
                            break;
                        }
                        PointKind::Conic => {
                            raster.conic_to(control, midpoint(control, vec));
                            control = vec;
                        }
                        PointKind::Cubic => return None,
                    }
                }
            }
            PointKind::Cubic => {
                if i + 1 > limit || kinds[i + 1] != PointKind::Cubic {
                    return None;
                }
                let (c1, c2) = (points[i], points[i + 1]);
                i += 2;
                if i <= limit {
                    raster.cubic_to(c1, c2, points[i]);
                    i += 1;
                } else {
                    raster.cubic_to(c1, c2, v_start);
                    return Some(());
                }
            }
        }
    }
    raster.line_to(v_start);
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_point_helpers_round_like_freetype() {
        // FT_MulFix rounds half away from zero.
        assert_eq!(mul_fix(3, 0x8000), 2);
        assert_eq!(mul_fix(-3, 0x8000), -2);
        assert_eq!(mul_fix(100, 0x10000), 100);
        // FT_DivFix(14 * 64, 2048): the 16.16 x_scale of 14 ppem.
        assert_eq!(div_fix(14 * 64, 2048), 28672);
    }

    #[test]
    fn path_slots_follow_freetype_start_rules() {
        // on, off, on: move, quad(control, end); the closing line adds no point.
        use PointKind::{Conic as C, On as O};
        assert_eq!(
            path_slots(&[O, C, O], &[2]),
            Some(vec![Slot::Raw(0), Slot::Raw(1), Slot::Raw(2)])
        );
        // off, on, off: the last point is off too, so the start is their midpoint.
        assert_eq!(
            path_slots(&[C, O, C], &[2]),
            Some(vec![
                Slot::Derived,
                Slot::Raw(0),
                Slot::Raw(1),
                Slot::Raw(2),
                Slot::Derived
            ])
        );
        // off, off, on: start at the last point, which is then omitted.
        assert_eq!(
            path_slots(&[C, C, O], &[2]),
            Some(vec![
                Slot::Raw(2),
                Slot::Raw(0),
                Slot::Derived,
                Slot::Raw(1),
                Slot::Derived
            ])
        );
    }

    #[test]
    fn path_slots_pair_cubic_controls() {
        use PointKind::{Cubic as K, On as O};
        // on, cubic, cubic, on: move, curve(c1, c2, end).
        assert_eq!(
            path_slots(&[O, K, K, O], &[3]),
            Some(vec![Slot::Raw(0), Slot::Raw(1), Slot::Raw(2), Slot::Raw(3)])
        );
        // A lone cubic control is refused, as skrifa refuses it.
        assert_eq!(path_slots(&[O, K, O], &[2]), None);
    }

    #[test]
    fn cubic_and_conic_squares_cover_like_straight_ones() {
        // A 2x2 px square drawn with degenerate curves (controls on the edges) must
        // rasterise exactly like the straight square: every pixel fully covered.
        use PointKind::{Conic as C, Cubic as K, On as O};
        let p = |x: i64, y: i64| Vec26 { x, y };
        let glyph = HintedGlyph {
            advance_26_6: None,
            points: vec![
                p(0, 0),
                p(0, 64),
                p(0, 128),
                p(64, 128),
                p(128, 128),
                p(128, 43),
                p(128, 21),
                p(128, 0),
            ],
            kinds: vec![O, C, O, O, O, K, K, O],
            contours: vec![7],
        };
        let b = glyph.render(None, p(0, 0)).unwrap();
        assert_eq!((b.left, b.top, b.width, b.height), (0, 2, 2, 2));
        assert_eq!(b.coverage, vec![255; 4]);
        // Rotated by 90° with the 16.16 matrix: same box moved left of the origin.
        let b = glyph.render(Some([0, -65536, 65536, 0]), p(0, 0)).unwrap();
        assert_eq!((b.left, b.top, b.width, b.height), (-2, 2, 2, 2));
        assert_eq!(b.coverage, vec![255; 4]);
    }
}
