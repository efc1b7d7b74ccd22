//! The state of a `for` loop over a builtin iterable. It lives in a hidden
//! local slot of the looping frame and is never shared.

use crate::value::{Dict, RangeObj, Value};
use std::sync::Arc;

#[derive(Clone, Debug)]
pub enum IterState {
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    Seq {
        items: Arc<Vec<Value>>,
        idx: usize,
    },
    Str {
        s: Arc<String>,
        byte: usize,
    },
    Keys {
        dict: Arc<Dict>,
        idx: usize,
    },
    /// `for i, x in enumerate(xs)` over a builtin iterable: the pairs are
    /// made as the loop goes (the general `enumerate` builds the whole list
    /// of tuples first; for these iterables nothing can tell them apart).
    Enumerate {
        inner: Box<IterState>,
        next: i64,
    },
    /// `for k, v in d.items()`: the dict's pairs, in order, from the dict as
    /// it was when the loop began (a dict is a value: the loop holds it).
    Items {
        dict: Arc<Dict>,
        idx: usize,
    },
}

impl IterState {
    pub fn over(v: &Value) -> Option<IterState> {
        Some(match v {
            Value::Range(r) => IterState::range(r),
            Value::List(items) | Value::Tuple(items) => IterState::Seq { items: items.clone(), idx: 0 },
            Value::Str(s) => IterState::Str { s: s.clone(), byte: 0 },
            Value::Dict(d) => IterState::Keys { dict: d.clone(), idx: 0 },
            _ => return None,
        })
    }

    fn range(r: &RangeObj) -> IterState {
        IterState::Range { next: r.start, stop: r.stop, step: r.step }
    }

    /// The next Int of a range (`Some(None)` when it is done); None when
    /// this is not a range.
    #[inline(always)]
    pub fn next_of_range(&mut self) -> Option<Option<i64>> {
        let IterState::Range { next, stop, step } = self else { return None };
        let done = if *step > 0 { *next >= *stop } else { *next <= *stop };
        if done {
            return Some(None);
        }
        let v = *next;
        *next = next.checked_add(*step).unwrap_or(*stop);
        Some(Some(v))
    }

    /// The next item of a list or tuple, cloned (`Some(None)` when it is
    /// done); None when this is not one.
    #[inline(always)]
    pub fn next_of_seq(&mut self) -> Option<Option<Value>> {
        let IterState::Seq { items, idx } = self else { return None };
        let v = items.get(*idx).cloned();
        if v.is_some() {
            *idx += 1;
        }
        Some(v)
    }

    pub fn next(&mut self) -> Option<Value> {
        if let Some(v) = self.next_of_range() {
            return v.map(Value::Int);
        }
        if let Some(v) = self.next_of_seq() {
            return v;
        }
        match self {
            IterState::Range { .. } | IterState::Seq { .. } => None,
            IterState::Str { s, byte } => {
                let c = s.get(*byte..)?.chars().next()?;
                *byte += c.len_utf8();
                Some(Value::str(c.to_string()))
            }
            IterState::Keys { dict, idx } => {
                let (k, _) = dict.get_index(*idx)?;
                *idx += 1;
                Some(k.0.clone())
            }
            IterState::Enumerate { .. } | IterState::Items { .. } => {
                let (a, b) = self.next_pair()??;
                Some(Value::tuple(vec![a, b]))
            }
        }
    }

    /// The next pair of an `Enumerate` or `Items` iterator, without making
    /// its tuple (`Some(None)` when it is done); None for other iterators.
    #[inline]
    pub fn next_pair(&mut self) -> Option<Option<(Value, Value)>> {
        match self {
            IterState::Enumerate { inner, next } => Some(inner.next().map(|v| {
                let i = *next;
                *next = next.wrapping_add(1);
                (Value::Int(i), v)
            })),
            IterState::Items { dict, idx } => Some(dict.get_index(*idx).map(|(k, v)| {
                *idx += 1;
                (k.0.clone(), v.clone())
            })),
            _ => None,
        }
    }
}
