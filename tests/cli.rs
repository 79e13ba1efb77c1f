//! The command line as a black box: subcommands, formats, standard input, batches
//! with bad files, rule errors and exit codes.

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn claimex(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimex"))
        .args(args)
        .current_dir(common::root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(input) = stdin {
        child.stdin.take().expect("stdin is piped").write_all(input).expect("stdin accepts input");
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("the binary finishes")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("claimex-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn extract_json_from_standard_input() {
    let output = claimex(&["extract", "--format", "json", "--no-clean", "-"], Some("Officials said at least 53 countries took part.".as_bytes()));
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let document: serde_json::Value = serde_json::from_slice(&output.stdout).expect("one JSON document");
    assert_eq!(document["schema"], "claimex/1");
    assert_eq!(document["document"]["path"], "-");
    let claims = document["claims"].as_array().expect("claims array");
    assert!(claims.iter().any(|c| c["text"] == "at least 53 countries" && c["qualifier"] == "at_least"));
}

#[test]
fn extract_human_format_groups_by_kind() {
    let output = claimex(&["extract", "corpus/tucson-transit-levy.html"], None);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let report = text(&output.stdout);
    for heading in ["COUNT (", "PLACE (", "ACTOR (", "ATTRIBUTION ("] {
        assert!(report.contains(heading), "missing {heading} in:\n{report}");
    }
    assert!(report.contains("[["), "claims are marked in their sentence");
}

#[test]
fn batch_reports_bad_files_and_keeps_good_results() {
    let dir = scratch("batch");
    std::fs::copy(common::root().join("corpus/pennsylvania-special-election.txt"), dir.join("good.txt")).expect("copy");
    std::fs::write(dir.join("binary.html"), b"\x00\x01\x02\x03PNG\x00\x00").expect("write");
    std::fs::write(dir.join("empty.txt"), b"").expect("write");
    let output = claimex(&["extract", "--format", "jsonl", dir.to_str().expect("utf-8 path")], None);
    assert_eq!(output.status.code(), Some(1), "some inputs failed");
    let lines: Vec<serde_json::Value> = text(&output.stdout).lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect();
    assert_eq!(lines.len(), 3, "one record per file");
    let good = lines.iter().find(|l| l["document"]["path"].as_str().is_some_and(|p| p.ends_with("good.txt"))).expect("good record");
    assert!(good["claims"].as_array().is_some_and(|c| !c.is_empty()));
    let codes: Vec<&str> = lines.iter().filter_map(|l| l["error"]["code"].as_str()).collect();
    assert_eq!(codes.len(), 2);
    assert!(codes.contains(&"binary") && codes.contains(&"empty"), "{codes:?}");
    let stderr = text(&output.stderr);
    assert!(stderr.contains("binary.html") && stderr.contains("empty.txt"), "{stderr}");
}

#[test]
fn missing_file_and_empty_folder_are_input_errors() {
    let output = claimex(&["extract", "no/such/file.html"], None);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("no/such/file.html"));
    let dir = scratch("empty-folder");
    let output = claimex(&["extract", dir.to_str().expect("utf-8 path")], None);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("no .html, .htm, .xhtml, .txt or .text files"));
}

#[test]
fn legacy_encoding_is_decoded_and_named() {
    let output = claimex(&["extract", "--format", "json", "corpus/montreal-measles-windows1252.html"], None);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("windows-1252"), "the note names the encoding");
    let document: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(document["document"]["encoding"], "windows-1252");
    assert!(document["text"].as_str().is_some_and(|t| t.contains('\u{e9}')));
}

#[test]
fn broken_rule_file_names_file_line_and_column() {
    let dir = scratch("rules");
    copy_rules(&common::root().join("rules"), &dir);
    let counts = dir.join("counts.toml");
    let original = std::fs::read_to_string(&counts).expect("read");
    std::fs::write(&counts, original.replacen("id = \"year\"", "id = \"year\"\npattern = '''(unclosed'''", 1).replacen("pattern = '''\\b(?:1[89]", "broken = '''\\b(?:1[89]", 1)).expect("write");
    let output = claimex(&["rules", "check", dir.to_str().expect("utf-8 path")], None);
    assert_eq!(output.status.code(), Some(3));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("counts.toml:"), "{stderr}");
    let location = regex::Regex::new(r"counts\.toml:\d+:\d+: ").expect("pattern");
    assert!(location.is_match(&stderr), "file:line:col in {stderr}");
}

#[test]
fn bad_regex_is_reported_with_the_regex_error() {
    let dir = scratch("regex");
    copy_rules(&common::root().join("rules"), &dir);
    let places = dir.join("places.toml");
    let original = std::fs::read_to_string(&places).expect("read");
    std::fs::write(&places, original.replacen("pattern = '''\\b(?P<claim>{proper}", "pattern = '''\\b(?P<claim>{proper}(", 1)).expect("write");
    let output = claimex(&["rules", "check", dir.to_str().expect("utf-8 path")], None);
    assert_eq!(output.status.code(), Some(3));
    let stderr = text(&output.stderr);
    assert!(regex::Regex::new(r"places\.toml:\d+:\d+: invalid regular expression").expect("pattern").is_match(&stderr), "{stderr}");
    assert!(stderr.contains("regex parse error"), "{stderr}");
}

#[test]
fn rules_check_and_test_pass_on_built_in_rules() {
    let output = claimex(&["rules", "check"], None);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let output = claimex(&["rules", "test"], None);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stdout));
    assert!(text(&output.stdout).contains(" 0 failed"));
}

#[test]
fn failing_rule_example_shows_the_difference_and_exits_4() {
    let dir = scratch("examples");
    copy_rules(&common::root().join("rules"), &dir);
    let counts = dir.join("counts.toml");
    let original = std::fs::read_to_string(&counts).expect("read");
    std::fs::write(&counts, original.replacen("value = 3.5, unit = \"%\"", "value = 4.5, unit = \"%\"", 1)).expect("write");
    let output = claimex(&["rules", "test", dir.to_str().expect("utf-8 path")], None);
    assert_eq!(output.status.code(), Some(4));
    let stdout = text(&output.stdout);
    assert!(stdout.contains("expected") && stdout.contains("value=4.5") && stdout.contains("value=3.5"), "{stdout}");
}

#[test]
fn clean_and_split_print_text() {
    let output = claimex(&["clean", "corpus/tucson-transit-levy.html"], None);
    assert_eq!(output.status.code(), Some(0));
    assert!(!text(&output.stdout).trim().is_empty());
    let output = claimex(&["split", "--format", "jsonl", "-"], Some("Gov. Ellen Marsh signed it. It takes effect in March.".as_bytes()));
    assert_eq!(output.status.code(), Some(0));
    let sentences: Vec<serde_json::Value> = text(&output.stdout).lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect();
    assert_eq!(sentences.len(), 2);
    assert_eq!(sentences[0]["start"], 0);
}

#[test]
fn eval_split_scores_a_treebank_file_and_checks_its_threshold() {
    let treebank = "tests/data/sentences/news_dev.json";
    let output = claimex(&["eval", "split", "--treebank", treebank, "--min-f1", "0.9"], None);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let report = text(&output.stdout);
    for line in ["treebank P ", "treebank in-paragraph P ", "treebank para-fed P "] {
        assert!(report.contains(line), "missing {line:?} in:\n{report}");
    }
    let output = claimex(&["eval", "split", "--treebank", treebank, "--min-f1", "1.01"], None);
    assert_eq!(output.status.code(), Some(5), "F1 cannot reach 1.01");
}

#[test]
fn usage_errors_exit_2() {
    let output = claimex(&["extract", "--format", "yaml", "x.txt"], None);
    assert_eq!(output.status.code(), Some(2));
}

fn copy_rules(from: &std::path::Path, to: &std::path::Path) {
    for entry in std::fs::read_dir(from).expect("rules dir").filter_map(Result::ok) {
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy_rules(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy");
        }
    }
}
