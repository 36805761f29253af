//! Micro-benchmarks with divan (`cargo bench`), on the seeded synthetic corpus at `small` scale.
//! The end-to-end figures with bounds and budgets come from `thicket bench` (see BENCHMARKS.md).

#![allow(clippy::unwrap_used)] // a benchmark that cannot set up should stop loudly

use std::sync::LazyLock;

use thicket::Project;
use thicket::analysis::{Dimension, Measure, cooccurrence, crosstab};
use thicket::bench::{Scale, generate};
use thicket::import::{SpeakerMode, import_bytes};
use thicket::project::SegmentFilter;

fn main() {
    divan::main();
}

static CORPUS: LazyLock<thicket::bench::Corpus> = LazyLock::new(|| generate(&Scale::SMALL, 42));

/// A small project built once through `thicket bench`'s own builder, kept in a temp folder.
static PROJECT: LazyLock<(tempfile::TempDir, std::path::PathBuf)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    let options = thicket::bench::BenchOptions {
        scale: Scale::SMALL,
        only: vec!["open".into()],
        seed: 42,
        workdir: Some(dir.path().to_path_buf()),
        progress: |_| {},
    };
    thicket::bench::run(&options).unwrap();
    let path = dir.path().join("bench.thicket");
    (dir, path)
});

/// Parsing and speaker detection of every source text (no database), in MB/s.
#[divan::bench]
fn import_parse_txt(bencher: divan::Bencher) {
    let bytes: usize = CORPUS.sources.iter().map(|s| s.text.len()).sum();
    bencher.counter(divan::counter::BytesCount::new(bytes)).bench_local(|| {
        for s in &CORPUS.sources {
            divan::black_box(import_bytes(&s.file_name, s.text.as_bytes(), SpeakerMode::Auto).unwrap());
        }
    });
}

#[divan::bench]
fn open_project(bencher: divan::Bencher) {
    let path = &PROJECT.1;
    bencher.bench_local(|| Project::open(path).unwrap().close().unwrap());
}

#[divan::bench]
fn crosstab_codes_by_cases(bencher: divan::Bencher) {
    let project = Project::open(&PROJECT.1).unwrap();
    bencher.bench_local(|| crosstab(&project.analysis_data(false).unwrap(), Dimension::Cases, Measure::Segments));
}

#[divan::bench]
fn cooccurrence_all_codes(bencher: divan::Bencher) {
    let project = Project::open(&PROJECT.1).unwrap();
    bencher.bench_local(|| cooccurrence(&project.analysis_data(false).unwrap()));
}

#[divan::bench]
fn segments_of_top_code(bencher: divan::Bencher) {
    let project = Project::open(&PROJECT.1).unwrap();
    let filter = SegmentFilter { codes: vec!["Alliance".into()], ..Default::default() };
    bencher.bench_local(|| project.segments(&filter).unwrap());
}
