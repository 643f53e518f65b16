//! The `crosscheck` command: a thin shell over the library. Argument parsing, file output,
//! progress and exit codes live here; everything else is in the `crosscheck` crate.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use crosscheck::{
    build_brief, read_inputs, render_to, Length, OutputFormat, Progress, ReadOptions, RenderOptions, Stages,
    SummaryConfig,
};
use crosscheck_eval::summary as eval_summary;
use indicatif::{ProgressBar, ProgressStyle};

#[derive(Parser)]
#[command(name = "crosscheck", version, about = "Many news reports of one story in, one sourced brief out")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Brief one story from its sources: files (.txt, .html, .json, .jsonl, Multi-News, .gz), directories, or - for stdin.
    Brief(BriefArgs),
    /// Who said what: the quotes of the inputs grouped by speaker (one article is enough).
    Quotes(QuotesArgs),
    /// Measure quality against reference data.
    #[command(subcommand)]
    Eval(EvalCommand),
}

/// What to read and where to write: shared by `brief` and `quotes`.
#[derive(Args)]
struct InputArgs {
    /// Input files or directories; "-" reads standard input.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output format (default: text for a terminal).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Largest input accepted, in bytes (for WARC files: per record).
    #[arg(long, default_value_t = ReadOptions::default().max_bytes)]
    max_bytes: u64,
    /// JSON key of an article field, tried before the defaults: FIELD=KEY with FIELD one of
    /// text, title, url, outlet, date, author, id; KEY may be a dotted path ("story.body").
    #[arg(long = "field", value_name = "FIELD=KEY")]
    fields: Vec<String>,
    /// Type entities with a trained model run as a worker process, e.g.
    /// ".venv-ner/bin/python workers/ner_worker.py" (install: scripts/setup-ner.sh).
    #[arg(long, value_name = "COMMAND")]
    ner_command: Option<String>,
}

#[derive(Args)]
struct BriefArgs {
    #[command(flatten)]
    io: InputArgs,
    /// Summary length in words (whole sentences, at most this many).
    #[arg(long, default_value_t = 120, conflicts_with = "sentences")]
    words: usize,
    /// Summary length in sentences.
    #[arg(long)]
    sentences: Option<usize>,
    /// Show every document split into its blocks, with the kind of each.
    #[arg(long)]
    show_blocks: bool,
}

#[derive(Args)]
struct QuotesArgs {
    #[command(flatten)]
    io: InputArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Md,
    Json,
    Html,
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Summarize every cluster of a cluster file and report ROUGE-1/2/L F-measure (stemmed).
    Summary(EvalSummaryArgs),
    /// Per-kind precision and recall of block classification on a labelled set.
    Blocks(EvalBlocksArgs),
    /// Fit the block model's coefficients on written labelled sets (cross-validated by document).
    FitBlocks(FitBlocksArgs),
    /// Token precision/recall/F1 of main-text extraction on the article-extraction benchmark.
    Extract(EvalExtractArgs),
    /// Precision/recall/F1 of quote attribution (source, content) on PolNeAR.
    Quotes(EvalQuotesArgs),
    /// B-cubed F1 of cross-document alias merging of named mentions on ECB+.
    Aliases(EvalAliasesArgs),
}

#[derive(Args)]
struct EvalQuotesArgs {
    /// PolNeAR split directory with text/ and attributions/ (e.g. ../shared/data/polnear/dev).
    #[arg(long)]
    data: PathBuf,
    /// Score this prediction file (one {"file", "quotes": [{"source", "cue", "content"}]} a
    /// line, as bench/peers/quotes.py writes) instead of running crosscheck.
    #[arg(long)]
    pred: Option<PathBuf>,
    /// Write crosscheck's predictions here, in the same format.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Print the scores as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct EvalAliasesArgs {
    /// ECB+ directory with xml/ and ECBplus_coreference_sentences.csv.
    #[arg(long)]
    data: PathBuf,
    /// Use the mentions of every sentence, not only the sentences annotated for coreference.
    #[arg(long)]
    all_sentences: bool,
    /// Score mention detection and typing instead of merging (crosscheck's own mentions, or a
    /// peer's with --pred).
    #[arg(long)]
    mentions: bool,
    /// With --mentions: a peer's mentions, {"id", "mentions": [{"start", "end", "type"}]} a line.
    #[arg(long)]
    pred: Option<PathBuf>,
    /// With --mentions: type crosscheck's entities with this entity-model worker too.
    #[arg(long, value_name = "COMMAND")]
    ner_command: Option<String>,
    /// Print the scores as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct EvalBlocksArgs {
    /// Labelled set: one {"id", "lines": [[kind, text], ...]} object a line, or labels over
    /// Multi-News ({"cluster", "index", "doc", "lines": [[start, end, kind], ...]}).
    #[arg(long)]
    data: PathBuf,
    /// The Multi-News file that offset labels point into.
    #[arg(long, default_value = "../shared/data/multinews/dev.jsonl")]
    texts: PathBuf,
    /// Also list every misclassified line.
    #[arg(long)]
    misses: bool,
}

#[derive(Args)]
struct FitBlocksArgs {
    /// Written labelled sets to fit on (repeat the flag). Only sets the project may learn from.
    #[arg(long, required = true)]
    data: Vec<PathBuf>,
    /// Where to write the fitted table (crates/crosscheck/src/blocks/model_weights.rs).
    #[arg(long)]
    out: PathBuf,
    /// Cross-validation folds (documents are split, never lines of one document).
    #[arg(long, default_value_t = 5)]
    folds: usize,
    /// L2 strengths to try; the one with the best cross-validated accuracy is fitted.
    #[arg(long, value_delimiter = ',', default_value = "0.3,1,3")]
    alphas: Vec<f64>,
}

#[derive(Args)]
struct EvalExtractArgs {
    /// Directory with ground-truth.json and html/<id>.html.gz.
    #[arg(long)]
    data: PathBuf,
    /// Keep everything extracted, or drop lines classified as captions, comments, boilerplate.
    #[arg(long, value_enum, default_value_t = KeepArg::Article)]
    keep: KeepArg,
    /// Write the extracted texts as a JSON object {id: text}.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Print the scores as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum KeepArg {
    Extracted,
    Article,
}

#[derive(Args)]
struct EvalSummaryArgs {
    /// Cluster file: one {"id", "documents": [{"text"}], "summary"} object a line.
    #[arg(long)]
    data: PathBuf,
    /// Word budget; every summary is cut to exactly this many words.
    #[arg(long)]
    words: usize,
    /// Write {"id", "summary"} lines here.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Selection weights as JSON (fields of SummaryConfig), for tuning.
    #[arg(long)]
    config: Option<String>,
    /// Use only the first N clusters.
    #[arg(long)]
    limit: Option<usize>,
    /// Print the scores as JSON.
    #[arg(long)]
    json: bool,
}

fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("CROSSCHECK_LOG")
                .unwrap_or_else(|_| "warn,trafilatura=error,html5ever=error".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Brief(args) => {
            let length = match args.sentences {
                Some(n) => Length::Sentences(n),
                None => Length::Words(args.words),
            };
            run(args.io, Stages::all(length), RenderOptions { show_blocks: args.show_blocks, quotes_only: false })
        }
        // Only who said what: entities and quotes, no summary.
        Command::Quotes(a) => run(a.io, Stages::quotes_only(), RenderOptions { show_blocks: false, quotes_only: true }),
        Command::Eval(EvalCommand::Quotes(args)) => eval_quotes_cmd(args),
        Command::Eval(EvalCommand::Aliases(args)) => eval_aliases_cmd(args),
        Command::Eval(EvalCommand::Summary(args)) => eval_summary_cmd(args),
        Command::Eval(EvalCommand::Blocks(args)) => eval_blocks_cmd(args),
        Command::Eval(EvalCommand::FitBlocks(args)) => fit_blocks_cmd(args),
        Command::Eval(EvalCommand::Extract(args)) => eval_extract_cmd(args),
    };
    if let Err(e) = result {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}

/// Reads the inputs, runs the stages and writes the rendered brief.
fn run(args: InputArgs, mut stages: Stages, render_opts: RenderOptions) -> Result<()> {
    let mut read_opts = ReadOptions { max_bytes: args.max_bytes, ..Default::default() };
    for spec in &args.fields {
        read_opts.fields.prefer_spec(spec).map_err(|e| anyhow::anyhow!("--field {e}"))?;
    }
    let read = read_inputs(&args.inputs, &read_opts);
    for e in &read.errors {
        eprintln!("warning: skipped {e}{}", if e.kind.is_over_limit() { " (raise it with --max-bytes)" } else { "" });
    }
    if read.articles.is_empty() {
        let what = if render_opts.quotes_only { "to read quotes from" } else { "to brief" };
        bail!("none of the inputs gave an article {what} ({} skipped)", read.errors.len());
    }
    stages.ner_command = args.ner_command.clone();
    let bar = progress_bar(read.articles.iter().map(|a| a.text.len()).sum());
    stages.progress = bar.clone().map(|bar| {
        Progress::new(move |stage, done, total| {
            bar.set_length(total as u64 + 1); // and writing the output
            bar.set_position(done as u64);
            bar.set_message(stage.as_str());
        })
    });
    let brief = build_brief(read.articles, &read.errors, &stages);
    if let Some(bar) = &bar {
        bar.inc(1);
        bar.set_message("writing");
    }
    let format = match args.format {
        Format::Text => OutputFormat::Terminal,
        Format::Md => OutputFormat::Markdown,
        Format::Json => OutputFormat::Json,
        Format::Html => OutputFormat::Html,
    };
    let written = write_with(args.output.as_deref(), |w| render_to(&brief, format, render_opts, w));
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    written
}

/// A bar on standard error for a long input (a few seconds or more), when it is a terminal.
fn progress_bar(input_bytes: usize) -> Option<ProgressBar> {
    use std::io::IsTerminal;
    if input_bytes < 4 << 20 || !std::io::stderr().is_terminal() {
        return None;
    }
    let style = ProgressStyle::with_template("{spinner} [{bar:30}] {msg} ({elapsed})").expect("valid template");
    let bar = ProgressBar::new(1).with_style(style);
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    Some(bar)
}

/// `writeln!` into a String (cannot fail).
macro_rules! outln {
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = writeln!($out, $($arg)*);
    }};
}

fn write_output(path: Option<&Path>, bytes: &[u8]) -> Result<()> {
    write_with(path, |w| w.write_all(bytes))
}

/// Runs `write` on a buffered file at `path`, or on standard output.
fn write_with(path: Option<&Path>, write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    match path {
        Some(p) => {
            let file = std::fs::File::create(p).with_context(|| format!("cannot write {}", p.display()))?;
            let mut out = std::io::BufWriter::new(file);
            write(&mut out).and_then(|_| out.flush()).with_context(|| format!("cannot write {}", p.display()))
        }
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            match write(&mut out).and_then(|_| out.flush()) {
                // The reader went away (`| head`): nothing left to do.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => other.context("cannot write to standard output"),
            }
        }
    }
}

fn eval_summary_cmd(args: EvalSummaryArgs) -> Result<()> {
    let mut out = String::new();
    let config: SummaryConfig = match &args.config {
        Some(json) => serde_json::from_str(json).context("--config is not a valid SummaryConfig JSON object")?,
        None => SummaryConfig::default(),
    };
    let (mut clusters, bad) = eval_summary::load_clusters(&args.data)?;
    for e in &bad {
        eprintln!("warning: skipped {e}");
    }
    if let Some(n) = args.limit {
        clusters.truncate(n);
    }
    if clusters.is_empty() {
        bail!("{}: no clusters to evaluate", args.data.display());
    }
    let bar = ProgressBar::new(clusters.len() as u64)
        .with_style(ProgressStyle::with_template("{bar:40} {pos}/{len} clusters {elapsed}").expect("valid template"));
    let result = eval_summary::evaluate(&clusters, args.words, &config, &|| bar.inc(1));
    bar.finish_and_clear();
    if let Some(out) = &args.out {
        let mut buf = Vec::new();
        for p in &result.predictions {
            serde_json::to_writer(&mut buf, p)?;
            buf.push(b'\n');
        }
        write_output(Some(out), &buf)?;
    }
    let s = result.scores;
    let per_second = clusters.len() as f64 / result.seconds.max(1e-9);
    if args.json {
        let v = serde_json::json!({"clusters": clusters.len(), "words": args.words, "rouge1": s.rouge1,
            "rouge2": s.rouge2, "rougeL": s.rouge_l, "seconds": result.seconds, "clusters_per_second": per_second});
        outln!(out, "{v}");
    } else {
        outln!(out, "| data | clusters | words | R-1 | R-2 | R-L | clusters/s |");
        outln!(out, "|---|---:|---:|---:|---:|---:|---:|");
        outln!(
            out,
            "| {} | {} | {} | {:.2} | {:.2} | {:.2} | {:.1} |",
            args.data.display(),
            clusters.len(),
            args.words,
            s.rouge1,
            s.rouge2,
            s.rouge_l,
            per_second
        );
    }
    write_output(None, out.as_bytes())
}

fn eval_blocks_cmd(args: EvalBlocksArgs) -> Result<()> {
    let mut out = String::new();
    let eval = crosscheck_eval::blocks::evaluate(&args.data, &args.texts)?;
    let (lo, hi) = eval.accuracy_interval;
    outln!(
        out,
        "{} documents, {} lines, accuracy {:.3} (95% interval {lo:.3}-{hi:.3}, bootstrap over documents)\n",
        eval.documents,
        eval.lines,
        eval.accuracy()
    );
    outln!(out, "| kind | lines | predicted | precision | recall | F1 |");
    outln!(out, "|---|---:|---:|---:|---:|---:|");
    for ((kind, c), [p, r, f]) in eval.per_kind.iter().zip(&eval.kind_intervals) {
        outln!(
            out,
            "| {} | {} | {} | {:.2} ({:.2}-{:.2}) | {:.2} ({:.2}-{:.2}) | {:.2} ({:.2}-{:.2}) |",
            kind.as_str(),
            c.labelled,
            c.predicted,
            c.precision(),
            p.0,
            p.1,
            c.recall(),
            r.0,
            r.1,
            c.f1(),
            f.0,
            f.1
        );
    }
    if args.misses {
        outln!(out, "");
        for (id, text, truth, got) in &eval.misses {
            let short: String = text.chars().take(100).collect();
            outln!(out, "{id}\t{} -> {}\t{short}", truth.as_str(), got.as_str());
        }
    }
    write_output(None, out.as_bytes())
}

fn fit_blocks_cmd(args: FitBlocksArgs) -> Result<()> {
    let paths: Vec<&std::path::Path> = args.data.iter().map(PathBuf::as_path).collect();
    // Written sets carry their text; no Multi-News file is read.
    let report = crosscheck_eval::blocks::fit(&paths, std::path::Path::new("-"), &args.alphas, args.folds.max(2))?;
    write_output(Some(&args.out), report.table.as_bytes())?;
    let mut out = String::new();
    outln!(
        out,
        "{} documents, {} lines ({} settled by a marker); rules alone: accuracy {:.3}",
        report.documents,
        report.lines,
        report.certain,
        report.rules_accuracy
    );
    for (alpha, acc) in &report.tried {
        outln!(out, "alpha {alpha}: cross-validated accuracy {acc:.3}");
    }
    outln!(out, "fitted with alpha {}; table written to {}", report.alpha, args.out.display());
    write_output(None, out.as_bytes())
}

fn eval_extract_cmd(args: EvalExtractArgs) -> Result<()> {
    let mut out = String::new();
    use crosscheck_eval::extract::{evaluate, Keep};
    let keep = match args.keep {
        KeepArg::Extracted => Keep::Extracted,
        KeepArg::Article => Keep::Article,
    };
    let (e, predictions) = evaluate(&args.data, keep)?;
    if let Some(out) = &args.out {
        let map: serde_json::Map<String, serde_json::Value> =
            predictions.into_iter().map(|(id, t)| (id, serde_json::Value::String(t))).collect();
        write_output(Some(out), serde_json::to_string(&map)?.as_bytes())?;
    }
    let mb_s = e.megabytes / e.seconds.max(1e-9);
    if args.json {
        let v = serde_json::json!({"pages": e.pages, "failed": e.failed, "precision": e.precision, "recall": e.recall,
            "f1": e.f1, "megabytes": e.megabytes, "seconds": e.seconds, "mb_per_second": mb_s});
        outln!(out, "{v}");
    } else {
        outln!(out, "| pages | failed | precision | recall | F1 | MB | MB/s |");
        outln!(out, "|---:|---:|---:|---:|---:|---:|---:|");
        outln!(
            out,
            "| {} | {} | {:.3} | {:.3} | {:.3} | {:.1} | {:.1} |",
            e.pages,
            e.failed,
            e.precision,
            e.recall,
            e.f1,
            e.megabytes,
            mb_s
        );
    }
    write_output(None, out.as_bytes())
}

fn eval_quotes_cmd(args: EvalQuotesArgs) -> Result<()> {
    use crosscheck_eval::quotes::{predict, read_polnear, read_predictions, score, Attribution};
    let files = read_polnear(&args.data)?;
    let started = std::time::Instant::now();
    let preds = match &args.pred {
        Some(p) => read_predictions(p)?,
        None => {
            let ours = predict(&files);
            if let Some(out) = &args.out {
                let mut text = String::new();
                for f in &ours {
                    text.push_str(&serde_json::to_string(f)?);
                    text.push('\n');
                }
                write_output(Some(out), text.as_bytes())?;
            }
            ours.iter().map(|f| (f.file.clone(), f.quotes.iter().map(Attribution::from).collect())).collect()
        }
    };
    let seconds = started.elapsed().as_secs_f64();
    let e = score(&files, &preds);
    let mut out = String::new();
    if args.json {
        let mut v = serde_json::to_value(&e)?;
        if args.pred.is_none() {
            v["articles_per_s"] = serde_json::json!(files.len() as f64 / seconds.max(1e-9));
        }
        outln!(out, "{v}");
    } else {
        outln!(out, "{} files\n", e.files);
        outln!(out, "| subset | gold | predicted | matched | precision | recall | F1 |");
        outln!(out, "|---|---:|---:|---:|---:|---:|---:|");
        for (name, p) in [("all", &e.overall), ("speech verb cue", &e.speech)] {
            outln!(
                out,
                "| {name} | {} | {} | {} | {:.3} | {:.3} | {:.3} |",
                p.gold,
                p.pred,
                p.matched,
                p.precision,
                p.recall,
                p.f1
            );
        }
        if args.pred.is_none() {
            outln!(out, "\n{:.1} articles/s (entities + quotes, all threads)", files.len() as f64 / seconds.max(1e-9));
        }
    }
    write_output(None, out.as_bytes())
}

fn eval_aliases_cmd(args: EvalAliasesArgs) -> Result<()> {
    if args.mentions {
        let e =
            crosscheck_eval::aliases::evaluate_mentions(&args.data, args.pred.as_deref(), args.ner_command.as_deref())?;
        let mut out = String::new();
        if args.json {
            outln!(out, "{}", serde_json::to_string(&e)?);
        } else {
            outln!(out, "{} documents, {} named gold mentions", e.documents, e.gold_mentions);
            outln!(
                out,
                "detected {} (recall {:.3}); typed as the corpus does: {} of {} ({:.3})",
                e.detected,
                e.recall,
                e.type_correct,
                e.typed,
                e.type_accuracy
            );
            for (gold, row) in &e.confusion {
                let cells: Vec<String> = row.iter().map(|(k, n)| format!("{k} {n}")).collect();
                outln!(out, "  corpus {gold}: {}", cells.join(", "));
            }
            if let Some(speed) = e.docs_per_s {
                outln!(out, "{speed:.0} documents/s (entities, all threads)");
            }
        }
        return write_output(None, out.as_bytes());
    }
    let e = crosscheck_eval::aliases::evaluate(&args.data, args.all_sentences)?;
    let mut out = String::new();
    if args.json {
        outln!(out, "{}", serde_json::to_string(&e)?);
    } else {
        outln!(out, "{} topics, {} named mentions, {} gold entities\n", e.topics, e.mentions, e.gold_clusters);
        outln!(out, "| merging | B-cubed P | R | F1 |");
        outln!(out, "|---|---:|---:|---:|");
        for (name, s) in [("crosscheck", &e.crosscheck), ("same text", &e.same_text), ("all singletons", &e.singletons)]
        {
            outln!(out, "| {name} | {:.3} | {:.3} | {:.3} |", s.precision, s.recall, s.f1);
        }
    }
    write_output(None, out.as_bytes())
}
