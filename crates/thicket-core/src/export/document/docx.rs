//! A `Document` as a Word document (DOCX, WordprocessingML).
//!
//! In: `&Document`. Out: the bytes of a `.docx` package, an ordinary document a researcher goes on
//! editing in Word or LibreOffice:
//!
//! - named paragraph styles: Title, Subtitle, Heading 1–3 (with outline levels, so Word's
//!   navigation pane and its table of contents see them), Quote, Citation, Note, List Bullet,
//!   and the TOC 1–3 styles; restyling one restyles every quote;
//! - when `contents` is asked for, a `TOC \o "1-3" \h \z \u` field (its entries filled in with
//!   links to the headings) and `w:updateFields` in the settings, so Word refreshes it with page
//!   numbers on opening;
//! - a PAGE field in the footer; tables with borders and a bold header row repeated on each
//!   page, and the optional colour of each row as the shading of its first cell; page breaks.
//!
//! Text is written exactly: a line break is a `w:br`, a tab a `w:tab`, spaces are preserved, so a
//! quote reads back as the coded text character for character. Only the control characters that
//! XML 1.0 cannot hold are dropped.
//!
//! Why not a DOCX crate: docx-rs, the usual one, has no repeated table header row and no
//! `updateFields` setting, fills a generated TOC with "1" for every page, numbers paragraphs from
//! a thread-global counter (so the same report would not give the same bytes twice) and stores
//! its parts uncompressed. The package here is a handful of fixed parts and one streamed body,
//! written with quick-xml's escaping and the zip crate already used for imports; the tests read
//! every part back with quick-xml, and `scripts/docx-preview.sh` renders it in LibreOffice.

use std::io::Write;

use super::{Block, Document, Run};
use crate::error::{Error, Result};

/// Page content width in twips (A4, 2.5 cm margins), shared by the tables.
const TEXT_WIDTH: u32 = 11906 - 2 * 1418;
const XML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The DOCX package of `doc`. The same document always gives the same bytes.
pub fn to_docx(doc: &Document) -> Result<Vec<u8>> {
    let body = document_xml(doc);
    let core = core_xml(doc);
    let settings = settings_xml(doc.contents);
    let parts: [(&str, &str); 10] = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("docProps/core.xml", &core),
        ("docProps/app.xml", APP_XML),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/document.xml", &body),
        ("word/styles.xml", STYLES),
        ("word/settings.xml", &settings),
        ("word/numbering.xml", NUMBERING),
        ("word/footer1.xml", FOOTER),
    ];
    zip_parts(&parts).map_err(|e| Error::internal(format!("cannot write the DOCX package: {e}")))
}

/// The parts zipped in order, deflated, with a fixed timestamp.
fn zip_parts(parts: &[(&str, &str)]) -> std::result::Result<Vec<u8>, Box<dyn std::error::Error>> {
    let size: usize = parts.iter().map(|(_, xml)| xml.len()).sum();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::with_capacity(size / 4 + 4096)));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, xml) in parts {
        zip.start_file(*name, options)?;
        zip.write_all(xml.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

/// `word/document.xml`: the title, the contents, the blocks, and the page setup.
fn document_xml(doc: &Document) -> String {
    let mut w = Body { out: String::with_capacity(4096 + doc.blocks.len() * 400), bookmarks: 0 };
    w.out.push_str(XML_HEAD);
    w.out.push_str(&format!("<w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:body>"));
    w.styled_text("Title", &doc.title);
    if !doc.subtitle.is_empty() {
        w.styled_text("Subtitle", &doc.subtitle);
    }
    if doc.contents {
        w.contents(doc);
    }
    for block in &doc.blocks {
        w.block(block);
    }
    // A4 with 2.5 cm margins; the footer holds the page number.
    w.out.push_str(
        "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/>\
         <w:pgSz w:w=\"11906\" w:h=\"16838\"/>\
         <w:pgMar w:top=\"1418\" w:right=\"1418\" w:bottom=\"1418\" w:left=\"1418\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/>\
         </w:sectPr></w:body></w:document>",
    );
    w.out
}

/// The body being written, and the number of heading bookmarks so far (the TOC links to them).
struct Body {
    out: String,
    bookmarks: usize,
}

impl Body {
    fn block(&mut self, block: &Block) {
        match block {
            Block::Heading { level, text } => {
                let n = self.bookmarks;
                self.bookmarks += 1;
                self.paragraph_start(&format!("Heading{}", level.clamp(&1, &3)), text);
                self.out.push_str(&format!("<w:bookmarkStart w:id=\"{n}\" w:name=\"{}\"/>", bookmark(n)));
                self.run(text, "");
                self.out.push_str(&format!("<w:bookmarkEnd w:id=\"{n}\"/></w:p>"));
            }
            Block::Paragraph { runs } => {
                let all: String = runs.iter().map(|r| r.text.as_str()).collect();
                self.paragraph_start("", &all);
                for Run { text, bold, italic } in runs {
                    let props = match (bold, italic) {
                        (true, true) => "<w:b/><w:i/>",
                        (true, false) => "<w:b/>",
                        (false, true) => "<w:i/>",
                        (false, false) => "",
                    };
                    self.run(text, props);
                }
                self.out.push_str("</w:p>");
            }
            Block::Quote { text, citation } => {
                // The Quote style keeps a quote on the page of its citation.
                self.styled_text("Quote", text);
                if !citation.is_empty() {
                    self.styled_text("Citation", citation);
                }
            }
            Block::Note { text } => self.styled_text("Note", text),
            Block::List { items } => {
                for item in items {
                    self.styled_text("ListBullet", item);
                }
            }
            Block::Table { header, rows, colours } => self.table(header, rows, colours),
            Block::PageBreak => self.out.push_str("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"),
        }
    }

    /// Opens a paragraph of `style` (none: Normal), right to left when `text` starts so.
    fn paragraph_start(&mut self, style: &str, text: &str) {
        let style = if style.is_empty() { String::new() } else { format!("<w:pStyle w:val=\"{style}\"/>") };
        let bidi = if starts_right_to_left(text) { "<w:bidi/>" } else { "" };
        if style.is_empty() && bidi.is_empty() {
            self.out.push_str("<w:p>");
        } else {
            self.out.push_str(&format!("<w:p><w:pPr>{style}{bidi}</w:pPr>"));
        }
    }

    /// A whole paragraph of one style and one run.
    fn styled_text(&mut self, style: &str, text: &str) {
        self.paragraph_start(style, text);
        self.run(text, "");
        self.out.push_str("</w:p>");
    }

    /// One run: text with `w:br` for line breaks and `w:tab` for tabs, spaces preserved.
    fn run(&mut self, text: &str, props: &str) {
        self.out.push_str("<w:r>");
        if !props.is_empty() {
            self.out.push_str(&format!("<w:rPr>{props}</w:rPr>"));
        }
        let mut open = false;
        for c in text.chars() {
            match c {
                '\n' | '\t' => {
                    if open {
                        self.out.push_str("</w:t>");
                        open = false;
                    }
                    self.out.push_str(if c == '\n' { "<w:br/>" } else { "<w:tab/>" });
                }
                c if !allowed_in_xml(c) => {}
                c => {
                    if !open {
                        self.out.push_str("<w:t xml:space=\"preserve\">");
                        open = true;
                    }
                    match c {
                        '&' => self.out.push_str("&amp;"),
                        '<' => self.out.push_str("&lt;"),
                        '>' => self.out.push_str("&gt;"),
                        c => self.out.push(c),
                    }
                }
            }
        }
        if open {
            self.out.push_str("</w:t>");
        }
        self.out.push_str("</w:r>");
    }

    /// "Contents", the TOC field with an entry per heading of levels 1–3 (linked, without page
    /// numbers until Word updates the field on opening), and a page break.
    fn contents(&mut self, doc: &Document) {
        self.styled_text("TOCHeading", "Contents");
        let headings: Vec<(u8, &str)> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level, text } => Some(((*level).clamp(1, 3), text.as_str())),
                _ => None,
            })
            .collect();
        let begin = "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>\
                     <w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-3\" \\h \\z \\u </w:instrText></w:r>\
                     <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>";
        let end = "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
        if headings.is_empty() {
            self.out.push_str(&format!("<w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr>{begin}{end}</w:p>"));
        }
        for (i, (level, text)) in headings.iter().enumerate() {
            self.paragraph_start(&format!("TOC{level}"), text);
            if i == 0 {
                self.out.push_str(begin);
            }
            // Linked entries without page numbers: Word adds them when it updates the field on
            // opening (LibreOffice: Update Index); a PAGEREF left empty would draw a dot leader to
            // nothing in viewers that do not update fields.
            self.out.push_str(&format!("<w:hyperlink w:anchor=\"{}\" w:history=\"1\">", bookmark(i)));
            self.run(text, "");
            self.out.push_str("</w:hyperlink>");
            if i + 1 == headings.len() {
                self.out.push_str(end);
            }
            self.out.push_str("</w:p>");
        }
        self.out.push_str("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
    }

    /// A table across the text width: borders from the Table Grid style, a bold, shaded header
    /// row repeated on every page, and each row's colour as the shading of its first cell.
    fn table(&mut self, header: &[String], rows: &[Vec<String>], colours: &[Option<[u8; 3]>]) {
        let columns = header.len().max(rows.iter().map(Vec::len).max().unwrap_or(0));
        if columns == 0 {
            return;
        }
        let widths = column_widths(header, rows, columns);
        self.out.push_str(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>\
             <w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
        );
        for w in &widths {
            self.out.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
        }
        self.out.push_str("</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for (c, w) in widths.iter().enumerate() {
            self.cell(*w, header.get(c).map_or("", String::as_str), "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E7E6E6\"/>", "<w:b/>");
        }
        self.out.push_str("</w:tr>");
        for (r, row) in rows.iter().enumerate() {
            self.out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for (c, w) in widths.iter().enumerate() {
                let text = row.get(c).map_or("", String::as_str);
                match colours.get(r) {
                    Some(Some([red, green, blue])) if c == 0 => {
                        // Text in black or white, whichever reads on the colour.
                        let light = 299 * *red as u32 + 587 * *green as u32 + 114 * *blue as u32 > 140_000;
                        let ink = if light { "<w:color w:val=\"000000\"/>" } else { "<w:color w:val=\"FFFFFF\"/>" };
                        let shading = format!("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{red:02X}{green:02X}{blue:02X}\"/>");
                        self.cell(*w, text, &shading, ink);
                    }
                    _ => self.cell(*w, text, "", ""),
                }
            }
            self.out.push_str("</w:tr>");
        }
        // Word needs a paragraph between two tables, and after a table at the end of a cell or body.
        self.out.push_str("</w:tbl><w:p><w:pPr><w:pStyle w:val=\"AfterTable\"/></w:pPr></w:p>");
    }

    fn cell(&mut self, width: u32, text: &str, shading: &str, props: &str) {
        self.out.push_str(&format!("<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{shading}</w:tcPr>"));
        self.paragraph_start("TableText", text);
        self.run(text, props);
        self.out.push_str("</w:p></w:tc>");
    }
}

/// The name of the `n`th heading's bookmark. Word hides bookmarks whose name starts with `_Toc`.
fn bookmark(n: usize) -> String {
    format!("_Toc{n:08}")
}

/// Column widths in twips that add up to the text width, in proportion to each column's longest
/// line (between 4 and 40 characters counted, so no column vanishes or takes the whole page), and
/// at least as wide as its longest word so that no word breaks (a bold header word counts two more).
fn column_widths(header: &[String], rows: &[Vec<String>], columns: usize) -> Vec<u32> {
    let longest = |s: &str| s.split('\n').map(|l| l.chars().count()).max().unwrap_or(0);
    let longest_word = |s: &str| s.split_whitespace().map(|w| w.chars().count()).max().unwrap_or(0);
    let mut chars = vec![4usize; columns];
    for (c, h) in header.iter().enumerate() {
        chars[c] = chars[c].max((longest(h).max(longest_word(h) + 2)).min(40));
    }
    for row in rows.iter().take(500) {
        for (c, cell) in row.iter().enumerate() {
            chars[c] = chars[c].max(longest(cell).max(longest_word(cell) + 1).min(40));
        }
    }
    let total: usize = chars.iter().sum();
    let mut widths: Vec<u32> = chars.iter().map(|&n| (TEXT_WIDTH as usize * n / total) as u32).collect();
    // Rounding leftovers go to the last column, so the table fills the width exactly.
    let used: u32 = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += TEXT_WIDTH - used;
    }
    widths
}

/// True for the characters XML 1.0 can hold (tabs and line breaks are written as elements).
fn allowed_in_xml(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{d}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// True when the first letter with a strong direction is Hebrew, Arabic, Syriac, Thaana, NKo or
/// another right-to-left script: such a paragraph is laid out right to left.
fn starts_right_to_left(text: &str) -> bool {
    for c in text.chars() {
        match c as u32 {
            0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF => return true,
            _ if c.is_alphabetic() => return false,
            _ => {}
        }
    }
    false
}

/// Escapes text for XML content and attribute values.
fn escape(s: &str) -> String {
    let clean: String = s.chars().filter(|&c| allowed_in_xml(c) && c != '\n' && c != '\t').collect();
    quick_xml::escape::escape(clean.as_str()).into_owned()
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>\
<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
</Types>";

const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>";

const DOCUMENT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>\
<Relationship Id=\"rIdNumbering\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>\
<Relationship Id=\"rIdFooter1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>\
</Relationships>";

const APP_XML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>
<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>Thicket</Application></Properties>";

/// The footer: the page number, centred.
const FOOTER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>
<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\
<w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>\
<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>\
<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>\
</w:p></w:ftr>";

/// One bulleted list (numId 1), used by the List Bullet style.
const NUMBERING: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>
<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/>\
<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u{2022}\"/><w:lvlJc w:val=\"left\"/>\
<w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>\
<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";

/// The styles. Ids are what `document.xml` names; names are what Word shows and recognises
/// ("heading 1" and "toc 1" are its built-in names, lower case).
const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>
<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:eastAsia=\"Calibri\" w:cs=\"Arial\"/>\
<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>\
<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:semiHidden/>\
<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>\
<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:spacing w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:rPr><w:sz w:val=\"52\"/><w:szCs w:val=\"52\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:spacing w:after=\"360\"/></w:pPr><w:rPr><w:color w:val=\"595959\"/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"480\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/></w:pPr>\
<w:rPr><w:b/><w:bCs/><w:color w:val=\"1F3864\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"320\" w:after=\"100\"/><w:outlineLvl w:val=\"1\"/></w:pPr>\
<w:rPr><w:b/><w:bCs/><w:color w:val=\"1F3864\"/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading3\"><w:name w:val=\"heading 3\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"80\"/><w:outlineLvl w:val=\"2\"/></w:pPr>\
<w:rPr><w:b/><w:bCs/><w:sz w:val=\"23\"/><w:szCs w:val=\"23\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Quote\"><w:name w:val=\"Quote\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Citation\"/><w:uiPriority w:val=\"29\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:pBdr><w:left w:val=\"single\" w:sz=\"18\" w:space=\"8\" w:color=\"8A8A8A\"/></w:pBdr>\
<w:spacing w:before=\"160\" w:after=\"60\"/><w:ind w:left=\"720\" w:right=\"567\"/></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Citation\"><w:name w:val=\"Citation\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:spacing w:after=\"200\"/><w:ind w:left=\"720\" w:right=\"567\"/></w:pPr>\
<w:rPr><w:color w:val=\"404040\"/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Note\"><w:name w:val=\"Note\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:spacing w:after=\"60\"/><w:ind w:left=\"720\" w:right=\"567\"/></w:pPr>\
<w:rPr><w:color w:val=\"555555\"/><w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr><w:spacing w:after=\"60\"/><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"TOCHeading\"><w:name w:val=\"TOC Heading\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val=\"1F3864\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"TOC1\"><w:name w:val=\"toc 1\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"39\"/>\
<w:pPr><w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9060\"/></w:tabs><w:spacing w:before=\"60\" w:after=\"40\"/></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"TOC2\"><w:name w:val=\"toc 2\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"39\"/>\
<w:pPr><w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9060\"/></w:tabs><w:spacing w:after=\"40\"/><w:ind w:left=\"284\"/></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"TOC3\"><w:name w:val=\"toc 3\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"39\"/>\
<w:pPr><w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9060\"/></w:tabs><w:spacing w:after=\"40\"/><w:ind w:left=\"567\"/></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:spacing w:before=\"20\" w:after=\"20\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:rPr><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"AfterTable\"><w:name w:val=\"After Table\"/><w:basedOn w:val=\"Normal\"/>\
<w:pPr><w:spacing w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:rPr><w:sz w:val=\"12\"/><w:szCs w:val=\"12\"/></w:rPr></w:style>\
<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/>\
<w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/>\
<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/>\
<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/></w:tblBorders></w:tblPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/>\
<w:pPr><w:spacing w:after=\"0\"/><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>\
</w:styles>";

/// `docProps/core.xml`: the title (shown in the window's title bar and the file's properties).
/// No dates, so the bytes do not change with the clock.
fn core_xml(doc: &Document) -> String {
    format!(
        "{XML_HEAD}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:creator>Thicket</dc:creator></cp:coreProperties>",
        escape(&doc.title)
    )
}

/// `word/settings.xml`: with contents, Word is told to update the fields (the TOC's page
/// numbers) when it opens the file.
fn settings_xml(contents: bool) -> String {
    let update = if contents { "<w:updateFields w:val=\"true\"/>" } else { "" };
    format!(
        "{XML_HEAD}<w:settings xmlns:w=\"{W_NS}\"><w:defaultTabStop w:val=\"709\"/>{update}\
         <w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use quick_xml::events::Event;
    use std::io::Read;

    fn part(bytes: &[u8], name: &str) -> String {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
        xml
    }

    /// The body's paragraphs as (style, text), text read back as Word reads it: `w:t` content,
    /// `w:br` as a line break, `w:tab` as a tab.
    fn paragraphs(xml: &str) -> Vec<(String, String)> {
        let mut reader = quick_xml::Reader::from_str(xml);
        let mut out = Vec::new();
        let (mut style, mut text, mut in_t) = (String::new(), String::new(), false);
        loop {
            match reader.read_event().unwrap() {
                Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "w:pStyle" => {
                    let val = e.attributes().flatten().find(|a| a.key.as_ref() == "w:val").unwrap();
                    style = val.normalized_value(quick_xml::XmlVersion::Implicit1_0).unwrap().into_owned();
                }
                Event::Start(e) if e.name().as_ref() == "w:t" => in_t = true,
                Event::End(e) if e.name().as_ref() == "w:t" => in_t = false,
                Event::Empty(e) if e.name().as_ref() == "w:br" && e.attributes().count() == 0 => text.push('\n'),
                Event::Empty(e) if e.name().as_ref() == "w:tab" => text.push('\t'),
                Event::Text(t) if in_t => text.push_str(&t.xml10_content()),
                Event::GeneralRef(r) if in_t => match r.resolve_char_ref().unwrap() {
                    Some(c) => text.push(c),
                    None => text.push_str(quick_xml::escape::resolve_xml_entity(&r).unwrap()),
                },
                Event::End(e) if e.name().as_ref() == "w:p" => {
                    out.push((std::mem::take(&mut style), std::mem::take(&mut text)));
                }
                Event::Eof => break,
                _ => {}
            }
        }
        out
    }

    fn sample() -> Document {
        let mut d = Document::new("Codebook & <notes>");
        d.subtitle = "Made for a test".into();
        d.contents = true;
        d.heading(1, "Ruptures");
        d.heading(2, "Withdrawal");
        d.paragraph(vec![Run::bold("Definition: "), Run::italic("pulling away"), Run::plain(" from the worker")]);
        d.quote("  two spaces\tand a tab\nnew line &<>\"' 😊 שלום", "(Dana, caregiver, 2024-03-01)");
        d.note("Also coded: Repair");
        d.list(vec!["one".into(), "two".into()]);
        d.blocks.push(Block::Table {
            header: vec!["Code".into(), "Definition".into()],
            rows: vec![vec!["Withdrawal".into(), "Pulling\naway".into()], vec!["Honesty".into(), "x".into()]],
            colours: vec![Some([0x1f, 0x77, 0xb4]), None],
        });
        d.blocks.push(Block::PageBreak);
        d
    }

    #[test]
    fn every_block_is_written_with_its_style_and_exact_text() {
        let bytes = to_docx(&sample()).unwrap();
        let body = part(&bytes, "word/document.xml");
        let paras = paragraphs(&body);
        let styled = |style: &str| paras.iter().filter(|(s, _)| s == style).map(|(_, t)| t.as_str()).collect::<Vec<_>>();
        assert_eq!(styled("Title"), ["Codebook & <notes>"]);
        assert_eq!(styled("Subtitle"), ["Made for a test"]);
        assert_eq!(styled("TOC1"), ["Ruptures"]);
        assert_eq!(styled("TOC2"), ["Withdrawal"]);
        assert_eq!(styled("Heading1"), ["Ruptures"]);
        assert_eq!(styled("Heading2"), ["Withdrawal"]);
        assert_eq!(styled("Quote"), ["  two spaces\tand a tab\nnew line &<>\"' 😊 שלום"]);
        assert_eq!(styled("Citation"), ["(Dana, caregiver, 2024-03-01)"]);
        assert_eq!(styled("Note"), ["Also coded: Repair"]);
        assert_eq!(styled("ListBullet"), ["one", "two"]);
        assert_eq!(styled("TableText"), ["Code", "Definition", "Withdrawal", "Pulling\naway", "Honesty", "x"]);
        assert!(paras.iter().any(|(s, t)| s.is_empty() && t == "Definition: pulling away from the worker"));
        assert!(body.contains("<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">Definition: </w:t></w:r>"));
        // The header row repeats, the first cell of a coloured row is shaded in its colour.
        assert_eq!(body.matches("<w:tblHeader/>").count(), 1);
        assert!(body.contains("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"1F77B4\"/>"));
        assert!(body.contains("<w:br w:type=\"page\"/>"));
        assert!(body.contains(" TOC \\o \"1-3\" \\h \\z \\u "));
        assert!(body.contains("<w:hyperlink w:anchor=\"_Toc00000001\" w:history=\"1\">"));
        assert!(body.contains("<w:bookmarkStart w:id=\"1\" w:name=\"_Toc00000001\"/>"));
        assert!(part(&bytes, "word/settings.xml").contains("<w:updateFields w:val=\"true\"/>"));
        assert!(part(&bytes, "word/footer1.xml").contains("> PAGE </w:instrText>"));
        assert!(part(&bytes, "docProps/core.xml").contains("<dc:title>Codebook &amp; &lt;notes&gt;</dc:title>"));
    }

    #[test]
    fn the_same_document_gives_the_same_bytes_and_no_contents_no_field_update() {
        let mut d = sample();
        assert_eq!(to_docx(&d).unwrap(), to_docx(&d).unwrap());
        d.contents = false;
        let bytes = to_docx(&d).unwrap();
        assert!(!part(&bytes, "word/document.xml").contains("TOC \\o"));
        assert!(!part(&bytes, "word/settings.xml").contains("updateFields"));
    }

    #[test]
    fn control_characters_xml_cannot_hold_are_dropped() {
        let mut d = Document::new("t");
        d.quote("a\u{1}b\u{b}c", "");
        let paras = paragraphs(&part(&to_docx(&d).unwrap(), "word/document.xml"));
        assert_eq!(paras.last().map(|p| p.1.as_str()), Some("abc"));
    }

    #[test]
    fn right_to_left_paragraphs_are_marked() {
        assert!(starts_right_to_left("« שלום »"));
        assert!(starts_right_to_left("12 مرحبا"));
        assert!(!starts_right_to_left("Dana: שלום"));
    }

    #[test]
    fn table_columns_fill_the_text_width() {
        let w = column_widths(&["a".into(), "long header".into()], &[vec!["x".repeat(100), "y".into()]], 3);
        assert_eq!(w.iter().sum::<u32>(), TEXT_WIDTH);
        assert!(w[0] > w[1] && w[1] > w[2], "{w:?}");
    }
}
