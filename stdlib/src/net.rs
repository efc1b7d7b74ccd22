//! `net`: `TcpListener` and `TcpStream` on the reactor. A stream keeps its
//! own read buffer, so a read that is cancelled (say by `timeout`) loses no
//! data: the next read finds what arrived. Every operation is a future that
//! yields a `Result` (`Err(IOError(...))` naming the address and OS error).

use crate::io_util::{int_arg, io_err, str_arg, PendingIo};
use crate::reactor::{self, Dir, IoSource};
use parking_lot::Mutex;
use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, SocketAddr, ToSocketAddrs};
use std::sync::Arc;
use vm::error::{RtResult, Thrown};
use vm::futures::{self, FutCx, FutPoll, NativeFuture};
use vm::handles::{Foreign, Handle};
use vm::interp::Vm;
use vm::Value;

pub struct Listener {
    sock: Mutex<Option<mio::net::TcpListener>>,
    token: usize,
    source: Arc<IoSource>,
    addr: String,
}

pub struct Stream {
    sock: Mutex<Option<mio::net::TcpStream>>,
    token: usize,
    source: Arc<IoSource>,
    /// Bytes read from the socket and not yet returned.
    rbuf: Mutex<Vec<u8>>,
    eof: Mutex<bool>,
    peer: String,
}

fn resolve(addr: &str) -> Result<SocketAddr, String> {
    addr.to_socket_addrs()
        .map_err(|e| format!("cannot resolve `{addr}`: {e}"))?
        .next()
        .ok_or_else(|| format!("cannot resolve `{addr}`: no address"))
}

/// `TcpListener::bind(addr)` ⇒ `Result[TcpListener]` (synchronous).
pub fn bind(_vm: &mut Vm, args: vm::builtins::Args) -> RtResult<Value> {
    let addr = str_arg(&args.pos, 0, "the address")?;
    let sa = match resolve(addr) {
        Ok(sa) => sa,
        Err(e) => return Ok(io_err(e)),
    };
    let Some(reactor) = reactor::get() else { return Ok(io_err("the I/O reactor could not start")) };
    let mut sock = match mio::net::TcpListener::bind(sa) {
        Ok(s) => s,
        Err(e) => return Ok(io_err(format!("cannot bind {addr}: {e}"))),
    };
    let local = sock.local_addr().map(|a| a.to_string()).unwrap_or_else(|_| addr.to_string());
    let (token, source) = match reactor.register(&mut sock) {
        Ok(x) => x,
        Err(e) => return Ok(io_err(format!("cannot watch {addr}: {e}"))),
    };
    let l = Listener { sock: Mutex::new(Some(sock)), token, source, addr: local };
    Ok(Value::ok(Handle::Foreign(Box::new(l)).value()))
}

fn stream_value(mut sock: mio::net::TcpStream, peer: String) -> Result<Value, String> {
    let reactor = reactor::get().ok_or("the I/O reactor could not start")?;
    let (token, source) = reactor.register(&mut sock).map_err(|e| format!("cannot watch the connection: {e}"))?;
    let _ = sock.set_nodelay(true);
    let s = Stream {
        sock: Mutex::new(Some(sock)),
        token,
        source,
        rbuf: Mutex::new(Vec::new()),
        eof: Mutex::new(false),
        peer,
    };
    Ok(Handle::Foreign(Box::new(s)).value())
}

/// A connect future for the HTTP client.
pub fn connect_future(addr: &str) -> Result<Box<dyn NativeFuture>, String> {
    Ok(Box::new(Connect { addr: addr.to_string(), sock: None, pending: PendingIo::default() }))
}

/// `TcpStream::connect(addr)`: a future of `Result[TcpStream]`.
pub fn connect(_vm: &mut Vm, args: vm::builtins::Args) -> RtResult<Value> {
    let addr = str_arg(&args.pos, 0, "the address")?.to_string();
    Ok(futures::value(Connect { addr, sock: None, pending: PendingIo::default() }))
}

struct Connect {
    addr: String,
    sock: Option<(mio::net::TcpStream, usize, Arc<IoSource>)>,
    pending: PendingIo,
}

impl NativeFuture for Connect {
    fn poll(&mut self, cx: &FutCx) -> FutPoll {
        let Some(reactor) = reactor::get() else {
            return FutPoll::Ready(Ok(io_err("the I/O reactor could not start")));
        };
        if self.sock.is_none() {
            let sa = match resolve(&self.addr) {
                Ok(sa) => sa,
                Err(e) => return FutPoll::Ready(Ok(io_err(e))),
            };
            let mut s = match mio::net::TcpStream::connect(sa) {
                Ok(s) => s,
                Err(e) => return FutPoll::Ready(Ok(io_err(format!("cannot connect to {}: {e}", self.addr)))),
            };
            match reactor.register(&mut s) {
                Ok((t, src)) => self.sock = Some((s, t, src)),
                Err(e) => return FutPoll::Ready(Ok(io_err(format!("cannot connect to {}: {e}", self.addr)))),
            }
        }
        let Some((s, _, src)) = &self.sock else { return FutPoll::Pending };
        loop {
            if let Ok(Some(e)) | Err(e) = s.take_error().map(|o| o.map(Into::into)) {
                self.pending.done();
                return FutPoll::Ready(Ok(io_err(format!("cannot connect to {}: {e}", self.addr))));
            }
            match s.peer_addr() {
                Ok(peer) => {
                    self.pending.done();
                    let Some((mut s, t, _)) = self.sock.take() else { return FutPoll::Pending };
                    reactor.deregister(t, &mut s);
                    return FutPoll::Ready(Ok(match stream_value(s, peer.to_string()) {
                        Ok(v) => Value::ok(v),
                        Err(e) => io_err(e),
                    }));
                }
                Err(e) if e.kind() == ErrorKind::NotConnected || e.kind() == ErrorKind::WouldBlock => {
                    if self.pending.would_block(src, Dir::Write, cx) {
                        continue;
                    }
                    return FutPoll::Pending;
                }
                Err(e) => {
                    self.pending.done();
                    return FutPoll::Ready(Ok(io_err(format!("cannot connect to {}: {e}", self.addr))));
                }
            }
        }
    }

    fn describe(&self) -> String {
        format!("connect to {}", self.addr)
    }
}

impl Drop for Connect {
    fn drop(&mut self) {
        if let (Some((mut s, t, _)), Some(r)) = (self.sock.take(), reactor::get()) {
            r.deregister(t, &mut s);
        }
    }
}

impl Foreign for Listener {
    fn type_name(&self) -> &'static str {
        "TcpListener"
    }

    fn method(&self, _vm: &mut Vm, this: &Arc<Handle>, name: &str, _args: &[Value]) -> Option<RtResult<Value>> {
        Some(Ok(match name {
            "accept" => futures::value(Accept { this: this.clone(), pending: PendingIo::default() }),
            "local_addr" => Value::str(self.addr.clone()),
            "close" => {
                if let (Some(mut s), Some(r)) = (self.sock.lock().take(), reactor::get()) {
                    r.deregister(self.token, &mut s);
                }
                Value::None
            }
            _ => return None,
        }))
    }

    fn method_names(&self) -> &'static [&'static str] {
        &["accept", "local_addr", "close"]
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

struct Accept {
    this: Arc<Handle>,
    pending: PendingIo,
}

fn listener(h: &Handle) -> Option<&Listener> {
    match h {
        Handle::Foreign(f) => f.as_any().downcast_ref::<Listener>(),
        _ => None,
    }
}

pub fn stream(h: &Handle) -> Option<&Stream> {
    match h {
        Handle::Foreign(f) => f.as_any().downcast_ref::<Stream>(),
        _ => None,
    }
}

impl NativeFuture for Accept {
    fn poll(&mut self, cx: &FutCx) -> FutPoll {
        let Some(l) = listener(&self.this) else { return FutPoll::Ready(Ok(io_err("not a listener"))) };
        loop {
            let r = match l.sock.lock().as_ref() {
                Some(s) => s.accept(),
                None => return FutPoll::Ready(Ok(io_err(format!("listener {} is closed", l.addr)))),
            };
            match r {
                Ok((s, peer)) => {
                    self.pending.done();
                    return FutPoll::Ready(Ok(match stream_value(s, peer.to_string()) {
                        Ok(v) => Value::ok(Value::tuple(vec![v, Value::str(peer.to_string())])),
                        Err(e) => io_err(e),
                    }));
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => {
                    if self.pending.would_block(&l.source, Dir::Read, cx) {
                        continue;
                    }
                    return FutPoll::Pending;
                }
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.pending.done();
                    return FutPoll::Ready(Ok(io_err(format!("accept on {}: {e}", l.addr))));
                }
            }
        }
    }

    fn describe(&self) -> String {
        "accept".into()
    }
}

impl Drop for Accept {
    fn drop(&mut self) {
        if let (Some(l), Some(w)) = (listener(&self.this), &self.pending.waker) {
            l.source.unpark(Dir::Read, w);
        }
    }
}

/// What a read waits for.
#[derive(Clone)]
pub enum Until {
    /// up to n bytes (at least one, or end of stream)
    Bytes(usize),
    /// through the separator (included), or end of stream
    Sep(Vec<u8>),
    /// everything until end of stream
    Eof,
    /// exactly n bytes (fewer only at end of stream)
    Exact(usize),
    /// through the separator, failing once `max` bytes arrive without it
    SepMax(Vec<u8>, usize),
}

pub struct ReadFut {
    pub this: Arc<Handle>,
    pub until: Until,
    pub pending: PendingIo,
}

impl ReadFut {
    /// Polls for raw bytes (used by the HTTP codec): `Some(Ok(bytes))`,
    /// `Some(Err(message))`, or `None` while pending.
    pub fn poll_bytes(&mut self, cx: &FutCx) -> Option<Result<Vec<u8>, String>> {
        let Some(s) = stream(&self.this) else { return Some(Err("not a stream".into())) };
        loop {
            let eof = *s.eof.lock();
            if let Some(bytes) = s.take(&self.until, eof) {
                self.pending.done();
                return Some(Ok(bytes));
            }
            match s.fill() {
                Ok(true) => *s.eof.lock() = true,
                Ok(false) => {}
                Err(e) if e.kind() == ErrorKind::WouldBlock => {
                    if self.pending.would_block(&s.source, Dir::Read, cx) {
                        continue;
                    }
                    return None;
                }
                Err(e) => {
                    self.pending.done();
                    return Some(Err(format!("read from {}: {e}", s.peer)));
                }
            }
        }
    }
}

impl Stream {
    /// Takes what `until` asks for from the buffer, if it is there.
    fn take(&self, until: &Until, eof: bool) -> Option<Vec<u8>> {
        let mut buf = self.rbuf.lock();
        let n = match until {
            Until::Bytes(n) if !buf.is_empty() => (*n).min(buf.len()),
            Until::Sep(sep) => match find(&buf, sep) {
                Some(i) => i + sep.len(),
                None if eof => buf.len(),
                None => return None,
            },
            Until::Eof if eof => buf.len(),
            Until::Exact(n) if buf.len() >= *n || eof => (*n).min(buf.len()),
            Until::SepMax(sep, max) => match find(&buf, sep) {
                Some(i) => i + sep.len(),
                None if eof || buf.len() > *max => buf.len(),
                None => return None,
            },
            _ if eof => 0,
            _ => return None,
        };
        Some(buf.drain(..n).collect())
    }

    /// Reads what the socket has into the buffer. `Ok(true)` at end of stream.
    fn fill(&self) -> std::io::Result<bool> {
        let mut chunk = [0u8; 16 * 1024];
        let mut guard = self.sock.lock();
        let Some(s) = guard.as_mut() else { return Ok(true) };
        loop {
            match s.read(&mut chunk) {
                Ok(0) => return Ok(true),
                Ok(n) => {
                    let mut buf = self.rbuf.lock();
                    if buf.len() + n > 64 << 20 {
                        return Err(std::io::Error::other("more than 64 MiB buffered without being read"));
                    }
                    buf.extend_from_slice(&chunk[..n]);
                    if n < chunk.len() {
                        return Ok(false);
                    }
                }
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

impl NativeFuture for ReadFut {
    fn poll(&mut self, cx: &FutCx) -> FutPoll {
        match self.poll_bytes(cx) {
            None => FutPoll::Pending,
            Some(Ok(bytes)) => FutPoll::Ready(Ok(Value::ok(Value::str(String::from_utf8_lossy(&bytes).into_owned())))),
            Some(Err(e)) => FutPoll::Ready(Ok(io_err(e))),
        }
    }

    fn describe(&self) -> String {
        "socket read".into()
    }
}

impl Drop for ReadFut {
    fn drop(&mut self) {
        if let (Some(s), Some(w)) = (stream(&self.this), &self.pending.waker) {
            s.source.unpark(Dir::Read, w);
        }
    }
}

pub struct WriteFut {
    pub this: Arc<Handle>,
    pub data: Vec<u8>,
    pub off: usize,
    pub pending: PendingIo,
}

impl NativeFuture for WriteFut {
    fn poll(&mut self, cx: &FutCx) -> FutPoll {
        let Some(s) = stream(&self.this) else { return FutPoll::Ready(Ok(io_err("not a stream"))) };
        loop {
            if self.off >= self.data.len() {
                self.pending.done();
                return FutPoll::Ready(Ok(Value::ok(Value::None)));
            }
            let r = match s.sock.lock().as_mut() {
                Some(sock) => sock.write(&self.data[self.off..]),
                None => return FutPoll::Ready(Ok(io_err(format!("write to {}: the connection is closed", s.peer)))),
            };
            match r {
                Ok(0) => return FutPoll::Ready(Ok(io_err(format!("write to {}: connection closed by peer", s.peer)))),
                Ok(n) => self.off += n,
                Err(e) if e.kind() == ErrorKind::WouldBlock => {
                    if self.pending.would_block(&s.source, Dir::Write, cx) {
                        continue;
                    }
                    return FutPoll::Pending;
                }
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.pending.done();
                    return FutPoll::Ready(Ok(io_err(format!("write to {}: {e}", s.peer))));
                }
            }
        }
    }

    fn describe(&self) -> String {
        "socket write".into()
    }
}

impl Drop for WriteFut {
    fn drop(&mut self) {
        if let (Some(s), Some(w)) = (stream(&self.this), &self.pending.waker) {
            s.source.unpark(Dir::Write, w);
        }
    }
}

impl Stream {
    pub fn close(&self) {
        if let Some(mut s) = self.sock.lock().take() {
            let _ = s.shutdown(Shutdown::Both);
            if let Some(r) = reactor::get() {
                r.deregister(self.token, &mut s);
            }
        }
    }
}

impl Drop for Stream {
    fn drop(&mut self) {
        self.close();
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        if let (Some(mut s), Some(r)) = (self.sock.lock().take(), reactor::get()) {
            r.deregister(self.token, &mut s);
        }
    }
}

pub fn reader(this: &Arc<Handle>, until: Until) -> ReadFut {
    ReadFut { this: this.clone(), until, pending: PendingIo::default() }
}

pub fn read_fut(this: &Arc<Handle>, until: Until) -> Value {
    futures::value(ReadFut { this: this.clone(), until, pending: PendingIo::default() })
}

pub fn write_fut(this: &Arc<Handle>, data: Vec<u8>) -> Value {
    futures::value(WriteFut { this: this.clone(), data, off: 0, pending: PendingIo::default() })
}

impl Foreign for Stream {
    fn type_name(&self) -> &'static str {
        "TcpStream"
    }

    fn method(&self, _vm: &mut Vm, this: &Arc<Handle>, name: &str, args: &[Value]) -> Option<RtResult<Value>> {
        let r = (|| -> RtResult<Value> {
            Ok(match name {
                "read" => {
                    let n = int_arg(args, 0, "the number of bytes")?;
                    if n <= 0 {
                        return Err(Thrown::value_error("read(n) needs n > 0"));
                    }
                    read_fut(this, Until::Bytes(n as usize))
                }
                "read_line" => read_fut(this, Until::Sep(b"\n".to_vec())),
                "read_until" => read_fut(this, Until::Sep(str_arg(args, 0, "the separator")?.as_bytes().to_vec())),
                "read_to_string" => read_fut(this, Until::Eof),
                "write_all" => write_fut(this, str_arg(args, 0, "the data")?.as_bytes().to_vec()),
                "close" => {
                    self.close();
                    Value::None
                }
                "shutdown_write" => {
                    if let Some(s) = self.sock.lock().as_ref() {
                        let _ = s.shutdown(Shutdown::Write);
                    }
                    Value::None
                }
                "peer_addr" => Value::str(self.peer.clone()),
                _ => return Err(Thrown::new("AttributeError", format!("TcpStream has no method `{name}`"))),
            })
        })();
        Some(r)
    }

    fn method_names(&self) -> &'static [&'static str] {
        &["read", "read_line", "read_until", "read_to_string", "write_all", "close", "shutdown_write", "peer_addr"]
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn stream_arg(args: &[Value]) -> RtResult<Arc<Handle>> {
    match args.first() {
        Some(Value::Handle(h)) if stream(h).is_some() => Ok(h.clone()),
        Some(other) => Err(Thrown::type_error(format!("expected a TcpStream, got {}", other.type_name()))),
        None => Err(Thrown::type_error("missing the connection")),
    }
}

/// `read_to_string(conn)`.
pub fn read_to_string(_vm: &mut Vm, args: vm::builtins::Args) -> RtResult<Value> {
    let h = stream_arg(&args.pos)?;
    Ok(read_fut(&h, Until::Eof))
}

/// `write_all(conn, s)`.
pub fn write_all(_vm: &mut Vm, args: vm::builtins::Args) -> RtResult<Value> {
    let h = stream_arg(&args.pos)?;
    let data = str_arg(&args.pos, 1, "the data")?.as_bytes().to_vec();
    Ok(write_fut(&h, data))
}
