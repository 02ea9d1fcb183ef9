//! Bytes to text: byte-order marks, UTF-8, UTF-16 and legacy encodings such as Windows-1251.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Text decoded from a file, and how it was decoded.
#[derive(Debug, Clone)]
pub struct Decoded<'a> {
    /// The text, without a byte-order mark.
    pub text: Cow<'a, str>,
    /// Name of the encoding used ("UTF-8", "windows-1251", "UTF-16LE").
    pub encoding: &'static str,
    /// Whether the file began with a byte-order mark.
    pub had_bom: bool,
}

/// Decodes a whole file. A byte-order mark decides; without one, valid UTF-8 is UTF-8, text
/// with NUL bytes in every other position is UTF-16, and anything else is guessed by
/// `chardetng` (Windows-1251 for Russian text saved by Excel, for example).
#[must_use]
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Decoded { text, encoding: encoding.name(), had_bom: true };
    }
    // Before the UTF-8 check: ASCII text in UTF-16 is also valid UTF-8, full of NULs.
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        return Decoded { text, encoding: encoding.name(), had_bom: false };
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded { text: Cow::Borrowed(text), encoding: UTF_8.name(), had_bom: false };
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Decoded { text, encoding: encoding.name(), had_bom: false }
}

/// UTF-16 without a BOM shows as NUL bytes in every other position of ASCII-heavy text.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = sample.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_nul * 10 >= pairs * 3 && even_nul * 10 < pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 >= pairs * 3 && odd_nul * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_a_utf8_bom() {
        let d = decode(b"\xEF\xBB\xBFperiod,value\n");
        assert_eq!(d.text, "period,value\n");
        assert!(d.had_bom);
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn reads_utf16_with_and_without_bom() {
        let text = "Год\tСтрана\n2018\tКазахстан\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let mut with_bom = vec![0xFF, 0xFE];
        with_bom.extend_from_slice(&le);
        assert_eq!(decode(&with_bom).text, text);
        // Without a BOM, Cyrillic text has fewer NULs; ASCII-heavy headers are what files have.
        let ascii = "period\treporter\n2018-01\tBY\n";
        let le: Vec<u8> = ascii.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let d = decode(&le);
        assert_eq!(d.text, ascii);
        assert_eq!(d.encoding, "UTF-16LE");
    }

    #[test]
    fn guesses_windows_1251_for_russian_text() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251
            .encode("Период;Страна;Экспорт, тыс. долл. США\nянварь 2018;Казахстан;1234,5\n");
        let d = decode(&bytes);
        assert_eq!(d.encoding, "windows-1251");
        assert!(d.text.starts_with("Период;Страна"));
    }
}
