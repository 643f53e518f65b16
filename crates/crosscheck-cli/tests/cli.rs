//! End-to-end tests of the `crosscheck` binary: every reader, the JSON contract
//! (docs/brief.schema.json), citations, block filtering, summary length, the renderers and the
//! handling of bad input. Inputs are the example story in examples/story or realistic text
//! written inline.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::{json, Value};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn crosscheck() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    cmd.env_remove("CROSSCHECK_LOG");
    cmd
}

fn run<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    crosscheck().args(args).output().expect("the crosscheck binary runs")
}

fn run_with_stdin<S: AsRef<std::ffi::OsStr>>(args: &[S], input: &[u8]) -> Output {
    let mut child = crosscheck()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the crosscheck binary starts");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        // The binary may stop reading early (input over the limit); a broken pipe is fine.
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("the crosscheck binary finishes");
    writer.join().expect("stdin writer thread");
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

fn assert_success(out: &Output) {
    assert!(out.status.success(), "crosscheck failed with {:?}\nstderr:\n{}", out.status, stderr(out));
}

/// Runs `crosscheck brief ARGS --format json`, asserts success and parses the brief.
fn brief_json<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Value {
    let mut cmd = crosscheck();
    cmd.arg("brief").args(args).args(["--format", "json"]);
    let out = cmd.output().expect("the crosscheck binary runs");
    assert_success(&out);
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", stdout(&out)))
}

/// A temporary directory holding one file `name` with `text`; keep the directory alive.
fn one_file(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write");
    (dir, path)
}

fn story_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/story")
}

fn story(file: &str) -> PathBuf {
    story_dir().join(file)
}

fn schema() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/brief.schema.json");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("the schema is JSON")
}

fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&schema()).expect("the schema compiles")
}

/// Schema violations of `brief`, one line each.
fn schema_errors(validator: &jsonschema::Validator, brief: &Value) -> Vec<String> {
    validator.iter_errors(brief).map(|e| format!("{}: {e}", e.instance_path())).collect()
}

fn assert_valid(brief: &Value) {
    let errors = schema_errors(&validator(), brief);
    assert!(errors.is_empty(), "brief violates docs/brief.schema.json:\n{}", errors.join("\n"));
}

fn documents(brief: &Value) -> &Vec<Value> {
    brief["documents"].as_array().expect("documents is an array")
}

fn summary(brief: &Value) -> &Vec<Value> {
    brief["summary"].as_array().expect("summary is an array")
}

fn skipped(brief: &Value) -> &Vec<Value> {
    brief["skipped"].as_array().expect("skipped is an array")
}

fn str_of<'a>(v: &'a Value, field: &str) -> &'a str {
    v[field].as_str().unwrap_or_else(|| panic!("`{field}` is not a string in {v}"))
}

fn offset(v: &Value, field: &str) -> usize {
    v[field].as_u64().unwrap_or_else(|| panic!("`{field}` is not an offset in {v}")) as usize
}

/// The characters `start..end` of `text` (Unicode scalar offsets, as the contract says).
fn char_slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end.saturating_sub(start)).collect()
}

fn doc_by_id<'a>(brief: &'a Value, id: &str) -> &'a Value {
    documents(brief).iter().find(|d| d["id"] == id).unwrap_or_else(|| panic!("no document {id}"))
}

/// The id of the document whose source ends with `suffix`.
fn id_of_source(brief: &Value, suffix: &str) -> String {
    let found: Vec<&Value> = documents(brief).iter().filter(|d| str_of(d, "source").ends_with(suffix)).collect();
    assert_eq!(found.len(), 1, "expected one document from {suffix}, got {found:?}");
    str_of(found[0], "id").to_string()
}

fn sources(brief: &Value) -> Vec<String> {
    documents(brief).iter().map(|d| str_of(d, "source").to_string()).collect()
}

fn citations(item: &Value) -> Vec<String> {
    item["citations"].as_array().expect("citations").iter().map(|c| c.as_str().expect("id").to_string()).collect()
}

/// The one summary sentence containing `needle`.
fn summary_item<'a>(brief: &'a Value, needle: &str) -> &'a Value {
    let found: Vec<&Value> = summary(brief).iter().filter(|s| str_of(s, "text").contains(needle)).collect();
    assert_eq!(found.len(), 1, "expected one summary sentence containing {needle:?}, got {found:#?}");
    found[0]
}

fn summary_words(brief: &Value) -> usize {
    summary(brief).iter().map(|s| str_of(s, "text").split_whitespace().count()).sum()
}

/// Every block and summary offset pair, read as char offsets, gives back exactly its text.
fn assert_offsets_consistent(brief: &Value) {
    for d in documents(brief) {
        let text = str_of(d, "text");
        let len = text.chars().count();
        let mut prev_end = 0;
        let blocks = d["blocks"].as_array().expect("blocks");
        // Blocks are the non-empty lines of the text, trimmed, in order.
        let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        assert_eq!(blocks.len(), lines.len(), "{}: one block per non-empty line", str_of(d, "source"));
        for (b, line) in blocks.iter().zip(&lines) {
            let (start, end) = (offset(b, "start"), offset(b, "end"));
            assert!(
                prev_end <= start && start < end && end <= len,
                "block {b} out of order or range (text has {len} chars)"
            );
            assert_eq!(char_slice(text, start, end), *line, "block {b} of {}", str_of(d, "source"));
            prev_end = end;
        }
    }
    for s in summary(brief) {
        let doc = doc_by_id(brief, str_of(s, "doc"));
        let text = str_of(doc, "text");
        let (start, end) = (offset(s, "start"), offset(s, "end"));
        assert!(start < end && end <= text.chars().count(), "summary offsets {start}..{end} out of range");
        assert_eq!(char_slice(text, start, end), str_of(s, "text"), "summary item {s}");
        let cites = citations(s);
        assert_eq!(cites.first().map(String::as_str), Some(str_of(s, "doc")), "own document is cited first: {s}");
        for c in &cites {
            doc_by_id(brief, c);
        }
    }
}

/// Writes `data` as a gzip member of stored (uncompressed) deflate blocks, so the test needs
/// neither a compression crate nor a `gzip` program.
fn gzip_stored(data: &[u8]) -> Vec<u8> {
    fn crc32(data: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &byte in data {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255];
    let chunks: Vec<&[u8]> = if data.is_empty() { vec![&[][..]] } else { data.chunks(65_535).collect() };
    for (i, chunk) in chunks.iter().enumerate() {
        out.push(u8::from(i + 1 == chunks.len()));
        let len = chunk.len() as u16;
        out.extend(len.to_le_bytes());
        out.extend((!len).to_le_bytes());
        out.extend_from_slice(chunk);
    }
    out.extend(crc32(data).to_le_bytes());
    out.extend((data.len() as u32).to_le_bytes());
    out
}

/// Deterministic pseudo-random bytes (with NULs), like a stray image or archive in a folder.
fn junk_bytes(n: usize) -> Vec<u8> {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    (0..n)
        .map(|i| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            if i % 97 == 0 {
                0
            } else {
                (state >> 32) as u8
            }
        })
        .collect()
}

// Inline reports of an invented port strike, with curly quotes, accents and dashes, so that
// byte and character offsets differ. A and B share one sentence word for word and another in
// close paraphrase; C reports other details of the same story.

const STRIKE_A: &str = "Dockworkers walk out at Port Élise over pay
PORT ÉLISE — Dockworkers at Port Élise began a 48-hour strike at midnight on Thursday, halting container traffic at the country’s second-busiest port.
The Harbour Workers’ Union said 2,300 of its members had joined the walkout after rejecting a pay offer of 3.5 per cent.
“Nobody wants to strike, but the company has left us no choice,” said the union’s general secretary, Agnès Morel.
At least 14 container ships were waiting at anchor in the bay on Friday morning, the port authority said.
The port handles about a fifth of the country’s imported fruit and vegetables.
";

const STRIKE_B: &str = "Port Élise strike strands ships in the bay
The Harbour Workers’ Union said 2,300 of its members had joined the walkout after rejecting a pay offer of 3.5 per cent.
The port authority said on Friday morning that at least 14 container ships were waiting at anchor in the bay.
Quay Côte Ltd, which runs the container terminal, said its offer was “fair and final” and that talks could resume next week.
Pickets gathered at the main gate from six o’clock, where drivers turned their lorries around.
";

const STRIKE_C: &str = "Supermarkets warn of fruit shortages as Port Élise dispute drags on
Supermarket chains warned on Friday that shelves of imported bananas and citrus could run short by Monday.
“We have stock for three or four days, not more,” said Benoît Laurent, head of supply at the retailer Marché Plus.
The ministry of transport urged both sides to return to mediation before the weekend.
";

/// Writes the three strike reports into `dir` and returns their paths.
fn write_strike(dir: &Path) -> Vec<PathBuf> {
    [("a-harbour-daily.txt", STRIKE_A), ("b-coastal-times.txt", STRIKE_B), ("c-retail-news.txt", STRIKE_C)]
        .into_iter()
        .map(|(name, text)| {
            let p = dir.join(name);
            fs::write(&p, text).expect("write report");
            p
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Readers
// ---------------------------------------------------------------------------------------------

#[test]
fn plain_text_file_is_read_as_is_with_its_first_line_as_title() {
    let path = story("calderford-evening-post.txt");
    let brief = brief_json(&[&path]);
    let docs = documents(&brief);
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(d["id"], "d1");
    assert_eq!(str_of(d, "source"), path.display().to_string());
    assert_eq!(str_of(d, "text"), fs::read_to_string(&path).unwrap(), "text is the document as read");
    assert_eq!(d["title"], "Millgate Bridge shut as River Aske hits record level");
    assert_eq!(d["outlet"], Value::Null);
    assert_eq!(d["url"], Value::Null);
    assert_eq!(d["date"], Value::Null);
    assert!(skipped(&brief).is_empty());
    assert!(!summary(&brief).is_empty());
}

#[test]
fn html_page_gives_article_text_and_title_outlet_url_date_from_meta_tags() {
    let brief = brief_json(&[story("riverside-herald.html")]);
    let d = &documents(&brief)[0];
    assert_eq!(d["title"], "Calderford flood: 1,500 evacuated as River Aske breaks record");
    assert_eq!(d["outlet"], "The Riverside Herald");
    assert_eq!(d["url"], "https://www.riversideherald.example/news/2025/mar/11/calderford-flood-river-aske-record");
    assert!(str_of(d, "date").starts_with("2025-03-11"), "date from article:published_time: {}", d["date"]);
    let text = str_of(d, "text");
    assert!(text.contains("Chief Fire Officer Daniel Okafor said crews had carried out 64 rescues"), "{text}");
    assert!(
        text.contains("“The ground is saturated, so even moderate rain will run straight into the river,” Raman said.")
    );
    // Navigation, the comment section and the footer are not article text.
    for furniture in ["Subscribe", "RiverWatcher", "All rights reserved", "More on this story"] {
        assert!(!text.contains(furniture), "{furniture:?} leaked into the article text:\n{text}");
    }
}

#[test]
fn gzipped_html_is_decompressed_and_read_like_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let page = fs::read(story("riverside-herald.html")).unwrap();
    let gz = dir.path().join("riverside-herald.html.gz");
    fs::write(&gz, gzip_stored(&page)).unwrap();
    let plain = brief_json(&[story("riverside-herald.html")]);
    let brief = brief_json(&[&gz]);
    assert!(skipped(&brief).is_empty(), "{:?}", skipped(&brief));
    let (d, p) = (&documents(&brief)[0], &documents(&plain)[0]);
    assert_eq!(str_of(d, "source"), gz.display().to_string());
    for field in ["title", "outlet", "url", "date", "text"] {
        assert_eq!(d[field], p[field], "{field} of the .html.gz differs from the .html");
    }
}

#[test]
fn json_object_gives_its_title_outlet_url_date_and_text() {
    let path = story("northern-wire.json");
    let brief = brief_json(&[&path]);
    let docs = documents(&brief);
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    let raw: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(str_of(d, "source"), path.display().to_string());
    for field in ["title", "outlet", "url", "date", "text"] {
        assert_eq!(d[field], raw[field], "{field}");
    }
}

#[test]
fn json_lines_file_gives_one_document_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wires.jsonl");
    let lines = [
        json!({"title": "Port Élise dockers strike", "outlet": "Harbour Daily", "date": "2025-06-06", "text": STRIKE_A}),
        json!({"headline": "Ships stranded in the bay", "source": "Coastal Times", "published": "2025-06-06", "body": STRIKE_B}),
    ];
    let body: String = lines.iter().map(|l| format!("{l}\n")).collect();
    fs::write(&path, body).unwrap();
    let brief = brief_json(&[&path]);
    let name = path.display().to_string();
    assert_eq!(sources(&brief), [format!("{name}:1"), format!("{name}:2")]);
    let docs = documents(&brief);
    assert_eq!(docs[0]["outlet"], "Harbour Daily");
    assert_eq!(docs[0]["text"], STRIKE_A);
    assert_eq!(docs[1]["title"], "Ships stranded in the bay");
    assert_eq!(docs[1]["outlet"], "Coastal Times");
    assert_eq!(docs[1]["date"], "2025-06-06");
    assert_eq!(docs[1]["text"], STRIKE_B);
    assert!(skipped(&brief).is_empty());
}

#[test]
fn multinews_bundle_is_split_at_separators_with_newline_markers_restored() {
    let path = story("multinews-bundle.txt");
    let brief = brief_json(&[&path]);
    let name = path.display().to_string();
    assert_eq!(sources(&brief), [format!("{name}#1"), format!("{name}#2")]);
    let docs = documents(&brief);
    for d in docs {
        let text = str_of(d, "text");
        assert!(!text.contains("NEWLINE_CHAR") && !text.contains("|||||"), "{text}");
        assert!(text.contains('\n'), "paragraph breaks are restored: {text}");
    }
    let first_line = str_of(&docs[0], "text").lines().next().unwrap().trim();
    assert_eq!(first_line, "Aske floods Calderford as bridge closes");
    assert_eq!(docs[0]["title"], "Aske floods Calderford as bridge closes");
    assert!(str_of(&docs[1], "text").starts_with("Engineers will not be able to inspect the Millgate Bridge"));
    assert!(str_of(&docs[1], "text").ends_with("insurers assessed the damage."));
}

#[test]
fn directory_argument_reads_every_file_in_name_order() {
    let dir = story_dir();
    let brief = brief_json(&[&dir]);
    let d = dir.display().to_string();
    let expected = [
        format!("{d}/calderford-evening-post.txt"),
        format!("{d}/multinews-bundle.txt#1"),
        format!("{d}/multinews-bundle.txt#2"),
        format!("{d}/northern-wire.json"),
        format!("{d}/riverside-herald.html"),
    ];
    assert_eq!(sources(&brief), expected);
    let ids: Vec<&str> = documents(&brief).iter().map(|d| str_of(d, "id")).collect();
    assert_eq!(ids, ["d1", "d2", "d3", "d4", "d5"]);
    assert!(skipped(&brief).is_empty(), "{:?}", skipped(&brief));
}

#[test]
fn utf16_html_page_with_byte_order_mark_is_read() {
    // Pages saved as "Unicode" on Windows are UTF-16 with a BOM; every ASCII character then
    // carries a NUL byte, which must not make the page look binary.
    let dir = tempfile::tempdir().unwrap();
    let page = fs::read_to_string(story("riverside-herald.html")).unwrap().replace("<meta charset=\"utf-8\">", "");
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(page.encode_utf16().flat_map(u16::to_le_bytes));
    let path = dir.path().join("riverside-herald-utf16.html");
    fs::write(&path, bytes).unwrap();
    let out = run(&["brief".as_ref(), path.as_os_str(), "--format".as_ref(), "json".as_ref()]);
    assert_success(&out);
    let brief: Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &documents(&brief)[0];
    assert_eq!(d["outlet"], "The Riverside Herald");
    assert!(str_of(d, "text").contains("“The ground is saturated"), "{}", d["text"]);
}

#[test]
fn html_editorial_paragraph_is_marked_and_kept_out_of_the_summary() {
    // An editor's aside inside the article body of a page: the HTML reader must keep
    // paragraphs apart so that the aside is its own block.
    let page = r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta property="og:title" content="Calderford counts the cost of the Aske flood">
<meta property="og:site_name" content="Holme Valley Echo">
<meta property="article:published_time" content="2025-03-13T07:15:00+00:00">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/weather">Weather</a></nav>
<article>
<h1>Calderford counts the cost of the Aske flood</h1>
<p>Insurers estimate that the flooding in Calderford this week caused damage worth at least £40 million, the Association of British Insurers said on Thursday.</p>
<p>About 600 homes and 140 businesses in the Wharfside district were flooded when the River Aske overtopped its banks on Monday night.</p>
<p>Comment: It is astonishing that a city warned so often still had no working flood wall, and the council should be ashamed of itself.</p>
<p>The council said it would ask the government for emergency funding to repair roads and the Millgate Bridge, which remains closed.</p>
<p>Residents can apply for a hardship grant of up to £500 at the rest centre in the Calderford Leisure Centre until the end of April.</p>
</article>
</body></html>
"#;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("holme-valley-echo.html");
    fs::write(&path, page).unwrap();
    let brief = brief_json(&[path.as_os_str(), "--sentences".as_ref(), "100".as_ref()]);
    let d = &documents(&brief)[0];
    assert_eq!(d["outlet"], "Holme Valley Echo");
    let in_summary: Vec<&str> = summary(&brief).iter().map(|s| str_of(s, "text")).collect();
    assert!(in_summary.iter().any(|t| t.contains("£40 million")), "the reporting is summarized: {in_summary:?}");
    assert!(
        !in_summary.iter().any(|t| t.contains("Comment:") || t.contains("ashamed")),
        "the editorial aside is in the summary: {in_summary:?}\nblocks: {}",
        d["blocks"]
    );
}

#[cfg(unix)]
#[test]
fn directory_with_a_symlink_back_to_itself_reads_each_file_once() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    fs::create_dir(&reports).unwrap();
    fs::write(reports.join("harbour-daily.txt"), STRIKE_A).unwrap();
    std::os::unix::fs::symlink(&reports, reports.join("latest")).unwrap();
    let out = run(&["brief".as_ref(), reports.as_os_str(), "--format".as_ref(), "json".as_ref()]);
    assert_success(&out);
    let brief: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        documents(&brief).len(),
        1,
        "the same file was read {} times through the symlink loop: {:?}",
        documents(&brief).len(),
        sources(&brief).iter().take(3).collect::<Vec<_>>()
    );
}

#[test]
fn dash_reads_the_article_from_standard_input() {
    let out = run_with_stdin(&["brief", "-", "--format", "json"], STRIKE_A.as_bytes());
    assert_success(&out);
    let brief: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(sources(&brief), ["-"]);
    assert_eq!(documents(&brief)[0]["text"], STRIKE_A);
    assert_eq!(documents(&brief)[0]["title"], "Dockworkers walk out at Port Élise over pay");
}

#[test]
fn standard_input_holding_json_is_read_as_json() {
    let article = json!({"title": "Ships stranded in the bay", "outlet": "Coastal Times", "text": STRIKE_B});
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    fs::write(&file, STRIKE_A).unwrap();
    let out = run_with_stdin(
        &["brief".as_ref(), file.as_os_str(), "-".as_ref(), "--format".as_ref(), "json".as_ref()],
        article.to_string().as_bytes(),
    );
    assert_success(&out);
    let brief: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(sources(&brief), [file.display().to_string(), "-".to_string()], "inputs keep their order");
    let d = &documents(&brief)[1];
    assert_eq!(d["outlet"], "Coastal Times");
    assert_eq!(d["text"], STRIKE_B);
}

// ---------------------------------------------------------------------------------------------
// The JSON contract
// ---------------------------------------------------------------------------------------------

#[test]
fn schema_is_a_valid_draft_2020_12_schema() {
    let schema = schema();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert!(jsonschema::meta::is_valid(&schema), "{:?}", jsonschema::meta::validate(&schema).err());
}

#[test]
fn json_brief_of_the_example_story_validates_against_the_schema() {
    let brief = brief_json(&[story_dir()]);
    assert_valid(&brief);
    assert_eq!(documents(&brief).len(), 5);
    for list in ["entities", "quotes", "claims", "timeline", "framing"] {
        assert!(brief[list].is_array(), "{list}");
    }
}

#[test]
fn json_brief_with_skipped_inputs_validates_against_the_schema() {
    let dir = tempfile::tempdir().unwrap();
    write_strike(dir.path());
    fs::write(dir.path().join("empty.txt"), "").unwrap();
    let brief = brief_json(&[dir.path()]);
    assert_eq!(skipped(&brief).len(), 1);
    assert_valid(&brief);
}

#[test]
fn schema_rejects_briefs_that_break_the_contract() {
    let validator = validator();
    let good = brief_json(&[story("calderford-evening-post.txt")]);
    assert!(schema_errors(&validator, &good).is_empty());
    let mut broken: Vec<(&str, Value)> = Vec::new();
    let mut b = good.clone();
    b.as_object_mut().unwrap().remove("skipped");
    broken.push(("missing top-level list", b));
    let mut b = good.clone();
    b["extra"] = json!(1);
    broken.push(("unknown top-level field", b));
    let mut b = good.clone();
    b["documents"][0]["blocks"][0]["kind"] = json!("sidebar");
    broken.push(("unknown block kind", b));
    let mut b = good.clone();
    b["documents"][0]["blocks"][0]["start"] = json!(-1);
    broken.push(("negative offset", b));
    let mut b = good.clone();
    b["documents"][0].as_object_mut().unwrap().remove("url");
    broken.push(("document without url (must be null, not absent)", b));
    let mut b = good.clone();
    b["documents"][0]["language"] = json!("en");
    broken.push(("unknown document field", b));
    let mut b = good.clone();
    b["summary"][0]["citations"] = json!([]);
    broken.push(("summary sentence citing nothing", b));
    let mut b = good.clone();
    b["summary"][0]["score"] = json!(0.5);
    broken.push(("unknown summary field", b));
    let mut b = good.clone();
    b["skipped"] = json!([{"source": "x.bin"}]);
    broken.push(("skipped entry without error", b));
    for (what, b) in broken {
        assert!(!schema_errors(&validator, &b).is_empty(), "schema accepts a brief with a {what}");
    }
}

#[test]
fn offsets_are_char_offsets_that_give_back_block_and_summary_text() {
    let dir = tempfile::tempdir().unwrap();
    write_strike(dir.path());
    let brief = brief_json(&[dir.path().as_os_str(), "--sentences".as_ref(), "20".as_ref()]);
    assert_valid(&brief);
    assert_offsets_consistent(&brief);
    // The test means something only if byte and char offsets differ for some summary sentence.
    let differs = summary(&brief).iter().any(|s| {
        let text = str_of(doc_by_id(&brief, str_of(s, "doc")), "text");
        let byte = text.find(str_of(s, "text")).expect("summary text is in its document");
        byte != offset(s, "start")
    });
    assert!(differs, "no summary sentence follows non-ASCII text; the check would not tell bytes from chars");
}

#[test]
fn offsets_of_the_example_story_give_back_block_and_summary_text() {
    let brief = brief_json(&[story_dir().as_os_str(), "--sentences".as_ref(), "100".as_ref()]);
    assert_offsets_consistent(&brief);
}

// ---------------------------------------------------------------------------------------------
// Citations and what the summary may use
// ---------------------------------------------------------------------------------------------

#[test]
fn sentence_stated_by_two_documents_cites_both_and_no_other() {
    let dir = tempfile::tempdir().unwrap();
    write_strike(dir.path());
    let brief = brief_json(&[dir.path().as_os_str(), "--sentences".as_ref(), "20".as_ref()]);
    let (a, b, c) = (
        id_of_source(&brief, "a-harbour-daily.txt"),
        id_of_source(&brief, "b-coastal-times.txt"),
        id_of_source(&brief, "c-retail-news.txt"),
    );
    // Word for word in A and B.
    let item = summary_item(&brief, "2,300 of its members had joined the walkout");
    let mut cites = citations(item);
    assert_eq!(cites[0], str_of(item, "doc"));
    cites.sort();
    assert_eq!(cites, [a.clone(), b.clone()], "{item}");
    // Close paraphrase in A and B.
    let item = summary_item(&brief, "14 container ships were waiting at anchor");
    let mut cites = citations(item);
    cites.sort();
    assert_eq!(cites, [a, b], "{item}");
    // Stated only by C.
    let item = summary_item(&brief, "We have stock for three or four days");
    assert_eq!(citations(item), [c]);
}

#[test]
fn example_story_sentences_shared_by_outlets_cite_each_of_them() {
    let brief = brief_json(&[story_dir().as_os_str(), "--sentences".as_ref(), "100".as_ref()]);
    // Every summary sentence that another outlet prints word for word cites that outlet.
    // (A sentence after a dateline is compared without it: "CALDERFORD — The bridge ...".)
    let mut verbatim_checked = 0;
    for s in summary(&brief) {
        let text = str_of(s, "text");
        let core = text.split_once(" — ").map_or(text, |(_, rest)| rest);
        for d in documents(&brief) {
            let id = str_of(d, "id");
            if id != str_of(s, "doc") && str_of(d, "text").contains(core) {
                assert!(
                    citations(s).iter().any(|c| c == id),
                    "{id} states {text:?} word for word but is not cited: {s}"
                );
                verbatim_checked += 1;
            }
        }
    }
    assert!(verbatim_checked > 0, "no summary sentence is printed word for word by two outlets");
    // Paraphrased by the Evening Post and the Herald ("rose to" / "reached"), and by both
    // reports of the bundle.
    let post = id_of_source(&brief, "calderford-evening-post.txt");
    let herald = id_of_source(&brief, "riverside-herald.html");
    let item = summary_item(&brief, "6.4 metres at the Calderford gauge on Tuesday afternoon");
    let cites = citations(item);
    assert!(cites.contains(&post) && cites.contains(&herald), "{item}");
}

#[test]
fn example_story_marks_comments_captions_editorials_and_link_lists() {
    let brief = brief_json(&[story_dir()]);
    let kind_of_line = |source: &str, needle: &str| -> String {
        let d =
            &documents(&brief)[documents(&brief).iter().position(|d| str_of(d, "source").ends_with(source)).unwrap()];
        let text = str_of(d, "text");
        let block = d["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| char_slice(text, offset(b, "start"), offset(b, "end")).contains(needle))
            .unwrap_or_else(|| panic!("no block of {source} contains {needle:?}"));
        str_of(block, "kind").to_string()
    };
    let post = "calderford-evening-post.txt";
    assert_eq!(kind_of_line(post, "Photograph: Anna Lindqvist/Reuters"), "caption");
    assert_eq!(kind_of_line(post, "[Local News] [Weather]"), "boilerplate");
    assert_eq!(kind_of_line(post, "12 comments"), "reader_comment");
    assert_eq!(kind_of_line(post, "RiverWatcher wrote: Been saying"), "reader_comment");
    assert_eq!(kind_of_line(post, "MillLaneMum wrote:"), "reader_comment");
    assert_eq!(kind_of_line(post, "@MillLaneMum they were sending it round"), "reader_comment");
    assert_eq!(kind_of_line("northern-wire.json", "Comment: Calderford has now been warned"), "editorial");
    assert_eq!(kind_of_line(post, "About 1,200 residents"), "body");
}

#[test]
fn summary_never_uses_comments_captions_editorials_or_boilerplate() {
    // Every sentence the summary may take, so nothing hides behind the length budget.
    let brief = brief_json(&[story_dir().as_os_str(), "--sentences".as_ref(), "1000".as_ref()]);
    assert!(summary(&brief).len() >= 20, "expected most reporting sentences, got {}", summary(&brief).len());
    for s in summary(&brief) {
        let d = doc_by_id(&brief, str_of(s, "doc"));
        let (start, end) = (offset(s, "start"), offset(s, "end"));
        for b in d["blocks"].as_array().unwrap() {
            let kind = str_of(b, "kind");
            let overlaps = offset(b, "start") < end && start < offset(b, "end");
            assert!(
                !overlaps || matches!(kind, "body" | "quote_block"),
                "summary sentence {s} comes from a {kind} block"
            );
        }
        let text = str_of(s, "text");
        for marker in [
            "wrote:",
            "RiverWatcher",
            "Photograph:",
            "Reuters",
            "Comment:",
            "[Local News]",
            "comments",
            "the money went elsewhere",
        ] {
            assert!(!text.contains(marker), "summary sentence {text:?} contains {marker:?}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Summary length
// ---------------------------------------------------------------------------------------------

#[test]
fn words_budget_caps_the_summary_in_whole_sentences() {
    for budget in [40usize, 80, 150] {
        let brief = brief_json(&[story_dir().as_os_str(), "--words".as_ref(), budget.to_string().as_ref()]);
        let n = summary(&brief).len();
        assert!(n >= 2, "--words {budget} gave {n} sentences");
        assert!(summary_words(&brief) <= budget, "--words {budget} gave {} words", summary_words(&brief));
        assert_offsets_consistent(&brief);
    }
}

#[test]
fn default_summary_stays_within_120_words() {
    let brief = brief_json(&[story_dir()]);
    assert!(summary(&brief).len() >= 2);
    assert!(summary_words(&brief) <= 120, "{} words", summary_words(&brief));
}

#[test]
fn words_budget_below_any_sentence_gives_the_shortest_one_and_says_so() {
    let brief = brief_json(&[story_dir().as_os_str(), "--words".as_ref(), "5".as_ref()]);
    assert_valid(&brief);
    assert_eq!(summary(&brief).len(), 1);
    let notes = brief["notes"].as_array().expect("notes");
    assert!(notes.iter().any(|n| n.as_str().unwrap().contains("5-word budget")), "{notes:?}");
    // The shortest candidate: no other summary at a larger budget starts with a shorter one.
    let words = summary_words(&brief);
    let wider = brief_json(&[story_dir().as_os_str(), "--words".as_ref(), words.to_string().as_ref()]);
    assert!(summary_words(&wider) <= words);
    assert!(wider["notes"].as_array().unwrap().is_empty(), "a budget that fits needs no note");
}

#[test]
fn words_budget_is_a_ceiling_even_for_the_first_sentence() {
    for n in [12usize, 20, 30] {
        let brief = brief_json(&[story_dir().as_os_str(), "--words".as_ref(), n.to_string().as_ref()]);
        if brief["notes"].as_array().unwrap().is_empty() {
            assert!(summary_words(&brief) <= n, "--words {n}: {} words", summary_words(&brief));
        }
    }
}

#[test]
fn sentences_option_gives_exactly_that_many_sentences() {
    for n in [1usize, 3, 6] {
        let brief = brief_json(&[story_dir().as_os_str(), "--sentences".as_ref(), n.to_string().as_ref()]);
        assert_eq!(summary(&brief).len(), n, "--sentences {n}");
    }
}

#[test]
fn words_and_sentences_options_conflict() {
    let out = run(&[
        "brief".as_ref(),
        story_dir().as_os_str(),
        "--words".as_ref(),
        "50".as_ref(),
        "--sentences".as_ref(),
        "2".as_ref(),
    ]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("cannot be used with"), "{}", stderr(&out));
}

// ---------------------------------------------------------------------------------------------
// Renderers
// ---------------------------------------------------------------------------------------------

const SCRIPT_REPORT: &str = "Council flood claims page taken offline
CALDERFORD — The council took its new flood claims page offline on Wednesday after residents reported that the form displayed the text <script>alert(1)</script> instead of a confirmation number.
A council spokesperson said no personal data had been exposed and that paper claim forms were available at the Calderford Leisure Centre.
Residents have until the end of April to claim up to £500 towards clean-up costs, the council said.
";

#[test]
fn text_output_lists_summary_with_citations_and_sources() {
    let out = run(&["brief".as_ref(), story_dir().as_os_str()]);
    assert_success(&out);
    let text = stdout(&out);
    assert!(text.starts_with("SUMMARY (5 sources)"), "{text}");
    assert!(text.contains("[d"), "citations in brackets: {text}");
    assert!(text.contains("SOURCES") && text.contains("The Riverside Herald: Calderford flood"), "{text}");
    assert!(!text.contains("NOT READ"));
}

#[test]
fn markdown_output_has_summary_with_citation_links_and_escapes_markup() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("claims-page.txt");
    fs::write(&script, SCRIPT_REPORT).unwrap();
    let out = run(&[
        "brief".as_ref(),
        story_dir().as_os_str(),
        script.as_os_str(),
        "--format".as_ref(),
        "md".as_ref(),
        "--sentences".as_ref(),
        "100".as_ref(),
    ]);
    assert_success(&out);
    let md = stdout(&out);
    assert!(md.starts_with("# Brief\n"), "{md}");
    assert!(md.contains("## Summary") && md.contains("## Sources"), "{md}");
    assert!(md.contains("](#d1)"), "citations link to sources: {md}");
    assert!(md.contains("alert(1)") || md.contains("alert\\(1\\)"), "the claims-page sentence is in the summary: {md}");
    assert!(!md.contains("<script>"), "raw <script> in Markdown output:\n{md}");
}

#[test]
fn html_output_is_a_full_page_with_article_markup_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("claims-page.txt");
    fs::write(&script, SCRIPT_REPORT).unwrap();
    let titled = dir.path().join("titled.json");
    let record = json!({"title": "Claims page <img src=x onerror=alert(2)>", "outlet": "Aske \"Valley\" Gazette", "text": STRIKE_C});
    fs::write(&titled, record.to_string()).unwrap();
    let args: Vec<&std::ffi::OsStr> = vec![
        "brief".as_ref(),
        script.as_os_str(),
        titled.as_os_str(),
        "--format".as_ref(),
        "html".as_ref(),
        "--show-blocks".as_ref(),
        "--sentences".as_ref(),
        "10".as_ref(),
    ];
    let out = run(&args);
    assert_success(&out);
    let html = stdout(&out);
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains("<html") && html.contains("<head>") && html.contains("<body>"));
    assert!(html.trim_end().ends_with("</body></html>"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the article's markup is shown, escaped:\n{html}");
    assert!(!html.to_lowercase().contains("<script"), "unescaped <script> in the page:\n{html}");
    assert!(!html.contains("<img"), "unescaped <img> from a title in the page:\n{html}");
    assert_eq!(html.matches("</html>").count(), 1);
}

#[test]
fn output_flag_writes_the_brief_to_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("brief.html");
    let out = run(&[
        "brief".as_ref(),
        story_dir().as_os_str(),
        "--format".as_ref(),
        "html".as_ref(),
        "-o".as_ref(),
        target.as_os_str(),
    ]);
    assert_success(&out);
    assert!(out.stdout.is_empty(), "nothing on stdout when -o is given: {}", stdout(&out));
    let html = fs::read_to_string(&target).expect("-o wrote the file");
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("The Riverside Herald"), "{html}");

    let json_target = dir.path().join("brief.json");
    let out = run(&[
        "brief".as_ref(),
        story_dir().as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
        "--output".as_ref(),
        json_target.as_os_str(),
    ]);
    assert_success(&out);
    let brief: Value = serde_json::from_str(&fs::read_to_string(&json_target).unwrap()).unwrap();
    assert_valid(&brief);
}

#[test]
fn unwritable_output_path_fails_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("no-such-dir").join("brief.md");
    let out = run(&["brief".as_ref(), story("northern-wire.json").as_os_str(), "-o".as_ref(), target.as_os_str()]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains(&target.display().to_string()), "{}", stderr(&out));
}

// ---------------------------------------------------------------------------------------------
// Bad input
// ---------------------------------------------------------------------------------------------

/// The stderr line that reports `name` as skipped.
fn warning_for<'a>(err: &'a str, name: &str) -> &'a str {
    err.lines()
        .find(|l| l.starts_with("warning: skipped ") && l.contains(name))
        .unwrap_or_else(|| panic!("no warning names {name}; stderr:\n{err}"))
}

#[test]
fn missing_file_alone_fails_with_a_message_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-report.txt");
    let out = run(&["brief".as_ref(), missing.as_os_str()]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(warning_for(&err, "no-such-report.txt").contains("cannot read"), "{err}");
    assert!(err.contains("error: none of the inputs gave an article to brief"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn missing_file_among_good_ones_is_skipped_and_the_rest_briefed() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-report.txt");
    let out = run(&[
        "brief".as_ref(),
        missing.as_os_str(),
        story("northern-wire.json").as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert_success(&out);
    warning_for(&stderr(&out), "no-such-report.txt");
    let brief: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(documents(&brief).len(), 1);
    assert_eq!(skipped(&brief).len(), 1);
    assert_eq!(str_of(&skipped(&brief)[0], "source"), missing.display().to_string());
}

#[test]
fn bad_files_in_a_directory_are_named_and_skipped_while_good_ones_are_briefed() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(p.join("good.txt"), STRIKE_A).unwrap();
    fs::write(p.join("photo.bin"), junk_bytes(4096)).unwrap();
    // Latin-1, not UTF-8: "Café" and "Élise" as single bytes.
    fs::write(
        p.join("latin1.txt"),
        b"Caf\xe9 owners near the port of \xc9lise said trade had halved since the strike began.\n",
    )
    .unwrap();
    fs::write(p.join("empty.txt"), "").unwrap();
    let good_line = json!({"title": "Ships stranded in the bay", "outlet": "Coastal Times", "text": STRIKE_B});
    fs::write(
        p.join("mixed.jsonl"),
        format!("{good_line}\n{{\"title\": \"Truncated record\", \"text\": \"The port authori\n"),
    )
    .unwrap();

    let out = run(&["brief".as_ref(), p.as_os_str(), "--format".as_ref(), "json".as_ref()]);
    assert_success(&out);
    let err = stderr(&out);
    assert!(warning_for(&err, "photo.bin").contains("looks like binary data"), "{err}");
    assert!(warning_for(&err, "latin1.txt").contains("not valid UTF-8 (first bad byte at offset 3)"), "{err}");
    assert!(warning_for(&err, "empty.txt").contains("no article text"), "{err}");
    assert!(warning_for(&err, "mixed.jsonl:2").contains("malformed JSON"), "{err}");
    assert_eq!(err.lines().filter(|l| l.starts_with("warning: skipped")).count(), 4, "{err}");

    let brief: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_valid(&brief);
    let d = p.display().to_string();
    assert_eq!(sources(&brief), [format!("{d}/good.txt"), format!("{d}/mixed.jsonl:1")]);
    assert_eq!(documents(&brief)[1]["outlet"], "Coastal Times");
    let mut skipped_sources: Vec<&str> = skipped(&brief).iter().map(|s| str_of(s, "source")).collect();
    skipped_sources.sort();
    let mut expected =
        [format!("{d}/empty.txt"), format!("{d}/latin1.txt"), format!("{d}/mixed.jsonl:2"), format!("{d}/photo.bin")];
    expected.sort();
    assert_eq!(skipped_sources, expected);
    assert!(!summary(&brief).is_empty());
}

#[test]
fn all_inputs_bad_fails_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(p.join("photo.bin"), junk_bytes(2048)).unwrap();
    fs::write(p.join("empty.txt"), "\n\n  \n").unwrap();
    fs::write(p.join("broken.json"), "{\"title\": \"Half a record\", \"text\": ").unwrap();
    let out = run(&["brief".as_ref(), p.as_os_str(), "--format".as_ref(), "json".as_ref()]);
    assert!(!out.status.success(), "exit status {:?}", out.status);
    assert!(out.stdout.is_empty(), "no brief on stdout: {}", stdout(&out));
    let err = stderr(&out);
    warning_for(&err, "photo.bin");
    warning_for(&err, "empty.txt");
    assert!(warning_for(&err, "broken.json").contains("malformed JSON"), "{err}");
    assert!(err.contains("error: none of the inputs gave an article to brief (3 skipped)"), "{err}");
}

#[test]
fn file_over_the_default_limit_is_skipped_with_its_size_and_the_rest_briefed() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.txt");
    let file = fs::File::create(&huge).unwrap();
    file.set_len(100 * 1024 * 1024).unwrap(); // sparse: costs no disk and is never read
    drop(file);
    let out = run(&[
        "brief".as_ref(),
        huge.as_os_str(),
        story("northern-wire.json").as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert_success(&out);
    let err = stderr(&out);
    let line = warning_for(&err, "huge.txt");
    assert!(line.contains("104857600 bytes is over the limit of 67108864 bytes (raise it with --max-bytes)"), "{line}");
    let brief: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(documents(&brief).len(), 1);
    assert_eq!(str_of(&skipped(&brief)[0], "source"), huge.display().to_string());
}

#[test]
fn max_bytes_rejects_a_larger_text_file_naming_it_and_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let long = dir.path().join("long-report.txt");
    let text = format!("{STRIKE_A}{STRIKE_B}{STRIKE_C}");
    assert!(text.len() > 1000);
    fs::write(&long, &text).unwrap();
    let short = dir.path().join("short.txt");
    fs::write(&short, STRIKE_C).unwrap();
    assert!(STRIKE_C.len() <= 1000);
    let out = run(&[
        "brief".as_ref(),
        long.as_os_str(),
        short.as_os_str(),
        "--max-bytes".as_ref(),
        "1000".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert_success(&out);
    let line = warning_for(&stderr(&out), "long-report.txt").to_string();
    assert!(line.contains(&format!("{} bytes is over the limit of 1000 bytes", text.len())), "{line}");
    let brief: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(sources(&brief), [short.display().to_string()]);
    assert_eq!(skipped(&brief).len(), 1);
}

#[test]
fn max_bytes_also_bounds_standard_input() {
    let text = format!("{STRIKE_A}{STRIKE_B}{STRIKE_C}");
    let out = run_with_stdin(&["brief", "-", "--max-bytes", "1000"], text.as_bytes());
    assert!(!out.status.success());
    let err = stderr(&out);
    let line = warning_for(&err, "-: ");
    assert!(line.contains("more than 1000 bytes, the limit"), "{err}");
}

#[test]
fn quotes_command_groups_quotes_by_speaker_for_one_article_too() {
    let out = crosscheck().arg("quotes").arg(story("calderford-evening-post.txt")).output().expect("runs");
    assert_success(&out);
    let text = stdout(&out);
    assert!(text.starts_with("WHO SAID WHAT"), "{text}");
    let marchetti = text.find("Hélène Marchetti").expect("the mayor is a speaker");
    let quote = text.find("We will not reopen the bridge").expect("her quote is listed");
    assert!(marchetti < quote, "the quote is listed under its speaker:\n{text}");

    let out = crosscheck().args(["quotes", "--format", "json"]).arg(story_dir()).output().expect("runs");
    assert_success(&out);
    let v: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let quotes = v["quotes"].as_array().expect("a quotes list");
    let q = quotes.iter().find(|q| str_of(q, "text").starts_with("We will not reopen")).expect("the quote");
    assert_eq!(q["speaker"], "Hélène Marchetti");
    assert_eq!(q["kind"], "direct");
}

#[test]
fn quotes_command_prints_a_brief_within_the_schema_without_a_summary() {
    let out = crosscheck().args(["quotes", "--format", "json"]).arg(story_dir()).output().expect("runs");
    assert_success(&out);
    let v: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_valid(&v);
    assert!(summary(&v).is_empty(), "the quotes command selects no summary");
    let full = brief_json(&[story_dir()]);
    assert_eq!(v["quotes"], full["quotes"], "the same quotes as the brief's");
}

#[test]
fn quotes_command_error_speaks_of_quotes_not_a_brief() {
    let (_dir, path) = one_file("empty.txt", "   \n");
    let out = crosscheck().arg("quotes").arg(&path).output().expect("runs");
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("to read quotes from") && !err.contains("brief"), "{err}");
}

#[test]
fn every_entity_has_an_id_and_every_named_speaker_points_at_its_entity() {
    let brief = brief_json(&[story_dir()]);
    let entities = brief["entities"].as_array().expect("entities");
    for (n, e) in entities.iter().enumerate() {
        assert_eq!(str_of(e, "id"), format!("e{}", n + 1));
    }
    let mut named = 0;
    for q in brief["quotes"].as_array().unwrap() {
        match (q["speaker"].as_str(), q["speaker_id"].as_str()) {
            (Some(name), Some(id)) => {
                let e = entities.iter().find(|e| e["id"] == id).expect("the id is an entity of the brief");
                assert_eq!(str_of(e, "name"), name);
                named += 1;
            }
            (None, None) => {}
            other => panic!("speaker and speaker_id disagree: {other:?}"),
        }
    }
    assert!(named > 0, "the example story has named speakers");
}

#[test]
fn text_brief_counts_quotes_in_words_and_says_how_many_entities_it_lists() {
    let (_dir, path) = one_file(
        "one.txt",
        "Council approves budget\n“We will not raise taxes this year,” said council leader Ruth Abney.\n",
    );
    let out = crosscheck().arg("brief").arg(&path).output().expect("runs");
    assert_success(&out);
    let text = stdout(&out);
    assert!(text.contains("WHO SAID WHAT (1 quote)"), "{text}");
    // Ruth Abney is mentioned once in one source: listed in the JSON, and the text says what it left out.
    assert!(text.contains("ENTITIES") && text.contains("0 of 1 entity"), "{text}");

    let out = crosscheck().arg("brief").arg(story_dir()).output().expect("runs");
    let text = stdout(&out);
    let total = brief_json(&[story_dir()])["entities"].as_array().unwrap().len();
    assert!(text.contains(&format!("of {total} entities")), "{text}");
}

#[test]
fn brief_lists_merged_entities_and_quotes_within_the_schema() {
    let brief = brief_json(&[story_dir()]);
    assert_valid(&brief);
    let entities = brief["entities"].as_array().expect("entities");
    let mayor = entities.iter().find(|e| e["name"] == "Hélène Marchetti").expect("the mayor is an entity");
    assert_eq!(mayor["type"], "person");
    assert!(mayor["aliases"].as_array().unwrap().iter().any(|a| a == "Marchetti"), "{mayor}");
    for q in brief["quotes"].as_array().unwrap() {
        let doc = doc_by_id(&brief, str_of(q, "doc"));
        let text = char_slice(str_of(doc, "text"), offset(q, "start"), offset(q, "end"));
        assert_eq!(text, str_of(q, "text"), "quote offsets give back the quote");
    }
}

#[test]
fn quotes_page_in_html_escapes_text_and_keeps_its_citation_targets() {
    let (_dir, path) = one_file(
        "report.txt",
        "Council approves budget\n\
         “We will not <script>alert(1)</script> raise taxes this year,” said council leader Ruth Abney.\n",
    );
    let out = crosscheck().args(["quotes", "--format", "html"]).arg(&path).output().expect("runs");
    assert_success(&out);
    let page = stdout(&out);
    assert!(!page.contains("<script>"), "article text is escaped");
    assert!(page.contains("&lt;script&gt;"));
    assert!(page.contains("Ruth Abney"));
    assert!(page.contains("href=\"#d1\"") && page.contains("id=\"d1\""), "citations point at a source entry");
}

#[test]
fn eval_blocks_names_a_missing_label_file_and_its_reason_once() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-labels.jsonl");
    let out = run(&["eval".as_ref(), "blocks".as_ref(), "--data".as_ref(), missing.as_os_str()]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("no-such-labels.jsonl"), "{err}");
    assert_eq!(err.matches("No such file or directory").count(), 1, "{err}");
}

#[test]
fn eval_blocks_scores_a_written_set_with_intervals() {
    let dir = tempfile::tempdir().unwrap();
    let set = dir.path().join("set.jsonl");
    let doc = json!({"id": "w-1", "lines": [
        ["body", "Harbour Council approves ferry subsidy after long debate"],
        ["boilerplate", "By Ines Okafor | Updated 9:14 a.m."],
        ["body", "PORTNESS — The council voted 9 to 4 on Tuesday to keep the night ferry running for two more years, the mayor said."],
        ["body", "The subsidy will cost 1.2 million pounds a year, paid from the harbour fund."],
        ["boilerplate", "Share this article"],
    ]});
    fs::write(&set, format!("{doc}\n")).unwrap();
    let out = run(&["eval".as_ref(), "blocks".as_ref(), "--data".as_ref(), set.as_os_str()]);
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(text.starts_with("1 documents, 5 lines, accuracy"), "{text}");
    assert!(text.contains("95% interval"), "{text}");
    assert!(text.contains("| body | 3 |"), "{text}");
}
