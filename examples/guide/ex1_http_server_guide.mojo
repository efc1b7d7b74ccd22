# module: the guide's Example 1, imported by ex1_http_server.mojo (which runs it).
# The guide, chapter 06 "Async Programming", section "Examples", Example 1:
# HTTP Server. Ported with only the edits of the guide edits of examples/README.md: the stray `}`
# line dropped and `&conn` written `conn`. Run on its own, this file is the
# guide's program: a server on 127.0.0.1:8080 that runs until killed.

from async import TcpListener, spawn
from io import read_to_string, write_all

async fn handle_client(conn: TcpStream):
    let request = await read_to_string(conn)?
    
    let response = "HTTP/1.1 200 OK\r\n\r\nHello, World!"
    await write_all(conn, response)?
    
    conn.close()

async fn main():
    let listener = TcpListener::bind("127.0.0.1:8080")?
    print("Server listening on port 8080")
    
    while True:
        let (conn, addr) = await listener.accept()?
        print(f"Connection from {addr}")
        spawn(handle_client(conn))
