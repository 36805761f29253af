//! Whose codings the window shows: everyone's, everyone's but the coders hidden in the Team view,
//! or, in blind mode, one coder's only.
//!
//! In: the Team view's show/hide ticks and blind mode. Out: one [`CoderFilter`] that every place
//! showing codings applies the same way: the document (highlights and stripes), the codebook's
//! counts, the segments pane, every analysis and the excerpt exports. The app changes it only
//! between frames and bumps its generation when it does, so every cache built for the old filter
//! is rebuilt once; nothing is filtered per frame.

use std::collections::BTreeSet;

use thicket_core::model::{Coder, CoderId};

/// Whose codings are shown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub enum CoderFilter {
    /// Everyone's.
    #[default]
    Everyone,
    /// Everyone's but these coders' (never empty: no one hidden is `Everyone`).
    Hiding(BTreeSet<CoderId>),
    /// This coder's only (blind mode).
    Only(CoderId),
}

impl CoderFilter {
    /// Everyone's but `hidden`'s.
    pub fn hiding(hidden: BTreeSet<CoderId>) -> Self {
        if hidden.is_empty() { CoderFilter::Everyone } else { CoderFilter::Hiding(hidden) }
    }

    /// Whether codings of `coder` are shown.
    pub fn passes(&self, coder: CoderId) -> bool {
        match self {
            CoderFilter::Everyone => true,
            CoderFilter::Hiding(hidden) => !hidden.contains(&coder),
            CoderFilter::Only(only) => *only == coder,
        }
    }

    /// Whether everything is shown.
    pub fn is_everyone(&self) -> bool {
        *self == CoderFilter::Everyone
    }

    /// The coders of `coders` whose codings are shown; `None` when that is everyone (no filter
    /// to apply).
    pub fn shown_ids(&self, coders: &[Coder]) -> Option<Vec<CoderId>> {
        (!self.is_everyone()).then(|| coders.iter().map(|c| c.id).filter(|&id| self.passes(id)).collect())
    }

    /// Names of the coders whose codings are shown, sorted; `None` when that is everyone.
    pub fn shown_names(&self, coders: &[Coder]) -> Option<Vec<String>> {
        (!self.is_everyone()).then(|| {
            let mut names: Vec<String> = coders.iter().filter(|c| self.passes(c.id)).map(|c| c.name.clone()).collect();
            names.sort();
            names
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coder(id: i64, name: &str) -> Coder {
        Coder { id: CoderId(id), uuid: String::new(), name: name.into(), created_at: String::new(), color: String::new(), retired: false }
    }

    #[test]
    fn hiding_no_one_is_everyone_and_blind_mode_shows_one_coder() {
        let team = [coder(1, "Amara"), coder(2, "Jonas"), coder(3, "Priya")];
        assert_eq!(CoderFilter::hiding(BTreeSet::new()), CoderFilter::Everyone);
        assert_eq!(CoderFilter::Everyone.shown_names(&team), None);
        let hiding = CoderFilter::hiding([CoderId(1)].into());
        assert_eq!(hiding.shown_names(&team), Some(vec!["Jonas".to_string(), "Priya".into()]));
        assert!(!hiding.passes(CoderId(1)) && hiding.passes(CoderId(9)));
        let blind = CoderFilter::Only(CoderId(2));
        assert_eq!(blind.shown_ids(&team), Some(vec![CoderId(2)]));
        let all_hidden = CoderFilter::hiding([CoderId(1), CoderId(2), CoderId(3)].into());
        assert_eq!(all_hidden.shown_names(&team), Some(Vec::new()), "no one shown is not everyone shown");
    }
}
