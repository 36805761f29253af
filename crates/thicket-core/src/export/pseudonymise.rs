//! Pseudonyms on the way out: one call rewrites a built export with the project's map before a
//! writer sees it, so every format of it is pseudonymised alike and the stored text never
//! changes.
//!
//! ```text
//!  Project::pseudonym_map() ──▶ PseudonymMap ─┐
//!  build ──▶ Excerpts | Document | Sheet(s) | JSON value ──.pseudonymise(&map)──▶ writer ──▶ file
//!  chart ──▶ SVG string ──pseudonymise_svg(&svg, &map)──▶ file
//! ```
//!
//! Every string a reader sees is rewritten: quotes, citations (speaker names, case and source
//! names), context, memos, headings, definitions, table cells and notes. Dates, numbers and
//! offsets are left alone. Each call returns the number of replacements made.

use serde_json::Value;

use super::document::Document;
use super::svg::{Chart, Legend};
use super::excerpts::{Excerpt, Excerpts};
use super::table::{Cell, Sheet};
use crate::text::PseudonymMap;

/// A built export that the map can rewrite.
pub trait Pseudonymise {
    /// Rewrites every string a reader sees; returns the number of replacements.
    fn pseudonymise(&mut self, map: &PseudonymMap) -> usize;
}

impl Pseudonymise for Document {
    fn pseudonymise(&mut self, map: &PseudonymMap) -> usize {
        self.texts_mut().into_iter().map(|t| map.apply_to(t)).sum()
    }
}

impl Pseudonymise for Excerpts {
    fn pseudonymise(&mut self, map: &PseudonymMap) -> usize {
        let mut n = map.apply_to(&mut self.title);
        for g in &mut self.groups {
            n += map.apply_to(&mut g.title) + map.apply_to(&mut g.definition);
            for s in &mut g.sections {
                n += s.title.as_mut().map_or(0, |t| map.apply_to(t));
                n += s.excerpts.iter_mut().map(|e| e.pseudonymise(map)).sum::<usize>();
            }
        }
        n
    }
}

impl Pseudonymise for Excerpt {
    fn pseudonymise(&mut self, map: &PseudonymMap) -> usize {
        let f = &mut self.fields;
        let mut texts: Vec<&mut String> = vec![
            &mut self.text,
            &mut self.citation,
            &mut self.context_before,
            &mut self.context_after,
            &mut self.memo,
            &mut f.source,
            &mut f.kind,
            &mut f.coder,
            &mut f.code,
        ];
        texts.extend(self.other_codes.iter_mut());
        texts.extend(f.speakers.iter_mut());
        texts.extend(f.roles.iter_mut());
        texts.extend(f.cases.iter_mut());
        texts.into_iter().map(|t| map.apply_to(t)).sum()
    }
}

impl Pseudonymise for Sheet {
    fn pseudonymise(&mut self, map: &PseudonymMap) -> usize {
        let mut n = map.apply_to(&mut self.name) + self.header.iter_mut().map(|h| map.apply_to(h)).sum::<usize>();
        for cell in self.rows.iter_mut().flatten() {
            if let Cell::Text(t) = cell {
                n += map.apply_to(t);
            }
        }
        n + self.note.as_mut().map_or(0, |t| map.apply_to(t))
    }
}

impl<T: Pseudonymise> Pseudonymise for [T] {
    fn pseudonymise(&mut self, map: &PseudonymMap) -> usize {
        self.iter_mut().map(|x| x.pseudonymise(map)).sum()
    }
}

impl<T: Pseudonymise> Pseudonymise for Vec<T> {
    fn pseudonymise(&mut self, map: &PseudonymMap) -> usize {
        self.as_mut_slice().pseudonymise(map)
    }
}

/// A chart, before it is drawn: titles, labels, cell texts, legend and caption, so that a label
/// the drawing would cut short is rewritten whole.
impl Pseudonymise for Chart {
    fn pseudonymise(&mut self, map: &PseudonymMap) -> usize {
        let texts: Vec<&mut String> = match self {
            Chart::Heat(m) => {
                let mut t: Vec<&mut String> = vec![&mut m.title, &mut m.subtitle, &mut m.corner, &mut m.totals_label];
                t.extend(m.rows.iter_mut().chain(m.cols.iter_mut()));
                t.extend(m.cells.iter_mut().flatten().map(|c| &mut c.text));
                t.extend(m.row_totals.iter_mut().flatten().chain(m.col_totals.iter_mut().flatten()).chain(m.total.iter_mut()));
                match &mut m.legend {
                    Legend::Scale { label, max_text, .. } => t.extend([label, max_text]),
                    Legend::Categories(items) => t.extend(items.iter_mut().map(|(_, text)| text)),
                    Legend::None => {}
                }
                t.extend(m.caption.iter_mut());
                t
            }
            Chart::Timeline(c) => {
                let mut t: Vec<&mut String> = vec![&mut c.title, &mut c.subtitle, &mut c.y_label];
                for panel in &mut c.panels {
                    t.push(&mut panel.title);
                    t.extend(panel.note.iter_mut());
                    t.extend(panel.series.iter_mut().map(|s| &mut s.name));
                }
                t.extend(c.caption.iter_mut());
                t
            }
        };
        texts.into_iter().map(|t| map.apply_to(t)).sum()
    }
}

/// A JSON report: every string value (keys are the report's own field names, and stay).
impl Pseudonymise for Value {
    fn pseudonymise(&mut self, map: &PseudonymMap) -> usize {
        match self {
            Value::String(s) => map.apply_to(s),
            Value::Array(items) => items.iter_mut().map(|v| v.pseudonymise(map)).sum(),
            Value::Object(fields) => fields.values_mut().map(|v| v.pseudonymise(map)).sum(),
            Value::Null | Value::Bool(_) | Value::Number(_) => 0,
        }
    }
}

/// An SVG document with the text it shows rewritten: the content of its elements (`<text>`,
/// `<title>`), unescaped, rewritten and escaped again; tags and attributes stay as they are.
/// Returns the new document and the number of replacements. A chart cuts long labels with an
/// ellipsis, and a cut name may no longer match: where the chart model is at hand, rewrite its
/// labels before drawing; this is for SVG that is already drawn.
pub fn pseudonymise_svg(svg: &str, map: &PseudonymMap) -> (String, usize) {
    let mut out = String::with_capacity(svg.len());
    let mut n = 0;
    let mut rest = svg;
    while let Some(open) = rest.find('<') {
        let (text, tail) = rest.split_at(open);
        n += rewrite_content(text, map, &mut out);
        let close = tail.find('>').map_or(tail.len(), |i| i + 1);
        out.push_str(&tail[..close]);
        rest = &tail[close..];
    }
    n += rewrite_content(rest, map, &mut out);
    (out, n)
}

/// Appends the element content `text`, rewritten when the map changes it; returns how often.
fn rewrite_content(text: &str, map: &PseudonymMap, out: &mut String) -> usize {
    let (new, k) = map.apply_counting(&unescape(text));
    out.push_str(&if k == 0 { text.to_string() } else { super::svg::escape(&new) });
    k
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CaseMode, Pseudonym, PseudonymId, PseudonymOrigin};

    fn map() -> PseudonymMap {
        let e = |o: &str, r: &str| Pseudonym {
            id: PseudonymId(0),
            original: o.into(),
            replacement: r.into(),
            whole_word: true,
            case: CaseMode::Keep,
            origin: PseudonymOrigin::Added,
            sort_order: 0,
        };
        PseudonymMap::new(&[e("Dana", "Caregiver 1"), e("Harlow", "Family A")])
    }

    #[test]
    fn a_document_is_rewritten_everywhere() {
        let mut d = Document::new("Harlow family");
        d.heading(1, "Dana's view");
        d.quote("Dana: I didn't ask for this.", "(Dana, caregiver, Harlow family)");
        d.table(vec!["case".into()], vec![vec!["Harlow family".into()]]);
        assert_eq!(d.pseudonymise(&map()), 6);
        let all: Vec<String> = d.texts_mut().into_iter().map(|s| s.clone()).collect();
        assert!(all.iter().all(|t| !t.contains("Dana") && !t.contains("Harlow")), "{all:?}");
        assert!(all.contains(&"Caregiver 1's view".to_string()));
    }

    #[test]
    fn sheets_keep_their_numbers() {
        let mut s = Sheet::new("Dana", vec!["code".into(), "Dana".into()]);
        s.rows.push(vec![Cell::Text("Harlow".into()), Cell::Int(3)]);
        s.note = Some("Dana only".into());
        assert_eq!(s.pseudonymise(&map()), 4);
        assert_eq!((s.name.as_str(), s.header[1].as_str(), s.note.as_deref()), ("Caregiver 1", "Caregiver 1", Some("Caregiver 1 only")));
        assert_eq!(s.rows[0], vec![Cell::Text("Family A".into()), Cell::Int(3)]);
    }

    #[test]
    fn svg_text_is_rewritten_and_escaped_but_markup_is_not() {
        let svg = "<svg><text x=\"1\" class=\"Dana\">Dana &amp; Harlow&apos;s</text><title>Dana</title></svg>";
        let (out, n) = pseudonymise_svg(svg, &map());
        assert_eq!(n, 3);
        assert_eq!(out, "<svg><text x=\"1\" class=\"Dana\">Caregiver 1 &amp; Family A&apos;s</text><title>Caregiver 1</title></svg>");
    }

    #[test]
    fn json_values_change_and_keys_do_not() {
        let mut v = serde_json::json!({"Dana": ["Dana", 1, {"case": "Harlow family"}]});
        assert_eq!(v.pseudonymise(&map()), 2);
        assert_eq!(v, serde_json::json!({"Dana": ["Caregiver 1", 1, {"case": "Family A family"}]}));
    }
}
