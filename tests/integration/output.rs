//! The output stage from outside: every JSON-producing command's real
//! output validates against the JSON Schema shipped in `docs/schema/`, and
//! the report options hold in every format (or are refused, exit 2).
//! Everything here runs on the bundled `statements/` store.

use std::path::Path;

use jsonschema::{Registry, Validator};
use serde_json::Value;

use crate::support::{Sandbox, repo, run};

const STORE_DRAFT: &str = "d-isis-small-group/2021-03-26-joint-communique-draft";
const STORE_FINAL: &str = "d-isis-small-group/2021-03-30-joint-communique";
const FINAL_FILE: &str = "statements/d-isis-small-group/2021-03-30-joint-communique.txt";

/// The schema file of `command`, compiled with the shared definitions of
/// `common.json` that it refers to.
fn validator(command: &str) -> Validator {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schema");
    let read = |name: &str| -> Value {
        let text = std::fs::read_to_string(dir.join(format!("{name}.json")))
            .unwrap_or_else(|e| panic!("docs/schema/{name}.json: {e}"));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("docs/schema/{name}.json: {e}"))
    };
    let common = read("common");
    let registry = Registry::new()
        .add("urn:communique:schema:common", common)
        .expect("common.json is a schema")
        .prepare()
        .expect("common.json resolves");
    jsonschema::options()
        .with_registry(&registry)
        .build(&read(command))
        .unwrap_or_else(|e| panic!("docs/schema/{command}.json: {e}"))
}

/// The schema violations of `document`, one line each.
fn violations(validator: &Validator, document: &Value) -> Vec<String> {
    validator
        .iter_errors(document)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// Runs `args` (a command ending in `--format json`) and checks its output
/// against the schema of its command.
fn validates(args: &[&str]) {
    check_output(args, run(args));
}

/// Checks the output of `args`, run as `ran`, against the schema of its
/// command.
fn check_output(args: &[&str], ran: (i32, String, String)) {
    let (code, out, err) = ran;
    assert!(code == 0 || code == 1, "{args:?} failed ({code}): {err}");
    let document: Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?} is not JSON: {e}"));
    let found = violations(&validator(args[0]), &document);
    assert!(found.is_empty(), "{args:?}:\n{}", found.join("\n"));
}

fn diff_json_matches_its_schema() {
    let base = ["diff", STORE_DRAFT, STORE_FINAL, "--format", "json"];
    validates(&base);
    validates(&[&base[..], &["--only", "commitments"]].concat());
    validates(&[&base[..], &["--stat"]].concat());
}

fn check_json_matches_its_schema() {
    validates(&[
        "check",
        STORE_FINAL,
        "--against",
        STORE_DRAFT,
        "--format",
        "json",
    ]);
}

fn store_commands_json_match_their_schemas() {
    validates(&["log", "--format", "json"]);
    validates(&["history", STORE_FINAL, "--format", "json"]);
    validates(&["show", STORE_FINAL, "--format", "json"]);
    validates(&["show", STORE_FINAL, "--commitments", "--format", "json"]);
    validates(&["trace", "d-isis-small-group", "--format", "json"]);
    validates(&[
        "trace",
        STORE_FINAL,
        "--sentence",
        "1.1",
        "--format",
        "json",
    ]);
    validates(&["precedent", STORE_FINAL, "--all", "--format", "json"]);
    validates(&[
        "precedent",
        "--text",
        "The Ministers reaffirmed their commitment.",
        "--format",
        "json",
    ]);
    validates(&["normalize", FINAL_FILE, "--format", "json"]);
}

/// The shapes the bundled store does not have: a history whose revisions
/// carry a summary (a statement revised with `import --revise`), a check
/// against the statement's own predecessor in the store, a diff counting
/// editorial differences.
fn revised_statement_json_matches_its_schema() {
    let sandbox = Sandbox::with_store();
    let bundled = |name: &str| {
        repo()
            .join("statements/d-isis-small-group")
            .join(format!("{name}.txt"))
            .display()
            .to_string()
    };
    let draft = bundled("2021-03-26-joint-communique-draft");
    let last = bundled("2021-03-30-joint-communique");
    let import = [
        "import",
        "--series",
        "s",
        "--id",
        "c",
        "--date",
        "2021-03-30",
    ];
    sandbox.ok(&[&import[..], &[draft.as_str()]].concat());
    sandbox.ok(&[&import[..], &["--revise", last.as_str()]].concat());
    sandbox.ok(&["import", "--series", "s", draft.as_str()]);
    for args in [
        &["history", "s/2021-03-30-c", "--format", "json"][..],
        &["log", "--format", "json"],
        &["check", "s/2021-03-30-c", "--format", "json"],
        &[
            "diff",
            "s/2021-03-30-c@HEAD~2",
            "s/2021-03-30-c",
            "--count",
            "quotes,case",
            "--format",
            "json",
        ],
    ] {
        check_output(args, sandbox.run(args));
    }
    let (_, history, _) = sandbox.run(&["history", "s/2021-03-30-c", "--format", "json"]);
    let history: Value = serde_json::from_str(&history).expect("JSON");
    assert!(history["revisions"][0]["summary"].is_object(), "{history}");
}

fn the_schemas_refuse_what_the_commands_do_not_print() {
    let (_, out, _) = run(&["diff", STORE_DRAFT, STORE_FINAL, "--format", "json"]);
    let good: Value = serde_json::from_str(&out).expect("JSON");
    let diff = validator("diff");
    assert!(violations(&diff, &good).is_empty());
    // A field nobody documented, a kind that does not exist, a missing
    // field: each is a violation.
    let mut extra = good.clone();
    extra["changes"][0]["old_kind"] = Value::from("same");
    let mut kind = good.clone();
    kind["changes"][0]["kind"] = Value::from("rephrased");
    let mut missing = good;
    missing["summary"]
        .as_object_mut()
        .expect("summary is an object")
        .remove("same");
    for bad in [extra, kind, missing] {
        assert!(!violations(&diff, &bad).is_empty(), "{bad}");
    }
}

fn stat_cuts_every_format_to_the_summary() {
    let diff = ["diff", STORE_DRAFT, STORE_FINAL, "--stat", "--format"];
    let (code, markdown, _) = run(&[&diff[..], &["markdown"]].concat());
    assert_eq!(code, 1);
    assert!(markdown.contains("| Kind | Sentences |") && markdown.contains("| Commitments |"));
    assert!(!markdown.contains("\n## "), "{markdown}");
    let (_, json, _) = run(&[&diff[..], &["json"]].concat());
    let json: Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(json["summary"]["reworded"], 6);
    assert!(json.get("changes").is_none(), "{json}");
    let (_, html, _) = run(&[&diff[..], &["html"]].concat());
    assert!(html.contains("<section id=\"summary\">"));
    assert!(!html.contains("id=\"commitments\"") && !html.contains("id=\"statement\""));
}

fn context_outside_the_terminal_report_is_refused() {
    for format in ["markdown", "json", "html"] {
        let (code, out, err) = run(&[
            "diff",
            STORE_DRAFT,
            STORE_FINAL,
            "--context",
            "2",
            "--format",
            format,
        ]);
        assert_eq!(code, 2, "{format}");
        assert!(out.is_empty(), "{format}: {out}");
        assert_eq!(err.lines().count(), 1, "{format}: {err}");
        assert!(err.contains("--context applies to the terminal report only"));
    }
    let (code, _, _) = run(&["diff", STORE_DRAFT, STORE_FINAL, "--context", "2"]);
    assert_eq!(code, 1);
}

fn flags_that_mean_nothing_together_are_refused() {
    let sandbox = Sandbox::new();
    for (args, says) in [
        (
            &[
                "diff",
                STORE_DRAFT,
                STORE_FINAL,
                "--stat",
                "--only",
                "commitments",
            ][..],
            "--only",
        ),
        (
            &["diff", STORE_DRAFT, STORE_FINAL, "--stat", "--context", "2"],
            "--context",
        ),
        (
            &[
                "diff",
                STORE_DRAFT,
                STORE_FINAL,
                "--stat",
                "--only",
                "commitments",
                "--format",
                "json",
            ],
            "--only",
        ),
        (
            &["diff", STORE_DRAFT, STORE_FINAL, "--from", "html"],
            "--from",
        ),
        (
            &["diff", STORE_DRAFT, STORE_FINAL, "--by-section", "--stat"],
            "--by-section",
        ),
        (
            &["diff", STORE_DRAFT, STORE_FINAL, "--by-section", "--digest"],
            "--by-section",
        ),
        (
            &[
                "diff",
                STORE_DRAFT,
                STORE_FINAL,
                "--by-section",
                "--only",
                "commitments",
            ],
            "--by-section",
        ),
        (
            &[
                "diff",
                STORE_DRAFT,
                STORE_FINAL,
                "--by-section",
                "--format",
                "json",
            ],
            "--by-section",
        ),
        (&["diff", STORE_FINAL, "--from", "text"], "--from"),
        (
            &["precedent", "--text", "The Ministers met.", "--all"],
            "--all",
        ),
        (
            &["git", "setup", "--uninstall", "--pattern", "drafts/**"],
            "--pattern",
        ),
        (
            &["git", "setup", "--uninstall", "--program", "communique"],
            "--program",
        ),
    ] {
        let dir = if args[0] == "git" {
            sandbox.path().to_path_buf()
        } else {
            repo()
        };
        let (code, out, err) = sandbox.run_in(&dir, args);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(out.is_empty(), "{args:?}: {out}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    // With a file among the inputs, --from has a file to read.
    let mixed = [
        "diff",
        FINAL_FILE,
        STORE_DRAFT,
        "--from",
        "sentences",
        "--stat",
    ];
    assert_eq!(run(&mixed).0, 1);
}

fn show_refuses_flags_its_output_would_ignore() {
    for args in [
        &["show", STORE_FINAL, "--numbered", "--commitments"][..],
        &["show", STORE_FINAL, "--numbered", "--format", "json"],
        &["show", STORE_FINAL, "--lexicon", "lexicon.toml"],
    ] {
        let (code, out, err) = run(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty(), "{args:?}: {out}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(args[2]), "{args:?}: {err}");
    }
    assert_eq!(run(&["show", STORE_FINAL, "--numbered"]).0, 0);
}

crate::tests![
    diff_json_matches_its_schema,
    check_json_matches_its_schema,
    store_commands_json_match_their_schemas,
    the_schemas_refuse_what_the_commands_do_not_print,
    stat_cuts_every_format_to_the_summary,
    context_outside_the_terminal_report_is_refused,
    show_refuses_flags_its_output_would_ignore,
    revised_statement_json_matches_its_schema,
    flags_that_mean_nothing_together_are_refused,
];
