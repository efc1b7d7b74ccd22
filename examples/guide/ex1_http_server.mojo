# The guide, chapter 06 "Async Programming", section "Examples", Example 1:
# HTTP Server. The guide's code is in ex1_http_server_guide.mojo, ported with
# only the edits of the guide edits of examples/README.md; this file runs it:
#
#   mojolite run examples/guide/ex1_http_server.mojo         # self-contained demo
#   mojolite run examples/guide/ex1_http_server.mojo serve   # the guide's main, on port 8080
#
# The guide's code has its own `main` (bind port 8080, accept forever), and a
# program always ends by calling its `main`, so the guide's code sits in a
# module and this `main` picks the mode.
#
# The guide's server answers once the client has finished sending (it reads
# to the end of the stream), so a client must shut down its writing side:
# `curl` never does; use examples/http_server.mojo to try it with curl.

from async import TcpListener, spawn
from io import read_to_string
from ex1_http_server_guide import handle_client, main as guide_main

# The guide's accept loop on a listener of our own (127.0.0.1, port 0).
async fn accept_loop(listener: TcpListener):
    while True:
        let (conn, addr) = await listener.accept()?
        print(f"Connection from {addr.split(':')[0]}")   # the client's port varies: not printed
        spawn(handle_client(conn))

async fn request(addr: String, path: String) -> String:
    let conn = await TcpStream::connect(addr)?
    await conn.write_all(f"GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n")?
    conn.shutdown_write()          # the guide's server reads to end of stream
    let reply = await read_to_string(conn)?
    conn.close()
    return reply

async fn self_contained():
    let listener = TcpListener::bind("127.0.0.1:0")?
    print("Server listening on 127.0.0.1 (a free port)")
    let server = spawn(accept_loop(listener))
    for path in ["/", "/index.html"]:
        let reply = await request(listener.local_addr(), path)
        print(f"GET {path} -> {repr(reply)}")
    server.cancel()
    print("done")

async fn main():
    if len(argv) > 1 and argv[1] == "serve":
        await guide_main()
    else:
        await self_contained()
