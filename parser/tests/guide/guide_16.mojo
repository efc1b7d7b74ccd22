from async import timeout, sleep

async fn with_timeout():
    match await timeout(fetch("slow_server"), 5.0):
        case Ok(result):
            print(f"Success: {result}")
        case Err(TimeoutError):
            print("Request timed out")
