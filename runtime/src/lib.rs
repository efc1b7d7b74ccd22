//! The mojolite runtime: a work-stealing scheduler of fibers on N worker
//! threads (crossbeam-deque), timers with a real or virtual clock, and the
//! parking that keeps idle workers asleep without losing wake-ups. It knows
//! nothing about the language: it schedules anything `Schedulable`.

pub mod channel;
mod ring;
pub mod scheduler;
pub mod spinlock;
pub mod sync;
pub mod task;
pub mod timer;
pub mod waker;

pub use channel::{Channel, RecvOp, RecvPoll, SelectClaim, SendOp, SendOutcome, TrySend};
pub use scheduler::{IdleHook, Runtime, Shared, Stats};
pub use sync::{AcquireOp, Event, Semaphore, WaitOp};
pub use task::{Poll, Schedulable, TaskHeader, TaskRef};
pub use timer::{Clock, TimerHandle, Timers};
pub use waker::Waker;
