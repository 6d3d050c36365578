//! Checks against vectors recorded from matplotlib 3.11.2 by
//! `tests/fixtures/ticks/gen.py` (real Axes / colorbars of real sizes, so the tick space is
//! matplotlib's own). Floats are stored as Python `repr` strings and compared bit for bit.

use super::*;
use serde_json::Value;

const LINEAR: &str = include_str!("../../tests/fixtures/ticks/linear.jsonl");
const LOG: &str = include_str!("../../tests/fixtures/ticks/log.jsonl");

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

    fn finish(self, name: &str, n_cases: usize) {
        eprintln!(
            "{name}: {n_cases} cases, {} checks, {} failures",
            self.checks,
            self.failures.len()
        );
        for f in &self.failures {
            eprintln!("  {f}");
        }
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
    let mut t = Tally::default();
    for c in &all {
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
    }
    t.finish("linear", all.len());
}

#[test]
fn log_axes_and_colorbars_match_matplotlib() {
    // Recorded on axes with set_xscale/set_yscale('log') and colorbars with LogNorm:
    // major/minor locator output, overlap removal, drawn ticks and label texts.
    let all = cases(LOG);
    assert!(all.len() > 100);
    let mut t = Tally::default();
    for c in &all {
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
        let minor = remove_overlapping_locs(&minor_raw, &major, a, b, AxisScale::Log10);
        t.check(
            "minor_locs",
            &c.rec,
            bits(&minor),
            bits(&floats(&c.rec, "minor_locs")),
        );
        t.check(
            "drawn",
            &c.rec,
            bits(&visible_ticks(&major, a, b, AxisScale::Log10)),
            bits(&floats(&c.rec, "drawn")),
        );
        t.check(
            "minor_drawn",
            &c.rec,
            bits(&visible_ticks(&minor, a, b, AxisScale::Log10)),
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
    }
    t.finish("log", all.len());
}
