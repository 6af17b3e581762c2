//! A small, strict JSON reader for the corpus format.
//!
//! The viewer reads two kinds of file, so it needs no general deserialiser: [`Reader`] walks the
//! text once and the format's hand-written readers (in [`crate::core::format`]) ask it for the
//! values they expect. It replaces serde's derived `Deserialize` code and serde_json on the
//! viewer's path, which were most of the parsing code in the wasm binary, and it knows where it
//! is, so every error carries its JSON path (`articles[1].topics[1]`) and the line and column of
//! the offending value without a second walk.
//!
//! Strings are read three ways: borrowed from the text (keys, and values checked then dropped),
//! as a new `String`, or as a [`SharedStr`], a range of the file's text shared by every string
//! read from it ([`Reader::new_shared`]; see [`crate::core::json::shared`] for why: allocating
//! a `String` per value was most of the time spent decoding an index in the browser).
//!
//! The grammar is RFC 8259, as serde_json reads it: no comments, no trailing commas, no leading
//! zeros, at most 127 nested arrays and objects, nothing but whitespace after the value. Like
//! serde_json, a string read as a value must not hold a lone UTF-16 surrogate (`"\uD800"`), while
//! one under an ignored key only has to be well-formed.

use crate::core::json::fail::Segment;
pub(crate) use crate::core::json::fail::{Fail, Read};
use crate::core::json::shared::{SharedStr, SharedText};
use crate::core::text::quote::{quoted_short, SHOWN_CHARS};
use std::borrow::Cow;

/// A number as written, cut after [`SHOWN_CHARS`] characters (a number is ASCII).
fn cut(number: &str) -> String {
    match number.get(..SHOWN_CHARS) {
        Some(start) if number.len() > SHOWN_CHARS => format!("{start}…"),
        _ => number.to_string(),
    }
}

/// What [`Reader::members`] calls for each member of an object: with the reader at its value,
/// its key, and where the key is in the list of known keys, if it is there.
type OnMember<'a, 'f> = dyn FnMut(&mut Reader<'a>, &str, Option<usize>) -> Read<()> + 'f;

/// Nesting deeper than this is refused rather than risking the stack (serde_json's limit).
const MAX_DEPTH: u32 = 127;

/// A position in a JSON text. Each method reads one value at the position (after whitespace)
/// and leaves the position after it.
pub(crate) struct Reader<'a> {
    text: &'a str,
    /// The same text, shared, when the strings read with [`Reader::shared_string`] may be
    /// ranges of it rather than copies.
    shared: Option<&'a SharedText>,
    pos: usize,
    depth: u32,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Reader {
            text,
            shared: None,
            pos: 0,
            depth: 0,
        }
    }

    /// A reader whose [`Reader::shared_string`]s are ranges of `text`.
    pub(crate) fn new_shared(text: &'a SharedText) -> Self {
        Reader {
            shared: Some(text),
            ..Reader::new(text)
        }
    }

    fn fail(&self, message: &str) -> Fail {
        let message = if self.pos >= self.text.len() {
            format!("unexpected end of the file, {message}")
        } else {
            message.to_string()
        };
        Fail::new(self.pos, message)
    }

    /// The next byte after whitespace, without taking it. The first byte's test is always
    /// inlined, as `eat` is: the release build optimises for size, which left these calls, made
    /// for every value and separator, a tenth of the time spent decoding an index. Whitespace,
    /// rare between the values of a compact file, is skipped out of line.
    #[inline(always)]
    fn peek(&mut self) -> Option<u8> {
        match self.text.as_bytes().get(self.pos) {
            Some(b' ' | b'\t' | b'\n' | b'\r') => self.skip_whitespace(),
            next => next.copied(),
        }
    }

    #[inline(never)]
    fn skip_whitespace(&mut self) -> Option<u8> {
        let bytes = self.text.as_bytes();
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(self.pos) {
            self.pos += 1;
        }
        bytes.get(self.pos).copied()
    }

    /// Takes `byte` if it comes next.
    #[inline(always)]
    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        self.pos += usize::from(found);
        found
    }

    /// The byte offset of the next value (after whitespace), for errors found after reading it.
    pub(crate) fn position(&mut self) -> usize {
        self.peek();
        self.pos
    }

    /// Checks that nothing but whitespace follows.
    pub(crate) fn end(&mut self) -> Read<()> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.fail("trailing characters after the JSON value")),
        }
    }

    /// The error for a value of the wrong kind: names what was found.
    fn invalid_type(&mut self, expected: &str) -> Fail {
        let start = self.pos;
        let found = match self.peek() {
            Some(b'{') => "object".to_string(),
            Some(b'[') => "array".to_string(),
            _ => {
                if let Err(syntax) = self.skip() {
                    return syntax;
                }
                let raw = &self.text[start..self.pos];
                match raw.as_bytes()[0] {
                    // The value itself, cut short: a 5 MB string must not make a 5 MB message.
                    b'"' => match Reader::new(raw).string() {
                        Ok(value) => format!("string {}", quoted_short(&value)),
                        Err(_) => "string".to_string(),
                    },
                    b'n' => raw.to_string(),
                    b't' | b'f' => format!("boolean `{raw}`"),
                    _ => format!("number `{}`", cut(raw)),
                }
            }
        };
        Fail::new(start, format!("invalid type: {found}, expected {expected}"))
    }

    /// Skips one value of any kind, checking its syntax.
    pub(crate) fn skip(&mut self) -> Read<()> {
        match self.peek() {
            Some(b'{') => self.object("", &mut |r, _| r.skip()),
            Some(b'[') => self.array("", &mut Reader::skip),
            Some(b'"') => self.raw_string().map(drop),
            Some(b'-' | b'0'..=b'9') => self.number().map(drop),
            Some(b't') => self.literal("true"),
            Some(b'f') => self.literal("false"),
            Some(b'n') => self.literal("null"),
            _ => Err(self.fail("expected a value")),
        }
    }

    fn literal(&mut self, word: &str) -> Read<()> {
        if self.text[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.fail("expected a value"))
        }
    }

    /// Takes `null` if it comes next.
    pub(crate) fn null(&mut self) -> Read<bool> {
        let is_null = self.peek() == Some(b'n');
        if is_null {
            self.literal("null")?;
        }
        Ok(is_null)
    }

    fn enter(&mut self) -> Read<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.fail("nested too deeply"));
        }
        self.pos += 1;
        Ok(())
    }

    /// Reads an object, calling `field` with each key; `field` must read or skip the value.
    /// Errors inside carry the key in their path. A key without escapes is borrowed from the
    /// text, so reading or skipping an object allocates nothing for its keys.
    pub(crate) fn object(
        &mut self,
        expected: &str,
        field: &mut dyn FnMut(&mut Self, &str) -> Read<()>,
    ) -> Read<()> {
        self.members(expected, &[], &mut |r, key, _| field(r, key))
    }

    /// [`Reader::object`], also passing where each key is in `known`, if it is there.
    fn members(
        &mut self,
        expected: &str,
        known: &[&'static str],
        field: &mut OnMember<'a, '_>,
    ) -> Read<()> {
        if self.peek() != Some(b'{') {
            return Err(self.invalid_type(expected));
        }
        self.enter()?;
        if !self.eat(b'}') {
            loop {
                if self.peek() != Some(b'"') {
                    return Err(self.fail("expected a key in double quotes"));
                }
                let (key, index) = match self.known_key(known) {
                    Some(i) => (Cow::Borrowed(known[i]), Some(i)),
                    None => {
                        let key = self.text_of_string()?;
                        let i = known.iter().position(|name| *name == key);
                        (key, i)
                    }
                };
                let result = if self.eat(b':') {
                    field(self, &key, index)
                } else {
                    Err(self.fail("expected `:`"))
                };
                result.map_err(|e| e.within(Segment::Key(key.into_owned())))?;
                if self.eat(b'}') {
                    break;
                }
                if !self.eat(b',') {
                    return Err(self.fail("expected `,` or `}`"));
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// Where the key at the position (its opening quote) is in `known`, when it is written
    /// there without escapes; steps over it. Most keys of a file are one of the shape's, so
    /// this spares reading them as strings and then looking them up: a name is compared only
    /// when the byte after as many bytes as it has is the closing quote. (A name has no `"` or
    /// `\`, so a key that starts with it and then closes is that name.)
    #[inline(always)]
    fn known_key(&mut self, known: &[&'static str]) -> Option<usize> {
        let rest = self.text.as_bytes().get(self.pos + 1..)?;
        let i = known.iter().position(|name| {
            rest.get(name.len()) == Some(&b'"') && rest.starts_with(name.as_bytes())
        })?;
        self.pos += known[i].len() + 2;
        Some(i)
    }

    /// Reads an object with known keys `fields`, of which the first `required` must be present.
    /// Calls `field` with the index in `fields` of each known key, so that a shape dispatches
    /// on a number rather than comparing the key again; skips unknown keys, which newer writers
    /// may add. A known key given twice is an error.
    pub(crate) fn fields(
        &mut self,
        expected: &str,
        fields: &[&'static str],
        required: usize,
        field: &mut dyn FnMut(&mut Self, usize) -> Read<()>,
    ) -> Read<()> {
        self.peek();
        let start = self.pos;
        let mut seen = 0u32;
        self.members(expected, fields, &mut |r, key, index| {
            let Some(i) = index else {
                return r.skip();
            };
            if seen & (1 << i) != 0 {
                r.peek();
                return Err(Fail::new(r.pos, format!("duplicate field `{key}`")));
            }
            seen |= 1 << i;
            field(r, i)
        })?;
        match (0..required).find(|i| seen & (1 << i) == 0) {
            Some(i) => Err(Fail::new(start, format!("missing field `{}`", fields[i]))),
            None => Ok(()),
        }
    }

    /// Reads an array, calling `item` for each element; errors inside carry the index.
    pub(crate) fn array(
        &mut self,
        expected: &str,
        item: &mut dyn FnMut(&mut Self) -> Read<()>,
    ) -> Read<()> {
        if self.peek() != Some(b'[') {
            return Err(self.invalid_type(expected));
        }
        self.enter()?;
        if !self.eat(b']') {
            let mut i = 0;
            loop {
                item(self).map_err(|e| e.within(Segment::Index(i)))?;
                if self.eat(b']') {
                    break;
                }
                if !self.eat(b',') {
                    return Err(self.fail("expected `,` or `]`"));
                }
                i += 1;
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// Reads an array whose elements `read` reads.
    pub(crate) fn list<T>(&mut self, read: fn(&mut Self) -> Read<T>) -> Read<Vec<T>> {
        let mut items = Vec::new();
        self.array("an array", &mut |r| {
            items.push(read(r)?);
            Ok(())
        })?;
        Ok(items)
    }

    /// Checks the syntax of the string at the position (its opening quote) and steps over it.
    /// Returns what is between the quotes, as written, and whether it holds an escape.
    ///
    /// The text is already UTF-8 (a `&str`), so only `"`, `\` and control characters need a
    /// look: the bytes between them are passed over in one tight loop.
    fn raw_string(&mut self) -> Read<(&'a str, bool)> {
        let bytes = self.text.as_bytes();
        let start = self.pos + 1;
        let mut escaped = false;
        self.pos = start;
        loop {
            self.pos = special_byte(bytes, self.pos);
            match bytes.get(self.pos) {
                None => return Err(self.fail("a string is not closed")),
                Some(b'"') => break,
                Some(b'\\') => {
                    escaped = true;
                    self.pos += 1;
                    match bytes.get(self.pos) {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {}
                        Some(b'u') if self.hex4(self.pos + 1).is_some() => self.pos += 4,
                        _ => return Err(self.fail("invalid escape")),
                    }
                }
                _ => return Err(self.fail("control character (\\u0000-\\u001F) in a string")),
            }
            self.pos += 1;
        }
        self.pos += 1;
        Ok((&self.text[start..self.pos - 1], escaped))
    }

    /// The four hex digits at `at`, as a number.
    fn hex4(&self, at: usize) -> Option<u32> {
        let digits = self.text.as_bytes().get(at..at + 4)?;
        digits
            .iter()
            .try_fold(0, |n, &d| Some(n * 16 + (d as char).to_digit(16)?))
    }

    /// Reads a string, decoding its escapes.
    pub(crate) fn string(&mut self) -> Read<String> {
        if self.peek() != Some(b'"') {
            return Err(self.invalid_type("a string"));
        }
        self.text_of_string().map(Cow::into_owned)
    }

    /// Reads a string, decoding its escapes: a range of the shared text (no copy) when the
    /// reader has one ([`Reader::new_shared`]) and the string has no escape.
    pub(crate) fn shared_string(&mut self) -> Read<SharedStr> {
        if self.peek() != Some(b'"') {
            return Err(self.invalid_type("a string"));
        }
        let start = self.pos + 1;
        let (raw, escaped) = self.raw_string()?;
        match self.shared {
            Some(text) if !escaped => Ok(SharedStr::range(text, start, start + raw.len())),
            _ => self.unescape(raw, start, escaped).map(SharedStr::from),
        }
    }

    /// The string at the position (its opening quote), borrowed from the text when it has no
    /// escape (most keys and values), decoded into a new string when it has.
    fn text_of_string(&mut self) -> Read<Cow<'a, str>> {
        let start = self.pos + 1;
        let (raw, escaped) = self.raw_string()?;
        if !escaped {
            return Ok(Cow::Borrowed(raw));
        }
        self.unescape(raw, start, escaped).map(Cow::Owned)
    }

    /// `raw`, the string between the quotes at `start`, with its escapes decoded (`escaped`:
    /// it has some).
    fn unescape(&self, raw: &str, start: usize, escaped: bool) -> Read<String> {
        if !escaped {
            return Ok(raw.to_string());
        }
        let mut out = String::with_capacity(raw.len());
        // Runs without escapes are copied as they are; `i` walks the escapes, which
        // `raw_string` has checked.
        let mut run = 0;
        let mut i = 0;
        let bytes = raw.as_bytes();
        while i < bytes.len() {
            if bytes[i] != b'\\' {
                i += 1;
                continue;
            }
            out.push_str(&raw[run..i]);
            let mut escape_len = 2;
            let c = match bytes[i + 1] {
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => {
                    escape_len = 6;
                    let hex = |at| self.hex4(start + at).unwrap_or(0);
                    let mut code = hex(i + 2);
                    if (0xD800..0xDC00).contains(&code)
                        && raw[i + 6..].starts_with("\\u")
                        && (0xDC00..0xE000).contains(&hex(i + 8))
                    {
                        code = 0x10000 + ((code - 0xD800) << 10) + (hex(i + 8) - 0xDC00);
                        escape_len = 12;
                    }
                    match char::from_u32(code) {
                        Some(c) => c,
                        None => {
                            return Err(Fail::new(
                                start + i,
                                "a \\u escape is a lone UTF-16 surrogate".to_string(),
                            ))
                        }
                    }
                }
                other => other as char,
            };
            out.push(c);
            i += escape_len;
            run = i;
        }
        out.push_str(&raw[run..]);
        Ok(out)
    }

    /// Checks a number's syntax and returns its text.
    fn number(&mut self) -> Read<&'a str> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let digits = |r: &mut Self| {
            let from = r.pos;
            while bytes.get(r.pos).is_some_and(u8::is_ascii_digit) {
                r.pos += 1;
            }
            r.pos > from
        };
        if bytes[self.pos] == b'-' {
            self.pos += 1;
        }
        let valid = if bytes.get(self.pos) == Some(&b'0') {
            self.pos += 1;
            true
        } else {
            digits(self)
        } && (bytes.get(self.pos) != Some(&b'.') || {
            self.pos += 1;
            digits(self)
        }) && (!matches!(bytes.get(self.pos), Some(b'e' | b'E')) || {
            self.pos += 1;
            if let Some(b'+' | b'-') = bytes.get(self.pos) {
                self.pos += 1;
            }
            digits(self)
        });
        if valid {
            Ok(&self.text[start..self.pos])
        } else {
            Err(self.fail("invalid number"))
        }
    }

    /// Reads a whole number from 0 to `max`.
    pub(crate) fn uint(&mut self, max: u64) -> Read<u64> {
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            return Err(self.invalid_type("a whole number"));
        }
        let start = self.pos;
        let raw = self.number()?;
        // Digits and a leading sign only: a fraction or an exponent is not a whole number.
        let mut value = Some(0u64);
        for &d in raw.as_bytes() {
            value = match d {
                b'-' => value,
                b'0'..=b'9' => {
                    value.and_then(|n| n.checked_mul(10)?.checked_add(u64::from(d - b'0')))
                }
                _ => None,
            };
        }
        match value {
            // `-0` is 0, as serde_json reads it.
            Some(n) if n <= max && (n == 0 || !raw.starts_with('-')) => Ok(n),
            _ => Err(Fail::new(
                start,
                format!(
                    "invalid value: number `{}`, expected a whole number from 0 to {max}",
                    cut(raw)
                ),
            )),
        }
    }
}

/// The position of the first `"`, `\\` or control character at or after `from`, or the length
/// of `bytes` if there is none: where a string's plain run ends. Eight bytes at a time (a
/// byte-wise loop was most of the time spent skipping a file): each test below sets the high bit
/// of a byte that matches, and the lowest such bit is exact (only a byte below a match can
/// borrow from the bytes above it), so it is the first match in the text (little-endian).
fn special_byte(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    let mut i = from;
    for chunk in bytes.get(from..).unwrap_or_default().chunks_exact(8) {
        let word = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or_default());
        let quote = word ^ (ONES * u64::from(b'"'));
        let backslash = word ^ (ONES * u64::from(b'\\'));
        // `!quote`, `!backslash` and `!word` have the same high bits (`"` and `\\` are ASCII),
        // so one mask serves the three tests.
        let found = (quote.wrapping_sub(ONES)
            | backslash.wrapping_sub(ONES)
            | word.wrapping_sub(ONES * 0x20))
            & !word
            & HIGH;
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while bytes
        .get(i)
        .is_some_and(|&b| b != b'"' && b != b'\\' && b >= 0x20)
    {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::json::JsonError;

    fn error(text: &str, read: fn(&mut Reader) -> Read<()>) -> JsonError {
        let mut r = Reader::new(text);
        match read(&mut r).and_then(|()| r.end()) {
            Ok(()) => panic!("{text}: accepted"),
            Err(e) => e.into_error(text),
        }
    }

    fn path_of(text: &str) -> String {
        error(text, |r| r.skip()).path
    }

    #[test]
    fn syntax_errors_name_the_container_they_are_in() {
        assert_eq!(
            path_of(r#"{"articles":[{"id":"a"},{"id":"b","topics":["x",]}]}"#),
            "articles[1].topics[1]"
        );
        assert_eq!(path_of(r#"{"a":"x,y}]{\"q","b":[1,2}"#), "b");
        assert_eq!(path_of(r#"{"a\u0062":[1,-]}"#), "ab[1]");
        assert_eq!(path_of(r#"{"a":1,}"#), "");
    }

    #[test]
    fn line_and_column_point_at_the_offending_byte() {
        let text = "{\n  \"a\": 1,\n  \"b\": x\n}";
        let JsonError {
            path, line, column, ..
        } = error(text, |r| r.skip());
        assert_eq!((path.as_str(), line, column), ("b", 3, 8));
    }

    #[test]
    fn strings_decode_escapes_and_refuse_lone_surrogates() {
        let read = |text: &str| Reader::new(text).string().map_err(|e| e.into_error(text));
        assert_eq!(
            read(r#""a\"b\\c\/\n\u00e9\ud83d\ude00\u0041z""#)
                .ok()
                .as_deref(),
            Some("a\"b\\c/\n\u{e9}\u{1f600}Az")
        );
        assert_eq!(read(r#""plain é""#).ok().as_deref(), Some("plain é"));
        for lone in [r#""\ud800""#, r#""\udc00x""#, r#""\ud800\u0041""#] {
            assert!(read(lone).is_err(), "{lone}");
        }
        // Under a key nobody reads, a well-formed escape is enough.
        assert!(Reader::new(r#""\ud800""#).skip().is_ok());
    }

    #[test]
    fn numbers_follow_the_json_grammar() {
        for ok in ["0", "-0", "12", "1.5", "1e400", "-2.5E-3", "0.0e+1"] {
            let mut r = Reader::new(ok);
            assert!(r.skip().and_then(|()| r.end()).is_ok(), "{ok}");
        }
        for bad in ["01", "-", "1.", ".5", "+1", "1e", "1e+", "0x1", "-a"] {
            let mut r = Reader::new(bad);
            assert!(r.skip().and_then(|()| r.end()).is_err(), "{bad}");
        }
        let uint = |text: &str| Reader::new(text).uint(u64::from(u32::MAX)).ok();
        assert_eq!(uint("4294967295"), Some(4_294_967_295));
        assert_eq!(uint("-0"), Some(0));
        for bad in [
            "4294967296",
            "-1",
            "1.0",
            "1e2",
            "99999999999999999999999",
            "\"1\"",
        ] {
            assert_eq!(uint(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_word_scan_finds_the_first_special_byte_wherever_it_is() {
        let naive = |bytes: &[u8], from: usize| {
            (from..bytes.len())
                .find(|&i| matches!(bytes[i], b'"' | b'\\' | 0..=0x1f))
                .unwrap_or(bytes.len())
        };
        // Every position of each special byte, among plain ASCII and multi-byte UTF-8, with
        // bytes around it that would borrow or carry in a careless word test (0x00, 0x1f, 0x20,
        // 0x21, 0x22, 0x5c, 0x5d, 0x7f, 0x80, 0xff).
        let fillers: [&[u8]; 3] = [
            b"abcdefghijklmnopqrst",
            "é€😀aé€😀a".as_bytes(),
            &[0x21; 20],
        ];
        for filler in fillers {
            for special in [b'"', b'\\', 0, 0x1f, b'\n'] {
                for at in 0..filler.len() {
                    let mut bytes = filler.to_vec();
                    bytes[at] = special;
                    for from in 0..=at {
                        assert_eq!(special_byte(&bytes, from), naive(&bytes, from));
                    }
                }
            }
            assert_eq!(special_byte(filler, 0), naive(filler, 0));
        }
        for neighbours in [[0x20u8, 0x23], [0x21, 0x5d], [0x7f, 0x80], [0xff, 0x5b]] {
            let mut bytes = vec![
                neighbours[0],
                neighbours[1],
                0x20,
                0xff,
                0x80,
                0x5d,
                0x23,
                0x21,
            ];
            assert_eq!(special_byte(&bytes, 0), 8);
            bytes.extend_from_slice(&[0x7f, 0x22, 0x00]);
            assert_eq!(special_byte(&bytes, 0), 9);
        }
    }

    #[test]
    fn known_keys_are_found_plain_or_escaped_and_never_by_prefix() {
        let read = |text: &str| {
            let mut found = Vec::new();
            let mut r = Reader::new(text);
            r.fields("an object", &["a", "ab", "abc"], 0, &mut |r, i| {
                found.push(i);
                r.skip()
            })
            .map(|()| found)
            .map_err(|e| e.into_error(text).message)
        };
        assert_eq!(
            read(r#"{"ab": 1, "abcd": 2, "a": 3, "abc": 4, "": 5}"#),
            Ok(vec![1, 0, 2])
        );
        assert_eq!(read(r#"{"a\u0062c": 1, "\u0061": 2}"#), Ok(vec![2, 0]));
        assert_eq!(
            read(r#"{"ab": 1, "a\u0062": 2}"#),
            Err("duplicate field `ab`".to_string())
        );
        // A key that runs to the end of the text is an unclosed string, not a known key.
        assert!(read(r#"{"ab"#).is_err());
    }

    #[test]
    fn shared_strings_are_ranges_unless_escaped() {
        let text = std::sync::Arc::new(r#"["plain é", "a\nb", "\u00e9"]"#.to_string());
        let mut r = Reader::new_shared(&text);
        let mut got = Vec::new();
        r.array("an array", &mut |r| {
            got.push(r.shared_string()?);
            Ok(())
        })
        .ok();
        assert_eq!(got, ["plain é", "a\nb", "é"]);
        assert!(Reader::new_shared(&text).shared_string().is_err());
    }

    #[test]
    fn nesting_is_limited_without_overflowing_the_stack() {
        let deep = "[".repeat(100_000);
        assert!(Reader::new(&deep).skip().is_err());
        let ok = format!("{}{}", "[".repeat(127), "]".repeat(127));
        assert!(Reader::new(&ok).skip().is_ok());
        let too_deep = format!("{}{}", "[".repeat(128), "]".repeat(128));
        assert!(Reader::new(&too_deep).skip().is_err());
    }
}
