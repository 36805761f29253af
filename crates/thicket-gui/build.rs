//! Embeds the message catalogues: every `locales/LANG/*.ftl` file becomes an entry of
//! `CATALOGUES`, so a new catalogue file needs no code change and nothing is read at run time.
#![allow(clippy::unwrap_used)] // a build script fails by panicking

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut entries = Vec::new();
    let mut langs: Vec<_> = std::fs::read_dir(&root).expect("locales folder").flatten().filter(|e| e.path().is_dir()).collect();
    langs.sort_by_key(|e| e.file_name());
    for lang in langs {
        println!("cargo:rerun-if-changed={}", lang.path().display());
        let mut files: Vec<_> = std::fs::read_dir(lang.path()).expect("locale folder").flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "ftl")).collect();
        files.sort();
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
            entries.push((lang.file_name().to_string_lossy().into_owned(), file));
        }
    }
    let mut out = String::from("/// (language, file name, text) of every embedded catalogue file.\npub(super) const CATALOGUES: &[(&str, &str, &str)] = &[\n");
    for (lang, file) in &entries {
        let name = file.file_name().unwrap().to_string_lossy();
        writeln!(out, "    ({lang:?}, {name:?}, include_str!({:?})),", file.display().to_string()).unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("catalogues.rs");
    std::fs::write(dest, out).unwrap();
}
