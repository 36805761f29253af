use std::collections::{BTreeMap, BTreeSet};

use super::*;

fn keys(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut map = BTreeMap::new();
    for (key, vars) in keys_of(lang) {
        assert!(map.insert(key.clone(), vars).is_none(), "{key} is defined twice in the {} catalogue", lang.code());
    }
    map
}

#[test]
fn every_catalogue_has_exactly_the_keys_english_has_with_the_same_arguments() {
    let english = keys(Lang::En);
    assert!(english.len() > 50, "the English catalogue is nearly empty");
    for lang in [Lang::Es, Lang::Nl] {
        let other = keys(lang);
        let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(missing.is_empty(), "the {} catalogue lacks {missing:?}", lang.code());
        assert!(extra.is_empty(), "the {} catalogue has keys English lacks: {extra:?}", lang.code());
        for (key, vars) in &english {
            assert_eq!(&other[key], vars, "{key} in {} uses other arguments than in English", lang.code());
        }
    }
}

#[test]
fn catalogue_files_are_the_same_in_every_language() {
    let files = |l: Lang| resources(l).into_iter().map(|(f, _)| f).collect::<Vec<_>>();
    for lang in [Lang::Es, Lang::Nl] {
        assert_eq!(files(lang), files(Lang::En), "catalogue files of {}", lang.code());
    }
}

/// Every `t!("key"` in the window's source names a message English has, so a typo shows as a
/// failing test rather than as a raw key in the window.
#[test]
fn every_key_the_code_uses_is_in_the_catalogue() {
    let english = keys(Lang::En);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut missing = Vec::new();
    let mut used = 0;
    visit(&root, &mut |path, text| {
        for (i, _) in text.match_indices("t!(\"") {
            let rest = &text[i + 4..];
            let Some(end) = rest.find('"') else { continue };
            let key = &rest[..end];
            if key == "key" {
                continue; // the doc comments' examples
            }
            used += 1;
            if !english.contains_key(key) {
                missing.push(format!("{}: {key}", path.display()));
            }
        }
    });
    assert!(used > 20, "only {used} uses of t! found");
    assert!(missing.is_empty(), "keys used but not in locales/en: {missing:#?}");
}

fn visit(dir: &std::path::Path, f: &mut dyn FnMut(&std::path::Path, &str)) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            visit(&path, f);
        } else if path.extension().is_some_and(|x| x == "rs") {
            f(&path, &std::fs::read_to_string(&path).unwrap());
        }
    }
}

#[test]
fn a_message_follows_the_language_and_falls_back_to_its_key() {
    set_language(Lang::Es);
    assert_eq!(t!("menu-file"), "Archivo");
    set_language(Lang::Nl);
    assert_eq!(t!("menu-file"), "Bestand");
    set_language(Lang::En);
    assert_eq!(t!("menu-file"), "File");
    assert_eq!(tr_args("no-such-key", &[]), "no-such-key");
}

#[test]
fn plurals_and_numbers_are_written_per_language() {
    set_language(Lang::En);
    assert_eq!(t!("language-sources", n = 1), "1 source");
    assert_eq!(t!("language-sources", n = 12_345), "12,345 sources");
    set_language(Lang::Es);
    assert_eq!(t!("language-sources", n = 1), "1 fuente");
    assert_eq!(t!("language-sources", n = 1234), "1234 fuentes");
    assert_eq!(t!("language-sources", n = 12_345), "12.345 fuentes");
    set_language(Lang::Nl);
    assert_eq!(t!("language-sources", n = 1), "1 bron");
    assert_eq!(t!("language-sources", n = 1234), "1.234 bronnen");
    assert_eq!(number(0.4716, 3), "0,472");
    set_language(Lang::En);
    assert_eq!(number(-1234.5, 1), "-1,234.5");
    assert_eq!(number(0.0, 2), "0.00");
}

#[test]
fn dates_follow_the_language() {
    let d = time::macros::date!(2026 - 12 - 07);
    set_language(Lang::En);
    assert_eq!(date(d), "7 Dec 2026");
    assert_eq!(date_time("2025-03-04T09:15:00Z"), "4 Mar 2025, 09:15");
    assert_eq!(date_time("not a date"), "not a date");
    set_language(Lang::Es);
    assert_eq!(date(d), "7 dic 2026");
    set_language(Lang::Nl);
    assert_eq!(date_time("2025-03-04"), "4 mrt 2025");
    set_language(Lang::En);
}

#[test]
fn locales_map_to_the_window_languages() {
    assert_eq!(Lang::from_locale("es_CL.UTF-8"), Lang::Es);
    assert_eq!(Lang::from_locale("nl-BE"), Lang::Nl);
    assert_eq!(Lang::from_locale("en-GB"), Lang::En);
    assert_eq!(Lang::from_locale("tr_TR"), Lang::En);
    assert_eq!(Lang::from_locale(""), Lang::En);
}
