//! The dialog's choices and the form that edits them: which codings (codes as a tree with
//! checkboxes, or a Boolean query checked as it is typed with the command line's parser; cases,
//! kinds, roles, participants, coders, dates), how they are arranged (group, sort), the citation
//! (a preset or a template, with its fields as chips and its errors inline) and the options.
//!
//! In: the choices and the names the project offers (`Offer`). Out: the choices edited in place,
//! and, when they are complete, the core `Selection` and `ExcerptOptions` the command line would
//! build from the same flags.

use std::collections::BTreeSet;

use egui::{RichText, Ui};
use thicket_core::analysis::parse_query;
use thicket_core::clock::is_valid_date;
use thicket_core::export::excerpts::citation::{AUTHOR_DATE, COMPACT};
use thicket_core::export::excerpts::{CitationTemplate, CodeChoice, ExcerptFormat, ExcerptOptions, Field, GroupBy, Selection, SortBy};
use thicket_core::model::{Codebook, CodeId, SourceKind};

use crate::analysis::checklist_or_any;

/// Everything the user chose. Empty lists mean "any", as on the command line.
#[derive(Debug, Clone, PartialEq)]
pub struct Choices {
    /// Select with a Boolean query instead of the code tree.
    pub by_query: bool,
    /// Codes ticked in the tree.
    pub codes: BTreeSet<CodeId>,
    pub subcodes: bool,
    pub query: String,
    pub cases: Vec<String>,
    /// Kind names as `SourceKind::as_str` writes them.
    pub kinds: Vec<String>,
    pub roles: Vec<String>,
    pub participants: Vec<String>,
    pub coders: Vec<String>,
    pub from_date: String,
    pub to_date: String,
    pub group_by: GroupBy,
    pub sort: SortBy,
    pub template: String,
    pub context: usize,
    pub memos: bool,
    pub other_codes: bool,
    pub definitions: bool,
    pub counts: bool,
    pub format: ExcerptFormat,
    /// Replace names with the project's pseudonym map (Project → Pseudonyms…) on the way out:
    /// in the preview and the file, never in the project.
    pub pseudonymise: bool,
}

impl Default for Choices {
    fn default() -> Self {
        Choices {
            by_query: false,
            codes: BTreeSet::new(),
            subcodes: true,
            query: String::new(),
            cases: Vec::new(),
            kinds: Vec::new(),
            roles: Vec::new(),
            participants: Vec::new(),
            coders: Vec::new(),
            from_date: String::new(),
            to_date: String::new(),
            group_by: GroupBy::Code,
            sort: SortBy::Case,
            template: AUTHOR_DATE.to_string(),
            context: 0,
            memos: false,
            other_codes: false,
            definitions: false,
            counts: false,
            format: ExcerptFormat::Markdown,
            pseudonymise: false,
        }
    }
}

/// The names the form offers, from the window's listings.
#[derive(Debug, Clone, Default)]
pub struct Offer {
    pub cases: Vec<String>,
    pub roles: Vec<String>,
    pub participants: Vec<String>,
    pub coders: Vec<String>,
}

/// The two citation presets, by the names the command line takes.
fn presets() -> [(&'static str, &'static str); 2] {
    [(t!("excerpts-preset-author-date"), AUTHOR_DATE), (t!("excerpts-preset-compact"), COMPACT)]
}

fn groups() -> [(GroupBy, &'static str); 4] {
    [(GroupBy::Code, t!("excerpts-group-code")), (GroupBy::Case, t!("excerpts-group-case")), (GroupBy::CodeCase, t!("excerpts-group-code-case")), (GroupBy::Source, t!("excerpts-group-source"))]
}
fn sorts() -> [(SortBy, &'static str); 3] {
    [(SortBy::Case, t!("excerpts-sort-case")), (SortBy::Date, t!("excerpts-sort-date")), (SortBy::Position, t!("excerpts-sort-position"))]
}

impl Choices {
    /// The core selection and options, or what is missing or wrong, in words for the dialog.
    pub fn to_core(&self, codebook: &Codebook, title: &str) -> Result<(Selection, ExcerptOptions), String> {
        let codes = if self.by_query {
            if self.query.trim().is_empty() {
                return Err(t!("excerpts-write-query").into());
            }
            parse_query(&self.query, codebook).map_err(|e| e.to_string())?;
            CodeChoice::Query(self.query.clone())
        } else {
            let paths: Vec<String> = codebook.walk().iter().filter(|(_, c)| self.codes.contains(&c.id)).map(|(_, c)| codebook.path(c.id).unwrap_or_default().to_string()).collect();
            if paths.is_empty() {
                return Err(t!("excerpts-tick-a-code").into());
            }
            CodeChoice::Codes { paths, subcodes: self.subcodes }
        };
        let date = |label: &str, d: &str| -> Result<Option<String>, String> {
            let d = d.trim();
            match d {
                "" => Ok(None),
                d if is_valid_date(d) => Ok(Some(d.to_string())),
                d => Err(t!("excerpts-bad-date", field = label, date = d)),
            }
        };
        let selection = Selection {
            codes,
            cases: self.cases.clone(),
            kinds: self.kinds.iter().filter_map(|k| SourceKind::parse(k)).collect(),
            roles: self.roles.clone(),
            participants: self.participants.clone(),
            coders: self.coders.clone(),
            sources: Vec::new(),
            from_date: date(t!("excerpts-from"), &self.from_date)?,
            to_date: date(t!("excerpts-to"), &self.to_date)?,
        };
        let mut options = ExcerptOptions::new(title).map_err(|e| e.to_string())?;
        options.group_by = self.group_by;
        options.sort = self.sort;
        options.citation = CitationTemplate::parse(&self.template).map_err(|e| e.to_string())?;
        options.context = self.context;
        options.memos = self.memos;
        options.other_codes = self.other_codes;
        options.definitions = self.definitions;
        options.counts = self.counts;
        Ok((selection, options))
    }

    /// Forgets picks the project no longer has (a case deleted, a code merged away).
    pub fn keep_known(&mut self, codebook: &Codebook, offer: &Offer) {
        self.codes.retain(|c| codebook.get(*c).is_some());
        self.cases.retain(|c| offer.cases.contains(c));
        self.roles.retain(|r| offer.roles.contains(r));
        self.participants.retain(|p| offer.participants.contains(p));
        self.coders.retain(|c| offer.coders.contains(c));
    }
}

/// Which codings: the code tree or the query, then the filters.
pub fn selection(ui: &mut Ui, c: &mut Choices, codebook: &Codebook, counts: &std::collections::HashMap<CodeId, usize>, offer: &Offer) {
    ui.label(RichText::new(t!("excerpts-codings")).strong());
    ui.horizontal_wrapped(|ui| {
        ui.radio_value(&mut c.by_query, false, t!("excerpts-codes"));
        ui.radio_value(&mut c.by_query, true, t!("excerpts-query"));
    });
    if c.by_query {
        let l = ui.label(t!("excerpts-query"));
        ui.add(egui::TextEdit::singleline(&mut c.query).hint_text("Ruptures AND Repair").desired_width(ui.available_width())).labelled_by(l.id);
        match (c.query.trim().is_empty(), parse_query(&c.query, codebook)) {
            (true, _) => ui.weak(t!("excerpts-query-help")),
            (false, Ok(_)) => ui.weak(t!("excerpts-query-ok")),
            (false, Err(e)) => ui.colored_label(ui.visuals().error_fg_color, e.to_string()),
        };
    } else {
        ui.checkbox(&mut c.subcodes, t!("retrieval-include-subcodes"));
        egui::ScrollArea::vertical().id_salt("excerpt_codes").max_height(150.0).auto_shrink([false, true]).show(ui, |ui| {
            for (depth, code) in codebook.walk() {
                ui.horizontal(|ui| {
                    ui.add_space(16.0 * depth as f32);
                    let mut on = c.codes.contains(&code.id);
                    // The codings the tick brings in: with sub-codes, the whole branch's.
                    let count = |id: &CodeId| counts.get(id).copied().unwrap_or_default();
                    let n: usize = if c.subcodes { codebook.subtree(code.id).iter().map(count).sum() } else { count(&code.id) };
                    if ui.checkbox(&mut on, &code.name).changed() {
                        if on {
                            c.codes.insert(code.id);
                        } else {
                            c.codes.remove(&code.id);
                        }
                    }
                    ui.weak(n.to_string());
                });
            }
        });
    }
    let kinds: Vec<String> = SourceKind::ALL.iter().map(|k| k.as_str().to_string()).collect();
    ui.horizontal_wrapped(|ui| {
        checklist_or_any(ui, t!("excerpts-cases"), &mut c.cases, &offer.cases);
        checklist_or_any(ui, t!("excerpts-kinds"), &mut c.kinds, &kinds);
        checklist_or_any(ui, t!("excerpts-roles"), &mut c.roles, &offer.roles);
    });
    ui.horizontal_wrapped(|ui| {
        checklist_or_any(ui, t!("excerpts-participants"), &mut c.participants, &offer.participants);
        checklist_or_any(ui, t!("excerpts-coders"), &mut c.coders, &offer.coders);
    });
    ui.horizontal_wrapped(|ui| {
        date_field(ui, t!("excerpts-from"), &mut c.from_date);
        date_field(ui, t!("excerpts-to"), &mut c.to_date);
    });
}

/// Grouping, sorting, the citation and the options.
pub fn arrangement(ui: &mut Ui, c: &mut Choices) {
    ui.label(RichText::new(t!("excerpts-layout")).strong());
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(t!("excerpts-group-by"));
        let shown = groups().iter().find(|(g, _)| *g == c.group_by).map_or("", |(_, t)| *t);
        egui::ComboBox::from_id_salt("excerpt_group_by").selected_text(shown).show_ui(ui, |ui| {
            for (g, text) in groups() {
                ui.selectable_value(&mut c.group_by, g, text);
            }
        }).response.labelled_by(l.id);
        let l = ui.label(t!("excerpts-sort-by"));
        let shown = sorts().iter().find(|(s, _)| *s == c.sort).map_or("", |(_, t)| *t);
        egui::ComboBox::from_id_salt("excerpt_sort").selected_text(shown).show_ui(ui, |ui| {
            for (s, text) in sorts() {
                ui.selectable_value(&mut c.sort, s, text);
            }
        }).response.labelled_by(l.id);
    });
    citation(ui, c);
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(t!("excerpts-context"));
        ui.add(egui::DragValue::new(&mut c.context).range(0..=5)).labelled_by(l.id);
        ui.checkbox(&mut c.memos, t!("excerpts-memos"));
        ui.checkbox(&mut c.other_codes, t!("excerpts-other-codes"));
        ui.checkbox(&mut c.definitions, t!("excerpts-definitions"));
        ui.checkbox(&mut c.counts, t!("excerpts-counts"));
        ui.checkbox(&mut c.pseudonymise, t!("report-pseudonymise"))
            .on_hover_text(t!("excerpts-pseudonymise-tooltip"));
    });
}

/// The citation: a preset, the template (its field names as chips that insert them), its error.
fn citation(ui: &mut Ui, c: &mut Choices) {
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(t!("excerpts-citation"));
        let shown = presets().iter().find(|(_, t)| *t == c.template).map_or(t!("excerpts-preset-custom"), |(name, _)| *name);
        egui::ComboBox::from_id_salt("excerpt_citation_preset").selected_text(shown).show_ui(ui, |ui| {
            for (name, text) in presets() {
                if ui.selectable_label(c.template == text, name).clicked() {
                    c.template = text.to_string();
                }
            }
        }).response.labelled_by(l.id);
    });
    let id = egui::Id::unique("excerpt_citation_template");
    let l = ui.label(t!("excerpts-template"));
    let edit = ui.add(egui::TextEdit::singleline(&mut c.template).id(id).desired_width(ui.available_width())).labelled_by(l.id);
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for field in Field::ALL {
            let chip = format!("{{{}}}", field.name());
            if ui.small_button(&chip).on_hover_text(t!("excerpts-insert-field")).clicked() {
                insert_at_cursor(ui.ctx(), id, &mut c.template, &chip);
                edit.request_focus();
            }
        }
    });
    if let Err(e) = CitationTemplate::parse(&c.template) {
        ui.colored_label(ui.visuals().error_fg_color, e.to_string());
    }
}

/// Inserts `text` at the template field's cursor (its end if it never had one) and moves the cursor after it.
fn insert_at_cursor(ctx: &egui::Context, id: egui::Id, template: &mut String, text: &str) {
    let mut state = egui::TextEdit::load_state(ctx, id).unwrap_or_default();
    let at = state.cursor.char_range().map_or(template.chars().count(), |r| r.primary.index.into()).min(template.chars().count());
    let byte = template.char_indices().nth(at).map_or(template.len(), |(b, _)| b);
    template.insert_str(byte, text);
    let after = egui::text::CCursor::new(at + text.chars().count());
    state.cursor.set_char_range(Some(egui::text::CCursorRange::one(after)));
    state.store(ctx, id);
}

/// A `YYYY-MM-DD` field after `label`, in the error colour while what is typed is not a date.
fn date_field(ui: &mut Ui, label: &str, value: &mut String) {
    let l = ui.label(label);
    let bad = !value.trim().is_empty() && !is_valid_date(value.trim());
    let mut edit = egui::TextEdit::singleline(value).hint_text(t!("import-session-date.hint")).desired_width(96.0);
    if bad {
        edit = edit.text_color(ui.visuals().error_fg_color);
    }
    ui.add(edit).labelled_by(l.id).on_hover_text(t!("excerpts-date-tooltip"));
}

/// The format menu, from the core's one list of formats.
pub fn format(ui: &mut Ui, c: &mut Choices) {
    let l = ui.label(t!("report-format"));
    egui::ComboBox::from_id_salt("excerpt_format").selected_text(c.format.label()).show_ui(ui, |ui| {
        for f in ExcerptFormat::ALL {
            ui.selectable_value(&mut c.format, f, f.label());
        }
    }).response.labelled_by(l.id);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_choice_without_codes_or_with_a_bad_template_says_what_is_missing() {
        let book = Codebook::new(Vec::new());
        let c = Choices::default();
        assert_eq!(c.to_core(&book, "t").unwrap_err(), "Tick at least one code, or select with a query.");
        let c = Choices { by_query: true, ..Default::default() };
        assert_eq!(c.to_core(&book, "t").unwrap_err(), "Write a query, e.g. Ruptures AND Repair.");
    }
}
