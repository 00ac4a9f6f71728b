//! The HTML report: the page as text (self-contained, escaped, every
//! sentence of both documents in it), and the page as a drafter sees it, in
//! headless Chromium driven over WebDriver (`chromedriver`): the sections
//! and entries are visible, the view switch works, links land, print hides
//! the switch, and the console stays free of errors.
//!
//! The browser test needs `chromium` and `chromedriver` (Debian:
//! `apt-get install chromium chromium-driver`; `.ci/run` installs them) and
//! `../shared`; without them it prints a notice and passes, and under
//! `CI=true` it fails. `UPDATE_SCREENSHOT=1` rewrites the screenshots in
//! `docs/`; otherwise they go to a temporary folder.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;
use communique::Statement;
use communique::diff::Diff;
use communique::import::import;
use communique::report;
use communique::{Options, compare};
use serde_json::{Value, json};

use crate::support::Need;
use crate::support::diffs::load;
use crate::support::harness::{CHROMIUM, corpus_file, tool};

fn html(diff: &Diff, only_commitments: bool) -> String {
    let mut out = Vec::new();
    let options = report::ReportOptions::default().with_only_commitments(only_commitments);
    report::html::write(&mut out, diff, &options).expect("writes to a Vec");
    String::from_utf8(out).expect("utf-8")
}

fn statement(text: &str, name: &str) -> Statement {
    import(text.as_bytes(), None, name).unwrap_or_else(|e| panic!("{e}"))
}

/// The page's text, tags dropped and entities read back.
fn page_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        rest = rest[open..].split_once('>').map_or("", |(_, after)| after);
    }
    text.push_str(rest);
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Every tag of the page, as written between `<` and `>`. Statement text is
/// escaped, so each `<` opens a tag.
fn tags(html: &str) -> Vec<&str> {
    html.split('<')
        .skip(1)
        .filter_map(|t| t.split_once('>').map(|(tag, _)| tag))
        .collect()
}

/// The values of `attribute="…"` in one tag.
fn attribute<'a>(tag: &'a str, attribute: &str) -> Vec<&'a str> {
    let needle = format!(" {attribute}=\"");
    tag.match_indices(&needle)
        .filter_map(|(i, _)| tag[i + needle.len()..].split('"').next())
        .collect()
}

/// Checks that every sentence of both documents has its anchor, once, and
/// its text on the page.
fn assert_covers_every_sentence(page: &str, old: &Statement, new: &Statement) {
    let text = page_text(page);
    let mut anchors = 0;
    for (prefix, doc) in [("o", old), ("n", new)] {
        for (at, sentence) in doc.sentences() {
            let id = format!("id=\"{prefix}-{}-{}\"", at.paragraph, at.sentence);
            assert_eq!(page.matches(&id).count(), 1, "{id} once");
            assert!(
                text.contains(&sentence.text),
                "{prefix} {at}: {:?} is on the page",
                sentence.text
            );
            anchors += 1;
        }
    }
    assert_eq!(page.matches("class=\"anchor\"").count(), anchors);
}

fn html_is_self_contained_escaped_and_covers_every_sentence() {
    // Markup, ampersands and quotes in statement text, a sentence that moves
    // and one that is reworded.
    let old = statement(
        "The Ministers condemn <script>alert(\"x\")</script> & all such acts.\n\n\
         The Ministers welcomed the report of the Panel.\n\n\
         They will meet again in 2025 at 'Geneva'.\n\n\
         See https://example.org/statement for the full text.\n",
        "old.txt",
    );
    let new = statement(
        "They will meet again in 2026 at 'Geneva'.\n\n\
         The Ministers condemn <script>alert(\"x\")</script> & all such acts.\n\n\
         The Ministers welcomed the report of the Panel.\n\n\
         See https://example.org/statement for the full text.\n",
        "new.txt",
    );
    let diff = compare(&old, &new, &Options::named("old.txt", "new.txt"));
    let page = html(&diff, false);
    assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
    assert!(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; all"));
    for tag in tags(&page) {
        let name = tag.split([' ', '\n']).next().unwrap_or("");
        // Nothing runs and nothing is fetched: no scripts, frames, images,
        // objects or linked style sheets, and only in-page links.
        assert!(
            !["script", "iframe", "img", "object", "embed", "link", "base"]
                .contains(&name.to_ascii_lowercase().as_str()),
            "<{tag}>"
        );
        for value in attribute(tag, "href")
            .into_iter()
            .chain(attribute(tag, "src"))
        {
            assert!(value.starts_with('#'), "<{tag}> links out of the page");
        }
    }
    assert!(!page.contains("@import") && !page.contains("url("));
    // The only URL is the statement's own text.
    assert_eq!(
        page.matches("https://").count(),
        page.matches("https://example.org/statement for").count()
    );
    assert_covers_every_sentence(&page, &old, &new);
    // The moved sentence links to its old place and back.
    let moved = diff
        .changes
        .iter()
        .find(|c| c.moved)
        .expect("a moved entry");
    let from = moved.old[0].location;
    let to = moved.new[0].location;
    assert!(page.contains(&format!("href=\"#o-{}-{}\"", from.paragraph, from.sentence)));
    assert!(page.contains(&format!("href=\"#n-{}-{}\"", to.paragraph, to.sentence)));
}

fn html_covers_every_sentence_of_the_bundled_pair() {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let old_path = "statements/d-isis-small-group/2021-03-26-joint-communique-draft.txt";
    let new_path = "statements/d-isis-small-group/2021-03-30-joint-communique.txt";
    let old = load(&repo.join(old_path), old_path);
    let new = load(&repo.join(new_path), new_path);
    let diff = compare(&old, &new, &Options::named(old_path, new_path));
    let page = html(&diff, false);
    assert_covers_every_sentence(&page, &old, &new);
    assert!(page.contains("<h1>Joint Communiqué by Ministers of the Global Coalition"));
    for section in ["id=\"summary\"", "id=\"commitments\"", "id=\"statement\""] {
        assert!(page.contains(section), "{section}");
    }
    assert_eq!(page.matches("<li class=\"cm-item").count(), 5);
    assert!(page.contains(
        "<span class=\"s s-moderate\">moderate</span> → <span class=\"s s-strong\">strong</span>"
    ));

    // --only commitments: the same top, no statement, and so no links into it.
    let only = html(&diff, true);
    assert!(only.contains("id=\"commitments\"") && !only.contains("id=\"statement\""));
    assert_eq!(only.matches("<li class=\"cm-item").count(), 5);
    assert!(
        !only.contains("href=\"#"),
        "no link to entries that are not there"
    );
    assert!(!only.contains("id=\"view-redline\""));
}

/// The UN pair the browser loads, with the title and date that
/// `communique import --title T --date D` would record for each.
fn tpnw() -> (Diff, Statement, Statement) {
    let read = |file: &str, title: &str, date: &str| -> Statement {
        let path = corpus_file(&format!("unga-tpnw/{file}.txt"));
        let mut s = load(&path, file);
        s.meta.title = Some(title.to_owned());
        s.meta.date = Some(date.to_owned());
        s
    };
    let old = read(
        "2023-12-04-a-res-78-35",
        "Treaty on the Prohibition of Nuclear Weapons (A/RES/78/35)",
        "2023-12-04",
    );
    let new = read(
        "2024-12-02-a-res-79-38",
        "Treaty on the Prohibition of Nuclear Weapons (A/RES/79/38)",
        "2024-12-02",
    );
    let diff = compare(
        &old,
        &new,
        &Options::named(
            "unga-tpnw/2023-12-04-a-res-78-35",
            "unga-tpnw/2024-12-02-a-res-79-38",
        ),
    );
    (diff, old, new)
}

fn html_report_in_chromium() {
    let (diff, old, new) = tpnw();
    let browser = Browser::start();
    let started = Instant::now();
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("tpnw.html");
    std::fs::write(&page, html(&diff, false)).expect("writes the page");
    browser.go(&format!("file://{}", page.display()));

    // The top of the page: the documents, the summary, the commitments.
    let h1 = browser.find("h1");
    assert!(browser.displayed(&h1));
    assert_eq!(
        browser.text(&h1),
        "Treaty on the Prohibition of Nuclear Weapons (A/RES/79/38)"
    );
    for section in ["#summary", "#commitments", "#statement", ".toolbar"] {
        let e = browser.find(section);
        assert!(browser.displayed(&e), "{section} is visible");
    }
    let summary = browser.text(&browser.find("#summary .lede"));
    assert!(
        summary.starts_with("13 reworded, 1 added · 5 same"),
        "{summary}"
    );
    // Routine updates (issue 19: "seventy-ninth" → "eightieth" session in
    // a "Decides to include …" clause) leave the commitment unchanged and
    // are listed in their own section.
    let commitments = browser.find_all("#commitments .cm-item");
    let changed = diff
        .changes
        .iter()
        .filter(|c| c.changes_commitment())
        .count();
    assert_eq!(commitments.len(), changed);
    let routine = browser.find_all("#routine li");
    assert_eq!(
        routine.len(),
        diff.changes.iter().filter(|c| c.routine).count()
    );
    assert!(routine.iter().all(|e| browser.displayed(e)));
    assert!(commitments.iter().all(|e| browser.displayed(e)));
    let first = browser.text(&commitments[0]);
    assert!(
        // The request moved inside its sentence ("Requests the
        // Secretary-General …" → "Expresses its gratitude …, and requests
        // him to …") is the same clause reworded, not a removal (issue 15).
        first.contains("REWORDED") && first.contains("¶14.1 (was ¶13.1)"),
        "{first}"
    );

    // Every sentence of both documents is an entry, or the marker a moved
    // one left; the inserted paragraph shows as added.
    let anchors = browser.find_all(".anchor");
    assert_eq!(anchors.len(), old.sentence_count() + new.sentence_count());
    let entries = browser.find_all("#statement .entry");
    assert!(entries.iter().all(|e| browser.displayed(e)));
    let added = browser.find(".entry:has(> #n-8-1)");
    assert!(browser.text(&added).contains("ADDED"));
    assert!(
        browser
            .text(&added)
            .contains("Recalls the adoption of the Vienna Action Plan")
    );

    // The inline redline by default; side by side after the switch.
    let inline = browser.find(".entry:has(> #n-12-1) .text.inline");
    let old_side = browser.find(".entry:has(> #n-12-1) .text.old");
    assert!(browser.displayed(&inline) && !browser.displayed(&old_side));
    browser.screenshot(&shot_path(&dir, "html-report.png"));
    browser.click(&browser.find("#show-sides"));
    assert!(!browser.displayed(&inline) && browser.displayed(&old_side));
    assert!(browser.displayed(&browser.find(".sides-head")));
    assert!(browser.text(&old_side).contains("establishment"));
    browser.scroll_to("#statement h2");
    browser.screenshot(&shot_path(&dir, "html-report-side-by-side.png"));

    // The moved entry links to its old place, which links back.
    browser.click(&browser.find(".entry:has(> #n-12-1) .details .moved a"));
    assert_eq!(browser.script("return location.hash"), "#o-10-1");
    let marker = browser.find(".moved-from:has(> #o-10-1)");
    assert!(browser.displayed(&marker));
    assert!(browser.text(&marker).contains("moved to ¶12.1"));

    // Printing keeps the chosen view and drops the switch.
    browser.cdp("Emulation.setEmulatedMedia", json!({"media": "print"}));
    assert!(!browser.displayed(&browser.find(".toolbar")));
    assert!(browser.displayed(&old_side) && !browser.displayed(&inline));
    let pdf = browser.print();
    assert!(
        pdf.starts_with(b"%PDF") && pdf.len() > 10_000,
        "a printed PDF"
    );

    let errors = browser.console_errors();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    eprintln!(
        "html_report_in_chromium: {} entries checked in {:.1} s",
        entries.len(),
        started.elapsed().as_secs_f64()
    );
}

/// Where a screenshot goes: `docs/` with `UPDATE_SCREENSHOT` set, else the
/// test's temporary folder (CI must not rewrite the docs).
fn shot_path(temp: &tempfile::TempDir, name: &str) -> PathBuf {
    if std::env::var_os("UPDATE_SCREENSHOT").is_some() {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("docs")
            .join(name)
    } else {
        temp.path().join(name)
    }
}

/// Chromium under `chromedriver`, with one WebDriver session: the few
/// commands the test needs, over plain HTTP on the loopback interface.
struct Browser {
    driver: Child,
    session: String,
    agent: String,
}

/// The W3C name of an element reference in WebDriver answers.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

impl Browser {
    /// Starts chromedriver and a headless Chromium session (for a test that
    /// declares [`Need::Chromium`](crate::support::Need)).
    fn start() -> Browser {
        let chromium = tool(Need::Chromium, CHROMIUM);
        let chromedriver = tool(Need::Chromium, &["chromedriver"]);
        // A free port: bind to port 0, note it, let it go for chromedriver.
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free local port")
            .port();
        let driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{}: {e}", chromedriver.display()));
        let agent = format!("http://127.0.0.1:{port}");
        let mut browser = Browser {
            driver,
            session: String::new(),
            agent,
        };
        browser.wait_until_ready();
        let answer = browser.call(
            "POST",
            "/session",
            Some(json!({"capabilities": {"alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": chromium,
                    // --no-sandbox: CI runs as root, where Chromium's
                    // sandbox refuses to start.
                    "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                             "--disable-dev-shm-usage", "--window-size=1280,1600",
                             "--force-device-scale-factor=1", "--hide-scrollbars",
                             "--lang=en-US"],
                },
                "goog:loggingPrefs": {"browser": "ALL"},
            }}})),
        );
        browser.session = answer["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {answer}"))
            .to_owned();
        browser
    }

    fn wait_until_ready(&self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let ready = minreq::get(format!("{}/status", self.agent))
                .with_timeout(2)
                .send()
                .ok()
                .and_then(|r| r.json::<Value>().ok())
                .is_some_and(|v| v["value"]["ready"] == true);
            if ready {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "chromedriver did not start in 30 s"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// One WebDriver command; panics with the driver's message on an error.
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}{path}", self.agent);
        let request = match method {
            "GET" => minreq::get(url),
            "DELETE" => minreq::delete(url),
            _ => minreq::post(url)
                .with_json(&body.unwrap_or_else(|| json!({})))
                .expect("JSON body"),
        };
        let response = request
            .with_timeout(60)
            .send()
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        let value: Value = response
            .json()
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        assert!(
            response.status_code == 200,
            "{method} {path}: {}",
            value["value"]
        );
        value["value"].clone()
    }

    fn session(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.call(method, &format!("/session/{}{path}", self.session), body)
    }

    fn go(&self, url: &str) {
        self.session("POST", "/url", Some(json!({ "url": url })));
    }

    fn element_id(value: &Value) -> String {
        value[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("not an element: {value}"))
            .to_owned()
    }

    fn find(&self, css: &str) -> String {
        Self::element_id(&self.session(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        ))
    }

    fn find_all(&self, css: &str) -> Vec<String> {
        let found = self.session(
            "POST",
            "/elements",
            Some(json!({"using": "css selector", "value": css})),
        );
        found
            .as_array()
            .expect("a list of elements")
            .iter()
            .map(Self::element_id)
            .collect()
    }

    fn displayed(&self, element: &str) -> bool {
        self.session("GET", &format!("/element/{element}/displayed"), None) == true
    }

    fn text(&self, element: &str) -> String {
        let text = self.session("GET", &format!("/element/{element}/text"), None);
        text.as_str().unwrap_or_default().to_owned()
    }

    fn click(&self, element: &str) {
        self.session("POST", &format!("/element/{element}/click"), None);
    }

    fn script(&self, script: &str) -> Value {
        self.session(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": []})),
        )
    }

    fn scroll_to(&self, css: &str) {
        self.session(
            "POST",
            "/execute/sync",
            Some(json!({
                "script": "document.querySelector(arguments[0]).scrollIntoView()",
                "args": [css],
            })),
        );
    }

    /// A Chrome DevTools command, through chromedriver.
    fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.session(
            "POST",
            "/goog/cdp/execute",
            Some(json!({"cmd": cmd, "params": params})),
        )
    }

    fn decode(value: &Value) -> Vec<u8> {
        base64::engine::general_purpose::STANDARD
            .decode(value.as_str().expect("base64 text"))
            .expect("base64")
    }

    /// The viewport as a PNG, written to `path` and checked.
    fn screenshot(&self, path: &Path) {
        let png = Self::decode(&self.session("GET", "/screenshot", None));
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 10_000);
        std::fs::write(path, png).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }

    /// The page printed to PDF, as the print dialog would (A4).
    fn print(&self) -> Vec<u8> {
        Self::decode(&self.session(
            "POST",
            "/print",
            Some(json!({"page": {"width": 21.0, "height": 29.7}, "background": true})),
        ))
    }

    /// The browser console's errors (level SEVERE) since the page loaded.
    fn console_errors(&self) -> Vec<Value> {
        let log = self.session("POST", "/se/log", Some(json!({"type": "browser"})));
        log.as_array()
            .expect("log entries")
            .iter()
            .filter(|e| e["level"] == "SEVERE")
            .cloned()
            .collect()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            // Closing the session closes Chromium; a failure here must not
            // hide the test's own.
            let _ = minreq::delete(format!("{}/session/{}", self.agent, self.session))
                .with_timeout(10)
                .send();
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

crate::tests![
    html_is_self_contained_escaped_and_covers_every_sentence,
    html_covers_every_sentence_of_the_bundled_pair,
    html_report_in_chromium[Shared, Chromium],
];
