//! Word documents (`.docx`): how drafts circulate between delegations.
//!
//! A .docx is a zip archive of XML parts; the body is `word/document.xml`,
//! read here with `zip` and `quick-xml`. The text is the text as it would
//! read with every tracked change accepted: insertions (`w:ins`, `w:moveTo`)
//! are kept, deletions (`w:del`, `w:delText`, `w:moveFrom`) dropped, and a
//! paragraph whose mark was deleted runs on into the next. Each body
//! paragraph is a block; a table is read row by row, one block per row with
//! its cells in order. Footnote and endnote references are dropped (the
//! notes themselves, comments, headers and footers are other parts, not
//! read), and so is hidden text (`w:vanish`).
//!
//! Numbering that Word shows through a paragraph's own `w:numPr` becomes
//! the paragraph's label: the level's `w:lvlText` ("%1.", "(%2)") filled
//! with counters formatted as the level's `w:numFmt` says (decimal,
//! letters, roman numerals), counted per list as Word does; bullets become
//! `-`. Numbering that comes from a paragraph style is not read. The title
//! comes from the document properties (`docProps/core.xml`).

use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::{Extracted, Format, ImportError, letters, malformed, roman};
use crate::normalize;
use crate::statement::Meta;

/// The largest XML part read (a statement's document.xml is well under a
/// megabyte; this stops a zip bomb).
const MAX_PART: u64 = 64 << 20;
/// The longest level text (`w:lvlText`, "%1.%2.") a list may have, in
/// characters. Word's own dialog offers a few placeholders and punctuation;
/// with at most this many characters, each placeholder two of them and
/// filled with at most 20 digits, a label stays under 700 bytes however the
/// counters run.
pub const MAX_LEVEL_TEXT: usize = 64;

/// Extracts the title and body blocks of a .docx file.
pub fn extract(bytes: &[u8], origin: &str) -> Result<Extracted, ImportError> {
    let bad = |message: String| malformed(origin, Format::Docx, message);
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(bad(
            "not a .docx: a .docx is a zip archive, and this is not one; if it is an old Word .doc, save it as .docx".to_owned(),
        ));
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        bad(format!(
            "a damaged zip archive ({e}); save or download the .docx again"
        ))
    })?;
    let document = read_part(&mut zip, "word/document.xml")
        .map_err(&bad)?
        .ok_or_else(|| {
            bad(
                "a zip archive without word/document.xml, so not a .docx; give a Word document"
                    .to_owned(),
            )
        })?;
    // Numbering and properties are optional: a document without them (or
    // with broken ones) still has its text.
    let numbering = match read_part(&mut zip, "word/numbering.xml") {
        Ok(Some(xml)) => Numbering::parse(&xml).map_err(&bad)?,
        Ok(None) | Err(_) => Numbering::default(),
    };
    let title = read_part(&mut zip, "docProps/core.xml")
        .ok()
        .flatten()
        .and_then(|xml| core_title(&xml));
    let (blocks, headings) = body_blocks(&document, numbering).map_err(|e| {
        bad(format!(
            "word/document.xml is not well-formed XML ({e}); save the .docx again from Word"
        ))
    })?;
    Ok(Extracted {
        meta: Meta {
            title,
            ..Meta::default()
        },
        blocks,
        headings,
    })
}

/// One part of the archive as text, `None` when the archive lacks it.
fn read_part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, String> {
    let file = match zip.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("cannot read {name} in the archive ({e})")),
    };
    let mut text = String::new();
    file.take(MAX_PART)
        .read_to_string(&mut text)
        .map_err(|e| format!("cannot read {name} in the archive ({e})"))?;
    Ok(Some(text))
}

/// The value of attribute `key` (`w:val`) of an element.
fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.try_get_attribute(key).ok().flatten().and_then(|a| {
        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .ok()
            .map(|v| v.into_owned())
    })
}

/// The document title, `dc:title` of the core properties.
fn core_title(xml: &str) -> Option<String> {
    let mut reader = Reader::from_str(xml);
    let mut inside = false;
    let mut title = String::new();
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) if e.name().as_ref() == "dc:title" => inside = true,
            Event::End(e) if e.name().as_ref() == "dc:title" => break,
            Event::Text(t) if inside => title.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if inside => title.push_str(&resolve(&r)),
            Event::Eof => break,
            _ => {}
        }
    }
    Some(normalize::paragraph(&title)).filter(|t| !t.is_empty())
}

/// The text of an entity or character reference.
fn resolve(r: &quick_xml::events::BytesRef<'_>) -> String {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c.to_string();
    }
    let name = r.xml10_content();
    quick_xml::escape::resolve_predefined_entity(&name)
        .unwrap_or("")
        .to_owned()
}

/// One level of a list definition.
#[derive(Clone, Debug, Default)]
struct Level {
    start: u64,
    format: String,
    text: String,
}

/// The list definitions of `word/numbering.xml`.
#[derive(Debug, Default)]
struct Numbering {
    /// Abstract list id → its levels by `w:ilvl`.
    abstracts: HashMap<String, HashMap<u8, Level>>,
    /// List instance (`w:numId`) → its abstract list and start overrides.
    nums: HashMap<String, (String, HashMap<u8, u64>)>,
}

impl Numbering {
    /// The list definitions; an error (the whole message) for a level text
    /// longer than [`MAX_LEVEL_TEXT`], which would make every label of its
    /// list that long. Malformed XML ends the parse quietly: the document
    /// keeps its text, and the lists read so far.
    fn parse(xml: &str) -> Result<Numbering, String> {
        let mut out = Numbering::default();
        let mut reader = Reader::from_str(xml);
        let mut abstract_id: Option<String> = None;
        let mut level: Option<(u8, Level)> = None;
        let mut num: Option<(String, String, HashMap<u8, u64>)> = None;
        let mut override_level: Option<u8> = None;
        loop {
            let (e, is_end) = match reader.read_event() {
                Ok(Event::Start(e)) => (e, false),
                Ok(Event::Empty(e)) => (e, true),
                Ok(Event::End(e)) => {
                    match e.name().as_ref() {
                        "w:abstractNum" => abstract_id = None,
                        "w:lvl" => {
                            if let (Some(id), Some((ilvl, lvl))) = (&abstract_id, level.take()) {
                                out.abstracts
                                    .entry(id.clone())
                                    .or_default()
                                    .insert(ilvl, lvl);
                            }
                        }
                        "w:num" => {
                            if let Some((id, abs, overrides)) = num.take() {
                                out.nums.insert(id, (abs, overrides));
                            }
                        }
                        "w:lvlOverride" => override_level = None,
                        _ => {}
                    }
                    continue;
                }
                Ok(Event::Eof) | Err(_) => break,
                _ => continue,
            };
            let val = || attr(&e, "w:val");
            match e.name().as_ref() {
                "w:abstractNum" => abstract_id = attr(&e, "w:abstractNumId"),
                "w:lvl" if !is_end => {
                    let ilvl = attr(&e, "w:ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                    level = Some((
                        ilvl,
                        Level {
                            start: 1,
                            format: "decimal".to_owned(),
                            ..Level::default()
                        },
                    ));
                }
                "w:start" => {
                    if let (Some((_, lvl)), Some(v)) = (&mut level, val()) {
                        lvl.start = v.parse().unwrap_or(1);
                    }
                }
                "w:numFmt" => {
                    if let (Some((_, lvl)), Some(v)) = (&mut level, val()) {
                        lvl.format = v;
                    }
                }
                "w:lvlText" => {
                    if let (Some((_, lvl)), Some(v)) = (&mut level, val()) {
                        let chars = v.chars().count();
                        if chars > MAX_LEVEL_TEXT {
                            return Err(format!(
                                "word/numbering.xml has a list level text of {chars} characters (at most {MAX_LEVEL_TEXT}); fix the list's number format in Word"
                            ));
                        }
                        lvl.text = v;
                    }
                }
                "w:num" if !is_end => {
                    num = attr(&e, "w:numId").map(|id| (id, String::new(), HashMap::new()));
                }
                "w:abstractNumId" => {
                    if let (Some((_, abs, _)), Some(v)) = (&mut num, val()) {
                        *abs = v;
                    }
                }
                "w:lvlOverride" => {
                    override_level = attr(&e, "w:ilvl").and_then(|v| v.parse().ok());
                }
                "w:startOverride" => {
                    if let (Some((_, _, overrides)), Some(ilvl), Some(v)) =
                        (&mut num, override_level, val().and_then(|v| v.parse().ok()))
                    {
                        overrides.insert(ilvl, v);
                    }
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

/// Counts list items as Word shows them.
#[derive(Default)]
struct Counters {
    numbering: Numbering,
    /// Per abstract list, the counter of each level (`None` before its first
    /// item or after a higher level moved on).
    counts: HashMap<String, [Option<u64>; 9]>,
    /// List instances seen so far (their start overrides apply once).
    seen: HashSet<String>,
}

impl Counters {
    /// The label of the next paragraph of list `num_id` at level `ilvl`;
    /// `None` when the list or level is unknown or shows no number.
    fn next(&mut self, num_id: &str, ilvl: u8) -> Option<String> {
        let (abs_id, overrides) = self.numbering.nums.get(num_id)?;
        let levels = self.numbering.abstracts.get(abs_id)?;
        let ilvl = ilvl.min(8);
        let level = levels.get(&ilvl)?;
        let counts = self.counts.entry(abs_id.clone()).or_default();
        if !self.seen.contains(num_id) {
            self.seen.insert(num_id.to_owned());
            for (&l, &start) in overrides {
                if let Some(c) = counts.get_mut(usize::from(l)) {
                    *c = Some(start.saturating_sub(1));
                }
            }
        }
        let i = usize::from(ilvl);
        counts[i] = Some(counts[i].map_or(level.start, |c| c.saturating_add(1)));
        for deeper in &mut counts[i + 1..] {
            *deeper = None;
        }
        match level.format.as_str() {
            "bullet" => return Some("-".to_owned()),
            "none" => return None,
            _ => {}
        }
        let mut label = level.text.clone();
        for l in (0..=ilvl).rev() {
            let placeholder = format!("%{}", l + 1);
            if !label.contains(&placeholder) {
                continue;
            }
            let lvl = levels.get(&l).cloned().unwrap_or_default();
            let n = counts[usize::from(l)].unwrap_or(lvl.start);
            label = label.replace(&placeholder, &format_number(n, &lvl.format));
        }
        let label = label.trim().to_owned();
        (!label.is_empty()).then_some(label)
    }
}

/// A counter as a `w:numFmt` shows it.
fn format_number(n: u64, format: &str) -> String {
    match format {
        "lowerLetter" => letters(n),
        "upperLetter" => letters(n).to_ascii_uppercase(),
        "lowerRoman" => roman(n),
        "upperRoman" => roman(n).to_ascii_uppercase(),
        "decimalZero" => format!("{n:02}"),
        _ => n.to_string(),
    }
}

/// A paragraph being read.
#[derive(Default)]
struct Para {
    text: String,
    num_id: Option<String>,
    ilvl: u8,
    /// Its paragraph mark is a tracked deletion: it runs on into the next.
    mark_deleted: bool,
    /// Its style is a heading's (`Heading1`…, `Title`) or it has an outline
    /// level.
    heading: bool,
}

/// Whether a paragraph style id names a heading style: Word's built-in
/// `Heading1`…`Heading9` and `Title`, whatever the case.
fn is_heading_style(id: &str) -> bool {
    let id = id.to_ascii_lowercase();
    id.starts_with("heading") || id == "title"
}

/// The deepest nesting of paragraphs (a text box in a paragraph, a text box
/// in that one) read as such: a paragraph's text is copied into the one
/// around it when it ends, so a hostile document of thousands of nested
/// paragraphs would copy its text once per level. Word nests two or three.
const PARA_NESTING: usize = 16;

/// The blocks of `word/document.xml`, in order, and the indices of those
/// that are headings.
fn body_blocks(
    xml: &str,
    numbering: Numbering,
) -> Result<(Vec<String>, Vec<usize>), quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut counters = Counters {
        numbering,
        ..Counters::default()
    };
    let mut blocks: Vec<String> = Vec::new();
    let mut headings: Vec<usize> = Vec::new();
    let mut paras: Vec<Para> = Vec::new();
    // Paragraphs opened past PARA_NESTING, read as lines of the deepest
    // paragraph kept.
    let mut flattened = 0usize;
    // Text of a paragraph whose mark was deleted, waiting for the next one.
    let mut carry = String::new();
    // Depth inside deleted, moved-away or duplicate (mc:Fallback) content.
    let mut skip = 0usize;
    let (mut in_run, mut in_text, mut in_ppr, mut in_rpr, mut hidden) =
        (false, false, false, false, false);
    // Tables: nesting depth, cells of the current outer row, current cell.
    let mut table_depth = 0usize;
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    loop {
        let event = reader.read_event()?;
        let (e, empty) = match event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(e) => {
                match e.name().as_ref() {
                    "w:del" | "w:moveFrom" | "mc:Fallback" => skip = skip.saturating_sub(1),
                    _ if skip > 0 => {}
                    "w:t" => in_text = false,
                    "w:r" => {
                        in_run = false;
                        hidden = false;
                    }
                    "w:pPr" => in_ppr = false,
                    "w:rPr" => in_rpr = false,
                    "w:p" if flattened > 0 => flattened -= 1,
                    "w:p" => {
                        let Some(para) = paras.pop() else { continue };
                        let mut text = std::mem::take(&mut carry);
                        // The counter moves on even for a paragraph that runs
                        // into a deleted mark's text, as Word counts it.
                        let label = para
                            .num_id
                            .as_deref()
                            .and_then(|id| counters.next(id, para.ilvl));
                        if let Some(label) = label
                            && text.is_empty()
                        {
                            text = format!("{label} ");
                        }
                        text.push_str(&para.text);
                        if para.mark_deleted {
                            carry = text;
                        } else if let Some(outer) = paras.last_mut() {
                            // A text box inside a paragraph.
                            outer.text.push('\n');
                            outer.text.push_str(&text);
                        } else if table_depth > 0 {
                            if !cell.is_empty() {
                                cell.push('\n');
                            }
                            cell.push_str(&text);
                        } else {
                            if para.heading {
                                headings.push(blocks.len());
                            }
                            blocks.push(text);
                        }
                    }
                    "w:tc" if table_depth == 1 => {
                        row.push(std::mem::take(&mut cell).replace('\t', " "));
                    }
                    "w:tr" if table_depth == 1 => {
                        let cells: Vec<String> = std::mem::take(&mut row)
                            .into_iter()
                            .filter(|c| !normalize::paragraph(c).is_empty())
                            .collect();
                        blocks.push(cells.join("\t"));
                    }
                    "w:tbl" => table_depth = table_depth.saturating_sub(1),
                    _ => {}
                }
                continue;
            }
            Event::Text(t) => {
                if skip == 0
                    && in_text
                    && !hidden
                    && let Some(p) = paras.last_mut()
                {
                    p.text.push_str(&t.xml10_content());
                }
                continue;
            }
            Event::GeneralRef(r) => {
                if skip == 0
                    && in_text
                    && !hidden
                    && let Some(p) = paras.last_mut()
                {
                    p.text.push_str(&resolve(&r));
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let name = e.name();
        let name = name.as_ref();
        if matches!(name, "w:del" | "w:moveFrom" | "mc:Fallback") {
            if in_ppr && in_rpr && name == "w:del" {
                // The paragraph mark itself was deleted.
                if let Some(p) = paras.last_mut() {
                    p.mark_deleted = true;
                }
            } else if !empty {
                skip += 1;
            }
            continue;
        }
        if skip > 0 {
            continue;
        }
        let paras_len = paras.len();
        let para = paras.last_mut();
        match (name, para) {
            ("w:p", Some(p)) if !empty && paras_len >= PARA_NESTING => {
                flattened += 1;
                p.text.push('\n');
            }
            ("w:p", _) if !empty => paras.push(Para::default()),
            ("w:tbl", _) if !empty => table_depth += 1,
            ("w:pPr", _) if !empty => in_ppr = true,
            ("w:rPr", _) if !empty => in_rpr = true,
            ("w:r", _) if !empty => in_run = true,
            ("w:t", _) if !empty => in_text = true,
            ("w:vanish", _) if in_run && in_rpr => {
                hidden = attr(&e, "w:val").is_none_or(|v| !matches!(v.as_str(), "0" | "false"))
            }
            ("w:numId", Some(p)) if in_ppr => p.num_id = attr(&e, "w:val"),
            ("w:pStyle", Some(p)) if in_ppr && !in_rpr => {
                p.heading |= attr(&e, "w:val").is_some_and(|v| is_heading_style(&v))
            }
            ("w:outlineLvl", Some(p)) if in_ppr && !in_rpr => {
                // Level 9 is Word's "body text".
                p.heading |= attr(&e, "w:val")
                    .and_then(|v| v.parse::<u8>().ok())
                    .is_some_and(|l| l < 9)
            }
            ("w:ilvl", Some(p)) if in_ppr => {
                p.ilvl = attr(&e, "w:val").and_then(|v| v.parse().ok()).unwrap_or(0)
            }
            ("w:tab", Some(p)) if in_run && !in_rpr && !hidden => p.text.push('\t'),
            ("w:br" | "w:cr", Some(p)) if in_run && !hidden => p.text.push('\n'),
            ("w:noBreakHyphen", Some(p)) if in_run && !hidden => p.text.push('\u{2011}'),
            ("w:softHyphen", Some(p)) if in_run && !hidden => p.text.push('\u{AD}'),
            _ => {}
        }
    }
    if !carry.is_empty() {
        blocks.push(carry);
    }
    Ok((blocks, headings))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="5">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="5"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="5"/>
        <w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
    </w:numbering>"#;

    #[test]
    fn labels_follow_levels_formats_and_overrides() {
        let mut c = Counters {
            numbering: Numbering::parse(NUMBERING).expect("valid numbering"),
            ..Counters::default()
        };
        let labels: Vec<Option<String>> = [
            ("1", 0),
            ("1", 1),
            ("1", 1),
            ("1", 0),
            ("1", 1),
            ("2", 0),
            ("9", 0),
        ]
        .iter()
        .map(|(id, l)| c.next(id, *l))
        .collect();
        let expected = ["I.", "I.1", "I.2", "II.", "II.1", "IV."].map(|l| Some(l.to_owned()));
        assert_eq!(labels[..6], expected);
        assert_eq!(labels[6], None, "an unknown list shows no number");
    }

    #[test]
    fn labels_stay_short_whatever_the_numbering_says() {
        let level = |text: &str, start: &str, format: &str| {
            format!(
                r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="{format}"/><w:lvlText w:val="{text}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#
            )
        };
        // The memory bomb of issue 16: "%1" 100,000 times in one level.
        let err = Numbering::parse(&level(&"%1".repeat(100_000), "1", "decimal"))
            .expect_err("a 200,000-character level text is refused");
        assert!(err.contains("200000 characters (at most 64)"), "{err}");
        // The longest level text allowed, with the largest counter, twice
        // (the second past u64::MAX saturates instead of overflowing).
        for format in ["decimal", "lowerLetter", "upperRoman", "decimalZero"] {
            let xml = level(&"%1".repeat(32), &u64::MAX.to_string(), format);
            let mut c = Counters {
                numbering: Numbering::parse(&xml).expect("64 characters are allowed"),
                ..Counters::default()
            };
            for _ in 0..2 {
                let label = c.next("1", 0).expect("a label");
                assert!(label.len() <= 32 * 20, "{format}: {} bytes", label.len());
            }
        }
    }

    #[test]
    fn heading_styles_and_outline_levels_mark_headings() {
        let xml = r#"<w:body><w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Scope</w:t></w:r></w:p><w:p><w:r><w:t>We act.</w:t></w:r></w:p><w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>Annex</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="BodyText"/><w:outlineLvl w:val="9"/></w:pPr><w:r><w:t>Body.</w:t></w:r></w:p></w:body>"#;
        let (blocks, headings) = body_blocks(xml, Numbering::default()).expect("valid");
        assert_eq!(blocks, ["Scope", "We act.", "Annex", "Body."]);
        assert_eq!(headings, [0, 2]);
    }

    #[test]
    fn broken_xml_is_an_error_not_a_panic() {
        assert!(body_blocks("<w:body><w:p><w:r><w:t>a</w:p>", Numbering::default()).is_err());
        assert_eq!(Numbering::parse("<<<").map(|n| n.nums.len()), Ok(0));
        assert_eq!(core_title("<x>"), None);
    }

    /// Paragraphs nested thousands deep (text boxes in text boxes) keep
    /// their text, in order, one line each: past `PARA_NESTING` they are
    /// read as lines of the deepest paragraph kept, not copied up level by
    /// level.
    #[test]
    fn paragraphs_nested_thousands_deep_keep_their_text_in_order() {
        let n = 2_000;
        let opened: String = (0..n)
            .map(|i| format!("<w:p><w:r><w:t>P{i}.</w:t></w:r>"))
            .collect();
        let xml = format!(
            "<w:document xmlns:w=\"w\"><w:body>{opened}{}</w:body></w:document>",
            "</w:p>".repeat(n)
        );
        let (blocks, _) = body_blocks(&xml, Numbering::default()).expect("parses");
        let expected: Vec<String> = (0..n).map(|i| format!("P{i}.")).collect();
        assert_eq!(blocks, [expected.join("\n")]);
    }

    /// Thousands of list instances, each seen once: their start overrides
    /// apply to the first item of each.
    #[test]
    fn thousands_of_list_instances_number_from_their_overrides() {
        let nums: String = (0..3_000)
            .map(|i| {
                format!(
                    "<w:num w:numId=\"{i}\"><w:abstractNumId w:val=\"5\"/>\
                     <w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"7\"/></w:lvlOverride></w:num>"
                )
            })
            .collect();
        let numbering = NUMBERING.replace("</w:numbering>", &format!("{nums}</w:numbering>"));
        // Two items of each instance: its override applies to the first only.
        let paras: String = (0..3_000)
            .flat_map(|i| [i, i])
            .map(|i| {
                format!(
                    "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"{i}\"/></w:numPr></w:pPr>\
                     <w:r><w:t>Item.</w:t></w:r></w:p>"
                )
            })
            .collect();
        let xml = format!("<w:document xmlns:w=\"w\"><w:body>{paras}</w:body></w:document>");
        let numbering = Numbering::parse(&numbering).expect("valid numbering");
        let (blocks, _) = body_blocks(&xml, numbering).expect("parses");
        assert_eq!(blocks.len(), 6_000);
        for pair in blocks.chunks(2) {
            assert_eq!(pair, ["VII. Item.", "VIII. Item."]);
        }
    }
}
