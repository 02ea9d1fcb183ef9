//! The block reader's fast path: one row split into fields where they lie in the block, 64
//! bytes at a time, without copying a byte.
//!
//! csv-core (what the csv crate is built on) walks every byte of every field through its state
//! machine and copies the field into an output buffer. A UN Comtrade download has 47 quoted
//! fields a row, 14 of them used; most rows are "plain": every field is either free of quotes,
//! or a quote, text without quotes, a quote. For such a row the fields are found from two bit
//! masks per 64 bytes (where the quotes are, where the delimiters are), the quotes' running
//! parity telling which delimiters are inside quotes. Only where each field ends is kept (one
//! number a field, set bit by set bit); a field's quotes are taken off when the parser asks for
//! it, which it does for the few columns it reads (see [`split_row`], [`SplitRecord`]).
//!
//! Exactness: [`split_row`] accepts a row only when csv-core, configured as the importer
//! configures it (quote `"`, doubled quotes, CR, LF or CRLF ending a record), provably reads the
//! same fields from it: the row lies on one line; a CR only right before its LF; every quote is
//! the first or last byte of a field that both starts and ends with one (checked on the masks
//! themselves: every opening quote follows a delimiter outside quotes, every closing quote
//! precedes one, across the 64-byte steps; a test holds this to the byte-at-a-time rule and to
//! the csv crate on 40,000 random rows). Anything else — a
//! doubled quote, a quote inside a field, a line break inside quotes, a lone CR, CR CR LF, the
//! last row without a line break — is declined, and the caller reads that one record with
//! csv-core itself, so those rows, their line numbers and what the report says of them are
//! exactly what the csv crate gives. Ragged rows, repeated headers and blank rows are plain
//! rows as far as splitting goes: the same [`super::accounts::Accounts::take`] handles them
//! whichever way the row was split.
//!
//! The masks are computed 16 bytes at a time with SSE2 compares (on every x86-64 CPU; NEON on
//! ARM, plain code elsewhere) through the `wide` crate, which wraps them safely: no `unsafe`
//! here, no CPU detection. `memchr` (SIMD) finds the line end and any CR.

use wide::u8x16;

use super::parser::Cells;

/// A row split by [`split_row`]: the block's text, where the row starts, and where each of
/// its fields ends (the delimiter after it, or the row's end). A field that starts with a
/// quote is quoted (`split_row` took the row only if so) and read without its quotes.
pub(super) struct SplitRecord<'a> {
    pub text: &'a str,
    pub start: usize,
    pub ends: &'a [usize],
}

impl Cells for SplitRecord<'_> {
    #[inline]
    fn cell(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { self.start } else { self.ends[i - 1] + 1 };
        let bytes = self.text.as_bytes();
        if end >= start + 2 && bytes[start] == b'"' {
            self.text.get(start + 1..end - 1)
        } else {
            self.text.get(start..end)
        }
    }

    #[inline]
    fn len(&self) -> usize {
        self.ends.len()
    }
}

impl SplitRecord<'_> {
    /// Whether every cell is empty or white space (as csv-core's record of the same row).
    pub fn is_blank(&self) -> bool {
        (0..self.ends.len()).all(|i| self.cell(i).is_none_or(|c| super::parser::trim(c).is_empty()))
    }
}

/// Whether [`split_row`] can be used with this delimiter at all.
pub(super) fn usable_delimiter(delimiter: u8) -> bool {
    !matches!(delimiter, b'"' | b'\r' | b'\n')
}

/// Most fields a row split here may have; a wider row is declined (csv-core reads it, and
/// the importer's column limit applies there).
pub(super) const MAX_SPLIT_FIELDS: usize = 1024;

/// Where the fields of the row last split end (see [`split_row`]): a buffer of fixed size.
pub(super) struct Ends {
    buf: Vec<usize>,
    len: usize,
}

impl Default for Ends {
    fn default() -> Self {
        Self { buf: vec![0; MAX_SPLIT_FIELDS], len: 0 }
    }
}

impl Ends {
    /// The ends of the row's fields.
    #[inline]
    pub fn as_slice(&self) -> &[usize] {
        self.buf.get(..self.len).unwrap_or_default()
    }
}

/// Splits the row starting at `start` (the first byte of a record, not a line end): `ends`
/// gets where each field ends; returns where the next record starts (after the row's LF), or
/// `None` when the row is not plain (see the module's documentation) or has more than
/// [`MAX_SPLIT_FIELDS`] fields, and must be read with csv-core.
///
/// Plain, in terms of the masks: with the quotes' running parity (a quote opens when it is
/// the first, third… of the row, and closes otherwise), every opening quote follows a
/// delimiter outside quotes or starts the row, every closing quote is followed by one or ends
/// the row, and the row does not end inside quotes. Then every field is either free of quotes
/// or a quote, text without quotes, a quote: the only fields csv-core reads as they lie.
#[inline]
pub(super) fn split_row(input: &[u8], start: usize, delimiter: u8, ends: &mut Ends) -> Option<usize> {
    let newline = start + memchr::memchr(b'\n', input.get(start..)?)?;
    let end = if newline > start && input[newline - 1] == b'\r' { newline - 1 } else { newline };
    if memchr::memchr(b'\r', &input[start..end]).is_some() {
        return None;
    }
    ends.len = 0;
    let mut n = 0;
    // All ones while inside quotes at the end of the previous 64 bytes.
    let mut carry = 0u64;
    // Bit 0: the byte before these 64 is a delimiter outside quotes, or they start the row.
    let mut after_separator = 1u64;
    // A closing quote ended the previous 64 bytes: these must start with a delimiter.
    let mut closing_at_edge = false;
    let mut at = start;
    while at < end {
        let (q, d) = masks(input, at, delimiter);
        let left = end - at;
        let live = if left >= 64 { u64::MAX } else { (1u64 << left) - 1 };
        let (q, d) = (q & live, d & live);
        let inside = prefix_xor(q) ^ carry;
        carry = if inside >> 63 == 1 { u64::MAX } else { 0 };
        let separators = d & !inside;
        if closing_at_edge && separators & 1 == 0 {
            return None;
        }
        // Opening quotes right after a separator (or the row's start); closing quotes right
        // before one (or the row's end, or the next 64 bytes, checked there).
        let opening = q & inside;
        let closing = q & !inside;
        let row_end = if left <= 64 { 1u64 << (left - 1) } else { 0 };
        if opening & !(separators << 1 | after_separator) != 0
            || closing & !(separators >> 1 | row_end | 1 << 63) != 0
        {
            return None;
        }
        closing_at_edge = left > 64 && closing >> 63 == 1;
        after_separator = separators >> 63;
        n = flatten(separators, at, &mut ends.buf, n)?;
        at += 64;
    }
    *ends.buf.get_mut(n)? = end;
    ends.len = n + 1;
    (carry == 0).then_some(newline + 1)
}

/// Writes the positions `at + k` of the set bits k of `bits`, in order, into `buf` from
/// index `n`; returns the new count, or `None` when `buf` is full (more than
/// [`MAX_SPLIT_FIELDS`] fields). The count stays in a register: a `Vec::push` a field stored
/// the length and checked the capacity each time.
#[inline]
fn flatten(mut bits: u64, at: usize, buf: &mut [usize], mut n: usize) -> Option<usize> {
    while bits != 0 {
        *buf.get_mut(n)? = at + bits.trailing_zeros() as usize;
        n += 1;
        bits &= bits - 1;
    }
    Some(n)
}

/// Bit masks of the quotes and of the delimiters among the 64 bytes from `at` (bit k for byte
/// `at + k`; bytes past the end of `input` count as neither).
#[inline]
fn masks(input: &[u8], at: usize, delimiter: u8) -> (u64, u64) {
    if let Some(chunk) = input.get(at..at + 64) {
        return eq_masks(chunk, b'"', delimiter);
    }
    let mut padded = [0u8; 64];
    let rest = input.get(at..).unwrap_or_default();
    padded[..rest.len()].copy_from_slice(rest);
    // A zero byte is neither a quote nor a usable delimiter.
    eq_masks(&padded, b'"', delimiter)
}

/// Bit k set where byte k of the 64 bytes of `chunk` equals `a` (the first mask) or `b` (the
/// second): 16 bytes a compare, each compare's lanes gathered into 16 bits (SSE2 `pcmpeqb`
/// and `pmovmskb`).
#[inline]
fn eq_masks(chunk: &[u8], a: u8, b: u8) -> (u64, u64) {
    let (a, b) = (u8x16::splat(a), u8x16::splat(b));
    let (mut ma, mut mb) = (0u64, 0u64);
    for (k, lanes) in chunk.chunks_exact(16).take(4).enumerate() {
        let mut bytes = [0u8; 16];
        bytes.copy_from_slice(lanes);
        let v = u8x16::new(bytes);
        ma |= u64::from(v.simd_eq(a).to_bitmask()) << (16 * k);
        mb |= u64::from(v.simd_eq(b).to_bitmask()) << (16 * k);
    }
    (ma, mb)
}

/// Bit k is the parity of the bits 0..=k of `x`: inside quotes from an opening quote up to
/// (not including) its closing one.
#[inline]
fn prefix_xor(mut x: u64) -> u64 {
    x ^= x << 1;
    x ^= x << 2;
    x ^= x << 4;
    x ^= x << 8;
    x ^= x << 16;
    x ^= x << 32;
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(row: &str) -> Option<Vec<String>> {
        let mut ends = Ends::default();
        let next = split_row(row.as_bytes(), 0, b',', &mut ends)?;
        assert_eq!(row.as_bytes()[next - 1], b'\n');
        let rec = SplitRecord { text: row, start: 0, ends: ends.as_slice() };
        Some((0..rec.len()).map(|i| rec.cell(i).unwrap_or("?").to_owned()).collect())
    }

    #[test]
    fn masks_find_every_byte() {
        let bytes: Vec<u8> =
            (0..64u8).map(|i| if i % 5 == 0 { b'"' } else { i.wrapping_mul(37) | 0x80 }).collect();
        let want: u64 = (0..64).filter(|i| i % 5 == 0).map(|i| 1u64 << i).sum();
        let commas: u64 = (0..64).filter(|i| i % 5 == 3).map(|i| 1u64 << i).sum();
        let mut both = bytes.clone();
        for i in (3..64).step_by(5) {
            both[i] = b',';
        }
        assert_eq!(eq_masks(&both, b'"', b','), (want, commas));
        assert_eq!(eq_masks(&[b','; 64], b'"', b','), (0, u64::MAX));
        assert_eq!(eq_masks(&[0x2c ^ 0x80; 64], b'"', b','), (0, 0));
        assert_eq!(prefix_xor(0b1001), 0b0111);
    }

    #[test]
    fn plain_rows_split_as_csv_reads_them() {
        assert_eq!(split("a,b,,c\n").unwrap(), ["a", "b", "", "c"]);
        assert_eq!(split("\"a,b\",\"\",c\r\n").unwrap(), ["a,b", "", "c"]);
        let long = format!("\"{}\",\"x,y\",{}\n", "z".repeat(70), "w,".repeat(40));
        let fields = split(&long).unwrap();
        assert_eq!(fields.len(), 43);
        assert_eq!(
            (fields[0].len(), fields[1].as_str(), fields[41].as_str(), fields[42].as_str()),
            (70, "x,y", "w", "")
        );
    }

    /// The rule of the module's documentation, one byte at a time: fields cut at delimiters
    /// outside quotes; plain when every quote is the first or last byte of a field that starts
    /// and ends with one (quotes = 2 × such fields), and no CR but the one before the LF.
    fn plain_by_bytes(row: &[u8]) -> bool {
        let Some(newline) = row.iter().position(|&b| b == b'\n') else { return false };
        let end = if newline > 0 && row[newline - 1] == b'\r' { newline - 1 } else { newline };
        let line = &row[..end];
        if line.contains(&b'\r') {
            return false;
        }
        let (mut inside, mut quotes, mut quoted, mut field) = (false, 0, 0, 0);
        for i in 0..=line.len() {
            if i == line.len() || (line[i] == b',' && !inside) {
                let f = &line[field..i];
                if f.len() >= 2 && f[0] == b'"' && f[f.len() - 1] == b'"' {
                    quoted += 1;
                }
                field = i + 1;
            } else if line[i] == b'"' {
                inside = !inside;
                quotes += 1;
            }
        }
        quotes == 2 * quoted
    }

    #[test]
    fn random_rows_split_as_the_rule_and_csv_say() {
        // Rows of up to 300 bytes from a few bytes, quotes often: quotes, delimiters and row
        // ends fall on every position of the 64-byte steps.
        let mut x = 0x853c_49e6_748f_ea9bu64;
        let mut next = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        let (mut taken, mut declined) = (0, 0);
        for _ in 0..40_000 {
            let len = next(300) as usize;
            let mut row: Vec<u8> = (0..len).map(|_| b"aa,,\"\" xy\r"[next(10) as usize]).collect();
            // Mostly well-formed quoted fields, so that many rows are plain.
            if next(2) == 0 {
                row.retain(|&b| b != b'"' && b != b'\r');
                let fields: Vec<&[u8]> = row.split(|&b| b == b',').collect();
                row = fields
                    .iter()
                    .map(|f| if next(3) == 0 { f.to_vec() } else { [&b"\""[..], f, b"\""].concat() })
                    .collect::<Vec<_>>()
                    .join(&b',');
            }
            row.extend_from_slice(if next(2) == 0 { b"\r\n" } else { b"\n" });
            if matches!(row[0], b'\r' | b'\n') {
                continue; // not a record's first byte: the caller passes line ends over
            }
            let text = String::from_utf8(row.clone()).unwrap();
            let mut ends = Ends::default();
            let got = split_row(&row, 0, b',', &mut ends);
            assert_eq!(got.is_some(), plain_by_bytes(&row), "{text:?}");
            if got.is_none() {
                declined += 1;
                continue;
            }
            taken += 1;
            let rec = SplitRecord { text: &text, start: 0, ends: ends.as_slice() };
            let fields: Vec<&str> = (0..rec.len()).map(|i| rec.cell(i).unwrap()).collect();
            let mut reader =
                csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(row.as_slice());
            let want = reader.records().next().unwrap().unwrap();
            assert_eq!(fields, want.iter().collect::<Vec<_>>(), "{text:?}");
        }
        assert!(taken > 10_000 && declined > 10_000, "{taken} {declined}");
    }

    #[test]
    fn declines_what_csv_core_must_read() {
        for row in [
            "a,\"b\"\"c\",d\n", // a doubled quote
            "a,b\"c,d\n",       // a quote inside a field
            "a,\"b\nc\",d\n",   // a line break inside quotes
            "a,b\rc,d\n",       // a lone CR
            "a,b\r\r\n",        // CR CR LF
            "a,\"b\" ,c\n",     // text after a closing quote
            "a,\",b\n",         // a lone quote
            "a,b",              // no line break
        ] {
            assert_eq!(split(row), None, "{row:?}");
        }
    }

    #[test]
    fn rows_wider_than_the_split_limit_are_declined() {
        for fields in [1, 9, 63, 64, 65, 500, MAX_SPLIT_FIELDS - 1, MAX_SPLIT_FIELDS] {
            let row = format!("{}\n", vec!["\"ab\""; fields].join(","));
            let got = split(&row).unwrap_or_else(|| panic!("{fields} fields"));
            assert_eq!(got.len(), fields);
            assert!(got.iter().all(|f| f == "ab"));
        }
        for fields in [MAX_SPLIT_FIELDS + 1, MAX_SPLIT_FIELDS + 40, 3000] {
            assert_eq!(split(&format!("{}\n", vec!["x"; fields].join(","))), None, "{fields} fields");
        }
    }
}
