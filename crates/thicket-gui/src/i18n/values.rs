//! The window's words for values that come from thicket-core: undo steps, source kinds, agreement
//! measures and units, kinds of disagreement and reconciliation choices.
//!
//! Core keeps its English names for files, the CLI and the audit trail (`Action::label`,
//! `SourceKind::label`, `Measure::label`, …) and never sees the catalogues; it hands out the
//! values (an enum, or a `StepName`: a key and its arguments) and the window names them here.

use thicket_core::action::StepName;
use thicket_core::analysis::agreement::{Estimate, Measure, UnitKind};
use thicket_core::analysis::DisagreementKind;
use thicket_core::model::{Choice, SourceKind};

use super::{Arg, number, tr_args};
use crate::t;

/// The name of an undo or redo step ("Apply code", "Aplicar código", "Code toepassen"): the
/// catalogue's `step-KEY` with the step's name and count. A step known only by its English label
/// (a batch, an imported project, a merge) is shown as it is.
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
