//! `pie`: one `Wedge` per value (`Path.arc` Béziers, a line to the centre), label and
//! percentage texts, an equal aspect, no frame and limits of ±1.25 around the centre, as
//! `Axes.pie` / `Axes.pie_label` build them.

use super::hist::pairwise_sum;
use super::line::{Blend, LineStyle};
use super::patch::Patch;
use super::pathpatch::{wedge_path, PathPatch};
use super::text::{TextArtist, TextOptions};
use super::{cycle_color, Artist, ArtistHandle};
use crate::axes::Axes;
use crate::color::Color;
use crate::image::Aspect;
use crate::{Error, Result};

/// Options of [`Axes::pie_with`] (matplotlib's keywords).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq)]
pub struct PieOptions {
    /// `explode`: each wedge's offset from the centre as a fraction of the radius.
    pub explode: Option<Vec<f64>>,
    /// `labels`: one per wedge (also the wedges' legend labels).
    pub labels: Option<Vec<String>>,
    /// `colors`: cycled over the wedges (the patch cycle when unset).
    pub colors: Option<Vec<String>>,
    /// `autopct`: a printf format of the percentage (`'%1.1f%%'`).
    pub autopct: Option<String>,
    /// `pctdistance` (0.6).
    pub pctdistance: f64,
    /// `labeldistance` (1.1); `None` draws no labels.
    pub labeldistance: Option<f64>,
    /// `startangle` in degrees (0).
    pub startangle: f64,
    /// `radius` (1).
    pub radius: f64,
    /// `counterclock` (true).
    pub counterclock: bool,
    /// `center` (0, 0).
    pub center: (f64, f64),
    /// `wedgeprops={'linewidth': ...}` in points.
    pub wedge_linewidth: Option<f64>,
    /// `wedgeprops={'edgecolor': ...}`.
    pub wedge_edgecolor: Option<String>,
    /// `wedgeprops={'alpha': ...}`.
    pub wedge_alpha: Option<f64>,
    /// `textprops={'fontsize': ...}` in points.
    pub text_fontsize: Option<f64>,
    /// `textprops={'color': ...}`.
    pub text_color: Option<String>,
    /// `hatch`: patterns cycled over the wedges (none when unset).
    pub hatch: Option<Vec<String>>,
    /// `shadow`: a `Shadow` under each wedge.
    pub shadow: bool,
}

impl Default for PieOptions {
    fn default() -> Self {
        PieOptions {
            explode: None,
            labels: None,
            colors: None,
            autopct: None,
            pctdistance: 0.6,
            labeldistance: Some(1.1),
            startangle: 0.0,
            radius: 1.0,
            counterclock: true,
            center: (0.0, 0.0),
            wedge_linewidth: None,
            wedge_edgecolor: None,
            wedge_alpha: None,
            text_fontsize: None,
            text_color: None,
            hatch: None,
            shadow: false,
        }
    }
}

option_setters!(PieOptions {
    /// `hatch=`: one pattern or one per wedge (cycled).
    hatch: Vec<String> => hatch = Some;
    /// `shadow=`: draw a shadow under each wedge.
    shadow: bool => shadow;
    /// `explode=`.
    explode: Vec<f64> => explode = Some;
    /// `labels=`.
    labels: Vec<String> => labels = Some;
    /// `colors=`.
    colors: Vec<String> => colors = Some;
    /// `autopct=` (a printf format such as `'%1.1f%%'`).
    autopct: impl Into<String> => autopct = some_into;
    /// `pctdistance=`.
    pctdistance: f64 => pctdistance;
    /// `labeldistance=` (`None`: no labels).
    labeldistance: Option<f64> => labeldistance;
    /// `startangle=` in degrees.
    startangle: f64 => startangle;
    /// `radius=`.
    radius: f64 => radius;
    /// `counterclock=`.
    counterclock: bool => counterclock;
    /// `center=`.
    center: (f64, f64) => center;
    /// `wedgeprops={'linewidth': v}`.
    wedge_linewidth: f64 => wedge_linewidth = Some;
    /// `wedgeprops={'edgecolor': v}`.
    wedge_edgecolor: impl Into<String> => wedge_edgecolor = some_into;
    /// `wedgeprops={'alpha': v}`.
    wedge_alpha: f64 => wedge_alpha = Some;
    /// `textprops={'fontsize': v}`.
    text_fontsize: f64 => text_fontsize = Some;
    /// `textprops={'color': v}`.
    text_color: impl Into<String> => text_color = some_into;
});

/// What `pie` returns: the wedges, the label texts and the percentage texts.
#[derive(Debug, Clone, PartialEq)]
pub struct PieContainer {
    /// One wedge per value.
    pub wedges: Vec<ArtistHandle>,
    /// The label texts (empty when `labeldistance` is `None`).
    pub texts: Vec<ArtistHandle>,
    /// The `autopct` texts.
    pub autotexts: Vec<ArtistHandle>,
}

/// Python's `fmt % value` for one number: `%%` and one `%[flags][width][.prec](f|d|i|e|g|s)`.
pub(crate) fn percent_format(fmt: &str, v: f64) -> Result<String> {
    let bad = || {
        Error::invalid(
            "autopct",
            format!("{fmt:?}"),
            "a printf format of one number",
        )
    };
    let mut out = String::new();
    let mut chars = fmt.chars().peekable();
    let mut used = false;
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        if chars.peek() == Some(&'%') {
            chars.next();
            out.push('%');
            continue;
        }
        let mut spec = String::new();
        let conv = loop {
            match chars.next() {
                Some(k) if "-+ 0#.0123456789".contains(k) => spec.push(k),
                Some(k) => break k,
                None => return Err(bad()),
            }
        };
        if used {
            return Err(bad());
        }
        used = true;
        let left = spec.contains('-');
        let plus = spec.contains('+');
        let zero = spec
            .trim_start_matches(['-', '+', ' ', '#'])
            .starts_with('0');
        let digits = spec.trim_start_matches(['-', '+', ' ', '#', '0']);
        let (w, p) = match digits.split_once('.') {
            Some((w, p)) => (w, Some(p.parse::<usize>().unwrap_or(0))),
            None => (digits, None),
        };
        let width = w.parse::<usize>().unwrap_or(0);
        let mut s = match conv {
            'f' | 'F' => format!("{:.*}", p.unwrap_or(6), v),
            'd' | 'i' => format!("{}", v.trunc() as i64),
            'e' | 'E' => {
                let s = format!("{:.*e}", p.unwrap_or(6), v);
                // Rust writes 1.5e1; Python 1.5e+01.
                match s.split_once('e') {
                    Some((m, e)) => {
                        let (sign, d) = e.strip_prefix('-').map_or(("+", e), |d| ("-", d));
                        format!("{m}e{sign}{d:0>2}")
                    }
                    None => s,
                }
            }
            's' => format!("{v}"),
            _ => return Err(bad()),
        };
        if plus && v >= 0.0 {
            s.insert(0, '+');
        }
        while s.len() < width {
            if left {
                s.push(' ');
            } else if zero {
                let at = usize::from(s.starts_with(['-', '+']));
                s.insert(at, '0');
            } else {
                s.insert(0, ' ');
            }
        }
        out.push_str(&s);
    }
    Ok(out)
}

impl Axes {
    /// `ax.pie(x, **kwargs)`: wedges of `x / sum(x)` of a circle, labels outside,
    /// `autopct` percentages inside; the Axes gets an equal aspect, no frame, no ticks and
    /// limits of ±1.25 around the centre.
    pub fn pie_with(&mut self, x: &[f64], o: PieOptions) -> Result<PieContainer> {
        for h in o.hatch.iter().flatten() {
            super::hatch::validate(h)?;
        }
        if let Some(v) = x.iter().find(|v| !v.is_finite() || **v < 0.0) {
            return Err(Error::invalid(
                "pie x",
                v,
                "finite, non-negative wedge sizes",
            ));
        }
        let sx = pairwise_sum(x);
        if sx == 0.0 {
            return Err(Error::invalid("pie x", "all zero", "a positive sum"));
        }
        if o.radius.is_nan() || o.radius <= 0.0 {
            return Err(Error::invalid("pie radius", o.radius, "a positive number"));
        }
        let n = x.len();
        let check = |what: &str, len: Option<usize>| -> Result<()> {
            match len {
                Some(l) if l != n => Err(Error::invalid(
                    what,
                    format!("{l} values"),
                    format!("one per wedge ({n})"),
                )),
                _ => Ok(()),
            }
        };
        check("pie labels", o.labels.as_ref().map(Vec::len))?;
        check("pie explode", o.explode.as_ref().map(Vec::len))?;
        let colors: Option<Vec<Color>> = match &o.colors {
            Some(c) if c.is_empty() => {
                return Err(Error::invalid("pie colors", "[]", "at least one colour"))
            }
            Some(c) => Some(
                c.iter()
                    .map(|s| {
                        Color::parse(s).map_err(|_| {
                            Error::invalid("pie colors", format!("{s:?}"), "a matplotlib colour")
                        })
                    })
                    .collect::<Result<_>>()?,
            ),
            None => None,
        };
        let edge = o
            .wedge_edgecolor
            .as_deref()
            .map(|s| {
                Color::parse(s).map_err(|_| {
                    Error::invalid(
                        "pie wedgeprops edgecolor",
                        format!("{s:?}"),
                        "a matplotlib colour",
                    )
                })
            })
            .transpose()?;
        self.set_aspect(Aspect::Equal);
        let mut theta1 = o.startangle / 360.0;
        let mut wedges = Vec::with_capacity(n);
        // (centre, theta1, theta2) of each wedge in degrees.
        let mut geo = Vec::with_capacity(n);
        for i in 0..n {
            let frac = x[i] / sx;
            let theta2 = if o.counterclock {
                theta1 + frac
            } else {
                theta1 - frac
            };
            let thetam = 2.0 * std::f64::consts::PI * 0.5 * (theta1 + theta2);
            let expl = o.explode.as_ref().map_or(0.0, |e| e[i]);
            let c = (
                o.center.0 + expl * thetam.cos(),
                o.center.1 + expl * thetam.sin(),
            );
            let (t1, t2) = (360.0 * theta1.min(theta2), 360.0 * theta1.max(theta2));
            let face = match &colors {
                Some(c) => c[i % c.len()],
                None => {
                    let c = cycle_color(self.plot.patch_cycle);
                    self.plot.patch_cycle += 1;
                    c
                }
            };
            let w = PathPatch {
                verts: wedge_path(c, o.radius, t1, t2),
                patch: Patch {
                    // itertools.cycle(np.atleast_1d(hatch)).
                    hatch: o
                        .hatch
                        .as_ref()
                        .filter(|h| !h.is_empty())
                        .map(|h| h[i % h.len()].clone())
                        .filter(|h| !h.is_empty()),
                    rect: (0.0, 0.0, 0.0, 0.0),
                    blend: Blend::Data,
                    face: Some(face),
                    edge,
                    linewidth_pt: o.wedge_linewidth.unwrap_or(1.0),
                    linestyle: LineStyle::Solid,
                    alpha: o.wedge_alpha,
                    zorder: 1.0,
                    label: Some(o.labels.as_ref().map_or(String::new(), |l| l[i].clone())),
                },
                clip_on: false,
                shadow_offset_pt: None,
            };
            // Shadow(w, -0.02, -0.02): the wedge's path and props, face and edge
            // (1 - 0.7) * rgb at alpha 0.5, just below the wedge's zorder.
            let shadow = o.shadow.then(|| {
                let mut s = w.clone();
                let k = 1.0 - 0.7;
                let dark = Color::new(k * face.r, k * face.g, k * face.b, 1.0);
                s.patch.face = Some(dark);
                s.patch.edge = Some(dark);
                s.patch.alpha = Some(0.5);
                s.patch.zorder = f64::from_bits(1.0f64.to_bits() - 1);
                s.patch.label = None;
                s.shadow_offset_pt = Some((-0.02, -0.02));
                s
            });
            std::sync::Arc::make_mut(&mut self.plot.artists).push(Artist::PathPatch(w));
            wedges.push(ArtistHandle {
                axes: self.id,
                index: self.plot.artists.len() - 1,
            });
            if let Some(s) = shadow {
                std::sync::Arc::make_mut(&mut self.plot.artists).push(Artist::PathPatch(s));
            }
            geo.push((c, t1, t2));
            theta1 = theta2;
        }
        let mut place =
            |labels: &[String], distance: f64, outer: bool| -> Result<Vec<ArtistHandle>> {
                let mut out = Vec::with_capacity(n);
                for (&(c, t1, t2), s) in geo.iter().zip(labels) {
                    let thetam = 2.0 * std::f64::consts::PI * 0.5 * (t1 + t2) / 360.0;
                    let xt = c.0 + distance * o.radius * thetam.cos();
                    let yt = c.1 + distance * o.radius * thetam.sin();
                    let ha = if !outer {
                        "center"
                    } else if xt > 0.0 {
                        "left"
                    } else {
                        "right"
                    };
                    let to = TextOptions {
                        ha: Some(ha.to_string()),
                        va: Some("center".to_string()),
                        fontsize: o.text_fontsize,
                        color: o.text_color.clone(),
                        ..TextOptions::default()
                    };
                    let t = TextArtist::new(xt, yt, s.clone(), &to)?;
                    std::sync::Arc::make_mut(&mut self.plot.artists).push(Artist::Text(t));
                    out.push(ArtistHandle {
                        axes: self.id,
                        index: self.plot.artists.len() - 1,
                    });
                }
                Ok(out)
            };
        let texts = match o.labeldistance {
            Some(d) => {
                let labels = o.labels.clone().unwrap_or_else(|| vec![String::new(); n]);
                place(&labels, d, true)?
            }
            None => Vec::new(),
        };
        let autotexts = match &o.autopct {
            Some(f) => {
                let labels = x
                    .iter()
                    .map(|v| percent_format(f, 100.0 * (v / sx)))
                    .collect::<Result<Vec<_>>>()?;
                place(&labels, o.pctdistance, false)?
            }
            None => Vec::new(),
        };
        self.set_axis_off();
        self.set_xticks(Vec::<f64>::new(), None)?;
        self.set_yticks(Vec::<f64>::new(), None)?;
        self.set_xlim(Some(-1.25 + o.center.0), Some(1.25 + o.center.0))?;
        self.set_ylim(Some(-1.25 + o.center.1), Some(1.25 + o.center.1))?;
        Ok(PieContainer {
            wedges,
            texts,
            autotexts,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::percent_format;

    #[test]
    fn printf_formats() {
        assert_eq!(percent_format("%1.1f%%", 12.345).unwrap(), "12.3%");
        assert_eq!(percent_format("%d", 7.9).unwrap(), "7");
        assert_eq!(percent_format("%5.1f", 2.0).unwrap(), "  2.0");
        assert!(percent_format("%q", 1.0).is_err());
    }
}
