//! Units from a project's codings: which units (characters, sentences, paragraphs, turns) each
//! compared coder gave each compared code.
//!
//! In: `AnalysisData` (with texts for sentences and paragraphs, with speakers for turns), the
//! coders and codes compared, the unit and whether every unit counts. Out: `CodedUnits`: the
//! units, and per code the units where at least one coder applied it, with the set of coders
//! who did (a bit mask). A code is present in a unit for a coder when one of the coder's
//! codings of it (or, with `subcodes`, of a code below it) shares at least one char with the
//! unit.
//!
//! Which units count (docs/agreement.md, "Which units are counted"), always in the sources that
//! every compared coder coded something in:
//! - by default, the units that at least one compared coder coded with at least one compared
//!   code: text nobody coded says nothing about agreement on these codes;
//! - with `all_units`, every unit of those sources.
//!
//! Paragraphs are the text's paragraphs cut at turn boundaries (as autocoding does); sentences
//! are found inside them (`text::sentences`); turns are the speaker turns, and text outside any
//! turn is no turn unit. At the character unit, runs of characters with the same codings are
//! one unit of weight = their length: the measures are exactly those over single characters,
//! and the bootstrap resamples runs, since neighbouring characters are not independent draws.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

use serde::Serialize;

use crate::analysis::AnalysisData;
use crate::error::{Error, Result};
use crate::model::*;
use crate::text::sentences;

/// The unit agreement is measured on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    Character,
    Sentence,
    #[default]
    Paragraph,
    Turn,
}

impl UnitKind {
    pub fn name(self) -> &'static str {
        match self {
            UnitKind::Character => "character",
            UnitKind::Sentence => "sentence",
            UnitKind::Paragraph => "paragraph",
            UnitKind::Turn => "turn",
        }
    }

    pub fn parse(s: &str) -> Option<UnitKind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "character" | "char" | "characters" => Some(UnitKind::Character),
            "sentence" | "sentences" => Some(UnitKind::Sentence),
            "paragraph" | "paragraphs" => Some(UnitKind::Paragraph),
            "turn" | "turns" => Some(UnitKind::Turn),
            _ => None,
        }
    }

    pub const ALL: [UnitKind; 4] = [UnitKind::Character, UnitKind::Sentence, UnitKind::Paragraph, UnitKind::Turn];
}

/// One unit: where it is and how many units it stands for (a run's length at the character unit).
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub source: SourceId,
    pub range: Range<usize>,
    pub weight: f64,
}

/// The compared coders' presence/absence of each compared code in each unit.
#[derive(Debug, Clone, Default)]
pub struct CodedUnits {
    pub units: Vec<Unit>,
    /// Per compared code (same order as asked): (unit index, mask of the coders who applied it),
    /// sorted by unit index; units with an empty mask are left out.
    pub presence: Vec<Vec<(u32, u64)>>,
    /// The sources the units come from, in id order.
    pub sources: Vec<SourceId>,
}

/// Which coders and codes are compared, on which unit.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitSpec {
    pub coders: Vec<CoderId>,
    pub codes: Vec<CodeId>,
    /// Count codings of a code's descendants as the code.
    pub subcodes: bool,
    pub unit: UnitKind,
    pub all_units: bool,
}

/// For each code id: the indices of the compared codes it counts as.
pub(super) fn code_targets(data: &AnalysisData, codes: &[CodeId], subcodes: bool) -> HashMap<CodeId, Vec<usize>> {
    let mut out: HashMap<CodeId, Vec<usize>> = HashMap::new();
    for (i, &c) in codes.iter().enumerate() {
        let ids = if subcodes { data.codebook.subtree(c) } else { vec![c] };
        for id in ids {
            out.entry(id).or_default().push(i);
        }
    }
    out
}

/// The compared codings per source: (coder index, compared code index, span).
pub(super) fn compared_codings(data: &AnalysisData, spec: &UnitSpec) -> BTreeMap<SourceId, Vec<(usize, usize, TextSpan)>> {
    let targets = code_targets(data, &spec.codes, spec.subcodes);
    let coder_index: HashMap<CoderId, usize> = spec.coders.iter().enumerate().map(|(i, c)| (*c, i)).collect();
    let mut out: BTreeMap<SourceId, Vec<(usize, usize, TextSpan)>> = BTreeMap::new();
    for c in &data.codings {
        let (Some(&coder), Some(codes)) = (coder_index.get(&c.coder), targets.get(&c.code)) else { continue };
        for &code in codes {
            out.entry(c.source).or_default().push((coder, code, c.span));
        }
    }
    out
}

/// The sources every compared coder coded something in (any code): a source one of them never
/// coded was not compared, and its text would count as that coder's "absent" everywhere.
pub(super) fn touched_sources(data: &AnalysisData, coders: &[CoderId]) -> BTreeSet<SourceId> {
    let index: HashMap<CoderId, usize> = coders.iter().enumerate().map(|(i, c)| (*c, i)).collect();
    let mut seen: BTreeMap<SourceId, u64> = BTreeMap::new();
    for c in &data.codings {
        if let Some(i) = index.get(&c.coder) {
            *seen.entry(c.source).or_default() |= 1u64 << i;
        }
    }
    let all = if coders.len() >= 64 { u64::MAX } else { (1u64 << coders.len()) - 1 };
    seen.into_iter().filter(|(_, mask)| *mask == all).map(|(s, _)| s).collect()
}

/// Builds the units and the presence of each code (see the module docs).
pub fn coded_units(data: &AnalysisData, spec: &UnitSpec) -> Result<CodedUnits> {
    if spec.coders.len() > 64 {
        return Err(Error::invalid("agreement compares at most 64 coders at once"));
    }
    match spec.unit {
        UnitKind::Sentence | UnitKind::Paragraph => data.require_texts("agreement by sentence or paragraph")?,
        UnitKind::Turn => data.require_speakers("agreement by turn")?,
        UnitKind::Character => {}
    }
    let codings = compared_codings(data, spec);
    let sources: Vec<SourceId> = touched_sources(data, &spec.coders).into_iter().collect();
    let mut out = CodedUnits { units: Vec::new(), presence: vec![Vec::new(); spec.codes.len()], sources: sources.clone() };
    let empty = Vec::new();
    for source in sources {
        let list = codings.get(&source).unwrap_or(&empty);
        if list.is_empty() && !spec.all_units {
            continue;
        }
        let len = data.sources.get(&source).map(|s| s.char_len).unwrap_or(0);
        let ranges = unit_ranges(data, source, spec.unit, len, list);
        // Per unit (in text order), the mask of coders per code: sweep codings sorted by start.
        let mut sorted: Vec<&(usize, usize, TextSpan)> = list.iter().collect();
        sorted.sort_by_key(|c| (c.2.start, c.2.end));
        let mut first = 0; // the next coding (by start) not yet active
        let mut active: Vec<&(usize, usize, TextSpan)> = Vec::new();
        for r in ranges {
            // Add codings that start before the unit ends; drop those that ended before it starts.
            while first < sorted.len() && sorted[first].2.start < r.end {
                active.push(sorted[first]);
                first += 1;
            }
            active.retain(|c| c.2.end > r.start);
            let mut masks: BTreeMap<usize, u64> = BTreeMap::new();
            for c in &active {
                if c.2.start < r.end && r.start < c.2.end {
                    *masks.entry(c.1).or_default() |= 1u64 << c.0;
                }
            }
            if masks.is_empty() && !spec.all_units {
                continue;
            }
            let index = out.units.len() as u32;
            let weight = if spec.unit == UnitKind::Character { (r.end - r.start) as f64 } else { 1.0 };
            out.units.push(Unit { source, range: r, weight });
            for (code, mask) in masks {
                out.presence[code].push((index, mask));
            }
        }
    }
    Ok(out)
}

/// The units of a source, in text order.
fn unit_ranges(data: &AnalysisData, source: SourceId, unit: UnitKind, len: usize, codings: &[(usize, usize, TextSpan)]) -> Vec<Range<usize>> {
    match unit {
        UnitKind::Character => {
            let mut cuts: Vec<usize> = codings.iter().flat_map(|c| [c.2.start.min(len), c.2.end.min(len)]).collect();
            cuts.push(0);
            cuts.push(len);
            cuts.sort_unstable();
            cuts.dedup();
            cuts.windows(2).filter(|w| w[0] < w[1]).map(|w| w[0]..w[1]).collect()
        }
        UnitKind::Turn => data.turns_of(source).iter().map(|t| t.span.start..t.span.end).filter(|r| r.start < r.end).collect(),
        UnitKind::Paragraph | UnitKind::Sentence => {
            let Some(text) = data.texts.get(&source) else { return Vec::new() };
            let regions = regions(text.index.paragraphs(), data.turns_of(source));
            if unit == UnitKind::Paragraph {
                return regions;
            }
            let mut out = Vec::new();
            for r in regions {
                let Some(slice) = text.index.char_range_to_byte_range(r.clone()).and_then(|b| text.text.get(b)) else { continue };
                out.extend(sentences(slice).into_iter().map(|s| s.start + r.start..s.end + r.start));
            }
            out
        }
    }
}

/// Paragraphs cut at turn boundaries, in text order.
fn regions(paragraphs: &[Range<usize>], turns: &[Turn]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(paragraphs.len());
    let mut t = 0;
    for p in paragraphs {
        let mut cuts = vec![p.start, p.end];
        while t < turns.len() && turns[t].span.end <= p.start {
            t += 1;
        }
        let mut u = t;
        while u < turns.len() && turns[u].span.start < p.end {
            for b in [turns[u].span.start, turns[u].span.end] {
                if p.start < b && b < p.end {
                    cuts.push(b);
                }
            }
            u += 1;
        }
        cuts.sort_unstable();
        cuts.dedup();
        out.extend(cuts.windows(2).filter(|w| w[0] < w[1]).map(|w| w[0]..w[1]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::data::fixture::data;

    fn spec(codes: &[i64], unit: UnitKind, subcodes: bool) -> UnitSpec {
        UnitSpec { coders: vec![CoderId(1), CoderId(2)], codes: codes.iter().map(|c| CodeId(*c)).collect(), subcodes, unit, all_units: false }
    }

    /// The fixture (data.rs): Jonas coded sources 1 and 2, never source 3, so source 3 is left
    /// out. Source 1's paragraphs 0..30, 32..60, 62..100 are cut at the turn change at 50.
    #[test]
    fn paragraph_units_are_cut_at_turns_and_presence_is_any_shared_char() {
        let d = data();
        let u = coded_units(&d, &spec(&[2, 4], UnitKind::Paragraph, false)).unwrap_or_default();
        assert_eq!(u.sources, vec![SourceId(1), SourceId(2)]);
        let ranges: Vec<(i64, Range<usize>)> = u.units.iter().map(|x| (x.source.0, x.range.clone())).collect();
        assert_eq!(ranges, vec![(1, 0..30), (1, 32..50), (1, 50..60), (1, 62..100), (2, 0..20), (2, 22..60)]);
        // Withdrawal: Amara (bit 0) in units 0, 1, 2; Jonas (bit 1) in unit 4.
        assert_eq!(u.presence[0], vec![(0, 1), (1, 1), (2, 1), (4, 2)]);
        // Honesty: Amara in units 2, 3 and 5.
        assert_eq!(u.presence[1], vec![(2, 1), (3, 1), (5, 1)]);
    }

    #[test]
    fn sub_codes_count_as_their_parent_when_asked() {
        let d = data();
        let without = coded_units(&d, &spec(&[1], UnitKind::Paragraph, false)).unwrap_or_default();
        // Only Jonas applied Ruptures itself (15..25, in the first paragraph).
        assert_eq!(without.presence[0], vec![(0, 2)]);
        let with = coded_units(&d, &spec(&[1], UnitKind::Paragraph, true)).unwrap_or_default();
        assert_eq!(with.presence[0][0], (0, 3), "Amara's Withdrawal 10..20 counts as Ruptures");
    }

    #[test]
    fn character_units_are_runs_weighted_by_length_and_all_units_adds_the_uncoded_text() {
        let d = data();
        let u = coded_units(&d, &spec(&[2, 4], UnitKind::Character, false)).unwrap_or_default();
        // Coded characters: s1 10..20, 40..70; s2 0..10, 30..40 = 60 characters.
        let total: f64 = u.units.iter().map(|x| x.weight).sum();
        assert_eq!(total, 60.0);
        let all = coded_units(&d, &UnitSpec { all_units: true, ..spec(&[2, 4], UnitKind::Character, false) }).unwrap_or_default();
        assert_eq!(all.units.iter().map(|x| x.weight).sum::<f64>(), 160.0, "sources 1 and 2 whole");
    }
}
