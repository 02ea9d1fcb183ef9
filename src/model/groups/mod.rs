//! Country groups used as a partner: the EAEU, the CIS and EU-27 shipped with the app
//! (`assets/groups/groups.tsv`, membership dated there), and groups the user defines, saved in
//! the workspace.
//!
//! A selection names a group by `group:ID` ("group:EAEU", "group:Nordics"); plain text naming
//! a group ("EAEU", "ЕАЭС") works too where no partner of the data has that code or name (the
//! data's partner wins, so no file that loaded before reads differently now).
//!
//! **A group's figure** is the sum over its member partners present in the data, found by the
//! same name matching as any partner (ISO code, or an English, Russian or Kazakh name):
//! - never World, and never a partner that is itself a group or an aggregate (a row "EAEU" or
//!   "European Union" in a file is not a member; only the member countries are);
//! - never a member twice: a member counts through one partner of the data (the one with its
//!   ISO code, else the first with one of its names), and a member listed twice is one member;
//! - a group containing the reporter leaves the reporter out (Belarus's trade with the EAEU is
//!   its trade with Armenia, Kazakhstan, Kyrgyzstan and Russia).
//!
//! [`Coverage`] says which members had data ("EAEU: 3 of 5 members in the data").
//!
//! `group.rs` holds the types, `builtin.rs` the groups shipped, `resolve.rs` which partners of
//! the data a selection's partner takes.

mod builtin;
mod group;
mod resolve;
#[cfg(test)]
mod tests;

pub use builtin::builtin_groups;
pub use group::{GROUP_PREFIX, Member, PartnerGroup, strip_prefix};
pub use resolve::{Coverage, coverage, display_name, find_group, partner_mask};
