//! Fuzz speaker-turn detection: turns are sorted, disjoint, non-empty and inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let len = text.chars().count();
        let turns = thicket_core::import::detect_turns(text);
        let mut last = 0;
        for t in &turns {
            assert!(t.span.start >= last && t.span.start < t.span.end && t.span.end <= len);
            last = t.span.end;
        }
    }
});
