# The server of tests/http_load.rs and tests/http_bad_input.rs: binds
# 127.0.0.1 on a free port, prints its address as the first line of stdout,
# then serves until killed. GET answers "echo PATH" (GET /big: 1 MB of "x");
# POST echoes its body; every response carries `X-Count`, the number of
# requests served so far (so the tests can check each request was handled
# exactly once). HTTP_REQUEST_TIMEOUT (seconds) sets http.serve's
# request_timeout.

let served = Atomic(0)

async fn handler(req: Request) -> Response:
    let n = served.fetch_add(1) + 1
    var body = "echo " + req.path
    if req.path == "/big":
        body = "x" * 1_000_000
    if req.method == "POST":
        body = req.body
    return Response(200, body, {"X-Count": str(n)})

async fn main():
    let listener = TcpListener::bind("127.0.0.1:0")?
    print(listener.local_addr())
    match env.get("HTTP_REQUEST_TIMEOUT"):
        case Some(secs):
            await http.serve(listener, handler, request_timeout=float(secs))
        case None:
            await http.serve(listener, handler)
