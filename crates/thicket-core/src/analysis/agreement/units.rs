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
