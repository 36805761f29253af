//! Times the parts of loading analysis data on an existing project: `cargo run --release --example profile_analysis -- FILE`.
#![allow(clippy::unwrap_used)]
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).expect("project path");
    let p = thicket_core::Project::open(std::path::Path::new(&path)).unwrap();
    let t = Instant::now();
    let refs = p.store().read().coding_refs().unwrap();
    println!("coding_refs {} in {:?}", refs.len(), t.elapsed());
    let t = Instant::now();
    let turns = p.store().read().all_turns().unwrap();
    println!("turns {} in {:?}", turns.len(), t.elapsed());
    let t = Instant::now();
    let data = p.analysis_data(false).unwrap();
    println!("analysis_data in {:?}", t.elapsed());
    let t = Instant::now();
    let x = thicket_core::analysis::crosstab(&data, thicket_core::analysis::Dimension::Cases, thicket_core::analysis::Measure::Segments);
    println!("crosstab in {:?} ({} rows)", t.elapsed(), x.rows.len());
}
