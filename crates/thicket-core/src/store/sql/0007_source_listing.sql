-- Version 7: the list of sources without their texts, from an index. A source's text is stored in its row,
-- before most of its other columns, so reading any of those walks the text's overflow pages: listing 1,000
-- sources of 55 kB each read the whole 55 MB (about 11 ms, on every change the window reads its listings).
-- This index holds every column but the text, in the order the list is read (name, id), so the list is read
-- from the index alone. It costs a few hundred bytes per source.

CREATE INDEX sources_listing ON sources (name, id, uuid, kind, session_date, text_hash, char_len, word_count,
    original_name, original_format, encoding, imported_at, page_starts, author, time_marks);
