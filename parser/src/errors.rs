//! Turns chumsky's `Rich` errors into mojolite `Diagnostic`s: a readable
//! headline ("expected an expression, found `*`"), a label on the offending
//! token and, where one helps, a `help:` line. Grammar rules raise their own
//! errors through [`custom`], which packs headline, label and help into the
//! `Rich::custom` string.

use crate::tokens::{describe, from_simple, Tk};
use chumsky::error::{Rich, RichPattern, RichReason};
use chumsky::span::SimpleSpan;
use lexer::{Diagnostic, Span, Token};

pub(crate) type PErr<'a> = Rich<'a, Tk, SimpleSpan>;

const SEP: char = '\u{1f}';

/// A grammar-raised error with an explicit label and help text.
pub(crate) fn custom<'a>(span: SimpleSpan, message: &str, label: &str, help: Option<&str>) -> PErr<'a> {
    let mut text = format!("{message}{SEP}{label}");
    if let Some(help) = help {
        text.push(SEP);
        text.push_str(help);
    }
    Rich::custom(span, text)
}

/// Converts one chumsky error. `src_len` places end-of-file errors.
pub(crate) fn to_diagnostic(err: &PErr<'_>, src_len: usize) -> Diagnostic {
    let span = from_simple(*err.span());
    match err.reason() {
        RichReason::Custom(text) => {
            let mut parts = text.split(SEP);
            let message = parts.next().unwrap_or("syntax error");
            let mut d = Diagnostic::error(span, message);
            if let Some(label) = parts.next() {
                d = d.with_label(label);
            }
            if let Some(help) = parts.next() {
                d = d.with_help(help);
            }
            d
        }
        RichReason::ExpectedFound { expected, found } => {
            let found = found.as_deref();
            let span = if found.is_none() { Span::new(src_len, src_len) } else { span };
            expected_found(expected, found, span)
        }
    }
}

fn is(tk: Option<&Tk>, t: &Token) -> bool {
    matches!(tk, Some(Tk::T(x)) if x == t)
}

/// Tokens that merely could have continued an expression or statement: they
/// are listed only when nothing more specific was expected.
fn is_noise(t: &Tk) -> bool {
    use Token::*;
    match t {
        Tk::T(t) => matches!(
            t,
            Plus | Minus
                | Star
                | Slash
                | SlashSlash
                | Percent
                | StarStar
                | Amp
                | Pipe
                | Caret
                | Shl
                | Shr
                | EqEq
                | NotEq
                | Lt
                | Gt
                | LtEq
                | GtEq
                | In
                | Not
                | And
                | Or
                | If
                | Dot
                | ColonColon
                | LParen
                | LBracket
                | Question
                | DotDot
                | DotDotEq
                | Eq
                | PlusEq
                | MinusEq
                | StarEq
                | SlashEq
                | SlashSlashEq
                | PercentEq
                | Semicolon
                | For
                | Elif
                | Else
                | Except
                | Finally
                | Case
                | At
        ),
        _ => false,
    }
}

fn expected_found(expected: &[RichPattern<'_, Tk>], found: Option<&Tk>, span: Span) -> Diagnostic {
    let found_text = found.map(describe).unwrap_or_else(|| "end of file".to_string());
    let mut labels: Vec<String> = Vec::new();
    let mut toks: Vec<Tk> = Vec::new();
    let mut eof = false;
    for pat in expected {
        match pat {
            RichPattern::Token(t) => {
                let t: &Tk = t;
                if !toks.contains(t) {
                    toks.push(t.clone());
                }
            }
            RichPattern::Label(l) if !labels.iter().any(|x| x == l.as_ref()) => labels.push(l.to_string()),
            RichPattern::Identifier(s) => labels.push(format!("`{s}`")),
            RichPattern::EndOfInput => eof = true,
            _ => {}
        }
    }
    let has = |t: Token| toks.contains(&Tk::T(t));

    if is(found, &Token::Indent) && !has(Token::Indent) {
        return Diagnostic::error(span, "unexpected indent")
            .with_label("this line is indented more than the block it is in")
            .with_help(
                "only indent a line after a line ending with `:`; otherwise keep the indentation of the line above",
            );
    }
    if has(Token::Indent) {
        return Diagnostic::error(span, format!("expected an indented block, found {found_text}"))
            .with_label("expected an indented line here")
            .with_help("the line before ends with `:`, so the lines of its body must be indented");
    }
    if is(found, &Token::Newline) && has(Token::Colon) {
        return Diagnostic::error(span, format!("expected `:`, found {found_text}"))
            .with_label("expected `:` here")
            .with_help("add `:` at the end of the line");
    }

    let closer = has(Token::RParen) || has(Token::RBracket) || has(Token::RBrace);
    let mut items: Vec<String> = labels.clone();
    let mut structural: Vec<&Tk> =
        toks.iter().filter(|t| !is_noise(t)).filter(|t| closer || !matches!(t, Tk::T(Token::Comma))).collect();
    if !labels.is_empty() {
        // "a statement" already covers the keywords that could start one.
        structural.retain(|t| matches!(t, Tk::T(Token::RParen | Token::RBracket | Token::RBrace | Token::Colon)));
    }
    if structural.is_empty() && items.is_empty() {
        structural = toks.iter().collect();
    }
    // Closers and punctuation first, "end of line" last.
    structural.sort_by_key(|t| match t {
        Tk::T(Token::Newline) => 2,
        Tk::T(Token::Dedent) => 3,
        _ => 0,
    });
    for t in structural {
        let d = describe(t);
        if !items.contains(&d) {
            items.push(d);
        }
    }
    if eof && items.is_empty() {
        items.push("end of file".to_string());
    }
    if items.len() > 5 {
        items.truncate(5);
        items.push("…".to_string());
    }

    let (message, label) = if items.is_empty() {
        (format!("unexpected {found_text}"), format!("unexpected {found_text}"))
    } else {
        let list = join_or(&items);
        (format!("expected {list}, found {found_text}"), format!("expected {list}"))
    };
    let mut d = Diagnostic::error(span, message).with_label(label);
    if let Some(help) = help_for(found, &toks, &items) {
        d = d.with_help(help);
    }
    d
}

fn help_for(found: Option<&Tk>, toks: &[Tk], items: &[String]) -> Option<String> {
    let has = |t: Token| toks.contains(&Tk::T(t));
    let closer = has(Token::RParen) || has(Token::RBracket) || has(Token::RBrace);
    let only_eol = items.len() == 1 && items[0] == "end of line";
    let operand = matches!(found, Some(Tk::T(Token::Ident(_) | Token::Int(_) | Token::Float(_) | Token::Str(_))));
    match found {
        Some(Tk::T(Token::Eq)) if has(Token::Colon) => Some("use `==` to compare values; `=` only assigns".to_string()),
        Some(Tk::T(Token::If)) if has(Token::Colon) && items.len() == 1 => {
            Some("write `elif` instead of `else if`".to_string())
        }
        Some(Tk::T(Token::Elif | Token::Else)) if !has(Token::Else) => {
            Some("`elif`/`else` must follow the block of an `if` (or `try`), at the same indentation".to_string())
        }
        Some(Tk::T(Token::Except | Token::Finally)) if !has(Token::Except) => {
            Some("`except`/`finally` must follow the block of a `try`, at the same indentation".to_string())
        }
        Some(Tk::T(Token::RParen | Token::RBracket | Token::RBrace)) if only_eol => {
            Some("this closing bracket has no matching opening bracket".to_string())
        }
        None | Some(Tk::T(Token::Newline)) if closer => Some("a bracket was opened but never closed".to_string()),
        Some(Tk::T(Token::LBrace)) if has(Token::Colon) => {
            Some("blocks are written with `:` and indentation, not braces".to_string())
        }
        Some(Tk::T(Token::LBrace)) if only_eol => {
            Some("to build a struct value, call it: `Name(field=value)`".to_string())
        }
        Some(Tk::T(Token::As)) => Some("there are no `as` casts; convert with a call such as `Int(x)`".to_string()),
        Some(Tk::T(Token::Ident(w))) if w == "is" => {
            Some("there is no `is` operator: use `==` (equality is structural)".to_string())
        }
        Some(Tk::T(Token::Amp | Token::Pipe)) if items.iter().any(|i| i == "an expression") => {
            Some("logical operators are written `and`, `or` and `not`".to_string())
        }
        _ if operand && only_eol => Some("two expressions in a row: is an operator or a `,` missing?".to_string()),
        _ if operand && closer => Some("is a `,` or a closing bracket missing?".to_string()),
        _ => None,
    }
}

fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}
