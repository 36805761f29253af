//! `TextSpan`: a half-open range of chars (Unicode scalar values) into a source's text.

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of chars into a source's normalised text (DESIGN.md §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TextSpan {
    /// First char of the span.
    pub start: usize,
    /// One past the last char of the span.
    pub end: usize,
}

impl TextSpan {
    /// A span from `start` to `end`; `None` unless `start < end`.
    pub fn new(start: usize, end: usize) -> Option<Self> {
        (start < end).then_some(Self { start, end })
    }

    /// Number of chars covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing (never true for spans built with `new`).
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when the two spans share at least one char.
    pub fn overlaps(&self, other: &TextSpan) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Parses `START..END` as written on the command line.
    pub fn parse_range(s: &str) -> Option<Self> {
        let (a, b) = s.split_once("..")?;
        Self::new(a.trim().parse().ok()?, b.trim().parse().ok()?)
    }
}

impl std::fmt::Display for TextSpan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ranges_and_rejects_empty_or_reversed_ones() {
        assert_eq!(TextSpan::parse_range("3..10"), TextSpan::new(3, 10));
        assert_eq!(TextSpan::parse_range("10..3"), None);
        assert_eq!(TextSpan::parse_range("4..4"), None);
        assert_eq!(TextSpan::parse_range("a..4"), None);
        assert_eq!(TextSpan::parse_range("4"), None);
    }

    #[test]
    fn touching_spans_do_not_overlap() {
        let a = TextSpan { start: 0, end: 5 };
        assert!(!a.overlaps(&TextSpan { start: 5, end: 9 }));
        assert!(a.overlaps(&TextSpan { start: 4, end: 9 }));
    }
}
