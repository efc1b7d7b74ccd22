# args: --workers 1
# Checks a TCP round trip on the loopback: a server task accepts one connection on a listener
# bound to port 0 and answers each line; the client connects to local_addr(), writes lines with
# write_all and reads the answers with read_line; closing the client ends the server's loop.
async fn shouting_server(listener: TcpListener):
    let (conn, peer) = await listener.accept()?
    while True:
        let line = await conn.read_line()?
        if line == "":
            break
        await conn.write_all("> " + line.upper())?
    conn.close()

async fn main():
    let listener = TcpListener::bind("127.0.0.1:0")?
    let server = spawn(shouting_server(listener))
    let conn = await TcpStream::connect(listener.local_addr())?
    for word in ["ping\n", "pong\n"]:
        await conn.write_all(word)?
        print((await conn.read_line()?).strip())
    conn.close()
    await server
    print("server finished")
# expect: > PING
# expect: > PONG
# expect: server finished
