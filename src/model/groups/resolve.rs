//! Which partners of the data a selection's partner takes: one partner, or a group's members.

use super::builtin::builtin_groups;
use super::group::{Member, PartnerGroup, strip_prefix};
use crate::model::dataset::Party;

/// The group `query` names: `group:ID` (or a name after the prefix) always; plain text only
/// when no partner of the data has that code or name. Groups shipped with the app first, then
/// the user's.
#[must_use]
pub fn find_group<'a>(query: &str, partners: &[Party], user: &'a [PartnerGroup]) -> Option<&'a PartnerGroup> {
    let prefixed = strip_prefix(query).is_some();
    if !prefixed && partners.iter().any(|p| p.matches(query)) {
        return None;
    }
    builtin_groups().iter().chain(user).find(|g| g.named_by(query))
}

/// How a partner text that is no partner of the data reads: a group shipped with the app by
/// its name in a language (0 English, 1 Russian, 2 Kazakh), `group:Nordics` as "Nordics",
/// anything else as it is.
#[must_use]
pub fn display_name(query: &str, lang_index: usize) -> String {
    match builtin_groups().iter().find(|g| g.named_by(query)) {
        Some(g) => g.name(lang_index).to_owned(),
        None => strip_prefix(query).unwrap_or(query).to_owned(),
    }
}

/// Which of the data's `partners` the selection's partner takes: all for `None`; those
/// matching it; or a group's members (rules in the module documentation). `reporters` are the
/// data's reporters, to find the selection's reporter among the members.
#[must_use]
pub fn partner_mask(
    partners: &[Party],
    reporters: &[Party],
    partner: Option<&str>,
    reporter: Option<&str>,
    user: &[PartnerGroup],
) -> Vec<bool> {
    let Some(q) = partner else { return vec![true; partners.len()] };
    match find_group(q, partners, user) {
        Some(group) => {
            let mut mask = vec![false; partners.len()];
            for (_, pick) in picks(group, partners, reporters, reporter, user).0 {
                if let Some(i) = pick {
                    mask[i] = true;
                }
            }
            mask
        }
        None => partners.iter().map(|p| p.matches(q)).collect(),
    }
}

/// Which members of a group the data has, for "EAEU: 3 of 5 members in the data".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// The group's name (in the language asked for).
    pub group: String,
    /// Members counted (the reporter left out).
    pub members: usize,
    /// The partners of the data that stand for members, as labelled there.
    pub present: Vec<String>,
    /// Members without a partner in the data (their first name).
    pub missing: Vec<String>,
    /// The member left out because it is the reporter.
    pub reporter_left_out: Option<String>,
}

/// Coverage of the group `partner` names, or `None` when it names no group.
#[must_use]
pub fn coverage(
    partners: &[Party],
    reporters: &[Party],
    partner: Option<&str>,
    reporter: Option<&str>,
    user: &[PartnerGroup],
    lang_index: usize,
) -> Option<Coverage> {
    let group = find_group(partner?, partners, user)?;
    let (picked, left_out) = picks(group, partners, reporters, reporter, user);
    let mut c = Coverage {
        group: group.name(lang_index).to_owned(),
        members: picked.len(),
        reporter_left_out: left_out.map(Member::label),
        ..Coverage::default()
    };
    for (m, pick) in picked {
        match pick {
            Some(i) => c.present.push(partners[i].label()),
            None => c.missing.push(m.label()),
        }
    }
    Some(c)
}

/// Each member counted and the partner of the data standing for it; and the member left out
/// as the reporter.
fn picks<'g>(
    group: &'g PartnerGroup,
    partners: &[Party],
    reporters: &[Party],
    reporter: Option<&str>,
    user: &[PartnerGroup],
) -> (Vec<(&'g Member, Option<usize>)>, Option<&'g Member>) {
    let is_reporter = |m: &Member| {
        reporter.is_some_and(|r| m.named_by(r) || reporters.iter().any(|p| p.matches(r) && m.is(p)))
    };
    // World and partners named like a group are aggregates: never members.
    let candidate =
        |p: &Party| !p.is_world() && !builtin_groups().iter().chain(user).any(|g| g.is_named_party(p));
    let mut left_out = None;
    let mut picked = Vec::new();
    for m in group.distinct_members() {
        if is_reporter(m) {
            left_out = Some(m);
            continue;
        }
        let by_code = partners
            .iter()
            .position(|p| candidate(p) && !m.code.is_empty() && p.code.eq_ignore_ascii_case(m.code.trim()));
        let pick = by_code.or_else(|| partners.iter().position(|p| candidate(p) && m.is(p)));
        picked.push((m, pick));
    }
    (picked, left_out)
}
