//! The tables of each analysis, as the command line prints them and the GUI exports them.
//!
//! In: an analysis result (`Crosstab`, `Cooccurrence`, `Triangulation`, `Sequence` and
//! `Transitions`, `Timeline`) and the choices of what to show. Out: `Sheet`s, the first shown one
//! being what CSV holds; sheets marked `xlsx_only` complete the workbook. One builder per
//! analysis, shared by `thicket crosstab … --format csv` and the Analysis area's "Export table",
//! so both write the same bytes for the same question (docs/cli.md documents the shapes).

use super::table::{Cell, Sheet};
use crate::analysis::{Cooccurrence, Crosstab, Sequence, SequenceCounts, Timeline, Transitions, Triangulation, UNDATED};

/// Codes × columns with a totals row and column; coverage as percentages with two decimals.
pub fn crosstab_sheet(t: &Crosstab) -> Sheet {
    crosstab_sheet_rows(t, &(0..t.rows.len()).collect::<Vec<_>>())
}

/// `crosstab_sheet` with only the rows in `shown` (indices into `t.rows`, e.g. the non-empty
/// ones); the totals row still counts every coding.
pub fn crosstab_sheet_rows(t: &Crosstab, shown: &[usize]) -> Sheet {
    let mut header = vec!["code".to_string()];
    header.extend(t.cols.iter().cloned());
    header.push("total".into());
    let mut sheet = Sheet::new("crosstab", header);
    let cell = |count: u64, pct: Option<f64>| match pct {
        Some(p) => Cell::Num(p, 2),
        None => Cell::Int(count),
    };
    let cov = t.coverage.as_ref();
    for &r in shown.iter().filter(|r| **r < t.rows.len()) {
        let mut row = vec![Cell::from(t.rows[r].as_str())];
        for k in 0..t.cols.len() {
            row.push(cell(t.cells[r][k], cov.map(|c| c.cells[r][k])));
        }
        row.push(cell(t.row_totals[r], cov.map(|c| c.row_totals[r])));
        sheet.rows.push(row);
    }
    let mut totals = vec![Cell::from("total")];
    for k in 0..t.cols.len() {
        totals.push(cell(t.col_totals[k], cov.map(|c| c.col_totals[k])));
    }
    totals.push(cell(t.total, cov.map(|c| c.total)));
    sheet.rows.push(totals);
    if cov.is_some() {
        sheet.note = Some("coverage: percent of each column's characters (totals: of all characters)".into());
    }
    sheet
}

/// The counts and Jaccard grids over the codes in `shown` (indices into `t.codes`); the one asked
/// for (`jaccard_first`) comes first, the other is XLSX-only.
pub fn cooccurrence_sheets(t: &Cooccurrence, shown: &[usize], jaccard_first: bool) -> Vec<Sheet> {
    let grid = |name: &str, value: &dyn Fn(usize, usize) -> Cell| {
        let mut header = vec!["code".to_string()];
        header.extend(shown.iter().map(|i| t.codes[*i].clone()));
        let mut s = Sheet::new(name, header);
        for &a in shown {
            let mut row = vec![Cell::from(t.codes[a].as_str())];
            row.extend(shown.iter().map(|&b| value(a, b)));
            s.rows.push(row);
        }
        s
    };
    let counts = grid("counts", &|a, b| Cell::Int(t.counts[a][b]));
    let jaccard = grid("jaccard", &|a, b| Cell::Num(t.jaccard[a][b], 3));
    let (mut first, mut second) = if jaccard_first { (jaccard, counts) } else { (counts, jaccard) };
    first.note = Some(format!("mode {}; diagonal: codings of the code", t.mode));
    second.xlsx_only = true;
    vec![first, second]
}

/// The triangulation grid (status marks and the per-code summary), the long list of coded
/// cells, and the summary; `long_first` puts the long list first (CSV then holds it).
pub fn triangulation_sheets(t: &Triangulation, long_first: bool) -> Vec<Sheet> {
    let mut header = vec!["code".to_string()];
    header.extend(t.cases.iter().cloned());
    header.extend(["corroborated".to_string(), "coded".to_string()]);
    let mut grid = Sheet::new("grid", header);
    grid.note = Some("M+P: ≥ 2 source kinds and ≥ 2 roles; M: ≥ 2 kinds; P: ≥ 2 roles; S: single source; corroborated/coded: cases".into());
    let mut long = Sheet::new("cells", ["code", "case", "status", "kinds", "roles", "sources", "codings"].map(String::from).to_vec());
    for ((code, row), summary) in t.codes.iter().zip(&t.cells).zip(&t.summary) {
        let mut g = vec![Cell::from(code.as_str())];
        g.extend(row.iter().map(|c| Cell::from(c.status.mark())));
        g.extend([Cell::Int(summary.corroborated), Cell::Int(summary.cases_coded)]);
        grid.rows.push(g);
        for (case, c) in t.cases.iter().zip(row).filter(|(_, c)| c.codings > 0) {
            long.rows.push(vec![
                code.as_str().into(),
                case.as_str().into(),
                c.status.as_str().into(),
                c.kinds.join("; ").into(),
                c.roles.join("; ").into(),
                c.sources.join("; ").into(),
                Cell::Int(c.codings),
            ]);
        }
    }
    let mut summary = Sheet::new(
        "summary",
        ["code", "cases_coded", "corroborated", "across_methods", "across_perspectives", "both", "single_source"].map(String::from).to_vec(),
    );
    for s in &t.summary {
        summary.rows.push(vec![
            s.code.as_str().into(),
            Cell::Int(s.cases_coded),
            Cell::Int(s.corroborated),
            Cell::Int(s.across_methods),
            Cell::Int(s.across_perspectives),
            Cell::Int(s.both),
            Cell::Int(s.single_source),
        ]);
    }
    summary.xlsx_only = true;
    if long_first {
        grid.xlsx_only = true;
        vec![long, grid, summary]
    } else {
        long.xlsx_only = true;
        vec![grid, long, summary]
    }
}

/// The A → B table per case and overall (when there is a pair), the transition counts, and the
/// transition probabilities (XLSX-only).
pub fn sequence_sheets(seq: Option<&Sequence>, tr: &Transitions) -> Vec<Sheet> {
    let mut sheets = Vec::new();
    if let Some(s) = seq {
        let mut sheet = Sheet::new("sequence", ["case", "from_codings", "followed", "share", "mean_lag", "lags"].map(String::from).to_vec());
        sheet.note = Some(format!("{} followed by {} within {}; lags in {} (lag×count)", s.from, s.to, s.window, s.unit));
        for c in &s.cases {
            sheet.rows.push(sequence_row(&c.case, &c.counts));
        }
        sheet.rows.push(sequence_row("overall", &s.overall));
        sheets.push(sheet);
    }
    let matrix = |name: &str, value: &dyn Fn(usize, usize) -> Cell| {
        let mut header = vec!["from \\ to".to_string()];
        header.extend(tr.codes.iter().cloned());
        header.push("total".into());
        let mut s = Sheet::new(name, header);
        for (i, code) in tr.codes.iter().enumerate() {
            let mut row = vec![Cell::from(code.as_str())];
            row.extend((0..tr.codes.len()).map(|j| value(i, j)));
            row.push(Cell::Int(tr.row_totals[i]));
            s.rows.push(row);
        }
        s
    };
    let mut counts = matrix("transitions", &|i, j| Cell::Int(tr.counts[i][j]));
    counts.note = Some(format!("consecutive codings within {} in each case's order", tr.window));
    let mut probs = matrix("probabilities", &|i, j| Cell::Num(tr.probabilities[i][j], 3));
    probs.xlsx_only = true;
    sheets.push(counts);
    sheets.push(probs);
    sheets
}

/// One row of the sequence table: A codings, followed, share (%), mean lag, lags as `lag×count`.
pub fn sequence_row(name: &str, c: &SequenceCounts) -> Vec<Cell> {
    vec![
        name.into(),
        Cell::Int(c.from_codings),
        Cell::Int(c.followed),
        if c.from_codings == 0 { Cell::Empty } else { Cell::Num(c.followed as f64 * 100.0 / c.from_codings as f64, 1) },
        c.mean_lag.map_or(Cell::Empty, |m| Cell::Num(m, 2)),
        lags_text(c).into(),
    ]
}

/// Lags as `lag×count`, then `?×n` for unknown lags.
pub fn lags_text(c: &SequenceCounts) -> String {
    let mut lags: Vec<String> = c.lags.iter().map(|(l, n)| format!("{l}×{n}")).collect();
    if c.unknown_lag > 0 {
        lags.push(format!("?×{}", c.unknown_lag));
    }
    lags.join(" ")
}

/// One row per session of each case, with the codes in `shown` (indices into `t.codes`).
pub fn timeline_sheet(t: &Timeline, shown: &[usize]) -> Sheet {
    let mut header = ["case", "session", "date", "sources"].map(String::from).to_vec();
    header.extend(shown.iter().map(|i| t.codes[*i].clone()));
    header.push("total".into());
    let mut sheet = Sheet::new("timeline", header);
    for c in &t.cases {
        for s in &c.sessions {
            let mut row = vec![
                Cell::from(c.case.as_str()),
                s.session.map_or(Cell::Empty, |n| Cell::Int(n as u64)),
                Cell::from(s.date.clone().unwrap_or_else(|| UNDATED.to_string())),
                Cell::from(s.sources.join("; ")),
            ];
            row.extend(shown.iter().map(|&i| Cell::Int(s.counts[i])));
            row.push(Cell::Int(s.total));
            sheet.rows.push(row);
        }
    }
    sheet
}

/// The agreement table: one row per code (source, case or category) and the overall row; per
/// measure its value, the bootstrap interval, and beside each alpha the observed and expected
/// disagreements. An undefined value is written "undefined"; the note gives the reasons, which
/// units were counted and how the overall row pools.
pub fn agreement_sheet(t: &crate::analysis::agreement::AgreementTable) -> Sheet {
    use crate::analysis::agreement::{Estimate, Measure};
    let rows: Vec<&crate::analysis::agreement::AgreementRow> = t.rows.iter().chain(std::iter::once(&t.overall)).collect();
    let mut measures: Vec<Measure> = Vec::new();
    for r in &rows {
        for e in &r.estimates {
            if !measures.contains(&e.measure) {
                measures.push(e.measure);
            }
        }
    }
    measures.sort();
    let is_alpha = |m: Measure| matches!(m, Measure::KrippendorffAlpha | Measure::UAlpha | Measure::BinaryUAlpha | Measure::CuAlpha | Measure::CategoryUAlpha);
    let first = match t.by {
        Some(crate::analysis::agreement::By::Source) => "source",
        Some(crate::analysis::agreement::By::Case) => "case",
        Some(crate::analysis::agreement::By::Code) => "code",
        None if t.rows.is_empty() => "data",
        None => "category",
    };
    let mut header = vec![first.to_string(), "units".to_string()];
    let pct = (t.bootstrap.confidence * 100.0).round();
    for m in &measures {
        header.push(m.label().to_string());
        header.push(format!("{} {pct}% CI low", m.label()));
        header.push(format!("{} {pct}% CI high", m.label()));
        if is_alpha(*m) {
            header.push(format!("{} D_o", m.label()));
            header.push(format!("{} D_e", m.label()));
        }
    }
    let mut sheet = Sheet::new("agreement", header);
    let num = |v: Option<f64>| v.map_or(Cell::Text("undefined".into()), |v| Cell::Num(v, 3));
    let opt = |v: Option<f64>| v.map_or(Cell::Empty, |v| Cell::Num(v, 3));
    let mut reasons: Vec<String> = Vec::new();
    for r in &rows {
        let mut cells = vec![Cell::from(r.label.as_str()), if r.units.fract() == 0.0 { Cell::Int(r.units as u64) } else { Cell::Num(r.units, 1) }];
        for m in &measures {
            let e: Option<&Estimate> = r.get(*m);
            match e {
                Some(e) => {
                    cells.push(num(e.coefficient.value));
                    cells.push(opt(e.ci.low));
                    cells.push(opt(e.ci.high));
                    if is_alpha(*m) {
                        cells.push(opt(e.coefficient.observed_disagreement));
                        cells.push(opt(e.coefficient.expected_disagreement));
                    }
                    if let Some(why) = &e.coefficient.undefined {
                        let line = format!("{}: {why}", m.label());
                        if !reasons.contains(&line) {
                            reasons.push(line);
                        }
                    }
                }
                None => {
                    let n = if is_alpha(*m) { 5 } else { 3 };
                    cells.extend(std::iter::repeat_n(Cell::Empty, n));
                }
            }
        }
        sheet.rows.push(cells);
    }
    let mut note = vec![
        format!("coders: {}", t.coders.join(", ")),
        format!("units counted: {}", t.units_counted),
        format!("pooled: {}", t.pooling),
        format!(
            "{pct}% intervals: percentile bootstrap, {} resamples of {}, seed {}",
            t.bootstrap.draws, t.bootstrap.resamples, t.bootstrap.seed
        ),
    ];
    if let Some(u) = t.unit {
        note.insert(1, format!("unit: {}", u.name()));
    }
    note.extend(reasons.into_iter().map(|r| format!("undefined: {r}")));
    sheet.note = Some(note.join("\n"));
    sheet
}
