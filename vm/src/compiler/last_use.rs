//! Moving a local out at its last read: a `Load(s)` after which no path
//! through the function reads slot `s` again (before writing it) becomes a
//! `Take(s)`. The value then moves to where it is used instead of being
//! copied (one reference count up at the load, one down when the frame
//! ends): a list handed to `join(coros)` or to a function that changes it
//! is its only reference there, so it is used in place rather than copied,
//! and the objects in it are let go of as they are consumed.
//!
//! The analysis is a backward liveness over the function's instructions,
//! kept conservative by construction:
//! - only slots every reference to which is a plain `Load`, `Store`,
//!   `Take`, `Clear` or `ReturnLocal`, or a place rooted there (`LoadPlace`,
//!   `StorePlace`, a method called on it: reads of the slot) are
//!   considered; a slot named by any other instruction (a fused local
//!   operation, a loop iterator, a `match` on it) or by another side table
//!   (a `select`, an argument check, a capture) is left alone;
//! - any instruction may raise, so whatever any handler reads is live
//!   everywhere in a function that has one;
//! - the receiver of a method (slot 0) is never moved: a read-only method
//!   may hold it lent from the caller (`FrameKind::BorrowedSelf`);
//! - module code (top level, the REPL) is left alone: its frame outlives
//!   the code (the REPL reads its variables on the next input).

use crate::bytecode::{FuncProto, Op, PlaceRoot, SelfKind};

/// Rewrites each last-read `Load` of `proto` into a `Take`.
pub fn move_last_uses(proto: &mut FuncProto) {
    let candidates = candidate_slots(proto);
    if !candidates.iter().any(|&c| c) {
        return;
    }
    let Some(live_out) = live_out(proto) else { return };
    for (at, op) in proto.code.iter_mut().enumerate() {
        if let Op::Load(s) = *op {
            let s = usize::from(s);
            if candidates.get(s).copied().unwrap_or(false) && !live_out.has(at, s) {
                *op = Op::Take(s as u16);
            }
        }
    }
}

/// Which slots the analysis may move out of (see the module comment).
fn candidate_slots(proto: &FuncProto) -> Vec<bool> {
    let mut ok = vec![true; usize::from(proto.nslots)];
    let mut exclude = |s: u16| {
        if let Some(c) = ok.get_mut(usize::from(s)) {
            *c = false;
        }
    };
    if proto.self_kind != SelfKind::None {
        exclude(0);
    }
    for op in &proto.code {
        match *op {
            Op::Load(_) | Op::Store(_) | Op::Take(_) | Op::Clear(_) | Op::ReturnLocal(_) => {}
            Op::BinaryLocalConst { slot, .. }
            | Op::CompareLocalConst { slot, .. }
            | Op::LoadAttr { slot, .. }
            | Op::ForIter { slot, .. }
            | Op::MatchUnwrapLocal { slot, .. }
            | Op::JumpIfLendable { slot, .. } => exclude(slot),
            Op::IndexLocal(s) | Op::ListPushLocal(s) | Op::MatchFail(s) => exclude(s),
            _ => {}
        }
    }
    for site in &proto.select_sites {
        site.slots.iter().for_each(|&s| exclude(s));
    }
    for check in &proto.arg_checks {
        exclude(check.slot);
    }
    for cj in &proto.cmp_jumps {
        exclude(cj.slot);
    }
    for &s in &proto.capture_slots {
        exclude(s);
    }
    ok
}

/// The slot a place is rooted at, when a local.
fn place_root(proto: &FuncProto, p: u32) -> Option<usize> {
    match proto.places.get(p as usize)?.root {
        PlaceRoot::Local(s) => Some(usize::from(s)),
        _ => None,
    }
}

/// Where control can go after the instruction at `at`, other than to a
/// handler (see `live_out`).
fn successors(proto: &FuncProto, at: usize) -> (Option<usize>, Option<usize>) {
    let next = Some(at + 1);
    match proto.code[at] {
        Op::Return | Op::ReturnLocal(_) | Op::Raise | Op::Reraise | Op::MatchFail(_) => (None, None),
        Op::Jump(target) => (Some(target as usize), None),
        Op::SetupTry { target, .. } => (next, Some(target as usize)),
        Op::SelectLocals(i) => (next, proto.select_sites.get(i as usize).map(|s| s.target as usize)),
        _ => (next, proto.jump_target(at).map(|t| t as usize)),
    }
}

/// Liveness sets, one row of bits per instruction.
struct Rows {
    words: usize,
    bits: Vec<u64>,
}

impl Rows {
    fn new(rows: usize, nslots: usize) -> Rows {
        let words = nslots.div_ceil(64);
        Rows { words, bits: vec![0; rows * words] }
    }
    fn row(&self, r: usize) -> &[u64] {
        &self.bits[r * self.words..(r + 1) * self.words]
    }
    fn has(&self, r: usize, s: usize) -> bool {
        self.row(r).get(s / 64).is_some_and(|w| w & (1 << (s % 64)) != 0)
    }
}

fn add(set: &mut [u64], s: usize) {
    if let Some(w) = set.get_mut(s / 64) {
        *w |= 1 << (s % 64);
    }
}

fn remove(set: &mut [u64], s: usize) {
    if let Some(w) = set.get_mut(s / 64) {
        *w &= !(1 << (s % 64));
    }
}

fn union(set: &mut [u64], other: &[u64]) {
    for (w, o) in set.iter_mut().zip(other) {
        *w |= o;
    }
}

/// Words of liveness work (instructions × set words × passes) spent on one
/// function at most: a generated function of tens of thousands of lines
/// keeps its loads rather than slowing its compilation down.
const WORK_BUDGET: usize = 1 << 26;

/// For each instruction, the slots read on some path after it before being
/// written (`None` past the work budget). A slot read at any handler is
/// live everywhere (any instruction may raise into it).
fn live_out(proto: &FuncProto) -> Option<Rows> {
    let n = proto.code.len();
    let nslots = usize::from(proto.nslots);
    let handlers: Vec<usize> = proto
        .code
        .iter()
        .filter_map(|op| match *op {
            Op::SetupTry { target, .. } => Some(target as usize),
            _ => None,
        })
        .collect();
    // Row `n` stands for leaving the function: nothing is live there.
    let mut live_in = Rows::new(n + 1, nslots);
    let mut out = Rows::new(n, nslots);
    let words = out.words;
    let mut work = 0usize;
    let mut at_handlers = vec![0u64; words];
    let mut live = vec![0u64; words];
    loop {
        work += (n + handlers.len()) * words.max(1);
        if work > WORK_BUDGET {
            return None;
        }
        let mut changed = false;
        at_handlers.iter_mut().for_each(|w| *w = 0);
        for &h in &handlers {
            if h <= n {
                union(&mut at_handlers, live_in.row(h));
            }
        }
        for at in (0..n).rev() {
            live.copy_from_slice(&at_handlers);
            let (a, b) = successors(proto, at);
            for s in [a, b].into_iter().flatten() {
                if s <= n {
                    union(&mut live, live_in.row(s));
                }
            }
            out.bits[at * words..(at + 1) * words].copy_from_slice(&live);
            match proto.code[at] {
                Op::Store(s) | Op::Clear(s) => remove(&mut live, usize::from(s)),
                // A `Take` reads the slot and leaves None in it: still a
                // read, and nothing after it may count on the value.
                Op::Load(s) | Op::Take(s) | Op::ReturnLocal(s) => add(&mut live, usize::from(s)),
                Op::LoadPlace(p) | Op::StorePlace(p) => {
                    if let Some(s) = place_root(proto, p) {
                        add(&mut live, s);
                    }
                }
                // The receiver's slot is read, and may be written back
                // (a part of it, or the whole after a `mut self` method):
                // a read, never a kill.
                Op::CallMethod(i) => {
                    if let Some(site) = proto.method_sites.get(i as usize) {
                        if let Some(s) = site.local {
                            add(&mut live, usize::from(s));
                        }
                        if let Some(s) = site.place.and_then(|p| place_root(proto, p)) {
                            add(&mut live, s);
                        }
                    }
                }
                _ => {}
            }
            let row = &mut live_in.bits[at * words..(at + 1) * words];
            if row != live.as_slice() {
                row.copy_from_slice(&live);
                changed = true;
            }
        }
        if !changed {
            return Some(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::bytecode::Op;

    /// The reads of slot `slot` in function `name` compiled from `src`, in
    /// order: 'L' a copy (`Load`), 'T' a move (`Take`), 'R' `ReturnLocal`.
    fn reads(src: &str, name: &str, slot: u16) -> String {
        let all = crate::compiler::func::tests::protos(src);
        let p = all.iter().find(|p| &*p.name == name).unwrap_or_else(|| panic!("no function {name}"));
        p.code
            .iter()
            .filter_map(|op| match *op {
                Op::Load(s) if s == slot => Some('L'),
                Op::Take(s) if s == slot => Some('T'),
                Op::ReturnLocal(s) if s == slot => Some('R'),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn only_the_last_read_on_every_path_moves() {
        let straight = "fn f(xs: List[Int]):\n    print(xs)\n    print(xs)\n";
        assert_eq!(reads(straight, "f", 0), "LT");
        let looped = "fn f(xs: List[Int]):\n    for i in range(3):\n        print(xs)\n    print(xs)\n";
        assert_eq!(reads(looped, "f", 0), "LT", "read again after the back edge");
        let rebound =
            "fn f(xs: List[Int]):\n    var ys = xs\n    for i in range(3):\n        print(ys)\n        ys = [i]\n";
        assert_eq!(reads(rebound, "f", 1), "T", "written before any later read");
        let branches =
            "fn f(xs: List[Int], c: Bool):\n    if c:\n        print(xs)\n    else:\n        print(xs, xs)\n";
        assert_eq!(reads(branches, "f", 0), "TLT");
    }

    #[test]
    fn a_read_a_handler_can_reach_stays_a_copy() {
        let src = "fn f(xs: List[Int]):\n    try:\n        print(xs)\n        raise ValueError(\"v\")\n    except ValueError:\n        print(xs)\n";
        // (Conservative: a slot a handler reads is live everywhere, in the
        // handler too.)
        assert_eq!(reads(src, "f", 0), "LL");
        // A handler that only re-raises (a `with` block's) reads nothing
        // that comes after the block.
        let with_block = "struct G:\n    var n: Int\n\n    fn __enter__(self) -> Int:\n        return self.n\n\n    fn __exit__(self, e):\n        pass\n\nfn f(xs: List[Int]):\n    with G(1) as n:\n        print(xs)\n    print(xs)\n";
        assert_eq!(reads(with_block, "f", 0), "LT");
    }

    #[test]
    fn a_receiver_and_a_slot_read_in_place_never_move() {
        let method = "struct P:\n    var xs: List[Int]\n\n    fn show(self):\n        print(self)\n";
        assert_eq!(reads(method, "P.show", 0), "L", "self may be lent by the caller");
        // A method call on the local reads it after the print.
        let appended = "fn f(xs: List[Int]):\n    var ys = xs\n    print(ys)\n    ys.append(1)\n";
        assert_eq!(reads(appended, "f", 1), "L");
    }
}
