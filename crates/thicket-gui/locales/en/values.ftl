# Values that come from thicket-core, named in the window's language (src/i18n/values.rs).
# Core keeps its English names for files, the CLI and the audit trail.

## Source kinds
kind-interview = Interview
kind-focus-group = Focus group
kind-observation = Observation
kind-field-note = Field note
kind-case-file = Case file
kind-document = Document

## Agreement measures (column headings) and units
measure-percent = Percent agreement
measure-cohen-kappa = Cohen's kappa
measure-scott-pi = Scott's pi
measure-fleiss-kappa = Fleiss' kappa
measure-krippendorff-alpha = Krippendorff's alpha
measure-u-alpha = u-alpha
measure-binary-u-alpha = |u-alpha
measure-cu-alpha = cu-alpha
measure-category-u-alpha = Cu-alpha
unit-character = character
unit-sentence = sentence
unit-paragraph = paragraph
unit-turn = turn

## Kinds of disagreement and reconciliation decisions
disagreement-boundaries = same code, different boundaries
disagreement-different-code = different codes on the same text
disagreement-unmatched = coded by one, not the other
choice-keep-a = keep a
choice-keep-b = keep b
choice-keep-both = keep both
choice-union = union
choice-intersection = intersection
choice-drop = drop
choice-edit = edit span { $span }
choice-edit-step = edit span

## A coefficient and its interval: "0.723 [0.535, 0.858]"
agreement-estimate = { $value } [{ $low }, { $high }]
agreement-undefined = undefined

## The document's header: "Interview · 2025-03-04 · 1,321 words · 12 codings"
document-words-codings = { $words ->
        [one] { $words } word
       *[other] { $words } words
    } · { $codings ->
        [one] { $codings } coding
       *[other] { $codings } codings
    }

## The merge dialog: conflict rules and the rows of its report
merge-rule-into = Keep this project's version
merge-rule-from = Take the merged project's version
merge-rule-both = Keep both where possible (memos, texts)
merge-kind-coders = coders
merge-kind-cases = cases
merge-kind-participants = participants
merge-kind-sources = sources
merge-kind-turns = turns
merge-kind-case-links = case links
merge-kind-participant-links = participant links
merge-kind-source-links = source links
merge-kind-codes = codes
merge-kind-codings = codings
merge-kind-memos = memos
merge-kind-attributes = attributes
merge-kind-attribute-values = attribute values
merge-kind-framework-matrices = framework matrices
merge-kind-framework-columns = framework columns
merge-kind-framework-rows = framework rows
merge-kind-framework-summaries = framework summaries
merge-kind-pseudonyms = pseudonyms
