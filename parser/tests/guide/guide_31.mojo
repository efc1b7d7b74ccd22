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
