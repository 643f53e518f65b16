//! Word and punctuation tokens with byte spans, for the stages that read text pattern by
//! pattern (entity mentions, quotes). The summary's term pipeline does not need spans and uses
//! [`super::words`] instead.

use std::ops::Range;

/// One token: a word (letters and digits, with inner apostrophes, hyphens and the dots of
/// abbreviations such as "U.S.") or a single punctuation character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Range<usize>,
    pub word: bool,
}

impl Token {
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.span.clone()]
    }
}

/// Splits `text` into tokens; whitespace separates and is dropped.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Token { span: start..start + c.len_utf8(), word: false });
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, c)) = chars.peek() {
            if c.is_alphanumeric() {
                chars.next();
                end = i + c.len_utf8();
                continue;
            }
            // Joiners stay inside a word only between two word characters ("al-Assad",
            // "Kremlin's", "U.S."); a dot also when it closes a one-letter abbreviation chunk.
            if matches!(c, '\'' | '’' | '-' | '.' | '‑') {
                let next = text[i + c.len_utf8()..].chars().next();
                let inner = next.is_some_and(|n| n.is_alphanumeric());
                let abbrev_dot = c == '.' && is_abbrev_chunk(&text[start..i]);
                if inner && (c != '.' || abbrev_dot) {
                    chars.next();
                    end = i + c.len_utf8();
                    continue;
                }
                if abbrev_dot && start + 1 < i {
                    // "U.S." keeps its final dot; "U." alone does not (that is an initial).
                    chars.next();
                    end = i + 1;
                }
            }
            break;
        }
        out.push(Token { span: start..end, word: true });
    }
    out
}

/// The tokens of `text[span]`, with spans shifted to offsets into `text`.
pub fn tokens_in(text: &str, span: std::ops::Range<usize>) -> Vec<Token> {
    tokenize(&text[span.clone()])
        .into_iter()
        .map(|t| Token { span: t.span.start + span.start..t.span.end + span.start, word: t.word })
        .collect()
}

/// True when `s` looks like the inside of a dotted abbreviation: single letters joined by dots
/// ("U", "U.S", "a.m").
fn is_abbrev_chunk(s: &str) -> bool {
    s.split('.').all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic))
}

/// True when the word starts with an uppercase letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// True for acronyms: two or more letters, all uppercase ("ISIS", "U.S.", "UN").
pub fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| *c != '.').collect();
    letters.len() >= 2 && letters.len() <= 8 && letters.iter().all(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn words_keep_inner_joiners_and_abbreviation_dots() {
        assert_eq!(
            texts("The U.S. said al-Assad’s men left at 9 a.m. today."),
            ["The", "U.S.", "said", "al-Assad’s", "men", "left", "at", "9", "a.m.", "today", "."]
        );
        assert_eq!(texts("“No,” he said—twice."), ["“", "No", ",", "”", "he", "said", "—", "twice", "."]);
        assert_eq!(texts("Mr. J. Smith"), ["Mr", ".", "J", ".", "Smith"]);
    }

    #[test]
    fn acronyms_and_capitals() {
        assert!(is_acronym("ISIS") && is_acronym("U.S.") && !is_acronym("Isil") && !is_acronym("A"));
        assert!(is_capitalised("Émile") && !is_capitalised("said"));
    }
}
