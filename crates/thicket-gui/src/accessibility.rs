//! Help for people who do not use a pointer or who need stronger contrast: the high-contrast
//! theme's visuals and the window listing the keyboard keys (View → Keyboard keys, the palette).
//!
//! In: the egui context. Out: visuals, and a window whose open state lives in egui's memory.

use egui::{Color32, Stroke, Visuals};

/// Black on white, strong outlines on every widget, a dark selection with white text: meets WCAG
/// AAA contrast (7:1) for text and 3:1 for outlines against the white background.
pub fn high_contrast_visuals() -> Visuals {
    let mut v = Visuals::light();
    let ink = Color32::BLACK;
    let blue = Color32::from_rgb(0x00, 0x33, 0x99);
    v.override_text_color = Some(ink);
    v.weak_text_color = Some(Color32::from_rgb(0x33, 0x33, 0x33));
    v.hyperlink_color = blue;
    v.panel_fill = Color32::WHITE;
    v.window_fill = Color32::WHITE;
    v.extreme_bg_color = Color32::WHITE;
    v.faint_bg_color = Color32::from_gray(0xF0);
    v.window_stroke = Stroke::new(2.0, ink);
    v.selection.bg_fill = blue;
    v.selection.stroke = Stroke::new(2.0, Color32::WHITE);
    for w in [&mut v.widgets.noninteractive, &mut v.widgets.inactive, &mut v.widgets.hovered, &mut v.widgets.active, &mut v.widgets.open] {
        w.fg_stroke = Stroke::new(w.fg_stroke.width.max(1.5), ink);
        w.bg_stroke = Stroke::new(w.bg_stroke.width.max(1.5), ink);
    }
    v.widgets.noninteractive.bg_stroke = Stroke::new(1.0, Color32::from_gray(0x55));
    v.widgets.inactive.bg_fill = Color32::WHITE;
    v.widgets.inactive.weak_bg_fill = Color32::WHITE;
    v.widgets.hovered.bg_stroke = Stroke::new(2.5, blue);
    v.widgets.active.bg_stroke = Stroke::new(3.0, blue);
    v
}

/// The sources list's filter field, which Ctrl+L (View → Go to sources) gives the keyboard.
pub fn sources_filter_id() -> egui::Id {
    egui::Id::unique("sources_filter")
}

/// `response.context_menu(add)`, also opened from the keyboard as the document's menu is:
/// Shift+F10 or the Menu key while the row has the keyboard focus (Tab moves it) opens the menu
/// below the row, where it stays until it closes.
pub fn context_menu(response: &egui::Response, add: impl FnOnce(&mut egui::Ui)) {
    use egui::{Key, Modifiers};
    let ctx = &response.ctx;
    let popup_id = egui::Popup::default_response_id(response);
    let at_id = popup_id.with("keyboard place");
    let keyed = response.has_focus() && ctx.input_mut(|i| i.consume_key(Modifiers::SHIFT, Key::F10) || i.consume_key(Modifiers::NONE, Key::Menu));
    if keyed {
        ctx.data_mut(|d| d.insert_temp(at_id, response.rect.left_bottom()));
    } else if response.secondary_clicked() {
        ctx.data_mut(|d| d.remove::<egui::Pos2>(at_id));
    }
    let mut popup = egui::Popup::context_menu(response);
    if let Some(at) = ctx.data(|d| d.get_temp::<egui::Pos2>(at_id)) {
        popup = popup.at_position(at);
        if keyed {
            popup = popup.open_memory(Some(egui::SetOpenCommand::Bool(true)));
        }
    }
    popup.show(add);
    if !egui::Popup::is_id_open(ctx, popup_id) {
        ctx.data_mut(|d| d.remove::<egui::Pos2>(at_id));
    }
}

fn open_id() -> egui::Id {
    egui::Id::unique("keyboard_keys_window")
}

/// Opens the keyboard keys window.
pub fn open_keys(ctx: &egui::Context) {
    ctx.data_mut(|d| d.insert_temp(open_id(), true));
}

/// The keys of the coding loop, as (keys, what they do).
fn keys() -> [(&'static str, &'static str); 15] {
    [
        ("Ctrl+L", t!("a11y-key-sources")),
        ("Left / Right", t!("a11y-key-caret")),
        ("Shift+Left / Shift+Right", t!("a11y-key-extend-char")),
        ("Ctrl+Left / Ctrl+Right", t!("a11y-key-word")),
        ("Ctrl+Shift+Left / Ctrl+Shift+Right", t!("a11y-key-extend-word")),
        ("Alt+S", t!("a11y-key-sentence")),
        ("Alt+P", t!("a11y-key-paragraph")),
        ("Ctrl+A", t!("a11y-key-all")),
        ("Escape", t!("a11y-key-escape")),
        (t!("a11y-key-typing"), t!("a11y-key-code-bar")),
        ("1 … 9", t!("a11y-key-quick")),
        ("F8 / Shift+F8", t!("a11y-key-next-coding")),
        ("Shift+F10, Menu", t!("a11y-key-menu")),
        ("Ctrl+F, F3 / Shift+F3", t!("a11y-key-find")),
        ("Ctrl+Shift+P", t!("a11y-key-palette")),
    ]
}

/// The keyboard keys window, while open.
pub fn keys_window(ctx: &egui::Context) {
    let mut open = ctx.data(|d| d.get_temp::<bool>(open_id())).unwrap_or(false);
    if !open {
        return;
    }
    egui::Window::new(t!("a11y-keys-title")).open(&mut open).resizable(true).default_width(560.0).show(ctx, |ui| {
        egui::ScrollArea::vertical().max_height(ctx.content_rect().height() * 0.7).show(ui, |ui| {
            egui::Grid::new("keyboard_keys_grid").striped(true).num_columns(2).show(ui, |ui| {
                for (keys, what) in keys() {
                    ui.label(egui::RichText::new(keys).strong());
                    ui.add(egui::Label::new(what).wrap());
                    ui.end_row();
                }
            });
        });
    });
    ctx.data_mut(|d| d.insert_temp(open_id(), open));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contrast(a: Color32, b: Color32) -> f64 {
        let l = |c: Color32| thicket_core::model::Rgb(c.r(), c.g(), c.b()).luminance();
        let (hi, lo) = (l(a).max(l(b)), l(a).min(l(b)));
        (hi + 0.05) / (lo + 0.05)
    }

    #[test]
    fn high_contrast_text_and_outlines_meet_wcag() {
        let v = high_contrast_visuals();
        assert!(contrast(v.text_color(), v.panel_fill) >= 7.0);
        assert!(contrast(v.weak_text_color(), v.panel_fill) >= 7.0);
        assert!(contrast(Color32::WHITE, v.selection.bg_fill) >= 7.0);
        for w in [&v.widgets.inactive, &v.widgets.hovered, &v.widgets.active] {
            assert!(contrast(w.bg_stroke.color, v.panel_fill) >= 3.0 && w.bg_stroke.width >= 1.5);
            assert!(contrast(w.text_color(), w.bg_fill) >= 7.0, "{:?} on {:?}", w.text_color(), w.bg_fill);
        }
        // The default light theme draws resting buttons without an outline: the theme adds one.
        assert!(Visuals::light().widgets.inactive.bg_stroke.width < 1.5);
    }
}
