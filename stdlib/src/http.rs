//! `http`: an HTTP/1.1 client (`get`, `post`) and the codec of the server
//! (`serve` itself is mojolite code, `http_prelude.mojo`). Requests and
//! responses are handles with fields (`status`, `headers`, `path`, …).
//! Malformed requests get a 400 and the connection is closed; oversized
//! headers and bodies are refused before they are buffered.

use crate::io_util::{io_err, str_arg};
use crate::net::{self, ReadFut, Until};
use std::sync::{Arc, OnceLock};
use vm::error::{ErrorObj, RtResult, Thrown};
use vm::futures::{self, FutCx, FutPoll, NativeFuture};
use vm::handles::{Foreign, Handle};
use vm::interp::Vm;
use vm::value::{Dict, HashKey};
use vm::Value;

const MAX_HEAD: usize = 64 * 1024;
const MAX_BODY: usize = 16 << 20;

pub struct Response {
    pub status: i64,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

pub struct Request {
    pub method: String,
    pub path: String,
    pub version: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

fn dict(pairs: &[(String, String)]) -> Value {
    let mut d = Dict::default();
    for (k, v) in pairs {
        d.insert(HashKey(Value::str(k.clone())), Value::str(v.clone()));
    }
    Value::Dict(Arc::new(d))
}

fn header<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

impl Foreign for Response {
    fn type_name(&self) -> &'static str {
        "Response"
    }

    fn method(&self, _vm: &mut Vm, _this: &Arc<Handle>, name: &str, _args: &[Value]) -> Option<RtResult<Value>> {
        let text = String::from_utf8_lossy(&self.body).into_owned();
        Some(Ok(futures::ready(match name {
            "text" => Value::ok(Value::str(text)),
            "json" => match vm::builtins::json::parse_text(&text) {
                Ok(v) => Value::ok(v),
                Err(Thrown::Error(e)) => Value::err(e),
                Err(Thrown::Panic(m)) => Value::err(ErrorObj::value("ValueError", m)),
            },
            "bytes" => Value::ok(Value::list(self.body.iter().map(|b| Value::Int(*b as i64)).collect())),
            _ => return None,
        })))
    }

    fn attr(&self, name: &str) -> Option<Value> {
        match name {
            "status" => Some(Value::Int(self.status)),
            "headers" => Some(dict(&self.headers)),
            "body" => Some(Value::str(String::from_utf8_lossy(&self.body).into_owned())),
            _ => None,
        }
    }

    fn method_names(&self) -> &'static [&'static str] {
        &["text", "json", "bytes"]
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Foreign for Request {
    fn type_name(&self) -> &'static str {
        "Request"
    }

    fn method(&self, _vm: &mut Vm, _this: &Arc<Handle>, _name: &str, _args: &[Value]) -> Option<RtResult<Value>> {
        None
    }

    fn attr(&self, name: &str) -> Option<Value> {
        match name {
            "method" => Some(Value::str(self.method.clone())),
            "path" => Some(Value::str(self.path.clone())),
            "headers" => Some(dict(&self.headers)),
            "body" => Some(Value::str(self.body.clone())),
            "version" => Some(Value::str(self.version.clone())),
            _ => None,
        }
    }

    fn method_names(&self) -> &'static [&'static str] {
        &[]
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `Response(status, body, headers={})`.
pub fn response(_vm: &mut Vm, args: vm::builtins::Args) -> RtResult<Value> {
    let status = match args.pos.first().or_else(|| args.kw("status")) {
        Some(Value::Int(s)) if (100..1000).contains(s) => *s,
        Some(other) => {
            return Err(Thrown::type_error(format!(
                "a status must be an Int from 100 to 999, got {}",
                vm::format::to_repr(other)
            )))
        }
        None => 200,
    };
    let body = match args.pos.get(1).or_else(|| args.kw("body")) {
        Some(Value::Str(s)) => s.as_bytes().to_vec(),
        Some(other) => vm::format::to_str(other).into_bytes(),
        None => Vec::new(),
    };
    let mut headers = Vec::new();
    if let Some(h) = args.pos.get(2).or_else(|| args.kw("headers")) {
        let Value::Dict(d) = h else { return Err(Thrown::type_error("headers must be a Dict of Strings")) };
        for (k, v) in d.iter() {
            headers.push((vm::format::to_str(&k.0), vm::format::to_str(v)));
        }
    }
    Ok(Handle::Foreign(Box::new(Response { status, headers, body })).value())
}

fn reason(status: i64) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Payload Too Large",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

/// Splits a raw head into its first line and headers.
fn parse_head(head: &str) -> Result<(String, Vec<(String, String)>), String> {
    let mut lines = head.split("\r\n");
    let first = lines.next().unwrap_or("").to_string();
    let mut headers = Vec::new();
    for line in lines {
        if line.is_empty() {
            continue;
        }
        let Some((k, v)) = line.split_once(':') else {
            return Err(format!("malformed header line {:?}", truncate(line)));
        };
        if k.is_empty() || k.contains(' ') {
            return Err(format!("malformed header name {:?}", truncate(k)));
        }
        headers.push((k.to_string(), v.trim().to_string()));
    }
    Ok((first, headers))
}

fn truncate(s: &str) -> String {
    s.chars().take(60).collect()
}

fn content_length(headers: &[(String, String)]) -> Result<Option<usize>, String> {
    match header(headers, "content-length") {
        None => Ok(None),
        Some(v) => v.trim().parse::<usize>().map(Some).map_err(|_| format!("bad Content-Length {v:?}")),
    }
}

fn conn_arg(args: &[Value]) -> RtResult<Arc<Handle>> {
    match args.first() {
        Some(Value::Handle(h)) if net::stream(h).is_some() => Ok(h.clone()),
        _ => Err(Thrown::type_error("expected a TcpStream")),
    }
}

/// `http.__read_request(conn)` ⇒ `Ok(Some(Request))`, `Ok(None)` at a clean
/// end of the connection, `Err((status, message))` for a request refused
/// (400 malformed, 413 body too large, 431 header too large).
pub fn read_request(_vm: &mut Vm, args: vm::builtins::Args) -> RtResult<Value> {
    let conn = conn_arg(&args.pos)?;
    let head = net::reader(&conn, Until::SepMax(b"\r\n\r\n".to_vec(), MAX_HEAD));
    Ok(futures::value(ReadRequest { conn, stage: ReqStage::Head(head) }))
}

enum ReqStage {
    Head(ReadFut),
    Body(ReadFut, Request),
    Done,
}

struct ReadRequest {
    conn: Arc<Handle>,
    stage: ReqStage,
}

/// A request the server refuses: `Err((status, message))`, answered with
/// that status before the connection is closed.
fn refuse(status: i64, msg: impl Into<String>) -> FutPoll {
    FutPoll::Ready(Ok(Value::err(Value::tuple(vec![Value::Int(status), Value::str(msg.into())]))))
}

/// A malformed request: 400.
fn bad(msg: impl Into<String>) -> FutPoll {
    refuse(400, msg)
}

impl NativeFuture for ReadRequest {
    fn poll(&mut self, cx: &FutCx) -> FutPoll {
        loop {
            match &mut self.stage {
                ReqStage::Head(r) => {
                    let bytes = match r.poll_bytes(cx) {
                        None => return FutPoll::Pending,
                        Some(Err(_)) => return FutPoll::Ready(Ok(Value::ok(Value::None))),
                        Some(Ok(b)) => b,
                    };
                    if bytes.is_empty() {
                        return FutPoll::Ready(Ok(Value::ok(Value::None)));
                    }
                    if !bytes.ends_with(b"\r\n\r\n") {
                        self.stage = ReqStage::Done;
                        return if bytes.len() > MAX_HEAD {
                            refuse(431, format!("request header larger than {} KiB", MAX_HEAD >> 10))
                        } else {
                            bad("incomplete request")
                        };
                    }
                    let head = String::from_utf8_lossy(&bytes[..bytes.len() - 4]).into_owned();
                    let (first, headers) = match parse_head(&head) {
                        Ok(x) => x,
                        Err(e) => return bad(e),
                    };
                    let parts: Vec<&str> = first.split(' ').collect();
                    let [method, path, version] = parts[..] else {
                        return bad(format!("malformed request line {:?}", truncate(&first)));
                    };
                    if !version.starts_with("HTTP/1.") || method.is_empty() || !path.starts_with('/') {
                        return bad(format!("malformed request line {:?}", truncate(&first)));
                    }
                    if header(&headers, "transfer-encoding").is_some() {
                        return bad("chunked request bodies are not supported; send Content-Length");
                    }
                    let len = match content_length(&headers) {
                        Ok(n) => n.unwrap_or(0),
                        Err(e) => return bad(e),
                    };
                    if len > MAX_BODY {
                        return refuse(413, format!("request body larger than {} MiB", MAX_BODY >> 20));
                    }
                    let req = Request {
                        method: method.into(),
                        path: path.into(),
                        version: version.into(),
                        headers,
                        body: String::new(),
                    };
                    if len == 0 {
                        self.stage = ReqStage::Done;
                        return FutPoll::Ready(Ok(Value::ok(Value::some(Handle::Foreign(Box::new(req)).value()))));
                    }
                    self.stage = ReqStage::Body(net::reader(&self.conn, Until::Exact(len)), req);
                }
                ReqStage::Body(r, _) => {
                    let bytes = match r.poll_bytes(cx) {
                        None => return FutPoll::Pending,
                        Some(Err(e)) => return bad(e),
                        Some(Ok(b)) => b,
                    };
                    let ReqStage::Body(r, mut req) = std::mem::replace(&mut self.stage, ReqStage::Done) else {
                        return FutPoll::Pending;
                    };
                    if let Until::Exact(n) = r.until {
                        if bytes.len() < n {
                            return bad("request body ended early");
                        }
                    }
                    req.body = String::from_utf8_lossy(&bytes).into_owned();
                    return FutPoll::Ready(Ok(Value::ok(Value::some(Handle::Foreign(Box::new(req)).value()))));
                }
                ReqStage::Done => return FutPoll::Pending,
            }
        }
    }

    fn describe(&self) -> String {
        "http request".into()
    }
}

/// `http.__keep_alive(req)`: HTTP/1.1 unless `Connection: close`.
pub fn keep_alive(_vm: &mut Vm, args: vm::builtins::Args) -> RtResult<Value> {
    let Some(Value::Handle(h)) = args.pos.first() else { return Ok(Value::Bool(false)) };
    let Handle::Foreign(f) = &**h else { return Ok(Value::Bool(false)) };
    let Some(r) = f.as_any().downcast_ref::<Request>() else { return Ok(Value::Bool(false)) };
    let conn = header(&r.headers, "connection").map(|c| c.to_ascii_lowercase());
    Ok(Value::Bool(match r.version.as_str() {
        "HTTP/1.0" => conn.as_deref() == Some("keep-alive"),
        _ => conn.as_deref() != Some("close"),
    }))
}

/// `http.__write_response(conn, resp, keep_alive)`.
pub fn write_response(_vm: &mut Vm, args: vm::builtins::Args) -> RtResult<Value> {
    let conn = conn_arg(&args.pos)?;
    let resp = match args.pos.get(1) {
        Some(Value::Handle(h)) => match &**h {
            Handle::Foreign(f) => f.as_any().downcast_ref::<Response>(),
            _ => None,
        },
        _ => None,
    };
    let keep = matches!(args.pos.get(2), Some(Value::Bool(true)));
    let bytes = match resp {
        Some(r) => encode_response(r, keep),
        None => {
            let got = args.pos.get(1).map(|v| v.type_name()).unwrap_or_default();
            let r = Response {
                status: 500,
                headers: Vec::new(),
                body: format!("handler returned {got}, not a Response").into_bytes(),
            };
            encode_response(&r, false)
        }
    };
    Ok(net::write_fut(&conn, bytes))
}

fn encode_response(r: &Response, keep: bool) -> Vec<u8> {
    let mut head = format!("HTTP/1.1 {} {}\r\n", r.status, reason(r.status));
    let mut has_type = false;
    for (k, v) in &r.headers {
        if k.eq_ignore_ascii_case("content-length") || k.eq_ignore_ascii_case("connection") {
            continue;
        }
        has_type |= k.eq_ignore_ascii_case("content-type");
        head.push_str(&format!("{k}: {}\r\n", v.replace(['\r', '\n'], " ")));
    }
    if !has_type {
        head.push_str("Content-Type: text/plain; charset=utf-8\r\n");
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: {}\r\n\r\n",
        r.body.len(),
        if keep { "keep-alive" } else { "close" }
    ));
    let mut out = head.into_bytes();
    out.extend_from_slice(&r.body);
    out
}

/// `http.__awaitable(x)`: a handler may be async (a coroutine) or sync.
pub fn awaitable(_vm: &mut Vm, args: vm::builtins::Args) -> RtResult<Value> {
    Ok(match args.pos.into_iter().next() {
        Some(v @ (Value::Coroutine(_) | Value::Future(_) | Value::Task(_))) => v,
        Some(v) => futures::ready(v),
        None => futures::ready(Value::None),
    })
}

/// The compiled server prelude, instantiated once per process.
fn prelude() -> RtResult<&'static Arc<vm::interp::Globals>> {
    static PRELUDE: OnceLock<Result<Arc<vm::interp::Globals>, String>> = OnceLock::new();
    PRELUDE
        .get_or_init(|| {
            let src = include_str!("http_prelude.mojo");
            let (program, diags) = vm::compile_source("<http prelude>", src);
            let Some(program) = program else {
                return Err(diags.iter().map(|d| d.message.clone()).collect::<Vec<_>>().join("; "));
            };
            let globals = Arc::new(vm::interp::Globals::new(program.global_names.clone(), &program.frozen));
            let init = vm::value::Closure::new(program.init.clone(), Vec::new(), Vec::new(), globals.clone());
            let mut vm = Vm::new(globals.clone());
            // The prelude body only defines functions: it runs without a task.
            vm.call_value_sync(Value::Func(Arc::new(init)), Vec::new()).map_err(|e| e.headline())?;
            Ok(globals)
        })
        .as_ref()
        .map_err(|e| Thrown::new("Error", format!("internal: the http prelude failed to load: {e}")))
}

/// How long a connection may take to send a whole request head (and how
/// long an idle keep-alive connection stays open): a client that dribbles
/// its headers (slowloris) or sends nothing is disconnected then.
const REQUEST_TIMEOUT_SECS: f64 = 30.0;

/// `http.serve(addr_or_listener, handler, request_timeout=30.0)`: a
/// coroutine that serves until cancelled.
pub fn serve(_vm: &mut Vm, args: vm::builtins::Args) -> RtResult<Value> {
    let mut request_timeout = Value::Float(REQUEST_TIMEOUT_SECS);
    for (k, v) in &args.kw {
        match (&**k, v) {
            ("request_timeout", Value::Int(n)) if *n > 0 => request_timeout = Value::Float(*n as f64),
            ("request_timeout", Value::Float(x)) if *x > 0.0 && x.is_finite() => request_timeout = v.clone(),
            ("request_timeout", _) => {
                return Err(Thrown::value_error("http.serve(): request_timeout must be a positive number of seconds"))
            }
            (other, _) => {
                return Err(Thrown::type_error(format!("http.serve() got an unexpected keyword argument `{other}`")))
            }
        }
    }
    let (place, handler) = match args.pos.as_slice() {
        [p, h] => (p.clone(), h.clone()),
        other => {
            return Err(Thrown::type_error(format!(
                "http.serve() takes an address (or listener) and a handler, got {} arguments",
                other.len()
            )))
        }
    };
    let globals = prelude()?;
    let slot = globals
        .names
        .iter()
        .position(|n| n == "serve")
        .ok_or_else(|| Thrown::new("Error", "internal: no serve in the http prelude"))?;
    let f = globals.get(slot).ok_or_else(|| Thrown::new("Error", "internal: http prelude not initialised"))?;
    Ok(Value::Coroutine(Arc::new(vm::task::CoroutineObj::of_value(
        "http.serve".into(),
        f,
        vm::task::CallArgs::from_vec(vec![place, handler, request_timeout]),
        Vec::new(),
    )?)))
}

/// Splits `http://host[:port]/path` into the address to connect to
/// (`host:port`), the Host header (`host[:port]`, as written) and the path.
fn parse_url(url: &str) -> Result<(String, String, String), String> {
    if url.starts_with("https://") {
        return Err(format!(
            "cannot fetch {url}: https is not supported (mojolite speaks plain HTTP/1.1; use an http:// URL)"
        ));
    }
    let Some(rest) = url.strip_prefix("http://") else {
        return Err(format!("cannot fetch {url:?}: the URL must start with http://"));
    };
    let (hostport, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    if hostport.is_empty() {
        return Err(format!("cannot fetch {url:?}: no host"));
    }
    // The Host header names the port too when the URL gives one (RFC 9110 §7.2).
    let host = hostport.to_string();
    let addr = if hostport.contains(':') { hostport.to_string() } else { format!("{hostport}:80") };
    Ok((addr, host, path.to_string()))
}

fn client(method: &str, url: &str, body: Option<String>) -> Value {
    let (addr, host, path) = match parse_url(url) {
        Ok(x) => x,
        Err(e) => return futures::ready(io_err(e)),
    };
    let body = body.unwrap_or_default();
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: mojolite\r\nAccept: */*\r\nConnection: close\r\n"
    );
    if method != "GET" || !body.is_empty() {
        req.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    req.push_str("\r\n");
    req.push_str(&body);
    let connect = match net::connect_future(&addr) {
        Ok(c) => c,
        Err(e) => return futures::ready(io_err(e)),
    };
    futures::value(Client { url: url.to_string(), stage: ClientStage::Connect(connect), request: req.into_bytes() })
}

enum ClientStage {
    Connect(Box<dyn NativeFuture>),
    Write(Box<dyn NativeFuture>, Arc<Handle>),
    Read(ReadFut),
    Done,
}

struct Client {
    url: String,
    stage: ClientStage,
    request: Vec<u8>,
}

impl NativeFuture for Client {
    fn poll(&mut self, cx: &FutCx) -> FutPoll {
        loop {
            match &mut self.stage {
                ClientStage::Connect(f) => match f.poll(cx) {
                    FutPoll::Pending => return FutPoll::Pending,
                    FutPoll::Ready(Ok(Value::Ok(conn))) => {
                        let Value::Handle(h) = &*conn else {
                            return FutPoll::Ready(Ok(io_err("connect gave no stream")));
                        };
                        let w = net::write_fut(h, std::mem::take(&mut self.request));
                        let Value::Future(w) = w else { return FutPoll::Ready(Ok(io_err("internal: no write"))) };
                        let w: Box<dyn NativeFuture> = Box::new(SharedFut(w));
                        self.stage = ClientStage::Write(w, h.clone());
                    }
                    other => {
                        self.stage = ClientStage::Done;
                        return other;
                    }
                },
                ClientStage::Write(f, h) => match f.poll(cx) {
                    FutPoll::Pending => return FutPoll::Pending,
                    FutPoll::Ready(Ok(Value::Ok(_))) => {
                        let r = net::reader(h, Until::Eof);
                        self.stage = ClientStage::Read(r);
                    }
                    other => {
                        self.stage = ClientStage::Done;
                        return other;
                    }
                },
                ClientStage::Read(r) => {
                    let bytes = match r.poll_bytes(cx) {
                        None => return FutPoll::Pending,
                        Some(Err(e)) => return FutPoll::Ready(Ok(io_err(e))),
                        Some(Ok(b)) => b,
                    };
                    self.stage = ClientStage::Done;
                    return FutPoll::Ready(Ok(match parse_response(&bytes) {
                        Ok(resp) => Value::ok(Handle::Foreign(Box::new(resp)).value()),
                        Err(e) => io_err(format!("bad response from {}: {e}", self.url)),
                    }));
                }
                ClientStage::Done => return FutPoll::Pending,
            }
        }
    }

    fn describe(&self) -> String {
        format!("http request to {}", self.url)
    }
}

/// Polls a future value owned elsewhere.
struct SharedFut(Arc<vm::futures::FutureObj>);

impl NativeFuture for SharedFut {
    fn poll(&mut self, cx: &FutCx) -> FutPoll {
        self.0.inner.lock().poll(cx)
    }

    fn describe(&self) -> String {
        self.0.inner.lock().describe()
    }
}

fn parse_response(bytes: &[u8]) -> Result<Response, String> {
    let Some(end) = bytes.windows(4).position(|w| w == b"\r\n\r\n") else {
        return Err("no end of headers".into());
    };
    let head = String::from_utf8_lossy(&bytes[..end]).into_owned();
    let (first, headers) = parse_head(&head)?;
    let mut parts = first.splitn(3, ' ');
    let version = parts.next().unwrap_or("");
    if !version.starts_with("HTTP/") {
        return Err(format!("bad status line {:?}", truncate(&first)));
    }
    let status: i64 =
        parts.next().unwrap_or("").parse().map_err(|_| format!("bad status line {:?}", truncate(&first)))?;
    let rest = &bytes[end + 4..];
    let body = if header(&headers, "transfer-encoding").is_some_and(|t| t.to_ascii_lowercase().contains("chunked")) {
        dechunk(rest)?
    } else if let Some(n) = content_length(&headers)? {
        if rest.len() < n {
            return Err("body shorter than Content-Length".into());
        }
        rest[..n].to_vec()
    } else {
        rest.to_vec()
    };
    Ok(Response { status, headers, body })
}

fn dechunk(mut data: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    loop {
        let Some(eol) = data.windows(2).position(|w| w == b"\r\n") else { return Err("truncated chunk".into()) };
        let size_text = String::from_utf8_lossy(&data[..eol]).into_owned();
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
            .map_err(|_| format!("bad chunk size {size_text:?}"))?;
        data = &data[eol + 2..];
        if size == 0 {
            return Ok(out);
        }
        if data.len() < size + 2 {
            return Err("truncated chunk".into());
        }
        out.extend_from_slice(&data[..size]);
        data = &data[size + 2..];
    }
}

/// `http.get(url)`.
pub fn get(_vm: &mut Vm, args: vm::builtins::Args) -> RtResult<Value> {
    let url = str_arg(&args.pos, 0, "the URL")?;
    Ok(client("GET", url, None))
}

/// `http.post(url, body)`.
pub fn post(_vm: &mut Vm, args: vm::builtins::Args) -> RtResult<Value> {
    let url = str_arg(&args.pos, 0, "the URL")?;
    let body = match args.pos.get(1).or_else(|| args.kw("body")) {
        Some(Value::Str(s)) => (**s).clone(),
        Some(other) => vm::format::to_str(other),
        None => String::new(),
    };
    Ok(client("POST", url, Some(body)))
}
