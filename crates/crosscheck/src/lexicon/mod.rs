//! The language layer: every English word list the pipeline reads, and the small helpers that
//! prepare text for them (case folding, article stripping). A stage that needs a list imports
//! it from here, so a list is corrected once. (What stays inline elsewhere is a check's own
//! handful of marker phrases, read by that check alone, such as "wrote:" or "editor's note".)
//!
//! - [`calendar`]: days, months, their abbreviations, time-stamp words;
//! - [`verbs`]: speech, attribution, belief, hedge and denial verbs;
//! - [`register`]: the writer's-voice cues of the block classifier (stance words, slang,
//!   first and second person);
//! - [`titles`]: offices, honorifics, abbreviations before names;
//! - [`names`]: entity heads, demonyms, places and the table of well-known names;
//! - [`function_words`]: stop words, back-references, sentence openers, speaker-phrase bounds;
//! - [`furniture`]: the phrases that mark captions, credits and page furniture;
//! - [`fold`]: lower-casing as the lists expect it.
//!
//! Lists are sorted unless their doc says their order means something (a calendar index, a
//! table's numbering); a test checks every list for order, case and duplicates.

pub mod calendar;
pub mod fold;
pub mod function_words;
pub mod furniture;
pub mod names;
pub mod register;
pub mod titles;
pub mod verbs;

pub use calendar::*;
pub use function_words::*;
pub use furniture::*;
pub use names::*;
pub use register::*;
pub use titles::*;
pub use verbs::*;

/// `phrase` trimmed, without a leading article ("the", "a", "an", in any case) and the spaces
/// after it: "the Kremlin spokesman" gives "Kremlin spokesman". An article alone, or a word
/// that only starts like one ("theatre", "another"), stays.
/// Roles and speaker phrases are cleaned with it (`entities::detect::clean_role`).
pub fn strip_article(phrase: &str) -> &str {
    let p = phrase.trim();
    let Some(end) = p.find(char::is_whitespace) else { return p };
    if ["the", "a", "an"].iter().any(|a| p[..end].eq_ignore_ascii_case(a)) {
        p[end..].trim_start()
    } else {
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether a list's order is checked: `Sorted`, or its doc says what the order means.
    #[derive(PartialEq)]
    enum Order {
        Sorted,
        Meaningful,
    }

    /// Every word list, with whether it must be sorted and lower case.
    fn lists() -> Vec<(&'static str, &'static [&'static str], Order, bool)> {
        use Order::*;
        vec![
            ("WEEKDAYS", WEEKDAYS, Meaningful, true),
            ("MONTHS", MONTHS, Meaningful, true),
            ("CALENDAR", CALENDAR, Meaningful, true),
            ("AP_MONTHS", AP_MONTHS, Meaningful, true),
            ("CALENDAR_ABBREVIATIONS", CALENDAR_ABBREVIATIONS, Sorted, true),
            ("STAMP_WORDS", STAMP_WORDS, Sorted, true),
            ("SPEECH_VERBS", SPEECH_VERBS, Sorted, true),
            ("ATTRIBUTION_CUES", ATTRIBUTION_CUES, Sorted, true),
            ("BELIEF_VERBS", BELIEF_VERBS, Sorted, true),
            ("NOT_QUOTE_VERBS", NOT_QUOTE_VERBS, Sorted, true),
            ("HEDGES", HEDGES, Sorted, true),
            ("DENIAL_VERBS", DENIAL_VERBS, Sorted, true),
            ("EVALUATIVE", EVALUATIVE, Sorted, true),
            ("INFORMAL", INFORMAL, Sorted, true),
            ("FIRST_PERSON", FIRST_PERSON, Sorted, true),
            ("SECOND_PERSON", SECOND_PERSON, Sorted, true),
            ("TITLE_NOUNS", TITLE_NOUNS, Sorted, true),
            ("HONORIFICS", HONORIFICS, Sorted, true),
            ("NON_TERMINAL_ABBREVIATIONS", NON_TERMINAL_ABBREVIATIONS, Sorted, true),
            ("AMBIGUOUS_ABBREVIATIONS", AMBIGUOUS_ABBREVIATIONS, Sorted, true),
            ("ORG_HEADS", ORG_HEADS, Sorted, true),
            ("GROUP_HEADS", GROUP_HEADS, Sorted, true),
            ("PLACES", PLACES, Sorted, true),
            ("NEVER_NAME_START", NEVER_NAME_START, Sorted, true),
            ("PLACE_HEADS", PLACE_HEADS, Sorted, true),
            ("NAME_PARTICLES", NAME_PARTICLES, Sorted, true),
            ("NAME_CONNECTORS", NAME_CONNECTORS, Sorted, true),
            ("STOPWORDS", STOPWORDS, Sorted, true),
            ("BACK_REFERENCES", BACK_REFERENCES, Sorted, true),
            ("SENTENCE_OPENERS", SENTENCE_OPENERS, Sorted, true),
            ("SOURCE_ENDS", SOURCE_ENDS, Sorted, true),
            ("SUBJECT_BREAKS", SUBJECT_BREAKS, Sorted, true),
            ("CUE_AUXILIARIES", CUE_AUXILIARIES, Sorted, true),
            ("CAPTION_MARKS", CAPTION_MARKS, Sorted, true),
            ("CAPTION_STARTS", CAPTION_STARTS, Sorted, true),
            ("FURNITURE_STARTS", FURNITURE_STARTS, Sorted, true),
        ]
    }

    fn check(name: &str, list: &[&str], order: Order, lower: bool) {
        assert!(!list.is_empty(), "{name} is empty");
        for w in list {
            // A trailing space is allowed: some openings need a word edge ("by ", "photo by ").
            assert!(!w.trim().is_empty() && w.trim_start() == *w, "{name}: {w:?} is blank or starts with a space");
            if lower {
                assert_eq!(*w, w.to_lowercase(), "{name}: {w:?} is not lower case");
                assert!(!w.contains('’'), "{name}: {w:?} has a curly apostrophe");
            }
        }
        let mut seen = std::collections::HashSet::new();
        for w in list {
            assert!(seen.insert(w), "{name}: {w:?} is listed twice");
        }
        if order == Order::Sorted {
            for pair in list.windows(2) {
                assert!(pair[0] < pair[1], "{name}: {:?} is before {:?}", pair[0], pair[1]);
            }
        }
    }

    #[test]
    fn every_list_is_ordered_lower_case_and_without_duplicates() {
        for (name, list, order, lower) in lists() {
            check(name, list, order, lower);
        }
        let demonyms: Vec<&str> = DEMONYMS.iter().map(|(d, _)| *d).collect();
        check("DEMONYMS", &demonyms, Order::Sorted, true);
        let known: Vec<&str> = KNOWN.iter().map(|(name, _, _)| *name).collect();
        check("KNOWN", &known, Order::Meaningful, false);
        for (name, _, aliases) in KNOWN {
            check(name, aliases, Order::Meaningful, false);
        }
    }

    #[test]
    fn derived_lists_agree_with_their_base() {
        assert_eq!(CALENDAR, [WEEKDAYS, MONTHS].concat());
        for p in NAME_PARTICLES {
            assert!(NAME_CONNECTORS.contains(p), "{p} joins names but is no connector");
        }
        for (ap, month) in AP_MONTHS.iter().zip(MONTHS) {
            assert!(month.starts_with(ap), "{ap} abbreviates {month}");
        }
        for w in NOT_QUOTE_VERBS {
            assert!(SPEECH_VERBS.contains(w) || BELIEF_VERBS.contains(w), "{w} is neither a speech nor a belief verb");
        }
        for w in CALENDAR_ABBREVIATIONS {
            assert!(CALENDAR.iter().any(|c| c.starts_with(w)), "{w} abbreviates no calendar word");
        }
    }

    #[test]
    fn articles_are_stripped_from_the_start_only() {
        for (phrase, want) in [
            ("the Kremlin spokesman", "Kremlin spokesman"),
            ("  The  minister ", "minister"),
            ("A spokeswoman", "spokeswoman"),
            ("an official", "official"),
            ("THE MINISTRY", "MINISTRY"),
            ("theatre director", "theatre director"),
            ("another official", "another official"),
            ("the", "the"),
            ("", ""),
            ("Kremlin spokesman", "Kremlin spokesman"),
            ("the the", "the"),
        ] {
            assert_eq!(strip_article(phrase), want, "{phrase:?}");
        }
    }
}
