//! The world the explorer drives: channels and semaphores from `runtime`, and
//! tasks that each run a small program of operations, one primitive call per
//! step, the way the interpreter's futures (vm/src/chan.rs, vm/src/handles.rs)
//! call them:
//!
//! - `Send`: `poll_send` until it returns an outcome; `TrySend`: one `try_send`.
//! - `Recv`: `poll_recv` until a value or `Closed`; `RecvAll` repeats that (a
//!   fresh `RecvOp` per receive, like `async for`) until `Closed`.
//! - `Select`: like `SelectFut::poll`: each poll starts at an arm chosen by the
//!   explorer (the real one is random) and polls every arm, one step per arm;
//!   on a value it cancels the other arms, one step per arm. `SelectAll`
//!   repeats selects until every arm is closed.
//! - `Acquire` / `Release` on a semaphore; `Close` a channel.
//! - `Cancel(t)`: requests the cancellation of task `t` and wakes it, like
//!   `Task::cancel`. A task honours it at the start of its next poll by
//!   dropping its current operation (`cancel_send` / `cancel_recv` on each arm
//!   / `cancel_acquire`, one step each) and finishing.
//!
//! Checks at each step: a send begun after `close` fails; a receive only
//! sees `Closed` on a closed channel and never a value after that; no
//! semaphore hands out more permits than it has. The checks at the end of an
//! interleaving are in checks.rs.

use crate::explorer::{Cx, Step, World};
use runtime::{AcquireOp, Channel, RecvOp, RecvPoll, Semaphore, SendOp, SendOutcome, TrySend};
use std::collections::HashMap;
use std::fmt;

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Val {
    pub from: usize,
    pub seq: usize,
}

impl fmt::Debug for Val {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "v{}.{}", self.from, self.seq)
    }
}

#[derive(Clone, Debug)]
pub enum Op {
    Send(usize),
    TrySend(usize),
    Recv(usize),
    RecvAll(usize),
    Select(Vec<usize>),
    SelectAll(Vec<usize>),
    Close(usize),
    Cancel(usize),
    Acquire(usize),
    Release(usize),
}

/// A scenario: channels (by capacity), semaphores (by permits taken up front
/// by a task) and tasks.
#[derive(Clone, Default)]
pub struct Spec {
    pub chans: Vec<usize>,
    /// (permits, permits held at the start by task k)
    pub sems: Vec<(usize, Vec<(usize, usize)>)>,
    pub tasks: Vec<(String, Vec<Op>)>,
    pub must_finish: Vec<usize>,
    /// Test of the tests: the select forgets to cancel its losing arms, a
    /// bug the explorer must find.
    pub broken_select: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    Sent,
    Closed,
    Full,
    Cancelled,
}

pub(crate) struct SendRec {
    pub(crate) ch: usize,
    pub(crate) outcome: Option<Outcome>,
    pub(crate) at: usize,
}

pub(crate) enum Cur {
    None,
    Send { op: SendOp, slot: Option<Val>, val: Val, first: bool },
    Recv { op: RecvOp },
    Select(Sel),
    Acquire { op: AcquireOp },
}

pub(crate) struct Sel {
    pub(crate) ops: Vec<RecvOp>,
    pub(crate) start: usize,
    /// Arms polled so far in this poll, and how many of them were open.
    pub(crate) polled: usize,
    pub(crate) open: usize,
    /// Cancelling the arms: (the arm to skip, next arm to look at).
    pub(crate) finishing: Option<(Option<usize>, usize)>,
    /// The select ended: the channels were all closed, or it was dropped.
    pub(crate) ended: bool,
}

pub(crate) struct Task {
    pub(crate) name: String,
    pub(crate) prog: Vec<Op>,
    pub(crate) pc: usize,
    pub(crate) cur: Cur,
    pub(crate) seq: usize,
    pub(crate) cancel: bool,
    pub(crate) dropping: bool,
    pub(crate) held: Vec<usize>,
}

pub struct Model {
    pub(crate) spec: Spec,
    pub(crate) chans: Vec<Channel<Val>>,
    pub(crate) sems: Vec<Semaphore>,
    pub(crate) tasks: Vec<Task>,
    pub(crate) sends: HashMap<Val, SendRec>,
    /// (value, channel, receiving task, step)
    pub(crate) recvs: Vec<(Val, usize, usize, usize)>,
    pub(crate) closed_at: Vec<Option<usize>>,
    pub(crate) drained_at: Vec<Option<usize>>,
}

impl Model {
    pub fn new(spec: &Spec) -> Model {
        let chans = spec.chans.iter().map(|&cap| Channel::new(cap)).collect();
        let mut tasks: Vec<Task> = spec
            .tasks
            .iter()
            .map(|(name, prog)| Task {
                name: name.clone(),
                prog: prog.clone(),
                pc: 0,
                cur: Cur::None,
                seq: 0,
                cancel: false,
                dropping: false,
                held: vec![0; spec.sems.len()],
            })
            .collect();
        let mut sems = Vec::new();
        for (s, (permits, held)) in spec.sems.iter().enumerate() {
            let sem = Semaphore::new(*permits);
            for &(k, n) in held {
                for _ in 0..n {
                    assert!(sem.try_acquire());
                    tasks[k].held[s] += 1;
                }
            }
            sems.push(sem);
        }
        let n = spec.chans.len();
        Model {
            spec: spec.clone(),
            chans,
            sems,
            tasks,
            sends: HashMap::new(),
            recvs: Vec::new(),
            closed_at: vec![None; n],
            drained_at: vec![None; n],
        }
    }

    /// Records a received value, checking it against the close history.
    fn got(&mut self, k: usize, ch: usize, v: Val, now: usize) -> Result<(), String> {
        if let Some(at) = self.drained_at[ch] {
            return Err(format!("c{ch} handed out {v:?} after a receiver saw it closed and drained (step {at})"));
        }
        self.recvs.push((v, ch, k, now));
        Ok(())
    }

    fn saw_closed(&mut self, ch: usize, now: usize) -> Result<(), String> {
        if self.closed_at[ch].is_none() {
            return Err(format!("a receive on c{ch} returned Closed but c{ch} was never closed"));
        }
        self.drained_at[ch].get_or_insert(now);
        Ok(())
    }

    fn sent(&mut self, v: Val, outcome: Outcome) {
        if let Some(r) = self.sends.get_mut(&v) {
            r.outcome = Some(outcome);
        }
    }

    /// The current operation of task `k` completed: next one, or done.
    fn advance(&mut self, k: usize) -> Step {
        let t = &mut self.tasks[k];
        t.cur = Cur::None;
        t.pc += 1;
        if t.pc == t.prog.len() {
            Step::Done
        } else {
            Step::Continue
        }
    }

    /// One step of a select (polling an arm, or cancelling one after the end).
    fn step_select(&mut self, k: usize, chs: &[usize], fresh: bool, cx: &mut Cx) -> Result<SelStep, String> {
        let n = chs.len();
        let now = cx.now;
        let Cur::Select(sel) = &mut self.tasks[k].cur else { unreachable!() };
        let to_cancel = |skip: Option<usize>, from: usize| (from..n).find(|&a| Some(a) != skip);
        if let Some((skip, i)) = sel.finishing {
            let arm = to_cancel(skip, i).expect("a select finishing with no arm left to cancel");
            self.chans[chs[arm]].cancel_recv(&mut sel.ops[arm]);
            sel.finishing = Some((skip, arm + 1));
            cx.note(|| format!("cancel_recv(c{})", chs[arm]));
            return Ok(match to_cancel(skip, arm + 1) {
                Some(_) => SelStep::More,
                None => SelStep::Over { got: !sel.ended },
            });
        }
        if fresh {
            sel.start = cx.choose(n);
            sel.polled = 0;
            sel.open = 0;
        }
        let arm = (sel.start + sel.polled) % n;
        let ch = chs[arm];
        sel.polled += 1;
        let r = self.chans[ch].poll_recv(&mut sel.ops[arm], cx.waker(k));
        cx.note(|| format!("select arm c{ch}: poll_recv -> {r:?}"));
        match r {
            RecvPoll::Value(_) if self.spec.broken_select => sel.finishing = Some((Some(arm), n)),
            RecvPoll::Value(_) => sel.finishing = Some((Some(arm), 0)),
            RecvPoll::Closed => {}
            RecvPoll::Pending => sel.open += 1,
        }
        if sel.finishing.is_none() && sel.polled == n {
            if sel.open > 0 {
                return Ok(SelStep::Pending);
            }
            sel.ended = true;
            sel.finishing = Some((None, 0));
            cx.note(|| "every arm closed".into());
        }
        let next = match sel.finishing {
            None => SelStep::More,
            Some((skip, i)) if to_cancel(skip, i).is_some() => SelStep::More,
            Some(_) => SelStep::Over { got: !sel.ended },
        };
        match r {
            RecvPoll::Value(v) => self.got(k, ch, v, now)?,
            RecvPoll::Closed => self.saw_closed(ch, now)?,
            RecvPoll::Pending => {}
        }
        Ok(next)
    }
}

enum SelStep {
    /// More steps in this poll.
    More,
    Pending,
    /// The select is over: with a value, or not (all closed, or dropped).
    Over {
        got: bool,
    },
}

impl World for Model {
    fn task_names(&self) -> Vec<String> {
        self.tasks.iter().map(|t| t.name.clone()).collect()
    }

    fn step(&mut self, k: usize, fresh: bool, cx: &mut Cx) -> Result<Step, String> {
        let now = cx.now;
        let t = &mut self.tasks[k];
        if fresh && t.cancel && !t.dropping {
            t.dropping = true;
            cx.note(|| "cancelled: drops its operation".into());
            match &mut t.cur {
                Cur::None => return Ok(Step::Done),
                Cur::Select(sel) => {
                    sel.ended = true;
                    sel.finishing = Some((None, 0));
                }
                _ => {}
            }
        }
        if t.dropping {
            let Task { cur, prog, pc, .. } = t;
            match cur {
                Cur::Send { op, val, .. } => {
                    let ch = match prog[*pc] {
                        Op::Send(ch) => ch,
                        _ => unreachable!(),
                    };
                    self.chans[ch].cancel_send(op);
                    let v = *val;
                    cx.note(|| format!("cancel_send(c{ch}, {v:?})"));
                    if let Some(r) = self.sends.get_mut(&v) {
                        r.outcome = Some(Outcome::Cancelled);
                        r.at = now;
                    }
                    return Ok(Step::Done);
                }
                Cur::Recv { op } => {
                    let ch = match prog[*pc] {
                        Op::Recv(ch) | Op::RecvAll(ch) => ch,
                        _ => unreachable!(),
                    };
                    self.chans[ch].cancel_recv(op);
                    cx.note(|| format!("cancel_recv(c{ch})"));
                    return Ok(Step::Done);
                }
                Cur::Acquire { op } => {
                    let s = match prog[*pc] {
                        Op::Acquire(s) => s,
                        _ => unreachable!(),
                    };
                    self.sems[s].cancel_acquire(op);
                    cx.note(|| format!("cancel_acquire(s{s})"));
                    return Ok(Step::Done);
                }
                Cur::Select(_) => {
                    let chs = match &self.tasks[k].prog[self.tasks[k].pc] {
                        Op::Select(c) | Op::SelectAll(c) => c.clone(),
                        _ => unreachable!(),
                    };
                    return match self.step_select(k, &chs, false, cx)? {
                        SelStep::Over { .. } => Ok(Step::Done),
                        _ => Ok(Step::Continue),
                    };
                }
                Cur::None => return Ok(Step::Done),
            }
        }
        let op = t.prog[t.pc].clone();
        match op {
            Op::Send(ch) => {
                if matches!(t.cur, Cur::None) {
                    let val = Val { from: k, seq: t.seq };
                    t.seq += 1;
                    t.cur = Cur::Send { op: SendOp::default(), slot: Some(val), val, first: true };
                    self.sends.insert(val, SendRec { ch, outcome: None, at: now });
                }
                let Cur::Send { op, slot, val, first } = &mut self.tasks[k].cur else { unreachable!() };
                let v = *val;
                let r = self.chans[ch].poll_send(op, slot, cx.waker(k));
                cx.note(|| format!("poll_send(c{ch}, {v:?}) -> {r:?}"));
                let was_first = std::mem::replace(first, false);
                if was_first && self.closed_at[ch].is_some() && r != Some(SendOutcome::Closed) {
                    return Err(format!("a send on c{ch} begun after close returned {r:?}, not Closed"));
                }
                match r {
                    None => Ok(Step::Pending),
                    Some(o) => {
                        self.sent(v, if o == SendOutcome::Sent { Outcome::Sent } else { Outcome::Closed });
                        Ok(self.advance(k))
                    }
                }
            }
            Op::TrySend(ch) => {
                let val = Val { from: k, seq: t.seq };
                t.seq += 1;
                let r = self.chans[ch].try_send(val);
                let o = match r {
                    TrySend::Sent => Outcome::Sent,
                    TrySend::Full(_) => Outcome::Full,
                    TrySend::Closed(_) => Outcome::Closed,
                };
                cx.note(|| format!("try_send(c{ch}, {val:?}) -> {o:?}"));
                if (o == Outcome::Closed) != self.closed_at[ch].is_some() {
                    return Err(format!("try_send on c{ch} returned {o:?} (closed: {:?})", self.closed_at[ch]));
                }
                self.sends.insert(val, SendRec { ch, outcome: Some(o), at: now });
                Ok(self.advance(k))
            }
            Op::Recv(ch) | Op::RecvAll(ch) => {
                if matches!(t.cur, Cur::None) {
                    t.cur = Cur::Recv { op: RecvOp::default() };
                }
                let Cur::Recv { op } = &mut self.tasks[k].cur else { unreachable!() };
                let r = self.chans[ch].poll_recv(op, cx.waker(k));
                cx.note(|| format!("poll_recv(c{ch}) -> {r:?}"));
                match r {
                    RecvPoll::Pending => Ok(Step::Pending),
                    RecvPoll::Value(v) => {
                        self.got(k, ch, v, now)?;
                        if matches!(self.tasks[k].prog[self.tasks[k].pc], Op::RecvAll(_)) {
                            self.tasks[k].cur = Cur::None;
                            Ok(Step::Continue)
                        } else {
                            Ok(self.advance(k))
                        }
                    }
                    RecvPoll::Closed => {
                        self.saw_closed(ch, now)?;
                        Ok(self.advance(k))
                    }
                }
            }
            Op::Select(chs) | Op::SelectAll(chs) => {
                if matches!(t.cur, Cur::None) {
                    let ops = chs.iter().map(|_| RecvOp::default()).collect();
                    t.cur = Cur::Select(Sel { ops, start: 0, polled: 0, open: 0, finishing: None, ended: false });
                }
                let all = matches!(self.tasks[k].prog[self.tasks[k].pc], Op::SelectAll(_));
                match self.step_select(k, &chs, fresh, cx)? {
                    SelStep::More => Ok(Step::Continue),
                    SelStep::Pending => Ok(Step::Pending),
                    SelStep::Over { got: true } if all => {
                        self.tasks[k].cur = Cur::None;
                        Ok(Step::Continue)
                    }
                    SelStep::Over { .. } => Ok(self.advance(k)),
                }
            }
            Op::Close(ch) => {
                self.chans[ch].close();
                self.closed_at[ch].get_or_insert(now);
                cx.note(|| format!("close(c{ch})"));
                Ok(self.advance(k))
            }
            Op::Cancel(target) => {
                self.tasks[target].cancel = true;
                cx.waker(target).wake();
                let name = self.tasks[target].name.clone();
                cx.note(|| format!("cancel({name})"));
                Ok(self.advance(k))
            }
            Op::Acquire(s) => {
                if matches!(t.cur, Cur::None) {
                    t.cur = Cur::Acquire { op: AcquireOp::default() };
                }
                let Cur::Acquire { op } = &mut self.tasks[k].cur else { unreachable!() };
                let got = self.sems[s].poll_acquire(op, cx.waker(k));
                cx.note(|| format!("poll_acquire(s{s}) -> {got}"));
                if !got {
                    return Ok(Step::Pending);
                }
                self.tasks[k].held[s] += 1;
                let held: usize = self.tasks.iter().map(|t| t.held[s]).sum();
                if held > self.sems[s].max() {
                    return Err(format!("s{s} has {held} permits held at once, more than its {}", self.sems[s].max()));
                }
                Ok(self.advance(k))
            }
            Op::Release(s) => {
                if self.tasks[k].held[s] == 0 {
                    return Err(format!("scenario bug: {} releases s{s} without holding it", self.tasks[k].name));
                }
                self.tasks[k].held[s] -= 1;
                let ok = self.sems[s].release();
                cx.note(|| format!("release(s{s}) -> {ok}"));
                if !ok {
                    return Err(format!("release(s{s}) refused a permit that was held"));
                }
                Ok(self.advance(k))
            }
        }
    }

    fn finish(&mut self, done: &[bool], cx: &mut Cx) -> Result<(), String> {
        self.check_end(done, cx)
    }
}
