//! A check of an XLS file's container (OLE compound file) before calamine reads it.
//!
//! calamine follows sector chains through the file allocation table until it meets the end
//! mark. A damaged or crafted file whose chain loops makes it read forever, growing one buffer
//! until memory runs out (found by fuzzing: an 8 GB allocation from a 5.7 kB file), and a
//! chain pointing past the table makes it index out of bounds; a sector it reads (a table, the
//! directory, the mini stream, the workbook stream) that lies past the end of the file makes
//! it slice past its buffer (found by fuzzing: `tests/fixtures/bad/xls-calamine-panic.xls`).
//! This module walks the same tables and chains the same way calamine does and refuses a file
//! with a loop, a dangling link or a sector past the end, so that calamine never panics (its
//! panic would be caught, but the default panic hook would still print it).

use super::{Arg, Reason};
use crate::reason;

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const DIFSECT: u32 = 0xFFFF_FFFC;
const RESERVED: u32 = 0xFFFF_FFFA;

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    bytes.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// `Err` says why the container cannot be read safely; `Ok` when it can (or when calamine will
/// refuse it by itself, such as a wrong signature or sector size, or a sector number past the
/// end of the file, which it checks).
pub(super) fn check(bytes: &[u8]) -> Result<(), Reason> {
    let Some(shift) = bytes.get(0x1E..0x20).map(|b| u16::from_le_bytes([b[0], b[1]])) else {
        return Ok(());
    };
    let sector_size: usize = match shift {
        9 => 512,
        12 => 4096,
        _ => return Ok(()),
    };
    let file = File { bytes, sector_size, maxid: bytes.len() / sector_size };
    let maxid = file.maxid;

    // DIFAT: 109 entries in the header, then a chain of DIFAT sectors (last word = next).
    let mut difat: Vec<u32> = (0..109).filter_map(|i| u32_at(bytes, 0x4C + 4 * i)).collect();
    let mut id = u32_at(bytes, 0x44).unwrap_or(ENDOFCHAIN);
    let mut steps = 0usize;
    while id < RESERVED {
        steps += 1;
        if steps > maxid + 1 {
            return Ok(()); // calamine stops here itself
        }
        let Some(s) = file.sector(id, "xls-part-sat-index")? else { return Ok(()) };
        difat.extend(words(s));
        id = difat.pop().unwrap_or(ENDOFCHAIN);
    }
    let mut fat: Vec<u32> = Vec::new();
    for id in difat.into_iter().filter(|id| *id < DIFSECT) {
        let Some(s) = file.sector(id, "xls-part-sat")? else { return Ok(()) };
        fat.extend(words(s));
    }
    acyclic(&fat, u32::try_from(maxid).unwrap_or(u32::MAX), "xls-part-sat")?;

    // The chains calamine reads while opening the file: the directory, and the mini stream
    // and its allocation table.
    let Some(dirs) =
        file.chain(u32_at(bytes, 0x30).unwrap_or(ENDOFCHAIN), &fat, usize::MAX, "xls-part-directory")?
    else {
        return Ok(());
    };
    let entries: Vec<Entry> = dirs.chunks_exact(128).map(|c| Entry::read(c, sector_size)).collect();
    let Some(root) = entries.first() else { return Ok(()) };
    let minifat_sectors = u32_at(bytes, 0x40).unwrap_or(0) as usize;
    let (ministream, minifat) = if minifat_sectors > 0 {
        let Some(ministream) = file.chain(root.start, &fat, root.len, "xls-part-mini-stream")? else {
            return Ok(());
        };
        let Some(minifat) = file.chain(
            u32_at(bytes, 0x3C).unwrap_or(ENDOFCHAIN),
            &fat,
            minifat_sectors.saturating_mul(sector_size),
            "xls-part-mini-sat",
        )?
        else {
            return Ok(());
        };
        let minifat = words(&minifat);
        acyclic(&minifat, u32::try_from(maxid * 8).unwrap_or(u32::MAX), "xls-part-mini-sat")?;
        (ministream, minifat)
    } else {
        (Vec::new(), Vec::new())
    };

    // The workbook stream: in the mini stream when short, else in sectors.
    let Some(book) =
        ["Workbook", "Book"].iter().find_map(|n| entries.iter().find(|e| e.name.eq_ignore_ascii_case(n)))
    else {
        return Ok(());
    };
    if book.len < 4096 {
        mini_chain(&ministream, &minifat, maxid * 8, book.start, book.len)?;
    } else {
        file.chain(book.start, &fat, book.len, "xls-part-workbook")?;
    }
    Ok(())
}

fn words(s: &[u8]) -> Vec<u32> {
    s.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect()
}

/// The file's sectors as calamine numbers them (sector 0 follows the header).
struct File<'a> {
    bytes: &'a [u8],
    sector_size: usize,
    /// The highest sector number calamine reads; it refuses a higher one by itself.
    maxid: usize,
}

impl<'a> File<'a> {
    /// The bytes of sector `id` (the last one may be short); `None` for a sector number calamine
    /// refuses by itself; `Err` for a sector it would read that lies wholly past the end of the
    /// file, which makes calamine 0.38 panic (slice index past the end in `Sectors::get`).
    fn sector(&self, id: u32, what: &'static str) -> Result<Option<&'a [u8]>, Reason> {
        if id as usize > self.maxid {
            return Ok(None);
        }
        let start = (id as usize + 1) * self.sector_size;
        match self.bytes.get(start..(start + self.sector_size).min(self.bytes.len())) {
            Some(s) if !s.is_empty() => Ok(Some(s)),
            _ => Err(reason!("xls-past-end", what = Arg::Message(what), sector = id.to_string())),
        }
    }

    /// The bytes of the chain from `start`, up to `len` bytes, read as calamine reads them;
    /// `None` where calamine refuses the chain by itself.
    fn chain(
        &self,
        start: u32,
        fat: &[u32],
        len: usize,
        what: &'static str,
    ) -> Result<Option<Vec<u8>>, Reason> {
        let mut out = Vec::new();
        let mut id = start;
        let mut steps = 0usize;
        while id != ENDOFCHAIN {
            steps += 1;
            if steps > fat.len() + 1 {
                return Err(reason!("xls-loops", what = Arg::Message(what)));
            }
            let Some(s) = self.sector(id, what)? else { return Ok(None) };
            out.extend_from_slice(&s[..s.len().min(len - out.len())]);
            if out.len() >= len {
                break;
            }
            let Some(&next) = fat.get(id as usize) else {
                return Err(reason!(
                    "xls-missing-sector",
                    what = Arg::Message(what),
                    sector = id.to_string()
                ));
            };
            id = next;
        }
        Ok(Some(out))
    }
}

/// Checks a stream's chain in the mini stream as calamine reads it: every mini sector inside
/// the mini stream, every link in the mini-sector table.
fn mini_chain(
    ministream: &[u8],
    minifat: &[u32],
    maxid: usize,
    start: u32,
    len: usize,
) -> Result<(), Reason> {
    let mut read = 0usize;
    let mut id = start;
    let mut steps = 0usize;
    while id != ENDOFCHAIN {
        steps += 1;
        if id as usize > maxid || steps > minifat.len() + 1 {
            return Ok(()); // calamine refuses it by itself, or the table was found to end
        }
        let at = id as usize * 64;
        if at >= ministream.len() {
            return Err(reason!("xls-mini-past-end", sector = id.to_string()));
        }
        read += 64.min(ministream.len() - at);
        if read >= len {
            break;
        }
        let Some(&next) = minifat.get(id as usize) else {
            return Err(reason!("xls-mini-missing", sector = id.to_string()));
        };
        id = next;
    }
    Ok(())
}

/// A directory entry: a stream's name, first sector and length.
struct Entry {
    name: String,
    start: u32,
    len: usize,
}

impl Entry {
    fn read(c: &[u8], sector_size: usize) -> Self {
        let units: Vec<u16> = c[..64].chunks_exact(2).map(|b| u16::from_le_bytes([b[0], b[1]])).collect();
        let name: String = char::decode_utf16(units.into_iter().take_while(|&u| u != 0))
            .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        let start = u32_at(c, 116).unwrap_or(ENDOFCHAIN);
        let len = if sector_size == 512 {
            u32_at(c, 120).unwrap_or(0) as usize
        } else {
            c.get(120..128)
                .map_or(0, |b| u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]))
                .try_into()
                .unwrap_or(usize::MAX)
        };
        Self { name, start, len }
    }
}

/// Every chain in `table` ends: at the end mark, or at a sector past `maxid` (which the reader
/// refuses). A link to an entry the table does not have, or a loop, is an error.
fn acyclic(table: &[u32], maxid: u32, what: &'static str) -> Result<(), Reason> {
    // 0 = not seen, 1 = on the path being walked, 2 = known to end.
    let mut state = vec![0u8; table.len()];
    let mut path = Vec::new();
    for start in 0..table.len() {
        let mut i = start;
        loop {
            match state[i] {
                2 => break,
                1 => {
                    return Err(reason!(
                        "xls-table-loops",
                        what = Arg::Message(what),
                        sector = i.to_string()
                    ));
                }
                _ => {}
            }
            state[i] = 1;
            path.push(i);
            let next = table[i];
            if next == ENDOFCHAIN || next > maxid || next >= RESERVED {
                break;
            }
            if next as usize >= table.len() {
                return Err(reason!(
                    "xls-table-bad-link",
                    what = Arg::Message(what),
                    sector = i.to_string(),
                    next = next.to_string()
                ));
            }
            i = next as usize;
        }
        for p in path.drain(..) {
            state[p] = 2;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loops_and_dangling_links_are_found() {
        assert!(acyclic(&[1, 2, ENDOFCHAIN], 10, "t").is_ok());
        assert!(acyclic(&[1, 0], 10, "t").unwrap_err().to_string().contains("loops back"));
        assert!(acyclic(&[0], 10, "t").unwrap_err().to_string().contains("loops back"));
        assert!(acyclic(&[5], 10, "t").unwrap_err().to_string().contains("does not have"));
        assert!(acyclic(&[50], 10, "t").is_ok(), "past the file: the reader refuses it");
    }
}

#[cfg(test)]
mod file_tests {
    use calamine::Reader;

    use super::check;

    const XLS: &[u8] = include_bytes!("../../../tests/fixtures/comtrade-legacy-synthetic.xls");

    #[test]
    fn a_real_workbook_passes_and_its_truncations_never_reach_a_calamine_panic() {
        assert_eq!(check(XLS), Ok(()));
        let mut refused = 0;
        for len in 512..XLS.len() {
            let cut = &XLS[..len];
            if check(cut).is_err() {
                refused += 1;
                continue;
            }
            // What the check lets through, calamine reads or refuses without panicking.
            let read = std::panic::catch_unwind(|| {
                let Ok(mut book) = calamine::Xls::new(std::io::Cursor::new(cut)) else { return };
                for name in book.sheet_names() {
                    let _ = book.worksheet_range(&name);
                }
            });
            assert!(read.is_ok(), "calamine panicked on the first {len} bytes");
        }
        assert!(refused > 0, "some truncations point past the end of the file");
    }
}
