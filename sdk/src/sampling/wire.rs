//! How whole numbers are read from plan, roster and inspector files: a
//! refusal names the range in words ("a whole number from 1 to
//! 4294967295"), not a Rust type ("u32"), since C, Python and command
//! users read these messages.

use std::fmt;

use serde::Deserializer;
use serde::de::{Error, Unexpected, Visitor};

/// Reads a whole number in `min..=max`.
struct Whole {
    min: u64,
    max: u64,
}

impl Visitor<'_> for Whole {
    type Value = u64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a whole number from {} to {}", self.min, self.max)
    }

    fn visit_u64<E: Error>(self, v: u64) -> Result<u64, E> {
        if (self.min..=self.max).contains(&v) {
            Ok(v)
        } else {
            Err(E::invalid_value(Unexpected::Unsigned(v), &self))
        }
    }

    fn visit_i64<E: Error>(self, v: i64) -> Result<u64, E> {
        match u64::try_from(v) {
            Ok(v) => self.visit_u64(v),
            Err(_) => Err(E::invalid_value(Unexpected::Signed(v), &self)),
        }
    }
}

/// Reads `null` as `None`, anything else as `inner` reads it.
struct Nullable(Whole);

impl<'de> Visitor<'de> for Nullable {
    type Value = Option<u64>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)?;
        f.write_str(" or null")
    }

    fn visit_none<E: Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_u64(self.0).map(Some)
    }
}

fn narrow<E: Error>(v: u64) -> Result<u32, E> {
    u32::try_from(v).map_err(|_| E::custom(format!("{v} is above 4294967295")))
}

/// A whole number from 0 to 4294967295.
pub(crate) fn count32<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    narrow(d.deserialize_u64(Whole {
        min: 0,
        max: u64::from(u32::MAX),
    })?)
}

/// A whole number from 1 to 4294967295 (a roster weight).
pub(crate) fn positive32<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    narrow(d.deserialize_u64(Whole {
        min: 1,
        max: u64::from(u32::MAX),
    })?)
}

/// `null` or a whole number from 0 to 4294967295.
pub(crate) fn optional_count32<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    d.deserialize_option(Nullable(Whole {
        min: 0,
        max: u64::from(u32::MAX),
    }))?
    .map(narrow)
    .transpose()
}

/// A whole number from 0 to 18446744073709551615 (a stratum count).
pub(crate) fn count64<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    d.deserialize_u64(Whole {
        min: 0,
        max: u64::MAX,
    })
}
