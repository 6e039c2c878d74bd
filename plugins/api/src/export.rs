//! The safe side for plugin authors: implement [`Plugin`], then call
//! [`export_plugin!`](crate::export_plugin) once in the crate root.

// The boundary types are checked by abi_stable's layout checks, which rustc's
// FFI lint does not know about.
#![allow(improper_ctypes_definitions)]

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};

use abi_stable::{
    prefix_type::PrefixTypeTrait,
    std_types::{RResult, RStr, RString, RVec},
};
use serde::{Serialize, de::DeserializeOwned};

use crate::{
    DutyBatch, FactTable, GradeBatch, Operation, PluginDescription, PluginError, PluginErrorKind,
    PluginInstance, PluginMod, PluginModRef, ReferralAssessment,
};

/// An industry plugin, written as ordinary Rust.
///
/// The export macro turns an implementation into the ABI-stable
/// [`PluginModRef`]; every method is called behind a panic guard.
///
/// `describe`, `open` and `grade` are essential; the other operations have
/// default bodies that return an `Unsupported` error
/// ([`PluginError::unsupported`]), which the host passes on as the plugin's
/// error for that call.
pub trait Plugin: Send + Sync + Sized + 'static {
    /// Configuration: figures the sources leave unconfirmed, with the
    /// defaults RULES.md gives. Unknown keys should be refused
    /// (`#[serde(deny_unknown_fields)]`).
    type Config: Serialize + DeserializeOwned + Default;

    /// Declares the plugin. The macro fills in `config` with the defaults.
    fn describe() -> PluginDescription;

    /// Opens an instance with a configuration.
    ///
    /// # Errors
    /// `InvalidConfig` when a figure is out of range.
    fn open(config: Self::Config) -> Result<Self, PluginError>;

    /// Grades each row of `facts`.
    ///
    /// # Errors
    /// `InvalidFacts` naming the row and fact when a fact the rule needs is
    /// missing or out of range.
    fn grade(&self, facts: &FactTable) -> Result<GradeBatch, PluginError>;

    // The operations below are optional: each has a default body returning
    // `Unsupported`, so that a plugin need not offer every operation, and an
    // operation a later contract adds (as a prefix field of the root module,
    // with a default body here) does not break plugins written before it.

    /// Lists each row's due-date duties as of `as_of` (days since 1970-01-01).
    ///
    /// # Errors
    /// As [`Plugin::grade`]; `Unsupported` unless the plugin offers duties.
    fn duties(&self, facts: &FactTable, as_of: i32) -> Result<DutyBatch, PluginError> {
        let _ = (facts, as_of);
        Err(PluginError::unsupported(Operation::Duties.name()))
    }

    /// Assesses each row (one case per row) for criminal referral.
    ///
    /// # Errors
    /// As [`Plugin::grade`]; `Unsupported` unless the plugin offers referral
    /// assessment.
    fn assess_referral(&self, facts: &FactTable) -> Result<Vec<ReferralAssessment>, PluginError> {
        let _ = facts;
        Err(PluginError::unsupported(Operation::Referral.name()))
    }
}

/// Runs `f`, turning a panic into a `Panicked` error value, so that no
/// unwind crosses the `extern "C"` boundary (abi_stable's own
/// `sabi_extern_fn` would abort the host instead).
pub fn guard<T>(f: impl FnOnce() -> Result<T, PluginError>) -> RResult<T, PluginError> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result.into(),
        Err(payload) => RResult::RErr(PluginError::new(
            PluginErrorKind::Panicked,
            panic_message(payload.as_ref()),
        )),
    }
}

fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic with a non-text payload".to_string()
    }
}

/// The plugin value behind a [`PluginInstance`]. The host drops instances
/// through abi_stable's vtable, which aborts if a destructor unwinds, so a
/// panic in the plugin's `Drop` is caught here and discarded.
struct Guarded<P>(Option<P>);

impl<P> Drop for Guarded<P> {
    fn drop(&mut self) {
        if let Some(plugin) = self.0.take() {
            let _ = catch_unwind(AssertUnwindSafe(move || drop(plugin)));
        }
    }
}

fn instance<P: Plugin>(instance: &PluginInstance) -> Result<&P, PluginError> {
    instance
        .downcast_as::<Guarded<P>>()
        .ok()
        .and_then(|g| g.0.as_ref())
        .ok_or_else(|| PluginError::internal("the instance was opened by another plugin"))
}

pub(crate) extern "C" fn describe<P: Plugin>() -> RResult<RString, PluginError> {
    guard(|| {
        let mut description = P::describe();
        description.config = serde_json::to_value(P::Config::default())
            .map_err(|e| PluginError::internal(format!("default configuration: {e}")))?;
        serde_json::to_string(&description)
            .map(RString::from)
            .map_err(|e| PluginError::internal(format!("description: {e}")))
    })
}

pub(crate) extern "C" fn open<P: Plugin>(config: RStr<'_>) -> RResult<PluginInstance, PluginError> {
    guard(|| {
        let text = config.as_str().trim();
        let config = if text.is_empty() {
            P::Config::default()
        } else {
            serde_json::from_str(text)
                .map_err(|e| PluginError::invalid_config(format!("configuration: {e}")))?
        };
        P::open(config).map(|p| PluginInstance::from_value(Guarded(Some(p))))
    })
}

pub(crate) extern "C" fn grade<P: Plugin>(
    this: &PluginInstance,
    facts: &FactTable,
) -> RResult<GradeBatch, PluginError> {
    guard(|| {
        let batch = instance::<P>(this)?.grade(facts)?;
        if batch.grades.len() != facts.len()
            || batch.scores.len() != facts.len()
            || batch.reasons.len() != facts.len()
        {
            return Err(PluginError::internal(format!(
                "{} grades, {} scores and {} reason lists for {} input rows",
                batch.grades.len(),
                batch.scores.len(),
                batch.reasons.len(),
                facts.len()
            )));
        }
        Ok(batch)
    })
}

pub(crate) extern "C" fn duties<P: Plugin>(
    this: &PluginInstance,
    facts: &FactTable,
    as_of: i32,
) -> RResult<DutyBatch, PluginError> {
    guard(|| instance::<P>(this)?.duties(facts, as_of))
}

pub(crate) extern "C" fn assess_referral<P: Plugin>(
    this: &PluginInstance,
    facts: &FactTable,
) -> RResult<RVec<ReferralAssessment>, PluginError> {
    guard(|| instance::<P>(this)?.assess_referral(facts).map(RVec::from))
}

/// Builds the root module of plugin `P` (leaked once; call through the
/// macro's `plugin_module`, which caches it).
pub fn module<P: Plugin>() -> PluginModRef {
    PluginMod {
        describe: describe::<P>,
        open: open::<P>,
        grade: grade::<P>,
        duties: duties::<P>,
        assess_referral: assess_referral::<P>,
    }
    .leak_into_prefix()
}

/// Exports a [`Plugin`] implementation.
///
/// Defines `pub fn plugin_module() -> PluginModRef` in the calling crate,
/// for hosts that link the plugin statically, and, when the crate's
/// `export` feature is on, the root-module symbol a host finds in the built
/// `cdylib`. Keep `export` as a default feature of the plugin crate: a host
/// that links several plugins statically turns it off for each of them, since
/// the symbol name is fixed and would clash.
///
/// ```text
/// jianguan_plugin::export_plugin!(FoodPlugin);
/// ```
#[macro_export]
macro_rules! export_plugin {
    ($plugin:ty) => {
        // The guard that keeps plugin panics from crossing into the host is
        // catch_unwind, which does nothing when panics abort.
        #[cfg(panic = "abort")]
        compile_error!("a jianguan plugin must be built with panic = \"unwind\" (the default): with panic = \"abort\" a plugin panic would abort the host process");

        /// This plugin's root module, for hosts that link it statically
        /// (the same entry points the `cdylib` exports).
        pub fn plugin_module() -> $crate::PluginModRef {
            static MODULE: ::std::sync::OnceLock<$crate::PluginModRef> =
                ::std::sync::OnceLock::new();
            *MODULE.get_or_init($crate::export::module::<$plugin>)
        }

        #[cfg(feature = "export")]
        $crate::__export_root_module!($crate::PluginModRef, plugin_module);
    };
}

/// Emits the root-module symbol for a module getter. Hidden: plugins use
/// [`export_plugin!`](crate::export_plugin); the host's tests use it to build
/// deliberately broken libraries.
#[doc(hidden)]
#[macro_export]
macro_rules! __export_root_module {
    ($module:ty, $getter:path) => {
        // The name abi_stable's loader looks up (`ROOT_MODULE_LOADER_NAME`);
        // written out because an attribute needs a literal. A test in
        // jianguan-plugin pins it. This is what abi_stable's
        // `#[export_root_module]` emits, with paths through this crate so a
        // plugin needs no direct abi_stable dependency.
        #[doc(hidden)]
        #[allow(unsafe_code, non_upper_case_globals)]
        #[unsafe(no_mangle)]
        pub static _1as_0lib_1header_0root_bmodule_bloader: $crate::__private::LibHeader = {
            extern "C" fn __jianguan_root_module() -> $crate::__private::RootModuleResult {
                $crate::__private::call_root_module_loader($getter)
            }
            // SAFETY: `$module` is the type `$getter` returns, as abi_stable's
            // own macro guarantees by construction.
            unsafe {
                $crate::__private::LibHeader::from_constructor::<$module>(
                    __jianguan_root_module,
                    $crate::__private::CheckTypeLayout::Yes,
                )
            }
        };
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A plugin offering only the essential operations.
    struct GradesOnly;

    impl Plugin for GradesOnly {
        type Config = ();

        fn describe() -> PluginDescription {
            crate::fixtures::minimal_description("grades_only")
        }

        fn open(_: ()) -> Result<Self, PluginError> {
            Ok(Self)
        }

        fn grade(&self, facts: &FactTable) -> Result<GradeBatch, PluginError> {
            Ok(GradeBatch::with_capacity(facts.len()))
        }
    }

    #[test]
    fn operations_left_at_their_default_body_are_unsupported_errors() {
        let module = module::<GradesOnly>();
        let instance = (module.open())(RStr::from_str("")).into_result().unwrap();
        let facts = FactTable::new(0);
        assert!((module.grade())(&instance, &facts).into_result().is_ok());
        let duties = (module.duties())(&instance, &facts, 0)
            .into_result()
            .unwrap_err();
        assert_eq!(duties.kind, PluginErrorKind::Unsupported);
        assert_eq!(
            duties.to_string(),
            "operation not supported: operation `duties` is not supported by this plugin"
        );
        let referral = (module.assess_referral())(&instance, &facts)
            .into_result()
            .unwrap_err();
        assert_eq!(
            referral.message.as_str(),
            "operation `referral` is not supported by this plugin"
        );
    }

    #[test]
    fn guard_turns_panics_into_error_values() {
        let ok = guard(|| Ok::<_, PluginError>(7));
        assert_eq!(ok.into_result().unwrap(), 7);
        let refused =
            guard(|| Err::<u8, _>(PluginError::invalid_facts("row 0: fact `x` is missing")));
        assert_eq!(
            refused.into_result().unwrap_err().kind,
            PluginErrorKind::InvalidFacts
        );
        let text = guard(|| -> Result<u8, PluginError> { panic!("boom") });
        let e = text.into_result().unwrap_err();
        assert_eq!(
            (e.kind, e.message.as_str()),
            (PluginErrorKind::Panicked, "boom")
        );
        let formatted = guard(|| -> Result<u8, PluginError> { panic!("row {}", 3) });
        assert_eq!(
            formatted.into_result().unwrap_err().message.as_str(),
            "row 3"
        );
    }
}
