//! Struct and trait definitions: fields with defaults, methods with their
//! receiver conventions, and the compile-time check that a struct defines
//! every method of the traits it names.

use super::func::push;
use super::Compiler;
use crate::bytecode::*;
use crate::types::TypeInfo;
use crate::value::Value;
use lexer::Diagnostic;
use parser::ast::{self, ParamConvention};
use std::sync::Arc;

/// The receiver convention of a method definition.
pub fn self_kind_of(f: &ast::FnDef) -> SelfKind {
    if f.decorators.iter().any(|d| d.name.name == "staticmethod") {
        return SelfKind::None;
    }
    match f.params.first() {
        Some(p) if p.name.name == "self" => match p.convention {
            ParamConvention::Read | ParamConvention::Owned => SelfKind::Read,
            ParamConvention::Mut | ParamConvention::Inout => SelfKind::Mut,
            ParamConvention::Out => SelfKind::Out,
        },
        _ => SelfKind::None,
    }
}

impl Compiler {
    pub(crate) fn struct_stmt(&mut self, st: &ast::StructDef) {
        for t in &st.traits {
            match self.traits.get(&t.name).cloned() {
                Some(required) => {
                    for m in required {
                        if !st.methods.iter().any(|f| f.name.name == m) {
                            self.diags.push(
                                Diagnostic::error(
                                    st.name.span,
                                    format!(
                                        "struct `{}` does not implement method `{m}` required by trait `{}`",
                                        st.name.name, t.name
                                    ),
                                )
                                .with_label(format!("`{}` names trait `{}` here", st.name.name, t.name))
                                .with_help(format!("add `fn {m}(self, …)` to `{}`", st.name.name)),
                            );
                        }
                    }
                }
                None => {
                    self.error(t.span, format!("unknown trait `{}`", t.name))
                        .with_help("define it with `trait Name:` and method signatures");
                }
            }
        }
        let mut defaults = Vec::new();
        let mut field_types = Vec::new();
        for (i, f) in st.fields.iter().enumerate() {
            if st.fields[..i].iter().any(|g| g.name.name == f.name.name) {
                self.diags.push(Diagnostic::error(
                    f.name.span,
                    format!("field `{}` is declared twice in struct `{}`", f.name.name, st.name.name),
                ));
            }
            match &f.default {
                Some(d) => {
                    self.expr(d);
                    defaults.push(true);
                }
                None => defaults.push(false),
            }
            let check = f.ty.as_ref().and_then(|t| self.type_check(t));
            field_types.push(check);
        }
        let mut method_names = Vec::new();
        for m in &st.methods {
            let kind = self_kind_of(m);
            if m.name.name == "__init__" && kind != SelfKind::Out && kind != SelfKind::Mut {
                self.diags.push(
                    Diagnostic::error(m.name.span, "`__init__` must take `out self`")
                        .with_help("write `fn __init__(out self, …):`"),
                );
            }
            let (proto, captures) = self.function(m, kind, Some(&st.name.name));
            self.make_closure(m, proto, &captures);
            let hidden = super::static_method_global(&st.name.name, &m.name.name);
            let also = super::instance_method_global(&st.name.name, &m.name.name);
            for name in [hidden, also] {
                if let Some(slot) = self.globals.get(&name).map(|g| g.slot).filter(|_| self.fr().is_module) {
                    self.emit(Op::Dup);
                    self.store_global(slot);
                }
            }
            method_names.push(m.name.name.clone());
        }
        let spec = StructSpec {
            name: st.name.name.clone(),
            fields: st.fields.iter().map(|f| f.name.name.clone()).collect(),
            field_types,
            defaults,
            method_names,
            traits: st.traits.iter().map(|t| t.name.clone()).collect(),
        };
        let idx = push(&mut self.f().proto.structs, spec);
        self.emit(Op::MakeStruct(idx));
        self.store_new_binding(&st.name.name, false, st.name.span);
    }

    pub(crate) fn trait_stmt(&mut self, t: &ast::TraitDef) {
        let c = self.constant(Value::Type(Arc::new(TypeInfo::Trait(t.name.name.clone()))));
        self.emit(Op::Const(c));
        self.store_new_binding(&t.name.name, false, t.name.span);
    }
}
