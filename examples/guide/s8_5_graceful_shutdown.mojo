# The guide, chapter 06 "Async Programming", section 8.5 "Graceful Shutdown".
# Ported with only the edits of the guide edits of examples/README.md: the stray `}` line dropped,
# the `async { … }` block written as a nested `async fn` that is called, and
# `connections`, `handle_connection` and `shutdown_event` the snippet assumes
# defined at the top.
#
#   mojolite run examples/guide/s8_5_graceful_shutdown.mojo
#
# The snippet defines `server` but no `main`; the `main` at the end, not from
# the guide, runs the server, sends it three connections, then signals the
# shutdown, waits for the server to finish and checks that its loop stopped.

# Assumed by the guide: a channel of incoming connections (here, names),
# a handler (called without `await`, so an ordinary function), and the
# event that asks for the shutdown.
let connections = Channel[String]::new()
let shutdown_event = Event()

fn handle_connection(conn: String):
    print(f"handling connection {conn}")

# ---- The guide's code ------------------------------------------------------

async fn server():
    let shutdown = Channel[()]::new()
    
    # Main loop
    async fn async_block():
        while True:
            match await select([connections, shutdown]):
                case 0, conn:
                    handle_connection(conn)
                case 1, _:
                    break  # Shutdown signal
    spawn(async_block())
    
    # Wait for shutdown signal
    await shutdown_event.wait()
    await shutdown.send(())

# ---- Not from the guide: running it -----------------------------------------

async fn main():
    let running = spawn(server())
    for name in ["alpha", "beta", "gamma"]:
        await connections.send(name)
    print("asking for shutdown")
    shutdown_event.set()
    await running
    print("server() returned")
    # The main loop has stopped: no one receives connections any more, so an
    # unbuffered send that does not wait finds no taker.
    await sleep(0.1)
    print("a late connection is taken:", connections.try_send("delta"))
