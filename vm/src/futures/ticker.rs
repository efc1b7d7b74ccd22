//! `after(secs)` and `ticker(secs)`: a channel (capacity 1) fed by a small
//! runtime task that a timer wakes. `after` sends `()` once; `ticker` sends
//! every period and drops the ticks a slow reader missed. The feeder stops
//! when the channel is dropped.

use crate::chan::ChannelObj;
use crate::value::Value;
use parking_lot::Mutex;
use runtime::{Poll, Schedulable, Shared, TaskHeader, TaskRef};
use std::sync::{Arc, Weak};

pub struct TickTask {
    header: TaskHeader,
    ch: Weak<ChannelObj>,
    rt: Arc<Shared>,
    period: Option<u64>,
    next: Mutex<u64>,
    timer: Mutex<Option<runtime::TimerHandle>>,
}

/// Starts the feeder for `ch`: first tick `delay` ns from now.
pub fn start(rt: &Arc<Shared>, ch: &Arc<ChannelObj>, delay: u64, period: Option<u64>) {
    let now = rt.clock.now_ns();
    let task = Arc::new(TickTask {
        header: TaskHeader::new(),
        ch: Arc::downgrade(ch),
        rt: rt.clone(),
        period,
        next: Mutex::new(now.saturating_add(delay)),
        timer: Mutex::new(None),
    });
    rt.spawn(task as TaskRef);
}

impl Schedulable for TickTask {
    fn header(&self) -> &TaskHeader {
        &self.header
    }

    fn runtime(&self) -> Option<&Arc<Shared>> {
        Some(&self.rt)
    }

    fn poll(self: Arc<Self>) -> Poll {
        let Some(ch) = self.ch.upgrade() else { return Poll::Done };
        let now = self.rt.clock.now_ns();
        let mut next = self.next.lock();
        if now >= *next {
            let _ = ch.chan.try_send(Value::Unit);
            match self.period {
                None => return Poll::Done,
                Some(p) => {
                    let p = p.max(1);
                    while *next <= now {
                        *next = next.saturating_add(p);
                    }
                }
            }
        }
        let waker = runtime::Waker::new(self.clone() as TaskRef);
        *self.timer.lock() = Some(self.rt.timers.add(*next, waker));
        Poll::Pending
    }
}
