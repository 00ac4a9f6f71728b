//! A cap on how deeply an HTML page nests, applied to the source text before
//! it is parsed.
//!
//! html5ever looks through the stack of open elements at every start tag
//! (the "in scope" checks of the HTML standard), so a page of tens of
//! thousands of nested `<div>`s costs quadratic time to parse: 40,000 took
//! 5 s, 100,000 took 32 s. No statement page nests more than a few dozen
//! elements, so start tags deeper than [`MAX_NESTING`] are dropped here, and
//! as many end tags after them: the text stays, in order, and the tree the
//! parser builds stays within the depth the walk reads.

use std::borrow::Cow;

/// The deepest nesting of counted elements kept. Below the walk's own limit
/// (256 levels, which also counts the elements this leaves uncounted).
pub(super) const MAX_NESTING: usize = 128;

/// Elements with no content or with an end tag the parser may imply: they do
/// not reliably nest, so they are not counted (an old page's thousand
/// unclosed `<p>`s are siblings, not a thousand levels).
const UNCOUNTED: &[&str] = &[
    "area", "base", "body", "br", "caption", "col", "colgroup", "dd", "dt", "embed", "head", "hr",
    "html", "img", "input", "li", "link", "meta", "optgroup", "option", "p", "param", "rb", "rp",
    "rt", "rtc", "source", "tbody", "td", "tfoot", "th", "thead", "tr", "track", "wbr",
];

/// Elements that open foreign content (SVG, MathML), where `/>` does close
/// an element; elsewhere a parser ignores it on all but void elements.
const FOREIGN: &[&str] = &["math", "svg"];

/// HTML elements whose start tag ends foreign content: the parser leaves
/// the SVG or MathML for them (the HTML standard's list; "font" whatever
/// its attributes), so a `/>` after them no longer closes anything.
#[rustfmt::skip]
const BREAKOUT: &[&str] = &[
    "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em",
    "embed", "font", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing",
    "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strike", "strong",
    "sub", "sup", "table", "tt", "u", "ul", "var",
];

/// Elements whose content is raw text, never tags.
const RAW_TEXT: &[&str] = &[
    "iframe", "noembed", "noframes", "script", "style", "textarea", "title", "xmp",
];

/// `html` with the start tags nested deeper than [`MAX_NESTING`] dropped,
/// and one end tag dropped for each; unchanged (and not copied) when it nests
/// less deeply. One pass, linear in the length of the page.
pub(super) fn cap(html: &str) -> Cow<'_, str> {
    // A page with fewer tags than the cap cannot nest deeper than it, and
    // a short one cannot hold a tag of many attributes.
    if html.len() <= SHORT_PAGE && html.bytes().filter(|&b| b == b'<').count() <= MAX_NESTING {
        return Cow::Borrowed(html);
    }
    let bytes = html.as_bytes();
    let mut out = String::new();
    // Text from `kept` on is not yet copied to `out`.
    let mut kept = 0;
    let (mut depth, mut excess) = (0usize, 0usize);
    // The depth outside the foreign element (SVG, MathML) we are in, if any.
    let mut foreign: Option<usize> = None;
    let mut at = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + offset;
        let rest = &html[start..];
        if rest.starts_with("<!--") {
            at = rest.find("-->").map_or(html.len(), |i| start + i + 3);
            continue;
        }
        let (closing, name_at) = if rest.starts_with("</") {
            (true, start + 2)
        } else {
            (false, start + 1)
        };
        let name_len = html[name_at..]
            .bytes()
            .take_while(u8::is_ascii_alphanumeric)
            .count();
        if name_len == 0 {
            at = start + 1;
            continue;
        }
        let name = html[name_at..name_at + name_len].to_ascii_lowercase();
        let (end, cut) = tag_end(bytes, name_at + name_len);
        // `/>` closes an element only in foreign content (and an `<svg/>`
        // or `<math/>` itself): elsewhere "<div/>" opens a div like
        // "<div>", and must count as one. An HTML element that breaks out
        // of the foreign content ends it first.
        if !closing && BREAKOUT.contains(&name.as_str()) {
            foreign = None;
        }
        let self_closing = bytes[start..end].ends_with(b"/>")
            && (foreign.is_some() || FOREIGN.contains(&name.as_str()));
        at = end;
        if RAW_TEXT.contains(&name.as_str()) {
            // Skip the raw text: a `<` inside a script is no tag. Raw-text
            // elements hold no elements, so they are not counted either.
            if !closing {
                let close = format!("</{name}");
                at = find_ascii_ci(&html[end..], &close).map_or(html.len(), |i| end + i);
            }
            cut_attributes(html, cut, end, &mut out, &mut kept);
            continue;
        }
        if self_closing || UNCOUNTED.contains(&name.as_str()) {
            cut_attributes(html, cut, end, &mut out, &mut kept);
            continue;
        }
        let drop = if closing {
            if excess > 0 {
                excess -= 1;
                true
            } else {
                depth = depth.saturating_sub(1);
                if foreign.is_some_and(|outside| depth <= outside) {
                    foreign = None;
                }
                false
            }
        } else if depth >= MAX_NESTING {
            excess += 1;
            true
        } else {
            if foreign.is_none() && FOREIGN.contains(&name.as_str()) {
                foreign = Some(depth);
            }
            depth += 1;
            false
        };
        if drop {
            out.push_str(&html[kept..start]);
            kept = end;
        } else {
            cut_attributes(html, cut, end, &mut out, &mut kept);
        }
    }
    if kept == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[kept..]);
    Cow::Owned(out)
}

/// The longest page not read for deep nesting or long tags when it has few
/// tags: 64 KiB, whose longest tag html5ever reads in milliseconds.
const SHORT_PAGE: usize = 64 * 1024;

/// The most attributes of a tag kept. html5ever compares each attribute of
/// a tag with every earlier one (to drop repeats), so a tag of 80,000
/// took 2.4 s; a real tag has a few dozen at most.
pub(super) const MAX_ATTRIBUTES: usize = 256;

/// Copies what comes before the tag ending at `end` and the tag itself,
/// cut at `cut` (where its attributes past [`MAX_ATTRIBUTES`] begin) and
/// closed there; nothing when it needs no cut.
fn cut_attributes(html: &str, cut: Option<usize>, end: usize, out: &mut String, kept: &mut usize) {
    if let Some(cut) = cut {
        out.push_str(&html[*kept..cut]);
        out.push('>');
        *kept = end;
    }
}

/// The index just past the `>` that ends the tag whose attributes start at
/// `from`, or the end of the page; and where its attributes past
/// [`MAX_ATTRIBUTES`] begin, if it has more. Read as the HTML tokenizer reads a tag:
/// a quote opens a value only after an attribute's `=` (quoted values may
/// hold `>`); anywhere else it is a character of a name or of an unquoted
/// value, so that a stray quote cannot hide the tags after it from the
/// count while the parser still opens them.
fn tag_end(bytes: &[u8], from: usize) -> (usize, Option<usize>) {
    #[derive(Clone, Copy, PartialEq)]
    enum At {
        /// In the tag's name, or between attributes.
        Between,
        /// In an attribute's name.
        Name,
        /// After an attribute's name, before any `=`.
        AfterName,
        /// After `=`, before the value.
        BeforeValue,
        /// In an unquoted value.
        Unquoted,
    }
    let mut at = At::Between;
    let (mut names, mut cut) = (0usize, None);
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        let space = b.is_ascii_whitespace();
        if b == b'>' {
            return (i + 1, cut);
        }
        at = match at {
            At::BeforeValue if b == b'"' || b == b'\'' => {
                // The value runs to its closing quote.
                match memchr::memchr(b, &bytes[i + 1..]) {
                    Some(len) => {
                        i += len + 2;
                        at = At::Between;
                        continue;
                    }
                    None => return (bytes.len(), cut),
                }
            }
            At::BeforeValue if space => At::BeforeValue,
            At::BeforeValue => At::Unquoted,
            At::Unquoted if space => At::Between,
            At::Unquoted => At::Unquoted,
            At::Name | At::AfterName if b == b'=' => At::BeforeValue,
            At::Name | At::AfterName if b == b'/' => At::Between,
            At::Name | At::AfterName if space => At::AfterName,
            At::Name => At::Name,
            At::Between if space || b == b'/' => At::Between,
            // Any other character starts a name ("=" too, here).
            At::Between | At::AfterName => {
                names += 1;
                if names == MAX_ATTRIBUTES + 1 {
                    cut = Some(i);
                }
                At::Name
            }
        };
        i += 1;
    }
    (bytes.len(), cut)
}

/// The first index of `needle` (ASCII) in `haystack`, ignoring ASCII case.
fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_not_copied() {
        let page = format!("<html><body>{}</body></html>", "<p>a</p>".repeat(500));
        assert!(matches!(cap(&page), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_cut_and_the_text_kept() {
        let n = 1_000;
        let page = format!(
            "<div>{}<p>The text.</p><script>if (a<b) x()</script>{}</div><p>After.</p>",
            "<div class=\"x>y\">".repeat(n),
            "</div>".repeat(n)
        );
        let capped = cap(&page);
        assert_eq!(capped.matches("<div").count(), MAX_NESTING);
        assert_eq!(capped.matches("</div>").count(), MAX_NESTING);
        assert!(capped.contains("<p>The text.</p><script>if (a<b) x()</script>"));
        assert!(capped.ends_with("<p>After.</p>"));
    }

    /// "<div/>" opens a div in HTML (the slash is ignored), and a quote in
    /// an attribute's name opens no value: neither hides tags from the
    /// count while the parser nests them.
    #[test]
    fn self_closed_html_tags_and_stray_quotes_are_counted() {
        let n = 1_000;
        for page in [
            format!("<main>{}<p>x.</p></main>", "<div/>".repeat(n)),
            format!("<main><i a\"b>{}x.\"> </main>", "<div>".repeat(n)),
            format!("<main><svg/>{}x.</main>", "<div/>".repeat(n)),
            format!("<main><svg><g>{}x.</main>", "<div/>".repeat(n)),
            format!("<main>{}x.</main>", "<b id=1/>".repeat(n)),
        ] {
            let capped = cap(&page);
            let opened = capped.matches("<div").count() + capped.matches("<b ").count();
            assert!(opened <= MAX_NESTING, "{opened}: {}", &page[..40]);
            assert!(capped.contains("x."));
        }
    }

    /// In SVG or MathML "/>" does close an element: a drawing of thousands
    /// of paths nests no deeper for them, and loses none.
    #[test]
    fn self_closed_elements_of_a_drawing_are_not_counted() {
        let page = format!(
            "<main><svg>{}</svg><p>After.</p></main>",
            "<path d=\"M0 0\"/>".repeat(1_000)
        );
        assert!(matches!(cap(&page), Cow::Borrowed(_)));
    }

    #[test]
    fn a_tag_ends_where_the_tokenizer_ends_it() {
        let end = |tag: &str| tag_end(tag.as_bytes(), 2).0;
        // Quoted values may hold ">"; a quote elsewhere is a character.
        assert_eq!(end("<a href=\"x>y\">z"), 14);
        assert_eq!(end("<a b='>'>z"), 9);
        assert_eq!(end("<a b\"c>z"), 7);
        assert_eq!(end("<a b=c\"d>z"), 9);
        assert_eq!(end("<a = \"x>z"), 8);
        assert_eq!(end("<a b = \"x>\">z"), 12);
        assert_eq!(end("<a b"), 4);
    }

    /// A tag of thousands of attributes keeps its first [`MAX_ATTRIBUTES`]
    /// and is closed after them; the text after it stays.
    #[test]
    fn a_tag_of_thousands_of_attributes_keeps_the_first() {
        let attributes: Vec<String> = (0..10_000).map(|i| format!("a{i}=\"v\"")).collect();
        let page = format!("<main><p {}>The text.</p></main>", attributes.join(" "));
        let capped = cap(&page);
        assert_eq!(capped.matches("=\"v\"").count(), MAX_ATTRIBUTES);
        assert!(
            capped.contains("a255=\"v\" >The text.</p></main>"),
            "{}",
            &capped[capped.len() - 60..]
        );
        let few = format!("<p {}>x</p>", attributes[..10].join(" "));
        assert!(matches!(cap(&few), Cow::Borrowed(_)));
    }
}
