//! Snapshots of the example story's brief (examples/story, written for this repo) in JSON and
//! Markdown: any change to a rule that moves a block kind, a summary sentence, an entity or a
//! quote shows up as a diff to review (`cargo insta review`, or compare the `.snap.new` file).

use std::path::Path;

use crosscheck::{
    project, read_inputs, render, render_to, Brief, OutputFormat, ReadOptions, RenderOptions, Stages, Story,
};

fn example_brief() -> Brief {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/story");
    let mut read = read_inputs(&[dir], &ReadOptions::default());
    // Sources are named by path; keep the snapshot independent of where the repo is.
    for a in &mut read.articles {
        a.source = a.source.rsplit('/').next().unwrap_or(&a.source).to_string();
    }
    assert!(read.errors.is_empty(), "the example story reads cleanly");
    project(&Story::build(read.articles, &Stages::default()), &read.errors)
}

#[test]
fn example_story_brief_as_json() {
    insta::assert_snapshot!(render(&example_brief(), OutputFormat::Json, RenderOptions::default()));
}

#[test]
fn example_story_brief_as_markdown() {
    insta::assert_snapshot!(render(&example_brief(), OutputFormat::Markdown, RenderOptions::default()));
}

#[test]
fn streamed_output_is_the_rendered_string_in_every_format() {
    let brief = example_brief();
    for format in [OutputFormat::Json, OutputFormat::Markdown, OutputFormat::Html, OutputFormat::Terminal] {
        let mut streamed = Vec::new();
        render_to(&brief, format, RenderOptions::default(), &mut streamed).expect("writing to memory");
        assert_eq!(
            String::from_utf8(streamed).unwrap(),
            render(&brief, format, RenderOptions::default()),
            "{format:?}"
        );
    }
}
