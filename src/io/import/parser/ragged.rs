//! Rows wider than the header in a known layout (UN Comtrade current and legacy, the long
//! format). Some tools write a name with commas without quoting it as CSV wants, so that it
//! spills into the next fields: `"""Areas"," nes"""` is read as the two fields `"Areas` and
//! ` nes"`, and every column after it moves one place right. Such a row is repaired only when
//! the extra fields can belong to one place: the spilled pieces open and close a quote (or,
//! without quotes, join into a name Comtrade is known to use), they land in text columns, and
//! every other column then holds what it should (no quotes or spaces inside a code or a
//! number, and the row reads). Any other row wider than the header is skipped with its field
//! count; columns are never shifted silently.

use super::{Cells, RowParser};
use crate::io::import::Format;

/// Columns holding free text (names and descriptions), by layout.
fn text_columns(format: Format) -> &'static [&'static str] {
    match format {
        Format::Long => &["reporter", "partner", "commodity_name"],
        Format::Comtrade => &[
            "reporterdesc",
            "partnerdesc",
            "partner2desc",
            "flowdesc",
            "cmddesc",
            "customsdesc",
            "mosdesc",
            "motdesc",
            "qtyunitabbr",
            "altqtyunitabbr",
        ],
        Format::ComtradeLegacy => &[
            "period desc.",
            "trade flow",
            "reporter",
            "partner",
            "2nd partner",
            "customs",
            "mode of transport",
            "commodity",
            "qty unit",
            "alt qty unit",
        ],
        Format::Wide | Format::Mapped => &[],
    }
}

/// Whether a column of a known layout holds free text.
pub(super) fn is_text_column(format: Format, header: &str) -> bool {
    let n = header.trim().trim_start_matches('\u{feff}').to_lowercase();
    text_columns(format).contains(&n.as_str())
}

/// Names with commas that UN Comtrade uses for partners and SITC sections: a row whose extra
/// fields join into one of these (without any quotes to show where the name starts and ends)
/// is repaired.
const KNOWN_NAMES: &[&str] = &[
    "areas, nes",
    "china, hong kong sar",
    "china, macao sar",
    "other asia, nes",
    "other africa, nes",
    "other europe, nes",
    "oceania, nes",
    "caribbean, nes",
    "laia, nes",
    "cacm, nes",
    "rest of america, nes",
    "north america and central america, nes",
    "northern africa, nes",
    "western asia, nes",
    "eastern europe, nes",
    "europe eu, nes",
    "europe efta, nes",
    "bonaire, sint eustatius and saba",
    "saint helena, ascension and tristan da cunha",
    "crude materials, inedible, except fuels",
    "mineral fuels, lubricants and related materials",
    "animal and vegetable oils, fats and waxes",
    "chemicals and related products, n.e.s.",
];

/// What the width of a row says.
pub(crate) enum Width {
    /// No wider than the header (empty cells past its end aside).
    Fits,
    /// Names split at their commas, joined back: the row as it should have been, and the
    /// names joined.
    Repaired {
        /// The row with every name in one field.
        record: csv::StringRecord,
        /// The names that were joined, as they now read.
        names: Vec<String>,
    },
    /// Wider than the header, and the extra fields cannot be put back in one way only.
    TooWide {
        /// Fields in the row (empty ones at its end aside).
        fields: usize,
        /// Fields in the header.
        header: usize,
        /// Cells before this index are where they belong (before any spilled name).
        safe_prefix: usize,
    },
}

impl RowParser {
    /// Checks the row's width against the header's and repairs names split at their commas.
    #[inline]
    pub(crate) fn check_width<R: Cells + ?Sized>(&self, rec: &R, line: u64) -> Width {
        if rec.len() <= self.header_width || self.text_columns.is_empty() {
            return Width::Fits;
        }
        let mut n = rec.len();
        while n > self.header_width && rec.cell(n - 1).is_some_and(|c| super::trim(c).is_empty()) {
            n -= 1;
        }
        if n <= self.header_width {
            return Width::Fits;
        }
        self.rejoin(rec, n, line)
    }

    fn rejoin<R: Cells + ?Sized>(&self, rec: &R, n: usize, line: u64) -> Width {
        let cells: Vec<&str> = (0..n).map(|i| rec.cell(i).unwrap_or("")).collect();
        let first_quote = cells.iter().position(|c| c.contains('"'));
        let too_wide = Width::TooWide {
            fields: n,
            header: self.header_width,
            safe_prefix: first_quote
                .unwrap_or_else(|| self.text_columns.iter().position(|t| *t).unwrap_or(0)),
        };
        let repaired = if first_quote.is_some() {
            self.rejoin_quoted(&cells, line)
        } else {
            self.rejoin_known_name(&cells, line)
        };
        repaired.unwrap_or(too_wide)
    }

    /// Joins each run of fields from one that opens a quote to the next that closes one.
    fn rejoin_quoted(&self, cells: &[&str], line: u64) -> Option<Width> {
        let mut out: Vec<String> = Vec::with_capacity(self.header_width);
        let mut names = Vec::new();
        let mut i = 0;
        while i < cells.len() {
            let t = cells[i].trim();
            let opens = t.starts_with('"') && !(t.len() > 1 && t.ends_with('"'));
            let close =
                if opens { (i + 1..cells.len()).find(|&j| cells[j].trim_end().ends_with('"')) } else { None };
            match close {
                Some(j) => {
                    if !self.text_columns.get(out.len()).copied().unwrap_or(false) {
                        return None;
                    }
                    let joined = cells[i..=j].join(",");
                    let name = joined.trim().trim_start_matches('"').trim_end_matches('"').trim().to_owned();
                    names.push(name.clone());
                    out.push(name);
                    i = j + 1;
                }
                None => {
                    out.push(cells[i].to_owned());
                    i += 1;
                }
            }
        }
        let record = csv::StringRecord::from(out);
        self.reads_as_repaired(&record, line).then_some(Width::Repaired { record, names })
    }

    /// Without quotes: the extra fields join, at exactly one text column, into a known name.
    fn rejoin_known_name(&self, cells: &[&str], line: u64) -> Option<Width> {
        let extra = cells.len() - self.header_width;
        let mut found = None;
        for c in (0..self.header_width).filter(|&c| self.text_columns[c]) {
            let joined = cells[c..=c + extra].join(",");
            let name = joined.trim();
            if !KNOWN_NAMES.contains(&name.to_lowercase().as_str()) {
                continue;
            }
            let mut out: Vec<String> = cells[..c].iter().map(|s| (*s).to_owned()).collect();
            out.push(name.to_owned());
            out.extend(cells[c + extra + 1..].iter().map(|s| (*s).to_owned()));
            let record = csv::StringRecord::from(out);
            if self.reads_as_repaired(&record, line) {
                if found.is_some() {
                    return None; // two places fit: ambiguous
                }
                found = Some(Width::Repaired { record, names: vec![name.to_owned()] });
            }
        }
        found
    }

    /// Whether a rejoined row has the header's width, nothing but codes and numbers outside
    /// the text columns, and reads.
    fn reads_as_repaired(&self, record: &csv::StringRecord, line: u64) -> bool {
        record.len() == self.header_width
            && record.iter().zip(&self.text_columns).all(|(cell, text)| {
                *text || {
                    let t = cell.trim();
                    !t.contains('"') && !t.contains(char::is_whitespace)
                }
            })
            && self.parse_ref(record, line).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use crate::io::import::{ImportReport, import_bytes};

    const HEADER: &str = "Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,\
        Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,\
        Commodity,Trade Value (US$),Flag,\n";

    fn report(rows: &str) -> ImportReport {
        import_bytes("r.csv", format!("{HEADER}{rows}").as_bytes()).unwrap().report
    }

    #[test]
    fn joins_names_whose_quotes_were_doubled() {
        let r = report(concat!(
            "S3,2018,2018,2018,1,0,2,Export,112,Belarus,BLR,0,World,WLD,TOTAL,All,100,0,\n",
            "S3,2018,2018,2018,1,0,2,Export,112,Belarus,BLR,899,\"\"\"Areas\",\" nes\"\"\",,2,",
            "\"\"\"Crude materials\",\" inedible\",\" except fuels\"\"\",40,0,\n",
        ));
        assert_eq!((r.rows_read, r.rows_used, r.rows_skipped), (2, 2, 0), "{r:?}");
        assert_eq!(r.rows_repaired, 1);
        assert_eq!(r.repaired[0].names, ["Areas, nes", "Crude materials, inedible, except fuels"]);
    }

    #[test]
    fn an_unquoted_known_name_is_joined_and_an_unknown_one_is_not() {
        let r = report(concat!(
            "S3,2018,2018,2018,1,0,2,Export,112,Belarus,BLR,344,China, Hong Kong SAR,HKG,TOTAL,All,7,0,\n",
            "S3,2018,2018,2018,1,0,2,Export,112,Belarus,BLR,999,Some, Place,SPL,TOTAL,All,8,0,\n",
        ));
        assert_eq!((r.rows_used, r.rows_skipped, r.rows_repaired), (1, 1, 1), "{r:?}");
        assert_eq!(r.skipped[0].reason, "19 fields where the header has 18");
        assert_eq!(r.skipped[0].line, 3);
    }
}
