//! The Team view's agreement and the way from the agreement table to the disagreements (issue
//! #13, part 5), in the real window on the sample study (Amara and Jonas): the Team view shows
//! the shown coders' pooled agreement at paragraph unit, the command line's numbers, and opens
//! the Agreement tab on them; a click on a code's name in the Agreement tab opens the
//! Reconciliation queue on that code's disagreements between the compared coders.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

mod common;

use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use thicket_core::analysis::QueueOrder;
use thicket_core::project::ReconcileScope;
use thicket_gui::ThicketApp;
use thicket_gui::analysis::AnalysisKind;

use common::gui::{menu, sample_harness_sized};

/// The command line's pooled estimate of `measure` as the window prints it: "v [lo, hi]".
fn cli_pooled(project: &Path, measure: &str) -> String {
    let out = common::ok(["agreement".as_ref(), project.as_os_str(), "--coders".as_ref(), "Amara,Jonas".as_ref(), "--format".as_ref(), "json".as_ref()]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let e = json["overall"]["estimates"].as_array().unwrap().iter().find(|e| e["measure"] == measure).unwrap().clone();
    let (v, lo, hi) = (e["value"].as_f64().unwrap(), e["ci"]["low"].as_f64().unwrap(), e["ci"]["high"].as_f64().unwrap());
    format!("{v:.3} [{lo:.3}, {hi:.3}]")
}

/// Runs frames until `label` shows (the figures are computed on a worker).
fn wait_for(harness: &mut Harness<'static, ThicketApp>, label: &str) {
    for _ in 0..100 {
        harness.run();
        if harness.query_by_label_contains(label).is_some() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("\"{label}\" never showed");
}

#[test]
fn the_team_view_sums_up_amara_and_jonass_agreement_and_opens_the_table_on_them() {
    let dir = tempfile::tempdir().unwrap();
    let for_cli = dir.path().join("cli.thicket");
    thicket_core::sample::write_sample(&for_cli).unwrap().close().unwrap();
    let mut harness = sample_harness_sized(dir.path(), egui::vec2(1500.0, 1100.0));

    menu(&mut harness, "View", "Team…");
    wait_for(&mut harness, "Amara and Jonas, every code pooled, by paragraph");
    // The pooled kappa, percent agreement and alpha are the command line's, with their intervals.
    for (label, key) in [("Percent agreement", "percent_agreement"), ("Cohen's kappa", "cohen_kappa"), ("Krippendorff's alpha", "krippendorff_alpha")] {
        harness.get_by_label(label);
        harness.get_by_label(&cli_pooled(&for_cli, key));
    }

    // Hiding Jonas leaves one coder: no figures, and the reason.
    harness.get_by_role_and_label(Role::CheckBox, "Show Jonas").click();
    harness.run();
    harness.get_by_label("Show at least two coders to see how far they agree.");
    assert!(harness.query_by_label("Cohen's kappa").is_none());
    harness.get_by_role_and_label(Role::CheckBox, "Show Jonas").click();
    wait_for(&mut harness, "Amara and Jonas, every code pooled");

    // The full table: the Agreement tab, comparing the same coders.
    harness.get_by_role_and_label(Role::Button, "Open the agreement table").click();
    harness.run();
    assert_eq!(harness.state().analysis().active(), Some(AnalysisKind::Agreement));
    wait_for(&mut harness, "Amara and Jonas: by paragraph");
    assert!(harness.state().errors().is_empty(), "{:?}", harness.state().errors());
}

#[test]
fn a_click_on_a_code_in_the_agreement_table_opens_its_disagreements() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness_sized(dir.path(), egui::vec2(1920.0, 1200.0));
    let n = {
        let p = harness.state().project().unwrap();
        let scope = ReconcileScope {
            coders: p.coders_named(&["Amara".into(), "Jonas".into()]).unwrap(),
            master: "consensus".into(),
            codes: vec![p.code_at("Alliance/Bond").unwrap()],
            ..Default::default()
        };
        p.reconcile_queue(&scope, QueueOrder::Text).unwrap().items.len()
    };
    assert!(n > 0);

    menu(&mut harness, "Analysis", "Inter-coder agreement");
    wait_for(&mut harness, "all codes (pooled)");
    let link = harness.get_by_label("Alliance/Bond");
    assert_eq!(link.accesskit_node().role(), Role::Link);
    link.click();
    for _ in 0..3 {
        harness.run();
    }
    assert_eq!(harness.state().analysis().active(), Some(AnalysisKind::Reconcile));
    harness.get_by_label(&format!("0 of {n} resolved"));
    let rows: Vec<String> = harness.query_all_by_label_contains("[open]").filter_map(|n| n.accesskit_node().label()).collect();
    assert_eq!(rows.len(), n, "{rows:?}");
    assert!(rows.iter().all(|r| r.contains(" · Alliance/Bond · ")), "{rows:?}");
    assert!(harness.state().errors().is_empty(), "{:?}", harness.state().errors());
}
