//! Markdown: the form web archives and static sites keep statements in.
//!
//! Front matter between `---` lines (YAML) or `+++` lines (TOML) becomes the
//! metadata: `title`, `date`, the source URL (`source`, `source_url`, `url`,
//! `canonical_url`, `link`), `language` (or `lang`), `series`, `issuers` (or
//! `issuer`); every other key with a value goes to `extra`. The body is
//! parsed as CommonMark with `pulldown-cmark`: paragraphs, headings, table
//! rows and code blocks are blocks; each list item is a block that starts
//! with its marker (`-` for any bullet, `1.` or `1)` as written), which the
//! segmenter keeps as the sentence's label. Emphasis, links (their text),
//! escapes and inline HTML tags are reduced to their text; images, HTML
//! blocks (comments), footnote definitions and references are dropped, and
//! so are blocks without a letter or digit (the `###` that ends a press
//! release). Hard-wrapped lines are left for the normalizer to join.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{Extracted, Format, ImportError, malformed};
use crate::normalize;
use crate::statement::Meta;
use crate::statement::is_valid_date;

/// Extracts the metadata and body blocks of a Markdown document.
pub fn extract(text: &str, origin: &str) -> Result<Extracted, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (meta, body) = match split_front_matter(text) {
        Some(fm) => (fm.meta(origin)?, fm.body),
        None => (Meta::default(), text),
    };
    let (blocks, headings) = blocks(body);
    Ok(Extracted {
        meta,
        blocks,
        headings,
    })
}

/// Whether `text` opens with YAML front matter: a `---` line, `key: value`
/// lines and a closing `---` or `...` line.
pub fn has_yaml_front_matter(text: &str) -> bool {
    split_front_matter(text.strip_prefix('\u{feff}').unwrap_or(text)).is_some_and(|fm| {
        fm.kind == Kind::Yaml
            && fm
                .raw
                .lines()
                .any(|l| l.split_once(':').is_some_and(|(k, _)| is_key(k)))
    })
}

fn is_key(k: &str) -> bool {
    !k.is_empty()
        && k.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Yaml,
    Toml,
}

/// Front matter split from the body.
struct FrontMatter<'a> {
    kind: Kind,
    /// What stands between the fences.
    raw: &'a str,
    /// Everything after the closing fence.
    body: &'a str,
}

fn split_front_matter(text: &str) -> Option<FrontMatter<'_>> {
    let first_end = text.find('\n')?;
    let (kind, closers): (Kind, &[&str]) = match text[..first_end].trim_end() {
        "---" => (Kind::Yaml, &["---", "..."]),
        "+++" => (Kind::Toml, &["+++"]),
        _ => return None,
    };
    let rest = &text[first_end + 1..];
    let mut pos = 0;
    for line in rest.split_inclusive('\n') {
        if closers.contains(&line.trim_end()) {
            return Some(FrontMatter {
                kind,
                raw: &rest[..pos],
                body: &rest[pos + line.len()..],
            });
        }
        pos += line.len();
    }
    None
}

impl FrontMatter<'_> {
    /// Parses the front matter into metadata.
    fn meta(&self, origin: &str) -> Result<Meta, ImportError> {
        let table = match self.kind {
            Kind::Toml => toml::from_str::<toml::Table>(self.raw).map_err(|e| {
                malformed(
                    origin,
                    Format::Markdown,
                    format!(
                        "the TOML front matter does not parse: {}; fix it or remove it",
                        one_line(&e.to_string())
                    ),
                )
            })?,
            Kind::Yaml => yaml_table(self.raw).map_err(|e| {
                malformed(
                    origin,
                    Format::Markdown,
                    format!(
                        "the YAML front matter does not parse: {}; fix it or remove it",
                        one_line(&e)
                    ),
                )
            })?,
        };
        Ok(meta_from_table(table))
    }
}

fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A YAML mapping as a TOML table; keys and values TOML cannot hold (null,
/// non-string keys) are left out.
fn yaml_table(raw: &str) -> Result<toml::Table, String> {
    if raw.trim().is_empty() {
        return Ok(toml::Table::new());
    }
    let value: serde_yaml_ng::Value = serde_yaml_ng::from_str(raw).map_err(|e| e.to_string())?;
    let serde_yaml_ng::Value::Mapping(mapping) = value else {
        return Err("it is not a list of `key: value` lines".to_owned());
    };
    let mut table = toml::Table::new();
    for (key, value) in mapping {
        let (Some(key), Ok(value)) = (key.as_str(), toml::Value::try_from(&value)) else {
            continue;
        };
        table.insert(key.to_owned(), value);
    }
    Ok(table)
}

/// Keys that name the source URL, in order of preference.
const SOURCE_KEYS: &[&str] = &[
    "source",
    "source_url",
    "url",
    "canonical_url",
    "canonical",
    "link",
    "permalink",
];

/// Reads the metadata keys the module documents out of `table`; the rest
/// goes to `extra`.
fn meta_from_table(mut table: toml::Table) -> Meta {
    let mut take_string = |keys: &[&str]| -> Option<String> {
        let key = keys.iter().find(|k| {
            table
                .get(**k)
                .is_some_and(|v| v.is_str() || v.is_datetime())
        })?;
        match table.remove(*key)? {
            toml::Value::String(s) => Some(s),
            toml::Value::Datetime(d) => Some(d.to_string()),
            _ => None,
        }
    };
    let title = take_string(&["title"]).map(|t| normalize::paragraph(&t));
    let date = take_string(&["date"]);
    let source = take_string(SOURCE_KEYS).map(|s| s.trim().to_owned());
    let language = take_string(&["language", "lang"]);
    let series = take_string(&["series"]);
    let (date, bad_date) = match date {
        Some(d) if is_valid_date(d.get(..10).unwrap_or("")) => {
            (d.get(..10).map(str::to_owned), None)
        }
        other => (None, other),
    };
    let mut issuers = Vec::new();
    for key in ["issuers", "issuer"] {
        match table.remove(key) {
            Some(toml::Value::String(s)) => issuers.push(s),
            Some(toml::Value::Array(a)) => {
                issuers.extend(a.into_iter().filter_map(|v| v.as_str().map(str::to_owned)))
            }
            Some(other) => {
                table.insert(key.to_owned(), other);
            }
            None => {}
        }
    }
    if let Some(d) = bad_date {
        table.insert("date".to_owned(), toml::Value::String(d));
    }
    Meta {
        title: title.filter(|t| !t.is_empty()),
        date,
        issuers,
        series,
        source: source.filter(|s| !s.is_empty()),
        language,
        extra: table,
    }
}

/// The blocks of a CommonMark body, and which of them are headings.
fn blocks(body: &str) -> (Vec<String>, Vec<usize>) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    let mut out = Blocks::default();
    // Inside an image (its alt text) or a footnote definition, text is not
    // body text.
    let mut hidden = 0usize;
    let mut lists: Vec<Option<u64>> = Vec::new();
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        match event {
            Event::Start(tag) => match tag {
                Tag::Image { .. } | Tag::FootnoteDefinition(_) | Tag::MetadataBlock(_) => {
                    hidden += 1
                }
                Tag::List(start) => {
                    out.flush();
                    lists.push(start);
                }
                Tag::Item => {
                    out.flush();
                    let ordered = lists.last().copied().flatten().is_some();
                    out.label = Some(item_marker(&body[range.start..], ordered));
                }
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::TableRow
                | Tag::TableHead => out.flush(),
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Image | TagEnd::FootnoteDefinition | TagEnd::MetadataBlock(_) => {
                    hidden = hidden.saturating_sub(1)
                }
                TagEnd::List(_) => {
                    out.flush();
                    lists.pop();
                }
                TagEnd::TableCell => out.current.push('\t'),
                TagEnd::Heading(_) => {
                    let before = out.blocks.len();
                    out.flush();
                    if out.blocks.len() > before {
                        out.headings.push(before);
                    }
                }
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::TableRow
                | TagEnd::TableHead => out.flush(),
                _ => {}
            },
            _ if hidden > 0 => {}
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                out.current.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => out.current.push('\n'),
            Event::InlineHtml(tag) if is_br(&tag) => out.current.push('\n'),
            // Comments, HTML blocks, rules, footnote references and task
            // list boxes carry no statement text.
            _ => {}
        }
    }
    out.flush();
    (out.blocks, out.headings)
}

/// Collects blocks, putting a pending list marker before the next one.
#[derive(Default)]
struct Blocks {
    blocks: Vec<String>,
    /// Indices of the blocks that are headings.
    headings: Vec<usize>,
    current: String,
    label: Option<String>,
}

impl Blocks {
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.current);
        if !text.chars().any(char::is_alphanumeric) {
            return;
        }
        match self.label.take() {
            Some(label) => self.blocks.push(format!("{label} {}", text.trim_start())),
            None => self.blocks.push(text),
        }
    }
}

/// The marker of the list item whose source starts `source`: `1.` or `1)`
/// as written for an ordered list, `-` for any bullet.
fn item_marker(source: &str, ordered: bool) -> String {
    let s = source.trim_start();
    if ordered {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        if let Some(delim @ ('.' | ')')) = s[digits..].chars().next()
            && digits > 0
        {
            return format!("{}{delim}", &s[..digits]);
        }
    }
    "-".to_owned()
}

fn is_br(tag: &str) -> bool {
    let t = tag
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim_end_matches('/');
    t.trim().eq_ignore_ascii_case("br")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter_is_metadata() {
        let text = "---\ndate: '2023-03-30'\nsource_url: https://example.gov/x\ntags: statements\ntitle: \"Joint\\_\\\n  Statement\"\n---\nBody.\n";
        let ex = extract(text, "x.md").unwrap();
        assert_eq!(ex.meta.title.as_deref(), Some("Joint Statement"));
        assert_eq!(ex.meta.date.as_deref(), Some("2023-03-30"));
        assert_eq!(ex.meta.source.as_deref(), Some("https://example.gov/x"));
        assert_eq!(
            ex.meta.extra.get("tags").and_then(|v| v.as_str()),
            Some("statements")
        );
        assert_eq!(ex.blocks, ["Body."]);
        assert!(has_yaml_front_matter(text));
        assert!(!has_yaml_front_matter("---\n\nA rule above.\n"));
    }

    #[test]
    fn toml_front_matter_is_metadata() {
        let text = "+++\ntitle = \"T\"\ndate = 2021-03-30\nissuers = [\"A\", \"B\"]\nurl = \"https://e.org\"\n+++\n\n# Heading\n\nText.\n";
        let ex = extract(text, "x.md").unwrap();
        assert_eq!(ex.meta.title.as_deref(), Some("T"));
        assert_eq!(ex.meta.date.as_deref(), Some("2021-03-30"));
        assert_eq!(ex.meta.issuers, ["A", "B"]);
        assert_eq!(ex.meta.source.as_deref(), Some("https://e.org"));
        assert_eq!(ex.blocks, ["Heading", "Text."]);
        assert_eq!(ex.headings, [0]);
        // A heading is a heading however it reads, and never runs into the
        // lower-case paragraph after it.
        let st = crate::import::import(
            b"Intro text.\n\n## Our commitments\n\nwe will act.\n",
            Some(crate::import::Format::Markdown),
            "x.md",
        )
        .unwrap();
        let lines: Vec<(bool, &str)> = st
            .sentences()
            .map(|(_, s)| (s.heading, s.text.as_str()))
            .collect();
        assert_eq!(
            lines,
            [
                (false, "Intro text."),
                (true, "Our commitments"),
                (false, "we will act.")
            ]
        );
    }

    #[test]
    fn bad_front_matter_is_one_line_error() {
        let e = extract("---\ntitle: [unclosed\n---\nA.\n", "x.md").unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.starts_with("x.md: the YAML front matter does not parse"),
            "{msg}"
        );
        assert!(!msg.contains('\n'), "{msg}");
        let e = extract("+++\ntitle = \n+++\nA.\n", "y.md").unwrap_err();
        assert!(
            e.to_string().starts_with("y.md: the TOML front matter"),
            "{e}"
        );
    }

    #[test]
    fn inline_markup_becomes_text() {
        let ex = extract(
            "We *strongly* **condemn** the [attack](https://x.org) on\nthe \\_port\\_ `A/78/L.1`.<br>Next ![logo](l.png)line.\n\n<!-- -->\n\n\\###\n",
            "x",
        )
        .unwrap();
        assert_eq!(
            ex.blocks,
            ["We strongly condemn the attack on\nthe _port_ A/78/L.1.\nNext line."]
        );
    }

    #[test]
    fn list_items_are_blocks_with_their_markers() {
        let ex = extract(
            "commit to:\n\n-   first\n    item;\n\n<!-- -->\n\n* second; and\n\n3. third\n4) not the same list\n\n1. loose\n\n   still one item\n",
            "x",
        )
        .unwrap();
        assert_eq!(
            ex.blocks,
            [
                "commit to:",
                "- first\nitem;",
                "- second; and",
                "3. third",
                "4) not the same list",
                "1. loose",
                "still one item"
            ]
        );
    }

    #[test]
    fn tables_are_read_row_by_row() {
        let ex = extract("| A | B |\n|---|---|\n| 1 | two |\n", "x").unwrap();
        assert_eq!(ex.blocks, ["A\tB\t", "1\ttwo\t"]);
    }
}
