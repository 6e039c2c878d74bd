//! An in-memory [`CreditLookup`]: profiles held in a hash map, validated on the way in.

use std::collections::HashMap;

use super::{CreditError, CreditLookup, CreditProfile, CreditScheme};
use crate::entity::Uscc;

/// Credit profiles held in memory under one [`CreditScheme`].
#[derive(Debug, Clone)]
pub struct InMemoryCreditLookup {
    scheme: CreditScheme,
    profiles: HashMap<Uscc, CreditProfile>,
}

impl InMemoryCreditLookup {
    /// An empty lookup under `scheme`.
    pub fn new(scheme: CreditScheme) -> Self {
        InMemoryCreditLookup {
            scheme,
            profiles: HashMap::new(),
        }
    }

    /// A lookup holding `profiles`, all validated first: either all load or none.
    ///
    /// # Errors
    /// The first profile's [`CreditProfile::validate`] error, or
    /// [`CreditError::DuplicateProfile`] for a code given twice.
    pub fn from_profiles(
        scheme: CreditScheme,
        profiles: impl IntoIterator<Item = CreditProfile>,
    ) -> Result<Self, CreditError> {
        let mut lookup = Self::new(scheme);
        lookup.insert_all(profiles)?;
        Ok(lookup)
    }

    /// Adds or replaces many profiles; validates all before changing anything.
    ///
    /// # Errors
    /// As [`InMemoryCreditLookup::from_profiles`]; on error nothing changes.
    pub fn insert_all(
        &mut self,
        profiles: impl IntoIterator<Item = CreditProfile>,
    ) -> Result<(), CreditError> {
        let mut batch: HashMap<Uscc, CreditProfile> = HashMap::new();
        for p in profiles {
            p.validate(&self.scheme)?;
            let code = p.uscc;
            if batch.insert(code, p).is_some() {
                return Err(CreditError::DuplicateProfile { uscc: code });
            }
        }
        self.profiles.extend(batch);
        Ok(())
    }

    /// Adds or replaces one profile.
    ///
    /// # Errors
    /// [`CreditProfile::validate`]'s error; on error nothing changes.
    pub fn insert(&mut self, profile: CreditProfile) -> Result<(), CreditError> {
        profile.validate(&self.scheme)?;
        self.profiles.insert(profile.uscc, profile);
        Ok(())
    }

    /// Number of profiles held.
    pub fn len(&self) -> usize {
        self.profiles.len()
    }

    /// Whether no profile is held.
    pub fn is_empty(&self) -> bool {
        self.profiles.is_empty()
    }
}

impl CreditLookup for InMemoryCreditLookup {
    fn scheme(&self) -> &CreditScheme {
        &self.scheme
    }

    fn profile(&self, uscc: &Uscc) -> Result<Option<CreditProfile>, CreditError> {
        Ok(self.profiles.get(uscc).cloned())
    }
}
