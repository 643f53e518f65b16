//! The register of a line or sentence: whether it reads as reporting or in the writer's own
//! voice. Cues (stance words, slang, first and second person, attribution verbs; the lists are
//! in [`crate::lexicon`]) are counted outside quotation marks, so quoted speech does not count,
//! in one pass of one automaton built once.
//!
//! The block classifier reads each line's register; the analysis then needs each sentence's.
//! A line without quotation marks keeps its cue occurrences ([`LineCues`], a cache only the
//! analysis reads), so its sentences' registers are counted from them instead of scanning
//! each sentence again.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::Line;
use crate::lexicon::fold::{lower_offsets, push_lower};
use crate::lexicon::{ATTRIBUTION_CUES as ATTRIBUTION, EVALUATIVE, FIRST_PERSON, INFORMAL, SECOND_PERSON};
use crate::text::marks::{mark_at, quote_transition};

/// Register cues of a line, counted outside quotation marks so quoted speech does not count.
#[derive(Debug, Default, Clone, Copy)]
pub struct Register {
    pub first_person: usize,
    pub second_person: usize,
    pub evaluative: usize,
    pub informal: usize,
    pub attributed: bool,
    /// Share of the line's letters inside quotation marks (0 = all reported, 1 = all quoted).
    pub quoted_share: f32,
}

impl Register {
    pub fn of(line: &str) -> Register {
        // One pass: the lower-cased text outside quotation marks, and letter counts.
        let (lower, quoted_letters, letters) = outside_quotes_lower(line);
        let quoted_share = if letters > 0 { quoted_letters as f32 / letters as f32 } else { 0.0 };
        Register::from_counts(line, &lower, quoted_share, counts_of(cue_hits(&lower).iter()))
    }

    /// The register of a classified line, reusing its lower-cased text when nothing in it is
    /// quoted: that text is then exactly what [`Register::of`] would build (a capital sigma,
    /// lower-cased by position in [`crate::lexicon::fold::fold`], takes the general path). The cue occurrences
    /// come back too, for the line's sentences.
    pub(super) fn of_line(line: &Line) -> (Register, Option<Vec<CueHit>>) {
        // By bytes: a quotation mark ('"', or the lead bytes 0xE2 of “ ” „ and 0xC2 of « »),
        // then 'Σ' (CE A3) in a line that is not ASCII.
        let bytes = line.text.as_bytes();
        let general = memchr::memchr3_iter(b'"', 0xe2, 0xc2, bytes).any(|p| mark_at(bytes, p).is_some())
            || (!line.text.is_ascii()
                && memchr::memchr_iter(0xce, bytes).any(|p| bytes[p..].starts_with(&[0xce, 0xa3])));
        if general {
            return (Register::of(line.text), None);
        }
        let mut hits = cue_hits(&line.lower);
        // No quotation: no letter is quoted.
        let register = Register::from_counts(line.text, &line.lower, 0.0, counts_of(hits.iter()));
        hits.sort_unstable_by_key(|h| h.start);
        (register, Some(hits))
    }

    fn from_counts(line: &str, lower: &str, quoted_share: f32, counts: [usize; 5]) -> Register {
        let mut r = Register { quoted_share, ..Register::default() };
        let [evaluative, informal, attribution, first_person, second_person] = counts;
        r.evaluative = evaluative;
        r.informal = informal;
        r.first_person = first_person;
        r.second_person = second_person;
        if line.chars().next().is_some_and(|c| c.is_lowercase()) {
            r.informal += 1;
        }
        if lower.trim_end().ends_with("...") || lower.contains("!!") || lower.contains("??") {
            r.evaluative += 1;
        }
        // Attribution verbs stand outside the quotation marks ("...," he said).
        r.attributed = attribution > 0;
        r
    }

    /// Personal voice: the writer speaks as "I"/"we" or to "you" outside any quote.
    pub fn is_personal(&self) -> bool {
        self.first_person + self.second_person >= 1 && !self.attributed
    }

    /// An author's evaluative aside rather than reporting.
    /// A line in the writer's voice: one stance word, first or second person, or slang,
    /// and no attribution. Used to mark whole blocks as editorial.
    pub fn is_opinion(&self) -> bool {
        !self.attributed && (self.evaluative >= 1 || self.is_personal() || self.informal >= 2)
    }

    /// A sentence that is clearly an aside, even inside a reporting block: two stance cues, or
    /// one with the writer's own voice. Stricter than [`Register::is_opinion`] because a single
    /// stance word is common in news leads ("apparently", "perhaps").
    pub fn is_strong_opinion(&self) -> bool {
        !self.attributed && (self.evaluative >= 2 || (self.evaluative >= 1 && self.is_personal()) || self.informal >= 2)
    }
}

/// All cue lists in one automaton, built once; pattern ids map back to their list (in this order).
static CUES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let lists = [EVALUATIVE, INFORMAL, ATTRIBUTION, FIRST_PERSON, SECOND_PERSON];
    AhoCorasick::new(lists.iter().flat_map(|l| l.iter())).expect("valid patterns")
});

/// A cue occurrence that counts (its word boundaries checked), in lower-case byte offsets.
#[derive(Debug, Clone, Copy)]
pub(super) struct CueHit {
    start: u32,
    end: u32,
    /// 0 evaluative, 1 informal, 2 attribution, 3 first person, 4 second person.
    list: u8,
    /// Pattern id in [`CUES`] (a lone "i" has none of its own).
    id: u8,
}

/// The counting cue occurrences in `lower`, in one pass. Evaluative and attribution cues count
/// only as whole words, informal ones also inside words ("errrr"); person words are whole words
/// where apostrophes belong to the word ("we're" is not "we").
fn cue_hits(lower: &str) -> Vec<CueHit> {
    // Where each list's pattern ids end, in the automaton's order.
    let evaluative = EVALUATIVE.len();
    let informal = evaluative + INFORMAL.len();
    let attribution = informal + ATTRIBUTION.len();
    let ends = [evaluative, informal, attribution, attribution + FIRST_PERSON.len()];
    let alphanumeric = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '\'');
    let hit = |start: usize, end: usize, list: usize, id: usize| CueHit {
        start: start as u32,
        end: end as u32,
        list: list as u8,
        id: id as u8,
    };
    let mut hits = Vec::new();
    for m in CUES.find_overlapping_iter(lower) {
        let id = m.pattern().as_usize();
        let list = ends.iter().take_while(|&&end| id >= end).count();
        let before = || lower[..m.start()].chars().next_back();
        let after = || lower[m.end()..].chars().next();
        let counts = match list {
            3 | 4 => !word_char(before()) && !word_char(after()),
            1 => true,
            _ => !alphanumeric(before()) && !alphanumeric(after()),
        };
        if counts {
            hits.push(hit(m.start(), m.end(), list, id));
        }
    }
    hits.extend(
        memchr::memchr_iter(b'i', lower.as_bytes())
            .filter(|&p| !word_char(lower[..p].chars().next_back()) && !word_char(lower[p + 1..].chars().next()))
            .map(|p| hit(p, p + 1, 3, u8::MAX as usize)),
    );
    hits
}

/// How many different evaluative, informal and attribution cues the hits hold, and how many
/// first- and second-person words.
fn counts_of<'a>(hits: impl Iterator<Item = &'a CueHit>) -> [usize; 5] {
    const _: () = assert!(EVALUATIVE.len() + INFORMAL.len() + ATTRIBUTION.len() <= 64);
    let (mut counts, mut seen) = ([0; 5], 0u64);
    for h in hits {
        if h.list >= 3 {
            counts[usize::from(h.list)] += 1;
        } else if seen & (1 << h.id) == 0 {
            seen |= 1 << h.id;
            counts[usize::from(h.list)] += 1;
        }
    }
    counts
}

/// The cue occurrences of a line read without quotation marks: its sentences' registers are
/// counted from them rather than by scanning each sentence again.
#[derive(Debug)]
pub(crate) struct LineCues {
    /// The line lower-cased by [`crate::lexicon::fold::fold`].
    pub(super) lower: String,
    /// Sorted by start.
    pub(super) hits: Vec<CueHit>,
}

impl LineCues {
    /// The register of each sentence of `line` (`spans` in byte offsets of `line`, in order),
    /// exactly as [`Register::of`] would read it, or `None` where that is not guaranteed: a
    /// sentence whose edge touches a word character, which its own reading would not see.
    /// Exact otherwise: with no quotation in the line, a sentence's lower-case text is the
    /// matching slice of the line's, and a cue inside it has the same neighbours in both.
    pub(crate) fn registers(&self, line: &str, spans: &[Range<usize>]) -> Vec<Option<Register>> {
        let lower = self.lower.as_str();
        let word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '\'');
        // Offsets are mapped in one forward pass, so spans must come in order without overlap.
        let ordered = spans.iter().all(|s| s.start <= s.end && s.end <= line.len())
            && spans.windows(2).all(|w| w[0].end <= w[1].start);
        if !ordered {
            return vec![None; spans.len()];
        }
        let offsets = lower_offsets(line, spans.iter().flat_map(|s| [s.start, s.end]));
        spans
            .iter()
            .zip(offsets.chunks_exact(2))
            .map(|(span, at)| {
                let (from, to) = (at[0], at[1]);
                if word_char(lower[..from].chars().next_back()) || word_char(lower[to..].chars().next()) {
                    return None;
                }
                let first = self.hits.partition_point(|h| (h.start as usize) < from);
                let inside = self.hits[first..].iter().take_while(|h| (h.start as usize) < to);
                let counts = counts_of(inside.filter(|h| h.end as usize <= to));
                Some(Register::from_counts(&line[span.clone()], &lower[from..to], 0.0, counts))
            })
            .collect()
    }
}

/// Lower-cased text outside quotation marks (curly apostrophes made straight), letters inside
/// them, and all letters.
fn outside_quotes_lower(line: &str) -> (String, usize, usize) {
    let bytes = line.as_bytes();
    let mut out = String::with_capacity(line.len());
    let (mut quoted, mut letters) = (0, 0);
    // The mark that opened the quotation the reader is in (None: outside one).
    let mut opener: Option<char> = None;
    let mut prev: Option<char> = None;
    let mut i = 0;
    while i < bytes.len() {
        // A run of ASCII without straight quotes cannot change the quoting state: counted and
        // copied in bulk (this runs on every line and sentence).
        let run = bytes[i..].iter().position(|&b| b == b'"' || !b.is_ascii()).unwrap_or(bytes.len() - i);
        if run > 0 {
            let chunk = &line[i..i + run];
            let n = chunk.bytes().filter(u8::is_ascii_alphabetic).count();
            letters += n;
            if opener.is_some() {
                quoted += n;
            } else {
                let start = out.len();
                out.push_str(chunk);
                out[start..].make_ascii_lowercase();
            }
            prev = Some(char::from(bytes[i + run - 1]));
            i += run;
            continue;
        }
        let Some(c) = line[i..].chars().next() else { break };
        match quote_transition(c, opener, prev) {
            Some(opening) => opener = opening.then_some(c),
            None => {
                if c.is_alphabetic() {
                    letters += 1;
                    if opener.is_some() {
                        quoted += 1;
                    }
                }
                if opener.is_none() {
                    push_lower(&mut out, c);
                }
            }
        }
        prev = Some(c);
        i += c.len_utf8();
    }
    (out, quoted, letters)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line's register from its own lower-case text, and each sentence's from the line's cue
    /// occurrences, must equal what `Register::of` reads afresh.
    fn check_line_and_sentence_registers(text: &str) -> usize {
        let line = Line::new(text);
        let (register, hits) = Register::of_line(&line);
        assert_eq!(format!("{register:?}"), format!("{:?}", Register::of(text)), "{text}");
        let Some(hits) = hits else { return 0 };
        let cues = LineCues { lower: line.lower.clone(), hits };
        let spans = crate::text::sentence_spans(text);
        let mut derived = 0;
        for (span, r) in spans.iter().zip(cues.registers(text, &spans)) {
            if let Some(r) = r {
                let sentence = &text[span.clone()];
                assert_eq!(format!("{r:?}"), format!("{:?}", Register::of(sentence)), "{sentence:?} in {text:?}");
                derived += 1;
            }
        }
        derived
    }

    #[test]
    fn line_and_sentence_registers_reuse_the_line_exactly() {
        for text in [
            "Moscow said the strikes hit IS targets, according to officials.",
            "I think we’re all fed up with this absurd, ridiculous war... You know it. Lol.",
            "lol you gonna believe that?? We said so. Clearly!! It is.",
            "“We are ready,” he said. It is absurd.",
            "He called it \"a puppet regime\" on Friday.",
            "ΣΟΦΙΑ ΣΑΣ said it was obviously over",
            "Die Straße ist lang, said İstanbul’s mayor. İ said so. We’ve seen it.",
            "",
        ] {
            check_line_and_sentence_registers(text);
        }
        // Lines assembled from cue words, abbreviations, non-ASCII letters and sentence ends.
        let cues = [EVALUATIVE, INFORMAL, ATTRIBUTION, FIRST_PERSON, SECOND_PERSON].concat();
        let others = [
            "The", "U.S.", "Mr.", "said.", "i.", "We.", "you’re", "’s", "İ", "é", "Straße", "—", "(AP)", "3.5", "it’s",
            "ok...", "no!!", "why??", "lower", "Moscow", "9", "a.m.", "'",
        ];
        let words: Vec<&str> = cues.iter().chain(others.iter()).copied().collect();
        let separators = [" ", " ", " ", ". ", "! ", "? ", ", ", "’", "-", "... "];
        let mut next = crate::testing::xorshift(0x5851_f42d_4c95_7f2d);
        let mut derived = 0;
        for _ in 0..5_000 {
            let mut text = String::new();
            for _ in 0..1 + next(30) {
                text.push_str(words[next(words.len())]);
                text.push_str(separators[next(separators.len())]);
            }
            derived += check_line_and_sentence_registers(text.trim());
        }
        assert!(derived > 5_000, "only {derived} sentence registers derived");
    }

    #[test]
    fn quoted_first_person_is_not_the_writers_voice() {
        let r = Register::of("“We are ready for such attacks,” he said.");
        assert_eq!(r.first_person, 0);
        assert!(!Register::of("“We are ready,” he said. It is absurd and astounding.").is_opinion());
    }

    #[test]
    fn person_words_are_whole_words_outside_quotes() {
        // Counted the plain way: split the outside-quotes text into words (letters, digits,
        // apostrophes) and match each; the automaton and memchr counts must agree.
        let plain = |line: &str| {
            let (lower, _, _) = outside_quotes_lower(line);
            let words: Vec<&str> = lower.split(|c: char| !(c.is_alphanumeric() || c == '\'')).collect();
            let count = |list: &[&str]| words.iter().filter(|w| list.contains(w)).count();
            (
                count(&["i", "i'm", "i've", "my", "me", "we", "our", "us", "we're", "we've", "let's"]),
                count(&["you", "your", "you're", "ya"]),
            )
        };
        for line in [
            "I think I'm right, and we're sure; my view is ours. You and your team, ya know.",
            "'I' in quotes, Iraq, it, Ali, mi, I.",
            "“I will go,” she said, and we followed her; i-i stuttered, Iʼm, i’ve, we’re.",
            "Usually we use us; Me? Yes me. YOU, you're, yourself, yay, ya'll.",
            "i",
            "",
        ] {
            let r = Register::of(line);
            assert_eq!((r.first_person, r.second_person), plain(line), "{line:?}");
        }
    }

    #[test]
    fn guillemets_and_low_quotes_are_quoted_speech() {
        for line in [
            "« Nous sommes prêts à de telles attaques », a déclaré le ministre.",
            "„Wir sind bereit“, sagte der Minister.",
            "He called it « une provocation » on Friday.",
        ] {
            let r = Register::of(line);
            assert!(r.quoted_share > 0.0, "{line:?}: {r:?}");
            // The classifier's reading of the line takes the quote-aware path too.
            let (from_line, hits) = Register::of_line(&Line::new(line));
            assert!(hits.is_none() && from_line.quoted_share == r.quoted_share, "{line:?}");
        }
        // First person inside guillemets is the source's voice, not the writer's.
        let r = Register::of("« We are ready, and we will stay », he said.");
        assert_eq!(r.first_person, 0);
        assert!(r.quoted_share > 0.5);
    }

    #[test]
    fn a_low_9_quotation_closes_at_its_high_mark_and_the_attribution_stays_outside() {
        let r = Register::of("„We are ready for such attacks“, the minister said on Friday.");
        assert!(r.quoted_share > 0.3 && r.quoted_share < 0.8, "{r:?}");
        assert!(r.attributed, "\"said\" after the closing mark is read: {r:?}");
    }
}
