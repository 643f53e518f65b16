//! WARC files (plain or gzip, one gzip member per record as Common Crawl and CC-NEWS publish
//! them): every HTML `response` record becomes an article with its target URL and date.
//!
//! Written by hand rather than with the `warc` crate: that crate reads header lines and bodies
//! with no size bound and cannot skip an oversized record, while crawl files run to gigabytes.
//! Here the file is streamed record by record, each record is bounded, and a malformed record
//! is reported without losing the ones around it (the reader resynchronises on the next
//! `WARC/` version line).

use std::io::{BufRead, Read};

use rayon::prelude::*;

use super::{Article, ReadOptions};
use crate::error::{ReadError, ReadErrorKind};

/// Largest header block of a record; real ones are under 2 KB.
const MAX_HEADER_BYTES: usize = 64 * 1024;
/// Records parsed per parallel batch: extraction is the costly part, reading is sequential.
const BATCH: usize = 64;

/// One record's fields that matter here.
#[derive(Debug, Default)]
struct RecordHead {
    warc_type: String,
    target_uri: Option<String>,
    date: Option<String>,
    content_length: Option<u64>,
}

/// Whether a stream starts like a WARC file.
pub(super) fn looks_like_warc(head: &[u8]) -> bool {
    head.starts_with(b"WARC/")
}

/// Streams the records of `reader`, turning HTML responses into articles.
pub(super) fn read_warc(name: &str, reader: impl BufRead, opts: &ReadOptions) -> (Vec<Article>, Vec<ReadError>) {
    let mut records = Records { reader, index: 0, max_body: opts.max_bytes };
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    let mut batch: Vec<(usize, RecordHead, Vec<u8>)> = Vec::with_capacity(BATCH);
    loop {
        let next = records.next_record();
        let done = next.is_none();
        match next {
            Some(Ok((index, head, body))) if head.warc_type == "response" => batch.push((index, head, body)),
            Some(Ok(_)) => {} // warcinfo, request, metadata, revisit: no article text
            Some(Err((index, kind))) => errors.push(ReadError::new(format!("{name}#record{index}"), kind)),
            None => {}
        }
        if batch.len() >= BATCH || (done && !batch.is_empty()) {
            let parsed: Vec<Option<Result<Article, ReadError>>> =
                batch.par_drain(..).map(|(index, head, body)| response_article(name, index, head, &body)).collect();
            for p in parsed.into_iter().flatten() {
                match p {
                    Ok(a) => articles.push(a),
                    Err(e) => errors.push(e),
                }
            }
        }
        if done {
            break;
        }
    }
    if articles.is_empty() && errors.is_empty() {
        errors.push(ReadError::new(name, ReadErrorKind::Empty));
    }
    (articles, errors)
}

struct Records<R> {
    reader: R,
    index: usize,
    max_body: u64,
}

type RecordResult = Result<(usize, RecordHead, Vec<u8>), (usize, ReadErrorKind)>;

impl<R: BufRead> Records<R> {
    /// The next record, or None at the end of the stream.
    fn next_record(&mut self) -> Option<RecordResult> {
        // Find the version line, skipping the blank lines between records.
        let mut line = Vec::new();
        loop {
            line.clear();
            match read_line_bounded(&mut self.reader, &mut line, MAX_HEADER_BYTES) {
                Ok(0) => return None,
                Ok(_) if line.trim_ascii().is_empty() => continue,
                Ok(_) if line.starts_with(b"WARC/") => break,
                Ok(_) => {
                    self.index += 1;
                    let index = self.index;
                    if let Err(e) = self.resync() {
                        return Some(Err((index, e)));
                    }
                    return Some(Err((index, ReadErrorKind::Warc("expected a WARC/ version line".into()))));
                }
                Err(e) => return Some(Err((self.index + 1, e))),
            }
        }
        self.index += 1;
        let index = self.index;
        let mut head = RecordHead::default();
        let mut header_bytes = 0;
        loop {
            line.clear();
            match read_line_bounded(&mut self.reader, &mut line, MAX_HEADER_BYTES) {
                Ok(0) => return Some(Err((index, ReadErrorKind::Warc("stream ended inside a record header".into())))),
                Ok(n) => header_bytes += n,
                Err(e) => return Some(Err((index, e))),
            }
            if header_bytes > MAX_HEADER_BYTES {
                return Some(Err((index, ReadErrorKind::Warc("record header over 64 KiB".into()))));
            }
            if line.trim_ascii().is_empty() {
                break;
            }
            let text = String::from_utf8_lossy(&line);
            if let Some((key, value)) = text.split_once(':') {
                let value = value.trim().to_string();
                match key.trim().to_ascii_lowercase().as_str() {
                    "warc-type" => head.warc_type = value,
                    "warc-target-uri" => head.target_uri = Some(value.trim_matches(['<', '>']).to_string()),
                    "warc-date" => head.date = Some(value),
                    "content-length" => head.content_length = value.parse().ok(),
                    _ => {}
                }
            }
        }
        let Some(len) = head.content_length else {
            if let Err(e) = self.resync() {
                return Some(Err((index, e)));
            }
            return Some(Err((index, ReadErrorKind::Warc("record has no valid Content-Length".into()))));
        };
        if len > self.max_body {
            // Skip the body without keeping it; the rest of the file is still read.
            return Some(match std::io::copy(&mut (&mut self.reader).take(len), &mut std::io::sink()) {
                Ok(_) => Err((index, ReadErrorKind::TooLarge { size: len, limit: self.max_body })),
                Err(e) => Err((index, ReadErrorKind::Io(e))),
            });
        }
        let mut body = Vec::with_capacity(len.min(1 << 20) as usize);
        match (&mut self.reader).take(len).read_to_end(&mut body) {
            Ok(n) if n as u64 == len => Some(Ok((index, head, body))),
            Ok(n) => Some(Err((index, ReadErrorKind::Warc(format!("record body cut short: {n} of {len} bytes"))))),
            Err(e) => Some(Err((index, ReadErrorKind::Io(e)))),
        }
    }

    /// Skips to just before the next line that starts a record.
    fn resync(&mut self) -> Result<(), ReadErrorKind> {
        loop {
            let buf = self.reader.fill_buf()?;
            if buf.is_empty() || buf.starts_with(b"WARC/") {
                return Ok(());
            }
            let skip = buf.iter().position(|&b| b == b'\n').map_or(buf.len(), |p| p + 1);
            self.reader.consume(skip);
        }
    }
}

/// Reads one line (through '\n') of at most `limit` bytes; a longer one is an error.
fn read_line_bounded(reader: &mut impl BufRead, line: &mut Vec<u8>, limit: usize) -> Result<usize, ReadErrorKind> {
    let n = reader.take(limit as u64 + 1).read_until(b'\n', line)?;
    if n > limit {
        return Err(ReadErrorKind::Warc(format!("line over {limit} bytes")));
    }
    Ok(n)
}

/// The article in an HTTP response record, None if it is not an HTML page.
fn response_article(name: &str, index: usize, head: RecordHead, block: &[u8]) -> Option<Result<Article, ReadError>> {
    let source = format!("{name}#record{index}");
    let split = find(block, b"\r\n\r\n").map(|p| (p, 4)).or_else(|| find(block, b"\n\n").map(|p| (p, 2)));
    let Some((at, sep)) = split else {
        return Some(Err(ReadError::new(source, ReadErrorKind::Warc("HTTP response without a header end".into()))));
    };
    let http_head = String::from_utf8_lossy(&block[..at]).to_ascii_lowercase();
    let header = |key: &str| {
        http_head
            .lines()
            .find_map(|l| l.strip_prefix(key).and_then(|v| v.strip_prefix(':')).map(|v| v.trim().to_string()))
    };
    let status_ok = http_head.split_whitespace().nth(1).is_some_and(|code| code.starts_with('2'));
    let html = header("content-type").is_none_or(|t| t.contains("html"));
    if !status_ok || !html {
        return None;
    }
    let mut body = block[at + sep..].to_vec();
    if header("transfer-encoding").is_some_and(|t| t.contains("chunked")) {
        body = dechunk(&body);
    }
    if header("content-encoding").is_some_and(|e| e.contains("gzip")) || body.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        let limit = 64 * body.len() as u64 + 1024 * 1024;
        if flate2::read::MultiGzDecoder::new(&body[..]).take(limit).read_to_end(&mut out).is_err() {
            return Some(Err(ReadError::new(source, ReadErrorKind::Gzip("bad gzip body in HTTP response".into()))));
        }
        body = out;
    }
    let charset =
        header("content-type").and_then(|t| t.split("charset=").nth(1).map(|c| c.trim_matches('"').to_string()));
    Some(super::html::parse_html_with_charset(&source, &body, charset.as_deref()).map(|mut a| {
        if a.url.is_none() {
            a.url = head.target_uri;
        }
        if a.date.is_none() {
            a.date = head.date.map(|d| d.chars().take(10).collect());
        }
        a
    }))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Decodes an HTTP/1.1 chunked body, leniently: what cannot be parsed is kept as it is.
fn dechunk(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    while let Some(eol) = find(rest, b"\r\n") {
        let size_text = String::from_utf8_lossy(&rest[..eol]);
        let Ok(size) = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16) else {
            return body.to_vec();
        };
        if size == 0 {
            return out;
        }
        let start = eol + 2;
        let end = start.saturating_add(size).min(rest.len());
        out.extend_from_slice(&rest[start..end]);
        if end < start.saturating_add(size) {
            return out; // cut short: keep what arrived
        }
        rest = rest.get(end + 2..).unwrap_or(&[]);
    }
    // Not a chunked body after all (no size line): keep it as it is.
    if out.is_empty() && find(body, b"\r\n").is_none() {
        return body.to_vec();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, block: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2015-10-01T12:00:00Z\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
    }

    const PAGE: &str = "<html><head><title>Harbour closes</title></head><body><article>\
        <p>The harbour closed on Monday after a storm damaged the main pier, officials said.</p>\
        <p>Repairs are expected to take three weeks and cost about two million pounds, the port authority said.</p>\
        </article></body></html>";

    #[test]
    fn html_responses_become_articles_with_url_and_date() {
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{PAGE}");
        let data = record("warcinfo", "", "software: test") + &record("response", "https://example.org/a", &http);
        let (articles, errors) = read_warc("crawl.warc", data.as_bytes(), &ReadOptions::default());
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(articles.len(), 1);
        assert_eq!(articles[0].url.as_deref(), Some("https://example.org/a"));
        assert_eq!(articles[0].date.as_deref(), Some("2015-10-01"));
        assert_eq!(articles[0].source, "crawl.warc#record2");
        assert!(articles[0].text.contains("main pier"));
    }

    #[test]
    fn a_broken_record_is_reported_and_the_next_is_read() {
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{PAGE}");
        let broken = "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: banana\r\n\r\ngarbage\r\n\r\n";
        let data = broken.to_string() + &record("response", "https://example.org/b", &http);
        let (articles, errors) = read_warc("c.warc", data.as_bytes(), &ReadOptions::default());
        assert_eq!(articles.len(), 1, "{errors:?}");
        assert_eq!(errors.len(), 1);
        assert!(errors[0].to_string().starts_with("c.warc#record1: "), "{}", errors[0]);
    }

    #[test]
    fn oversized_records_are_skipped_not_loaded() {
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{PAGE}");
        let data =
            record("response", "https://example.org/big", &http) + &record("response", "https://example.org/c", &http);
        let (articles, errors) =
            read_warc("c.warc", data.as_bytes(), &ReadOptions { max_bytes: 200, ..Default::default() });
        assert!(articles.is_empty());
        assert_eq!(errors.len(), 2);
        assert!(matches!(errors[0].kind, ReadErrorKind::TooLarge { .. }));
    }

    #[test]
    fn chunked_bodies_are_decoded() {
        assert_eq!(dechunk(b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"), b"hello world");
        assert_eq!(dechunk(b"not chunked at all"), b"not chunked at all");
        assert_eq!(dechunk(b"4\r\nabcd\r\n10\r\nshort"), b"abcdshort");
    }
}
