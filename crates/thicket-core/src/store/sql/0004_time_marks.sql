-- Version 4: media times at paragraph starts of timed transcripts (subtitles), for the document margin and
-- for citations. A JSON array of {"at": char offset, "ms": milliseconds}; NULL when the source has none.
-- Sources imported before this version keep NULL: their text never changes, so neither do their marks.

ALTER TABLE sources ADD COLUMN time_marks TEXT;
