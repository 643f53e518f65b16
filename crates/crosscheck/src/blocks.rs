//! Block classification: which parts of an article are reporting, and which are captions,
//! reader comments, editorial asides, link lists or an older article pasted in.
//!
//! Each non-empty line is one block. Cues are ones that generalise across outlets: markers
//! ("Comment:", "wrote:", "Photograph:", "©"), datelines, speaker labels, link-list shape,
//! and the register of the line (first and second person outside quotes, evaluative words,
//! slang, trailing ellipses). Context matters too: after a comment-section marker, lines are
//! reader comments unless an article (a dateline) starts again.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use serde::{Deserialize, Serialize};

/// What a block of an article is. Only `Body` and `QuoteBlock` feed the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Body,
    QuoteBlock,
    Editorial,
    Caption,
    ReaderComment,
    Boilerplate,
    EmbeddedArticle,
}

impl BlockKind {
    /// Whether sentences of this kind may be used as statements of the story.
    pub fn is_reporting(self) -> bool {
        matches!(self, BlockKind::Body | BlockKind::QuoteBlock)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Body => "body",
            BlockKind::QuoteBlock => "quote_block",
            BlockKind::Editorial => "editorial",
            BlockKind::Caption => "caption",
            BlockKind::ReaderComment => "reader_comment",
            BlockKind::Boilerplate => "boilerplate",
            BlockKind::EmbeddedArticle => "embedded_article",
        }
    }
}

/// A classified span of an article's text (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Range<usize>,
}

/// Where in the article the classifier is: regions change the default kind of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Region {
    Article,
    Transcript,
    Comments,
    Embedded { then_comments: bool },
}

/// Splits `text` into line blocks and classifies each.
pub fn classify_blocks(text: &str) -> Vec<Block> {
    classify_blocks_with_cues(text).0
}

/// As [`classify_blocks`], with each block's cue occurrences where its register was read
/// without quotation marks, so the sentences' registers need no second scan
/// ([`LineCues::registers`]).
pub(crate) fn classify_blocks_with_cues(text: &str) -> (Vec<Block>, Vec<Option<LineCues>>) {
    let lines = line_spans(text);
    let total = text.len().max(1);
    let mut blocks: Vec<Block> = Vec::with_capacity(lines.len());
    let mut cues = Vec::with_capacity(lines.len());
    let mut region = Region::Article;
    for (idx, span) in lines.iter().enumerate() {
        let line = &text[span.clone()];
        let late = span.start * 10 >= total * 6;
        let (kind, line_cues) = classify_line(line, idx, late, &mut region, &mut blocks, text);
        blocks.push(Block { kind, span: span.clone() });
        cues.push(line_cues);
    }
    (blocks, cues)
}

fn line_spans(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let lead = line.len() - line.trim_start().len();
            out.push(pos + lead..pos + lead + trimmed.len());
        }
        pos += line.len();
    }
    out
}

/// A line with what every cue needs computed once: its lower-case form (apostrophes
/// normalised) and its word count.
struct Line<'a> {
    text: &'a str,
    lower: String,
    words: usize,
}

impl<'a> Line<'a> {
    fn new(text: &'a str) -> Line<'a> {
        let lower = if text.is_ascii() {
            text.to_ascii_lowercase()
        } else if text.contains('Σ') {
            // Only a capital sigma lower-cases differently by position in a word.
            text.to_lowercase().replace('’', "'")
        } else {
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
        };
        Line { text, lower, words: crate::text::word_count(text) }
    }
}

fn classify_line(
    text_line: &str,
    idx: usize,
    late: bool,
    region: &mut Region,
    done: &mut [Block],
    text: &str,
) -> (BlockKind, Option<LineCues>) {
    use BlockKind::*;
    // Lines settled before their register is read carry no cue occurrences.
    let early = |k: BlockKind| (k, None);
    let line = Line::new(text_line);
    if is_comment_marker(&line) {
        *region = Region::Comments;
        return early(ReaderComment);
    }
    if is_editorial_marker(&line) {
        return early(Editorial);
    }
    let dateline = has_dateline(text_line);
    if is_copyright(&line) || is_boilerplate(&line) {
        return early(Boilerplate);
    }
    if !dateline && is_caption(&line) {
        return early(Caption);
    }
    // A dateline below some reporting starts another article pasted in; one before any
    // reporting (after a nav bar, byline or photo) is the article's own.
    let archive_marker =
        ["from the archive", "originally published", "this article first appeared", "first published in"]
            .iter()
            .any(|m| line.lower.starts_with(m));
    // Checked only for the rare dateline or marker line, so a long page costs no scan per line.
    let reported = || {
        done.iter().any(|b| {
            matches!(b.kind, Body | QuoteBlock | ReaderComment | EmbeddedArticle | Editorial)
                && text[b.span.clone()].split_whitespace().nth(11).is_some()
        })
    };
    if (dateline || archive_marker) && reported() {
        // An article starting again below the first lines is an older or related one pasted in;
        // its headline and section label just above belong to it.
        let then_comments = *region == Region::Comments;
        for block in done.iter_mut().rev().take(3) {
            let prev = &text[block.span.clone()];
            if is_headline_like(prev) && block.kind != Caption {
                block.kind = EmbeddedArticle;
            } else {
                break;
            }
        }
        *region = Region::Embedded { then_comments };
        return early(EmbeddedArticle);
    }
    // A short unpunctuated line inside the page: a related link, a section label, a date,
    // a button. (The first line is the headline; a headline right above a pasted article's
    // dateline is re-marked when the dateline is reached.)
    if idx > 0
        && *region == Region::Article
        && line.words <= 8
        && is_headline_like(text_line)
        && !is_speaker_label(text_line)
    {
        return early(Boilerplate);
    }
    if idx > 0 && is_speaker_label(text_line) {
        *region = Region::Transcript;
        return early(QuoteBlock);
    }
    let (register, hits) = Register::of_line(&line);
    let cues = hits.map(|hits| LineCues { lower: line.lower, hits });
    let kind = match *region {
        Region::Comments => ReaderComment,
        Region::Embedded { then_comments } => {
            if register.is_personal() || register.informal > 0 {
                *region = if then_comments { Region::Comments } else { Region::Article };
                if then_comments || late {
                    *region = Region::Comments;
                    return (ReaderComment, cues);
                }
                return (Editorial, cues);
            }
            EmbeddedArticle
        }
        Region::Transcript if register.first_person > 0 || register.second_person > 0 => QuoteBlock,
        _ => {
            *region = Region::Article;
            if register.informal > 0 && late {
                *region = Region::Comments;
                ReaderComment
            } else if register.is_strong_opinion() || (line.words <= 35 && register.is_opinion()) {
                // A long paragraph with one stance word is still reporting; a short aside is not.
                Editorial
            } else {
                Body
            }
        }
    };
    (kind, cues)
}

/// "Sunni man wrote:", "Reply", "42 comments", "Join the discussion".
fn is_comment_marker(line: &Line) -> bool {
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
fn is_editorial_marker(line: &Line) -> bool {
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

/// Image captions and credits.
fn is_caption(line: &Line) -> bool {
    let (lower, words) = (line.lower.as_str(), line.words);
    let bare = lower.trim_end_matches([':', '.']);
    if matches!(bare, "image" | "photo" | "video" | "photograph" | "picture" | "gallery" | "enlarge this image")
        || matches!(bare, "toggle caption" | "hide caption" | "caption" | "media caption" | "expand")
    {
        return true;
    }
    const ANYWHERE: &[&str] = &[
        "photograph:",
        "photo:",
        "image:",
        "picture:",
        "caption:",
        "credit:",
        "photo credit",
        "image credit",
        "image copyright",
        "photo courtesy",
        "courtesy photo",
        "(photo",
        "getty images",
        "/getty",
        "ap photo",
        "illustration:",
        "photo illustration",
        "staff photo",
        "file photo",
        "hide caption",
        "toggle caption",
        "(pa wire",
        "pa wire/",
        "reuters/",
        "afp/",
        "epa/",
        "/afp",
        "/epa",
        "/reuters",
        "/ap)",
        "via ap)",
        "(ap)",
        "photographer:",
    ];
    // One automaton pass instead of a substring search per mark: this runs on every line.
    static MARKS: LazyLock<AhoCorasick> = LazyLock::new(|| AhoCorasick::new(ANYWHERE).expect("valid patterns"));
    if line.text.contains('©') || MARKS.is_match(lower) {
        return words <= 60;
    }
    const STARTS: &[&str] = &[
        "in this image",
        "in this photo",
        "in this file photo",
        "in this picture",
        "in this undated",
        "file photo",
        "pictured:",
        "above:",
        "top:",
        "main image:",
        "image ",
        "photo by ",
        "photos by ",
        "photos:",
        "video:",
        "watch:",
        "courtesy of ",
        "media caption",
        "video by ",
    ];
    // "1/6 Owner Priya Das ...": a gallery counter.
    let counter = lower.split_whitespace().next().is_some_and(|w| {
        w.split_once('/').is_some_and(|(a, b)| {
            !a.is_empty()
                && a.chars().all(|c| c.is_ascii_digit())
                && !b.is_empty()
                && b.chars().all(|c| c.is_ascii_digit())
        })
    });
    if counter || (STARTS.iter().any(|m| lower.starts_with(m)) && words <= 40) {
        // "Image 1 of 6", "Photo by X for Y", "Pictured: ..."
        return true;
    }
    // A credit alone: "NASA/JPL-Caltech/MSSS", "Anja Feld/University of Bern".
    if words <= 6 && line.text.contains('/') && !line.text.contains("://") && !line.text.ends_with(['.', '?', '!']) {
        return true;
    }
    // Wire-photo style: "X speaks to the media outside Antrim police station, Friday, May 2, 2014."
    if words <= 60 && has_weekday_full_date(lower) && !ATTRIBUTION.iter().any(|a| lower.contains(a)) {
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

/// "Friday, May 2, 2014" (weekday, month, day, year): how wire photo captions date a picture.
fn has_weekday_full_date(lower: &str) -> bool {
    const DAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    const MONTHS: [&str; 12] =
        ["jan", "feb", "march", "april", "may", "june", "july", "aug", "sept", "oct", "nov", "dec"];
    if !lower.contains("day") {
        return false;
    }
    // A sliding window of four tokens, without collecting the line's tokens.
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

/// "... on Monday. Helen Park/Daily Camera" or "... Saturday night. Staff photo by Josh Kemper":
/// after the last full stop, a short run of capitalised words with a slash or "photo by".
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
fn is_copyright(line: &Line) -> bool {
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
fn is_boilerplate(line: &Line) -> bool {
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
    const SHORT_STARTS: &[&str] = &[
        "share",
        "tweet",
        "click here",
        "read more",
        "related",
        "advertisement",
        "subscribe",
        "sign up",
        "sign in",
        "follow us",
        "follow our",
        "skip to",
        "cookie",
        "newsletter",
        "most popular",
        "most read",
        "more from",
        "more in ",
        "more on this",
        "recommended",
        "print this",
        "trending",
        "download our",
        "get the app",
        "get breaking",
        "get email",
        "turn on notifications",
        "enter your email",
        "watch the full",
        "listen to",
        "close",
        "topics:",
        "tags:",
        "filed under",
        "published",
        "updated",
        "posted",
        "last modified",
        "first published",
        "by ",
        "interview by",
        "reporting by",
        "additional reporting",
        "editing by",
        "writing by",
        "story continues",
        "continue reading",
        "our standards",
        "have a photo",
        "have a story",
        "got a tip",
        "contact us",
        "email us",
        "this article is for general information",
        "this interview has been edited",
        "this story has been updated",
        "this article was",
        "this article first",
        "copyright",
        "all rights reserved",
        "terms of use",
        "privacy policy",
        "support our journalism",
        "become a member",
        "already a subscriber",
        "you have reached",
        "we use cookies",
        "also read",
        "written by",
        "follow ",
        "download the",
        "get the ",
        "support local",
        "support your",
        "support independent",
        "unlock this",
        "like what you read",
        "click to expand",
        "thread starter",
        "previous post",
        "next post",
        "proudly powered",
        "catch all the",
        "transcripts are",
        "this conversation has been",
        "this article contains affiliate",
        "this blog is for general",
        "this article is published in partnership",
        "do you have an opinion",
        "print email",
        "more:",
        "listen on",
        "views expressed",
    ];
    if words <= 25 && SHORT_STARTS.iter().any(|c| lower.starts_with(c)) {
        return !lower.starts_with("by ") || words <= 10;
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

/// A line that is only a date or time stamp: "Wednesday 16 October 2024", "October 28, 2024 3:17
/// PM GMT Updated 2 hours ago", "14:02, Mon 15 Jul 2024".
fn is_date_line(lower: &str) -> bool {
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
    const MONTHS: &[&str] = &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    const DAYS: &[&str] = &["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    // At most 15 tokens are read: a longer line is not a stamp, and this runs on every line.
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

/// "WASHINGTON — ...", "MOSCOW (Reuters) - ...", "LONDON, Oct. 1 (AP) — ...".
fn has_dateline(line: &str) -> bool {
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
    let is_dateline =
        letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase()) && place.split_whitespace().count() <= 4;
    is_dateline.then(|| {
        let after = pos + dash_len;
        after + (line[after..].len() - line[after..].trim_start().len())
    })
}

/// A short line without final punctuation: a headline or section label.
fn is_headline_like(line: &str) -> bool {
    let words = line.split_whitespace().take(16).count();
    words <= 15 && !line.trim_end().ends_with(['.', '!', '?', ':', '"', '”'])
}

/// "Question: ...", "Q: ...", "Q. ...", "Vladimir Putin: ...", "SEN. MARLOW: ...", "PM: ..."
/// (a transcript turn): a short label of capitalised words, a colon, then speech.
fn is_speaker_label(line: &str) -> bool {
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

/// Register cues of a line, counted outside quotation marks so quoted speech does not count.
#[derive(Debug, Default, Clone, Copy)]
pub struct Register {
    pub first_person: usize,
    pub second_person: usize,
    pub evaluative: usize,
    pub informal: usize,
    pub attributed: bool,
    /// Share of the line's letters inside quotation marks (0 = all reported, 1 = all quoted).
    pub quoted_share: f32,
}

/// Evaluative words and phrases of an author's voice.
const EVALUATIVE: &[&str] = &[
    "absurd",
    "absurdity",
    "astounding",
    "astonishing",
    "pathetic",
    "ridiculous",
    "outrageous",
    "disgraceful",
    "shameful",
    "idiotic",
    "stupid",
    "laughable",
    "hypocrisy",
    "hypocritical",
    "obviously",
    "no secret",
    "makes sense",
    "of course",
    "needless to say",
    "it's clear",
    "it's pretty clear",
    "clearly",
    "shameless",
    "insane",
    "disgusting",
    "pretty clear",
    "let's hope",
    "apparently",
    "so-called",
    "puppet",
    "vassal",
];

/// Slang and profanity: the register of reader comments, not of reporting.
const INFORMAL: &[&str] = &[
    "gonna",
    "wanna",
    "gotta",
    "lol",
    "bullshit",
    "asshole",
    "crap",
    "damn",
    "hell's",
    "ya?",
    "gee,",
    "man oh man",
    "errrr",
    "pee pee",
    "yeah",
    "dude",
    "wtf",
    "omg",
    "imho",
    "smh",
    "twas",
    "somethin'",
];

impl Register {
    pub fn of(line: &str) -> Register {
        // One pass: the lower-cased text outside quotation marks, and letter counts.
        let (lower, quoted_letters, letters) = outside_quotes_lower(line);
        let quoted_share = if letters > 0 { quoted_letters as f32 / letters as f32 } else { 0.0 };
        Register::from_counts(line, &lower, quoted_share, counts_of(cue_hits(&lower).iter()))
    }

    /// The register of a classified line, reusing its lower-cased text when nothing in it is
    /// quoted: that text is then exactly what [`Register::of`] would build (a capital sigma,
    /// lower-cased by position in `Line::new`, takes the general path). The cue occurrences
    /// come back too, for the line's sentences.
    fn of_line(line: &Line) -> (Register, Option<Vec<CueHit>>) {
        // By bytes: '"', then the lead bytes of '“'/'”' (E2 80 9C/9D) and 'Σ' (CE A3).
        let bytes = line.text.as_bytes();
        let general = memchr::memchr3_iter(b'"', 0xe2, 0xce, bytes)
            .any(|p| matches!(bytes[p..], [b'"', ..] | [0xe2, 0x80, 0x9c | 0x9d, ..] | [0xce, 0xa3, ..]));
        if general {
            return (Register::of(line.text), None);
        }
        let mut hits = cue_hits(&line.lower);
        // No quotation: no letter is quoted.
        let register = Register::from_counts(line.text, &line.lower, 0.0, counts_of(hits.iter()));
        hits.sort_unstable_by_key(|h| h.start);
        (register, Some(hits))
    }

    fn from_counts(line: &str, lower: &str, quoted_share: f32, counts: [usize; 5]) -> Register {
        let mut r = Register { quoted_share, ..Register::default() };
        let [evaluative, informal, attribution, first_person, second_person] = counts;
        r.evaluative = evaluative;
        r.informal = informal;
        r.first_person = first_person;
        r.second_person = second_person;
        if line.chars().next().is_some_and(|c| c.is_lowercase()) {
            r.informal += 1;
        }
        if lower.trim_end().ends_with("...") || lower.contains("!!") || lower.contains("??") {
            r.evaluative += 1;
        }
        // Attribution verbs stand outside the quotation marks ("...," he said).
        r.attributed = attribution > 0;
        r
    }

    /// Personal voice: the writer speaks as "I"/"we" or to "you" outside any quote.
    pub fn is_personal(&self) -> bool {
        self.first_person + self.second_person >= 1 && !self.attributed
    }

    /// An author's evaluative aside rather than reporting.
    /// A line in the writer's voice: one stance word, first or second person, or slang,
    /// and no attribution. Used to mark whole blocks as editorial.
    pub fn is_opinion(&self) -> bool {
        !self.attributed && (self.evaluative >= 1 || self.is_personal() || self.informal >= 2)
    }

    /// A sentence that is clearly an aside, even inside a reporting block: two stance cues, or
    /// one with the writer's own voice. Stricter than [`Register::is_opinion`] because a single
    /// stance word is common in news leads ("apparently", "perhaps").
    pub fn is_strong_opinion(&self) -> bool {
        !self.attributed && (self.evaluative >= 2 || (self.evaluative >= 1 && self.is_personal()) || self.informal >= 2)
    }
}

/// Verbs and phrases that attribute a statement to someone.
const ATTRIBUTION: &[&str] =
    &["said", "says", "told", "according to", "stated", "reported", "announced", "claimed", "added"];

/// The writer speaking as "I"/"we", and to "you".
/// ("i" alone is counted apart, with memchr: as a pattern it would match inside most words.)
const FIRST_PERSON: &[&str] = &["i'm", "i've", "my", "me", "we", "our", "us", "we're", "we've", "let's"];
const SECOND_PERSON: &[&str] = &["you", "your", "you're", "ya"];

/// All cue lists in one automaton, built once; pattern ids map back to their list (in this order).
static CUES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let lists = [EVALUATIVE, INFORMAL, ATTRIBUTION, FIRST_PERSON, SECOND_PERSON];
    AhoCorasick::new(lists.iter().flat_map(|l| l.iter())).expect("valid patterns")
});

/// A cue occurrence that counts (its word boundaries checked), in lower-case byte offsets.
#[derive(Debug, Clone, Copy)]
struct CueHit {
    start: u32,
    end: u32,
    /// 0 evaluative, 1 informal, 2 attribution, 3 first person, 4 second person.
    list: u8,
    /// Pattern id in [`CUES`] (a lone "i" has none of its own).
    id: u8,
}

/// The counting cue occurrences in `lower`, in one pass. Evaluative and attribution cues count
/// only as whole words, informal ones also inside words ("errrr"); person words are whole words
/// where apostrophes belong to the word ("we're" is not "we").
fn cue_hits(lower: &str) -> Vec<CueHit> {
    // Where each list's pattern ids end, in the automaton's order.
    let evaluative = EVALUATIVE.len();
    let informal = evaluative + INFORMAL.len();
    let attribution = informal + ATTRIBUTION.len();
    let ends = [evaluative, informal, attribution, attribution + FIRST_PERSON.len()];
    let alphanumeric = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '\'');
    let hit = |start: usize, end: usize, list: usize, id: usize| CueHit {
        start: start as u32,
        end: end as u32,
        list: list as u8,
        id: id as u8,
    };
    let mut hits = Vec::new();
    for m in CUES.find_overlapping_iter(lower) {
        let id = m.pattern().as_usize();
        let list = ends.iter().take_while(|&&end| id >= end).count();
        let before = || lower[..m.start()].chars().next_back();
        let after = || lower[m.end()..].chars().next();
        let counts = match list {
            3 | 4 => !word_char(before()) && !word_char(after()),
            1 => true,
            _ => !alphanumeric(before()) && !alphanumeric(after()),
        };
        if counts {
            hits.push(hit(m.start(), m.end(), list, id));
        }
    }
    hits.extend(
        memchr::memchr_iter(b'i', lower.as_bytes())
            .filter(|&p| !word_char(lower[..p].chars().next_back()) && !word_char(lower[p + 1..].chars().next()))
            .map(|p| hit(p, p + 1, 3, u8::MAX as usize)),
    );
    hits
}

/// How many different evaluative, informal and attribution cues the hits hold, and how many
/// first- and second-person words.
fn counts_of<'a>(hits: impl Iterator<Item = &'a CueHit>) -> [usize; 5] {
    const _: () = assert!(EVALUATIVE.len() + INFORMAL.len() + ATTRIBUTION.len() <= 64);
    let (mut counts, mut seen) = ([0; 5], 0u64);
    for h in hits {
        if h.list >= 3 {
            counts[usize::from(h.list)] += 1;
        } else if seen & (1 << h.id) == 0 {
            seen |= 1 << h.id;
            counts[usize::from(h.list)] += 1;
        }
    }
    counts
}

/// The cue occurrences of a line read without quotation marks: its sentences' registers are
/// counted from them rather than by scanning each sentence again.
#[derive(Debug)]
pub(crate) struct LineCues {
    /// The line lower-cased as [`push_lower`] does it.
    lower: String,
    /// Sorted by start.
    hits: Vec<CueHit>,
}

impl LineCues {
    /// The register of each sentence of `line` (`spans` in byte offsets of `line`, in order),
    /// exactly as [`Register::of`] would read it, or `None` where that is not guaranteed: a
    /// sentence whose edge touches a word character, which its own reading would not see.
    /// Exact otherwise: with no quotation in the line, a sentence's lower-case text is the
    /// matching slice of the line's, and a cue inside it has the same neighbours in both.
    pub(crate) fn registers(&self, line: &str, spans: &[Range<usize>]) -> Vec<Option<Register>> {
        let lower = self.lower.as_str();
        let word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '\'');
        // Offsets are mapped in one forward pass, so spans must come in order without overlap.
        let ordered = spans.iter().all(|s| s.start <= s.end && s.end <= line.len())
            && spans.windows(2).all(|w| w[0].end <= w[1].start);
        if !ordered {
            return vec![None; spans.len()];
        }
        let offsets = lower_offsets(line, spans.iter().flat_map(|s| [s.start, s.end]));
        spans
            .iter()
            .zip(offsets.chunks_exact(2))
            .map(|(span, at)| {
                let (from, to) = (at[0], at[1]);
                if word_char(lower[..from].chars().next_back()) || word_char(lower[to..].chars().next()) {
                    return None;
                }
                let first = self.hits.partition_point(|h| (h.start as usize) < from);
                let inside = self.hits[first..].iter().take_while(|h| (h.start as usize) < to);
                let counts = counts_of(inside.filter(|h| h.end as usize <= to));
                Some(Register::from_counts(&line[span.clone()], &lower[from..to], 0.0, counts))
            })
            .collect()
    }
}

/// Byte offsets in the lower-cased text built by [`push_lower`] of the given offsets of `text`
/// (ascending, on character boundaries), in one forward pass.
fn lower_offsets(text: &str, offsets: impl Iterator<Item = usize>) -> Vec<usize> {
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

/// Lower-cased text outside quotation marks (curly apostrophes made straight), letters inside
/// them, and all letters.
fn outside_quotes_lower(line: &str) -> (String, usize, usize) {
    let bytes = line.as_bytes();
    let mut out = String::with_capacity(line.len());
    let (mut quoted, mut letters) = (0, 0);
    let mut inside = false;
    let mut prev: Option<char> = None;
    let mut i = 0;
    while i < bytes.len() {
        // A run of ASCII without straight quotes cannot change the quoting state: counted and
        // copied in bulk (this runs on every line and sentence).
        let run = bytes[i..].iter().position(|&b| b == b'"' || !b.is_ascii()).unwrap_or(bytes.len() - i);
        if run > 0 {
            let chunk = &line[i..i + run];
            let n = chunk.bytes().filter(u8::is_ascii_alphabetic).count();
            letters += n;
            if inside {
                quoted += n;
            } else {
                let start = out.len();
                out.push_str(chunk);
                out[start..].make_ascii_lowercase();
            }
            prev = Some(char::from(bytes[i + run - 1]));
            i += run;
            continue;
        }
        let Some(c) = line[i..].chars().next() else { break };
        match quote_transition(c, inside, prev) {
            Some(now) => inside = now,
            None => {
                if c.is_alphabetic() {
                    letters += 1;
                    if inside {
                        quoted += 1;
                    }
                }
                if !inside {
                    push_lower(&mut out, c);
                }
            }
        }
        prev = Some(c);
        i += c.len_utf8();
    }
    (out, quoted, letters)
}

/// Appends `c` lower-cased, a curly apostrophe made straight (cue lists spell "we're").
/// Inlined: it runs per character of every line and sentence.
#[inline]
fn push_lower(out: &mut String, c: char) {
    match c {
        _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        '’' => out.push('\''),
        _ => out.extend(c.to_lowercase()),
    }
}

/// How many bytes [`push_lower`] writes for `c`, without writing them (kept beside it: the
/// two must agree, and a test checks that they do).
fn lower_len(c: char) -> usize {
    match c {
        _ if c.is_ascii() => 1,
        '’' => 1,
        _ => c.to_lowercase().map(char::len_utf8).sum(),
    }
}

/// Whether `c` opens (Some(true)) or closes (Some(false)) a quotation. A straight double quote
/// opens at the start or after a space or bracket, and closes otherwise ("...," he said).
fn quote_transition(c: char, inside: bool, prev: Option<char>) -> Option<bool> {
    match c {
        '“' => Some(true),
        '”' => Some(false),
        '"' => Some(!inside && prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–'))),
        _ => None,
    }
}

/// Whether a sentence closes a quotation it never opened: the tail of a quote that the
/// sentence splitter cut after its first sentence.
pub fn starts_mid_quote(sentence: &str) -> bool {
    // Only the first quotation mark matters; found by bytes ('"', or E2 80 9C/9D for '“'/'”').
    let bytes = sentence.as_bytes();
    for p in memchr::memchr2_iter(b'"', 0xe2, bytes) {
        let c = match bytes[p..] {
            [b'"', ..] => '"',
            [0xe2, 0x80, 0x9c, ..] => '“',
            [0xe2, 0x80, 0x9d, ..] => '”',
            _ => continue,
        };
        if let Some(opens) = quote_transition(c, false, sentence[..p].chars().next_back()) {
            return !opens;
        }
    }
    false
}

/// A first line that reads as a headline: short and without final punctuation.
pub fn headline(text: &str) -> Option<&str> {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    // Counting stops past the limit: a first line is often the whole article.
    let words = first.split_whitespace().take(21).count();
    ((3..=20).contains(&words) && !first.ends_with(['.', '!', '?', ':', ','])).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use BlockKind::*;

    fn kinds(text: &str) -> Vec<(BlockKind, &str)> {
        classify_blocks(text).into_iter().map(|b| (b.kind, &text[b.span])).collect()
    }

    /// A line's register from its own lower-case text, and each sentence's from the line's cue
    /// occurrences, must equal what `Register::of` reads afresh.
    fn check_line_and_sentence_registers(text: &str) -> usize {
        let line = Line::new(text);
        let (register, hits) = Register::of_line(&line);
        assert_eq!(format!("{register:?}"), format!("{:?}", Register::of(text)), "{text}");
        let Some(hits) = hits else { return 0 };
        let cues = LineCues { lower: line.lower.clone(), hits };
        let spans = crate::text::sentence_spans(text);
        let mut derived = 0;
        for (span, r) in spans.iter().zip(cues.registers(text, &spans)) {
            if let Some(r) = r {
                let sentence = &text[span.clone()];
                assert_eq!(format!("{r:?}"), format!("{:?}", Register::of(sentence)), "{sentence:?} in {text:?}");
                derived += 1;
            }
        }
        derived
    }

    #[test]
    fn byte_level_scans_agree_with_char_by_char_ones() {
        let pieces =
            ["Moscow", " ", "SAID", "“", "”", "\"", "’", "—", "İ", "É", "ß", "x", "(", ". ", "Σ", "9", "\u{a0}"];
        let mut next = crate::testing::xorshift(0x1405_7b7e_f767_814f);
        for _ in 0..20_000 {
            let text: String = (0..next(16)).map(|_| pieces[next(pieces.len())]).collect();
            if !text.contains('Σ') {
                let mut lower = String::new();
                text.chars().for_each(|c| push_lower(&mut lower, c));
                assert_eq!(Line::new(&text).lower, lower, "{text:?}");
                assert_eq!(text.chars().map(lower_len).sum::<usize>(), lower.len(), "{text:?}");
            }
            let mut prev = None;
            let mut mid_quote = false;
            for c in text.chars() {
                if let Some(opens) = quote_transition(c, false, prev) {
                    mid_quote = !opens;
                    break;
                }
                prev = Some(c);
            }
            assert_eq!(starts_mid_quote(&text), mid_quote, "{text:?}");
        }
    }

    #[test]
    fn line_and_sentence_registers_reuse_the_line_exactly() {
        for text in [
            "Moscow said the strikes hit IS targets, according to officials.",
            "I think we’re all fed up with this absurd, ridiculous war... You know it. Lol.",
            "lol you gonna believe that?? We said so. Clearly!! It is.",
            "“We are ready,” he said. It is absurd.",
            "He called it \"a puppet regime\" on Friday.",
            "ΣΟΦΙΑ ΣΑΣ said it was obviously over",
            "Die Straße ist lang, said İstanbul’s mayor. İ said so. We’ve seen it.",
            "",
        ] {
            check_line_and_sentence_registers(text);
        }
        // Lines assembled from cue words, abbreviations, non-ASCII letters and sentence ends.
        let cues = [EVALUATIVE, INFORMAL, ATTRIBUTION, FIRST_PERSON, SECOND_PERSON].concat();
        let others = [
            "The", "U.S.", "Mr.", "said.", "i.", "We.", "you’re", "’s", "İ", "é", "Straße", "—", "(AP)", "3.5", "it’s",
            "ok...", "no!!", "why??", "lower", "Moscow", "9", "a.m.", "'",
        ];
        let words: Vec<&str> = cues.iter().chain(others.iter()).copied().collect();
        let separators = [" ", " ", " ", ". ", "! ", "? ", ", ", "’", "-", "... "];
        let mut next = crate::testing::xorshift(0x5851_f42d_4c95_7f2d);
        let mut derived = 0;
        for _ in 0..5_000 {
            let mut text = String::new();
            for _ in 0..1 + next(30) {
                text.push_str(words[next(words.len())]);
                text.push_str(separators[next(separators.len())]);
            }
            derived += check_line_and_sentence_registers(text.trim());
        }
        assert!(derived > 5_000, "only {derived} sentence registers derived");
    }

    #[test]
    fn captions_and_link_lists_are_marked() {
        let text = "Ministers met in Geneva on Monday to talk about the ceasefire.\n\n\
            Delegates arrive at the venue. Photograph: Jane Roe/AFP\n\
            Image\n\
            © Agency/John Doe\n\
            [Reuters] [Al Jazeera] [Le Monde]\n\
            The talks will resume next week, officials said.";
        let k: Vec<BlockKind> = kinds(text).into_iter().map(|(k, _)| k).collect();
        assert_eq!(k, [Body, Caption, Caption, Caption, Boilerplate, Body]);
    }

    #[test]
    fn editorial_markers_and_evaluative_asides() {
        let text = "The ministry said 40 aircraft were deployed.\n\
            Comment: Anyone can see what this is really about.\n\
            The absurdity of the official line is astounding...\n\
            Officials said the figure was accurate.";
        let k: Vec<BlockKind> = kinds(text).into_iter().map(|(k, _)| k).collect();
        assert_eq!(k, [Body, Editorial, Editorial, Body]);
    }

    #[test]
    fn comment_thread_and_pasted_article() {
        let text = "The council voted on Tuesday to close the plant, a spokesman said.\n\
            The vote was 7 to 2.\n\
            Harbour fan wrote: They should have done this years ago.\n\
            Nobody asked the workers anyway.\n\
            Business\n\
            Plant Owners Seek a Buyer\n\
            BOSTON — The owners of the plant have hired bankers to find a buyer, people familiar said.\n\
            The sale could take months, they said.\n\
            lol you people believe anything\n";
        let k: Vec<BlockKind> = kinds(text).into_iter().map(|(k, _)| k).collect();
        assert_eq!(
            k,
            [
                Body,
                Body,
                ReaderComment,
                ReaderComment,
                EmbeddedArticle,
                EmbeddedArticle,
                EmbeddedArticle,
                EmbeddedArticle,
                ReaderComment
            ]
        );
    }

    #[test]
    fn transcript_turns_are_quote_blocks() {
        let text = "The minister answered questions on Friday.\n\
            Question: What is your view of the proposed coalition and its chances?\n\
            Jane Minister: We are working on it with our partners and we expect progress soon.\n\
            We will keep talking to everyone involved.";
        let k: Vec<BlockKind> = kinds(text).into_iter().map(|(k, _)| k).collect();
        assert_eq!(k, [Body, QuoteBlock, QuoteBlock, QuoteBlock]);
    }

    #[test]
    fn datelines_are_measured_to_the_text_after_the_dash() {
        let line = "CALDERFORD — The bridge closed.";
        assert_eq!(&line[dateline_len(line).unwrap()..], "The bridge closed.");
        assert_eq!(dateline_len("MOSCOW (Reuters) - Talks began."), Some(19));
        assert_eq!(dateline_len("The UN — and others — met."), None);
    }

    #[test]
    fn wire_photo_captions_and_page_notes() {
        let text = "The bridge reopened on Friday after checks by engineers, the council said on Saturday morning.\n\
            Jane Doe speaks to reporters outside the town hall in Exeter, England, Friday, May 2, 2014.\n\
            Bridge reopens after flood Posted: Monday, June 23, 2014 11:03 PM EDT Updated: Monday, June 23, 2014\n\
            (Read our guide to the city's bridges.)";
        let k: Vec<BlockKind> = kinds(text).into_iter().map(|(k, _)| k).collect();
        assert_eq!(k, [Body, Caption, Boilerplate, Boilerplate]);
    }

    #[test]
    fn quote_tails_are_recognised() {
        assert!(starts_mid_quote("Equally for Iraq, we do so without conditions,\" Lavrov said."));
        assert!(starts_mid_quote("It stays closed.” The mayor left."));
        assert!(!starts_mid_quote("\"We help Syria,\" Lavrov said."));
        assert!(!starts_mid_quote("Lavrov said \"no\"."));
        assert!(!starts_mid_quote("No quotes at all."));
    }

    #[test]
    fn quoted_first_person_is_not_the_writers_voice() {
        let r = Register::of("“We are ready for such attacks,” he said.");
        assert_eq!(r.first_person, 0);
        assert!(!Register::of("“We are ready,” he said. It is absurd and astounding.").is_opinion());
    }

    #[test]
    fn person_words_are_whole_words_outside_quotes() {
        // Counted the plain way: split the outside-quotes text into words (letters, digits,
        // apostrophes) and match each; the automaton and memchr counts must agree.
        let plain = |line: &str| {
            let (lower, _, _) = outside_quotes_lower(line);
            let words: Vec<&str> = lower.split(|c: char| !(c.is_alphanumeric() || c == '\'')).collect();
            let count = |list: &[&str]| words.iter().filter(|w| list.contains(w)).count();
            (
                count(&["i", "i'm", "i've", "my", "me", "we", "our", "us", "we're", "we've", "let's"]),
                count(&["you", "your", "you're", "ya"]),
            )
        };
        for line in [
            "I think I'm right, and we're sure; my view is ours. You and your team, ya know.",
            "'I' in quotes, Iraq, it, Ali, mi, I.",
            "“I will go,” she said, and we followed her; i-i stuttered, Iʼm, i’ve, we’re.",
            "Usually we use us; Me? Yes me. YOU, you're, yourself, yay, ya'll.",
            "i",
            "",
        ] {
            let r = Register::of(line);
            assert_eq!((r.first_person, r.second_person), plain(line), "{line:?}");
        }
    }
}
