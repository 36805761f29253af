//! Speaker-turn detection for transcripts: normalised text in, the turns found in it out.
//!
//! Importers call [`detect_turns`] on a source's stored text (LF line endings, see `text::normalize`) and
//! offer the result as Turns, which the user maps to participants. Transcripts come from many hands and tools,
//! so several label styles are recognised at the start of a line:
//!
//! - inline labels: `Name: text`, `**Name:** text`, `**Name**: text`, `I: text`, `Participant 3: text`,
//!   `Dr. A. B. Smith, PhD: text`, `José María: text`, with a timestamp before or after the name
//!   (`[00:01:02] Name:`, `(00:01:02) Name:`, `00:01:02 Name:`, `Name [00:01:02]:`, `Name (01:02):`);
//! - speaker lines, whose spoken text starts on the next line: `Ruth  00:12:04`, `Speaker 1 (00:12:04)`,
//!   or `Name:` alone.
//!
//! A turn runs until the next accepted label, across blank lines and unlabelled paragraphs. Observation notes
//! and case files are full of line-initial `Word:` headers ("Note:", "Time: 10:30", "Present: SW, mother"),
//! so a label is only accepted when it looks like a name (short, not a known header word, not a sentence) and
//! the same speaker is labelled at least twice in the document. Text before the first turn belongs to no turn.
//! All ranges are char offsets into the text, as everywhere in Thicket.

use crate::text::offsets::TextIndex;
use regex::{Captures, Match, Regex};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// One speaker turn found in a transcript. Ranges are half-open char ranges into the analysed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetectedTurn {
    /// The speaker as labelled, without markup, timestamp, brackets or colon, and with spaces collapsed.
    pub speaker: String,
    /// The whole label on its line: timestamp, markup, name and colon (not the indentation before it).
    pub label: Range<usize>,
    /// The spoken text, from its first to its last non-whitespace char; it may run over several paragraphs.
    pub span: Range<usize>,
    /// The label's timestamp in milliseconds from the start of the recording, if it had one.
    pub timestamp_ms: Option<u64>,
}

/// Longest speaker name accepted, in chars; longer "labels" are sentences ending in a colon.
const MAX_LABEL_CHARS: usize = 40;
/// Most words in an accepted speaker name ("Dr. A. B. Smith, PhD" is five).
const MAX_LABEL_WORDS: usize = 6;

/// Labels that are headers in notes, letters and case files, never speakers (compared case-insensitively).
const STOPLIST: &[&str] = &[
    "note", "notes", "nb", "n.b.", "date", "time", "location", "place", "present", "attendees", "subject", "re",
    "summary", "action", "actions", "outcome", "purpose", "agenda", "plan", "update", "source", "tel", "phone",
    "email", "address", "dob", "age", "reason", "background", "concerns", "chronology", "ref", "page", "signed",
    "task", "step", "example", "definition", "warning", "important", "http", "https",
    // Email headers: printed email chains repeat them, which would pass the recurrence test.
    "from", "to", "cc", "bcc", "sent", "fw", "fwd", "attachments",
    // Headers of observation and visit records.
    "observation", "observations", "comment", "comments", "reflection", "reflections", "context", "setting",
    "duration", "venue", "status", "title",
];

/// Words that, followed by a number, make a numbered heading ("Chapter 3:") rather than a participant.
const HEADING_NOUNS: &[&str] = &[
    "chapter", "section", "part", "figure", "fig", "table", "item", "day", "week", "month", "year", "visit",
    "session", "step", "page", "appendix", "line", "room", "version", "no", "number", "phase", "stage", "round",
    "question", "case", "extract", "excerpt", "vignette", "paragraph", "exhibit", "scene", "episode", "wave",
    "time", "note", "meeting", "interview", "entry",
];

/// Reporting verbs: "Mum said: ..." and "She told Ruth: ..." introduce speech in field notes; they are not labels.
const REPORTING_VERBS: &[&str] = &[
    "said", "says", "asked", "asks", "replied", "replies", "told", "tells", "explained", "explains", "stated",
    "states", "added", "adds", "wrote", "writes", "noted", "commented", "reported", "answered", "responded",
    "shouted", "whispered", "continued", "recalled", "described",
];

/// Words that start sentences but not multi-word names ("She then: ...", "In the end: ...").
const SENTENCE_STARTS: &[&str] = &[
    "i", "he", "she", "we", "they", "it", "you", "his", "her", "their", "our", "my", "your", "its", "this", "that",
    "these", "those", "there", "then", "and", "but", "so", "or", "when", "while", "if", "as", "at", "in", "on",
    "after", "before", "because", "later", "today", "yesterday",
];

/// A timestamp: `H:MM:SS` or `M:SS` (up to three minute digits for long recordings), optional `.mmm`/`,mmm`.
const TIMESTAMP: &str = r"(?:[0-9]{1,2}:[0-9]{2}:[0-9]{2}|[0-9]{1,3}:[0-9]{2})(?:[.,][0-9]{1,3})?";
/// One word of a name: starts with a letter or digit; inner `.`, apostrophes and hyphens allow "Dr.", "O'Neil",
/// "Mary-Jane"; combining marks allow decomposed accents.
const NAME_WORD: &str = r"[\p{L}\p{N}][\p{L}\p{M}\p{N}.'’‐-]*";

/// A label followed by a colon on the same line; the text may follow on the line or on the next ones.
static INLINE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let name = format!(r"{NAME_WORD}(?:,?[ \t]+{NAME_WORD})*");
    let any_ts = format!(r"\[{TIMESTAMP}\]|\({TIMESTAMP}\)|{TIMESTAMP}");
    let bracketed_ts = format!(r"\[{TIMESTAMP}\]|\({TIMESTAMP}\)");
    let pattern = format!(
        r"^(?P<indent>[ \t]*)(?:(?P<ts1>{any_ts})[ \t]+)?(?P<open>\*{{1,2}})?(?P<name>{name})(?:[ \t]*(?P<ts2>{bracketed_ts}))?(?P<close1>\*{{1,2}})?(?P<colon>[ \t]?[:：])(?P<close2>\*{{1,2}})?"
    );
    Regex::new(&pattern).expect("the inline label pattern is a valid regex")
});

/// A line holding only a name and a timestamp, as transcription services export it.
static SPEAKER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    let name = format!(r"{NAME_WORD}(?:,?[ \t]+{NAME_WORD})*");
    let pattern = format!(
        r"^(?P<indent>[ \t]*)(?P<open>\*{{1,2}})?(?P<name>{name})(?P<close>\*{{1,2}})?(?P<gap>[ \t]+)(?P<ts>\[{TIMESTAMP}\]|\({TIMESTAMP}\)|{TIMESTAMP})[ \t]*$"
    );
    Regex::new(&pattern).expect("the speaker line pattern is a valid regex")
});

/// A label found at the start of a line, before the recurrence test. Ranges are bytes: into the line when
/// parsed, then shifted into the whole text by [`find_candidates`].
#[derive(Debug)]
struct Candidate {
    speaker: String,
    label: Range<usize>,
    timestamp_ms: Option<u64>,
    /// Start of the line holding the label: the previous turn ends before it.
    line_start: usize,
    /// A speaker line with one space before a bare minutes-only time, accepted only from text whose spaces
    /// were collapsed (see [`detect_turns_spaces_collapsed`]).
    loose: bool,
}

/// Finds the speaker turns of a transcript, in text order.
///
/// Turns are sorted, their spans do not overlap, each span is non-empty and follows its label. Text that is not
/// a transcript gives no turns. Runs in time linear in the length of the text.
pub fn detect_turns(text: &str) -> Vec<DetectedTurn> {
    let candidates = find_candidates(text, false);
    let accepted = keep_recurring(candidates);
    build_turns(text, &accepted)
}

/// [`detect_turns`] for text whose runs of spaces were collapsed into one, as PDF text layers give it.
///
/// Transcription services write `Sara Mannheimer  00:01` with two spaces (or a tab), and the two spaces are
/// what tells a speaker line from "Arrived 10:30" in visit notes; a PDF keeps only one. So here a line holding
/// a name, one space and a minutes-only time is a speaker line too, but only when such lines name at least
/// two different recurring speakers (a conversation), never for one repeated "Arrived 10:30".
pub fn detect_turns_spaces_collapsed(text: &str) -> Vec<DetectedTurn> {
    let mut accepted = keep_recurring(find_candidates(text, true));
    let mut loose_speakers: Vec<String> = accepted.iter().filter(|c| c.loose).map(|c| c.speaker.to_lowercase()).collect();
    loose_speakers.sort();
    loose_speakers.dedup();
    if loose_speakers.len() < 2 {
        accepted.retain(|c| !c.loose);
    }
    build_turns(text, &accepted)
}

/// Every line that starts with a plausible label, in order; `loose` also takes one-space speaker lines.
fn find_candidates(text: &str, loose: bool) -> Vec<Candidate> {
    let mut candidates = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        if let Some(found) = parse_label(line, loose) {
            candidates.push(Candidate {
                label: line_start + found.label.start..line_start + found.label.end,
                line_start,
                ..found
            });
        }
        line_start += line.len() + 1;
    }
    candidates
}

/// The label at the start of `line`, if it has one that looks like a speaker; ranges are bytes into the line.
fn parse_label(line: &str, loose: bool) -> Option<Candidate> {
    // Every label style has a colon (in the label or its timestamp); most lines have none.
    if !line.contains([':', '：']) {
        return None;
    }
    inline_label(line)
        .or_else(|| speaker_line(line, loose))
        .filter(|candidate| is_plausible_speaker(&candidate.speaker))
}

/// `[ts] **Name [ts]:** text` and its variants.
fn inline_label(line: &str) -> Option<Candidate> {
    let caps = INLINE_LABEL.captures(line)?;
    let colon = caps.name("colon")?;
    if !markup_balanced(caps.name("open"), caps.name("close1"), caps.name("close2")) {
        return None;
    }
    let end = caps.name("close2").map_or(colon.end(), |close| close.end());
    // "10:30", "https://" and "a:b" are not labels: an ASCII colon must be followed by a space or the line end.
    // Chinese and Japanese transcripts write "张三：你好" without a space after the full-width colon.
    let next = line.get(end..)?.chars().next();
    if !(colon.as_str().ends_with('：') || next.is_none_or(char::is_whitespace)) {
        return None;
    }
    let timestamp_ms = optional_timestamp(caps.name("ts1").or(caps.name("ts2")))?;
    Some(Candidate { speaker: clean_name(&caps)?, label: label_start(&caps)?..end, timestamp_ms, line_start: 0, loose: false })
}

/// `Name  00:12:04`, `Name [00:12:04]`, `Speaker 1 (00:12:04)`: the spoken text starts on the next line.
fn speaker_line(line: &str, allow_loose: bool) -> Option<Candidate> {
    let caps = SPEAKER_LINE.captures(line)?;
    if !markup_balanced(caps.name("open"), caps.name("close"), None) {
        return None;
    }
    let ts = caps.name("ts")?;
    // "Arrived 10:30" in visit notes looks like this too. Exports put two spaces before a bare minutes-only
    // timestamp ("Ruth  0:04") or give hours; one space before a bare "10:30" is a clock time in a sentence.
    let bare = !ts.as_str().starts_with(['[', '(']);
    let has_hours = ts.as_str().matches(':').count() == 2;
    let loose = bare && !has_hours && caps.name("gap")?.as_str() == " ";
    if loose && !allow_loose {
        return None;
    }
    let timestamp_ms = Some(parse_timestamp(ts.as_str())?);
    Some(Candidate { speaker: clean_name(&caps)?, label: label_start(&caps)?..ts.end(), timestamp_ms, line_start: 0, loose })
}

/// Bold or italic markup must close exactly once, with the same number of asterisks, before or after the colon.
fn markup_balanced(open: Option<Match>, close_before: Option<Match>, close_after: Option<Match>) -> bool {
    match (open, close_before, close_after) {
        (None, None, None) => true,
        (Some(open), Some(close), None) | (Some(open), None, Some(close)) => open.len() == close.len(),
        _ => false,
    }
}

/// `None` if a timestamp was written but is not a valid one (the line is then not a label at all).
fn optional_timestamp(ts: Option<Match>) -> Option<Option<u64>> {
    match ts {
        Some(ts) => parse_timestamp(ts.as_str()).map(Some),
        None => Some(None),
    }
}

fn label_start(caps: &Captures) -> Option<usize> {
    caps.name("indent").map(|indent| indent.end())
}

/// The name group with runs of spaces collapsed, as shown to the user when mapping speakers to participants.
fn clean_name(caps: &Captures) -> Option<String> {
    let name = caps.name("name")?.as_str();
    Some(name.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Milliseconds of `[H:]MM:SS[.mmm]`, brackets allowed; `None` if minutes or seconds are out of range.
fn parse_timestamp(ts: &str) -> Option<u64> {
    let ts = ts.trim_matches(['[', ']', '(', ')']);
    let (clock, fraction) = match ts.split_once(['.', ',']) {
        Some((clock, fraction)) => (clock, fraction),
        None => (ts, ""),
    };
    let parts = clock.split(':').map(|part| part.parse::<u64>().ok()).collect::<Option<Vec<_>>>()?;
    let (hours, minutes, seconds) = match parts[..] {
        [h, m, s] if m < 60 && s < 60 => (h, m, s),
        [m, s] if s < 60 => (0, m, s),
        _ => return None,
    };
    // Checked: this is also called on whatever a caller passes, not only on regex-bounded digits.
    let total_seconds = hours.checked_mul(60)?.checked_add(minutes)?.checked_mul(60)?.checked_add(seconds)?;
    total_seconds.checked_mul(1000)?.checked_add(fraction_ms(fraction)?)
}

/// ".5" is 500 ms and ".05" is 50 ms: pad the fraction to three digits.
fn fraction_ms(fraction: &str) -> Option<u64> {
    if fraction.is_empty() {
        return Some(0);
    }
    let digits: u64 = fraction.parse().ok()?;
    let scale = 10u64.checked_pow(3u32.checked_sub(u32::try_from(fraction.len()).ok()?)?)?;
    Some(digits * scale)
}

/// Whether a cleaned label reads like a speaker name rather than a heading or the start of a sentence.
fn is_plausible_speaker(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some((&last, leading)) = words.split_last() else {
        return false;
    };
    let numbered = is_number(last);
    has_name_shape(name, words.len())
        && (!numbered || is_numbered_participant(leading, last))
        && !is_stopword(if numbered { leading } else { &words })
        && !reads_like_sentence(&words)
}

/// Short, at most one comma ("Smith, PhD"), and starting with a letter (so not "2021" or "10").
fn has_name_shape(name: &str, word_count: usize) -> bool {
    name.chars().count() <= MAX_LABEL_CHARS
        && word_count <= MAX_LABEL_WORDS
        && name.matches(',').count() <= 1
        && name.chars().next().is_some_and(char::is_alphabetic)
}

/// A multi-word label that starts like a sentence or holds a reporting verb: "She said Ruth", "Mum said".
fn reads_like_sentence(words: &[&str]) -> bool {
    words.len() > 1
        && (words.first().is_some_and(|first| is_one_of(first, SENTENCE_STARTS))
            || words.iter().any(|word| is_one_of(word, REPORTING_VERBS)))
}

fn is_number(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_digit())
}

/// "Participant 3", "Social worker 2", "Speaker 10": a role followed by a small number, not "Chapter 3".
fn is_numbered_participant(leading: &[&str], number: &str) -> bool {
    let Some(&role) = leading.last() else {
        return false;
    };
    number.len() <= 3 && role.chars().all(char::is_alphabetic) && !is_one_of(role, HEADING_NOUNS)
}

fn is_stopword(words: &[&str]) -> bool {
    is_one_of(&words.join(" "), STOPLIST)
}

fn is_one_of(word: &str, list: &[&str]) -> bool {
    let word = word.to_lowercase();
    list.contains(&word.as_str())
}

/// Candidates whose speaker is labelled at least twice (case-insensitively): one-off "labels" are headers.
fn keep_recurring(candidates: Vec<Candidate>) -> Vec<Candidate> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for candidate in &candidates {
        *counts.entry(candidate.speaker.to_lowercase()).or_default() += 1;
    }
    candidates
        .into_iter()
        .filter(|candidate| counts.get(&candidate.speaker.to_lowercase()).is_some_and(|&n| n >= 2))
        .collect()
}

/// Turns from accepted labels: each runs from its label to the line of the next one, trimmed of whitespace.
fn build_turns(text: &str, accepted: &[Candidate]) -> Vec<DetectedTurn> {
    let index = TextIndex::new(text);
    let ends = accepted.iter().skip(1).map(|next| next.line_start).chain(std::iter::once(text.len()));
    accepted.iter().zip(ends).filter_map(|(candidate, end)| turn(text, &index, candidate, end)).collect()
}

/// The turn of `candidate` if it has any spoken text before byte `end`.
fn turn(text: &str, index: &TextIndex, candidate: &Candidate, end: usize) -> Option<DetectedTurn> {
    let body = trimmed(text, candidate.label.end..end)?;
    let chars = |r: &Range<usize>| Some(index.byte_to_char(r.start)?..index.byte_to_char(r.end)?);
    Some(DetectedTurn {
        speaker: candidate.speaker.clone(),
        label: chars(&candidate.label)?,
        span: chars(&body)?,
        timestamp_ms: candidate.timestamp_ms,
    })
}

/// The byte range `r` without leading and trailing whitespace; `None` if nothing is left.
fn trimmed(text: &str, r: Range<usize>) -> Option<Range<usize>> {
    let slice = text.get(r.clone())?;
    let start = r.start + (slice.len() - slice.trim_start().len());
    let end = r.start + slice.trim_end().len();
    (start < end).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::slice_chars;
    use proptest::prelude::*;

    /// (speaker, spoken text, timestamp) of each turn, for exact comparisons.
    fn turns_of(text: &str) -> Vec<(String, String, Option<u64>)> {
        detect_turns(text)
            .into_iter()
            .map(|t| {
                let spoken = slice_chars(text, t.span.clone()).unwrap_or("<bad span>").to_owned();
                (t.speaker, spoken, t.timestamp_ms)
            })
            .collect()
    }

    fn labels_of(text: &str) -> Vec<String> {
        detect_turns(text)
            .into_iter()
            .map(|t| slice_chars(text, t.label).unwrap_or("<bad label>").to_owned())
            .collect()
    }

    fn turn(speaker: &str, spoken: &str, ms: Option<u64>) -> (String, String, Option<u64>) {
        (speaker.to_owned(), spoken.to_owned(), ms)
    }

    #[test]
    fn plain_labels_with_a_header_and_a_continuation_paragraph() {
        let text = "Interview with Ruth, 12 March 2024\nRecorded at the family centre.\n\n\
            Interviewer: Thanks for coming in. How have things been since the last visit?\n\
            Ruth: Honestly, it's been hard. The new worker doesn't call back.\n\n\
            Sometimes I wait a week.\n\n\
            Interviewer: What happens when she doesn't call?\n\
            Ruth:   I ring the office: they say she's out.\n";
        assert_eq!(
            turns_of(text),
            [
                turn("Interviewer", "Thanks for coming in. How have things been since the last visit?", None),
                turn("Ruth", "Honestly, it's been hard. The new worker doesn't call back.\n\nSometimes I wait a week.", None),
                turn("Interviewer", "What happens when she doesn't call?", None),
                turn("Ruth", "I ring the office: they say she's out.", None),
            ]
        );
        assert_eq!(labels_of(text), ["Interviewer:", "Ruth:", "Interviewer:", "Ruth:"]);
    }

    #[test]
    fn markdown_bold_labels_inside_or_outside_the_colon() {
        let text = "# Focus group 2\n\n**Facilitator:** Who wants to start?\n\n**Mother**: I will.\n\n\
            **Facilitator:** Go on.\n\n**Mother**: It was the school that called.\n";
        assert_eq!(
            turns_of(text),
            [
                turn("Facilitator", "Who wants to start?", None),
                turn("Mother", "I will.", None),
                turn("Facilitator", "Go on.", None),
                turn("Mother", "It was the school that called.", None),
            ]
        );
        assert_eq!(labels_of(text), ["**Facilitator:**", "**Mother**:", "**Facilitator:**", "**Mother**:"]);
    }

    #[test]
    fn interviewer_and_respondent_letters() {
        let text = "I: How old were you then?\nR: Nine. Maybe ten.\nI: And your brother?\nR: Six.\n\
            Q: Anything else?\nA: No.\nQ: Thanks.\nA: OK.";
        let speakers: Vec<String> = detect_turns(text).into_iter().map(|t| t.speaker).collect();
        assert_eq!(speakers, ["I", "R", "I", "R", "Q", "A", "Q", "A"]);
        assert_eq!(turns_of(text)[1], turn("R", "Nine. Maybe ten.", None));
    }

    #[test]
    fn numbered_participants_and_roles() {
        let text = "Interviewer: Tell me about the team.\nParticipant 3: We meet on Mondays.\n\
            Social worker 2: Not always.\nP3: Mostly.\nInterviewer: Why not always?\n\
            Social worker 2: Cover. Sickness.\nParticipant 3: Yes.\nP3: Again.";
        let speakers: Vec<String> = detect_turns(text).into_iter().map(|t| t.speaker).collect();
        assert_eq!(
            speakers,
            ["Interviewer", "Participant 3", "Social worker 2", "P3", "Interviewer", "Social worker 2", "Participant 3", "P3"]
        );
    }

    #[test]
    fn names_with_punctuation_and_accents() {
        let text = "Dr. A. B. Smith, PhD: Good morning.\nMary-Jane O'Neil: Morning.\nZoë: Hi.\nJosé María: Hola.\n\
            Łucja: Cześć.\nDr. A. B. Smith, PhD: Shall we?\nMary-Jane O'Neil: Yes.\nZoë: OK.\nJosé María: Vale.\nŁucja: Tak.";
        let speakers: Vec<String> = detect_turns(text).into_iter().map(|t| t.speaker).collect();
        assert_eq!(
            speakers,
            ["Dr. A. B. Smith, PhD", "Mary-Jane O'Neil", "Zoë", "José María", "Łucja"].repeat(2)
        );
    }

    #[test]
    fn spans_and_labels_are_char_offsets() {
        let text = "Zoë: Ça va?\nJosé María: Sí, 😀.\nZoë: Bien.\nJosé María: Adiós.";
        let turns = detect_turns(text);
        let ranges: Vec<_> = turns.iter().map(|t| (t.label.clone(), t.span.clone())).collect();
        assert_eq!(ranges, [(0..4, 5..11), (12..23, 24..30), (31..35, 36..41), (42..53, 54..60)]);
    }

    #[test]
    fn a_speaker_labelled_once_is_part_of_the_previous_turn() {
        let text = "Zoë: Ça va?\nJosé María: Sí, 😀.\nZoë: Bien.";
        assert_eq!(
            turns_of(text),
            [turn("Zoë", "Ça va?\nJosé María: Sí, 😀.", None), turn("Zoë", "Bien.", None)]
        );
        assert_eq!(detect_turns(text)[0].span, 5..30);
    }

    #[test]
    fn timestamps_before_the_name() {
        let text = "[00:01:02] Ruth: Hello.\n(00:01:05) Sam: Hi Ruth.\n00:01:09 Ruth: How are you?\n\
            [01:12] Sam: Fine.\n00:02:00.500 Ruth: Good.\n00:02:03,25 Sam: And you?";
        assert_eq!(
            turns_of(text),
            [
                turn("Ruth", "Hello.", Some(62_000)),
                turn("Sam", "Hi Ruth.", Some(65_000)),
                turn("Ruth", "How are you?", Some(69_000)),
                turn("Sam", "Fine.", Some(72_000)),
                turn("Ruth", "Good.", Some(120_500)),
                turn("Sam", "And you?", Some(123_250)),
            ]
        );
        assert_eq!(labels_of(text)[0], "[00:01:02] Ruth:");
    }

    #[test]
    fn timestamps_after_the_name() {
        let text = "Ruth [00:01:02]: Hello.\nSam (01:05): Hi.\nRuth (1:01:05.5): Later.\nSam [61:05]: Much later.";
        assert_eq!(
            turns_of(text),
            [
                turn("Ruth", "Hello.", Some(62_000)),
                turn("Sam", "Hi.", Some(65_000)),
                turn("Ruth", "Later.", Some(3_665_500)),
                turn("Sam", "Much later.", Some(3_665_000)),
            ]
        );
        assert_eq!(labels_of(text), ["Ruth [00:01:02]:", "Sam (01:05):", "Ruth (1:01:05.5):", "Sam [61:05]:"]);
    }

    #[test]
    fn speaker_lines_from_transcription_services() {
        let text = "Visit 3 transcript\n\nRuth  00:12:04\nI don't know where to start.\n\nIt was a Tuesday.\n\n\
            Interviewer 00:12:30\nStart with Tuesday, then.\n\nRuth  00:12:41\nRight.\n\n\
            Interviewer 00:13:02\nTake your time.\n";
        assert_eq!(
            turns_of(text),
            [
                turn("Ruth", "I don't know where to start.\n\nIt was a Tuesday.", Some(724_000)),
                turn("Interviewer", "Start with Tuesday, then.", Some(750_000)),
                turn("Ruth", "Right.", Some(761_000)),
                turn("Interviewer", "Take your time.", Some(782_000)),
            ]
        );
        assert_eq!(labels_of(text), ["Ruth  00:12:04", "Interviewer 00:12:30", "Ruth  00:12:41", "Interviewer 00:13:02"]);
    }

    #[test]
    fn bracketed_speaker_lines_and_colon_only_lines() {
        let text = "Speaker 1 (00:00:03)\nCan you hear me?\nSpeaker 2 (00:00:05)\nYes.\n\
            Speaker 1 (00:00:07)\nGood.\nSpeaker 2 (00:00:09)\n\nGo ahead.\n\n\
            Mum:\nI was there.\nDad:\nSo was I.\nMum:\nNo you weren't.\nDad:\n  Fine.  \n";
        assert_eq!(
            turns_of(text),
            [
                turn("Speaker 1", "Can you hear me?", Some(3_000)),
                turn("Speaker 2", "Yes.", Some(5_000)),
                turn("Speaker 1", "Good.", Some(7_000)),
                turn("Speaker 2", "Go ahead.", Some(9_000)),
                turn("Mum", "I was there.", None),
                turn("Dad", "So was I.", None),
                turn("Mum", "No you weren't.", None),
                turn("Dad", "Fine.", None),
            ]
        );
    }

    #[test]
    fn otter_export_with_minutes_only_timestamps() {
        let text = "Ruth Smith  0:03\nSo I think the main thing was the housing.\n\nInterviewer  0:15\nTell me more.\n\n\
            Ruth Smith  0:18\nWell, we moved three times.\n\nInterviewer  1:02:07\nThanks.\n";
        assert_eq!(
            turns_of(text),
            [
                turn("Ruth Smith", "So I think the main thing was the housing.", Some(3_000)),
                turn("Interviewer", "Tell me more.", Some(15_000)),
                turn("Ruth Smith", "Well, we moved three times.", Some(18_000)),
                turn("Interviewer", "Thanks.", Some(3_727_000)),
            ]
        );
    }

    #[test]
    fn otter_speaker_lines_with_collapsed_spaces_need_a_conversation() {
        let text = "Sara Mannheimer 00:01\nSo, tell me about the first visit.\n\nDC01 02:05\nShe came on a Monday.\n\n\
            Sara Mannheimer 02:31\nAnd then?\n\nDC01 02:40\nThen we talked.\n";
        assert_eq!(detect_turns(text), [], "one space before a bare time is a clock time in ordinary text");
        let turns = detect_turns_spaces_collapsed(text);
        let got: Vec<(&str, Option<u64>)> = turns.iter().map(|t| (t.speaker.as_str(), t.timestamp_ms)).collect();
        assert_eq!(got, [("Sara Mannheimer", Some(1_000)), ("DC01", Some(125_000)), ("Sara Mannheimer", Some(151_000)), ("DC01", Some(160_000))]);
        let notes = "Arrived 10:30\nThe flat was cold.\n\nArrived 14:00\nNobody answered.\n";
        assert_eq!(detect_turns_spaces_collapsed(notes), [], "one recurring \"speaker\" is not a conversation");
    }

    #[test]
    fn rev_export_with_timestamped_colon_lines() {
        let text = "Speaker 1 (00:00):\nHello.\n\nSpeaker 2 (00:05):\nHi.\n\nSpeaker 1 (01:10):\nBye.\n\n\
            Speaker 2 (01:12):\nBye then.";
        assert_eq!(
            turns_of(text),
            [
                turn("Speaker 1", "Hello.", Some(0)),
                turn("Speaker 2", "Hi.", Some(5_000)),
                turn("Speaker 1", "Bye.", Some(70_000)),
                turn("Speaker 2", "Bye then.", Some(72_000)),
            ]
        );
        assert_eq!(labels_of(text)[3], "Speaker 2 (01:12):");
    }

    #[test]
    fn indented_and_tab_separated_labels_start_after_the_indentation() {
        let text = "  Interviewer: Hi.\n\tRuth\t00:00:05\n\tHello.\n  Interviewer: Bye.\n\tRuth\t00:00:09\n\tBye.";
        assert_eq!(labels_of(text), ["Interviewer:", "Ruth\t00:00:05", "Interviewer:", "Ruth\t00:00:09"]);
        let turns = detect_turns(text);
        assert_eq!((turns[0].label.clone(), turns[0].span.clone()), (2..14, 15..18));
        assert_eq!(turns_of(text)[1], turn("Ruth", "Hello.", Some(5_000)));
    }

    #[test]
    fn a_speaker_line_with_no_text_gives_no_turn() {
        let text = "Ruth  00:00:01\nHello.\nSam  00:00:02\nRuth  00:00:03\nAgain.\nSam  00:00:04\nBye.";
        assert_eq!(
            turns_of(text),
            [
                turn("Ruth", "Hello.", Some(1_000)),
                turn("Ruth", "Again.", Some(3_000)),
                turn("Sam", "Bye.", Some(4_000)),
            ]
        );
    }

    #[test]
    fn field_notes_headers_are_not_turns() {
        let text = "Home visit, 3 May\nTime: 10:30\nPresent: SW, mother\nLocation: family home\n\n\
            Note: the mother arrived late.\n10:30 we sat in the kitchen.\nArrived 10:30\n\
            https://example.org/case/12\nShe said Ruth: no.\n\n\
            Home visit, 10 May\nTime: 14:00\nPresent: SW, mother, child\nLocation: family home\n\n\
            Note: the mother was waiting.\n14:00 we went to the park.\nArrived 14:00\n\
            https://example.org/case/12\nShe said Ruth: yes.\nMum said: I'm fine.\nMum said: I'm tired.\n\
            Chapter 3: Later\nChapter 3: Again\n";
        assert_eq!(detect_turns(text), []);
    }

    #[test]
    fn header_words_inside_a_transcript_continue_the_turn() {
        let text = "Interviewer: What did the letter say?\nMother: It said:\nNote: you must attend.\n\
            Interviewer: And did you?\nMother: Yes.\nNote: the recording stops here.";
        assert_eq!(
            turns_of(text),
            [
                turn("Interviewer", "What did the letter say?", None),
                turn("Mother", "It said:\nNote: you must attend.", None),
                turn("Interviewer", "And did you?", None),
                turn("Mother", "Yes.\nNote: the recording stops here.", None),
            ]
        );
    }

    #[test]
    fn long_or_sentence_like_labels_are_rejected() {
        let text = "The thing I remember most about that: it rained.\n\
            The thing I remember most about that: it rained.\n\
            Smith, Jones, Brown: present.\nSmith, Jones, Brown: present.\n\
            Room 12: empty.\nRoom 12: empty.\n2021: a bad year\n2021: a bad year\n";
        assert_eq!(detect_turns(text), []);
    }

    #[test]
    fn interviewer_and_respondent_labels_in_one_document() {
        let text = "Interviewer: First question.\nRespondent: First answer.\n\n\
            Interviewer: Second question.\n\nRespondent: Second answer, in\ntwo lines.\n\n\
            And a second paragraph.";
        let turns = detect_turns(text);
        assert_eq!(turns.len(), 4);
        assert_eq!(turns_of(text)[3], turn("Respondent", "Second answer, in\ntwo lines.\n\nAnd a second paragraph.", None));
        assert_eq!(turns[3].label, 87..98);
    }

    #[test]
    fn full_width_colon_needs_no_space() {
        let text = "张三：你好。\n李四：你好！\n张三：最近怎么样？\n李四：还行。";
        let speakers: Vec<String> = detect_turns(text).into_iter().map(|t| t.speaker).collect();
        assert_eq!(speakers, ["张三", "李四", "张三", "李四"]);
        assert_eq!(turns_of(text)[0], turn("张三", "你好。", None));
    }

    #[test]
    fn speaker_recurrence_ignores_case() {
        let text = "RUTH: Hello.\nInterviewer: Hi.\nRuth: Bye.\nInterviewer: Bye.";
        let speakers: Vec<String> = detect_turns(text).into_iter().map(|t| t.speaker).collect();
        assert_eq!(speakers, ["RUTH", "Interviewer", "Ruth", "Interviewer"]);
    }

    #[test]
    fn invalid_timestamps_are_not_labels() {
        assert_eq!(parse_timestamp("[00:61:00]"), None);
        assert_eq!(parse_timestamp("12:75"), None);
        assert_eq!(parse_timestamp("1:02:03.004"), Some(3_723_004));
        assert_eq!(parse_timestamp("(00:00:01,5)"), Some(1_500));
    }

    #[test]
    fn a_megabyte_transcript_is_detected_in_one_pass() {
        let block = "Interviewer: How was the week?\nRuth: Busy. The children were off school, and the \
            worker came on Thursday.\n\nWe went to the park after.\n";
        let text = block.repeat(1_000_000 / block.len() + 1);
        let turns = detect_turns(&text);
        assert_eq!(turns.len(), 2 * (1_000_000 / block.len() + 1));
        // Huge lines that the name pattern can run along must not be quadratic either.
        let lines = format!("{}: x\n", "word ".repeat(100_000)).repeat(3);
        assert_eq!(detect_turns(&lines), []);
        assert_eq!(detect_turns(&"a: ".repeat(300_000)), []);
    }

    /// Arbitrary text biased towards the characters labels are made of.
    fn label_soup() -> impl Strategy<Value = String> {
        let label_parts = prop::sample::select(vec![
            "Ruth: ",
            "**I:** ",
            "[00:01:02] ",
            "Speaker 1 (00:12:04)",
            "Sam  00:00:03",
            ":",
            "**",
            "\n",
            "\n\n",
            " ",
            "Zoë",
            "😀",
            "e\u{301}",
            "：你好",
        ]);
        let piece = prop_oneof![3 => label_parts.prop_map(str::to_owned), 1 => "\\PC{0,6}"];
        prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
    }

    fn assert_well_formed(text: &str, turns: &[DetectedTurn]) -> Result<(), TestCaseError> {
        let len = text.chars().count();
        let mut previous_end = 0;
        for t in turns {
            prop_assert!(previous_end <= t.label.start);
            prop_assert!(t.label.start < t.label.end && t.label.end <= t.span.start);
            prop_assert!(t.span.start < t.span.end && t.span.end <= len);
            let spoken = slice_chars(text, t.span.clone()).unwrap_or_default();
            prop_assert_eq!(spoken.trim(), spoken);
            prop_assert!(!t.speaker.is_empty());
            previous_end = t.span.end;
        }
        Ok(())
    }

    /// A transcript rendered from (speaker, style, paragraphs), with the turns it should yield.
    fn transcript() -> impl Strategy<Value = (String, Vec<(String, String, Option<u64>)>)> {
        let speakers = ["Interviewer", "Ruth", "P3", "Dr. Smith", "Zoë", "José María", "Social worker 2"];
        let paragraph = prop::collection::vec("[a-zé漢]{1,6}[,.?]?", 1..8).prop_map(|words| words.join(" "));
        let turn = (0..speakers.len(), 0..6usize, 0..36_000u64, prop::collection::vec(paragraph, 1..3));
        prop::collection::vec(turn, 1..8).prop_map(move |turns| {
            let mut text = String::from("Transcript\n\n");
            let mut expected = Vec::new();
            // Rendering the list twice makes every speaker recur.
            for (who, style, seconds, paragraphs) in turns.iter().chain(turns.iter()) {
                let name = speakers[*who];
                let ts = format!("{:02}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60);
                let spoken = paragraphs.join("\n\n");
                let (line, ms) = match style {
                    0 => (format!("{name}: {spoken}"), None),
                    1 => (format!("**{name}:** {spoken}"), None),
                    2 => (format!("[{ts}] {name}: {spoken}"), Some(seconds * 1000)),
                    3 => (format!("{name} ({ts}): {spoken}"), Some(seconds * 1000)),
                    4 => (format!("{name}  {ts}\n{spoken}"), Some(seconds * 1000)),
                    _ => (format!("{name}:\n\n{spoken}"), None),
                };
                text.push_str(&line);
                text.push_str(if seconds % 2 == 0 { "\n" } else { "\n\n" });
                expected.push((name.to_owned(), spoken, ms));
            }
            (text, expected)
        })
    }

    proptest! {
        #[test]
        fn never_panics_and_returns_well_formed_turns(text in label_soup()) {
            let turns = detect_turns(&text);
            assert_well_formed(&text, &turns)?;
        }

        #[test]
        fn arbitrary_strings_give_well_formed_turns(text in "\\PC*") {
            let turns = detect_turns(&text);
            assert_well_formed(&text, &turns)?;
        }

        #[test]
        fn rendered_transcripts_are_recovered_exactly((text, expected) in transcript()) {
            prop_assert_eq!(turns_of(&text), expected);
        }
    }
}
