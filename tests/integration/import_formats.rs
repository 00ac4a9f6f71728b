//! The Markdown, HTML, .docx and PDF importers: real Markdown archives and
//! UN PDFs from the corpus against their cleaned texts, hand-made web pages
//! and Word files, format detection, and bad input of every format through
//! the binary.

use std::io::Write;
use std::path::{Path, PathBuf};

use communique::Statement;
use communique::import::{Format, ImportError, import};
use communique::statement::write_sentence_file;
use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::support::harness::{corpus_file, tool};
use crate::support::{Need, communique};

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Each paragraph as one line: labels and sentences joined by spaces.
fn body_lines(statement: &Statement) -> Vec<String> {
    statement
        .paragraphs
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// Every sentence as `label text` (or `text`), paragraph by paragraph.
fn sentences(statement: &Statement) -> Vec<Vec<String>> {
    statement
        .paragraphs
        .iter()
        .map(|p| p.sentences.iter().map(ToString::to_string).collect())
        .collect()
}

// ---------------------------------------------------------------- Markdown

const MARKDOWN: &[(&str, &str, &str)] = &[
    (
        "spyware-joint-statement/md/2023-03-30-spyware-joint-statement.md",
        "spyware-joint-statement/2023-03-30-spyware-joint-statement.txt",
        "2023-03-30",
    ),
    (
        "spyware-joint-statement/md/2024-03-18-spyware-joint-statement.md",
        "spyware-joint-statement/2024-03-18-spyware-joint-statement-updated.txt",
        "2024-03-18",
    ),
];

fn markdown_archives_give_the_sentences_of_their_cleaned_texts() {
    for &(md, txt, date) in MARKDOWN {
        let (md_path, txt_path) = (corpus_file(md), corpus_file(txt));
        let bytes = read(&md_path);
        assert_eq!(Format::guess(&md_path, &bytes), Format::Markdown);
        assert_eq!(Format::detect(&bytes), Format::Markdown, "{md}");
        let st = import(&bytes, Some(Format::Markdown), md).expect(md);
        let reference = import(&read(&txt_path), None, txt).expect(txt);
        assert_eq!(sentences(&st), sentences(&reference), "{md}");
        assert_eq!(st.paragraphs, reference.paragraphs, "{md}");
        assert!(st.sentences().any(|(_, s)| s.label.as_deref() == Some("-")));
        let file = write_sentence_file(&st);
        assert_eq!(import(file.as_bytes(), None, "written").unwrap(), st);

        assert_eq!(
            st.meta.title.as_deref(),
            Some(
                "Joint Statement on Efforts to Counter the Proliferation and Misuse of Commercial Spyware"
            )
        );
        assert_eq!(st.meta.date.as_deref(), Some(date));
        let source = st.meta.source.as_deref().unwrap_or_default();
        assert!(
            source.starts_with("https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/")
                && source.ends_with("/joint-statement-on-efforts-to-counter-the-proliferation-and-misuse-of-commercial-spyware/"),
            "{source}"
        );
    }
}

fn markdown_with_toml_front_matter_is_not_a_sentence_file() {
    let text = "+++\ntitle = \"Statement\"\ndate = 2024-01-02\n+++\n\n## Preamble\n\n\
                The *Ministers* met in [Rome](https://x.org).\nThey agreed:\n\n\
                1. to act;\n2. to report.\n";
    let st = import(text.as_bytes(), Some(Format::Markdown), "s.md").unwrap();
    assert_eq!(st.meta.title.as_deref(), Some("Statement"));
    assert_eq!(st.meta.date.as_deref(), Some("2024-01-02"));
    assert_eq!(
        sentences(&st),
        [
            vec!["Preamble"],
            vec!["The Ministers met in Rome.", "They agreed:"],
            vec!["1. to act;"],
            vec!["2. to report."],
        ]
    );
    // Without the hint, `+++` is the sentence file's fence.
    assert_eq!(Format::detect(text.as_bytes()), Format::Sentences);
    assert_eq!(
        Format::guess(Path::new("s.md"), text.as_bytes()),
        Format::Markdown
    );
}

// -------------------------------------------------------------------- HTML

/// A page shaped like a foreign ministry's press page.
const MINISTRY_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Joint statement on maritime security | Ministry of Foreign Affairs</title>
  <meta property="og:title" content="Joint Statement on Maritime Security in the Red Sea">
  <meta property="article:published_time" content="2024-02-03T10:00:00+01:00">
  <link rel="canonical" href="https://www.mfa.example/en/news/joint-statement-maritime-security">
  <style>.cookie-banner { position: fixed; }</style>
  <script>window.dataLayer = []; function track() { return "Accept all cookies."; }</script>
</head>
<body>
  <div id="cookie-banner" class="cookie-banner">
    <p>We use cookies to improve your experience. By continuing, you accept our cookie policy.</p>
    <button>Accept all</button><button>Reject</button>
  </div>
  <a class="skip-link" href="#main">Skip to main content</a>
  <header class="site-header">
    <a href="/">Ministry of Foreign Affairs</a>
    <nav aria-label="Main"><ul><li><a href="/news">News</a></li><li><a href="/policy">Foreign policy</a></li></ul></nav>
  </header>
  <nav class="breadcrumb"><ol><li>Home</li><li>News</li><li>Statements</li></ol></nav>
  <main id="main">
    <article>
      <header>
        <h1>Joint Statement on Maritime Security in the Red Sea</h1>
        <p class="meta">Press release, 3 February 2024</p>
      </header>
      <div class="share-buttons"><a href="#">Share on X</a> <a href="#">Share on Facebook</a></div>
      <p>The Foreign Ministers of Denmark, Norway&nbsp;and Sweden met in Oslo today.
         They condemned the attacks on merchant vessels &amp; their crews.</p>
      <h2>Commitments</h2>
      <p>The Ministers:</p>
      <ol>
        <li>reaffirm the freedom of navigation under international law;</li>
        <li>commit to <strong>strengthen</strong> their naval cooperation; and</li>
        <li>call on all parties to de-escalate.</li>
      </ol>
      <p>Signed in Oslo<br>3 February 2024</p>
      <script>track("statement-view");</script>
      <aside class="related"><h3>Related</h3><ul><li><a href="/a">Statement on Ukraine</a></li></ul></aside>
    </article>
  </main>
  <section class="related-links"><h2>Related news</h2><p>Minister visits Brussels.</p></section>
  <footer><p>© Ministry of Foreign Affairs. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body>
</html>
"##;

fn ministry_page_gives_only_the_statement() {
    assert_eq!(Format::detect(MINISTRY_PAGE.as_bytes()), Format::Html);
    let st = import(MINISTRY_PAGE.as_bytes(), None, "page.html").unwrap();
    assert_eq!(
        sentences(&st),
        [
            vec![
                "The Foreign Ministers of Denmark, Norway and Sweden met in Oslo today.",
                "They condemned the attacks on merchant vessels & their crews.",
            ],
            vec!["Commitments"],
            vec!["The Ministers:"],
            vec!["1. reaffirm the freedom of navigation under international law;"],
            vec!["2. commit to strengthen their naval cooperation; and"],
            vec!["3. call on all parties to de-escalate."],
            vec!["Signed in Oslo 3 February 2024"],
        ]
    );
    assert_eq!(
        st.meta.title.as_deref(),
        Some("Joint Statement on Maritime Security in the Red Sea")
    );
    assert_eq!(
        st.meta.source.as_deref(),
        Some("https://www.mfa.example/en/news/joint-statement-maritime-security")
    );
    assert_eq!(st.meta.date.as_deref(), Some("2024-02-03"));
    assert_eq!(st.meta.language.as_deref(), Some("en"));
}

fn page_without_main_takes_its_largest_block_of_paragraphs() {
    let page = r#"<html><head><title>Statement by the Spokesperson</title></head><body>
      <div class="menu"><p>Home</p><p>About us</p></div>
      <div class="cookie-consent"><p>This site uses cookies. We need your consent for analytics and for many other purposes besides.</p></div>
      <div id="content-area">
        <p>The European Union welcomes the agreement reached today in Geneva.</p>
        <p>It calls on both sides to implement it in full.<br/>The EU stands ready to support.</p>
        <ul><li>Support for demining;</li><li>Support for reconstruction.</li></ul>
      </div>
      <div class="social"><p>Follow us</p></div>
    </body></html>"#;
    let st = import(page.as_bytes(), None, "p.html").unwrap();
    assert_eq!(
        sentences(&st),
        [
            vec!["The European Union welcomes the agreement reached today in Geneva."],
            vec![
                "It calls on both sides to implement it in full.",
                "The EU stands ready to support."
            ],
            vec!["- Support for demining;"],
            vec!["- Support for reconstruction."],
        ]
    );
    assert_eq!(
        st.meta.title.as_deref(),
        Some("Statement by the Spokesperson")
    );
}

// -------------------------------------------------------------------- docx

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

/// A .docx made of `document` (the body's XML), and optionally numbering.
fn docx(body: &str, numbering: Option<&str>) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut parts = vec![
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#.to_owned(),
        ),
        (
            "word/document.xml",
            format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>"#),
        ),
        (
            "docProps/core.xml",
            r#"<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Draft Declaration &amp; Plan</dc:title></cp:coreProperties>"#.to_owned(),
        ),
    ];
    if let Some(n) = numbering {
        parts.push((
            "word/numbering.xml",
            format!(r#"<?xml version="1.0"?><w:numbering {W}>{n}</w:numbering>"#),
        ));
    }
    for (name, text) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    buf.into_inner()
}

fn p(inner: &str) -> String {
    format!("<w:p>{inner}</w:p>")
}

fn r(text: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

fn numbered(num_id: u32, ilvl: u32, inner: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>{inner}</w:p>"#
    )
}

const NUMBERING: &str = r#"
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>"#;

fn docx_reads_the_text_with_changes_accepted_numbering_and_tables() {
    let body = [
        p(&r("The Ministers met in Brussels on 3 May.")),
        // A tracked change: "firmly" deleted, "strongly" inserted.
        p(&format!(
            r#"{}<w:del w:id="1" w:author="FR"><w:r><w:delText xml:space="preserve">firmly </w:delText></w:r></w:del><w:ins w:id="2" w:author="DE"><w:r><w:t xml:space="preserve">strongly </w:t></w:r></w:ins>{}<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>{}"#,
            r("They "),
            r("condemn the attack"),
            r(". They call for calm."),
        )),
        // A comment on a range: the comment is not read.
        p(&format!(
            r#"<w:commentRangeStart w:id="0"/>{}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>"#,
            r("The Ministers decide:")
        )),
        numbered(1, 0, &r("to establish a contact group;")),
        numbered(1, 1, &r("meeting monthly;")),
        numbered(1, 1, &r("reporting to Ministers;")),
        numbered(1, 0, &format!("{}<w:ins w:id=\"3\" w:author=\"DE\"><w:r><w:t>, without delay</w:t></w:r></w:ins>{}", r("to act"), r(";"))),
        numbered(2, 0, &r("a bullet point.")),
        // A wholly deleted paragraph, its mark deleted too.
        r#"<w:p><w:pPr><w:rPr><w:del w:id="4" w:author="US"/></w:rPr></w:pPr><w:del w:id="5" w:author="US"><w:r><w:delText>This paragraph was struck.</w:delText></w:r></w:del></w:p>"#.to_owned(),
        format!(
            "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
            p(&r("Country")),
            p(&r("Pledge")),
            p(&r("Norway")),
            p(&r("EUR 10 million")),
        ),
        p(&format!(
            "{}<w:r><w:tab/><w:t>Done at Brussels.</w:t><w:br/><w:t>Signed.</w:t></w:r>",
            r("Annex")
        )),
    ]
    .concat();
    let bytes = docx(&body, Some(NUMBERING));
    assert_eq!(Format::detect(&bytes), Format::Docx);
    let st = import(&bytes, None, "draft.docx").unwrap();
    assert_eq!(
        sentences(&st),
        [
            vec!["The Ministers met in Brussels on 3 May."],
            vec!["They strongly condemn the attack.", "They call for calm."],
            vec!["The Ministers decide:"],
            vec!["1. to establish a contact group;"],
            vec!["(a) meeting monthly;"],
            vec!["(b) reporting to Ministers;"],
            vec!["2. to act, without delay;"],
            vec!["- a bullet point."],
            vec!["Country Pledge"],
            vec!["Norway EUR 10 million"],
            vec!["Annex Done at Brussels.", "Signed."],
        ]
    );
    assert_eq!(st.meta.title.as_deref(), Some("Draft Declaration & Plan"));
}

fn docx_without_numbering_part_still_reads() {
    let body = [numbered(7, 0, &r("Text of an item.")), p(&r("More."))].concat();
    let st = import(&docx(&body, None), Some(Format::Docx), "x.docx").unwrap();
    assert_eq!(sentences(&st), [vec!["Text of an item."], vec!["More."]]);
}

// --------------------------------------------------------------------- PDF

const PDFS: &[(&str, &str, &str, usize)] = &[
    (
        "unga-tpnw/pdf/A_RES_78_35.pdf",
        "unga-tpnw/2023-12-04-a-res-78-35.txt",
        "2023-12-04",
        14,
    ),
    (
        "unga-tpnw/pdf/A_RES_79_38.pdf",
        "unga-tpnw/2024-12-02-a-res-79-38.txt",
        "2024-12-02",
        15,
    ),
];

/// The share of words of `reference` that `body` has in the same order
/// (equal words over the longer of the two), and the differences.
fn word_agreement(reference: &str, body: &str) -> (f64, Vec<String>) {
    let a: Vec<&str> = reference.split_whitespace().collect();
    let b: Vec<&str> = body.split_whitespace().collect();
    let mut equal = 0;
    let mut diffs = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        match op {
            DiffOp::Equal { len, .. } => equal += len,
            other => {
                let (_, old, new) = other.as_tag_tuple();
                diffs.push(format!("{:?} => {:?}", &a[old], &b[new]));
            }
        }
    }
    (equal as f64 / a.len().max(b.len()).max(1) as f64, diffs)
}

fn un_pdfs_agree_with_their_cleaned_texts_word_for_word() {
    for &(pdf, txt, date, operative) in PDFS {
        let (pdf_path, txt_path) = (corpus_file(pdf), corpus_file(txt));
        tool(Need::Pdftotext, &["pdftotext"]);
        let bytes = read(&pdf_path);
        assert_eq!(Format::detect(&bytes), Format::Pdf);
        let st = import(&bytes, None, pdf).expect(pdf);
        let reference = String::from_utf8(read(&txt_path)).expect("UTF-8");
        let (agreement, diffs) = word_agreement(&reference, &body_lines(&st).join("\n"));
        println!(
            "{pdf}: word agreement with the cleaned text {:.2}% ({} differences)",
            agreement * 100.0,
            diffs.len()
        );
        assert!(agreement >= 0.99, "{pdf}: {agreement:.4}\n{diffs:#?}");

        // Every operative paragraph is one sentence with its label.
        let labelled: Vec<(String, &str)> = st
            .paragraphs
            .iter()
            .filter(|p| p.sentences.first().is_some_and(|s| s.label.is_some()))
            .map(|p| {
                assert_eq!(p.sentences.len(), 1, "{pdf}: {:?}", p.sentences);
                let s = &p.sentences[0];
                (s.label.clone().unwrap_or_default(), s.text.as_str())
            })
            .collect();
        let labels: Vec<&str> = labelled.iter().map(|(l, _)| l.as_str()).collect();
        let expected: Vec<String> = (1..=operative).map(|n| format!("{n}.")).collect();
        assert_eq!(labels, expected, "{pdf}");
        for (label, text) in &labelled {
            let line = format!("{label} {text}");
            assert!(
                reference.lines().any(|l| l == line),
                "{pdf}: {line:?} is not a paragraph of the cleaned text"
            );
        }
        // Footnote markers are detached, furniture is gone.
        assert!(labelled[0].1.contains("Nuclear Weapons on 7 July 2017;"));
        let body = body_lines(&st).join("\n");
        for furniture in ["Distr.", "Agenda item", "A/CONF.229", "2/2", "__"] {
            assert!(
                !body.contains(furniture),
                "{pdf}: {furniture:?} in the body"
            );
        }

        assert_eq!(
            st.meta.title.as_deref(),
            Some("Treaty on the Prohibition of Nuclear Weapons")
        );
        assert_eq!(st.meta.date.as_deref(), Some(date));
        let file = write_sentence_file(&st);
        assert_eq!(import(file.as_bytes(), None, "written").unwrap(), st);
    }
}

// --------------------------------------------------------------- bad input

/// A minimal PDF of one page with `content` as its content stream, with a
/// correct cross-reference table.
fn tiny_pdf(content: &str) -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << >> >>"
            .to_owned(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len() + 1
        ),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// Runs `communique normalize <path>` and returns (exit code, stderr).
fn normalize(path: &Path, env_path: Option<&str>) -> (i32, String) {
    let mut cmd = communique();
    cmd.arg("normalize").arg(path);
    if let Some(p) = env_path {
        cmd.env("PATH", p);
    }
    let out = cmd.output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("temp file");
    path
}

/// Asserts a one-line error that names the file and says `needle`, exit 2.
fn assert_one_line_error(path: &Path, (code, stderr): (i32, String), needle: &str) {
    let shown = path.display().to_string();
    assert_eq!(code, 2, "{shown}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{shown}: {stderr}");
    assert!(
        stderr.starts_with(&format!("communique: {shown}: ")),
        "{stderr}"
    );
    assert!(stderr.contains(needle), "{shown}: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

fn bad_input_of_every_format_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();

    let zip_not_docx = {
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut buf);
        zip.start_file("notes.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(b"The Ministers met.").unwrap();
        zip.finish().unwrap();
        buf.into_inner()
    };
    let cases: Vec<(PathBuf, &str)> = vec![
        (
            write(d, "notes.zip", &zip_not_docx),
            "a zip archive without word/document.xml, so not a .docx",
        ),
        (
            write(d, "draft.docx", b"The Ministers met. This is plain text."),
            "not a .docx: a .docx is a zip archive, and this is not one",
        ),
        (
            write(d, "cut.docx", &docx(&p(&r("Text.")), None)[..60]),
            "a damaged zip archive",
        ),
        (
            write(
                d,
                "app.html",
                b"<!doctype html><html><head><script>var a = 'The Ministers met.';</script></head>\
                  <body><script>document.write(a)</script><noscript>Enable JavaScript.</noscript></body></html>",
            ),
            "no statement text found in this html file",
        ),
        (
            write(d, "old.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00\x00"),
            "old-style Office file",
        ),
    ];
    for (path, needle) in &cases {
        assert_one_line_error(path, normalize(path, None), needle);
    }

    let pdf = tiny_pdf("BT /F1 12 Tf 20 100 Td ET");
    let truncated = write(d, "truncated.pdf", &pdf[..pdf.len() / 2]);
    assert_one_line_error(&truncated, normalize(&truncated, None), "truncated");
    let not_pdf = write(d, "fake.pdf", b"The Ministers met.");
    assert_one_line_error(&not_pdf, normalize(&not_pdf, None), "not a PDF");

    // Where pdftotext is missing, the message says what to install.
    let empty_page = write(d, "scan.pdf", &tiny_pdf("0 0 m 10 10 l S"));
    let empty_path = d.join("no-tools");
    std::fs::create_dir(&empty_path).unwrap();
    assert_one_line_error(
        &empty_page,
        normalize(&empty_page, empty_path.to_str()),
        "install poppler-utils",
    );
}

/// A PDF without a text layer (a page with no text at all, as a scan
/// without OCR) is a one-line error that asks for OCR.
fn a_pdf_without_text_needs_ocr() {
    tool(Need::Pdftotext, &["pdftotext"]);
    let dir = tempfile::tempdir().expect("temp dir");
    let empty_page = write(dir.path(), "scan.pdf", &tiny_pdf("0 0 m 10 10 l S"));
    assert_one_line_error(&empty_page, normalize(&empty_page, None), "needs OCR");
}

fn library_errors_name_the_format_problem() {
    let e = import(b"not a zip", Some(Format::Docx), "x.docx").unwrap_err();
    assert!(
        matches!(
            e,
            ImportError::Malformed {
                format: Format::Docx,
                ..
            }
        ),
        "{e:?}"
    );
    let e = import(b"{\\rtf1 Hello}", None, "x.rtf").unwrap_err();
    assert!(matches!(e, ImportError::Unsupported { .. }), "{e:?}");
    let e = import(b"<html><body><nav>Menu</nav></body></html>", None, "x").unwrap_err();
    assert!(
        matches!(
            e,
            ImportError::NoText {
                format: Format::Html,
                ..
            }
        ),
        "{e:?}"
    );
}

fn detection_by_content_and_extension() {
    let pdf = tiny_pdf("");
    assert_eq!(Format::detect(&pdf), Format::Pdf);
    assert_eq!(Format::detect(b"PK\x03\x04rest"), Format::Docx);
    assert_eq!(Format::detect(b"  <!DOCTYPE HTML>\n<p>x"), Format::Html);
    assert_eq!(Format::detect(b"<html><p>x"), Format::Html);
    assert_eq!(
        Format::detect(b"---\ntitle: T\n---\nBody"),
        Format::Markdown
    );
    assert_eq!(
        Format::detect(b"+++\ntitle = \"T\"\n+++\nA."),
        Format::Sentences
    );
    assert_eq!(Format::detect(b"Plain words."), Format::Text);
    // The signature beats the extension, the extension beats the text.
    assert_eq!(Format::guess(Path::new("x.txt"), &pdf), Format::Pdf);
    assert_eq!(
        Format::guess(Path::new("x.md"), b"# Title"),
        Format::Markdown
    );
    assert_eq!(Format::guess(Path::new("x.htm"), b"<p>x"), Format::Html);
    assert_eq!(Format::guess(Path::new("x"), b"Plain."), Format::Text);
}

fn from_forces_the_format() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "page.txt", b"<p>The Ministers <b>met</b>.</p>");
    let out = communique()
        .args(["normalize", "--from", "html"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("\nThe Ministers met.\n"));
    let out = communique()
        .args(["normalize", "--from", "rtf"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("md, html, docx, pdf"));
}

crate::tests![
    markdown_archives_give_the_sentences_of_their_cleaned_texts[Shared],
    markdown_with_toml_front_matter_is_not_a_sentence_file,
    ministry_page_gives_only_the_statement,
    page_without_main_takes_its_largest_block_of_paragraphs,
    docx_reads_the_text_with_changes_accepted_numbering_and_tables,
    docx_without_numbering_part_still_reads,
    un_pdfs_agree_with_their_cleaned_texts_word_for_word[Shared, Pdftotext],
    bad_input_of_every_format_is_a_one_line_error,
    a_pdf_without_text_needs_ocr[Pdftotext],
    library_errors_name_the_format_problem,
    detection_by_content_and_extension,
    from_forces_the_format,
];
