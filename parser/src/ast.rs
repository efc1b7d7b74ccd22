//! The abstract syntax tree. The parser builds it; the compiler consumes it.
//! Every node carries the span of the source text it came from. The AST is
//! purely syntactic: names are not resolved and nothing is type-checked here.

pub use lexer::Span;

#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

pub type Block = Vec<Stmt>;

#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    pub body: Block,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// An expression used as a statement (calls, mostly).
    Expr(Expr),
    /// `let p = e`, `var p: T = e`, `var x: Int` (no value). `pattern` is a
    /// `Bind` or a `Tuple` of binds (`let (a, b) = pair`).
    Let {
        mutable: bool,
        pattern: Pattern,
        ty: Option<TypeExpr>,
        value: Option<Expr>,
    },
    /// `target = value`. Targets: `Name`, `Attr`, `Index`, or a `Tuple`/`List`
    /// of targets (`a, b = b, a`). `a = b = c` gives `targets: [a, b]`.
    Assign {
        targets: Vec<Expr>,
        value: Expr,
    },
    /// `target op= value`; `op` is the arithmetic operator (`Add` for `+=`).
    AugAssign {
        target: Expr,
        op: BinOp,
        value: Expr,
    },
    /// `if c: … elif c: … else: …`; each condition may be `if let`.
    If {
        branches: Vec<(Cond, Block)>,
        else_body: Option<Block>,
    },
    /// `while c:` or `while let P = e:`.
    While {
        cond: Cond,
        body: Block,
    },
    /// `for p in e:` / `async for p in e:`; `target` is a `Bind` or tuple pattern.
    For {
        is_async: bool,
        target: Pattern,
        iter: Expr,
        body: Block,
    },
    Break,
    Continue,
    Pass,
    Return(Option<Expr>),
    /// `raise e` / bare `raise` (re-raise inside `except`).
    Raise(Option<Expr>),
    Try {
        body: Block,
        handlers: Vec<Handler>,
        else_body: Option<Block>,
        finally_body: Option<Block>,
    },
    /// `with a as x, b:` / `async with …`.
    With {
        is_async: bool,
        items: Vec<WithItem>,
        body: Block,
    },
    Match {
        subject: Expr,
        cases: Vec<MatchCase>,
    },
    /// `assert cond` / `assert cond, msg` / `assert(cond)` / `assert(cond, msg)`.
    Assert {
        cond: Expr,
        msg: Option<Expr>,
    },
    Fn(FnDef),
    Struct(StructDef),
    Trait(TraitDef),
    /// `alias Name = Type`
    Alias {
        name: Ident,
        ty: TypeExpr,
    },
    /// `import a.b as c`
    Import {
        module: Vec<Ident>,
        alias: Option<Ident>,
    },
    /// `from a.b import x as y, z`
    FromImport {
        module: Vec<Ident>,
        names: Vec<(Ident, Option<Ident>)>,
    },
}

/// A condition of `if`/`elif`/`while`.
#[derive(Clone, Debug, PartialEq)]
pub enum Cond {
    Expr(Expr),
    /// `let PATTERN = EXPR`
    Let(Pattern, Expr),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Handler {
    /// `except T:` / `except T as e:` → `ty = Some(T)`. `except e:` → `ty = Some(e)`,
    /// `name = None` (the compiler decides whether a bare name is an error kind or
    /// a catch-all binding). Bare `except:` → both `None`.
    pub ty: Option<Ident>,
    pub name: Option<Ident>,
    pub body: Block,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct WithItem {
    pub expr: Expr,
    pub name: Option<Ident>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MatchCase {
    pub pattern: Pattern,
    pub guard: Option<Expr>,
    pub body: Block,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Decorator {
    pub name: Ident,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FnDef {
    pub name: Ident,
    pub is_async: bool,
    /// `def` rather than `fn` (same semantics).
    pub is_def: bool,
    pub decorators: Vec<Decorator>,
    /// `fn retry[T, U](…)`: accepted, unchecked.
    pub generics: Vec<Ident>,
    pub params: Vec<Param>,
    pub ret: Option<TypeExpr>,
    /// `raises` after the parameter list (accepted, ignored).
    pub raises: bool,
    /// A body that is only `...` (trait method declarations) is an empty block
    /// with `is_stub = true`.
    pub body: Block,
    pub is_stub: bool,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamConvention {
    /// plain (read-only for `self`)
    Read,
    Out,
    Mut,
    Inout,
    Owned,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub name: Ident,
    pub convention: ParamConvention,
    pub ty: Option<TypeExpr>,
    pub default: Option<Expr>,
    /// `*args`
    pub star: bool,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub name: Ident,
    pub ty: Option<TypeExpr>,
    pub default: Option<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StructDef {
    pub name: Ident,
    pub decorators: Vec<Decorator>,
    pub generics: Vec<Ident>,
    /// `struct Circle(Shape, Printable):`
    pub traits: Vec<Ident>,
    pub fields: Vec<Field>,
    pub methods: Vec<FnDef>,
    /// `alias` declarations inside the struct body.
    pub aliases: Vec<(Ident, TypeExpr)>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TraitDef {
    pub name: Ident,
    pub parents: Vec<Ident>,
    pub methods: Vec<FnDef>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TypeExpr {
    /// `Int`, `List[Int]`, `Dict[String, Int]`, `async.Future[Int]` (dotted path)
    Name { path: Vec<Ident>, args: Vec<TypeExpr>, span: Span },
    /// `fn(Int, String) -> Bool`, `async fn() -> T`
    Fn { is_async: bool, params: Vec<TypeExpr>, ret: Option<Box<TypeExpr>>, span: Span },
    /// `(Int, String)`; `()` is the unit type.
    Tuple { items: Vec<TypeExpr>, span: Span },
}

impl TypeExpr {
    pub fn span(&self) -> Span {
        match self {
            TypeExpr::Name { span, .. } | TypeExpr::Fn { span, .. } | TypeExpr::Tuple { span, .. } => *span,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Int(i64),
    Float(f64),
    Str(String),
    FString(Vec<FStringPart>),
    Bool(bool),
    None,
    /// `()`
    Unit,
    /// `...` used as an expression (placeholder bodies)
    Ellipsis,
    Name(String),
    List(Vec<Expr>),
    Dict(Vec<(Expr, Expr)>),
    /// `(a, b)`, `(a,)`, and bare `a, b` where a tuple is allowed.
    Tuple(Vec<Expr>),
    /// `*xs` inside a call's arguments or a list/tuple display.
    Starred(Box<Expr>),
    Unary {
        op: UnaryOp,
        expr: Box<Expr>,
    },
    Binary {
        op: BinOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `a < b <= c`: `first` then each `(op, operand)`; a single comparison has one.
    Compare {
        first: Box<Expr>,
        rest: Vec<(CmpOp, Expr)>,
    },
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    /// `a if cond else b`
    Ternary {
        cond: Box<Expr>,
        then: Box<Expr>,
        else_: Box<Expr>,
    },
    Call {
        func: Box<Expr>,
        args: Vec<Arg>,
    },
    /// `obj.name`
    Attr {
        obj: Box<Expr>,
        name: Ident,
    },
    /// `Type::name` (also `Channel[Int]::new`)
    Path {
        base: Box<Expr>,
        name: Ident,
    },
    /// `obj[index]`; also generic application `Channel[Int]` and
    /// `Dict[String, Int]` (then `index` is a `Tuple`).
    Index {
        obj: Box<Expr>,
        index: Box<Expr>,
    },
    /// Only as an `Index` index: `xs[lo:hi:step]`, each part optional.
    Slice {
        lo: Option<Box<Expr>>,
        hi: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
    /// `a..b` / `a..=b`
    Range {
        lo: Box<Expr>,
        hi: Box<Expr>,
        inclusive: bool,
    },
    /// `await e` (binds to the whole postfix chain after it)
    Await(Box<Expr>),
    /// postfix `e?`
    Try(Box<Expr>),
    /// `[elt for target in iter if cond]`
    ListComp {
        elt: Box<Expr>,
        target: Pattern,
        iter: Box<Expr>,
        cond: Option<Box<Expr>>,
    },
    /// `{k: v for target in iter if cond}`
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        target: Pattern,
        iter: Box<Expr>,
        cond: Option<Box<Expr>>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum FStringPart {
    Lit(String),
    Expr { expr: Expr, conv: Option<char>, spec: Option<String> },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Arg {
    /// `name=value` keyword argument
    pub name: Option<Ident>,
    pub value: Expr,
    /// `*xs` spread
    pub star: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Pos,
    Not,
    Invert,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    BitAnd,
    BitOr,
    BitXor,
    Shl,
    Shr,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    Gt,
    LtEq,
    GtEq,
    In,
    NotIn,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    pub kind: PatternKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PatternKind {
    /// `_`
    Wildcard,
    /// a lower-case name: binds the value
    Bind(String),
    /// `0`, `-1`, `2.5`, `"quit"`, `True`, `False` (negative numbers are folded
    /// into the literal: `-1` is `Int(-1)`). Boxed because `Expr` contains
    /// patterns (comprehension targets): unboxed, the two types would have
    /// infinite size.
    Literal(Box<Expr>),
    /// `None`
    None,
    /// `(a, b)` or bare `a, b`
    Tuple(Vec<Pattern>),
    /// `[a, b, *rest]`
    List(Vec<Pattern>),
    /// `*rest` / `*_` inside a list pattern (`None` for `*_`)
    Star(Option<String>),
    /// A capitalised name with or without arguments: `Some(p)`, `Ok(p)`,
    /// `Err(p)`, `Point(x, y)`, `TimeoutError`, `String`; `path` allows
    /// `Shape::Circle`. `args` is `None` when there are no parentheses.
    Ctor { path: Vec<Ident>, args: Option<Vec<Pattern>> },
    /// `p1 | p2 | p3`
    Or(Vec<Pattern>),
}
