//! Checks against vectors recorded from matplotlib 3.11.2 by
//! `tests/fixtures/ticks/gen.py` (real Axes / colorbars of real sizes, so the tick space is
//! matplotlib's own). Floats are stored as Python `repr` strings and compared bit for bit.

use super::*;
use serde_json::Value;

const LINEAR: &str = include_str!("../../tests/fixtures/ticks/linear.jsonl");
const LOG: &str = include_str!("../../tests/fixtures/ticks/log.jsonl");
const SYMLOG: &str = include_str!("../../tests/fixtures/ticks/symlog.jsonl");
const NORMS: &str = include_str!("../../tests/fixtures/ticks/norms.jsonl");

fn float(v: &Value) -> f64 {
    v.as_str()
        .and_then(|s| s.parse::<f64>().ok())
        .unwrap_or(f64::NAN)
}

fn floats(rec: &Value, key: &str) -> Vec<f64> {
    rec[key]
        .as_array()
        .map(|a| a.iter().map(float).collect())
        .unwrap_or_default()
}

fn strings(rec: &Value, key: &str) -> Vec<String> {
    rec[key]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|s| s.as_str().unwrap_or("<not a string>").to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn bits(v: &[f64]) -> Vec<u64> {
    v.iter().map(|x| x.to_bits()).collect()
}

struct Case {
    rec: Value,
    kind: AxisKind,
    view: (f64, f64),
    tick_space: i64,
}

fn cases(text: &str) -> Vec<Case> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let rec: Value = serde_json::from_str(l).unwrap();
            let kind = if rec["axis"] == "x" {
                AxisKind::X
            } else {
                AxisKind::Y
            };
            let v = floats(&rec, "view");
            let ts = rec["tick_space"].as_i64().unwrap();
            Case {
                kind,
                view: (v[0], v[1]),
                tick_space: ts,
                rec,
            }
        })
        .collect()
}

/// Tallies failures per check so one run reports everything that differs.
#[derive(Default)]
struct Tally {
    checks: usize,
    failures: Vec<String>,
}

impl Tally {
    fn check<T: PartialEq + std::fmt::Debug>(&mut self, what: &str, case: &Value, got: T, want: T) {
        self.checks += 1;
        if got != want {
            self.failures.push(format!(
                "{what} view {} {}: got {got:?}, want {want:?}",
                case["view"], case["axis"]
            ));
        }
    }

    fn report(&self, name: &str, n_cases: usize) {
        eprintln!(
            "{name}: {n_cases} cases, {} checks, {} failures",
            self.checks,
            self.failures.len()
        );
        for f in self.failures.iter().take(40) {
            eprintln!("  {f}");
        }
    }

    fn finish(self, name: &str, n_cases: usize) {
        self.report(name, n_cases);
        assert!(
            self.failures.is_empty(),
            "{name}: {} failures",
            self.failures.len()
        );
    }
}

#[test]
fn linear_axes_and_colorbars_match_matplotlib() {
    // Recorded: axis.get_tick_space(), get_majorticklocs(), _update_ticks(),
    // tick label texts and get_major_formatter().get_offset().
    let all = cases(LINEAR);
    assert!(all.len() > 250);
    check_linear(&all).finish("linear", all.len());
}

#[test]
fn log_axes_and_colorbars_match_matplotlib() {
    // Recorded on axes with set_xscale/set_yscale('log') and colorbars with LogNorm:
    // major/minor locator output, overlap removal, drawn ticks and label texts.
    let all = cases(LOG);
    assert!(all.len() > 100);
    check_log(&all).finish("log", all.len());
}

#[test]
fn symlog_axes_and_colorbars_match_matplotlib() {
    // Recorded on axes with set_yscale('symlog', linthresh=..., linscale=..., base=...)
    // and colorbars with SymLogNorm(linthresh=1): locs, drawn ticks and label texts.
    let all = cases(SYMLOG);
    assert!(all.len() > 80);
    let mut t = Tally::default();
    for c in &all {
        let (a, b) = c.view;
        let base = float(&c.rec["base"]);
        let linthresh = float(&c.rec["linthresh"]);
        let linscale = float(&c.rec["linscale"]);
        let locs = SymmetricalLogLocator::new(base, linthresh)
            .unwrap()
            .tick_values(a, b)
            .unwrap();
        t.check("locs", &c.rec, bits(&locs), bits(&floats(&c.rec, "locs")));
        let scale = AxisScale::SymLog {
            base,
            linthresh,
            linscale,
        };
        t.check(
            "drawn",
            &c.rec,
            bits(&visible_ticks(&locs, a, b, scale)),
            bits(&floats(&c.rec, "drawn")),
        );
        let labels: Vec<String> = LogFormatterSciNotation::symlog(base, linthresh)
            .unwrap()
            .format_ticks(&floats(&c.rec, "locs"), a, b)
            .iter()
            .map(TickLabel::to_mathtext)
            .collect();
        t.check("labels", &c.rec, labels, strings(&c.rec, "labels"));
        check_axis_ticks(&mut t, c, scale);
    }
    t.finish("symlog", all.len());
}

/// `np.interp(x, xp, fp)` with explicit values beyond the ends.
fn interp(x: f64, xp: &[f64], fp: &[f64], left: f64, right: f64) -> f64 {
    let n = xp.len();
    if x < xp[0] {
        return left;
    }
    if x > xp[n - 1] {
        return right;
    }
    for i in 1..n {
        if x <= xp[i] {
            let (x0, x1) = (xp[i - 1], xp[i]);
            if x == x1 {
                return fp[i];
            }
            return fp[i - 1] + (x - x0) * (fp[i] - fp[i - 1]) / (x1 - x0);
        }
    }
    fp[n - 1]
}

#[test]
fn function_scale_colorbars_match_matplotlib() {
    // fig.colorbar(imshow(data, norm=PowerNorm / TwoSlopeNorm / CenteredNorm /
    // BoundaryNorm)): long-axis locs, drawn ticks, labels, offset text.
    let all = cases(NORMS);
    assert!(all.len() > 40);
    let mut t = Tally::default();
    for c in &all {
        let (a, b) = c.view;
        let kind = c.rec["norm"].as_str().unwrap_or("");
        let param = floats(&c.rec, "norm_param");
        let range = floats(&c.rec, "norm_range");
        let (vmin, vmax) = (range[0], range[1]);
        let locs = if kind == "boundary" {
            fixed_locator(&param, Some(10))
        } else {
            MaxNLocator::auto(nbins_from_tick_space(c.tick_space))
                .unwrap()
                .tick_values(a, b)
                .unwrap()
        };
        t.check("locs", &c.rec, bits(&locs), bits(&floats(&c.rec, "locs")));
        // The colorbar's 'function' scale: the norm (or the boundary index) as forward map.
        let n = param.len();
        let uniform: Vec<f64> = (0..n).map(|i| i as f64 / (n.max(2) - 1) as f64).collect();
        let forward = |x: f64| -> f64 {
            match kind {
                "power" => {
                    let r = (x - vmin) / (vmax - vmin);
                    if r > 0.0 {
                        r.powf(param[0])
                    } else {
                        r
                    }
                }
                "twoslope" => interp(
                    x,
                    &[vmin, param[0], vmax],
                    &[0.0, 0.5, 1.0],
                    f64::NEG_INFINITY,
                    f64::INFINITY,
                ),
                "centered" => (x - vmin) / (vmax - vmin),
                _ => {
                    let eps = (param[n - 1] - param[0]) * 1e-6;
                    if x < param[0] - eps {
                        -1.0
                    } else if x > param[n - 1] + eps {
                        2.0
                    } else {
                        interp(x, &param, &uniform, 0.0, 1.0)
                    }
                }
            }
        };
        t.check(
            "drawn",
            &c.rec,
            bits(&visible_ticks_by(&locs, a, b, forward)),
            bits(&floats(&c.rec, "drawn")),
        );
        let want_locs = floats(&c.rec, "locs");
        let out = ScalarFormatter::default().format_ticks(&want_locs, a, b);
        t.check("labels", &c.rec, out.labels, strings(&c.rec, "labels"));
        t.check(
            "offset",
            &c.rec,
            out.offset_text.as_str(),
            c.rec["offset"].as_str().unwrap_or("<missing>"),
        );
    }
    t.finish("function-scale colorbars", all.len());
}

/// Thousands of random cases written by `gen.py --stress N DIR` (not committed):
/// `FIGBUF_TICKS_STRESS=DIR cargo test --lib ticks::fixtures -- --ignored`.
#[test]
#[ignore = "needs vectors generated by gen.py --stress"]
fn stress_vectors_match_matplotlib() {
    let dir = std::env::var("FIGBUF_TICKS_STRESS").unwrap_or_else(|_| "/tmp/ticks-stress".into());
    let lin = std::fs::read_to_string(format!("{dir}/linear.jsonl")).unwrap();
    let log = std::fs::read_to_string(format!("{dir}/log.jsonl")).unwrap();
    let (lin, log) = (cases(&lin), cases(&log));
    let (a, b) = (check_linear(&lin), check_log(&log));
    let ok = a.failures.is_empty() && b.failures.is_empty();
    a.report("stress linear", lin.len());
    b.report("stress log", log.len());
    assert!(ok, "stress vectors differ");
}

/// The one-call API must give the drawn subset of the recorded ticks with their labels.
fn check_axis_ticks(t: &mut Tally, c: &Case, scale: AxisScale) {
    let got = axis_ticks(c.view, c.tick_space, scale).unwrap();
    let want = |locs: &str, drawn: &str, labels: &str| -> Vec<(u64, String)> {
        let drawn = floats(&c.rec, drawn);
        floats(&c.rec, locs)
            .iter()
            .zip(strings(&c.rec, labels))
            .filter(|(l, _)| drawn.iter().any(|d| d.to_bits() == l.to_bits()))
            .map(|(l, s)| (l.to_bits(), s))
            .collect()
    };
    let pairs = |ticks: &[Tick]| -> Vec<(u64, String)> {
        ticks
            .iter()
            .map(|k| (k.loc.to_bits(), k.label.to_mathtext()))
            .collect()
    };
    t.check(
        "axis_ticks major",
        &c.rec,
        pairs(&got.major),
        want("locs", "drawn", "labels"),
    );
    if scale == AxisScale::LOG10 {
        t.check(
            "axis_ticks minor",
            &c.rec,
            pairs(&got.minor),
            want("minor_locs", "minor_drawn", "minor_labels"),
        );
    }
    if scale == AxisScale::Linear {
        t.check(
            "axis_ticks offset",
            &c.rec,
            got.offset_text.as_str(),
            c.rec["offset"].as_str().unwrap_or("<missing>"),
        );
    }
}

fn check_linear(all: &[Case]) -> Tally {
    let mut t = Tally::default();
    for c in all {
        let px = float(&c.rec["px"]);
        let dpi = float(&c.rec["dpi"]);
        let size = float(&c.rec["labelsize"]);
        t.check(
            "tick_space",
            &c.rec,
            tick_space(px, dpi, size, c.kind).unwrap(),
            c.tick_space,
        );
        let nbins = nbins_from_tick_space(c.tick_space);
        let locs = MaxNLocator::auto(nbins)
            .unwrap()
            .tick_values(c.view.0, c.view.1)
            .unwrap();
        t.check("locs", &c.rec, bits(&locs), bits(&floats(&c.rec, "locs")));
        let drawn = visible_ticks(&locs, c.view.0, c.view.1, AxisScale::Linear);
        t.check(
            "drawn",
            &c.rec,
            bits(&drawn),
            bits(&floats(&c.rec, "drawn")),
        );
        let want_locs = floats(&c.rec, "locs");
        let out = ScalarFormatter::default().format_ticks(&want_locs, c.view.0, c.view.1);
        t.check("labels", &c.rec, out.labels, strings(&c.rec, "labels"));
        t.check(
            "offset",
            &c.rec,
            out.offset_text.as_str(),
            c.rec["offset"].as_str().unwrap_or("<missing>"),
        );
        check_axis_ticks(&mut t, c, AxisScale::Linear);
    }
    t
}

fn check_log(all: &[Case]) -> Tally {
    let mut t = Tally::default();
    for c in all {
        let (a, b) = c.view;
        let n = LogLocator::auto_numticks(c.tick_space);
        let major = LogLocator::major(10.0, n)
            .unwrap()
            .tick_values(a, b)
            .unwrap();
        t.check("locs", &c.rec, bits(&major), bits(&floats(&c.rec, "locs")));
        let minor_raw = LogLocator::minor(10.0, n)
            .unwrap()
            .tick_values(a, b)
            .unwrap();
        t.check(
            "minor_raw",
            &c.rec,
            bits(&minor_raw),
            bits(&floats(&c.rec, "minor_raw")),
        );
        let minor = remove_overlapping_locs(&minor_raw, &major, a, b, AxisScale::LOG10);
        t.check(
            "minor_locs",
            &c.rec,
            bits(&minor),
            bits(&floats(&c.rec, "minor_locs")),
        );
        t.check(
            "drawn",
            &c.rec,
            bits(&visible_ticks(&major, a, b, AxisScale::LOG10)),
            bits(&floats(&c.rec, "drawn")),
        );
        t.check(
            "minor_drawn",
            &c.rec,
            bits(&visible_ticks(&minor, a, b, AxisScale::LOG10)),
            bits(&floats(&c.rec, "minor_drawn")),
        );
        let want_major = floats(&c.rec, "locs");
        let labels: Vec<String> = LogFormatterSciNotation::major(10.0)
            .unwrap()
            .format_ticks(&want_major, a, b)
            .iter()
            .map(TickLabel::to_mathtext)
            .collect();
        t.check("labels", &c.rec, labels, strings(&c.rec, "labels"));
        let want_minor = floats(&c.rec, "minor_locs");
        let labels: Vec<String> = LogFormatterSciNotation::minor(10.0)
            .unwrap()
            .format_ticks(&want_minor, a, b)
            .iter()
            .map(TickLabel::to_mathtext)
            .collect();
        t.check(
            "minor_labels",
            &c.rec,
            labels,
            strings(&c.rec, "minor_labels"),
        );
        check_axis_ticks(&mut t, c, AxisScale::LOG10);
    }
    t
}
