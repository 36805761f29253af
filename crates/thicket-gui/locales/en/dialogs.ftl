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
