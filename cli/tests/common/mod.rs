//! Helpers shared by the CLI's integration tests (each test file that uses them declares
//! `mod common;`; a file may use only some of them).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// A version-1.0 `.npy` file with the given header dictionary and data, padded as numpy
/// pads it (header ends with a newline at a multiple of 64 bytes).
pub fn npy_raw(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut header = dict.as_bytes().to_vec();
    while !(10 + header.len() + 1).is_multiple_of(64) {
        header.push(b' ');
    }
    header.push(b'\n');
    let mut out = b"\x93NUMPY\x01\x00".to_vec();
    out.extend_from_slice(&(header.len() as u16).to_le_bytes());
    out.extend_from_slice(&header);
    out.extend_from_slice(data);
    out
}

/// A fresh, empty directory `name` under the target directory's `group` folder.
pub fn scratch(group: &str, name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(group)
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}
