//! The columnar fact table that crosses the boundary on every hot call: one
//! typed column per fact, one row per entity (or per case), never one call
//! per field.

// The non-exhaustive enum derive generates unsafe layout code and impls of
// abi_stable's traits inside a function body.
#![allow(unsafe_code, non_local_definitions)]

use abi_stable::{
    StableAbi,
    nonexhaustive_enum::NonExhaustiveFor,
    std_types::{RString, RVec},
};

use crate::{CivilDate, PluginError};

/// The values of one column. A missing value (an optional fact not known for
/// a row) is marked in [`Column::present`]; its slot holds a placeholder.
///
/// It crosses the boundary as a [`ColumnValues`]: abi_stable's
/// non-exhaustive wrapper, whose storage has room for variants a later
/// minor contract appends, so that adding a kind of fact does not break the
/// layout check of plugins built before it.
#[repr(u8)]
#[derive(StableAbi, Debug, Clone, PartialEq)]
// 8 words: the largest variant takes 5 (tag and an `RVec`); the rest is
// room for later variants. The size is part of the layout: never shrink it.
#[sabi(kind(WithNonExhaustive(size = [usize; 8], traits(Debug, Clone, PartialEq))))]
pub enum ColumnData {
    /// Real numbers (amounts, quantities, measurements).
    Number(RVec<f64>),
    /// Whole numbers (counts of people, of events).
    Integer(RVec<i64>),
    /// Yes/no facts.
    Flag(RVec<bool>),
    /// Text, usually a code from a closed list the schema names.
    Text(RVec<RString>),
    /// Dates as days since 1970-01-01 (see [`CivilDate::to_days`]).
    Date(RVec<i32>),
}

impl ColumnData {
    /// Number of values.
    pub fn len(&self) -> usize {
        match self {
            Self::Number(v) => v.len(),
            Self::Integer(v) => v.len(),
            Self::Flag(v) => v.len(),
            Self::Text(v) => v.len(),
            Self::Date(v) => v.len(),
        }
    }

    /// Whether there are no values.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The kind of the values, as the schema names it.
    pub fn kind(&self) -> crate::FactKind {
        match self {
            Self::Number(_) => crate::FactKind::Number,
            Self::Integer(_) => crate::FactKind::Integer,
            Self::Flag(_) => crate::FactKind::Flag,
            Self::Text(_) => crate::FactKind::Text,
            Self::Date(_) => crate::FactKind::Date,
        }
    }
}

/// A [`ColumnData`] as it crosses the boundary. Read it with
/// [`Column::values`]; a kind of column from a later contract version reads
/// as `None`.
pub type ColumnValues = NonExhaustiveFor<ColumnData>;

/// One named column of facts.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, PartialEq)]
pub struct Column {
    /// The fact's name, as in the plugin's schema.
    pub name: RString,
    /// The values (build with [`Column::new`], read with [`Column::values`]).
    pub data: ColumnValues,
    /// Which rows have a value; empty means every row does.
    pub present: RVec<bool>,
}

impl Column {
    /// A column with a value in every row.
    pub fn new(name: &str, data: ColumnData) -> Self {
        Self {
            name: name.into(),
            data: ColumnValues::new(data),
            present: RVec::new(),
        }
    }

    /// The values, or `None` when they are of a kind a later contract
    /// version added, which this build cannot read.
    pub fn values(&self) -> Option<&ColumnData> {
        self.data.as_enum().ok()
    }

    /// Whether row `row` has a value.
    pub fn is_present(&self, row: usize) -> bool {
        self.present.is_empty() || self.present.get(row).copied().unwrap_or(false)
    }
}

/// A table of facts: equal-length typed columns.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, PartialEq, Default)]
pub struct FactTable {
    /// Number of rows.
    pub rows: u64,
    /// The columns, in any order; names are unique.
    pub columns: RVec<Column>,
}

impl FactTable {
    /// An empty table with `rows` rows and no columns yet.
    pub fn new(rows: usize) -> Self {
        Self {
            rows: rows as u64,
            columns: RVec::new(),
        }
    }

    /// Adds a column (builder style).
    pub fn with(mut self, column: Column) -> Self {
        self.columns.push(column);
        self
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows as usize
    }

    /// Whether the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// The column named `name`, if present.
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name.as_str() == name)
    }

    /// Typed, row-wise access to a number column; see [`Facts`].
    ///
    /// # Errors
    /// [`PluginError`] of kind `InvalidFacts` when the column is absent or of
    /// another kind (the host's schema check normally prevents both).
    pub fn numbers(&self, name: &str) -> Result<Facts<'_, f64>, PluginError> {
        self.typed(name, |d| match d {
            ColumnData::Number(v) => Some(v.as_slice()),
            _ => None,
        })
    }

    /// Typed access to an integer column; errors as [`FactTable::numbers`].
    ///
    /// # Errors
    /// As [`FactTable::numbers`].
    pub fn integers(&self, name: &str) -> Result<Facts<'_, i64>, PluginError> {
        self.typed(name, |d| match d {
            ColumnData::Integer(v) => Some(v.as_slice()),
            _ => None,
        })
    }

    /// Typed access to a flag column; errors as [`FactTable::numbers`].
    ///
    /// # Errors
    /// As [`FactTable::numbers`].
    pub fn flags(&self, name: &str) -> Result<Facts<'_, bool>, PluginError> {
        self.typed(name, |d| match d {
            ColumnData::Flag(v) => Some(v.as_slice()),
            _ => None,
        })
    }

    /// Typed access to a text column; errors as [`FactTable::numbers`].
    ///
    /// # Errors
    /// As [`FactTable::numbers`].
    pub fn texts(&self, name: &str) -> Result<Facts<'_, RString>, PluginError> {
        self.typed(name, |d| match d {
            ColumnData::Text(v) => Some(v.as_slice()),
            _ => None,
        })
    }

    /// Typed access to a date column (days since 1970-01-01); errors as
    /// [`FactTable::numbers`].
    ///
    /// # Errors
    /// As [`FactTable::numbers`].
    pub fn dates(&self, name: &str) -> Result<Facts<'_, i32>, PluginError> {
        self.typed(name, |d| match d {
            ColumnData::Date(v) => Some(v.as_slice()),
            _ => None,
        })
    }

    fn typed<'a, T>(
        &'a self,
        name: &str,
        pick: impl FnOnce(&'a ColumnData) -> Option<&'a [T]>,
    ) -> Result<Facts<'a, T>, PluginError> {
        match self.column(name) {
            // An optional fact the caller left out: every row is missing.
            None => Ok(Facts {
                values: &[],
                present: &[],
                absent: true,
            }),
            Some(column) => match column.values().and_then(pick) {
                Some(values) if values.len() == self.len() => Ok(Facts {
                    values,
                    present: column.present.as_slice(),
                    absent: false,
                }),
                Some(values) => Err(PluginError::invalid_facts(format!(
                    "column `{name}` has {} values for {} rows",
                    values.len(),
                    self.rows
                ))),
                None => Err(PluginError::invalid_facts(match column.values() {
                    Some(data) => format!(
                        "column `{name}` holds {} values, not the kind this plugin reads",
                        data.kind()
                    ),
                    None => format!(
                        "column `{name}` holds values of a kind this plugin's contract does not define"
                    ),
                })),
            },
        }
    }
}

/// Row-wise view of one typed column; a fact the table does not carry reads
/// as missing in every row.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a, T> {
    values: &'a [T],
    present: &'a [bool],
    absent: bool,
}

impl<'a, T> Facts<'a, T> {
    /// The value in `row`, or `None` when it is missing.
    pub fn get(&self, row: usize) -> Option<&'a T> {
        if self.absent
            || (!self.present.is_empty() && !self.present.get(row).copied().unwrap_or(false))
        {
            return None;
        }
        self.values.get(row)
    }

    /// The value in `row` of a required fact.
    ///
    /// # Errors
    /// `InvalidFacts` naming the column's row when the value is missing.
    pub fn required(&self, row: usize, name: &str) -> Result<&'a T, PluginError> {
        self.get(row).ok_or_else(|| {
            PluginError::invalid_facts(format!("row {row}: fact `{name}` is missing"))
        })
    }
}

impl Facts<'_, i32> {
    /// The date in `row`, or `None` when it is missing.
    pub fn date(&self, row: usize) -> Option<CivilDate> {
        self.get(row).map(|d| CivilDate::from_days(*d))
    }
}

impl Facts<'_, RString> {
    /// The position in `allowed` of the code in `row` of a coded text fact
    /// named `name`, or `None` when it is missing.
    ///
    /// # Errors
    /// `InvalidFacts` naming the row, fact and code when the code is not in
    /// `allowed` ([`PluginError::unknown_code`]).
    pub fn code(
        &self,
        row: usize,
        name: &str,
        allowed: &[&str],
    ) -> Result<Option<usize>, PluginError> {
        self.get(row)
            .map(|code| {
                allowed
                    .iter()
                    .position(|a| *a == code.as_str())
                    .ok_or_else(|| PluginError::unknown_code(row, name, code.as_str(), allowed))
            })
            .transpose()
    }
}

impl Facts<'_, bool> {
    /// The flag in `row`, with a missing value read as `false`.
    pub fn is_set(&self, row: usize) -> bool {
        self.get(row).copied().unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_by_position_in_the_allowed_list() {
        let t = FactTable::new(3).with(Column {
            present: vec![true, true, false].into(),
            ..Column::new(
                "level",
                ColumnData::Text(vec!["B".into(), "Z".into(), RString::new()].into()),
            )
        });
        let levels = t.texts("level").unwrap();
        assert_eq!(levels.code(0, "level", &["A", "B"]).unwrap(), Some(1));
        assert_eq!(levels.code(2, "level", &["A", "B"]).unwrap(), None);
        let err = levels.code(1, "level", &["A", "B"]).unwrap_err();
        assert_eq!(
            err.message.as_str(),
            "row 1: fact `level` has unknown code `Z` (expected one of A, B)"
        );
    }

    fn table() -> FactTable {
        FactTable::new(3)
            .with(Column::new(
                "sales_cny",
                ColumnData::Number(vec![1.0, 2.0, 3.0].into()),
            ))
            .with(Column {
                present: vec![true, false, true].into(),
                ..Column::new("tested", ColumnData::Flag(vec![true, false, false].into()))
            })
            .with(Column::new(
                "opened",
                ColumnData::Date(vec![0, 19_358, -1].into()),
            ))
    }

    #[test]
    fn typed_access_reads_values_and_missing_ones() {
        let t = table();
        assert_eq!(t.numbers("sales_cny").unwrap().get(2), Some(&3.0));
        let tested = t.flags("tested").unwrap();
        assert_eq!((tested.get(0), tested.get(1)), (Some(&true), None));
        assert!(!tested.is_set(1));
        assert_eq!(
            t.dates("opened").unwrap().date(1),
            CivilDate::new(2023, 1, 1)
        );
        // A fact the table does not carry reads as missing in every row.
        assert_eq!(t.integers("deaths").unwrap().get(0), None);
        let e = t
            .texts("deaths")
            .unwrap()
            .required(2, "deaths")
            .unwrap_err();
        assert_eq!(e.message.as_str(), "row 2: fact `deaths` is missing");
    }

    #[test]
    fn the_wrong_kind_or_length_is_an_error_naming_the_column() {
        let t = table();
        let e = t.integers("sales_cny").unwrap_err();
        assert_eq!(e.kind, crate::PluginErrorKind::InvalidFacts);
        assert_eq!(
            e.message.as_str(),
            "column `sales_cny` holds number values, not the kind this plugin reads"
        );
        let short = FactTable::new(2).with(Column::new("x", ColumnData::Integer(vec![1].into())));
        assert_eq!(
            short.integers("x").unwrap_err().message.as_str(),
            "column `x` has 1 values for 2 rows"
        );
    }
}
