//! Every word the briefing prints that is not a figure or a name from the workspace: the
//! `brief-*` messages of `assets/locales/{en,ru,kk}/brief.ftl`, looked up through the app's
//! Fluent bundles like every other text.
//!
//! The PDF writer takes `&str` headings and labels in many places, so each language's words
//! are formatted once, on first use, into a map that lives as long as the program (a few
//! dozen short texts per language); [`Lang::t`] hands out borrows of it. Texts with values
//! ("Page 3 of 7") are formatted with `tr!` where they are used. Figures, months and dates
//! come from `model::format` in the briefing's language.

use std::collections::HashMap;
use std::sync::LazyLock;

pub use crate::i18n::Lang;

/// The id and text of every `brief-*` message, per language (index: En, Ru, Kk).
static WORDS: LazyLock<[HashMap<String, String>; 3]> = LazyLock::new(|| {
    let ids = brief_ids();
    Lang::ALL.map(|lang| ids.iter().map(|id| (id.clone(), crate::i18n::tr(lang, id))).collect())
});

/// The message ids of `brief.ftl` (the English file; the tests keep the three alike).
fn brief_ids() -> Vec<String> {
    let Some((_, text)) = crate::i18n::sources(Lang::En).into_iter().find(|(f, _)| *f == "brief.ftl") else {
        return Vec::new();
    };
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(r) => r,
        Err((partial, _)) => partial,
    };
    resource
        .body
        .iter()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// The briefing's words (an inherent method on the app's one `Lang`).
impl Lang {
    /// The text of the message `id` ("brief-sec-targets") in this language; the id itself when
    /// there is no such message (`tests/i18n_messages.rs` and `tests/brief_words.rs` check that
    /// there always is).
    #[must_use]
    pub fn t(self, id: &'static str) -> &'static str {
        let index = match self {
            Self::En => 0,
            Self::Ru => 1,
            Self::Kk => 2,
        };
        WORDS[index].get(id).map_or(id, String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_come_from_the_fluent_files_in_each_language() {
        assert_eq!(Lang::En.t("brief-sec-targets"), "3. Targets");
        assert_eq!(Lang::Ru.t("brief-sec-targets"), "3. Целевые показатели");
        assert_eq!(Lang::Kk.t("brief-sec-targets"), "3. Нысаналы көрсеткіштер");
        assert_eq!(Lang::Ru.t("brief-no-such-word"), "brief-no-such-word");
    }
}
