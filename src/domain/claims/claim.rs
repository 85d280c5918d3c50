//! A filled CMS-1500: the value of every box, by the ids in `form`. Values are kept
//! as typed, so the scrubber can say what is wrong with them; the accessors here read
//! them the way every consumer (scrubber, adjudicator, 837P, grader) needs.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::form::{DX_LETTERS, MAX_LINES, line_id};
use super::money::Cents;

/// Every box's value by box id; empty boxes are absent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Claim {
    values: BTreeMap<String, String>,
}

/// One filled service line, read from the `24.<n>.*` boxes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// 1 to 6.
    pub number: usize,
    pub from: String,
    pub to: String,
    pub place: String,
    pub emergency: bool,
    /// Upper-cased, trimmed.
    pub code: String,
    /// Upper-cased, trimmed, empty ones dropped, in order.
    pub modifiers: Vec<String>,
    /// Upper-cased pointer letters as typed (`AB`, `A,B` or `A B`).
    pub pointers: Vec<char>,
    /// The charge as typed.
    pub charge: String,
    /// The units as typed.
    pub units: String,
    pub rendering_npi: String,
}

impl Line {
    /// The charge, when it reads as money.
    pub fn charge_cents(&self) -> Option<Cents> {
        Cents::parse(&self.charge)
    }

    /// The units, when they are a whole number.
    pub fn unit_count(&self) -> Option<u32> {
        self.units.trim().parse().ok()
    }
}

impl Claim {
    /// An empty form.
    pub fn new() -> Self {
        Claim::default()
    }

    /// A box's value, trimmed; empty when not filled.
    pub fn get(&self, id: &str) -> &str {
        self.values.get(id).map_or("", |v| v.trim())
    }

    /// Fills a box; an empty value empties it.
    pub fn set(&mut self, id: &str, value: impl Into<String>) {
        let value = value.into();
        if value.trim().is_empty() {
            self.values.remove(id);
        } else {
            self.values.insert(id.to_string(), value);
        }
    }

    /// True when the box is filled (a tick box counts only when ticked).
    pub fn has(&self, id: &str) -> bool {
        !self.get(id).is_empty()
    }

    /// Every filled box, by id.
    pub fn values(&self) -> impl Iterator<Item = (&str, &str)> {
        self.values.iter().map(|(k, v)| (k.as_str(), v.trim()))
    }

    /// The filled diagnosis slots of item 21 as (letter, upper-cased code), in order.
    pub fn diagnoses(&self) -> Vec<(char, String)> {
        DX_LETTERS
            .iter()
            .filter_map(|&letter| {
                let code = self.get(&format!("21.{letter}")).to_ascii_uppercase();
                (!code.is_empty()).then_some((letter, code))
            })
            .collect()
    }

    /// Service lines with any box filled, in order.
    pub fn lines(&self) -> Vec<Line> {
        (1..=MAX_LINES)
            .filter(|&n| {
                let prefix = format!("24.{n}.");
                self.values.keys().any(|k| k.starts_with(&prefix))
            })
            .map(|n| self.line(n))
            .collect()
    }

    fn line(&self, n: usize) -> Line {
        let get = |b: &str| self.get(&line_id(n, b)).to_string();
        let modifiers = ["d.m1", "d.m2", "d.m3", "d.m4"]
            .iter()
            .map(|b| get(b).to_ascii_uppercase())
            .filter(|m| !m.is_empty())
            .collect();
        let pointers = get("e")
            .to_ascii_uppercase()
            .chars()
            .filter(|c| !matches!(c, ' ' | ','))
            .collect();
        Line {
            number: n,
            from: get("a.from"),
            to: get("a.to"),
            place: get("b"),
            emergency: !get("c").is_empty(),
            code: get("d").to_ascii_uppercase(),
            modifiers,
            pointers,
            charge: get("f"),
            units: get("g"),
            rendering_npi: get("j"),
        }
    }

    /// The sum of the lines' charges that read as money.
    pub fn line_total(&self) -> Cents {
        self.lines().iter().filter_map(Line::charge_cents).sum()
    }

    /// True when this is a replacement (corrected) claim.
    pub fn is_corrected(&self) -> bool {
        self.get("22") == "7"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lines_and_diagnoses() {
        let mut c = Claim::new();
        c.set("21.A", "e11.9");
        c.set("21.C", "I10");
        c.set("24.2.d", " 99213 ");
        c.set("24.2.d.m2", "25");
        c.set("24.2.e", "a, c");
        c.set("24.2.f", "120.00");
        c.set("24.1.d", "");
        assert_eq!(
            c.diagnoses(),
            vec![('A', "E11.9".into()), ('C', "I10".into())]
        );
        let lines = c.lines();
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].number, 2);
        assert_eq!(lines[0].code, "99213");
        assert_eq!(lines[0].modifiers, vec!["25"]);
        assert_eq!(lines[0].pointers, vec!['A', 'C']);
        assert_eq!(c.line_total(), Cents(12_000));
    }
}
