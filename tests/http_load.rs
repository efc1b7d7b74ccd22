//! The HTTP server under load and under bad input. Each test starts
//! `tests/programs/http_echo_server.mojo` as a child process of the built
//! `mojolite` (on all workers), reads the address it prints, drives it with
//! plain `std::net::TcpStream` clients, and kills it at the end.
//!
//! - `load_1000_connections_x_10_keep_alive_requests`: 1000 concurrent
//!   keep-alive connections × 10 requests; every response (status line,
//!   headers, Content-Length, body) must be exactly right, every request
//!   counted once by the server, within `LOAD_DEADLINE`; afterwards the
//!   server holds no more file descriptors than before.
//! - `bad_input_gets_400_or_close_while_others_are_served`: garbage, a half
//!   request then a disconnect, a bad Content-Length, … each gets a 400 (a
//!   10 MB header a 431, a 20 MB body a 413) or a close, while a
//!   well-behaved client on another connection keeps getting correct
//!   answers during and after.
//! - `slow_idle_and_vanishing_clients_are_let_go`: clients that dribble
//!   their headers a byte at a time (slowloris) or go quiet are disconnected
//!   after the request timeout, clients that vanish mid-response cost
//!   nothing, and the server's descriptors and memory come back down, while
//!   a well-behaved client is served throughout.
//!
//! Timings are printed to stderr (`cargo test --release --test http_load -- --nocapture`).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Barrier, Mutex};
use std::time::{Duration, Instant};

const CONNECTIONS: usize = 1000;
const REQUESTS: usize = 10;
const LOAD_DEADLINE: Duration = Duration::from_secs(60);
const IO_TIMEOUT: Duration = Duration::from_secs(30);

/// The two tests run one after the other, so that the timings of the load
/// test are not those of a machine also running the other one.
static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

/// A running `http_echo_server.mojo`, killed when dropped.
struct Server {
    child: Child,
    addr: String,
    stderr: Arc<Mutex<String>>,
}

impl Server {
    fn start() -> Server {
        Server::start_with(&[])
    }

    fn start_with(env: &[(&str, &str)]) -> Server {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut child = Command::new(env!("CARGO_BIN_EXE_mojolite"))
            .args(["run", "tests/programs/http_echo_server.mojo"])
            .envs(env.iter().copied())
            .current_dir(root)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start mojolite");
        let stdout = child.stdout.take().expect("piped");
        let mut stderr_pipe = child.stderr.take().expect("piped");
        let stderr = Arc::new(Mutex::new(String::new()));
        let sink = stderr.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stderr_pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines();
            let first = lines.next();
            let _ = tx.send(first);
            for _ in lines {} // keep draining
        });
        let mut server = Server { child, addr: String::new(), stderr };
        match rx.recv_timeout(Duration::from_secs(20)) {
            Ok(Some(Ok(line))) if line.starts_with("127.0.0.1:") => server.addr = line.trim().to_string(),
            other => panic!("the server did not print its address: {other:?}\nstderr:\n{}", server.stderr()),
        }
        server
    }

    fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Panics if the server process has exited.
    fn assert_alive(&mut self) {
        if let Ok(Some(status)) = self.child.try_wait() {
            panic!("the server exited ({status}); stderr:\n{}", self.stderr());
        }
    }

    fn connect(&self) -> Client {
        Client::connect(&self.addr)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `VmRSS` in KiB and the number of open file descriptors of a process.
fn proc_usage(pid: u32) -> Option<(u64, usize)> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let rss =
        status.lines().find_map(|l| l.strip_prefix("VmRSS:"))?.trim().trim_end_matches("kB").trim().parse().ok()?;
    let fds = std::fs::read_dir(format!("/proc/{pid}/fd")).ok()?.count();
    Some((rss, fds))
}

#[derive(Debug)]
struct Reply {
    status_line: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// A keep-alive HTTP/1.1 client on one connection.
struct Client {
    stream: TcpStream,
    reader: BufReader<TcpStream>,
}

impl Client {
    fn connect(addr: &str) -> Client {
        let stream = TcpStream::connect(addr).unwrap_or_else(|e| panic!("connect {addr}: {e}"));
        stream.set_read_timeout(Some(IO_TIMEOUT)).unwrap();
        stream.set_write_timeout(Some(IO_TIMEOUT)).unwrap();
        stream.set_nodelay(true).unwrap();
        let reader = BufReader::new(stream.try_clone().unwrap());
        Client { stream, reader }
    }

    fn send(&mut self, method: &str, path: &str, body: &str, close: bool) -> Result<Reply, String> {
        let mut req = format!("{method} {path} HTTP/1.1\r\nHost: test\r\n");
        if close {
            req.push_str("Connection: close\r\n");
        }
        if method == "POST" {
            req.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        req.push_str("\r\n");
        req.push_str(body);
        self.stream.write_all(req.as_bytes()).map_err(|e| format!("write: {e}"))?;
        self.read_reply()
    }

    fn read_reply(&mut self) -> Result<Reply, String> {
        let mut status_line = String::new();
        match self.reader.read_line(&mut status_line) {
            Ok(0) => return Err("connection closed before a reply".into()),
            Ok(_) => {}
            Err(e) => return Err(format!("read status line: {e}")),
        }
        let mut headers = Vec::new();
        loop {
            let mut line = String::new();
            self.reader.read_line(&mut line).map_err(|e| format!("read header: {e}"))?;
            if !line.ends_with("\r\n") {
                return Err(format!("header line not ended by CRLF: {line:?}"));
            }
            if line == "\r\n" {
                break;
            }
            let (k, v) = line.trim_end().split_once(':').ok_or_else(|| format!("bad header line {line:?}"))?;
            headers.push((k.to_string(), v.trim().to_string()));
        }
        let mut reply = Reply { status_line, headers, body: Vec::new() };
        let len: usize = reply
            .header("content-length")
            .ok_or_else(|| format!("no Content-Length in {reply:?}"))?
            .parse()
            .map_err(|e| format!("bad Content-Length: {e}"))?;
        reply.body = vec![0; len];
        self.reader.read_exact(&mut reply.body).map_err(|e| format!("read body ({len} bytes): {e}"))?;
        Ok(reply)
    }

    /// True once the server has closed the connection (no more bytes).
    fn at_eof(&mut self) -> bool {
        let mut b = [0u8; 1];
        matches!(self.reader.read(&mut b), Ok(0))
    }
}

/// Checks a reply of the echo server; returns its `X-Count`.
fn check_reply(reply: &Reply, body: &str, close: bool) -> Result<u64, String> {
    let wrong = |what: &str| Err(format!("{what} in {reply:?} (expected body {body:?})"));
    if reply.status_line != "HTTP/1.1 200 OK\r\n" {
        return wrong("wrong status line");
    }
    if reply.header("content-length") != Some(&body.len().to_string()) {
        return wrong("wrong Content-Length");
    }
    if reply.body != body.as_bytes() {
        return wrong("wrong body");
    }
    if reply.header("connection") != Some(if close { "close" } else { "keep-alive" }) {
        return wrong("wrong Connection header");
    }
    if reply.header("content-type") != Some("text/plain; charset=utf-8") {
        return wrong("wrong Content-Type");
    }
    match reply.header("x-count").and_then(|c| c.parse::<u64>().ok()) {
        Some(n) if n > 0 => Ok(n),
        _ => wrong("no X-Count"),
    }
}

/// The requests of connection `c`: GETs of `/c{c}/r{i}` with, every fifth, a
/// POST whose body is echoed; the last asks to close the connection.
fn one_connection(addr: &str, c: usize, start: &Barrier) -> Result<Vec<u64>, String> {
    let mut client = Client::connect(addr);
    start.wait();
    let mut counts = Vec::with_capacity(REQUESTS);
    for i in 0..REQUESTS {
        let close = i == REQUESTS - 1;
        let (reply, expected) = if i % 5 == 4 {
            let body = format!("conn {c} request {i} {}", "z".repeat(i * 7));
            (client.send("POST", "/echo", &body, close), body)
        } else {
            let path = format!("/c{c}/r{i}");
            (client.send("GET", &path, "", close), format!("echo {path}"))
        };
        let reply = reply.map_err(|e| format!("connection {c}, request {i}: {e}"))?;
        counts.push(check_reply(&reply, &expected, close).map_err(|e| format!("connection {c}, request {i}: {e}"))?);
    }
    if !client.at_eof() {
        return Err(format!("connection {c}: still open after `Connection: close`"));
    }
    Ok(counts)
}

/// One round: `CONNECTIONS` client threads, released together, each making
/// `REQUESTS` requests. Returns the X-Count values seen, or panics.
fn load_round(server: &Server, round: usize) -> Vec<u64> {
    let started = Instant::now();
    let barrier = Arc::new(Barrier::new(CONNECTIONS));
    let (tx, rx) = mpsc::channel();
    for c in 0..CONNECTIONS {
        let (addr, barrier, tx) = (server.addr.clone(), barrier.clone(), tx.clone());
        std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || {
                let _ = tx.send(one_connection(&addr, c, &barrier));
            })
            .expect("spawn a client thread");
    }
    drop(tx);
    let mut counts = Vec::with_capacity(CONNECTIONS * REQUESTS);
    let mut failures = Vec::new();
    for finished in 0..CONNECTIONS {
        let left = LOAD_DEADLINE.saturating_sub(started.elapsed());
        match rx.recv_timeout(left) {
            Ok(Ok(c)) => counts.extend(c),
            Ok(Err(e)) => failures.push(e),
            Err(_) => panic!(
                "round {round}: only {finished} of {CONNECTIONS} connections finished within {LOAD_DEADLINE:?}; \
                 failures: {failures:#?}\nserver stderr:\n{}",
                server.stderr()
            ),
        }
    }
    let elapsed = started.elapsed();
    let total = CONNECTIONS * REQUESTS;
    eprintln!(
        "http load, round {round}: {CONNECTIONS} connections x {REQUESTS} requests = {total} in {elapsed:.2?} ({:.0} requests/s)",
        total as f64 / elapsed.as_secs_f64()
    );
    assert!(
        failures.is_empty(),
        "round {round}: {} connections failed, the first ones: {:#?}",
        failures.len(),
        &failures[..failures.len().min(5)]
    );
    counts
}

#[test]
fn load_1000_connections_x_10_keep_alive_requests() {
    let _serial = serial();
    let mut server = Server::start();
    let pid = server.pid();
    let total = (CONNECTIONS * REQUESTS) as u64;
    const WARM: u64 = 20;
    // Warm up (and measure the idle server).
    let mut warm = server.connect();
    for i in 0..WARM {
        let path = format!("/warm/{i}");
        check_reply(&warm.send("GET", &path, "", false).unwrap(), &format!("echo {path}"), false).unwrap();
    }
    drop(warm);
    std::thread::sleep(Duration::from_millis(200));
    let mut usage = vec![proc_usage(pid)];

    // Two rounds (`MOJOLITE_LOAD_ROUNDS=N` for more): the second shows
    // whether memory keeps growing once the first has sized the heap.
    let rounds: usize = std::env::var("MOJOLITE_LOAD_ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(2).max(1);
    for round in 1..=rounds {
        let mut counts = load_round(&server, round);
        server.assert_alive();
        // The server counted each request of the round exactly once.
        counts.sort_unstable();
        let first = WARM + (round as u64 - 1) * total + 1;
        let expected: Vec<u64> = (first..first + total).collect();
        assert!(counts == expected, "round {round}: the X-Count values are not {first}..{} each once", first + total);
        std::thread::sleep(Duration::from_millis(300));
        usage.push(proc_usage(pid));
    }
    eprintln!("http load: server (VmRSS KiB, open fds) when idle, then after each round: {usage:?}");

    // No leak: the connections' sockets are closed, and memory stops growing.
    let usage: Vec<(u64, usize)> = usage.into_iter().flatten().collect();
    if usage.len() == rounds + 1 {
        let (_, fds_idle) = usage[0];
        for (round, &(_, fds)) in usage.iter().enumerate().skip(1) {
            assert!(fds <= fds_idle + 2, "the server holds {fds} fds after round {round}, {fds_idle} when idle");
        }
        let (rss_1, _) = usage[1];
        let (rss_n, _) = usage[rounds];
        let per_round = rss_n.saturating_sub(rss_1) / (rounds as u64 - 1).max(1);
        assert!(
            rounds == 1 || per_round < 4096,
            "the server grows by {per_round} KiB per round of {total} requests after the first (VmRSS {usage:?})"
        );
    }
}

/// A well-behaved client on one keep-alive connection, a GET every
/// `pause` until `stop`, each reply checked; `count` counts the good ones.
fn good_client(
    addr: &str,
    stop: &Arc<AtomicBool>,
    count: &Arc<AtomicUsize>,
    pause: Duration,
) -> std::thread::JoinHandle<Result<(), String>> {
    let (addr, stop, count) = (addr.to_string(), stop.clone(), count.clone());
    std::thread::spawn(move || {
        let mut client = Client::connect(&addr);
        let mut i = 0;
        while !stop.load(Ordering::Relaxed) {
            let path = format!("/good/{i}");
            let reply = client.send("GET", &path, "", false).map_err(|e| format!("good request {i}: {e}"))?;
            check_reply(&reply, &format!("echo {path}"), false).map_err(|e| format!("good request {i}: {e}"))?;
            count.fetch_add(1, Ordering::Relaxed);
            i += 1;
            std::thread::sleep(pause);
        }
        Ok(())
    })
}

/// Sends `bytes`, half-closes, and returns all that comes back (stopping at a
/// reset or after `IO_TIMEOUT`).
fn exchange(addr: &str, bytes: &[u8]) -> Vec<u8> {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(IO_TIMEOUT)).unwrap();
    s.set_write_timeout(Some(IO_TIMEOUT)).unwrap();
    let _ = s.write_all(bytes);
    let _ = s.shutdown(Shutdown::Write);
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    out
}

/// A reply that is a clean refusal with `status` and `Connection: close`,
/// or nothing (a close).
fn is_refusal_or_close(reply: &[u8], status: u16) -> bool {
    let text = String::from_utf8_lossy(reply);
    reply.is_empty() || (text.starts_with(&format!("HTTP/1.1 {status} ")) && text.contains("\r\nConnection: close\r\n"))
}

#[test]
fn bad_input_gets_400_or_close_while_others_are_served() {
    let _serial = serial();
    let mut server = Server::start();
    let addr = server.addr.clone();

    // A well-behaved client, asking on one keep-alive connection all along.
    let stop = Arc::new(AtomicBool::new(false));
    let good_count = Arc::new(AtomicUsize::new(0));
    let good = good_client(&addr, &stop, &good_count, Duration::from_millis(2));
    let wait_for_good = |at_least: usize| {
        let t = Instant::now();
        while good_count.load(Ordering::Relaxed) < at_least {
            assert!(
                t.elapsed() < IO_TIMEOUT,
                "the good client is stuck at {} requests",
                good_count.load(Ordering::Relaxed)
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    };
    wait_for_good(5);

    // A client that sends half a request and then says nothing more, holding
    // its connection open for the whole test.
    let mut idle = TcpStream::connect(&addr).unwrap();
    idle.write_all(b"GET /idle HTTP/1.1\r\nHost: te").unwrap();

    let mut cases: Vec<(&str, Vec<u8>, u16)> = vec![
        ("garbage", b"hello\r\n\r\n".to_vec(), 400),
        ("binary garbage", (0..=255u8).cycle().take(5000).collect(), 400),
        ("half a request, then a close", b"GET /half HTTP/1.1\r\nHost: x\r\n".to_vec(), 400),
        ("a request line with no path", b"GET\r\n\r\n".to_vec(), 400),
        ("a bad header line", b"GET / HTTP/1.1\r\nno colon here\r\n\r\n".to_vec(), 400),
        ("a bad Content-Length", b"POST / HTTP/1.1\r\nContent-Length: lots\r\n\r\nbody".to_vec(), 400),
        (
            "a body shorter than its Content-Length",
            b"POST / HTTP/1.1\r\nContent-Length: 100\r\n\r\nshort".to_vec(),
            400,
        ),
        ("a chunked body", b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n".to_vec(), 400),
        ("a 20 MB body announced", b"POST / HTTP/1.1\r\nContent-Length: 20000000\r\n\r\nxx".to_vec(), 413),
    ];
    let mut big = b"GET / HTTP/1.1\r\nX-Big: ".to_vec();
    big.resize(big.len() + (10 << 20), b'a');
    big.extend_from_slice(b"\r\n\r\n");
    cases.push(("a 10 MB header line", big, 431));
    let mut big_line = b"GET /".to_vec();
    big_line.resize(10 << 20, b'b');
    cases.push(("a 10 MB request line", big_line, 431));

    let mut failures = Vec::new();
    for (what, bytes, status) in &cases {
        let before = good_count.load(Ordering::Relaxed);
        let t = Instant::now();
        let reply = exchange(&addr, bytes);
        let took = t.elapsed();
        let head = String::from_utf8_lossy(&reply[..reply.len().min(200)]).into_owned();
        eprintln!("bad input: {what}: {} bytes back in {took:.2?}: {head:?}", reply.len());
        if !is_refusal_or_close(&reply, *status) {
            failures.push(format!("{what}: not a {status} or a close: {head:?}"));
        }
        // The good client is served in between.
        wait_for_good(before + 3);
        server.assert_alive();
    }

    // Half a request, then a disconnect without a half-close.
    for _ in 0..20 {
        let mut s = TcpStream::connect(&addr).unwrap();
        let _ = s.write_all(b"POST /x HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc");
        drop(s);
    }
    // Bad clients all at once, beside the good one.
    let storm: Vec<_> = (0..50)
        .map(|k| {
            let addr = addr.clone();
            std::thread::spawn(move || {
                exchange(&addr, if k % 2 == 0 { b"hello\r\n\r\n" } else { b"GET / HTTP/1.1\r\nHost" })
            })
        })
        .collect();
    for t in storm {
        let reply = t.join().unwrap();
        if !is_refusal_or_close(&reply, 400) {
            failures.push(format!("storm: not a 400 or a close: {:?}", String::from_utf8_lossy(&reply)));
        }
    }

    // After: the good client goes on, and a new connection is served.
    let now = good_count.load(Ordering::Relaxed);
    wait_for_good(now + 10);
    let mut fresh = server.connect();
    check_reply(&fresh.send("POST", "/after", "still here", false).unwrap(), "still here", false).unwrap();
    idle.write_all(b"st\r\n\r\n").unwrap();
    let mut idle_reader = Client { reader: BufReader::new(idle.try_clone().unwrap()), stream: idle };
    idle_reader.stream.set_read_timeout(Some(IO_TIMEOUT)).unwrap();
    check_reply(&idle_reader.read_reply().unwrap(), "echo /idle", false).unwrap();

    stop.store(true, Ordering::Relaxed);
    good.join().unwrap().unwrap();
    server.assert_alive();
    eprintln!("bad input: the good client made {} requests", good_count.load(Ordering::Relaxed));
    let stderr = server.stderr();
    assert!(!stderr.contains("panicked"), "the server panicked:\n{stderr}");
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Reads until the server closes the connection (`Ok(elapsed)`), or gives up
/// after `limit` (`Err`).
fn wait_for_close(stream: &mut TcpStream, limit: Duration) -> Result<Duration, String> {
    let t = Instant::now();
    stream.set_read_timeout(Some(Duration::from_millis(100))).unwrap();
    let mut buf = [0u8; 4096];
    while t.elapsed() < limit {
        match stream.read(&mut buf) {
            Ok(0) => return Ok(t.elapsed()),
            Ok(_) => {}
            Err(e) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => {}
            Err(_) => return Ok(t.elapsed()), // reset: closed too
        }
    }
    Err(format!("still open after {limit:?}"))
}

#[test]
fn slow_idle_and_vanishing_clients_are_let_go() {
    let _serial = serial();
    const TIMEOUT_SECS: f64 = 1.5;
    let mut server = Server::start_with(&[("HTTP_REQUEST_TIMEOUT", "1.5")]);
    let addr = server.addr.clone();
    let pid = server.pid();
    std::thread::sleep(Duration::from_millis(200));
    let idle_usage = proc_usage(pid);

    // A well-behaved client all along, on one keep-alive connection: a
    // request every 20 ms, so the request timeout never hits it.
    let stop = Arc::new(AtomicBool::new(false));
    let good_count = Arc::new(AtomicUsize::new(0));
    let good = good_client(&addr, &stop, &good_count, Duration::from_millis(20));

    // Slowloris: 100 connections each sending its headers one byte every
    // 0.2 s (never finishing); each must be disconnected soon after the
    // request timeout, not kept for as long as it keeps dribbling.
    let slow: Vec<_> = (0..100)
        .map(|k| {
            let addr = addr.clone();
            std::thread::Builder::new()
                .stack_size(256 * 1024)
                .spawn(move || -> Result<Duration, String> {
                    let mut s = TcpStream::connect(&addr).map_err(|e| e.to_string())?;
                    let t = Instant::now();
                    let head = format!("GET /slow/{k} HTTP/1.1\r\nX-Slow: {}", "a".repeat(1000));
                    for b in head.bytes() {
                        if s.write_all(&[b]).is_err() {
                            return Ok(t.elapsed()); // the server closed it
                        }
                        std::thread::sleep(Duration::from_millis(200));
                        if t.elapsed() > Duration::from_secs(20) {
                            return Err(format!("slow client {k} still connected after {:?}", t.elapsed()));
                        }
                    }
                    Err(format!("slow client {k} sent its whole head without being cut off"))
                })
                .expect("spawn a slow client")
        })
        .collect();

    // Idle keep-alive connections: one request, then silence.
    let mut idle: Vec<TcpStream> = (0..20)
        .map(|i| {
            let mut c = Client::connect(&addr);
            check_reply(&c.send("GET", &format!("/idle/{i}"), "", false).unwrap(), &format!("echo /idle/{i}"), false)
                .unwrap();
            c.stream
        })
        .collect();

    // Clients that ask for a 1 MB response and vanish before reading it.
    for _ in 0..50 {
        let mut s = TcpStream::connect(&addr).unwrap();
        let _ = s.write_all(b"GET /big HTTP/1.1\r\nHost: x\r\n\r\n");
        drop(s);
    }
    // Clients that vanish in the middle of their request body.
    for _ in 0..50 {
        let mut s = TcpStream::connect(&addr).unwrap();
        let _ = s.write_all(b"POST /gone HTTP/1.1\r\nContent-Length: 100000\r\n\r\npartial");
        drop(s);
    }

    let mut failures = Vec::new();
    for (i, s) in idle.iter_mut().enumerate() {
        match wait_for_close(s, Duration::from_secs_f64(TIMEOUT_SECS + 5.0)) {
            Ok(after) => eprintln!("slow clients: idle keep-alive connection {i} closed after {after:.2?}"),
            Err(e) => failures.push(format!("idle connection {i}: {e}")),
        }
    }
    let mut cut_after = Vec::new();
    for t in slow {
        match t.join().unwrap() {
            Ok(d) => cut_after.push(d),
            Err(e) => failures.push(e),
        }
    }
    cut_after.sort();
    if let (Some(first), Some(last)) = (cut_after.first(), cut_after.last()) {
        eprintln!("slow clients: {} slowloris connections cut off after {first:.2?} .. {last:.2?}", cut_after.len());
        if last.as_secs_f64() > TIMEOUT_SECS + 5.0 {
            failures.push(format!("the slowest slowloris connection was cut off only after {last:?}"));
        }
    }
    let served_during = good_count.load(Ordering::Relaxed);
    stop.store(true, Ordering::Relaxed);
    good.join().unwrap().unwrap();
    server.assert_alive();
    assert!(served_during >= 20, "the good client was served only {served_during} times meanwhile");

    // Everything those clients held is given back.
    std::thread::sleep(Duration::from_millis(500));
    let after = proc_usage(pid);
    eprintln!("slow clients: server (VmRSS KiB, open fds) idle {idle_usage:?}, after {after:?}; good requests {served_during}");
    if let (Some((_, fds_idle)), Some((rss_after, fds_after))) = (idle_usage, after) {
        assert!(fds_after <= fds_idle + 2, "the server holds {fds_after} fds, {fds_idle} when idle");
        assert!(rss_after < 200 * 1024, "the server's VmRSS is {rss_after} KiB after the slow clients");
    }
    let stderr = server.stderr();
    assert!(!stderr.contains("panicked"), "the server panicked:\n{stderr}");
    assert!(failures.is_empty(), "{failures:#?}");
}
