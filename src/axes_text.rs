//! An Axes' own texts: the three titles (`set_title(loc=...)`) and the axis labels'
//! keywords, and how the titles are laid out (`Axes._update_title_position`).

use crate::color::Color;
use crate::layout::{place_text_in, Bbox, TextItem};
use crate::text::{FontFace, GlyphCache, HorizontalAlignment as Ha, VerticalAlignment as Va};
use crate::{Error, Result};

/// `ax.set_title`'s keywords. Unset fields take matplotlib's defaults (rcParams
/// `axes.titlelocation`, `axes.titlepad`, `axes.titlesize`, `axes.titleweight`,
/// `axes.titley`).
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TitleOptions {
    /// `loc`: 'left', 'center' or 'right' (which of the three title slots, and the
    /// alignment at the Axes' left edge, middle or right edge).
    pub loc: Option<String>,
    /// `pad`: the gap between the Axes top and the title, in points (6). Shared by the
    /// three titles: the last `set_title` sets it.
    pub pad: Option<f64>,
    /// `fontsize` in points (the style's title size, 12).
    pub fontsize: Option<f64>,
    /// `color` (black).
    pub color: Option<String>,
    /// `fontweight`: 'normal' or 'bold' (matplotlib's other weight names too).
    pub fontweight: Option<String>,
    /// `y`: the baseline in Axes coordinates; given, the titles are no longer moved
    /// clear of what is above the Axes.
    pub y: Option<f64>,
    /// `multialignment` ('ma'): 'left', 'center' or 'right', how the lines of a
    /// multi-line text align among themselves (None: as the text's `ha`).
    pub multialignment: Option<String>,
    /// `linespacing`: the line step in multiples of the font's ascent + descent (None:
    /// matplotlib's 'normal', from each line's own metrics).
    pub linespacing: Option<f64>,
}

option_setters!(TitleOptions {
    /// Sets `loc`.
    loc: impl Into<String> => loc = some_into;
    /// Sets `pad` (points).
    pad: f64 => pad = Some;
    /// Sets `fontsize` (points).
    fontsize: f64 => fontsize = Some;
    /// Sets `color`.
    color: impl Into<String> => color = some_into;
    /// Sets `fontweight`.
    fontweight: impl Into<String> => fontweight = some_into;
    /// Sets `y` (Axes coordinates).
    y: f64 => y = Some;
    /// Sets `multialignment`.
    multialignment: impl Into<String> => multialignment = some_into;
    /// Sets `linespacing`.
    linespacing: f64 => linespacing = Some;
});

/// `ax.set_xlabel` / `ax.set_ylabel`'s keywords.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LabelOptions {
    /// `fontsize` in points (the style's font size, 10).
    pub fontsize: Option<f64>,
    /// `color` (black).
    pub color: Option<String>,
    /// `labelpad`: the gap to the tick labels, in points (4).
    pub labelpad: Option<f64>,
    /// `loc`: 'left', 'center', 'right' for the x label; 'bottom', 'center', 'top' for
    /// the y label.
    pub loc: Option<String>,
    /// `multialignment` ('ma'): 'left', 'center' or 'right', how the lines of a
    /// multi-line text align among themselves (None: as the text's `ha`).
    pub multialignment: Option<String>,
    /// `linespacing`: the line step in multiples of the font's ascent + descent (None:
    /// matplotlib's 'normal', from each line's own metrics).
    pub linespacing: Option<f64>,
}

option_setters!(LabelOptions {
    /// Sets `fontsize` (points).
    fontsize: f64 => fontsize = Some;
    /// Sets `color`.
    color: impl Into<String> => color = some_into;
    /// Sets `labelpad` (points).
    labelpad: f64 => labelpad = Some;
    /// Sets `loc`.
    loc: impl Into<String> => loc = some_into;
    /// Sets `multialignment`.
    multialignment: impl Into<String> => multialignment = some_into;
    /// Sets `linespacing`.
    linespacing: f64 => linespacing = Some;
});

/// `fig.suptitle`'s keywords. Unset fields take matplotlib's defaults (x 0.5, y 0.98,
/// ha 'center', rcParams `figure.titlesize` 'large', `figure.titleweight` 'normal').
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SupTitleOptions {
    /// `x` in figure fractions.
    pub x: Option<f64>,
    /// `y` in figure fractions (the top of the text: va 'top').
    pub y: Option<f64>,
    /// `ha`: 'left', 'center' or 'right'.
    pub ha: Option<String>,
    /// `fontsize` in points.
    pub fontsize: Option<f64>,
    /// `color`.
    pub color: Option<String>,
    /// `fontweight`.
    pub fontweight: Option<String>,
    /// `multialignment` ('ma'): 'left', 'center' or 'right', how the lines of a
    /// multi-line text align among themselves (None: as the text's `ha`).
    pub multialignment: Option<String>,
    /// `linespacing`: the line step in multiples of the font's ascent + descent (None:
    /// matplotlib's 'normal', from each line's own metrics).
    pub linespacing: Option<f64>,
}

option_setters!(SupTitleOptions {
    /// Sets `x` (figure fraction).
    x: f64 => x = Some;
    /// Sets `y` (figure fraction).
    y: f64 => y = Some;
    /// Sets `ha`.
    ha: impl Into<String> => ha = some_into;
    /// Sets `fontsize` (points).
    fontsize: f64 => fontsize = Some;
    /// Sets `color`.
    color: impl Into<String> => color = some_into;
    /// Sets `fontweight`.
    fontweight: impl Into<String> => fontweight = some_into;
    /// Sets `multialignment`.
    multialignment: impl Into<String> => multialignment = some_into;
    /// Sets `linespacing`.
    linespacing: f64 => linespacing = Some;
});

/// The horizontal alignment an `ha` names.
pub(crate) fn ha_of(ha: Option<&str>) -> Result<Ha> {
    match ha.unwrap_or("center") {
        "left" => Ok(Ha::Left),
        "center" => Ok(Ha::Center),
        "right" => Ok(Ha::Right),
        other => Err(Error::invalid(
            "ha",
            format!("{other:?}"),
            "'left', 'center' or 'right'",
        )),
    }
}

/// The `multialignment` and `linespacing` keywords checked: the alignment of the lines
/// among themselves (None: as `ha`) and the line spacing (None: 'normal'). `call` names
/// the call in errors.
pub(crate) fn line_layout(
    call: &str,
    multialignment: Option<&str>,
    linespacing: Option<f64>,
) -> Result<(Option<Ha>, Option<f64>)> {
    let ma = match multialignment {
        None => None,
        Some("left") => Some(Ha::Left),
        Some("center") => Some(Ha::Center),
        Some("right") => Some(Ha::Right),
        Some(other) => {
            return Err(Error::invalid(
                format!("{call} multialignment"),
                format!("{other:?}"),
                "'left', 'center' or 'right'",
            ))
        }
    };
    if let Some(k) = linespacing.filter(|k| !k.is_finite()) {
        return Err(Error::invalid(
            format!("{call} linespacing"),
            k,
            "a finite multiple of the font height",
        ));
    }
    Ok((ma, linespacing))
}

/// One title slot's text and keywords.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Title {
    pub(crate) text: String,
    pub(crate) opts: TitleOptions,
}

/// The slot (0 left, 1 center, 2 right) a title's `loc` names.
pub(crate) fn title_slot(loc: Option<&str>) -> Result<usize> {
    match loc.unwrap_or("center") {
        "left" => Ok(0),
        "center" => Ok(1),
        "right" => Ok(2),
        other => Err(Error::invalid(
            "set_title loc",
            format!("{other:?}"),
            "'left', 'center' or 'right'",
        )),
    }
}

/// A label's position along its axis in Axes coordinates and its alignment along the
/// text: x labels 'left'/'center'/'right', y labels 'bottom'/'center'/'top'.
pub(crate) fn label_loc(loc: Option<&str>, y_axis: bool) -> Result<(f64, Ha)> {
    match (loc.unwrap_or("center"), y_axis) {
        ("center", _) => Ok((0.5, Ha::Center)),
        ("left", false) | ("bottom", true) => Ok((0.0, Ha::Left)),
        ("right", false) | ("top", true) => Ok((1.0, Ha::Right)),
        (other, _) => Err(Error::invalid(
            if y_axis {
                "set_ylabel loc"
            } else {
                "set_xlabel loc"
            },
            format!("{other:?}"),
            if y_axis {
                "'bottom', 'center' or 'top'"
            } else {
                "'left', 'center' or 'right'"
            },
        )),
    }
}

/// The face a title's `fontweight` picks.
pub(crate) fn face(weight: Option<&str>) -> Result<FontFace> {
    crate::artists::text::text_face(None, weight, None)
}

/// The colour a text keyword names (None: the default text colour).
pub(crate) fn text_color(c: Option<&str>) -> Result<Option<Color>> {
    c.map(Color::parse).transpose()
}

/// Lays out the three titles (`[left, center, right]`) of an Axes at `bbox`, as
/// `Axes._update_title_position` does: each starts at y = 1 (or its own `y`), is moved up
/// when its extent reaches below the Axes top, and all are lined up at the highest.
pub(crate) fn place_titles(
    glyphs: &mut GlyphCache,
    titles: &[Option<Title>; 3],
    auto_pos: bool,
    pad_pt: f64,
    default_size_pt: f64,
    dpi: f64,
    (bbox, y_offset_text): (&Bbox, Option<Bbox>),
) -> Result<[Option<TextItem>; 3]> {
    let pad = pad_pt / 72.0 * dpi;
    let (w, h) = (bbox.width(), bbox.height());
    let xs = [bbox.x0, bbox.x0 + 0.5 * w, 1.0 * w + bbox.x0];
    let has = [Ha::Left, Ha::Center, Ha::Right];
    let place = |glyphs: &mut GlyphCache, k: usize, t: &Title, y: f64| -> Result<TextItem> {
        let size = t.opts.fontsize.unwrap_or(default_size_pt);
        let (ma, linespacing) = line_layout(
            "set_title",
            t.opts.multialignment.as_deref(),
            t.opts.linespacing,
        )?;
        let al = crate::layout::Align {
            ha: has[k],
            va: Va::Baseline,
            angle: 0.0,
            ma,
            linespacing,
        };
        // (transAxes + titleOffsetTrans).transform((x, y)): `h * y + (y0 + pad)`, also at
        // y = 1 (the extent's ulps count for tight_layout).
        let ydisp = h * y + (bbox.y0 + pad);
        let mut item = place_text_in(
            glyphs,
            &t.text,
            size,
            dpi,
            (xs[k], ydisp),
            al,
            face(t.opts.fontweight.as_deref())?,
            true,
        )?;
        item.color = text_color(t.opts.color.as_deref())?;
        Ok(item)
    };
    let mut ys = [1.0; 3];
    let mut out: [Option<TextItem>; 3] = [None, None, None];
    if !auto_pos {
        for (k, t) in titles.iter().enumerate() {
            if let Some(t) = t {
                let y = t.opts.y.unwrap_or(1.0);
                out[k] = Some(place(glyphs, k, t, y)?);
            }
        }
        return Ok(out);
    }
    let mut top = bbox.y1;
    let to_axes = |v: f64| v * (1.0 / h) + -bbox.y0 / h;
    // _update_title_position: title, left title, right title.
    for k in [1, 0, 2] {
        let Some(t) = titles[k].as_ref().filter(|t| !t.text.is_empty()) else {
            continue;
        };
        let mut item = place(glyphs, k, t, 1.0)?;
        // The y axis' offset text, when it meets the title at y = 1, is the new top
        // (`Bbox.intersection`: touching counts).
        if let Some(o) = y_offset_text {
            let b = &item.bbox;
            if o.x0.max(b.x0) <= o.x1.min(b.x1) && o.y0.max(b.y0) <= o.y1.min(b.y1) {
                top = o.y1;
            }
        }
        if top < 0.0 {
            break;
        }
        if item.bbox.y0 < top {
            ys[k] = to_axes(top);
            item = place(glyphs, k, t, ys[k])?;
            if item.bbox.y0 < top {
                ys[k] = to_axes(2.0 * top - item.bbox.y0);
            }
        }
    }
    let ymax = ys.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    for (k, t) in titles.iter().enumerate() {
        if let Some(t) = t {
            out[k] = Some(place(glyphs, k, t, ymax)?);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_locations_name_their_slot() {
        assert_eq!(title_slot(None).unwrap(), 1);
        assert_eq!(title_slot(Some("left")).unwrap(), 0);
        assert_eq!(title_slot(Some("right")).unwrap(), 2);
        let e = title_slot(Some("top")).unwrap_err().to_string();
        assert!(e.contains("\"top\""), "{e}");
    }

    #[test]
    fn label_locations_depend_on_the_axis() {
        assert_eq!(label_loc(Some("left"), false).unwrap(), (0.0, Ha::Left));
        assert_eq!(label_loc(Some("top"), true).unwrap(), (1.0, Ha::Right));
        assert_eq!(label_loc(Some("bottom"), true).unwrap(), (0.0, Ha::Left));
        assert!(label_loc(Some("top"), false).is_err());
        assert!(label_loc(Some("left"), true).is_err());
        assert!(ha_of(Some("middle")).is_err());
    }

    #[test]
    fn line_keywords_are_checked_and_named() {
        assert_eq!(line_layout("text", None, None).unwrap(), (None, None));
        assert_eq!(
            line_layout("text", Some("right"), Some(2.0)).unwrap(),
            (Some(Ha::Right), Some(2.0))
        );
        let e = line_layout("set_title", Some("middle"), None)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("set_title multialignment") && e.contains("\"middle\""),
            "{e}"
        );
        let e = line_layout("text", None, Some(f64::NAN))
            .unwrap_err()
            .to_string();
        assert!(e.contains("linespacing"), "{e}");
    }

    #[test]
    fn a_title_with_y_stops_the_automatic_placement() {
        let mut fig = crate::Figure::new(4.0, 3.0, 100.0);
        let ax = fig.add_subplot();
        fig[ax]
            .set_title_with("t", TitleOptions::default().y(0.5).loc("left"))
            .unwrap();
        assert!(!fig[ax].title_auto_pos);
        assert!(fig[ax].titles[0].is_some());
        assert!(fig[ax]
            .set_title_with("t", TitleOptions::default().loc("up"))
            .is_err());
    }
}
