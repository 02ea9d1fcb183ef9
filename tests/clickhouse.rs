//! ClickHouse as a data source, against real servers: two ClickHouse servers on 127.0.0.1 as
//! the two shards of the cluster `tradedash_test` (.ci/clickhouse/start.sh), local tables on
//! both and a `Distributed` table over them; fixtures pushed with `tradedash push`, and
//! `summary --json` on the distributed table compared with `summary --json` on the file, to
//! the cent. Faults: no server, wrong password, no table, missing columns, a timeout, a query
//! the server stops at the timeout, a server that goes away mid-session and comes back. The
//! window: File ▸ Connect to ClickHouse… against the same servers (egui_kittest), an error
//! shown, a workspace saved without the password and reconnected on open.
//!
//! One test function: the servers are started once and stopped at its end, also when a check
//! fails (a guard's `Drop`). Without clickhouse-server it is skipped with a printed reason,
//! except in CI (`CI=true`), where that is a failure.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod run;

use std::net::TcpListener;
use std::path::Path;
use std::process::Command;

use egui::{Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use serde_json::Value;
use tradedash::app::TradeDashApp;
use tradedash::command::Command as AppCommand;
use tradedash::io::clickhouse::{Address, ClickHouseSource, LONG_TABLE_COLUMNS};
use tradedash::io::import::{ImportOptions, import_path_with};
use tradedash::model::dataset::{Dataset, is_total_code};
use tradedash::model::period::{MonthRange, YearMonth};
use tradedash::model::query::{Selection, aggregate};

const PASSWORD: &str = "test-secret";

/// The two servers; stopped when dropped.
struct Shards {
    dir: tempfile::TempDir,
    http: [String; 2],
}

impl Drop for Shards {
    fn drop(&mut self) {
        let stop = Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/clickhouse/stop.sh");
        let _ = Command::new("bash").arg(stop).arg(self.dir.path().join("ch")).status();
    }
}

impl Shards {
    fn start() -> Result<Self, String> {
        if Command::new("sh")
            .args(["-c", "command -v clickhouse-server"])
            .output()
            .map(|o| !o.status.success())
            .unwrap_or(true)
        {
            return Err("clickhouse-server is not installed (apt-get install clickhouse-server)".into());
        }
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let start = Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/clickhouse/start.sh");
        let out =
            Command::new("bash").arg(start).arg(dir.path().join("ch")).output().map_err(|e| e.to_string())?;
        let base: u16 =
            std::env::var("TRADEDASH_CH_BASE_PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(18123);
        let shards = Self { dir, http: [format!("127.0.0.1:{base}"), format!("127.0.0.1:{}", base + 1)] };
        if !out.status.success() {
            return Err(format!("start.sh failed: {}", String::from_utf8_lossy(&out.stderr)));
        }
        Ok(shards)
    }

    /// Runs `sql` on shard `i` (0 or 1) as `default`; its output.
    fn sql(&self, i: usize, sql: &str) -> String {
        self.sql_with_data(i, sql, None)
    }

    /// Runs `sql` on shard `i` with the contents of `data` as the request body (an INSERT's rows).
    fn sql_with_data(&self, i: usize, sql: &str, data: Option<&Path>) -> String {
        let mut cmd = Command::new("curl");
        cmd.args(["-sS", "--fail-with-body"]);
        match data {
            Some(file) => cmd.arg("--data-binary").arg(format!("@{}", file.display())).arg(format!(
                "http://{}/?query={}",
                self.http[i],
                urlencode(sql)
            )),
            None => cmd.arg("--data-binary").arg(sql).arg(format!("http://{}/", self.http[i])),
        };
        let out = cmd.output().expect("curl runs");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(out.status.success(), "{sql}: {text}{}", String::from_utf8_lossy(&out.stderr));
        text
    }

    /// Stops shard `i` (0 or 1) and waits until it has exited.
    fn stop(&self, i: usize) {
        let pid = std::fs::read_to_string(self.dir.path().join(format!("ch/shard{}/pid", i + 1))).unwrap();
        let pid = pid.trim();
        assert!(Command::new("kill").arg(pid).status().unwrap().success());
        for _ in 0..80 {
            if !Command::new("kill").args(["-0", pid]).status().unwrap().success() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(250));
        }
        panic!("shard {i} did not stop");
    }

    /// Starts shard `i` again with its config and data, and waits until it answers.
    fn restart(&self, i: usize) {
        let d = self.dir.path().join(format!("ch/shard{}", i + 1));
        // Through `sh … &`, as start.sh does: not a child of this process, so that once stopped it
        // is reaped and does not linger as a zombie that `kill -0` still finds.
        let out = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "clickhouse-server --config-file='{}' > '{}' 2>&1 & echo $!",
                d.join("config.xml").display(),
                d.join("stdout-again.log").display()
            ))
            .output()
            .unwrap();
        // stop.sh stops the server of this pid at the end.
        std::fs::write(d.join("pid"), String::from_utf8_lossy(&out.stdout).trim()).unwrap();
        for _ in 0..120 {
            let ok = Command::new("curl")
                .args(["-fsS", &format!("http://{}/?query=SELECT%201", self.http[i])])
                .output()
                .is_ok_and(|o| o.status.success());
            if ok {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(250));
        }
        panic!("shard {i} did not come back");
    }

    fn address(&self, table: &str) -> String {
        format!("clickhouse://tradedash@{}/default/{table}", self.http[0])
    }
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// `tradedash ARGS` with the test user's password (or `password`).
fn tradedash_with(password: &str, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tradedash"))
        .args(args)
        .env("TRADEDASH_CLICKHOUSE_PASSWORD", password)
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn summary(input: &str, sel: &[&str]) -> Value {
    let mut args = vec!["summary", "--json", input];
    args.extend_from_slice(sel);
    let (code, stdout, stderr) = tradedash_with(PASSWORD, &args);
    assert_eq!(code, 0, "summary {input} {sel:?}: {stderr}");
    serde_json::from_str(&stdout).unwrap()
}

/// The figures of a `summary --json`: months, years, flows not held (not the row counts,
/// which are of the file's rows or the table's).
fn figures(v: &Value) -> Value {
    let strip = |a: &Value| -> Value {
        Value::Array(
            a.as_array()
                .unwrap()
                .iter()
                .map(|m| {
                    let mut m = m.clone();
                    m.as_object_mut().unwrap().remove("skipped_rows");
                    m
                })
                .collect(),
        )
    };
    serde_json::json!({
        "months": strip(&v["months"]),
        "years": strip(&v["years"]),
        "spans": v["spans"].clone(),
        "flows_not_in_file": v.get("flows_not_in_file").cloned().unwrap_or(Value::Null),
    })
}

/// The selections checked for a dataset: all, its first reporter, a partner that is not
/// World, both.
fn selections(data: &Dataset) -> Vec<Vec<String>> {
    let reporter =
        data.reporters().first().map(|p| if p.code.is_empty() { p.name.clone() } else { p.code.clone() });
    let partner = data.partners().iter().find(|p| !p.is_world()).map(|p| p.name.clone());
    let mut out = vec![Vec::new()];
    if let Some(r) = &reporter {
        out.push(vec!["--reporter".into(), r.clone()]);
    }
    if let Some(p) = &partner {
        out.push(vec!["--partner".into(), p.clone()]);
    }
    if let (Some(r), Some(p)) = (reporter, partner) {
        out.push(vec!["--reporter".into(), r, "--partner".into(), p]);
    }
    out
}

/// The figures of `aggregate` for selections the command line has no options for (commodity,
/// months), in memory and on the server.
fn check_library(data: &Dataset, address: &str, what: &str) {
    let source = ClickHouseSource::connect(Address::parse(address).unwrap(), Some(PASSWORD)).unwrap();
    // The lists the window's pickers would show: the dataset's parties and commodities.
    let codes = |l: Vec<tradedash::io::clickhouse::Listed>| -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = l.into_iter().map(|p| (p.code, p.name)).collect();
        v.sort();
        v
    };
    let parties = |p: &[tradedash::model::dataset::Party]| -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = p.iter().map(|p| (p.code.clone(), p.name.clone())).collect();
        v.sort();
        v
    };
    let reporters = codes(source.reporters().unwrap());
    assert_eq!(
        reporters.iter().map(|r| &r.0).collect::<Vec<_>>(),
        parties(data.reporters()).iter().map(|r| &r.0).collect::<Vec<_>>(),
        "{what}"
    );
    let partners = codes(source.partners().unwrap());
    assert_eq!(
        partners.iter().map(|r| &r.0).collect::<Vec<_>>(),
        parties(data.partners()).iter().map(|r| &r.0).collect::<Vec<_>>(),
        "{what}"
    );
    let mut commodities: Vec<String> = data.commodities().iter().map(|c| c.code.clone()).collect();
    commodities.sort();
    commodities.dedup();
    assert_eq!(
        codes(source.commodities().unwrap()).into_iter().map(|c| c.0).collect::<Vec<_>>(),
        commodities,
        "{what}"
    );
    let mut sels = vec![Selection { commodity: Some("TOTAL".into()), ..Selection::default() }];
    if let Some(c) = data.commodities().iter().find(|c| !is_total_code(&c.code) && c.code.len() >= 2) {
        sels.push(Selection { commodity: Some(c.code[..2].to_owned()), ..Selection::default() });
    }
    if let Some(span) = aggregate(data, &Selection::default()).month_span() {
        let end = YearMonth::new(span.start.year, 6).unwrap_or(span.end);
        sels.push(Selection {
            range: Some(MonthRange::new(span.start, end.max(span.start))),
            ..Selection::default()
        });
    }
    for sel in sels {
        let here = tradedash::cli::summary_of_aggregate(&aggregate(data, &sel));
        let there = tradedash::cli::summary_of_aggregate(&source.aggregate(&sel).unwrap());
        assert_eq!(
            serde_json::to_value(&here.months).unwrap(),
            serde_json::to_value(&there.months).unwrap(),
            "{what}: {sel:?}"
        );
        assert_eq!(
            serde_json::to_value(&here.years).unwrap(),
            serde_json::to_value(&there.years).unwrap(),
            "{what}: {sel:?}"
        );
    }
}

/// Pushes `fixture` into a distributed table over two local tables and compares summaries.
fn check_distributed(shards: &Shards, n: usize, fixture: &str) {
    let path = run::fixture(fixture);
    let local = format!("t_local_{n}");
    let dist = format!("t_all_{n}");
    for i in 0..2 {
        shards.sql(i, &format!("CREATE TABLE default.{local} ({LONG_TABLE_COLUMNS}) ENGINE = MergeTree ORDER BY (reporter, partner, period)"));
    }
    shards.sql(
        0,
        &format!("CREATE TABLE default.{dist} AS default.{local} ENGINE = Distributed(tradedash_test, default, {local}, cityHash64(period, partner, flow, commodity))"),
    );
    let (code, stdout, stderr) = tradedash_with(PASSWORD, &["push", &path, &shards.address(&dist)]);
    assert_eq!(code, 0, "push {fixture}: {stderr}");
    assert!(stdout.starts_with("pushed "), "{stdout}");
    assert!(stderr.contains("tradedash: pushed ") && stderr.contains("rows read"), "{stderr}");
    let data = import_path_with(Path::new(&path), &ImportOptions::default()).unwrap().dataset;
    let on_shards: Vec<usize> = (0..2)
        .map(|i| shards.sql(i, &format!("SELECT count() FROM default.{local}")).trim().parse().unwrap())
        .collect();
    assert_eq!(on_shards.iter().sum::<usize>(), data.len(), "{fixture}: every kept row pushed once");
    if data.len() >= 4 {
        assert!(on_shards.iter().all(|&c| c > 0), "{fixture}: rows on both shards: {on_shards:?}");
    }
    for sel in selections(&data) {
        let sel: Vec<&str> = sel.iter().map(String::as_str).collect();
        let file = summary(&path, &sel);
        let table = summary(&shards.address(&dist), &sel);
        assert_eq!(figures(&file), figures(&table), "{fixture} {sel:?}");
        // Only kept rows were pushed: none of them is unreadable (spans included).
        assert_eq!(table["rows_skipped"], 0, "{fixture} {sel:?}: {table}");
        assert!(
            !figures(&file)["months"].as_array().unwrap().is_empty() || !sel.is_empty(),
            "{fixture}: no figures"
        );
    }
    check_library(&data, &shards.address(&dist), fixture);
    // `targets` works in memory on the table summed per month, reporter, partner, flow and
    // commodity: the same report as from the file (but for the data's name).
    let targets = |input: &str| {
        let (code, stdout, stderr) = tradedash_with(PASSWORD, &["targets", "--json", input]);
        assert_eq!(code, 0, "targets {input}: {stderr}");
        stdout
    };
    assert_eq!(targets(&path), targets(&shards.address(&dist)), "{fixture}: targets");
    check_breakdowns(&path, &shards.address(&dist), fixture);
}

/// `breakdown --json` of the table (pushed down: the selection's rows summed on the server)
/// equals the file's, to the cent: by commodity at two levels, by partner, with a reporter.
fn check_breakdowns(path: &str, table: &str, fixture: &str) {
    let run = |input: &str, args: &[&str]| -> (i32, String, String) {
        let mut all = vec!["breakdown", "--json", input];
        all.extend_from_slice(args);
        tradedash_with(PASSWORD, &all)
    };
    let mut compared = 0;
    for args in [
        &[][..],
        &["--level", "4"][..],
        &["--by", "partner"][..],
        &["--by", "partner", "--flow", "import"][..],
        &["--level", "section", "--flow", "turnover"][..],
    ] {
        let (file_code, file_out, file_err) = run(path, args);
        let (code, out, err) = run(table, args);
        assert_eq!(file_code, code, "{fixture} {args:?}: {file_err} / {err}");
        if code == 0 {
            assert_eq!(file_out, out, "{fixture} breakdown {args:?}");
            compared += 1;
        } else {
            assert_eq!(file_err, err, "{fixture} breakdown {args:?}: the same refusal");
        }
    }
    assert!(compared > 0, "{fixture}: some breakdown compared");
}

/// A partner whose name would break SQL pasted raw.
fn check_escaping(shards: &Shards, dir: &Path) {
    let name = "O'Brien \"x\"; DROP";
    let csv = dir.join("quotes.csv");
    std::fs::write(
        &csv,
        "period,reporter,reporter_code,partner,partner_code,flow,commodity,value_usd\n\
         2018-01,Brest Oblast,BRE,\"O'Brien \"\"x\"\"; DROP\",,export,TOTAL,100.25\n\
         2018-01,Brest Oblast,BRE,\"O'Brien \"\"x\"\"; DROP\",,import,TOTAL,50.10\n\
         2018-02,Brest Oblast,BRE,Kazakhstan,KAZ,export,TOTAL,7\n\
         2018-02,Brest Oblast,BRE,\"O'Brien \\\"\"; DROP\",,export,TOTAL,1\n",
    )
    .unwrap();
    let csv = csv.display().to_string();
    let (code, _, stderr) = tradedash_with(PASSWORD, &["push", &csv, &shards.address("quotes"), "--create"]);
    assert_eq!(code, 0, "{stderr}");
    let file = summary(&csv, &["--partner", name]);
    let table = summary(&shards.address("quotes"), &["--partner", name]);
    assert_eq!(figures(&file), figures(&table));
    assert_eq!(table["years"][0]["exports"], 100.25);
    assert_eq!(shards.sql(0, "SELECT count() FROM default.quotes").trim(), "4", "the table is still there");
}

/// A table with UN Comtrade's columns, loaded as the file is (not through push): the
/// breakdowns are set aside by the SQL.
fn check_comtrade_shape(shards: &Shards, fixture: &str) {
    let path = run::fixture(fixture);
    let text = std::fs::read_to_string(&path).unwrap();
    let header = text.trim_start_matches('\u{feff}').lines().next().unwrap();
    // Comtrade's header ends with a comma: an unnamed last column.
    let cols: Vec<String> = header
        .split(',')
        .enumerate()
        .map(|(i, c)| match c.trim_matches('"') {
            "" => format!("unnamed_{i} String"),
            name => format!("`{name}` String"),
        })
        .collect();
    shards.sql(
        0,
        &format!("CREATE TABLE default.ct ({}) ENGINE = MergeTree ORDER BY tuple()", cols.join(", ")),
    );
    // The rows as ClickHouse's CSV reader takes them: no BOM, no blank line, as many fields
    // as the header.
    let body = shards.dir.path().join("ct.csv");
    let mut reader =
        csv::ReaderBuilder::new().flexible(true).from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut writer = csv::Writer::from_path(&body).unwrap();
    writer.write_record(reader.headers().unwrap()).unwrap();
    for record in reader.records() {
        let mut fields: Vec<String> = record.unwrap().iter().map(str::to_owned).collect();
        if fields.iter().all(String::is_empty) {
            continue;
        }
        fields.resize(cols.len(), String::new());
        writer.write_record(&fields).unwrap();
    }
    writer.flush().unwrap();
    shards.sql_with_data(0, "INSERT INTO default.ct FORMAT CSVWithNames", Some(&body));
    let data = import_path_with(Path::new(&path), &ImportOptions::default()).unwrap().dataset;
    for sel in selections(&data) {
        let sel: Vec<&str> = sel.iter().map(String::as_str).collect();
        assert_eq!(
            figures(&summary(&path, &sel)),
            figures(&summary(&shards.address("ct"), &sel)),
            "{fixture} {sel:?}"
        );
    }
    let table = summary(&shards.address("ct"), &[]);
    assert!(table["format"].as_str().unwrap().contains("Comtrade"), "{table}");
    check_library(&data, &shards.address("ct"), fixture);
}

fn check_faults(shards: &Shards) {
    // No server on port 1.
    let (code, _, stderr) =
        tradedash_with(PASSWORD, &["summary", "clickhouse://tradedash@127.0.0.1:1/default/x"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot reach the ClickHouse server at http://127.0.0.1:1"), "{stderr}");
    // Wrong password: said so, and the password is not repeated.
    let (code, _, stderr) = tradedash_with("wrong-pass-7431", &["summary", &shards.address("quotes")]);
    assert_eq!(code, 2);
    assert!(stderr.contains("refused user \"tradedash\": wrong user or password"), "{stderr}");
    assert!(!stderr.contains("wrong-pass-7431"), "{stderr}");
    // No such table.
    let (code, _, stderr) = tradedash_with(PASSWORD, &["summary", &shards.address("no_such_table")]);
    assert_eq!(code, 2);
    assert!(stderr.contains("there is no table default.no_such_table"), "{stderr}");
    // Missing columns.
    shards.sql(0, "CREATE TABLE default.half (period String, reporter String, partner String, value_usd Float64) ENGINE = Memory");
    let (code, _, stderr) = tradedash_with(PASSWORD, &["summary", &shards.address("half")]);
    assert_eq!(code, 2);
    assert!(stderr.contains("nearest is the long format") && stderr.contains("lacks flow"), "{stderr}");
    // A server that accepts and never answers: the address's timeout.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    std::thread::Builder::new()
        .name("silent-server".into())
        .spawn(move || {
            let mut held = Vec::new();
            for s in silent.incoming() {
                held.push(s);
            }
        })
        .unwrap();
    let started = std::time::Instant::now();
    let (code, _, stderr) = tradedash_with(
        PASSWORD,
        &["summary", &format!("clickhouse://tradedash@127.0.0.1:{port}/default/x?timeout=1")],
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("did not answer within 1 s"), "{stderr}");
    assert!(started.elapsed().as_secs() < 20, "gave up in time");
}

#[test]
fn clickhouse_cluster_summaries_equal_the_files() {
    let shards = match Shards::start() {
        Ok(s) => s,
        Err(reason) if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("CI: no ClickHouse server could be started: {reason}")
        }
        Err(reason) => {
            eprintln!("skipped: no ClickHouse server could be started: {reason}");
            return;
        }
    };
    let dir = tempfile::tempdir().unwrap();
    check_escaping(&shards, dir.path());
    check_faults(&shards);
    let fixtures = [
        "long-mirror-blr-kaz-synthetic.csv",
        "long-world-vs-partners-synthetic.csv",
        "long-export-only-month-synthetic.csv",
        "comtrade-kaz-blr-synthetic.csv",
        "comtrade-appended-overlap-synthetic.csv",
        "comtrade-legacy-blr-kaz-synthetic.csv",
        "wide-english-flows-synthetic.csv",
        "wide-commodities-2018M-synthetic.csv",
    ];
    for (n, f) in fixtures.iter().enumerate() {
        check_distributed(&shards, n, f);
    }
    check_comtrade_shape(&shards, "comtrade-kaz-blr-synthetic.csv");
    check_query_timeout(&shards);
    check_server_goes_away(&shards, "long-mirror-blr-kaz-synthetic.csv", "t_all_0");
    check_window(&shards, "long-mirror-blr-kaz-synthetic.csv", "t_all_0");
    check_distributed(&shards, 8, "long-composition-synthetic.csv");
    check_cube(&shards, "long-composition-synthetic.csv", "t_all_8", 10);
    check_cube(&shards, "long-composition-synthetic.csv", "t_all_8", 60);
    check_cube(&shards, "long-composition-synthetic.csv", "t_all_8", 80);
    check_server_cancel(&shards);
    check_distributed(&shards, 9, "long-spans-synthetic.csv");
    check_spans_fetched(&shards, "long-spans-synthetic.csv", "t_all_9");
}

/// A table with spans (cumulative January–N figures, published growth rates) as the window
/// holds it, on both paths: its sums per commodity, and the cube (a cap of 1 sum); the spans,
/// months derived from them, years and published rates equal the file's, to the cent.
fn check_spans_fetched(shards: &Shards, fixture: &str, table: &str) {
    use tradedash::io::clickhouse::{FetchProgress, Password, fetch};
    let data =
        import_path_with(Path::new(&run::fixture(fixture)), &ImportOptions::default()).unwrap().dataset;
    let file_spans = aggregate(&data, &Selection::default()).spans;
    assert!(file_spans.iter().any(|s| s.published.exports.is_some()), "{fixture}: published rates");
    for max in [1_000_000, 1] {
        let progress = std::sync::Arc::new(FetchProgress::default());
        let address = Address::parse(&shards.address(table)).unwrap();
        let fetched =
            fetch(address, &Password::new(PASSWORD.into()), &progress, max, "all commodities").unwrap();
        assert_eq!(fetched.server.is_some(), max == 1, "{fixture}: the cube at max {max}");
        assert_eq!(fetched.counts.unreadable, 0, "{fixture}: spans are read, not skipped");
        for sel in [
            Selection::default(),
            Selection { partner: Some("KAZ".into()), ..Selection::default() },
            Selection { reporter: Some("Belarus".into()), ..Selection::default() },
        ] {
            let file = tradedash::cli::summary_of_aggregate(&aggregate(&data, &sel));
            let shown = tradedash::cli::summary_of_aggregate(&aggregate(&fetched.dataset, &sel));
            for (a, b) in [
                (serde_json::to_value(&file.spans), serde_json::to_value(&shown.spans)),
                (serde_json::to_value(&file.months), serde_json::to_value(&shown.months)),
                (serde_json::to_value(&file.years), serde_json::to_value(&shown.years)),
            ] {
                assert_eq!(a.unwrap(), b.unwrap(), "{fixture} max {max} {sel:?}");
            }
            assert!(!file.spans.is_empty(), "{fixture} {sel:?}");
        }
    }
}

/// The cube's commodity (all commodities, most aggregate level) is named in the window's
/// language: English in the window, Russian through the fetch the window calls.
fn check_cube_name(h: &Harness<'static, TradeDashApp>, shards: &Shards, table: &str, max: usize) {
    let total = h.state().dataset().commodities().iter().find(|c| c.code == "TOTAL").map(|c| c.name.clone());
    assert_eq!(
        total.as_deref(),
        Some("all commodities, most aggregate level, summed by the ClickHouse server")
    );
    // The window names it in its language (the connect passes its words to the fetch).
    let ru = tradedash::i18n::tr(tradedash::i18n::Lang::Ru, "connect-cube-commodity");
    assert!(ru.starts_with("все товары"), "{ru}");
    let address = Address::parse(&shards.address(table)).unwrap();
    let progress = std::sync::Arc::new(tradedash::io::clickhouse::FetchProgress::default());
    let password = tradedash::io::clickhouse::Password::new(PASSWORD.to_owned());
    let fetched = tradedash::io::clickhouse::fetch(address, &password, &progress, max, &ru).unwrap();
    assert!(fetched.dataset.commodities().iter().any(|c| c.code == "TOTAL" && c.name == ru));
}

/// A window connected through its form to `table` on the first server, holding at most `max`
/// sums per commodity, with the query timeout `timeout` (seconds).
fn connected(shards: &Shards, table: &str, max: usize, timeout: &str) -> Harness<'static, TradeDashApp> {
    let dialogs = common::ScriptedDialogs::default();
    let mut h = common::harness(&dialogs);
    h.state_mut().set_clickhouse_max_sums(max);
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, AppCommand::ConnectDialog);
    h.run();
    retype(&mut h, "Server URL", &format!("http://{}", shards.http[0]));
    retype(&mut h, "User", "tradedash");
    retype(&mut h, "Password", PASSWORD);
    retype(&mut h, "Table", table);
    retype(&mut h, "Query timeout, s", timeout);
    h.get_by_role_and_label(Role::Button, "Connect").click();
    settle(&mut h);
    h
}

/// A commodity selection asked of the server (a table held as a cube) shows in the status bar
/// with a Cancel; Cancel stops waiting at once, keeps the figures shown and says so; the
/// selection is not asked again until another is chosen. The table is a view that sleeps half
/// a second per row, so each query takes two seconds.
fn check_server_cancel(shards: &Shards) {
    shards.sql(
        0,
        "CREATE VIEW default.slow_cube AS SELECT '2018-01' AS period, 'Brest Oblast' AS reporter, 'Kazakhstan' AS partner, 'export' AS flow, '03' AS commodity, toFloat64(number + sleep(0.5)) AS value_usd FROM system.numbers LIMIT 4 SETTINGS max_block_size = 1",
    );
    let mut h = connected(shards, "slow_cube", 0, "30");
    let ctx = h.ctx.clone();
    assert_eq!(h.state().dataset().commodities().len(), 1, "held as the cube");
    let before = tradedash::cli::summary_of_aggregate(h.state().shown_aggregate());
    let before = serde_json::to_value(&before.months).unwrap();
    assert_eq!(before[0]["exports"].as_f64(), Some(6.0), "0 + 1 + 2 + 3: {before}");
    let sel = h.state().workspace().selection.clone();
    let c03 = Selection { commodity: Some("03".into()), ..sel.clone() };
    h.state_mut().apply(&ctx, AppCommand::SetSelection(c03.clone()));
    for _ in 0..6 {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(h.state().is_busy(), "the server is still summing");
    assert!(h.query_all_by_label_contains("The ClickHouse server is summing commodity 03").count() > 0);
    let clicked = std::time::Instant::now();
    h.get_by_role_and_label(Role::Button, "Cancel").click();
    h.step();
    assert!(!h.state().is_busy(), "stopped waiting at once");
    assert!(clicked.elapsed().as_secs_f64() < 0.5, "{:?}", clicked.elapsed());
    let last = h.state().notices().last().unwrap().text.clone();
    assert!(last.starts_with("Stopped waiting for the ClickHouse server (commodity 03)."), "{last}");
    let shown = tradedash::cli::summary_of_aggregate(h.state().shown_aggregate());
    assert_eq!(serde_json::to_value(&shown.months).unwrap(), before, "the figures shown stay");
    for _ in 0..5 {
        h.step();
        assert!(!h.state().is_busy(), "not asked again");
    }
    // Another selection, then 03 again: asked again, and answered by the server.
    h.state_mut().apply(&ctx, AppCommand::SetSelection(sel));
    settle(&mut h);
    h.state_mut().apply(&ctx, AppCommand::SetSelection(c03));
    settle(&mut h);
    assert!(h.state().cache_answered_by_server());
    let answered = tradedash::cli::summary_of_aggregate(h.state().shown_aggregate());
    assert_eq!(serde_json::to_value(&answered.months).unwrap(), before, "all of it is commodity 03");
}

/// What a connect with a cap of `max` sums says and holds: the cube, the chapters beside it
/// when they fit, and the commodities listed for the search when they fit too.
fn check_cube_held(h: &Harness<'static, TradeDashApp>, max: usize, chapters: bool) {
    let texts: Vec<String> = h.state().notices().iter().map(|n| n.text.clone()).collect();
    assert!(texts.iter().any(|t| t.starts_with("Connected to")), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains(&format!("more than the window holds ({max})"))), "{texts:?}");
    if chapters {
        assert!(
            texts.iter().any(|t| t.contains("24 sums per month, reporter, partner and flow")),
            "{texts:?}"
        );
        assert!(texts.iter().any(|t| t.contains("and 36 per HS chapter beside them")), "{texts:?}");
        let codes: Vec<String> = h.state().dataset().commodities().iter().map(|c| c.code.clone()).collect();
        if max < 69 {
            assert_eq!(codes.len(), 4, "TOTAL and the chapters 03, 04, 84: {codes:?}");
        } else {
            // 24 + 36 rows and the table's 9 codes fit: the headings and subheadings are listed
            // for the search, without rows.
            assert_eq!(codes.len(), 9, "TOTAL, 3 chapters, 5 headings and subheadings: {codes:?}");
            assert!(texts.iter().any(|t| t.contains("knows the table's 8 commodity codes")), "{texts:?}");
        }
        assert_eq!(h.state().dataset().len(), 24 + 36);
    } else {
        assert_eq!(h.state().dataset().commodities().len(), 1, "held as the cube");
    }
    if max < 69 {
        assert!(texts.iter().any(|t| t.contains("knows only the commodities held")), "{texts:?}");
    }
}

/// A table whose sums per commodity (90 in the fixture) are more than the window holds (the
/// cap, `max`, set to 10 or 60 here, 5,000,000 in use): the window holds it per (month,
/// reporter, partner, flow) (24 sums) and says so; under 60 it holds the 36 sums per HS chapter
/// beside them. Reporter and partner changes are answered from memory, and so are chapter
/// selections when the chapters are held; other commodity selections by the server (off the
/// UI thread, said in the status bar). Every figure shown equals the file's to the cent (the
/// fixture has TOTAL, chapter, heading and subheading rows and a World partner).
fn check_cube(shards: &Shards, fixture: &str, table: &str, max: usize) {
    let chapters = max >= 60;
    let data =
        import_path_with(Path::new(&run::fixture(fixture)), &ImportOptions::default()).unwrap().dataset;
    let mut h = connected(shards, table, max, "60");
    let ctx = h.ctx.clone();
    check_cube_held(&h, max, chapters);
    check_cube_name(&h, shards, table, max);
    assert!(h.state().dataset().len() < data.len(), "fewer sums than the file's rows");
    assert_shows_file(&h, &data, "cube, all partners");
    let with = |sel: &Selection, partner: Option<&str>, commodity: Option<&str>| Selection {
        partner: partner.map(str::to_owned),
        commodity: commodity.map(str::to_owned),
        ..sel.clone()
    };
    let sel = h.state().workspace().selection.clone();
    for partner in ["KAZ", "Russian Federation", "UZB"] {
        h.state_mut().apply(&ctx, AppCommand::SetSelection(with(&sel, Some(partner), None)));
        settle(&mut h);
        assert!(!h.state().cache_answered_by_server(), "{partner}: from memory");
        assert_shows_file(&h, &data, &format!("cube, partner {partner}"));
    }
    let selections = [
        (None, "04"),
        (Some("KAZ"), "0402"),
        (Some("KAZ"), "040210"),
        (None, "84"),
        (None, "03"),
        (Some("RUS"), "04"),
        (None, "0401"),
        (None, "0"),
        (Some("group:EAEU"), "04"),
    ];
    for (partner, commodity) in selections {
        let what = format!("commodity {commodity}, partner {partner:?}, max {max}");
        h.state_mut().apply(&ctx, AppCommand::SetSelection(with(&sel, partner, Some(commodity))));
        settle(&mut h);
        let by_server = !(chapters && commodity.len() == 2);
        assert_eq!(h.state().cache_answered_by_server(), by_server, "{what}");
        if by_server {
            let last = h.state().notices().last().unwrap().text.clone();
            assert_eq!(last, format!("Figures for commodity {commodity}: summed by the ClickHouse server."));
        }
        assert_shows_file(&h, &data, &what);
    }
    // A country group: its members present, never World (docs/groups.md); from memory without
    // a commodity, by the server with one.
    for (group, commodity) in
        [("group:CIS", None), ("group:EAEU", None), ("CIS", Some("04")), ("group:EAEU", Some("0402"))]
    {
        let what = format!("group {group}, commodity {commodity:?}");
        h.state_mut().apply(&ctx, AppCommand::SetSelection(with(&sel, Some(group), commodity)));
        settle(&mut h);
        assert_eq!(
            h.state().cache_answered_by_server(),
            commodity.is_some_and(|c| !chapters || c.len() != 2),
            "{what}"
        );
        assert_shows_file(&h, &data, &what);
    }
    // The source itself (what `summary` uses): a group, with a reporter that is a member of it
    // left out, to the cent.
    let source =
        ClickHouseSource::connect(Address::parse(&shards.address(table)).unwrap(), Some(PASSWORD)).unwrap();
    for (reporter, group) in [(None, "group:EAEU"), (Some("BLR"), "group:CIS"), (Some("Belarus"), "EAEU")] {
        let sel = Selection {
            reporter: reporter.map(str::to_owned),
            partner: Some(group.to_owned()),
            ..Selection::default()
        };
        let file = tradedash::cli::summary_of_aggregate(&aggregate(&data, &sel));
        let table = tradedash::cli::summary_of_aggregate(&source.aggregate(&sel).unwrap());
        assert_eq!(
            serde_json::to_value(&file.months).unwrap(),
            serde_json::to_value(&table.months).unwrap(),
            "{group}"
        );
        assert!(!file.months.is_empty(), "{group}");
    }
    // Back to all commodities: from memory again.
    h.state_mut().apply(&ctx, AppCommand::SetSelection(with(&sel, Some("KAZ"), None)));
    settle(&mut h);
    assert!(!h.state().cache_answered_by_server());
    assert_shows_file(&h, &data, "cube, KAZ again");
    check_composition(&mut h, &data, max);
    if max >= 69 {
        check_name_search(&mut h, &data);
    }
}

/// The sidebar's commodity search by name on a table held as the cube with its commodities
/// listed: "cheese" finds 0406, whose figures the server sums, equal to the file's.
fn check_name_search(h: &mut Harness<'static, TradeDashApp>, data: &Dataset) {
    let ctx = h.ctx.clone();
    let sel = Selection { commodity: None, ..h.state().workspace().selection.clone() };
    h.state_mut().apply(&ctx, AppCommand::SetSelection(sel.clone()));
    settle(h);
    h.get_by_label("Commodity (HS)").click();
    h.run();
    h.get_by_label("Commodity (HS)").type_text("cheese");
    h.run();
    h.get_by_label("0406 Cheese and curd").click();
    // The click's frame chooses 0406; the next ones ask the server.
    h.step();
    settle(h);
    assert_eq!(h.state().workspace().selection.commodity.as_deref(), Some("0406"));
    assert!(h.state().cache_answered_by_server(), "0406 summed by the server");
    assert_shows_file(h, data, "0406 found by its name");
    h.state_mut().apply(&ctx, AppCommand::SetSelection(sel));
    settle(h);
}

/// The Composition tab on a table held as the cube: a breakdown by commodity (or of a
/// commodity) is computed from the rows the server sums for it, on the breakdown's thread,
/// and equals the file's to the cent; a partner ranking of all commodities comes from memory.
/// An idle frame asks nothing; a Cancel keeps the breakdown shown.
fn check_composition(h: &mut Harness<'static, TradeDashApp>, data: &Dataset, max: usize) {
    use tradedash::model::breakdown::{By, Level, NameLang, Request, breakdown};
    use tradedash::model::dataset::Flow;
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, AppCommand::ShowTab(tradedash::ui::Tab::Composition));
    let base = h.state().workspace().selection.clone();
    type Case<'a> = (By, Level, Flow, Option<&'a str>, Option<&'a str>, &'a [&'a str]);
    let cases: [Case<'_>; 6] = [
        (By::Commodity, Level::Digits(2), Flow::Export, None, None, &[]),
        (By::Commodity, Level::Digits(4), Flow::Export, Some("KAZ"), None, &[]),
        (By::Commodity, Level::Section, Flow::Export, None, None, &[]),
        (By::Commodity, Level::Digits(2), Flow::Export, None, None, &["04"]),
        (By::Partner, Level::Digits(2), Flow::Export, None, None, &[]),
        (By::Partner, Level::Digits(2), Flow::Export, None, Some("04"), &[]),
    ];
    for (by, level, flow, partner, commodity, path) in cases {
        let what = format!("{by:?} {level:?} {flow:?} {partner:?} {commodity:?} {path:?}, max {max}");
        let sel = Selection {
            partner: partner.map(str::to_owned),
            commodity: commodity.map(str::to_owned),
            ..base.clone()
        };
        h.state_mut().apply(&ctx, AppCommand::SetSelection(sel.clone()));
        let panel = h.state_mut().composition_panel();
        (panel.by, panel.level, panel.flow) = (by, level, flow);
        panel.path = path.iter().map(|c| (*c).to_owned()).collect();
        settle(h);
        let shown = h.state_mut().composition_panel().shown().expect("a breakdown shown");
        // The fixture holds exports only (its turnover is unknown: no breakdown of it).
        assert_eq!((shown.by, shown.flow), (by, flow), "{what}: this request's breakdown shown");
        let mut asked = Selection { range: None, compare: Vec::new(), ..sel };
        if let Some(code) = path.last() {
            asked.commodity = Some((*code).to_owned());
        }
        let request = Request {
            by,
            level: h.state_mut().composition_panel().current_level(),
            flow,
            period: shown.period,
            top: h.state_mut().composition_panel().top,
            products: Vec::new(),
            selection: asked,
        };
        let file = breakdown(data, &request, NameLang::En);
        assert_eq!(*shown, file, "{what}");
        assert!(!file.items.is_empty(), "{what}: items");
        let from_memory = breakdown(h.state().dataset(), &request, NameLang::En);
        if by == By::Commodity && max < 60 {
            assert_ne!(from_memory, file, "{what}: the cube alone cannot give it, the server's rows did");
        } else if by == By::Partner && commodity.is_none() {
            assert_eq!(from_memory, file, "{what}: a partner ranking from memory");
        }
        // Idle frames ask nothing again.
        let computed = h.state_mut().composition_panel().computations();
        for _ in 0..3 {
            h.run();
        }
        assert!(!h.state().is_busy(), "{what}: nothing asked on idle frames");
        assert_eq!(h.state_mut().composition_panel().computations(), computed, "{what}");
    }
    // Cancel: the breakdown shown stays, the status bar says so, nothing is asked again.
    let before = h.state_mut().composition_panel().shown();
    h.state_mut().composition_panel().level = Level::Digits(6);
    h.state_mut().composition_panel().path.clear();
    h.step();
    assert!(h.state().is_busy(), "the server is asked for the rows");
    h.state_mut().apply(&ctx, AppCommand::CancelServerQuery);
    let last = h.state().notices().last().unwrap().text.clone();
    assert!(
        last.starts_with("Stopped waiting for the ClickHouse server (the Composition tab's breakdown)"),
        "{last}"
    );
    settle(h);
    assert_eq!(h.state_mut().composition_panel().shown(), before, "the breakdown shown stays");
    assert!(h.query_all_by_label_contains("Change the breakdown or the selection to ask again").count() > 0);
    h.state_mut().apply(&ctx, AppCommand::ShowTab(tradedash::ui::Tab::Chart));
}

/// A query the real server stops at the address's timeout (`max_execution_time`): a view that
/// sleeps a second per row.
fn check_query_timeout(shards: &Shards) {
    shards.sql(
        0,
        "CREATE VIEW default.slow AS SELECT '2018-01' AS period, 'Brest Oblast' AS reporter, 'Kazakhstan' AS partner, 'export' AS flow, toFloat64(number + sleep(1)) AS value_usd FROM system.numbers LIMIT 6 SETTINGS max_block_size = 1",
    );
    let started = std::time::Instant::now();
    let address = format!("{}?timeout=1", shards.address("slow"));
    let (code, _, stderr) = tradedash_with(PASSWORD, &["summary", &address]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "the ClickHouse server at http://{} did not answer within 1 s",
            shards.http[0]
        )),
        "{stderr}"
    );
    assert!(started.elapsed().as_secs() < 6, "stopped at the timeout, not after the 6 s of the query");
    // With time enough, the same table answers.
    let (code, _, stderr) =
        tradedash_with(PASSWORD, &["summary", &format!("{}?timeout=30", shards.address("slow"))]);
    assert_eq!(code, 0, "{stderr}");
}

/// A connected source whose server goes away: the next query says so clearly; when the server
/// is back, the same source answers again (the client reconnects), with the same figures.
/// Also the other shard going away under a `Distributed` table: the server's own words.
fn check_server_goes_away(shards: &Shards, fixture: &str, table: &str) {
    let source =
        ClickHouseSource::connect(Address::parse(&shards.address(table)).unwrap(), Some(PASSWORD)).unwrap();
    let sel = Selection::default();
    let before = tradedash::cli::summary_of_aggregate(&source.aggregate(&sel).unwrap());
    shards.stop(0);
    let e = source.aggregate(&sel).unwrap_err().to_string();
    assert!(
        e.starts_with(&format!("cannot reach the ClickHouse server at http://{}", shards.http[0])),
        "{e}"
    );
    shards.restart(0);
    let after = tradedash::cli::summary_of_aggregate(&source.aggregate(&sel).unwrap());
    assert_eq!(serde_json::to_value(&before.months).unwrap(), serde_json::to_value(&after.months).unwrap());
    // The second shard gone: the first answers with what went wrong, nothing is half-summed.
    shards.stop(1);
    let e = source.aggregate(&sel).unwrap_err().to_string();
    assert!(e.starts_with(&format!("the ClickHouse server at http://{} answered: ", shards.http[0])), "{e}");
    shards.restart(1);
    let again = tradedash::cli::summary_of_aggregate(&source.aggregate(&sel).unwrap());
    assert_eq!(
        serde_json::to_value(&before.years).unwrap(),
        serde_json::to_value(&again.years).unwrap(),
        "{fixture}"
    );
}

/// Clicks into the text field labelled `label`, selects what is there and types `text`.
fn retype(h: &mut Harness<'static, TradeDashApp>, label: &str, text: &str) {
    let role = input_role(label);
    h.get_by_role_and_label(role, label).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
}

/// The password field is a password input to assistive technology; the others are text inputs.
fn input_role(label: &str) -> Role {
    if label == "Password" { Role::PasswordInput } else { Role::TextInput }
}

/// Waits until no job runs (bounded: a connect takes a fraction of a second here).
fn settle(h: &mut Harness<'static, TradeDashApp>) {
    for _ in 0..3000 {
        h.step();
        if !h.state().is_busy() {
            h.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("a job did not end");
}

/// The shown figures equal the file's for the workspace's selection, to the cent.
fn assert_shows_file(h: &Harness<'static, TradeDashApp>, data: &Dataset, what: &str) {
    let sel = h.state().workspace().selection.clone();
    let here = tradedash::cli::summary_of_aggregate(&aggregate(data, &sel));
    let shown = tradedash::cli::summary_of_aggregate(h.state().shown_aggregate());
    assert_eq!(
        serde_json::to_value(&here.months).unwrap(),
        serde_json::to_value(&shown.months).unwrap(),
        "{what}"
    );
    assert!(!here.months.is_empty(), "{what}: figures shown");
}

/// Cancel while the server works (a view that takes 6 s): the window stops waiting at once,
/// says so, and the data shown stays.
fn check_cancel(h: &mut Harness<'static, TradeDashApp>, data: &Dataset, address: &str) {
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, AppCommand::ConnectDialog);
    h.run();
    retype(h, "Table", "slow");
    retype(h, "Query timeout, s", "30");
    h.get_by_role_and_label(Role::Button, "Connect").click();
    for _ in 0..10 {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(h.state().is_busy(), "the slow table is still being summed");
    assert!(
        h.query_all_by_label_contains("is summing").count()
            + h.query_all_by_label_contains("is counting the rows").count()
            + h.query_all_by_label_contains("Connecting to").count()
            > 0
    );
    let started = std::time::Instant::now();
    h.get_by_role_and_label(Role::Button, "Cancel").click();
    settle(h);
    assert!(started.elapsed().as_secs_f64() < 3.0, "stopped waiting at once: {:?}", started.elapsed());
    let last = h.state().notices().last().unwrap().text.clone();
    assert!(
        last.starts_with("Connecting to") && last.contains("cancelled. The data shown is unchanged."),
        "{last}"
    );
    assert_eq!(h.state().workspace().data.clickhouse.as_deref(), Some(address));
    assert_shows_file(h, data, "after a cancel");
}

/// File ▸ Connect to ClickHouse…: the form, an error shown (data kept), a connect (the
/// server's sums shown, equal to the file's), the server going away and back, a workspace
/// saved without the password and reconnected on open (the password asked for).
fn check_window(shards: &Shards, fixture: &str, table: &str) {
    let data =
        import_path_with(Path::new(&run::fixture(fixture)), &ImportOptions::default()).unwrap().dataset;
    let dialogs = common::ScriptedDialogs::default();
    let mut h = common::harness(&dialogs);
    let rows_before = h.state().dataset().len();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Connect to ClickHouse…").click();
    h.run();
    for label in ["Server URL", "Database", "Table", "User", "Password", "Query timeout, s"] {
        h.get_by_role_and_label(input_role(label), label);
    }
    retype(&mut h, "Server URL", &format!("http://{}", shards.http[0]));
    retype(&mut h, "User", "tradedash");
    retype(&mut h, "Password", PASSWORD);
    retype(&mut h, "Table", "no_such_table");
    // Masked: the password is in no text of the window.
    assert!(h.query_by_value(PASSWORD).is_none() && h.query_by_label(PASSWORD).is_none());
    h.get_by_role_and_label(Role::Button, "Connect").click();
    settle(&mut h);
    let last = h.state().notices().last().unwrap().text.clone();
    assert!(
        last.contains("there is no table default.no_such_table")
            && last.contains("The data shown is unchanged"),
        "{last}"
    );
    assert_eq!(h.state().dataset().len(), rows_before, "the data shown stays");
    assert!(
        h.query_all_by_label_contains("there is no table default.no_such_table").count() > 0,
        "on screen"
    );
    assert!(!last.contains(PASSWORD));

    // The right table: the server's sums become the data; the panels show the file's figures.
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, AppCommand::ConnectDialog);
    h.run();
    retype(&mut h, "Table", table);
    h.get_by_role_and_label(Role::Button, "Connect").click();
    settle(&mut h);
    let address = format!("clickhouse://tradedash@{}/default/{table}", shards.http[0]);
    assert_eq!(h.state().workspace().data.clickhouse.as_deref(), Some(address.as_str()));
    assert!(h.state().notices().last().unwrap().text.starts_with(&format!("Connected to {address}")));
    assert_shows_file(&h, &data, "after connect");
    let mut sel = h.state().workspace().selection.clone();
    sel.partner = data.partners().iter().find(|p| !p.is_world()).map(|p| p.name.clone());
    h.state_mut().apply(&ctx, AppCommand::SetSelection(sel));
    settle(&mut h);
    assert_shows_file(&h, &data, "a partner chosen");

    // The server goes away: a reconnect says so, the figures stay; back, it works.
    shards.stop(0);
    h.state_mut().apply(&ctx, AppCommand::ConnectDialog);
    h.run();
    h.get_by_role_and_label(Role::Button, "Connect").click();
    settle(&mut h);
    let last = h.state().notices().last().unwrap().text.clone();
    assert!(
        last.contains(&format!("cannot reach the ClickHouse server at http://{}", shards.http[0])),
        "{last}"
    );
    assert_shows_file(&h, &data, "server gone");
    shards.restart(0);
    h.state_mut().apply(&ctx, AppCommand::ConnectDialog);
    h.run();
    h.get_by_role_and_label(Role::Button, "Connect").click();
    settle(&mut h);
    assert!(h.state().notices().last().unwrap().text.starts_with("Connected to"));
    assert_shows_file(&h, &data, "server back");

    check_cancel(&mut h, &data, &address);

    // Saved: the address, never the password; opened again: the saved sums shown, the
    // password asked for (none in the environment), then reconnected.
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ch.ron");
    h.state_mut().apply(&ctx, AppCommand::SaveWorkspaceAs(ws.clone()));
    let text = std::fs::read_to_string(&ws).unwrap();
    assert!(text.contains(&format!("clickhouse: Some(\"{address}\")")), "{text}");
    for f in std::fs::read_dir(dir.path()).unwrap() {
        let bytes = std::fs::read(f.unwrap().path()).unwrap();
        assert!(!bytes.windows(PASSWORD.len()).any(|w| w == PASSWORD.as_bytes()), "no password on disk");
    }
    let mut again = common::harness(&dialogs);
    let ctx = again.ctx.clone();
    again.state_mut().apply(&ctx, AppCommand::Open(ws));
    settle(&mut again);
    assert_shows_file(&again, &data, "saved sums");
    if tradedash::io::clickhouse::password_from_env().is_none() {
        assert!(again.query_all_by_label_contains("type the password to reconnect").count() > 0);
    }
    retype(&mut again, "Password", PASSWORD);
    again.get_by_role_and_label(Role::Button, "Connect").click();
    settle(&mut again);
    assert!(again.state().notices().last().unwrap().text.starts_with("Connected to"));
    assert_shows_file(&again, &data, "reconnected");
}
