//! The matrix (codes × cases, roles, kinds, coders, participants, periods or an attribute) as a
//! heat map with totals.

use super::TableTexts;
use crate::analysis::Crosstab;
use crate::export::colour;
use crate::export::svg::{HeatCell, HeatMap, Legend};

/// A crosstab number as the matrix shows it: coverage as a percentage with one decimal, counts
/// as integers.
pub fn crosstab_text(count: u64, pct: Option<f64>) -> String {
    match pct {
        Some(p) => format!("{p:.1}%"),
        None => count.to_string(),
    }
}

/// The texts of the rows in `shown` (indices into `t.rows`) with their totals, the column totals
/// and the grand total (which still count every row).
pub fn crosstab_texts(t: &Crosstab, shown: &[usize]) -> TableTexts {
    let cov = t.coverage.as_ref();
    let shown: Vec<usize> = shown.iter().copied().filter(|&r| r < t.rows.len()).collect();
    TableTexts {
        cells: shown.iter().map(|&r| (0..t.cols.len()).map(|k| crosstab_text(t.cells[r][k], cov.map(|c| c.cells[r][k]))).collect()).collect(),
        row_totals: Some(shown.iter().map(|&r| crosstab_text(t.row_totals[r], cov.map(|c| c.row_totals[r]))).collect()),
        col_totals: Some((0..t.cols.len()).map(|k| crosstab_text(t.col_totals[k], cov.map(|c| c.col_totals[k]))).collect()),
        total: Some(crosstab_text(t.total, cov.map(|c| c.total))),
    }
}

/// "cases", "roles", "period:month" → words for a title.
pub fn dimension_title(name: &str) -> String {
    match name {
        "kinds" => "source kinds".into(),
        "period:month" => "months".into(),
        "period:quarter" => "quarters".into(),
        "period:session" => "sessions".into(),
        other => other.strip_prefix("attr:").map_or(other.to_string(), |a| format!("attribute {a}")),
    }
}

/// The matrix with the rows in `shown` (indices into `t.rows`): each cell on the heat ramp of
/// the shown cells, with the totals in bold and a scale for a legend.
pub fn crosstab_chart(t: &Crosstab, shown: &[usize]) -> HeatMap {
    let shown: Vec<usize> = shown.iter().copied().filter(|&r| r < t.rows.len()).collect();
    let texts = crosstab_texts(t, &shown);
    let values: Vec<Vec<f64>> = shown.iter().map(|&r| (0..t.cols.len()).map(|k| t.value(r, k)).collect()).collect();
    let max = values.iter().flatten().copied().fold(0.0, f64::max);
    HeatMap {
        title: format!("Codes × {}", dimension_title(&t.dimension)),
        subtitle: format!("measure: {}{}", t.measure, if t.rollup { " · sub-codes rolled up" } else { "" }),
        corner: "code".into(),
        rows: shown.iter().map(|&r| t.rows[r].clone()).collect(),
        cols: t.cols.clone(),
        cells: texts
            .cells
            .into_iter()
            .zip(&values)
            .map(|(row, vals)| row.into_iter().zip(vals).map(|(text, v)| HeatCell { text, fill: colour::heat(*v, max, false) }).collect())
            .collect(),
        row_totals: texts.row_totals,
        totals_label: "total".into(),
        col_totals: texts.col_totals,
        total: texts.total,
        legend: Legend::Scale { label: t.measure.clone(), max, max_text: if t.coverage.is_some() { format!("{max:.1}%") } else { format!("{max}") } },
        caption: Vec::new(),
    }
}
