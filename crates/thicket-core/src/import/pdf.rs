//! .pdf import: the bytes of a PDF in, the text of its text layer out, with the char offset where each page
//! starts (so excerpts can be cited by page).
//!
//! pdf-extract (on lopdf) interprets each page's content stream and reports every glyph with its position;
//! [`Collector`] turns glyphs into lines, and [`page_text`] turns lines into paragraphs wherever the vertical gap
//! between two lines is clearly larger than the document's usual line spacing. Within a paragraph, a line that
//! was wrapped because the next word did not fit (it reaches the page's right edge, give or take that word) is
//! joined to the next with a space, so paragraphs read and select as prose; a line that ends short (a speaker
//! line "Name 00:01", an address, a list) keeps its line break. A word hyphenated at a wrapped line end is
//! joined without its hyphen only where the document spells the joined word elsewhere ("some-" + "times"
//! where "sometimes" occurs); otherwise the hyphen stays ("child-" + "protection" reads "child-protection"),
//! because a wrongly joined word would change what researchers quote. Pages are joined with a blank line, so
//! a page break is also a paragraph break and every page start stays a paragraph start for citations.
//!
//! pdf-extract was written for well-formed files: it panics on many damaged ones and recurses without limit
//! through self-referencing drawings or page trees. So the document is loaded and checked here first
//! (encryption, page-tree and drawing cycles, images), the extraction runs under `catch_unwind`, and every
//! failure becomes an [`ImportError`] that says what is wrong with the file.

use super::{Extracted, ImportError};
use crate::text::TextError;
use pdf_extract::{Dictionary, Document, MediaBox, Object, ObjectId, OutputDev, OutputError, Stream, Transform};
use regex::bytes::Regex;
use std::cell::Cell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{LazyLock, Once};

/// Largest PDF accepted. Loading keeps the whole file and its parsed objects in memory.
const MAX_PDF_BYTES: usize = 200 * 1024 * 1024;
/// Most chars of text accepted from one PDF (a 1,000-page book has about 3 million).
const MAX_TEXT_CHARS: usize = 20_000_000;
/// Most lines of text accepted from one PDF (a 1,000-page book has about 40,000).
const MAX_LINES: usize = 2_000_000;
/// Deepest nesting of drawings (form XObjects) followed; real documents nest a handful.
const MAX_FORM_NESTING: usize = 64;
/// Most bytes of drawing instructions pdf-extract may re-read because drawings draw other drawings (a small
/// drawing drawn twice by one drawn twice by ... grows exponentially).
const MAX_DRAWING_WORK: u64 = 256 * 1024 * 1024;
/// Longest chain of page-tree parents followed to find a page's inherited resources.
const MAX_PARENT_CHAIN: usize = 256;
/// Most chars of a panic message quoted in an error.
const MAX_PANIC_CHARS: usize = 160;

/// Extracts the text layer, one page after another, with the char offset where each page starts.
pub(super) fn extract(bytes: &[u8]) -> Result<Extracted, ImportError> {
    if bytes.len() > MAX_PDF_BYTES {
        return Err(ImportError::TooLarge(format!(
            "the PDF is {} MB, over the limit of {} MB",
            bytes.len().div_ceil(1024 * 1024),
            MAX_PDF_BYTES / (1024 * 1024)
        )));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Text(TextError::Empty));
    }
    if !bytes.starts_with(b"%PDF") {
        return Err(ImportError::Malformed("it does not start with %PDF, so it is not a PDF file".into()));
    }
    // The steps below catch the panics they expect; this is the net for any they do not.
    quietly(|| extract_pdf(bytes)).unwrap_or_else(|message| Err(unreadable(&message)))
}

/// Loads, checks and reads a file that starts like a PDF.
fn extract_pdf(bytes: &[u8]) -> Result<Extracted, ImportError> {
    let mut doc = load(bytes)?;
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(ImportError::Malformed("the PDF has no pages (it is damaged or incomplete)".into()));
    }
    check_page_tree(&doc, &pages)?;
    blank_out_images(&mut doc);
    check_drawings(&doc, &pages)?;
    let lines = read_lines(&doc, pages.len())?;
    let (text, page_starts) = join_pages(&lines);
    if text.is_empty() {
        return Err(ImportError::NoText(
            "the PDF has no text layer (it is probably a scanned image; run OCR first)".into(),
        ));
    }
    Ok(Extracted { text, encoding: "PDF".into(), page_starts: Some(page_starts), spaces_collapsed: true, ..Default::default() })
}

/// Parses the file and refuses it if it needs a password to read.
fn load(bytes: &[u8]) -> Result<Document, ImportError> {
    let doc = match quietly(|| Document::load_mem(bytes)) {
        Ok(Ok(doc)) => doc,
        Ok(Err(_)) if !has_end_marker(bytes) => {
            return Err(ImportError::Malformed(
                "the PDF is incomplete: its end is missing (was a download or copy cut short?)".into(),
            ));
        }
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

/// Whether the file ends as every complete PDF does, with `%%EOF` (allowing some trailing bytes).
fn has_end_marker(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    tail.windows(5).any(|w| w == b"%%EOF")
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
/// in its own resources or, if it has none, in those of whatever drew it. The resources are told apart by
/// address; they all live in the loaded document.
type FormUse = (ObjectId, usize);

/// A drawing and the resources it will be drawn with.
type Drawn<'a> = (ObjectId, &'a Dictionary);

/// Names drawn with `Do` in a content stream: `/Name Do`, possibly with whitespace between. Matching bytes
/// rather than parsing may also find the pattern inside a string, which only makes the checks stricter.
static DO_OPERATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/([^\x00\t\n\x0C\r /\[\]()<>{}%]+)[\x00\t\n\x0C\r ]*Do(?:[\x00\t\n\x0C\r /\[\]()<>{}%]|$)")
        .expect("the Do pattern is a valid regex")
});

/// Refuses drawings (form XObjects) that pdf-extract could not finish: ones that draw themselves, directly or
/// through others (it would recurse until the stack overflows, which aborts the process rather than
/// panicking), ones nested deeper than [`MAX_FORM_NESTING`], and small drawings that draw each other so
/// many times that re-reading them would exceed [`MAX_DRAWING_WORK`] bytes of instructions.
fn check_drawings(doc: &Document, pages: &BTreeMap<u32, ObjectId>) -> Result<(), ImportError> {
    let mut walk = FormWalk { doc, drawings: HashMap::new(), done: HashMap::new() };
    let empty = Dictionary::new();
    let mut work: u64 = 0;
    for &page in pages.values() {
        let resources = inherited_resources(doc, page).unwrap_or(&empty);
        let names = drawn_names(&doc.get_page_content(page).unwrap_or_default());
        for child in walk.resolve(resources, &names) {
            work = work.saturating_add(walk.visit(child)?);
            if work > MAX_DRAWING_WORK {
                return Err(too_much_drawing());
            }
        }
    }
    Ok(())
}

/// The error for drawings repeated beyond [`MAX_DRAWING_WORK`].
fn too_much_drawing() -> ImportError {
    ImportError::TooLarge(format!(
        "its drawings repeat each other so often that reading it would mean going through over {} MB of \
         drawing instructions (the PDF is probably malformed on purpose)",
        MAX_DRAWING_WORK / (1024 * 1024)
    ))
}

/// The state of [`check_drawings`]' depth-first walk.
struct FormWalk<'a> {
    doc: &'a Document,
    /// Per drawing: the names it draws (once per `Do`) and the length of its instructions.
    drawings: HashMap<ObjectId, (Vec<Vec<u8>>, u64)>,
    /// The work of each use whose whole subtree has been checked: bytes of instructions read to draw it.
    done: HashMap<FormUse, u64>,
}

/// One drawing on the walk's current path.
struct Frame<'a> {
    key: FormUse,
    /// The drawings it draws that are still to be walked.
    children: Vec<Drawn<'a>>,
    /// Bytes of instructions read to draw it, so far.
    work: u64,
}

impl<'a> FormWalk<'a> {
    /// Walks everything `start` draws, without recursion (the nesting under test may be deep), and returns
    /// the bytes of instructions pdf-extract will read to draw it.
    fn visit(&mut self, start: Drawn<'a>) -> Result<u64, ImportError> {
        if let Some(&work) = self.done.get(&use_key(start)) {
            return Ok(work);
        }
        let mut path = vec![self.frame(start)];
        while let Some(top) = path.last_mut() {
            let Some(child) = top.children.pop() else {
                let Some(finished) = path.pop() else { break };
                self.done.insert(finished.key, finished.work);
                match path.last_mut() {
                    Some(parent) => add_work(parent, finished.work)?,
                    None => return Ok(finished.work),
                }
                continue;
            };
            let key = use_key(child);
            if let Some(&work) = self.done.get(&key) {
                add_work(top, work)?;
                continue;
            }
            if path.iter().any(|f| f.key == key) {
                return Err(ImportError::Malformed(
                    "a drawing in it contains itself (the PDF is damaged or deliberately malformed)".into(),
                ));
            }
            if path.len() >= MAX_FORM_NESTING {
                return Err(ImportError::Malformed(format!(
                    "its drawings are nested too deeply (over {MAX_FORM_NESTING} levels)"
                )));
            }
            let frame = self.frame(child);
            path.push(frame);
        }
        Ok(0)
    }

    /// A path entry for `drawn`: the drawings it draws, each with the resources it will be drawn with.
    fn frame(&mut self, (form, inherited): Drawn<'a>) -> Frame<'a> {
        let doc = self.doc;
        let stream = doc.get_object(form).and_then(Object::as_stream).ok();
        let own = stream
            .and_then(|s| s.dict.get(b"Resources").ok())
            .and_then(|r| self.deref(r))
            .and_then(|r| r.as_dict().ok());
        let (names, length) = self.drawings.entry(form).or_insert_with(|| {
            let content = stream.map(content_of).unwrap_or_default();
            (drawn_names(&content), content.len() as u64)
        });
        let (names, work) = (names.clone(), *length);
        Frame { key: use_key((form, inherited)), children: self.resolve(own.unwrap_or(inherited), &names), work }
    }

    /// The streams that `resources` gives for `names` (once per name drawn), with the resources each is
    /// drawn with.
    fn resolve(&self, resources: &'a Dictionary, names: &[Vec<u8>]) -> Vec<Drawn<'a>> {
        let Some(xobjects) = resources.get(b"XObject").ok().and_then(|x| self.deref(x)).and_then(|x| x.as_dict().ok())
        else {
            return Vec::new();
        };
        names
            .iter()
            .filter_map(|name| xobjects.get(name).ok()?.as_reference().ok())
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

/// The key of a drawing drawn with some resources.
fn use_key((form, resources): Drawn<'_>) -> FormUse {
    (form, std::ptr::from_ref(resources) as usize)
}

/// Adds a drawing's work to the one drawing it, refusing totals over [`MAX_DRAWING_WORK`].
fn add_work(frame: &mut Frame<'_>, work: u64) -> Result<(), ImportError> {
    frame.work = frame.work.saturating_add(work);
    if frame.work > MAX_DRAWING_WORK {
        return Err(too_much_drawing());
    }
    Ok(())
}

/// A stream's instructions, decompressed as pdf-extract reads them.
fn content_of(stream: &Stream) -> Vec<u8> {
    if stream.filters().is_ok() {
        stream.decompressed_content().unwrap_or_else(|_| stream.content.clone())
    } else {
        stream.content.clone()
    }
}

/// The names `content` draws with `Do`, once per occurrence, with `#xx` escapes decoded as lopdf does.
fn drawn_names(content: &[u8]) -> Vec<Vec<u8>> {
    DO_OPERATOR.captures_iter(content).filter_map(|c| c.get(1)).map(|m| unescape_name(m.as_bytes())).collect()
}

/// Decodes the `#xx` hex escapes of a PDF name.
fn unescape_name(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while let Some(&b) = raw.get(i) {
        let hex = raw.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b, hex) {
            (b'#', Some(decoded)) => {
                out.push(decoded);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
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
    /// Where the first glyph starts and the last one ends horizontally, in points.
    x_start: f64,
    x_end: f64,
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
            return Err(ImportError::TooLarge(
                "the PDF holds more text than Thicket accepts for one source (over 20 million characters or 2 million \
                 lines)"
                    .into(),
            ));
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
    /// Lines started so far, to stop at [`MAX_LINES`].
    lines: usize,
    /// Set when extraction was stopped for exceeding a limit.
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
            lines.push(Line { y, size, x_start: x, x_end: x, text: String::new() });
            self.lines += 1;
        } else if x > self.last_end + 0.1 * size {
            // A gap wider than a tenth of an em is a space the PDF did not draw as a glyph.
            push_space(lines);
        }
        let Some(line) = lines.last_mut() else { return };
        line.size = line.size.max(size);
        line.x_start = line.x_start.min(x);
        if !glyph.trim().is_empty() {
            line.x_end = line.x_end.max(x + advance);
        }
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

    fn output_character(&mut self, trm: &Transform, width: f64, spacing: f64, font_size: f64, glyph: &str) -> Result<(), OutputError> {
        // The text rendering matrix maps glyph space to the page; its determinant scales areas, so its
        // square root is the factor from the nominal type size to the size on the page.
        let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let size = if (font_size * scale).is_finite() && font_size * scale > 0.0 { font_size * scale } else { 1.0 };
        let (x, y) = (trm.m31, -trm.m32);
        if !(x.is_finite() && y.is_finite()) {
            return Ok(());
        }
        // Letter and word spacing widen the advance; without them letter-spaced headings would fall apart.
        let advance = width * size + if spacing.is_finite() { spacing * scale } else { 0.0 };
        self.add(x, y, size, advance, glyph);
        if self.chars > MAX_TEXT_CHARS || self.lines > MAX_LINES {
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
    let drafts: Vec<String> = pages.iter().map(|lines| page_text(lines, spacing)).collect();
    let known = known_words(&drafts);
    let mut text = String::new();
    let mut chars = 0;
    let mut starts = Vec::with_capacity(pages.len());
    let mut pending_break = false;
    for draft in &drafts {
        let page = resolve_hyphens(draft, &known);
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
/// the smallest spacing, or in longer documents the smallest shared by one pair of lines in twenty (and at
/// least two), so that one tightly set pair of lines does not decide it.
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
    let needed = if gaps.len() < 10 { 1 } else { (gaps.len() / 20).max(2) };
    (0..gaps.len()).find(|&i| gaps[i..].iter().take_while(|g| **g <= gaps[i] * 1.08).count() >= needed).map(|i| gaps[i])
}

/// One page's text: lines joined with `\n`, and with a blank line where the gap to the next line is clearly
/// larger than the usual spacing (or the text jumps back up the page, e.g. to a new column). Consecutive list
/// items stay on consecutive lines.
fn page_text(lines: &[Line], spacing: Option<f64>) -> String {
    let mut text = String::new();
    let mut previous: Option<&Line> = None;
    let mut in_list_item = false;
    let right_edge = lines.iter().map(|l| l.x_end).fold(f64::NEG_INFINITY, f64::max);
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
            // Text that jumps back up the page (to a new column, a sidebar) starts a new paragraph too.
            let new_paragraph =
                !(0.0..=PARAGRAPH_GAP_ALWAYS).contains(&g) || spacing.is_some_and(|s| g > s * PARAGRAPH_GAP_FACTOR);
            if new_paragraph && !(item && in_list_item) {
                text.push_str("\n\n");
            } else if !item && wrapped(prev, trimmed, right_edge) {
                // A line end the typesetter chose, not the writer: a space, or a hyphen to resolve later.
                if ends_in_word_hyphen(&text) {
                    text.push(HYPHEN_BREAK);
                } else {
                    text.push(' ');
                }
            } else {
                text.push('\n');
            }
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

/// Marks a hyphen at a wrapped line end in a page's draft text, until [`resolve_hyphens`] knows every word of
/// the document. A control char: the collector never lets one through from the PDF.
const HYPHEN_BREAK: char = '\u{1}';

/// Whether `line` ends because the next line's first word would not fit after it: its end plus that word
/// (estimated at the line's own average char width) passes the page's right edge, or it ends within
/// [`WRAP_SLACK`] of the edge anyway (proportional type makes the estimate rough).
fn wrapped(line: &Line, next: &str, right_edge: f64) -> bool {
    let chars = line.text.trim().chars().count();
    let width = line.x_end - line.x_start;
    if chars < 2 || !right_edge.is_finite() || width <= 0.0 {
        return false;
    }
    let char_width = width / chars as f64;
    // After "fam-" the word that did not fit was "family", not "ily".
    let head = if line.text.ends_with(['-', '‐']) { line.text.rsplit(' ').next().map_or(0, |w| w.chars().count() - 1) } else { 0 };
    let next_word = (head + next.split(' ').next().unwrap_or("").chars().count()) as f64;
    let near_edge = line.x_end >= right_edge - WRAP_SLACK * (right_edge - line.x_start);
    near_edge || line.x_end + char_width * (next_word + 1.0) > right_edge + 0.5 * char_width
}

/// A line ending this close to the right edge (as a share of the text width) was wrapped, whatever the next
/// word's estimated width; hard-broken lines (speaker lines, addresses) end far shorter.
const WRAP_SLACK: f64 = 0.06;

/// Text ending in a hyphen right after a letter ("some-"), not a dash after a space.
fn ends_in_word_hyphen(text: &str) -> bool {
    let mut end = text.chars().rev();
    matches!(end.next(), Some('-' | '‐')) && end.next().is_some_and(char::is_alphabetic)
}

/// Every word of the drafts, lower case, as written (hyphenated line ends left out).
fn known_words(drafts: &[String]) -> HashSet<String> {
    let mut words = HashSet::new();
    for draft in drafts {
        for word in draft.split(|c: char| !c.is_alphanumeric() && c != HYPHEN_BREAK) {
            if !word.contains(HYPHEN_BREAK) && !word.is_empty() {
                words.insert(word.to_lowercase());
            }
        }
    }
    words
}

/// The draft with each hyphenated line end joined: without the hyphen where the document knows the joined
/// word, with it otherwise.
fn resolve_hyphens(draft: &str, known: &HashSet<String>) -> String {
    if !draft.contains(HYPHEN_BREAK) {
        return draft.to_string();
    }
    let mut out = String::with_capacity(draft.len());
    let mut rest = draft;
    while let Some(i) = rest.find(HYPHEN_BREAK) {
        let (before, after) = (&rest[..i], &rest[i + HYPHEN_BREAK.len_utf8()..]);
        let stem = before.trim_end_matches(['-', '‐']);
        let head_start = stem.char_indices().rev().find(|(_, c)| !c.is_alphanumeric()).map_or(0, |(k, c)| k + c.len_utf8());
        let head = before[head_start..].trim_end_matches(['-', '‐']);
        let tail_end = after.find(|c: char| !c.is_alphanumeric()).unwrap_or(after.len());
        let tail = &after[..tail_end];
        let joined = format!("{head}{tail}").to_lowercase();
        let starts_lower = tail.chars().next().is_some_and(char::is_lowercase);
        out.push_str(&before[..head_start]);
        out.push_str(head);
        if !(starts_lower && known.contains(&joined)) {
            out.push_str(&before[head_start + head.len()..]);
        }
        rest = after;
    }
    out.push_str(rest);
    out
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
        font.set("Encoding", name("WinAnsiEncoding"));
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
        // The longest lines reach the right edge: wrapped, so joined; "last time." ends short and keeps its break.
        assert_eq!(e.text, "Dana: How did the visit go?\n\nZoë: Better than last time.\nMuch better.\n\nDana: Good.");
        assert_eq!(e.page_starts, Some(vec![0]));
        assert_eq!(e.encoding, "PDF");
    }

    #[test]
    fn spaces_are_collapsed_and_gaps_without_a_space_glyph_become_one() {
        let content = "BT /F1 12 Tf 72 750 Td (Dana:    Hello   ) Tj 60 0 Td (there.) Tj ET";
        assert_eq!(text_of(&pdf(&[content], |_, _, _| {})).text, "Dana: Hello there.");
    }

    #[test]
    fn letter_spaced_text_stays_in_words() {
        let content = "BT /F1 12 Tf 4 Tc 72 750 Td (Case review) Tj ET";
        assert_eq!(text_of(&pdf(&[content], |_, _, _| {})).text, "Case review");
    }

    #[test]
    fn collecting_stops_at_the_text_limits() {
        let glyph = |c: &mut Collector| c.output_character(&Transform::identity(), 0.5, 0.0, 12.0, "x");
        let media_box = MediaBox { llx: 0.0, lly: 0.0, urx: 595.0, ury: 842.0 };
        let mut c = Collector::default();
        c.begin_page(1, &media_box, None).expect("page");
        assert!(glyph(&mut c).is_ok());
        c.chars = MAX_TEXT_CHARS;
        assert!(glyph(&mut c).is_err());
        assert!(c.too_much);
        let mut c = Collector::default();
        c.begin_page(1, &media_box, None).expect("page");
        c.lines = MAX_LINES;
        assert!(glyph(&mut c).is_err(), "the first glyph opens a line over the limit");
        assert!(c.too_much);
    }

    #[test]
    fn one_line_paragraphs_far_apart_are_still_paragraphs() {
        let content = lines(&[(0.0, "Dana: One."), (36.0, "Marta: Two."), (36.0, "Dana: Three.")]);
        assert_eq!(text_of(&pdf(&[&content], |_, _, _| {})).text, "Dana: One.\n\nMarta: Two.\n\nDana: Three.");
    }

    #[test]
    fn wrapped_lines_join_and_hyphens_go_only_where_the_document_knows_the_word() {
        let content = lines(&[
            (0.0, "Some weeks the worker came twice, and some-"),
            (14.0, "times she did not come at all. The family-"),
            (14.0, "support plan said otherwise, and sometimes"),
            (14.0, "unfortunately it was the mother who cancel-"),
            (14.0, "led the visit; she cancelled it herself."),
            (24.0, "Signed:"),
            (14.0, "R. Okafor"),
        ]);
        let text = text_of(&pdf(&[&content], |_, _, _| {})).text;
        assert_eq!(
            text,
            "Some weeks the worker came twice, and sometimes she did not come at all. The family-support plan said \
             otherwise, and sometimes unfortunately it was the mother who cancelled the visit; she cancelled it herself.\n\n\
             Signed:\nR. Okafor"
        );
        assert!(!ends_in_word_hyphen("a -"));
        assert_eq!(resolve_hyphens("x some-\u{1}Times", &HashSet::from(["sometimes".to_string()])), "x some-Times");
        // Multi-byte chars before the word and in it.
        let known = HashSet::from(["schön".to_string()]);
        assert_eq!(resolve_hyphens("„–sch-\u{1}ön“ é", &known), "„–schön“ é");
    }

    #[test]
    fn bulleted_lines_become_list_items_on_consecutive_lines() {
        let content = lines(&[
            (0.0, "Agreed:"),
            (24.0, "\\225 Weekly visits"),
            (24.0, "\\225 A named worker"),
            (14.0, "for the whole case"),
            (24.0, "Next steps follow."),
        ]);
        let text = text_of(&pdf(&[&content], |_, _, _| {})).text;
        assert_eq!(text, "Agreed:\n\n- Weekly visits\n- A named worker for the whole case\n\nNext steps follow.", "a wrapped item joins");
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
        let whole = pdf(&[&lines(&[(0.0, "Hello.")])], |_, _, _| {});
        assert_eq!(malformed(&whole[..whole.len() / 2]), "the PDF is incomplete: its end is missing (was a download or copy cut short?)");
        let mut no_xref = whole.clone();
        let xref = whole.windows(4).rposition(|w| w == b"xref").expect("has xref");
        no_xref[xref..xref + 4].copy_from_slice(b"junk");
        assert!(malformed(&no_xref).starts_with("the PDF is damaged or incomplete ("), "{}", malformed(&no_xref));
    }

    #[test]
    fn oversized_files_are_refused_before_parsing() {
        let huge = vec![0u8; MAX_PDF_BYTES + 1];
        assert_eq!(extract(&huge), Err(ImportError::TooLarge("the PDF is 201 MB, over the limit of 200 MB".into())));
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
    fn drawings_that_multiply_each_other_are_refused_before_extraction() {
        // Each drawing draws the next one twice: 2^40 draws of the last one.
        let bytes = pdf(&["/X0 Do"], |doc, tree, _| {
            let mut xobjects = Dictionary::new();
            for i in 0..40 {
                let draws = if i == 39 { String::new() } else { format!("/X{n} Do /X{n} Do", n = i + 1) };
                let id = doc.add_object(Stream::new(Dictionary::new(), format!("{draws} % padding").into_bytes()));
                xobjects.set(format!("X{i}"), Object::Reference(id));
            }
            if let Ok(Object::Dictionary(resources)) = doc.get_dictionary_mut(tree).and_then(|t| t.get_mut(b"Resources")) {
                resources.set("XObject", Object::Dictionary(xobjects));
            }
        });
        match extract(&bytes) {
            Err(ImportError::TooLarge(reason)) => assert!(reason.contains("over 256 MB of drawing instructions"), "{reason}"),
            other => panic!("expected TooLarge, got {other:?}"),
        }
    }

    #[test]
    fn drawn_names_are_found_with_their_escapes_decoded() {
        let content = b"q /Im1 Do Q /Fm#201 Do\n/X2\nDo /NotDrawn Tf (/Y Do)";
        assert_eq!(drawn_names(content), [b"Im1".to_vec(), b"Fm 1".to_vec(), b"X2".to_vec(), b"Y".to_vec()]);
        assert_eq!(unescape_name(b"a#2"), b"a#2");
        assert_eq!(unescape_name(b"#zz#41"), b"#zzA");
    }

    #[test]
    fn text_inside_nested_drawings_is_extracted() {
        let e = text_of(&nested_drawings(3, ""));
        assert!(e.text.contains("Level 2"), "{}", e.text);
        assert!(e.text.contains("Level 0"), "{}", e.text);
    }

    #[test]
    fn usual_spacing_ignores_a_single_tight_pair() {
        let line = |y: f64| Line { y, size: 10.0, x_start: 0.0, x_end: 6.0, text: "x".into() };
        let mut ys = vec![0.0, 8.0];
        ys.extend((1..30).map(|i| 8.0 + 12.0 * f64::from(i)));
        let page: Vec<Line> = ys.into_iter().map(line).collect();
        let spacing = usual_spacing(std::slice::from_ref(&page)).expect("spacing");
        assert!((spacing - 1.2).abs() < 1e-9, "{spacing}");
        let spacing = usual_spacing(&[page[..6].to_vec()]).expect("spacing");
        assert!((spacing - 0.8).abs() < 1e-9, "few lines: the smallest gap decides, {spacing}");
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
