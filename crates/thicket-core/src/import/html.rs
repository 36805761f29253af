//! .html/.htm import: bytes of a web page, a "Save as Web Page" export from Word, LibreOffice or
//! Google Docs, or a saved email in; readable plain text and the encoding it was decoded from out.
//!
//! Real-world HTML is not XML (unclosed `<p>` and `<li>`, misnested tags, bare `&`), so this is a
//! small tolerant tokenizer rather than an XML parser: it never fails on markup, only on bytes that
//! are not text. It keeps the structure a coder needs (paragraphs, line breaks, list items, table
//! rows) and drops everything a browser would not show as body text (head, scripts, styles,
//! comments, Word's hidden XML). Nothing recurses, so 10,000 nested `<div>`s are just slow-ish text.
//!
//! The encoding is taken from a byte-order mark, then a `<meta charset>` or `http-equiv`
//! content-type declaration, then UTF-8 if the bytes are valid UTF-8, then the legacy guess of
//! [`super::decode_text`]. One exception to trusting `<meta>`: bytes that are valid UTF-8 with
//! non-ASCII characters but declare a single-byte legacy charset were re-saved as UTF-8 by an
//! editor that kept the old declaration, so they are read as UTF-8 (a legacy text is valid UTF-8
//! with accents only by freak chance).

use encoding_rs::{Encoding, UTF_8};

use super::{Extracted, ImportError};
use crate::text::{TextError, normalize};

/// Deepest table nesting that still gets rows and cells; deeper tables read as plain blocks, so a
/// pathological file cannot make row assembly quadratic.
const MAX_TABLE_NESTING: usize = 64;
/// Deepest list nesting that still gets more indentation.
const MAX_LIST_INDENT: usize = 8;
/// How far into the file a `<meta>` charset declaration is looked for. Word puts a lot of
/// namespace declarations before it, so this is wider than the 1,024 bytes browsers scan.
const CHARSET_SCAN_BYTES: usize = 16 * 1024;

/// Decodes the bytes and extracts the page's text.
pub(super) fn extract(bytes: &[u8]) -> Result<Extracted, ImportError> {
    let (html, encoding) = decode(bytes)?;
    let page = render(&html);
    let text = if page.body.trim().is_empty() { page.title } else { page.body };
    if text.trim().is_empty() {
        return Err(ImportError::NoText(
            "the HTML has no text outside its markup (only tags, scripts, styles or comments)".into(),
        ));
    }
    Ok(Extracted { text, encoding, ..Default::default() })
}

// ---------------------------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------------------------

/// Decodes by BOM, declared charset, UTF-8 validity, then legacy detection; names the encoding.
fn decode(bytes: &[u8]) -> Result<(String, String), ImportError> {
    if bytes.is_empty() {
        return Err(TextError::Empty.into());
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) || bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return decode_text(bytes);
    }
    let utf8 = match normalize(bytes) {
        Ok(text) => Some(text),
        Err(TextError::InvalidUtf8 { .. }) => None,
        // A NUL byte: binary, or UTF-16 without a BOM, which `decode_text` tells apart.
        Err(TextError::Binary { .. }) => return decode_text(bytes),
        Err(e) => return Err(e.into()),
    };
    match (declared_charset(bytes), utf8) {
        (Some(enc), Some(text)) if enc == UTF_8 || (!text.is_ascii() && is_single_byte(enc)) => Ok((text, "UTF-8".into())),
        (Some(enc), _) if enc != UTF_8 => match enc.decode_without_bom_handling_and_without_replacement(bytes) {
            Some(text) => Ok((text.into_owned(), enc.name().to_string())),
            None => decode_text(bytes),
        },
        (_, Some(text)) => Ok((text, "UTF-8".into())),
        (_, None) => decode_text(bytes),
    }
}

/// [`super::decode_text`] with an owned encoding name.
fn decode_text(bytes: &[u8]) -> Result<(String, String), ImportError> {
    super::decode_text(bytes).map(|(text, enc)| (text, enc.to_string()))
}

/// Whether every byte is one character in `enc` (windows-1252, ISO-8859-x, KOI8...).
fn is_single_byte(enc: &'static Encoding) -> bool {
    enc.is_single_byte() && enc != encoding_rs::X_USER_DEFINED
}

/// The charset a `<meta charset>` or `<meta http-equiv="Content-Type" content="...; charset=...">`
/// near the start declares. UTF-16 declarations mean UTF-8 here, as in browsers: a file whose
/// bytes could be scanned as ASCII is not UTF-16.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    // Latin-1 maps byte to char one to one, so ASCII markup survives whatever the real encoding.
    let head: String = bytes.iter().take(CHARSET_SCAN_BYTES).map(|&b| char::from(b)).collect();
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower.get(from..).and_then(|rest| rest.find("<meta")) {
        let start = from + at;
        let (tag, len) = parse_start_tag(head.get(start..).unwrap_or(""));
        from = start + len.max(1);
        if tag.name != "meta" {
            continue;
        }
        let label = match tag.attr("charset") {
            Some(label) => Some(label.to_string()),
            None if tag.attr("http-equiv").is_some_and(|h| h.trim().eq_ignore_ascii_case("content-type")) => {
                tag.attr("content").and_then(charset_in_content_type)
            }
            None => None,
        };
        if let Some(enc) = label.and_then(|l| Encoding::for_label(l.trim().as_bytes())) {
            let utf16 = enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE;
            return Some(if utf16 || enc == encoding_rs::REPLACEMENT { UTF_8 } else { enc });
        }
    }
    None
}

/// The `charset=` value of a content type such as `text/html; charset="windows-1252"`.
fn charset_in_content_type(content: &str) -> Option<String> {
    let lower = content.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let rest = lower.get(at + "charset".len()..)?.trim_start().strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let label: String = rest.chars().take_while(|c| !matches!(c, '"' | '\'' | ';' | ' ' | '\t' | '\n' | '\r')).collect();
    (!label.is_empty()).then_some(label)
}

// ---------------------------------------------------------------------------------------------
// Tokenizer
// ---------------------------------------------------------------------------------------------

/// A start tag with its lower-cased name and attributes (values kept raw: only `class`, `style`
/// and numbers are read from them).
#[derive(Debug, Default)]
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
}

impl Tag {
    /// The value of an attribute, by lower-case name.
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// One piece of the document.
#[derive(Debug)]
enum Token<'a> {
    /// Character data, entities not yet decoded.
    Text(&'a str),
    Start(Tag),
    End(String),
    /// The content of a raw-text element (`script`, `style`, `title`...), which holds no tags.
    Raw(&'static str, &'a str),
}

/// Elements whose content is raw text up to their end tag; the tokenizer must not look for tags
/// inside them (a script full of `"<div>"` strings is still one script).
const RAW_TEXT: &[&str] = &["script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"];

/// Splits HTML into tokens; comments, doctypes and processing instructions are dropped.
struct Lexer<'a> {
    src: &'a str,
    /// `src` in ASCII lower case: same byte offsets, for case-insensitive searches.
    lower: String,
    pos: usize,
    /// Set after the start tag of a raw-text element.
    raw: Option<&'static str>,
}

impl<'a> Lexer<'a> {
    fn new(src: &'a str) -> Self {
        Lexer { src, lower: src.to_ascii_lowercase(), pos: 0, raw: None }
    }

    fn rest(&self) -> &'a str {
        self.src.get(self.pos..).unwrap_or("")
    }

    /// The next token, or `None` at the end.
    fn next_token(&mut self) -> Option<Token<'a>> {
        loop {
            if let Some(name) = self.raw.take() {
                return Some(self.raw_text(name));
            }
            let rest = self.rest();
            if rest.is_empty() {
                return None;
            }
            if !starts_markup(rest) {
                let len = next_markup(rest);
                self.pos += len;
                return rest.get(..len).map(Token::Text);
            }
            if let Some(token) = self.markup(rest) {
                return Some(token);
            }
        }
    }

    /// Consumes the markup at the start of `rest`; returns a token for tags, nothing for comments.
    fn markup(&mut self, rest: &'a str) -> Option<Token<'a>> {
        let b = rest.as_bytes();
        if rest.starts_with("<!--") {
            let len = if rest.starts_with("<!-->") {
                5
            } else if rest.starts_with("<!--->") {
                6
            } else {
                rest.get(4..).and_then(|r| r.find("-->")).map_or(rest.len(), |i| i + 7)
            };
            self.pos += len;
            return None;
        }
        if b.get(1) == Some(&b'/') && b.get(2).is_some_and(u8::is_ascii_alphabetic) {
            let name_end = scan(b, 2, is_name_byte);
            let name = rest.get(2..name_end).unwrap_or("").to_ascii_lowercase();
            self.pos += rest.get(name_end..).and_then(|r| r.find('>')).map_or(rest.len(), |i| name_end + i + 1);
            return Some(Token::End(name));
        }
        if b.get(1).is_some_and(u8::is_ascii_alphabetic) {
            let (tag, len) = parse_start_tag(rest);
            self.pos += len;
            self.raw = RAW_TEXT.iter().copied().find(|r| *r == tag.name);
            return Some(Token::Start(tag));
        }
        // `<!doctype>`, `<?xml ...?>`, `<![if ...]>`, `</ 3>`: bogus comments up to the next `>`.
        self.pos += rest.find('>').map_or(rest.len(), |i| i + 1);
        None
    }

    /// The content of a raw-text element, up to (not including) its end tag.
    fn raw_text(&mut self, name: &'static str) -> Token<'a> {
        let rest = self.rest();
        let end = if name == "plaintext" { rest.len() } else { self.find_end_tag(name).unwrap_or(rest.len()) };
        self.pos += end;
        Token::Raw(name, rest.get(..end).unwrap_or(""))
    }

    /// The offset (from `pos`) of `</name` followed by a tag delimiter.
    fn find_end_tag(&self, name: &str) -> Option<usize> {
        let needle = format!("</{name}");
        let lower = self.lower.get(self.pos..)?;
        let mut from = 0;
        while let Some(i) = lower.get(from..).and_then(|r| r.find(&needle)) {
            let at = from + i;
            let after = lower.as_bytes().get(at + needle.len());
            if after.is_none_or(|c| c.is_ascii_whitespace() || *c == b'/' || *c == b'>') {
                return Some(at);
            }
            from = at + needle.len();
        }
        None
    }
}

/// Whether `rest` (starting with anything) starts a tag, comment or other markup.
fn starts_markup(rest: &str) -> bool {
    let b = rest.as_bytes();
    b.first() == Some(&b'<') && b.get(1).is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?'))
}

/// The length of the text before the next markup (at least 1 char, so a stray `<` is text).
fn next_markup(rest: &str) -> usize {
    let mut from = rest.chars().next().map_or(1, char::len_utf8);
    while let Some(i) = rest.get(from..).and_then(|r| r.find('<')) {
        if starts_markup(rest.get(from + i..).unwrap_or("")) {
            return from + i;
        }
        from += i + 1;
    }
    rest.len()
}

/// A byte that continues a tag or attribute name.
fn is_name_byte(c: u8) -> bool {
    !(c.is_ascii_whitespace() || c == b'/' || c == b'>')
}

/// The first index at or after `i` whose byte does not satisfy `keep`. Stops only at ASCII bytes
/// (every predicate here accepts non-ASCII), so the result is always a char boundary.
fn scan(b: &[u8], mut i: usize, keep: impl Fn(u8) -> bool) -> usize {
    while b.get(i).is_some_and(|&c| keep(c)) {
        i += 1;
    }
    i
}

/// Parses a start tag at the start of `rest` (`<` then a letter); returns it and its length. An
/// unterminated tag runs to the end of the input, as in browsers.
fn parse_start_tag(rest: &str) -> (Tag, usize) {
    let b = rest.as_bytes();
    let name_end = scan(b, 1, is_name_byte);
    let mut tag = Tag { name: rest.get(1..name_end).unwrap_or("").to_ascii_lowercase(), attrs: Vec::new() };
    let mut i = name_end;
    loop {
        i = scan(b, i, |c| c.is_ascii_whitespace() || c == b'/');
        match b.get(i) {
            None => return (tag, b.len()),
            Some(b'>') => return (tag, i + 1),
            Some(_) => {}
        }
        let start = i;
        // A name may start with `=` (it is then part of the name, as browsers read it).
        i = scan(b, i + usize::from(b.get(i) == Some(&b'=')), |c| is_name_byte(c) && c != b'=');
        let name = rest.get(start..i).unwrap_or("").to_ascii_lowercase();
        let j = scan(b, i, |c| c.is_ascii_whitespace());
        let mut value = "";
        if b.get(j) == Some(&b'=') {
            i = scan(b, j + 1, |c| c.is_ascii_whitespace());
            match b.get(i) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    let end = rest.get(i + 1..).and_then(|r| r.find(char::from(q))).map_or(b.len(), |k| i + 1 + k);
                    value = rest.get(i + 1..end).unwrap_or("");
                    i = (end + 1).min(b.len());
                }
                _ => {
                    let end = scan(b, i, |c| !(c.is_ascii_whitespace() || c == b'>'));
                    value = rest.get(i..end).unwrap_or("");
                    i = end;
                }
            }
        }
        if tag.attrs.len() < 64 {
            tag.attrs.push((name, value.to_string()));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Entities
// ---------------------------------------------------------------------------------------------

/// Decodes the character reference at the start of `s` (which starts with `&`); returns the
/// character and the bytes consumed, or `None` when it is a literal ampersand.
fn entity(s: &str) -> Option<(char, usize)> {
    let body = s.get(1..)?;
    if let Some(num) = body.strip_prefix('#') {
        return numeric_entity(num).map(|(c, len)| (c, len + 2));
    }
    let name_len = body.bytes().take(32).take_while(u8::is_ascii_alphanumeric).count();
    let name = body.get(..name_len)?;
    if body.as_bytes().get(name_len) == Some(&b';')
        && let Some(c) = named_entity(name)
    {
        return Some((c, name_len + 2));
    }
    // Without `;`, browsers still decode the old Latin-1 names (`&nbsp`, `&eacute`, `&copy`):
    // the longest such prefix wins, the rest is text.
    (1..=name_len).rev().find_map(|len| {
        let prefix = body.get(..len)?;
        named_entity(prefix).filter(|c| u32::from(*c) <= 0xFF).map(|c| (c, len + 1))
    })
}

/// `&#233;` or `&#xE9;` after the `&#`; the `;` is optional. Returns the char and bytes consumed.
fn numeric_entity(s: &str) -> Option<(char, usize)> {
    let (hex, digits_at) = match s.as_bytes().first() {
        Some(b'x' | b'X') => (true, 1),
        _ => (false, 0),
    };
    let digits = s.get(digits_at..)?;
    let len = digits.bytes().take_while(|c| if hex { c.is_ascii_hexdigit() } else { c.is_ascii_digit() }).count();
    if len == 0 {
        return None;
    }
    let value = digits.get(..len)?.chars().fold(0u32, |acc, d| {
        acc.saturating_mul(if hex { 16 } else { 10 }).saturating_add(d.to_digit(16).unwrap_or(0))
    });
    let semicolon = usize::from(digits.as_bytes().get(len) == Some(&b';'));
    Some((code_point(value), digits_at + len + semicolon))
}

/// The char a numeric reference means, with the browser repairs: C1 controls are read as
/// Windows-1252 (old pages wrote `&#150;` for an en dash), invalid values become U+FFFD.
fn code_point(value: u32) -> char {
    if (0x80..=0x9F).contains(&value) {
        let byte = [u8::try_from(value).unwrap_or(0)];
        let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
        return text.chars().next().unwrap_or('\u{FFFD}');
    }
    if value == 0 {
        return '\u{FFFD}';
    }
    char::from_u32(value).unwrap_or('\u{FFFD}')
}

/// The named character references: all of HTML 4 (Latin-1, symbols, Greek, punctuation) and the
/// common HTML5 additions.
fn named_entity(name: &str) -> Option<char> {
    let c = match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "iexcl" => '¡',
        "cent" => '¢',
        "pound" => '£',
        "curren" => '¤',
        "yen" => '¥',
        "brvbar" => '¦',
        "sect" => '§',
        "uml" => '¨',
        "copy" | "COPY" => '©',
        "ordf" => 'ª',
        "laquo" => '«',
        "not" => '¬',
        "shy" => '\u{AD}',
        "reg" | "REG" => '®',
        "macr" => '¯',
        "deg" => '°',
        "plusmn" => '±',
        "sup2" => '²',
        "sup3" => '³',
        "acute" => '´',
        "micro" => 'µ',
        "para" => '¶',
        "middot" => '·',
        "cedil" => '¸',
        "sup1" => '¹',
        "ordm" => 'º',
        "raquo" => '»',
        "frac14" => '¼',
        "frac12" => '½',
        "frac34" => '¾',
        "iquest" => '¿',
        "times" => '×',
        "divide" => '÷',
        _ => return latin1_letter(name).or_else(|| other_entity(name)),
    };
    Some(c)
}

/// The accented Latin-1 letters (`&Agrave;` to `&yuml;`).
fn latin1_letter(name: &str) -> Option<char> {
    let c = match name {
        "Agrave" => 'À',
        "Aacute" => 'Á',
        "Acirc" => 'Â',
        "Atilde" => 'Ã',
        "Auml" => 'Ä',
        "Aring" => 'Å',
        "AElig" => 'Æ',
        "Ccedil" => 'Ç',
        "Egrave" => 'È',
        "Eacute" => 'É',
        "Ecirc" => 'Ê',
        "Euml" => 'Ë',
        "Igrave" => 'Ì',
        "Iacute" => 'Í',
        "Icirc" => 'Î',
        "Iuml" => 'Ï',
        "ETH" => 'Ð',
        "Ntilde" => 'Ñ',
        "Ograve" => 'Ò',
        "Oacute" => 'Ó',
        "Ocirc" => 'Ô',
        "Otilde" => 'Õ',
        "Ouml" => 'Ö',
        "Oslash" => 'Ø',
        "Ugrave" => 'Ù',
        "Uacute" => 'Ú',
        "Ucirc" => 'Û',
        "Uuml" => 'Ü',
        "Yacute" => 'Ý',
        "THORN" => 'Þ',
        "szlig" => 'ß',
        "agrave" => 'à',
        "aacute" => 'á',
        "acirc" => 'â',
        "atilde" => 'ã',
        "auml" => 'ä',
        "aring" => 'å',
        "aelig" => 'æ',
        "ccedil" => 'ç',
        "egrave" => 'è',
        "eacute" => 'é',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "igrave" => 'ì',
        "iacute" => 'í',
        "icirc" => 'î',
        "iuml" => 'ï',
        "eth" => 'ð',
        "ntilde" => 'ñ',
        "ograve" => 'ò',
        "oacute" => 'ó',
        "ocirc" => 'ô',
        "otilde" => 'õ',
        "ouml" => 'ö',
        "oslash" => 'ø',
        "ugrave" => 'ù',
        "uacute" => 'ú',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "yacute" => 'ý',
        "thorn" => 'þ',
        "yuml" => 'ÿ',
        _ => return None,
    };
    Some(c)
}

/// Punctuation, symbols, Greek and the Latin Extended letters of HTML 4 and common HTML5 names.
fn other_entity(name: &str) -> Option<char> {
    let c = match name {
        "OElig" => 'Œ',
        "oelig" => 'œ',
        "Scaron" => 'Š',
        "scaron" => 'š',
        "Yuml" => 'Ÿ',
        "Zcaron" => 'Ž',
        "zcaron" => 'ž',
        "fnof" => 'ƒ',
        "circ" => 'ˆ',
        "tilde" => '˜',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "lrm" => '\u{200E}',
        "rlm" => '\u{200F}',
        "ndash" => '–',
        "mdash" => '—',
        "horbar" => '―',
        "lsquo" => '‘',
        "rsquo" | "rsquor" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" | "rdquor" => '”',
        "bdquo" => '„',
        "dagger" => '†',
        "Dagger" => '‡',
        "bull" | "bullet" => '•',
        "hellip" | "mldr" => '…',
        "permil" => '‰',
        "prime" => '′',
        "Prime" => '″',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "oline" => '‾',
        "frasl" => '⁄',
        "euro" => '€',
        "trade" | "TRADE" => '™',
        "larr" => '←',
        "uarr" => '↑',
        "rarr" => '→',
        "darr" => '↓',
        "harr" => '↔',
        "lArr" => '⇐',
        "rArr" => '⇒',
        "minus" => '−',
        "le" => '≤',
        "ge" => '≥',
        "ne" => '≠',
        "asymp" => '≈',
        "infin" => '∞',
        "check" | "checkmark" => '✓',
        "star" => '☆',
        "starf" => '★',
        "hyphen" | "dash" => '‐',
        "numsp" => '\u{2007}',
        "puncsp" => '\u{2008}',
        "hairsp" => '\u{200A}',
        "NewLine" => '\n',
        "Tab" => '\t',
        "half" => '½',
        "grave" => '`',
        "lowbar" => '_',
        "ast" => '*',
        "num" => '#',
        "percnt" => '%',
        "commat" => '@',
        "colon" => ':',
        "semi" => ';',
        "excl" => '!',
        "quest" => '?',
        "lpar" => '(',
        "rpar" => ')',
        "lsqb" | "lbrack" => '[',
        "rsqb" | "rbrack" => ']',
        "lcub" | "lbrace" => '{',
        "rcub" | "rbrace" => '}',
        "sol" => '/',
        "bsol" => '\\',
        "verbar" | "vert" => '|',
        "equals" => '=',
        "plus" => '+',
        "dollar" => '$',
        "comma" => ',',
        "period" => '.',
        _ => return greek(name),
    };
    Some(c)
}

/// Greek letters, which HTML 4 named (`&alpha;` to `&omega;`).
fn greek(name: &str) -> Option<char> {
    const LOWER: [&str; 25] = [
        "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu",
        "xi", "omicron", "pi", "rho", "sigmaf", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
    ];
    let lower = name.to_ascii_lowercase();
    let index = u32::try_from(LOWER.iter().position(|n| *n == lower)?).ok()?;
    let upper = name.starts_with(|c: char| c.is_ascii_uppercase());
    if upper && lower == "sigmaf" {
        return None;
    }
    char::from_u32(if upper { 0x391 } else { 0x3B1 } + index)
}

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

/// The text of a page: its body, and its title for pages whose body is empty.
#[derive(Debug, Default)]
struct Page {
    body: String,
    title: String,
}

/// A break owed before the next text: breaks are only written when text follows, so empty
/// elements and trailing markup never leave blank lines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    #[default]
    None,
    Line,
    Paragraph,
}

/// Text being written: the document, or one table cell.
#[derive(Debug, Default)]
struct Sink {
    out: String,
    pending: Break,
    /// Whitespace was seen since the last char (collapsed to one space, dropped at line starts).
    space: bool,
    /// A list marker to write at the start of the next line ("- ", "2. ").
    prefix: String,
    /// A table was written into this cell: the row is layout, not data.
    has_table: bool,
}

impl Sink {
    /// Writes the owed break, marker or space before new text.
    fn flush(&mut self) {
        if !self.out.is_empty() {
            match self.pending {
                Break::Paragraph => self.out.push_str("\n\n"),
                Break::Line => self.out.push('\n'),
                Break::None if self.space && !self.out.ends_with(['\n', ' ']) && self.prefix.is_empty() => self.out.push(' '),
                Break::None => {}
            }
        }
        if !self.prefix.is_empty() {
            if !self.out.is_empty() && self.pending == Break::None && !self.out.ends_with('\n') {
                self.out.push('\n');
            }
            self.out.push_str(&std::mem::take(&mut self.prefix));
        }
        self.pending = Break::None;
        self.space = false;
    }

    fn push(&mut self, c: char) {
        self.flush();
        self.out.push(c);
    }

    fn push_str(&mut self, s: &str) {
        self.flush();
        self.out.push_str(s);
    }
}

/// An open `<ul>` or `<ol>`.
#[derive(Debug)]
struct List {
    /// The next number, for `<ol>`.
    number: Option<i64>,
}

/// Kinds of list, for telling a continued list from a new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListKind {
    Bullet,
    Numbered,
    Word,
}

/// An open `<table>`: the cells of its current row.
#[derive(Debug, Default)]
struct TableState {
    row: Vec<(String, bool)>,
    cell_open: bool,
}

/// Containers whose content is not page text (vector graphics, templates, form options, media
/// fallbacks, Word's document properties): counted, not stacked, so misnesting cannot grow memory.
const HIDDEN: &[&str] = &["svg", "math", "template", "select", "datalist", "object", "video", "audio", "canvas", "map", "xml", "head"];

/// Elements that may appear in `<head>`; any other start tag ends an unclosed head.
const HEAD_CONTENT: &[&str] = &["head", "title", "meta", "link", "style", "script", "base", "noscript", "template", "xml", "html"];

/// Elements that start and end a paragraph.
const PARAGRAPH_BLOCKS: &[&str] = &[
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "aside", "blockquote", "header", "footer",
    "main", "nav", "address", "center", "details", "dialog", "summary", "figure", "figcaption", "fieldset", "legend",
    "form", "hgroup", "hr", "pre", "listing", "caption", "body", "html", "dl", "menu", "dir", "search",
];

/// Walks the tokens and writes the text.
#[derive(Debug, Default)]
struct Renderer {
    /// The document, then one sink per open table cell (innermost last); never empty.
    sinks: Vec<Sink>,
    tables: Vec<TableState>,
    /// `<table>`s opened beyond `MAX_TABLE_NESTING`, still to be closed.
    flat_tables: usize,
    lists: Vec<List>,
    hidden: [usize; HIDDEN.len()],
    pre: usize,
    /// A newline straight after `<pre>` is not content.
    pre_start: bool,
    title: String,
    /// Where the last list ended (sink, length): a list that starts right there continues it, as
    /// when Google Docs splits one numbered list into several `<ol start=N>`.
    list_end: Option<(usize, usize, ListKind)>,
    /// Word's list paragraphs (`class=MsoListParagraph...`, `mso-list:`): the open one, if any.
    word_item: bool,
    /// Set in a Word list paragraph until its marker ("·", "1.") has been read.
    word_marker: Option<String>,
    /// Depth of `<span style="mso-list:Ignore">` holding a Word list marker.
    ignore_span: usize,
}

/// Renders the HTML to text.
fn render(html: &str) -> Page {
    let mut r = Renderer { sinks: vec![Sink::default()], ..Default::default() };
    let mut lexer = Lexer::new(html);
    while let Some(token) = lexer.next_token() {
        match token {
            Token::Text(text) => r.text(text),
            Token::Start(tag) => r.start(&tag),
            Token::End(name) => r.end(&name),
            Token::Raw(name, text) => r.raw(name, text),
        }
    }
    r.finish()
}

impl Renderer {
    fn sink(&mut self) -> &mut Sink {
        if self.sinks.is_empty() {
            self.sinks.push(Sink::default());
        }
        let last = self.sinks.len() - 1;
        &mut self.sinks[last]
    }

    /// Browsers end an unclosed `<head>` at the first body element or text; so does this.
    fn close_head(&mut self) {
        if let Some(i) = HIDDEN.iter().position(|h| *h == "head") {
            self.hidden[i] = 0;
        }
    }

    fn hidden(&self) -> bool {
        self.hidden.iter().any(|&n| n > 0)
    }

    /// Asks for a break before the next text; inside a list, paragraphs are only lines, so
    /// `<li><p>item</p></li>` items stay one per line.
    fn request(&mut self, b: Break) {
        let b = if self.lists.is_empty() { b } else { b.min(Break::Line) };
        let sink = self.sink();
        sink.pending = sink.pending.max(b);
    }

    /// Character data: entities decoded, whitespace collapsed outside `<pre>`.
    fn text(&mut self, text: &str) {
        if !text.trim_matches(is_space).is_empty() {
            self.close_head();
        }
        if self.hidden() {
            return;
        }
        let mut rest = text;
        while let Some(c) = rest.chars().next() {
            let (c, len) = if c == '&' { entity(rest).unwrap_or(('&', 1)) } else { (c, c.len_utf8()) };
            rest = rest.get(len..).unwrap_or("");
            self.char(c);
        }
    }

    fn char(&mut self, c: char) {
        if self.pre_start {
            self.pre_start = false;
            if c == '\n' {
                return;
            }
        }
        if self.word_marker.is_some() && self.marker_char(c) {
            return;
        }
        if self.pre > 0 {
            match c {
                '\r' => {}
                '\n' => self.sink().push('\n'),
                '\u{A0}' => self.sink().push(' '),
                c => self.sink().push(c),
            }
        } else if is_space(c) {
            self.sink().space = true;
        } else if c != '\u{AD}' {
            self.sink().push(c);
        }
    }

    /// Collects a Word list marker; returns whether `c` was used up by it.
    fn marker_char(&mut self, c: char) -> bool {
        let in_ignore_span = self.ignore_span > 0;
        let Some(marker) = self.word_marker.as_mut() else { return false };
        if is_space(c) {
            // A marker swallows the spaces Word pads it with; other text keeps its space.
            return marker.is_empty() || in_ignore_span || self.end_marker();
        }
        if marker.chars().count() < 8 {
            marker.push(c);
            return true;
        }
        self.end_marker();
        false
    }

    /// Turns a collected Word list marker into a line prefix and returns true, or writes it back
    /// as text (the paragraph did not start with a marker) and returns false.
    fn end_marker(&mut self) -> bool {
        let Some(marker) = self.word_marker.take() else { return false };
        let numbered = marker.len() <= 6
            && marker.ends_with(['.', ')'])
            && marker.trim_end_matches(['.', ')']).trim_start_matches('(').chars().all(|c| c.is_ascii_alphanumeric());
        if BULLETS.contains(&marker.as_str()) {
            self.sink().prefix = "- ".into();
            true
        } else if numbered && marker.len() > 1 {
            self.sink().prefix = format!("{marker} ");
            true
        } else {
            for c in marker.chars() {
                self.char(c);
            }
            false
        }
    }

    fn raw(&mut self, name: &str, text: &str) {
        match name {
            "title" => {
                let mut title = Renderer { sinks: vec![Sink::default()], ..Default::default() };
                title.text(text);
                self.title = title.finish().body;
            }
            "textarea" | "plaintext" => {
                self.pre += 1;
                self.text(text);
                self.pre -= 1;
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: &Tag) {
        let name = tag.name.as_str();
        if !HEAD_CONTENT.contains(&name) {
            self.close_head();
        }
        if let Some(i) = HIDDEN.iter().position(|h| *h == name) {
            self.hidden[i] += 1;
            return;
        }
        if self.hidden() {
            return;
        }
        match name {
            "br" => self.line_break(),
            "ul" | "ol" => self.start_list(tag),
            "li" => self.start_item(tag),
            "dt" | "dd" => self.request(Break::Line),
            "table" => self.start_table(),
            "tr" => self.start_row(),
            "td" | "th" => self.start_cell(),
            "pre" | "listing" => {
                self.block(tag);
                self.pre += 1;
                self.pre_start = true;
            }
            "span" if self.word_marker.is_some() || self.ignore_span > 0 => {
                let style = tag.attr("style").unwrap_or("").to_ascii_lowercase();
                if self.ignore_span > 0 || style.replace(' ', "").contains("mso-list:ignore") {
                    self.ignore_span += 1;
                }
            }
            _ if PARAGRAPH_BLOCKS.contains(&name) => self.block(tag),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        if let Some(i) = HIDDEN.iter().position(|h| *h == name) {
            self.hidden[i] = self.hidden[i].saturating_sub(1);
            return;
        }
        if self.hidden() {
            return;
        }
        match name {
            "br" => self.line_break(),
            "ul" | "ol" => self.end_list(),
            "li" | "dt" | "dd" => self.request(Break::Line),
            "table" => self.end_table(),
            "tr" if self.flat_tables > 0 => self.request(Break::Line),
            "tr" => self.end_row(),
            "td" | "th" => self.end_cell(),
            "pre" | "listing" => {
                self.pre = self.pre.saturating_sub(1);
                self.end_block();
            }
            "span" if self.ignore_span > 0 => {
                self.ignore_span -= 1;
                if self.ignore_span == 0 {
                    self.end_marker();
                }
            }
            _ if PARAGRAPH_BLOCKS.contains(&name) => self.end_block(),
            _ => {}
        }
    }

    /// `<br>`: a line break; two in a row leave a blank line, as they do on screen.
    fn line_break(&mut self) {
        self.end_marker();
        let sink = self.sink();
        if !sink.out.is_empty() {
            sink.pending = if sink.pending >= Break::Line { Break::Paragraph } else { Break::Line };
        }
    }

    /// A paragraph-level element starts; Word list paragraphs become list items.
    fn block(&mut self, tag: &Tag) {
        self.end_word_item();
        let class = tag.attr("class").unwrap_or("").to_ascii_lowercase();
        let style = tag.attr("style").unwrap_or("").to_ascii_lowercase().replace(' ', "");
        let word_list = tag.name == "p"
            && (class.starts_with("msolistparagraph") || (style.contains("mso-list:") && !style.contains("mso-list:none")));
        self.request(Break::Paragraph);
        if word_list {
            self.continue_list(ListKind::Word);
            self.word_item = true;
            self.word_marker = Some(String::new());
        }
    }

    fn end_block(&mut self) {
        self.end_word_item();
        self.request(Break::Paragraph);
    }

    fn end_word_item(&mut self) {
        self.end_marker();
        if std::mem::take(&mut self.word_item) {
            self.mark_list_end(ListKind::Word);
        }
    }

    /// Remembers where a list ended, so a list of its kind starting right there continues it.
    fn mark_list_end(&mut self, kind: ListKind) {
        let at = (self.sinks.len(), self.sink().out.len(), kind);
        self.list_end = Some(at);
    }

    /// If nothing was written since the last list of this kind ended, the new one continues it
    /// line by line.
    fn continue_list(&mut self, kind: ListKind) {
        let at = (self.sinks.len(), self.sink().out.len(), kind);
        if self.list_end == Some(at) {
            let sink = self.sink();
            sink.pending = sink.pending.min(Break::Line);
        }
    }

    fn start_list(&mut self, tag: &Tag) {
        self.end_word_item();
        self.request(if self.lists.is_empty() { Break::Paragraph } else { Break::Line });
        let start: Option<i64> = tag.attr("start").and_then(|s| s.trim().parse().ok());
        // A numbered list that restarts at 1 is a new list, even straight after another.
        let kind = match tag.name.as_str() {
            "ol" if start.unwrap_or(1) == 1 => None,
            "ol" => Some(ListKind::Numbered),
            _ => Some(ListKind::Bullet),
        };
        if let (true, Some(kind)) = (self.lists.is_empty(), kind) {
            self.continue_list(kind);
        }
        let number = (tag.name == "ol").then(|| start.unwrap_or(1));
        self.lists.push(List { number });
    }

    fn end_list(&mut self) {
        if let Some(list) = self.lists.pop() {
            self.request(Break::Paragraph);
            if self.lists.is_empty() {
                self.mark_list_end(if list.number.is_some() { ListKind::Numbered } else { ListKind::Bullet });
            }
        }
    }

    fn start_item(&mut self, tag: &Tag) {
        self.end_word_item();
        self.request(Break::Line);
        let indent = "  ".repeat(self.lists.len().saturating_sub(1).min(MAX_LIST_INDENT));
        let value = tag.attr("value").and_then(|v| v.trim().parse::<i64>().ok());
        let marker = match self.lists.last_mut() {
            Some(List { number: Some(n) }) => {
                let this = value.unwrap_or(*n);
                *n = this.saturating_add(1);
                format!("{this}. ")
            }
            _ => "- ".to_string(),
        };
        self.sink().prefix = format!("{indent}{marker}");
    }

    fn start_table(&mut self) {
        self.end_word_item();
        if self.tables.len() >= MAX_TABLE_NESTING {
            self.flat_tables += 1;
            self.request(Break::Paragraph);
            return;
        }
        self.sink().has_table = true;
        self.request(Break::Paragraph);
        self.tables.push(TableState::default());
    }

    fn end_table(&mut self) {
        if self.flat_tables > 0 {
            self.flat_tables -= 1;
            self.request(Break::Paragraph);
            return;
        }
        if self.tables.is_empty() {
            return;
        }
        self.end_row();
        self.tables.pop();
        self.request(Break::Paragraph);
    }

    fn start_row(&mut self) {
        if self.flat_tables > 0 || self.tables.is_empty() {
            self.request(Break::Line);
            return;
        }
        self.end_row();
    }

    fn start_cell(&mut self) {
        if self.flat_tables > 0 || self.tables.is_empty() {
            self.sink().space = true;
            return;
        }
        self.end_cell();
        if let Some(table) = self.tables.last_mut() {
            table.cell_open = true;
        }
        self.sinks.push(Sink::default());
    }

    fn end_cell(&mut self) {
        self.end_word_item();
        let Some(table) = self.tables.last_mut() else { return };
        if !std::mem::take(&mut table.cell_open) || self.sinks.len() < 2 {
            return;
        }
        if let Some(cell) = self.sinks.pop()
            && let Some(table) = self.tables.last_mut()
        {
            table.row.push((tidy(&cell.out), cell.has_table));
        }
    }

    /// Writes the current row: a data row as one line of cells joined by " | "; a layout row (one
    /// cell with text, or a table inside) as the cells' own paragraphs.
    fn end_row(&mut self) {
        if self.flat_tables > 0 {
            return;
        }
        self.end_cell();
        let Some(table) = self.tables.last_mut() else { return };
        let mut row = std::mem::take(&mut table.row);
        while row.last().is_some_and(|(text, _)| text.is_empty()) {
            row.pop();
        }
        let filled = row.iter().filter(|(text, _)| !text.is_empty()).count();
        if filled == 0 {
            return;
        }
        if filled >= 2 && row.iter().all(|(_, nested)| !nested) {
            let cells: Vec<String> = row.iter().map(|(text, _)| text.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
            self.request(Break::Line);
            self.sink().push_str(&cells.join(" | "));
        } else {
            for (text, _) in row.iter().filter(|(text, _)| !text.is_empty()) {
                self.request(Break::Paragraph);
                self.sink().push_str(text);
                self.request(Break::Paragraph);
            }
        }
    }

    /// Closes whatever is still open and tidies the text.
    fn finish(mut self) -> Page {
        self.end_word_item();
        while !self.tables.is_empty() {
            self.flat_tables = 0;
            self.end_table();
        }
        let body = self.sinks.first().map(|s| tidy(&s.out)).unwrap_or_default();
        Page { body, title: tidy(&self.title) }
    }
}

/// Word's and LibreOffice's bullet glyphs (Symbol `·`, Courier `o`, Wingdings `§`, private-use).
const BULLETS: &[&str] = &["·", "•", "o", "§", "▪", "■", "□", "◦", "●", "○", "-", "–", "—", "*", "", "", "", "", "➢", "✓", "Ø", "ü"];

/// HTML whitespace, plus the no-break space: in plain text it is just a space.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C' | '\u{A0}')
}

/// Trailing spaces removed from every line, at most one blank line in a row, no blank lines at
/// the start or end, and a final newline.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    let mut blank = false;
    for line in text.split('\n') {
        let line = line.trim_end();
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push('\n');
            blank = false;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        extract(html.as_bytes()).expect("extracts").text
    }

    #[test]
    fn paragraphs_headings_and_breaks_follow_the_text_rules() {
        let html = "<html><head><title>Visit</title><style>p { color: red }</style><script>if (a < b) { x('<p>'); }</script></head>\
            <body><h1>Home  visit\n 3</h1><p>First   line<br>second line</p><div><div><p>Deep</p></div></div>\
            <p>Two<br><br>breaks</p><!-- a comment <p>hidden</p> --><hr><p>End.</p></body></html>";
        assert_eq!(text(html), "Home visit 3\n\nFirst line\nsecond line\n\nDeep\n\nTwo\n\nbreaks\n\nEnd.\n");
    }

    #[test]
    fn bold_speaker_labels_read_as_name_colon_text() {
        let html = "<p><b>Dana:</b> Hello there.</p><p><strong>Interviewer</strong>: And you?</p><p><span class=c1><b>[00:01:02] Zoë:</b></span><span> Fine.</span></p>";
        assert_eq!(text(html), "Dana: Hello there.\n\nInterviewer: And you?\n\n[00:01:02] Zoë: Fine.\n");
    }

    #[test]
    fn lists_are_one_item_per_line_and_ordered_lists_are_numbered() {
        let html = "<p>Before</p><ul><li>One<li><p>Two</p></li><li>Three<ul><li>Nested</li></ul></li></ul>\
            <ol start=3><li>Third</li><li value=7>Seventh</li><li>Eighth</ol><p>After</p>";
        assert_eq!(text(html), "Before\n\n- One\n- Two\n- Three\n  - Nested\n\n3. Third\n7. Seventh\n8. Eighth\n\nAfter\n");
    }

    #[test]
    fn google_docs_split_numbered_lists_stay_one_list() {
        let html = r#"<ol class="lst-kix_a-0 start" start="1"><li class="c2 li-bullet-0"><span class="c0">First</span></li></ol><ol class="lst-kix_a-0" start="2"><li class="c2"><span class="c0">Second</span></li></ol><p class="c1"><span>Next</span></p>"#;
        assert_eq!(text(html), "1. First\n2. Second\n\nNext\n");
    }

    #[test]
    fn table_rows_become_lines_of_cells() {
        let html = "<p>Log:</p><table><thead><tr><th>Date</th><th>Contact</th><th></th></tr></thead>\
            <tr><td><p>06/02</p></td><td>Home<br>visit</td><td>Both present</td></tr><tr><td>13/02<td>Call<td>Rang</table><p>Next</p>";
        assert_eq!(text(html), "Log:\n\nDate | Contact\n06/02 | Home visit | Both present\n13/02 | Call | Rang\n\nNext\n");
    }

    #[test]
    fn layout_tables_keep_their_paragraphs() {
        let html = "<table><tr><td><p>Dana: One.</p><p>Priya: Two.</p></td></tr><tr><td>Solo</td><td></td></tr></table>";
        assert_eq!(text(html), "Dana: One.\n\nPriya: Two.\n\nSolo\n");
    }

    #[test]
    fn pre_keeps_its_whitespace() {
        let html = "<p>Note</p><pre>\n  Dana:  one\n    two  \n</pre><p>x  y</p>";
        assert_eq!(text(html), "Note\n\n  Dana:  one\n    two\n\nx y\n");
    }

    #[test]
    fn entities_named_numeric_and_legacy() {
        let html = "<p>caf&eacute; &amp; na&iuml;ve &ndash; &mdash; &lsquo;a&rsquo; &ldquo;b&rdquo; &hellip; &#233;&#xE9;&#X41; &#150; &copy2024 AT&T &bogus; &#; &lt;p&gt; &nbsp;x&nbsp;&nbsp;y &Sigma;&omega; &euro;5</p>";
        assert_eq!(text(html), "café & naïve – — ‘a’ “b” … ééA – ©2024 AT&T &bogus; &#; <p> x y Σω €5\n");
    }

    #[test]
    fn word_export_list_paragraphs_become_items() {
        // The shape of Word's "Save as Web Page" list paragraphs (filtered and unfiltered).
        let html = "<div class=WordSection1><p class=MsoNormal><b>Support received<o:p></o:p></b></p>\n\
            <p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span\n\
            style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;\n\
            </span></span></span><![endif]>Weekly visits<o:p></o:p></p>\n\
            <p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt'><span style='font-family:Symbol'>·<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span>Parenting group</p>\n\
            <p class=MsoListParagraph style='margin-left:36.0pt;text-indent:-18.0pt'><span>1.<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span>Numbered</p>\n\
            <p class=MsoListParagraph>Ordinary words in a list style</p>\n\
            <p class=MsoNormal><span lang=EN-GB style='font-size:11.0pt'>After the list.</span></p></div>";
        assert_eq!(text(html), "Support received\n\n- Weekly visits\n- Parenting group\n1. Numbered\nOrdinary words in a list style\n\nAfter the list.\n");
    }

    #[test]
    fn misnested_and_unclosed_tags_do_not_lose_text() {
        let html = "<p>One <b>bold <i>both</b> italic</i> <p>Two <div>Three</span></p></div></td></tr></table></ul> Four <a href='x>y'>link</a> 3 < 4 <";
        assert_eq!(text(html), "One bold both italic\n\nTwo\n\nThree\n\nFour link 3 < 4 <\n");
    }

    #[test]
    fn hidden_content_is_skipped() {
        let html = "<head><title>T</title><meta name=x content=y></head><body><svg><text>chart</text></svg>\
            <select><option>Opt</option></select><noscript>Enable JS</noscript><template><p>tpl</p></template>\
            <!--[if gte mso 9]><xml><o:Author>Someone</o:Author></xml><![endif]--><p>Shown</p></body>";
        assert_eq!(text(html), "Shown\n");
    }

    #[test]
    fn an_unclosed_head_ends_at_the_body_text() {
        assert_eq!(text("<html><head><title>T</title><p>Body text"), "Body text\n");
        assert_eq!(text("<head><meta charset=utf-8>Loose text"), "Loose text\n");
    }

    #[test]
    fn the_title_is_used_only_when_the_body_is_empty() {
        assert_eq!(text("<title>Visit &amp; notes</title><body> </body>"), "Visit & notes\n");
        assert!(matches!(extract(b"<html><body><div><br></div></body></html>"), Err(ImportError::NoText(m)) if m.contains("no text")));
    }

    #[test]
    fn the_declared_charset_is_used_and_reported() {
        let bytes = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><p>Ren\xe9e \x96 caf\xe9</p>";
        let got = extract(bytes).expect("decodes");
        assert_eq!((got.text.as_str(), got.encoding.as_str()), ("Renée – café\n", "windows-1252"));
        let got = extract(b"<meta charset='iso-8859-1'><p>Zo\xeb</p>").expect("decodes");
        assert_eq!((got.text.as_str(), got.encoding.as_str()), ("Zoë\n", "windows-1252"));
        let got = extract("<meta charset=iso-8859-1><p>Zoë</p>".as_bytes()).expect("decodes");
        assert_eq!((got.text.as_str(), got.encoding.as_str()), ("Zoë\n", "UTF-8"), "re-saved as UTF-8 under an old label");
        let got = extract("<meta charset=\"utf-16\"><p>José</p>".as_bytes()).expect("decodes");
        assert_eq!(got.encoding, "UTF-8");
    }

    #[test]
    fn boms_and_legacy_bytes_without_a_charset() {
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain("<p>Zoë</p>".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let got = extract(&le).expect("decodes");
        assert_eq!((got.text.as_str(), got.encoding.as_str()), ("Zoë\n", "UTF-16LE"));
        let got = extract(b"<p>Le caf\xe9 \x96 na\xefve, d\xe9j\xe0 vu, tr\xe8s \xe9l\xe9gant.</p>").expect("decodes");
        assert_eq!((got.text.as_str(), got.encoding.as_str()), ("Le café – naïve, déjà vu, très élégant.\n", "windows-1252"));
    }

    #[test]
    fn bad_bytes_give_reasons_not_panics() {
        assert_eq!(extract(b""), Err(ImportError::Text(TextError::Empty)));
        assert!(matches!(extract(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR<p>x</p>"), Err(ImportError::Text(TextError::Binary { .. }))));
        assert!(matches!(extract(b"<html><head></head><body></body></html>"), Err(ImportError::NoText(_))));
        let deep = format!("{}Deep text{}", "<div>".repeat(10_000), "</div>".repeat(10_000));
        assert_eq!(text(&deep), "Deep text\n");
        let tables = format!("{}Cell{}", "<table><tr><td>".repeat(200), "</td></tr></table>".repeat(200));
        assert_eq!(text(&tables), "Cell\n");
        let lists = format!("{}Item", "<ul><li>".repeat(10_000));
        assert_eq!(text(&lists).trim_start(), "- Item\n");
        for cut in ["<p", "<p class='x", "<!-- open", "&#x", "&", "<script>never closed", "</", "<a href=\"", "<![CDATA["] {
            let _ = extract(format!("<p>ok</p>{cut}").as_bytes());
        }
    }

    #[test]
    fn the_tokenizer_never_panics_on_odd_input() {
        // Every prefix of a tricky document, cut at every char boundary.
        let doc = "<p a=1 b='2' c=\"3\" d =4 =e>é&eacute;&#x1F600;&#55296;<br/><td>ü</td><li>🙂</li><ol start=-5><li>x</ol></p>";
        for (i, _) in doc.char_indices() {
            let _ = extract(&doc.as_bytes()[..i]);
        }
        assert_eq!(text("&#55296;&#0;&#x110000;"), "\u{FFFD}\u{FFFD}\u{FFFD}\n");
    }
}
