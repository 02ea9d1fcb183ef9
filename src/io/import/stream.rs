//! Large UTF-8 text tables read in blocks and parsed on several threads, with bounded memory.
//!
//! The result is the one the whole-file reader ([`super::delimited`]) gives, row for row and
//! line for line; this module only decides how the work is split. It reads the top of the
//! file, recognises the layout exactly as the whole-file reader does, then hands blocks that
//! end at a line break outside quotes to parser threads and joins their partial datasets and
//! row accounts in file order. Whenever that equivalence cannot be shown cheaply — another
//! encoding, bytes that are not UTF-8, a layout that numbers rows in order of appearance (wide
//! tables), a header it does not know, an overlong line, a block that turns out to end inside a
//! quoted field — it steps aside and the whole-file reader does the job (see [`Outcome`]).
//!
//! Memory: at most a few blocks are in flight, so a 330 MB file is read with tens of MB
//! besides the dataset itself.
//!
//! This file is longer than the others on purpose: the cutting into blocks, the workers and
//! the joining in order are one protocol (a change to one side breaks the others), and its
//! tests cut varied files into blocks of every size right beside it.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::Read;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, SyncSender, channel, sync_channel};

use super::accounts::Accounts;
use super::delimited::{self, LineCounter};
use super::parser::{Cells, RowParser};
use super::pieces::Pieces;
use super::split;
use super::{
    HEADER_SEARCH_ROWS, ImportError, ImportOptions, ImportReport, Imported, MAX_COLUMNS, MAX_LINE_BYTES,
    PROGRESS_ROWS, Progress, RawRow,
};
use crate::model::dataset::{Dataset, Handed, IdMap, TakenRows};

/// Bytes read for recognising the file (the header search and delimiter sniffing look at the
/// first 30 to 40 rows).
const HEAD_BYTES: usize = 1 << 20;

/// Bytes read at a time and handed to a parser thread.
const BLOCK_BYTES: usize = 4 << 20;

/// A block that finds no line break outside quotes within this many bytes is left to the
/// whole-file reader (a stray quote makes every later line look quoted).
const MAX_CARRY_BYTES: usize = 64 << 20;

/// What the block reader made of a file. Made once per file, so the size difference between
/// the variants does not matter.
#[allow(clippy::large_enum_variant)]
pub(super) enum Outcome {
    /// The file was read (or refused) here.
    Done(Result<Imported, ImportError>),
    /// Not a file this reader takes on; the whole-file reader must read it.
    WholeFile,
}

/// One block of rows: whole records, starting at a record boundary.
struct Block {
    index: usize,
    /// Line number of the block's first byte.
    first_line: u64,
    bytes: Vec<u8>,
    /// Whether the block ends the file (the last record may lack a line break).
    last: bool,
}

/// What a parser thread made of a block.
struct Part {
    /// Bytes of the block the part was read from.
    bytes: usize,
    /// The block's accounts; the records are in `rows`.
    accounts: Accounts,
    /// The block's records, taken from the thread's dataset (see [`Dataset::take_rows`]).
    rows: TakenRows,
    /// Which parser thread: the [`IdMap`] the rows' ids go through.
    worker: usize,
}

/// A parsed block as a worker sends it back: its index, what it gave, and its buffer for the
/// reader to fill again (no new pages to fault in and zero for every block).
type Parsed = (usize, Result<Part, BlockError>, Vec<u8>);

/// Why a block was not turned into a [`Part`].
enum BlockError {
    /// An error for the user (too many columns, cancelled).
    Import(ImportError),
    /// The whole-file reader must take over.
    WholeFile,
    /// Not parsed: an earlier block already failed.
    Skipped,
}

/// Reads `path` (of `size` bytes, already checked against the size limit) if it is a UTF-8
/// table of a layout whose rows can be read independently.
pub(super) fn import(
    path: &std::path::Path,
    file: &str,
    options: &ImportOptions,
    progress: &Progress,
) -> std::io::Result<Outcome> {
    import_in_blocks(path, file, options, progress, Sizes { head: HEAD_BYTES, block: BLOCK_BYTES })
}

/// How much is read at a time (small in tests, to cut files into many blocks).
#[derive(Clone, Copy)]
struct Sizes {
    head: usize,
    block: usize,
}

fn import_in_blocks(
    path: &std::path::Path,
    file: &str,
    options: &ImportOptions,
    progress: &Progress,
    sizes: Sizes,
) -> std::io::Result<Outcome> {
    let mut f = File::open(path)?;
    let mut head = Vec::new();
    let eof = read_more(&mut f, &mut head, sizes.head, progress, |_| {})?;
    if progress.is_cancelled() {
        return Ok(Outcome::Done(Err(ImportError::Cancelled { file: file.to_owned() })));
    }
    let Some(top) = Top::recognise(file, &head, eof, options) else { return Ok(Outcome::WholeFile) };
    Ok(read_blocks(file, f, head, eof, &top, progress, sizes.block))
}

/// The top of the file, recognised: where the data rows start and how to read them.
struct Top {
    parser: RowParser,
    delimiter: u8,
    report: ImportReport,
    /// File offset where the csv reader continues after the header row.
    data_start: usize,
    /// Line number of the byte at `data_start`.
    data_line: u64,
}

impl Top {
    /// The header, layout and delimiter, found exactly as the whole-file reader finds them;
    /// `None` when this reader should not take the file on.
    fn recognise(file: &str, head: &[u8], eof: bool, options: &ImportOptions) -> Option<Self> {
        if super::workbook::kind(head).is_some() || head.contains(&0) {
            return None;
        }
        let bom = if head.starts_with(b"\xEF\xBB\xBF") {
            3
        } else if encoding_rs::Encoding::for_bom(head).is_some() {
            return None;
        } else {
            0
        };
        let cut = if eof { head.len() } else { memchr::memrchr(b'\n', head)? + 1 };
        let text = std::str::from_utf8(head.get(bom..cut)?).ok()?;
        // What the whole-file reader would look at must lie inside the head: 8192 characters
        // for binary data, 40 lines for the delimiter, 30 rows (and the start of one more,
        // which proves the 30th complete) for the header.
        if delimited::looks_binary(text) || (!eof && text.chars().nth(8192).is_none()) {
            return None;
        }
        let (content, hint_lines, delimiter) = delimited::hint_and_delimiter(text);
        if !eof && content.lines().filter(|l| !l.trim().is_empty()).nth(39).is_none() {
            return None;
        }
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(false)
            .from_reader(content.as_bytes());
        let mut lines = LineCounter::new(content.as_bytes(), 1 + hint_lines);
        let mut rows: Vec<(RawRow, u64)> = Vec::new();
        let mut record = csv::StringRecord::new();
        let mut complete = eof;
        loop {
            let start = reader.position().byte();
            if !reader.read_record(&mut record).ok()? {
                break;
            }
            if rows.len() == HEADER_SEARCH_ROWS {
                complete = true;
                break;
            }
            if record.len() > MAX_COLUMNS {
                return None;
            }
            let line = lines.line_at(record.position().map_or(start, csv::Position::byte));
            let row = RawRow { line, cells: record.clone() };
            if !row.is_blank() {
                rows.push((row, reader.position().byte()));
            }
        }
        if !complete || rows.is_empty() {
            return None;
        }
        let (head_rows, ends): (Vec<RawRow>, Vec<u64>) = rows.into_iter().unzip();
        let meta = delimited::meta(encoding_rs::UTF_8.name(), delimiter, content);
        let found = super::header::find(file, &head_rows, options, &meta).ok()?;
        if !found.parser.rows_are_independent() {
            return None;
        }
        let header = found.header_index;
        let content_start = bom + (text.len() - content.len());
        let data_start = content_start + usize::try_from(ends[header]).ok()?;
        let data_line = 1 + memchr::memchr_iter(b'\n', &head[bom..data_start]).count() as u64;
        let report =
            ImportReport::new(file, found.parser.format(), &meta, head_rows[header].line, found.notes);
        Some(Self { parser: found.parser, delimiter, report, data_start, data_line })
    }
}

/// Reads the data rows in blocks, parses them on worker threads and joins the parts in order.
fn read_blocks(
    file: &str,
    f: File,
    head: Vec<u8>,
    eof: bool,
    top: &Top,
    progress: &Progress,
    block_bytes: usize,
) -> Outcome {
    let workers = std::thread::available_parallelism().map_or(1, std::num::NonZero::get).clamp(1, 4);
    let (block_tx, block_rx) = sync_channel::<Block>(workers);
    let block_rx = Mutex::new(block_rx);
    let (part_tx, part_rx) = channel::<Parsed>();
    // Set by the first block that fails: later blocks are passed over, and no more are read.
    let stop = AtomicBool::new(false);
    let outcome = std::thread::scope(|scope| {
        // Owned here, so that leaving the scope early ends the workers' wait for blocks.
        let block_tx = block_tx;
        for id in 0..workers {
            let part_tx = part_tx.clone();
            let (block_rx, stop) = (&block_rx, &stop);
            let parser = top.parser.clone();
            let delimiter = top.delimiter;
            let spawned =
                std::thread::Builder::new().name("import-parse".into()).spawn_scoped(scope, move || {
                    let job = Job { file, parser: &parser, delimiter, progress, id };
                    worker(&job, block_rx, &part_tx, stop);
                });
            if spawned.is_err() {
                // No thread: the whole-file reader works on this thread.
                return Outcome::WholeFile;
            }
        }
        drop(part_tx);
        let mut joiner = Joiner::new(file, top, progress.snapshot().total_bytes, workers);
        let reader = BlockReader { file, f, eof, block_bytes, top, progress, stop: &stop };
        let sent = reader.split_and_send(head, &block_tx, &part_rx, &mut joiner);
        drop(block_tx);
        for (index, part, _) in part_rx {
            joiner.take(index, part);
        }
        match sent {
            Ok(()) => joiner.finish(),
            Err(e) => e.into_outcome(),
        }
    });
    if progress.is_cancelled() && !matches!(outcome, Outcome::Done(Err(ImportError::Cancelled { .. }))) {
        return Outcome::Done(Err(ImportError::Cancelled { file: file.to_owned() }));
    }
    outcome
}

impl BlockError {
    fn into_outcome(self) -> Outcome {
        match self {
            Self::Import(e) => Outcome::Done(Err(e)),
            Self::WholeFile | Self::Skipped => Outcome::WholeFile,
        }
    }
}

/// The reader's side: cuts the file into blocks that end at a line break outside quotes and
/// sends them on; joins finished parts meanwhile so that their memory is given back early.
struct BlockReader<'a> {
    file: &'a str,
    f: File,
    eof: bool,
    block_bytes: usize,
    top: &'a Top,
    progress: &'a Progress,
    stop: &'a AtomicBool,
}

impl BlockReader<'_> {
    fn split_and_send(
        self,
        head: Vec<u8>,
        block_tx: &SyncSender<Block>,
        part_rx: &Receiver<Parsed>,
        joiner: &mut Joiner<'_>,
    ) -> Result<(), BlockError> {
        let Self { file, mut f, mut eof, block_bytes, top, progress, stop } = self;
        // Bytes since the last line break, for the longest-line rule.
        let mut line_bytes = head.len() - memchr::memrchr(b'\n', &head).map_or(0, |i| i + 1);
        if line_bytes > MAX_LINE_BYTES {
            return Err(BlockError::WholeFile);
        }
        // The quotes and line feeds in `carry`, counted as its bytes come in (see `Counts`).
        let mut counts = Counts::default();
        // Appends the next bytes of the file to `carry`, minding the limits and the cancel flag.
        let mut read_on = |carry: &mut Vec<u8>,
                           eof: &mut bool,
                           counts: &mut Counts|
         -> Result<(), BlockError> {
            let start = carry.len();
            *eof = read_more(&mut f, carry, block_bytes, progress, |piece| counts.add(piece))
                .map_err(|e| BlockError::Import(ImportError::Io { file: file.to_owned(), source: e }))?;
            let more = &carry[start..];
            if progress.is_cancelled() {
                return Err(BlockError::Import(ImportError::Cancelled { file: file.to_owned() }));
            }
            line_bytes = match (memchr::memchr(b'\n', more), memchr::memrchr(b'\n', more)) {
                (Some(first), Some(last)) if line_bytes + first <= MAX_LINE_BYTES => more.len() - last - 1,
                (Some(_), Some(_)) => return Err(BlockError::WholeFile),
                _ => line_bytes + more.len(),
            };
            if line_bytes > MAX_LINE_BYTES {
                return Err(BlockError::WholeFile);
            }
            Ok(())
        };
        // Buffers of parsed blocks, to be filled again.
        let mut spare: Vec<Vec<u8>> = Vec::new();
        let mut carry = head;
        carry.drain(..top.data_start);
        counts.add(&carry);
        let mut first_line = top.data_line;
        let mut index = 0;
        loop {
            while !eof && carry.len() < block_bytes {
                read_on(&mut carry, &mut eof, &mut counts)?;
            }
            let cut = if eof { Some((carry.len(), counts)) } else { split_point(&carry, counts) };
            let Some((cut, in_block)) = cut else {
                // No line break outside quotes yet: read on and cut later.
                if carry.len() > MAX_CARRY_BYTES {
                    return Err(BlockError::WholeFile);
                }
                read_on(&mut carry, &mut eof, &mut counts)?;
                continue;
            };
            let lines_in_block = in_block.lines;
            counts = counts.minus(in_block);
            // The block keeps the buffer; the bytes after the cut start the next one.
            let mut rest = spare.pop().unwrap_or_default();
            rest.clear();
            rest.reserve(block_bytes + (carry.len() - cut));
            rest.extend_from_slice(&carry[cut..]);
            carry.truncate(cut);
            let bytes = std::mem::replace(&mut carry, rest);
            let last = eof && carry.is_empty();
            if !bytes.is_empty() || last {
                if block_tx.send(Block { index, first_line, bytes, last }).is_err() {
                    // Every worker has stopped: their parts say why.
                    return Ok(());
                }
                index += 1;
            }
            first_line += lines_in_block;
            while let Ok((i, part, buffer)) = part_rx.try_recv() {
                joiner.take(i, part);
                spare.push(buffer);
            }
            if stop.load(Ordering::Relaxed) || last {
                return Ok(());
            }
        }
    }
}

/// Appends up to `limit` bytes to `buf`, counting them into `progress` as they come (a pipe
/// gives them a little at a time) and handing each piece read to `piece_read` while it is
/// still in the cache; says whether the end of the file was reached. Stops early, without reaching the
/// end, when the load is cancelled.
fn read_more(
    f: &mut File,
    buf: &mut Vec<u8>,
    limit: usize,
    progress: &Progress,
    mut piece_read: impl FnMut(&[u8]),
) -> std::io::Result<bool> {
    // A quarter of a core's L2 cache (1 MB here): the piece is still there for `piece_read`.
    const READ: usize = 256 << 10;
    let end = buf.len() + limit;
    buf.reserve(limit);
    // A regular file is read into the spare room as it is: `read_to_end` does not zero it
    // first (as a `resize` would: 3% of the import's time) and returns when the piece is full
    // or the file ends. A pipe is read as its bytes come, so that progress shows them and the
    // load can be cancelled while the writer waits.
    let regular = f.metadata().is_ok_and(|m| m.is_file());
    while buf.len() < end {
        let start = buf.len();
        let piece = (end - start).min(READ);
        let read = if regular {
            f.by_ref().take(u64::try_from(piece).unwrap_or(u64::MAX)).read_to_end(buf).map(|_| ())
        } else {
            buf.resize(start + piece, 0);
            loop {
                match f.read(&mut buf[start..]) {
                    Ok(n) => {
                        buf.truncate(start + n);
                        break Ok(());
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => break Err(e),
                }
            }
        };
        if let Err(e) = read {
            buf.truncate(start);
            return Err(e);
        }
        let n = buf.len() - start;
        piece_read(&buf[start..]);
        progress.add_bytes(n as u64);
        if n == 0 {
            return Ok(true);
        }
        if progress.is_cancelled() {
            return Ok(false);
        }
    }
    Ok(false)
}

/// The quotes and line feeds in some bytes. The reader counts each piece of the file as it
/// reads it ([`read_more`]), while the piece is in the cache, and takes off the counts of the
/// bytes after a cut (which start the next block) instead of counting the block once more
/// when it is cut. (The share of the CPU samples did not move, about 3.5% at 5 M rows:
/// `memchr`'s counts, SIMD with AVX2 chosen at run time, run at memory speed either way. A
/// fused count of both bytes on the SSE2 masks of `split.rs` was tried: 5.3% against 4%.)
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Counts {
    quotes: usize,
    lines: u64,
}

impl Counts {
    fn of(bytes: &[u8]) -> Self {
        let mut c = Self::default();
        c.add(bytes);
        c
    }

    fn add(&mut self, bytes: &[u8]) {
        self.quotes += memchr::memchr_iter(b'"', bytes).count();
        self.lines += memchr::memchr_iter(b'\n', bytes).count() as u64;
    }

    /// The counts of the bytes after a part counted as `part`.
    fn minus(self, part: Self) -> Self {
        Self { quotes: self.quotes - part.quotes, lines: self.lines - part.lines }
    }
}

/// The end of the last line break outside quotes (the quotes before it are even in number),
/// and the quotes and line feeds up to there, given those of all of `buf`. A block starts at
/// a record boundary, so an even count means the csv reader is not inside a quoted field
/// there; a line break inside quotes is passed over.
fn split_point(buf: &[u8], all: Counts) -> Option<(usize, Counts)> {
    let mut end = memchr::memrchr(b'\n', buf)?;
    // After the last line feed: quotes, no line feed.
    let mut upto = all.minus(Counts::of(&buf[end + 1..]));
    loop {
        if upto.quotes.is_multiple_of(2) {
            return Some((end + 1, upto));
        }
        let previous = memchr::memrchr(b'\n', &buf[..end])?;
        upto = upto.minus(Counts::of(&buf[previous + 1..=end]));
        end = previous;
    }
}

/// What a parser thread works with.
struct Job<'a> {
    file: &'a str,
    parser: &'a RowParser,
    delimiter: u8,
    progress: &'a Progress,
    /// Which thread this is (from 0).
    id: usize,
}

/// A parser thread: takes blocks until there are none, sends back parts.
fn worker(job: &Job<'_>, blocks: &Mutex<Receiver<Block>>, parts: &Sender<Parsed>, stop: &AtomicBool) {
    let mut kept = Kept::new(job.delimiter);
    // Takes blocks until the reader closes the channel; after a failure it still takes them
    // (so that the reader never waits on a full channel) but passes them over.
    loop {
        let block = match blocks.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok(block) = block else { return };
        let part = if stop.load(Ordering::Relaxed) {
            Err(BlockError::Skipped)
        } else {
            parse_block(job, &block, &mut kept)
        };
        if part.is_err() {
            stop.store(true, Ordering::Relaxed);
        }
        if parts.send((block.index, part, block.bytes)).is_err() {
            return;
        }
    }
}

/// A record as csv-core leaves it: the fields' bytes one after another, and their ends.
struct CoreRecord<'a> {
    text: &'a str,
    ends: &'a [usize],
}

impl Cells for CoreRecord<'_> {
    fn cell(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.text.get(start..end)
    }

    fn len(&self) -> usize {
        self.ends.len()
    }
}

impl CoreRecord<'_> {
    /// Whether every cell is empty or white space: the same as all of them together.
    fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// Parses one block. A plain row is split where it lies ([`split::split_row`]); any other is
/// read with csv-core, the parser the csv crate is built on, configured as the whole-file
/// reader configures the csv crate, one record at a time (see `split.rs` for why both give the
/// same fields). Lines are counted the way that reader counts them (a record's line is where
/// its first byte is).
fn parse_block(job: &Job<'_>, block: &Block, kept: &mut Kept) -> Result<Part, BlockError> {
    let input = block.bytes.as_slice();
    let mut rows = BlockRows {
        file: job.file,
        parser: job.parser,
        progress: job.progress,
        lines: LineCounter::new(input, block.first_line),
        accounts: Accounts { dataset: std::mem::take(&mut kept.data), ..Accounts::default() },
        since_report: 0,
    };
    kept.core.last = block.last;
    let read = read_rows(job.delimiter, input, &mut rows, kept);
    // The thread's dataset goes back to it whatever happened, with its interned values.
    let mut accounts = rows.accounts;
    let taken = accounts.dataset.take_rows(&mut kept.handed);
    kept.data = std::mem::take(&mut accounts.dataset);
    read?;
    job.progress.add_rows(rows.since_report);
    Ok(Part { bytes: input.len(), accounts, rows: taken, worker: job.id })
}

/// What a parser thread keeps from one block to the next, so that a block allocates little:
/// its dataset (reporters, partners and commodities are interned once per thread, not once
/// per block; each block's rows are taken out of it) and its buffers.
struct Kept {
    data: Dataset,
    handed: Handed,
    core: CoreReader,
    /// Where the fields of the row being split end.
    ends: split::Ends,
}

impl Kept {
    fn new(delimiter: u8) -> Self {
        Self {
            data: Dataset::default(),
            handed: Handed::default(),
            core: CoreReader {
                reader: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
                out: vec![0u8; 4096],
                ends: vec![0usize; 128],
                last: false,
            },
            ends: split::Ends::default(),
        }
    }
}

/// The loop of [`parse_block`]. The block is validated as UTF-8 a piece at a time, just
/// ahead of the rows (see `pieces.rs`); a block that is not UTF-8 is left to the whole-file
/// reader.
fn read_rows(
    delimiter: u8,
    input: &[u8],
    rows: &mut BlockRows<'_>,
    kept: &mut Kept,
) -> Result<(), BlockError> {
    let mut piece = Pieces::new(input);
    let read = read_pieces(delimiter, input, rows, kept, &mut piece);
    // Whatever a row said, a block that is not UTF-8 is the whole-file reader's (it may read
    // the file in another encoding): as when the block was validated before its first row.
    piece.rest().ok_or(BlockError::WholeFile)?;
    read
}

fn read_pieces<'a>(
    delimiter: u8,
    input: &'a [u8],
    rows: &mut BlockRows<'_>,
    kept: &mut Kept,
    piece: &mut Pieces<'a>,
) -> Result<(), BlockError> {
    let Kept { core, ends, .. } = kept;
    let fast = split::usable_delimiter(delimiter);
    let mut pos = 0;
    loop {
        // Line ends before a record are passed over, as csv-core passes them over.
        while input.get(pos).is_some_and(|b| matches!(b, b'\n' | b'\r')) {
            pos += 1;
        }
        if pos == input.len() {
            break;
        }
        piece.reach(pos).ok_or(BlockError::WholeFile)?;
        // A row that is one line lies in the piece holding its first byte.
        let bytes = &input[piece.start..piece.end];
        if fast
            && let Some(next) = split::split_row(bytes, pos - piece.start, delimiter, ends)
            && ends.as_slice().len() <= MAX_COLUMNS
        {
            let line = rows.lines.line_at(pos as u64);
            let record =
                split::SplitRecord { text: piece.text, start: pos - piece.start, ends: ends.as_slice() };
            if !record.is_blank() {
                rows.take(&record, line)?;
            }
            // The row is one line: its line feed is the one before `next`.
            let next = piece.start + next;
            rows.lines.past_one_line(next);
            pos = next;
        } else {
            pos = core.record(input, pos, rows)?;
        }
    }
    Ok(())
}

/// What [`parse_block`] has made of a block's rows so far.
struct BlockRows<'a> {
    file: &'a str,
    parser: &'a RowParser,
    progress: &'a Progress,
    lines: LineCounter<'a>,
    accounts: Accounts,
    /// Rows not yet counted into `progress`.
    since_report: u64,
}

impl BlockRows<'_> {
    /// A non-blank record.
    #[inline]
    fn take<R: Cells + ?Sized>(&mut self, record: &R, line: u64) -> Result<(), BlockError> {
        self.since_report += 1;
        if self.since_report == PROGRESS_ROWS {
            self.progress.add_rows(self.since_report);
            self.since_report = 0;
            if self.progress.is_cancelled() {
                return Err(BlockError::Import(ImportError::Cancelled { file: self.file.to_owned() }));
            }
        }
        self.accounts.take(self.parser, record, line);
        Ok(())
    }
}

/// csv-core with its buffers, for the rows that are not plain.
struct CoreReader {
    reader: csv_core::Reader,
    out: Vec<u8>,
    ends: Vec<usize>,
    /// Whether the block ends the file (csv-core takes empty input as the end of the data).
    last: bool,
}

impl CoreReader {
    /// Reads the record starting at `start` (not a line end) and hands it on; returns where
    /// the next one starts.
    fn record(&mut self, input: &[u8], start: usize, rows: &mut BlockRows<'_>) -> Result<usize, BlockError> {
        use csv_core::ReadRecordResult as R;
        self.reader.reset();
        let (mut out_len, mut ends_len, mut pos) = (0, 0, start);
        loop {
            if pos == input.len() && !self.last {
                // The block ends inside a record: it was cut inside a quoted field.
                return Err(BlockError::WholeFile);
            }
            let (result, n_in, n_out, n_ends) =
                self.reader.read_record(&input[pos..], &mut self.out[out_len..], &mut self.ends[ends_len..]);
            pos += n_in;
            out_len += n_out;
            ends_len += n_ends;
            match result {
                R::InputEmpty => {}
                R::OutputFull => self.out.resize(self.out.len() * 2, 0),
                R::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                R::End => return Ok(input.len()),
                R::Record => {
                    let line = rows.lines.line_at(start as u64);
                    if ends_len > MAX_COLUMNS {
                        return Err(BlockError::Import(ImportError::Oversized {
                            file: rows.file.to_owned(),
                            line,
                            what: crate::reason!(
                                "row-too-wide",
                                count = ends_len.to_string(),
                                max = MAX_COLUMNS.to_string()
                            ),
                        }));
                    }
                    let ends = &self.ends[..ends_len];
                    let text = std::str::from_utf8(&self.out[..ends.last().copied().unwrap_or(0)])
                        .map_err(|_| BlockError::WholeFile)?;
                    let record = CoreRecord { text, ends };
                    if !record.is_blank() {
                        rows.take(&record, line)?;
                    }
                    return Ok(pos);
                }
            }
        }
    }
}

/// Most rows reserved ahead from the size of the file.
const MAX_RESERVED_ROWS: usize = 100_000_000;

/// Joins parts in block order as they arrive.
struct Joiner<'a> {
    /// Size of the file (0 when unknown, as for a pipe).
    file_bytes: u64,
    file: &'a str,
    report: ImportReport,
    accounts: Accounts,
    waiting: BTreeMap<usize, Result<Part, BlockError>>,
    /// Per parser thread, its ids as ids of `accounts.dataset`.
    maps: Vec<IdMap>,
    next: usize,
    error: Option<BlockError>,
}

impl<'a> Joiner<'a> {
    fn new(file: &'a str, top: &Top, file_bytes: u64, workers: usize) -> Self {
        Self {
            maps: vec![IdMap::default(); workers],
            file,
            report: top.report.clone(),
            accounts: Accounts::default(),
            waiting: BTreeMap::new(),
            next: 0,
            error: None,
            file_bytes,
        }
    }

    fn take(&mut self, index: usize, part: Result<Part, BlockError>) {
        self.waiting.insert(index, part);
        while self.error.is_none()
            && let Some(part) = self.waiting.remove(&self.next)
        {
            self.next += 1;
            match part {
                Ok(p) => self.join(p),
                Err(e) => self.error = Some(e),
            }
        }
    }

    fn join(&mut self, part: Part) {
        // The first part tells the rows per byte: room for the whole file at once saves the
        // copies (and the peak memory) of columns doubling as they grow.
        if self.next == 1 && part.bytes > 0 {
            #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let rows = (part.rows.len() as f64 * self.file_bytes as f64 / part.bytes as f64 * 1.02) as usize;
            self.accounts.reserve(rows.min(MAX_RESERVED_ROWS));
        }
        match self.maps.get_mut(part.worker) {
            Some(map) => self.accounts.join(part.accounts, part.rows, map),
            // Not a thread of this joiner (cannot happen): read the file whole.
            None => self.error = Some(BlockError::WholeFile),
        }
    }

    fn finish(mut self) -> Outcome {
        if let Some(e) = self.error.take() {
            return e.into_outcome();
        }
        if !self.waiting.is_empty() {
            // A part is missing: a worker stopped without a word. Read the file whole.
            return Outcome::WholeFile;
        }
        let mut accounts = self.accounts;
        accounts.dataset.shrink_if_spare();
        Outcome::Done(super::run::finish(self.file, accounts, self.report))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift) for varied test files.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    /// The header of the Comtrade test files: the columns the layout reads.
    const HEADER: &str = "freqCode,refYear,refMonth,period,reporterISO,reporterDesc,flowCode,partnerISO,\
                          partnerDesc,partner2Code,cmdCode,cmdDesc,customsCode,motCode,primaryValue";

    /// Row `k` (from 0) of a 2018 file of Belarus's exports to Kazakhstan: month `1 + k % 12`,
    /// commodity `100000 + k`, ended by `eol`.
    fn row_2018(k: usize, desc: &str, value: &str, eol: &str) -> String {
        format!(
            "M,2018,{m},2018{m:02},BLR,Belarus,X,KAZ,Kazakhstan,0,{c},{desc},C00,0,{value}{eol}",
            m = 1 + k % 12,
            c = 100_000 + k
        )
    }

    /// A Comtrade-style file with the quirks real files have: quoted fields with commas,
    /// doubled quotes and line breaks, Cyrillic names, CRLF, blank lines, set-aside and bad
    /// rows.
    fn comtrade_file(rows: usize, seed: u64, crlf: bool) -> Vec<u8> {
        let nl = if crlf { "\r\n" } else { "\n" };
        let mut rng = Rng(seed | 1);
        let mut s = String::from("\u{feff}");
        s.push_str(HEADER);
        s.push_str(nl);
        let partners = [
            ("KAZ", "Казахстан"),
            ("RUS", "Russia, \"Federation\""),
            ("UZB", "Uzbekistan"),
            // Quoted the broken way: two fields, repaired (issue 13).
            ("HKG", "\"\"\"China\",\" Hong Kong SAR\"\"\""),
            // Not repairable: a name with a comma, no quotes, not one Comtrade uses.
            ("XXX", "Some, Place"),
        ];
        let header = s[3..].to_owned();
        for i in 0..rows {
            let month = 1 + rng.below(12);
            let (iso, name) = partners[usize::try_from(rng.below(5)).unwrap()];
            let flow = match rng.below(20) {
                0 => "RX",
                1 => "sideways",
                n if n % 2 == 0 => "X",
                _ => "M",
            };
            let customs = if rng.below(30) == 0 { "C01" } else { "C00" };
            let value = match rng.below(40) {
                0 => "not a number".to_owned(),
                1 => String::new(),
                _ => format!("{}.{:02}", rng.below(5_000_000), rng.below(100)),
            };
            let desc = match rng.below(10) {
                0 => "\"Milk, cream; \"\"whole\"\"\"".to_owned(),
                1 => format!("\"Two{nl}lines\""),
                2 => "Мясо крупного рогатого скота".to_owned(),
                _ => format!("Goods {i}"),
            };
            let partner = if name.contains(',') && !name.starts_with('"') && iso != "XXX" {
                format!("\"{}\"", name.replace('"', "\"\""))
            } else {
                name.to_owned()
            };
            s.push_str(&format!(
                "M,2018,{month},2018{month:02},BLR,Belarus,{flow},{iso},{partner},0,{:06},{desc},{customs},0,{value}{nl}",
                10_000 + rng.below(900)
            ));
            if rng.below(50) == 0 {
                s.push_str(nl);
                s.push_str(",,,");
                s.push_str(nl);
            }
            if rng.below(500) == 0 {
                // A second download appended, header and all.
                s.push_str(&header);
            }
        }
        s.into_bytes()
    }

    /// Reads `bytes` both ways and checks the results are the same; returns whether the block
    /// reader did the work.
    fn same_both_ways(bytes: &[u8], sizes: Sizes) -> bool {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        std::fs::write(&path, bytes).unwrap();
        let file = "t.csv";
        let options = ImportOptions::default();
        let whole = super::super::import_bytes_with(file, bytes, &options);
        let progress = Progress::default();
        match import_in_blocks(&path, file, &options, &progress, sizes).unwrap() {
            Outcome::WholeFile => false,
            Outcome::Done(blocks) => {
                match (&whole, &blocks) {
                    (Ok(w), Ok(b)) => {
                        let (wr, br) = (&w.report, &b.report);
                        assert_eq!(
                            (wr.rows_read, wr.rows_used, wr.rows_skipped, wr.header_line),
                            (br.rows_read, br.rows_used, br.rows_skipped, br.header_line)
                        );
                        if let Some((x, y)) = wr.skipped.iter().zip(&br.skipped).find(|(x, y)| x != y) {
                            panic!("first different skipped row: {x:?} / {y:?}");
                        }
                        assert_eq!(wr.set_aside, br.set_aside);
                        if w.report != b.report {
                            let (x, y) = (format!("{:?}", w.report), format!("{:?}", b.report));
                            let at = x.bytes().zip(y.bytes()).position(|(a, b)| a != b).unwrap_or(0);
                            let from = at.saturating_sub(300);
                            panic!(
                                "reports differ: whole …{}…\nblocks …{}…",
                                &x[from..(at + 200).min(x.len())],
                                &y[from..(at + 200).min(y.len())]
                            );
                        }
                        assert!(w.dataset == b.dataset, "datasets differ");
                        // Progress counts every record, a repeated header too.
                        let headers = b.report.repeated_headers.len() as u64;
                        assert_eq!(progress.snapshot().rows, b.report.rows_read + headers);
                    }
                    (Err(w), Err(b)) => assert_eq!(w.to_string(), b.to_string()),
                    _ => panic!("whole file: {whole:?}\nblocks: {blocks:?}"),
                }
                true
            }
        }
    }

    #[test]
    fn blocks_give_what_the_whole_file_gives() {
        for (seed, crlf) in [(1, false), (2, true), (3, false), (4, true)] {
            let bytes = comtrade_file(3000, seed, crlf);
            // The file has every case of issue 13 for the two readers to agree on.
            let r = super::super::import_bytes("t.csv", &bytes).unwrap().report;
            assert!(r.rows_repaired > 0 && !r.repeated_headers.is_empty(), "{:?}", r.notes);
            assert!(r.conflicting_rows > 0 && !r.incomplete.is_empty(), "{:?}", r.notes);
            assert!(r.skipped.iter().any(|s| s.reason == "16 fields where the header has 15"));
            for block in [64, 333, 4096, 1 << 20] {
                assert!(
                    same_both_ways(&bytes, Sizes { head: 16 << 10, block }),
                    "seed {seed}, block {block}: the block reader stepped aside"
                );
            }
        }
    }

    /// Pieces that make a row unusual for the fast splitter (or look like it to it).
    const TOKENS: &[&[u8]] = &[
        b"\"",
        b"\"\"",
        b",",
        b"\r",
        b"\n",
        b"\r\n",
        b"\r\r\n",
        b"\",\"",
        b"\"\"\"Areas\",\" nes\"\"\"",
        b" ",
        "\u{a0}".as_bytes(),
        b"freqCode,refYear",
    ];

    #[test]
    fn fuzzed_files_read_the_same_in_blocks() {
        // Quotes, line ends and delimiters dropped anywhere into files with every quirk, cut
        // into blocks of several sizes: the fast splitter, csv-core and the whole-file reader
        // must agree row for row, line for line, in the report and its messages.
        let mut rng = Rng(0x5eed_f457);
        let mut blocks_read = 0;
        for round in 0..40 {
            // The head (which the CR CR LF note looks at, as the whole-file reader looks at
            // 64 KiB) is one block; the rest is cut small.
            let mut bytes = comtrade_file(1500, round + 100, round % 2 == 0);
            for _ in 0..=rng.below(6) {
                let at = usize::try_from(rng.below(bytes.len() as u64)).unwrap();
                let token = TOKENS[usize::try_from(rng.below(TOKENS.len() as u64)).unwrap()];
                bytes.splice(at..at, token.iter().copied());
            }
            for block in [64, 4096] {
                blocks_read += usize::from(same_both_ways(&bytes, Sizes { head: 128 << 10, block }));
            }
        }
        // Most mutated files are still read in blocks (a stray quote early on may not be).
        assert!(blocks_read > 30, "only {blocks_read} of 80 read in blocks");
    }

    #[test]
    fn repeats_far_apart_are_found_with_their_exact_lines() {
        // Row k (from 0) is on line k + 2. Row 7 is read again at the end with the same value
        // (a duplicate), row 250 with another (a conflict), many blocks and both parser
        // threads later: the lines come from the per-thread parts joined in order.
        let row = |k: usize, value: &str| row_2018(k, "Goods", value, "\n");
        let mut s = format!("{HEADER}\n");
        for k in 0..400 {
            s.push_str(&row(k, &format!("{}.5", 1000 + k)));
        }
        s.push_str(&row(7, "1007.5"));
        s.push_str(&row(250, "99.25"));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        std::fs::write(&path, &s).unwrap();
        for block in [64, 700, 4096] {
            let progress = Progress::default();
            let sizes = Sizes { head: 16 << 10, block };
            let Outcome::Done(Ok(read)) =
                import_in_blocks(&path, "t.csv", &ImportOptions::default(), &progress, sizes).unwrap()
            else {
                panic!("block {block}: not read in blocks");
            };
            let r = &read.report;
            assert_eq!((r.duplicate_rows, r.conflicting_rows), (1, 1), "block {block}");
            assert_eq!((r.duplicates[0].line, r.duplicates[0].same_as_line), (402, 9), "block {block}");
            assert_eq!((r.conflicts[0].lines.clone(), r.conflicts[0].used_line), (vec![252, 403], 403));
            assert_eq!(read.dataset.len(), 400);
            assert_eq!(read.dataset.commodities().len(), 400);
            assert!(same_both_ways(s.as_bytes(), sizes), "block {block}");
        }
    }

    #[test]
    fn repeats_within_a_period_are_found_and_other_periods_are_not_repeats() {
        // Periods one after another (as Comtrade sends them), every period with the same 60
        // commodities: keys that differ only by period are not repeats. Row 5 of March is read
        // again at the end of March (a duplicate), row 40 of May at the end of the file with
        // another value (a conflict), many blocks and both threads later.
        let row = |m: usize, k: usize, value: &str| {
            format!(
                "M,2019,{m},2019{m:02},BLR,Belarus,M,RUS,Russia,0,{c},Goods,C00,0,{value}\n",
                c = 840_000 + k
            )
        };
        let mut s = format!("{HEADER}\n");
        // Line of month m's row k: 2 + 60 × (m − 1) + k, one more from April on (the duplicate).
        for m in 1..=6 {
            for k in 0..60 {
                s.push_str(&row(m, k, &format!("{m}{k}.5")));
            }
            if m == 3 {
                s.push_str(&row(3, 5, "35.5"));
            }
        }
        s.push_str(&row(5, 40, "1.25"));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        std::fs::write(&path, &s).unwrap();
        for block in [64, 700, 4096] {
            let progress = Progress::default();
            let sizes = Sizes { head: 16 << 10, block };
            let Outcome::Done(Ok(read)) =
                import_in_blocks(&path, "t.csv", &ImportOptions::default(), &progress, sizes).unwrap()
            else {
                panic!("block {block}: not read in blocks");
            };
            let r = &read.report;
            assert_eq!((r.duplicate_rows, r.conflicting_rows), (1, 1), "block {block}");
            assert_eq!((r.duplicates[0].line, r.duplicates[0].same_as_line), (182, 127), "block {block}");
            assert_eq!((r.conflicts[0].lines.clone(), r.conflicts[0].used_line), (vec![283, 363], 363));
            assert_eq!(r.conflicts[0].values, vec![540.5, 1.25]);
            assert_eq!(read.dataset.len(), 360);
            assert!(same_both_ways(s.as_bytes(), sizes), "block {block}");
        }
    }

    #[test]
    fn lines_stay_exact_across_block_edges_inside_quotes() {
        // CRLF rows; every seventh has a quoted description over three lines, so that blocks
        // of every size are first cut inside one and must move back to the line break before
        // it; every eleventh has a value that is not a number. The report gives each skipped
        // row's own line (counted here while writing), and the last row, a copy of a
        // three-line row, is a duplicate of that row's first line.
        let row = |k: usize, desc: &str, value: &str| row_2018(k, desc, value, "\r\n");
        let mut s = format!("{HEADER}\r\n");
        let (mut line, mut skipped, mut copy) = (2u64, Vec::new(), None);
        for k in 0..300 {
            let long = k % 7 == 3;
            let desc = if long { "\"Goods,\r\nover three\r\nlines\"" } else { "Goods" };
            let value = if k % 11 == 5 {
                skipped.push(line);
                "n/a".to_owned()
            } else {
                format!("{k}.5")
            };
            let text = row(k, desc, &value);
            if long && copy.is_none() && k % 11 != 5 {
                copy = Some((text.clone(), line));
            }
            s.push_str(&text);
            line += if long { 3 } else { 1 };
        }
        let (copy, copied_line) = copy.unwrap();
        s.push_str(&copy);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        std::fs::write(&path, &s).unwrap();
        for block in (40..1400).step_by(37) {
            let progress = Progress::default();
            let sizes = Sizes { head: 16 << 10, block };
            let Outcome::Done(Ok(read)) =
                import_in_blocks(&path, "t.csv", &ImportOptions::default(), &progress, sizes).unwrap()
            else {
                panic!("block {block}: not read in blocks");
            };
            let r = &read.report;
            assert_eq!(r.skipped.iter().map(|s| s.line).collect::<Vec<_>>(), skipped, "block {block}");
            assert_eq!(r.duplicate_rows, 1, "block {block}");
            assert_eq!((r.duplicates[0].line, r.duplicates[0].same_as_line), (line, copied_line));
            assert!(same_both_ways(s.as_bytes(), sizes), "block {block}");
        }
    }

    #[test]
    fn a_small_file_is_one_block() {
        let bytes = comtrade_file(40, 7, false);
        assert!(same_both_ways(&bytes, Sizes { head: HEAD_BYTES, block: BLOCK_BYTES }));
    }

    #[test]
    fn steps_aside_for_other_encodings_and_late_bad_bytes() {
        // Not UTF-8 far down the file: the whole-file reader decides the encoding.
        let mut bytes = comtrade_file(3000, 5, false);
        let at = bytes.len() - 100;
        bytes[at] = 0xE9;
        assert!(!same_both_ways(&bytes, Sizes { head: 16 << 10, block: 4096 }));
        // UTF-16 is left to the whole-file reader from the start.
        let utf16: Vec<u8> = "period\treporter\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert!(!same_both_ways(&utf16, Sizes { head: 16 << 10, block: 4096 }));
    }

    #[test]
    fn an_early_failure_with_many_blocks_behind_it_ends() {
        // The first parsed block fails (bytes that are not UTF-8) while the reader still has
        // hundreds of blocks to hand out: the workers must keep taking them so that the reader
        // never waits on a full queue.
        let mut bytes = comtrade_file(3000, 11, false);
        let text_len = bytes.len();
        let at = 20_000.min(text_len - 1);
        bytes[at] = 0xFF;
        assert!(!same_both_ways(&bytes, Sizes { head: 16 << 10, block: 64 }));
    }

    #[test]
    fn a_stray_quote_is_read_right_either_way() {
        // A quote inside an unquoted field is text to the csv reader but upsets the quote
        // count; later line breaks inside quotes must still not be cut.
        let mut bytes = comtrade_file(2000, 9, false);
        let text = String::from_utf8(bytes.clone()).unwrap();
        let stray = text.find("Goods 5").unwrap();
        bytes.splice(stray..stray, b"12\" pipe ".iter().copied());
        for block in [100, 777, 5000] {
            same_both_ways(&bytes, Sizes { head: 16 << 10, block });
        }
    }

    #[test]
    fn finds_cuts_outside_quotes() {
        // The cut and the line feeds before it; the quotes before it are even.
        let cut = |b: &[u8]| split_point(b, Counts::of(b)).map(|(at, c)| (at, c.lines, c.quotes % 2));
        assert_eq!(cut(b"a,b\nc,d\n"), Some((8, 2, 0)));
        assert_eq!(cut(b"a,\"b\nc\"\nd,\"e\nf"), Some((8, 2, 0)));
        assert_eq!(cut(b"a,\"b\nc\"\r\nd,\"e\r\nf"), Some((9, 2, 0)));
        assert_eq!(cut(b"a,\"b\nc"), None);
        assert_eq!(cut(b"no line break"), None);
        // The counts of the part before the cut are those of its bytes.
        let bytes = b"x,\"1\n2\"\n\"3\",4\n5,\"6\n7\n8";
        let (at, counts) = split_point(bytes, Counts::of(bytes)).unwrap();
        assert_eq!((at, counts), (14, Counts::of(&bytes[..14])));
    }
}
