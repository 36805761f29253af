//! From the element tree to [`RefiProject`]: every element the standard defines is either read,
//! or listed in the report as skipped with the reason. Element order is not enforced (tools get
//! it wrong); unknown elements are ignored.

use super::super::ImportError;
use super::dom::El;
use super::offsets::{self, Counting, Place, RawSpan, SourceText};
use super::*;

/// Fetches a source file by its path attribute: `Ok(None)` when the archive lacks it, `Err`
/// with the reason when it cannot be used.
pub(super) type Loader<'a> = dyn FnMut(&str) -> Result<Option<Vec<u8>>, String> + 'a;

fn guid(el: &El) -> Option<Guid> {
    el.attr("guid").map(normalize_guid).filter(|g| !g.is_empty())
}

fn target(el: &El) -> Option<Guid> {
    el.attr("targetGUID").or_else(|| el.attr("guid")).map(normalize_guid)
}

fn refs(el: &El, name: &str) -> Vec<Guid> {
    el.all(name).filter_map(target).collect()
}

fn owned(s: Option<&str>) -> Option<String> {
    s.map(str::to_string)
}

/// Reads a `Project` element.
pub(super) fn project(root: &El, load: &mut Loader<'_>) -> Result<RefiProject, ImportError> {
    let mut p = RefiProject {
        name: root.attr("name").unwrap_or_default().to_string(),
        origin: root.attr("origin").unwrap_or_default().to_string(),
        creating_user: root.attr("creatingUserGUID").map(normalize_guid),
        created_at: owned(root.attr("creationDateTime")),
        description: root.child_text("Description"),
        note_refs: refs(root, "NoteRef"),
        ..RefiProject::default()
    };
    for user in root.first("Users").iter().flat_map(|u| u.all("User")) {
        match guid(user) {
            Some(g) => p.users.push(RefiUser { guid: g, name: owned(user.attr("name")).or_else(|| owned(user.attr("id"))) }),
            None => p.report.skip("user", user.attr("name").unwrap_or("(no name)"), "it has no guid"),
        }
    }
    p.report.count("users", p.users.len());
    if let Some(codes) = root.first("CodeBook").and_then(|b| b.first("Codes")) {
        read_codes(codes, &mut p);
    }
    read_variables(root, &mut p);
    read_cases(root, &mut p);
    if let Some(sources) = root.first("Sources") {
        for el in &sources.children {
            read_source(el, &p.origin.clone(), load, &mut p);
        }
    }
    p.report.count("text sources", p.sources.iter().filter(|s| s.origin == SourceOrigin::Text).count());
    p.report.count("PDF sources (as text)", p.sources.iter().filter(|s| s.origin == SourceOrigin::Pdf).count());
    let selections: usize = p.sources.iter().map(|s| s.selections.len()).sum();
    let codings: usize = p.sources.iter().map(|s| s.codings.len() + s.selections.iter().map(|x| x.codings.len()).sum::<usize>()).sum();
    p.report.count("text selections", selections);
    p.report.count("codings", codings);
    for note in root.first("Notes").iter().flat_map(|n| n.all("Note")) {
        read_note(note, load, &mut p);
    }
    p.report.count("notes", p.notes.len());
    read_sets(root, &mut p);
    for link in root.first("Links").iter().flat_map(|l| l.all("Link")) {
        let name = link.attr("name").unwrap_or("(unnamed)").to_string();
        match (link.attr("originGUID").map(normalize_guid), link.attr("targetGUID").map(normalize_guid)) {
            (Some(origin), Some(target)) => p.links.push(RefiLink { name, origin, target }),
            _ => p.report.skip("link", &name, "it lacks an origin or a target"),
        }
    }
    p.report.count("links", p.links.len());
    for graph in root.first("Graphs").iter().flat_map(|g| g.all("Graph")) {
        p.report.skip("graph", graph.attr("name").unwrap_or("(unnamed)"), "Thicket has no network graphs");
    }
    Ok(p)
}

/// Reads a `CodeBook` element of a `.qdc`.
pub(super) fn codebook(root: &El) -> Result<RefiProject, ImportError> {
    let mut p = RefiProject { origin: root.attr("origin").unwrap_or_default().to_string(), ..RefiProject::default() };
    if let Some(codes) = root.first("Codes") {
        read_codes(codes, &mut p);
    }
    read_sets(root, &mut p);
    Ok(p)
}

fn read_codes(codes: &El, p: &mut RefiProject) {
    // Depth-first without recursion on the input: (element, parent index).
    let mut stack: Vec<(&El, Option<usize>)> = codes.all("Code").map(|c| (c, None)).collect();
    stack.reverse();
    while let Some((el, parent)) = stack.pop() {
        let Some(g) = guid(el) else {
            p.report.skip("code", el.attr("name").unwrap_or("(no name)"), "it has no guid (its sub-codes are skipped too)");
            continue;
        };
        let name = el.attr("name").map(str::to_string).unwrap_or_default();
        let color = el.attr("color").and_then(parse_color);
        if let (Some(raw), None) = (el.attr("color"), &color) {
            p.report.warnings.push(format!("code \"{name}\": colour \"{raw}\" is not #RRGGBB or #RGB, so a colour was chosen"));
        }
        p.codes.push(RefiCode {
            guid: g,
            name,
            parent,
            color,
            description: el.child_text("Description"),
            codable: el.attr("isCodable").is_none_or(|v| !v.eq_ignore_ascii_case("false") && v != "0"),
            note_refs: refs(el, "NoteRef"),
        });
        let me = p.codes.len() - 1;
        let children: Vec<&El> = el.all("Code").collect();
        for child in children.into_iter().rev() {
            stack.push((child, Some(me)));
        }
    }
    p.report.count("codes", p.codes.len());
}

/// `#RRGGBB` or `#RGB` (any case) as `#RRGGBB` upper case.
pub(super) fn parse_color(raw: &str) -> Option<String> {
    let hex = raw.trim().strip_prefix('#').unwrap_or(raw.trim());
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    match hex.len() {
        6 => Some(format!("#{}", hex.to_ascii_uppercase())),
        3 => Some(format!("#{}", hex.chars().flat_map(|c| [c, c]).collect::<String>().to_ascii_uppercase())),
        _ => None,
    }
}

fn read_variables(root: &El, p: &mut RefiProject) {
    for el in root.first("Variables").iter().flat_map(|v| v.all("Variable")) {
        let (Some(g), Some(name)) = (guid(el), el.attr("name")) else {
            p.report.skip("variable", el.attr("name").unwrap_or("(no name)"), "it has no guid or no name");
            continue;
        };
        let kind = match el.attr("typeOfVariable").unwrap_or("Text") {
            "Boolean" => VariableType::Boolean,
            "Integer" => VariableType::Integer,
            "Float" => VariableType::Float,
            "Date" => VariableType::Date,
            "DateTime" => VariableType::DateTime,
            _ => VariableType::Text,
        };
        p.variables.push(RefiVariable { guid: g, name: name.to_string(), kind, description: el.child_text("Description") });
    }
    p.report.count("variables", p.variables.len());
}

fn values(el: &El) -> Vec<RefiValue> {
    el.all("VariableValue")
        .filter_map(|v| {
            let variable = target(v.first("VariableRef")?)?;
            let value = v.children.iter().find(|c| c.name.ends_with("Value"))?.text.trim().to_string();
            Some(RefiValue { variable, value })
        })
        .collect()
}

fn read_cases(root: &El, p: &mut RefiProject) {
    for el in root.first("Cases").iter().flat_map(|c| c.all("Case")) {
        let Some(g) = guid(el) else {
            p.report.skip("case", el.attr("name").unwrap_or("(no name)"), "it has no guid");
            continue;
        };
        p.cases.push(RefiCase {
            guid: g,
            name: owned(el.attr("name")),
            description: el.child_text("Description"),
            code_refs: refs(el, "CodeRef"),
            values: values(el),
            source_refs: refs(el, "SourceRef"),
            selection_refs: refs(el, "SelectionRef"),
            note_refs: refs(el, "NoteRef"),
        });
    }
    p.report.count("cases", p.cases.len());
}

/// The raw text of a text-bearing element (`TextSource`, `Representation`, `Note`): its
/// `PlainTextContent`, else the file at `plainTextPath`. `Err` says why there is none.
fn raw_text(el: &El, load: &mut Loader<'_>) -> Result<(String, String), String> {
    if let Some(content) = el.first("PlainTextContent") {
        return Ok((content.text.clone(), "PlainTextContent".into()));
    }
    let Some(path) = el.attr("plainTextPath") else {
        // Not as the standard asks, but seen: only the rich text. Its text is read as Thicket
        // reads such a file; the positions then hold only if the tool read it the same way.
        if let Some(rich) = el.attr("richTextPath")
            && let Some(bytes) = load(rich)?
        {
            let settings = super::super::ImportSettings { speakers: super::super::SpeakerMode::None, ..Default::default() };
            let doc = super::super::import_bytes(rich, &bytes, &settings).map_err(|e| format!("its only text is \"{rich}\", which cannot be read ({e})"))?;
            let text = doc.into_iter().next().map(|d| d.text).unwrap_or_default();
            return Ok((text, format!("{rich} (no plain text in the file: read from the rich text)")));
        }
        return Err("it has neither plainTextPath nor PlainTextContent".into());
    };
    match load(path)? {
        None => Err(format!("its text file \"{path}\" is missing from the archive")),
        Some(bytes) => {
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(&bytes);
            match std::str::from_utf8(bytes) {
                Ok(s) => Ok((s.to_string(), path.to_string())),
                Err(_) => match super::super::decode_text(bytes) {
                    Ok((s, enc)) => Ok((s, format!("{path} (not UTF-8 as the standard asks; read as {enc})"))),
                    Err(e) => Err(format!("its text file \"{path}\" cannot be read ({e})")),
                },
            }
        }
    }
}

fn read_source(el: &El, origin: &str, load: &mut Loader<'_>, p: &mut RefiProject) {
    let name = el.attr("name").map(str::to_string).or_else(|| guid(el)).unwrap_or_else(|| "(unnamed)".into());
    let Some(g) = guid(el) else {
        p.report.skip("source", &name, "it has no guid");
        return;
    };
    let (what, why) = match el.name.as_str() {
        "TextSource" => {
            read_text_source(el, el, g, name, SourceOrigin::Text, origin, load, p);
            return;
        }
        "PDFSource" => {
            let Some(rep) = el.all("Representation").find(|r| r.attr("plainTextPath").is_some() || r.first("PlainTextContent").is_some()) else {
                p.report.skip("PDF source", &name, "it has no text representation (Thicket reads a PDF through its text)");
                return;
            };
            let texts: std::collections::BTreeSet<Guid> = rep.all("PlainTextSelection").filter_map(guid).collect();
            for sel in el.all("PDFSelection") {
                if !guid(sel).is_some_and(|g| texts.contains(&g)) {
                    let label = sel.attr("name").unwrap_or("(unnamed)");
                    p.report.skip("PDF area selection", &format!("{label} in \"{name}\""), "it marks an area of a page and has no text selection in the representation");
                }
            }
            read_text_source(el, rep, g, name, SourceOrigin::Pdf, origin, load, p);
            return;
        }
        "PictureSource" => ("picture source", "pictures are out of scope for now"),
        "AudioSource" => ("audio source", "audio is out of scope for now"),
        "VideoSource" => ("video source", "video is out of scope for now"),
        _ => return,
    };
    let selections = el.children.iter().filter(|c| c.name.ends_with("Selection")).count();
    let codings = el.children.iter().filter(|c| c.name.ends_with("Selection")).map(|s| s.all("Coding").count()).sum::<usize>();
    let transcripts = el.all("Transcript").count();
    let mut why = why.to_string();
    if selections > 0 {
        why.push_str(&format!("; its {selections} selection(s) with {codings} coding(s) are skipped too"));
    }
    if transcripts > 0 {
        why.push_str(&format!("; it has {transcripts} transcript(s), not imported"));
    }
    p.report.skip(what, &name, &why);
}

/// A `TextSource`, or a PDF's text `Representation` (`text_el`) under its `PDFSource` (`el`).
#[allow(clippy::too_many_arguments)]
fn read_text_source(el: &El, text_el: &El, g: Guid, name: String, kind: SourceOrigin, origin: &str, load: &mut Loader<'_>, p: &mut RefiProject) {
    let (raw, text_file, found) = match raw_text(text_el, load) {
        Ok((raw, file)) => {
            if file.ends_with(')') {
                // Read another way than the standard says: say so.
                p.report.warnings.push(format!("source \"{name}\": text from {file}"));
            }
            (raw, file, true)
        }
        Err(why) => (String::new(), String::new(), {
            p.report.warnings.push(format!("source \"{name}\": {why}; imported with no text"));
            false
        }),
    };
    let raw = raw.strip_prefix('\u{FEFF}').unwrap_or(&raw);
    let text = SourceText::new(raw);
    let mut source = RefiSource {
        guid: g,
        name: name.clone(),
        origin: kind,
        text: text.text.clone(),
        text_found: found,
        text_file,
        description: el.child_text("Description"),
        creating_user: el.attr("creatingUser").map(normalize_guid),
        created_at: owned(el.attr("creationDateTime")),
        counting: None,
        selections: Vec::new(),
        codings: el.all("Coding").filter_map(coding).collect(),
        note_refs: refs(el, "NoteRef"),
        values: values(el),
    };
    let sels: Vec<&El> = text_el.all("PlainTextSelection").collect();
    let pos = |s: &El, a: &str| s.attr(a).and_then(|v| v.trim().parse::<i64>().ok()).map(|v| v.max(0) as u64);
    let raws: Vec<RawSpan<'_>> =
        sels.iter().map(|s| RawSpan { start: pos(s, "startPosition").unwrap_or(0), end: pos(s, "endPosition").unwrap_or(0), name: s.attr("name") }).collect();
    let order = offsets::preference(origin);
    let (counting, fit, by_names) = offsets::choose(&text, &raws, &order);
    if found && !raws.is_empty() {
        source.counting = Some(counting);
        p.report.offsets.push(OffsetDecision {
            source: name.clone(),
            counting,
            has_crlf: text.has_crlf,
            checked_by: if by_names { "the selected text in the selections' names".into() } else { "word boundaries".into() },
            fitting: if by_names { fit.named } else { fit.bounded },
            total: raws.len(),
        });
    }
    // Names that are never the selected text (a tool's labels) are looked for in the text a few
    // times only: each look reads the text around the selection.
    let mut searches = Searches { names_decide: by_names, failed: 0 };
    for (sel, raw_span) in sels.iter().zip(&raws) {
        let Some(sg) = guid(sel) else {
            p.report.skip("selection", &format!("in \"{name}\""), "it has no guid");
            continue;
        };
        let codings: Vec<RefiCoding> = sel.all("Coding").filter_map(coding).collect();
        let span = if found { place(&text, counting, &order, raw_span, &mut searches, &sg, &name, &mut p.report) } else { None };
        if !found && !codings.is_empty() {
            p.report.warnings.push(format!(
                "selection {sg} [{}, {}) of \"{name}\" (source text missing): its {} coding(s) are not imported",
                raw_span.start,
                raw_span.end,
                codings.len()
            ));
        }
        source.selections.push(RefiSelection {
            guid: sg,
            name: owned(sel.attr("name")),
            span,
            raw: (raw_span.start, raw_span.end),
            description: sel.child_text("Description"),
            creating_user: sel.attr("creatingUser").map(normalize_guid),
            created_at: owned(sel.attr("creationDateTime")),
            codings,
            note_refs: refs(sel, "NoteRef"),
        });
    }
    p.sources.push(source);
}

fn coding(el: &El) -> Option<RefiCoding> {
    Some(RefiCoding {
        guid: guid(el).unwrap_or_default(),
        code: target(el.first("CodeRef")?)?,
        creating_user: el.attr("creatingUser").map(normalize_guid),
        created_at: owned(el.attr("creationDateTime")),
        note_refs: refs(el, "NoteRef"),
    })
}

/// Places one selection in the stored text under the source's counting, correcting it (and
/// saying how) when it does not fit: another counting that matches its name, the nearest place
/// of its named text, or its ends moved out to whole chars / in to the end of the text. When the
/// source's names are never its selections' text (`names_decide` false: a tool's labels such as
/// "Quotation 1:1"), a name that does not match is no reason for a warning, and after a few
/// names not found in the text the rest are not looked for.
#[allow(clippy::too_many_arguments)]
fn place(
    text: &SourceText,
    counting: Counting,
    order: &[Counting],
    raw: &RawSpan<'_>,
    searches: &mut Searches,
    g: &str,
    source: &str,
    report: &mut RefiReport,
) -> Option<(usize, usize)> {
    let label = format!("selection {g} [{}, {}) in \"{source}\"", raw.start, raw.end);
    if raw.end == raw.start {
        report.skip("selection", &label, "it is empty (start equals end)");
        return None;
    }
    let raw = if raw.end < raw.start {
        report.corrections.push(format!("{label}: start and end were swapped"));
        RawSpan { start: raw.end, end: raw.start, name: raw.name }
    } else {
        RawSpan { start: raw.start, end: raw.end, name: raw.name }
    };
    let expected = offsets::expected_text(raw.name);
    let read = offsets::read_span(text, counting, &raw);
    match (&expected, read) {
        (None, Some(span)) => return Some(span),
        (Some(exp), Some((s, e))) if offsets::matches_name(text, s, e, exp) => return Some((s, e)),
        _ => {}
    }
    if let Some(exp) = &expected {
        for &other in order.iter().filter(|c| **c != counting) {
            if let Some((s, e)) = offsets::read_span(text, other, &raw)
                && offsets::matches_name(text, s, e, exp)
            {
                report.corrections.push(format!("{label}: read in {other} (the source's other selections are in {counting}), where its text is"));
                return Some((s, e));
            }
        }
        if !exp.1 && searches.failed < searches.limit() {
            let near = read.map_or_else(|| text.char_len().min(raw.start as usize), |(s, _)| s);
            if let Some((s, e)) = text.find_near(&exp.0, near) {
                report.corrections.push(format!("{label}: moved to chars [{s}, {e}), the nearest place of the text its name gives"));
                return Some((s, e));
            }
            searches.failed += 1;
        }
        if let Some((s, e)) = read {
            if searches.names_decide {
                report.warnings.push(format!("{label}: its text differs from the text in its name; kept where its offsets put it"));
            }
            return Some((s, e));
        }
    }
    // Offsets that split a char or run past the end: widen to whole chars, cut at the end.
    let len = text.char_len();
    let start = match text.locate(counting, raw.start) {
        Place::Exact(i) | Place::Inside(i) => i,
        Place::Beyond => len,
    };
    let end = match text.locate(counting, raw.end) {
        Place::Exact(i) => i,
        Place::Inside(i) => (i + 1).min(len),
        Place::Beyond => len,
    };
    if end <= start {
        report.skip("selection", &label, &format!("it lies outside the text (which has {len} characters)"));
        return None;
    }
    report.corrections.push(format!("{label}: its ends split a character or ran past the text; widened or cut to chars [{start}, {end})"));
    Some((start, end))
}

/// How far a source's selection names are trusted to correct offsets.
struct Searches {
    /// Some name is its selection's text: every mismatch is looked for.
    names_decide: bool,
    /// Names looked for in vain so far.
    failed: usize,
}

impl Searches {
    /// Names looked for in vain before the rest are not looked for: a few when names are labels,
    /// more when they are texts (each look reads up to 40,000 chars, so a file whose every
    /// offset is wrong cannot take hours).
    fn limit(&self) -> usize {
        if self.names_decide { 2_000 } else { 20 }
    }
}

fn read_note(el: &El, load: &mut Loader<'_>, p: &mut RefiProject) {
    let Some(g) = guid(el) else {
        p.report.skip("note", el.attr("name").unwrap_or("(no name)"), "it has no guid");
        return;
    };
    let text = match raw_text(el, load) {
        Ok((raw, _)) => crate::text::normalize_str(&raw),
        Err(why) => {
            let name = el.attr("name").unwrap_or("(unnamed)");
            p.report.warnings.push(format!("note \"{name}\": {why}; imported with its description only"));
            String::new()
        }
    };
    p.notes.push(RefiNote {
        guid: g,
        name: owned(el.attr("name")),
        text,
        description: el.child_text("Description"),
        creating_user: el.attr("creatingUser").map(normalize_guid),
        created_at: owned(el.attr("creationDateTime")),
        modified_at: owned(el.attr("modifiedDateTime")),
    });
}

fn read_sets(root: &El, p: &mut RefiProject) {
    for el in root.first("Sets").iter().flat_map(|s| s.all("Set")) {
        let name = el.attr("name").unwrap_or("(unnamed)").to_string();
        p.sets.push(RefiSet {
            guid: guid(el).unwrap_or_default(),
            name,
            description: el.child_text("Description"),
            codes: refs(el, "MemberCode"),
            sources: refs(el, "MemberSource"),
            notes: refs(el, "MemberNote"),
        });
    }
    p.report.count("sets", p.sets.len());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_in_either_form() {
        assert_eq!(parse_color("#ffff00").as_deref(), Some("#FFFF00"));
        assert_eq!(parse_color("#3c8").as_deref(), Some("#33CC88"));
        assert_eq!(parse_color("red"), None);
    }

    #[test]
    fn guids_lose_braces_and_case() {
        assert_eq!(normalize_guid("{5215CC69-B628-4E02-AFB9-9BEEAEE55808}"), "5215cc69-b628-4e02-afb9-9beeaee55808");
    }
}
