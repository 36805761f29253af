//! .rtf import: the bytes of a Rich Text Format file (Word, WordPad, LibreOffice, TextEdit,
//! transcription tools) in; its body text and the code page it declared out.
//!
//! RTF is a flat stream of groups `{...}`, control words (`\par`, `\u8217`, `\ansicpg1252`) and
//! text. This hand-written parser keeps what a reader sees: paragraphs (`\par`, one blank line
//! apart), line breaks (`\line`), tabs, list items (from `\listtext` or `\pntext` markers and
//! `\ls` paragraphs: "- " or "1. ", one per line), table rows (`\cell`/`\row`: cells joined by
//! " | ", one line per row). Bytes written as `\'hh` are decoded with the font's charset or the
//! document's `\ansicpg` code page (Windows-1252 by default) via encoding_rs; `\uN` Unicode escapes
//! skip their `\ucN` fallback characters. Everything a reader does not see as body text is
//! skipped: font, colour and style tables, document info, pictures and `\bin` data, headers,
//! footers, footnotes, comments, field instructions (a hyperlink's shown text, `\fldrslt`, stays)
//! and every `{\*...}` destination this parser does not know.
//!
//! The parser keeps a stack of group states, never recursion, and refuses more than 1,000 nested
//! groups; output grows at most a few bytes per input byte.

use std::collections::HashMap;

use encoding_rs::{Encoding, WINDOWS_1252};

use super::{Extracted, ImportError};
use crate::text::TextError;

/// Most nested groups accepted; real documents stay far below it.
const MAX_DEPTH: usize = 1_000;
/// Longest control word name (the RTF specification's limit).
const MAX_WORD: usize = 32;
/// Deepest list level that still gets more indentation.
const MAX_LIST_INDENT: i32 = 8;

/// Parses the RTF and extracts its text.
pub(super) fn extract(bytes: &[u8]) -> Result<Extracted, ImportError> {
    if bytes.is_empty() {
        return Err(TextError::Empty.into());
    }
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let start = body.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(body.len());
    let body = body.get(start..).unwrap_or_default();
    if !body.starts_with(b"{\\rtf") {
        return Err(ImportError::Malformed("it does not start with {\\rtf, so it is not an RTF file".into()));
    }
    let mut parser = Parser::new(body);
    parser.run()?;
    let encoding = parser.ansi.name().to_string();
    let text = parser.out.finish();
    if text.trim().is_empty() {
        return Err(ImportError::NoText("the RTF document holds no text, only formatting".into()));
    }
    Ok(Extracted { text, encoding, ..Default::default() })
}

// ---------------------------------------------------------------------------------------------
// Group state
// ---------------------------------------------------------------------------------------------

/// Where the text of a group goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dest {
    /// Body text.
    Text,
    /// Not shown: tables, pictures, headers, unknown `\*` destinations.
    Skip,
    /// `\fonttbl`: only the fonts' numbers and charsets are read.
    FontTable,
    /// `\listtext` or `\pntext`: a list item's marker ("1.", a bullet).
    ListText,
}

/// How the bytes of a font's text are decoded.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Charset {
    Code(&'static Encoding),
    /// Symbol, Wingdings: glyph fonts, used above all for list bullets.
    Symbol,
}

/// The state a group inherits from its parent and restores on `}`.
#[derive(Debug, Clone, Copy)]
struct Group {
    dest: Dest,
    /// `\ucN`: how many fallback characters follow each `\uN`.
    uc: usize,
    /// `\fN`: the current font.
    font: Option<i32>,
    /// Paragraph properties (`\pard` resets them): in a list (`\ls`), at which level, in a table.
    list: bool,
    level: i32,
    in_table: bool,
}

impl Default for Group {
    fn default() -> Self {
        Group { dest: Dest::Text, uc: 1, font: None, list: false, level: 0, in_table: false }
    }
}

/// Destinations whose content is never body text.
const SKIPPED: &[&str] = &[
    "colortbl", "stylesheet", "info", "pict", "header", "headerl", "headerr", "headerf", "footer", "footerl",
    "footerr", "footerf", "fldinst", "footnote", "annotation", "atnid", "atnauthor", "atndate", "atnref", "xe", "tc",
    "txe", "themedata", "colorschememapping", "latentstyles", "datastore", "xmlnstbl", "listtable",
    "listoverridetable", "rsidtbl", "generator", "filetbl", "revtbl", "pgdsctbl", "objdata", "objclass", "objname",
    "shp", "shpinst", "shprslt", "nonshppict", "shppict", "template", "docvar", "userprops", "ftnsep", "ftnsepc",
    "aftnsep", "aftnsepc", "pn", "pnseclvl", "pntxta", "pntxtb", "listpicture", "falt", "panose", "bkmkstart",
    "bkmkend", "mmathPr", "mmath", "protusertbl", "wgrffmtfilter", "defchp", "defpap", "author", "operator", "title",
    "subject", "keywords", "comment", "doccomm", "company", "category", "manager", "hlinkbase", "passwordhash",
    "fchars", "lchars", "printim", "buptim", "creatim", "revtim", "do",
];

// ---------------------------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------------------------

/// The parser's position and state.
struct Parser<'a> {
    b: &'a [u8],
    pos: usize,
    /// Saved states of the enclosing groups; its length is the nesting depth.
    stack: Vec<Group>,
    cur: Group,
    /// The document's code page (`\ansicpg`, `\mac`...), for fonts without their own charset.
    ansi: &'static Encoding,
    /// `\deffN`: the font `\plain` returns to.
    default_font: Option<i32>,
    fonts: HashMap<i32, Charset>,
    /// The font being described in the font table.
    font_in_table: Option<i32>,
    /// `\'hh` bytes not yet decoded (a double-byte character comes as two of them).
    bytes: Vec<u8>,
    bytes_charset: Charset,
    /// Fallback characters still to skip after a `\uN`.
    skip: usize,
    /// The first half of a surrogate pair given as two `\uN`.
    high_surrogate: Option<u32>,
    out: Output,
}

impl<'a> Parser<'a> {
    fn new(b: &'a [u8]) -> Self {
        Parser {
            b,
            pos: 0,
            stack: Vec::new(),
            cur: Group::default(),
            ansi: WINDOWS_1252,
            default_font: None,
            fonts: HashMap::new(),
            font_in_table: None,
            bytes: Vec::new(),
            bytes_charset: Charset::Code(WINDOWS_1252),
            skip: 0,
            high_surrogate: None,
            out: Output::default(),
        }
    }

    /// Reads the whole document: from the opening `{` to the matching `}`.
    fn run(&mut self) -> Result<(), ImportError> {
        while let Some(&c) = self.b.get(self.pos) {
            match c {
                b'{' => {
                    self.pos += 1;
                    self.open_group()?;
                }
                b'}' => {
                    self.pos += 1;
                    if self.close_group() {
                        return self.check_trailing();
                    }
                }
                b'\\' => self.control(),
                b'\r' | b'\n' => self.pos += 1,
                _ => {
                    self.pos += 1;
                    self.literal(c);
                }
            }
        }
        Err(ImportError::Malformed(format!(
            "it ends inside {} unclosed group{} (the file is truncated or damaged)",
            self.stack.len(),
            if self.stack.len() == 1 { "" } else { "s" }
        )))
    }

    /// After the document's closing brace only whitespace and padding may follow; more text
    /// means the braces are unbalanced and part of the document would be lost.
    fn check_trailing(&self) -> Result<(), ImportError> {
        let rest = self.b.get(self.pos..).unwrap_or_default();
        match rest.iter().position(|&c| !(c.is_ascii_whitespace() || c == 0)) {
            None => Ok(()),
            Some(i) => Err(ImportError::Malformed(format!(
                "its braces are unbalanced: the document closes at byte {} but more follows (the file is damaged)",
                self.pos + i
            ))),
        }
    }

    fn open_group(&mut self) -> Result<(), ImportError> {
        self.flush_bytes();
        self.skip = 0;
        if self.stack.len() >= MAX_DEPTH {
            return Err(ImportError::Malformed("it is nested too deeply (over 1,000 levels)".into()));
        }
        self.stack.push(self.cur);
        Ok(())
    }

    /// Ends a group; returns true when it was the document's outermost one.
    fn close_group(&mut self) -> bool {
        self.flush_bytes();
        self.skip = 0;
        let closed = self.cur;
        let Some(parent) = self.stack.pop() else { return true };
        self.cur = parent;
        if closed.dest == Dest::ListText && parent.dest != Dest::ListText {
            self.out.end_marker();
        }
        self.stack.is_empty()
    }

    /// A plain character of the text.
    fn literal(&mut self, c: u8) {
        if self.skip_fallback() {
            return;
        }
        match c {
            0x80..=0xFF => self.byte(c),
            b'\t' | 0x20..=0x7E => {
                self.flush_bytes();
                self.emit(char::from(c));
            }
            _ => {}
        }
    }

    /// Uses up one fallback character after `\uN`; returns true if `c` was one.
    fn skip_fallback(&mut self) -> bool {
        if self.skip > 0 {
            self.skip -= 1;
            return true;
        }
        false
    }

    /// A backslash: a control word (`\par`, `\u-3913`) or a control symbol (`\'e9`, `\~`).
    fn control(&mut self) {
        let start = self.pos + 1;
        let Some(&first) = self.b.get(start) else {
            self.pos = start;
            return;
        };
        if !first.is_ascii_alphabetic() {
            self.pos = start + 1;
            return self.symbol(first);
        }
        let end = start + self.b.get(start..).unwrap_or_default().iter().take_while(|c| c.is_ascii_alphabetic()).count();
        let word = std::str::from_utf8(self.b.get(start..end).unwrap_or_default()).unwrap_or("");
        let word = if word.len() > MAX_WORD { "" } else { word };
        self.pos = end;
        let param = self.param();
        if self.b.get(self.pos) == Some(&b' ') {
            self.pos += 1;
        }
        if word == "bin" {
            // Binary data follows, however the group is used: step over it unread.
            self.pos = self.pos.saturating_add(usize::try_from(param.unwrap_or(0)).unwrap_or(0)).min(self.b.len());
            return;
        }
        if self.skip_fallback() {
            return;
        }
        self.flush_bytes();
        self.word(word, param);
    }

    /// The optional numeric parameter after a control word's name.
    fn param(&mut self) -> Option<i32> {
        let negative = self.b.get(self.pos) == Some(&b'-') && self.b.get(self.pos + 1).is_some_and(u8::is_ascii_digit);
        let digits_at = self.pos + usize::from(negative);
        let digits = self.b.get(digits_at..).unwrap_or_default().iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        let value = self
            .b
            .get(digits_at..digits_at + digits)
            .unwrap_or_default()
            .iter()
            .fold(0i64, |acc, d| acc.saturating_mul(10).saturating_add(i64::from(d - b'0')).min(i64::from(u32::MAX)));
        self.pos = digits_at + digits;
        let value = if negative { -value } else { value };
        Some(i32::try_from(value.clamp(i64::from(i32::MIN), i64::from(i32::MAX))).unwrap_or(0))
    }

    /// A control symbol: backslash and one non-letter.
    fn symbol(&mut self, c: u8) {
        if c == b'\'' {
            let hex = self.b.get(self.pos..self.pos + 2).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(byte) = hex {
                self.pos += 2;
                if !self.skip_fallback() {
                    self.byte(byte);
                }
            }
            return;
        }
        if self.skip_fallback() {
            return;
        }
        self.flush_bytes();
        match c {
            b'\\' | b'{' | b'}' => self.emit(char::from(c)),
            b'~' => self.emit(' '),
            b'_' => self.emit('-'),
            // `\<newline>` is an old spelling of `\par`.
            b'\n' | b'\r' => self.word("par", None),
            b'*' => self.cur.dest = Dest::Skip,
            _ => {}
        }
    }

    /// A control word with its parameter.
    fn word(&mut self, word: &str, param: Option<i32>) {
        let n = param.unwrap_or(0);
        match self.cur.dest {
            Dest::Skip => return,
            Dest::FontTable => return self.font_table_word(word, n),
            Dest::Text | Dest::ListText => {}
        }
        if SKIPPED.contains(&word) {
            self.cur.dest = Dest::Skip;
            return;
        }
        match word {
            "fonttbl" => self.cur.dest = Dest::FontTable,
            "listtext" | "pntext" => {
                self.cur.dest = Dest::ListText;
                self.out.marker = Some(String::new());
            }
            "ansicpg" => self.ansi = code_page(n).unwrap_or(self.ansi),
            "ansi" => self.ansi = WINDOWS_1252,
            "mac" => self.ansi = encoding_rs::MACINTOSH,
            "deff" => self.default_font = Some(n),
            "f" => self.cur.font = Some(n),
            "plain" => self.cur.font = self.default_font,
            "uc" => self.cur.uc = usize::try_from(n.clamp(0, 16)).unwrap_or(1),
            "u" => self.unicode(n),
            "pard" => {
                self.cur.list = false;
                self.cur.level = 0;
                self.cur.in_table = false;
            }
            "ls" => self.cur.list = n != 0,
            "ilvl" => self.cur.level = n.clamp(0, MAX_LIST_INDENT),
            "intbl" => self.cur.in_table = true,
            "itap" => self.cur.in_table = n > 0,
            _ if self.cur.dest == Dest::ListText => self.marker_word(word),
            _ => self.text_word(word),
        }
    }

    /// Control words of the font table: which font, which charset or code page.
    fn font_table_word(&mut self, word: &str, n: i32) {
        match word {
            "f" => self.font_in_table = Some(n),
            "fcharset" | "cpg" => {
                let charset = if word == "cpg" { code_page(n).map(Charset::Code) } else { font_charset(n) };
                if let (Some(font), Some(charset)) = (self.font_in_table, charset) {
                    self.fonts.insert(font, charset);
                }
            }
            // Alternative names and panose numbers are not the font's description.
            "falt" | "panose" | "fname" => self.cur.dest = Dest::Skip,
            _ => {}
        }
    }

    /// Control words inside a list marker: only a tab or a special character matter.
    fn marker_word(&mut self, word: &str) {
        if let Some(c) = special_char(word) {
            self.emit(c);
        } else if word == "tab" {
            self.emit('\t');
        }
    }

    /// Control words of body text that produce or structure text.
    fn text_word(&mut self, word: &str) {
        match word {
            "par" | "sect" | "page" => self.out.end_paragraph(self.cur),
            "line" | "softline" => self.emit('\n'),
            "tab" => self.emit('\t'),
            "cell" => self.out.end_cell(),
            "row" => self.out.end_row(),
            "nestcell" | "nestrow" => self.emit(' '),
            _ => {
                if let Some(c) = special_char(word) {
                    self.emit(c);
                }
            }
        }
    }

    /// `\uN`: a UTF-16 unit (negative N counts from 65,536), then `\ucN` fallback characters.
    fn unicode(&mut self, n: i32) {
        let unit = u32::try_from(if n < 0 { n.saturating_add(65_536) } else { n }).unwrap_or(0xFFFD) & 0xFFFF;
        self.skip = self.cur.uc;
        match unit {
            0xD800..=0xDBFF => self.high_surrogate = Some(unit),
            0xDC00..=0xDFFF => {
                let c = self.high_surrogate.take().and_then(|high| char::from_u32(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00)));
                self.emit(c.unwrap_or('\u{FFFD}'));
            }
            _ => self.emit(char::from_u32(unit).map_or('\u{FFFD}', symbol_glyph)),
        }
    }

    /// A byte of text in the current font's charset, kept until the character is complete.
    fn byte(&mut self, byte: u8) {
        let charset = self.cur.font.and_then(|f| self.fonts.get(&f).copied()).unwrap_or(Charset::Code(self.ansi));
        if charset != self.bytes_charset {
            self.flush_bytes();
            self.bytes_charset = charset;
        }
        self.bytes.push(byte);
    }

    /// Decodes the pending bytes.
    fn flush_bytes(&mut self) {
        if self.bytes.is_empty() {
            return;
        }
        let bytes = std::mem::take(&mut self.bytes);
        let text = match self.bytes_charset {
            Charset::Code(enc) => enc.decode_without_bom_handling(&bytes).0.into_owned(),
            Charset::Symbol => bytes.iter().map(|&b| symbol_byte(b)).collect(),
        };
        for c in text.chars() {
            self.emit(c);
        }
    }

    /// Sends a character to where the current group's text goes.
    fn emit(&mut self, c: char) {
        if c.is_control() && !matches!(c, '\t' | '\n') {
            return;
        }
        if self.high_surrogate.is_some() && !(0xDC00..=0xDFFF).contains(&u32::from(c)) {
            self.high_surrogate = None;
        }
        match self.cur.dest {
            Dest::Text => self.out.paragraph.push(c),
            Dest::ListText => {
                if let Some(marker) = self.out.marker.as_mut()
                    && marker.len() < 32
                {
                    marker.push(c);
                }
            }
            Dest::Skip | Dest::FontTable => {}
        }
    }
}

/// Characters written as control words.
fn special_char(word: &str) -> Option<char> {
    Some(match word {
        "emdash" => '—',
        "endash" => '–',
        "lquote" => '‘',
        "rquote" => '’',
        "ldblquote" => '“',
        "rdblquote" => '”',
        "bullet" => '•',
        "emspace" | "enspace" | "qmspace" => ' ',
        _ => return None,
    })
}

/// A byte in a Symbol or Wingdings font: their list bullets, else the Windows-1252 char.
fn symbol_byte(b: u8) -> char {
    match b {
        0xB7 => '•',
        0xA7 => '▪',
        _ => WINDOWS_1252.decode_without_bom_handling(&[b]).0.chars().next().unwrap_or('\u{FFFD}'),
    }
}

/// Word writes Symbol-font bullets as private-use code points (U+F0B7); show them as bullets.
fn symbol_glyph(c: char) -> char {
    match c {
        '\u{F0B7}' => '•',
        '\u{F0A7}' => '▪',
        c => c,
    }
}

/// The encoding of a Windows code page number.
fn code_page(n: i32) -> Option<&'static Encoding> {
    let label = match n {
        874 => "windows-874".to_string(),
        866 => "ibm866".to_string(),
        932 => "shift_jis".to_string(),
        936 => "gbk".to_string(),
        949 => "euc-kr".to_string(),
        950 => "big5".to_string(),
        1250..=1258 => format!("windows-{n}"),
        10000 => "macintosh".to_string(),
        10007 => "x-mac-cyrillic".to_string(),
        20866 => "koi8-r".to_string(),
        21866 => "koi8-u".to_string(),
        28591..=28606 => format!("iso-8859-{}", n - 28590),
        54936 => "gb18030".to_string(),
        65001 => "utf-8".to_string(),
        _ => return None,
    };
    Encoding::for_label(label.as_bytes())
}

/// The charset of a font (`\fcharsetN`); `None` for ANSI and default, which use `\ansicpg`.
fn font_charset(n: i32) -> Option<Charset> {
    let page = match n {
        2 => return Some(Charset::Symbol),
        77 => 10000,
        128 => 932,
        129 => 949,
        134 => 936,
        136 => 950,
        161 => 1253,
        162 => 1254,
        163 => 1258,
        177 => 1255,
        178 => 1256,
        186 => 1257,
        204 => 1251,
        222 => 874,
        238 => 1250,
        _ => return None,
    };
    code_page(page).map(Charset::Code)
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

/// What the last written block was: list items and table rows follow their kind line by line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Block {
    Paragraph,
    Item,
    Row,
}

/// The text being assembled, paragraph by paragraph.
#[derive(Debug, Default)]
struct Output {
    text: String,
    last: Option<Block>,
    /// The current paragraph, or table cell.
    paragraph: String,
    /// Cells of the current table row.
    row: Vec<String>,
    /// The current paragraph's list marker: being read (in `\listtext`), then its line prefix.
    marker: Option<String>,
    /// The prefix made from the last `\listtext`, for the paragraph it belongs to.
    prefix: Option<String>,
}

impl Output {
    /// A `\listtext` group ended: its text becomes the paragraph's "- " or "1. ".
    fn end_marker(&mut self) {
        let Some(marker) = self.marker.take() else { return };
        let marker = marker.trim();
        let bullet = marker.chars().count() == 1 && !marker.chars().all(|c| c.is_ascii_alphanumeric());
        self.prefix = Some(if marker.is_empty() || bullet || marker == "o" { "- ".into() } else { format!("{marker} ") });
    }

    /// `\par`: a paragraph ends (inside a table cell, only a line within the cell).
    fn end_paragraph(&mut self, group: Group) {
        if group.in_table {
            self.paragraph.push('\n');
            return;
        }
        let prefix = self.prefix.take();
        let body = std::mem::take(&mut self.paragraph);
        let body = tidy(&body);
        if body.is_empty() {
            return;
        }
        let is_item = prefix.is_some() || group.list;
        let (kind, text) = if is_item {
            let indent = "  ".repeat(usize::try_from(group.level).unwrap_or(0));
            (Block::Item, format!("{indent}{}{body}", prefix.as_deref().unwrap_or("- ")))
        } else {
            (Block::Paragraph, body)
        };
        self.block(kind, &text);
    }

    /// `\cell`: the current cell's text joins the row, on one line.
    fn end_cell(&mut self) {
        self.prefix = None;
        let cell = std::mem::take(&mut self.paragraph);
        self.row.push(cell.split_whitespace().collect::<Vec<_>>().join(" "));
    }

    /// `\row`: the row is written as one line of cells joined by " | ".
    fn end_row(&mut self) {
        if !self.paragraph.trim().is_empty() {
            self.end_cell();
        }
        self.paragraph.clear();
        let mut row = std::mem::take(&mut self.row);
        while row.last().is_some_and(String::is_empty) {
            row.pop();
        }
        if !row.is_empty() {
            self.block(Block::Row, &row.join(" | "));
        }
    }

    /// Appends a block: one line after a block of the same list or table kind, else a blank line.
    fn block(&mut self, kind: Block, text: &str) {
        match self.last {
            None => {}
            Some(last) if last == kind && kind != Block::Paragraph => self.text.push('\n'),
            Some(_) => self.text.push_str("\n\n"),
        }
        self.text.push_str(text);
        self.last = Some(kind);
    }

    /// Writes what is still open (a file may end without a final `\par` or `\row`).
    fn finish(mut self) -> String {
        if !self.row.is_empty() {
            self.end_row();
        }
        self.end_paragraph(Group::default());
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        self.text
    }
}

/// A paragraph's text without leading whitespace, trailing spaces on its lines, or blank lines
/// (a paragraph has none; `\line\line` is still one paragraph).
fn tidy(text: &str) -> String {
    let lines: Vec<&str> = text.trim_start().split('\n').map(str::trim_end).filter(|l| !l.is_empty()).collect();
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(rtf: &str) -> String {
        extract(rtf.as_bytes()).expect("extracts").text
    }

    #[test]
    fn paragraphs_lines_tabs_and_skipped_destinations() {
        let rtf = r"{\rtf1\ansi\deff0{\fonttbl{\f0\fswiss Arial;}}{\colortbl;\red0\green0\blue0;}{\stylesheet{\s0 Normal;}}{\info{\title Secret}{\author Nobody}}{\header Page header\par}{\*\generator Tool;}
\pard\plain\f0 First paragraph\par
Second\line line\tab tabbed\par\par\par
{\b Dana:} bold label\par
{\pict\pngblip 89504e47}{\*\bkmkstart b1}{\*\bkmkend b1}{\footnote A footnote}Last}";
        assert_eq!(text(rtf), "First paragraph\n\nSecond\nline\ttabbed\n\nDana: bold label\n\nLast\n");
    }

    #[test]
    fn code_pages_hex_bytes_and_unicode_escapes() {
        assert_eq!(text(r"{\rtf1\ansi\ansicpg1252 Ren\'e9e \'96 caf\'e9}"), "Renée – café\n");
        assert_eq!(text(r"{\rtf1\ansi\ansicpg1251 \'cf\'f0\'e8\'e2\'e5\'f2}"), "Привет\n");
        assert_eq!(text(r"{\rtf1\ansi\uc1 Zo\u235?\u8217'\u-3913? x}"), "Zoë’• x\n");
        assert_eq!(text(r"{\rtf1\ansi\uc2 Jos\u233\'e9\'e9 {\uc0 caf\u233}}"), "José café\n");
        assert_eq!(text(r"{\rtf1\ansi \u-10179?\u-8704? ok}"), "😀 ok\n");
        assert_eq!(text(r"{\rtf1\ansi{\fonttbl{\f1\fcharset204 Arial Cyr;}{\f2\fcharset0 Arial;}}\f1 \'c4\'e0 \f2 \'e9}"), "Да é\n");
        assert_eq!(text(r"{\rtf1\ansi\ansicpg932 \'93\'fa\'96\'7b}"), "日本\n");
        let got = extract(br"{\rtf1\mac caf\'8e}").expect("decodes");
        assert_eq!((got.text.as_str(), got.encoding.as_str()), ("café\n", "macintosh"));
    }

    #[test]
    fn control_symbols_and_special_words() {
        assert_eq!(text(r"{\rtf1 a\{b\}c\\d\~e\-f\_g \emdash  \endash \lquote x\rquote  \ldblquote y\rdblquote \bullet}"), "a{b}c\\d ef-g — –‘x’ “y”•\n");
        assert_eq!(text("{\\rtf1 one\\\r\ntwo}"), "one\n\ntwo\n");
    }

    #[test]
    fn fields_keep_their_result_only() {
        let rtf = r#"{\rtf1 See {\field{\*\fldinst {HYPERLINK "https://example.org"}}{\fldrslt {\ul the guidance}}} and {\field{\fldinst PAGE}{\fldrslt 3}}.}"#;
        assert_eq!(text(rtf), "See the guidance and 3.\n");
    }

    #[test]
    fn bin_data_is_stepped_over() {
        let mut rtf = b"{\\rtf1 before {\\pict\\bin5 ".to_vec();
        rtf.extend_from_slice(b"}{\\\x00\xff");
        rtf.extend_from_slice(b"}after}");
        assert_eq!(extract(&rtf).expect("reads").text, "before after\n");
    }

    #[test]
    fn list_markers_become_dashes_and_numbers() {
        let rtf = r"{\rtf1{\fonttbl{\f0 Arial;}{\f1\fcharset2 Symbol;}}
\pard Before\par
\pard\ls1\ilvl0{\listtext\pard\plain \f1 \'b7\tab}One\par
{\listtext\pard\plain \u61623\'3f\tab}Two\par
\pard\ls1\ilvl1{\listtext\pard\plain o\tab}Nested\par
\pard\ls2{\listtext 1.\tab}First\par
{\listtext 2.\tab}Second\par
\pard{\pntext\f1\'b7\tab}{\*\pn\pnlvlblt{\pntxtb\'b7}}Old style\par
\pard After\par}";
        assert_eq!(text(rtf), "Before\n\n- One\n- Two\n  - Nested\n1. First\n2. Second\n- Old style\n\nAfter\n");
    }

    #[test]
    fn table_rows_become_lines_of_cells() {
        let rtf = r"{\rtf1 Log\par
\trowd\cellx1000\cellx2000\cellx3000\pard\intbl Date\cell Contact\cell\cell\row
\trowd\cellx1000\cellx2000\cellx3000\pard\intbl 06/02\cell Home\par visit\cell Both   present\cell\row
\pard After\par}";
        assert_eq!(text(rtf), "Log\n\nDate | Contact\n06/02 | Home visit | Both present\n\nAfter\n");
    }

    #[test]
    fn not_rtf_damaged_or_empty_files_give_reasons() {
        assert_eq!(extract(b""), Err(ImportError::Text(TextError::Empty)));
        assert!(matches!(extract(b"Dana: hello"), Err(ImportError::Malformed(m)) if m.contains("does not start with {\\rtf")));
        assert!(matches!(extract(br"{\rtf1 cut off here"), Err(ImportError::Malformed(m)) if m.contains("truncated")));
        assert!(matches!(extract(br"{\rtf1 one} two}"), Err(ImportError::Malformed(m)) if m.contains("unbalanced")));
        assert!(matches!(extract(br"{\rtf1{\fonttbl{\f0 Arial;}}\par\par}"), Err(ImportError::NoText(_))));
        let deep = format!("{{\\rtf1 {}x{}}}", "{".repeat(10_000), "}".repeat(10_000));
        assert!(matches!(extract(deep.as_bytes()), Err(ImportError::Malformed(m)) if m.contains("over 1,000 levels")));
        let fine = format!("{{\\rtf1 {}x{}}}", "{".repeat(900), "}".repeat(900));
        assert_eq!(text(&fine), "x\n");
        assert_eq!(text("\u{FEFF} \r\n{\\rtf1 ok}\r\n\0\0"), "ok\n");
    }

    #[test]
    fn odd_input_never_panics() {
        let doc = r"{\rtf1\ansi\ansicpg99999\uc-4 {\fonttbl{\f-1\fcharset999 X;}}\f-1 \'zz\'4\u99999999?\u-99999999?\bin-5 \bin99999999999 x\par}";
        for i in 0..=doc.len() {
            let _ = extract(&doc.as_bytes()[..i]);
        }
        let _ = extract(br"{\rtf1 \");
        let _ = extract(br"{\rtf1 \'");
        let _ = extract(br"{\rtf1 \abcdefghijklmnopqrstuvwxyzabcdefghijklmnop99999999999999 x}");
    }
}
