//! Dates in text: the byte spans of date and time expressions, without their values (a later
//! timeline stage reads those). Three shapes:
//!
//! - [`weekday_dates`]: weekday, month, day, year, as wire photo captions date a picture
//!   ("Friday, May 2, 2014");
//! - [`stamps`]: runs of numbers, day and month names and time-stamp words
//!   ([`lexicon::STAMP_WORDS`]) that hold a digit and a day or month ("October 1, 2015",
//!   "1 October 2015", "Oct. 1", "14:02, Mon 15 Jul 2024", "Posted on Monday at 3 pm");
//! - [`iso_dates`], ISO 8601 calendar dates ("2015-10-01").
//!
//! All read lower-cased text (as [`lexicon::fold::fold`] writes it). The block cues' date checks
//! run [`weekday_dates`] and the stamp reader on every line of every article, so each starts with
//! a cheap guard and allocates nothing; [`date_spans`] gives every span, for the timeline stage.

use std::ops::Range;

use crate::lexicon;

/// Which shape a date expression has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    /// Weekday, month, day and year, as wire captions date a picture.
    WeekdayDate,
    /// A run of numbers and calendar or stamp words ("October 1, 2015", "14:02, Mon 15 Jul").
    Stamp,
    /// An ISO 8601 calendar date ("2015-10-01").
    Iso,
}

/// Every date expression of `lower`, by start (then by shape, so a weekday date and the stamp
/// run around it both appear).
pub fn date_spans(lower: &str) -> Vec<(DateKind, Range<usize>)> {
    let mut out: Vec<(DateKind, Range<usize>)> = weekday_dates(lower).map(|s| (DateKind::WeekdayDate, s)).collect();
    out.extend(stamps(lower).map(|s| (DateKind::Stamp, s)));
    out.extend(iso_dates(lower).map(|s| (DateKind::Iso, s)));
    out.sort_by_key(|(kind, span)| (span.start, *kind as u8));
    out
}

/// Byte offset of `part`, a slice of `whole`, in `whole`.
fn offset(whole: &str, part: &str) -> usize {
    part.as_ptr() as usize - whole.as_ptr() as usize
}

/// "friday, may 2, 2014": a weekday, a month as AP style writes it
/// ([`lexicon::AP_MONTHS`], "sept." or "september" both start with "sept"), a day of one or two
/// digits and a four-digit year, separated by spaces, commas and full stops.
pub fn weekday_dates(lower: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    // Every weekday ends in "day": a line without it holds none (the common case).
    let guarded = if lower.contains("day") { lower } else { "" };
    let mut window: [&str; 4] = [""; 4];
    guarded.split([' ', ',', '.']).filter(|t| !t.is_empty()).enumerate().filter_map(move |(seen, token)| {
        window = [window[1], window[2], window[3], token];
        let w = window;
        let is_date = seen >= 3
            && lexicon::WEEKDAYS.contains(&w[0])
            && lexicon::AP_MONTHS.iter().any(|m| w[1].starts_with(m))
            && w[2].len() <= 2
            && w[2].chars().all(|c| c.is_ascii_digit())
            && w[3].len() == 4
            && w[3].chars().all(|c| c.is_ascii_digit());
        is_date.then(|| offset(guarded, w[0])..offset(guarded, w[3]) + w[3].len())
    })
}

/// The tokens a stamp is read in: runs of letters, digits and dots.
fn stamp_tokens(lower: &str) -> impl Iterator<Item = &str> {
    lower.split(|c: char| !c.is_alphanumeric() && c != '.').filter(|t| !t.is_empty())
}

/// What one token can be in a stamp: `None` if it cannot stand in one, else whether it names a
/// day or month. Lenient by design, for short lines: "3rd", "15th" and "2024" are numbers, as
/// is anything of digits and the letters of ordinal suffixes ("th"); a month is any token of
/// three to nine letters starting like one ("oct", "october"); a day, "mon", "monday" or
/// "mon." (its dot stripped first).
fn stamp_token(token: &str) -> Option<bool> {
    let t = token.trim_end_matches('.');
    let is_number = t.chars().all(|c| c.is_ascii_digit())
        || t.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']).chars().all(|c| c.is_ascii_digit());
    let is_month = t.len() >= 3 && lexicon::starts_with_month_abbreviation(t) && t.len() <= 9;
    let is_day = t.len() >= 3
        && lexicon::starts_with_weekday_abbreviation(t)
        && (t.len() <= 3 || t.ends_with("day") || t.ends_with('.'));
    (is_number || is_month || is_day || lexicon::STAMP_WORDS.contains(&t)).then_some(is_month || is_day)
}

/// The span of `lower` when the whole of it is one date or time stamp of at most 14 tokens,
/// with a digit and a day or month: "wednesday 16 october 2024", "october 28, 2024 3:17 pm gmt
/// updated 2 hours ago", "14:02, mon 15 jul 2024". Reads no further than the first token that
/// cannot be in a stamp, or the fifteenth.
pub fn line_stamp(lower: &str) -> Option<Range<usize>> {
    let (mut count, mut dated, mut digit) = (0, false, false);
    let mut span: Option<Range<usize>> = None;
    for t in stamp_tokens(lower) {
        count += 1;
        if count > 14 {
            return None;
        }
        dated |= stamp_token(t)?;
        digit |= t.bytes().any(|b| b.is_ascii_digit());
        let at = offset(lower, t);
        span = Some(span.map_or(at, |s| s.start)..at + t.len());
    }
    span.filter(|_| dated && digit)
}

/// Runs of stamp tokens (numbers, days, months, [`lexicon::STAMP_WORDS`]) that hold a digit
/// and a day or month: "october 1, 2015", "1 october 2015", "oct. 1". Punctuation between the
/// tokens of a run is not read; a line break or a token that cannot be in a stamp ends it.
pub fn stamps(lower: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    // A stamp holds a digit: a text without one holds none.
    let guarded = if lower.bytes().any(|b| b.is_ascii_digit()) { lower } else { "" };
    let mut tokens = stamp_tokens(guarded).peekable();
    std::iter::from_fn(move || loop {
        let first = tokens.next()?;
        let Some(mut dated) = stamp_token(first) else { continue };
        let start = offset(guarded, first);
        let (mut end, mut digit) = (start + first.len(), first.bytes().any(|b| b.is_ascii_digit()));
        while let Some(&t) = tokens.peek() {
            let at = offset(guarded, t);
            let Some(d) = stamp_token(t).filter(|_| !guarded[end..at].contains('\n')) else { break };
            tokens.next();
            dated |= d;
            digit |= t.bytes().any(|b| b.is_ascii_digit());
            end = at + t.len();
        }
        if dated && digit {
            return Some(start..end);
        }
    })
}

/// ISO 8601 calendar dates: "2015-10-01" (four digits, two, two, not inside a longer number).
pub fn iso_dates(lower: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = lower.as_bytes();
    let digits = |r: Range<usize>| bytes.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    memchr::memchr_iter(b'-', bytes).filter_map(move |p| {
        let start = p.checked_sub(4)?;
        let end = p + 6;
        let is_date = digits(start..p)
            && bytes.get(p + 3) == Some(&b'-')
            && digits(p + 1..p + 3)
            && digits(p + 4..end)
            && !(start > 0 && bytes[start - 1].is_ascii_digit())
            && !bytes.get(end).is_some_and(u8::is_ascii_digit);
        is_date.then_some(start..end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lower: &str, spans: impl Iterator<Item = Range<usize>>) -> Vec<&str> {
        spans.map(|s| &lower[s]).collect()
    }

    #[test]
    fn weekday_dates_are_wire_caption_dates() {
        for (line, want) in [
            ("jane doe speaks in exeter, england, friday, may 2, 2014.", vec!["friday, may 2, 2014"]),
            (
                "taken on thursday, sept. 12, 2019 and sunday, dec 1, 2019",
                vec!["thursday, sept. 12, 2019", "sunday, dec 1, 2019"],
            ),
            ("monday, september 30, 2024", vec!["monday, september 30, 2024"]),
            ("monday, mar 3, 2014", vec![]),
            ("monday, may 2nd, 2014", vec![]),
            ("monday may 2 14", vec![]),
            ("the vote on friday drew 2,014 people", vec![]),
            ("no date here", vec![]),
        ] {
            assert_eq!(texts(line, weekday_dates(line)), want, "{line:?}");
        }
    }

    #[test]
    fn line_stamps_are_whole_lines_of_date_and_time() {
        for line in [
            "wednesday 16 october 2024",
            "october 28, 2024 3:17 pm gmt updated 2 hours ago",
            "14:02, mon 15 jul 2024",
            "published: 3 march 2021",
            "posted on tue. 4 june 2019 at 11 a.m.",
            "12th jan",
        ] {
            assert_eq!(line_stamp(line), Some(0..line.len()), "{line:?}");
        }
        for line in [
            "14:02",
            "updated 2 hours ago",
            "october",
            "the council met on 16 october 2024.",
            "1 2 3 4 5 6 7 8 9 10 11 12 13 14 jan",
            "",
            "monthly report 2024",
        ] {
            assert_eq!(line_stamp(line), None, "{line:?}");
        }
    }

    #[test]
    fn stamps_are_found_inside_text() {
        for (text, want) in [
            ("the talks opened on october 1, 2015 in geneva.", vec!["on october 1, 2015"]),
            ("signed 1 october 2015; ratified oct. 1 the next year", vec!["1 october 2015", "oct. 1 the"]),
            ("it rained on monday\n3 people", vec![]),
            ("shares fell 3% on monday", vec!["3% on monday"]),
            ("no digits on monday", vec![]),
        ] {
            assert_eq!(texts(text, stamps(text)), want, "{text:?}");
        }
    }

    #[test]
    fn iso_dates_are_four_two_two_digits() {
        for (text, want) in [
            ("filed 2015-10-01 and 2016-02-29.", vec!["2015-10-01", "2016-02-29"]),
            ("call 12015-10-01 or 2015-10-011", vec![]),
            ("2015-1-01, 15-10-01", vec![]),
        ] {
            assert_eq!(texts(text, iso_dates(text)), want, "{text:?}");
        }
    }

    #[test]
    fn all_shapes_come_back_in_order() {
        let text = "posted 2015-10-01. friday, may 2, 2014 photo";
        let kinds: Vec<DateKind> = date_spans(text).into_iter().map(|(k, _)| k).collect();
        assert_eq!(kinds, [DateKind::Stamp, DateKind::Iso, DateKind::WeekdayDate]);
    }

    /// The line checks as the block classifier wrote them before this reader, kept to show
    /// that the wrappers over it answer exactly as they did.
    mod before {
        pub fn has_weekday_full_date(lower: &str) -> bool {
            const DAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
            const MONTHS: [&str; 12] =
                ["jan", "feb", "march", "april", "may", "june", "july", "aug", "sept", "oct", "nov", "dec"];
            if !lower.contains("day") {
                return false;
            }
            let mut w: [&str; 4] = [""; 4];
            for (seen, token) in lower.split([' ', ',', '.']).filter(|t| !t.is_empty()).enumerate() {
                w = [w[1], w[2], w[3], token];
                if seen >= 3
                    && DAYS.contains(&w[0])
                    && MONTHS.iter().any(|m| w[1].starts_with(m))
                    && w[2].len() <= 2
                    && w[2].chars().all(|c| c.is_ascii_digit())
                    && w[3].len() == 4
                    && w[3].chars().all(|c| c.is_ascii_digit())
                {
                    return true;
                }
            }
            false
        }

        pub fn is_date_line(lower: &str) -> bool {
            const TIME_WORDS: &[&str] = &[
                "am",
                "pm",
                "a.m",
                "p.m",
                "gmt",
                "utc",
                "bst",
                "est",
                "edt",
                "pst",
                "pdt",
                "cet",
                "ist",
                "aest",
                "updated",
                "update",
                "ago",
                "hours",
                "hour",
                "minutes",
                "mins",
                "min",
                "published",
                "posted",
                "last",
                "on",
                "at",
                "the",
                "of",
            ];
            const MONTHS: &[&str] =
                &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
            const DAYS: &[&str] = &["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
            let tokens: Vec<&str> =
                lower.split(|c: char| !c.is_alphanumeric() && c != '.').filter(|t| !t.is_empty()).take(15).collect();
            if tokens.is_empty() || tokens.len() > 14 || !lower.chars().any(|c| c.is_ascii_digit()) {
                return false;
            }
            let mut dated = false;
            for t in &tokens {
                let t = t.trim_end_matches('.');
                let is_number = t.chars().all(|c| c.is_ascii_digit())
                    || t.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']).chars().all(|c| c.is_ascii_digit());
                let is_month = t.len() >= 3 && MONTHS.iter().any(|m| t.starts_with(m)) && t.len() <= 9;
                let is_day = t.len() >= 3
                    && DAYS.iter().any(|d| t.starts_with(d))
                    && (t.len() <= 3 || t.ends_with("day") || t.ends_with('.'));
                dated |= is_month || is_day;
                if !(is_number || is_month || is_day || TIME_WORDS.contains(&t)) {
                    return false;
                }
            }
            dated || tokens.iter().any(|t| t.contains(':'))
        }
    }

    #[test]
    fn the_line_checks_answer_as_before() {
        let pieces = [
            "monday",
            "friday",
            "mon.",
            "tue",
            "tuesdays",
            "may",
            "march",
            "mar",
            "sept.",
            "october",
            "octet",
            "jan",
            "2",
            "12",
            "2014",
            "1st",
            "th",
            "...",
            "3:17",
            "pm",
            "a.m.",
            "gmt",
            "updated",
            "the",
            "on",
            "said",
            "x",
            "é",
            "İ",
            "—",
            "day",
            "monthly",
            "friday, may 2, 2014",
            "sunday sept. 12 2019",
            "monday, mar 3, 2014",
        ];
        let separators = [" ", " ", ", ", ". ", ".", ":", "-", "/", "\n", "\u{a0}"];
        let mut next = crate::testing::xorshift(0x2545_f491_4f6c_dd1d);
        let (mut lines, mut weekday) = (0, 0);
        for _ in 0..50_000 {
            let mut text = String::new();
            for _ in 0..next(18) {
                text.push_str(pieces[next(pieces.len())]);
                text.push_str(separators[next(separators.len())]);
            }
            let is_line = line_stamp(&text).is_some();
            let has_weekday = weekday_dates(&text).next().is_some();
            assert_eq!(is_line, before::is_date_line(&text), "{text:?}");
            assert_eq!(has_weekday, before::has_weekday_full_date(&text), "{text:?}");
            lines += usize::from(is_line);
            weekday += usize::from(has_weekday);
        }
        assert!(lines > 500 && weekday > 50, "only {lines} stamp lines and {weekday} weekday dates drawn");
    }
}
