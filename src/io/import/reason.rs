//! Why a row was skipped or set aside, why a file was refused, and the notes on how a file was
//! read, kept as data: the id of a Fluent message in `assets/locales/*/import.ftl` and the
//! values it names. The window and `summary --lang` write them in the reader's language; the
//! English text (the `Display`, the JSON, logs) is the same message in English, byte for byte
//! what the importer wrote when it kept English strings (`tests/import_english_unchanged.rs`).
//!
//! A reason is built only when a row is skipped or a note written, never for a row that is
//! read: the reader's hot path allocates nothing for it (set-aside rows carry a `&'static str`
//! message id, turned into a [`Reason`] once per kind).
//!
//! Values that must not be grouped or localised (line numbers, sizes in MB, text quoted from
//! the file) are passed as text; counts that choose a plural form are passed as numbers.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::i18n::{FluentArgs, FluentValue, Lang, tr_args};

/// One value of a [`Reason`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Arg {
    /// Text as it is: quoted from the file, a line number, a size.
    Text(String),
    /// A count: written with the language's digits, and it chooses plural forms.
    Count(u64),
    /// Another message, written in the same language ("unit-thousand", "xls-part-sat").
    Message(&'static str),
    /// A reason inside a reason ("a table with one column per month: …").
    Reason(Box<Reason>),
    /// Reasons joined by ", " ("line 8: $1,000, line 9: $2,000").
    List(Vec<Reason>),
    /// Whole US dollars, grouped in the language's digits ("52,000,000", "52 000 000").
    Dollars(i64),
}

impl Arg {
    /// Whole dollars from a figure ("—" when it is not a number).
    #[must_use]
    #[allow(clippy::cast_possible_truncation, reason = "trade figures are far below i64::MAX dollars")]
    pub fn dollars(usd: f64) -> Self {
        if usd.is_finite() { Self::Dollars(usd.round() as i64) } else { Self::Text("—".to_owned()) }
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Self::Text(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Self::Text(s.to_owned())
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        Self::Count(n)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Self::Count(n as u64)
    }
}

impl From<Reason> for Arg {
    fn from(r: Reason) -> Self {
        Self::Reason(Box::new(r))
    }
}

/// A message id and its values: a text in any of the app's languages.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Reason {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl Reason {
    /// The message `id` without values.
    #[must_use]
    pub fn new(id: &'static str) -> Self {
        Self { id, args: Vec::new() }
    }

    /// The message `id` with the value `name` set.
    #[must_use]
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// The message id ("row-not-number").
    #[must_use]
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The text in `lang`.
    #[must_use]
    pub fn text(&self, lang: Lang) -> String {
        if self.args.is_empty() {
            return tr_args(lang, self.id, None);
        }
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            let v: FluentValue<'_> = match value {
                Arg::Text(s) => FluentValue::from(s.as_str()),
                Arg::Count(n) => FluentValue::from(*n),
                Arg::Message(id) => FluentValue::from(tr_args(lang, id, None)),
                Arg::Reason(r) => FluentValue::from(r.text(lang)),
                Arg::List(rs) => {
                    FluentValue::from(rs.iter().map(|r| r.text(lang)).collect::<Vec<_>>().join(", "))
                }
                #[allow(
                    clippy::cast_precision_loss,
                    reason = "whole dollars of trade figures are exact in f64"
                )]
                Arg::Dollars(n) => FluentValue::from(crate::model::format::usd_exact_in(lang, *n as f64)),
            };
            args.set(*name, v);
        }
        tr_args(lang, self.id, Some(&args))
    }
}

/// `reason!("row-not-number", found = format!("{raw:?}"))`: a [`Reason`] with named values.
#[macro_export]
macro_rules! reason {
    ($id:expr) => {
        $crate::io::import::Reason::new($id)
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::io::import::Reason::new($id)$(.with(stringify!($name), $value))+
    };
}

/// English, as the report, the command line's default output and logs have always said it.
impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// JSON keeps English reasons (`summary --json` is read by scripts; its keys and texts do not
/// change with `--lang`).
impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

impl PartialEq<str> for Reason {
    fn eq(&self, other: &str) -> bool {
        self.text(Lang::En) == other
    }
}

impl PartialEq<&str> for Reason {
    fn eq(&self, other: &&str) -> bool {
        self.text(Lang::En) == *other
    }
}

/// A value quoted as the importer has always quoted it: Rust's debug form ("\"abc\"").
#[must_use]
pub fn quoted(s: &str) -> String {
    format!("{s:?}")
}

/// The message naming a unit ("thousands of US dollars"), by its English label.
#[must_use]
pub fn unit_arg(label: &'static str) -> Arg {
    match label {
        "US dollars" => Arg::Message("unit-usd"),
        "thousands of US dollars" => Arg::Message("unit-thousand"),
        "millions of US dollars" => Arg::Message("unit-million"),
        "billions of US dollars" => Arg::Message("unit-billion"),
        other => Arg::Text(other.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_the_display_and_russian_is_a_choice() {
        let r = reason!("row-not-number", found = quoted("abc"));
        assert_eq!(r.to_string(), "expected a number, found \"abc\"");
        assert_eq!(r.text(Lang::Ru), "ожидалось число, найдено \"abc\"");
        assert_eq!(serde_json::to_string(&r).unwrap_or_default(), r#""expected a number, found \"abc\"""#);
    }

    #[test]
    fn the_period_forms_are_the_ones_the_parser_reads() {
        let r = reason!("row-bad-month-word", found = quoted("x"));
        assert!(r.to_string().contains(crate::model::period::SPAN_FORMS), "{r}");
        let r = reason!("header-mapping-no-period-columns", header = "a, b");
        assert!(r.to_string().contains(crate::model::period::SPAN_FORMS), "{r}");
    }

    #[test]
    fn a_reason_inside_a_reason_speaks_the_same_language() {
        let inner = reason!("header-no-value-column");
        let r = reason!("header-wide-problem", problem = inner);
        assert_eq!(r.to_string(), "a table with one column per month: no value column");
        assert!(r.text(Lang::Kk).contains(&reason!("header-no-value-column").text(Lang::Kk)));
        assert_ne!(r.text(Lang::Kk), r.to_string());
    }
}
