//! `ax.text` and `ax.annotate`: text in data coordinates, and an annotation's
//! `FancyArrowPatch` (arc3/angle3 connection clipped by the text box, shrunk by
//! `shrinkA`/`shrinkB`, arrow styles '-', '->', '-|>', '<->' and the YAArrow imitation).
//!
//! The annotation's arrow itself (connection, clipping, shrinking, heads) is in
//! `annotation_arrow.rs` and `annotation_simple.rs`, the box patch in `text_box.rs`.
//! (About 810 lines of code and 40 of tests: the options, their resolution and the
//! placement of one text read as one; the geometry lives in the files above.)

use super::paint::Paint;
use super::DrawCtx;
use crate::color::Color;
use crate::layout::{place_text_in, Align, Bbox, TextItem};
use crate::text::{FontFace, GlyphCache, HorizontalAlignment as Ha, VerticalAlignment as Va};
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
    /// `bbox`: a box drawn behind the text.
    pub bbox: Option<TextBox>,
    /// `rotation` in degrees, counter-clockwise (0).
    pub rotation: Option<f64>,
    /// `rotation_mode`: 'default' (rotate, then align the rotated extent) or 'anchor'.
    pub rotation_mode: Option<String>,
    /// `fontweight`: 'normal' or 'bold' (and matplotlib's other names: 'light' ... 'black',
    /// or a number 100..=900, mapped to the two DejaVu weights as `findfont` does).
    pub fontweight: Option<String>,
    /// `fontstyle`: 'normal', 'italic' or 'oblique'.
    pub fontstyle: Option<String>,
    /// `family`: 'sans-serif', 'DejaVu Sans', 'monospace' or 'DejaVu Sans Mono'.
    pub family: Option<String>,
    /// `multialignment` ('ma'): 'left', 'center' or 'right', how the lines of a
    /// multi-line text align among themselves (None: as `ha`).
    pub multialignment: Option<String>,
    /// `linespacing`: the line step in multiples of the font's ascent + descent (None:
    /// matplotlib's 'normal', from each line's own metrics).
    pub linespacing: Option<f64>,
}

option_setters!(TextOptions {
    /// Sets `rotation` (degrees).
    rotation: f64 => rotation = Some;
    /// Sets `rotation_mode` ('default' or 'anchor').
    rotation_mode: impl Into<String> => rotation_mode = some_into;
    /// Sets `fontweight`.
    fontweight: impl Into<String> => fontweight = some_into;
    /// Sets `fontstyle`.
    fontstyle: impl Into<String> => fontstyle = some_into;
    /// Sets `family`.
    family: impl Into<String> => family = some_into;
    /// Sets `multialignment`.
    multialignment: impl Into<String> => multialignment = some_into;
    /// Sets `linespacing`.
    linespacing: f64 => linespacing = Some;
});

/// The embedded face `findfont` picks for a text's `family`, `fontweight` and
/// `fontstyle`.
pub(crate) fn text_face(
    family: Option<&str>,
    weight: Option<&str>,
    style: Option<&str>,
) -> Result<FontFace> {
    let mono = match family.unwrap_or("sans-serif") {
        "sans-serif" | "sans" | "DejaVu Sans" => false,
        "monospace" | "DejaVu Sans Mono" => true,
        other => {
            return Err(Error::invalid(
                "family",
                format!("{other:?}"),
                "'sans-serif', 'DejaVu Sans', 'monospace' or 'DejaVu Sans Mono'",
            ))
        }
    };
    // font_manager.weight_dict; DejaVu Sans comes in 400 and 700: findfont's weight
    // score |w - 400| vs |w - 700| picks the nearer (ties go to the first listed, Book).
    let w: f64 = match weight.unwrap_or("normal") {
        "ultralight" => 100.0,
        "light" => 200.0,
        "normal" | "regular" | "book" | "roman" => 400.0,
        "medium" => 500.0,
        "semibold" | "demibold" | "demi" => 600.0,
        "bold" => 700.0,
        "heavy" | "extra bold" | "black" => 900.0,
        other => other.parse::<f64>().map_err(|_| {
            Error::invalid(
                "fontweight",
                format!("{other:?}"),
                "'normal', 'bold', another matplotlib weight name or a number",
            )
        })?,
    };
    let bold = (w - 700.0).abs() < (w - 400.0).abs();
    let oblique = match style.unwrap_or("normal") {
        "normal" => false,
        "italic" | "oblique" => true,
        other => {
            return Err(Error::invalid(
                "fontstyle",
                format!("{other:?}"),
                "'normal', 'italic' or 'oblique'",
            ))
        }
    };
    match (mono, bold, oblique) {
        (false, false, false) => Ok(FontFace::Sans),
        (false, true, false) => Ok(FontFace::SansBold),
        (false, false, true) => Ok(FontFace::SansOblique),
        (false, true, true) => Ok(FontFace::SansBoldOblique),
        (true, false, false) => Ok(FontFace::SansMono),
        _ => Err(Error::invalid(
            "family",
            "'monospace' bold or oblique",
            "plain DejaVu Sans Mono (its bold and oblique faces are not embedded)",
        )),
    }
}

/// `bbox=dict(boxstyle=..., facecolor=..., edgecolor=..., alpha=..., pad=...)` of a text.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct TextBox {
    /// `boxstyle`: 'round' or 'square' (`None`: 'square' with a 4 pt pad).
    pub boxstyle: Option<String>,
    /// `facecolor` (rc `patch.facecolor`, 'C0').
    pub facecolor: Option<String>,
    /// `edgecolor` (black).
    pub edgecolor: Option<String>,
    /// `alpha`.
    pub alpha: Option<f64>,
    /// `pad` as a fraction of the font size (0.3), or points without a boxstyle (4).
    pub pad: Option<f64>,
}

impl TextBox {
    /// Sets `boxstyle`.
    pub fn boxstyle(mut self, v: impl Into<String>) -> Self {
        self.boxstyle = Some(v.into());
        self
    }
    /// Sets `facecolor`.
    pub fn facecolor(mut self, v: impl Into<String>) -> Self {
        self.facecolor = Some(v.into());
        self
    }
    /// Sets `edgecolor`.
    pub fn edgecolor(mut self, v: impl Into<String>) -> Self {
        self.edgecolor = Some(v.into());
        self
    }
    /// Sets `alpha`.
    pub fn alpha(mut self, v: f64) -> Self {
        self.alpha = Some(v);
        self
    }
    /// Sets `pad`.
    pub fn pad(mut self, v: f64) -> Self {
        self.pad = Some(v);
        self
    }
}

/// A resolved text box: round or square, pad in fractions of the font size, colours.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ResolvedBox {
    pub(crate) round: bool,
    pub(crate) pad: f64,
    pub(crate) face: Option<[u8; 4]>,
    pub(crate) edge: [u8; 4],
}

impl TextOptions {
    /// Sets `bbox`.
    pub fn bbox(mut self, v: TextBox) -> Self {
        self.bbox = Some(v);
        self
    }
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

/// The coordinates of an annotation's point (`xycoords`) or text (`textcoords`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextCoords {
    /// 'data'.
    #[default]
    Data,
    /// 'axes fraction': (0, 0) is the lower left of the Axes, (1, 1) the upper right.
    AxesFraction,
    /// 'offset points' (`textcoords` only): points from the annotated point.
    OffsetPoints,
    /// 'offset pixels' (`textcoords` only): pixels from the annotated point.
    OffsetPixels,
}

impl std::str::FromStr for TextCoords {
    type Err = Error;
    fn from_str(s: &str) -> Result<TextCoords> {
        match s {
            "data" => Ok(TextCoords::Data),
            "axes fraction" => Ok(TextCoords::AxesFraction),
            "offset points" => Ok(TextCoords::OffsetPoints),
            "offset pixels" => Ok(TextCoords::OffsetPixels),
            _ => Err(Error::invalid(
                "coordinates",
                format!("{s:?}"),
                "'data', 'axes fraction', 'offset points' or 'offset pixels'",
            )),
        }
    }
}

/// `annotate`'s keywords besides the text's own.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct AnnotateOptions {
    /// `xytext`: where the text goes (`None`: at `xy`).
    pub xytext: Option<(f64, f64)>,
    /// `xycoords` ('data').
    pub xycoords: TextCoords,
    /// `textcoords` (`None`: `xycoords`).
    pub textcoords: Option<TextCoords>,
    /// `arrowprops=dict(arrowstyle=...)`: the arrow from the text to `xy`.
    pub arrowstyle: Option<ArrowStyle>,
    /// The text's keywords.
    pub text: TextOptions,
    /// `arrowprops` `color`: the arrow's edge and face.
    pub arrow_color: Option<String>,
    /// `arrowprops` `facecolor` (rc `patch.facecolor`, 'C0'; `arrow_color` wins).
    pub arrow_facecolor: Option<String>,
    /// `arrowprops` `edgecolor` (black; `arrow_color` wins).
    pub arrow_edgecolor: Option<String>,
    /// `arrowprops` `linewidth` in points (1).
    pub arrow_linewidth: Option<f64>,
    /// `arrowprops` `shrinkA` in points (2): the arrow's start is pulled back this far
    /// after it is clipped at the text's box (0: not shrunk).
    pub arrow_shrink_a_pt: Option<f64>,
    /// `arrowprops` `shrinkB` in points (2): the arrow's end stops this far before `xy`.
    pub arrow_shrink_b_pt: Option<f64>,
    /// `arrowprops` `connectionstyle` as matplotlib writes it: 'arc3' (default, `rad=0`),
    /// 'arc3,rad=0.3', 'angle3' (`angleA=90,angleB=0`), 'angle3,angleA=0,angleB=90'.
    pub arrow_connectionstyle: Option<String>,
    /// `arrowprops` `width` in points (4), with [`ArrowStyle::YaArrow`]: the tail's width.
    pub arrow_width_pt: Option<f64>,
    /// `arrowprops` `headwidth` in points (12), with [`ArrowStyle::YaArrow`].
    pub arrow_headwidth_pt: Option<f64>,
    /// `arrowprops` `headlength` in points (12), with [`ArrowStyle::YaArrow`].
    pub arrow_headlength_pt: Option<f64>,
    /// `arrowprops` `shrink` (0), with [`ArrowStyle::YaArrow`]: both ends pulled back by
    /// this fraction of the distance from the text's nearest corner to `xy`.
    pub arrow_shrink: Option<f64>,
    /// `annotation_clip`: `Some(true)` hides the annotation when `xy` lies outside the
    /// Axes, `Some(false)` never does, `None` (default) hides it only for `xycoords`
    /// 'data'.
    pub annotation_clip: Option<bool>,
}

/// An annotation arrow's resolved colours, width and shrinks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ArrowPaint {
    pub(crate) edge: [u8; 4],
    pub(crate) face: [u8; 4],
    pub(crate) linewidth_pt: f64,
    pub(crate) shrink_a_pt: f64,
    pub(crate) shrink_b_pt: f64,
    pub(crate) connect: super::annotation_arrow::Connect,
    pub(crate) yaarrow: YaArrow,
}

/// The `width`, `headwidth`, `headlength` (points) and `shrink` of an arrow without
/// `arrowstyle`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct YaArrow {
    pub(crate) width_pt: f64,
    pub(crate) headwidth_pt: f64,
    pub(crate) headlength_pt: f64,
    pub(crate) shrink: f64,
}

impl Default for YaArrow {
    fn default() -> Self {
        YaArrow {
            width_pt: 4.0,
            headwidth_pt: 12.0,
            headlength_pt: 12.0,
            shrink: 0.0,
        }
    }
}

impl AnnotateOptions {
    pub(crate) fn arrow_paint(&self) -> Result<ArrowPaint> {
        let c = |v: &Option<String>| -> Result<Option<Color>> {
            v.as_deref().map(Color::parse).transpose()
        };
        let color = c(&self.arrow_color)?;
        let edge = color.or(c(&self.arrow_edgecolor)?).unwrap_or(Color::BLACK);
        let face = match color.or(c(&self.arrow_facecolor)?) {
            Some(f) => f,
            None => Color::parse("C0")?,
        };
        let lw = self.arrow_linewidth.unwrap_or(1.0);
        if !(lw.is_finite() && lw >= 0.0) {
            return Err(Error::invalid(
                "arrowprops linewidth",
                lw,
                "a width >= 0 in points",
            ));
        }
        let shrink = |v: Option<f64>, name: &str| match v.unwrap_or(2.0) {
            s if s.is_finite() => Ok(s),
            s => Err(Error::invalid(name, s, "a finite length in points")),
        };
        Ok(ArrowPaint {
            edge: edge.to_rgba8_round(),
            face: face.to_rgba8_round(),
            linewidth_pt: lw,
            shrink_a_pt: shrink(self.arrow_shrink_a_pt, "arrowprops shrinkA")?,
            shrink_b_pt: shrink(self.arrow_shrink_b_pt, "arrowprops shrinkB")?,
            connect: match &self.arrow_connectionstyle {
                Some(s) => super::annotation_arrow::Connect::parse(s)?,
                None => super::annotation_arrow::Connect::Arc3 { rad: 0.0 },
            },
            yaarrow: {
                let d = YaArrow::default();
                let v = |x: Option<f64>, d: f64, name: &str| match x.unwrap_or(d) {
                    s if s.is_finite() => Ok(s),
                    s => Err(Error::invalid(name, s, "a finite number")),
                };
                YaArrow {
                    width_pt: v(self.arrow_width_pt, d.width_pt, "arrowprops width")?,
                    headwidth_pt: v(
                        self.arrow_headwidth_pt,
                        d.headwidth_pt,
                        "arrowprops headwidth",
                    )?,
                    headlength_pt: v(
                        self.arrow_headlength_pt,
                        d.headlength_pt,
                        "arrowprops headlength",
                    )?,
                    shrink: v(self.arrow_shrink, d.shrink, "arrowprops shrink")?,
                }
            },
        })
    }
}

impl Default for ArrowPaint {
    fn default() -> Self {
        ArrowPaint {
            edge: Color::BLACK.to_rgba8_round(),
            face: Color::rgb(
                0x1f as f64 / 255.0,
                0x77 as f64 / 255.0,
                0xb4 as f64 / 255.0,
            )
            .to_rgba8_round(),
            linewidth_pt: 1.0,
            shrink_a_pt: 2.0,
            shrink_b_pt: 2.0,
            connect: super::annotation_arrow::Connect::Arc3 { rad: 0.0 },
            yaarrow: YaArrow::default(),
        }
    }
}

option_setters!(AnnotateOptions {
    /// Sets `xytext`.
    xytext: (f64, f64) => xytext = Some;
    /// Sets `xycoords`.
    xycoords: TextCoords => xycoords;
    /// Sets `textcoords`.
    textcoords: TextCoords => textcoords = Some;
    /// Sets the arrow style.
    arrowstyle: ArrowStyle => arrowstyle = Some;
    /// Sets the text's keywords.
    text: TextOptions => text;
    /// Sets `arrowprops` `color`.
    arrow_color: impl Into<String> => arrow_color = some_into;
    /// Sets `arrowprops` `facecolor`.
    arrow_facecolor: impl Into<String> => arrow_facecolor = some_into;
    /// Sets `arrowprops` `edgecolor`.
    arrow_edgecolor: impl Into<String> => arrow_edgecolor = some_into;
    /// Sets `arrowprops` `linewidth` (points).
    arrow_linewidth: f64 => arrow_linewidth = Some;
    /// Sets `arrowprops` `shrinkA` (points).
    arrow_shrink_a_pt: f64 => arrow_shrink_a_pt = Some;
    /// Sets `arrowprops` `shrinkB` (points).
    arrow_shrink_b_pt: f64 => arrow_shrink_b_pt = Some;
    /// Sets `arrowprops` `connectionstyle` ('arc3,rad=0.3', 'angle3,angleA=90,angleB=0').
    arrow_connectionstyle: impl Into<String> => arrow_connectionstyle = some_into;
    /// Sets `annotation_clip`.
    annotation_clip: bool => annotation_clip = Some;
    /// Sets `arrowprops` `width` (points).
    arrow_width_pt: f64 => arrow_width_pt = Some;
    /// Sets `arrowprops` `headwidth` (points).
    arrow_headwidth_pt: f64 => arrow_headwidth_pt = Some;
    /// Sets `arrowprops` `headlength` (points).
    arrow_headlength_pt: f64 => arrow_headlength_pt = Some;
    /// Sets `arrowprops` `shrink` (a fraction).
    arrow_shrink: f64 => arrow_shrink = Some;
});

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
    /// No `arrowstyle` in `arrowprops`: matplotlib's imitation of YAArrow ('simple' with
    /// `width`, `headwidth`, `headlength` and `shrink`, from the text's corner nearest
    /// to `xy`).
    YaArrow,
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
    /// The box behind the text.
    pub(crate) bbox: Option<ResolvedBox>,
    /// Rotation in degrees (0..360).
    pub(crate) rotation: f64,
    /// `rotation_mode='anchor'`.
    pub(crate) anchor_mode: bool,
    /// The font face.
    pub(crate) face: FontFace,
    /// `multialignment` (None: as `ha`).
    pub(crate) ma: Option<Ha>,
    /// `linespacing` (None: 'normal').
    pub(crate) linespacing: Option<f64>,
    /// `xycoords` and `textcoords` (an annotation's; `Data` for a text).
    pub(crate) coords: (TextCoords, TextCoords),
    /// The annotated point (an annotation's `xy`; the text position for a text).
    pub(crate) xy: (f64, f64),
    /// The arrow's colours and width.
    pub(crate) arrow_paint: ArrowPaint,
    /// Clipped to the Axes box (a contour label's `clip_box`); texts are not.
    pub(crate) clip_to_axes: bool,
    /// `transform_rotates_text`: `rotation` is in data space, turned by the data
    /// transform at drawing (`transform_angles` at the text's position).
    pub(crate) transform_rotates_text: bool,
    /// An annotation drawn only when `xy` lies in the Axes (`Annotation._check_xy`).
    pub(crate) check_xy: bool,
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
        let bbox = match &o.bbox {
            None => None,
            Some(b) => {
                let (round, pad) = match b.boxstyle.as_deref() {
                    None => (false, b.pad.unwrap_or(4.0) / size_pt),
                    Some("square") => (false, b.pad.unwrap_or(0.3)),
                    Some("round") => (true, b.pad.unwrap_or(0.3)),
                    Some(other) => {
                        return Err(Error::invalid(
                            "bbox boxstyle",
                            format!("{other:?}"),
                            "'round' or 'square'",
                        ))
                    }
                };
                // Text.set_bbox formats the pad into the style string with '%0.2f'.
                let pad = (pad * 100.0).round() / 100.0;
                let alpha = |c: Color| b.alpha.map_or(c, |a| c.with_alpha(a));
                let face = alpha(match &b.facecolor {
                    Some(c) => Color::parse(c)?,
                    None => Color::parse("C0")?,
                })
                .to_rgba8_round();
                let edge = alpha(match &b.edgecolor {
                    Some(c) => Color::parse(c)?,
                    None => Color::BLACK,
                })
                .to_rgba8_round();
                Some(ResolvedBox {
                    round,
                    pad,
                    face: (face[3] != 0).then_some(face),
                    edge,
                })
            }
        };
        let rotation = o.rotation.unwrap_or(0.0);
        if !rotation.is_finite() {
            return Err(Error::invalid(
                "rotation",
                rotation,
                "a finite angle in degrees",
            ));
        }
        let anchor_mode = match o.rotation_mode.as_deref().unwrap_or("default") {
            "default" => false,
            "anchor" => true,
            other => {
                return Err(Error::invalid(
                    "rotation_mode",
                    format!("{other:?}"),
                    "'default' or 'anchor'",
                ))
            }
        };
        let rotation = rotation.rem_euclid(360.0);
        let (ma, linespacing) =
            crate::axes_text::line_layout("text", o.multialignment.as_deref(), o.linespacing)?;
        Ok(TextArtist {
            ma,
            linespacing,
            x,
            y,
            s,
            size_pt,
            color,
            ha,
            va,
            zorder: o.zorder.unwrap_or(3.0),
            arrow: None,
            bbox,
            rotation,
            anchor_mode,
            coords: (TextCoords::Data, TextCoords::Data),
            xy: (x, y),
            arrow_paint: ArrowPaint::default(),
            clip_to_axes: false,
            transform_rotates_text: false,
            check_xy: false,
            face: text_face(
                o.family.as_deref(),
                o.fontweight.as_deref(),
                o.fontstyle.as_deref(),
            )?,
        })
    }

    /// `Annotation._check_xy`: false for an annotation whose `xy` (in display pixels)
    /// lies outside the Axes patch, which `contains_point(radius=1)` grows by half a
    /// pixel; such an annotation is neither drawn nor measured.
    pub(crate) fn drawn(&self, ctx: &DrawCtx) -> bool {
        if !self.check_xy {
            return true;
        }
        let t = &ctx.axes_display;
        let (x, y) = self.xy;
        let (px, py) = match self.coords.0 {
            TextCoords::AxesFraction => (x * t.sx + y * t.shx + t.tx, x * t.shy + y * t.sy + t.ty),
            _ => ctx.to_display(x, y),
        };
        let (x0, x1) = (t.tx.min(t.tx + t.sx), t.tx.max(t.tx + t.sx));
        let (y0, y1) = (t.ty.min(t.ty + t.sy), t.ty.max(t.ty + t.sy));
        (x0 - 0.5..=x1 + 0.5).contains(&px) && (y0 - 0.5..=y1 + 0.5).contains(&py)
    }

    /// The arrow (if any) and the placed text.
    pub(crate) fn paint(
        &self,
        ctx: &DrawCtx,
        glyphs: &mut GlyphCache,
    ) -> Result<(Vec<Paint>, TextItem)> {
        self.paint_with_arrow_extent(ctx, glyphs, ctx.dpi / 72.0)
            .map(|(paints, item, _)| (paints, item))
    }

    /// [`Text::paint`], and the arrow patch's window extent (display, y up) if any, with
    /// the arrow's geometry scaled by `dpi_cor` (`FancyArrowPatch._dpi_cor`: `dpi / 72`
    /// once drawn, 1 before the first draw).
    pub(crate) fn paint_with_arrow_extent(
        &self,
        ctx: &DrawCtx,
        glyphs: &mut GlyphCache,
        dpi_cor: f64,
    ) -> Result<(Vec<Paint>, TextItem, Option<Bbox>)> {
        let point = |c: TextCoords, x: f64, y: f64| match c {
            TextCoords::AxesFraction => {
                let t = &ctx.axes_display;
                (x * t.sx + y * t.shx + t.tx, x * t.shy + y * t.sy + t.ty)
            }
            _ => ctx.to_display(x, y),
        };
        let xy = self.xy;
        let anchor = match self.coords.1 {
            TextCoords::OffsetPoints | TextCoords::OffsetPixels => {
                // Affine2D().scale(dpi / 72).translate(*xy in xycoords).
                let r = point(self.coords.0, xy.0, xy.1);
                let k = if self.coords.1 == TextCoords::OffsetPoints {
                    ctx.dpi / 72.0
                } else {
                    1.0
                };
                (k * self.x + r.0, k * self.y + r.1)
            }
            c => point(c, self.x, self.y),
        };
        let item = place_text_in(
            glyphs,
            &self.s,
            self.size_pt,
            ctx.dpi,
            anchor,
            Align {
                ha: self.ha,
                va: self.va,
                angle: if self.transform_rotates_text {
                    transform_angle(self.rotation, (self.x, self.y), &|x, y| {
                        ctx.to_display(x, y)
                    })
                    .rem_euclid(360.0)
                } else {
                    self.rotation
                },
                ma: self.ma,
                linespacing: self.linespacing,
            },
            self.face,
            self.anchor_mode,
        )?;
        let mut paints = Vec::new();
        let mut arrow_extent = None;
        if let Some((xy, style)) = self.arrow {
            let b = &item.bbox;
            let end = point(self.coords.0, xy.0, xy.1);
            let mut relpos = (0.5, 0.5);
            let mut arrow_paint = self.arrow_paint;
            if style == ArrowStyle::YaArrow {
                // The text box's corner (or middle) nearest to xy along each axis (the
                // first of equals), and shrinkA = shrinkB = shrink * its distance in pt.
                let pick = |c: [(f64, f64); 3], v: f64| {
                    c[1..].iter().fold(c[0], |best, &k| {
                        if (k.0 - v).abs() < (best.0 - v).abs() {
                            k
                        } else {
                            best
                        }
                    })
                };
                let (x, rx) = pick(
                    [(b.x0, 0.0), ((b.x0 + b.x1) / 2.0, 0.5), (b.x1, 1.0)],
                    end.0,
                );
                let (y, ry) = pick(
                    [(b.y0, 0.0), ((b.y0 + b.y1) / 2.0, 0.5), (b.y1, 1.0)],
                    end.1,
                );
                relpos = (rx, ry);
                let r = (y - end.1).hypot(x - end.0);
                // / renderer.points_to_pixels(1): the dpi's, even before the first draw.
                let shrink_pt = arrow_paint.yaarrow.shrink * r / (1.0 * ctx.dpi / 72.0);
                arrow_paint.shrink_a_pt = shrink_pt;
                arrow_paint.shrink_b_pt = shrink_pt;
            }
            let a = (
                b.x0 + (b.x1 - b.x0) * relpos.0,
                b.y0 + (b.y1 - b.y0) * relpos.1,
            );
            // patchA: the text's box patch (clipped where `Patch.contains` stops holding
            // the point, rounded corners and rotation included), else the window extent
            // padded by 2 pt a side, none for an empty text.
            let patch_a = match &self.bbox {
                Some(bx) => Some(super::text_box::box_patch(bx, &item, self.size_pt, ctx.dpi)),
                None if self.s.is_empty() => None,
                None => Some(super::text_box::extent_patch(
                    (b.x0, b.y0, b.x1, b.y1),
                    ctx.dpi,
                )),
            };
            let (arrow, extent) = super::annotation_arrow::arrow(
                a,
                end,
                patch_a.as_ref(),
                style,
                self.size_pt,
                &arrow_paint,
                ctx,
                dpi_cor,
            );
            paints.extend(arrow);
            arrow_extent = Some(extent);
        }
        if let Some(bx) = &self.bbox {
            paints.push(super::text_box::text_box(bx, &item, self.size_pt, ctx));
        }
        Ok((paints, item, arrow_extent))
    }
}

type Pt = (f64, f64);

/// `Transform.transform_angles([angle], [pt])` (degrees, pushoff 1e-5): the direction of
/// `angle` at `pt` after the transform `t`.
pub(crate) fn transform_angle(angle: f64, pt: Pt, t: &dyn Fn(f64, f64) -> Pt) -> f64 {
    let a = angle.to_radians();
    let p2 = (pt.0 + 1e-5 * a.cos(), pt.1 + 1e-5 * a.sin());
    let (t1, t2) = (t(pt.0, pt.1), t(p2.0, p2.1));
    (t2.1 - t1.1).atan2(t2.0 - t1.0).to_degrees()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findfont_picks_the_nearest_embedded_face() {
        assert_eq!(text_face(None, None, None).unwrap(), FontFace::Sans);
        assert_eq!(
            text_face(None, Some("600"), None).unwrap(),
            FontFace::SansBold
        );
        assert_eq!(
            text_face(None, Some("light"), None).unwrap(),
            FontFace::Sans
        );
        assert_eq!(
            text_face(Some("sans-serif"), Some("bold"), Some("italic")).unwrap(),
            FontFace::SansBoldOblique
        );
        assert_eq!(
            text_face(Some("monospace"), None, None).unwrap(),
            FontFace::SansMono
        );
        assert!(text_face(Some("monospace"), Some("bold"), None).is_err());
        assert!(text_face(Some("serif"), None, None).is_err());
        assert!(text_face(None, None, Some("slanted")).is_err());
    }

    #[test]
    fn coordinates_parse_by_matplotlib_name() {
        assert_eq!(
            "offset points".parse::<TextCoords>().unwrap(),
            TextCoords::OffsetPoints
        );
        assert_eq!(
            "axes fraction".parse::<TextCoords>().unwrap(),
            TextCoords::AxesFraction
        );
        assert!("figure pixels".parse::<TextCoords>().is_err());
    }
}
