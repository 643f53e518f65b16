//! Case folding as the cue lists expect it: lower case, with the curly apostrophe made straight
//! (the lists spell "we're"). Written for speed: these run on every line and sentence.

/// `text` lower-cased as [`push_lower`] writes each character (a capital sigma excepted, which
/// lower-cases by its position in a word, as [`str::to_lowercase`] does it), with ASCII runs
/// lower-cased in bulk.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    if text.contains('Σ') {
        // Only a capital sigma lower-cases differently by position in a word.
        return text.to_lowercase().replace('’', "'");
    }
    // ASCII runs in bulk, other characters one by one: as `to_lowercase`, faster.
    let mut lower = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let run = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        let start = lower.len();
        lower.push_str(&rest[..run]);
        lower[start..].make_ascii_lowercase();
        let mut chars = rest[run..].chars();
        if let Some(c) = chars.next() {
            push_lower(&mut lower, c);
        }
        rest = chars.as_str();
    }
    lower
}

/// Appends `c` lower-cased, a curly apostrophe made straight (cue lists spell "we're").
/// Inlined: it runs per character of every line and sentence.
#[inline]
pub fn push_lower(out: &mut String, c: char) {
    match c {
        _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        '’' => out.push('\''),
        _ => out.extend(c.to_lowercase()),
    }
}

/// How many bytes [`push_lower`] writes for `c`, without writing them (kept beside it: the
/// two must agree, and a test checks that they do).
pub fn lower_len(c: char) -> usize {
    match c {
        _ if c.is_ascii() => 1,
        '’' => 1,
        _ => c.to_lowercase().map(char::len_utf8).sum(),
    }
}

/// Byte offsets in the lower-cased text built by [`push_lower`] of the given offsets of `text`
/// (ascending, on character boundaries), in one forward pass.
pub fn lower_offsets(text: &str, offsets: impl Iterator<Item = usize>) -> Vec<usize> {
    if text.is_ascii() {
        return offsets.collect();
    }
    let (mut at, mut lower_at) = (0, 0);
    offsets
        .map(|target| {
            for c in text[at..target].chars() {
                lower_at += lower_len(c);
            }
            at = target;
            lower_at
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bulk_folding_agrees_with_char_by_char() {
        let pieces = ["Moscow", " ", "SAID", "“", "’", "—", "İ", "É", "ß", "x", "(", ". ", "9", "\u{a0}"];
        let mut next = crate::testing::xorshift(0x1405_7b7e_f767_814f);
        for _ in 0..20_000 {
            let text: String = (0..next(16)).map(|_| pieces[next(pieces.len())]).collect();
            let mut lower = String::new();
            text.chars().for_each(|c| push_lower(&mut lower, c));
            assert_eq!(fold(&text), lower, "{text:?}");
            assert_eq!(text.chars().map(lower_len).sum::<usize>(), lower.len(), "{text:?}");
        }
        assert_eq!(fold("ΟΔΟΣ’Σ SAID"), "ΟΔΟΣ’Σ SAID".to_lowercase().replace('’', "'"));
    }

    #[test]
    fn offsets_map_into_the_folded_text() {
        let text = "İstanbul’s MAYOR";
        let folded = fold(text);
        let at = lower_offsets(text, [0, text.find('’').unwrap(), text.find('M').unwrap()].into_iter());
        assert_eq!(&folded[at[1]..at[2]], "'s ");
        assert_eq!(&folded[at[2]..], "mayor");
    }
}
