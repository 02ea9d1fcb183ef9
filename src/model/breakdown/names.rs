//! HS section and chapter names shipped with the app (`assets/hs/*.tsv`, embedded), so that a
//! file with codes only still reads "03 Fish and crustaceans…". Names the file gives take
//! precedence (see `compute.rs`). English from the WCO HS nomenclature 2022, Russian as in
//! ТН ВЭД ЕАЭС; Kazakh screens use the Russian names, as the EAEU tariff is published in Russian.

use std::sync::LazyLock;

const SECTIONS_TSV: &str = include_str!("../../../assets/hs/sections.tsv");
const CHAPTERS_TSV: &str = include_str!("../../../assets/hs/chapters.tsv");

/// The item code of chapters 98 and 99 at section level: they belong to no HS section.
pub const NATIONAL_CHAPTERS: &str = "98–99";

/// Language of the shipped names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum NameLang {
    /// English.
    #[default]
    En,
    /// Russian.
    Ru,
}

/// One HS section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// Roman numeral, "I" to "XXI".
    pub numeral: &'static str,
    /// First and last chapter, "01" and "05".
    pub chapters: (&'static str, &'static str),
    /// English name.
    pub en: &'static str,
    /// Russian name.
    pub ru: &'static str,
}

/// Tab-separated lines of a shipped table, without comments and blank lines.
fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| l.split('\t').collect())
}

static SECTIONS: LazyLock<Vec<Section>> = LazyLock::new(|| {
    rows(SECTIONS_TSV)
        .filter_map(|f| match f.as_slice() {
            [numeral, first, last, en, ru] => Some(Section { numeral, chapters: (first, last), en, ru }),
            _ => None,
        })
        .collect()
});

static CHAPTERS: LazyLock<Vec<(&'static str, &'static str, &'static str)>> = LazyLock::new(|| {
    rows(CHAPTERS_TSV)
        .filter_map(|f| match f.as_slice() {
            [code, en, ru] => Some((*code, *en, *ru)),
            _ => None,
        })
        .collect()
});

/// The 21 HS sections, in order.
#[must_use]
pub fn sections() -> &'static [Section] {
    &SECTIONS
}

/// The section a two-digit chapter belongs to ("I" for "03"); [`NATIONAL_CHAPTERS`] for 98
/// and 99 and for anything outside 01–97.
#[must_use]
pub fn section_of_chapter(chapter: &str) -> &'static str {
    sections()
        .iter()
        .find(|s| s.chapters.0 <= chapter && chapter <= s.chapters.1)
        .map_or(NATIONAL_CHAPTERS, |s| s.numeral)
}

/// A chapter's name ("03" → "Fish and crustaceans, …").
#[must_use]
pub fn chapter_name(code: &str, lang: NameLang) -> Option<&'static str> {
    CHAPTERS.iter().find(|c| c.0 == code).map(|c| if lang == NameLang::Ru { c.2 } else { c.1 })
}

/// A section's name by numeral ("I" → "Live animals; animal products").
#[must_use]
pub fn section_name(numeral: &str, lang: NameLang) -> Option<&'static str> {
    if numeral == NATIONAL_CHAPTERS {
        return chapter_name("99", lang).map(|_| match lang {
            NameLang::En => "Chapters 98–99, reserved for national use",
            NameLang::Ru => "Группы 98–99, для национального использования",
        });
    }
    sections().iter().find(|s| s.numeral == numeral).map(|s| if lang == NameLang::Ru { s.ru } else { s.en })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_chapter_has_both_names_and_a_section() {
        for n in 1..=99 {
            let code = format!("{n:02}");
            let en = chapter_name(&code, NameLang::En).unwrap_or_default();
            let ru = chapter_name(&code, NameLang::Ru).unwrap_or_default();
            assert!(!en.is_empty() && !ru.is_empty(), "chapter {code}: {en:?} / {ru:?}");
            assert!(
                ru.chars().any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(c))),
                "{code}: {ru}"
            );
        }
        assert_eq!(sections().len(), 21);
        for s in sections() {
            assert!(!s.en.is_empty() && !s.ru.is_empty(), "{s:?}");
        }
        assert_eq!(section_of_chapter("03"), "I");
        assert_eq!(section_of_chapter("15"), "III");
        assert_eq!(section_of_chapter("85"), "XVI");
        assert_eq!(section_of_chapter("97"), "XXI");
        assert_eq!(section_of_chapter("99"), NATIONAL_CHAPTERS);
        assert_eq!(
            chapter_name("03", NameLang::En).map(|n| n.starts_with("Fish and crustaceans")),
            Some(true)
        );
        assert_eq!(section_name("XVI", NameLang::Ru).map(|n| n.starts_with("Машины")), Some(true));
    }

    #[test]
    fn sections_cover_chapters_01_to_97_without_gaps() {
        let mut next = 1;
        for s in sections() {
            assert_eq!(s.chapters.0, format!("{next:02}"), "{s:?}");
            next = s.chapters.1.parse::<u32>().unwrap_or(0) + 1;
        }
        assert_eq!(next, 98);
    }
}
