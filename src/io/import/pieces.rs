//! A block's bytes validated as UTF-8 piece by piece, just ahead of the rows being read.
//!
//! A block is 4 MB, more than a core's L2 cache (1 MB here): validated whole before its rows
//! are read, it went through the cache twice, from the other core's (which read it from the
//! file) or from memory. A piece of [`PIECE_BYTES`] is validated and then read while it is
//! still in the cache. Pieces end right after a line feed (or at the block's end), so a piece
//! boundary is a character boundary, and a row that is one line lies within one piece.
//!
//! Exact: the pieces are contiguous from the block's start, and every byte of the block is
//! in a validated piece before the block counts as read ([`Pieces::rest`]), so a block is
//! taken exactly when the whole of it is UTF-8 (validating pieces cut after an ASCII byte is
//! validating the whole).

/// Most bytes validated at a time (about 700 Comtrade rows). A block is cut into at least
/// four pieces, so that the block reader's tests, which cut files into small blocks, have
/// rows in every place of a piece too.
const PIECE_BYTES: usize = 256 << 10;

/// The validated piece that holds the row being read.
pub(super) struct Pieces<'a> {
    input: &'a [u8],
    /// Bytes a piece has (before it is taken on to its line feed).
    size: usize,
    /// Where the piece starts in the block.
    pub start: usize,
    /// Where it ends (exclusive).
    pub end: usize,
    /// The piece.
    pub text: &'a str,
}

impl<'a> Pieces<'a> {
    /// Before the first piece of `input`.
    pub fn new(input: &'a [u8]) -> Self {
        let size = (input.len() / 4).clamp(16, PIECE_BYTES);
        Self { input, size, start: 0, end: 0, text: "" }
    }

    /// Moves on to the piece holding byte `pos` (validating every piece up to it); `None` when
    /// a piece is not UTF-8.
    #[inline]
    pub fn reach(&mut self, pos: usize) -> Option<()> {
        while pos >= self.end && self.end < self.input.len() {
            self.next()?;
        }
        Some(())
    }

    /// Validates the bytes after the last piece; `None` when they are not UTF-8.
    pub fn rest(&mut self) -> Option<()> {
        self.reach(self.input.len())
    }

    fn next(&mut self) -> Option<()> {
        let start = self.end;
        let mut end = (start + self.size).min(self.input.len());
        if end < self.input.len() {
            end = memchr::memchr(b'\n', &self.input[end..]).map_or(self.input.len(), |i| end + i + 1);
        }
        self.text = simdutf8::basic::from_utf8(&self.input[start..end]).ok()?;
        (self.start, self.end) = (start, end);
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every piece ends after a line feed or at the end, and the pieces cover the block.
    #[test]
    fn pieces_cover_the_block_and_end_after_line_feeds() {
        let row = "a,Ünïcödé,€,b\n";
        let text: String = std::iter::repeat_n(row, 100_000).collect();
        let mut p = Pieces::new(text.as_bytes());
        let mut covered = String::new();
        while p.end < text.len() {
            let at = p.end;
            p.reach(at).unwrap();
            assert_eq!(p.start, at);
            assert!(p.end == text.len() || text.as_bytes()[p.end - 1] == b'\n');
            covered.push_str(p.text);
        }
        assert_eq!(covered, text);
        assert!(p.rest().is_some());
    }

    /// A byte that is not UTF-8 anywhere is found, whichever piece it falls in; a character
    /// cut by nothing else is never cut by a piece's end.
    #[test]
    fn bad_bytes_are_found_in_any_piece() {
        let row = "a,Ünïcödé,b\n".as_bytes();
        let mut bytes: Vec<u8> = row.iter().copied().cycle().take(row.len() * 80_000).collect();
        assert!(Pieces::new(&bytes).rest().is_some());
        for at in [0, 5, PIECE_BYTES - 1, PIECE_BYTES + 3, bytes.len() / 2, bytes.len() - 1] {
            let keep = bytes[at];
            bytes[at] = 0xFF;
            assert!(Pieces::new(&bytes).rest().is_none(), "bad byte at {at}");
            bytes[at] = keep;
        }
    }
}
