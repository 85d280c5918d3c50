//! Claims end to end: the CMS-1500 as data (`form`, `claim`), the scrubber's edits
//! (`scrub`), simulated payers and their adjudication (`payer`, `adjudicate`),
//! remittance codes (`carc`), payment posting (`posting`), the 837P rendering (`x12`)
//! and claim exercises with field-by-field grading (`exercise`). All pure.

pub mod adjudicate;
pub mod appeal;
pub mod carc;
pub mod claim;
pub mod diagnosis_facts;
pub mod exercise;
pub mod face_sheet;
pub mod form;
pub mod grade;
pub mod money;
pub mod payer;
pub mod posting;
pub mod scrub;
pub mod teaching;
pub mod x12;
