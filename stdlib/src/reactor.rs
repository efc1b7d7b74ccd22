//! The reactor: one `mio::Poll` on its own thread turns socket readiness
//! into task wake-ups. Each socket has an `IoSource` with a readiness flag
//! and a waiting waker per direction. Sockets are registered once,
//! edge-triggered, for both directions.
//!
//! Protocol (no lost wake-up): an operation tries the socket; on
//! `WouldBlock` it locks the source, and if the direction was marked ready
//! meanwhile it clears the flag and tries again, otherwise it leaves its
//! waker. The reactor marks the direction ready and takes the waker under
//! the same lock, then wakes it.

use mio::{Events, Interest, Poll, Registry, Token};
use parking_lot::Mutex;
use runtime::Waker;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

#[derive(Default)]
struct Direction {
    ready: bool,
    waker: Option<Waker>,
}

#[derive(Default)]
pub struct IoSource {
    read: Mutex<Direction>,
    write: Mutex<Direction>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Read,
    Write,
}

impl IoSource {
    fn dir(&self, d: Dir) -> &Mutex<Direction> {
        match d {
            Dir::Read => &self.read,
            Dir::Write => &self.write,
        }
    }

    /// After `WouldBlock`: true if readiness arrived meanwhile (try again),
    /// otherwise the waker is left and the caller returns Pending.
    pub fn park(&self, d: Dir, waker: &Waker) -> bool {
        let mut st = self.dir(d).lock();
        if st.ready {
            st.ready = false;
            return true;
        }
        st.waker = Some(waker.clone());
        false
    }

    /// Forgets the waiting waker of `waker`'s task (its operation was
    /// cancelled); another operation's waker is left alone.
    pub fn unpark(&self, d: Dir, waker: &Waker) {
        let mut st = self.dir(d).lock();
        if st.waker.as_ref().is_some_and(|w| w.same_task(waker)) {
            st.waker = None;
        }
    }

    fn fire(&self, d: Dir) {
        let waker = {
            let mut st = self.dir(d).lock();
            st.ready = true;
            st.waker.take()
        };
        if let Some(w) = waker {
            w.wake();
        }
    }
}

pub struct Reactor {
    registry: Registry,
    sources: Mutex<HashMap<usize, Arc<IoSource>>>,
    next: AtomicUsize,
}

/// The process's reactor, started on first use.
pub fn get() -> Option<&'static Reactor> {
    static REACTOR: OnceLock<Option<Reactor>> = OnceLock::new();
    REACTOR.get_or_init(start).as_ref()
}

fn start() -> Option<Reactor> {
    let poll = Poll::new().ok()?;
    let registry = poll.registry().try_clone().ok()?;
    let thread = std::thread::Builder::new().name("mojolite-reactor".into()).spawn(move || run(poll));
    thread.ok()?;
    Some(Reactor { registry, sources: Mutex::new(HashMap::new()), next: AtomicUsize::new(1) })
}

fn run(mut poll: Poll) {
    let mut events = Events::with_capacity(1024);
    loop {
        if poll.poll(&mut events, Some(Duration::from_millis(250))).is_err() {
            std::thread::sleep(Duration::from_millis(10));
            continue;
        }
        let Some(reactor) = get() else { return };
        for ev in events.iter() {
            let source = reactor.sources.lock().get(&ev.token().0).cloned();
            let Some(source) = source else { continue };
            // Errors and hang-ups wake both directions: the operation sees them.
            if ev.is_readable() || ev.is_read_closed() || ev.is_error() {
                source.fire(Dir::Read);
            }
            if ev.is_writable() || ev.is_write_closed() || ev.is_error() {
                source.fire(Dir::Write);
            }
        }
    }
}

impl Reactor {
    /// Registers a socket for both directions; returns its token and source.
    pub fn register(&self, s: &mut impl mio::event::Source) -> std::io::Result<(usize, Arc<IoSource>)> {
        let token = self.next.fetch_add(1, Ordering::Relaxed);
        let source = Arc::new(IoSource::default());
        self.sources.lock().insert(token, source.clone());
        if let Err(e) = self.registry.register(s, Token(token), Interest::READABLE | Interest::WRITABLE) {
            self.sources.lock().remove(&token);
            return Err(e);
        }
        Ok((token, source))
    }

    pub fn deregister(&self, token: usize, s: &mut impl mio::event::Source) {
        let _ = self.registry.deregister(s);
        self.sources.lock().remove(&token);
    }
}
