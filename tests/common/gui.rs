//! Shared set-up for the GUI tests: the real window on a fresh copy of the sample study, and the
//! few ways tests find their way around the open document.

use std::path::{Path, PathBuf};

use egui::Pos2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use thicket_core::text::TextIndex;
use thicket_gui::{Prefs, Startup, ThicketApp, UiCommand};

/// The window (1400 × 1000) on a fresh sample study written to `dir/sample.thicket`.
pub fn sample_harness(dir: &Path) -> Harness<'static, ThicketApp> {
    sample_harness_sized(dir, egui::vec2(1400.0, 1000.0))
}

/// The same, in a window of `size`.
pub fn sample_harness_sized(dir: &Path, size: egui::Vec2) -> Harness<'static, ThicketApp> {
    let path = dir.join("sample.thicket");
    thicket_core::sample::write_sample(&path).unwrap().close().unwrap();
    harness_on(&path, size)
}

/// The window on the project at `path`, without user preferences.
pub fn harness_on(path: &Path, size: egui::Vec2) -> Harness<'static, ThicketApp> {
    harness_with(Startup::Open(path.to_path_buf()), size, None)
}

/// The window as `startup` asks, in a window of `size`, with the preferences file `prefs` (none:
/// no preferences are read or written), after its first frame. Where the preferences name no
/// coder, the coder is `default_coder()`, as if the user had confirmed the name the window
/// proposes on first start (see `fresh_harness` for that question itself).
pub fn harness_with(startup: Startup, size: egui::Vec2, prefs: Option<PathBuf>) -> Harness<'static, ThicketApp> {
    build(startup, size, 1.0, prefs, true)
}

/// As [`harness_with`], at `zoom` pixels per point (a 1280×800 screen at 200% is 640×400 points at 2).
pub fn zoomed_harness(startup: Startup, size: egui::Vec2, zoom: f32, prefs: Option<PathBuf>) -> Harness<'static, ThicketApp> {
    build(startup, size, zoom, prefs, true)
}

/// The window as a first start sees it: the preferences in `prefs` (none: empty) as they are,
/// so without a coder's name the window asks who is coding.
pub fn fresh_harness(startup: Startup, size: egui::Vec2, prefs: Option<PathBuf>) -> Harness<'static, ThicketApp> {
    build(startup, size, 1.0, prefs, false)
}

fn build(startup: Startup, size: egui::Vec2, zoom: f32, prefs_path: Option<PathBuf>, with_coder: bool) -> Harness<'static, ThicketApp> {
    // A dialog whose grid fills in from a background read (the import review) may take six frames
    // to settle, depending on when the read lands; egui_kittest's default of 4 made that flaky.
    let mut harness = Harness::builder().with_size(size).with_pixels_per_point(zoom).with_max_steps(8).build_eframe(move |cc| {
        let mut prefs = Prefs::load(prefs_path.as_deref());
        // The tests read English labels, whatever the machine's locale.
        if prefs.language.is_none() {
            prefs.language = Some(thicket_gui::i18n::Lang::En);
        }
        // Automatic backups write a folder beside the project on every open: only tests that
        // give a preferences file (where they are on unless the file turns them off) take them.
        if prefs_path.is_none() {
            prefs.backups.automatic = false;
        }
        if with_coder && prefs.coder.is_none() {
            prefs.coder = Some(thicket_core::project::default_coder());
        }
        ThicketApp::with_prefs(cc, startup.clone(), prefs, prefs_path.clone())
    });
    // Analyses run on the calling thread, so that the frames a test runs see their results
    // (tests of the running state turn this off and hold the workers).
    harness.state().jobs().run_inline(true);
    harness.run();
    harness
}

/// Drags the primary button from `from` to `to` as a hand does: press, a few frames on the way
/// through the midpoint, release.
pub fn drag(harness: &mut Harness<'static, ThicketApp>, from: Pos2, to: Pos2) {
    harness.hover_at(from);
    harness.drag_at(from);
    harness.run_steps(2);
    harness.hover_at(Pos2::new((from.x + to.x) / 2.0, (from.y + to.y) / 2.0));
    harness.run_steps(2);
    harness.hover_at(to);
    harness.run_steps(2);
    harness.drop_at(to);
    harness.run();
}

/// Opens the source named `name` in the document view.
pub fn open_source(harness: &mut Harness<'static, ThicketApp>, name: &str) {
    let id = harness.state().project().unwrap().source_named(name).unwrap().id;
    harness.state_mut().push_command(UiCommand::SelectSource(id));
    harness.run();
}

/// Paragraph ranges (chars) of the open document.
pub fn paragraphs(harness: &Harness<'static, ThicketApp>) -> Vec<std::ops::Range<usize>> {
    TextIndex::new(harness.state().document().unwrap().text()).paragraphs().to_vec()
}

/// A point just inside the left edge of char `ch` of the open document, on screen.
pub fn point_at(harness: &Harness<'static, ThicketApp>, ch: usize) -> Pos2 {
    let rect = harness.state().document().unwrap().char_screen_rect(ch).expect("char on screen");
    Pos2::new(rect.left() + 1.0, rect.center().y)
}

/// Codes the document's selection with the code at `path` the explicit way a reader does:
/// right-click on char `ch` (inside the selection), then "Code selection with…" and the code.
pub fn code_selection_with(harness: &mut Harness<'static, ThicketApp>, ch: usize, path: &str) {
    use egui::{Event, Modifiers, PointerButton};
    let pos = point_at(harness, ch);
    harness.hover_at(pos);
    harness.event_modifiers(Event::PointerButton { pos, button: PointerButton::Secondary, pressed: true, modifiers: Modifiers::NONE }, Modifiers::NONE);
    harness.event_modifiers(Event::PointerButton { pos, button: PointerButton::Secondary, pressed: false, modifiers: Modifiers::NONE }, Modifiers::NONE);
    harness.run();
    harness.get_by_label("Code selection with…").click();
    harness.run();
    harness.get_by_label(path).click();
    harness.run();
}

/// Chooses `item` in the menu bar's `menu` (items with a shortcut carry its text in their label
/// too, so the item is found by the start of its label).
pub fn menu(harness: &mut Harness<'static, ThicketApp>, menu: &str, item: &str) {
    harness.get_by_label(menu).click();
    harness.run();
    harness.get_by_label_contains(item).click();
    harness.run();
}

/// Steps the app until `done` holds (the import dialog reads files on a background thread).
pub fn step_until(harness: &mut Harness<'static, ThicketApp>, done: impl Fn(&ThicketApp) -> bool) {
    for _ in 0..500 {
        harness.step();
        if done(harness.state()) {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("timed out waiting for the app");
}

/// Replaces the text of the field labelled `label` with `text`, as a user would: focus it, select
/// all, type.
pub fn replace_text(harness: &mut Harness<'static, ThicketApp>, label: &str, text: &str) {
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, label).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, label).type_text(text);
    harness.run();
}
