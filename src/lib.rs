//! The `thicket` command line (DESIGN.md §6) over `thicket-core`, opening the window of
//! `thicket-gui` (feature `gui`) and running `thicket-bench`'s figures.
//!
//! This crate is the top of the stack: it may name every other crate, and none names it.

pub mod cli;
