-- Framework matrices (NVivo's framework matrices, MAXQDA's summary grid): cases as rows, codes as
-- columns, and in each cell a summary the researcher writes while reading that cell's segments.
-- A project can hold several, each with its own name, columns and rows in the user's order.
-- A cell's summary stays when its code or case is taken out of the matrix, and shows again when it
-- is put back; deleting the code, case or matrix deletes it (and undo puts it back).

CREATE TABLE frameworks (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL UNIQUE CHECK (name <> ''),
    created_at TEXT NOT NULL
);

CREATE TABLE framework_columns (
    framework_id INTEGER NOT NULL REFERENCES frameworks (id) ON DELETE CASCADE,
    code_id      INTEGER NOT NULL REFERENCES codes (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    PRIMARY KEY (framework_id, code_id)
) WITHOUT ROWID;
CREATE INDEX framework_columns_code ON framework_columns (code_id);

CREATE TABLE framework_rows (
    framework_id INTEGER NOT NULL REFERENCES frameworks (id) ON DELETE CASCADE,
    case_id      INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    PRIMARY KEY (framework_id, case_id)
) WITHOUT ROWID;
CREATE INDEX framework_rows_case ON framework_rows (case_id);

-- A cell exists only while it has a summary; `coder_id` and `updated_at` say who wrote it last, and when.
CREATE TABLE framework_cells (
    framework_id INTEGER NOT NULL REFERENCES frameworks (id) ON DELETE CASCADE,
    case_id      INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    code_id      INTEGER NOT NULL REFERENCES codes (id) ON DELETE CASCADE,
    summary      TEXT NOT NULL CHECK (summary <> ''),
    coder_id     INTEGER NOT NULL REFERENCES coders (id) ON DELETE CASCADE,
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (framework_id, case_id, code_id)
) WITHOUT ROWID;
CREATE INDEX framework_cells_case ON framework_cells (case_id);
CREATE INDEX framework_cells_code ON framework_cells (code_id);
CREATE INDEX framework_cells_coder ON framework_cells (coder_id);
