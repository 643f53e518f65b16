//! Sentence segmentation tuned for news prose.
//!
//! Written by hand rather than taken from a crate: `unicode-segmentation` splits after every
//! "Mr.", `pragmatic-segmenter` needs libclang at build time and runs at about 130 KB/s, and none
//! returns spans into the original text that survive our quote and dateline conventions. The
//! rules below work on byte spans of the input, so every sentence keeps its exact offsets.

use std::ops::Range;

use crate::lexicon;
use crate::text::marks::{is_closing, is_opening};

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Splits `text` into sentence byte spans, trimmed of surrounding whitespace.
/// Line breaks always end a sentence: in news text they separate paragraphs, captions and lines.
pub fn sentence_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        split_line(text, line_start, line_start + line.len(), &mut spans);
        line_start += line.len();
    }
    spans
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(start + lead..end - trail);
    }
}

/// Splits one line, walking byte offsets (decoding a character only where a rule looks at it,
/// since this runs over every text the pipeline reads).
fn split_line(text: &str, from: usize, to: usize, out: &mut Vec<Range<usize>>) {
    let line = &text[from..to];
    let at = |pos: usize| line.get(pos..).and_then(|rest| rest.chars().next());
    let mut start = from;
    let mut pos = 0;
    while let Some(i) = next_terminal(line, pos) {
        // The run of terminal marks, then closing quotes or brackets after it.
        let mut run_end = i;
        while let Some(c) = at(run_end).filter(|&c| is_terminal(c)) {
            run_end += c.len_utf8();
        }
        let mut close_end = run_end;
        while let Some(c) = at(close_end).filter(|&c| is_closing(c)) {
            close_end += c.len_utf8();
        }
        // A boundary needs whitespace after the punctuation (so "3.5" and "U.S.-led" stay whole).
        if at(close_end).is_some_and(|c| !c.is_whitespace()) {
            pos = close_end;
            continue;
        }
        let mut next = close_end;
        while let Some(c) = at(next).filter(|c| c.is_whitespace()) {
            next += c.len_utf8();
        }
        if next >= line.len() {
            break;
        }
        if ends_sentence(text, start, from + i, from + run_end, from + next) {
            push_trimmed(text, start, from + close_end, out);
            start = from + next;
        }
        pos = next;
    }
    push_trimmed(text, start, to, out);
}

/// Byte offset of the next terminal mark ('.', '!', '?', '…') at or after `pos`.
fn next_terminal(line: &str, pos: usize) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut p = pos;
    while p < bytes.len() {
        let off = bytes[p..].iter().position(|&b| matches!(b, b'.' | b'!' | b'?' | 0xE2))?;
        p += off;
        if bytes[p] != 0xE2 || bytes[p..].starts_with("…".as_bytes()) {
            return Some(p);
        }
        p += 1;
    }
    None
}

/// Decides whether the terminal run `text[run_start..run_end]`, followed by the text at `next`
/// (after whitespace), ends a sentence that began at `start`.
fn ends_sentence(text: &str, start: usize, run_start: usize, run_end: usize, next_at: usize) -> bool {
    let next = text[next_at..].chars().next().unwrap_or(' ');
    if next.is_lowercase() {
        return false;
    }
    let run = &text[run_start..run_end];
    if run != "." {
        // "?", "!", "..." or "…" before a capital, digit or quote ends the sentence.
        return true;
    }
    let word = word_before(text, start, run_start);
    let lower = word.to_lowercase();
    let next_word = word_at(text, next_at);
    if lower.is_empty() {
        return true;
    }
    // Initials: "John F. Kennedy", "J. R. R. Tolkien".
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return false;
    }
    if lexicon::NON_TERMINAL_ABBREVIATIONS.contains(&lower.as_str()) {
        // "No. 5" and "Art. 3" are titles before numbers; before a word "no." may end a sentence.
        return matches!(lower.as_str(), "no" | "nos" | "art" | "vol" | "fig") && !next.is_ascii_digit();
    }
    let acronym = lower.contains('.'); // "u.s", "c.i.a", "a.m", "p.m"
    let ambiguous =
        |w: &str| lexicon::AMBIGUOUS_ABBREVIATIONS.contains(&w) || lexicon::CALENDAR_ABBREVIATIONS.contains(&w);
    if acronym || ambiguous(&lower) {
        if next.is_ascii_digit() {
            return false; // "Oct. 1", "Co. 12"
        }
        return is_opening(next) || lexicon::SENTENCE_OPENERS.contains(&next_word.to_lowercase().as_str());
    }
    true
}

/// The word that ends at `end` (exclusive, the position of the period), without leading
/// brackets or quotes.
fn word_before(text: &str, start: usize, end: usize) -> &str {
    let before = &text[start..end];
    let from = before.char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(p, c)| p + c.len_utf8());
    before[from..].trim_start_matches(|c: char| is_opening(c) || c == '-' || c == '—')
}

fn word_at(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    let end = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
    &rest[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentence_spans(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn titles_initials_and_acronyms_do_not_split() {
        assert_eq!(
            split("Mr. Smith met Gen. John F. Kennedy Jr. at the U.S. embassy at 5 p.m. on Oct. 3. It rained."),
            ["Mr. Smith met Gen. John F. Kennedy Jr. at the U.S. embassy at 5 p.m. on Oct. 3.", "It rained."]
        );
    }

    #[test]
    fn acronym_at_sentence_end_splits_before_an_opener() {
        assert_eq!(
            split("The officers are from the C.I.A. They arrived in the U.S. The next day was calm."),
            ["The officers are from the C.I.A.", "They arrived in the U.S.", "The next day was calm."]
        );
        assert_eq!(split("U.S. President Barack Obama spoke."), ["U.S. President Barack Obama spoke."]);
    }

    #[test]
    fn decimals_and_numbers_stay_whole() {
        assert_eq!(
            split("Growth was 3.5 percent. Shares rose 1.2%."),
            ["Growth was 3.5 percent.", "Shares rose 1.2%."]
        );
        assert_eq!(split("He ranked No. 5 in the poll."), ["He ranked No. 5 in the poll."]);
    }

    #[test]
    fn quotes_stay_with_their_attribution() {
        assert_eq!(
            split("“It is over,” he said. “We won.” The crowd cheered. \"Why?\" one asked. \"Stop!\" he said."),
            ["“It is over,” he said.", "“We won.”", "The crowd cheered.", "\"Why?\" one asked.", "\"Stop!\" he said."]
        );
    }

    #[test]
    fn ellipses_split_only_before_a_new_sentence() {
        assert_eq!(
            split("It was astounding... Nobody knew. He paused... and went on."),
            ["It was astounding...", "Nobody knew.", "He paused... and went on."]
        );
    }

    #[test]
    fn non_ascii_spaces_before_a_period() {
        assert_eq!(split("It ends at\u{a0}U.S. The next begins."), ["It ends at\u{a0}U.S.", "The next begins."]);
    }

    #[test]
    fn line_breaks_end_sentences_and_offsets_point_into_text() {
        let text = "Headline without stop\n\n  First line. Second line.\nLast";
        let spans = sentence_spans(text);
        let got: Vec<&str> = spans.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(got, ["Headline without stop", "First line.", "Second line.", "Last"]);
        assert_eq!(spans[1].start, 25);
    }
}
