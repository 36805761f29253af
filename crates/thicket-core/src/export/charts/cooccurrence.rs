//! The co-occurrence table (code × code) as a heat map, the diagonal (each code's own codings)
//! set apart in grey.

use crate::analysis::Cooccurrence;
use crate::export::colour::{self, Rgb};
use crate::export::svg::{HeatCell, HeatMap, Legend};

/// The fill of the diagonal.
const DIAGONAL: Rgb = Rgb(0xee, 0xee, 0xee);

/// The number of a cell: its pair count or its Jaccard coefficient.
pub fn cooccurrence_value(t: &Cooccurrence, a: usize, b: usize, jaccard: bool) -> f64 {
    if jaccard { t.jaccard[a][b] } else { t.counts[a][b] as f64 }
}

/// A cell as the table shows it: the count, or the coefficient with three decimals.
pub fn cooccurrence_text(t: &Cooccurrence, a: usize, b: usize, jaccard: bool) -> String {
    if jaccard { format!("{:.3}", t.jaccard[a][b]) } else { t.counts[a][b].to_string() }
}

/// The codes in `shown` (indices into `t.codes`) against each other; the ramp's top is the
/// largest cell off the diagonal.
pub fn cooccurrence_chart(t: &Cooccurrence, shown: &[usize], jaccard: bool) -> HeatMap {
    let shown: Vec<usize> = shown.iter().copied().filter(|&i| i < t.codes.len()).collect();
    let value = |a: usize, b: usize| cooccurrence_value(t, a, b, jaccard);
    let max = shown.iter().flat_map(|&a| shown.iter().filter(move |&&b| b != a).map(move |&b| value(a, b))).fold(0.0, f64::max);
    let names: Vec<String> = shown.iter().map(|&i| t.codes[i].clone()).collect();
    HeatMap {
        title: format!("Co-occurrence ({})", if jaccard { "Jaccard" } else { "pairs of codings" }),
        subtitle: format!("mode {}; diagonal: codings of the code", t.mode),
        corner: "code".into(),
        rows: names.clone(),
        cols: names,
        cells: shown
            .iter()
            .map(|&a| {
                shown
                    .iter()
                    .map(|&b| HeatCell { text: cooccurrence_text(t, a, b, jaccard), fill: if a == b { Some(DIAGONAL) } else { colour::heat(value(a, b), max, false) } })
                    .collect()
            })
            .collect(),
        row_totals: None,
        totals_label: String::new(),
        col_totals: None,
        total: None,
        legend: Legend::Scale {
            label: if jaccard { "Jaccard".into() } else { "pairs".into() },
            max,
            max_text: if jaccard { format!("{max:.3}") } else { format!("{max}") },
        },
        caption: Vec::new(),
    }
}
