//! The window's words for values that come from thicket-core: undo steps, source kinds, agreement
//! measures and units, kinds of disagreement and reconciliation choices.
//!
//! Core keeps its English names for files, the CLI and the audit trail (`Action::label`,
//! `SourceKind::label`, `Measure::label`, …) and never sees the catalogues; it hands out the
//! values (an enum, or a `StepName`: a key and its arguments) and the window names them here.

use thicket_core::action::StepName;
use thicket_core::analysis::agreement::{Estimate, Measure, Undefined, UnitKind};
use thicket_core::analysis::DisagreementKind;
use thicket_core::model::{Choice, SourceKind};
use thicket_core::project::{BothKept, ConflictRule, MergeEntity, MergeWarning, NameHolder, NotAFile, Resolution, SkipReason, WarningKind};

use super::{Arg, number, tr_args};
use crate::t;

/// The name of an undo or redo step ("Apply code", "Aplicar código", "Code toepassen"): the
/// catalogue's `step-KEY` with the step's name, count and further names (a bundle of changes:
/// moving or merging a code, autocoding, an import, a merge). A step known only by its English
/// label (a batch core made without a `Bundle`) is shown as it is.
pub fn step(s: &StepName) -> String {
    match s.key {
        "as-is" => s.name.clone().unwrap_or_default(),
        "delete" | "restore" => {
            let what = counts(&s.counts);
            tr_args(&format!("step-{}", s.key), &[("what", Arg::Text(what))])
        }
        "reconcile-one" => {
            let what = match s.name.as_deref().unwrap_or_default() {
                "keep-a" => t!("choice-keep-a"),
                "keep-b" => t!("choice-keep-b"),
                "keep-both" => t!("choice-keep-both"),
                "union" => t!("choice-union"),
                "intersection" => t!("choice-intersection"),
                "drop" => t!("choice-drop"),
                "edit" => t!("choice-edit-step"),
                other => other,
            };
            tr_args("step-reconcile-one", &[("choice", Arg::from(what))])
        }
        key => {
            let mut args = Vec::new();
            if let Some(name) = &s.name {
                args.push(("name", Arg::Text(name.clone())));
            }
            if let Some(n) = s.n {
                args.push(("n", Arg::from(n)));
            }
            for (arg, text) in &s.texts {
                args.push((arg, Arg::Text(text.clone())));
            }
            tr_args(&format!("step-{key}"), &args)
        }
    }
}

/// "2 codes, 14 codings" in the window's language.
fn counts(counts: &[(&'static str, usize)]) -> String {
    if counts.is_empty() {
        return tr_args("step-links", &[]);
    }
    counts.iter().map(|(kind, n)| tr_args(&format!("step-count-{kind}"), &[("n", Arg::from(*n))])).collect::<Vec<_>>().join(", ")
}

/// A conflict rule of the merge dialog ("Keep this project's version").
pub fn merge_rule(rule: ConflictRule) -> &'static str {
    match rule {
        ConflictRule::Into => t!("merge-rule-into"),
        ConflictRule::From => t!("merge-rule-from"),
        ConflictRule::Both => t!("merge-rule-both"),
    }
}

/// A row of the merge report: core's kind ("codes", "attribute values"), in the window's
/// language; a kind this list does not know is shown as core wrote it.
pub fn merge_kind(kind: &str) -> &str {
    match kind {
        "coders" => t!("merge-kind-coders"),
        "cases" => t!("merge-kind-cases"),
        "participants" => t!("merge-kind-participants"),
        "sources" => t!("merge-kind-sources"),
        "turns" => t!("merge-kind-turns"),
        "case links" => t!("merge-kind-case-links"),
        "participant links" => t!("merge-kind-participant-links"),
        "source links" => t!("merge-kind-source-links"),
        "codes" => t!("merge-kind-codes"),
        "codings" => t!("merge-kind-codings"),
        "memos" => t!("merge-kind-memos"),
        "attributes" => t!("merge-kind-attributes"),
        "attribute values" => t!("merge-kind-attribute-values"),
        "framework matrices" => t!("merge-kind-framework-matrices"),
        "framework columns" => t!("merge-kind-framework-columns"),
        "framework rows" => t!("merge-kind-framework-rows"),
        "framework summaries" => t!("merge-kind-framework-summaries"),
        "pseudonyms" => t!("merge-kind-pseudonyms"),
        other => other,
    }
}

/// A source kind's name ("Interview", "Entrevista", "Interview").
pub fn source_kind(k: SourceKind) -> &'static str {
    match k {
        SourceKind::Interview => t!("kind-interview"),
        SourceKind::FocusGroup => t!("kind-focus-group"),
        SourceKind::Observation => t!("kind-observation"),
        SourceKind::FieldNote => t!("kind-field-note"),
        SourceKind::CaseFile => t!("kind-case-file"),
        SourceKind::Document => t!("kind-document"),
    }
}

/// An agreement measure's column heading ("Krippendorff's alpha", "alfa de Krippendorff").
pub fn measure(m: Measure) -> &'static str {
    match m {
        Measure::PercentAgreement => t!("measure-percent"),
        Measure::CohenKappa => t!("measure-cohen-kappa"),
        Measure::ScottPi => t!("measure-scott-pi"),
        Measure::FleissKappa => t!("measure-fleiss-kappa"),
        Measure::KrippendorffAlpha => t!("measure-krippendorff-alpha"),
        Measure::UAlpha => t!("measure-u-alpha"),
        Measure::BinaryUAlpha => t!("measure-binary-u-alpha"),
        Measure::CuAlpha => t!("measure-cu-alpha"),
        Measure::CategoryUAlpha => t!("measure-category-u-alpha"),
    }
}

/// The unit agreement is measured on, as a noun after "by" ("paragraph", "párrafo", "alinea").
pub fn unit(u: UnitKind) -> &'static str {
    match u {
        UnitKind::Character => t!("unit-character"),
        UnitKind::Sentence => t!("unit-sentence"),
        UnitKind::Paragraph => t!("unit-paragraph"),
        UnitKind::Turn => t!("unit-turn"),
    }
}

/// What a kind of disagreement means ("same code, different boundaries").
pub fn disagreement(k: DisagreementKind) -> &'static str {
    match k {
        DisagreementKind::Boundaries => t!("disagreement-boundaries"),
        DisagreementKind::DifferentCode => t!("disagreement-different-code"),
        DisagreementKind::Unmatched => t!("disagreement-unmatched"),
    }
}

/// A reconciliation decision in running text ("keep a", "union"; an edit names its span).
pub fn choice_name(c: &Choice) -> String {
    match c {
        Choice::KeepA => t!("choice-keep-a").into(),
        Choice::KeepB => t!("choice-keep-b").into(),
        Choice::KeepBoth => t!("choice-keep-both").into(),
        Choice::Union => t!("choice-union").into(),
        Choice::Intersection => t!("choice-intersection").into(),
        Choice::Drop => t!("choice-drop").into(),
        Choice::Edit(span) => t!("choice-edit", span = span.to_string()),
    }
}

/// A coefficient with its interval in the window's numbers: "0.723 [0.535, 0.858]",
/// "0,723 [0,535; 0,858]"; "undefined" (the reason is the hover text's), or "" where the row
/// has no such measure.
pub fn estimate(e: Option<&Estimate>) -> String {
    let Some(e) = e else { return String::new() };
    match e.coefficient.value {
        None => t!("agreement-undefined").into(),
        Some(v) => match (e.ci.low, e.ci.high) {
            (Some(lo), Some(hi)) => tr_args("agreement-estimate", &[("value", Arg::Text(number(v, 3))), ("low", Arg::Text(number(lo, 3))), ("high", Arg::Text(number(hi, 3)))]),
            _ => number(v, 3),
        },
    }
}

/// Why an import skipped a file, in the window's language. A reader's refusal (core's error) and
/// the system's own wording of an error stay as they were written.
pub fn skip_reason(why: &SkipReason) -> String {
    match why {
        SkipReason::NotFound => t!("import-why-not-found").into(),
        SkipReason::PermissionDenied => t!("import-why-permission-denied").into(),
        SkipReason::Io(text) | SkipReason::Unreadable(text) => text.clone(),
        SkipReason::NotAFile(NotAFile::Fifo) => t!("import-why-fifo").into(),
        SkipReason::NotAFile(NotAFile::Socket) => t!("import-why-socket").into(),
        SkipReason::NotAFile(NotAFile::Device) => t!("import-why-device").into(),
        SkipReason::NotAFile(NotAFile::Other) => t!("import-why-not-regular").into(),
        SkipReason::BrokenLink(inner) => t!("import-why-broken-link", reason = skip_reason(inner)),
        SkipReason::FolderLoop => t!("import-why-folder-loop").into(),
        SkipReason::TooBig { bytes, limit_mb } => t!("import-why-too-big", size = number(*bytes as f64 / 1_048_576.0, 0), limit = *limit_mb as usize),
        SkipReason::SameAsSource { name } => t!("import-why-same-as-source", name = name),
        SkipReason::SameInBatch => t!("import-why-same-in-batch").into(),
    }
}

/// Why `measure` (or its interval) has no value, in the window's language.
pub fn undefined(why: &Undefined, m: Measure) -> String {
    let measure = self::measure(m);
    match why {
        Undefined::NoPairableValues => t!("agreement-why-no-pairable-values", measure = measure),
        Undefined::NoExpectedDisagreement { .. } => t!("agreement-why-no-expected-disagreement", measure = measure),
        Undefined::ChanceAgreementIsOne { .. } => t!("agreement-why-chance-agreement-is-one", measure = measure),
        Undefined::NoUnitFromTwoCoders => t!("agreement-why-no-unit-from-two-coders").into(),
        Undefined::NotTwoCoders { coders, .. } => t!("agreement-why-not-two-coders", measure = measure, n = *coders),
        Undefined::NoUnitByBoth => t!("agreement-why-no-unit-by-both").into(),
        Undefined::FleissNeedsTwoCoders => t!("agreement-why-fleiss-needs-two-coders").into(),
        Undefined::NoUnitByEvery => t!("agreement-why-no-unit-by-every").into(),
        Undefined::UnitizingNeedsTwoCoders { coders } => t!("agreement-why-unitizing-needs-two-coders", n = *coders),
        Undefined::EmptyContinua => t!("agreement-why-empty-continua").into(),
        Undefined::NoGaps => t!("agreement-why-no-gaps", measure = measure),
        Undefined::NoUnitsMarked => t!("agreement-why-no-units-marked", measure = measure),
        Undefined::OverlapNeedsNominal { level } => t!("agreement-why-overlap-needs-nominal", level = level.name()),
        Undefined::NoIntersection => t!("agreement-why-no-intersection", measure = measure),
        Undefined::NoIntersectionForValue => t!("agreement-why-no-intersection-for-value").into(),
        Undefined::NoResamples => t!("agreement-why-no-resamples").into(),
        Undefined::TooFewUnits { units } => t!("agreement-why-too-few-units", n = *units),
        Undefined::UndefinedOnEveryResample => t!("agreement-why-undefined-on-every-resample").into(),
        Undefined::OneContinuum => t!("agreement-why-one-continuum").into(),
        Undefined::OneSource => t!("agreement-why-one-source").into(),
    }
}

/// What differs in a merge conflict ("code name"); a kind this list does not know is shown as
/// core wrote it.
pub fn merge_conflict_kind(kind: &str) -> &str {
    match kind {
        "coder name" => t!("merge-conflict-kind-coder-name"),
        "coder colour" => t!("merge-conflict-kind-coder-colour"),
        "coder retired" => t!("merge-conflict-kind-coder-retired"),
        "case name" => t!("merge-conflict-kind-case-name"),
        "case description" => t!("merge-conflict-kind-case-description"),
        "participant name" => t!("merge-conflict-kind-participant-name"),
        "participant role" => t!("merge-conflict-kind-participant-role"),
        "source name" => t!("merge-conflict-kind-source-name"),
        "source kind" => t!("merge-conflict-kind-source-kind"),
        "source date" => t!("merge-conflict-kind-source-date"),
        "source author" => t!("merge-conflict-kind-source-author"),
        "turn speaker" => t!("merge-conflict-kind-turn-speaker"),
        "code name" => t!("merge-conflict-kind-code-name"),
        "code colour" => t!("merge-conflict-kind-code-colour"),
        "code description" => t!("merge-conflict-kind-code-description"),
        "code place" => t!("merge-conflict-kind-code-place"),
        "coding span" => t!("merge-conflict-kind-coding-span"),
        "coding memo" => t!("merge-conflict-kind-coding-memo"),
        "coding code" => t!("merge-conflict-kind-coding-code"),
        "memo" => t!("merge-conflict-kind-memo"),
        "attribute value" => t!("merge-conflict-kind-attribute-value"),
        "framework name" => t!("merge-conflict-kind-framework-name"),
        "framework summary" => t!("merge-conflict-kind-framework-summary"),
        "pseudonym" => t!("merge-conflict-kind-pseudonym"),
        other => other,
    }
}

/// Which entity a merge conflict is about ("code “Ruptures”"), in the window's language.
pub fn merge_entity(e: &MergeEntity) -> String {
    match e {
        MergeEntity::Coder { name } => t!("merge-entity-coder", name = name),
        MergeEntity::Case { name } => t!("merge-entity-case", name = name),
        MergeEntity::Participant { name } => t!("merge-entity-participant", name = name),
        MergeEntity::Source { name } => t!("merge-entity-source", name = name),
        MergeEntity::Turn { start, end, source } => t!("merge-entity-turn", start = start.to_string(), end = end.to_string(), source = source),
        MergeEntity::Code { path } => t!("merge-entity-code", name = path),
        MergeEntity::Coding { start, end, source } => t!("merge-entity-coding", start = start.to_string(), end = end.to_string(), source = source),
        MergeEntity::Memo { title: Some(title) } => t!("merge-entity-memo", name = title),
        MergeEntity::Memo { title: None } => t!("merge-entity-memo-untitled").into(),
        MergeEntity::AttributeValue { attribute, of } => t!("merge-entity-attribute-value", attribute = attribute, entity = merge_entity(of)),
        MergeEntity::Framework { name } => t!("merge-entity-framework", name = name),
        MergeEntity::FrameworkSummary { case, code, framework } => t!("merge-entity-framework-summary", case = case, code = code, name = framework),
        MergeEntity::Pseudonym { original } => t!("merge-entity-pseudonym", name = original),
    }
}

/// A merge warning, in the window's language.
pub fn merge_warning(w: &MergeWarning) -> String {
    let file = w.file.as_str();
    match &w.kind {
        WarningKind::TitlesDiffer { here, there } => t!("merge-warning-titles-differ", here = here, there = there, file = file),
        WarningKind::CameInAs { what, name } => {
            let entity = merge_entity(what);
            match what {
                MergeEntity::Coder { .. } => t!("merge-warning-came-in-as-coder", entity = entity, file = file, name = name),
                MergeEntity::Case { .. } => t!("merge-warning-came-in-as-case", entity = entity, file = file, name = name),
                MergeEntity::Participant { .. } => t!("merge-warning-came-in-as-participant", entity = entity, file = file, name = name),
                _ => t!("merge-warning-came-in-as-code", entity = entity, file = file, name = name),
            }
        }
        WarningKind::NameTaken { entity, name, holder } => {
            let holder = match holder {
                NameHolder::Entity => "entity",
                NameHolder::Case => "case",
                NameHolder::Participant => "participant",
                NameHolder::Source => "source",
                NameHolder::Sibling => "sibling",
                NameHolder::Matrix => "matrix",
            };
            t!("merge-warning-name-taken", entity = merge_entity(entity), name = name, file = file, holder = holder)
        }
        WarningKind::RoleMissing { participant, role } => t!("merge-warning-role-missing", name = participant, file = file, role = role),
        WarningKind::SourceKeptTwice { source, name } => t!("merge-warning-source-kept-twice", source = source, file = file, name = name),
        WarningKind::SourceIdentityReused { source } => t!("merge-warning-source-identity-reused", source = source, file = file),
        WarningKind::TurnsNotBrought { source, missing } => t!("merge-warning-turns-not-brought", source = source, n = *missing, file = file),
        WarningKind::CodeUnderOwnSubcode { entity } => t!("merge-warning-code-under-own-subcode", entity = merge_entity(entity), file = file),
        WarningKind::AttributeDiffers { name, there, value_type } => {
            let kind = crate::attributes::type_label(*value_type).to_lowercase();
            t!("merge-warning-attribute-differs", name = name, there = there, kind = kind, file = file)
        }
        WarningKind::ValueNotHeld { attribute, of, value } => {
            t!("merge-warning-value-not-held", attribute = attribute, entity = merge_entity(of), value = value, file = file)
        }
        WarningKind::SummariesNotBrought { entity, hidden } => t!("merge-warning-summaries-not-brought", entity = merge_entity(entity), n = *hidden, file = file),
    }
}

/// What was done with a merge conflict, in the window's language.
pub fn merge_resolution(r: Resolution) -> &'static str {
    match r {
        Resolution::Unresolved => t!("merge-resolution-unresolved"),
        Resolution::KeptInto => t!("merge-resolution-kept-into"),
        Resolution::TookFrom => t!("merge-resolution-took-from"),
        Resolution::KeptBoth(BothKept::Descriptions) => t!("merge-resolution-kept-both-descriptions"),
        Resolution::KeptBoth(BothKept::CodeDescriptionParts) => t!("merge-resolution-kept-both-code-parts"),
        Resolution::KeptBoth(BothKept::Memos) => t!("merge-resolution-kept-both-memos"),
        Resolution::KeptBoth(BothKept::SecondMemo) => t!("merge-resolution-kept-both-second-memo"),
        Resolution::KeptBoth(BothKept::Summaries) => t!("merge-resolution-kept-both-summaries"),
        Resolution::KeptIntoBothImpossible => t!("merge-resolution-kept-into-both-impossible"),
    }
}

#[cfg(test)]
mod tests {
    use thicket_core::Action;
    use thicket_core::action::{EntitySet, StepName};
    use thicket_core::model::{CaseId, CodeId, CoderId, CodingId, FrameworkId, PseudonymId, SourceId};

    use super::*;
    use crate::i18n::{Lang, keys_of, set_language};

    /// Steps whose English name in the window is core's label, word for word.
    fn samples() -> Vec<Action> {
        vec![
            Action::CreateCase { name: "Harlow family".into(), description: String::new(), sources: Vec::new() },
            Action::UpdateCase { id: CaseId(1), name: "Harlow family".into(), description: String::new() },
            Action::AssignSources { case: CaseId(1), sources: vec![SourceId(2)] },
            Action::RenameCoder { id: CoderId(1), name: "Amara".into() },
            Action::SetCoderRetired { id: CoderId(1), retired: false },
            Action::CreateCoder { name: "Jonas".into() },
            Action::ReassignCodings { codings: vec![CodingId(1), CodingId(2)], to: CodeId(3) },
            Action::SetFrameworkRows { id: FrameworkId(1), cases: Vec::new() },
            Action::RenameFramework { id: FrameworkId(1), name: "Alliance".into() },
            Action::RemovePseudonyms(vec![PseudonymId(1), PseudonymId(2)]),
            Action::Remove(EntitySet { codes: vec![CodeId(1), CodeId(2)], codings: (1..=14).map(CodingId).collect(), ..Default::default() }),
            Action::Remove(EntitySet { memos: vec![thicket_core::model::MemoId(1)], ..Default::default() }),
        ]
    }

    #[test]
    fn every_step_and_count_has_a_message() {
        let english: std::collections::BTreeSet<String> = keys_of(Lang::En).into_iter().map(|(k, _)| k).collect();
        for key in StepName::KEYS.iter().filter(|k| **k != "as-is") {
            assert!(english.contains(&format!("step-{key}")), "no message step-{key}");
        }
        for kind in ["source", "case", "participant", "coder", "code", "coding", "memo", "attribute", "framework"] {
            assert!(english.contains(&format!("step-count-{kind}")), "no message step-count-{kind}");
        }
        for action in samples() {
            assert!(StepName::KEYS.contains(&action.step_name().key), "{:?} is not in StepName::KEYS", action.step_name());
        }
    }

    /// Steps that bundle changes, labelled as core labels them: a real move of a code, and
    /// batches as core's makers build them.
    fn bundles() -> Vec<Action> {
        use thicket_core::action::Bundle;
        let code = |id: i64, name: &str, order: i64| thicket_core::model::Code {
            id: CodeId(id),
            uuid: format!("u{id}"),
            parent_id: None,
            name: name.into(),
            color: "#336699".into(),
            description: Default::default(),
            sort_order: order,
        };
        let book = thicket_core::model::Codebook::new(vec![code(1, "Mistrust", 0), code(2, "Trust", 1)]);
        let batch = |label: &str, bundle: Bundle| Action::Batch { label: label.into(), actions: Vec::new(), step: bundle.boxed() };
        vec![
            Action::swap_code_with_sibling(&book, CodeId(1), 1).expect("Mistrust moves down"),
            batch("Merge code “Withdrawal” into “Rupture”", Bundle::MergeCodes { from: "Withdrawal".into(), into: "Rupture".into() }),
            batch("Merge “Dana” into “Dana R.”", Bundle::MergeParticipants { from: "Dana".into(), into: "Dana R.".into() }),
            batch("Autocode “trust” as “Trust”", Bundle::Autocode { text: "trust".into(), regex: false, code: "Trust".into() }),
            batch("Autocode /^Dana:/ as “Trust”", Bundle::Autocode { text: "^Dana:".into(), regex: true, code: "Trust".into() }),
            batch("Edit framework matrix “Alliance”", Bundle::EditFramework { name: "Alliance".into() }),
            batch("Arrange framework matrix “Alliance”", Bundle::ArrangeFramework { name: "Alliance".into() }),
            batch("Pre-fill 3 pseudonyms", Bundle::PrefillPseudonyms { n: 3 }),
            batch("Import codebook “book.qdc”", Bundle::ImportCodebook { file: "book.qdc".into() }),
            batch("Import REFI-QDA project “Study”", Bundle::ImportRefiProject { title: "Study".into() }),
            batch("Import QualCoder project “Study”", Bundle::ImportQualCoderProject { title: "Study".into() }),
            batch("Merge “copy.thicket”", Bundle::MergeProject { file: "copy.thicket".into() }),
        ]
    }

    #[test]
    fn every_bundle_has_a_key_and_a_message_in_every_language() {
        for action in bundles() {
            let name = action.step_name();
            assert_ne!(name.key, "as-is", "{action:?} is named only by its English label");
            assert!(StepName::KEYS.contains(&name.key), "{name:?} is not in StepName::KEYS");
            for lang in [Lang::En, Lang::Es, Lang::Nl] {
                let keys: std::collections::BTreeSet<String> = keys_of(lang).into_iter().map(|(k, _)| k).collect();
                assert!(keys.contains(&format!("step-{}", name.key)), "no message step-{} in {lang:?}", name.key);
            }
        }
    }

    #[test]
    fn in_english_the_window_names_a_step_as_core_labels_it() {
        set_language(Lang::En);
        for action in samples().into_iter().chain(bundles()) {
            assert_eq!(step(&action.step_name()), action.label());
        }
        let batch = Action::Batch { label: "Move “Mistrust”".into(), actions: Vec::new(), step: None };
        assert_eq!(step(&batch.step_name()), "Move “Mistrust”", "a batch keeps the label it was given");
    }

    #[test]
    fn steps_are_named_in_spanish_and_dutch() {
        let remove = Action::Remove(EntitySet { codes: vec![CodeId(1), CodeId(2)], codings: (1..=14).map(CodingId).collect(), ..Default::default() });
        let case = Action::CreateCase { name: "Familia Rojas".into(), description: String::new(), sources: Vec::new() };
        let apply = Action::AddCodings(Vec::new());
        set_language(Lang::Es);
        assert_eq!(step(&remove.step_name()), "Eliminar 2 códigos, 14 codificaciones");
        assert_eq!(step(&case.step_name()), "Crear caso «Familia Rojas»");
        assert_eq!(step(&StepName { key: "apply-codings", n: Some(1200), ..Default::default() }), "Aplicar 1200 codificaciones");
        set_language(Lang::Nl);
        assert_eq!(step(&remove.step_name()), "2 codes, 14 coderingen verwijderen");
        assert_eq!(step(&case.step_name()), "Casus “Familia Rojas” maken");
        assert_eq!(step(&apply.step_name()), "0 coderingen toepassen");
        set_language(Lang::En);
    }

    #[test]
    fn import_reasons_are_cores_english_in_english_and_translated_otherwise() {
        let mib = 1_048_576;
        let reasons = [
            SkipReason::NotFound,
            SkipReason::PermissionDenied,
            SkipReason::NotAFile(NotAFile::Fifo),
            SkipReason::NotAFile(NotAFile::Socket),
            SkipReason::NotAFile(NotAFile::Device),
            SkipReason::BrokenLink(Box::new(SkipReason::NotFound)),
            SkipReason::FolderLoop,
            SkipReason::TooBig { bytes: 300 * mib, limit_mb: 256 },
            SkipReason::SameInBatch,
            SkipReason::Unreadable("line 3: not a table".into()),
        ];
        set_language(Lang::En);
        for why in &reasons {
            assert_eq!(skip_reason(why), why.to_string());
        }
        set_language(Lang::Es);
        assert_eq!(skip_reason(&SkipReason::SameAsSource { name: "Visita 1".into() }), "el mismo texto que la fuente «Visita 1», que ya está en el proyecto");
        assert_eq!(skip_reason(&reasons[7]), "tiene 300 MB, más que los 256 MB que puede tener un archivo");
        assert_eq!(skip_reason(&reasons[9]), "line 3: not a table", "a reader's own message stays as written");
        set_language(Lang::Nl);
        assert_eq!(
            skip_reason(&SkipReason::BrokenLink(Box::new(SkipReason::PermissionDenied))),
            "overgeslagen: een symbolische koppeling naar iets wat niet leesbaar is (geen toegang)"
        );
        assert_eq!(skip_reason(&reasons[2]), "overgeslagen: dit is een named pipe (FIFO), geen gewoon bestand");
        set_language(Lang::En);
    }

    #[test]
    fn why_a_measure_is_undefined_follows_the_language() {
        let plain = [
            Undefined::NoUnitFromTwoCoders,
            Undefined::NoUnitByBoth,
            Undefined::FleissNeedsTwoCoders,
            Undefined::NoUnitByEvery,
            Undefined::UnitizingNeedsTwoCoders { coders: 1 },
            Undefined::EmptyContinua,
            Undefined::NoIntersectionForValue,
            Undefined::NoResamples,
            Undefined::UndefinedOnEveryResample,
            Undefined::OneContinuum,
            Undefined::OneSource,
            Undefined::OverlapNeedsNominal { level: thicket_core::analysis::agreement::Level::Ordinal },
        ];
        set_language(Lang::En);
        for why in &plain {
            assert_eq!(undefined(why, Measure::KrippendorffAlpha), why.to_string());
        }
        assert_eq!(undefined(&Undefined::TooFewUnits { units: 1 }, Measure::CohenKappa), "1 unit to resample: no interval", "core writes unit(s)");
        let zero = Undefined::NoExpectedDisagreement { measure: "alpha" };
        assert_eq!(undefined(&zero, Measure::KrippendorffAlpha), "expected disagreement is 0 (only one value was used): Krippendorff's alpha is undefined");
        set_language(Lang::Es);
        assert_eq!(undefined(&zero, Measure::KrippendorffAlpha), "el desacuerdo esperado es 0 (se usó un solo valor): alfa de Krippendorff queda sin definir");
        assert_eq!(undefined(&Undefined::TooFewUnits { units: 1 }, Measure::CohenKappa), "1 unidad para remuestrear: no hay intervalo");
        set_language(Lang::Nl);
        assert_eq!(undefined(&Undefined::NotTwoCoders { measure: "Cohen's kappa".into(), coders: 3 }, Measure::CohenKappa), "Cohens kappa vergelijkt precies twee codeurs (3 vergeleken); gebruik Fleiss' kappa of alfa");
        set_language(Lang::En);
    }

    #[test]
    fn merge_conflicts_are_cores_english_in_english_and_translated_otherwise() {
        let entities = [
            MergeEntity::Coder { name: "Amara".into() },
            MergeEntity::Case { name: "Harlow family".into() },
            MergeEntity::Participant { name: "Dana".into() },
            MergeEntity::Source { name: "Visit 1".into() },
            MergeEntity::Turn { start: 10, end: 2400, source: "Visit 1".into() },
            MergeEntity::Code { path: "Ruptures/Withdrawal".into() },
            MergeEntity::Coding { start: 1200, end: 1300, source: "Visit 1".into() },
            MergeEntity::Memo { title: Some("First visit".into()) },
            MergeEntity::Memo { title: None },
            MergeEntity::AttributeValue { attribute: "Region".into(), of: Box::new(MergeEntity::Case { name: "Harlow family".into() }) },
            MergeEntity::Framework { name: "Alliance".into() },
            MergeEntity::FrameworkSummary { case: "Harlow family".into(), code: "Trust".into(), framework: "Alliance".into() },
            MergeEntity::Pseudonym { original: "Dana".into() },
        ];
        let resolutions = [
            Resolution::Unresolved,
            Resolution::KeptInto,
            Resolution::TookFrom,
            Resolution::KeptBoth(BothKept::Descriptions),
            Resolution::KeptBoth(BothKept::CodeDescriptionParts),
            Resolution::KeptBoth(BothKept::Memos),
            Resolution::KeptBoth(BothKept::SecondMemo),
            Resolution::KeptBoth(BothKept::Summaries),
            Resolution::KeptIntoBothImpossible,
        ];
        set_language(Lang::En);
        for e in &entities {
            assert_eq!(merge_entity(e), e.to_string());
        }
        for r in resolutions {
            assert_eq!(merge_resolution(r), r.to_string());
        }
        assert_eq!(merge_conflict_kind("code name"), "code name");
        set_language(Lang::Es);
        assert_eq!(merge_conflict_kind("code name"), "nombre del código");
        assert_eq!(merge_entity(&entities[5]), "código «Ruptures/Withdrawal»");
        assert_eq!(merge_entity(&entities[6]), "codificación 1200..1300 de la fuente «Visit 1»");
        assert_eq!(merge_entity(&entities[9]), "«Region» de caso «Harlow family»");
        assert_eq!(merge_resolution(Resolution::TookFrom), "se tomó la versión del proyecto fusionado");
        let file = "copy.thicket".to_string();
        let warnings = [
            WarningKind::TitlesDiffer { here: "Study".into(), there: "Study (copy)".into() },
            WarningKind::CameInAs { what: MergeEntity::Coder { name: "Noor".into() }, name: "Noor (2)".into() },
            WarningKind::CameInAs { what: MergeEntity::Code { path: "Ruptures/Withdrawal".into() }, name: "Withdrawal (2)".into() },
            WarningKind::NameTaken { entity: entities[1].clone(), name: "Rojas family".into(), holder: NameHolder::Case },
            WarningKind::NameTaken { entity: entities[5].clone(), name: "Trust".into(), holder: NameHolder::Sibling },
            WarningKind::RoleMissing { participant: "Dana".into(), role: "grandmother".into() },
            WarningKind::SourceKeptTwice { source: "notes".into(), name: "notes (2)".into() },
            WarningKind::SourceIdentityReused { source: "notes".into() },
            WarningKind::TurnsNotBrought { source: "Visit 1".into(), missing: 3 },
            WarningKind::CodeUnderOwnSubcode { entity: entities[5].clone() },
            WarningKind::ValueNotHeld { attribute: "Region".into(), of: MergeEntity::Case { name: "Harlow family".into() }, value: "north".into() },
            WarningKind::SummariesNotBrought { entity: entities[10].clone(), hidden: 2 },
        ]
        .map(|kind| MergeWarning { file: file.clone(), kind });
        set_language(Lang::En);
        for w in &warnings {
            assert_eq!(merge_warning(w), w.to_string());
        }
        set_language(Lang::Es);
        assert_eq!(merge_warning(&warnings[1]), "codificador/a «Noor» de copy.thicket entró como «Noor (2)»: este proyecto tiene otro/a codificador/a con ese nombre");
        assert_eq!(merge_warning(&warnings[3]), "caso «Harlow family» se llama «Rojas family» en copy.thicket, un nombre que aquí tiene otro caso: se conserva el nombre de este proyecto");
        set_language(Lang::Nl);
        assert_eq!(merge_warning(&warnings[8]), "bron “Visit 1”: 3 spreekbeurten van copy.thicket staan niet in de kopie van de bron in dit project en zijn niet overgenomen (de spreekbeurten van een bron liggen vast bij het importeren)");
        set_language(Lang::Nl);
        assert_eq!(merge_conflict_kind("source date"), "datum van de bron");
        assert_eq!(merge_entity(&entities[8]), "memo “(zonder titel)”");
        assert_eq!(merge_resolution(Resolution::KeptBoth(BothKept::Memos)), "beide behouden: beide memo's, die van dit project eerst");
        set_language(Lang::En);
    }

    #[test]
    fn bundled_steps_are_named_in_spanish_and_dutch() {
        let b = bundles();
        let named = |i: usize| step(&b[i].step_name());
        set_language(Lang::Es);
        assert_eq!(named(0), "Mover «Mistrust»");
        assert_eq!(named(1), "Fusionar el código «Withdrawal» con «Rupture»");
        assert_eq!(named(3), "Codificar automáticamente «trust» como «Trust»");
        assert_eq!(named(5), "Editar la matriz de marco «Alliance»");
        assert_eq!(named(7), "Completar con 3 seudónimos sugeridos");
        assert_eq!(named(11), "Fusionar «copy.thicket»");
        set_language(Lang::Nl);
        assert_eq!(named(0), "“Mistrust” verplaatsen");
        assert_eq!(named(1), "Code “Withdrawal” samenvoegen met “Rupture”");
        assert_eq!(named(4), "/^Dana:/ automatisch coderen als “Trust”");
        assert_eq!(named(5), "Raamwerkmatrix “Alliance” bewerken");
        assert_eq!(named(7), "3 pseudoniemen vooraf invullen");
        assert_eq!(named(9), "REFI-QDA-project “Study” importeren");
        set_language(Lang::En);
    }

    #[test]
    fn kinds_measures_and_estimates_follow_the_language() {
        set_language(Lang::Es);
        assert_eq!(source_kind(SourceKind::CaseFile), "Expediente");
        assert_eq!(measure(Measure::KrippendorffAlpha), "alfa de Krippendorff");
        assert_eq!(unit(UnitKind::Paragraph), "párrafo");
        set_language(Lang::Nl);
        assert_eq!(source_kind(SourceKind::FieldNote), "Veldnotitie");
        assert_eq!(measure(Measure::CohenKappa), "Cohens kappa");
        set_language(Lang::En);
        for k in SourceKind::ALL {
            assert_eq!(source_kind(*k), k.label(), "English kinds are core's");
        }
        for m in Measure::ALL {
            assert_eq!(measure(m), m.label(), "English measures are core's");
        }
        for u in UnitKind::ALL {
            assert_eq!(unit(u), u.name());
        }
    }

    #[test]
    fn merge_rules_and_kinds_are_core_words_in_english_and_translated_otherwise() {
        let kinds = ["coders", "cases", "participants", "sources", "turns", "case links", "participant links", "source links", "codes", "codings", "memos", "attributes", "attribute values", "framework matrices", "framework columns", "framework rows", "framework summaries", "pseudonyms"];
        set_language(Lang::En);
        for rule in ConflictRule::ALL {
            assert_eq!(merge_rule(rule), rule.label());
        }
        for kind in kinds {
            assert_eq!(merge_kind(kind), kind);
        }
        set_language(Lang::Nl);
        assert_eq!(merge_kind("attribute values"), "kenmerkwaarden");
        assert_eq!(merge_rule(ConflictRule::Into), "De versie van dit project behouden");
        // Every kind has a Dutch name ("codes" is the same word in Dutch).
        for kind in kinds.iter().filter(|k| **k != "codes") {
            assert_ne!(merge_kind(kind), *kind, "{kind} has no Dutch name");
        }
        set_language(Lang::En);
    }
}
