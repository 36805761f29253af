//! Times the parts of loading analysis data on an existing project (close it first):
//! `cargo run --release --example profile_analysis -- FILE`.
#![allow(clippy::unwrap_used)] // a profiling script that cannot open its file should stop loudly

use std::path::Path;
use std::time::Instant;

use thicket_core::analysis::{Dimension, Measure, crosstab};
use thicket_core::store::Store;

fn main() {
    let path = std::env::args().nth(1).expect("project path");
    let path = Path::new(&path);
    // The store alone first: an open project holds the file's lock, so the two take turns.
    let store = Store::open(path).unwrap();
    let t = Instant::now();
    let refs = store.read().coding_refs().unwrap();
    println!("coding_refs {} in {:?}", refs.len(), t.elapsed());
    let t = Instant::now();
    let turns = store.read().all_turns().unwrap();
    println!("turns {} in {:?}", turns.len(), t.elapsed());
    store.close().unwrap();
    let p = thicket_core::Project::open(path).unwrap();
    let t = Instant::now();
    let data = p.analysis_data(false).unwrap();
    println!("analysis_data in {:?}", t.elapsed());
    let t = Instant::now();
    let x = crosstab(&data, Dimension::Cases, Measure::Segments);
    println!("crosstab in {:?} ({} rows)", t.elapsed(), x.rows.len());
}
