//! Markdown transcripts as the text they stand for: `**Tim Smith:** Hello` reads `Tim Smith: Hello`,
//! `\[00:04:08.10\]` reads `[00:04:08.10]`, `# Session 2` reads `Session 2`, a link reads as its text.
//!
//! Transcription services and note apps write Markdown, and a researcher quotes the words, not the
//! asterisks. So the markup is removed once, on import, and speaker-turn detection then sees the
//! plain labels and timestamps. Only what is unmistakably markup goes: emphasis whose markers hug
//! the words, backslash escapes, heading marks, block-quote marks, rules, links, images, inline code
//! and a leading front-matter block. Code blocks are kept as they are, without their fences.
//! `2 * 3 * 4`, `snake_case` and a lone `#hashtag` stay as typed. Line structure is kept: one line
//! in, at most one line out, so paragraphs stay paragraphs.

use super::{Extracted, ImportError};

/// Decodes the bytes and removes the markup; the text is normalised by the caller.
pub(super) fn extract(bytes: &[u8]) -> Result<Extracted, ImportError> {
    let (text, encoding) = super::decode_text(bytes)?;
    Ok(Extracted { text: to_plain(&text), encoding: encoding.to_string(), ..Default::default() })
}

/// The plain text of a Markdown document (see the module documentation for what is removed).
pub fn to_plain(markdown: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut fence: Option<&str> = None;
    for line in without_front_matter(markdown).split('\n') {
        let trimmed = line.trim_start();
        if let Some(open) = fence {
            if trimmed.starts_with(open) {
                fence = None;
            } else {
                out.push(line.to_string());
            }
        } else if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
        } else if is_rule(trimmed) {
            out.push(String::new());
        } else {
            out.push(inline(block(line)));
        }
    }
    out.join("\n")
}

/// The document without a `---` … `---` block at the very top: metadata, not text.
fn without_front_matter(markdown: &str) -> &str {
    let mut lines = markdown.split_inclusive('\n');
    if lines.next().map(str::trim_end) != Some("---") {
        return markdown;
    }
    let mut offset = markdown.find('\n').map_or(markdown.len(), |i| i + 1);
    for line in lines.take(200) {
        offset += line.len();
        if matches!(line.trim_end(), "---" | "...") {
            return &markdown[offset..];
        }
    }
    markdown
}

/// `---`, `***`, `___` (three or more, spaces allowed) alone on a line.
fn is_rule(line: &str) -> bool {
    let marks: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3 && ["-", "*", "_"].iter().any(|m| marks.chars().all(|c| c.to_string() == *m))
}

/// The line without its heading or block-quote marks.
fn block(line: &str) -> &str {
    let mut rest = line;
    while let Some(quoted) = rest.trim_start().strip_prefix('>') {
        rest = quoted.strip_prefix(' ').unwrap_or(quoted);
    }
    let trimmed = rest.trim_start();
    let hashes = trimmed.chars().take_while(|c| *c == '#').count();
    if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with([' ', '\t']) {
        let heading = trimmed[hashes..].trim();
        // A closing run of #s is part of the heading's markup.
        let closed = heading.trim_end_matches('#');
        return if closed.len() < heading.len() && closed.ends_with(' ') { closed.trim_end() } else { heading };
    }
    rest
}

/// A char of the line, and whether a backslash escaped it (an escaped char is never markup).
#[derive(Clone, Copy)]
struct Ch {
    c: char,
    escaped: bool,
}

/// The line with inline markup removed.
fn inline(line: &str) -> String {
    let line = line.strip_suffix('\\').unwrap_or(line);
    let chars = unescape(line);
    let chars = links(&chars);
    let chars = code_spans(&chars);
    let chars = emphasis(&chars, '*');
    let chars = emphasis(&chars, '_');
    chars.into_iter().map(|ch| ch.c).collect()
}

fn unescape(line: &str) -> Vec<Ch> {
    let mut out = Vec::with_capacity(line.len());
    let mut it = line.chars().peekable();
    while let Some(c) = it.next() {
        match it.peek() {
            Some(&next) if c == '\\' && next.is_ascii_punctuation() => {
                it.next();
                out.push(Ch { c: next, escaped: true });
            }
            _ => out.push(Ch { c, escaped: false }),
        }
    }
    out
}

fn is(ch: Option<&Ch>, c: char) -> bool {
    ch.is_some_and(|x| x.c == c && !x.escaped)
}

/// `[text](url)` → text, `![alt](url)` → alt, `<https://…>` → the address.
fn links(chars: &[Ch]) -> Vec<Ch> {
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let image = is(chars.get(i), '!') && is(chars.get(i + 1), '[');
        let open = if image { i + 1 } else { i };
        if is(chars.get(open), '[')
            && let Some(close) = (open + 1..chars.len()).find(|&j| is(chars.get(j), ']'))
            && is(chars.get(close + 1), '(')
            && let Some(end) = (close + 2..chars.len()).find(|&j| is(chars.get(j), ')'))
        {
            out.extend_from_slice(&chars[open + 1..close]);
            i = end + 1;
            continue;
        }
        if is(chars.get(i), '<')
            && let Some(end) = (i + 1..chars.len()).find(|&j| is(chars.get(j), '>'))
        {
            let inside: String = chars[i + 1..end].iter().map(|c| c.c).collect();
            if inside.starts_with("http://") || inside.starts_with("https://") || inside.starts_with("mailto:") {
                out.extend_from_slice(&chars[i + 1..end]);
                i = end + 1;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// `` `code` `` → code (its content is not markup).
fn code_spans(chars: &[Ch]) -> Vec<Ch> {
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if is(chars.get(i), '`')
            && let Some(end) = (i + 1..chars.len()).find(|&j| is(chars.get(j), '`'))
            && end > i + 1
        {
            out.extend(chars[i + 1..end].iter().map(|c| Ch { c: c.c, escaped: true }));
            i = end + 1;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Removes runs of `mark` (1 to 3) that open before a word and close after one on the same line:
/// `**Name:**`, `*said*`, `__x__`. An underscore inside a word (`snake_case`) is not a marker.
fn emphasis(chars: &[Ch], mark: char) -> Vec<Ch> {
    let run = |i: usize| chars[i..].iter().take_while(|c| c.c == mark && !c.escaped).count();
    let word = |i: Option<usize>| i.and_then(|i| chars.get(i)).is_some_and(|c| c.c.is_alphanumeric());
    let space = |i: Option<usize>| i.and_then(|i| chars.get(i)).is_none_or(|c| c.c.is_whitespace());
    let mut drop = vec![false; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        let n = run(i);
        if n == 0 || n > 3 {
            i += n.max(1);
            continue;
        }
        let opens = !space(Some(i + n)) && (mark != '_' || !word(i.checked_sub(1)));
        let closer = opens
            .then(|| {
                (i + n + 1..chars.len()).find(|&j| {
                    run(j) == n && (j == 0 || chars[j - 1].c != mark) && !space(j.checked_sub(1)) && (mark != '_' || !word(Some(j + n)))
                })
            })
            .flatten();
        match closer {
            Some(j) => {
                drop[i..i + n].iter_mut().for_each(|d| *d = true);
                drop[j..j + n].iter_mut().for_each(|d| *d = true);
                i += n;
            }
            None => i += n,
        }
    }
    chars.iter().zip(drop).filter(|(_, d)| !d).map(|(c, _)| *c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_labels_lose_their_asterisks_and_escaped_timestamps_their_backslashes() {
        assert_eq!(to_plain("**Tim Smith:** Hello there."), "Tim Smith: Hello there.");
        assert_eq!(to_plain("**Mother**: I will."), "Mother: I will.");
        assert_eq!(to_plain("\\[00:04:08.10\\] **Tim Smith:** So."), "[00:04:08.10] Tim Smith: So.");
        assert_eq!(to_plain("__Priya:__ *quietly* yes"), "Priya: quietly yes");
    }

    #[test]
    fn headings_quotes_rules_links_and_code_become_text() {
        let md = "# Focus group 2 #\n\n> She said it twice.\n\n---\n\nSee [the plan](https://example.org/plan) and `notes.txt`.\n";
        assert_eq!(to_plain(md), "Focus group 2\n\nShe said it twice.\n\n\n\nSee the plan and notes.txt.\n");
    }

    #[test]
    fn what_only_looks_like_markup_stays_as_typed() {
        for text in ["2 * 3 * 4 = 24", "snake_case_word and file_name.txt", "#hashtag at the start", "a ** b", "C# and F#"] {
            assert_eq!(to_plain(text), text);
        }
    }

    #[test]
    fn front_matter_goes_and_code_blocks_stay_without_fences() {
        let md = "---\ntitle: Visit 3\ndate: 2025-04-22\n---\nText **here**.\n\n```\n**not** touched\n```\nAfter.";
        assert_eq!(to_plain(md), "Text here.\n\n**not** touched\nAfter.");
    }

    #[test]
    fn one_line_in_gives_one_line_out() {
        let md = "**A:** one\n**B:** two\n\n**A:** three\n";
        assert_eq!(to_plain(md).lines().count(), md.lines().count());
    }
}
