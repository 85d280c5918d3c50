//! Reads and checks the flashcard decks (`content/flashcards/README.md`), and makes
//! the decks generated from the code lists.

use std::collections::HashSet;

use super::charts::{ChartProblem, line_of, read_toml};
use crate::domain::codes::modifiers::Modifier;
use crate::domain::codes::place_of_service::PlaceOfService;
use crate::domain::flashcards::deck::Deck;

/// The fewest cards all decks hold together.
pub const MIN_CARDS: usize = 600;

/// Reads one deck file; its id is the file name without `.toml`.
pub fn read_deck(path: &str, text: &str) -> Result<Deck, ChartProblem> {
    let mut deck: Deck = read_toml(path, text)?;
    deck.id = path
        .rsplit('/')
        .next()
        .and_then(|f| f.strip_suffix(".toml"))
        .unwrap_or_default()
        .to_string();
    Ok(deck)
}

/// The decks made from the modifier and place-of-service lists.
pub fn generated_decks(modifiers: &[Modifier], places: &[PlaceOfService]) -> Vec<Deck> {
    vec![
        Deck::from_list(
            "modifiers",
            "Modifiers",
            "CPT and HCPCS Level II modifiers: what each one tells the payer.",
            modifiers
                .iter()
                .map(|m| (m.code.clone(), m.summary.clone())),
        ),
        Deck::from_list(
            "place-of-service",
            "Place of service",
            "The two-digit codes for where a service was given (item 24B).",
            places
                .iter()
                .map(|p| (p.code.clone(), format!("{}: {}", p.name, p.description))),
        ),
    ]
}

/// Reads every deck source and checks it: fronts unique in a deck, nothing empty.
pub fn lint_decks(sources: &[(&str, &str)]) -> (Vec<Deck>, Vec<ChartProblem>) {
    let mut decks = Vec::new();
    let mut problems = Vec::new();
    for (path, text) in sources {
        match read_deck(path, text) {
            Ok(deck) => {
                let mut fronts = HashSet::new();
                for card in &deck.cards {
                    let at = line_of(text, &format!("front = {:?}", card.front));
                    let problem = |message: String| ChartProblem {
                        path: path.to_string(),
                        line: at,
                        message,
                    };
                    if !fronts.insert(card.front.trim().to_lowercase()) {
                        problems.push(problem(format!(
                            "the front {:?} is in this deck twice",
                            card.front
                        )));
                    }
                    if card.front.trim().is_empty() || card.back.trim().is_empty() {
                        problems.push(problem("a card needs a front and a back".into()));
                    }
                }
                decks.push(deck);
            }
            Err(p) => problems.push(p),
        }
    }
    (decks, problems)
}
