//! crosscheck's quality measured against reference data: each module reads one kind of data
//! set and scores crosscheck on it, the way the peers in bench/ are scored. Kept out of the core
//! crate so that the pipeline does not carry ROUGE, XML readers or data-set formats.

pub mod aliases;
pub mod blocks;
pub mod ecbplus;
pub mod extract;
pub mod quotes;
pub mod summary;

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A document of the data set could not be read.
    #[error(transparent)]
    Read(#[from] crosscheck::ReadError),
    /// A data-set file could not be opened or read.
    /// (The I/O error is in the message, not a `source`, so a chain printed by the CLI does not
    /// say it twice.)
    #[error("{path}: {reason}")]
    Io { path: String, reason: std::io::Error },
    /// A record of a data-set file has the wrong shape.
    #[error("{path}, line {line}: {message}")]
    BadRecord { path: String, line: usize, message: String },
    /// A model could not be fitted.
    #[error("fitting failed: {0}")]
    Fit(String),
    /// The data set held no document that could be read.
    #[error("no documents could be read")]
    NoDocuments,
}
