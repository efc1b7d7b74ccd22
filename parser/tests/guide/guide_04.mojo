# Main function can be async
async fn main():
    let data = await fetch_data("https://api.example.com")
    print(data)

# Or use spawn to run async from sync context
fn main():
    async fn block():
        await fetch_data("https://api.example.com")
    let handle = spawn(block())
    
    # Wait for completion
    let result = handle.await()
