//! Snapshots of every report format for two real pairs: the bundled draft
//! against the seed communiqué, and UN resolution 78/35 against 79/38 (an
//! inserted paragraph renumbers all that follow). Each snapshot was read
//! and checked by hand before it was accepted.

use std::path::PathBuf;

use communique::diff::Diff;
use communique::report::{self, ReportOptions, Theme};
use communique::{Options, compare};

use crate::support::diffs::load;
use crate::support::harness::corpus_file;

fn bundled() -> Diff {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let old = "statements/d-isis-small-group/2021-03-26-joint-communique-draft.txt";
    let new = "statements/d-isis-small-group/2021-03-30-joint-communique.txt";
    compare(
        &load(&repo.join(old), old),
        &load(&repo.join(new), new),
        &Options::named(old, new),
    )
}

fn tpnw() -> Diff {
    let old = "unga-tpnw/2023-12-04-a-res-78-35.txt";
    let new = "unga-tpnw/2024-12-02-a-res-79-38.txt";
    compare(
        &load(&corpus_file(old), old),
        &load(&corpus_file(new), new),
        &Options::named(old, new),
    )
}

fn terminal(diff: &Diff, context: usize) -> String {
    let mut out = Vec::new();
    let options = ReportOptions::default()
        .with_context(context)
        .with_theme(Theme::PLAIN);
    report::terminal::write(&mut out, diff, &options).expect("writes to a Vec");
    String::from_utf8(out).expect("utf-8")
}

fn markdown(diff: &Diff) -> String {
    let mut out = Vec::new();
    report::markdown::write(&mut out, diff, &report::ReportOptions::default())
        .expect("writes to a Vec");
    String::from_utf8(out).expect("utf-8")
}

fn json(diff: &Diff) -> String {
    let mut out = Vec::new();
    report::json::write(&mut out, diff, &report::ReportOptions::default())
        .expect("writes to a Vec");
    String::from_utf8(out).expect("utf-8")
}

fn bundled_terminal() {
    insta::assert_snapshot!(terminal(&bundled(), 0));
}

fn bundled_terminal_with_context() {
    insta::assert_snapshot!(terminal(&bundled(), 1));
}

fn bundled_markdown() {
    insta::assert_snapshot!(markdown(&bundled()));
}

fn bundled_json() {
    insta::assert_snapshot!(json(&bundled()));
}

fn tpnw_terminal() {
    let d = tpnw();
    insta::assert_snapshot!(terminal(&d, 0));
}

fn tpnw_markdown() {
    let d = tpnw();
    insta::assert_snapshot!(markdown(&d));
}

fn tpnw_json() {
    let d = tpnw();
    insta::assert_snapshot!(json(&d));
}

crate::tests![
    bundled_terminal,
    bundled_terminal_with_context,
    bundled_markdown,
    bundled_json,
    tpnw_terminal[Shared],
    tpnw_markdown[Shared],
    tpnw_json[Shared],
];
