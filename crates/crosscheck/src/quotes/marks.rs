//! Quotation marks: finding and pairing them within a block (curly, straight and guillemets),
//! and joining a quote that runs over paragraphs. What is inside a pair is a candidate quote;
//! whether it is a statement, and whose, is decided by attribution.

use std::ops::Range;

use super::trim_span;
use crate::text::marks::{closes, opens, straight_opens_pair};

/// A pair of quotation marks: byte offsets of the content inside them.
#[derive(Debug, Clone)]
pub(super) struct Marked {
    /// What is inside the marks, trimmed.
    pub(super) content: Range<usize>,
    /// Byte offset just after the closing mark (or the block end for an open quote).
    pub(super) after: usize,
    /// Byte offset of the opening mark (or the block start for a lost opener).
    pub(super) before: usize,
    /// No closing mark in the block: the quote may go on in the next paragraph.
    pub(super) open_end: bool,
    /// The block it ends in, and the block it starts in (earlier for a multi-paragraph quote).
    pub(super) block: usize,
    pub(super) first_block: usize,
}

/// The quotation-mark pairs of a document's blocks, in text order. A quote left open at the end
/// of a block continues into the next block when that block opens with a quotation mark again.
pub(super) fn marks_in_blocks(text: &str, blocks: &[Range<usize>]) -> Vec<Marked> {
    let mut marked: Vec<Marked> = Vec::new();
    for (b, block) in blocks.iter().enumerate() {
        let mut found = marks_in_block(text, block, b);
        // Multi-paragraph quote: an open quote continues when the next block opens with a mark.
        if let (Some(last), Some(first)) = (marked.last(), found.first()) {
            let next_opens = opens_with_mark(&text[blocks[first.block].clone()]);
            if last.open_end && last.block + 1 == first.block && next_opens && first.before == blocks[b].start {
                let first = found.remove(0);
                let last = marked.last_mut().expect("checked above");
                last.content.end = first.content.end;
                last.after = first.after;
                last.open_end = first.open_end;
                last.block = first.block;
            }
        }
        marked.extend(found);
    }
    marked
}

/// Whether a paragraph opens with a quotation mark (“, " or «): the sign that a quote left
/// open in the paragraph before goes on, and that a quote at its start did not lose its opener.
pub(super) fn opens_with_mark(paragraph: &str) -> bool {
    paragraph.trim_start().starts_with(['“', '"', '«'])
}

/// Finds the quotation-mark pairs of one block.
fn marks_in_block(text: &str, block: &Range<usize>, index: usize) -> Vec<Marked> {
    let body = &text[block.clone()];
    let mut out = Vec::new();
    let mut open: Option<usize> = None; // byte offset just after the opening mark
    let mut open_mark: usize = block.start;
    // The mark that opened the quote now open: „ is closed by “ in German and Polish.
    let mut opener: Option<char> = None;
    let mut prev: Option<char> = None;
    for (i, c) in body.char_indices() {
        let at = block.start + i;
        let straight = c == '"';
        let opening = opens(c, opener) || (straight && straight_opens_pair(prev));
        let closing = closes(c, opener) || (straight && !opening);
        if opening {
            if let Some(o) = open.take() {
                // A new quote opens before the last one closed: end the last one here.
                out.push(Marked {
                    content: o..at,
                    after: at,
                    before: open_mark,
                    open_end: false,
                    block: index,
                    first_block: index,
                });
            }
            open = Some(at + c.len_utf8());
            open_mark = at;
            opener = Some(c);
        } else if closing {
            opener = None;
            match open.take() {
                Some(o) => out.push(Marked {
                    content: o..at,
                    after: at + c.len_utf8(),
                    before: open_mark,
                    open_end: false,
                    block: index,
                    first_block: index,
                }),
                // A closing mark with no opener: the opener was lost, the quote runs from the
                // block start ("If it looks like a terrorist, ... it's a terrorist,” Lavrov said.).
                None if out.is_empty() => out.push(Marked {
                    content: block.start..at,
                    after: at + c.len_utf8(),
                    before: block.start,
                    open_end: false,
                    block: index,
                    first_block: index,
                }),
                None => {}
            }
        }
        prev = Some(c);
    }
    if let Some(o) = open {
        out.push(Marked {
            content: o..block.end,
            after: block.end,
            before: open_mark,
            open_end: true,
            block: index,
            first_block: index,
        });
    }
    for m in &mut out {
        m.content = trim_span(text, m.content.clone());
    }
    out.retain(|m| !m.content.is_empty());
    out
}
