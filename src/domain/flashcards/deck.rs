//! Flashcard decks: written decks from `content/flashcards/`, and decks generated from
//! the code lists (modifiers, places of service), so a code is described in one place.

use serde::{Deserialize, Serialize};

/// One card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    pub front: String,
    pub back: String,
}

/// A deck of cards.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deck {
    /// The file name without `.toml`, or the list it was made from; set by the reader.
    #[serde(default)]
    pub id: String,
    pub title: String,
    pub description: String,
    #[serde(rename = "card")]
    pub cards: Vec<Card>,
}

impl Deck {
    /// A card's key for review records: deck id and front, which is unique in a deck.
    pub fn card_key(&self, card: &Card) -> String {
        format!("{}/{}", self.id, card.front)
    }

    /// A deck made from a reference list's (code, description) pairs.
    pub fn from_list(
        id: &str,
        title: &str,
        description: &str,
        rows: impl IntoIterator<Item = (String, String)>,
    ) -> Deck {
        Deck {
            id: id.to_string(),
            title: title.to_string(),
            description: description.to_string(),
            cards: rows
                .into_iter()
                .map(|(front, back)| Card { front, back })
                .collect(),
        }
    }
}

/// A deck's id, title and size, for the list of decks and the dashboard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeckSummary {
    pub id: String,
    pub title: String,
    pub cards: usize,
}
