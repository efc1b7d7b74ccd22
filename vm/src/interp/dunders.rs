//! The user dunder protocols the operators reach: `__eq__`, `__lt__`,
//! `__add__` and friends, `__getitem__`.

use super::Vm;
use crate::builtins::methods;
use crate::error::{RtResult, Thrown};
use crate::value::Value;
use parser::ast::BinOp;
use std::cmp::Ordering;

impl Vm {
    pub(crate) fn equal(&mut self, a: &Value, b: &Value) -> RtResult<bool> {
        if let (Value::Struct(x), Value::Struct(_)) = (a, b) {
            if let Some(eq) = x.ty.method("__eq__") {
                let r = self.call_value(eq, vec![a.clone(), b.clone()])?;
                return super::typing::expect_bool(&r, "the result of __eq__");
            }
        }
        Ok(crate::ops::values_equal(a, b))
    }

    pub(crate) fn order(&mut self, a: &Value, b: &Value, op: &str) -> RtResult<Ordering> {
        if let Value::Struct(x) = a {
            if let Some(lt) = x.ty.method("__lt__") {
                let less = self.call_value(lt.clone(), vec![a.clone(), b.clone()])?;
                if super::typing::expect_bool(&less, "the result of __lt__")? {
                    return Ok(Ordering::Less);
                }
                let greater = self.call_value(lt, vec![b.clone(), a.clone()])?;
                return Ok(if super::typing::expect_bool(&greater, "the result of __lt__")? {
                    Ordering::Greater
                } else {
                    Ordering::Equal
                });
            }
        }
        crate::ops::compare_or_error(a, b, op)
    }

    pub(crate) fn struct_binary(&mut self, op: BinOp, a: Value, b: Value) -> RtResult<Value> {
        let dunder = match op {
            BinOp::Add => "__add__",
            BinOp::Sub => "__sub__",
            BinOp::Mul => "__mul__",
            BinOp::Div => "__truediv__",
            _ => "",
        };
        if let Value::Struct(s) = &a {
            if let Some(m) = s.ty.method(dunder) {
                return self.call_value(m, vec![a.clone(), b]);
            }
        }
        crate::ops::binary(op, &a, &b)
    }

    pub(crate) fn struct_getitem(&mut self, obj: Value, idx: Value) -> RtResult<Value> {
        if let Value::Struct(s) = &obj {
            if let Some(m) = s.ty.method("__getitem__") {
                return self.call_value(m, vec![obj.clone(), idx]);
            }
            return Err(Thrown::type_error(format!("`{}` cannot be indexed (define `__getitem__`)", s.ty.name)));
        }
        methods::index(&obj, &idx)
    }
}
