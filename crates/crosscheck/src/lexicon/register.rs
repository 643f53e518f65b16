//! The register of a line: the words of a writer's own voice (stance words, slang, "I" and
//! "you") that the block classifier counts outside quotation marks
//! (`blocks::Register`). Every entry is lower case with straight apostrophes, as
//! [`super::fold`] writes the text it is matched against; entries are matched as substrings
//! by one automaton and then checked for word edges, so a phrase ("of course") is one entry.

/// Evaluative words and phrases of an author's voice: stance words and adverbs that news
/// reporting leaves to its sources ("absurd", "obviously", "so-called"). Picked by hand for the block classifier; counted once
/// per distinct entry in a line.
pub const EVALUATIVE: &[&str] = &[
    "absurd",
    "absurdity",
    "apparently",
    "astonishing",
    "astounding",
    "clearly",
    "disgraceful",
    "disgusting",
    "hypocrisy",
    "hypocritical",
    "idiotic",
    "insane",
    "it's clear",
    "it's pretty clear",
    "laughable",
    "let's hope",
    "makes sense",
    "needless to say",
    "no secret",
    "obviously",
    "of course",
    "outrageous",
    "pathetic",
    "pretty clear",
    "puppet",
    "ridiculous",
    "shameful",
    "shameless",
    "so-called",
    "stupid",
    "vassal",
];

/// Slang and profanity: the register of reader comments, not of reporting. Matched also inside
/// words ("errrr" in "errrrr"); a few carry their punctuation ("ya?", "gee,") because the bare
/// word is too common.
pub const INFORMAL: &[&str] = &[
    "asshole",
    "bullshit",
    "crap",
    "damn",
    "dude",
    "errrr",
    "gee,",
    "gonna",
    "gotta",
    "hell's",
    "imho",
    "lol",
    "man oh man",
    "omg",
    "pee pee",
    "smh",
    "somethin'",
    "twas",
    "wanna",
    "wtf",
    "ya?",
    "yeah",
];

/// The writer speaking as "I" or "we", outside quotes. The lone "i" is not listed: as a
/// substring pattern it would match inside most words, so the register counts it apart.
pub const FIRST_PERSON: &[&str] = &["i'm", "i've", "let's", "me", "my", "our", "us", "we", "we're", "we've"];

/// The writer speaking to the reader ("you"), outside quotes.
pub const SECOND_PERSON: &[&str] = &["ya", "you", "you're", "your"];
