//! Work that would stall a frame, run on a worker thread with progress and cancel.
//!
//! A [`Job`] owns everything its work needs (an `Arc` of loaded rows, a copy of the choices):
//! the project's SQLite connection stays on the UI thread for reads (it is locked to this process
//! and not shareable between threads), so what a job needs from the project is read first, on the
//! UI thread, in pieces small enough for a frame (`thicket_core::project::AnalysisLoader`). A long
//! write takes the whole project to a worker and gives it back ([`Jobs::lend`], `writing`).
//!
//! Each job records the project generation it was started for; whoever polls it drops a result
//! whose generation is no longer current instead of showing it. A job asks for a repaint when it
//! ends, so the frame that shows its result comes without input. Dropping a job cancels it: the
//! worker sees the flag at its next check and its result goes nowhere.
//!
//! Quick work should not flash a "Computing…" line for one frame: [`Jobs::spawn`] waits a few
//! milliseconds for the result before returning, so a small project's analyses still appear in
//! the frame that asked for them. Tests can hold every job of one window ([`Jobs::hold`]) to see
//! the running state, and let them go.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

/// How long `spawn` waits for quick work before the frame goes on.
const QUICK: Duration = Duration::from_millis(4);

/// The most a frame spends on all its sliced work together (listings, analysis rows, searches):
/// each kind has its own slice, and a kind whose turn comes after this is spent waits a frame.
pub const FRAME_WORK: Duration = Duration::from_millis(8);

/// What the worker sees: whether to stop, and where to report progress.
#[derive(Clone, Default)]
pub struct Cancel {
    flag: Arc<AtomicBool>,
    /// Progress in millionths, so that it fits an atomic.
    progress: Arc<AtomicU32>,
}

impl Cancel {
    /// A fresh flag, not set.
    pub fn new() -> Self {
        Cancel { flag: Arc::new(AtomicBool::new(false)), progress: Arc::new(AtomicU32::new(0)) }
    }

    /// Asks the work to stop.
    pub fn cancel(&self) {
        self.flag.store(true, Ordering::Relaxed);
    }

    /// True once the job was cancelled or dropped: the work should stop and return anything.
    pub fn is_cancelled(&self) -> bool {
        self.flag.load(Ordering::Relaxed)
    }

    /// How far the work says it is, from 0 to 1.
    pub fn progress(&self) -> f32 {
        self.progress.load(Ordering::Relaxed) as f32 / 1e6
    }

    /// Reports how far the work is, from 0 to 1.
    pub fn set_progress(&self, done: f32) {
        self.progress.store((done.clamp(0.0, 1.0) * 1e6) as u32, Ordering::Relaxed);
    }
}

/// What polling a job found.
pub enum Polled<T> {
    /// Still working.
    Running,
    /// Finished with this result.
    Done(T),
    /// The worker stopped without a result (it panicked); the message says so.
    Lost(String),
}

/// Work running on a worker thread for one project generation.
pub struct Job<T> {
    generation: u64,
    cancel: Cancel,
    rx: Receiver<T>,
    /// A result received while waiting for quick work, not yet polled.
    early: Option<T>,
}

impl<T> Job<T> {
    /// The generation the job was started for.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Asks the worker to stop; its result, if any, is dropped.
    pub fn cancel(&self) {
        self.cancel.cancel();
    }

    /// The job's flag and progress, for a Cancel button drawn elsewhere.
    pub fn handle(&self) -> Cancel {
        self.cancel.clone()
    }

    /// Whether `cancel` was called.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.is_cancelled()
    }

    /// How far the worker says it is, from 0 to 1.
    pub fn progress(&self) -> f32 {
        self.cancel.progress()
    }

    /// The result, once there is one; never blocks.
    pub fn poll(&mut self) -> Polled<T> {
        if let Some(done) = self.early.take() {
            return Polled::Done(done);
        }
        match self.rx.try_recv() {
            Ok(done) => Polled::Done(done),
            Err(TryRecvError::Empty) => Polled::Running,
            Err(TryRecvError::Disconnected) => Polled::Lost("the computation stopped unexpectedly".into()),
        }
    }
}

impl<T> Job<T> {
    /// Waits for the result (closing a window while a lent project is being written).
    pub fn wait(mut self) -> Polled<T> {
        if let Some(done) = self.early.take() {
            return Polled::Done(done);
        }
        match self.rx.recv() {
            Ok(done) => Polled::Done(done),
            Err(_) => Polled::Lost("the computation stopped unexpectedly".into()),
        }
    }
}

impl<T> Drop for Job<T> {
    fn drop(&mut self) {
        self.cancel();
    }
}

/// How a window's jobs run: test seams, off by default.
#[derive(Default)]
struct Gate {
    /// Workers wait while this is true (a test looks at the running state).
    held: Mutex<bool>,
    released: Condvar,
    /// Work runs on the calling thread, so a test's frames see its result at once.
    inline: AtomicBool,
    /// When the current frame's sliced work began (`Jobs::begin_frame`).
    frame: Mutex<Option<std::time::Instant>>,
}

impl Gate {
    fn wait(&self) {
        let mut held = self.held.lock().unwrap_or_else(|e| e.into_inner());
        while *held {
            held = self.released.wait(held).unwrap_or_else(|e| e.into_inner());
        }
    }

    fn set(&self, on: bool) {
        *self.held.lock().unwrap_or_else(|e| e.into_inner()) = on;
        self.released.notify_all();
    }

    fn is_held(&self) -> bool {
        *self.held.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Starts jobs for one window: knows whom to ask for a repaint.
#[derive(Clone)]
pub struct Jobs {
    repaint: egui::Context,
    gate: Arc<Gate>,
}

impl Jobs {
    /// Jobs that wake `repaint` when they end.
    pub fn new(repaint: egui::Context) -> Self {
        Jobs { repaint, gate: Arc::new(Gate::default()) }
    }

    /// Runs `work` on a worker thread named `name`, for project generation `generation`.
    pub fn spawn<T: Send + 'static>(&self, name: &str, generation: u64, work: impl FnOnce(&Cancel) -> T + Send + 'static) -> Job<T> {
        self.start(name, generation, false, work)
    }

    /// `spawn` for work that owns something the window must get back (the project lent to a
    /// writer): it always runs and always reports, cancelled or not; `work` itself answers a
    /// cancel (by rolling back) and still returns what it was lent.
    pub fn lend<T: Send + 'static>(&self, name: &str, generation: u64, work: impl FnOnce(&Cancel) -> T + Send + 'static) -> Job<T> {
        self.start(name, generation, true, work)
    }

    fn start<T: Send + 'static>(&self, name: &str, generation: u64, always: bool, work: impl FnOnce(&Cancel) -> T + Send + 'static) -> Job<T> {
        let (tx, rx) = std::sync::mpsc::channel();
        let cancel = Cancel::new();
        if self.gate.inline.load(Ordering::Relaxed) && !self.gate.is_held() {
            let done = work(&cancel);
            return Job { generation, cancel, rx, early: Some(done) };
        }
        let (worker, repaint, gate) = (cancel.clone(), self.repaint.clone(), Arc::clone(&self.gate));
        // Messages a worker writes are in the window's language.
        let lang = crate::i18n::language();
        let spawned = std::thread::Builder::new().name(format!("thicket {name}")).spawn(move || {
            crate::i18n::set_language(lang);
            gate.wait();
            if worker.is_cancelled() && !always {
                return;
            }
            let done = work(&worker);
            if (always || !worker.is_cancelled()) && tx.send(done).is_ok() {
                repaint.request_repaint();
            }
        });
        let mut job = Job { generation, cancel, rx, early: None };
        if spawned.is_err() {
            // No thread: the channel's sender is gone, so the first poll reports the job lost.
            return job;
        }
        // A lent write is long by choice: no point waiting for it.
        if !self.gate.is_held() && !always {
            match job.rx.recv_timeout(QUICK) {
                Ok(done) => job.early = Some(done),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {}
            }
        }
        job
    }

    /// Holds (true) or lets go (false) every job of this window, and makes work done in
    /// slices on the UI thread (searches, reading rows) do one piece per frame: for tests of the
    /// running state.
    pub fn hold(&self, on: bool) {
        self.gate.set(on);
    }

    /// How long a frame may spend on a slice of sliced work (`slice` unless held: then one piece).
    pub fn slice(&self, slice: Duration) -> Duration {
        if self.gate.is_held() { Duration::ZERO } else { slice }
    }

    /// Marks the start of a frame's sliced work (the app calls it first thing in a frame).
    pub fn begin_frame(&self) {
        *self.gate.frame.lock().unwrap_or_else(|e| e.into_inner()) = Some(std::time::Instant::now());
    }

    /// Whether this frame has already spent `FRAME_WORK` on sliced work: the next piece waits
    /// for the next frame (which the caller asks for). Never while held or inline (tests).
    pub fn frame_spent(&self) -> bool {
        if self.gate.is_held() || self.gate.inline.load(Ordering::Relaxed) {
            return false;
        }
        self.gate.frame.lock().unwrap_or_else(|e| e.into_inner()).is_some_and(|t| t.elapsed() >= FRAME_WORK)
    }

    /// Runs jobs on the calling thread (true) or on workers (false, the default): GUI tests
    /// run inline so that a fixed number of frames sees every result; a held window still
    /// uses workers.
    pub fn run_inline(&self, on: bool) {
        self.gate.inline.store(on, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait<T>(job: &mut Job<T>) -> Polled<T> {
        for _ in 0..1000 {
            match job.poll() {
                Polled::Running => std::thread::sleep(Duration::from_millis(2)),
                other => return other,
            }
        }
        Polled::Running
    }

    #[test]
    fn a_job_reports_its_result_and_its_progress() {
        let jobs = Jobs::new(egui::Context::default());
        jobs.hold(true);
        let mut job = jobs.spawn("test", 7, |cancel| {
            cancel.set_progress(0.5);
            41 + 1
        });
        assert!(matches!(job.poll(), Polled::Running), "held");
        assert_eq!(job.generation(), 7);
        jobs.hold(false);
        assert!(matches!(wait(&mut job), Polled::Done(42)));
        assert!((job.progress() - 0.5).abs() < 1e-3);
    }

    #[test]
    fn a_cancelled_job_stops_at_its_next_check_and_gives_nothing() {
        let jobs = Jobs::new(egui::Context::default());
        let (started_tx, started_rx) = std::sync::mpsc::channel();
        let mut job = jobs.spawn("test", 1, move |cancel| {
            started_tx.send(()).ok();
            let mut rounds = 0u64;
            while !cancel.is_cancelled() {
                rounds += 1;
                std::thread::sleep(Duration::from_millis(1));
            }
            rounds
        });
        started_rx.recv().unwrap();
        job.cancel();
        // The worker ends without sending: the channel closes and nothing is shown.
        assert!(matches!(wait(&mut job), Polled::Lost(_)));
        assert!(job.is_cancelled());
    }
}
