//! The man pages in assets/packaging/man/ are generated from the command line's clap
//! definition, so they say what `--help` says. This test fails when a committed page is stale;
//! `UPDATE_MAN=1 cargo test --test man_page` writes them again.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use std::path::{Path, PathBuf};

use clap::CommandFactory;

/// (file name, page) for the program and each of its visible subcommands.
fn pages() -> Vec<(String, Vec<u8>)> {
    let cmd = tradedash::cli::Cli::command().version(env!("CARGO_PKG_VERSION"));
    let mut out = Vec::new();
    let mut main = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut main).unwrap();
    out.push(("tradedash.1".to_owned(), main));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        // clap's names are `&'static str` (no `string` feature): one small leak per page, in a test.
        let name: &'static str = Box::leak(format!("tradedash-{}", sub.get_name()).into_boxed_str());
        let sub = sub.clone().name(name);
        let mut page = Vec::new();
        clap_mangen::Man::new(sub).render(&mut page).unwrap();
        out.push((format!("{name}.1"), page));
    }
    out
}

fn man_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/packaging/man")
}

#[test]
fn committed_man_pages_match_the_command_line() {
    let dir = man_dir();
    let update = std::env::var_os("UPDATE_MAN").is_some();
    let mut stale = Vec::new();
    let pages = pages();
    for (name, page) in &pages {
        let path = dir.join(name);
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, page).unwrap();
        } else if std::fs::read(&path).ok().as_deref() != Some(page.as_slice()) {
            stale.push(name.clone());
        }
    }
    // No page for a subcommand that no longer exists.
    let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let file = entry.unwrap().file_name().to_string_lossy().into_owned();
        if !names.contains(&file.as_str()) {
            stale.push(format!("{file} (no such command)"));
        }
    }
    assert!(
        stale.is_empty(),
        "man pages out of date: {stale:?}; run `UPDATE_MAN=1 cargo test --test man_page` and commit"
    );
    let main = String::from_utf8_lossy(&pages[0].1).into_owned();
    assert!(main.contains("export\\-brief"), "the briefing command is listed");
}
