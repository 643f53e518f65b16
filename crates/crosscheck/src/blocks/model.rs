//! The fitted part of block classification: a multinomial logistic regression over each
//! line's cues, its shape, its place in the page and what the rules made of it and of its
//! neighbours. The rules (mod.rs) track the page's regions and are kept where they are certain
//! (a comment-section or editorial marker); the model settles everything else, so that cues
//! are weighed by data rather than by hand-ordered `if`s.
//!
//! The coefficients in `model_weights.rs` are fitted by `crosscheck eval fit-blocks` on texts
//! the project wrote (bench/blocks/labelled.jsonl, heldout.jsonl, train2.jsonl, train3.jsonl), never on a
//! research-only set; see bench/blocks/README.md.

use super::register::Register;
use super::{cues, BlockKind, Line, Region};

// Generated one row per kind; rustfmt would refold it and the refit check compares bytes.
#[rustfmt::skip]
#[path = "model_weights.rs"]
mod weights;

/// Number of features per line.
pub const FEATURES: usize = FEATURE_NAMES.len();

/// What each feature is, in order (the fitted table records these names, so a table fitted
/// to another feature list is caught by a test rather than read wrongly).
pub const FEATURE_NAMES: [&str; 58] = [
    "comment_marker",
    "editorial_marker",
    "dateline",
    "copyright",
    "boilerplate_cue",
    "caption_cue",
    "archive_marker",
    "headline_like",
    "speaker_label",
    "first_person",
    "second_person",
    "evaluative",
    "evaluative_2",
    "informal",
    "attributed",
    "quoted_share",
    "log_words",
    "words_le_3",
    "words_le_8",
    "ends_sentence",
    "ends_colon",
    "starts_quote",
    "upper_share",
    "digit_share",
    "has_pipe",
    "has_link",
    "starts_bullet",
    "first_line",
    "position",
    "late",
    "region_comments",
    "region_embedded",
    "region_transcript",
    "rule_body",
    "rule_quote_block",
    "rule_editorial",
    "rule_caption",
    "rule_reader_comment",
    "rule_boilerplate",
    "rule_embedded_article",
    "prev_body",
    "prev_quote_block",
    "prev_editorial",
    "prev_caption",
    "prev_reader_comment",
    "prev_boilerplate",
    "prev_embedded_article",
    "next_body",
    "next_quote_block",
    "next_editorial",
    "next_caption",
    "next_reader_comment",
    "next_boilerplate",
    "next_embedded_article",
    "prev_log_words",
    "next_log_words",
    "prev_ends_sentence",
    "next_ends_sentence",
];

/// The kinds in the order of the model's outputs.
pub const CLASSES: [BlockKind; 7] = [
    BlockKind::Body,
    BlockKind::QuoteBlock,
    BlockKind::Editorial,
    BlockKind::Caption,
    BlockKind::ReaderComment,
    BlockKind::Boilerplate,
    BlockKind::EmbeddedArticle,
];

// Places in `Evidence::cues`, in the order of the first nine feature names.
const COMMENT_MARKER: usize = 0;
const EDITORIAL_MARKER: usize = 1;
const DATELINE: usize = 2;
const COPYRIGHT: usize = 3;
const BOILERPLATE_CUE: usize = 4;
const CAPTION_CUE: usize = 5;
const ARCHIVE_MARKER: usize = 6;
const HEADLINE_LIKE: usize = 7;
const SPEAKER_LABEL: usize = 8;

/// What the rules saw on one line, kept for the model.
#[derive(Debug, Clone)]
pub(super) struct Evidence {
    cues: [bool; 9],
    register: Register,
    words: usize,
    ends_sentence: bool,
    ends_colon: bool,
    starts_quote: bool,
    upper_share: f32,
    digit_share: f32,
    has_pipe: bool,
    has_link: bool,
    starts_bullet: bool,
    position: f32,
    region: Region,
    caption_mark: bool,
    after_comment_marker: bool,
}

impl Evidence {
    /// Reads every cue of `line` (the rules stop at the first that decides; the model weighs
    /// them all). `region` is the rules' region before this line, `position` the line's start
    /// as a share of the text, `after_comment_marker` whether an earlier line was one.
    pub(super) fn of(
        line: &Line,
        region: Region,
        register: Register,
        position: f32,
        after_comment_marker: bool,
    ) -> Evidence {
        let text = line.text;
        let (mut letters, mut upper, mut digits, mut chars) = (0usize, 0usize, 0usize, 0usize);
        for c in text.chars() {
            chars += 1;
            if c.is_alphabetic() {
                letters += 1;
                upper += c.is_uppercase() as usize;
            } else if c.is_ascii_digit() {
                digits += 1;
            }
        }
        let last = text.trim_end().chars().last();
        let first = text.chars().next();
        Evidence {
            cues: [
                cues::is_comment_marker(line),
                cues::is_editorial_marker(line),
                cues::has_dateline(text),
                cues::is_copyright(line),
                cues::is_boilerplate(line),
                cues::is_caption(line),
                cues::is_archive_marker(line),
                cues::is_headline_like(text),
                cues::is_speaker_label(text),
            ],
            register,
            words: line.words,
            ends_sentence: last.is_some_and(|c| matches!(c, '.' | '!' | '?' | '"' | '”' | '’' | '\'' | ')')),
            ends_colon: last == Some(':'),
            starts_quote: first.is_some_and(|c| matches!(c, '"' | '“' | '‘' | '«' | '„')),
            upper_share: upper as f32 / letters.max(1) as f32,
            digit_share: digits as f32 / chars.max(1) as f32,
            has_pipe: text.contains('|'),
            has_link: line.lower.contains("http") || line.lower.contains("www.") || text.contains('@'),
            starts_bullet: first.is_some_and(|c| matches!(c, '-' | '•' | '*' | '·' | '–' | '—' | '►' | '>')),
            position,
            region,
            caption_mark: cues::has_caption_mark(line),
            after_comment_marker,
        }
    }

    /// Whether the rules' call (`rule`) on this line is certain enough that the model does not
    /// revisit it: an explicit comment-section or editorial marker, a caption mark on a line
    /// the rules call a caption, or a line the rules keep in a comment thread that an explicit
    /// marker opened (everything after "14 comments" is the thread, bar the pasted article or
    /// footer the rules find in it).
    pub(super) fn certain(&self, rule: BlockKind) -> bool {
        self.cues[COMMENT_MARKER]
            || self.cues[EDITORIAL_MARKER]
            || (self.caption_mark && rule == BlockKind::Caption)
            || (self.after_comment_marker && rule == BlockKind::ReaderComment)
    }

    /// Whether the line is a comment-section marker ("14 comments", "Name wrote:").
    pub(super) fn comment_marker(&self) -> bool {
        self.cues[COMMENT_MARKER]
    }

    // The rules read the same cues (mod.rs), so each line's cue checks run once.
    pub(super) fn editorial_marker(&self) -> bool {
        self.cues[EDITORIAL_MARKER]
    }
    pub(super) fn dateline(&self) -> bool {
        self.cues[DATELINE]
    }
    pub(super) fn copyright(&self) -> bool {
        self.cues[COPYRIGHT]
    }
    pub(super) fn boilerplate(&self) -> bool {
        self.cues[BOILERPLATE_CUE]
    }
    pub(super) fn caption(&self) -> bool {
        self.cues[CAPTION_CUE]
    }
    pub(super) fn archive_marker(&self) -> bool {
        self.cues[ARCHIVE_MARKER]
    }
    pub(super) fn headline_like(&self) -> bool {
        self.cues[HEADLINE_LIKE]
    }
    pub(super) fn speaker_label(&self) -> bool {
        self.cues[SPEAKER_LABEL]
    }

    /// Whether a copyright, boilerplate or caption cue fired on the line.
    pub(super) fn furniture_cue(&self) -> bool {
        self.cues[COPYRIGHT] || self.cues[BOILERPLATE_CUE] || self.cues[CAPTION_CUE]
    }
}

fn log_words(words: usize) -> f32 {
    (1.0 + words as f32).ln() / 4.0
}

fn one_hot(kind: Option<BlockKind>, out: &mut Vec<f32>) {
    out.extend(CLASSES.iter().map(|&k| (Some(k) == kind) as u8 as f32));
}

/// The feature vector of line `i`, given every line's evidence and the rules' kinds.
pub(super) fn features(evidence: &[Evidence], rules: &[BlockKind], i: usize) -> Vec<f32> {
    let e = &evidence[i];
    let r = &e.register;
    // Where a line sits says something on a page (comment threads come last), little in a
    // text of a few lines, where "near the end" would turn a closing quote into a comment.
    let page_weight = (evidence.len() as f32 / 20.0).min(1.0);
    let mut f: Vec<f32> = Vec::with_capacity(FEATURES);
    f.extend(e.cues.iter().map(|&c| c as u8 as f32));
    f.extend([
        (r.first_person > 0) as u8 as f32,
        (r.second_person > 0) as u8 as f32,
        (r.evaluative > 0) as u8 as f32,
        (r.evaluative >= 2) as u8 as f32,
        (r.informal > 0) as u8 as f32,
        r.attributed as u8 as f32,
        r.quoted_share,
        log_words(e.words),
        (e.words <= 3) as u8 as f32,
        (e.words <= 8) as u8 as f32,
        e.ends_sentence as u8 as f32,
        e.ends_colon as u8 as f32,
        e.starts_quote as u8 as f32,
        e.upper_share,
        e.digit_share,
        e.has_pipe as u8 as f32,
        e.has_link as u8 as f32,
        e.starts_bullet as u8 as f32,
        (i == 0) as u8 as f32,
        e.position * page_weight,
        (e.position >= 0.6) as u8 as f32 * page_weight,
        (e.region == Region::Comments) as u8 as f32,
        matches!(e.region, Region::Embedded { .. }) as u8 as f32,
        (e.region == Region::Transcript) as u8 as f32,
    ]);
    one_hot(Some(rules[i]), &mut f);
    one_hot(i.checked_sub(1).map(|p| rules[p]), &mut f);
    one_hot(rules.get(i + 1).copied(), &mut f);
    let prev = i.checked_sub(1).map(|p| &evidence[p]);
    let next = evidence.get(i + 1);
    f.extend([
        prev.map_or(0.0, |p| log_words(p.words)),
        next.map_or(0.0, |n| log_words(n.words)),
        prev.map_or(0.0, |p| p.ends_sentence as u8 as f32),
        next.map_or(0.0, |n| n.ends_sentence as u8 as f32),
    ]);
    debug_assert_eq!(f.len(), FEATURES);
    f
}

/// The model's kind for a feature vector: the class with the highest score.
pub(super) fn predict(features: &[f32]) -> BlockKind {
    let scores = weights::BIAS
        .iter()
        .zip(&weights::WEIGHTS)
        .map(|(b, w)| b + w.iter().zip(features).map(|(w, x)| w * x).sum::<f32>());
    let best = scores.enumerate().fold((0, f32::NEG_INFINITY), |best, (k, s)| if s > best.1 { (k, s) } else { best });
    CLASSES[best.0]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fitted_table_matches_the_feature_list() {
        assert_eq!(weights::FEATURE_NAMES, FEATURE_NAMES.as_slice(), "refit with `crosscheck eval fit-blocks`");
        assert_eq!(weights::CLASSES, CLASSES.map(BlockKind::as_str));
        assert!(weights::WEIGHTS.iter().all(|row| row.len() == FEATURES));
        let named = [
            (COMMENT_MARKER, "comment_marker"),
            (EDITORIAL_MARKER, "editorial_marker"),
            (DATELINE, "dateline"),
            (COPYRIGHT, "copyright"),
            (BOILERPLATE_CUE, "boilerplate_cue"),
            (CAPTION_CUE, "caption_cue"),
            (ARCHIVE_MARKER, "archive_marker"),
            (HEADLINE_LIKE, "headline_like"),
            (SPEAKER_LABEL, "speaker_label"),
        ];
        assert!(named.iter().all(|&(i, name)| FEATURE_NAMES[i] == name));
    }
}
