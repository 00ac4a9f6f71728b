//! PDF: how the UN and many ministries publish their texts.
//!
//! A PDF has no paragraphs, only words placed on pages, so the body is
//! rebuilt from where the words stand. Poppler's `pdftotext -bbox-layout`
//! gives every word with its box (it read these files better than the Rust
//! PDF crates tried; see the README), and this module does the layout
//! analysis:
//!
//! - words on one baseline form a line, so a paragraph number set apart from
//!   its text ("1." … "Recalls") is one line with it; words closer than a
//!   sixth of the type size are one word (justified text splits "other"
//!   into "ot her" otherwise);
//! - superscripts (a word under 3/4 of the line's height, raised above its
//!   baseline) are footnote markers and are dropped: "Weapons¹" → "Weapons";
//! - a rule of underscores starts the footnotes: it and everything below it
//!   on the page are dropped;
//! - lines in the top and bottom 8% of a page are running headers, page
//!   numbers, job numbers and barcodes, and are dropped;
//! - on the first page, the cover block (symbol, distribution, session,
//!   agenda item, "Resolution adopted by …") is dropped: the body starts at
//!   the resolution's number and title ("78/35. Treaty on …"), or else at
//!   "The General Assembly," (or another organ's opening);
//! - a line starts a paragraph when it is indented past the page's left
//!   margin or stands apart from the line above; other lines continue the
//!   paragraph, also across a page break. The normalizer then joins the
//!   lines and repairs hyphenation.
//!
//! Metadata: the title (from the numbered title line), the date of adoption
//! ("adopted by the General Assembly on 4 December 2023") and the document
//! symbol (`extra.symbol`, "A/RES/78/35") when the cover block has them.
//!
//! Where `pdftotext` is missing the import fails with a message that says to
//! install poppler-utils; a PDF without any words needs OCR first.

use std::io::{Read, Write};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::{Extracted, Format, ImportError, malformed};
use crate::normalize;
use crate::statement::Meta;

/// Extracts the body blocks and cover metadata of a PDF.
pub fn extract(bytes: &[u8], origin: &str) -> Result<Extracted, ImportError> {
    check_complete(bytes, origin)?;
    let xhtml = pdftotext(bytes, origin)?;
    extract_layout(&xhtml, origin)
}

/// The layout stage alone: turns the XHTML of `pdftotext -bbox-layout`
/// (pages, lines and words with their boxes) into body blocks and cover
/// metadata, by the rules in this module's documentation.
///
/// Importing a PDF ([`super::import`] with [`Format::Pdf`]) runs
/// `pdftotext` and then this; it is public so that the rules can be tested
/// and fuzzed without a PDF or the subprocess.
/// Unreadable XML is an [`ImportError::Malformed`], a document with no
/// words an [`ImportError::NeedsOcr`].
pub fn extract_layout(xhtml: &str, origin: &str) -> Result<Extracted, ImportError> {
    let pages = parse_bbox(xhtml).map_err(|e| {
        malformed(
            origin,
            Format::Pdf,
            format!("cannot read pdftotext's output ({e}); report this with the PDF"),
        )
    })?;
    if pages.iter().all(|p| p.lines.is_empty()) {
        return Err(ImportError::NeedsOcr {
            origin: origin.to_owned(),
        });
    }
    Ok(layout(pages))
}

/// Refuses bytes that are no PDF or a PDF cut short (a download that
/// stopped): pdftotext would read what it can and lose the rest silently.
fn check_complete(bytes: &[u8], origin: &str) -> Result<(), ImportError> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(malformed(
            origin,
            Format::Pdf,
            "not a PDF (no %PDF- header); check the file, or give its format with --from",
        ));
    }
    let tail = &bytes[bytes.len().saturating_sub(2048)..];
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        return Err(malformed(
            origin,
            Format::Pdf,
            "the PDF is truncated (it does not end with %%EOF); download it again",
        ));
    }
    Ok(())
}

/// How long `pdftotext` may run on one PDF by default: a UN resolution
/// takes well under a second, and a crafted PDF (form XObjects that draw
/// themselves) can keep it busy forever.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// The time limit in milliseconds; 0 means the default.
static TIMEOUT_MS: AtomicU64 = AtomicU64::new(0);

/// Sets how long `pdftotext` may run on one PDF before it is killed and the
/// import fails (the command line's `COMMUNIQUE_PDF_TIMEOUT`); the library
/// reads no environment itself.
pub fn set_timeout(limit: Duration) {
    let ms = u64::try_from(limit.as_millis()).unwrap_or(u64::MAX).max(1);
    TIMEOUT_MS.store(ms, Ordering::Relaxed);
}

/// The time limit in force.
fn timeout() -> Duration {
    match TIMEOUT_MS.load(Ordering::Relaxed) {
        0 => DEFAULT_TIMEOUT,
        ms => Duration::from_millis(ms),
    }
}

/// The most `pdftotext` may write for one PDF: its XHTML gives every word
/// a box (125 bytes a word in a UN resolution), so this is about a million
/// words, a document of thousands of pages. A PDF of a few hundred kilobytes whose
/// pages draw one form of many words makes it write hundreds of megabytes
/// a second; reading stops one byte past this, which ends it.
pub const MAX_OUTPUT_BYTES: u64 = 128 << 20;

/// How a child process ended: its status, standard output and error.
type Finished = (ExitStatus, Vec<u8>, Vec<u8>);

/// Waits for `child` until `limit` has passed, reading its output meanwhile
/// (a full pipe would stall it); kills it at the limit. `None` when it was
/// killed.
fn wait_with_limit(mut child: Child, limit: Duration) -> std::io::Result<Option<Finished>> {
    fn drain(pipe: Option<impl Read + Send + 'static>) -> std::thread::JoinHandle<Vec<u8>> {
        std::thread::spawn(move || {
            let mut out = Vec::new();
            if let Some(pipe) = pipe {
                // A read error ends the output; the exit status tells the
                // rest. Past the ceiling the pipe is closed, and the child's
                // next write fails, which ends it.
                let _ = pipe.take(MAX_OUTPUT_BYTES + 1).read_to_end(&mut out);
            }
            out
        })
    }
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let deadline = Instant::now() + limit;
    let mut pause = Duration::from_millis(1);
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break Some(status);
        }
        let now = Instant::now();
        if now >= deadline {
            // Already gone is fine: the wait below reaps it either way.
            let _ = child.kill();
            child.wait()?;
            break None;
        }
        std::thread::sleep(pause.min(deadline - now));
        pause = (pause * 2).min(Duration::from_millis(50));
    };
    let stdout = stdout.join().unwrap_or_default();
    let stderr = stderr.join().unwrap_or_default();
    Ok(status.map(|status| (status, stdout, stderr)))
}

/// Runs `pdftotext -bbox-layout` on `bytes`, under the time limit, and
/// returns its XHTML.
fn pdftotext(bytes: &[u8], origin: &str) -> Result<String, ImportError> {
    let io_error = |what: &str, e: std::io::Error| {
        malformed(
            origin,
            Format::Pdf,
            format!("cannot {what} for pdftotext ({e}); check the temporary folder (TMPDIR)"),
        )
    };
    let mut file = tempfile::Builder::new()
        .prefix("communique-")
        .suffix(".pdf")
        .tempfile()
        .map_err(|e| io_error("create a temporary file", e))?;
    file.write_all(bytes)
        .and_then(|()| file.flush())
        .map_err(|e| io_error("write a temporary file", e))?;
    let child = Command::new("pdftotext")
        .args(["-bbox-layout", "-enc", "UTF-8", "-q"])
        .arg(file.path())
        .arg("-")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let limit = timeout();
    let (status, stdout, stderr) = match child.and_then(|child| wait_with_limit(child, limit)) {
        Ok(Some(output)) => output,
        Ok(None) => {
            return Err(malformed(
                origin,
                Format::Pdf,
                format!(
                    "pdftotext did not finish within {} s and was stopped; check the PDF, or allow more time with COMMUNIQUE_PDF_TIMEOUT=SECONDS",
                    limit.as_secs_f64()
                ),
            ));
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(ImportError::MissingTool {
                origin: origin.to_owned(),
                format: Format::Pdf,
                program: "pdftotext",
                package: "poppler-utils",
            });
        }
        Err(e) => return Err(io_error("run pdftotext", e)),
    };
    if stdout.len() as u64 > MAX_OUTPUT_BYTES {
        return Err(malformed(
            origin,
            Format::Pdf,
            format!(
                "pdftotext wrote more than {} MiB of text for it and was stopped; check the PDF (a few pages drawing one form of many words can do this)",
                MAX_OUTPUT_BYTES >> 20
            ),
        ));
    }
    if !status.success() {
        let stderr = String::from_utf8_lossy(&stderr);
        let reason = stderr.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        let reason = match status.code() {
            Some(1) => "cannot open it: damaged or not a PDF",
            Some(3) => "its permissions forbid copying text",
            _ if !reason.is_empty() => reason,
            _ => "pdftotext failed",
        };
        return Err(malformed(
            origin,
            Format::Pdf,
            format!("pdftotext {reason}; check the PDF (does it open in a viewer?)"),
        ));
    }
    Ok(String::from_utf8_lossy(&stdout).into_owned())
}

/// A word and its box (points, y grows downwards).
#[derive(Clone, Debug, PartialEq)]
struct Word {
    text: String,
    x_min: f64,
    x_max: f64,
    y_min: f64,
    y_max: f64,
}

impl Word {
    fn height(&self) -> f64 {
        self.y_max - self.y_min
    }
}

/// Words on one baseline, left to right.
#[derive(Clone, Debug, Default)]
struct Line {
    words: Vec<Word>,
}

impl Line {
    fn x_min(&self) -> f64 {
        self.words
            .iter()
            .map(|w| w.x_min)
            .fold(f64::INFINITY, f64::min)
    }
    fn y_min(&self) -> f64 {
        self.words
            .iter()
            .map(|w| w.y_min)
            .fold(f64::INFINITY, f64::min)
    }
    fn y_max(&self) -> f64 {
        self.words
            .iter()
            .map(|w| w.y_max)
            .fold(f64::NEG_INFINITY, f64::max)
    }
    /// The height of its tallest word: the type size of the line.
    fn height(&self) -> f64 {
        self.words.iter().map(Word::height).fold(0.0, f64::max)
    }

    /// The line's text: words joined by a space, or by nothing where they
    /// almost touch (closer than a sixth of the smaller one's type size).
    fn text(&self) -> String {
        let mut out = String::new();
        let mut last: Option<&Word> = None;
        for w in &self.words {
            if let Some(prev) = last
                && w.x_min - prev.x_max >= w.height().min(prev.height()) / 6.0
            {
                out.push(' ');
            }
            out.push_str(&w.text);
            last = Some(w);
        }
        out
    }
}

/// A page: its height and its lines in pdftotext's order.
#[derive(Clone, Debug, Default)]
struct Page {
    height: f64,
    lines: Vec<Line>,
}

/// Reads pdftotext's `-bbox-layout` XHTML into pages of lines of words.
fn parse_bbox(xhtml: &str) -> Result<Vec<Page>, quick_xml::Error> {
    let mut reader = Reader::from_str(xhtml);
    let mut pages: Vec<Page> = Vec::new();
    let mut word: Option<Word> = None;
    loop {
        match reader.read_event()? {
            Event::Start(e) => match e.name().as_ref() {
                "page" => pages.push(Page {
                    height: num(&e, "height"),
                    lines: Vec::new(),
                }),
                "line" => {
                    if let Some(page) = pages.last_mut() {
                        page.lines.push(Line::default());
                    }
                }
                "word" => {
                    word = Some(Word {
                        text: String::new(),
                        x_min: num(&e, "xMin"),
                        x_max: num(&e, "xMax"),
                        y_min: num(&e, "yMin"),
                        y_max: num(&e, "yMax"),
                    })
                }
                _ => {}
            },
            Event::Text(t) => {
                if let Some(w) = &mut word {
                    w.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let Some(w) = &mut word {
                    if let Ok(Some(c)) = r.resolve_char_ref() {
                        w.text.push(c);
                    } else if let Some(s) =
                        quick_xml::escape::resolve_predefined_entity(&r.xml10_content())
                    {
                        w.text.push_str(s);
                    }
                }
            }
            Event::End(e) if e.name().as_ref() == "word" => {
                if let (Some(w), Some(line)) = (
                    word.take(),
                    pages.last_mut().and_then(|p| p.lines.last_mut()),
                ) && !w.text.trim().is_empty()
                {
                    line.words.push(w);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    for page in &mut pages {
        page.lines.retain(|l| !l.words.is_empty());
    }
    Ok(pages)
}

/// A numeric attribute, 0 when missing or not a number.
fn num(e: &BytesStart<'_>, key: &str) -> f64 {
    e.try_get_attribute(key)
        .ok()
        .flatten()
        .and_then(|a| a.value.trim().parse().ok())
        .unwrap_or(0.0)
}

/// Share of the page height, at the top and at the bottom, that holds
/// running headers, page numbers and the like.
const MARGIN_BAND: f64 = 0.08;

/// Turns positioned words into body blocks and cover metadata.
fn layout(pages: Vec<Page>) -> Extracted {
    let mut meta = Meta::default();
    let mut blocks: Vec<String> = Vec::new();
    for (n, page) in pages.into_iter().enumerate() {
        let symbol = (n == 0).then(|| document_symbol(&page)).flatten();
        let mut lines = body_lines(page);
        if n == 0 {
            let start = cover_end(&lines);
            meta = cover_meta(&lines[..start], lines.get(start));
            lines.drain(..start);
            if let Some(symbol) = symbol {
                meta.extra
                    .insert("symbol".to_owned(), toml::Value::String(symbol));
            }
        }
        let margin = left_margin(&lines);
        let mut prev: Option<&Line> = None;
        for line in &lines {
            let text = line.text();
            let indented = line.x_min() > margin + line.height() / 2.0;
            let apart = prev.is_some_and(|p| line.y_min() - p.y_min() > 1.45 * p.height());
            let starts = indented || apart || (prev.is_none() && blocks.is_empty());
            match blocks.last_mut() {
                Some(block) if !starts => {
                    block.push('\n');
                    block.push_str(&text);
                }
                _ => blocks.push(text),
            }
            prev = Some(line);
        }
    }
    Extracted {
        meta,
        blocks,
        headings: Vec::new(),
    }
}

/// The lines of a page that can be body text, merged by baseline and in
/// reading order: footnote markers, footnotes and the margin bands dropped.
fn body_lines(page: Page) -> Vec<Line> {
    let top = page.height * MARGIN_BAND;
    let bottom = page.height * (1.0 - MARGIN_BAND);
    let mut lines: Vec<Line> = Vec::new();
    let mut sorted = page.lines;
    sorted.sort_by(|a, b| a.y_max().total_cmp(&b.y_max()));
    // Merge lines that share a baseline (pdftotext puts a paragraph number
    // apart from its text into a block of its own). The merged line's
    // baseline and height are maxima over its words, kept as it grows
    // rather than read again from all of them at each merge.
    let mut last_at = (0.0, 0.0);
    for line in sorted {
        let (y_max, height) = (line.y_max(), line.height());
        match lines.last_mut() {
            Some(last) if (last_at.0 - y_max).abs() < 0.3 * height.min(last_at.1) => {
                last.words.extend(line.words);
                last_at = (f64::max(last_at.0, y_max), f64::max(last_at.1, height));
            }
            _ => {
                lines.push(line);
                last_at = (y_max, height);
            }
        }
    }
    let mut out = Vec::new();
    for mut line in lines {
        line.words.sort_by(|a, b| a.x_min.total_cmp(&b.x_min));
        if is_footnote_rule(&line) {
            break;
        }
        if line.y_max() < top || line.y_min() > bottom {
            continue;
        }
        drop_superscripts(&mut line);
        if !line.words.is_empty() {
            out.push(line);
        }
    }
    out
}

fn is_footnote_rule(line: &Line) -> bool {
    let text = line.text();
    text.len() >= 5 && text.chars().all(|c| c == '_')
}

/// Drops words set small and raised: footnote markers.
fn drop_superscripts(line: &mut Line) {
    let size = line.height();
    let baseline = line.y_max();
    line.words
        .retain(|w| !(w.height() < 0.75 * size && w.y_max < baseline - 0.2 * size));
}

/// The most common left edge of the page's lines, in whole points.
fn left_margin(lines: &[Line]) -> f64 {
    let mut counts: std::collections::HashMap<i64, usize> = std::collections::HashMap::new();
    for line in lines {
        *counts.entry(line.x_min().round() as i64).or_default() += 1;
    }
    // The most common; of as common ones, the leftmost (no order of the
    // map's decides).
    counts
        .into_iter()
        .max_by_key(|&(x, c)| (c, std::cmp::Reverse(x)))
        .map_or(0.0, |(x, _)| x as f64)
}

/// Openings of a resolution's body after its title.
const OPENINGS: &[&str] = &[
    "The General Assembly,",
    "The Security Council,",
    "The Human Rights Council,",
    "The Economic and Social Council,",
];

/// The index of the first body line of the first page: the numbered title
/// ("78/35. Treaty …"), else the organ's opening, else the first line.
fn cover_end(lines: &[Line]) -> usize {
    lines
        .iter()
        .position(|l| resolution_title(&l.text()).is_some())
        .or_else(|| {
            lines
                .iter()
                .position(|l| OPENINGS.contains(&l.text().trim()))
        })
        .unwrap_or(0)
}

/// `Some(title)` when `line` is a resolution's numbered title: `NN/NNN.`
/// and the title.
fn resolution_title(line: &str) -> Option<&str> {
    let (number, title) = line.split_once(". ")?;
    let (session, n) = number.split_once('/')?;
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    (digits(session) && digits(n) && !title.trim().is_empty()).then(|| title.trim())
}

/// Metadata from the cover block and the title line.
fn cover_meta(cover: &[Line], title_line: Option<&Line>) -> Meta {
    let mut meta = Meta::default();
    let title_text = title_line.map(Line::text);
    meta.title = title_text
        .as_deref()
        .and_then(resolution_title)
        .map(normalize::paragraph);
    let text = cover.iter().map(Line::text).collect::<Vec<_>>().join("\n");
    let flat = normalize::paragraph(&text);
    if let Some(pos) = flat.find("adopted by the") {
        meta.date = flat[pos..]
            .split_once(" on ")
            .and_then(|(_, rest)| english_date(rest));
    }
    meta
}

/// The UN document symbol ("A/RES/78/35") printed at the top of a first
/// page, if any.
fn document_symbol(page: &Page) -> Option<String> {
    let top = page.height * MARGIN_BAND * 1.5;
    page.lines
        .iter()
        .filter(|l| l.y_max() < top)
        .flat_map(|l| {
            l.text()
                .split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .find(|w| {
            ["A/", "S/", "E/", "A/C."].iter().any(|p| w.starts_with(p))
                && w.bytes().filter(|&b| b == b'/').count() >= 2
        })
}

/// `4 December 2023 …` → `2023-12-04`.
fn english_date(text: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut words = text.split_whitespace();
    let day: u32 = words.next()?.parse().ok()?;
    let month = words.next()?;
    let month = MONTHS.iter().position(|m| *m == month)? + 1;
    let year: u32 = words
        .next()?
        .trim_end_matches(|c: char| !c.is_ascii_digit())
        .parse()
        .ok()?;
    let date = format!("{year:04}-{month:02}-{day:02}");
    crate::statement::is_valid_date(&date).then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, x: f64, y: f64, size: f64) -> Word {
        Word {
            text: text.to_owned(),
            x_min: x,
            x_max: x + 5.0 * text.len() as f64,
            y_min: y - size,
            y_max: y,
        }
    }

    #[test]
    fn near_words_join_and_superscripts_drop() {
        let mut line = Line {
            words: vec![
                word("ot", 100.0, 50.0, 11.0),
                word("her", 111.0, 50.0, 11.0),
                word("Weapons", 130.0, 50.0, 11.0),
                Word {
                    text: "1".into(),
                    x_min: 166.0,
                    x_max: 169.0,
                    y_min: 40.0,
                    y_max: 45.8,
                },
            ],
        };
        drop_superscripts(&mut line);
        assert_eq!(line.text(), "other Weapons");
    }

    fn line(words: &[(&str, f64)], y: f64) -> Line {
        let mut x = 0.0;
        Line {
            words: words
                .iter()
                .map(|&(t, x0)| {
                    x = if x0 > 0.0 { x0 } else { x + 8.0 };
                    let w = word(t, x, y, 11.0);
                    x = w.x_max;
                    w
                })
                .collect(),
        }
    }

    #[test]
    fn paragraphs_from_indents_gaps_and_page_breaks() {
        let page = |lines: Vec<Line>| Page {
            height: 800.0,
            lines,
        };
        let pages = vec![
            page(vec![
                line(
                    &[("United", 120.0), ("Nations", 0.0), ("A/RES/1/2", 400.0)],
                    40.0,
                ),
                line(
                    &[
                        ("Resolution", 120.0),
                        ("adopted", 0.0),
                        ("by", 0.0),
                        ("the", 0.0),
                        ("General", 0.0),
                        ("Assembly", 0.0),
                        ("on", 0.0),
                        ("4", 0.0),
                        ("December", 0.0),
                        ("2023", 0.0),
                    ],
                    100.0,
                ),
                line(&[("1/2.", 80.0), ("A", 120.0), ("title", 0.0)], 140.0),
                line(&[("1.", 150.0)], 170.0),
                line(&[("Decides", 170.0), ("that", 0.0), ("the", 0.0)], 170.0),
                line(&[("text", 120.0), ("goes", 0.0), ("on;", 0.0)], 182.0),
                line(&[("2.", 150.0), ("Requests", 170.0), ("a", 0.0)], 200.0),
                line(&[("report", 120.0), ("to", 0.0)], 212.0),
                line(&[("_______", 100.0)], 600.0),
                line(&[("1", 100.0), ("A", 120.0), ("footnote.", 0.0)], 620.0),
                line(&[("23-24530", 60.0)], 780.0),
            ]),
            page(vec![
                line(&[("A/RES/1/2", 60.0)], 50.0),
                line(&[("the", 120.0), ("Council;", 0.0)], 100.0),
                line(
                    &[
                        ("3.", 150.0),
                        ("Decides", 170.0),
                        ("to", 0.0),
                        ("remain", 0.0),
                        ("seized.", 0.0),
                    ],
                    118.0,
                ),
            ]),
        ];
        let ex = layout(pages);
        assert_eq!(
            ex.blocks,
            [
                "1/2. A title",
                "1. Decides that the\ntext goes on;",
                "2. Requests a\nreport to\nthe Council;",
                "3. Decides to remain seized.",
            ]
        );
        assert_eq!(ex.meta.title.as_deref(), Some("A title"));
        assert_eq!(ex.meta.date.as_deref(), Some("2023-12-04"));
        assert_eq!(
            ex.meta.extra.get("symbol").and_then(|v| v.as_str()),
            Some("A/RES/1/2")
        );
    }

    #[test]
    fn titles_and_dates() {
        assert_eq!(
            resolution_title("78/35. Treaty on the Prohibition"),
            Some("Treaty on the Prohibition")
        );
        assert_eq!(resolution_title("1. Recalls"), None);
        assert_eq!(resolution_title("and 77/54 of 7 December 2022,"), None);
        assert_eq!(
            english_date("4 December 2023 [on"),
            Some("2023-12-04".into())
        );
        assert_eq!(english_date("31 February 2023"), None);
    }

    #[test]
    fn truncated_and_foreign_bytes_are_refused() {
        let e = check_complete(b"%PDF-1.4\n1 0 obj", "x.pdf").unwrap_err();
        assert!(e.to_string().contains("truncated"), "{e}");
        let e = check_complete(b"hello", "x.pdf").unwrap_err();
        assert!(e.to_string().contains("not a PDF"), "{e}");
        assert!(check_complete(b"%PDF-1.4\n...\n%%EOF\n", "x.pdf").is_ok());
    }

    /// Thousands of words on one baseline merge into one line, in order
    /// of their left edges, and a page's margin is its most common left
    /// edge, the leftmost of equals.
    #[test]
    fn words_on_one_baseline_merge_and_the_margin_is_the_commonest_edge() {
        let n = 5_000;
        let page = Page {
            height: 800.0,
            lines: (0..n)
                .rev()
                .map(|i| Line {
                    words: vec![word("w", 10.0 * f64::from(i), 400.0, 11.0)],
                })
                .collect(),
        };
        let lines = body_lines(page);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].words.len(), n as usize);
        assert!(lines[0].words.windows(2).all(|w| w[0].x_min < w[1].x_min));
        let at = |x: f64| Line {
            words: vec![word("w", x, 400.0, 11.0)],
        };
        let lines = [at(72.0), at(90.0), at(90.0), at(72.0), at(300.0)];
        assert_eq!(left_margin(&lines), 72.0);
        // An edge at minus infinity (a hostile bounding box) is a number
        // like another: no overflow when edges tie.
        assert_eq!(left_margin(&[at(f64::NEG_INFINITY), at(5.0), at(5.0)]), 5.0);
        assert!(left_margin(&[at(f64::NEG_INFINITY), at(5.0)]) < 0.0);
    }
}
