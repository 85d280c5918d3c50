//! Exam blueprints: how many questions of each section, domain or area an exam
//! draws, its time limit and its pass mark (`../shared/domain/exams.md`).

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::question::{CbcsDomain, CpcArea, Question};
use crate::domain::exam_sections::CmrsSection;

/// The kinds of exam.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// Every CMRS section, evenly; 85% to pass.
    Cmrs,
    /// 100 questions over the CPC-style areas, 4 hours, 70%.
    Cpc,
    /// 100 questions by CBCS-style domain weights, 3 hours, 70%.
    Cbcs,
    /// The learner's choice of sections, count, timing and feedback.
    Custom,
}

impl Mode {
    /// The mode named in a URL or on the command line.
    pub fn from_slug(slug: &str) -> Option<Mode> {
        match slug {
            "cmrs" => Some(Mode::Cmrs),
            "cpc" => Some(Mode::Cpc),
            "cbcs" => Some(Mode::Cbcs),
            "custom" => Some(Mode::Custom),
            _ => None,
        }
    }

    /// The label shown to learners.
    pub fn label(self) -> &'static str {
        match self {
            Mode::Cmrs => "CMRS-style",
            Mode::Cpc => "CPC-style",
            Mode::Cbcs => "CBCS-style",
            Mode::Custom => "Custom",
        }
    }
}

/// When answers are explained.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Feedback {
    /// After each answer.
    Immediate,
    /// Only in the results.
    #[default]
    AtEnd,
}

/// What the learner asked for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExamSpec {
    pub mode: Mode,
    pub seed: u64,
    /// Custom: the sections to draw from (all when empty).
    #[serde(default)]
    pub sections: Vec<CmrsSection>,
    /// Custom: how many questions; CMRS: how many per section (0 for the default 10).
    #[serde(default)]
    pub count: usize,
    /// A time limit in minutes; `None` for untimed. Ignored by CPC and CBCS, whose
    /// limits are fixed.
    #[serde(default)]
    pub minutes: Option<u32>,
    #[serde(default)]
    pub feedback: Feedback,
}

impl ExamSpec {
    /// A standard exam of `mode` with `seed`.
    pub fn standard(mode: Mode, seed: u64) -> ExamSpec {
        ExamSpec {
            mode,
            seed,
            sections: Vec::new(),
            count: 0,
            minutes: None,
            feedback: Feedback::AtEnd,
        }
    }
}

/// Which questions a slot draws from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Pool {
    Section(CmrsSection),
    Domain(CbcsDomain),
    Area(CpcArea),
}

impl Pool {
    /// True when the question belongs to this pool.
    pub fn holds(self, q: &Question) -> bool {
        match self {
            Pool::Section(s) => q.cmrs == s,
            Pool::Domain(d) => q.cbcs == d,
            Pool::Area(a) => q.cpc == Some(a),
        }
    }

    /// The pool's name.
    pub fn name(self) -> &'static str {
        match self {
            Pool::Section(s) => s.name(),
            Pool::Domain(d) => d.name(),
            Pool::Area(a) => a.name(),
        }
    }
}

/// A blueprint: slots drawn in order, then mixed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Blueprint {
    pub slots: Vec<(Pool, usize)>,
    pub minutes: Option<u32>,
    pub pass_percent: u32,
    pub feedback: Feedback,
}

impl Blueprint {
    /// The number of questions.
    pub fn total(&self) -> usize {
        self.slots.iter().map(|(_, n)| n).sum()
    }
}

/// Why an exam cannot be built.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum BlueprintError {
    #[error("choose between 1 and 200 questions")]
    BadCount,
    #[error("the bank has {have} questions in {pool}, and this exam needs {need}")]
    NotEnough {
        pool: String,
        need: usize,
        have: usize,
    },
}

/// `total` split over `n` slots as evenly as possible, the remainder to the first.
fn even(total: usize, n: usize) -> Vec<usize> {
    (0..n)
        .map(|i| total / n + usize::from(i < total % n))
        .collect()
}

/// The blueprint for a spec.
pub fn blueprint(spec: &ExamSpec) -> Result<Blueprint, BlueprintError> {
    Ok(match spec.mode {
        Mode::Cmrs => {
            let per = if spec.count == 0 { 10 } else { spec.count };
            if per > 12 {
                return Err(BlueprintError::BadCount);
            }
            Blueprint {
                slots: CmrsSection::ALL
                    .iter()
                    .map(|s| (Pool::Section(*s), per))
                    .collect(),
                minutes: spec.minutes,
                pass_percent: 85,
                feedback: spec.feedback,
            }
        }
        Mode::Cpc => Blueprint {
            slots: CpcArea::ALL
                .iter()
                .zip(even(100, CpcArea::ALL.len()))
                .map(|(a, n)| (Pool::Area(*a), n))
                .collect(),
            minutes: Some(240),
            pass_percent: 70,
            feedback: Feedback::AtEnd,
        },
        Mode::Cbcs => Blueprint {
            slots: CbcsDomain::ALL
                .iter()
                .map(|d| (Pool::Domain(*d), d.weight()))
                .collect(),
            minutes: Some(180),
            pass_percent: 70,
            feedback: Feedback::AtEnd,
        },
        Mode::Custom => {
            if spec.count == 0 || spec.count > 200 {
                return Err(BlueprintError::BadCount);
            }
            let sections: Vec<CmrsSection> = if spec.sections.is_empty() {
                CmrsSection::ALL.to_vec()
            } else {
                spec.sections.clone()
            };
            Blueprint {
                slots: sections
                    .iter()
                    .zip(even(spec.count, sections.len()))
                    .filter(|(_, n)| *n > 0)
                    .map(|(s, n)| (Pool::Section(*s), n))
                    .collect(),
                minutes: spec.minutes,
                pass_percent: 70,
                feedback: spec.feedback,
            }
        }
    })
}
