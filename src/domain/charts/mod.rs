//! Practice charts: a fictional encounter, its answer key, and grading of a student's
//! codes against it. Chart files are TOML (`content/charts/README.md`); they are read
//! and checked natively in `content::charts`.

pub mod grade;

use serde::{Deserialize, Serialize};

/// Where the encounter took place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Setting {
    Office,
    UrgentCare,
    EmergencyDepartment,
    AmbulatorySurgery,
    HospitalOutpatient,
    DmeSupplier,
    Telehealth,
}

/// The chart's specialty, for the chart list's filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Specialty {
    FamilyMedicine,
    InternalMedicine,
    Pediatrics,
    ObGyn,
    Orthopedics,
    Cardiology,
    Endocrinology,
    Dermatology,
    EmergencyMedicine,
    UrgentCare,
    Radiology,
    Laboratory,
    Infusion,
    Dme,
    BehavioralHealth,
    GeneralSurgery,
}

/// The kind of coverage on the chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlanType {
    Medicare,
    MedicareAdvantage,
    Medicaid,
    Ppo,
    Hmo,
    Pos,
    Epo,
    Tricare,
    Champva,
    WorkersComp,
    SelfPay,
}

/// The patient's sex as recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sex {
    Female,
    Male,
    Unknown,
}

/// A fictional patient.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Patient {
    pub name: String,
    /// `YYYY-MM-DD`.
    pub date_of_birth: String,
    pub sex: Sex,
    pub address: String,
    pub phone: String,
}

/// The patient's coverage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Insurance {
    pub payer: String,
    pub plan_type: PlanType,
    pub member_id: String,
}

/// Who gave the care and who bills for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provider {
    pub rendering: String,
    pub rendering_npi: String,
    pub billing: String,
    pub billing_npi: String,
}

/// One part of the encounter note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteSection {
    pub heading: String,
    pub text: String,
}

/// A diagnosis in the answer key, in sequence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyDiagnosis {
    /// A billable ICD-10-CM code, dotted.
    pub code: String,
    /// Alternatives coding practice genuinely allows.
    #[serde(default)]
    pub accept: Vec<String>,
    /// Why, in our words, citing the guideline.
    pub rationale: String,
}

/// A code that may be reported or not without changing the score.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionalCode {
    pub code: String,
    pub rationale: String,
}

/// A service line in the answer key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyLine {
    /// A CPT or HCPCS Level II code.
    pub code: String,
    /// Alternative codes coding practice genuinely allows.
    #[serde(default)]
    pub accept_codes: Vec<String>,
    /// Up to four modifiers, in order.
    #[serde(default)]
    pub modifiers: Vec<String>,
    /// Alternative modifier sets.
    #[serde(default)]
    pub accept_modifiers: Vec<Vec<String>>,
    /// Days or units.
    pub units: u32,
    /// Diagnosis letters, A for the first key diagnosis.
    pub pointers: Vec<String>,
    /// The line's charge in dollars and cents, e.g. "125.00".
    pub charge: String,
    pub rationale: String,
}

/// One practice chart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chart {
    /// The file name without `.toml`; set by the reader, not written in the file.
    #[serde(default)]
    pub id: String,
    pub title: String,
    pub setting: Setting,
    pub specialty: Specialty,
    /// 1 to 3.
    pub difficulty: u8,
    /// `YYYY-MM-DD`.
    pub date_of_service: String,
    /// Two digits.
    pub place_of_service: String,
    pub patient: Patient,
    pub insurance: Insurance,
    pub provider: Provider,
    #[serde(rename = "section")]
    pub sections: Vec<NoteSection>,
    #[serde(rename = "diagnosis")]
    pub diagnoses: Vec<KeyDiagnosis>,
    #[serde(rename = "optional", default)]
    pub optional: Vec<OptionalCode>,
    #[serde(rename = "line")]
    pub lines: Vec<KeyLine>,
}

impl Chart {
    /// The answer key written as a student's answer: what scores 100.
    pub fn key_answer(&self) -> grade::Answer {
        grade::Answer {
            diagnoses: self.diagnoses.iter().map(|d| d.code.clone()).collect(),
            lines: self
                .lines
                .iter()
                .map(|l| grade::AnswerLine {
                    code: l.code.clone(),
                    modifiers: l.modifiers.clone(),
                    units: l.units,
                    pointers: l.pointers.clone(),
                })
                .collect(),
        }
    }
}

impl PlanType {
    /// The plan type as shown on the face sheet.
    pub fn label(self) -> &'static str {
        match self {
            PlanType::Medicare => "Medicare",
            PlanType::MedicareAdvantage => "Medicare Advantage",
            PlanType::Medicaid => "Medicaid",
            PlanType::Ppo => "PPO",
            PlanType::Hmo => "HMO",
            PlanType::Pos => "POS",
            PlanType::Epo => "EPO",
            PlanType::Tricare => "TRICARE",
            PlanType::Champva => "CHAMPVA",
            PlanType::WorkersComp => "Workers' compensation",
            PlanType::SelfPay => "Self-pay",
        }
    }
}

impl Sex {
    /// The sex as shown on the face sheet.
    pub fn label(self) -> &'static str {
        match self {
            Sex::Female => "female",
            Sex::Male => "male",
            Sex::Unknown => "sex not recorded",
        }
    }
}

/// A chart's entry in the chart list (`charts-data/index.json`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChartSummary {
    pub id: String,
    pub title: String,
    pub setting: Setting,
    pub specialty: Specialty,
    pub difficulty: u8,
}

impl Setting {
    /// Every setting, in the chart list's filter order.
    pub const ALL: [Setting; 7] = [
        Setting::Office,
        Setting::UrgentCare,
        Setting::EmergencyDepartment,
        Setting::AmbulatorySurgery,
        Setting::HospitalOutpatient,
        Setting::DmeSupplier,
        Setting::Telehealth,
    ];

    /// The setting as shown to a learner.
    pub fn label(self) -> &'static str {
        match self {
            Setting::Office => "Office",
            Setting::UrgentCare => "Urgent care",
            Setting::EmergencyDepartment => "Emergency department",
            Setting::AmbulatorySurgery => "Ambulatory surgery",
            Setting::HospitalOutpatient => "Hospital outpatient",
            Setting::DmeSupplier => "DME supplier",
            Setting::Telehealth => "Telehealth",
        }
    }
}

impl Specialty {
    /// Every specialty, in the chart list's filter order.
    pub const ALL: [Specialty; 16] = [
        Specialty::FamilyMedicine,
        Specialty::InternalMedicine,
        Specialty::Pediatrics,
        Specialty::ObGyn,
        Specialty::Orthopedics,
        Specialty::Cardiology,
        Specialty::Endocrinology,
        Specialty::Dermatology,
        Specialty::EmergencyMedicine,
        Specialty::UrgentCare,
        Specialty::Radiology,
        Specialty::Laboratory,
        Specialty::Infusion,
        Specialty::Dme,
        Specialty::BehavioralHealth,
        Specialty::GeneralSurgery,
    ];

    /// The specialty as shown to a learner.
    pub fn label(self) -> &'static str {
        match self {
            Specialty::FamilyMedicine => "Family medicine",
            Specialty::InternalMedicine => "Internal medicine",
            Specialty::Pediatrics => "Pediatrics",
            Specialty::ObGyn => "OB/GYN",
            Specialty::Orthopedics => "Orthopedics",
            Specialty::Cardiology => "Cardiology",
            Specialty::Endocrinology => "Endocrinology",
            Specialty::Dermatology => "Dermatology",
            Specialty::EmergencyMedicine => "Emergency medicine",
            Specialty::UrgentCare => "Urgent care",
            Specialty::Radiology => "Radiology",
            Specialty::Laboratory => "Laboratory",
            Specialty::Infusion => "Injections and infusions",
            Specialty::Dme => "DME",
            Specialty::BehavioralHealth => "Behavioral health",
            Specialty::GeneralSurgery => "General surgery",
        }
    }
}

/// The index of a pointer letter: A is 0, L is 11.
pub fn pointer_index(letter: &str) -> Option<usize> {
    match letter.as_bytes() {
        [b @ b'A'..=b'L'] => Some(usize::from(b - b'A')),
        _ => None,
    }
}

/// The letter for a diagnosis index: 0 is A.
pub fn pointer_letter(index: usize) -> Option<char> {
    (index < 12).then(|| char::from(b'A' + index as u8))
}
