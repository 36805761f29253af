//! The Export menu of every view: the table as CSV or XLSX, the chart as SVG. The menu only
//! picks the format; the app asks for the path (`file_request`) and the view's `export` writes
//! the file, which tests also call directly.

use super::ExportFormat;

/// Draws the menu; returns the format the user chose. `ready` is false while the view has no
/// result to export.
pub fn menu(ui: &mut egui::Ui, ready: bool) -> Option<ExportFormat> {
    let mut chosen = None;
    ui.add_enabled_ui(ready, |ui| {
        // Never wrapped: at the end of a crowded controls row egui would otherwise break the
        // word into one letter per line; unwrapped, the row moves it to the next line.
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
        ui.menu_button("Export", |ui| {
            let items = [
                (ExportFormat::Csv, "Table as CSV…"),
                (ExportFormat::Xlsx, "Tables as an XLSX workbook…"),
                (ExportFormat::Svg, "Chart as SVG…"),
            ];
            for (format, text) in items {
                if ui.button(text).clicked() {
                    ui.close();
                    chosen = Some(format);
                }
            }
        });
    });
    chosen
}
