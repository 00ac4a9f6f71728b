//! The PDF importer's layout stage on any `pdftotext -bbox-layout` XHTML:
//! an error or a statement, never a panic. (Running pdftotext itself is
//! poppler's business, not ours.)
#![no_main]

use communique::import::extract_pdf_layout;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|xhtml: &str| {
    if let Ok(extracted) = extract_pdf_layout(xhtml, "fuzz") {
        let _ = extracted.into_statement();
    }
});
