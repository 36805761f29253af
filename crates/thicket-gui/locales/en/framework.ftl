# The Framework tab (src/analysis/framework.rs). The reports it exports stay English.

framework-default-name = Framework
framework-default-name-n = Framework { $n }
framework-name = Name
framework-codes = Codes
framework-cases = Cases
framework-apply = Apply
framework-create = Create
framework-cancel = Cancel
framework-cell-label = { $case } · { $code }: { $n ->
        [one] { $n } segment
       *[other] { $n } segments
    }
framework-cell-label-summary = { $case } · { $code }: { $n ->
        [one] { $n } segment
       *[other] { $n } segments
    } · { $summary }
framework-segments = { $n ->
        [one] { $n } segment
       *[other] { $n } segments
    }
framework-no-summary-click = No summary yet: click to write one
framework-last-edited = Last edited by { $name }, { $date }
framework-summary = Summary
framework-summary-hint = What this case shows under this code…
framework-save = Save
framework-revert = Revert
framework-unsaved = Unsaved: saved when you leave the editor
framework-no-summary = No summary yet
framework-segments-note = { $n ->
        [one] { $n } segment
       *[other] { $n } segments
    } · a column counts its sub-codes
framework-no-segments = No segments of this code in this case's sources.
framework-no-speaker = no speaker
framework-segment-head = { $source } · { $speakers } · { $code } · coded by { $coder }
framework-show-segment = Click to show it in its document
framework-matrix = Matrix
framework-none-yet = none yet
framework-new-matrix = New matrix…
    .tooltip = Choose codes (columns) and cases (rows)
framework-edit = Edit…
framework-edit-tooltip = Rename “{ $name }” or choose its codes and cases
framework-delete = Delete matrix
    .tooltip = Delete this matrix and its summaries (Ctrl+Z brings them back)
framework-no-matrix = No framework matrix yet: “New matrix…” makes one (the top-level codes × every case, unless you choose).
framework-status = { $cases ->
        [one] { $cases } case
       *[other] { $cases } cases
    } × { $codes ->
        [one] { $codes } code
       *[other] { $codes } codes
    } · { $written } of { $cells } summaries written · click a cell to read its segments and write its summary
framework-updating = Updating the segment counts… · { $line }
framework-close-cell = Close cell
framework-export-markdown = Report as Markdown…
framework-export-html = Report as HTML…
framework-export-docx = Report as Word (DOCX)…
framework-export-xlsx = Workbook (XLSX, wrapped text)…
framework-export-csv = Summaries as CSV…
