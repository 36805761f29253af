//! Undo and redo for every kind of action: undo restores exactly the state before, redo exactly
//! the state after (compared on a full dump of the project through its public API).
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

use thicket_core::action::{Action, EntitySet, NewCoding, NewSource, NewTurn};
use thicket_core::model::*;
use thicket_core::Project;

/// Everything a user could see, as text.
fn dump(p: &Project) -> String {
    let mut out = String::new();
    for s in p.sources().unwrap() {
        out += &format!("source {} {:?} {} {:?} {}\n", s.id, s.name, s.kind, s.date, s.text_hash);
        for t in p.turns(s.id).unwrap() {
            out += &format!("  turn {} {} {:?} {:?}\n", t.id, t.participant_id, t.span, t.timestamp_ms);
        }
    }
    out += &format!("cases {:?}\n", p.cases().unwrap());
    out += &format!("case sources {:?}\n", p.case_sources().unwrap());
    out += &format!("participants {:?}\n", p.participants().unwrap());
    let mut pc: Vec<_> = p.cases_by_participant().unwrap().into_iter().collect();
    pc.sort();
    out += &format!("participant cases {pc:?}\n");
    out += &format!("source participants {:?}\n", p.source_participants().unwrap());
    out += &format!("coders {:?}\n", p.coders().unwrap());
    for (d, c) in p.codebook().unwrap().walk() {
        out += &format!("code {d} {c:?}\n");
    }
    out += &format!("codings {:?}\n", p.all_codings().unwrap());
    out += &format!("memos {:?}\n", p.memos().unwrap());
    out += &format!("attributes {:?}\n", p.attributes().unwrap());
    out += &format!("values {:?}\n", p.attribute_values().unwrap());
    out
}

struct Fixture {
    _dir: tempfile::TempDir,
    p: Project,
    source: SourceId,
    case: CaseId,
    coder: CoderId,
    parent: CodeId,
    child: CodeId,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut p = Project::create(&dir.path().join("u.thicket"), "undo").unwrap();
    let text = "Dana: I felt judged.\nPriya: I hear you.\nDana: Thank you.\n".to_string();
    let turns = vec![
        NewTurn { speaker: "Dana".into(), span: TextSpan::new(6, 20).unwrap(), timestamp_ms: None },
        NewTurn { speaker: "Priya".into(), span: TextSpan::new(28, 39).unwrap(), timestamp_ms: Some(5_000) },
    ];
    let out = p
        .perform(Action::ImportSources(vec![NewSource {
            name: "visit".into(),
            kind: SourceKind::Interview,
            text,
            date: Some("2025-02-11".into()),
            original_name: "visit.txt".into(),
            original_format: "txt".into(),
            encoding: "UTF-8".into(),
            page_starts: None,
            time_marks: Vec::new(),
            cases: vec!["Harlow family".into()],
            participants: vec![],
            turns,
            attributes: vec![("Setting".into(), "home".into())],
            roles: vec![("Dana".into(), "caregiver".into())],
        }]))
        .unwrap();
    let source = out.created.sources[0];
    let case = out.created.cases[0];
    let coder = p.ensure_coder("Amara").unwrap();
    let parent = p
        .perform(Action::CreateCode { parent: None, name: "Tensions".into(), color: "#EF6C00".into(), description: CodeDescription::default() })
        .unwrap()
        .created
        .codes[0];
    let child = p
        .perform(Action::CreateCode { parent: Some(parent), name: "Questioned parenting".into(), color: "#fb8c00".into(), description: CodeDescription::definition("judged") })
        .unwrap()
        .created
        .codes[0];
    p.perform(Action::AddCodings(vec![
        NewCoding { source, code: child, coder, span: TextSpan::new(6, 20).unwrap(), memo: "first".into() },
        NewCoding { source, code: parent, coder, span: TextSpan::new(0, 39).unwrap(), memo: String::new() },
    ]))
    .unwrap();
    Fixture { _dir: dir, p, source, case, coder, parent, child }
}

/// Performs `action`, then checks undo → before and redo → after, twice over.
fn round_trip(p: &mut Project, action: Action) -> String {
    let before = dump(p);
    let label = action.label();
    p.perform(action).unwrap_or_else(|e| panic!("{label}: {e}"));
    let after = dump(p);
    assert_ne!(before, after, "{label} changed nothing");
    assert_eq!(p.undo_label(), Some(label.as_str()));
    for _ in 0..2 {
        assert_eq!(p.undo().unwrap().as_deref(), Some(label.as_str()));
        assert_eq!(dump(p), before, "undo of {label}");
        assert_eq!(p.redo_label(), Some(label.as_str()));
        assert_eq!(p.redo().unwrap().as_deref(), Some(label.as_str()));
        assert_eq!(dump(p), after, "redo of {label}");
    }
    after
}

#[test]
fn import_is_undone_with_its_new_case_and_participants() {
    let mut f = fixture();
    let action = Action::ImportSources(vec![NewSource {
        name: "visit".into(),
        kind: SourceKind::Observation,
        text: "Marta: Hello.\nHelen: Hi.\nMarta: Bye.\n".into(),
        date: None,
        original_name: "n.txt".into(),
        original_format: "txt".into(),
        encoding: "UTF-8".into(),
        page_starts: None,
        time_marks: Vec::new(),
        cases: vec!["Kowalski family".into(), "Harlow family".into()],
        participants: vec!["Dana".into()],
        turns: vec![NewTurn { speaker: "Marta".into(), span: TextSpan::new(7, 13).unwrap(), timestamp_ms: None }],
        attributes: vec![("Setting".into(), "school".into()), ("Interpreter".into(), "yes".into())],
        roles: vec![("Marta".into(), "caregiver".into())],
    }]);
    let after = round_trip(&mut f.p, action);
    assert!(after.contains("\"visit (2)\""), "names are made unique");
}

#[test]
fn editing_a_source_is_undoable() {
    let mut f = fixture();
    round_trip(&mut f.p, Action::UpdateSource { id: f.source, name: "Visit one".into(), kind: SourceKind::FieldNote, date: None });
}

#[test]
fn case_actions_are_undoable() {
    let mut f = fixture();
    round_trip(&mut f.p, Action::CreateCase { name: "Mensah family".into(), description: "d".into(), sources: vec![f.source] });
    round_trip(&mut f.p, Action::UpdateCase { id: f.case, name: "Harlows".into(), description: "renamed".into() });
    round_trip(&mut f.p, Action::UnassignSources { case: f.case, sources: vec![f.source] });
    let other = f.p.perform(Action::CreateCase { name: "Other".into(), description: String::new(), sources: vec![] }).unwrap().created.cases[0];
    round_trip(&mut f.p, Action::AssignSources { case: other, sources: vec![f.source] });
}

#[test]
fn participant_actions_are_undoable() {
    let mut f = fixture();
    round_trip(&mut f.p, Action::CreateParticipant { name: "Ruth".into(), role: Some("supervisor".into()), cases: vec![f.case] });
    let dana = f.p.participant_named("Dana").unwrap().unwrap();
    round_trip(&mut f.p, Action::UpdateParticipant { id: dana.id, name: "Dana H.".into(), role: Some("caregiver".into()), cases: vec![] });
}

#[test]
fn coder_code_and_coding_creation_are_undoable() {
    let mut f = fixture();
    round_trip(&mut f.p, Action::CreateCoder { name: "Jonas".into() });
    round_trip(&mut f.p, Action::CreateCode { parent: Some(f.parent), name: "Mistrust".into(), color: "#FFCC80".into(), description: CodeDescription::default() });
    round_trip(
        &mut f.p,
        Action::AddCodings(vec![NewCoding { source: f.source, code: f.child, coder: f.coder, span: TextSpan::new(28, 39).unwrap(), memo: String::new() }]),
    );    round_trip(
        &mut f.p,
        Action::CreateCodeAndApply {
            parent: None,
            name: "I felt judged".into(),
            color: "#AA3300".into(),
            description: CodeDescription::default(),
            coder: f.coder,
            spans: vec![(f.source, TextSpan::new(6, 19).unwrap()), (f.source, TextSpan::new(46, 55).unwrap())],
        },
    );
    let code = f.p.code_at("I felt judged").unwrap();
    assert_eq!(f.p.all_codings().unwrap().iter().filter(|c| c.code_id == code).count(), 2);
}

#[test]
fn renaming_a_coder_is_undoable_and_a_taken_name_is_refused() {
    let mut f = fixture();
    round_trip(&mut f.p, Action::RenameCoder { id: f.coder, name: "Amara K.".into() });
    f.p.perform(Action::CreateCoder { name: "Jonas".into() }).unwrap();
    let before = dump(&f.p);
    let err = f.p.perform(Action::RenameCoder { id: f.coder, name: "Jonas".into() }).unwrap_err();
    assert_eq!(err.kind(), thicket_core::error::ErrorKind::Conflict, "{err}");
    assert_eq!(dump(&f.p), before);
}

#[test]
fn moving_and_renaming_a_code_is_undoable() {
    let mut f = fixture();
    round_trip(
        &mut f.p,
        Action::UpdateCode { id: f.child, parent: None, name: "Judged".into(), color: "#123456".into(), description: CodeDescription::definition("new"), sort_order: 7 },
    );
}

#[test]
fn memo_and_attribute_actions_are_undoable() {
    let mut f = fixture();
    round_trip(&mut f.p, Action::CreateMemo { target: MemoTarget::Source { id: f.source, span: TextSpan::new(0, 5) }, title: "t".into(), body: "b".into(), coder: f.coder });
    let memo = f.p.memos().unwrap()[0].id;
    round_trip(&mut f.p, Action::UpdateMemo { id: memo, title: "t2".into(), body: "b2".into(), updated_at: None });
    round_trip(&mut f.p, Action::DefineAttribute { name: "Children".into(), applies_to: AttributeTarget::Case, value_type: AttributeType::Number, categories: vec![] });
    let attr = f.p.attributes().unwrap()[0].id;
    round_trip(&mut f.p, Action::SetAttribute { attribute: attr, entity: f.case.0, value: Some("2".into()) });
    round_trip(&mut f.p, Action::SetAttribute { attribute: attr, entity: f.case.0, value: Some("3".into()) });
    round_trip(&mut f.p, Action::SetAttribute { attribute: attr, entity: f.case.0, value: None });
}

/// It used to be stamped with the time of the undo, so an undone edit was not the memo that had
/// been (and `memo_and_attribute_actions_are_undoable` failed whenever a second ticked over).
#[test]
fn undoing_a_memo_edit_gives_back_its_old_modification_time() {
    let mut f = fixture();
    let memo = f.p.perform(Action::CreateMemo { target: MemoTarget::Project, title: "t".into(), body: "b".into(), coder: f.coder }).unwrap().created.memos[0];
    let long_ago = "2020-01-02T03:04:05Z".to_string();
    f.p.perform(Action::UpdateMemo { id: memo, title: "t".into(), body: "b1".into(), updated_at: Some(long_ago.clone()) }).unwrap();
    f.p.perform(Action::UpdateMemo { id: memo, title: "t".into(), body: "b2".into(), updated_at: None }).unwrap();
    assert_ne!(f.p.memos().unwrap()[0].updated_at, long_ago);
    f.p.undo().unwrap();
    let back = &f.p.memos().unwrap()[0];
    assert_eq!((back.body.as_str(), back.updated_at.as_str()), ("b1", long_ago.as_str()));
}

#[test]
fn deleting_a_code_restores_its_subcodes_codings_and_memos_on_undo() {
    let mut f = fixture();
    f.p.perform(Action::CreateMemo { target: MemoTarget::Code { id: f.child }, title: "why".into(), body: "".into(), coder: f.coder }).unwrap();
    let after = round_trip(&mut f.p, Action::Remove(EntitySet { codes: vec![f.parent], ..Default::default() }));
    assert!(!after.contains("Questioned parenting"));
    assert!(after.contains("codings []"));
    assert!(after.contains("memos []"));
}

#[test]
fn deleting_sources_cases_participants_coders_codings_and_attributes_is_undoable() {
    type Pick = fn(&mut Fixture, AttributeId) -> EntitySet;
    let picks: [(&str, Pick); 6] = [
        ("source", |f, _| EntitySet { sources: vec![f.source], ..Default::default() }),
        ("case", |f, _| EntitySet { cases: vec![f.case], ..Default::default() }),
        ("participant", |f, _| EntitySet { participants: vec![f.p.participant_named("Dana").unwrap().unwrap().id], ..Default::default() }),
        ("coder", |f, _| EntitySet { coders: vec![f.coder], ..Default::default() }),
        ("coding", |f, _| EntitySet { codings: vec![f.p.all_codings().unwrap()[0].id], ..Default::default() }),
        ("attribute", |_, a| EntitySet { attributes: vec![a], ..Default::default() }),
    ];
    for (what, pick) in picks {
        let mut f = fixture();
        let attr = f.p.perform(Action::DefineAttribute { name: "Room".into(), applies_to: AttributeTarget::Source, value_type: AttributeType::Text, categories: vec![] }).unwrap().created.attributes[0];
        f.p.perform(Action::SetAttribute { attribute: attr, entity: f.source.0, value: Some("home".into()) }).unwrap();
        f.p.perform(Action::CreateMemo { target: MemoTarget::Case { id: f.case }, title: what.into(), body: String::new(), coder: f.coder }).unwrap();
        let set = pick(&mut f, attr);
        round_trip(&mut f.p, Action::Remove(set));
    }
}

#[test]
fn a_new_action_clears_redo() {
    let mut f = fixture();
    f.p.perform(Action::CreateCoder { name: "Jonas".into() }).unwrap();
    f.p.undo().unwrap();
    assert!(f.p.redo_label().is_some());
    f.p.perform(Action::CreateCoder { name: "Ben".into() }).unwrap();
    assert_eq!(f.p.redo_label(), None);
    assert_eq!(f.p.redo().unwrap(), None);
}

#[test]
fn invalid_actions_change_nothing_and_leave_history_alone() {
    let mut f = fixture();
    let before = dump(&f.p);
    let label = f.p.undo_label().map(String::from);
    let bad = [
        Action::CreateCode { parent: None, name: "Tensions".into(), color: "#000000".into(), description: CodeDescription::default() },
        Action::CreateCode { parent: None, name: "A/B".into(), color: "#000000".into(), description: CodeDescription::default() },
        Action::UpdateCode { id: f.parent, parent: Some(f.child), name: "Tensions".into(), color: "#000000".into(), description: CodeDescription::default(), sort_order: 0 },
        Action::AddCodings(vec![NewCoding { source: f.source, code: f.child, coder: f.coder, span: TextSpan::new(6, 20).unwrap(), memo: String::new() }]),
        Action::AddCodings(vec![NewCoding { source: f.source, code: f.child, coder: f.coder, span: TextSpan::new(50, 500).unwrap(), memo: String::new() }]),
        Action::CreateCase { name: "Harlow family".into(), description: String::new(), sources: vec![] },
        Action::Remove(EntitySet { codes: vec![CodeId(999)], ..Default::default() }),
    ];
    for action in bad {
        let l = action.label();
        assert!(f.p.perform(action).is_err(), "{l} should be refused");
        assert_eq!(dump(&f.p), before, "{l}");
        assert_eq!(f.p.undo_label().map(String::from), label);
    }
}

#[test]
fn merging_two_speakers_moves_turns_and_cases_and_undoes_in_one_step() {
    let mut f = fixture();
    let dana = f.p.participant_named("Dana").unwrap().unwrap();
    let priya = f.p.participant_named("Priya").unwrap().unwrap();
    // An observation note about Priya alone: after the merge it is about Dana.
    let note = f.p.perform(thicket_core::project::import_text("note", SourceKind::Observation, "Quiet visit.\n")).unwrap().created.sources[0];
    f.p.perform(Action::LinkSourceParticipants { links: vec![(note, priya.id)], linked: true }).unwrap();
    let action = f.p.merge_participants_action(priya.id, dana.id).unwrap();
    let after = round_trip(&mut f.p, action);
    assert!(!after.contains("\"Priya\""), "{after}");
    let turns = f.p.turns(f.source).unwrap();
    assert!(turns.iter().all(|t| t.participant_id == dana.id));
    assert!(f.p.source_participants().unwrap().contains(&(note, dana.id)), "the note is now about Dana");
    assert_eq!(f.p.undo_label(), Some("Merge “Priya” into “Dana”"));
}

#[test]
fn linking_and_unlinking_sources_to_participants_is_undoable() {
    let mut f = fixture();
    let dana = f.p.participant_named("Dana").unwrap().unwrap();
    let note = f.p.perform(thicket_core::project::import_text("note", SourceKind::Observation, "Quiet visit.\n")).unwrap().created.sources[0];
    round_trip(&mut f.p, Action::LinkSourceParticipants { links: vec![(note, dana.id)], linked: true });
    round_trip(&mut f.p, Action::LinkSourceParticipants { links: vec![(note, dana.id)], linked: false });
    assert!(f.p.perform(Action::LinkSourceParticipants { links: vec![(note, ParticipantId(999))], linked: true }).is_err());
}

#[test]
fn reassigning_turns_is_undoable() {
    let mut f = fixture();
    let ruth = f.p.perform(Action::CreateParticipant { name: "Ruth".into(), role: None, cases: vec![] }).unwrap().created.participants[0];
    let turns: Vec<TurnId> = f.p.turns(f.source).unwrap().iter().map(|t| t.id).collect();
    round_trip(&mut f.p, Action::ReassignTurns { turns, to: ruth });
}

#[test]
fn merging_codes_moves_codings_and_subcodes_and_undoes_in_one_step() {
    let mut f = fixture();
    let other = f.p.perform(Action::CreateCode { parent: None, name: "Strain".into(), color: "#123456".into(), description: CodeDescription::default() }).unwrap().created.codes[0];
    let action = f.p.merge_codes_action(f.parent, other).unwrap();
    let after = round_trip(&mut f.p, action);
    assert!(!after.contains("name: \"Tensions\""), "{after}");
    let book = f.p.codebook().unwrap();
    assert_eq!(book.path(f.child), Some("Strain/Questioned parenting"));
    assert!(f.p.all_codings().unwrap().iter().all(|c| c.code_id != f.parent));
    assert!(f.p.merge_codes_action(other, f.child).is_err(), "a code cannot be merged into its own sub-code");
}

#[test]
fn resizing_a_coding_and_editing_its_memo_are_undoable() {
    let mut f = fixture();
    let coding = f.p.all_codings().unwrap()[0].clone();
    let after = round_trip(&mut f.p, Action::UpdateCoding { id: coding.id, span: TextSpan::new(2, 12).unwrap(), memo: "wider".into() });
    assert!(after.contains("exact: \"na: I felt\""), "{after}");
    assert!(f.p.perform(Action::UpdateCoding { id: coding.id, span: TextSpan::new(2, 999).unwrap(), memo: String::new() }).is_err());
}

#[test]
fn recoding_codings_is_undoable() {
    let mut f = fixture();
    let ids: Vec<CodingId> = f.p.all_codings().unwrap().iter().map(|c| c.id).collect();
    round_trip(&mut f.p, Action::ReassignCodings { codings: ids, to: f.child });
}

#[test]
fn a_recode_from_several_codes_is_given_back_code_by_code_in_id_order() {
    let mut f = fixture();
    let strain = f.p.perform(Action::CreateCode { parent: None, name: "Strain".into(), color: "#123456".into(), description: CodeDescription::default() }).unwrap().created.codes[0];
    // The child's coding comes first, by id and in the request; the inverse still goes by code.
    let ids: Vec<CodingId> = f.p.all_codings().unwrap().iter().map(|c| c.id).collect();
    let inverse = f.p.perform(Action::ReassignCodings { codings: ids, to: strain }).unwrap().inverse;
    let Action::Batch { label, actions, .. } = inverse else { panic!("one inverse per old code, as a batch: {inverse:?}") };
    assert_eq!(label, "Recode codings");
    let owners: Vec<CodeId> = actions
        .iter()
        .map(|a| match a {
            Action::ReassignCodings { to, .. } => *to,
            other => panic!("{other:?}"),
        })
        .collect();
    assert!(f.parent < f.child);
    assert_eq!(owners, [f.parent, f.child]);
}

#[test]
fn removing_a_coding_with_a_memo_is_undone_with_its_memo() {
    let mut f = fixture();
    let with_memo = f.p.codings_in(f.source).unwrap().into_iter().find(|c| c.memo == "first").unwrap();
    round_trip(&mut f.p, Action::Remove(EntitySet { codings: vec![with_memo.id], ..Default::default() }));
    f.p.undo().unwrap();
    let back = f.p.coding(with_memo.id).unwrap().expect("the coding is back");
    assert_eq!((back.memo.as_str(), back.span, back.coder_id), ("first", with_memo.span, f.coder));
}

/// An action watched from another thread (the window's Cancel button): stopped midway it is
/// rolled back whole and leaves no undo step; let run, it reports its progress to the end and is
/// one undo step, and so is its undo.
#[test]
fn a_watched_action_stopped_midway_changes_nothing_and_let_run_is_one_undo_step() {
    let mut f = fixture();
    // 1,000 one-character codings of the 56-character text by as many codes.
    let codes: Vec<CodeId> = (0..20)
        .map(|k| {
            let action = Action::CreateCode { parent: None, name: format!("c{k}"), color: "#336699".into(), description: Default::default() };
            f.p.perform(action).unwrap().created.codes[0]
        })
        .collect();
    let codings: Vec<NewCoding> = codes
        .iter()
        .flat_map(|&code| (0..50).map(move |start| (code, start)))
        .map(|(code, start)| NewCoding { source: f.source, code, coder: f.coder, span: TextSpan::new(start, start + 1).unwrap(), memo: String::new() })
        .collect();
    let action = Action::AddCodings(codings);
    assert_eq!(action.rows(), 1_000);
    let before = dump(&f.p);
    let label = f.p.undo_label().map(str::to_string);

    let mut seen = Vec::new();
    let e = f.p.perform_observed(action.clone(), &mut |done, total| {
        seen.push((done, total));
        done < 500
    });
    assert_eq!(e.unwrap_err().kind(), thicket_core::error::ErrorKind::Cancelled);
    assert_eq!(seen.last(), Some(&(512, 1_000)), "stopped at the first report past half way");
    assert_eq!(dump(&f.p), before, "rolled back whole");
    assert_eq!(f.p.undo_label().map(str::to_string), label, "no undo step");

    let mut last = (0, 0);
    f.p.perform_observed(action, &mut |done, total| {
        last = (done, total);
        true
    })
    .unwrap();
    assert_eq!(last, (768, 1_000), "the last report before the end");
    assert_eq!(f.p.history_rows(false), 1_000, "undoing it removes 1,000 codings");
    assert_eq!(f.p.undo().unwrap().as_deref(), Some("Apply 1000 codings"));
    assert_eq!(dump(&f.p), before);
}
