//! The checks at the end of an interleaving of the model (model.rs), once no
//! task can run:
//! - lost wake-ups: every blocked task is polled once more; if it could make
//!   progress (a value, `Closed`, a send outcome, a granted permit) it was
//!   left asleep by mistake; so is a task waiting for a permit that is free,
//!   or a sender parked on a buffered channel with room;
//! - accounting: channels are drained; every value whose send reported `Sent`
//!   was received exactly once (or is still buffered), no value is received
//!   twice or from the wrong channel, none that was never sent, none whose
//!   send failed or was withdrawn (a cancelled send may have been received
//!   before its cancellation, not after), none left in a channel a receiver
//!   saw closed and drained;
//! - FIFO: the values of one sender leave a channel in the order sent;
//! - semaphores: free permits + permits held = the initial count;
//! - the tasks the scenario says must finish have finished.

use crate::explorer::Cx;
use crate::model::{Cur, Model, Op, Outcome, Val};
use runtime::RecvPoll;
use std::collections::HashMap;

impl Model {
    pub(crate) fn check_end(&mut self, done: &[bool], cx: &mut Cx) -> Result<(), String> {
        for &k in &self.spec.must_finish {
            if !done[k] {
                return Err(format!("{} did not finish ({})", self.tasks[k].name, self.blocked_on(k)));
            }
        }
        // Lost wake-ups: a blocked task that would progress if polled now.
        for k in (0..self.tasks.len()).filter(|&k| !done[k]) {
            let who = format!("{} is asleep in {}", self.tasks[k].name, self.blocked_on(k));
            let op = self.tasks[k].prog[self.tasks[k].pc].clone();
            match (&mut self.tasks[k].cur, op) {
                (Cur::Send { op, .. }, Op::Send(ch)) => {
                    let ch_ = &self.chans[ch];
                    if let Some(o) = ch_.poll_send(op, &mut None, cx.waker(k)) {
                        return Err(format!("lost wake-up: {who}, but its send has completed ({o:?})"));
                    }
                    if ch_.is_closed() {
                        return Err(format!("lost wake-up: {who}, but c{ch} is closed"));
                    }
                    if ch_.capacity() > 0 && ch_.len() < ch_.capacity() {
                        return Err(format!("{who} while c{ch}'s buffer has room ({}/{})", ch_.len(), ch_.capacity()));
                    }
                }
                (Cur::Recv { op }, Op::Recv(ch) | Op::RecvAll(ch)) => {
                    let r = self.chans[ch].poll_recv(op, cx.waker(k));
                    if !matches!(r, RecvPoll::Pending) {
                        return Err(format!("lost wake-up: {who}, but c{ch} has {r:?} for it"));
                    }
                }
                (Cur::Select(sel), Op::Select(chs) | Op::SelectAll(chs)) => {
                    for (arm, &ch) in chs.iter().enumerate() {
                        let r = self.chans[ch].poll_recv(&mut sel.ops[arm], cx.waker(k));
                        if !matches!(r, RecvPoll::Pending) {
                            return Err(format!("lost wake-up: {who}, but c{ch} has {r:?} for it"));
                        }
                    }
                }
                (Cur::Acquire { op }, Op::Acquire(s)) => {
                    if self.sems[s].poll_acquire(op, cx.waker(k)) {
                        return Err(format!("lost wake-up: {who}, but s{s} granted it a permit"));
                    }
                    if self.sems[s].available() > 0 {
                        return Err(format!("{who} while s{s} has {} free permits", self.sems[s].available()));
                    }
                }
                _ => return Err(format!("{who}: blocked outside an operation (model bug)")),
            }
        }
        // Drain what is left in the channels.
        let mut left = Vec::new();
        for (ch, c) in self.chans.iter().enumerate() {
            while let RecvPoll::Value(v) = c.try_recv() {
                if let Some(at) = self.drained_at[ch] {
                    return Err(format!(
                        "{v:?} is still in c{ch} although a receiver saw it closed and drained (step {at})"
                    ));
                }
                left.push((v, ch));
            }
        }
        // Accounting.
        let mut delivered: HashMap<Val, Vec<(usize, Option<usize>)>> = HashMap::new();
        for &(v, ch, _, at) in &self.recvs {
            delivered.entry(v).or_default().push((ch, Some(at)));
        }
        for &(v, ch) in &left {
            delivered.entry(v).or_default().push((ch, None));
        }
        for (v, ds) in &delivered {
            let Some(rec) = self.sends.get(v) else {
                return Err(format!("{v:?} was received but never sent"));
            };
            if ds.len() > 1 {
                return Err(format!(
                    "{v:?} was delivered {} times: {ds:?} (channel, step; None = left in channel)",
                    ds.len()
                ));
            }
            let (ch, at) = ds[0];
            if ch != rec.ch {
                return Err(format!("{v:?} was sent on c{} but came out of c{ch}", rec.ch));
            }
            match rec.outcome {
                Some(Outcome::Closed) | Some(Outcome::Full) => {
                    return Err(format!("{v:?} was delivered although its send failed ({:?})", rec.outcome));
                }
                Some(Outcome::Cancelled) if at.is_none_or(|a| a > rec.at) => {
                    return Err(format!("{v:?} was delivered after its send was cancelled at step {}", rec.at));
                }
                _ => {}
            }
        }
        for (v, rec) in &self.sends {
            if rec.outcome == Some(Outcome::Sent) && !delivered.contains_key(v) {
                return Err(format!("{v:?} was lost: its send on c{} returned Sent, nobody received it", rec.ch));
            }
        }
        // FIFO per sender and channel, in the order values left the channel.
        let order = self.recvs.iter().map(|&(v, ch, _, _)| (v, ch)).chain(left.iter().copied());
        let mut last: HashMap<(usize, usize), Val> = HashMap::new();
        for (v, ch) in order {
            if let Some(prev) = last.insert((v.from, ch), v) {
                if prev.seq > v.seq {
                    return Err(format!("FIFO broken on c{ch}: {v:?} came out after {prev:?}"));
                }
            }
        }
        for (s, sem) in self.sems.iter().enumerate() {
            let held: usize = self.tasks.iter().map(|t| t.held[s]).sum();
            if sem.available() + held != sem.max() {
                return Err(format!(
                    "s{s}: {} free + {held} held != {} permits (a permit was lost or duplicated)",
                    sem.available(),
                    sem.max()
                ));
            }
        }
        Ok(())
    }
    fn blocked_on(&self, k: usize) -> String {
        let t = &self.tasks[k];
        match t.prog.get(t.pc) {
            Some(op) => format!("{op:?}"),
            None => "nothing".into(),
        }
    }
}
