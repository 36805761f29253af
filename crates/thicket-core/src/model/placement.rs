//! Moving codes in the tree: where a code goes when it is re-parented, dropped beside another
//! code, or moved up or down among its siblings.
//!
//! The rules live here, on the plain `Codebook`, so that every face moves codes the same way and
//! the rules are tested without a window: a code never goes under itself or one of its
//! descendants (that would cut it off from the tree), a re-parented code goes last among its new
//! siblings, and a code dropped beside another takes its place in their order. The answers are
//! [`Placement`]s (new parent and sort order); `Action`'s constructors turn them into one
//! undoable step.

use super::{Codebook, CodeId};

/// Where a code is to sit: its parent (`None` for the top level) and its order among its siblings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    /// The code that moves (or is renumbered to make room).
    pub code: CodeId,
    /// Its new parent.
    pub parent: Option<CodeId>,
    /// Its new sort order among the new parent's children.
    pub sort_order: i64,
}

impl Codebook {
    /// True when `id` is `root` or one of its descendants.
    pub fn is_within(&self, id: CodeId, root: CodeId) -> bool {
        self.subtree(root).contains(&id)
    }

    /// True when `code` may go under `parent` (`None`: the top level): anywhere but under itself
    /// or one of its descendants, which would make a cycle.
    pub fn can_move_under(&self, code: CodeId, parent: Option<CodeId>) -> bool {
        !parent.is_some_and(|p| self.is_within(p, code))
    }

    /// `code` moved under `parent` (or to the top level), after its new siblings. `None` when the
    /// code is unknown, already there, or the move would make a cycle.
    pub fn reparent(&self, code: CodeId, parent: Option<CodeId>) -> Option<Placement> {
        let c = self.get(code)?;
        if c.parent_id == parent || !self.can_move_under(code, parent) {
            return None;
        }
        let last = self.children(parent).iter().filter_map(|s| self.get(*s)).map(|s| s.sort_order + 1).max();
        Some(Placement { code, parent, sort_order: last.unwrap_or(0) })
    }

    /// `moved` placed just before (or, with `after`, just after) `target`, among `target`'s
    /// siblings, which are renumbered 0, 1, 2, … in their new order. Only the codes whose parent
    /// or order changes are listed; empty when there is nothing to do, when either code is
    /// unknown, or when `target` is `moved` or inside it.
    pub fn place_beside(&self, moved: CodeId, target: CodeId, after: bool) -> Vec<Placement> {
        let (Some(_), Some(t)) = (self.get(moved), self.get(target)) else { return Vec::new() };
        if self.is_within(target, moved) {
            return Vec::new();
        }
        let parent = t.parent_id;
        let mut order: Vec<CodeId> = self.children(parent).iter().copied().filter(|c| *c != moved).collect();
        let Some(at) = order.iter().position(|c| *c == target) else { return Vec::new() };
        order.insert(at + usize::from(after), moved);
        order
            .into_iter()
            .enumerate()
            .filter_map(|(i, id)| {
                let c = self.get(id)?;
                let sort_order = i as i64;
                let unchanged = c.sort_order == sort_order && c.parent_id == parent;
                (!unchanged).then_some(Placement { code: id, parent, sort_order })
            })
            .collect()
    }

    /// `code` and its previous (`step` −1) or next (`step` 1) sibling trading places: both
    /// placements, or empty at either end of the siblings (or for an unknown code).
    pub fn swap_with_sibling(&self, code: CodeId, step: isize) -> Vec<Placement> {
        let Some(c) = self.get(code) else { return Vec::new() };
        let siblings = self.children(c.parent_id);
        let Some(i) = siblings.iter().position(|s| *s == code) else { return Vec::new() };
        let Some(j) = i.checked_add_signed(step).filter(|j| *j < siblings.len()) else { return Vec::new() };
        let Some(other) = self.get(siblings[j]) else { return Vec::new() };
        // Equal orders (siblings then sort by name) cannot be swapped; their positions can.
        let (mine, theirs) = if c.sort_order == other.sort_order {
            (j as i64, i as i64)
        } else {
            (other.sort_order, c.sort_order)
        };
        vec![
            Placement { code, parent: c.parent_id, sort_order: mine },
            Placement { code: other.id, parent: other.parent_id, sort_order: theirs },
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::test_codes::code;

    /// Ruptures(1) > [Confrontation(2) > [Shouting(5)], Withdrawal(3)]; Alliance(4).
    fn book() -> Codebook {
        Codebook::new(vec![
            code(1, None, "Ruptures", 0),
            code(2, Some(1), "Confrontation", 0),
            code(3, Some(1), "Withdrawal", 1),
            code(4, None, "Alliance", 1),
            code(5, Some(2), "Shouting", 0),
        ])
    }

    fn at(code: i64, parent: Option<i64>, sort_order: i64) -> Placement {
        Placement { code: CodeId(code), parent: parent.map(CodeId), sort_order }
    }

    #[test]
    fn reparenting_puts_the_code_last_under_its_new_parent() {
        let book = book();
        assert_eq!(book.reparent(CodeId(4), Some(CodeId(1))), Some(at(4, Some(1), 2)));
        assert_eq!(book.reparent(CodeId(3), None), Some(at(3, None, 2)));
        assert_eq!(book.reparent(CodeId(4), Some(CodeId(5))), Some(at(4, Some(5), 0)), "an empty parent starts at 0");
    }

    #[test]
    fn reparenting_refuses_a_cycle_a_no_op_and_an_unknown_code() {
        let book = book();
        assert_eq!(book.reparent(CodeId(1), Some(CodeId(1))), None, "under itself");
        assert_eq!(book.reparent(CodeId(1), Some(CodeId(5))), None, "under a grandchild");
        assert_eq!(book.reparent(CodeId(2), Some(CodeId(1))), None, "already there");
        assert_eq!(book.reparent(CodeId(99), None), None);
        assert!(!book.can_move_under(CodeId(1), Some(CodeId(2))));
        assert!(book.can_move_under(CodeId(2), Some(CodeId(4))));
        assert!(book.can_move_under(CodeId(5), None));
        assert!(book.is_within(CodeId(5), CodeId(1)) && book.is_within(CodeId(1), CodeId(1)) && !book.is_within(CodeId(1), CodeId(5)));
    }

    #[test]
    fn placing_beside_renumbers_the_siblings_around_the_moved_code() {
        let book = book();
        // Alliance before Ruptures: both top-level codes change order.
        assert_eq!(book.place_beside(CodeId(4), CodeId(1), false), vec![at(4, None, 0), at(1, None, 1)]);
        // Alliance after Ruptures: already so.
        assert!(book.place_beside(CodeId(4), CodeId(1), true).is_empty());
        // Shouting after Confrontation: it changes parent, Withdrawal moves down one.
        assert_eq!(book.place_beside(CodeId(5), CodeId(2), true), vec![at(5, Some(1), 1), at(3, Some(1), 2)]);
        // Withdrawal before Confrontation, within the same parent.
        assert_eq!(book.place_beside(CodeId(3), CodeId(2), false), vec![at(3, Some(1), 0), at(2, Some(1), 1)]);
    }

    #[test]
    fn placing_beside_refuses_itself_its_descendants_and_unknown_codes() {
        let book = book();
        assert!(book.place_beside(CodeId(1), CodeId(1), true).is_empty());
        assert!(book.place_beside(CodeId(1), CodeId(5), false).is_empty(), "beside a grandchild is inside itself");
        assert!(book.place_beside(CodeId(99), CodeId(1), false).is_empty());
        assert!(book.place_beside(CodeId(1), CodeId(99), false).is_empty());
    }

    #[test]
    fn swapping_trades_orders_with_a_neighbour_but_not_past_the_ends() {
        let book = book();
        assert_eq!(book.swap_with_sibling(CodeId(3), -1), vec![at(3, Some(1), 0), at(2, Some(1), 1)]);
        assert_eq!(book.swap_with_sibling(CodeId(1), 1), vec![at(1, None, 1), at(4, None, 0)]);
        assert!(book.swap_with_sibling(CodeId(1), -1).is_empty());
        assert!(book.swap_with_sibling(CodeId(3), 1).is_empty());
        assert!(book.swap_with_sibling(CodeId(99), 1).is_empty());
    }

    #[test]
    fn swapping_codes_of_equal_order_uses_their_positions() {
        // Same order: the tree sorts them by name, B before C.
        let book = Codebook::new(vec![code(1, None, "C", 5), code(2, None, "B", 5)]);
        assert_eq!(book.swap_with_sibling(CodeId(2), 1), vec![at(2, None, 1), at(1, None, 0)]);
    }
}
