//! Bit-exact comparison against matplotlib 3.11.2, using the fixtures written by
//! `tests/fixtures/resample/gen.py` (see that script for how each case was drawn).

use std::path::PathBuf;

use serde_json::Value;

use super::*;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/resample")
}

/// gen.py's input generator: top byte of a 64-bit LCG (Knuth's MMIX constants).
fn lcg_bytes(seed: u64, n: usize) -> Vec<u8> {
    let mut s = seed;
    (0..n)
        .map(|_| {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (s >> 56) as u8
        })
        .collect()
}

fn f(v: &Value) -> f64 {
    f64::from_bits(v.as_u64().unwrap())
}

fn fs<const K: usize>(v: &Value) -> [f64; K] {
    let a = v.as_array().unwrap();
    std::array::from_fn(|i| f(&a[i]))
}

fn u(v: &Value) -> usize {
    v.as_u64().unwrap() as usize
}

fn shape(case: &Value) -> (usize, usize) {
    (u(&case["shape"][0]), u(&case["shape"][1]))
}

fn matrix(v: &Value) -> Affine {
    let [sx, shy, shx, sy, tx, ty] = fs::<6>(v);
    Affine {
        sx,
        shy,
        shx,
        sy,
        tx,
        ty,
    }
}

fn read_png(name: &str) -> (png::ColorType, png::BitDepth, Vec<u8>) {
    let bytes = std::fs::read(dir().join(name)).unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    (info.color_type, info.bit_depth, buf)
}

fn read_f64s(name: &str) -> Vec<f64> {
    std::fs::read(dir().join(name))
        .unwrap()
        .chunks_exact(8)
        .map(|c| f64::from_le_bytes(c.try_into().unwrap()))
        .collect()
}

fn cases() -> Value {
    let text = std::fs::read_to_string(dir().join("cases.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Placement from a recorded figure/layout case, compared with what matplotlib computed.
fn placement_of(case: &Value) -> (Option<Placement>, bool) {
    let (rows, cols) = shape(case);
    let origin: Origin = case["origin"].as_str().unwrap().parse().unwrap();
    let vx = fs::<2>(&case["view_x"]);
    let vy = fs::<2>(&case["view_y"]);
    let p = place(
        fs::<4>(&case["extent_bits"]),
        origin,
        rows,
        cols,
        (vx[0], vx[1]),
        (vy[0], vy[1]),
        fs::<4>(&case["axes_box"]),
    );
    let expected = &case["placement"];
    let ok = match (&p, expected.is_null()) {
        (None, true) => true,
        (Some(p), false) => {
            let t = matrix(&expected["matrix"]);
            let bits = |a: &Affine| [a.sx, a.shy, a.shx, a.sy, a.tx, a.ty].map(f64::to_bits);
            let same = p.x0 == expected["x0"].as_i64().unwrap()
                && p.y0 == expected["y0"].as_i64().unwrap()
                && p.width == u(&expected["width"])
                && p.height == u(&expected["height"])
                && bits(&p.transform) == bits(&t);
            if !same {
                eprintln!(
                    "{}: placement {:?} vs matplotlib {} {:?}",
                    case["name"], p, expected, t
                );
            }
            same
        }
        _ => {
            eprintln!("{}: visibility differs: {:?}", case["name"], p);
            false
        }
    };
    (p, ok)
}

#[test]
fn layouts_match_matplotlib() {
    // gen.py layout_cases: 300 random figures/axes/extents/limits/origins.
    let all = cases();
    let layouts = all["layouts"].as_array().unwrap();
    let mut good = 0;
    let mut interp_good = 0;
    for case in layouts {
        let (p, ok) = placement_of(case);
        good += usize::from(ok);
        match p {
            Some(p) => {
                let want: Interpolation = case["interpolation_resolved"]
                    .as_str()
                    .unwrap()
                    .parse()
                    .unwrap();
                let (got, _) = resolve(Interpolation::Auto, None, &p, true);
                interp_good += usize::from(got == want);
            }
            None => interp_good += 1,
        }
    }
    eprintln!(
        "layouts: placement exact {good}/{}, auto interpolation {interp_good}/{}",
        layouts.len(),
        layouts.len()
    );
    assert_eq!(good, layouts.len());
    assert_eq!(interp_good, layouts.len());
}

fn input_rgba(case: &Value) -> Vec<[f64; 4]> {
    let (rows, cols) = shape(case);
    let seed = case["seed"].as_u64().unwrap();
    match case["kind"].as_str().unwrap() {
        "gray" => lcg_bytes(seed, rows * cols)
            .into_iter()
            .map(|b| {
                let v = f64::from(b) / 255.0;
                [v, v, v, 1.0]
            })
            .collect(),
        _ => {
            let opaque = case["opaque"].as_bool().unwrap_or(false);
            lcg_bytes(seed, rows * cols * 4)
                .chunks_exact(4)
                .map(|c| {
                    let v = c.iter().map(|&b| f64::from(b) / 255.0).collect::<Vec<_>>();
                    [v[0], v[1], v[2], if opaque { 1.0 } else { v[3] }]
                })
                .collect()
        }
    }
}

fn count_f64(got: &[f64], want: &[f64]) -> usize {
    if got.len() != want.len() {
        return 0;
    }
    got.iter()
        .zip(want)
        .filter(|(a, b)| a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()))
        .count()
}

#[test]
fn figures_match_matplotlib() {
    // gen.py FIGURE_CASES: imshow in a real figure; expected blocks read back from Agg.
    let all = cases();
    let mut failures = Vec::new();
    for case in all["figures"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let (p, ok) = placement_of(case);
        let Some(p) = p else {
            failures.push(format!("{name}: not placed"));
            continue;
        };
        if !ok {
            failures.push(format!("{name}: placement differs"));
        }
        let kind = case["kind"].as_str().unwrap();
        let scalar = matches!(kind, "index" | "scalar" | "masked");
        let interp: Interpolation = case["interpolation"].as_str().unwrap().parse().unwrap();
        let stage = case["stage"].as_str().map(|s| s.parse::<Stage>().unwrap());
        let (interp, stage) = resolve(interp, stage, &p, scalar);
        let want_stage: Stage = case["stage_resolved"].as_str().unwrap().parse().unwrap();
        if stage != want_stage {
            failures.push(format!("{name}: stage {stage:?} vs {want_stage:?}"));
            continue;
        }
        let expected = case["expected"].as_str().unwrap();
        let (good, total) = match kind {
            "index" => {
                let (rows, cols) = shape(case);
                let src: Vec<f64> = (0..rows * cols).map(|i| i as f64).collect();
                let got = resample_scalar(&src, &p, interp, DEFAULT_FILTERRAD).unwrap();
                let (_, depth, buf) = read_png(expected);
                assert_eq!(depth, png::BitDepth::Sixteen);
                let want: Vec<f64> = buf
                    .chunks_exact(2)
                    .map(|c| f64::from(u16::from_be_bytes([c[0], c[1]])))
                    .collect();
                (count_f64(&got, &want), want.len())
            }
            "scalar" | "masked" => {
                let (rows, cols) = shape(case);
                let seed = case["seed"].as_u64().unwrap();
                let src: Vec<f64> = lcg_bytes(seed, rows * cols)
                    .into_iter()
                    .map(|b| f64::from(b) / 255.0)
                    .collect();
                let got = resample_scalar(&src, &p, interp, DEFAULT_FILTERRAD).unwrap();
                let want = read_f64s(expected);
                let mut good = count_f64(&got, &want);
                let mut total = want.len();
                if let Some(mask_file) = case["expected_mask"].as_str() {
                    let masked: Vec<bool> = lcg_bytes(seed + 1, rows * cols)
                        .iter()
                        .map(|&b| b < 20)
                        .collect();
                    let got = resample_mask(&masked, &p, interp, DEFAULT_FILTERRAD).unwrap();
                    let want = std::fs::read(dir().join(mask_file)).unwrap();
                    total += want.len();
                    good += got
                        .iter()
                        .zip(&want)
                        .filter(|(g, w)| **g == (**w != 0))
                        .count();
                }
                (good, total)
            }
            _ => {
                let got = if kind == "u8rgba" {
                    // uint8 RGBA: divided by 255 into float32, resampled as Agg rgba32.
                    let (rows, cols) = shape(case);
                    let opaque = case["opaque"].as_bool().unwrap_or(false);
                    let bytes: Vec<[u8; 4]> =
                        lcg_bytes(case["seed"].as_u64().unwrap(), rows * cols * 4)
                            .chunks_exact(4)
                            .map(|c| [c[0], c[1], c[2], if opaque { 255 } else { c[3] }])
                            .collect();
                    let mut src = rgba_u8_to_f32(&bytes);
                    premultiply_f32(&mut src);
                    let r = resample_rgba_f32(&src, &p, interp, DEFAULT_FILTERRAD).unwrap();
                    rgba_f32_to_bytes(&r)
                } else {
                    let mut src = input_rgba(case);
                    premultiply(&mut src);
                    rgba_to_bytes(&resample_rgba(&src, &p, interp, DEFAULT_FILTERRAD).unwrap())
                };
                let (color, _, buf) = read_png(expected);
                let want: Vec<[u8; 4]> = match color {
                    png::ColorType::Grayscale => buf.iter().map(|&g| [g, g, g, 255]).collect(),
                    _ => buf
                        .chunks_exact(4)
                        .map(|c| [c[0], c[1], c[2], c[3]])
                        .collect(),
                };
                // Show the first few differing pixels, to help diagnose a regression.
                let diffs = got
                    .iter()
                    .zip(&want)
                    .enumerate()
                    .filter(|(_, (a, b))| a != b);
                for (i, (a, b)) in diffs.take(5) {
                    eprintln!("{name}: pixel {i}: got {a:?} want {b:?}");
                }
                let good = if got.len() == want.len() {
                    got.iter().zip(&want).filter(|(a, b)| a == b).count()
                } else {
                    0
                };
                (good, want.len())
            }
        };
        eprintln!(
            "{name}: {} {:?} stage {:?}, {}x{} px: exact {good}/{total}",
            kind, interp, stage, p.width, p.height
        );
        if good != total {
            failures.push(format!("{name}: {good}/{total} exact"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn kernels_match_matplotlib() {
    // gen.py KERNEL_CASES: _image.resample(float64 data, out, Affine2D().scale().translate(),
    // KERNEL, resample=True, alpha=1, norm=True, radius=filterrad), up- and downsampling.
    let all = cases();
    let mut failures = Vec::new();
    for case in all["kernels"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let (rows, cols) = shape(case);
        let placement = Placement {
            x0: 0,
            y0: 0,
            width: u(&case["out_shape"][1]),
            height: u(&case["out_shape"][0]),
            transform: matrix(&case["matrix"]),
            origin: Origin::Lower,
            rows,
            cols,
        };
        let interp: Interpolation = case["interpolation"].as_str().unwrap().parse().unwrap();
        let filterrad = case["filterrad"].as_f64().unwrap_or(DEFAULT_FILTERRAD);
        let bytes = lcg_bytes(case["seed"].as_u64().unwrap(), rows * cols);
        let expected = case["expected"].as_str().unwrap();
        let (good, want) = if case["dtype"].as_str() == Some("f32") {
            // byte / 255 in float64, then float32, as gen.py builds it.
            let src: Vec<f32> = bytes
                .iter()
                .map(|&b| (f64::from(b) / 255.0) as f32)
                .collect();
            let got = resample_scalar_f32(&src, &placement, interp, filterrad).unwrap();
            let want: Vec<f32> = std::fs::read(dir().join(expected))
                .unwrap()
                .chunks_exact(4)
                .map(|c| f32::from_le_bytes(c.try_into().unwrap()))
                .collect();
            let good = got
                .iter()
                .zip(&want)
                .filter(|(a, b)| a.to_bits() == b.to_bits())
                .count();
            (good * usize::from(got.len() == want.len()), want.len())
        } else {
            let src: Vec<f64> = bytes.iter().map(|&b| f64::from(b) / 255.0).collect();
            let got = resample_scalar(&src, &placement, interp, filterrad).unwrap();
            let want = read_f64s(expected);
            (count_f64(&got, &want), want.len())
        };
        let want = vec![(); want];
        eprintln!("{name}: exact {good}/{}", want.len());
        if good != want.len() {
            failures.push(format!("{name}: {good}/{}", want.len()));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
