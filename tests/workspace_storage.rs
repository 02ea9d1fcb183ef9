//! Schema-2 workspaces: `NAME.ron` plus the binary `NAME.data`. Exact round trips, a data file
//! that is missing, truncated, damaged, of another save or newer refused with a clear message,
//! a crash between the two renames, unchanged data not written again, schema-1 migration, and
//! `summary` on a saved workspace equal to `summary` on the CSV it came from.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod run;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use proptest::prelude::*;
use run::tradedash;
use tradedash::io::atomic::backup_path;
use tradedash::io::autosave::{self, Autosave, AutosaveFile};
use tradedash::io::workspace_data::{self, DATA_FORMAT_VERSION, data_path_for};
use tradedash::io::workspace_file::{self, WorkspaceError, default_workspace};
use tradedash::model::dataset::{Commodity, Dataset, Flow, Party, Period, Record};
use tradedash::model::period::YearMonth;
use tradedash::model::workspace::Workspace;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn dataset(rows: u32, partners: u32) -> Dataset {
    (0..rows)
        .map(|i| Record {
            period: if i % 11 == 0 {
                Period::Year(2010 + i32::try_from(i % 9).unwrap())
            } else {
                Period::Month(YearMonth::from_index(2015 * 12 + i32::try_from(i % 48).unwrap()))
            },
            reporter: Party { code: "BY-BR".into(), name: "Brest Oblast".into() },
            partner: Party {
                code: format!("P{}", i % partners),
                name: format!("Partner “{}”", i % partners),
            },
            flow: [Flow::Export, Flow::Import, Flow::Turnover][(i % 3) as usize],
            commodity: Commodity { code: format!("{:04}", i % 1_000), name: String::new() },
            value_usd: f64::from(i) * 1000.37 - 5.0,
        })
        .collect()
}

fn workspace_with(data: Dataset) -> Workspace {
    let mut ws = default_workspace();
    ws.title = "Storage test".into();
    ws.data.path = Some("/nowhere/source.csv".into());
    ws.data.embedded = Some(Arc::new(data));
    ws
}

/// The workspace `w.ron` in a fresh folder, saved.
fn saved(data: Dataset) -> (tempfile::TempDir, PathBuf, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.ron");
    let ws = workspace_with(data);
    workspace_file::save(&path, &ws).unwrap();
    (dir, path, ws)
}

fn load_err(path: &Path) -> String {
    match workspace_file::load(path) {
        Ok(_) => panic!("{} loaded", path.display()),
        Err(e @ WorkspaceError::Data(_)) => e.to_string(),
        Err(e) => panic!("not a data file error: {e}"),
    }
}

#[test]
fn saves_two_files_that_round_trip_exactly_without_the_source_file() {
    // One reporter (8-bit indexes), 300 partners and 1,000 commodities (16-bit indexes).
    let (_dir, path, ws) = saved(dataset(3_000, 300));
    let data = data_path_for(&path);
    assert_eq!(data.file_name().unwrap(), "w.data");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("schema_version: 4"), "{text}");
    assert!(text.contains("file: \"w.data\""), "{text}");
    assert!(!text.contains("Partner “7”"), "rows are not in the .ron");
    assert_eq!(workspace_file::load(&path).unwrap(), ws);
    // Moved elsewhere together, it still opens: nothing depends on the source file.
    let other = tempfile::tempdir().unwrap();
    std::fs::rename(&path, other.path().join("moved.ron")).unwrap();
    std::fs::rename(&data, other.path().join("w.data")).unwrap();
    assert_eq!(workspace_file::load(&other.path().join("moved.ron")).unwrap(), ws);
}

#[test]
fn more_than_65536_commodities_round_trip_with_32_bit_indexes() {
    let mut data = dataset(70_000, 3);
    for i in 0..70_000 {
        let mut r = data.record(i % 10);
        r.commodity = Commodity { code: format!("X{i}"), name: String::new() };
        data.push(r);
    }
    assert!(data.commodities().len() > 65_536);
    let (bytes, _) = workspace_data::encode(&data, "w.data");
    assert_eq!(workspace_data::decode(Path::new("w.data"), &bytes).unwrap(), data);
}

#[test]
fn a_missing_data_file_is_named_with_what_to_do() {
    let (_dir, path, _) = saved(dataset(100, 5));
    std::fs::remove_file(data_path_for(&path)).unwrap();
    let msg = load_err(&path);
    assert!(msg.contains("w.data: the workspace's data file is missing"), "{msg}");
    assert!(msg.contains("copy or move them together"), "{msg}");
}

#[test]
fn a_truncated_data_file_is_refused() {
    let (_dir, path, _) = saved(dataset(1_000, 5));
    let data = data_path_for(&path);
    let bytes = std::fs::read(&data).unwrap();
    for cut in [0, 10, 30, bytes.len() / 2, bytes.len() - 1] {
        std::fs::write(&data, &bytes[..cut]).unwrap();
        let msg = load_err(&path);
        assert!(
            msg.contains(&format!("truncated: {cut} bytes, the workspace expects {}", bytes.len())),
            "{msg}"
        );
    }
}

#[test]
fn a_damaged_data_file_is_refused_whatever_byte_changed() {
    let (_dir, path, _) = saved(dataset(1_000, 5));
    let data = data_path_for(&path);
    let bytes = std::fs::read(&data).unwrap();
    for at in [0, 9, 13, 40, bytes.len() / 3, bytes.len() - 9, bytes.len() - 2] {
        let mut bad = bytes.clone();
        bad[at] ^= 0x10;
        std::fs::write(&data, &bad).unwrap();
        let msg = load_err(&path);
        assert!(
            msg.contains("is damaged (its checksum does not match")
                || msg.contains("not a usable tradedash data file"),
            "byte {at}: {msg}"
        );
    }
}

#[test]
fn the_data_file_of_another_save_is_refused_not_read() {
    let (dir, path, _) = saved(dataset(1_000, 5));
    let other = dir.path().join("other.ron");
    workspace_file::save(&other, &workspace_with(dataset(999, 5))).unwrap();
    std::fs::copy(data_path_for(&other), data_path_for(&path)).unwrap();
    let msg = load_err(&path);
    assert!(msg.contains("this data file is from another save of the workspace (999 rows"), "{msg}");
    assert!(msg.contains("expects 1000 rows"), "{msg}");
}

#[test]
fn a_data_file_of_a_newer_format_is_refused() {
    let data = dataset(10, 2);
    let (mut bytes, _) = workspace_data::encode(&data, "w.data");
    bytes[8..12].copy_from_slice(&(DATA_FORMAT_VERSION + 1).to_le_bytes());
    let n = bytes.len();
    let crc = crc32(&bytes[..n - 4]);
    bytes[n - 4..].copy_from_slice(&crc.to_le_bytes());
    let err = workspace_data::decode(Path::new("w.data"), &bytes).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "w.data: data file format version {}, newer than the version {DATA_FORMAT_VERSION} this \
             tradedash reads; open the workspace with a newer tradedash",
            DATA_FORMAT_VERSION + 1
        )
    );
}

/// CRC-32 (IEEE), bit by bit: an independent check of the checksum the data file carries.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

#[test]
fn the_checksum_is_crc32_of_everything_before_it() {
    let (bytes, stored) = workspace_data::encode(&dataset(500, 7), "w.data");
    let n = bytes.len();
    assert_eq!(stored.crc32, crc32(&bytes[..n - 4]));
    assert_eq!(bytes[n - 4..], stored.crc32.to_le_bytes());
    assert_eq!(stored.bytes, n as u64);
}

#[test]
fn a_crash_between_the_two_renames_opens_the_previous_save_whole() {
    let (_dir, path, first) = saved(dataset(1_000, 5));
    // A second save whose data file was renamed into place, but not its `.ron`: simulate
    // by saving elsewhere and putting only the new data file in place the way save does.
    let data = data_path_for(&path);
    let mut second = workspace_with(dataset(2_000, 5));
    second.title = "second".into();
    workspace_data::save(&data, second.data.embedded.as_ref().unwrap()).unwrap();
    assert!(backup_path(&data).exists(), "the previous data file is kept as .bak");
    // `w.ron` is the first save's: it opens with the first save's data, from the backup.
    assert_eq!(workspace_file::load(&path).unwrap(), first);
    // And once the save completes, the new pair opens.
    workspace_file::save(&path, &second).unwrap();
    assert_eq!(workspace_file::load(&path).unwrap(), second);
    // The backup pair is the first save, whole.
    let bak = backup_path(&path);
    assert_eq!(workspace_file::load(&bak).unwrap(), first);
}

fn modified(p: &Path) -> std::time::SystemTime {
    std::fs::metadata(p).unwrap().modified().unwrap()
}

#[test]
fn unchanged_data_is_not_written_again_changed_data_is() {
    let (_dir, path, mut ws) = saved(dataset(20_000, 50));
    let data = data_path_for(&path);
    let before = modified(&data);
    std::thread::sleep(std::time::Duration::from_millis(20));
    ws.title = "One field changed".into();
    workspace_file::save(&path, &ws).unwrap();
    assert_eq!(modified(&data), before, "the data file was rewritten for a title edit");
    assert_eq!(workspace_file::load(&path).unwrap(), ws);
    // A new data revision (another Arc, even with equal rows) is written.
    ws.data.embedded = Some(Arc::new(dataset(20_001, 50)));
    workspace_file::save(&path, &ws).unwrap();
    assert_ne!(modified(&data), before);
    assert_eq!(workspace_file::load(&path).unwrap(), ws);
    // A data file replaced behind our back is written again, not trusted.
    std::fs::write(&data, b"junk").unwrap();
    ws.title = "After junk".into();
    workspace_file::save(&path, &ws).unwrap();
    assert_eq!(workspace_file::load(&path).unwrap(), ws);
}

#[test]
fn data_opened_from_a_workspace_is_not_written_again_when_it_is_saved() {
    let (_dir, path, _) = saved(dataset(5_000, 50));
    let data = data_path_for(&path);
    let before = modified(&data);
    std::thread::sleep(std::time::Duration::from_millis(20));
    let mut opened = workspace_file::load(&path).unwrap();
    opened.title = "Edited after opening".into();
    workspace_file::save(&path, &opened).unwrap();
    assert_eq!(modified(&data), before);
    assert_eq!(workspace_file::load(&path).unwrap(), opened);
}

#[test]
fn schema_1_with_rows_in_ron_migrates_to_two_files() {
    let v1 = workspace_file::load(&fixture("workspace-v1.ron")).unwrap();
    assert_eq!(v1.schema_version, 3);
    assert_eq!(v1.data.embedded.as_ref().map(|d| d.len()), Some(38));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("migrated.ron");
    workspace_file::save(&path, &v1).unwrap();
    assert!(data_path_for(&path).exists());
    assert_eq!(workspace_file::load(&path).unwrap(), v1);
}

#[test]
fn schema_1_saved_by_path_reads_its_source_then_saves_the_rows() {
    let csv = fixture("comtrade-kaz-blr-synthetic.csv");
    let dir = tempfile::tempdir().unwrap();
    let v1 = dir.path().join("by-path.ron");
    std::fs::write(
        &v1,
        format!(
            "(schema_version: 1, title: \"Large, by path\", data: (label: \"x\", sample: false, path: Some({:?}), embedded: None))",
            csv.display().to_string()
        ),
    )
    .unwrap();
    let (ws, _, warning) = tradedash::io::input::open_as_workspace(Some(&v1)).unwrap();
    assert_eq!(warning, None);
    let rows = ws.data.embedded.as_ref().unwrap().len();
    assert!(rows > 0);
    let v2 = dir.path().join("self-contained.ron");
    workspace_file::save(&v2, &ws).unwrap();
    // Without the source the schema-2 workspace still has every row.
    let moved = dir.path().join("no-source");
    std::fs::create_dir(&moved).unwrap();
    std::fs::rename(&v2, moved.join("w.ron")).unwrap();
    // Renamed together, as in a file manager: `w.ron` finds `w.data`.
    std::fs::rename(data_path_for(&v2), moved.join("w.data")).unwrap();
    let back = workspace_file::load(&moved.join("w.ron")).unwrap();
    assert_eq!(back.data.embedded.as_ref().unwrap().len(), rows);
    assert_eq!(back, ws);
}

#[test]
fn autosave_writes_the_data_once_and_discards_both_files() {
    let dir = tempfile::tempdir().unwrap();
    let slot = Autosave::for_pid(dir.path(), u32::MAX - 3);
    let mut file =
        AutosaveFile { origin: Some("/tmp/a.ron".into()), workspace: workspace_with(dataset(10_000, 40)) };
    slot.write(&file).unwrap();
    let data = data_path_for(slot.path());
    let before = modified(&data);
    std::thread::sleep(std::time::Duration::from_millis(20));
    file.workspace.title = "Edited".into();
    slot.write(&file).unwrap();
    assert_eq!(modified(&data), before, "a title edit rewrote the autosave's data");
    assert!(std::fs::metadata(slot.path()).unwrap().len() < 1 << 20);
    assert_eq!(autosave::read(slot.path()).unwrap(), file);
    // A recovered or discarded autosave's data file is cleared when its `.ron` is gone.
    std::fs::remove_file(slot.path()).unwrap();
    assert!(Autosave::orphans(dir.path()).is_empty());
    assert!(!data.exists(), "the orphaned data file is removed");
    slot.write(&file).unwrap();
    autosave::discard(slot.path());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn summary_of_a_saved_workspace_equals_summary_of_the_csv_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("synthetic.csv");
    let csv_s = csv.to_str().unwrap();
    let (code, _, err) = tradedash(&["generate", "--rows", "30000", "--out", csv_s]);
    assert_eq!(code, 0, "{err}");
    let ron = dir.path().join("w.ron");
    let ron_s = ron.to_str().unwrap();
    let (code, out, err) = tradedash(&["save-workspace", csv_s, "--out", ron_s]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("w.data ("), "{out}");
    // The source is no longer needed.
    std::fs::rename(&csv, dir.path().join("gone.csv")).unwrap();
    let (code, from_ws, err) = tradedash(&["summary", ron_s, "--json"]);
    assert_eq!(code, 0, "{err}");
    let (code, from_csv, err) =
        tradedash(&["summary", dir.path().join("gone.csv").to_str().unwrap(), "--json"]);
    assert_eq!(code, 0, "{err}");
    let part = |text: &str| {
        let v: serde_json::Value = serde_json::from_str(text).unwrap();
        (serde_json::to_string(&v["months"]).unwrap(), serde_json::to_string(&v["years"]).unwrap())
    };
    let (ws_months, ws_years) = part(&from_ws);
    assert!(ws_months.len() > 100, "{ws_months}");
    assert_eq!((ws_months, ws_years), part(&from_csv));
    // A damaged data file: exit 2 and the message, no panic.
    std::fs::write(dir.path().join("w.data"), b"TDWSDATA").unwrap();
    let (code, _, err) = tradedash(&["summary", ron_s]);
    assert_eq!(code, 2);
    assert!(err.contains("w.data: the workspace's data file is truncated"), "{err}");
}

fn record() -> impl Strategy<Value = Record> {
    let party = (prop::sample::select(vec!["BLR", "KAZ", "", "W00"]), "[a-zA-Zé “”\\\\]{0,6}")
        .prop_map(|(code, name)| Party { code: code.to_owned(), name });
    let period = prop_oneof![
        (1900..=2200i32, 1..=12u8).prop_map(|(y, m)| Period::Month(YearMonth::new(y, m).unwrap())),
        (1900..=2200i32).prop_map(Period::Year),
    ];
    let flow = prop::sample::select(vec![Flow::Export, Flow::Import, Flow::Turnover]);
    let commodity = ("[0-9A-Z]{0,6}", ".{0,4}").prop_map(|(code, name)| Commodity { code, name });
    let value = prop_oneof![prop::num::f64::NORMAL, Just(0.0), Just(-0.0), Just(1e15), Just(-0.01)];
    (period, party.clone(), party, flow, commodity, value).prop_map(
        |(period, reporter, partner, flow, commodity, value_usd)| Record {
            period,
            reporter,
            partner,
            flow,
            commodity,
            value_usd,
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_dataset_round_trips_exactly_through_the_data_file(records in prop::collection::vec(record(), 0..300)) {
        let data: Dataset = records.into_iter().collect();
        let (bytes, stored) = workspace_data::encode(&data, "w.data");
        let back = workspace_data::decode(Path::new("w.data"), &bytes).unwrap();
        prop_assert_eq!(back.len() as u64, stored.rows);
        // Bit for bit, -0.0 included.
        let bits = |d: &Dataset| d.columns().value_usd.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
        prop_assert_eq!(bits(&back), bits(&data));
        prop_assert_eq!(back, data);
    }

    #[test]
    fn any_cut_or_flipped_byte_is_an_error_never_a_panic(records in prop::collection::vec(record(), 1..50), at in any::<prop::sample::Index>(), flip in 1..=255u8) {
        let data: Dataset = records.into_iter().collect();
        let (bytes, _) = workspace_data::encode(&data, "w.data");
        let i = at.index(bytes.len());
        prop_assert!(workspace_data::decode(Path::new("w.data"), &bytes[..i]).is_err());
        let mut bad = bytes.clone();
        bad[i] ^= flip;
        prop_assert!(workspace_data::decode(Path::new("w.data"), &bad).is_err());
    }
}

fn spans_dataset() -> Dataset {
    let ym = |y, m| YearMonth::new(y, m).unwrap();
    let range = |a, b| tradedash::model::period::MonthRange::new(ym(2018, a), ym(2018, b));
    let mut data = dataset(20, 2);
    for (r, v) in [(range(1, 7), 58.3e6), (range(1, 3), 20.0e6), (range(7, 9), 1.0)] {
        data.push(Record {
            period: Period::from_range(r),
            reporter: Party { code: "BRS".into(), name: "Brest Oblast".into() },
            partner: Party { code: "KAZ".into(), name: "Kazakhstan".into() },
            flow: Flow::Turnover,
            commodity: Commodity { code: "TOTAL".into(), name: String::new() },
            value_usd: v,
        });
    }
    data.set_published_change(20, 18.6);
    data.set_published_change(3, -2.5);
    data
}

#[test]
fn spans_and_published_rates_round_trip_since_format_2() {
    let data = spans_dataset();
    let (bytes, stored) = workspace_data::encode(&data, "w.data");
    assert_eq!((stored.format, DATA_FORMAT_VERSION), (3, 3));
    let back = workspace_data::decode(Path::new("w.data"), &bytes).unwrap();
    assert_eq!(back, data);
    assert_eq!(back.published_change(20), Some(18.6));
    assert!(matches!(back.row(21).period, Period::Span(r) if r.end.month == 3));
}

#[test]
fn a_format_1_data_file_still_loads() {
    // Format 1 is format 3 without the tails (no span ends, no rates, no quantities): drop the
    // rate count and the three quantity counts.
    let data = dataset(30, 3);
    let (mut bytes, _) = workspace_data::encode(&data, "w.data");
    let n = bytes.len();
    bytes.drain(n - 20..n - 4);
    bytes[8..12].copy_from_slice(&1u32.to_le_bytes());
    let n = bytes.len();
    let crc = crc32(&bytes[..n - 4]);
    bytes[n - 4..].copy_from_slice(&crc.to_le_bytes());
    assert_eq!(workspace_data::decode(Path::new("w.data"), &bytes).unwrap(), data);
}

/// Data format 3 keeps net weights and supplementary quantities; a file of format 2 (before
/// quantities) still opens, with none.
#[test]
fn quantities_round_trip_and_a_format_2_file_still_opens_without_them() {
    use tradedash::model::dataset::RowQuantity;
    let mut data = dataset(400, 7);
    data.set_quantity(3, &RowQuantity { kg: 1250.5, count: 0.0, unit: "" });
    data.set_quantity(10, &RowQuantity { kg: 0.0, count: 12.0, unit: "u" });
    data.set_quantity(11, &RowQuantity { kg: 80.0, count: 3.0, unit: "l" });
    data.set_quantity(12, &RowQuantity { kg: 0.0, count: 0.0, unit: "u" }); // unknown
    let (_dir, path, ws) = saved(data);
    let loaded = workspace_file::load(&path).unwrap();
    assert_eq!(loaded, ws);
    let d = loaded.data.embedded.unwrap();
    let q = d.quantities().expect("quantities kept");
    assert_eq!((q.kg(3), q.kg(10), q.kg(11), q.kg(12)), (Some(1250.5), None, Some(80.0), None));
    let unit = |i: usize| q.count(i).and_then(|(n, u)| Some((n, q.unit_name(u)?.to_owned())));
    assert_eq!((unit(10), unit(11), unit(12)), (Some((12.0, "u".into())), Some((3.0, "l".into())), None));

    // Format 2 is format 3 without the quantity tail (three counts, zero without quantities).
    let data = spans_dataset();
    let (mut bytes, _) = workspace_data::encode(&data, "w.data");
    let n = bytes.len();
    assert_eq!(bytes[n - 16..n - 4], [0; 12]);
    bytes.drain(n - 16..n - 4);
    bytes[8..12].copy_from_slice(&2u32.to_le_bytes());
    let n = bytes.len();
    let crc = crc32(&bytes[..n - 4]);
    bytes[n - 4..].copy_from_slice(&crc.to_le_bytes());
    let old = workspace_data::decode(Path::new("w.data"), &bytes).unwrap();
    assert_eq!(old, data);
    assert!(old.quantities().is_none());
}
