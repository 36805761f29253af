//! `thicket coder` and `thicket list PROJECT coders`: the team's coders, as the window's Team view
//! shows and changes them (issue #13, part 1). Renaming, recolouring and retiring are actions;
//! `blind on|off` writes the blind-session record the window writes on entering and leaving blind
//! mode.

use serde_json::{Value, json};

use super::CoderCommand;
use super::output::{Format, Table, print, say};
use thicket_core::action::Action;
use thicket_core::error::{Error, Result};
use thicket_core::model::Rgb;
use thicket_core::project::{Project, format_duration};

/// Runs one `coder` subcommand.
pub fn run(p: &mut Project, command: CoderCommand) -> Result<()> {
    match command {
        CoderCommand::Add { name, color } => {
            // The colour is checked before the coder is created, so a bad one leaves nothing behind.
            let rgb = color.as_deref().map(|c| parse_color(c, &name)).transpose()?;
            let created = p.perform(Action::CreateCoder { name: name.clone() })?;
            let id = created.created.coders.first().copied().ok_or_else(|| Error::internal(format!("could not create coder \"{name}\"")))?;
            if let Some(rgb) = rgb {
                p.perform(Action::SetCoderColor { id, color: rgb.hex_upper() })?;
            }
            say!("added coder \"{name}\" ({})", p.coder_named(&name)?.color);
        }
        CoderCommand::Rename { old, new } => {
            let c = p.coder_named(&old)?;
            p.perform(Action::RenameCoder { id: c.id, name: new.clone() })?;
            say!("renamed coder \"{old}\" to \"{new}\"");
        }
        CoderCommand::Color { name, color } => {
            let c = p.coder_named(&name)?;
            let rgb = parse_color(&color, &name)?;
            p.perform(Action::SetCoderColor { id: c.id, color: rgb.hex_upper() })?;
            say!("coder \"{name}\" is now {}", rgb.hex_upper());
        }
        CoderCommand::Retire { name } => set_retired(p, &name, true)?,
        CoderCommand::Unretire { name } => set_retired(p, &name, false)?,
        CoderCommand::Blind { name, state } => {
            let c = p.coder_named(&name)?;
            if state == "on" {
                if c.retired {
                    return Err(Error::invalid(format!("coder \"{name}\" is retired: bring them back first (thicket coder PROJECT unretire \"{name}\")")));
                }
                p.begin_blind_session(c.id)?;
                say!("\"{name}\" is coding blind from now on (end it with: thicket coder PROJECT blind \"{name}\" off)");
            } else {
                match p.end_blind_session(c.id)? {
                    0 => return Err(Error::invalid(format!("coder \"{name}\" is not coding blind"))),
                    _ => say!("\"{name}\" has stopped coding blind"),
                }
            }
        }
    }
    Ok(())
}

fn set_retired(p: &mut Project, name: &str, retired: bool) -> Result<()> {
    let c = p.coder_named(name)?;
    if c.retired == retired {
        let state = if retired { "already retired" } else { "not retired" };
        return Err(Error::invalid(format!("coder \"{name}\" is {state}")));
    }
    p.perform(Action::SetCoderRetired { id: c.id, retired })?;
    if retired {
        say!("retired coder \"{name}\": their codings and memos stay");
    } else {
        say!("coder \"{name}\" is back");
    }
    Ok(())
}

fn parse_color(color: &str, coder: &str) -> Result<Rgb> {
    Rgb::parse(color).ok_or_else(|| Error::invalid(format!("invalid colour \"{color}\" for coder \"{coder}\": expected #RRGGBB")))
}

/// `thicket list PROJECT coders`: each coder with colour, whether retired, codings, memos and time
/// spent coding blind. JSON keeps the fields it always had (`name`, `codings`, `uuid`) and adds
/// `color`, `retired`, `memos`, `blind_seconds`, `blind_now` and `blind_sessions`.
pub fn list(p: &Project, format: Format) -> Result<()> {
    let mut table = Table::new(vec!["name", "codings", "memos", "color", "retired", "blind"]);
    let mut rows = Vec::new();
    for s in p.coder_summaries()? {
        let c = &s.coder;
        let blind = match (s.blind_sessions.len(), s.blind_now()) {
            (0, _) => String::new(),
            (n, now) => format!("{} in {n} session{}{}", format_duration(s.blind_seconds), if n == 1 { "" } else { "s" }, if now { ", blind now" } else { "" }),
        };
        table.rows.push(vec![c.name.clone(), s.codings.to_string(), s.memos.to_string(), c.color.clone(), if c.retired { "yes" } else { "" }.into(), blind]);
        let sessions: Vec<Value> = s
            .blind_sessions
            .iter()
            .map(|b| json!({"started_at": b.started_at, "ended_at": b.ended_at, "last_activity_at": b.last_activity_at}))
            .collect();
        rows.push(json!({
            "name": c.name, "codings": s.codings, "uuid": c.uuid, "color": c.color, "retired": c.retired,
            "memos": s.memos, "blind_seconds": s.blind_seconds, "blind_now": s.blind_now(), "blind_sessions": sessions,
        }));
    }
    print(format, &table, &Value::Array(rows))
}
