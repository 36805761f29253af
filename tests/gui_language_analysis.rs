//! The Agreement, Reconciliation and Framework tabs in Spanish and in Dutch (issue #16, part 1):
//! each tab's controls, headings, measures and statuses are the language's, the undo step is
//! named in it, and on a laptop (1024×700) and at 200% zoom no button, picker or checkbox of
//! the longer labels runs past the window.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use thicket_core::analysis::QueueOrder;
use thicket_core::project::ReconcileScope;
use thicket_gui::analysis::AnalysisKind;
use thicket_gui::i18n::Lang;
use thicket_gui::{Startup, ThicketApp, UiCommand};

mod common;
use common::gui::zoomed_harness;

/// What the test reads and clicks, in one language.
struct Labels {
    lang: Lang,
    /// The document's header: the first case's case file (kind, date, words).
    header: &'static str,
    agreement: &'static [&'static str],
    agreement_header: &'static str,
    reconcile: &'static [&'static str],
    item_of: fn(usize) -> String,
    resolved_of: fn(usize) -> String,
    before: &'static str,
    new_matrix: &'static str,
    create: &'static str,
    matrix_status: &'static str,
    edit_menu: &'static str,
    undo_create: &'static str,
}

const SPANISH: Labels = Labels {
    lang: Lang::Es,
    header: "Expediente · 2025-01-20 · 1321 palabras",
    agreement: &["Comparar codificadores", "Unidad", "Filas por", "Todas las unidades", "Contar subcódigos", "Intervalos", "Código", "Unidades", "alfa de Krippendorff", "kappa de Cohen", "Porcentaje de acuerdo", "todos los códigos (agrupados)"],
    agreement_header: "Amara y Jonas: por párrafo; se cuentan:",
    reconcile: &["Codificador/a A", "Codificador/a B", "Maestro/a", "Orden", "Conservar A", "Conservar ambos", "Descartar", "Editar tramo", "Mostrar en el documento", "Nota"],
    item_of: |n| format!("Elemento 1 de {n}"),
    resolved_of: |n| format!("0 de {n} resueltos"),
    before: "Acuerdo antes, Amara con Jonas:",
    new_matrix: "Nueva matriz…",
    create: "Crear",
    matrix_status: "3 casos × 6 códigos · 0 de 18 resúmenes escritos",
    edit_menu: "Editar",
    undo_create: "Deshacer: Crear matriz de marco «Marco»",
};

const DUTCH: Labels = Labels {
    lang: Lang::Nl,
    header: "Dossier · 2025-01-20 · 1.321 woorden",
    agreement: &["Codeurs vergelijken", "Eenheid", "Rijen per", "Alle eenheden", "Subcodes meetellen", "Intervallen", "Code", "Eenheden", "Krippendorffs alfa", "Cohens kappa", "Percentage overeenstemming", "alle codes (samen)"],
    agreement_header: "Amara en Jonas: per alinea; geteld:",
    reconcile: &["Codeur A", "Codeur B", "Hoofdcodeur", "Volgorde", "A behouden", "Beide behouden", "Weglaten", "Bereik bewerken", "Tonen in het document", "Notitie"],
    item_of: |n| format!("Item 1 van {n}"),
    resolved_of: |n| format!("0 van {n} opgelost"),
    before: "Overeenstemming vooraf, Amara met Jonas:",
    new_matrix: "Nieuwe matrix…",
    create: "Maken",
    matrix_status: "3 casussen × 6 codes · 0 van 18 samenvattingen geschreven",
    edit_menu: "Bewerken",
    undo_create: "Ongedaan maken: Raamwerkmatrix “Raamwerk” maken",
};

/// The sample study in `lang`, `size` points at `zoom` pixels per point.
fn window(dir: &Path, lang: Lang, size: egui::Vec2, zoom: f32) -> Harness<'static, ThicketApp> {
    let path = dir.join("sample.thicket");
    if !path.exists() {
        thicket_core::sample::write_sample(&path).unwrap().close().unwrap();
    }
    let prefs = dir.join("prefs.json");
    let p = thicket_gui::Prefs { language: Some(lang), ..Default::default() };
    p.save(Some(prefs.as_path()));
    zoomed_harness(Startup::Open(path), size, zoom, Some(prefs))
}

/// Runs frames until a label containing `text` shows (the tabs compute in the background).
fn wait_for(harness: &mut Harness<'static, ThicketApp>, text: &str) {
    for _ in 0..200 {
        harness.run();
        if harness.query_by_label_contains(text).is_some() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    panic!("{text:?} never showed");
}

/// Every button, picker and checkbox whose row is in sight lies within the window from left to
/// right: a longer label never pushes one out.
fn assert_inside(harness: &Harness<'static, ThicketApp>, what: &str) {
    let screen = harness.ctx.content_rect().expand(0.5);
    let nodes = harness.query_all_by_role(Role::Button).chain(harness.query_all_by_role(Role::ComboBox)).chain(harness.query_all_by_role(Role::CheckBox));
    for node in nodes {
        let rect = node.rect();
        let label = node.accesskit_node().label().unwrap_or_default();
        if rect.center().y < screen.bottom() && rect.center().y > screen.top() {
            assert!(rect.left() >= screen.left() && rect.right() <= screen.right(), "{what}: {:?} {label:?} at {rect:?} runs past the window's side ({screen:?})", node.accesskit_node().role());
        }
    }
}

/// Every picker shown stands on the row of its label: a longer label that ends a row never
/// leaves its picker alone on the next.
fn assert_labels_beside_pickers(harness: &Harness<'static, ThicketApp>, what: &str) {
    let mut checked = 0;
    for picker in harness.query_all_by_role(Role::ComboBox) {
        let Some(name) = picker.accesskit_node().label() else { continue };
        let labels: Vec<_> = harness.query_all_by_role(Role::Label).filter(|n| n.accesskit_node().value().or(n.accesskit_node().label()).as_deref() == Some(name.as_str())).collect();
        let [label] = labels.as_slice() else { continue };
        let (dy, dx) = (label.rect().center().y - picker.rect().center().y, picker.rect().left() - label.rect().right());
        assert!(dy.abs() < 4.0 && dx >= 0.0, "{what}: the picker {name:?} at {:?} is not beside its label at {:?}", picker.rect(), label.rect());
        checked += 1;
    }
    assert!(checked >= 2, "{what}: only {checked} labelled pickers found");
}

/// How many items the sample's queue for Amara and Jonas holds.
fn queue_len(harness: &Harness<'static, ThicketApp>) -> usize {
    let p = harness.state().project().unwrap();
    let scope = ReconcileScope { coders: p.coders_named(&["Amara".into(), "Jonas".into()]).unwrap(), master: "consensus".into(), ..Default::default() };
    p.reconcile_queue(&scope, QueueOrder::Text).unwrap().items.len()
}

fn open(harness: &mut Harness<'static, ThicketApp>, kind: AnalysisKind) {
    harness.state_mut().push_command(UiCommand::OpenAnalysis(kind));
    harness.run();
}

/// The three tabs in `l`'s language on a laptop, then the same at 200% zoom.
fn tabs_in(l: &Labels) {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(dir.path(), l.lang, egui::vec2(1024.0, 700.0), 1.0);
    harness.get_by_label_contains(l.header);

    open(&mut harness, AnalysisKind::Agreement);
    wait_for(&mut harness, l.agreement_header);
    for label in l.agreement {
        assert!(harness.query_all_by_label(label).next().is_some(), "no {label:?} in the Agreement tab");
    }
    assert!(harness.query_by_label_contains("all codes (pooled)").is_none(), "the pooled row is in English");
    assert_inside(&harness, "Agreement at 1024×700");
    assert_labels_beside_pickers(&harness, "Agreement at 1024×700");

    open(&mut harness, AnalysisKind::Reconcile);
    let total = queue_len(&harness);
    wait_for(&mut harness, &(l.item_of)(total));
    harness.get_by_label(&(l.resolved_of)(total));
    harness.get_by_label_contains(l.before);
    for label in l.reconcile {
        assert!(harness.query_all_by_label(label).next().is_some(), "no {label:?} in the Reconciliation tab");
    }
    assert_inside(&harness, "Reconciliation at 1024×700");
    assert_labels_beside_pickers(&harness, "Reconciliation at 1024×700");

    // A framework matrix made in the tab: its status line, then its undo step in the Edit menu.
    open(&mut harness, AnalysisKind::Framework);
    harness.get_by_label(l.new_matrix).click();
    harness.run();
    assert_inside(&harness, "the Framework tab's form at 1024×700");
    harness.get_by_label(l.create).click();
    harness.run();
    wait_for(&mut harness, l.matrix_status);
    assert_inside(&harness, "Framework at 1024×700");
    harness.get_by_label(l.edit_menu).click();
    harness.run();
    harness.get_by_label_contains(l.undo_create);
    harness.key_press(egui::Key::Escape);
    harness.run();
    drop(harness);

    // At 200% zoom (a 1280×800 screen at 2 pixels per point) with the same project.
    let mut harness = window(dir.path(), l.lang, egui::vec2(640.0, 400.0), 2.0);
    assert_inside(&harness, "the document at 200%");
    open(&mut harness, AnalysisKind::Agreement);
    wait_for(&mut harness, l.agreement_header);
    assert_inside(&harness, "Agreement at 200%");
    assert_labels_beside_pickers(&harness, "Agreement at 200%");
    open(&mut harness, AnalysisKind::Reconcile);
    wait_for(&mut harness, &(l.item_of)(total));
    assert_inside(&harness, "Reconciliation at 200%");
    open(&mut harness, AnalysisKind::Framework);
    wait_for(&mut harness, l.matrix_status);
    assert_inside(&harness, "Framework at 200%");
}

#[test]
fn the_agreement_reconciliation_and_framework_tabs_in_spanish_fit_and_speak_spanish() {
    tabs_in(&SPANISH);
}

#[test]
fn the_agreement_reconciliation_and_framework_tabs_in_dutch_fit_and_speak_dutch() {
    tabs_in(&DUTCH);
}
