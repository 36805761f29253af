//! The Team view (issue #13, parts 1 and 5), in the real window on the sample study (two coders,
//! Amara and Jonas): renaming and recolouring a coder shows in the document; hiding a coder takes
//! their codings out of the document and the segments; blind mode shows one coder only their own
//! codings and counts everywhere, codes as them, and is recorded; the view fits a laptop screen
//! and a zoomed one.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Color32, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use thicket_core::analysis::{Dimension, Measure, Scope, crosstab};
use thicket_core::model::{CoderId, TextSpan};
use thicket_core::project::SegmentFilter;
use thicket_gui::analysis::AnalysisKind;
use thicket_gui::{Startup, ThicketApp, UiCommand};

mod common;
use common::gui::{code_selection_with, menu, sample_harness, zoomed_harness};

fn coder_id(harness: &Harness<'static, ThicketApp>, name: &str) -> CoderId {
    harness.state().project().unwrap().coder_named(name).unwrap().id
}

fn open_team(harness: &mut Harness<'static, ThicketApp>) {
    menu(harness, "View", "Team…");
    harness.get_by_label("Team");
}

/// Selects a coder's row of the Team view.
fn select_coder(harness: &mut Harness<'static, ThicketApp>, name: &str) {
    // The row's name (the selected coder's name is also the heading of the edit fields below).
    harness.get_all_by_label(name).next().unwrap().click();
    harness.run();
}

/// The codings of the open source by these coders.
fn codings_in_view_by(harness: &Harness<'static, ThicketApp>, coders: &[&str]) -> usize {
    let project = harness.state().project().unwrap();
    let ids: Vec<CoderId> = coders.iter().map(|n| project.coder_named(n).unwrap().id).collect();
    let source = harness.state().document().unwrap().source.id;
    project.codings_in(source).unwrap().iter().filter(|c| ids.contains(&c.coder_id)).count()
}

/// Segments of Ruptures/Withdrawal by these coders (none: everyone).
fn withdrawal_segments(harness: &Harness<'static, ThicketApp>, coders: &[&str]) -> usize {
    let filter = SegmentFilter { codes: vec!["Ruptures/Withdrawal".into()], coders: coders.iter().map(|c| c.to_string()).collect(), ..Default::default() };
    harness.state().project().unwrap().segments(&filter).unwrap().len()
}

#[test]
fn a_renamed_and_recoloured_coder_shows_so_in_the_documents_stripes_and_tooltip() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let jonas = coder_id(&harness, "Jonas");
    open_team(&mut harness);
    select_coder(&mut harness, "Jonas");
    let field = harness.get_by_role_and_label(Role::TextInput, "Name");
    field.focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, "Name").type_text("Jonas K.");
    harness.run();
    harness.get_by_label("Rename").click();
    harness.run();
    assert_eq!(harness.state().project().unwrap().coder_named("Jonas K.").unwrap().id, jonas);
    assert_eq!(harness.state().project().unwrap().undo_label(), Some("Rename coder to “Jonas K.”"));
    // A colour of the palette, then one typed.
    harness.get_by_label("Colour #00897B").click();
    harness.run();
    assert_eq!(harness.state().document().unwrap().coder_look(jonas), Some(("Jonas K.", Color32::from_rgb(0x00, 0x89, 0x7B))));
    let field = harness.get_by_role_and_label(Role::TextInput, "Colour");
    field.focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, "Colour").type_text("#aa3300");
    harness.run();
    harness.get_by_label("Set colour").click();
    harness.run();
    assert_eq!(harness.state().project().unwrap().coder_named("Jonas K.").unwrap().color, "#AA3300");
    assert_eq!(harness.state().document().unwrap().coder_look(jonas).unwrap().1, Color32::from_rgb(0xAA, 0x33, 0x00));
    // Close the Team view and hover a stripe of Jonas's: the tooltip names him by his new name.
    menu(&mut harness, "View", "Team…");
    assert!(!harness.state().team().is_open());
    let source = harness.state().document().unwrap().source.id;
    let project = harness.state().project().unwrap();
    let book = project.codebook().unwrap();
    let codings = project.codings_in(source).unwrap();
    let view = harness.state().document().unwrap();
    let (coding, rect) = codings.iter().filter(|c| c.coder_id == jonas).find_map(|c| view.stripe_screen_rect(c.id).map(|r| (c.clone(), r))).expect("a stripe of Jonas's in view");
    let line = format!("{} — Jonas K.", book.path(coding.code_id).unwrap());
    harness.hover_at(rect.center());
    harness.run_steps(4);
    harness.get_by_label(&line);
    // Undo takes the colour, then the name, back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let back = harness.state().project().unwrap().coder_named("Jonas").unwrap();
    assert_eq!(back.color, "#D81B60");
    assert_eq!(harness.state().document().unwrap().coder_look(jonas), Some(("Jonas", Color32::from_rgb(0xD8, 0x1B, 0x60))));
}

#[test]
fn a_name_taken_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    open_team(&mut harness);
    select_coder(&mut harness, "Jonas");
    let field = harness.get_by_role_and_label(Role::TextInput, "Name");
    field.focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, "Name").type_text("Amara");
    harness.run();
    harness.get_by_label("Rename").click();
    harness.run();
    assert_eq!(harness.state().errors(), ["cannot rename coder \"Jonas\" to \"Amara\": a coder named \"Amara\" already exists"]);
    assert!(harness.state().project().unwrap().coder_named("Jonas").is_ok());
    // Adding a coder whose name is taken is not offered at all.
    harness.get_by_role_and_label(Role::TextInput, "New coder").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "New coder").type_text("Amara");
    harness.run();
    harness.get_by_label("\"Amara\" is taken");
}

#[test]
fn hiding_a_coder_takes_their_codings_out_of_the_document_and_the_segments() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let all = codings_in_view_by(&harness, &["Amara", "Jonas"]);
    let jonas_only = codings_in_view_by(&harness, &["Jonas"]);
    assert!(jonas_only > 0 && jonas_only < all, "the first source has both coders' codings");
    harness.get_by_label_contains(&format!("words · {all} codings"));
    harness.get_by_label("Withdrawal").click();
    harness.run();
    harness.get_by_label(&format!("{} segments", withdrawal_segments(&harness, &[])));

    open_team(&mut harness);
    harness.get_by_role_and_label(Role::CheckBox, "Show Amara").click();
    harness.run();
    assert_eq!(harness.state().document().unwrap().shown_coders(), ["Jonas"]);
    harness.get_by_label_contains(&format!("words · {jonas_only} codings"));
    harness.get_by_label(&format!("{} segments", withdrawal_segments(&harness, &["Jonas"])));
    // The analyses count the coders shown too: the matrix's coder columns are Jonas's only.
    harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Matrix));
    harness.run();
    let project = harness.state().project().unwrap();
    let mut data = project.analysis_data(false).unwrap();
    data.restrict(&Scope { coders: vec!["Jonas".into()], ..Default::default() }).unwrap();
    let table = crosstab(&data, Dimension::Cases, Measure::Segments);
    let row = table.rows.iter().position(|r| r == "Ruptures/Withdrawal").unwrap();
    let col = table.cols.iter().position(|c| c == "Harlow family").unwrap();
    harness.get_by_label(&format!("Ruptures/Withdrawal · Harlow family: {}", table.cells[row][col]));

    // Shown again: everything comes back.
    harness.get_by_role_and_label(Role::CheckBox, "Show Amara").click();
    harness.run();
    harness.state_mut().push_command(UiCommand::Run(thicket_gui::commands::Command::BackToDocument));
    harness.run();
    assert_eq!(harness.state().document().unwrap().shown_coders(), ["Amara", "Jonas"]);
    harness.get_by_label_contains(&format!("words · {all} codings"));
    harness.get_by_label(&format!("{} segments", withdrawal_segments(&harness, &[])));
}

#[test]
fn blind_mode_shows_jonas_only_his_codings_codes_as_him_and_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let jonas = coder_id(&harness, "Jonas");
    let jonas_in_view = codings_in_view_by(&harness, &["Jonas"]);
    let total = harness.state().project().unwrap().all_codings().unwrap().len();
    let jonas_total = harness.state().project().unwrap().all_codings().unwrap().iter().filter(|c| c.coder_id == jonas).count();
    harness.get_by_label_contains(&format!("codes · {total} codings"));
    harness.get_by_label("Withdrawal").click();
    harness.run();

    open_team(&mut harness);
    select_coder(&mut harness, "Jonas");
    harness.get_by_label("Code blind as Jonas").click();
    harness.run();
    // The banner says so and how to leave.
    harness.get_by_label("Blind mode: coding as Jonas");
    assert!(harness.query_all_by_label("Leave blind mode").count() >= 1);
    assert_eq!(harness.state().team().blind().map(|b| b.coder), Some(jonas));
    // The Team view shows Jonas's row only.
    assert!(harness.query_by_label("Amara").is_none(), "Amara's row, counts and sessions are hidden");
    // Counts: the status bar's total, the document's, the segments'.
    harness.get_by_label_contains(&format!("codes · {jonas_total} codings"));
    assert_eq!(harness.state().document().unwrap().shown_coders(), ["Jonas"]);
    harness.get_by_label_contains(&format!("words · {jonas_in_view} codings"));
    harness.get_by_label(&format!("{} segments", withdrawal_segments(&harness, &["Jonas"])));
    // The analyses: Jonas's numbers, and only Jonas among the coders to filter by.
    harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Matrix));
    harness.run();
    let project = harness.state().project().unwrap();
    let mut data = project.analysis_data(false).unwrap();
    data.restrict(&Scope { coders: vec!["Jonas".into()], ..Default::default() }).unwrap();
    let table = crosstab(&data, Dimension::Cases, Measure::Segments);
    let row = table.rows.iter().position(|r| r == "Ruptures/Withdrawal").unwrap();
    let col = table.cols.iter().position(|c| c == "Harlow family").unwrap();
    harness.get_by_label(&format!("Ruptures/Withdrawal · Harlow family: {}", table.cells[row][col]));
    harness.state_mut().push_command(UiCommand::Run(thicket_gui::commands::Command::BackToDocument));
    harness.run();

    // A new coding is Jonas's, whoever the window's coder was.
    menu(&mut harness, "View", "Team…");
    let before = harness.state().coder().to_string();
    assert_eq!(before, "Jonas");
    let span = TextSpan::new(2, 14).unwrap();
    harness.state_mut().document_mut().unwrap().set_selection(Some(span));
    harness.run();
    code_selection_with(&mut harness, 4, "Alliance/Bond");
    let source = harness.state().document().unwrap().source.id;
    let project = harness.state().project().unwrap();
    let new = project.codings_in(source).unwrap().into_iter().find(|c| c.span == span).expect("coded");
    assert_eq!(new.coder_id, jonas);
    harness.get_by_label_contains(&format!("codes · {} codings", jonas_total + 1));

    // Leaving is explicit; everything comes back, and the record shows the session.
    harness.get_all_by_label("Leave blind mode").next().unwrap().click();
    harness.run();
    assert!(harness.state().team().blind().is_none());
    assert!(harness.query_by_label("Blind mode: coding as Jonas").is_none());
    assert_ne!(harness.state().coder(), "Jonas", "the window's coder is back");
    harness.get_by_label_contains(&format!("codes · {} codings", total + 1));
    assert_eq!(harness.state().document().unwrap().shown_coders(), ["Amara", "Jonas"]);
    let sessions = harness.state().project().unwrap().blind_sessions().unwrap();
    assert_eq!(sessions.len(), 1);
    assert_eq!(sessions[0].coder_id, jonas);
    assert!(sessions[0].ended_at.is_some());
    open_team(&mut harness);
    harness.get_by_label("Blind sessions (1)");
    assert_eq!(harness.query_all_by_label_contains("Jonas · ").count(), 1, "the session is listed");
}

#[test]
fn blind_mode_ends_recorded_when_the_project_closes() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let path = harness.state().project().unwrap().path().to_path_buf();
    let amara = coder_id(&harness, "Amara");
    harness.state_mut().push_command(UiCommand::Team(thicket_gui::team::TeamRequest::EnterBlind(amara)));
    harness.run();
    harness.get_by_label("Blind mode: coding as Amara");
    harness.state_mut().push_command(UiCommand::CloseProject);
    harness.run();
    assert!(harness.query_by_label("Blind mode: coding as Amara").is_none());
    let project = thicket_core::project::Project::open(&path).unwrap();
    let sessions = project.blind_sessions().unwrap();
    assert_eq!((sessions.len(), sessions[0].ended_at.is_some()), (1, true));
}

#[test]
fn a_retired_coder_keeps_their_codings_and_cannot_code_blind() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    open_team(&mut harness);
    select_coder(&mut harness, "Jonas");
    harness.get_by_label("Retire").click();
    harness.run();
    let jonas = harness.state().project().unwrap().coder_named("Jonas").unwrap();
    assert!(jonas.retired);
    harness.get_by_label("retired");
    assert!(harness.get_by_label("Code blind as Jonas").accesskit_node().is_disabled(), "not offered for blind coding");
    // Still shown with every coding.
    assert_eq!(harness.state().document().unwrap().shown_coders(), ["Amara", "Jonas"]);
    // Not offered as a coder for new work.
    menu(&mut harness, "View", "Team…");
    harness.get_by_role_and_label(Role::ComboBox, "Coder:").click();
    harness.run();
    harness.get_by_label("Amara");
    assert!(harness.query_by_label("Jonas").is_none(), "a retired coder is not in the coder picker");
    harness.key_press(Key::Escape);
    harness.run();
    menu(&mut harness, "View", "Team…");
    select_coder(&mut harness, "Jonas");
    harness.get_by_label("Bring back").click();
    harness.run();
    assert!(!harness.state().project().unwrap().coder_named("Jonas").unwrap().retired);
}

/// A laptop screen.
const LAPTOP: egui::Vec2 = egui::vec2(1024.0, 700.0);

fn sample(dir: &Path) -> PathBuf {
    let path = dir.join("sample.thicket");
    thicket_core::sample::write_sample(&path).unwrap().close().unwrap();
    path
}

/// Every button, checkbox and text field whose row is in sight lies within the window from left to right.
fn assert_inside(harness: &Harness<'static, ThicketApp>, what: &str) {
    let screen = harness.ctx.content_rect().expand(0.5);
    let nodes = harness.query_all_by_role(Role::Button).chain(harness.query_all_by_role(Role::CheckBox)).chain(harness.query_all_by_role(Role::TextInput));
    for node in nodes {
        let rect = node.rect();
        let label = node.accesskit_node().label().unwrap_or_default();
        if rect.center().y < screen.bottom() && rect.center().y > screen.top() {
            assert!(rect.left() >= screen.left() && rect.right() <= screen.right(), "{what}: {label:?} at {rect:?} runs past the window's side ({screen:?})");
        }
    }
}

fn team_and_blind_fit(size: egui::Vec2, zoom: f32, what: &str) {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = zoomed_harness(Startup::Open(sample(dir.path())), size, zoom, None);
    open_team(&mut harness);
    select_coder(&mut harness, "Jonas");
    assert_inside(&harness, what);
    for label in ["Code blind as Jonas", "Rename", "Show Amara"] {
        let node = harness.get_by_label(label);
        assert!(harness.ctx.content_rect().contains_rect(node.rect()), "{what}: {label:?} at {:?} is not inside the window", node.rect());
    }
    harness.get_by_label("Code blind as Jonas").click();
    harness.run();
    assert_inside(&harness, &format!("{what}, blind"));
    let banner = harness.get_by_label("Blind mode: coding as Jonas");
    assert!(harness.ctx.content_rect().contains_rect(banner.rect()), "{what}: the banner is cut off");
    for leave in harness.query_all_by_label("Leave blind mode") {
        assert!(harness.ctx.content_rect().contains_rect(leave.rect()), "{what}: Leave blind mode at {:?} is out of the window", leave.rect());
    }
}

#[test]
fn the_team_view_and_blind_banner_fit_1024_by_700() {
    team_and_blind_fit(LAPTOP, 1.0, "1024×700");
}

#[test]
fn the_team_view_and_blind_banner_fit_at_200_percent() {
    team_and_blind_fit(egui::vec2(640.0, 400.0), 2.0, "200%");
}

#[test]
fn the_team_view_and_blind_mode_draw_without_querying_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    open_team(&mut harness);
    harness.get_by_role_and_label(Role::CheckBox, "Show Amara").click();
    harness.run();
    let frames_read_nothing = |harness: &mut Harness<'static, ThicketApp>, what: &str| {
        let before = harness.state().project().unwrap().reads();
        for _ in 0..5 {
            // Moving the pointer makes egui draw frame after frame.
            harness.hover_at(egui::pos2(700.0, 500.0));
            harness.step();
            harness.hover_at(egui::pos2(710.0, 520.0));
            harness.step();
        }
        assert_eq!(harness.state().project().unwrap().reads(), before, "{what}: frames without a change read nothing");
    };
    frames_read_nothing(&mut harness, "a coder hidden");
    select_coder(&mut harness, "Jonas");
    harness.get_by_label("Code blind as Jonas").click();
    harness.run();
    harness.get_by_label("Blind mode: coding as Jonas");
    frames_read_nothing(&mut harness, "blind mode");
}

#[test]
fn blind_mode_lists_only_the_coders_own_memos() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    harness.state_mut().push_command(UiCommand::ShowMemos);
    harness.run();
    let amaras = harness.query_all_by_label_contains("\nAmara · ").count();
    assert!(amaras > 0, "the sample has memos by Amara");
    let jonas = coder_id(&harness, "Jonas");
    harness.state_mut().push_command(UiCommand::Team(thicket_gui::team::TeamRequest::EnterBlind(jonas)));
    harness.run();
    assert_eq!(harness.query_all_by_label_contains("\nAmara · ").count(), 0, "Amara's memos are hidden while Jonas codes blind");
    harness.state_mut().push_command(UiCommand::Team(thicket_gui::team::TeamRequest::LeaveBlind));
    harness.run();
    assert_eq!(harness.query_all_by_label_contains("\nAmara · ").count(), amaras);
}

#[test]
fn renaming_the_windows_own_coder_keeps_coding_as_them_through_undo() {
    let dir = tempfile::tempdir().unwrap();
    let prefs = dir.path().join("prefs.json");
    thicket_gui::Prefs { coder: Some("Amara".into()), ..Default::default() }.save(Some(&prefs));
    let mut harness = common::gui::harness_with(Startup::Open(sample(dir.path())), egui::vec2(1400.0, 1000.0), Some(prefs.clone()));
    assert_eq!(harness.state().coder(), "Amara");
    let amara = coder_id(&harness, "Amara");
    open_team(&mut harness);
    select_coder(&mut harness, "Amara");
    let field = harness.get_by_role_and_label(Role::TextInput, "Name");
    field.focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, "Name").type_text("Amara B.");
    harness.run();
    harness.get_by_label("Rename").click();
    harness.run();
    assert_eq!(harness.state().coder(), "Amara B.", "the window codes on as the renamed coder");
    assert_eq!(thicket_gui::Prefs::load(Some(&prefs)).coder.as_deref(), Some("Amara B."));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().coder(), "Amara", "and follows the undo");
    // A coding now is Amara's: no coder of a stale name is created.
    menu(&mut harness, "View", "Team…");
    let span = TextSpan::new(2, 14).unwrap();
    harness.state_mut().document_mut().unwrap().set_selection(Some(span));
    harness.run();
    code_selection_with(&mut harness, 4, "Alliance/Bond");
    let project = harness.state().project().unwrap();
    assert_eq!(project.coders().unwrap().len(), 2);
    let source = harness.state().document().unwrap().source.id;
    assert_eq!(project.codings_in(source).unwrap().into_iter().find(|c| c.span == span).unwrap().coder_id, amara);
}

#[test]
fn the_team_view_opens_from_the_command_palette_and_blind_mode_is_left_from_it_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Command").type_text("team");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert!(harness.state().team().is_open());
    harness.get_by_label("Blind sessions (0)");
    let jonas = coder_id(&harness, "Jonas");
    harness.state_mut().push_command(UiCommand::Team(thicket_gui::team::TeamRequest::EnterBlind(jonas)));
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Command").type_text("leave blind");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert!(harness.state().team().blind().is_none());
    harness.get_by_label("Blind sessions (1)");
}

/// Hiding a coder and coding blind change what is shown, not the project: the analyses are
/// narrowed from the rows already read (read again, 200,000 codings filled a hundred frames at
/// the reference scale), while every view still shows the new choice and the Team view the
/// blind session just begun and ended (written to the project).
#[test]
fn hiding_a_coder_and_coding_blind_read_the_analysis_rows_no_more_but_show_the_choice() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Matrix));
    harness.run();
    // The Team view's agreement summary needs the turns and texts too: read with them once.
    open_team(&mut harness);
    harness.run();
    harness.get_by_label("Percent agreement");
    let loads = harness.state().analysis().row_loads();
    assert!(loads >= 1, "the matrix read the rows");
    let cell = |harness: &Harness<'static, ThicketApp>, coders: &[&str]| {
        let project = harness.state().project().unwrap();
        let mut data = project.analysis_data(false).unwrap();
        data.restrict(&Scope { coders: coders.iter().map(|c| c.to_string()).collect(), ..Default::default() }).unwrap();
        let table = crosstab(&data, Dimension::Cases, Measure::Segments);
        let row = table.rows.iter().position(|r| r == "Ruptures/Withdrawal").unwrap();
        let col = table.cols.iter().position(|c| c == "Harlow family").unwrap();
        format!("Ruptures/Withdrawal · Harlow family: {}", table.cells[row][col])
    };
    let everyone = cell(&harness, &[]);
    let jonas = cell(&harness, &["Jonas"]);
    assert_ne!(everyone, jonas, "the sample's cell differs by coder");
    harness.get_by_label(&everyone);

    harness.get_by_role_and_label(Role::CheckBox, "Show Amara").click();
    harness.run();
    harness.get_by_label(&jonas);
    harness.get_by_role_and_label(Role::CheckBox, "Show Amara").click();
    harness.run();
    harness.get_by_label(&everyone);

    harness.get_by_label("Blind sessions (0)");
    select_coder(&mut harness, "Jonas");
    harness.get_by_label("Code blind as Jonas").click();
    harness.run();
    harness.get_by_label(&jonas);
    harness.get_by_label("blind now");
    harness.get_by_label("Blind sessions (1)");
    harness.state_mut().push_command(UiCommand::Team(thicket_gui::team::TeamRequest::LeaveBlind));
    harness.run();
    harness.get_by_label(&everyone);
    assert!(harness.query_by_label("blind now").is_none(), "the session has ended");
    harness.get_by_label("Blind sessions (1)");
    assert_eq!(harness.state().analysis().row_loads(), loads, "no choice of coders read the rows again");

    // A change to the project does read them again.
    harness.state_mut().push_command(UiCommand::Perform(thicket_core::Action::CreateCoder { name: "Noor".into() }));
    harness.run();
    assert!(harness.state().analysis().row_loads() > loads);
}
