//! crosscheck: from many news reports of one story to a brief whose every statement
//! points back to its sources.
//!
//! The pipeline runs one module per stage, each handing a typed value to the next:
//!
//! ```text
//! read (files -> Article) -> clean (Article -> blocks with kinds) -> text (sentences, terms)
//!   -> embed (sentence vectors) -> summary (selected sentences + citations) -> brief (Brief) -> render
//! ```
//!
//! [`brief::Brief`] is the one hand-off to rendering and the JSON contract (docs/brief.schema.json).
//! The library does no terminal output and holds no global state; the CLI is a thin shell over it.

pub mod analysis;
pub mod brief;
pub mod clean;
pub mod embed;
pub mod entities;
pub mod error;
pub mod eval;
pub mod progress;
pub mod quotes;
pub mod read;
pub mod render;
pub mod summary;
pub mod text;

#[cfg(test)]
mod testing;

pub use brief::{build_brief, Brief, BriefOptions};
pub use error::{Error, ReadError, ReadErrorKind};
pub use read::{Article, ReadOptions};
