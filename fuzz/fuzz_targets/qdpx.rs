//! Fuzz the REFI-QDA project reader and the rows built from it: any bytes give a plan or an
//! error, never a panic (ZIP and XML limits, offsets in any unit, GUIDs in any form).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = thicket_core::project::refi::plan_qdpx(data, "fuzz.qdpx");
});
