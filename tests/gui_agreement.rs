//! The Agreement tab in the real window, on the sample study (two coders, Amara and Jonas):
//! opened from the Analysis menu, it shows a code × measure table with intervals whose numbers
//! are the command line's, and exports the command's CSV, an XLSX workbook and a DOCX report.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

mod common;

use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use thicket_gui::analysis::{AnalysisKind, ExportFormat};

use common::gui::{menu, sample_harness_sized};

/// The command line's JSON (or other format) for the same question, on a copy of the sample.
fn cli(project: &Path, args: &[&str]) -> String {
    let mut all: Vec<&std::ffi::OsStr> = vec!["agreement".as_ref(), project.as_os_str()];
    all.extend(args.iter().map(std::ffi::OsStr::new));
    common::ok(all)
}

fn estimate<'a>(row: &'a serde_json::Value, measure: &str) -> &'a serde_json::Value {
    row["estimates"].as_array().unwrap().iter().find(|e| e["measure"] == measure).unwrap()
}

#[test]
fn the_agreement_table_shows_the_clis_alpha_with_its_interval_and_exports_it() {
    let dir = tempfile::tempdir().unwrap();
    let for_cli = dir.path().join("cli.thicket");
    thicket_core::sample::write_sample(&for_cli).unwrap().close().unwrap();
    let mut harness = sample_harness_sized(dir.path(), egui::vec2(1920.0, 1200.0));

    menu(&mut harness, "Analysis", "Inter-coder agreement");
    assert_eq!(harness.state().analysis().active(), Some(AnalysisKind::Agreement));
    for _ in 0..50 {
        harness.run();
        if harness.query_by_label("all codes (pooled)").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    // The first two coders are compared, at the paragraph, on the coded units.
    harness.get_by_label_contains("Amara and Jonas: by paragraph");
    harness.get_by_role_and_label(Role::ComboBox, "Unit");
    for heading in ["Percent agreement", "Cohen's kappa", "Scott's pi", "Fleiss' kappa", "Krippendorff's alpha", "|u-alpha", "Cu-alpha", "u-alpha", "cu-alpha"] {
        harness.get_by_label(heading);
    }
    harness.get_by_label("Alliance/Bond");
    harness.get_by_label("all codes (pooled)");

    // The cell for Bond's alpha is the command line's value and interval, to three decimals.
    let json: serde_json::Value = serde_json::from_str(&cli(&for_cli, &["--coders", "Amara,Jonas", "--format", "json"])).unwrap();
    let bond = json["rows"].as_array().unwrap().iter().find(|r| r["label"] == "Alliance/Bond").unwrap();
    let alpha = estimate(bond, "krippendorff_alpha");
    let (v, lo, hi) = (alpha["value"].as_f64().unwrap(), alpha["ci"]["low"].as_f64().unwrap(), alpha["ci"]["high"].as_f64().unwrap());
    harness.get_by_label(&format!("{v:.3} [{lo:.3}, {hi:.3}]"));
    let pooled = estimate(&json["overall"], "krippendorff_alpha");
    let p = pooled["value"].as_f64().unwrap();
    assert!(harness.query_all_by_label_contains(&format!("{p:.3} [")).next().is_some());
    // A parent code nobody applied says "undefined", never a fake 1.
    assert!(harness.query_all_by_label("undefined").next().is_some());

    // Exports: the CSV is the command's, byte for byte; the XLSX and DOCX are written.
    let area = harness.state().analysis();
    let csv = dir.path().join("agreement.csv");
    area.export_active(ExportFormat::Csv, &csv).unwrap();
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), cli(&for_cli, &["--coders", "Amara,Jonas", "--format", "csv"]));
    let xlsx = dir.path().join("agreement.xlsx");
    area.export_active(ExportFormat::Xlsx, &xlsx).unwrap();
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    let docx = dir.path().join("agreement.docx");
    area.export_active(ExportFormat::Docx, &docx).unwrap();
    let bytes = std::fs::read(&docx).unwrap();
    assert!(bytes.starts_with(b"PK"));
    assert!(area.export_active(ExportFormat::Svg, &dir.path().join("x.svg")).is_err(), "no chart");

    // The character unit recomputes the table.
    harness.get_by_role_and_label(Role::ComboBox, "Unit").click();
    harness.run();
    harness.get_by_role(Role::ListBox).get_by_label("character").click();
    for _ in 0..50 {
        harness.run();
        if harness.query_by_label_contains("by character").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    harness.get_by_label_contains("Amara and Jonas: by character");
    assert!(harness.state().errors().is_empty(), "{:?}", harness.state().errors());
}
