//! Instructors' assignments without a server: an assignment travels as a link or a
//! file, students send back results files, and the instructor's gradebook imports
//! them. Everything that arrives is untrusted: sizes are capped before reading, format
//! versions are checked, and nothing here panics on bad input.

pub mod assignment;
pub mod gradebook;
pub mod held;
pub mod results;
pub mod transport;
