from async import timeout

async fn with_timeout():
    match await timeout(slow_operation(), 5.0):
        case Ok(result):
            return result
        case Err(TimeoutError):
            return default_value()
