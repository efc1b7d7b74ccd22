//! Systematic interleaving tests for the channel, `select` and semaphore
//! protocols (issue 5, item 3).
//!
//! A deterministic model checker of our own (`interleavings/explorer.rs`)
//! runs a handful of tasks, each a small program of channel or semaphore
//! operations (`interleavings/model.rs`; the invariants are in `checks.rs`),
//! one primitive call per atomic step, and explores *every* order in which
//! the runnable tasks can take their steps (and every first arm a `select`
//! may start with). Tasks sleep and
//! wake through the real `TaskHeader` state machine with detached wakers, so
//! a task only steps when it is runnable and a lost wake-up leaves it asleep.
//! After each interleaving the model checks that nothing was lost, duplicated
//! or reordered, that closing behaves, and that nobody sleeps while it could
//! progress. Each scenario prints how many interleavings it explored; a
//! broken invariant fails with the trace of the interleaving.

#[path = "interleavings/checks.rs"]
mod checks;
#[path = "interleavings/explorer.rs"]
mod explorer;
#[path = "interleavings/model.rs"]
mod model;

use explorer::{explore, Limits};
use model::{Model, Op, Spec};
use Op::*;

/// Builds a scenario: `chans` are channel capacities; tasks are named.
struct Scenario {
    name: &'static str,
    spec: Spec,
}

impl Scenario {
    fn new(name: &'static str, chans: &[usize]) -> Scenario {
        Scenario { name, spec: Spec { chans: chans.to_vec(), ..Spec::default() } }
    }

    /// A semaphore of `permits`, `held` of them taken up front by task `by`.
    fn sem(mut self, permits: usize, by: usize, held: usize) -> Scenario {
        self.spec.sems.push((permits, vec![(by, held)]));
        self
    }

    fn task(mut self, name: &str, prog: Vec<Op>) -> Scenario {
        self.spec.tasks.push((name.to_string(), prog));
        self
    }

    /// Tasks that must finish in every interleaving (default: none; the
    /// lost-wake-up check still applies to every task left asleep).
    fn must_finish(mut self, tasks: &[usize]) -> Scenario {
        self.spec.must_finish = tasks.to_vec();
        self
    }

    fn must_all_finish(mut self) -> Scenario {
        self.spec.must_finish = (0..self.spec.tasks.len()).collect();
        self
    }

    fn run(self) -> u64 {
        let spec = self.spec;
        explore(self.name, || Model::new(&spec), Limits::default()).runs
    }
}

#[test]
fn unbuffered_two_senders_one_receiver() {
    Scenario::new("unbuffered: 2 senders x 2 values, 1 receiver", &[0])
        .task("S0", vec![Send(0), Send(0)])
        .task("S1", vec![Send(0), Send(0)])
        .task("R", vec![Recv(0), Recv(0), Recv(0), Recv(0)])
        .must_all_finish()
        .run();
}

#[test]
fn buffered_two_senders_two_receivers() {
    Scenario::new("buffered(1): 2 senders x 2 values, 2 receivers x 2", &[1])
        .task("S0", vec![Send(0), Send(0)])
        .task("S1", vec![Send(0), Send(0)])
        .task("R0", vec![Recv(0), Recv(0)])
        .task("R1", vec![Recv(0), Recv(0)])
        .must_all_finish()
        .run();
}

#[test]
fn buffered_send_completes_when_a_receiver_makes_room() {
    // The second send parks (buffer full); a receive must move its value into
    // the buffer and complete it: backpressure, not a hand-off.
    Scenario::new("buffered(1): a receive makes room for a parked send", &[1])
        .task("S", vec![Send(0), Send(0)])
        .task("R", vec![Recv(0)])
        .must_all_finish()
        .run();
}

#[test]
fn cancelled_receiver_passes_its_wake_up_on() {
    // R0 may be cancelled at any point: before it waits, while it waits, or
    // after a sender woke it for a value it will now never take.
    Scenario::new("unbuffered: receiver cancelled around its wake-up", &[0])
        .task("S", vec![Send(0)])
        .task("R0", vec![Recv(0)])
        .task("R1", vec![Recv(0)])
        .task("C", vec![Cancel(1)])
        .must_finish(&[0, 3])
        .run();
    Scenario::new("buffered(1): receiver cancelled around its wake-up", &[1])
        .task("S", vec![Send(0), Send(0)])
        .task("R0", vec![Recv(0)])
        .task("R1", vec![Recv(0), Recv(0)])
        .task("C", vec![Cancel(1)])
        .must_finish(&[0, 3])
        .run();
}

#[test]
fn cancelled_sender_withdraws_or_delivers() {
    Scenario::new("unbuffered: sender cancelled while parked", &[0])
        .task("S0", vec![Send(0), Send(0)])
        .task("S1", vec![Send(0)])
        .task("R", vec![RecvAll(0)])
        .task("C", vec![Cancel(0), Close(0)])
        .must_finish(&[2, 3])
        .run();
}

#[test]
fn close_races_parked_send_and_waiting_recv() {
    Scenario::new("unbuffered: close vs parked send and waiting recv", &[0])
        .task("S", vec![Send(0), Send(0)])
        .task("R0", vec![RecvAll(0)])
        .task("R1", vec![RecvAll(0)])
        .task("C", vec![Close(0)])
        .must_all_finish()
        .run();
    Scenario::new("buffered(1): close vs buffered, parked send and recv", &[1])
        .task("S0", vec![Send(0), Send(0)])
        .task("S1", vec![Send(0)])
        .task("R", vec![RecvAll(0)])
        .task("C", vec![Close(0)])
        .must_all_finish()
        .run();
}

#[test]
fn try_send_hand_off_then_close_is_delivered() {
    Scenario::new("unbuffered: try_send to a waiting receiver, then close", &[0])
        .task("R", vec![RecvAll(0)])
        .task("T", vec![TrySend(0), Close(0)])
        .must_all_finish()
        .run();
    // The receiver the value was handed to may be cancelled: another takes it.
    Scenario::new("unbuffered: try_send hand-off, close, cancelled receiver", &[0])
        .task("R0", vec![RecvAll(0)])
        .task("R1", vec![RecvAll(0)])
        .task("T", vec![TrySend(0), TrySend(0), Close(0)])
        .task("C", vec![Cancel(0)])
        .must_finish(&[1, 2, 3])
        .run();
}

#[test]
fn send_hand_off_to_a_cancelled_receiver_is_delivered() {
    // A send that finds a receiver waiting hands its value over and is done;
    // if that receiver is cancelled before it runs, another one takes it.
    Scenario::new("unbuffered: send hand-off, cancelled receiver, close", &[0])
        .task("R0", vec![Recv(0)])
        .task("R1", vec![RecvAll(0)])
        .task("S", vec![Send(0), Send(0), Close(0)])
        .task("C", vec![Cancel(0)])
        .must_finish(&[1, 2, 3])
        .run();
}

#[test]
fn select_takes_one_and_deregisters_from_the_other() {
    Scenario::new("select x2 over 2 unbuffered channels, a sender on each", &[0, 0])
        .task("S0", vec![Send(0)])
        .task("S1", vec![Send(1)])
        .task("Sel", vec![Select(vec![0, 1]), Select(vec![0, 1])])
        .must_all_finish()
        .run();
    // A plain receiver competes on c1: when the select takes c0's value after
    // c1 woke it, its cancel on c1 must pass the wake-up on to R.
    Scenario::new("select over c0,c1 vs a receiver on c1", &[0, 0])
        .task("S0", vec![Send(0)])
        .task("S1", vec![Send(1), Send(1)])
        .task("Sel", vec![Select(vec![0, 1])])
        .task("R", vec![Recv(1)])
        .must_finish(&[2])
        .run();
    Scenario::new("select over buffered(1) c0 and unbuffered c1 vs receivers", &[1, 0])
        .task("S0", vec![Send(0)])
        .task("S1", vec![Send(1)])
        .task("Sel", vec![Select(vec![0, 1])])
        .task("R", vec![Select(vec![1, 0])])
        .must_all_finish()
        .run();
    Scenario::new("two selects over the same two unbuffered channels", &[0, 0])
        .task("S0", vec![Send(0)])
        .task("S1", vec![Send(1)])
        .task("Sel0", vec![Select(vec![0, 1])])
        .task("Sel1", vec![Select(vec![0, 1])])
        .must_all_finish()
        .run();
}

#[test]
fn select_with_closing_channels() {
    Scenario::new("select loop over 2 channels that senders close", &[0, 1])
        .task("S0", vec![Send(0), Close(0)])
        .task("S1", vec![Send(1), Close(1)])
        .task("Sel", vec![SelectAll(vec![0, 1])])
        .must_all_finish()
        .run();
    Scenario::new("select loop vs a closer racing the senders", &[0, 1])
        .task("S0", vec![Send(0)])
        .task("S1", vec![Send(1)])
        .task("C", vec![Close(0), Close(1)])
        .task("Sel", vec![SelectAll(vec![0, 1])])
        .must_all_finish()
        .run();
}

#[test]
fn cancelled_select_passes_its_wake_ups_on() {
    Scenario::new("select cancelled while senders race on both arms", &[0, 0])
        .task("S0", vec![Send(0)])
        .task("S1", vec![Send(1)])
        .task("Sel", vec![Select(vec![0, 1])])
        .task("R0", vec![Recv(0)])
        .task("R1", vec![Recv(1)])
        .task("C", vec![Cancel(2)])
        .must_finish(&[5])
        .run();
}

#[test]
fn semaphore_acquirers_releaser_and_cancelled_acquirer() {
    // One permit, held at the start by Rel; A2 is cancelled at any point.
    Scenario::new("semaphore(1): 3 acquirers (1 cancelled), 1 releaser", &[])
        .sem(1, 3, 1)
        .task("A0", vec![Acquire(0), Release(0)])
        .task("A1", vec![Acquire(0), Release(0)])
        .task("A2", vec![Acquire(0), Release(0)])
        .task("Rel", vec![Release(0)])
        .task("C", vec![Cancel(2)])
        .must_finish(&[0, 1, 3, 4])
        .run();
    Scenario::new("semaphore(2): 3 acquirers (1 cancelled), releaser of 2", &[])
        .sem(2, 3, 2)
        .task("A0", vec![Acquire(0), Release(0)])
        .task("A1", vec![Acquire(0), Release(0)])
        .task("A2", vec![Acquire(0), Release(0)])
        .task("Rel", vec![Release(0), Release(0)])
        .task("C", vec![Cancel(2)])
        .must_finish(&[0, 1, 3, 4])
        .run();
}

/// Test of the tests: a select that forgets to deregister from its losing
/// arms keeps a wake-up meant for another receiver; the explorer must say so.
#[test]
#[should_panic(expected = "lost wake-up: R is asleep in Recv(1)")]
fn explorer_catches_a_select_that_keeps_its_losing_arms() {
    let mut s = Scenario::new("broken select (must fail)", &[0, 0])
        .task("S0", vec![Send(0)])
        .task("S1", vec![Send(1)])
        .task("Sel", vec![Select(vec![0, 1])])
        .task("R", vec![Recv(1)]);
    s.spec.broken_select = true;
    s.run();
}
