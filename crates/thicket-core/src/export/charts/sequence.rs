//! The sequence view's numbers as text, and its transition matrix as a heat map whose subtitle
//! sums up A followed by B.

use crate::analysis::{Sequence, SequenceCounts, Transitions};
use crate::export::analysis_tables::lags_text;
use crate::export::colour;
use crate::export::svg::{HeatCell, HeatMap, Legend};

/// One row of the A → B table as the window shows it: A codings, followed, share (percent, one
/// decimal; empty without A codings), mean lag (two decimals; empty without lags), lags.
pub fn sequence_texts(c: &SequenceCounts) -> [String; 5] {
    [
        c.from_codings.to_string(),
        c.followed.to_string(),
        if c.from_codings == 0 { String::new() } else { format!("{:.1}%", c.followed as f64 * 100.0 / c.from_codings as f64) },
        c.mean_lag.map_or_else(String::new, |m| format!("{m:.2}")),
        lags_text(c),
    ]
}

/// A transition: its count, or its probability (the count over its row's total).
pub fn transition_value(tr: &Transitions, i: usize, j: usize, probabilities: bool) -> f64 {
    if probabilities { tr.probabilities[i][j] } else { tr.counts[i][j] as f64 }
}

/// A transition as the matrix shows it: the count, or the probability with three decimals.
pub fn transition_text(tr: &Transitions, i: usize, j: usize, probabilities: bool) -> String {
    if probabilities { format!("{:.3}", tr.probabilities[i][j]) } else { tr.counts[i][j].to_string() }
}

/// The transition matrix with each row's total; the subtitle says how often A was followed by
/// B when there is a pair (`seq`).
pub fn transitions_chart(tr: &Transitions, seq: Option<&Sequence>, probabilities: bool) -> HeatMap {
    let n = tr.codes.len();
    let max = (0..n).flat_map(|i| (0..n).map(move |j| (i, j))).map(|(i, j)| transition_value(tr, i, j, probabilities)).fold(0.0, f64::max);
    let what = if probabilities { "probabilities" } else { "counts of consecutive codings" };
    let subtitle = match seq {
        Some(s) => format!(
            "{what}; {} followed by {}: {} of {} A codings ({})",
            s.from,
            s.to,
            s.overall.followed,
            s.overall.from_codings,
            if lags_text(&s.overall).is_empty() { "no lags".to_string() } else { format!("lags {}", lags_text(&s.overall)) }
        ),
        None => what.to_string(),
    };
    HeatMap {
        title: format!("Transitions within {}", tr.window),
        subtitle,
        corner: "from \\ to".into(),
        rows: tr.codes.clone(),
        cols: tr.codes.clone(),
        cells: (0..n)
            .map(|i| {
                (0..n)
                    .map(|j| HeatCell { text: transition_text(tr, i, j, probabilities), fill: colour::heat(transition_value(tr, i, j, probabilities), max, false) })
                    .collect()
            })
            .collect(),
        row_totals: Some(tr.row_totals.iter().map(u64::to_string).collect()),
        totals_label: "total".into(),
        col_totals: None,
        total: None,
        legend: Legend::Scale {
            label: if probabilities { "probability".into() } else { "transitions".into() },
            max,
            max_text: if probabilities { format!("{max:.3}") } else { format!("{max}") },
        },
        caption: Vec::new(),
    }
}
