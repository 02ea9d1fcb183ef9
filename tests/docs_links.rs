//! The documentation cannot drift from the files and the binary it describes: every relative
//! link and image in README.md and docs/** points at a file that exists (and at a heading that
//! exists, for `file.md#anchor`), and every `tradedash …` command line shown names a real
//! subcommand and real flags, checked against the built binary's `--help`. The headless
//! commands of README.md (`summary`, `targets`) are run as written.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod run;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// README.md and every Markdown file under docs/, relative to the crate root.
fn doc_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "md") {
                out.push(p);
            }
        }
    }
    let mut files = vec![root().join("README.md")];
    walk(&root().join("docs"), &mut files);
    files
}

/// A Markdown file split into fenced code blocks and prose paragraphs (lines joined by spaces).
#[derive(Default)]
struct Parsed {
    /// Lines of fenced code blocks.
    code_lines: Vec<String>,
    /// Prose paragraphs.
    paragraphs: Vec<String>,
    /// Anchors of the file's headings, as GitHub makes them.
    anchors: Vec<String>,
}

fn parse(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let mut in_fence = false;
    let mut paragraph = String::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
            parsed.paragraphs.push(std::mem::take(&mut paragraph));
            continue;
        }
        if in_fence {
            parsed.code_lines.push(line.to_owned());
        } else if line.trim().is_empty() {
            parsed.paragraphs.push(std::mem::take(&mut paragraph));
        } else {
            if let Some(heading) = line.strip_prefix('#') {
                parsed.anchors.push(anchor(heading.trim_start_matches('#')));
            }
            paragraph.push(' ');
            paragraph.push_str(line);
        }
    }
    parsed.paragraphs.push(paragraph);
    parsed.paragraphs.retain(|p| !p.trim().is_empty());
    parsed
}

/// GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ' '))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// Splits a paragraph into its inline code spans and the prose around them.
fn split_code_spans(paragraph: &str) -> (Vec<String>, String) {
    let mut spans = Vec::new();
    let mut prose = String::new();
    let mut rest = paragraph;
    while let Some(start) = rest.find('`') {
        prose.push_str(&rest[..start]);
        let ticks = rest[start..].chars().take_while(|&c| c == '`').count();
        let fence = "`".repeat(ticks);
        let after = &rest[start + ticks..];
        match after.find(&fence) {
            Some(end) => {
                spans.push(after[..end].trim().to_owned());
                rest = &after[end + ticks..];
            }
            None => {
                prose.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    prose.push_str(rest);
    (spans, prose)
}

/// Targets of `[text](target)` and `![alt](target)` in prose.
fn link_targets(prose: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = prose;
    while let Some(i) = rest.find("](") {
        let after = &rest[i + 2..];
        let Some(end) = after.find(')') else { break };
        let target = after[..end].split_whitespace().next().unwrap_or("").to_owned();
        out.push(target);
        rest = &after[end..];
    }
    out
}

/// Problems with the relative links of one file.
fn broken_links(file: &Path, parsed: &Parsed, anchors_of: &BTreeMap<PathBuf, Vec<String>>) -> Vec<String> {
    let mut problems = Vec::new();
    let dir = file.parent().unwrap();
    for paragraph in &parsed.paragraphs {
        let (_, prose) = split_code_spans(paragraph);
        for target in link_targets(&prose) {
            if target.is_empty() {
                problems.push(format!("{}: empty link", file.display()));
                continue;
            }
            if target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            let (path_part, fragment) = match target.split_once('#') {
                Some((p, f)) => (p, Some(f)),
                None => (target.as_str(), None),
            };
            let resolved =
                if path_part.is_empty() { file.to_path_buf() } else { normalise(&dir.join(path_part)) };
            let relative = resolved.strip_prefix(root()).unwrap_or(&resolved).to_string_lossy().into_owned();
            if !resolved.exists() {
                problems.push(format!("{}: link to {target}: {relative} does not exist", file.display()));
                continue;
            }
            if let Some(fragment) = fragment {
                match anchors_of.get(&resolved) {
                    Some(anchors) if anchors.iter().any(|a| a == fragment) => {}
                    Some(_) => problems.push(format!(
                        "{}: link to {target}: no heading #{fragment} in {relative}",
                        file.display()
                    )),
                    None => problems.push(format!(
                        "{}: link to {target}: anchors are checked in Markdown files only",
                        file.display()
                    )),
                }
            }
        }
    }
    problems
}

/// `a/b/../c` → `a/c` without touching the file system.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Every `tradedash …` command line in a file: from fenced code (a line ending in `\` and an
/// indented line starting with `[` or `--` continue the line before) and from inline code.
fn command_lines(parsed: &Parsed) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut continues = false;
    for line in &parsed.code_lines {
        let trimmed = line.trim_start();
        let indented = trimmed.len() < line.len();
        if (continues || (indented && (trimmed.starts_with('[') || trimmed.starts_with("--"))))
            && let Some(last) = lines.last_mut()
        {
            last.push(' ');
            last.push_str(trimmed.trim_end_matches('\\').trim_end());
        } else {
            lines.push(line.trim_end_matches('\\').trim_end().to_owned());
        }
        continues = line.ends_with('\\');
    }
    for paragraph in &parsed.paragraphs {
        lines.extend(split_code_spans(paragraph).0);
    }
    lines.iter().filter_map(|l| tradedash_args(l)).collect()
}

/// The arguments after `tradedash` (or `cargo run [--release] --`) in a shell line.
fn tradedash_args(line: &str) -> Option<String> {
    let line = line.split(" # ").next().unwrap_or(line);
    for prefix in ["cargo run --release -- ", "cargo run -- "] {
        if let Some(i) = line.find(prefix) {
            return Some(line[i + prefix.len()..].trim().to_owned());
        }
    }
    let mut search = 0;
    while let Some(i) = line[search..].find("tradedash ") {
        let at = search + i;
        let before = line[..at].chars().next_back();
        if before.is_none_or(|c| c == ' ' || c == '/') {
            return Some(line[at + "tradedash ".len()..].trim().to_owned());
        }
        search = at + 1;
    }
    None
}

/// A command line's subcommand (None for the window) and the flags it names.
fn subcommand_and_flags(args: &str) -> (Option<String>, Vec<String>) {
    let first = args.split_whitespace().next().unwrap_or("");
    let subcommand = (!first.is_empty() && first.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        .then(|| first.to_owned())
        .filter(|s| !s.starts_with('-'));
    let mut flags = Vec::new();
    let mut rest = args;
    while let Some(i) = rest.find("--") {
        let name: String = rest[i + 2..]
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
            .collect();
        if name.chars().next().is_some_and(|c| c.is_ascii_lowercase()) {
            flags.push(format!("--{name}"));
        }
        rest = &rest[i + 2 + name.len()..];
    }
    (subcommand, flags)
}

/// What is wrong with one command line, checked against the binary's help.
fn command_problems(args: &str) -> Vec<String> {
    let (subcommand, flags) = subcommand_and_flags(args);
    let help_args: Vec<&str> = subcommand.iter().map(String::as_str).chain(["--help"]).collect();
    let (code, help, err) = run::tradedash(&help_args);
    let mut problems = Vec::new();
    if code != 0 {
        return vec![format!("`tradedash {args}`: `tradedash {}` fails: {err}", help_args.join(" "))];
    }
    if let Some(sub) = &subcommand
        && !help.contains(&format!("Usage: tradedash {sub} "))
    {
        problems.push(format!("`tradedash {args}`: {sub} is not a subcommand"));
    }
    for flag in flags {
        let named = help.match_indices(&flag).any(|(i, _)| {
            !help[i + flag.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '-')
        });
        if !named {
            problems.push(format!(
                "`tradedash {args}`: {flag} is not an option of `tradedash {}`",
                help_args.join(" ")
            ));
        }
    }
    problems
}

fn parsed_docs() -> Vec<(PathBuf, Parsed)> {
    doc_files()
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(&f).unwrap();
            (f, parse(&text))
        })
        .collect()
}

#[test]
fn every_relative_link_and_image_exists() {
    let docs = parsed_docs();
    let anchors_of: BTreeMap<PathBuf, Vec<String>> =
        docs.iter().map(|(f, p)| (normalise(f), p.anchors.clone())).collect();
    let problems: Vec<String> =
        docs.iter().flat_map(|(f, p)| broken_links(&normalise(f), p, &anchors_of)).collect();
    assert!(problems.is_empty(), "broken links:\n{}", problems.join("\n"));
    let links: usize = docs
        .iter()
        .flat_map(|(_, p)| &p.paragraphs)
        .map(|p| link_targets(&split_code_spans(p).1).len())
        .sum();
    assert!(links >= 20, "only {links} links found: the link parser no longer reads the docs");
}

#[test]
fn every_command_shown_names_real_subcommands_and_flags() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for (file, parsed) in parsed_docs() {
        for args in command_lines(&parsed) {
            checked += 1;
            problems.extend(command_problems(&args).into_iter().map(|p| format!("{}: {p}", file.display())));
        }
    }
    assert!(problems.is_empty(), "commands that do not match the binary:\n{}", problems.join("\n"));
    assert!(checked >= 15, "only {checked} command lines found: the command finder no longer reads the docs");
}

#[test]
fn the_checks_catch_a_wrong_flag_a_wrong_subcommand_and_a_broken_link() {
    assert!(command_problems("summary --json").is_empty());
    assert!(
        command_problems("export-chart [INPUT] --out chart.png [--lines | --bars | --stacked]").is_empty()
    );
    assert_eq!(command_problems("summary --no-such-flag").len(), 1);
    assert_eq!(command_problems("summary --jso").len(), 1, "a prefix of a flag is not the flag");
    assert_eq!(command_problems("sumary --json").len(), 2, "unknown subcommand, and --json is not top-level");
    let parsed = parse("See [x](no-such-file.md) and ![p](README.md#no-such-heading).\n");
    let file = root().join("docs/example.md");
    let problems = broken_links(&file, &parsed, &BTreeMap::new());
    assert_eq!(problems.len(), 2, "{problems:?}");
}

#[test]
fn command_lines_are_found_in_code_blocks_continuations_and_inline_code() {
    let parsed = parse(
        "```text\ntradedash export-chart --out c.png\n            [--view ytd]\n```\n\
         ```sh\ncargo run --release -- summary \\\n    --json\n```\n\
         Run `xvfb-run -a tradedash targets --json` or `target/debug/tradedash summary`;\n\
         the ~/.local/share/tradedash/ folder is not a command.\n",
    );
    assert_eq!(
        command_lines(&parsed),
        ["export-chart --out c.png [--view ytd]", "summary --json", "targets --json", "summary"]
    );
}

#[test]
fn readme_headless_commands_run_as_written() {
    let text = std::fs::read_to_string(root().join("README.md")).unwrap();
    let mut ran = 0;
    for args in command_lines(&parse(&text)) {
        let words: Vec<&str> = args.split_whitespace().collect();
        if matches!(words.first(), Some(&("summary" | "targets"))) {
            let (code, out, err) = run::tradedash(&words);
            assert_eq!(code, 0, "`tradedash {args}` from README.md failed: {err}");
            assert!(!out.trim().is_empty(), "`tradedash {args}` printed nothing");
            ran += 1;
        }
    }
    assert!(ran >= 2, "README.md shows {ran} headless commands; expected summary and targets");
}
