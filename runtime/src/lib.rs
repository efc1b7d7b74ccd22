//! The mojolite runtime: scheduler, workers, timers, reactor (filled in by the runtime issue).
