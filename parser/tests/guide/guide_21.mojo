async fn might_panic():
    let value = await compute()
    if value < 0:
        panic("Unexpected negative value")
    return value

# Panics propagate to the spawning task
async fn main():
    let handle = spawn(might_panic())
    
    match await handle.catch():
        case Ok(result):
            print(f"Success: {result}")
        case Err(panic_msg):
            print(f"Task panicked: {panic_msg}")
