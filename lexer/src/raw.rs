//! The logos-generated raw scanner: one flat pass over the text that knows
//! punctuation, names, number shapes and where a string literal *starts*.
//! Everything that needs context (keywords, number values, string bodies,
//! indentation) is decided by `scan.rs` from these raw pieces.

use crate::Token;
use logos::{Lexer, Logos};

#[derive(Logos, Debug, Clone, PartialEq)]
#[logos(skip r"[ \t\x0C\r]+")]
#[logos(skip(r"#[^\n]*", allow_greedy = true))]
#[logos(skip("\u{FEFF}", priority = 5))]
pub(crate) enum Raw {
    /// A physical newline (layout decides whether it ends a logical line).
    #[token("\n")]
    Newline,
    /// `\` as the last character of a line: explicit line joining.
    #[regex(r"\\\r?\n")]
    LineCont,
    /// A `\` that does not end its line.
    #[token("\\")]
    Backslash,

    /// A name or keyword; non-ASCII letters are allowed anywhere in a name.
    #[regex("[A-Za-z_][A-Za-z0-9_]*", ident_tail)]
    #[regex(r"[^\x00-\x7F]", non_ascii_start)]
    Ident,

    #[regex("[0-9][0-9_]*")]
    Dec,
    /// Prefixed integers swallow every alphanumeric so that `0b12` reports
    /// the bad digit instead of silently splitting into two tokens.
    #[regex("0[xX][0-9A-Za-z_]*")]
    Hex,
    #[regex("0[oO][0-9A-Za-z_]*")]
    Oct,
    #[regex("0[bB][0-9A-Za-z_]*")]
    Bin,
    /// A float needs digits after the dot, so `0..n` stays `Int DotDot`.
    #[regex(r"[0-9][0-9_]*\.[0-9][0-9_]*([eE][+-]?[0-9][0-9_]*)?")]
    #[regex(r"[0-9][0-9_]*[eE][+-]?[0-9][0-9_]*")]
    Float,

    /// An optional `f`/`r` prefix and the first opening quote; the string
    /// scanner takes over from here.
    #[regex(r#"([fF]|[rR]|[fF][rR]|[rR][fF])?["']"#)]
    Quote,

    #[token("+", |_| Token::Plus)]
    #[token("-", |_| Token::Minus)]
    #[token("*", |_| Token::Star)]
    #[token("/", |_| Token::Slash)]
    #[token("//", |_| Token::SlashSlash)]
    #[token("%", |_| Token::Percent)]
    #[token("**", |_| Token::StarStar)]
    #[token("&", |_| Token::Amp)]
    #[token("|", |_| Token::Pipe)]
    #[token("^", |_| Token::Caret)]
    #[token("~", |_| Token::Tilde)]
    #[token("<<", |_| Token::Shl)]
    #[token(">>", |_| Token::Shr)]
    #[token("=", |_| Token::Eq)]
    #[token("==", |_| Token::EqEq)]
    #[token("!=", |_| Token::NotEq)]
    #[token("<", |_| Token::Lt)]
    #[token(">", |_| Token::Gt)]
    #[token("<=", |_| Token::LtEq)]
    #[token(">=", |_| Token::GtEq)]
    #[token("+=", |_| Token::PlusEq)]
    #[token("-=", |_| Token::MinusEq)]
    #[token("*=", |_| Token::StarEq)]
    #[token("/=", |_| Token::SlashEq)]
    #[token("//=", |_| Token::SlashSlashEq)]
    #[token("%=", |_| Token::PercentEq)]
    #[token("(", |_| Token::LParen)]
    #[token(")", |_| Token::RParen)]
    #[token("[", |_| Token::LBracket)]
    #[token("]", |_| Token::RBracket)]
    #[token("{", |_| Token::LBrace)]
    #[token("}", |_| Token::RBrace)]
    #[token(",", |_| Token::Comma)]
    #[token(":", |_| Token::Colon)]
    #[token("::", |_| Token::ColonColon)]
    #[token(";", |_| Token::Semicolon)]
    #[token(".", |_| Token::Dot)]
    #[token("..", |_| Token::DotDot)]
    #[token("..=", |_| Token::DotDotEq)]
    #[token("...", |_| Token::Ellipsis)]
    #[token("->", |_| Token::Arrow)]
    #[token("?", |_| Token::Question)]
    #[token("@", |_| Token::At)]
    Punct(Token),
}

/// Extends an ASCII-started name over any following letters or digits,
/// including non-ASCII ones the regex does not cover.
fn ident_tail(lex: &mut Lexer<Raw>) {
    let rest = lex.remainder();
    let n = rest.char_indices().find(|&(_, c)| !is_ident_char(c)).map_or(rest.len(), |(i, _)| i);
    lex.bump(n);
}

/// A non-ASCII character starts a name only if it is a letter; anything else
/// becomes a lexing error ("unexpected character").
fn non_ascii_start(lex: &mut Lexer<Raw>) -> bool {
    let starts_name = lex.slice().chars().next().is_some_and(char::is_alphabetic);
    if starts_name {
        ident_tail(lex);
    }
    starts_name
}

pub(crate) fn is_ident_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// The keyword a name spells, if any. `match`/`case` are keywords; `self`,
/// `mut`, `out`, `inout`, `owned`, `raises`, `assert` are plain names.
pub(crate) fn keyword(name: &str) -> Option<Token> {
    use Token::*;
    Some(match name {
        "fn" => Fn,
        "def" => Def,
        "async" => Async,
        "await" => Await,
        "let" => Let,
        "var" => Var,
        "struct" => Struct,
        "trait" => Trait,
        "alias" => Alias,
        "return" => Return,
        "if" => If,
        "elif" => Elif,
        "else" => Else,
        "while" => While,
        "for" => For,
        "in" => In,
        "break" => Break,
        "continue" => Continue,
        "match" => Match,
        "case" => Case,
        "pass" => Pass,
        "raise" => Raise,
        "try" => Try,
        "except" => Except,
        "finally" => Finally,
        "with" => With,
        "as" => As,
        "and" => And,
        "or" => Or,
        "not" => Not,
        "import" => Import,
        "from" => From,
        "True" => True,
        "False" => False,
        "None" => None,
        _ => return Option::None,
    })
}
