# Types and functions a standard module exports are reachable through the module too:
# `net.TcpListener::bind`, `http.Response`, `async.Channel`, `async.spawn`.
import net
import http
import async

async fn double(x: Int) -> Int:
    return x * 2

async fn main():
    let listener = net.TcpListener::bind("127.0.0.1:0")?
    print(listener.local_addr().startswith("127.0.0.1:"))
    let r = http.Response(201, "made")
    print(r.status)
    let ch = async.Channel[Int]::with_capacity(1)
    await ch.send(4)
    print(await async.spawn(double((await ch.recv()).unwrap())))
# expect: True
# expect: 201
# expect: 8
