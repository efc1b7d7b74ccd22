//! Reading and writing places (`x`, `a.b`, `xs[i][j]`). Writes walk the path
//! with `Arc::make_mut`, so only shared parts are copied (copy-on-write) and
//! an unshared list is updated in place in O(1).

use super::Vm;
use crate::bytecode::{Place, PlaceRoot, PlaceStep};
use crate::error::{RtResult, Thrown};
use crate::value::Value;
use std::sync::Arc;

impl Vm {
    /// Runs `f` on the root value of a place. A global root is moved out of
    /// its slot for the duration (only top-level code writes globals).
    fn with_root<R>(&mut self, root: PlaceRoot, f: impl FnOnce(&mut Value) -> R) -> R {
        match root {
            PlaceRoot::Local(s) => {
                let i = self.base() + s as usize;
                f(&mut self.fiber.stack[i])
            }
            PlaceRoot::Global(g) => {
                let globals = self.frame_globals();
                let mut v = globals.take(g as usize).unwrap_or_default();
                let r = f(&mut v);
                globals.set(g as usize, v);
                r
            }
        }
    }

    pub(crate) fn load_place(&mut self, place: &Place, indices: &[Value]) -> RtResult<Value> {
        let mut cur = match place.root {
            PlaceRoot::Local(s) => self.fiber.stack[self.base() + s as usize].clone(),
            PlaceRoot::Global(g) => self.frame_globals().get(g as usize).unwrap_or_default(),
        };
        let mut idx = indices.iter();
        for step in &place.steps {
            cur = match step {
                PlaceStep::Field(name, cache) => match &cur {
                    Value::Struct(s) => match s.ty.cached_field_index(name, cache) {
                        Some(i) => s.fields.get(i).cloned().unwrap_or_default(),
                        None => self.get_attr(cur, name)?,
                    },
                    _ => self.get_attr(cur, name)?,
                },
                PlaceStep::Index => {
                    let i = idx.next().cloned().unwrap_or_default();
                    if let Value::Struct(_) = cur {
                        self.struct_getitem(cur, i)?
                    } else {
                        crate::builtins::methods::index(&cur, &i)?
                    }
                }
            };
        }
        Ok(cur)
    }

    /// Moves the value out of a place (leaving `None`), for a mutating call.
    pub(crate) fn take_place(&mut self, place: &Place, indices: &[Value]) -> RtResult<Value> {
        self.with_root(place.root, |root| walk(root, &place.steps, indices, false).map(std::mem::take))
    }

    /// Stores `v` at a place; a missing dict key at the end is inserted.
    pub(crate) fn put_place(&mut self, place: &Place, indices: &[Value], v: Value) -> RtResult<()> {
        if let (Some(PlaceStep::Index), Some((key, parent_idx))) = (place.steps.last(), indices.split_last()) {
            // `obj[k] = v` on a struct calls its `__setitem__(k, v)` (mut self).
            let parent = Place {
                root: place.root,
                steps: place.steps[..place.steps.len() - 1].to_vec(),
                text: place.text.clone(),
                readonly: place.readonly,
            };
            let setitem = match self.load_place(&parent, parent_idx)? {
                Value::Struct(s) => s.ty.method("__setitem__"),
                _ => None,
            };
            if let Some(m) = setitem {
                let this = self.take_place(&parent, parent_idx)?;
                let (r, this) = self.call_mut_method(m, this, vec![key.clone(), v]);
                self.put_place(&parent, parent_idx, this)?;
                return r.map(|_| ());
            }
        }
        self.with_root(place.root, |root| walk(root, &place.steps, indices, true).map(|slot| *slot = v))
    }
}

/// Follows `steps` from `root`, making each level unique. With `create`, a
/// final dict index that is missing is inserted.
fn walk<'a>(root: &'a mut Value, steps: &[PlaceStep], indices: &[Value], create: bool) -> RtResult<&'a mut Value> {
    let mut cur = root;
    let mut idx = indices.iter();
    let last = steps.len().saturating_sub(1);
    for (n, step) in steps.iter().enumerate() {
        cur = match step {
            PlaceStep::Field(name, cache) => match cur {
                Value::Struct(s) => {
                    let Some(i) = s.ty.cached_field_index(name, cache) else {
                        return Err(Thrown::new("AttributeError", format!("`{}` has no field `{name}`", s.ty.name)));
                    };
                    &mut Arc::make_mut(s).fields[i]
                }
                other => {
                    return Err(Thrown::new(
                        "AttributeError",
                        format!("cannot set field `{name}` on {}", other.a_type_name()),
                    ))
                }
            },
            PlaceStep::Index => {
                let i = idx.next().cloned().unwrap_or_default();
                match cur {
                    Value::List(xs) => {
                        let len = xs.len();
                        let at = crate::builtins::methods::normalize_index(&i, len)?;
                        &mut Arc::make_mut(xs)[at]
                    }
                    Value::Dict(d) => {
                        let key = super::typing::hash_key(i)?;
                        let d = Arc::make_mut(d);
                        if create && n == last {
                            d.entry(key).or_insert(Value::None)
                        } else {
                            let shown = crate::format::to_repr(&key.0);
                            match d.get_mut(&key) {
                                Some(v) => v,
                                None => return Err(Thrown::new("KeyError", shown)),
                            }
                        }
                    }
                    Value::Tuple(_) => {
                        return Err(Thrown::type_error("a Tuple is immutable: its elements cannot be assigned"))
                    }
                    Value::Str(_) => {
                        return Err(Thrown::type_error("a String is immutable: its characters cannot be assigned"))
                    }
                    other => {
                        return Err(Thrown::type_error(format!(
                            "{} does not support item assignment",
                            other.a_type_name()
                        )))
                    }
                }
            }
        };
    }
    Ok(cur)
}
