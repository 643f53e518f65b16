//! A story: the analysed documents and the typed output of every stage that ran.
//!
//! [`Story::build`] runs the stages a caller asks for, in dependency order (quotes need
//! entities; every stage needs the analysis), each stage taking what it needs and returning
//! its own typed result. Projection into the JSON contract is [`crate::brief`]'s job; a Story
//! holds byte offsets and indices, never strings made for output.

use crate::analysis::Analysis;
use crate::entities::{self, Entities};
use crate::progress::{Progress, Stage};
use crate::quotes::{self, Quote};
use crate::read::Article;
use crate::summary::{self, Length, SummaryConfig, SummarySentence};

/// Which stages to run, with their settings.
#[derive(Debug, Clone)]
pub struct Stages {
    /// Summary length; `None` runs no summary.
    pub summary: Option<Length>,
    /// Selection weights of the summary.
    pub summary_config: SummaryConfig,
    /// Find entities (always on when `quotes` is).
    pub entities: bool,
    /// Find who said what.
    pub quotes: bool,
    /// Command of an entity-model worker (`workers/ner_worker.py`) to type entities with;
    /// when it cannot start, entities are typed by rules and a warning is logged.
    pub ner_command: Option<String>,
    /// Told as each stage starts (see [`crate::Progress`]).
    pub progress: Option<Progress>,
}

impl Stages {
    /// Every stage, with a summary of `length`.
    pub fn all(length: Length) -> Stages {
        Stages {
            summary: Some(length),
            summary_config: SummaryConfig::default(),
            entities: true,
            quotes: true,
            ner_command: None,
            progress: None,
        }
    }

    /// Only what who-said-what needs: entities and quotes, no summary.
    pub fn quotes_only() -> Stages {
        Stages { summary: None, ..Stages::all(Length::Sentences(0)) }
    }
}

impl Stages {
    fn report(&self, stage: Stage) {
        if let Some(p) = &self.progress {
            p.start(stage);
        }
    }
}

impl Default for Stages {
    fn default() -> Self {
        Stages::all(Length::Words(120))
    }
}

/// The analysed story and the output of each stage that ran (empty for those that did not).
#[derive(Debug)]
pub struct Story {
    analysis: Analysis,
    summary: Vec<SummarySentence>,
    entities: Entities,
    quotes: Vec<Quote>,
    notes: Vec<String>,
}

impl Story {
    /// Analyses the articles and runs the asked-for stages.
    pub fn build(articles: Vec<Article>, stages: &Stages) -> Story {
        stages.report(Stage::Analysis);
        Story::from_analysis(Analysis::new(articles), stages)
    }

    /// Runs the asked-for stages over an existing analysis.
    pub fn from_analysis(analysis: Analysis, stages: &Stages) -> Story {
        stages.report(Stage::Summary);
        let summary = match stages.summary {
            Some(length) => summary::summarize(&analysis, length, &stages.summary_config),
            None => Vec::new(),
        };
        stages.report(Stage::Entities);
        let entities = if stages.entities || stages.quotes {
            let mut worker = stages.ner_command.as_deref().and_then(|c| match entities::ner::NerWorker::spawn(c) {
                Ok(w) => Some(w),
                Err(e) => {
                    tracing::warn!("{e}; typing entities by rules");
                    None
                }
            });
            entities::find_entities_with(&analysis, worker.as_mut())
        } else {
            Entities::default()
        };
        stages.report(Stage::Quotes);
        let quotes = if stages.quotes { quotes::find_quotes(&analysis, &entities) } else { Vec::new() };
        let mut notes = Vec::new();
        if let Some(Length::Words(budget)) = stages.summary {
            let words: usize = summary.iter().map(|c| analysis.sentence(c.sentence).words).sum();
            if words > budget {
                notes.push(format!(
                    "No reporting sentence fits the {budget}-word budget; the summary is the shortest one ({words} words)."
                ));
            }
        }
        Story { analysis, summary, entities, quotes, notes }
    }

    /// The documents, their blocks and sentences.
    pub fn analysis(&self) -> &Analysis {
        &self.analysis
    }

    /// The summary's sentences in reading order, with the documents that state each.
    pub fn summary(&self) -> &[SummarySentence] {
        &self.summary
    }

    /// The story's actors, merged across documents and names.
    pub fn entities(&self) -> &Entities {
        &self.entities
    }

    /// Who said what.
    pub fn quotes(&self) -> &[Quote] {
        &self.quotes
    }

    /// What a reader should know about how the stages went (a summary over its budget).
    pub fn notes(&self) -> &[String] {
        &self.notes
    }
}
