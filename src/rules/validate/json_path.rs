//! Which field of a JSON text a parse error is in: `members[0].income[1].amount`, for the input
//! errors of [`super::parse`].
//!
//! serde_json says *where* a document went wrong (line and column: the bytes read so far); this
//! scans the text up to there and names the field being read, in the notation of
//! serde_path_to_error (`.` for the whole document). It replaces reading the document a second
//! time through serde_path_to_error's path-tracking wrapper, which compiled every `Deserialize`
//! of the household a second time into the wasm (BENCHMARKS.md, "App size"). Only for errors:
//! valid input is never scanned.
//!
//! How serde_json's positions fall: an error in a value (wrong type, out of range, unknown
//! variant) is reported after the value, so the key being read is that value's; an unknown
//! field just after its key, so that key; a missing field after the object's closing brace, so
//! the object's own key or index; an object or array where something else belongs, at its first
//! byte. A reader that takes a whole value before judging it (money answers) has its error
//! placed after the value, or, for the last member of an object, after the object's closing
//! brace: then the field is that last member. (One case is named one level too deep: a
//! non-empty object or array given as a money answer that is not the last member, e.g.
//! `assets.financial.a` for `"financial": {"a": 1}, "homes": 1`; still inside the right answer.) `tests/json_path.rs` checks the fields against
//! serde_path_to_error on every field of the sample households, changed in each of those ways.

/// One open object or array, and where in it the scan is.
enum Frame {
    /// The key being read or whose value is being read; `None` before the first key and
    /// after a comma.
    Object(Option<String>),
    /// The index of the element being read.
    Array(usize),
}

/// The byte offset of serde_json's `line` (from 1) and `column` (bytes read on that line);
/// line 0 means no position.
fn offset(text: &str, line: usize, column: usize) -> usize {
    if line == 0 {
        return 0;
    }
    let start = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum::<usize>();
    (start + column).min(text.len())
}

/// The path of the field where `err` arose in `text`: e.g. `members[0].age`, `.` for the
/// document itself.
///
/// `value_read_first`: the error comes from a reader that takes the whole value before judging
/// it (money answers, `params`: `json_input.rs`). serde_json then places the error after the
/// closing bracket of the object being read when the value was its last member: the field is
/// that member, not the object.
pub fn of_error(text: &str, err: &serde_json::Error, value_read_first: bool) -> String {
    let end = offset(text, err.line(), err.column());
    // A value cut short by the end of the text is that value's error; other bad JSON is the
    // error of the object or array where it is.
    let bad_json = err.is_syntax() || err.is_eof();
    let in_value = err.to_string().starts_with("EOF while parsing a value");
    path_at(text, end, bad_json, in_value, value_read_first)
}

/// The path of what is being read after the first `end` bytes of `text`. For `bad_json` (a
/// syntax error, or the text ends early) between values, that is the object or array around
/// it: the error is in what should come next; but a value cut short (`in_value`) is that
/// value's error.
fn path_at(
    text: &str,
    end: usize,
    bad_json: bool,
    in_value: bool,
    value_read_first: bool,
) -> String {
    let bytes = &text.as_bytes()[..end];
    let mut frames: Vec<Frame> = Vec::new();
    // In an object, whether the next string is a key.
    let mut want_key = false;
    // Whether the last thing read is a whole value (not a key, comma, colon or bracket), or
    // a key.
    let mut after_value = false;
    let mut after_key = false;
    // The object or array the last `}` or `]` closed, while nothing else has been read.
    let mut closed: Option<Frame> = None;
    // Whether the text read ends with the closing quote of a value's string.
    let mut string_value_at_end = false;
    let mut i = 0;
    while i < bytes.len() {
        let before = (after_value, after_key);
        after_value = false;
        after_key = false;
        if !b" \t\n\r".contains(&bytes[i]) {
            closed = None;
        }
        match bytes[i] {
            b'{' => {
                frames.push(Frame::Object(None));
                want_key = true;
            }
            b'[' => {
                frames.push(Frame::Array(0));
                want_key = false;
            }
            b'}' | b']' => {
                closed = frames.pop();
                want_key = false;
                after_value = true;
            }
            b',' => match frames.last_mut() {
                Some(Frame::Object(key)) => {
                    *key = None;
                    want_key = true;
                }
                Some(Frame::Array(index)) => *index += 1,
                None => {}
            },
            b':' => want_key = false,
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                let j = j.min(bytes.len());
                // (A key cut off by the end of the text was not read.)
                if want_key && j < bytes.len() {
                    if let Some(Frame::Object(key)) = frames.last_mut() {
                        *key = Some(unescape(&String::from_utf8_lossy(&bytes[start..j])));
                    }
                    want_key = false;
                    after_key = j < bytes.len();
                } else {
                    after_value = j < bytes.len();
                    string_value_at_end = j + 1 == bytes.len();
                }
                i = j;
            }
            b' ' | b'\t' | b'\n' | b'\r' => {
                (after_value, after_key) = before;
                i += 1;
                continue;
            }
            // A number or `true`/`false`/`null`.
            _ => after_value = true,
        }
        i += 1;
    }
    // An error found by looking at a value's first byte (an object or array where a number or
    // text belongs, a number where a word belongs) is reported with that byte counted as read:
    // the error is the value's, as a whole.
    // A bad escape in a string is found when the byte after it (perhaps the closing quote) has
    // been read: the string value's error.
    let in_value = in_value || (bad_json && end < text.len() && string_value_at_end);
    let syntax = bad_json && !in_value;
    let is_space = |b: &&u8| b" \t\n\r".contains(b);
    let at_value_start = end < text.len()
        && match bytes.split_last() {
            Some((last, rest)) => {
                let prev = rest.iter().rev().find(|b| !is_space(b));
                !is_space(&last) && matches!(prev, None | Some(b':' | b',' | b'['))
            }
            None => false,
        };
    if at_value_start && matches!(bytes.last(), Some(b'{' | b'[')) {
        frames.pop();
    }
    // `{}` where a word belongs: the error is found at the `}` (read one byte ahead), in the
    // value, not after it.
    let empty_value = {
        let mut sig = bytes.iter().rev().filter(|b| !is_space(b));
        matches!(
            (sig.next(), sig.next()),
            (Some(b'}'), Some(b'{')) | (Some(b']'), Some(b'['))
        )
    };
    // (An empty `{}` or `[]` just closed is the value itself.)
    if value_read_first && !bad_json && !empty_value {
        if let Some(frame) = closed {
            frames.push(frame);
        }
    }
    // Bad JSON where an element should start: the array's error.
    let last_read = bytes.iter().rev().find(|b| !is_space(b));
    if bad_json && !at_value_start && matches!(last_read, Some(b'[' | b',')) {
        if let Some(Frame::Array(_)) = frames.last() {
            frames.pop();
        }
    }
    // Bad JSON after a key (no colon): the object's error, as after a value.
    if syntax && after_key {
        if let Some(Frame::Object(key)) = frames.last_mut() {
            *key = None;
        }
    }
    if syntax && after_value && !at_value_start && !empty_value {
        match frames.last_mut() {
            Some(Frame::Object(key)) => *key = None,
            Some(Frame::Array(_)) => {
                frames.pop();
            }
            None => {}
        }
    }
    let mut path = String::new();
    for frame in &frames {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object(None) => {}
            Frame::Array(index) => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}

/// A JSON string's text without its escapes (keys are plain field names; this is for the odd
/// escaped one).
fn unescape(s: &str) -> String {
    if !s.contains('\\') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('b') => out.push('\u{8}'),
            Some('f') => out.push('\u{c}'),
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                let c = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
                out.push(c.unwrap_or('\u{fffd}'));
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::path_at;

    fn at_end(text: &str) -> String {
        path_at(text, text.len(), false, false, false)
    }

    #[test]
    fn paths() {
        assert_eq!(at_end(""), ".");
        assert_eq!(at_end("{\"region\": 5"), "region");
        assert_eq!(
            at_end("{\"members\": [{\"id\": \"a\"}, {\"age\": 200"),
            "members[1].age"
        );
        // After a closed object: its own index (a missing field is reported there).
        assert_eq!(at_end("{\"members\": [{\"id\": \"a\"}"), "members[0]");
        assert_eq!(at_end("{\"members\": [{\"id\": \"a\"}]}"), ".");
        // An unknown key, just read.
        assert_eq!(at_end("{\"expenses\": {\"medcal\""), "expenses.medcal");
        // Braces and quotes inside strings are text.
        assert_eq!(at_end("{\"a\": \"}{[\\\"\", \"b\": [1, 2"), "b[1]");
        assert_eq!(at_end("{\"k\\u0065y\": 1"), "key");
    }
}
