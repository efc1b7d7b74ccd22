//! The hot loop's channel operations (run.rs): `await ch.recv()` and
//! `await ch.send(v)` on a channel held in a local variable or a field of
//! one (`self.inbox`), when they
//! complete at once — a value waiting in a buffered channel's ring, a send
//! that `try_send` accepts — run here on the loop's `HotStack`, with no
//! out-of-line helper that hands the stack back. What follows the `Await`
//! was worked out when the function was compiled (`AwaitShape`). Anything
//! else (an empty ring, a full or closed channel, an unbuffered receive, a
//! receive past an inlined call's end) returns None, touching nothing:
//! `Vm::ready_channel_op` and then the ordinary call take it.

use super::call::type_matches;
use super::hot_stack::HotStack;
use crate::bytecode::{Op, PlaceStep};
use crate::chan::{field_path, AfterRecv, AwaitShape};
use crate::value::Value;
use runtime::TrySend;

/// Runs the operation of the call whose `Await` is at `await_at` (in
/// `code`), on the channel at the end of `steps` from slot `root` (a
/// receive pushes its result; a send takes its argument from the top).
/// Returns the instruction to go on at.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
pub(crate) fn local_chan_op(
    hs: &mut HotStack,
    stack: &mut Vec<Value>,
    shape: AwaitShape,
    code: &[Op],
    base: usize,
    root: usize,
    steps: &[PlaceStep],
    await_at: usize,
) -> Option<usize> {
    match shape {
        AwaitShape::Recv(recv) => {
            // Taken, the value must be delivered: every shape is handled below.
            let v = match hs.get(root).and_then(|r| field_path(r, steps)) {
                Some(Value::Channel(ch)) => ch.chan.try_take_buffered()?,
                _ => return None,
            };
            // The end of an inlined call between the `Await` and what takes
            // the Optional apart (`recv_skip`): its `Clear`s run here, its
            // Optional check passes.
            // (An Optional pushed as it is goes through them as usual.)
            let skip = match recv.after {
                AfterRecv::Optional | AfterRecv::Pair => 0,
                _ => recv.skip,
            };
            if skip > 0 {
                for op in code.iter().skip(await_at + 1).take(skip) {
                    if let Op::Clear(s) = *op {
                        if let Some(slot) = hs.get_mut(base + s as usize) {
                            slot.set(Value::None);
                        }
                    }
                }
            }
            match recv.after {
                AfterRecv::Match(_) | AfterRecv::Unwrap => {
                    hs.push_with(stack, || v);
                    Some(await_at + 2 + skip)
                }
                AfterRecv::StoreMatch { slot, .. } => {
                    if let Some(s) = hs.get_mut(base + slot as usize) {
                        s.set(Value::some(v.clone()));
                    }
                    hs.push_with(stack, || v);
                    Some(await_at + 3 + skip)
                }
                AfterRecv::Optional | AfterRecv::Pair => {
                    hs.push_with(stack, || Value::some(v));
                    Some(await_at + 1)
                }
            }
        }
        AwaitShape::Send { then_pop } => {
            let sent = match (hs.get(root).and_then(|r| field_path(r, steps)), hs.top_n(1)) {
                (Some(Value::Channel(ch)), [v]) => {
                    ch.elem.as_ref().is_none_or(|t| type_matches(t, v))
                        && matches!(ch.chan.try_send(v.clone()), TrySend::Sent)
                }
                _ => false,
            };
            if !sent {
                return None;
            }
            hs.drop_top();
            if then_pop {
                Some(await_at + 2)
            } else {
                hs.push_with(stack, || Value::None);
                Some(await_at + 1)
            }
        }
    }
}
