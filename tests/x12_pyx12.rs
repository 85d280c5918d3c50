//! The 837P against pyx12's x12valid, an independent validator of 005010X222A1: the
//! reference claim and variants that reach every optional loop must pass, and a file
//! with a wrong SE count must fail. pyx12 is installed by `tools/x12valid` on first use;
//! when it cannot be, these tests fail rather than skip.

use std::path::{Path, PathBuf};
use std::process::Command;

use billable::domain::claims::claim::Claim;
use billable::domain::claims::payer::PayerKind;
use billable::domain::claims::x12::{example, render_837p, to_text};

/// Runs `tools/x12valid` on `paths`: `Ok` when every file validates, otherwise the
/// validator's report (which names each failing file and its errors).
fn validate(paths: &[PathBuf]) -> Result<(), String> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/x12valid");
    let output = Command::new(&script)
        .args(paths)
        .output()
        .map_err(|e| format!("could not run {}: {e}", script.display()))?;
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    match output.status.code() {
        Some(0) => Ok(()),
        Some(3) => panic!("pyx12 could not be installed, so nothing was validated:\n{report}"),
        _ => Err(report),
    }
}

/// A fresh directory for one test's files.
fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("x12_pyx12")
        .join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("the target directory is writable");
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("the scratch directory is writable");
    path
}

/// The example claim with some boxes changed, rendered as 837P text.
fn render(changes: &[(&str, &str)], kind: PayerKind) -> String {
    let mut claim: Claim = example::claim();
    for (id, value) in changes {
        claim.set(id, *value);
    }
    let mut payer = example::payer();
    payer.kind = kind;
    let segments = render_837p(&claim, &payer, &example::envelope())
        .unwrap_or_else(|e| panic!("{changes:?} renders: {e}"));
    to_text(&segments)
}

#[test]
fn the_reference_837p_passes_and_a_wrong_se_count_fails() {
    let dir = scratch("reference");
    let text = render(&[], PayerKind::Commercial);
    let good = write(&dir, "reference.txt", &text);
    validate(std::slice::from_ref(&good)).unwrap_or_else(|report| panic!("{report}"));

    let se = text
        .lines()
        .find(|l| l.starts_with("SE*"))
        .expect("the 837P has an SE");
    let count: u32 = se
        .split('*')
        .nth(1)
        .and_then(|n| n.parse().ok())
        .expect("SE01 is a number");
    let wrong = se.replacen(&count.to_string(), &(count + 1).to_string(), 1);
    let broken = write(&dir, "broken.txt", &text.replacen(se, &wrong, 1));
    let report = validate(&[good, broken]).expect_err("a wrong SE count fails");
    assert!(report.contains("SE count of"), "{report}");
    assert!(
        report.contains("FAILED: ") && report.contains("broken.txt"),
        "{report}"
    );
}

#[test]
fn every_optional_loop_passes() {
    let dir = scratch("variants");
    let self_insured: &[(&str, &str)] = &[
        ("6", "self"),
        ("4", "BRAMBLE, JUNO T"),
        ("11", "NONE"),
        ("11a", ""),
        ("11a.sex", ""),
    ];
    let variants: Vec<(&str, String)> = vec![
        (
            "corrected.txt",
            render(
                &[("22", "7"), ("22.ref", "BWH250310001")],
                PayerKind::Commercial,
            ),
        ),
        (
            "medicare-self.txt",
            render(self_insured, PayerKind::Medicare),
        ),
        (
            "medicaid-ordering-facility.txt",
            render(
                &[
                    ("17.role", "DK"),
                    ("32.name", "Fernbrook Sample Lab"),
                    ("32.street", "9 Test Row"),
                    ("32.city", "Fernbrook"),
                    ("32.state", "OH"),
                    ("32.zip", "43999"),
                    ("32a", &example::rendering_npi()),
                    ("23", "AUTH-5521"),
                    ("29", "20.00"),
                ],
                PayerKind::Medicaid,
            ),
        ),
        (
            "tricare-accident-span.txt",
            render(
                &[
                    ("6", "spouse"),
                    ("10b", "Y"),
                    ("10b.state", "OH"),
                    ("10a", "Y"),
                    ("24.2.b", "22"),
                    ("24.2.c", "Y"),
                    ("24.2.a.to", "03/07/2025"),
                    ("24.1.j", ""),
                    ("24.2.j", ""),
                    ("17", ""),
                    ("17b", ""),
                    ("22", "8"),
                    ("22.ref", "BWH250310002"),
                ],
                PayerKind::Tricare,
            ),
        ),
    ];
    let paths: Vec<PathBuf> = variants
        .iter()
        .map(|(name, text)| write(&dir, name, text))
        .collect();
    validate(&paths).unwrap_or_else(|report| panic!("{report}"));
}

/// Every claim exercise's answer key, and the corrected claim of those worked by one,
/// renders to an 837P that pyx12 accepts with no errors.
#[test]
fn every_exercise_837p_passes() {
    use billable::content::charts::read_chart;
    use billable::content::claims::{PAYERS_TOML, exercise_codes, read_exercise, read_payers};
    use billable::content::{CHART_SOURCES, CLAIM_SOURCES};
    use billable::domain::claims::exercise::{NextStep, claim_number};

    let payers = read_payers(PAYERS_TOML).unwrap_or_else(|e| panic!("{e}"));
    let charts: Vec<_> = CHART_SOURCES
        .iter()
        .map(|(p, t)| read_chart(p, t).unwrap_or_else(|e| panic!("{e}")))
        .collect();
    let dir = scratch("exercises");
    let mut files = Vec::new();
    for (path, text) in CLAIM_SOURCES {
        let e = read_exercise(path, text).unwrap_or_else(|e| panic!("{e}"));
        let payer = payers
            .iter()
            .find(|p| p.id == e.payer)
            .unwrap_or_else(|| panic!("{path}: payer"));
        let codes = exercise_codes(&e, &charts).unwrap_or_else(|| panic!("{path}: chart"));
        let key = e.key_claim(&codes, payer);
        let mut claims = vec![(format!("{}.txt", e.id), key.clone(), 1)];
        if e.after_remittance.next_step == NextStep::CorrectedClaim {
            let prepared = e
                .prepared_day()
                .unwrap_or_else(|| panic!("{path}: prepared"));
            let corrected = e.corrected_key(&key, &claim_number(&e.id, 1), prepared);
            claims.push((format!("{}-corrected.txt", e.id), corrected, 2));
        }
        for (name, claim, control) in claims {
            let segments = render_837p(&claim, payer, &e.envelope(payer, control))
                .unwrap_or_else(|err| panic!("{path}: {err}"));
            files.push(write(&dir, &name, &to_text(&segments)));
        }
    }
    assert!(
        files.len() > CLAIM_SOURCES.len(),
        "corrected claims are checked too"
    );
    validate(&files).unwrap_or_else(|report| panic!("{report}"));
}
