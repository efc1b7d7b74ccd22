# The HTTP server loop, written in mojolite so that user handlers run as
# ordinary awaited coroutines. Compiled once per process; `http.serve` calls
# `serve`. The `http.__*` natives are the Rust request/response codec.

async fn serve_conn(conn, handler, request_timeout):
    while True:
        # A client that does not send a whole request head in time (it
        # dribbles its headers, or an idle keep-alive connection) is let go.
        match await timeout(http.__read_request(conn), request_timeout):
            case Err(_):
                break
            case Ok(Ok(None)):
                break
            case Ok(Ok(Some(r))):
                var resp = Response(500, "internal server error")
                try:
                    resp = await http.__awaitable(handler(r))
                except e:
                    resp = Response(500, "internal server error: " + str(e))
                let keep = http.__keep_alive(r)
                let written = await http.__write_response(conn, resp, keep)
                if written.is_err() or not keep:
                    break
            case Ok(Err((status, msg))):
                await http.__write_response(conn, Response(status, msg), False)
                break
    conn.close()

async fn serve(place, handler, request_timeout):
    var listener = place
    if type(place) == "String":
        listener = TcpListener::bind(place).unwrap()
    while True:
        match await listener.accept():
            case Ok((conn, _)):
                spawn(serve_conn(conn, handler, request_timeout), name="http connection")
            case Err(e):
                await sleep(0.01)
