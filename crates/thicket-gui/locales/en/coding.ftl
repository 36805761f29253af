# Coding: the code bar, the codebook panel, the document, find and search, the command palette,
# removing codings.

## The code bar by a text selection
codebar-code-with = Code with
codebar-filter-hint = type a code’s name
codebar-code =
    .tooltip = Code the selection with this code
codebar-no-match = No code matches

## The codebook panel
codebook-new-code = New code…
    .tooltip = Create a code at the top level
codebook-in-vivo = In vivo
    .tooltip = Create a code named after the selected text and apply it
codebook-code-as-new = Code as new…
    .tooltip = Create a code (name, colour, description) and apply it to the selection
codebook-filter = Filter codes
codebook-filter-hint = type to filter
codebook-has-memo = This code has a memo: right-click, then Memo…
codebook-apply = Apply to selection
codebook-new-subcode = New sub-code…
codebook-code-new-subcode = Code selection with a new sub-code…
codebook-edit = Edit (rename, colour, description)…
codebook-memo = Memo…
codebook-move-under = Move under
codebook-top-level = (top level)
codebook-move-up = Move up
codebook-move-down = Move down
codebook-quick-key = Quick key
codebook-merge-into = Merge into
codebook-delete = Delete…
codebook-form-edit-title = Edit code
codebook-form-new-for-selection-title = New code for the selection
codebook-form-new-title = New code
codebook-form-name = Name
codebook-form-under = Under
codebook-form-colour = Colour
codebook-form-hex = Hex
codebook-form-definition = Definition
codebook-form-use-when = Use when
codebook-form-do-not-use-when = Do not use when
codebook-form-example = Example
codebook-form-save = Save
codebook-form-create = Create
codebook-cancel = Cancel
codebook-delete-title = Delete code
codebook-delete-question = Delete “{ $name }”?
codebook-delete-also = This also deletes { $subcodes ->
        [one] 1 sub-code
       *[other] { $subcodes } sub-codes
    } and { $codings ->
        [one] 1 coding
       *[other] { $codings } codings
    }. You can undo it (Ctrl+Z).
codebook-delete-confirm = Delete
codebook-hint-use-when = Use when: { $text }
codebook-hint-not-when = Not when: { $text }
codebook-hint-example = Example: { $text }
codebook-hint-how = Click to list its segments. To code selected text: drag the code onto it, press its quick key, or right-click the text, then “Code selection with…”.
codebook-hint-how-key = Click to list its segments. To code selected text: drag the code onto it, press { $key }, or right-click the text, then “Code selection with…”.

## The document's menus and tooltips
document-text = Document text
document-unknown-speaker = Unknown speaker
document-deleted-code = (deleted code)
# A coding in the menu when two coders applied the same code to the passage.
document-code-by-coder = { $code } by { $coder }
document-remove-coding = Remove coding of { $coding }
document-remove-coding-memo = Remove coding of { $coding } and its memo…
document-change-code = Change code of { $coding }
document-resize-coding = Resize coding of { $coding } to the selection
document-resize-coding-disabled = Select the new extent of the passage first
document-coding-memo = Memo on coding of { $coding }…
document-edit-coding-memo = Edit memo of coding of { $coding }…
document-copy = Copy
document-memo-on-selection = Memo on the selected passage…
document-code-with = Code selection with…
document-select-first = Select a passage first

## Find in the document
find-label = Find in document
find-regex = Regex
find-previous = Previous
    .tooltip = Shift+Enter or Shift+F3
find-next = Next
    .tooltip = Enter or F3
find-no-matches = no matches
find-position = { $i } of { $n }
find-matches = { $n ->
        [one] 1 match
       *[other] { $n } matches
    }

## The "Search project" panel
search-title = Search project
search-close = Close
search-cancel = Cancel
search-for = Search for
search-hint = word, phrase or regex
search-regex = Regular expression
search-whole-words = Whole words
search-run = Search
search-help = Plain text is matched without regard to case; a regular expression as written (add (?i) to ignore case).
search-waiting = Waiting for the change to be written…
search-progress = Searching… { $done } of { $all ->
        [one] 1 source
       *[other] { $all } sources
    }
search-cancelled = Search cancelled. Press Search to run it again.
search-summary = { $hits ->
        [one] 1 hit
       *[other] { $hits } hits
    } in { $sources ->
        [one] 1 source
       *[other] { $sources } sources
    }
search-summary-first = { $hits ->
        [one] 1 hit
       *[other] { $hits } hits
    } in { $sources ->
        [one] 1 source
       *[other] { $sources } sources
    } (showing the first { $shown })
search-hit =
    .tooltip = Click to open the source at this hit
search-autocode = Autocode the hits

## Autocoding the hits
autocode-code = Code
autocode-choose-code = choose a code
autocode-extend = Extend each hit to
autocode-unit-match = Match
autocode-unit-sentence = Sentence
autocode-unit-paragraph = Paragraph
autocode-unit-turn = Turn
autocode-role = Speaker role
    .tooltip = Only hits inside turns of speakers with this role, e.g. only what caregivers say
autocode-any-speaker = any speaker, or none
autocode-only-open-source = Only the open source
autocode-outdated = The project changed since this preview.
autocode-refresh = Refresh preview
autocode-planning = Planning the preview…
autocode-cancelled = Preview cancelled.
autocode-add = Add { $n ->
        [one] 1 coding
       *[other] { $n } codings
    }
autocode-add-tooltip = As coder { $coder }; one step to undo
autocode-already-coded = { $n } already coded
autocode-outside-role = { $n ->
        [one] 1 hit
       *[other] { $n } hits
    } outside turns of a { $role }
autocode-outside-any = { $n ->
        [one] 1 hit
       *[other] { $n } hits
    } outside any turn
autocode-will-add = Will add { $n ->
        [one] 1 coding
       *[other] { $n } codings
    } in { $sources ->
        [one] 1 source
       *[other] { $sources } sources
    }.
autocode-will-add-notes = Will add { $n ->
        [one] 1 coding
       *[other] { $n } codings
    } in { $sources ->
        [one] 1 source
       *[other] { $sources } sources
    } ({ $notes }).

## The command palette
palette-command = Command
palette-hint = type part of a command’s name
palette-no-match = No command matches.

## Removing a coding that carries a memo
removal-title = Remove this coding and its memo?
removal-carries-memo = This coding of “{ $code }” carries a memo: “{ $memo }”
removal-explain = Removing the coding removes its memo too. Undo brings both back.
removal-confirm = Remove coding and memo
removal-cancel = Cancel
