//! `Axes.hist` drawing: one or several datasets binned alike, drawn as bars (side by side,
//! stacked) or as step polygons, with matplotlib's arithmetic and artist order.

use super::bar::{BarAlign, BarOptions};
use super::hist::{
    histogram_weighted, pairwise_sum, Bins, HistAlign, HistOptions, HistResult, HistType,
};
use super::line::{Blend, LineStyle};
use super::patch::Patch;
use super::{cycle_color, Artist, ArtistHandle};
use crate::axes::Axes;
use crate::color::Color;
use crate::ticks::AxisScale;
use crate::{Error, Result};

fn parse_color(what: &str, s: &str) -> Result<Color> {
    Color::parse(s).map_err(|_| Error::invalid(what, format!("{s:?}"), "a matplotlib colour"))
}

/// `bottom=`: one value or one per bin.
fn bottoms(b: Option<&[f64]>, nb: usize) -> Result<Vec<f64>> {
    match b {
        None => Ok(vec![0.0; nb]),
        Some([v]) => Ok(vec![*v; nb]),
        Some(v) if v.len() == nb => Ok(v.to_vec()),
        Some(v) => Err(Error::invalid(
            "hist bottom",
            format!("{} values", v.len()),
            format!("one value or one per bin ({nb})"),
        )),
    }
}

impl Axes {
    /// `ax.hist(x, **kwargs)` for one dataset.
    pub fn hist_with(&mut self, x: &[f64], o: HistOptions) -> Result<HistResult> {
        let mut r = self.hist_datasets_with(&[x.to_vec()], o)?;
        r.pop()
            .ok_or_else(|| Error::invalid("hist x", "no dataset", "one dataset"))
    }

    /// `ax.hist([x0, x1, ...], **kwargs)`: several datasets binned alike (bins over all
    /// of them), side by side, stacked (`stacked`, `'barstacked'`) or as outlines; one
    /// result per dataset.
    pub fn hist_datasets_with(
        &mut self,
        x: &[Vec<f64>],
        o: HistOptions,
    ) -> Result<Vec<HistResult>> {
        if let Some(h) = &o.hatch {
            super::hatch::validate(h)?;
        }
        let nx = x.len();
        if nx == 0 {
            return Err(Error::invalid(
                "hist x",
                "no dataset",
                "at least one dataset",
            ));
        }
        if let Some(w) = &o.weights {
            if w.len() != nx || w.iter().zip(x).any(|(w, x)| w.len() != x.len()) {
                return Err(Error::invalid(
                    "hist weights",
                    format!("{} lists", w.len()),
                    "the shape of x (one weight per value)",
                ));
            }
        }
        let colors: Vec<Color> = match (&o.colors, &o.color) {
            (Some(c), _) => {
                if c.len() != nx {
                    return Err(Error::invalid(
                        "hist color",
                        format!("{} colours", c.len()),
                        format!("one colour per dataset ({nx})"),
                    ));
                }
                c.iter()
                    .map(|s| parse_color("hist color", s))
                    .collect::<Result<_>>()?
            }
            (None, Some(c)) => vec![parse_color("hist color", c)?; nx],
            (None, None) => (0..nx)
                .map(|_| {
                    let c = cycle_color(self.plot.line_cycle);
                    self.plot.line_cycle += 1;
                    c
                })
                .collect(),
        };
        let edgecolor = o
            .edgecolor
            .as_deref()
            .map(|s| parse_color("hist edgecolor", s))
            .transpose()?;
        let stacked = o.stacked || o.histtype == HistType::BarStacked;
        // The range over all datasets (NaN ignored), then bins shared by all of them.
        let mut bin_range = o.range;
        if bin_range.is_none() {
            let vals = x.iter().flatten().filter(|v| !v.is_nan());
            let lo = vals.clone().copied().fold(f64::INFINITY, f64::min);
            let hi = vals.copied().fold(f64::NEG_INFINITY, f64::max);
            if lo <= hi {
                bin_range = Some((lo, hi));
            }
        }
        let input_empty = x.iter().all(|d| d.is_empty());
        let (bins_used, range_used) = if !input_empty && nx > 1 {
            let all: Vec<f64> = x.iter().flatten().copied().collect();
            let (_, edges) = histogram_weighted(&all, None, &o.bins, bin_range, false)?;
            (Bins::Edges(edges), None)
        } else {
            (o.bins.clone(), bin_range)
        };
        let mut tops = Vec::with_capacity(nx);
        let mut bins = Vec::new();
        for (i, xi) in x.iter().enumerate() {
            let w = o.weights.as_ref().map(|w| &w[i][..]);
            let (m, b) = histogram_weighted(xi, w, &bins_used, range_used, o.density && !stacked)?;
            tops.push(m);
            bins = b;
        }
        let nb = bins.len() - 1;
        let diff: Vec<f64> = bins.windows(2).map(|w| w[1] - w[0]).collect();
        if stacked {
            for i in 1..nx {
                let (done, rest) = tops.split_at_mut(i);
                for (v, p) in rest[0].iter_mut().zip(&done[i - 1]) {
                    *v += p;
                }
            }
            if o.density {
                let total = pairwise_sum(&tops[nx - 1]);
                for t in tops.iter_mut() {
                    for (j, v) in t.iter_mut().enumerate() {
                        *v = (*v / diff[j]) / total;
                    }
                }
            }
        }
        if o.cumulative != 0 {
            for t in tops.iter_mut() {
                if o.density {
                    for (j, v) in t.iter_mut().enumerate() {
                        *v *= diff[j];
                    }
                }
                let mut acc = 0.0;
                let mut step = |v: &mut f64| {
                    acc += *v;
                    *v = acc;
                };
                if o.cumulative < 0 {
                    t.iter_mut().rev().for_each(&mut step);
                } else {
                    t.iter_mut().for_each(&mut step);
                }
            }
        }
        let labels: Vec<String> = match (&o.labels, &o.label) {
            (Some(l), _) => l.clone(),
            (None, Some(l)) => vec![l.clone()],
            (None, None) => Vec::new(),
        };
        let bottom = bottoms(o.bottom.as_deref(), nb)?;
        if o.log {
            let st = if o.horizontal {
                &mut self.plot.x
            } else {
                &mut self.plot.y
            };
            st.scale = AxisScale::LOG10;
        }
        let patches = match o.histtype {
            HistType::Bar | HistType::BarStacked => {
                self.hist_bars(&o, &tops, &bins, &diff, bottom, stacked, &colors)?
            }
            HistType::Step | HistType::StepFilled => {
                self.hist_steps(&o, &tops, &bins, &bottom, stacked, &colors, edgecolor)
            }
        };
        // The style keywords on every patch, the labels on each dataset's first.
        for (k, ps) in patches.iter().enumerate() {
            for (j, h) in ps.iter().enumerate() {
                let p = match std::sync::Arc::make_mut(&mut self.plot.artists).get_mut(h.index) {
                    Some(Artist::Patch(p)) => p,
                    Some(Artist::Polygon(pg)) => &mut pg.patch,
                    _ => continue,
                };
                if matches!(o.histtype, HistType::Bar | HistType::BarStacked) {
                    if let Some(e) = edgecolor {
                        p.edge = Some(e);
                    }
                    if let Some(lw) = o.linewidth {
                        p.linewidth_pt = lw;
                    }
                }
                p.alpha = o.alpha;
                p.label = if j == 0 { labels.get(k).cloned() } else { None };
            }
        }
        self.request_autoscale(true, true);
        Ok(tops
            .into_iter()
            .zip(patches)
            .map(|(n, patches)| HistResult {
                n,
                bins: bins.clone(),
                patches,
            })
            .collect())
    }

    /// `histtype='bar' | 'barstacked'`: one `bar` call per dataset.
    #[allow(clippy::too_many_arguments)]
    fn hist_bars(
        &mut self,
        o: &HistOptions,
        tops: &[Vec<f64>],
        bins: &[f64],
        tw: &[f64],
        mut bottom: Vec<f64>,
        stacked: bool,
        colors: &[Color],
    ) -> Result<Vec<Vec<ArtistHandle>>> {
        let nx = tops.len();
        let nxf = nx as f64;
        let nb = tw.len();
        let dr = match o.rwidth {
            Some(r) => r.clamp(0.0, 1.0),
            None if nx > 1 && !stacked => 0.8,
            None => 1.0,
        };
        let side_by_side = o.histtype == HistType::Bar && !stacked;
        let (width, mut boffset, dw): (Vec<f64>, Vec<f64>, Vec<f64>) = if side_by_side {
            let width: Vec<f64> = tw.iter().map(|t| dr * t / nxf).collect();
            let boffset = tw
                .iter()
                .map(|t| -0.5 * dr * t * (1.0 - 1.0 / nxf))
                .collect();
            (width.clone(), boffset, width)
        } else {
            (
                tw.iter().map(|t| dr * t).collect(),
                vec![0.0; nb],
                vec![0.0; nb],
            )
        };
        match o.align {
            HistAlign::Mid => boffset.iter_mut().zip(tw).for_each(|(b, t)| *b += 0.5 * t),
            HistAlign::Right => boffset.iter_mut().zip(tw).for_each(|(b, t)| *b += t),
            HistAlign::Left => {}
        }
        let mut out = Vec::with_capacity(nx);
        for (k, top) in tops.iter().enumerate() {
            let height: Vec<f64> = if stacked {
                top.iter().zip(&bottom).map(|(t, b)| t - b).collect()
            } else {
                top.clone()
            };
            let pos: Vec<f64> = (0..nb).map(|i| bins[i] + boffset[i]).collect();
            let mut bo = BarOptions::default()
                .width(width.clone())
                .bottom(bottom.clone())
                .align(BarAlign::Center);
            // A colour given: the patch cycle does not move (it is replaced below).
            bo.color = Some(vec!["k".to_string()]);
            bo.hatch = o.hatch.clone().map(|h| vec![h]);
            let st_len = if o.horizontal {
                self.plot.x.stickies.len()
            } else {
                self.plot.y.stickies.len()
            };
            let c = if o.horizontal {
                self.barh_with(&pos, &height, bo)?
            } else {
                self.bar_with(&pos, &height, bo)?
            };
            // hist's labels ride on Rectangles, children, not containers; only the lowest
            // bars keep their sticky edges.
            self.plot.bar_containers.pop();
            if k > 0 {
                let st = if o.horizontal {
                    &mut self.plot.x
                } else {
                    &mut self.plot.y
                };
                st.stickies.truncate(st_len);
            }
            for h in &c.patches {
                if let Some(Artist::Patch(p)) =
                    std::sync::Arc::make_mut(&mut self.plot.artists).get_mut(h.index)
                {
                    p.face = Some(colors[k]);
                }
            }
            out.push(c.patches);
            if stacked {
                bottom = top.clone();
            }
            boffset.iter_mut().zip(&dw).for_each(|(b, d)| *b += d);
        }
        Ok(out)
    }

    /// `histtype='step' | 'stepfilled'`: one polygon per dataset, added in reverse order.
    #[allow(clippy::too_many_arguments)]
    fn hist_steps(
        &mut self,
        o: &HistOptions,
        tops: &[Vec<f64>],
        bins: &[f64],
        bottom: &[f64],
        stacked: bool,
        colors: &[Color],
        edgecolor: Option<Color>,
    ) -> Vec<Vec<ArtistHandle>> {
        let fill = o.histtype == HistType::StepFilled;
        let m = bins.len();
        let nb = m - 1;
        let mut xs = vec![0.0; 4 * m - 3];
        let mut ys = vec![0.0; 4 * m - 3];
        for i in 0..m {
            xs[2 * i] = bins[i];
        }
        for i in 0..nb {
            xs[2 * i + 1] = bins[i];
        }
        for k in 0..(2 * m - 2) {
            xs[2 * m - 1 + k] = xs[2 * m - 2 - k];
        }
        for i in 0..nb {
            ys[2 * i + 1] = bottom[i];
            ys[2 * i + 2] = bottom[i];
        }
        for k in 0..(2 * m - 2) {
            ys[2 * m - 1 + k] = ys[2 * m - 2 - k];
        }
        match o.align {
            HistAlign::Left => xs.iter_mut().for_each(|v| *v -= 0.5 * (bins[1] - bins[0])),
            HistAlign::Right => xs.iter_mut().for_each(|v| *v += 0.5 * (bins[1] - bins[0])),
            HistAlign::Mid => {}
        }
        let mut polys = Vec::with_capacity(tops.len());
        for top in tops {
            if stacked {
                for k in 0..(2 * m - 2) {
                    ys[2 * m - 1 + k] = ys[2 * m - 2 - k];
                }
            }
            for i in 0..nb {
                let v = top[i] + bottom[i];
                ys[2 * i + 1] = v;
                ys[2 * i + 2] = v;
            }
            ys[0] = ys[4 * m - 4];
            polys.push(ys.clone());
        }
        let split = if fill { 4 * m - 4 } else { 2 * m };
        let mut out = vec![Vec::new(); tops.len()];
        for (k, ys) in polys.iter().enumerate().rev() {
            let pts: Vec<(f64, f64)> = (0..split)
                .map(|i| {
                    if o.horizontal {
                        (ys[i], xs[i])
                    } else {
                        (xs[i], ys[i])
                    }
                })
                .collect();
            // fill() takes the patch cycle's next colour though facecolor is given.
            self.plot.patch_cycle += 1;
            let color = colors[k];
            let poly = super::polygon::Polygon {
                points: pts,
                closed: fill,
                patch: Patch {
                    hatch: o.hatch.clone().filter(|h| !h.is_empty()),
                    rect: (0.0, 0.0, 0.0, 0.0),
                    blend: Blend::Data,
                    face: if fill { Some(color) } else { None },
                    edge: edgecolor.or(if fill { None } else { Some(color) }),
                    linewidth_pt: o.linewidth.unwrap_or(1.0),
                    linestyle: LineStyle::Solid,
                    alpha: o.alpha,
                    zorder: if fill { 1.0 } else { 2.0 },
                    label: None,
                },
            };
            let st = if o.horizontal {
                &mut self.plot.x
            } else {
                &mut self.plot.y
            };
            st.stickies.push(0.0);
            std::sync::Arc::make_mut(&mut self.plot.artists).push(Artist::Polygon(poly));
            out[k].push(ArtistHandle {
                axes: self.id,
                index: self.plot.artists.len() - 1,
            });
        }
        out
    }
}
