# Efficient I/O handling
async fn handle_connections():
    let listener = TcpListener::bind("0.0.0.0:8080")?
    
    while True:
        let conn = await listener.accept()
        spawn(handle_client(conn))  # Non-blocking
