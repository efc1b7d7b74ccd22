# The server of tests/http_load.rs and tests/http_bad_input.rs: binds
# 127.0.0.1 on a free port, prints its address as the first line of stdout,
# then serves until killed. GET answers "echo PATH"; POST echoes its body;
# every response carries `X-Count`, the number of requests served so far
# (so the tests can check each request was handled exactly once).

let served = Atomic(0)

async fn handler(req: Request) -> Response:
    let n = served.fetch_add(1) + 1
    var body = "echo " + req.path
    if req.method == "POST":
        body = req.body
    return Response(200, body, {"X-Count": str(n)})

async fn main():
    let listener = TcpListener::bind("127.0.0.1:0")?
    print(listener.local_addr())
    await http.serve(listener, handler)
