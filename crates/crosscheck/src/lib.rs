//! crosscheck: from many news reports of one story to a brief whose every statement
//! points back to its sources.
//!
//! The pipeline runs one module per stage, each handing a typed value to the next:
//!
//! ```text
//! read (inputs -> Article) -> blocks (lines with kinds) -> text (sentences, terms)
//!   -> embed (vectors) = Analysis
//! Story::build: Analysis -> summary (+ support for citations), entities, quotes
//! brief::project: Story -> Brief (the JSON contract) -> render
//! ```
//!
//! [`Story`] holds each stage's typed output; [`Brief`] is the one hand-off to rendering and
//! the JSON contract (docs/brief.schema.json). `lexicon` and `text` are the language layer the
//! stages share. The library does no terminal output and has no global state that changes
//! results (a per-thread stem cache is a memo); the CLI is a thin shell over it.

#![warn(missing_docs)]

// Stage modules are private: what other crates use is re-exported below, so the public API is
// this list and not every helper a stage needs.
mod analysis;
mod blocks;
mod brief;
mod embed;
mod entities;
mod error;
mod ids;
pub mod lexicon;
mod offsets;
mod progress;
mod quotes;
mod read;
mod render;
mod story;
mod summary;
mod support;
mod text;

#[cfg(test)]
mod testing;

pub use analysis::{Analysis, AnalyzedDoc, Sentence};
pub use blocks::{
    classify_blocks, classify_blocks_with_markup, line_features, Block, BlockKind, LineFeatures, BLOCK_FEATURE_NAMES,
    BLOCK_MODEL_CLASSES,
};
pub use brief::{
    build_brief, project, BlockOut, Brief, ClaimOut, ClaimStatus, DocumentOut, EntityOut, EvidenceOut, FramingOut,
    QuoteOut, RangeOut, Skipped, SpanOut, SummaryOut, TimelineEntryOut,
};
pub use entities::ner::NerWorker;
pub use entities::{
    find_entities, find_entities_with, merge as merge_mentions, name_key, Entities, Entity, EntityType, Form, Hint,
    Mention,
};
pub use error::{ReadError, ReadErrorKind};
pub use ids::{DocId, EntityId, SentenceId};
pub use offsets::CharIndex;
pub use progress::{Progress, Stage};
pub use quotes::{find_quotes, Quote, QuoteKind};
pub use read::{
    parse_bytes, parse_html_page, read_file, read_inputs, read_warc_stream, Article, Field, FieldMap, Format, Markup,
    ReadOptions, ReadOutcome,
};
pub use render::{render, render_to, OutputFormat, RenderOptions};
pub use story::{Stages, Story};
pub use summary::{summarize, Length, SummaryConfig, SummarySentence};
pub use text::dates::{date_spans, DateKind};
pub use text::tokens::is_acronym;
pub use text::{truncate_words, TermMaker};
