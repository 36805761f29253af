//! Vertical geometry of the document: one block per paragraph, stacked top to bottom.
//!
//! In: a height per paragraph block — an estimate until the paragraph has been laid out, then
//! the exact galley height (plus the gap below it). Out: each block's top, the total height, and
//! which blocks intersect a vertical range, by binary search over prefix sums. A height change
//! shifts the sums below it in place: a few microseconds for ten thousand paragraphs, and only
//! for the handful of paragraphs laid out in a frame.

use std::ops::Range;

/// Heights of the paragraph blocks and their running sums.
#[derive(Debug, Clone)]
pub struct Heights {
    heights: Vec<f32>,
    /// `prefix[i]` is the top of block `i`; `prefix[n]` the total. In f64 so that shifting the
    /// sums in place over a long session does not drift.
    prefix: Vec<f64>,
}

impl Default for Heights {
    fn default() -> Self {
        Heights::estimated(Vec::new())
    }
}

impl Heights {
    /// Blocks with these estimated heights.
    pub fn estimated(heights: Vec<f32>) -> Self {
        let mut prefix = Vec::with_capacity(heights.len() + 1);
        prefix.push(0.0);
        for h in &heights {
            prefix.push(prefix[prefix.len() - 1] + f64::from(*h));
        }
        Heights { heights, prefix }
    }

    /// Number of blocks.
    pub fn len(&self) -> usize {
        self.heights.len()
    }

    /// Height of block `i` (0 past the end).
    pub fn height(&self, i: usize) -> f32 {
        self.heights.get(i).copied().unwrap_or(0.0)
    }

    /// Sets block `i` to its laid-out height; returns the change.
    pub fn set_exact(&mut self, i: usize, height: f32) -> f32 {
        let Some(slot) = self.heights.get_mut(i) else { return 0.0 };
        let delta = height - *slot;
        *slot = height;
        if delta != 0.0 {
            self.prefix[i + 1..].iter_mut().for_each(|y| *y += f64::from(delta));
        }
        delta
    }

    /// Replaces every height by a new estimate (after the wrap width changed).
    pub fn reestimate(&mut self, heights: Vec<f32>) {
        *self = Heights::estimated(heights);
    }

    /// Top of block `i`; `i == len()` gives the total height.
    pub fn top(&self, i: usize) -> f32 {
        self.prefix.get(i.min(self.heights.len())).map_or(0.0, |&y| y as f32)
    }

    /// Height of all blocks together.
    pub fn total(&self) -> f32 {
        self.top(self.heights.len())
    }

    /// The block containing `y` (the first block if above, the last if below); `None` if empty.
    pub fn block_at(&self, y: f32) -> Option<usize> {
        let n = self.heights.len();
        if n == 0 {
            return None;
        }
        // Blocks whose bottom is at or above y lie wholly before it.
        let y = f64::from(y);
        let i = self.prefix[1..].partition_point(|&bottom| bottom <= y);
        Some(i.min(n - 1))
    }

    /// Blocks intersecting `[y0, y1)`; empty when there are none.
    pub fn range(&self, y0: f32, y1: f32) -> Range<usize> {
        let n = self.heights.len();
        let (y0, y1) = (f64::from(y0), f64::from(y1));
        let first = self.prefix[1..].partition_point(|&bottom| bottom <= y0);
        let end = self.prefix[..n].partition_point(|&top| top < y1);
        first.min(end)..end
    }
}

/// Estimated rows of a paragraph whose hard lines have these char counts, wrapped at
/// `chars_per_row` (at least one row per line: an empty line still takes a row).
pub fn estimate_rows(line_chars: impl Iterator<Item = usize>, chars_per_row: f32) -> usize {
    let per_row = chars_per_row.max(1.0);
    line_chars.map(|n| ((n as f32 / per_row).ceil() as usize).max(1)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks() -> Heights {
        // Tops: 0, 10, 30, 60; total 100.
        Heights::estimated(vec![10.0, 20.0, 30.0, 40.0])
    }

    #[test]
    fn tops_are_prefix_sums() {
        let h = blocks();
        assert_eq!((h.top(0), h.top(1), h.top(3), h.total()), (0.0, 10.0, 60.0, 100.0));
    }

    #[test]
    fn visible_range_includes_partly_visible_blocks() {
        let h = blocks();
        assert_eq!(h.range(0.0, 10.0), 0..1);
        assert_eq!(h.range(5.0, 35.0), 0..3);
        assert_eq!(h.range(10.0, 30.0), 1..2);
        assert_eq!(h.range(59.9, 60.1), 2..4);
        assert_eq!(h.range(100.0, 200.0), 4..4);
        assert_eq!(h.range(-50.0, -1.0), 0..0);
        assert!(Heights::default().range(0.0, 100.0).is_empty());
    }

    #[test]
    fn block_at_clamps_to_the_ends() {
        let h = blocks();
        assert_eq!(h.block_at(-5.0), Some(0));
        assert_eq!(h.block_at(10.0), Some(1));
        assert_eq!(h.block_at(29.9), Some(1));
        assert_eq!(h.block_at(1e6), Some(3));
        assert_eq!(Heights::default().block_at(0.0), None);
    }

    #[test]
    fn exact_heights_shift_only_the_blocks_below() {
        let mut h = blocks();
        assert_eq!(h.total(), 100.0);
        assert_eq!(h.set_exact(1, 25.0), 5.0);
        assert_eq!((h.top(1), h.top(2), h.total()), (10.0, 35.0, 105.0));
        assert_eq!(h.range(34.0, 36.0), 1..3);
    }

    #[test]
    fn rows_are_estimated_per_hard_line() {
        assert_eq!(estimate_rows([0, 10, 100, 101].into_iter(), 100.0), 1 + 1 + 1 + 2);
        assert_eq!(estimate_rows(std::iter::empty(), 80.0), 0);
    }
}
