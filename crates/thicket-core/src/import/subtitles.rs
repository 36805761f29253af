//! .srt (SubRip) and .vtt (WebVTT) import: timed cues in, a transcript with its turns out.
//!
//! Subtitles of recorded interviews say who speaks in the cue text (`Dana: ...`, `- Dana: ...`,
//! `[Dana] ...`, `>> Dana: ...`) or, in WebVTT, in voice tags (`<v Dana>...`). Cues are read in order,
//! their markup removed, and joined with spaces into sentences and paragraphs, so the source reads like a
//! transcript rather than like a list of two-second captions (a cue often ends mid-sentence). A cue without
//! a speaker continues the previous speaker. A new paragraph starts:
//!
//! - where the speaker changes (its first paragraph is labelled `Name: text`);
//! - after a pause of [`PAUSE_MS`] or more between one cue's end and the next one's start, if the text so
//!   far ends a sentence (a pause mid-sentence is someone thinking, not a new thought);
//! - once a paragraph has [`MAX_PARAGRAPH_WORDS`] words, at the next sentence end, so a long monologue or
//!   an unlabelled recording still breaks into readable, citable paragraphs.
//!
//! Each speaker's run of paragraphs is one turn, timed by its first cue; every paragraph also gets a time
//! mark (`Extracted::time_marks`) with the start of its first cue, which the window shows in the margin and
//! citations quote. Text of a file without speakers has marks but no turns (the importer then falls back to
//! detecting turns in the text, which finds none either).
//!
//! Turn ranges are char offsets into the returned text; it only uses `\n` line breaks, so normalisation
//! keeps it unchanged and the offsets stay valid. Parsing is one pass over the lines: linear in the file.

use std::collections::HashMap;

use super::{DetectedTurn, Extracted, ImportError};
use crate::model::TimeMark;
use crate::text::normalize_str;

/// Longest speaker name accepted from cue text, in chars; longer "labels" are sentences ending in a colon.
const MAX_NAME_CHARS: usize = 40;
/// Most words in a speaker name taken from cue text.
const MAX_NAME_WORDS: usize = 5;
/// Longest tag or position code recognised, in bytes (`<v.class Speaker Name>` fits easily).
const MAX_TAG_BYTES: usize = 256;
/// A silence this long (ms) between two cues ends a paragraph at a sentence end. Captioners leave gaps of
/// a few hundred ms between the cues of one breath group; two seconds is a pause a listener notices.
pub const PAUSE_MS: u64 = 2_000;
/// Words after which a paragraph ends at the next sentence end, pause or not (about a minute of speech).
pub const MAX_PARAGRAPH_WORDS: usize = 150;

/// Labels that are notes, sound descriptions or headers in subtitles, never speakers (lower case).
const NOT_SPEAKERS: &[&str] = &[
    "note", "notes", "nb", "warning", "subtitle", "subtitles", "caption", "captions", "captioning", "translation",
    "translator", "transcript", "transcription", "time", "date", "location", "music", "applause", "laughs",
    "laughter", "laughing", "chuckles", "inaudible", "indistinct", "unintelligible", "crosstalk", "silence",
    "pause", "sighs", "sighing", "cries", "crying", "coughs", "background noise", "overlapping", "http", "https",
];

/// Words that start sentences but not multi-word names ("Then she said: ...").
const SENTENCE_STARTS: &[&str] = &[
    "i", "he", "she", "we", "they", "it", "you", "his", "her", "their", "our", "my", "your", "this", "that",
    "there", "then", "and", "but", "so", "or", "when", "if", "as", "at", "in", "on", "after", "before", "because",
];

/// Which of the two formats is read: they differ in the header, the blocks allowed and the markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flavour {
    Srt,
    Vtt,
}

impl Flavour {
    /// A valid cue timing line, for error messages.
    fn example(self) -> &'static str {
        match self {
            Flavour::Srt => "00:01:02,500 --> 00:01:05,000",
            Flavour::Vtt => "00:01:02.500 --> 00:01:05.000",
        }
    }
}

/// One timed cue as read from the file, markup not yet removed.
#[derive(Debug)]
struct RawCue<'a> {
    start_ms: u64,
    end_ms: u64,
    lines: Vec<&'a str>,
}

/// How a segment's speaker was given: WebVTT voice tags are authoritative, labels typed into the text are
/// only believed when the same name labels at least two segments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SpeakerSource {
    Voice,
    Label,
}

/// A stretch of one cue's text said by one speaker (or by whoever spoke last, when `speaker` is `None`).
#[derive(Debug)]
struct Segment {
    start_ms: u64,
    end_ms: u64,
    speaker: Option<(String, SpeakerSource)>,
    /// The spoken text, label and markup removed, lines joined with a space.
    text: String,
    /// The first line as written (dialogue dash and label included), for a label that turns out not to be one.
    written: String,
    /// An unnamed dialogue line (`- Yes.`): kept as written, on a line of its own.
    own_line: bool,
}

/// Consecutive segments of one speaker (or of no one, before any speaker): one paragraph of the text.
#[derive(Debug)]
struct Paragraph {
    speaker: Option<String>,
    /// The speaker's previous paragraph is right before this one: no label, same turn.
    continues: bool,
    start_ms: u64,
    /// End of the last cue joined in, to measure the pause before the next.
    end_ms: u64,
    words: usize,
    /// Pieces of text, each with whether it starts a new line.
    parts: Vec<(String, bool)>,
}

/// Extracts the cues of a SubRip file.
pub(super) fn extract_srt(bytes: &[u8]) -> Result<Extracted, ImportError> {
    let (text, encoding) = decode(bytes)?;
    let cues = srt_cues(&text)?;
    transcript(&cues, Flavour::Srt, encoding)
}

/// Extracts the cues of a WebVTT file.
pub(super) fn extract_vtt(bytes: &[u8]) -> Result<Extracted, ImportError> {
    let (text, encoding) = decode(bytes)?;
    if !has_vtt_header(&text) {
        return Err(ImportError::Malformed(
            "it does not start with the \"WEBVTT\" header, so it is not a WebVTT file (if it is SubRip, rename it to .srt)"
                .into(),
        ));
    }
    let cues = vtt_cues(&text)?;
    transcript(&cues, Flavour::Vtt, encoding)
}

/// Decoded text with `\n` line breaks only, so line numbers in errors match an editor's.
fn decode(bytes: &[u8]) -> Result<(String, &'static str), ImportError> {
    let (text, encoding) = super::decode_text(bytes)?;
    // UTF-8 comes back normalised already; UTF-16 and legacy text keep their CRLFs until here.
    Ok((if encoding == "UTF-8" { text } else { normalize_str(&text) }, encoding))
}

/// `WEBVTT` alone or followed by a space or tab and a description.
fn has_vtt_header(text: &str) -> bool {
    let first = text.split('\n').next().unwrap_or("");
    first.strip_prefix("WEBVTT").is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
}

/// Runs of non-blank lines, each with the 1-based number of its first line.
fn blocks(text: &str) -> Vec<(usize, Vec<&str>)> {
    let mut blocks: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut in_block = false;
    for (i, line) in text.split('\n').enumerate() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            in_block = false;
            continue;
        }
        match blocks.last_mut() {
            Some((_, lines)) if in_block => lines.push(line),
            _ => blocks.push((i + 1, vec![line])),
        }
        in_block = true;
    }
    blocks
}

/// Positions of the cue timing lines in a block.
fn timing_lines(lines: &[&str]) -> Vec<usize> {
    lines.iter().enumerate().filter(|(_, l)| l.contains("-->")).map(|(i, _)| i).collect()
}

/// SubRip cues: `number`, `start --> end`, text lines. Files from many tools omit the blank line between
/// cues or put one inside a cue's text, so each timing line starts a cue, a number right before a timing line
/// is that cue's number, and a block without a timing line continues the previous cue.
fn srt_cues(text: &str) -> Result<Vec<RawCue<'_>>, ImportError> {
    let mut cues: Vec<RawCue> = Vec::new();
    for (first_line, lines) in blocks(text) {
        let timings = timing_lines(&lines);
        let head_end = timings.first().copied().unwrap_or(lines.len());
        let head = lines.get(..head_end).unwrap_or_default();
        let head = if timings.is_empty() { head } else { without_cue_number(head) };
        if let Some(last) = cues.last_mut() {
            last.lines.extend_from_slice(head);
        }
        for (k, &t) in timings.iter().enumerate() {
            let next = timings.get(k + 1).copied();
            let body = lines.get(t + 1..next.unwrap_or(lines.len())).unwrap_or_default();
            let body = if next.is_some() { without_cue_number(body) } else { body };
            let timing = lines.get(t).copied().unwrap_or_default();
            let (start_ms, end_ms) = parse_timing(timing, first_line + t, Flavour::Srt)?;
            cues.push(RawCue { start_ms, end_ms, lines: body.to_vec() });
        }
    }
    Ok(cues)
}

/// `lines` without a trailing line holding only a cue number.
fn without_cue_number<'a, 'b>(lines: &'b [&'a str]) -> &'b [&'a str] {
    match lines.split_last() {
        Some((last, rest)) if !last.trim().is_empty() && last.trim().bytes().all(|b| b.is_ascii_digit()) => rest,
        _ => lines,
    }
}

/// WebVTT cues: blocks after the header holding a timing line (an optional cue id before it); NOTE, STYLE
/// and REGION blocks and anything else without a timing line are skipped, as the format says.
fn vtt_cues(text: &str) -> Result<Vec<RawCue<'_>>, ImportError> {
    let mut cues = Vec::new();
    for (i, (first_line, mut lines)) in blocks(text).into_iter().enumerate() {
        // The header block: `WEBVTT` and metadata lines, then (in files that omit the blank line) a cue.
        let first_line = if i == 0 && !lines.is_empty() {
            lines.remove(0);
            first_line + 1
        } else {
            first_line
        };
        let Some(first) = lines.first() else { continue };
        if !first.contains("-->") && is_vtt_keyword_block(first) {
            continue;
        }
        let timings = timing_lines(&lines);
        for (k, &t) in timings.iter().enumerate() {
            let end = timings.get(k + 1).copied().unwrap_or(lines.len());
            let timing = lines.get(t).copied().unwrap_or_default();
            let (start_ms, end_ms) = parse_timing(timing, first_line + t, Flavour::Vtt)?;
            cues.push(RawCue { start_ms, end_ms, lines: lines.get(t + 1..end).unwrap_or_default().to_vec() });
        }
    }
    Ok(cues)
}

/// A comment, style sheet or region definition block.
fn is_vtt_keyword_block(first: &str) -> bool {
    ["NOTE", "STYLE", "REGION"]
        .iter()
        .any(|k| first.strip_prefix(k).is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t'])))
}

/// The start and end of the cue timed by `line` (`start --> end [settings]`), in milliseconds.
fn parse_timing(line: &str, line_no: usize, flavour: Flavour) -> Result<(u64, u64), ImportError> {
    let parsed = line.split_once("-->").and_then(|(start, rest)| {
        let end = parse_time(rest.split_whitespace().next()?)?;
        Some((parse_time(start.trim())?, end))
    });
    match parsed {
        // An end before the start (a typo) is read as a cue of no length.
        Some((start, end)) => Ok((start, end.max(start))),
        None => {
            let shown: String = line.trim().chars().take(60).collect();
            let more = if line.trim().chars().count() > 60 { "..." } else { "" };
            Err(ImportError::Malformed(format!(
                "line {line_no} has a bad cue timing \"{shown}{more}\" (expected a line like \"{}\")",
                flavour.example()
            )))
        }
    }
}

/// Milliseconds of `[H:]MM:SS[.,]mmm`; the fraction may be missing or shorter, as some tools write it.
fn parse_time(s: &str) -> Option<u64> {
    let (clock, fraction) = match s.rsplit_once(['.', ',']) {
        Some((clock, fraction)) if !fraction.contains(':') => (clock, fraction),
        _ => (s, ""),
    };
    let number = |part: &str| -> Option<u64> {
        (!part.is_empty() && part.len() <= 9 && part.bytes().all(|b| b.is_ascii_digit())).then(|| part.parse().ok())?
    };
    let parts = clock.split(':').map(number).collect::<Option<Vec<u64>>>()?;
    let (hours, minutes, seconds) = match parts[..] {
        [h, m, s] if m < 60 && s < 60 => (h, m, s),
        [m, s] if s < 60 => (0, m, s),
        _ => return None,
    };
    let ms = match fraction.len() {
        0 => 0,
        1..=3 => number(fraction)? * 10u64.pow(3 - u32::try_from(fraction.len()).ok()?),
        _ => return None,
    };
    ((hours * 60 + minutes) * 60 + seconds).checked_mul(1000)?.checked_add(ms)
}

/// The transcript of the cues: text, turns and encoding.
fn transcript(cues: &[RawCue], flavour: Flavour, encoding: &str) -> Result<Extracted, ImportError> {
    if cues.is_empty() {
        return Err(ImportError::NoText(format!(
            "no subtitle cues found (a cue starts with a timing line such as \"{}\")",
            flavour.example()
        )));
    }
    let mut segments = Vec::new();
    for cue in cues {
        cue_segments(cue, flavour, &mut segments);
    }
    drop_one_off_labels(&mut segments);
    let paragraphs = paragraphs(segments);
    if paragraphs.is_empty() {
        return Err(ImportError::NoText("the subtitle cues hold no text".into()));
    }
    let (text, turns, time_marks) = render(&paragraphs);
    Ok(Extracted { text, encoding: encoding.to_string(), turns, time_marks, ..Default::default() })
}

/// Splits a cue into segments: a voice tag, a speaker label or a dialogue dash starts a new one.
fn cue_segments(raw: &RawCue, flavour: Flavour, out: &mut Vec<Segment>) {
    let mut current: Option<Segment> = None;
    let new = |speaker, text: &str, written: &str, own_line| Segment {
        start_ms: raw.start_ms,
        end_ms: raw.end_ms,
        speaker,
        text: text.to_string(),
        written: written.to_string(),
        own_line,
    };
    for line in &raw.lines {
        for (voice, piece) in pieces(line, flavour) {
            if let Some(name) = voice {
                out.extend(current.take());
                current = Some(new(Some((name, SpeakerSource::Voice)), "", "", false));
            }
            let piece = piece.trim();
            if piece.is_empty() {
                continue;
            }
            let (marker, rest) = split_marker(piece);
            if let Some((name, spoken)) = label(rest) {
                out.extend(current.take());
                current = Some(new(Some((name, SpeakerSource::Label)), spoken, piece, marker));
            } else if marker {
                out.extend(current.take());
                current = Some(new(None, piece, piece, true));
            } else if let Some(segment) = current.as_mut() {
                push_joined(&mut segment.text, piece);
                push_joined(&mut segment.written, piece);
            } else {
                current = Some(new(None, piece, piece, false));
            }
        }
    }
    out.extend(current);
}

/// Appends `piece` to `text` with a space between them (subtitle line breaks are layout, not meaning).
fn push_joined(text: &mut String, piece: &str) {
    if !text.is_empty() {
        text.push(' ');
    }
    text.push_str(piece);
}

/// A dialogue marker at the start of a line (`- `, `– `, `>> `), and the rest of the line.
fn split_marker(line: &str) -> (bool, &str) {
    if let Some(rest) = line.strip_prefix(">>") {
        return (true, rest.trim_start_matches('>').trim_start());
    }
    for dash in ['-', '–', '‐'] {
        if let Some(rest) = line.strip_prefix(dash)
            && !rest.starts_with(['-', '–', '‐'])
        {
            return (true, rest.trim_start());
        }
    }
    (false, line)
}

/// A speaker label at the start of a line, `Name: text` or `[Name] text`, and the spoken text after it.
fn label(line: &str) -> Option<(String, &str)> {
    if let Some(inner) = line.strip_prefix('[') {
        let (name, rest) = inner.split_once(']')?;
        let name = collapse_spaces(name);
        let rest = rest.trim_start();
        let capitalised = name.split(' ').all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()));
        return (!rest.is_empty() && capitalised && is_plausible_name(&name)).then_some((name, rest));
    }
    let colon = line.find([':', '：'])?;
    let (name, rest) = line.split_at(colon);
    let colon_char = rest.chars().next()?;
    let rest = rest.get(colon_char.len_utf8()..)?;
    if colon_char == ':' && !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let name = collapse_spaces(name);
    is_plausible_name(&name).then_some((name, rest.trim_start()))
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Short, capitalised, made of name-like words, and not a note, sound description or sentence start.
fn is_plausible_name(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
    let name_word = |w: &&str| w.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '-' | '‐'));
    let lower = name.to_lowercase();
    name.chars().count() <= MAX_NAME_CHARS
        && (1..=MAX_NAME_WORDS).contains(&words.len())
        && name.chars().next().is_some_and(char::is_uppercase)
        && words.iter().all(name_word)
        && !NOT_SPEAKERS.contains(&lower.as_str())
        && !(words.len() > 1 && words.first().is_some_and(|w| SENTENCE_STARTS.contains(&w.to_lowercase().as_str())))
}

/// A name typed once is more likely a header or a sound ("Note:", "[Phone Rings]") than a speaker: such
/// segments go back to their text as written and to whoever was speaking.
fn drop_one_off_labels(segments: &mut [Segment]) {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for (name, _) in segments.iter().filter_map(|s| s.speaker.as_ref()) {
        *counts.entry(name.to_lowercase()).or_default() += 1;
    }
    for segment in segments.iter_mut() {
        let one_off = match &segment.speaker {
            Some((name, SpeakerSource::Label)) => counts.get(&name.to_lowercase()).is_none_or(|&n| n < 2),
            _ => false,
        };
        if one_off {
            segment.speaker = None;
            segment.text = std::mem::take(&mut segment.written);
        }
    }
}

/// Groups segments into paragraphs: a new one at a change of speaker, after a pause at a sentence end, and
/// at the first sentence end past [`MAX_PARAGRAPH_WORDS`] (see the module comment).
fn paragraphs(segments: Vec<Segment>) -> Vec<Paragraph> {
    let mut speaker: Option<String> = None;
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    for segment in segments {
        if let Some((name, _)) = segment.speaker {
            speaker = Some(name);
        }
        if segment.text.is_empty() {
            continue;
        }
        let words = segment.text.split_whitespace().count();
        let part = (segment.text, segment.own_line);
        match paragraphs.last_mut() {
            Some(p) if p.speaker == speaker && !ends_paragraph(p, segment.start_ms) => {
                p.parts.push(part);
                p.end_ms = p.end_ms.max(segment.end_ms);
                p.words += words;
            }
            last => {
                let continues = speaker.is_some() && last.is_some_and(|p| p.speaker == speaker);
                paragraphs.push(Paragraph {
                    speaker: speaker.clone(),
                    continues,
                    start_ms: segment.start_ms,
                    end_ms: segment.end_ms,
                    words,
                    parts: vec![part],
                });
            }
        }
    }
    paragraphs
}

/// Whether paragraph `p` of the same speaker ends before a cue starting at `next_start_ms`.
fn ends_paragraph(p: &Paragraph, next_start_ms: u64) -> bool {
    let paused = next_start_ms.saturating_sub(p.end_ms) >= PAUSE_MS;
    (paused || p.words >= MAX_PARAGRAPH_WORDS) && p.parts.last().is_some_and(|(text, _)| ends_sentence(text))
}

/// Text ending in `.`, `?`, `!` or `…`, perhaps inside closing quotes or brackets.
fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end().trim_end_matches(['"', '\'', '’', '”', ')', ']', '»']);
    trimmed.ends_with(['.', '?', '!', '…'])
}

/// The text, paragraphs separated by a blank line, and a turn for each paragraph with a speaker.
/// The text, paragraphs separated by a blank line; a turn for each speaker's run of paragraphs; and a time
/// mark at the start of every paragraph.
fn render(paragraphs: &[Paragraph]) -> (String, Vec<DetectedTurn>, Vec<TimeMark>) {
    let mut out = Out::default();
    let mut turns: Vec<DetectedTurn> = Vec::new();
    let mut marks = Vec::new();
    for paragraph in paragraphs {
        if !out.text.is_empty() {
            out.push("\n\n");
        }
        marks.push(TimeMark { at: out.chars, ms: paragraph.start_ms });
        let labelled = paragraph.speaker.is_some() && !paragraph.continues;
        let label_start = out.chars;
        if let (Some(name), true) = (&paragraph.speaker, labelled) {
            out.push(name);
            out.push(": ");
        }
        let span_start = out.chars;
        for (i, (part, own_line)) in paragraph.parts.iter().enumerate() {
            if i > 0 {
                out.push(if *own_line { "\n" } else { " " });
            }
            out.push(part);
        }
        match (&paragraph.speaker, turns.last_mut()) {
            (Some(_), Some(turn)) if paragraph.continues => turn.span.end = out.chars,
            (Some(name), _) => turns.push(DetectedTurn {
                speaker: name.clone(),
                label: label_start..span_start - 1,
                span: span_start..out.chars,
                timestamp_ms: Some(paragraph.start_ms),
            }),
            (None, _) => {}
        }
    }
    out.push("\n");
    (out.text, turns, marks)
}

/// Text being built, with its length in chars so turn offsets cost nothing to compute.
#[derive(Default)]
struct Out {
    text: String,
    chars: usize,
}

impl Out {
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.chars += s.chars().count();
    }
}

/// The text of one cue line with markup removed, split where a WebVTT voice tag names a speaker. Tags are
/// `<...>` starting with a letter, `/` or digit (so "I <3 you" survives in SubRip); SubRip also carries
/// `{\an8}`-style position codes. WebVTT escapes `&`, `<` and `>` as entities, decoded after the tags go.
fn pieces(line: &str, flavour: Flavour) -> Vec<(Option<String>, String)> {
    let mut pieces: Vec<(Option<String>, String)> = vec![(None, String::new())];
    let mut rest = line;
    while let Some(i) = rest.find(['<', '{']) {
        let (before, at) = rest.split_at(i);
        push_text(&mut pieces, before);
        match markup(at) {
            Some((len, voice)) => {
                if let Some(name) = voice {
                    pieces.push((Some(name), String::new()));
                }
                rest = at.get(len..).unwrap_or("");
            }
            None => {
                let c = at.chars().next().map_or(1, char::len_utf8);
                push_text(&mut pieces, at.get(..c).unwrap_or(""));
                rest = at.get(c..).unwrap_or("");
            }
        }
    }
    push_text(&mut pieces, rest);
    if flavour == Flavour::Vtt {
        for (_, text) in &mut pieces {
            *text = decode_entities(text);
        }
    }
    pieces
}

fn push_text(pieces: &mut [(Option<String>, String)], text: &str) {
    if let Some((_, last)) = pieces.last_mut() {
        last.push_str(text);
    }
}

/// The byte length of the tag or position code at the start of `s`, and the speaker if it is a voice tag.
fn markup(s: &str) -> Option<(usize, Option<String>)> {
    // Tags are short; bounding the search keeps a line of unclosed "<a" linear to scan.
    let within = |from: usize, stops: &[u8]| s.bytes().take(MAX_TAG_BYTES).skip(from).position(|b| stops.contains(&b)).map(|i| i + from);
    if s.starts_with("{\\") {
        return Some((within(2, b"}")? + 1, None));
    }
    let first = s.strip_prefix('<')?.chars().next()?;
    if !(first.is_ascii_alphanumeric() || first == '/') {
        return None;
    }
    let close = within(1, b"<>")?;
    if s.as_bytes().get(close) != Some(&b'>') {
        return None;
    }
    Some((close + 1, voice_name(s.get(1..close)?)))
}

/// The annotation of a `<v Name>` or `<v.class Name>` tag.
fn voice_name(content: &str) -> Option<String> {
    let rest = content.strip_prefix('v')?;
    if !rest.starts_with(['.', ' ', '\t']) {
        return None;
    }
    let (_, name) = rest.split_once([' ', '\t'])?;
    let name = collapse_spaces(name);
    (!name.is_empty()).then_some(name)
}

/// Replaces the character references WebVTT uses; unknown ones are kept as written.
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        let (before, at) = rest.split_at(i);
        out.push_str(before);
        let decoded = at.get(1..).and_then(|a| a.get(..a.find(';')?.min(12))).and_then(|name| Some((entity(name)?, name.len() + 2)));
        match decoded {
            Some((c, len)) if at.get(len - 1..len) == Some(";") => {
                out.push(c);
                rest = at.get(len..).unwrap_or("");
            }
            _ => {
                out.push('&');
                rest = at.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference name (between `&` and `;`) stands for.
fn entity(name: &str) -> Option<char> {
    let named = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "lrm" => '\u{200e}',
        "rlm" => '\u{200f}',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            return char::from_u32(code).filter(|c| *c != '\0');
        }
    };
    Some(named)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::slice_chars;

    fn turns_of(e: &Extracted) -> Vec<(String, String, String, Option<u64>)> {
        e.turns
            .iter()
            .map(|t| {
                let label = slice_chars(&e.text, t.label.clone()).unwrap_or("<bad label>").to_string();
                let spoken = slice_chars(&e.text, t.span.clone()).unwrap_or("<bad span>").to_string();
                (t.speaker.clone(), label, spoken, t.timestamp_ms)
            })
            .collect()
    }

    fn turn(speaker: &str, spoken: &str, ms: u64) -> (String, String, String, Option<u64>) {
        (speaker.to_string(), format!("{speaker}:"), spoken.to_string(), Some(ms))
    }

    #[test]
    fn srt_cues_of_one_speaker_join_into_one_turn() {
        let srt = "1\r\n00:00:01,000 --> 00:00:03,500\r\nInterviewer: How long has\r\nZoë been visiting?\r\n\r\n\
            2\r\n00:00:04,000 --> 00:00:06,000\r\nZoë: Since March.\r\n\r\n\
            3\r\n00:00:06,200 --> 00:00:09,000\r\nEvery Tuesday, <i>without fail</i>.\r\n\r\n\
            4\r\n01:02:03,040 --> 01:02:05,000\r\nInterviewer: Right.\r\n\r\n\
            5\r\n01:02:05,000 --> 01:02:06,000\r\nZoë: Yes.\r\n";
        let e = extract_srt(srt.as_bytes()).unwrap();
        assert_eq!(e.text, "Interviewer: How long has Zoë been visiting?\n\nZoë: Since March. Every Tuesday, without fail.\n\nInterviewer: Right.\n\nZoë: Yes.\n");
        assert_eq!(
            turns_of(&e),
            [
                turn("Interviewer", "How long has Zoë been visiting?", 1000),
                turn("Zoë", "Since March. Every Tuesday, without fail.", 4000),
                turn("Interviewer", "Right.", 3_723_040),
                turn("Zoë", "Yes.", 3_725_000),
            ]
        );
        assert_eq!(e.encoding, "UTF-8");
    }

    #[test]
    fn srt_without_blank_lines_or_with_a_blank_line_inside_a_cue() {
        let srt = "1\n00:00:01,000 --> 00:00:02,000\nDana: One.\n2\n00:00:02,000 --> 00:00:03,000\nJosé: Two.\n\nstill José\n\n3\n00:00:04,000 --> 00:00:05,000\nDana: Three.\nJosé: Four.";
        let e = extract_srt(srt.as_bytes()).unwrap();
        assert_eq!(e.text, "Dana: One.\n\nJosé: Two. still José\n\nDana: Three.\n\nJosé: Four.\n");
        assert_eq!(e.turns.iter().map(|t| t.timestamp_ms).collect::<Vec<_>>(), [Some(1000), Some(2000), Some(4000), Some(4000)]);
    }

    #[test]
    fn dialogue_dashes_brackets_and_chevrons_name_speakers() {
        let srt = "1\n00:00:01,000 --> 00:00:02,000\n- Dana: Are you coming?\n- Priya: Yes.\n\n\
            2\n00:00:03,000 --> 00:00:04,000\n[Dana] Good.\n\n\
            3\n00:00:05,000 --> 00:00:06,000\n>> PRIYA: See you.\n\n\
            4\n00:00:07,000 --> 00:00:08,000\n[Priya] Bye.\n>> PRIYA: Really.\n";
        let e = extract_srt(srt.as_bytes()).unwrap();
        let speakers: Vec<&str> = e.turns.iter().map(|t| t.speaker.as_str()).collect();
        assert_eq!(speakers, ["Dana", "Priya", "Dana", "PRIYA", "Priya", "PRIYA"]);
        assert!(e.text.starts_with("Dana: Are you coming?\n\nPriya: Yes.\n\nDana: Good.\n\nPRIYA: See you."));
    }

    #[test]
    fn one_off_labels_and_sounds_stay_text() {
        let srt = "1\n00:00:01,000 --> 00:00:02,000\nDana: Hello.\n\n2\n00:00:02,000 --> 00:00:03,000\n[Laughs] Sorry.\n\n\
            3\n00:00:03,000 --> 00:00:04,000\nNote: this is off the record.\n\n4\n00:00:04,000 --> 00:00:05,000\n\
            [Phone Rings] Hang on.\n\n5\n00:00:05,000 --> 00:00:06,000\nPriya: Fine.\n\n6\n00:00:06,000 --> 00:00:07,000\n\
            Dana: Back.\n\n7\n00:00:07,000 --> 00:00:08,000\nPriya: Good.\n";
        let e = extract_srt(srt.as_bytes()).unwrap();
        assert_eq!(
            e.text,
            "Dana: Hello. [Laughs] Sorry. Note: this is off the record. [Phone Rings] Hang on.\n\nPriya: Fine.\n\nDana: Back.\n\nPriya: Good.\n"
        );
    }

    #[test]
    fn unnamed_dialogue_lines_keep_their_dash_on_their_own_line() {
        let srt = "1\n00:00:01,000 --> 00:00:02,000\nDana: Ready?\n\n2\n00:00:02,000 --> 00:00:03,000\n- Yes.\n- No.\n\n\
            3\n00:00:03,000 --> 00:00:04,000\nPriya: Well.\n\n4\n00:00:04,000 --> 00:00:05,000\nDana: Ok.\n\n\
            5\n00:00:05,000 --> 00:00:06,000\nPriya: Then.\n";
        let e = extract_srt(srt.as_bytes()).unwrap();
        assert!(e.text.starts_with("Dana: Ready?\n- Yes.\n- No.\n\nPriya: Well."), "{}", e.text);
        assert_eq!(turns_of(&e)[0].2, "Ready?\n- Yes.\n- No.");
    }

    #[test]
    fn cues_without_speakers_join_into_sentences_and_break_at_pauses() {
        let srt = "1\n00:00:01,000 --> 00:00:02,500\nWe arrived at ten and\n\n2\n00:00:02,600 --> 00:00:04,000\nthe flat was cold.\n\n\
            3\n00:00:04,200 --> 00:00:06,000\nNobody answered\n\n4\n00:00:09,000 --> 00:00:10,000\nat first.\n\n\
            5\n00:00:13,000 --> 00:00:14,000\nThen the door opened.\n";
        let e = extract_srt(srt.as_bytes()).unwrap();
        // A 3 s pause mid-sentence joins; the 3 s pause after "at first." starts a paragraph.
        assert_eq!(e.text, "We arrived at ten and the flat was cold. Nobody answered at first.\n\nThen the door opened.\n");
        assert!(e.turns.is_empty());
        assert_eq!(e.time_marks, [TimeMark { at: 0, ms: 1000 }, TimeMark { at: 68, ms: 13_000 }]);
    }

    #[test]
    fn a_long_monologue_breaks_at_a_sentence_end_and_stays_one_turn() {
        let sentence = "I kept every letter they sent because I wanted proof of what was promised.";
        let mut srt = String::new();
        for i in 0..20u64 {
            let (a, b) = (i * 4, i * 4 + 3);
            let who = if i == 0 { "Mother: " } else { "" };
            srt.push_str(&format!("{}\n00:{:02}:{:02},000 --> 00:{:02}:{:02},800\n{who}{sentence}\n\n", i + 1, a / 60, a % 60, b / 60, b % 60));
        }
        srt.push_str("21\n00:01:20,000 --> 00:01:21,000\nInterviewer: Thank you.\n\n22\n00:01:22,000 --> 00:01:23,000\nMother: Yes.\n\n23\n00:01:23,000 --> 00:01:24,000\nInterviewer: Right.\n");
        let e = extract_srt(srt.as_bytes()).unwrap();
        let paragraphs: Vec<&str> = e.text.trim_end().split("\n\n").collect();
        // 14 words a sentence: the paragraph ends at the first sentence end from 150 words on (11 sentences).
        assert_eq!(paragraphs.len(), 5);
        assert!(paragraphs[0].starts_with("Mother: I kept") && paragraphs[1].starts_with("I kept"), "{paragraphs:?}");
        assert_eq!(paragraphs[0].matches(sentence).count(), 11);
        assert_eq!(e.turns.len(), 4, "the continuation paragraph is part of the mother's turn");
        let mother = slice_chars(&e.text, e.turns[0].span.clone()).unwrap();
        assert!(mother.starts_with("I kept") && mother.ends_with("promised.") && mother.contains("\n\nI kept"));
        let marks: Vec<u64> = e.time_marks.iter().map(|m| m.ms).collect();
        assert_eq!(marks, [0, 44_000, 80_000, 82_000, 83_000]);
        let second = e.time_marks[1].at;
        assert_eq!(slice_chars(&e.text, second..second + 6), Some("I kept"));
    }

    #[test]
    fn vtt_voices_ids_settings_notes_and_markup() {
        let vtt = "WEBVTT - family visit\nKind: captions\n\nNOTE recorded at the family centre\nsecond note line\n\n\
            STYLE\n::cue { color: white }\n\nREGION\nid:left\n\n\
            intro\n00:01.000 --> 00:04.000 line:90% align:start\n<v Social Worker>How are things, <b>Zoë</b>?</v>\n\n\
            00:00:05.500 --> 00:00:07.000\n<v.mum Zoë>Better &amp; calmer.</v> <00:00:06.000><c.yellow>Honestly.</c>\n\n\
            00:00:08.000 --> 00:00:09.000\nWe&apos;ll see &lt;3 &unknown; &#233;\n\n\
            00:00:10.000 --> 00:00:11.000\n<v Social Worker>Good.\n";
        let e = extract_vtt(vtt.as_bytes()).unwrap();
        assert_eq!(e.text, "Social Worker: How are things, Zoë?\n\nZoë: Better & calmer. Honestly. We'll see <3 &unknown; é\n\nSocial Worker: Good.\n");
        assert_eq!(
            turns_of(&e),
            [
                turn("Social Worker", "How are things, Zoë?", 1000),
                turn("Zoë", "Better & calmer. Honestly. We'll see <3 &unknown; é", 5500),
                turn("Social Worker", "Good.", 10_000),
            ]
        );
    }

    #[test]
    fn a_cue_right_after_the_header_is_read() {
        let e = extract_vtt(b"WEBVTT\nKind: captions\n00:01.000 --> 00:02.000\nHello.\n\n00:03.000 --> 00:04.000\nBye.\n").unwrap();
        assert_eq!(e.text, "Hello. Bye.\n", "a one-second gap is no pause");
        let bad = extract_vtt(b"WEBVTT\n00:01.000 --> 00:0x.000\nHello.\n");
        assert!(matches!(bad, Err(ImportError::Malformed(m)) if m.starts_with("line 2 ")));
    }

    #[test]
    fn two_voices_in_one_cue_are_two_turns() {
        let vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Dana>Hi.</v>\n<v Priya>Hello.</v>\n";
        let e = extract_vtt(vtt.as_bytes()).unwrap();
        assert_eq!(e.text, "Dana: Hi.\n\nPriya: Hello.\n");
        assert_eq!(e.turns.len(), 2);
    }

    #[test]
    fn timestamps_parse_exactly() {
        assert_eq!(parse_time("00:01:02,500"), Some(62_500));
        assert_eq!(parse_time("01:02.5"), Some(62_500));
        assert_eq!(parse_time("1:00:00.05"), Some(3_600_050));
        assert_eq!(parse_time("00:00:07"), Some(7000));
        assert_eq!(parse_time("00:61:00,000"), None);
        assert_eq!(parse_time("00:0x:00,000"), None);
        assert_eq!(parse_time("+0:01:00,000"), None);
        assert_eq!(parse_time("00:00:01,0000"), None);
        assert_eq!(parse_time(""), None);
        assert_eq!(parse_time("999999999:00:00,000"), Some(3_599_999_996_400_000));
    }

    #[test]
    fn bad_input_gives_reasons() {
        let garbage = "1\n00:00:01,000 --> 00:00:02,000\nDana: Hi.\n\n2\nbanana --> 00:00:03,000\nPriya: Hi.\n";
        assert!(matches!(extract_srt(garbage.as_bytes()), Err(ImportError::Malformed(m)) if m.starts_with("line 6 has a bad cue timing \"banana --> 00:00:03,000\"")));
        assert!(matches!(extract_vtt(b"00:00:01.000 --> 00:00:02.000\nHi\n"), Err(ImportError::Malformed(m)) if m.contains("WEBVTT")));
        assert!(matches!(extract_vtt(b"WEBVTTX\n"), Err(ImportError::Malformed(_))));
        assert!(matches!(extract_srt(b"just some notes\nno cues\n"), Err(ImportError::NoText(m)) if m.contains("no subtitle cues")));
        assert!(matches!(extract_vtt(b"WEBVTT\n\nNOTE nothing here\n"), Err(ImportError::NoText(_))));
        assert!(matches!(extract_srt(b"1\n00:00:01,000 --> 00:00:02,000\n<i></i>\n"), Err(ImportError::NoText(m)) if m.contains("no text")));
        assert!(matches!(extract_srt(b""), Err(ImportError::Text(crate::text::TextError::Empty))));
        assert!(matches!(extract_srt(b"\x00\x01\x02\x03-->"), Err(ImportError::Text(crate::text::TextError::Binary { .. }))));
    }

    #[test]
    fn odd_markup_never_panics() {
        for s in ["<", "<v", "<v >", "{\\", "&", "&#;", "&#x110000;", "&#0;", "<b", "a <3 b", "é<é>é", "{\\an8}x", "<v.a>y"] {
            let vtt = format!("WEBVTT\n\n00:01.000 --> 00:02.000\n{s}\n");
            let _ = extract_vtt(vtt.as_bytes());
            let _ = extract_srt(format!("1\n00:00:01,000 --> 00:00:02,000\n{s}\n").as_bytes());
        }
        assert_eq!(pieces("{\\an8}a <3 b", Flavour::Srt), [(None, "a <3 b".to_string())]);
    }

    #[test]
    fn windows_1252_subtitles_are_decoded() {
        let srt = b"1\r\n00:00:01,000 --> 00:00:02,000\r\nJos\xE9: \xC7a va, merci. C'est d\xE9j\xE0 mieux.\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nJos\xE9: Tr\xE8s bien.\r\n";
        let e = extract_srt(srt).unwrap();
        assert_eq!(e.encoding, "windows-1252");
        assert_eq!(e.text, "José: Ça va, merci. C'est déjà mieux. Très bien.\n");
    }
}
