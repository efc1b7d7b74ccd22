# Synchronous - blocks entire thread
fn fetch_sync(url: String) -> Data:
    let response = http.get(url)  # Blocks here
    return response.data

# Asynchronous - non-blocking
async fn fetch_async(url: String) -> Data:
    let response = await http.get(url)  # Yields here
    return response.data
