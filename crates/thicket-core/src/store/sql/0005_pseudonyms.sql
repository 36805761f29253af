-- Version 5: the pseudonymisation map and the export log (issue #12).
-- The map rewrites names on the way out only; the stored text never changes. Each entry: what the
-- sources say, what exports say instead, whole words or not, how case is handled ('keep': any case,
-- the replacement takes the casing of what was found; 'exact': only as written), where the entry came
-- from (pre-filled from a participant or a speaker label, or added by the researcher), and its place.
-- An original appears once, whatever its case, so the map says one thing about each name.

CREATE TABLE pseudonyms (
    id          INTEGER PRIMARY KEY,
    original    TEXT NOT NULL CHECK (length(trim(original)) > 0 AND original = trim(original)),
    replacement TEXT NOT NULL,
    whole_word  INTEGER NOT NULL DEFAULT 1 CHECK (whole_word IN (0, 1)),
    case_mode   TEXT NOT NULL DEFAULT 'keep' CHECK (case_mode IN ('keep', 'exact')),
    origin      TEXT NOT NULL DEFAULT 'added' CHECK (origin IN ('participant', 'speaker', 'added')),
    sort_order  INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX pseudonyms_original ON pseudonyms (original COLLATE NOCASE);

-- Every export written from the project, with or without the map: when, what, which file, the options
-- (a JSON object), whether the map was applied and which version of it (its fingerprint and size), so
-- a team can check that nothing left un-pseudonymised. Not part of the undo history.
CREATE TABLE export_log (
    id            INTEGER PRIMARY KEY,
    made_at       TEXT NOT NULL,
    kind          TEXT NOT NULL,
    file          TEXT NOT NULL,
    options       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(options)),
    pseudonymised INTEGER NOT NULL CHECK (pseudonymised IN (0, 1)),
    map_hash      TEXT,
    map_entries   INTEGER,
    CHECK (pseudonymised = 1 OR (map_hash IS NULL AND map_entries IS NULL))
);
