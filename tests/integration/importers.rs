//! The Markdown, HTML, .docx and PDF importers on real and hand-made input.

use communique::Statement;
use communique::import::{Format, import};
use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::shared::corpus_file;

fn read(path: &std::path::Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Each paragraph as one line: labels and sentences joined by spaces.
fn body_lines(statement: &Statement) -> Vec<String> {
    statement
        .paragraphs
        .iter()
        .map(|p| {
            p.sentences
                .iter()
                .map(|s| match &s.label {
                    Some(label) => format!("{label} {}", s.text),
                    None => s.text.clone(),
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// Share of words of `reference` and `body`, in order, that agree.
fn word_agreement(reference: &str, body: &str) -> (f64, Vec<String>) {
    let a: Vec<&str> = reference.split_whitespace().collect();
    let b: Vec<&str> = body.split_whitespace().collect();
    let ops = capture_diff_slices(Algorithm::Myers, &a, &b);
    let mut equal = 0;
    let mut diffs = Vec::new();
    for op in ops {
        match op {
            DiffOp::Equal { len, .. } => equal += len,
            DiffOp::Delete { old_index, old_len, .. } => {
                diffs.push(format!("- {}", a[old_index..old_index + old_len].join(" ")))
            }
            DiffOp::Insert { new_index, new_len, .. } => {
                diffs.push(format!("+ {}", b[new_index..new_index + new_len].join(" ")))
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => diffs.push(format!(
                "{} => {}",
                a[old_index..old_index + old_len].join(" "),
                b[new_index..new_index + new_len].join(" ")
            )),
        }
    }
    (equal as f64 / a.len().max(b.len()).max(1) as f64, diffs)
}

#[test]
fn scratch_pdf() {
    for (pdf, txt) in [("unga-tpnw/pdf/A_RES_78_35.pdf", "unga-tpnw/2023-12-04-a-res-78-35.txt"), ("unga-tpnw/pdf/A_RES_79_38.pdf", "unga-tpnw/2024-12-02-a-res-79-38.txt")] {
        let Some(p) = corpus_file(pdf) else { return };
        let st = import(&read(&p), None, pdf).unwrap();
        let reference = String::from_utf8(read(&corpus_file(txt).unwrap())).unwrap();
        let body = body_lines(&st).join("\n");
        let (agreement, diffs) = word_agreement(&reference, &body);
        eprintln!("{pdf}: {agreement:.4} {:?}\n{diffs:#?}", st.meta);
        for (loc, s) in st.sentences() { eprintln!("{loc} {:?} {}", s.label, s.text); }
        let _ = Format::Pdf;
    }
}
