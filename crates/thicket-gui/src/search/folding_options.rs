//! The search options shared by the find bar and the "Search project" panel: what a plain search
//! ignores (case, accents, typographic variants) and the language whose case rules apply
//! (docs/search.md). In: the [`Folding`] to edit and whether the pattern is a regular expression,
//! for which only the Unicode form applies (the other options are shown disabled, saying why).

use thicket_core::text::{Folding, Language};

/// Why the plain-text options are off for a regular expression.
fn regex_note() -> &'static str {
    t!("search-folding-regex-note")
}

/// The options as checkboxes and a language menu, laid out by the caller's `ui` (a row or a
/// column). Returns true when one changed.
pub(super) fn folding_options(ui: &mut egui::Ui, folding: &mut Folding, regex: bool) -> bool {
    let before = *folding;
    let plain_only = |ui: &mut egui::Ui, value: &mut bool, label: &str, help: &str| {
        let r = ui.add_enabled(!regex, egui::Checkbox::new(value, label));
        if regex { r.on_disabled_hover_text(regex_note()) } else { r.on_hover_text(help) };
    };
    plain_only(ui, &mut folding.ignore_case, t!("search-folding-case"), t!("search-folding-case.tooltip"));
    plain_only(ui, &mut folding.ignore_accents, t!("search-folding-accents"), t!("search-folding-accents.tooltip"));
    let mut variants = folding.typography || folding.unicode;
    let help = if regex {
        t!("search-folding-typography.regex-tooltip")
    } else {
        t!("search-folding-typography.tooltip")
    };
    if ui.checkbox(&mut variants, t!("search-folding-typography")).on_hover_text(help).changed() {
        folding.typography = variants;
        folding.unicode = variants;
    }
    ui.add_enabled_ui(!regex, |ui| {
        egui::ComboBox::from_id_salt("search_language")
            .selected_text(language_name(folding.language))
            .show_ui(ui, |ui| {
                for language in Language::ALL {
                    ui.selectable_value(&mut folding.language, language, language_name(language));
                }
            })
            .response
            .on_hover_text(t!("search-folding-language.tooltip"))
    });
    *folding != before
}

/// The language menu's entry for `language`.
fn language_name(language: Language) -> &'static str {
    match language {
        Language::Other => t!("search-folding-language-any"),
        Language::Dutch => t!("search-folding-language-dutch"),
        Language::Turkish => t!("search-folding-language-turkish"),
    }
}
