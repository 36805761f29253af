//! `Codebook`: the code tree with paths ("Ruptures/Withdrawal"), built once from the flat list, and
//! the naming of codes: paths split into names, and in vivo names taken from the coded words.
//! (Moving codes in the tree is in `placement`.)

use std::collections::{HashMap, HashSet};

use super::{Code, CodeId};

/// The codes of a project as a tree, with `/`-separated paths.
#[derive(Debug, Clone, Default)]
pub struct Codebook {
    codes: Vec<Code>,
    index: HashMap<CodeId, usize>,
    paths: HashMap<CodeId, String>,
    by_path: HashMap<String, CodeId>,
    children: HashMap<Option<CodeId>, Vec<CodeId>>,
}

impl Codebook {
    /// Builds the tree. `codes` may be in any order; siblings are kept in `sort_order`, then name.
    pub fn new(mut codes: Vec<Code>) -> Self {
        codes.sort_by(|a, b| (a.sort_order, &a.name, a.id).cmp(&(b.sort_order, &b.name, b.id)));
        let index: HashMap<CodeId, usize> = codes.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
        let mut children: HashMap<Option<CodeId>, Vec<CodeId>> = HashMap::new();
        for c in &codes {
            children.entry(c.parent_id).or_default().push(c.id);
        }
        let mut book = Codebook { codes, index, paths: HashMap::new(), by_path: HashMap::new(), children };
        let ids: Vec<CodeId> = book.codes.iter().map(|c| c.id).collect();
        for id in ids {
            let path = book.compute_path(id);
            book.by_path.insert(path.clone(), id);
            book.paths.insert(id, path);
        }
        book
    }

    fn compute_path(&self, id: CodeId) -> String {
        let mut parts = Vec::new();
        let mut cur = Some(id);
        // The depth bound guards against a cycle in a damaged file.
        while let Some(c) = cur.and_then(|c| self.get(c)) {
            parts.push(c.name.as_str());
            cur = c.parent_id;
            if parts.len() > self.codes.len() {
                break;
            }
        }
        parts.reverse();
        parts.join("/")
    }

    /// A code by id.
    pub fn get(&self, id: CodeId) -> Option<&Code> {
        self.index.get(&id).map(|&i| &self.codes[i])
    }

    /// The code's path, e.g. `Ruptures/Withdrawal`.
    pub fn path(&self, id: CodeId) -> Option<&str> {
        self.paths.get(&id).map(String::as_str)
    }

    /// The code at this path (segments are trimmed; exact case).
    pub fn by_path(&self, path: &str) -> Option<CodeId> {
        let clean = split_path(path).join("/");
        self.by_path.get(&clean).copied()
    }

    /// Children of a code (or the top-level codes for `None`), in order.
    pub fn children(&self, parent: Option<CodeId>) -> &[CodeId] {
        self.children.get(&parent).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The child of `parent` (or the top-level code, for `None`) called exactly `name`.
    pub fn child_named(&self, parent: Option<CodeId>, name: &str) -> Option<CodeId> {
        self.children(parent).iter().copied().find(|id| self.get(*id).is_some_and(|c| c.name == name))
    }

    /// The codes whose path contains `filter` (case-insensitive, blanks around it ignored), with
    /// their ancestors, so that each match can be shown in its place in the tree; every code for a
    /// blank filter.
    pub fn matching(&self, filter: &str) -> HashSet<CodeId> {
        let needle = filter.trim().to_lowercase();
        let mut out = HashSet::new();
        for code in &self.codes {
            let path = self.path(code.id).unwrap_or_default().to_lowercase();
            if !needle.is_empty() && !path.contains(&needle) {
                continue;
            }
            let mut cur = Some(code.id);
            // An ancestor already in the set has its own ancestors in it too (and a cycle in a
            // damaged file stops here).
            while let Some(id) = cur.filter(|id| out.insert(*id)) {
                cur = self.get(id).and_then(|c| c.parent_id);
            }
        }
        out
    }

    /// The code and all its descendants, depth first.
    pub fn subtree(&self, id: CodeId) -> Vec<CodeId> {
        let mut out = vec![id];
        let mut i = 0;
        while i < out.len() {
            out.extend_from_slice(self.children(Some(out[i])));
            i += 1;
        }
        out
    }

    /// All codes in tree order (depth first, siblings in order), with their depth.
    pub fn walk(&self) -> Vec<(usize, &Code)> {
        let mut out = Vec::with_capacity(self.codes.len());
        self.walk_from(None, 0, &mut out);
        out
    }

    fn walk_from<'a>(&'a self, parent: Option<CodeId>, depth: usize, out: &mut Vec<(usize, &'a Code)>) {
        for &id in self.children(parent) {
            if let Some(code) = self.get(id) {
                out.push((depth, code));
                self.walk_from(Some(id), depth + 1, out);
            }
        }
    }

    /// Number of codes.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// True when there are no codes.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

/// Splits `A / B/C` into trimmed, non-empty segments.
pub fn split_path(path: &str) -> Vec<&str> {
    path.split('/').map(str::trim).filter(|s| !s.is_empty()).collect()
}

/// The segments of a code path given to create a code (`Parent/Child`), trimmed; an empty
/// segment (`A//B`, `/A`, `A/`, `A/ /B`) is refused with the reason rather than collapsed into
/// a different nesting than was typed.
pub fn parse_new_code_path(path: &str) -> Result<Vec<&str>, String> {
    let parts: Vec<&str> = path.split('/').map(str::trim).collect();
    if parts.iter().all(|p| p.is_empty()) {
        return Err(format!("invalid code path \"{path}\": expected a name or \"Parent/Child\""));
    }
    if parts.iter().any(|p| p.is_empty()) {
        return Err(format!(
            "invalid code path \"{path}\": it has an empty level (\"//\", or a \"/\" at the start or end); write \"Parent/Child\", and leave \"/\" out of code names"
        ));
    }
    Ok(parts)
}

/// Most characters an in vivo name keeps (an ellipsis marks a cut).
const IN_VIVO_MAX_CHARS: usize = 60;

/// A code name made of the selected words ("in vivo" coding): blanks collapsed, surrounding quotes
/// and punctuation dropped, at most 60 characters, cut at a word where one is near.
pub fn in_vivo_name(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let joined = words.join(" ");
    let trimmed = joined.trim_matches(|c: char| !c.is_alphanumeric());
    // Punctuation alone ("...") is still a name; better than an empty one.
    let name = if trimmed.is_empty() { joined.as_str() } else { trimmed };
    if name.chars().count() <= IN_VIVO_MAX_CHARS {
        return name.to_string();
    }
    let cut: String = name.chars().take(IN_VIVO_MAX_CHARS - 1).collect();
    let at_word = cut.rfind(' ').filter(|i| *i > 20).map_or(cut.as_str(), |i| &cut[..i]);
    format!("{at_word}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::test_codes::code;

    #[test]
    fn paths_subtrees_and_walk_order_follow_the_tree() {
        let book = Codebook::new(vec![
            code(3, Some(1), "Withdrawal", 2),
            code(1, None, "Ruptures", 1),
            code(2, Some(1), "Confrontation", 1),
            code(4, None, "Alliance", 0),
        ]);
        assert_eq!(book.path(CodeId(3)), Some("Ruptures/Withdrawal"));
        assert_eq!(book.by_path(" Ruptures / Withdrawal "), Some(CodeId(3)));
        assert_eq!(book.subtree(CodeId(1)), vec![CodeId(1), CodeId(2), CodeId(3)]);
        let names: Vec<_> = book.walk().iter().map(|(d, c)| format!("{d}{}", c.name)).collect();
        assert_eq!(names, ["0Alliance", "0Ruptures", "1Confrontation", "1Withdrawal"]);
    }

    #[test]
    fn a_filter_keeps_matching_codes_and_their_ancestors() {
        let book = Codebook::new(vec![
            code(1, None, "Ruptures", 0),
            code(2, Some(1), "Withdrawal", 0),
            code(3, Some(2), "Silence", 0),
            code(4, None, "Alliance", 1),
        ]);
        let ids = |filter: &str| {
            let mut v: Vec<i64> = book.matching(filter).into_iter().map(|c| c.0).collect();
            v.sort();
            v
        };
        assert_eq!(ids("  SILENCE "), [1, 2, 3]);
        assert_eq!(ids("ruptures/with"), [1, 2, 3], "paths match too, and a match's sub-codes match through it");
        assert_eq!(ids("all"), [4]);
        assert_eq!(ids(""), [1, 2, 3, 4]);
        assert!(ids("nothing").is_empty());
    }

    #[test]
    fn a_child_is_found_by_its_exact_name_under_its_own_parent() {
        let book = Codebook::new(vec![code(1, None, "Ruptures", 0), code(2, Some(1), "Withdrawal", 0), code(3, None, "Withdrawal", 1)]);
        assert_eq!(book.child_named(None, "Withdrawal"), Some(CodeId(3)));
        assert_eq!(book.child_named(Some(CodeId(1)), "Withdrawal"), Some(CodeId(2)));
        assert_eq!(book.child_named(None, "withdrawal"), None);
        assert_eq!(book.child_named(Some(CodeId(3)), "Ruptures"), None);
    }

    #[test]
    fn empty_levels_in_a_new_code_path_are_refused() {
        assert_eq!(parse_new_code_path(" Ruptures / Withdrawal ").unwrap(), vec!["Ruptures", "Withdrawal"]);
        for bad in ["A//B", "/A", "A/", "A/ /B", "=HYPERLINK(\"http://x\")"] {
            assert!(parse_new_code_path(bad).unwrap_err().contains("empty level"), "{bad}");
        }
        assert!(parse_new_code_path(" / ").unwrap_err().contains("expected a name"));
    }

    #[test]
    fn in_vivo_names_are_the_words_without_quotes_or_trailing_punctuation() {
        assert_eq!(in_vivo_name("“they never\n listen to us.”"), "they never listen to us");
        assert_eq!(in_vivo_name("..."), "...");
        let long = in_vivo_name(&"word ".repeat(30));
        assert!(long.ends_with('…') && long.chars().count() <= 60, "{long}");
    }
}
