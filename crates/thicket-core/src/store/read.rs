//! Read queries. Every list has an `ORDER BY`, so outputs are deterministic.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::convert::{get_usize, json_time_marks, json_usizes, memo_target_from_columns};
use super::{Result, Store};
use crate::model::*;

/// Read access to a project, from a `Store` or from inside a `Writer`'s transaction.
#[derive(Clone, Copy)]
pub struct Reader<'a> {
    pub(super) conn: &'a Connection,
}

impl Store {
    /// Read access to the project.
    pub fn read(&self) -> Reader<'_> {
        self.reads.set(self.reads.get() + 1);
        Reader { conn: &self.conn }
    }

    /// How many times `read` was called: every query goes through it, so a window's tests can
    /// check that drawing a frame queries nothing.
    pub fn reads(&self) -> u64 {
        self.reads.get()
    }
}

const SOURCE_COLS: &str = "id, uuid, name, kind, session_date, text_hash, char_len, word_count, \
                           original_name, original_format, encoding, imported_at, page_starts, author, time_marks";
const CODE_COLS: &str = "id, uuid, parent_id, name, color, definition, use_when, do_not_use_when, example, sort_order";
const CODING_COLS: &str = "id, uuid, source_id, code_id, coder_id, start_char, end_char, created_at, memo, \
                           quote_exact, quote_prefix, quote_suffix";
const MEMO_COLS: &str = "id, uuid, target_kind, target_id, start_char, end_char, title, body, coder_id, created_at, updated_at";

fn source_row(r: &Row<'_>) -> rusqlite::Result<Source> {
    Ok(Source {
        id: r.get(0)?,
        uuid: r.get(1)?,
        name: r.get(2)?,
        kind: r.get(3)?,
        date: r.get(4)?,
        text_hash: r.get(5)?,
        char_len: get_usize(r, 6)?,
        word_count: get_usize(r, 7)?,
        original_name: r.get(8)?,
        original_format: r.get(9)?,
        encoding: r.get(10)?,
        imported_at: r.get(11)?,
        page_starts: json_usizes(r.get(12)?),
        author: r.get(13)?,
        time_marks: json_time_marks(r.get(14)?),
    })
}

fn pseudonym_row(r: &Row<'_>) -> rusqlite::Result<Pseudonym> {
    Ok(Pseudonym {
        id: r.get(0)?,
        original: r.get(1)?,
        replacement: r.get(2)?,
        whole_word: r.get(3)?,
        case: r.get(4)?,
        origin: r.get(5)?,
        sort_order: r.get(6)?,
    })
}

fn code_row(r: &Row<'_>) -> rusqlite::Result<Code> {
    Ok(Code {
        id: r.get(0)?,
        uuid: r.get(1)?,
        parent_id: r.get(2)?,
        name: r.get(3)?,
        color: r.get(4)?,
        description: CodeDescription {
            definition: r.get(5)?,
            use_when: r.get(6)?,
            do_not_use_when: r.get(7)?,
            example: r.get(8)?,
        },
        sort_order: r.get(9)?,
    })
}

fn coding_row(r: &Row<'_>) -> rusqlite::Result<Coding> {
    Ok(Coding {
        id: r.get(0)?,
        uuid: r.get(1)?,
        source_id: r.get(2)?,
        code_id: r.get(3)?,
        coder_id: r.get(4)?,
        span: TextSpan { start: get_usize(r, 5)?, end: get_usize(r, 6)? },
        created_at: r.get(7)?,
        memo: r.get(8)?,
        quote: QuoteSelector { exact: r.get(9)?, prefix: r.get(10)?, suffix: r.get(11)? },
    })
}

fn memo_row(r: &Row<'_>) -> rusqlite::Result<Memo> {
    let kind: String = r.get(2)?;
    Ok(Memo {
        id: r.get(0)?,
        uuid: r.get(1)?,
        target: memo_target_from_columns(&kind, r.get(3)?, r.get(4)?, r.get(5)?)?,
        title: r.get(6)?,
        body: r.get(7)?,
        coder_id: r.get(8)?,
        created_at: r.get(9)?,
        updated_at: r.get(10)?,
    })
}

/// Which codings to read. Empty lists mean "any".
#[derive(Debug, Clone, Default)]
pub struct CodingFilter {
    pub sources: Vec<SourceId>,
    pub codes: Vec<CodeId>,
    pub coders: Vec<CoderId>,
}


impl<'a> Reader<'a> {
    fn list<T>(&self, sql: &str, params: impl rusqlite::Params, f: fn(&Row<'_>) -> rusqlite::Result<T>) -> Result<Vec<T>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map(params, f)?;
        Ok(rows.collect::<rusqlite::Result<Vec<T>>>()?)
    }

    fn one<T>(&self, sql: &str, params: impl rusqlite::Params, f: fn(&Row<'_>) -> rusqlite::Result<T>) -> Result<Option<T>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        Ok(stmt.query_row(params, f).optional()?)
    }

    /// A value from the project's key/value table (`title`, `uuid`, `created_at`).
    pub fn project_info(&self, key: &str) -> Result<Option<String>> {
        self.one("SELECT value FROM project_info WHERE key = ?1", [key], |r| r.get(0))
    }

    /// The pseudonymisation map, in the researcher's order.
    pub fn pseudonyms(&self) -> Result<Vec<Pseudonym>> {
        self.list(
            "SELECT id, original, replacement, whole_word, case_mode, origin, sort_order FROM pseudonyms ORDER BY sort_order, id",
            [],
            pseudonym_row,
        )
    }

    /// One entry of the map.
    pub fn pseudonym(&self, id: PseudonymId) -> Result<Option<Pseudonym>> {
        self.one(
            "SELECT id, original, replacement, whole_word, case_mode, origin, sort_order FROM pseudonyms WHERE id = ?1",
            [id],
            pseudonym_row,
        )
    }

    /// The export log, oldest first.
    pub fn export_log(&self) -> Result<Vec<ExportRecord>> {
        self.list(
            "SELECT id, made_at, kind, file, options, pseudonymised, map_hash, map_entries FROM export_log ORDER BY made_at, id",
            [],
            |r| {
                let options: String = r.get(4)?;
                Ok(ExportRecord {
                    id: r.get(0)?,
                    made_at: r.get(1)?,
                    fields: NewExportRecord {
                        kind: r.get(2)?,
                        file: r.get(3)?,
                        options: serde_json::from_str(&options).unwrap_or(serde_json::Value::Null),
                        pseudonymised: r.get(5)?,
                        map_hash: r.get(6)?,
                        map_entries: r.get::<_, Option<i64>>(7)?.map(|n| n.max(0) as usize),
                    },
                })
            },
        )
    }

    /// All sources, by name.
    pub fn sources(&self) -> Result<Vec<Source>> {
        self.list(&format!("SELECT {SOURCE_COLS} FROM sources ORDER BY name, id"), [], source_row)
    }

    /// One source.
    pub fn source(&self, id: SourceId) -> Result<Option<Source>> {
        self.one(&format!("SELECT {SOURCE_COLS} FROM sources WHERE id = ?1"), [id], source_row)
    }

    /// The source with this exact name.
    pub fn source_by_name(&self, name: &str) -> Result<Option<Source>> {
        self.one(&format!("SELECT {SOURCE_COLS} FROM sources WHERE name = ?1"), [name], source_row)
    }

    /// The first source (by id) whose normalised text has this hash.
    pub fn source_by_hash(&self, hash: &str) -> Result<Option<Source>> {
        self.one(&format!("SELECT {SOURCE_COLS} FROM sources WHERE text_hash = ?1 ORDER BY id LIMIT 1"), [hash], source_row)
    }

    /// A source's normalised text.
    pub fn source_text(&self, id: SourceId) -> Result<Option<String>> {
        self.one("SELECT text FROM sources WHERE id = ?1", [id], |r| r.get(0))
    }

    /// All cases, by name.
    pub fn cases(&self) -> Result<Vec<Case>> {
        self.list("SELECT id, uuid, name, description FROM cases ORDER BY name, id", [], |r| {
            Ok(Case { id: r.get(0)?, uuid: r.get(1)?, name: r.get(2)?, description: r.get(3)? })
        })
    }

    /// Which sources belong to which cases.
    pub fn case_sources(&self) -> Result<Vec<(CaseId, SourceId)>> {
        self.list("SELECT case_id, source_id FROM case_sources ORDER BY case_id, source_id", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
    }

    /// All participants, by name.
    pub fn participants(&self) -> Result<Vec<Participant>> {
        self.list("SELECT id, uuid, name, role FROM participants ORDER BY name, id", [], |r| {
            Ok(Participant { id: r.get(0)?, uuid: r.get(1)?, name: r.get(2)?, role: r.get(3)? })
        })
    }

    /// Which participants belong to which cases.
    pub fn participant_cases(&self) -> Result<Vec<(ParticipantId, CaseId)>> {
        self.list(
            "SELECT participant_id, case_id FROM participant_cases ORDER BY participant_id, case_id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    /// The participants a source is about, for sources without turns.
    pub fn source_participants(&self) -> Result<Vec<(SourceId, ParticipantId)>> {
        self.list(
            "SELECT source_id, participant_id FROM source_participants ORDER BY source_id, participant_id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    /// The roles participants can hold, in display order.
    pub fn roles(&self) -> Result<Vec<Role>> {
        self.list("SELECT name, label FROM roles ORDER BY sort_order, name", [], |r| {
            Ok(Role { name: r.get(0)?, label: r.get(1)? })
        })
    }

    /// The turns of one source, in text order.
    pub fn turns(&self, source: SourceId) -> Result<Vec<Turn>> {
        self.list(
            "SELECT id, source_id, participant_id, start_char, end_char, timestamp_ms FROM turns
             WHERE source_id = ?1 ORDER BY start_char, id",
            [source],
            turn_row,
        )
    }

    /// One turn.
    pub fn turn(&self, id: TurnId) -> Result<Option<Turn>> {
        self.one(
            "SELECT id, source_id, participant_id, start_char, end_char, timestamp_ms FROM turns WHERE id = ?1",
            [id],
            turn_row,
        )
    }

    /// Every turn of the project, by source and position.
    pub fn all_turns(&self) -> Result<Vec<Turn>> {
        self.list(
            "SELECT id, source_id, participant_id, start_char, end_char, timestamp_ms FROM turns
             ORDER BY source_id, start_char, id",
            [],
            turn_row,
        )
    }

    /// All coders, by name.
    pub fn coders(&self) -> Result<Vec<Coder>> {
        self.list("SELECT id, uuid, name, created_at, color, retired FROM coders ORDER BY name, id", [], |r| {
            Ok(Coder { id: r.get(0)?, uuid: r.get(1)?, name: r.get(2)?, created_at: r.get(3)?, color: r.get(4)?, retired: r.get(5)? })
        })
    }

    /// Codings per coder in sources with ids `first..=last` (coders with none are left out).
    /// From the by-source index, so a range of sources costs its codings, not the project's.
    pub fn coder_codings_in_sources(&self, first: SourceId, last: SourceId) -> Result<Vec<(CoderId, usize)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT coder_id, count(*) FROM codings WHERE source_id BETWEEN ?1 AND ?2 GROUP BY coder_id ORDER BY coder_id",
        )?;
        let rows = stmt.query_map(params![first, last], |r| Ok((r.get::<_, CoderId>(0)?, get_usize(r, 1)?)))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Memos per coder (coders with none are left out).
    pub fn coder_memo_counts(&self) -> Result<HashMap<CoderId, usize>> {
        let rows = self.list("SELECT coder_id, count(*) FROM memos GROUP BY coder_id ORDER BY coder_id", [], |r| Ok((r.get::<_, CoderId>(0)?, get_usize(r, 1)?)))?;
        Ok(rows.into_iter().collect())
    }

    /// Every blind session, oldest first.
    pub fn blind_sessions(&self) -> Result<Vec<BlindSession>> {
        self.list(
            "SELECT id, coder_id, started_at, ended_at, last_activity_at FROM blind_sessions ORDER BY started_at, id",
            [],
            |r| Ok(BlindSession { id: r.get(0)?, coder_id: r.get(1)?, started_at: r.get(2)?, ended_at: r.get(3)?, last_activity_at: r.get(4)? }),
        )
    }

    /// Codings of `code` by any of `coders` in sources with ids `first..=last`.
    pub fn coding_count_in_sources_by(&self, code: CodeId, first: SourceId, last: SourceId, coders: &[CoderId]) -> Result<usize> {
        let sql = format!(
            "SELECT count(*) FROM codings WHERE code_id = ?1 AND source_id BETWEEN ?2 AND ?3 AND coder_id IN ({})",
            ids_csv(coders, |i| i.0).unwrap_or_default()
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        Ok(stmt.query_row(params![code, first, last], |r| get_usize(r, 0))?)
    }

    /// All codes, parents' order first: by parent, position, name.
    pub fn codes(&self) -> Result<Vec<Code>> {
        self.list(
            &format!("SELECT {CODE_COLS} FROM codes ORDER BY ifnull(parent_id, 0), sort_order, name, id"),
            [],
            code_row,
        )
    }

    /// One code.
    pub fn code(&self, id: CodeId) -> Result<Option<Code>> {
        self.one(&format!("SELECT {CODE_COLS} FROM codes WHERE id = ?1"), [id], code_row)
    }

    /// Codings matching `filter`, by source, start, end, id.
    /// A source's codings without their quote selectors (left empty), in text order: what the
    /// document view paints, read without the three text columns it never shows.
    pub fn codings_unquoted(&self, source: SourceId) -> Result<Vec<Coding>> {
        let sql = "SELECT id, uuid, source_id, code_id, coder_id, start_char, end_char, created_at, memo \
                   FROM codings WHERE source_id = ?1 ORDER BY start_char, end_char, id";
        self.list(sql, [source], |r| {
            Ok(Coding {
                id: r.get(0)?,
                uuid: r.get(1)?,
                source_id: r.get(2)?,
                code_id: r.get(3)?,
                coder_id: r.get(4)?,
                span: TextSpan { start: get_usize(r, 5)?, end: get_usize(r, 6)? },
                created_at: r.get(7)?,
                memo: r.get(8)?,
                quote: QuoteSelector::default(),
            })
        })
    }

    /// Whether this coder already coded exactly this span of the source with this code.
    pub fn coding_exists(&self, source: SourceId, code: CodeId, coder: CoderId, span: TextSpan) -> Result<bool> {
        let sql = "SELECT EXISTS (SELECT 1 FROM codings WHERE source_id = ?1 AND start_char = ?2 AND end_char = ?3 AND code_id = ?4 AND coder_id = ?5)";
        let mut stmt = self.conn.prepare_cached(sql)?;
        Ok(stmt.query_row(rusqlite::params![source.0, span.start as i64, span.end as i64, code.0, coder.0], |r| r.get(0))?)
    }

    pub fn codings(&self, filter: &CodingFilter) -> Result<Vec<Coding>> {
        let mut sql = format!("SELECT {CODING_COLS} FROM codings WHERE 1");
        for (col, ids) in [
            ("source_id", ids_csv(&filter.sources, |i| i.0)),
            ("code_id", ids_csv(&filter.codes, |i| i.0)),
            ("coder_id", ids_csv(&filter.coders, |i| i.0)),
        ] {
            if let Some(list) = ids {
                sql.push_str(&format!(" AND {col} IN ({list})"));
            }
        }
        sql.push_str(" ORDER BY source_id, start_char, end_char, id");
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], coding_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The keys of every coding, by source, start, end, id.
    pub fn coding_refs(&self) -> Result<Vec<CodingRef>> {
        self.list(
            "SELECT id, source_id, code_id, coder_id, start_char, end_char FROM codings ORDER BY source_id, start_char, end_char, id",
            [],
            coding_ref_row,
        )
    }

    /// The keys of the codings of these coders, by source, start, end, id (what reconciliation compares).
    pub fn coding_refs_of_coders(&self, coders: &[CoderId]) -> Result<Vec<CodingRef>> {
        let Some(list) = ids_csv(coders, |c| c.0) else { return Ok(Vec::new()) };
        let sql = format!(
            "SELECT id, source_id, code_id, coder_id, start_char, end_char FROM codings WHERE coder_id IN ({list}) \
             ORDER BY source_id, start_char, end_char, id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], coding_ref_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The codings of the sources with ids in `first..=last`, in the order of `coding_refs`:
    /// concatenating consecutive ranges gives the same list, so a caller can read it in pieces.
    pub fn coding_refs_of_sources(&self, first: SourceId, last: SourceId) -> Result<Vec<CodingRef>> {
        self.list(
            "SELECT id, source_id, code_id, coder_id, start_char, end_char FROM codings
             WHERE source_id BETWEEN ?1 AND ?2 ORDER BY source_id, start_char, end_char, id",
            [first, last],
            coding_ref_row,
        )
    }

    /// The turns of the sources with ids in `first..=last`, in the order of `all_turns`.
    pub fn turns_of_sources(&self, first: SourceId, last: SourceId) -> Result<Vec<Turn>> {
        self.list(
            "SELECT id, source_id, participant_id, start_char, end_char, timestamp_ms FROM turns
             WHERE source_id BETWEEN ?1 AND ?2 ORDER BY source_id, start_char, id",
            [first, last],
            turn_row,
        )
    }

    /// One coding.
    pub fn coding(&self, id: CodingId) -> Result<Option<Coding>> {
        self.one(&format!("SELECT {CODING_COLS} FROM codings WHERE id = ?1"), [id], coding_row)
    }

    /// The number of codings of each code that has any.
    pub fn coding_counts(&self) -> Result<Vec<(CodeId, usize)>> {
        self.list("SELECT code_id, count(*) FROM codings GROUP BY code_id ORDER BY code_id", [], |r| {
            Ok((r.get(0)?, get_usize(r, 1)?))
        })
    }

    /// Codings per code for the codes with ids in `first..=last` (codes without codings are left
    /// out): `coding_counts` in pieces, along the index by code.
    pub fn coding_counts_of_codes(&self, first: CodeId, last: CodeId) -> Result<Vec<(CodeId, usize)>> {
        self.list("SELECT code_id, count(*) FROM codings WHERE code_id BETWEEN ?1 AND ?2 GROUP BY code_id ORDER BY code_id", [first, last], |r| {
            Ok((r.get(0)?, get_usize(r, 1)?))
        })
    }

    /// How many codings of `code` lie in the sources with ids `first..=last` (an index range:
    /// a much-used code is counted in pieces that each take a moment).
    pub fn coding_count_in_sources(&self, code: CodeId, first: SourceId, last: SourceId) -> Result<usize> {
        let mut stmt = self.conn.prepare_cached("SELECT count(*) FROM codings WHERE code_id = ?1 AND source_id BETWEEN ?2 AND ?3")?;
        Ok(stmt.query_row(params![code, first, last], |r| get_usize(r, 0))?)
    }

    /// All memos, by id.
    pub fn memos(&self) -> Result<Vec<Memo>> {
        self.list(&format!("SELECT {MEMO_COLS} FROM memos ORDER BY id"), [], memo_row)
    }

    /// One memo.
    pub fn memo(&self, id: MemoId) -> Result<Option<Memo>> {
        self.one(&format!("SELECT {MEMO_COLS} FROM memos WHERE id = ?1"), [id], memo_row)
    }

    /// What each memo is attached to, once per target and without titles or bodies: cheap
    /// enough to read on every frame for the memo marks of the navigator and the codebook.
    pub fn memo_targets(&self) -> Result<Vec<MemoTarget>> {
        self.list(
            "SELECT DISTINCT target_kind, target_id, start_char, end_char FROM memos
             ORDER BY target_kind, target_id, start_char, end_char",
            [],
            |r| {
                let kind: String = r.get(0)?;
                memo_target_from_columns(&kind, r.get(1)?, r.get(2)?, r.get(3)?)
            },
        )
    }

    /// Codings that carry a memo, by source, start, end, id (the memo browser lists them).
    pub fn codings_with_memo(&self) -> Result<Vec<Coding>> {
        self.list(
            &format!("SELECT {CODING_COLS} FROM codings WHERE memo <> '' ORDER BY source_id, start_char, end_char, id"),
            [],
            coding_row,
        )
    }

    /// All attribute definitions, by target and name.
    pub fn attributes(&self) -> Result<Vec<AttributeDef>> {
        self.list(
            "SELECT id, uuid, name, applies_to, value_type, categories FROM attributes ORDER BY applies_to, name",
            [],
            |r| {
                let cats: String = r.get(5)?;
                Ok(AttributeDef {
                    id: r.get(0)?,
                    uuid: r.get(1)?,
                    name: r.get(2)?,
                    applies_to: r.get(3)?,
                    value_type: r.get(4)?,
                    categories: serde_json::from_str(&cats).unwrap_or_default(),
                })
            },
        )
    }

    /// All attribute values, by attribute and entity.
    pub fn attribute_values(&self) -> Result<Vec<AttributeValue>> {
        self.list(
            "SELECT attribute_id, entity_id, value FROM attribute_values ORDER BY attribute_id, entity_id",
            [],
            |r| Ok(AttributeValue { attribute_id: r.get(0)?, entity_id: r.get(1)?, value: r.get(2)? }),
        )
    }

    /// One attribute value.
    pub fn attribute_value(&self, attribute: AttributeId, entity: i64) -> Result<Option<String>> {
        self.one(
            "SELECT value FROM attribute_values WHERE attribute_id = ?1 AND entity_id = ?2",
            params![attribute, entity],
            |r| r.get(0),
        )
    }

    /// Sources whose text matches an FTS5 query, best first.
    pub fn search_sources(&self, fts_query: &str) -> Result<Vec<SourceId>> {
        self.list(
            "SELECT rowid FROM sources_fts WHERE sources_fts MATCH ?1 ORDER BY rank, rowid",
            [fts_query],
            |r| r.get(0),
        )
    }

    /// Low-level health: SQLite's quick check, foreign-key violations and the FTS index (whose
    /// check SQLite runs as a write statement, so a read-only project skips it).
    pub fn integrity_problems(&self, read_only: bool) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let quick: Vec<String> = self.list("PRAGMA quick_check", [], |r| r.get(0))?;
        problems.extend(quick.into_iter().filter(|s| s != "ok").map(|s| format!("SQLite: {s}")));
        // A table without rowids reports its orphans with no row number.
        let fk: Vec<(String, Option<i64>, String)> =
            self.list("PRAGMA foreign_key_check", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        problems.extend(fk.into_iter().map(|(table, row, parent)| match row {
            Some(row) => format!("{table} row {row} points to a missing {parent} row"),
            None => format!("a {table} row points to a missing {parent} row"),
        }));
        if !read_only
            && let Err(e) = self
            .conn
            .execute("INSERT INTO sources_fts (sources_fts, rank) VALUES ('integrity-check', 1)", [])
        {
            problems.push(format!("the full-text index is out of date: {e}"));
        }
        Ok(problems)
    }

    /// Number of rows in each table, for reports.
    pub fn count(&self, table: CountedTable) -> Result<usize> {
        let sql = format!("SELECT count(*) FROM {}", table.sql_name());
        Ok(self.conn.query_row(&sql, [], |r| get_usize(r, 0))?)
    }

    /// Total words over all sources.
    pub fn total_words(&self) -> Result<usize> {
        Ok(self.conn.query_row("SELECT ifnull(sum(word_count), 0) FROM sources", [], |r| get_usize(r, 0))?)
    }
}

/// Tables whose rows `Reader::count` can count.
#[derive(Debug, Clone, Copy)]
pub enum CountedTable {
    Sources,
    Cases,
    Participants,
    Codes,
    Codings,
    Coders,
    Memos,
    Turns,
}

impl CountedTable {
    fn sql_name(self) -> &'static str {
        match self {
            CountedTable::Sources => "sources",
            CountedTable::Cases => "cases",
            CountedTable::Participants => "participants",
            CountedTable::Codes => "codes",
            CountedTable::Codings => "codings",
            CountedTable::Coders => "coders",
            CountedTable::Memos => "memos",
            CountedTable::Turns => "turns",
        }
    }
}

/// A `CodingRef` from `id, source_id, code_id, coder_id, start_char, end_char`.
fn coding_ref_row(r: &Row<'_>) -> rusqlite::Result<CodingRef> {
    Ok(CodingRef { id: r.get(0)?, source_id: r.get(1)?, code_id: r.get(2)?, coder_id: r.get(3)?, span: TextSpan { start: get_usize(r, 4)?, end: get_usize(r, 5)? } })
}

fn turn_row(r: &Row<'_>) -> rusqlite::Result<Turn> {
    let ts: Option<i64> = r.get(5)?;
    Ok(Turn {
        id: r.get(0)?,
        source_id: r.get(1)?,
        participant_id: r.get(2)?,
        span: TextSpan { start: get_usize(r, 3)?, end: get_usize(r, 4)? },
        timestamp_ms: ts.map(|t| t.max(0) as u64),
    })
}

/// A comma-separated id list for `IN (...)`, or `None` when the filter is empty. Ids are integers,
/// so building the list as text cannot inject anything.
fn ids_csv<T>(ids: &[T], f: fn(&T) -> i64) -> Option<String> {
    (!ids.is_empty()).then(|| ids.iter().map(|i| f(i).to_string()).collect::<Vec<_>>().join(","))
}
