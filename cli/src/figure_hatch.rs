//! figure.json's `hatch` keyword: one pattern string, or a list of them (cycled).

use crate::figure_json::{err, R};
use serde_json::Value;

/// A hatch string or a list of hatch strings (`null` items are no hatch).
pub(crate) fn patterns(v: &Value, call: &str) -> R<Vec<String>> {
    match v {
        Value::String(s) => Ok(vec![s.clone()]),
        Value::Null => Ok(vec![String::new()]),
        Value::Array(items) => items
            .iter()
            .map(|i| match i {
                Value::String(s) => Ok(s.clone()),
                Value::Null => Ok(String::new()),
                _ => err(format!("'{call}' keyword 'hatch': {i} is not a string")),
            })
            .collect(),
        _ => err(format!(
            "'{call}' keyword 'hatch' must be a string or a list of strings, got {v}"
        )),
    }
}
