//! The box-by-box grade of a claim: the score, and each wrong box beside what the face
//! sheet supports.

use leptos::prelude::*;

use crate::domain::claims::grade::ClaimGrade;

/// The box-by-box grade of the claim just sent.
#[component]
pub fn GradeView(
    /// The grade.
    grade: ClaimGrade,
) -> impl IntoView {
    let right = grade.boxes.iter().filter(|b| b.correct).count();
    let wrong = grade
        .wrong()
        .map(|b| {
            let expected = if b.expected.is_empty() { "(empty)".to_string() } else { b.expected.clone() };
            let given = if b.given.is_empty() { "(empty)".to_string() } else { b.given.clone() };
            view! { <tr><th scope="row">{format!("{} · {}", b.item, b.label)}</th><td>{given}</td><td>{expected}</td></tr> }
        })
        .collect_view();
    view! {
        <section class="claim-grade" aria-labelledby="grade-heading">
            <h2 id="grade-heading">{format!("Claim score: {} of 100", grade.score())}</h2>
            <p>{format!("{right} of {} boxes match the face sheet.", grade.boxes.len())}</p>
            {(right < grade.boxes.len()).then(|| view! {
                <div class="table-wrap"><table class="grade-table">
                    <thead><tr><th scope="col">"Box"</th><th scope="col">"You wrote"</th><th scope="col">"The face sheet supports"</th></tr></thead>
                    <tbody>{wrong}</tbody>
                </table></div>
            })}
        </section>
    }
}
