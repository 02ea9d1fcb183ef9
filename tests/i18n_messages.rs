//! The translations are complete and consistent: every `.ftl` file parses, every message id
//! exists in English, Russian and Kazakh with the same attributes and the same variables,
//! every message formats without an error, and every character a message can show has a glyph
//! in the fonts the app draws with.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use fluent_syntax::ast;
use tradedash::i18n::{self, Lang};

/// One message: its attributes and the variables it uses, each with the values its selectors
/// test (so that formatting can visit every variant).
#[derive(Debug, Default, PartialEq)]
struct Shape {
    attributes: BTreeSet<String>,
    variables: BTreeSet<String>,
}

/// Variant keys seen for each variable, across languages: a string key ("chart") is a value
/// to try when formatting.
type Selectors = BTreeMap<String, BTreeSet<String>>;

/// One language's messages by id, with the file each is in.
type Messages = BTreeMap<String, (String, Shape)>;

fn walk_pattern(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>, selectors: &mut Selectors) {
    for element in &p.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            walk_expression(expression, vars, selectors);
        }
    }
}

fn walk_expression(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>, selectors: &mut Selectors) {
    match e {
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, vars, selectors);
            if let ast::InlineExpression::VariableReference { id } = selector {
                let keys = selectors.entry(id.name.to_owned()).or_default();
                for v in variants {
                    if let ast::VariantKey::Identifier { name } = &v.key {
                        keys.insert((*name).to_owned());
                    }
                }
            }
            for v in variants {
                walk_pattern(&v.value, vars, selectors);
            }
        }
        ast::Expression::Inline(inline) => walk_inline(inline, vars, selectors),
    }
}

fn walk_inline(e: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>, selectors: &mut Selectors) {
    match e {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, vars, selectors),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                walk_inline(a, vars, selectors);
            }
        }
        _ => {}
    }
}

/// Messages of one language by file, with problems found while reading them.
fn read(lang: Lang, selectors: &mut Selectors) -> (Messages, Vec<String>) {
    let mut messages = BTreeMap::new();
    let mut problems = Vec::new();
    for (file, text) in i18n::sources(lang) {
        let resource = match FluentResource::try_new(text.to_owned()) {
            Ok(r) => r,
            Err((r, errors)) => {
                for e in errors {
                    problems.push(format!("{}/{file}: syntax error {e:?}", lang.code()));
                }
                r
            }
        };
        for entry in resource.entries() {
            match entry {
                ast::Entry::Message(m) => {
                    let mut shape = Shape::default();
                    if let Some(v) = &m.value {
                        walk_pattern(v, &mut shape.variables, selectors);
                    }
                    for a in &m.attributes {
                        shape.attributes.insert(a.id.name.to_owned());
                        walk_pattern(&a.value, &mut shape.variables, selectors);
                    }
                    if m.value.is_none() {
                        problems.push(format!("{}/{file}: {} has no value", lang.code(), m.id.name));
                    }
                    let id = m.id.name.to_owned();
                    if let Some((other, _)) = messages.insert(id.clone(), (file.to_owned(), shape)) {
                        problems.push(format!("{}: {id} is defined twice ({other}, {file})", lang.code()));
                    }
                }
                ast::Entry::Term(t) => {
                    problems.push(format!(
                        "{}/{file}: term -{} (terms are not used here)",
                        lang.code(),
                        t.id.name
                    ));
                }
                ast::Entry::Junk { content } => {
                    problems.push(format!("{}/{file}: cannot parse {content:?}", lang.code()));
                }
                _ => {}
            }
        }
    }
    (messages, problems)
}

fn all_languages() -> (BTreeMap<Lang, Messages>, Selectors, Vec<String>) {
    let mut selectors = Selectors::new();
    let mut problems = Vec::new();
    let mut by_lang = BTreeMap::new();
    for lang in Lang::ALL {
        let (messages, p) = read(lang, &mut selectors);
        problems.extend(p);
        by_lang.insert(lang, messages);
    }
    (by_lang, selectors, problems)
}

#[test]
fn every_file_parses_and_every_message_is_in_every_language_with_the_same_variables() {
    let (by_lang, _, mut problems) = all_languages();
    let en = &by_lang[&Lang::En];
    assert!(en.len() > 400, "only {} English messages: the files are not being read", en.len());
    for lang in [Lang::Ru, Lang::Kk] {
        let other = &by_lang[&lang];
        for (id, (file, shape)) in en {
            match other.get(id) {
                None => problems.push(format!("{}: {id} (en/{file}) is missing", lang.code())),
                Some((other_file, _)) if other_file != file => {
                    problems.push(format!("{}: {id} is in {other_file}, in English in {file}", lang.code()));
                }
                Some((_, s)) if s.attributes != shape.attributes => problems.push(format!(
                    "{}: {id} has attributes {:?}, English {:?}",
                    lang.code(),
                    s.attributes,
                    shape.attributes
                )),
                Some((_, s)) if s.variables != shape.variables => problems.push(format!(
                    "{}: {id} uses {:?}, English {:?}",
                    lang.code(),
                    s.variables,
                    shape.variables
                )),
                Some(_) => {}
            }
        }
        for id in other.keys().filter(|id| !en.contains_key(*id)) {
            problems.push(format!("{}: {id} is not in English", lang.code()));
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

/// Argument sets that visit every variant of every selector: each string key seen, plus the
/// numbers 1, 2, 5 and 1,234,567 for plural selectors.
fn argument_sets(shape: &Shape, selectors: &Selectors) -> Vec<FluentArgs<'static>> {
    let mut values: Vec<String> = vec!["1".into(), "2".into(), "5".into(), "1234567".into(), "other".into()];
    for v in &shape.variables {
        values.extend(selectors.get(v).into_iter().flatten().cloned());
    }
    values.sort();
    values.dedup();
    values
        .into_iter()
        .map(|value| {
            let mut args = FluentArgs::new();
            for v in &shape.variables {
                match value.parse::<f64>() {
                    Ok(n) => args.set(v.clone(), n),
                    Err(_) => args.set(v.clone(), value.clone()),
                }
            }
            args
        })
        .collect()
}

/// Every text every message can produce, in every language.
fn every_text() -> Vec<(Lang, String, String)> {
    let (by_lang, selectors, problems) = all_languages();
    assert!(problems.is_empty(), "{problems:?}");
    let mut out = Vec::new();
    for lang in Lang::ALL {
        let mut bundle = FluentBundle::new(vec![lang.code().parse().unwrap()]);
        bundle.set_use_isolating(false);
        for (_, text) in i18n::sources(lang) {
            bundle.add_resource(FluentResource::try_new(text.to_owned()).unwrap()).unwrap();
        }
        for (id, (_, shape)) in &by_lang[&lang] {
            let message = bundle.get_message(id).unwrap();
            let patterns: Vec<_> =
                message.value().into_iter().chain(message.attributes().map(|a| a.value())).collect();
            for args in argument_sets(shape, &selectors) {
                for pattern in &patterns {
                    let mut errors = Vec::new();
                    let text = bundle.format_pattern(pattern, Some(&args), &mut errors).into_owned();
                    assert!(errors.is_empty(), "{}: {id}: {errors:?}", lang.code());
                    out.push((lang, id.clone(), text));
                }
            }
        }
    }
    out
}

#[test]
fn every_message_formats_in_every_language_without_errors() {
    let texts = every_text();
    assert!(texts.len() > 3 * 400);
    for (lang, id, text) in &texts {
        assert!(!text.trim().is_empty(), "{}: {id} formats to nothing", lang.code());
        assert!(!text.contains('\u{2068}'), "{}: {id} has isolation marks", lang.code());
    }
}

#[test]
fn the_library_handles_plurals_and_the_app_api_switches_language_at_once() {
    use tradedash::tr;
    for (lang, one, few, many) in [
        (Lang::Ru, "1 строка", "2 строки", "5 строк"),
        (Lang::Kk, "1 жол", "2 жол", "5 жол"),
        (Lang::En, "1 row", "2 rows", "5 rows"),
    ] {
        assert_eq!(tr!(lang, "import-rows", count = 1), one);
        assert_eq!(tr!(lang, "import-rows", count = 2), few);
        assert_eq!(tr!(lang, "import-rows", count = 5), many);
    }
    assert_eq!(tr!(Lang::Ru, "visit-warnings", count = 3), "3 замечания к плану");
    assert_eq!(
        tr!(Lang::Ru, "notice-not-on-screen", what = "chart"),
        "График не на экране; ничего не экспортировано"
    );
    assert_eq!(tr!(Lang::Kk, "tab-chart"), "Айлық сауда");
    assert_eq!(
        i18n::tr_attr(Lang::Ru, "chart-reset-zoom", "tooltip", None),
        "Или дважды щёлкните по графику"
    );
}

/// Characters of `text` the app's fonts cannot draw.
fn missing_glyphs(ctx: &egui::Context, text: &str) -> BTreeSet<char> {
    let font = egui::FontId::proportional(14.0);
    ctx.fonts_mut(|f| text.chars().filter(|c| !c.is_whitespace() && !f.has_glyph(&font, *c)).collect())
}

/// A context with the fonts the app draws with: egui's bundled ones (the app adds none).
fn app_fonts_context() -> egui::Context {
    let ctx = egui::Context::default();
    // Fonts are loaded at the start of the first pass; its font texture is not needed.
    ctx.run_ui(egui::RawInput::default(), |_| {}).textures_delta.clear();
    ctx
}

#[test]
fn every_character_of_every_message_has_a_glyph() {
    let ctx = app_fonts_context();
    let mut problems = BTreeMap::new();
    let mut texts = every_text();
    // Numbers and months as ICU4X writes them: separators (a no-break space in Russian and
    // Kazakh) and every month name in both lengths.
    for lang in Lang::ALL {
        use tradedash::model::format::{
            MonthStyle, date_span, day_label, month_span, usd_exact_in, usd_in, usd_short_in,
        };
        for text in [usd_in(lang, -1_234_567.5), usd_short_in(lang, 58_300_000.0), usd_exact_in(lang, 1e12)] {
            texts.push((lang, "model::format".into(), text));
        }
        for style in [MonthStyle::Short, MonthStyle::Long] {
            for m in 1..=12 {
                texts.push((lang, "month names".into(), month_span(lang, (2017, m), (2018, m), style)));
            }
        }
        for m in 1..=12 {
            // Seven consecutive days of each month: every weekday name.
            for d in 1..=7 {
                texts.push((lang, "dates".into(), day_label(lang, (2018, m, d))));
            }
            texts.push((lang, "dates".into(), date_span(lang, (2017, m, 1), (2018, m, 2))));
        }
    }
    for (lang, id, text) in texts {
        let missing = missing_glyphs(&ctx, &text);
        if !missing.is_empty() {
            problems.insert(format!("{}: {id}", lang.code()), missing);
        }
    }
    assert!(problems.is_empty(), "characters without a glyph: {problems:?}");
}

#[test]
fn the_theme_choices_have_glyphs() {
    let ctx = app_fonts_context();
    for lang in Lang::ALL {
        for (_, id) in tradedash::i18n::widgets::THEME_CHOICES {
            let text = i18n::tr(lang, id);
            assert_eq!(missing_glyphs(&ctx, &text), BTreeSet::new(), "{text}");
        }
    }
    // What egui's own theme buttons drew instead.
    for choice in [egui::ThemePreference::System, egui::ThemePreference::Light, egui::ThemePreference::Dark] {
        assert!(!missing_glyphs(&ctx, choice.icon()).is_empty(), "{} has glyphs now", choice.icon());
    }
}

/// Characters inside string literals of the UI's source files (the texts not yet moved to the
/// `.ftl` files), with the file they are in.
fn source_literal_chars() -> BTreeMap<char, String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let mut dirs = vec![root.join("ui"), root.join("app")];
    files.push(root.join("app.rs"));
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|e| e == "rs") {
                files.push(p);
            }
        }
    }
    let mut chars = BTreeMap::new();
    for file in files.iter().filter(|f| f.exists()) {
        let text = std::fs::read_to_string(file).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
            // The text between pairs of quotes; escapes do not matter for which glyphs are drawn.
            for literal in line.split('"').skip(1).step_by(2) {
                for c in literal.chars().filter(|c| !c.is_ascii()) {
                    chars.entry(c).or_insert_with(|| file.display().to_string());
                }
            }
        }
    }
    chars
}

#[test]
fn every_character_in_the_ui_source_has_a_glyph() {
    let ctx = app_fonts_context();
    let chars = source_literal_chars();
    assert!(chars.contains_key(&'…'), "the source scan no longer finds the UI's texts");
    let missing: Vec<String> = chars
        .iter()
        .filter(|(c, _)| !missing_glyphs(&ctx, &c.to_string()).is_empty())
        .map(|(c, file)| format!("{c:?} (U+{:04X}) in {file}", u32::from(*c)))
        .collect();
    assert!(missing.is_empty(), "characters without a glyph: {missing:?}");
}

#[test]
fn the_glyph_check_sees_a_missing_glyph() {
    let ctx = app_fonts_context();
    // A Tangut ideograph: no font the app ships has it.
    assert_eq!(missing_glyphs(&ctx, "a\u{17000}б"), BTreeSet::from(['\u{17000}']));
}
