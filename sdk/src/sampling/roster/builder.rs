//! Building a target roster from values a host lends row by row — its own
//! columns, say — without a [`RosterEntry`] (and its owned strings) per row,
//! and sorting it on every core.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Columns, RosterEntry, Row, TargetRoster, industry_bit, region_number};
use crate::entity::{EntityKind, EntityStatus, Industry, RegionCode, Uscc};
use crate::sampling::error::SamplingError;
use crate::sampling::prf::uscc_block;

/// One entity's values as a host holds them, borrowed: the fields of
/// [`RosterEntry`], with the class name and business lines lent rather
/// than owned.
#[derive(Debug, Clone, Copy)]
pub struct EntryRef<'a> {
    /// The entity's code.
    pub uscc: Uscc,
    /// Region of registration (GB/T 2260, 6 digits).
    pub region: RegionCode,
    /// Business lines.
    pub industries: &'a [Industry],
    /// Registration status.
    pub status: EntityStatus,
    /// Credit class code (e.g. "B").
    pub credit_class: &'a str,
    /// Date of registration.
    pub registered_on: NaiveDate,
    /// Date of the latest administrative penalty decision, if any.
    pub last_penalty_on: Option<NaiveDate>,
    /// Risk weight for weighted draws, a positive integer.
    pub weight: u32,
}

impl<'a> From<&'a RosterEntry> for EntryRef<'a> {
    fn from(e: &'a RosterEntry) -> Self {
        EntryRef {
            uscc: e.uscc,
            region: e.region,
            industries: &e.industries,
            status: e.status,
            credit_class: &e.credit_class,
            registered_on: e.registered_on,
            last_penalty_on: e.last_penalty_on,
            weight: e.weight,
        }
    }
}

/// Class names a builder looks up by comparing them one by one before
/// hashing: a roster's classes are few (A–D, say), and comparing a short
/// name with each is quicker than hashing it.
const FEW_CLASSES: usize = 8;

/// A target roster being built, row by row: each row is checked as it is
/// pushed ([`RosterBuilder::push`]), and [`RosterBuilder::finish`] sorts
/// the rows by code and checks that no code repeats. Builders of parts of
/// one input, filled on several threads, join with
/// [`RosterBuilder::append`].
///
/// [`TargetRoster::new`] is this builder over owned entries; the result is
/// the same roster, whichever way it was built.
#[derive(Debug, Default)]
pub struct RosterBuilder {
    /// Row number of the first row pushed, for refusals.
    first_row: usize,
    classes: Vec<String>,
    class_ix: HashMap<String, u16>,
    cols: Columns,
    /// Whether some row did not come after the one before it in code order
    /// (out of order, or repeated): then [`RosterBuilder::finish`] sorts
    /// and checks for repeats; otherwise the codes rise strictly already.
    unsorted: bool,
}

impl RosterBuilder {
    /// An empty builder with room for `capacity` rows.
    pub fn with_capacity(capacity: usize) -> Self {
        Self::starting_at(0, capacity)
    }

    /// An empty builder for rows numbered from `first_row` (a part of a
    /// larger input: refusals name the row in the whole), with room for
    /// `capacity` rows.
    pub fn starting_at(first_row: usize, capacity: usize) -> Self {
        RosterBuilder {
            first_row,
            classes: Vec::new(),
            class_ix: HashMap::new(),
            cols: Columns::with_capacity(capacity),
            unsorted: false,
        }
    }

    /// Rows pushed so far.
    pub fn len(&self) -> usize {
        self.cols.len()
    }

    /// Whether no row has been pushed.
    pub fn is_empty(&self) -> bool {
        self.cols.len() == 0
    }

    /// Adds one entity.
    ///
    /// # Errors
    /// [`SamplingError::InvalidRoster`], naming the row, for a weight of 0,
    /// a blank class, or a 65,537th distinct class; the builder is then as
    /// it was before the call.
    pub fn push(&mut self, e: EntryRef<'_>) -> Result<(), SamplingError> {
        let row = self.first_row + self.cols.len();
        let invalid = |problem: &str| SamplingError::InvalidRoster {
            row,
            uscc: e.uscc,
            problem: problem.into(),
        };
        if e.weight == 0 {
            return Err(invalid("weight is 0; weights are positive integers"));
        }
        let class = match self.class_of(e.credit_class) {
            Some(c) => c,
            None if e.credit_class.trim().is_empty() => {
                return Err(invalid("credit_class is blank"));
            }
            None => self
                .add_class(e.credit_class)
                .ok_or_else(|| invalid("more than 65,536 distinct credit classes"))?,
        };
        let block = uscc_block(&e.uscc);
        if let Some(last) = self.cols.block.last()
            && u128::from_be_bytes(*last) >= block
        {
            self.unsorted = true;
        }
        self.cols.push(&Row {
            block,
            kind: EntityKind::from_uscc(&e.uscc),
            uscc: e.uscc,
            region: region_number(&e.region),
            industries: e.industries.iter().fold(0, |m, i| m | industry_bit(*i)),
            status: e.status,
            class,
            registered_on: e.registered_on,
            last_penalty_on: e.last_penalty_on,
            weight: e.weight,
        });
        Ok(())
    }

    /// The number of a class seen before.
    #[inline]
    fn class_of(&self, name: &str) -> Option<u16> {
        if self.classes.len() <= FEW_CLASSES {
            // The index fits: there are at most FEW_CLASSES.
            self.classes
                .iter()
                .position(|c| c == name)
                .map(|c| c as u16)
        } else {
            self.class_ix.get(name).copied()
        }
    }

    /// Numbers a new class; `None` when 65,536 are numbered already.
    fn add_class(&mut self, name: &str) -> Option<u16> {
        let c = u16::try_from(self.classes.len()).ok()?;
        self.class_ix.insert(name.to_owned(), c);
        self.classes.push(name.to_owned());
        Some(c)
    }

    /// Adds the rows of `other` (a later part of the same input) after
    /// these.
    ///
    /// # Errors
    /// [`SamplingError::InvalidRoster`] when the two hold more than 65,536
    /// distinct classes between them; `self` is then unchanged.
    pub fn append(&mut self, other: RosterBuilder) -> Result<(), SamplingError> {
        // Room for the classes new to `self` is checked first, so that a
        // refusal changes nothing.
        let new: Vec<usize> = (0..other.classes.len())
            .filter(|&k| self.class_of(&other.classes[k]).is_none())
            .collect();
        if let Some(&k) = new.get((1 << 16) - self.classes.len().min(1 << 16)) {
            let at = other
                .cols
                .class
                .iter()
                .position(|&c| c as usize == k)
                .expect("a class is some row's");
            return Err(SamplingError::InvalidRoster {
                row: other.first_row + at,
                uscc: other.cols.uscc[at],
                problem: "more than 65,536 distinct credit classes".into(),
            });
        }
        let map: Vec<u16> = other
            .classes
            .iter()
            .map(|name| match self.class_of(name) {
                Some(c) => c,
                None => self.add_class(name).expect("room checked above"),
            })
            .collect();
        let mut cols = other.cols;
        for c in &mut cols.class {
            *c = map[*c as usize];
        }
        self.unsorted |= other.unsorted
            || matches!((self.cols.block.last(), cols.block.first()), (Some(a), Some(b)) if a >= b);
        self.cols.append(&mut cols);
        Ok(())
    }

    /// The roster: rows sorted by code (nothing to do for rows pushed in
    /// code order, as a register is often kept; otherwise sorted on as many
    /// threads as the machine has), the digest left for its first use.
    ///
    /// # Errors
    /// [`SamplingError::DuplicateEntity`] when a code appears twice.
    pub fn finish(self) -> Result<TargetRoster, SamplingError> {
        let RosterBuilder {
            classes,
            cols,
            unsorted,
            ..
        } = self;
        let cols = if unsorted { sorted(cols)? } else { cols };
        Ok(TargetRoster::from_parts(cols, classes))
    }
}

/// Parts sorted at once; a merge compares the heads of all of them.
const MAX_SORT_PARTS: usize = 8;
/// Below this many rows a part is not worth a thread.
const MIN_SORT_PART: usize = 1 << 16;

/// `cols` in code order: (block, row) pairs sorted in parts on several
/// threads and merged, then every column gathered in that order. A
/// repeated code is refused.
fn sorted(cols: Columns) -> Result<Columns, SamplingError> {
    let n = cols.len();
    let mut keys: Vec<(u128, u32)> = cols
        .block
        .iter()
        .enumerate()
        .map(|(i, b)| (u128::from_be_bytes(*b), i as u32))
        .collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let parts = threads.min(MAX_SORT_PARTS).min(n / MIN_SORT_PART).max(1);
    let size = n.div_ceil(parts).max(1);
    std::thread::scope(|scope| {
        let mut chunks = keys.chunks_mut(size);
        let mine = chunks.next();
        let others: Vec<_> = chunks
            .map(|c| scope.spawn(move || c.sort_unstable()))
            .collect();
        if let Some(c) = mine {
            c.sort_unstable();
        }
        for h in others {
            h.join().expect("a sort does not panic");
        }
    });
    let mut heads: Vec<&[(u128, u32)]> = keys.chunks(size).collect();
    let mut order: Vec<u32> = Vec::with_capacity(n);
    let mut last: Option<u128> = None;
    loop {
        // The part whose next key is the smallest.
        let mut best: Option<usize> = None;
        for (p, h) in heads.iter().enumerate() {
            if let Some(k) = h.first()
                && best.is_none_or(|b| k.0 < heads[b][0].0)
            {
                best = Some(p);
            }
        }
        let Some(p) = best else { break };
        let (&(block, row), rest) = heads[p].split_first().expect("a head");
        heads[p] = rest;
        if last == Some(block) {
            return Err(SamplingError::DuplicateEntity {
                uscc: cols.uscc[row as usize],
            });
        }
        last = Some(block);
        order.push(row);
    }
    Ok(cols.gather(&order))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::uniform_roster;

    fn entry(code: &str, class: &str, weight: u32) -> RosterEntry {
        RosterEntry {
            uscc: Uscc::with_check_character(code).unwrap(),
            region: RegionCode::PINGDU,
            industries: vec![Industry::FoodSales],
            status: EntityStatus::Operating,
            credit_class: class.into(),
            registered_on: "2015-01-01".parse().unwrap(),
            last_penalty_on: None,
            weight,
        }
    }

    /// Two builders over the halves of a shuffled roster of many classes,
    /// appended and finished on several threads, give the roster (and so
    /// the digest) that one builder over the whole gives.
    #[test]
    fn parts_built_apart_make_the_same_roster() {
        let mut entries = uniform_roster(200_000);
        // Reverse order, so the sort has work; more classes than FEW_CLASSES
        // in the second half only, so append must renumber.
        entries.reverse();
        for (i, e) in entries.iter_mut().enumerate().skip(100_000) {
            e.credit_class = format!("K{}", i % 12);
        }
        let whole = TargetRoster::new(entries.iter().cloned()).unwrap();
        let (lo, hi) = entries.split_at(100_000);
        let mut a = RosterBuilder::starting_at(0, lo.len());
        let mut b = RosterBuilder::starting_at(lo.len(), hi.len());
        for e in hi {
            b.push(e.into()).unwrap();
        }
        for e in lo {
            a.push(e.into()).unwrap();
        }
        a.append(b).unwrap();
        let parts = a.finish().unwrap();
        assert_eq!(parts.len(), 200_000);
        assert_eq!(parts.digest(), whole.digest());
        assert!(parts.entries().eq(whole.entries()));
        // In code order.
        let codes: Vec<Uscc> = parts.entries().map(|e| e.uscc).collect();
        assert!(
            codes
                .windows(2)
                .all(|w| uscc_block(&w[0]) < uscc_block(&w[1]))
        );
    }

    /// A refusal names the row in the whole input and leaves the builder
    /// as it was; a code given twice, in two parts, is found at the end.
    #[test]
    fn refusals_name_the_row_and_change_nothing() {
        let mut b = RosterBuilder::starting_at(500, 4);
        b.push((&entry("91370283MA0000001", "A", 1)).into())
            .unwrap();
        let err = b
            .push((&entry("91370283MA0000002", "A", 0)).into())
            .unwrap_err();
        assert!(
            matches!(&err, SamplingError::InvalidRoster { row: 501, problem, .. } if problem.contains("weight is 0")),
            "{err}"
        );
        let err = b
            .push((&entry("91370283MA0000002", " ", 1)).into())
            .unwrap_err();
        assert!(
            matches!(&err, SamplingError::InvalidRoster { row: 501, problem, .. } if problem == "credit_class is blank"),
            "{err}"
        );
        assert_eq!(b.len(), 1);
        let mut other = RosterBuilder::starting_at(501, 1);
        other
            .push((&entry("91370283MA0000001", "B", 1)).into())
            .unwrap();
        b.append(other).unwrap();
        let err = b.finish().unwrap_err();
        let dup = Uscc::with_check_character("91370283MA0000001").unwrap();
        assert!(matches!(err, SamplingError::DuplicateEntity { uscc } if uscc == dup));
    }

    /// Two parts with more than 65,536 classes between them: the append is
    /// refused at the first row whose class does not fit, and the first
    /// part is left as it was.
    #[test]
    fn an_append_past_the_class_limit_changes_nothing() {
        let entries = uniform_roster(65_600);
        let (lo, hi) = entries.split_at(65_000);
        let mut a = RosterBuilder::starting_at(0, lo.len());
        for (i, e) in lo.iter().enumerate() {
            let mut e = e.clone();
            e.credit_class = format!("C{i}");
            a.push((&e).into()).unwrap();
        }
        let mut b = RosterBuilder::starting_at(lo.len(), hi.len());
        for (i, e) in hi.iter().enumerate() {
            let mut e = e.clone();
            // The first 10 rows repeat classes of `a`; then 590 new ones.
            e.credit_class = if i < 10 {
                format!("C{i}")
            } else {
                format!("N{i}")
            };
            b.push((&e).into()).unwrap();
        }
        let err = a.append(b).unwrap_err();
        // 536 new classes fit (65,000 + 536 = 65,536): row 10 + 536 of `b`.
        let at = 65_000 + 10 + 536;
        assert!(
            matches!(&err, SamplingError::InvalidRoster { row, uscc, problem }
                if *row == at && *uscc == entries[at].uscc && problem.contains("65,536")),
            "{err}"
        );
        assert_eq!((a.len(), a.classes.len()), (65_000, 65_000));
        assert_eq!(a.finish().unwrap().len(), 65_000);
    }
}
