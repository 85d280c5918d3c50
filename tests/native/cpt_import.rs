//! Importing a licensed user's CPT descriptor file.

use billable::domain::codes::cpt_import::parse_cpt_file;

#[test]
fn reads_tsv_and_csv_with_a_header_and_quotes() {
    let tsv = parse_cpt_file("99213\tDescriptor one\n87880\tDescriptor two\n")
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(tsv.get("99213").map(String::as_str), Some("Descriptor one"));
    let csv = parse_cpt_file(
        "code,descriptor\r\n99214,\"With a comma, and \"\"quotes\"\"\"\n0001F,Category II\n",
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        csv.get("99214").map(String::as_str),
        Some("With a comma, and \"quotes\"")
    );
    assert_eq!(csv.len(), 2);
}

fn check(text: &str, expected: &[&str]) {
    let errors = parse_cpt_file(text).err().unwrap_or_default();
    let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(shown.len(), expected.len(), "{shown:?}");
    for (shown, expected) in shown.iter().zip(expected) {
        assert!(
            shown.starts_with(expected),
            "{shown:?} should start with {expected:?}"
        );
    }
}

#[test]
fn refuses_bad_files_naming_every_line() {
    check("", &["line 1: the file has no codes"]);
    check(
        "99213,ok\nE11.9,not cpt\n99214,\n",
        &[
            "line 2: \"E11.9\" is not a CPT code",
            "line 3: 99214 has no descriptor",
        ],
    );
    check(
        "99213,\"never closed\n",
        &["line 1: a quoted field is never closed"],
    );
    check("99213,a,b\n", &["line 1: expected two fields"]);
    check(
        "99213,a\n99213,b\n",
        &["line 2: 99213 appears more than once"],
    );
    let many: String = (0..50).map(|i| format!("bad{i},x\n")).collect();
    assert_eq!(
        parse_cpt_file(&many).err().map(|e| e.len()),
        Some(20),
        "at most twenty problems are listed"
    );
}

#[test]
fn saved_files_round_trip() {
    use billable::domain::codes::cpt_import::{decode_saved_file, encode_saved_file};
    let text = "99213,\"a, b\"\n";
    assert_eq!(
        decode_saved_file(&encode_saved_file(text)).as_deref(),
        Some(text)
    );
    assert_eq!(decode_saved_file("{\"format\":2,\"file\":\"x\"}"), None);
    assert_eq!(decode_saved_file("garbage"), None);
}
