//! The `json` module: `json.parse(s)` (reader in `json_parse.rs`) and
//! `json.dumps(v, indent=None)`.
//!
//! JSON maps to Dict, List, Int, Float, Bool, None and String (LANGUAGE.md
//! §15). `dumps` writes Python's layout (`{"a": [1, 2]}`, or one item per
//! line with `indent=N`), and also accepts a Tuple (an array), `Some(v)` (as
//! `v`, since `None` is `null`) and Int/Float/Bool/None dict keys (converted
//! to strings, as Python does). Non-ASCII text is written as is, not as
//! `\uXXXX`. Anything else — structs, functions, Results, NaN — is refused.

use super::json_parse::{self, MAX_DEPTH};
use super::Args;
use crate::error::{RtResult, Thrown};
use crate::format::float_repr;
use crate::interp::Vm;
use crate::value::Value;

/// Parses JSON text into a value, or a `ValueError` naming line and column.
/// (Also for `response.json()`.)
pub fn parse_text(text: &str) -> RtResult<Value> {
    json_parse::parse(text).map_err(|e| Thrown::value_error(format!("json.parse: {e}")))
}

/// `json.parse(s)`.
pub fn parse(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    if let Some((k, _)) = args.kw.first() {
        return Err(Thrown::type_error(format!("json.parse() has no parameter named `{k}`")));
    }
    match args.pos.as_slice() {
        [Value::Str(s)] => parse_text(s),
        [other] => Err(Thrown::type_error(format!("json.parse() needs a String, not {}", other.type_name()))),
        other => Err(Thrown::type_error(format!("json.parse() takes 1 argument but {} were given", other.len()))),
    }
}

/// `json.dumps(v, indent=None)`.
pub fn dumps(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    let mut indent = None;
    for (k, v) in &args.kw {
        match (&**k, v) {
            ("indent", Value::None) => indent = None,
            ("indent", Value::Int(n)) if *n < 0 => {
                return Err(Thrown::value_error(format!("json.dumps: indent must not be negative, got {n}")))
            }
            ("indent", Value::Int(n)) => indent = Some((*n).min(64) as usize),
            ("indent", other) => {
                return Err(Thrown::type_error(format!(
                    "json.dumps: indent must be an Int or None, not {}",
                    other.type_name()
                )))
            }
            _ => return Err(Thrown::type_error(format!("json.dumps() has no parameter named `{k}`"))),
        }
    }
    match args.pos.as_slice() {
        [v] => to_json(v, indent).map(Value::str),
        other => Err(Thrown::type_error(format!("json.dumps() takes 1 argument but {} were given", other.len()))),
    }
}

/// The JSON text of `v`; `indent` puts each item on its own line.
pub fn to_json(v: &Value, indent: Option<usize>) -> RtResult<String> {
    let mut w = Writer { out: String::new(), indent };
    w.value(v, 0)?;
    Ok(w.out)
}

struct Writer {
    out: String,
    indent: Option<usize>,
}

impl Writer {
    fn value(&mut self, v: &Value, depth: usize) -> RtResult<()> {
        if depth > MAX_DEPTH {
            return Err(Thrown::value_error(format!("json.dumps: value nested deeper than {MAX_DEPTH} levels")));
        }
        match v {
            Value::None => self.out.push_str("null"),
            Value::Bool(b) => self.out.push_str(if *b { "true" } else { "false" }),
            Value::Int(i) => self.out.push_str(&i.to_string()),
            Value::Float(f) => self.out.push_str(&finite(*f)?),
            Value::Str(s) => self.string(s),
            Value::Some(x) => self.value(x, depth + 1)?,
            Value::SomeInt(_) | Value::SomeFloat(_) | Value::SomeBool(_) => {
                if let Some(x) = v.some_inner() {
                    self.value(&x, depth + 1)?
                }
            }
            Value::Unit => self.out.push_str("[]"),
            Value::List(items) | Value::Tuple(items) => {
                if items.is_empty() {
                    self.out.push_str("[]");
                    return Ok(());
                }
                self.out.push('[');
                for (i, item) in items.iter().enumerate() {
                    self.separator(i, depth + 1);
                    self.value(item, depth + 1)?;
                }
                self.newline(depth);
                self.out.push(']');
            }
            Value::Dict(map) => {
                if map.is_empty() {
                    self.out.push_str("{}");
                    return Ok(());
                }
                self.out.push('{');
                for (i, (k, item)) in map.iter().enumerate() {
                    self.separator(i, depth + 1);
                    self.string(&key_text(&k.0)?);
                    self.out.push_str(": ");
                    self.value(item, depth + 1)?;
                }
                self.newline(depth);
                self.out.push('}');
            }
            other => {
                return Err(Thrown::type_error(format!(
                "json.dumps: cannot encode a value of type {}; JSON has Dict, List, String, Int, Float, Bool and None",
                other.type_name()
            )))
            }
        }
        Ok(())
    }

    /// Before item `i` of a container whose items sit at `depth`.
    fn separator(&mut self, i: usize, depth: usize) {
        if i > 0 {
            self.out.push(',');
            if self.indent.is_none() {
                self.out.push(' ');
            }
        }
        self.newline(depth);
    }

    fn newline(&mut self, depth: usize) {
        if let Some(n) = self.indent {
            self.out.push('\n');
            self.out.extend(std::iter::repeat_n(' ', n * depth));
        }
    }

    fn string(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                c if (c as u32) < 0x20 => self.out.push_str(&format!("\\u{:04x}", c as u32)),
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }
}

fn finite(f: f64) -> RtResult<String> {
    if f.is_finite() {
        Ok(float_repr(f))
    } else {
        Err(Thrown::value_error(format!("json.dumps: cannot encode {}: JSON has no NaN or infinity", float_repr(f))))
    }
}

/// A dict key as JSON object keys must be: a string.
fn key_text(k: &Value) -> RtResult<String> {
    Ok(match k {
        Value::Str(s) => (**s).clone(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => finite(*f)?,
        Value::Bool(b) => (if *b { "true" } else { "false" }).to_string(),
        Value::None => "null".to_string(),
        other => {
            return Err(Thrown::type_error(format!(
                "json.dumps: a Dict key must be a String, Int, Float, Bool or None, not {}",
                other.type_name()
            )))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::{parse_text, to_json};
    use crate::builtins::json_parse::parse;

    fn roundtrip(text: &str) -> String {
        to_json(&parse_text(text).expect("valid JSON"), None).expect("encodable")
    }

    #[test]
    fn parses_and_writes_back() {
        assert_eq!(
            roundtrip(r#" {"a": [1, -2.5, true, null], "b": {"c": "x\ny"}} "#),
            r#"{"a": [1, -2.5, true, null], "b": {"c": "x\ny"}}"#
        );
        assert_eq!(roundtrip(r#""\u00e9\ud83d\ude00\/""#), "\"é😀/\"");
        assert!(to_json(&parse_text("1e400").expect("valid JSON"), None).is_err());
        assert_eq!(roundtrip("123456789012345678901234567890"), "1.2345678901234568e+29");
        assert_eq!(roundtrip("[[], {}, -0, 0.0]"), "[[], {}, 0, 0.0]");
    }

    #[test]
    fn errors_have_positions() {
        let e = parse("{\n  \"a\": tru\n}").unwrap_err();
        assert_eq!((e.line, e.column), (2, 8));
        let e = parse("[1, 2,]").unwrap_err();
        assert_eq!(e.to_string(), "unexpected character ']' (expected a value) at line 1, column 7");
        assert!(parse(&"[".repeat(2000)).unwrap_err().message.contains("nesting"));
    }

    /// Random, truncated and mutated documents must give a value or an
    /// error, never a panic.
    #[test]
    fn never_panics() {
        let samples = [
            r#"{"name": "café", "tags": ["a", "b\"c"], "n": -12.5e-3, "ok": true, "z": null}"#,
            r#"[0, 1e9, "\u00e9\ud83d\ude00", {"": []}, [[[]]], false]"#,
            "\"\\\\\\/\\b\\f\\n\\r\\t\"",
        ];
        let alphabet: Vec<char> = "{}[]:,\"\\/ \n\t-+.eE0123456789abfnrtuxlsé😀\u{1}".chars().collect();
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for s in samples {
            let chars: Vec<char> = s.chars().collect();
            for cut in 0..=chars.len() {
                let _ = parse(&chars[..cut].iter().collect::<String>());
            }
            for _ in 0..2000 {
                let mut m = chars.clone();
                for _ in 0..1 + next() % 4 {
                    let at = (next() % (m.len() as u64 + 1)) as usize;
                    let c = alphabet[(next() % alphabet.len() as u64) as usize];
                    match next() % 3 {
                        0 if at < m.len() => m[at] = c,
                        1 if at < m.len() => {
                            m.remove(at);
                        }
                        _ => m.insert(at, c),
                    }
                }
                let text: String = m.into_iter().collect();
                // A parsed value re-encodes to JSON that parses (unless it
                // holds an infinity, from a huge number like 1e999).
                if let Ok(Ok(again)) = parse(&text).map(|v| to_json(&v, Some(2))) {
                    assert!(parse(&again).is_ok(), "{text:?} re-encoded as {again:?}");
                }
            }
        }
        for _ in 0..3000 {
            let len = next() % 40;
            let text: String = (0..len).map(|_| alphabet[(next() % alphabet.len() as u64) as usize]).collect();
            let _ = parse(&text);
        }
    }
}
