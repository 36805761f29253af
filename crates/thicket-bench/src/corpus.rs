//! A seeded, deterministic synthetic corpus of realistic shape for benchmarks.
//!
//! Sources are interviews with speaker turns, focus groups with transcription-service speaker
//! lines, observation and field notes and case files as paragraphs; each belongs to a case
//! (focus groups to several), dated across a year. Codes form a tree of 200 whose use follows a
//! Zipf-like law; codings cover one to four sentences, overlap, and a second coder re-codes part
//! of the corpus with some disagreement. The same seed always gives the same corpus.

use thicket_core::model::SourceKind;

/// How big a corpus to make.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub name: &'static str,
    pub sources: usize,
    pub words: usize,
    pub codings: usize,
    pub codes: usize,
    pub cases: usize,
    pub participants: usize,
    /// Size of the single long source for the document view, in bytes.
    pub docview_bytes: usize,
    /// Codings in that source.
    pub docview_codings: usize,
}

impl Scale {
    /// Seconds: a CI smoke test of the harness.
    pub const SMALL: Scale = Scale { name: "small", sources: 40, words: 200_000, codings: 4_000, codes: 200, cases: 6, participants: 40, docview_bytes: 100_000, docview_codings: 1_000 };
    /// A large study.
    pub const MEDIUM: Scale = Scale { name: "medium", sources: 200, words: 2_000_000, codings: 40_000, codes: 200, cases: 20, participants: 140, docview_bytes: 1_000_000, docview_codings: 10_000 };
    /// DESIGN.md §8: 1,000 sources, 10 million words, 200,000 codings, 200 codes, 60 cases,
    /// 400 participants, and one 1 MB source with 10,000 codings.
    pub const REFERENCE: Scale = Scale { name: "reference", sources: 1_000, words: 10_000_000, codings: 200_000, codes: 200, cases: 60, participants: 400, docview_bytes: 1_000_000, docview_codings: 10_000 };

    /// Ten times the reference, to see which figures grow faster than the work: 10,000 sources,
    /// 100 million words, 2 million codings, 600 cases, 4,000 participants, and one 10 MB source
    /// with 100,000 codings. It needs about 2 GB of disk and several minutes on 2 cores.
    pub const LARGE: Scale = Scale { name: "large", sources: 10_000, words: 100_000_000, codings: 2_000_000, codes: 200, cases: 600, participants: 4_000, docview_bytes: 10_000_000, docview_codings: 100_000 };

    /// `small`, `medium`, `reference` or `large`.
    pub fn parse(s: &str) -> Option<Scale> {
        match s {
            "small" => Some(Scale::SMALL),
            "medium" => Some(Scale::MEDIUM),
            "reference" => Some(Scale::REFERENCE),
            "large" => Some(Scale::LARGE),
            _ => None,
        }
    }
}

/// SplitMix64: tiny, fast, and stable across platforms and versions (unlike a crate's default RNG).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A skewed index in `0..n`: small indices are much more likely (roughly Zipf, s ≈ 1).
    pub fn zipf(&mut self, n: usize) -> usize {
        let n = n.max(1) as f64;
        // Inverse CDF of a continuous 1/x law on [1, n+1).
        let x = (n + 1.0).powf(self.unit());
        ((x - 1.0) as usize).min(n as usize - 1)
    }
}

/// A generated person.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub name: String,
    pub role: &'static str,
    pub case: usize,
}

/// A generated source, with the char offsets where its sentences start and end.
#[derive(Debug, Clone)]
pub struct GenSource {
    pub file_name: String,
    pub kind: SourceKind,
    pub case: usize,
    /// Extra cases (focus groups span several).
    pub other_cases: Vec<usize>,
    pub date: String,
    pub text: String,
    /// `(start, end)` char offsets of each sentence; the text is ASCII, so chars are bytes.
    pub sentences: Vec<(usize, usize)>,
}

/// A generated coding: source index, code index, span, coder (0 = first, 1 = second).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GenCoding {
    pub source: usize,
    pub code: usize,
    pub start: usize,
    pub end: usize,
    pub coder: usize,
}

/// The whole corpus.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub cases: Vec<String>,
    pub people: Vec<Person>,
    /// Code paths, parents first.
    pub codes: Vec<String>,
    pub sources: Vec<GenSource>,
    pub codings: Vec<GenCoding>,
}

const FIRST: &[&str] = &[
    "Dana", "Priya", "Kofi", "Abena", "Marta", "Helen", "Ruth", "Colin", "Grace", "Tom", "Amira", "Jonah", "Leila", "Sean",
    "Nadia", "Owen", "Rosa", "Idris", "Yara", "Mateo", "Ines", "Callum", "Sofia", "Bilal", "Freya", "Tariq", "Hana", "Niall",
    "Esme", "Kwame", "Lucia", "Rhys", "Zara", "Elif", "Jude", "Maeve", "Omar", "Ada", "Felix", "Noor",
];
const LAST: &[&str] = &[
    "Harlow", "Mensah", "Kowalski", "Okafor", "Brennan", "Lindqvist", "Nakamura", "Osei", "Duarte", "Whitfield", "Achterberg",
    "Petrov", "Quinn", "Sandoval", "Ferreira", "Haddad", "Iversen", "Jovanovic", "Kaur", "Laurent", "Moreau", "Novak",
    "Obi", "Pereira", "Rahman", "Silva", "Tanaka", "Umar", "Vasquez", "Wojcik",
];
const WORDS: &[&str] = &[
    "the", "and", "to", "I", "was", "it", "that", "she", "we", "you", "they", "a", "of", "in", "with", "for", "about", "but",
    "visit", "plan", "school", "report", "worker", "meeting", "family", "children", "kitchen", "morning", "trust", "listened",
    "judged", "angry", "quiet", "honest", "together", "manager", "deadline", "caseload", "review", "conference", "placement",
    "safety", "housing", "appointment", "phone", "letter", "form", "assessment", "progress", "support", "respect", "afraid",
    "really", "never", "always", "again", "felt", "said", "asked", "told", "wanted", "needed", "started", "stopped", "tried",
    "supervisor", "court", "partner", "grandmother", "son", "daughter", "door", "week", "month", "time", "help", "problem",
    "agreed", "changed", "explained", "waited", "left", "came", "back", "home", "today", "because", "when", "then", "after",
    "before", "every", "nobody", "everyone", "something", "nothing", "work", "working", "relationship", "alliance", "goal",
    "task", "bond", "rupture", "repair", "tension", "power", "report", "notes", "written", "file", "record", "space", "voice",
];

/// Top-level families of the generated codebook, each with sub-codes.
const FAMILIES: &[&str] = &[
    "Alliance", "Tensions", "Ruptures", "Repair", "Organisational context", "Child's perspective", "Family life", "Services",
    "Emotions", "Practice", "Power", "Time",
];

/// Generates the corpus for `scale` from `seed`.
pub fn generate(scale: &Scale, seed: u64) -> Corpus {
    let mut rng = Rng::new(seed);
    let cases: Vec<String> = (1..=scale.cases).map(|i| format!("Family {i:03}")).collect();
    let people = people(scale, &mut rng);
    let codes = codebook(scale.codes);
    let words_per_source = scale.words / scale.sources.max(1);
    let mut sources = Vec::with_capacity(scale.sources);
    for i in 0..scale.sources {
        let case = i % scale.cases.max(1);
        let kind = match rng.below(20) {
            0..=10 => SourceKind::Interview,
            11..=13 => SourceKind::Observation,
            14..=15 => SourceKind::FieldNote,
            16..=17 => SourceKind::CaseFile,
            _ => SourceKind::FocusGroup,
        };
        let target = words_per_source / 2 + rng.below(words_per_source.max(1));
        sources.push(source(i, case, kind, target, scale, &people, &mut rng));
    }
    let codings = codings(scale.codings, &codes, &sources, &mut rng);
    Corpus { cases, people, codes, sources, codings }
}

fn people(scale: &Scale, rng: &mut Rng) -> Vec<Person> {
    let mut out = Vec::with_capacity(scale.participants);
    let roles = ["caregiver", "caregiver", "social_worker", "child", "social_worker", "supervisor"];
    for i in 0..scale.participants {
        let name = format!("{} {}", FIRST[i % FIRST.len()], LAST[(i / FIRST.len() + i * 7) % LAST.len()]);
        out.push(Person { name, role: roles[rng.below(roles.len())], case: i % scale.cases.max(1) });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out.dedup_by(|a, b| a.name == b.name);
    out
}

fn codebook(n: usize) -> Vec<String> {
    let mut out: Vec<String> = FAMILIES.iter().map(|f| f.to_string()).collect();
    let mut i = 0;
    while out.len() < n {
        let family = FAMILIES[i % FAMILIES.len()];
        out.push(format!("{family}/Theme {:02}", i / FAMILIES.len() + 1));
        i += 1;
    }
    out.truncate(n);
    out
}

/// A sentence of 6-20 words, Zipf-distributed, capitalised.
fn sentence(rng: &mut Rng, out: &mut String) {
    let n = 6 + rng.below(15);
    for k in 0..n {
        let w = WORDS[rng.zipf(WORDS.len())];
        if k == 0 {
            let mut cs = w.chars();
            if let Some(c) = cs.next() {
                out.extend(c.to_uppercase());
                out.push_str(cs.as_str());
            }
        } else {
            out.push(' ');
            out.push_str(w);
        }
    }
    out.push(if rng.below(8) == 0 { '?' } else { '.' });
}

/// Appends a paragraph of 1-6 sentences, recording sentence spans.
fn paragraph(rng: &mut Rng, text: &mut String, sentences: &mut Vec<(usize, usize)>, max: usize) -> usize {
    let n = 1 + rng.below(max);
    let mut words = 0;
    for k in 0..n {
        if k > 0 {
            text.push(' ');
        }
        let start = text.len();
        sentence(rng, text);
        words += text[start..].split(' ').count();
        sentences.push((start, text.len()));
    }
    words
}

fn source(i: usize, case: usize, kind: SourceKind, target_words: usize, scale: &Scale, people: &[Person], rng: &mut Rng) -> GenSource {
    let month = 1 + (i / scale.cases.max(1)) % 12;
    let date = format!("2024-{month:02}-{:02}", 1 + rng.below(28));
    let in_case: Vec<&Person> = people.iter().filter(|p| p.case == case).collect();
    let speakers: Vec<&str> = match kind {
        SourceKind::FocusGroup => (0..6).map(|_| people[rng.below(people.len())].name.as_str()).chain(["Facilitator"]).collect(),
        _ => in_case.iter().take(3).map(|p| p.name.as_str()).chain(["Interviewer"]).collect(),
    };
    let mut text = String::with_capacity(target_words * 7);
    let mut sentences = Vec::new();
    let mut words = 0;
    let mut minute = 0u64;
    let mut turn = 0usize;
    while words < target_words {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        match kind {
            SourceKind::Interview => {
                // Interviewer and a participant alternate.
                let who = if turn.is_multiple_of(2) { speakers[speakers.len() - 1] } else { speakers[rng.below(speakers.len() - 1)] };
                text.push_str(who);
                text.push_str(": ");
                words += paragraph(rng, &mut text, &mut sentences, if turn.is_multiple_of(2) { 2 } else { 6 });
            }
            SourceKind::FocusGroup => {
                let who = speakers[rng.below(speakers.len())];
                minute += 1 + rng.below(3) as u64;
                text.push_str(&format!("{who}  {:02}:{:02}:{:02}\n", minute / 60, minute % 60, rng.below(60)));
                words += paragraph(rng, &mut text, &mut sentences, 5);
            }
            _ => words += paragraph(rng, &mut text, &mut sentences, 6),
        }
        turn += 1;
    }
    text.push('\n');
    let other_cases = if kind == SourceKind::FocusGroup { vec![(case + 1) % scale.cases.max(1), (case + 2) % scale.cases.max(1)] } else { Vec::new() };
    GenSource { file_name: format!("{:04}-{}.txt", i + 1, kind.as_str()), kind, case, other_cases, date, text, sentences }
}

/// Distributes codings over sources by length; each covers 1-4 sentences; a second coder re-codes
/// a quarter of the sources, agreeing on most codings.
fn codings(total: usize, codes: &[String], sources: &[GenSource], rng: &mut Rng) -> Vec<GenCoding> {
    let sentences: usize = sources.iter().map(|s| s.sentences.len()).sum::<usize>().max(1);
    let first_coder = total * 4 / 5;
    let mut out = Vec::with_capacity(total);
    for (i, s) in sources.iter().enumerate() {
        let n = first_coder * s.sentences.len() / sentences;
        out.extend((0..n).filter_map(|_| one_coding(i, s, codes.len(), rng)));
    }
    let firsts = out.len();
    let mut k = 0;
    while out.len() < total && firsts > 0 {
        let base = out[(k * 4) % firsts];
        k += 1;
        if base.source % 4 != 0 && k < firsts {
            continue;
        }
        let mut second = GenCoding { coder: 1, ..base };
        match rng.below(10) {
            0 => second.code = rng.zipf(codes.len()),
            1 => second.end = (second.end + 20).min(sources[base.source].text.len()),
            _ => {}
        }
        out.push(second);
    }
    out.sort_by_key(|c| (c.coder, c.source, c.start, c.end, c.code));
    out.dedup_by_key(|c| (c.coder, c.source, c.start, c.end, c.code));
    // Top up what rounding and de-duplication took away, so the count is exactly `total`.
    let mut seen: std::collections::HashSet<(usize, usize, usize, usize, usize)> =
        out.iter().map(|c| (c.coder, c.source, c.start, c.end, c.code)).collect();
    let mut guard = 0;
    while out.len() < total && guard < total * 10 {
        guard += 1;
        let i = rng.below(sources.len());
        if let Some(c) = one_coding(i, &sources[i], codes.len(), rng)
            && seen.insert((c.coder, c.source, c.start, c.end, c.code))
        {
            out.push(c);
        }
    }
    out.sort_by_key(|c| (c.coder, c.source, c.start, c.end, c.code));
    out
}

fn one_coding(source: usize, s: &GenSource, codes: usize, rng: &mut Rng) -> Option<GenCoding> {
    if s.sentences.is_empty() {
        return None;
    }
    let first = rng.below(s.sentences.len());
    let last = (first + rng.below(4)).min(s.sentences.len() - 1);
    Some(GenCoding { source, code: rng.zipf(codes), start: s.sentences[first].0, end: s.sentences[last].1, coder: 0 })
}

/// One long interview of about `bytes` bytes with `codings` overlapping codings, for the document view.
pub fn long_source(bytes: usize, codings: usize, codes: usize, seed: u64) -> (GenSource, Vec<GenCoding>) {
    let mut rng = Rng::new(seed);
    let people = [Person { name: "Dana Harlow".into(), role: "caregiver", case: 0 }, Person { name: "Priya Nandakumar".into(), role: "social_worker", case: 0 }];
    let scale = Scale { cases: 1, ..Scale::SMALL };
    // About 5.7 bytes per word in generated text.
    let s = source(0, 0, SourceKind::Interview, bytes * 10 / 57, &scale, &people, &mut rng);
    let list = (0..codings).filter_map(|_| one_coding(0, &s, codes, &mut rng)).collect::<Vec<_>>();
    let mut list = list;
    list.sort_by_key(|c| (c.start, c.end, c.code));
    list.dedup_by_key(|c| (c.start, c.end, c.code));
    (s, list)
}

/// A subtitle file (.srt) of `cues` two-line cues two seconds apart, alternating between an
/// interviewer and a participant: the parse-speed figure (`cargo bench -- import_parse_srt`) and
/// the test that such a file is read whole.
pub fn long_srt(cues: u64) -> String {
    let mut srt = String::new();
    for i in 0..cues {
        let (s, speaker) = (i * 2, if i % 2 == 0 { "Interviewer" } else { "Zoë" });
        let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
        srt.push_str(&format!(
            "{}\n{h:02}:{m:02}:{sec:02},000 --> {h:02}:{m:02}:{sec:02},500\n{speaker}: Line {i} of the interview,\nsplit over two lines.\n\n",
            i + 1
        ));
    }
    srt
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_corpus() {
        let a = generate(&Scale::SMALL, 7);
        let b = generate(&Scale::SMALL, 7);
        assert_eq!(a.sources.iter().map(|s| s.text.len()).collect::<Vec<_>>(), b.sources.iter().map(|s| s.text.len()).collect::<Vec<_>>());
        assert_eq!(a.codings, b.codings);
        assert_ne!(generate(&Scale::SMALL, 8).codings, a.codings);
    }

    #[test]
    fn small_corpus_has_the_promised_shape() {
        let c = generate(&Scale::SMALL, 1);
        assert_eq!(c.sources.len(), 40);
        assert_eq!(c.codes.len(), 200);
        let words: usize = c.sources.iter().map(|s| thicket_core::text::word_count(&s.text)).sum();
        assert!((180_000..260_000).contains(&words), "{words}");
        assert_eq!(c.codings.len(), 4_000);
        assert!(c.codings.iter().any(|x| x.coder == 1));
        // Zipf: the most used code has many more codings than the median one.
        let mut per_code = vec![0; 200];
        c.codings.iter().for_each(|x| per_code[x.code] += 1);
        let top = *per_code.iter().max().unwrap_or(&0);
        per_code.sort_unstable();
        assert!(top > 10 * per_code[100].max(1), "top {top}, median {}", per_code[100]);
    }

    #[test]
    fn the_long_source_is_about_the_asked_size() {
        let (s, codings) = long_source(1_000_000, 10_000, 200, 3);
        assert!((900_000..1_300_000).contains(&s.text.len()), "{}", s.text.len());
        assert!(codings.len() > 9_500, "{}", codings.len());
    }
}
