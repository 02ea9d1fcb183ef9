//! A country group: its key, its names in the app's languages, its members.

use serde::{Deserialize, Serialize};

use crate::model::dataset::Party;

/// What a selection's partner starts with to name a group: `group:EAEU`.
pub const GROUP_PREFIX: &str = "group:";

/// A member of a group: a country by ISO code and names.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Member {
    /// ISO 3166-1 alpha-3 code ("KAZ"), or the partner's code in the data; may be empty.
    pub code: String,
    /// Names the country goes by (English, Russian, Kazakh; a user group's member: the name
    /// of the partner picked).
    pub names: Vec<String>,
}

impl Member {
    /// A member for a partner of the data.
    #[must_use]
    pub fn of_party(p: &Party) -> Self {
        Self { code: p.code.trim().to_owned(), names: vec![p.name.trim().to_owned()] }
    }

    /// Whether a partner of the data is this member (by code, else by any name).
    #[must_use]
    pub fn is(&self, p: &Party) -> bool {
        (!self.code.is_empty() && p.matches(&self.code)) || self.names.iter().any(|n| p.matches(n))
    }

    /// Whether text (a selection's reporter) names this member.
    #[must_use]
    pub fn named_by(&self, text: &str) -> bool {
        let t = text.trim();
        !t.is_empty()
            && (self.code.eq_ignore_ascii_case(t)
                || self.names.iter().any(|n| n.to_lowercase() == t.to_lowercase()))
    }

    /// The member's key: its code, else its first name, upper-cased (two entries of one
    /// country are one member).
    #[must_use]
    pub fn key(&self) -> String {
        if self.code.is_empty() { self.names.first().cloned().unwrap_or_default() } else { self.code.clone() }
            .to_uppercase()
    }

    /// The name shown: its first name (English for the groups shipped), else its code.
    #[must_use]
    pub fn label(&self) -> String {
        self.names.first().cloned().filter(|n| !n.is_empty()).unwrap_or_else(|| self.code.clone())
    }
}

/// A group of countries usable as a partner.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct PartnerGroup {
    /// The key a selection names it by after [`GROUP_PREFIX`] ("EAEU"; a user group's name).
    pub id: String,
    /// Its names in English, Russian and Kazakh (a user group: its one name).
    pub names: Vec<String>,
    /// The members; a member listed twice counts once.
    pub members: Vec<Member>,
    /// The date of the membership (built-in groups: "2015-08-12"); empty for user groups.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub as_of: String,
    /// Whether the group is shipped with the app (not saved in workspaces, not editable).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub builtin: bool,
}

impl PartnerGroup {
    /// A user-defined group.
    #[must_use]
    pub fn user(name: &str, members: Vec<Member>) -> Self {
        let name = name.trim().to_owned();
        Self { id: name.clone(), names: vec![name], members, as_of: String::new(), builtin: false }
    }

    /// The selection's partner text naming this group: `group:ID`.
    #[must_use]
    pub fn key(&self) -> String {
        format!("{GROUP_PREFIX}{}", self.id)
    }

    /// The name in a language (0 English, 1 Russian, 2 Kazakh), else the first name, else the id.
    #[must_use]
    pub fn name(&self, lang_index: usize) -> &str {
        self.names.get(lang_index).or_else(|| self.names.first()).map_or(self.id.as_str(), String::as_str)
    }

    /// Whether text names the group: its id or one of its names, ignoring case (with or
    /// without [`GROUP_PREFIX`]).
    #[must_use]
    pub fn named_by(&self, text: &str) -> bool {
        let t = strip_prefix(text).unwrap_or(text).trim().to_lowercase();
        !t.is_empty() && (self.id.to_lowercase() == t || self.names.iter().any(|n| n.to_lowercase() == t))
    }

    /// Whether a partner of the data is named like the group (an aggregate row, never a member).
    #[must_use]
    pub fn is_named_party(&self, p: &Party) -> bool {
        p.matches(&self.id) || self.names.iter().any(|n| p.matches(n))
    }

    /// The members without repeats, in order.
    #[must_use]
    pub fn distinct_members(&self) -> Vec<&Member> {
        let mut seen = std::collections::HashSet::new();
        self.members.iter().filter(|m| !m.key().is_empty() && seen.insert(m.key())).collect()
    }
}

/// The text after [`GROUP_PREFIX`] (any case), or `None` when the text does not start with it.
#[must_use]
pub fn strip_prefix(text: &str) -> Option<&str> {
    let t = text.trim();
    let n = GROUP_PREFIX.len();
    (t.len() >= n && t.is_char_boundary(n) && t[..n].eq_ignore_ascii_case(GROUP_PREFIX))
        .then(|| t[n..].trim())
}
