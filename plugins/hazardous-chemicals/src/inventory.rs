//! The `inventory` fact: one unit's hazardous chemicals as text.
//!
//! # Format
//!
//! Entries separated by `;`, each `KEY=TONNES`; spaces around entries and
//! around `=` and `@` are ignored. An empty text, or `none` (which a CSV
//! cell can carry where an empty cell means a missing fact), is an empty
//! inventory.
//!
//! - `TONNES`: the actual quantity q in tonnes, plain decimal digits with at
//!   most 6 decimals (whole grams), no sign or exponent, e.g. `12.5`.
//! - `KEY` is one of
//!   - a Table-2 category symbol (`J1`…`J5`, `W1.1`…`W11`): a chemical not
//!     named in Table 1; Q from Table 2 and β from Table 4, e.g. `W5.3=800`;
//!   - a CAS number of a Table-1 chemical, e.g. `7664-41-7=12.5` (ammonia);
//!   - `T1.<row>` for a Table-1 row by number, needed for the rows without a
//!     CAS number (13 煤气, 45 硝酸铵肥料, 74 烷基铝) and for a CAS number
//!     several rows share (9004-70-0 rows 37–42, 6484-52-2 rows 43–44);
//!   - the CAS number of a Table-3 toxic gas that Table 1 does not name
//!     (carbon monoxide, 630-08-0), with `@SYMBOL` giving the Table-2
//!     category for Q: `630-08-0@J3=20`.
//!
//!   A Table-1 chemical listed in Table 3 takes Table 3's β and must not
//!   carry `@`; any other Table-1 chemical must carry `@SYMBOL`, its hazard
//!   category, whose Table-4 β applies: `67-56-1@W5.3=400` (methanol).
//!
//! # One entry per chemical
//!
//! S and R sum one term per chemical, so a chemical listed twice is refused,
//! compared by what the key resolves to, not by its spelling:
//!
//! - a Table-1 chemical by its Table-1 row: `T1.1`, `T1.01` and
//!   `7664-41-7` are all ammonia; LPG's CAS numbers 68476-85-7, 74-98-6 and
//!   106-97-8 are all row 52 (one critical quantity for propane, butane and
//!   their mixtures), so give their total in one entry;
//! - a Table-3 gas not named in Table 1 by its CAS number, whatever `@`
//!   category follows (`630-08-0@J3` and `630-08-0 @J4` are both CO);
//! - a Table-2 symbol entered alone stands for the unnamed chemicals of that
//!   category, and may appear once: several unnamed chemicals of one
//!   category share Q and β, so q1/Q + q2/Q = (q1 + q2)/Q with the same β,
//!   and their total goes in one entry (`W5.3=800` for 500 t of one
//!   flammable liquid and 300 t of another). This keeps a pasted-twice line
//!   from counting double.
//!
//! Errors name the row and the entry.

use jianguan_plugin::PluginError;

use crate::tables::{self, Category, NamedChemical, ToxicGas};

/// Where an entry's critical quantity comes from.
#[derive(Debug, Clone, Copy)]
pub enum Source {
    /// A Table-1 chemical.
    Named(&'static NamedChemical),
    /// A Table-2 category (or a Table-3 gas not in Table 1, measured by its
    /// category's Q).
    Category(&'static Category),
}

/// Where an entry's β comes from.
#[derive(Debug, Clone, Copy)]
pub enum Beta {
    /// Table 3.
    Gas(&'static ToxicGas),
    /// Table 4.
    Category(&'static Category),
}

/// One parsed entry.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    /// The key as written.
    pub key: &'a str,
    /// Critical-quantity source.
    pub source: Source,
    /// β source.
    pub beta: Beta,
    /// Actual quantity q in grams.
    pub q_g: i128,
}

/// What an entry counts: the identity compared for "listed twice".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Identity {
    /// A Table-1 row.
    Row(u16),
    /// A Table-3 gas not named in Table 1, by CAS number.
    Gas(&'static str),
    /// The unnamed chemicals of a Table-2 category, by symbol.
    Category(&'static str),
}

impl Identity {
    fn describe(self) -> String {
        match self {
            Identity::Row(row) => format!("Table-1 row {row}"),
            Identity::Gas(cas) => format!("the Table-3 gas {cas}"),
            Identity::Category(symbol) => format!("the unnamed {symbol} chemicals"),
        }
    }
}

impl Entry<'_> {
    /// The chemical this entry counts.
    pub fn identity(&self) -> Identity {
        match (self.source, self.beta) {
            (Source::Named(c), _) => Identity::Row(c.row),
            (Source::Category(_), Beta::Gas(g)) => Identity::Gas(g.cas),
            (Source::Category(c), Beta::Category(_)) => Identity::Category(c.symbol),
        }
    }

    /// Q in grams.
    pub fn critical_g(&self) -> i128 {
        i128::from(match self.source {
            Source::Named(c) => c.q_kg,
            Source::Category(c) => c.q_kg,
        }) * 1000
    }

    /// β in halves.
    pub fn beta2(&self) -> u32 {
        match self.beta {
            Beta::Gas(g) => g.beta2,
            Beta::Category(c) => c.beta2,
        }
    }
}

/// The longest integer part accepted (10^9 t).
const MAX_INTEGER_DIGITS: usize = 9;

/// Parses `text`, the inventory of row `row`, appending to `out` (cleared
/// first, so one buffer serves every row).
///
/// # Errors
/// `InvalidFacts` naming the row and the offending entry.
pub fn parse<'a>(row: usize, text: &'a str, out: &mut Vec<Entry<'a>>) -> Result<(), PluginError> {
    out.clear();
    if text.trim().is_empty() || text.trim() == "none" {
        return Ok(());
    }
    for (n, raw) in text.split(';').enumerate() {
        let entry = raw.trim();
        let fail = |why: String| {
            PluginError::invalid_facts(format!(
                "row {row}: fact `inventory` entry {} `{entry}`: {why}",
                n + 1
            ))
        };
        let Some((key, tonnes)) = entry.split_once('=') else {
            return Err(fail("expected KEY=TONNES".into()));
        };
        let key = key.trim();
        let q_g = parse_tonnes(tonnes.trim()).map_err(&fail)?;
        let (source, beta) = resolve(key).map_err(&fail)?;
        let entry = Entry {
            key,
            source,
            beta,
            q_g,
        };
        let identity = entry.identity();
        if let Some(first) = out.iter().find(|e| e.identity() == identity) {
            return Err(fail(if first.key == key {
                format!("`{key}` is listed twice")
            } else {
                format!(
                    "`{key}` is {}, already listed as `{}`: give the total in one entry",
                    identity.describe(),
                    first.key
                )
            }));
        }
        out.push(entry);
    }
    Ok(())
}

fn parse_tonnes(text: &str) -> Result<i128, String> {
    let bad =
        || format!("quantity `{text}` is not a decimal number of tonnes with at most 6 decimals");
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    if int.is_empty()
        || int.len() > MAX_INTEGER_DIGITS
        || frac.len() > 6
        || (text.contains('.') && frac.is_empty())
        || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
    {
        return Err(bad());
    }
    let mut grams: i128 = 0;
    for b in int.bytes() {
        grams = grams * 10 + i128::from(b - b'0');
    }
    for i in 0..6 {
        let digit = frac.as_bytes().get(i).map_or(0, |b| b - b'0');
        grams = grams * 10 + i128::from(digit);
    }
    Ok(grams)
}

fn resolve(key: &str) -> Result<(Source, Beta), String> {
    let (id, symbol) = match key.split_once('@') {
        Some((id, symbol)) => (id.trim(), Some(symbol.trim())),
        None => (key, None),
    };
    let category = match symbol {
        Some(s) => Some(tables::category(s).ok_or_else(|| {
            format!("`{s}` is not a GB 18218-2018 Table-2 category symbol (J1–J5, W1.1–W11)")
        })?),
        None => None,
    };
    if let Some(c) = tables::category(id) {
        if symbol.is_some() {
            return Err(format!("a category symbol `{id}` takes no `@`"));
        }
        return Ok((Source::Category(c), Beta::Category(c)));
    }
    let named = if let Some(number) = id.strip_prefix("T1.") {
        let row: u16 = number
            .parse()
            .map_err(|_| format!("`{id}`: expected T1.<row number 1–85>"))?;
        Some(tables::named_by_row(row).ok_or_else(|| format!("Table 1 has no row {row}"))?)
    } else if is_cas(id) {
        let mut rows = tables::named_by_cas(id);
        match (rows.next(), rows.next()) {
            (Some(one), None) => Some(one),
            (Some(first), Some(_)) => {
                let all: Vec<String> = std::iter::once(first)
                    .chain(tables::named_by_cas(id).skip(1))
                    .map(|c| format!("T1.{}", c.row))
                    .collect();
                return Err(format!(
                    "CAS {id} names several Table-1 rows; write one of {}",
                    all.join(", ")
                ));
            }
            (None, _) => None,
        }
    } else {
        return Err(format!(
            "`{id}` is neither a CAS number, T1.<row>, nor a Table-2 category symbol"
        ));
    };
    let gas = named
        .and_then(|c| c.cas.iter().find_map(|cas| tables::toxic_gas(cas)))
        .or_else(|| tables::toxic_gas(id));
    match (named, gas, category) {
        (Some(n), Some(g), None) => Ok((Source::Named(n), Beta::Gas(g))),
        (Some(n), Some(g), Some(_)) => Err(format!(
            "{} is a Table-3 toxic gas (β = {}); drop the `@` category",
            n.name,
            beta_text(g.beta2)
        )),
        (Some(n), None, Some(c)) => Ok((Source::Named(n), Beta::Category(c))),
        (Some(n), None, None) => Err(format!(
            "{} (Table 1 row {}) is not in Table 3: give its hazard category for β, e.g. `{id}@W5.3`",
            n.name, n.row
        )),
        (None, Some(g), Some(c)) => Ok((Source::Category(c), Beta::Gas(g))),
        (None, Some(g), None) => Err(format!(
            "{} is not named in Table 1: give its Table-2 category for Q, e.g. `{id}@J3`",
            g.name
        )),
        (None, None, _) => Err(format!(
            "CAS {id} is not in Table 1 or Table 3: enter it under its Table-2 category symbol"
        )),
    }
}

/// Whether `s` has the shape of a CAS number: 2–7 digits, 2 digits, 1 digit.
fn is_cas(s: &str) -> bool {
    let mut parts = s.split('-');
    let (Some(a), Some(b), Some(c), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    (2..=7).contains(&a.len())
        && b.len() == 2
        && c.len() == 1
        && digits(a)
        && digits(b)
        && digits(c)
}

/// β in halves as text: 4 → "2", 3 → "1.5".
pub fn beta_text(beta2: u32) -> String {
    if beta2.is_multiple_of(2) {
        (beta2 / 2).to_string()
    } else {
        format!("{}.5", beta2 / 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tonnes_parse_to_whole_grams() {
        assert_eq!(parse_tonnes("12.5"), Ok(12_500_000));
        assert_eq!(parse_tonnes("0.000001"), Ok(1));
        assert_eq!(parse_tonnes("7"), Ok(7_000_000));
        for bad in [
            "",
            "1.",
            ".5",
            "-1",
            "1e3",
            "1.0000001",
            "1,5",
            "1234567890",
        ] {
            assert!(parse_tonnes(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn cas_shape() {
        assert!(is_cas("7664-41-7"));
        assert!(is_cas("68476-85-7"));
        assert!(!is_cas("7664-41"));
        assert!(!is_cas("7664-4a-7"));
    }
}
