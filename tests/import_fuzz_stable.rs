//! Fuzzing that runs on stable Rust in `cargo test`: the seed corpus (fuzz/seeds/), mutated
//! with a fixed-seed generator a bounded number of times, through every loader (text import
//! with and without a mapping, the mapping preview, workbooks, RON workspaces). A panic fails
//! the test; so does a report that does not add up or a value that is not a finite, non-negative
//! number. The libFuzzer targets in fuzz/ go further where nightly Rust is available.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::cast_possible_truncation)] // test code

use std::path::Path;

use tradedash::io::import::{self, ColumnMapping, Format, ImportOptions, Imported};
use tradedash::io::workspace_file;

/// xorshift64*: small, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

const TOKENS: &[&[u8]] = &[
    b"\"",
    b";",
    b",",
    b"\t",
    b"\r\n",
    b"\n",
    b"\0",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    "январь 2018".as_bytes(),
    "тыс. долл. США".as_bytes(),
    "Всего".as_bytes(),
    "Қазақстан".as_bytes(),
    b"2018M13",
    b"Jan-18",
    b"1e308",
    b"-1",
    b"NaN",
    b"-",
    "…".as_bytes(),
    b"52",
    b"A",
    b"C01",
    b"RX",
    b"W00",
    b"sep=;\n",
    b"99999999999999999999999",
    b"refYear,flowCode,primaryValue",
    // Names with commas quoted the broken way, and CR CR LF (issue 13's repair path).
    b"\"\"\"Areas\",\" nes\"\"\"",
    b",\"\"\"China\",\" Hong Kong SAR\"\"\",",
    b"\r\r\n",
    b"period,reporter,partner,flow,commodity,value_usd",
    b"[[[[[[[[",
    b"((((",
    b"Some(",
    b"PK\x03\x04",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
];

fn mutate(rng: &mut Rng, input: &[u8], seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut v = input.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(v.len() + 1);
        match rng.below(8) {
            0 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] ^= 1 << rng.below(8);
            }
            1 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] = rng.next() as u8;
            }
            2 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                v.splice(at..at, t.iter().copied());
            }
            3 if !v.is_empty() => {
                let end = (at + rng.below(64)).min(v.len());
                v.drain(at.min(end)..end);
            }
            4 if !v.is_empty() => {
                let start = rng.below(v.len());
                let end = (start + rng.below(200)).min(v.len());
                let chunk = v[start..end].to_vec();
                for _ in 0..=rng.below(3) {
                    v.splice(at..at, chunk.iter().copied());
                }
            }
            5 => {
                let other = &seeds[rng.below(seeds.len())];
                if !other.is_empty() {
                    let start = rng.below(other.len());
                    let end = (start + rng.below(400)).min(other.len());
                    v.splice(at..at, other[start..end].iter().copied());
                }
            }
            6 => v.truncate(at),
            _ => {
                let n = rng.below(32);
                let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
                v.splice(at..at, bytes);
            }
        }
    }
    v
}

fn seeds(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds").join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let out: Vec<Vec<u8>> = files.iter().map(|p| std::fs::read(p).unwrap()).collect();
    assert!(!out.is_empty(), "seeds in {}", dir.display());
    out
}

fn check(imported: &Imported, input: &[u8]) {
    let r = &imported.report;
    assert!(r.rows_used <= r.rows_read, "{r:?}");
    if r.format != Format::Wide && r.format != Format::Mapped {
        // Records read twice (duplicates) or conflicting are read but not used.
        assert_eq!(
            r.rows_read,
            r.rows_used + r.rows_skipped + r.rows_set_aside() + r.duplicate_rows + r.conflicting_rows,
            "{r:?}\n{input:?}"
        );
    }
    for i in 0..imported.dataset.len() {
        let v = imported.dataset.record(i).value_usd;
        assert!(v.is_finite() && v >= 0.0, "value {v} from {input:?}");
    }
}

/// Reading from disk (block by block on several threads, the fast row splitter and csv-core
/// for unusual rows, where the file allows) gives what reading the bytes whole gives.
fn same_from_disk(data: &[u8], dir: &Path) {
    let path = dir.join("fuzz.csv");
    std::fs::write(&path, data).unwrap();
    let name = path.display().to_string();
    match (import::import_path(&path), import::import_bytes(&name, data)) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a.report, b.report, "{data:?}");
            assert!(a.dataset == b.dataset, "datasets differ: {data:?}");
        }
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{data:?}"),
        (a, b) => panic!("from disk {:?}, whole {:?}: {data:?}", a.map(|i| i.report), b.map(|i| i.report)),
    }
}

fn text_once(data: &[u8], mapping: &ImportOptions, dir: &Path) {
    same_from_disk(data, dir);
    if let Ok(imp) = import::import_bytes("fuzz.csv", data) {
        check(&imp, data);
    }
    match import::import_bytes_with("fuzz.csv", data, mapping) {
        Ok(imp) => check(&imp, data),
        Err(e) => {
            let _ = e.to_string();
            if let Some(p) = e.preview() {
                let _ = import::preview_mapping(p, &p.draft);
                let _ = import::preview_mapping(p, &ColumnMapping::default());
            }
        }
    }
}

#[test]
fn mutated_text_files_never_panic() {
    let seeds = seeds("import_text");
    let mut rng = Rng(0x7261_6465_6461_7368);
    let dir = tempfile::tempdir().unwrap();
    let mapping = ImportOptions {
        mapping: Some(
            ColumnMapping::parse_cli(Some("period=months"), Some("flow=export,unit=thousand")).unwrap(),
        ),
        ..ImportOptions::default()
    };
    for s in &seeds {
        text_once(s, &mapping, dir.path());
    }
    for _ in 0..3000 {
        let base = &seeds[rng.below(seeds.len())];
        let input = mutate(&mut rng, base, &seeds);
        text_once(&input, &mapping, dir.path());
    }
    // Random bytes and random text from the tokens alone.
    for _ in 0..500 {
        let n = rng.below(300);
        let input: Vec<u8> = (0..n).flat_map(|_| TOKENS[rng.below(TOKENS.len())].to_vec()).collect();
        text_once(&input, &mapping, dir.path());
    }
}

#[test]
fn mutated_workbooks_never_panic() {
    let seeds = seeds("import_workbook");
    let mut rng = Rng(0x786c_7378);
    for _ in 0..600 {
        let base = &seeds[rng.below(seeds.len())];
        let input = mutate(&mut rng, base, &seeds);
        if std::env::var_os("FUZZ_DUMP").is_some() {
            std::fs::write("/tmp/fuzz-last.bin", &input).unwrap();
        }
        if let Ok(imp) = import::import_bytes("fuzz.xlsx", &input) {
            check(&imp, &input);
        }
    }
}

#[test]
fn mutated_workspaces_never_panic() {
    let seeds = seeds("workspace_ron");
    let mut rng = Rng(0x0072_6f6e);
    for _ in 0..2000 {
        let base = &seeds[rng.below(seeds.len())];
        let input = mutate(&mut rng, base, &seeds);
        let text = String::from_utf8_lossy(&input);
        let _ = workspace_file::parse(Path::new("fuzz.ron"), &text);
    }
}
