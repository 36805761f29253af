//! Numbers and dates as each language writes them: 12,345.5 in English, 12.345,5 in Spanish and
//! Dutch (Spanish leaves four-digit numbers ungrouped: 1234); 7 Dec 2026, 7 dic 2026, 7 dec 2026.

use fluent_bundle::FluentValue;

use super::{language, Lang};

/// `n` written in this thread's language, with `decimals` digits after the separator.
pub fn number(n: f64, decimals: usize) -> String {
    write_number(language(), n, decimals, decimals)
}

fn write_number(lang: Lang, n: f64, min_decimals: usize, max_decimals: usize) -> String {
    let (group, point, min_grouping) = match lang {
        Lang::En => (',', '.', 1),
        Lang::Es => ('.', ',', 2),
        Lang::Nl => ('.', ',', 1),
    };
    let plain = format!("{:.*}", max_decimals, n.abs());
    let (int, frac) = plain.split_once('.').unwrap_or((&plain, ""));
    let mut frac = frac.to_string();
    while frac.len() > min_decimals && frac.ends_with('0') {
        frac.pop();
    }
    let digits: Vec<char> = int.chars().collect();
    let grouped = digits.len() >= 3 + min_grouping;
    let mut out = String::new();
    if n < 0.0 && (int != "0" || frac.chars().any(|c| c != '0')) {
        out.push('-');
    }
    for (i, c) in digits.iter().enumerate() {
        let left = digits.len() - i;
        if grouped && i > 0 && left.is_multiple_of(3) {
            out.push(group);
        }
        out.push(*c);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(&frac);
    }
    out
}

fn fluent_number(lang: Lang, value: &FluentValue) -> Option<String> {
    match value {
        FluentValue::Number(n) => {
            let max = n.options.maximum_fraction_digits.unwrap_or(if n.value.fract() == 0.0 { 0 } else { 2 });
            let min = n.options.minimum_fraction_digits.unwrap_or(0).min(max);
            Some(write_number(lang, n.value, min, max))
        }
        _ => None,
    }
}

pub(super) fn fluent_number_en<M>(value: &FluentValue, _: &M) -> Option<String> {
    fluent_number(Lang::En, value)
}

pub(super) fn fluent_number_es<M>(value: &FluentValue, _: &M) -> Option<String> {
    fluent_number(Lang::Es, value)
}

pub(super) fn fluent_number_nl<M>(value: &FluentValue, _: &M) -> Option<String> {
    fluent_number(Lang::Nl, value)
}

const MONTHS: [[&str; 12]; 3] = [
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"],
    ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
];

/// A calendar day in this thread's language: "7 Dec 2026", "7 dic 2026", "7 dec 2026".
pub fn date(d: time::Date) -> String {
    let lang = language() as usize;
    format!("{} {} {}", d.day(), MONTHS[lang][usize::from(u8::from(d.month())) - 1], d.year())
}

/// A stored RFC 3339 time (`2025-03-04T09:15:00Z`) as a day and hour in this thread's language
/// ("4 Mar 2025, 09:15"); text that is not such a time is shown as it is.
pub fn date_time(rfc3339: &str) -> String {
    let parsed = time::OffsetDateTime::parse(rfc3339, &time::format_description::well_known::Rfc3339);
    match parsed {
        Ok(t) => format!("{}, {:02}:{:02}", date(t.date()), t.hour(), t.minute()),
        Err(_) => match time::Date::parse(rfc3339.get(..10).unwrap_or(""), time::macros::format_description!("[year]-[month]-[day]")) {
            Ok(d) if rfc3339.len() == 10 => date(d),
            _ => rfc3339.to_string(),
        },
    }
}
