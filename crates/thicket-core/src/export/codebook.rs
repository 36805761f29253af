//! The codebook as a report for papers and appendices: the code tree in order, each code's colour,
//! description (definition, when to use, when not to use, example) and counts, a code × case
//! table, and optionally one anchor quote per code with its citation.
//!
//! ```text
//!  &Project ──build_codebook()──▶ CodebookReport ──Report::document() / csv()──▶ write_report
//! ```
//!
//! Counts come from the crosstab (`analysis::crosstab_with` over cases, measures segments,
//! sources and cases, without and with rollup), so the codebook says what `thicket crosstab` and
//! `thicket segments` say. Anchors are quotes picked by the rule in `AnchorRule`, cited through
//! the excerpts machinery (`excerpts::build`), so a codebook cites as the excerpts export does.

use std::collections::HashMap;

use serde::Serialize;

use super::document::{Block, Document, Run};
use super::excerpts::{self, CitationTemplate, ExcerptOptions};
use super::report::{Report, ReportFormat};
use super::table::{Cell, Sheet};
use crate::analysis::{CrosstabSpec, Dimension, Measure, crosstab_with};
use crate::error::{Error, Result};
use crate::model::{CodingId, Rgb};
use crate::project::{Project, Segment, SegmentFilter};

/// What a codebook shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodebookOptions {
    pub title: String,
    /// One anchor quote per code.
    pub anchors: bool,
    /// Anchors chosen by hand, as `(code path, coding id)`; they imply `anchors`.
    pub chosen: Vec<(String, CodingId)>,
    /// How anchors are cited.
    pub citation: CitationTemplate,
}

impl CodebookOptions {
    /// No anchors, author–date citations.
    pub fn new(title: &str) -> Result<Self> {
        Ok(CodebookOptions { title: title.to_string(), anchors: false, chosen: Vec::new(), citation: CitationTemplate::preset_or_parse("author-date")? })
    }

    /// Parses an `--anchor` value, `Code/Path=CODING_ID`.
    pub fn parse_anchor(s: &str) -> Result<(String, CodingId)> {
        let bad = || Error::invalid(format!("invalid --anchor \"{s}\": expected CODE/PATH=CODING_ID, e.g. \"Ruptures/Withdrawal=42\""));
        let (path, id) = s.rsplit_once('=').ok_or_else(bad)?;
        let id: i64 = id.trim().parse().map_err(|_| bad())?;
        if path.trim().is_empty() {
            return Err(bad());
        }
        Ok((path.trim().to_string(), CodingId(id)))
    }
}

/// The codebook report: plain data, written by `Report`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CodebookReport {
    pub title: String,
    pub subtitle: String,
    /// The cases, by name: the columns of each code's `per_case`.
    pub cases: Vec<String>,
    /// Whether anchors were asked for (a code may still have none: it has no codings).
    pub anchors: bool,
    /// Every code, in codebook order (depth first, siblings in order).
    pub codes: Vec<CodebookEntry>,
}

/// One code of the codebook.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CodebookEntry {
    pub path: String,
    pub name: String,
    /// The parent's path; `None` at the top.
    pub parent: Option<String>,
    /// 0 at the top.
    pub depth: usize,
    /// `#RRGGBB`.
    pub colour: String,
    pub definition: String,
    pub use_when: String,
    pub do_not_use_when: String,
    pub example: String,
    /// Codings of the code itself.
    pub counts: CodeCounts,
    /// Codings of the code and its sub-codes (a coding counted once).
    pub with_subcodes: CodeCounts,
    /// Codings of the code itself in each case of `CodebookReport::cases` (a coding in a source of
    /// several cases counts in each).
    pub per_case: Vec<u64>,
    pub anchor: Option<Anchor>,
}

/// How many codings a code has, and in how many distinct sources and cases.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct CodeCounts {
    pub codings: u64,
    pub sources: u64,
    pub cases: u64,
}

/// A code's anchor quote: a coding's exact text and its citation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Anchor {
    pub coding_id: CodingId,
    pub text: String,
    pub citation: String,
    pub rule: AnchorRule,
}

/// Why a coding became its code's anchor. Only the code's own codings are candidates (not its
/// sub-codes'), so an anchor always illustrates exactly the code it stands under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnchorRule {
    /// Chosen by hand (`--anchor PATH=ID`).
    Chosen,
    /// The coding whose text matches the code's example (one contains the other, ignoring case,
    /// spacing and surrounding quotation marks); of several, the closest in length.
    Example,
    /// No coding matches the example: the coding of median length among those of quotable
    /// length (10 to 80 words; all codings when none is), the earlier one on a tie. Neither the
    /// shortest nor the longest passage, so it is typical rather than extreme.
    Representative,
}

impl AnchorRule {
    /// How the rule reads under a quote.
    pub fn label(self) -> &'static str {
        match self {
            AnchorRule::Chosen => "anchor chosen by the researcher",
            AnchorRule::Example => "anchor: the coding that matches the example",
            AnchorRule::Representative => "anchor: a coding of median length",
        }
    }
}

/// Builds the codebook of `project`.
pub fn build_codebook(project: &Project, options: &CodebookOptions) -> Result<CodebookReport> {
    let book = project.codebook()?;
    let data = project.analysis_data(false)?;
    let table = |measure, rollup| crosstab_with(&data, &CrosstabSpec { dimension: Dimension::Cases, measure, rollup });
    let by_path = |t: &crate::analysis::Crosstab| -> HashMap<String, usize> { t.rows.iter().enumerate().map(|(i, p)| (p.clone(), i)).collect() };
    let measures = [Measure::Segments, Measure::Sources, Measure::Cases];
    let own: Vec<_> = measures.iter().map(|&m| table(m, false)).collect::<Result<_>>()?;
    let rolled: Vec<_> = measures.iter().map(|&m| table(m, true)).collect::<Result<_>>()?;
    let cases = own[0].cols.clone();
    let rows = by_path(&own[0]);
    let counts_of = |tables: &[crate::analysis::Crosstab], row: Option<usize>| {
        let total = |i: usize| row.and_then(|r| tables[i].row_totals.get(r).copied()).unwrap_or(0);
        CodeCounts { codings: total(0), sources: total(1), cases: total(2) }
    };

    let anchors = options.anchors || !options.chosen.is_empty();
    let mut anchor_of = HashMap::new();
    if anchors {
        anchor_of = choose_anchors(project, options)?;
    }

    let mut codes = Vec::new();
    for (depth, code) in book.walk() {
        let path = book.path(code.id).unwrap_or_default().to_string();
        let row = rows.get(&path).copied();
        let d = &code.description;
        codes.push(CodebookEntry {
            name: code.name.clone(),
            parent: code.parent_id.and_then(|p| book.path(p)).map(String::from),
            depth,
            colour: code.color.clone(),
            definition: d.definition.trim().to_string(),
            use_when: d.use_when.trim().to_string(),
            do_not_use_when: d.do_not_use_when.trim().to_string(),
            example: d.example.trim().to_string(),
            counts: counts_of(&own, row),
            with_subcodes: counts_of(&rolled, row),
            per_case: row.and_then(|r| own[0].cells.get(r).cloned()).unwrap_or_else(|| vec![0; cases.len()]),
            anchor: anchor_of.remove(&code.id),
            path,
        });
    }
    let total_codings = own[0].total;
    Ok(CodebookReport {
        title: options.title.clone(),
        subtitle: format!("{} codes, {} codings in {} cases", codes.len(), total_codings, cases.len()),
        cases,
        anchors,
        codes,
    })
}

/// One anchor per code that has codings of its own, keyed by code.
fn choose_anchors(project: &Project, options: &CodebookOptions) -> Result<HashMap<crate::model::CodeId, Anchor>> {
    let book = project.codebook()?;
    let segments = project.segments(&SegmentFilter::default())?;
    let mut chosen: HashMap<crate::model::CodeId, CodingId> = HashMap::new();
    for (path, id) in &options.chosen {
        let code = book.by_path(path).ok_or_else(|| Error::not_found(format!("no code \"{path}\" in the codebook")))?;
        let Some(s) = segments.iter().find(|s| s.coding_id == *id) else {
            return Err(Error::not_found(format!("no coding {} (for --anchor \"{path}={}\")", id.0, id.0)));
        };
        if s.code_id != code {
            return Err(Error::invalid(format!("coding {} is coded \"{}\", not \"{path}\": an anchor must be a coding of its code", id.0, s.code)));
        }
        chosen.insert(code, *id);
    }
    let mut by_code: HashMap<crate::model::CodeId, Vec<&Segment>> = HashMap::new();
    for s in &segments {
        by_code.entry(s.code_id).or_default().push(s);
    }
    let mut picked: Vec<(Segment, AnchorRule)> = Vec::new();
    for (_, code) in book.walk() {
        let Some(candidates) = by_code.get(&code.id) else { continue };
        let pick = match chosen.get(&code.id) {
            Some(id) => candidates.iter().find(|s| s.coding_id == *id).map(|s| (*s, AnchorRule::Chosen)),
            None => match matching_example(candidates, &code.description.example) {
                Some(s) => Some((s, AnchorRule::Example)),
                None => representative(candidates).map(|s| (s, AnchorRule::Representative)),
            },
        };
        if let Some((s, rule)) = pick {
            picked.push((s.clone(), rule));
        }
    }
    let rules: HashMap<CodingId, AnchorRule> = picked.iter().map(|(s, r)| (s.coding_id, *r)).collect();
    let mut excerpt_options = ExcerptOptions::new(&options.title)?;
    excerpt_options.citation = options.citation.clone();
    let built = excerpts::build(project, picked.into_iter().map(|(s, _)| s).collect(), &excerpt_options)?;
    let mut out = HashMap::new();
    for e in built.groups.into_iter().flat_map(|g| g.sections).flat_map(|s| s.excerpts) {
        let Some(s) = segments.iter().find(|s| s.coding_id == e.coding_id) else { continue };
        let rule = rules.get(&e.coding_id).copied().unwrap_or(AnchorRule::Representative);
        out.insert(s.code_id, Anchor { coding_id: e.coding_id, text: e.text, citation: e.citation, rule });
    }
    Ok(out)
}

/// Text compared for matching: lower case, one space between words, without the quotation marks
/// and final punctuation an example is often written with.
fn comparable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    let trimmed = out.trim_matches(|c: char| matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '.' | '…' | ' '));
    if trimmed.len() == out.len() { out } else { trimmed.to_string() }
}

/// The coding whose text contains the example or is contained in it, closest to it in length.
fn matching_example<'a>(candidates: &[&'a Segment], example: &str) -> Option<&'a Segment> {
    let example = comparable(example);
    if example.chars().count() < 8 {
        return None;
    }
    let len = example.chars().count();
    candidates
        .iter()
        .filter_map(|s| {
            let text = comparable(&s.text);
            let n = text.chars().count();
            (n >= 8 && (text.contains(&example) || example.contains(&text))).then_some((n.abs_diff(len), *s))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, s)| s)
}

/// The coding of median length among those of quotable length (10 to 80 words), else among all;
/// the lower median, and the earlier in `segments` order on equal lengths.
fn representative<'a>(candidates: &[&'a Segment]) -> Option<&'a Segment> {
    let counted: Vec<(usize, &Segment)> = candidates.iter().map(|s| (s.text.split_whitespace().count(), *s)).collect();
    let quotable: Vec<(usize, &Segment)> = counted.iter().copied().filter(|(n, _)| (10..=80).contains(n)).collect();
    let mut pool = if quotable.is_empty() { counted } else { quotable };
    // A stable sort keeps `segments` order among equal lengths.
    pool.sort_by_key(|(n, _)| *n);
    pool.get(pool.len().saturating_sub(1) / 2).map(|(_, s)| *s)
}

impl CodebookEntry {
    /// The description fields with their labels, the empty ones left out.
    fn description(&self) -> Vec<(&'static str, &str)> {
        [("Definition", &self.definition), ("Use when", &self.use_when), ("Do not use when", &self.do_not_use_when), ("Example", &self.example)]
            .into_iter()
            .filter(|(_, t)| !t.is_empty())
            .map(|(l, t)| (l, t.as_str()))
            .collect()
    }

    fn swatch(&self) -> Option<[u8; 3]> {
        Rgb::parse(&self.colour).map(|c| [c.0, c.1, c.2])
    }
}

fn counts_line(c: CodeCounts) -> String {
    let plural = |n: u64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!("{} in {}, {}", plural(c.codings, "coding", "codings"), plural(c.sources, "source", "sources"), plural(c.cases, "case", "cases"))
}

impl Report for CodebookReport {
    const FORMATS: &'static [ReportFormat] = &[ReportFormat::Markdown, ReportFormat::Html, ReportFormat::Docx, ReportFormat::Csv, ReportFormat::Json];

    /// An overview table (code paths in tree order, colour swatches, counts), then one section per
    /// code with headings by depth (top codes level 1, their children level 2, deeper level 3),
    /// then the code × case table.
    fn document(&self) -> Document {
        let mut doc = Document::new(&self.title);
        doc.subtitle = self.subtitle.clone();
        doc.contents = true;
        doc.heading(1, "Overview");
        let header = ["Code", "Colour", "Codings", "Sources", "Cases", "Codings with sub-codes", "Sources with sub-codes", "Cases with sub-codes"];
        let rows = self
            .codes
            .iter()
            .map(|c| {
                let (o, w) = (c.counts, c.with_subcodes);
                vec![c.path.clone(), c.colour.clone(), o.codings.to_string(), o.sources.to_string(), o.cases.to_string(), w.codings.to_string(), w.sources.to_string(), w.cases.to_string()]
            })
            .collect();
        doc.blocks.push(Block::Table { header: header.map(String::from).to_vec(), rows, colours: self.codes.iter().map(CodebookEntry::swatch).collect() });
        doc.note("Counts of a code are of its own codings; \"with sub-codes\" counts a coding of the code or of any sub-code once.");
        for c in &self.codes {
            doc.heading(u8::try_from(c.depth + 1).unwrap_or(3), &c.name);
            let mut line = format!("{} · {} · {}", c.path, c.colour, counts_line(c.counts));
            if c.with_subcodes != c.counts {
                line.push_str(&format!(" (with sub-codes: {})", counts_line(c.with_subcodes)));
            }
            doc.note(line);
            for (label, text) in c.description() {
                doc.paragraph(vec![Run::bold(format!("{label}.")), Run::plain(format!(" {text}"))]);
            }
            if let Some(a) = &c.anchor {
                doc.quote(&a.text, &a.citation);
                doc.note(format!("{} (coding {})", a.rule.label(), a.coding_id.0));
            }
        }
        doc.heading(1, "Codes by case");
        let mut header = vec!["Code".to_string()];
        header.extend(self.cases.iter().cloned());
        let rows = self
            .codes
            .iter()
            .map(|c| {
                let mut row = vec![c.path.clone()];
                row.extend(c.per_case.iter().map(u64::to_string));
                row
            })
            .collect();
        doc.blocks.push(Block::Table { header, rows, colours: self.codes.iter().map(CodebookEntry::swatch).collect() });
        doc.note("Codings of each code itself; a coding in a source of several cases (a focus group) counts in each.");
        doc
    }

    /// One row per code: its path, parent, colour, description fields, counts, codings per case
    /// and the anchor (its CSV neutralises formula-like cells, see `export::csv`).
    fn table(&self) -> Option<Sheet> {
        let mut header: Vec<String> = [
            "path", "name", "parent", "depth", "colour", "definition", "use_when", "do_not_use_when", "example", "codings", "sources",
            "cases", "codings_with_subcodes", "sources_with_subcodes", "cases_with_subcodes",
        ]
        .map(String::from)
        .to_vec();
        header.extend(self.cases.iter().map(|c| format!("codings in {c}")));
        if self.anchors {
            header.extend(["anchor_coding_id", "anchor_text", "anchor_citation", "anchor_rule"].map(String::from));
        }
        let mut sheet = Sheet::new("Codebook", header);
        for c in &self.codes {
            let text = |s: &str| Cell::Text(s.to_string());
            let mut row = vec![
                text(&c.path),
                text(&c.name),
                text(c.parent.as_deref().unwrap_or_default()),
                Cell::Int(c.depth as u64),
                text(&c.colour),
                text(&c.definition),
                text(&c.use_when),
                text(&c.do_not_use_when),
                text(&c.example),
                Cell::Int(c.counts.codings),
                Cell::Int(c.counts.sources),
                Cell::Int(c.counts.cases),
                Cell::Int(c.with_subcodes.codings),
                Cell::Int(c.with_subcodes.sources),
                Cell::Int(c.with_subcodes.cases),
            ];
            row.extend(c.per_case.iter().map(|&n| Cell::Int(n)));
            if self.anchors {
                match &c.anchor {
                    Some(a) => row.extend([Cell::Int(a.coding_id.0.max(0) as u64), text(&a.text), text(&a.citation), text(a.rule.label())]),
                    None => row.extend([Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty]),
                }
            }
            sheet.rows.push(row);
        }
        Some(sheet)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchor_values_name_a_code_and_a_coding() {
        assert_eq!(CodebookOptions::parse_anchor("Repair/Safe space=12").ok(), Some(("Repair/Safe space".to_string(), CodingId(12))));
        assert_eq!(CodebookOptions::parse_anchor("A=B=7").ok(), Some(("A=B".to_string(), CodingId(7))));
        assert!(CodebookOptions::parse_anchor("Repair").is_err());
        assert!(CodebookOptions::parse_anchor("=3").is_err());
        assert!(CodebookOptions::parse_anchor("Repair=x").is_err());
    }

    fn seg(id: i64, text: &str) -> Segment {
        Segment {
            coding_id: CodingId(id),
            source_id: crate::model::SourceId(1),
            source: "S".into(),
            kind: crate::model::SourceKind::Interview,
            date: None,
            code_id: crate::model::CodeId(1),
            code: "Repair".into(),
            coder: "A".into(),
            start: 0,
            end: text.chars().count(),
            text: text.into(),
            cases: Vec::new(),
            speakers: Vec::new(),
            roles: Vec::new(),
            line: 1,
            paragraph: 1,
            time_ms: None,
            memo: String::new(),
        }
    }

    fn words(n: usize) -> String {
        vec!["word"; n].join(" ")
    }

    #[test]
    fn the_example_picks_the_coding_closest_to_it_in_length() {
        let (a, b, c) = (seg(1, "We talked. I told her the truth about the report."), seg(2, "I told her the truth"), seg(3, "Something else entirely"));
        let all = [&a, &b, &c];
        assert_eq!(matching_example(&all, "\u{201c}I told her the TRUTH.\u{201d}").map(|s| s.coding_id), Some(CodingId(2)));
        assert_eq!(matching_example(&all, "the truth about the report, she said"), None);
        assert_eq!(matching_example(&all, "truth"), None, "too short to match on");
    }

    #[test]
    fn the_representative_is_the_lower_median_of_quotable_lengths() {
        let (short, s12, s20, s30, s200) = (seg(1, &words(3)), seg(2, &words(12)), seg(3, &words(20)), seg(4, &words(30)), seg(5, &words(200)));
        assert_eq!(representative(&[&short, &s30, &s12, &s200, &s20]).map(|s| s.coding_id), Some(CodingId(3)));
        assert_eq!(representative(&[&s30, &s12]).map(|s| s.coding_id), Some(CodingId(2)));
        // None quotable: the median of all.
        assert_eq!(representative(&[&short, &s200]).map(|s| s.coding_id), Some(CodingId(1)));
        assert_eq!(representative(&[]), None);
    }

    #[test]
    fn examples_match_ignoring_case_spacing_and_quotation_marks() {
        assert_eq!(comparable("  \u{201c}She's the first one\n who LISTENED.\u{201d} "), "she's the first one who listened");
    }
}
