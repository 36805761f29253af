//! The window's languages: English, Spanish and Dutch message catalogues (Project Fluent), the
//! current language, and numbers and dates written the way each language writes them.
//!
//! Every string the window shows goes through [`t!`]: `t!("menu-file")` for a plain message,
//! `t!("language-sources", n = 12)` for one with arguments (plurals are chosen in the catalogue).
//! The catalogues live in `locales/LANG/*.ftl` and are compiled in (build.rs), so nothing is read
//! at run time; a key missing in a language falls back to English, and a test fails when the
//! catalogues' keys differ.
//!
//! The language is per thread: the window's thread sets it from the preferences, background
//! workers take their parent's (see `jobs.rs`), and tests on parallel threads each have their own.
//! Files Thicket writes never go through here, so they do not change with the window's language.

mod catalogue;
mod format;
pub mod values;

use std::cell::Cell;

use serde::{Deserialize, Serialize};

pub use catalogue::{keys_of, resources};
pub use format::{date, date_time, day, number};

/// A language of the window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    En,
    Es,
    Nl,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Es, Lang::Nl];

    /// The BCP 47 code, also the catalogue folder's name.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Nl => "nl",
        }
    }

    /// The language's name in itself, as the language menu shows it whatever the window's language.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
            Lang::Nl => "Nederlands",
        }
    }

    /// The window's language for a locale such as `es_CL.UTF-8`, `nl-BE` or `en-GB`: English
    /// for any language without a catalogue.
    pub fn from_locale(locale: &str) -> Lang {
        let primary = locale.split(['_', '-', '.', '@']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "es" => Lang::Es,
            "nl" => Lang::Nl,
            _ => Lang::En,
        }
    }

    /// The system's language (the default until the user picks one in View → Language).
    pub fn system() -> Lang {
        sys_locale::get_locale().map_or(Lang::En, |l| Lang::from_locale(&l))
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// Switches this thread's language; the next frame draws in it.
pub fn set_language(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// This thread's language.
pub fn language() -> Lang {
    CURRENT.with(Cell::get)
}

/// An argument of a message: a number (which also chooses the plural form) or a text.
#[derive(Debug, Clone)]
pub enum Arg {
    Number(f64),
    Text(String),
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn from(n: $t) -> Arg { Arg::Number(n as f64) }
        }
    )*};
}
number_arg!(usize, u64, u32, u16, u8, i64, i32, f64, f32);

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

/// The message `key` in this thread's language, without arguments. Interned, so that labels can
/// stay `&'static str`: each (language, key) is formatted once per process.
pub fn tr(key: &'static str) -> &'static str {
    catalogue::interned(language(), key)
}

/// The message `key` in this thread's language with its arguments.
pub fn tr_args(key: &str, args: &[(&str, Arg)]) -> String {
    catalogue::format(language(), key, args)
}

/// A message of the window's catalogue in the current language.
///
/// `t!("key")` gives a `&'static str`; `t!("key", name = value, …)` a `String`, where each value
/// is a number (chooses the plural) or a text.
#[macro_export]
macro_rules! t {
    ($key:literal) => {
        $crate::i18n::tr($key)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr_args($key, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

#[cfg(test)]
mod tests;
