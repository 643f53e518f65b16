//! Block classification: which parts of an article are reporting, and which are captions,
//! reader comments, editorial asides, link lists or an older article pasted in.
//!
//! Each non-empty line is one block. Cues are ones that generalise across outlets: markers
//! ("Comment:", "wrote:", "Photograph:", "©"), datelines, speaker labels, link-list shape,
//! and the register of the line (first and second person outside quotes, evaluative words,
//! slang, trailing ellipses). Context matters too: after a comment-section marker, lines are
//! reader comments unless an article (a dateline) starts again.
//!
//! - this file: [`BlockKind`], [`Block`], [`classify_blocks`] and the region state machine
//!   that turns each line's cues into a kind;
//! - `cues.rs`: the line cue checks (markers, captions, credits, boilerplate, datelines,
//!   headlines, speaker labels), each a small function;
//! - `register.rs`: [`Register`], the writer's-voice reading of a line or sentence, and the
//!   cue occurrences a line keeps for its sentences (`LineCues`);
//! - `model.rs`: the fitted logistic regression that turns every line's cues, shape, place and
//!   the rules' kinds around it into the final kind (the rules' kind stands where it is
//!   certain: an explicit comment, editorial or caption mark, or a thread a comment marker
//!   opened); `model_weights.rs` is its generated table.
//!
//! For HTML input the page's markup (a heading, list item, table row or figure caption of the
//! extracted content) settles the lines it marks.
//!
//! The word lists are in [`crate::lexicon`], quotation marks in [`crate::text::marks`], dates
//! in [`crate::text::dates`].

mod cues;
mod model;
mod register;

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::read::Markup;

pub use cues::dateline_len;
use cues::*;
pub use model::{CLASSES as BLOCK_MODEL_CLASSES, FEATURE_NAMES as BLOCK_FEATURE_NAMES};
pub(crate) use register::LineCues;
pub use register::Register;

/// What a block of an article is. Only `Body` and `QuoteBlock` feed the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// The article's own reporting.
    Body,
    /// A turn of a transcript or interview ("Question: ...", "Jane Doe: ...").
    QuoteBlock,
    /// The writer's or outlet's opinion ("Comment: ...", evaluative asides).
    Editorial,
    /// An image or video caption or credit.
    Caption,
    /// A reader comment, and everything after a comment marker.
    ReaderComment,
    /// Page furniture: link lists, share buttons, copyright lines.
    Boilerplate,
    /// Another article pasted into the page, with its headline.
    EmbeddedArticle,
}

impl BlockKind {
    /// Whether sentences of this kind may be used as statements of the story.
    pub fn is_reporting(self) -> bool {
        matches!(self, BlockKind::Body | BlockKind::QuoteBlock)
    }

    /// Whether this kind's text carries the story's actors and statements, where entities and
    /// quotes are read: reporting, editorials and an embedded article, not captions, comments
    /// or page furniture.
    pub fn carries_statements(self) -> bool {
        matches!(self, BlockKind::Body | BlockKind::QuoteBlock | BlockKind::Editorial | BlockKind::EmbeddedArticle)
    }

    /// The kind's name in the JSON contract ("quote_block").
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
    /// What the line is.
    pub kind: BlockKind,
    /// Byte span of the line, without its surrounding whitespace.
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
    classify_blocks_with_cues(text, &[]).0
}

/// As [`classify_blocks`], with each block's cue occurrences where its register was read
/// without quotation marks, so the sentences' registers need no second scan
/// ([`LineCues::registers`]).
pub(crate) fn classify_blocks_with_cues(
    text: &str,
    markup: &[(Range<usize>, Markup)],
) -> (Vec<Block>, Vec<Option<LineCues>>) {
    let (mut blocks, cues, evidence) = classify_by_rules(text);
    let rules: Vec<BlockKind> = blocks.iter().map(|b| b.kind).collect();
    let mut marks = markup.iter().peekable();
    for (i, block) in blocks.iter_mut().enumerate() {
        if evidence[i].certain(rules[i]) {
            continue;
        }
        // The page's own markup, where it names the line's part, settles it: a heading, list
        // item or table row of the extracted main content is the article's (subheadings and
        // fact lists read as page furniture by their shape alone) unless a furniture cue says
        // otherwise ("Most read", "Subscribe to …" in a box the extractor kept), and a figure
        // caption is a caption.
        while marks.next_if(|(span, _)| span.start < block.span.start).is_some() {}
        let mark = marks.peek().filter(|(span, _)| span.start == block.span.start).map(|(_, m)| *m);
        block.kind = match mark {
            Some(Markup::FigureCaption) => BlockKind::Caption,
            Some(Markup::Heading | Markup::ListItem | Markup::TableRow)
                if rules[i] != BlockKind::ReaderComment && !evidence[i].furniture_cue() =>
            {
                BlockKind::Body
            }
            _ => model::predict(&model::features(&evidence, &rules, i)),
        };
    }
    (blocks, cues)
}

/// As [`classify_blocks`], for text read from an HTML page with its [`Markup`]
/// ([`crate::Article::markup`]), which settles the lines it marks.
pub fn classify_blocks_with_markup(text: &str, markup: &[(Range<usize>, Markup)]) -> Vec<Block> {
    classify_blocks_with_cues(text, markup).0
}

/// One line as the block model sees it, for fitting and inspecting the model.
#[derive(Debug, Clone)]
pub struct LineFeatures {
    /// Byte span of the line.
    pub span: Range<usize>,
    /// The rules' kind for it.
    pub rule: BlockKind,
    /// Whether the rules' kind is final (an explicit comment, editorial or caption marker), so
    /// the model is not asked.
    pub certain: bool,
    /// The model's input, in the order of [`BLOCK_FEATURE_NAMES`].
    pub features: Vec<f32>,
}

/// Every line of `text` with its rule kind and model features (what `crosscheck eval
/// fit-blocks` fits the model on).
pub fn line_features(text: &str) -> Vec<LineFeatures> {
    let (blocks, _, evidence) = classify_by_rules(text);
    let rules: Vec<BlockKind> = blocks.iter().map(|b| b.kind).collect();
    blocks
        .iter()
        .enumerate()
        .map(|(i, b)| LineFeatures {
            span: b.span.clone(),
            rule: b.kind,
            certain: evidence[i].certain(b.kind),
            features: model::features(&evidence, &rules, i),
        })
        .collect()
}

/// The rules' pass: each line's kind from its cues and the region the page is in, with the
/// evidence the model reads.
fn classify_by_rules(text: &str) -> (Vec<Block>, Vec<Option<LineCues>>, Vec<model::Evidence>) {
    let lines = line_spans(text);
    let total = text.len().max(1);
    let mut blocks: Vec<Block> = Vec::with_capacity(lines.len());
    let mut cues = Vec::with_capacity(lines.len());
    let mut evidence = Vec::with_capacity(lines.len());
    let mut region = Region::Article;
    let mut marker_seen = false;
    for span in &lines {
        let line = Line::new(&text[span.clone()]);
        let late = span.start * 10 >= total * 6;
        let register = Register::of_line(&line);
        let e = model::Evidence::of(&line, region, register.0, span.start as f32 / total as f32, marker_seen);
        marker_seen |= e.comment_marker();
        let (kind, line_cues) = classify_line(line, register, &e, late, &mut region, &mut blocks, text);
        evidence.push(e);
        blocks.push(Block { kind, span: span.clone() });
        cues.push(line_cues);
    }
    (blocks, cues, evidence)
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
        Line { text, lower: crate::lexicon::fold::fold(text), words: crate::text::word_count(text) }
    }
}

fn classify_line(
    line: Line,
    (register, hits): (Register, Option<Vec<register::CueHit>>),
    cue: &model::Evidence,
    late: bool,
    region: &mut Region,
    done: &mut [Block],
    text: &str,
) -> (BlockKind, Option<LineCues>) {
    use BlockKind::*;
    // `done` holds the lines before this one: empty for the first line.
    // Lines settled before their register is read carry no cue occurrences.
    let early = |k: BlockKind| (k, None);
    if cue.comment_marker() {
        *region = Region::Comments;
        return early(ReaderComment);
    }
    if cue.editorial_marker() {
        return early(Editorial);
    }
    let dateline = cue.dateline();
    if cue.copyright() || cue.boilerplate() {
        return early(Boilerplate);
    }
    if !dateline && cue.caption() {
        return early(Caption);
    }
    // A dateline below some reporting starts another article pasted in; one before any
    // reporting (after a nav bar, byline or photo) is the article's own.
    let archive_marker = cue.archive_marker();
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
    if !done.is_empty() && *region == Region::Article && line.words <= 8 && cue.headline_like() && !cue.speaker_label()
    {
        return early(Boilerplate);
    }
    if !done.is_empty() && cue.speaker_label() {
        *region = Region::Transcript;
        return early(QuoteBlock);
    }
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
    fn the_model_keeps_reporting_and_drops_page_furniture_on_a_crawled_page() {
        let text = "Flood barriers hold as river peaks in Westhaven\n\
            By Maria Lund, Regional Desk\n\
            Updated 6:40 a.m. ET, Sunday\n\
            Volunteers stack sandbags along Quay Street on Saturday evening. (Photo: Tom Ekberg)\n\
            WESTHAVEN — The river crested at 5.2 metres early on Sunday, and the new flood barriers held, the city's emergency office said.\n\
            About 300 homes in the lower town were evacuated on Friday as a precaution.\n\
            \"We were ready this time,\" said Anna Holm, who runs the emergency office. \"The barriers did what they were built to do.\"\n\
            The barriers cost 41 million euros and were finished in March after two years of work.\n\
            Residents may return from noon, the office said, but the riverside path stays closed.\n\
            Engineers will inspect the barriers on Monday.\n\
            Forecasters expect the water to fall by a metre by Tuesday.\n\
            The lower town last flooded in 2019, when water reached 4.8 metres.\n\
            Share this story\n\
            Facebook\n\
            Twitter\n\
            RELATED:\n\
            Council approves flood barrier budget\n\
            Sign up for our morning newsletter\n\
            12 comments\n\
            riverwatcher 2 hours ago\n\
            Glad they finally built them, took long enough.\n\
            Reply\n";
        let k = kinds(text);
        let kind_of = |start: &str| k.iter().find(|(_, l)| l.starts_with(start)).map(|(k, _)| *k);
        for line in ["WESTHAVEN", "About 300", "\"We were ready", "The barriers cost", "Engineers will"] {
            assert_eq!(kind_of(line), Some(Body), "{line}: {k:?}");
        }
        assert_eq!(kind_of("Volunteers stack"), Some(Caption), "{k:?}");
        for line in ["By Maria", "Share this", "RELATED:", "Sign up"] {
            assert_eq!(kind_of(line), Some(Boilerplate), "{line}: {k:?}");
        }
        for line in ["12 comments", "riverwatcher", "Glad they", "Reply"] {
            assert_eq!(kind_of(line), Some(ReaderComment), "{line}: {k:?}");
        }
    }

    #[test]
    fn page_markup_settles_subheadings_list_items_and_figure_captions() {
        let text = "Ferry timetable changes from Monday\n\
            The harbour board approved the new timetable on Thursday after a month of consultation.\n\
            WHAT CHANGES\n\
            Early sailings\n\
            The 6:10 boat now leaves at 6:25, the board said.\n\
            Passengers wait at the north pier.\n\
            Subscribe to our newsletter";
        let span = |line: &str| {
            let at = text.find(line).unwrap();
            at..at + line.len()
        };
        let markup = [
            (span("WHAT CHANGES"), Markup::Heading),
            (span("Early sailings"), Markup::ListItem),
            (span("Passengers wait at the north pier."), Markup::FigureCaption),
            (span("Subscribe to our newsletter"), Markup::ListItem),
        ];
        let kinds: Vec<BlockKind> = classify_blocks_with_markup(text, &markup).into_iter().map(|b| b.kind).collect();
        assert_eq!(kinds[2], Body, "a marked heading is the article's");
        assert_eq!(kinds[3], Body, "a marked list item is the article's");
        assert_eq!(kinds[5], Caption);
        // A furniture cue outweighs the list markup: a sign-up prompt in a list stays furniture.
        assert_eq!(kinds[6], Boilerplate);
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
        // The rules' regions: comments after "wrote:", an article again at a dateline, and
        // comments once more after it. (The model weighs these with the line's own cues; on
        // this nine-line text it calls the last line boilerplate.)
        let k: Vec<BlockKind> = line_features(text).into_iter().map(|l| l.rule).collect();
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
    fn wire_photo_captions_and_page_notes() {
        let text = "The bridge reopened on Friday after checks by engineers, the council said on Saturday morning.\n\
            Jane Doe speaks to reporters outside the town hall in Exeter, England, Friday, May 2, 2014.\n\
            Bridge reopens after flood Posted: Monday, June 23, 2014 11:03 PM EDT Updated: Monday, June 23, 2014\n\
            (Read our guide to the city's bridges.)";
        let k: Vec<BlockKind> = kinds(text).into_iter().map(|(k, _)| k).collect();
        assert_eq!([k[0], k[1], k[3]], [Body, Caption, Boilerplate]);
        // The rules read the headline fused with its "Posted:/Updated:" stamp as furniture; the
        // model, weighing the full weekday date that wire captions carry, calls it a caption (a
        // known miss, and harmless to the brief: neither kind is reporting).
        let rules: Vec<BlockKind> = line_features(text).into_iter().map(|l| l.rule).collect();
        assert_eq!(rules[2], Boilerplate);
        assert!(!k[2].is_reporting());
    }
}
