//! docs/cli.md against the command line itself: every command and every flag that `--help`
//! shows is documented in the command's section, so the page cannot drift from the flags again.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

mod common;

use common::*;

/// The text of each `## name` section of docs/cli.md, with its heading.
fn sections() -> Vec<(String, String)> {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/cli.md")).unwrap();
    doc.split("\n## ")
        .skip(1)
        .map(|s| {
            let heading = s.lines().next().unwrap_or_default();
            (heading.to_string(), s.to_string())
        })
        .collect()
}

/// Every long flag of `command` and its subcommands, as `--flag` (clap's own `--help` and
/// `--version` aside).
fn flags(command: &clap::Command, out: &mut Vec<String>) {
    for arg in command.get_arguments() {
        if let Some(long) = arg.get_long()
            && long != "help"
            && long != "version"
        {
            out.push(format!("--{long}"));
        }
    }
    for sub in command.get_subcommands() {
        flags(sub, out);
    }
}

/// What documents command `name`: its own sections (`## name`, `## name add`, …) and the sections
/// of flags it shares with others (`## … common flags …`, naming it as `` `name` ``).
fn documentation(sections: &[(String, String)], name: &str) -> String {
    sections
        .iter()
        .filter(|(heading, text)| {
            heading.split_whitespace().next() == Some(name) || (heading.contains("common flags") && text.contains(&format!("`{name}`")))
        })
        .map(|(_, text)| text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// True when `flag` stands in `text` as itself, not as the start of a longer flag (`--date-from`
/// is not documented by `--date-from-name`).
fn mentions(text: &str, flag: &str) -> bool {
    text.match_indices(flag).any(|(i, _)| !text[i + flag.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '-'))
}

#[test]
fn the_flag_check_does_not_take_a_longer_flag_for_a_shorter_one() {
    assert!(!mentions("`--date-from-name` reads the date", "--date-from"));
    assert!(mentions("`--date-from name|modified`", "--date-from"));
}

#[test]
fn every_command_and_flag_of_the_help_is_in_docs_cli_md() {
    let sections = sections();
    let mut missing = Vec::new();
    for sub in thicket::cli::command().get_subcommands() {
        let name = sub.get_name();
        let text = documentation(&sections, name);
        if text.is_empty() {
            missing.push(format!("no section \"## {name}\""));
            continue;
        }
        for nested in sub.get_subcommands() {
            if !text.contains(&format!(" {} ", nested.get_name())) {
                missing.push(format!("{name}: no mention of its subcommand \"{}\"", nested.get_name()));
            }
        }
        let mut all = Vec::new();
        flags(sub, &mut all);
        all.sort();
        all.dedup();
        for flag in all {
            if !mentions(&text, &flag) {
                missing.push(format!("{name}: {flag}"));
            }
        }
    }
    assert!(missing.is_empty(), "docs/cli.md lacks:\n{}", missing.join("\n"));
}

#[test]
fn import_help_names_every_format_the_importers_read() {
    let help = ok(["import", "--help"]);
    for ext in thicket_core::import::SUPPORTED_EXTENSIONS {
        assert!(help.contains(&format!(".{ext}")), "import --help does not name .{ext}:\n{help}");
    }
}
