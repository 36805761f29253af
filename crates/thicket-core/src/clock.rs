//! The current time, in the one format the project file stores (RFC 3339, UTC, seconds).

/// Now, as `2026-11-23T20:14:05Z`.
pub fn now_rfc3339() -> String {
    let now = time::OffsetDateTime::now_utc().replace_nanosecond(0).unwrap_or_else(|_| time::OffsetDateTime::now_utc());
    now.format(&time::format_description::well_known::Rfc3339).unwrap_or_else(|_| "1970-01-01T00:00:00Z".into())
}

/// True for a real calendar date written `YYYY-MM-DD`.
pub fn is_valid_date(s: &str) -> bool {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    s.len() == 10 && time::Date::parse(s, &format).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_exist_in_the_calendar() {
        assert!(is_valid_date("2025-02-28"));
        assert!(is_valid_date("2024-02-29"));
        assert!(!is_valid_date("2025-02-29"));
        assert!(!is_valid_date("2025-2-3"));
        assert!(!is_valid_date("03/05/2024"));
    }

    #[test]
    fn timestamps_are_utc_seconds() {
        let t = now_rfc3339();
        assert!(t.ends_with('Z') && t.len() == 20, "{t}");
    }
}
