//! A check of an XLS file's container (OLE compound file) before calamine reads it.
//!
//! calamine follows sector chains through the file allocation table until it meets the end
//! mark. A damaged or crafted file whose chain loops makes it read forever, growing one buffer
//! until memory runs out (found by fuzzing: an 8 GB allocation from a 5.7 kB file), and a
//! chain pointing past the table makes it index out of bounds. This module walks the same
//! tables the same way calamine does and refuses a file with a loop or a dangling link.

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const DIFSECT: u32 = 0xFFFF_FFFC;
const RESERVED: u32 = 0xFFFF_FFFA;

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    bytes.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// `Err` says why the container cannot be read safely; `Ok` when it can (or when calamine will
/// refuse it by itself, such as a wrong signature or sector size).
pub(super) fn check(bytes: &[u8]) -> Result<(), String> {
    let Some(shift) = bytes.get(0x1E..0x20).map(|b| u16::from_le_bytes([b[0], b[1]])) else {
        return Ok(());
    };
    let sector_size: usize = match shift {
        9 => 512,
        12 => 4096,
        _ => return Ok(()),
    };
    let maxid = bytes.len() / sector_size;
    let sector = |id: u32| -> Option<&[u8]> {
        let start = (id as usize).checked_add(1)?.checked_mul(sector_size)?;
        bytes.get(start..(start + sector_size).min(bytes.len())).filter(|s| !s.is_empty())
    };
    let words = |s: &[u8]| {
        s.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect::<Vec<_>>()
    };

    // DIFAT: 109 entries in the header, then a chain of DIFAT sectors (last word = next).
    let mut difat: Vec<u32> = (0..109).filter_map(|i| u32_at(bytes, 0x4C + 4 * i)).collect();
    let mut id = u32_at(bytes, 0x44).unwrap_or(ENDOFCHAIN);
    let mut steps = 0usize;
    while id < RESERVED {
        steps += 1;
        if steps > maxid + 1 {
            return Ok(()); // calamine stops here itself
        }
        let Some(s) = sector(id) else { return Ok(()) };
        difat.extend(words(s));
        id = difat.pop().unwrap_or(ENDOFCHAIN);
    }
    let mut fat: Vec<u32> = Vec::new();
    for id in difat.into_iter().filter(|id| *id < DIFSECT) {
        let Some(s) = sector(id) else { return Ok(()) };
        fat.extend(words(s));
    }
    acyclic(&fat, u32::try_from(maxid).unwrap_or(u32::MAX), "sector allocation table")?;

    // The mini-sector table, read through the (now known to be finite) sector chain.
    let minifat_sectors = u32_at(bytes, 0x40).unwrap_or(0) as usize;
    if minifat_sectors > 0 {
        let mut minifat = Vec::new();
        let mut id = u32_at(bytes, 0x3C).unwrap_or(ENDOFCHAIN);
        let mut count = 0;
        while id != ENDOFCHAIN && count < minifat_sectors {
            let Some(s) = sector(id) else { break };
            minifat.extend(words(s));
            count += 1;
            let Some(&next) = fat.get(id as usize) else { break };
            id = next;
        }
        acyclic(&minifat, u32::try_from(maxid * 8).unwrap_or(u32::MAX), "mini-sector allocation table")?;
    }
    Ok(())
}

/// Every chain in `table` ends: at the end mark, or at a sector past `maxid` (which the reader
/// refuses). A link to an entry the table does not have, or a loop, is an error.
fn acyclic(table: &[u32], maxid: u32, what: &str) -> Result<(), String> {
    // 0 = not seen, 1 = on the path being walked, 2 = known to end.
    let mut state = vec![0u8; table.len()];
    let mut path = Vec::new();
    for start in 0..table.len() {
        let mut i = start;
        loop {
            match state[i] {
                2 => break,
                1 => return Err(format!("the {what} loops back on itself at sector {i}")),
                _ => {}
            }
            state[i] = 1;
            path.push(i);
            let next = table[i];
            if next == ENDOFCHAIN || next > maxid || next >= RESERVED {
                break;
            }
            if next as usize >= table.len() {
                return Err(format!("the {what} links sector {i} to sector {next}, which it does not have"));
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
        assert!(acyclic(&[1, 0], 10, "t").unwrap_err().contains("loops back"));
        assert!(acyclic(&[0], 10, "t").unwrap_err().contains("loops back"));
        assert!(acyclic(&[5], 10, "t").unwrap_err().contains("does not have"));
        assert!(acyclic(&[50], 10, "t").is_ok(), "past the file: the reader refuses it");
    }
}
