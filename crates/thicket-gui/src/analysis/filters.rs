//! The filter row every analysis view shows under its own choices: cases, source kinds, roles,
//! coders and a date range, the same filters as the command line's `--case`, `--kind`, `--role`,
//! `--coder`, `--from-date` and `--to-date`, and, in the views that pair codings (co-occurrence,
//! sequences, triangulation), "Across coders", as `--across-coders`.
//!
//! In: the user's picks, and the names to offer, learnt from the project's rows each time a view
//! computes. Out: a core `Scope` and the data narrowed to it, so that a view's numbers are the
//! command's numbers for the same flags. One widget, so the five views cannot drift apart; it
//! wraps on a narrow window.
//!
//! The Team view's choice of coders (its show/hide ticks, blind mode) comes first: the data is
//! narrowed to the coders shown before any view's own filters (`narrow_coders`, on the worker),
//! and the Coders list here offers only those, so a view's Coders filter picks among the coders
//! the window shows and can never bring back one the Team view hides.

use std::collections::BTreeSet;
use std::sync::Arc;

use egui::Ui;

use super::controls::checklist_or_any;
use thicket_core::analysis::{AnalysisData, AnalysisLoad, Scope};
use thicket_core::clock::is_valid_date;
use thicket_core::model::SourceKind;

/// What the user picked. Empty lists mean "any"; dates are as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Filters {
    pub cases: Vec<String>,
    /// Kind names as `SourceKind::as_str` writes them.
    pub kinds: Vec<String>,
    pub roles: Vec<String>,
    pub coders: Vec<String>,
    pub from_date: String,
    pub to_date: String,
    /// Pair codings of different coders (only where the view pairs codings).
    pub across_coders: bool,
}

impl Filters {
    /// The core scope: what passes. A date that is not (yet) a valid `YYYY-MM-DD` is left out,
    /// so that typing one does not flash errors; the row marks it.
    pub fn scope(&self) -> Scope {
        let date = |d: &str| Some(d.trim().to_string()).filter(|d| is_valid_date(d));
        Scope {
            cases: self.cases.clone(),
            kinds: self.kinds.iter().filter_map(|k| SourceKind::parse(k)).collect(),
            roles: self.roles.clone(),
            coders: self.coders.clone(),
            sources: Vec::new(),
            from_date: date(&self.from_date),
            to_date: date(&self.to_date),
        }
    }

    /// The filters in words, for a chart's caption: the scope's words (`Scope::describe`, as the
    /// command line writes them), with "pairs also across coders" when ticked. Dates not yet
    /// valid are left out, as from the scope.
    pub fn describe(&self) -> String {
        self.scope().describe_pairing(self.across_coders)
    }

    /// What the filters need loaded besides the view's own needs: speakers for a role filter.
    pub fn load(&self, mut need: AnalysisLoad) -> AnalysisLoad {
        need.speakers |= !self.roles.is_empty();
        need
    }
}

/// The filter row of one view: the picks, the names it offers, and whether it offers "Across
/// coders".
#[derive(Debug, Clone, Default)]
pub struct FilterRow {
    pub filters: Filters,
    /// Offer "Across coders" (views that pair codings).
    pairs: bool,
    cases: Vec<String>,
    roles: Vec<String>,
    coders: Vec<String>,
}

impl FilterRow {
    /// A row for a view that pairs codings, with "Across coders".
    pub fn pairing() -> Self {
        FilterRow { pairs: true, ..Default::default() }
    }

    /// Draws the row; returns true when a pick changed.
    pub fn show(&mut self, ui: &mut Ui) -> bool {
        let before = self.filters.clone();
        let kinds: Vec<String> = SourceKind::ALL.iter().map(|k| k.as_str().to_string()).collect();
        ui.horizontal_wrapped(|ui| {
            ui.weak(t!("filters-label"));
            checklist_or_any(ui, t!("excerpts-cases"), &mut self.filters.cases, &self.cases);
            checklist_or_any(ui, t!("excerpts-kinds"), &mut self.filters.kinds, &kinds);
            checklist_or_any(ui, t!("excerpts-roles"), &mut self.filters.roles, &self.roles);
            checklist_or_any(ui, t!("excerpts-coders"), &mut self.filters.coders, &self.coders);
            date_field(ui, t!("excerpts-from"), &mut self.filters.from_date);
            date_field(ui, t!("excerpts-to"), &mut self.filters.to_date);
            if self.pairs {
                ui.checkbox(&mut self.filters.across_coders, t!("filters-across-coders")).on_hover_text(t!("filters-across-coders.tooltip"));
            }
        });
        self.filters != before
    }

    /// Learns the names to offer from the project's rows, and forgets picks that are gone (a case
    /// deleted, a coder merged away), which the scope would refuse. Only the coders `shown` lets
    /// through are offered: the Team view hides the others, blind mode all but one.
    pub fn learn(&mut self, data: &AnalysisData, shown: &crate::team::CoderFilter) {
        self.cases = sorted(data.cases.values().map(|c| c.name.clone()));
        self.coders = sorted(data.coders.values().filter(|c| shown.passes(c.id)).map(|c| c.name.clone()));
        self.roles = sorted(data.participants.values().filter_map(|p| p.role.clone()));
        let f = &mut self.filters;
        f.cases.retain(|c| self.cases.contains(c));
        f.coders.retain(|c| self.coders.contains(c));
        f.roles.retain(|r| self.roles.contains(r));
    }

}

/// `data` narrowed to `scope`: the same `Arc` when nothing is filtered, else a narrowed copy.
/// Run on the analysis worker: the copy is the size of the project's codings.
pub fn narrow(data: Arc<AnalysisData>, scope: &Scope) -> Result<Arc<AnalysisData>, String> {
    if scope.is_empty() {
        return Ok(data);
    }
    let mut narrowed = (*data).clone();
    narrowed.restrict(scope).map_err(|e| e.to_string())?;
    Ok(Arc::new(narrowed))
}

/// `data` without the codings (and coders) `shown` leaves out: the same `Arc` when it shows
/// everyone, else a narrowed copy. Run on the analysis worker.
pub fn narrow_coders(data: Arc<AnalysisData>, shown: &crate::team::CoderFilter) -> Arc<AnalysisData> {
    if shown.is_everyone() {
        return data;
    }
    Arc::new(data.narrowed(|c| shown.passes(c.coder), |id| shown.passes(id)))
}

fn sorted(names: impl Iterator<Item = String>) -> Vec<String> {
    names.collect::<BTreeSet<_>>().into_iter().collect()
}

/// A `YYYY-MM-DD` field after `label`, in the error colour while what is typed is not a date.
fn date_field(ui: &mut Ui, label: &str, value: &mut String) {
    super::controls::keep_together(ui, label, 96.0 + 2.0 * ui.spacing().button_padding.x);
    let l = ui.label(label);
    let bad = !value.trim().is_empty() && !is_valid_date(value.trim());
    let mut edit = egui::TextEdit::singleline(value).hint_text(t!("import-session-date.hint")).desired_width(96.0);
    if bad {
        edit = edit.text_color(ui.visuals().error_fg_color);
    }
    ui.add(edit).labelled_by(l.id).on_hover_text(t!("excerpts-date-tooltip"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_read_as_a_caption() {
        assert_eq!(Filters::default().describe(), "Filters: none (every case, source kind, role, coder and date).");
        let f = Filters {
            cases: vec!["Harlow family".into(), "Mensah family".into()],
            kinds: vec!["focus_group".into()],
            roles: vec!["social_worker".into()],
            from_date: "2025-03-01".into(),
            to_date: "2025-0".into(),
            across_coders: true,
            ..Filters::default()
        };
        assert_eq!(
            f.describe(),
            "Filters: cases Harlow family, Mensah family; source kinds focus group; roles social worker; from 2025-03-01; pairs also across coders."
        );
    }

    #[test]
    fn picks_make_the_clis_scope_and_half_typed_dates_are_left_out() {
        let f = Filters { kinds: vec!["case_file".into()], coders: vec!["Amara".into()], from_date: "2025-03".into(), to_date: "2025-06-30".into(), ..Default::default() };
        let s = f.scope();
        assert_eq!(s.kinds, [SourceKind::CaseFile]);
        assert_eq!(s.coders, ["Amara"]);
        assert_eq!((s.from_date, s.to_date), (None, Some("2025-06-30".to_string())));
        assert!(Filters::default().scope().is_empty());
        assert!(Filters { roles: vec!["child".into()], ..Default::default() }.load(AnalysisLoad::default()).speakers);
    }
}
