//! Workspaces as files: `NAME.ron` (settings, readable RON) and `NAME.data` (the rows, see
//! [`workspace_data`]); load with schema checks and migration, save atomically.

use std::path::{Path, PathBuf};

use crate::model::workspace::{SCHEMA_VERSION, Workspace};

use super::atomic::{Backup, WriteError, write_atomic_with};
use super::workspace_data::{self, DataFileError, data_path_for};
use super::workspace_schema::WorkspaceFile;

/// Largest workspace file read, in bytes.
pub const MAX_WORKSPACE_BYTES: u64 = 512 << 20;

/// The default workspace shipped inside the binary: Brest Oblast – Kazakhstan, 2017–2018.
pub const DEFAULT_WORKSPACE_RON: &str = include_str!("../../assets/default-workspace.ron");

/// Why a workspace could not be opened. Nothing in the running app changes.
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    /// Reading failed.
    #[error("{path}: cannot read the workspace: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// The file is larger than [`MAX_WORKSPACE_BYTES`].
    #[error("{path}: the workspace file is {size_mb} MB, more than the {max_mb} MB read")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size_mb: u64,
        /// The limit.
        max_mb: u64,
    },
    /// Not valid RON, or not a workspace.
    #[error("{path}: line {line}, column {column}: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// Written by a newer tradedash.
    #[error(
        "{path}: this workspace has schema version {found}, newer than the version {supported} this \
         tradedash reads; open it with a newer tradedash (the file was not changed)"
    )]
    TooNew {
        /// The file.
        path: PathBuf,
        /// Version in the file.
        found: u32,
        /// Highest version supported.
        supported: u32,
    },
    /// The data file cannot be used.
    #[error(transparent)]
    Data(#[from] DataFileError),
}

impl WorkspaceError {
    /// What went wrong, in `lang` (the `workspace-*` messages of `import.ftl`); `Display` is the
    /// English one. A damaged data file's reasons are English still.
    #[must_use]
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::tr;
        match self {
            Self::Io { path, source } => tr!(
                lang,
                "workspace-cannot-read",
                path = path.display().to_string(),
                error = source.to_string()
            ),
            Self::TooLarge { path, size_mb, max_mb } => tr!(
                lang,
                "workspace-too-large",
                path = path.display().to_string(),
                size = size_mb.to_string(),
                max = max_mb.to_string()
            ),
            Self::Parse { path, line, column, message } => tr!(
                lang,
                "workspace-parse",
                path = path.display().to_string(),
                line = line.to_string(),
                column = column.to_string(),
                message = message.as_str()
            ),
            Self::TooNew { path, found, supported } => tr!(
                lang,
                "workspace-too-new",
                path = path.display().to_string(),
                found = found.to_string(),
                supported = supported.to_string()
            ),
            Self::Data(e) => e.to_string(),
        }
    }
}

/// Parses workspace text; `path` names it in messages and locates its data file (schema 2:
/// `NAME.data` beside it).
///
/// # Errors
/// When the text is not a workspace, comes from a newer schema, or its data file cannot be
/// used (missing, truncated, of another save, damaged: see [`DataFileError`]).
pub fn parse(path: &Path, text: &str) -> Result<Workspace, WorkspaceError> {
    let file = parse_file(path, text)?;
    let rows = match &file.data.stored {
        Some(stored) => Some(workspace_data::load(path, stored)?),
        None => None,
    };
    Ok(file.into_workspace(rows))
}

/// Parses the `.ron` text alone, without reading the data file.
///
/// # Errors
/// As [`parse`], but for the data file.
pub fn parse_file(path: &Path, text: &str) -> Result<WorkspaceFile, WorkspaceError> {
    // Read the version first, so that a newer file is refused with the right message even
    // when its fields no longer match ours.
    let options = ron::Options::default();
    if let Ok(v) = options.from_str::<VersionOnly>(text)
        && v.schema_version > SCHEMA_VERSION
    {
        return Err(WorkspaceError::TooNew {
            path: path.to_owned(),
            found: v.schema_version,
            supported: SCHEMA_VERSION,
        });
    }
    options.from_str(text).map_err(|e| WorkspaceError::Parse {
        path: path.to_owned(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: match e.code {
            ron::error::Error::ExceededRecursionLimit => "brackets nested deeper than any workspace \
                                                         (over 128 levels); this is not a tradedash workspace"
                .to_owned(),
            code => code.to_string(),
        },
    })
}

/// Only the schema version, ignoring every other field.
#[derive(serde::Deserialize)]
struct VersionOnly {
    #[serde(default)]
    schema_version: u32,
}

/// Reads a workspace file and its data file.
///
/// # Errors
/// As [`parse`], and when the file cannot be read.
pub fn load(path: &Path) -> Result<Workspace, WorkspaceError> {
    let text = read_text(path)?;
    parse(path, &text)
}

/// The text of a `.ron` file, size-checked.
pub(super) fn read_text(path: &Path) -> Result<String, WorkspaceError> {
    let io = |source| WorkspaceError::Io { path: path.to_owned(), source };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_WORKSPACE_BYTES {
        return Err(WorkspaceError::TooLarge {
            path: path.to_owned(),
            size_mb: size >> 20,
            max_mb: MAX_WORKSPACE_BYTES >> 20,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    String::from_utf8(bytes).map_err(|e| WorkspaceError::Parse {
        path: path.to_owned(),
        line: 1,
        column: 1,
        message: format!("not UTF-8 text: {e}"),
    })
}

/// The embedded default workspace.
///
/// # Panics
/// Never in a released build: a test parses the embedded file.
#[must_use]
pub fn default_workspace() -> Workspace {
    #[allow(clippy::expect_used)]
    let mut ws = parse(Path::new("default-workspace.ron"), DEFAULT_WORKSPACE_RON)
        .expect("the embedded default workspace parses");
    // Its data is the published figures (`io::example`), read by the ordinary importer so that
    // their published growth rates are kept; the illustrative monthly split is off.
    ws.data.embedded = Some(std::sync::Arc::new(super::example::published()));
    ws
}

/// A workspace's `.ron` text, pretty-printed so that it diffs well.
///
/// # Errors
/// Only if serde reports an error for the data (not expected for these plain types).
pub fn to_ron(file: &WorkspaceFile) -> Result<String, ron::Error> {
    let pretty = ron::ser::PrettyConfig::new().depth_limit(8).indentor("  ".to_owned());
    ron::ser::to_string_pretty(file, pretty)
}

/// The `.ron` form of `ws` after its rows are written to the data file `data_path` (see
/// [`workspace_data::save`]: unchanged data is not written again).
pub(super) fn with_data_saved(ws: &Workspace, data_path: &Path) -> Result<WorkspaceFile, WriteError> {
    let stored = match &ws.data.embedded {
        Some(data) => Some(workspace_data::save(data_path, data)?),
        None => None,
    };
    let mut light = ws.clone();
    light.data.embedded = None;
    Ok(WorkspaceFile::without_rows(light, stored))
}

/// Saves a workspace: its rows to `NAME.data`, then its `.ron`, each atomically, each keeping
/// the previous file as `.bak`. The data file is written only when the data changed since it
/// was last written or read (see [`workspace_data::save`]). A crash between the two leaves the
/// previous `.ron` with the previous data file as `NAME.data.bak`, which opening then reads.
/// A file written by a newer tradedash is never overwritten.
///
/// # Errors
/// When a file cannot be written; the previous files are intact.
pub fn save(path: &Path, ws: &Workspace) -> Result<(), WriteError> {
    refuse_to_overwrite_newer(path)?;
    let file = with_data_saved(ws, &data_path_for(path))?;
    let text =
        to_ron(&file).map_err(|e| WriteError { path: path.to_owned(), source: std::io::Error::other(e) })?;
    write_atomic_with(path, Backup::Keep, |f| std::io::Write::write_all(f, text.as_bytes()))
}

/// A workspace written by a newer tradedash is never overwritten by this one.
fn refuse_to_overwrite_newer(path: &Path) -> Result<(), WriteError> {
    let Ok(text) = std::fs::read_to_string(path) else { return Ok(()) };
    match ron::Options::default().from_str::<VersionOnly>(&text) {
        Ok(v) if v.schema_version > SCHEMA_VERSION => Err(WriteError {
            path: path.to_owned(),
            source: std::io::Error::other(format!(
                "it holds a workspace of schema version {}, newer than the version {SCHEMA_VERSION} \
                 this tradedash writes; save under another name",
                v.schema_version
            )),
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::csv_import;
    use crate::model::period::{MonthRange, YearMonth};
    use crate::model::query::{Selection, aggregate};

    fn ym(y: i32, m: u8) -> YearMonth {
        YearMonth::new(y, m).unwrap()
    }

    #[test]
    fn default_workspace_holds_the_published_figures_with_the_split_off() {
        use crate::model::dataset::Period;
        let ws = default_workspace();
        assert!(!ws.data.sample, "the published figures are not sample data");
        assert!(!ws.data.label.contains("SAMPLE"));
        assert_eq!(ws.data.sample_split, Some(crate::model::workspace::SampleSplit { shown: false }));
        let data = ws.data.embedded.as_ref().unwrap();
        assert!(data.month_span().is_none(), "no month: the split is off");
        // Jan–Jul 2018 as published, with its published growth, for the selection shown.
        let a = aggregate(data, &ws.selection);
        let jan_jul = MonthRange::new(ym(2018, 1), ym(2018, 7));
        let span = a.spans.iter().find(|s| s.range == jan_jul).unwrap();
        assert_eq!(span.sums.turnover_usd(), Some(58_300_000.0));
        assert_eq!(span.published.turnover, Some(18.6));
        assert!(!span.derived);
        // Belarus – Kazakhstan: 2017 $690 million; 2018 $783.7 + $112.3 million.
        let blr = crate::model::query::Selection {
            reporter: Some("BLR".into()),
            partner: Some("KAZ".into()),
            ..Default::default()
        };
        let a = aggregate(data, &blr);
        let year = |y: i32| a.years.iter().find(|t| t.year == y).unwrap().sums;
        assert_eq!(year(2017).turnover_usd(), Some(690_000_000.0));
        assert_eq!(year(2018).turnover_usd(), Some(896_000_000.0));
        assert!((0..data.len()).all(|i| !matches!(data.record(i).period, Period::Month(_))));
        let jan_jul_18 = &ws.reported[0];
        assert_eq!((jan_jul_18.value_usd, jan_jul_18.change), (58_300_000.0, Some(0.186)));
        assert_eq!(jan_jul_18.span, Some(jan_jul));
        // Jan–Jul 2017 is derived from the published growth rate, and says so; it is not data.
        let jan_jul_17 = &ws.reported[1];
        assert!(jan_jul_17.derived_from_growth);
        assert_eq!(jan_jul_17.span, Some(MonthRange::new(ym(2017, 1), ym(2017, 7))));
        assert!((jan_jul_17.value_usd - 58_300_000.0 / 1.186).abs() < 0.01);
        assert_eq!(ws.reported[2].value_usd, 690_000_000.0);
        for f in &ws.reported {
            assert!(f.validate().is_empty(), "{f:?}");
        }
    }

    #[test]
    fn the_sample_split_adds_up_to_the_published_totals() {
        let ws = default_workspace();
        let data = crate::io::example::with_sample_split(ws.data.embedded.as_ref().unwrap(), true);
        let a = aggregate(&data, &ws.selection);
        let (jul18, n18) = a.sum_range(MonthRange::new(ym(2018, 1), ym(2018, 7)));
        let (jul17, n17) = a.sum_range(MonthRange::new(ym(2017, 1), ym(2017, 7)));
        assert_eq!((n18, n17), (7, 7));
        assert_eq!(jul18.turnover_usd(), Some(58_300_000.0));
        let growth = jul18.turnover_usd().unwrap() / jul17.turnover_usd().unwrap() - 1.0;
        assert_eq!(crate::model::format::pct_change(growth), "+18.6%");
        assert!((ws.reported[1].value_usd - jul17.turnover_usd().unwrap()).abs() < 5_000.0);
    }

    #[test]
    fn default_workspace_has_the_one_billion_target_without_a_deadline() {
        use crate::model::target::{Target, evaluate};
        let ws = default_workspace();
        use crate::model::target::CurrentPin;
        let pinned = Target { pin: CurrentPin::Reported(5), ..Target::belarus_kazakhstan_1bn() };
        assert_eq!(ws.targets, vec![pinned]);
        assert_eq!(ws.reported[4].value_usd, 896_000_000.0);
        let t = &ws.targets[0];
        assert_eq!(t.deadline_year, None);
        assert!(t.note.contains("the article gives no deadline: set one"));
        // The data holds Belarus – Kazakhstan 2018 as exports plus imports; the gauge is pinned
        // to the same year's published $896 million (+30.0%) from Belarus' statistics: 89.6% of
        // the goal, reached in 2019 if that growth holds.
        let agg = aggregate(ws.data.embedded.as_ref().unwrap(), &t.selection());
        let status = evaluate(t, &agg, &ws.reported);
        assert_eq!(status.current_usd(), Some(896_000_000.0));
        let current = status.current.as_ref().unwrap();
        assert_eq!(current.label, "2018, reported");
        let source = current.reported.as_ref().unwrap();
        assert_eq!(source.text(), "law.by, legal news, August 2019; statistics of Belarus");
        assert!((status.progress_pct.unwrap() - 89.6).abs() < 1e-9);
        assert_eq!(status.observed_growth, Some(0.30));
        assert_eq!(status.projection.year(), Some(2019));
        // Without the reported figures the data's 2018 (exports + imports) stands in: the same
        // value, but computed, so its growth is the data's (+29.9% on $690 million).
        let status = evaluate(t, &agg, &[]);
        assert_eq!(status.current_usd(), Some(896_000_000.0));
        assert!(status.current.as_ref().unwrap().reported.is_none());
        assert!((status.observed_growth.unwrap() - (896.0 / 690.0 - 1.0)).abs() < 1e-9);
    }

    #[test]
    fn default_workspace_data_is_the_published_csv() {
        let ws = default_workspace();
        let csv = include_bytes!("../../assets/published/belarus-kazakhstan-published.csv");
        let imported = csv_import::import_bytes("published.csv", csv).unwrap();
        assert_eq!(imported.report.rows_skipped, 0);
        assert_eq!(Some(&imported.dataset), ws.data.embedded.as_deref());
    }

    #[test]
    fn workspace_round_trips_exactly_through_a_file() {
        let mut ws = default_workspace();
        ws.selection = Selection {
            reporter: Some("Brest Oblast".into()),
            partner: Some("KAZ".into()),
            commodity: Some("03".into()),
            range: Some(MonthRange::new(ym(2017, 3), ym(2018, 5))),
            compare: vec!["RUS".into()],
            groups: Vec::new(),
        };
        ws.chart.bars = true;
        ws.title = "Ünïcode “quotes” and \\ backslash".into();
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("w.ron");
        save(&p, &ws).unwrap();
        let back = load(&p).unwrap();
        assert_eq!(back, ws);
        // And the text is stable: saving what was loaded writes the same bytes.
        let first = std::fs::read(&p).unwrap();
        save(&p, &back).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), first);
    }

    #[test]
    fn bad_workspaces_say_where_and_why() {
        let p = Path::new("w.ron");
        let err = parse(p, "(title: \"x\",\n  selection: (reporter: 5))").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("w.ron: line 2, column "), "{msg}");
        let err = parse(p, "(schema_version: 99, whatever: [1,2])").unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "w.ron: this workspace has schema version 99, newer than the version {SCHEMA_VERSION} \
                 this tradedash reads; open it with a newer tradedash (the file was not changed)"
            )
        );
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(parse(p, &deep).is_err(), "deep nesting is refused, not a stack overflow");
        let dir = tempfile::tempdir().unwrap();
        let newer = dir.path().join("newer.ron");
        let text = "(schema_version: 99, title: \"from the future\")";
        std::fs::write(&newer, text).unwrap();
        let err = save(&newer, &default_workspace()).unwrap_err();
        let newer_than = format!("schema version 99, newer than the version {SCHEMA_VERSION}");
        assert!(err.to_string().contains(&newer_than), "{err}");
        assert_eq!(std::fs::read_to_string(&newer).unwrap(), text, "never overwritten");
        assert!(!data_path_for(&newer).exists(), "nor its data file written");
        let err = load(Path::new("/nonexistent/w.ron")).unwrap_err();
        assert!(err.to_string().starts_with("/nonexistent/w.ron: cannot read the workspace"));
    }
}
