//! The order of the core's modules, checked on its source: the crates make the big layers a
//! compile error (docs/DESIGN.md §1), and this test does the same for the modules inside the core,
//! where the compiler would let any module name any other.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Each module and the modules it may name (`crate::x`). Lower layers first.
const ALLOWED: &[(&str, &[&str])] = &[
    ("model", &[]),
    ("clock", &[]),
    ("text", &["model"]),
    // The error type wraps the store's error, so that `?` works on store calls.
    ("error", &["store"]),
    ("import", &["text", "model", "error", "clock"]),
    ("analysis", &["model", "text", "error", "clock"]),
    ("store", &["model", "text", "error", "clock"]),
    ("action", &["model"]),
    ("project", &["model", "text", "error", "clock", "store", "action", "import", "analysis"]),
    // Excerpt exports select and build from a project (export/excerpts/select.rs and build.rs), and
    // so do the codebook and case-report builders; their writers, and every other export, take
    // plain data.
    ("export", &["model", "text", "error", "clock", "analysis", "project"]),
    ("sample", &["model", "text", "error", "clock", "action", "import", "project"]),
];

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            rust_files(&entry.unwrap().path(), out);
        }
    } else if path.is_file() && path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

/// The files of module `name`: `src/name.rs` or everything under `src/name/`.
fn module_files(name: &str) -> Vec<PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src.join(name), &mut files);
    rust_files(&src.join(format!("{name}.rs")), &mut files);
    assert!(!files.is_empty(), "no module {name} in {}", src.display());
    files
}

/// The modules named as `crate::x` in `text`.
fn named_modules(text: &str) -> BTreeSet<String> {
    text.match_indices("crate::")
        .map(|(i, m)| text[i + m.len()..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect::<String>())
        .filter(|m| m.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .collect()
}

#[test]
fn no_core_module_names_one_above_it() {
    let mut wrong = Vec::new();
    for (module, allowed) in ALLOWED {
        for file in module_files(module) {
            let text = std::fs::read_to_string(&file).unwrap();
            // Layering is about the code that ships: a unit test may build its fixture with a
            // higher layer (the sample study, the project), so the test module is left out.
            let shipped = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(&text);
            for named in named_modules(shipped) {
                if named != *module && !allowed.contains(&named.as_str()) {
                    wrong.push(format!("{} names crate::{named}", file.display()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "layering broken:\n{}", wrong.join("\n"));
}

#[test]
fn every_core_module_has_a_place_in_the_order() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let known: BTreeSet<&str> = ALLOWED.iter().map(|(m, _)| *m).collect();
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if name != "lib" {
            assert!(known.contains(name.as_str()), "module {name} is not in ALLOWED: give it a place in the order");
        }
    }
}

#[test]
fn only_the_store_speaks_sql() {
    for (module, _) in ALLOWED.iter().filter(|(m, _)| *m != "store") {
        for file in module_files(module) {
            let text = std::fs::read_to_string(&file).unwrap();
            // A unit test may open the file itself to check what the store wrote.
            let shipped = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(&text);
            assert!(!shipped.contains("rusqlite"), "{} uses rusqlite; SQL belongs in store/", file.display());
        }
    }
}

#[test]
fn the_check_sees_a_module_named_above_its_layer() {
    assert_eq!(named_modules("use crate::project::Project;\nlet x = crate::Error::invalid(1);"), BTreeSet::from(["project".to_string()]));
}
