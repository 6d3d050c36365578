//! The path pipeline (`DrawOp::Path`, `DrawOp::Markers`) against matplotlib's RendererAgg
//! driven directly: tests/fixtures/paths/gen_paths.py drew every case with matplotlib
//! 3.11.2 and saved its inputs (device coordinates) in cases.json. Each case is drawn here
//! with the crate's draw ops and compared byte for byte.

//!
//! A unit-test module (the raster and the draw list are private stages), sharing the
//! integration tests' PNG and failure-image helpers.

#[path = "../../tests/common/mod.rs"]
mod common;

use common::{decode_png, write_failure, Rgba};

use crate::raster::rasterize;
use crate::scene::{
    CapStyle, ClipBox, Dashes, DrawList, DrawOp, JoinStyle, Path, PathCode, Snap, Stroke,
};
use serde_json::Value;
use std::path::PathBuf;

/// Cases not yet byte-exact: (name, differing pixels allowed, largest channel difference
/// allowed). Budgets only tighten.
const BUDGETS: &[(&str, usize, u8)] = &[];

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/paths")
}

fn f(v: &Value) -> f64 {
    v.as_f64().unwrap_or(f64::NAN)
}

fn color(v: &Value) -> Option<[u8; 4]> {
    let a = v.as_array()?;
    Some([0, 1, 2, 3].map(|i| a[i].as_u64().expect("colour channel") as u8))
}

/// gen_paths.py's `lcg_line`: the same integer and float operations.
fn lcg_line(n: u64, amp: f64, height: f64) -> Vec<(f64, f64)> {
    let step = 194.0 / n as f64;
    let mut state: u64 = 12345;
    (0..n)
        .map(|i| {
            state = (state * 1103515245 + 12345) % 2147483648;
            let y = 75.0 + (state as f64 / 2147483648.0) * amp - amp / 2.0;
            (3.0 + i as f64 * step, height - y)
        })
        .collect()
}

fn path(v: &Value) -> Path {
    if let Some(g) = v.get("lcg") {
        let n = g["n"].as_u64().expect("n");
        return Path::polyline(lcg_line(n, f(&g["amp"]), 150.0));
    }
    let vertices = v["vertices"]
        .as_array()
        .expect("vertices")
        .iter()
        .map(|p| (f(&p[0]), f(&p[1])))
        .collect();
    let codes = v["codes"].as_array().map(|c| {
        c.iter()
            .map(|k| PathCode::from_mpl(k.as_u64().expect("code") as u8).expect("known code"))
            .collect()
    });
    Path { vertices, codes }
}

fn stroke(v: &Value) -> Option<Stroke> {
    if v.is_null() {
        return None;
    }
    Some(Stroke {
        width_px: f(&v["width_px"]),
        color: color(&v["color"]).expect("stroke colour"),
        cap: match v["cap"].as_str() {
            Some("butt") => CapStyle::Butt,
            Some("round") => CapStyle::Round,
            _ => CapStyle::Projecting,
        },
        join: match v["join"].as_str() {
            Some("miter") => JoinStyle::Miter,
            Some("round") => JoinStyle::Round,
            _ => JoinStyle::Bevel,
        },
        dashes: (!v["dashes"].is_null()).then(|| Dashes {
            offset_px: f(&v["dashes"]["offset_px"]),
            pattern_px: v["dashes"]["pattern_px"]
                .as_array()
                .expect("pattern")
                .iter()
                .map(f)
                .collect(),
        }),
    })
}

fn clip(v: &Value) -> Option<ClipBox> {
    let a = v.as_array()?;
    Some(ClipBox {
        x0: f(&a[0]),
        y0: f(&a[1]),
        x1: f(&a[2]),
        y1: f(&a[3]),
    })
}

fn snap(v: &Value) -> Snap {
    match v.as_str() {
        Some("on") => Snap::On,
        Some("off") => Snap::Off,
        _ => Snap::Auto,
    }
}

fn op(v: &Value) -> DrawOp {
    match v["kind"].as_str() {
        Some("path") => DrawOp::Path {
            path: path(&v["path"]),
            fill: color(&v["fill"]),
            stroke: stroke(&v["stroke"]),
            clip: clip(&v["clip"]),
            snap: snap(&v["snap"]),
            simplify: v["simplify"].as_bool().expect("simplify"),
            antialiased: v["antialiased"].as_bool().expect("antialiased"),
            hatch: None,
        },
        _ => DrawOp::Markers {
            marker: path(&v["marker"]),
            fill: color(&v["fill"]),
            stroke: stroke(&v["stroke"]),
            positions: v["positions"]
                .as_array()
                .expect("positions")
                .iter()
                .map(|p| (f(&p[0]), f(&p[1])))
                .collect(),
            clip: clip(&v["clip"]),
            snap: snap(&v["snap"]),
        },
    }
}

#[test]
fn paths_match_matplotlib() {
    let text = std::fs::read_to_string(dir().join("cases.json")).expect("cases.json");
    let all: Value = serde_json::from_str(&text).expect("json");
    let only = std::env::var("FIGBUF_PATH_CASE").ok();
    let mut report = Vec::new();
    let mut failures = Vec::new();
    let mut exact = 0;
    let cases = all["cases"].as_array().expect("cases");
    for case in cases {
        let name = case["name"].as_str().expect("name");
        if only.as_deref().is_some_and(|o| !name.contains(o)) {
            continue;
        }
        let list = DrawList {
            width: case["width"].as_u64().expect("width") as usize,
            height: case["height"].as_u64().expect("height") as usize,
            ops: case["ops"]
                .as_array()
                .expect("ops")
                .iter()
                .map(op)
                .collect(),
        };
        let canvas = rasterize(&list);
        let actual = Rgba {
            width: canvas.width,
            height: canvas.height,
            data: canvas.into_data(),
        };
        let expected = decode_png(&dir().join(format!("{name}.png")));
        let mut pixels = 0usize;
        let mut worst = 0u8;
        for (a, e) in actual
            .data
            .chunks_exact(4)
            .zip(expected.data.chunks_exact(4))
        {
            let d = (0..4).map(|k| a[k].abs_diff(e[k])).max().unwrap_or(0);
            if d > 0 {
                pixels += 1;
                worst = worst.max(d);
            }
        }
        let (budget_px, budget_max) = BUDGETS
            .iter()
            .find(|b| b.0 == name)
            .map_or((0, 0), |b| (b.1, b.2));
        if pixels == 0 {
            exact += 1;
        } else {
            report.push(format!("{name}: {pixels} px differ, max {worst}"));
            let dir = write_failure(&format!("paths/{name}"), &actual, &expected);
            if pixels > budget_px || worst > budget_max {
                failures.push(format!(
                    "{name}: {pixels} px, max {worst} ({})",
                    dir.display()
                ));
            }
        }
    }
    eprintln!("{exact}/{} cases byte-exact", cases.len());
    for r in &report {
        eprintln!("{r}");
    }
    assert!(failures.is_empty(), "over budget:\n{}", failures.join("\n"));
}

/// A 10-million-point line (the plot of a long signal): streamed through the converters,
/// simplified, stroked. Run with `--ignored` to time it; memory stays bounded by the
/// canvas (cells fold into a canvas-sized grid), not by the number of points.
#[test]
#[ignore]
fn ten_million_point_line() {
    let n = 10_000_000usize;
    let mut state = 12345u64;
    let vertices: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let noise = (state >> 11) as f64 / (1u64 << 53) as f64 - 0.5;
            let x = 80.0 + 496.0 * i as f64 / n as f64;
            (x, 240.0 + 150.0 * (x / 30.0).sin() + 40.0 * noise)
        })
        .collect();
    let simplify = std::env::var("FIGBUF_NO_SIMPLIFY").is_err();
    let list = DrawList {
        width: 640,
        height: 480,
        ops: vec![DrawOp::Path {
            path: Path::polyline(vertices),
            fill: None,
            stroke: Some(Stroke {
                width_px: 1.5 * 100.0 / 72.0,
                color: [31, 119, 180, 255],
                cap: CapStyle::Projecting,
                join: JoinStyle::Round,
                dashes: None,
            }),
            clip: Some(ClipBox {
                x0: 80.0,
                y0: 427.2,
                x1: 576.0,
                y1: 57.6,
            }),
            snap: Snap::Auto,
            simplify,
            antialiased: true,
            hatch: None,
        }],
    };
    let t = std::time::Instant::now();
    let mut canvas = crate::raster::Canvas::new(640, 480);
    canvas.try_draw(&list).expect("drawn");
    eprintln!("10M points: {:?}", t.elapsed());
}

/// Inputs matplotlib would reject or never produce draw something or nothing, quickly,
/// without panicking: infinite and NaN widths, all-zero and negative dashes, coordinates
/// far outside the canvas, a clip box reaching 1e300 px, markers of a billion pixels.
#[test]
fn absurd_inputs_neither_panic_nor_hang() {
    let stroke = |width_px: f64, pattern: Option<Vec<f64>>| Stroke {
        width_px,
        color: [0, 0, 0, 255],
        cap: CapStyle::Round,
        join: JoinStyle::Round,
        dashes: pattern.map(|pattern_px| Dashes {
            offset_px: 0.0,
            pattern_px,
        }),
    };
    let far = Path::polyline(vec![
        (-1e300, 5.0),
        (10.0, 1e300),
        (1e12, -1e12),
        (5.0, 5.0),
    ]);
    let mut ops = Vec::new();
    for s in [
        stroke(f64::INFINITY, None),
        stroke(f64::NAN, None),
        stroke(2.0, Some(vec![0.0, 0.0])),
        stroke(2.0, Some(vec![-1.0, 2.0])),
        stroke(2.0, Some(vec![f64::NAN, 2.0])),
        stroke(1e6, None),
    ] {
        for fill in [None, Some([10, 20, 30, 128])] {
            ops.push(DrawOp::Path {
                path: far.clone(),
                fill,
                stroke: Some(s.clone()),
                clip: Some(ClipBox {
                    x0: -1e300,
                    y0: 1e300,
                    x1: 1e300,
                    y1: -1e300,
                }),
                snap: Snap::Auto,
                simplify: true,
                antialiased: fill.is_some(),
                hatch: None,
            });
        }
        ops.push(DrawOp::Markers {
            marker: Path::polyline(vec![(-1e9, -1e9), (1e9, -1e9), (0.0, 1e9), (-1e9, -1e9)]),
            fill: Some([200, 0, 0, 255]),
            stroke: Some(s),
            positions: vec![(5.0, 5.0), (f64::NAN, 1.0), (1e300, 1e300)],
            clip: None,
            snap: Snap::Off,
        });
    }
    let t = std::time::Instant::now();
    let canvas = rasterize(&DrawList {
        width: 40,
        height: 30,
        ops,
    });
    assert_eq!(canvas.width, 40);
    assert!(t.elapsed().as_secs() < 20, "took {:?}", t.elapsed());
}
