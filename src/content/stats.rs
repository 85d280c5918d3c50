//! Statistics of the shipped content, printed as JSON by `billable-tool stats`.

use serde::Serialize;

use super::Catalog;
use crate::domain::exam_sections::CmrsSection;
use crate::domain::tracks::Track;

/// Totals for the whole catalogue.
#[derive(Debug, Serialize)]
pub struct ContentStats {
    /// Number of lessons.
    pub lessons: usize,
    /// Words of lesson prose.
    pub words: usize,
    /// Knowledge checks.
    pub checks: usize,
    /// Terms in the glossary.
    pub glossary_terms: usize,
    /// Per-track figures, for tracks that have lessons.
    pub tracks: Vec<TrackStats>,
    /// Lessons covering each CMRS section, all sixteen listed.
    pub cmrs_sections: Vec<SectionStats>,
}

/// Figures for one track.
#[derive(Debug, Serialize)]
pub struct TrackStats {
    /// The track's slug.
    pub track: &'static str,
    /// Lessons in it.
    pub lessons: usize,
    /// Words of prose in its lessons.
    pub words: usize,
    /// Knowledge checks in its lessons.
    pub checks: usize,
}

/// How many lessons cover one CMRS section.
#[derive(Debug, Serialize)]
pub struct SectionStats {
    /// The section's name.
    pub section: &'static str,
    /// Lessons that name it.
    pub lessons: usize,
}

/// Computes the statistics of a catalogue.
pub fn content_stats(catalog: &Catalog) -> ContentStats {
    let lessons = catalog.index().lessons();
    let tracks = Track::ALL
        .into_iter()
        .filter_map(|track| {
            let in_track: Vec<_> = catalog.index().in_track(track).collect();
            (!in_track.is_empty()).then(|| TrackStats {
                track: track.slug(),
                lessons: in_track.len(),
                words: in_track.iter().map(|l| l.words).sum(),
                checks: in_track.iter().map(|l| l.checks).sum(),
            })
        })
        .collect();
    let cmrs_sections = CmrsSection::ALL
        .into_iter()
        .map(|section| SectionStats {
            section: section.name(),
            lessons: lessons
                .iter()
                .filter(|l| l.sections.contains(&section))
                .count(),
        })
        .collect();
    ContentStats {
        lessons: lessons.len(),
        words: lessons.iter().map(|l| l.words).sum(),
        checks: lessons.iter().map(|l| l.checks).sum(),
        glossary_terms: super::glossary::build(catalog).entries.len(),
        tracks,
        cmrs_sections,
    }
}

/// Chart counts, printed by `billable-tool stats` beside the lessons'.
#[derive(Debug, Serialize)]
pub struct ChartStats {
    /// Charts that read.
    pub charts: usize,
    /// Charts per specialty, by the file format's name.
    pub by_specialty: std::collections::BTreeMap<String, usize>,
    /// Charts per difficulty, 1 to 3.
    pub by_difficulty: std::collections::BTreeMap<u8, usize>,
}

/// Counts charts by specialty and difficulty.
pub fn chart_stats(charts: &[crate::domain::charts::Chart]) -> ChartStats {
    let mut by_specialty = std::collections::BTreeMap::new();
    let mut by_difficulty = std::collections::BTreeMap::new();
    for chart in charts {
        let specialty = serde_json::to_value(chart.specialty)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        *by_specialty.entry(specialty).or_insert(0) += 1;
        *by_difficulty.entry(chart.difficulty).or_insert(0) += 1;
    }
    ChartStats {
        charts: charts.len(),
        by_specialty,
        by_difficulty,
    }
}
