# The main window: messages of the app, the status bar, the welcome screen, the source list, the
# file dialogs, importing, the coder prompt, background work and preferences.

## app.rs and writing.rs: messages after an action
app-say-coder-first = Say who is coding first, then try again.
app-coder-retired = { $name } is retired: choose another coder, or bring { $name } back in the Team view, then try again.
app-cannot-record-coder = cannot record coder “{ $name }”: { $error }
app-select-passage-first = Select a passage of the text first, then choose a code.
app-cannot-write-sample = cannot write the sample study to { $path }: { $error }
app-applying-codings = Apply { $n } codings…
app-undoing = Undo { $what }…
app-redoing = Redo { $what }…
app-writing-file = Writing { $path }…
app-wrote-file = Wrote { $path }
app-comparing-with = Comparing with “{ $name }”…
app-merging = Merging “{ $name }”…
app-write-lost = the change could not be written ({ $error }); open the project again
app-saved-copy = Saved a copy to { $path }
app-saved-readable-copy = Saved a readable copy to { $path } ({ $rows } rows)
app-readable-left-out = ; left out, their text is damaged: { $names }
app-readable-stopped = ; { $n } tables were read only up to the damage
app-readable-open-it = { $note }. Open it to go on working.
app-open-before-import = Open or create a project before importing files.
app-blind-leave-first = You are coding blind as { $name }: leave blind mode first to code as someone else.
app-no-system-dialog = No system file dialog is available here; using Thicket's own.
app-is-open-project = { $path } is the open project; choose another name.
app-cannot-replace = cannot replace { $path }: { $error }
app-cannot-tidy = cannot tidy up { $path }: { $error }
app-cancelled-nothing-changed = Cancelled: nothing was changed.
app-cancelling = Cancelling…
app-cancel = Cancel

## panels.rs: the window's frame
panels-recent-projects = Recent projects
panels-drop-files = Drop files to import them
panels-dismiss = Dismiss
panels-project-damaged = “{ $name }” is damaged ({ $detail }). It is open read-only: you can read and export, and nothing will be changed. Save what can be read into a new project, or restore a backup.
panels-project-read-only = “{ $name }” is read-only ({ $reason }). You can read and export; changes are refused.
panels-save-readable-copy = Save readable copy…
    .tooltip = Copy the sources, codes, codings, cases and memos that can still be read into a new project file
panels-status-counts = { $sources ->
        [one] { $sources } source
       *[other] { $sources } sources
    } · { $cases ->
        [one] { $cases } case
       *[other] { $cases } cases
    } · { $codes ->
        [one] { $codes } code
       *[other] { $codes } codes
    } · { $codings ->
        [one] { $codings } coding
       *[other] { $codings } codings
    }
panels-coder = Coder:
    .tooltip = Every coding and memo you make records this coder
panels-coder-blind = { $name } (blind)
panels-coder-not-chosen = (not chosen)
panels-another-coder = Another coder:
    .hint = name, then Enter
panels-not-in-a-case = Not in a case
panels-by-case = By case
panels-by-kind = By kind
panels-find-source = Find a source
    .hint = type to filter
panels-click-to-fold = Click to fold
panels-click-to-unfold = Click to unfold
panels-source-has-memo = This source has a memo: right-click, then Memo…
panels-source-hover = { $name }
    { $kind } · { $date } · { $words ->
        [one] { $words } word
       *[other] { $words } words
    }
panels-no-date = no date
panels-segments = Segments
panels-segments-idle = click a code in the codebook to list its segments
panels-select-source = Select a source on the left to read it.

## The welcome screen
welcome-tagline = Qualitative coding for ethnographic case studies
welcome-explore-sample = Explore the sample study
welcome-sample-description = Three fictional families in family preservation, a focus group, a codebook and two coders.
welcome-open-project = Open project…
welcome-open-qualcoder = Open a QualCoder project…
    .tooltip = Read a QualCoder project folder (NAME.qda) into a new Thicket project

## import_dialog.rs: importing files
import-title = Import
import-reading-files = Reading files… { $done } of { $total }
import-close = Close
import-files-read = { $files ->
        [one] { $files } file read
       *[other] { $files } files read
    } ({ $sources ->
        [one] { $sources } source
       *[other] { $sources } sources
    }), { $failed } could not be read.
import-reading-cancelled = Reading was cancelled: only the files read so far will be imported.
import-kind = Kind
import-detect-kind = Detect from the text
import-case = Case
    .hint = none, or a new or existing case
import-existing-case = existing…
import-session-date = Session date
    .hint = YYYY-MM-DD
import-date-from-name = or read it from each file name
import-speakers = Speakers
import-detect-speakers = Detect speaker turns
import-detected-speakers = Detected speakers. Give two labels the same name to merge them; pick an existing participant to map onto them.
import-col-label = Label
import-col-turns = Turns
import-col-participant = Participant
import-col-role = Role
import-map-participant = Map onto an existing participant
import-existing-no-role = existing, no role
import-existing-role = existing: { $role }
import-no-role = no role
import-suggested-role = suggested: asks the most questions
import-button = { $n ->
        [one] Import { $n } source
       *[other] Import { $n } sources
    }
import-bad-date = "{ $date }" is not a date: write it as YYYY-MM-DD
import-imported = { $n ->
        [one] Imported { $n } source
       *[other] Imported { $n } sources
    }
import-words = { $n ->
        [one] { $n } word
       *[other] { $n } words
    }
import-skipped = Skipped { $name }: { $reason }
import-not-imported = Not imported { $name }: { $reason }

## file_request.rs and file_browser.rs: choosing files
files-title-open-project = Open project
files-title-new-project = New project
files-title-save-copy = Save a copy as
files-title-save-readable-copy = Save a readable copy as
files-title-import-files = Import files
files-title-import-folder = Import folder
files-title-open-qualcoder = Open a QualCoder project folder
files-title-save-imported = Save the imported project as
files-title-merge = Merge a project into this one
files-title-open-refi = Open a REFI-QDA project
files-title-import-codebook = Import codebook
files-title-export = Export
files-title-export-excerpts = Export coded excerpts
files-title-backup-folder = The folder for this project's backups
files-confirm-open = Open
files-confirm-create = Create
files-confirm-import = Import
files-confirm-import-folder = Import this folder
files-confirm-open-qualcoder = Open this QualCoder project
files-confirm-backup-folder = Keep backups here
files-confirm-compare = Compare
files-confirm-save = Save
files-hint-qualcoder-folder = Go into the project's folder (NAME.qda, the one holding data.qda), then press Open this QualCoder project.
files-hint-qualcoder-target = The new Thicket project; an existing file is never replaced.
files-hint-backup-folder = Go into the folder (a disk other than the project's is safest), then press Keep backups here.
files-filter-projects = Thicket project
files-filter-refi-projects = REFI-QDA project
files-filter-refi-codebooks = REFI-QDA codebook
files-filter-documents = Documents
browser-parent-folder = Parent folder
browser-location = Location
browser-go = Go
browser-no-such-folder = There is no folder { $path }.
browser-go-to = Go to:
browser-home = Home
browser-empty = No folders or matching files here.
browser-new-folder = New folder…
browser-new-folder-name = New folder name
browser-create-folder = Create folder
browser-folder-needs-name = Give the new folder a name (without slashes).
browser-cannot-create-folder = Cannot create the folder “{ $name }”: { $error }
browser-file-name = File name
browser-replace-question = “{ $name }” already exists here. Replace it?
browser-replace = Replace
browser-dont-replace = Don't replace
browser-type-file-name = Type a file name.
browser-exists-choose-new = “{ $name }” already exists here; choose a new name.
browser-cannot-read-folder = Cannot read the folder { $path }: { $error }
browser-size-bytes = { $n ->
        [one] { $n } byte
       *[other] { $n } bytes
    }

## coder_prompt.rs: who is coding
coder-prompt-title = Who is coding?
coder-prompt-explain = Every coding and memo you make records this name, so that coders can be told apart and compared.
coder-prompt-name = Coder's name
    .hint = your name
coder-prompt-or-continue = Or continue as one of this project's coders:
coder-prompt-code-as = Code as { $name }
coder-prompt-continue = Continue
coder-prompt-keep = Keep { $name }

## side_panels.rs: the folding side panels
side-sources = Sources
side-codebook = Codebook
side-search-project = Search project
side-fold-sources = Fold the sources panel
side-fold-codebook = Fold the codebook panel
side-fold-search-project = Fold the search project panel
side-show-sources = Show the sources panel
side-show-codebook = Show the codebook panel
side-show-search-project = Show the search project panel

## retrieval.rs: the segments of the chosen codes
retrieval-include-subcodes = Include sub-codes
retrieval-case = Case
retrieval-kind = Kind
retrieval-role = Role
retrieval-coder = Coder
retrieval-segment-count = { $n ->
        [one] { $n } segment
       *[other] { $n } segments
    }
retrieval-by-coder = by { $name }
retrieval-show-in-document = Click to show it in its document
retrieval-any = any

## jobs.rs
jobs-stopped-unexpectedly = the computation stopped unexpectedly
