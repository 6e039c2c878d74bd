//! The unified social credit code (统一社会信用代码), GB 32100-2015.
//!
//! Structure (RULES.md §11.1): position 1 is the registration authority,
//! position 2 the entity category, positions 3–8 the GB/T 2260 area code of
//! the registering office, positions 9–17 the GB 11714 organisation code
//! (8 body characters and its own check character), position 18 the check
//! character over positions 1–17.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::region::RegionCode;

/// The 31 characters a USCC may contain, in value order (GB 32100-2015):
/// the digits and the capital letters except I, O, S, V and Z.
pub const CHARSET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Weights of positions 1–17 in the check formula (GB 32100-2015): 3^(i-1) mod 31.
pub const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// Weights of the organisation-code body (positions 9–16) in the GB 11714 check.
const ORG_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

/// Why a string is not a valid USCC. Each variant names the position (1-based)
/// and the character at fault, so a clerk can correct the input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UsccError {
    /// The input does not have exactly 18 characters (17 for
    /// [`Uscc::with_check_character`]). Remedy: check for a truncated or
    /// padded value.
    #[error(
        "unified social credit code {input:?} has {found} characters; it must have exactly {expected}"
    )]
    Length {
        /// The rejected input.
        input: String,
        /// How many characters (not bytes) it had.
        found: usize,
        /// How many it must have.
        expected: usize,
    },
    /// A character outside the GB 32100 charset: lower case, a full-width
    /// form, whitespace, or one of the excluded letters I, O, S, V, Z.
    #[error(
        "unified social credit code {input:?}: character {found:?} at position {position} is not allowed ({why})"
    )]
    Character {
        /// The rejected input.
        input: String,
        /// 1-based position of the bad character.
        position: usize,
        /// The character found there.
        found: char,
        /// What kind of mistake it looks like.
        why: &'static str,
    },
    /// Positions 3–8 are not six digits (a GB/T 2260 area code).
    #[error(
        "unified social credit code {input:?}: positions 3-8 {found:?} are not an administrative area code: {why}"
    )]
    Region {
        /// The rejected input.
        input: String,
        /// The six characters found at positions 3–8.
        found: String,
        /// What is wrong with them.
        why: &'static str,
    },
    /// The check character (position 18) does not match positions 1–17.
    #[error(
        "unified social credit code {input:?}: check character is {found:?} but positions 1-17 require {expected:?}"
    )]
    CheckCharacter {
        /// The rejected input.
        input: String,
        /// Character at position 18.
        found: char,
        /// The character GB 32100-2015 computes from positions 1–17.
        expected: char,
    },
}

/// A verified unified social credit code.
///
/// Construct with [`Uscc::parse`] (or `str::parse`); the value is always 18
/// characters of the GB 32100 charset with a correct check character and a
/// plausible area code.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Uscc([u8; 18]);

/// The value of each byte in [`CHARSET`] (its index), or `NOT_IN_SET`: one
/// table lookup per character, since hosts check codes one call at a time.
const VALUES: [u8; 256] = {
    let mut t = [NOT_IN_SET; 256];
    let mut i = 0;
    while i < CHARSET.len() {
        t[CHARSET[i] as usize] = i as u8;
        i += 1;
    }
    t
};
const NOT_IN_SET: u8 = u8::MAX;

fn char_value(c: u8) -> Option<u32> {
    match VALUES[c as usize] {
        NOT_IN_SET => None,
        v => Some(u32::from(v)),
    }
}

/// The GB 32100-2015 check character for the 17 characters `body`.
///
/// Every byte must be in [`CHARSET`]; callers check that first.
fn check_character(body: &[u8]) -> u8 {
    let sum: u32 = body
        .iter()
        .zip(WEIGHTS)
        .map(|(&c, w)| char_value(c).expect("charset checked") * w)
        .sum();
    CHARSET[((31 - sum % 31) % 31) as usize]
}

/// Refuses the first character outside the charset, then a length other
/// than `expected`.
fn check_shape(input: &str, expected: usize) -> Result<(), UsccError> {
    // The common case, a well-formed code, in one pass over the bytes.
    if input.len() == expected && input.bytes().all(|b| VALUES[b as usize] != NOT_IN_SET) {
        return Ok(());
    }
    for (i, c) in input.chars().enumerate() {
        if !(c.is_ascii() && CHARSET.contains(&(c as u8))) {
            return Err(UsccError::Character {
                input: input.to_owned(),
                position: i + 1,
                found: c,
                why: describe_bad_char(c),
            });
        }
    }
    let found = input.chars().count();
    if found != expected {
        return Err(UsccError::Length {
            input: input.to_owned(),
            found,
            expected,
        });
    }
    Ok(())
}

fn describe_bad_char(c: char) -> &'static str {
    match c {
        'I' | 'O' | 'S' | 'V' | 'Z' => "GB 32100-2015 excludes the letters I, O, S, V and Z",
        'a'..='z' => "lower-case letters are not allowed; use capitals",
        '\u{FF01}'..='\u{FF5E}' | '\u{3000}' => {
            "full-width characters are not allowed; use half-width"
        }
        c if c.is_whitespace() => "whitespace is not allowed",
        _ => "not in the GB 32100-2015 charset 0-9 A-H J-N P Q R T U W X Y",
    }
}

impl Uscc {
    /// Parses and verifies a USCC per GB 32100-2015.
    ///
    /// Nothing is normalised: lower case, full-width characters and
    /// surrounding whitespace are refused rather than silently fixed, because
    /// a register must store the code exactly as issued.
    ///
    /// # Errors
    /// [`UsccError::Length`] unless there are exactly 18 characters;
    /// [`UsccError::Character`] for a character outside the charset (naming
    /// its position); [`UsccError::Region`] when positions 3–8 are not six
    /// digits; [`UsccError::CheckCharacter`] when position 18 is wrong. An
    /// unknown province is only a warning ([`Uscc::warnings`]).
    pub fn parse(input: &str) -> Result<Self, UsccError> {
        check_shape(input, 18)?;
        let bytes: [u8; 18] = input.as_bytes().try_into().expect("18 ASCII characters");
        let area = &input[2..8];
        if let Err(why) = RegionCode::parse(area) {
            return Err(UsccError::Region {
                input: input.to_owned(),
                found: area.to_owned(),
                why: why.reason(),
            });
        }
        let expected = check_character(&bytes[..17]);
        if expected != bytes[17] {
            return Err(UsccError::CheckCharacter {
                input: input.to_owned(),
                found: bytes[17] as char,
                expected: expected as char,
            });
        }
        Ok(Uscc(bytes))
    }

    /// Builds a code from its first 17 characters by appending the check
    /// character (used by the synthetic-data generator and by tests).
    ///
    /// # Errors
    /// As [`Uscc::parse`], except that the length must be 17 and the check
    /// character cannot be wrong.
    pub fn with_check_character(first17: &str) -> Result<Self, UsccError> {
        check_shape(first17, 17)?;
        let mut s = String::with_capacity(18);
        s.push_str(first17);
        s.push(check_character(first17.as_bytes()) as char);
        Self::parse(&s)
    }

    /// The code as a string slice.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("ASCII by construction")
    }

    /// The code's 18 ASCII bytes, without [`Uscc::as_str`]'s UTF-8 check:
    /// for writing many codes into one buffer, checked once.
    pub fn as_bytes(&self) -> &[u8; 18] {
        &self.0
    }

    /// Registration authority (登记管理部门), position 1.
    pub fn authority(&self) -> Option<super::Authority> {
        super::Authority::from_code(self.0[0] as char)
    }

    /// Entity category (机构类别), position 2, interpreted under the authority
    /// of position 1. `None` when the pair is not in the GB 32100 table.
    pub fn category(&self) -> Option<super::Category> {
        super::Category::from_codes(self.0[0] as char, self.0[1] as char)
    }

    /// The GB/T 2260 area code of the registering office, positions 3–8.
    pub fn region(&self) -> RegionCode {
        RegionCode::parse(&self.as_str()[2..8]).expect("checked when parsed")
    }

    /// The organisation code (组织机构代码, GB 11714), positions 9–17.
    pub fn organisation_code(&self) -> &str {
        &self.as_str()[8..17]
    }

    /// Everything suspicious about a valid code: an area code with no known
    /// province ([`RegionCode::warning`]) and a failed GB 11714 check
    /// ([`Uscc::organisation_code_warning`]).
    pub fn warnings(&self) -> Vec<String> {
        self.region()
            .warning()
            .into_iter()
            .chain(self.organisation_code_warning())
            .collect()
    }

    /// Optional second check: whether positions 9–17 pass the GB 11714
    /// organisation-code check.
    ///
    /// This is a warning, not an error (RULES.md §11.1): published real codes
    /// exist that fail it (e.g. 91310000631295002H), and it is UNCONFIRMED that
    /// all legitimately issued codes pass it.
    pub fn organisation_code_warning(&self) -> Option<String> {
        let org = self.organisation_code();
        let found = org.as_bytes()[8] as char;
        match organisation_check_character(&org[..8]) {
            Some(expected) if expected == found => None,
            Some(expected) => Some(format!(
                "organisation code {org} fails the GB 11714 check (check character {found:?}, computed {expected:?}); the USCC itself is valid"
            )),
            None => Some(format!(
                "organisation code {org} contains a character GB 11714 does not define; the USCC itself is valid"
            )),
        }
    }
}

/// Computes the GB 11714 check character for an 8-character organisation-code body.
///
/// Returns `None` if `body` is not 8 characters of 0–9 / A–Z.
pub fn organisation_check_character(body: &str) -> Option<char> {
    if body.len() != 8 {
        return None;
    }
    let mut sum = 0u32;
    for (c, w) in body.bytes().zip(ORG_WEIGHTS) {
        let v = match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'A'..=b'Z' => u32::from(c - b'A') + 10,
            _ => return None,
        };
        sum += v * w;
    }
    Some(match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        r => char::from_digit(r, 10).expect("r < 10"),
    })
}

impl fmt::Display for Uscc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Uscc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Uscc({})", self.as_str())
    }
}

impl FromStr for Uscc {
    type Err = UsccError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Uscc::parse(s)
    }
}

impl Serialize for Uscc {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Uscc {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Uscc::parse(&s).map_err(serde::de::Error::custom)
    }
}
