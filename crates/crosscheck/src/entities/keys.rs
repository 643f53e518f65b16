//! Comparison keys: how names and roles are normalised so that spellings of one name meet
//! (case, dots, "the", diacritics, transliteration, initials) and roles compare by their words.
//! Merging and role lookup rest on these, so they live apart from both and are tested alone.

use super::{EntityType, Mention};
use crate::lexicon;
use crate::lexicon::fold::fold;

pub(super) fn in_list(list: &[&str], word: &str) -> bool {
    let w = fold(word.trim_end_matches('.'));
    list.contains(&w.as_str())
}

pub(super) fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word)
}

/// Lowercase words of a role without articles and possessive marks, for comparing roles.
pub(crate) fn role_key(role: &str) -> Vec<String> {
    role.split_whitespace()
        .map(|w| fold(strip_possessive(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))))
        .map(|w| w.trim_end_matches("'s").to_string())
        .filter(|w| !w.is_empty() && !matches!(w.as_str(), "the" | "a" | "an" | "its" | "his" | "her" | "their"))
        // "FM" is how headlines and wires write "foreign minister".
        .flat_map(|w| if w == "fm" { vec!["foreign".to_string(), "minister".to_string()] } else { vec![w] })
        .collect()
}

/// A wanted role matches a known one when its words are a suffix of it ("spokesman" fits
/// "Kremlin spokesman"; "foreign minister" fits "Russian Foreign Minister"), or the reverse
/// with a country named in the wanted one ("Russia's foreign minister").
pub(super) fn role_matches(known: &[String], want: &[String]) -> bool {
    if want.is_empty() || known.is_empty() {
        return false;
    }
    if known.ends_with(want) {
        return true;
    }
    // Compare with demonyms folded to countries: "russian foreign minister" ~ "russia foreign minister".
    let (k, w) = (fold_demonyms(known), fold_demonyms(want));
    k.ends_with(&w) || w == k
}

/// Role words with demonyms replaced by their country ("russian" by "russia").
pub(super) fn fold_demonyms(words: &[String]) -> Vec<String> {
    words
        .iter()
        .map(|w| lexicon::DEMONYMS.iter().find(|(d, _)| d == w).map(|(_, c)| c.to_lowercase()).unwrap_or(w.clone()))
        .collect()
}

/// Case, dots, "the", hyphens and diacritics removed: "The U.S." and "US" give "us".
pub fn name_key(name: &str) -> String {
    let ascii = deunicode::deunicode(name);
    let mut words: Vec<String> = ascii
        .split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| w.replace(['.', '\''], "").to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    if words.first().is_some_and(|w| w == "the") && words.len() > 1 {
        words.remove(0);
    }
    if let Some(last) = words.last_mut() {
        if last.ends_with("s") && name.trim_end().ends_with("'s") {
            last.pop();
        }
    }
    words.join(" ")
}

/// A spelling-tolerant key for transliterated names. Each word of four letters or more keeps
/// its first letter, its consonants (doubled ones once, "y" read as "i", "ph" as "f", "kh" as
/// "h") and its final vowel, with inner vowel runs reduced to one marker: "Sergei" and
/// "Sergey", "Qaeda" and "Qaida", "Mohammed" and "Muhammad" meet; "Maria" and "Mario" do not.
pub(crate) fn translit_key(key: &str) -> String {
    key.split(' ')
        .map(|w| {
            if w.chars().count() < 4 || w.chars().any(|c| c.is_ascii_digit()) {
                return w.to_string();
            }
            let w = w.replace("ph", "f").replace("kh", "h").replace('y', "i");
            let chars: Vec<char> = w.chars().collect();
            let vowel = |c: char| "aeiou".contains(c);
            let mut out = String::new();
            for (n, &c) in chars.iter().enumerate() {
                let last = n + 1 == chars.len();
                let mapped = if n > 0 && vowel(c) && !last { '*' } else { c };
                if out.ends_with(mapped) {
                    continue;
                }
                // The final vowel of a vowel run: "ei" in "sergei" ends on "i".
                if last && vowel(c) && out.ends_with('*') {
                    out.pop();
                }
                out.push(mapped);
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Letters of an acronym ("U.S." gives "US"), or of the initials of a name's main words.
pub(super) fn initials(key: &str) -> String {
    key.split(' ')
        .filter(|w| !lexicon::NAME_CONNECTORS.contains(w) && !["al", "el"].contains(w))
        .filter_map(|w| w.chars().next())
        .collect::<String>()
        .to_uppercase()
}

/// What a merge sees of a mention: enough to test it without the text.
pub(super) struct MentionKeys {
    pub(super) key: String,
    pub(super) fuzzy: String,
    pub(super) tokens: usize,
}

pub(super) fn keys_of(m: &Mention) -> MentionKeys {
    let key = name_key(&m.text);
    // One-letter middle initials do not distinguish people ("George W. Bush").
    let core: Vec<&str> = key.split(' ').filter(|w| w.chars().count() > 1 || key.split(' ').count() == 1).collect();
    let fuzzy = translit_key(&core.join(" "));
    MentionKeys { tokens: core.len(), key, fuzzy }
}

pub(super) fn head_type(key: &str) -> Option<EntityType> {
    let last = key.rsplit(' ').next().unwrap_or("");
    if lexicon::GROUP_HEADS.contains(&last) || key.starts_with("al ") && key.split(' ').count() == 2 {
        return Some(EntityType::Group);
    }
    if lexicon::ORG_HEADS.contains(&last) {
        return Some(EntityType::Organisation);
    }
    if lexicon::PLACES.contains(&key) {
        return Some(EntityType::Place);
    }
    // "River Aske": a geographic word first or last.
    let first = key.split(' ').next().unwrap_or("");
    if key.contains(' ')
        && (lexicon::PLACE_HEADS.contains(&last) || matches!(first, "river" | "lake" | "mount" | "port"))
    {
        return Some(EntityType::Place);
    }
    None
}
