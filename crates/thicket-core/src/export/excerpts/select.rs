//! Which codings an export quotes: the retrieval of `segments`, as one value the command line
//! and (later) the window's export dialog fill in.
//!
//! In: a `Selection` and the project. Out: the segments, in `segments` order (arranging them is
//! `build`'s job). Every name given must exist, so a typo is an error, not an empty export.

use std::collections::HashSet;

use crate::analysis::{self, AnalysisLoad, Scope};
use crate::error::{Error, Result};
use crate::model::{CodingId, SourceKind};
use crate::project::{Project, Segment, SegmentFilter};

/// Which codes to quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeChoice {
    /// These code paths, with or without their sub-codes.
    Codes { paths: Vec<String>, subcodes: bool },
    /// Every code.
    All,
    /// A Boolean query, as `segments --query` takes it.
    Query(String),
}

/// The codings to quote. Empty lists mean "any"; values of one filter are alternatives, and
/// different filters must all hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    pub codes: CodeChoice,
    pub cases: Vec<String>,
    pub kinds: Vec<SourceKind>,
    pub roles: Vec<String>,
    /// Participants (by name) the coding is attributed to.
    pub participants: Vec<String>,
    pub coders: Vec<String>,
    pub sources: Vec<String>,
    /// Inclusive `YYYY-MM-DD` bounds on the session date; undated sources fail any bound.
    pub from_date: Option<String>,
    pub to_date: Option<String>,
}

impl Selection {
    /// Every coding of these codes, unfiltered.
    pub fn of(codes: CodeChoice) -> Self {
        Selection {
            codes,
            cases: Vec::new(),
            kinds: Vec::new(),
            roles: Vec::new(),
            participants: Vec::new(),
            coders: Vec::new(),
            sources: Vec::new(),
            from_date: None,
            to_date: None,
        }
    }
}

/// The segments `selection` retrieves from `project`.
pub fn select(project: &Project, selection: &Selection) -> Result<Vec<Segment>> {
    check_dates(selection)?;
    for name in &selection.participants {
        if project.participant_named(name)?.is_none() {
            return Err(Error::not_found(format!("no participant named \"{name}\"")));
        }
    }
    let mut segments = match &selection.codes {
        CodeChoice::Query(text) => by_query(project, text, selection)?,
        choice => {
            let (codes, include_subcodes) = match choice {
                CodeChoice::Codes { paths, subcodes } => (paths.clone(), *subcodes),
                _ => (Vec::new(), false),
            };
            let filter = SegmentFilter {
                codes,
                include_subcodes,
                cases: selection.cases.clone(),
                roles: selection.roles.clone(),
                kinds: selection.kinds.clone(),
                coders: selection.coders.clone(),
                sources: selection.sources.clone(),
            };
            let mut segments = project.segments(&filter)?;
            let (from, to) = (selection.from_date.as_deref(), selection.to_date.as_deref());
            segments.retain(|s| {
                let date = s.date.as_deref();
                from.is_none_or(|f| date.is_some_and(|d| d >= f)) && to.is_none_or(|t| date.is_some_and(|d| d <= t))
            });
            segments
        }
    };
    if !selection.participants.is_empty() {
        segments.retain(|s| s.speakers.iter().any(|p| selection.participants.contains(p)));
    }
    Ok(segments)
}

/// The segments a Boolean query retrieves among the codings that pass the filters.
fn by_query(project: &Project, text: &str, selection: &Selection) -> Result<Vec<Segment>> {
    let query = analysis::parse_query(text, &project.codebook()?)?;
    let roles = project.roles()?;
    for r in &selection.roles {
        if !roles.iter().any(|x| &x.name == r) {
            return Err(Error::invalid(format!("unknown role \"{r}\"")));
        }
    }
    let mut data = project.analysis_data_with(AnalysisLoad { speakers: !selection.roles.is_empty(), texts: query.needs_texts() })?;
    data.restrict(&Scope {
        cases: selection.cases.clone(),
        kinds: selection.kinds.clone(),
        roles: selection.roles.clone(),
        coders: selection.coders.clone(),
        sources: selection.sources.clone(),
        from_date: selection.from_date.clone(),
        to_date: selection.to_date.clone(),
    })?;
    let ids: HashSet<CodingId> = analysis::evaluate(&data, &query)?.into_iter().collect();
    let mut segments = project.segments(&SegmentFilter::default())?;
    segments.retain(|s| ids.contains(&s.coding_id));
    Ok(segments)
}

/// Real calendar dates, in order.
fn check_dates(selection: &Selection) -> Result<()> {
    for d in selection.from_date.iter().chain(&selection.to_date) {
        if !crate::clock::is_valid_date(d) {
            return Err(Error::invalid(format!("invalid date \"{d}\": expected YYYY-MM-DD")));
        }
    }
    if let (Some(a), Some(b)) = (&selection.from_date, &selection.to_date)
        && a > b
    {
        return Err(Error::invalid(format!("invalid date range: {a} is after {b}")));
    }
    Ok(())
}
