#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Reading a file from disk (block by block on several threads, where the file allows it)
//! gives exactly what reading the same bytes whole gives: the same rows, the same report,
//! the same message for a file that cannot be used. Checked on every fixture and bad file.

use std::path::Path;

use tradedash::io::import::{import_bytes, import_path};

fn check_dir(dir: &Path) -> usize {
    let mut checked = 0;
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    for path in paths.into_iter().filter(|p| p.is_file()) {
        let name = path.display().to_string();
        let bytes = std::fs::read(&path).unwrap();
        match (import_path(&path), import_bytes(&name, &bytes)) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a.report, b.report, "{name}: reports differ");
                assert!(a.dataset == b.dataset, "{name}: datasets differ");
            }
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{name}: messages differ"),
            (a, b) => panic!("{name}: from disk {:?}, whole {:?}", a.map(|i| i.report), b.map(|i| i.report)),
        }
        checked += 1;
    }
    checked
}

#[test]
fn every_fixture_and_bad_file_reads_the_same_from_disk_and_whole() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let n = check_dir(&root.join("fixtures")) + check_dir(&root.join("fixtures").join("bad"));
    assert!(n >= 30, "only {n} files checked");
}
