//! The document view, headless: one long source with dense codings, laid out and painted by a
//! real egui context (tessellation included, no GPU), as the window would each frame.

use std::path::Path;
use std::time::Instant;

use super::corpus::long_source;
use super::{Figure, Scale};
use thicket_core::action::{Action, NewCoding};
use thicket_core::error::Result;
use thicket_core::model::*;
use thicket_core::project::Project;
use thicket_gui::document::DocumentView;

struct Painter {
    ctx: egui::Context,
}

impl Painter {
    fn new() -> Self {
        Painter { ctx: egui::Context::default() }
    }

    /// One frame with the document in the central panel; returns milliseconds.
    fn frame(&self, view: &mut DocumentView) -> f64 {
        let started = Instant::now();
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1400.0, 900.0))),
            ..Default::default()
        };
        let mut output = self.ctx.run_ui(input, |ui| {
            egui::CentralPanel::default().show(ui, |ui| std::hint::black_box(view.show(ui)));
        });
        // No GPU here to upload font textures to; egui insists deltas are handled, not dropped.
        output.textures_delta.clear();
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        std::hint::black_box(primitives);
        started.elapsed().as_secs_f64() * 1000.0
    }

    /// Frames until a `scroll_to_char` has arrived (at most a second of 60 Hz frames).
    fn settle(&self, view: &mut DocumentView) {
        for _ in 0..60 {
            if !view.is_scrolling() {
                return;
            }
            self.frame(view);
        }
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

pub(super) fn run(scale: &Scale, seed: u64, dir: &Path, say: fn(&str)) -> Result<Vec<Figure>> {
    say("docview…");
    let (source, codings) = long_source(scale.docview_bytes, scale.docview_codings, 20, seed ^ 0xD0C);
    let path = dir.join("docview.thicket");
    let _ = std::fs::remove_file(&path);
    let mut project = Project::create(&path, "Document view benchmark")?;
    let mut codes = Vec::new();
    for i in 0..20 {
        let color = ["#E53935", "#1E88E5", "#43A047", "#FB8C00", "#8E24AA"][i % 5];
        codes.push(project.apply(Action::CreateCode { parent: None, name: format!("Code {i:02}"), color: color.into(), description: CodeDescription::default() })?.created.codes[0]);
    }
    let id = project.apply(thicket_core::project::import_text("long interview", SourceKind::Interview, &source.text))?.created.sources[0];
    let coder = project.ensure_coder("Amara")?;
    let batch: Vec<NewCoding> = codings
        .iter()
        .map(|c| NewCoding { source: id, code: codes[c.code], coder, span: TextSpan { start: c.start, end: c.end }, memo: String::new() })
        .collect();
    let n = batch.len();
    project.apply(Action::AddCodings(batch))?;

    let painter = Painter::new();
    let started = Instant::now();
    let mut view = DocumentView::load(&project, id)?;
    painter.frame(&mut view);
    let first = started.elapsed().as_secs_f64() * 1000.0;

    // Reading: 240 points (about ten lines) per frame, as a wheel or a dragged scroll bar does.
    let mut frames = Vec::new();
    for k in 0..60 {
        view.scroll_to = Some(k as f32 * 240.0);
        frames.push(painter.frame(&mut view));
    }
    let steady = median(frames);

    // Jumping from a search hit or a retrieved segment: the first frame at the new place.
    let chars = view.text().chars().count();
    let mut jumps = Vec::new();
    for k in 0..8 {
        view.scroll_to_char((2 * k + 1) * chars / 16);
        jumps.push(painter.frame(&mut view));
        painter.settle(&mut view);
    }
    let jump = median(jumps);

    let mut applies = Vec::new();
    for (k, &code) in codes.iter().enumerate().take(5) {
        let (s, e) = source.sentences[(k * 97) % source.sentences.len()];
        // The coder is looking at the passage being coded, so its paragraph is on screen.
        view.scroll_to_char(s);
        painter.settle(&mut view);
        let started = Instant::now();
        project.perform(Action::AddCodings(vec![NewCoding { source: id, code, coder, span: TextSpan { start: s, end: e }, memo: String::new() }]))?;
        view.refresh(&project)?;
        painter.frame(&mut view);
        applies.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let apply = median(applies);
    project.close()?;
    let _ = std::fs::remove_file(&path);
    let size = format!("{:.2} MB source, {n} codings", source.text.len() as f64 / 1e6);
    Ok(vec![
        Figure::new("docview first paint (load + first frame)", first, "ms").budget(150.0).note(size.clone()),
        Figure::new("docview steady frame while scrolling", steady, "ms").budget(4.0).note("median of 60 frames, layout + paint + tessellation"),
        Figure::new("docview jump to an offset (first frame)", jump, "ms").note("median of 8 scroll_to_char jumps across the text"),
        Figure::new("docview apply a code (action + repaint)", apply, "ms").budget(16.0).note("median of 5; AddCodings, the view's refresh, one frame"),
    ])
}
