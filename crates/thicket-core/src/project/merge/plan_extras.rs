//! Planning attributes and their values, framework matrices, and the pseudonymisation map.
//!
//! Attributes match by UUID, then by target and name; a value by its attribute and entity. A
//! framework matrix matches by UUID, then by name: its columns and rows become the union (this
//! project's order, then the other's additions) and its summaries match by case and code. Map
//! entries match by what they replace, in any case.

use std::collections::HashMap;

use super::{Choice, Planner, join, match_pairs, unique};
use crate::project::merge::{BothKept, MergeEntity, NameHolder, WarningKind};
use crate::action::{Action, EntitySet, Snapshot};
use crate::clock::is_valid_date;
use crate::error::Result;
use crate::model::*;

impl Planner<'_> {
    pub(super) fn attributes(&mut self) -> Result<()> {
        let from = self.from.attributes.clone();
        let pairs = match_pairs(&from, &self.into.attributes, |a| &a.uuid, |a| format!("{}\u{0}{}", a.applies_to, a.name));
        let mut defs: HashMap<AttributeId, AttributeDef> = HashMap::new();
        for (f, found) in from.iter().zip(pairs) {
            match found {
                Some((i, by_uuid)) => {
                    let into = self.into.attributes[i].clone();
                    self.attributes.insert(f.id, into.id);
                    self.matched("attributes", by_uuid);
                    if into.name != f.name || into.value_type != f.value_type {
                        self.warn(WarningKind::AttributeDiffers { name: into.name.clone(), there: f.name.clone(), value_type: f.value_type });
                    }
                    let extra: Vec<String> = f.categories.iter().filter(|c| !into.categories.contains(c)).cloned().collect();
                    let mut into = into;
                    if into.value_type == AttributeType::Category && f.value_type == AttributeType::Category && !extra.is_empty() {
                        // The union of the categories (this project's first): no action edits a
                        // definition, so the definition is taken out with its values and put back
                        // with the longer list, in this same step (undo puts back the old one).
                        let values: Vec<AttributeValue> = self.into.values.iter().filter(|v| v.attribute_id == into.id).cloned().collect();
                        let mut wider = into.clone();
                        wider.categories.extend(extra);
                        let snapshot = Snapshot { attributes: vec![wider.clone()], attribute_values: values, ..Default::default() };
                        self.changes.push(Action::Remove(EntitySet { attributes: vec![into.id], ..Default::default() }));
                        self.changes.push(Action::Restore(Box::new(snapshot)));
                        self.count("attributes").updated += 1;
                        into = wider;
                    }
                    defs.insert(into.id, into);
                }
                None => {
                    let taken = |n: &str| self.into.attributes.iter().chain(&self.snap.attributes).any(|a| a.applies_to == f.applies_to && a.name == n);
                    let name = unique(&f.name, taken);
                    let id = AttributeId(self.key("attributes")?);
                    let def = AttributeDef { id, name, ..f.clone() };
                    self.attributes.insert(f.id, id);
                    defs.insert(id, def.clone());
                    self.snap.attributes.push(def);
                    self.count("attributes").added += 1;
                }
            }
        }
        let here: HashMap<(AttributeId, i64), String> = self.into.values.iter().map(|v| ((v.attribute_id, v.entity_id), v.value.clone())).collect();
        let from_defs: HashMap<AttributeId, AttributeDef> = self.from.attributes.iter().map(|a| (a.id, a.clone())).collect();
        for v in self.from.values.clone() {
            let Some(def) = from_defs.get(&v.attribute_id) else { continue };
            let entity = match def.applies_to {
                AttributeTarget::Case => self.cases.get(&CaseId(v.entity_id)).map(|c| c.0),
                AttributeTarget::Participant => self.participants.get(&ParticipantId(v.entity_id)).map(|p| p.0),
                AttributeTarget::Source => self.sources.get(&SourceId(v.entity_id)).map(|s| s.0),
            };
            // A value of an entity FROM no longer has (its rows outlive nothing else).
            let Some(entity) = entity else { continue };
            let attribute = self.attributes[&v.attribute_id];
            let into_def = &defs[&attribute];
            let what = match def.applies_to {
                AttributeTarget::Case => MergeEntity::Case { name: self.from.case_name(CaseId(v.entity_id)).to_string() },
                AttributeTarget::Participant => MergeEntity::Participant { name: self.from.participant_name(ParticipantId(v.entity_id)).to_string() },
                AttributeTarget::Source => MergeEntity::Source { name: self.from.source_name(SourceId(v.entity_id)).to_string() },
            };
            if !fits(into_def, &v.value) {
                self.warn(WarningKind::ValueNotHeld { attribute: into_def.name.clone(), of: what.clone(), value: v.value.clone() });
                continue;
            }
            match here.get(&(attribute, entity)) {
                None => {
                    self.changes.push(Action::SetAttribute { attribute, entity, value: Some(v.value.clone()) });
                    self.count("attribute values").added += 1;
                }
                Some(old) if *old == v.value => self.count("attribute values").matched += 1,
                Some(old) => {
                    self.count("attribute values").matched += 1;
                    let entity_label = MergeEntity::AttributeValue { attribute: into_def.name.clone(), of: Box::new(what) };
                    if self.decide("attribute value", entity_label, old, &v.value, None) == Choice::From {
                        self.changes.push(Action::SetAttribute { attribute, entity, value: Some(v.value.clone()) });
                        self.count("attribute values").updated += 1;
                    }
                }
            }
        }
        Ok(())
    }

    pub(super) fn frameworks(&mut self) -> Result<()> {
        let from = self.from.frameworks.clone();
        let into_all = self.into.frameworks.clone();
        let pairs = match_pairs(&from, &into_all, |m| &m.framework.uuid, |m| m.framework.name.clone());
        for (f, found) in from.iter().zip(pairs) {
            let codes: Vec<CodeId> = f.codes.iter().map(|c| self.codes[c]).collect();
            let cases: Vec<CaseId> = f.cases.iter().map(|c| self.cases[c]).collect();
            let Some((i, by_uuid)) = found else {
                let taken = |n: &str| into_all.iter().any(|m| m.framework.name == n) || self.snap.frameworks.iter().any(|m| m.name == n);
                let name = unique(&f.framework.name, taken);
                let id = FrameworkId(self.key("frameworks")?);
                self.snap.frameworks.push(Framework { id, name, ..f.framework.clone() });
                self.snap.framework_columns.extend(codes.iter().enumerate().map(|(k, c)| (id, *c, k as i64)));
                self.snap.framework_rows.extend(cases.iter().enumerate().map(|(k, c)| (id, *c, k as i64)));
                for cell in &f.cells {
                    let cell = FrameworkCell { framework: id, case: self.cases[&cell.case], code: self.codes[&cell.code], coder: self.coders[&cell.coder], ..cell.clone() };
                    self.snap.framework_cells.push(cell);
                }
                self.count("framework matrices").added += 1;
                self.count("framework columns").added += codes.len();
                self.count("framework rows").added += cases.len();
                self.count("framework summaries").added += f.cells.len();
                continue;
            };
            let into = &into_all[i];
            let id = into.framework.id;
            self.matched("framework matrices", by_uuid);
            let entity = MergeEntity::Framework { name: into.framework.name.clone() };
            if into.framework.name != f.framework.name {
                if into_all.iter().any(|m| m.framework.name == f.framework.name) {
                    self.warn(WarningKind::NameTaken { entity: entity.clone(), name: f.framework.name.clone(), holder: NameHolder::Matrix });
                } else if self.decide("framework name", entity.clone(), &into.framework.name, &f.framework.name, None) == Choice::From {
                    self.changes.push(Action::RenameFramework { id, name: f.framework.name.clone() });
                    self.count("framework matrices").updated += 1;
                }
            }
            let mut all_codes = into.codes.clone();
            let mut all_cases = into.cases.clone();
            let (old_codes, old_cases) = (all_codes.len(), all_cases.len());
            for c in &codes {
                if !all_codes.contains(c) {
                    all_codes.push(*c);
                }
            }
            for c in &cases {
                if !all_cases.contains(c) {
                    all_cases.push(*c);
                }
            }
            self.count("framework columns").matched += old_codes + codes.len() - all_codes.len();
            self.count("framework columns").added += all_codes.len() - old_codes;
            self.count("framework rows").matched += old_cases + cases.len() - all_cases.len();
            self.count("framework rows").added += all_cases.len() - old_cases;
            if all_codes.len() > old_codes {
                self.changes.push(Action::SetFrameworkColumns { id, codes: all_codes.clone() });
            }
            if all_cases.len() > old_cases {
                self.changes.push(Action::SetFrameworkRows { id, cases: all_cases.clone() });
            }
            let mut hidden = 0;
            for cell in &f.cells {
                let (case, code, coder) = (self.cases[&cell.case], self.codes[&cell.code], self.coders[&cell.coder]);
                if !all_cases.contains(&case) || !all_codes.contains(&code) {
                    // A summary kept for a column or row taken out of FROM's matrix: the
                    // matrix here cannot hold it without showing that column or row.
                    hidden += 1;
                    continue;
                }
                let set = |summary: String, updated_at: Option<String>| Action::SetFrameworkCell { framework: id, case, code, summary, coder, updated_at };
                match into.cell(case, code) {
                    None => {
                        self.changes.push(set(cell.summary.clone(), Some(cell.updated_at.clone())));
                        self.count("framework summaries").added += 1;
                    }
                    Some(old) if old.summary == cell.summary => self.count("framework summaries").matched += 1,
                    Some(old) => {
                        self.count("framework summaries").matched += 1;
                        let label = MergeEntity::FrameworkSummary {
                            case: self.from.case_name(cell.case).to_string(),
                            code: self.code_name(code).to_string(),
                            framework: into.framework.name.clone(),
                        };
                        match self.decide("framework summary", label, &old.summary, &cell.summary, Some(BothKept::Summaries)) {
                            Choice::Into => {}
                            Choice::From => {
                                self.changes.push(set(cell.summary.clone(), Some(cell.updated_at.clone())));
                                self.count("framework summaries").updated += 1;
                            }
                            Choice::Both => {
                                let joined = join(&old.summary, &cell.summary);
                                if joined != old.summary {
                                    self.changes.push(set(joined, None));
                                    self.count("framework summaries").updated += 1;
                                }
                            }
                        }
                    }
                }
            }
            if hidden > 0 {
                self.warn(WarningKind::SummariesNotBrought { entity: entity.clone(), hidden });
            }
        }
        Ok(())
    }

    fn code_name(&self, id: CodeId) -> String {
        self.into.codes.iter().chain(&self.snap.codes).find(|c| c.id == id).map_or_else(|| format!("code {id}"), |c| c.name.clone())
    }

    pub(super) fn pseudonyms(&mut self) {
        let here: HashMap<String, Pseudonym> = self.into.pseudonyms.iter().map(|p| (p.original.to_lowercase(), p.clone())).collect();
        let mut added = Vec::new();
        for f in self.from.pseudonyms.clone() {
            let Some(into) = here.get(&f.original.to_lowercase()) else {
                added.push(NewPseudonym { sort_order: -1, ..f.fields() });
                self.count("pseudonyms").added += 1;
                continue;
            };
            self.count("pseudonyms").matched += 1;
            let show = |p: &Pseudonym| {
                format!("{} as {}{}{}", p.original, p.replacement, if p.whole_word { "" } else { ", inside words" }, if p.case == CaseMode::Exact { ", exact case" } else { "" })
            };
            if (into.replacement.as_str(), into.whole_word, into.case) != (f.replacement.as_str(), f.whole_word, f.case)
                && self.decide("pseudonym", MergeEntity::Pseudonym { original: into.original.clone() }, &show(into), &show(&f), None) == Choice::From
            {
                let entry = NewPseudonym { original: into.original.clone(), sort_order: -1, origin: into.origin, ..f.fields() };
                self.changes.push(Action::UpdatePseudonym { id: into.id, entry });
                self.count("pseudonyms").updated += 1;
            }
        }
        if !added.is_empty() {
            self.changes.push(Action::AddPseudonyms(added));
        }
    }
}

/// Whether `value` is a value of the attribute's type.
fn fits(def: &AttributeDef, value: &str) -> bool {
    match def.value_type {
        AttributeType::Text => true,
        AttributeType::Number => value.trim().parse::<f64>().is_ok_and(f64::is_finite),
        AttributeType::Date => is_valid_date(value),
        AttributeType::Category => def.categories.iter().any(|c| c == value),
    }
}
