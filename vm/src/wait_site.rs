//! Where a parked task waits (for `DeadlockError`, `:tasks` and
//! `--trace`): the `await` its fiber will run again and what that awaits,
//! read from the parked fiber when someone asks.

use crate::task::{RtCtx, TaskObj};
use crate::value::Value;
use std::sync::{Arc, Weak};

/// Where a task waits: the `await` instruction's span and what it awaits.
#[derive(Debug, Clone)]
pub struct WaitSite {
    pub file: Arc<str>,
    pub span: lexer::Span,
    /// What is awaited, weakly: a wait site must not keep a finished
    /// future (and its registrations) alive.
    pub on: WaitOn,
}

#[derive(Debug, Clone)]
pub enum WaitOn {
    Task(Weak<TaskObj>),
    Future(Weak<crate::futures::FutureObj>),
    Other,
}

impl WaitOn {
    pub fn of(v: &Value) -> WaitOn {
        match v {
            Value::Task(t) => WaitOn::Task(Arc::downgrade(t)),
            Value::Future(f) => WaitOn::Future(Arc::downgrade(f)),
            _ => WaitOn::Other,
        }
    }
}

impl WaitSite {
    /// "file.mojo:12: await b.recv() (channel recv)"
    pub fn describe(&self, ctx: &RtCtx) -> String {
        let what = match &self.on {
            WaitOn::Task(t) => t.upgrade().map(|t| format!("task `{}`", t.name())),
            WaitOn::Future(f) => f.upgrade().map(|f| f.inner.lock().describe()),
            WaitOn::Other => None,
        };
        let what = what.map(|w| format!(" ({w})")).unwrap_or_default();
        match ctx.source_of(&self.file) {
            Some(src) => {
                let (line, _) = lexer::line_col(src, self.span.lo as usize);
                format!("{}:{line}: {}{what}", self.file, lexer::line_text(src, line).trim())
            }
            None => format!("{}{what}", self.file),
        }
    }
}
