async fn retry[T](
    operation: async fn() -> Result[T, Error],
    max_attempts: Int
) -> Result[T, Error]:
    for attempt in 1..=max_attempts:
        match await operation():
            case Ok(result):
                return Ok(result)
            case Err(error):
                if attempt == max_attempts:
                    return Err(error)
                await sleep(1.0 * attempt)  # Exponential backoff
    
    return Err(Error("Max retries exceeded"))
