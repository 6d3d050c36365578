//! `bar` / `barh`: one `Rectangle` patch per bar (matplotlib's `Axes.bar`), a sticky edge at
//! each bar's baseline, string categories (`StrCategoryConverter`) and `tick_label`.

use super::line::{Blend, LineStyle};
use super::patch::Patch;
use super::{cycle_color, Artist, ArtistHandle};
use crate::axes::Axes;
use crate::color::Color;
use crate::{Error, Result};

/// `align=` of `bar` / `barh`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BarAlign {
    /// Bars centred on their positions (default).
    #[default]
    Center,
    /// The left (bottom for `barh`) edge on the position.
    Edge,
}

impl std::str::FromStr for BarAlign {
    type Err = Error;
    fn from_str(s: &str) -> Result<BarAlign> {
        match s {
            "center" => Ok(BarAlign::Center),
            "edge" => Ok(BarAlign::Edge),
            _ => Err(Error::invalid(
                "align",
                format!("{s:?}"),
                "'center' or 'edge'",
            )),
        }
    }
}

/// Options of [`Axes::bar_with`] / [`Axes::barh_with`] (matplotlib's keywords).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BarOptions {
    /// `width` of `bar` / `height` of `barh`: one value or one per bar (0.8).
    pub width: Option<Vec<f64>>,
    /// `bottom` of `bar` / `left` of `barh`: one value or one per bar (0).
    pub bottom: Option<Vec<f64>>,
    /// `align`.
    pub align: BarAlign,
    /// `color`: colours cycled over the bars (the patch cycle's next colour when unset).
    pub color: Option<Vec<String>>,
    /// `edgecolor`: colours cycled over the bars ('none' when unset).
    pub edgecolor: Option<Vec<String>>,
    /// `linewidth` in points (rc `patch.linewidth`, 1).
    pub linewidth: Option<f64>,
    /// `label` of the bar container.
    pub label: Option<String>,
    /// `tick_label`: one label or one per bar, set as tick labels at the bars.
    pub tick_label: Option<Vec<String>>,
    /// `alpha`.
    pub alpha: Option<f64>,
    /// `zorder` (1).
    pub zorder: Option<f64>,
    /// `hatch`: hatch patterns cycled over the bars (none when unset).
    pub hatch: Option<Vec<String>>,
}

impl BarOptions {
    /// `width=` (`height=` of `barh`).
    pub fn width(mut self, v: Vec<f64>) -> Self {
        self.width = Some(v);
        self
    }
    /// `bottom=` (`left=` of `barh`).
    pub fn bottom(mut self, v: Vec<f64>) -> Self {
        self.bottom = Some(v);
        self
    }
    /// `align=`.
    pub fn align(mut self, v: BarAlign) -> Self {
        self.align = v;
        self
    }
    /// `color=`.
    pub fn color(mut self, v: Vec<String>) -> Self {
        self.color = Some(v);
        self
    }
    /// `edgecolor=`.
    pub fn edgecolor(mut self, v: Vec<String>) -> Self {
        self.edgecolor = Some(v);
        self
    }
    /// `linewidth=`.
    pub fn linewidth(mut self, v: f64) -> Self {
        self.linewidth = Some(v);
        self
    }
    /// `label=`.
    pub fn label(mut self, v: &str) -> Self {
        self.label = Some(v.to_string());
        self
    }
    /// `tick_label=`.
    pub fn tick_label(mut self, v: Vec<String>) -> Self {
        self.tick_label = Some(v);
        self
    }
    /// `alpha=`.
    pub fn alpha(mut self, v: f64) -> Self {
        self.alpha = Some(v);
        self
    }
    /// `zorder=`.
    pub fn zorder(mut self, v: f64) -> Self {
        self.zorder = Some(v);
        self
    }
    /// `hatch=`: one pattern, or one per bar (cycled), e.g. `"//"`, `"x"`.
    pub fn hatch(mut self, v: Vec<String>) -> Self {
        self.hatch = Some(v);
        self
    }
}

/// The bars `bar` added: handles of their patches, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct BarContainer {
    /// One handle per bar.
    pub patches: Vec<ArtistHandle>,
}

fn colors(what: &str, v: &[String]) -> Result<Vec<Color>> {
    v.iter()
        .map(|s| {
            Color::parse(s)
                .map_err(|_| Error::invalid(what, format!("{s:?}"), "a matplotlib colour"))
        })
        .collect()
}

/// `np.broadcast_arrays` of a one-or-n list to n.
fn broadcast(what: &str, v: &[f64], n: usize) -> Result<Vec<f64>> {
    match v.len() {
        1 => Ok(vec![v[0]; n]),
        m if m == n => Ok(v.to_vec()),
        m => Err(Error::invalid(
            what,
            format!("{m} values"),
            format!("one value or {n} (one per bar)"),
        )),
    }
}

impl Axes {
    /// `ax.bar(x, height)` with matplotlib's defaults.
    pub fn bar(&mut self, x: &[f64], height: &[f64]) -> Result<BarContainer> {
        self.bar_with(x, height, BarOptions::default())
    }

    /// `ax.bar(x, height, **kwargs)`: vertical bars.
    pub fn bar_with(&mut self, x: &[f64], height: &[f64], o: BarOptions) -> Result<BarContainer> {
        self.bars(x, height, o, true)
    }

    /// `ax.barh(y, width, **kwargs)`: horizontal bars (`o.width` is `height=`, `o.bottom`
    /// is `left=`).
    pub fn barh_with(&mut self, y: &[f64], width: &[f64], o: BarOptions) -> Result<BarContainer> {
        self.bars(y, width, o, false)
    }

    /// The positions of string categories on the x axis (`StrCategoryConverter`): each
    /// new name takes the next integer; the axis ticks every category with its name.
    pub fn x_categories(&mut self, names: &[String]) -> Vec<f64> {
        categories(&mut self.plot.x, names)
    }

    /// [`Axes::x_categories`] for the y axis.
    pub fn y_categories(&mut self, names: &[String]) -> Vec<f64> {
        categories(&mut self.plot.y, names)
    }

    fn bars(
        &mut self,
        pos: &[f64],
        value: &[f64],
        o: BarOptions,
        vertical: bool,
    ) -> Result<BarContainer> {
        let n = pos.len().max(value.len());
        let pos = broadcast("bar positions", pos, n)?;
        let value = broadcast("bar heights", value, n)?;
        let width = broadcast("bar width", o.width.as_deref().unwrap_or(&[0.8]), n)?;
        let base = broadcast("bar bottom", o.bottom.as_deref().unwrap_or(&[0.0]), n)?;
        let face = match &o.color {
            Some(c) => colors("color", c)?,
            None => {
                let c = cycle_color(self.plot.patch_cycle);
                self.plot.patch_cycle += 1;
                vec![c]
            }
        };
        let edge = match &o.edgecolor {
            Some(c) => Some(colors("edgecolor", c)?),
            None => None,
        };
        let tick_labels = match &o.tick_label {
            Some(l) if l.len() == 1 => Some(vec![l[0].clone(); n]),
            Some(l) if l.len() == n => Some(l.clone()),
            Some(l) => {
                return Err(Error::invalid(
                    "tick_label",
                    format!("{} labels", l.len()),
                    format!("one label or {n}"),
                ))
            }
            None => None,
        };
        let hatches = o.hatch.clone().unwrap_or_default();
        for h in &hatches {
            super::hatch::validate(h)?;
        }
        let mut handles = Vec::with_capacity(n);
        for i in 0..n {
            // align='center': left = x - width / 2.
            let lo = match o.align {
                BarAlign::Center => pos[i] - width[i] / 2.0,
                BarAlign::Edge => pos[i],
            };
            let b = base[i];
            // Rectangle._convert_units: x1 = x0 + width; BboxTransformTo scales by x1 - x0.
            let (w, h) = ((lo + width[i]) - lo, (b + value[i]) - b);
            let rect = if vertical {
                (lo, b, w, h)
            } else {
                (b, lo, h, w)
            };
            let face_i = face.get(i % face.len().max(1)).copied();
            let edge_i = edge.as_ref().map(|e| e[i % e.len().max(1)]);
            let p = Patch {
                // itertools.cycle(np.atleast_1d(hatch)).
                hatch: (!hatches.is_empty())
                    .then(|| hatches[i % hatches.len()].clone())
                    .filter(|h| !h.is_empty()),
                rect,
                blend: Blend::Data,
                face: face_i,
                edge: edge_i,
                linewidth_pt: o.linewidth.unwrap_or(1.0),
                linestyle: LineStyle::Solid,
                alpha: o.alpha,
                zorder: o.zorder.unwrap_or(1.0),
                label: if i == 0 { o.label.clone() } else { None },
            };
            let st = if vertical {
                &mut self.plot.y
            } else {
                &mut self.plot.x
            };
            st.stickies.push(b);
            std::sync::Arc::make_mut(&mut self.plot.artists).push(Artist::Patch(p));
            handles.push(ArtistHandle {
                axes: self.id,
                index: self.plot.artists.len() - 1,
            });
        }
        if let Some(first) = handles.first() {
            self.plot.bar_containers.push(first.index);
        }
        if let Some(labels) = tick_labels {
            let st = if vertical {
                &mut self.plot.x
            } else {
                &mut self.plot.y
            };
            st.ticks = Some((pos.clone(), Some(labels)));
        }
        self.request_autoscale(true, true);
        Ok(BarContainer { patches: handles })
    }
}

fn categories(st: &mut super::AxisState, names: &[String]) -> Vec<f64> {
    let out = names
        .iter()
        .map(|s| match st.categories.iter().position(|c| c == s) {
            Some(i) => i as f64,
            None => {
                st.categories.push(s.clone());
                (st.categories.len() - 1) as f64
            }
        })
        .collect();
    let locs = (0..st.categories.len()).map(|i| i as f64).collect();
    st.ticks = Some((locs, Some(st.categories.clone())));
    out
}
