//! HTML: official web pages, where the statement sits among navigation,
//! cookie banners, share buttons and related links.
//!
//! The page is parsed with `scraper` (html5ever, the browser-grade parser;
//! entities are decoded there). The body is the page's main content: its
//! `<main>` (or `role="main"`) element, else its `<article>` with the most
//! text, else the element holding the most paragraph text, else `<body>`.
//! Inside it, furniture is skipped: scripts, styles, forms, buttons, `nav`,
//! `header`, `footer`, `aside`, hidden elements, landmark roles other than
//! main, and elements whose `id` or `class` names them as furniture (cookie
//! or consent banners, share and social buttons, breadcrumbs, related
//! links, newsletter boxes; see `FURNITURE_WORDS`).
//!
//! `<p>`, headings, list items, table rows and other block elements become
//! blocks; `<br>` a line break inside one. An item of an ordered list starts
//! with its number (`1.`, `a.`, `iv.` after the list's `type` and `start`),
//! an item of any other list with `-`, which the segmenter keeps as the
//! sentence's label.
//!
//! Metadata: the title from `og:title`, else `<title>`; the source from the
//! canonical link, else `og:url`; the date from `article:published_time`
//! (or a `date` meta element) when it starts with a `YYYY-MM-DD` date; the
//! language from `<html lang>`.

use std::collections::HashMap;

use scraper::{ElementRef, Html, Node};

use super::{Extracted, letters, nesting, roman};
use crate::normalize;
use crate::statement::Meta;
use crate::statement::is_valid_date;

/// Extracts the metadata and the main content's blocks of an HTML page.
pub fn extract(text: &str) -> Extracted {
    let doc = Html::parse_document(&nesting::cap(text));
    let root = doc.root_element();
    let meta = meta(root);
    let main = main_content(root);
    let mut walker = Walker::default();
    walker.walk(main, 0);
    walker.flush();
    Extracted {
        meta,
        blocks: walker.blocks,
        headings: walker.headings,
    }
}

/// Elements whose content is never statement text.
const SKIPPED_TAGS: &[&str] = &[
    "aside", "audio", "button", "canvas", "dialog", "embed", "footer", "form", "head", "header",
    "iframe", "img", "input", "link", "map", "meta", "nav", "noscript", "object", "picture",
    "script", "select", "style", "svg", "template", "textarea", "title", "video",
];

/// Landmark roles that are not the main content.
const SKIPPED_ROLES: &[&str] = &[
    "alertdialog",
    "banner",
    "complementary",
    "contentinfo",
    "dialog",
    "navigation",
    "search",
];

/// Words in an `id` or `class` (split at `-`, `_` and case changes are not
/// considered) that mark page furniture.
const FURNITURE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "consent",
    "cookie",
    "cookies",
    "footer",
    "gdpr",
    "header",
    "menu",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "pagination",
    "popup",
    "related",
    "share",
    "sharing",
    "sidebar",
    "skip",
    "social",
    "subscribe",
    "toolbar",
];

/// Elements that start and end a block.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "caption",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "thead",
    "tr",
    "ul",
];

/// Nesting deeper than this is not walked (no statement is that deep, and
/// the walk is recursive).
const MAX_DEPTH: usize = 256;

fn is_furniture(el: ElementRef<'_>) -> bool {
    let e = el.value();
    if SKIPPED_TAGS.contains(&e.name()) || e.attr("hidden").is_some() {
        return true;
    }
    if e.attr("aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if e.attr("role")
        .is_some_and(|r| SKIPPED_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    let style = e.attr("style").unwrap_or("").to_ascii_lowercase();
    if style.replace(' ', "").contains("display:none") {
        return true;
    }
    e.id().into_iter().chain(e.classes()).any(names_furniture)
}

/// Whether an id or class name is made of a furniture word (`cookie-banner`,
/// `share_links`, `breadcrumb`).
fn names_furniture(name: &str) -> bool {
    name.to_ascii_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| FURNITURE_WORDS.contains(&w))
}

/// The element holding the page's main content.
fn main_content(root: ElementRef<'_>) -> ElementRef<'_> {
    let elements = || root.descendants().filter_map(ElementRef::wrap);
    if let Some(main) = elements().find(|e| {
        e.value().name() == "main"
            || e.value()
                .attr("role")
                .is_some_and(|r| r.eq_ignore_ascii_case("main"))
    }) {
        return main;
    }
    if let Some(article) = elements()
        .filter(|e| e.value().name() == "article")
        .max_by_key(|e| text_len(*e))
    {
        return article;
    }
    // The parent of the most paragraph text (a map, not a list searched per
    // paragraph: a page of 40,000 paragraphs each in its own `<div>` is
    // linear, not quadratic).
    let mut best: Option<(ElementRef<'_>, usize)> = None;
    let mut scores: HashMap<_, usize> = HashMap::new();
    for p in elements().filter(|e| e.value().name() == "p") {
        let Some(parent) = p.parent().and_then(ElementRef::wrap) else {
            continue;
        };
        let score = scores.entry(parent.id()).or_default();
        *score += text_len(p);
        let score = *score;
        if best.is_none_or(|(_, b)| score > b) {
            best = Some((parent, score));
        }
    }
    if let Some((parent, _)) = best {
        return parent;
    }
    elements()
        .find(|e| e.value().name() == "body")
        .unwrap_or(root)
}

/// The length of the visible text under `el`, furniture excluded.
fn text_len(el: ElementRef<'_>) -> usize {
    let mut walker = Walker::default();
    walker.walk(el, 0);
    walker.flush();
    walker.blocks.iter().map(|b| b.len()).sum()
}

/// Collects blocks from a walk of the tree.
#[derive(Default)]
struct Walker {
    blocks: Vec<String>,
    /// Indices of the blocks that are `<h1>`–`<h6>` headings.
    headings: Vec<usize>,
    current: String,
    /// The marker of the list item whose first block is being collected.
    label: Option<String>,
    /// Inside `<pre>`: white space is kept.
    pre: usize,
}

impl Walker {
    fn walk(&mut self, el: ElementRef<'_>, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        let mut item = 0u64;
        let list = List::of(el);
        for child in el.children() {
            match child.value() {
                Node::Text(text) => self.text(text),
                Node::Element(_) => {
                    let Some(child) = ElementRef::wrap(child) else {
                        continue;
                    };
                    if is_furniture(child) {
                        continue;
                    }
                    let name = child.value().name();
                    match name {
                        "br" => self.current.push('\n'),
                        "td" | "th" => {
                            self.walk(child, depth + 1);
                            self.current.push('\t');
                        }
                        "li" => {
                            self.flush();
                            if let Some(value) = child
                                .value()
                                .attr("value")
                                .and_then(|v| v.trim().parse::<u64>().ok())
                            {
                                item = value;
                            } else {
                                item += 1;
                            }
                            self.label = Some(list.marker(item));
                            self.walk(child, depth + 1);
                            self.flush();
                            self.label = None;
                        }
                        "pre" => {
                            self.flush();
                            self.pre += 1;
                            self.walk(child, depth + 1);
                            self.pre -= 1;
                            self.flush();
                        }
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                            self.flush();
                            self.walk(child, depth + 1);
                            let before = self.blocks.len();
                            self.flush();
                            if self.blocks.len() > before {
                                self.headings.push(before);
                            }
                        }
                        _ if BLOCK_TAGS.contains(&name) => {
                            self.flush();
                            self.walk(child, depth + 1);
                            self.flush();
                        }
                        _ => self.walk(child, depth + 1),
                    }
                }
                _ => {}
            }
        }
    }

    fn text(&mut self, text: &str) {
        if self.pre > 0 {
            self.current.push_str(text);
            return;
        }
        // Source line breaks in HTML are spaces, not line breaks.
        for (i, part) in text.split(|c: char| c.is_ascii_whitespace()).enumerate() {
            if i > 0 && !self.current.ends_with([' ', '\n']) {
                self.current.push(' ');
            }
            self.current.push_str(part);
        }
    }

    fn flush(&mut self) {
        let text = std::mem::take(&mut self.current);
        if normalize::paragraph(&text).is_empty() {
            return;
        }
        match self.label.take() {
            Some(label) => self.blocks.push(format!("{label} {}", text.trim_start())),
            None => self.blocks.push(text),
        }
    }
}

/// How a list numbers its items.
struct List {
    ordered: bool,
    start: u64,
    kind: char,
}

impl List {
    fn of(el: ElementRef<'_>) -> List {
        let e = el.value();
        let ordered = e.name() == "ol";
        let start = e
            .attr("start")
            .and_then(|s| s.trim().parse::<u64>().ok())
            .unwrap_or(1);
        let kind = e.attr("type").and_then(|t| t.chars().next()).unwrap_or('1');
        List {
            ordered,
            start,
            kind,
        }
    }

    /// The marker of item `n` (1-based, or the `value` an item gave).
    fn marker(&self, n: u64) -> String {
        if !self.ordered {
            return "-".to_owned();
        }
        let number = n + self.start - 1;
        let text = match self.kind {
            'a' => letters(number),
            'A' => letters(number).to_ascii_uppercase(),
            'i' => roman(number),
            'I' => roman(number).to_ascii_uppercase(),
            _ => number.to_string(),
        };
        format!("{text}.")
    }
}

/// The page's metadata.
fn meta(root: ElementRef<'_>) -> Meta {
    let mut og_title = None;
    let mut title = None;
    let mut canonical = None;
    let mut og_url = None;
    let mut date = None;
    for el in root.descendants().filter_map(ElementRef::wrap) {
        let e = el.value();
        match e.name() {
            "title" if title.is_none() => title = Some(el.text().collect::<String>()),
            "link"
                if canonical.is_none()
                    && e.attr("rel").is_some_and(|r| {
                        r.split_ascii_whitespace()
                            .any(|r| r.eq_ignore_ascii_case("canonical"))
                    }) =>
            {
                canonical = e.attr("href").map(str::to_owned);
            }
            "meta" => {
                let key = e
                    .attr("property")
                    .or_else(|| e.attr("name"))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let content = e.attr("content").map(str::to_owned);
                match key.as_str() {
                    "og:title" if og_title.is_none() => og_title = content,
                    "og:url" if og_url.is_none() => og_url = content,
                    "article:published_time" | "date" | "dc.date" | "dcterms.date"
                        if date.is_none() =>
                    {
                        date = content
                            .and_then(|d| d.trim().get(..10).map(str::to_owned))
                            .filter(|d| is_valid_date(d));
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    let clean = |s: String| Some(normalize::paragraph(&s)).filter(|s| !s.is_empty());
    Meta {
        title: og_title.and_then(clean).or_else(|| title.and_then(clean)),
        date,
        source: canonical.and_then(clean).or_else(|| og_url.and_then(clean)),
        language: root
            .value()
            .attr("lang")
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty()),
        ..Meta::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_words() {
        assert!(names_furniture("cookie-banner"));
        assert!(names_furniture("share_links"));
        assert!(names_furniture("c-breadcrumb"));
        assert!(!names_furniture("statement-body"));
        assert!(!names_furniture("shared-content"));
    }

    #[test]
    fn lists_tables_breaks_and_entities() {
        let ex = extract(
            "<body><p>A&nbsp;&amp;\n  B<br>C</p><ol type=\"a\" start=\"2\"><li>x<li>y</ol>\
             <ul><li><p>z</p><ul><li>inner</li></ul></li></ul>\
             <table><tr><td>1</td><td>2</td></tr></table><pre>a\n b</pre></body>",
        );
        assert_eq!(
            ex.blocks,
            [
                "A\u{a0}& B\nC",
                "b. x",
                "c. y",
                "- z",
                "- inner",
                "1\t2\t",
                "a\n b"
            ]
        );
    }

    #[test]
    fn headings_are_marked() {
        let ex = extract(
            "<body><main><h1>Joint Statement</h1><p>We met.</p><h2>Maritime <em>Security</em></h2><p>We act.</p></main></body>",
        );
        assert_eq!(
            ex.blocks,
            ["Joint Statement", "We met.", "Maritime Security", "We act."]
        );
        assert_eq!(ex.headings, [0, 2]);
    }

    #[test]
    fn without_main_the_most_paragraph_text_wins() {
        let ex = extract(
            "<body><div><p>Menu one</p></div><div class=\"content\"><p>First long paragraph of the statement.</p><p>Second.</p></div></body>",
        );
        assert_eq!(
            ex.blocks,
            ["First long paragraph of the statement.", "Second."]
        );
    }

    /// Issue 16: 100,000 nested `<div>`s took 32 s (html5ever's scope checks
    /// at every start tag) and then lost the text below the walk's depth.
    /// The text is found, and the page of 40,000 paragraphs each in its own
    /// `<div>` picks its main content with one map, not a list searched per
    /// paragraph.
    #[test]
    fn deep_and_wide_pages_keep_their_text() {
        let n = 100_000;
        let deep = format!(
            "<html><body>{}<p>The Ministers met in Rome.</p>{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        assert_eq!(extract(&deep).blocks, ["The Ministers met in Rome."]);
        let wide = format!(
            "<html><body><div><p>Menu.</p></div>{}</body></html>",
            "<div><p>A paragraph of the statement.</p></div>".repeat(40_000)
        );
        let blocks = extract(&wide).blocks;
        // Every parent scores alike; the first with the most text wins.
        assert_eq!(blocks, ["A paragraph of the statement."]);
    }
}
