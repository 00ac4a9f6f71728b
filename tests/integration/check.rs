//! `communique check` end to end (issue 7): every rule on the seed
//! communiqué as baseline, with an edited draft that triggers it; exit
//! codes, severities and the exact GitHub annotation lines; waivers; bad
//! policies; the default policy and the command the pre-commit hook and the
//! CI workflow run, in a temporary store.

use crate::support::Sandbox;
use crate::support::seed::{WEAKEN_FROM, WEAKEN_TO, edit, seed, team_store, with_base};

/// `check DRAFT --against base.txt --format github [extra]`.
fn github(w: &Sandbox, draft: &str, extra: &[&str]) -> (i32, Vec<String>) {
    let mut args = vec![
        "check",
        draft,
        "--against",
        "base.txt",
        "--format",
        "github",
    ];
    args.extend_from_slice(extra);
    let (code, out, err) = w.run(&args);
    assert!(code == 0 || code == 1, "{args:?} failed ({code}): {err}");
    (code, out.lines().map(str::to_owned).collect())
}

/// The seed without the line that starts with `start`.
fn without_line(text: &str, start: &str) -> String {
    assert!(text.lines().any(|l| l.starts_with(start)), "{start:?}");
    text.lines()
        .filter(|l| !l.starts_with(start))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// Annotation lines only (the summary line is plain text).
fn annotations(lines: &[String]) -> Vec<&str> {
    lines
        .iter()
        .filter(|l| l.starts_with("::"))
        .map(String::as_str)
        .collect()
}

const REMOVED: &str = "The Ministers reiterated their unwavering commitment";

fn an_unchanged_draft_passes() {
    let w = with_base();
    w.write("draft.txt", &seed());
    let (code, lines) = github(&w, "draft.txt", &[]);
    assert_eq!(code, 0);
    assert_eq!(
        lines,
        ["communique check: draft.txt against base.txt: 0 errors, 0 warnings, 0 notices"]
    );
}

fn commitment_weakened_is_an_error_at_its_line() {
    let w = with_base();
    w.write("draft.txt", &edit(&seed(), WEAKEN_FROM, WEAKEN_TO));
    let (code, lines) = github(&w, "draft.txt", &[]);
    assert_eq!(code, 1);
    assert_eq!(
        annotations(&lines),
        [
            "::error file=draft.txt,line=13,title=commitment-weakened::¶1.4 commitment weakened: marker 'committed to' (strong) → 'intend to' (moderate)"
        ]
    );
}

fn commitment_removed_points_after_the_sentence_before_it() {
    let w = with_base();
    w.write("draft.txt", &without_line(&seed(), REMOVED));
    let (code, lines) = github(&w, "draft.txt", &[]);
    assert_eq!(code, 1);
    assert_eq!(
        annotations(&lines),
        [
            "::error file=draft.txt,line=19,title=commitment-removed::baseline ¶3.1 commitment removed with its sentence: clause removed: 'reiterated their unwavering commitment' (strong) in \"The Ministers reiterated their unwavering commitment to cont…\""
        ]
    );
    // Its severity is the policy's.
    w.write(
        "p.toml",
        "[check.severity]\ncommitment-removed = \"warning\"\n",
    );
    let (code, lines) = github(&w, "draft.txt", &["--policy", "p.toml"]);
    assert_eq!(code, 0);
    assert!(annotations(&lines)[0].starts_with("::warning file=draft.txt,line=19,"));
}

fn a_waiver_silences_exactly_its_sentence() {
    let w = with_base();
    let draft = without_line(&edit(&seed(), WEAKEN_FROM, WEAKEN_TO), REMOVED);
    w.write("draft.txt", &draft);
    let (_, lines) = github(&w, "draft.txt", &[]);
    assert_eq!(annotations(&lines).len(), 2, "{lines:?}");
    let sentence = seed()
        .lines()
        .find(|l| l.contains(WEAKEN_FROM))
        .expect("the sentence")
        .to_owned();
    w.write(
        "p.toml",
        &format!(
            "[other-tool]\nkept = true\n\n[[check.waive]]\nrule = \"commitment-weakened\"\nsentence = {sentence:?}\nreason = \"agreed in the March 25 call\"\n"
        ),
    );
    let (code, lines) = github(&w, "draft.txt", &["--policy", "p.toml"]);
    assert_eq!(code, 1, "the removed commitment is still an error");
    let left = annotations(&lines);
    assert_eq!(left.len(), 1, "{lines:?}");
    assert!(left[0].contains("title=commitment-removed"), "{left:?}");
    // A waiver for another rule does not silence it.
    w.write(
        "p.toml",
        &format!(
            "[[check.waive]]\nrule = \"protected\"\nsentence = {sentence:?}\nreason = \"x\"\n"
        ),
    );
    let (_, lines) = github(&w, "draft.txt", &["--policy", "p.toml"]);
    assert_eq!(annotations(&lines).len(), 2);
}

fn a_protected_sentence_must_stay_verbatim() {
    let w = with_base();
    let protected = "The Coalition operates in Iraq at the request of the Government of Iraq, in full respect of Iraq's sovereignty and aiming at strengthening its security.";
    w.write(
        "p.toml",
        &format!("[[check.protected]]\nsentence = {protected:?}\nreason = \"red line\"\n"),
    );
    // Editorial differences (curly quote, case) are not changes.
    w.write(
        "same.txt",
        &edit(&seed(), "Iraq's sovereignty", "IRAQ’s sovereignty"),
    );
    let (code, _) = github(&w, "same.txt", &["--policy", "p.toml"]);
    assert_eq!(code, 0);
    w.write(
        "draft.txt",
        &edit(&seed(), "in full respect of", "with due regard for"),
    );
    let (code, lines) = github(&w, "draft.txt", &["--policy", "p.toml"]);
    assert_eq!(code, 1);
    assert_eq!(
        annotations(&lines),
        [format!(
            "::error file=draft.txt,line=23,title=protected::¶3.3 protected sentence changed (red line): \"{}…\"",
            &protected[..80]
        )]
    );
}

fn forbidden_phrase_with_a_suggestion_at_its_line() {
    let w = with_base();
    w.write(
        "p.toml",
        "[check.severity]\nforbidden-phrase = \"warning\"\n\n[[check.forbidden]]\nphrase = \"ISIL\"\nsuggestion = \"Daesh/ISIS\"\n",
    );
    w.write(
        "draft.txt",
        &edit(&seed(), "Daesh/ISIS no longer", "ISIL no longer"),
    );
    let (code, lines) = github(&w, "draft.txt", &["--policy", "p.toml"]);
    assert_eq!(code, 0, "a warning does not fail the check");
    assert_eq!(
        annotations(&lines),
        [
            "::warning file=draft.txt,line=16,title=forbidden-phrase::¶2.1 forbidden phrase \"ISIL\"; write \"Daesh/ISIS\""
        ]
    );
}

fn required_phrase_missing_is_an_error_on_the_file() {
    let w = with_base();
    w.write(
        "p.toml",
        "[[check.required]]\nphrase = \"Global Coalition\"\n",
    );
    w.write(
        "draft.txt",
        &seed().replace("Global Coalition", "Coalition"),
    );
    let (code, lines) = github(&w, "draft.txt", &["--policy", "p.toml"]);
    assert_eq!(code, 1);
    assert_eq!(
        annotations(&lines),
        [
            "::error file=draft.txt,title=required-phrase::document required phrase \"Global Coalition\" is missing"
        ]
    );
}

fn brackets_opened_left_in_a_final_draft_and_unbalanced() {
    let w = with_base();
    w.write(
        "draft.txt",
        &edit(&seed(), "in Italy as soon", "in [Italy] as soon"),
    );
    let (code, lines) = github(&w, "draft.txt", &[]);
    assert_eq!(code, 0, "an opened bracket is a notice");
    assert_eq!(
        annotations(&lines),
        ["::notice file=draft.txt,line=42,title=brackets::¶6.3 bracket opened: [Italy]"]
    );
    let (code, lines) = github(&w, "draft.txt", &["--final"]);
    assert_eq!(code, 1);
    assert_eq!(
        annotations(&lines)[1],
        "::error file=draft.txt,line=42,title=brackets::¶6.3 bracketed text left in a final draft: [Italy]"
    );
    // The policy can make every draft final.
    w.write("p.toml", "[check]\nfinal = true\n");
    assert_eq!(github(&w, "draft.txt", &["--policy", "p.toml"]).0, 1);
    // Unbalanced brackets are errors even when the rule is off.
    w.write("p.toml", "[check.severity]\nbrackets = \"off\"\n");
    w.write(
        "open.txt",
        &edit(
            &seed(),
            "The Coalition must continue",
            "The Coalition [must continue",
        ),
    );
    let (code, lines) = github(&w, "open.txt", &["--policy", "p.toml"]);
    assert_eq!(code, 1);
    assert_eq!(
        annotations(&lines),
        [
            "::error file=open.txt,line=30,title=brackets::¶4.2 unbalanced brackets: `[` never closed"
        ]
    );
}

fn low_retention_is_a_warning() {
    let w = with_base();
    // Only the first two paragraphs: 9 of the 28 sentences.
    let seed = seed();
    let cut = seed.find("\n\nThe Ministers reiterated").expect("¶3");
    w.write("draft.txt", &seed[..cut + 1]);
    w.write(
        "p.toml",
        "[check.severity]\ncommitment-removed = \"off\"\nbrackets = \"off\"\n",
    );
    let (code, lines) = github(&w, "draft.txt", &["--policy", "p.toml"]);
    assert_eq!(code, 0);
    assert_eq!(
        annotations(&lines),
        [
            "::warning file=draft.txt,title=retention::document the draft keeps 9 of 28 baseline sentences (32%25), below the policy's 50%25"
        ]
    );
    w.write(
        "p.toml",
        "[check]\nretention-threshold = 0.25\n[check.severity]\ncommitment-removed = \"off\"\n",
    );
    assert_eq!(
        annotations(&github(&w, "draft.txt", &["--policy", "p.toml"]).1),
        Vec::<&str>::new()
    );
}

fn plain_text_and_markdown_drafts_point_at_their_real_lines() {
    let w = with_base();
    w.write("p.toml", "[[check.forbidden]]\nphrase = \"ISIL\"\n");
    let seed = seed();
    let body: Vec<String> = seed
        .split("+++\n")
        .nth(2)
        .expect("body")
        .trim()
        .split("\n\n")
        .map(|p| p.split('\n').collect::<Vec<_>>().join(" "))
        .collect();
    // The title line is a paragraph of its own: the seed's ¶2 is ¶3 here.
    let text = format!("Joint Communiqué\n\n{}\n", body.join("\n\n"));
    let text = edit(
        &text,
        "The Ministers noted the new 2021",
        "The Ministers noted the new 2021 ISIL",
    );
    let line = text
        .lines()
        .position(|l| l.contains(" ISIL"))
        .expect("the edit")
        + 1;
    w.write("draft.txt", &text);
    let (_, lines) = github(&w, "draft.txt", &["--policy", "p.toml"]);
    assert_eq!(
        annotations(&lines),
        [format!(
            "::error file=draft.txt,line={line},title=forbidden-phrase::¶3.4 forbidden phrase \"ISIL\""
        )]
    );
    let md = format!("# Joint Communiqué\n\n{}\n", body.join("\n\n- "));
    let md = edit(&md, "Appropriate measures", "Appropriate ISIL measures");
    let line = md.lines().position(|l| l.contains("ISIL")).expect("edit") + 1;
    w.write("draft.md", &md);
    let (_, lines) = github(&w, "draft.md", &["--policy", "p.toml"]);
    let got = annotations(&lines);
    assert_eq!(got.len(), 1, "{lines:?}");
    assert!(
        got[0].starts_with(&format!(
            "::error file=draft.md,line={line},title=forbidden-phrase::"
        )),
        "{got:?}"
    );
}

fn json_has_the_schema_and_every_field() {
    let w = with_base();
    w.write("draft.txt", &edit(&seed(), WEAKEN_FROM, WEAKEN_TO));
    let (code, out, _) = w.run(&[
        "check",
        "draft.txt",
        "--against",
        "base.txt",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["schema"], "communique.check/1");
    assert_eq!(v["summary"]["errors"], 1);
    let check = &v["checks"][0];
    assert_eq!(check["draft"]["ref"], "draft.txt");
    assert_eq!(check["baseline"]["date"], "2021-03-30");
    assert_eq!(check["file"], "draft.txt");
    let f = &check["findings"][0];
    assert_eq!(f["rule"], "commitment-weakened");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["line"], 13);
    assert_eq!(f["location"]["side"], "draft");
    assert_eq!(f["location"]["paragraph"], 1);
    assert_eq!(f["location"]["sentence"], 4);
    assert!(
        f["sentence"]
            .as_str()
            .is_some_and(|s| s.contains(WEAKEN_TO))
    );
}

fn text_report_and_troubles() {
    let w = with_base();
    w.write("draft.txt", &edit(&seed(), WEAKEN_FROM, WEAKEN_TO));
    let (code, out, _) = w.run(&["check", "draft.txt", "--against", "base.txt"]);
    assert_eq!(code, 1);
    assert!(
        out.starts_with(
            "draft.txt against base.txt\n  error   commitment-weakened ¶1.4 (line 13): "
        ),
        "{out}"
    );
    assert!(
        out.ends_with("draft.txt: 1 error, 0 warnings, 0 notices\n"),
        "{out}"
    );
    // No baseline.
    let (code, _, err) = w.run(&["check", "draft.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("give --against BASE"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    // A malformed policy names its line.
    w.write("p.toml", "[check]\nfinal = true\nretention = 0.4\n");
    let (code, _, err) = w.run(&[
        "check",
        "draft.txt",
        "--against",
        "base.txt",
        "--policy",
        "p.toml",
    ]);
    assert_eq!(code, 2);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("p.toml is not valid") && err.contains("line 3"),
        "{err}"
    );
    w.write(
        "p.toml",
        "[[check.waive]]\nrule = \"commitment-weakened\"\nsentence = \"S.\"\n",
    );
    let (code, _, err) = w.run(&[
        "check",
        "draft.txt",
        "--against",
        "base.txt",
        "--policy",
        "p.toml",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("reason"), "{err}");
    w.write("p.toml", "[check.severity]\nbrackets = \"fatal\"\n");
    let (_, _, err) = w.run(&[
        "check",
        "draft.txt",
        "--against",
        "base.txt",
        "--policy",
        "p.toml",
    ]);
    assert!(err.contains("line 2"), "{err}");
}

fn the_pre_commit_and_ci_command_on_a_temporary_store() {
    let (w, path) = team_store();
    // The policy of the repository is found without --policy.
    w.write(
        "communique.toml",
        "[store]\nunrelated = 1\n\n[check.severity]\nforbidden-phrase = \"warning\"\n\n[[check.forbidden]]\nphrase = \"ISIL\"\n",
    );
    w.write(
        &path,
        &edit(&seed(), "Daesh/ISIS no longer", "ISIL no longer"),
    );
    // What .pre-commit-hooks.yaml runs (files passed by pre-commit) …
    let (code, out, err) = w.run(&["check", "--base-rev", "HEAD", &path]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("warning forbidden-phrase ¶2.1 (line 16)"),
        "{out}"
    );
    // … and what the workflow in docs/ci.md runs.
    w.write(&path, &edit(&seed(), WEAKEN_FROM, WEAKEN_TO));
    let (code, out, err) = w.run(&[
        "check",
        "--base-rev",
        "main",
        "--policy-from-base",
        "--format",
        "github",
        &path,
    ]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        annotations(&out.lines().map(str::to_owned).collect::<Vec<_>>()),
        [format!(
            "::error file={path},line=13,title=commitment-weakened::¶1.4 commitment weakened: marker 'committed to' (strong) → 'intend to' (moderate)"
        )]
    );
    // A statement new since the base revision is checked against the one
    // before it in its series; a store ref works the same as its path.
    let next = "statements/d-isis-small-group/2021-06-28-joint-communique.txt";
    w.write(&path, &seed());
    w.write(next, &edit(&seed(), WEAKEN_FROM, WEAKEN_TO));
    let (code, out, err) = w.run(&[
        "check",
        "--base-rev",
        "main",
        "d-isis-small-group/2021-06-28",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(out.starts_with("d-isis-small-group/2021-06-28-joint-communique against d-isis-small-group/2021-03-30-joint-communique\n"), "{out}");
    assert!(
        out.contains("commitment-weakened"),
        "the 03-30 text is the baseline: {out}"
    );
}

/// Issue 16: a pull request's own communique.toml cannot switch off the
/// checks it is checked under when the policy comes from the base.
fn policy_from_base_ignores_a_policy_the_change_itself_relaxes() {
    let (w, path) = team_store();
    // The base forbids a phrase, through a policy file its config names.
    w.write("policy.toml", "[[check.forbidden]]\nphrase = \"ISIL\"\n");
    w.write("communique.toml", "[defaults]\npolicy = \"policy.toml\"\n");
    w.git(&["add", "."]);
    w.commit_staged("policy");
    // The change weakens a commitment, uses the phrase, and turns it all off.
    let off = "[check.severity]\ncommitment-weakened = \"off\"\nforbidden-phrase = \"off\"\n";
    w.write("policy.toml", off);
    w.write("communique.toml", "[defaults]\npolicy = \"policy.toml\"\n");
    let draft = edit(&seed(), WEAKEN_FROM, WEAKEN_TO);
    w.write(
        &path,
        &edit(&draft, "Daesh/ISIS no longer", "ISIL no longer"),
    );
    w.git(&["add", "."]);
    w.commit_staged("relax");
    let (code, out, err) = w.run(&["check", "--base-rev", "HEAD~1", &path]);
    assert_eq!(
        code, 0,
        "the change's own policy lets it through: {out}{err}"
    );
    let (code, out, err) = w.run(&["check", "--base-rev", "HEAD~1", "--policy-from-base", &path]);
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("commitment-weakened"), "{out}");
    assert!(out.contains("forbidden-phrase"), "{out}");
    // The flag needs a base, and excludes --policy.
    let (code, _, err) = w.run(&["check", "--policy-from-base", &path]);
    assert_eq!(code, 2, "{err}");
}

/// Issue 16 (neighbour of the confined lexicon and policy paths): a
/// `communique.toml` committed as a symbolic link leading out of the
/// repository is refused, not read as the policy.
fn a_policy_file_linked_out_of_the_repository_is_refused() {
    let w = with_base();
    w.git(&["init", "-q"]);
    let outside = tempfile::tempdir().expect("temp dir");
    let target = outside.path().join("policy.toml");
    std::fs::write(&target, "[check]\nfinal = true\n").expect("policy");
    std::os::unix::fs::symlink(&target, w.path().join("communique.toml")).expect("link");
    w.write("draft.txt", &edit(&seed(), WEAKEN_FROM, WEAKEN_TO));
    let (code, _, err) = w.run(&["check", "draft.txt", "--against", "base.txt"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("communique.toml is a symbolic link that leads out of the store"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

crate::tests![
    an_unchanged_draft_passes,
    commitment_weakened_is_an_error_at_its_line,
    commitment_removed_points_after_the_sentence_before_it,
    a_waiver_silences_exactly_its_sentence,
    a_protected_sentence_must_stay_verbatim,
    forbidden_phrase_with_a_suggestion_at_its_line,
    required_phrase_missing_is_an_error_on_the_file,
    brackets_opened_left_in_a_final_draft_and_unbalanced,
    low_retention_is_a_warning,
    plain_text_and_markdown_drafts_point_at_their_real_lines,
    json_has_the_schema_and_every_field,
    text_report_and_troubles,
    the_pre_commit_and_ci_command_on_a_temporary_store,
    policy_from_base_ignores_a_policy_the_change_itself_relaxes,
    a_policy_file_linked_out_of_the_repository_is_refused,
];
