//! Automatic backups in the window and the history of one source or code (issue #15 §4, §6): a
//! snapshot when the project opens, then one after each interval of work (none while nothing is
//! written), in the folder beside the project or one picked in File → Backup settings…; a failed
//! backup is said once and work goes on. The interval is not waited for: the test moves the last
//! snapshot back (`pretend_backup_minutes_passed`).
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use thicket_core::Action;
use thicket_gui::{Prefs, Startup, ThicketApp, UiCommand};

mod common;
use common::gui::{code_selection_with, drag, harness_with, menu, paragraphs, point_at, sample_harness, step_until, replace_text};

const SIZE: egui::Vec2 = egui::vec2(1400.0, 1000.0);

/// A sample study at `dir/sample.thicket` and a preferences file beside it (as `edit` sets them).
fn setup(dir: &Path, edit: impl FnOnce(&mut Prefs, &Path)) -> (PathBuf, PathBuf) {
    let path = dir.join("sample.thicket");
    thicket_core::sample::write_sample(&path).unwrap().close().unwrap();
    let prefs_path = dir.join("prefs.json");
    let mut prefs = Prefs::default();
    edit(&mut prefs, &path);
    prefs.save(Some(&prefs_path));
    (path, prefs_path)
}

/// The window on `path`, once the soundness check and the snapshot on open (which may have
/// started on workers before the test made jobs run inline) are over.
fn open(path: &Path, prefs: &Path) -> Harness<'static, ThicketApp> {
    let mut harness = harness_with(Startup::Open(path.to_path_buf()), SIZE, Some(prefs.to_path_buf()));
    settle(&mut harness);
    harness
}

fn settle(harness: &mut Harness<'static, ThicketApp>) {
    step_until(harness, |app| !app.checking() && !app.autobackup().is_running());
}

/// The snapshots in `folder` (names), oldest first.
fn snapshots(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = match std::fs::read_dir(folder) {
        Ok(entries) => entries.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    names
}

/// A change made in the window, as the codebook's "New code" does it.
fn change(harness: &mut Harness<'static, ThicketApp>, name: &str) {
    let action = Action::CreateCode { parent: None, name: name.into(), color: "#336699".into(), description: Default::default() };
    harness.state_mut().push_command(UiCommand::Perform(action));
    harness.run();
}

#[test]
fn a_snapshot_is_taken_when_the_project_opens_and_shown_in_the_status_bar_and_the_restore_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let (path, prefs) = setup(dir.path(), |_, _| {});
    let mut harness = open(&path, &prefs);
    let folder = dir.path().join("sample.thicket-backups");
    let taken = snapshots(&folder);
    assert_eq!(taken.len(), 1, "{taken:?}");
    assert!(taken[0].starts_with("sample-") && taken[0].ends_with(".thicket"), "{taken:?}");
    // The snapshot is a whole project.
    let copy = thicket_core::project::Project::open_for_reading(&folder.join(&taken[0])).unwrap();
    assert_eq!(copy.sources().unwrap().len(), harness.state().project().unwrap().sources().unwrap().len());
    drop(copy);
    let last = harness.state().autobackup().last().unwrap().clone();
    assert_eq!(last.path, folder.join(&taken[0]));
    harness.get_by_label_contains("Backed up ");
    // The restore dialog lists the folder used, and the snapshot.
    menu(&mut harness, "File", "Restore from a backup…");
    harness.get_by_label(&format!("Snapshots in {}", folder.display()));
    harness.get_by_label_contains(&format!("{} sources, {} codes", last.sources, last.codes));
}

#[test]
fn nothing_is_made_while_nothing_is_written_and_one_is_made_after_an_interval_of_work() {
    let dir = tempfile::tempdir().unwrap();
    let (path, prefs) = setup(dir.path(), |p, _| {
        p.backups.every_minutes = 10;
        p.backups.keep = 2;
    });
    let mut harness = open(&path, &prefs);
    let folder = dir.path().join("sample.thicket-backups");
    assert_eq!(snapshots(&folder).len(), 1, "on open");
    // An hour without a change: no snapshot.
    harness.state_mut().pretend_backup_minutes_passed(60);
    harness.run();
    assert_eq!(snapshots(&folder).len(), 1, "an idle window writes nothing");
    // A change, an hour after the last snapshot: one is due at once.
    change(&mut harness, "Trust");
    harness.run();
    assert_eq!(snapshots(&folder).len(), 2, "written, and more than ten minutes since the last");
    let second = harness.state().autobackup().last().unwrap().clone();
    assert_eq!(second.codes, harness.state().project().unwrap().codebook().unwrap().len(), "it holds the change");
    // Another change: nine minutes are not enough, ten are.
    change(&mut harness, "Distrust");
    harness.state_mut().pretend_backup_minutes_passed(9);
    harness.run();
    assert_eq!(snapshots(&folder).len(), 2);
    harness.state_mut().pretend_backup_minutes_passed(1);
    harness.run();
    // Three taken, two kept (the setting), the newest holding both new codes.
    let kept = snapshots(&folder);
    assert_eq!(kept.len(), 2, "{kept:?}");
    let third = harness.state().autobackup().last().unwrap().clone();
    assert_eq!(third.codes, second.codes + 1);
    assert!(kept.iter().any(|k| third.path.ends_with(k)));
    // Nothing more written: nothing more made, however long.
    harness.state_mut().pretend_backup_minutes_passed(600);
    harness.run();
    assert_eq!(harness.state().autobackup().last().unwrap().path, third.path);
}


#[test]
fn a_folder_picked_in_the_settings_is_used_at_once_remembered_and_listed() {
    let dir = tempfile::tempdir().unwrap();
    let (path, prefs) = setup(dir.path(), |_, _| {});
    let elsewhere = dir.path().join("usb stick");
    std::fs::create_dir(&elsewhere).unwrap();
    let mut harness = open(&path, &prefs);
    assert_eq!(snapshots(&dir.path().join("sample.thicket-backups")).len(), 1);
    menu(&mut harness, "File", "Backup settings…");
    harness.get_by_label(&format!("Backups of this project go into {}", dir.path().join("sample.thicket-backups").display()));
    harness.get_by_label("Choose a folder…").click();
    harness.run();
    // Thicket's own folder browser (no system dialog here), as for every other folder.
    replace_text(&mut harness, "Location", &elsewhere.display().to_string());
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label("Keep backups here").click();
    harness.run();
    assert_eq!(harness.state().backup_folder().unwrap(), elsewhere);
    // A snapshot goes into the new folder at once.
    assert_eq!(snapshots(&elsewhere).len(), 1, "{:?}", snapshots(&elsewhere));
    harness.get_by_label(&format!("Backups of this project go into {}", elsewhere.display()));
    // Remembered for this project: the next window uses it, and the restore dialog lists it.
    drop(harness);
    let saved = Prefs::load(Some(&prefs));
    assert_eq!(saved.backups.folders.values().collect::<Vec<_>>(), [&elsewhere]);
    let mut harness = open(&path, &prefs);
    assert_eq!(snapshots(&elsewhere).len(), 2, "the snapshot on open went there too");
    assert_eq!(snapshots(&dir.path().join("sample.thicket-backups")).len(), 1);
    menu(&mut harness, "File", "Restore from a backup…");
    harness.get_by_label(&format!("Snapshots in {}", elsewhere.display()));
    assert_eq!(harness.query_all_by_label_contains(" sources, ").count(), 2);
}

#[test]
fn the_settings_turn_automatic_backups_off_and_remember_it() {
    let dir = tempfile::tempdir().unwrap();
    let (path, prefs) = setup(dir.path(), |_, _| {});
    let mut harness = open(&path, &prefs);
    menu(&mut harness, "File", "Backup settings…");
    harness.get_by_label("Back up automatically while I work").click();
    harness.run();
    assert!(!Prefs::load(Some(&prefs)).backups.automatic);
    change(&mut harness, "Trust");
    harness.state_mut().pretend_backup_minutes_passed(60);
    harness.run();
    let folder = dir.path().join("sample.thicket-backups");
    assert_eq!(snapshots(&folder).len(), 1, "only the one taken on open");
    // "Back up now" still takes one.
    harness.get_by_label("Back up now").click();
    harness.run();
    harness.run();
    assert_eq!(snapshots(&folder).len(), 2);
    drop(harness);
    let _harness = open(&path, &prefs);
    assert_eq!(snapshots(&folder).len(), 2, "off: none on open either");
}

#[test]
fn a_failed_backup_is_said_once_naming_the_folder_and_work_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    // A folder that cannot be made: its parent is a file (as a full or read-only disk, it fails).
    let blocker = dir.path().join("not a folder");
    std::fs::write(&blocker, b"x").unwrap();
    let bad = blocker.join("backups");
    let (path, prefs) = setup(dir.path(), |p, path| {
        p.backups.folders.insert(path.canonicalize().unwrap(), bad.clone());
    });
    let mut harness = open(&path, &prefs);
    let said = |h: &Harness<'static, ThicketApp>| h.state().errors().iter().filter(|e| e.contains("failed")).cloned().collect::<Vec<_>>();
    let first = said(&harness);
    assert_eq!(first.len(), 1, "{:?}", harness.state().errors());
    assert!(first[0].contains(&bad.display().to_string()), "names the folder: {}", first[0]);
    assert!(first[0].contains("sample.thicket"), "{}", first[0]);
    harness.get_by_label(&first[0]);
    // Work goes on, and the next failure (same folder, same reason) is not said again.
    change(&mut harness, "Trust");
    assert!(harness.state().project().unwrap().code_at("Trust").is_ok());
    harness.state_mut().pretend_backup_minutes_passed(10);
    harness.run();
    assert!(!harness.state().autobackup().is_running());
    assert_eq!(said(&harness).len(), 1, "said once");
    assert!(harness.state().autobackup().last().is_none());
    // The settings say it too.
    menu(&mut harness, "File", "Backup settings…");
    assert!(harness.query_all_by_label(&first[0]).count() >= 2, "in the banner and in the settings");
}

#[test]
fn a_project_found_damaged_is_not_backed_up() {
    let dir = tempfile::tempdir().unwrap();
    let (path, prefs) = setup(dir.path(), |_, _| {});
    // 16 bytes of a transcript flipped: the header and the pages are intact, so the project opens
    // for writing; the full check (run before any snapshot) finds the text no longer matches.
    let mut data = std::fs::read(&path).unwrap();
    let needle = b"For me it was the first time somebody listened";
    let at = data.windows(needle.len()).position(|w| w == needle).unwrap();
    for b in &mut data[at + 10..at + 26] {
        *b ^= 0xFF;
    }
    std::fs::write(&path, &data).unwrap();
    let mut harness = open(&path, &prefs);
    harness.run();
    assert!(matches!(harness.state().project().unwrap().access(), thicket_core::store::Access::Damaged { .. }));
    assert!(!dir.path().join("sample.thicket-backups").exists(), "a snapshot would only keep the damage");
    assert!(harness.state().autobackup().last().is_none());
    // Nor when asked: the settings say why.
    menu(&mut harness, "File", "Backup settings…");
    harness.get_by_label("This project is open read-only, so it is not backed up.");
    assert!(harness.get_by_label("Back up now").accesskit_node().is_disabled());
}

/// The History window lists exactly what touched the code: the count the project gives for it.
fn expect_history_of(harness: &Harness<'static, ThicketApp>, kind: thicket_core::model::AuditEntityKind, id: i64, name: &str) {
    let filter = thicket_core::model::AuditFilter { entity: Some((kind, id)), ..Default::default() };
    let project = harness.state().project().unwrap();
    let n = project.audit_count(&filter).unwrap();
    let all = project.audit_count(&Default::default()).unwrap();
    assert!(n >= 1 && n < all, "{n} of {all}");
    harness.get_by_label(&format!("History of “{name}”"));
    harness.get_by_label(&format!("{n} change{}, newest first", if n == 1 { "" } else { "s" }));
}

#[test]
fn a_codes_history_from_its_context_menu_lists_its_actions() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let p = paragraphs(&harness);
    let (from, to) = (p[1].start, p[1].start + 12);
    let (a, b) = (point_at(&harness, from), point_at(&harness, to));
    drag(&mut harness, a, b);
    code_selection_with(&mut harness, from + 3, "Ruptures/Withdrawal");
    harness.get_by_label("Withdrawal").click_secondary();
    harness.run();
    harness.get_by_label("History…").click();
    harness.run();
    let id = harness.state().project().unwrap().code_at("Ruptures/Withdrawal").unwrap();
    expect_history_of(&harness, thicket_core::model::AuditEntityKind::Code, id.0, "Ruptures/Withdrawal");
    // Newest first: the coding just made, by the window's coder, naming the code.
    let coder = harness.state().coder().to_string();
    harness.get_by_label_contains(&format!("{coder}  ·  Apply code"));
    // Another code's creation is not listed; this code's is.
    assert_eq!(harness.query_all_by_label_contains("Create code").count(), 1);
}

#[test]
fn a_sources_history_opens_from_the_keyboard_with_shift_f10() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let source = "Harlow – observation 1 (home visit)";
    harness.get_by_label(source).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::SHIFT, Key::F10);
    harness.run();
    harness.get_by_label("History…").click();
    harness.run();
    let id = harness.state().project().unwrap().source_named(source).unwrap().id;
    expect_history_of(&harness, thicket_core::model::AuditEntityKind::Source, id.0, source);
}

#[test]
fn a_codes_menu_opens_from_the_keyboard_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    harness.get_by_label("Withdrawal").focus();
    harness.run();
    harness.key_press(Key::Menu);
    harness.run();
    harness.get_by_label("History…").click();
    harness.run();
    harness.get_by_label("History of “Ruptures/Withdrawal”");
}

#[test]
fn the_backup_settings_and_the_status_line_fit_a_laptop_in_spanish_and_dutch() {
    use egui::accesskit::Role;
    use thicket_gui::i18n::Lang;
    for (lang, file, item, status) in [
        (Lang::Es, "Archivo", "Configuración de copias de seguridad…", "Respaldo: "),
        (Lang::Nl, "Bestand", "Instellingen voor reservekopieën…", "Reservekopie: "),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let (path, prefs) = setup(dir.path(), |p, _| p.language = Some(lang));
        let mut harness = harness_with(Startup::Open(path), egui::vec2(1024.0, 700.0), Some(prefs));
        settle(&mut harness);
        harness.get_by_label_contains(status);
        menu(&mut harness, file, item);
        let screen = harness.ctx.content_rect().expand(0.5);
        let mut seen = 0;
        for role in [Role::Button, Role::CheckBox, Role::RadioButton, Role::SpinButton] {
            for node in harness.query_all_by_role(role) {
                let rect = node.rect();
                if rect.center().y > screen.top() && rect.center().y < screen.bottom() {
                    let label = node.accesskit_node().label().unwrap_or_default();
                    assert!(rect.left() >= screen.left() && rect.right() <= screen.right(), "{lang:?}: {label:?} at {rect:?} runs past {screen:?}");
                    seen += 1;
                }
            }
        }
        assert!(seen > 5);
        // The settings window is wholly inside the window.
        let title = harness.get_by_label(item.trim_end_matches('…'));
        assert!(screen.contains_rect(title.rect()), "{lang:?}: {:?}", title.rect());
    }
}
