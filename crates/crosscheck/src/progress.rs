//! Progress of a long brief, for a caller that wants to show it (the library never prints).
//!
//! [`crate::build_brief`] reports each stage as it starts: `(stage, done, total)`, with `done`
//! the number of stages finished before it and `total` the number of stages. On a long input
//! each stage takes seconds (a 64 MB text about 18 s in all), so this is enough for a bar.

use std::fmt;
use std::sync::Arc;

/// The stages of building a brief, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Blocks, sentences, terms and vectors of every document.
    Analysis,
    /// Selecting the summary's sentences.
    Summary,
    /// Finding and merging entities.
    Entities,
    /// Finding who said what.
    Quotes,
    /// Character offsets and output records.
    Assembly,
}

impl Stage {
    /// Every stage, in the order they run.
    pub const ALL: [Stage; 5] = [Stage::Analysis, Stage::Summary, Stage::Entities, Stage::Quotes, Stage::Assembly];

    /// What the stage is doing, for a progress line ("finding quotes").
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Analysis => "analysing",
            Stage::Summary => "summarising",
            Stage::Entities => "finding entities",
            Stage::Quotes => "finding quotes",
            Stage::Assembly => "assembling",
        }
    }
}

/// A callback told `(stage, done, total)` as each stage starts.
#[derive(Clone)]
pub struct Progress(Arc<dyn Fn(Stage, usize, usize) + Send + Sync>);

impl Progress {
    /// A hook that calls `f(stage, done, total)` as each stage starts.
    pub fn new(f: impl Fn(Stage, usize, usize) + Send + Sync + 'static) -> Progress {
        Progress(Arc::new(f))
    }

    /// Reports that `stage` starts.
    pub fn start(&self, stage: Stage) {
        let done = Stage::ALL.iter().position(|&s| s == stage).unwrap_or(0);
        (self.0)(stage, done, Stage::ALL.len());
    }
}

impl fmt::Debug for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Progress(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn a_brief_reports_every_stage_in_order() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&seen);
        let stages = crate::Stages {
            progress: Some(Progress::new(move |s, done, total| log.lock().unwrap().push((s, done, total)))),
            ..Default::default()
        };
        let article = crate::Article::from_text("a.txt", "Officials said on Monday that the bridge would reopen.");
        crate::build_brief(vec![article], &[], &stages);
        let expected: Vec<_> = Stage::ALL.iter().enumerate().map(|(k, &s)| (s, k, 5)).collect();
        assert_eq!(*seen.lock().unwrap(), expected);
    }
}
