//! The command line: subcommands, file walking, batches, formats and exit codes.
//!
//! Input: arguments, files, folders and standard input. Output: results on standard
//! output, errors on standard error, and the exit code. All file I/O of the tool
//! happens here (and in the rule loader). Exit codes:
//! 0 success; 1 some input could not be processed (the others still have results);
//! 2 usage error; 3 a rule file is broken; 4 rule examples failed; 5 an evaluation
//! fell below its threshold.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use claimex::document::{Document, Format};
use claimex::error::InputError;
use claimex::ruleset::{RuleError, RuleSet, RuleSource};
use claimex::{output, process_many, Extraction, Options, BATCH_DOCUMENTS};

mod evaluate;
mod rules_command;

/// Exit code: some input could not be processed.
pub const EXIT_INPUT: i32 = 1;
/// Exit code: command-line usage error.
pub const EXIT_USAGE: i32 = 2;
/// Exit code: a rule file is broken.
pub const EXIT_RULES: i32 = 3;
/// Exit code: rule examples failed.
pub const EXIT_EXAMPLES: i32 = 4;
/// Exit code: an evaluation fell below its threshold.
pub const EXIT_EVAL: i32 = 5;

#[derive(Parser)]
#[command(name = "claimex", version, about = "Extract checkable claims (counts, places, actors, attributions) from news HTML or text")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract claims from files, folders (recursively: .html, .htm, .xhtml, .txt, .text) or `-` (standard input)
    Extract(ExtractArgs),
    /// Print the cleaned main text of a page
    Clean(CleanArgs),
    /// Print the sentences of a text file (paragraphs are blank-line separated)
    Split(SplitArgs),
    /// Check or test rule files
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
    /// Measure a stage against a data set (same metrics as shared/eval)
    Eval {
        #[command(subcommand)]
        command: evaluate::EvalCommand,
    },
}

#[derive(Subcommand)]
enum RulesCommand {
    /// Validate rule files: syntax, keys, patterns, lists, ids
    Check(RulesArgs),
    /// Run the examples inside the rule files
    Test(RulesArgs),
}

#[derive(clap::Args)]
struct RulesArgs {
    /// Rules folder (default: the built-in rules)
    dir: Option<PathBuf>,
}

#[derive(clap::Args)]
struct CommonArgs {
    /// Rules folder to use instead of the built-in rules
    #[arg(long, global = true)]
    rules: Option<PathBuf>,
    /// Treat input as this format instead of guessing from extension and content
    #[arg(long, value_enum)]
    input_format: Option<InputFormat>,
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Files, folders or `-` for standard input
    paths: Vec<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    format: OutputFormat,
    /// Record, for each claim, what each capture of its rule held
    #[arg(long)]
    explain: bool,
    /// The input is already the article's text: skip boilerplate removal
    /// (paragraphs are blank-line separated)
    #[arg(long)]
    no_clean: bool,
    #[command(flatten)]
    common: CommonArgs,
}

#[derive(clap::Args)]
struct CleanArgs {
    /// A file or `-`
    path: String,
    /// Print the title on the first line, then a blank line, then the text
    #[arg(long)]
    title: bool,
    #[command(flatten)]
    common: CommonArgs,
}

#[derive(clap::Args)]
struct SplitArgs {
    /// A text file or `-`
    path: String,
    /// Output format
    #[arg(long, value_enum, default_value_t = SplitFormat::Text)]
    format: SplitFormat,
    /// Rules folder to use instead of the built-in rules
    #[arg(long)]
    rules: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum InputFormat {
    Html,
    Text,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// Claims grouped by kind, for a person
    Human,
    /// One claimex/1 document, pretty (an array for several inputs)
    Json,
    /// One claimex/1 document per line
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum SplitFormat {
    /// One sentence per line
    Text,
    /// One {"start","end","text"} object per line, byte offsets
    Jsonl,
}

/// Run the command line and return the exit code.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() { EXIT_USAGE } else { 0 };
        }
    };
    let result = match cli.command {
        Command::Extract(args) => extract(args),
        Command::Clean(args) => clean(args),
        Command::Split(args) => split(args),
        Command::Rules { command: RulesCommand::Check(args) } => rules_command::check(args.dir.as_deref()),
        Command::Rules { command: RulesCommand::Test(args) } => rules_command::test(args.dir.as_deref()),
        Command::Eval { command } => evaluate::run(command),
    };
    match result {
        Ok(code) => code,
        Err(error) => report(&error),
    }
}

fn report(error: &anyhow::Error) -> i32 {
    if is_broken_pipe(error) {
        return 0;
    }
    eprintln!("error: {error:#}");
    if error.downcast_ref::<RuleError>().is_some() {
        EXIT_RULES
    } else if error.downcast_ref::<InputError>().is_some() {
        EXIT_INPUT
    } else {
        EXIT_USAGE
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| cause.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe))
}

/// Load rules from `dir`, or the built-in ones.
pub fn load_rules(dir: Option<&Path>) -> Result<RuleSet, RuleError> {
    match dir {
        Some(dir) => RuleSet::load(&RuleSource::from_folder(dir)?),
        None => RuleSet::embedded(),
    }
}

fn format_of(input: Option<InputFormat>) -> Option<Format> {
    input.map(|f| match f {
        InputFormat::Html => Format::Html,
        InputFormat::Text => Format::Text,
    })
}

/// Read one input (`-` is standard input) and decode it.
pub fn read_document(path: &str, format: Option<Format>) -> Result<Document, InputError> {
    let bytes = if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(|source| InputError::Read { path: path.into(), source })?;
        bytes
    } else {
        std::fs::read(path).map_err(|source| InputError::Read { path: path.into(), source })?
    };
    Document::decode(path, &bytes, format)
}

/// Expand folders into their .html, .htm, .xhtml, .txt and .text files (recursively, sorted).
fn expand_inputs(paths: &[String]) -> (Vec<String>, Vec<InputError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let as_path = Path::new(path);
        if path != "-" && as_path.is_dir() {
            let before = files.len();
            walk(as_path, &mut files);
            if files.len() == before {
                errors.push(InputError::NoInputs { path: as_path.to_path_buf() });
            }
        } else {
            files.push(path.clone());
        }
    }
    (files, errors)
}

fn walk(folder: &Path, files: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, files);
        } else if Format::from_path(&path.to_string_lossy()).is_some() {
            files.push(path.to_string_lossy().into_owned());
        }
    }
}

fn extract(args: ExtractArgs) -> Result<i32> {
    let rules = load_rules(args.common.rules.as_deref())?;
    let mut paths = args.paths.clone();
    if paths.is_empty() {
        anyhow::ensure!(!std::io::stdin().is_terminal(), "no input: give files, folders or `-` for standard input");
        paths.push("-".into());
    }
    let (files, errors) = expand_inputs(&paths);
    let format = format_of(args.common.input_format);
    let options = Options { explain: args.explain, no_clean: args.no_clean };
    let progress = progress_bar(files.len());
    // Files are extracted in batches (each rule runs over a whole batch in turn, about
    // twice as fast as file by file), small enough that every thread has one, and in
    // waves of one batch per thread, written out before the next wave is read: memory
    // stays bounded on a folder of any size.
    let threads = rayon::current_num_threads().max(1);
    let batch = files.len().div_ceil(threads).clamp(1, BATCH_DOCUMENTS);
    let mut stdout = std::io::stdout().lock();
    let mut kept: Vec<Extraction> = Vec::new();
    let mut failed = !errors.is_empty();
    for wave in files.chunks(batch * threads) {
        let results: Vec<Vec<Result<Extraction, InputError>>> = wave
            .par_chunks(batch)
            .map(|paths| {
                let results = extract_batch(paths, format, &rules, options);
                if let Some(bar) = &progress {
                    bar.inc(paths.len() as u64);
                }
                results
            })
            .collect();
        for result in results.into_iter().flatten() {
            match result {
                Ok(extraction) => {
                    note_encoding(&extraction);
                    match args.format {
                        OutputFormat::Jsonl => writeln!(stdout, "{}", output::to_json_line(&extraction))?,
                        OutputFormat::Human => writeln!(stdout, "{}", output::to_human(&extraction))?,
                        OutputFormat::Json => kept.push(extraction),
                    }
                }
                Err(error) => {
                    failed = true;
                    report_input_error(&mut stdout, &error, args.format)?;
                }
            }
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    for error in &errors {
        report_input_error(&mut stdout, error, args.format)?;
    }
    if args.format == OutputFormat::Json {
        if kept.len() == 1 && paths.len() == 1 && !Path::new(&paths[0]).is_dir() {
            writeln!(stdout, "{}", output::to_json(&kept[0]))?;
        } else {
            let kept: Vec<&Extraction> = kept.iter().collect();
            writeln!(stdout, "{}", output::to_json_array(&kept))?;
        }
    }
    stdout.flush()?;
    Ok(if failed { EXIT_INPUT } else { 0 })
}

/// The extraction of each of `paths`, in order, or why it could not be read.
fn extract_batch(paths: &[String], format: Option<Format>, rules: &RuleSet, options: Options) -> Vec<Result<Extraction, InputError>> {
    let mut documents = Vec::new();
    let read: Vec<Result<(), InputError>> =
        paths.iter().map(|path| read_document(path, format).map(|document| documents.push(document))).collect();
    let mut extractions = process_many(&documents, rules, options).into_iter();
    read.into_iter()
        .filter_map(|read| match read {
            Ok(()) => extractions.next().map(Ok),
            Err(error) => Some(Err(error)),
        })
        .collect()
}

/// An input that failed: a message on standard error, and in JSONL an error record.
fn report_input_error(stdout: &mut impl Write, error: &InputError, format: OutputFormat) -> std::io::Result<()> {
    eprintln!("error: {error}");
    if format == OutputFormat::Jsonl {
        writeln!(stdout, "{}", output::error_line(&error.path(), error.code(), &error.to_string()))?;
    }
    Ok(())
}

fn note_encoding(extraction: &Extraction) {
    let encoding = &extraction.document.encoding;
    if !encoding.is_utf8() {
        eprintln!("note: {}: decoded as {} (found by {})", extraction.document.path, encoding.name, encoding.found_by);
    }
}

fn progress_bar(total: usize) -> Option<indicatif::ProgressBar> {
    (total >= 50 && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(total as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed_precise}") {
            bar.set_style(style);
        }
        bar
    })
}

fn clean(args: CleanArgs) -> Result<i32> {
    let rules = load_rules(args.common.rules.as_deref())?;
    let document = read_document(&args.path, format_of(args.common.input_format))?;
    let clean = claimex::clean::clean(&document, &rules.clean);
    let mut stdout = std::io::stdout().lock();
    if args.title {
        writeln!(stdout, "{}\n", clean.title.as_deref().unwrap_or(""))?;
    }
    writeln!(stdout, "{}", clean.text)?;
    Ok(0)
}

fn split(args: SplitArgs) -> Result<i32> {
    let rules = load_rules(args.rules.as_deref())?;
    let document = read_document(&args.path, Some(Format::Text)).with_context(|| "split reads plain text")?;
    let sentences = claimex::segment::split_text(&document.text, &rules.segment);
    let mut stdout = std::io::stdout().lock();
    for span in sentences {
        let text = span.slice(&document.text);
        match args.format {
            SplitFormat::Text => writeln!(stdout, "{}", text.split_whitespace().collect::<Vec<_>>().join(" "))?,
            SplitFormat::Jsonl => {
                let start = span.start + document.text_offset;
                let end = span.end + document.text_offset;
                writeln!(stdout, "{}", serde_json::json!({"start": start, "end": end, "text": text}))?
            }
        }
    }
    Ok(0)
}
