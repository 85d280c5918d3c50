//! A small summary of when each deck's cards are due, written by the flashcards page
//! and read by the dashboard. It is plain text (one deck per line: id, title, new
//! cards, due times) so the first page reads it with a few splits and no decoder.

/// One deck's due times.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeckDue {
    pub id: String,
    pub title: String,
    /// Cards never reviewed.
    pub new: usize,
    /// When each reviewed card is due, ms since the Unix epoch.
    pub due: Vec<i64>,
}

impl DeckDue {
    /// Reviewed cards due at `now`.
    pub fn due_at(&self, now: i64) -> usize {
        self.due.iter().filter(|d| **d <= now).count()
    }
}

/// Writes the summary.
pub fn encode(decks: &[DeckDue]) -> String {
    decks
        .iter()
        .map(|d| {
            let due: Vec<String> = d.due.iter().map(i64::to_string).collect();
            format!(
                "{}\t{}\t{}\t{}",
                d.id.replace(['\t', '\n'], " "),
                d.title.replace(['\t', '\n'], " "),
                d.new,
                due.join(",")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads the summary; lines that do not read are skipped.
pub fn decode(text: &str) -> Vec<DeckDue> {
    text.lines()
        .filter_map(|line| {
            let mut parts = line.split('\t');
            let id = parts.next()?.to_string();
            let title = parts.next()?.to_string();
            let new = parts.next()?.parse().ok()?;
            let due = parts
                .next()?
                .split(',')
                .filter(|t| !t.is_empty())
                .map(str::parse)
                .collect::<Result<_, _>>()
                .ok()?;
            Some(DeckDue {
                id,
                title,
                new,
                due,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_counts() {
        let decks = vec![
            DeckDue {
                id: "prefixes".into(),
                title: "Prefixes".into(),
                new: 80,
                due: vec![5, 10, 20],
            },
            DeckDue {
                id: "pos".into(),
                title: "Place\tof service".into(),
                new: 0,
                due: vec![],
            },
        ];
        let back = decode(&encode(&decks));
        assert_eq!(back[0], decks[0]);
        assert_eq!(back[1].title, "Place of service");
        assert_eq!(back[0].due_at(10), 2);
        assert_eq!(decode("garbage\nx\ty\tz\t1"), vec![]);
    }
}
