//! Hand-over by QR code (交接): the resident's answers in a link's URL fragment, so a community
//! worker can pass a case on — or a resident can take it to another phone — with no server.
//!
//! A link looks like `https://…/index.html#h1=<payload>`. The fragment (after `#`) is never sent
//! to any server by a browser, so the answers stay between the two devices. The app shows the
//! link as a QR code and as text to copy; opening it restores exactly the same household
//! (and so the same result: see [`encode`] on the screening date).
//!
//! ## Format (version 1)
//!
//! `h1=` then base64url (RFC 4648 §5, no padding) of `crc32 ‖ deflate(json)`:
//! - `json`: [`Answers::to_json`] — the same compact, versioned JSON the app saves on the device
//!   (including a local standard the resident typed, `ls`: additive, older links simply lack it)
//!   (short field names, defaults left out). A positional binary format (postcard, bincode)
//!   would be smaller still, but it cannot carry the answers' `skip_serializing_if` defaults and
//!   would need a second, hand-kept mirror of every answer type; the deflated JSON reuses the one
//!   saved format and its migration rules ([`Answers::restore`]).
//! - `deflate`: raw DEFLATE (RFC 1951) by `miniz_oxide` at its best level. Typical answers are
//!   200–700 bytes of JSON and deflate to about half; the link of a sample household is
//!   100–400 characters (see the tests), a small QR code.
//! - `crc32`: CRC-32 (ISO-HDLC, as in zip/PNG), little-endian, of the version byte followed by
//!   the deflated bytes. It catches a link that was cut short, mistyped or edited. It is not a
//!   signature: with no server there is no secret to sign with, and anyone could write a valid
//!   link by hand — but such a link holds only answers someone could equally have typed in, and
//!   they go through the same checks as typed answers.
//!
//! The version is in the prefix (`h1`), so a newer app can change everything after it; this app
//! rejects `h2=…` and up as "made by a newer version" rather than misreading them. The answers'
//! own version (`v` in the JSON) is checked again by [`Answers::restore`].
//!
//! ## Limits
//! A fragment longer than [`MAX_PAYLOAD`] characters, or whose JSON would inflate beyond
//! [`MAX_JSON`] bytes, is rejected as too large before any parsing (a link can come from
//! anyone). [`MAX_PAYLOAD`] leaves room for the page address within what a QR code can hold
//! (2331 bytes at error-correction level M, version 40) — in practice far smaller QR codes.
//!
//! Plain Rust, no web dependencies: tested natively (round trip of every sample household,
//! corrupt, tampered, newer, oversized) and used by `src/ui/handover.rs` in the browser.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use crc::{Crc, NoTable, CRC_32_ISO_HDLC};

use crate::answers::{Answers, RestoreProblem};
use crate::i18n::{t, tf, Lang};
use crate::rules::date::Date;

/// The hand-over format this app writes and reads.
pub const FORMAT: u32 = 1;

/// The longest payload (characters after `h1=`) accepted or written.
pub const MAX_PAYLOAD: usize = 1800;

/// The largest answers JSON a payload may inflate to.
pub const MAX_JSON: usize = 32 * 1024;

/// Bitwise CRC-32: no lookup table in the wasm (a link is at most ~1.3 KB of bytes).
const CRC32: Crc<u32, NoTable> = Crc::<u32, NoTable>::new(&CRC_32_ISO_HDLC);

/// Why a hand-over link could not be read. The saved answers are never touched by a rejected
/// link; [`HandoverError::message`] says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HandoverError {
    /// Not decodable: not base64url, too short, or the data inside is not answers.
    Corrupt,
    /// Decodable but the checksum does not match: cut short, mistyped or edited.
    Tampered,
    /// Written by a newer version of the app (the link's format or the answers' version).
    Newer { version: u32 },
    /// Longer than a hand-over link can be.
    TooLarge,
    /// The answers are too many to put in a link (when writing).
    TooLargeToWrite,
}

impl HandoverError {
    /// What to tell the user, in the current language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            HandoverError::Corrupt => t(lang, "handover.err.corrupt").to_string(),
            HandoverError::Tampered => t(lang, "handover.err.tampered").to_string(),
            HandoverError::Newer { version } => tf(
                lang,
                "handover.err.newer",
                &[("version", &version.to_string())],
            ),
            HandoverError::TooLarge => t(lang, "handover.err.too_large").to_string(),
            HandoverError::TooLargeToWrite => t(lang, "handover.err.too_large_write").to_string(),
        }
    }

    /// A short code for tests and `data-` attributes.
    pub fn code(&self) -> &'static str {
        match self {
            HandoverError::Corrupt => "corrupt",
            HandoverError::Tampered => "tampered",
            HandoverError::Newer { .. } => "newer",
            HandoverError::TooLarge => "too_large",
            HandoverError::TooLargeToWrite => "too_large_write",
        }
    }
}

/// Answers read from a hand-over link.
#[derive(Debug, Clone, PartialEq)]
pub struct Received {
    pub answers: Answers,
    /// Set when the link was written by an older version and read as well as possible.
    pub migrated: Option<RestoreProblem>,
}

/// The fragment (without `#`) that carries `answers`.
///
/// An empty screening date ("today") is written as `today`, so whoever opens the link later
/// sees the result for the same date — exactly the same household and result — and the date
/// shows on the first screen, where it can be changed.
pub fn encode(answers: &Answers, today: Date) -> Result<String, HandoverError> {
    let mut a = answers.clone();
    if a.date.trim().is_empty() {
        a.date = today.to_string();
    }
    let json = a.to_json();
    let deflated = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 10);
    let mut bytes = Vec::with_capacity(deflated.len() + 4);
    bytes.extend_from_slice(&checksum(FORMAT, &deflated).to_le_bytes());
    bytes.extend_from_slice(&deflated);
    let payload = URL_SAFE_NO_PAD.encode(bytes);
    if payload.len() > MAX_PAYLOAD {
        return Err(HandoverError::TooLargeToWrite);
    }
    Ok(format!("h{FORMAT}={payload}"))
}

fn checksum(format: u32, deflated: &[u8]) -> u32 {
    let mut digest = CRC32.digest();
    // The format number is part of what is checked: a payload cannot be relabelled.
    digest.update(&[format as u8]);
    digest.update(deflated);
    digest.finalize()
}

/// Whether a URL fragment (with or without `#`) is meant as a hand-over link: `h<digits>=…`.
/// Other fragments (`#selftest`, an in-page link) are not hand-overs and are left alone.
pub fn is_handover(fragment: &str) -> bool {
    split(fragment).is_some()
}

/// `(format digits, payload)` of a hand-over fragment.
fn split(fragment: &str) -> Option<(&str, &str)> {
    let f = fragment.strip_prefix('#').unwrap_or(fragment);
    let rest = f.strip_prefix('h')?;
    let eq = rest.find('=')?;
    let (digits, payload) = (&rest[..eq], &rest[eq + 1..]);
    (!digits.is_empty() && digits.len() <= 9 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then_some((digits, payload))
}

/// Reads a URL fragment (with or without `#`). `None` if it is not a hand-over link at all;
/// otherwise the answers, or why they cannot be used. Never panics, whatever the input.
pub fn decode(fragment: &str) -> Option<Result<Received, HandoverError>> {
    let (digits, payload) = split(fragment)?;
    Some(decode_parts(digits, payload))
}

fn decode_parts(digits: &str, payload: &str) -> Result<Received, HandoverError> {
    let format: u32 = digits.parse().map_err(|_| HandoverError::Corrupt)?;
    if format > FORMAT {
        return Err(HandoverError::Newer { version: format });
    }
    if format < 1 {
        return Err(HandoverError::Corrupt);
    }
    if payload.len() > MAX_PAYLOAD {
        return Err(HandoverError::TooLarge);
    }
    let bytes = URL_SAFE_NO_PAD
        .decode(payload.trim())
        .map_err(|_| HandoverError::Corrupt)?;
    if bytes.len() < 5 {
        return Err(HandoverError::Corrupt);
    }
    let (sum, deflated) = bytes.split_at(4);
    let sum = u32::from_le_bytes([sum[0], sum[1], sum[2], sum[3]]);
    if sum != checksum(format, deflated) {
        return Err(HandoverError::Tampered);
    }
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(deflated, MAX_JSON).map_err(
        |e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => HandoverError::TooLarge,
            _ => HandoverError::Corrupt,
        },
    )?;
    let json = String::from_utf8(json).map_err(|_| HandoverError::Corrupt)?;
    match Answers::restore(&json) {
        Ok((answers, migrated)) => Ok(Received { answers, migrated }),
        Err(RestoreProblem::Newer { from }) => Err(HandoverError::Newer { version: from }),
        Err(_) => Err(HandoverError::Corrupt),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{evaluate_on, samples, validate};

    fn today() -> Date {
        Date::parse("2024-05-06").unwrap()
    }

    fn sample_answers() -> Vec<(&'static str, Answers)> {
        samples::all()
            .into_iter()
            .map(|s| {
                let h = validate::parse(s.json).expect("sample parses");
                (s.id, Answers::from_household(&h))
            })
            .collect()
    }

    /// A payload with a correct checksum around any deflated bytes (to test what is inside).
    fn wrap(format: u32, deflated: &[u8]) -> String {
        let mut bytes = checksum(format, deflated).to_le_bytes().to_vec();
        bytes.extend_from_slice(deflated);
        format!("h{format}={}", URL_SAFE_NO_PAD.encode(bytes))
    }

    #[test]
    fn every_sample_round_trips_to_the_same_household_and_result() {
        let samples = sample_answers();
        assert!(samples.len() >= 8, "the sample households are all here");
        for (id, a) in samples {
            let fragment = encode(&a, today()).unwrap();
            assert!(fragment.starts_with("h1="), "{id}: {fragment}");
            assert!(
                fragment.len() < 600,
                "{id}: a sample's link stays small ({} chars)",
                fragment.len()
            );
            let got = decode(&format!("#{fragment}")).unwrap().unwrap();
            assert_eq!(got.migrated, None, "{id}");
            // The samples all carry their screening date, so nothing is added.
            assert!(!a.date.is_empty(), "{id} has a date");
            assert_eq!(got.answers, a, "{id}: the same answers");
            let (h1, h2) = (
                a.to_household().unwrap(),
                got.answers.to_household().unwrap(),
            );
            assert_eq!(h1, h2, "{id}: the same household");
            let (e1, e2) = (
                evaluate_on(&h1, today()).unwrap(),
                evaluate_on(&h2, today()).unwrap(),
            );
            assert_eq!(
                serde_json::to_string(&e1).unwrap(),
                serde_json::to_string(&e2).unwrap(),
                "{id}: the same result"
            );
        }
    }

    #[test]
    fn deflate_makes_the_link_smaller_than_the_json() {
        for (id, a) in sample_answers() {
            let json_b64 = URL_SAFE_NO_PAD.encode(a.to_json()).len();
            let link = encode(&a, today()).unwrap().len();
            assert!(link < json_b64, "{id}: {link} ≥ {json_b64}");
        }
    }

    #[test]
    fn an_empty_date_is_handed_over_as_the_screening_day() {
        let mut a = Answers {
            region: "530112".into(),
            ..Answers::default()
        };
        let got = decode(&encode(&a, today()).unwrap()).unwrap().unwrap();
        assert_eq!(got.answers.date, "2024-05-06");
        assert_eq!(got.answers.region, "530112");
        // A date the user gave is kept as it is.
        a.date = "2023-01-31".into();
        let got = decode(&encode(&a, today()).unwrap()).unwrap().unwrap();
        assert_eq!(got.answers.date, "2023-01-31");
    }

    #[test]
    fn the_residents_own_standard_travels_with_the_link() {
        let a = Answers {
            region: "440106".into(),
            local_standard: crate::answers::LocalStandard {
                name: "dibao_urban_monthly".into(),
                amount: "1200".into(),
                month: "2024-07".into(),
            },
            ..Answers::default()
        };
        let got = decode(&encode(&a, today()).unwrap()).unwrap().unwrap();
        assert_eq!(got.answers.local_standard, a.local_standard);
        // A link made before the field existed reads as "none typed".
        let old = Answers {
            region: "440106".into(),
            ..Answers::default()
        };
        let got = decode(&encode(&old, today()).unwrap()).unwrap().unwrap();
        assert_eq!(got.answers.local_standard, Default::default());
    }

    /// A question not answered yet stays not answered on the other phone (and listed there);
    /// an answer travels as given — "没有残疾证" is an answer, not a blank.
    #[test]
    fn unanswered_questions_stay_unanswered_across_the_link() {
        use crate::answers::{Living, MemberAnswers, NO_DISABILITY, NO_EVENT};
        use crate::rules::household::{Relation, Work};
        let mut a = Answers {
            region: "530112".into(),
            ..Answers::default()
        };
        a.members[0].age = "70".into();
        a.members[0].disability = NO_DISABILITY.into();
        let mut son = MemberAnswers::new("m2", Relation::Child);
        son.age = "40".into();
        son.living = Some(Living::Apart);
        son.work = Some(Work::Employed);
        a.members.push(son);
        let got = decode(&encode(&a, today()).unwrap()).unwrap().unwrap();
        assert_eq!(got.migrated, None);
        let b = &got.answers;
        assert_eq!(b.members[0].disability, NO_DISABILITY);
        assert_eq!(b.members[0].work, None, "still not answered");
        assert_eq!(b.members[0].self_care, None, "still not answered");
        assert_eq!(b.members[1].living, Some(Living::Apart));
        assert_eq!(b.members[1].disability, "", "still not answered");
        assert_eq!(b.events.sudden_event, "", "still not answered");
        assert_eq!(b.unanswered(), a.unanswered());
        // A link made by the previous version (answers version 2) left the starting choices out:
        // they are kept as the resident's answers, and the receiver is asked to check.
        let v2 = r#"{"v":2,"r":"530112","d":"2024-05-06","m":[{"id":"m1","rel":"applicant","age":"70"}]}"#;
        let deflated = miniz_oxide::deflate::compress_to_vec(v2.as_bytes(), 10);
        let mut bytes = checksum(FORMAT, &deflated).to_le_bytes().to_vec();
        bytes.extend_from_slice(&deflated);
        let link = format!("h{FORMAT}={}", URL_SAFE_NO_PAD.encode(bytes));
        let got = decode(&link).unwrap().unwrap();
        assert_eq!(
            got.migrated,
            Some(crate::answers::RestoreProblem::Migrated { from: 2 })
        );
        assert_eq!(got.answers.members[0].disability, NO_DISABILITY);
        assert_eq!(got.answers.members[0].work, Some(Work::NotWorking));
        assert_eq!(got.answers.events.sudden_event, NO_EVENT);
    }

    #[test]
    fn other_fragments_are_not_hand_overs() {
        for f in [
            "",
            "#",
            "#selftest",
            "#jz-main",
            "#h=abc",
            "#hx=abc",
            "h1",
            "#jiuzhu-panic-test",
        ] {
            assert_eq!(decode(f), None, "{f:?}");
            assert!(!is_handover(f), "{f:?}");
        }
        assert!(is_handover("#h1="));
        assert!(is_handover("h7=anything"));
    }

    #[test]
    fn corrupt_links_are_rejected() {
        for f in [
            "#h1=",
            "#h1=%%%%",
            "#h1=abc",   // too short
            "#h1=AAAA=", // padding is not base64url-no-pad
            "#h1=AAAAAAAAAAAAAAAA",
            "#h0=AAAAAAAAAAAAAAAA",
        ] {
            let r = decode(f).expect("a hand-over fragment");
            assert!(
                matches!(
                    r,
                    Err(HandoverError::Corrupt) | Err(HandoverError::Tampered)
                ),
                "{f}: {r:?}"
            );
        }
        // A correct checksum around bytes that are not deflate, or not answers.
        assert_eq!(
            decode(&wrap(1, b"\xff\xff\xff\xff")),
            Some(Err(HandoverError::Corrupt))
        );
        let not_answers = miniz_oxide::deflate::compress_to_vec(b"[1,2,3]", 10);
        assert_eq!(
            decode(&wrap(1, &not_answers)),
            Some(Err(HandoverError::Corrupt))
        );
        let not_utf8 = miniz_oxide::deflate::compress_to_vec(b"\xff\xfe{", 10);
        assert_eq!(
            decode(&wrap(1, &not_utf8)),
            Some(Err(HandoverError::Corrupt))
        );
    }

    #[test]
    fn every_changed_character_is_caught() {
        let (_, a) = &sample_answers()[0];
        let good = encode(a, today()).unwrap();
        let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let start = "h1=".len();
        for i in start..good.len() {
            let original = good.as_bytes()[i] as char;
            // Two replacements per position (a neighbour in the alphabet and a far one).
            let pos = alphabet.find(original).unwrap();
            for step in [1, 31] {
                let c = alphabet.as_bytes()[(pos + step) % 64] as char;
                let mut bad = good.clone();
                bad.replace_range(i..i + 1, &c.to_string());
                let r = decode(&bad).unwrap();
                assert!(
                    matches!(
                        r,
                        Err(HandoverError::Tampered) | Err(HandoverError::Corrupt)
                    ),
                    "position {i} {original}→{c}: {r:?}"
                );
            }
        }
        // Cut short anywhere: rejected.
        for cut in start..good.len() {
            assert!(decode(&good[..cut]).unwrap().is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn a_relabelled_payload_is_caught() {
        let (_, a) = &sample_answers()[0];
        let good = encode(a, today()).unwrap();
        // The same bytes under format 0 (a lower label): the checksum covers the format.
        let relabelled = good.replacen("h1=", "h0=", 1);
        assert!(decode(&relabelled).unwrap().is_err());
    }

    #[test]
    fn newer_versions_are_rejected() {
        assert_eq!(
            decode("#h2=AAAAAAAAAAAA"),
            Some(Err(HandoverError::Newer { version: 2 }))
        );
        assert_eq!(
            decode("#h17=anything"),
            Some(Err(HandoverError::Newer { version: 17 }))
        );
        // Format 1, but answers saved by a newer app.
        let json = format!(r#"{{"v":{},"m":[]}}"#, crate::answers::VERSION + 1);
        let deflated = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 10);
        assert_eq!(
            decode(&wrap(1, &deflated)),
            Some(Err(HandoverError::Newer {
                version: crate::answers::VERSION + 1
            }))
        );
    }

    #[test]
    fn oversized_links_are_rejected_before_reading() {
        let long = format!("#h1={}", "A".repeat(MAX_PAYLOAD + 1));
        assert_eq!(decode(&long), Some(Err(HandoverError::TooLarge)));
        // Small link, huge inside (a "zip bomb"): stopped at MAX_JSON.
        let bomb = vec![b' '; 4 * MAX_JSON];
        let deflated = miniz_oxide::deflate::compress_to_vec(&bomb, 10);
        let f = wrap(1, &deflated);
        assert!(
            f.len() < MAX_PAYLOAD,
            "the bomb itself is short: {}",
            f.len()
        );
        assert_eq!(decode(&f), Some(Err(HandoverError::TooLarge)));
    }

    #[test]
    fn answers_too_large_for_a_link_are_refused_when_writing() {
        let mut a = Answers::default();
        // Text that does not compress: every member with a long, distinct, random-looking age.
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for i in 0..60 {
            let mut m = crate::answers::MemberAnswers::new(
                &format!("m{i}"),
                crate::rules::household::Relation::Other,
            );
            let mut s = String::new();
            for _ in 0..30 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push(char::from(b'a' + (seed % 26) as u8));
            }
            m.age = s;
            a.members.push(m);
        }
        assert_eq!(encode(&a, today()), Err(HandoverError::TooLargeToWrite));
    }

    #[test]
    fn messages_exist_in_both_languages() {
        for e in [
            HandoverError::Corrupt,
            HandoverError::Tampered,
            HandoverError::Newer { version: 2 },
            HandoverError::TooLarge,
            HandoverError::TooLargeToWrite,
        ] {
            let (zh, en) = (e.message(Lang::Zh), e.message(Lang::En));
            assert!(!zh.is_empty() && !en.is_empty() && zh != en, "{e:?}");
            assert!(!zh.contains('{') && !en.contains('{'), "{e:?}: {zh} / {en}");
        }
        assert!(HandoverError::Newer { version: 2 }
            .message(Lang::En)
            .contains('2'));
    }
}
