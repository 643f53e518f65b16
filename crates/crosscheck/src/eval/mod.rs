//! Quality measured against reference data: each submodule reads one kind of data set and
//! scores crosscheck on it, the way the peers in bench/ are scored.

pub mod aliases;
pub mod blocks;
pub mod ecbplus;
pub mod extract;
pub mod quotes;
pub mod summary;
