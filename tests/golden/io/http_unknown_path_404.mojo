# Checks that a status other than 200 (here the handler's 404) reaches the client as
# response.status, with its body, and is not an Err.
async fn handler(req) -> Response:
    if req.path == "/":
        return Response(200, "home")
    return Response(404, "no page at " + req.path)

async fn main():
    let listener = TcpListener::bind("127.0.0.1:0")?
    let base = "http://" + listener.local_addr()
    let server = spawn(http.serve(listener, handler))
    let r = await http.get(base + "/missing/page")
    print(r.is_ok())
    let resp = r.unwrap()
    print(resp.status, await resp.text()?)
    server.cancel()
# expect: True
# expect: 404 no page at /missing/page
