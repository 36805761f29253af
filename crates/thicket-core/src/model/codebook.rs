//! `Codebook`: the code tree with paths ("Ruptures/Withdrawal"), built once from the flat list.

use std::collections::HashMap;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CodeDescription;

    fn code(id: i64, parent: Option<i64>, name: &str, order: i64) -> Code {
        Code {
            id: CodeId(id),
            uuid: String::new(),
            parent_id: parent.map(CodeId),
            name: name.into(),
            color: "#000000".into(),
            description: CodeDescription::default(),
            sort_order: order,
        }
    }

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
}
