//! Calendar words: the names of days and months and their abbreviations, and the words of a
//! time stamp. The one place they are spelled; everything that reads dates derives from here.
//! Lower case.

/// The days of the week, in calendar order (Monday first, as ISO 8601 counts them): the order
/// is the day's number, so it is not sorted.
pub const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// The months, in calendar order: a month's index is its number less one, so it is not sorted.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Days then months ([`WEEKDAYS`] then [`MONTHS`], in calendar order): capitalised, never the
/// names of actors, and words that end a speaker phrase ("said Peskov Thursday").
pub const CALENDAR: &[&str] = &concat_calendar();

const fn concat_calendar() -> [&'static str; 19] {
    let mut out = [""; 19];
    let mut i = 0;
    while i < WEEKDAYS.len() {
        out[i] = WEEKDAYS[i];
        i += 1;
    }
    while i < out.len() {
        out[i] = MONTHS[i - WEEKDAYS.len()];
        i += 1;
    }
    out
}

/// Months as Associated Press style writes them beside a date, in calendar order: "Jan.",
/// "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec." abbreviated, March to July in full. Wire
/// photo captions date a picture this way ("Friday, May 2, 2014"); a token starting with one of
/// these is a month there. The index is the month's number less one, so it is not sorted.
pub const AP_MONTHS: &[&str] =
    &["jan", "feb", "march", "april", "may", "june", "july", "aug", "sept", "oct", "nov", "dec"];

/// Whether `token` starts with the first three letters of a month ("oct", "october", "octet":
/// a lenient test, for lines already known to be short stamps).
pub fn starts_with_month_abbreviation(token: &str) -> bool {
    MONTHS.iter().any(|m| token.starts_with(&m[..3]))
}

/// Whether `token` starts with the first three letters of a day ("mon", "monday").
pub fn starts_with_weekday_abbreviation(token: &str) -> bool {
    WEEKDAYS.iter().any(|d| token.starts_with(&d[..3]))
}

/// Abbreviations of days and months that take a period ("Oct.", "Tues.", "Sept."): like other
/// ambiguous abbreviations, a period after one ends a sentence only before a typical opener
/// ("on Oct. 3. It rained" splits, "Oct. 3" does not). "May" is a word and takes no period.
pub const CALENDAR_ABBREVIATIONS: &[&str] = &[
    "apr", "aug", "dec", "feb", "fri", "jan", "jul", "jun", "mar", "mon", "nov", "oct", "sat", "sep", "sept", "sun",
    "thu", "thur", "thurs", "tue", "tues", "wed",
];

/// Words that may stand in a date or time stamp besides numbers, days and months ("October 28,
/// 2024 3:17 PM GMT Updated 2 hours ago"): clock marks, time zones, "updated"/"posted" and the
/// small words between them. A line of nothing else is a stamp (`text::dates`).
pub const STAMP_WORDS: &[&str] = &[
    "a.m",
    "aest",
    "ago",
    "am",
    "at",
    "bst",
    "cet",
    "edt",
    "est",
    "gmt",
    "hour",
    "hours",
    "ist",
    "last",
    "min",
    "mins",
    "minutes",
    "of",
    "on",
    "p.m",
    "pdt",
    "pm",
    "posted",
    "pst",
    "published",
    "the",
    "update",
    "updated",
    "utc",
];
