//! Fact tables for a plugin operation, read from a frame column by column.

use arrow_array::Array;
use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int64Type};
use arrow_schema::DataType;
use sdk::supervisor::codes::Uscc;
use sdk::supervisor::plugins::{Column, ColumnData, FactKind, FactSpec, FactTable};

use super::{Dates, Frame, days_of, str_at};
use crate::errors::{Failure, Result};

/// Reads a fact table for a plugin operation from a frame: one column per
/// fact of `schema` (absent optional facts may be left out, nulls are
/// missing values; other columns are ignored, as a register's whole frame
/// is given). A `uscc` column the schema does not name is returned apart,
/// as the rows' ids, each checked as a code (`UsccError` naming the row).
pub(crate) fn facts(
    frame: &Frame,
    schema: &[FactSpec],
) -> Result<(FactTable, Option<Vec<Option<String>>>)> {
    facts_table(frame, schema).map_err(|e| match e {
        Failure::Input(m) => Failure::Facts(m),
        other => other,
    })
}

fn facts_table(
    frame: &Frame,
    schema: &[FactSpec],
) -> Result<(FactTable, Option<Vec<Option<String>>>)> {
    let id_column = !schema.iter().any(|s| s.name == "uscc");
    let rows = frame.rows();
    let mut table = FactTable::new(rows);
    for spec in schema {
        let to = match spec.kind {
            FactKind::Number => DataType::Float64,
            FactKind::Integer => DataType::Int64,
            FactKind::Flag => DataType::Boolean,
            FactKind::Text => DataType::Utf8,
            FactKind::Date => DataType::Date32,
        };
        let cols: Option<Vec<Dates>> = match spec.kind {
            FactKind::Text => frame
                .text(&spec.name)?
                .map(|c| c.into_iter().map(Dates::Text).collect()),
            FactKind::Date => frame.dates(&spec.name)?,
            _ => frame
                .column(&spec.name, &to)?
                .map(|c| c.into_iter().map(Dates::Days).collect()),
        };
        let Some(cols) = cols else {
            if spec.required {
                return Err(Failure::Input(format!(
                    "{}: required fact `{}` has no column",
                    frame.what, spec.name
                )));
            }
            continue;
        };
        let mut present = Vec::with_capacity(rows);
        let mut data = match spec.kind {
            FactKind::Number => ColumnData::Number(Default::default()),
            FactKind::Integer => ColumnData::Integer(Default::default()),
            FactKind::Flag => ColumnData::Flag(Default::default()),
            FactKind::Date => ColumnData::Date(Default::default()),
            FactKind::Text => ColumnData::Text(Default::default()),
        };
        let mut row = 0;
        for col in &cols {
            let (Dates::Days(a) | Dates::Text(a)) = col;
            for i in 0..a.len() {
                present.push(!a.is_null(i));
            }
            match &mut data {
                ColumnData::Number(v) => {
                    v.extend(a.as_primitive::<Float64Type>().values().iter().copied());
                }
                ColumnData::Integer(v) => {
                    v.extend(a.as_primitive::<Int64Type>().values().iter().copied());
                }
                ColumnData::Flag(v) => v.extend(a.as_boolean().iter().map(|b| b.unwrap_or(false))),
                ColumnData::Date(v) => {
                    for i in 0..a.len() {
                        let d = col.at(i).map_err(|e| {
                            Failure::Input(format!(
                                "{} {}, fact `{}`: {e}",
                                frame.what,
                                frame.names.name(row + i, None),
                                spec.name
                            ))
                        })?;
                        v.push(d.map_or(0, days_of));
                    }
                }
                ColumnData::Text(v) => {
                    v.extend((0..a.len()).map(|i| str_at(a.as_ref(), i).unwrap_or("").into()));
                }
            }
            row += a.len();
        }
        if let Some(row) = present.iter().position(|p| !p)
            && spec.required
        {
            return Err(Failure::Input(format!(
                "{} {}, fact `{}`: required fact is missing (null)",
                frame.what,
                frame.names.name(row, None),
                spec.name
            )));
        }
        let mut column = Column::new(&spec.name, data);
        if present.iter().any(|p| !p) {
            column.present = present.into();
        }
        table = table.with(column);
    }
    let ids: Option<Vec<Option<String>>> = if id_column {
        frame.text("uscc")?.map(|cols| {
            cols.iter()
                .flat_map(|a| (0..a.len()).map(|i| str_at(a.as_ref(), i).map(str::to_string)))
                .collect()
        })
    } else {
        None
    };
    for (row, code) in ids.iter().flatten().enumerate() {
        if let Some(code) = code
            && let Err(e) = Uscc::parse(code)
        {
            return Err(Failure::Uscc(format!(
                "{} {}, column `uscc`: {e}",
                frame.what,
                frame.names.name(row, Some(code))
            )));
        }
    }
    Ok((table, ids))
}
