//! Bad text through the CLI: very long mathtext, unbalanced braces and `$`, unknown
//! commands, bidi overrides and joiners, invalid UTF-8 in a figure.json label. Each is
//! drawn (exit 0) or refused with an `error:` naming the problem (exit 1): never a panic,
//! and in bounded time.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("text-bad-input");
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir.join(name)
}

/// Renders the figure.json bytes; returns the output, whether a PNG was written, and
/// the time taken.
fn render(name: &str, json: &[u8]) -> (Output, bool, Duration) {
    let fig = scratch(&format!("{name}.json"));
    let png = scratch(&format!("{name}.png"));
    let _ = std::fs::remove_file(&png);
    std::fs::write(&fig, json).expect("write figure.json");
    let t = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_figbuf"))
        .arg("render")
        .arg(&fig)
        .arg("-o")
        .arg(&png)
        .output()
        .expect("run figbuf");
    (out, png.is_file(), t.elapsed())
}

/// A one-Axes figure whose title is `title` (a JSON string literal, quotes included).
fn titled(title: &str) -> Vec<u8> {
    format!(r#"{{"axes": [[{{"method": "plot", "args": [[0, 1], [0, 1]]}}, {{"method": "set_title", "args": [{title}]}}]]}}"#)
        .into_bytes()
}

/// Exit 0 with a PNG, or exit 1 with an `error:` line and no PNG; never a panic (101) or
/// a signal; under `limit`.
fn drawn_or_refused(name: &str, json: &[u8], limit: Duration) -> (bool, String) {
    let (out, wrote, took) = render(name, json);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(took < limit, "{name}: took {took:?}");
    match out.status.code() {
        Some(0) => {
            assert!(wrote, "{name}: exit 0 without a PNG");
            (true, stderr)
        }
        Some(1) => {
            assert!(!wrote, "{name}: refused but wrote a PNG");
            assert!(stderr.starts_with("error:"), "{name}: {stderr}");
            (false, stderr)
        }
        other => panic!("{name}: exit {other:?}: {stderr}"),
    }
}

#[test]
fn ten_thousand_characters_of_mathtext_draw_in_bounded_time() {
    for (name, unit) in [
        ("long_sum", r"x_{i}^{2}+"),
        ("long_frac", r"\frac{a}{b}"),
        ("long_sqrt", r"\sqrt{x}"),
        ("long_greek", r"\alpha\beta "),
    ] {
        let body = unit.repeat(10_000 / unit.len());
        let title = serde_json::to_string(&format!("${body}$")).expect("json string");
        let (drawn, err) = drawn_or_refused(name, &titled(&title), Duration::from_secs(30));
        assert!(drawn, "{name}: {err}");
    }
    // 10,000 nested groups: refused (matplotlib's parser recurses too deep) or drawn.
    let nested = format!("${}x{}$", "{".repeat(5000), "}".repeat(5000));
    let title = serde_json::to_string(&nested).expect("json string");
    drawn_or_refused("nested", &titled(&title), Duration::from_secs(30));
}

#[test]
fn unbalanced_braces_and_unknown_commands_are_errors_naming_the_text() {
    for (name, text) in [
        ("open_brace", r"$x^{2$"),
        ("close_brace", r"$a}$"),
        ("unknown", r"$\notacommand x$"),
        ("frac_args", r"$\frac{1}$"),
    ] {
        let title = serde_json::to_string(text).expect("json string");
        let (drawn, err) = drawn_or_refused(name, &titled(&title), Duration::from_secs(10));
        assert!(!drawn, "{name}: drawn, matplotlib refuses it");
        assert!(
            err.contains(text),
            "{name}: the error does not name the text: {err}"
        );
    }
    // One unbalanced `$` is plain text in matplotlib: drawn.
    let (drawn, err) = drawn_or_refused(
        "one_dollar",
        &titled(r#""costs $5""#),
        Duration::from_secs(10),
    );
    assert!(drawn, "{err}");
}

#[test]
fn bidi_overrides_and_joiners_are_drawn() {
    for (name, text) in [
        ("rlo", "a\u{202e}abc 123\u{202c} z"),
        ("zwj", "\u{5e9}\u{200d}\u{5dc} x\u{200c}y"),
        ("isolates", "\u{2067}\u{5e9}\u{2069} \u{2066}abc\u{2069}"),
        ("only_controls", "\u{202e}\u{200d}\u{200f}\u{2069}"),
        ("unpaired_pdf", "\u{202c}\u{202c}abc\u{2069}"),
        ("deep_embedding", &"\u{202b}".repeat(200)),
    ] {
        let title = serde_json::to_string(text).expect("json string");
        let (drawn, err) = drawn_or_refused(name, &titled(&title), Duration::from_secs(10));
        assert!(drawn, "{name}: {err}");
    }
}

#[test]
fn invalid_utf8_in_a_label_is_an_error() {
    for (name, bytes) in [
        ("lone_continuation", &b"\"a\x80b\""[..]),
        ("truncated", &b"\"\xe6\xbc\""[..]),
        ("overlong", &b"\"\xc0\xaf\""[..]),
        ("surrogate", &b"\"\xed\xa0\x80\""[..]),
    ] {
        let mut json = br#"{"axes": [[{"method": "set_title", "args": ["#.to_vec();
        json.extend_from_slice(bytes);
        json.extend_from_slice(b"]}]]}");
        let (drawn, err) = drawn_or_refused(name, &json, Duration::from_secs(10));
        assert!(!drawn, "{name}: invalid UTF-8 drawn");
        assert!(
            err.to_lowercase().contains("utf-8")
                || err.contains("figure.json")
                || err.contains(".json"),
            "{name}: the error does not say what is wrong: {err}"
        );
    }
    // An escaped lone surrogate is not a character either.
    let (drawn, err) = drawn_or_refused(
        "escaped_surrogate",
        &titled(r#""a\ud800b""#),
        Duration::from_secs(10),
    );
    assert!(!drawn, "escaped surrogate drawn");
    assert!(err.starts_with("error:"), "{err}");
}
