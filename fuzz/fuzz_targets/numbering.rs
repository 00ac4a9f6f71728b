//! The .docx list numbering: the input becomes `word/numbering.xml` beside a
//! fixed `word/document.xml` whose paragraphs use lists 1 to 3 at every
//! level, zipped here. An error or a statement, never a panic, and every
//! label short (issue 16: a level text of 100,000 placeholders made labels
//! that took gigabytes): a level text is at most 64 characters, each
//! placeholder filled with at most 20.
#![no_main]

use std::io::{Cursor, Write};
use std::sync::OnceLock;

use communique::import::{Format, import};
use libfuzzer_sys::fuzz_target;
use zip::write::SimpleFileOptions;

/// The longest label the numbering may produce, in bytes.
const MAX_LABEL: usize = 64 * 20;

/// Paragraphs of lists 1–3 at levels 0–8, twice over, so that counters run
/// on, restart below a higher level and pass through every format.
fn document() -> &'static str {
    static DOCUMENT: OnceLock<String> = OnceLock::new();
    DOCUMENT.get_or_init(|| {
        let mut body = String::new();
        for round in 0..2 {
            for list in 1..=3 {
                for level in (0..9).chain([0, 1, 0]) {
                    body.push_str(&format!(
                        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{list}"/></w:numPr></w:pPr><w:r><w:t>Item {round} of list {list} at level {level}.</w:t></w:r></w:p>"#
                    ));
                }
            }
        }
        format!(
            r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        )
    })
}

fuzz_target!(|numbering: &[u8]| {
    let mut buf = Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let parts = [
        ("word/document.xml", document().as_bytes()),
        ("word/numbering.xml", numbering),
    ];
    for (name, part) in parts {
        zip.start_file(name, stored).expect("zip entry");
        zip.write_all(part).expect("zip write");
    }
    zip.finish().expect("zip");
    if let Ok(statement) = import(&buf.into_inner(), Some(Format::Docx), "fuzz") {
        for sentence in statement.paragraphs.iter().flat_map(|p| &p.sentences) {
            let label = sentence.label.as_deref().unwrap_or("");
            assert!(label.len() <= MAX_LABEL, "a label of {} bytes", label.len());
        }
    }
});
