//! Fuzz decoding and normalisation of plain text (.txt): BOMs, UTF-16, legacy encodings.
#![no_main]

use libfuzzer_sys::fuzz_target;
use thicket_core::import::{ImportSettings, import_bytes};

fuzz_target!(|data: &[u8]| {
    if let Ok(docs) = import_bytes("fuzz.txt", data, &ImportSettings::default()) {
        for d in docs {
            assert!(!d.text.contains('\r'), "line endings are normalised");
        }
    }
});
