//! Drawing an exam from the bank: each blueprint slot's questions at random, no
//! question twice, the whole exam mixed, and each question's options shuffled. The
//! same seed gives the same exam everywhere: randomness comes only from a seeded
//! `StdRng`, and every draw is a `u32` range, which rand makes the same on 32-bit wasm
//! and 64-bit native builds.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde::{Deserialize, Serialize};

use super::blueprint::{Blueprint, BlueprintError, ExamSpec, Pool};
use super::question::{CbcsDomain, CpcArea, Question};
use crate::domain::exam_sections::CmrsSection;

/// One question as placed in an exam.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExamQuestion {
    pub id: String,
    pub section: CmrsSection,
    pub domain: CbcsDomain,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<CpcArea>,
    /// The slot it was drawn for, for the results' breakdown.
    pub pool: String,
    /// `order[i]` is the original index of the option shown in position `i`.
    pub order: Vec<usize>,
}

/// A generated exam.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exam {
    pub spec: ExamSpec,
    pub questions: Vec<ExamQuestion>,
}

/// A uniform index below `n` (which must be positive), drawn as a `u32`.
fn index(rng: &mut StdRng, n: usize) -> usize {
    rng.random_range(0..n as u32) as usize
}

/// Fisher–Yates shuffle drawing only `u32` ranges.
fn shuffle<T>(rng: &mut StdRng, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        let j = index(rng, i + 1);
        items.swap(i, j);
    }
}

/// Draws the exam for `spec` under `blueprint` from `bank`.
pub fn generate(
    bank: &[Question],
    spec: &ExamSpec,
    blueprint: &Blueprint,
) -> Result<Exam, BlueprintError> {
    let mut rng = StdRng::seed_from_u64(spec.seed);
    let mut sorted: Vec<&Question> = bank.iter().collect();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    let mut taken: Vec<&str> = Vec::new();
    let mut questions = Vec::new();
    for (pool, count) in &blueprint.slots {
        let mut candidates: Vec<&Question> = sorted
            .iter()
            .copied()
            .filter(|q| pool.holds(q) && !taken.contains(&q.id.as_str()))
            .collect();
        if candidates.len() < *count {
            return Err(BlueprintError::NotEnough {
                pool: pool.name().to_string(),
                need: *count,
                have: candidates.len(),
            });
        }
        // A partial Fisher–Yates: the first `count` places end up a uniform sample.
        for i in 0..*count {
            let j = i + index(&mut rng, candidates.len() - i);
            candidates.swap(i, j);
        }
        for q in &candidates[..*count] {
            taken.push(&q.id);
            let mut order: Vec<usize> = (0..q.options.len()).collect();
            shuffle(&mut rng, &mut order);
            questions.push(ExamQuestion {
                id: q.id.clone(),
                section: q.cmrs,
                domain: q.cbcs,
                area: q.cpc,
                pool: pool_label(*pool),
                order,
            });
        }
    }
    shuffle(&mut rng, &mut questions);
    Ok(Exam {
        spec: spec.clone(),
        questions,
    })
}

fn pool_label(pool: Pool) -> String {
    pool.name().to_string()
}
