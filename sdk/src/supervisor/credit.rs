//! Credit profiles and schemes (国市监信发〔2022〕6号; Pingdu plan §(五), §(六)).

pub use crate::credit::{
    CreditClass, CreditError, CreditList, CreditLookup, CreditProfile, CreditScheme,
    InMemoryCreditLookup, ListMembership,
};

use super::Supervisor;
use super::codes::Uscc;
use crate::Error;

impl Supervisor {
    /// The credit scheme profiles are expressed in.
    pub fn credit_scheme(&self) -> &CreditScheme {
        self.credit.scheme()
    }

    /// The credit profile of one entity, or `None` when the source knows
    /// nothing of it.
    ///
    /// # Errors
    /// [`Error::Credit`]: [`CreditError::Source`] when the host's source
    /// fails, or a profile the source returned that does not validate
    /// against its scheme.
    pub fn credit_profile(&self, uscc: &Uscc) -> Result<Option<CreditProfile>, Error> {
        let profile = self.credit.profile(uscc)?;
        if let Some(p) = &profile {
            p.validate(self.credit.scheme())?;
        }
        Ok(profile)
    }
}
