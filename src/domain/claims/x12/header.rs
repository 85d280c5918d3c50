//! The envelope and the transaction header: ISA, GS, ST, BHT, the submitter (1000A)
//! and receiver (1000B), and the trailers SE, GE and IEA that close them.

use super::build::{clean, digits, segment};
use super::{Envelope, Segment, X12Error};

/// The 837P version this module writes.
const VERSION: &str = "005010X222A1";
/// ST02 and SE02: one transaction per file, so its number is fixed.
const TRANSACTION: &str = "0001";

const LEARNING: &str = "Billable builds this file for learning, not for submission";

/// ISA through 1000B.
pub(super) fn opening(envelope: &Envelope) -> Result<Vec<Segment>, X12Error> {
    let sender = interchange_id(&envelope.sender_id, "sender id")?;
    let receiver = interchange_id(&envelope.receiver_id, "receiver id")?;
    let control = control_number(envelope.control_number)?;
    let time = time(&envelope.time)?;
    let date = envelope.date.compact();
    let day = envelope.date.mdy();
    let clock = format!("{}:{}", &time[..2], &time[2..]);
    let group = envelope.control_number.to_string();
    let submitter = required(&envelope.submitter_name, "submitter name")?;
    let contact = required(&envelope.submitter_contact, "submitter contact")?;
    let phone = digits(&envelope.submitter_phone);
    if phone.len() != 10 {
        return Err(X12Error::Envelope {
            field: "submitter phone",
            problem: "must have ten digits, area code first",
        });
    }
    let receiver_name = required(&envelope.receiver_name, "receiver name")?;
    let blank = " ".repeat(10);
    Ok(vec![
        segment(
            "",
            &[
                "ISA",
                "00",
                &blank,
                "00",
                &blank,
                "ZZ",
                &format!("{sender:<15}"),
                "ZZ",
                &format!("{receiver:<15}"),
                &date[2..],
                &time,
                "^",
                "00501",
                &control,
                "0",
                "T",
                ":",
            ],
            format!(
                "Interchange header: the outer envelope, from sender {sender} to receiver \
                 {receiver}, control number {control}, made {day} at {clock}, version 00501. \
                 No password (00). ^ separates repeats and : separates components. The usage \
                 indicator T marks test data: {LEARNING}. No CMS-1500 box: the \
                 clearinghouse agreement gives these ids."
            ),
        ),
        segment(
            "",
            &[
                "GS", "HC", &sender, &receiver, &date, &time, &group, "X", VERSION,
            ],
            format!(
                "Functional group header: a group of health care claims (HC) from {sender} to \
                 {receiver}, group number {group}, written to the 837P guide {VERSION}."
            ),
        ),
        segment(
            "",
            &["ST", "837", TRANSACTION, VERSION],
            format!(
                "Transaction set header: one 837 claim transaction, number {TRANSACTION}. SE \
                 at the end counts every segment from here to there."
            ),
        ),
        segment(
            "",
            &["BHT", "0019", "00", &group, &date, &time, "CH"],
            format!(
                "Beginning of the transaction: an original (00) set of claims for payment \
                 (CH), reference {group}, created {day} at {clock}. A learning copy: \
                 {LEARNING}."
            ),
        ),
        segment(
            "1000A",
            &["NM1", "41", "2", &submitter, "", "", "", "", "46", &sender],
            format!(
                "Submitter (loop 1000A): {submitter}, the organization (2) that sends the file, \
                 with submitter id {sender} (46). Not on the CMS-1500."
            ),
        ),
        segment(
            "1000A",
            &["PER", "IC", &contact, "TE", &phone],
            format!(
                "Submitter's EDI contact (IC): {contact}, telephone (TE) {phone}, whom the \
                 receiver calls about the file."
            ),
        ),
        segment(
            "1000B",
            &[
                "NM1",
                "40",
                "2",
                &receiver_name,
                "",
                "",
                "",
                "",
                "46",
                &receiver,
            ],
            format!(
                "Receiver (loop 1000B): {receiver_name}, the clearinghouse or payer that \
                 receives the file, id {receiver} (46)."
            ),
        ),
    ])
}

/// Appends SE (counting ST to SE), GE and IEA.
pub(super) fn close(segments: &mut Vec<Segment>, envelope: &Envelope) {
    let st = segments
        .iter()
        .position(|s| s.text.starts_with("ST*"))
        .unwrap_or(0);
    let count = (segments.len() - st + 1).to_string();
    let group = envelope.control_number.to_string();
    let control = format!("{:09}", envelope.control_number);
    segments.push(segment(
        "",
        &["SE", &count, TRANSACTION],
        format!(
            "Transaction set trailer: {count} segments from ST to SE, both counted, in \
             transaction {TRANSACTION}. A receiver rejects the file when the count is wrong."
        ),
    ));
    segments.push(segment(
        "",
        &["GE", "1", &group],
        format!("Functional group trailer: 1 transaction in group {group}."),
    ));
    segments.push(segment(
        "",
        &["IEA", "1", &control],
        format!(
            "Interchange trailer: 1 functional group in interchange {control}. The end of \
             the file, which is for learning, not for submission."
        ),
    ));
}

fn required(text: &str, field: &'static str) -> Result<String, X12Error> {
    match clean(text) {
        t if t.is_empty() => Err(X12Error::Envelope {
            field,
            problem: "is empty",
        }),
        t => Ok(t),
    }
}

fn interchange_id(text: &str, field: &'static str) -> Result<String, X12Error> {
    let id = clean(text);
    if (2..=15).contains(&id.len()) && !id.contains(' ') {
        Ok(id)
    } else {
        Err(X12Error::Envelope {
            field,
            problem: "must be 2 to 15 letters or digits without spaces",
        })
    }
}

fn control_number(n: u32) -> Result<String, X12Error> {
    if (1..=999_999_999).contains(&n) {
        Ok(format!("{n:09}"))
    } else {
        Err(X12Error::Envelope {
            field: "control number",
            problem: "must be 1 to 999999999",
        })
    }
}

fn time(text: &str) -> Result<String, X12Error> {
    let t = text.trim();
    let ok =
        t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) && t[..2] < *"24" && t[2..] < *"60";
    if ok {
        Ok(t.to_string())
    } else {
        Err(X12Error::Envelope {
            field: "time",
            problem: "must be HHMM on a 24-hour clock, such as 0930",
        })
    }
}
