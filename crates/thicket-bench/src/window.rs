//! The whole window, headless, on the benchmark project: the longest UI-thread frame after each
//! action a researcher takes (open an analysis tab, change one of its choices, apply a code,
//! undo, merge two codes, search the project, preview and run an autocode, preview coded
//! excerpts), against the 16 ms
//! budget of one frame at 60 Hz.
//!
//! The real `ThicketApp` runs frame after frame in an egui context (layout, the app's work, the
//! commands applied after the frame, tessellation; no GPU). Between frames the driver sleeps
//! what is left of 1/60 s, as vsync would, so that workers get the time they get in the window.
//! An action is followed until the window is idle again: nothing under way (`is_busy`) and no
//! frame asked for. Widgets are found as a screen reader finds them (egui's accesskit tree, on
//! only for the frame that looks) and clicked with pointer events, as a hand does.

use std::path::Path;
use std::time::{Duration, Instant};

use egui::accesskit;

use super::Figure;
use thicket_core::action::{Action, NewCoding};
use thicket_core::error::{Error, Result};
use thicket_core::model::*;
use thicket_gui::analysis::AnalysisKind;
use thicket_gui::{Startup, ThicketApp, UiCommand};

/// One frame at 60 Hz.
const FRAME: Duration = Duration::from_micros(16_667);
/// The budget of a frame, in milliseconds.
const BUDGET_MS: f64 = 16.0;
/// An action that has not settled after this long is reported as such.
const PATIENCE: Duration = Duration::from_secs(120);

/// The window and what it has been asked to do next.
struct Window {
    ctx: egui::Context,
    app: ThicketApp,
    frame: eframe::Frame,
    events: Vec<egui::Event>,
    started: Instant,
    /// What the last frame drew, for the report of the longest frame (`census`).
    census: String,
}

/// What following one action found.
struct Followed {
    longest_ms: f64,
    frames: usize,
    /// From the action to the idle window.
    settled_ms: f64,
    over_budget: usize,
    /// Where the longest frame's time went: the app's phases (`thicket_gui::phases`) and the
    /// tessellation, the longest first.
    longest_phases: Vec<(&'static str, f64)>,
    /// What the longest frame drew (`census`).
    longest_census: String,
}

impl Window {
    fn open(path: &Path) -> Self {
        let ctx = egui::Context::default();
        let cc = eframe::CreationContext::_new_kittest(ctx.clone());
        // A coder is named, as after the first start's question, so that no dialog covers the window.
        let prefs = thicket_gui::Prefs { coder: Some("bench".into()), ..Default::default() };
        let app = ThicketApp::with_prefs(&cc, Startup::Open(path.to_path_buf()), prefs, None);
        Window { ctx, app, frame: eframe::Frame::_new_kittest(), events: Vec::new(), started: Instant::now(), census: String::new() }
    }

    /// Runs one frame; returns its milliseconds, whether another was asked for at once, and the
    /// accesskit tree when it is on.
    fn frame(&mut self) -> (f64, bool, Option<accesskit::TreeUpdate>) {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1600.0, 1000.0))),
            time: Some(self.started.elapsed().as_secs_f64()),
            events: std::mem::take(&mut self.events),
            ..Default::default()
        };
        let started = Instant::now();
        thicket_gui::phases::take();
        let (app, frame) = (&mut self.app, &mut self.frame);
        let mut output = self.ctx.run_ui(input, |ui| eframe::App::ui(app, ui, frame));
        output.textures_delta.clear();
        let repaint = output.viewport_output.get(&egui::ViewportId::ROOT).is_some_and(|v| v.repaint_delay.is_zero());
        let tree = output.platform_output.accesskit_update.take();
        self.census = census(&output.shapes);
        // THICKET_BENCH_SHAPES=1: a slow tessellation is tried again, whole and shape by shape,
        // to tell many shapes from a thread that waited (outside the frame's time).
        let kept = std::env::var_os("THICKET_BENCH_SHAPES").map(|_| output.shapes.clone());
        let tessellated = Instant::now();
        {
            let _p = thicket_gui::phases::phase("tessellation");
            std::hint::black_box(self.ctx.tessellate(output.shapes, output.pixels_per_point));
        }
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        if let Some(kept) = kept
            && tessellated.elapsed() > Duration::from_millis(30)
        {
            // Which shape took the time, tessellated alone, and the whole again.
            let again = Instant::now();
            std::hint::black_box(self.ctx.tessellate(kept.clone(), output.pixels_per_point));
            let again = again.elapsed().as_secs_f64() * 1000.0;
            let mut slowest = (0.0, String::new());
            for shape in kept {
                let t = Instant::now();
                let desc = format!("{:?}", shape.shape);
                std::hint::black_box(self.ctx.tessellate(vec![shape], output.pixels_per_point));
                let ms = t.elapsed().as_secs_f64() * 1000.0;
                if ms > slowest.0 {
                    slowest = (ms, desc.chars().take(300).collect());
                }
            }
            self.census.push_str(&format!("; tessellated again {again:.1} ms, slowest shape alone {:.1} ms: {}", slowest.0, slowest.1));
        }
        (ms, repaint, tree)
    }

    /// Frames until the window is idle, at most 60 a second.
    fn follow(&mut self) -> Followed {
        let started = Instant::now();
        let mut out = Followed { longest_ms: 0.0, frames: 0, settled_ms: 0.0, over_budget: 0, longest_phases: Vec::new(), longest_census: String::new() };
        // A worker's result arrives between frames; a quiet frame or two confirms the end.
        let mut quiet = 0;
        while started.elapsed() < PATIENCE {
            let begun = Instant::now();
            let (ms, again, _) = self.frame();
            out.frames += 1;
            if ms > out.longest_ms {
                out.longest_ms = ms;
                out.longest_phases = thicket_gui::phases::take();
                out.longest_census = std::mem::take(&mut self.census);
            }
            if ms > BUDGET_MS {
                out.over_budget += 1;
            }
            if again || self.app.is_busy() {
                quiet = 0;
            } else {
                quiet += 1;
                if quiet >= 3 {
                    break;
                }
            }
            std::thread::sleep(FRAME.saturating_sub(begun.elapsed()));
        }
        out.settled_ms = started.elapsed().as_secs_f64() * 1000.0;
        out
    }

    /// The screen rectangle of the widget named `name` (a button's text, a label's text, or a
    /// field labelled by it), found in one frame with accesskit on.
    fn find(&mut self, name: &str) -> Option<egui::Rect> {
        self.ctx.enable_accesskit();
        let (_, _, tree) = self.frame();
        self.ctx.disable_accesskit();
        let nodes = tree?.nodes;
        let named = |n: &accesskit::Node| n.label() == Some(name) || n.value() == Some(name);
        let rect = |n: &accesskit::Node| n.bounds().map(|b| egui::Rect::from_min_max(egui::pos2(b.x0 as f32, b.y0 as f32), egui::pos2(b.x1 as f32, b.y1 as f32)));
        // A field labelled by a label is found by the label's text, as a screen reader names it.
        let label = nodes.iter().find(|(_, n)| named(n) && n.role() == accesskit::Role::Label).map(|(id, _)| *id);
        if let Some(label) = label
            && let Some((_, field)) = nodes.iter().find(|(_, n)| n.labelled_by().contains(&label))
        {
            return rect(field);
        }
        nodes.iter().find(|(_, n)| named(n) && n.role() != accesskit::Role::Label).and_then(|(_, n)| rect(n)).or_else(|| nodes.iter().find(|(_, n)| named(n)).and_then(|(_, n)| rect(n)))
    }

    /// Clicks the widget named `name`, or says it is not there.
    fn click(&mut self, name: &str) -> Result<()> {
        let rect = self.find(name).ok_or_else(|| Error::internal(format!("the window bench found no \"{name}\" to click")))?;
        self.click_at(rect.center());
        Ok(())
    }

    /// Clicks the checkbox named `name` (a code's name is also a row of the codebook panel).
    fn click_checkbox(&mut self, name: &str) -> Result<()> {
        self.ctx.enable_accesskit();
        let (_, _, tree) = self.frame();
        self.ctx.disable_accesskit();
        let b = tree
            .and_then(|t| t.nodes.into_iter().find(|(_, n)| n.role() == accesskit::Role::CheckBox && n.label() == Some(name)))
            .and_then(|(_, n)| n.bounds())
            .ok_or_else(|| Error::internal(format!("the window bench found no checkbox \"{name}\"")))?;
        self.click_at(egui::pos2(((b.x0 + b.x1) / 2.0) as f32, ((b.y0 + b.y1) / 2.0) as f32));
        Ok(())
    }

    fn click_at(&mut self, pos: egui::Pos2) {
        self.events.push(egui::Event::PointerMoved(pos));
        self.events.push(egui::Event::PointerButton { pos, button: egui::PointerButton::Primary, pressed: true, modifiers: egui::Modifiers::NONE });
        self.frame();
        self.events.push(egui::Event::PointerButton { pos, button: egui::PointerButton::Primary, pressed: false, modifiers: egui::Modifiers::NONE });
    }

    fn key(&mut self, key: egui::Key, modifiers: egui::Modifiers) {
        self.events.push(egui::Event::Key { key, physical_key: None, pressed: true, repeat: false, modifiers });
        self.events.push(egui::Event::Key { key, physical_key: None, pressed: false, repeat: false, modifiers });
    }
}

fn figure(what: &str, f: &Followed, note: &str) -> Figure {
    // The phases that filled the longest frame, down to a millisecond.
    let phases: Vec<String> = f.longest_phases.iter().filter(|(_, ms)| *ms >= 1.0).map(|(name, ms)| format!("{name} {ms:.1}")).collect();
    let phases = if phases.is_empty() { String::new() } else { format!("; longest frame: {}", phases.join(", ")) };
    let phases = format!("{phases}; it drew {}", f.longest_census);
    Figure::new(&format!("window: longest frame after {what}"), f.longest_ms, "ms")
        .budget(BUDGET_MS)
        .note(format!("{} frames, {} over 16 ms; idle again after {:.0} ms{note}{phases}", f.frames, f.over_budget, f.settled_ms))
}

/// Opens the project at `path` in the window and follows each action; `word` is a common word
/// of the corpus (the search and autocode figures use it).
pub(super) fn run(path: &Path, word: &str, say: fn(&str)) -> Result<Vec<Figure>> {
    say("window (the whole app, headless)…");
    thicket_gui::phases::record(true);
    let opened = Instant::now();
    let mut w = Window::open(path);
    let open_ms = opened.elapsed().as_secs_f64() * 1000.0;
    let mut figures = Vec::new();
    let first = w.follow();
    figures.push(figure("opening the project", &first, &format!(" (Project::open itself, before the first frame: {open_ms:.0} ms)")));

    w.app.push_command(UiCommand::OpenAnalysis(AnalysisKind::Matrix));
    figures.push(figure("opening the matrix tab", &w.follow(), ""));
    figures.push(idle(&mut w, "the matrix tab (codes × cases) in front"));
    w.click("Columns")?;
    w.follow();
    w.click("Roles")?;
    figures.push(figure("changing a choice (matrix columns → roles: speakers loaded)", &w.follow(), ""));

    // Changes, with the matrix in front: each one also reloads the analysis data.
    let project = w.app.project().ok_or_else(|| Error::internal("the window bench opened no project"))?;
    let source = project.sources()?.first().map(|s| s.id).ok_or_else(|| Error::internal("no sources"))?;
    let book = project.codebook()?;
    let codes: Vec<CodeId> = book.walk().iter().map(|(_, c)| c.id).collect();
    let coder = project.coders()?.first().map(|c| c.id).ok_or_else(|| Error::internal("no coders"))?;
    let merge = project.merge_codes_action(codes[codes.len() - 1], codes[codes.len() - 2])?;
    w.app.push_command(UiCommand::Perform(Action::AddCodings(vec![NewCoding { source, code: codes[0], coder, span: TextSpan { start: 10, end: 60 }, memo: String::new() }])));
    figures.push(figure("applying a code (matrix tab open)", &w.follow(), ""));
    w.app.push_command(UiCommand::Undo);
    figures.push(figure("undo (matrix tab open)", &w.follow(), ""));
    w.app.push_command(UiCommand::Perform(merge));
    figures.push(figure("merging two codes (matrix tab open)", &w.follow(), ""));

    w.app.push_command(UiCommand::OpenAnalysis(AnalysisKind::Cooccurrence));
    figures.push(figure("opening the co-occurrence tab", &w.follow(), ""));

    // The project search panel: a common word, then an autocode preview and run of it.
    w.key(egui::Key::D, egui::Modifiers::COMMAND | egui::Modifiers::SHIFT);
    w.key(egui::Key::F, egui::Modifiers::COMMAND | egui::Modifiers::SHIFT);
    w.follow();
    w.events.push(egui::Event::Text(word.to_string()));
    w.key(egui::Key::Enter, egui::Modifiers::NONE);
    figures.push(figure(&format!("searching the project for \"{word}\""), &w.follow(), ""));
    w.click("Code")?;
    w.follow();
    w.click(book.path(codes[0]).unwrap_or_default())?;
    w.follow();
    w.click("Sentence")?;
    figures.push(figure(&format!("previewing an autocode of \"{word}\" by sentence"), &w.follow(), ""));
    let add = w.find_prefix("Add ").ok_or_else(|| Error::internal("no Add button after the preview"))?;
    w.click(&add)?;
    figures.push(figure(&format!("autocoding \"{word}\" ({add})"), &w.follow(), ""));
    figures.extend(excerpt_dialog(&mut w, &book)?);
    figures.extend(team(&mut w)?);
    eframe::App::on_exit(&mut w.app, None);
    Ok(figures)
}

/// File → Export → Coded excerpts…: the preview of the first code's branch (ticked in the tree), then
/// of every coding (a query naming every top-level code), each read a few sources per frame.
fn excerpt_dialog(w: &mut Window, book: &Codebook) -> Result<Vec<Figure>> {
    let tops: Vec<String> = book.children(None).iter().filter_map(|id| book.path(*id)).map(quoted).collect();
    let first = book.children(None).first().and_then(|id| book.get(*id)).map(|c| c.name.clone()).ok_or_else(|| Error::internal("no codes"))?;
    w.app.push_command(UiCommand::Run(thicket_gui::commands::Command::ExportExcerpts));
    w.follow();
    let mut figures = Vec::new();
    w.click_checkbox(&first)?;
    let ticked = w.follow();
    let count = w.app.excerpt_dialog().count().unwrap_or_default();
    figures.push(figure(&format!("ticking \"{first}\" with sub-codes in the excerpt dialog (preview and count: {count} excerpts)"), &ticked, ""));
    w.click("Query")?;
    w.follow();
    w.click("Query")?;
    w.follow();
    w.events.push(egui::Event::Text(tops.join(" OR ")));
    let queried = w.follow();
    let count = w.app.excerpt_dialog().count().unwrap_or_default();
    figures.push(figure(&format!("a query of every top-level code in the excerpt dialog (preview and count: {count} excerpts)"), &queried, ""));
    Ok(figures)
}

/// View → Team…: the coders with their counts (read once), then hiding the second coder and
/// coding blind as the first: each rebuilds what shows codings (the document, the codebook's
/// counts, the analysis tabs) for the new choice.
fn team(w: &mut Window) -> Result<Vec<Figure>> {
    use thicket_gui::team::TeamRequest;
    let coders = w.app.project().ok_or_else(|| Error::internal("no project"))?.coders()?;
    let (Some(first), Some(second)) = (coders.first().map(|c| c.id), coders.get(1).map(|c| c.id)) else {
        return Err(Error::internal("the bench corpus has two coders"));
    };
    let mut figures = Vec::new();
    w.app.push_command(UiCommand::Run(thicket_gui::commands::Command::Team));
    figures.push(figure("opening the Team view (codings and memos counted per coder)", &w.follow(), ""));
    w.app.push_command(UiCommand::Team(TeamRequest::Show(second, false)));
    figures.push(figure("hiding the second coder (document, counts and analysis tabs rebuilt)", &w.follow(), ""));
    w.app.push_command(UiCommand::Team(TeamRequest::Show(second, true)));
    w.follow();
    w.app.push_command(UiCommand::Team(TeamRequest::EnterBlind(first)));
    figures.push(figure("entering blind mode as the first coder", &w.follow(), ""));
    w.app.push_command(UiCommand::Team(TeamRequest::LeaveBlind));
    figures.push(figure("leaving blind mode", &w.follow(), ""));
    Ok(figures)
}

/// What a frame drew: its shapes and the glyphs of their texts, and the clip rectangle that held
/// the most glyphs (a tessellation of many milliseconds is many glyphs or shapes).
fn census(shapes: &[egui::epaint::ClippedShape]) -> String {
    fn count(shape: &egui::Shape, n: &mut (usize, usize)) {
        match shape {
            egui::Shape::Vec(v) => v.iter().for_each(|s| count(s, n)),
            egui::Shape::Text(t) => {
                n.0 += 1;
                n.1 += t.galley.rows.iter().map(|r| r.glyphs.len()).sum::<usize>();
            }
            _ => n.0 += 1,
        }
    }
    let mut by_clip: Vec<(egui::Rect, (usize, usize))> = Vec::new();
    let mut all = (0, 0);
    for c in shapes {
        let mut n = (0, 0);
        count(&c.shape, &mut n);
        all.0 += n.0;
        all.1 += n.1;
        match by_clip.iter_mut().find(|(r, _)| *r == c.clip_rect) {
            Some((_, m)) => {
                m.0 += n.0;
                m.1 += n.1;
            }
            None => by_clip.push((c.clip_rect, n)),
        }
    }
    by_clip.sort_by_key(|(_, n)| std::cmp::Reverse(n.1));
    let top = by_clip.first().map(|(r, n)| format!(" (most in the clip {:.0},{:.0}–{:.0},{:.0}: {} shapes, {} glyphs)", r.min.x, r.min.y, r.max.x, r.max.y, n.0, n.1)).unwrap_or_default();
    format!("{} shapes, {} glyphs{top}", all.0, all.1)
}

/// A code path as the query language takes it.
fn quoted(path: &str) -> String {
    format!("\"{path}\"")
}

/// The median of 30 frames in which nothing happens but the pointer moving: what a frame costs
/// with the window as it is, before any work of an action.
fn idle(w: &mut Window, what: &str) -> Figure {
    let mut frames: Vec<f64> = (0..30)
        .map(|k| {
            w.events.push(egui::Event::PointerMoved(egui::pos2(700.0 + (k % 5) as f32, 400.0)));
            w.frame().0
        })
        .collect();
    frames.sort_by(f64::total_cmp);
    Figure::new(&format!("window: an idle frame, {what}"), frames[frames.len() / 2], "ms").budget(BUDGET_MS).note("median of 30 frames with only the pointer moving")
}

impl Window {
    /// The name of the first widget whose name starts with `prefix`.
    fn find_prefix(&mut self, prefix: &str) -> Option<String> {
        self.ctx.enable_accesskit();
        let (_, _, tree) = self.frame();
        self.ctx.disable_accesskit();
        tree?.nodes.iter().filter_map(|(_, n)| n.label().filter(|l| l.starts_with(prefix)).map(str::to_string)).next()
    }
}
