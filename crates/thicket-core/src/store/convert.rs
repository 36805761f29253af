//! Conversions between model types and SQLite values: typed ids and text enums.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::model::*;

macro_rules! sql_id {
    ($($t:ty),*) => {$(
        impl ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.0))
            }
        }
        impl FromSql for $t {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                i64::column_result(value).map(Self)
            }
        }
    )*};
}

sql_id!(SourceId, CaseId, ParticipantId, TurnId, CodeId, CodingId, CoderId, MemoId, AttributeId, FrameworkId, PseudonymId, ExportRecordId);

macro_rules! sql_text_enum {
    ($($t:ty),*) => {$(
        impl ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.as_str()))
            }
        }
        impl FromSql for $t {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let text = value.as_str()?;
                <$t>::parse(text).ok_or_else(|| FromSqlError::Other(format!("unknown value {text:?}").into()))
            }
        }
    )*};
}

sql_text_enum!(SourceKind, AttributeTarget, AttributeType, CaseMode, PseudonymOrigin);

/// Reads a non-negative integer column as `usize`.
pub(super) fn get_usize(row: &rusqlite::Row<'_>, idx: usize) -> rusqlite::Result<usize> {
    let v: i64 = row.get(idx)?;
    usize::try_from(v).map_err(|_| rusqlite::Error::IntegralValueOutOfRange(idx, v))
}

/// Stores a `usize` as SQLite's i64.
pub(super) fn to_i64(v: usize) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// Reads a JSON array of numbers stored as text.
pub(super) fn json_usizes(text: Option<String>) -> Option<Vec<usize>> {
    text.and_then(|t| serde_json::from_str(&t).ok())
}

/// Time marks from their JSON column; NULL (older sources, or none) and unreadable JSON are no marks.
pub(super) fn json_time_marks(text: Option<String>) -> Vec<crate::model::TimeMark> {
    text.and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default()
}

/// The JSON column form of time marks: NULL when there are none.
pub(super) fn time_marks_json(marks: &[crate::model::TimeMark]) -> Option<String> {
    (!marks.is_empty()).then(|| serde_json::to_string(marks).unwrap_or_else(|_| "[]".into()))
}

/// The store form of a memo target: (kind, id, start, end).
pub(super) fn memo_target_columns(t: &MemoTarget) -> (&'static str, Option<i64>, Option<i64>, Option<i64>) {
    match *t {
        MemoTarget::Project => ("project", None, None, None),
        MemoTarget::Source { id, span } => (
            "source",
            Some(id.0),
            span.map(|s| to_i64(s.start)),
            span.map(|s| to_i64(s.end)),
        ),
        MemoTarget::Code { id } => ("code", Some(id.0), None, None),
        MemoTarget::Case { id } => ("case", Some(id.0), None, None),
        MemoTarget::Participant { id } => ("participant", Some(id.0), None, None),
    }
}

/// The inverse of `memo_target_columns`.
pub(super) fn memo_target_from_columns(
    kind: &str,
    id: Option<i64>,
    start: Option<i64>,
    end: Option<i64>,
) -> rusqlite::Result<MemoTarget> {
    let bad = || rusqlite::Error::InvalidColumnType(2, format!("memo target {kind}"), rusqlite::types::Type::Text);
    let id = || id.ok_or_else(bad);
    Ok(match kind {
        "project" => MemoTarget::Project,
        "source" => {
            let span = match (start, end) {
                (Some(s), Some(e)) => TextSpan::new(s.max(0) as usize, e.max(0) as usize),
                _ => None,
            };
            MemoTarget::Source { id: SourceId(id()?), span }
        }
        "code" => MemoTarget::Code { id: CodeId(id()?) },
        "case" => MemoTarget::Case { id: CaseId(id()?) },
        "participant" => MemoTarget::Participant { id: ParticipantId(id()?) },
        _ => return Err(bad()),
    })
}
