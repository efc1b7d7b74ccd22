# An HTTP/1.1 server with `http.serve`: keep-alive, one task per connection,
# and a 400 for malformed requests, all handled by the runtime. Try it with curl:
#
#   mojolite run examples/http_server.mojo 127.0.0.1:8080
#   curl -s http://127.0.0.1:8080/hello/ada
#
# The address is the first argument (default 127.0.0.1:8080; port 0 picks a
# free port, printed at start). Stop it with Ctrl-C.

let started = monotonic()
let hits = Atomic(0)

async fn handler(req: Request) -> Response:
    let n = hits.fetch_add(1) + 1
    print(f"{req.method} {req.path}")
    if req.path == "/":
        return Response(200, "Hello from mojolite! Try /hello/NAME, /stats or POST /echo.\n")
    if req.path.startswith("/hello/"):
        return Response(200, f"Hello, {req.path[7:]}!\n")
    if req.path == "/stats":
        let body = {"requests": n, "uptime_s": round(monotonic() - started, 1)}
        return Response(200, json.dumps(body) + "\n", {"Content-Type": "application/json"})
    if req.path == "/echo":
        if req.method != "POST":
            return Response(405, "POST a body to /echo\n", {"Allow": "POST"})
        return Response(200, req.body)
    return Response(404, f"no page at {req.path}\n")

async fn main():
    let addr = argv[1] if len(argv) > 1 else "127.0.0.1:8080"
    let listener = TcpListener::bind(addr)?
    print(f"Serving HTTP on http://{listener.local_addr()}/ (Ctrl-C to stop)")
    await http.serve(listener, handler)
