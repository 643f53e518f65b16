//! Titles: the offices, honorifics and abbreviations written before names. All lower case,
//! without final dots.

/// Nouns that name an office or job; a capitalised run that ends with one is a role, not a name
/// ("Foreign Minister" in "Foreign Minister Sergei Lavrov"). Also the office abbreviations
/// "mp", "dr", "fm" ("FM" is how headlines and wires write "foreign minister").
pub const TITLE_NOUNS: &[&str] = &[
    "activist",
    "admiral",
    "adviser",
    "advisor",
    "aide",
    "ambassador",
    "analyst",
    "attorney",
    "candidate",
    "captain",
    "ceo",
    "chair",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "coach",
    "colonel",
    "columnist",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "correspondent",
    "councillor",
    "councilman",
    "councilwoman",
    "counsel",
    "deputy",
    "director",
    "dr",
    "economist",
    "editor",
    "envoy",
    "executive",
    "expert",
    "fm",
    "founder",
    "general",
    "governor",
    "head",
    "inspector",
    "judge",
    "king",
    "lawmaker",
    "lawyer",
    "leader",
    "lieutenant",
    "major",
    "manager",
    "marshal",
    "mayor",
    "minister",
    "mp",
    "nominee",
    "officer",
    "official",
    "pope",
    "premier",
    "president",
    "prince",
    "princess",
    "professor",
    "prosecutor",
    "queen",
    "reporter",
    "representative",
    "researcher",
    "secretary",
    "senator",
    "sergeant",
    "sheriff",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "superintendent",
    "treasurer",
    "vice",
    "whip",
];

/// Honorifics directly before a person's name, abbreviated or not ("Mr", "Sir", "Gen"): the
/// entity rules read the capitalised words after one as a person.
pub const HONORIFICS: &[&str] = &[
    "adm", "capt", "col", "cpl", "dame", "dr", "gen", "gov", "lady", "lord", "lt", "maj", "miss", "mr", "mrs", "ms",
    "pres", "prof", "rep", "rev", "sen", "sgt", "sir",
];

/// Abbreviations after which a period never ends a sentence, for the sentence splitter: the
/// abbreviated titles before a name ("Mr.", "Gen.", "Sen."), which overlap [`HONORIFICS`] but
/// leave out its unabbreviated words ("sir", "lady"), and abbreviations before a number or a
/// word ("No. 5", "e.g.", "vs."). Kept apart from [`HONORIFICS`] because the two answer
/// different questions: which words precede a name, and which dots are not full stops.
pub const NON_TERMINAL_ABBREVIATIONS: &[&str] = &[
    "adm", "al", "amb", "approx", "art", "atty", "brig", "ca", "capt", "cf", "cmdr", "col", "cpl", "det", "dr", "e.g",
    "fig", "fr", "ft", "gen", "gov", "hon", "i.e", "insp", "lt", "maj", "messrs", "mr", "mrs", "ms", "mt", "no", "nos",
    "pp", "pres", "prof", "pvt", "rep", "reps", "rev", "sen", "sens", "sgt", "st", "supt", "v", "vol", "vs",
];

/// Abbreviations that may also end a sentence ("... the company's Inc. The next day"): a
/// period after one ends the sentence only when a typical opener follows. The calendar
/// abbreviations behave the same way and are in [`super::CALENDAR_ABBREVIATIONS`].
pub const AMBIGUOUS_ABBREVIATIONS: &[&str] = &[
    "assn", "ave", "blvd", "bros", "co", "corp", "dept", "est", "etc", "govt", "inc", "jr", "llc", "ltd", "rd", "sr",
    "univ",
];
