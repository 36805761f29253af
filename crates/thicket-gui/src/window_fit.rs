//! Windows and dialogs that fit the window they open in: on a laptop, or zoomed in, a dialog
//! made for a large screen would reach past the window's edges with its buttons out of reach.
//!
//! [`fit`] bounds a window's size by the app's window (less a small margin) and keeps it there
//! when dragged; [`fit_dialog`] also lets a small dialog's contents scroll when even that is not
//! tall enough, and [`fit_table`] a wide table scroll sideways. Windows with scroll areas of their
//! own only get [`fit`].

/// Space kept between a window and the app window's edges, in points.
const MARGIN: f32 = 8.0;

/// `window`, never larger than the app's window and kept inside it.
pub fn fit<'a>(window: egui::Window<'a>, ctx: &egui::Context) -> egui::Window<'a> {
    let room = ctx.content_rect().shrink(MARGIN);
    window.max_size(room.size()).constrain_to(room)
}

/// A small dialog: [`fit`], with its contents scrolling vertically when they are taller.
pub fn fit_dialog<'a>(window: egui::Window<'a>, ctx: &egui::Context) -> egui::Window<'a> {
    fit(window, ctx).vscroll(true)
}

/// A window holding a wide table without a scroll area of its own: [`fit`], scrolling both ways.
pub fn fit_table<'a>(window: egui::Window<'a>, ctx: &egui::Context) -> egui::Window<'a> {
    fit(window, ctx).scroll(true)
}
