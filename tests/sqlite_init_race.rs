//! SQLCipher registers its SQL functions (`sqlcipher_export`, which encrypting and decrypting
//! use) for each new connection only once its extra initialisation has run, which SQLite does
//! after it has marked itself initialised, outside its lock. Connections opened by other threads
//! in that moment lacked the functions: in CI the first test of tests/gui_encryption.rs failed with
//! "no such function: sqlcipher_export" while the other tests of the binary were starting.
//! Here several threads open projects at the very start of a process (this file is its own test
//! binary, so nothing has opened SQLite before) and then encrypt them. A race can only be caught
//! sometimes: without the fix (`store::connection`) this test failed about one run in twelve.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

use std::sync::{Arc, Barrier};

use thicket_core::Project;
use thicket_core::store::Passphrase;

#[test]
fn projects_opened_by_threads_at_process_start_can_all_be_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    let threads = 8;
    let start = Arc::new(Barrier::new(threads));
    let handles: Vec<_> = (0..threads)
        .map(|i| {
            let (start, path) = (Arc::clone(&start), dir.path().join(format!("p{i}.thicket")));
            std::thread::spawn(move || {
                start.wait();
                let mut p = Project::create(&path, "race").map_err(|e| e.to_string())?;
                p.set_encryption(Some(&Passphrase::new("river walk").unwrap())).map_err(|e| e.to_string())?;
                p.close().map_err(|e| e.to_string())?;
                Ok::<_, String>(())
            })
        })
        .collect();
    let failures: Vec<String> = handles.into_iter().filter_map(|h| h.join().unwrap().err()).collect();
    assert!(failures.is_empty(), "{failures:?}");
}
