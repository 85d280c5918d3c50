//! Assignments without a server: the instructor's builder and gradebook
//! (`/instructor`) and the student's assignment page (`/assignment#<link>`). All
//! checking, packing and grading is `domain::assignments`.

mod assignment_page;
mod gradebook_view;
mod instructor_page;
mod own_items;

pub use assignment_page::AssignmentPage;
pub use instructor_page::InstructorPage;
pub use own_items::OwnItemPage;

use wasm_bindgen::JsCast as _;
use wasm_bindgen_futures::JsFuture;

use crate::domain::assignments::transport::check_size;

/// Reads a chosen file as text after checking its size; the error is for the learner.
pub async fn read_file(file: web_sys::File) -> Result<String, String> {
    check_size(file.size().max(0.0) as u64).map_err(|e| e.to_string())?;
    JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "the browser could not read the file".to_string())
}

/// The files chosen in a file input.
pub fn chosen_files(ev: &leptos::ev::Event) -> Vec<web_sys::File> {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let Some(list) = input.files() else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}
