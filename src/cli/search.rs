//! `thicket search` and `thicket autocode`: arguments in, the project's search and autocode plan
//! called, results printed (docs/cli.md).

use std::path::PathBuf;

use clap::Args;
use serde_json::{Value, json};

use thicket_core::project::default_coder;
use super::output::{Format, Table, print, say, snippet};
use thicket_core::error::{Ending, Error, Result};
use thicket_core::model::*;
use thicket_core::project::{AutocodePlan, AutocodeSpec, CodingUnit, Project, SearchResults, SearchScope};
use thicket_core::text::{Folding, Language, SearchPattern};

/// Refusal of `--whole-word` with a regular expression, whose word ends the user writes.
const WHOLE_WORD_WITH_REGEX: &str = "--whole-word applies to plain text, not to a regular expression: write \\b at the word's ends instead";

/// What a plain search ignores (docs/search.md): by default case, accents, typographic quotes and
/// dashes, and Unicode form.
#[derive(Debug, Clone, Default, Args)]
pub struct FoldingArgs {
    /// Upper and lower case differ (plain text only; a regular expression is case-sensitive unless it says (?i)).
    #[arg(long)]
    pub case: bool,
    /// Accents differ: "participacion" does not find "participación" (plain text only).
    #[arg(long)]
    pub accents: bool,
    /// Match characters exactly as typed: case, accents, typographic quotes and dashes, and Unicode form (NFC/NFD).
    #[arg(long)]
    pub exact: bool,
    /// Language of the text for its case rules: tr (Turkish dotted and dotless i), nl (Dutch IJ); others use Unicode's.
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,
}

impl FoldingArgs {
    /// The folding these flags ask for; `regex` refuses the flags that only plain text has.
    fn folding(&self, regex: bool) -> Result<Folding> {
        if regex {
            let plain_only = [(self.case, "--case"), (self.accents, "--accents"), (self.lang.is_some(), "--lang")];
            if let Some((_, flag)) = plain_only.iter().find(|(set, _)| *set) {
                return Err(Error::invalid(format!(
                    "{flag} applies to plain text, not to a regular expression (write (?i) for case-insensitive; accents are matched as written)"
                )));
            }
        }
        let language = match &self.lang {
            None => Language::Other,
            Some(code) => Language::parse(code)
                .ok_or_else(|| Error::invalid(format!("unknown --lang \"{code}\": expected a language code such as en, es, nl or tr")))?,
        };
        let mut folding = if self.exact { Folding::EXACT } else { Folding::default() };
        folding.language = language;
        if self.case {
            folding.ignore_case = false;
        }
        if self.accents {
            folding.ignore_accents = false;
        }
        Ok(folding)
    }
}

/// `thicket search`
#[derive(Debug, Clone, Args)]
pub struct SearchArgs {
    pub project: PathBuf,
    /// The word or phrase to find (ignoring case, accents and typographic quotes unless told), or a regular expression with --regex.
    pub pattern: String,
    /// Read PATTERN as a regular expression (case-sensitive unless it starts with (?i)).
    #[arg(long)]
    pub regex: bool,
    /// Only matches that do not cut a word at either end (plain phrases only).
    #[arg(long)]
    pub whole_word: bool,
    #[command(flatten)]
    pub folding: FoldingArgs,
    /// Search only this source (repeatable).
    #[arg(long = "source")]
    pub sources: Vec<String>,
    /// Describe at most this many hits (all are counted).
    #[arg(long, default_value_t = 200)]
    pub limit: usize,
    #[arg(long, default_value = "table")]
    pub format: String,
}

/// `thicket autocode`
#[derive(Debug, Clone, Args)]
pub struct AutocodeArgs {
    pub project: PathBuf,
    /// The code's path, e.g. "Tensions/Questioned parenting".
    pub code: String,
    /// A regular expression to code every match of.
    #[arg(long, required_unless_present = "plain", conflicts_with = "plain")]
    pub pattern: Option<String>,
    /// A word or phrase to code every occurrence of (ignoring case, accents and typographic quotes unless told), instead of --pattern.
    #[arg(long)]
    pub plain: Option<String>,
    /// With --plain: only occurrences that do not cut a word at either end.
    #[arg(long)]
    pub whole_word: bool,
    #[command(flatten)]
    pub folding: FoldingArgs,
    /// What to code around each hit: match, sentence, paragraph or turn.
    #[arg(long, default_value = "match")]
    pub unit: String,
    /// Only hits inside turns of participants with this role, e.g. caregiver.
    #[arg(long)]
    pub role: Option<String>,
    /// Only this source (repeatable).
    #[arg(long = "source")]
    pub sources: Vec<String>,
    #[arg(long)]
    pub coder: Option<String>,
    /// Report what would be coded; change nothing.
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long, default_value = "table")]
    pub format: String,
}

/// Runs `thicket search`.
pub(super) fn search(args: SearchArgs) -> Result<Ending> {
    let format = Format::parse(&args.format)?;
    let pattern = if args.regex {
        if args.whole_word {
            return Err(Error::invalid(WHOLE_WORD_WITH_REGEX));
        }
        SearchPattern::regex(&args.pattern)
    } else {
        SearchPattern::plain(&args.pattern, args.whole_word)
    };
    let pattern = pattern.with_folding(args.folding.folding(args.regex)?);
    let p = super::passphrase::open_project(&args.project)?;
    let sources = source_ids(&p, &args.sources)?;
    let results = p.search(&pattern, &SearchScope { sources, limit: args.limit })?;
    p.close()?;
    print_results(&pattern, &results, format)?;
    Ok(Ending::Success)
}

fn print_results(pattern: &SearchPattern, results: &SearchResults, format: Format) -> Result<()> {
    let mut table = Table::new(vec!["source", "paragraph", "start", "end", "speaker", "context"]);
    for h in &results.hits {
        let context = format!("{}[{}]{}", h.before, h.text, h.after);
        let context = if format == Format::Csv { context } else { snippet(&context, 100) };
        table.rows.push(vec![h.source.clone(), h.paragraph.to_string(), h.start.to_string(), h.end.to_string(), h.speaker.clone().unwrap_or_default(), context]);
    }
    let json = json!({
        "pattern": pattern.text,
        "regex": matches!(pattern.kind, thicket_core::text::PatternKind::Regex),
        "whole_word": matches!(pattern.kind, thicket_core::text::PatternKind::Plain { whole_word: true }),
        "folding": folding_json(pattern),
        "total": results.total,
        "sources_with_hits": results.sources_with_hits,
        "sources_scanned": results.sources_scanned,
        "sources_in_scope": results.sources_in_scope,
        "hits": serde_json::to_value(&results.hits).unwrap_or(Value::Null),
    });
    print(format, &table, &json)?;
    if format == Format::Table {
        let more = if results.hits.len() < results.total { "; raise --limit to see more" } else { "" };
        say!("{}{more}", results.summary());
    }
    Ok(())
}

/// Runs `thicket autocode`.
pub(super) fn autocode(args: AutocodeArgs) -> Result<Ending> {
    let format = Format::parse(&args.format)?;
    if format == Format::Csv {
        return Err(Error::invalid("autocode prints table or json"));
    }
    let unit = CodingUnit::parse(&args.unit)
        .ok_or_else(|| Error::invalid(format!("unknown --unit \"{}\": expected match, sentence, paragraph or turn", args.unit)))?;
    let pattern = match (&args.pattern, &args.plain) {
        (Some(_), _) if args.whole_word => {
            return Err(Error::invalid(WHOLE_WORD_WITH_REGEX));
        }
        (Some(regex), _) => SearchPattern::regex(regex),
        (None, Some(plain)) => SearchPattern::plain(plain, args.whole_word),
        (None, None) => return Err(Error::invalid("say what to code: --pattern REGEX or --plain TEXT")),
    };
    let pattern = pattern.with_folding(args.folding.folding(args.pattern.is_some())?);
    let mut p = super::passphrase::open_project(&args.project)?;
    let code = p.code_at(&args.code)?;
    let sources = source_ids(&p, &args.sources)?;
    let coder_name = args.coder.clone().unwrap_or_else(default_coder);
    let coder = p.coders()?.into_iter().find(|c| c.name == coder_name).map(|c| c.id);
    let spec = AutocodeSpec { pattern: pattern.clone(), code, unit, role: args.role.clone(), sources, coder };
    let plan = p.plan_autocode(&spec)?;
    if !args.dry_run && plan.added() > 0 {
        // The audit trail names the coder as who coded; a new coder is created in the same
        // transaction as their codings: all or nothing.
        p.set_actor(&coder_name);
        p.perform_as(&coder_name, |coder| plan.action(coder))?;
    }
    p.close()?;
    print_plan(&args, &pattern, &coder_name, &plan, format)?;
    Ok(Ending::Success)
}

fn print_plan(args: &AutocodeArgs, pattern: &SearchPattern, coder: &str, plan: &AutocodePlan, format: Format) -> Result<()> {
    if format == Format::Json {
        let mut json = serde_json::to_value(plan).unwrap_or(Value::Null);
        json["added"] = json!(plan.added());
        json["dry_run"] = json!(args.dry_run);
        json["coder"] = json!(coder);
        json["pattern"] = json!(pattern.text);
        json["folding"] = folding_json(pattern);
        json["role"] = json!(args.role);
        return print(format, &Table::default(), &json);
    }
    let verb = if args.dry_run { "would add" } else { "added" };
    let n = plan.added();
    let count = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    say!(
        "{verb} {} of \"{}\" ({} unit) in {} for {coder}: {}, {} already coded{}",
        count(n, "coding", "codings"),
        plan.code,
        plan.unit.as_str(),
        count(plan.sources, "source", "sources"),
        count(plan.hits, "hit", "hits"),
        plan.existing,
        match (&args.role, plan.unit) {
            (Some(role), _) => format!(", {} outside turns of a {role}", plan.outside),
            (None, CodingUnit::Turn) => format!(", {} outside any turn", plan.outside),
            (None, _) => String::new(),
        }
    );
    if args.dry_run && n > 0 {
        let mut table = Table::new(vec!["source", "start", "end", "text"]);
        for c in &plan.codings {
            table.rows.push(vec![c.source.clone(), c.start.to_string(), c.end.to_string(), snippet(&c.text, 80)]);
        }
        print(Format::Table, &table, &Value::Null)?;
    }
    Ok(())
}

/// The folding a pattern was searched with, as JSON: what it ignored, and the language code.
fn folding_json(pattern: &SearchPattern) -> Value {
    let f = pattern.folding;
    json!({
        "ignore_case": f.ignore_case,
        "ignore_accents": f.ignore_accents,
        "typography": f.typography,
        "unicode": f.unicode,
        "lang": f.language.code(),
    })
}

/// Ids of the sources named on the command line (none named: none, meaning all).
fn source_ids(p: &Project, names: &[String]) -> Result<Vec<SourceId>> {
    names.iter().map(|n| p.source_named(n).map(|s| s.id)).collect()
}
