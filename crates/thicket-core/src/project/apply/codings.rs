//! Adding, recoding and resizing codings. Each coding stores a quote selector (its exact text and
//! a little context either side), computed here from the source's text, so that it can be
//! re-anchored later.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{conflict, invalid, new_uuid, not_found, require_source, unchanged};
use crate::action::{Action, EntitySet, NewCoding};
use crate::clock::now_rfc3339;
use crate::error::Result;
use crate::model::*;
use crate::project::Outcome;
use crate::store::Writer;
use crate::text::TextIndex;

/// Chars of context kept either side of a coding's exact text.
const QUOTE_CONTEXT: usize = 32;

/// Adds codings (`Action::AddCodings`); returns what it created. Every code, coder and source
/// must exist, every span must lie inside its source, and no coding may repeat another (in the
/// batch or in the project) of the same span, code and coder.
pub(super) fn add(w: &mut Writer<'_>, codings: &[NewCoding]) -> Result<EntitySet> {
    let mut created = EntitySet::default();
    let mut texts: HashMap<SourceId, (Source, String, Option<TextIndex>)> = HashMap::new();
    let book = Codebook::new(w.read().codes()?);
    let coders: BTreeSet<CoderId> = w.read().coders()?.into_iter().map(|c| c.id).collect();
    // Duplicates within this batch; duplicates of stored codings are asked of the index.
    let mut batch: BTreeSet<(SourceId, CodeId, CoderId, TextSpan)> = BTreeSet::new();
    let per_source = codings.iter().fold(HashMap::<SourceId, usize>::new(), |mut m, c| {
        *m.entry(c.source).or_default() += 1;
        m
    });
    let now = now_rfc3339();
    for (i, c) in codings.iter().enumerate() {
        if i % crate::store::PROGRESS_EVERY == 0 {
            w.progress(i, codings.len())?;
        }
        if let std::collections::hash_map::Entry::Vacant(slot) = texts.entry(c.source) {
            let source = require_source(w, c.source)?;
            let text = w.read().source_text(c.source)?.unwrap_or_default();
            // An index of a long text pays off over many codings; one or two are quoted by a walk.
            let index = (per_source.get(&c.source).copied().unwrap_or(0) > 4).then(|| TextIndex::new(&text));
            slot.insert((source, text, index));
        }
        let Some((source, text, index)) = texts.get(&c.source) else { continue };
        if book.get(c.code).is_none() {
            return not_found(format!("no code with id {}", c.code));
        }
        if !coders.contains(&c.coder) {
            return not_found(format!("no coder with id {}", c.coder));
        }
        if c.span.is_empty() || c.span.end > source.char_len {
            return invalid(format!(
                "range {} is outside source \"{}\" (it has {} characters)",
                c.span, source.name, source.char_len
            ));
        }
        if !batch.insert((c.source, c.code, c.coder, c.span)) || w.read().coding_exists(c.source, c.code, c.coder, c.span)? {
            return conflict(format!(
                "{} in \"{}\" is already coded \"{}\" by this coder",
                c.span,
                source.name,
                book.path(c.code).unwrap_or_default()
            ));
        }
        let quote = quote_selector(text, index.as_ref(), source.char_len, c.span);
        let coding = Coding {
            id: CodingId(0),
            uuid: new_uuid(),
            source_id: c.source,
            code_id: c.code,
            coder_id: c.coder,
            span: c.span,
            created_at: now.clone(),
            memo: c.memo.clone(),
            quote,
        };
        created.codings.push(w.insert_coding(&coding)?);
    }
    Ok(created)
}

/// `Action::ReassignCodings`: gives codings the code `to` (how codes are merged); undone by giving
/// each coding back its code.
pub(super) fn reassign(w: &mut Writer<'_>, codings: &[CodingId], to: CodeId) -> Result<Outcome> {
    if w.read().code(to)?.is_none() {
        return not_found(format!("no code with id {to}"));
    }
    // Keyed by the code each coding goes back to: see `super::history::give_back` for the order.
    let mut back: BTreeMap<CodeId, Vec<CodingId>> = BTreeMap::new();
    for c in codings {
        let Some(old) = w.read().coding(*c)? else { return not_found(format!("no coding with id {c}")) };
        back.entry(old.code_id).or_default().push(*c);
        w.set_coding_code(*c, to)?;
    }
    let inverses = back.into_iter().map(|(code, codings)| Action::ReassignCodings { codings, to: code });
    Ok(unchanged(super::history::give_back("Recode codings", inverses)))
}

/// `Action::UpdateCoding`: a new span (inside the source) or memo; the quote follows the span.
pub(super) fn update(w: &mut Writer<'_>, id: CodingId, span: TextSpan, memo: String) -> Result<Outcome> {
    let Some(old) = w.read().coding(id)? else { return not_found(format!("no coding with id {id}")) };
    let Some(source) = w.read().source(old.source_id)? else { return not_found(format!("no source with id {}", old.source_id)) };
    if span.is_empty() || span.end > source.char_len {
        return invalid(format!("range {span} is outside source \"{}\" (it has {} characters)", source.name, source.char_len));
    }
    let text = w.read().source_text(old.source_id)?.unwrap_or_default();
    let quote = quote_selector(&text, None, source.char_len, span);
    w.update_coding(id, span, &memo, &quote)?;
    Ok(unchanged(Action::UpdateCoding { id, span: old.span, memo: old.memo }))
}

/// The exact text of `span` and up to `QUOTE_CONTEXT` chars either side, `span` lying inside a
/// text of `char_len` chars. With an index of the text the window around the span is looked up;
/// without one, it is found by one walk from the start (cheaper than indexing a long text for a
/// single coding).
pub(crate) fn quote_selector(text: &str, index: Option<&TextIndex>, char_len: usize, span: TextSpan) -> QuoteSelector {
    let from = span.start.saturating_sub(QUOTE_CONTEXT);
    let to = (span.end + QUOTE_CONTEXT).min(char_len);
    let window = match index {
        Some(index) => index.char_range_to_byte_range(from..to),
        None => crate::text::char_range_to_byte_range(text, from..to),
    };
    let around = window.and_then(|w| text.get(w)).unwrap_or_default();
    let inner = crate::text::char_range_to_byte_range(around, span.start - from..span.end - from).unwrap_or(0..0);
    QuoteSelector { exact: around[inner.clone()].to_string(), prefix: around[..inner.start].to_string(), suffix: around[inner.end..].to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_by_a_walk_equals_quoting_by_the_index() {
        let text = "Dana: “I felt judged.” Priya: 我听到了 — e\u{301}té, 👩‍👧 okay.\nNext line";
        let index = TextIndex::new(text);
        let n = index.char_len();
        for start in 0..n {
            for end in start + 1..=n {
                let span = TextSpan::new(start, end).unwrap();
                let quoted = quote_selector(text, Some(&index), n, span);
                assert_eq!(quote_selector(text, None, n, span), quoted, "{span}");
                let from = start.saturating_sub(QUOTE_CONTEXT);
                let joined = format!("{}{}{}", quoted.prefix, quoted.exact, quoted.suffix);
                assert_eq!(joined, crate::text::slice_chars(text, from..(end + QUOTE_CONTEXT).min(n)).unwrap(), "{span}");
            }
        }
    }
}
