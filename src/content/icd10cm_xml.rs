//! Converts CDC/NCHS's ICD-10-CM tabular XML into Billable's compact ICD-10-CM text
//! (format: content/codes/README.md). Pure: XML text in, data text out, the same
//! bytes for the same input.
//!
//! The release's expanded code list is read too. Some 7th-character exceptions exist
//! only as prose ("7th characters D and S do not apply to codes in category S06 with
//! 6th character 7"); the code list applies them, and the converter writes the
//! narrower set of 7th characters on each code it affects.

use std::collections::HashSet;

use roxmltree::{Document, Node};
use thiserror::Error;

use crate::domain::codes::icd10cm_data::{HEADER, NoteKind};

/// Why the XML could not be converted.
#[derive(Debug, Error)]
pub enum ConvertError {
    /// Not well-formed XML.
    #[error("the tabular file is not well-formed XML: {0}")]
    Xml(#[from] roxmltree::Error),
    /// Well-formed, but not shaped like the ICD-10-CM tabular list.
    #[error("unexpected tabular structure: {0}")]
    Shape(String),
}

/// Converts the tabular XML, checking 7th characters against the expanded code list
/// (one code per line, no dots); `release` names the release in the header line.
pub fn convert(xml: &str, code_list: &str, release: &str) -> Result<String, ConvertError> {
    let doc = Document::parse(xml)?;
    let root = doc.root_element();
    if root.tag_name().name() != "ICD10CM.tabular" {
        return Err(ConvertError::Shape(format!(
            "root element is <{}>",
            root.tag_name().name()
        )));
    }
    let mut out = Writer {
        text: String::new(),
        listed: code_list
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect(),
    };
    out.line(&[HEADER, release]);
    for chapter in elements(root, "chapter") {
        out.line(&[
            "C",
            &child_text(chapter, "name")?,
            &child_text(chapter, "desc")?,
        ]);
        out.notes(chapter);
        for section in elements(chapter, "section") {
            let id = section
                .attribute("id")
                .ok_or_else(|| ConvertError::Shape("a <section> without an id".into()))?;
            out.line(&["B", id, &child_text(section, "desc")?]);
            out.notes(section);
            for diag in elements(section, "diag") {
                out.diag(diag, None, &[])?;
            }
        }
    }
    Ok(out.text)
}

struct Writer<'a> {
    text: String,
    listed: HashSet<&'a str>,
}

impl Writer<'_> {
    fn line(&mut self, fields: &[&str]) {
        self.text.push_str(&fields.join("\t"));
        self.text.push('\n');
    }

    fn diag(
        &mut self,
        diag: Node,
        parent: Option<&str>,
        inherited: &[(String, String)],
    ) -> Result<(), ConvertError> {
        let code = child_text(diag, "name")?;
        if let Some(parent) = parent
            && (!code.starts_with(parent) || code.len() <= parent.len())
        {
            return Err(ConvertError::Shape(format!(
                "{code} is nested under {parent}"
            )));
        }
        self.line(&["D", &code, &child_text(diag, "desc")?]);
        self.notes(diag);
        let own = seventh_definitions(diag);
        let seventh = if own.is_empty() {
            inherited
        } else {
            own.as_slice()
        };
        let children: Vec<Node> = elements(diag, "diag").collect();
        if children.is_empty() && own.is_empty() && !seventh.is_empty() {
            self.narrow_seventh(&code, seventh)?;
        }
        for child in children {
            self.diag(child, Some(&code), seventh)?;
        }
        Ok(())
    }

    /// Writes the 7th characters of a code when the code list allows fewer than it
    /// inherits.
    fn narrow_seventh(
        &mut self,
        code: &str,
        inherited: &[(String, String)],
    ) -> Result<(), ConvertError> {
        let mut stem: String = code.chars().filter(|c| *c != '.').collect();
        while stem.len() < 6 {
            stem.push('X');
        }
        let allowed: Vec<&(String, String)> = inherited
            .iter()
            .filter(|(c, _)| self.listed.contains(format!("{stem}{c}").as_str()))
            .collect();
        if allowed.is_empty() {
            return Err(ConvertError::Shape(format!(
                "the code list has no 7th-character form of {code}"
            )));
        }
        if allowed.len() < inherited.len() {
            for (c, meaning) in allowed {
                self.line(&["x", c, meaning]);
            }
        }
        Ok(())
    }

    /// Writes the notes of an element, in the order the XML gives them.
    fn notes(&mut self, element: Node) {
        for child in element.children().filter(Node::is_element) {
            let tag = child.tag_name().name();
            if tag == "sevenChrDef" {
                for (c, meaning) in seventh_definitions(element) {
                    self.line(&["x", &c, &meaning]);
                }
            } else if let Some(kind) = NoteKind::from_xml_tag(tag) {
                for note in elements(child, "note") {
                    self.line(&[kind.letter(), &clean(&node_text(note))]);
                }
            }
        }
    }
}

/// The 7th characters an element defines itself, as (character, meaning).
fn seventh_definitions(element: Node) -> Vec<(String, String)> {
    elements(element, "sevenChrDef")
        .flat_map(|def| elements(def, "extension"))
        .map(|ext| {
            let c = ext.attribute("char").unwrap_or_default().to_string();
            (c, clean(ext.text().unwrap_or_default()))
        })
        .collect()
}

fn elements<'a, 'input>(
    parent: Node<'a, 'input>,
    tag: &'static str,
) -> impl Iterator<Item = Node<'a, 'input>> {
    parent
        .children()
        .filter(move |n| n.is_element() && n.tag_name().name() == tag)
}

fn child_text(parent: Node, tag: &str) -> Result<String, ConvertError> {
    parent
        .children()
        .find(|n| n.is_element() && n.tag_name().name() == tag)
        .map(|n| clean(&node_text(n)))
        .ok_or_else(|| {
            ConvertError::Shape(format!("<{}> without <{tag}>", parent.tag_name().name()))
        })
}

/// All text inside a node, including nested elements.
fn node_text(node: Node) -> String {
    node.descendants()
        .filter(Node::is_text)
        .filter_map(|n| n.text())
        .collect()
}

/// Collapses whitespace (tabs and newlines included) to single spaces.
fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
