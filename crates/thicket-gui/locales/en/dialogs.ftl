# The export and exchange dialogs: reports, REFI-QDA, merging, QualCoder, coded excerpts.

## report_dialog.rs: the codebook and case reports
report-title-codebook = Export codebook
report-title-case-report = Export case report
report-blind = You are coding blind as { $name }: the codebook and case reports cover every coder, so leave blind mode to write them.
report-format = Format
report-anchors = Anchor quote per code
    .tooltip = The coding that matches the code's example, else one of median length, with its citation
report-all-cases = All cases
report-excerpts-per-code = Excerpts per code
report-pseudonymise = Pseudonymise
    .tooltip = Replace names with the project's pseudonym map (Project menu, Pseudonyms…); the project's text never changes
report-choose-file = Choose file…

## excerpt_dialog/: exporting coded excerpts
excerpts-coders-hidden = Every coder picked is hidden in the Team view: show one there to export their codings.
excerpts-preview = Preview
excerpts-no-preview = No preview: { $problem }
excerpts-reading = Reading the excerpts… { $percent }%
excerpts-first-n = The first { $n } as they will appear:
excerpts-count = { $n ->
        [one] { $n } excerpt
       *[other] { $n } excerpts
    }
excerpts-exporting = Exporting…
excerpts-exported = Exported { $n ->
        [one] { $n } excerpt
       *[other] { $n } excerpts
    } to { $path }
excerpts-open-folder = Open folder
excerpts-export-failed = The export failed: { $error }
excerpts-export-cancelled = Export cancelled; no file was written.
excerpts-choose-hint = Choose the codings and the layout; the preview follows.
excerpts-export-button = Export…
excerpts-open-ended = Could not open { $path }: { $program } ended with { $status }.
excerpts-open-failed = Could not open { $path }: cannot run { $program }: { $error }.
excerpts-project-changed = the project changed during the export; export again
excerpts-preset-author-date = Author–date
excerpts-preset-compact = Compact (for tables)
excerpts-preset-custom = Custom
excerpts-group-code = Code
excerpts-group-case = Case
excerpts-group-code-case = Code, then case
excerpts-group-source = Source
excerpts-sort-case = Case
excerpts-sort-date = Date
excerpts-sort-position = Position in the source
excerpts-write-query = Write a query, e.g. Ruptures AND Repair.
excerpts-tick-a-code = Tick at least one code, or select with a query.
excerpts-bad-date = { $field } date "{ $date }" is not a date: write YYYY-MM-DD.
excerpts-from = From
excerpts-to = To
excerpts-codings = Codings
excerpts-codes = Codes
excerpts-query = Query
excerpts-query-help = AND, OR, NOT, NEAR/n, FOLLOWED BY, as `segments --query` takes them.
excerpts-query-ok = The query reads well.
excerpts-cases = Cases
excerpts-kinds = Kinds
excerpts-roles = Roles
excerpts-participants = Participants
excerpts-coders = Coders
excerpts-layout = Layout
excerpts-group-by = Group by
excerpts-sort-by = Sort by
excerpts-context = Context (sentences)
excerpts-memos = Memos
excerpts-other-codes = Other codes
excerpts-definitions = Definitions
excerpts-counts = Counts
excerpts-pseudonymise-tooltip = Replace names with the project's pseudonym map (Project menu, Pseudonyms…), in the preview and the file; the project's text never changes
excerpts-citation = Citation
excerpts-template = Template
excerpts-insert-field = Insert this field at the cursor
excerpts-date-tooltip = Only sources dated on or after (From) or on or before (To) this day; an undated source fails any bound

## refi_dialog.rs: REFI-QDA exports
refi-title-project = Export REFI-QDA project
refi-title-codebook = Export REFI-QDA codebook
refi-project-explain = Sources, codes, codings with coders and dates, cases, participants, attributes and memos, for NVivo, ATLAS.ti, MAXQDA or QualCoder.
refi-positions = Count positions in
refi-code-points = Unicode code points (the standard)
    .tooltip = What REFI-QDA 1.5 says; ATLAS.ti and MAXQDA read it
refi-utf16 = UTF-16 units (NVivo, QualCoder)
    .tooltip = What NVivo and QualCoder count; the two differ only after an emoji or another rare character
refi-codebook-explain = The codes with their tree, colours and descriptions, for another program's codebook.
refi-pseudonymise-tooltip = Replace names with the project's pseudonym map, in the texts too (positions follow); the project itself never changes

## merge_dialog.rs: merging another copy of the study
merge-title = Merge “{ $name }” into this project
merge-from = From { $path }
    .tooltip = This file is only read: it is copied aside and the copy is opened
merge-comparing = Comparing the two projects…
merge-merging = Merging…
merge-merged = Merged as one step.
merge-nothing = Nothing to merge: this project already holds everything the other holds.
merge-undo = Undo this merge
    .tooltip = Takes back everything the merge brought in or changed (also Edit, Undo)
merge-rule-question = Where both projects changed the same thing:
merge-rule-stop = Stop and show me (merge nothing)
merge-button = Merge
merge-choose-rule-first = Choose what to do with the conflicts first
merge-what-came-in = What came in
merge-what-would-happen = What merging would do
merge-col-new = new
merge-col-already-here = already here
merge-col-same-by-name = same by name
merge-col-changed = changed
merge-no-conflicts = No conflicts.
merge-conflicts = Conflicts: { $n }
merge-here = here: { $value }
merge-there = there: { $value }
merge-warnings = Warnings: { $n }

## qualcoder_import.rs and refi_import.rs: projects from other programs
qualcoder-target-exists = { $path } already exists; a QualCoder project is read into a new file only.
qualcoder-importing = Importing a QualCoder project
qualcoder-reading-into = Reading “{ $name }” into { $path }
qualcoder-reading-database = Reading the QualCoder database…
qualcoder-only-read = The QualCoder folder is only read, never changed.
qualcoder-stopping = Stopping…
qualcoder-stopped-nothing-written = QualCoder import stopped; no file was written ({ $error }).
qualcoder-import-stopped = the QualCoder import stopped: { $error }
qualcoder-report-title = QualCoder import report
qualcoder-close-report = Close report
qualcoder-read-into = Read { $folder } (QualCoder database { $version }) into { $path }.
qualcoder-counts = { $sources } sources, { $codes } codes ({ $categories } from categories), { $codings } codings by { $coders } coders, { $cases } cases, { $attributes } attributes with { $values } values, { $memos } memos ({ $journals } journals, { $annotations } annotations).
qualcoder-all-landed = Every coding landed on the text QualCoder quoted.
qualcoder-not-imported = Not imported ({ $n })
qualcoder-corrected = Placed by a second look at their text ({ $n })
qualcoder-corrected-line = { $source }, { $code }: { $range } read as { $now } ({ $how })
qualcoder-mismatched = Text differs from QualCoder's quote ({ $n })
qualcoder-mismatched-line = { $source }, { $code }: { $range } kept as { $now }
qualcoder-read-from-files = Read from the documents folder: { $names }
qualcoder-important-marks = { $n } codings were marked important in QualCoder; Thicket has no such mark.
refi-import-exists = "{ $path }" already exists: choose a new name for the imported project
refi-import-open-first = Open or create a project before importing a codebook.
refi-import-cannot-read = cannot read "{ $path }": { $error }
refi-import-codebook-report = Codebook import report
refi-import-importing = Importing a REFI-QDA project
refi-import-report = REFI-QDA import report
refi-import-stopped = the import stopped: { $error }
