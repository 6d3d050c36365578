//! Shared Axes through the library API: every case of tests/reference/shared_api (made
//! by its gen_shared_api.py with matplotlib 3.11.2) runs its steps, calls interleaved
//! between the Axes of a `sharex=` / `sharey=` group, on `fig[ax]` with no sync call, and
//! must give matplotlib's canvas byte for byte.

mod common;

use figbuf::{AxisScale, Figure, PieOptions, Share, SpanOptions, SubplotsOptions};
use ndarray::Array2;
use serde_json::Value;

fn f64s(v: &Value) -> Vec<f64> {
    let a = v.as_array().expect("a list of numbers");
    a.iter().map(|x| x.as_f64().expect("a number")).collect()
}

fn strings(v: &Value) -> Vec<String> {
    let a = v.as_array().expect("a list of strings");
    a.iter()
        .map(|x| x.as_str().expect("a string").to_string())
        .collect()
}

fn share(v: Option<&Value>) -> Share {
    match v {
        Some(Value::Bool(true)) => Share::All,
        Some(Value::String(s)) => s.parse().expect("a share keyword"),
        _ => Share::None,
    }
}

fn scale(v: &Value) -> AxisScale {
    match v.as_str() {
        Some("log") => AxisScale::LOG10,
        Some("symlog") => AxisScale::SymLog {
            base: 10.0,
            linthresh: 2.0,
            linscale: 1.0,
        },
        _ => AxisScale::Linear,
    }
}

/// Builds the case's figure by running its steps through the library API.
fn build(spec: &Value) -> Figure {
    let size = f64s(&spec["figure"]["figsize"]);
    let dpi = spec["figure"]["dpi"].as_f64().expect("dpi");
    let mut fig = Figure::new(size[0], size[1], dpi);
    let sp = &spec["subplots"];
    let opts = SubplotsOptions::default()
        .sharex(share(sp.get("sharex")))
        .sharey(share(sp.get("sharey")));
    let n = |k: &str| sp[k].as_u64().expect("rows / cols") as usize;
    let axs = fig
        .subplots(n("nrows"), n("ncols"), opts)
        .expect("subplots");
    for step in spec["steps"].as_array().expect("steps") {
        let ax = axs[step[0].as_u64().expect("an Axes index") as usize];
        let call = &step[1];
        let args = call["args"].as_array().expect("args");
        let opt = |i: usize| args.get(i).and_then(|v| v.as_f64());
        let method = call["method"].as_str().expect("method");
        match method {
            "plot" => {
                fig[ax].plot(f64s(&args[0]), f64s(&args[1])).expect("plot");
            }
            "set_xscale" => {
                fig[ax].set_xscale(scale(&args[0]));
            }
            "set_yscale" => {
                fig[ax].set_yscale(scale(&args[0]));
            }
            "set_xlim" => {
                fig[ax].set_xlim(opt(0), opt(1)).expect("set_xlim");
            }
            "set_ylim" => {
                fig[ax].set_ylim(opt(0), opt(1)).expect("set_ylim");
            }
            "margins" => {
                // margins(m) sets both; margins(x, y) each (None keeps it).
                let y = if args.len() == 1 { opt(0) } else { opt(1) };
                fig[ax].margins(opt(0), y).expect("margins");
            }
            "invert_xaxis" => {
                fig[ax].invert_xaxis();
            }
            "invert_yaxis" => {
                fig[ax].invert_yaxis();
            }
            "set_xticks" => {
                let labels = args.get(1).map(strings);
                fig[ax]
                    .set_xticks(f64s(&args[0]), labels)
                    .expect("set_xticks");
            }
            "bar" => {
                let x = fig[ax].x_categories(&strings(&args[0]));
                fig[ax].bar(&x, &f64s(&args[1])).expect("bar");
            }
            "imshow" => {
                let rows = args[0]["array"].as_array().expect("rows");
                let cols = rows[0].as_array().expect("a row").len();
                let flat: Vec<f64> = rows.iter().flat_map(f64s).collect();
                let data = Array2::from_shape_vec((rows.len(), cols), flat).expect("shape");
                fig[ax].imshow(data).expect("imshow");
            }
            "axhline" => {
                fig[ax]
                    .axhline(opt(0).expect("y"), SpanOptions::default())
                    .expect("axhline");
            }
            "pie" => {
                fig[ax]
                    .pie_with(&f64s(&args[0]), PieOptions::default())
                    .expect("pie");
            }
            other => panic!("no step {other:?} in this test"),
        }
    }
    fig
}

#[test]
fn shared_axes_match_matplotlib_in_any_call_order() {
    let dir = common::workspace_dir().join("tests/reference/shared_api");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("shared_api")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("steps.json").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 26, "{} cases", names.len());
    let mut failed = Vec::new();
    for name in &names {
        let case = dir.join(name);
        let text = std::fs::read_to_string(case.join("steps.json")).expect("steps.json");
        let spec: Value = serde_json::from_str(&text).expect("json");
        let frame = match build(&spec).render() {
            Ok(f) => f,
            Err(e) => {
                println!("{name}: {e}");
                failed.push(name.clone());
                continue;
            }
        };
        let actual = common::Rgba {
            width: frame.width(),
            height: frame.height(),
            data: frame.as_rgba8().to_vec(),
        };
        let expected = common::decode_png(&case.join("ref.png"));
        let same = (actual.width, actual.height) == (expected.width, expected.height)
            && actual.data == expected.data;
        if same {
            println!("{name}: exact");
        } else {
            let (rms, bad) = if (actual.width, actual.height) == (expected.width, expected.height) {
                common::metrics(&actual, &expected)
            } else {
                (f64::INFINITY, 100.0)
            };
            let out = common::write_failure(&format!("shared_api_{name}"), &actual, &expected);
            println!("{name}: rms {rms:.4}, bad {bad:.3}% ({})", out.display());
            failed.push(name.clone());
        }
    }
    assert!(failed.is_empty(), "not exact: {failed:?}");
}
