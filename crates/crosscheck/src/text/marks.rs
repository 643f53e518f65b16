//! Quotation marks: which characters open a quotation, which close one, and how a straight
//! double quote, which does either, is read. The one place these are decided: the block
//! register ([`crate::blocks`]) measures quoted share with [`quote_transition`], quote pairing
//! (`quotes`) pairs with [`opens`], [`closes`] and [`straight_opens_pair`], and the sentence
//! splitter reads [`is_opening`] and [`is_closing`].
//!
//! The marks are curly double quotes (“ ”), guillemets (« ») and the low-9 opening mark („),
//! which German and Polish close with “. Single quotes are left out: they are also apostrophes.

/// Typographic marks that open a quotation: “, « and „ (but see [`closes`] for “ after „).
pub fn is_open_mark(c: char) -> bool {
    matches!(c, '“' | '«' | '„')
}

/// Typographic marks that always close a quotation: ” and ».
pub fn is_close_mark(c: char) -> bool {
    matches!(c, '”' | '»')
}

/// Whether typographic mark `c` closes the quotation that `opener` opened: ” and » always,
/// and “ when the quotation opened with „ („So“ in German and Polish).
pub fn closes(c: char, opener: Option<char>) -> bool {
    is_close_mark(c) || (c == '“' && opener == Some('„'))
}

/// Whether typographic mark `c` opens a quotation, given the mark that opened the current one.
pub fn opens(c: char, opener: Option<char>) -> bool {
    is_open_mark(c) && !closes(c, opener)
}

/// Whether a straight double quote after `prev` opens a quotation as quote pairing reads it: at
/// the start, after a space, or after an opening bracket, a dash, a colon or a slash. (The
/// register's rule, in [`quote_transition`], is older and narrower; the two are kept apart so
/// that neither stage's results move.)
pub fn straight_opens_pair(prev: Option<char>) -> bool {
    prev.is_none_or(|p| p.is_whitespace() || "([{—–-:/".contains(p))
}

/// Whether `c` opens (`Some(true)`) or closes (`Some(false)`) a quotation, for a reader inside
/// the quotation that `opener` opened (`None`: outside any), `prev` being the character before.
/// A straight double quote closes an open quotation; outside one it opens at the start or after
/// a space, bracket or dash, and closes otherwise ("...," he said). `None`: `c` is no quotation
/// mark.
#[inline]
pub fn quote_transition(c: char, opener: Option<char>, prev: Option<char>) -> Option<bool> {
    match c {
        '"' => Some(opener.is_none() && prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–'))),
        _ if opens(c, opener) => Some(true),
        _ if closes(c, opener) => Some(false),
        _ => None,
    }
}

/// Whether UTF-8 `bytes` at `p` start a quotation mark that [`quote_transition`] reads, by
/// bytes: '"', “ ” „ (E2 80 9C/9D/9E) or « » (C2 AB/BB). For byte scans that look for the lead
/// bytes b'"', 0xE2 and 0xC2 (with memchr) rather than decoding every character.
#[inline]
pub fn mark_at(bytes: &[u8], p: usize) -> Option<char> {
    match bytes[p..] {
        [b'"', ..] => Some('"'),
        [0xe2, 0x80, 0x9c, ..] => Some('“'),
        [0xe2, 0x80, 0x9d, ..] => Some('”'),
        [0xe2, 0x80, 0x9e, ..] => Some('„'),
        [0xc2, 0xab, ..] => Some('«'),
        [0xc2, 0xbb, ..] => Some('»'),
        _ => None,
    }
}

/// Whether a sentence closes a quotation it never opened: the tail of a quote that the
/// sentence splitter cut after its first sentence.
pub fn starts_mid_quote(sentence: &str) -> bool {
    // Only the first quotation mark matters; found by its lead byte.
    let bytes = sentence.as_bytes();
    for p in memchr::memchr3_iter(b'"', 0xe2, 0xc2, bytes) {
        let Some(c) = mark_at(bytes, p) else { continue };
        if let Some(opening) = quote_transition(c, None, sentence[..p].chars().next_back()) {
            return !opening;
        }
    }
    false
}

/// Quotation marks (double, single, curly, guillemets) and brackets that may follow a
/// sentence's final punctuation and belong to the sentence (`.”`, `?)`, `!»`), as the sentence
/// splitter reads them. Single quotes count here: after a terminal mark, a ' or ’ closes a quote
/// rather than sitting inside a word.
pub fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '’' | ')' | ']' | '›') || is_close_mark(c)
}

/// Quotation marks and brackets that may open a sentence, as the sentence splitter reads them
/// after an ambiguous abbreviation and around a word. The low-9 mark („) is not among them: the
/// splitter never read it, and adding it would move sentence boundaries.
pub fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '‹')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_open_and_close_as_quote_pairing_reads_them() {
        for c in ['“', '«', '„'] {
            assert_eq!(quote_transition(c, None, None), Some(true), "{c}");
            assert_eq!(quote_transition(c, Some('«'), Some('x')), Some(true), "{c}");
        }
        for c in ['”', '»'] {
            assert_eq!(quote_transition(c, Some('“'), Some('x')), Some(false), "{c}");
            assert_eq!(quote_transition(c, None, None), Some(false), "{c}");
        }
        assert_eq!(quote_transition('"', None, Some(' ')), Some(true));
        assert_eq!(quote_transition('"', None, Some(',')), Some(false));
        assert_eq!(quote_transition('"', Some('"'), Some(' ')), Some(false));
        assert_eq!(quote_transition('\'', None, None), None);
        assert!(straight_opens_pair(Some(':')) && straight_opens_pair(None) && !straight_opens_pair(Some('a')));
    }

    #[test]
    fn a_quotation_opened_by_low_9_closes_with_the_high_mark() {
        assert_eq!(quote_transition('“', Some('„'), Some('y')), Some(false));
        assert_eq!(quote_transition('”', Some('„'), Some('y')), Some(false));
        assert!(closes('“', Some('„')) && !opens('“', Some('„')));
        assert!(opens('“', None) && !closes('“', None) && !closes('“', Some('«')));
    }

    #[test]
    fn marks_are_found_by_their_bytes() {
        let text = "a\"b“c”d„e«f»g—h’";
        let found: Vec<char> = (0..text.len()).filter_map(|p| mark_at(text.as_bytes(), p)).collect();
        assert_eq!(found, ['"', '“', '”', '„', '«', '»']);
        for (p, c) in text.char_indices() {
            assert_eq!(mark_at(text.as_bytes(), p).is_some(), quote_transition(c, None, None).is_some(), "{c}");
        }
    }

    #[test]
    fn quote_tails_are_recognised() {
        assert!(starts_mid_quote("Equally for Iraq, we do so without conditions,\" Lavrov said."));
        assert!(starts_mid_quote("It stays closed.” The mayor left."));
        assert!(starts_mid_quote("Nous restons ici », a-t-il dit."));
        assert!(!starts_mid_quote("\"We help Syria,\" Lavrov said."));
        assert!(!starts_mid_quote("« Nous restons », a-t-il dit."));
        assert!(!starts_mid_quote("„Wir bleiben“, sagte er."));
        assert!(!starts_mid_quote("Lavrov said \"no\"."));
        assert!(!starts_mid_quote("No quotes at all, at 30\u{a0}°C."));
    }

    #[test]
    fn the_byte_scan_agrees_with_a_char_by_char_one() {
        let pieces =
            ["Moscow", " ", "SAID", "“", "”", "\"", "„", "«", "»", "’", "—", "İ", "(", ". ", "9", "\u{a0}", "é"];
        let mut next = crate::testing::xorshift(0x1405_7b7e_f767_814f);
        for _ in 0..20_000 {
            let text: String = (0..next(16)).map(|_| pieces[next(pieces.len())]).collect();
            let mut prev = None;
            let mut mid_quote = false;
            for c in text.chars() {
                if let Some(opening) = quote_transition(c, None, prev) {
                    mid_quote = !opening;
                    break;
                }
                prev = Some(c);
            }
            assert_eq!(starts_mid_quote(&text), mid_quote, "{text:?}");
        }
    }
}
