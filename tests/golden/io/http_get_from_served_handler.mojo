# Checks http.serve on a TcpListener bound to port 0 with an async handler, and http.get
# against it: the response's status and text() (a Result) carry what the handler returned,
# and the handler sees the request's method and path.
async fn handler(req) -> Response:
    if req.path == "/greeting":
        return Response(200, f"{req.method} says hello")
    return Response(404, "nothing")

async fn main():
    let listener = TcpListener::bind("127.0.0.1:0")?
    let base = "http://" + listener.local_addr()
    let server = spawn(http.serve(listener, handler))
    let r = await http.get(base + "/greeting")?
    print(r.status, await r.text()?)
    server.cancel()
# expect: 200 GET says hello
