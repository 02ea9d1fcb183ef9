//! Synthetic benchmark data: UN Comtrade CSV files of any size, made up from a seeded random
//! generator, for `cargo bench`, `bench/compare.sh` and `tradedash generate`. **The figures
//! are not real trade**: every `cmdDesc` says so.
//!
//! A file holds one reporter's (Belarus, 112/BLR) monthly trade in 2018–2019 by partner (150
//! countries) and HS-6 commodity (3,000 made-up codes), flows X and M, in the shape of a
//! Comtrade API download (47 columns, every field quoted, a trailing comma, UTF-8 BOM, CRLF).
//! About 5% of the rows are breakdowns the importer sets aside (customs procedure other than
//! C00, transport mode other than 0, a second partner, re-exports and re-imports). There are
//! no World rows and no TOTAL or chapter rows, so each month's exports (imports) are simply
//! the sum of the kept X (M) rows; [`Written::months`] has those sums, to the cent.
//!
//! The output depends only on `rows` and `seed`: the same bytes on every run and platform
//! (ChaCha8 from `rand`, integer arithmetic only).
//!
//! Not part of the library's public surface: the binary (`src/main.rs`, for `tradedash
//! generate`) and the benches (`benches/import.rs`) each compile this file as their own module,
//! so it uses the library as `tradedash::`.

use std::collections::BTreeMap;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rand::rngs::ChaCha8Rng;
use rand::{Rng, SeedableRng};
use tradedash::cli::GenerateArgs;

/// The reporter of every row: (code, ISO, name).
pub const REPORTER: (&str, &str, &str) = ("112", "BLR", "Belarus");

/// First year of the data; the data covers [`YEARS`] whole years from it.
pub const FIRST_YEAR: i32 = 2018;

/// Years covered.
pub const YEARS: u32 = 2;

/// HS-6 codes used.
pub const COMMODITIES: u32 = 3_000;

/// Per mille of rows that are breakdowns set aside by the importer: customs procedure,
/// transport mode and second partner (10 each), re-export/re-import (20).
const SET_ASIDE_PER_MILLE: u64 = 50;

/// A multiplier coprime to the number of (partner, commodity, flow) combinations of a month,
/// so that stepping by it visits each combination once before any repeats.
const STRIDE: u64 = 104_729;

/// The header of a Comtrade API CSV download, as `tests/fixtures/comtrade-kaz-blr-synthetic.csv`.
pub const HEADER: [&str; 47] = [
    "typeCode",
    "freqCode",
    "refPeriodId",
    "refYear",
    "refMonth",
    "period",
    "reporterCode",
    "reporterISO",
    "reporterDesc",
    "flowCode",
    "flowDesc",
    "partnerCode",
    "partnerISO",
    "partnerDesc",
    "partner2Code",
    "partner2ISO",
    "partner2Desc",
    "classificationCode",
    "classificationSearchCode",
    "isOriginalClassification",
    "cmdCode",
    "cmdDesc",
    "aggrLevel",
    "isLeaf",
    "customsCode",
    "customsDesc",
    "mosCode",
    "motCode",
    "motDesc",
    "qtyUnitCode",
    "qtyUnitAbbr",
    "qty",
    "isQtyEstimated",
    "altQtyUnitCode",
    "altQtyUnitAbbr",
    "altQty",
    "isAltQtyEstimated",
    "netWgt",
    "isNetWgtEstimated",
    "grossWgt",
    "isGrossWgtEstimated",
    "cifvalue",
    "fobvalue",
    "primaryValue",
    "legacyEstimationFlag",
    "isReported",
    "isAggregate",
];

/// Partners (Comtrade code, ISO, name), the largest first: a partner's values are scaled by
/// its rank, so that Russia, Ukraine and China weigh most, as in Belarus's real trade.
pub const PARTNERS: [(&str, &str, &str); 150] = [
    ("643", "RUS", "Russian Federation"),
    ("804", "UKR", "Ukraine"),
    ("156", "CHN", "China"),
    ("616", "POL", "Poland"),
    ("276", "DEU", "Germany"),
    ("398", "KAZ", "Kazakhstan"),
    ("440", "LTU", "Lithuania"),
    ("528", "NLD", "Netherlands"),
    ("826", "GBR", "United Kingdom"),
    ("381", "ITA", "Italy"),
    ("792", "TUR", "Turkey"),
    ("842", "USA", "USA"),
    ("428", "LVA", "Latvia"),
    ("251", "FRA", "France"),
    ("860", "UZB", "Uzbekistan"),
    ("203", "CZE", "Czechia"),
    ("392", "JPN", "Japan"),
    ("410", "KOR", "Rep. of Korea"),
    ("699", "IND", "India"),
    ("724", "ESP", "Spain"),
    ("40", "AUT", "Austria"),
    ("56", "BEL", "Belgium"),
    ("752", "SWE", "Sweden"),
    ("246", "FIN", "Finland"),
    ("208", "DNK", "Denmark"),
    ("757", "CHE", "Switzerland"),
    ("348", "HUN", "Hungary"),
    ("642", "ROU", "Romania"),
    ("100", "BGR", "Bulgaria"),
    ("233", "EST", "Estonia"),
    ("498", "MDA", "Rep. of Moldova"),
    ("51", "ARM", "Armenia"),
    ("31", "AZE", "Azerbaijan"),
    ("268", "GEO", "Georgia"),
    ("417", "KGZ", "Kyrgyzstan"),
    ("762", "TJK", "Tajikistan"),
    ("795", "TKM", "Turkmenistan"),
    ("703", "SVK", "Slovakia"),
    ("705", "SVN", "Slovenia"),
    ("191", "HRV", "Croatia"),
    ("688", "SRB", "Serbia"),
    ("300", "GRC", "Greece"),
    ("620", "PRT", "Portugal"),
    ("372", "IRL", "Ireland"),
    ("579", "NOR", "Norway"),
    ("442", "LUX", "Luxembourg"),
    ("196", "CYP", "Cyprus"),
    ("470", "MLT", "Malta"),
    ("352", "ISL", "Iceland"),
    ("70", "BIH", "Bosnia Herzegovina"),
    ("807", "MKD", "North Macedonia"),
    ("499", "MNE", "Montenegro"),
    ("8", "ALB", "Albania"),
    ("76", "BRA", "Brazil"),
    ("32", "ARG", "Argentina"),
    ("152", "CHL", "Chile"),
    ("484", "MEX", "Mexico"),
    ("124", "CAN", "Canada"),
    ("170", "COL", "Colombia"),
    ("604", "PER", "Peru"),
    ("218", "ECU", "Ecuador"),
    ("862", "VEN", "Venezuela"),
    ("858", "URY", "Uruguay"),
    ("600", "PRY", "Paraguay"),
    ("68", "BOL", "Bolivia (Plurinational State of)"),
    ("192", "CUB", "Cuba"),
    ("214", "DOM", "Dominican Rep."),
    ("188", "CRI", "Costa Rica"),
    ("591", "PAN", "Panama"),
    ("320", "GTM", "Guatemala"),
    ("558", "NIC", "Nicaragua"),
    ("340", "HND", "Honduras"),
    ("222", "SLV", "El Salvador"),
    ("388", "JAM", "Jamaica"),
    ("780", "TTO", "Trinidad and Tobago"),
    ("36", "AUS", "Australia"),
    ("554", "NZL", "New Zealand"),
    ("360", "IDN", "Indonesia"),
    ("458", "MYS", "Malaysia"),
    ("764", "THA", "Thailand"),
    ("704", "VNM", "Viet Nam"),
    ("608", "PHL", "Philippines"),
    ("702", "SGP", "Singapore"),
    ("344", "HKG", "China, Hong Kong SAR"),
    ("490", "S19", "Other Asia, nes"),
    ("50", "BGD", "Bangladesh"),
    ("586", "PAK", "Pakistan"),
    ("144", "LKA", "Sri Lanka"),
    ("524", "NPL", "Nepal"),
    ("104", "MMR", "Myanmar"),
    ("116", "KHM", "Cambodia"),
    ("418", "LAO", "Lao People's Dem. Rep."),
    ("496", "MNG", "Mongolia"),
    ("4", "AFG", "Afghanistan"),
    ("364", "IRN", "Iran"),
    ("368", "IRQ", "Iraq"),
    ("760", "SYR", "Syria"),
    ("400", "JOR", "Jordan"),
    ("422", "LBN", "Lebanon"),
    ("376", "ISR", "Israel"),
    ("682", "SAU", "Saudi Arabia"),
    ("784", "ARE", "United Arab Emirates"),
    ("414", "KWT", "Kuwait"),
    ("634", "QAT", "Qatar"),
    ("48", "BHR", "Bahrain"),
    ("512", "OMN", "Oman"),
    ("887", "YEM", "Yemen"),
    ("818", "EGY", "Egypt"),
    ("434", "LBY", "Libya"),
    ("788", "TUN", "Tunisia"),
    ("12", "DZA", "Algeria"),
    ("504", "MAR", "Morocco"),
    ("729", "SDN", "Sudan"),
    ("231", "ETH", "Ethiopia"),
    ("404", "KEN", "Kenya"),
    ("800", "UGA", "Uganda"),
    ("834", "TZA", "United Rep. of Tanzania"),
    ("646", "RWA", "Rwanda"),
    ("566", "NGA", "Nigeria"),
    ("288", "GHA", "Ghana"),
    ("384", "CIV", "Côte d'Ivoire"),
    ("686", "SEN", "Senegal"),
    ("120", "CMR", "Cameroon"),
    ("24", "AGO", "Angola"),
    ("508", "MOZ", "Mozambique"),
    ("894", "ZMB", "Zambia"),
    ("716", "ZWE", "Zimbabwe"),
    ("710", "ZAF", "South Africa"),
    ("516", "NAM", "Namibia"),
    ("72", "BWA", "Botswana"),
    ("450", "MDG", "Madagascar"),
    ("480", "MUS", "Mauritius"),
    ("180", "COD", "Dem. Rep. of the Congo"),
    ("178", "COG", "Congo"),
    ("266", "GAB", "Gabon"),
    ("324", "GIN", "Guinea"),
    ("466", "MLI", "Mali"),
    ("854", "BFA", "Burkina Faso"),
    ("562", "NER", "Niger"),
    ("148", "TCD", "Chad"),
    ("204", "BEN", "Benin"),
    ("768", "TGO", "Togo"),
    ("430", "LBR", "Liberia"),
    ("694", "SLE", "Sierra Leone"),
    ("478", "MRT", "Mauritania"),
    ("706", "SOM", "Somalia"),
    ("262", "DJI", "Djibouti"),
    ("96", "BRN", "Brunei Darussalam"),
    ("20", "AND", "Andorra"),
    ("242", "FJI", "Fiji"),
];

/// Transport modes of the breakdown rows: (motCode, motDesc).
const TRANSPORT: [(&str, &str); 4] =
    [("1000", "Air"), ("2100", "Sea"), ("3100", "Railway"), ("3200", "Road")];

/// Customs procedures of the breakdown rows: (customsCode, customsDesc).
const CUSTOMS: [(&str, &str); 3] = [
    ("C01", "Processing under customs control"),
    ("C02", "Inward processing"),
    ("C03", "Outward processing"),
];

/// One month of what was written: the sums of the rows the importer keeps, in cents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MonthCents {
    /// Calendar year.
    pub year: i32,
    /// 1–12.
    pub month: u8,
    /// Sum of the kept X rows, US cents.
    pub exports_cents: u64,
    /// Sum of the kept M rows, US cents.
    pub imports_cents: u64,
}

/// What [`write_comtrade`] wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Written {
    /// Data rows (not counting the header).
    pub rows: u64,
    /// Rows the importer sets aside (breakdowns and re-exports/re-imports).
    pub rows_set_aside: u64,
    /// Bytes written, BOM and header included.
    pub bytes: u64,
    /// Monthly totals of the kept rows, in order; months without rows are absent.
    pub months: Vec<MonthCents>,
}

/// The file name the benches and `bench/compare.sh` use: `comtrade-synthetic-<rows>.csv`.
#[must_use]
pub fn file_name(rows: u64) -> String {
    format!("comtrade-synthetic-{rows}.csv")
}

/// Version of what [`write_comtrade`] writes; goes up whenever the bytes for a given `rows`
/// and `seed` change, so that [`ensure_file`] does not reuse files of an older generator.
pub const GENERATOR_VERSION: u32 = 1;

/// The stamp file beside a generated file: `<path>.stamp`.
#[must_use]
pub fn stamp_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".stamp");
    PathBuf::from(name)
}

fn stamp_text(rows: u64, seed: u64, bytes: u64) -> String {
    format!("tradedash synthetic Comtrade v{GENERATOR_VERSION} rows={rows} seed={seed} bytes={bytes}\n")
}

/// Whether `path` holds what [`write_comtrade`] writes for `rows` and `seed`, as far as its
/// stamp (written by [`write_file`]) and its size say.
#[must_use]
pub fn is_current(path: &Path, rows: u64, seed: u64) -> bool {
    let (Ok(meta), Ok(stamp)) = (std::fs::metadata(path), std::fs::read_to_string(stamp_path(path))) else {
        return false;
    };
    stamp == stamp_text(rows, seed, meta.len())
}

/// Writes the file atomically, then its stamp.
///
/// # Errors
/// When the file or its stamp cannot be written.
pub fn write_file(path: &Path, rows: u64, seed: u64) -> Result<Written, tradedash::io::atomic::WriteError> {
    use tradedash::io::atomic::{Backup, write_atomic, write_atomic_with};
    let mut written = Written::default();
    write_atomic_with(path, Backup::No, |f| {
        written = write_comtrade(f, rows, seed)?;
        Ok(())
    })?;
    write_atomic(&stamp_path(path), stamp_text(rows, seed, written.bytes).as_bytes())?;
    Ok(written)
}

/// Writes the file unless [`is_current`] says it is there already; `Some` when it wrote.
///
/// # Errors
/// As [`write_file`].
pub fn ensure_file(
    path: &Path,
    rows: u64,
    seed: u64,
) -> Result<Option<Written>, tradedash::io::atomic::WriteError> {
    if is_current(path, rows, seed) { Ok(None) } else { write_file(path, rows, seed).map(Some) }
}

/// A (partner, commodity, flow) combination and its value.
#[derive(Clone, Copy)]
struct Kept {
    partner: usize,
    commodity: u32,
    export: bool,
    cents: u64,
}

/// Writes `rows` data rows of synthetic Comtrade CSV (see the module docs) to `w`.
///
/// # Errors
/// Whatever writing to `w` returns.
pub fn write_comtrade(w: impl Write, rows: u64, seed: u64) -> io::Result<Written> {
    let mut out = Counting { inner: BufWriter::with_capacity(1 << 20, w), bytes: 0 };
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    out.write_all("\u{feff}".as_bytes())?;
    for h in HEADER {
        write!(out, "\"{h}\",")?;
    }
    out.write_all(b"\r\n")?;

    let months = u64::from(YEARS) * 12;
    let combos = PARTNERS.len() as u64 * u64::from(COMMODITIES) * 2;
    let mut totals: BTreeMap<(i32, u8), (u64, u64)> = BTreeMap::new();
    let mut set_aside = 0;
    let mut month_index = u64::MAX;
    let (mut slot, mut offset) = (0u64, 0u64);
    let mut last: Option<Kept> = None;
    let mut line = String::with_capacity(512);
    for k in 0..rows {
        let m = k * months / rows;
        if m != month_index {
            month_index = m;
            (slot, offset, last) = (0, rng.next_u64() % combos, None);
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]
        let (year, month) = (FIRST_YEAR + (m / 12) as i32, (m % 12) as u8 + 1);
        let kind = rng.next_u64() % 1000;
        let row = match last {
            Some(parent) if kind < SET_ASIDE_PER_MILLE => {
                set_aside += 1;
                let cents = parent.cents * (10 + rng.next_u64() % 80) / 100;
                let breakdown = (kind / 10 + 1).min(4);
                Row { kept: Kept { cents: round_cents(cents, &mut rng), ..parent }, breakdown }
            }
            _ => {
                let idx = (slot * STRIDE + offset) % combos;
                slot += 1;
                let n = PARTNERS.len() as u64;
                #[allow(clippy::cast_possible_truncation)]
                let (partner, commodity) = (((idx / 2) % n) as usize, (idx / 2 / n) as u32);
                let kept = Kept {
                    partner,
                    commodity,
                    export: idx.is_multiple_of(2),
                    cents: value_cents(partner, &mut rng),
                };
                last = Some(kept);
                let t = totals.entry((year, month)).or_default();
                if kept.export {
                    t.0 += kept.cents;
                } else {
                    t.1 += kept.cents;
                }
                Row { kept, breakdown: 0 }
            }
        };
        line.clear();
        row.format(&mut line, year, month, &mut rng);
        out.write_all(line.as_bytes())?;
    }
    out.flush()?;
    Ok(Written {
        rows,
        rows_set_aside: set_aside,
        bytes: out.bytes,
        months: totals
            .into_iter()
            .map(|((year, month), (exports_cents, imports_cents))| MonthCents {
                year,
                month,
                exports_cents,
                imports_cents,
            })
            .collect(),
    })
}

/// A value in cents: 3 to 8 digits of dollars, scaled down by the partner's rank; half of
/// the values are whole dollars.
fn value_cents(partner: usize, rng: &mut ChaCha8Rng) -> u64 {
    let digits = 2 + rng.next_u64() % 6;
    let low = 10u64.pow(u32::try_from(digits).unwrap_or(2));
    let dollars = low + rng.next_u64() % (9 * low);
    let weight = (100 / (1 + partner as u64 / 4)).max(5);
    let cents = (dollars * weight).max(1);
    round_cents(cents, rng)
}

/// Keeps the cents of half of the values; the other half become whole dollars.
fn round_cents(cents: u64, rng: &mut ChaCha8Rng) -> u64 {
    if rng.next_u64().is_multiple_of(2) { cents.max(1) } else { (cents / 100).max(1) * 100 }
}

/// A row to write: the kept combination (or the one a breakdown belongs to) and which
/// breakdown it is (0: none, kept; 1 customs; 2 transport; 3 second partner; 4 re-export/import).
struct Row {
    kept: Kept,
    breakdown: u64,
}

impl Row {
    fn format(&self, s: &mut String, year: i32, month: u8, rng: &mut ChaCha8Rng) {
        use std::fmt::Write as _;
        let Kept { partner, commodity, export, cents } = self.kept;
        let (pcode, piso, pname) = PARTNERS[partner];
        let (rcode, riso, rname) = REPORTER;
        let (flow, flow_desc) = match (self.breakdown, export) {
            (4, true) => ("RX", "Re-export"),
            (4, false) => ("RM", "Re-import"),
            (_, true) => ("X", "Export"),
            (_, false) => ("M", "Import"),
        };
        let pick = |n: usize, rng: &mut ChaCha8Rng| {
            #[allow(clippy::cast_possible_truncation)]
            let i = (rng.next_u64() % n as u64) as usize;
            i
        };
        let (p2code, p2iso, p2name) = if self.breakdown == 3 {
            PARTNERS[(partner + 1 + pick(PARTNERS.len() - 1, rng)) % PARTNERS.len()]
        } else {
            ("0", "W00", "World")
        };
        let (customs, customs_desc) =
            if self.breakdown == 1 { CUSTOMS[pick(3, rng)] } else { ("C00", "TOTAL CPC") };
        let (mot, mot_desc) = if self.breakdown == 2 { TRANSPORT[pick(4, rng)] } else { ("0", "TOTAL MOT") };
        let code = hs6(commodity);
        // Net weight at 0.5 to 20 dollars a kilogram.
        let kg = (cents / (50 + rng.next_u64() % 1950)).max(1);
        let value = Dollars(cents);
        let (cif, fob) = if export { (Dollars::NONE, value) } else { (value, Dollars::NONE) };
        let _ = write!(
            s,
            "\"C\",\"M\",\"{year}{month:02}01\",\"{year}\",\"{month}\",\"{year}{month:02}\",\
             \"{rcode}\",\"{riso}\",\"{rname}\",\"{flow}\",\"{flow_desc}\",\
             \"{pcode}\",\"{piso}\",\"{pname}\",\"{p2code}\",\"{p2iso}\",\"{p2name}\",\
             \"H5\",\"HS\",\"True\",\"{code}\",\
             \"SYNTHETIC data, not real trade: HS {code}\",\
             \"6\",\"True\",\"{customs}\",\"{customs_desc}\",\"0\",\"{mot}\",\"{mot_desc}\",\
             \"8\",\"kg\",\"{kg}\",\"False\",\"-1\",\"N/A\",\"\",\"False\",\"{kg}\",\"False\",\"\",\"False\",\
             \"{cif}\",\"{fob}\",\"{value}\",\"0\",\"True\",\"False\",\r\n"
        );
    }
}

/// The HS-6 code of commodity `i`: 96 chapters (01–97 without 77), 16 headings, 2 subheadings.
fn hs6(i: u32) -> String {
    let chapter = i % 96 + 1;
    let chapter = if chapter >= 77 { chapter + 1 } else { chapter };
    let j = i / 96;
    format!("{chapter:02}{:02}{:02}", j % 16 + 1, (j / 16 % 9 + 1) * 10)
}

/// Cents written as Comtrade writes dollars: `1234`, `1234.5`, `1234.56`; empty for NONE.
#[derive(Clone, Copy)]
struct Dollars(u64);

impl Dollars {
    const NONE: Self = Self(u64::MAX);
}

impl std::fmt::Display for Dollars {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let c = self.0;
        if c == u64::MAX {
            Ok(())
        } else if c.is_multiple_of(100) {
            write!(f, "{}", c / 100)
        } else if c.is_multiple_of(10) {
            write!(f, "{}.{}", c / 100, c % 100 / 10)
        } else {
            write!(f, "{}.{:02}", c / 100, c % 100)
        }
    }
}

/// A writer that counts the bytes through it.
struct Counting<W: Write> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// `tradedash generate`: writes the file (or keeps it with `--reuse`) and prints what it holds.
pub fn run(args: &GenerateArgs) -> ExitCode {
    let GenerateArgs { rows, ref out, seed, reuse } = *args;
    let written = if reuse { ensure_file(out, rows, seed) } else { write_file(out, rows, seed).map(Some) };
    match written {
        Ok(Some(w)) => {
            println!(
                "{}: {} rows ({} set aside by the importer), {} bytes of SYNTHETIC data",
                out.display(),
                w.rows,
                w.rows_set_aside,
                w.bytes
            );
            ExitCode::SUCCESS
        }
        Ok(None) => {
            println!("{}: kept (already written with {rows} rows, seed {seed})", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("tradedash: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests;
