//! Helpers shared by the native tests.

use billable::content::lesson_parser::parse_lesson;
use billable::domain::lesson::Lesson;

/// A small valid lesson with three checks; the second is multi-select.
pub const SAMPLE: &str = "---
title: Sample lesson
track: billing
minutes: 10
sections: Insurance, General
objectives:
  - Do one thing
---
Some prose about claims and payers.

```check
First question?
- [ ] wrong
- [x] right
Rationale: Because.
```

More prose.

```check multiple
Pick both.
- [x] one
- [x] two
- [ ] three
Rationale: Both one and two.
```

```check
Third?
- [x] yes
- [ ] no
Rationale: Yes.
```
";

/// The sample lesson, parsed.
pub fn sample_lesson() -> Lesson {
    match parse_lesson("content/lessons/billing/01-sample.md", SAMPLE) {
        Ok(lesson) => lesson,
        Err(e) => panic!("the sample lesson should parse: {e}"),
    }
}

/// Runs `billable-tool` with `args`, checks it succeeded, and parses its JSON output.
pub fn tool(args: &[&str]) -> serde_json::Value {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_billable-tool"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run billable-tool: {e}"));
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("billable-tool did not print JSON: {e}"))
}
