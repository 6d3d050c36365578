//! `legend(labelcolor=...)`: the colour of each entry's label (`Legend.__init__`'s
//! `color_getters`): one colour or a list cycled over the labels, or a getter name
//! ('linecolor', 'markerfacecolor'/'mfc', 'markeredgecolor'/'mec') asked of each legend
//! handle in matplotlib's order until one answers with a visible colour.

use super::legend::Handle;
use super::scatter::Faces;
use super::Artist;
use crate::color::Color;
use crate::{Error, Result};

/// What a handle's getter answers: nothing (no such getter), one colour (`None`:
/// 'none') or a colour array (a collection's).
enum Got {
    Absent,
    One(Option<Color>),
    Array(Vec<Color>),
}

/// The getters `labelcolor` names ask for, in order.
fn getters(name: &str) -> Option<&'static [&'static str]> {
    Some(match name {
        "linecolor" => &["mfc", "fc", "mec", "ec", "color"],
        "markerfacecolor" | "mfc" => &["mfc", "fc"],
        "markeredgecolor" | "mec" => &["mec", "ec"],
        _ => return None,
    })
}

/// One getter of the legend handle matplotlib makes for `a`.
fn get(a: &Artist, getter: &str) -> Got {
    let with = |c: Color, alpha: Option<f64>| alpha.map_or(c, |v| c.with_alpha(v));
    match a {
        // HandlerLine2D's Line2D copies the line's colours.
        Artist::Line(l) => match getter {
            "mfc" if l.mfc_none => Got::One(None),
            "mfc" => Got::One(Some(l.mfc.unwrap_or(l.color))),
            "mec" => Got::One(Some(l.mec.unwrap_or(l.color))),
            "color" => Got::One(Some(l.color)),
            _ => Got::Absent,
        },
        // HandlerPatch's Rectangle: `get_facecolor`/`get_edgecolor` with the alpha.
        Artist::Patch(p) => match getter {
            "fc" => Got::One(p.face.map(|c| with(c, p.alpha))),
            "ec" => Got::One(p.edge.map(|c| with(c, p.alpha))),
            _ => Got::Absent,
        },
        Artist::Polygon(p) => get(&Artist::Patch(p.patch.clone()), getter),
        Artist::PathPatch(p) => get(&Artist::Patch(p.patch.clone()), getter),
        // HandlerStepPatch: a Line2D in the edge colour when not filled, else a Rectangle.
        Artist::StepPatch(s) => match (s.fill, s.patch.edge) {
            (false, Some(e)) => match getter {
                "mfc" | "mec" | "color" => Got::One(Some(with(e, s.patch.alpha))),
                _ => Got::Absent,
            },
            _ => get(&Artist::Patch(s.patch.clone()), getter),
        },
        // HandlerPolyCollection: a Rectangle in the collection's first colours.
        Artist::Collection(c) => match getter {
            "fc" => Got::One(c.face_rgba()),
            "ec" => Got::One(c.edge_rgba()),
            _ => Got::Absent,
        },
        // HandlerPathCollection's collection keeps every colour of the scatter.
        Artist::Scatter(s) => match (&s.faces, getter) {
            (Faces::Fixed(f), "fc") => Got::Array(f.clone()),
            (Faces::Fixed(f), "ec") => Got::Array(s.edges.clone().unwrap_or_else(|| f.clone())),
            _ => Got::Absent,
        },
        Artist::Text(_) | Artist::Mesh(_) | Artist::Contour(_) => Got::Absent,
    }
}

/// `np.isclose(color, color[0]).all()`.
fn all_close(v: &[Color]) -> bool {
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-8 + 1e-5 * b.abs();
    let c0 = v[0];
    v.iter()
        .all(|c| close(c.r, c0.r) && close(c.g, c0.g) && close(c.b, c0.b) && close(c.a, c0.a))
}

/// The label colour of entry `k` (handle `h`, an artist of `artists`) for `labelcolor`
/// `spec` (empty: the default text colour, `None`).
pub(crate) fn label_color(
    spec: &[String],
    k: usize,
    h: &Handle,
    artists: &[Artist],
) -> Result<Option<Color>> {
    let names = match spec {
        [] => return Ok(None),
        [one] => getters(one),
        _ => None,
    };
    let Some(names) = names else {
        // One colour or a list, cycled over the labels ('none' hides them).
        let s = &spec[k % spec.len()];
        return Color::parse(s)
            .map(Some)
            .map_err(|_| Error::invalid("legend labelcolor", format!("{s:?}"), "a colour"));
    };
    let a = match h {
        Handle::Artist(a) => *a,
        // HandlerErrorbar's handle is its first artist: the x (else y) bars' LineCollection
        // (no face, the bars' edge), or without bars the data line.
        Handle::Errorbar(e) => {
            let first = if e.has_xerr || e.has_yerr {
                e.barlinecols.first()
            } else {
                e.data_line.as_ref()
            };
            match first.and_then(|&i| artists.get(i)) {
                Some(Artist::Collection(c)) => {
                    let ec = c.edge_rgba().filter(|c| c.a != 0.0);
                    return Ok(if names.contains(&"ec") { ec } else { None });
                }
                Some(a) => a,
                None => {
                    return Err(Error::invalid(
                        "legend labelcolor",
                        format!("{:?} with an errorbar entry", spec[0]),
                        "an errorbar with bars or a data line",
                    ))
                }
            }
        }
    };
    // A colour-mapped scatter keeps the default colour.
    if let Artist::Scatter(s) = a {
        if matches!(s.faces, Faces::Mapped { .. }) {
            return Ok(None);
        }
    }
    for g in names {
        match get(a, g) {
            Got::Absent | Got::One(None) => continue,
            Got::One(Some(c)) if c.a == 0.0 => continue,
            Got::One(Some(c)) => return Ok(Some(c)),
            Got::Array(v) if v.is_empty() => continue,
            Got::Array(v) if all_close(&v) => return Ok(Some(v[0])),
            Got::Array(_) => return Ok(None),
        }
    }
    Ok(None)
}
