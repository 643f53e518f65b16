//! Inputs that crashed a reader or the pipeline, kept so they never crash again. Each test
//! names the fuzz target (fuzz/fuzz_targets/) and how the input was found; the bytes are the
//! minimized input. A reader must turn any input into articles or `ReadError`s, never panic.

use crosscheck::{read_warc_stream, ReadOptions};

/// warc target. A `response` record whose HTTP body is chunked with a chunk size near
/// `usize::MAX` ("ffffffffffffffff"): `start + size` in `dechunk` wraps, so the slice end falls
/// before its start and `rest[start..end]` panics (read/warc.rs, `dechunk`: "attempt to add with
/// overflow" at 233:19 with overflow checks, "slice index starts at 18 but ends at 17" at 234:36
/// in release). Found by reading `dechunk` while fuzzing, confirmed with the warc fuzz target and
/// `crosscheck brief`; minimized by hand (libFuzzer's tmin cannot keep Content-Length in step).
#[test]
fn warc_chunk_size_near_usize_max_does_not_panic() {
    let input: &[u8] = b"WARC/1.0\nWARC-Type:response\nContent-Length:58\n\n\
HTTP/1.1 200\ntransfer-encoding:chunked\n\nffffffffffffffff\r\n";
    let out = read_warc_stream("chunk.warc", input, &ReadOptions { max_bytes: 1 << 20, ..Default::default() });
    assert!(out.articles.is_empty(), "an empty chunked body is no article: {:?}", out.articles);
    assert!(!out.errors.is_empty(), "the record is reported");
}
