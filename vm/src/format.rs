//! Turning values into text: `str` and `repr` (LANGUAGE.md §2 printing rules),
//! Python-style float repr, and f-string format specs
//! (`[[fill]align][sign][0][width][,][.precision][type]`).

use crate::error::{RtResult, Thrown};
use crate::value::Value;

/// Called for struct instances so user `__str__`/`__repr__` can take over;
/// returns `None` to use the default `Point(x=1, y=2)` form.
pub type StructHook<'a> = dyn FnMut(&Value, bool) -> Option<RtResult<String>> + 'a;

/// `str(v)` without user hooks (structs print with the default form).
pub fn to_str(v: &Value) -> String {
    let mut out = String::new();
    let _ = write_value(&mut out, v, false, &mut |_, _| None);
    out
}

/// `repr(v)` without user hooks.
pub fn to_repr(v: &Value) -> String {
    let mut out = String::new();
    let _ = write_value(&mut out, v, true, &mut |_, _| None);
    out
}

/// The decimal digits of `i` (as `{i}` formats them, without the
/// formatting machinery: ints are most of what programs print).
pub fn push_int(out: &mut String, i: i64) {
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    let mut n = i.unsigned_abs();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if i < 0 {
        out.push('-');
    }
    // Only ASCII digits were written: the bytes are always valid UTF-8.
    out.push_str(std::str::from_utf8(&buf[at..]).unwrap_or_default());
}

pub fn write_value(out: &mut String, v: &Value, repr: bool, hook: &mut StructHook) -> RtResult<()> {
    match v {
        Value::None => out.push_str("None"),
        Value::Unit => out.push_str("()"),
        Value::Bool(b) => out.push_str(if *b { "True" } else { "False" }),
        Value::Int(i) => push_int(out, *i),
        Value::Float(f) => out.push_str(&float_repr(*f)),
        Value::Str(s) => {
            if repr {
                out.push_str(&string_repr(s));
            } else {
                out.push_str(s);
            }
        }
        Value::List(items) => {
            out.push('[');
            write_items(out, items, hook)?;
            out.push(']');
        }
        Value::Tuple(items) => {
            out.push('(');
            write_items(out, items, hook)?;
            if items.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        Value::Dict(d) => {
            out.push('{');
            for (i, (k, v)) in d.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_value(out, &k.0, true, hook)?;
                out.push_str(": ");
                write_value(out, v, true, hook)?;
            }
            out.push('}');
        }
        Value::Some(x) => wrap(out, "Some", x, hook)?,
        Value::SomeInt(_) | Value::SomeFloat(_) | Value::SomeBool(_) => {
            if let Some(x) = v.some_inner() {
                wrap(out, "Some", &x, hook)?
            }
        }
        Value::Ok(x) => wrap(out, "Ok", x, hook)?,
        Value::Err(x) => {
            // `Err(TimeoutError: timed out)`: errors inside show as str.
            out.push_str("Err(");
            let inner_repr = !matches!(**x, Value::Error(_));
            write_value(out, x, inner_repr, hook)?;
            out.push(')');
        }
        Value::Error(e) => {
            if repr {
                out.push_str(&format!("{}({})", e.kind, string_repr(&e.message)));
            } else {
                out.push_str(&e.kind);
                out.push_str(": ");
                out.push_str(&e.message);
            }
        }
        Value::Struct(s) => {
            if let Some(text) = hook(v, repr) {
                out.push_str(&text?);
            } else {
                out.push_str(&s.ty.name);
                out.push('(');
                for (i, (name, val)) in s.ty.fields.iter().zip(s.fields.iter()).enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(name);
                    out.push('=');
                    write_value(out, val, true, hook)?;
                }
                out.push(')');
            }
        }
        Value::Func(c) => out.push_str(&format!("<fn {}>", c.proto.name)),
        Value::Native(_) => out.push_str("<builtin fn>"),
        Value::Bound(b) => out.push_str(&format!("<method {}>", b.name)),
        Value::Type(t) => out.push_str(t.name()),
        Value::Range(r) => {
            if r.step == 1 {
                out.push_str(&format!("range({}, {})", r.start, r.stop));
            } else {
                out.push_str(&format!("range({}, {}, {})", r.start, r.stop, r.step));
            }
        }
        Value::Iter(_) => out.push_str("<iterator>"),
        Value::Coroutine(c) => out.push_str(&format!("<coroutine {}>", c.name)),
        Value::Task(t) => out.push_str(&format!("<task {}>", t.name())),
        Value::Future(_) => out.push_str("<future>"),
        Value::Module(m) => out.push_str(&format!("<module {}>", m.name)),
        Value::Handle(h) => out.push_str(&format!("<{}>", h.type_name())),
        Value::Channel(c) => out.push_str(&format!("<channel capacity={} len={}>", c.chan.capacity(), c.chan.len())),
    }
    Ok(())
}

fn write_items(out: &mut String, items: &[Value], hook: &mut StructHook) -> RtResult<()> {
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_value(out, x, true, hook)?;
    }
    Ok(())
}

fn wrap(out: &mut String, name: &str, x: &Value, hook: &mut StructHook) -> RtResult<()> {
    out.push_str(name);
    out.push('(');
    write_value(out, x, true, hook)?;
    out.push(')');
    Ok(())
}

/// Python's `repr` of a string: single quotes unless the text contains a
/// single quote and no double quote.
pub fn string_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr(float)`: shortest round-trip digits, exponent form when the
/// exponent is < -4 or >= 16 (`1e+20`, `2.5e-05`), and always a `.0` otherwise.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    // Rust's `{:e}` gives the shortest round-trip digits: "1.2345e3".
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    if (-4..16).contains(&exp) {
        if exp < 0 {
            out.push_str("0.");
            out.push_str(&"0".repeat((-exp - 1) as usize));
            out.push_str(&digits);
        } else {
            let int_len = exp as usize + 1;
            if digits.len() <= int_len {
                out.push_str(&digits);
                out.push_str(&"0".repeat(int_len - digits.len()));
                out.push_str(".0");
            } else {
                out.push_str(&digits[..int_len]);
                out.push('.');
                out.push_str(&digits[int_len..]);
            }
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push_str(&format!("e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs()));
    }
    out
}

/// A parsed format spec.
#[derive(Debug, Default)]
struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    zero: bool,
    width: usize,
    comma: bool,
    precision: Option<usize>,
    ty: Option<char>,
}

fn parse_spec(spec: &str) -> RtResult<Spec> {
    let bad = || Thrown::value_error(format!("invalid format spec '{spec}'"));
    let chars: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut s = Spec::default();
    if chars.len() >= 2 && matches!(chars[1], '<' | '>' | '^' | '=') {
        s.fill = Some(chars[0]);
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && matches!(chars[0], '<' | '>' | '^' | '=') {
        s.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        s.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        s.width = chars[start..i].iter().collect::<String>().parse().map_err(|_| bad())?;
        if s.width > 10_000 {
            return Err(bad());
        }
    }
    if i < chars.len() && chars[i] == ',' {
        s.comma = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err(bad());
        }
        let p: usize = chars[start..i].iter().collect::<String>().parse().map_err(|_| bad())?;
        if p > 1000 {
            return Err(bad());
        }
        s.precision = Some(p);
    }
    if i < chars.len() {
        s.ty = Some(chars[i]);
        i += 1;
    }
    if i != chars.len() {
        return Err(bad());
    }
    Ok(s)
}

/// Applies a format spec to an already-computed value. `plain` is the value's
/// `str()` (used for strings and structs).
pub fn apply_spec(v: &Value, plain: &str, spec: &str) -> RtResult<String> {
    if spec.is_empty() {
        return Ok(plain.to_string());
    }
    let s = parse_spec(spec)?;
    let numeric = matches!(v, Value::Int(_) | Value::Float(_) | Value::Bool(_));
    let body = match (s.ty, v) {
        (None | Some('s'), _) if !numeric || s.ty == Some('s') => {
            let mut t = plain.to_string();
            if let Some(p) = s.precision {
                t = t.chars().take(p).collect();
            }
            t
        }
        (None | Some('d'), Value::Int(i)) => group(&i.unsigned_abs().to_string(), s.comma),
        (Some('x'), Value::Int(i)) => format!("{:x}", i.unsigned_abs()),
        (Some('X'), Value::Int(i)) => format!("{:X}", i.unsigned_abs()),
        (Some('b'), Value::Int(i)) => format!("{:b}", i.unsigned_abs()),
        (Some('o'), Value::Int(i)) => format!("{:o}", i.unsigned_abs()),
        (None, Value::Bool(b)) => (if *b { "True" } else { "False" }).to_string(),
        (None, Value::Float(f)) => match s.precision {
            Some(p) => general_no_type(f.abs(), p.max(1)),
            None => float_repr(f.abs()),
        },
        (Some('f' | 'F' | 'e' | 'E' | 'g' | 'G' | '%'), Value::Float(f)) if !f.is_finite() => {
            // As Python: `nan`, `inf` (upper case for F, E, G), `%` kept.
            let t = if f.is_nan() { "nan" } else { "inf" };
            let t = if matches!(s.ty, Some('F' | 'E' | 'G')) { t.to_uppercase() } else { t.to_string() };
            if s.ty == Some('%') {
                t + "%"
            } else {
                t
            }
        }
        (Some('f' | 'F'), _) => {
            let f = number(v, spec)?;
            group_float(&format!("{:.*}", s.precision.unwrap_or(6), f.abs()), s.comma)
        }
        (Some('e' | 'E'), _) => {
            let f = number(v, spec)?;
            let t = exp_format(f.abs(), s.precision.unwrap_or(6));
            if s.ty == Some('E') {
                t.to_uppercase()
            } else {
                t
            }
        }
        (Some('g' | 'G'), _) => {
            let f = number(v, spec)?;
            let p = s.precision.unwrap_or(6).max(1);
            // The exponent of the value rounded to p significant digits.
            let rounded = exp_format(f.abs(), p - 1);
            let exp: i32 = rounded.split_once('e').and_then(|(_, e)| e.parse().ok()).unwrap_or(0);
            let t = if exp < -4 || exp >= p as i32 {
                // Trailing zeros of the mantissa go, as in the fixed form.
                let (m, e) = rounded.split_once('e').unwrap_or((&rounded, "+00"));
                let m = if m.contains('.') { m.trim_end_matches('0').trim_end_matches('.') } else { m };
                format!("{m}e{e}")
            } else {
                let t = format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, f.abs());
                if t.contains('.') {
                    t.trim_end_matches('0').trim_end_matches('.').to_string()
                } else {
                    t
                }
            };
            if s.ty == Some('G') {
                t.to_uppercase()
            } else {
                t
            }
        }
        (Some('%'), _) => {
            let f = number(v, spec)? * 100.0;
            format!("{:.*}%", s.precision.unwrap_or(6), f.abs())
        }
        (Some(t), _) => {
            return Err(Thrown::value_error(format!("unknown format code '{t}' for a value of type {}", v.type_name())))
        }
        (None, _) => plain.to_string(),
    };
    let negative = match v {
        Value::Int(i) => *i < 0,
        Value::Float(f) => f.is_sign_negative() && *f != 0.0 || (f.is_sign_negative() && s.precision.is_some()),
        _ => false,
    };
    let sign = if !numeric || matches!(v, Value::Bool(_)) && s.ty.is_none() {
        ""
    } else if negative {
        "-"
    } else {
        match s.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    };
    let len = sign.chars().count() + body.chars().count();
    if len >= s.width {
        return Ok(format!("{sign}{body}"));
    }
    let pad = s.width - len;
    let (fill, align) = if s.zero && s.align.is_none() && numeric {
        ('0', '=')
    } else {
        (s.fill.unwrap_or(' '), s.align.unwrap_or(if numeric { '>' } else { '<' }))
    };
    let fills = |n: usize| fill.to_string().repeat(n);
    Ok(match align {
        '<' => format!("{sign}{body}{}", fills(pad)),
        '^' => format!("{}{sign}{body}{}", fills(pad / 2), fills(pad - pad / 2)),
        '=' => format!("{sign}{}{body}", fills(pad)),
        _ => format!("{}{sign}{body}", fills(pad)),
    })
}

/// Python's float format with a precision and no type letter: like `g`, but
/// scientific from exponent `p - 1` on, and a fixed result keeps one decimal.
fn general_no_type(f: f64, p: usize) -> String {
    if f == 0.0 {
        return "0.0".into();
    }
    if !f.is_finite() {
        return float_repr(f);
    }
    // The exponent after rounding to p significant digits.
    let sci = format!("{:.*e}", p - 1, f);
    let exp: i32 = sci.split_once('e').and_then(|(_, e)| e.parse().ok()).unwrap_or(0);
    if exp < -4 || exp >= p as i32 - 1 {
        let (m, _) = sci.split_once('e').unwrap_or((&sci, "0"));
        let m = if m.contains('.') { m.trim_end_matches('0').trim_end_matches('.') } else { m };
        format!("{m}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
    } else {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        let t = format!("{:.*}", decimals, f);
        let t = if t.contains('.') { t.trim_end_matches('0').to_string() } else { t };
        if t.ends_with('.') {
            format!("{t}0")
        } else if !t.contains('.') {
            format!("{t}.0")
        } else {
            t
        }
    }
}

fn number(v: &Value, spec: &str) -> RtResult<f64> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Float(f) => Ok(*f),
        _ => Err(Thrown::value_error(format!("format spec '{spec}' needs a number, got {}", v.type_name()))),
    }
}

fn exp_format(f: f64, precision: usize) -> String {
    let t = format!("{:.*e}", precision, f);
    let (m, e) = t.split_once('e').unwrap_or((&t, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
}

fn group(digits: &str, comma: bool) -> String {
    if !comma {
        return digits.to_string();
    }
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn group_float(t: &str, comma: bool) -> String {
    match t.split_once('.') {
        Some((int, frac)) => format!("{}.{}", group(int, comma), frac),
        None => group(t, comma),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn push_int_writes_what_display_writes() {
        for i in [0, 7, -7, 10, 99, -100, 1234567890, i64::MAX, i64::MIN] {
            let mut out = String::from("x");
            super::push_int(&mut out, i);
            assert_eq!(out, format!("x{i}"));
        }
    }

    use super::*;

    #[test]
    fn floats_print_like_python() {
        assert_eq!(float_repr(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(float_repr(1e20), "1e+20");
        assert_eq!(float_repr(2.5e-3), "0.0025");
        assert_eq!(float_repr(1.0), "1.0");
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(123456789012345.6), "123456789012345.6");
        assert_eq!(float_repr(2.5e-5), "2.5e-05");
        assert_eq!(float_repr(-7.5), "-7.5");
    }

    #[test]
    fn specs_follow_python() {
        let n = Value::Int(42);
        assert_eq!(apply_spec(&n, "42", "5").unwrap(), "   42");
        assert_eq!(apply_spec(&n, "42", "<5").unwrap(), "42   ");
        assert_eq!(apply_spec(&n, "42", "^6").unwrap(), "  42  ");
        assert_eq!(apply_spec(&n, "42", "*>6").unwrap(), "****42");
        assert_eq!(apply_spec(&n, "42", "0>8b").unwrap(), "00101010");
        let x = Value::Float(3.14159);
        assert_eq!(apply_spec(&x, "", ".2f").unwrap(), "3.14");
        assert_eq!(apply_spec(&x, "", "8.3f").unwrap(), "   3.142");
        assert_eq!(apply_spec(&Value::Float(1234.5), "", "e").unwrap(), "1.234500e+03");
        assert_eq!(apply_spec(&Value::Float(0.256), "", ".1%").unwrap(), "25.6%");
        assert_eq!(apply_spec(&Value::str("Ada"), "Ada", "-^7").unwrap(), "--Ada--");
        assert_eq!(apply_spec(&Value::Int(-5), "-5", "04").unwrap(), "-005");
        assert_eq!(apply_spec(&Value::Int(1234567), "", ",").unwrap(), "1,234,567");
    }
}

/// `name` after "a" or "an" as it is spoken: "an Int", "a Bool".
pub fn with_article(name: &str) -> String {
    let article = if name.starts_with(['A', 'E', 'I', 'O', 'U']) { "an" } else { "a" };
    format!("{article} {name}")
}
