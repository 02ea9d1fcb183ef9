//! The conversion to translated texts stays complete: every message in the `.ftl` files is
//! used by the code, and no user-visible English literal is added to `src/ui` or `src/app`
//! outside the translation files. Both checks read the source text (grep-style): a clippy lint
//! cannot tell a label from a file name, and these patterns are the ways texts reach the
//! screen here.
//!
//! Each has a list of what is knowingly left, with its reason; a list entry that is no longer
//! needed fails the test too, so the lists only shrink.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;
use tradedash::i18n::{self, Lang};

/// Messages not used by any `"id"` literal in `src/`, with why.
const UNUSED_ON_PURPOSE: &[(&str, &str)] = &[
    // model::format::money builds the id from the scale: format!("money-{scale}").
    ("money-billion", "model/format.rs computes money-{scale}"),
    ("money-million", "model/format.rs computes money-{scale}"),
    ("money-thousand", "model/format.rs computes money-{scale}"),
    ("money-units", "model/format.rs computes money-{scale}"),
    ("money-short-billion", "model/format.rs computes money-short-{scale}"),
    ("money-short-million", "model/format.rs computes money-short-{scale}"),
    ("money-short-thousand", "model/format.rs computes money-short-{scale}"),
    ("money-short-units", "model/format.rs computes money-short-{scale}"),
];

/// Messages waiting for the conversion of the file that will use them (issue 18), by file.
/// Shrinks as files are converted; an id used now must be taken off.
const WAITING_FOR_CONVERSION: &[(&str, &str)] = &include!("i18n_coverage_waiting.in");

/// Files of `src/ui` and `src/app` still drawing English literals, waiting for their
/// conversion (issue 18; `ui/chart` and `ui/gauges` are edited by others this round).
const FILES_WAITING: &[&str] = &include!("i18n_coverage_files.in");

/// Literals allowed in calls that draw text: (file, literal, why).
const LITERALS_ALLOWED: &[(&str, &str, &str)] = &[(
    "src/app/pipeline.rs",
    "Internal: {other:?} was not dispatched",
    "a wiring mistake of the program, with a Rust debug dump: for the developer, not the analyst",
)];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `src/` relative path ("src/ui/chart/mod.rs") and text of every Rust file under `dir`.
fn sources(dir: &str) -> Vec<(String, String)> {
    let mut files = Vec::new();
    rust_files(&root().join(dir), &mut files);
    if dir == "src/app" {
        files.push(root().join("src/app.rs"));
    }
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(root()).unwrap().to_string_lossy().replace('\\', "/");
            (rel, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// The English message ids, by file.
fn message_ids() -> BTreeMap<String, &'static str> {
    let mut ids = BTreeMap::new();
    for (file, text) in i18n::sources(Lang::En) {
        let resource = fluent_syntax::parser::parse(text).unwrap();
        for entry in resource.body {
            if let ast::Entry::Message(m) = entry {
                ids.insert(m.id.name.to_owned(), file);
            }
        }
    }
    ids
}

#[test]
fn every_message_is_used_by_the_code() {
    let code: String = sources("src").into_iter().map(|(_, t)| t).collect();
    let listed: BTreeMap<&str, &str> = UNUSED_ON_PURPOSE
        .iter()
        .copied()
        .chain(
            WAITING_FOR_CONVERSION
                .iter()
                .flat_map(|(why, ids)| ids.split_whitespace().map(move |id| (id, *why))),
        )
        .collect();
    let mut unused = Vec::new();
    for (id, file) in message_ids() {
        let used = code.contains(&format!("\"{id}\""));
        match (used, listed.get(id.as_str())) {
            (false, None) => unused.push(format!("{file}: {id}")),
            (true, Some(why)) => unused.push(format!("{id} is used now: take it off the list ({why})")),
            _ => {}
        }
    }
    for id in listed.keys() {
        if !message_ids().contains_key(*id) {
            unused.push(format!("{id} is listed but no longer a message"));
        }
    }
    assert!(unused.is_empty(), "messages no code uses (use them or remove them):\n{}", unused.join("\n"));
}

/// Calls through which text reaches the screen: `ui.label("…")`, `RichText::new("…")`,
/// `.on_hover_text("…")`, `Window::new("…")`, menu buttons, check boxes, hints.
const DRAWING_CALLS: &[&str] = &[
    "label(",
    "button(",
    "heading(",
    "on_hover_text(",
    "RichText::new(",
    "menu_button(",
    "selectable_label(",
    "selectable_value(",
    "Window::new(",
    "checkbox(",
    "hint_text(",
    "Button::new(",
    "small_button(",
    "notify(",
    "text(",
    "WidgetInfo::labeled(",
];

/// The string literals passed to a drawing call on `line` (also inside `format!`), with
/// `{…}` placeholders removed, that contain a letter.
fn drawn_literals(line: &str) -> Vec<String> {
    let mut found = Vec::new();
    for call in DRAWING_CALLS {
        let mut rest = line;
        while let Some(i) = rest.find(call) {
            // A whole name: `text(` is not the end of `on_hover_text(`.
            let whole = !rest[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_');
            rest = &rest[i + call.len()..];
            if !whole {
                continue;
            }
            let args = rest.trim_start_matches("&mut ").trim_start();
            // The first string literal among the call's first arguments.
            let before_quote = args.split('"').next().unwrap_or("");
            if before_quote.contains(')') || before_quote.contains("tr(") || before_quote.contains("tr!(") {
                continue;
            }
            let Some(start) = args.find('"') else { continue };
            let Some(len) = args[start + 1..].find('"') else { continue };
            let literal = &args[start + 1..start + 1 + len];
            let mut text = String::new();
            let mut depth = 0;
            for c in literal.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    c if depth == 0 => text.push(c),
                    _ => {}
                }
            }
            if text.chars().any(char::is_alphabetic) {
                found.push(literal.to_owned());
            }
        }
    }
    found
}

#[test]
fn no_english_literal_is_drawn_in_the_ui_outside_the_translation_files() {
    let allowed: BTreeSet<(&str, &str)> = LITERALS_ALLOWED.iter().map(|(f, l, _)| (*f, *l)).collect();
    let mut found = Vec::new();
    let mut files_with_literals = BTreeSet::new();
    for dir in ["src/ui", "src/app"] {
        for (file, text) in sources(dir) {
            // Unit tests at the end of a file may say what they like.
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            for (n, line) in code.lines().enumerate() {
                if line.trim_start().starts_with("//") {
                    continue;
                }
                for literal in drawn_literals(line) {
                    if allowed.contains(&(file.as_str(), literal.as_str())) {
                        continue;
                    }
                    files_with_literals.insert(file.clone());
                    if !FILES_WAITING.contains(&file.as_str()) {
                        found.push(format!("{file}:{}: \"{literal}\"", n + 1));
                    }
                }
            }
        }
    }
    for waiting in FILES_WAITING {
        if !files_with_literals.contains(*waiting) {
            found.push(format!("{waiting} draws no literal now: take it off FILES_WAITING"));
        }
    }
    assert!(
        found.is_empty(),
        "user-visible literals outside the .ftl files (use tr/tr! with a message in en, ru and kk):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_literal_check_sees_a_literal() {
    assert_eq!(drawn_literals(r#"ui.label("Targets");"#), ["Targets"]);
    assert_eq!(drawn_literals(r#"ui.heading(format!("Visit {n}"));"#), ["Visit {n}"]);
    assert_eq!(drawn_literals(r#"ui.checkbox(&mut on, "Remember");"#), ["Remember"]);
    assert_eq!(drawn_literals(r#".on_hover_text("Stop loading")"#), ["Stop loading"]);
    assert!(drawn_literals(r#"ui.label(tr(lang, "targets-heading"));"#).is_empty());
    assert!(drawn_literals(r#"ui.label(format!("• {n}"));"#).is_empty());
    assert!(drawn_literals(r#"ui.label("—");"#).is_empty());
}
