//! `ax.text` and `ax.annotate`: text in data coordinates, and an annotation's
//! `FancyArrowPatch` (arc3 connection clipped by the text box, shrunk by 2 pt at both ends,
//! arrow styles '-', '->', '-|>', '<->').

use super::paint::{CapStyle, JoinStyle, Paint, PathCmd, PathDraw, Snap, Stroke};
use super::DrawCtx;
use crate::color::Color;
use crate::layout::{place_text, Align, TextItem};
use crate::text::{GlyphCache, HorizontalAlignment as Ha, VerticalAlignment as Va};
use crate::{Error, Result};

/// `text`'s keywords.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct TextOptions {
    /// `fontsize` in points (10).
    pub fontsize: Option<f64>,
    /// `color` (black).
    pub color: Option<String>,
    /// `ha`: 'left', 'center', 'right'.
    pub ha: Option<String>,
    /// `va`: 'baseline', 'bottom', 'center', 'center_baseline', 'top'.
    pub va: Option<String>,
    /// `alpha`.
    pub alpha: Option<f64>,
    /// `zorder` (3).
    pub zorder: Option<f64>,
}

impl TextOptions {
    /// Sets `fontsize`.
    pub fn fontsize(mut self, v: f64) -> Self {
        self.fontsize = Some(v);
        self
    }
    /// Sets `color`.
    pub fn color(mut self, v: impl Into<String>) -> Self {
        self.color = Some(v.into());
        self
    }
    /// Sets `ha`.
    pub fn ha(mut self, v: impl Into<String>) -> Self {
        self.ha = Some(v.into());
        self
    }
    /// Sets `va`.
    pub fn va(mut self, v: impl Into<String>) -> Self {
        self.va = Some(v.into());
        self
    }
    /// Sets `alpha`.
    pub fn alpha(mut self, v: f64) -> Self {
        self.alpha = Some(v);
        self
    }
    /// Sets `zorder`.
    pub fn zorder(mut self, v: f64) -> Self {
        self.zorder = Some(v);
        self
    }
}

/// An annotation arrow style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArrowStyle {
    /// '-'.
    Line,
    /// '->'.
    Open,
    /// '-|>'.
    Filled,
    /// '<->'.
    Both,
}

impl std::str::FromStr for ArrowStyle {
    type Err = Error;
    fn from_str(s: &str) -> Result<ArrowStyle> {
        match s {
            "-" => Ok(ArrowStyle::Line),
            "->" => Ok(ArrowStyle::Open),
            "-|>" => Ok(ArrowStyle::Filled),
            "<->" => Ok(ArrowStyle::Both),
            _ => Err(Error::invalid(
                "arrowstyle",
                format!("{s:?}"),
                "'-', '->', '-|>' or '<->'",
            )),
        }
    }
}

/// A text artist (with an arrow when it is an annotation).
#[derive(Debug, Clone)]
pub struct TextArtist {
    pub(crate) x: f64,
    pub(crate) y: f64,
    pub(crate) s: String,
    pub(crate) size_pt: f64,
    pub(crate) color: Color,
    pub(crate) ha: Ha,
    pub(crate) va: Va,
    pub(crate) zorder: f64,
    /// Annotated point and arrow style.
    pub(crate) arrow: Option<((f64, f64), ArrowStyle)>,
}

impl TextArtist {
    pub(crate) fn new(x: f64, y: f64, s: String, o: &TextOptions) -> Result<TextArtist> {
        let mut color = match &o.color {
            Some(c) => Color::parse(c)?,
            None => Color::BLACK,
        };
        if let Some(a) = o.alpha {
            color = color.with_alpha(a);
        }
        let ha = match o.ha.as_deref().unwrap_or("left") {
            "left" => Ha::Left,
            "center" => Ha::Center,
            "right" => Ha::Right,
            other => {
                return Err(Error::invalid(
                    "ha",
                    format!("{other:?}"),
                    "'left', 'center' or 'right'",
                ))
            }
        };
        let va = match o.va.as_deref().unwrap_or("baseline") {
            "baseline" => Va::Baseline,
            "bottom" => Va::Bottom,
            "center" => Va::Center,
            "center_baseline" => Va::CenterBaseline,
            "top" => Va::Top,
            other => {
                return Err(Error::invalid(
                    "va",
                    format!("{other:?}"),
                    "'baseline', 'bottom', 'center', 'center_baseline' or 'top'",
                ))
            }
        };
        let size_pt = o.fontsize.unwrap_or(10.0);
        if !(size_pt.is_finite() && size_pt > 0.0) {
            return Err(Error::invalid(
                "fontsize",
                size_pt,
                "a positive size in points",
            ));
        }
        Ok(TextArtist {
            x,
            y,
            s,
            size_pt,
            color,
            ha,
            va,
            zorder: o.zorder.unwrap_or(3.0),
            arrow: None,
        })
    }

    /// The arrow (if any) and the placed text.
    pub(crate) fn paint(
        &self,
        ctx: &DrawCtx,
        glyphs: &mut GlyphCache,
    ) -> Result<(Vec<Paint>, TextItem)> {
        let anchor = ctx.to_display(self.x, self.y);
        let item = place_text(
            glyphs,
            &self.s,
            self.size_pt,
            ctx.dpi,
            anchor,
            Align {
                ha: self.ha,
                va: self.va,
                angle: 0.0,
            },
        )?;
        let mut paints = Vec::new();
        if let Some((xy, style)) = self.arrow {
            let b = &item.bbox;
            let a = (b.x0 + (b.x1 - b.x0) * 0.5, b.y0 + (b.y1 - b.y0) * 0.5);
            let end = ctx.to_display(xy.0, xy.1);
            let pad = 4.0 * ctx.dpi / 72.0;
            let rect = (
                b.x0 - pad / 2.0,
                b.y0 - pad / 2.0,
                b.x1 + pad / 2.0,
                b.y1 + pad / 2.0,
            );
            paints.extend(arrow(a, end, rect, style, self.size_pt, ctx));
        }
        Ok((paints, item))
    }
}

/// The FancyArrowPatch of an annotation from `a` (text centre) to `b`, in display
/// coordinates.
fn arrow(
    a: (f64, f64),
    b: (f64, f64),
    rect: (f64, f64, f64, f64),
    style: ArrowStyle,
    mutation_pt: f64,
    ctx: &DrawCtx,
) -> Vec<Paint> {
    let dc = ctx.dpi / 72.0;
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = (dx * dx + dy * dy).sqrt();
    if len == 0.0 {
        return Vec::new();
    }
    let (ux, uy) = (dx / len, dy / len);
    // Leave the text box (patchA).
    let inside = |p: (f64, f64)| rect.0 < p.0 && p.0 < rect.2 && rect.1 < p.1 && p.1 < rect.3;
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    let at = |t: f64| (a.0 + dx * t, a.1 + dy * t);
    let mut start = a;
    if inside(a) && !inside(b) {
        while {
            let (p, q) = (at(t0), at(t1));
            ((p.0 - q.0).powi(2) + (p.1 - q.1).powi(2)).sqrt() >= 0.01
        } {
            let m = 0.5 * (t0 + t1);
            if inside(at(m)) {
                t0 = m;
            } else {
                t1 = m;
            }
        }
        start = at(0.5 * (t0 + t1));
    }
    let shrink = 2.0 * dc;
    let start = (start.0 + ux * shrink, start.1 + uy * shrink);
    let end = (b.0 - ux * shrink, b.1 - uy * shrink);
    let lw = 1.0 * dc;
    let ms = mutation_pt * dc;
    let (head_length, head_width) = (0.4 * ms, 0.2 * ms);
    let head_dist = head_length.hypot(head_width);
    let (cos_t, sin_t) = (head_length / head_dist, head_width / head_dist);
    let wedge = |x0: f64, y0: f64, x1: f64, y1: f64| {
        let (dx, dy) = (x0 - x1, y0 - y1);
        let mut cp = dx.hypot(dy);
        if cp == 0.0 {
            cp = 1.0;
        }
        let pad = 0.5 * lw / sin_t;
        let (ddx, ddy) = (pad * dx / cp, pad * dy / cp);
        let (dx, dy) = (dx / cp * head_dist, dy / cp * head_dist);
        let (dx1, dy1) = (cos_t * dx + sin_t * dy, -sin_t * dx + cos_t * dy);
        let (dx2, dy2) = (cos_t * dx - sin_t * dy, sin_t * dx + cos_t * dy);
        (
            [
                (x1 + ddx + dx1, y1 + ddy + dy1),
                (x1 + ddx, y1 + ddy),
                (x1 + ddx + dx2, y1 + ddy + dy2),
            ],
            ddx,
            ddy,
        )
    };
    let (end_head, begin_head) = match style {
        ArrowStyle::Line => (false, false),
        ArrowStyle::Open | ArrowStyle::Filled => (true, false),
        ArrowStyle::Both => (true, true),
    };
    let (wb, ddxb, ddyb) = wedge(start.0, start.1, end.0, end.1);
    let (wa, ddxa, ddya) = wedge(end.0, end.1, start.0, start.1);
    let (ddxb, ddyb) = if end_head { (ddxb, ddyb) } else { (0.0, 0.0) };
    let (ddxa, ddya) = if begin_head { (ddxa, ddya) } else { (0.0, 0.0) };
    let h = ctx.h;
    let dev = |p: (f64, f64)| (p.0, h - p.1);
    let black = Color::BLACK.to_rgba8_round();
    let stroke = Stroke {
        width_px: lw,
        color: black,
        cap: CapStyle::Butt,
        join: JoinStyle::Round,
        dashes: None,
    };
    let mk = |pts: &[(f64, f64)], close: bool, fill: bool| {
        let mut path: Vec<PathCmd> = pts
            .iter()
            .enumerate()
            .map(|(i, &p)| {
                let d = dev(p);
                if i == 0 {
                    PathCmd::MoveTo(d.0, d.1)
                } else {
                    PathCmd::LineTo(d.0, d.1)
                }
            })
            .collect();
        if close {
            let d = dev(pts[0]);
            path.push(PathCmd::LineTo(d.0, d.1));
            path.push(PathCmd::ClosePoly);
        }
        Paint::Path(PathDraw {
            path,
            fill: fill.then_some(black),
            stroke: Some(stroke.clone()),
            clip: None,
            snap: Snap::Auto,
            simplify: false,
            antialiased: true,
        })
    };
    let mut out = vec![mk(
        &[
            (start.0 + ddxa, start.1 + ddya),
            (end.0 + ddxb, end.1 + ddyb),
        ],
        false,
        false,
    )];
    let filled = style == ArrowStyle::Filled;
    if begin_head {
        out.push(mk(&wa, filled, filled));
    }
    if end_head {
        out.push(mk(&wb, filled, filled));
    }
    out
}
