//! Section headings on real texts (issue 19, "Sections as structure"):
//! the headings every corpus document yields, checked against the list
//! made by reading the texts; headings never paired with sentences, in the
//! labelled pairs and in every successive pair of the corpus; and the
//! sections entries name.

use std::path::{Path, PathBuf};

use communique::Statement;
use communique::diff::ChangeKind;
use communique::import::import;
use communique::{Options, compare};

use crate::support::harness::{corpus_file, corpus_texts, shared_dir, tool};
use crate::support::{Need, communique};

/// The headings of each corpus document that has any, as read from the
/// texts by hand (labels written before the text, as the sentence file
/// writes them). Every other document of the corpus has none: the UN
/// resolutions (title line, "The General Assembly,", preambular paragraphs
/// ending in commas, the closing "NNth plenary meeting" line), the
/// spyware statement in text and Markdown (a list lead-in ending "commit
/// to:"), the US–China statements, the earlier G7 statements on Ukraine
/// and the seed communiqué.
const EXPECTED: &[(&str, &[&str])] = &[
    (
        "g7-leaders-ukraine/2023-05-19-g7-leaders-statement-on-ukraine.txt",
        &[
            "1. Preamble",
            "2. Towards a comprehensive, just and lasting peace in Ukraine",
            "3. Nuclear safety and security",
            "4. Support to stop Russia’s war of aggression",
            "5. Support for recovery and reconstruction of Ukraine",
            "6. Anti-corruption and justice system reform",
            "7. Sanctions and other measures",
            "8. Responsibility for Damage",
            "9. Accountability",
            "10. Support to vulnerable countries",
            "11. Conclusion",
        ],
    ),
    (
        "g7-summit-communique/2021-06-13-g7-carbis-bay-summit-communique.txt",
        &[
            "INTRODUCTION",
            "HEALTH",
            "ECONOMIC RECOVERY AND JOBS",
            "FREE AND FAIR TRADE",
            "FUTURE FRONTIERS",
            "CLIMATE AND ENVIRONMENT",
            "GENDER EQUALITY",
            "GLOBAL RESPONSIBILITY AND INTERNATIONAL ACTION",
            "CONCLUSION",
        ],
    ),
    (
        "g7-summit-communique/2023-05-20-g7-hiroshima-leaders-communique.txt",
        &[
            "Preamble",
            "Ukraine",
            "Disarmament and Non-proliferation",
            "Indo-Pacific",
            "Global Economy, Finance and Sustainable Development",
            "Climate Change",
            "Environment",
            "Energy",
            "Clean Energy Economy",
            "Economic Resilience and Economic Security",
            "Trade",
            "Food Security",
            "Health",
            "Labor",
            "Education",
            "Digital",
            "Science and Technology",
            "Gender",
            "Human Rights, Refugees, Migration, Democracy",
            "Countering Terrorism, Violent Extremism and Transnational Organized Crime / Upholding the Rule of Law / Anti-Corruption",
            "Regional Affairs",
            "Conclusion",
        ],
    ),
    (
        "g7-summit-communique/2024-06-14-g7-apulia-leaders-communique.txt",
        &[
            "Preamble",
            "Steadfast support to Ukraine",
            "Conflict in Gaza",
            "Freedom of Navigation in the Red Sea",
            "Iran",
            "Fostering partnerships with African countries",
            "Sustainable Development, Food Security and PGII",
            "Indo-Pacific",
            "Regional issues",
            "HAITI",
            "LIBYA",
            "SAHEL",
            "SUDAN",
            "VENEZUELA",
            "BELARUS",
            "Sustainable Urban Development",
            "Energy, Climate and Environment",
            "Artificial Intelligence, Science, Technology, and Innovation",
            "Labor and Employment",
            "Cybersecurity",
            "Migration",
            "Global Economy and Finance",
            "Trade",
            "Economic Resilience and Economic Security",
            "Health",
            "Gender Equality",
            "Inclusion and Disability",
            "Disarmament and Non-Proliferation",
            "Countering Terrorism, Violent Extremism and Transnational Organized Crime",
            "Safeguarding Democratic Processes",
            "Anti-corruption",
            "Conclusions",
        ],
    ),
];

fn import_path(path: &Path) -> Statement {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    import(&bytes, None, &path.display().to_string())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A statement's headings as the sentence file writes them after `# `.
fn headings(statement: &Statement) -> Vec<String> {
    statement.headings().map(ToString::to_string).collect()
}

/// Every text and Markdown source of the corpus.
fn corpus_documents() -> Vec<PathBuf> {
    let mut docs = corpus_texts();
    let md = corpus_file("spyware-joint-statement/md");
    for entry in std::fs::read_dir(&md).expect("the Markdown sources") {
        docs.push(entry.expect("an entry").path());
    }
    docs.sort();
    docs
}

fn relative(path: &Path) -> String {
    let corpus = shared_dir().join("corpus");
    path.strip_prefix(&corpus)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Prints each corpus document's headings and checks them against
/// [`EXPECTED`]: every heading is found, and nothing else is one.
fn every_corpus_document_has_the_headings_its_text_shows() {
    let mut failures = Vec::new();
    for path in corpus_documents() {
        let name = relative(&path);
        let found = headings(&import_path(&path));
        println!("{name}: {} heading(s)", found.len());
        for h in &found {
            println!("    # {h}");
        }
        let expected: Vec<&str> = EXPECTED
            .iter()
            .find(|(doc, _)| *doc == name)
            .map(|(_, h)| h.to_vec())
            .unwrap_or_default();
        if found != expected {
            failures.push(format!(
                "{name}:\n  found    {found:?}\n  expected {expected:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The acceptance: at least two documents with headings, every one read.
    assert!(EXPECTED.len() >= 2);
}

/// The two UN resolutions as PDFs have no headings either: their title is
/// the cover's metadata, and the body is preamble and operative paragraphs.
fn un_pdfs_have_no_headings() {
    tool(Need::Pdftotext, &["pdftotext"]);
    for name in ["A_RES_78_35.pdf", "A_RES_79_38.pdf"] {
        let st = import_path(&corpus_file(&format!("unga-tpnw/pdf/{name}")));
        assert_eq!(headings(&st), Vec::<String>::new(), "{name}");
    }
}

/// Every successive pair of every corpus series, and every labelled pair:
/// no entry relates a heading to a sentence, and every sentence entry
/// names the heading it stands under, on each side that has sentences.
fn headings_pair_only_with_headings_in_every_corpus_pair() {
    let mut pairs: Vec<(PathBuf, PathBuf)> = Vec::new();
    let texts = corpus_texts();
    for w in texts.windows(2) {
        if w[0].parent() == w[1].parent() {
            pairs.push((w[0].clone(), w[1].clone()));
        }
    }
    let labels = crate::support::repo().join("tests/fixtures/labels");
    for entry in std::fs::read_dir(&labels).expect("the label files") {
        let text = std::fs::read_to_string(entry.expect("an entry").path()).expect("a label file");
        let table: toml::Table = toml::from_str(&text).expect("TOML");
        let side = |key: &str| {
            let rel = table[key].as_str().expect("a path");
            if rel.starts_with("statements/") {
                crate::support::repo().join(rel)
            } else {
                corpus_file(rel)
            }
        };
        pairs.push((side("old"), side("new")));
    }
    let mut heading_entries = 0;
    for (old_path, new_path) in &pairs {
        let (old, new) = (import_path(old_path), import_path(new_path));
        let diff = compare(&old, &new, &Options::default());
        let old_sections = old.headings().count() > 0;
        let new_sections = new.headings().count() > 0;
        for c in &diff.changes {
            let marks: Vec<bool> = c.old.iter().chain(&c.new).map(|v| v.heading).collect();
            assert!(
                marks.iter().all(|&h| h) || marks.iter().all(|&h| !h),
                "{} → {}: a heading paired with a sentence: {c:?}",
                old_path.display(),
                new_path.display()
            );
            heading_entries += usize::from(c.is_heading());
            // Where a side has headings, its first one opens the body in
            // these texts or follows a short opening: every sentence after
            // it names a section; none names one in a text without any.
            if !old_sections {
                assert_eq!(c.section.old, None);
            }
            if !new_sections {
                assert_eq!(c.section.new, None);
            }
        }
        // Headings are counted apart from sentences.
        let summary = diff.summary();
        let sentence_entries = diff.changes.iter().filter(|c| !c.is_heading()).count();
        let counted: usize = ChangeKind::ALL.iter().map(|&k| summary.get(k)).sum();
        assert_eq!(counted, sentence_entries);
    }
    assert!(heading_entries > 0, "the G7 pairs have headings");
}

/// On the G7 communiqués of 2023 and 2024: sentences name their sections,
/// and a sentence that moved between sections says from which to which,
/// in the terminal report and in the Markdown one, grouped by section.
fn g7_sections_in_the_reports() {
    let old = corpus_file("g7-summit-communique/2023-05-20-g7-hiroshima-leaders-communique.txt");
    let new = corpus_file("g7-summit-communique/2024-06-14-g7-apulia-leaders-communique.txt");
    let diff = compare(&import_path(&old), &import_path(&new), &Options::default());
    // The first sentence of each: under "Preamble" on both sides.
    let first = diff
        .changes
        .iter()
        .find(|c| !c.is_heading() && !c.new.is_empty())
        .expect("a sentence");
    assert_eq!(first.section.new.as_deref(), Some("Preamble"));
    // A sentence on Iran, moved from "Regional Affairs" to "Iran".
    let iran = diff
        .changes
        .iter()
        .find(|c| {
            c.section.old.as_deref() == Some("Regional Affairs")
                && c.section.new.as_deref() == Some("Iran")
        })
        .expect("a sentence moved to the Iran section");
    assert!(iran.moved, "{iran:?}");

    let out = communique()
        .args(["diff", "--color", "never"])
        .arg(&old)
        .arg(&new)
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("moved from «Regional Affairs» to «Iran»"),
        "{text}"
    );
    assert!(
        text.contains("heading added\n    Conflict in Gaza"),
        "{text}"
    );
    let out = communique()
        .args(["diff", "--format", "markdown", "--by-section"])
        .arg(&old)
        .arg(&new)
        .output()
        .expect("runs");
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.contains("\n## «Iran» ("), "{md}");
    assert!(md.contains("\n## «Conflict in Gaza» ("), "{md}");
    // JSON refuses the flag: its entries carry their section.
    let out = communique()
        .args(["diff", "--format", "json", "--by-section"])
        .arg(&old)
        .arg(&new)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
}

/// Headings reach every report escaped: markup in a heading's text is
/// shown, never run, in the Markdown and HTML reports, and `--by-section`
/// lists the sections in each.
fn headings_are_escaped_in_every_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let old = dir.path().join("old.txt");
    let new = dir.path().join("new.txt");
    let heading = "Trade <b>and</b> *markup* [x](y) #12";
    std::fs::write(
        &old,
        format!(
            "+++\n+++\n\n# {heading}\n\nWe will keep markets open to all our partners.\n\n# Health\n\nWe will fund vaccines for everyone in need.\n"
        ),
    )
    .expect("write");
    std::fs::write(
        &new,
        format!(
            "+++\n+++\n\n# Health\n\nWe will fund vaccines for everyone in need.\n\n# {heading}\n\nWe will keep markets open to all our partners and friends.\n"
        ),
    )
    .expect("write");
    let report = |args: &[&str]| {
        let out = communique()
            .args(["diff", "--color", "never"])
            .args(args)
            .arg(&old)
            .arg(&new)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let html = report(&["--format", "html", "--by-section"]);
    assert!(!html.contains("<b>and</b>"), "{html}");
    assert!(html.contains("Trade &lt;b&gt;and&lt;/b&gt;"), "{html}");
    assert!(html.contains("<section id=\"by-section\">"), "{html}");
    let md = report(&["--format", "markdown", "--by-section"]);
    assert!(md.contains("\\*markup\\*"), "{md}");
    assert!(!md.contains("<b>"), "{md}");
    let text = report(&["--by-section"]);
    assert!(text.contains("§ «Health»"), "{text}");
    // The heading moved: one entry, not an added and a removed one.
    assert!(text.contains("> ¶1.1 (was ¶3.1) heading moved"), "{text}");
}

crate::tests![
    headings_are_escaped_in_every_report,
    every_corpus_document_has_the_headings_its_text_shows[Shared],
    un_pdfs_have_no_headings[Shared, Pdftotext],
    headings_pair_only_with_headings_in_every_corpus_pair[Shared],
    g7_sections_in_the_reports[Shared],
];
