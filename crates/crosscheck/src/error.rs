//! Typed errors of the library. Reading errors always name the input they came from,
//! so a batch can report them and go on.

use std::fmt;

/// Why one input (a file, a line of a JSON Lines file, a document in a bundle) could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadErrorKind {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("{size} bytes is over the limit of {limit} bytes (raise it with --max-bytes)")]
    TooLarge { size: u64, limit: u64 },
    #[error("more than {limit} bytes, the limit (raise it with --max-bytes)")]
    StreamTooLarge { limit: u64 },
    #[error("not valid UTF-8 (first bad byte at offset {offset}); convert it to UTF-8 first")]
    InvalidUtf8 { offset: usize },
    #[error("looks like binary data, not text ({reason})")]
    Binary { reason: String },
    #[error("no article text in it")]
    Empty,
    #[error("malformed JSON: {0}")]
    Json(String),
    #[error("no `{field}` field with article text")]
    MissingField { field: String },
    #[error("cannot extract article text from HTML: {0}")]
    Html(String),
    #[error("malformed WARC: {0}")]
    Warc(String),
    #[error("malformed gzip data: {0}")]
    Gzip(String),
}

/// A [`ReadErrorKind`] together with the input it concerns ("dir/a.jsonl:3" for line 3).
#[derive(Debug)]
pub struct ReadError {
    pub source_name: String,
    pub kind: ReadErrorKind,
}

impl ReadError {
    pub fn new(source_name: impl Into<String>, kind: ReadErrorKind) -> Self {
        ReadError { source_name: source_name.into(), kind }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.source_name, self.kind)
    }
}

impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.kind)
    }
}
