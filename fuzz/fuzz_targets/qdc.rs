//! Fuzz the REFI-QDA codebook reader: any bytes give a codebook or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = thicket_core::import::refi::read_qdc(data, "fuzz.qdc");
});
