//! The public surface, kept deliberate: every item a user can name from `src/lib.rs`
//! (its `pub use` re-exports and `pub mod`s) with its public members, compared with the
//! committed list `tests/public-api.txt`. Adding, removing or changing a public item fails
//! here with a diff until the list is updated on purpose:
//!
//! ```sh
//! FIGBUF_BLESS_PUBLIC_API=1 cargo test --release --test public_api
//! ```
//!
//! The list is read off the (rustfmt-formatted) sources, no compiler needed: for each
//! re-exported name, the file that defines it (following `pub use` chains through the
//! modules), the item's kind, and from that file the fields of a struct, the variants of an
//! enum, the `pub fn`/`pub const` of its inherent impls with their signatures, the traits
//! it implements, the types that implement it (for traits) and its `option_setters!`
//! setters, and the inherent and trait impls of it in every other file below `src/`
//! (`impl Figure` in `subplots.rs`, `impl Axes` in `artists/api.rs`). Items under `#[cfg(test)]` are skipped. It reads what rustfmt writes: an item
//! at column 0, members indented by four spaces.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const LIST: &str = "tests/public-api.txt";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The source file of module `module` (a `::` path below `src/`).
fn module_file(module: &str) -> PathBuf {
    let rel = module.replace("::", "/");
    let flat = root().join("src").join(format!("{rel}.rs"));
    if flat.exists() {
        flat
    } else {
        root().join("src").join(rel).join("mod.rs")
    }
}

/// Statements starting at column 0 with `prefix`, joined up to their `;`.
fn statements(src: &str, prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut lines = src.lines();
    while let Some(line) = lines.next() {
        if !line.starts_with(prefix) {
            continue;
        }
        let mut stmt = line.to_string();
        while !stmt.trim_end().ends_with(';') {
            match lines.next() {
                Some(next) => stmt.push_str(next.trim()),
                None => break,
            }
        }
        out.push(stmt);
    }
    out
}

/// `pub use a::{B, C};` / `pub use a::B;` -> [("a", "B"), ("a", "C")].
fn reexports(src: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for stmt in statements(src, "pub use ") {
        let body = stmt["pub use ".len()..]
            .trim_end_matches(';')
            .replace(' ', "");
        let (module, names) = match body.split_once("::{") {
            Some((m, rest)) => (m.to_string(), rest.trim_end_matches('}').to_string()),
            None => {
                let (m, n) = body.rsplit_once("::").expect("a path");
                (m.to_string(), n.to_string())
            }
        };
        for name in names.split(',').filter(|n| !n.is_empty()) {
            out.push((module.clone(), name.to_string()));
        }
    }
    out
}

/// The lines of `src` that are not under a `#[cfg(test)]` attribute (the attribute's item
/// through its closing brace or semicolon at the same indentation).
fn without_test_items(src: &str) -> Vec<String> {
    let lines: Vec<&str> = src.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.trim() == "#[cfg(test)]" {
            let indent = line.len() - line.trim_start().len();
            i += 1;
            // Skip further attributes, then the item.
            while i < lines.len() && lines[i].trim_start().starts_with("#[") {
                i += 1;
            }
            while i < lines.len() {
                let l = lines[i];
                let ind = l.len() - l.trim_start().len();
                let t = l.trim();
                i += 1;
                if ind == indent && (t.ends_with(';') || t == "}" || t.starts_with("}")) {
                    break;
                }
            }
            continue;
        }
        out.push(line.to_string());
        i += 1;
    }
    out
}

const KINDS: [&str; 7] = [
    "struct",
    "enum",
    "trait",
    "fn",
    "unsafe fn",
    "const",
    "type",
];

/// Whether `line` defines `name` as a `kind` (`pub struct Name<`, not `pub struct NameX`).
fn is_definition(line: &str, kind: &str, name: &str) -> bool {
    line.strip_prefix(&format!("pub {kind} {name}"))
        .is_some_and(|rest| rest.starts_with(['<', '(', ' ', ':', ';', '{']) || rest.is_empty())
}

/// The kind of `name` if `lines` define it at column 0.
fn defines(lines: &[String], name: &str) -> Option<&'static str> {
    KINDS
        .into_iter()
        .find(|kind| lines.iter().any(|l| is_definition(l, kind, name)))
}

/// The file (and its lines) that defines `name`, re-exported from `module`.
fn resolve(module: &str, name: &str) -> (String, Vec<String>, &'static str) {
    let src = read(&module_file(module));
    let lines = without_test_items(&src);
    if let Some(kind) = defines(&lines, name) {
        return (module.to_string(), lines, kind);
    }
    let joined = lines.join("\n");
    for (sub, n) in reexports(&joined) {
        if n == name {
            return resolve(&format!("{module}::{sub}"), name);
        }
    }
    panic!("{name}: not defined in {module}");
}

/// A signature from `lines[i]` up to its `{` or `;`, whitespace collapsed.
fn signature(lines: &[String], i: usize) -> String {
    let mut sig = String::new();
    for l in &lines[i..] {
        sig.push(' ');
        sig.push_str(l.trim());
        if l.trim_end().ends_with('{') || l.trim_end().ends_with(';') {
            break;
        }
    }
    let sig = sig
        .trim()
        .trim_end_matches('{')
        .trim_end_matches(';')
        .trim();
    sig.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("( ", "(")
        .replace(", )", ")")
        .replace(",)", ")")
}

/// The type an `impl` header is for, and the trait if any.
fn impl_target(header: &str) -> (Option<String>, String) {
    let mut h = header.trim_start_matches("impl").trim();
    // Skip generic parameters.
    if h.starts_with('<') {
        let mut depth = 0;
        for (k, c) in h.char_indices() {
            match c {
                '<' => depth += 1,
                '>' => {
                    depth -= 1;
                    if depth == 0 {
                        h = h[k + 1..].trim();
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    let h = h.split(" where").next().unwrap_or(h).trim();
    match h.split_once(" for ") {
        Some((tr, ty)) => (Some(tr.trim().to_string()), ty.trim().to_string()),
        None => (None, h.to_string()),
    }
}

fn base_name(ty: &str) -> &str {
    let ty = ty.trim_start_matches('&').trim_start_matches("mut ");
    let ty = ty.split('<').next().unwrap_or(ty);
    ty.rsplit("::").next().unwrap_or(ty).trim()
}

/// The members of `name` (a `kind`) found in `lines`.
fn members(path: &str, name: &str, kind: &str, lines: &[String], out: &mut BTreeSet<String>) {
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        // Fields and variants.
        if (kind == "struct" || kind == "enum")
            && is_definition(line, kind, name)
            && line.trim_end().ends_with('{')
        {
            let mut j = i + 1;
            while j < lines.len() && !lines[j].starts_with('}') {
                let l = &lines[j];
                if kind == "struct" {
                    if let Some(f) = l.strip_prefix("    pub ") {
                        out.insert(format!("field {path}::{name}.{}", f.trim_end_matches(',')));
                    }
                } else if l.starts_with("    ") && !l.starts_with("     ") {
                    let t = l.trim();
                    if t.starts_with(|c: char| c.is_ascii_uppercase()) {
                        let v = t.split([',', '(', ' ', '{']).next().unwrap_or(t);
                        out.insert(format!("variant {path}::{name}::{v}"));
                    }
                }
                j += 1;
            }
        }
        if line.starts_with("impl") {
            let header = signature(lines, i);
            let (tr, ty) = impl_target(&header);
            let ours = base_name(&ty) == name;
            let implements_ours = tr.as_deref().map(base_name) == Some(name);
            if let (Some(tr), true) = (&tr, ours || implements_ours) {
                out.insert(format!("impl {tr} for {ty}"));
            }
            // The body: inherent `pub` members.
            let mut j = i + 1;
            while j < lines.len() && !lines[j].starts_with('}') {
                if ours && tr.is_none() && lines[j].starts_with("    pub ") {
                    out.insert(format!("{path}::{ty}: {}", signature(lines, j)));
                }
                j += 1;
            }
            i = j;
        }
        if line.starts_with(&format!("option_setters!({name} {{")) {
            let mut j = i + 1;
            while j < lines.len() && !lines[j].starts_with("})") {
                let t = lines[j].trim();
                if !t.starts_with("///") {
                    if let Some((setter, rest)) = t.split_once(':') {
                        let arg = rest.split("=>").next().unwrap_or("").trim();
                        out.insert(format!(
                            "{path}::{name}: pub fn {setter}(mut self, v: {arg}) -> Self"
                        ));
                    }
                }
                j += 1;
            }
        }
        i += 1;
    }
}

/// Every `.rs` file below `dir`, sorted.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

fn surface() -> BTreeSet<String> {
    let lib = read(&root().join("src/lib.rs"));
    let lib_lines = without_test_items(&lib);
    let mut out = BTreeSet::new();
    let mut types = Vec::new();
    for (module, name) in reexports(&lib_lines.join("\n")) {
        let (defined_in, lines, kind) = resolve(&module, &name);
        if matches!(kind, "fn" | "unsafe fn" | "const" | "type") {
            let i = lines
                .iter()
                .position(|l| is_definition(l, kind, &name))
                .expect("defined");
            out.insert(format!("figbuf: {}", signature(&lines, i)));
        } else {
            out.insert(format!("{kind} figbuf::{name}"));
            members("figbuf", &name, kind, &lines, &mut out);
            types.push((module_file(&defined_in), name));
        }
    }
    // Inherent impls and trait impls of those types in other files (`impl Figure` in
    // `subplots.rs`, say): their members are public surface too.
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    for file in &files {
        let lines = without_test_items(&read(file));
        for (defined_in, name) in &types {
            if file != defined_in {
                members("figbuf", name, "impl", &lines, &mut out);
            }
        }
    }
    // `pub mod m;` (behind a feature or not): every column-0 `pub` item of the module.
    for (k, line) in lib_lines.iter().enumerate() {
        let Some(m) = line
            .strip_prefix("pub mod ")
            .map(|m| m.trim_end_matches(';'))
        else {
            continue;
        };
        let feature = lib_lines[..k]
            .last()
            .filter(|l| l.starts_with("#[cfg(feature"))
            .map(|l| format!(" ({})", l.trim_start_matches("#[").trim_end_matches(']')))
            .unwrap_or_default();
        out.insert(format!("mod figbuf::{m}{feature}"));
        let lines = without_test_items(&read(&module_file(m)));
        let path = format!("figbuf::{m}");
        for (i, l) in lines.iter().enumerate() {
            for kind in KINDS {
                let Some(rest) = l.strip_prefix(&format!("pub {kind} ")) else {
                    continue;
                };
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if matches!(kind, "fn" | "unsafe fn" | "const" | "type") {
                    out.insert(format!("{path}: {}", signature(&lines, i)));
                } else {
                    out.insert(format!("{kind} {path}::{name}"));
                    members(&path, &name, kind, &lines, &mut out);
                }
            }
        }
        // The module's own `pub use crate::...` re-exports of functions defined elsewhere
        // (`npy::map_image_data` lives in `cpu.rs`, beside the crate's other `unsafe`).
        for (module, name) in reexports(&lines.join("\n")) {
            let Some(module) = module.strip_prefix("crate::") else {
                continue;
            };
            let (_, def, kind) = resolve(module, &name);
            let i = def
                .iter()
                .position(|l| is_definition(l, kind, &name))
                .expect("defined");
            out.insert(format!("{path}: {}", signature(&def, i)));
        }
    }
    out
}

#[test]
fn public_surface_is_the_committed_list() {
    let got: Vec<String> = surface().into_iter().collect();
    let got_text = got.join("\n") + "\n";
    let path = root().join(LIST);
    if std::env::var_os("FIGBUF_BLESS_PUBLIC_API").is_some() {
        std::fs::write(&path, &got_text).expect("write the list");
        return;
    }
    let want_text = std::fs::read_to_string(&path).unwrap_or_default();
    let want: BTreeSet<&str> = want_text.lines().collect();
    let have: BTreeSet<&str> = got.iter().map(String::as_str).collect();
    let added: Vec<&&str> = have.difference(&want).collect();
    let removed: Vec<&&str> = want.difference(&have).collect();
    if !added.is_empty() || !removed.is_empty() {
        let mut diff = String::new();
        for a in &added {
            diff.push_str(&format!("+ {a}\n"));
        }
        for r in &removed {
            diff.push_str(&format!("- {r}\n"));
        }
        panic!(
            "the public surface changed ({} added, {} removed) against {LIST}:\n{diff}\
             If this is deliberate, update the list: FIGBUF_BLESS_PUBLIC_API=1 cargo test \
             --release --test public_api",
            added.len(),
            removed.len()
        );
    }
}

/// The list names the items users rely on most (a check of the scanner itself).
#[test]
fn the_list_covers_the_main_entry_points() {
    let s = surface();
    for needle in [
        "struct figbuf::Figure",
        "struct figbuf::Frame",
        "struct figbuf::Colormap",
        "struct figbuf::Norm",
        "struct figbuf::Color",
        "enum figbuf::Error",
        "struct figbuf::Renderer",
        "trait figbuf::IntoImageData",
        "trait figbuf::AsScalarData",
        "impl std::str::FromStr for Color",
        "impl std::str::FromStr for Norm",
        "impl std::error::Error for Error",
    ] {
        assert!(s.contains(needle), "{needle} missing from the surface");
    }
    assert!(s
        .iter()
        .any(|l| l.starts_with("figbuf: pub fn colormap_rgba8(")));
    assert!(s
        .iter()
        .any(|l| l.starts_with("figbuf::ImshowOptions: pub fn cmap(")));
    assert!(s
        .iter()
        .any(|l| l.starts_with("figbuf::Frame: pub fn write_png(")));
    assert!(!s
        .iter()
        .any(|l| l.contains("GlyphCache") || l.contains("DrawOp")));
}
