# args: --workers 1
# Checks read_line() on a TCP stream: each line keeps its "\n", and once the peer has closed
# the connection it gives "" (again on every further call), like Python's readline.
async fn two_lines_then_close(listener: TcpListener):
    let (conn, _) = await listener.accept()?
    await conn.write_all("alpha\nbeta\n")?
    conn.close()

async fn main():
    let listener = TcpListener::bind("127.0.0.1:0")?
    let server = spawn(two_lines_then_close(listener))
    let conn = await TcpStream::connect(listener.local_addr())?
    for i in range(4):
        print(repr(await conn.read_line()?))
    await server
# expect: 'alpha\n'
# expect: 'beta\n'
# expect: ''
# expect: ''
