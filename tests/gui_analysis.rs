//! The Analysis area inside the real window, driven headlessly through egui_kittest on the
//! sample study: the matrix and its drill-down to the document, the triangulation grid, the
//! co-occurrence heat map, sequences, the timeline, and every view's exports checked against the
//! command line (CSV), calamine (XLSX) and an XML parser (SVG).
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

mod common;

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use thicket_core::analysis::{self, Dimension, Measure, Proximity, SequenceSpec, Window};
use thicket_core::project::SegmentFilter;
use thicket_gui::analysis::{AnalysisKind, ExportFormat};
use thicket_gui::{ThicketApp, UiCommand};

use common::gui::{harness_on, sample_harness_sized};
use common::svg_texts;

/// The sample study in a temp folder and the window on it; also returns a second copy of the
/// study for the command line (the window holds the first one open, and a project has one
/// writer at a time).
fn sample_harness(dir: &Path) -> (Harness<'static, ThicketApp>, PathBuf) {
    let for_cli = dir.join("cli.thicket");
    thicket_core::sample::write_sample(&for_cli).unwrap().close().unwrap();
    // Wide enough that the tables' cells under test are in view (only those are laid out).
    (sample_harness_sized(dir, egui::vec2(1920.0, 1200.0)), for_cli)
}

/// Picks `option` in the combo box labelled `label`.
fn choose(harness: &mut Harness<'static, ThicketApp>, label: &str, option: &str) {
    harness.get_by_role_and_label(Role::ComboBox, label).click();
    harness.run();
    // Within the open list (the codebook beside it shows the same code names), scrolled to.
    harness.get_by_role(Role::ListBox).get_by_label(option).scroll_to_me();
    harness.run();
    harness.get_by_role(Role::ListBox).get_by_label(option).click();
    harness.run();
}

/// The CLI's stdout for `args` on the project.
fn cli(project: &Path, args: &[&str]) -> String {
    let mut all: Vec<&std::ffi::OsStr> = vec![std::ffi::OsStr::new(args[0]), project.as_os_str()];
    all.extend(args[1..].iter().map(std::ffi::OsStr::new));
    common::ok(all)
}

/// Exports the view in front as CSV, XLSX and SVG; returns the CSV text, checks that the XLSX
/// opens with calamine (returning its first sheet as text rows) and that the SVG parses.
fn export_all(harness: &Harness<'static, ThicketApp>, dir: &Path, stem: &str) -> (String, Vec<Vec<String>>, String) {
    use calamine::{Reader, Xlsx};
    let area = harness.state().analysis();
    let csv = dir.join(format!("{stem}.csv"));
    area.export_active(ExportFormat::Csv, &csv).unwrap();
    let xlsx = dir.join(format!("{stem}.xlsx"));
    area.export_active(ExportFormat::Xlsx, &xlsx).unwrap();
    let mut book: Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let first = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&first).unwrap();
    let rows = range.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
    let svg = dir.join(format!("{stem}.svg"));
    area.export_active(ExportFormat::Svg, &svg).unwrap();
    let svg = std::fs::read_to_string(&svg).unwrap();
    (std::fs::read_to_string(&csv).unwrap(), rows, svg)
}

#[test]
fn a_matrix_cell_lists_its_segments_and_a_segment_opens_in_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) = sample_harness(dir.path());
    // Analysis → Matrix, from the menu.
    harness.get_by_label("Analysis").click();
    harness.run();
    harness.get_by_label_contains("Matrix (codes × cases").click();
    harness.run();
    assert_eq!(harness.state().analysis().active(), Some(AnalysisKind::Matrix));
    // Source kinds as columns, then cases.
    choose(&mut harness, "Columns", "Source kinds");
    harness.get_by_role_and_label(Role::ColumnHeader, "focus_group");
    choose(&mut harness, "Columns", "Cases");
    harness.get_by_role_and_label(Role::ColumnHeader, "Harlow family");
    assert!(harness.query_by_role_and_label(Role::ColumnHeader, "focus_group").is_none());

    let project = harness.state().project().unwrap();
    let data = project.analysis_data(false).unwrap();
    let table = analysis::crosstab(&data, Dimension::Cases, Measure::Segments);
    let row = table.rows.iter().position(|r| r == "Ruptures/Withdrawal").unwrap();
    let col = table.cols.iter().position(|c| c == "Harlow family").unwrap();
    let n = table.cells[row][col];
    assert!(n > 1);
    let mut expected = project
        .segments(&SegmentFilter { codes: vec!["Ruptures/Withdrawal".into()], cases: vec!["Harlow family".into()], ..Default::default() })
        .unwrap();
    assert_eq!(expected.len() as u64, n, "the library agrees with itself");

    harness.get_by_label(&format!("Ruptures/Withdrawal · Harlow family: {n}")).click();
    harness.run();
    harness.get_by_label(&format!("{n} segments"));
    // The list is sorted by source, then position, as the retrieval pane sorts.
    expected.sort_by(|a, b| (&a.source, a.start, a.end, &a.code).cmp(&(&b.source, b.start, b.end, &b.code)));
    let first = expected[0].clone();
    let snippet: String = first.text.split_whitespace().take(8).collect::<Vec<_>>().join(" ");
    let rows = harness.query_all_by_label_contains(&snippet).count();
    assert!(rows >= 1, "the snippet \"{snippet}\" is listed");
    let before = harness.query_all_by_label(&first.source).count();
    harness.query_all_by_label_contains(&snippet).next().unwrap().click();
    harness.run();
    // The Document tab is in front, on the segment's source, with the segment's text at its span.
    assert_eq!(harness.state().analysis().active(), None);
    assert_eq!(harness.query_all_by_label(&first.source).count(), before + 1, "the source's heading is shown");
    let text = harness.state().document().unwrap().text();
    let at: String = text.chars().skip(first.start).take(first.end - first.start).collect();
    assert_eq!(at, first.text);
    // The matrix is still open as a tab.
    harness.get_by_label("Matrix").click();
    harness.run();
    assert_eq!(harness.state().analysis().active(), Some(AnalysisKind::Matrix));
}

/// The drill-down list, which one frame draws for every view: moving the rows keeps it, a new
/// table closes it, and so does its Close button.
#[test]
fn the_list_of_segments_outlives_moved_rows_but_not_a_new_table() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) = sample_harness(dir.path());
    harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Matrix));
    harness.run();
    harness.get_by_label("Ruptures/Withdrawal · Harlow family: 25").click();
    harness.run();
    harness.get_by_label("25 segments");
    // Hiding the empty rows moves the rows under the list, which stays.
    harness.get_by_label("Hide empty rows").click();
    harness.run();
    harness.get_by_label("25 segments");
    // Another measure is another table: its list goes.
    choose(&mut harness, "Measure", "Sources (distinct)");
    assert!(harness.query_by_label("25 segments").is_none());
    assert!(harness.query_by_label("Close list").is_none());
    // A cell of the new table lists the segments it counts, until the list is closed.
    harness.get_by_label_contains("Ruptures/Withdrawal · Harlow family: ").click();
    harness.run();
    harness.get_by_label_contains("Ruptures/Withdrawal · Harlow family (the cell counts sources)");
    harness.get_by_label("25 segments");
    harness.get_by_label("Close list").click();
    harness.run();
    assert!(harness.query_by_label("25 segments").is_none());
    assert!(harness.state().errors().is_empty(), "{:?}", harness.state().errors());
}

#[test]
fn the_triangulation_grid_opens_from_the_keyboard_and_marks_corroboration() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) = sample_harness(dir.path());
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::G);
    harness.run();
    assert_eq!(harness.state().analysis().active(), Some(AnalysisKind::Triangulation));
    harness.get_by_label_contains("M+P: ≥ 2 source kinds and ≥ 2 roles");
    harness.get_by_label_contains("Kinds: I interview · F focus group");
    // Perspectives include the authors of sources without turns: the agency, the researcher.
    harness.get_by_label_contains("ca caregiver");
    harness.get_by_label_contains("agency · ");
    harness.get_by_role_and_label(Role::ColumnHeader, "corroborated / coded");

    let project = harness.state().project().unwrap();
    let data = project.analysis_data(true).unwrap();
    let grid = analysis::triangulate(&data, &Default::default()).unwrap();
    let row = grid.codes.iter().position(|c| c == "Ruptures/Confrontation").unwrap();
    // Confrontation is corroborated across perspectives for the Harlows and single-source for the
    // Kowalskis, whose other families' focus-group passages no longer count for them (see
    // `thicket triangulate` on the sample).
    assert_eq!(grid.cells[row][0].status.mark(), "P");
    assert_eq!(grid.cells[row][1].status.mark(), "S");
    harness.get_by_label_contains("Ruptures/Confrontation · Harlow family: P ");
    harness.get_by_label_contains("Ruptures/Confrontation · Kowalski family: S ");
    harness.get_by_label("Ruptures/Confrontation · corroborated / coded: 2 / 3");
    harness.get_by_label_contains("Ruptures/Confrontation · Kowalski family: S ").click();
    harness.run();
    harness.get_by_label(&format!("{} segments", grid.cells[row][1].codings));
}

/// Ticks `option` in the filter row's list labelled `label` (Cases, Kinds, Roles, Coders).
fn tick_filter(harness: &mut Harness<'static, ThicketApp>, label: &str, option: &str) {
    harness.get_by_role_and_label(Role::Button, label).click();
    harness.run();
    harness.get_by_role_and_label(Role::CheckBox, option).click();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
}

#[test]
fn a_coder_filter_on_the_matrix_shows_that_coders_numbers_as_the_cli_does() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, cli_copy) = sample_harness(dir.path());
    harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Matrix));
    harness.run();
    let all: serde_json::Value = serde_json::from_str(&cli(&cli_copy, &["crosstab", "--cols", "cases", "--format", "json"])).unwrap();
    let jonas: serde_json::Value = serde_json::from_str(&cli(&cli_copy, &["crosstab", "--cols", "cases", "--coder", "Jonas", "--format", "json"])).unwrap();
    let row = all["rows"].as_array().unwrap().iter().position(|r| r == "Ruptures/Withdrawal").unwrap();
    let (before, after) = (&all["cells"][row][0], &jonas["cells"][row][0]);
    assert_ne!(before, after, "the sample tells the coders apart");
    harness.get_by_label(&format!("Ruptures/Withdrawal · Harlow family: {before}"));
    tick_filter(&mut harness, "Coders", "Jonas");
    harness.get_by_label(&format!("Ruptures/Withdrawal · Harlow family: {after}"));
    // A case filter leaves the other families out of the table.
    tick_filter(&mut harness, "Cases", "Mensah family");
    assert!(harness.query_by_role_and_label(Role::ColumnHeader, "Harlow family").is_none());
    harness.get_by_role_and_label(Role::ColumnHeader, "Mensah family");
    // A date range: nothing of the sample is dated in 2024.
    let to = harness.get_by_role_and_label(Role::TextInput, "To");
    to.click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "To").type_text("2024-12-31");
    harness.run();
    harness.get_by_label("Ruptures/Withdrawal · Mensah family: 0");
}

#[test]
fn cooccurrence_pairs_one_coders_codings_unless_across_coders_is_ticked() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) = sample_harness(dir.path());
    harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Cooccurrence));
    harness.run();
    // Amara's Mistrust beside Jonas's Withdrawal is not a co-occurrence: 0, and 3 across coders.
    harness.get_by_label("Tensions/Mistrust · Ruptures/Withdrawal: 0");
    harness.get_by_label_contains("pairs within one coder");
    harness.get_by_role_and_label(Role::CheckBox, "Across coders").click();
    harness.run();
    harness.get_by_label("Tensions/Mistrust · Ruptures/Withdrawal: 3");
    harness.get_by_label_contains("pairs across coders");
}

#[test]
fn the_filter_row_wraps_in_a_narrow_window() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("narrow.thicket");
    thicket_core::sample::write_sample(&path).unwrap().close().unwrap();
    let mut harness = harness_on(&path, egui::vec2(1024.0, 700.0));
    harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Sequences));
    harness.run();
    // Every filter and the toggle are on screen, left of the window's right edge.
    for (role, label) in [(Role::Button, "Cases"), (Role::Button, "Coders"), (Role::TextInput, "To"), (Role::CheckBox, "Across coders")] {
        let rect = harness.get_by_role_and_label(role, label).rect();
        assert!(rect.max.x <= 1024.0, "{label} at {rect:?}");
    }
}

#[test]
fn the_cooccurrence_heat_map_lists_the_pairs_behind_a_cell_and_follows_the_mode() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) = sample_harness(dir.path());
    harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Cooccurrence));
    harness.run();
    let project = harness.state().project().unwrap();
    let data = project.analysis_data(true).unwrap();
    let t = analysis::cooccurrence(&data);
    let (a, b) = (t.codes.iter().position(|c| c == "Alliance/Tasks").unwrap(), t.codes.iter().position(|c| c == "Repair/Collaboration").unwrap());
    let pairs = t.counts[a][b];
    assert!(pairs > 0);
    // Unused parent codes are hidden by default; the diagonal holds each code's codings.
    assert!(harness.query_by_role_and_label(Role::RowHeader, "Alliance").is_none());
    harness.get_by_label(&format!("Alliance/Tasks · Alliance/Tasks: {}", t.counts[a][a]));
    harness.get_by_label(&format!("Alliance/Tasks · Repair/Collaboration: {pairs}")).click();
    harness.run();
    harness.get_by_label_contains(&format!("{pairs} pair{} · ", if pairs == 1 { "" } else { "s" }));
    harness.get_by_label_contains("pair 1 · Tasks");
    harness.get_by_label_contains("pair 1 · Collaboration");

    choose(&mut harness, "Co-occur when", "Same speaker turn");
    let turn = analysis::cooccurrence_with(&data, Proximity::Turn, false).unwrap();
    assert_ne!(turn.counts[a][b], pairs, "the sample tells the modes apart");
    harness.get_by_label(&format!("Alliance/Tasks · Repair/Collaboration: {}", turn.counts[a][b]));
    choose(&mut harness, "Show", "Jaccard coefficients");
    harness.get_by_label(&format!("Alliance/Tasks · Repair/Collaboration: {:.3}", turn.jaccard[a][b]));
}

#[test]
fn the_sequence_view_counts_a_followed_by_b_per_case() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) = sample_harness(dir.path());
    harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Sequences));
    harness.run();
    choose(&mut harness, "From (A)", "Ruptures");
    choose(&mut harness, "To (B)", "Repair");
    let project = harness.state().project().unwrap();
    let data = project.analysis_data(false).unwrap();
    let spec = SequenceSpec { from: "Ruptures".into(), to: "Repair".into(), window: Window::Sessions(1), subcodes: true, across_coders: false };
    let s = analysis::sequence(&data, &spec).unwrap();
    let harlow = &s.cases[0];
    assert_eq!(harlow.case, "Harlow family");
    assert!(harlow.counts.followed > 0);
    harness.get_by_label(&format!("Harlow family · A codings: {}", harlow.counts.from_codings));
    harness.get_by_label(&format!("overall · followed: {}", s.overall.followed));
    // The transition matrix over A and B.
    let tr = analysis::transitions(&data, &["Ruptures".into(), "Repair".into()], Window::Sessions(1), true, false).unwrap();
    harness.get_by_label(&format!("Ruptures · Repair: {}", tr.counts[0][1]));
    // A case's pairs, A then B.
    harness.get_by_label(&format!("Harlow family · followed: {}", harlow.counts.followed)).click();
    harness.run();
    let n = harlow.counts.followed;
    harness.get_by_label_contains(&format!("{n} pair{} · ", if n == 1 { "" } else { "s" }));
    harness.get_by_label_contains("pair 1 · A · ");
    harness.get_by_label_contains("pair 1 · B · ");
}

#[test]
fn the_timeline_plots_the_busiest_codes_for_each_case() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) = sample_harness(dir.path());
    let project = harness.state().project().unwrap();
    let t = analysis::timeline(&project.analysis_data(false).unwrap(), false);
    let mut used: Vec<(u64, String)> = t.codes.iter().enumerate().map(|(i, c)| (t.cases.iter().flat_map(|k| &k.sessions).map(|s| s.counts[i]).sum(), c.clone())).collect();
    used.sort_by_key(|u| std::cmp::Reverse(u.0));
    // A top-level code's path is also its name in the codebook: count what is there before.
    let before: Vec<usize> = used.iter().map(|(_, c)| harness.query_all_by_label(c).count()).collect();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
    harness.run();
    assert_eq!(harness.state().analysis().active(), Some(AnalysisKind::Timeline));
    for case in &t.cases {
        harness.get_by_label(&case.case);
        let dated = case.sessions.iter().filter(|s| s.date.is_some()).count();
        assert!(harness.query_all_by_label(&format!("{dated} sessions")).count() >= 1);
    }
    // The legend names the five most used codes, and no other.
    for (i, (_, code)) in used.iter().enumerate() {
        let shown = usize::from(i < 5);
        assert_eq!(harness.query_all_by_label(code).count(), before[i] + shown, "{code}");
    }
}

#[test]
fn every_view_exports_the_clis_csv_an_xlsx_workbook_and_a_well_formed_svg() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, project) = sample_harness(dir.path());
    let out = dir.path();

    // Matrix: codes × cases, segments.
    harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Matrix));
    harness.run();
    let (csv, xlsx, svg) = export_all(&harness, out, "matrix");
    assert_eq!(csv, cli(&project, &["crosstab", "--cols", "cases", "--format", "csv"]));
    assert_eq!(xlsx[0], ["code", "Harlow family", "Kowalski family", "Mensah family", "total"]);
    let withdrawal = xlsx.iter().find(|r| r[0] == "Ruptures/Withdrawal").unwrap();
    assert_eq!(withdrawal[1..], ["25", "14", "13", "44"]);
    let texts = svg_texts(&svg);
    for label in ["Codes × cases", "Ruptures/Withdrawal", "Harlow family", "25", "659", "total"] {
        assert!(texts.iter().any(|t| t == label), "the SVG shows {label}");
    }
    assert!(texts.iter().any(|t| t == "Ruptures/Withdrawal · Harlow family: 25"), "cells carry their labels");

    // The matrix with roles and coverage, rolled up.
    choose(&mut harness, "Columns", "Roles");
    choose(&mut harness, "Measure", "Coverage (% of characters)");
    harness.get_by_label("Roll up sub-codes").click();
    harness.run();
    let (csv, _, _) = export_all(&harness, out, "matrix-roles");
    assert_eq!(csv, cli(&project, &["crosstab", "--cols", "roles", "--measure", "coverage", "--rollup", "--format", "csv"]));

    // Triangulation.
    harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Triangulation));
    harness.run();
    let (csv, xlsx, svg) = export_all(&harness, out, "triangulation");
    assert_eq!(csv, cli(&project, &["triangulate", "--format", "csv"]));
    assert_eq!(xlsx[0][0], "code");
    let texts = svg_texts(&svg);
    for label in ["M: ≥ 2 source kinds", "corroborated / coded", "Ruptures/Confrontation · corroborated / coded: 2 / 3"] {
        assert!(texts.iter().any(|t| t == label), "the triangulation SVG shows {label}");
    }
    assert!(texts.iter().any(|t| t.starts_with("Kinds: I interview · F focus group")), "the legend explains the marks");
    assert!(texts.iter().any(|t| t.starts_with("Ruptures/Confrontation · Kowalski family: S ")));

    // Co-occurrence over the used codes (the view hides unused ones).
    harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Cooccurrence));
    harness.run();
    let (csv, xlsx, svg) = export_all(&harness, out, "cooccurrence");
    let data = harness.state().project().unwrap().analysis_data(false).unwrap();
    let t = analysis::cooccurrence(&data);
    let mut args = vec!["cooccur".to_string()];
    for (i, code) in t.codes.iter().enumerate().filter(|(i, _)| t.counts[*i][*i] > 0) {
        assert!(i < t.codes.len());
        args.extend(["--code".to_string(), code.clone()]);
    }
    args.extend(["--format".into(), "csv".into()]);
    assert_eq!(csv, cli(&project, &args.iter().map(String::as_str).collect::<Vec<_>>()));
    assert_eq!(xlsx[1][0], "Alliance/Bond");
    assert!(svg_texts(&svg).iter().any(|t| t == "Co-occurrence (pairs of codings)"));

    // Sequences: the first two top-level codes, within one session.
    harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Sequences));
    harness.run();
    let (csv, xlsx, svg) = export_all(&harness, out, "sequence");
    assert_eq!(csv, cli(&project, &["sequence", "--from", "Alliance", "--to", "Tensions", "--window", "sessions:1", "--format", "csv"]));
    assert_eq!(xlsx[0], ["case", "from_codings", "followed", "share", "mean_lag", "lags"]);
    assert!(svg_texts(&svg).iter().any(|t| t == "Transitions within sessions:1"));

    // Timeline: the chosen cases and codes.
    harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Timeline));
    harness.run();
    let (csv, _, svg) = export_all(&harness, out, "timeline");
    let header = csv.lines().next().unwrap().to_string();
    let codes: Vec<&str> = header.split(',').skip(4).filter(|c| *c != "total").collect();
    assert_eq!(codes.len(), 5);
    let mut args = vec!["timeline"];
    for c in &codes {
        args.extend(["--code", c]);
    }
    args.extend(["--format", "csv"]);
    assert_eq!(csv, cli(&project, &args));
    let texts = svg_texts(&svg);
    for label in ["Timeline: codings per session", "Harlow family", "Mensah family", "2025-03", codes[0]] {
        assert!(texts.iter().any(|t| t == label), "the timeline SVG shows {label}");
    }
}

#[test]
fn views_follow_changes_to_the_project_and_close_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) = sample_harness(dir.path());
    harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Matrix));
    harness.run();
    let project = harness.state().project().unwrap();
    let withdrawal = project.code_at("Ruptures/Withdrawal").unwrap();
    let confrontation = project.code_at("Ruptures/Confrontation").unwrap();
    harness.get_by_label("Ruptures/Withdrawal · Harlow family: 25");
    // Merging Confrontation (9 in the Harlow case) into Withdrawal is one undoable action.
    let merge = project.merge_codes_action(confrontation, withdrawal).unwrap();
    harness.state_mut().push_command(UiCommand::Perform(merge));
    harness.run();
    harness.get_by_label("Ruptures/Withdrawal · Harlow family: 34");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.get_by_label("Ruptures/Withdrawal · Harlow family: 25");
    // Closing the tab brings the document back; closing the project closes every view.
    harness.get_by_label("Close Matrix").click();
    harness.run();
    assert!(harness.state().analysis().open_views().is_empty());
    harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Timeline));
    harness.state_mut().push_command(UiCommand::CloseProject);
    harness.run();
    assert!(harness.state().analysis().open_views().is_empty());
}

#[test]
fn every_view_opens_on_an_empty_project_and_says_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.thicket");
    thicket_core::Project::create(&path, "Empty").unwrap().close().unwrap();
    let mut harness = harness_on(&path, egui::vec2(1200.0, 800.0));
    for kind in AnalysisKind::ALL {
        harness.state_mut().push_command(UiCommand::OpenAnalysis(kind));
        harness.run();
        assert_eq!(harness.state().analysis().active(), Some(kind));
    }
    assert!(harness.state().errors().is_empty(), "{:?}", harness.state().errors());
    // The last view opened is in front: the reconciliation queue, with no coders to compare.
    harness.get_by_label("Choose two different coders to compare.");
    harness.get_by_label("Framework").click();
    harness.run();
    harness.get_by_label_contains("No framework matrix yet");
    harness.get_by_label("Timeline").click();
    harness.run();
    harness.get_by_label("Choose cases and codes to plot.");
    harness.get_by_label("Sequences").click();
    harness.run();
    harness.get_by_label("The codebook has no codes to follow.");
    harness.get_by_label("Matrix").click();
    harness.run();
    harness.get_by_label_contains("0 codes × 0 columns");
    // An empty table still exports: a header and a totals row.
    let csv = dir.path().join("empty.csv");
    harness.state().analysis().export_active(ExportFormat::Csv, &csv).unwrap();
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), "code,total\r\ntotal,0\r\n");
    let svg = dir.path().join("empty.svg");
    harness.state().analysis().export_active(ExportFormat::Svg, &svg).unwrap();
    svg_texts(&std::fs::read_to_string(&svg).unwrap());
}

#[test]
fn a_chart_exports_as_png_and_svg_at_the_size_set_in_the_menu_with_its_filters_in_the_caption() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) = sample_harness(dir.path());
    harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Matrix));
    harness.run();
    tick_filter(&mut harness, "Coders", "Jonas");
    // The Export menu offers the PNG and sets the size: 100 mm at 254 dpi is 1000 pixels.
    harness.get_by_role_and_label(Role::Button, "Export").click();
    harness.run();
    harness.get_by_label("Chart as PNG…");
    harness.get_by_label("PNG: 2008 pixels wide");
    let mut size = harness.state().analysis().chart_size();
    (size.width_mm, size.dpi) = (100, 254);
    harness.state_mut().analysis_mut().set_chart_size(size);
    harness.run();
    harness.get_by_label("PNG: 1000 pixels wide");
    harness.key_press(Key::Escape);
    harness.run();

    let png = dir.path().join("matrix.png");
    harness.state().analysis().export_active(ExportFormat::Png, &png).unwrap();
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    assert_eq!(width, 1000, "IHDR width");
    let svg_path = dir.path().join("matrix.svg");
    harness.state().analysis().export_active(ExportFormat::Svg, &svg_path).unwrap();
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    assert!(svg.contains("width=\"100mm\""), "sized in millimetres");
    let texts = svg_texts(&svg);
    assert!(texts.iter().any(|t| t == "Filters: coders Jonas."), "caption: {texts:?}");
}

/// The window's chart of the view in front and the command line's for `args`, as SVG bytes.
fn window_and_cli_svg(harness: &Harness<'static, ThicketApp>, project: &Path, dir: &Path, stem: &str, args: &[&str]) -> (Vec<u8>, Vec<u8>) {
    let window = dir.join(format!("{stem}-window.svg"));
    harness.state().analysis().export_active(ExportFormat::Svg, &window).unwrap();
    let cli_out = dir.join(format!("{stem}-cli.svg"));
    let mut all = args.to_vec();
    all.extend(["--format", "svg", "--out", cli_out.to_str().unwrap()]);
    assert_eq!(cli(project, &all), "");
    (std::fs::read(&window).unwrap(), std::fs::read(&cli_out).unwrap())
}

#[test]
fn the_window_and_the_command_line_draw_the_same_charts_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, project) = sample_harness(dir.path());
    let out = dir.path();
    let same = |harness: &Harness<'static, ThicketApp>, stem: &str, args: &[&str], caption: &str| {
        let (window, cli) = window_and_cli_svg(harness, &project, out, stem, args);
        let texts = svg_texts(std::str::from_utf8(&window).unwrap());
        assert!(texts.iter().any(|t| t == caption), "{stem}: caption {caption:?} in {texts:?}");
        assert!(window == cli, "{stem}: the window's SVG differs from `thicket {}`", args.join(" "));
    };

    // The matrix of one coder's codings.
    harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Matrix));
    harness.run();
    tick_filter(&mut harness, "Coders", "Jonas");
    same(&harness, "matrix", &["crosstab", "--cols", "cases", "--coder", "Jonas"], "Filters: coders Jonas.");

    // The triangulation grid of two cases.
    harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Triangulation));
    harness.run();
    tick_filter(&mut harness, "Cases", "Harlow family");
    tick_filter(&mut harness, "Cases", "Mensah family");
    let caption = "Filters: cases Harlow family, Mensah family.";
    same(&harness, "triangulation", &["triangulate", "--case", "Harlow family", "--case", "Mensah family"], caption);

    // Jaccard coefficients across coders, over the codes the view shows (the used ones).
    harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Cooccurrence));
    harness.run();
    choose(&mut harness, "Show", "Jaccard coefficients");
    harness.get_by_role_and_label(Role::CheckBox, "Across coders").click();
    harness.run();
    let data = harness.state().project().unwrap().analysis_data(false).unwrap();
    let t = analysis::cooccurrence(&data);
    let mut args = vec!["cooccur", "--measure", "jaccard", "--across-coders"];
    for (_, code) in t.codes.iter().enumerate().filter(|(i, _)| t.counts[*i][*i] > 0) {
        args.extend(["--code", code.as_str()]);
    }
    same(&harness, "cooccurrence", &args, "Filters: pairs also across coders.");

    // The sequence view's transition matrix in probabilities.
    harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Sequences));
    harness.run();
    choose(&mut harness, "Matrix shows", "Probabilities");
    let args = ["sequence", "--from", "Alliance", "--to", "Tensions", "--window", "sessions:1", "--probabilities"];
    same(&harness, "sequence", &args, "Filters: none (every case, source kind, role, coder and date).");

    // The timeline of the busiest codes in interviews, every case plotted.
    harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Timeline));
    harness.run();
    tick_filter(&mut harness, "Kinds", "interview");
    let csv = out.join("timeline.csv");
    harness.state().analysis().export_active(ExportFormat::Csv, &csv).unwrap();
    let header = std::fs::read_to_string(&csv).unwrap().lines().next().unwrap().to_string();
    let codes: Vec<&str> = header.split(',').skip(4).filter(|c| *c != "total").collect();
    assert_eq!(codes.len(), 5);
    let mut args = vec!["timeline", "--kind", "interview"];
    for c in &codes {
        args.extend(["--code", c]);
    }
    same(&harness, "timeline", &args, "Filters: source kinds interview.");
}

#[test]
fn pseudonymise_in_the_export_menu_sends_tables_and_charts_through_the_map_and_logs_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.thicket");
    thicket_core::sample::write_sample(&path).unwrap().close().unwrap();
    let mut harness = harness_on(&path, egui::vec2(1920.0, 1200.0));
    harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Matrix));
    harness.run();
    // Ticked with an empty map: refused, nothing written.
    harness.state_mut().analysis_mut().set_pseudonymise(true);
    let csv = dir.path().join("matrix.csv");
    harness.state_mut().push_command(UiCommand::Export(AnalysisKind::Matrix, ExportFormat::Csv, csv.clone()));
    harness.run();
    assert!(harness.state().errors().iter().any(|e| e.contains("pseudonym map is empty")), "{:?}", harness.state().errors());
    assert!(!csv.exists());
    harness.state_mut().push_command(UiCommand::DismissError);
    harness.state_mut().push_command(UiCommand::Perform(thicket_core::Action::AddPseudonyms(vec![thicket_core::model::NewPseudonym::added("Harlow", "Family A")])));
    harness.run();
    for (format, file) in [(ExportFormat::Csv, "matrix.csv"), (ExportFormat::Svg, "matrix.svg")] {
        let out = dir.path().join(file);
        harness.state_mut().push_command(UiCommand::Export(AnalysisKind::Matrix, format, out.clone()));
        harness.run();
        let written = std::fs::read_to_string(&out).unwrap();
        assert!(!written.contains("Harlow") && written.contains("Family A family"), "{file}");
    }
    let log = harness.state().project().unwrap().export_log().unwrap();
    assert_eq!(log.iter().filter(|r| r.fields.pseudonymised && r.fields.kind == "matrix").count(), 2, "{log:?}");
}
