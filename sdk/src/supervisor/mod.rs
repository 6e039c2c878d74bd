//! The facade a host system embeds, and the only door for every face: one
//! [`Supervisor`] ties the item catalog, the credit lookup, the working-day
//! calendar and the industry plugins together. The C API, the Python
//! package and the `jianguan` command wrap this module and nothing below it
//! (a test in `cli/tests/faces.rs` fails if a face names an engine module),
//! so every language sees the same behaviour.
//!
//! One file per capability, and each face has a file of the same name:
//! [`codes`], [`catalog`], [`credit`], [`calendar`], [`plugins`], [`draw`],
//! [`results`], [`rfc3797`]. Each file holds that capability's methods and
//! re-exports the types its arguments and answers are made of, so a face
//! imports `jianguan::supervisor::draw::Plan`, never `jianguan::sampling`.
//! `docs/parity.md` lists every method with its C symbol, Python method and
//! command.
//!
//! ```
//! use jianguan::supervisor::Supervisor;
//! use jianguan::NaiveDate;
//!
//! let sup = Supervisor::builder().build()?;
//! let code = sup.check_uscc("914403001922038216")?;
//! assert_eq!(code.region().province_name(), Some("广东省"));
//! // 20 working days from 2026-09-25 run across National Day 2026.
//! let due = sup.add_working_days(NaiveDate::from_ymd_opt(2026, 9, 25).unwrap(), 20)?;
//! assert_eq!(due.to_string(), "2026-10-29");
//! # Ok::<(), jianguan::Error>(())
//! ```

mod builder;
pub mod calendar;
pub mod catalog;
pub mod codes;
pub mod credit;
pub mod draw;
pub mod plugins;
pub mod results;
pub mod rfc3797;

use crate::calendar::WorkCalendar;
use crate::catalog::ItemCatalog;
use crate::credit::CreditLookup;
use crate::plugin_host::{LoadReport, PluginHost};

pub use crate::{Error, ErrorKind, NaiveDate};
pub use builder::SupervisorBuilder;

/// The supervision system a host embeds: catalog, credit, calendar and
/// plugins, fixed when it is built.
///
/// Every method takes `&self` and the type is `Send + Sync`, so one
/// supervisor serves every thread of a host. "Today" is never read from the
/// clock: methods that depend on a date take it (or the plan carries it).
pub struct Supervisor {
    catalog: Box<dyn ItemCatalog + Send + Sync>,
    credit: Box<dyn CreditLookup + Send + Sync>,
    calendar: WorkCalendar,
    plugins: PluginHost,
    load_report: LoadReport,
}

impl std::fmt::Debug for Supervisor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Supervisor")
            .field("credit_scheme", &self.credit.scheme().name)
            .field("calendar_years", &self.calendar.years())
            .field("plugins", &self.plugins)
            .finish_non_exhaustive()
    }
}

impl Supervisor {
    /// A builder with the defaults: the Pingdu catalog, no credit data
    /// (national 2022 scheme), the embedded official holidays, no plugins.
    pub fn builder() -> SupervisorBuilder {
        SupervisorBuilder::default()
    }
}

#[cfg(test)]
mod tests;
