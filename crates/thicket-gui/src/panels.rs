//! The panels of the first window: menu bar, navigator (sources by case, codebook), document,
//! status bar, notifications and the welcome screen. Each reads the app and pushes commands.

use std::collections::BTreeMap;

use egui::{Color32, RichText};

use super::app::{ThicketApp, UiCommand};
use super::file_request::{FilePurpose, FileRequest};
use super::side_panels::Side;
use thicket_core::model::*;

/// Keyboard shortcuts that work everywhere: the command table's (`commands`), quick keys, and
/// Escape.
pub fn shortcuts(app: &mut ThicketApp, ctx: &egui::Context) {
    super::commands::shortcuts(app, ctx);
    if app.dialog_open() {
        return;
    }
    quick_keys(app, ctx);
    // Escape drops the selection wherever the focus is, unless a field or a menu wants it.
    if ctx.input(|i| i.key_pressed(egui::Key::Escape)) && !ctx.text_edit_focused() && !egui::Popup::is_any_open(ctx)
        && let Some(doc) = &mut app.document
    {
        doc.set_selection(None);
    }
}

const DIGITS: [egui::Key; 9] = [
    egui::Key::Num1, egui::Key::Num2, egui::Key::Num3, egui::Key::Num4, egui::Key::Num5,
    egui::Key::Num6, egui::Key::Num7, egui::Key::Num8, egui::Key::Num9,
];

/// Keys 1–9 code the selection with the code assigned to them (not while typing in a field).
fn quick_keys(app: &mut ThicketApp, ctx: &egui::Context) {
    // The selection must be in sight: not while an analysis tab is in front of the document.
    let has_selection = app.document.as_ref().is_some_and(|d| d.selection().is_some()) && app.analysis.active().is_none();
    if !has_selection || ctx.text_edit_focused() {
        return;
    }
    for (k, key) in DIGITS.iter().enumerate() {
        if let Some(code) = app.codebook.quick[k]
            && app.summary.as_ref().is_some_and(|s| s.codebook.get(code).is_some())
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, *key))
        {
            app.code_selection(code);
        }
    }
}

/// The menu bar: every menu drawn from the command table, plus the recent projects.
pub fn menu_bar(app: &mut ThicketApp, ui: &mut egui::Ui) {
    use super::commands::{Menu, menu};
    egui::Panel::top("menu_bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            for m in Menu::ALL {
                ui.menu_button(m.title(), |ui| {
                    menu(app, ui, m, |app, ui, group| {
                        // After the import items: the recent projects.
                        if m == Menu::File && group == 1 {
                            recent_projects(app, ui);
                        }
                    });
                });
            }
        });
    });
}

/// File → Recent projects.
fn recent_projects(app: &mut ThicketApp, ui: &mut egui::Ui) {
    let recent = app.prefs.recent.clone();
    ui.add_enabled_ui(!recent.is_empty(), |ui| {
        ui.menu_button(t!("panels-recent-projects"), |ui| {
            for path in recent {
                if ui.button(path.display().to_string()).clicked() {
                    app.push(UiCommand::OpenProject(path));
                    ui.close();
                }
            }
        });
    });
}

/// Asks for a path for `purpose` (the app picks the dialog and turns the answer into the command).
fn choose(app: &mut ThicketApp, purpose: FilePurpose) {
    app.push(UiCommand::ChooseFile(FileRequest::new(purpose)));
}

/// Files dropped on the window are imported; while they hover, say so.
pub fn dropped_files(app: &mut ThicketApp, ctx: &egui::Context) {
    let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
    if hovering {
        let screen = ctx.content_rect();
        let painter = ctx.layer_painter(egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("drop_overlay")));
        painter.rect_filled(screen, 0.0, Color32::from_black_alpha(160));
        painter.text(screen.center(), egui::Align2::CENTER_CENTER, t!("panels-drop-files"), egui::FontId::proportional(28.0), Color32::WHITE);
    }
    let dropped: Vec<std::path::PathBuf> = ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).filter(|p| !p.as_os_str().is_empty()).collect());
    if !dropped.is_empty() {
        app.push(UiCommand::Import(dropped));
    }
}

/// Errors, shown until dismissed.
pub fn errors(app: &mut ThicketApp, ui: &mut egui::Ui) {
    if app.errors.is_empty() {
        return;
    }
    egui::Panel::top("errors").show(ui, |ui| {
        for e in &app.errors {
            ui.colored_label(Color32::from_rgb(190, 30, 30), e);
        }
        if ui.button(t!("panels-dismiss")).clicked() {
            app.push(UiCommand::DismissError);
        }
    });
}

/// Over everything while the open project cannot be written: why (damaged, or read-only), that
/// nothing will be changed, and for a damaged one the way out: "Save readable copy…". Reads
/// only what the project already knows (no query), so it costs nothing per frame.
pub fn access_banner(app: &mut ThicketApp, ui: &mut egui::Ui) {
    use thicket_core::store::Access;
    let Some(project) = &app.project else { return };
    let name = project.path().file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let (message, damaged) = match project.access() {
        Access::Writable => return,
        Access::Damaged { detail } => (
            t!("panels-project-damaged", name = name.as_str(), detail = detail.to_string()),
            true,
        ),
        Access::ReadOnly { reason } => (t!("panels-project-read-only", name = name.as_str(), reason = reason.to_string()), false),
    };
    let mut choose = false;
    egui::Panel::top("access_banner").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(Color32::from_rgb(190, 30, 30), message);
            if damaged && ui.button(t!("panels-save-readable-copy")).on_hover_text(t!("panels-save-readable-copy.tooltip")).clicked() {
                choose = true;
            }
        });
    });
    if choose {
        app.push(UiCommand::ChooseFile(super::file_request::FileRequest::new(super::file_request::FilePurpose::SaveReadableCopy)));
    }
}

/// Project, counts and current coder.
pub fn status_bar(app: &mut ThicketApp, ui: &mut egui::Ui) {
    let Some(summary) = &app.summary else { return };
    let title = summary.title.clone();
    let counts = t!("panels-status-counts", sources = summary.sources.len(), cases = summary.cases.len(), codes = summary.codebook.len(), codings = summary.coding_count);
    egui::Panel::bottom("status").show(ui, |ui| {
        // Wrapped, whole items moving to a second row: on a narrow or zoomed window the coder
        // picker would otherwise run past the window's edge (and a bottom panel as wide as its
        // contents widens the layout for every panel after it).
        ui.horizontal_wrapped(|ui| {
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
            ui.label(title);
            ui.separator();
            ui.label(counts);
            ui.separator();
            coder_picker(app, ui);
            if app.checking() {
                ui.separator();
                ui.label(egui::RichText::new("Checking the project…").color(ui.visuals().weak_text_color()))
                    .on_hover_text("Reading the whole file once to make sure it is sound before the first change is written. You can read meanwhile; a change waits for the check.");
            }
            super::autobackup::status(app, ui);
            if let Some(notice) = &app.notice {
                ui.separator();
                ui.label(egui::RichText::new(notice).color(ui.visuals().weak_text_color()));
            }
        });
    });
}

/// "Coder: NAME ▾": pick one of the project's coders or type a new name.
fn coder_picker(app: &mut ThicketApp, ui: &mut egui::Ui) {
    let label = ui.label(t!("panels-coder"));
    if let Some(blind) = app.team.blind() {
        // Blind mode decides who codes until it is left (the banner says how).
        ui.label(RichText::new(t!("panels-coder-blind", name = &blind.name)).strong()).labelled_by(label.id);
        return;
    }
    // Retired coders are not offered for new work.
    let coders: Vec<String> = app.summary.as_ref().map(|s| s.coders.iter().filter(|c| !c.retired).map(|c| c.name.clone()).collect()).unwrap_or_default();
    let mut chosen = None;
    let id = ui.make_persistent_id("new_coder_name");
    let shown = if app.coder.is_empty() { t!("panels-coder-not-chosen") } else { app.coder.as_str() };
    let response = egui::ComboBox::from_id_salt("coder").selected_text(shown).show_ui(ui, |ui| {
        for name in &coders {
            if ui.selectable_label(*name == app.coder, name).clicked() {
                chosen = Some(name.clone());
            }
        }
        ui.separator();
        let mut typed: String = ui.data_mut(|d| d.get_temp(id).unwrap_or_default());
        let label = ui.label(t!("panels-another-coder"));
        let field = ui.add(egui::TextEdit::singleline(&mut typed).hint_text(t!("panels-another-coder.hint")).desired_width(140.0)).labelled_by(label.id);
        if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) && !typed.trim().is_empty() {
            chosen = Some(std::mem::take(&mut typed));
            ui.close();
        }
        ui.data_mut(|d| d.insert_temp(id, typed));
    });
    response.response.labelled_by(label.id).on_hover_text(t!("panels-coder.tooltip"));
    if let Some(name) = chosen {
        app.set_coder(name);
    }
}

/// The navigator's filter box and grouping, kept between frames.
#[derive(Debug, Default)]
pub struct NavigatorState {
    pub filter: String,
    /// Group sources by kind (interview, observation…) rather than by case.
    pub by_kind: bool,
    /// Groups folded by the user: (group name, grouped by kind).
    folded: std::collections::BTreeSet<(String, bool)>,
    /// The rows as last arranged, and what they were arranged for.
    rows: Option<(RowsKey, Vec<NavRow>)>,
}

/// What the navigator's rows depend on: the listings, the filter, the grouping, the folds.
#[derive(Debug, Clone, PartialEq)]
struct RowsKey {
    generation: u64,
    filter: String,
    by_kind: bool,
    folded: std::collections::BTreeSet<(String, bool)>,
}

/// One row of the navigator: a group's heading or a source (an index into the listings).
#[derive(Debug, Clone)]
enum NavRow {
    Group { title: String, count: usize, case: Option<CaseId>, key: (String, bool), open: bool },
    Source(usize),
}

impl NavigatorState {
    /// The rows for `summary` under the current filter, grouping and folds: arranged once per
    /// change of any of them, never per frame.
    fn rows(&mut self, summary: &super::summary::Summary) -> &[NavRow] {
        let fresh = self.rows.as_ref().is_some_and(|(k, _)| {
            k.generation == summary.generation && k.filter == self.filter && k.by_kind == self.by_kind && k.folded == self.folded
        });
        if !fresh {
            let rows = arrange(summary, &self.filter, self.by_kind, &self.folded);
            let key = RowsKey { generation: summary.generation, filter: self.filter.clone(), by_kind: self.by_kind, folded: self.folded.clone() };
            self.rows = Some((key, rows));
        }
        self.rows.as_ref().map_or(&[][..], |(_, rows)| rows.as_slice())
    }
}

/// Sources grouped by case (or kind), the groups by name, each group's sources by date and
/// name; a folded group keeps its heading only.
fn arrange(summary: &super::summary::Summary, filter: &str, by_kind: bool, folded: &std::collections::BTreeSet<(String, bool)>) -> Vec<NavRow> {
    let needle = filter.trim().to_lowercase();
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, s) in summary.sources.iter().enumerate().filter(|(_, s)| needle.is_empty() || s.name.to_lowercase().contains(&needle)) {
        if by_kind {
            groups.entry(crate::i18n::values::source_kind(s.kind).to_string()).or_default().push(i);
            continue;
        }
        match summary.cases_by_source.get(&s.id) {
            Some(cases) if !cases.is_empty() => cases.iter().for_each(|c| groups.entry(c.clone()).or_default().push(i)),
            _ => groups.entry(String::new()).or_default().push(i),
        }
    }
    let mut rows = Vec::new();
    for (group, mut list) in groups {
        let sources = &summary.sources;
        list.sort_by(|a, b| (&sources[*a].date, &sources[*a].name).cmp(&(&sources[*b].date, &sources[*b].name)));
        let case = if by_kind { None } else { summary.cases.iter().find(|c| c.name == group).map(|c| c.id) };
        let title = if group.is_empty() { t!("panels-not-in-a-case").to_string() } else { group.clone() };
        let key = (group, by_kind);
        let open = !folded.contains(&key);
        rows.push(NavRow::Group { title, count: list.len(), case, key, open });
        if open {
            rows.extend(list.into_iter().map(NavRow::Source));
        }
    }
    rows
}

/// The small triangle before a group's heading: pointing down when open, right when folded.
fn fold_triangle(ui: &egui::Ui, c: egui::Pos2, open: bool, color: Color32) {
    let r = ui.spacing().icon_width * 0.3;
    let points = if open {
        vec![egui::pos2(c.x - r, c.y - r * 0.6), egui::pos2(c.x + r, c.y - r * 0.6), egui::pos2(c.x, c.y + r * 0.8)]
    } else {
        vec![egui::pos2(c.x - r * 0.6, c.y - r), egui::pos2(c.x + r * 0.8, c.y), egui::pos2(c.x - r * 0.6, c.y + r)]
    };
    ui.painter().add(egui::Shape::convex_polygon(points, color, egui::Stroke::NONE));
}

/// Sources grouped by case or by kind, with counts and a filter, as a left panel; the
/// codebook on the right; retrieved segments below.
pub fn navigator(app: &mut ThicketApp, ui: &mut egui::Ui) {
    let marks = {
        let _p = crate::phases::phase("memo marks");
        super::data_windows::memo_marks(app)
    };
    app.codebook.memo_codes = marks.codes.clone();
    let Some(summary) = &app.summary else { return };
    let by_source = &summary.cases_by_source;
    let all_cases = &summary.cases;
    let all_roles = &summary.roles;
    let mut asked: Vec<UiCommand> = Vec::new();
    let selected = app.selected;
    let total = summary.sources.len();
    let mut clicked = None;
    let mut toggled = None;
    let state = &mut app.navigator;
    app.side_panels.show(ui, Side::Sources, true, |ui| {
        ui.weak(total.to_string());
    }, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.selectable_value(&mut state.by_kind, false, t!("panels-by-case"));
            ui.selectable_value(&mut state.by_kind, true, t!("panels-by-kind"));
        });
        let label = ui.label(t!("panels-find-source"));
        ui.add(egui::TextEdit::singleline(&mut state.filter).hint_text(t!("panels-find-source.hint")).desired_width(f32::INFINITY).id(crate::accessibility::sources_filter_id())).labelled_by(label.id);
        let rows = state.rows(summary);
        // Only the rows in sight are laid out: 10,000 sources cost what 40 do.
        let row_height = ui.spacing().interact_size.y.max(ui.text_style_height(&egui::TextStyle::Body) + 2.0 * ui.spacing().button_padding.y);
        egui::ScrollArea::vertical().auto_shrink([false, false]).show_rows(ui, row_height, rows.len(), |ui, range| {
            // A long name is cut with "…" (the tooltip has the rest) rather than widening the panel.
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            for row in &rows[range] {
                match row {
                    NavRow::Group { title, count, case, key, open } => {
                        let r = ui.horizontal(|ui| {
                            let size = egui::vec2(ui.spacing().indent, row_height);
                            let (rect, icon) = ui.allocate_exact_size(size, egui::Sense::click());
                            fold_triangle(ui, rect.center(), *open, ui.visuals().widgets.style(&icon).fg_stroke.color);
                            let title = ui.add(egui::Button::selectable(false, RichText::new(format!("{title} ({count})")).strong()).frame_when_inactive(false));
                            (icon.clicked(), title)
                        });
                        let (icon_clicked, r) = r.inner;
                        let r = r.on_hover_text(if *open { t!("panels-click-to-fold") } else { t!("panels-click-to-unfold") });
                        if r.clicked() || icon_clicked {
                            toggled = Some(key.clone());
                        }
                        if let Some(id) = case {
                            crate::accessibility::context_menu(&r, |ui| super::cases::case_menu(ui, *id, &mut asked));
                        }
                    }
                    NavRow::Source(i) => {
                        let s = &summary.sources[*i];
                        let r = ui.horizontal(|ui| {
                            ui.add_space(ui.spacing().indent);
                            let r = ui.selectable_label(selected == Some(s.id), &s.name);
                            if marks.sources.contains(&s.id) {
                                super::memos::memo_mark(ui, t!("panels-source-has-memo"));
                            }
                            r
                        });
                        // The name first: a narrow panel cuts it short.
                        let r = r.inner.on_hover_text(t!("panels-source-hover", name = &s.name, kind = crate::i18n::values::source_kind(s.kind), date = s.date.as_deref().unwrap_or(t!("panels-no-date")), words = s.word_count));
                        if r.clicked() {
                            clicked = Some(s.id);
                        }
                        let member_of = by_source.get(&s.id).map_or(&[][..], Vec::as_slice);
                        crate::accessibility::context_menu(&r, |ui| super::cases::source_menu(ui, s, all_cases, member_of, all_roles, &mut asked));
                    }
                }
            }
        });
    });
    if let Some(key) = toggled
        && !app.navigator.folded.remove(&key)
    {
        app.navigator.folded.insert(key);
    }
    if let Some(id) = clicked {
        app.push(UiCommand::SelectSource(id));
    }
    asked.into_iter().for_each(|c| app.push(c));
    let mut requests = Vec::new();
    let has_selection = app.document.as_ref().is_some_and(|d| d.selection().is_some());
    let (codebook, project, summary) = (&mut app.codebook, &app.project, &app.summary);
    app.side_panels.show(ui, Side::Codebook, true, |_| {}, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            // Long code names are cut with "…" in a narrow panel rather than running past it.
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            if let Some(summary) = summary {
                let _p = crate::phases::phase("codebook panel");
                requests = codebook.show(ui, project.as_ref(), &summary.codebook, &summary.counts, has_selection);
            }
        });
    });
    app.codebook_requests(requests);
    let mut jump = None;
    let codes = app.codebook.selected.clone();
    // The segments pane starts low on a small window, and however it is dragged it leaves the
    // document about ten rows (240 points) and never takes more than 60% of the height.
    let height = ui.available_rect_before_wrap().height();
    let most = (height - 240.0).min(height * 0.6).max(80.0);
    if codes.is_empty() {
        // Nothing to list yet: one line saying how to list something, so the document or the
        // analysis above keeps the height (the full pane keeps its own dragged size for later).
        egui::Panel::bottom("retrieval_idle").resizable(false).show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.heading(t!("panels-segments"));
                ui.weak(t!("panels-segments-idle"));
            });
        });
        return;
    }
    egui::Panel::bottom("retrieval").resizable(true).default_size((height * 0.3).min(220.0)).max_size(most).show(ui, |ui| {
        if let (Some(project), Some(summary)) = (&app.project, &app.summary) {
            jump = app.retrieval.show(ui, project, summary, &codes, &app.team.filter());
        }
    });
    if let Some(segment) = jump
        && let Some(span) = thicket_core::model::TextSpan::new(segment.start, segment.end)
    {
        app.push(UiCommand::ShowSpan(segment.source_id, span));
    }
}

/// The selected source's text with its codings.
pub fn document(app: &mut ThicketApp, ui: &mut egui::Ui) {
    if super::analysis::central(app, ui) {
        return;
    }
    let mut response = None;
    let mut from_bar = None;
    egui::CentralPanel::default().show(ui, |ui| {
        app.find.show(ui, app.document.as_mut());
        match &mut app.document {
            Some(doc) => {
                response = Some(doc.show(ui));
                if let Some(summary) = &app.summary {
                    from_bar = app.code_bar.show(ui.ctx(), doc, &summary.codebook, &app.recent_codes);
                    if from_bar.is_some() {
                        // The keyboard goes back to the text, for the next passage.
                        doc.take_keyboard();
                    }
                }
            }
            None => {
                ui.centered_and_justified(|ui| ui.weak(t!("panels-select-source")));
            }
        }
    });
    let Some(response) = response else { return };
    if let (Some(span), Some(doc)) = (response.memo_on_selection, &app.document) {
        let target = thicket_core::model::MemoTarget::Source { id: doc.source.id, span: Some(span) };
        app.push(UiCommand::OpenMemo(super::memos::MemoSubject::Of(target)));
    }
    if let Some(id) = response.memo_for_coding {
        app.push(UiCommand::OpenMemo(super::memos::MemoSubject::Coding(id)));
    }
    if let Some(id) = response.remove_coding {
        app.push(UiCommand::RemoveCoding(id));
    }
    if let Some((id, to)) = response.recode {
        app.push(UiCommand::Perform(thicket_core::Action::ReassignCodings { codings: vec![id], to }));
    }
    if let Some((id, span)) = response.resize_coding
        && let Some(memo) = app.document.as_ref().and_then(|d| d.coding(id)).map(|c| c.memo.clone())
    {
        app.push(UiCommand::Perform(thicket_core::Action::UpdateCoding { id, span, memo }));
    }
    // The explicit ways to code the selection: drop a code on it, choose one in its context
    // menu or in the code bar.
    if let Some(code) = response.dropped_code.or(response.code_with).or(from_bar) {
        app.code_selection(code);
    }
}

/// The screen shown when no project is open.
pub fn welcome(app: &mut ThicketApp, ui: &mut egui::Ui) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(60.0);
            ui.label(RichText::new("Thicket").size(36.0).strong());
            ui.label(t!("welcome-tagline"));
            ui.add_space(24.0);
            if ui.button(RichText::new(t!("welcome-explore-sample")).size(18.0)).clicked() {
                app.push(UiCommand::OpenSample);
            }
            ui.weak(t!("welcome-sample-description"));
            ui.add_space(12.0);
            if ui.button(t!("welcome-open-project")).clicked() {
                choose(app, FilePurpose::OpenProject);
            }
            if ui.button(t!("welcome-open-qualcoder")).on_hover_text(t!("welcome-open-qualcoder.tooltip")).clicked() {
                choose(app, FilePurpose::OpenQualCoder);
            }
            let recent = app.prefs.recent.clone();
            if !recent.is_empty() {
                ui.add_space(18.0);
                ui.label(RichText::new(t!("panels-recent-projects")).strong());
                for path in recent {
                    if ui.link(path.display().to_string()).clicked() {
                        app.push(UiCommand::OpenProject(path));
                    }
                }
            }
        });
    });
}
