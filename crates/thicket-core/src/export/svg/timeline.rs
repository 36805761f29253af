//! The timeline as a dot-and-line chart: one panel per case, stacked, sharing a date axis; in
//! each, one line per code through its counts at the case's session dates.

use super::{Doc, FONT, caption_height, escape, fit, num, text_width, wrap_caption};
use crate::export::colour::Rgb;

/// One code's counts in one case, at session dates (`YYYY-MM-DD`).
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub colour: Rgb,
    pub points: Vec<(String, f64)>,
}

/// One case.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelinePanel {
    pub title: String,
    pub series: Vec<Series>,
    /// Shown beside the title, e.g. how many undated sources are left out.
    pub note: Option<String>,
}

/// The whole chart.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineChart {
    pub title: String,
    pub subtitle: String,
    /// What the vertical axis counts.
    pub y_label: String,
    pub panels: Vec<TimelinePanel>,
    /// Paragraphs under the chart: the filters it was drawn with, where it came from.
    pub caption: Vec<String>,
}

const PAD: f64 = 16.0;
const LEFT: f64 = 52.0;
const PLOT_W: f64 = 640.0;
const PLOT_H: f64 = 140.0;
const PANEL_GAP: f64 = 34.0;
const AXIS_H: f64 = 38.0;

/// The day number (Julian day) of a `YYYY-MM-DD` date; `None` if it is not one.
pub fn day_of_date(date: &str) -> Option<i32> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(date, &format).ok().map(time::Date::to_julian_day)
}

/// The `YYYY-MM-DD` date of a day number (`day_of_date`'s inverse).
pub fn date_of_day(day: i32) -> Option<String> {
    let d = time::Date::from_julian_day(day).ok()?;
    Some(format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()))
}

/// Month starts between `lo` and `hi` (day numbers), thinned to at most about a dozen, as
/// (day, `YYYY-MM` label).
pub fn month_ticks(lo: i32, hi: i32) -> Vec<(i32, String)> {
    let Ok(mut d) = time::Date::from_julian_day(lo) else { return Vec::new() };
    let mut months = Vec::new();
    d = d.replace_day(1).unwrap_or(d);
    while d.to_julian_day() <= hi {
        if d.to_julian_day() >= lo {
            months.push((d.to_julian_day(), format!("{:04}-{:02}", d.year(), u8::from(d.month()))));
        }
        let (y, m) = if d.month() == time::Month::December { (d.year() + 1, time::Month::January) } else { (d.year(), d.month().next()) };
        match time::Date::from_calendar_date(y, m, 1) {
            Ok(next) => d = next,
            Err(_) => break,
        }
    }
    let step = months.len().div_ceil(12).max(1);
    months.into_iter().step_by(step).collect()
}

/// A round step for an axis from 0 to `max` with about four ticks.
fn nice_step(max: f64) -> f64 {
    if max <= 4.0 {
        return 1.0;
    }
    let raw = max / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag)
}

/// The SVG document of `chart`.
pub fn timeline_svg(chart: &TimelineChart) -> String {
    let days: Vec<i32> = chart.panels.iter().flat_map(|p| &p.series).flat_map(|s| &s.points).filter_map(|(d, _)| day_of_date(d)).collect();
    let (mut lo, mut hi) = (days.iter().copied().min().unwrap_or(0), days.iter().copied().max().unwrap_or(0));
    // A little room at both ends, and some width when every session is on one day.
    let margin = ((hi - lo) / 20).max(7);
    lo -= margin;
    hi += margin;
    let x_of = |day: i32| LEFT + PAD + (day - lo) as f64 / (hi - lo).max(1) as f64 * PLOT_W;
    let legend: Vec<(&str, Rgb)> = {
        let mut seen: Vec<(&str, Rgb)> = Vec::new();
        for s in chart.panels.iter().flat_map(|p| &p.series) {
            if !seen.iter().any(|(n, _)| *n == s.name) {
                seen.push((&s.name, s.colour));
            }
        }
        seen
    };
    let legend_x = LEFT + PAD + PLOT_W + 24.0;
    let legend_w = legend.iter().map(|(n, _)| text_width(n, FONT)).fold(0.0, f64::max).min(280.0) + 24.0;
    let title_h = 24.0 + if chart.subtitle.is_empty() { 0.0 } else { 18.0 };
    let top = PAD + title_h + 10.0;
    let panel_h = PLOT_H + AXIS_H + PANEL_GAP;
    let width = (legend_x + legend_w + PAD).max(PAD * 2.0 + text_width(&chart.title, 16.0));
    let body = (top + chart.panels.len().max(1) as f64 * panel_h).max(top + legend.len() as f64 * 18.0);
    let caption = wrap_caption(&chart.caption, width - 2.0 * PAD);
    let height = body + caption_height(&caption) + PAD;
    let mut doc = Doc::new(width, height, &chart.title);
    doc.text(PAD, PAD + 14.0, "font-size=\"16\" font-weight=\"bold\"", &chart.title);
    if !chart.subtitle.is_empty() {
        doc.text(PAD, PAD + 32.0, "fill=\"#555555\"", &chart.subtitle);
    }
    if days.is_empty() {
        doc.text(LEFT + PAD, top + 30.0, "fill=\"#555555\"", "No dated sessions to plot.");
    }
    let ticks = month_ticks(lo, hi);
    for (i, panel) in chart.panels.iter().enumerate() {
        let y0 = top + i as f64 * panel_h + 18.0;
        let base = y0 + PLOT_H;
        let title = match &panel.note {
            Some(n) => format!("{} — {n}", panel.title),
            None => panel.title.clone(),
        };
        doc.label(LEFT + PAD, y0 - 6.0, "font-weight=\"bold\"", &title, PLOT_W);
        let max = panel.series.iter().flat_map(|s| &s.points).map(|(_, v)| *v).fold(0.0, f64::max).max(1.0);
        let step = nice_step(max);
        let top_value = (max / step).ceil() * step;
        let y_of = |v: f64| base - v / top_value * PLOT_H;
        // Axes and grid.
        let mut v = 0.0;
        while v <= top_value + 1e-9 {
            let y = y_of(v);
            doc.line(LEFT + PAD, y, LEFT + PAD + PLOT_W, y, "stroke=\"#e4e4e4\" stroke-width=\"1\"");
            doc.text(LEFT + PAD - 6.0, y + 4.0, "text-anchor=\"end\" fill=\"#555555\"", &num(v));
            v += step;
        }
        doc.line(LEFT + PAD, base, LEFT + PAD + PLOT_W, base, "stroke=\"#888888\" stroke-width=\"1\"");
        doc.line(LEFT + PAD, y0, LEFT + PAD, base, "stroke=\"#888888\" stroke-width=\"1\"");
        for (day, label) in &ticks {
            let x = x_of(*day);
            doc.line(x, base, x, base + 4.0, "stroke=\"#888888\" stroke-width=\"1\"");
            doc.text(x, base + 17.0, "text-anchor=\"middle\" fill=\"#555555\"", label);
        }
        let (ly, lx) = (y0 + PLOT_H / 2.0, PAD + 10.0);
        doc.text(lx, ly, &format!("text-anchor=\"middle\" fill=\"#555555\" transform=\"rotate(-90 {} {})\"", num(lx), num(ly)), &chart.y_label);
        for s in &panel.series {
            let mut pts: Vec<(i32, &str, f64)> = s.points.iter().filter_map(|(d, v)| day_of_date(d).map(|day| (day, d.as_str(), *v))).collect();
            pts.sort_by_key(|p| p.0);
            let colour = s.colour.hex();
            if pts.len() > 1 {
                let path: Vec<String> = pts.iter().map(|(d, _, v)| format!("{},{}", num(x_of(*d)), num(y_of(*v)))).collect();
                doc.raw(&format!("<polyline points=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"/>", path.join(" ")));
            }
            for (day, date, v) in &pts {
                doc.raw(&format!(
                    "<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"{colour}\" stroke=\"#ffffff\" stroke-width=\"1\"><title>{}</title></circle>",
                    num(x_of(*day)),
                    num(y_of(*v)),
                    escape(&format!("{} · {}: {date}: {}", panel.title, s.name, num(*v)))
                ));
            }
        }
    }
    for (i, (name, c)) in legend.iter().enumerate() {
        let y = top + 18.0 + i as f64 * 18.0;
        doc.line(legend_x, y, legend_x + 14.0, y, &format!("stroke=\"{}\" stroke-width=\"3\"", c.hex()));
        doc.text(legend_x + 20.0, y + 4.0, "", &fit(name, 280.0, FONT));
    }
    doc.caption(PAD, body + 8.0, &caption);
    doc.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_become_day_numbers_and_back() {
        let d = day_of_date("2025-03-04").unwrap();
        assert_eq!(day_of_date("2025-03-05").unwrap(), d + 1);
        assert_eq!(date_of_day(d).as_deref(), Some("2025-03-04"));
        assert_eq!(day_of_date("2025-02-30"), None);
        assert_eq!(day_of_date("undated"), None);
    }

    #[test]
    fn month_ticks_fall_on_first_days_and_thin_out_over_long_spans() {
        let t = month_ticks(day_of_date("2025-01-20").unwrap(), day_of_date("2025-04-02").unwrap());
        assert_eq!(t.iter().map(|(_, l)| l.as_str()).collect::<Vec<_>>(), ["2025-02", "2025-03", "2025-04"]);
        assert_eq!(t[0].0, day_of_date("2025-02-01").unwrap());
        let long = month_ticks(day_of_date("2020-01-01").unwrap(), day_of_date("2024-12-31").unwrap());
        assert!(long.len() <= 12, "{}", long.len());
    }

    #[test]
    fn axis_steps_are_round() {
        assert_eq!(nice_step(3.0), 1.0);
        assert_eq!(nice_step(9.0), 5.0);
        assert_eq!(nice_step(70.0), 20.0);
    }
}
