//! Where a frame's time goes: named phases of the UI thread (a panel, a command applied after
//! the frame, a project read), timed when a profiler asks for them and free otherwise.
//!
//! The window benchmark (`thicket-bench`'s `window.rs`) turns recording on, runs a frame and
//! takes the phases, so that a frame over its 16 ms budget is reported with what filled it
//! instead of a guess. Phases nest (a command's phase contains the project's commit); each is
//! reported with its own total, so nested ones are read as parts of the outer one.

use std::cell::RefCell;
use std::time::Instant;

thread_local! {
    /// The phases of the frame so far, while recording; `None` when nobody asked.
    static PHASES: RefCell<Option<Vec<(&'static str, f64)>>> = const { RefCell::new(None) };
}

/// Starts (true) or stops (false) recording phases on this thread; starting clears them.
pub fn record(on: bool) {
    PHASES.with(|p| *p.borrow_mut() = on.then(Vec::new));
}

/// The phases recorded since the last call, in milliseconds, summed per name, the longest
/// first; recording goes on.
pub fn take() -> Vec<(&'static str, f64)> {
    let phases = PHASES.with(|p| p.borrow_mut().as_mut().map(std::mem::take).unwrap_or_default());
    let mut summed: Vec<(&'static str, f64)> = Vec::new();
    for (name, ms) in phases {
        match summed.iter_mut().find(|(n, _)| *n == name) {
            Some((_, total)) => *total += ms,
            None => summed.push((name, ms)),
        }
    }
    summed.sort_by(|a, b| b.1.total_cmp(&a.1));
    summed
}

/// Times the phase `name` until dropped (nothing while not recording).
#[must_use = "the phase ends when this is dropped"]
pub struct Phase(Option<(&'static str, Instant)>);

/// Starts timing the phase `name`.
pub fn phase(name: &'static str) -> Phase {
    let on = PHASES.with(|p| p.borrow().is_some());
    Phase(on.then(|| (name, Instant::now())))
}

/// Runs `f` as the phase `name`.
pub fn timed<T>(name: &'static str, f: impl FnOnce() -> T) -> T {
    let _p = phase(name);
    f()
}

impl Drop for Phase {
    fn drop(&mut self) {
        if let Some((name, started)) = self.0.take() {
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            PHASES.with(|p| {
                if let Some(list) = p.borrow_mut().as_mut() {
                    list.push((name, ms));
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_are_summed_per_name_only_while_recording() {
        drop(phase("before"));
        assert!(take().is_empty(), "nothing is kept before recording starts");
        record(true);
        drop(phase("a"));
        drop(phase("b"));
        drop(phase("a"));
        let names: Vec<&str> = take().iter().map(|(n, _)| *n).collect();
        assert_eq!(names.len(), 2);
        assert!(names.contains(&"a") && names.contains(&"b"));
        assert!(take().is_empty(), "take empties the list");
        record(false);
        drop(phase("after"));
        assert!(take().is_empty());
    }
}
