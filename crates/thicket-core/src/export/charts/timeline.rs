//! The timeline as a chart: one panel per case, one line per code through its counts at the
//! case's session dates, in colours that can be told apart.

use std::collections::HashMap;

use crate::analysis::{AnalysisData, Timeline};
use crate::export::colour::Rgb;
use crate::export::svg::{Series, TimelineChart, TimelinePanel};

/// Distinct colours for codes that share one in the codebook.
pub const PALETTE: [Rgb; 8] = [
    Rgb(0x1f, 0x77, 0xb4),
    Rgb(0xff, 0x7f, 0x0e),
    Rgb(0x2c, 0xa0, 0x2c),
    Rgb(0xd6, 0x27, 0x28),
    Rgb(0x94, 0x67, 0xbd),
    Rgb(0x8c, 0x56, 0x4b),
    Rgb(0xe3, 0x77, 0xc2),
    Rgb(0x17, 0xbe, 0xcf),
];

/// How far apart (in "redmean" RGB distance) two plotted colours must be.
const MIN_DISTANCE: f64 = 120.0;

/// A cheap perceptual distance between two sRGB colours (the "redmean" approximation).
fn distance(a: Rgb, b: Rgb) -> f64 {
    let r = (a.0 as f64 + b.0 as f64) / 2.0;
    let (dr, dg, db) = (a.0 as f64 - b.0 as f64, a.1 as f64 - b.1 as f64, a.2 as f64 - b.2 as f64);
    ((2.0 + r / 256.0) * dr * dr + 4.0 * dg * dg + (2.0 + (255.0 - r) / 256.0) * db * db).sqrt()
}

/// Each code's colour in the codebook, by code path.
pub fn code_colours(data: &AnalysisData) -> HashMap<String, Rgb> {
    data.codebook.walk().iter().filter_map(|(_, c)| Rgb::parse(&c.color).map(|rgb| (data.code_path(c.id), rgb))).collect()
}

/// The `chosen` codes' indices in `t.codes` (codebook order) and their line colours: a code's
/// own colour unless it is hard to tell from one already used (sub-codes are often shades of
/// their parent's), else the first palette colour that is easy to tell apart.
pub fn series_colours(t: &Timeline, colours: &HashMap<String, Rgb>, chosen: &[String]) -> Vec<(usize, Rgb)> {
    let mut used: Vec<Rgb> = Vec::new();
    let mut out = Vec::new();
    let distinct = |c: Rgb, used: &[Rgb]| used.iter().all(|u| distance(c, *u) >= MIN_DISTANCE);
    for (i, path) in t.codes.iter().enumerate().filter(|(_, p)| chosen.contains(p)) {
        let colour = match colours.get(path).copied() {
            Some(c) if distinct(c, &used) => c,
            _ => PALETTE.iter().copied().find(|c| distinct(*c, &used)).unwrap_or(PALETTE[out.len() % PALETTE.len()]),
        };
        used.push(colour);
        out.push((i, colour));
    }
    out
}

/// One panel per case of `t`, one line per code of `series` (from `series_colours`); a case's
/// undated sources cannot be placed on the date axis, and its panel says how many it leaves out.
pub fn timeline_chart(t: &Timeline, series: &[(usize, Rgb)]) -> TimelineChart {
    let panels = t
        .cases
        .iter()
        .map(|c| {
            let undated: usize = c.sessions.iter().filter(|s| s.date.is_none()).map(|s| s.sources.len()).sum();
            TimelinePanel {
                title: c.case.clone(),
                note: (undated > 0).then(|| format!("{undated} undated sources not plotted")),
                series: series
                    .iter()
                    .filter(|(i, _)| *i < t.codes.len())
                    .map(|&(i, colour)| Series {
                        name: t.codes[i].clone(),
                        colour,
                        points: c.sessions.iter().filter_map(|s| s.date.clone().map(|d| (d, s.counts[i] as f64))).collect(),
                    })
                    .collect(),
            }
        })
        .collect();
    TimelineChart {
        title: "Timeline: codings per session".into(),
        subtitle: if t.rollup { "sub-codes rolled up".into() } else { String::new() },
        y_label: "codings".into(),
        panels,
        caption: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shades_of_one_hue_are_replaced_by_distinct_colours() {
        let t = Timeline { rollup: false, codes: vec!["Repair/Collaboration".into(), "Repair/Honesty".into(), "Tensions".into()], cases: Vec::new() };
        let colours = HashMap::from([
            ("Repair/Collaboration".to_string(), Rgb(0x42, 0xa5, 0xf5)),
            ("Repair/Honesty".to_string(), Rgb(0x64, 0xb5, 0xf6)),
            ("Tensions".to_string(), Rgb(0xef, 0x6c, 0x00)),
        ]);
        let series = series_colours(&t, &colours, &["Repair/Collaboration".into(), "Repair/Honesty".into(), "Tensions".into()]);
        assert_eq!(series[0].1, Rgb(0x42, 0xa5, 0xf5), "the first keeps its own colour");
        assert_ne!(series[1].1, Rgb(0x64, 0xb5, 0xf6), "a near shade is replaced");
        assert_eq!(series[2].1, Rgb(0xef, 0x6c, 0x00));
        for (i, a) in series.iter().enumerate() {
            for b in &series[i + 1..] {
                assert!(distance(a.1, b.1) >= MIN_DISTANCE, "{:?} and {:?}", a.1, b.1);
            }
        }
    }
}
