//! `scatter` → `PathCollection`: marker path, sizes in pt², face colours (one colour, a
//! list, or values colour-mapped), edges ('face' by default), and matplotlib's two drawing
//! paths: `draw_markers` when everything is uniform, `draw_path_collection` otherwise.

use super::markers::{self, MarkerDef};
use super::paint::{
    CapStyle, ClipBox, JoinStyle, MarkersDraw, Paint, PathCmd, PathDraw, Snap, Stroke,
};
use super::{DataLim, DrawCtx};
use crate::color::{Color, Colormap, Norm};
use crate::{Error, Result};

/// `scatter`'s `c`.
#[derive(Debug, Clone, PartialEq)]
pub enum ScatterColor {
    /// One colour for every point.
    Color(String),
    /// A colour per point.
    Colors(Vec<String>),
    /// Values colour-mapped with `cmap` and `norm`.
    Values(Vec<f64>),
}

/// `scatter`'s keywords.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ScatterOptions {
    /// `s`: marker areas in pt² (one, or one per point; 36 by default).
    pub s: Option<Vec<f64>>,
    /// `c` (or `color`).
    pub c: Option<ScatterColor>,
    /// `marker` ('o').
    pub marker: Option<String>,
    /// `cmap` (viridis).
    pub cmap: Option<Colormap>,
    /// `norm` (linear).
    pub norm: Option<Norm>,
    /// `vmin`.
    pub vmin: Option<f64>,
    /// `vmax`.
    pub vmax: Option<f64>,
    /// `alpha`.
    pub alpha: Option<f64>,
    /// `linewidths` in points (1).
    pub linewidths: Option<f64>,
    /// `edgecolors` ('face').
    pub edgecolors: Option<String>,
    /// `label`.
    pub label: Option<String>,
    /// `zorder` (1).
    pub zorder: Option<f64>,
}

impl ScatterOptions {
    /// Sets `s` to one size.
    pub fn s(mut self, v: f64) -> Self {
        self.s = Some(vec![v]);
        self
    }
    /// Sets `s` per point.
    pub fn sizes(mut self, v: Vec<f64>) -> Self {
        self.s = Some(v);
        self
    }
    /// Sets `c`.
    pub fn c(mut self, v: ScatterColor) -> Self {
        self.c = Some(v);
        self
    }
    /// Sets `c` to one colour.
    pub fn color(mut self, v: impl Into<String>) -> Self {
        self.c = Some(ScatterColor::Color(v.into()));
        self
    }
    /// Sets `marker`.
    pub fn marker(mut self, v: impl Into<String>) -> Self {
        self.marker = Some(v.into());
        self
    }
    /// Sets `cmap`.
    pub fn cmap(mut self, v: Colormap) -> Self {
        self.cmap = Some(v);
        self
    }
    /// Sets `norm`.
    pub fn norm(mut self, v: Norm) -> Self {
        self.norm = Some(v);
        self
    }
    /// Sets `vmin`.
    pub fn vmin(mut self, v: f64) -> Self {
        self.vmin = Some(v);
        self
    }
    /// Sets `vmax`.
    pub fn vmax(mut self, v: f64) -> Self {
        self.vmax = Some(v);
        self
    }
    /// Sets `alpha`.
    pub fn alpha(mut self, v: f64) -> Self {
        self.alpha = Some(v);
        self
    }
    /// Sets `linewidths`.
    pub fn linewidths(mut self, v: f64) -> Self {
        self.linewidths = Some(v);
        self
    }
    /// Sets `edgecolors`.
    pub fn edgecolors(mut self, v: impl Into<String>) -> Self {
        self.edgecolors = Some(v.into());
        self
    }
    /// Sets `label`.
    pub fn label(mut self, v: impl Into<String>) -> Self {
        self.label = Some(v.into());
        self
    }
    /// Sets `zorder`.
    pub fn zorder(mut self, v: f64) -> Self {
        self.zorder = Some(v);
        self
    }
}

/// Face colours: fixed, or mapped from values (resolved at draw time with the norm a
/// colorbar may have made non-singular).
#[derive(Debug, Clone)]
pub(crate) enum Faces {
    Fixed(Vec<Color>),
    Mapped {
        values: Vec<f64>,
        cmap: Box<Colormap>,
        norm: Norm,
    },
}

/// A scatter's `PathCollection`.
#[derive(Debug, Clone)]
pub struct PathCollection {
    pub(crate) offsets: Vec<(f64, f64)>,
    pub(crate) sizes: Vec<f64>,
    pub(crate) marker: &'static MarkerDef,
    pub(crate) faces: Faces,
    /// `None` = 'face'.
    pub(crate) edges: Option<Vec<Color>>,
    pub(crate) linewidth_pt: f64,
    pub(crate) alpha: Option<f64>,
    pub(crate) zorder: f64,
    pub(crate) label: Option<String>,
}

fn parse(what: &str, s: &str) -> Result<Color> {
    Color::parse(s).map_err(|_| Error::invalid(what, format!("{s:?}"), "a matplotlib colour"))
}

impl PathCollection {
    pub(crate) fn new(
        x: Vec<f64>,
        y: Vec<f64>,
        opts: ScatterOptions,
        next_color: &mut dyn FnMut() -> Color,
    ) -> Result<PathCollection> {
        if x.len() != y.len() {
            return Err(Error::invalid(
                "scatter",
                format!("x of length {} and y of length {}", x.len(), y.len()),
                "x and y of the same size",
            ));
        }
        let n = x.len();
        let marker = markers::find(opts.marker.as_deref().unwrap_or("o"))?
            .ok_or_else(|| Error::invalid("scatter marker", "'None'", "a marker"))?;
        let sizes = opts.s.clone().unwrap_or_else(|| vec![36.0]);
        if sizes.len() != 1 && sizes.len() != n {
            return Err(Error::invalid(
                "scatter s",
                format!("{} sizes for {n} points", sizes.len()),
                "one size or one per point",
            ));
        }
        let alpha = opts.alpha;
        let with_alpha = |c: Color| alpha.map_or(c, |a| c.with_alpha(a));
        let faces = match opts.c {
            None => Faces::Fixed(vec![with_alpha(next_color())]),
            // The bare string 'none' is no colour at all (`to_rgba_array('none')` is empty).
            Some(ScatterColor::Color(s)) if s.eq_ignore_ascii_case("none") => {
                Faces::Fixed(Vec::new())
            }
            Some(ScatterColor::Color(s)) => Faces::Fixed(vec![with_alpha(parse("scatter c", &s)?)]),
            Some(ScatterColor::Colors(v)) => {
                if v.len() != n {
                    return Err(Error::invalid(
                        "scatter c",
                        format!("{} colours for {n} points", v.len()),
                        "one colour per point",
                    ));
                }
                Faces::Fixed(
                    v.iter()
                        .map(|s| parse("scatter c", s).map(with_alpha))
                        .collect::<Result<_>>()?,
                )
            }
            Some(ScatterColor::Values(v)) => {
                if v.len() != n {
                    return Err(Error::invalid(
                        "scatter c",
                        format!("{} values for {n} points", v.len()),
                        "one value per point",
                    ));
                }
                let cmap = match opts.cmap {
                    Some(c) => c,
                    None => Colormap::named("viridis")?,
                };
                let mut norm = opts.norm.unwrap_or_else(Norm::linear);
                if opts.vmin.is_some() {
                    norm = norm.with_vmin(opts.vmin);
                }
                if opts.vmax.is_some() {
                    norm = norm.with_vmax(opts.vmax);
                }
                let finite = v.iter().copied().filter(|x| x.is_finite());
                let (lo, hi) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| {
                    (a.min(x), b.max(x))
                });
                if norm.vmin().is_none() && lo.is_finite() {
                    norm = norm.with_vmin(Some(lo));
                }
                if norm.vmax().is_none() && hi.is_finite() {
                    norm = norm.with_vmax(Some(hi));
                }
                Faces::Mapped {
                    values: v,
                    cmap: Box::new(cmap),
                    norm,
                }
            }
        };
        let edges = match opts.edgecolors.as_deref() {
            None | Some("face") => None,
            Some(s) if s.eq_ignore_ascii_case("none") => Some(Vec::new()),
            Some(s) => Some(vec![with_alpha(parse("scatter edgecolors", s)?)]),
        };
        // An unfilled marker ('x', '+', ...) ignores edgecolors in favour of the face colour.
        let edges = if marker.filled { edges } else { None };
        let linewidth_pt = opts
            .linewidths
            .unwrap_or(if marker.filled { 1.0 } else { 1.5 });
        Ok(PathCollection {
            offsets: x.into_iter().zip(y).collect(),
            sizes,
            marker,
            faces,
            edges,
            linewidth_pt,
            alpha,
            zorder: opts.zorder.unwrap_or(1.0),
            label: opts.label,
        })
    }

    /// The norm and colormap of a colour-mapped scatter.
    pub(crate) fn mapping(&self) -> Option<(&Norm, &Colormap)> {
        match &self.faces {
            Faces::Mapped { norm, cmap, .. } => Some((norm, &**cmap)),
            Faces::Fixed(_) => None,
        }
    }

    fn face_colors(&self, norm_override: Option<&Norm>) -> Vec<Color> {
        match &self.faces {
            Faces::Fixed(v) => v.clone(),
            Faces::Mapped { values, cmap, norm } => {
                let norm = norm_override.unwrap_or(norm);
                values
                    .iter()
                    .map(|&v| {
                        let c = cmap.rgba(crate::layout::norm_forward(norm, v));
                        self.alpha.map_or(c, |a| c.with_alpha(a))
                    })
                    .collect()
            }
        }
    }

    /// The markers of a legend handle at display points `at` (`HandlerPathCollection`):
    /// for fewer than 4 points the sizes `[mean of the largest and smallest, largest,
    /// smallest]`, else `linspace` from the smallest to the largest; point `i` takes face
    /// and edge colour `i` (cycled). The handle copies all of the collection's colours
    /// (`update_from`), so it takes `draw_markers` only for one point of a collection with
    /// one face and one edge colour, and `draw_path_collection` otherwise, as matplotlib
    /// does. `markerscale` multiplies the sizes by its square (`get_sizes`); a collection
    /// without sizes counts as one of size 1.
    pub(crate) fn paint_handle(
        &self,
        ctx: &DrawCtx,
        at: &[(f64, f64)],
        markerscale: f64,
    ) -> Vec<Paint> {
        let (lo, hi) = if self.sizes.is_empty() {
            (1.0, 1.0)
        } else {
            self.sizes
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &s| {
                    (a.min(s), b.max(s))
                })
        };
        let m2 = markerscale.powi(2);
        let (size_max, size_min) = (hi * m2, lo * m2);
        let n = at.len();
        let sizes: Vec<f64> = if n < 4 {
            [0.5 * (size_max + size_min), size_max, size_min][..n].to_vec()
        } else {
            let rng = size_max - size_min;
            let step = 1.0 / (n - 1) as f64;
            (0..n)
                .map(|i| {
                    let t = if i == n - 1 { 1.0 } else { i as f64 * step };
                    rng * t + size_min
                })
                .collect()
        };
        let faces = self.face_colors(None);
        let edges = self.edges.clone().unwrap_or_else(|| faces.clone());
        if let ([face], [edge], [p]) = (&faces[..], &edges[..], at) {
            return vec![Paint::Markers(MarkersDraw {
                marker: self.marker_path(ctx, sizes[0], 0.0, 0.0, None),
                fill: self.face_of(face),
                stroke: self.stroke_of(ctx, edge),
                positions: vec![(p.0, ctx.h - p.1)],
                clip: None,
                snap: Snap::Auto,
            })];
        }
        at.iter()
            .zip(&sizes)
            .enumerate()
            .map(|(i, (&p, &size))| {
                let face = faces.get(i % faces.len().max(1));
                let edge = edges.get(i % edges.len().max(1));
                self.collection_item(ctx, size, p, face, edge, None)
            })
            .collect()
    }

    /// Data limits: the offsets (marker sizes are ignored, as matplotlib does).
    pub(crate) fn data_limits(&self) -> DataLim {
        let mut lim = DataLim::default();
        for &(x, y) in &self.offsets {
            lim.add(Some(x), Some(y));
        }
        lim
    }

    /// Display coordinates of the offsets.
    pub(crate) fn display_offsets(&self, ctx: &DrawCtx) -> Vec<(f64, f64)> {
        self.offsets
            .iter()
            .map(|&(x, y)| ctx.to_display(x, y))
            .collect()
    }

    /// `PathCollection.draw`.
    pub(crate) fn paint(&self, ctx: &DrawCtx, norm_override: Option<&Norm>) -> Vec<Paint> {
        let faces = self.face_colors(norm_override);
        let edges = self.edges.clone().unwrap_or_else(|| faces.clone());
        let uniform = self.sizes.len() == 1 && faces.len() == 1 && edges.len() == 1;
        // Collection.draw takes draw_markers only for a marker smaller than the figure.
        if uniform && self.fits_figure(ctx, self.sizes[0]) {
            let positions = self
                .offsets
                .iter()
                .map(|&(x, y)| ctx.to_device_blend(x, y, super::line::Blend::Data))
                .collect();
            return vec![Paint::Markers(MarkersDraw {
                marker: self.marker_path(ctx, self.sizes[0], 0.0, 0.0, None),
                fill: self.face_of(&faces[0]),
                stroke: self.stroke_of(ctx, &edges[0]),
                positions,
                clip: Some(ctx.clip),
                snap: Snap::Auto,
            })];
        }
        let disp = self.display_offsets(ctx);
        let mut out = Vec::with_capacity(disp.len());
        for (i, &(ox, oy)) in disp.iter().enumerate() {
            if !(ox.is_finite() && oy.is_finite()) {
                continue;
            }
            out.push(self.collection_item(
                ctx,
                self.sizes[i % self.sizes.len()],
                (ox, oy),
                nth(&faces, i),
                nth(&edges, i),
                Some(ctx.clip),
            ));
        }
        out
    }

    /// Whether the marker at `size` (pt²) is narrower and lower than the figure
    /// (`paths[0].get_extents(...)` against `figure.bbox`; the extremes of the markers'
    /// arcs are their end points, so the vertices' box is the path's).
    fn fits_figure(&self, ctx: &DrawCtx, size: f64) -> bool {
        let (mut x0, mut y0, mut x1, mut y1) = (
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        );
        for c in self.marker_path(ctx, size, 0.0, 0.0, None) {
            let (x, y) = match c {
                PathCmd::MoveTo(x, y) | PathCmd::LineTo(x, y) => (x, y),
                PathCmd::Curve3(_, _, x, y) | PathCmd::Curve4(_, _, _, _, x, y) => (x, y),
                PathCmd::ClosePoly => continue,
            };
            (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
        }
        x1 - x0 < ctx.canvas_px.0 as f64 && y1 - y0 < ctx.h
    }

    /// One item of `draw_path_collection`: the marker scaled by `size` (pt²) at a display
    /// offset.
    fn collection_item(
        &self,
        ctx: &DrawCtx,
        size: f64,
        (ox, oy): (f64, f64),
        face: Option<&Color>,
        edge: Option<&Color>,
        clip: Option<ClipBox>,
    ) -> Paint {
        Paint::Path(PathDraw {
            path: self.marker_path(ctx, size, ox, oy, Some(ctx.h)),
            // A path collection with face colours fills every item, even one whose
            // face alpha is 0 (which keeps the canvas clipping off, as in matplotlib).
            fill: face
                .filter(|_| self.marker.filled)
                .map(|c| c.to_rgba8_round()),
            stroke: edge.and_then(|c| self.stroke_of(ctx, c)),
            clip,
            snap: Snap::Auto,
            simplify: false,
            antialiased: true,
        })
    }

    /// A face colour as `draw_markers` fills it (none for unfilled markers or alpha 0).
    fn face_of(&self, c: &Color) -> Option<[u8; 4]> {
        let b = c.to_rgba8_round();
        (self.marker.filled && b[3] != 0).then_some(b)
    }

    /// The edge stroke (none for zero width or alpha 0).
    fn stroke_of(&self, ctx: &DrawCtx, c: &Color) -> Option<Stroke> {
        let lw_px = self.linewidth_pt * ctx.dpi / 72.0;
        let b = c.to_rgba8_round();
        (lw_px > 0.0 && b[3] != 0).then_some(Stroke {
            width_px: lw_px,
            color: b,
            cap: CapStyle::Butt,
            join: JoinStyle::Round,
            dashes: None,
        })
    }

    /// The marker path as scatter makes it, scaled by `size` (pt²): around the origin
    /// (`flip_h` none, for `draw_markers`), or `draw_path_collection`'s
    /// `(v * s + offset)` then flipped to device rows.
    fn marker_path(
        &self,
        ctx: &DrawCtx,
        size: f64,
        ox: f64,
        oy: f64,
        flip_h: Option<f64>,
    ) -> Vec<PathCmd> {
        let sc = size.sqrt() * ctx.dpi / 72.0;
        // The unit path is already y-flipped: (x, -y).
        let m = |x: f64, y: f64| match flip_h {
            Some(h) => (x * sc + ox, (-y) * (-sc) + (h - oy)),
            None => (x * sc, y * sc),
        };
        self.marker
            .device_path(1.0)
            .iter()
            .map(|c| match *c {
                PathCmd::MoveTo(x, y) => {
                    let p = m(x, y);
                    PathCmd::MoveTo(p.0, p.1)
                }
                PathCmd::LineTo(x, y) => {
                    let p = m(x, y);
                    PathCmd::LineTo(p.0, p.1)
                }
                PathCmd::Curve3(a, b, x, y) => {
                    let (p, q) = (m(a, b), m(x, y));
                    PathCmd::Curve3(p.0, p.1, q.0, q.1)
                }
                PathCmd::Curve4(a, b, c2, d, x, y) => {
                    let (p, q, r) = (m(a, b), m(c2, d), m(x, y));
                    PathCmd::Curve4(p.0, p.1, q.0, q.1, r.0, r.1)
                }
                PathCmd::ClosePoly => PathCmd::ClosePoly,
            })
            .collect()
    }
}

/// Item `i` of a cycled colour list (none when the list is empty: 'none').
fn nth(v: &[Color], i: usize) -> Option<&Color> {
    (!v.is_empty()).then(|| &v[i % v.len()])
}
