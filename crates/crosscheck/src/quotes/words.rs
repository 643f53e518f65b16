//! The word lists that attribution reads: speech and belief verbs, and the words that end or
//! break a speaker phrase. Kept in one place, unchanged, so that they can move to the
//! project-wide word lists as a unit.

use crate::lexicon;

/// Verbs that attribute a belief or a report, taken only before "that".
pub(super) const BELIEF_VERBS: &[&str] = &[
    "reports",
    "reported",
    "believes",
    "believe",
    "believed",
    "thinks",
    "think",
    "thought",
    "fears",
    "fear",
    "feared",
    "hopes",
    "hope",
    "hoped",
    "expects",
    "expect",
    "expected",
    "suggests",
    "suggested",
    "acknowledges",
    "learned",
    "found",
    "finds",
    "concluded",
    "concludes",
    "argues",
    "knows",
    "knew",
    "worries",
    "worried",
    "predicts",
    "showed",
    "shows",
    "indicates",
    "indicated",
    "assumes",
    "claims",
    "insists",
    "feels",
    "felt",
];

pub(super) fn is_speech_verb(word: &str) -> bool {
    // Verbs are written in lower case; "States" in "United States" or a headline's "Says" is not a cue.
    if !word.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    let w = word.to_lowercase();
    lexicon::SPEECH_VERBS.contains(&w.as_str())
}

/// Verbs that attribute a direct quote. Belief verbs ("thinks") attribute reported content
/// but never a verbatim quote.
pub(super) fn is_quote_verb(word: &str) -> bool {
    let w = word.to_lowercase();
    is_speech_verb(word)
        && !matches!(
            w.as_str(),
            "believes" | "believed" | "thinks" | "thought" | "estimated" | "estimates" | "reported" | "reports"
        )
}

/// Words that end a speaker phrase after the cue ("said Peskov on Thursday").
pub(super) fn ends_source(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "on" | "in"
            | "at"
            | "during"
            | "after"
            | "before"
            | "when"
            | "while"
            | "to"
            | "from"
            | "as"
            | "and"
            | "but"
            | "who"
            | "which"
            | "that"
            | "adding"
            | "referring"
            | "speaking"
            | "told"
            | "via"
            | "last"
            | "this"
            | "yesterday"
            | "today"
            | "earlier"
            | "later"
            | "late"
            | "recently"
    ) || lexicon::CALENDAR.contains(&word.to_lowercase().as_str())
}

/// Words that cannot be inside a speaker phrase before its cue.
pub(super) fn breaks_subject(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "is" | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "will"
            | "would"
            | "could"
            | "should"
            | "can"
            | "may"
            | "might"
            | "must"
            | "not"
            | "if"
            | "because"
            | "so"
            | "than"
            | "then"
            | "there"
            | "it"
            | "this"
            | "that"
            | "which"
            | "what"
            | "when"
            | "we"
            | "i"
            | "you"
    )
}
