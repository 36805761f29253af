//! A tiny harness for integration tests: a temp dir, the real binary, and file snapshots.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![allow(dead_code)]

pub mod docx;
#[cfg(feature = "gui")]
pub mod gui;

use std::path::{Path, PathBuf};
use std::process::Output;

/// A short home-visit transcript with `Name:` turns (an interviewer, a caregiver, a social
/// worker), for tests of import, coding, search and autocode on speaker turns.
pub const TRANSCRIPT: &str = "Session 2 with the Okafor family, recorded at home.\n\n\
Interviewer: How did the visit go?\n\n\
Ada: Honestly? I felt like I was on trial again.\n\
She looked in every cupboard.\n\n\
Sam: I had to check the food, Ada. That is part of the plan we agreed.\n\n\
Ada: We agreed it in March. Nobody asked me since.\n\n\
Interviewer: And after that?\n\n\
Sam: We sat down and rewrote it together.\n";

/// A temp folder that is removed when dropped.
pub struct Dir {
    pub tmp: tempfile::TempDir,
}

impl Dir {
    pub fn new() -> Self {
        Dir { tmp: tempfile::tempdir().expect("temp dir") }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }

    /// Writes a file and returns its path.
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&path, bytes).expect("write");
        path
    }

    /// Names of the files in the folder, sorted.
    pub fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.tmp.path())
            .expect("read dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

/// Runs `thicket` with these arguments and no stdin.
pub fn thicket<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    assert_cmd::Command::cargo_bin("thicket")
        .expect("binary")
        .args(args)
        .env("THICKET_CODER", "tester")
        .output()
        .expect("run thicket")
}

/// Runs `thicket COMMAND PROJECT ARGS...`, the shape of every command on a project.
pub fn on_project(command: &str, project: &Path, args: &[&str]) -> Output {
    let mut all: Vec<std::ffi::OsString> = vec![command.into(), project.as_os_str().to_owned()];
    all.extend(args.iter().map(|a| a.into()));
    thicket(all)
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs and asserts success; returns stdout.
pub fn ok<I, S>(args: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let o = thicket(args);
    assert!(o.status.success(), "thicket failed: {}\n{}", stderr(&o), stdout(&o));
    stdout(&o)
}

/// Runs with `--format json` already in `args` and parses stdout.
pub fn json<I, S>(args: I) -> serde_json::Value
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    serde_json::from_str(&ok(args)).expect("valid JSON")
}

/// The exact bytes of a file, to prove a failed command changed nothing.
pub fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("read file")
}

/// Asserts the command failed with exit code 1 and a message containing each of `needles`.
pub fn fails_with(o: &Output, needles: &[&str]) {
    assert_eq!(o.status.code(), Some(1), "expected exit 1, stderr: {}", stderr(o));
    let err = stderr(o);
    for n in needles {
        assert!(err.contains(n), "stderr {err:?} does not mention {n:?}");
    }
}

/// Parses an SVG document with quick-xml; returns the text of every element, in order (a text
/// with entities, such as `Child&apos;s`, as one text).
pub fn svg_texts(svg: &str) -> Vec<String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(svg);
    let mut texts = Vec::new();
    // The text being read: text events and entities until the next tag.
    let mut text: Option<String> = None;
    let mut depth = 0i32;
    let mut root = None;
    loop {
        let event = reader.read_event().unwrap_or_else(|e| panic!("SVG is not well-formed XML at {}: {e}", reader.buffer_position()));
        match event {
            Event::Text(t) => text.get_or_insert_with(String::new).push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let name = (*r).to_string();
                let ch = match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unexpected entity {other}"),
                };
                text.get_or_insert_with(String::new).push_str(ch);
            }
            other => {
                texts.extend(text.take());
                match other {
                    Event::Start(e) => {
                        depth += 1;
                        root.get_or_insert_with(|| e.name().as_ref().to_string());
                    }
                    Event::End(_) => depth -= 1,
                    Event::Eof => break,
                    _ => {}
                }
            }
        }
    }
    assert_eq!(depth, 0, "every element is closed");
    assert_eq!(root.as_deref(), Some("svg"));
    texts
}

/// The `width`, `height` and `viewBox` attributes of an SVG document's root, read with quick-xml.
pub fn svg_root_size(svg: &str) -> (String, String, String) {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(svg);
    loop {
        match reader.read_event().expect("well-formed SVG") {
            Event::Start(e) if e.name().as_ref() == "svg" => {
                let attr = |name: &str| {
                    let a = e.try_get_attribute(name).expect("attribute").unwrap_or_else(|| panic!("the root has no {name}"));
                    a.value.to_string()
                };
                return (attr("width"), attr("height"), attr("viewBox"));
            }
            Event::Eof => panic!("no <svg> root"),
            _ => {}
        }
    }
}
