//! # jianguan-plugin-rules
//!
//! Legal rules that more than one industry plugin applies, written once.
//! Kept out of the contract crate (`jianguan-plugin`), which holds only the
//! boundary: a rule can change without a new contract version.
//!
//! A rule here takes what differs between plugins as arguments: the
//! plugin's own citation indices (into its
//! [`PluginDescription`](jianguan_plugin::PluginDescription))
//! and its configured figures. Every figure cites its source in the item's
//! doc comment.

#![forbid(unsafe_code)]

pub mod fake_products;
pub mod production_safety;

/// Writes a figure in a result's detail: at most 4 decimals, trailing zeros
/// trimmed, and never `-0` (e.g. `1000000` for 1,000,000.0, `2.05`).
pub fn figure(x: f64) -> String {
    let s = format!("{x:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

#[cfg(test)]
mod tests {
    #[test]
    fn figures_are_written_without_noise() {
        let cases = [
            (1_000_000.0, "1000000"),
            (2.05, "2.05"),
            (0.00004, "0"),
            (-0.0, "0"),
            (12.5, "12.5"),
        ];
        for (x, text) in cases {
            assert_eq!(super::figure(x), text);
        }
    }
}
