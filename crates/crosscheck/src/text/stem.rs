//! The English Snowball ("Porter2") stemmer, for the words the term pipeline stems: lower-case
//! ASCII letters and digits. Anything else returns `None` and goes to `rust-stemmers`.
//!
//! Written by hand, and kept exact: `rust-stemmers` runs the code the Snowball compiler
//! generates, a general string machine with UTF-8 cursors and table searches, at about 3,800
//! instructions a word (valgrind); stemming the words a run had not seen yet was 14% of
//! summarizing NeuS dev. The same rules over a byte buffer cost a small fraction of that. The
//! tests compare this port with `rust-stemmers` on words built to reach every rule, and
//! `scripts/check-shared.sh` on every word of the reference corpora.
//!
//! The rules follow the version of the algorithm that `rust-stemmers` 1.2 implements (R1
//! exceptions "gener", "commun", "arsen"; no "ogist", "past" or "univers" rules).

/// `y` is a vowel here; a `y` marked as a consonant is held as `Y` until the end.
fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Whole words with a fixed stem (Snowball's `exception1`).
fn exception(word: &str) -> Option<&'static str> {
    Some(match word {
        "skis" => "ski",
        "skies" | "sky" => "sky",
        "dying" => "die",
        "lying" => "lie",
        "tying" => "tie",
        "idly" => "idl",
        "gently" => "gentl",
        "ugly" => "ugli",
        "early" => "earli",
        "only" => "onli",
        "singly" => "singl",
        "news" => "news",
        "howe" => "howe",
        "atlas" => "atlas",
        "cosmos" => "cosmos",
        "bias" => "bias",
        "andes" => "andes",
        _ => return None,
    })
}

/// Words left alone after step 1a (Snowball's `exception2`).
const AFTER_1A: &[&[u8]] =
    &[b"inning", b"outing", b"canning", b"herring", b"earring", b"proceed", b"exceed", b"succeed"];

/// Step 2 suffixes and their replacements, longest first: the first that matches is the one
/// Snowball's `among` picks. `ogi` and `li` have conditions, handled in [`step_2`].
const STEP_2: &[(&[u8], &[u8])] = &[
    (b"ational", b"ate"),
    (b"fulness", b"ful"),
    (b"iveness", b"ive"),
    (b"ization", b"ize"),
    (b"ousness", b"ous"),
    (b"biliti", b"ble"),
    (b"lessli", b"less"),
    (b"tional", b"tion"),
    (b"alism", b"al"),
    (b"aliti", b"al"),
    (b"ation", b"ate"),
    (b"entli", b"ent"),
    (b"fulli", b"ful"),
    (b"iviti", b"ive"),
    (b"ousli", b"ous"),
    (b"abli", b"able"),
    (b"alli", b"al"),
    (b"anci", b"ance"),
    (b"ator", b"ate"),
    (b"enci", b"ence"),
    (b"izer", b"ize"),
    (b"bli", b"ble"),
    (b"ogi", b"og"),
    (b"li", b""),
];

/// Step 3 suffixes, longest first; `ative` is also required to be in R2.
const STEP_3: &[(&[u8], &[u8])] = &[
    (b"ational", b"ate"),
    (b"tional", b"tion"),
    (b"alize", b"al"),
    (b"ative", b""),
    (b"icate", b"ic"),
    (b"iciti", b"ic"),
    (b"ical", b"ic"),
    (b"ness", b""),
    (b"ful", b""),
];

/// Step 4 suffixes, longest first, deleted when in R2 (`ion` only after `s` or `t`).
const STEP_4: &[&[u8]] = &[
    b"ement", b"ance", b"ence", b"able", b"ible", b"ment", b"ant", b"ent", b"ism", b"ate", b"iti", b"ous", b"ive",
    b"ize", b"ion", b"al", b"er", b"ic",
];

/// The stem of `word`, or `None` when it holds anything but lower-case ASCII letters and digits.
pub fn english(word: &str) -> Option<String> {
    if !word.bytes().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()) {
        return None;
    }
    if let Some(stem) = exception(word) {
        return Some(stem.to_string());
    }
    if word.len() < 3 {
        return Some(word.to_string());
    }
    let mut w = word.as_bytes().to_vec();
    let marked_y = mark_consonant_y(&mut w);
    let (p1, p2) = regions(&w);
    step_1a(&mut w);
    if !AFTER_1A.contains(&w.as_slice()) {
        step_1b(&mut w, p1);
        step_1c(&mut w);
        step_2(&mut w, p1);
        step_3(&mut w, p1, p2);
        step_4(&mut w, p2);
        step_5(&mut w, p1, p2);
    }
    if marked_y {
        w.iter_mut().filter(|c| **c == b'Y').for_each(|c| *c = b'y');
    }
    // Only ASCII bytes were written.
    String::from_utf8(w).ok()
}

/// Marks as `Y` an initial `y` and every `y` after a vowel; says whether it marked any.
fn mark_consonant_y(w: &mut [u8]) -> bool {
    let mut marked = false;
    if w[0] == b'y' {
        w[0] = b'Y';
        marked = true;
    }
    for i in 1..w.len() {
        if w[i] == b'y' && is_vowel(w[i - 1]) {
            w[i] = b'Y';
            marked = true;
        }
    }
    marked
}

/// R1 and R2 as start offsets: each starts after the first non-vowel that follows a vowel,
/// R2 counted from R1; "gener", "commun" and "arsen" end R1's prefix by themselves.
fn regions(w: &[u8]) -> (usize, usize) {
    let after_vowel_consonant = |from: usize| {
        let vowel = (from..w.len()).find(|&i| is_vowel(w[i]))?;
        (vowel + 1..w.len()).find(|&i| !is_vowel(w[i])).map(|i| i + 1)
    };
    let p1 = [&b"gener"[..], b"commun", b"arsen"]
        .into_iter()
        .find(|prefix| w.starts_with(prefix))
        .map(|prefix| prefix.len())
        .or_else(|| after_vowel_consonant(0));
    match p1 {
        Some(p1) => (p1, after_vowel_consonant(p1).unwrap_or(w.len())),
        None => (w.len(), w.len()),
    }
}

/// A short syllable ends `w[..end]`: non-vowel, vowel, non-vowel other than w, x or Y; or, as
/// the whole of it, vowel then non-vowel.
fn short_syllable(w: &[u8], end: usize) -> bool {
    if end >= 3
        && !matches!(w[end - 1], b'w' | b'x' | b'Y')
        && !is_vowel(w[end - 1])
        && is_vowel(w[end - 2])
        && !is_vowel(w[end - 3])
    {
        return true;
    }
    end == 2 && is_vowel(w[0]) && !is_vowel(w[1])
}

fn replace_suffix(w: &mut Vec<u8>, suffix_len: usize, with: &[u8]) {
    w.truncate(w.len() - suffix_len);
    w.extend_from_slice(with);
}

/// Plurals: "sses" to "ss", "ies"/"ied" to "i" (or "ie" in a short word), a final "s" dropped
/// when a vowel comes before the letter preceding it.
fn step_1a(w: &mut Vec<u8>) {
    let n = w.len();
    if w.ends_with(b"sses") {
        w.truncate(n - 2);
    } else if w.ends_with(b"ied") || w.ends_with(b"ies") {
        replace_suffix(w, 3, if n > 4 { b"i" } else { b"ie" });
    } else if w.ends_with(b"ss") || w.ends_with(b"us") {
    } else if w.ends_with(b"s") && w[..n - 2].iter().any(|&c| is_vowel(c)) {
        w.truncate(n - 1);
    }
}

/// "-eed(ly)" to "-ee" in R1; "-ed", "-edly", "-ing", "-ingly" dropped after a vowel, then the
/// word tidied ("hop(p)ing" to "hop", "hoping" to "hope", "luxuriat(ing)" to "luxuriate").
fn step_1b(w: &mut Vec<u8>, p1: usize) {
    let n = w.len();
    let (suffix, long_e) = if w.ends_with(b"eedly") {
        (5, true)
    } else if w.ends_with(b"ingly") {
        (5, false)
    } else if w.ends_with(b"edly") {
        (4, false)
    } else if w.ends_with(b"eed") {
        (3, true)
    } else if w.ends_with(b"ing") {
        (3, false)
    } else if w.ends_with(b"ed") {
        (2, false)
    } else {
        return;
    };
    let start = n - suffix;
    if long_e {
        if start >= p1 {
            replace_suffix(w, suffix, b"ee");
        }
        return;
    }
    if !w[..start].iter().any(|&c| is_vowel(c)) {
        return;
    }
    w.truncate(start);
    if w.ends_with(b"at") || w.ends_with(b"bl") || w.ends_with(b"iz") {
        w.push(b'e');
    } else if [&b"bb"[..], b"dd", b"ff", b"gg", b"mm", b"nn", b"pp", b"rr", b"tt"].iter().any(|d| w.ends_with(d)) {
        w.pop();
    } else if start == p1 && short_syllable(w, start) {
        w.push(b'e');
    }
}

/// A final "y" after a non-vowel that is not the first letter becomes "i".
fn step_1c(w: &mut [u8]) {
    let n = w.len();
    if n >= 3 && matches!(w[n - 1], b'y' | b'Y') && !is_vowel(w[n - 2]) {
        w[n - 1] = b'i';
    }
}

fn step_2(w: &mut Vec<u8>, p1: usize) {
    let Some(&(suffix, with)) = STEP_2.iter().find(|(s, _)| w.ends_with(s)) else { return };
    let start = w.len() - suffix.len();
    if start < p1 {
        return;
    }
    let before = start.checked_sub(1).map(|i| w[i]);
    let allowed = match suffix {
        b"ogi" => before == Some(b'l'),
        b"li" => {
            before.is_some_and(|c| matches!(c, b'c' | b'd' | b'e' | b'g' | b'h' | b'k' | b'm' | b'n' | b'r' | b't'))
        }
        _ => true,
    };
    if allowed {
        replace_suffix(w, suffix.len(), with);
    }
}

fn step_3(w: &mut Vec<u8>, p1: usize, p2: usize) {
    let Some(&(suffix, with)) = STEP_3.iter().find(|(s, _)| w.ends_with(s)) else { return };
    let start = w.len() - suffix.len();
    if start >= p1 && (suffix != b"ative" || start >= p2) {
        replace_suffix(w, suffix.len(), with);
    }
}

fn step_4(w: &mut Vec<u8>, p2: usize) {
    let Some(&suffix) = STEP_4.iter().find(|s| w.ends_with(s)) else { return };
    let start = w.len() - suffix.len();
    if start >= p2 && (suffix != b"ion" || (start > 0 && matches!(w[start - 1], b's' | b't'))) {
        w.truncate(start);
    }
}

/// A final "e" in R2, or in R1 after no short syllable; a final "l" in R2 after another "l".
fn step_5(w: &mut Vec<u8>, p1: usize, p2: usize) {
    let n = w.len();
    match w.last() {
        Some(b'e') if n > p2 || (n > p1 && !short_syllable(w, n - 1)) => {
            w.pop();
        }
        Some(b'l') if n > p2 && n >= 2 && w[n - 2] == b'l' => {
            w.pop();
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_stemmers::{Algorithm, Stemmer};

    fn reference(word: &str) -> String {
        Stemmer::create(Algorithm::English).stem(word).into_owned()
    }

    #[test]
    fn known_stems() {
        for (word, stem) in [
            ("strikes", "strike"),
            ("targeting", "target"),
            ("generously", "generous"),
            ("communism", "communism"),
            ("hoping", "hope"),
            ("hopping", "hop"),
            ("cries", "cri"),
            ("ties", "tie"),
            ("skies", "sky"),
            ("innings", "inning"),
            ("sayings", "say"),
            ("yelling", "yell"),
            ("relational", "relat"),
            ("2015", "2015"),
        ] {
            assert_eq!(english(word).as_deref(), Some(stem), "{word}");
            assert_eq!(reference(word), stem, "{word}");
        }
        assert_eq!(english("Russia"), None);
        assert_eq!(english("café"), None);
    }

    /// Words assembled from stems and every suffix the rules name, plus random letter strings,
    /// compared with `rust-stemmers`: the port must agree on every one.
    #[test]
    fn agrees_with_rust_stemmers() {
        let stems = [
            "", "a", "y", "ay", "by", "cr", "hop", "hope", "luxur", "gener", "commun", "arsen", "nation", "relat",
            "abl", "feed", "sk", "ti", "di", "fal", "bott", "tann", "fizz", "ogl", "ol", "roll", "cat", "mess", "bus",
            "gas", "yaw", "sayy", "ex", "succ", "inn", "herr", "out", "canning", "ev", "ic", "sens", "cont", "adjust",
            "conditi", "rat", "2", "x9", "play", "toy", "ra", "oy", "crYst",
        ];
        let suffixes = [
            "", "s", "es", "ss", "sses", "us", "ies", "ied", "ed", "eed", "edly", "eedly", "ing", "ingly", "y", "ly",
            "li", "bli", "abli", "alli", "fulli", "lessli", "ousli", "entli", "aliti", "biliti", "iviti", "tional",
            "ational", "alism", "ation", "ization", "izer", "ator", "iveness", "fulness", "ousness", "anci", "enci",
            "ogi", "icate", "ative", "alize", "iciti", "ical", "ful", "ness", "al", "ance", "ence", "er", "ic", "able",
            "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion", "sion", "tion",
            "e", "l", "ll", "at", "bl", "iz", "bb", "dd", "tt", "ey", "ay", "yy",
        ];
        let mut checked = 0;
        for stem in stems {
            for a in suffixes {
                for b in ["", "s", "ing", "ed", "ly", "e", "ness", "ation", "al"] {
                    let word = format!("{stem}{a}{b}").to_lowercase();
                    if let Some(ours) = english(&word) {
                        assert_eq!(ours, reference(&word), "{word}");
                        checked += 1;
                    }
                }
            }
        }
        // Random strings over letters weighted towards vowels, y and suffix letters.
        let alphabet = b"aeiouyyssllttnnedgbcmprwxzik";
        let mut next = crate::testing::xorshift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..100_000 {
            let len = 1 + next(12);
            let word: String = (0..len).map(|_| char::from(alphabet[next(alphabet.len())])).collect();
            assert_eq!(english(&word).as_deref(), Some(reference(&word).as_str()), "{word}");
            checked += 1;
        }
        assert!(checked > 130_000, "{checked}");
    }

    /// Every distinct word of the articles and reference data in `../shared` (or `$SHARED`), run by
    /// `scripts/check-shared.sh`; ignored by the plain test run, which must pass without them.
    #[test]
    #[ignore = "needs ../shared; run by scripts/check-shared.sh"]
    fn agrees_with_rust_stemmers_on_shared_corpora() {
        let shared = std::env::var_os("SHARED").map_or_else(
            || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
            std::path::PathBuf::from,
        );
        let mut words = std::collections::BTreeSet::new();
        let mut dirs = vec![shared.join("data"), shared.join("seeds")];
        while let Some(dir) = dirs.pop() {
            let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
            for path in entries.map(|e| e.expect("readable directory entry").path()) {
                if path.is_dir() {
                    dirs.push(path);
                } else {
                    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                    words.extend(crate::text::words(&String::from_utf8_lossy(&bytes)).map(str::to_lowercase));
                }
            }
        }
        let mut compared = 0;
        for word in &words {
            if let Some(ours) = english(word) {
                assert_eq!(ours, reference(word), "{word}");
                compared += 1;
            }
        }
        println!("stem: {compared} distinct words agree with rust-stemmers ({} seen)", words.len());
        assert!(compared > 30_000, "only {compared} words compared");
    }
}
