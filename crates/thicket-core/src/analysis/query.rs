//! Boolean retrieval: `"Ruptures/Withdrawal" AND "Repair/Honesty"`, `Tensions NEAR/200 Repair`,
//! `(A OR B) NOT C`, `A FOLLOWED-BY/2p B`.
//!
//! In: the text of an expression and `AnalysisData` (narrowed beforehand by a `Scope` for the
//! case/kind/role/coder/date filters). Out: the ids of the codings (segments) the expression
//! retrieves, sorted.
//!
//! Every expression stands for a set of codings. A code operand is the codings of the code and
//! its sub-codes (`=Code` for the code alone). Binary operators relate codings of the same source,
//! and a coding is never related to itself:
//! - `A OR B`: the codings of either.
//! - `A AND B`: the codings of A that overlap (share a char with) a coding of B, and those B codings.
//! - `A NOT B`: the codings of A that overlap no coding of B.
//! - `A NEAR/n B`: codings of A and of B at most n chars apart (`NEAR/np`: at most n paragraphs
//!   apart; plain `NEAR` is `NEAR/0p`, the same paragraph), both sides.
//! - `A FOLLOWED-BY B`: codings of A with a coding of B starting at or after their start, and those
//!   B codings; `FOLLOWED-BY/n` limits the gap to n chars, `/np` to n paragraphs between starts.
//!
//! Precedence, loosest first: `OR`; `AND` and `NOT`; `NEAR` and `FOLLOWED-BY`. Operators of one
//! level group from the left; parentheses override. Keywords are case-insensitive. Unquoted code
//! paths may contain spaces (`Child's perspective AND Repair`); quote a path that contains a
//! keyword, a parenthesis or a quote (`\"` and `\\` escape inside quotes).

use std::collections::{BTreeSet, HashMap};

use super::data::{AnalysisCoding, AnalysisData};
use crate::error::{Error, Result};
use crate::model::*;

/// How far apart two codings may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Distance {
    Chars(usize),
    Paragraphs(usize),
}

impl std::fmt::Display for Distance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Distance::Chars(n) => write!(f, "{n}"),
            Distance::Paragraphs(n) => write!(f, "{n}p"),
        }
    }
}

/// A parsed expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    /// A code's codings; `exact` leaves out its sub-codes.
    Code { id: CodeId, path: String, exact: bool },
    Or(Box<Query>, Box<Query>),
    And(Box<Query>, Box<Query>),
    Not(Box<Query>, Box<Query>),
    Near(Box<Query>, Box<Query>, Distance),
    FollowedBy(Box<Query>, Box<Query>, Option<Distance>),
}

impl std::fmt::Display for Query {
    /// The canonical form: quoted paths, every binary operation in parentheses.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Query::Code { path, exact, .. } => {
                write!(f, "{}\"{}\"", if *exact { "=" } else { "" }, path.replace('\\', "\\\\").replace('"', "\\\""))
            }
            Query::Or(a, b) => write!(f, "({a} OR {b})"),
            Query::And(a, b) => write!(f, "({a} AND {b})"),
            Query::Not(a, b) => write!(f, "({a} NOT {b})"),
            Query::Near(a, b, d) => write!(f, "({a} NEAR/{d} {b})"),
            Query::FollowedBy(a, b, None) => write!(f, "({a} FOLLOWED-BY {b})"),
            Query::FollowedBy(a, b, Some(d)) => write!(f, "({a} FOLLOWED-BY/{d} {b})"),
        }
    }
}

impl Query {
    /// True when evaluating the expression needs the source texts (a distance in paragraphs).
    pub fn needs_texts(&self) -> bool {
        match self {
            Query::Code { .. } => false,
            Query::Near(a, b, d) => matches!(d, Distance::Paragraphs(_)) || a.needs_texts() || b.needs_texts(),
            Query::FollowedBy(a, b, d) => matches!(d, Some(Distance::Paragraphs(_))) || a.needs_texts() || b.needs_texts(),
            Query::Or(a, b) | Query::And(a, b) | Query::Not(a, b) => a.needs_texts() || b.needs_texts(),
        }
    }
}

/// Parses an expression, resolving code paths in `codebook`.
pub fn parse_query(text: &str, codebook: &Codebook) -> Result<Query> {
    let tokens = lex(text)?;
    let mut p = Parser { text, tokens, pos: 0, codebook };
    if p.tokens.is_empty() {
        return Err(p.error("the query is empty: expected a code, e.g. \"Ruptures/Withdrawal\" AND Repair"));
    }
    let q = p.expr()?;
    match p.peek() {
        None => Ok(q),
        Some((at, Tok::RParen)) => Err(p.error_at(at, "unmatched )")),
        Some((at, _)) => Err(p.error_at(at, "expected AND, OR, NOT, NEAR or FOLLOWED-BY")),
    }
}

/// The codings `query` retrieves from `data`, by id.
pub fn evaluate(data: &AnalysisData, query: &Query) -> Result<Vec<CodingId>> {
    if query.needs_texts() {
        data.require_texts("a distance in paragraphs")?;
    }
    let set = eval(data, query);
    let mut ids: Vec<CodingId> = set.into_iter().filter_map(|i| data.codings.get(i).map(|c| c.id)).collect();
    ids.sort_unstable();
    Ok(ids)
}

/// Parses and evaluates in one step.
pub fn run_query(data: &AnalysisData, text: &str) -> Result<Vec<CodingId>> {
    evaluate(data, &parse_query(text, &data.codebook)?)
}

/// Indices into `data.codings`.
type Set = BTreeSet<usize>;

fn eval(data: &AnalysisData, q: &Query) -> Set {
    match q {
        Query::Code { id, exact, .. } => {
            let codes: BTreeSet<CodeId> = if *exact { [*id].into() } else { data.codebook.subtree(*id).into_iter().collect() };
            data.codings.iter().enumerate().filter(|(_, c)| codes.contains(&c.code)).map(|(i, _)| i).collect()
        }
        Query::Or(a, b) => eval(data, a).union(&eval(data, b)).copied().collect(),
        Query::And(a, b) => related(data, &eval(data, a), &eval(data, b), true, |x, y| x.span.overlaps(&y.span)),
        Query::Not(a, b) => {
            let xs = eval(data, a);
            let hit = related(data, &xs, &eval(data, b), false, |x, y| x.span.overlaps(&y.span));
            xs.difference(&hit).copied().collect()
        }
        Query::Near(a, b, d) => related(data, &eval(data, a), &eval(data, b), true, |x, y| near(data, x, y, *d)),
        Query::FollowedBy(a, b, d) => related(data, &eval(data, a), &eval(data, b), true, |x, y| follows(data, x, y, *d)),
    }
}

/// The codings of `xs` related to some coding of `ys` in the same source (other than
/// themselves), and with `both` also the codings of `ys` so related to some `x`.
fn related(data: &AnalysisData, xs: &Set, ys: &Set, both: bool, rel: impl Fn(&AnalysisCoding, &AnalysisCoding) -> bool) -> Set {
    let mut ys_by_source: HashMap<SourceId, Vec<usize>> = HashMap::new();
    for &j in ys {
        ys_by_source.entry(data.codings[j].source).or_default().push(j);
    }
    let mut out = Set::new();
    for &i in xs {
        let x = &data.codings[i];
        for &j in ys_by_source.get(&x.source).into_iter().flatten() {
            if i != j && rel(x, &data.codings[j]) {
                out.insert(i);
                if both {
                    out.insert(j);
                } else {
                    break;
                }
            }
        }
    }
    out
}

/// Chars between two spans (0 when they overlap or touch).
fn gap(x: &AnalysisCoding, y: &AnalysisCoding) -> usize {
    x.span.start.max(y.span.start).saturating_sub(x.span.end.min(y.span.end))
}

fn near(data: &AnalysisData, x: &AnalysisCoding, y: &AnalysisCoding, d: Distance) -> bool {
    match d {
        Distance::Chars(n) => gap(x, y) <= n,
        Distance::Paragraphs(n) => {
            let ((a1, a2), (b1, b2)) = (data.paragraph_range(x), data.paragraph_range(y));
            // Paragraphs between the two ranges; 0 when they share one.
            b1.saturating_sub(a2).max(a1.saturating_sub(b2)) <= n
        }
    }
}

fn follows(data: &AnalysisData, x: &AnalysisCoding, y: &AnalysisCoding, d: Option<Distance>) -> bool {
    y.span.start >= x.span.start
        && match d {
            None => true,
            Some(Distance::Chars(n)) => gap(x, y) <= n,
            Some(Distance::Paragraphs(n)) => {
                data.paragraph_of(y.source, y.span.start).saturating_sub(data.paragraph_of(x.source, x.span.start)) <= n
            }
        }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    LParen,
    RParen,
    Exact,
    Word(String),
    Quoted(String),
    And,
    Or,
    Not,
    Near(Option<Distance>),
    Followed(Option<Distance>),
}

impl Tok {
    fn describe(&self) -> String {
        match self {
            Tok::LParen => "(".into(),
            Tok::RParen => ")".into(),
            Tok::Exact => "=".into(),
            Tok::Word(w) => w.clone(),
            Tok::Quoted(w) => format!("\"{w}\""),
            Tok::And => "AND".into(),
            Tok::Or => "OR".into(),
            Tok::Not => "NOT".into(),
            Tok::Near(_) => "NEAR".into(),
            Tok::Followed(_) => "FOLLOWED-BY".into(),
        }
    }
}

/// Tokens with the char position where each starts.
fn lex(text: &str) -> Result<Vec<(usize, Tok)>> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let error = |at: usize, what: &str| Error::invalid(format!("invalid query \"{text}\": {what} at position {}", at + 1));
    while i < chars.len() {
        let ch = chars[i];
        let start = i;
        match ch {
            c if c.is_whitespace() => i += 1,
            '(' => {
                out.push((start, Tok::LParen));
                i += 1;
            }
            ')' => {
                out.push((start, Tok::RParen));
                i += 1;
            }
            '=' => {
                out.push((start, Tok::Exact));
                i += 1;
            }
            '"' => {
                let mut s = String::new();
                i += 1;
                loop {
                    match chars.get(i) {
                        None => return Err(error(start, "unterminated quote")),
                        Some('"') => break,
                        Some('\\') if matches!(chars.get(i + 1), Some('"' | '\\')) => {
                            s.push(chars[i + 1]);
                            i += 2;
                        }
                        Some(c) => {
                            s.push(*c);
                            i += 1;
                        }
                    }
                }
                i += 1;
                out.push((start, Tok::Quoted(s)));
            }
            _ => {
                while i < chars.len() && !chars[i].is_whitespace() && !matches!(chars[i], '(' | ')' | '"') {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                let upper = word.to_uppercase();
                let (head, dist) = match upper.split_once('/') {
                    Some((h, d)) if h == "NEAR" || h == "FOLLOWED-BY" => (h.to_string(), Some(d.to_string())),
                    _ => (upper.clone(), None),
                };
                let distance = |d: Option<String>| -> Result<Option<Distance>> {
                    let Some(d) = d else { return Ok(None) };
                    parse_distance(&d).map(Some).ok_or_else(|| {
                        error(start, &format!("invalid distance \"{word}\": expected {head}/N (characters) or {head}/Np (paragraphs)"))
                    })
                };
                out.push((start, match head.as_str() {
                    "AND" if dist.is_none() => Tok::And,
                    "OR" if dist.is_none() => Tok::Or,
                    "NOT" if dist.is_none() => Tok::Not,
                    "NEAR" => Tok::Near(distance(dist)?),
                    "FOLLOWED-BY" => Tok::Followed(distance(dist)?),
                    _ => Tok::Word(word),
                }));
            }
        }
    }
    Ok(out)
}

/// `200`, `200c` (chars) or `2p` (paragraphs).
fn parse_distance(d: &str) -> Option<Distance> {
    let d = d.to_lowercase();
    if let Some(n) = d.strip_suffix('p') {
        return n.parse().ok().map(Distance::Paragraphs);
    }
    d.strip_suffix('c').unwrap_or(&d).parse().ok().map(Distance::Chars)
}

struct Parser<'a> {
    text: &'a str,
    tokens: Vec<(usize, Tok)>,
    pos: usize,
    codebook: &'a Codebook,
}

impl Parser<'_> {
    fn peek(&self) -> Option<(usize, Tok)> {
        self.tokens.get(self.pos).cloned()
    }

    fn error(&self, what: &str) -> Error {
        Error::invalid(format!("invalid query \"{}\": {what}", self.text))
    }

    fn error_at(&self, at: usize, what: &str) -> Error {
        Error::invalid(format!("invalid query \"{}\": {what} at position {}", self.text, at + 1))
    }

    /// expr := term (OR term)*
    fn expr(&mut self) -> Result<Query> {
        let mut q = self.term()?;
        while let Some((_, Tok::Or)) = self.peek() {
            self.pos += 1;
            q = Query::Or(Box::new(q), Box::new(self.operand_after("OR", Self::term)?));
        }
        Ok(q)
    }

    /// term := prox ((AND | NOT) prox)*
    fn term(&mut self) -> Result<Query> {
        let mut q = self.prox()?;
        loop {
            match self.peek() {
                Some((_, Tok::And)) => {
                    self.pos += 1;
                    q = Query::And(Box::new(q), Box::new(self.operand_after("AND", Self::prox)?));
                }
                Some((_, Tok::Not)) => {
                    self.pos += 1;
                    q = Query::Not(Box::new(q), Box::new(self.operand_after("NOT", Self::prox)?));
                }
                _ => return Ok(q),
            }
        }
    }

    /// prox := primary ((NEAR | FOLLOWED-BY) primary)*
    fn prox(&mut self) -> Result<Query> {
        let mut q = self.primary()?;
        loop {
            match self.peek() {
                Some((_, Tok::Near(d))) => {
                    self.pos += 1;
                    let d = d.unwrap_or(Distance::Paragraphs(0));
                    q = Query::Near(Box::new(q), Box::new(self.operand_after("NEAR", Self::primary)?), d);
                }
                Some((_, Tok::Followed(d))) => {
                    self.pos += 1;
                    q = Query::FollowedBy(Box::new(q), Box::new(self.operand_after("FOLLOWED-BY", Self::primary)?), d);
                }
                _ => return Ok(q),
            }
        }
    }

    /// The right side of an operator, with an error naming the operator when it is missing.
    fn operand_after(&mut self, op: &str, next: fn(&mut Self) -> Result<Query>) -> Result<Query> {
        if self.peek().is_none() {
            return Err(self.error(&format!("expected a code or ( after {op} at the end")));
        }
        next(self)
    }

    /// primary := '(' expr ')' | ['='] operand
    fn primary(&mut self) -> Result<Query> {
        let Some((at, tok)) = self.peek() else { return Err(self.error("expected a code or ( at the end")) };
        match tok {
            Tok::LParen => {
                self.pos += 1;
                let q = self.expr()?;
                match self.peek() {
                    Some((_, Tok::RParen)) => {
                        self.pos += 1;
                        Ok(q)
                    }
                    _ => Err(self.error_at(at, "this ( is never closed")),
                }
            }
            Tok::Exact => {
                self.pos += 1;
                match self.peek() {
                    Some((at, Tok::Word(_) | Tok::Quoted(_))) => self.code(at, true),
                    _ => Err(self.error_at(at, "expected a code after =")),
                }
            }
            Tok::Word(_) | Tok::Quoted(_) => self.code(at, false),
            Tok::Not => Err(self.error_at(at, "NOT needs a code before it: write A NOT B")),
            other => Err(self.error_at(at, &format!("expected a code or ( but found {}", other.describe()))),
        }
    }

    /// A quoted path, or consecutive unquoted words joined by single spaces.
    fn code(&mut self, at: usize, exact: bool) -> Result<Query> {
        let path = match self.peek() {
            Some((_, Tok::Quoted(s))) => {
                self.pos += 1;
                s
            }
            _ => {
                let mut words = Vec::new();
                while let Some((_, Tok::Word(w))) = self.peek() {
                    words.push(w);
                    self.pos += 1;
                }
                words.join(" ")
            }
        };
        let id = self
            .codebook
            .by_path(&path)
            .ok_or_else(|| self.error_at(at, &format!("no code \"{path}\" in the codebook (quote paths that contain AND, OR, NOT, NEAR or parentheses)")))?;
        Ok(Query::Code { id, path: self.codebook.path(id).unwrap_or_default().to_string(), exact })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::data::fixture;

    // Codings (`data::fixture`): s1: 1 W 10..20, 2 W 40..60, 3 H 55..70, 4 R 15..25 (R = Ruptures
    // itself); s2: 5 W 0..10, 6 H 30..40; s3: 7 H 22..30. Paragraphs of s1: 1 = 0..32, 2 = 32..62,
    // 3 = 62..; of s2: 1 = 0..22, 2 = 22... "Ruptures" = {1, 2, 4, 5}, "Repair" = {3, 6, 7}.

    fn ids(q: &str) -> Vec<i64> {
        run_query(&fixture::data(), q).unwrap().into_iter().map(|c| c.0).collect()
    }

    fn err(q: &str) -> String {
        run_query(&fixture::data(), q).unwrap_err().to_string()
    }

    #[test]
    fn and_returns_both_sides_of_every_overlap() {
        // Only 2 W (40..60) and 3 H (55..70) overlap across the two branches.
        assert_eq!(ids("\"Ruptures/Withdrawal\" AND \"Repair/Honesty\""), [2, 3]);
        assert_eq!(ids("Ruptures AND Repair"), [2, 3]);
        // =Ruptures is coding 4 alone; it overlaps 1 W.
        assert_eq!(ids("=Ruptures AND Ruptures/Withdrawal"), [1, 4]);
    }

    #[test]
    fn or_and_not_are_set_operations_on_codings() {
        assert_eq!(ids("Ruptures OR Repair"), [1, 2, 3, 4, 5, 6, 7]);
        // 2 overlaps 3, so it goes.
        assert_eq!(ids("Ruptures NOT Repair"), [1, 4, 5]);
        // 4 overlaps 1 and goes; 1 stays, because a coding is never related to itself.
        assert_eq!(ids("Ruptures NOT Ruptures/Withdrawal"), [1, 2, 5]);
    }

    #[test]
    fn near_measures_chars_or_paragraphs_between_codings() {
        // 2 and 3 overlap (gap 0); 5 and 6 are 20 apart; 1 and 3 are 35 apart.
        assert_eq!(ids("Ruptures/Withdrawal NEAR/15 Repair"), [2, 3]);
        assert_eq!(ids("Ruptures/Withdrawal NEAR/20 Repair"), [2, 3, 5, 6]);
        // Paragraphs: 1 (p1) and 3 (p2–p3) are 1 apart; 5 (p1) and 6 (p2) are 1 apart.
        assert_eq!(ids("Ruptures/Withdrawal NEAR/1p Repair"), [1, 2, 3, 5, 6]);
        // Plain NEAR is the same paragraph.
        assert_eq!(ids("Ruptures/Withdrawal near Repair"), [2, 3]);
    }

    #[test]
    fn followed_by_looks_forward_in_the_same_source() {
        // 1, 4, 2 → 3 in s1; 5 → 6 in s2.
        assert_eq!(ids("Ruptures FOLLOWED-BY Repair"), [1, 2, 3, 4, 5, 6]);
        // Within 10 chars: only 2 → 3 (overlapping); 5 → 6 is 20 chars on.
        assert_eq!(ids("Ruptures FOLLOWED-BY/10 Repair"), [2, 3]);
        // Nothing of Repair is followed by a Rupture: an empty result.
        assert!(ids("Repair FOLLOWED-BY Ruptures").is_empty());
    }

    #[test]
    fn parentheses_and_precedence_group_as_documented() {
        // (Ruptures NOT Repair) = {1, 4, 5}; AND Withdrawal {1, 2, 5}: 4 overlaps 1.
        assert_eq!(ids("(Ruptures NOT Repair) AND Ruptures/Withdrawal"), [1, 4]);
        // OR binds loosest: Ruptures OR (Repair AND Withdrawal) = {1, 2, 4, 5} ∪ {2, 3}.
        assert_eq!(ids("Ruptures OR Repair AND Ruptures/Withdrawal"), [1, 2, 3, 4, 5]);
        let q = parse_query("A1 OR (Ruptures near/3 =Repair)", &fixture::data().codebook);
        assert!(q.is_err());
        let q = parse_query("Ruptures OR (Ruptures near/3 =Repair) FOLLOWED-BY/2p Repair", &fixture::data().codebook).unwrap();
        assert_eq!(q.to_string(), "(\"Ruptures\" OR ((\"Ruptures\" NEAR/3 =\"Repair\") FOLLOWED-BY/2p \"Repair\"))");
    }

    #[test]
    fn errors_name_the_problem_and_where() {
        assert_eq!(err("Ruptures AND"), "invalid query \"Ruptures AND\": expected a code or ( after AND at the end");
        assert_eq!(err("Ruptures AND Nope"), "invalid query \"Ruptures AND Nope\": no code \"Nope\" in the codebook (quote paths that contain AND, OR, NOT, NEAR or parentheses) at position 14");
        assert_eq!(err("Child perspective OR Repair").split(": ").nth(1).unwrap(), "no code \"Child perspective\" in the codebook (quote paths that contain AND, OR, NOT, NEAR or parentheses) at position 1");
        assert_eq!(err("Ruptures NEAR/x Repair"), "invalid query \"Ruptures NEAR/x Repair\": invalid distance \"NEAR/x\": expected NEAR/N (characters) or NEAR/Np (paragraphs) at position 10");
        assert_eq!(err("(Ruptures"), "invalid query \"(Ruptures\": this ( is never closed at position 1");
        assert_eq!(err("NOT Repair"), "invalid query \"NOT Repair\": NOT needs a code before it: write A NOT B at position 1");
        assert_eq!(err("\"Ruptures"), "invalid query \"\"Ruptures\": unterminated quote at position 1");
        assert_eq!(err("Ruptures Repair)"), "invalid query \"Ruptures Repair)\": no code \"Ruptures Repair\" in the codebook (quote paths that contain AND, OR, NOT, NEAR or parentheses) at position 1");
        assert_eq!(err("Ruptures)"), "invalid query \"Ruptures)\": unmatched ) at position 9");
        assert_eq!(err("  "), "invalid query \"  \": the query is empty: expected a code, e.g. \"Ruptures/Withdrawal\" AND Repair");
    }

    #[test]
    fn paragraph_distances_need_texts() {
        let mut d = fixture::data();
        d.texts_loaded = false;
        assert!(run_query(&d, "Ruptures NEAR/1p Repair").is_err());
        assert!(run_query(&d, "Ruptures NEAR/1 Repair").is_ok());
    }
}
