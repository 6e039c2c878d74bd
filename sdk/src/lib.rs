//! # jianguan (监管)
//!
//! An embeddable SDK for in-process and post-event supervision of market
//! entities (事中事后监管) as Chinese local governments run it, following the
//! Pingdu municipal plan (平政发〔2021〕16号) and the national rules it
//! implements.
//!
//! ```
//! use jianguan::entity::{Uscc, EntityKind};
//!
//! let huawei: Uscc = "914403001922038216".parse()?;
//! assert_eq!(EntityKind::from_uscc(&huawei), EntityKind::Enterprise);
//! assert_eq!(huawei.region().province_name(), Some("广东省"));
//! assert!("914403001922038217".parse::<Uscc>().is_err()); // wrong check character
//! # Ok::<(), jianguan::entity::UsccError>(())
//! ```

// Denied, not forbidden: the draw's scan has one allowed block, a cache
// prefetch hint (sampling/select/fast.rs), which has no safe form.
#![deny(unsafe_code)]

pub mod calendar;
pub mod catalog;
pub mod credit;
pub mod entity;
mod error;
#[cfg(test)]
mod fixtures;
pub mod plugin_host;
pub mod referral;
pub mod results;
pub mod sampling;
pub mod supervisor;

pub use chrono::NaiveDate;
pub use error::{Error, ErrorKind};
