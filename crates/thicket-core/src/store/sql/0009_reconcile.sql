-- Reconciliation decisions (docs/reconcile.md): what a team decided about one disagreement between
-- coders, written to a master coder. One row per item of one reconciliation: the master coder, the
-- compared coders (ids ascending, comma-separated), and where the item is (source, code, extent).
-- `coders_order` keeps the coders in the order they had when deciding (its first two are the
-- choice's A and B); `written` lists the ids of the master's codings the decision wrote, so that
-- deciding again removes them. The row is a record of a decision, not a part of the coding: it has
-- no foreign keys, so deleting a source, code or coder leaves its decisions as history (they name
-- an item that no longer shows in any queue), and undoing that deletion finds them as they were.

CREATE TABLE reconcile_decisions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    master_id    INTEGER NOT NULL,
    coders       TEXT NOT NULL,
    source_id    INTEGER NOT NULL,
    code_id      INTEGER NOT NULL,
    item_start   INTEGER NOT NULL CHECK (item_start >= 0),
    item_end     INTEGER NOT NULL CHECK (item_end > item_start),
    coders_order TEXT NOT NULL,
    choice       TEXT NOT NULL CHECK (choice IN ('keep-a', 'keep-b', 'keep-both', 'union', 'intersection', 'drop', 'edit')),
    edit_start   INTEGER,
    edit_end     INTEGER,
    note         TEXT NOT NULL,
    decided_by   TEXT NOT NULL,
    decided_at   TEXT NOT NULL,
    written      TEXT NOT NULL,
    UNIQUE (master_id, coders, source_id, code_id, item_start, item_end),
    CHECK ((choice = 'edit') = (edit_start IS NOT NULL AND edit_end IS NOT NULL))
);
