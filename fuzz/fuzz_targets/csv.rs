//! Fuzz the .csv importer: any bytes give a document or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use thicket_core::import::{ImportSettings, import_bytes};

fuzz_target!(|data: &[u8]| {
    let _ = import_bytes("fuzz.csv", data, &ImportSettings::default());
});
