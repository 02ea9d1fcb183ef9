//! The import's English texts are byte for byte what they were before the reasons became
//! data (a message id and its values, issue 18): `summary` as text and as JSON, and the error
//! of every file that is refused, for every fixture, every bad file, and a set of inputs
//! written here that hit the row reasons the fixtures do not.
//!
//! The expected outputs are in `tests/golden/import-en/`, written by the English strings the
//! importer built before the change (`UPDATE_GOLDEN=1 cargo test --test import_english_unchanged`
//! writes them again; a difference is then reviewed in `git diff`, never accepted blindly).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// Inputs that reach reasons no fixture reaches: (file name, content, extra arguments).
const WRITTEN: &[(&str, &str, &[&str])] = &[
    (
        "long-every-reason.csv",
        "period,reporter,partner,flow,commodity,value_usd\n\
         2018-01,Brest Oblast,Kazakhstan,export,TOTAL,5000000\n\
         2018-02,Brest Oblast,Kazakhstan,export,TOTAL,\n\
         2018-03,Brest Oblast,Kazakhstan,export,TOTAL,abc\n\
         2018-04,Brest Oblast,Kazakhstan,export,TOTAL,1e30\n\
         2018-05,Brest Oblast,,export,TOTAL,1\n\
         2018-06,Brest Oblast,Kazakhstan,export,TOTAL,1,2\n\
         July,Brest Oblast,Kazakhstan,export,TOTAL,1\n\
         2018-08,Brest Oblast,Kazakhstan,\"side\"\"ways\",TOTAL,1\n",
        &[],
    ),
    (
        "wide-bad-cells.csv",
        "Экспорт, тыс. долл. США\n\
         Страна;январь 2018;февраль 2018;март 2018;2018\n\
         Казахстан;1;-2;abc;3\n\
         Россия;1e30;2;3;6\n\
         ;4;5;6;15\n",
        &[],
    ),
    (
        "comtrade-bad-rows.csv",
        "refYear,refMonth,period,flowCode,reporterISO,reporterDesc,partnerISO,partnerDesc,cmdCode,primaryValue,customsCode,motCode,partner2Code\n\
         2018,1,201801,X,BLR,Belarus,KAZ,Kazakhstan,TOTAL,100,C00,0,0\n\
         2018,1,201801,Q,BLR,Belarus,KAZ,Kazakhstan,TOTAL,100,C00,0,0\n\
         18,1,201801,X,BLR,Belarus,KAZ,Kazakhstan,TOTAL,100,C00,0,0\n\
         2018,x,2019xx,X,BLR,Belarus,KAZ,Kazakhstan,TOTAL,100,C00,0,0\n\
         2018,1,201801,RX,BLR,Belarus,KAZ,Kazakhstan,TOTAL,100,C00,0,0\n\
         2018,1,201801,X,BLR,Belarus,KAZ,Kazakhstan,TOTAL,100,C01,0,0\n\
         2018,1,201801,X,BLR,Belarus,KAZ,Kazakhstan,TOTAL,100,C00,1,0\n\
         2018,1,201801,X,BLR,Belarus,KAZ,Kazakhstan,TOTAL,100,C00,0,643\n",
        &[],
    ),
    (
        "legacy-bad-flow.csv",
        "Year,Period,Trade Flow,Reporter,Partner,Commodity Code,Trade Value (US$)\n\
         2018,201801,Export,Belarus,Kazakhstan,TOTAL,100\n\
         2018,201801,Sideways,Belarus,Kazakhstan,TOTAL,100\n\
         2018,201801,Re-Export,Belarus,Kazakhstan,TOTAL,100\n",
        &[],
    ),
    (
        "mapped.csv",
        "Месяц;Страна;Направление;Стоимость;Ед.\n\
         2018-01;Казахстан;экспорт;1;тыс. долл. США\n\
         2018-02;Казахстан;вбок;2;тыс. долл. США\n\
         2018-03;Казахстан;экспорт;3;руб.\n\
         2018-04;Казахстан;экспорт;4;штук\n",
        &["--map", "period=Месяц,partner=Страна,flow=Направление,value=Стоимость,unit=Ед."],
    ),
    (
        "mapped-fixed.csv",
        "Месяц;Стоимость\n2018-01;1\n2018-02;2\n",
        &["--map", "period=Месяц,value=Стоимость", "--set", "flow=import,unit=thousand,commodity=0401"],
    ),
    ("mapped-no-column.csv", "Месяц;Стоимость\n2018-01;1\n", &["--map", "period=Month,value=Стоимость"]),
    (
        "mapped-bad-flow.csv",
        "Месяц;Стоимость\n2018-01;1\n",
        &["--map", "period=Месяц,value=Стоимость", "--set", "flow=sideways"],
    ),
    (
        "mapped-bad-unit.csv",
        "Месяц;Стоимость\n2018-01;1\n",
        &["--map", "period=Месяц,value=Стоимость", "--set", "flow=export,unit=roubles"],
    ),
    ("map-bad-field.csv", "a\n1\n", &["--map", "colour=a"]),
    ("unknown-header.csv", "a;b;c\n1;2;3\n", &[]),
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// What `summary` (text, then JSON) prints for `file` run in `dir`: exit codes, stdout, stderr.
fn outputs(dir: &Path, file: &str, extra: &[&str]) -> String {
    let mut all = String::new();
    for json in [false, true] {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_tradedash"));
        cmd.current_dir(dir).arg("summary").arg(file).args(extra);
        if json {
            cmd.arg("--json");
        }
        let out = cmd.output().expect("the binary runs");
        all.push_str(&format!(
            "== summary{} {file} {}\nexit {}\n-- stdout\n{}\n-- stderr\n{}\n",
            if json { " --json" } else { "" },
            extra.join(" "),
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    all
}

fn check(name: &str, actual: &str, failures: &mut Vec<String>) {
    let golden = root().join("tests/golden/import-en").join(format!("{name}.txt"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
        std::fs::write(&golden, actual).unwrap();
        return;
    }
    match std::fs::read_to_string(&golden) {
        Ok(expected) if expected == actual => {}
        Ok(expected) => {
            let first = expected.lines().zip(actual.lines()).find(|(e, a)| e != a);
            failures.push(format!("{name}: differs; first different line:\n  was {first:?}"));
        }
        Err(e) => failures.push(format!("{name}: no golden file {} ({e})", golden.display())),
    }
}

#[test]
fn every_fixture_reads_in_the_same_english_as_before() {
    let mut failures = Vec::new();
    for sub in ["tests/fixtures", "tests/fixtures/bad"] {
        let dir = root().join(sub);
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap())
            .filter(|e| e.path().is_file())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| !n.ends_with(".md") && !n.ends_with(".py"))
            .collect();
        names.sort();
        for name in names {
            let prefix = if sub.ends_with("bad") { "bad-" } else { "" };
            check(&format!("{prefix}{name}"), &outputs(&dir, &name, &[]), &mut failures);
        }
    }
    let tmp = tempfile::tempdir().unwrap();
    for (name, text, extra) in WRITTEN {
        std::fs::write(tmp.path().join(name), text).unwrap();
        check(&format!("written-{name}"), &outputs(tmp.path(), name, extra), &mut failures);
    }
    assert!(failures.is_empty(), "English import texts changed:\n{}", failures.join("\n"));
}
