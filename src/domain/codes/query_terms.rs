//! Reading a search query: folding case and accents, our shorthand table, stop
//! words, 7th-character words, and the one-typo rule. Shared by the ICD-10-CM index
//! and the reference-list search.

/// One query term: what it must match, and how loosely.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// The folded word.
    pub text: String,
    /// Whether a vocabulary word starting with it matches too.
    pub prefix: bool,
}

/// Shorthand and lay wording, in our own curation, rewritten to tabular-list words.
/// A trailing `*` makes the word match by prefix.
pub const SYNONYMS: &[(&str, &str)] = &[
    ("heart attack", "myocardial infarction"),
    ("kidney stone", "calculus kidney"),
    ("kidney stones", "calculus kidney"),
    ("strep throat", "streptococcal pharyngitis"),
    ("flu shot", "immunization"),
    ("well child", "routine child health examination"),
    ("annual physical", "general adult medical examination"),
    ("high blood pressure", "hypertension"),
    ("high cholesterol", "hypercholesterolemia"),
    ("broken", "fracture"),
    ("fx", "fracture"),
    ("htn", "hypertens*"),
    ("dm", "diabetes"),
    ("t2dm", "type 2 diabetes"),
    ("t1dm", "type 1 diabetes"),
    ("ckd", "chronic kidney disease"),
    ("copd", "chronic obstructive pulmonary"),
    ("uti", "urinary tract infection"),
    ("chf", "heart failure"),
    ("mi", "myocardial infarction"),
    ("afib", "atrial fibrillation"),
    ("gerd", "gastro esophageal reflux"),
    ("uri", "upper respiratory infection"),
    ("om", "otitis media"),
    ("rt", "right"),
    ("r", "right"),
    ("lt", "left"),
    ("l", "left"),
    ("init", "initial"),
    ("subs", "subsequent"),
    ("covid", "covid 19"),
    ("bite", "bit*"),
    ("distal radius", "lower end radius"),
    ("distal femur", "lower end femur"),
    ("distal humerus", "lower end humerus"),
    ("proximal humerus", "upper end humerus"),
    ("bites", "bit*"),
    ("flu", "influenza"),
];

/// Words that name a 7th character ("initial encounter"), not a condition: they are
/// not required to match a title; the lookup's 7th-character builder applies them.
pub const SEVENTH_CHARACTER_WORDS: &[&str] = &[
    "initial",
    "init",
    "subsequent",
    "subs",
    "sequela",
    "encounter",
];

/// Words too common to narrow a search.
pub const STOP_WORDS: &[&str] = &["a", "an", "and", "the", "of", "for", "in", "on", "to", "or"];

/// Lowercases and folds accented Latin letters to ASCII (Sträussler becomes
/// straussler), keeping letters and digits and turning the rest into spaces. The
/// result is always ASCII, so `split_ascii_whitespace` splits it.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// `fold`, writing into `out` (cleared first), so a loop can reuse one buffer.
pub fn fold_into(text: &str, out: &mut String) {
    out.clear();
    if text.is_ascii() {
        // Nearly all of the data: one byte in, one byte out.
        out.extend(text.bytes().map(|b| {
            if b.is_ascii_alphanumeric() {
                char::from(b.to_ascii_lowercase())
            } else {
                ' '
            }
        }));
        return;
    }
    for c in text.chars() {
        let folded = if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        } else {
            // Both cases listed rather than `char::to_lowercase`, whose Unicode tables
            // would add several KB to the page's wasm.
            match c {
                'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
                    'a'
                }
                'ç' | 'Ç' => 'c',
                'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
                'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
                'ñ' | 'Ñ' => 'n',
                'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => {
                    'o'
                }
                'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
                'ý' | 'ÿ' | 'Ý' => 'y',
                _ => ' ',
            }
        };
        out.push(folded);
    }
}

/// Query words that make pregnancy and newborn codes (chapters 15 and 16) fair game;
/// without one of them those chapters rank after the rest.
pub const OBSTETRIC_WORDS: &[&str] = &[
    "pregnan",
    "obstetric",
    "deliver",
    "puerper",
    "postpartum",
    "trimester",
    "labor",
    "newborn",
    "neonat",
    "perinatal",
    "gestation",
    "fetus",
    "fetal",
    "birth",
    "maternal",
];

/// True for a word that carries meaning in a phrase (not a stop word or a
/// 7th-character word).
pub fn is_significant(word: &str) -> bool {
    // A match compiles to a length-and-bytes dispatch: far cheaper than scanning both
    // lists for each of the ~700,000 words indexed. A test keeps it in step with them.
    !matches!(
        word,
        "a" | "an"
            | "and"
            | "the"
            | "of"
            | "for"
            | "in"
            | "on"
            | "to"
            | "or"
            | "initial"
            | "init"
            | "subsequent"
            | "subs"
            | "sequela"
            | "encounter"
    )
}

/// Splits a query into terms: synonyms rewritten, stop words dropped, the last word
/// matched by prefix.
pub fn terms(query: &str) -> Vec<Term> {
    let mut text = format!(
        " {} ",
        fold(query).split_whitespace().collect::<Vec<_>>().join(" ")
    );
    let ends_in_space = query.ends_with(' ');
    for (from, to) in SYNONYMS {
        text = text.replace(&format!(" {from} "), &format!(" {to} "));
    }
    let raw: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !STOP_WORDS.contains(w) && !SEVENTH_CHARACTER_WORDS.contains(w))
        .collect();
    let last = raw.len().saturating_sub(1);
    raw.iter()
        .enumerate()
        .map(|(i, word)| match word.strip_suffix('*') {
            Some(stem) => Term {
                text: stem.to_string(),
                prefix: true,
            },
            None => Term {
                text: word.to_string(),
                prefix: i == last && !ends_in_space,
            },
        })
        .collect()
}

/// True when `a` and `b` differ by one insertion, deletion, substitution or swap of
/// neighbouring letters.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        let swapped = prefix + 1 < short.len()
            && short[prefix] == long[prefix + 1]
            && short[prefix + 1] == long[prefix]
            && short[prefix + 2..] == long[prefix + 2..];
        prefix == short.len() || short[prefix + 1..] == long[prefix + 1..] || swapped
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}
