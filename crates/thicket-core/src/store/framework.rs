//! Framework matrices in the file (`sql/0006_framework.sql`): reading a matrix with its columns,
//! rows and cells, and the writes the framework actions make. Columns and rows are kept in the
//! user's order by a `position`; a cell row exists only while it has a summary.

use rusqlite::{OptionalExtension, Row, params};

use super::Result;
use super::read::Reader;
use super::write::Writer;
use crate::model::*;

const CELL_COLS: &str = "framework_id, case_id, code_id, summary, coder_id, updated_at";

fn framework_row(r: &Row<'_>) -> rusqlite::Result<Framework> {
    Ok(Framework { id: r.get(0)?, uuid: r.get(1)?, name: r.get(2)?, created_at: r.get(3)? })
}

fn cell_row(r: &Row<'_>) -> rusqlite::Result<FrameworkCell> {
    Ok(FrameworkCell {
        framework: r.get(0)?,
        case: r.get(1)?,
        code: r.get(2)?,
        summary: r.get(3)?,
        coder: r.get(4)?,
        updated_at: r.get(5)?,
    })
}

impl Reader<'_> {
    /// Every framework matrix, by name.
    pub fn frameworks(&self) -> Result<Vec<Framework>> {
        let mut stmt = self.conn.prepare_cached("SELECT id, uuid, name, created_at FROM frameworks ORDER BY name, id")?;
        let rows = stmt.query_map([], framework_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// One matrix with its columns, rows and cells; `None` when there is no such matrix.
    pub fn framework(&self, id: FrameworkId) -> Result<Option<FrameworkMatrix>> {
        let framework = self
            .conn
            .prepare_cached("SELECT id, uuid, name, created_at FROM frameworks WHERE id = ?1")?
            .query_row([id], framework_row)
            .optional()?;
        let Some(framework) = framework else { return Ok(None) };
        let codes = self.ids_of(id, "SELECT code_id FROM framework_columns WHERE framework_id = ?1 ORDER BY position, code_id")?;
        let cases = self.ids_of(id, "SELECT case_id FROM framework_rows WHERE framework_id = ?1 ORDER BY position, case_id")?;
        let mut stmt =
            self.conn.prepare_cached(&format!("SELECT {CELL_COLS} FROM framework_cells WHERE framework_id = ?1 ORDER BY case_id, code_id"))?;
        let cells = stmt.query_map([id], cell_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Some(FrameworkMatrix {
            framework,
            codes: codes.into_iter().map(CodeId).collect(),
            cases: cases.into_iter().map(CaseId).collect(),
            cells,
        }))
    }

    /// The stored cell of `case` under `code` in a matrix, if it has a summary.
    pub fn framework_cell(&self, framework: FrameworkId, case: CaseId, code: CodeId) -> Result<Option<FrameworkCell>> {
        let sql = format!("SELECT {CELL_COLS} FROM framework_cells WHERE framework_id = ?1 AND case_id = ?2 AND code_id = ?3");
        Ok(self.conn.prepare_cached(&sql)?.query_row(params![framework, case, code], cell_row).optional()?)
    }

    fn ids_of(&self, id: FrameworkId, sql: &str) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map([id], |r| r.get::<_, i64>(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// (matrix, code, position) of the columns of these matrices or of these codes (`ids` are
    /// comma-separated lists, as the snapshot builds them).
    pub(super) fn framework_columns_of(&self, frameworks: &str, codes: &str) -> Result<Vec<(FrameworkId, CodeId, i64)>> {
        let sql = format!(
            "SELECT framework_id, code_id, position FROM framework_columns
             WHERE framework_id IN ({frameworks}) OR code_id IN ({codes}) ORDER BY framework_id, position, code_id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// (matrix, case, position) of the rows of these matrices or of these cases.
    pub(super) fn framework_rows_of(&self, frameworks: &str, cases: &str) -> Result<Vec<(FrameworkId, CaseId, i64)>> {
        let sql = format!(
            "SELECT framework_id, case_id, position FROM framework_rows
             WHERE framework_id IN ({frameworks}) OR case_id IN ({cases}) ORDER BY framework_id, position, case_id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The cells of these matrices, cases, codes or coders.
    pub(super) fn framework_cells_of(&self, frameworks: &str, cases: &str, codes: &str, coders: &str) -> Result<Vec<FrameworkCell>> {
        let sql = format!(
            "SELECT {CELL_COLS} FROM framework_cells
             WHERE framework_id IN ({frameworks}) OR case_id IN ({cases}) OR code_id IN ({codes}) OR coder_id IN ({coders})
             ORDER BY framework_id, case_id, code_id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], cell_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

impl Writer<'_> {
    /// Inserts a matrix (under `f.id` when restoring, else a new id when `f.id` is 0).
    pub fn insert_framework(&mut self, f: &Framework) -> Result<FrameworkId> {
        let id = (f.id.0 != 0).then_some(f.id);
        self.conn().execute(
            "INSERT INTO frameworks (id, uuid, name, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![id, f.uuid, f.name, f.created_at],
        )?;
        Ok(FrameworkId(self.conn().last_insert_rowid()))
    }

    /// Renames a matrix.
    pub fn rename_framework(&mut self, id: FrameworkId, name: &str) -> Result<()> {
        self.conn().execute("UPDATE frameworks SET name = ?2 WHERE id = ?1", params![id, name])?;
        Ok(())
    }

    /// Replaces a matrix's columns with `codes`, in this order.
    pub fn set_framework_columns(&mut self, id: FrameworkId, codes: &[CodeId]) -> Result<()> {
        self.conn().execute("DELETE FROM framework_columns WHERE framework_id = ?1", [id])?;
        for (position, code) in codes.iter().enumerate() {
            self.insert_framework_column(id, *code, position as i64)?;
        }
        Ok(())
    }

    /// Replaces a matrix's rows with `cases`, in this order.
    pub fn set_framework_rows(&mut self, id: FrameworkId, cases: &[CaseId]) -> Result<()> {
        self.conn().execute("DELETE FROM framework_rows WHERE framework_id = ?1", [id])?;
        for (position, case) in cases.iter().enumerate() {
            self.insert_framework_row(id, *case, position as i64)?;
        }
        Ok(())
    }

    /// Puts one column at `position`.
    pub fn insert_framework_column(&mut self, id: FrameworkId, code: CodeId, position: i64) -> Result<()> {
        self.conn()
            .prepare_cached("INSERT INTO framework_columns (framework_id, code_id, position) VALUES (?1, ?2, ?3)")?
            .execute(params![id, code, position])?;
        Ok(())
    }

    /// Puts one row at `position`.
    pub fn insert_framework_row(&mut self, id: FrameworkId, case: CaseId, position: i64) -> Result<()> {
        self.conn()
            .prepare_cached("INSERT INTO framework_rows (framework_id, case_id, position) VALUES (?1, ?2, ?3)")?
            .execute(params![id, case, position])?;
        Ok(())
    }

    /// Writes a cell's summary (replacing the one there).
    pub fn put_framework_cell(&mut self, c: &FrameworkCell) -> Result<()> {
        self.conn()
            .prepare_cached(
                "INSERT INTO framework_cells (framework_id, case_id, code_id, summary, coder_id, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (framework_id, case_id, code_id)
                 DO UPDATE SET summary = excluded.summary, coder_id = excluded.coder_id, updated_at = excluded.updated_at",
            )?
            .execute(params![c.framework, c.case, c.code, c.summary, c.coder, c.updated_at])?;
        Ok(())
    }

    /// Deletes a cell's summary; true if there was one.
    pub fn delete_framework_cell(&mut self, framework: FrameworkId, case: CaseId, code: CodeId) -> Result<bool> {
        let n = self
            .conn()
            .prepare_cached("DELETE FROM framework_cells WHERE framework_id = ?1 AND case_id = ?2 AND code_id = ?3")?
            .execute(params![framework, case, code])?;
        Ok(n > 0)
    }

    /// Deletes one column or one row (`table` is `framework_columns` or `framework_rows`).
    pub(super) fn delete_framework_member(&mut self, table: &str, column: &str, framework: FrameworkId, member: i64) -> Result<()> {
        let sql = format!("DELETE FROM {table} WHERE framework_id = ?1 AND {column} = ?2");
        self.conn().execute(&sql, params![framework, member])?;
        Ok(())
    }
}
