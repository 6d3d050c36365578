//! [`Norm`]: matplotlib's normalisations (spec section 4), data value -> `[0, 1]` (or a
//! LUT index for [`NormKind::Boundary`] and [`NormKind::NoNorm`] on integers).
//!
//! Precision follows `Normalize.process_value`: float32 data and integers of one or two
//! bytes are normalised in float32, everything else in float64, with matplotlib's order of
//! operations and numpy's casting rules (numpy 2, NEP 50). [`Work`] names the two cases.
//!
//! (Over 800 lines: one type, `Norm`, with every normalisation's forward and inverse,
//! limits, autoscale and refusals as matplotlib defines them; kept together so each norm's
//! rules sit side by side.)

use crate::{Error, Result};

#[path = "norm_f16.rs"]
mod f16;
pub(crate) use f16::{index_f16, is_half, round_to_half};

/// The floating type matplotlib normalises a dtype in (`Normalize.process_value`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    /// float32, int8, int16, uint8, uint16 (and bool) data.
    F32,
    /// float64, int32, int64, uint32, uint64 data.
    F64,
    /// float16 data (held exactly in float32): `to_rgba` normalises it in half precision,
    /// each step rounded to half (the `'data'` stage resamples it in float32 first).
    F16,
}

/// `BoundaryNorm`'s `extend`: which out-of-range regions get their own colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Extend {
    /// No extra region (`'neither'`).
    #[default]
    Neither,
    /// An extra region below the first boundary (`'min'`).
    Min,
    /// An extra region above the last boundary (`'max'`).
    Max,
    /// Both extra regions (`'both'`).
    Both,
}

impl std::str::FromStr for Extend {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "neither" => Ok(Extend::Neither),
            "min" => Ok(Extend::Min),
            "max" => Ok(Extend::Max),
            "both" => Ok(Extend::Both),
            _ => Err(Error::invalid(
                "extend",
                format!("{s:?}"),
                "one of 'neither', 'min', 'max', 'both'",
            )),
        }
    }
}

/// Which normalisation, with its own parameters.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum NormKind {
    /// `Normalize`: `(v - vmin) / (vmax - vmin)`.
    Linear,
    /// `LogNorm`: linear in `log10(v)`; `v <= 0` is bad.
    Log,
    /// `SymLogNorm(linthresh, linscale, base)`.
    SymLog {
        /// Half-width of the linear region around 0.
        linthresh: f64,
        /// Length of the linear region, in decades of the log region.
        linscale: f64,
        /// Logarithm base.
        base: f64,
    },
    /// `PowerNorm(gamma)`: `t**gamma` where `t > 0`.
    Power {
        /// Exponent.
        gamma: f64,
    },
    /// `TwoSlopeNorm(vcenter)`: piecewise linear through (vmin, 0), (vcenter, 0.5),
    /// (vmax, 1).
    TwoSlope {
        /// The value that maps to 0.5.
        vcenter: f64,
    },
    /// `CenteredNorm(vcenter, halfrange)`: linear on `[vcenter - hr, vcenter + hr]`.
    Centered {
        /// The value that maps to 0.5.
        vcenter: f64,
        /// Half of the range; `None` autoscales it from the data.
        halfrange: Option<f64>,
    },
    /// `BoundaryNorm(boundaries, ncolors, clip, extend)`: bins to colour indices.
    Boundary {
        /// Increasing bin edges (at least 2).
        boundaries: Vec<f64>,
        /// Number of colours of the colormap.
        ncolors: usize,
        /// Extra out-of-range regions.
        extend: Extend,
    },
    /// `NoNorm`: values pass through unchanged (integers index the LUT directly).
    NoNorm,
}

/// A normalisation: its kind, the limits `vmin`/`vmax` (`None` = autoscale from the
/// data) and `clip`.
#[derive(Debug, Clone, PartialEq)]
pub struct Norm {
    kind: NormKind,
    vmin: Option<f64>,
    vmax: Option<f64>,
    clip: bool,
}

/// One normalised value, in the type matplotlib hands to the colormap.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Normed {
    /// A float64 value (scaled by `N` in f64 by the colormap).
    F64(f64),
    /// A float32 value (scaled by `N` in f32 by the colormap).
    F32(f32),
    /// A float16 value, held exactly in an f32 (scaled by `N` in float16 by the colormap:
    /// the product rounded to half).
    F16(f32),
    /// An integer: a LUT index (negative = under, `>= N` = over).
    Int(i64),
    /// Masked: the *bad* colour.
    Masked,
}

impl Default for Norm {
    fn default() -> Self {
        Norm::linear()
    }
}

/// Parses a norm by its matplotlib name, with its one parameter after a colon: `linear`,
/// `log`, `symlog:LINTHRESH`, `power:GAMMA`, `centered`, `twoslope:VCENTER` (the CLI's
/// `--norm`). Limits stay unset (autoscaled); set them with [`Norm::with_limits`].
///
/// ```
/// use figbuf::{Norm, NormKind};
/// let norm: Norm = "power:0.5".parse()?;
/// assert_eq!(norm.kind(), &NormKind::Power { gamma: 0.5 });
/// assert!("power".parse::<Norm>().is_err());
/// # Ok::<(), figbuf::Error>(())
/// ```
impl std::str::FromStr for Norm {
    type Err = Error;
    fn from_str(s: &str) -> Result<Norm> {
        let (kind, arg) = match s.split_once(':') {
            Some((k, a)) => (k, Some(a)),
            None => (s, None),
        };
        let num = |what: &str| -> Result<f64> {
            let a = arg.ok_or_else(|| {
                Error::invalid(
                    format!("norm {kind}"),
                    format!("{s:?}"),
                    format!("'{kind}:{what}' with a number"),
                )
            })?;
            match a.trim().parse::<f64>() {
                Ok(v) if v.is_finite() => Ok(v),
                _ => Err(Error::invalid(
                    format!("the {what} of norm {kind}"),
                    format!("{a:?}"),
                    "a finite number",
                )),
            }
        };
        let no_arg = || match arg {
            Some(_) => Err(Error::invalid(
                format!("norm {kind}"),
                format!("{s:?}"),
                format!("'{kind}' without a parameter"),
            )),
            None => Ok(()),
        };
        match kind {
            "linear" => no_arg().map(|_| Norm::linear()),
            "log" => no_arg().map(|_| Norm::log()),
            "centered" => no_arg().map(|_| Norm::centered(0.0, None)),
            "symlog" => Norm::symlog(num("linthresh")?, 1.0, 10.0),
            "power" => Ok(Norm::power(num("gamma")?)),
            "twoslope" => Ok(Norm::two_slope(num("vcenter")?)),
            _ => Err(Error::invalid(
                "norm",
                format!("{s:?}"),
                "one of linear, log, symlog:T, power:G, centered, twoslope:C",
            )),
        }
    }
}

impl Norm {
    fn with_kind(kind: NormKind) -> Self {
        Norm {
            kind,
            vmin: None,
            vmax: None,
            clip: false,
        }
    }

    /// `Normalize()`: linear, limits autoscaled.
    pub fn linear() -> Self {
        Norm::with_kind(NormKind::Linear)
    }

    /// `LogNorm()`.
    pub fn log() -> Self {
        Norm::with_kind(NormKind::Log)
    }

    /// `SymLogNorm(linthresh, linscale, base=base)`; all three must be positive and
    /// `base > 1`.
    pub fn symlog(linthresh: f64, linscale: f64, base: f64) -> Result<Self> {
        if linthresh.is_nan() || linthresh <= 0.0 {
            return Err(Error::invalid(
                "SymLogNorm linthresh",
                linthresh,
                "positive",
            ));
        }
        if linscale.is_nan() || linscale <= 0.0 {
            return Err(Error::invalid("SymLogNorm linscale", linscale, "positive"));
        }
        if base.is_nan() || base <= 1.0 {
            return Err(Error::invalid("SymLogNorm base", base, "larger than 1"));
        }
        Ok(Norm::with_kind(NormKind::SymLog {
            linthresh,
            linscale,
            base,
        }))
    }

    /// `PowerNorm(gamma)`.
    pub fn power(gamma: f64) -> Self {
        Norm::with_kind(NormKind::Power { gamma })
    }

    /// `TwoSlopeNorm(vcenter)`; set limits with [`Norm::with_limits`].
    pub fn two_slope(vcenter: f64) -> Self {
        Norm::with_kind(NormKind::TwoSlope { vcenter })
    }

    /// `CenteredNorm(vcenter, halfrange)`. Its limits come from `halfrange` (or the data
    /// when `None`); `vmin`/`vmax` set on it are ignored.
    pub fn centered(vcenter: f64, halfrange: Option<f64>) -> Self {
        Norm::with_kind(NormKind::Centered { vcenter, halfrange })
    }

    /// `BoundaryNorm(boundaries, ncolors, clip=clip, extend=extend)`, with matplotlib's
    /// checks: at least 2 increasing boundaries, `clip` only with `extend='neither'`, and
    /// `ncolors` at least the number of bins (extensions included).
    pub fn boundary(
        boundaries: &[f64],
        ncolors: usize,
        extend: Extend,
        clip: bool,
    ) -> Result<Self> {
        if clip && extend != Extend::Neither {
            return Err(Error::invalid(
                "BoundaryNorm clip",
                "true",
                "false when extend is not 'neither'",
            ));
        }
        if boundaries.len() < 2 {
            return Err(Error::invalid(
                "BoundaryNorm boundaries",
                format!("{boundaries:?}"),
                "at least 2 boundaries (1 region)",
            ));
        }
        if boundaries.iter().any(|b| b.is_nan()) || boundaries.windows(2).any(|w| w[1] < w[0]) {
            return Err(Error::invalid(
                "BoundaryNorm boundaries",
                format!("{boundaries:?}"),
                "monotonically increasing",
            ));
        }
        let regions = boundaries.len() - 1
            + usize::from(matches!(extend, Extend::Min | Extend::Both))
            + usize::from(matches!(extend, Extend::Max | Extend::Both));
        if regions > ncolors {
            return Err(Error::invalid(
                "BoundaryNorm ncolors",
                ncolors,
                format!("at least the number of colour bins ({regions})"),
            ));
        }
        let (first, last) = (boundaries[0], boundaries[boundaries.len() - 1]);
        Ok(Norm {
            kind: NormKind::Boundary {
                boundaries: boundaries.to_vec(),
                ncolors,
                extend,
            },
            vmin: Some(first),
            vmax: Some(last),
            clip,
        })
    }

    /// `NoNorm()`.
    pub fn no_norm() -> Self {
        Norm::with_kind(NormKind::NoNorm)
    }

    /// Sets `vmin` and `vmax` (`None` = autoscale). Ignored by `BoundaryNorm` (its limits
    /// are its first and last boundary) and `CenteredNorm`.
    pub fn with_limits(mut self, vmin: Option<f64>, vmax: Option<f64>) -> Self {
        if !matches!(
            self.kind,
            NormKind::Boundary { .. } | NormKind::Centered { .. }
        ) {
            self.vmin = vmin;
            self.vmax = vmax;
        }
        self
    }

    /// `norm.vmin, norm.vmax = vmin, vmax` through matplotlib's setters, as
    /// `Colorbar._process_values` assigns its non-singular limits: like
    /// [`Norm::with_limits`], except that `CenteredNorm`'s setters keep its limits
    /// symmetric about vcenter (setting vmin moves vmax to `2 vcenter - vmin`, then setting a
    /// different vmax moves vmin), so its (0, 0) limits become (-0.1, 0.1) too.
    pub(crate) fn with_limits_set(mut self, vmin: f64, vmax: f64) -> Norm {
        let NormKind::Centered { vcenter: c, .. } = self.kind else {
            return self.with_limits(Some(vmin), Some(vmax));
        };
        if self.vmin != Some(vmin) {
            self.vmin = Some(vmin);
            self.vmax = Some(2.0 * c - vmin);
        }
        if self.vmax != Some(vmax) {
            self.vmax = Some(vmax);
            self.vmin = Some(2.0 * c - vmax);
        }
        self
    }

    /// Sets `vmin` (`None` = autoscale).
    pub fn with_vmin(self, vmin: Option<f64>) -> Self {
        let vmax = self.vmax;
        self.with_limits(vmin, vmax)
    }

    /// Sets `vmax` (`None` = autoscale).
    pub fn with_vmax(self, vmax: Option<f64>) -> Self {
        let vmin = self.vmin;
        self.with_limits(vmin, vmax)
    }

    /// Sets `clip`: values outside `[vmin, vmax]` are clamped before normalising.
    pub fn with_clip(mut self, clip: bool) -> Self {
        self.clip = clip;
        self
    }

    /// The kind and its parameters.
    pub fn kind(&self) -> &NormKind {
        &self.kind
    }

    /// `vmin` (`None` until set or autoscaled).
    pub fn vmin(&self) -> Option<f64> {
        self.vmin
    }

    /// `vmax` (`None` until set or autoscaled).
    pub fn vmax(&self) -> Option<f64> {
        self.vmax
    }

    /// `clip`.
    pub fn clip(&self) -> bool {
        self.clip
    }

    /// The checks matplotlib makes on the limits given explicitly, before any data is
    /// seen: `TwoSlopeNorm` needs `vmin < vcenter < vmax` ("vmin, vcenter, and vmax must be
    /// in ascending order"), every norm `vmin <= vmax`, and `LogNorm` positive limits.
    /// Unset limits are not checked (they are autoscaled from the data).
    pub fn check_limits(&self) -> Result<()> {
        if let (Some(lo), Some(hi)) = (self.vmin, self.vmax) {
            if lo > hi {
                return Err(Error::invalid(
                    "vmin",
                    format!("{lo} (vmax {hi})"),
                    "less than or equal to vmax",
                ));
            }
        }
        match &self.kind {
            NormKind::TwoSlope { vcenter } => {
                let vc = *vcenter;
                if self.vmin.is_some_and(|lo| lo >= vc) || self.vmax.is_some_and(|hi| hi <= vc) {
                    let show = |v: Option<f64>| v.map_or("unset".to_string(), |v| v.to_string());
                    return Err(Error::invalid(
                        "TwoSlopeNorm vmin, vcenter, vmax",
                        format!("({}, {vc}, {})", show(self.vmin), show(self.vmax)),
                        "in ascending order (vmin < vcenter < vmax)",
                    ));
                }
            }
            NormKind::Log => {
                for (what, v) in [("LogNorm vmin", self.vmin), ("LogNorm vmax", self.vmax)] {
                    if let Some(v) = v.filter(|&v| v <= 0.0) {
                        return Err(Error::invalid(what, v, "positive"));
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Whether both limits are known (matplotlib's `scaled()`).
    pub fn scaled(&self) -> bool {
        self.vmin.is_some() && self.vmax.is_some()
    }

    /// matplotlib's `autoscale_None` as `imshow` runs it: fills the unset limits from the
    /// data's valid values (unmasked and finite, and positive for `LogNorm`), which
    /// `stats` summarises. See [`crate::color::ScalarData::autoscaled`] for the data entry
    /// point.
    pub(crate) fn autoscale_from(&self, stats: &DataStats) -> Norm {
        let mut n = self.clone();
        match &self.kind {
            NormKind::Boundary { .. } => {}
            NormKind::Centered { vcenter, halfrange } => {
                let vc = *vcenter;
                let integral_vc = vc.fract() == 0.0 && vc.abs() < 1e18;
                // (vmin value, vmax value) as the halfrange setter computes them.
                let limits: Option<(f64, f64)> = match (halfrange, stats.min, stats.max) {
                    (Some(h), _, _) => Some((vc - h.abs(), vc + h.abs())),
                    (None, Some(lo), Some(hi)) => Some(match (stats.int_kind, stats.work) {
                        // max(vcenter - A.min(), A.max() - vcenter) on numpy integer
                        // scalars with an integer vcenter: wrapping integer arithmetic.
                        (Some((bits, signed)), _) if integral_vc => {
                            let w = |v: i128| wrap_int(v, bits, signed);
                            let c = vc as i128;
                            let a = w(c - lo as i128);
                            let b = w(hi as i128 - c);
                            let hr = if b > a { b } else { a };
                            let hr = w(hr.abs());
                            (w(c - hr) as f64, w(c + hr) as f64)
                        }
                        (Some(_), _) | (None, Work::F64) => {
                            let a = vc - lo;
                            let b = hi - vc;
                            let hr = if b > a { b } else { a };
                            (vc - hr.abs(), vc + hr.abs())
                        }
                        (None, Work::F16) => {
                            // float16 scalars with a Python-number vcenter: float16
                            // (each operation in float32, rounded to half).
                            let h = |x: f32| round_to_half(f64::from(x));
                            let c = round_to_half(vc);
                            let a = h(c - lo as f32);
                            let b = h(hi as f32 - c);
                            let hr = if b > a { b } else { a };
                            (f64::from(h(c - hr.abs())), f64::from(h(c + hr.abs())))
                        }
                        (None, Work::F32) => {
                            // float32 scalars with a Python-number vcenter: float32.
                            let c = vc as f32;
                            let a = c - lo as f32;
                            let b = hi as f32 - c;
                            let hr = if b > a { b } else { a };
                            (f64::from(c - hr.abs()), f64::from(c + hr.abs()))
                        }
                    }),
                    _ => None,
                };
                if let Some((lo_v, hi_v)) = limits {
                    // The halfrange setter: vmin = vc - |hr| (which also sets
                    // vmax = 2*vc - vmin), then vmax = vc + |hr| (which, when it differs,
                    // resets vmin = 2*vc - vmax).
                    let mut vmin = lo_v;
                    let mut vmax = 2.0 * vc - vmin;
                    if hi_v != vmax {
                        vmax = hi_v;
                        vmin = 2.0 * vc - hi_v;
                    }
                    n.vmin = Some(vmin);
                    n.vmax = Some(vmax);
                }
            }
            kind => {
                let (lo, hi) = if matches!(kind, NormKind::Log) {
                    // Without positive data LogNorm's limits are the min and max of a fully
                    // masked array, which sanitise to 0.0: matplotlib then maps every
                    // value to 0 (vmin == vmax) and draws the first colour.
                    (stats.pos_min.or(Some(0.0)), stats.pos_max.or(Some(0.0)))
                } else {
                    (stats.min, stats.max)
                };
                if n.vmin.is_none() {
                    n.vmin = lo;
                }
                if n.vmax.is_none() {
                    n.vmax = hi;
                }
                if let NormKind::TwoSlope { vcenter } = kind {
                    if let (Some(vmin), Some(vmax)) = (n.vmin, n.vmax) {
                        let vc = *vcenter;
                        let mut vmin = vmin;
                        let mut vmax = vmax;
                        if vmin >= vc {
                            vmin = vc - (vmax - vc);
                        }
                        if vmax <= vc {
                            vmax = vc + (vc - vmin);
                        }
                        n.vmin = Some(vmin);
                        n.vmax = Some(vmax);
                    }
                }
            }
        }
        n
    }

    /// `autoscale_None` on an array none of whose values is valid (all NaN, ±inf or
    /// masked; for `LogNorm`, non-positive), as `imshow`'s masked array and
    /// `norm.autoscale_None(masked_invalid(data))` have it: `A.min()` is `np.ma.masked`,
    /// which the limit setters turn into 0.0, so the unset limits become 0 (every value then
    /// maps to 0, the first colour; a colorbar widens the limits to (-0.1, 0.1)).
    /// `TwoSlopeNorm` then moves them around vcenter, and `CenteredNorm`'s halfrange setter
    /// (vmin = vcenter - |masked| = 0, then vmax = 0) leaves (2 vcenter, 0): (0, 0) for
    /// the default vcenter, and vmin > vmax (an error, as matplotlib's "minvalue must be
    /// less than or equal to maxvalue") for a positive one. Only for non-empty data
    /// (`autoscale_None` checks `A.size`); set limits are kept.
    pub(crate) fn fully_masked_limits(&self) -> Norm {
        let mut n = self.clone();
        match self.kind {
            NormKind::Linear | NormKind::Log | NormKind::Power { .. } | NormKind::SymLog { .. } => {
                n.vmin = n.vmin.or(Some(0.0));
                n.vmax = n.vmax.or(Some(0.0));
            }
            NormKind::TwoSlope { vcenter: c } => {
                let (mut lo, mut hi) = (n.vmin.unwrap_or(0.0), n.vmax.unwrap_or(0.0));
                if lo >= c {
                    lo = c - (hi - c);
                }
                if hi <= c {
                    hi = c + (c - lo);
                }
                n.vmin = Some(lo);
                n.vmax = Some(hi);
            }
            NormKind::Centered {
                vcenter: c,
                halfrange: None,
            } if n.vmin.is_none() || n.vmax.is_none() => {
                n.vmin = Some(2.0 * c);
                n.vmax = Some(0.0);
            }
            _ => {}
        }
        n
    }

    /// Checks the limits and precomputes what the per-value functions need. `None` when a
    /// limit is still unknown (no valid data): every value is then bad.
    pub(crate) fn prepare(&self, work: Work, symlog_all_inside: bool) -> Result<Option<Prepared>> {
        let kind = &self.kind;
        if let NormKind::NoNorm = kind {
            return Ok(Some(Prepared {
                work,
                vmin: 0.0,
                vmax: 0.0,
                equal: false,
                clip: false,
                op: Op::NoNorm,
            }));
        }
        let (Some(vmin), Some(vmax)) = (self.vmin, self.vmax) else {
            return Ok(None);
        };
        let order_err = || {
            Error::invalid(
                "vmin",
                format!("{vmin} (vmax {vmax})"),
                "less than or equal to vmax",
            )
        };
        let op = match kind {
            NormKind::Linear | NormKind::Centered { .. } => {
                if vmin > vmax {
                    return Err(order_err());
                }
                Op::Linear
            }
            NormKind::Power { gamma } => {
                if vmin > vmax {
                    return Err(order_err());
                }
                Op::Power { gamma: *gamma }
            }
            NormKind::Log => {
                if vmin > vmax {
                    return Err(order_err());
                }
                let (t0, t1) = (vmin.log10(), vmax.log10());
                if vmin != vmax && !(t0.is_finite() && t1.is_finite()) {
                    return Err(Error::invalid(
                        "LogNorm vmin, vmax",
                        format!("({vmin}, {vmax})"),
                        "positive and finite",
                    ));
                }
                Op::Log { t0, t1 }
            }
            NormKind::SymLog {
                linthresh,
                linscale,
                base,
            } => {
                if vmin > vmax {
                    return Err(order_err());
                }
                let s = SymLog::new(*linthresh, *linscale, *base);
                let (t0, t1) = (s.forward_f64(vmin), s.forward_f64(vmax));
                if vmin != vmax && !(t0.is_finite() && t1.is_finite()) {
                    return Err(Error::invalid(
                        "SymLogNorm vmin, vmax",
                        format!("({vmin}, {vmax})"),
                        "finite",
                    ));
                }
                Op::SymLog {
                    s,
                    t0,
                    t1,
                    all_inside: symlog_all_inside,
                }
            }
            NormKind::TwoSlope { vcenter } => {
                if !(vmin <= *vcenter && *vcenter <= vmax) {
                    return Err(Error::invalid(
                        "TwoSlopeNorm vmin, vcenter, vmax",
                        format!("({vmin}, {vcenter}, {vmax})"),
                        "increasing monotonically",
                    ));
                }
                Op::TwoSlope {
                    xp: [vmin, *vcenter, vmax],
                }
            }
            NormKind::Boundary {
                boundaries,
                ncolors,
                extend,
            } => {
                let offset = i64::from(matches!(extend, Extend::Min | Extend::Both));
                let regions = boundaries.len() - 1
                    + usize::from(matches!(extend, Extend::Min | Extend::Both))
                    + usize::from(matches!(extend, Extend::Max | Extend::Both));
                Op::Boundary {
                    boundaries: boundaries.clone(),
                    ncolors: *ncolors as i64,
                    regions: regions as i64,
                    offset,
                }
            }
            NormKind::NoNorm => Op::NoNorm,
        };
        Ok(Some(Prepared {
            work,
            vmin,
            vmax,
            equal: vmin == vmax,
            clip: self.clip,
            op,
        }))
    }

    /// matplotlib's `norm.inverse(t)` for a scalar, e.g. the colorbar boundaries
    /// `b_k = norm.inverse(k / N)`. Needs both limits; `BoundaryNorm` is not invertible.
    pub fn inverse(&self, t: f64) -> Result<f64> {
        let (Some(vmin), Some(vmax)) = (self.vmin, self.vmax) else {
            return Err(Error::invalid(
                "norm limits",
                format!("({:?}, {:?})", self.vmin, self.vmax),
                "both set before inverting",
            ));
        };
        match &self.kind {
            NormKind::Linear | NormKind::Centered { .. } => Ok(vmin + t * (vmax - vmin)),
            NormKind::Power { gamma } => {
                let r = if t > 0.0 { t.powf(1.0 / gamma) } else { t };
                Ok(r * (vmax - vmin) + vmin)
            }
            NormKind::Log => {
                if vmin > vmax {
                    return Err(Error::invalid("vmin", vmin, "less than or equal to vmax"));
                }
                let (t0, t1) = (vmin.log10(), vmax.log10());
                if !(t0.is_finite() && t1.is_finite()) {
                    return Err(Error::invalid(
                        "LogNorm vmin, vmax",
                        format!("({vmin}, {vmax})"),
                        "positive and finite",
                    ));
                }
                let rescaled = t * (t1 - t0) + t0;
                // InvertedLogTransform(10): base 10 has no dedicated function there, so
                // it is np.exp(values * np.log(10)).
                Ok((rescaled * 10f64.ln()).exp())
            }
            NormKind::SymLog {
                linthresh,
                linscale,
                base,
            } => {
                let s = SymLog::new(*linthresh, *linscale, *base);
                let (t0, t1) = (s.forward_f64(vmin), s.forward_f64(vmax));
                let rescaled = t * (t1 - t0) + t0;
                let v = s.inverse_f64(rescaled);
                if t.is_finite() && !v.is_finite() {
                    // matplotlib raises "Invalid vmin or vmax" here (a colorbar's mesh).
                    return Err(Error::invalid(
                        "SymLogNorm linthresh",
                        format!("{linthresh:?} (with vmin {vmin}, vmax {vmax})"),
                        "large enough that the norm's inverse stays finite (matplotlib: \"Invalid vmin or vmax\")",
                    ));
                }
                Ok(v)
            }
            NormKind::TwoSlope { vcenter } => {
                Ok(interp(t, &[0.0, 0.5, 1.0], &[vmin, *vcenter, vmax]))
            }
            NormKind::Boundary { .. } => Err(Error::invalid(
                "norm",
                "BoundaryNorm",
                "an invertible norm (BoundaryNorm is not invertible)",
            )),
            NormKind::NoNorm => Ok(t),
        }
    }
}

/// Summary of the valid data values, in the working precision, for autoscaling.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DataStats {
    pub work: Work,
    /// For integer data: (bits, signed) of the dtype; CenteredNorm's autoscale does
    /// its arithmetic on the raw integer scalars.
    pub int_kind: Option<(u32, bool)>,
    /// Min and max of the unmasked finite values.
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// Min and max of the unmasked finite positive values (LogNorm).
    pub pos_min: Option<f64>,
    pub pos_max: Option<f64>,
}

impl DataStats {
    /// The min/max of float64 data whose finite values span `lo..=hi` (`lo > hi`: none),
    /// for norms that need no positive limits.
    pub(crate) fn f64_min_max(lo: f64, hi: f64) -> Self {
        let any = lo <= hi;
        DataStats {
            min: any.then_some(lo),
            max: any.then_some(hi),
            ..DataStats::empty(Work::F64)
        }
    }

    /// No values (for norms whose limits do not depend on the data).
    pub(crate) fn empty(work: Work) -> Self {
        DataStats {
            work,
            int_kind: None,
            min: None,
            max: None,
            pos_min: None,
            pos_max: None,
        }
    }
}

/// SymLogNorm's transform constants.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct SymLog {
    linthresh: f64,
    /// `linscale / (1 - 1/base)`.
    adj: f64,
    /// `ln(base)`.
    log_base: f64,
    base: f64,
}

impl SymLog {
    fn new(linthresh: f64, linscale: f64, base: f64) -> Self {
        SymLog {
            linthresh,
            adj: linscale / (1.0 - 1.0 / base),
            log_base: base.ln(),
            base,
        }
    }

    /// `SymmetricalLogTransform.transform_non_affine` on float64.
    fn forward_f64(&self, v: f64) -> f64 {
        if v.abs() <= self.linthresh {
            v * self.adj
        } else {
            let s = sign(v) * self.linthresh;
            s * (self.adj - self.linthresh.ln() / self.log_base + v.abs().ln() / self.log_base)
        }
    }

    /// The same on float32 data outside the linear region (numpy promotes to float64).
    fn forward_f32_outside(&self, v: f32) -> f64 {
        let s = f64::from(sign32(v)) * self.linthresh;
        s * ((self.adj - self.linthresh.ln() / self.log_base)
            + f64::from(numpy_log_f32(v.abs())) / self.log_base)
    }

    /// `InvertedSymmetricalLogTransform.transform_non_affine` on float64.
    fn inverse_f64(&self, y: f64) -> f64 {
        let inv_linthresh = self.linthresh * self.adj;
        if y.abs() <= inv_linthresh {
            y / self.adj
        } else {
            sign(y)
                * self.linthresh
                * ((y.abs() / self.linthresh - self.adj) * self.base.ln()).exp()
        }
    }
}

/// numpy's float32 `np.log` on x86-64 with AVX2/FMA3 (numpy 2.x, the build matplotlib
/// 3.11.2 runs on): not the correctly rounded logf but numpy's own vector kernel,
/// re-implemented from its description: split `x = m * 2^e` with `m` in `[0.5, 1)`
/// (denormals pre-scaled by 2^100), move `m <= sqrt(1/2)` up to `2m`, then
/// `e * ln 2 + P(y) / Q(y)` with `y = m - 1` and degree-5 minimax polynomials evaluated by
/// fused multiply-adds. The coefficients are numpy's `NPY_COEFF_{P,Q}*_LOGf`.
pub(crate) fn numpy_log_f32(x: f32) -> f32 {
    // NPY_COEFF_P0_LOGf..P5 and Q0..Q5 as float32 bit patterns.
    const P: [u32; 6] = [
        0x0000_0000,
        0x3F80_0000,
        0x4007_361C,
        0x3FBD_70A9,
        0x3EC3_0333,
        0x3CD4_2BCD,
    ];
    const Q: [u32; 6] = [
        0x3F80_0000,
        0x4027_361C,
        0x401C_FE0D,
        0x3F7C_8AE4,
        0x3E1E_5BF3,
        0x3BC0_83DF,
    ];
    let p = P.map(f32::from_bits);
    let q = Q.map(f32::from_bits);
    if x.is_nan() {
        return f32::NAN;
    }
    if x < 0.0 {
        return -f32::NAN;
    }
    if x == 0.0 {
        return f32::NEG_INFINITY;
    }
    if x == f32::INFINITY {
        return f32::INFINITY;
    }
    let (scaled, shift) = if x < f32::MIN_POSITIVE {
        (x * f32::from_bits(0x7180_0000), 100.0)
    } else {
        (x, 0.0)
    };
    let bits = scaled.to_bits();
    let mut e = ((bits >> 23) as i32 - 126) as f32 - shift;
    let mut m = f32::from_bits((bits & 0x007f_ffff) | (126 << 23));
    if m <= std::f32::consts::FRAC_1_SQRT_2 {
        m = m + m;
        e -= 1.0;
    }
    let y = m - 1.0;
    let num = p[5]
        .mul_add(y, p[4])
        .mul_add(y, p[3])
        .mul_add(y, p[2])
        .mul_add(y, p[1])
        .mul_add(y, p[0]);
    let den = q[5]
        .mul_add(y, q[4])
        .mul_add(y, q[3])
        .mul_add(y, q[2])
        .mul_add(y, q[1])
        .mul_add(y, q[0]);
    e.mul_add(std::f32::consts::LN_2, num / den)
}

/// Two's-complement wrap of `v` into an integer dtype of `bits` bits.
fn wrap_int(v: i128, bits: u32, signed: bool) -> i128 {
    let m = 1i128 << bits;
    let u = v.rem_euclid(m);
    if signed && u >= m / 2 {
        u - m
    } else {
        u
    }
}

fn sign(v: f64) -> f64 {
    if v > 0.0 {
        1.0
    } else if v < 0.0 {
        -1.0
    } else {
        v
    }
}

fn sign32(v: f32) -> f32 {
    if v > 0.0 {
        1.0
    } else if v < 0.0 {
        -1.0
    } else {
        v
    }
}

/// numpy's `interp(x, xp, fp, left=-inf, right=inf)` for increasing `xp`.
fn interp(x: f64, xp: &[f64; 3], fp: &[f64; 3]) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x < xp[0] {
        return f64::NEG_INFINITY;
    }
    if x > xp[2] {
        return f64::INFINITY;
    }
    // numpy's linear search for short tables: last j with xp[j] <= x.
    let j = xp.iter().take_while(|&&v| v <= x).count().saturating_sub(1);
    if j == 2 || xp[j] == x {
        return fp[j];
    }
    let slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
    let mut r = slope * (x - xp[j]) + fp[j];
    if r.is_nan() {
        r = slope * (x - xp[j + 1]) + fp[j + 1];
        if r.is_nan() && fp[j] == fp[j + 1] {
            r = fp[j];
        }
    }
    r
}

/// The per-kind part of a [`Prepared`] norm.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Op {
    Linear,
    Power {
        gamma: f64,
    },
    Log {
        t0: f64,
        t1: f64,
    },
    SymLog {
        s: SymLog,
        t0: f64,
        t1: f64,
        all_inside: bool,
    },
    TwoSlope {
        xp: [f64; 3],
    },
    Boundary {
        boundaries: Vec<f64>,
        ncolors: i64,
        regions: i64,
        offset: i64,
    },
    NoNorm,
}

/// A norm with known limits, ready to map values.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Prepared {
    pub work: Work,
    vmin: f64,
    vmax: f64,
    equal: bool,
    clip: bool,
    pub op: Op,
}

impl Prepared {
    /// `(vmin, vmax)` when this is a plain float64 `Normalize` (no clip, vmin != vmax).
    #[inline]
    pub fn plain_linear_f64(&self) -> Option<(f64, f64)> {
        self.plain_linear().filter(|_| self.work == Work::F64)
    }

    /// `(vmin, vmax)` when this is a plain `Normalize` (no clip, vmin != vmax).
    #[inline]
    pub fn plain_linear(&self) -> Option<(f64, f64)> {
        (matches!(self.op, Op::Linear) && !self.clip && !self.equal && self.work != Work::F16)
            .then_some((self.vmin, self.vmax))
    }

    /// Normalise one unmasked value of float64-precision data (`Normalize.__call__` and
    /// friends on a float64 array).
    #[inline]
    pub fn map_f64(&self, x: f64) -> Normed {
        let (vmin, vmax) = (self.vmin, self.vmax);
        match &self.op {
            Op::Linear => {
                if self.equal {
                    return Normed::F64(0.0);
                }
                let x = if self.clip {
                    clip_f64(x, vmin, vmax)
                } else {
                    x
                };
                Normed::F64((x - vmin) / (vmax - vmin))
            }
            Op::Power { gamma } => {
                if self.equal {
                    return Normed::F64(0.0);
                }
                let x = if self.clip {
                    clip_f64(x, vmin, vmax)
                } else {
                    x
                };
                let r = (x - vmin) / (vmax - vmin);
                Normed::F64(if r > 0.0 { r.powf(*gamma) } else { r })
            }
            Op::Log { t0, t1 } => {
                if self.equal {
                    return Normed::F64(0.0);
                }
                let x = if self.clip {
                    clip_f64(x, vmin, vmax)
                } else {
                    x
                };
                if x.is_nan() || x <= 0.0 {
                    return Normed::Masked;
                }
                finite_or_masked((x.log10() - t0) / (t1 - t0))
            }
            Op::SymLog { s, t0, t1, .. } => {
                if self.equal {
                    return Normed::F64(0.0);
                }
                let x = if self.clip {
                    clip_f64(x, vmin, vmax)
                } else {
                    x
                };
                finite_or_masked((s.forward_f64(x) - t0) / (t1 - t0))
            }
            Op::TwoSlope { xp } => Normed::F64(interp(x, xp, &[0.0, 0.5, 1.0])),
            Op::Boundary { .. } => self.boundary(x, x < vmin, x >= vmax),
            Op::NoNorm => Normed::F64(x),
        }
    }

    /// Normalise one unmasked value of float32-precision data (float32, and integers of
    /// one or two bytes), with numpy's mixed float32/float64 rules.
    #[inline]
    pub fn map_f32(&self, x: f32) -> Normed {
        let (vmin, vmax) = (self.vmin, self.vmax);
        match &self.op {
            Op::Linear => {
                if self.equal {
                    return Normed::F32(0.0);
                }
                if self.clip {
                    // np.clip with float64 limits promotes the data to float64.
                    return self.map_f64(f64::from(x));
                }
                // resdat -= vmin; resdat /= (vmax - vmin), float64 scalars on a float32
                // array: computed in float64, stored as float32.
                let r = (f64::from(x) - vmin) as f32;
                Normed::F32((f64::from(r) / (vmax - vmin)) as f32)
            }
            Op::Power { gamma } => {
                if self.equal {
                    return Normed::F32(0.0);
                }
                // PowerNorm uses the Python-float limits: weak scalars, float32 arithmetic.
                let x = if self.clip {
                    clip_f32(x, vmin as f32, vmax as f32)
                } else {
                    x
                };
                let r = (x - vmin as f32) / ((vmax - vmin) as f32);
                Normed::F32(if r > 0.0 { r.powf(*gamma as f32) } else { r })
            }
            Op::Log { t0, t1 } => {
                if self.equal {
                    return Normed::F32(0.0);
                }
                let x = if self.clip {
                    clip_f32(x, vmin as f32, vmax as f32)
                } else {
                    x
                };
                if x.is_nan() || x <= 0.0 {
                    return Normed::Masked;
                }
                // libm's log10f, as numpy without AVX-512 (the machine the norm vectors
                // were made on); numpy's AVX-512 one was reproduced bit for bit in
                // commit e01d325 (src/color/log10f.rs), not used: see gen_edges.py PENDING.
                let t = (f64::from(x.log10()) - t0) as f32;
                finite_or_masked32((f64::from(t) / (t1 - t0)) as f32)
            }
            Op::SymLog {
                s,
                t0,
                t1,
                all_inside,
            } => {
                if self.equal {
                    return Normed::F32(0.0);
                }
                let x = if self.clip {
                    clip_f32(x, vmin as f32, vmax as f32)
                } else {
                    x
                };
                // process_value hands the transform a masked array, and numpy.ma turns
                // Python scalars into float64 arrays: everything is float64 except
                // np.log(|x|), which runs on the float32 data.
                let _ = all_inside;
                let x64 = f64::from(x);
                let t = if x64.abs() <= s.linthresh {
                    x64 * s.adj
                } else {
                    s.forward_f32_outside(x)
                };
                finite_or_masked((t - t0) / (t1 - t0))
            }
            Op::NoNorm => Normed::F32(x),
            Op::TwoSlope { .. } => self.map_f64(f64::from(x)),
            Op::Boundary { .. } => {
                let x = if self.clip {
                    clip_f32(x, vmin as f32, vmax as f32)
                } else {
                    x
                };
                self.boundary_raw(f64::from(x), x < vmin as f32, x >= vmax as f32)
            }
        }
    }

    /// `BoundaryNorm.__call__` for one value (already in the working precision).
    fn boundary(&self, x: f64, below: bool, above: bool) -> Normed {
        let x = if self.clip {
            clip_f64(x, self.vmin, self.vmax)
        } else {
            x
        };
        let (below, above) = if self.clip {
            (x < self.vmin, x >= self.vmax)
        } else {
            (below, above)
        };
        self.boundary_raw(x, below, above)
    }

    fn boundary_raw(&self, x: f64, below: bool, above: bool) -> Normed {
        let Op::Boundary {
            boundaries,
            ncolors,
            regions,
            offset,
        } = &self.op
        else {
            return Normed::Masked;
        };
        // np.digitize(x, b) == searchsorted(b, x, side='right'); NaN sorts last.
        let pos = if x.is_nan() {
            boundaries.len()
        } else {
            boundaries.partition_point(|&b| b <= x)
        };
        let mut i = pos as i64 - 1 + offset;
        if *ncolors > *regions {
            if *regions == 1 {
                if i == 0 {
                    i = (ncolors - 1) / 2;
                }
            } else {
                let scale = (ncolors - 1) as f64 / (regions - 1) as f64;
                i = (scale * i as f64) as i64;
            }
        }
        // .astype(np.int16)
        let mut i = i64::from(i as i16);
        if below {
            i = -1;
        }
        if above {
            i = if self.clip { ncolors - 1 } else { *ncolors };
        }
        Normed::Int(i)
    }
}

#[inline]
fn clip_f64(x: f64, lo: f64, hi: f64) -> f64 {
    // np.clip propagates NaN.
    if x.is_nan() {
        x
    } else {
        x.max(lo).min(hi)
    }
}

#[inline]
fn clip_f32(x: f32, lo: f32, hi: f32) -> f32 {
    if x.is_nan() {
        x
    } else {
        x.max(lo).min(hi)
    }
}

#[inline]
fn finite_or_masked(v: f64) -> Normed {
    if v.is_finite() {
        Normed::F64(v)
    } else {
        Normed::Masked
    }
}

#[inline]
fn finite_or_masked32(v: f32) -> Normed {
    if v.is_finite() {
        Normed::F32(v)
    } else {
        Normed::Masked
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stats(min: f64, max: f64) -> DataStats {
        DataStats {
            work: Work::F64,
            int_kind: None,
            min: Some(min),
            max: Some(max),
            pos_min: Some(min.max(1e-300)),
            pos_max: Some(max),
        }
    }

    fn f64_of(n: Normed) -> f64 {
        match n {
            Normed::F64(v) => v,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn spec_table_examples() {
        // PowerNorm(0.5, 0, 4)([-1, 1, 9]) == [-0.25, 0.5, 1.5]
        let p = Norm::power(0.5).with_limits(Some(0.0), Some(4.0));
        let p = p.prepare(Work::F64, false).unwrap().unwrap();
        for (x, want) in [(-1.0, -0.25), (1.0, 0.5), (9.0, 1.5)] {
            assert_eq!(f64_of(p.map_f64(x)), want);
        }
        // CenteredNorm(halfrange=4)([-2, 0, 4]) == [0.25, 0.5, 1.0]
        let c = Norm::centered(0.0, Some(4.0)).autoscale_from(&stats(0.0, 1.0));
        let c = c.prepare(Work::F64, false).unwrap().unwrap();
        for (x, want) in [(-2.0, 0.25), (0.0, 0.5), (4.0, 1.0)] {
            assert_eq!(f64_of(c.map_f64(x)), want);
        }
        // TwoSlopeNorm(0, -4000, 10000)([-4000, -2000, 0, 2500, 10000])
        let t = Norm::two_slope(0.0).with_limits(Some(-4000.0), Some(10000.0));
        let t = t.prepare(Work::F64, false).unwrap().unwrap();
        for (x, want) in [
            (-4000.0, 0.0),
            (-2000.0, 0.25),
            (0.0, 0.5),
            (2500.0, 0.625),
            (10000.0, 1.0),
        ] {
            assert_eq!(f64_of(t.map_f64(x)), want);
        }
    }

    #[test]
    fn validation_names_values() {
        let e = Norm::linear()
            .with_limits(Some(2.0), Some(1.0))
            .prepare(Work::F64, false)
            .unwrap_err()
            .to_string();
        assert!(e.contains('2') && e.contains('1'), "{e}");
        let e = Norm::log()
            .with_limits(Some(-1.0), Some(1.0))
            .prepare(Work::F64, false)
            .unwrap_err()
            .to_string();
        assert!(e.contains("-1"), "{e}");
        assert!(Norm::boundary(&[0.0], 4, Extend::Neither, false).is_err());
        assert!(Norm::boundary(&[0.0, 1.0, 2.0], 4, Extend::Both, true).is_err());
        assert!(Norm::boundary(&[0.0, 1.0, 2.0], 3, Extend::Both, false).is_err());
        assert!(Norm::symlog(0.0, 1.0, 10.0).is_err());
    }

    #[test]
    fn numpy_float32_log() {
        // np.log(np.full(16, v, np.float32))[0] with numpy 2 on AVX2 (differs from the
        // correctly rounded logf for 1234.5, 0.7 and 7.0).
        for (v, want) in [
            (1234.5f32, 7.1184216f32),
            (0.7, -0.35667494),
            (3.0, 1.0986123),
            (7.0, 1.9459102),
            (1000.0, 6.9077554),
        ] {
            assert_eq!(numpy_log_f32(v), want, "{v}");
        }
    }

    #[test]
    fn inverse_round_trips() {
        // Normalize(2, 6).inverse(0.25) == 3.0;
        // LogNorm(1, 100).inverse(0.5) == 10.000000000000002 (exp(1 * ln 10), not 10**1)
        let n = Norm::linear().with_limits(Some(2.0), Some(6.0));
        assert_eq!(n.inverse(0.25).unwrap(), 3.0);
        let l = Norm::log().with_limits(Some(1.0), Some(100.0));
        assert_eq!(l.inverse(0.5).unwrap(), 10.000000000000002);
        assert!(Norm::boundary(&[0.0, 1.0], 2, Extend::Neither, false)
            .unwrap()
            .inverse(0.5)
            .is_err());
    }
}
