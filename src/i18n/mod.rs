//! The interface languages: English, Russian and Kazakh.
//!
//! Messages live in Fluent files, `assets/locales/{en,ru,kk}/*.ftl`, embedded in the binary
//! with `include_str!`; plural forms ("1 строка", "2 строки", "5 строк") come from Fluent's
//! CLDR plural rules, numbers inside messages from ICU4X (see [`format`]). How the UI gets the
//! language and how to convert a label is in `docs/i18n.md`.
//!
//! Why `fluent-bundle` and not `fluent-templates`: `fluent-templates`' `static_loader!` is a
//! procedural macro that walks the locale folder at build time, adds language negotiation and
//! fallback chains we do not need for three fixed languages, and hides the bundle. With
//! `fluent-bundle` directly the three bundles are built once from `include_str!` (so a missing
//! file is a compile error), Unicode isolation marks can be switched off (egui would draw
//! U+2068/U+2069 as missing glyphs), numbers are formatted by our ICU formatter through
//! `set_formatter`, and the tests read the same parsed resources to compare keys and variables.

pub mod chart_text;
pub mod format;
pub mod labels;
pub mod setting;
pub mod widgets;

use std::sync::LazyLock;

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;

pub use fluent_bundle::{FluentArgs, FluentValue};

/// An interface language.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English (the language of the source code and of JSON keys).
    #[default]
    En,
    /// Russian.
    Ru,
    /// Kazakh (Cyrillic script, as used in Kazakhstan's statistics).
    Kk,
}

impl Lang {
    /// Every language, in the order the View ▸ Language menu lists them.
    pub const ALL: [Self; 3] = [Self::En, Self::Ru, Self::Kk];

    /// The BCP 47 code: "en", "ru", "kk".
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Ru => "ru",
            Self::Kk => "kk",
        }
    }

    /// The language's name in itself, for the language menu: a reader who does not know the
    /// current language still finds their own.
    #[must_use]
    pub fn native_name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Ru => "Русский",
            Self::Kk => "Қазақша",
        }
    }

    /// The language of a locale tag such as "ru-RU", "kk_KZ.UTF-8", "be-BY" or "en-US"; `None`
    /// for a language without a translation. Belarusian readers get Russian, the other official
    /// language of Belarus and the one its statistics are published in.
    #[must_use]
    pub fn from_locale(tag: &str) -> Option<Self> {
        let language = tag.split(['-', '_', '.', '@']).next()?.to_ascii_lowercase();
        match language.as_str() {
            "en" => Some(Self::En),
            "ru" | "be" => Some(Self::Ru),
            "kk" => Some(Self::Kk),
            _ => None,
        }
    }

    /// The first language of the user's preferred locales (most preferred first) that has a
    /// translation; English when none has.
    #[must_use]
    pub fn from_locales<S: AsRef<str>>(locales: impl IntoIterator<Item = S>) -> Self {
        locales.into_iter().find_map(|l| Self::from_locale(l.as_ref())).unwrap_or_default()
    }

    /// The language of the system locale (`sys-locale`: `LANGUAGE`/`LC_ALL`/`LANG` on Linux,
    /// the user's preferred languages on Windows and macOS).
    #[must_use]
    pub fn from_system() -> Self {
        Self::from_locales(sys_locale::get_locales())
    }

    fn index(self) -> usize {
        match self {
            Self::En => 0,
            Self::Ru => 1,
            Self::Kk => 2,
        }
    }
}

/// The message files of one language, in a fixed order; every language has the same files.
macro_rules! locale_files {
    ($lang:literal) => {
        [
            ("app.ftl", include_str!(concat!("../../assets/locales/", $lang, "/app.ftl"))),
            ("chart.ftl", include_str!(concat!("../../assets/locales/", $lang, "/chart.ftl"))),
            ("targets.ftl", include_str!(concat!("../../assets/locales/", $lang, "/targets.ftl"))),
            ("visit.ftl", include_str!(concat!("../../assets/locales/", $lang, "/visit.ftl"))),
            ("import.ftl", include_str!(concat!("../../assets/locales/", $lang, "/import.ftl"))),
            ("cli.ftl", include_str!(concat!("../../assets/locales/", $lang, "/cli.ftl"))),
            ("export.ftl", include_str!(concat!("../../assets/locales/", $lang, "/export.ftl"))),
            ("format.ftl", include_str!(concat!("../../assets/locales/", $lang, "/format.ftl"))),
            ("reported.ftl", include_str!(concat!("../../assets/locales/", $lang, "/reported.ftl"))),
            ("trust.ftl", include_str!(concat!("../../assets/locales/", $lang, "/trust.ftl"))),
            ("composition.ftl", include_str!(concat!("../../assets/locales/", $lang, "/composition.ftl"))),
            ("groups.ftl", include_str!(concat!("../../assets/locales/", $lang, "/groups.ftl"))),
            ("published.ftl", include_str!(concat!("../../assets/locales/", $lang, "/published.ftl"))),
            ("brief.ftl", include_str!(concat!("../../assets/locales/", $lang, "/brief.ftl"))),
        ]
    };
}

/// The embedded `.ftl` sources of a language: (file name, text).
#[must_use]
pub fn sources(lang: Lang) -> Vec<(&'static str, &'static str)> {
    match lang {
        Lang::En => locale_files!("en").to_vec(),
        Lang::Ru => locale_files!("ru").to_vec(),
        Lang::Kk => locale_files!("kk").to_vec(),
    }
}

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: LazyLock<[Bundle; 3]> = LazyLock::new(|| Lang::ALL.map(bundle));

fn bundle(lang: Lang) -> Bundle {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // egui has no glyphs for the FSI/PDI marks Fluent puts around placeables by default, and
    // the texts are never mixed with right-to-left scripts.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(format::fluent_formatter(lang)));
    for (_, text) in sources(lang) {
        // A file with a syntax error still gives its good messages; `tests/i18n_messages.rs`
        // fails on any error, so none ships.
        let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(partial, _)| partial);
        // A duplicate id keeps the first; the tests fail on duplicates too.
        bundle.add_resource_overriding(resource);
    }
    bundle
}

/// The message `id` in `lang`, without arguments.
#[must_use]
pub fn tr(lang: Lang, id: &str) -> String {
    tr_args(lang, id, None)
}

/// The message `id` in `lang` with its variables. A message missing in `lang` falls back to
/// English, then to the id itself, so a gap shows as a readable id rather than nothing (the
/// tests keep every language complete).
#[must_use]
pub fn tr_args(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    let bundles = &*BUNDLES;
    for l in [lang, Lang::En] {
        let bundle = &bundles[l.index()];
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle.format_pattern(pattern, args, &mut errors).into_owned();
        }
    }
    id.to_owned()
}

/// The attribute `attr` of message `id` (`.tooltip`, `.hint`), with the same fallbacks.
#[must_use]
pub fn tr_attr(lang: Lang, id: &str, attr: &str, args: Option<&FluentArgs>) -> String {
    let bundles = &*BUNDLES;
    for l in [lang, Lang::En] {
        let bundle = &bundles[l.index()];
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.get_attribute(attr)).map(|a| a.value()) {
            let mut errors = Vec::new();
            return bundle.format_pattern(pattern, args, &mut errors).into_owned();
        }
    }
    format!("{id}.{attr}")
}

/// `tr!(lang, "rows-read", count = 5)`: a message with named variables. Numbers become
/// Fluent numbers (plural selection and locale digits), strings stay strings.
///
/// ```text
/// tr!(Lang::Ru, "import-rows", count = 5)   → "5 строк"
/// tr!(Lang::En, "menu-file")                → "File"
/// ```
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:expr) => {
        $crate::i18n::tr($lang, $id)
    };
    ($lang:expr, $id:expr, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $(args.set(stringify!($name), $crate::i18n::FluentValue::from($value));)+
        $crate::i18n::tr_args($lang, $id, Some(&args))
    }};
}

pub use crate::tr;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_tags_pick_the_language() {
        assert_eq!(Lang::from_locale("ru-RU"), Some(Lang::Ru));
        assert_eq!(Lang::from_locale("kk_KZ.UTF-8"), Some(Lang::Kk));
        assert_eq!(Lang::from_locale("be-BY"), Some(Lang::Ru));
        assert_eq!(Lang::from_locale("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_locale("de-DE"), None);
        assert_eq!(Lang::from_locales(["de-DE", "kk-KZ", "ru-RU"]), Lang::Kk);
        assert_eq!(Lang::from_locales(["de-DE", "fr"]), Lang::En);
        assert_eq!(Lang::from_locales(Vec::<String>::new()), Lang::En);
    }

    #[test]
    fn plural_forms_come_from_the_library() {
        assert_eq!(tr!(Lang::Ru, "import-rows", count = 1), "1 строка");
        assert_eq!(tr!(Lang::Ru, "import-rows", count = 2), "2 строки");
        assert_eq!(tr!(Lang::Ru, "import-rows", count = 5), "5 строк");
        assert_eq!(tr!(Lang::Ru, "import-rows", count = 21), "21 строка");
        assert_eq!(tr!(Lang::Ru, "import-rows", count = 12), "12 строк");
        assert_eq!(tr!(Lang::Kk, "import-rows", count = 1), "1 жол");
        assert_eq!(tr!(Lang::Kk, "import-rows", count = 5), "5 жол");
        assert_eq!(tr!(Lang::En, "import-rows", count = 1), "1 row");
        assert_eq!(tr!(Lang::En, "import-rows", count = 1_234_567), "1,234,567 rows");
        assert_eq!(tr!(Lang::Ru, "import-rows", count = 1_234_567), "1\u{a0}234\u{a0}567 строк");
    }

    #[test]
    fn switching_the_language_needs_no_restart() {
        assert_eq!(tr(Lang::En, "menu-file"), "File");
        assert_eq!(tr(Lang::Ru, "menu-file"), "Файл");
        assert_eq!(tr(Lang::Kk, "menu-file"), "Файл");
        assert_eq!(tr(Lang::En, "menu-file"), "File");
    }

    #[test]
    fn a_missing_message_shows_its_id() {
        assert_eq!(tr(Lang::Ru, "no-such-message"), "no-such-message");
    }
}
