# The Reconciliation tab (src/analysis/reconcile.rs). The queue it exports stays English.

reconcile-coder-a = Coder A
reconcile-coder-b = Coder B
reconcile-master = Master
    .tooltip = The coder the decisions write to (created on the first decision)
reconcile-codes = Codes
reconcile-order = Order
reconcile-text-order = text order
reconcile-by-code = by code
reconcile-mark-resolved = resolved
reconcile-mark-open = open
reconcile-queue-row = { $n }. [{ $mark }] { $source } · { $code } · { $kind }
reconcile-choose-item = Choose an item of the queue.
reconcile-item-of = Item { $n } of { $total }
reconcile-item-where = ({ $id }, characters { $extent })
reconcile-show-in-document = Show in document
reconcile-coded-instead = { $name } coded this text as { $codes } instead.
reconcile-not-coded = not coded
reconcile-resolved = Resolved: { $what }, by { $name } on { $date }
reconcile-resolved-note = Resolved: { $what }, by { $name } on { $date }: { $note }
reconcile-not-resolved = Not resolved yet. A decision writes the result to the master coder; deciding again replaces it.
reconcile-note = Note
reconcile-note-hint = Why this decision (kept with it)
reconcile-keep-a = Keep A
reconcile-keep-a-tooltip = Keep { $name }'s spans
reconcile-keep-b = Keep B
reconcile-keep-b-tooltip = Keep { $name }'s spans
reconcile-keep-both = Keep both
    .tooltip = Keep both coders' spans, each as its own coding
reconcile-union = Union
    .tooltip = One coding over all the text either coder coded
reconcile-intersection = Intersection
    .tooltip = Only the text both coders coded
reconcile-drop = Drop
    .tooltip = The master does not code this text with this code
reconcile-start = Start
reconcile-end = End
reconcile-edit-span = Edit span
    .tooltip = One coding from Start to End (characters)
reconcile-previous = Previous
reconcile-next = Next
reconcile-two-coders = Choose two different coders to compare.
reconcile-name-master = Name the master coder the decisions write to (such as consensus).
reconcile-master-compared = The master coder must not be one of the coders compared.
reconcile-resolved-count = { $resolved } of { $total } resolved
reconcile-updating = Updating… · { $line }
reconcile-copy-agreed = Copy { $n ->
        [one] { $n } agreed coding
       *[other] { $n } agreed codings
    } to { $name }
    .tooltip = The codings both coders made exactly alike go to the master as they are (one step, Ctrl+Z takes it back)
reconcile-before = Agreement before, { $a } with { $b }: { $figures }
reconcile-after = after, { $a } with { $b }: { $figures }
reconcile-agreement-tooltip = Presence of each chosen code per paragraph, counting paragraphs either coder coded (docs/reconcile.md)
reconcile-no-paragraphs = no paragraphs coded
reconcile-figures = { $percent }% agreement, kappa { $kappa } ({ $n ->
        [one] { $n } paragraph
       *[other] { $n } paragraphs
    })
reconcile-figures-undefined = { $percent }% agreement, kappa undefined ({ $n ->
        [one] { $n } paragraph
       *[other] { $n } paragraphs
    })
reconcile-no-disagreements = No disagreements: the two coders coded these codes alike.
reconcile-export-csv = Queue as CSV…
reconcile-export-xlsx = Queue as an XLSX workbook…
