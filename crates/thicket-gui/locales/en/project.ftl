# The project's people and things: memos, cases, attributes, participants, pseudonyms.

## The memo browser
memos-title = Memos
memos-new-project-memo = New project memo
    .tooltip = A memo on the study as a whole
memos-kind = Memo kind
memos-all-kinds = All kinds
memos-kind-project = Project
memos-kind-source = Source
memos-kind-passage = Passage
memos-kind-code = Code
memos-kind-case = Case
memos-kind-participant = Participant
memos-kind-coding = Coding
memos-search = Search memos
memos-search-hint = words in the memo or what it is on
memos-count = { $n ->
        [one] 1 memo
       *[other] { $n } memos
    }
memos-count-of = { $n } of { $total ->
        [one] 1 memo
       *[other] { $total } memos
    }
memos-none-yet = No memos yet. Write one on the project here, or choose “Memo…” on a source, code, case, participant or coding.
memos-no-match = No memo matches the filter.
memos-select = Select a memo to read or edit it.
memos-memo-title = Title
memos-text = Memo text
memos-saved-when = Saved when you pause or leave the field
memos-saved-once = A new memo is saved once it has text
memos-saved = Saved
memos-show-in-document = Show in document
memos-delete = Delete memo
    .tooltip = You can undo this (Ctrl+Z)
memos-has-memo = has a memo
memos-deleted-source = (deleted source)
memos-deleted-code = (deleted code)
memos-deleted-case = (deleted case)
memos-deleted-participant = (deleted participant)
memos-on-source = Source “{ $source }”
memos-on-passage = Passage of “{ $source }”: “{ $quote }”
memos-on-code = Code { $code }
memos-on-case = Case “{ $case }”
memos-on-participant = Participant “{ $participant }”
memos-on-coding = Coding { $code } in “{ $source }”: “{ $quote }”

## The cases window
cases-title = Cases
cases-list-row = { $case } · { $n ->
        [one] 1 source
       *[other] { $n } sources
    }
cases-none-yet = No cases yet. A case is a unit of the study, such as a family.
cases-select = Select a case to rename it, describe it or assign sources to it.
cases-new-name = New case name
cases-new-name-hint = e.g. Okafor family
cases-create = Create case
cases-name-exists = A case with this name exists.
cases-name = Case name
cases-name-taken = Another case has this name.
cases-name-needed = A case needs a name.
cases-description = Description
cases-memo = Memo…
    .tooltip = Open this case's memo in the memo browser
cases-has-memo = This case has a memo
cases-delete = Delete case…
cases-no-participants = No participants (add them in the Participants window of the Project menu)
cases-participants = Participants: { $names }
cases-sources-in = Sources in “{ $case }” ({ $n })
cases-filter-sources = Filter sources
cases-source-kind = Source kind
cases-any-kind = any
cases-assign-shown = Assign the { $n } shown
cases-unassign-shown = Unassign the { $n } shown
cases-no-date = no date
cases-delete-title = Delete case
cases-delete-question = Delete the case “{ $case }”?
cases-delete-keeps = Its { $sources ->
        [one] 1 assigned source
       *[other] { $sources } assigned sources
    } and { $participants ->
        [one] 1 participant
       *[other] { $participants } participants
    } stay in the project; they only lose their link to this case.
cases-delete-with = Deleted with it: { $memos ->
        [one] 1 memo
       *[other] { $memos } memos
    } and { $values ->
        [one] 1 attribute value
       *[other] { $values } attribute values
    }.
cases-undo-hint = You can undo this (Ctrl+Z).
cases-delete-confirm = Delete the case
cases-cancel = Cancel
cases-assign-to = Assign to case
cases-new-case = New case…
cases-edit-case = Edit case…
cases-author = Author: { $author }
cases-author-not-set = not set
cases-author-hint = Whose perspective this source carries
cases-author-none = Not set
cases-author-agency = The agency (case files, reports)
cases-author-researcher = The researcher (observations, field notes)

## The participants window
participants-title = Participants
participants-intro = Rename a participant, set their role and cases, or merge two who are the same person.
participants-cell-problem = { $attribute } of { $participant }: { $message }
participants-col-participant = Participant
participants-col-rename = Rename
participants-col-role = Role
participants-col-turns = Turns
participants-col-cases = Cases
participants-col-memo = Memo
participants-col-merge = Merge into
participants-no-role = no role
participants-no-case = no case
participants-no-cases-yet = No cases yet (Cases… in the Project menu)
participants-cases-of = Cases of { $participant }
participants-cases-of-tooltip = Cases { $participant } belongs to
participants-attribute-of = { $attribute } of { $participant }
participants-memo = Memo…
participants-memo-on = Memo on { $participant }
participants-memo-open = Open the memo on { $participant }
participants-has-memo = { $participant } has a memo
participants-merge-tooltip = Merge { $participant } into another participant

## The attributes window and its cells
attributes-title = Attributes
attributes-tab-cases = Cases
attributes-tab-participants = Participants
attributes-tab-sources = Sources
attributes-col-case = Case
attributes-col-participant = Participant
attributes-col-source = Source
attributes-type-text = Text
attributes-type-number = Number
attributes-type-date = Date
attributes-type-category = Category
attributes-problem-no-name = Give the attribute a name.
attributes-problem-taken = { $target ->
        [case] Cases
        [participant] Participants
       *[source] Sources
    } already have an attribute named “{ $name }”.
attributes-problem-no-categories = List at least one category, one per line.
attributes-problem-twice = The category “{ $category }” is listed twice.
attributes-new = New attribute…
attributes-filter = Filter rows
attributes-none-yet = { $target ->
        [case] Cases
        [participant] Participants
       *[source] Sources
    } have no attributes yet. “New attribute…” defines one (e.g. family size, area, age group).
attributes-cell-problem = { $attribute } of { $name }: { $message }
attributes-cell-name = { $attribute } of { $name }
attributes-categories-tooltip = Categories: { $categories }
attributes-delete = Delete attribute “{ $attribute }”…
attributes-no-match = No row matches the filter.
attributes-new-title = New attribute
attributes-on = On { $target ->
        [case] cases
        [participant] participants
       *[source] sources
    }
attributes-name = Attribute name
attributes-type = Type
attributes-categories = Categories (one per line)
attributes-define = Define
attributes-cancel = Cancel
attributes-delete-title = Delete attribute
attributes-delete-question = Delete the attribute “{ $attribute }” of { $target ->
        [case] cases
        [participant] participants
       *[source] sources
    }?
attributes-delete-values = { $n ->
        [one] Its one value goes
       *[other] Its { $n } values go
    } with it. You can undo this (Ctrl+Z).
attributes-delete-confirm = Delete the attribute
attributes-not-number-point = “{ $text }” is not a number: write decimals with a point, e.g. { $example }
attributes-not-number = “{ $text }” is not a number
attributes-not-date = “{ $text }” is not a date: write YYYY-MM-DD, e.g. 2025-03-04
attributes-not-category = “{ $text }” is not one of: { $categories }
attributes-no-value = No value
attributes-hint-number = number

## The pseudonyms window
pseudonyms-title = Pseudonyms
pseudonyms-tab-map = Map
pseudonyms-tab-preview = Preview
pseudonyms-tab-log = Export log
pseudonyms-intro = Exports made with “Pseudonymise” replace these names; the project's own text never changes.
pseudonyms-prefill = Pre-fill
    .tooltip = Add participants' names and speaker labels with role-based replacements; your entries stay as they are
pseudonyms-nothing-new = Nothing new: every participant and speaker label is in the map.
pseudonyms-counting = { $entries ->
        [one] 1 entry
       *[other] { $entries } entries
    }, counting replacements… { $percent } %
pseudonyms-summary = { $entries ->
        [one] 1 entry
       *[other] { $entries } entries
    }, { $replacements ->
        [one] 1 replacement
       *[other] { $replacements } replacements
    }
pseudonyms-original = Original
pseudonyms-original-hint = a name, a place
pseudonyms-replacement = Replacement
pseudonyms-replacement-hint = Caregiver 1
pseudonyms-add = Add
pseudonyms-empty = The map is empty: Pre-fill it from the participants, or add a name.
pseudonyms-col-whole-words = Whole words
pseudonyms-col-exact-case = Exact case
pseudonyms-col-from = From
pseudonyms-col-replacements = Replacements
pseudonyms-whole-words-tooltip = Off: also inside longer words
pseudonyms-exact-case-tooltip = On: only as written; off: any case, cased like what was found
pseudonyms-show-in-preview = Show them in the preview
pseudonyms-remove = Remove “{ $original }”
pseudonyms-finding = Finding every replacement in the project's texts…
pseudonyms-every-entry = Every entry
pseudonyms-entry = Entry
pseudonyms-replacements = { $n ->
        [one] 1 replacement
       *[other] { $n } replacements
    }
pseudonyms-log-empty = Nothing has been exported from this project yet.
pseudonyms-log-summary = { $n ->
        [one] 1 export
       *[other] { $n } exports
    }, { $plain } without pseudonyms
pseudonyms-col-when = When
pseudonyms-col-what = What
pseudonyms-col-file = File
pseudonyms-col-pseudonymised = Pseudonymised
pseudonyms-yes = yes
pseudonyms-no = no
pseudonyms-map-hash = { $hash } ({ $n ->
        [one] 1 entry
       *[other] { $n } entries
    })
