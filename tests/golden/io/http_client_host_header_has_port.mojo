# The HTTP client's Host header names the port the URL gives (as HTTP requires when
# it is not 80); the request line carries the path.
async fn one_request(listener: TcpListener) -> String:
    let (conn, _) = (await listener.accept())?
    let head = (await conn.read_until("\r\n\r\n"))?
    await conn.write_all("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
    conn.close()
    return head

async fn main():
    let listener = TcpListener::bind("127.0.0.1:0")?
    let addr = listener.local_addr()
    let server = spawn(one_request(listener))
    let resp = (await http.get("http://" + addr + "/x?y=1"))?
    print(resp.status, (await resp.text())?)
    let head = await server
    print(head.startswith("GET /x?y=1 HTTP/1.1\r\n"))
    print(("\r\nHost: " + addr + "\r\n") in head)
# expect: 200 ok
# expect: True
# expect: True
