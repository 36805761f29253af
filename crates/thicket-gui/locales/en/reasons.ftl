# Reasons and details core hands over as values (the command line prints core's own English):
# why an import skipped a file, why an agreement value or interval is undefined, and what a merge
# conflict is about and what was done with it.

## import_dialog.rs: why a file was not imported (core's SkipReason)
import-why-not-found = no such file or folder
import-why-permission-denied = permission denied
import-why-fifo = skipped: it is a named pipe (FIFO), not a regular file
import-why-socket = skipped: it is a socket, not a regular file
import-why-device = skipped: it is a device, not a regular file
import-why-not-regular = skipped: it is not a regular file
import-why-broken-link = skipped: a symbolic link to nothing readable ({ $reason })
import-why-folder-loop = skipped: a link to a folder already imported or being imported (a loop)
import-why-too-big = it is { $size } MB, more than the { $limit } MB one file may have
import-why-same-as-source = same text as source “{ $name }”, already in the project
import-why-same-in-batch = same text as another file in this batch
import-cannot-read = { $name }: { $reason }

## analysis/agreement.rs and team: why a measure or its interval has no value (core's Undefined)
agreement-why-no-pairable-values = no unit has two pairable values: { $measure } is undefined
agreement-why-no-expected-disagreement = expected disagreement is 0 (only one value was used): { $measure } is undefined
agreement-why-chance-agreement-is-one = agreement expected by chance is 1 (only one value was used): { $measure } is undefined
agreement-why-no-unit-from-two-coders = no unit has values from two coders
agreement-why-not-two-coders = { $measure } compares exactly two coders ({ $n } compared); use Fleiss' kappa or alpha
agreement-why-no-unit-by-both = no unit was coded by both coders
agreement-why-fleiss-needs-two-coders = Fleiss' kappa needs at least two coders
agreement-why-no-unit-by-every = no unit was coded by every coder
agreement-why-unitizing-needs-two-coders = unitizing alphas compare at least two coders ({ $n } given)
agreement-why-empty-continua = the continua are empty
agreement-why-no-gaps = no gaps: every coder marked the whole continuum, { $measure } is undefined
agreement-why-no-units-marked = no coder marked any unit: { $measure } is undefined
agreement-why-overlap-needs-nominal = a coder's spans of different categories overlap, which only the nominal level can compare ({ $level ->
        [ordinal] ordinal
        [interval] interval
       *[ratio] ratio
    } asked)
agreement-why-no-intersection = no unit of one coder intersects a unit of another: { $measure } is undefined
agreement-why-no-intersection-for-value = no unit with this value intersects another coder's unit
agreement-why-no-resamples = no resamples were asked for
agreement-why-too-few-units = { $n ->
        [one] { $n } unit
       *[other] { $n } units
    } to resample: no interval
agreement-why-undefined-on-every-resample = the measure was undefined on every resample
agreement-why-one-continuum = one continuum: the bootstrap resamples continua (sources), so there is no interval
agreement-why-one-source = one source: the bootstrap resamples sources, so there is no interval

## merge_dialog.rs: a conflict ("code name: code “Ruptures”"), its entity and what was done
merge-conflict = { $kind }: { $entity }
merge-conflict-kind-coder-name = coder name
merge-conflict-kind-coder-colour = coder colour
merge-conflict-kind-coder-retired = coder retired
merge-conflict-kind-case-name = case name
merge-conflict-kind-case-description = case description
merge-conflict-kind-participant-name = participant name
merge-conflict-kind-participant-role = participant role
merge-conflict-kind-source-name = source name
merge-conflict-kind-source-kind = source kind
merge-conflict-kind-source-date = source date
merge-conflict-kind-source-author = source author
merge-conflict-kind-turn-speaker = turn speaker
merge-conflict-kind-code-name = code name
merge-conflict-kind-code-colour = code colour
merge-conflict-kind-code-description = code description
merge-conflict-kind-code-place = code place
merge-conflict-kind-coding-span = coding span
merge-conflict-kind-coding-memo = coding memo
merge-conflict-kind-coding-code = coding code
merge-conflict-kind-memo = memo
merge-conflict-kind-attribute-value = attribute value
merge-conflict-kind-framework-name = framework name
merge-conflict-kind-framework-summary = framework summary
merge-conflict-kind-pseudonym = pseudonym
merge-entity-coder = coder “{ $name }”
merge-entity-case = case “{ $name }”
merge-entity-participant = participant “{ $name }”
merge-entity-source = source “{ $name }”
merge-entity-turn = turn { $start }..{ $end } of source “{ $source }”
merge-entity-code = code “{ $name }”
merge-entity-coding = coding { $start }..{ $end } of source “{ $source }”
merge-entity-memo = memo “{ $name }”
merge-entity-memo-untitled = memo “(untitled)”
merge-entity-attribute-value = “{ $attribute }” of { $entity }
merge-entity-framework = framework matrix “{ $name }”
merge-entity-framework-summary = summary of case “{ $case }” under code “{ $code }” in framework matrix “{ $name }”
merge-entity-pseudonym = pseudonym for “{ $name }”
merge-resolution-unresolved = unresolved
merge-resolution-kept-into = kept INTO's
merge-resolution-took-from = took FROM's
merge-resolution-kept-both-descriptions = kept both: both descriptions, this project's first
merge-resolution-kept-both-code-parts = kept both: both texts of each part, this project's first
merge-resolution-kept-both-memos = kept both: both memos, this project's first
merge-resolution-kept-both-second-memo = kept both: this project's memo, and the other's as a second memo
merge-resolution-kept-both-summaries = kept both: both summaries, this project's first
merge-resolution-kept-into-both-impossible = kept INTO's (both cannot be kept)

## merge_dialog.rs: a warning of the merge (core's MergeWarning); $file is the merged project's file
merge-warning-titles-differ = the project titles differ (“{ $here }” here, “{ $there }” in { $file }): this project's title is kept
merge-warning-came-in-as-coder = { $entity } of { $file } came in as “{ $name }”: this project has another coder of that name
merge-warning-came-in-as-case = { $entity } of { $file } came in as “{ $name }”: this project has another case of that name
merge-warning-came-in-as-participant = { $entity } of { $file } came in as “{ $name }”: this project has another participant of that name
merge-warning-came-in-as-code = { $entity } of { $file } came in as “{ $name }”: this project has another code of that name there
merge-warning-name-taken = { $entity } is named “{ $name }” in { $file }, a name { $holder ->
        [case] another case
        [participant] another participant
        [source] another source
        [sibling] a sibling
        [matrix] another matrix
       *[entity] another entity
    } holds here: this project's name is kept
merge-warning-role-missing = participant “{ $name }” of { $file } has the role “{ $role }”, which this project does not have: the role is left out
merge-warning-source-kept-twice = source “{ $source }” of { $file } has a text this project does not hold, and this project has a source of that name: both are kept, { $file }'s as “{ $name }”
merge-warning-source-identity-reused = source “{ $source }” of { $file } has the identity of a source here with another text: it came in as a new source
merge-warning-turns-not-brought = source “{ $source }”: { $n } speaker turns of { $file } are not in this project's copy of the source and were not brought in (a source's turns are set when it is imported)
merge-warning-code-under-own-subcode = { $entity } is under one of its own sub-codes in { $file }: it stays where it is here
merge-warning-attribute-differs = attribute “{ $name }” is “{ $there }” ({ $kind }) in { $file }: this project's name and type are kept
merge-warning-value-not-held = “{ $attribute }” of { $entity } is “{ $value }” in { $file }, which this project's attribute cannot hold: not brought in
merge-warning-summaries-not-brought = { $entity }: { $n } summaries { $file } keeps for codes or cases taken out of its matrix were not brought in
