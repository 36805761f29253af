//! The sample study's files, compiled into the binary so `thicket sample` works anywhere.

macro_rules! sample_files {
    ($dir:literal: $($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../../../sample-projects/working-alliance/", $dir, "/", $name)))),*]
    };
}

/// The study description (becomes the project memo).
pub(super) const STUDY: &str = include_str!("../../../../sample-projects/working-alliance/study.md");

/// The codebook, `## Path` headings with fields.
pub(super) const CODEBOOK: &str = include_str!("../../../../sample-projects/working-alliance/codebook.md");

/// Participants: name, role, cases.
pub(super) const PARTICIPANTS: &str = include_str!("../../../../sample-projects/working-alliance/participants.tsv");

/// Sources (file name, content with front matter), in the order they are imported: by case, then date.
pub const SOURCES: &[(&str, &str)] = sample_files!("sources":
    "harlow-case-file.txt",
    "harlow-session-1.txt",
    "harlow-observation-1.txt",
    "harlow-session-2.txt",
    "harlow-session-3.md",
    "harlow-session-4.txt",
    "mensah-case-file.txt",
    "mensah-session-1.txt",
    "mensah-session-2.txt",
    "mensah-session-3.txt",
    "mensah-observation-1.txt",
    "mensah-session-4.txt",
    "kowalski-case-file.txt",
    "kowalski-session-1.txt",
    "kowalski-session-2.txt",
    "kowalski-observation-1.txt",
    "kowalski-session-3.txt",
    "focus-group-1.txt",
);

/// Codings by the two coders, anchored by quotes.
pub(super) const CODINGS: &[(&str, &str)] = sample_files!("codings":
    "harlow.tsv",
    "mensah.tsv",
    "kowalski.tsv",
    "focus-group.tsv",
);
