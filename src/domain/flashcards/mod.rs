//! Flashcards: decks and spaced-repetition review (FSRS).

pub mod deck;
pub mod due;
pub mod review;
