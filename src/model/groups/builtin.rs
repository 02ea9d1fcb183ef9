//! The groups shipped with the app, read once from `assets/groups/groups.tsv` (embedded).

use std::sync::LazyLock;

use super::group::{Member, PartnerGroup};

const GROUPS_TSV: &str = include_str!("../../../assets/groups/groups.tsv");

static BUILTIN: LazyLock<Vec<PartnerGroup>> = LazyLock::new(|| parse(GROUPS_TSV));

/// The EAEU, the CIS and EU-27, with their members' ISO codes and English, Russian and Kazakh
/// names; the date of each membership is in [`PartnerGroup::as_of`].
#[must_use]
pub fn builtin_groups() -> &'static [PartnerGroup] {
    &BUILTIN
}

/// Reads the embedded table (a line it cannot read is skipped; a test checks there is none).
pub(super) fn parse(text: &str) -> Vec<PartnerGroup> {
    let mut groups: Vec<PartnerGroup> = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        match line.split('\t').collect::<Vec<_>>().as_slice() {
            ["group", id, en, ru, kk, as_of] => groups.push(PartnerGroup {
                id: (*id).to_owned(),
                names: vec![(*en).to_owned(), (*ru).to_owned(), (*kk).to_owned()],
                members: Vec::new(),
                as_of: (*as_of).to_owned(),
                builtin: true,
            }),
            ["member", group, code, en, ru, kk] => {
                if let Some(g) = groups.iter_mut().find(|g| g.id == *group) {
                    let names = [en, ru, kk].iter().flat_map(|n| n.split('|')).map(str::to_owned).collect();
                    g.members.push(Member { code: (*code).to_owned(), names });
                }
            }
            _ => {}
        }
    }
    groups
}

/// Lines of the table that [`parse`] does not read (tests).
#[cfg(test)]
pub(super) fn unread_lines(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            !(f.len() == 6 && (f[0] == "group" || f[0] == "member"))
        })
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
pub(super) const TABLE: &str = GROUPS_TSV;
