//! `tradedash export-brief`: the briefing PDF of the built-in example, read back with poppler
//! (`pdfinfo`, `pdftotext`, `pdffonts`) as a reader's PDF viewer would see it, in English,
//! Russian and Kazakh; and the bad cases (no visit, no targets, an unwritable path).
//!
//! Without poppler-utils the PDF checks are skipped with a printed reason, except under
//! `CI=true`, where a missing tool fails the test (CI installs poppler-utils).

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod run;

use std::path::Path;
use std::process::Command;

use run::tradedash;
use tradedash::io::brief::{BriefOptions, Lang, layout};
use tradedash::io::workspace_file;

/// Whether the poppler tools are there; `false` (after saying so) outside CI, a failure in CI.
fn poppler() -> bool {
    let found =
        ["pdfinfo", "pdftotext", "pdffonts"].iter().all(|t| Command::new(t).arg("-v").output().is_ok());
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "poppler-utils (pdfinfo, pdftotext, pdffonts) are needed under CI=true"
        );
        eprintln!("SKIPPED: poppler-utils not installed (apt-get install poppler-utils) — PDF not checked");
    }
    found
}

fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name).args(args).output().unwrap();
    assert!(out.status.success(), "{name} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn pages_of(pdf: &Path) -> usize {
    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    let line = info.lines().find(|l| l.starts_with("Pages:")).unwrap();
    line["Pages:".len()..].trim().parse().unwrap()
}

/// The text of every page, in reading order, spaces between words normalised.
fn text_of(pdf: &Path) -> String {
    let text = tool("pdftotext", &["-layout", "-enc", "UTF-8", pdf.to_str().unwrap(), "-"]);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every font of the PDF is embedded (pdffonts' "emb" column), and there is at least one.
fn assert_fonts_embedded(pdf: &Path) {
    let fonts = tool("pdffonts", &[pdf.to_str().unwrap()]);
    let rows: Vec<&str> = fonts.lines().skip(2).filter(|l| !l.trim().is_empty()).collect();
    assert!(!rows.is_empty(), "no fonts listed:\n{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type [encoding…] emb sub uni object ID: emb is the 5th column from the end.
        assert_eq!(cols[cols.len() - 5], "yes", "font not embedded: {row}");
        assert!(row.contains("Ubuntu"), "the bundled font: {row}");
    }
}

/// The built-in example with its illustrative monthly split shown (the briefing's monthly
/// sections need months; they are labelled SAMPLE), saved beside `out`.
fn split_example_beside(out: &Path) -> std::path::PathBuf {
    let input = out.with_file_name("example-with-split.ron");
    workspace_file::save(&input, &tradedash::io::example::with_split_shown()).unwrap();
    input
}

fn export(lang: &str, out: &Path) -> String {
    let input = split_example_beside(out);
    let (code, stdout, stderr) =
        tradedash(&["export-brief", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--lang", lang]);
    assert_eq!(code, 0, "stderr: {stderr}");
    assert!(stdout.contains(out.to_str().unwrap()), "{stdout}");
    stdout
}

fn expected_pages(lang: Lang) -> usize {
    let ws = tradedash::io::example::with_split_shown();
    let data = ws.data.embedded.clone().unwrap();
    layout(&ws, &data, &BriefOptions { lang, ..BriefOptions::today() }).unwrap().len()
}

#[test]
fn english_briefing_of_the_built_in_example() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("brief.pdf");
    let stdout = export("en", &pdf);
    let pages = expected_pages(Lang::En);
    assert!(stdout.contains(&format!("({pages} pages)")), "{stdout}");
    if !poppler() {
        return;
    }
    assert_eq!(pages_of(&pdf), pages);
    assert!((4..=8).contains(&pages), "title, figures, charts, targets, programme: {pages} pages");
    let text = text_of(&pdf);
    for heading in [
        "BRIEFING",
        "1. Key figures",
        "2. Monthly trade and year to date",
        "Figure 1. Monthly trade",
        "Figure 2. Year to date",
        "3. Targets",
        "4. Programme of the visit",
    ] {
        assert!(text.contains(heading), "heading {heading:?} missing");
    }
    // Title page: the visit, its dates, the delegation and the hosts.
    for s in [
        "Visit of Kazakhstan's ambassador to Brest Oblast",
        "11–13 Sep 2018",
        "Yermukhamet Yertysbayev",
        "Anatoly Lis",
    ] {
        assert!(text.contains(s), "{s:?} missing");
    }
    // Key figures as computed by the model (and as the seed article reports them).
    for figure in [
        "Year to date, Jan–Jul 2018 $58.3 million",
        "+18.6% on Jan–Jul 2017",
        "Latest month, Jul 2018 $8.9 million",
        "+19.1% on Jul 2017",
        "$42.6 million",
        "$690 million",
        "Gap",
        "$896 million",
        "$104 million (10.4%)",
    ] {
        assert!(text.contains(figure), "figure {figure:?} missing from:\n{text}");
    }
    // Programme by day, with a stop's products and the sample data's answer for them.
    for s in ["Day 1", "Day 3", "Santa Bremor", "HS 03: not in the data", "Belovezhskaya Pushcha"] {
        assert!(text.contains(s), "{s:?} missing");
    }
    assert!(text.contains("SAMPLE DATA"), "the example is labelled as sample");
    assert!(
        text.contains(&format!("Page 1 of {pages}")) && text.contains(&format!("Page {pages} of {pages}"))
    );
    assert_fonts_embedded(&pdf);
}

#[test]
fn russian_and_kazakh_briefings() {
    let dir = tempfile::tempdir().unwrap();
    let ru = dir.path().join("brief-ru.pdf");
    let kk = dir.path().join("brief-kk.pdf");
    export("ru", &ru);
    export("kk", &kk);
    if !poppler() {
        return;
    }
    let pages = expected_pages(Lang::Ru);
    assert_eq!(pages_of(&ru), pages);
    let text = text_of(&ru);
    for heading in [
        "СПРАВКА",
        "1. Основные показатели",
        "2. Помесячная торговля и с начала года",
        "3. Целевые показатели",
        "4. Программа визита",
        "Разрыв",
    ] {
        assert!(text.contains(heading), "heading {heading:?} missing from:\n{text}");
    }
    for figure in ["$58.3 million", "+18.6%", "$104 million (10.4%)"] {
        assert!(text.contains(figure), "figure {figure:?} missing");
    }
    assert!(text.contains(&format!("Страница 1 из {pages}")));
    assert!(text.contains("ДЕМОНСТРАЦИОННЫЕ ДАННЫЕ"));
    assert_fonts_embedded(&ru);
    // Kazakh letters (Қ, ө, ү, ғ, ң) come out as the same text.
    let text = text_of(&kk);
    for s in ["1. Негізгі көрсеткіштер", "3. Нысаналы көрсеткіштер", "4. Сапар бағдарламасы", "Алшақтық"]
    {
        assert!(text.contains(s), "{s:?} missing from:\n{text}");
    }
    assert_fonts_embedded(&kk);
}

#[test]
fn a_workspace_without_visit_or_targets_still_gives_a_briefing() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = workspace_file::default_workspace();
    ws.visits.clear();
    ws.targets.clear();
    let input = dir.path().join("bare.tradedash.ron");
    workspace_file::save(&input, &ws).unwrap();
    let pdf = dir.path().join("bare.pdf");
    let (code, stdout, stderr) =
        tradedash(&["export-brief", input.to_str().unwrap(), "--out", pdf.to_str().unwrap()]);
    assert_eq!(code, 0, "stderr: {stderr}");
    assert!(stdout.contains("pages)"), "{stdout}");
    // There is no visit 1 to ask for.
    let (code, _, stderr) =
        tradedash(&["export-brief", input.to_str().unwrap(), "--visit", "1", "--out", pdf.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("has 0 visit(s); there is no visit 1"), "{stderr}");
    if !poppler() {
        return;
    }
    let text = text_of(&pdf);
    assert!(text.contains("This workspace has no visit"), "{text}");
    assert!(text.contains("This workspace has no targets"), "{text}");
    assert!(text.contains("$58.3 million"), "the figures are still there");
    // A data file with unreadable rows: a briefing without visit or targets, and a note that
    // the figures may be incomplete.
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/long-with-bad-rows.csv");
    let pdf = dir.path().join("bad-rows.pdf");
    let (code, _, stderr) =
        tradedash(&["export-brief", fixture.to_str().unwrap(), "--out", pdf.to_str().unwrap()]);
    assert_eq!(code, 0, "stderr: {stderr}");
    let text = text_of(&pdf);
    assert!(
        text.contains("Rows of the data file that could not be read: 4; figures may be incomplete."),
        "{text}"
    );
    assert!(text.contains("This workspace has no visit") && text.contains("This workspace has no targets"));
}

#[test]
fn an_unwritable_path_fails_with_a_message_and_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    // A folder that does not exist.
    let missing = dir.path().join("no/such/folder/brief.pdf");
    let (code, stdout, stderr) = tradedash(&["export-brief", "--out", missing.to_str().unwrap()]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stderr.contains("briefing not written") && stderr.contains("no/such/folder/brief.pdf"),
        "{stderr}"
    );
    assert!(!missing.exists());
    // The path is a folder: the rename fails, the folder and its contents stay, no temp file.
    let folder = dir.path().join("brief.pdf");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("keep.txt"), b"keep").unwrap();
    let (code, _, stderr) = tradedash(&["export-brief", "--out", folder.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("cannot write the file"), "{stderr}");
    assert_eq!(std::fs::read(folder.join("keep.txt")).unwrap(), b"keep");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left, vec![std::ffi::OsString::from("brief.pdf")], "no partial or temporary file");
    // A language that does not exist is refused before anything is written.
    let (code, _, stderr) = tradedash(&["export-brief", "--out", "x.pdf", "--lang", "de"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("invalid value 'de'") && stderr.contains("en, ru, kk"), "{stderr}");
}
