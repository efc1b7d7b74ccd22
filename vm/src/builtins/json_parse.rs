//! The JSON reader behind `json.parse` (RFC 8259, strict: no comments, no
//! trailing commas, no NaN). Objects become Dicts (insertion-ordered, a
//! repeated key keeps its first position and its last value), arrays Lists,
//! integers Ints (one too big for an Int becomes a Float, as in JavaScript),
//! other numbers Floats.
//!
//! It never panics and never recurses: nesting is an explicit stack, capped
//! at `MAX_DEPTH` so that dropping or printing the result cannot exhaust the
//! Rust stack either. Every failure is a `JsonError` with a 1-based line and
//! column (in characters).

use crate::value::{Dict, HashKey, Value};
use std::sync::Arc;

pub const MAX_DEPTH: usize = 1000;

#[derive(Debug)]
pub struct JsonError {
    pub message: String,
    pub line: usize,
    pub column: usize,
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at line {}, column {}", self.message, self.line, self.column)
    }
}

/// A container still being filled.
enum Open {
    List(Vec<Value>),
    /// The dict so far and the key whose value is being read.
    Dict(Dict, Option<HashKey>),
}

struct Reader<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

/// Parses one JSON document (surrounding whitespace allowed).
pub fn parse(src: &str) -> Result<Value, JsonError> {
    let mut r = Reader { src, bytes: src.as_bytes(), pos: 0 };
    let mut stack: Vec<Open> = Vec::new();
    loop {
        // Read a value, or open a container and go round for its first element.
        r.skip_ws();
        let mut value = match r.peek() {
            Some(b'[') | Some(b'{') if stack.len() >= MAX_DEPTH => {
                return Err(r.error(format!("nesting deeper than {MAX_DEPTH} levels")));
            }
            Some(b'[') => {
                r.pos += 1;
                r.skip_ws();
                if r.peek() != Some(b']') {
                    stack.push(Open::List(Vec::new()));
                    continue;
                }
                r.pos += 1;
                Value::list(Vec::new())
            }
            Some(b'{') => {
                r.pos += 1;
                r.skip_ws();
                if r.peek() != Some(b'}') {
                    let key = r.key()?;
                    stack.push(Open::Dict(Dict::default(), Some(key)));
                    continue;
                }
                r.pos += 1;
                Value::Dict(Arc::new(Dict::default()))
            }
            Some(b'"') => Value::str(r.string()?),
            Some(b'-' | b'0'..=b'9') => r.number()?,
            Some(b't' | b'f' | b'n') => r.literal()?,
            None => return Err(r.error("unexpected end of input (expected a value)")),
            Some(_) => return Err(r.unexpected("a value")),
        };
        // Store it in the innermost open container, closing containers as
        // their end brackets come.
        loop {
            r.skip_ws();
            match stack.last_mut() {
                None => {
                    if r.pos < r.bytes.len() {
                        return Err(r.error("extra data after the JSON value"));
                    }
                    return Ok(value);
                }
                Some(Open::List(items)) => {
                    items.push(value);
                    match r.peek() {
                        Some(b',') => {
                            r.pos += 1;
                            break;
                        }
                        Some(b']') => {
                            r.pos += 1;
                            value = Value::list(std::mem::take(items));
                            stack.pop();
                        }
                        None => return Err(r.error("unexpected end of input (expected ',' or ']')")),
                        Some(_) => return Err(r.unexpected("',' or ']'")),
                    }
                }
                Some(Open::Dict(map, key)) => {
                    if let Some(k) = key.take() {
                        map.insert(k, value);
                    }
                    match r.peek() {
                        Some(b',') => {
                            r.pos += 1;
                            *key = Some(r.key()?);
                            break;
                        }
                        Some(b'}') => {
                            r.pos += 1;
                            value = Value::Dict(Arc::new(std::mem::take(map)));
                            stack.pop();
                        }
                        None => return Err(r.error("unexpected end of input (expected ',' or '}')")),
                        Some(_) => return Err(r.unexpected("',' or '}'")),
                    }
                }
            }
        }
    }
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn error_at(&self, at: usize, message: impl Into<String>) -> JsonError {
        let before = self.src.get(..at).unwrap_or(self.src);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
        JsonError { message: message.into(), line, column }
    }

    fn error(&self, message: impl Into<String>) -> JsonError {
        self.error_at(self.pos, message)
    }

    /// "unexpected character 'x' (expected …)" at the current position.
    fn unexpected(&self, expected: &str) -> JsonError {
        let c = self.src.get(self.pos..).and_then(|s| s.chars().next()).unwrap_or('?');
        self.error(format!("unexpected character {c:?} (expected {expected})"))
    }

    /// An object key and its colon.
    fn key(&mut self) -> Result<HashKey, JsonError> {
        self.skip_ws();
        match self.peek() {
            Some(b'"') => {}
            None => return Err(self.error("unexpected end of input (expected a string key)")),
            Some(_) => return Err(self.unexpected("a string key")),
        }
        let k = self.string()?;
        self.skip_ws();
        match self.peek() {
            Some(b':') => self.pos += 1,
            None => return Err(self.error("unexpected end of input (expected ':')")),
            Some(_) => return Err(self.unexpected("':' after an object key")),
        }
        Ok(HashKey(Value::str(k)))
    }

    /// A string literal; `pos` is at its opening quote.
    fn string(&mut self) -> Result<String, JsonError> {
        let open = self.pos;
        self.pos += 1;
        let mut out = String::new();
        let mut run = self.pos;
        loop {
            match self.peek() {
                None => return Err(self.error_at(open, "unterminated string")),
                Some(b'"') => {
                    out.push_str(&self.src[run..self.pos]);
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(&self.src[run..self.pos]);
                    let c = self.escape()?;
                    out.push(c);
                    run = self.pos;
                }
                Some(b) if b < 0x20 => {
                    return Err(self.error(format!("control character {:?} inside a string", b as char)));
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    /// One escape sequence; `pos` is at the backslash.
    fn escape(&mut self) -> Result<char, JsonError> {
        let at = self.pos;
        self.pos += 1;
        let c = match self.peek() {
            None => return Err(self.error_at(at, "unterminated string")),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let hi = self.hex4(at)?;
                let code = if (0xD800..0xDC00).contains(&hi) {
                    let low_at = self.pos;
                    if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                        return Err(self.error_at(at, "unpaired surrogate in a \\u escape"));
                    }
                    self.pos += 2;
                    let lo = self.hex4(low_at)?;
                    if !(0xDC00..0xE000).contains(&lo) {
                        return Err(self.error_at(at, "unpaired surrogate in a \\u escape"));
                    }
                    0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                } else if (0xDC00..0xE000).contains(&hi) {
                    return Err(self.error_at(at, "unpaired surrogate in a \\u escape"));
                } else {
                    hi
                };
                // Always a scalar value: surrogates were paired or refused above.
                return Ok(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
            }
            Some(_) => {
                let c = self.src.get(self.pos..).and_then(|s| s.chars().next()).unwrap_or('?');
                return Err(self.error_at(at, format!("invalid escape '\\{c}' in a string")));
            }
        };
        self.pos += 1;
        Ok(c)
    }

    /// Four hex digits of a `\u` escape that started at `at`.
    fn hex4(&mut self, at: usize) -> Result<u32, JsonError> {
        let digits = self.bytes.get(self.pos..self.pos + 4).unwrap_or(b"");
        let text = std::str::from_utf8(digits).unwrap_or("");
        if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(self.error_at(at, "invalid \\u escape (expected 4 hex digits)"));
        }
        self.pos += 4;
        u32::from_str_radix(text, 16).map_err(|_| self.error_at(at, "invalid \\u escape (expected 4 hex digits)"))
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    fn number(&mut self) -> Result<Value, JsonError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.error("expected a digit after '-'")),
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            integer = false;
            if self.digits() == 0 {
                return Err(self.error("expected a digit after '.'"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            integer = false;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("expected a digit in the exponent"));
            }
        }
        let text = &self.src[start..self.pos];
        if integer {
            if let Ok(i) = text.parse::<i64>() {
                return Ok(Value::Int(i));
            }
        }
        // Cannot fail: Rust's float syntax includes JSON's, checked above.
        Ok(Value::Float(text.parse::<f64>().unwrap_or(f64::NAN)))
    }

    fn literal(&mut self) -> Result<Value, JsonError> {
        let rest = &self.bytes[self.pos..];
        for (word, value) in [("true", Value::Bool(true)), ("false", Value::Bool(false)), ("null", Value::None)] {
            if rest.starts_with(word.as_bytes()) {
                self.pos += word.len();
                return Ok(value);
            }
        }
        Err(self.error("invalid literal (expected true, false or null)"))
    }
}
