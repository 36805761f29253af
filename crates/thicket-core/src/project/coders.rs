//! What a team sees of its coders (issue #13, part 1): each coder with their colour, whether
//! retired, how many codings and memos they made, and their blind sessions; and the record of
//! blind mode itself.
//!
//! Blind sessions are recorded writes, not undo steps: entering or leaving blind mode changes what
//! a window shows, not the study's data, and "undo" must not erase the record of who coded blind.
//! A session is written when it opens and again when it ends, each in its own transaction, so it
//! survives a crash. A window that ends without leaving blind mode leaves the session open; it then
//! counts up to its last activity (the last change made while blind, which the window records), and
//! is closed there when the same coder next enters blind mode.

use std::collections::HashMap;

use super::Project;
use crate::clock::now_rfc3339;
use crate::error::{Error, Result};
use crate::model::*;

/// One coder as the Team view and `thicket list coders` show them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoderSummary {
    pub coder: Coder,
    pub codings: usize,
    pub memos: usize,
    /// Their blind sessions, oldest first.
    pub blind_sessions: Vec<BlindSession>,
    /// Seconds spent coding blind, over every session (an open one counts to its last activity).
    pub blind_seconds: i64,
}

impl CoderSummary {
    /// Whether a session of theirs is open (entered and not left).
    pub fn blind_now(&self) -> bool {
        self.blind_sessions.iter().any(|s| s.ended_at.is_none())
    }
}

/// Seconds from `start` to `end` (RFC 3339); 0 if either does not parse or the end is earlier.
pub fn seconds_between(start: &str, end: &str) -> i64 {
    let parse = |t: &str| time::OffsetDateTime::parse(t, &time::format_description::well_known::Rfc3339).ok();
    match (parse(start), parse(end)) {
        (Some(a), Some(b)) => (b - a).whole_seconds().max(0),
        _ => 0,
    }
}

/// `1 h 05 min`, `12 min`, `40 s`: a blind time for people.
pub fn format_duration(seconds: i64) -> String {
    let (h, m, s) = (seconds / 3600, (seconds % 3600) / 60, seconds % 60);
    match (h, m) {
        (0, 0) => format!("{s} s"),
        (0, m) => format!("{m} min"),
        (h, m) => format!("{h} h {m:02} min"),
    }
}

impl Project {
    /// The coder called `name`, or an error naming the coders there are.
    pub fn coder_named(&self, name: &str) -> Result<Coder> {
        let coders = self.coders()?;
        if let Some(c) = coders.iter().find(|c| c.name == name) {
            return Ok(c.clone());
        }
        let names: Vec<&str> = coders.iter().map(|c| c.name.as_str()).collect();
        let known = if names.is_empty() { "the project has no coders yet".to_string() } else { format!("the coders are {}", names.join(", ")) };
        Err(Error::not_found(format!("no coder named \"{name}\" ({known})")))
    }

    /// Every coder, by name, with their work and blind sessions.
    pub fn coder_summaries(&self) -> Result<Vec<CoderSummary>> {
        let mut codings = HashMap::new();
        for (coder, n) in self.coder_codings_in_sources(SourceId(i64::MIN), SourceId(i64::MAX))? {
            codings.insert(coder, n);
        }
        self.coder_summaries_counted(&codings)
    }

    /// Codings per coder in sources with ids `first..=last`: a window counts a large project a
    /// range of sources per frame, then hands the sums to [`Project::coder_summaries_counted`].
    pub fn coder_codings_in_sources(&self, first: SourceId, last: SourceId) -> Result<Vec<(CoderId, usize)>> {
        Ok(self.store.read().coder_codings_in_sources(first, last)?)
    }

    /// `coder_summaries` with the codings per coder already counted (`codings`); reads only the
    /// small tables (coders, memos, blind sessions).
    pub fn coder_summaries_counted(&self, codings: &HashMap<CoderId, usize>) -> Result<Vec<CoderSummary>> {
        let read = self.store.read();
        let memos = read.coder_memo_counts()?;
        let mut sessions: HashMap<CoderId, Vec<BlindSession>> = HashMap::new();
        for s in read.blind_sessions()? {
            sessions.entry(s.coder_id).or_default().push(s);
        }
        Ok(read
            .coders()?
            .into_iter()
            .map(|coder| {
                let (codings, memos) = (codings.get(&coder.id).copied().unwrap_or_default(), memos.get(&coder.id).copied().unwrap_or_default());
                let blind_sessions = sessions.remove(&coder.id).unwrap_or_default();
                let blind_seconds = blind_sessions.iter().map(|s| seconds_between(&s.started_at, s.counted_end())).sum();
                CoderSummary { coder, codings, memos, blind_sessions, blind_seconds }
            })
            .collect())
    }

    /// Every blind session, oldest first.
    pub fn blind_sessions(&self) -> Result<Vec<BlindSession>> {
        Ok(self.store.read().blind_sessions()?)
    }

    /// Records that `coder` starts coding blind, now; a session of theirs left open is ended at
    /// its last activity first. Returns the new session's id. Not an undo step (see the module).
    pub fn begin_blind_session(&mut self, coder: CoderId) -> Result<i64> {
        self.require_coder(coder)?;
        let now = now_rfc3339();
        Ok(self.store.write(|w| w.begin_blind_session(coder, &now))?)
    }

    /// Records that `coder` stops coding blind, now; returns how many open sessions were ended
    /// (0: they were not coding blind).
    pub fn end_blind_session(&mut self, coder: CoderId) -> Result<usize> {
        self.require_coder(coder)?;
        let now = now_rfc3339();
        Ok(self.store.write(|w| w.end_blind_sessions(coder, &now))?)
    }

    /// Records a change made in an open blind session, now (its last activity).
    pub fn touch_blind_session(&mut self, session: i64) -> Result<()> {
        let now = now_rfc3339();
        Ok(self.store.write(|w| w.touch_blind_session(session, &now))?)
    }

    fn require_coder(&self, id: CoderId) -> Result<Coder> {
        self.coders()?.into_iter().find(|c| c.id == id).ok_or_else(|| Error::not_found(format!("no coder with id {id}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Action;

    fn project() -> (tempfile::TempDir, Project) {
        let dir = tempfile::tempdir().unwrap();
        let p = Project::create(&dir.path().join("t.thicket"), "T").unwrap();
        (dir, p)
    }

    #[test]
    fn durations_read_as_hours_minutes_or_seconds() {
        assert_eq!(seconds_between("2026-01-01T10:00:00Z", "2026-01-01T11:05:30Z"), 3930);
        assert_eq!(seconds_between("2026-01-01T10:00:00Z", "2026-01-01T09:00:00Z"), 0);
        assert_eq!(seconds_between("yesterday", "2026-01-01T09:00:00Z"), 0);
        assert_eq!(format_duration(3930), "1 h 05 min");
        assert_eq!(format_duration(720), "12 min");
        assert_eq!(format_duration(40), "40 s");
    }

    #[test]
    fn coders_take_the_palette_in_turn_and_renames_stay_unique() {
        let (_d, mut p) = project();
        let amara = p.ensure_coder("Amara").unwrap();
        let jonas = p.ensure_coder("Jonas").unwrap();
        let colours: Vec<String> = p.coders().unwrap().into_iter().map(|c| c.color).collect();
        assert_eq!(colours, [CODER_PALETTE[0].hex_upper(), CODER_PALETTE[1].hex_upper()]);
        let e = p.perform(Action::RenameCoder { id: jonas, name: "Amara".into() }).unwrap_err();
        assert_eq!(e.to_string(), "cannot rename coder \"Jonas\" to \"Amara\": a coder named \"Amara\" already exists");
        let e = p.perform(Action::SetCoderColor { id: amara, color: "teal".into() }).unwrap_err();
        assert_eq!(e.to_string(), "invalid colour \"teal\" for coder \"Amara\": expected #RRGGBB");
        p.perform(Action::RenameCoder { id: jonas, name: "Jonas K".into() }).unwrap();
        p.perform(Action::SetCoderColor { id: jonas, color: "#00aa11".into() }).unwrap();
        p.perform(Action::SetCoderRetired { id: jonas, retired: true }).unwrap();
        let j = p.coder_named("Jonas K").unwrap();
        assert_eq!((j.color.as_str(), j.retired), ("#00AA11", true));
        for _ in 0..3 {
            p.undo().unwrap();
        }
        let j = p.coder_named("Jonas").unwrap();
        assert_eq!((j.color, j.retired), (CODER_PALETTE[1].hex_upper(), false));
    }

    #[test]
    fn codings_counted_by_ranges_of_sources_add_up_to_the_whole_count() {
        let dir = tempfile::tempdir().unwrap();
        let p = crate::sample::write_sample(&dir.path().join("s.thicket")).unwrap();
        let whole = p.coder_summaries().unwrap();
        assert_eq!(whole.iter().map(|s| (s.coder.name.as_str(), s.codings, s.memos)).collect::<Vec<_>>(), [("Amara", 397, 1), ("Jonas", 262, 0)]);
        let mut counts = HashMap::new();
        for (first, last) in [(i64::MIN, 5), (6, 11), (12, i64::MAX)] {
            for (coder, n) in p.coder_codings_in_sources(SourceId(first), SourceId(last)).unwrap() {
                *counts.entry(coder).or_default() += n;
            }
        }
        assert_eq!(p.coder_summaries_counted(&counts).unwrap(), whole);
    }

    #[test]
    fn a_session_left_open_is_ended_at_its_last_activity_when_the_coder_comes_back() {
        let (_d, mut p) = project();
        let jonas = p.ensure_coder("Jonas").unwrap();
        let first = p.begin_blind_session(jonas).unwrap();
        assert!(p.coder_summaries().unwrap()[0].blind_now());
        // The window ended without leaving: the session is open, with its last activity.
        let last = p.blind_sessions().unwrap()[0].last_activity_at.clone();
        let second = p.begin_blind_session(jonas).unwrap();
        let sessions = p.blind_sessions().unwrap();
        assert_eq!(sessions.len(), 2);
        assert_eq!((sessions[0].id, sessions[0].ended_at.as_deref()), (first, Some(last.as_str())));
        assert_eq!((sessions[1].id, sessions[1].ended_at.as_deref()), (second, None));
        assert_eq!(p.end_blind_session(jonas).unwrap(), 1);
        assert_eq!(p.end_blind_session(jonas).unwrap(), 0);
        assert!(!p.coder_summaries().unwrap()[0].blind_now());
        // Undo does not touch the record.
        assert!(p.undo_label().is_some(), "creating the coder is the one step");
        p.undo().unwrap();
        assert!(p.coders().unwrap().is_empty());
    }
}
