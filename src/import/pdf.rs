//! .pdf import: the bytes of a PDF in, the text of its text layer out, with the char offset where each page
//! starts (so excerpts can be cited by page).
//!
//! pdf-extract (on lopdf) interprets each page's content stream and reports every glyph with its position;
//! [`Collector`] turns glyphs into lines, and [`page_text`] turns lines into paragraphs wherever the vertical gap
//! between two lines is clearly larger than the document's usual line spacing. Pages are joined with a blank
//! line, so a page break is also a paragraph break. Nothing is reflowed: a soft line break stays a `\n`, and
//! hyphenated line ends are kept, because joining them wrongly would change the words researchers quote.
//!
//! pdf-extract was written for well-formed files: it panics on many damaged ones and recurses without limit
//! through self-referencing drawings or page trees. So the document is loaded and checked here first
//! (encryption, page-tree and drawing cycles, images), the extraction runs under `catch_unwind`, and every
//! failure becomes an [`ImportError`] that says what is wrong with the file.

use super::{Extracted, ImportError};
use crate::text::TextError;
use pdf_extract::{Dictionary, Document, MediaBox, Object, ObjectId, OutputDev, OutputError, Transform};
use std::cell::Cell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

/// Largest PDF accepted. Loading keeps the whole file and its parsed objects in memory.
const MAX_PDF_BYTES: usize = 200 * 1024 * 1024;
/// Most chars of text accepted from one PDF (a 1,000-page book has about 3 million).
const MAX_TEXT_CHARS: usize = 50_000_000;
/// Deepest nesting of drawings (form XObjects) followed; real documents nest a handful.
const MAX_FORM_NESTING: usize = 64;
/// Longest chain of page-tree parents followed to find a page's inherited resources.
const MAX_PARENT_CHAIN: usize = 256;
/// Most chars of a panic message quoted in an error.
const MAX_PANIC_CHARS: usize = 160;

/// Extracts the text layer, one page after another, with the char offset where each page starts.
pub(super) fn extract(bytes: &[u8]) -> Result<Extracted, ImportError> {
    if bytes.len() > MAX_PDF_BYTES {
        return Err(ImportError::TooLarge(format!(
            "the PDF is {} MB, over the limit of {} MB",
            bytes.len() / (1024 * 1024),
            MAX_PDF_BYTES / (1024 * 1024)
        )));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Text(TextError::Empty));
    }
    if !bytes.starts_with(b"%PDF") {
        return Err(ImportError::Malformed("it does not start with %PDF, so it is not a PDF file".into()));
    }
    let mut doc = load(bytes)?;
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(ImportError::Malformed("the PDF has no pages (it is damaged or incomplete)".into()));
    }
    check_page_tree(&doc, &pages)?;
    blank_out_images(&mut doc);
    check_form_nesting(&doc, &pages)?;
    let lines = read_lines(&doc, pages.len())?;
    let (text, page_starts) = join_pages(&lines);
    if text.is_empty() {
        return Err(ImportError::NoText(
            "the PDF has no text layer (it is probably a scanned image; run OCR first)".into(),
        ));
    }
    Ok(Extracted { text, encoding: "PDF".into(), page_starts: Some(page_starts), turns: Vec::new() })
}

/// Parses the file and refuses it if it needs a password to read.
fn load(bytes: &[u8]) -> Result<Document, ImportError> {
    let doc = match quietly(|| Document::load_mem(bytes)) {
        Ok(Ok(doc)) => doc,
        Ok(Err(e)) => return Err(ImportError::Malformed(format!("the PDF is damaged or incomplete ({e})"))),
        Err(message) => return Err(unreadable(&message)),
    };
    // lopdf opens files whose user password is empty (only copying or printing is restricted) by itself;
    // for the rest it leaves the objects unread and records no encryption state.
    if doc.trailer.get(b"Encrypt").is_ok() && doc.encryption_state.is_none() {
        return Err(ImportError::Malformed("it is encrypted; remove the password and import again".into()));
    }
    Ok(doc)
}

/// The error for a file that made pdf-extract or lopdf panic.
fn unreadable(message: &str) -> ImportError {
    ImportError::Malformed(format!("the PDF is damaged or uses features Thicket cannot read ({message})"))
}

// --- Panics -------------------------------------------------------------------------------------------------

thread_local! {
    /// Set while this thread runs PDF code whose panics are expected and reported as errors.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f`, turning a panic into its message. The panic is not printed: the caller reports it as an error.
///
/// Silencing needs a panic hook, which is process-wide; the one installed (once) only skips panics on a thread
/// that is inside this function and hands every other panic to the hook that was there before.
fn quietly<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.try_with(Cell::get).unwrap_or(false) {
                previous(info);
            }
        }));
    });
    let was_quiet = QUIET.with(|q| q.replace(true));
    let result = catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was_quiet));
    result.map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unexpected internal error".into());
        shorten(&message)
    })
}

/// The first line of a message, cut to [`MAX_PANIC_CHARS`].
fn shorten(message: &str) -> String {
    let line = message.lines().next().unwrap_or("").trim();
    if line.chars().count() <= MAX_PANIC_CHARS {
        return line.to_string();
    }
    let mut cut: String = line.chars().take(MAX_PANIC_CHARS).collect();
    cut.push('…');
    cut
}

// --- Checks before extraction -------------------------------------------------------------------------------

/// Refuses page trees whose parent links loop: pdf-extract follows them recursively to find inherited
/// resources, and a loop would overflow the stack (which aborts the process rather than panicking).
fn check_page_tree(doc: &Document, pages: &BTreeMap<u32, ObjectId>) -> Result<(), ImportError> {
    let mut known_good: HashSet<ObjectId> = HashSet::new();
    for &page in pages.values() {
        let mut chain = Vec::new();
        let mut node = Some(page);
        while let Some(id) = node {
            if known_good.contains(&id) {
                break;
            }
            if chain.contains(&id) || chain.len() >= MAX_PARENT_CHAIN {
                return Err(ImportError::Malformed(
                    "its page tree loops back on itself or is nested too deeply (the PDF is damaged)".into(),
                ));
            }
            chain.push(id);
            node = doc.get_dictionary(id).ok().and_then(|d| d.get(b"Parent").ok()).and_then(|p| p.as_reference().ok());
        }
        known_good.extend(chain);
    }
    Ok(())
}

/// Empties image streams. pdf-extract interprets any drawn object as page content, so an image would be
/// decompressed and parsed as drawing instructions: slow, and a source of panics on scanned PDFs.
fn blank_out_images(doc: &mut Document) {
    for object in doc.objects.values_mut() {
        if let Object::Stream(stream) = object
            && stream.dict.get(b"Subtype").and_then(Object::as_name).is_ok_and(|s| s == b"Image")
        {
            stream.set_plain_content(Vec::new());
        }
    }
}

/// A drawing (form XObject) drawn with a given set of resources: pdf-extract resolves the names a drawing uses
/// in its own resources or, if it has none, in those of whatever drew it.
type FormUse = (ObjectId, usize);

/// Refuses drawings that draw themselves, directly or through others, or nest deeper than
/// [`MAX_FORM_NESTING`]: pdf-extract follows them recursively and would overflow the stack.
fn check_form_nesting(doc: &Document, pages: &BTreeMap<u32, ObjectId>) -> Result<(), ImportError> {
    let mut walk = FormWalk { doc, names: HashMap::new(), done: HashSet::new() };
    let empty = Dictionary::new();
    for &page in pages.values() {
        let resources = inherited_resources(doc, page).unwrap_or(&empty);
        // A page may draw any drawing its resources name; reading its content just to narrow that down
        // would double the work for every page.
        for child in walk.forms_named(resources, None) {
            walk.visit(child)?;
        }
    }
    Ok(())
}

/// The state of [`check_form_nesting`]'s depth-first walk.
struct FormWalk<'a> {
    doc: &'a Document,
    /// The names each drawing invokes with `Do`, read once per drawing.
    names: HashMap<ObjectId, Vec<Vec<u8>>>,
    /// Uses whose whole subtree has been checked.
    done: HashSet<FormUse>,
}

impl<'a> FormWalk<'a> {
    /// Walks everything `start` draws, without recursion (the nesting under test may be deep).
    fn visit(&mut self, start: (ObjectId, &'a Dictionary)) -> Result<(), ImportError> {
        let key = |(id, res): (ObjectId, &Dictionary)| (id, std::ptr::from_ref(res) as usize);
        if self.done.contains(&key(start)) {
            return Ok(());
        }
        let mut path: Vec<(FormUse, Vec<(ObjectId, &'a Dictionary)>)> = vec![(key(start), self.children(start))];
        while let Some((_, children)) = path.last_mut() {
            let Some(child) = children.pop() else {
                if let Some((finished, _)) = path.pop() {
                    self.done.insert(finished);
                }
                continue;
            };
            let child_key = key(child);
            if self.done.contains(&child_key) {
                continue;
            }
            if path.iter().any(|(k, _)| *k == child_key) {
                return Err(ImportError::Malformed(
                    "a drawing in it contains itself (the PDF is damaged or deliberately malformed)".into(),
                ));
            }
            if path.len() >= MAX_FORM_NESTING {
                return Err(ImportError::Malformed(format!(
                    "its drawings are nested too deeply (over {MAX_FORM_NESTING} levels)"
                )));
            }
            let grandchildren = self.children(child);
            path.push((child_key, grandchildren));
        }
        Ok(())
    }

    /// The drawings `form` invokes, each with the resources it will be drawn with.
    fn children(&mut self, (form, inherited): (ObjectId, &'a Dictionary)) -> Vec<(ObjectId, &'a Dictionary)> {
        let Ok(stream) = self.doc.get_object(form).and_then(Object::as_stream) else { return Vec::new() };
        let own = stream.dict.get(b"Resources").ok().and_then(|r| self.deref(r)).and_then(|r| r.as_dict().ok());
        let resources = own.unwrap_or(inherited);
        let doc = self.doc;
        let names = self.names.entry(form).or_insert_with(|| drawn_names(doc, form));
        let names = names.clone();
        self.forms_named(resources, Some(&names))
    }

    /// The streams `resources` names as XObjects (only those in `names`, if given), with the resources each
    /// is drawn with.
    fn forms_named(&self, resources: &'a Dictionary, names: Option<&[Vec<u8>]>) -> Vec<(ObjectId, &'a Dictionary)> {
        let Some(xobjects) = resources.get(b"XObject").ok().and_then(|x| self.deref(x)).and_then(|x| x.as_dict().ok())
        else {
            return Vec::new();
        };
        xobjects
            .iter()
            .filter(|(name, _)| names.is_none_or(|n| n.iter().any(|m| m == *name)))
            .filter_map(|(_, value)| value.as_reference().ok())
            .filter(|id| self.doc.get_object(*id).and_then(Object::as_stream).is_ok())
            .map(|id| (id, resources))
            .collect()
    }

    /// Follows one reference, as pdf-extract does.
    fn deref(&self, object: &'a Object) -> Option<&'a Object> {
        match object {
            Object::Reference(id) => self.doc.get_object(*id).ok(),
            other => Some(other),
        }
    }
}

/// The XObject names a stream draws with `Do`; none if its content cannot be read.
fn drawn_names(doc: &Document, id: ObjectId) -> Vec<Vec<u8>> {
    let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else { return Vec::new() };
    let data = if stream.filters().is_ok() {
        stream.decompressed_content().unwrap_or_else(|_| stream.content.clone())
    } else {
        stream.content.clone()
    };
    let Ok(content) = pdf_extract::content::Content::decode(&data) else { return Vec::new() };
    content
        .operations
        .iter()
        .filter(|op| op.operator == "Do")
        .filter_map(|op| op.operands.first().and_then(|o| o.as_name().ok()).map(<[u8]>::to_vec))
        .collect()
}

/// A page's resources, inherited from the page tree as pdf-extract looks them up.
fn inherited_resources(doc: &Document, page: ObjectId) -> Option<&Dictionary> {
    let mut node = doc.get_dictionary(page).ok()?;
    for _ in 0..MAX_PARENT_CHAIN {
        if let Ok(resources) = node.get(b"Resources") {
            return match resources {
                Object::Reference(id) => doc.get_dictionary(*id).ok(),
                other => other.as_dict().ok(),
            };
        }
        node = doc.get_dictionary(node.get(b"Parent").ok()?.as_reference().ok()?).ok()?;
    }
    None
}

// --- Extraction ---------------------------------------------------------------------------------------------

/// One line of text as drawn: where its first glyph sits and how large the type is.
#[derive(Debug, Clone, PartialEq)]
struct Line {
    /// Baseline of the first glyph, in points, growing down the page.
    y: f64,
    /// Largest type size on the line, in points.
    size: f64,
    /// The line's text, spaces collapsed.
    text: String,
}

/// Runs pdf-extract over every page and returns each page's lines.
fn read_lines(doc: &Document, page_count: usize) -> Result<Vec<Vec<Line>>, ImportError> {
    let mut collector = Collector::default();
    let outcome = quietly(|| pdf_extract::output_doc(doc, &mut collector));
    let failure = match outcome {
        Ok(Ok(())) => None,
        Ok(Err(_)) if collector.too_much => {
            return Err(ImportError::TooLarge(format!(
                "the PDF holds more than {MAX_TEXT_CHARS} characters of text, over Thicket's limit for one source"
            )));
        }
        Ok(Err(e)) => Some(e.to_string()),
        Err(message) => Some(message),
    };
    if let Some(reason) = failure {
        let page = collector.pages.len().max(1);
        return Err(unreadable(&format!("stopped on page {page} of {page_count}: {reason}")));
    }
    let mut pages = collector.pages;
    pages.resize(page_count, Vec::new());
    Ok(pages)
}

/// Receives glyphs from pdf-extract and groups them into lines, page by page.
#[derive(Default)]
struct Collector {
    pages: Vec<Vec<Line>>,
    /// Where the last glyph ended horizontally, in points.
    last_end: f64,
    /// Chars collected so far, to stop at [`MAX_TEXT_CHARS`].
    chars: usize,
    /// Set when extraction was stopped for exceeding [`MAX_TEXT_CHARS`].
    too_much: bool,
}

impl Collector {
    /// Adds one glyph's text at (`x`, `y`) in type of `size` points, `advance` points wide.
    fn add(&mut self, x: f64, y: f64, size: f64, advance: f64, glyph: &str) {
        let Some(lines) = self.pages.last_mut() else { return };
        let new_line = match lines.last() {
            None => true,
            Some(line) => (y - line.y).abs() > 0.5 * size.max(line.size),
        };
        if new_line {
            lines.push(Line { y, size, text: String::new() });
        } else if x > self.last_end + 0.1 * size {
            // A gap wider than a tenth of an em is a space the PDF did not draw as a glyph.
            push_space(lines);
        }
        let Some(line) = lines.last_mut() else { return };
        line.size = line.size.max(size);
        for c in glyph.chars() {
            if c == ' ' || c == '\t' {
                push_space(lines);
            } else if !c.is_control() {
                if let Some(line) = lines.last_mut() {
                    line.text.push(c);
                }
                self.chars += 1;
            }
        }
        self.last_end = x + advance;
    }
}

/// Adds one space to the current line, unless it is empty or already ends with one.
fn push_space(lines: &mut [Line]) {
    if let Some(line) = lines.last_mut()
        && !line.text.is_empty()
        && !line.text.ends_with(' ')
    {
        line.text.push(' ');
    }
}

impl OutputDev for Collector {
    fn begin_page(&mut self, _page: u32, _media_box: &MediaBox, _art_box: Option<(f64, f64, f64, f64)>) -> Result<(), OutputError> {
        self.pages.push(Vec::new());
        self.last_end = 0.0;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(&mut self, trm: &Transform, width: f64, _spacing: f64, font_size: f64, glyph: &str) -> Result<(), OutputError> {
        // The text rendering matrix maps glyph space to the page; its determinant scales areas, so its
        // square root is the factor from the nominal type size to the size on the page.
        let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let size = if (font_size * scale).is_finite() && font_size * scale > 0.0 { font_size * scale } else { 1.0 };
        let (x, y) = (trm.m31, -trm.m32);
        if !(x.is_finite() && y.is_finite()) {
            return Ok(());
        }
        self.add(x, y, size, width * size, glyph);
        if self.chars > MAX_TEXT_CHARS {
            self.too_much = true;
            return Err(OutputError::FormatError(std::fmt::Error));
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

// --- Layout -------------------------------------------------------------------------------------------------

/// How much larger than the usual line spacing a gap must be to start a new paragraph.
const PARAGRAPH_GAP_FACTOR: f64 = 1.25;
/// A gap (in multiples of the type size) larger than any line spacing used within a paragraph, even double
/// spacing (about 2.4): for documents whose paragraphs are all one line long, so the usual spacing is theirs.
const PARAGRAPH_GAP_ALWAYS: f64 = 2.8;
/// Glyphs that mark list items when they start a line. The private-use ones are the bullets of the Symbol,
/// Wingdings and OpenSymbol fonts, which many PDFs map to no real character.
const BULLETS: &[char] = &[
    '•', '◦', '▪', '▫', '‣', '⁃', '●', '○', '■', '□', '◆', '◇', '➢', '➤', '✓', '✔',
    '\u{F0B7}', '\u{F0A7}', '\u{F095}', '\u{F076}', '\u{F0D8}', '\u{F0FC}', '\u{F0A8}', '\u{F06E}',
];

/// Joins the pages' text with blank lines and records the char offset where each page starts. A page without
/// text starts where the next text starts (or at the end), so every page has an entry.
fn join_pages(pages: &[Vec<Line>]) -> (String, Vec<usize>) {
    let spacing = usual_spacing(pages);
    let mut text = String::new();
    let mut chars = 0;
    let mut starts = Vec::with_capacity(pages.len());
    let mut pending_break = false;
    for lines in pages {
        let page = page_text(lines, spacing);
        if page.is_empty() {
            starts.push(chars + if pending_break { 2 } else { 0 });
            continue;
        }
        if pending_break {
            text.push_str("\n\n");
            chars += 2;
        }
        starts.push(chars);
        chars += page.chars().count();
        text.push_str(&page);
        pending_break = true;
    }
    // Empty pages at the end start at the end of the text, not after a break that never came.
    for start in &mut starts {
        *start = (*start).min(chars);
    }
    (text, starts)
}

/// The distance between two lines' baselines, as a multiple of their (mean) type size.
fn gap(above: &Line, below: &Line) -> f64 {
    (below.y - above.y) / ((above.size + below.size) / 2.0)
}

/// The document's usual distance between consecutive lines of a paragraph, as a multiple of the type size:
/// the smallest spacing that recurs, so that one tightly set pair of lines does not decide it.
fn usual_spacing(pages: &[Vec<Line>]) -> Option<f64> {
    let mut gaps: Vec<f64> = pages
        .iter()
        .flat_map(|lines| lines.windows(2))
        .filter_map(|pair| match pair {
            [a, b] => Some(gap(a, b)),
            _ => None,
        })
        .filter(|g| g.is_finite() && *g > 0.5)
        .collect();
    gaps.sort_by(f64::total_cmp);
    let needed = (gaps.len() / 10).max(2).min(gaps.len());
    (0..gaps.len()).find(|&i| gaps[i..].iter().take_while(|g| **g <= gaps[i] * 1.08).count() >= needed).map(|i| gaps[i])
}

/// One page's text: lines joined with `\n`, and with a blank line where the gap to the next line is clearly
/// larger than the usual spacing (or the text jumps back up the page, e.g. to a new column). Consecutive list
/// items stay on consecutive lines.
fn page_text(lines: &[Line], spacing: Option<f64>) -> String {
    let mut text = String::new();
    let mut previous: Option<&Line> = None;
    let mut in_list_item = false;
    for line in lines {
        let (item, trimmed) = match list_item(line.text.trim()) {
            Some(rest) => (true, rest),
            None => (false, line.text.trim()),
        };
        if trimmed.is_empty() {
            continue;
        }
        if let Some(prev) = previous {
            let g = gap(prev, line);
            let new_paragraph = g < 0.0 || g > PARAGRAPH_GAP_ALWAYS || spacing.is_some_and(|s| g > s * PARAGRAPH_GAP_FACTOR);
            text.push_str(if new_paragraph && !(item && in_list_item) { "\n\n" } else { "\n" });
            if new_paragraph || item {
                in_list_item = item;
            }
        } else {
            in_list_item = item;
        }
        if item {
            text.push_str("- ");
        }
        text.push_str(trimmed);
        previous = Some(line);
    }
    text
}

/// The text of a line that starts with a bullet glyph, after the bullet.
fn list_item(line: &str) -> Option<&str> {
    let rest = line.strip_prefix(BULLETS)?;
    let item = rest.trim_start();
    (item.len() < rest.len() || rest.starts_with(char::is_alphanumeric)).then_some(item).filter(|i| !i.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use pdf_extract::Stream;

    /// A PDF built with lopdf: one page per content stream, Helvetica as `/F1`, resources on the page tree;
    /// `tweak` may change the document (ids: the page tree, then the pages) before it is saved.
    fn pdf(contents: &[&str], tweak: impl FnOnce(&mut Document, ObjectId, &[ObjectId])) -> Vec<u8> {
        let name = |s: &str| Object::Name(s.as_bytes().to_vec());
        let mut doc = Document::with_version("1.5");
        let tree = doc.new_object_id();
        let mut font = Dictionary::new();
        font.set("Type", name("Font"));
        font.set("Subtype", name("Type1"));
        font.set("BaseFont", name("Helvetica"));
        let font = doc.add_object(font);
        let mut fonts = Dictionary::new();
        fonts.set("F1", Object::Reference(font));
        let mut resources = Dictionary::new();
        resources.set("Font", Object::Dictionary(fonts));
        let mut pages = Vec::new();
        for content in contents {
            let content = doc.add_object(Stream::new(Dictionary::new(), content.as_bytes().to_vec()));
            let mut page = Dictionary::new();
            page.set("Type", name("Page"));
            page.set("Parent", Object::Reference(tree));
            page.set("Contents", Object::Reference(content));
            pages.push(doc.add_object(page));
        }
        let mut node = Dictionary::new();
        node.set("Type", name("Pages"));
        node.set("Kids", Object::Array(pages.iter().map(|p| Object::Reference(*p)).collect()));
        node.set("Count", Object::Integer(pages.len() as i64));
        node.set("Resources", Object::Dictionary(resources));
        node.set("MediaBox", Object::Array(vec![0.into(), 0.into(), 595.into(), 842.into()]));
        doc.objects.insert(tree, Object::Dictionary(node));
        let mut catalog = Dictionary::new();
        catalog.set("Type", name("Catalog"));
        catalog.set("Pages", Object::Reference(tree));
        let catalog = doc.add_object(catalog);
        doc.trailer.set("Root", Object::Reference(catalog));
        tweak(&mut doc, tree, &pages);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).expect("saves");
        bytes
    }

    /// Text drawn line by line at 12 pt, each line `gap` points below the previous one.
    fn lines(rows: &[(f64, &str)]) -> String {
        let mut content = String::from("BT /F1 12 Tf 72 750 Td ");
        for (gap, text) in rows {
            content.push_str(&format!("0 {} Td ({text}) Tj ", -gap));
        }
        content.push_str("ET");
        content
    }

    fn text_of(bytes: &[u8]) -> Extracted {
        extract(bytes).expect("extracts")
    }

    fn malformed(bytes: &[u8]) -> String {
        match extract(bytes) {
            Err(ImportError::Malformed(reason)) => reason,
            other => panic!("expected Malformed, got {other:?}"),
        }
    }

    #[test]
    fn wider_gaps_between_lines_become_paragraph_breaks() {
        let content = lines(&[
            (0.0, "Dana: How did the"),
            (14.0, "visit go?"),
            (24.0, "Zo\\353: Better than"),
            (14.0, "last time."),
            (14.0, "Much better."),
            (24.0, "Dana: Good."),
        ]);
        let e = text_of(&pdf(&[&content], |_, _, _| {}));
        assert_eq!(e.text, "Dana: How did the\nvisit go?\n\nZoë: Better than\nlast time.\nMuch better.\n\nDana: Good.");
        assert_eq!(e.page_starts, Some(vec![0]));
        assert_eq!(e.encoding, "PDF");
    }

    #[test]
    fn spaces_are_collapsed_and_gaps_without_a_space_glyph_become_one() {
        let content = "BT /F1 12 Tf 72 750 Td (Dana:    Hello   ) Tj 60 0 Td (there.) Tj ET";
        assert_eq!(text_of(&pdf(&[content], |_, _, _| {})).text, "Dana: Hello there.");
    }

    #[test]
    fn one_line_paragraphs_far_apart_are_still_paragraphs() {
        let content = lines(&[(0.0, "Dana: One."), (36.0, "Marta: Two."), (36.0, "Dana: Three.")]);
        assert_eq!(text_of(&pdf(&[&content], |_, _, _| {})).text, "Dana: One.\n\nMarta: Two.\n\nDana: Three.");
    }

    #[test]
    fn bulleted_lines_become_list_items_on_consecutive_lines() {
        let content = lines(&[
            (0.0, "Agreed:"),
            (24.0, "\\267 Weekly visits"),
            (24.0, "\\267 A named worker"),
            (14.0, "for the whole case"),
            (24.0, "Next steps follow."),
        ]);
        let text = text_of(&pdf(&[&content], |_, _, _| {})).text;
        assert_eq!(text, "Agreed:\n\n- Weekly visits\n- A named worker\nfor the whole case\n\nNext steps follow.");
        assert_eq!(list_item("• Item"), Some("Item"));
        assert_eq!(list_item("\u{F0B7}\tItem"), Some("Item"));
        assert_eq!(list_item("•"), None);
        assert_eq!(list_item("- Item"), None, "hyphens are already list markers, and may be dashes");
    }

    #[test]
    fn pages_are_joined_with_a_blank_line_and_every_page_gets_a_start() {
        let one = lines(&[(0.0, "First page.")]);
        let three = lines(&[(0.0, "Third page.")]);
        let e = text_of(&pdf(&["", &one, "", &three, ""], |_, _, _| {}));
        assert_eq!(e.text, "First page.\n\nThird page.");
        assert_eq!(e.page_starts, Some(vec![0, 0, 13, 13, 24]));
    }

    #[test]
    fn pages_without_text_give_no_text() {
        let drawing = "0 0 m 100 100 l S 10 10 50 50 re f";
        assert_eq!(
            extract(&pdf(&[drawing, ""], |_, _, _| {})),
            Err(ImportError::NoText("the PDF has no text layer (it is probably a scanned image; run OCR first)".into()))
        );
    }

    #[test]
    fn files_that_are_not_pdfs_are_refused_with_a_reason() {
        assert_eq!(extract(b""), Err(ImportError::Text(TextError::Empty)));
        assert_eq!(extract(b"Dana: hello\n"), Err(ImportError::Malformed("it does not start with %PDF, so it is not a PDF file".into())));
        assert!(malformed(b"%PDF-1.7\n1 0 obj\n<<").starts_with("the PDF is damaged or incomplete ("));
        let whole = pdf(&[&lines(&[(0.0, "Hello.")])], |_, _, _| {});
        assert!(malformed(&whole[..whole.len() / 2]).starts_with("the PDF is damaged"));
    }

    #[test]
    fn oversized_files_are_refused_before_parsing() {
        let huge = vec![0u8; MAX_PDF_BYTES + 1];
        assert!(matches!(extract(&huge), Err(ImportError::TooLarge(m)) if m.contains("over the limit of 200 MB")));
    }

    #[test]
    fn a_panic_in_pdf_extract_becomes_an_error_naming_the_page() {
        // No MediaBox anywhere: pdf-extract panics looking for it.
        let bytes = pdf(&[&lines(&[(0.0, "One.")]), &lines(&[(0.0, "Two.")])], |doc, tree, _| {
            if let Ok(node) = doc.get_dictionary_mut(tree) {
                node.remove(b"MediaBox");
            }
        });
        let reason = malformed(&bytes);
        assert!(reason.starts_with("the PDF is damaged or uses features Thicket cannot read (stopped on page 1 of 2: "), "{reason}");
        assert!(reason.contains("MediaBox"), "{reason}");
    }

    #[test]
    fn a_page_tree_that_loops_is_refused_instead_of_overflowing_the_stack() {
        let bytes = pdf(&[&lines(&[(0.0, "One.")])], |doc, tree, pages| {
            if let Ok(node) = doc.get_dictionary_mut(tree) {
                node.set("Parent", Object::Reference(pages[0]));
            }
        });
        assert!(malformed(&bytes).contains("page tree loops back on itself"));
    }

    /// Adds drawings `/X0`..`/X{n-1}` where each draws the next and the last draws `last_draws`; the page
    /// draws `/X0`. All share the page's resources, as drawings without their own resources do.
    fn nested_drawings(n: usize, last_draws: &str) -> Vec<u8> {
        pdf(&["/X0 Do"], |doc, tree, _| {
            let mut xobjects = Dictionary::new();
            for i in 0..n {
                let draws = if i + 1 == n { last_draws.to_string() } else { format!("/X{} Do", i + 1) };
                let mut dict = Dictionary::new();
                dict.set("Type", Object::Name(b"XObject".to_vec()));
                dict.set("Subtype", Object::Name(b"Form".to_vec()));
                dict.set("BBox", Object::Array(vec![0.into(), 0.into(), 10.into(), 10.into()]));
                let id = doc.add_object(Stream::new(dict, format!("{draws} BT /F1 12 Tf 72 700 Td (Level {i}) Tj ET").into_bytes()));
                xobjects.set(format!("X{i}"), Object::Reference(id));
            }
            let xobjects = doc.add_object(xobjects);
            if let Ok(Object::Dictionary(resources)) = doc.get_dictionary_mut(tree).and_then(|t| t.get_mut(b"Resources")) {
                resources.set("XObject", Object::Reference(xobjects));
            }
        })
    }

    #[test]
    fn drawings_that_draw_themselves_are_refused_instead_of_overflowing_the_stack() {
        assert!(malformed(&nested_drawings(1, "/X0 Do")).contains("a drawing in it contains itself"));
        assert!(malformed(&nested_drawings(3, "/X1 Do")).contains("a drawing in it contains itself"));
        let too_deep = malformed(&nested_drawings(MAX_FORM_NESTING + 1, ""));
        assert_eq!(too_deep, "its drawings are nested too deeply (over 64 levels)");
    }

    #[test]
    fn text_inside_nested_drawings_is_extracted() {
        let e = text_of(&nested_drawings(3, ""));
        assert!(e.text.contains("Level 2"), "{}", e.text);
        assert!(e.text.contains("Level 0"), "{}", e.text);
    }

    #[test]
    fn usual_spacing_ignores_a_single_tight_pair() {
        let line = |y: f64| Line { y, size: 10.0, text: "x".into() };
        let page: Vec<Line> = [0.0, 8.0, 20.0, 32.0, 44.0, 70.0].into_iter().map(line).collect();
        let spacing = usual_spacing(&[page]).expect("spacing");
        assert!((spacing - 1.2).abs() < 1e-9, "{spacing}");
        assert_eq!(usual_spacing(&[vec![line(0.0)]]), None);
    }

    #[test]
    fn panics_are_caught_and_their_message_kept_short() {
        assert_eq!(quietly(|| 7), Ok(7));
        let long = "x".repeat(500);
        let message = quietly(|| -> u8 { panic!("{long}\nsecond line") }).expect_err("panicked");
        assert_eq!(message.chars().count(), MAX_PANIC_CHARS + 1);
        assert!(message.ends_with('…'));
        assert!(!QUIET.with(Cell::get), "the thread is loud again afterwards");
    }
}
