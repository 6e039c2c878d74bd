//! How whole numbers and dates are read from plan, roster, history and
//! inspector files: a refusal names the range or form in words ("a whole
//! number from 1 to 4294967295", "a date written YYYY-MM-DD"), not a Rust
//! type ("u32"), since C, Python and command users read these messages.

use std::fmt;

use chrono::NaiveDate;
use serde::de::{Error, Unexpected, Visitor};
use serde::{Deserialize, Deserializer};

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

/// Reads a date written exactly `YYYY-MM-DD` (four, two and two digits),
/// and a real one: other spellings chrono would take (`2026-1-5`,
/// `+2026-01-05`, white space) are refused, so that what a document says
/// is what the digests hash (docs/draw-algorithm.md Appendix D).
struct Day;

impl Visitor<'_> for Day {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date written YYYY-MM-DD")
    }

    fn visit_str<E: Error>(self, v: &str) -> Result<NaiveDate, E> {
        let b = v.as_bytes();
        let shaped = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shaped {
            return Err(E::invalid_value(Unexpected::Str(v), &self));
        }
        NaiveDate::parse_from_str(v, "%Y-%m-%d")
            .map_err(|_| E::custom(format!("{v:?} is not a date: no such day")))
    }
}

/// A date written `YYYY-MM-DD`.
pub(crate) fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_str(Day)
}

/// `null` or a date written `YYYY-MM-DD`.
pub(crate) fn optional_date<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<NaiveDate>, D::Error> {
    Option::<DayText>::deserialize(d).map(|o| o.map(|t| t.0))
}

/// Two dates written `YYYY-MM-DD`, first and last (a plan's period).
pub(crate) fn date_pair<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<(NaiveDate, NaiveDate), D::Error> {
    <(DayText, DayText)>::deserialize(d).map(|(a, b)| (a.0, b.0))
}

/// A date read as [`date`] reads it, for use inside other shapes.
struct DayText(NaiveDate);

impl<'de> Deserialize<'de> for DayText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        date(d).map(DayText)
    }
}

/// A deserializer that reads a struct only from a JSON object: serde's
/// derive would also take an array of the field values in declaration
/// order, a shape docs/draw-algorithm.md does not have.
pub(crate) struct MapOnly<D>(pub D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for MapOnly<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(v)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(v)
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

/// Gives each struct (derived with `#[serde(remote = "Self")]`) its
/// `Serialize` as derived and a `Deserialize` that reads it only from an
/// object ([`MapOnly`]).
macro_rules! object_only {
    ($($t:ident),* $(,)?) => {$(
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                $t::serialize(self, s)
            }
        }

        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $t::deserialize($crate::sampling::wire::MapOnly(d))
            }
        }
    )*};
}
pub(crate) use object_only;
