//! Grading single knowledge checks.

use billable::domain::checks::grade_check;

use crate::support::sample_lesson;

fn check(index: usize, chosen: &[usize], correct: bool, missed: &[usize], wrong: &[usize]) {
    let lesson = sample_lesson();
    let result = grade_check(&lesson.checks[index], chosen);
    assert_eq!(
        (
            result.correct,
            result.missed.as_slice(),
            result.wrong.as_slice()
        ),
        (correct, missed, wrong),
        "check {index} with {chosen:?}"
    );
}

#[test]
fn grading() {
    check(0, &[1], true, &[], &[]);
    check(0, &[0], false, &[1], &[0]);
    check(1, &[0, 1], true, &[], &[]);
    check(1, &[1, 0, 1], true, &[], &[]);
    check(1, &[0], false, &[1], &[]);
    check(1, &[0, 1, 2], false, &[], &[2]);
    check(2, &[1], false, &[0], &[1]);
}
