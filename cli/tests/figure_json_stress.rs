//! A deterministic stress test of `figbuf render` (issue 18, standing in for a figure.json
//! fuzz target: the parser lives in the CLI, which a cargo-fuzz target cannot link). Every
//! reference figure.json is mutated with a seeded RNG (a value replaced by an extreme or
//! wrongly typed one, a key removed, an array element repeated), and each mutant must render
//! or fail cleanly: exit 0, 1 or 2; on failure an `error:` message; never a panic, signal or
//! a run over 20 s. `FIGBUF_STRESS_N` sets the number of mutants (default 240).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_figbuf");

/// splitmix64: a small seeded generator (no dependency).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The number of nodes of `v` (itself included).
fn count(v: &Value) -> usize {
    1 + match v {
        Value::Array(a) => a.iter().map(count).sum(),
        Value::Object(o) => o.values().map(count).sum(),
        _ => 0,
    }
}

/// The node number `k` of `v` in pre-order (0 is `v` itself).
fn node_mut(v: &mut Value, k: usize) -> Option<&mut Value> {
    if k == 0 {
        return Some(v);
    }
    let mut k = k - 1;
    let children: Vec<&mut Value> = match v {
        Value::Array(a) => a.iter_mut().collect(),
        Value::Object(o) => o.values_mut().collect(),
        _ => return None,
    };
    for c in children {
        let n = count(c);
        if k < n {
            return node_mut(c, k);
        }
        k -= n;
    }
    None
}

fn replacement(rng: &mut Rng) -> Value {
    let pick = [
        serde_json::json!(1e308),
        serde_json::json!(-1e308),
        serde_json::json!(5e-324),
        serde_json::json!(0),
        serde_json::json!(-1),
        serde_json::json!(1e7),
        serde_json::json!(1e20),
        serde_json::json!(9999),
        serde_json::json!(4611686018427387904u64),
        serde_json::json!("nan"),
        serde_json::json!("inf"),
        serde_json::json!(""),
        serde_json::json!("x".repeat(3000)),
        serde_json::json!(null),
        serde_json::json!(true),
        serde_json::json!([]),
        serde_json::json!({}),
        serde_json::json!([[1, 2], [3]]),
        serde_json::json!("$\\frac{"),
    ];
    pick[rng.below(pick.len())].clone()
}

fn mutate(v: &mut Value, rng: &mut Rng) {
    for _ in 0..1 + rng.below(3) {
        let k = rng.below(count(v));
        let Some(node) = node_mut(v, k) else { continue };
        match rng.below(4) {
            0 => {
                if let Value::Object(o) = node {
                    let keys: Vec<String> = o.keys().cloned().collect();
                    if !keys.is_empty() {
                        let key = keys[rng.below(keys.len())].clone();
                        o.remove(&key);
                        continue;
                    }
                }
                *node = replacement(rng);
            }
            1 => {
                if let Value::Array(a) = node {
                    if let Some(first) = a.first().cloned() {
                        a.push(first);
                        continue;
                    }
                }
                *node = replacement(rng);
            }
            _ => *node = replacement(rng),
        }
    }
}

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/reference");
    let mut out = Vec::new();
    for set in ["plots", "plots_extra", "plots_round2"] {
        let Ok(dir) = std::fs::read_dir(root.join(set)) else {
            continue;
        };
        for e in dir.flatten() {
            if e.path().join("figure.json").is_file() {
                out.push(e.path());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn mutated_figure_json_renders_or_fails_cleanly() {
    let n: usize = std::env::var("FIGBUF_STRESS_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(240);
    let cases = cases();
    assert!(!cases.is_empty(), "no figure.json cases found");
    let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join("figure-json-stress");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).expect("work dir");
    let mut rng = Rng(0x5EED_0018);
    let (mut ok, mut usage, mut runtime) = (0, 0, 0);
    for i in 0..n {
        let case = &cases[rng.below(cases.len())];
        let dir = work.join(format!("{i}"));
        std::fs::create_dir_all(&dir).expect("case dir");
        for e in std::fs::read_dir(case).expect("case").flatten() {
            if e.path().extension().is_some_and(|x| x == "npy") {
                std::fs::copy(e.path(), dir.join(e.file_name())).expect("copy data");
            }
        }
        let text = std::fs::read_to_string(case.join("figure.json")).expect("figure.json");
        let mut v: Value = serde_json::from_str(&text).expect("valid json");
        mutate(&mut v, &mut rng);
        let fig = dir.join("figure.json");
        std::fs::write(&fig, serde_json::to_string(&v).expect("json")).expect("write");
        let mut child = Command::new(BIN)
            .arg("render")
            .arg(&fig)
            .arg("-o")
            .arg(dir.join("out.png"))
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let start = Instant::now();
        let status = loop {
            if let Some(s) = child.try_wait().expect("wait") {
                break s;
            }
            if start.elapsed() > Duration::from_secs(20) {
                let _ = child.kill();
                panic!(
                    "mutant {i} of {} ran over 20 s: {}",
                    case.display(),
                    fig.display()
                );
            }
            std::thread::sleep(Duration::from_millis(2));
        };
        let mut err = String::new();
        if let Some(mut e) = child.stderr.take() {
            use std::io::Read;
            let _ = e.read_to_string(&mut err);
        }
        let code = status.code();
        assert!(
            matches!(code, Some(0..=2)) && !err.contains("panicked"),
            "mutant {i} of {} ({}): {status:?}\n{err}",
            case.display(),
            fig.display()
        );
        match code {
            Some(0) => ok += 1,
            Some(c) => {
                assert!(err.starts_with("error: "), "mutant {i}: {err}");
                if c == 2 {
                    usage += 1
                } else {
                    runtime += 1
                }
            }
            None => unreachable!(),
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    eprintln!("{n} mutants: {ok} rendered, {usage} usage errors, {runtime} runtime errors");
}

/// Markers, lines, arrows, dash patterns and bin counts of absurd sizes finish (matplotlib itself never finishes a scatter
/// marker of `s=1e308`: Agg flattens its arcs into up to 2^32 segments; figbuf stops at
/// 2^20, which changes nothing below about 10^11 px, see raster/curves.rs).
#[test]
fn huge_markers_and_widths_finish() {
    let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join("huge-markers");
    std::fs::create_dir_all(&work).expect("work dir");
    for (i, json) in [
        r#"{"axes": [[{"method": "scatter", "args": [[1, 2], [1, 2]], "kwargs": {"s": 1e308}}]]}"#,
        r#"{"axes": [[{"method": "plot", "args": [[1, 2], [1, 2], "o-"], "kwargs": {"ms": 1e150, "lw": 1e100}}]]}"#,
        // Issue 18 re-check (stress mutant 6243): an arrow to a NaN point bisected forever.
        r#"{"axes": [[{"method": "plot", "args": [[0, 4], [0, 4]]}, {"method": "annotate", "args": ["a"], "kwargs": {"xy": [1, null], "xytext": [2, 2], "arrowprops": {"arrowstyle": "-|>"}}}]]}"#,
        // A line dashed far finer than a pixel: refused at MAX_DASH_ENDS (exit 1).
        r#"{"axes": [[{"method": "plot", "args": [[0, 1], [0, 1]], "kwargs": {"linestyle": [0, [1e-9, 1e-9]]}}]]}"#,
        // 10^8 histogram bins: refused at once (exit 1).
        r#"{"axes": [[{"method": "hist", "args": [[1, 2, 3]], "kwargs": {"bins": 100000000}}]]}"#,
    ]
    .iter()
    .enumerate()
    {
        let fig = work.join(format!("{i}.json"));
        std::fs::write(&fig, json).expect("write");
        let mut child = Command::new(BIN)
            .arg("render")
            .arg(&fig)
            .arg("-o")
            .arg(work.join(format!("{i}.png")))
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let start = Instant::now();
        let status = loop {
            if let Some(s) = child.try_wait().expect("wait") {
                break s;
            }
            if start.elapsed() > Duration::from_secs(60) {
                let _ = child.kill();
                panic!("{json} ran over 60 s");
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        assert!(matches!(status.code(), Some(0 | 1)), "{json}: {status:?}");
    }
}
