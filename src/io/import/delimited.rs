//! Delimited text: CSV with commas or semicolons, tab-separated text (Excel's "Unicode text"
//! is UTF-16 with tabs), in any encoding [`crate::io::text::decode`] recognises.

use super::{ImportError, ImportOptions, Item, MAX_COLUMNS, MAX_LINE_BYTES, RawRow, SkippedRow, SourceMeta};
use crate::io::text;
use crate::reason;

/// Reads delimited text.
pub(super) fn import(
    file: &str,
    bytes: &[u8],
    options: &ImportOptions,
    progress: &super::Progress,
) -> Result<super::Imported, ImportError> {
    if let Some((line, len)) = longest_line_over(bytes, MAX_LINE_BYTES) {
        return Err(ImportError::Oversized {
            file: file.to_owned(),
            line,
            what: reason!(
                "row-line-too-long",
                size = (len >> 20).to_string(),
                max = (MAX_LINE_BYTES >> 20).to_string()
            ),
        });
    }
    let decoded = text::decode(bytes);
    if looks_binary(&decoded.text) {
        return Err(ImportError::NotATable { file: file.to_owned(), reason: reason!("file-not-text") });
    }
    let (content, hint_lines, delimiter) = hint_and_delimiter(&decoded.text);
    let meta = meta(decoded.encoding, delimiter, content);
    let reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(content.as_bytes());
    let rows = Rows {
        file,
        reader,
        record: csv::StringRecord::new(),
        lines: LineCounter::new(content.as_bytes(), 1 + hint_lines),
        done: false,
    };
    super::run_with_progress(file, &meta, rows, options, progress)
}

/// The text below Excel's "sep=;" hint line if there is one, the number of hint lines (0 or
/// 1), and the delimiter: the hinted one, else the one [`sniff_delimiter`] finds.
pub(super) fn hint_and_delimiter(content: &str) -> (&str, u64, u8) {
    let (content, hint_lines, hinted) = match content.split_once('\n') {
        Some((first, rest)) if first.trim().len() == 5 && first.trim().starts_with("sep=") => {
            (rest, 1, first.trim().as_bytes().get(4).copied())
        }
        _ => (content, 0, None),
    };
    (content, hint_lines, hinted.unwrap_or_else(|| sniff_delimiter(content)))
}

/// What the report says of a text file read with this encoding and delimiter.
/// `content` is the text below any hint line; its first 64 KiB are looked at for line ends.
pub(super) fn meta(encoding: &'static str, delimiter: u8, content: &str) -> SourceMeta {
    let kind = if encoding.starts_with("UTF-16") && delimiter == b'\t' {
        reason!("source-excel-unicode", encoding = encoding)
    } else if delimiter == b'\t' {
        reason!("source-tsv", encoding = encoding)
    } else {
        reason!("source-csv", encoding = encoding)
    };
    let start = &content.as_bytes()[..content.len().min(64 << 10)];
    let notes =
        memchr::memmem::find(start, b"\r\r\n").map(|_| reason!("note-cr-cr-lf")).into_iter().collect();
    SourceMeta {
        kind,
        encoding,
        delimiter: Some(char::from(delimiter)),
        sheets: Vec::new(),
        sheet: None,
        notes,
    }
}

/// The first line longer than `max` bytes, with its 1-based number and length.
fn longest_line_over(bytes: &[u8], max: usize) -> Option<(u64, usize)> {
    (1u64..).zip(bytes.split(|&b| b == b'\n')).find(|(_, chunk)| chunk.len() > max).map(|(l, c)| (l, c.len()))
}

/// Text with many control characters (NUL, other C0 codes) is binary data.
pub(super) fn looks_binary(text: &str) -> bool {
    let sample: Vec<char> = text.chars().take(8192).collect();
    let control =
        sample.iter().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')).count();
    !sample.is_empty() && control * 20 > sample.len()
}

struct Rows<'a> {
    file: &'a str,
    reader: csv::Reader<&'a [u8]>,
    record: csv::StringRecord,
    lines: LineCounter<'a>,
    done: bool,
}

impl Iterator for Rows<'_> {
    type Item = Result<Item, ImportError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let start = self.reader.position().byte();
        match self.reader.read_record(&mut self.record) {
            Ok(false) => {
                self.done = true;
                None
            }
            Ok(true) => {
                let line = self.lines.line_at(self.record.position().map_or(start, csv::Position::byte));
                if self.record.len() > MAX_COLUMNS {
                    self.done = true;
                    return Some(Err(ImportError::Oversized {
                        file: self.file.to_owned(),
                        line,
                        what: reason!(
                            "row-too-wide",
                            count = self.record.len().to_string(),
                            max = MAX_COLUMNS.to_string()
                        ),
                    }));
                }
                Some(Ok(Item::Row(RawRow { line, cells: self.record.clone() })))
            }
            Err(e) => {
                let line = self.lines.line_at(e.position().map_or(start, csv::Position::byte));
                Some(Ok(Item::Bad(SkippedRow {
                    line,
                    column: None,
                    reason: reason!("row-not-csv", error = e.to_string()),
                })))
            }
        }
    }
}

/// Line numbers (1-based) of byte offsets that only ever increase.
pub(super) struct LineCounter<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    pub(super) fn new(bytes: &'a [u8], first_line: u64) -> Self {
        Self { bytes, offset: 0, line: first_line }
    }

    /// Moves past a record that [`Self::line_at`] was just asked about and that ends with the
    /// only line feed in it, at `end - 1`: its bytes need not be counted again.
    pub(super) fn past_one_line(&mut self, end: usize) {
        if end > self.offset && end <= self.bytes.len() {
            self.offset = end;
            self.line += 1;
        }
    }

    pub(super) fn line_at(&mut self, byte: u64) -> u64 {
        let mut target = usize::try_from(byte).unwrap_or(usize::MAX).min(self.bytes.len());
        // With CRLF the csv crate reports a record as starting at the LF before it; a record
        // starts after any line-end bytes.
        while target < self.bytes.len() && matches!(self.bytes[target], b'\n' | b'\r') {
            target += 1;
        }
        if target > self.offset {
            self.line += self.bytes[self.offset..target].iter().filter(|&&b| b == b'\n').count() as u64;
            self.offset = target;
        }
        self.line
    }
}

/// The delimiter that splits the first lines most consistently: for each candidate, the
/// number of lines sharing its most common non-zero count (outside quotes); ties go to the
/// larger count, then to the comma. Title lines above the header do not disturb it.
pub(super) fn sniff_delimiter(content: &str) -> u8 {
    const CANDIDATES: [u8; 3] = [b',', b';', b'\t'];
    let lines: Vec<&str> = content.lines().filter(|l| !l.trim().is_empty()).take(40).collect();
    let mut best = (0usize, 0usize, b',');
    for (i, &d) in CANDIDATES.iter().enumerate() {
        let mut freq: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
        for line in &lines {
            let n = count_outside_quotes(line, d);
            if n > 0 {
                *freq.entry(n).or_default() += 1;
            }
        }
        let (count, lines_with) =
            freq.iter().max_by_key(|(n, l)| (**l, **n)).map_or((0, 0), |(n, l)| (*n, *l));
        let score = (lines_with, count);
        if score > (best.0, best.1) || (i == 0 && best.0 == 0) {
            best = (lines_with, count, d);
        }
    }
    best.2
}

fn count_outside_quotes(line: &str, d: u8) -> usize {
    let mut quoted = false;
    let mut n = 0;
    for b in line.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if b == d && !quoted {
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_delimiters_below_title_lines() {
        assert_eq!(sniff_delimiter("a,b,c"), b',');
        assert_eq!(sniff_delimiter("a;b;\"c,d\""), b';');
        assert_eq!(sniff_delimiter("a\tb\tc"), b'\t');
        assert_eq!(sniff_delimiter("single"), b',');
        let semicolons = "Экспорт, тыс. долл. США\n\nСтрана;январь 2018;февраль 2018\nКазахстан;1 234,5;2 000,1\nРоссия;5,5;6,5\n";
        assert_eq!(sniff_delimiter(semicolons), b';');
    }

    #[test]
    fn finds_overlong_lines() {
        assert_eq!(longest_line_over(b"ab\nabcdef\nx", 4), Some((2, 6)));
        assert_eq!(longest_line_over(b"ab\nabc", 4), None);
    }
}
