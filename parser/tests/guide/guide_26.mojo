# BAD - Blocks the entire thread
async fn bad_example():
    let data = blocking_io_call()  # Don't do this!
    return data

# GOOD - Use async I/O
async fn good_example():
    let data = await async_io_call()
    return data
