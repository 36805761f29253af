//! Role suggestions for the speakers of freshly read transcripts: turns in, (speaker, role) pairs out.
//!
//! Speakers found on import are new participants without a role, and in an interview the one who asks
//! is nearly always the researcher. So the speaker whose turns ask clearly more questions than anyone
//! else's is suggested as `interviewer`; the import review pre-fills it (editable) and the CLI names it
//! in its report. Nothing is suggested when the questions are spread out (a focus group, a family
//! conversation) or too few to tell. Pure: the caller passes text and turns.

use std::collections::BTreeMap;

use super::DetectedTurn;
use crate::text::slice_chars;

/// The role suggested for the speaker who asks the questions (a default role of every project).
pub const INTERVIEWER_ROLE: &str = "interviewer";
/// Fewest question turns before a speaker is suggested as the interviewer.
const MIN_QUESTION_TURNS: usize = 3;
/// How many times more question turns than any other speaker the interviewer must have.
const LEAD_FACTOR: usize = 2;

/// Question turns per speaker (as labelled): turns with a sentence ending in `?` (or `？`).
pub fn question_turns<'a>(documents: impl IntoIterator<Item = (&'a str, &'a [DetectedTurn])>) -> BTreeMap<String, usize> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for (text, turns) in documents {
        for turn in turns {
            let asks = slice_chars(text, turn.span.clone()).is_some_and(asks_a_question);
            let count = counts.entry(turn.speaker.clone()).or_default();
            *count += usize::from(asks);
        }
    }
    counts
}

/// A question mark that ends a sentence: before a space, a closing quote or the end (not "?!" in a URL).
fn asks_a_question(spoken: &str) -> bool {
    let chars: Vec<char> = spoken.chars().collect();
    chars.iter().enumerate().any(|(i, c)| {
        matches!(c, '?' | '？') && chars.get(i + 1).is_none_or(|n| n.is_whitespace() || matches!(n, '"' | '\'' | '’' | '”' | ')'))
    })
}

/// Suggested roles, as (speaker label, role): the interviewer, when one speaker has at least
/// [`MIN_QUESTION_TURNS`] question turns and [`LEAD_FACTOR`] times as many as every other speaker.
pub fn suggest_roles<'a>(documents: impl IntoIterator<Item = (&'a str, &'a [DetectedTurn])>) -> Vec<(String, String)> {
    let counts = question_turns(documents);
    if counts.len() < 2 {
        return Vec::new();
    }
    let mut ranked: Vec<(&String, usize)> = counts.iter().map(|(s, n)| (s, *n)).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    match ranked[..] {
        [(top, asked), (_, runner_up), ..] if asked >= MIN_QUESTION_TURNS && asked >= LEAD_FACTOR * runner_up.max(1) => {
            vec![(top.clone(), INTERVIEWER_ROLE.to_string())]
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::detect_turns;

    #[test]
    fn the_speaker_who_asks_most_is_suggested_as_interviewer() {
        let text = "Sam: How did the visit go?\nRuth: Fine. She was late.\nSam: Was that a problem?\nRuth: Not really.\n\
            Sam: And the children? How were they?\nRuth: Quiet. Did she tell you?\nSam: No. What happened next?\nRuth: We ate.\n";
        let turns = detect_turns(text);
        assert_eq!(question_turns([(text, turns.as_slice())]).into_iter().collect::<Vec<_>>(), [("Ruth".to_string(), 1), ("Sam".to_string(), 4)]);
        assert_eq!(suggest_roles([(text, turns.as_slice())]), [("Sam".to_string(), "interviewer".to_string())]);
    }

    #[test]
    fn no_suggestion_when_questions_are_shared_or_few() {
        let shared = "Dana: Why?\nPriya: Why not?\nDana: Who said so?\nPriya: Did you?\nDana: Me?\nPriya: Yes.\n";
        let turns = detect_turns(shared);
        assert_eq!(suggest_roles([(shared, turns.as_slice())]), []);
        let few = "Dana: Ready?\nPriya: Yes.\nDana: Go on.\nPriya: Right.\n";
        let turns = detect_turns(few);
        assert_eq!(suggest_roles([(few, turns.as_slice())]), []);
        let url = "Dana: See https://example.org/?q=1 now.\nPriya: Ok.\nDana: Read ?this.\nPriya: Fine.\n";
        assert!(!asks_a_question("https://example.org/?q=1"));
        let turns = detect_turns(url);
        assert_eq!(suggest_roles([(url, turns.as_slice())]), []);
    }
}
