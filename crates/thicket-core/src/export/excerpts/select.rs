//! Which codings an export quotes: the retrieval of `segments`, as one value the command line
//! and (later) the window's export dialog fill in.
//!
//! In: a `Selection` and the project. Out: the segments, in `segments` order (arranging them is
//! `build`'s job). Every name given must exist, so a typo is an error, not an empty export.

use std::collections::HashSet;

use crate::analysis::{self, AnalysisData, AnalysisLoad, Scope};
use crate::error::{Error, Result};
use crate::model::{Codebook, CodingId, Source, SourceId, SourceKind};
use crate::project::{Project, Segment, SegmentFilter, SegmentReader, sort_segments};

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
    let ids = match query_load(&project.codebook()?, selection)? {
        Some(load) => {
            check(project, selection)?;
            Some(query_ids(project.analysis_data_with(load)?, selection)?)
        }
        None => None,
    };
    let picker = Picker::new(project, selection, ids)?;
    let mut segments = picker.read(project, picker.sources())?;
    sort_segments(&mut segments);
    Ok(segments)
}

/// What a Boolean query needs loaded (`None` when the selection names its codes instead): the
/// window loads it in pieces and runs `query_ids` on a worker. An invalid query is an error here.
pub fn query_load(codebook: &Codebook, selection: &Selection) -> Result<Option<AnalysisLoad>> {
    let CodeChoice::Query(text) = &selection.codes else { return Ok(None) };
    let query = analysis::parse_query(text, codebook)?;
    Ok(Some(AnalysisLoad { speakers: !selection.roles.is_empty(), texts: query.needs_texts() }))
}

/// The codings a Boolean query retrieves among those that pass the selection's filters: pure,
/// over data loaded as `query_load` says (`check` the selection's names first). Empty for a
/// selection that is not a query.
pub fn query_ids(mut data: AnalysisData, selection: &Selection) -> Result<HashSet<CodingId>> {
    let CodeChoice::Query(text) = &selection.codes else { return Ok(HashSet::new()) };
    let query = analysis::parse_query(text, &data.codebook)?;
    if query.needs_texts() && !data.texts_loaded {
        return Err(Error::internal("the query needs the source texts, which were not loaded"));
    }
    data.restrict(&Scope {
        cases: selection.cases.clone(),
        kinds: selection.kinds.clone(),
        roles: selection.roles.clone(),
        coders: selection.coders.clone(),
        sources: selection.sources.clone(),
        from_date: selection.from_date.clone(),
        to_date: selection.to_date.clone(),
    })?;
    Ok(analysis::evaluate(&data, &query)?.into_iter().collect())
}

/// Checks what a query's data cannot: real dates, and that every participant and role exists.
pub fn check(project: &Project, selection: &Selection) -> Result<()> {
    check_dates(selection)?;
    for name in &selection.participants {
        if project.participant_named(name)?.is_none() {
            return Err(Error::not_found(format!("no participant named \"{name}\"")));
        }
    }
    let roles = project.roles()?;
    for r in &selection.roles {
        if !roles.iter().any(|x| &x.name == r) {
            return Err(Error::invalid(format!("unknown role \"{r}\"")));
        }
    }
    Ok(())
}

/// The selection's segments, source by source: retrieval by the codes and filters (or, for a
/// query, every coding, kept when the query retrieved it), then the dates and participants.
#[derive(Debug)]
pub(super) struct Picker {
    reader: SegmentReader,
    /// For a query: the codings it retrieved.
    ids: Option<HashSet<CodingId>>,
    from: Option<String>,
    to: Option<String>,
    participants: Vec<String>,
}

impl Picker {
    /// Checks the selection's names; `ids` are `query_ids` for a query selection (else `None`).
    pub(super) fn new(project: &Project, selection: &Selection, ids: Option<HashSet<CodingId>>) -> Result<Self> {
        check(project, selection)?;
        if ids.is_none() && matches!(selection.codes, CodeChoice::Query(_)) {
            return Err(Error::internal("a query selection needs the codings the query retrieved"));
        }
        let filter = match (&selection.codes, &ids) {
            (_, Some(_)) => SegmentFilter::default(),
            (choice, None) => {
                let (codes, include_subcodes) = match choice {
                    CodeChoice::Codes { paths, subcodes } => (paths.clone(), *subcodes),
                    _ => (Vec::new(), false),
                };
                SegmentFilter {
                    codes,
                    include_subcodes,
                    cases: selection.cases.clone(),
                    roles: selection.roles.clone(),
                    kinds: selection.kinds.clone(),
                    coders: selection.coders.clone(),
                    sources: selection.sources.clone(),
                }
            }
        };
        let reader = SegmentReader::new(project, &filter)?;
        // The query's data was narrowed to the dates already.
        let (from, to) = if ids.is_some() { (None, None) } else { (selection.from_date.clone(), selection.to_date.clone()) };
        Ok(Picker { reader, ids, from, to, participants: selection.participants.clone() })
    }

    /// The sources to read, by id.
    pub(super) fn sources(&self) -> &[SourceId] {
        self.reader.sources()
    }

    /// The codebook, as read.
    pub(super) fn codebook(&self) -> &Codebook {
        self.reader.codebook()
    }

    /// Every source of the project, as read.
    pub(super) fn all_sources(&self) -> impl Iterator<Item = &Source> {
        self.reader.all_sources()
    }

    /// The selection's segments in the sources `ids` (a piece of `sources()`).
    pub(super) fn read(&self, project: &Project, ids: &[SourceId]) -> Result<Vec<Segment>> {
        let mut segments = self.reader.read(project, ids)?;
        let (from, to) = (self.from.as_deref(), self.to.as_deref());
        segments.retain(|s| {
            let date = s.date.as_deref();
            self.ids.as_ref().is_none_or(|ids| ids.contains(&s.coding_id))
                && from.is_none_or(|f| date.is_some_and(|d| d >= f))
                && to.is_none_or(|t| date.is_some_and(|d| d <= t))
                && (self.participants.is_empty() || s.speakers.iter().any(|p| self.participants.contains(p)))
        });
        Ok(segments)
    }
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
