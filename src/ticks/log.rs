//! `LogLocator` and `LogFormatterSciNotation` (matplotlib `ticker`), as used by a log-scaled
//! axis and by the long axis of a colorbar with `LogNorm`.

use super::max_n::MaxNLocator;
use super::pyfloat::{fmt_g, next_down};
use crate::{Error, Result};

/// Which multiples of each decade a [`LogLocator`] marks (`LogLocator(subs=...)`).
#[derive(Debug, Clone, PartialEq)]
pub enum LogSubs {
    /// An explicit list, e.g. `(1.0,)` for the major ticks.
    List(Vec<f64>),
    /// `'auto'` (also what `subs=None` means): `2 .. base-1` between decades, or nothing
    /// at all when 10 or more decades are in view. The log scale's minor locator.
    Auto,
}

/// Largest base accepted: `'auto'` subs and the formatter's sublabel sets have one
/// entry per integer below the base, so absurd bases are refused rather than allocated.
const MAX_BASE: f64 = 1.0e6;

/// matplotlib's `LogLocator(base, subs, numticks)` in non-classic mode.
#[derive(Debug, Clone, PartialEq)]
pub struct LogLocator {
    base: f64,
    subs: LogSubs,
    numticks: usize,
}

impl LogLocator {
    /// The major locator of a log axis: `LogLocator(base)` with `subs=(1.0,)`.
    /// `numticks` is the resolved `'auto'` value, see [`LogLocator::auto_numticks`].
    pub fn major(base: f64, numticks: usize) -> Result<Self> {
        Self::new(base, LogSubs::List(vec![1.0]), numticks)
    }

    /// The minor locator of a log axis: `LogLocator(base, subs='auto')`.
    pub fn minor(base: f64, numticks: usize) -> Result<Self> {
        Self::new(base, LogSubs::Auto, numticks)
    }

    /// `LogLocator(base, subs, numticks=numticks)`.
    pub fn new(base: f64, subs: LogSubs, numticks: usize) -> Result<Self> {
        if !(base > 1.0 && base <= MAX_BASE) {
            return Err(Error::invalid("base", base, "a number in (1, 1e6]"));
        }
        if numticks == 0 {
            return Err(Error::invalid("numticks", numticks, "at least 1"));
        }
        if let LogSubs::List(list) = &subs {
            if list.is_empty() || list.iter().any(|s| !s.is_finite()) {
                return Err(Error::invalid(
                    "subs",
                    format!("{list:?}"),
                    "a non-empty list of finite numbers",
                ));
            }
        }
        Ok(Self {
            base,
            subs,
            numticks,
        })
    }

    /// `numticks='auto'`: `clip(axis.get_tick_space(), 2, 9)`.
    pub fn auto_numticks(tick_space: i64) -> usize {
        tick_space.clamp(2, 9) as usize
    }

    /// `log_base(x)` as `LogLocator._log_b` computes it (log10 / log2 when possible).
    fn log_b(&self, x: f64) -> f64 {
        if self.base == 10.0 {
            x.log10()
        } else if self.base == 2.0 {
            x.log2()
        } else {
            x.ln() / self.base.ln()
        }
    }

    /// `LogLocator.tick_values(vmin, vmax)`. Both ends must be positive (matplotlib
    /// substitutes the axis' smallest positive data value for `vmin <= 0`; pass that in).
    pub fn tick_values(&self, vmin: f64, vmax: f64) -> Result<Vec<f64>> {
        if !(vmin > 0.0 && vmin.is_finite()) {
            return Err(Error::invalid(
                "vmin",
                vmin,
                "a positive finite number (data cannot be log-scaled)",
            ));
        }
        if !(vmax > 0.0 && vmax.is_finite()) {
            return Err(Error::invalid("vmax", vmax, "a positive finite number"));
        }
        let (vmin, vmax) = if vmax < vmin {
            (vmax, vmin)
        } else {
            (vmin, vmax)
        };
        let b = self.base;
        let mut n_request = self.numticks as i64;
        let efmin = self.log_b(vmin);
        let efmax = self.log_b(vmax);
        let emin = efmin.ceil() as i64;
        let emax = efmax.floor() as i64;
        let n_avail = emax - emin + 1;

        let subs: Vec<f64> = match &self.subs {
            LogSubs::List(list) => list.clone(),
            LogSubs::Auto => {
                if n_avail >= 10 || b < 3.0 {
                    return Ok(Vec::new());
                } else {
                    let mut v = Vec::new();
                    let mut s = 2.0;
                    while s < b {
                        v.push(s);
                        s += 1.0;
                    }
                    v
                }
            }
        };

        // Number of decade ticks and the stride between them.
        let mut stride = n_avail.div_euclid(n_request + 1) + 1;
        let nr = ceil_div(n_avail, stride);
        if nr <= n_request {
            n_request = nr;
        }
        let decades: Vec<i64> = if n_request == 0 {
            let d = vec![emin - 1, emax + 1];
            stride = d[1] - d[0];
            d
        } else if n_request == 1 {
            let mid = ((efmin + efmax) / 2.0).round_ties_even() as i64;
            stride = (mid - (emin - 1)).max((emax + 1) - mid);
            vec![mid - stride, mid, mid + stride]
        } else {
            stride = (n_avail - 1).div_euclid(n_request - 1);
            if (stride as f64) < n_avail as f64 / n_request as f64 {
                stride = n_avail.div_euclid(n_request);
            }
            let olo = (n_avail - stride * n_request).max(0);
            let ohi = (n_avail - stride * (n_request - 1)).min(stride);
            let mut offset = (-emin).rem_euclid(stride);
            if !(olo <= offset && offset < ohi) {
                offset = olo;
            }
            let mut d = Vec::new();
            let mut e = emin + offset - stride;
            while e < emax + stride + 1 {
                d.push(e);
                e += stride;
            }
            d
        };

        let is_minor = subs.len() > 1 || (subs.len() == 1 && subs[0] != 1.0);
        let ticklocs: Vec<f64> = if is_minor {
            if stride == 1 || n_avail <= 1 {
                (emin - 1..emax + 1)
                    .flat_map(|decade| {
                        let p = b.powf(decade as f64);
                        subs.iter().map(move |s| s * p)
                    })
                    .collect()
            } else {
                Vec::new()
            }
        } else {
            decades.iter().map(|&d| b.powf(d as f64)).collect()
        };

        if subs.len() > 1 && stride == 1 {
            let inside = ticklocs.iter().filter(|&&t| vmin <= t && t <= vmax).count() as i64;
            if decades.len() as i64 - 2 + inside <= 1 {
                // A minor locator with at most one tick in view: AutoLocator instead
                // (unattached, hence nbins 9).
                return MaxNLocator::auto(9)?.tick_values(vmin, vmax);
            }
        }
        Ok(ticklocs)
    }
}

/// `math.ceil(a / b)` for positive `b`.
fn ceil_div(a: i64, b: i64) -> i64 {
    (a as f64 / b as f64).ceil() as i64
}

/// A tick label, structured so the text layer can lay out matplotlib's mathtext.
#[derive(Debug, Clone, PartialEq)]
pub enum TickLabel {
    /// No label (the tick is drawn without text).
    Empty,
    /// Plain text, e.g. a `ScalarFormatter` label (minus signs already U+2212).
    Plain(String),
    /// A mathtext number without exponent: `$\mathdefault{0}$` gives `Math("0")`.
    Math(String),
    /// `[−][mantissa ×] base^exponent` in mathtext, e.g. `$\mathdefault{10^{-2}}$` or
    /// `$\mathdefault{2\times10^{3}}$`.
    Power {
        /// A leading minus sign (only on symlog axes).
        negative: bool,
        /// The coefficient before `\times` (printed with `%g`), or `None` for a decade.
        mantissa: Option<String>,
        /// The base, e.g. `"10"`.
        base: String,
        /// The exponent as drawn, minus sign as U+2212, e.g. `"\u{2212}2"`.
        exponent: String,
    },
}

impl TickLabel {
    /// The exact string matplotlib sets as the tick label text.
    pub fn to_mathtext(&self) -> String {
        match self {
            TickLabel::Empty => String::new(),
            TickLabel::Plain(s) => s.clone(),
            TickLabel::Math(s) => format!("$\\mathdefault{{{s}}}$"),
            TickLabel::Power {
                negative,
                mantissa,
                base,
                exponent,
            } => {
                let sign = if *negative { "-" } else { "" };
                let exp = exponent.replace('\u{2212}', "-");
                match mantissa {
                    Some(m) => format!("$\\mathdefault{{{sign}{m}\\times{base}^{{{exp}}}}}$"),
                    None => format!("$\\mathdefault{{{sign}{base}^{{{exp}}}}}$"),
                }
            }
        }
    }
}

/// matplotlib's `LogFormatterSciNotation(base, labelOnlyBase, minor_thresholds)` for a log or
/// symlog axis, with `axes.formatter.min_exponent = 0`.
#[derive(Debug, Clone, PartialEq)]
pub struct LogFormatterSciNotation {
    base: f64,
    /// Label only integer powers of the base.
    pub label_only_base: bool,
    /// `(subset, all)`: label some minor ticks when at most `subset` decades are ticked,
    /// all of them when the view spans less than `all` decades. Default `(1, 0.4)`.
    pub minor_thresholds: (f64, f64),
    /// The symlog axis' `linthresh` (`None` on a log axis).
    linthresh: Option<f64>,
}

impl LogFormatterSciNotation {
    /// The major formatter of a log axis: `LogFormatterSciNotation(base)`.
    pub fn major(base: f64) -> Result<Self> {
        Self::new(base, false)
    }

    /// The minor formatter of a log axis with default `subs=None`:
    /// `LogFormatterSciNotation(base, labelOnlyBase=False)` (the same as the major one).
    pub fn minor(base: f64) -> Result<Self> {
        Self::new(base, false)
    }

    /// `LogFormatterSciNotation(base, labelOnlyBase=label_only_base)`.
    pub fn new(base: f64, label_only_base: bool) -> Result<Self> {
        if !(base > 1.0 && base <= MAX_BASE) {
            return Err(Error::invalid("base", base, "a number in (1, 1e6]"));
        }
        Ok(Self {
            base,
            label_only_base,
            minor_thresholds: (1.0, 0.4),
            linthresh: None,
        })
    }

    /// The major formatter of a symlog axis (or a colorbar with `SymLogNorm`):
    /// `LogFormatterSciNotation(base)` reading `linthresh` from the axis transform.
    pub fn symlog(base: f64, linthresh: f64) -> Result<Self> {
        if !(linthresh.is_finite() && linthresh > 0.0) {
            return Err(Error::invalid(
                "linthresh",
                linthresh,
                "a positive finite number",
            ));
        }
        let mut f = Self::new(base, false)?;
        f.linthresh = Some(linthresh);
        Ok(f)
    }

    /// `LogFormatter.set_locs`: which coefficients get a label for this view interval
    /// (`None` labels every tick).
    fn sublabels(&self, view_a: f64, view_b: f64) -> Option<Vec<f64>> {
        if self.minor_thresholds.0.is_infinite() {
            return None;
        }
        let (vmin, vmax) = if view_b < view_a {
            (view_b, view_a)
        } else {
            (view_a, view_b)
        };
        let b = self.base;
        let log = |x: f64| x.ln() / b.ln();
        let (numticks, numdec) = match self.linthresh {
            None => {
                if vmin <= 0.0 {
                    return Some(vec![1.0]);
                }
                let (lmin, lmax) = (log(vmin), log(vmax));
                (lmax.floor() - next_down(lmin).floor(), (lmax - lmin).abs())
            }
            Some(t) => {
                // Only ticks and decades in the logarithmic parts count.
                let (mut numticks, mut numdec) = (0.0, 0.0);
                if vmin < -t {
                    let rhs = vmax.min(-t);
                    numticks += log(rhs.abs()).floor() - next_down(log(vmin.abs())).floor();
                    numdec += log(vmin / rhs);
                }
                if vmax > t {
                    let lhs = vmin.max(t);
                    numticks += log(vmax).floor() - next_down(log(lhs)).floor();
                    numdec += log(vmax / lhs);
                }
                (numticks, numdec)
            }
        };
        if numticks > self.minor_thresholds.0 {
            Some(vec![1.0])
        } else if numdec > self.minor_thresholds.1 {
            // round(np.geomspace(1, b, int(b)//2 + 1)): (1, 2, 3, 4, 6, 10) for base 10.
            let n = (b.floor() as i64) / 2 + 1;
            let lb = b.log10();
            Some(
                (0..n)
                    .map(|i| {
                        if i == 0 {
                            1.0
                        } else if i == n - 1 {
                            b
                        } else {
                            10f64.powf(lb * i as f64 / (n - 1) as f64).round_ties_even()
                        }
                    })
                    .map(f64::round_ties_even)
                    .collect(),
            )
        } else {
            let mut v = Vec::new();
            let mut s = 1.0;
            while s < b + 1.0 {
                v.push(s);
                s += 1.0;
            }
            Some(v)
        }
    }

    /// `format_ticks(locs)` on an axis with view interval `(view_a, view_b)`.
    pub fn format_ticks(&self, locs: &[f64], view_a: f64, view_b: f64) -> Vec<TickLabel> {
        let sub = self.sublabels(view_a, view_b);
        locs.iter()
            .map(|&x| self.label(x, sub.as_deref()))
            .collect()
    }

    /// `LogFormatterSciNotation.__call__(x)` given the sublabel set.
    fn label(&self, x: f64, sublabels: Option<&[f64]>) -> TickLabel {
        if x == 0.0 {
            return TickLabel::Math("0".to_string());
        }
        let negative = x < 0.0;
        let x = x.abs();
        let b = self.base;
        let fx = x.ln() / b.ln();
        let is_decade = is_close_to_int(fx);
        let exponent = if is_decade {
            fx.round_ties_even()
        } else {
            fx.floor()
        };
        let coeff = b.powf(fx - exponent).round_ties_even();
        if self.label_only_base && !is_decade {
            return TickLabel::Empty;
        }
        if let Some(set) = sublabels {
            if !set.contains(&coeff) {
                return TickLabel::Empty;
            }
        }
        let base = if b % 1.0 == 0.0 {
            format!("{b:.0}")
        } else {
            py_repr(b)
        };
        if is_decade {
            TickLabel::Power {
                negative,
                mantissa: None,
                base,
                exponent: exponent_text(fx.round_ties_even()),
            }
        } else {
            let exponent = fx.floor();
            let mut c = b.powf(fx - exponent);
            if is_close_to_int(c) {
                c = c.round_ties_even();
            }
            TickLabel::Power {
                negative,
                mantissa: Some(fmt_g(c, 6)),
                base,
                exponent: exponent_text(exponent),
            }
        }
    }
}

/// `'%d' % e` with the minus sign mathtext draws (U+2212).
fn exponent_text(e: f64) -> String {
    let s = format!("{e:.0}");
    s.replace('-', "\u{2212}")
}

/// Python's `'%s' % float` for the (rare) non-integer base.
fn py_repr(x: f64) -> String {
    let s = format!("{x}");
    if s.contains('.') || s.contains('e') {
        s
    } else {
        format!("{s}.0")
    }
}

/// `math.isclose(x, round(x))` with the default `rel_tol=1e-9`.
fn is_close_to_int(x: f64) -> bool {
    let r = x.round_ties_even();
    (x - r).abs() <= 1e-9 * x.abs().max(r.abs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colorbar_one_to_thousand() {
        // LogLocator(10).tick_values(1.0007, 999.997) on a colorbar with tick space 13.
        let major = LogLocator::major(10.0, 9).unwrap();
        assert_eq!(
            major.tick_values(1.0007, 999.997).unwrap(),
            [1.0, 10.0, 100.0, 1000.0]
        );
        let minor = LogLocator::minor(10.0, 9).unwrap();
        assert_eq!(minor.tick_values(1.0007, 999.997).unwrap().len(), 24);
        // 10 or more decades: no minor ticks at all.
        assert!(minor.tick_values(1e-5, 1e5).unwrap().is_empty());
    }

    #[test]
    fn sci_notation_labels() {
        // LogFormatterSciNotation(10)(x) with the view (1, 1000) and (2, 5).
        let f = LogFormatterSciNotation::major(10.0).unwrap();
        let got: Vec<String> = f
            .format_ticks(&[0.01, 100.0, 300.0], 1.0, 1000.0)
            .iter()
            .map(TickLabel::to_mathtext)
            .collect();
        assert_eq!(
            got,
            ["$\\mathdefault{10^{-2}}$", "$\\mathdefault{10^{2}}$", ""]
        );
        let got = f.format_ticks(&[3.0], 2.0, 5.0);
        assert_eq!(got[0].to_mathtext(), "$\\mathdefault{3\\times10^{0}}$");
        assert!(LogLocator::major(1.0, 9).is_err());
        assert!(LogLocator::major(10.0, 9)
            .unwrap()
            .tick_values(0.0, 1.0)
            .is_err());
    }
}
