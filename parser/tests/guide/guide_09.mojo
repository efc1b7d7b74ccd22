from async import join, spawn

async fn main():
    let futures = [
        spawn(fetch("url1")),
        spawn(fetch("url2")),
        spawn(fetch("url3")),
    ]
    
    # Wait for all to complete
    let results = await join(futures)
    
    for result in results:
        print(result)
