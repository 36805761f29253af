-- Version 2: covering indexes for the queries that read every coding or turn.
-- Coding rows carry their quote selector (about 240 bytes of text), so analyses that scan all
-- codings by source or by code read them from these narrow indexes instead of the table.

DROP INDEX codings_source;
CREATE INDEX codings_by_source ON codings (source_id, start_char, end_char, id, code_id, coder_id);

DROP INDEX codings_code;
CREATE INDEX codings_by_code ON codings (code_id, source_id, id, coder_id, start_char, end_char);

DROP INDEX turns_source;
CREATE INDEX turns_by_source ON turns (source_id, start_char, id, participant_id, end_char, timestamp_ms);
