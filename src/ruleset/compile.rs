//! Compile raw claim-rule files into matchers.
//!
//! Input: the four claim rule files of a [`RuleSource`] (`counts.toml`,
//! `places.toml`, `actors.toml`, `attributions.toml`) and the word lists they name.
//! Output: [`ClaimRules`]: per file, its rules (each pattern compiled into a
//! [`Pattern`]) and its [`Prefilter`]. Checks that every pattern builds, that fragments
//! and lists exist, that each kind's required captures are present and that ids are
//! unique. Errors carry the file, line and column of the defect.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rayon::prelude::*;
use regex::Regex;
use toml::Spanned;

use super::pattern::{Build, Pattern};
use super::prefilter::Prefilter;
use super::raw::{RawExample, RawList, RawRule, RawRuleFile};
use super::words::key;
use super::{RuleError, RuleFile, RuleSource};
use crate::claim::ClaimKind;

/// The claim rule files, in the order count, place, actor, attribution.
pub const CLAIM_RULE_FILES: [&str; 4] = ["counts.toml", "places.toml", "actors.toml", "attributions.toml"];

/// Compiled claim rules of all four kinds.
#[derive(Debug)]
pub struct ClaimRules {
    /// One entry per rule file, in the order of `CLAIM_RULE_FILES` (counts, places, actors, attributions).
    pub files: Vec<RuleFileRules>,
}

/// The compiled rules of one file (one claim kind).
#[derive(Debug)]
pub struct RuleFileRules {
    /// The kind every rule here produces.
    pub kind: ClaimKind,
    /// The file stem, the first half of every rule id (`counts`).
    pub name: String,
    /// The rules, in file order.
    pub rules: Vec<CompiledRule>,
    /// Which rules may match in a window.
    pub prefilter: Prefilter,
    /// The file's vocabularies.
    pub vocabulary: Vocabulary,
    /// The file's word lists, by name: each row is the list's columns.
    pub lists: BTreeMap<String, Vec<Vec<String>>>,
    /// The first column of each list, for look-ups: each entry's first row.
    entries: BTreeMap<String, HashMap<String, usize>>,
}

impl RuleFileRules {
    /// True when `word` is, exactly, an entry (first column) of the list `list`.
    pub fn in_list(&self, list: &str, word: &str) -> bool {
        self.entries.get(list).is_some_and(|entries| entries.contains_key(word))
    }

    /// The first row of the list `list` whose entry (first column) is, exactly, `word`.
    pub fn row(&self, list: &str, word: &str) -> Option<&[String]> {
        let index = *self.entries.get(list)?.get(word)?;
        self.lists.get(list)?.get(index).map(Vec::as_slice)
    }
}

/// Where a rule's pattern is matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Within each sentence.
    Sentence,
    /// In the text of a sentence before an opening quote mark (anchored at its end).
    BeforeQuote,
    /// In the text after a closing quote mark, to the end of its sentence.
    AfterQuote,
}

/// How a rule finds candidate matches.
#[derive(Debug)]
pub enum Matcher {
    /// A regular expression with named captures.
    Pattern(Box<Pattern>),
    /// Whole-word entries of a word list; each match carries its row's columns.
    List {
        /// The automaton over the first column.
        automaton: AhoCorasick,
        /// The list's rows.
        rows: Vec<Vec<String>>,
        /// The names of the columns after the first.
        columns: Vec<String>,
    },
}

/// A positive rule example.
#[derive(Debug, Clone)]
pub struct Example {
    /// The text to extract from.
    pub text: String,
    /// Expected claims: field name to value (`text` is the claim text).
    pub claims: Vec<BTreeMap<String, serde_json::Value>>,
    /// For exclusion rules: texts the rule must block.
    pub blocks: Vec<String>,
    /// Line of the example in its file.
    pub line: usize,
}

/// One compiled rule.
#[derive(Debug)]
pub struct CompiledRule {
    /// `file/id`, the `rule` field of the claims it produces.
    pub id: String,
    /// What the rule finds.
    pub description: String,
    /// The claim kind.
    pub kind: ClaimKind,
    /// The matcher.
    pub matcher: Matcher,
    /// Where it is matched.
    pub scope: Scope,
    /// True for an exclusion rule.
    pub exclude: bool,
    /// Overlap priority.
    pub priority: i32,
    /// Constant fields.
    pub set: BTreeMap<String, serde_json::Value>,
    /// Positive examples.
    pub examples: Vec<Example>,
    /// Counter-examples with their lines.
    pub counter_examples: Vec<(usize, String)>,
    /// Line of the rule's id in its file.
    pub line: usize,
}

impl CompiledRule {
    /// A constant flag the rule sets (`set = { name = true }`); false when absent.
    pub fn flag(&self, name: &str) -> bool {
        self.set.get(name).and_then(|v| v.as_bool()).unwrap_or(false)
    }

    /// True when the rule is tried again from the word after each match's start, not
    /// from its end: attribution rules, and rules that set `every-start`.
    pub fn tries_every_start(&self) -> bool {
        self.kind == ClaimKind::Attribution || self.flag("every-start")
    }
}

/// Vocabularies: for each name, words (by key) to the value they stand for.
#[derive(Debug, Default)]
pub struct Vocabulary {
    entries: BTreeMap<String, BTreeMap<String, String>>,
}

impl Vocabulary {
    /// The value `phrase` stands for in vocabulary `name`.
    pub fn lookup(&self, name: &str, phrase: &str) -> Option<&str> {
        self.entries.get(name)?.get(&key(phrase)).map(String::as_str)
    }

    /// As [`Vocabulary::lookup`] for a phrase that is already its own key (see
    /// [`key`]), without making the key again.
    pub fn lookup_key(&self, name: &str, phrase_key: &str) -> Option<&str> {
        debug_assert_eq!(key(phrase_key), phrase_key);
        self.entries.get(name)?.get(phrase_key).map(String::as_str)
    }

    /// True when `phrase` is a word of vocabulary `name`.
    pub fn contains(&self, name: &str, phrase: &str) -> bool {
        self.lookup(name, phrase).is_some()
    }

    /// The words of vocabulary `name` (all values), or of one `value` of it.
    fn words(&self, name: &str, value: Option<&str>) -> Option<Vec<String>> {
        let table = self.entries.get(name)?;
        Some(table.iter().filter(|(_, v)| value.is_none_or(|value| v.as_str() == value)).map(|(k, _)| k.clone()).collect())
    }
}

impl ClaimRules {
    /// Compile the four claim rule files of `source`.
    pub fn load(source: &RuleSource) -> Result<ClaimRules, RuleError> {
        let compiled: Vec<Result<RuleFileRules, RuleError>> = CLAIM_RULE_FILES.par_iter().map(|name| compile_file(source, source.file(name)?)).collect();
        let files = compiled.into_iter().collect::<Result<Vec<_>, _>>()?;
        Ok(ClaimRules { files })
    }

    /// Every rule of every file.
    pub fn rules(&self) -> impl Iterator<Item = &CompiledRule> {
        self.files.iter().flat_map(|file| file.rules.iter())
    }

    /// The rule file of `kind`.
    pub fn of_kind(&self, kind: ClaimKind) -> Option<&RuleFileRules> {
        self.files.iter().find(|file| file.kind == kind)
    }
}

fn compile_file(source: &RuleSource, file: &RuleFile) -> Result<RuleFileRules, RuleError> {
    let raw: RawRuleFile = file.parse()?;
    let kind = ClaimKind::parse(raw.kind.get_ref())
        .ok_or_else(|| file.error_at(raw.kind.span().start, "unknown kind: expected count, place, actor or attribution"))?;
    let name = file.path.rsplit('/').next().unwrap_or(&file.path).trim_end_matches(".toml").to_string();
    let vocabulary = compile_vocabulary(&raw);
    let lists = load_lists(source, file, &raw)?;
    let context = Context { file, raw: &raw, vocabulary: &vocabulary, lists: &lists, build: source.build };
    let mut seen = BTreeSet::new();
    for rule in &raw.rules {
        if !seen.insert(rule.id.get_ref().clone()) {
            return Err(file.error_at(rule.id.span().start, format!("duplicate rule id `{}`: ids must be unique in a file", rule.id.get_ref())));
        }
    }
    // Compiling the patterns is most of the start-up: the rules compile in parallel, and
    // the first error in file order is the one reported.
    let compiled: Vec<Result<CompiledRule, RuleError>> = raw.rules.par_iter().map(|rule| context.compile_rule(&name, kind, rule)).collect();
    let rules = compiled.into_iter().collect::<Result<Vec<_>, _>>()?;
    let prefilter = Prefilter::new(&rules).map_err(|message| file.error_at(0, message))?;
    let entries = lists.iter().map(|(name, list)| (name.clone(), first_rows(&list.rows))).collect();
    Ok(RuleFileRules { kind, name, rules, prefilter, vocabulary, lists: lists.into_iter().map(|(k, v)| (k, v.rows)).collect(), entries })
}

fn compile_vocabulary(raw: &RawRuleFile) -> Vocabulary {
    let entries = raw
        .vocabulary
        .iter()
        .map(|(name, table)| {
            let words = table.iter().flat_map(|(value, words)| words.iter().map(move |word| (key(word), value.clone()))).collect();
            (name.clone(), words)
        })
        .collect();
    Vocabulary { entries }
}

struct List {
    rows: Vec<Vec<String>>,
    columns: Vec<String>,
}

fn load_lists(source: &RuleSource, file: &RuleFile, raw: &RawRuleFile) -> Result<BTreeMap<String, List>, RuleError> {
    let mut lists = BTreeMap::new();
    for (name, list) in &raw.lists {
        let (path, columns) = match list.get_ref() {
            RawList::File(path) => (path, vec![]),
            RawList::Table { file, columns } => (file, columns.iter().skip(1).cloned().collect()),
        };
        let list_file = source
            .optional_file(path)
            .ok_or_else(|| file.error_at(list.span().start, format!("word list file `{path}` not found in the rules folder")))?;
        let rows = read_rows(list_file, columns.len())?;
        lists.insert(name.clone(), List { rows, columns });
    }
    Ok(lists)
}

fn read_rows(file: &RuleFile, extra_columns: usize) -> Result<Vec<Vec<String>>, RuleError> {
    file.entries()
        .map(|(offset, line)| {
            let row: Vec<String> = line.split('\t').map(|cell| cell.trim().to_string()).collect();
            if row.len() < extra_columns + 1 {
                return Err(file.error_at(offset, format!("expected {} tab-separated columns, found {}", extra_columns + 1, row.len())));
            }
            Ok(row)
        })
        .collect()
}

struct Context<'a> {
    file: &'a RuleFile,
    raw: &'a RawRuleFile,
    vocabulary: &'a Vocabulary,
    lists: &'a BTreeMap<String, List>,
    /// When patterns build their engines for text beyond plain characters.
    build: Build,
}

impl Context<'_> {
    fn compile_rule(&self, file_name: &str, kind: ClaimKind, rule: &RawRule) -> Result<CompiledRule, RuleError> {
        let id = rule.id.get_ref();
        if !is_kebab_case(id) {
            return Err(self.file.error_at(rule.id.span().start, format!("rule id `{id}` must be kebab-case (lower-case words joined by `-`)")));
        }
        let matcher = self.matcher(rule)?;
        let scope = self.scope(rule)?;
        if scope != Scope::Sentence && kind != ClaimKind::Attribution {
            let at = rule.scope.as_ref().map_or(rule.id.span().start, |s| s.span().start);
            return Err(self.file.error_at(at, "quote scopes (before-quote, after-quote) exist only for attribution rules"));
        }
        if let Matcher::Pattern(pattern) = &matcher {
            self.check_captures(kind, rule, pattern, scope)?;
        }
        Ok(CompiledRule {
            id: format!("{file_name}/{id}"),
            description: rule.description.clone(),
            kind,
            matcher,
            scope,
            exclude: rule.exclude,
            priority: rule.priority.unwrap_or(if rule.exclude { i32::MAX } else { 0 }),
            set: rule.set.iter().map(|(k, v)| (k.clone(), toml_to_json(v))).collect(),
            examples: rule.examples.iter().map(|example| self.example(example)).collect(),
            counter_examples: rule
                .counter_examples
                .iter()
                .map(|text| (self.line_of(text.span().start), text.get_ref().clone()))
                .collect(),
            line: self.line_of(rule.id.span().start),
        })
    }

    fn line_of(&self, offset: usize) -> usize {
        crate::span::LineColumn::of(&self.file.text, offset).line
    }

    fn example(&self, example: &Spanned<RawExample>) -> Example {
        let raw = example.get_ref();
        Example {
            text: raw.text.clone(),
            claims: raw.claims.iter().map(|claim| claim.iter().map(|(k, v)| (k.clone(), toml_to_json(v))).collect()).collect(),
            blocks: raw.blocks.clone(),
            line: self.line_of(example.span().start),
        }
    }

    fn scope(&self, rule: &RawRule) -> Result<Scope, RuleError> {
        let Some(scope) = &rule.scope else { return Ok(Scope::Sentence) };
        match scope.get_ref().as_str() {
            "sentence" => Ok(Scope::Sentence),
            "before-quote" => Ok(Scope::BeforeQuote),
            "after-quote" => Ok(Scope::AfterQuote),
            _ => Err(self.file.error_at(scope.span().start, "unknown scope: expected sentence, before-quote or after-quote")),
        }
    }

    fn matcher(&self, rule: &RawRule) -> Result<Matcher, RuleError> {
        match (&rule.pattern, &rule.list) {
            (Some(pattern), None) => self.pattern(rule, pattern).map(|pattern| Matcher::Pattern(Box::new(pattern))),
            (None, Some(list)) => self.list_matcher(list),
            _ => Err(self.file.error_at(rule.id.span().start, format!("rule `{}` needs exactly one of `pattern` or `list`", rule.id.get_ref()))),
        }
    }

    fn list_matcher(&self, name: &Spanned<String>) -> Result<Matcher, RuleError> {
        let list = self
            .lists
            .get(name.get_ref())
            .ok_or_else(|| self.file.error_at(name.span().start, format!("unknown list `{}`: declare it under [lists]", name.get_ref())))?;
        let rows: Vec<Vec<String>> = list.rows.iter().flat_map(|row| std::iter::once(row.clone()).chain(curly_variant(row))).collect();
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(rows.iter().map(|row| row[0].as_str()))
            .map_err(|error| self.file.error_at(name.span().start, format!("cannot build list matcher: {error}")))?;
        Ok(Matcher::List { automaton, rows, columns: list.columns.clone() })
    }

    fn pattern(&self, rule: &RawRule, pattern: &Spanned<String>) -> Result<Pattern, RuleError> {
        let at = pattern.span().start;
        let expanded = self.expand(pattern.get_ref(), 0).map_err(|message| self.file.error_at(at, message))?;
        Pattern::build(&expanded, self.build)
            .map_err(|error| self.file.error_at(at, format!("invalid regular expression in rule `{}`\n{error}", rule.id.get_ref())))
    }

    /// Replace `{name}`, `{list:name}` and `{vocabulary:name[:value]}` by their patterns.
    fn expand(&self, pattern: &str, depth: usize) -> Result<String, String> {
        if depth > 8 {
            return Err("fragments nest more than 8 deep (a fragment may refer to itself)".into());
        }
        let reference = reference_regex();
        let mut out = String::with_capacity(pattern.len());
        let mut last = 0;
        for found in reference.captures_iter(pattern) {
            let whole = found.get(0).map_or(0..0, |m| m.range());
            out.push_str(&pattern[last..whole.start]);
            last = whole.end;
            let name = &found[1];
            out.push_str("(?:");
            out.push_str(&self.resolve(name, depth)?);
            out.push(')');
        }
        out.push_str(&pattern[last..]);
        Ok(out)
    }

    fn resolve(&self, name: &str, depth: usize) -> Result<String, String> {
        let mut parts = name.splitn(3, ':');
        let head = parts.next().unwrap_or("");
        match (head, parts.next(), parts.next()) {
            ("list", Some(list), None) => {
                let rows = &self.lists.get(list).ok_or_else(|| format!("unknown list `{list}`: declare it under [lists]"))?.rows;
                Ok(alternation(rows.iter().map(|row| row[0].clone())))
            }
            ("vocabulary", Some(vocabulary), value) => {
                let words = self
                    .vocabulary
                    .words(vocabulary, value)
                    .ok_or_else(|| format!("unknown vocabulary `{vocabulary}`: declare it under [vocabulary.{vocabulary}]"))?;
                Ok(alternation(words.into_iter()))
            }
            (fragment, None, None) => {
                let text = self.raw.fragments.get(fragment).ok_or_else(|| format!("unknown fragment `{{{fragment}}}`: define it under [fragments]"))?;
                self.expand(text.get_ref(), depth + 1)
            }
            _ => Err(format!("cannot read the reference `{{{name}}}`")),
        }
    }

    fn check_captures(&self, kind: ClaimKind, rule: &RawRule, pattern: &Pattern, scope: Scope) -> Result<(), RuleError> {
        if rule.exclude {
            return Ok(());
        }
        let names: BTreeSet<&str> = pattern.groups().iter().map(|group| group.name.as_str()).collect();
        let required: &[&str] = match (kind, scope) {
            (ClaimKind::Count, _) => &["number"],
            (ClaimKind::Attribution, Scope::Sentence) => &["source", "cue", "content"],
            (ClaimKind::Attribution, _) => &["source", "cue"],
            _ => &[],
        };
        for capture in required {
            if !names.contains(capture) {
                let at = rule.pattern.as_ref().map_or(rule.id.span().start, |p| p.span().start);
                return Err(self.file.error_at(at, format!("rule `{}` lacks the named capture `(?P<{capture}>...)` that {} rules need", rule.id.get_ref(), kind.name())));
            }
        }
        Ok(())
    }
}

/// Each entry of `rows` (first column) with the index of its first row.
fn first_rows(rows: &[Vec<String>]) -> HashMap<String, usize> {
    let mut first = HashMap::new();
    for (index, row) in rows.iter().enumerate() {
        first.entry(row[0].clone()).or_insert(index);
    }
    first
}

/// A list row whose entry has a straight apostrophe, with the curly one news text
/// prints instead (`N’Djamena` for `N'Djamena`); its other columns unchanged. Not for
/// an entry that ends like a possessive (`McDonald's`), which a person's name with a
/// curly possessive would match.
fn curly_variant(row: &[String]) -> Option<Vec<String>> {
    let (entry, rest) = row.split_first()?;
    let variant = entry.contains('\'') && !entry.ends_with("'s");
    variant.then(|| std::iter::once(entry.replace('\'', "\u{2019}")).chain(rest.iter().cloned()).collect())
}

fn reference_regex() -> &'static Regex {
    static REFERENCE: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    REFERENCE.get_or_init(|| Regex::new(r"\{([a-z][a-z0-9_-]*(?::[a-z0-9_-]+){0,2})\}").expect("the reference pattern is valid"))
}

/// An alternation of escaped words, longest first; a space matches any white space and
/// an apostrophe matches a straight or curly one.
fn alternation(words: impl Iterator<Item = String>) -> String {
    let mut words: Vec<String> = words.collect();
    words.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    words.dedup();
    let escaped: Vec<String> =
        words.iter().map(|word| regex::escape(word).replace(' ', r"\s+").replace('\'', "['\u{2019}]")).collect();
    escaped.join("|")
}

fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()))
}

/// A TOML value as JSON (rule constants and example fields).
pub fn toml_to_json(value: &toml::Value) -> serde_json::Value {
    match value {
        toml::Value::String(s) => serde_json::Value::String(s.clone()),
        toml::Value::Integer(i) => serde_json::Value::from(*i),
        toml::Value::Float(f) => serde_json::Value::from(*f),
        toml::Value::Boolean(b) => serde_json::Value::Bool(*b),
        toml::Value::Datetime(d) => serde_json::Value::String(d.to_string()),
        toml::Value::Array(items) => serde_json::Value::Array(items.iter().map(toml_to_json).collect()),
        toml::Value::Table(table) => serde_json::Value::Object(table.iter().map(|(k, v)| (k.clone(), toml_to_json(v))).collect()),
    }
}
