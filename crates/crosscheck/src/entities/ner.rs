//! An optional trained entity recogniser, run as a separate worker process that speaks a line
//! protocol (`workers/ner_worker.py` wraps spaCy's small English model). Used only to type
//! entities: measured on ECB+, the model types named mentions better than the rules (0.81 vs
//! 0.65 agreement with the corpus) while the rules find more of them, so mentions stay
//! rule-based and the model's labels vote on each entity's type. Without a worker, or when it
//! fails, everything falls back to the rules with a warning.

use std::io::{BufRead, BufReader, Write};
use std::ops::Range;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use serde::Deserialize;

use super::EntityType;

/// Why the model worker could not label a text.
#[derive(Debug, thiserror::Error)]
pub enum NerError {
    /// The worker command could not be started.
    #[error("cannot start the entity model worker `{command}`: {source}")]
    Spawn {
        /// The command line as given.
        command: String,
        /// What starting it gave.
        source: std::io::Error,
    },
    /// The worker exited or answered something other than the protocol.
    #[error("the entity model worker stopped or broke the protocol: {0}")]
    Protocol(String),
}

/// A running worker.
pub struct NerWorker {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

#[derive(Deserialize)]
struct Answer {
    #[serde(default)]
    mentions: Vec<Labelled>,
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    ready: Option<String>,
}

#[derive(Deserialize)]
struct Labelled {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: String,
}

impl NerWorker {
    /// Starts `command` (a program and its arguments, split on whitespace) and waits for its
    /// ready line.
    pub fn spawn(command: &str) -> Result<NerWorker, NerError> {
        let mut parts = command.split_whitespace();
        let program = parts.next().ok_or_else(|| NerError::Protocol("empty command".into()))?;
        let mut child = Command::new(program)
            .args(parts)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|source| NerError::Spawn { command: command.to_string(), source })?;
        let stdin = child.stdin.take().ok_or_else(|| NerError::Protocol("no stdin".into()))?;
        let stdout = BufReader::new(child.stdout.take().ok_or_else(|| NerError::Protocol("no stdout".into()))?);
        let mut worker = NerWorker { child, stdin, stdout };
        let first = worker.read_answer()?;
        match first.ready {
            Some(model) => tracing::info!("entity model worker ready: {model}"),
            None => return Err(NerError::Protocol("no ready line".into())),
        }
        Ok(worker)
    }

    fn read_answer(&mut self) -> Result<Answer, NerError> {
        let mut line = String::new();
        let n = self.stdout.read_line(&mut line).map_err(|e| NerError::Protocol(e.to_string()))?;
        if n == 0 {
            return Err(NerError::Protocol("worker closed its output".into()));
        }
        serde_json::from_str(&line).map_err(|e| NerError::Protocol(format!("bad answer: {e}")))
    }

    /// Entity spans of `text` (byte ranges) with their types.
    pub fn label(&mut self, text: &str) -> Result<Vec<(Range<usize>, EntityType)>, NerError> {
        let request = serde_json::json!({ "text": text }).to_string();
        writeln!(self.stdin, "{request}")
            .and_then(|_| self.stdin.flush())
            .map_err(|e| NerError::Protocol(e.to_string()))?;
        let answer = self.read_answer()?;
        if let Some(e) = answer.error {
            return Err(NerError::Protocol(e));
        }
        // Character offsets to byte offsets, in one pass over the text.
        let mut char_to_byte: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        char_to_byte.push(text.len());
        Ok(answer
            .mentions
            .into_iter()
            .filter(|m| m.start < m.end && m.end < char_to_byte.len())
            .filter_map(|m| {
                let kind = match m.kind.as_str() {
                    "person" => EntityType::Person,
                    "organisation" => EntityType::Organisation,
                    "place" => EntityType::Place,
                    "group" => EntityType::Group,
                    _ => return None,
                };
                Some((char_to_byte[m.start]..char_to_byte[m.end], kind))
            })
            .collect())
    }
}

impl Drop for NerWorker {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
