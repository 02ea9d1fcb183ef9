//! The data file of a workspace (`NAME.data` beside `NAME.ron`, schema 2): the rows in binary
//! columns with the reporters, partners and commodities written once, versioned and checksummed.
//! The layout is documented in `docs/workspaces-storage.md`; [`encode`] and [`decode`] are its
//! only writer and reader.
//!
//! The `.ron` names its data file and records the file's length, row count and CRC-32
//! ([`StoredData`]); opening checks all three, so a data file of another save, a truncated or a
//! damaged one is refused with a message, never read as if it belonged.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, Weak};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use super::atomic::{Backup, WriteError, backup_path, write_atomic_with};
use crate::model::dataset::{CommodityRef, Dataset, Flow, Period, RecordRef, RowQuantity};
use crate::model::period::{MonthRange, YearMonth};

/// The first eight bytes of every data file.
pub const MAGIC: &[u8; 8] = b"TDWSDATA";

/// Version of the data file layout written by this build; newer versions are refused.
/// Version 2 added periods longer than a month and published growth rates (a tail after the
/// values); version 3 net weights and supplementary quantities (a tail after those). Files of
/// versions 1 and 2, which have none of what came later, still load.
pub const DATA_FORMAT_VERSION: u32 = 3;

/// Largest data file read, in bytes (about 170 million rows: beyond what the importer reads).
pub const MAX_DATA_BYTES: u64 = 4 << 30;

/// Bytes of the fixed header: magic, version, row count.
const HEADER_BYTES: usize = 8 + 4 + 8;

/// What the `.ron` records about its data file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredData {
    /// The data file's name, in the `.ron`'s folder (a name only, never a path).
    pub file: String,
    /// Layout version of the data file.
    pub format: u32,
    /// Rows held.
    pub rows: u64,
    /// Length of the data file in bytes.
    pub bytes: u64,
    /// CRC-32 (IEEE) of the whole data file but its last four bytes, which hold it too.
    pub crc32: u32,
}

/// Why a workspace's data file could not be used. The workspace is not opened.
#[derive(Debug, thiserror::Error)]
pub enum DataFileError {
    /// The data file is not there.
    #[error(
        "{path}: the workspace's data file is missing. A workspace is two files side by side, \
         NAME.ron and NAME.data: copy or move them together"
    )]
    Missing {
        /// The data file looked for.
        path: PathBuf,
    },
    /// Reading failed.
    #[error("{path}: cannot read the workspace's data file: {source}")]
    Io {
        /// The data file.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// Shorter than the `.ron` records: a copy that did not finish.
    #[error(
        "{path}: the workspace's data file is truncated: {found} bytes, the workspace expects {expected} \
         (a copy or a download that did not finish?)"
    )]
    Truncated {
        /// The data file.
        path: PathBuf,
        /// Its length.
        found: u64,
        /// The length the `.ron` records.
        expected: u64,
    },
    /// Whole, but the data of another save of the workspace (or of another workspace).
    #[error(
        "{path}: this data file is from another save of the workspace ({found_rows} rows, checksum \
         {found_crc:08x}; the .ron expects {expected_rows} rows, checksum {expected_crc:08x}). Put back \
         the NAME.data saved with this NAME.ron"
    )]
    Stale {
        /// The data file.
        path: PathBuf,
        /// Rows it holds.
        found_rows: u64,
        /// Its checksum.
        found_crc: u32,
        /// Rows the `.ron` expects.
        expected_rows: u64,
        /// Checksum the `.ron` expects.
        expected_crc: u32,
    },
    /// The bytes do not match their checksum.
    #[error("{path}: the workspace's data file is damaged (its checksum does not match its content)")]
    Damaged {
        /// The data file.
        path: PathBuf,
    },
    /// Written by a newer tradedash.
    #[error(
        "{path}: data file format version {found}, newer than the version {supported} this tradedash \
         reads; open the workspace with a newer tradedash"
    )]
    TooNew {
        /// The data file.
        path: PathBuf,
        /// Version in the file.
        found: u32,
        /// Highest version read.
        supported: u32,
    },
    /// Not a tradedash data file, or inconsistent inside although its checksum matches.
    #[error("{path}: not a usable tradedash data file: {what}")]
    Invalid {
        /// The data file.
        path: PathBuf,
        /// What is wrong, with the byte offset where it applies.
        what: String,
    },
}

/// The data file beside a workspace file: `w.ron` → `w.data`.
#[must_use]
pub fn data_path_for(workspace: &Path) -> PathBuf {
    let p = workspace.with_extension("data");
    if p == workspace {
        let mut name = workspace.as_os_str().to_owned();
        name.push(".data");
        PathBuf::from(name)
    } else {
        p
    }
}

/// The data file in binary form, ready to be written, and its descriptor.
///
/// # Panics
/// Never: the sizes written are checked to fit their fields.
#[must_use]
pub fn encode(data: &Dataset, file_name: &str) -> (Vec<u8>, StoredData) {
    let rows = data.len();
    let mut out = Vec::with_capacity(HEADER_BYTES + rows * 18 + 4096);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&DATA_FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(rows as u64).to_le_bytes());
    for parties in [data.reporters(), data.partners()] {
        put_len(&mut out, parties.len());
        for p in parties {
            put_str(&mut out, &p.code);
            put_str(&mut out, &p.name);
        }
    }
    put_len(&mut out, data.commodities().len());
    for c in data.commodities() {
        put_str(&mut out, &c.code);
        put_str(&mut out, &c.name);
    }
    let cols = data.columns();
    out.extend(cols.period.iter().zip(cols.flow).map(|(p, f)| kind_byte(*p, *f)));
    for p in cols.period {
        let n = match *p {
            Period::Month(m) => m.index(),
            Period::Year(y) => y,
            Period::Span(r) => r.start.index(),
        };
        out.extend_from_slice(&n.to_le_bytes());
    }
    put_ids(&mut out, cols.reporter, data.reporters().len());
    put_ids(&mut out, cols.partner, data.partners().len());
    put_ids(&mut out, cols.commodity, data.commodities().len());
    for v in cols.value_usd {
        out.extend_from_slice(&v.to_le_bytes());
    }
    // Version 2: the last month of each span row, in row order; then the published rates.
    for p in cols.period {
        if let Period::Span(r) = p {
            out.extend_from_slice(&r.end.index().to_le_bytes());
        }
    }
    put_len(&mut out, data.published_changes().len());
    for (row, pct) in data.published_changes() {
        out.extend_from_slice(&row.to_le_bytes());
        out.extend_from_slice(&pct.to_le_bytes());
    }
    put_quantities(&mut out, data);
    let crc = crc32fast::hash(&out);
    out.extend_from_slice(&crc.to_le_bytes());
    let stored = StoredData {
        file: file_name.to_owned(),
        format: DATA_FORMAT_VERSION,
        rows: rows as u64,
        bytes: out.len() as u64,
        crc32: crc,
    };
    (out, stored)
}

/// Version 3: the net weights (a count of rows, then that many kilograms, 0 where unknown),
/// the units named, and the supplementary quantities (a count of rows, then that many
/// figures and as many 2-byte unit indexes, 1-based, 0 where unknown).
fn put_quantities(out: &mut Vec<u8>, data: &Dataset) {
    let empty = crate::model::dataset::QuantityColumns { kg: &[], count: &[], unit: &[], units: &[] };
    let q = data.quantities().unwrap_or(empty);
    put_len(out, q.kg.len());
    for v in q.kg {
        out.extend_from_slice(&v.to_le_bytes());
    }
    put_len(out, q.units.len());
    for u in q.units {
        put_str(out, u);
    }
    put_len(out, q.count.len());
    for v in q.count {
        out.extend_from_slice(&v.to_le_bytes());
    }
    for i in 0..q.count.len() {
        out.extend_from_slice(&q.unit.get(i).copied().unwrap_or(0).to_le_bytes());
    }
}

/// Flow in bits 0–1, bit 2 set for an annual period, bit 3 for a span (version 2).
fn kind_byte(p: Period, f: Flow) -> u8 {
    let flow = match f {
        Flow::Export => 0,
        Flow::Import => 1,
        Flow::Turnover => 2,
    };
    flow | match p {
        Period::Month(_) => 0,
        Period::Year(_) => 4,
        Period::Span(_) => 8,
    }
}

#[allow(clippy::cast_possible_truncation)] // a dataset holds fewer than 4 billion of anything
fn put_len(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&(n as u32).to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_len(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

/// Bytes per index for a dictionary of `n` values: 1, 2 or 4.
fn id_width(n: usize) -> u8 {
    if n <= 1 << 8 {
        1
    } else if n <= 1 << 16 {
        2
    } else {
        4
    }
}

#[allow(clippy::cast_possible_truncation)] // the width is chosen so that every index fits
fn put_ids(out: &mut Vec<u8>, ids: &[u32], dictionary: usize) {
    let w = id_width(dictionary);
    out.push(w);
    match w {
        1 => out.extend(ids.iter().map(|&i| i as u8)),
        2 => ids.iter().for_each(|&i| out.extend_from_slice(&(i as u16).to_le_bytes())),
        _ => ids.iter().for_each(|&i| out.extend_from_slice(&i.to_le_bytes())),
    }
}

/// Reads a data file's bytes back into a dataset, checking everything: magic, version,
/// checksum, lengths, indexes, flows and months. Equal to the dataset that was encoded.
///
/// # Errors
/// [`DataFileError::Damaged`], [`DataFileError::TooNew`] or [`DataFileError::Invalid`], naming
/// `path`.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<Dataset, DataFileError> {
    let invalid = |what: String| DataFileError::Invalid { path: path.to_owned(), what };
    if bytes.len() < HEADER_BYTES + 4 || &bytes[..8] != MAGIC {
        return Err(invalid("it does not start with the tradedash data file mark".into()));
    }
    // The checksum first: every layout version keeps it in the last four bytes, so a damaged
    // version field reads as damage, not as a newer file.
    let (body, crc) = bytes.split_at(bytes.len() - 4);
    if crc32fast::hash(body) != u32::from_le_bytes(le4(crc)) {
        return Err(DataFileError::Damaged { path: path.to_owned() });
    }
    let mut r = Reader { bytes: body, at: 8 };
    let version = r.u32().map_err(&invalid)?;
    if version > DATA_FORMAT_VERSION {
        return Err(DataFileError::TooNew {
            path: path.to_owned(),
            found: version,
            supported: DATA_FORMAT_VERSION,
        });
    }
    decode_body(&mut r, version).map_err(invalid)
}

/// The dictionaries and columns, after the header's magic and version.
fn decode_body(r: &mut Reader<'_>, version: u32) -> Result<Dataset, String> {
    let rows = usize::try_from(r.u64()?).map_err(|_| "row count too large".to_owned())?;
    let reporters = r.parties()?;
    let partners = r.parties()?;
    let commodities = r.parties()?;
    // Every row takes at least 1 + 4 + 3 + 8 bytes: refuse a count the file cannot hold
    // before allocating for it.
    if rows.checked_mul(16).is_none_or(|n| n > r.remaining()) {
        return Err(format!("{rows} rows cannot fit in the {} bytes left", r.remaining()));
    }
    let kinds = r.take(rows)?;
    let periods = r.take(rows * 4)?;
    let reporter = r.ids(rows, reporters.len())?;
    let partner = r.ids(rows, partners.len())?;
    let commodity = r.ids(rows, commodities.len())?;
    let values = r.take(rows * 8)?;
    let spans = kinds.iter().filter(|&&k| k & 8 != 0).count();
    let (span_ends, published) = if version >= 2 {
        let ends = r.take(spans * 4)?;
        let n = r.u32()? as usize;
        (ends, r.take(n.checked_mul(12).ok_or("published rates: count too large")?)?)
    } else {
        (&[][..], &[][..])
    };
    let quantities = if version >= 3 { Some(StoredQuantities::read(r, rows)?) } else { None };
    if r.remaining() != 0 {
        return Err(format!("{} bytes after the last column, at byte {}", r.remaining(), r.at));
    }
    let mut data = Dataset::default();
    data.reserve(rows);
    let mut ends = span_ends.chunks_exact(4).map(|c| i32::from_le_bytes(le4(c)));
    for i in 0..rows {
        let k = kinds[i];
        let n = i32::from_le_bytes(le4(&periods[i * 4..]));
        let month = |n: i32| {
            let m = YearMonth::from_index(n);
            YearMonth::new(m.year, m.month)
        };
        if k > 15 {
            return Err(format!("row {}: kind byte {k} has bits no version sets", i + 1));
        }
        let period = match k & 12 {
            0 => month(n).map(Period::Month),
            4 => (1900..=2200).contains(&n).then_some(Period::Year(n)),
            8 if version >= 2 => {
                let end = ends.next().and_then(month);
                match (month(n), end) {
                    (Some(a), Some(b)) if a < b => Some(Period::Span(MonthRange { start: a, end: b })),
                    _ => {
                        return Err(format!(
                            "row {}: a span that does not run forward within 1900–2200",
                            i + 1
                        ));
                    }
                }
            }
            _ => return Err(format!("row {}: period kind {} is not month, year or span", i + 1, k >> 2)),
        }
        .ok_or_else(|| format!("row {}: period {n} is outside 1900–2200", i + 1))?;
        let flow = match k & 3 {
            0 => Flow::Export,
            1 => Flow::Import,
            2 => Flow::Turnover,
            other => {
                return Err(format!("row {}: flow code {other} is not export, import or turnover", i + 1));
            }
        };
        let (rep, par, com) = (&reporters[reporter[i]], &partners[partner[i]], &commodities[commodity[i]]);
        data.push_ref(&RecordRef {
            period,
            reporter: crate::model::dataset::PartyRef { code: &rep.0, name: &rep.1 },
            partner: crate::model::dataset::PartyRef { code: &par.0, name: &par.1 },
            flow,
            commodity: CommodityRef { code: com.0.as_str().into(), name: com.1.as_str().into() },
            value_usd: f64::from_le_bytes(le8(&values[i * 8..])),
        });
    }
    for c in published.chunks_exact(12) {
        let row = u32::from_le_bytes(le4(c)) as usize;
        if row >= rows {
            return Err(format!("a published growth rate for row {}, of {rows}", row + 1));
        }
        data.set_published_change(row, f64::from_le_bytes(le8(&c[4..])));
    }
    if let Some(q) = quantities {
        q.apply(&mut data)?;
    }
    data.shrink_if_spare();
    Ok(data)
}

/// The quantity tail of a version 3 file, read and checked.
struct StoredQuantities<'a> {
    kg: &'a [u8],
    units: Vec<String>,
    count: &'a [u8],
    unit: &'a [u8],
}

impl<'a> StoredQuantities<'a> {
    fn read(r: &mut Reader<'a>, rows: usize) -> Result<Self, String> {
        let at = r.at;
        let n_kg = r.u32()? as usize;
        if n_kg > rows {
            return Err(format!("net weights for {n_kg} rows at byte {at}, of {rows}"));
        }
        let kg = r.take(n_kg * 8)?;
        let n_units = r.u32()? as usize;
        if n_units.saturating_mul(4) > r.remaining() || n_units >= usize::from(u16::MAX) {
            return Err(format!("{n_units} quantity units cannot fit at byte {}", r.at));
        }
        let units = (0..n_units).map(|_| r.string()).collect::<Result<Vec<_>, _>>()?;
        let at = r.at;
        let n_count = r.u32()? as usize;
        if n_count > rows {
            return Err(format!("quantities for {n_count} rows at byte {at}, of {rows}"));
        }
        let count = r.take(n_count * 8)?;
        let unit = r.take(n_count * 2)?;
        Ok(Self { kg, units, count, unit })
    }

    fn apply(&self, data: &mut Dataset) -> Result<(), String> {
        let kg = |i: usize| self.kg.get(i * 8..i * 8 + 8).map_or(0.0, |b| f64::from_le_bytes(le8(b)));
        let rows = (self.kg.len() / 8).max(self.count.len() / 8);
        for i in 0..rows {
            let (count, unit) = match self.count.get(i * 8..i * 8 + 8) {
                Some(b) => {
                    let u = usize::from(u16::from_le_bytes([self.unit[i * 2], self.unit[i * 2 + 1]]));
                    let name = match u {
                        0 => "",
                        u => self.units.get(u - 1).map(String::as_str).ok_or_else(|| {
                            format!("row {}: quantity unit {u} of {} named", i + 1, self.units.len())
                        })?,
                    };
                    (f64::from_le_bytes(le8(b)), name)
                }
                None => (0.0, ""),
            };
            let q = RowQuantity { kg: kg(i), count, unit };
            if !q.is_unknown() {
                data.set_quantity(i, &q);
            }
        }
        Ok(())
    }
}

fn le4(b: &[u8]) -> [u8; 4] {
    [b[0], b[1], b[2], b[3]]
}

fn le8(b: &[u8]) -> [u8; 8] {
    [b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]
}

/// A cursor over the bytes, every read checked against the end.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn remaining(&self) -> usize {
        self.bytes.len().saturating_sub(self.at)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        if n > self.remaining() {
            return Err(format!("{n} bytes wanted at byte {}, {} left", self.at, self.remaining()));
        }
        let s = &self.bytes[self.at..self.at + n];
        self.at += n;
        Ok(s)
    }

    fn u32(&mut self) -> Result<u32, String> {
        self.take(4).map(|b| u32::from_le_bytes(le4(b)))
    }

    fn u64(&mut self) -> Result<u64, String> {
        self.take(8).map(|b| u64::from_le_bytes(le8(b)))
    }

    fn string(&mut self) -> Result<String, String> {
        let at = self.at;
        let n = self.u32()? as usize;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| format!("text at byte {at} is not UTF-8"))
    }

    /// A dictionary: a count, then code and name of each.
    fn parties(&mut self) -> Result<Vec<(String, String)>, String> {
        let n = self.u32()? as usize;
        // Each entry takes at least 8 bytes.
        if n.saturating_mul(8) > self.remaining() {
            return Err(format!("a dictionary of {n} entries cannot fit at byte {}", self.at));
        }
        (0..n).map(|_| Ok((self.string()?, self.string()?))).collect()
    }

    /// An index column, each index checked against its dictionary.
    fn ids(&mut self, rows: usize, dictionary: usize) -> Result<Vec<usize>, String> {
        let at = self.at;
        let w = self.take(1)?[0];
        if ![1, 2, 4].contains(&w) {
            return Err(format!("index width {w} at byte {at} is not 1, 2 or 4"));
        }
        let b = self.take(rows * usize::from(w))?;
        let ids: Vec<usize> = match w {
            1 => b.iter().map(|&x| usize::from(x)).collect(),
            2 => b.chunks_exact(2).map(|c| usize::from(u16::from_le_bytes([c[0], c[1]]))).collect(),
            _ => b.chunks_exact(4).map(|c| u32::from_le_bytes(le4(c)) as usize).collect(),
        };
        match ids.iter().position(|&i| i >= dictionary) {
            Some(row) => Err(format!(
                "row {}: index {} at byte {at} is past the {dictionary} values of its dictionary",
                row + 1,
                ids[row]
            )),
            None => Ok(ids),
        }
    }
}

/// A data file this process wrote or read, with the dataset it holds: saving the same dataset
/// (the same `Arc`, still alive) to the same unchanged file again writes nothing.
struct Known {
    path: PathBuf,
    data: Weak<Dataset>,
    stored: StoredData,
    stamp: (u64, Option<SystemTime>),
}

/// Data files known to hold a dataset still in memory; a few, newest last.
static KNOWN: Mutex<Vec<Known>> = Mutex::new(Vec::new());

/// How many data files are remembered.
const KNOWN_MAX: usize = 16;

/// Length and modification time: what tells that nobody replaced the file since.
fn stamp(path: &Path) -> Option<(u64, Option<SystemTime>)> {
    std::fs::metadata(path).ok().map(|m| (m.len(), m.modified().ok()))
}

fn remember(path: &Path, data: &Arc<Dataset>, stored: &StoredData) {
    let Some(stamp) = stamp(path) else { return };
    let Ok(mut known) = KNOWN.lock() else { return };
    known.retain(|k| k.path != path && k.data.strong_count() > 0);
    if known.len() >= KNOWN_MAX {
        known.remove(0);
    }
    known.push(Known { path: path.to_owned(), data: Arc::downgrade(data), stored: stored.clone(), stamp });
}

/// The descriptor of `path` when it is known to hold exactly `data` and is unchanged since.
fn already_there(path: &Path, data: &Arc<Dataset>) -> Option<StoredData> {
    let known = KNOWN.lock().ok()?;
    let k = known.iter().find(|k| k.path == path)?;
    let same = k.data.upgrade().is_some_and(|d| Arc::ptr_eq(&d, data));
    (same && stamp(path) == Some(k.stamp)).then(|| k.stored.clone())
}

/// Writes `data` to the data file `path` atomically, keeping the previous one as
/// `NAME.data.bak`, unless this process already wrote or read this very dataset (the same
/// `Arc`: the same data revision) to or from that file and the file is unchanged since; then
/// nothing is written. Returns what the `.ron` must record.
///
/// # Errors
/// When the file cannot be written; the previous file is intact.
pub fn save(path: &Path, data: &Arc<Dataset>) -> Result<StoredData, WriteError> {
    if let Some(stored) = already_there(path, data) {
        return Ok(stored);
    }
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let (bytes, stored) = encode(data, &name);
    write_atomic_with(path, Backup::Keep, |f| std::io::Write::write_all(f, &bytes))?;
    remember(path, data, &stored);
    Ok(stored)
}

/// Reads the data file of the `.ron` at `workspace`: `NAME.data` beside it, or the file name
/// the `.ron` records (a workspace renamed without its data file), whichever is the one
/// recorded (length, checksum, rows). When neither is but its `.bak` is (a save interrupted
/// between writing the data file and the `.ron`), the backup is read: it is the data that
/// `.ron` was saved with. Trying several files is safe: only the recorded data is accepted.
///
/// # Errors
/// When no candidate is the one recorded: what is wrong with `NAME.data` (missing, truncated,
/// of another save, damaged, newer or invalid), or with the recorded file when that says more.
pub fn load(workspace: &Path, stored: &StoredData) -> Result<Arc<Dataset>, DataFileError> {
    let dir = workspace.parent().unwrap_or(Path::new(""));
    if stored.file.is_empty()
        || Path::new(&stored.file).file_name() != Some(std::ffi::OsStr::new(&stored.file))
    {
        return Err(DataFileError::Invalid {
            path: workspace.to_owned(),
            what: format!("the data file name “{}” is not a plain file name", stored.file),
        });
    }
    let own = data_path_for(workspace);
    let recorded = dir.join(&stored.file);
    let mut candidates = vec![own.clone()];
    if recorded != own {
        candidates.push(recorded);
    }
    let backups: Vec<PathBuf> = candidates.iter().map(|p| backup_path(p)).collect();
    candidates.extend(backups);
    let mut first_error = None;
    for path in &candidates {
        match load_checked(path, stored) {
            Ok(d) => return Ok(d),
            Err(e) => {
                let better = match &first_error {
                    None => true,
                    Some(DataFileError::Missing { .. }) => !matches!(e, DataFileError::Missing { .. }),
                    Some(_) => false,
                };
                if better {
                    first_error = Some(e);
                }
            }
        }
    }
    Err(first_error.unwrap_or(DataFileError::Missing { path: own }))
}

/// Reads one candidate file, if it is the one recorded.
fn load_checked(path: &Path, stored: &StoredData) -> Result<Arc<Dataset>, DataFileError> {
    let io = |source: std::io::Error| match source.kind() {
        std::io::ErrorKind::NotFound => DataFileError::Missing { path: path.to_owned() },
        _ => DataFileError::Io { path: path.to_owned(), source },
    };
    let len = std::fs::metadata(path).map_err(io)?.len();
    if len > MAX_DATA_BYTES {
        return Err(DataFileError::Invalid {
            path: path.to_owned(),
            what: format!("{} MB, more than the {} MB read", len >> 20, MAX_DATA_BYTES >> 20),
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let own_crc = trailer_crc(&bytes).filter(|&c| c == crc32fast::hash(&bytes[..bytes.len() - 4]));
    match own_crc {
        // Whole, but another save's.
        Some(crc) if crc != stored.crc32 || len != stored.bytes => {
            return Err(DataFileError::Stale {
                path: path.to_owned(),
                found_rows: bytes.get(12..20).map_or(0, |b| u64::from_le_bytes(le8(b))),
                found_crc: crc,
                expected_rows: stored.rows,
                expected_crc: stored.crc32,
            });
        }
        Some(_) => {}
        None if len < stored.bytes => {
            return Err(DataFileError::Truncated {
                path: path.to_owned(),
                found: len,
                expected: stored.bytes,
            });
        }
        None => return Err(DataFileError::Damaged { path: path.to_owned() }),
    }
    let data = Arc::new(decode(path, &bytes)?);
    if data.len() as u64 != stored.rows {
        return Err(DataFileError::Invalid {
            path: path.to_owned(),
            what: format!("{} rows, the workspace expects {}", data.len(), stored.rows),
        });
    }
    remember(path, &data, stored);
    Ok(data)
}

/// The checksum a data file carries in its last four bytes.
fn trailer_crc(bytes: &[u8]) -> Option<u32> {
    let n = bytes.len();
    (n >= HEADER_BYTES + 4).then(|| u32::from_le_bytes(le4(&bytes[n - 4..])))
}
