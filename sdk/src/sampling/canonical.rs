//! Canonical JSON (draw algorithm §3), the form every digest and record is
//! written in, and the first difference between two JSON values, which
//! `verify` reports.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

/// Canonical JSON (§3): no whitespace, object keys sorted by their UTF-8
/// bytes, strings escaped as serde_json does (only `"`, `\` and control
/// characters), integers only.
///
/// # Panics
/// If `value` cannot be represented as JSON (never for this crate's types).
pub fn canonical_json<T: Serialize>(value: &T) -> String {
    let v = serde_json::to_value(value).expect("serialisable");
    let mut out = String::new();
    write_canonical(&v, &mut out);
    out
}

fn write_canonical(v: &Value, out: &mut String) {
    match v {
        Value::Object(m) => {
            let sorted: BTreeMap<&String, &Value> = m.iter().collect();
            out.push('{');
            for (n, (k, v)) in sorted.into_iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                out.push_str(&serde_json::to_string(k).expect("string"));
                out.push(':');
                write_canonical(v, out);
            }
            out.push('}');
        }
        Value::Array(a) => {
            out.push('[');
            for (n, v) in a.iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                write_canonical(v, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// The first place two JSON values differ, in field order of the record's
/// layout for digests and seed first: (path, left, right).
pub(super) fn first_difference(
    a: &Value,
    b: &Value,
    path: String,
) -> Option<(String, String, String)> {
    let show = |v: Option<&Value>| v.map_or("(absent)".to_string(), |v| clip(&v.to_string()));
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            // Digests and seed explain most failures, so they are compared first.
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            let rank = |k: &str| match k {
                "digests" => 0,
                "seed" => 1,
                _ => 2,
            };
            keys.sort_by(|p, q| (rank(p), p).cmp(&(rank(q), q)));
            keys.dedup();
            for k in keys {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                match (x.get(k), y.get(k)) {
                    (Some(u), Some(v)) => {
                        if let Some(d) = first_difference(u, v, p) {
                            return Some(d);
                        }
                    }
                    (u, v) => return Some((p, show(u), show(v))),
                }
            }
            None
        }
        (Value::Array(x), Value::Array(y)) => {
            for i in 0..x.len().max(y.len()) {
                let p = format!("{path}[{i}]");
                match (x.get(i), y.get(i)) {
                    (Some(u), Some(v)) => {
                        if let Some(d) = first_difference(u, v, p) {
                            return Some(d);
                        }
                    }
                    (u, v) => return Some((p, show(u), show(v))),
                }
            }
            None
        }
        _ if a == b => None,
        _ => Some((path, show(Some(a)), show(Some(b)))),
    }
}

fn clip(s: &str) -> String {
    if s.chars().count() > 120 {
        format!("{}…", s.chars().take(120).collect::<String>())
    } else {
        s.to_string()
    }
}
