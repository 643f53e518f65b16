//! WARC reader: any byte stream read as WARC records gives articles and errors, never a panic;
//! every error names the input and the outcome is never silently empty.
#![no_main]

use crosscheck::{read_warc_stream, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = ReadOptions { max_bytes: 1 << 20, ..Default::default() };
    let out = read_warc_stream("f.warc", data, &opts);
    assert!(!out.articles.is_empty() || !out.errors.is_empty(), "no articles and no errors");
    for e in &out.errors {
        assert!(e.source_name.starts_with("f.warc"), "error does not name the input: {e}");
    }
    for a in &out.articles {
        assert!(!a.text.trim().is_empty(), "article with blank text");
    }
});
