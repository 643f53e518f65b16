//! How attribution reads words: which are speech verbs, which attribute a verbatim quote, and
//! which end or break a speaker phrase. The lists themselves are in [`crate::lexicon`].

use crate::lexicon;

/// A speech or report verb as written in running text.
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
    is_speech_verb(word) && !lexicon::NOT_QUOTE_VERBS.contains(&word.to_lowercase().as_str())
}

/// Words that end a speaker phrase after the cue ("said Peskov on Thursday").
pub(super) fn ends_source(word: &str) -> bool {
    let w = word.to_lowercase();
    lexicon::SOURCE_ENDS.contains(&w.as_str()) || lexicon::CALENDAR.contains(&w.as_str())
}

/// Words that sit between a speaker and the cue without being part of the speaker: an
/// auxiliary or "also" ("the ministry has said", "Peskov also told").
pub(super) fn joins_cue(word: &str) -> bool {
    lexicon::CUE_AUXILIARIES.contains(&word.to_lowercase().as_str())
}

/// Words that cannot be inside a speaker phrase before its cue.
pub(super) fn breaks_subject(word: &str) -> bool {
    lexicon::SUBJECT_BREAKS.contains(&word.to_lowercase().as_str())
}
