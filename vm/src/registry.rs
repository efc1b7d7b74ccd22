//! The live-task registry: the tasks that have not finished, held weakly,
//! for the readers that need them all (main's end cancelling the rest, the
//! deadlock report, the REPL's `:tasks`). A task is registered when it
//! first suspends (see `TaskObj::poll`), so the many that finish in their
//! first time slice never touch it. Registering and finishing are the
//! hot operations, so each shard is a slab: a task gets a slot index when
//! it is registered and gives it back when it finishes; freed slots are
//! reused, so the slots stay dense and recently used (no hashing, no
//! scattered buckets). Shards are picked by task id, so two workers
//! spawning and finishing at the same time rarely share a lock.

use parking_lot::Mutex;
use std::num::NonZeroU32;
use std::sync::{Arc, Weak};

const SHARDS: usize = 16;

/// Where a registered entry sits: its shard and its slot in that shard
/// (plus one: an `Option<Ticket>` takes no more room than a ticket).
#[derive(Debug, Clone, Copy)]
pub struct Ticket {
    shard: u32,
    slot_plus_one: NonZeroU32,
}

impl Ticket {
    fn slot(self) -> usize {
        self.slot_plus_one.get() as usize - 1
    }
}

struct Slab<T> {
    slots: Vec<Option<Weak<T>>>,
    free: Vec<u32>,
}

/// One shard, alone on its cache lines (neighbouring shards locked by
/// different workers would otherwise share a line).
#[repr(align(128))]
struct Shard<T>(Mutex<Slab<T>>);

pub struct Registry<T> {
    shards: [Shard<T>; SHARDS],
}

impl<T> Default for Registry<T> {
    fn default() -> Self {
        Registry { shards: std::array::from_fn(|_| Shard(Mutex::new(Slab { slots: Vec::new(), free: Vec::new() }))) }
    }
}

impl<T> Registry<T> {
    /// Registers `entry` in the shard of `key`.
    pub fn insert(&self, key: u64, entry: Weak<T>) -> Ticket {
        let shard = (key % SHARDS as u64) as u32;
        let mut slab = self.shards[shard as usize].0.lock();
        let slot = match slab.free.pop() {
            Some(i) => {
                slab.slots[i as usize] = Some(entry);
                i
            }
            None => {
                slab.slots.push(Some(entry));
                (slab.slots.len() - 1) as u32
            }
        };
        Ticket { shard, slot_plus_one: NonZeroU32::MIN.saturating_add(slot) }
    }

    /// Unregisters the entry of `ticket` and returns it (None if it was
    /// already removed).
    pub fn remove(&self, ticket: Ticket) -> Option<Weak<T>> {
        let mut slab = self.shards.get(ticket.shard as usize)?.0.lock();
        let taken = slab.slots.get_mut(ticket.slot())?.take();
        if taken.is_some() {
            slab.free.push(ticket.slot() as u32);
        }
        taken
    }

    /// Every registered entry still alive, in no particular order.
    pub fn live(&self) -> Vec<Arc<T>> {
        self.shards
            .iter()
            .flat_map(|shard| shard.0.lock().slots.iter().flatten().filter_map(Weak::upgrade).collect::<Vec<_>>())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_reused_and_entries_listed() {
        let reg: Registry<u32> = Registry::default();
        let items: Vec<Arc<u32>> = (0..40).map(Arc::new).collect();
        let tickets: Vec<Ticket> =
            items.iter().enumerate().map(|(i, a)| reg.insert(i as u64, Arc::downgrade(a))).collect();
        assert_eq!(reg.live().len(), 40);
        for t in &tickets[..20] {
            assert!(reg.remove(*t).is_some());
            assert!(reg.remove(*t).is_none(), "a second remove finds nothing");
        }
        let mut left: Vec<u32> = reg.live().iter().map(|a| **a).collect();
        left.sort();
        assert_eq!(left, (20..40).collect::<Vec<_>>());
        // Freed slots are taken again before the slab grows (the last
        // freed first: entry 16 went after entry 0 in shard 0).
        let extra = Arc::new(99);
        let t = reg.insert(0, Arc::downgrade(&extra));
        assert_eq!((t.shard, t.slot()), (tickets[16].shard, tickets[16].slot()));
        assert_eq!(std::mem::size_of::<Option<Ticket>>(), std::mem::size_of::<Ticket>());
        // A dropped entry is not listed.
        drop(items);
        assert_eq!(reg.live().iter().map(|a| **a).collect::<Vec<_>>(), vec![99]);
    }

    #[test]
    fn concurrent_insert_and_remove_keep_every_entry_once() {
        let reg: Arc<Registry<u64>> = Arc::new(Registry::default());
        let keep: Vec<Arc<u64>> = (0..4000u64).map(Arc::new).collect();
        let keep = Arc::new(keep);
        let threads: Vec<_> = (0..4u64)
            .map(|w| {
                let reg = reg.clone();
                let keep = keep.clone();
                std::thread::spawn(move || {
                    let mut mine = Vec::new();
                    for i in (w * 1000)..(w * 1000 + 1000) {
                        mine.push((i, reg.insert(i, Arc::downgrade(&keep[i as usize]))));
                    }
                    // Remove the odd ones again, concurrently with the other threads.
                    for (i, t) in mine {
                        if i % 2 == 1 {
                            assert_eq!(reg.remove(t).and_then(|w| w.upgrade()).map(|a| *a), Some(i));
                        }
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().expect("registry thread");
        }
        let mut live: Vec<u64> = reg.live().iter().map(|a| **a).collect();
        live.sort();
        assert_eq!(live, (0..4000).filter(|i| i % 2 == 0).collect::<Vec<_>>());
    }
}
