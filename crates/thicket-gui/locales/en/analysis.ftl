# The analysis views: tabs, the Analysis menu's items, filters, the Export menu, and each view.

analysis-title-matrix = Matrix
analysis-title-triangulation = Triangulation
analysis-title-cooccurrence = Co-occurrence
analysis-title-sequences = Sequences
analysis-title-timeline = Timeline
analysis-title-framework = Framework
analysis-title-agreement = Agreement
analysis-title-reconcile = Reconciliation
analysis-menu-matrix = Matrix (codes × cases, roles, …)
analysis-menu-triangulation = Triangulation grid
analysis-menu-cooccurrence = Co-occurrence heat map
analysis-menu-sequences = Sequences (A followed by B)
analysis-menu-timeline = Timeline
analysis-menu-framework = Framework matrix (case summaries × codes)
analysis-menu-agreement = Inter-coder agreement
analysis-menu-reconcile = Reconciliation (disagreements between coders)
analysis-format-xlsx = Excel workbook
analysis-format-svg = SVG image
analysis-format-png = PNG image
analysis-format-html = HTML page
analysis-format-docx = Word document
analysis-document-tab = Document
analysis-close-tab = Close { $title }
analysis-waiting-for-write = Waiting for the change to be written…
analysis-saved = Saved { $path }

## controls.rs and filters.rs
controls-any = any
controls-none = none
controls-all-n = all { $n }
controls-n-chosen = { $n } chosen
controls-all = All
controls-any-button = Any
controls-none-button = None
filters-label = Filters:
filters-across-coders = Across coders
    .tooltip = Pair codings of different coders too. By default a pair is one coder's: two coders' codes on one passage are a disagreement, not a co-occurrence

## export_menu.rs
export-table-csv = Table as CSV…
export-tables-xlsx = Tables as an XLSX workbook…
export-chart-svg = Chart as SVG…
export-chart-png = Chart as PNG…
export-chart-size = Chart size
export-width = Width
export-width-tooltip = About 85 mm for one journal column, 170 mm for a page width
export-at = at
export-dpi-tooltip = Resolution of a PNG: 300 for print, 96 for a screen
export-png-width = PNG: { $n } pixels wide
export-pseudonymise-tooltip = Replace names with the project's pseudonym map (Project menu, Pseudonyms…) in what is exported; the project's text never changes
analysis-reading-project = Reading the project…
analysis-preparing-data = Preparing the data…
analysis-computing = Computing…
analysis-cancelled = Cancelled. Change a choice to compute again.
analysis-nothing-to-load = nothing to load

## drill.rs: the segments behind a cell
drill-pairs-segments = { $pairs ->
        [one] { $pairs } pair
       *[other] { $pairs } pairs
    } · { $segments ->
        [one] { $segments } segment
       *[other] { $segments } segments
    }
drill-pair = pair { $n } · { $side }
drill-close-list = Close list
drill-coding-gone = (this coding is no longer in the project)
drill-no-speaker = no speaker
drill-coded-by = coded by { $name }

## matrix.rs
matrix-dim-cases = Cases
matrix-dim-roles = Roles
matrix-dim-kinds = Source kinds
matrix-dim-coders = Coders
matrix-dim-participants = Participants
matrix-dim-months = Months
matrix-dim-quarters = Quarters
matrix-dim-sessions = Sessions (per case)
matrix-dim-attribute = Attribute: { $name }
matrix-dim-attribute-of = Attribute: { $name } ({ $target })
matrix-measure-segments = Segments
matrix-measure-sources = Sources (distinct)
matrix-measure-cases = Cases (distinct)
matrix-measure-words = Words
matrix-measure-coverage = Coverage (% of characters)
matrix-columns = Columns
matrix-measure = Measure
matrix-rollup = Roll up sub-codes
    .tooltip = Count each code with all its sub-codes
matrix-hide-empty = Hide empty rows
matrix-status = { $codes } codes × { $columns } columns · { $measure }{ $coverage ->
        [yes] {" "}(percent of each column's characters)
       *[no] {""}
    } · click a number for its segments

## triangulation.rs
triangulation-cell-tip = { $status }
    { $codings } codings in { $sources } sources
    kinds: { $kinds }
    roles: { $roles }
triangulation-rollup-tooltip = Pool each code with all its sub-codes
triangulation-leave-out-roles = Leave out roles

## cooccurrence.rs
cooccurrence-mode-overlap = Overlapping
cooccurrence-mode-paragraph = Same paragraph
cooccurrence-mode-turn = Same speaker turn
cooccurrence-mode-within = Within N characters
cooccurrence-when = Co-occur when
cooccurrence-chars-suffix = {" "}chars
cooccurrence-show = Show
cooccurrence-pair-counts = Pair counts
cooccurrence-jaccard = Jaccard coefficients
cooccurrence-hide-unused = Hide unused codes
cooccurrence-status = { $codes } codes · mode { $mode } · { $across ->
        [yes] pairs across coders
       *[no] pairs within one coder
    } · diagonal: codings of the code · click a cell for its pairs
cooccurrence-diagonal-tip = { $n } codings of the code

## timeline.rs
timeline-plotted-cases = Plotted cases
timeline-status = Codings per session, by session date
timeline-choose = Choose cases and codes to plot.
timeline-sessions = { $n } sessions
timeline-undated = · { $n } undated sources not plotted

## sequences.rs
sequences-from = From (A)
sequences-to = To (B)
sequences-within-turns = Within N turns
sequences-within-paragraphs = Within N paragraphs
sequences-within-sessions = Within K sessions
sequences-later-in-case = Anywhere later in the case
sequences-window = Window
sequences-matrix-codes = Transition matrix codes
sequences-matrix-shows = Matrix shows
sequences-probabilities = Probabilities
sequences-no-codes = The codebook has no codes to follow.
sequences-status = { $from } followed by { $to } within { $window } · lags in { $unit } (lag×count) · click a case for its pairs
sequences-transitions = Transitions: which chosen code comes next, within { $window }
sequences-drill-title = { $from } followed by { $to } in { $case }
sequences-then = { $from } then { $to }
