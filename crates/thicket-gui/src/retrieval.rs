//! The retrieval pane: every segment of the selected code(s), with source, case, speaker, code,
//! coder (when the project has more than one) and a snippet; filters by case, kind, role and coder; sub-codes on or off; a click jumps to the
//! segment in its document. Results are recomputed only when the question or the project changes.

use thicket_core::model::*;
use super::summary::Summary;
use thicket_core::project::{Project, Segment, SegmentFilter};

/// Filters and the cached answer.
#[derive(Default)]
pub struct RetrievalPane {
    pub include_subcodes: bool,
    pub case: Option<String>,
    pub kind: Option<SourceKind>,
    pub role: Option<String>,
    pub coder: Option<String>,
    cache: Option<(String, Vec<Segment>)>,
}

impl RetrievalPane {
    /// The segments for `codes` under the current filters; `generation` changes whenever the
    /// project does, so the cache is never stale.
    /// `shown`: the coders whose codings the window shows (`None`: everyone), as the Team view
    /// and blind mode say; the pane's own Coder choice narrows within them.
    pub fn segments(&mut self, project: &Project, book: &Codebook, codes: &[CodeId], generation: u64, shown: Option<&[String]>) -> &[Segment] {
        let coders: Vec<String> = match (shown, &self.coder) {
            (None, picked) => picked.iter().cloned().collect(),
            (Some(shown), Some(picked)) => shown.iter().filter(|c| *c == picked).cloned().collect(),
            (Some(shown), None) => shown.to_vec(),
        };
        // Nobody shown (every coder hidden, or a pick that is hidden): nothing to list.
        let nobody = shown.is_some() && coders.is_empty();
        let filter = SegmentFilter {
            codes: codes.iter().filter_map(|c| book.path(*c).map(String::from)).collect(),
            include_subcodes: self.include_subcodes,
            cases: self.case.iter().cloned().collect(),
            roles: self.role.iter().cloned().collect(),
            kinds: self.kind.iter().copied().collect(),
            coders,
            sources: Vec::new(),
        };
        let key = format!("{generation}|{filter:?}");
        if self.cache.as_ref().is_none_or(|(k, _)| *k != key) {
            let _p = crate::phases::phase("segments pane: read");
            let list = if filter.codes.is_empty() || nobody { Vec::new() } else { project.segments(&filter).unwrap_or_default() };
            self.cache = Some((key, list));
        }
        self.cache.as_ref().map_or(&[], |(_, s)| s.as_slice())
    }

    /// Draws the pane; returns the segment the user clicked. The filters' choices come from
    /// `summary` (read once per change), not from the project on every frame.
    pub fn show(&mut self, ui: &mut egui::Ui, project: &Project, summary: &Summary, codes: &[CodeId], coder_filter: &crate::team::CoderFilter) -> Option<Segment> {
        let (book, generation) = (&summary.codebook, summary.generation);
        let cases: Vec<String> = summary.cases.iter().map(|c| c.name.clone()).collect();
        let roles = &summary.roles;
        let shown = coder_filter.shown_names(&summary.coders);
        // Only the coders shown are offered.
        let coders: Vec<String> = summary.coders.iter().filter(|c| coder_filter.passes(c.id)).map(|c| c.name.clone()).collect();
        if self.coder.as_ref().is_some_and(|c| !coders.contains(c)) {
            self.coder = None;
        }
        let names: Vec<&str> = codes.iter().filter_map(|c| book.path(*c)).collect();
        ui.horizontal_wrapped(|ui| {
            ui.heading(t!("panels-segments"));
            if names.is_empty() {
                ui.weak(t!("panels-segments-idle"));
            } else {
                ui.label(names.join(" + "));
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.checkbox(&mut self.include_subcodes, t!("retrieval-include-subcodes"));
            combo(ui, t!("retrieval-case"), &mut self.case, &cases);
            let kind_names: Vec<String> = SourceKind::ALL.iter().map(|k| k.as_str().to_string()).collect();
            let mut kind = self.kind.map(|k| k.as_str().to_string());
            combo(ui, t!("retrieval-kind"), &mut kind, &kind_names);
            self.kind = kind.and_then(|k| SourceKind::parse(&k));
            combo(ui, t!("retrieval-role"), &mut self.role, &roles.iter().map(|r| r.name.clone()).collect::<Vec<_>>());
            combo(ui, t!("retrieval-coder"), &mut self.coder, &coders);
        });
        let segments = self.segments(project, book, codes, generation, shown.as_deref());
        if !codes.is_empty() {
            ui.weak(t!("retrieval-segment-count", n = segments.len()));
        }
        let mut clicked = None;
        // Whose segment it is matters only where there is more than one coder; the status bar
        // names the one coder otherwise.
        let several_coders = coders.len() > 1;
        egui::ScrollArea::vertical().auto_shrink([false, false]).show_rows(ui, 58.0, segments.len(), |ui, range| {
            for s in segments.get(range).unwrap_or_default() {
                let who = if s.speakers.is_empty() { String::new() } else { format!(" · {}", s.speakers.join(", ")) };
                let at = s.time_ms.map_or(String::new(), |ms| format!(" {}", thicket_core::model::format_media_time(ms)));
                let by = if several_coders { format!(" · {}", t!("retrieval-by-coder", name = &s.coder)) } else { String::new() };
                let head = format!("{}{at} · {}{} · {}{by}", s.source, s.cases.join(", "), who, s.code);
                let snippet: String = s.text.split_whitespace().collect::<Vec<_>>().join(" ");
                let snippet: String = if snippet.chars().count() > 180 { format!("{}…", snippet.chars().take(179).collect::<String>()) } else { snippet };
                let response = ui
                    .add(egui::Button::new(egui::RichText::new(format!("{head}\n{snippet}"))).wrap().frame_when_inactive(false))
                    .on_hover_text(t!("retrieval-show-in-document"));
                if response.clicked() {
                    clicked = Some(s.clone());
                }
            }
        });
        clicked
    }
}

/// A labelled combo box with an "any" choice.
fn combo(ui: &mut egui::Ui, label: &str, value: &mut Option<String>, choices: &[String]) {
    let l = ui.label(label);
    egui::ComboBox::from_id_salt(("retrieval", label))
        .selected_text(value.clone().unwrap_or_else(|| t!("retrieval-any").into()))
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, t!("retrieval-any"));
            for c in choices {
                ui.selectable_value(value, Some(c.clone()), c);
            }
        })
        .response
        .labelled_by(l.id);
}
