async fn server():
    let shutdown = Channel[()]::new()
    
    # Main loop
    async fn main_loop():
        while True:
            match await select([connections, shutdown]):
                case 0, conn:
                    handle_connection(conn)
                case 1, _:
                    break  # Shutdown signal
    spawn(main_loop())
    
    # Wait for shutdown signal
    await shutdown_event.wait()
    await shutdown.send(())
