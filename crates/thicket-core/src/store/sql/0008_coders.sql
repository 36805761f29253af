-- Version 8: coders as a team sees them (issue #13, part 1). A coder gets a colour (the document marks
-- each coder's stripes with it) and a retired flag (a retired coder keeps every coding and memo, and is
-- left out of the pickers for new work). Coders of older files take the palette's colours in turn, by id.
-- Blind sessions record who coded blind and when: a row is written on entering blind mode and ended on
-- leaving it; `last_activity_at` moves on with each change made while blind, so a session the window never
-- left (a crash) still says how long it lasted.

ALTER TABLE coders ADD COLUMN color TEXT NOT NULL DEFAULT '';
ALTER TABLE coders ADD COLUMN retired INTEGER NOT NULL DEFAULT 0;

UPDATE coders SET color = CASE (id - 1) % 8
    WHEN 0 THEN '#3949AB' WHEN 1 THEN '#D81B60' WHEN 2 THEN '#00897B' WHEN 3 THEN '#F4511E'
    WHEN 4 THEN '#7CB342' WHEN 5 THEN '#8E24AA' WHEN 6 THEN '#6D4C41' ELSE '#039BE5' END;

CREATE TABLE blind_sessions (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    coder_id         INTEGER NOT NULL REFERENCES coders (id) ON DELETE CASCADE,
    started_at       TEXT NOT NULL,
    ended_at         TEXT,
    last_activity_at TEXT NOT NULL
);

CREATE INDEX blind_sessions_by_coder ON blind_sessions (coder_id, started_at);
