-- Thicket project schema, version 1.
-- Append-only: never edit a shipped migration; add 0002_*.sql instead.
-- Spans are half-open [start_char, end_char) ranges of Unicode scalar values into sources.text.
-- Integer keys are AUTOINCREMENT so that an undone deletion can restore rows under their old ids
-- without colliding with rows created in between.

CREATE TABLE project_info (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE coders (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

CREATE TABLE roles (
    name       TEXT PRIMARY KEY NOT NULL,
    label      TEXT NOT NULL,
    sort_order INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO roles (name, label, sort_order) VALUES
    ('caregiver', 'Caregiver', 1),
    ('social_worker', 'Social worker', 2),
    ('child', 'Child', 3),
    ('supervisor', 'Supervisor', 4),
    ('manager', 'Manager', 5),
    ('interviewer', 'Interviewer', 6),
    ('other', 'Other', 7);

CREATE TABLE sources (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL CHECK (kind IN
                        ('interview', 'focus_group', 'observation', 'field_note', 'case_file', 'document')),
    text            TEXT NOT NULL,
    text_hash       TEXT NOT NULL,
    char_len        INTEGER NOT NULL CHECK (char_len >= 0),
    word_count      INTEGER NOT NULL CHECK (word_count >= 0),
    session_date    TEXT CHECK (session_date IS NULL OR session_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    original_name   TEXT NOT NULL,
    original_format TEXT NOT NULL,
    encoding        TEXT NOT NULL DEFAULT 'UTF-8',
    imported_at     TEXT NOT NULL,
    -- JSON array of char offsets where pages start (PDF), for citations; NULL when the format has no pages.
    page_starts     TEXT
);
CREATE INDEX sources_text_hash ON sources (text_hash);

CREATE TABLE cases (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE case_sources (
    case_id   INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    PRIMARY KEY (case_id, source_id)
) WITHOUT ROWID;
CREATE INDEX case_sources_source ON case_sources (source_id);

CREATE TABLE participants (
    id   INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE,
    role TEXT REFERENCES roles (name) ON UPDATE CASCADE
);

CREATE TABLE participant_cases (
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    case_id        INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    PRIMARY KEY (participant_id, case_id)
) WITHOUT ROWID;
CREATE INDEX participant_cases_case ON participant_cases (case_id);

-- People a source is about or written by when it has no speaker turns (observation notes, case files).
CREATE TABLE source_participants (
    source_id      INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    PRIMARY KEY (source_id, participant_id)
) WITHOUT ROWID;

CREATE TABLE turns (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id      INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    start_char     INTEGER NOT NULL CHECK (start_char >= 0),
    end_char       INTEGER NOT NULL CHECK (end_char > start_char),
    timestamp_ms   INTEGER CHECK (timestamp_ms IS NULL OR timestamp_ms >= 0)
);
CREATE INDEX turns_source ON turns (source_id, start_char);
CREATE INDEX turns_participant ON turns (participant_id);

CREATE TABLE codes (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid            TEXT NOT NULL UNIQUE,
    parent_id       INTEGER REFERENCES codes (id) ON DELETE CASCADE,
    name            TEXT NOT NULL CHECK (name <> '' AND instr(name, '/') = 0),
    color           TEXT NOT NULL CHECK (color GLOB '#[0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F]'),
    definition      TEXT NOT NULL DEFAULT '',
    use_when        TEXT NOT NULL DEFAULT '',
    do_not_use_when TEXT NOT NULL DEFAULT '',
    example         TEXT NOT NULL DEFAULT '',
    sort_order      INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX codes_sibling_name ON codes (ifnull(parent_id, 0), name);

CREATE TABLE codings (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid         TEXT NOT NULL UNIQUE,
    source_id    INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    code_id      INTEGER NOT NULL REFERENCES codes (id) ON DELETE CASCADE,
    coder_id     INTEGER NOT NULL REFERENCES coders (id) ON DELETE CASCADE,
    start_char   INTEGER NOT NULL CHECK (start_char >= 0),
    end_char     INTEGER NOT NULL CHECK (end_char > start_char),
    created_at   TEXT NOT NULL,
    memo         TEXT NOT NULL DEFAULT '',
    -- Quote selector (exact text with a little context) so a coding can be re-anchored.
    quote_exact  TEXT NOT NULL,
    quote_prefix TEXT NOT NULL,
    quote_suffix TEXT NOT NULL
);
CREATE INDEX codings_code ON codings (code_id);
CREATE INDEX codings_source ON codings (source_id, start_char);
CREATE INDEX codings_coder ON codings (coder_id);

CREATE TABLE memos (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid        TEXT NOT NULL UNIQUE,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('project', 'source', 'code', 'case', 'participant')),
    target_id   INTEGER CHECK ((target_kind = 'project') = (target_id IS NULL)),
    start_char  INTEGER,
    end_char    INTEGER,
    title       TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL DEFAULT '',
    coder_id    INTEGER NOT NULL REFERENCES coders (id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK ((start_char IS NULL) = (end_char IS NULL)),
    CHECK (start_char IS NULL OR (target_kind = 'source' AND end_char > start_char))
);
CREATE INDEX memos_target ON memos (target_kind, target_id);

CREATE TABLE attributes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    applies_to TEXT NOT NULL CHECK (applies_to IN ('case', 'participant', 'source')),
    value_type TEXT NOT NULL CHECK (value_type IN ('text', 'number', 'date', 'category')),
    -- JSON array of allowed values for 'category'; '[]' otherwise.
    categories TEXT NOT NULL DEFAULT '[]',
    UNIQUE (applies_to, name)
);

CREATE TABLE attribute_values (
    attribute_id INTEGER NOT NULL REFERENCES attributes (id) ON DELETE CASCADE,
    entity_id    INTEGER NOT NULL,
    value        TEXT NOT NULL,
    PRIMARY KEY (attribute_id, entity_id)
) WITHOUT ROWID;

-- Full-text index over source text (external content: the text is stored once, in sources).
CREATE VIRTUAL TABLE sources_fts USING fts5 (
    text, content = 'sources', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER sources_fts_insert AFTER INSERT ON sources BEGIN
    INSERT INTO sources_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sources_fts_delete AFTER DELETE ON sources BEGIN
    INSERT INTO sources_fts (sources_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
-- Source text is immutable once imported.
CREATE TRIGGER sources_text_immutable BEFORE UPDATE OF text ON sources BEGIN
    SELECT RAISE(ABORT, 'source text is immutable');
END;
