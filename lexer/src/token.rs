//! The token type the parser consumes. The lexer produces a flat
//! `Vec<(Token, Span)>` in which indentation has already been turned into
//! `Newline`/`Indent`/`Dedent` tokens, so the grammar is context-free.

use crate::Span;

#[derive(Clone, Debug, PartialEq)]
pub enum Token {
    // ---- literals and names ----
    Ident(String),
    Int(i64),
    Float(f64),
    /// A string literal with escapes already processed.
    Str(String),
    /// An f-string, split into literal text and embedded expressions.
    FString(Vec<FPart>),

    // ---- keywords (LANGUAGE.md §1) ----
    Fn,
    Def,
    Async,
    Await,
    Let,
    Var,
    Struct,
    Trait,
    Alias,
    Return,
    If,
    Elif,
    Else,
    While,
    For,
    In,
    Break,
    Continue,
    Match,
    Case,
    Pass,
    Raise,
    Try,
    Except,
    Finally,
    With,
    As,
    And,
    Or,
    Not,
    Import,
    From,
    True,
    False,
    None,

    // ---- operators and punctuation ----
    Plus,         // +
    Minus,        // -
    Star,         // *
    Slash,        // /
    SlashSlash,   // //
    Percent,      // %
    StarStar,     // **
    Amp,          // &
    Pipe,         // |
    Caret,        // ^
    Tilde,        // ~
    Shl,          // <<
    Shr,          // >>
    Eq,           // =
    EqEq,         // ==
    NotEq,        // !=
    Lt,           // <
    Gt,           // >
    LtEq,         // <=
    GtEq,         // >=
    PlusEq,       // +=
    MinusEq,      // -=
    StarEq,       // *=
    SlashEq,      // /=
    SlashSlashEq, // //=
    PercentEq,    // %=
    LParen,       // (
    RParen,       // )
    LBracket,     // [
    RBracket,     // ]
    LBrace,       // {
    RBrace,       // }
    Comma,        // ,
    Colon,        // :
    ColonColon,   // ::
    Semicolon,    // ;
    Dot,          // .
    DotDot,       // ..
    DotDotEq,     // ..=
    Ellipsis,     // ...
    Arrow,        // ->
    Question,     // ?
    At,           // @

    // ---- layout ----
    /// End of a logical line (never emitted inside brackets or for blank lines).
    Newline,
    /// The next line is indented deeper than the current block.
    Indent,
    /// One block closes (one per closed indentation level).
    Dedent,
}

/// One piece of an f-string.
#[derive(Clone, Debug, PartialEq)]
pub enum FPart {
    /// Literal text, with escapes and `{{`/`}}` already processed.
    Lit(String),
    /// `{expr!conv:spec}`: the expression's tokens (spans are absolute offsets
    /// into the original source), the conversion character (`r` or `s`) and the
    /// raw format spec text after `:`.
    Expr {
        tokens: Vec<(Token, Span)>,
        conv: Option<char>,
        spec: Option<String>,
        /// Span of the expression text between `{` and `!`/`:`/`}`.
        span: Span,
    },
}

impl Token {
    /// How the token is shown in "expected X, found Y" messages.
    pub fn describe(&self) -> String {
        match self {
            Token::Ident(s) => format!("name `{s}`"),
            Token::Int(i) => format!("integer `{i}`"),
            Token::Float(f) => format!("number `{f}`"),
            Token::Str(_) => "string".to_string(),
            Token::FString(_) => "f-string".to_string(),
            Token::Newline => "end of line".to_string(),
            Token::Indent => "indent".to_string(),
            Token::Dedent => "dedent".to_string(),
            other => format!("`{}`", other.text()),
        }
    }

    /// Source text of keywords and punctuation (empty for literals and layout).
    pub fn text(&self) -> &'static str {
        use Token::*;
        match self {
            Fn => "fn",
            Def => "def",
            Async => "async",
            Await => "await",
            Let => "let",
            Var => "var",
            Struct => "struct",
            Trait => "trait",
            Alias => "alias",
            Return => "return",
            If => "if",
            Elif => "elif",
            Else => "else",
            While => "while",
            For => "for",
            In => "in",
            Break => "break",
            Continue => "continue",
            Match => "match",
            Case => "case",
            Pass => "pass",
            Raise => "raise",
            Try => "try",
            Except => "except",
            Finally => "finally",
            With => "with",
            As => "as",
            And => "and",
            Or => "or",
            Not => "not",
            Import => "import",
            From => "from",
            True => "True",
            False => "False",
            None => "None",
            Plus => "+",
            Minus => "-",
            Star => "*",
            Slash => "/",
            SlashSlash => "//",
            Percent => "%",
            StarStar => "**",
            Amp => "&",
            Pipe => "|",
            Caret => "^",
            Tilde => "~",
            Shl => "<<",
            Shr => ">>",
            Eq => "=",
            EqEq => "==",
            NotEq => "!=",
            Lt => "<",
            Gt => ">",
            LtEq => "<=",
            GtEq => ">=",
            PlusEq => "+=",
            MinusEq => "-=",
            StarEq => "*=",
            SlashEq => "/=",
            SlashSlashEq => "//=",
            PercentEq => "%=",
            LParen => "(",
            RParen => ")",
            LBracket => "[",
            RBracket => "]",
            LBrace => "{",
            RBrace => "}",
            Comma => ",",
            Colon => ":",
            ColonColon => "::",
            Semicolon => ";",
            Dot => ".",
            DotDot => "..",
            DotDotEq => "..=",
            Ellipsis => "...",
            Arrow => "->",
            Question => "?",
            At => "@",
            Ident(_) | Int(_) | Float(_) | Str(_) | FString(_) | Newline | Indent | Dedent => "",
        }
    }
}

impl std::fmt::Display for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe())
    }
}

// `Token` holds an f64, so it cannot derive `Eq`/`Hash`; chumsky only needs
// `PartialEq` for `just`, and comparing floats bitwise is what a parser wants.
impl Eq for Token {}
impl std::hash::Hash for Token {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        std::mem::discriminant(self).hash(state);
    }
}
