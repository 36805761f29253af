//! `Action::ImportProject`: a whole project read from another tool (a QualCoder project, a
//! REFI-QDA file) written into a new, empty Thicket project as one step.
//!
//! The rows come as a `Snapshot` whose ids are the importer's own (1, 2, 3... per table) and
//! whose references point at those ids, so that an importer can build the whole project, codes
//! before codings before memos, without a database. Writing it is `Restore`'s job; this module
//! first checks everything `Restore` trusts: the project holds none of these entities yet, names
//! are usable and unique where Thicket wants them unique, the code tree is a tree, every
//! reference resolves inside the rows, every span lies inside its text, attribute values fit
//! their types. It recomputes what is derived from a text (length, word count, hash) and every
//! coding's quote selector, so an importer cannot get them wrong. Undone by removing it all.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::attributes::check_attribute_value;
use super::codes::normalize_color;
use super::codings::quote_selector;
use super::{check_name, conflict, invalid, text_hash};
use crate::action::Snapshot;
use crate::error::Result;
use crate::model::*;
use crate::project::Outcome;
use crate::store::{CountedTable, Writer};
use crate::text::{TextIndex, word_count};

/// Checks `rows` and writes them; see the module comment.
pub(super) fn import(w: &mut Writer<'_>, mut rows: Snapshot) -> Result<Outcome> {
    check_empty(w)?;
    if !rows.frameworks.is_empty() || !rows.framework_columns.is_empty() || !rows.framework_rows.is_empty() || !rows.framework_cells.is_empty() {
        return invalid("an imported project cannot carry framework matrices");
    }
    let coders = unique_ids("coder", rows.coders.iter().map(|c| (c.id.0, c.name.as_str())), true)?;
    let cases = unique_ids("case", rows.cases.iter().map(|c| (c.id.0, c.name.as_str())), true)?;
    let participants = unique_ids("participant", rows.participants.iter().map(|p| (p.id.0, p.name.as_str())), true)?;
    let codes = check_codes(&mut rows.codes)?;

    // Sources: names, texts, and what is derived from the text.
    let mut names = HashSet::new();
    let mut texts: HashMap<SourceId, (usize, usize)> = HashMap::new(); // id -> (index in rows, char length)
    for (i, (source, text)) in rows.sources.iter_mut().enumerate() {
        check_name("source", &source.name)?;
        if !names.insert(source.name.clone()) {
            return conflict(format!("two sources are named \"{}\"", source.name));
        }
        if text.trim().is_empty() {
            return invalid(format!("source \"{}\" has no text", source.name));
        }
        source.char_len = text.chars().count();
        source.word_count = word_count(text);
        source.text_hash = text_hash(text);
        if texts.insert(source.id, (i, source.char_len)).is_some() {
            return invalid(format!("two sources have the id {}", source.id));
        }
    }
    let inside = |source: SourceId, span: TextSpan| texts.get(&source).is_some_and(|(_, n)| !span.is_empty() && span.end <= *n);

    for t in &rows.turns {
        if !participants.contains(&t.participant_id.0) || !inside(t.source_id, t.span) {
            return invalid(format!("a turn at {} names a source or speaker that is not imported, or lies outside its text", t.span));
        }
    }

    // Codings: references, spans, duplicates; the quote is recomputed from the text.
    let mut by_source: HashMap<SourceId, Vec<usize>> = HashMap::new();
    let mut seen = BTreeSet::new();
    for (i, c) in rows.codings.iter().enumerate() {
        if !codes.contains(&c.code_id.0) || !coders.contains(&c.coder_id.0) {
            return invalid(format!("coding {} names a code or coder that is not imported", c.id));
        }
        let Some((_, n)) = texts.get(&c.source_id) else { return invalid(format!("coding {} names a source that is not imported", c.id)) };
        if c.span.is_empty() || c.span.end > *n {
            return invalid(format!("coding {} at {} lies outside its source (it has {n} characters)", c.id, c.span));
        }
        if !seen.insert((c.source_id, c.code_id, c.coder_id, c.span)) {
            return conflict(format!("coding {} repeats another of the same span, code and coder", c.id));
        }
        by_source.entry(c.source_id).or_default().push(i);
    }
    for (source, indices) in &by_source {
        let (at, n) = texts[source];
        let text = &rows.sources[at].1;
        let index = (indices.len() > 4).then(|| TextIndex::new(text));
        for i in indices {
            let c = &mut rows.codings[*i];
            c.quote = quote_selector(text, index.as_ref(), n, c.span);
        }
    }

    for m in &rows.memos {
        let ok = coders.contains(&m.coder_id.0)
            && match m.target {
                MemoTarget::Project => true,
                MemoTarget::Source { id, span: None } => texts.contains_key(&id),
                MemoTarget::Source { id, span: Some(span) } => inside(id, span),
                MemoTarget::Code { id } => codes.contains(&id.0),
                MemoTarget::Case { id } => cases.contains(&id.0),
                MemoTarget::Participant { id } => participants.contains(&id.0),
            };
        if !ok {
            return invalid(format!("memo \"{}\" is by a coder or about something that is not imported (or outside its text)", m.title));
        }
    }

    let mut defined = HashSet::new();
    let mut attributes = HashMap::new();
    for a in &rows.attributes {
        check_name("attribute", &a.name)?;
        if !defined.insert((a.applies_to, a.name.clone())) {
            return conflict(format!("two {} attributes are named \"{}\"", a.applies_to, a.name));
        }
        if a.value_type == AttributeType::Category && a.categories.is_empty() {
            return invalid(format!("category attribute \"{}\" needs at least one category", a.name));
        }
        attributes.insert(a.id, a);
    }
    for v in &rows.attribute_values {
        let Some(def) = attributes.get(&v.attribute_id) else { return invalid(format!("a value names attribute {}, which is not imported", v.attribute_id)) };
        let exists = match def.applies_to {
            AttributeTarget::Case => cases.contains(&v.entity_id),
            AttributeTarget::Participant => participants.contains(&v.entity_id),
            AttributeTarget::Source => texts.contains_key(&SourceId(v.entity_id)),
        };
        if !exists {
            return invalid(format!("a value of attribute \"{}\" is on a {} that is not imported", def.name, def.applies_to));
        }
        check_attribute_value(def, &v.value)?;
    }
    for (c, s) in &rows.case_sources {
        if !cases.contains(&c.0) || !texts.contains_key(s) {
            return invalid("a case's source link names a case or source that is not imported");
        }
    }
    for (p, c) in &rows.participant_cases {
        if !participants.contains(&p.0) || !cases.contains(&c.0) {
            return invalid("a participant's case link names a participant or case that is not imported");
        }
    }
    for (s, p) in &rows.source_participants {
        if !texts.contains_key(s) || !participants.contains(&p.0) {
            return invalid("a source's participant link names a source or participant that is not imported");
        }
    }
    w.restore(&rows)?;
    let ids = rows.ids();
    Ok(Outcome { inverse: crate::action::Action::Remove(ids.clone()), created: ids })
}

/// The project must have none of the entities an import writes (a new project).
fn check_empty(w: &Writer<'_>) -> Result<()> {
    let r = w.read();
    let tables = [
        CountedTable::Sources,
        CountedTable::Cases,
        CountedTable::Participants,
        CountedTable::Codes,
        CountedTable::Codings,
        CountedTable::Coders,
        CountedTable::Memos,
    ];
    for t in tables {
        if r.count(t)? > 0 {
            return conflict("a whole project can only be imported into a new, empty project");
        }
    }
    if !r.attributes()?.is_empty() {
        return conflict("a whole project can only be imported into a new, empty project");
    }
    Ok(())
}

/// Ids unique and, with `names`, names usable and unique; returns the ids.
fn unique_ids<'a>(what: &str, rows: impl Iterator<Item = (i64, &'a str)>, names: bool) -> Result<HashSet<i64>> {
    let mut ids = HashSet::new();
    let mut seen = HashSet::new();
    for (id, name) in rows {
        if id <= 0 || !ids.insert(id) {
            return invalid(format!("two {what}s have the id {id} (or it is not positive)"));
        }
        if names {
            check_name(what, name)?;
            if !seen.insert(name) {
                return conflict(format!("two {what}s are named \"{name}\""));
            }
        }
    }
    Ok(ids)
}

/// Codes: names usable in a path and unique among siblings, parents imported, no cycles;
/// colours normalised. Returns the ids.
fn check_codes(codes: &mut [Code]) -> Result<HashSet<i64>> {
    let ids = unique_ids("code", codes.iter().map(|c| (c.id.0, c.name.as_str())), false)?;
    let parent: HashMap<i64, Option<i64>> = codes.iter().map(|c| (c.id.0, c.parent_id.map(|p| p.0))).collect();
    let mut siblings = HashSet::new();
    for c in codes.iter_mut() {
        check_name("code", &c.name)?;
        if c.name.contains('/') {
            return invalid(format!("code name \"{}\" cannot contain \"/\" (it separates levels of the tree)", c.name));
        }
        c.color = normalize_color(&c.color)?;
        if let Some(p) = c.parent_id
            && !ids.contains(&p.0)
        {
            return invalid(format!("code \"{}\" is under a code that is not imported", c.name));
        }
        if !siblings.insert((c.parent_id, c.name.clone())) {
            return conflict(format!("two codes named \"{}\" are under the same parent", c.name));
        }
        // Walk up: a chain longer than the number of codes is a cycle.
        let mut at = c.parent_id.map(|p| p.0);
        let mut steps = 0;
        while let Some(p) = at {
            steps += 1;
            if p == c.id.0 || steps > ids.len() {
                return invalid(format!("code \"{}\" is under itself", c.name));
            }
            at = parent.get(&p).copied().flatten();
        }
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use crate::action::{Action, Snapshot};
    use crate::error::ErrorKind;
    use crate::model::*;
    use crate::project::Project;

    /// One source, one code, one coder, one coding of "felt".
    fn rows(span: TextSpan) -> Snapshot {
        let source = Source {
            id: SourceId(1),
            uuid: "s".into(),
            name: "Visit".into(),
            kind: SourceKind::Document,
            date: None,
            text_hash: String::new(),
            char_len: 0,
            word_count: 0,
            original_name: "Visit.txt".into(),
            original_format: "txt".into(),
            encoding: "UTF-8".into(),
            imported_at: "2024-01-01T00:00:00Z".into(),
            page_starts: None,
            author: None,
            time_marks: Vec::new(),
        };
        Snapshot {
            sources: vec![(source, "We felt heard 🙂 today.".into())],
            coders: vec![Coder { id: CoderId(1), uuid: "c".into(), name: "ana".into(), created_at: "2024-01-01T00:00:00Z".into(), color: "#1E88E5".into(), retired: false }],
            codes: vec![Code {
                id: CodeId(1),
                uuid: "k".into(),
                parent_id: None,
                name: "Heard".into(),
                color: "#58acfa".into(),
                description: CodeDescription::default(),
                sort_order: 0,
            }],
            codings: vec![Coding {
                id: CodingId(1),
                uuid: "g".into(),
                source_id: SourceId(1),
                code_id: CodeId(1),
                coder_id: CoderId(1),
                span,
                created_at: "2023-05-06T07:08:09Z".into(),
                memo: String::new(),
                quote: QuoteSelector::default(),
            }],
            ..Default::default()
        }
    }

    fn import(p: &mut Project, rows: Snapshot) -> crate::Result<crate::project::Outcome> {
        p.perform(Action::ImportProject { label: "Import".into(), rows: Box::new(rows), step: None })
    }

    #[test]
    fn a_whole_project_comes_in_with_its_dates_and_quotes_and_goes_with_one_undo() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let mut p = Project::create(&dir.path().join("p.thicket"), "t").unwrap_or_else(|e| panic!("{e}"));
        import(&mut p, rows(TextSpan { start: 3, end: 7 })).unwrap_or_else(|e| panic!("{e}"));
        let c = p.all_codings().unwrap_or_default().remove(0);
        assert_eq!((c.quote.exact.as_str(), c.created_at.as_str()), ("felt", "2023-05-06T07:08:09Z"));
        let s = p.sources().unwrap_or_default().remove(0);
        assert_eq!((s.char_len, s.word_count), (22, 4), "the emoji is no word");
        assert_eq!(p.codebook().unwrap_or_else(|e| panic!("{e}")).get(CodeId(1)).map(|c| c.color.clone()), Some("#58ACFA".into()));
        assert_eq!(p.undo().unwrap_or_default().as_deref(), Some("Import"));
        assert!(p.sources().unwrap_or_default().is_empty() && p.coders().unwrap_or_default().is_empty());
    }

    #[test]
    fn a_coding_outside_its_text_or_a_project_not_empty_is_refused_and_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let mut p = Project::create(&dir.path().join("p.thicket"), "t").unwrap_or_else(|e| panic!("{e}"));
        let err = import(&mut p, rows(TextSpan { start: 3, end: 99 })).err().map(|e| e.kind());
        assert_eq!(err, Some(ErrorKind::Invalid));
        assert!(p.sources().unwrap_or_default().is_empty());
        import(&mut p, rows(TextSpan { start: 3, end: 7 })).unwrap_or_else(|e| panic!("{e}"));
        let err = import(&mut p, rows(TextSpan { start: 3, end: 7 })).err().map(|e| e.kind());
        assert_eq!(err, Some(ErrorKind::Conflict));
    }
}
