//! Mock exams: the question bank's types, blueprints per exam style, seeded sampling,
//! scoring and the wall-clock timer. All pure; time and seeds are passed in.

pub mod blueprint;
pub mod question;
pub mod sample;
pub mod score;
pub mod timer;
