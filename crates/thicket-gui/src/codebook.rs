//! The codebook panel: the code tree with colours and counts, a filter, and every operation on
//! codes — browse a code's segments (click), apply it to the selection (drag onto the document,
//! quick keys 1–9, or "Apply to selection" in its menu; a click never codes), create
//! (also in vivo from the selection), rename, recolour, describe, re-parent, reorder,
//! merge, and delete with a confirmation that says what goes with it. Every change is an
//! `Action` pushed to the app; nothing here writes to the project. Where a moved code goes, and
//! the colour a new one gets, are the core's rules (`Codebook`, `Action::reparent_code` and its
//! kin, `next_code_colour`): this panel only maps gestures onto them.

use std::collections::HashMap;

use egui::{Color32, RichText};

use super::document::parse_color;
use thicket_core::Action;
use thicket_core::model::*;
use thicket_core::project::Project;

/// What the user asked of the codebook this frame.
#[derive(Debug, Clone, PartialEq)]
pub enum CodebookRequest {
    /// Perform this change.
    Perform(Action),
    /// Apply this code to the document's selection.
    Apply(CodeId),
    /// Create a code named after the selected text and apply it.
    InVivo,
    /// Create this code and apply it to the selection, as one step ("New code from selection…").
    CreateAndApply { parent: Option<CodeId>, name: String, color: String, description: CodeDescription },
    /// Show this code's segments (with `add` for ctrl-click multi-selection).
    Select { code: CodeId, add: bool },
    /// Merge one code into another (codings, sub-codes), as one undoable step.
    Merge { from: CodeId, into: CodeId },
    /// Open this code's memo in the memo browser.
    Memo(CodeId),
    /// Show what touched this code (the History window).
    History(CodeId),
}

/// An open "new code" or "edit code" form.
#[derive(Debug, Clone)]
pub struct CodeForm {
    /// `None` for a new code.
    pub id: Option<CodeId>,
    pub parent: Option<CodeId>,
    pub name: String,
    pub color: [u8; 3],
    pub description: CodeDescription,
    pub sort_order: i64,
    /// After creating, apply the new code to the selection.
    pub apply_after: bool,
    /// The colour as typed in the hex field (`color` follows it whenever it parses).
    pub hex: String,
    /// Give the name field the keyboard on the form's first frame.
    pub focus_name: bool,
}

impl CodeForm {
    #[allow(clippy::too_many_arguments)]
    fn new(id: Option<CodeId>, parent: Option<CodeId>, name: String, color: [u8; 3], description: CodeDescription, sort_order: i64, apply_after: bool) -> Self {
        CodeForm { id, parent, name, color, description, sort_order, apply_after, hex: picker_hex(color), focus_name: true }
    }
}

/// State of the panel kept between frames.
#[derive(Default)]
pub struct CodebookPanel {
    pub filter: String,
    pub selected: Vec<CodeId>,
    /// Quick-code keys 1–9 (index 0 is key 1).
    pub quick: [Option<CodeId>; 9],
    pub form: Option<CodeForm>,
    pub confirm_delete: Option<CodeId>,
    /// Codes that have a memo, marked in their rows (the app keeps this up to date).
    pub memo_codes: std::collections::HashSet<CodeId>,
}

/// A colour picker's value for a stored colour (grey, as painted, if it is malformed).
fn picker_rgb(color: &str) -> [u8; 3] {
    let c = parse_color(color);
    [c.r(), c.g(), c.b()]
}

/// The stored form of a colour picker's value.
fn picker_hex([r, g, b]: [u8; 3]) -> String {
    Rgb(r, g, b).hex_upper()
}

impl CodebookPanel {
    /// The quick key (0 for key 1) that codes with `code`, if any.
    fn quick_key(&self, code: CodeId) -> Option<usize> {
        self.quick.iter().position(|q| *q == Some(code))
    }

    /// Opens the form for a new code under `parent`.
    pub fn new_code(&mut self, book: &Codebook, parent: Option<CodeId>, name: String, apply_after: bool) {
        let Rgb(r, g, b) = next_code_colour(book);
        let color = [r, g, b];
        self.form = Some(CodeForm::new(None, parent, name, color, CodeDescription::default(), 0, apply_after));
    }

    /// Draws the panel's contents into `ui`; `has_selection` enables applying codes.
    /// `book` and `counts` are the project's, read once per change (see `Summary`).
    /// `project` is `None` while it is lent to a writer (`writing`): the tree is drawn from
    /// `book`, and the delete question waits.
    pub fn show(&mut self, ui: &mut egui::Ui, project: Option<&Project>, book: &Codebook, counts: &HashMap<CodeId, usize>, has_selection: bool) -> Vec<CodebookRequest> {
        let mut out = Vec::new();
        // The panel's title row (with its fold button) is drawn by `side_panels`; these wrap
        // onto a second row when the panel is narrow.
        ui.horizontal_wrapped(|ui| {
            if ui.small_button(t!("codebook-new-code")).on_hover_text(t!("codebook-new-code.tooltip")).clicked() {
                self.new_code(book, None, String::new(), false);
            }
            if ui.add_enabled(has_selection, egui::Button::new(t!("codebook-in-vivo")).small()).on_hover_text(t!("codebook-in-vivo.tooltip")).clicked() {
                out.push(CodebookRequest::InVivo);
            }
            let from_selection = egui::Button::new(t!("codebook-code-as-new")).small();
            if ui.add_enabled(has_selection, from_selection).on_hover_text(t!("codebook-code-as-new.tooltip")).clicked() {
                self.new_code(book, None, String::new(), true);
            }
        });
        let label = ui.label(t!("codebook-filter"));
        ui.add(egui::TextEdit::singleline(&mut self.filter).hint_text(t!("codebook-filter-hint")).desired_width(f32::INFINITY)).labelled_by(label.id);
        let visible = book.matching(&self.filter);
        for (depth, code) in book.walk() {
            if !visible.contains(&code.id) {
                continue;
            }
            self.row(ui, book, counts, depth, code, has_selection, &mut out);
        }
        self.form_window(ui.ctx(), book, &mut out);
        if let Some(project) = project {
            self.delete_window(ui.ctx(), project, book, &mut out);
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn row(
        &mut self,
        ui: &mut egui::Ui,
        book: &Codebook,
        counts: &HashMap<CodeId, usize>,
        depth: usize,
        code: &Code,
        has_selection: bool,
        out: &mut Vec<CodebookRequest>,
    ) {
        let total: usize = book.subtree(code.id).iter().filter_map(|id| counts.get(id)).sum();
        let quick = self.quick_key(code.id);
        let selected = self.selected.contains(&code.id);
        ui.horizontal(|ui| {
            ui.add_space(depth as f32 * 14.0);
            let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, parse_color(&code.color));
            let text = if selected { RichText::new(&code.name).strong() } else { RichText::new(&code.name) };
            let button = egui::Button::selectable(selected, text).frame_when_inactive(false).sense(egui::Sense::click_and_drag());
            // The name gives way (cut with "…") to the count and marks after it in a narrow panel.
            let count_width = ui.fonts_mut(|f| f.layout_no_wrap(total.to_string(), egui::TextStyle::Body.resolve(ui.style()), Color32::WHITE).size().x);
            let marks = if quick.is_some() { 24.0 } else { 0.0 } + if self.memo_codes.contains(&code.id) { 20.0 } else { 0.0 };
            let name_width = (ui.available_width() - count_width - marks - 2.0 * ui.spacing().item_spacing.x).max(40.0);
            let response = ui.scope(|ui| {
                ui.set_max_width(name_width);
                ui.add(button)
            }).inner;
            // Drag a code onto the selected text to apply it, or onto another code to move it there.
            response.dnd_set_drag_payload(code.id);
            // The upper or lower edge of a row places the code before or after it; the middle,
            // under it.
            let zone = |ui: &egui::Ui| match ui.input(|i| i.pointer.interact_pos()) {
                Some(p) if p.y < response.rect.top() + response.rect.height() * 0.3 => Drop::Before,
                Some(p) if p.y > response.rect.bottom() - response.rect.height() * 0.3 => Drop::After,
                _ => Drop::Under,
            };
            if let Some(dragged) = response.dnd_hover_payload::<CodeId>()
                && *dragged != code.id
            {
                let stroke = ui.visuals().selection.stroke;
                let r = response.rect;
                match zone(ui) {
                    Drop::Before => ui.painter().hline(r.x_range(), r.top(), stroke),
                    Drop::After => ui.painter().hline(r.x_range(), r.bottom(), stroke),
                    Drop::Under => ui.painter().rect_stroke(r, 2.0, stroke, egui::StrokeKind::Outside),
                };
            }
            if let Some(dragged) = response.dnd_release_payload::<CodeId>() {
                let action = match zone(ui) {
                    Drop::Under => Action::reparent_code(book, *dragged, Some(code.id)),
                    side => Action::place_code_beside(book, *dragged, code.id, side == Drop::After),
                };
                out.extend(action.map(CodebookRequest::Perform));
            }
            let response = response.on_hover_text(describe(book, code, self.quick_key(code.id)));
            // A click browses, whatever is selected in the text: coding takes a gesture of its own,
            // so that a passage left selected (after a jump or coding) is never coded by accident.
            if response.clicked() {
                let add = ui.input(|i| i.modifiers.command);
                out.push(CodebookRequest::Select { code: code.id, add });
            }
            crate::accessibility::context_menu(&response, |ui| self.menu(ui, book, code, has_selection, out));
            ui.weak(total.to_string());
            if self.memo_codes.contains(&code.id) {
                super::memos::memo_mark(ui, t!("codebook-has-memo"));
            }
            if let Some(k) = quick {
                ui.label(RichText::new(format!("[{}]", k + 1)).small().color(Color32::GRAY));
            }
        });
    }

    fn menu(&mut self, ui: &mut egui::Ui, book: &Codebook, code: &Code, has_selection: bool, out: &mut Vec<CodebookRequest>) {
        if ui.add_enabled(has_selection, egui::Button::new(t!("codebook-apply"))).clicked() {
            out.push(CodebookRequest::Apply(code.id));
            ui.close();
        }
        if ui.button(t!("codebook-new-subcode")).clicked() {
            self.new_code(book, Some(code.id), String::new(), false);
            ui.close();
        }
        if ui.add_enabled(has_selection, egui::Button::new(t!("codebook-code-new-subcode"))).clicked() {
            self.new_code(book, Some(code.id), String::new(), true);
            ui.close();
        }
        if ui.button(t!("codebook-edit")).clicked() {
            self.form = Some(CodeForm::new(
                Some(code.id),
                code.parent_id,
                code.name.clone(),
                picker_rgb(&code.color),
                code.description.clone(),
                code.sort_order,
                false,
            ));
            ui.close();
        }
        if ui.button(t!("codebook-memo")).clicked() {
            out.push(CodebookRequest::Memo(code.id));
            ui.close();
        }
        ui.menu_button(t!("codebook-move-under"), |ui| {
            egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
                if ui.button(t!("codebook-top-level")).clicked() {
                    out.extend(Action::reparent_code(book, code.id, None).map(CodebookRequest::Perform));
                    ui.close();
                }
                for (_, other) in book.walk() {
                    if !book.can_move_under(code.id, Some(other.id)) {
                        continue;
                    }
                    if ui.button(book.path(other.id).unwrap_or_default()).clicked() {
                        out.extend(Action::reparent_code(book, code.id, Some(other.id)).map(CodebookRequest::Perform));
                        ui.close();
                    }
                }
            });
        });
        if ui.button(t!("codebook-move-up")).clicked() {
            out.extend(Action::swap_code_with_sibling(book, code.id, -1).map(CodebookRequest::Perform));
            ui.close();
        }
        if ui.button(t!("codebook-move-down")).clicked() {
            out.extend(Action::swap_code_with_sibling(book, code.id, 1).map(CodebookRequest::Perform));
            ui.close();
        }
        ui.menu_button(t!("codebook-quick-key"), |ui| {
            for k in 0..9 {
                if ui.button(format!("{}", k + 1)).clicked() {
                    self.quick.iter_mut().filter(|q| **q == Some(code.id)).for_each(|q| *q = None);
                    self.quick[k] = Some(code.id);
                    ui.close();
                }
            }
        });
        ui.menu_button(t!("codebook-merge-into"), |ui| {
            egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
                for (_, other) in book.walk() {
                    if book.is_within(other.id, code.id) {
                        continue;
                    }
                    if ui.button(book.path(other.id).unwrap_or_default()).clicked() {
                        out.push(CodebookRequest::Merge { from: code.id, into: other.id });
                        ui.close();
                    }
                }
            });
        });
        if ui.button(t!("history-of-code")).on_hover_text(t!("history-of-code.tooltip")).clicked() {
            out.push(CodebookRequest::History(code.id));
            ui.close();
        }
        ui.separator();
        if ui.button(t!("codebook-delete")).clicked() {
            self.confirm_delete = Some(code.id);
            ui.close();
        }
    }

    /// The new-code / edit-code form: name (focused; Enter creates), parent, colour with a hex
    /// field, and the description; Escape or Cancel closes it.
    fn form_window(&mut self, ctx: &egui::Context, book: &Codebook, out: &mut Vec<CodebookRequest>) {
        let Some(form) = &mut self.form else { return };
        let mut open = true;
        let mut submit = false;
        let mut cancel = ctx.input(|i| i.key_pressed(egui::Key::Escape));
        let title = match (form.id, form.apply_after) {
            (Some(_), _) => t!("codebook-form-edit-title"),
            (None, true) => t!("codebook-form-new-for-selection-title"),
            (None, false) => t!("codebook-form-new-title"),
        };
        crate::window_fit::fit_dialog(egui::Window::new(title).open(&mut open).collapsible(false), ctx).show(ctx, |ui| {
            egui::Grid::new("code_form").num_columns(2).spacing([10.0, 6.0]).show(ui, |ui| {
                let l = ui.label(t!("codebook-form-name"));
                let name = ui.add(egui::TextEdit::singleline(&mut form.name).desired_width(260.0)).labelled_by(l.id);
                if std::mem::take(&mut form.focus_name) {
                    name.request_focus();
                }
                submit |= name.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.end_row();
                parent_row(ui, book, form);
                colour_row(ui, form);
                for (label, text) in [
                    (t!("codebook-form-definition"), &mut form.description.definition),
                    (t!("codebook-form-use-when"), &mut form.description.use_when),
                    (t!("codebook-form-do-not-use-when"), &mut form.description.do_not_use_when),
                    (t!("codebook-form-example"), &mut form.description.example),
                ] {
                    let l = ui.label(label);
                    ui.add(egui::TextEdit::multiline(text).desired_rows(2).desired_width(260.0)).labelled_by(l.id);
                    ui.end_row();
                }
            });
            ui.horizontal(|ui| {
                let ok = !form.name.trim().is_empty();
                submit |= ui.add_enabled(ok, egui::Button::new(if form.id.is_some() { t!("codebook-form-save") } else { t!("codebook-form-create") })).clicked();
                cancel |= ui.button(t!("codebook-cancel")).clicked();
            });
        });
        if submit && !form.name.trim().is_empty() {
            out.push(form_request(book, form));
            cancel = true;
        }
        if cancel || !open {
            self.form = None;
        }
    }

    fn delete_window(&mut self, ctx: &egui::Context, project: &Project, book: &Codebook, out: &mut Vec<CodebookRequest>) {
        let Some(id) = self.confirm_delete else { return };
        let Some(code) = book.get(id) else {
            self.confirm_delete = None;
            return;
        };
        let (subcodes, codings) = project.code_deletion_summary(id).unwrap_or_default();
        let mut close = false;
        crate::window_fit::fit_dialog(egui::Window::new(t!("codebook-delete-title")).collapsible(false), ctx).show(ctx, |ui| {
            ui.label(t!("codebook-delete-question", name = book.path(id).unwrap_or(&code.name)));
            ui.label(t!("codebook-delete-also", subcodes = subcodes, codings = codings));
            ui.horizontal(|ui| {
                if ui.button(t!("codebook-delete-confirm")).clicked() {
                    out.push(CodebookRequest::Perform(Action::Remove(thicket_core::action::EntitySet { codes: vec![id], ..Default::default() })));
                    close = true;
                }
                if ui.button(t!("codebook-cancel")).clicked() {
                    close = true;
                }
            });
        });
        if close {
            self.confirm_delete = None;
        }
    }
}

/// "Under": the top level or any code the form's code may go under (not itself or its sub-codes).
fn parent_row(ui: &mut egui::Ui, book: &Codebook, form: &mut CodeForm) {
    let l = ui.label(t!("codebook-form-under"));
    let shown = form.parent.and_then(|p| book.path(p)).unwrap_or(t!("codebook-top-level"));
    egui::ComboBox::from_id_salt("code_form_parent")
        .selected_text(shown)
        .width(260.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut form.parent, None, t!("codebook-top-level"));
            for (_, code) in book.walk() {
                if form.id.is_none_or(|id| book.can_move_under(id, Some(code.id))) {
                    ui.selectable_value(&mut form.parent, Some(code.id), book.path(code.id).unwrap_or_default());
                }
            }
        })
        .response
        .labelled_by(l.id);
    ui.end_row();
}

/// The colour picker and a hex field beside it, kept in step.
fn colour_row(ui: &mut egui::Ui, form: &mut CodeForm) {
    let l = ui.label(t!("codebook-form-colour"));
    ui.horizontal(|ui| {
        if ui.color_edit_button_srgb(&mut form.color).labelled_by(l.id).changed() {
            form.hex = picker_hex(form.color);
        }
        let hex_label = ui.label(t!("codebook-form-hex"));
        let field = ui.add(egui::TextEdit::singleline(&mut form.hex).desired_width(80.0).char_limit(7)).labelled_by(hex_label.id);
        if field.changed()
            && let Some(Rgb(r, g, b)) = Rgb::parse(&form.hex)
        {
            form.color = [r, g, b];
        }
    });
    ui.end_row();
}

/// What submitting the form asks: create (and maybe apply) or update; an edited code moved to
/// another parent goes last among its new siblings.
fn form_request(book: &Codebook, form: &CodeForm) -> CodebookRequest {
    let name = form.name.trim().to_string();
    let color = picker_hex(form.color);
    let description = form.description.clone();
    match form.id {
        Some(id) => {
            let sort_order = book.reparent(id, form.parent).map_or(form.sort_order, |p| p.sort_order);
            CodebookRequest::Perform(Action::UpdateCode { id, parent: form.parent, name, color, description, sort_order })
        }
        None if form.apply_after => CodebookRequest::CreateAndApply { parent: form.parent, name, color, description },
        None => CodebookRequest::Perform(Action::CreateCode { parent: form.parent, name, color, description }),
    }
}

/// The hover text: path, definition and how to use the code (`quick`: its quick key, 1–9).
fn describe(book: &Codebook, code: &Code, quick: Option<usize>) -> String {
    let mut s = book.path(code.id).unwrap_or(&code.name).to_string();
    let d = &code.description;
    if !d.definition.is_empty() {
        s.push('\n');
        s.push_str(&d.definition);
    }
    for (k, text) in [&d.use_when, &d.do_not_use_when, &d.example].into_iter().enumerate() {
        if !text.is_empty() {
            s.push('\n');
            s.push_str(&match k {
                0 => t!("codebook-hint-use-when", text = text),
                1 => t!("codebook-hint-not-when", text = text),
                _ => t!("codebook-hint-example", text = text),
            });
        }
    }
    s.push_str("\n\n");
    s.push_str(&match quick {
        Some(k) => t!("codebook-hint-how-key", key = k + 1),
        None => t!("codebook-hint-how").to_string(),
    });
    s
}

/// Where a code dropped on a row goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Drop {
    Before,
    After,
    Under,
}
