//! The facade a host system embeds: one [`Supervisor`] ties the item catalog,
//! the credit lookup, the working-day calendar and the industry plugins
//! together. The C and Python bindings wrap this type and nothing below it,
//! so every language sees the same behaviour.
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

use crate::calendar::WorkCalendar;
use crate::catalog::{ApprovalFacts, CatalogError, ItemCatalog, Responsibility, SupervisionItem};
use crate::credit::{CreditLookup, CreditProfile, CreditScheme};
use crate::entity::Uscc;
use crate::plugin_host::{
    FactTable, Grades, LoadReport, LoadedPlugin, PluginCallError, PluginError, PluginHost,
};
use crate::sampling::{self, DrawInputs, DrawRecord, DrawRosters, EntropyValue, Plan, RostersRef};
use crate::{Error, NaiveDate};

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

    /// Parses and check-digit-verifies a unified social credit code
    /// (GB 32100-2015).
    ///
    /// # Errors
    /// [`Error::Uscc`] saying what is wrong (length, character, check
    /// character) and where.
    pub fn check_uscc(&self, code: &str) -> Result<Uscc, Error> {
        Ok(code.parse()?)
    }

    /// The item catalog.
    pub fn catalog(&self) -> &dyn ItemCatalog {
        &*self.catalog
    }

    /// The supervision item with `code`.
    ///
    /// # Errors
    /// [`Error::Catalog`] ([`CatalogError::UnknownItem`]) for an unknown code.
    pub fn item(&self, code: &str) -> Result<&SupervisionItem, Error> {
        self.catalog.item(code).ok_or_else(|| {
            Error::Catalog(CatalogError::UnknownItem {
                code: code.to_string(),
            })
        })
    }

    /// Which departments supervise item `code`, in which roles (Pingdu plan
    /// §(一), §(二)); see [`ItemCatalog::resolve`].
    ///
    /// # Errors
    /// As [`ItemCatalog::resolve`], wrapped in [`Error::Catalog`].
    pub fn resolve(&self, code: &str, facts: &ApprovalFacts) -> Result<Responsibility, Error> {
        Ok(self.catalog.resolve(code, facts)?)
    }

    /// The credit scheme profiles are expressed in.
    pub fn credit_scheme(&self) -> &CreditScheme {
        self.credit.scheme()
    }

    /// The credit profile of one entity, or `None` when the source knows
    /// nothing of it.
    ///
    /// # Errors
    /// [`Error::Credit`]: [`crate::credit::CreditError::Source`] when the
    /// host's source fails, or a profile the source returned that does not
    /// validate against its scheme.
    pub fn credit_profile(&self, uscc: &Uscc) -> Result<Option<CreditProfile>, Error> {
        let profile = self.credit.profile(uscc)?;
        if let Some(p) = &profile {
            p.validate(self.credit.scheme())?;
        }
        Ok(profile)
    }

    /// The working-day calendar.
    pub fn calendar(&self) -> &WorkCalendar {
        &self.calendar
    }

    /// Whether `date` is a working day (工作日).
    ///
    /// # Errors
    /// [`Error::Calendar`] when no holiday notice covers the year.
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, Error> {
        Ok(self.calendar.is_working_day(date)?)
    }

    /// The date `n` working days after `start`; see
    /// [`WorkCalendar::add_working_days`].
    ///
    /// # Errors
    /// [`Error::Calendar`] when a year on the way has no holiday notice.
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> Result<NaiveDate, Error> {
        Ok(self.calendar.add_working_days(start, n)?)
    }

    /// Working days after `start` up to and including `end`; see
    /// [`WorkCalendar::working_days_between`].
    ///
    /// # Errors
    /// [`Error::Calendar`] when `end` is before `start` or a year has no notice.
    pub fn working_days_between(&self, start: NaiveDate, end: NaiveDate) -> Result<u32, Error> {
        Ok(self.calendar.working_days_between(start, end)?)
    }

    /// The loaded plugins.
    pub fn plugins(&self) -> &PluginHost {
        &self.plugins
    }

    /// What loading the plugins folder did: loaded ids, refused files,
    /// unused configurations.
    pub fn load_report(&self) -> &LoadReport {
        &self.load_report
    }

    /// The loaded plugins and what loading refused, as the C and Python
    /// bindings publish it: `{"loaded": [{"id", "name_zh", "name_en",
    /// "version", "industries", "origin"}], "failures": ["<one line per
    /// file>"], "unused_configs": ["<id>"]}`.
    pub fn plugins_summary(&self) -> serde_json::Value {
        let loaded: Vec<serde_json::Value> = self
            .plugins
            .plugins()
            .map(|p| {
                let d = p.description();
                serde_json::json!({
                    "id": d.id, "name_zh": d.name_zh, "name_en": d.name_en,
                    "version": d.version, "industries": d.industries,
                    "origin": p.origin().display().to_string(),
                })
            })
            .collect();
        let report = &self.load_report;
        let failures: Vec<String> = report.failures.iter().map(|f| f.summary()).collect();
        serde_json::json!({
            "loaded": loaded, "failures": failures, "unused_configs": report.unused_configs,
        })
    }

    /// The loaded plugin with `id`.
    ///
    /// # Errors
    /// [`Error::Plugin`] ([`PluginCallError::NotLoaded`]) when none is loaded.
    pub fn plugin(&self, id: &str) -> Result<&LoadedPlugin, Error> {
        self.plugins
            .get(id)
            .ok_or_else(|| Error::Plugin(PluginCallError::NotLoaded(id.to_string()).into()))
    }

    /// Risk-grades a batch of entities (one row each) through plugin `id`.
    ///
    /// # Errors
    /// [`Error::Plugin`]: no such plugin; facts that fail the plugin's
    /// schema (row and fact named, nothing called); a plugin failure or
    /// panic; a result that breaks the contract.
    pub fn grade(&self, id: &str, facts: &FactTable) -> Result<Grades<'_>, Error> {
        self.plugin(id)?
            .grade(facts)
            .map_err(|e| Error::Plugin(PluginError::Call(e)))
    }

    /// Makes a verifiable draw (双随机): resolves the plan against the
    /// catalog, then draws as docs/draw-algorithm.md specifies. Nothing is
    /// stored; the host publishes and keeps the record.
    ///
    /// # Errors
    /// [`Error::Sampling`] for any refusal (see
    /// [`crate::sampling::SamplingError::kind`]): an unknown item, an
    /// invalid plan, roster or entropy, too few entities or inspectors.
    pub fn draw(&self, inputs: &DrawInputs) -> Result<DrawRecord, Error> {
        let plan = self.resolve_plan(&inputs.plan)?;
        let built = inputs.build_rosters()?;
        Ok(sampling::draw(
            &plan,
            &built.roster,
            &built.history,
            &built.inspectors,
            &inputs.entropy,
        )?)
    }

    /// The plan checked and resolved against the catalog (items filled in),
    /// as [`Supervisor::draw`] resolves it: what a draw over roster parts
    /// ([`sampling::DrawSetup`]) takes.
    ///
    /// # Errors
    /// [`Error::Sampling`]: an invalid plan or an item the catalog lacks.
    pub fn resolve_plan(&self, plan: &Plan) -> Result<Plan, Error> {
        let mut plan = plan.clone();
        plan.resolve(Some(self.catalog()))?;
        Ok(plan)
    }

    /// Makes a draw over rosters already checked and indexed (a host that
    /// fixes a large roster once and keeps it): the plan is resolved against
    /// the catalog, then drawn as [`Supervisor::draw`] draws.
    ///
    /// # Errors
    /// As [`Supervisor::draw`].
    pub fn draw_over(
        &self,
        plan: &Plan,
        rosters: RostersRef<'_>,
        entropy: &[EntropyValue],
    ) -> Result<DrawRecord, Error> {
        let plan = self.resolve_plan(plan)?;
        let RostersRef {
            roster,
            history,
            inspectors,
        } = rosters;
        Ok(sampling::draw(&plan, roster, history, inspectors, entropy)?)
    }

    /// Verifies a record over rosters already checked and indexed; see
    /// [`Supervisor::verify`].
    ///
    /// # Errors
    /// As [`Supervisor::verify`].
    pub fn verify_over(&self, record: &DrawRecord, rosters: RostersRef<'_>) -> Result<(), Error> {
        let RostersRef {
            roster,
            history,
            inspectors,
        } = rosters;
        Ok(sampling::verify(record, roster, history, inspectors)?)
    }

    /// Re-runs the draw `record` describes over `rosters` and compares.
    ///
    /// # Errors
    /// [`Error::Sampling`]: `verification_failed` naming the first field that
    /// differs, `unsupported_record`, or what the rosters themselves refuse.
    pub fn verify(&self, record: &DrawRecord, rosters: &DrawRosters) -> Result<(), Error> {
        let built = rosters.build()?;
        Ok(sampling::verify(
            record,
            &built.roster,
            &built.history,
            &built.inspectors,
        )?)
    }
}

#[cfg(test)]
mod tests;
