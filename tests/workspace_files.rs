//! Workspace files on disk: every released schema version loads, and a process killed in the
//! middle of saving leaves a file that is either the old or the new one, whole.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use tradedash::io::atomic::backup_path;
use tradedash::io::workspace_file::{self, default_workspace};
use tradedash::model::dataset::{Commodity, Dataset, Flow, Party, Period, Record};
use tradedash::model::period::{MonthRange, YearMonth};
use tradedash::model::reported::{Measure, Statistics};
use tradedash::model::workspace::{SCHEMA_VERSION, Workspace};

use common::fixture;

/// One fixture per released schema version; add `workspace-v{N}.ron` with each new version.
#[test]
fn every_released_schema_version_loads() {
    assert_eq!(SCHEMA_VERSION, 4, "a new schema version needs a fixture of the old one here");
    let v1 = workspace_file::load(&fixture("workspace-v1.ron")).unwrap();
    assert_eq!(v1.schema_version, SCHEMA_VERSION);
    assert_eq!(v1.title, "Brest Oblast – Kazakhstan trade, 2017–2018");
    assert_eq!(v1.data.embedded.as_ref().map(|d| d.len()), Some(38));
    assert_eq!(v1.targets.len(), 1);
    assert_eq!(v1.visits.len(), 1);
    assert_eq!(v1.visits[0].stops.len(), 6);
    assert_eq!(v1.annotations.len(), 1);
    assert_eq!(v1.reported.len(), 4);
    // Schema 2: the same workspace saved as `workspace-v2.ron` and its data file
    // `workspace-v2.data` (written by `tradedash save-workspace` from the schema-1 fixture).
    let v2 = workspace_file::load(&fixture("workspace-v2.ron")).unwrap();
    assert_eq!(v2, v1);
    // Schemas 1 and 2 held reported figures as text: the labels are read into data.
    let f = &v1.reported[3];
    assert_eq!((f.reporter.as_str(), f.partner.as_str()), ("Belarus", "Kazakhstan"));
    assert_eq!(
        f.span.map(|s| (s.start.to_string(), s.end.to_string())),
        Some(("2018-01".into(), "2018-12".into()))
    );
    assert_eq!(f.statistics, Statistics::Reporter);
    assert_eq!(f.change, Some(0.30));
    // Schema 3: the same workspace saved by a schema-3 build (`workspace-v3.ron` and its data
    // file); it had no country groups.
    let v3 = workspace_file::load(&fixture("workspace-v3.ron")).unwrap();
    assert_eq!(v3, v1);
    assert!(v3.groups.is_empty());
}

/// Schema 4 keeps the user's country groups: a group made, chosen as the partner and saved,
/// loads the same, and the selection sees it again (its figure is computed from it).
#[test]
fn schema_4_saves_user_groups_and_the_selection_names_them() {
    use tradedash::model::groups::{Member, PartnerGroup};
    let mut ws = workspace_file::load(&fixture("workspace-v3.ron")).unwrap();
    let group = PartnerGroup::user(
        "Central Asia",
        vec![
            Member { code: "KAZ".into(), names: vec!["Kazakhstan".into()] },
            Member { code: "UZB".into(), names: vec!["Uzbekistan".into()] },
        ],
    );
    ws.groups = vec![group.clone()];
    ws.selection.partner = Some(group.key());
    ws.share_groups();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("groups.ron");
    workspace_file::save(&p, &ws).unwrap();
    let text = std::fs::read_to_string(&p).unwrap();
    assert!(text.contains("schema_version: 4"), "{text}");
    // Its id and name in `groups`, and the selection's partner: the selection does not copy it.
    assert_eq!(text.matches("Central Asia").count(), 3, "{text}");
    let back = workspace_file::load(&p).unwrap();
    assert_eq!(back, ws);
    assert_eq!(back.selection.groups, vec![group]);
    let data = back.data.embedded.as_deref().unwrap();
    let a = tradedash::model::query::aggregate(data, &back.selection);
    let kaz = tradedash::model::query::aggregate(
        data,
        &tradedash::model::query::Selection { partner: Some("KAZ".into()), ..back.selection.clone() },
    );
    assert!(!a.months.is_empty());
    assert_eq!(a.months, kaz.months, "Kazakhstan is the one member in the data");
}

/// Schema 2's reported figures, text only, become data where the label can be read; the one
/// that cannot keeps its label and value with an unknown span, never dropped.
#[test]
fn schema_2_reported_labels_are_migrated_and_none_is_dropped() {
    let ws = workspace_file::load(&fixture("workspace-v2-reported-labels.ron")).unwrap();
    assert_eq!(ws.schema_version, SCHEMA_VERSION);
    assert_eq!(ws.reported.len(), 3);
    let [brest, kz, speech] = &ws.reported[..] else { panic!("three figures") };
    assert_eq!(brest.span, Some(MonthRange::new(ym(2018, 1), ym(2018, 7))));
    assert_eq!((brest.reporter.as_str(), brest.partner.as_str()), ("Brest Oblast", "Kazakhstan"));
    assert_eq!((brest.measure, brest.change), (Measure::Turnover, Some(0.186)));
    assert_eq!(brest.source, "BelTA via Kazinform, 11 Sep 2018");
    assert_eq!(kz.span, Some(MonthRange::new(ym(2017, 1), ym(2017, 12))));
    assert_eq!(kz.statistics, Statistics::Partner);
    assert_eq!(speech.span, None);
    assert_eq!(speech.title(), "What the minister said at the forum");
    assert_eq!(speech.value_usd, 1e9);
    let ids: Vec<u32> = ws.reported.iter().map(|f| f.id).collect();
    assert_eq!(ids, [1, 2, 3]);
    // Saved and loaded again, the migrated figures stay as they are.
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("migrated.ron");
    workspace_file::save(&p, &ws).unwrap();
    assert_eq!(workspace_file::load(&p).unwrap(), ws);
}

fn ym(y: i32, m: u8) -> YearMonth {
    YearMonth::new(y, m).unwrap()
}

/// A workspace big enough that saving it takes a while (tens of milliseconds).
fn big_workspace(title: &str) -> Workspace {
    let mut data = Dataset::default();
    for i in 0..20_000u32 {
        data.push(Record {
            period: Period::Month(YearMonth::from_index(2015 * 12 + i32::try_from(i % 48).unwrap())),
            reporter: Party { code: "BLR".into(), name: "Belarus".into() },
            partner: Party { code: format!("P{}", i % 50), name: format!("Partner {}", i % 50) },
            flow: if i % 2 == 0 { Flow::Export } else { Flow::Import },
            commodity: Commodity { code: format!("{:02}", i % 97 + 1), name: String::new() },
            value_usd: f64::from(i) * 1000.5,
        });
    }
    let mut ws = default_workspace();
    ws.title = title.to_owned();
    ws.data.embedded = Some(Arc::new(data));
    ws
}

/// Not a test of its own: the child process of the kill test. It saves in a loop until killed.
#[test]
#[ignore = "run by kill_during_save_leaves_the_old_or_the_new_file as its child process"]
fn child_save_loop() {
    let Ok(path) = std::env::var("TRADEDASH_SAVE_LOOP") else { return };
    let path = PathBuf::from(path);
    for n in 1.. {
        workspace_file::save(&path, &big_workspace(&format!("save {n}"))).unwrap();
    }
}

#[test]
fn kill_during_save_leaves_the_old_or_the_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loop.ron");
    workspace_file::save(&path, &big_workspace("save 0")).unwrap();
    let mut seen = Vec::new();
    for round in 0..4u64 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "child_save_loop", "--ignored", "--quiet"])
            .env("TRADEDASH_SAVE_LOOP", &path)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Different moments in the save cycle each round.
        std::thread::sleep(Duration::from_millis(300 + round * 137));
        child.kill().unwrap(); // SIGKILL on Unix: no destructors, no flush
        child.wait().unwrap();
        // The backup appears with the second save; when it is there it must be whole too.
        for p in [path.clone(), backup_path(&path)].into_iter().filter(|p| p.exists()) {
            let ws = workspace_file::load(&p).unwrap_or_else(|e| panic!("round {round}: {e}"));
            assert!(ws.title.starts_with("save "), "round {round}: {}", ws.title);
            assert_eq!(
                ws.data.embedded.as_ref().map(|d| d.len()),
                Some(20_000),
                "round {round}: a whole file"
            );
        }
        seen.push(workspace_file::load(&path).unwrap().title);
    }
    // Temporary files of killed writers are cleared by the next save.
    workspace_file::save(&path, &big_workspace("after")).unwrap();
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // The loop really saved while we watched: the file changed between rounds.
    assert!(seen.iter().any(|t| t != "save 0"), "{seen:?}");
}
