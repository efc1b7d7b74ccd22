from async import http

async fn fetch_json(url: String) -> Result[JsonValue, Error]:
    let response = await http.get(url)?
    
    if response.status != 200:
        return Err(Error(f"HTTP {response.status}"))
    
    let data = await response.json()?
    return Ok(data)

async fn fetch_multiple(urls: List[String]):
    var tasks = List[Task]()
    
    for url in urls:
        tasks.append(spawn(fetch_json(url)))
    
    for task in tasks:
        match await task:
            case Ok(data):
                print(f"Success: {data}")
            case Err(error):
                print(f"Error: {error}")
