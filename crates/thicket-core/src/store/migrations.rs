//! Numbered, append-only schema migrations, indexed by `PRAGMA user_version`.
//!
//! Never edit, remove or reorder a shipped migration: add a new file. Each step runs in its own
//! transaction together with the `user_version` bump, so a crash leaves the file at a version.

use rusqlite::Connection;

use super::{APPLICATION_ID, Result};

/// Migration `i` takes a file from version `i` to `i + 1`.
pub(super) const MIGRATIONS: &[&str] = &[
    include_str!("sql/0001_initial.sql"),
    include_str!("sql/0002_covering_indexes.sql"),
    include_str!("sql/0003_source_author.sql"),
    include_str!("sql/0004_time_marks.sql"),
    include_str!("sql/0005_pseudonyms.sql"),
    include_str!("sql/0006_framework.sql"),
    include_str!("sql/0007_source_listing.sql"),
    include_str!("sql/0008_coders.sql"),
    include_str!("sql/0009_reconcile.sql"),
    include_str!("sql/0010_audit.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Applies every migration of `migrations` after `from`.
pub(super) fn migrate(conn: &mut Connection, migrations: &[&str], from: i64) -> Result<()> {
    for (index, sql) in migrations.iter().enumerate().skip(from.max(0) as usize) {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute_batch(sql)?;
        tx.execute_batch(&format!(
            "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {};",
            index + 1
        ))?;
        tx.commit()?;
    }
    Ok(())
}
