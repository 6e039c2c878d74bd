//! Legal rules that more than one industry plugin applies, written once.
//!
//! A rule here takes what differs between plugins as arguments: the
//! plugin's own citation indices (into its [`crate::PluginDescription`]),
//! its configured figures and, where a detail shows amounts, how it writes
//! them. Every figure cites its source in the item's doc comment.

pub mod fake_products;
pub mod production_safety;
