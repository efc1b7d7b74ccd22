//! `sleep(secs)` and `yield_now()`: a timer registered on first poll;
//! `sleep(0)` and `yield_now()` just go to the back of the ready queue once.

use super::{FutCx, FutPoll, NativeFuture};
use crate::value::Value;
use runtime::TimerHandle;

pub struct Sleep {
    nanos: u64,
    deadline: Option<u64>,
    timer: Option<TimerHandle>,
    yielded: bool,
}

impl Sleep {
    pub fn new(nanos: u64) -> Sleep {
        Sleep { nanos, deadline: None, timer: None, yielded: false }
    }
}

impl NativeFuture for Sleep {
    fn poll(&mut self, cx: &FutCx) -> FutPoll {
        let clock = &cx.ctx.rt.clock;
        if self.nanos == 0 {
            if self.yielded {
                return FutPoll::Ready(Ok(Value::None));
            }
            self.yielded = true;
            cx.waker().wake();
            return FutPoll::Pending;
        }
        let now = clock.now_ns();
        let deadline = *self.deadline.get_or_insert(now.saturating_add(self.nanos));
        if now >= deadline {
            if let Some(t) = self.timer.take() {
                t.cancel();
            }
            return FutPoll::Ready(Ok(Value::None));
        }
        if self.timer.is_none() {
            self.timer = Some(cx.ctx.rt.timers.add(deadline, cx.waker().clone()));
        }
        FutPoll::Pending
    }

    fn describe(&self) -> String {
        format!("sleep({}s)", self.nanos as f64 / 1e9)
    }
}

impl Drop for Sleep {
    fn drop(&mut self) {
        if let Some(t) = self.timer.take() {
            t.cancel();
        }
    }
}
