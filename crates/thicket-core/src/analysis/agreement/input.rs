//! Reading reliability data and spans from CSV, with errors that name the line and the reason.
//!
//! `--table`: a header row (the first cell names the unit column, the others the coders), then
//! one row per unit: the unit's name, then one value per coder; an empty cell is a missing
//! value. `--spans`: a header row with `coder`, `start`, `end`, `category` and optionally
//! `source`, in any order; positions are integers, `start < end`, half-open. Lengths of several
//! continua come from a `source,length` CSV.

use std::collections::BTreeMap;

use super::reliability::ReliabilityData;
use super::unitizing::{Continuum, Span, SpanData};

/// A problem in an input file: the 1-based line and the reason (the caller adds the file name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub line: Option<usize>,
    pub reason: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "line {l}: {}", self.reason),
            None => write!(f, "{}", self.reason),
        }
    }
}

fn err(line: Option<usize>, reason: impl Into<String>) -> InputError {
    InputError { line, reason: reason.into() }
}

fn records(text: &str) -> Result<Vec<(usize, Vec<String>)>, InputError> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut out = Vec::new();
    for r in reader.records() {
        let r = r.map_err(|e| err(e.position().map(|p| p.line() as usize), format!("not valid CSV ({e})")))?;
        let line = r.position().map(|p| p.line() as usize).unwrap_or(0);
        let cells: Vec<String> = r.iter().map(|c| c.trim().to_string()).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        out.push((line, cells));
    }
    Ok(out)
}

/// Reads a units × coders table (see the module docs).
pub fn read_table(text: &str) -> Result<ReliabilityData, InputError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rows = records(text)?;
    let Some(((_, header), body)) = rows.split_first() else { return Err(err(None, "the file is empty: expected a header row (unit, then one column per coder)")) };
    if header.len() < 3 {
        return Err(err(Some(1), format!("the header has {} column(s): expected the unit column and at least two coders", header.len())));
    }
    let coders: Vec<String> = header[1..].to_vec();
    for (i, c) in coders.iter().enumerate() {
        if c.is_empty() {
            return Err(err(Some(1), format!("column {} has no coder name", i + 2)));
        }
        if coders[..i].contains(c) {
            return Err(err(Some(1), format!("coder \"{c}\" is named twice")));
        }
    }
    let mut units = Vec::new();
    let mut cells = Vec::new();
    for (line, row) in body {
        if row.len() > header.len() {
            return Err(err(Some(*line), format!("{} cells, but the header names {} columns", row.len(), header.len())));
        }
        units.push(row[0].clone());
        cells.push((1..header.len()).map(|i| row.get(i).filter(|s| !s.is_empty()).cloned()).collect::<Vec<_>>());
    }
    if units.is_empty() {
        return Err(err(None, "no units: the file has a header but no rows"));
    }
    Ok(ReliabilityData::from_cells(coders, units, &cells))
}

fn position(cell: &str, line: usize, what: &str) -> Result<u64, InputError> {
    cell.trim().parse::<u64>().map_err(|_| err(Some(line), format!("{what} \"{cell}\" is not a whole number of positions (0 or more)")))
}

/// Reads spans; `lengths` gives each continuum's length (one unnamed continuum: `""`).
pub fn read_spans(text: &str, single_length: Option<u64>, lengths: Option<&BTreeMap<String, u64>>) -> Result<SpanData, InputError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rows = records(text)?;
    let Some(((_, header), body)) = rows.split_first() else { return Err(err(None, "the file is empty: expected a header row coder,start,end,category")) };
    let col = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
    let (Some(coder), Some(start), Some(end), Some(category)) = (col("coder"), col("start"), col("end"), col("category")) else {
        return Err(err(Some(1), format!("the header must name the columns coder, start, end and category (found: {})", header.join(","))));
    };
    let source = col("source");
    if source.is_some() && lengths.is_none() {
        return Err(err(Some(1), "the file has a source column: give the continua's lengths with --length-of FILE.csv (source,length)"));
    }
    if source.is_none() && single_length.is_none() {
        return Err(err(None, "give the continuum's length with --length N"));
    }
    let mut coders: Vec<String> = Vec::new();
    let mut categories: Vec<String> = Vec::new();
    let mut continua: BTreeMap<String, Vec<(usize, u64, u64, String)>> = BTreeMap::new();
    for (line, row) in body {
        let cell = |i: usize| row.get(i).map(String::as_str).unwrap_or("");
        let name = cell(coder);
        if name.is_empty() {
            return Err(err(Some(*line), "the coder is empty"));
        }
        let (s, e) = (position(cell(start), *line, "start")?, position(cell(end), *line, "end")?);
        if s >= e {
            return Err(err(Some(*line), format!("start {s} is not before end {e} (spans are half-open [start, end))")));
        }
        let cat = cell(category);
        if cat.is_empty() {
            return Err(err(Some(*line), "the category is empty"));
        }
        let src = source.map(|i| cell(i).to_string()).unwrap_or_default();
        let length = match (source, lengths, single_length) {
            (Some(_), Some(l), _) => *l.get(&src).ok_or_else(|| err(Some(*line), format!("source \"{src}\" has no length in the --length-of file")))?,
            (_, _, Some(n)) => n,
            _ => 0,
        };
        if e > length {
            return Err(err(Some(*line), format!("end {e} is past the end of the continuum (length {length})")));
        }
        let ci = coders.iter().position(|c| c == name).unwrap_or_else(|| {
            coders.push(name.to_string());
            coders.len() - 1
        });
        if !categories.iter().any(|c| c == cat) {
            categories.push(cat.to_string());
        }
        continua.entry(src).or_default().push((ci, s, e, cat.to_string()));
    }
    if coders.len() < 2 {
        return Err(err(None, format!("{} coder(s) in the file: unitizing agreement compares at least two", coders.len())));
    }
    // Categories sorted: numerically when all are numbers.
    let nums: Option<Vec<f64>> = categories.iter().map(|c| c.parse::<f64>().ok().filter(|v| v.is_finite())).collect();
    let numeric = match nums {
        Some(n) => {
            let mut pairs: Vec<(f64, String)> = n.into_iter().zip(categories).collect();
            pairs.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
            categories = pairs.iter().map(|p| p.1.clone()).collect();
            Some(pairs.into_iter().map(|p| p.0).collect())
        }
        None => {
            categories.sort();
            None
        }
    };
    let index = |c: &str| categories.iter().position(|x| x == c).unwrap_or(0) as u32;
    let mut all: Vec<Continuum> = Vec::new();
    // Continua named in --length-of but without spans still count (all gap).
    let mut names: Vec<String> = continua.keys().cloned().collect();
    if let Some(l) = lengths {
        names.extend(l.keys().filter(|k| !continua.contains_key(*k)).cloned());
        names.sort();
    }
    for name in names {
        let length = if source.is_some() { lengths.and_then(|l| l.get(&name).copied()).unwrap_or(0) } else { single_length.unwrap_or(0) };
        let spans = continua
            .get(&name)
            .map(|v| v.iter().map(|(c, s, e, cat)| Span { coder: *c, start: *s, end: *e, category: index(cat) }).collect())
            .unwrap_or_default();
        all.push(Continuum { name, length, spans });
    }
    Ok(SpanData { coders, categories, numeric, continua: all })
}

/// Reads `source,length` rows (a header row is optional).
pub fn read_lengths(text: &str) -> Result<BTreeMap<String, u64>, InputError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = BTreeMap::new();
    for (i, (line, row)) in records(text)?.into_iter().enumerate() {
        if row.len() != 2 {
            return Err(err(Some(line), format!("{} cells: expected source,length", row.len())));
        }
        if i == 0 && row[1].parse::<u64>().is_err() && row[1].eq_ignore_ascii_case("length") {
            continue;
        }
        let n = row[1].parse::<u64>().map_err(|_| err(Some(line), format!("length \"{}\" is not a whole number", row[1])))?;
        if out.insert(row[0].clone(), n).is_some() {
            return Err(err(Some(line), format!("source \"{}\" is given twice", row[0])));
        }
    }
    if out.is_empty() {
        return Err(err(None, "no lengths: expected rows source,length"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_reads_coders_from_the_header_and_empty_cells_as_missing() {
        let d = read_table("unit,A,B,C\nu1,1,2,\nu2,3,,3\n").unwrap_or_default();
        assert_eq!(d.coders, ["A", "B", "C"]);
        assert_eq!(d.units, ["u1", "u2"]);
        assert_eq!(d.categories, ["1", "2", "3"]);
        assert_eq!(d.patterns[0].values, vec![Some(0), Some(1), None]);
        assert_eq!(d.numeric, Some(vec![1.0, 2.0, 3.0]));
    }

    #[test]
    fn bad_tables_and_spans_name_the_line_and_reason() {
        let e = read_table("unit,A,B\nu1,1,2,3\n").err().unwrap_or_else(|| err(None, ""));
        assert_eq!(e.line, Some(2));
        assert!(e.reason.contains("3 columns"), "{e}");
        let e = read_spans("coder,start,end,category\nA,4,2,x\n", Some(10), None).err().unwrap_or_else(|| err(None, ""));
        assert_eq!(e.to_string(), "line 2: start 4 is not before end 2 (spans are half-open [start, end))");
        let e = read_spans("coder,start,end,category\nA,4,12,x\nB,1,2,x\n", Some(10), None).err().unwrap_or_else(|| err(None, ""));
        assert!(e.reason.contains("past the end"));
        let e = read_spans("who,start,end,category\n", Some(10), None).err().unwrap_or_else(|| err(None, ""));
        assert!(e.reason.contains("coder, start, end and category"));
    }

    #[test]
    fn spans_with_a_source_column_take_lengths_from_the_lengths_file() {
        let lengths = read_lengths("source,length\nq1,10\nq2,5\nq3,7\n").unwrap_or_default();
        let d = read_spans("source,coder,start,end,category\nq1,A,0,3,x\nq2,B,1,5,y\n", None, Some(&lengths)).unwrap_or_default();
        assert_eq!(d.coders, ["A", "B"]);
        assert_eq!(d.continua.iter().map(|c| (c.name.as_str(), c.length)).collect::<Vec<_>>(), vec![("q1", 10), ("q2", 5), ("q3", 7)]);
    }
}
