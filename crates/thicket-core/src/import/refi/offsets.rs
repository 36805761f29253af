//! Which unit a source's `startPosition`/`endPosition` count in, and the conversion to Thicket's
//! char offsets into the normalised text (BOM removed, line endings LF).
//!
//! The standard says Unicode code points; NVivo and QualCoder count UTF-16 units; a line break
//! written CRLF counts as two for NVivo and as one for ATLAS.ti and MAXQDA (NOTES in the issue's
//! shared folder). Nothing in a file says which, so each source is read every candidate way and
//! the way under which most selections land on their own text wins: on the selected text itself
//! where the exporter wrote it into the selection's `name` (ATLAS.ti, QualCoder), else on word
//! boundaries. Ties go to what the exporting tool (`origin`) is known to do. The BOM is never
//! counted.

use serde::Serialize;

/// A unit of counting positions in a text file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Unit {
    /// Unicode code points (what the standard says).
    CodePoints,
    /// UTF-16 code units (Qt, .NET: NVivo, QualCoder).
    Utf16,
    /// UTF-8 bytes.
    Utf8Bytes,
}

/// One way of counting: a unit, and whether a CRLF line break counts as two positions or one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counting {
    pub unit: Unit,
    pub crlf_as_two: bool,
}

impl Counting {
    /// The unit alone, for a text without CRLF line breaks.
    pub fn unit_name(&self) -> &'static str {
        match self.unit {
            Unit::CodePoints => "Unicode code points",
            Unit::Utf16 => "UTF-16 units",
            Unit::Utf8Bytes => "UTF-8 bytes",
        }
    }
}

impl std::fmt::Display for Counting {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let unit = match self.unit {
            Unit::CodePoints => "Unicode code points",
            Unit::Utf16 => "UTF-16 units",
            Unit::Utf8Bytes => "UTF-8 bytes",
        };
        write!(f, "{unit}, CRLF counted as {}", if self.crlf_as_two { "two" } else { "one" })
    }
}

const fn c(unit: Unit, crlf_as_two: bool) -> Counting {
    Counting { unit, crlf_as_two }
}

/// Every candidate, in the order tried when nothing else decides (the tool is unknown): UTF-16
/// first, because that is what the measured tools write.
const DEFAULT_ORDER: [Counting; 6] = [
    c(Unit::Utf16, true),
    c(Unit::Utf16, false),
    c(Unit::CodePoints, true),
    c(Unit::CodePoints, false),
    c(Unit::Utf8Bytes, true),
    c(Unit::Utf8Bytes, false),
];

/// The candidates in order of preference for the tool named in `origin`.
pub fn preference(origin: &str) -> Vec<Counting> {
    let o = origin.to_lowercase();
    let first: &[Counting] = if o.contains("nvivo") || o.contains("qualcoder") {
        &[c(Unit::Utf16, true), c(Unit::Utf16, false)]
    } else if o.contains("atlas") {
        &[c(Unit::CodePoints, false), c(Unit::Utf16, false)]
    } else if o.contains("maxqda") {
        &[c(Unit::Utf16, false), c(Unit::CodePoints, false)]
    } else if o.contains("thicket") && (o.contains("utf-16") || o.contains("utf16")) {
        &[c(Unit::Utf16, false)]
    } else if o.contains("thicket") {
        &[c(Unit::CodePoints, false)]
    } else {
        &[]
    };
    let mut order: Vec<Counting> = first.to_vec();
    order.extend(DEFAULT_ORDER.iter().filter(|d| !first.contains(d)));
    order
}

/// A source's text as the file has it and as Thicket stores it, with the position of every
/// stored char under each counting.
pub struct SourceText {
    /// Normalised text.
    pub text: String,
    chars: Vec<char>,
    /// Whether the file has a CRLF line break (else how one counts does not matter).
    pub has_crlf: bool,
    /// `starts[k][i]`: position of stored char `i` under `DEFAULT_ORDER[k]`; one extra entry for
    /// the end. `u32` is enough: an archive entry is at most 256 MB.
    starts: Vec<Vec<u32>>,
}

impl SourceText {
    /// Indexes `raw` (the decoded file, BOM already removed).
    pub fn new(raw: &str) -> SourceText {
        let mut chars = Vec::with_capacity(raw.len());
        let mut starts: Vec<Vec<u32>> = DEFAULT_ORDER.iter().map(|_| Vec::with_capacity(raw.len() + 1)).collect();
        let mut pos = [0u32; 6];
        let mut has_crlf = false;
        let mut it = raw.chars().peekable();
        while let Some(ch) = it.next() {
            for (k, p) in pos.iter().enumerate() {
                starts[k].push(*p);
            }
            if ch == '\r' {
                let pair = it.peek() == Some(&'\n');
                if pair {
                    it.next();
                    has_crlf = true;
                }
                chars.push('\n');
                for (k, count) in DEFAULT_ORDER.iter().enumerate() {
                    pos[k] += if pair && count.crlf_as_two { 2 } else { 1 };
                }
                continue;
            }
            chars.push(ch);
            for (k, count) in DEFAULT_ORDER.iter().enumerate() {
                pos[k] += match count.unit {
                    Unit::CodePoints => 1,
                    Unit::Utf16 => ch.len_utf16() as u32,
                    Unit::Utf8Bytes => ch.len_utf8() as u32,
                };
            }
        }
        for (k, p) in pos.iter().enumerate() {
            starts[k].push(*p);
        }
        SourceText { text: chars.iter().collect(), chars, has_crlf, starts }
    }

    /// Chars in the stored text.
    pub fn char_len(&self) -> usize {
        self.chars.len()
    }

    /// The stored char at which position `p` falls under `counting`: `Exact` on a char start,
    /// `Inside` when `p` splits a char (or a CRLF counted as two), `Beyond` past the end.
    pub fn locate(&self, counting: Counting, p: u64) -> Place {
        let k = DEFAULT_ORDER.iter().position(|d| *d == counting).unwrap_or(0);
        let starts = &self.starts[k];
        let Ok(p) = u32::try_from(p) else { return Place::Beyond };
        match starts.binary_search(&p) {
            Ok(i) => Place::Exact(i),
            Err(i) if i >= starts.len() => Place::Beyond,
            // Between starts[i-1] and starts[i]: inside char i-1.
            Err(i) => Place::Inside(i.saturating_sub(1)),
        }
    }

    /// Stored chars `[start, end)` as a string (empty when out of range).
    pub fn slice(&self, start: usize, end: usize) -> String {
        self.chars.get(start..end.min(self.chars.len())).map(|s| s.iter().collect()).unwrap_or_default()
    }

    fn is_word(&self, i: usize) -> bool {
        self.chars.get(i).is_some_and(|c| c.is_alphanumeric())
    }

    /// Whether `[start, end)` begins and ends at word boundaries (or on non-word chars).
    pub fn on_word_boundaries(&self, start: usize, end: usize) -> bool {
        let start_ok = start == 0 || !self.is_word(start - 1) || !self.is_word(start);
        let end_ok = end >= self.chars.len() || end == 0 || !self.is_word(end - 1) || !self.is_word(end);
        start_ok && end_ok
    }

    /// The occurrence of `needle` nearest to char `near` (looking at most 20,000 chars either
    /// side), as a span; used to correct a selection whose offsets miss the text its name gives.
    pub fn find_near(&self, needle: &str, near: usize) -> Option<(usize, usize)> {
        let want: Vec<char> = needle.chars().collect();
        if want.is_empty() || want.len() > self.chars.len() {
            return None;
        }
        let last = self.chars.len() - want.len();
        let (from, to) = (near.saturating_sub(20_000).min(last), near.saturating_add(20_000).min(last));
        (from..=to)
            .filter(|&s| self.chars[s..s + want.len()] == want[..])
            .min_by_key(|s| s.abs_diff(near))
            .map(|s| (s, s + want.len()))
    }
}

/// Where a position falls in the stored text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Exact(usize),
    Inside(usize),
    Beyond,
}

/// Text compared loosely: line breaks and runs of white space as one space, trimmed (XML turns
/// a line break inside an attribute into a space).
pub fn loose(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a selection's `name` says about its text: `None` when it says nothing (absent, empty,
/// or a tool's label such as ATLAS.ti's "Quotation 6:1"), else the expected text and whether it
/// was cut short (ATLAS.ti ends a long one with "…").
pub fn expected_text(name: Option<&str>) -> Option<(String, bool)> {
    let name = loose(name?);
    if name.is_empty() {
        return None;
    }
    for cut in ["…", "..."] {
        if let Some(head) = name.strip_suffix(cut) {
            let head = head.trim_end();
            return (!head.is_empty()).then(|| (head.to_string(), true));
        }
    }
    Some((name, false))
}

/// Whether the stored text `[start, end)` is what a selection's name says.
pub fn matches_name(text: &SourceText, start: usize, end: usize, expected: &(String, bool)) -> bool {
    let got = loose(&text.slice(start, end));
    if expected.1 { got.starts_with(&expected.0) } else { got == expected.0 }
}

/// A selection's raw positions and name, as read.
pub struct RawSpan<'a> {
    pub start: u64,
    pub end: u64,
    pub name: Option<&'a str>,
}

/// How well a counting fits a source: selections whose name matched, selections on word
/// boundaries, selections that fall on char starts inside the text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Fit {
    pub named: usize,
    pub bounded: usize,
    pub valid: usize,
}

/// How one counting reads one selection.
pub fn read_span(text: &SourceText, counting: Counting, span: &RawSpan<'_>) -> Option<(usize, usize)> {
    match (text.locate(counting, span.start), text.locate(counting, span.end)) {
        (Place::Exact(s), Place::Exact(e)) if e > s => Some((s, e)),
        _ => None,
    }
}

/// Scores every counting on a source's selections and returns the best, in `order`'s
/// preference on ties, with its fit and whether names decided (`true`) or word boundaries:
/// selections whose name is their text count first, then selections on word boundaries.
pub fn choose(text: &SourceText, spans: &[RawSpan<'_>], order: &[Counting]) -> (Counting, Fit, bool) {
    let expected: Vec<Option<(String, bool)>> = spans.iter().map(|s| expected_text(s.name)).collect();
    let mut best: Option<(Counting, Fit)> = None;
    for &counting in order {
        let mut fit = Fit::default();
        for (span, exp) in spans.iter().zip(&expected) {
            let Some((s, e)) = read_span(text, counting, span) else { continue };
            fit.valid += 1;
            if exp.as_ref().is_some_and(|exp| matches_name(text, s, e, exp)) {
                fit.named += 1;
            }
            if text.on_word_boundaries(s, e) {
                fit.bounded += 1;
            }
        }
        if best.is_none_or(|(_, b)| fit > b) {
            best = Some((counting, fit));
        }
    }
    let (counting, fit) = best.unwrap_or((order.first().copied().unwrap_or(DEFAULT_ORDER[0]), Fit::default()));
    // Names decided only if some name is the selected text under some counting; names that
    // never are (a tool's labels) say nothing, and word boundaries decided.
    (counting, fit, fit.named > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: u64, end: u64, name: Option<&str>) -> RawSpan<'_> {
        RawSpan { start, end, name }
    }

    #[test]
    fn positions_under_each_counting() {
        let t = SourceText::new("a😀b\r\nxyz");
        assert_eq!(t.text, "a😀b\nxyz");
        // "xyz" starts at char 4; UTF-16 with CRLF as two: 1 + 2 + 1 + 2 = 6.
        assert_eq!(t.locate(c(Unit::Utf16, true), 6), Place::Exact(4));
        assert_eq!(t.locate(c(Unit::Utf16, false), 5), Place::Exact(4));
        assert_eq!(t.locate(c(Unit::CodePoints, true), 5), Place::Exact(4));
        assert_eq!(t.locate(c(Unit::CodePoints, false), 4), Place::Exact(4));
        assert_eq!(t.locate(c(Unit::Utf8Bytes, true), 8), Place::Exact(4));
        assert_eq!(t.locate(c(Unit::Utf16, true), 2), Place::Inside(1), "between the surrogates");
        assert_eq!(t.locate(c(Unit::Utf16, true), 99), Place::Beyond);
    }

    #[test]
    fn names_decide_the_counting() {
        let t = SourceText::new("😀😀 one two\r\nthree four");
        // "three" is char 9; UTF-16 CRLF=2: 4 + 8 + 2 = 14... code points CRLF=1: 2+8+1 = 11.
        let spans = [span(11, 16, Some("three"))];
        let (counting, fit, by_names) = choose(&t, &spans, &preference(""));
        assert_eq!(counting, c(Unit::CodePoints, false));
        assert_eq!((fit.named, by_names), (1, true));
        let spans = [span(14, 19, Some("three"))];
        assert_eq!(choose(&t, &spans, &preference("")).0, c(Unit::Utf16, true));
    }

    #[test]
    fn names_that_are_labels_leave_it_to_word_boundaries() {
        let t = SourceText::new("😀😀 one two\r\nthree four");
        // "three" in code points with CRLF as one, named as ATLAS.ti names non-text quotations.
        let spans = [span(11, 16, Some("Quotation 1:1")), span(7, 10, Some("Quotation 1:2"))];
        let (counting, fit, by_names) = choose(&t, &spans, &preference(""));
        assert_eq!((counting, fit.named, fit.bounded, by_names), (c(Unit::CodePoints, false), 0, 2, false));
    }

    #[test]
    fn ellipsis_names_match_by_prefix() {
        assert_eq!(expected_text(Some("I'm a single mum with…")), Some(("I'm a single mum with".into(), true)));
        assert_eq!(expected_text(Some("")), None);
        let t = SourceText::new("I'm a single mum with an 8 month old");
        assert!(matches_name(&t, 0, 30, &expected_text(Some("I'm a single mum…")).unwrap()));
    }

    #[test]
    fn origin_orders_the_candidates() {
        assert_eq!(preference("NVivo for Windows 12.6")[0], c(Unit::Utf16, true));
        assert_eq!(preference("ATLAS.ti 8.4.0")[0], c(Unit::CodePoints, false));
        assert_eq!(preference("Thicket 0.1 (offsets: code points)")[0], c(Unit::CodePoints, false));
        assert_eq!(preference("somebody")[0], c(Unit::Utf16, true));
        assert_eq!(preference("NVivo").len(), 6);
    }
}
