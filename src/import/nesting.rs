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

/// Elements whose content is raw text, never tags.
const RAW_TEXT: &[&str] = &[
    "iframe", "noembed", "noframes", "script", "style", "textarea", "title", "xmp",
];

/// `html` with the start tags nested deeper than [`MAX_NESTING`] dropped,
/// and one end tag dropped for each; unchanged (and not copied) when it nests
/// less deeply. One pass, linear in the length of the page.
pub(super) fn cap(html: &str) -> Cow<'_, str> {
    // A page with fewer tags than the cap cannot nest deeper than it.
    if html.bytes().filter(|&b| b == b'<').count() <= MAX_NESTING {
        return Cow::Borrowed(html);
    }
    let bytes = html.as_bytes();
    let mut out = String::new();
    // Text from `kept` on is not yet copied to `out`.
    let mut kept = 0;
    let (mut depth, mut excess) = (0usize, 0usize);
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
        let end = tag_end(bytes, name_at + name_len);
        let self_closing = bytes[start..end].ends_with(b"/>");
        at = end;
        if RAW_TEXT.contains(&name.as_str()) {
            // Skip the raw text: a `<` inside a script is no tag. Raw-text
            // elements hold no elements, so they are not counted either.
            if !closing {
                let close = format!("</{name}");
                at = find_ascii_ci(&html[end..], &close).map_or(html.len(), |i| end + i);
            }
            continue;
        }
        if self_closing || UNCOUNTED.contains(&name.as_str()) {
            continue;
        }
        let drop = if closing {
            if excess > 0 {
                excess -= 1;
                true
            } else {
                depth = depth.saturating_sub(1);
                false
            }
        } else if depth >= MAX_NESTING {
            excess += 1;
            true
        } else {
            depth += 1;
            false
        };
        if drop {
            out.push_str(&html[kept..start]);
            kept = end;
        }
    }
    if kept == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[kept..]);
    Cow::Owned(out)
}

/// The index just past the `>` that ends the tag whose attributes start at
/// `from` (quoted values may hold `>`), or the end of the page.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote: Option<u8> = None;
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return i + 1,
            _ => {}
        }
    }
    bytes.len()
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
}
