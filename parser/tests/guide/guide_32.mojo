from async import spawn, join

async fn download(url: String) -> Result[Data, Error]:
    print(f"Downloading {url}")
    let response = await http.get(url)?
    let data = await response.bytes()?
    print(f"Downloaded {url}: {data.len()} bytes")
    return Ok(data)

async fn download_all(urls: List[String]) -> List[Data]:
    var tasks = List[Task[Data]]()
    
    # Start all downloads
    for url in urls:
        tasks.append(spawn(download(url)))
    
    # Wait for all
    var results = List[Data]()
    for task in tasks:
        match await task:
            case Ok(data):
                results.append(data)
            case Err(e):
                print(f"Download failed: {e}")
    
    return results
