//! crosscheck: from many news reports of one story to a brief whose every statement
//! points back to its sources.
//!
//! The pipeline runs one module per stage, each handing a typed value to the next:
//!
//! ```text
//! read (files -> Article) -> blocks (Article -> blocks with kinds) -> text (sentences, terms)
//!   -> embed (sentence vectors) -> summary (selected sentences + citations) -> brief (Brief) -> render
//! ```
//!
//! [`brief::Brief`] is the one hand-off to rendering and the JSON contract (docs/brief.schema.json).
//! The library does no terminal output and holds no global state; the CLI is a thin shell over it.

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

pub use brief::{build_brief, project, Brief, BriefOptions};
pub use error::{ReadError, ReadErrorKind};
pub use read::{Article, ReadOptions};
pub use story::{Stages, Story};
