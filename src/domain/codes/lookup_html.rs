//! The lookup's results and code detail as HTML, rendered where the data lives (the
//! search worker) so the page's own wasm stays small. Every piece of text is escaped;
//! links are built only from codes the data holds.

use super::lookup::{CodeSet, Detail, Reference, Reply, Row};

/// Escapes text for HTML element content and double-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Percent-encodes a query-string value.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The lookup URL for a query and an open code.
pub fn code_href(query: &str, code: &str) -> String {
    format!("/lookup?q={}&code={}", encode(query), encode(code))
}

fn state(row: &Row) -> &'static str {
    if row.set != CodeSet::Icd10Cm {
        row.set.label()
    } else if row.billable {
        "billable"
    } else if row.needs_seventh {
        "needs a 7th character"
    } else {
        "not billable: has codes beneath it"
    }
}

/// The result list's items; each carries `data-code` and the option id the search
/// box's `aria-activedescendant` points at.
pub fn results_html(query: &str, rows: &[Row]) -> String {
    rows.iter()
        .enumerate()
        .map(|(i, row)| {
            format!(
                r#"<li role="option" id="result-{i}" class="result" aria-selected="false" data-code="{code}"><a href="{href}" tabindex="-1"><span class="code">{code}</span><span class="title">{title}</span><span class="state{billable}">{state}</span></a></li>"#,
                code = escape(&row.code),
                href = escape(&code_href(query, &row.code)),
                title = escape(&row.title),
                billable = if row.billable { " billable" } else { "" },
                state = state(row),
            )
        })
        .collect()
}

/// One code in full: path, heading, verdict, the 7th-character builder, children and
/// notes.
pub fn detail_html(query: &str, detail: &Detail) -> String {
    let mut html = String::from(r#"<ol class="code-path" aria-label="Place in the tabular list">"#);
    for (code, title) in &detail.path {
        html.push_str(&format!("<li>{} {}</li>", escape(code), escape(title)));
    }
    html.push_str(&format!(
        r#"</ol><h2 id="detail-heading"><span class="code">{}</span> {}</h2><p class="verdict-line">{}</p>"#,
        escape(&detail.row.code),
        escape(&detail.row.title),
        escape(&detail.verdict)
    ));
    if let Some(stem) = &detail.stem {
        html.push_str(&format!(
            r#"<fieldset class="seventh-builder" data-stem="{}"><legend>Add the 7th character to {}</legend><ul class="options">"#,
            escape(stem),
            escape(&detail.row.code)
        ));
        for (c, meaning) in &detail.seventh {
            html.push_str(&format!(
                r#"<li><label><input type="radio" name="seventh" value="{c}"> <span class="code">{c}</span> {}</label></li>"#,
                escape(meaning)
            ));
        }
        html.push_str(
            r#"</ul><p class="built" role="status" data-testid="built-code"></p></fieldset>"#,
        );
    }
    if !detail.children.is_empty() {
        html.push_str(r#"<h3>Codes beneath it</h3><ul class="children">"#);
        for row in &detail.children {
            html.push_str(&format!(
                r#"<li data-code="{code}"><a href="{href}">{code}</a> {title}</li>"#,
                code = escape(&row.code),
                href = escape(&code_href(query, &row.code)),
                title = escape(&row.title)
            ));
        }
        html.push_str("</ul>");
    }
    html.push_str("<h3>Notes</h3>");
    if detail.notes.is_empty() {
        html.push_str("<p>No instructional notes apply.</p>");
    }
    for group in &detail.notes {
        let heading = if group.from == detail.row.code {
            escape(&group.label)
        } else {
            format!("{} (from {})", escape(&group.label), escape(&group.from))
        };
        html.push_str(&format!("<h4>{heading}</h4><ul>"));
        for text in &group.texts {
            html.push_str(&format!("<li>{}</li>", escape(text)));
        }
        html.push_str("</ul>");
    }
    html
}

/// A CPT code or modifier in full.
pub fn reference_html(reference: &Reference) -> String {
    let mut html = format!(
        r#"<p class="code-path">{}</p><h2 id="detail-heading"><span class="code">{}</span></h2><dl class="facts">"#,
        reference.row.set.label(),
        escape(&reference.row.code)
    );
    for (label, text) in &reference.facts {
        html.push_str(&format!(
            "<dt>{}</dt><dd>{}</dd>",
            escape(label),
            escape(text)
        ));
    }
    html.push_str("</dl>");
    if reference.row.set == CodeSet::Cpt {
        html.push_str(
            r#"<p class="cpt-notice">CPT® is a registered trademark of the American Medical Association. The summary is Billable's own; it is not the AMA descriptor.</p>"#,
        );
    }
    html
}

/// A verdict line for the 7th-character builder.
pub fn verdict_html(code: &str, message: &str) -> String {
    format!(
        r#"<strong class="code">{}</strong> {}"#,
        escape(code),
        escape(message)
    )
}

/// The HTML for replies that show content, keyed as the page expects.
pub fn reply_html(query: &str, reply: &Reply) -> Option<String> {
    match reply {
        Reply::Results { rows, .. } => Some(results_html(query, rows)),
        Reply::Detail(detail) => Some(detail_html(query, detail)),
        Reply::Reference(reference) => Some(reference_html(reference)),
        Reply::NotFound { message, .. } => {
            Some(format!(r#"<p role="alert">{}</p>"#, escape(message)))
        }
        Reply::Verdict { code, message, .. } => Some(verdict_html(code, message)),
        _ => None,
    }
}
