# Checks that timeout() around a pending socket read cancels just that read: the first
# read_line gives up after 0.1 s with Err(TimeoutError), and the next read_line on the same
# stream still gets the line the server sends later.
async fn late_server(listener: TcpListener):
    let (conn, _) = await listener.accept()?
    await sleep(0.4)
    await conn.write_all("finally here\n")?
    let ack = await conn.read_line()?
    await conn.write_all("got " + ack)?
    conn.close()

async fn main():
    let listener = TcpListener::bind("127.0.0.1:0")?
    let server = spawn(late_server(listener))
    let conn = await TcpStream::connect(listener.local_addr())?
    let first = await timeout(conn.read_line(), 0.1)
    match first:
        case Err(TimeoutError):
            print("first read timed out")
        case _:
            print("WRONG", first)
    match await timeout(conn.read_line(), 5.0):
        case Ok(Ok(line)):
            print("second read:", line.strip())
        case other:
            print("WRONG", other)
    await conn.write_all("ack\n")?
    print((await conn.read_line()?).strip())
    await server
# expect: first read timed out
# expect: second read: finally here
# expect: got ack
