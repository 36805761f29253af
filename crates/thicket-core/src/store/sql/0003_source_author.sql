-- Version 3: the perspective a source carries, from the one who wrote it.
-- A case file is the agency's account and an observation note the researcher's, whoever they are
-- about (source_participants). Triangulation counts this perspective for a source without speaker
-- turns. NULL: not said, so the source adds no perspective.

ALTER TABLE sources ADD COLUMN author TEXT CHECK (author IS NULL OR (length(author) > 0 AND author = trim(author)));
