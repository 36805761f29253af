//! Micro-benchmarks with divan (`cargo bench`), on the seeded synthetic corpus at `small` scale.
//! The end-to-end figures with bounds and budgets come from `thicket bench` (see BENCHMARKS.md).

#![allow(clippy::unwrap_used)] // a benchmark that cannot set up should stop loudly

use std::sync::LazyLock;

use thicket_core::Project;
use thicket_core::analysis::{Dimension, Measure, cooccurrence, crosstab};
use thicket_bench::{Scale, generate};
use thicket_core::import::{ImportSettings, import_bytes};
use thicket_core::project::SegmentFilter;

fn main() {
    divan::main();
}

static CORPUS: LazyLock<thicket_bench::Corpus> = LazyLock::new(|| generate(&Scale::SMALL, 42));

/// A small project built once through `thicket bench`'s own builder, kept in a temp folder.
static PROJECT: LazyLock<(tempfile::TempDir, std::path::PathBuf)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    let options = thicket_bench::BenchOptions {
        scale: Scale::SMALL,
        only: vec!["open".into()],
        seed: 42,
        workdir: Some(dir.path().to_path_buf()),
        progress: |_| {},
    };
    thicket_bench::run(&options).unwrap();
    let path = dir.path().join("bench.thicket");
    (dir, path)
});

/// Parsing and speaker detection of every source text (no database), in MB/s.
#[divan::bench]
fn import_parse_txt(bencher: divan::Bencher) {
    let bytes: usize = CORPUS.sources.iter().map(|s| s.text.len()).sum();
    bencher.counter(divan::counter::BytesCount::new(bytes)).bench_local(|| {
        for s in &CORPUS.sources {
            divan::black_box(import_bytes(&s.file_name, s.text.as_bytes(), &ImportSettings::default()).unwrap());
        }
    });
}

/// A subtitle file of 100,000 cues (55 hours), parsed into timestamped turns, in MB/s.
#[divan::bench]
fn import_parse_srt_100000_cues(bencher: divan::Bencher) {
    let srt = thicket_bench::corpus::long_srt(100_000);
    bencher.counter(divan::counter::BytesCount::new(srt.len())).bench_local(|| {
        divan::black_box(import_bytes("long.srt", srt.as_bytes(), &ImportSettings::default()).unwrap());
    });
}

/// The same texts as minimal Word documents (one `w:p` per paragraph), built once.
static DOCX: LazyLock<Vec<(String, Vec<u8>)>> = LazyLock::new(|| {
    use std::io::Write;
    CORPUS
        .sources
        .iter()
        .map(|s| {
            let mut xml = String::from(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#);
            for para in s.text.split("\n\n") {
                let escaped = para.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
                xml.push_str(&format!("<w:p><w:r><w:t xml:space=\"preserve\">{escaped}</w:t></w:r></w:p>"));
            }
            xml.push_str("</w:body></w:document>");
            let mut buf = std::io::Cursor::new(Vec::new());
            let mut zip = zip::ZipWriter::new(&mut buf);
            zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).unwrap();
            zip.write_all(xml.as_bytes()).unwrap();
            zip.finish().unwrap();
            (s.file_name.replace(".txt", ".docx"), buf.into_inner())
        })
        .collect()
});

/// Unzipping, parsing and speaker detection of the same texts as .docx, in MB of text per second.
#[divan::bench]
fn import_parse_docx(bencher: divan::Bencher) {
    let bytes: usize = CORPUS.sources.iter().map(|s| s.text.len()).sum();
    bencher.counter(divan::counter::BytesCount::new(bytes)).bench_local(|| {
        for (name, data) in DOCX.iter() {
            divan::black_box(import_bytes(name, data, &ImportSettings::default()).unwrap());
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

/// The pseudonym map applied to every source text (what a preview scans and what an export of
/// every quote would rewrite): one entry per person of the corpus (full name and first name) and
/// one per case, in MB/s.
#[divan::bench]
fn pseudonymise_corpus_texts(bencher: divan::Bencher) {
    use thicket_core::model::{NewPseudonym, Pseudonym, PseudonymId};
    let entry = |i: usize, original: &str| {
        let fields = NewPseudonym::added(original, format!("Person {i}"));
        Pseudonym { id: PseudonymId(i as i64), original: fields.original, replacement: fields.replacement, whole_word: true, case: fields.case, origin: fields.origin, sort_order: i as i64 }
    };
    let mut entries = Vec::new();
    for (i, p) in CORPUS.people.iter().enumerate() {
        entries.push(entry(2 * i, &p.name));
        if let Some(first) = p.name.split_whitespace().next().filter(|f| *f != p.name) {
            entries.push(entry(2 * i + 1, first));
        }
    }
    entries.extend(CORPUS.cases.iter().enumerate().map(|(i, c)| entry(10_000 + i, c)));
    entries.sort_by(|a, b| a.original.cmp(&b.original));
    entries.dedup_by(|a, b| a.original.eq_ignore_ascii_case(&b.original));
    let map = thicket_core::text::PseudonymMap::new(&entries);
    let bytes: usize = CORPUS.sources.iter().map(|s| s.text.len()).sum();
    bencher.counter(divan::counter::BytesCount::new(bytes)).bench_local(|| {
        for s in &CORPUS.sources {
            divan::black_box(map.find(&s.text));
        }
    });
}
