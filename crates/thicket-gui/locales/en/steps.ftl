# The names of undo and redo steps (Edit menu, toolbar, status line): "Undo Apply code".
# The audit trail and the CLI keep core's English labels (Action::label).

step-import-one = Import “{ $name }”
step-import-many = Import { $n } sources
step-edit-source = Edit source
step-set-source-author = Set source author “{ $name }”
step-clear-source-author = Clear source author
step-create-case = Create case “{ $name }”
step-edit-case = Edit case
step-assign-sources = Assign sources to case
step-unassign-sources = Remove sources from case
step-create-participant = Create participant “{ $name }”
step-edit-participant = Edit participant
step-create-coder = Create coder “{ $name }”
step-rename-coder = Rename coder to “{ $name }”
step-coder-colour = Change coder colour
step-retire-coder = Retire coder
step-unretire-coder = Bring back coder
step-create-code = Create code “{ $name }”
step-code-as-new = Code selection as new code “{ $name }”
step-edit-code = Edit code
step-apply-code = Apply code
step-apply-codings = Apply { $n } codings
step-create-memo = Create memo
step-edit-memo = Edit memo
step-define-attribute = Define attribute “{ $name }”
step-set-attribute = Set attribute
step-reassign-turns = Reassign { $n ->
        [one] { $n } turn
       *[other] { $n } turns
    }
step-link-sources = Link { $n ->
        [one] { $n } source
       *[other] { $n } sources
    } to participants
step-unlink-sources = Unlink { $n ->
        [one] { $n } source
       *[other] { $n } sources
    } from participants
step-recode = Recode { $n ->
        [one] { $n } coding
       *[other] { $n } codings
    }
step-edit-coding = Edit coding
step-create-framework = Create framework matrix “{ $name }”
step-rename-framework = Rename framework matrix to “{ $name }”
step-framework-codes = Choose framework matrix codes
step-framework-cases = Choose framework matrix cases
step-clear-framework-summary = Clear framework summary
step-edit-framework-summary = Edit framework summary
step-add-pseudonym = Add pseudonym for “{ $name }”
step-add-pseudonyms = Add { $n } pseudonyms
step-edit-pseudonym = Edit pseudonym for “{ $name }”
step-remove-pseudonym = Remove pseudonym
step-remove-pseudonyms = Remove { $n } pseudonyms
step-restore-pseudonyms = Restore { $n ->
        [one] { $n } pseudonym
       *[other] { $n } pseudonyms
    }
step-copy-agreed = Copy { $n ->
        [one] { $n } agreed coding
       *[other] { $n } agreed codings
    } to “{ $name }”
step-reconcile-one = Reconcile: { $choice }
step-reconcile-many = Reconcile { $n } items
step-set-decisions = Set { $n ->
        [one] { $n } reconciliation decision
       *[other] { $n } reconciliation decisions
    }
step-delete = Delete { $what }
step-restore = Restore { $what }
step-links = links
step-count-source = { $n ->
        [one] { $n } source
       *[other] { $n } sources
    }
step-count-case = { $n ->
        [one] { $n } case
       *[other] { $n } cases
    }
step-count-participant = { $n ->
        [one] { $n } participant
       *[other] { $n } participants
    }
step-count-coder = { $n ->
        [one] { $n } coder
       *[other] { $n } coders
    }
step-count-code = { $n ->
        [one] { $n } code
       *[other] { $n } codes
    }
step-count-coding = { $n ->
        [one] { $n } coding
       *[other] { $n } codings
    }
step-count-memo = { $n ->
        [one] { $n } memo
       *[other] { $n } memos
    }
step-count-attribute = { $n ->
        [one] { $n } attribute
       *[other] { $n } attributes
    }
step-count-framework = { $n ->
        [one] { $n } framework matrix
       *[other] { $n } framework matrices
    }

# Steps that bundle several changes (core's Bundle).
step-move-code = Move “{ $name }”
step-merge-codes = Merge code “{ $name }” into “{ $into }”
step-merge-participants = Merge “{ $name }” into “{ $into }”
step-autocode = Autocode “{ $pattern }” as “{ $name }”
step-autocode-regex = Autocode /{ $pattern }/ as “{ $name }”
step-edit-framework = Edit framework matrix “{ $name }”
step-arrange-framework = Arrange framework matrix “{ $name }”
step-prefill-pseudonyms = Pre-fill { $n ->
        [one] { $n } pseudonym
       *[other] { $n } pseudonyms
    }
step-import-codebook = Import codebook “{ $name }”
step-import-refi-project = Import REFI-QDA project “{ $name }”
step-import-qualcoder-project = Import QualCoder project “{ $name }”
step-merge-project = Merge “{ $name }”
