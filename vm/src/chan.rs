//! `Channel[T]` as a value: a shared handle to a runtime channel of values,
//! with the element type it checks on send. Values are copied on send
//! (value semantics: a copy is a refcount bump until someone mutates).

use crate::bytecode::TypeCheck;
use crate::error::{ErrorObj, RtResult, Thrown};
use crate::futures::{self, FutCx, FutPoll, NativeFuture};
use crate::value::Value;
use runtime::{Channel, RecvOp, RecvPoll, SelectClaim, SendOp, SendOutcome, TrySend};
use smallvec::SmallVec;
use std::sync::Arc;

pub struct ChannelObj {
    pub chan: Channel<Value>,
    pub elem: Option<TypeCheck>,
}

impl std::fmt::Debug for ChannelObj {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Channel(capacity={})", self.chan.capacity())
    }
}

impl ChannelObj {
    pub fn new(capacity: usize, elem: Option<TypeCheck>) -> Arc<ChannelObj> {
        Arc::new(ChannelObj { chan: Channel::new(capacity), elem })
    }

    #[inline]
    fn check(&self, v: &Value) -> RtResult<()> {
        match &self.elem {
            Some(t) if !crate::interp::type_matches(t, v) => Err(wrong_elem(t, v)),
            _ => Ok(()),
        }
    }
}

#[cold]
#[inline(never)]
fn wrong_elem(t: &TypeCheck, v: &Value) -> Thrown {
    Thrown::type_error(format!("this channel carries {} values, not {}", t.name(), v.type_name()))
}

pub fn closed_error() -> Thrown {
    Thrown::Error(ErrorObj::value("ChannelClosed", "send on a closed channel"))
}

/// Methods of a channel handle.
pub fn method(ch: &Arc<ChannelObj>, name: &str, args: &[Value]) -> Option<RtResult<Value>> {
    let want = |n: usize| -> RtResult<()> {
        if args.len() == n {
            Ok(())
        } else {
            Err(Thrown::type_error(format!(
                "channel.{name}() takes {n} argument{} but {} were given",
                if n == 1 { "" } else { "s" },
                args.len()
            )))
        }
    };
    Some((|| -> RtResult<Value> {
        Ok(match name {
            "send" => {
                want(1)?;
                ch.check(&args[0])?;
                futures::value(SendFut { ch: ch.clone(), value: Some(args[0].clone()), op: SendOp::default() })
            }
            "recv" | "__anext__" => {
                want(0)?;
                futures::value(RecvFut { ch: ch.clone(), op: RecvOp::default(), done: false })
            }
            "try_send" => {
                want(1)?;
                ch.check(&args[0])?;
                Value::Bool(matches!(ch.chan.try_send(args[0].clone()), TrySend::Sent))
            }
            "try_recv" => {
                want(0)?;
                match ch.chan.try_recv() {
                    RecvPoll::Value(v) => Value::some(v),
                    _ => Value::None,
                }
            }
            "close" => {
                want(0)?;
                ch.chan.close();
                Value::None
            }
            "clone" | "__aiter__" => {
                want(0)?;
                Value::Channel(ch.clone())
            }
            "len" => Value::Int(ch.chan.len() as i64),
            "capacity" => Value::Int(ch.chan.capacity() as i64),
            "is_closed" => Value::Bool(ch.chan.is_closed()),
            _ => return Err(Thrown::new("AttributeError", format!("Channel has no method `{name}`"))),
        })
    })())
}

pub const METHODS: &[&str] = &[
    "send",
    "recv",
    "try_send",
    "try_recv",
    "close",
    "clone",
    "len",
    "capacity",
    "is_closed",
    "__anext__",
    "__aiter__",
];

struct SendFut {
    ch: Arc<ChannelObj>,
    value: Option<Value>,
    op: SendOp,
}

impl NativeFuture for SendFut {
    fn poll(&mut self, cx: &FutCx) -> FutPoll {
        match self.ch.chan.poll_send_with(&mut self.op, &mut self.value, || cx.waker().clone()) {
            Some(SendOutcome::Sent) => FutPoll::Ready(Ok(Value::None)),
            Some(SendOutcome::Closed) => FutPoll::Ready(Err(closed_error())),
            None => FutPoll::Pending,
        }
    }

    fn poll_committed(&mut self, cx: &FutCx) -> Option<FutPoll> {
        if self.value.is_some() {
            return None; // never parked: nothing was sent
        }
        match self.ch.chan.poll_send_with(&mut self.op, &mut None, || cx.waker().clone()) {
            Some(SendOutcome::Sent) => Some(FutPoll::Ready(Ok(Value::None))),
            _ => None,
        }
    }

    fn describe(&self) -> String {
        "channel send".into()
    }
}

impl Drop for SendFut {
    fn drop(&mut self) {
        self.ch.chan.cancel_send(&mut self.op);
    }
}

struct RecvFut {
    ch: Arc<ChannelObj>,
    op: RecvOp,
    done: bool,
}

impl RecvFut {
    fn recv(&mut self, cx: &FutCx) -> futures::BarePoll {
        match self.ch.chan.poll_recv_with(&mut self.op, || cx.waker().clone()) {
            RecvPoll::Value(v) => {
                self.done = true;
                futures::BarePoll::Value(v)
            }
            RecvPoll::Closed => {
                self.done = true;
                futures::BarePoll::Closed
            }
            RecvPoll::Pending => futures::BarePoll::Pending,
        }
    }
}

impl NativeFuture for RecvFut {
    fn poll(&mut self, cx: &FutCx) -> FutPoll {
        match self.recv(cx) {
            futures::BarePoll::Value(v) => FutPoll::Ready(Ok(Value::some(v))),
            futures::BarePoll::Closed => FutPoll::Ready(Ok(Value::None)),
            futures::BarePoll::Pending => FutPoll::Pending,
        }
    }

    fn poll_bare(&mut self, cx: &FutCx) -> Option<futures::BarePoll> {
        Some(self.recv(cx))
    }

    fn describe(&self) -> String {
        "channel recv".into()
    }
}

impl Drop for RecvFut {
    fn drop(&mut self) {
        if !self.done {
            self.ch.chan.cancel_recv(&mut self.op);
        }
    }
}

/// The fast path of `await select(chans)`: `(index, value)` of a channel
/// that has a value now, trying them from a random one (as `SelectFut`
/// does, so no ready channel is starved); None when none has (closed ones
/// included), leaving the ordinary select to wait, or to raise.
pub fn ready_select(chans: &[Value]) -> Option<(usize, Value)> {
    ready_select_of(chans.len(), |i| &chans[i])
}

/// `ready_select` on the `n` channels `chan(0..n)`.
pub fn ready_select_of<'a>(n: usize, chan: impl Fn(usize) -> &'a Value) -> Option<(usize, Value)> {
    if n == 0 || !(0..n).all(|i| matches!(chan(i), Value::Channel(_))) {
        return None;
    }
    let start = if n == 1 { 0 } else { crate::rng::below(n as u64) as usize };
    for k in 0..n {
        let i = (start + k) % n;
        let Value::Channel(ch) = chan(i) else { return None };
        if let RecvPoll::Value(v) = ch.chan.try_recv() {
            return Some((i, v));
        }
    }
    None
}

/// What a select over one channel found in one pass.
pub enum OneSelect {
    /// A value, taken.
    Value(Value),
    /// None yet: the future, already registered with the channel (under
    /// the lock that found it empty), to await.
    Wait(Value),
    /// Not a channel, or closed: the ordinary select decides (and raises).
    Ordinary,
}

/// `select([ch])` over one channel: receives, or registers `waker` with the
/// channel in the same pass (as `await ch.recv()` does), so a select that
/// must wait takes the channel's lock once, not once to look and again to
/// register.
pub fn select_one(chan: &Value, waker: impl FnOnce() -> runtime::Waker) -> OneSelect {
    let Value::Channel(ch) = chan else { return OneSelect::Ordinary };
    let mut op = RecvOp::default();
    match ch.chan.poll_recv_with(&mut op, waker) {
        RecvPoll::Value(v) => OneSelect::Value(v),
        RecvPoll::Pending => OneSelect::Wait(futures::value(SelectFut::registered(ch.clone(), op))),
        RecvPoll::Closed => OneSelect::Ordinary,
    }
}

/// Pushes select's result: `(i, v)`, or with `pair` its two items.
#[inline]
pub fn push_select_result(stack: &mut Vec<Value>, i: usize, v: Value, pair: bool) {
    if pair {
        stack.push(Value::Int(i as i64));
        stack.push(v);
    } else {
        stack.push(Value::tuple(vec![Value::Int(i as i64), v]));
    }
}

/// The future of `select(chans)` when every value is a channel; None
/// otherwise (for the ordinary call to report).
pub fn select_future_of<'a>(chans: impl Iterator<Item = &'a Value>) -> Option<Value> {
    let chans = chans
        .map(|c| match c {
            Value::Channel(ch) => Some(ch.clone()),
            _ => None,
        })
        .collect::<Option<SmallVec<[_; 2]>>>()?;
    (!chans.is_empty()).then(|| futures::value(SelectFut::new(chans)))
}

/// `select([ch1, ch2, …])`: the first ready receive as `(index, value)`.
pub struct SelectFut {
    chans: SmallVec<[Arc<ChannelObj>; 2]>,
    ops: SmallVec<[RecvOp; 2]>,
    /// Shared by the arms (several only): see `runtime::SelectClaim`.
    claim: Option<SelectClaim>,
    done: bool,
}

impl SelectFut {
    pub fn new(chans: impl IntoIterator<Item = Arc<ChannelObj>>) -> SelectFut {
        let chans: SmallVec<[Arc<ChannelObj>; 2]> = chans.into_iter().collect();
        let claim = (chans.len() > 1).then(SelectClaim::new);
        let ops = (0..chans.len())
            .map(|i| match &claim {
                Some(c) => RecvOp::in_select(c, i),
                None => RecvOp::default(),
            })
            .collect();
        SelectFut { chans, ops, claim, done: false }
    }

    /// A select over `ch` whose receive `op` is already registered.
    fn registered(ch: Arc<ChannelObj>, op: RecvOp) -> SelectFut {
        SelectFut { chans: smallvec::smallvec![ch], ops: smallvec::smallvec![op], claim: None, done: false }
    }

    /// One poll: the winning `(index, value)`, ChannelClosed when every
    /// channel is closed, or Pending (registered with each channel).
    fn poll_select(&mut self, cx: &FutCx) -> futures::PairPoll {
        let n = self.chans.len();
        // Start at a random arm so no ready channel is starved (one arm:
        // no choice to make, and no trip through the shared generator).
        let start = if n == 1 { 0 } else { crate::rng::below(n as u64) as usize };
        // An arm whose channel handed this select a value (an unbuffered
        // send that completed on the promise of this receive) goes first.
        let claimed = self.claim.as_ref().and_then(SelectClaim::claimed).filter(|&a| a < n);
        let order = claimed.into_iter().chain((0..n).map(|k| (start + k) % n).filter(|&i| Some(i) != claimed));
        let mut open = 0;
        for i in order {
            match self.chans[i].chan.poll_recv_with(&mut self.ops[i], || cx.waker().clone()) {
                RecvPoll::Value(v) => {
                    self.finish(i);
                    return futures::PairPoll::Ready(i, v);
                }
                RecvPoll::Closed => {}
                RecvPoll::Pending => open += 1,
            }
        }
        if open == 0 {
            self.finish(usize::MAX);
            return futures::PairPoll::Failed(Thrown::Error(ErrorObj::value(
                "ChannelClosed",
                "every channel in select is closed",
            )));
        }
        futures::PairPoll::Pending
    }

    fn finish(&mut self, winner: usize) {
        self.done = true;
        for (i, (ch, op)) in self.chans.iter().zip(self.ops.iter_mut()).enumerate() {
            if i != winner {
                ch.chan.cancel_recv(op);
            }
        }
    }
}

impl NativeFuture for SelectFut {
    fn poll(&mut self, cx: &FutCx) -> FutPoll {
        match self.poll_select(cx) {
            futures::PairPoll::Ready(i, v) => FutPoll::Ready(Ok(Value::tuple(vec![Value::Int(i as i64), v]))),
            futures::PairPoll::Failed(e) => FutPoll::Ready(Err(e)),
            futures::PairPoll::Pending => FutPoll::Pending,
        }
    }

    fn poll_pair(&mut self, cx: &FutCx) -> Option<futures::PairPoll> {
        Some(self.poll_select(cx))
    }

    fn describe(&self) -> String {
        format!("select over {} channels", self.chans.len())
    }
}

impl Drop for SelectFut {
    fn drop(&mut self) {
        if !self.done {
            for (ch, op) in self.chans.iter().zip(self.ops.iter_mut()) {
                ch.chan.cancel_recv(op);
            }
        }
    }
}

impl crate::interp::Vm {
    /// The fast path of `await ch.send(v)` / `await ch.recv()`, and of the
    /// `__anext__` of `async for v in ch` (`await_at` is the index of the
    /// `Await`). If the operation can complete without waiting (a value is
    /// ready, a buffered channel has room, an unbuffered one has a waiting
    /// receiver to hand the value to), it is done here and its result
    /// replaces the receiver and arguments on the stack. A receive that must
    /// wait registers the task with the channel under the same lock that
    /// found it empty, and leaves its future on the stack for the `Await` to
    /// poll when the task is woken. A send that must wait, and everything
    /// that is not one of these calls, takes the ordinary path.
    ///
    /// What follows the `Await` is looked at too, so that a received value
    /// goes where it is wanted without a `Some` around it: a `MatchUnwrap`
    /// of `Some` (`while let Some(v) = await ch.recv()`) or the `ForUnwrap`
    /// of `async for` takes the value or, on a closed channel, its failure
    /// jump; a plain `.unwrap()` takes the value; a `Pop` after a send is
    /// skipped.
    pub(crate) fn ready_channel_op(
        &mut self,
        site: &crate::bytecode::MethodSite,
        place: Option<&crate::bytecode::Place>,
        proto: &crate::bytecode::FuncProto,
        await_at: usize,
    ) -> RtResult<ChanStep> {
        use crate::bytecode::Op;
        let argc = site.call.argc as usize;
        if !site.call.kwnames.is_empty()
            || !site.call.stars.is_empty()
            || !matches!((&*site.name, argc), ("recv" | "__anext__", 0) | ("send", 1))
        {
            return Ok(ChanStep::Ordinary);
        }
        let len = self.fiber.stack.len();
        let Some(args_at) = len.checked_sub(argc) else { return Ok(ChanStep::Ordinary) };
        // The channel is borrowed where it sits on the stack (or in a struct
        // there): cloning the handle would bounce its refcount between the
        // workers of every task that uses the channel.
        let ch_at = match place {
            Some(p) => match p.root {
                crate::bytecode::PlaceRoot::Local(s) => self.base() + s as usize,
                crate::bytecode::PlaceRoot::Global(_) => return Ok(ChanStep::Ordinary),
            },
            None => match args_at.checked_sub(1) {
                Some(i) => i,
                None => return Ok(ChanStep::Ordinary),
            },
        };
        let steps = place.map_or(&[][..], |p| &p.steps[..]);
        let Some(Value::Channel(ch)) = self.fiber.stack.get(ch_at).and_then(|root| field_path(root, steps)) else {
            return Ok(ChanStep::Ordinary);
        };
        // Drop the arguments, and the receiver when it was on the stack.
        let keep = if place.is_some() { args_at } else { args_at - 1 };
        if argc == 0 {
            let Some(task) = &self.task else { return Ok(ChanStep::Ordinary) };
            let mut op = RecvOp::default();
            let polled = ch.chan.poll_recv_with(&mut op, || task.waker());
            let shape = match site.await_shape {
                Some(AwaitShape::Recv(shape)) => shape,
                _ => RecvShape::at(proto, await_at),
            };
            let after = shape.after;
            // Past the end of an inlined call (see `after_recv`): its `Clear`s
            // run here when it is skipped.
            let skip = match (&polled, &after) {
                (RecvPoll::Pending, _) | (_, AfterRecv::Optional | AfterRecv::Pair) => 0,
                _ => shape.skip,
            };
            let base = self.base();
            match (polled, after) {
                (RecvPoll::Pending, _) => {
                    let fut = futures::value(RecvFut { ch: ch.clone(), op, done: false });
                    let interrupted = task.interrupt_pending();
                    Value::truncate(&mut self.fiber.stack, keep);
                    self.push(fut);
                    // A pending cancellation is raised by the `Await`
                    // (which withdraws the registration).
                    return Ok(if interrupted { ChanStep::Continue(await_at) } else { ChanStep::Suspend });
                }
                (RecvPoll::Value(v), AfterRecv::StoreMatch { slot, .. }) => {
                    Value::truncate(&mut self.fiber.stack, keep);
                    run_clears(&mut self.fiber.stack, proto, await_at + 1, skip, base);
                    let at = self.base() + slot as usize;
                    if let Some(s) = self.fiber.stack.get_mut(at) {
                        s.set(Value::some(v.clone()));
                    }
                    self.push(v);
                    return Ok(ChanStep::Continue(await_at + 3 + skip));
                }
                (RecvPoll::Closed, AfterRecv::StoreMatch { slot, fail }) => {
                    Value::truncate(&mut self.fiber.stack, keep);
                    run_clears(&mut self.fiber.stack, proto, await_at + 1, skip, base);
                    let at = self.base() + slot as usize;
                    if let Some(s) = self.fiber.stack.get_mut(at) {
                        s.set(Value::None);
                    }
                    return Ok(ChanStep::Continue(fail));
                }
                (RecvPoll::Value(v), AfterRecv::Optional | AfterRecv::Pair) => {
                    Value::truncate(&mut self.fiber.stack, keep);
                    self.push(Value::some(v));
                }
                (RecvPoll::Value(v), AfterRecv::Match(_) | AfterRecv::Unwrap) => {
                    Value::truncate(&mut self.fiber.stack, keep);
                    run_clears(&mut self.fiber.stack, proto, await_at + 1, skip, base);
                    self.push(v);
                    return Ok(ChanStep::Continue(await_at + 2 + skip));
                }
                (RecvPoll::Closed, AfterRecv::Match(fail)) => {
                    Value::truncate(&mut self.fiber.stack, keep);
                    run_clears(&mut self.fiber.stack, proto, await_at + 1, skip, base);
                    return Ok(ChanStep::Continue(fail));
                }
                (RecvPoll::Closed, _) => {
                    // A following `.unwrap()` runs, and reports the None.
                    Value::truncate(&mut self.fiber.stack, keep);
                    self.push(Value::None);
                }
            }
        } else {
            let v = self.fiber.stack[args_at].clone();
            ch.check(&v)?;
            match ch.chan.try_send(v) {
                TrySend::Sent => {}
                TrySend::Closed(_) => return Err(closed_error()),
                TrySend::Full(_) => return Ok(ChanStep::Ordinary),
            }
            Value::truncate(&mut self.fiber.stack, keep);
            if proto.code.get(await_at + 1) == Some(&Op::Pop) {
                return Ok(ChanStep::Continue(await_at + 2));
            }
            self.push(Value::None);
        }
        Ok(ChanStep::Continue(await_at + 1))
    }
}

/// The value at the end of a path of field steps (`self.inbox`,
/// `stage.io.out`), by reference; None for an index step or a missing field.
#[inline(always)]
pub(crate) fn field_path<'a>(root: &'a Value, steps: &[crate::bytecode::PlaceStep]) -> Option<&'a Value> {
    use crate::bytecode::PlaceStep;
    match (steps, root) {
        ([], _) => Some(root),
        // `self.inbox` met before: the cached index, with no call.
        ([PlaceStep::Field(_, cache)], _) => cache.field_of(root).or_else(|| fields_path(root, steps)),
        _ => fields_path(root, steps),
    }
}

fn fields_path<'a>(root: &'a Value, steps: &[crate::bytecode::PlaceStep]) -> Option<&'a Value> {
    let mut v = root;
    for step in steps {
        let (crate::bytecode::PlaceStep::Field(name, cache), Value::Struct(s)) = (step, v) else { return None };
        v = s.fields.get(s.ty.cached_field_index(name, cache)?)?;
    }
    Some(v)
}

/// How `ready_channel_op` left things.
pub(crate) enum ChanStep {
    /// Not a channel operation it handles, or a send that must wait: the
    /// ordinary method call and `Await` run.
    Ordinary,
    /// Done: go on at this instruction.
    Continue(usize),
    /// A receive that must wait registered; its future is on the stack and
    /// the task suspends at the `Await`.
    Suspend,
}

/// What the instruction at `at`, right after an `Await`, does with an
/// Optional result. The end of an inlined call between them — its
/// arguments' `Clear`s and a `CheckResult` every Optional passes (an
/// inlined `-> Optional[T]` function) — is looked through when what
/// follows takes an Optional apart (`recv_skip` says how many instructions
/// that is; whoever skips them runs the `Clear`s: `run_clears`).
pub(crate) fn after_recv(proto: &crate::bytecode::FuncProto, at: usize) -> AfterRecv {
    let skip = recv_skip(proto, at);
    match after_recv_at(proto, at + skip) {
        after @ (AfterRecv::Match(_) | AfterRecv::Unwrap | AfterRecv::StoreMatch { .. }) => after,
        _ if skip > 0 => AfterRecv::Optional,
        after => after,
    }
}

/// How many instructions from `at` are the transparent end of an inlined
/// call: `Clear`s and at most one `CheckResult` every Optional passes.
pub(crate) fn recv_skip(proto: &crate::bytecode::FuncProto, at: usize) -> usize {
    use crate::bytecode::{Op, TypeCheck};
    use crate::types::BuiltinType;
    let mut k = 0;
    let mut checked = false;
    loop {
        match proto.code.get(at + k) {
            Some(Op::Clear(_)) => {}
            Some(Op::CheckResult { check, .. })
                if !checked
                    && matches!(
                        proto.type_checks.get(*check as usize),
                        Some(TypeCheck::Builtin(BuiltinType::Optional | BuiltinType::Any))
                    ) =>
            {
                checked = true;
            }
            _ => return k,
        }
        k += 1;
    }
}

/// Runs the `Clear`s among the `n` instructions from `at` (skipped by a
/// fused receive; see `recv_skip`), for the frame at `base`.
pub(crate) fn run_clears(stack: &mut [Value], proto: &crate::bytecode::FuncProto, at: usize, n: usize, base: usize) {
    for op in proto.code.iter().skip(at).take(n) {
        if let crate::bytecode::Op::Clear(s) = op {
            if let Some(slot) = stack.get_mut(base + *s as usize) {
                drop(std::mem::take(slot));
            }
        }
    }
}

fn after_recv_at(proto: &crate::bytecode::FuncProto, at: usize) -> AfterRecv {
    use crate::bytecode::{Op, Variant};
    match proto.code.get(at) {
        Some(Op::MatchUnwrap { variant: Variant::Some, target }) | Some(Op::ForUnwrap(target)) => {
            AfterRecv::Match(*target as usize)
        }
        Some(Op::CallMethod(i)) if proto.method_sites.get(*i as usize).is_some_and(plain_unwrap) => AfterRecv::Unwrap,
        Some(Op::Unpack(2)) => AfterRecv::Pair,
        Some(Op::Store(slot)) => match proto.code.get(at + 1) {
            Some(Op::MatchUnwrapLocal { slot: s, variant: Variant::Some, target }) if s == slot => {
                AfterRecv::StoreMatch { slot: *slot, fail: *target as usize }
            }
            _ => AfterRecv::Optional,
        },
        _ => AfterRecv::Optional,
    }
}

/// A channel operation awaited at once, and what follows its `Await`
/// (`MethodSite::await_shape`).
#[derive(Clone, Copy, Debug)]
pub enum AwaitShape {
    Recv(RecvShape),
    /// `await ch.send(v)`; `then_pop`: its None result is dropped at once.
    Send {
        then_pop: bool,
    },
}

/// What follows an `await x.recv()`: `after_recv` and `recv_skip` of the
/// instruction after its `Await`, stored in the method site.
#[derive(Clone, Copy, Debug)]
pub struct RecvShape {
    pub(crate) after: AfterRecv,
    /// `recv_skip`: the transparent end of an inlined call after the `Await`.
    pub(crate) skip: usize,
}

impl RecvShape {
    /// The shape of the receive whose `Await` is at `await_at`.
    pub(crate) fn at(proto: &crate::bytecode::FuncProto, await_at: usize) -> RecvShape {
        RecvShape { after: after_recv(proto, await_at + 1), skip: recv_skip(proto, await_at + 1) }
    }
}

/// What the instruction after `await ch.recv()` does with its Optional.
#[derive(Clone, Copy, Debug)]
pub(crate) enum AfterRecv {
    /// Nothing special: the Optional is pushed.
    Optional,
    /// `.unwrap()`: a received value is pushed bare.
    Unwrap,
    /// `MatchUnwrap` of `Some`, or `async for`'s `ForUnwrap`: a received
    /// value is pushed bare; a closed channel goes to its failure jump.
    Match(usize),
    /// `Unpack(2)`: a future that yields a pair (`select`) pushes its two
    /// items (anything else: as `Optional`).
    Pair,
    /// `Store(slot)` then `MatchUnwrapLocal` of `Some` on that slot (`let m
    /// = await ch.recv()` then `match m: case Some(v)`): a value that is
    /// ready goes into the slot as its Optional and is pushed bare, past
    /// both instructions; a closed channel stores None and goes to the
    /// match's failure jump. (A receive that waits: as `Optional`.)
    StoreMatch { slot: u16, fail: usize },
}

/// `x.unwrap()` with no arguments on the value on the stack.
fn plain_unwrap(site: &crate::bytecode::MethodSite) -> bool {
    &*site.name == "unwrap"
        && site.call.argc == 0
        && site.call.kwnames.is_empty()
        && site.call.stars.is_empty()
        && site.place.is_none()
}
