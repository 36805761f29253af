//! Loading the compiled-in catalogues into Fluent bundles and formatting messages.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Mutex, OnceLock};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

use super::{format, Arg, Lang};

include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));

/// The catalogue files of `lang`: (file name, text).
pub fn resources(lang: Lang) -> Vec<(&'static str, &'static str)> {
    CATALOGUES.iter().filter(|(l, _, _)| *l == lang.code()).map(|(_, f, t)| (*f, *t)).collect()
}

/// Every message id of `lang`, with `.attribute` ids as `message.attribute`, and the variables
/// each uses (for the catalogue tests).
pub fn keys_of(lang: Lang) -> Vec<(String, BTreeSet<String>)> {
    use fluent_syntax::ast;
    let mut keys = Vec::new();
    for (file, text) in resources(lang) {
        let res = fluent_syntax::parser::parse(text).unwrap_or_else(|(_, errs)| panic!("{}/{file}: {errs:?}", lang.code()));
        for entry in res.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(v) = &m.value {
                    variables(v, &mut vars);
                }
                keys.push((m.id.name.to_string(), vars));
                for a in &m.attributes {
                    let mut vars = BTreeSet::new();
                    variables(&a.value, &mut vars);
                    keys.push((format!("{}.{}", m.id.name, a.id.name), vars));
                }
            }
        }
    }
    keys
}

fn variables(p: &fluent_syntax::ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    fn inline(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match e {
            InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline(a, out);
                }
            }
            InlineExpression::Placeable { expression } => expr(expression, out),
            _ => {}
        }
    }
    fn expr(e: &Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            Expression::Inline(i) => inline(i, out),
            Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    variables(&v.value, out);
                }
            }
        }
    }
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            expr(expression, out);
        }
    }
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> Bundle {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("language id");
    let mut bundle = FluentBundle::new(vec![id]);
    // No bidi isolation marks around arguments: the window's fonts have no glyph for them, and
    // all three languages are left to right.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Lang::En => format::fluent_number_en,
        Lang::Es => format::fluent_number_es,
        Lang::Nl => format::fluent_number_nl,
    }));
    for (file, text) in resources(lang) {
        let res = FluentResource::try_new(text.to_string()).unwrap_or_else(|(_, e)| panic!("catalogue {}/{file}: {e:?}", lang.code()));
        bundle.add_resource(res).unwrap_or_else(|e| panic!("catalogue {}/{file}: {e:?}", lang.code()));
    }
    bundle
}

thread_local! {
    /// Bundles are not `Sync`; each thread that formats builds its own on first use.
    static BUNDLES: [Bundle; 3] = [bundle(Lang::En), bundle(Lang::Es), bundle(Lang::Nl)];
}

fn index(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Es => 1,
        Lang::Nl => 2,
    }
}

/// Formats `key` in `lang`, falling back to English, then to the key itself (so a missing
/// message shows up in the window as its key rather than as nothing).
pub fn format(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    let fluent_args = (!args.is_empty()).then(|| {
        let mut fa = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Number(n) => fa.set(*name, FluentValue::from(*n)),
                Arg::Text(s) => fa.set(*name, FluentValue::from(s.clone())),
            }
        }
        fa
    });
    let (message, attribute) = key.split_once('.').map_or((key, None), |(m, a)| (m, Some(a)));
    BUNDLES.with(|bundles| {
        for l in [lang, Lang::En] {
            let b = &bundles[index(l)];
            let Some(msg) = b.get_message(message) else { continue };
            let pattern = match attribute {
                Some(a) => msg.get_attribute(a).map(|a| a.value()),
                None => msg.value(),
            };
            if let Some(pattern) = pattern {
                let mut errors = Vec::new();
                let s = b.format_pattern(pattern, fluent_args.as_ref(), &mut errors);
                return s.into_owned();
            }
        }
        key.to_string()
    })
}

/// `format` without arguments, formatted once per (language, key) for the process.
pub fn interned(lang: Lang, key: &'static str) -> &'static str {
    static CACHE: OnceLock<Mutex<HashMap<(Lang, &'static str), &'static str>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(s) = cache.lock().unwrap_or_else(std::sync::PoisonError::into_inner).get(&(lang, key)) {
        return s;
    }
    // Bounded: one string per message and language.
    let s: &'static str = Box::leak(format(lang, key, &[]).into_boxed_str());
    cache.lock().unwrap_or_else(std::sync::PoisonError::into_inner).insert((lang, key), s);
    s
}
