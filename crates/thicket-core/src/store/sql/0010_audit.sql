-- The audit trail (docs/integrity.md, "Audit trail"): one row per applied action, undo and redo,
-- written in the action's own transaction. `at` is RFC 3339 (UTC), `coder` who did it, `kind` the
-- action's kind (`AddCodings`, `Undo`...), `summary` its label, `counts` how many entities of
-- each kind it touched (`sources 3, codings 12`). `audit_entities` names what it touched (ids and
-- names at the time) so that the history of one source or code is an indexed read. A whole-project
-- action (an import, a merge, an autocode run) is one row; its codings are counted, and listed
-- only when there are few. Both tables are append-only: the triggers refuse every change.

CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      TEXT NOT NULL,
    coder   TEXT NOT NULL,
    kind    TEXT NOT NULL,
    summary TEXT NOT NULL,
    counts  TEXT NOT NULL
);

CREATE TABLE audit_entities (
    audit_id  INTEGER NOT NULL REFERENCES audit_log (id),
    kind      TEXT NOT NULL CHECK (kind IN ('source', 'code', 'coding', 'case', 'memo')),
    entity_id INTEGER NOT NULL,
    name      TEXT NOT NULL
);

CREATE INDEX audit_entities_by_entity ON audit_entities (kind, entity_id, audit_id);
CREATE INDEX audit_entities_by_row ON audit_entities (audit_id);
CREATE INDEX audit_log_by_coder ON audit_log (coder, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_entities_no_update BEFORE UPDATE ON audit_entities
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_entities_no_delete BEFORE DELETE ON audit_entities
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
