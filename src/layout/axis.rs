//! One axis laid out: tick locations and labels, tick marks and the axis label, with
//! matplotlib's placement arithmetic (`Axis._update_label_position`, tick label alignment and
//! rotation).

use super::*;

/// Inputs for laying out one axis.
pub(super) struct AxisSpec<'a> {
    pub(super) side: Side,
    /// View limits in data coordinates.
    pub(super) view: (f64, f64),
    pub(super) map: &'a AxisMap,
    pub(super) bbox: &'a Bbox,
    /// Data transform built on the scaled view.
    pub(super) trans: &'a Affine,
    /// `set_xticks` / `set_yticks`: fixed positions and optional labels.
    pub(super) fixed: Option<&'a (Vec<f64>, Option<Vec<String>>)>,
    /// `tick_params` of the major ticks.
    pub(super) params: TickParams,
    /// The log or symlog scale's `subs` (`None`: the scale's default).
    pub(super) subs: Option<&'a [f64]>,
    /// A colorbar's outline top in display y (the upper extend triangle's apex when
    /// extended): `YAxis._update_offset_text_position` puts the offset text above the
    /// `outline` spine's extent; `None` for an Axes (its box top).
    pub(super) outline_top: Option<f64>,
    /// The length of the axis whose tick space the locator measures when it is another
    /// Axes' (shared axes share their root's `Ticker`, whose locator keeps the root's
    /// axis); `None`: this axis.
    pub(super) locator_len_px: Option<f64>,
    /// The major label size (`tick_params(labelsize=)`) of the Axes whose locator this
    /// axis uses (its share root: `get_tick_space` reads the locator's axis); `None`: rc's.
    pub(super) locator_label_pt: Option<f64>,
}

/// Shapes a tick label; mathtext labels are laid out by the mathtext engine.
fn tick_label_text(
    glyphs: &mut GlyphCache,
    label: &TickLabel,
    size_pt: f64,
    dpi: f64,
    anchor: (f64, f64),
    al: Align,
) -> Result<Option<TextItem>> {
    match label {
        TickLabel::Empty => Ok(None),
        TickLabel::Plain(s) if s.is_empty() => Ok(None),
        TickLabel::Plain(s) => place_tick(glyphs, s, size_pt, dpi, anchor, al).map(Some),
        other => place_tick(glyphs, &other.to_mathtext(), size_pt, dpi, anchor, al).map(Some),
    }
}

/// A tick label: unrotated as [`place_text`]; `labelrotation` with rotation_mode
/// 'default' (rotate, then align the rotated extent).
fn place_tick(
    glyphs: &mut GlyphCache,
    s: &str,
    size_pt: f64,
    dpi: f64,
    anchor: (f64, f64),
    al: Align,
) -> Result<TextItem> {
    let anchor_mode = al.angle == 0.0;
    place_text_in(
        glyphs,
        s,
        size_pt,
        dpi,
        anchor,
        al,
        FontFace::Sans,
        anchor_mode,
    )
}

pub(super) fn layout_axis(
    fig: &Figure,
    glyphs: &mut GlyphCache,
    spec: AxisSpec<'_>,
) -> Result<AxisLayout> {
    let style = fig.style();
    let dpi = fig.dpi();
    let size_pt = spec.params.labelsize.unwrap_or(style.font_size_pt);
    let major_len = spec.params.length.unwrap_or(style.major_tick_size_pt);
    // Tick.get_tick_padding: the part of the tick outside the Axes.
    let outside = match spec.params.direction {
        TickDirection::Out => 1.0,
        TickDirection::InOut => 0.5,
        TickDirection::In => 0.0,
    };
    let (kind, len_px) = match spec.side {
        Side::Bottom => (AxisKind::X, spec.bbox.width()),
        Side::Left | Side::Right => (AxisKind::Y, spec.bbox.height()),
    };
    let along = |v: f64| {
        let t = spec.map.forward(v);
        match spec.side {
            Side::Bottom => spec.trans.sx * t + spec.trans.tx,
            _ => spec.trans.sy * t + spec.trans.ty,
        }
    };
    let space_pt = match spec.locator_len_px {
        Some(_) => spec.locator_label_pt.unwrap_or(style.font_size_pt),
        None => size_pt,
    };
    let space = ticks::tick_space(spec.locator_len_px.unwrap_or(len_px), dpi, space_pt, kind)?;
    let computed = match spec.map.tick_scale() {
        Some(scale) => ticks::axis_ticks(spec.view, space, scale)?,
        None => {
            // Function scales: AutoLocator + ScalarFormatter on the data view, filtered in
            // the norm's space.
            let (lo, hi) = if spec.view.0 <= spec.view.1 {
                spec.view
            } else {
                (spec.view.1, spec.view.0)
            };
            let locs =
                MaxNLocator::auto(ticks::nbins_from_tick_space(space))?.tick_values(lo, hi)?;
            let labels = ScalarFormatter::default().format_ticks(&locs, spec.view.0, spec.view.1);
            let visible =
                ticks::visible_ticks_by(&locs, spec.view.0, spec.view.1, |v| spec.map.forward(v));
            let major = locs
                .iter()
                .zip(labels.labels)
                .filter(|(l, _)| visible.contains(l))
                .map(|(&loc, label)| ticks::Tick {
                    loc,
                    label: TickLabel::Plain(label),
                })
                .collect();
            ticks::AxisTicks {
                major,
                minor: Vec::new(),
                offset_text: labels.offset_text,
                major_locs: locs,
            }
        }
    };
    let mut computed = computed;
    if let Some((locs, labels)) = spec.fixed {
        // FixedLocator + FixedFormatter (labels given) or the scale's formatter.
        let (a, b) = spec.view;
        let texts: Vec<TickLabel> = match (labels, spec.map.tick_scale()) {
            (Some(l), _) => l.iter().map(|s| TickLabel::Plain(s.clone())).collect(),
            (None, Some(s @ AxisScale::Log { .. })) => {
                let base = s.log_base().unwrap_or(10.0);
                ticks::LogFormatterSciNotation::major(base)?.format_ticks(locs, a, b)
            }
            (
                None,
                Some(AxisScale::SymLog {
                    base, linthresh, ..
                }),
            ) => ticks::LogFormatterSciNotation::symlog(base, linthresh)?.format_ticks(locs, a, b),
            _ => {
                let f = ScalarFormatter::default().format_ticks(locs, a, b);
                computed.offset_text = f.offset_text;
                f.labels.into_iter().map(TickLabel::Plain).collect()
            }
        };
        if labels.is_some() {
            computed.offset_text = String::new();
        }
        let visible = ticks::visible_ticks_by(locs, a, b, |v| spec.map.forward(v));
        computed.major = locs
            .iter()
            .zip(texts)
            .filter(|(l, _)| visible.contains(l))
            .map(|(&loc, label)| ticks::Tick { loc, label })
            .collect();
        // The scale's minor ticks (a log axis') at a fixed major location are dropped.
        if let Some(scale) = spec.map.tick_scale() {
            let minor: Vec<f64> = computed.minor.iter().map(|t| t.loc).collect();
            let kept = ticks::remove_overlapping_locs(&minor, locs, a, b, scale);
            computed.minor.retain(|t| kept.contains(&t.loc));
        }
    }
    match (spec.params.minor_ticks, spec.map.tick_scale()) {
        (Some(false), _) => computed.minor.clear(),
        (Some(true), Some(AxisScale::Linear)) => {
            let majors = match spec.fixed {
                Some((locs, _)) => locs.clone(),
                None => computed.major_locs.clone(),
            };
            computed.minor = ticks::auto_minor_ticks(&majors, spec.view);
        }
        (p, Some(s @ AxisScale::Log { .. })) if p != Some(false) && spec.subs.is_some() => {
            let base = s.log_base().unwrap_or(10.0);
            let majors = match spec.fixed {
                Some((locs, _)) => locs.clone(),
                None => computed.major_locs.clone(),
            };
            let subs = spec.subs.unwrap_or(&[1.0]);
            computed.minor = ticks::log_minor_ticks(base, subs, space, &majors, spec.view)?;
        }
        (_, Some(s @ AxisScale::SymLog { .. })) => {
            let majors = match spec.fixed {
                Some((locs, _)) => locs.clone(),
                None => computed.major_locs.clone(),
            };
            computed.minor = ticks::symlog_minor_ticks(s, spec.subs, &majors, spec.view)?;
        }
        (Some(true), None) => {
            return Err(Error::invalid(
                "minorticks_on",
                "a function-scale axis",
                "a linear, log or symlog axis",
            ))
        }
        _ => {}
    }
    let line = match spec.side {
        Side::Bottom => spec.bbox.y0,
        Side::Left => spec.bbox.x0,
        Side::Right => spec.bbox.x1,
    };
    let mut out = Vec::with_capacity(computed.major.len() + computed.minor.len());
    for (major, t) in computed
        .major
        .iter()
        .map(|t| (true, t))
        .chain(computed.minor.iter().map(|t| (false, t)))
    {
        let pos = along(t.loc);
        let (size, pad) = if major {
            (
                major_len * outside,
                spec.params.pad.unwrap_or(style.major_tick_pad_pt),
            )
        } else {
            (
                spec.params.minor_length.unwrap_or(style.minor_tick_size_pt),
                spec.params.minor_pad.unwrap_or(style.minor_tick_pad_pt),
            )
        };
        // tick_params' labelsize and labelrotation (which='major') leave the minor labels
        // at rc's size, unrotated.
        let (rotation, label_pt) = if major {
            (
                spec.params.labelrotation.unwrap_or(0.0).rem_euclid(360.0),
                size_pt,
            )
        } else {
            (0.0, style.font_size_pt)
        };
        let pad_px = (size + pad) / 72.0 * dpi;
        // set_xticks' text keywords reach the major labels only.
        let (ma, linespacing) = if major {
            spec.params.label_lines
        } else {
            (None, None)
        };
        let (anchor, al) = match spec.side {
            Side::Bottom => (
                (pos, line + -pad_px),
                Align {
                    ha: Ha::Center,
                    va: Va::Top,
                    angle: rotation,
                    ma,
                    linespacing,
                },
            ),
            Side::Left => (
                (line + -pad_px, pos),
                Align {
                    ha: Ha::Right,
                    va: Va::CenterBaseline,
                    angle: rotation,
                    ma,
                    linespacing,
                },
            ),
            Side::Right => (
                (line + pad_px, pos),
                Align {
                    ha: Ha::Left,
                    va: Va::CenterBaseline,
                    angle: rotation,
                    ma,
                    linespacing,
                },
            ),
        };
        let label = if spec.params.labels_hidden {
            None
        } else {
            tick_label_text(glyphs, &t.label, label_pt, dpi, anchor, al)?
        };
        out.push(Tick {
            value: t.loc,
            pos,
            scaled: spec.map.forward(t.loc),
            label,
            major,
        });
    }
    let offset_text = if computed.offset_text.is_empty() || spec.params.labels_hidden {
        None
    } else {
        let off_px = 3.0 / 72.0 * dpi;
        let (anchor, al) = match spec.side {
            Side::Bottom => {
                let bottom = out
                    .iter()
                    .filter_map(|t| t.label.as_ref())
                    .map(|l| l.bbox.y0)
                    .fold(spec.bbox.y0, f64::min);
                (
                    (spec.bbox.x1, bottom - off_px),
                    Align {
                        ha: Ha::Right,
                        va: Va::Top,
                        angle: 0.0,
                        ma: None,
                        linespacing: None,
                    },
                )
            }
            Side::Left => (
                (
                    spec.bbox.x0,
                    spec.outline_top.unwrap_or(spec.bbox.y1) + off_px,
                ),
                Align {
                    ha: Ha::Left,
                    va: Va::Baseline,
                    angle: 0.0,
                    ma: None,
                    linespacing: None,
                },
            ),
            Side::Right => (
                (
                    spec.bbox.x1,
                    spec.outline_top.unwrap_or(spec.bbox.y1) + off_px,
                ),
                Align {
                    ha: Ha::Right,
                    va: Va::Baseline,
                    angle: 0.0,
                    ma: None,
                    linespacing: None,
                },
            ),
        };
        // The offset text keeps rc `xtick.labelsize`: `tick_params(labelsize=)` only
        // reaches the tick labels.
        Some(place_text(
            glyphs,
            &computed.offset_text,
            style.font_size_pt,
            dpi,
            anchor,
            al,
        )?)
    };
    Ok(AxisLayout {
        side: spec.side,
        line,
        along: match spec.side {
            Side::Bottom => (spec.trans.sx, spec.trans.tx),
            _ => (spec.trans.sy, spec.trans.ty),
        },
        ticks: out,
        label: None,
        offset_text,
        major_length_pt: major_len,
        direction: spec.params.direction,
        params: spec.params,
    })
}

/// Places an axis label beside the union of the tick labels and the spine (with its tick
/// marks), as `Axis._update_label_position` does.
pub(super) fn place_axis_label(
    fig: &Figure,
    glyphs: &mut GlyphCache,
    axis: &mut AxisLayout,
    bbox: &Bbox,
    text: &str,
    opts: &crate::axes_text::LabelOptions,
) -> Result<()> {
    let style = fig.style();
    let (at, ha) = crate::axes_text::label_loc(opts.loc.as_deref(), axis.side != Side::Bottom)?;
    let dpi = fig.dpi();
    let (ma, linespacing) = crate::axes_text::line_layout(
        if axis.side == Side::Bottom {
            "set_xlabel"
        } else {
            "set_ylabel"
        },
        opts.multialignment.as_deref(),
        opts.linespacing,
    )?;
    // `Spine.get_window_extent`: the spine grown by the outside part of a drawn major
    // and a drawn minor tick mark (their lengths and directions; nothing without ticks).
    let outside = |dir: TickDirection| match dir {
        TickDirection::Out => 1.0,
        TickDirection::InOut => 0.5,
        TickDirection::In => 0.0,
    };
    let mut tick_px: f64 = 0.0;
    if axis.ticks.iter().any(|t| t.major) {
        tick_px = tick_px.max(outside(axis.direction) * axis.major_length_pt / 72.0 * dpi);
    }
    if axis.ticks.iter().any(|t| !t.major) {
        let minor = axis.params.minor_length.unwrap_or(style.minor_tick_size_pt);
        tick_px = tick_px.max(minor / 72.0 * dpi);
    }
    let mut union = match axis.side {
        Side::Bottom => Bbox {
            x0: bbox.x0,
            y0: bbox.y0 - tick_px,
            x1: bbox.x1,
            y1: bbox.y0,
        },
        Side::Left => Bbox {
            x0: bbox.x0 - tick_px,
            y0: bbox.y0,
            x1: bbox.x0,
            y1: bbox.y1,
        },
        Side::Right => Bbox {
            x0: bbox.x1,
            y0: bbox.y0,
            x1: bbox.x1 + tick_px,
            y1: bbox.y1,
        },
    };
    for t in &axis.ticks {
        if let Some(l) = &t.label {
            union = union.union(&l.bbox);
        }
    }
    let pad = opts.labelpad.unwrap_or(style.label_pad_pt) * dpi / 72.0;
    let along_x = if at == 0.5 {
        bbox.x0 + 0.5 * bbox.width()
    } else {
        at * bbox.width() + bbox.x0
    };
    let along_y = if at == 0.5 {
        bbox.y0 + 0.5 * bbox.height()
    } else {
        at * bbox.height() + bbox.y0
    };
    let (anchor, al) = match axis.side {
        Side::Bottom => (
            (along_x, union.y0 - pad),
            Align {
                ha,
                va: Va::Top,
                angle: 0.0,
                ma,
                linespacing,
            },
        ),
        Side::Left => (
            (union.x0 - pad, along_y),
            Align {
                ha,
                va: Va::Bottom,
                angle: 90.0,
                ma,
                linespacing,
            },
        ),
        Side::Right => (
            (union.x1 + pad, along_y),
            Align {
                ha,
                va: Va::Top,
                angle: 90.0,
                ma,
                linespacing,
            },
        ),
    };
    let mut item = place_text(
        glyphs,
        text,
        opts.fontsize.unwrap_or(style.font_size_pt),
        dpi,
        anchor,
        al,
    )?;
    item.color = crate::axes_text::text_color(opts.color.as_deref())?;
    axis.label = Some(item);
    Ok(())
}
