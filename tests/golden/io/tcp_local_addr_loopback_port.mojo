# args: --workers 1
# Checks that a listener bound to 127.0.0.1:0 gets a real port: local_addr() is the String
# "127.0.0.1:PORT" with PORT > 0, and accept() gives the peer's address next to the stream.
async fn accept_one(listener: TcpListener) -> String:
    let (conn, peer) = await listener.accept()?
    conn.close()
    return peer

async fn main():
    let listener = TcpListener::bind("127.0.0.1:0")?
    let addr = listener.local_addr()
    let parts = addr.split(":")
    print(type(addr), parts[0], int(parts[1]) > 0)
    let t = spawn(accept_one(listener))
    let conn = await TcpStream::connect(addr)?
    let peer = await t
    print(peer.startswith("127.0.0.1:"), peer != addr)
    conn.close()
# expect: String 127.0.0.1 True
# expect: True True
