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
