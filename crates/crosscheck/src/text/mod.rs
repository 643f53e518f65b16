//! Text units: sentences with their offsets ([`segment`]), word tokens with theirs
//! ([`tokens`]), quotation marks ([`marks`]), date expressions ([`dates`]), and the terms that
//! compare sentences (lower-cased, stop words removed, Snowball-stemmed: this file and `stem`).
//! The word lists these read are in [`crate::lexicon`].

pub mod dates;
pub mod marks;
pub mod segment;
mod stem;
pub mod tokens;

pub use segment::sentence_spans;

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer};

static STOPWORD_SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| crate::lexicon::STOPWORDS.iter().copied().collect());

pub fn is_stopword(word: &str) -> bool {
    STOPWORD_SET.contains(word)
}

/// The alphanumeric runs of `text` ("U.S.-led" gives "U", "S", "led").
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// Whether `sentence` opens with a word that refers back ("He also said", "Instead, they"):
/// one of [`lexicon::BACK_REFERENCES`](crate::lexicon::BACK_REFERENCES).
pub fn opens_with_reference(sentence: &str) -> bool {
    let first =
        sentence.trim_start_matches(|c: char| !c.is_alphanumeric()).split(|c: char| !c.is_alphanumeric()).next();
    const BACK_REFERENCES: &[&str] = crate::lexicon::BACK_REFERENCES;
    first.is_some_and(|w| {
        if w.is_ascii() {
            BACK_REFERENCES.iter().any(|r| r.eq_ignore_ascii_case(w))
        } else {
            BACK_REFERENCES.contains(&w.to_lowercase().as_str())
        }
    })
}

/// Number of whitespace-separated words, the unit of summary budgets.
pub fn word_count(text: &str) -> usize {
    // Counted as word starts (a non-space byte after a space byte) in a branch-free pass over
    // bytes, twice as fast as `split_whitespace`: this runs on every line and sentence. Bytes
    // of non-ASCII characters count as non-space, which is exact unless the text holds a
    // non-ASCII space (then the standard split decides).
    let bytes = text.as_bytes();
    if !text.is_ascii() && has_unicode_space(bytes) {
        return text.split_whitespace().count();
    }
    let space = |b: u8| (b == b' ') | (b.wrapping_sub(b'\t') < 5);
    let first = bytes.first().is_some_and(|&b| !space(b));
    // Pairs of adjacent bytes, summed in u32 lanes (which the compiler vectorises best) over
    // blocks small enough that a block's count cannot overflow.
    const BLOCK: usize = 1 << 24;
    let pairs = bytes.len().saturating_sub(1);
    let starts: usize = (0..pairs)
        .step_by(BLOCK)
        .map(|from| {
            let to = (from + BLOCK).min(pairs);
            let (a, b) = (&bytes[from..to], &bytes[from + 1..to + 1]);
            a.iter().zip(b).map(|(&a, &b)| u32::from(space(a) & !space(b))).sum::<u32>() as usize
        })
        .sum();
    usize::from(first) + starts
}

/// Whether UTF-8 `bytes` hold a non-ASCII space (U+0085, U+00A0, U+1680, U+2000 to U+200A,
/// U+2028, U+2029, U+202F, U+205F, U+3000), by their byte patterns.
fn has_unicode_space(bytes: &[u8]) -> bool {
    let space_at = |p: usize| match bytes[p..] {
        [0xc2, 0x85 | 0xa0, ..] | [0xe1, 0x9a, 0x80, ..] | [0xe2, 0x81, 0x9f, ..] | [0xe3, 0x80, 0x80, ..] => true,
        [0xe2, 0x80, b, ..] => matches!(b, 0x80..=0x8a | 0xa8 | 0xa9 | 0xaf),
        _ => false,
    };
    memchr::memchr3_iter(0xc2, 0xe2, 0xe3, bytes).any(space_at) || memchr::memchr_iter(0xe1, bytes).any(space_at)
}

/// Cuts `text` to its first `n` whitespace-separated words, joined by single spaces.
pub fn truncate_words(text: &str, n: usize) -> String {
    let mut out = String::with_capacity(text.len().min(16 * n));
    for (k, word) in text.split_whitespace().take(n).enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Turns text into comparable terms: lower-cased stems of non-stop words.
/// Stems are cached per thread: news text repeats its words, stemming is the costly part, and a
/// thread's cache stays warm across the many small stories an evaluation or a stream runs.
pub struct TermMaker {
    stemmer: Stemmer,
}

impl Default for TermMaker {
    fn default() -> Self {
        TermMaker { stemmer: Stemmer::create(Algorithm::English) }
    }
}

/// Words a thread's stem cache may hold before [`TermMaker::start_story`] empties it.
const STEM_CACHE_WORDS: usize = 200_000;

/// One word of a text as the term maker sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    /// The stem's number in this thread's cache: two words with the same stem get the same number.
    /// Numbers compare only between words made on one thread since the last `start_story`.
    pub stem: u32,
    pub stop: bool,
}

/// Numbers rather than strings, so a story's vocabulary is built by integer lookups.
struct StemCache {
    /// Keyed by the word as written, so a hit needs no lower-casing.
    by_word: rustc_hash::FxHashMap<String, Term>,
    by_stem: rustc_hash::FxHashMap<String, u32>,
}

impl Default for StemCache {
    /// Sized for a few thousand stories' words up front: growing rehashes every key.
    fn default() -> Self {
        StemCache {
            by_word: rustc_hash::FxHashMap::with_capacity_and_hasher(1 << 14, Default::default()),
            by_stem: rustc_hash::FxHashMap::with_capacity_and_hasher(1 << 13, Default::default()),
        }
    }
}

thread_local! {
    static STEMS: std::cell::RefCell<StemCache> = Default::default();
}

impl TermMaker {
    /// Marks the start of a story: a cache grown past its bound is emptied here, between
    /// stories, so the stem numbers within one story stay consistent.
    pub fn start_story(&mut self) {
        STEMS.with(|cache| {
            let mut cache = cache.borrow_mut();
            if cache.by_word.len() >= STEM_CACHE_WORDS {
                *cache = StemCache::default();
            }
        })
    }

    /// Content terms of `text` as strings, in order, stop words dropped (stemmed directly: the
    /// cache keeps stem numbers, not the stems' text).
    pub fn terms(&mut self, text: &str) -> Vec<String> {
        words(text)
            .map(str::to_lowercase)
            .filter(|w| !is_stopword(w))
            .map(|w| stem::english(&w).unwrap_or_else(|| self.stemmer.stem(&w).into_owned()))
            .collect()
    }

    /// Every word of `text` in order, as a term.
    pub fn tokens(&mut self, text: &str) -> Vec<Term> {
        let stemmer = &self.stemmer;
        STEMS.with(|cache| {
            let cache = &mut *cache.borrow_mut();
            // Within one long story the words-as-written table is emptied when full: stem
            // numbers come from `by_stem`, which is kept, so they stay consistent. Without
            // this a long input with many distinct names grows it without bound.
            if cache.by_word.len() >= STEM_CACHE_WORDS {
                cache.by_word = rustc_hash::FxHashMap::with_capacity_and_hasher(1 << 14, Default::default());
            }
            words(text)
                .map(|w| {
                    if let Some(&hit) = cache.by_word.get(w) {
                        return hit;
                    }
                    let lower = if w.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
                        Cow::Owned(w.to_lowercase())
                    } else {
                        Cow::Borrowed(w)
                    };
                    // "The" after "the": the lower-case form's term, without stemming again.
                    if let Cow::Owned(lower) = &lower {
                        if let Some(&known) = cache.by_word.get(lower.as_str()) {
                            cache.by_word.insert(w.to_string(), known);
                            return known;
                        }
                    }
                    let stem = stem::english(&lower).map_or_else(|| stemmer.stem(&lower), Cow::Owned);
                    let id = match cache.by_stem.get(stem.as_ref()) {
                        Some(&id) => id,
                        None => {
                            let id = cache.by_stem.len() as u32;
                            cache.by_stem.insert(stem.into_owned(), id);
                            id
                        }
                    };
                    let term = Term { stem: id, stop: is_stopword(&lower) };
                    if let Cow::Owned(lower) = lower {
                        cache.by_word.insert(lower, term);
                    }
                    cache.by_word.insert(w.to_string(), term);
                    term
                })
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_count_agrees_with_split_whitespace() {
        for text in [
            "",
            "  ",
            "one",
            " two  words ",
            "tab\tand\nnew\u{b}line",
            "no\u{a0}break é “quoted” — dash",
            "ideographic\u{3000}space",
            "\u{2028}line\u{2029}para\u{85}next",
            "日本語 テキスト",
            "thin\u{2009}space",
            "narrow\u{202f}nbsp\u{205f}math\u{1680}ogham",
            "ends in nbsp\u{a0}",
            "\u{2003}",
            "dash—and “quotes” …",
        ] {
            assert_eq!(word_count(text), text.split_whitespace().count(), "{text:?}");
        }
        // Longer than one counting block (16 MiB), with a word across the block boundary.
        let long = "word ".repeat((1 << 22) + 3) + "end";
        assert_eq!(word_count(&long), (1 << 22) + 4);
    }

    #[test]
    fn terms_are_stemmed_content_words() {
        let mut t = TermMaker::default();
        assert_eq!(t.terms("The strikes were targeting rebels"), ["strike", "target", "rebel"]);
    }

    #[test]
    fn back_references_are_recognised_at_the_start_only() {
        assert!(opens_with_reference("He also said the coalition knew."));
        assert!(opens_with_reference("“Instead, they waited,” she said."));
        assert!(!opens_with_reference("Lavrov said he would go."));
        assert!(!opens_with_reference("Heavy rain fell."));
    }

    #[test]
    fn truncation_counts_words() {
        assert_eq!(truncate_words("one  two\nthree four", 3), "one two three");
        assert_eq!(word_count(" a b  c "), 3);
    }
}
