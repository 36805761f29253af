//! Passphrases on the command line (docs/cli.md, "Encrypted projects"): from `--passphrase-file
//! FILE`, else `$THICKET_PASSPHRASE`, else typed at a prompt without echo when stdin is a
//! terminal. Never a plain `--passphrase VALUE`: other users can read a command line in `ps`.
//!
//! A passphrase is asked for only when a project is encrypted, once per run.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use thicket_core::error::{Error, Ending, IoOp, Result};
use thicket_core::project::Project;
use thicket_core::store::{Passphrase, StoreError, looks_encrypted};

/// The environment variable a passphrase may come from.
pub const ENV: &str = "THICKET_PASSPHRASE";
/// The environment variable the new passphrase of `thicket passphrase` may come from.
pub const NEW_ENV: &str = "THICKET_NEW_PASSPHRASE";

static FILE: OnceLock<Option<PathBuf>> = OnceLock::new();
static CURRENT: OnceLock<Passphrase> = OnceLock::new();

/// Remembers `--passphrase-file` for this run.
pub(super) fn set_file(file: Option<PathBuf>) {
    let _ = FILE.set(file);
}

/// Reads a passphrase from a file, naming the file in any error.
fn from_file(file: &Path) -> Result<Passphrase> {
    let text = std::fs::read_to_string(file).map_err(|e| Error::Io { op: IoOp::Read, path: file.to_owned(), source: e })?;
    Passphrase::new(&text).map_err(|why| Error::invalid(format!("cannot use the passphrase in \"{}\": {why}", file.display())))
}

/// Asks at the terminal, without echo; `twice` asks again to confirm (a new passphrase).
fn prompt(question: &str, twice: bool) -> Result<Passphrase> {
    let read = |q: &str| rpassword::prompt_password(q).map_err(|e| Error::invalid(format!("cannot read the passphrase from the terminal: {e}")));
    let first = read(question)?;
    if twice && read("Type it again: ")? != first {
        return Err(Error::invalid("the two passphrases typed differ: nothing was changed"));
    }
    Passphrase::new(&first).map_err(Error::invalid)
}

/// The passphrase of the encrypted project `project`: `--passphrase-file`, `$THICKET_PASSPHRASE`
/// or the terminal, asked once per run. Without any of them, the project's "is encrypted" error.
pub fn current(project: &Path) -> Result<Passphrase> {
    if let Some(p) = CURRENT.get() {
        return Ok(p.clone());
    }
    let found = if let Some(file) = FILE.get().and_then(Option::as_ref) {
        from_file(file)?
    } else if let Some(text) = std::env::var(ENV).ok().filter(|t| !t.is_empty()) {
        Passphrase::new(&text).map_err(|why| Error::invalid(format!("cannot use ${ENV}: {why}")))?
    } else if std::io::stdin().is_terminal() {
        prompt(&format!("Passphrase for \"{}\": ", project.display()), false)?
    } else {
        return Err(StoreError::Encrypted { path: project.to_owned() }.into());
    };
    Ok(CURRENT.get_or_init(|| found).clone())
}

/// A new passphrase for `project` (`encrypt`, `new --encrypt`): like [`current`], but typed twice
/// at a terminal.
fn new_for(project: &Path) -> Result<Passphrase> {
    if FILE.get().and_then(Option::as_ref).is_some() || std::env::var(ENV).is_ok_and(|t| !t.is_empty()) {
        return current(project);
    }
    if std::io::stdin().is_terminal() {
        return prompt(&format!("New passphrase for \"{}\": ", project.display()), true);
    }
    Err(Error::invalid(format!(
        "encrypting \"{}\" needs a passphrase: give it with --passphrase-file FILE or ${ENV} (or type it at a terminal)",
        project.display()
    )))
}

/// The key to open `project` with: none for a plain project, its passphrase for an encrypted one.
pub(super) fn key_for(project: &Path) -> Result<Option<Passphrase>> {
    if looks_encrypted(project) { current(project).map(Some) } else { Ok(None) }
}

/// Opens a project for a command, asking for its passphrase when it is encrypted.
pub fn open_project(project: &Path) -> Result<Project> {
    let key = key_for(project)?;
    Project::open_keyed(project, key.as_ref())
}

/// Opens a project for reading only, asking for its passphrase when it is encrypted.
pub fn open_for_reading(project: &Path) -> Result<Project> {
    let key = key_for(project)?;
    Project::open_for_reading_keyed(project, key.as_ref())
}

/// Opens a FROM project of `merge`, asking for its passphrase when it is encrypted.
pub fn open_merge_source(path: &Path) -> Result<thicket_core::project::MergeSource> {
    let key = key_for(path)?;
    thicket_core::project::MergeSource::open_keyed(path, key.as_ref())
}

/// Creates a project, encrypted when `encrypt` is set.
pub fn create_project(project: &Path, title: &str, encrypt: bool) -> Result<Project> {
    if encrypt {
        let key = new_for(project)?;
        Project::create_encrypted(project, title, &key)
    } else {
        Project::create(project, title)
    }
}

/// `thicket encrypt PROJECT`: a plain project becomes encrypted.
pub(super) fn encrypt(project: &Path) -> Result<Ending> {
    if looks_encrypted(project) {
        return Err(Error::Conflict(format!(
            "\"{}\" is already encrypted: nothing was changed (`thicket passphrase` changes its passphrase)",
            project.display()
        )));
    }
    let mut p = Project::open(project)?;
    let key = new_for(project)?;
    p.set_encryption(Some(&key))?;
    p.close()?;
    say(&format!("encrypted {}: it opens only with its passphrase, which cannot be recovered if lost", project.display()))?;
    Ok(Ending::Success)
}

/// `thicket decrypt PROJECT`: an encrypted project becomes plain.
pub(super) fn decrypt(project: &Path) -> Result<Ending> {
    if !looks_encrypted(project) {
        let p = Project::open(project)?;
        p.close()?;
        return Err(Error::Conflict(format!("\"{}\" is not encrypted: nothing was changed", project.display())));
    }
    let mut p = open_project(project)?;
    p.set_encryption(None)?;
    p.close()?;
    say(&format!("decrypted {}: it is a plain project again", project.display()))?;
    Ok(Ending::Success)
}

/// `thicket passphrase PROJECT`: the new passphrase from `--new-passphrase-file`,
/// `$THICKET_NEW_PASSPHRASE` or the terminal (typed twice).
pub(super) fn change(project: &Path, new_file: Option<&Path>) -> Result<Ending> {
    if !looks_encrypted(project) {
        let p = Project::open(project)?;
        p.close()?;
        return Err(Error::Conflict(format!("\"{}\" is not encrypted: nothing was changed (`thicket encrypt` encrypts it)", project.display())));
    }
    let mut p = open_project(project)?;
    let new = if let Some(file) = new_file {
        from_file(file)?
    } else if let Some(text) = std::env::var(NEW_ENV).ok().filter(|t| !t.is_empty()) {
        Passphrase::new(&text).map_err(|why| Error::invalid(format!("cannot use ${NEW_ENV}: {why}")))?
    } else if std::io::stdin().is_terminal() {
        prompt(&format!("New passphrase for \"{}\": ", project.display()), true)?
    } else {
        return Err(Error::invalid(format!(
            "a new passphrase for \"{}\" is needed: give it with --new-passphrase-file FILE or ${NEW_ENV} (or type it at a terminal)",
            project.display()
        )));
    };
    p.set_encryption(Some(&new))?;
    p.close()?;
    say(&format!("changed the passphrase of {}", project.display()))?;
    Ok(Ending::Success)
}

fn say(text: &str) -> Result<()> {
    super::output::say!("{text}");
    Ok(())
}
