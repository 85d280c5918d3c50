//! The safe Markdown renderer: features that must work, and XSS that must not.

use billable::content::markdown::{is_safe_url, render};

#[test]
fn renders_tables_footnotes_and_strikethrough() {
    let html = render("| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1] ~~old~~\n\n[^1]: Note.\n");
    assert!(html.contains("<table>"), "{html}");
    assert!(html.contains("<td>1</td>"), "{html}");
    assert!(html.contains("<del>old</del>"), "{html}");
    assert!(html.contains("footnote-definition"), "{html}");
}

#[test]
fn keeps_safe_links() {
    for (md, href) in [
        ("[a](https://www.cms.gov/)", "https://www.cms.gov/"),
        ("[a](http://example.org/x?y=1)", "http://example.org/x?y=1"),
        (
            "[a](mailto:teacher@example.org)",
            "mailto:teacher@example.org",
        ),
        (
            "[a](/learn/billing/life-of-a-claim)",
            "/learn/billing/life-of-a-claim",
        ),
        ("[a](#objectives)", "#objectives"),
        ("[a](../other)", "../other"),
    ] {
        let html = render(md);
        assert!(html.contains(&format!("href=\"{href}\"")), "{md} → {html}");
    }
}

#[test]
fn url_policy() {
    let cases = [
        ("https://x.org", true),
        ("HTTPS://x.org", true),
        ("mailto:a@b.c", true),
        ("relative/path", true),
        ("/abs", true),
        ("?q=1", true),
        ("a/b:c", true),
        ("javascript:alert(1)", false),
        ("JaVaScRiPt:alert(1)", false),
        (" javascript:alert(1)", false),
        ("java\tscript:alert(1)", false),
        ("java\nscript:alert(1)", false),
        ("\u{1}javascript:alert(1)", false),
        ("vbscript:msgbox", false),
        ("data:text/html;base64,PHNjcmlwdD4=", false),
        ("file:///etc/passwd", false),
        ("ftp://x.org", false),
    ];
    for (url, safe) in cases {
        assert_eq!(is_safe_url(url), safe, "{url:?}");
    }
}

/// Attacks that must come out inert. Each is rendered, then every tag in the output is
/// checked: only known tags, only harmless attributes, and only safe URLs.
const ATTACKS: &[&str] = &[
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "text <script>alert(1)</script> inline",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<p onclick=\"alert(1)\">click</p>",
    "<!-- comment --><b>bold</b>",
    "[x](javascript:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](java\tscript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](&#x6A;&#x61;vascript:alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](%6Aavascript:alert(1))",
    "[x]( javascript:alert(1))",
    "[x](<javascript:alert(1)>)",
    "<javascript:alert(1)>",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "![x](javascript:alert(1))",
    "[x][ref]\n\n[ref]: javascript:alert(1)",
    "[x](https://ok.example \"title\\\" onmouseover=\\\"alert(1)\")",
    "[![img](https://ok.example/i.png)](javascript:alert(1))",
    "```html\n<script>alert(1)</script>\n```",
    "<details open ontoggle=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
    "[^1]\n\n[^1]: <script>alert(1)</script>",
];

const ALLOWED_TAGS: &[&str] = &[
    "p",
    "a",
    "img",
    "em",
    "strong",
    "del",
    "code",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "hr",
    "br",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "sup",
    "div",
    "section",
];
const ALLOWED_ATTRIBUTES: &[&str] = &[
    "href", "src", "alt", "title", "class", "id", "style", "start",
];

/// Decodes the HTML entities push_html may emit in attribute values.
fn decode_entities(value: &str) -> String {
    value
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Checks every tag in `html`; returns a description of the first problem.
fn find_unsafe(html: &str) -> Option<String> {
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').map(|e| start + e)?;
        let tag = &rest[start + 1..end];
        rest = &rest[end + 1..];
        let tag = tag.trim_start_matches('/').trim_end_matches('/');
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if !ALLOWED_TAGS.contains(&name.to_ascii_lowercase().as_str()) {
            return Some(format!("tag <{name}>"));
        }
        // Attributes are name="value" pairs; push_html always quotes with ".
        let mut attrs = &tag[name.len()..];
        while let Some(eq) = attrs.find("=\"") {
            let attr_name = attrs[..eq].trim().to_ascii_lowercase();
            let value_end = attrs[eq + 2..].find('"').map(|v| eq + 2 + v)?;
            let value = decode_entities(&attrs[eq + 2..value_end]);
            if !ALLOWED_ATTRIBUTES.contains(&attr_name.as_str()) {
                return Some(format!("attribute {attr_name}"));
            }
            if (attr_name == "href" || attr_name == "src") && !is_safe_url(&value) {
                return Some(format!("{attr_name}={value}"));
            }
            if attr_name == "style" && !value.starts_with("text-align") {
                return Some(format!("style={value}"));
            }
            attrs = &attrs[value_end + 1..];
        }
        if !attrs.trim().is_empty() {
            return Some(format!("unquoted attribute text {attrs:?}"));
        }
    }
    None
}

#[test]
fn attacks_come_out_inert() {
    for attack in ATTACKS {
        let html = render(attack);
        assert_eq!(find_unsafe(&html), None, "{attack:?} rendered as {html}");
        assert!(
            !html.to_ascii_lowercase().contains("<script"),
            "{attack:?} → {html}"
        );
    }
}

#[test]
fn raw_html_is_shown_as_text() {
    assert_eq!(render("<b>bold</b>"), "<p>&lt;b&gt;bold&lt;/b&gt;</p>\n");
    assert_eq!(render("a <i>b</i>"), "<p>a &lt;i&gt;b&lt;/i&gt;</p>\n");
    let html = render("[click](javascript:alert(1)) here");
    assert_eq!(html, "<p>click here</p>\n");
}

#[test]
fn the_checker_catches_what_it_should() {
    // The inertness check above is only as good as this detector.
    assert!(find_unsafe("<script>x</script>").is_some());
    assert!(find_unsafe("<img src=\"x\" onerror=\"alert(1)\">").is_some());
    assert!(find_unsafe("<a href=\"javascript:alert(1)\">x</a>").is_some());
    assert!(find_unsafe("<p>fine <a href=\"https://x.org\">x</a></p>").is_none());
}
