//! The target roster (检查对象名录库) and the inspection history a draw is
//! checked against, each with its order-independent digest (draw algorithm §2).

use std::collections::HashMap;
use std::io::Write;
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

mod builder;
mod history;

pub use builder::{EntryRef, RosterBuilder};
pub use history::{InspectionHistory, PastInspection};

use super::error::SamplingError;
use super::prf::Digest32;
use super::wire::object_only;
use crate::entity::{EntityKind, EntityStatus, Industry, RegionCode, Uscc};

/// One entity of a target roster, as a host supplies it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    remote = "Self",
    deny_unknown_fields,
    expecting = "a target roster entry object"
)]
pub struct RosterEntry {
    /// The entity's code.
    pub uscc: Uscc,
    /// Region of registration (GB/T 2260, 6 digits).
    pub region: RegionCode,
    /// Business lines.
    #[serde(default)]
    pub industries: Vec<Industry>,
    /// Registration status.
    pub status: EntityStatus,
    /// Credit class code (e.g. "B").
    pub credit_class: String,
    /// Date of registration (成立日期).
    #[serde(deserialize_with = "super::wire::date")]
    pub registered_on: NaiveDate,
    /// Date of the latest administrative penalty decision, if any.
    #[serde(default, deserialize_with = "super::wire::optional_date")]
    pub last_penalty_on: Option<NaiveDate>,
    /// Risk weight for weighted draws, a positive integer; 1 by default.
    #[serde(default = "one", deserialize_with = "super::wire::positive32")]
    pub weight: u32,
}

fn one() -> u32 {
    1
}

/// One entity in the compact form of the roster.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row {
    pub uscc: Uscc,
    pub block: u128,
    pub region: u32,
    pub industries: u16,
    pub status: EntityStatus,
    pub kind: EntityKind,
    pub class: u16,
    pub registered_on: NaiveDate,
    pub last_penalty_on: Option<NaiveDate>,
    pub weight: u32,
}

/// The roster as columns, in code order: a draw's scan reads only the
/// columns its rules need (blocks and classes, mostly), which keeps a
/// province-sized scan within memory bandwidth.
#[derive(Debug, Clone, Default)]
pub(crate) struct Columns {
    pub uscc: Vec<Uscc>,
    /// Each code's block (§4) as the cipher takes it: big-endian bytes,
    /// which also order as the numbers do.
    pub block: Vec<[u8; 16]>,
    pub region: Vec<u32>,
    pub industries: Vec<u16>,
    pub status: Vec<EntityStatus>,
    pub kind: Vec<EntityKind>,
    pub class: Vec<u16>,
    pub registered_on: Vec<NaiveDate>,
    pub last_penalty_on: Vec<Option<NaiveDate>>,
    pub weight: Vec<u32>,
}

impl Columns {
    pub fn with_capacity(n: usize) -> Self {
        Columns {
            uscc: Vec::with_capacity(n),
            block: Vec::with_capacity(n),
            region: Vec::with_capacity(n),
            industries: Vec::with_capacity(n),
            status: Vec::with_capacity(n),
            kind: Vec::with_capacity(n),
            class: Vec::with_capacity(n),
            registered_on: Vec::with_capacity(n),
            last_penalty_on: Vec::with_capacity(n),
            weight: Vec::with_capacity(n),
        }
    }

    /// Appends one row.
    #[inline]
    pub fn push(&mut self, r: &Row) {
        self.uscc.push(r.uscc);
        self.block.push(r.block.to_be_bytes());
        self.region.push(r.region);
        self.industries.push(r.industries);
        self.status.push(r.status);
        self.kind.push(r.kind);
        self.class.push(r.class);
        self.registered_on.push(r.registered_on);
        self.last_penalty_on.push(r.last_penalty_on);
        self.weight.push(r.weight);
    }

    /// Appends the rows of `other`, emptying it.
    pub fn append(&mut self, other: &mut Columns) {
        self.uscc.append(&mut other.uscc);
        self.block.append(&mut other.block);
        self.region.append(&mut other.region);
        self.industries.append(&mut other.industries);
        self.status.append(&mut other.status);
        self.kind.append(&mut other.kind);
        self.class.append(&mut other.class);
        self.registered_on.append(&mut other.registered_on);
        self.last_penalty_on.append(&mut other.last_penalty_on);
        self.weight.append(&mut other.weight);
    }

    /// The rows `order` names, in that order.
    pub fn gather(&self, order: &[u32]) -> Columns {
        fn pick<T: Copy>(col: &[T], order: &[u32]) -> Vec<T> {
            order.iter().map(|&i| col[i as usize]).collect()
        }
        Columns {
            uscc: pick(&self.uscc, order),
            block: pick(&self.block, order),
            region: pick(&self.region, order),
            industries: pick(&self.industries, order),
            status: pick(&self.status, order),
            kind: pick(&self.kind, order),
            class: pick(&self.class, order),
            registered_on: pick(&self.registered_on, order),
            last_penalty_on: pick(&self.last_penalty_on, order),
            weight: pick(&self.weight, order),
        }
    }

    pub fn len(&self) -> usize {
        self.block.len()
    }

    pub fn row(&self, i: usize) -> Row {
        Row {
            uscc: self.uscc[i],
            block: u128::from_be_bytes(self.block[i]),
            region: self.region[i],
            industries: self.industries[i],
            status: self.status[i],
            kind: self.kind[i],
            class: self.class[i],
            registered_on: self.registered_on[i],
            last_penalty_on: self.last_penalty_on[i],
            weight: self.weight[i],
        }
    }
}

/// A target roster: entities sorted by code, with class codes interned and
/// the digest of §2 computed once, the first time it is asked for (a roster
/// that is one part of a larger one never needs its own).
#[derive(Debug, Clone)]
pub struct TargetRoster {
    pub(crate) cols: Columns,
    pub(crate) classes: Vec<String>,
    digest: OnceLock<Digest32>,
}

impl TargetRoster {
    /// Fixes a roster. Order does not matter: rows are sorted by code
    /// ([`RosterBuilder`] over the entries).
    ///
    /// # Errors
    /// [`SamplingError::InvalidRoster`] for a weight of 0 or a blank class;
    /// [`SamplingError::DuplicateEntity`] when a code appears twice.
    pub fn new(entries: impl IntoIterator<Item = RosterEntry>) -> Result<Self, SamplingError> {
        let entries = entries.into_iter();
        let mut b = RosterBuilder::with_capacity(entries.size_hint().0);
        for e in entries {
            b.push((&e).into())?;
        }
        b.finish()
    }

    /// A roster of columns already in code order and the classes they number.
    pub(crate) fn from_parts(cols: Columns, classes: Vec<String>) -> Self {
        TargetRoster {
            cols,
            classes,
            digest: OnceLock::new(),
        }
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.cols.len()
    }

    /// Whether the roster is empty.
    pub fn is_empty(&self) -> bool {
        self.cols.len() == 0
    }

    /// The roster's digest (§2), computed on first use.
    pub fn digest(&self) -> &Digest32 {
        self.digest.get_or_init(|| {
            let mut hasher = Sha256::new();
            self.hash_lines(&mut hasher);
            hasher.finalize().into()
        })
    }

    /// The code of the first and of the last entity, in code order; `None`
    /// for an empty roster. Parts of one roster have disjoint ranges.
    pub fn code_range(&self) -> Option<(Uscc, Uscc)> {
        Some((*self.cols.uscc.first()?, *self.cols.uscc.last()?))
    }

    /// The entries back, in code order.
    pub fn entries(&self) -> impl Iterator<Item = RosterEntry> + '_ {
        (0..self.cols.len()).map(|i| self.entry(&self.cols.row(i)))
    }

    fn entry(&self, r: &Row) -> RosterEntry {
        RosterEntry {
            uscc: r.uscc,
            region: RegionCode::parse(&format!("{:06}", r.region)).expect("parsed on the way in"),
            industries: Industry::all()
                .filter(|i| r.industries & industry_bit(*i) != 0)
                .collect(),
            status: r.status,
            credit_class: self.classes[r.class as usize].clone(),
            registered_on: r.registered_on,
            last_penalty_on: r.last_penalty_on,
            weight: r.weight,
        }
    }

    /// Feeds every row's §2 canonical line, in code order, to `hasher`.
    pub(crate) fn hash_lines(&self, hasher: &mut Sha256) {
        let mut lines = Lines::new(self);
        let mut buf = Vec::with_capacity(HASH_BUFFER + 512);
        for i in 0..self.cols.len() {
            lines.write(i, &mut buf);
            if buf.len() >= HASH_BUFFER {
                hasher.update(&buf);
                buf.clear();
            }
        }
        hasher.update(&buf);
    }
}

/// Lines gathered before they are hashed: one call into the hash per many.
const HASH_BUFFER: usize = 1 << 16;

/// Writes a roster's rows as §2 canonical lines: with keys in order,
/// `{"credit_class":…,"industries":[…],"last_penalty_on":…,"region":…,
/// "registered_on":…,"status":…,"uscc":…,"weight":…}` and a newline.
/// What repeats from row to row (each class as JSON text, each set of
/// business lines) is written once and copied after that.
pub(crate) struct Lines<'a> {
    cols: &'a Columns,
    /// `{"credit_class":"B","industries":` for class index i.
    classes: Vec<Vec<u8>>,
    /// `[…]` for a set of business lines (their bits).
    industries: HashMap<u16, Vec<u8>>,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(roster: &'a TargetRoster) -> Self {
        let classes = roster
            .classes
            .iter()
            .map(|c| {
                let mut v = b"{\"credit_class\":".to_vec();
                serde_json::to_writer(&mut v, c).expect("string");
                v.extend_from_slice(b",\"industries\":");
                v
            })
            .collect();
        Lines {
            cols: &roster.cols,
            classes,
            industries: HashMap::new(),
        }
    }

    /// Appends the line of row `i` to `out`.
    pub(crate) fn write(&mut self, i: usize, out: &mut Vec<u8>) {
        let c = self.cols;
        out.extend_from_slice(&self.classes[c.class[i] as usize]);
        match c.industries[i] {
            0 => out.extend_from_slice(b"[]"),
            bits => out.extend_from_slice(self.industries.entry(bits).or_insert_with(|| {
                let mut ids: Vec<&str> = Industry::all()
                    .filter(|i| bits & industry_bit(*i) != 0)
                    .map(Industry::id)
                    .collect();
                ids.sort_unstable();
                let mut v = b"[".to_vec();
                for (n, id) in ids.iter().enumerate() {
                    if n > 0 {
                        v.push(b',');
                    }
                    write!(v, "\"{id}\"").expect("vec");
                }
                v.push(b']');
                v
            })),
        }
        out.extend_from_slice(b",\"last_penalty_on\":");
        match c.last_penalty_on[i] {
            Some(d) => {
                out.push(b'"');
                write_date(d, out);
                out.push(b'"');
            }
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"region\":\"");
        write_digits(c.region[i], 6, out);
        out.extend_from_slice(b"\",\"registered_on\":\"");
        write_date(c.registered_on[i], out);
        out.extend_from_slice(b"\",\"status\":\"");
        out.extend_from_slice(c.status[i].id().as_bytes());
        out.extend_from_slice(b"\",\"uscc\":\"");
        out.extend_from_slice(c.uscc[i].as_bytes());
        out.extend_from_slice(b"\",\"weight\":");
        let w = c.weight[i];
        let width = w.checked_ilog10().map_or(1, |l| l as usize + 1);
        write_digits(w, width, out);
        out.extend_from_slice(b"}\n");
    }
}

/// `v` in `width` decimal digits, zero-padded (`v` has no more digits).
fn write_digits(mut v: u32, width: usize, out: &mut Vec<u8>) {
    let at = out.len();
    out.resize(at + width, b'0');
    for d in out[at..].iter_mut().rev() {
        *d = b'0' + (v % 10) as u8;
        v /= 10;
    }
}

/// A date as its `Display` writes it: `YYYY-MM-DD` for years 0 to 9999,
/// which are written here digit by digit; any other by `Display`.
fn write_date(d: NaiveDate, out: &mut Vec<u8>) {
    use chrono::Datelike;
    match u32::try_from(d.year()) {
        Ok(y) if y <= 9999 => {
            write_digits(y, 4, out);
            out.push(b'-');
            write_digits(d.month(), 2, out);
            out.push(b'-');
            write_digits(d.day(), 2, out);
        }
        _ => write!(out, "{d}").expect("vec"),
    }
}

/// The digest of a roster given in parts (§2): SHA-256 over every row's
/// canonical line in code order, so parts merge into the digest of the whole.
///
/// # Errors
/// [`SamplingError::DuplicateEntity`] when two parts hold the same code.
pub fn digest_sorted_parts(parts: &[&TargetRoster]) -> Result<Digest32, SamplingError> {
    let mut hasher = Sha256::new();
    let mut pos = vec![0usize; parts.len()];
    let mut lines: Vec<Lines<'_>> = parts.iter().map(|p| Lines::new(p)).collect();
    let mut buf = Vec::with_capacity(HASH_BUFFER + 512);
    let mut last: Option<[u8; 16]> = None;
    loop {
        // k-way merge by code; parts are few, so a linear scan is enough.
        let mut best: Option<(usize, [u8; 16])> = None;
        for (p, part) in parts.iter().enumerate() {
            if let Some(&block) = part.cols.block.get(pos[p])
                && best.is_none_or(|(_, b)| block < b)
            {
                best = Some((p, block));
            }
        }
        let Some((p, block)) = best else { break };
        if last == Some(block) {
            return Err(SamplingError::DuplicateEntity {
                uscc: parts[p].cols.uscc[pos[p]],
            });
        }
        last = Some(block);
        lines[p].write(pos[p], &mut buf);
        if buf.len() >= HASH_BUFFER {
            hasher.update(&buf);
            buf.clear();
        }
        pos[p] += 1;
    }
    hasher.update(&buf);
    Ok(hasher.finalize().into())
}

pub(crate) fn industry_bit(i: Industry) -> u16 {
    let ix = Industry::all().position(|x| x == i).expect("listed");
    1 << ix
}

pub(crate) fn region_number(r: &RegionCode) -> u32 {
    r.digits()
        .iter()
        .fold(0, |v, &d| v * 10 + u32::from(d - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::uniform_roster;

    /// A row's §2 line as `Display` and serde_json write it: what [`Lines`]
    /// must give byte for byte.
    fn reference_line(roster: &TargetRoster, i: usize) -> Vec<u8> {
        let r = roster.cols.row(i);
        let mut out = b"{\"credit_class\":".to_vec();
        serde_json::to_writer(&mut out, &roster.classes[r.class as usize]).unwrap();
        let mut ids: Vec<&str> = Industry::all()
            .filter(|i| r.industries & industry_bit(*i) != 0)
            .map(Industry::id)
            .collect();
        ids.sort_unstable();
        let ids: Vec<String> = ids.iter().map(|id| format!("\"{id}\"")).collect();
        write!(out, ",\"industries\":[{}]", ids.join(",")).unwrap();
        match r.last_penalty_on {
            Some(d) => write!(out, ",\"last_penalty_on\":\"{d}\"").unwrap(),
            None => out.extend_from_slice(b",\"last_penalty_on\":null"),
        }
        writeln!(
            out,
            ",\"region\":\"{:06}\",\"registered_on\":\"{}\",\"status\":\"{}\",\"uscc\":\"{}\",\"weight\":{}}}",
            r.region,
            r.registered_on,
            r.status.id(),
            r.uscc,
            r.weight
        )
        .unwrap();
        out
    }

    /// Classes that JSON must escape, sets of business lines, penalty dates
    /// before year 1000, weights of one to ten digits, an area code with a
    /// leading zero: the canonical lines are those `Display` writes.
    #[test]
    fn canonical_lines_match_the_formatted_ones() {
        let industries = [
            vec![],
            vec![Industry::FoodSales],
            vec![
                Industry::Catering,
                Industry::FoodSales,
                Industry::DrugRetail,
            ],
        ];
        let classes = ["A", "B\"quoted\"", "信用\\C", "D\u{1}"];
        let entries: Vec<RosterEntry> = uniform_roster(2_000)
            .into_iter()
            .enumerate()
            .map(|(i, mut e)| {
                e.credit_class = classes[i % 4].into();
                e.industries = industries[i % 3].clone();
                e.weight = [1, 9, 10, 4_000_000_000, 123_456][i % 5];
                e.last_penalty_on = match i % 4 {
                    0 => None,
                    1 => NaiveDate::from_ymd_opt(2024, 2, 29),
                    2 => NaiveDate::from_ymd_opt(987, 1, 5),
                    _ => NaiveDate::from_ymd_opt(9999, 12, 31),
                };
                if i % 7 == 0 {
                    e.region = RegionCode::parse("010101").unwrap();
                }
                e
            })
            .collect();
        let roster = TargetRoster::new(entries).unwrap();
        let mut lines = Lines::new(&roster);
        let mut all = Vec::new();
        for i in 0..roster.len() {
            let mut line = Vec::new();
            lines.write(i, &mut line);
            assert_eq!(
                String::from_utf8(line.clone()).unwrap(),
                String::from_utf8(reference_line(&roster, i)).unwrap()
            );
            all.extend_from_slice(&line);
        }
        assert_eq!(roster.digest(), &<Digest32>::from(Sha256::digest(&all)));
    }
}

object_only!(RosterEntry);
