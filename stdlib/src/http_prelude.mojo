# The HTTP server loop, written in mojolite so that user handlers run as
# ordinary awaited coroutines. Compiled once per process; `http.serve` calls
# `serve`. The `http.__*` natives are the Rust request/response codec.

async fn serve_conn(conn, handler):
    while True:
        let req = await http.__read_request(conn)
        match req:
            case Ok(None):
                break
            case Ok(Some(r)):
                var resp = Response(500, "internal server error")
                try:
                    resp = await http.__awaitable(handler(r))
                except e:
                    resp = Response(500, "internal server error: " + str(e))
                let keep = http.__keep_alive(r)
                let written = await http.__write_response(conn, resp, keep)
                if written.is_err() or not keep:
                    break
            case Err(msg):
                await http.__write_response(conn, Response(400, msg), False)
                break
    conn.close()

async fn serve(place, handler):
    var listener = place
    if type(place) == "String":
        listener = TcpListener::bind(place).unwrap()
    while True:
        match await listener.accept():
            case Ok((conn, _)):
                spawn(serve_conn(conn, handler), name="http connection")
            case Err(e):
                await sleep(0.01)
