//! The bundled seed communiqué that the check, git setup, injection and bad
//! input tests start from, and the edits they make to it.

use super::Sandbox;
use super::sandbox::repo;

/// The seed communiqué, as a path in this repository and in a team's store.
pub const SEED: &str = "statements/d-isis-small-group/2021-03-30-joint-communique.txt";

/// A commitment of the seed, and the same words weakened.
pub const WEAKEN_FROM: &str = "committed to strengthen cooperation";
/// See [`WEAKEN_FROM`].
pub const WEAKEN_TO: &str = "intend to strengthen cooperation";

/// The seed's text.
pub fn seed() -> String {
    std::fs::read_to_string(repo().join(SEED)).expect("the seed statement")
}

/// `text` with `from` replaced by `to` (which must occur).
pub fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "the seed holds {from:?}");
    text.replacen(from, to, 1)
}

/// A sandbox holding the seed as `base.txt`, the baseline of a check.
pub fn with_base() -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.write("base.txt", &seed());
    sandbox
}

/// A git repository with the seed committed at its store path, as a drafting
/// team's repository looks, and that path.
pub fn team_store() -> (Sandbox, String) {
    let w = with_base();
    w.git(&["init", "-q", "-b", "main"]);
    w.write(SEED, &seed());
    w.git(&["add", "."]);
    w.commit_staged("seed");
    (w, SEED.to_owned())
}
