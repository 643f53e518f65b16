//! Typed errors of the library. Reading errors always name the input they came from,
//! so a batch can report them and go on.

use std::fmt;

/// Why one input (a file, a line of a JSON Lines file, a document in a bundle) could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadErrorKind {
    /// The operating system refused (missing file, no permission, a directory loop).
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    /// A file over the size limit.
    #[error("{size} bytes is over the limit of {limit} bytes")]
    TooLarge {
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// A stream (standard input, a decompressed body, a WARC record) that ran past the limit.
    #[error("more than {limit} bytes, the limit")]
    StreamTooLarge {
        /// The limit in bytes.
        limit: u64,
    },
    /// Bytes that are not UTF-8 (offsets are defined on UTF-8 text, so nothing is replaced).
    #[error("not valid UTF-8 (first bad byte at offset {offset}); convert it to UTF-8 first")]
    InvalidUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// Data that is clearly not text.
    #[error("looks like binary data, not text ({reason})")]
    Binary {
        /// What gave it away.
        reason: String,
    },
    /// A UTF-16 byte-order mark followed by something that does not decode as UTF-16 text.
    #[error("starts with a UTF-16 byte-order mark but is not UTF-16 text ({reason})")]
    NotUtf16 {
        /// What gave it away.
        reason: String,
    },
    /// Nothing but whitespace where an article's text should be.
    #[error("no article text in it")]
    Empty,
    /// Text that does not parse as JSON.
    #[error("malformed JSON: {0}")]
    Json(String),
    /// JSON that parses but holds no article: `found` says what it holds instead, `fields`
    /// the keys an article's text is looked for under ("text or body or ...").
    #[error(
        "valid JSON, but not an article: {found} (expected an object with a {fields} field, an array of \
         such objects, or a cluster {{\"documents\": [...]}})"
    )]
    NotArticle {
        /// What the JSON holds instead ("an array whose item 0 is a number").
        found: String,
        /// The keys an article's text is looked for under.
        fields: String,
    },
    /// An HTML page from which no article text could be extracted.
    #[error("cannot extract article text from HTML: {0}")]
    Html(String),
    /// A WARC file or record that breaks the format.
    #[error("malformed WARC: {0}")]
    Warc(String),
    /// Gzip data that does not decompress.
    #[error("malformed gzip data: {0}")]
    Gzip(String),
}

impl ReadErrorKind {
    /// The input is over the size limit ([`crate::read::ReadOptions::max_bytes`]), which the
    /// caller may choose to raise.
    pub fn is_over_limit(&self) -> bool {
        matches!(self, ReadErrorKind::TooLarge { .. } | ReadErrorKind::StreamTooLarge { .. })
    }
}

/// A [`ReadErrorKind`] together with the input it concerns ("dir/a.jsonl:3" for line 3).
#[derive(Debug)]
pub struct ReadError {
    /// The input: a path, "path:LINE", "path\[N\]", "path#N" or "-".
    pub source_name: String,
    /// What went wrong.
    pub kind: ReadErrorKind,
}

impl ReadError {
    /// An error of input `source_name`.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_errors_state_the_limit_without_naming_a_command_line_flag() {
        let e = ReadError::new("big.txt", ReadErrorKind::TooLarge { size: 2000, limit: 1000 });
        assert_eq!(e.to_string(), "big.txt: 2000 bytes is over the limit of 1000 bytes");
        assert!(e.kind.is_over_limit());
        let e = ReadErrorKind::StreamTooLarge { limit: 1000 };
        assert_eq!(e.to_string(), "more than 1000 bytes, the limit");
        assert!(!ReadErrorKind::Empty.is_over_limit());
    }
}
