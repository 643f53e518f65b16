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

pub mod analysis;
pub mod blocks;
pub mod brief;
pub mod embed;
pub mod entities;
pub mod error;
pub mod lexicon;
pub mod offsets;
pub mod progress;
pub mod quotes;
pub mod read;
pub mod render;
pub mod story;
pub mod summary;
pub mod support;
pub mod text;

#[cfg(test)]
mod testing;

pub use brief::{build_brief, project, Brief};
pub use error::{ReadError, ReadErrorKind};
pub use read::{Article, ReadOptions};
pub use story::{Stages, Story};
