//! Python / numpy float semantics that the tick code depends on bit for bit.
//!
//! matplotlib's tickers use Python's floor division and `divmod` on floats (which are *not*
//! `floor(a / b)`), numpy's `round` and printf-style `%f` and
//! `%g` formatting. Rust's own float formatting is exact (correct rounding, ties to even on
//! exactly representable halves), like CPython's, so the printf styles are built on it.

/// Python's `divmod(a, b)` for floats (numpy's `npy_divmod` is the same algorithm):
/// the quotient is derived from `fmod`, not from `a / b`.
pub(crate) fn divmod(a: f64, b: f64) -> (f64, f64) {
    let mut rem = a % b;
    let mut div = (a - rem) / b;
    if rem != 0.0 {
        if (b < 0.0) != (rem < 0.0) {
            rem += b;
            div -= 1.0;
        }
    } else {
        rem = 0.0_f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let fl = div.floor();
        if div - fl > 0.5 {
            fl + 1.0
        } else {
            fl
        }
    } else {
        0.0_f64.copysign(a / b)
    };
    (floordiv, rem)
}

/// Python's `a // b` for floats.
pub(crate) fn floordiv(a: f64, b: f64) -> f64 {
    divmod(a, b).0
}

/// `10.0 ** n` as Python computes it (C `pow`), for an integer exponent.
pub(crate) fn pow10(n: i64) -> f64 {
    // Exponents outside this range give 0 or inf in Python as well.
    let n = n.clamp(-400, 400);
    10f64.powf(n as f64)
}

/// numpy's `np.round(x, decimals)` for `decimals >= 0`: multiply by `10**decimals`,
/// round half to even, divide back.
pub(crate) fn np_round(x: f64, decimals: i64) -> f64 {
    let mut factor = 1.0_f64;
    // numpy's `power_of_ten`: exact table up to 1e8, then repeated multiplication by 10.
    let table = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];
    let d = decimals.max(0);
    if d < 9 {
        if let Some(&t) = table.get(d as usize) {
            factor = t;
        }
    } else {
        factor = 1e9;
        let mut k = d;
        while k > 9 {
            factor *= 10.0;
            k -= 1;
        }
    }
    (x * factor).round_ties_even() / factor
}

/// `'%.{prec}f' % x`.
pub(crate) fn fmt_f(x: f64, prec: usize) -> String {
    if !x.is_finite() {
        return fmt_nonfinite(x);
    }
    format!("{x:.prec$}")
}

/// `'%.{prec}g' % x` (no `#` flag: trailing zeros and a trailing point are removed).
pub(crate) fn fmt_g(x: f64, prec: usize) -> String {
    if !x.is_finite() {
        return fmt_nonfinite(x);
    }
    let p = prec.max(1);
    // The exponent that %e with p - 1 digits would print (after rounding).
    let (_, exp) = split_e(x, p - 1);
    let p_i = p as i64;
    if -4 <= exp && exp < p_i {
        let decimals = (p_i - 1 - exp).max(0) as usize;
        strip_zeros(&format!("{x:.decimals$}"))
    } else {
        let (mantissa, exp) = split_e(x, p - 1);
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{}e{sign}{:02}", strip_zeros(&mantissa), exp.unsigned_abs())
    }
}

/// Rust's `{:.prec$e}` split into mantissa text and exponent.
fn split_e(x: f64, prec: usize) -> (String, i64) {
    let s = format!("{x:.prec$e}");
    match s.split_once('e') {
        Some((m, e)) => (m.to_string(), e.parse::<i64>().unwrap_or(0)),
        None => (s, 0),
    }
}

fn strip_zeros(s: &str) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s.to_string()
    }
}

fn fmt_nonfinite(x: f64) -> String {
    if x.is_nan() {
        "nan".to_string()
    } else if x > 0.0 {
        "inf".to_string()
    } else {
        "-inf".to_string()
    }
}

/// `math.nextafter(x, -math.inf)`: the next float towards minus infinity.
pub(crate) fn next_down(x: f64) -> f64 {
    if x.is_nan() || x == f64::NEG_INFINITY {
        return x;
    }
    if x == 0.0 {
        return -f64::from_bits(1);
    }
    let bits = x.to_bits();
    if x > 0.0 {
        f64::from_bits(bits - 1)
    } else {
        f64::from_bits(bits + 1)
    }
}

/// matplotlib's `Formatter.fix_minus` with `axes.unicode_minus = True`.
pub(crate) fn fix_minus(s: &str) -> String {
    s.replace('-', "\u{2212}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn divmod_matches_python() {
        // Python: divmod(a, b) for floats.
        let cases = [
            (7.0, 2.0, 3.0, 1.0),
            (-7.0, 2.0, -4.0, 1.0),
            (0.3, 0.1, 2.0, 0.09999999999999998), // divmod(0.3, 0.1)
            (1.0, 0.1, 9.0, 0.09999999999999995), // divmod(1.0, 0.1)
            (-0.5, 100.0, -1.0, 99.5),
        ];
        for (a, b, q, r) in cases {
            assert_eq!(divmod(a, b), (q, r), "divmod({a}, {b})");
        }
    }

    #[test]
    fn printf_styles_match_python() {
        // Python: '%1.10g' % x, '%g' % x, '%1.3e' % x.
        let g = [
            (1.2345, 10, "1.2345"),
            (2.0, 6, "2"),
            (3.0999999999999996, 6, "3.1"),
            (1e-5, 6, "1e-05"),
            (123456789.0, 6, "1.23457e+08"),
            (0.0001, 6, "0.0001"),
            (9.9999999999, 10, "10"),
        ];
        for (x, p, want) in g {
            assert_eq!(fmt_g(x, p), want, "%.{p}g % {x}");
        }
        assert_eq!(fmt_f(0.125, 2), "0.12"); // '%1.2f' % 0.125
    }

    #[test]
    fn rounding_matches_numpy() {
        // np.round(2.675, 2), np.round(0.5, 0), np.round(1.23456789012345, 10)
        assert_eq!(np_round(2.675, 2), 2.68);
        assert_eq!(np_round(0.5, 0), 0.0);
        assert_eq!(np_round(1.23456789012345, 10), 1.2345678901);
        // math.nextafter(1.0, -math.inf), math.nextafter(0.0, -math.inf)
        assert_eq!(next_down(1.0), 0.9999999999999999);
        assert_eq!(next_down(0.0), -5e-324);
        assert_eq!(next_down(-1.0), -1.0000000000000002);
    }
}
