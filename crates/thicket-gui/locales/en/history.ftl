# Project → History…: the audit trail (src/history.rs).

cmd-history = History…
    .tooltip = Every change made to this project, undo and redo included: who, when, what
history-title = History
history-title-of = History of “{ $name }”
history-count = { $n ->
    [one] { $n } change, newest first
   *[other] { $n } changes, newest first
}
history-empty = Nothing has been changed yet.
history-of-source = History…
    .tooltip = Every change that touched this source: who, when, what
history-of-code = History…
    .tooltip = Every change that touched this code: who, when, what
