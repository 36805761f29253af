//! The Export menu of every view: the table as CSV or XLSX, the chart as SVG or PNG at a size
//! set in the menu. The menu only picks the format; the app asks for the path (`file_request`)
//! and the tab's `export` writes the file, which tests also call directly.

use super::ExportFormat;
use thicket_core::export::svg::ChartSize;

/// Draws the menu; returns the format the user chose. `ready` is false while the view has no
/// result to export. `size` is the chart size, edited in the menu.
pub fn menu(ui: &mut egui::Ui, ready: bool, size: &mut ChartSize, pseudonymise: &mut bool) -> Option<ExportFormat> {
    let items = [
        (ExportFormat::Csv, t!("export-table-csv")),
        (ExportFormat::Xlsx, t!("export-tables-xlsx")),
        (ExportFormat::Svg, t!("export-chart-svg")),
        (ExportFormat::Png, t!("export-chart-png")),
    ];
    formats_menu(ui, ready, &items, pseudonymise, |ui| {
        ui.separator();
        chart_size(ui, size);
    })
}

/// An Export menu offering `items` (a format and its entry's text) and *Pseudonymise*, then
/// whatever `more` adds; returns the format chosen. Views without a chart (reports, the
/// agreement table, the reconciliation queue) use it with their own entries.
pub fn formats_menu(ui: &mut egui::Ui, ready: bool, items: &[(ExportFormat, &str)], pseudonymise: &mut bool, more: impl FnOnce(&mut egui::Ui)) -> Option<ExportFormat> {
    let mut chosen = None;
    ui.add_enabled_ui(ready, |ui| {
        // Never wrapped: at the end of a crowded controls row egui would otherwise break the
        // word into one letter per line; unwrapped, the row moves it to the next line.
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
        ui.menu_button(t!("files-title-export"), |ui| {
            for &(format, text) in items {
                if ui.button(text).clicked() {
                    ui.close();
                    chosen = Some(format);
                }
            }
            ui.separator();
            pseudonymise_box(ui, pseudonymise);
            more(ui);
        });
    });
    chosen
}

/// "Chart width [170] mm at [300] dpi = 2008 px": the size SVG and PNG charts are written at.
fn chart_size(ui: &mut egui::Ui, size: &mut ChartSize) {
    ui.label(t!("export-chart-size"));
    ui.horizontal(|ui| {
        ui.label(t!("export-width"));
        ui.add(egui::DragValue::new(&mut size.width_mm).range(ChartSize::WIDTH_MM).suffix(" mm"))
            .on_hover_text(t!("export-width-tooltip"));
        ui.label(t!("export-at"));
        ui.add(egui::DragValue::new(&mut size.dpi).range(ChartSize::DPI).suffix(" dpi"))
            .on_hover_text(t!("export-dpi-tooltip"));
    });
    ui.weak(t!("export-png-width", n = size.width_px().to_string()));
}

/// "Pseudonymise": every export of the Analysis area goes through the project's pseudonym map
/// while it is ticked (tables, reports and charts alike).
pub fn pseudonymise_box(ui: &mut egui::Ui, pseudonymise: &mut bool) {
    ui.checkbox(pseudonymise, t!("report-pseudonymise"))
        .on_hover_text(t!("export-pseudonymise-tooltip"));
}
