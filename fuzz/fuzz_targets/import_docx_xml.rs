//! The .docx importer behind the zip: the input (split at its first NUL)
//! becomes `word/document.xml` and `word/numbering.xml`, zipped here, so
//! that mutations reach the XML reader, tracked changes, numbering and
//! tables instead of breaking the archive's structure or CRC (which
//! `import_docx` covers). An error or a statement, never a panic.
#![no_main]

use std::io::{Cursor, Write};

use communique::import::{Format, import};
use libfuzzer_sys::fuzz_target;
use zip::write::SimpleFileOptions;

fuzz_target!(|bytes: &[u8]| {
    let (document, numbering) = match bytes.iter().position(|&b| b == 0) {
        Some(i) => (&bytes[..i], Some(&bytes[i + 1..])),
        None => (bytes, None),
    };
    let mut buf = Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let parts = [
        ("word/document.xml", Some(document)),
        ("word/numbering.xml", numbering),
    ];
    for (name, part) in parts {
        if let Some(part) = part {
            zip.start_file(name, stored).expect("zip entry");
            zip.write_all(part).expect("zip write");
        }
    }
    zip.finish().expect("zip");
    let _ = import(&buf.into_inner(), Some(Format::Docx), "fuzz");
});
