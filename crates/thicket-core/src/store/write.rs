//! Writes, inside one transaction. `Writer` is handed out by `Store::write`; when the closure
//! returns an error the transaction is rolled back and the file is unchanged.

use rusqlite::{Transaction, params};

use super::Result;
use super::convert::{memo_target_columns, to_i64};
use super::read::Reader;
use crate::model::*;

/// One open transaction on the project.
pub struct Writer<'a> {
    tx: Transaction<'a>,
    /// Told how far long work is; answers whether to go on (`Store::write_observed`).
    pub(super) observer: std::cell::RefCell<Option<&'a mut (dyn FnMut(usize, usize) -> bool + Send)>>,
}

/// The stored fields of a new source (ids, hashes and counts computed by the project layer).
#[derive(Debug, Clone)]
pub struct SourceFields<'a> {
    pub id: Option<SourceId>,
    pub uuid: &'a str,
    pub name: &'a str,
    pub kind: SourceKind,
    pub text: &'a str,
    pub text_hash: &'a str,
    pub char_len: usize,
    pub word_count: usize,
    pub date: Option<&'a str>,
    pub original_name: &'a str,
    pub original_format: &'a str,
    pub encoding: &'a str,
    pub imported_at: &'a str,
    pub page_starts: Option<&'a [usize]>,
    pub time_marks: &'a [TimeMark],
}

impl<'a> SourceFields<'a> {
    /// The fields of a source as read back (`Snapshot`, exchange rows), under `id` (`None` for
    /// a new key): restoring a deletion and importing whole projects write sources alike.
    pub fn of(s: &'a Source, text: &'a str, id: Option<SourceId>) -> Self {
        SourceFields {
            id,
            uuid: &s.uuid,
            name: &s.name,
            kind: s.kind,
            text,
            text_hash: &s.text_hash,
            char_len: s.char_len,
            word_count: s.word_count,
            date: s.date.as_deref(),
            original_name: &s.original_name,
            original_format: &s.original_format,
            encoding: &s.encoding,
            imported_at: &s.imported_at,
            page_starts: s.page_starts.as_deref(),
            time_marks: &s.time_marks,
        }
    }
}

impl<'a> Writer<'a> {
    pub(super) fn new(tx: Transaction<'a>) -> Self {
        Writer { tx, observer: Default::default() }
    }

    /// Says that `done` of `total` steps of long work are done; `StoreError::Cancelled` when
    /// whoever watches asked to stop (returned, it rolls the transaction back).
    pub fn progress(&self, done: usize, total: usize) -> Result<()> {
        let go_on = self.observer.borrow_mut().as_mut().is_none_or(|go_on| go_on(done, total));
        if go_on { Ok(()) } else { Err(super::StoreError::Cancelled) }
    }

    pub(super) fn commit(self) -> rusqlite::Result<()> {
        self.tx.commit()
    }

    /// Reads inside this transaction (they see its uncommitted writes).
    pub fn read(&self) -> Reader<'_> {
        Reader { conn: &self.tx }
    }

    /// Lets a restore insert rows in any order: foreign keys are checked at commit.
    pub fn defer_foreign_keys(&mut self) -> Result<()> {
        self.tx.execute_batch("PRAGMA defer_foreign_keys = ON;")?;
        Ok(())
    }

    pub(super) fn init_project_info(&mut self, title: &str) -> Result<()> {
        let now = crate::clock::now_rfc3339();
        let uuid = uuid::Uuid::new_v4().to_string();
        for (k, v) in [("title", title), ("uuid", &uuid), ("created_at", &now)] {
            self.tx.execute("INSERT INTO project_info (key, value) VALUES (?1, ?2)", [k, v])?;
        }
        Ok(())
    }

    /// Sets a project-level value such as `title`.
    pub fn set_project_info(&mut self, key: &str, value: &str) -> Result<()> {
        self.tx.execute(
            "INSERT INTO project_info (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }

    /// Inserts a source (under `fields.id` when restoring).
    pub fn insert_source(&mut self, f: &SourceFields<'_>) -> Result<SourceId> {
        let pages = f.page_starts.map(|p| serde_json::to_string(p).unwrap_or_else(|_| "[]".into()));
        self.tx
            .prepare_cached(
                "INSERT INTO sources (id, uuid, name, kind, text, text_hash, char_len, word_count, session_date,
                     original_name, original_format, encoding, imported_at, page_starts, time_marks)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            )?
            .execute(params![
                f.id,
                f.uuid,
                f.name,
                f.kind,
                f.text,
                f.text_hash,
                to_i64(f.char_len),
                to_i64(f.word_count),
                f.date,
                f.original_name,
                f.original_format,
                f.encoding,
                f.imported_at,
                pages,
                super::convert::time_marks_json(f.time_marks)
            ])?;
        Ok(SourceId(self.tx.last_insert_rowid()))
    }

    /// Changes a source's name, kind and date.
    pub fn update_source(&mut self, id: SourceId, name: &str, kind: SourceKind, date: Option<&str>) -> Result<()> {
        self.tx.execute(
            "UPDATE sources SET name = ?2, kind = ?3, session_date = ?4 WHERE id = ?1",
            params![id, name, kind, date],
        )?;
        Ok(())
    }

    /// Sets (or clears) the perspective a source carries (`Source::author`).
    pub fn set_source_author(&mut self, id: SourceId, author: Option<&str>) -> Result<()> {
        self.tx.execute("UPDATE sources SET author = ?2 WHERE id = ?1", params![id, author])?;
        Ok(())
    }

    /// Inserts a case.
    pub fn insert_case(&mut self, id: Option<CaseId>, uuid: &str, name: &str, description: &str) -> Result<CaseId> {
        self.tx.execute(
            "INSERT INTO cases (id, uuid, name, description) VALUES (?1, ?2, ?3, ?4)",
            params![id, uuid, name, description],
        )?;
        Ok(CaseId(self.tx.last_insert_rowid()))
    }

    /// Renames or re-describes a case.
    pub fn update_case(&mut self, id: CaseId, name: &str, description: &str) -> Result<()> {
        self.tx.execute("UPDATE cases SET name = ?2, description = ?3 WHERE id = ?1", params![id, name, description])?;
        Ok(())
    }

    /// Puts a source in a case; returns false if it was there already.
    pub fn link_case_source(&mut self, case: CaseId, source: SourceId) -> Result<bool> {
        let n = self
            .tx
            .prepare_cached("INSERT OR IGNORE INTO case_sources (case_id, source_id) VALUES (?1, ?2)")?
            .execute(params![case, source])?;
        Ok(n > 0)
    }

    /// Takes a source out of a case; returns false if it was not in it.
    pub fn unlink_case_source(&mut self, case: CaseId, source: SourceId) -> Result<bool> {
        let n = self.tx.execute("DELETE FROM case_sources WHERE case_id = ?1 AND source_id = ?2", params![case, source])?;
        Ok(n > 0)
    }

    /// Inserts a participant.
    pub fn insert_participant(
        &mut self,
        id: Option<ParticipantId>,
        uuid: &str,
        name: &str,
        role: Option<&str>,
    ) -> Result<ParticipantId> {
        self.tx.execute(
            "INSERT INTO participants (id, uuid, name, role) VALUES (?1, ?2, ?3, ?4)",
            params![id, uuid, name, role],
        )?;
        Ok(ParticipantId(self.tx.last_insert_rowid()))
    }

    /// Changes a participant's name and role.
    pub fn update_participant(&mut self, id: ParticipantId, name: &str, role: Option<&str>) -> Result<()> {
        self.tx.execute("UPDATE participants SET name = ?2, role = ?3 WHERE id = ?1", params![id, name, role])?;
        Ok(())
    }

    /// Replaces the cases a participant belongs to.
    pub fn set_participant_cases(&mut self, id: ParticipantId, cases: &[CaseId]) -> Result<()> {
        self.tx.execute("DELETE FROM participant_cases WHERE participant_id = ?1", [id])?;
        for case in cases {
            self.link_participant_case(id, *case)?;
        }
        Ok(())
    }

    /// Puts a participant in a case (no-op if already there).
    pub fn link_participant_case(&mut self, id: ParticipantId, case: CaseId) -> Result<()> {
        self.tx
            .prepare_cached("INSERT OR IGNORE INTO participant_cases (participant_id, case_id) VALUES (?1, ?2)")?
            .execute(params![id, case])?;
        Ok(())
    }

    /// Records that a source is about a participant.
    pub fn link_source_participant(&mut self, source: SourceId, participant: ParticipantId) -> Result<()> {
        self.tx
            .prepare_cached("INSERT OR IGNORE INTO source_participants (source_id, participant_id) VALUES (?1, ?2)")?
            .execute(params![source, participant])?;
        Ok(())
    }

    /// Takes back that a source is about a participant.
    pub fn unlink_source_participant(&mut self, source: SourceId, participant: ParticipantId) -> Result<()> {
        self.tx
            .prepare_cached("DELETE FROM source_participants WHERE source_id = ?1 AND participant_id = ?2")?
            .execute(params![source, participant])?;
        Ok(())
    }

    /// Inserts a speaker turn.
    pub fn insert_turn(
        &mut self,
        id: Option<TurnId>,
        source: SourceId,
        participant: ParticipantId,
        span: TextSpan,
        timestamp_ms: Option<u64>,
    ) -> Result<TurnId> {
        self.tx
            .prepare_cached(
                "INSERT INTO turns (id, source_id, participant_id, start_char, end_char, timestamp_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                id,
                source,
                participant,
                to_i64(span.start),
                to_i64(span.end),
                timestamp_ms.map(|t| i64::try_from(t).unwrap_or(i64::MAX))
            ])?;
        Ok(TurnId(self.tx.last_insert_rowid()))
    }

    /// Gives a coding another code.
    pub fn set_coding_code(&mut self, coding: CodingId, code: CodeId) -> Result<()> {
        self.tx.execute("UPDATE codings SET code_id = ?2 WHERE id = ?1", params![coding, code])?;
        Ok(())
    }

    /// Changes a coding's span, quote selector and memo.
    pub fn update_coding(&mut self, id: CodingId, span: TextSpan, memo: &str, quote: &QuoteSelector) -> Result<()> {
        self.tx.execute(
            "UPDATE codings SET start_char = ?2, end_char = ?3, memo = ?4, quote_exact = ?5, quote_prefix = ?6, quote_suffix = ?7 WHERE id = ?1",
            params![id, to_i64(span.start), to_i64(span.end), memo, quote.exact, quote.prefix, quote.suffix],
        )?;
        Ok(())
    }

    /// Gives a turn another speaker.
    pub fn set_turn_participant(&mut self, turn: TurnId, participant: ParticipantId) -> Result<()> {
        self.tx.execute("UPDATE turns SET participant_id = ?2 WHERE id = ?1", params![turn, participant])?;
        Ok(())
    }

    /// Inserts a coder (under `coder.id` when restoring, i.e. when it is not 0).
    pub fn insert_coder(&mut self, coder: &Coder) -> Result<CoderId> {
        let id = (coder.id.0 != 0).then_some(coder.id);
        self.tx.execute(
            "INSERT INTO coders (id, uuid, name, created_at, color, retired) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id, coder.uuid, coder.name, coder.created_at, coder.color, coder.retired],
        )?;
        Ok(CoderId(self.tx.last_insert_rowid()))
    }

    /// Replaces a coder's name, colour and retired flag.
    pub fn update_coder(&mut self, id: CoderId, name: &str, color: &str, retired: bool) -> Result<()> {
        self.tx.execute("UPDATE coders SET name = ?2, color = ?3, retired = ?4 WHERE id = ?1", params![id, name, color, retired])?;
        Ok(())
    }

    /// Opens a blind session of `coder` at `at`, first ending any session of theirs left open
    /// (a window that never left blind mode) at its last activity; returns the new session's id.
    pub fn begin_blind_session(&mut self, coder: CoderId, at: &str) -> Result<i64> {
        self.tx.execute("UPDATE blind_sessions SET ended_at = last_activity_at WHERE coder_id = ?1 AND ended_at IS NULL", params![coder])?;
        self.tx.execute(
            "INSERT INTO blind_sessions (coder_id, started_at, ended_at, last_activity_at) VALUES (?1, ?2, NULL, ?2)",
            params![coder, at],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Ends the open blind sessions of `coder` at `at`; returns how many there were.
    pub fn end_blind_sessions(&mut self, coder: CoderId, at: &str) -> Result<usize> {
        Ok(self.tx.execute(
            "UPDATE blind_sessions SET ended_at = ?2, last_activity_at = ?2 WHERE coder_id = ?1 AND ended_at IS NULL",
            params![coder, at],
        )?)
    }

    /// Records activity in an open blind session at `at`.
    pub fn touch_blind_session(&mut self, session: i64, at: &str) -> Result<()> {
        self.tx.execute("UPDATE blind_sessions SET last_activity_at = ?2 WHERE id = ?1 AND ended_at IS NULL", params![session, at])?;
        Ok(())
    }

    /// Inserts a code (under `code.id` when restoring, i.e. when it is not 0).
    pub fn insert_code(&mut self, code: &Code) -> Result<CodeId> {
        let id = (code.id.0 != 0).then_some(code.id);
        let d = &code.description;
        self.tx.execute(
            "INSERT INTO codes (id, uuid, parent_id, name, color, definition, use_when, do_not_use_when, example, sort_order)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                id,
                code.uuid,
                code.parent_id,
                code.name,
                code.color,
                d.definition,
                d.use_when,
                d.do_not_use_when,
                d.example,
                code.sort_order
            ],
        )?;
        Ok(CodeId(self.tx.last_insert_rowid()))
    }

    /// Replaces a code's editable fields.
    pub fn update_code(&mut self, code: &Code) -> Result<()> {
        let d = &code.description;
        self.tx.execute(
            "UPDATE codes SET parent_id = ?2, name = ?3, color = ?4, definition = ?5, use_when = ?6,
                 do_not_use_when = ?7, example = ?8, sort_order = ?9 WHERE id = ?1",
            params![
                code.id,
                code.parent_id,
                code.name,
                code.color,
                d.definition,
                d.use_when,
                d.do_not_use_when,
                d.example,
                code.sort_order
            ],
        )?;
        Ok(())
    }

    /// Inserts a coding (under `c.id` when it is not 0).
    pub fn insert_coding(&mut self, c: &Coding) -> Result<CodingId> {
        let id = (c.id.0 != 0).then_some(c.id);
        self.tx
            .prepare_cached(
                "INSERT INTO codings (id, uuid, source_id, code_id, coder_id, start_char, end_char, created_at, memo,
                     quote_exact, quote_prefix, quote_suffix)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?
            .execute(params![
                id,
                c.uuid,
                c.source_id,
                c.code_id,
                c.coder_id,
                to_i64(c.span.start),
                to_i64(c.span.end),
                c.created_at,
                c.memo,
                c.quote.exact,
                c.quote.prefix,
                c.quote.suffix
            ])?;
        Ok(CodingId(self.tx.last_insert_rowid()))
    }

    /// Inserts a memo (under `m.id` when it is not 0).
    pub fn insert_memo(&mut self, m: &Memo) -> Result<MemoId> {
        let id = (m.id.0 != 0).then_some(m.id);
        let (kind, target, start, end) = memo_target_columns(&m.target);
        self.tx.execute(
            "INSERT INTO memos (id, uuid, target_kind, target_id, start_char, end_char, title, body, coder_id,
                 created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![id, m.uuid, kind, target, start, end, m.title, m.body, m.coder_id, m.created_at, m.updated_at],
        )?;
        Ok(MemoId(self.tx.last_insert_rowid()))
    }

    /// Replaces a memo's title and body.
    pub fn update_memo(&mut self, id: MemoId, title: &str, body: &str, updated_at: &str) -> Result<()> {
        self.tx.execute(
            "UPDATE memos SET title = ?2, body = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, title, body, updated_at],
        )?;
        Ok(())
    }

    /// Inserts an attribute definition (under `a.id` when it is not 0).
    pub fn insert_attribute(&mut self, a: &AttributeDef) -> Result<AttributeId> {
        let id = (a.id.0 != 0).then_some(a.id);
        let cats = serde_json::to_string(&a.categories).unwrap_or_else(|_| "[]".into());
        self.tx.execute(
            "INSERT INTO attributes (id, uuid, name, applies_to, value_type, categories) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id, a.uuid, a.name, a.applies_to, a.value_type, cats],
        )?;
        Ok(AttributeId(self.tx.last_insert_rowid()))
    }

    /// Sets or (with `None`) clears an attribute value.
    pub fn set_attribute_value(&mut self, attribute: AttributeId, entity: i64, value: Option<&str>) -> Result<()> {
        match value {
            Some(v) => self.tx.execute(
                "INSERT INTO attribute_values (attribute_id, entity_id, value) VALUES (?1, ?2, ?3)
                 ON CONFLICT (attribute_id, entity_id) DO UPDATE SET value = excluded.value",
                params![attribute, entity, v],
            )?,
            None => self.tx.execute(
                "DELETE FROM attribute_values WHERE attribute_id = ?1 AND entity_id = ?2",
                params![attribute, entity],
            )?,
        };
        Ok(())
    }

    /// Inserts an entry of the pseudonymisation map (under `id` when restoring).
    pub fn insert_pseudonym(&mut self, id: Option<PseudonymId>, p: &NewPseudonym) -> Result<PseudonymId> {
        self.tx.execute(
            "INSERT INTO pseudonyms (id, original, replacement, whole_word, case_mode, origin, sort_order)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![id, p.original, p.replacement, p.whole_word, p.case, p.origin, p.sort_order],
        )?;
        Ok(PseudonymId(self.tx.last_insert_rowid()))
    }

    /// Replaces an entry's fields.
    pub fn update_pseudonym(&mut self, id: PseudonymId, p: &NewPseudonym) -> Result<()> {
        self.tx.execute(
            "UPDATE pseudonyms SET original = ?2, replacement = ?3, whole_word = ?4, case_mode = ?5, origin = ?6, sort_order = ?7
             WHERE id = ?1",
            params![id, p.original, p.replacement, p.whole_word, p.case, p.origin, p.sort_order],
        )?;
        Ok(())
    }

    /// Deletes an entry; false when there was none.
    pub fn delete_pseudonym(&mut self, id: PseudonymId) -> Result<bool> {
        Ok(self.tx.execute("DELETE FROM pseudonyms WHERE id = ?1", [id])? > 0)
    }

    /// Appends a line to the export log.
    pub fn insert_export_record(&mut self, made_at: &str, e: &NewExportRecord) -> Result<ExportRecordId> {
        let options = serde_json::to_string(&e.options).unwrap_or_else(|_| "{}".into());
        self.tx.execute(
            "INSERT INTO export_log (made_at, kind, file, options, pseudonymised, map_hash, map_entries)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![made_at, e.kind, e.file, options, e.pseudonymised, e.map_hash, e.map_entries.map(|n| n as i64)],
        )?;
        Ok(ExportRecordId(self.tx.last_insert_rowid()))
    }

    /// Runs a statement with one id parameter (used by snapshot deletes).
    pub(super) fn exec_id(&mut self, sql: &str, id: i64) -> Result<usize> {
        Ok(self.tx.prepare_cached(sql)?.execute([id])?)
    }

    pub(super) fn conn(&self) -> &rusqlite::Connection {
        &self.tx
    }
}
