//! The line cue checks of block classification: each reads one line (with its lower-case form
//! and word count computed once, [`Line`]) and says whether it has one shape of page furniture
//! or article structure. Most run on every line, so they start with cheap tests. The long
//! phrase lists (caption marks, page-furniture openings) and the word lists are in
//! [`crate::lexicon`]; a check's own handful of markers stays inline beside it.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::Line;
use crate::lexicon;
use crate::text::dates;

/// "Sunni man wrote:", "Reply", "42 comments", "Join the discussion".
pub(super) fn is_comment_marker(line: &Line) -> bool {
    let lower = &line.lower;
    if let Some(pos) = lower.find(" wrote:") {
        return lower[..pos].split_whitespace().count() <= 5;
    }
    let short = line.words <= 5;
    short
        && (lower.ends_with(" comments")
            || lower.starts_with("comments (")
            || matches!(lower.trim_end_matches(':'), "comments" | "reader comments" | "reply" | "report abuse")
            || lower.starts_with("join the discussion")
            || lower.starts_with("join the conversation")
            || lower.starts_with("leave a comment")
            || lower.starts_with("add your comment"))
}

/// "Comment: ...", "Editor's note: ...", "Opinion: ...".
pub(super) fn is_editorial_marker(line: &Line) -> bool {
    [
        "comment:",
        "editor's note",
        "editors' note",
        "editor's comment",
        "opinion:",
        "our view:",
        "commentary:",
        "[editor",
    ]
    .iter()
    .any(|m| line.lower.starts_with(m))
}

/// An explicit caption or photo-credit mark ("Photograph:", "AP Photo", "Getty Images", "file
/// photo", "In this photo", "Pictured:") on a line of caption length: the rules' call on such
/// a line is not revisited.
pub(super) fn has_caption_mark(line: &Line) -> bool {
    line.words <= 60
        && (CAPTION_MARK_AUTOMATON.is_match(line.lower.as_str())
            || (line.words <= 40 && lexicon::CAPTION_STARTS.iter().any(|m| line.lower.starts_with(m))))
}

/// One automaton pass instead of a substring search per mark: this runs on every line.
static CAPTION_MARK_AUTOMATON: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(lexicon::CAPTION_MARKS).expect("valid patterns"));

/// Image captions and credits.
pub(super) fn is_caption(line: &Line) -> bool {
    let (lower, words) = (line.lower.as_str(), line.words);
    let bare = lower.trim_end_matches([':', '.']);
    if matches!(bare, "image" | "photo" | "video" | "photograph" | "picture" | "gallery" | "enlarge this image")
        || matches!(bare, "toggle caption" | "hide caption" | "caption" | "media caption" | "expand")
    {
        return true;
    }
    if line.text.contains('©') || CAPTION_MARK_AUTOMATON.is_match(lower) {
        return words <= 60;
    }
    // "1/6 Owner Priya Das ...": a gallery counter.
    let counter = lower.split_whitespace().next().is_some_and(|w| {
        w.split_once('/').is_some_and(|(a, b)| {
            !a.is_empty()
                && a.chars().all(|c| c.is_ascii_digit())
                && !b.is_empty()
                && b.chars().all(|c| c.is_ascii_digit())
        })
    });
    if counter || (lexicon::CAPTION_STARTS.iter().any(|m| lower.starts_with(m)) && words <= 40) {
        // "Image 1 of 6", "Photo by X for Y", "Pictured: ..."
        return true;
    }
    // A credit alone: "NASA/JPL-Caltech/MSSS", "Anja Feld/University of Bern".
    if words <= 6 && line.text.contains('/') && !line.text.contains("://") && !line.text.ends_with(['.', '?', '!']) {
        return true;
    }
    // Wire-photo style: "X speaks to the media outside Antrim police station, Friday, May 2, 2014."
    if words <= 60 && has_weekday_full_date(lower) && !lexicon::ATTRIBUTION_CUES.iter().any(|a| lower.contains(a)) {
        return true;
    }
    if words <= 45 && ends_with_parenthetical_credit(line.text) {
        return true;
    }
    // A short description ending in a credit: "... on Thursday. Jane Roe/AFP", "... (NOAA via AP)".
    let tail = lower.trim_end_matches([')', '.', ' ']);
    words <= 45
        && (["/ap", "/epa", "/afp", "/reuters", "/getty", "via ap", "courtesy of"].iter().any(|m| tail.ends_with(m))
            || lower.contains(" courtesy of ")
            || ends_with_credit(line.text))
}

/// "... at the terminal on Friday. (Ryan Moss/Canadian Wire)", "... a relief camp. (TNN)",
/// "... during a class. Source: Supplied": a sentence, then the picture's credit.
fn ends_with_parenthetical_credit(text: &str) -> bool {
    let t = text.trim_end();
    // Only the last few characters can say "supplied": lower-case those, not the whole line.
    let from = (t.len().saturating_sub(16)..=t.len()).find(|&i| t.is_char_boundary(i)).unwrap_or(t.len());
    let tail = t[from..].to_ascii_lowercase();
    if tail.ends_with("source: supplied")
        || tail.ends_with(". supplied")
        || tail.ends_with(" supplied") && t.len() < 200
    {
        return true;
    }
    let Some(body) = t.strip_suffix(')') else { return false };
    let Some(open) = body.rfind('(') else { return false };
    let (before, credit) = (body[..open].trim_end(), &body[open + 1..]);
    let credit_words: Vec<&str> = credit.split_whitespace().collect();
    if before.is_empty() || credit_words.is_empty() || credit_words.len() > 7 {
        return false;
    }
    let cl = credit.to_lowercase();
    let marked = credit.contains('/') || cl.contains("photo") || cl.contains("image") || credit.contains(':');
    let names = credit_words.iter().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()));
    // A full stop before the credit, or a credit that says what it is.
    (before.ends_with('.') && (marked || names)) || (marked && names)
}

/// "... on Monday. Helen Park/Daily Camera" or "... Saturday night. Staff Photo By Josh Kemper":
/// after the last full stop, a short run of capitalised words with a slash or "photo" ("Staff
/// photo by ..." in sentence case is left to [`is_caption`]'s "staff photo" mark).
fn ends_with_credit(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['.', ' ']);
    let Some(pos) = trimmed.rfind(". ") else { return false };
    let credit = &trimmed[pos + 2..];
    let words: Vec<&str> = credit.split_whitespace().collect();
    (1..=6).contains(&words.len())
        && (credit.contains('/') || credit.to_lowercase().contains("photo"))
        && words.iter().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '/'))
}

/// "© 2024 The Herald Ltd", "Copyright 2023 ...": the site's notice, not a photo credit.
pub(super) fn is_copyright(line: &Line) -> bool {
    let lower = line.lower.as_str();
    let has_year = || {
        lower.split(|c: char| !c.is_ascii_digit()).any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")))
    };
    (lower.contains('©') || lower.starts_with("copyright"))
        && !lower.contains('/')
        && !lower.contains("photo")
        && (has_year()
            || ["ltd", "limited", "group", "inc", "media", "rights reserved", "terms", "privacy"]
                .iter()
                .any(|w| lower.contains(w)))
}

/// Link lists, bylines, timestamps, section paths, share buttons and other page furniture.
pub(super) fn is_boilerplate(line: &Line) -> bool {
    let trimmed = line.text.trim();
    let (lower, words) = (line.lower.as_str(), line.words);
    // "[The Guardian] [BBC]": nothing but bracketed items; "More from X: [a] [b]" likewise.
    let after_label = trimmed.split_once(": [").map_or(trimmed, |(_, r)| r);
    if after_label.ends_with(']') {
        let outside: String = after_label.split(']').map(|p| p.split('[').next().unwrap_or("")).collect();
        if outside.trim().is_empty() {
            return true;
        }
    }
    // "Home | World | Politics", "Books | Interviews": short segments between pipes.
    if trimmed.contains('|') {
        let segments: Vec<&str> = trimmed.split('|').map(str::trim).filter(|p| !p.is_empty()).collect();
        if segments.len() >= 2 && segments.iter().all(|s| s.split_whitespace().count() <= 4) && !trimmed.ends_with('.')
        {
            return true;
        }
        if segments.len() >= 4 {
            return true;
        }
    }
    // A note in brackets opens the same way: "(This story has been updated …)", "[Click here …]".
    let opening = lower.trim_start_matches(['(', '[']);
    if words <= 25 && lexicon::FURNITURE_STARTS.iter().any(|c| opening.starts_with(c)) {
        return !opening.starts_with("by ") || words <= 10;
    }
    if lower.contains("all rights reserved") || lower.contains("we use cookies") {
        return true;
    }
    // Credits and notes about the writer: "X contributed to this report", "(Reporting by ...)",
    // "Jane Roe is a columnist and ...".
    if words <= 40
        && ["contributed to this report", "(reporting by", "lightly edited", "views expressed"]
            .iter()
            .any(|m| lower.contains(m))
    {
        return true;
    }
    if words <= 30
        && ["is a columnist", "is a reporter", "is a correspondent", "is a freelance", "is an editor", "is a writer"]
            .iter()
            .any(|m| lower.contains(m))
        && !lower.contains('"')
        && !lower.contains('“')
    {
        return true;
    }
    // Breadcrumbs and section paths: "Home › News › Crime", "Arts & Culture / Theatre".
    for sep in ['›', '>', '»'].into_iter().filter(|&sep| trimmed.contains(sep)) {
        let parts: Vec<&str> = trimmed.split(sep).map(str::trim).filter(|p| !p.is_empty()).collect();
        if parts.len() >= 2 && parts.iter().all(|p| p.split_whitespace().count() <= 4) && !trimmed.ends_with('.') {
            return true;
        }
    }
    let slash_parts: Vec<&str> =
        if trimmed.contains(" / ") { trimmed.split(" / ").map(str::trim).collect() } else { Vec::new() };
    if slash_parts.len() >= 2
        && slash_parts.iter().all(|p| (1..=4).contains(&p.split_whitespace().count()))
        && !trimmed.ends_with('.')
    {
        return true;
    }
    if is_date_line(lower) {
        return true;
    }
    // Newsletter and subscription prompts anywhere in a short line.
    if words <= 15 && ["newsletter", "subscribe", "unsubscribe", "sign up for"].iter().any(|m| lower.contains(m)) {
        return true;
    }
    // "Posted: Monday ... Updated: ..." timestamps; "(Read a review of ...)" cross-links.
    if (lower.contains("posted:") || lower.contains("published:")) && lower.contains("updated") {
        return true;
    }
    if ["(read ", "(see ", "(click ", "(watch ", "(related"].iter().any(|m| lower.starts_with(m)) && words <= 20 {
        return true;
    }
    // "Email letters@paper.co.uk", "Send your pictures to photos@...".
    if words <= 15 && trimmed.split_whitespace().any(|w| w.contains('@') && w.contains('.') && !w.starts_with('@')) {
        return true;
    }
    // "Our science team brings you the week's best stories every Friday." style promos.
    if words <= 20 && (lower.starts_with("our ") || lower.starts_with("get ")) && lower.contains("every ") {
        return true;
    }
    false
}

/// "Friday, May 2, 2014" (weekday, month, day, year): how wire photo captions date a picture.
fn has_weekday_full_date(lower: &str) -> bool {
    dates::weekday_dates(lower).next().is_some()
}

/// A line that is only a date or time stamp: "Wednesday 16 October 2024", "October 28, 2024 3:17
/// PM GMT Updated 2 hours ago", "14:02, Mon 15 Jul 2024".
fn is_date_line(lower: &str) -> bool {
    dates::line_stamp(lower).is_some()
}

/// "From the archive", "Originally published ...": a note that an older article follows.
pub(super) fn is_archive_marker(line: &Line) -> bool {
    ["from the archive", "originally published", "this article first appeared", "first published in"]
        .iter()
        .any(|m| line.lower.starts_with(m))
}

/// "WASHINGTON — ...", "MOSCOW (Reuters) - ...", "LONDON, Oct. 1 (AP) — ...".
pub(super) fn has_dateline(line: &str) -> bool {
    dateline_len(line).is_some()
}

/// Length in bytes of a dateline opening `line` ("CALDERFORD — "), dash and space included.
pub fn dateline_len(line: &str) -> Option<usize> {
    // The place opens the line, so its letters are the line's first letters: if one of the
    // first three is not a capital, there is no dateline (the common case, checked cheaply).
    if !line.chars().filter(|c| c.is_alphabetic()).take(3).all(char::is_uppercase) {
        return None;
    }
    let head_end = line.char_indices().nth(60).map_or(line.len(), |(i, _)| i);
    let head = &line[..head_end];
    let (pos, dash_len) = [("—", 3), ("–", 3), (" - ", 3), ("--", 2)]
        .iter()
        .filter_map(|(d, len)| head.find(d).map(|p| (p, *len)))
        .min_by_key(|&(p, _)| p)?;
    let place = head[..pos].trim();
    let place = place.split(['(', ',']).next().unwrap_or("").trim();
    let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
    // "FILE - In this 2012 file photo, ...": the wire services' label on an archive photo's
    // caption, shaped like a dateline but naming no place.
    let is_dateline = letters.len() >= 3
        && letters.iter().all(|c| c.is_uppercase())
        && place.split_whitespace().count() <= 4
        && place != "FILE";
    is_dateline.then(|| {
        let after = pos + dash_len;
        after + (line[after..].len() - line[after..].trim_start().len())
    })
}

/// A short line without final punctuation: a headline or section label.
pub(super) fn is_headline_like(line: &str) -> bool {
    let words = line.split_whitespace().take(16).count();
    words <= 15 && !line.trim_end().ends_with(['.', '!', '?', ':', '"', '”'])
}

/// "Question: ...", "Q: ...", "Q. ...", "Vladimir Putin: ...", "SEN. MARLOW: ...", "PM: ..."
/// (a transcript turn): a short label of capitalised words, a colon, then speech.
pub(super) fn is_speaker_label(line: &str) -> bool {
    let (label, rest) = match line.find(": ") {
        Some(pos) => (&line[..pos], &line[pos + 2..]),
        None => match line.split_once(". ") {
            Some((l @ ("Q" | "A"), r)) => (l, r),
            _ => return false,
        },
    };
    if matches!(label.to_lowercase().as_str(), "q" | "a" | "question" | "answer") {
        return true;
    }
    let words: Vec<&str> = label.split_whitespace().collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(|c| c.is_uppercase());
    let all_caps = label.chars().any(char::is_alphabetic) && !label.chars().any(char::is_lowercase);
    (1..=4).contains(&words.len())
        && label.len() <= 32
        && words.iter().all(capitalised)
        && !label.contains(['"', '“', '|', '(', ','])
        && (all_caps || words.len() >= 2 || rest.split_whitespace().count() >= 6)
        && rest.split_whitespace().count() >= 3
        // "Warning: ..." or "Update: ..." are notes, not speakers.
        && !matches!(label.to_lowercase().as_str(), "warning" | "update" | "note" | "updated" | "correction" | "watch" | "listen" | "read" | "related" | "topics" | "tags" | "source" | "photo" | "image" | "video")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks `check` on each line of `yes` (must match) and `no` (must not).
    fn table(name: &str, check: impl Fn(&Line) -> bool, yes: &[&str], no: &[&str]) {
        for text in yes {
            assert!(check(&Line::new(text)), "{name} should match {text:?}");
        }
        for text in no {
            assert!(!check(&Line::new(text)), "{name} should not match {text:?}");
        }
    }

    #[test]
    fn comment_markers() {
        table(
            "is_comment_marker",
            is_comment_marker,
            &[
                "Sunni man wrote:",
                "Harbour fan wrote: They should have done this years ago.",
                "Reply",
                "42 comments",
                "Comments (17)",
                "Reader comments:",
                "Report abuse",
                "Join the discussion",
                "Leave a comment below",
            ],
            &[
                "The planning officer for the county council wrote: the bridge must close.",
                "The council received 300 comments on the plan before the vote on Tuesday.",
                "Residents were invited to join the discussion at the town hall on Monday evening, officials said.",
                "Comment is free, but facts are sacred.",
            ],
        );
    }

    #[test]
    fn editorial_markers() {
        table(
            "is_editorial_marker",
            is_editorial_marker,
            &[
                "Comment: Anyone can see what this is really about.",
                "Editor's note: This story has been corrected.",
                "Editors' Note: An earlier version misspelled a name.",
                "Opinion: The council got this one wrong",
                "Our view: Fund the bridge repairs now",
                "[Editor's note: the interview was translated from Spanish.]",
            ],
            &["The editor's note was removed from the website on Friday.", "Opinions differ on the bridge plan."],
        );
    }

    #[test]
    fn captions() {
        table(
            "is_caption",
            is_caption,
            &[
                "Image",
                "Toggle caption",
                "Delegates arrive at the venue. Photograph: Jane Roe/AFP",
                "© Agency/John Doe",
                "A firefighter at the scene on Tuesday. (AP Photo/Sam Lee)",
                "In this file photo, the bridge is seen from the east bank.",
                "1/6 The new terminal building seen from the runway",
                "NASA/JPL-Caltech/MSSS",
                "Jane Doe speaks to reporters outside the town hall in Exeter, England, Friday, May 2, 2014.",
                "Volunteers fill sandbags at the depot on Friday. (Ryan Moss/Canadian Wire)",
                "Pupils during a class at the new school. Source: Supplied",
                "Crowds gather at the harbour on Monday. Helen Park/Daily Camera",
                "The storm approaches the coast (NOAA via AP)",
            ],
            &[
                "The bridge reopened on Friday after checks by engineers, the council said.",
                "Jane Doe said on Friday, May 2, 2014, that the bridge would reopen.",
                "Photographs of the damage were shared widely online, the mayor said on Tuesday.",
                "The ministry said it would publish the figures in the spring, after the audit.",
            ],
        );
    }

    #[test]
    fn parenthetical_credits() {
        for (text, want) in [
            ("Volunteers fill sandbags at the depot on Friday. (Ryan Moss/Canadian Wire)", true),
            ("Families wait at a relief camp. (TNN)", true),
            ("Pupils during a class. Source: Supplied", true),
            ("The bridge is seen from the east bank (Photo: Council)", true),
            ("The ministry said the plan was final (a claim others dispute)", false),
            ("Shares rose 3% (the most in a year).", false),
            ("No parenthesis here.", false),
        ] {
            assert_eq!(ends_with_parenthetical_credit(text), want, "{text:?}");
        }
    }

    #[test]
    fn trailing_credits() {
        for (text, want) in [
            ("Crowds gather at the harbour on Monday. Helen Park/Daily Camera", true),
            ("Fans cheer the team on Saturday night. Staff Photo By Josh Kemper", true),
            ("Fans cheer the team on Saturday night. Staff photo by Josh Kemper", false),
            ("The vote was close. Turnout was 41/100 in some wards, officials said.", false),
            ("The bridge reopened on Friday.", false),
        ] {
            assert_eq!(ends_with_credit(text), want, "{text:?}");
        }
    }

    #[test]
    fn weekday_dates_of_wire_captions() {
        for (lower, want) in [
            ("jane doe speaks in exeter, england, friday, may 2, 2014.", true),
            ("taken thursday, sept. 12, 2019", true),
            ("the vote is on friday, with results by may 2", false),
            ("friday, mar 2, 2014", false),
        ] {
            assert_eq!(has_weekday_full_date(lower), want, "{lower:?}");
        }
    }

    #[test]
    fn copyright_notices() {
        table(
            "is_copyright",
            is_copyright,
            &[
                "© 2024 The Herald Ltd",
                "Copyright 2023 Valley News Group. All rights reserved.",
                "© Harbour Media",
                "Copyright © Northern Press Limited",
            ],
            &[
                "© Agency/John Doe",
                "© Photo: Jane Roe",
                "Copyright holders sued the site on Tuesday.",
                "The band won the copyright case in 2019.",
            ],
        );
    }

    #[test]
    fn boilerplate() {
        table(
            "is_boilerplate",
            is_boilerplate,
            &[
                "[The Guardian] [BBC] [Reuters]",
                "More from Politics: [Budget vote delayed] [Mayor resigns]",
                "Home | World | Politics",
                "Home › News › Crime",
                "Arts & Culture / Theatre",
                "Share this article",
                "Read more: Bridge closures across the county",
                "By Jane Roe, Transport Correspondent",
                "Advertisement",
                "Wednesday 16 October 2024",
                "October 28, 2024 3:17 PM GMT Updated 2 hours ago",
                "14:02, Mon 15 Jul 2024",
                "Posted: Monday, June 23, 2014 11:03 PM EDT Updated: Monday, June 23, 2014",
                "Jane Roe contributed to this report.",
                "(Reporting by Jane Roe; Editing by John Doe)",
                "Jane Roe is a columnist and the author of two books on cities.",
                "(Read our guide to the city's bridges.)",
                "Email letters@valleynews.example",
                "Our science team brings you the week's best stories every Friday.",
                "Sign up for our morning newsletter",
                "All rights reserved. Terms of use apply to all content on this page and elsewhere.",
            ],
            &[
                "The bridge reopened on Friday after checks by engineers, the council said.",
                "By Tuesday, the river had fallen by two metres, officials said.",
                "Prices fell 3% on Monday after the results were published in London.",
                "The council met on 16 October 2024 to discuss the repairs.",
                "Jane Roe, a reporter for the Herald, said she was \"surprised\" by the decision.",
                "The vote was 7 to 2.",
            ],
        );
    }

    #[test]
    fn date_lines() {
        for (lower, want) in [
            ("wednesday 16 october 2024", true),
            ("october 28, 2024 3:17 pm gmt updated 2 hours ago", true),
            ("14:02, mon 15 jul 2024", true),
            ("updated 2 hours ago", false),
            ("14:02", false),
            ("the council met on 16 october 2024 to discuss the repairs.", false),
        ] {
            assert_eq!(is_date_line(lower), want, "{lower:?}");
        }
    }

    #[test]
    fn archive_markers() {
        table(
            "is_archive_marker",
            is_archive_marker,
            &[
                "From the archive: the bridge in 1952",
                "Originally published in 2009.",
                "This article first appeared in print.",
            ],
            &["The archive was opened to the public on Friday.", "The report, first published in May, was revised."],
        );
    }

    #[test]
    fn datelines() {
        for (line, want) in [
            ("WASHINGTON — The Senate voted on Tuesday.", true),
            ("MOSCOW (Reuters) - Talks began.", true),
            ("LONDON, Oct. 1 (AP) — Prices rose.", true),
            ("NEW YORK -- Markets fell.", true),
            ("The UN — and others — met.", false),
            ("UN officials — and others — met.", false),
            ("Washington — The Senate voted.", false),
            ("No dash at all.", false),
            ("FILE - In this 2019 file photo, the mayor speaks in Calderford.", false),
        ] {
            assert_eq!(has_dateline(line), want, "{line:?}");
        }
    }

    #[test]
    fn datelines_are_measured_to_the_text_after_the_dash() {
        let line = "CALDERFORD — The bridge closed.";
        assert_eq!(&line[dateline_len(line).unwrap()..], "The bridge closed.");
        assert_eq!(dateline_len("MOSCOW (Reuters) - Talks began."), Some(19));
        assert_eq!(dateline_len("The UN — and others — met."), None);
    }

    #[test]
    fn headline_like_lines() {
        for (line, want) in [
            ("Plant Owners Seek a Buyer", true),
            ("Business", true),
            ("Bridge closes after flood: what we know", true),
            ("The bridge closed on Friday.", false),
            ("Will the bridge reopen?", false),
            (
                "Residents asked the council why the bridge on the main road into town had been closed for so long",
                false,
            ),
            ("\"We will rebuild it,\" the mayor said", true),
            ("\"We will rebuild it\"", false),
        ] {
            assert_eq!(is_headline_like(line), want, "{line:?}");
        }
    }

    #[test]
    fn speaker_labels() {
        for (line, want) in [
            ("Question: What is your view of the proposed coalition?", true),
            ("Q: Will the bridge reopen this year?", true),
            ("Q. Will the bridge reopen this year?", true),
            ("A: We expect it to reopen in the spring.", true),
            ("Jane Minister: We are working on it with our partners.", true),
            ("SEN. MARLOW: I yield the rest of my time.", true),
            ("PM: We will not raise taxes.", true),
            ("Warning: The following video contains scenes some viewers may find distressing.", false),
            ("Update: The road has reopened to traffic.", false),
            ("The mayor said: \"We will rebuild it.\"", false),
            ("Jane Minister: Yes.", false),
            ("Prices: up.", false),
        ] {
            assert_eq!(is_speaker_label(line), want, "{line:?}");
        }
    }
}
