//! The Export menu of every view: the table as CSV or XLSX, the chart as SVG. The file dialog
//! only picks the path; the writing is done by the view's `export`, which tests call directly.

use std::path::{Path, PathBuf};

use super::{Ctx, ExportFormat, Request};

/// Draws the menu; returns the format and path the user chose. `ready` is false while the view
/// has no result to export.
pub fn menu(ui: &mut egui::Ui, stem: &str, ready: bool) -> Option<(ExportFormat, PathBuf)> {
    let mut chosen = None;
    ui.add_enabled_ui(ready, |ui| {
        ui.menu_button("Export", |ui| {
            let items = [
                (ExportFormat::Csv, "Table as CSV…", "CSV"),
                (ExportFormat::Xlsx, "Tables as an XLSX workbook…", "Excel workbook"),
                (ExportFormat::Svg, "Chart as SVG…", "SVG image"),
            ];
            for (format, text, kind) in items {
                if ui.button(text).clicked() {
                    ui.close();
                    let ext = format.extension();
                    chosen = rfd::FileDialog::new().set_file_name(format!("{stem}.{ext}")).add_filter(kind, &[ext]).save_file().map(|p| (format, p));
                }
            }
        });
    });
    chosen
}

/// Exports with `export` and says how it went: a note for the view's status line (returned), or
/// an error for the window's notifications.
pub fn run(ctx: &mut Ctx, choice: Option<(ExportFormat, PathBuf)>, export: impl Fn(ExportFormat, &Path) -> thicket_core::Result<()>) -> Option<String> {
    let (format, path) = choice?;
    match export(format, &path) {
        Ok(()) => Some(format!("Saved {}", path.display())),
        Err(e) => {
            ctx.requests.push(Request::Error(e.to_string()));
            None
        }
    }
}
